"""Batch annotation: inputs → records → output documents, in input order, one line each.

`annotate_records` turns records into output lines and `annotate_files` is the plain function
behind `extractor annotate` (inputs to a JSONL or Parquet file, resumable). Both stream: memory
does not grow with the input. Every record gives exactly one output line with its id, in input
order; a document that fails gets empty results and `error`.

- `Extractor.pipe` runs each batch inside `nlp.memory_zone()`, so the strings and lexemes of its
  texts are freed once its documents are built and spaCy's string store does not grow with the
  archive.
- With `workers > 1` the batches go to worker processes that each load the model once; at most a
  few batches per worker are in flight. A worker is replaced after `recycle_after` documents, and
  one that dies (killed, out of memory) is replaced too: its documents are retried one at a time,
  and the one it dies on again gets an `error` line.
- A text longer than `chunk_chars` is annotated in sentence-aligned pieces (`split_text`) whose
  results are shifted to document offsets and merged (`merge_parts`); one longer than `max_chars`
  gets an `error` line instead.
- `annotate_files` writes OUT.part (JSONL, one flushed line per document) and renames it at the
  end; `resume=True` drops a trailing half line from OUT.part, skips the documents it already has
  and appends the rest, so the finished file is byte for byte that of an uninterrupted run.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import multiprocessing.connection as mpc
import os
import re
import signal
import sys
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

import orjson

from .errors import InputError, ModelLoadError
from .extract import Extractor
from .readers import DEFAULT_COLUMNS, Columns, Record, clean_id, input_kind, iter_paths, read_inputs, text_problem
from .schema import Argument, Document, Entity, Event, Mention, Span

DEFAULT_MAX_CHARS = 10_000_000
DEFAULT_CHUNK_CHARS = 100_000
DEFAULT_BATCH_SIZE = 16
DEFAULT_RECYCLE_AFTER = 20_000
# entity attributes whose value is the id of another entity of the same document
ENTITY_REF_ATTRIBUTES = ("affiliation",)
# pieces of one long document are piped this many characters at a time, to bound the parser's memory
_LONG_BATCH_CHARS = 200_000


def dumps(doc: Document) -> bytes:
    """One output line (without the newline)."""
    return orjson.dumps(doc.to_json_dict())


def _error_doc(rec: Record, message: str) -> Document:
    return Document(id=clean_id(rec.id), date=rec.date, error=message)


# ---------------------------------------------------------------------------------------------
# long documents

_BREAKS = (
    re.compile(r"\n[ \t\r\f\v]*\n\s*"),  # a blank line: a paragraph ends
    re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])"),  # a sentence ends and a new one starts
    re.compile(r"\n\s*"),  # a line ends
    re.compile(r"\s+"),  # a word ends
)


def split_text(text: str, size: int) -> list[tuple[int, int]]:
    """Cut a text into pieces of at most `size` characters, at the last paragraph break in the
    second half of each piece, else the last sentence end, line end or space there, else hard.

    Returns the (start, end) offsets of the pieces; they cover the text without gaps.
    """
    if size <= 0:
        raise ValueError("the piece size must be positive")
    spans = []
    start, n = 0, len(text)
    while n - start > size:
        end = start + size
        cut = None
        for pattern in _BREAKS:
            last = None
            for last in pattern.finditer(text, start + size // 2, end):
                pass
            if last is not None and last.end() > start:
                cut = last.end()
                break
        cut = cut or end
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def merge_parts(doc_id: str, date: Optional[str], parts: Sequence[tuple[int, Document]]) -> Document:
    """One document from the results of its pieces: offsets shifted by each piece's start, entities
    of the same label and name merged (their mentions joined), ids renumbered E1.., V1.. in order,
    and entity references (arguments, `affiliation`) mapped to the new ids."""
    entities: list[Entity] = []
    by_key: dict[tuple[str, str], Entity] = {}
    events: list[Event] = []
    for offset, part in parts:
        idmap: dict[str, str] = {}
        fresh: list[Entity] = []
        for ent in part.entities:
            mentions = [Mention(start=m.start + offset, end=m.end + offset, text=m.text) for m in ent.mentions]
            known = by_key.get((ent.label, ent.name))
            if known is not None:
                known.mentions.extend(mentions)
                idmap[ent.id] = known.id
                continue
            new = Entity(id=f"E{len(entities) + 1}", label=ent.label, name=ent.name,
                         attributes=dict(ent.attributes), mentions=mentions)
            by_key[(ent.label, ent.name)] = new
            entities.append(new)
            fresh.append(new)
            idmap[ent.id] = new.id
        for ent in fresh:
            for key in ENTITY_REF_ATTRIBUTES:
                if isinstance(ent.attributes.get(key), str) and ent.attributes[key] in idmap:
                    ent.attributes[key] = idmap[ent.attributes[key]]
        for ev in part.events:
            arguments = []
            for arg in ev.arguments:
                if arg.entity is not None:
                    if arg.entity in idmap:
                        arguments.append(Argument(role=arg.role, entity=idmap[arg.entity]))
                else:
                    arguments.append(Argument(role=arg.role, start=arg.start + offset, end=arg.end + offset, text=arg.text))
            trigger = Span(start=ev.trigger.start + offset, end=ev.trigger.end + offset, text=ev.trigger.text)
            events.append(Event(id=f"V{len(events) + 1}", type=ev.type, trigger=trigger, date=ev.date,
                                attributes=dict(ev.attributes), arguments=arguments))
    for ent in entities:
        ent.mentions.sort(key=lambda m: (m.start, m.end))
    return Document(id=doc_id, date=date, entities=entities, events=events)


def annotate_long(ex: Extractor, rec: Record, chunk_chars: int) -> Document:
    """Annotate a long text piece by piece and merge the results (`Extractor.pipe` runs each batch
    of pieces in its own memory zone, so the strings of one piece are gone before the next)."""
    text = rec.text or ""
    spans = split_text(text, chunk_chars)
    doc_id = clean_id(rec.id)
    per_batch = max(1, _LONG_BATCH_CHARS // chunk_chars)
    parts: list[tuple[int, Document]] = []
    for i in range(0, len(spans), per_batch):
        group = spans[i:i + per_batch]
        pieces = [Record(id=doc_id, text=text[s:e], date=rec.date) for s, e in group]
        for (s, e), doc in zip(group, ex.pipe(pieces, batch_size=per_batch)):
            if doc.error is not None:
                return _error_doc(rec, f"characters {s}-{e}: {doc.error}")
            parts.append((s, doc))
    return merge_parts(doc_id, rec.date, parts)


def annotate_batch(
    ex: Extractor,
    records: Sequence[Record],
    *,
    max_chars: int = DEFAULT_MAX_CHARS,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> list[bytes]:
    """One output line per record, in order. Never raises for a document: a failure is its `error`."""
    docs: list[Optional[Document]] = [None] * len(records)
    short: list[tuple[int, Record]] = []
    long: list[int] = []
    for i, rec in enumerate(records):
        if rec.error is not None:
            docs[i] = _error_doc(rec, rec.error)
            continue
        text = rec.text or ""
        problem = None if len(text) > max_chars else text_problem(text)
        if len(text) > max_chars:
            docs[i] = _error_doc(rec, f"text has {len(text)} characters, over the limit of {max_chars}")
        elif problem is not None:
            docs[i] = _error_doc(rec, problem)
        elif len(text) > chunk_chars:
            long.append(i)
        else:
            short.append((i, Record(id=clean_id(rec.id), text=text, date=rec.date)))
    if short:
        for (i, _), doc in zip(short, ex.pipe([r for _, r in short], batch_size=batch_size)):
            docs[i] = doc
    for i in long:
        try:
            docs[i] = annotate_long(ex, records[i], chunk_chars)
        except Exception as exc:  # one bad document never stops a batch
            docs[i] = _error_doc(records[i], f"annotation failed: {exc}")
    return [dumps(doc) for doc in docs]  # type: ignore[arg-type]


def _batches(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    it = iter(records)
    while True:
        batch = list(islice(it, size))
        if not batch:
            return
        yield batch


# ---------------------------------------------------------------------------------------------
# worker processes


@dataclass(frozen=True)
class _Settings:
    model: Optional[str]
    gazetteers: tuple[str, ...]
    max_chars: int
    chunk_chars: int
    batch_size: int


def _load(settings: _Settings) -> Extractor:
    ex = Extractor.load(settings.model, max_chars=settings.max_chars)
    for path in settings.gazetteers:
        ex.add_gazetteer(path)
    return ex


def _worker_main(conn: mpc.Connection, settings: _Settings) -> None:
    """A worker: load the model, then annotate the batches it is sent until it gets None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        ex = _load(settings)
    except BaseException as exc:  # report why, then stop: the parent raises it
        conn.send(("failed", str(exc) or type(exc).__name__))
        return
    conn.send(("ready", None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        key, records = task
        lines = annotate_batch(ex, records, max_chars=settings.max_chars, chunk_chars=settings.chunk_chars,
                               batch_size=settings.batch_size)
        try:
            conn.send((key, lines))
        except (BrokenPipeError, OSError):
            return


def _context() -> mp.context.BaseContext:
    if sys.platform.startswith("linux"):
        # forkserver: workers fork from a clean process that has only spaCy and this module
        # imported, not from a parent with threads (tqdm's, the caller's)
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload([__name__])
        return ctx
    return mp.get_context("spawn")


@dataclass
class _Slot:
    proc: Any
    conn: mpc.Connection
    ready: bool = False
    task: Optional[tuple] = None
    done: int = 0


@dataclass
class _Pending:
    """A batch whose documents are retried one at a time after its worker died."""

    records: list[Record]
    lines: list[Optional[bytes]] = field(default_factory=list)


class _Pool:
    """Worker processes fed one batch each, results yielded in input order (see the module doc)."""

    def __init__(self, workers: int, settings: _Settings, recycle_tasks: int):
        self.settings = settings
        self.recycle_tasks = recycle_tasks
        self.ctx = _context()
        self.slots = [self._start() for _ in range(workers)]

    def _start(self) -> _Slot:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.settings), daemon=True)
        proc.start()
        child.close()
        return _Slot(proc=proc, conn=parent)

    def _stop(self, slot: _Slot, timeout: float = 5.0) -> None:
        with contextlib.suppress(OSError):
            slot.conn.send(None)
        slot.proc.join(timeout)
        if slot.proc.is_alive():
            slot.proc.kill()
            slot.proc.join()
        slot.conn.close()

    def close(self) -> None:
        for slot in self.slots:
            self._stop(slot, timeout=1.0)

    def run(self, batches: Iterator[list[Record]]) -> Iterator[list[bytes]]:
        window = 2 * len(self.slots) + 2
        todo: deque[tuple] = deque()  # (seq, part or None, records)
        results: dict[int, list[bytes]] = {}
        retries: dict[int, _Pending] = {}
        next_seq = next_out = 0
        exhausted = False
        while True:
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
            while not exhausted and len(todo) < len(self.slots) and next_seq < next_out + window:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                else:
                    todo.append((next_seq, None, batch))
                    next_seq += 1
            if exhausted and next_out == next_seq:
                return
            for slot in self.slots:
                if slot.ready and slot.task is None and todo:
                    slot.task = todo.popleft()
                    seq, part, records = slot.task
                    slot.conn.send(((seq, part), records))
            waiting = {slot.conn: slot for slot in self.slots}
            waiting.update({slot.proc.sentinel: slot for slot in self.slots})
            for obj in mpc.wait(list(waiting)):
                slot = waiting[obj]
                if slot not in self.slots:
                    continue  # already replaced in this round
                message = None
                if slot.conn.poll():
                    try:
                        message = slot.conn.recv()
                    except (EOFError, OSError):
                        message = None
                if message is None:
                    if not slot.proc.is_alive() or obj is slot.conn:
                        self._died(slot, todo, results, retries)
                    continue
                kind, payload = message
                if kind == "failed":
                    raise ModelLoadError(f"a worker could not load the model: {payload}")
                if kind == "ready":
                    slot.ready = True
                    continue
                seq, part = kind
                slot.task = None
                slot.done += 1
                self._store(seq, part, payload, results, retries)
                if self.recycle_tasks and slot.done >= self.recycle_tasks:
                    self._replace(slot)

    def _store(self, seq: int, part: Optional[int], lines: list[bytes], results: dict, retries: dict) -> None:
        if part is None:
            results[seq] = lines
            return
        pending = retries[seq]
        pending.lines[part] = lines[0]
        if all(line is not None for line in pending.lines):
            results[seq] = pending.lines  # type: ignore[assignment]
            del retries[seq]

    def _replace(self, slot: _Slot) -> None:
        index = self.slots.index(slot)
        self.slots[index] = self._start()
        self._stop(slot)

    def _died(self, slot: _Slot, todo: deque, results: dict, retries: dict) -> None:
        slot.proc.join(1.0)
        code = slot.proc.exitcode
        task = slot.task
        slot.task = None
        if not slot.ready and task is None:
            # it died while loading the model: do not start it again and again
            raise ModelLoadError(f"a worker died while loading the model (exit code {code})")
        self._replace(slot)
        if task is None:
            return
        seq, part, records = task
        if part is None:
            # retry the batch one document at a time, to find the one that kills workers (if any:
            # the worker may have been killed from outside)
            retries[seq] = _Pending(records=records, lines=[None] * len(records))
            todo.extendleft(reversed([(seq, j, [rec]) for j, rec in enumerate(records)]))
            return
        rec = records[0]
        line = dumps(_error_doc(rec, f"the worker process died while annotating this document (exit code {code})"))
        self._store(seq, part, [line], results, retries)


