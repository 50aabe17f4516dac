"""What the format modules share: mentions of a document, tokens cut at mention edges, rebuilding
documents of the contract from flat spans, and the report of what a format cannot hold."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Optional, Sequence

DOC_FIELDS_SKIPPED = ("text", "entities", "events")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    label: str
    entity: str  # the entity id of the source document


def mentions_of(doc: dict[str, Any], warnings: list[str]) -> list[Mention]:
    """The valid mentions of a document, sorted; a mention whose offsets do not give its text is
    reported and left out."""
    text = doc["text"]
    doc_id = doc.get("id", "?")
    out = []
    for ent in doc.get("entities", []):
        for m in ent.get("mentions", []):
            s, e = m.get("start"), m.get("end")
            ok = isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)
            if not ok or ("text" in m and text[s:e] != m["text"]):
                warnings.append(f"{doc_id}: mention {m!r} of {ent.get('id')} does not match the text; left out")
                continue
            out.append(Mention(s, e, ent["label"], str(ent.get("id", ""))))
    return sorted(out, key=lambda m: (m.start, m.end, m.label))


def doc_fields(doc: dict[str, Any]) -> dict[str, Any]:
    """The document-level fields besides text, entities and events (id, date, split, title, ...)."""
    return {k: v for k, v in doc.items() if k not in DOC_FIELDS_SKIPPED}


def flat(mentions: Iterable[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Split mentions into a non-overlapping list (first come, longest first) and the overlapping rest."""
    kept: list[Mention] = []
    rest: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if kept and m.start < kept[-1].end:
            rest.append(m)
        else:
            kept.append(m)
    return kept, rest


def cut_tokens(tokens: Iterable[tuple[int, int]], cuts: Iterable[int]) -> list[tuple[int, int]]:
    """Split (start, end) tokens at every cut that falls strictly inside one."""
    points = sorted(set(cuts))
    out = []
    for s, e in tokens:
        inner = [p for p in points if s < p < e]
        for a, b in zip([s] + inner, inner + [e]):
            out.append((a, b))
    return out


def spacy_tokens(nlp: Any, text: str, mentions: Sequence[Mention]) -> Any:
    """A spaCy Doc of `text` whose tokens never cross a mention edge (so every mention is a span)."""
    from spacy.tokens import Doc

    doc = nlp.make_doc(text)
    cuts = {p for m in mentions for p in (m.start, m.end)}
    if all(doc.char_span(m.start, m.end) is not None for m in mentions):
        return doc
    words, spaces = [], []
    for tok in doc:
        pieces = cut_tokens([(tok.idx, tok.idx + len(tok.text))], cuts)
        for k, (a, b) in enumerate(pieces):
            words.append(text[a:b])
            spaces.append(bool(tok.whitespace_) and k == len(pieces) - 1)
    rebuilt = Doc(nlp.vocab, words=words, spaces=spaces)
    assert rebuilt.text == text, "token cutting changed the text"
    return rebuilt


def group_spans(doc_id: str, text: str, spans: Iterable[tuple[int, int, str]], warnings: list[str],
                entity_ids: Optional[Sequence[Optional[str]]] = None) -> list[dict[str, Any]]:
    """Entities of the contract from flat (start, end, label) spans.

    With `entity_ids`, spans sharing an id are one entity; without, spans with the same label and
    text are one entity (the formats that hold no grouping). Spans outside the text or on edge
    whitespace are reported and left out.
    """
    entities: dict[tuple, dict[str, Any]] = {}
    ids = list(entity_ids) if entity_ids is not None else None
    seen: set[tuple[int, int, str]] = set()
    for k, (s, e, label) in enumerate(spans):
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            warnings.append(f"{doc_id}: span {s}-{e} {label} is outside the text; left out")
            continue
        if (s, e, label) in seen:
            continue
        seen.add((s, e, label))
        eid = ids[k] if ids is not None else None
        key = ("id", eid) if eid else ("text", label, text[s:e])
        ent = entities.get(key)
        if ent is None:
            ent = {"id": eid or "", "label": label, "name": text[s:e], "attributes": {}, "mentions": []}
            entities[key] = ent
        ent["mentions"].append({"start": s, "end": e, "text": text[s:e]})
    out = sorted(entities.values(), key=lambda ent: (ent["mentions"][0]["start"], ent["label"]))
    used = {ent["id"] for ent in out if ent["id"]}
    n = 0
    for ent in out:
        ent["mentions"].sort(key=lambda m: (m["start"], m["end"]))
        if not ent["id"]:
            n += 1
            while f"E{n}" in used:
                n += 1
            ent["id"] = f"E{n}"
        if ids is not None:
            ent["name"] = max((m["text"] for m in ent["mentions"]), key=len)
    return out


def lost_report(fmt: str, docs: Sequence[dict[str, Any]], holds: set[str]) -> list[str]:
    """Lines saying what of `docs` the format does not hold (only what the documents have).

    `holds` names what the format keeps, among: fields (id, date, split, ...), whitespace,
    grouping (entity ids and names), attributes, events, overlaps.
    """
    c: Counter = Counter()
    for d in docs:
        if len(doc_fields(d)) and "fields" not in holds:
            c["fields"] += 1
        if "whitespace" not in holds and re.search(r"\s{2,}|[^\S ]", d["text"]):
            c["whitespace"] += 1
        for ent in d.get("entities", []):
            texts = {m.get("text") for m in ent.get("mentions", [])}
            if "grouping" not in holds and (len(ent.get("mentions", [])) > 1 or ent.get("name") not in texts):
                c["grouping"] += 1
            if "attributes" not in holds and ent.get("attributes"):
                c["attributes"] += 1
        if "events" not in holds:
            c["events"] += len(d.get("events", []))
        if "overlaps" not in holds:
            _, rest = flat(mentions_of(d, []))
            c["overlaps"] += len(rest)
    what = {
        "fields": "document fields (id, date, split, ...) of {n} documents: ids are made up on import "
                  "(pass the original JSONL as reference to get them back)",
        "whitespace": "the exact whitespace of {n} documents: the text is rebuilt from tokens on import "
                      "(pass the original JSONL as reference to map spans onto the original texts)",
        "grouping": "entity ids, names and grouping of {n} entities: on import, mentions with the same label "
                    "and text become one entity named by its text",
        "attributes": "the attributes of {n} entities (codes, values, titles, affiliations)",
        "events": "{n} events",
        "overlaps": "{n} overlapping mentions (only the first of overlapping mentions is written)",
    }
    return [f"{fmt}: does not hold " + what[k].format(n=n) for k, n in c.items() if n]


def squeeze(text: str) -> str:
    """The text without any whitespace: the key that matches a tokenised document to its original."""
    return re.sub(r"\s+", "", text)
