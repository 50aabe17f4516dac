"""Readers: JSONL (also .jsonl.gz), .txt files and folders, and the ministry listing format.

Every reader yields `Record`s lazily, one per input document, in input order. A
document that cannot be used (a bad JSON line, a missing `text`) is still yielded,
with `error` set, so the annotator writes a line for it; only an input that cannot
be read at all raises `InputError`.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from .errors import InputError
from .schema import InputDocument

_TRAILER = re.compile(r"\s*date(\d{4}-\d{2}-\d{2})\s*$")
_CATEGORY = re.compile(r"^[A-Z][A-Za-z&,' ]*(/[A-Z][A-Za-z&,' ]*)+$")
_KNOWN_CATEGORIES = frozenset(
    {"Trade/Investment", "FTA/Economic Cooperation", "Industry", "Energy", "Resources",
     "Press Releases", "Trade", "Investment", "Economic Cooperation"}
)


@dataclass
class Record:
    """One input document as read, before annotation."""

    id: str
    text: Optional[str] = None
    date: Optional[str] = None
    error: Optional[str] = None
    extra: dict[str, Any] = field(default_factory=dict)


def _record_from_obj(obj: Any, fallback_id: str) -> Record:
    if not isinstance(obj, dict):
        return Record(id=fallback_id, error="line is not a JSON object")
    raw_id = obj.get("id")
    doc_id = fallback_id if raw_id in (None, "") else str(raw_id)
    if "text" not in obj:
        return Record(id=doc_id, error="missing `text`")
    try:
        doc = InputDocument.model_validate({"id": doc_id, "text": obj["text"], "date": obj.get("date")})
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


def read_jsonl(path: Path) -> Iterator[Record]:
    """Yield one record per non-empty line of a JSONL (or .jsonl.gz) file."""
    stem = path.name
    try:
        raw = gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with raw:
        for lineno, line in enumerate(raw, start=1):
            if not line.strip():
                continue
            fallback = f"{stem}:{lineno}"
            try:
                obj = json.loads(line.decode("utf-8"))
            except UnicodeDecodeError:
                yield Record(id=fallback, error=f"line {lineno} is not valid UTF-8")
                continue
            except json.JSONDecodeError as exc:
                yield Record(id=fallback, error=f"line {lineno} is not valid JSON: {exc.msg}")
                continue
            yield _record_from_obj(obj, fallback)


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnicodeDecodeError(exc.encoding, exc.object, exc.start, exc.end, str(path)) from None


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


def read_text_file(path: Path) -> Iterator[Record]:
    """A .txt file: a listing gives one record per release, any other text one record."""
    try:
        text = _read_text(path)
    except UnicodeDecodeError:
        yield Record(id=path.stem, error="file is not valid UTF-8")
        return
    if is_listing(text):
        yield from parse_listing(text, prefix=path.stem)
    else:
        yield Record(id=path.stem, text=text)


def iter_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders to their .txt/.jsonl files (sorted), keeping the given order."""
    for path in paths:
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and (p.suffix in {".txt", ".jsonl"} or p.name.endswith(".jsonl.gz"))
            )
            if not files:
                raise InputError(f"folder {path} has no .txt or .jsonl files")
            yield from files
        elif path.exists():
            yield path
        else:
            raise InputError(f"input {path} does not exist")


def read_inputs(paths: Iterable[Path | str], fmt: str = "auto") -> Iterator[Record]:
    """Yield the records of every input, in order. `fmt` is auto, jsonl, txt or listing."""
    resolved = [Path(p) for p in paths]
    for path in iter_paths(resolved):
        kind = fmt
        if kind == "auto":
            name = path.name.lower()
            kind = "jsonl" if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")) else "txt"
        if kind == "jsonl":
            yield from read_jsonl(path)
        elif kind == "listing":
            yield from parse_listing(_read_text(path), prefix=path.stem)
        elif kind == "txt":
            yield from read_text_file(path)
        else:
            raise InputError(f"unknown input format {fmt!r}: use auto, jsonl, txt or listing")


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
