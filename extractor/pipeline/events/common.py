"""What the event components share: cue data, the entity index of a Doc, spans, sides and dates.

The components read the entity layer (`doc._.entities`, `doc.spans["mentions"]`) and the parse;
they write only `doc._.events`. Nothing here writes on the Doc.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

import srsly
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path, registry

from ..dates import DateMention, find_dates, pick_event_date
from ..layers import ArgumentRecord, EntityRecord, EventRecord, get_entities, get_events, text_of

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "events"

PEOPLE = frozenset({"OFFICIAL", "PERSON"})
BODIES = frozenset({"MINISTRY", "ORG"})


# --------------------------------------------------------------------------- cue data


class Cues:
    """Cue lists of one component, read from JSONL lines `{"cue": NAME, "text": ..., ...}`.

    `words(name)` gives the lower-cased texts of one cue list; `entries(name)` the full records.
    """

    def __init__(self, records: Iterable[dict[str, Any]] = ()) -> None:
        self.records: list[dict[str, Any]] = []
        self._words: dict[str, frozenset[str]] = {}
        self._maps: dict[tuple[str, str], dict[str, Any]] = {}
        self.add(records)

    def add(self, records: Iterable[dict[str, Any]]) -> None:
        for rec in records:
            if "cue" not in rec or "text" not in rec:
                raise ValueError(f"cue record {rec!r} needs a `cue` and a `text`")
            self.records.append(dict(rec))
        self._words = {}
        self._maps = {}

    def entries(self, name: str) -> list[dict[str, Any]]:
        return [r for r in self.records if r["cue"] == name]

    def words(self, name: str) -> frozenset[str]:
        if name not in self._words:
            self._words[name] = frozenset(str(r["text"]).lower() for r in self.records if r["cue"] == name)
        return self._words[name]

    def mapping(self, name: str, key: str) -> dict[str, Any]:
        """Text → the record's `key` field, for cues that carry a value (a status, a direction)."""
        if (name, key) not in self._maps:
            self._maps[(name, key)] = {str(r["text"]).lower(): r.get(key) for r in self.records if r["cue"] == name}
        return self._maps[(name, key)]

    def __len__(self) -> int:
        return len(self.records)

    def to_disk(self, path: Path | str) -> None:
        srsly.write_jsonl(path, self.records)

    @classmethod
    def from_disk(cls, path: Path | str) -> "Cues":
        return cls(srsly.read_jsonl(path))


def read_cues(name: str, extra_path: Optional[str | Path] = None) -> Cues:
    """The package's cue file `data/events/<name>.jsonl`, plus a user's extra file when given."""
    path = DATA_DIR / f"{name}.jsonl"
    if not path.exists():
        raise FileNotFoundError(f"cue file {path} is missing: reinstall the package or pass data_path")
    cues = Cues.from_disk(path)
    if extra_path:
        extra = ensure_path(extra_path)
        if not extra.exists():
            raise FileNotFoundError(f"extra cue file {extra} does not exist: fix `data_path` in the config")
        cues.add(srsly.read_jsonl(extra))
    return cues


class CueComponent:
    """Base of the event components: cue data loaded in initialize(), carried by to_disk/from_disk."""

    data_name: str = ""

    def __init__(self, nlp, name: str, *, data_path: Optional[str] = None, date_finder: Optional[Callable] = None) -> None:
        self.nlp = nlp
        self.name = name
        self.data_path = data_path
        self.find_dates = date_finder or find_dates
        self.cues: Optional[Cues] = None

    def initialize(self, get_examples: Optional[Callable] = None, *, nlp=None, data_path: Optional[str] = None) -> None:
        """Load the package's cue file (and the extra file of the config or of this call)."""
        self.cues = read_cues(self.data_name, data_path or self.data_path)

    def _ensure(self) -> Cues:
        if self.cues is None:
            # a pipeline assembled in code without nlp.initialize() still works, on the package data
            self.initialize()
        return self.cues  # type: ignore[return-value]

    def __call__(self, doc: Doc) -> Doc:
        cues = self._ensure()
        events = self.find(doc, cues)
        add_events_checked(doc, events)
        return doc

    def find(self, doc: Doc, cues: Cues) -> list[EventRecord]:  # pragma: no cover - abstract
        raise NotImplementedError

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        self._ensure().to_disk(path / "cues.jsonl")

    def from_disk(self, path, *, exclude=tuple()):
        path = ensure_path(path)
        cue_file = path / "cues.jsonl"
        if cue_file.exists():
            self.cues = Cues.from_disk(cue_file)
        else:
            warnings.warn(f"{self.name}: no cues.jsonl in {path}; using the package's cue file")
            self.initialize()
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps({"cues": self._ensure().records})

    def from_bytes(self, data: bytes, *, exclude=tuple()):
        self.cues = Cues(srsly.msgpack_loads(data)["cues"])
        return self


