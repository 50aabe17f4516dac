"""The layers the pipeline writes on a `Doc`, one per stage.

text → tokens (spaCy) → `doc.spans["mentions"]` → `doc._.entities` → `doc._.events` → JSON.

Each stage reads the layer before it and adds its own. Offsets in the records are character
offsets (start, end) into `doc.text`, so records pickle cleanly between processes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from spacy.tokens import Doc

MENTIONS_KEY = "mentions"


@dataclass
class EntityRecord:
    """One entity: mentions of one real-world thing, grouped."""

    id: str
    label: str
    name: str
    mentions: list[tuple[int, int]]
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class ArgumentRecord:
    """An event argument: an entity id, or a character span for free-text roles."""

    role: str
    entity: Optional[str] = None
    span: Optional[tuple[int, int]] = None


@dataclass
class EventRecord:
    """One document-level event. Ids are given when the document is serialised."""

    type: str
    trigger: tuple[int, int]
    date: Optional[tuple[str, str]] = None
    attributes: dict[str, Any] = field(default_factory=dict)
    arguments: list[ArgumentRecord] = field(default_factory=list)


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once per Doc: spaCy rebuilds it from the tokens on every access."""
    cached = doc._.text_cache
    if cached is None:
        cached = doc.text
        doc._.text_cache = cached
    return cached


def ensure_extensions() -> None:
    """Register the Doc extensions once (safe to call many times)."""
    for name in ("entities", "events", "release_date", "doc_id", "text_cache"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def get_entities(doc: Doc) -> list[EntityRecord]:
    return doc._.entities or []


def get_events(doc: Doc) -> list[EventRecord]:
    return doc._.events or []


def add_events(doc: Doc, events: list[EventRecord]) -> None:
    doc._.events = get_events(doc) + list(events)


ensure_extensions()
