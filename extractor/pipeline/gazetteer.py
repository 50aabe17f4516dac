"""The gazetteer: known names of countries, blocs, ministries, organisations, agreements and
regulations, matched as phrases and written to `doc.spans["gazetteer"]`.

Patterns are JSONL lines `{"label": "COUNTRY", "pattern": "Viet Nam", "id": "VNM"}`; names with the
same id are one entity. The shipped files live in `extractor/data/gazetteers/`; a user adds names with
`extra_paths` in the config (no retraining), and the patterns are saved with the pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..errors import ModelLoadError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteers"
DEFAULT_FILES = ("countries.jsonl", "ministries.jsonl", "orgs.jsonl", "agreements.jsonl", "regulations.jsonl")
SPANS_KEY = "gazetteer"


def read_patterns(paths: Iterable[Path | str]) -> list[dict[str, Any]]:
    """Read pattern lines from JSONL files; a line needs `label` and `pattern`."""
    patterns = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise ModelLoadError(f"gazetteer file {path} does not exist")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ModelLoadError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
            if not isinstance(row, dict) or not row.get("label") or not row.get("pattern"):
                raise ModelLoadError(f"{path}:{n}: a gazetteer line needs `label` and `pattern`")
            patterns.append({"label": row["label"], "pattern": row["pattern"], "id": row.get("id") or row["pattern"]})
    return patterns


@Language.factory(
    "trade_gazetteer",
    default_config={"spans_key": SPANS_KEY, "extra_paths": []},
)
def make_gazetteer(nlp: Language, name: str, spans_key: str, extra_paths: list[str]) -> "Gazetteer":
    return Gazetteer(nlp, name, spans_key=spans_key, extra_paths=extra_paths)


class Gazetteer:
    """Case-sensitive phrase matching of known names; overlapping matches are all kept."""

    def __init__(self, nlp: Language, name: str, *, spans_key: str, extra_paths: list[str]):
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.extra_paths = list(extra_paths)
        self.patterns: list[dict[str, Any]] = []
        self.matcher = PhraseMatcher(nlp.vocab)

    def initialize(self, get_examples: Optional[Callable] = None, nlp: Optional[Language] = None,
                   patterns: Optional[list[dict[str, Any]]] = None) -> None:
        """Load the shipped gazetteer files plus `extra_paths` (or the given patterns)."""
        if patterns is None:
            patterns = read_patterns([DATA_DIR / f for f in DEFAULT_FILES] + list(self.extra_paths))
        self.set_patterns(patterns)

    def set_patterns(self, patterns: list[dict[str, Any]]) -> None:
        self.patterns = list(patterns)
        self.matcher = PhraseMatcher(self.nlp.vocab)
        by_key: dict[str, list[Doc]] = {}
        for row in self.patterns:
            key = f"{row['label']}|{row['id']}"
            by_key.setdefault(key, []).append(self.nlp.make_doc(row["pattern"]))
        for key, docs in by_key.items():
            self.matcher.add(key, docs)

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        self.set_patterns(self.patterns + list(patterns))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, _, key = self.nlp.vocab.strings[match_id].partition("|")
            spans.append(Span(doc, start, end, label=label, span_id=key))
        doc.spans[self.spans_key] = spans
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)

    def from_disk(self, path, exclude=tuple()) -> "Gazetteer":
        path = ensure_path(path)
        self.set_patterns(list(srsly.read_jsonl(path / "patterns.jsonl")))
        return self
