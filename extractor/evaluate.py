"""`extractor evaluate`: score predictions against gold, entities and events, as a table or JSON."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional

from .corpus import load_corpus, read_gold
from .labels import ENTITY_LABELS
from .scoring.entities import format_entity_table, score_entities


def _event_scoring():
    try:
        from .scoring.events import format_event_table, score_events
    except ImportError:
        return None, None
    return score_events, format_event_table


def evaluate_documents(gold: list[dict[str, Any]], pred: list[dict[str, Any]], labels: Optional[Iterable[str]] = None) -> dict[str, Any]:
    """Scores of predicted documents against gold documents (matched by id)."""
    label_set = list(labels) if labels is not None else sorted(
        {e["label"] for d in gold for e in d.get("entities", [])} | set(ENTITY_LABELS)
    )
    missing = sorted({d["id"] for d in gold} - {d["id"] for d in pred})
    result: dict[str, Any] = {"entities": score_entities(gold, pred, label_set), "missing_predictions": missing}
    score_events, _ = _event_scoring()
    if score_events is not None and any(d.get("events") for d in gold):
        result["events"] = score_events(gold, pred)
    return result


def predict(gold: list[dict[str, Any]], model: Optional[str] = None, extractor=None) -> list[dict[str, Any]]:
    """Annotate gold documents' texts with a model."""
    from .extract import Extractor

    ex = extractor or Extractor.load(model)
    return [ex.annotate(d["text"], id=d["id"], date=d.get("date")).to_json_dict() for d in gold]


def evaluate_split(split: str, model: Optional[str] = None, extractor=None) -> dict[str, Any]:
    """Annotate one split of the project corpus and score it."""
    gold = load_corpus(split)
    if not gold:
        raise ValueError(f"the corpus has no documents in split {split!r}")
    pred = predict(gold, model=model, extractor=extractor)
    result = evaluate_documents(gold, pred)
    result["split"] = split
    return result


def evaluate_files(gold_path: Path, pred_path: Path) -> dict[str, Any]:
    return evaluate_documents(read_gold(gold_path), read_gold(pred_path))


def format_report(result: dict[str, Any]) -> str:
    parts = []
    if result.get("split"):
        parts.append(f"Split: {result['split']}\n")
    parts.append(format_entity_table(result["entities"]))
    _, format_event_table = _event_scoring()
    if "events" in result and format_event_table is not None:
        parts.append("\n" + format_event_table(result["events"]))
    if result.get("missing_predictions"):
        parts.append(f"\nNo prediction for {len(result['missing_predictions'])} gold documents: "
                     + ", ".join(result["missing_predictions"][:10]))
    return "\n".join(parts)
