"""Readers: JSONL (also .jsonl.gz), Parquet, .txt files and folders, and the ministry listing format.

Every reader yields `Record`s lazily, one per input document, in input order. A
document that cannot be used (a bad JSON line, a missing `text`, a line over the size
limit, a file that is not UTF-8) is still yielded, with `error` set, so the annotator
writes a line for it; only an input that cannot be read at all raises `InputError`.

What odd texts give (`text_problem`, applied by the annotator to every record):

    empty or whitespace-only text     empty entities and events, no error
    text with NUL characters, or more
    than 10 % control characters      error "text looks binary (...)"
    lone surrogates (from JSON \\ud800) error "text is not valid Unicode (...)"
    a file or line that is not UTF-8  error "... is not valid UTF-8"
"""

from __future__ import annotations

import datetime as _dt
import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator, Optional

from .errors import InputError
from .schema import InputDocument

_TRAILER = re.compile(r"\s*date(\d{4}-\d{2}-\d{2})\s*$")
_CATEGORY = re.compile(r"^[A-Z][A-Za-z&,' ]*(/[A-Z][A-Za-z&,' ]*)+$")
_KNOWN_CATEGORIES = frozenset(
    {"Trade/Investment", "FTA/Economic Cooperation", "Industry", "Energy", "Resources",
     "Press Releases", "Trade", "Investment", "Economic Cooperation"}
)
# C0 and C1 control characters other than the whitespace ones (\t \n \v \f \r), and U+FFFD, the
# mark a decoder leaves for bytes it could not read
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ID_IN_LINE = re.compile(rb'"id"\s*:\s*"([^"\\]{1,200})"')
BINARY_CONTROL_SHARE = 0.10
# A line or file of more bytes than this is not read: it gets an error record. Callers pass a
# limit derived from the text limit (a character is at most 6 bytes of JSON: "\\uXXXX").
DEFAULT_MAX_BYTES = 64 * 2**20
INPUT_SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".ndjson", ".parquet")


@dataclass
class Record:
    """One input document as read, before annotation."""

    id: str
    text: Optional[str] = None
    date: Optional[str] = None
    error: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Columns:
    """Where a document's fields are in a JSONL object or a Parquet row.

    `id` and `date` of None mean "the `id` / `date` field when there is one"; a name given
    explicitly must exist in a Parquet file.
    """

    text: str = "text"
    id: Optional[str] = None
    date: Optional[str] = None

    @property
    def id_key(self) -> str:
        return self.id or "id"

    @property
    def date_key(self) -> str:
        return self.date or "date"


DEFAULT_COLUMNS = Columns()


def text_problem(text: str) -> Optional[str]:
    """Why a text cannot be annotated (binary-looking, invalid Unicode), or None when it can."""
    if "\x00" in text:
        return "text looks binary (it has NUL characters)"
    bad = _SURROGATE.search(text)
    if bad:
        return f"text is not valid Unicode (a lone surrogate at character {bad.start()})"
    if text:
        n = sum(1 for _ in _CONTROL.finditer(text))
        if n and n / len(text) > BINARY_CONTROL_SHARE:
            return f"text looks binary ({n} of {len(text)} characters are control characters)"
    return None


def clean_id(doc_id: str) -> str:
    """The id with lone surrogates (which no UTF-8 output can hold) replaced by U+FFFD."""
    if _SURROGATE.search(doc_id) is None:
        return doc_id
    return doc_id.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _record_from_obj(obj: Any, fallback_id: str, columns: Columns = DEFAULT_COLUMNS) -> Record:
    if not isinstance(obj, dict):
        return Record(id=fallback_id, error="line is not a JSON object")
    raw_id = obj.get(columns.id_key)
    doc_id = fallback_id if raw_id in (None, "") else str(raw_id)
    if columns.text not in obj:
        return Record(id=doc_id, error=f"missing `{columns.text}`")
    try:
        doc = InputDocument.model_validate(
            {"id": doc_id, "text": obj[columns.text], "date": obj.get(columns.date_key)}
        )
    except Exception as exc:  # pydantic's ValidationError: keep the first message only
        msg = getattr(exc, "errors", lambda: [{"msg": str(exc)}])()[0]["msg"]
        return Record(id=doc_id, error=msg.removeprefix("Value error, "))
    extra = {k: obj[k] for k in ("title", "category") if k in obj}
    return Record(
        id=doc_id,
        text=doc.text,
        date=doc.date.isoformat() if doc.date else None,
        extra=extra,
    )


