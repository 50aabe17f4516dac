"""The annotated corpus: authoring sources, the compiled gold files, splits and the validator.

Layout (see corpus/README.md):
- `corpus/src/*.json` and `corpus/challenge/src/*.json`: one authoring file per document. Mentions,
  triggers and span arguments may be written as text instead of offsets (see `compile_source`).
- `corpus/releases.jsonl` and `corpus/challenge/challenge.jsonl`: the compiled gold, one document
  per line in the shape of OUTPUT.md plus `title`, `category`, `text` and `split`.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from .errors import CorpusError
from .labels import (
    BLOC_CODES,
    ENTITY_LABELS,
    EVENT_ATTRIBUTES,
    EVENT_ROLES,
    EVENT_TYPES,
    PERCENT_UNITS,
    SPLITS,
)

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
CORPUS_FILES = {
    "releases": Path("releases.jsonl"),
    "challenge": Path("challenge") / "challenge.jsonl",
}


# --------------------------------------------------------------------------- compiling


def _word_occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """All occurrences of `needle` in `text` not glued to a letter or digit on either side."""
    out = []
    start = 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            return out
        j = i + len(needle)
        before_ok = i == 0 or not (text[i - 1].isalnum() and needle[0].isalnum())
        after_ok = j == len(text) or not (text[j].isalnum() and needle[-1].isalnum())
        if before_ok and after_ok:
            out.append((i, j))
        start = i + 1


def _locate(text: str, spec: Any, doc_id: str, what: str) -> list[tuple[int, int]]:
    """Resolve one span spec to offsets. A bare string resolves to its first occurrence."""
    if isinstance(spec, str):
        spec = {"text": spec}
    if not isinstance(spec, dict):
        raise CorpusError(f"{doc_id}: {what}: span spec {spec!r} is not a string or object")
    if "start" in spec and "end" in spec:
        start, end = int(spec["start"]), int(spec["end"])
        if "text" in spec and text[start:end] != spec["text"]:
            raise CorpusError(
                f"{doc_id}: {what}: offsets {start}-{end} give {text[start:end]!r}, not {spec['text']!r}"
            )
        return [(start, end)]
    needle = spec.get("text")
    if not needle:
        raise CorpusError(f"{doc_id}: {what}: span spec {spec!r} has no text")
    occ = _word_occurrences(text, needle)
    if "after" in spec:
        anchor = text.find(spec["after"])
        if anchor < 0:
            raise CorpusError(f"{doc_id}: {what}: context {spec['after']!r} not in text")
        occ = [o for o in occ if o[0] >= anchor]
        if not occ:
            raise CorpusError(f"{doc_id}: {what}: {needle!r} not found after {spec['after']!r}")
        return [occ[0]] if "nth" not in spec else [occ[n] for n in _as_list(spec["nth"])]
    if not occ:
        raise CorpusError(f"{doc_id}: {what}: {needle!r} not found in text")
    if "nth" in spec:
        try:
            return [occ[n] for n in _as_list(spec["nth"])]
        except IndexError:
            raise CorpusError(
                f"{doc_id}: {what}: {needle!r} has only {len(occ)} occurrences, nth={spec['nth']}"
            ) from None
    return [occ[0]]


def _as_list(value: Any) -> list[int]:
    return [int(v) for v in (value if isinstance(value, list) else [value])]


def compile_source(src: dict[str, Any]) -> dict[str, Any]:
    """Turn an authoring document into a gold document with offsets.

    Mention specs inside an entity:
    - `"MOTIR"`: every word-bounded occurrence of the string that is not inside a longer mention
      of any entity (so "Korea" inside a tagged "Korea–EU FTA" is left out);
    - `{"text": "Kim", "nth": [0, 2]}`: those occurrences (0-based, counting every word-bounded
      occurrence in the text, inside longer names too);
    - `{"text": "met", "after": "context"}`: the first occurrence at or after the context string;
    - `{"start": 10, "end": 15}`: offsets.
    Triggers and span arguments take the same specs; a bare string there is its first occurrence.
    """
    doc_id = src.get("id", "?")
    text = src["text"]
    fixed: list[tuple[int, int, str]] = []  # (start, end, entity id)
    loose: list[tuple[int, int, str]] = []
    for ent in src.get("entities", []):
        for spec in ent.get("mentions", []):
            if isinstance(spec, str):
                for s, e in _word_occurrences(text, spec):
                    loose.append((s, e, ent["id"]))
                if not _word_occurrences(text, spec):
                    raise CorpusError(f"{doc_id}: entity {ent['id']}: {spec!r} not found in text")
            else:
                for s, e in _locate(text, spec, doc_id, f"entity {ent['id']}"):
                    fixed.append((s, e, ent["id"]))
    chosen: list[tuple[int, int, str]] = list(fixed)
    # Loose matches lose to anything longer that overlaps them, and to any fixed mention.
    everything = fixed + loose
    for s, e, eid in loose:
        if any(fs < e and s < fe for fs, fe, _ in fixed):
            continue
        if any(os_ < e and s < oe and (oe - os_) > (e - s) for os_, oe, _ in everything):
            continue
        chosen.append((s, e, eid))
    chosen = sorted(set(chosen))
    by_entity: dict[str, list[dict[str, Any]]] = {}
    for s, e, eid in chosen:
        by_entity.setdefault(eid, []).append({"start": s, "end": e, "text": text[s:e]})
    entities = []
    for ent in src.get("entities", []):
        out = {k: v for k, v in ent.items() if k != "mentions"}
        out.setdefault("attributes", {})
        out["mentions"] = by_entity.get(ent["id"], [])
        entities.append(out)
    events = []
    for ev in src.get("events", []):
        out = {k: v for k, v in ev.items() if k not in ("trigger", "arguments")}
        s, e = _locate(text, ev["trigger"], doc_id, f"event {ev.get('id')} trigger")[0]
        out["trigger"] = {"start": s, "end": e, "text": text[s:e]}
        out.setdefault("date", None)
        out.setdefault("attributes", {})
        args = []
        for arg in ev.get("arguments", []):
            if "entity" in arg:
                args.append({"role": arg["role"], "entity": arg["entity"]})
            else:
                spec = {k: v for k, v in arg.items() if k != "role"}
                for s, e in _locate(text, spec, doc_id, f"event {ev.get('id')} {arg['role']}"):
                    args.append({"role": arg["role"], "start": s, "end": e, "text": text[s:e]})
        out["arguments"] = args
        events.append(out)
    gold = {k: v for k, v in src.items() if k not in ("entities", "events")}
    gold["entities"] = entities
    gold["events"] = events
    return gold


def build(src_dir: Path, out_path: Path) -> list[dict[str, Any]]:
    """Compile every `*.json` source of a folder (sorted by name) into one JSONL file."""
    docs = []
    for path in sorted(src_dir.glob("*.json")):
        try:
            src = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}: not valid JSON: {exc}") from exc
        docs.append(compile_source(src))
    order = {name: i for i, name in enumerate(SPLITS)}
    docs.sort(key=lambda d: (order.get(d.get("split", ""), 99), d["id"]))
    with open(out_path, "w", encoding="utf-8") as fh:
        for doc in docs:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return docs


# --------------------------------------------------------------------------- loading


def read_gold(path: Path | str) -> list[dict[str, Any]]:
    """Read a gold or prediction JSONL file into dicts."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                docs.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise CorpusError(f"{path}:{lineno}: not valid JSON: {exc.msg}") from exc
    return docs


