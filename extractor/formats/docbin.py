"""spaCy DocBin (`.spacy`): what `spacy train` reads.

Each document becomes a Doc (blank English tokenizer, tokens cut at mention edges so every
mention is a span) with:
- `doc.ents`: the mentions, labelled, with the entity id as `ent_id_` (overlapping ones left out
  of `doc.ents` only);
- `doc.spans["mentions"]`: every mention, with the entity id as the span id;
- `doc.user_data["trade_extractor"]`: the rest of the document as JSON (fields, entity names and
  attributes, events), so a round trip keeps everything.

A DocBin made elsewhere imports too: its `doc.ents` become mentions, grouped by `ent_id_` where set.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional, Sequence

from .common import doc_fields, flat, group_spans, mentions_of, spacy_tokens

SPANS_KEY = "mentions"
USER_KEY = "trade_extractor"


def _blank():
    import spacy

    return spacy.blank("en")


def export_docbin(docs: Sequence[dict[str, Any]], out_path: Path) -> list[str]:
    from spacy.tokens import DocBin, Span

    nlp = _blank()
    warnings: list[str] = []
    db = DocBin(store_user_data=True)
    for d in docs:
        mentions = mentions_of(d, warnings)
        doc = spacy_tokens(nlp, d["text"], mentions)
        spans = [Span(doc, *_tokens(doc, m.start, m.end), label=m.label, span_id=m.entity) for m in mentions]
        doc.spans[SPANS_KEY] = spans
        kept, rest = flat(mentions)
        doc.ents = [Span(doc, *_tokens(doc, m.start, m.end), label=m.label, span_id=m.entity) for m in kept]
        if rest:
            warnings.append(f"{d.get('id', '?')}: {len(rest)} overlapping mentions kept in doc.spans['{SPANS_KEY}'] "
                            "but not in doc.ents")
        extra = {
            "fields": doc_fields(d),
            "entities": [{k: v for k, v in ent.items() if k != "mentions"} for ent in d.get("entities", [])],
            "events": d.get("events", []),
        }
        doc.user_data[USER_KEY] = json.dumps(extra, ensure_ascii=False)
        db.add(doc)
    Path(out_path).write_bytes(db.to_bytes())
    return warnings


def _tokens(doc: Any, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end)
    return span.start, span.end


def import_docbin(in_path: Path, reference: Optional[Sequence[dict[str, Any]]] = None) -> tuple[list[dict], list[str]]:
    from spacy.tokens import DocBin

    nlp = _blank()
    warnings: list[str] = []
    out = []
    db = DocBin().from_bytes(Path(in_path).read_bytes())
    for n, doc in enumerate(db.get_docs(nlp.vocab), start=1):
        raw = doc.user_data.get(USER_KEY)
        extra = json.loads(raw) if isinstance(raw, str) else {}
        fields = dict(extra.get("fields") or {})
        doc_id = str(fields.get("id") or f"doc-{n}")
        spans = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else list(doc.ents)
        ids = [s.id_ or None for s in spans]
        entities = group_spans(doc_id, doc.text, [(s.start_char, s.end_char, s.label_) for s in spans], warnings,
                               entity_ids=ids if any(ids) else None)
        meta = {e.get("id"): e for e in extra.get("entities", [])}
        for ent in entities:
            known = meta.get(ent["id"])
            if known is not None and known.get("label") == ent["label"]:
                ent["name"] = known.get("name", ent["name"])
                ent["attributes"] = known.get("attributes") or {}
        order = {e.get("id"): i for i, e in enumerate(extra.get("entities", []))}
        entities.sort(key=lambda e: (order.get(e["id"], len(order)), e["mentions"][0]["start"]))
        fields.setdefault("id", doc_id)
        events = _events_with_known_entities(doc_id, extra.get("events", []), {e["id"] for e in entities}, warnings)
        out.append({**fields, "text": doc.text, "entities": entities, "events": events})
    return out, warnings


def _events_with_known_entities(doc_id: str, events: list[dict], known: set[str], warnings: list[str]) -> list[dict]:
    """Events whose entity arguments still exist (a DocBin edited in spaCy may have lost some)."""
    out = []
    for ev in events:
        args = [a for a in ev.get("arguments", []) if "entity" not in a or a["entity"] in known]
        if len(args) < len(ev.get("arguments", [])):
            warnings.append(f"{doc_id}: event {ev.get('id')}: {len(ev['arguments']) - len(args)} arguments point "
                            "at entities no longer in the DocBin; left out")
        out.append({**ev, "arguments": args})
    return out