def _lines(raw: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, line, complete) for every line; a line over `max_bytes` is cut short and
    the rest of it skipped, so one huge line never sits in memory whole."""
    lineno = 0
    while True:
        line = raw.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            head = line[:4096]
            while True:  # skip to the end of this line, a block at a time
                rest = raw.readline(2**20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, head, False
        else:
            yield lineno, line, True


def read_jsonl(path: Path, columns: Columns = DEFAULT_COLUMNS, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """Yield one record per non-empty line of a JSONL (or .jsonl.gz) file."""
    stem = path.name
    try:
        raw = gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    lineno = 0
    with raw:
        try:
            for lineno, line, complete in _lines(raw, max_bytes):
                if not line.strip():
                    continue
                fallback = f"{stem}:{lineno}"
                if not complete:
                    found = _ID_IN_LINE.search(line)
                    doc_id = found.group(1).decode("utf-8", "replace") if found else fallback
                    yield Record(id=doc_id, error=f"line {lineno} has more than {max_bytes} bytes, over the "
                                                  f"input limit (raise --max-chars to read it)")
                    continue
                try:
                    # a byte-order mark is allowed at the start of the file only
                    obj = json.loads(line.decode("utf-8-sig" if lineno == 1 else "utf-8"))
                except UnicodeDecodeError:
                    yield Record(id=fallback, error=f"line {lineno} is not valid UTF-8")
                    continue
                except json.JSONDecodeError as exc:
                    yield Record(id=fallback, error=f"line {lineno} is not valid JSON: {exc.msg}")
                    continue
                yield _record_from_obj(obj, fallback, columns)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise InputError(f"{path} is truncated or corrupt after line {lineno}: {exc}") from exc


def read_parquet(path: Path, columns: Columns = DEFAULT_COLUMNS, batch_rows: int = 256) -> Iterator[Record]:
    """Yield one record per row of a Parquet file, a row group at a time.

    The text is in `columns.text` (a string or binary column), the id and date in `columns.id`
    and `columns.date` when the file has them; a row without an id gets `FILE:ROW` (from 1).
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is in the test extra
        raise InputError("reading Parquet needs pyarrow: pip install 'trade-release-extractor[parquet]'") from exc
    try:
        pf = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"cannot read {path} as Parquet: {exc}") from exc
    names = pf.schema_arrow.names
    for wanted, flag in ((columns.text, "--text-column"), (columns.id, "--id-column"), (columns.date, "--date-column")):
        if wanted is not None and wanted not in names:
            raise InputError(f"{path} has no column {wanted!r} (it has {', '.join(names)}): name it with {flag}")
    wanted_cols = list(dict.fromkeys(c for c in (columns.id_key, columns.text, columns.date_key) if c in names))
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=batch_rows, columns=wanted_cols):
            data = batch.to_pydict()
            for i in range(batch.num_rows):
                row += 1
                fallback = f"{path.name}:{row}"
                obj = {key: data[key][i] for key in wanted_cols}
                text = obj.get(columns.text)
                if isinstance(text, (bytes, bytearray)):
                    try:
                        obj[columns.text] = bytes(text).decode("utf-8")
                    except UnicodeDecodeError:
                        raw_id = obj.get(columns.id_key)
                        yield Record(id=fallback if raw_id in (None, "") else str(raw_id),
                                     error=f"row {row}: `{columns.text}` is not valid UTF-8")
                        continue
                date = obj.get(columns.date_key)
                if isinstance(date, _dt.datetime):
                    obj[columns.date_key] = date.date()
                if obj.get(columns.text) is None and columns.text in obj:
                    obj[columns.text] = None  # reported by the validation as "`text` must be a string"
                yield _record_from_obj(obj, fallback, columns)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(f"{path} is truncated or corrupt after row {row}: {exc}") from exc