def load_corpus(split: Optional[str] = None, corpus_dir: Path | None = None) -> list[dict[str, Any]]:
    """The project's gold documents, all or one split (train, dev, test, challenge-dev, challenge-test)."""
    if split is not None and split not in SPLITS:
        raise CorpusError(f"unknown split {split!r}: use one of {', '.join(SPLITS)}")
    base = corpus_dir or CORPUS_DIR
    docs: list[dict[str, Any]] = []
    for rel in CORPUS_FILES.values():
        path = base / rel
        if path.exists():
            docs.extend(read_gold(path))
    if split is not None:
        docs = [d for d in docs if d.get("split") == split]
    return docs


# --------------------------------------------------------------------------- validating


@dataclass(frozen=True)
class Problem:
    doc_id: str
    offset: Optional[int]
    message: str

    def __str__(self) -> str:
        where = f"@{self.offset}" if self.offset is not None else ""
        return f"{self.doc_id}{where}: {self.message}"


_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
    "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "tr": 1e12, "trn": 1e12, "crore": 1e7, "lakh": 1e5,
}


def _number_in(text: str) -> Optional[float]:
    match = re.search(r"\d[\d,]*(\.\d+)?", text)
    if not match:
        return None
    return float(match.group(0).replace(",", ""))


_MONEY_NUMBER = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|mln|bln|mn|bn|tn|trn|crore|lakh|k|m|b)?(?![a-z])"
)