def add_events_checked(doc: Doc, events: list[EventRecord]) -> None:
    from ..layers import add_events

    add_events(doc, [ev for ev in events if ev.arguments or ev.type == "MEETING"])


@registry.misc("extractor.find_dates.v1")
def make_date_finder() -> Callable[..., list[DateMention]]:
    """The date finder of `extractor.pipeline.dates` (swap in another with the same signature)."""
    return find_dates


# --------------------------------------------------------------------------- the entity layer


@dataclass
class MentionRef:
    """One mention of the entity layer with its tokens."""

    entity: EntityRecord
    start: int  # char offsets
    end: int
    span: Span  # token span covering it

    @property
    def label(self) -> str:
        return self.entity.label

    @property
    def id(self) -> str:
        return self.entity.id


class EntityIndex:
    """The entity layer of a Doc, indexed by token and by entity id."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities = {e.id: e for e in get_entities(doc)}
        self.mentions: list[MentionRef] = []
        self.by_token: dict[int, MentionRef] = {}
        for ent in self.entities.values():
            for s, e in ent.mentions:
                span = doc.char_span(s, e, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                ref = MentionRef(ent, s, e, span)
                self.mentions.append(ref)
                for tok in span:
                    self.by_token.setdefault(tok.i, ref)
        self.mentions.sort(key=lambda m: m.start)
        self._codes: dict[str, str] = {}
        for ent in self.entities.values():
            if ent.label == "COUNTRY" and ent.attributes.get("code"):
                self._codes.setdefault(ent.attributes["code"], ent.id)

    def at(self, token: Token) -> Optional[MentionRef]:
        return self.by_token.get(token.i)

    def in_span(self, start: int, end: int, labels: Optional[Iterable[str]] = None) -> list[MentionRef]:
        """Mentions inside the token range [start, end), in text order."""
        wanted = frozenset(labels) if labels is not None else None
        return [m for m in self.mentions if m.span.start >= start and m.span.end <= end and (wanted is None or m.label in wanted)]

    def in_tokens(self, tokens: Iterable[Token], labels: Optional[Iterable[str]] = None) -> list[MentionRef]:
        wanted = frozenset(labels) if labels is not None else None
        seen: dict[int, MentionRef] = {}
        for tok in tokens:
            ref = self.by_token.get(tok.i)
            if ref is not None and (wanted is None or ref.label in wanted):
                seen[ref.start] = ref
        return [seen[k] for k in sorted(seen)]

    def country_for_code(self, code: Optional[str]) -> Optional[str]:
        return self._codes.get(code) if code else None

    def label(self, eid: str) -> Optional[str]:
        ent = self.entities.get(eid)
        return ent.label if ent else None


# --------------------------------------------------------------------------- tokens and spans


def body_start(doc: Doc) -> int:
    """Character offset where the body starts (after the title line), 0 when there is none."""
    for tok in doc:  # the first 300 characters only (doc.text would join the whole document)
        if tok.idx >= 300:
            break
        nl = tok.text_with_ws.find("\n")
        if nl >= 0:
            return tok.idx + nl + 1 if tok.idx + nl < 300 else 0
    return 0


def sentences(doc: Doc) -> list[Span]:
    """The sentences of the Doc, split again at line breaks (the title is its own sentence). Every event
    component reads them, so their bounds are kept in `doc.user_data` (plain token offsets, which
    serialise with the Doc)."""
    key = "extractor.sentences"
    bounds = doc.user_data.get(key)
    if bounds is not None and bounds and bounds[-1][1] <= len(doc):
        return [doc[s:e] for s, e in bounds]
    found = _sentences(doc)
    doc.user_data[key] = [(s.start, s.end) for s in found]
    return found


def _sentences(doc: Doc) -> list[Span]:
    out: list[Span] = []
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    out.append(doc[start:tok.i])
                start = tok.i + 1
            elif "\n" in tok.whitespace_:
                out.append(doc[start:tok.i + 1])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return [s for s in out if len(s) and s.text.strip()]


def in_parens(token: Token, sent: Span) -> bool:
    """Whether the token sits inside a parenthesis opened in its sentence."""
    depth = 0
    for tok in sent.doc[sent.start:token.i]:
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth = max(0, depth - 1)
    return depth > 0


def paren_range(token: Token, sent: Span) -> Optional[tuple[int, int]]:
    """Token range of the parenthesis the token sits in, or None."""
    doc = sent.doc
    open_i = None
    depth = 0
    for i in range(token.i - 1, sent.start - 1, -1):
        t = doc[i].text
        if t == ")":
            depth += 1
        elif t == "(":
            if depth == 0:
                open_i = i
                break
            depth -= 1
    if open_i is None:
        return None
    for i in range(token.i, sent.end):
        if doc[i].text == ")":
            return (open_i, i + 1)
    return (open_i, sent.end)


_EDGE_DROP = {"det", "punct", "cc", "case", "prep", "mark", "aux", "predet", "advmod"}
_LEAD_WORDS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "such", "both", "all", "several", "various", "key", "major"}


def trim(tokens: list[Token], keep_lead: bool = False) -> Optional[tuple[int, int]]:
    """Character offsets of a token run without edge punctuation, articles and conjunctions."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].dep_ in ("cc", "case", "mark", "prep") or toks[0].is_space
                    or (not keep_lead and toks[0].lower_ in _LEAD_WORDS and toks[0].dep_ in ("det", "amod", "poss", "predet", "nummod"))
                    or toks[0].text in ("①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct and toks[-1].text not in (")",) or toks[-1].dep_ in ("cc", "prep", "mark", "det") or toks[-1].is_space):
        toks = toks[:-1]
    if not toks:
        return None
    # an unbalanced closing parenthesis at the end goes
    text_paren = sum(1 for t in toks if t.text == "(") - sum(1 for t in toks if t.text == ")")
    if toks[-1].text == ")" and text_paren < 0:
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def contiguous(tokens: Iterable[Token]) -> list[Token]:
    """The first contiguous run of tokens (by index) of a token set."""
    toks = sorted(set(tokens), key=lambda t: t.i)
    if not toks:
        return []
    run = [toks[0]]
    for t in toks[1:]:
        if t.i == run[-1].i + 1:
            run.append(t)
        else:
            break
    return run


