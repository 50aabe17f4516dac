"""Between a processed `Doc` and the output contract (`schema.Document`)."""

from __future__ import annotations

from typing import Any, Optional

from spacy.tokens import Doc, Span

from .pipeline.layers import (
    MENTIONS_KEY,
    ArgumentRecord,
    EntityRecord,
    EventRecord,
    ensure_extensions,
    get_entities,
    get_events,
)
from .schema import Argument, Document, Entity, Event, EventDate, Mention, Span as SpanModel


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def doc_to_document(doc: Doc, doc_id: str, date: Optional[str] = None) -> Document:
    """Serialise the entity and event layers of a processed Doc."""
    text = doc.text
    entities = []
    for ent in get_entities(doc):
        mentions = [Mention(**_span(text, s, e)) for s, e in sorted(ent.mentions)]
        attributes = {k: v for k, v in ent.attributes.items() if v is not None}
        entities.append(Entity(id=ent.id, label=ent.label, name=ent.name, attributes=attributes, mentions=mentions))
    known = {e.id for e in entities}
    events = []
    ordered = sorted(get_events(doc), key=lambda ev: (ev.trigger[0], ev.type))
    for i, ev in enumerate(ordered, start=1):
        args = []
        for arg in ev.arguments:
            if arg.entity is not None:
                if arg.entity in known:
                    args.append(Argument(role=arg.role, entity=arg.entity))
            elif arg.span is not None:
                args.append(Argument(role=arg.role, **_span(text, *arg.span)))
        date_model = EventDate(start=ev.date[0], end=ev.date[1]) if ev.date else None
        events.append(
            Event(
                id=f"V{i}",
                type=ev.type,
                trigger=SpanModel(**_span(text, *ev.trigger)),
                date=date_model,
                attributes=dict(ev.attributes),
                arguments=args,
            )
        )
    return Document(id=doc_id, date=date, entities=entities, events=events)


def gold_to_doc(nlp, gold: dict[str, Any], with_events: bool = False, parse: bool = False) -> Doc:
    """A Doc carrying a gold document's entities (and events), for developing later stages.

    Mentions become `doc.spans["mentions"]` (expanded to token boundaries) and `doc._.entities`.
    With `parse`, the text is run through `nlp` first (tags, parse, sentences).
    """
    ensure_extensions()
    doc = nlp(gold["text"]) if parse else nlp.make_doc(gold["text"])
    doc._.release_date = gold.get("date")
    doc._.doc_id = gold.get("id")
    spans: list[Span] = []
    records = []
    for ent in gold.get("entities", []):
        offsets = []
        for m in ent.get("mentions", []):
            span = doc.char_span(m["start"], m["end"], label=ent["label"], alignment_mode="expand")
            if span is not None:
                spans.append(span)
            offsets.append((m["start"], m["end"]))
        records.append(EntityRecord(id=ent["id"], label=ent["label"], name=ent["name"], mentions=offsets, attributes=dict(ent.get("attributes", {}))))
    doc.spans[MENTIONS_KEY] = spans
    doc._.entities = records
    if with_events:
        evs = []
        for ev in gold.get("events", []):
            args = [
                ArgumentRecord(role=a["role"], entity=a.get("entity"), span=None if "entity" in a else (a["start"], a["end"]))
                for a in ev.get("arguments", [])
            ]
            date = (ev["date"]["start"], ev["date"]["end"]) if ev.get("date") else None
            evs.append(EventRecord(type=ev["type"], trigger=(ev["trigger"]["start"], ev["trigger"]["end"]), date=date, attributes=dict(ev.get("attributes", {})), arguments=args))
        doc._.events = evs
    return doc