def _money_plausible(text: str, value: float) -> bool:
    """Whether a MONEY value is the number in its text times the scale word after it."""
    lowered = text.lower()
    if "point" in lowered or not re.search(r"\d", lowered):
        return True  # spelled-out amounts are checked by hand
    match = _MONEY_NUMBER.search(lowered)
    if match is None:
        return True
    expected = float(match.group(1).replace(",", "")) * _SCALES.get(match.group(2) or "", 1.0)
    return abs(expected - value) <= max(1e-6, abs(expected) * 1e-9)


def _iso_alpha3() -> set[str]:
    try:
        import pycountry

        codes = {c.alpha_3 for c in pycountry.countries}
    except ImportError:  # pycountry is a dependency; this keeps the validator usable without it
        codes = set()
    return codes | {"XKX"}


def _iso_currencies() -> set[str]:
    try:
        import pycountry

        return {c.alpha_3 for c in pycountry.currencies}
    except ImportError:
        return set()


def validate_documents(docs: Iterable[dict[str, Any]]) -> list[Problem]:
    """Check gold documents against the contract; return every problem found."""
    alpha3 = _iso_alpha3() | set(BLOC_CODES)
    currencies = _iso_currencies()
    problems: list[Problem] = []
    seen_ids: Counter[str] = Counter()
    for doc in docs:
        doc_id = str(doc.get("id", "?"))
        seen_ids[doc_id] += 1
        add = lambda off, msg: problems.append(Problem(doc_id, off, msg))  # noqa: E731
        text = doc.get("text")
        if not isinstance(text, str):
            add(None, "document has no `text`")
            continue
        if doc.get("split") not in SPLITS:
            add(None, f"split {doc.get('split')!r} is not one of {', '.join(SPLITS)}")
        ents = doc.get("entities", [])
        ent_ids = {}
        spans: list[tuple[int, int, str]] = []
        for ent in ents:
            eid = ent.get("id")
            if eid in ent_ids:
                add(None, f"entity id {eid} used twice")
            ent_ids[eid] = ent
            label = ent.get("label")
            if label not in ENTITY_LABELS:
                add(None, f"entity {eid}: unknown label {label!r}")
            if not ent.get("mentions"):
                add(None, f"entity {eid} ({ent.get('name')!r}) has no mention")
            for m in ent.get("mentions", []):
                s, e = m.get("start"), m.get("end")
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                    add(s, f"entity {eid}: mention offsets {s}-{e} outside the text")
                    continue
                if text[s:e] != m.get("text"):
                    add(s, f"entity {eid}: mention text {m.get('text')!r} != text[{s}:{e}] {text[s:e]!r}")
                if _bad_edges(text[s:e]):
                    add(s, f"entity {eid}: mention {text[s:e]!r} has edge whitespace or punctuation")
                spans.append((s, e, eid))
            attrs = ent.get("attributes", {}) or {}
            if label == "COUNTRY":
                code = attrs.get("code")
                if code not in alpha3:
                    add(_first(ent), f"COUNTRY {ent.get('name')!r}: code {code!r} is not ISO alpha-3 or a bloc")
            elif label == "MONEY":
                cur, val = attrs.get("currency"), attrs.get("value")
                if currencies and cur not in currencies:
                    add(_first(ent), f"MONEY {ent.get('name')!r}: currency {cur!r} is not ISO 4217")
                if not isinstance(val, (int, float)):
                    add(_first(ent), f"MONEY {ent.get('name')!r}: value {val!r} is not a number")
                else:
                    for m in ent.get("mentions", []):
                        if not _money_plausible(m.get("text", ""), float(val)):
                            add(m.get("start"), f"MONEY value {val} does not match its text {m.get('text')!r}")
            elif label == "PERCENT":
                if not isinstance(attrs.get("value"), (int, float)):
                    add(_first(ent), f"PERCENT {ent.get('name')!r}: value {attrs.get('value')!r} is not a number")
                if attrs.get("unit") not in PERCENT_UNITS:
                    add(_first(ent), f"PERCENT {ent.get('name')!r}: unit {attrs.get('unit')!r} not in {PERCENT_UNITS}")
                else:
                    for m in ent.get("mentions", []):
                        if "point" in m.get("text", "").lower():
                            continue  # spelled-out figures are checked by hand
                        num = _number_in(m.get("text", ""))
                        if num is not None and abs(num - float(attrs["value"])) > 1e-9:
                            add(m.get("start"), f"PERCENT value {attrs['value']} does not match its text {m.get('text')!r}")
            elif label in ("OFFICIAL", "PERSON"):
                if attrs.get("country") is not None and attrs["country"] not in alpha3:
                    add(_first(ent), f"{label} {ent.get('name')!r}: country {attrs['country']!r} is not ISO alpha-3")
        for ent in ents:
            aff = (ent.get("attributes") or {}).get("affiliation")
            if aff is not None:
                target = ent_ids.get(aff)
                if target is None:
                    add(_first(ent), f"entity {ent.get('id')}: affiliation {aff} is not an entity")
                elif target.get("label") not in ("MINISTRY", "ORG"):
                    add(_first(ent), f"entity {ent.get('id')}: affiliation {aff} is {target.get('label')}, not MINISTRY/ORG")
        spans.sort()
        for (s1, e1, id1), (s2, e2, id2) in zip(spans, spans[1:]):
            if s2 < e1:
                add(s2, f"mentions overlap: {text[s1:e1]!r} ({id1}) and {text[s2:e2]!r} ({id2})")
        figure_use: Counter[str] = Counter()
        ev_ids: set[str] = set()
        for ev in doc.get("events", []):
            vid, etype = ev.get("id"), ev.get("type")
            if vid in ev_ids:
                add(None, f"event id {vid} used twice")
            ev_ids.add(vid)
            if etype not in EVENT_TYPES:
                add(None, f"event {vid}: unknown type {etype!r}")
                continue
            trig = ev.get("trigger") or {}
            ts, te = trig.get("start"), trig.get("end")
            if not (isinstance(ts, int) and isinstance(te, int) and 0 <= ts < te <= len(text)):
                add(ts, f"event {vid}: trigger offsets {ts}-{te} outside the text")
            elif text[ts:te] != trig.get("text"):
                add(ts, f"event {vid}: trigger text {trig.get('text')!r} != {text[ts:te]!r}")
            date = ev.get("date")
            if date is not None:
                for key in ("start", "end"):
                    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", str(date.get(key, ""))):
                        add(ts, f"event {vid}: date {key} {date.get(key)!r} is not YYYY[-MM[-DD]]")
            for attr, value in (ev.get("attributes") or {}).items():
                allowed = EVENT_ATTRIBUTES[etype].get(attr)
                if allowed is not None and value not in allowed:
                    add(ts, f"event {vid}: {attr} {value!r} not in {allowed}")
            if etype == "AGREEMENT" and (ev.get("attributes") or {}).get("status") is None:
                add(ts, f"event {vid}: AGREEMENT needs a status")
            roles = EVENT_ROLES[etype]
            for arg in ev.get("arguments", []):
                role = arg.get("role")
                if role not in roles:
                    add(ts, f"event {vid}: role {role!r} is not a {etype} role")
                    continue
                labels, span_ok = roles[role]
                if "entity" in arg:
                    target = ent_ids.get(arg["entity"])
                    if target is None:
                        add(ts, f"event {vid}: {role} points at missing entity {arg['entity']}")
                    elif target.get("label") not in labels:
                        add(ts, f"event {vid}: {role} entity {arg['entity']} is {target.get('label')}, not one of {sorted(labels)}")
                    elif etype == "FIGURE" and target.get("label") in ("MONEY", "PERCENT"):
                        figure_use[arg["entity"]] += 1
                else:
                    s, e = arg.get("start"), arg.get("end")
                    if not span_ok:
                        add(s, f"event {vid}: role {role} takes an entity, not a span")
                    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
                        add(s, f"event {vid}: {role} span offsets {s}-{e} outside the text")
                    elif text[s:e] != arg.get("text"):
                        add(s, f"event {vid}: {role} span text {arg.get('text')!r} != {text[s:e]!r}")
        # every MONEY / PERCENT mention in at most one FIGURE: an entity with several mentions may
        # serve as many FIGUREs as it has mentions
        for eid, n in figure_use.items():
            n_mentions = len(ent_ids[eid].get("mentions", []))
            if n > n_mentions:
                add(_first(ent_ids[eid]), f"{eid} is used by {n} FIGURE events but has {n_mentions} mention(s)")
    for doc_id, n in seen_ids.items():
        if n > 1:
            problems.append(Problem(doc_id, None, f"document id used {n} times"))
    return problems


