"""`transformer_ner`: a fine-tuned token classifier as the pipeline's NER step.

It reads `doc.text` in overlapping windows, merges the predictions in document offsets and writes
them to `doc.ents` with the model's labels, where `trade_mentions` takes them as the statistical
NER's candidates. The model folder is loaded in `initialize()` or `from_disk()`, and `to_disk()`
writes it into the saved pipeline, so `nlp.to_disk()` / `spacy.load()` round-trip it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, minibatch

from ..errors import ModelLoadError


@Language.factory(
    "transformer_ner",
    default_config={"model_path": None, "device": "cpu", "batch_size": 8},
)
def make_transformer_ner(nlp: Language, name: str, model_path: Optional[str], device: str,
                         batch_size: int) -> "TransformerNER":
    return TransformerNER(name, model_path=model_path, device=device, batch_size=batch_size)


class TransformerNER:
    """Sets `doc.ents` from a token-classification model read in windows."""

    def __init__(self, name: str, *, model_path: Optional[str], device: str, batch_size: int):
        self.name = name
        self.model_path = model_path
        self.device = device
        self.batch_size = batch_size
        self.classifier: Any = None
        self.unaligned = 0  # predicted spans that had to be widened to spaCy token edges

    def initialize(self, get_examples: Optional[Callable] = None, *, nlp: Optional[Language] = None,
                   model_path: Optional[str] = None) -> None:
        """Load the model folder (`model_path`, or the one in the config)."""
        from .model import TokenClassifier

        path = model_path or self.model_path
        if not path:
            raise ModelLoadError(f"{self.name}: no model_path to load: train one with `extractor train --backend transformer`")
        self.classifier = TokenClassifier.load(path, device=self.device)
        self.model_path = str(path)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.classifier.labels()) if self.classifier is not None else ()

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: Optional[int] = None) -> Iterator[Doc]:
        if self.classifier is None:
            raise ModelLoadError(f"{self.name} has no model: load the pipeline with "
                                 "extractor.transformer.load_transformer_pipeline(DIR)")
        for batch in minibatch(docs, size=batch_size or self.batch_size):
            predicted = self.classifier.predict([d.text for d in batch], batch_size=self.batch_size)
            for doc, spans in zip(batch, predicted):
                self.set_ents(doc, spans)
                yield doc

    def set_ents(self, doc: Doc, spans: Iterable[Any]) -> None:
        """Predicted character spans as `doc.ents`, widened to spaCy tokens where they cut one."""
        out = []
        for sp in spans:
            span = doc.char_span(sp.start, sp.end, label=sp.label)
            if span is None:
                self.unaligned += 1
                span = doc.char_span(sp.start, sp.end, label=sp.label, alignment_mode="expand")
            if span is not None and len(span):
                out.append(span)
        keep = filter_spans(list(doc.ents) + out)
        doc.ents = [Span(doc, s.start, s.end, label=s.label_) for s in sorted(keep, key=lambda s: s.start)]

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        if self.classifier is None:
            raise ModelLoadError(f"{self.name} has no model to save")
        self.classifier.save(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "TransformerNER":
        self.initialize(model_path=str(path))
        return self