def subtree_without(token: Token, drop_deps: Iterable[str] = (), drop_tokens: Iterable[Token] = ()) -> list[Token]:
    """The token's subtree, leaving out the subtrees of children with the given deps or tokens."""
    drop_deps = set(drop_deps)
    dropped = {t.i for t in drop_tokens}
    out = [token]
    for child in token.children:
        if child.dep_ in drop_deps or child.i in dropped:
            continue
        out.extend(subtree_without(child, drop_deps, drop_tokens))
    return sorted(out, key=lambda t: t.i)


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it."""
    return [token] + [c for c in token.conjuncts if c.i != token.i]


def verb_of(token: Token, stop: Optional[Span] = None) -> Optional[Token]:
    """The nearest verb above a token (itself included)."""
    cur = token
    for _ in range(30):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "aux":
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def tense_of(sent: Span, around: Optional[Token] = None) -> Optional[str]:
    """Past, future or None for the clause of a token (or the sentence)."""
    if around is not None and around.tag_ == "VBD":
        # "asked ... the tariffs that Washington plans to impose": the verb's own tense decides
        return "past"
    toks = list(around.subtree) + list(around.children) + [around] if around is not None else list(sent)
    words = {t.lower_ for t in toks} | ({c.lower_ for c in around.children} if around is not None else set())
    if around is not None:
        head = around
        for _ in range(3):
            words |= {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass", "xcomp", "advmod")}
            if head.head.i == head.i:
                break
            if head.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl", "acl") and head.head.lemma_ in ("plan", "aim", "expect", "schedule", "seek", "intend"):
                words.add("will")
            head = head.head
    if words & {"will", "shall", "'ll", "plan", "plans", "planned", "scheduled", "upcoming", "next", "expected", "aims", "aim"}:
        return "future"
    tags = {t.tag_ for t in (toks if around is not None else sent)}
    if around is not None and around.tag_ in ("VBD", "VBN"):
        return "past"
    if around is not None and around.pos_ in ("NOUN", "PROPN") and (
            any(c.dep_ == "acl" and c.tag_ == "VBN" for c in around.children) or (around.dep_ in ("nsubj", "nsubjpass", "dobj") and around.head.tag_ == "VBD")):
        # "the consultations, held in Tokyo on March 14, ended ...": a meeting noun told in the past
        return "past"
    if "VBD" in tags:
        return "past"
    return None


def dates_in(finder: Callable, doc: Doc, sent: Span, tense: Optional[str] = None) -> list[DateMention]:
    """Date phrases of a sentence with document offsets."""
    found = finder(sent.text, doc._.release_date, tense)
    base = sent.start_char
    return [DateMention(m.start + base, m.end + base, m.text, m.kind, m.value) for m in found]


_DATE_SIDE_BOUNDARY = frozenset({"relcl", "ccomp", "acl", "advcl", "csubj", "parataxis", "conj", "xcomp"})
_ANCHOR_SIDE_BOUNDARY = frozenset({"relcl", "ccomp", "acl", "csubj", "parataxis"})


def _path_up(tok: Token, stop: int) -> list[Token]:
    """The token and its heads up to (not including) the token with index `stop`, or to the root."""
    out = []
    cur = tok
    for _ in range(40):
        if cur.i == stop:
            break
        out.append(cur)
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return out


def in_clause_of(date_tok: Token, anchor: Token) -> bool:
    """Whether a date phrase (by its first token) dates the anchor's clause rather than another
    clause of the sentence ("Ahn explained that investment reached $21.5 billion last year" does
    not date the meeting; "talks held in Tokyo on March 14" does date the talks)."""
    anchor_up = {t.i for t in anchor.ancestors} | {anchor.i}
    cur = date_tok
    while cur.i not in anchor_up and cur.head.i != cur.i:
        cur = cur.head
    lca = cur.i if cur.i in anchor_up else None
    if lca is None:
        return True
    date_path = _path_up(date_tok, lca)
    for t in date_path:
        if t.dep_ in _DATE_SIDE_BOUNDARY and not (t.head.i == anchor.i and t.dep_ in ("acl", "relcl")) and not (t.dep_ in ("acl", "advcl") and t.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in t.children)) and not (t.dep_ == "conj" and t.pos_ not in ("VERB", "AUX")):
            return False
    for t in _path_up(anchor, lca):
        if t.dep_ in _ANCHOR_SIDE_BOUNDARY:
            return False
    return True


def event_date(finder: Callable, doc: Doc, sent: Span, anchor: Token, min_precision: int = 1) -> Optional[tuple[str, str]]:
    """The date of an event reported in a sentence, resolved against the release date: the most
    precise date phrase of the anchor's own clause."""
    found = dates_in(finder, doc, sent, tense_of(sent, anchor))
    scoped = []
    for d in found:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or in_clause_of(span.root, anchor):
            scoped.append(d)
    line = _DATELINE.match(sent.text)
    if line is not None and any(d.end <= sent.start_char + line.end() for d in scoped):
        # "Washington D.C., 24 July 2018 – ... met ... on Monday (23/7)": the dateline dates the report,
        # the clause's own date the event; the dateline serves only when the clause has no other date
        own = [d for d in scoped if d.start >= sent.start_char + line.end()]
        best = pick_event_date(own, anchor.idx, min_precision) if own else None
        if best is not None:
            return best.value
    best = pick_event_date(scoped, anchor.idx, min_precision)
    return best.value if best else None


