"""Load the HTTP API with real releases from concurrent clients (a script, not a timed test).

Starts `uvicorn service.main:app` on 127.0.0.1 only, warms it with one sequential pass over the
releases (the baseline: one client's requests per second), then sends a bounded number of
POST /v1/extract requests from concurrent clients and prints requests per second (and its ratio to
the baseline), latency percentiles, the error count and the server's resident memory (all its
processes) after the warm-up, at the middle and at the end. Linux only (memory is read from /proc).

    .venv/bin/python benchmarks/load_api.py                          # 16 clients, 2,000 requests
    .venv/bin/python benchmarks/load_api.py --requests 500 --clients 16 --workers 2

Exits 1 when a request failed or the memory grew by more than --max-growth-mib between the middle
and the end of the run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import httpx

from proctree import tree_sample

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"  # loopback only, whatever the flags


def load_releases(pattern: str) -> list[dict]:
    releases = []
    for path in sorted((ROOT / "corpus" / "src").glob(pattern)):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("text", "").strip():
            releases.append({"id": data.get("id", path.stem), "text": data["text"], "date": data.get("date")})
    if not releases:
        sys.exit(f"no releases match corpus/src/{pattern}")
    return releases


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int, model: Optional[str], log_path: Path) -> subprocess.Popen:
    env = dict(os.environ)
    if model:
        env["EXTRACTOR_MODEL_PATH"] = model
    cmd = [sys.executable, "-m", "uvicorn", "service.main:app", "--host", HOST, "--port", str(port),
           "--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    ready = 0
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"the server exited with {proc.returncode}:\n{log_path.read_text()[-2000:]}")
        try:
            ok = httpx.get(f"http://{HOST}:{port}/readyz", timeout=5).status_code == 200
        except httpx.TransportError:
            ok = False
        ready = ready + 1 if ok else 0
        if ready >= 2 * workers:  # with several workers, let each of them answer ready
            return proc
        time.sleep(0.25)
    proc.terminate()
    sys.exit(f"the server was not ready in 120 s:\n{log_path.read_text()[-2000:]}")


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of sorted values."""
    if not sorted_values:
        return float("nan")
    rank = max(1, int(round(q / 100 * len(sorted_values) + 0.5)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


async def run_load(url: str, releases: list[dict], total: int, clients: int, pid: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    memory: dict[str, float] = {}
    next_index = 0
    done = 0
    half = total // 2
    tenth = max(1, total // 10)
    trace: list[float] = []  # memory after each tenth of the requests

    async def client(http: httpx.AsyncClient) -> None:
        nonlocal next_index, done
        while next_index < total:
            i = next_index
            next_index += 1
            release = releases[i % len(releases)]
            body = {"id": f"{release['id']}#{i}", "text": release["text"], "date": release["date"]}
            started = time.perf_counter()
            try:
                response = await http.post(url, json=body)
                elapsed = time.perf_counter() - started
                if response.status_code != 200:
                    errors.append(f"HTTP {response.status_code}: {response.text[:200]}")
                elif response.json().get("id") != body["id"]:
                    errors.append(f"request {i} got the answer of another document")
                else:
                    latencies.append(elapsed)
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
            done += 1
            if done % tenth == 0 or done == half:
                trace.append(tree_sample(pid))
                if done == half:
                    memory["middle"] = trace[-1]

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=300) as http:
        started = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        wall = time.perf_counter() - started
    return {"latencies": sorted(latencies), "errors": errors, "wall": wall, "memory": memory, "trace": trace}


def warm_up(url: str, releases: list[dict]) -> float:
    """One sequential pass over the releases; returns its requests per second (the baseline)."""
    with httpx.Client(timeout=300) as http:
        started = time.perf_counter()
        for release in releases:
            response = http.post(url, json=release)
            if response.status_code != 200:
                sys.exit(f"warm-up failed: HTTP {response.status_code}: {response.text[:300]}")
        return len(releases) / (time.perf_counter() - started)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests to send (default 2000)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes (default 1)")
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    parser.add_argument("--model", default=None,
                        help="model folder (default: $EXTRACTOR_MODEL_PATH or the shipped one)")
    parser.add_argument("--releases", default="motir-*.json", help="glob under corpus/src (default motir-*.json)")
    parser.add_argument("--max-growth-mib", type=float, default=20.0,
                        help="memory growth from the middle to the end that counts as a failure (default 20)")
    parser.add_argument("--log", type=Path, default=None, help="server log file (default: a temporary file)")
    args = parser.parse_args(argv)
    if args.requests < 1 or args.clients < 1 or args.workers < 1:
        parser.error("--requests, --clients and --workers must be at least 1")

    releases = load_releases(args.releases)
    port = args.port or free_port()
    log_path = args.log or Path(os.environ.get("TMPDIR", "/tmp")) / f"load_api-{os.getpid()}.log"
    url = f"http://{HOST}:{port}/v1/extract"

    print(f"server: uvicorn service.main:app on {HOST}:{port}, {args.workers} worker(s); log {log_path}")
    proc = start_server(port, args.workers, args.model, log_path)
    try:
        mem_ready = tree_sample(proc.pid)
        baseline = warm_up(url, releases)
        mem_start = tree_sample(proc.pid)
        print(f"warm-up: {len(releases)} releases one at a time, {baseline:.2f} requests/s (baseline)")
        print(f"load: {args.requests} requests from {args.clients} clients ...", flush=True)
        result = asyncio.run(run_load(url, releases, args.requests, args.clients, proc.pid))
        mem_end = tree_sample(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()

    lat = result["latencies"]
    errors = result["errors"]
    rps = args.requests / result["wall"]
    mem_mid = result["memory"].get("middle", float("nan"))
    growth = mem_end - mem_mid
    print()
    print(f"requests        {args.requests} in {result['wall']:.1f} s from {args.clients} clients")
    print(f"throughput      {rps:.2f} requests/s  ({rps / baseline:.2f}x one sequential client)")
    print(f"latency         p50 {percentile(lat, 50) * 1000:.0f} ms   p95 {percentile(lat, 95) * 1000:.0f} ms   "
          f"p99 {percentile(lat, 99) * 1000:.0f} ms   max {(lat[-1] if lat else float('nan')) * 1000:.0f} ms")
    print(f"errors          {len(errors)}")
    for message in errors[:5]:
        print(f"  {message}")
    print(f"server memory   ready {mem_ready:.0f} MiB   start {mem_start:.0f} MiB   middle {mem_mid:.0f} MiB   "
          f"end {mem_end:.0f} MiB   (middle to end {growth:+.1f} MiB)")
    print("memory trace    " + " ".join(f"{m:.0f}" for m in result["trace"]) + " MiB (each tenth of the run)")
    failed = bool(errors) or growth > args.max_growth_mib
    print("result          " + ("FAIL" if failed else "OK: no errors, no memory growth"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
