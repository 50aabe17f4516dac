"""The one code path from input documents to output documents: `Extractor`.

The CLI, the API and `extractor evaluate` all call `Extractor.annotate` / `Extractor.pipe`.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Iterable, Iterator, Optional

import spacy
from spacy.language import Language

from .document import doc_to_document
from .errors import DocumentTooLong, ModelLoadError
from .pipeline.layers import ensure_extensions
from .readers import Record
from .schema import Document, InputDocument

DEFAULT_MODEL_NAME = "trade_en"
MODEL_ENV = "EXTRACTOR_MODEL"
DEFAULT_MAX_CHARS = 1_000_000


def default_model_path() -> Path:
    """The shipped model: $EXTRACTOR_MODEL, else models/trade_en beside the package or in the cwd."""
    env = os.environ.get(MODEL_ENV)
    if env:
        return Path(env)
    candidates = [
        Path(__file__).resolve().parent.parent / "models" / DEFAULT_MODEL_NAME,
        Path.cwd() / "models" / DEFAULT_MODEL_NAME,
    ]
    for path in candidates:
        if (path / "config.cfg").exists():
            return path
    return candidates[0]


def load_pipeline(path: Optional[Path | str] = None) -> Language:
    """Load a saved pipeline folder (spaCy), with our components registered."""
    from .build import register_components

    register_components()
    ensure_extensions()
    target = Path(path) if path is not None else default_model_path()
    if not target.exists():
        raise ModelLoadError(
            f"model folder {target} does not exist: build it with `extractor train` or point "
            f"--model / ${MODEL_ENV} at a saved pipeline"
        )
    if (target / "config.json").exists() and not (target / "config.cfg").exists():
        from .transformer import load_transformer_pipeline  # optional backend

        return load_transformer_pipeline(target)
    if not (target / "config.cfg").exists():
        raise ModelLoadError(f"{target} is not a saved pipeline: it has no config.cfg")
    try:
        return spacy.load(target)
    except Exception as exc:  # spaCy raises OSError/ValueError/KeyError for broken folders
        raise ModelLoadError(f"cannot load the pipeline in {target}: {exc}") from exc


class Extractor:
    """A loaded pipeline that turns input documents into output documents."""

    def __init__(self, nlp: Language, max_chars: int = DEFAULT_MAX_CHARS):
        self.nlp = nlp
        self.max_chars = max_chars
        if nlp.max_length < max_chars:
            nlp.max_length = max_chars + 1

    @classmethod
    def load(cls, path: Optional[Path | str] = None, max_chars: int = DEFAULT_MAX_CHARS) -> "Extractor":
        return cls(load_pipeline(path), max_chars=max_chars)

    def add_gazetteer(self, path: Path | str) -> None:
        """Add the names of a user's gazetteer file (JSONL of label/pattern/id) to the loaded pipeline."""
        from .pipeline.gazetteer import read_patterns

        if "trade_gazetteer" not in self.nlp.pipe_names:
            raise ModelLoadError("this pipeline has no gazetteer component to extend")
        self.nlp.get_pipe("trade_gazetteer").add_patterns(read_patterns([path]))

    def _make_doc(self, text: str, date: Optional[str], doc_id: str):
        if len(text) > self.max_chars:
            raise DocumentTooLong(f"text has {len(text)} characters, over the limit of {self.max_chars}")
        doc = self.nlp.make_doc(text)
        doc._.release_date = date
        doc._.doc_id = doc_id
        return doc

    def annotate(self, text: str, id: Optional[str] = None, date: Optional[str] = None) -> Document:
        """Annotate one text. Empty or whitespace-only text gives an empty result."""
        doc_id = id or "doc-1"
        date = str(date) if date else None
        if not text.strip():
            return Document(id=doc_id, date=date)
        with self.nlp.memory_zone():
            doc = self.nlp(self._make_doc(text, date, doc_id))
            return doc_to_document(doc, doc_id, date)

    def annotate_input(self, item: InputDocument, fallback_id: str = "doc-1") -> Document:
        return self.annotate(item.text, id=item.id or fallback_id, date=item.date.isoformat() if item.date else None)

    def pipe(self, records: Iterable[Record], batch_size: int = 16) -> Iterator[Document]:
        """Annotate records in order; a record that fails gives a Document with `error` set.

        Each batch runs inside spaCy's memory zone, so the string store does not grow with the
        number of documents (a long run keeps flat memory).
        """
        pending: list[tuple[Record, Optional[Document]]] = []

        def run_one(doc):
            try:
                return self.nlp(doc)
            except Exception as exc:  # one bad document never stops a batch
                return exc

        def flush() -> Iterator[Document]:
            results: list[Document] = []
            with self.nlp.memory_zone():
                docs = [self._make_doc(rec.text, rec.date, rec.id) for rec, done in pending if done is None]
                try:
                    processed = list(self.nlp.pipe(docs, batch_size=batch_size)) if docs else []
                except Exception:
                    processed = [run_one(d) for d in docs]
                it = iter(processed)
                for rec, done in pending:
                    if done is not None:
                        results.append(done)
                        continue
                    doc = next(it)
                    if isinstance(doc, Exception):
                        results.append(Document(id=rec.id, date=rec.date, error=f"annotation failed: {doc}"))
                        continue
                    try:
                        results.append(doc_to_document(doc, rec.id, rec.date))
                    except Exception as exc:
                        results.append(Document(id=rec.id, date=rec.date, error=f"serialisation failed: {exc}"))
            pending.clear()
            yield from results

        for rec in records:
            if rec.error is not None:
                pending.append((rec, Document(id=rec.id, date=rec.date, error=rec.error)))
            elif not (rec.text or "").strip():
                pending.append((rec, Document(id=rec.id, date=rec.date)))
            elif len(rec.text) > self.max_chars:
                msg = f"text has {len(rec.text)} characters, over the limit of {self.max_chars}"
                pending.append((rec, Document(id=rec.id, date=rec.date, error=msg)))
            else:
                pending.append((rec, None))
            if len(pending) >= batch_size:
                yield from flush()
        yield from flush()


def warn_once(message: str) -> None:
    warnings.warn(message, stacklevel=2)