# "SEOUL, Oct. 29 (Yonhap) -- ", "Washington D.C., 24 July 2018 – ", "BRUSSELS, 4 March – "
_DATELINE = re.compile(r"\s*[A-Z][A-Za-z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z.' ]{1,25})?,\s*[A-Z0-9][A-Za-z0-9., ]{2,19}?\d[A-Za-z0-9., ]{0,12}"
                       r"(?:\s*\([A-Za-z ]{2,20}\))?\s*(?:--|–|—|-)\s")


# --------------------------------------------------------------------------- sides


_SIDE_WORDS = re.compile(
    r"\b(?:the\s+two|both|the)\s+(sides|officials|ministers|ministries|countries|nations|governments|parties|leaders|delegations|heads|agencies|organizations|institutions)\b",
    re.I,
)


def side_kind(text: str) -> Optional[str]:
    """'countries' or 'bodies' for phrases such as "the two countries", "the two sides"; else None."""
    m = _SIDE_WORDS.search(text)
    if not m:
        return None
    word = m.group(1).lower()
    if word in ("countries", "nations", "governments"):
        return "countries"
    if word in ("officials", "ministers", "leaders", "heads"):
        return "people"
    return "bodies"


def resolve_sides(index: EntityIndex, participants: list[str], kind: str) -> list[str]:
    """The entities that "the two sides" / "the two countries" / "the two officials" stand for.

    kind "people": the participants themselves; "countries": each participant's country;
    "bodies": each participant's body (affiliation), else its country, else the participant.
    """
    out: list[str] = []
    for pid in participants:
        ent = index.entities.get(pid)
        if ent is None:
            continue
        target: Optional[str] = pid
        if kind == "countries":
            if ent.label == "COUNTRY":
                target = pid
            else:
                code = ent.attributes.get("country")
                if code is None and ent.attributes.get("affiliation") in index.entities:
                    code = index.entities[ent.attributes["affiliation"]].attributes.get("country")
                target = index.country_for_code(code)
        elif kind == "bodies":
            if ent.label in PEOPLE:
                aff = ent.attributes.get("affiliation")
                if aff in index.entities:
                    target = aff
                else:
                    target = index.country_for_code(ent.attributes.get("country")) or pid
        if target and target not in out:
            out.append(target)
    return out


