"""Batch annotation: inputs → records → output documents, in input order, one line each.

`annotate_records` is the plain function behind `extractor annotate`; it streams (memory does not
grow with the input), keeps input order, and never loses a line: a document that fails yields an
output line with `error` set. With `workers > 1` the documents are spread over processes that each
load the model once.
"""

from __future__ import annotations

import multiprocessing as mp
import sys
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Optional

import orjson

from .extract import Extractor
from .readers import Record
from .schema import Document

_WORKER: Optional[Extractor] = None


def _init_worker(model: Optional[str], gazetteers: list[str], max_chars: int) -> None:
    global _WORKER
    _WORKER = Extractor.load(model, max_chars=max_chars)
    for path in gazetteers:
        _WORKER.add_gazetteer(path)


def _work(chunk: list[Record]) -> list[bytes]:
    assert _WORKER is not None
    return [dumps(doc) for doc in _WORKER.pipe(chunk)]


def dumps(doc: Document) -> bytes:
    """One output line (without the newline)."""
    return orjson.dumps(doc.to_json_dict())


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(records)
    while True:
        chunk = list(islice(it, size))
        if not chunk:
            return
        yield chunk


def annotate_records(
    records: Iterable[Record],
    *,
    model: Optional[str] = None,
    workers: int = 1,
    gazetteers: Optional[list[str]] = None,
    max_chars: int = 1_000_000,
    chunk_size: int = 16,
    extractor: Optional[Extractor] = None,
) -> Iterator[bytes]:
    """Yield one serialised output document per record, in input order."""
    gazetteers = list(gazetteers or [])
    if workers <= 1:
        ex = extractor or Extractor.load(model, max_chars=max_chars)
        for path in gazetteers:
            ex.add_gazetteer(path)
        for doc in ex.pipe(records, batch_size=chunk_size):
            yield dumps(doc)
        return
    ctx = mp.get_context("spawn" if sys.platform == "darwin" else "fork")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(model, gazetteers, max_chars), maxtasksperchild=200) as pool:
        for lines in pool.imap(_work, _chunks(records, chunk_size)):
            yield from lines


def count_records(paths: list[Path]) -> Optional[int]:
    """A cheap count for the progress bar: lines of JSONL inputs; None when not cheap to know."""
    total = 0
    for path in paths:
        if path.is_file() and path.name.endswith(".jsonl"):
            with open(path, "rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            return None
    return total
