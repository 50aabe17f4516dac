"""Speed and memory of the extractor against plain en_core_web_sm, measured in the same run.

    python benchmarks/bench_speed.py [--words 50000] [--model models/trade_en]

Annotates the corpus texts repeated to at least --words words three ways: plain en_core_web_sm
`nlp.pipe` (the baseline), the extractor's entity pipeline (events disabled), and the whole
pipeline through `Extractor.pipe` (what `extractor annotate` runs). Prints words per second, the
ratios to the baseline (a cost: time of ours / time of the baseline), the events' share, and the
peak resident memory of this one process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.build import EVENT_COMPONENTS, load_base  # noqa: E402
from extractor.corpus import load_corpus  # noqa: E402
from extractor.extract import Extractor  # noqa: E402
from extractor.readers import Record  # noqa: E402


def texts(min_words: int) -> list[tuple[str, str | None]]:
    docs = [(d["text"], d.get("date")) for d in load_corpus()]
    out, words = [], 0
    while words < min_words:
        for text, date in docs:
            out.append((text, date))
            words += len(text.split())
    return out


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--model", default=None, help="pipeline folder (default: the shipped model)")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()

    data = texts(args.words)
    n_words = sum(len(t.split()) for t, _ in data)
    base = load_base()
    ex = Extractor.load(args.model)
    records = [Record(id=str(i), text=t, date=d) for i, (t, d) in enumerate(data)]

    # warm up each pipeline on a few documents
    list(base.pipe([t for t, _ in data[:5]]))
    list(ex.pipe(records[:5]))

    t_base = timed(lambda: list(base.pipe((t for t, _ in data), batch_size=args.batch_size)))
    events = [n for n in ex.nlp.pipe_names if n in EVENT_COMPONENTS]
    with ex.nlp.select_pipes(disable=events):
        t_entities = timed(lambda: list(ex.pipe(records, batch_size=args.batch_size)))
    t_full = timed(lambda: list(ex.pipe(records, batch_size=args.batch_size)))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"documents {len(data)}, words {n_words}")
    print(f"{'pipeline':<34}{'seconds':>9}{'words/s':>10}{'cost vs baseline':>18}")
    for name, seconds in (("en_core_web_sm nlp.pipe (baseline)", t_base),
                          ("extractor, entities only", t_entities),
                          ("extractor, entities + events", t_full)):
        print(f"{name:<34}{seconds:>9.2f}{n_words / seconds:>10.0f}{seconds / t_base:>17.2f}x")
    print(f"events add {100 * (t_full - t_entities) / t_entities:.1f}% to the entity pipeline's time")
    print(f"peak resident memory of this process: {peak_mib:.0f} MiB (both pipelines loaded)")


if __name__ == "__main__":
    main()