def ent_arg(role: str, eid: str) -> ArgumentRecord:
    return ArgumentRecord(role=role, entity=eid)


def span_arg(role: str, offsets: tuple[int, int]) -> ArgumentRecord:
    return ArgumentRecord(role=role, span=offsets)


def prior_events(doc: Doc, etype: str) -> list[EventRecord]:
    return [ev for ev in get_events(doc) if ev.type == etype]


def dated_meeting_before(doc: Doc, char: int) -> Optional[EventRecord]:
    """The meeting an undated statement was made at: `meeting_before` when it has a date, else the
    release's first dated meeting before `char` (a standfirst line names the meeting undated, the lead
    dates it); None when no meeting before it has a date."""
    meeting = meeting_before(doc, char)
    if meeting is None or meeting.date is None:
        meeting = next((m for m in sorted(prior_events(doc, "MEETING"), key=lambda m: m.trigger[0])
                        if m.trigger[0] <= char and m.date is not None), None)
    return meeting if meeting is not None and meeting.date is not None else None


def meeting_before(doc: Doc, char: int) -> Optional[EventRecord]:
    """The meeting a statement at a character offset belongs to: a meeting reported in the same
    sentence, else the release's main meeting (its first); background meetings mentioned in
    between ("previously held a meeting in August") do not take over."""
    meetings = sorted((ev for ev in prior_events(doc, "MEETING") if ev.trigger[0] <= char), key=lambda e: e.trigger[0])
    if not meetings:
        return None
    sent_start = text_of(doc).rfind(". ", 0, char)
    for ev in reversed(meetings):
        if ev.trigger[0] > sent_start:
            return ev
    return meetings[0]


def is_forum(name: str) -> bool:
    """Whether a body's name is that of a standing committee or gathering (a forum, not a side)."""
    return bool(re.search(r"\b(Committee|Council|Commission|Forum|Dialogue|Conference|Meeting|Working Group|Subcommittee)\b", name))


