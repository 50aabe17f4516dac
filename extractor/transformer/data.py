"""Training data: gold documents of the contract → a `datasets.Dataset` of labelled windows."""

from __future__ import annotations

import json
import warnings
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from ..corpus import compile_source, load_corpus, read_gold
from ..errors import CorpusError
from ..labels import ENTITY_LABELS
from .spans import CharSpan, spans_to_tags


class SpanAlignmentWarning(UserWarning):
    """A gold span does not fall on sub-word token boundaries (or overlaps another)."""


def read_corpus(corpus_path: str | Path | None) -> list[dict[str, Any]]:
    """Gold documents: the project corpus (None), a JSONL file, or a folder.

    A folder is read as every `*.jsonl` in it, or, when it has none, as authoring sources
    (`*.json`, compiled with `extractor.corpus.compile_source`).
    """
    if corpus_path is None:
        return load_corpus()
    path = Path(corpus_path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if files:
            return [d for f in files for d in read_gold(f)]
        sources = sorted(path.glob("*.json"))
        if not sources:
            raise CorpusError(f"{path} holds no *.jsonl gold files and no *.json authoring sources")
        return [compile_source(json.loads(p.read_text(encoding="utf-8"))) for p in sources]
    if not path.exists():
        raise CorpusError(f"corpus file {path} does not exist")
    return read_gold(path)


def select_split(docs: Sequence[dict[str, Any]], split: Optional[str]) -> list[dict[str, Any]]:
    """The documents of one split (all of them when `split` is None)."""
    if split is None:
        return list(docs)
    return [d for d in docs if d.get("split") == split]


def corpus_labels(docs: Iterable[dict[str, Any]]) -> list[str]:
    """The labels used in the documents: ours in ANNOTATION.md order, then any others sorted."""
    seen = {ent["label"] for d in docs for ent in d.get("entities", []) if ent.get("mentions")}
    return [lab for lab in ENTITY_LABELS if lab in seen] + sorted(seen - set(ENTITY_LABELS))


def gold_spans(doc: dict[str, Any], labels: Optional[set[str]] = None) -> tuple[list[CharSpan], Counter]:
    """The mentions of a gold document as labelled character spans, and a count of those left out."""
    spans, skipped = [], Counter()
    for ent in doc.get("entities", []):
        for m in ent.get("mentions", []):
            if labels is not None and ent["label"] not in labels:
                skipped[ent["label"]] += 1
                continue
            spans.append(CharSpan(int(m["start"]), int(m["end"]), ent["label"]))
    return spans, skipped


def to_dataset(docs: Sequence[dict[str, Any]], labels: Sequence[str]) -> Any:
    """Documents as a `datasets.Dataset` of `id`, `text` and flat `spans` (start, end, label)."""
    import datasets

    datasets.disable_progress_bars()
    rows = []
    for d in docs:
        spans, _ = gold_spans(d, set(labels))
        rows.append({"id": str(d.get("id", "?")), "text": d["text"],
                     "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in spans]})
    features = datasets.Features({
        "id": datasets.Value("string"),
        "text": datasets.Value("string"),
        "spans": [{"start": datasets.Value("int64"), "end": datasets.Value("int64"), "label": datasets.Value("string")}],
    })
    return datasets.Dataset.from_list(rows, features=features)


def window_dataset(dataset: Any, classifier: Any, tag2id: dict[str, int]) -> tuple[Any, list[str]]:
    """Tokenise each document, tag its gold spans, and cut it into labelled windows.

    Returns the windows as a `datasets.Dataset` (`input_ids`, `labels`; -100 on special tokens)
    and the alignment problems found, each also given as a `SpanAlignmentWarning`.
    """
    problems: list[str] = []

    def encode(batch: dict[str, list]) -> dict[str, list]:
        out: dict[str, list] = {"doc_id": [], "input_ids": [], "labels": []}
        encoded = classifier.encode(batch["text"])
        for doc_id, text, spans, enc in zip(batch["id"], batch["text"], batch["spans"], encoded):
            char_spans = [CharSpan(s["start"], s["end"], s["label"]) for s in spans]
            tags, found = spans_to_tags(enc.offsets, char_spans, scheme=classifier.scheme, doc_id=doc_id, text=text)
            for line in found:
                warnings.warn(line, SpanAlignmentWarning, stacklevel=2)
            problems.extend(found)
            for w in enc.windows:
                n = w.content.stop - w.content.start
                labels = [-100] * len(w.input_ids)
                labels[w.content] = [tag2id[t] for t in tags[w.first:w.first + n]]
                out["doc_id"].append(doc_id)
                out["input_ids"].append(w.input_ids)
                out["labels"].append(labels)
        return out

    # the tokenizer is not hashable for the cache fingerprint; the data is small and in memory
    windows = dataset.map(encode, batched=True, remove_columns=dataset.column_names,
                          new_fingerprint=f"windows-{dataset._fingerprint}-{classifier.window_size}-{classifier.scheme}",
                          load_from_cache_file=False)
    return windows, problems
