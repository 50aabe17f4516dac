"""Annotation formats in and out: the contract's JSONL ↔ the tools people already annotate with.

    from extractor.formats import export_corpus, import_corpus
    warnings = export_corpus(load_corpus("train"), "prodigy", Path("train.prodigy.jsonl"))
    docs, warnings = import_corpus(Path("annotated.jsonl"), "prodigy")

| fmt | file | holds |
| --- | --- | --- |
| spacy | DocBin (`.spacy`) | everything: mentions in doc.ents and doc.spans, the rest in user_data |
| conll | CoNLL-2003 / IOB text | tokens and labels only (no ids, whitespace, grouping, attributes, events) |
| prodigy | span JSONL | text, spans, document fields in meta |
| doccano | JSONL | text, [start, end, label], document fields |
| labelstudio | JSON task list | text, span labels, document fields in data |

Spans round-trip exactly in every format (CoNLL: with the original documents as `reference`).
What a format cannot hold is returned as warnings by `export_corpus`, never dropped in silence.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence

from ..errors import InputError
from .common import lost_report
from .conll import export_conll, import_conll
from .docbin import export_docbin, import_docbin
from .doccano import export_doccano, import_doccano
from .labelstudio import export_labelstudio, import_labelstudio
from .prodigy import export_prodigy, import_prodigy

__all__ = ["FORMATS", "export_corpus", "import_corpus"]

Exporter = Callable[[Sequence[dict[str, Any]], Path], list[str]]
Importer = Callable[..., tuple[list[dict[str, Any]], list[str]]]

# name -> (exporter, importer, what the format holds, usual file suffix)
_REGISTRY: dict[str, tuple[Exporter, Importer, set[str], str]] = {
    "spacy": (export_docbin, import_docbin,
              {"fields", "whitespace", "grouping", "attributes", "events", "overlaps"}, ".spacy"),
    "conll": (export_conll, import_conll, set(), ".conll"),
    "prodigy": (export_prodigy, import_prodigy, {"fields", "whitespace", "overlaps"}, ".jsonl"),
    "doccano": (export_doccano, import_doccano, {"fields", "whitespace", "overlaps"}, ".jsonl"),
    "labelstudio": (export_labelstudio, import_labelstudio, {"fields", "whitespace", "overlaps"}, ".json"),
}
FORMATS: tuple[str, ...] = tuple(_REGISTRY)


def _entry(fmt: str) -> tuple[Exporter, Importer, set[str], str]:
    try:
        return _REGISTRY[fmt]
    except KeyError:
        raise InputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}") from None


def export_corpus(docs: Iterable[dict[str, Any]], fmt: str, out_path: Path | str) -> list[str]:
    """Write gold documents in a tool's format; return what the format could not hold.

    Args:
        docs: documents of the contract (`text`, `entities`, `events`, and any fields).
        fmt: one of FORMATS.
        out_path: the file to write.

    Returns:
        Warnings: one line for each kind of information the format does not hold (with counts),
        then one for each mention that could not be written.
    """
    exporter, _, holds, _ = _entry(fmt)
    docs = list(docs)
    for d in docs:
        if not isinstance(d.get("text"), str):
            raise InputError(f"document {d.get('id', '?')!r} has no text")
    report = lost_report(fmt, docs, holds)
    return report + exporter(docs, Path(out_path))


def import_corpus(in_path: Path | str, fmt: str, *, reference: Optional[Sequence[dict[str, Any]]] = None
                  ) -> tuple[list[dict[str, Any]], list[str]]:
    """Read a tool's file into documents of the contract.

    Args:
        in_path: the file to read.
        fmt: one of FORMATS.
        reference: the original documents, for formats that lose the text's whitespace (conll):
            each imported document is matched to the reference document with the same characters
            and gets its exact text, offsets and fields.

    Returns:
        (documents, warnings): each document has `id`, `text`, `entities` (mentions with exact
        offsets, `attributes` empty unless the format holds them) and `events`.
    """
    _, importer, _, _ = _entry(fmt)
    path = Path(in_path)
    if not path.exists():
        raise InputError(f"{path} does not exist")
    try:
        return importer(path, reference=reference)
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(f"{path} is not a valid {fmt} file: {exc!r}") from exc