def body_country(index: EntityIndex, eid: str) -> Optional[str]:
    """A body's country: its own `country`, else the country of the people affiliated with it."""
    ent = index.entities.get(eid)
    if ent is None:
        return None
    if ent.attributes.get("country"):
        return ent.attributes["country"]
    for other in index.entities.values():
        if other.label in PEOPLE and other.attributes.get("affiliation") == eid and other.attributes.get("country"):
            return other.attributes["country"]
    return gazetteer_country(index, eid)


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    rows = (json.loads(line) for line in (Path(__file__).parents[2] / "data" / "gazetteers" / "countries.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())
    return frozenset(str(r.get("id", "")).upper() for r in rows)


def gazetteer_country(index: EntityIndex, eid: str) -> Optional[str]:
    """The country a gazetteer body belongs to, from its gazetteer id ("kor-motie" → KOR)."""
    if not hasattr(index, "_gaz_country"):
        by_span = {(s.start_char, s.end_char): s.id_ for s in index.doc.spans.get("gazetteer", []) if s.id_}
        index._gaz_country = {}
        for ent in index.entities.values():
            if ent.label not in BODIES:
                continue
            for s, e in ent.mentions:
                gid = by_span.get((s, e), "")
                prefix = gid.split("-", 1)[0] if "-" in gid else ""
                if prefix.upper() in _country_codes():
                    index._gaz_country[ent.id] = prefix.upper()
                    break
    return index._gaz_country.get(eid)


def side_body(index: EntityIndex, meeting: Optional[EventRecord], code: Optional[str]) -> Optional[str]:
    """The body of a country at a meeting: a participant body of that country, or the body of a
    participant of that country; None when the meeting names none (then the side is the country)."""
    if meeting is None or not code:
        return None
    for a in meeting.arguments:
        if a.role != "participant" or not a.entity or a.entity not in index.entities:
            continue
        ent = index.entities[a.entity]
        if ent.label in BODIES and not is_forum(ent.name) and body_country(index, ent.id) == code:
            return ent.id
        aff = ent.attributes.get("affiliation") if ent.label in PEOPLE else None
        if aff in index.entities and ent.attributes.get("country") == code and not is_forum(index.entities[aff].name):
            return aff
    return None


def actors(index: EntityIndex, cues: Cues, tokens: list[Token], sent: Span, doc: Doc, labels: frozenset[str]) -> list[str]:
    """Who a phrase names as acting: its entities (outside parentheses); "the Korean side" as the
    Korean body of the meeting before it (else Korea); capitals as their countries ("Seoul and
    Washington", when the component's cues list capitals); "the two sides" / "they" / "the
    committee" as the bodies or countries of the meeting before it (its forum left out, a lone side
    completed by the document's main other country)."""
    # a title line the parser glued to the first sentence is not part of it
    toks = sorted((t for t in tokens if sent.start <= t.i < sent.end), key=lambda t: t.i)
    if not toks:
        return []
    text = " ".join(t.text for t in toks)
    refs = [m for m in index.in_tokens(toks, labels) if not in_parens(m.span.root, sent)]
    people = [m for m in refs if m.label in PEOPLE]
    if len(refs) > 1 or re.search(r"\b(?:side|delegation)\b", text.lower()):
        # "The Japanese side ... for Japanese companies investing in Korea": a place inside the phrase does not act
        refs = [m for m in refs if not (m.label == "COUNTRY" and m.span.root.dep_ == "pobj" and m.span.root.head.lower_ in ("in", "into", "to", "from", "at", "for"))]
    out: list[str] = []
    for m in refs:
        if m.label == "COUNTRY" and m.span.root.dep_ in ("compound", "poss", "amod") and any(r is not m and r.span.root.i == m.span.root.head.i for r in refs):
            continue  # "Korea's MOTIR"
        if m.label in BODIES and people and any(index.entities[p.id].attributes.get("affiliation") == m.id for p in people):
            continue
        if m.label in BODIES and m.span.root.dep_ == "pobj" and m.span.root.head.lower_ == "under" and any(r is not m and r.label in BODIES for r in refs):
            continue  # "KATS under the Ministry of Trade, Industry and Energy": the parent ministry does not act
        if m.label in BODIES and people and any(p.span.start <= m.span.root.head.i < p.span.end or m.span.root.head.head.i in range(p.span.start, p.span.end) for p in people):
            continue
        if m.id not in out:
            out.append(m.id)
    if out:
        return out
    low = text.lower()
    # "the Korean side", "the Japanese delegation", "the U.S. side"
    for word, code in cues.mapping("demonym", "code").items():
        m = re.search(rf"(?<![\w.]){re.escape(word)}(?![\w])\s+(side|delegation|government|team|negotiators)", low)
        if m:
            if m.group(1) != "government":
                # a side stands for its body at the meeting (MOTIR for "the Korean side"), else its country
                body = side_body(index, meeting_before(doc, toks[0].idx), code)
                if body:
                    return [body]
            eid = index.country_for_code(code)
            if eid:
                return [eid]
    if re.fullmatch(r"(?:the\s+)?(?:\w+\s+)?government", low.strip()) and not any(w in low for w in cues.mapping("demonym", "code")):
        # "the government requested ...": in a ministry's release, its own country
        home = home_country(index)
        if home:
            return [home]
    # "Seoul and Washington agreed": capitals stand for their countries
    capitals = cues.mapping("capital", "code")
    if capitals:
        found = [index.country_for_code(capitals[t.lower_]) for t in toks if t.lower_ in capitals and t.pos_ == "PROPN"]
        found = list(dict.fromkeys(f for f in found if f))
        if found:
            return found
    kind = side_kind(text)
    if kind is None and toks[0].lower_ in ("they", "both", "we") and len(toks) <= 2:
        kind = "bodies"
    if kind is None and re.fullmatch(r"the (?:committee|meeting|dialogue|talks|consultations|session)", low.strip()):
        kind = "bodies"  # "the committee reviewed the implementation of the FTA": its two sides did
    if kind is not None:
        meeting = meeting_before(doc, toks[0].idx)
        if meeting is not None and re.search(r"\b(?:two|both)\b", low):
            # "The two ministers agreed" after a many-party meeting: the last meeting of two
            two = _recent_meeting_of_two(index, doc, toks[0].idx)
            if two is not None and len([a for a in meeting.arguments if a.role == "participant" and a.entity]) > 2:
                meeting = two
        if meeting is not None:
            parts = [a.entity for a in meeting.arguments if a.role == "participant" and a.entity]
            sides = resolve_sides(index, parts, "countries" if kind == "countries" else "bodies")
            if kind != "countries":
                # the committee the meeting was held as is where the sides meet, not a side
                own = [p for p in sides if not (index.label(p) in BODIES and is_forum(index.entities[p].name))]
                bodies = [p for p in own if index.label(p) in BODIES]
                if len(bodies) >= 2:
                    own = bodies  # each side has its body (METI and MOTIE)
                elif bodies and any(index.label(p) == "COUNTRY" for p in own):
                    # one side has no body named: the sides are the countries ("Korea and India agreed")
                    own = list(dict.fromkeys(index.country_for_code(body_country(index, p)) or p if index.label(p) in BODIES else p for p in own))
                if len(own) == 1:
                    other = other_country(index, own[0])
                    if other:
                        own.append(other)
                elif len(own) >= 2 and len({_country_code(index, p) for p in own} - {None}) == 1 and (
                        len(own) > 2 or None not in {_country_code(index, p) for p in own}):
                    # "Both sides agreed" where every body named is of one country (KATS and MOTIR at a
                    # forum with the U.S.): the sides are that country and the document's other one
                    known = next(p for p in own if _country_code(index, p))
                    unknown = [p for p in own if not _country_code(index, p) and index.label(p) in BODIES]
                    if len(unknown) == 1:
                        own = [known, unknown[0]]  # a delegation of one country and the other's ministry
                    else:
                        home = index.country_for_code(_country_code(index, known))
                        other = other_country(index, known)
                        if home and other:
                            own = [home, other]
                sides = own or sides
            return sides
    return []


def _country_code(index: EntityIndex, eid: str) -> Optional[str]:
    ent = index.entities.get(eid)
    if ent is None:
        return None
    return ent.attributes.get("code") or ent.attributes.get("country") or (body_country(index, eid) if ent.label in BODIES else None)


def _recent_meeting_of_two(index: EntityIndex, doc: Doc, char: int) -> Optional[EventRecord]:
    """The meeting reported in the two sentences before `char` with exactly two participants."""
    text = text_of(doc)
    lo = text.rfind(". ", 0, text.rfind(". ", 0, char))
    for ev in sorted((e for e in prior_events(doc, "MEETING") if lo < e.trigger[0] < char), key=lambda e: -e.trigger[0]):
        if len([a for a in ev.arguments if a.role == "participant" and a.entity]) == 2:
            return ev
    return None


def other_country(index: EntityIndex, party: str) -> Optional[str]:
    """The counterpart of a lone side: the most-mentioned country of the document other than the
    party's own ("the two sides" of MOTIR's committee with the EU → MOTIR and the EU)."""
    ent = index.entities.get(party)
    if ent is None:
        return None
    own = ent.attributes.get("code") or ent.attributes.get("country") or (body_country(index, party) if ent.label in BODIES else None)
    if own is None:
        return None
    counts: dict[str, int] = {}
    text = index.doc.text if len(index.doc) < 5000 else None
    for m in index.mentions:
        if m.label == "COUNTRY" and m.entity.attributes.get("code") not in (None, own):
            before = (text if text is not None else index.doc[max(0, m.span.start - 3):m.span.start].text_with_ws)
            before = before[max(0, m.start - 30):m.start] if text is not None else before
            if re.search(r"\b[A-Z][a-z]+,\s*$", before):
                continue  # "held in Geneva, Switzerland": a place, not a side
            counts[m.id] = counts.get(m.id, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda k: counts[k])


def ancestors_until(tok: Token, top: Token) -> list[Token]:
    """The tokens from `tok` up its heads to (not including) `top`."""
    out = []
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        out.append(cur)
        cur = cur.head
    return out


def contiguous_run(toks: list[Token], center: Token) -> list[Token]:
    """The tokens of `toks` that form one unbroken stretch around `center`."""
    idx = {t.i for t in toks}
    lo = hi = center.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return [t for t in sorted(toks, key=lambda t: t.i) if lo <= t.i <= hi]


# --------------------------------------------------------------------------- countries inside names

_GAZETTEER = DATA_DIR.parent / "gazetteers" / "countries.jsonl"
_country_names: Optional[dict[str, str]] = None
_PAIR_SEP = re.compile(r"\s*[-–—/]\s*")


def _names() -> dict[str, str]:
    """Country names and short forms of the gazetteer → code ("U.S." → USA, "ROK" → KOR)."""
    global _country_names
    if _country_names is None:
        names: dict[str, str] = {}
        for rec in srsly.read_jsonl(_GAZETTEER):
            if isinstance(rec.get("pattern"), str) and rec.get("id"):
                names.setdefault(rec["pattern"], rec["id"])
                names.setdefault(rec["pattern"].lower(), rec["id"])
        _country_names = names
    return _country_names


def _lookup(piece: str, *, prefix: bool) -> Optional[str]:
    """The code of the longest country name at the start (prefix) or end of `piece`."""
    names = _names()
    words = piece.split()
    ranges = [words[:k] for k in range(len(words), 0, -1)] if prefix else [words[-k:] for k in range(len(words), 0, -1)]
    for ws in ranges:
        cand = " ".join(ws).strip(",;:()\"'“”‘’")
        if cand.lower() == "the":
            continue
        code = names.get(cand) or (names.get(cand.lower()) if len(cand) > 3 else None)
        if code:
            return code
    return None


def name_countries(index: EntityIndex, text: str) -> list[str]:
    """The country entities a paired name stands for: "Korea–UK FTA", "ASEAN-Korea Free Trade Area",
    "China-Japan-ROK FTA" → those countries (only where at least two are named and in the document)."""
    pieces = _PAIR_SEP.split(text)
    if len(pieces) < 2:
        return []
    codes: list[Optional[str]] = []
    for k, piece in enumerate(pieces):
        if k == 0:
            codes.append(_lookup(piece, prefix=False))
        elif k == len(pieces) - 1:
            codes.append(_lookup(piece, prefix=True))
        else:
            codes.append(_lookup(piece, prefix=True) if len(piece.split()) > 1 else _names().get(piece.strip()))
    # the longest run of adjacent resolved pieces
    best: list[str] = []
    run: list[str] = []
    for code in codes + [None]:
        if code is None:
            if len(run) > len(best):
                best = run
            run = []
        else:
            run.append(code)
    if len(best) < 2:
        return []
    out = [index.country_for_code(c) for c in dict.fromkeys(best)]
    return [e for e in out if e] if all(out) else []


def home_country(index: EntityIndex) -> Optional[str]:
    """The country entity the document speaks for: that of the first government body of the body
    text whose country is known (MOTIR → Korea, the Department for Business and Trade → UK), else
    that of the first official."""
    if hasattr(index, "_home"):
        return index._home
    index._home = _home_country(index)
    return index._home


def _home_country(index: EntityIndex) -> Optional[str]:
    body = body_start(index.doc)
    for m in index.mentions:
        if m.start >= body and m.label == "MINISTRY":
            eid = index.country_for_code(body_country(index, m.id))
            if eid:
                return eid
    for m in index.mentions:
        if m.start >= body and m.label == "OFFICIAL":
            eid = index.country_for_code(m.entity.attributes.get("country"))
            if eid:
                return eid
    return None


_SAME_DAY = re.compile(r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?day|the\s+same\s+occasion"
                       r"|(?:earlier|later)\s+(?:in\s+the|that|the\s+same)\s+(?:day|morning|afternoon|evening))\b", re.I)


def same_day_date(doc: Doc, sent: Span, char: int, own: Iterable[EventRecord] = ()) -> Optional[tuple[str, str]]:
    """ "On the same day, Ambassador Tai also met ...": the date of the latest dated event told before
    `char` (those of the earlier components and the component's own `own`), when the sentence says so."""
    if not _SAME_DAY.search(sent.text):
        return None
    dated = [ev for ev in list(get_events(doc)) + list(own) if ev.date and ev.trigger[0] < char]
    if not dated:
        return None
    return max(dated, key=lambda ev: ev.trigger[0]).date
