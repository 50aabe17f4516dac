"""Streaming at scale: `extractor annotate` on 100,000 documents, with 1 and with 2 workers.

    .venv/bin/python benchmarks/bench_stream.py                       # 100,000 documents, workers 1 and 2
    .venv/bin/python benchmarks/bench_stream.py --docs 20000 --workers 2 --unit sentence

Builds the input from the corpus releases cut into paragraphs (or sentences, or whole releases),
one document each, repeated to --docs documents; each gets a unique reference number ("Ref. KX000123"),
a string spaCy's string store has not seen, as in a real archive. Then runs the real command
(`extractor annotate IN -o OUT --workers N`) once per worker count and samples, every half second,
the resident memory of its whole process tree (the command and its worker processes) together with
the number of documents written. Prints the memory at the start (once 2 % of the documents are
done, the model loaded and warm), the middle and the end (98 %), its growth from start to end, and
words per second (steady: from 2 % to 98 %; and end to end, start-up included); then the speed-up of
2 workers over 1, measured in the same run. Linux only (memory is read from /proc).

Exits 1 when the memory grows by more than --max-growth percent, or the speed-up is below
--min-speedup.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from bisect import bisect_left
from pathlib import Path

import orjson

from proctree import tree_sample

ROOT = Path(__file__).resolve().parent.parent
RELEASES = ROOT / "corpus" / "releases.jsonl"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def units(unit: str) -> list[tuple[str, str, str | None]]:
    """(id, text, date) of every paragraph, sentence or release of the corpus releases."""
    out = []
    for line in RELEASES.read_bytes().splitlines():
        rel = orjson.loads(line)
        if unit == "release":
            pieces = [rel["text"]]
        else:
            pieces = [p.strip() for p in rel["text"].split("\n") if p.strip()]
            if unit == "sentence":
                pieces = [s for p in pieces for s in _SENTENCE.split(p) if len(s.split()) >= 3]
        out.extend((f"{rel['id']}-{k}", text, rel.get("date")) for k, text in enumerate(pieces))
    return out


def build_input(path: Path, n_docs: int, unit: str) -> list[int]:
    """Write n_docs documents; return the cumulative word counts (index i: words of the first i)."""
    base = units(unit)
    cumulative = [0]
    with open(path, "wb") as out:
        for i in range(n_docs):
            doc_id, text, date = base[i % len(base)]
            text = f"{text} Ref. KX{i:06d}."
            out.write(orjson.dumps({"id": f"{doc_id}#{i}", "text": text, "date": date}) + b"\n")
            cumulative.append(cumulative[-1] + len(text.split()))
    return cumulative


def busy_seconds() -> float:
    """CPU seconds all CPUs of the machine have been busy since boot (to see what other jobs take)."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run(src: Path, out: Path, workers: int, n_docs: int, extra: list[str]) -> dict:
    """Run the command; return its samples (seconds, documents done, MiB) and wall time."""
    part = out.with_name(out.name + ".part")
    cmd = [sys.executable, "-c", "from extractor.cli import main; main()", "annotate", str(src), "-o", str(out),
           "--workers", str(workers), "--no-progress", *extra]
    started = time.perf_counter()
    busy0, cpu = busy_seconds(), {}
    proc = subprocess.Popen(cmd, cwd=ROOT)
    samples: list[tuple[float, int, float]] = []
    done, offset = 0, 0
    while proc.poll() is None:
        time.sleep(0.5)
        if part.exists():
            with open(part, "rb") as fh:
                fh.seek(offset)
                chunk = fh.read()
            offset += len(chunk)
            done += chunk.count(b"\n")
        rss = tree_sample(proc.pid, cpu)
        if proc.poll() is None:
            samples.append((time.perf_counter() - started, done, rss))
    wall = time.perf_counter() - started
    # what the machine did, less the command's tree (sampled; this script's own sampling is small)
    others = max(0.0, busy_seconds() - busy0 - sum(cpu.values()))
    if proc.returncode != 0:
        sys.exit(f"the command failed with exit code {proc.returncode}")
    lines = out.read_bytes().count(b"\n")
    if lines != n_docs:
        sys.exit(f"{out} has {lines} lines for {n_docs} documents")
    return {"samples": samples, "wall": wall, "others": others / wall}


def summarise(result: dict, cumulative: list[int], n_docs: int) -> dict:
    samples = result["samples"]
    done = [s[1] for s in samples]

    def at(fraction: float) -> tuple[float, int, float]:
        i = bisect_left(done, max(1, int(fraction * n_docs)))
        return samples[min(i, len(samples) - 1)]

    # the end: 98 % done, while the workers still run (they are stopped once the input is done)
    start, middle, end = at(0.02), at(0.5), at(0.98)
    steady = (cumulative[end[1]] - cumulative[start[1]]) / max(end[0] - start[0], 1e-9)
    return {
        "start": start, "middle": middle, "end": end,
        "growth": 100 * (end[2] - start[2]) / start[2],
        "steady_wps": steady,
        "e2e_wps": cumulative[-1] / result["wall"],
        "wall": result["wall"],
        "others": result["others"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--unit", choices=["paragraph", "sentence", "release"], default="paragraph")
    parser.add_argument("--max-growth", type=float, default=10.0, help="percent, start to end")
    parser.add_argument("--min-speedup", type=float, default=1.7, help="words/s of 2 workers over 1")
    parser.add_argument("--keep", action="store_true", help="keep the input and outputs")
    parser.add_argument("extra", nargs="*", help="more options for `extractor annotate` (after --)")
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="bench_stream_"))
    src = tmp / "in.jsonl"
    cumulative = build_input(src, args.docs, args.unit)
    print(f"input: {args.docs} documents ({args.unit}s of the corpus releases, repeated), "
          f"{cumulative[-1]} words, {src.stat().st_size / 2**20:.0f} MiB; {os.cpu_count()} CPUs", flush=True)
    results = {}
    for workers in args.workers:
        load = os.getloadavg()[0]
        res = summarise(run(src, tmp / f"out{workers}.jsonl", workers, args.docs, args.extra), cumulative, args.docs)
        results[workers] = res
        s, m, e = res["start"], res["middle"], res["end"]
        print(f"workers {workers}: {res['wall']:.0f} s, {res['steady_wps']:.0f} words/s steady "
              f"({res['e2e_wps']:.0f} end to end); resident memory (MiB, whole process tree) "
              f"start {s[2]:.0f} at {s[1]} docs, middle {m[2]:.0f} at {m[1]}, end {e[2]:.0f} at {e[1]}: "
              f"{res['growth']:+.1f} %; other jobs used {res['others']:.2f} CPUs on average "
              f"(load average before {load:.2f}, after {os.getloadavg()[0]:.2f})", flush=True)
    failed = [w for w, r in results.items() if r["growth"] > args.max_growth]
    if failed:
        print(f"memory grew by more than {args.max_growth} % with workers {failed}")
    if 1 in results and 2 in results:
        ratio = results[2]["steady_wps"] / results[1]["steady_wps"]
        e2e = results[2]["e2e_wps"] / results[1]["e2e_wps"]
        print(f"speed-up of 2 workers over 1: {ratio:.2f}x steady ({e2e:.2f}x end to end); "
              f"target {args.min_speedup}x")
        if ratio < args.min_speedup:
            failed.append("speed-up")
    if args.keep:
        print(f"kept {tmp}")
    else:
        for path in tmp.iterdir():
            path.unlink()
        tmp.rmdir()
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
