"""Annotate with Ray Data, on a local Ray instance or a cluster (the optional `ray` extra).

    import ray
    from extractor.engines.ray_engine import annotate_dataset, read_documents, write_jsonl

    ray.init()                                            # or ray.init("ray://head:10001")
    docs = ray.data.read_parquet("s3://bucket/releases/")   # any Dataset with a text column
    out = annotate_dataset(docs, concurrency=8, text_column="body", id_column="release_id")
    out.write_parquet("s3://bucket/annotated/")           # one row per document, tables.DOCUMENT_SCHEMA
    # or, in input order, the same bytes as `extractor annotate -o out.jsonl`:
    write_jsonl(annotate_dataset(read_documents(["in.jsonl"])), "out.jsonl")

`annotate_dataset` adds a `map_batches` stage run by a pool of actors, each of which loads the
model once; every actor annotates its batches with `runner.annotate_batch`, the same function the
local engine uses, so the same documents give the same output. `extractor annotate --engine ray
[--address ray://HOST:PORT]` reads its inputs with `read_documents` (our readers, run in one Ray
task: JSONL, .jsonl.gz, Parquet, .txt, listings, one record per document, errors included) and
writes OUT on this machine in input order.

On a cluster, every node needs this package (and the model folder given with `--model`, or the
shipped one) installed, and `read_documents` needs the input paths readable where its task runs
(shared storage); a Dataset of your own (`ray.data.read_parquet("s3://...")`) needs neither path.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from itertools import islice
from pathlib import Path
from typing import Any, Iterator, Optional, Sequence

import orjson
import pyarrow as pa

from ..errors import ExtractorError
from ..readers import DEFAULT_COLUMNS, DEFAULT_MAX_BYTES, Columns, Record, _record_from_obj, read_inputs
from ..runner import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_CHUNK_CHARS,
    DEFAULT_MAX_CHARS,
    _batches,
    _load,
    _Settings,
    annotate_batch,
)
from ..tables import DOCUMENT_SCHEMA, documents_to_table, row_to_document

try:
    import ray
    import ray.data
    from ray.data import Datasource, ReadTask
    from ray.data.block import BlockMetadata
except ImportError as exc:  # pragma: no cover - exercised where ray is missing
    raise ExtractorError("the Ray engine needs the optional extra: pip install 'trade-release-extractor[ray]'") from exc

SEQ = "_seq"  # the position of a record in the input, carried through to check the order
INPUT_SCHEMA = pa.schema([(SEQ, pa.int64()), ("id", pa.string()), ("text", pa.string()), ("date", pa.string()),
                          ("error", pa.string())])


def records_to_table(records: Sequence[Record], start: int) -> pa.Table:
    """Records as a block of `INPUT_SCHEMA`, numbered from `start`."""
    return pa.Table.from_pylist(
        [{SEQ: start + i, "id": r.id, "text": r.text, "date": r.date, "error": r.error} for i, r in enumerate(records)],
        schema=INPUT_SCHEMA,
    )


def _metadata() -> BlockMetadata:
    # BlockMetadata's fields differ between Ray versions; nothing is known before reading
    params = inspect.signature(BlockMetadata).parameters
    return BlockMetadata(**{k: None for k in ("num_rows", "size_bytes", "schema", "input_files", "exec_stats")
                            if k in params})


class RecordsDatasource(Datasource):
    """Our readers as a Ray datasource: one read task that streams the records of the inputs, in
    order, after the first `skip`, in blocks of `block_rows`."""

    def __init__(self, paths: Sequence[Path | str], fmt: str = "auto", columns: Columns = DEFAULT_COLUMNS,
                 skip: int = 0, max_bytes: int = DEFAULT_MAX_BYTES, block_rows: int = 64):
        self.paths = [str(Path(p).resolve()) for p in paths]
        self.fmt, self.columns, self.skip, self.max_bytes, self.block_rows = fmt, columns, skip, max_bytes, block_rows

    def estimate_inmemory_data_size(self) -> Optional[int]:
        return None

    def get_read_tasks(self, parallelism: int, *args: Any, **kwargs: Any) -> list[ReadTask]:
        paths, fmt, columns, skip, max_bytes, rows = (self.paths, self.fmt, self.columns, self.skip,
                                                      self.max_bytes, self.block_rows)

        def read() -> Iterator[pa.Table]:
            seq = skip
            records = islice(read_inputs(paths, fmt, columns, max_bytes), skip, None)
            for batch in _batches(records, rows):
                yield records_to_table(batch, seq)
                seq += len(batch)

        return [ReadTask(read, _metadata())]


def read_documents(paths: Sequence[Path | str], *, fmt: str = "auto", columns: Columns = DEFAULT_COLUMNS,
                   skip: int = 0, max_bytes: int = DEFAULT_MAX_BYTES) -> "ray.data.Dataset":
    """A Dataset of the documents of input files (`INPUT_SCHEMA`: _seq, id, text, date, error),
    read by our readers in one task, so every input document is one row, in order."""
    source = RecordsDatasource(paths, fmt=fmt, columns=columns, skip=skip, max_bytes=max_bytes)
    # reading is light: it takes no CPU from the annotating actors (else a 2-CPU instance with
    # two actors would never schedule it)
    if "num_cpus" in inspect.signature(ray.data.read_datasource).parameters:
        return ray.data.read_datasource(source, num_cpus=0)
    return ray.data.read_datasource(source, ray_remote_args={"num_cpus": 0})


def _content_id(text: Any) -> str:
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else repr(text).encode()
    return "doc-" + hashlib.sha1(data).hexdigest()[:16]


def table_to_records(batch: pa.Table, columns: Columns = DEFAULT_COLUMNS) -> list[Record]:
    """The records of a block: text, id and date from `columns`; a non-null `error` column marks a
    document its reader could not use. A row without an id gets `row-<_seq>`, or `doc-<sha1>` of
    its text when there is no `_seq`."""
    if columns.text not in batch.column_names:
        raise ExtractorError(f"the dataset has no column {columns.text!r} (it has "
                             f"{', '.join(batch.column_names)}): name the text column with text_column=")
    data = batch.to_pydict()
    n = batch.num_rows
    texts = data[columns.text]
    ids = data.get(columns.id_key, [None] * n)
    dates = data.get(columns.date_key, [None] * n)
    errors = data.get("error", [None] * n)
    seqs = data.get(SEQ)
    out = []
    for i in range(n):
        fallback = f"row-{seqs[i]}" if seqs is not None else _content_id(texts[i])
        if errors[i] is not None:
            out.append(Record(id=fallback if ids[i] in (None, "") else str(ids[i]), date=dates[i], error=errors[i]))
            continue
        text = texts[i]
        if isinstance(text, (bytes, bytearray)):
            try:
                text = bytes(text).decode("utf-8")
            except UnicodeDecodeError:
                out.append(Record(id=fallback if ids[i] in (None, "") else str(ids[i]),
                                  error=f"`{columns.text}` is not valid UTF-8"))
                continue
        date = dates[i]
        if hasattr(date, "date") and callable(date.date):  # a timestamp
            date = date.date()
        out.append(_record_from_obj({"id": ids[i], "text": text, "date": date}, fallback))
    return out


class Annotator:
    """The `map_batches` callable: loads the model once per actor, annotates pyarrow batches."""

    def __init__(self, model: Optional[str] = None, gazetteers: Sequence[str] = (), max_chars: int = DEFAULT_MAX_CHARS,
                 chunk_chars: int = DEFAULT_CHUNK_CHARS, batch_size: int = DEFAULT_BATCH_SIZE,
                 columns: Columns = DEFAULT_COLUMNS):
        self.settings = _Settings(model, tuple(gazetteers), max_chars, chunk_chars, batch_size)
        self.columns = columns
        self.extractor = _load(self.settings)

    def __call__(self, batch: pa.Table) -> pa.Table:
        records = table_to_records(batch, self.columns)
        s = self.settings
        lines = annotate_batch(self.extractor, records, max_chars=s.max_chars, chunk_chars=s.chunk_chars,
                               batch_size=s.batch_size)
        table = documents_to_table(orjson.loads(line) for line in lines)
        if SEQ in batch.column_names:
            table = table.append_column(SEQ, batch[SEQ])
        return table


def annotate_dataset(
    ds: "ray.data.Dataset",
    *,
    model: Optional[str] = None,
    gazetteers: Sequence[str] = (),
    text_column: str = "text",
    id_column: Optional[str] = None,
    date_column: Optional[str] = None,
    concurrency: int = 2,
    num_cpus: float = 1.0,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
) -> "ray.data.Dataset":
    """Annotate a Dataset of documents; returns a Dataset of one output row per input row.

    Args:
        ds: rows with a text column, and optionally id and date columns (ISO dates or date types).
        model: pipeline folder as seen from the actors (default: the shipped model).
        gazetteers: extra gazetteer JSONL files, as seen from the actors.
        text_column, id_column, date_column: where the fields are (id and date default to `id`
            and `date` when present).
        concurrency: number of actors, each holding one copy of the model (about 0.4 GB).
        num_cpus: CPUs reserved per actor.
        batch_size: rows per call of an actor.
        max_chars, chunk_chars: as for `extractor annotate` (error above; pieces above).

    Returns a Dataset of `extractor.tables.DOCUMENT_SCHEMA` (id, date, entities, events, error,
    extra; attributes as JSON text), plus `_seq` when the input has it, in input order
    (the returned Dataset's context preserves order). `tables.row_to_document` turns a row into
    the JSON document; `write_jsonl` writes them.
    """
    columns = Columns(text=text_column, id=id_column, date=date_column)
    out = ds.map_batches(
        Annotator,
        fn_constructor_kwargs=dict(model=model, gazetteers=list(gazetteers), max_chars=max_chars,
                                   chunk_chars=chunk_chars, batch_size=batch_size, columns=columns),
        batch_size=batch_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=concurrency),
        num_cpus=num_cpus,
    )
    context = getattr(out, "context", None) or ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    return out


def iter_lines(ds: "ray.data.Dataset", first_seq: Optional[int] = None) -> Iterator[bytes]:
    """The JSONL lines (without newlines) of an annotated Dataset, in its order; with `first_seq`,
    check that `_seq` runs on from it with no gap."""
    expected = first_seq
    for batch in ds.iter_batches(batch_format="pyarrow", batch_size=None):
        seqs = batch[SEQ].to_pylist() if SEQ in batch.column_names else None
        for i, row in enumerate(batch.select(DOCUMENT_SCHEMA.names).to_pylist()):
            if expected is not None and seqs is not None:
                if seqs[i] != expected:
                    raise ExtractorError(f"the Ray engine gave document {seqs[i]} where {expected} was due")
                expected += 1
            yield orjson.dumps(row_to_document(row))


def write_jsonl(ds: "ray.data.Dataset", path: Path | str) -> int:
    """Write an annotated Dataset as one JSONL file on this machine, in order; returns the count."""
    n = 0
    with open(path, "wb") as out:
        for line in iter_lines(ds):
            out.write(line + b"\n")
            n += 1
    return n


def init(address: Optional[str] = None, num_cpus: Optional[int] = None) -> None:
    """Connect to `address` (a cluster: "ray://HOST:PORT" or "auto"), else start a local instance."""
    if ray.is_initialized():
        return
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    kwargs: dict[str, Any] = dict(include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    if address:
        ray.init(address=address, **kwargs)
    else:
        ray.init(num_cpus=num_cpus, **kwargs)
    ray.data.DataContext.get_current().enable_progress_bars = False


def annotate_paths(
    paths: Sequence[Path | str],
    *,
    fmt: str = "auto",
    columns: Columns = DEFAULT_COLUMNS,
    skip: int = 0,
    address: Optional[str] = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    model: Optional[str] = None,
    workers: int = 2,
    gazetteers: Sequence[str] = (),
    max_chars: int = DEFAULT_MAX_CHARS,
    chunk_chars: int = DEFAULT_CHUNK_CHARS,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[bytes]:
    """The output lines of input files, in order, after the first `skip` (`--engine ray`)."""
    init(address, num_cpus=None if address else max(1, workers))
    ds = read_documents(paths, fmt=fmt, columns=columns, skip=skip, max_bytes=max_bytes)
    # the readers already put the fields in place (INPUT_SCHEMA)
    out = annotate_dataset(ds, model=model, gazetteers=gazetteers, concurrency=max(1, workers),
                           batch_size=batch_size, max_chars=max_chars, chunk_chars=chunk_chars)
    try:
        yield from iter_lines(out, first_seq=skip)
    except ray.exceptions.RayError as exc:
        raise ExtractorError(f"the Ray run failed: {exc}") from exc