def annotate_records(
    records: Iterable[Record],
    *,
    model: Optional[str] = None,
    workers: int = 1,
    gazetteers: Optional[Sequence[str]] = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    recycle_after: int = DEFAULT_RECYCLE_AFTER,
    extractor: Optional[Extractor] = None,
) -> Iterator[bytes]:
    """Yield one serialised output document per record, in input order.

    Args:
        records: the documents, as the readers give them (any iterable; read lazily).
        model: pipeline folder (default: the shipped model); ignored when `extractor` is given.
        workers: 1 annotates in this process; more start that many worker processes.
        gazetteers: extra gazetteer JSONL files added to the model.
        max_chars: longer texts get an `error` line.
        chunk_chars: longer texts are annotated in sentence-aligned pieces of at most this size.
        batch_size: documents per batch (per `nlp.pipe` call, per task sent to a worker).
        recycle_after: a worker process is replaced after this many documents (0: never).
        extractor: an already loaded model, used as it is (one worker only).
    """
    settings = _Settings(model, tuple(str(g) for g in gazetteers or ()), max_chars, chunk_chars, batch_size)
    if workers <= 1 or extractor is not None:
        ex = extractor or _load(settings)
        for batch in _batches(records, batch_size):
            yield from annotate_batch(ex, batch, max_chars=max_chars, chunk_chars=chunk_chars, batch_size=batch_size)
        return
    recycle_tasks = -(-recycle_after // batch_size) if recycle_after > 0 else 0
    pool = _Pool(workers, settings, recycle_tasks)
    try:
        for lines in pool.run(_batches(records, batch_size)):
            yield from lines
    finally:
        pool.close()


# ---------------------------------------------------------------------------------------------
# files: reading, resuming, writing


def count_records(paths: Sequence[Path], fmt: str = "auto") -> Optional[int]:
    """A cheap count for the progress bar: lines of JSONL inputs, rows of Parquet inputs; None
    when not cheap to know (text files, listings)."""
    total = 0
    for path in paths:
        kind = input_kind(path, fmt)
        if kind == "parquet":
            try:
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
            except Exception:
                return None
        elif kind == "jsonl" and path.is_file():
            import gzip

            opener = gzip.open if path.suffix == ".gz" else open
            try:
                with opener(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except (OSError, EOFError):
                return None
        else:
            return None
    return total


def journal_path(output: Path) -> Path:
    """Where the lines go while a run is under way: OUT.part (JSONL), OUT.part.jsonl for Parquet."""
    return output.with_name(output.name + (".part.jsonl" if is_parquet(output) else ".part"))


def is_parquet(path: Path) -> bool:
    return path.name.lower().endswith((".parquet", ".pq"))


def complete_lines(path: Path) -> tuple[int, Optional[bytes]]:
    """Cut a trailing half line off a journal; return its number of lines and the last one."""
    count, last_nl, size = 0, -1, path.stat().st_size
    with open(path, "rb") as fh:
        pos = 0
        while True:
            block = fh.read(1 << 20)
            if not block:
                break
            n = block.count(b"\n")
            if n:
                count += n
                last_nl = pos + block.rindex(b"\n")
            pos += len(block)
    if last_nl + 1 != size:
        with open(path, "r+b") as fh:
            fh.truncate(last_nl + 1)
    if count == 0:
        return 0, None
    with open(path, "rb") as fh:
        start = max(0, last_nl - (1 << 20))
        while True:
            fh.seek(start)
            tail = fh.read(last_nl - start)
            cut = tail.rfind(b"\n")
            if cut >= 0 or start == 0:
                return count, tail[cut + 1:]
            start = max(0, start - (1 << 20))


def _skip(records: Iterator[Record], n: int, last_line: Optional[bytes], journal: Path) -> Iterator[Record]:
    """The records after the first `n`, checking that the n-th is the journal's last line."""
    if n == 0:
        yield from records
        return
    last = None
    for last in islice(records, n - 1, n):
        pass
    if last is None:
        raise InputError(f"{journal} has {n} lines but the input has fewer documents: "
                         f"it is not a run of this input; start again without --resume")
    try:
        line_id = orjson.loads(last_line or b"").get("id")
    except (orjson.JSONDecodeError, AttributeError):
        line_id = None
    if line_id != clean_id(last.id):
        raise InputError(f"{journal} does not continue this input: its line {n} is for {line_id!r} but input "
                         f"document {n} is {last.id!r}; start again without --resume")
    yield from records


@dataclass
class AnnotateSummary:
    """What `annotate_files` did."""

    output: Path
    documents: int = 0
    errors: int = 0
    resumed: int = 0
    tables: Optional[Path] = None


def annotate_files(
    inputs: Sequence[Path | str],
    output: Path | str,
    *,
    fmt: str = "auto",
    columns: Columns = DEFAULT_COLUMNS,
    model: Optional[str] = None,
    workers: int = 1,
    gazetteers: Sequence[str] = (),
    max_chars: int = DEFAULT_MAX_CHARS,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    recycle_after: int = DEFAULT_RECYCLE_AFTER,
    resume: bool = False,
    tables: Optional[Path | str] = None,
    engine: str = "local",
    address: Optional[str] = None,
    on_progress: Optional[Callable[[int], None]] = None,
    extractor: Optional[Extractor] = None,
) -> AnnotateSummary:
    """Annotate input files into OUT (JSONL, or Parquet when it ends in .parquet), one document per
    input document in input order, and optionally flat tables into the folder `tables`.

    The lines go to a journal (`journal_path(OUT)`), flushed one by one, which becomes OUT at the
    end; with `resume` a journal left by an interrupted run is continued (see the module doc).
    `engine` is local (processes on this machine) or ray (Ray Data, at `address` or a local
    instance). `on_progress(n)` is called with the number of documents done, resumed ones included.
    `extractor`, an already loaded model, is used as it is by the local engine with one worker.
    """
    output = Path(output)
    files = list(iter_paths([Path(p) for p in inputs]))
    if engine not in ("local", "ray"):
        raise InputError(f"unknown engine {engine!r}: use local or ray")
    if max_chars <= 0 or chunk_chars <= 0:
        raise InputError("--max-chars and --chunk-chars must be positive")
    max_bytes = 6 * max_chars + 2**20
    journal = journal_path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    done, last_line = _open_journal(journal, output, resume)
    summary = AnnotateSummary(output=output, resumed=done, tables=Path(tables) if tables else None)
    if on_progress:
        on_progress(done)
    options = dict(model=model, workers=workers, gazetteers=list(gazetteers), max_chars=max_chars,
                   chunk_chars=chunk_chars, batch_size=batch_size)
    if engine == "ray":
        from .engines.ray_engine import annotate_paths

        # the resume check reads the inputs here; the cluster reads them again
        if done:
            for _ in _skip(read_inputs(files, fmt, columns, max_bytes), done, last_line, journal):
                break
        lines = annotate_paths(files, fmt=fmt, columns=columns, skip=done, address=address,
                               max_bytes=max_bytes, **options)
    else:
        records = _skip(read_inputs(files, fmt, columns, max_bytes), done, last_line, journal)
        lines = annotate_records(records, recycle_after=recycle_after, extractor=extractor, **options)
    try:
        with open(journal, "ab") as out:
            for line in lines:
                out.write(line + b"\n")
                out.flush()
                summary.documents += 1
                summary.errors += b'"error":' in line
                if on_progress:
                    on_progress(done + summary.documents)
    finally:
        close = getattr(lines, "close", None)
        if close is not None:
            close()  # stop the workers now, also on Ctrl-C
    _finish(journal, output, summary.tables)
    return summary


def _open_journal(journal: Path, output: Path, resume: bool) -> tuple[int, Optional[bytes]]:
    """Start a fresh journal, or with `resume` continue the one there (or a finished OUT)."""
    if not resume:
        journal.write_bytes(b"")
        return 0, None
    if not journal.exists() and output.exists():
        if is_parquet(output):
            from .tables import parquet_to_jsonl

            parquet_to_jsonl(output, journal)
        else:
            os.replace(output, journal)
    if not journal.exists():
        journal.write_bytes(b"")
        return 0, None
    return complete_lines(journal)


def _finish(journal: Path, output: Path, tables: Optional[Path]) -> None:
    if tables is not None:
        from .tables import write_tables

        write_tables(journal, tables)
    if is_parquet(output):
        from .tables import write_parquet

        write_parquet(journal, output)
        journal.unlink()
    else:
        os.replace(journal, output)