def _read_bytes(path: Path, max_bytes: int) -> Optional[bytes]:
    """The bytes of a file, or None when it is over `max_bytes`."""
    try:
        if path.stat().st_size > max_bytes:
            return None
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def is_listing(text: str) -> bool:
    """True when the text looks like the ministry listing format."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return bool(lines) and lines[0].strip() == "-" and any(_TRAILER.search(ln) for ln in lines)


def parse_listing(text: str, prefix: str = "release") -> Iterator[Record]:
    """Split a listing into releases: `-`, optional category, title, body ending in `dateYYYY-MM-DD`.

    The text of a release is its title line, a newline and its body; the trailer is
    not part of it.
    """
    blocks: list[list[str]] = []
    for line in text.splitlines():
        if line.strip() == "-":
            blocks.append([])
        elif blocks:
            blocks[-1].append(line.rstrip())
        elif line.strip():
            blocks.append([line.rstrip()])
    for n, block in enumerate(blocks, start=1):
        lines = [ln for ln in block if ln.strip()]
        doc_id = f"{prefix}-{n:02d}"
        if not lines:
            yield Record(id=doc_id, error="empty release in listing")
            continue
        date = None
        match = _TRAILER.search(lines[-1])
        if match:
            date = match.group(1)
            lines[-1] = lines[-1][: match.start()].rstrip()
            if not lines[-1]:
                lines.pop()
        category = None
        if len(lines) >= 3 and (lines[0].strip() in _KNOWN_CATEGORIES or _CATEGORY.match(lines[0].strip())):
            category = lines.pop(0).strip()
        if len(lines) < 2:
            yield Record(id=doc_id, error="release has no title line and body", date=date)
            continue
        title, body = lines[0].strip(), "\n".join(ln.strip() for ln in lines[1:])
        extra = {"title": title}
        if category:
            extra["category"] = category
        yield Record(id=doc_id, text=f"{title}\n{body}", date=date, extra=extra)


def _text_file(path: Path, max_bytes: int) -> tuple[Optional[str], Optional[Record]]:
    """(text, None), or (None, an error record) for a file too large or not UTF-8."""
    data = _read_bytes(path, max_bytes)
    if data is None:
        return None, Record(id=path.stem, error=f"file has more than {max_bytes} bytes, over the input "
                                                 f"limit (raise --max-chars to read it)")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return None, Record(id=path.stem, error="file is not valid UTF-8")


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """A .txt file: a listing gives one record per release, any other text one record."""
    text, failed = _text_file(path, max_bytes)
    if failed is not None:
        yield failed
    elif is_listing(text):
        yield from parse_listing(text, prefix=path.stem)
    else:
        yield Record(id=path.stem, text=text)


def read_listing_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Record]:
    """A file in the listing format (`--format listing`), whatever it looks like."""
    text, failed = _text_file(path, max_bytes)
    if failed is not None:
        yield failed
    else:
        yield from parse_listing(text, prefix=path.stem)


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders to their input files (.txt, .jsonl, .jsonl.gz, .parquet; sorted), keeping the given order."""
    for path in paths:
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.name.lower().endswith(INPUT_SUFFIXES)
            )
            if not files:
                raise InputError(f"folder {path} has no .txt, .jsonl or .parquet files")
            yield from files
        elif path.exists():
            yield path
        else:
            raise InputError(f"input {path} does not exist")


def input_kind(path: Path, fmt: str = "auto") -> str:
    """jsonl, parquet, txt or listing: `fmt`, or for auto what the file name says."""
    if fmt != "auto":
        return fmt
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    return "txt"


def read_inputs(
    paths: Iterable[Path | str],
    fmt: str = "auto",
    columns: Columns = DEFAULT_COLUMNS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Record]:
    """Yield the records of every input, in order. `fmt` is auto, jsonl, parquet, txt or listing.

    `columns` names the text, id and date fields of JSONL and Parquet inputs; a line or file of
    more than `max_bytes` bytes gives an error record instead of being read.
    """
    if fmt not in ("auto", "jsonl", "parquet", "txt", "listing"):
        raise InputError(f"unknown input format {fmt!r}: use auto, jsonl, parquet, txt or listing")
    resolved = [Path(p) for p in paths]
    for path in iter_paths(resolved):
        kind = input_kind(path, fmt)
        if kind == "jsonl":
            yield from read_jsonl(path, columns, max_bytes)
        elif kind == "parquet":
            yield from read_parquet(path, columns)
        elif kind == "listing":
            yield from read_listing_file(path, max_bytes)
        else:
            yield from read_text_file(path, max_bytes)


def read_stdin_jsonl(stream: io.TextIOBase) -> Iterator[Record]:
    """JSONL from standard input."""
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        fallback = f"stdin:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Record(id=fallback, error=f"line {lineno} is not valid JSON: {exc.msg}")
            continue
        yield _record_from_obj(obj, fallback)