_ABBREV_END = re.compile(r"(\b[A-Z]\.|\b(Co|Inc|Ltd|Corp|Jr|Sr|St|Bros|Rep|Sen|Gov|Dept|No)\.)$")


def _bad_edges(span: str) -> bool:
    """Edge whitespace, leading punctuation, or trailing punctuation that is not an abbreviation."""
    if span != span.strip() or not span:
        return True
    if span[0] in ".,;:!?)]}\"'’”":
        return True
    if span[-1] in ",;:!?([{\"“‘":
        return True
    return span[-1] == "." and not _ABBREV_END.search(span)


def _first(ent: dict[str, Any]) -> Optional[int]:
    mentions = ent.get("mentions") or []
    return mentions[0].get("start") if mentions else None


def validate_file(path: Path | str) -> list[Problem]:
    return validate_documents(read_gold(path))


# --------------------------------------------------------------------------- statistics


def counts(docs: Iterable[dict[str, Any]]) -> dict[str, Counter]:
    """Mentions per label and events per type, for each split."""
    out: dict[str, Counter] = {}
    for doc in docs:
        c = out.setdefault(doc.get("split", "?"), Counter())
        c["documents"] += 1
        c["words"] += len(doc["text"].split())
        for ent in doc.get("entities", []):
            c[ent["label"]] += len(ent.get("mentions", []))
        for ev in doc.get("events", []):
            c["event:" + ev["type"]] += 1
    return out


