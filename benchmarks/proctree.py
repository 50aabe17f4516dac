"""Resident memory and CPU time of a process and all its descendants, read from /proc (Linux only).

Shared by the benchmarks that watch a command with worker processes (`bench_stream.py`, `load_api.py`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional


def _children() -> dict[int, list[int]]:
    """Parent pid → child pids, for every process of the machine."""
    kids: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])  # field 4, after the command name
            kids.setdefault(ppid, []).append(int(entry))
    return kids


def tree_sample(pid: int, cpu: Optional[dict[int, float]] = None) -> float:
    """Resident memory (MiB) of a process and all its descendants; with `cpu`, their CPU seconds
    (user + system) go into it by pid."""
    kids = _children()
    tick = os.sysconf("SC_CLK_TCK")
    total_kib, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kib += int(line.split()[1])
            if cpu is not None:
                stat = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
                cpu[current] = (int(stat[11]) + int(stat[12])) / tick  # utime, stime
        except OSError:
            continue
        todo.extend(kids.get(current, []))
    return total_kib / 1024