def render(doc: dict[str, Any]) -> str:
    """The text with every mention bracketed as [text|LABEL:Eid], for reading gold by eye."""
    text = doc["text"]
    marks = []
    for ent in doc.get("entities", []):
        for m in ent.get("mentions", []):
            marks.append((m["start"], m["end"], f"{ent['label']}:{ent['id']}"))
    out, pos = [], 0
    for s, e, tag in sorted(marks):
        out.append(text[pos:s])
        out.append(f"[{text[s:e]}|{tag}]")
        pos = e
    out.append(text[pos:])
    lines = ["".join(out), ""]
    for ent in doc.get("entities", []):
        lines.append(f"{ent['id']} {ent['label']} {ent['name']!r} {json.dumps(ent.get('attributes', {}), ensure_ascii=False)} x{len(ent.get('mentions', []))}")
    for ev in doc.get("events", []):
        args = []
        for a in ev.get("arguments", []):
            args.append(f"{a['role']}={a['entity']}" if "entity" in a else f"{a['role']}={a['text']!r}")
        lines.append(f"{ev['id']} {ev['type']} trigger={ev['trigger']['text']!r} date={ev.get('date')} {ev.get('attributes')} {'; '.join(args)}")
    return "\n".join(lines)


def iter_sources(src_dir: Path) -> Iterator[Path]:
    return iter(sorted(src_dir.glob("*.json")))
