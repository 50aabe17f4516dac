"""TRADE_CONCERN events: a party raises a concern, objection or request about another's measure.

A trigger is a verb of raising or requesting ("raised", "expressed", "requested", "called for",
"urged") with a concern word or a measure in reach, or a concern noun with its source ("concerns
raised by the U.S. side", "concerns from members of Congress"). One event per measure: each
REGULATION entity of the clause, else each item of an enumeration ("① delayed refunds of VAT,
② ..."), else the items of "issues such as A, B, and C", else a measure named in front
("Regarding the steel import measures ..., Korea emphasized"), else the phrase after "regarding /
about / on". The complainant is the
subject ("the Korean side" is the Korean body of the meeting; "It also noted" continues the
concern before), the respondent the country that owns the measure (named in or before it, else the
other side of the meeting), the forum the body the meeting was held as, the request what
"requested / called for" takes and each "should / must" clause of an emphasis. A later request
about "the measures" joins the concern before instead of making a new one. Dates come from the
sentence, else from the meeting before.

A broad pass then reads concerns phrased without a concern word: a verb of raising or asking whose
object names another party's measure ("took issue with Vietnam's draft regulation on steel bars",
"called for the removal of the EU's import conditions"), the owner as respondent; lists of measures
after "... raised ... are as follows:" (bullets, "(request: ...)") and tables of country / measure /
request cells. Counts ("9 regulations of 7 countries") and trade balances are not measures. Concerns
are also read from their settlement: a foreign party that "agreed to postpone / accept / exempt ..."
its measure (in a release that reports concerns, "resolving an issue", "in response to Korea's
request") and lists of "cases resolved include: ① India's A, where ...". The measure is written
without its owner in front ("India's quality control orders" → "quality control orders"). Events
about the same measure merge: a later request joins the event that raised it. Last, a concern
without a forum takes that of its meeting (a committee it was held as) or of the committee the
release opens with ("participated in the meeting of the WTO TBT Committee").
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..layers import EventRecord, text_of
from .concern_model import ConcernModel, candidates, doc_features, features, governor
from .concern_model import load_default as load_model
from .common import (
    _lookup,
    contiguous_run,
    ancestors_until,
    dated_meeting_before,
    BODIES,
    CueComponent,
    Cues,
    EntityIndex,
    actors,
    body_country,
    body_start,
    is_forum,
    dates_in,
    ent_arg,
    event_date,
    home_country,
    meeting_before,
    other_country,
    prior_events,
    sentences,
    span_arg,
    trim,
)

COMPLAINANT_LABELS = frozenset({"COUNTRY", "MINISTRY", "OFFICIAL", "ORG"})
_ENUM = re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩▲△■□●○•◦▪]|\(\s*[a-z1-9]\s*\)|(?<![\w])[1-9][.)]\s|(?:^|(?<=\n))\s*[-–*]\s"
                   r"|(?<=[:;,]\s)(?:and\s+)?(?:first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth(?:ly)?|fifth(?:ly)?|last(?:ly)?|finally),\s")
_BULLET_LINE = re.compile(r"\s*(?:[①②③④⑤⑥⑦⑧⑨⑩▲△■□●○•◦▪]|\(\s*[a-z1-9]\s*\)|[1-9][.)]\s|[-–*]\s)")


@Language.factory(
    "concern_events",
    default_config={
        "data_path": None,
        "date_finder": {"@misc": "extractor.find_dates.v1"},
        "meeting_context": True,
        "broad": True,
        "merge": True,
    },
)
def make_concern_events(nlp: Language, name: str, data_path: Optional[str], date_finder: Callable, meeting_context: bool, broad: bool, merge: bool,
                        learned: bool = True) -> "ConcernEvents":
    """TRADE_CONCERN events over the entity layer (run after `meeting_events`).

    data_path: an extra JSONL cue file added to the package's `data/events/concern.jsonl`.
    date_finder: the date finder (event dates).
    meeting_context: take the date, forum and the other side from the meeting before the concern.
    broad: also read concerns phrased without a concern word, from a verb of raising or asking whose
        object names another party's measure ("took issue with Vietnam's draft regulation on ...").
    merge: one event per measure: a later request about a measure already raised joins that event.
    learned: also score the noun phrases no rule read with the trained model of `concern_model.py`
        (the pipeline's `concern_events/model.json`, else the package's), and make a concern of each
        phrase it scores above its threshold.
    """
    return ConcernEvents(nlp, name, data_path=data_path, date_finder=date_finder, meeting_context=meeting_context, broad=broad, merge=merge,
                         learned=learned)


class ConcernEvents(CueComponent):
    data_name = "concern"

    def __init__(self, nlp, name: str, *, data_path=None, date_finder=None, meeting_context: bool = True, broad: bool = True, merge: bool = True,
                 learned: bool = True) -> None:
        super().__init__(nlp, name, data_path=data_path, date_finder=date_finder)
        self.meeting_context = meeting_context
        self.broad = broad
        self.merge = merge
        self.learned = learned
        self.model: Optional[ConcernModel] = None
        self._model_loaded = False

    def initialize(self, get_examples: Optional[Callable] = None, *, nlp=None, data_path: Optional[str] = None) -> None:
        super().initialize(get_examples, nlp=nlp, data_path=data_path)
        self.model = load_model()
        self._model_loaded = True

    def _ensure(self) -> Cues:
        if self.cues is None:
            CueComponent.initialize(self)  # the cues only: a model set on the component stays
        return self.cues  # type: ignore[return-value]

    def _ensure_model(self) -> Optional[ConcernModel]:
        if not self._model_loaded:
            self.model = load_model()
            self._model_loaded = True
        return self.model

    def to_disk(self, path, *, exclude=tuple()) -> None:
        super().to_disk(path, exclude=exclude)
        model = self._ensure_model()
        if model is not None:
            model.to_disk(Path(path) / "model.json")

    def from_disk(self, path, *, exclude=tuple()):
        super().from_disk(path, exclude=exclude)
        model_file = Path(path) / "model.json"
        self.model = ConcernModel.from_disk(model_file) if model_file.exists() else load_model()
        self._model_loaded = True
        return self

    def find(self, doc: Doc, cues: Cues) -> list[EventRecord]:
        index = EntityIndex(doc)
        body = body_start(doc)
        events: list[EventRecord] = []
        self._so_far = events  # the events found before: "It also noted ..." continues the last one
        concern_nouns = cues.words("concern_noun")
        verbs = cues.words("trigger_verb")
        requests = cues.words("request_verb")
        self._sents = sentences(doc)
        self._read_until = -1  # the end of a list of concern lines already read
        self._sublines: dict[tuple[int, int], list[tuple[int, int]]] = {}  # item line -> its sub-lines
        self._soft: set[int] = set()  # events whose measure may be one raised before in other words
        self._labels: set[int] = set()  # events whose measure is only a topic label ("China (cybersecurity)")
        self._follow_up = False
        for sent in self._sents:
            if sent.start_char < body:
                continue
            claimed: set[int] = set()
            for tok in sent:
                lemma = tok.lemma_.lower()
                if tok.i in claimed or tok.idx < self._read_until:
                    continue
                if tok.pos_ == "VERB" and lemma in requests and self._so_far:
                    # "KATS requested that the countries allow sufficient grace periods ...": the request of the list just raised
                    req = _party_request(tok)
                    if req is not None and self._recent(doc, sent):
                        self._add_requests([req])
                        claimed.update(t.i for t in tok.subtree)
                        continue
                if tok.pos_ == "VERB" and lemma in verbs and lemma not in requests:
                    # "raised concerns at the TBT Committee, urging Indonesia to simplify A and Vietnam to recognize B"
                    asks = [c for c in tok.children if c.dep_ in ("advcl", "conj", "xcomp") and c.pos_ == "VERB" and c.i > tok.i and c.lemma_.lower() in cues.words("ask_verb")]
                    obj_regs = index.in_tokens([t for c in tok.children if c.dep_ in ("dobj", "prep") for t in c.subtree], {"REGULATION"})
                    mnouns = cues.words("measure_noun") | cues.words("measure_head")
                    own_measure = any(t.pos_ == "NOUN" and (t.lemma_.lower() in mnouns or t.lower_ in mnouns)
                                      for c in tok.children if c.dep_ in ("dobj", "prep") for t in c.subtree)
                    if asks and not obj_regs and not own_measure:
                        evs = self._asked(doc, index, cues, sent, asks[0])
                        if evs:
                            for ev in evs:
                                ev.trigger = (tok.idx, tok.idx + len(tok.text))
                            events.extend(evs)
                            claimed.update(t.i for t in tok.subtree)
                            continue
                if tok.pos_ == "VERB" and lemma in cues.words("ask_verb"):
                    evs = self._asked(doc, index, cues, sent, tok)
                    if evs:
                        events.extend(evs)
                        claimed.update(t.i for t in tok.subtree)
                        continue
                if tok.pos_ == "VERB" and lemma == "discuss" and not any(
                        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ("concern", "stc", "stcs") for c in tok.children):
                    continue  # "discussed seven specific trade concerns, including ..." raises them; "discussed issues" does not
                if tok.pos_ == "VERB" and lemma in verbs:
                    obj = [c for c in tok.children if c.dep_ in ("dobj", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("for", "about", "on", "over", "during", "regarding", "concerning", "under"))]
                    # "Concerns over the EU's Ecodesign Regulation and China's ... were also conveyed"
                    obj += [c for c in tok.children if c.dep_ == "nsubjpass" and (c.lemma_.lower() in concern_nouns or c.lower_ in concern_nouns)]
                    obj_toks = [t for c in obj for t in c.subtree]
                    has_concern = any(t.lemma_.lower() in concern_nouns for t in obj_toks[:6]) or any(
                        c.lemma_.lower() in concern_nouns for c in tok.children if c.dep_ in ("dobj", "nsubjpass")) or any(
                        # "noted that Korean companies continue to face challenges arising from ..."
                        t.lemma_.lower() == "face" and t.pos_ == "VERB" and any(o.dep_ == "dobj" and o.lemma_.lower() in concern_nouns for o in t.children)
                        for t in obj_toks)
                    # "concerns raised by the U.S. side": the verb sits under the concern noun
                    if tok.dep_ == "acl" and tok.head.lemma_.lower() in concern_nouns:
                        has_concern = True
                        obj_toks = list(tok.head.subtree)
                    measures = [m for m in index.in_tokens(obj_toks, {"REGULATION"})]
                    is_request = lemma in requests
                    obligation = lemma in ("emphasize", "emphasise", "stress", "highlight", "note") and any(t.lower_ in ("should", "must") for t in obj_toks) and any(t.lower_ == "not" for t in obj_toks)
                    if not has_concern and self._names_measure(index, cues, tok, obj, is_request):
                        has_concern = True  # "raised Japan's export restrictions", "requested streamlined entry procedures"
                    if not has_concern and not measures and _fronted_measure(cues, index, tok) is not None:
                        has_concern = True  # "Regarding the steel import measures ..., Korea emphasized"
                    if measures and any(c.dep_ == "dobj" and c.lemma_.lower() == "need" for c in tok.children):
                        obligation = True  # "highlighted the need for continued dialogue during the revision of the CPR"
                    if not obligation and lemma in ("express", "convey", "voice") and _hoped_change(index, cues, tok):
                        # "expressed hope that the EU would minimize the burden of the CBAM on Korean companies"
                        obligation = True
                        has_concern = True
                        obj_toks = obj_toks + [t for c in tok.children if c.dep_ == "dobj" for t in c.subtree if t not in obj_toks]
                    if not obligation and lemma in ("emphasize", "emphasise", "stress", "note", "highlight", "convey", "express", "point", "caution", "warn") and _owned_measure_should(index, cues, tok):
                        # "stressed that the EU's CBAM should be implemented in a manner consistent with WTO rules",
                        # "conveyed its position that the EU's steel safeguard should be terminated as scheduled"
                        obligation = True
                        has_concern = True
                        obj_toks = obj_toks + [t for c in tok.children if c.dep_ == "dobj" for t in c.subtree if t not in obj_toks]
                    if not obligation and not has_concern and lemma in ("argue", "allege", "contend", "claim", "insist", "complain", "maintain"):
                        claim = self._claimed_measure(doc, index, cues, sent, tok)
                        if claim is not None:
                            # "Korea argued that Japan's tighter licensing of exports ... is an arbitrary ... restriction"
                            evs = self._events(doc, index, cues, sent, tok, [], [])
                            if not evs:
                                subj = actors(index, cues, _subject(tok), sent, doc, COMPLAINANT_LABELS)[:2]
                                skip_c = set(subj) | {index.country_for_code(_code(index, c)) for c in subj} - {None}
                                if claim[1] not in skip_c:
                                    meeting = meeting_before(doc, tok.idx) if self.meeting_context else None
                                    evs = self._build(doc, index, cues, sent, tok, [], subj, [claim[0]], {0: claim[1]}, [], meeting, None, skip_c)
                            events.extend(evs)
                            claimed.update(t.i for t in tok.subtree)
                            continue
                    if not (has_concern or measures and (is_request or lemma in ("raise", "express", "voice", "object", "complain", "protest", "question", "highlight", "emphasize", "stress") and (obligation or has_concern))) and not obligation:
                        continue
                    if lemma in ("note", "highlight", "emphasize", "emphasise", "stress", "convey", "express", "point") and not (obligation or has_concern):
                        continue
                    own = _own_requests(cues, index, tok)
                    raised_by = next((c for t in obj_toks if (t.lemma_.lower() in concern_nouns or t.lower_ in concern_nouns) and t.pos_ == "NOUN"
                                      for a in t.children if a.dep_ == "acl" for c in a.children if c.dep_ == "agent"), None)
                    if raised_by is not None and lemma in ("explain", "address", "respond", "answer", "note", "hear"):
                        # "KATS explained Korea's position on concerns raised by China and the EU over ...": they raise them
                        raisers = [x for x in raised_by.subtree if not _under_topic_prep(x, raised_by, cues.words("measure_prep"))]
                        evs = self._events(doc, index, cues, sent, tok, list(raised_by.head.head.subtree), measures, src_tokens=raisers)
                        claimed.update(t.i for t in tok.subtree)
                        events.extend(evs)
                        continue
                    evs = self._events(doc, index, cues, sent, tok, obj_toks, measures, skip_verbs=own)
                    for t in tok.subtree:
                        if not any(t.i in {x.i for x in v.subtree} for v in own):
                            claimed.add(t.i)
                    events.extend(evs)
                elif tok.pos_ == "NOUN" and lemma in concern_nouns and (adj := next((
                        c for c in tok.children if c.dep_ == "amod" and c.i < tok.i and c.tag_ in ("VBD", "VBN")
                        and c.lemma_.lower() in verbs and c.i not in claimed), None)) is not None:
                    # "Minister Ahn voiced concern about the RHQ policy" parsed with "voiced" as an adjective of
                    # "concern" (and the minister as its modifier): the verb raises the concern all the same
                    src_tokens = [t for c in adj.children if c.dep_ in ("npadvmod", "nsubj") for t in c.subtree]
                    obj_toks = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in cues.words("measure_prep") for t in c.subtree]
                    evs = self._events(doc, index, cues, sent, adj, obj_toks, index.in_tokens(obj_toks, {"REGULATION"}), src_tokens=src_tokens)
                    events.extend(evs)
                    claimed.update(t.i for t in tok.subtree)
                elif tok.pos_ == "NOUN" and lemma in ("concern", "concerns", "inquiry", "inquiries", "complaint", "objection", "regret") and tok.dep_ in ("dobj", "pobj", "nsubj"):
                    src = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")]
                    src += [a for c in tok.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"]
                    poss = [c for c in tok.children if c.dep_ == "poss"]
                    shared = tok.dep_ == "dobj" and tok.head.lemma_.lower() == "share" and tok.head.pos_ == "VERB"
                    if not src and not poss and not shared:
                        continue
                    head = tok.head if tok.dep_ != "nsubj" else tok
                    if head.pos_ == "VERB" and head.lemma_.lower() in verbs and head.i not in claimed and head.i > tok.i:
                        continue
                    obj_toks = list(tok.subtree) + [t for c in tok.head.children if c.dep_ == "prep" and c.lower_ in cues.words("measure_prep") for t in c.subtree]
                    measures = index.in_tokens(obj_toks, {"REGULATION"})
                    src_tokens = [t for s in src + poss for t in s.subtree]
                    if shared and not src and not poss:
                        # "Korea also shared concerns with other members over China's draft standard": who shares them
                        src_tokens = _subject(tok.head)
                    if not actors(index, cues, src_tokens, sent, doc, COMPLAINANT_LABELS) and head.pos_ == "VERB" and head.i != tok.i:
                        # "Minister Yeo shared the Korean industry's concerns on ...": who shares them raises them
                        src_tokens = _subject(head) or src_tokens
                    evs = self._events(doc, index, cues, sent, tok, obj_toks, measures, src_tokens=src_tokens)
                    events.extend(evs)
                    claimed.update(t.i for t in tok.subtree)
            if self.broad:
                events.extend(self._broad(doc, index, cues, sent, events))
                events.extend(self._resolutions(doc, index, cues, sent, events))
        if self.broad:
            events.extend(self._concern_lines(doc, index, cues, events))
            events.extend(self._country_paragraphs(doc, index, cues, events))
            events.extend(self._table_lines(doc, index, cues, events))
        if self.learned and self._ensure_model() is not None:
            events.extend(self._learned(doc, index, cues, events))
        if self.meeting_context:
            _forum_from_context(doc, index, events, self.find_dates, self._sents)
        events = _merge_same_measure(doc, events, self._soft, index, self._labels) if self.merge else events
        if self.meeting_context:
            for ev in events:
                if ev.date is None:
                    # a concern the text does not date was raised at the meeting it is reported under
                    meeting = dated_meeting_before(doc, ev.trigger[0])
                    if meeting is not None:
                        ev.date = meeting.date
        return events

    # ------------------------------------------------------------------ the learned pass

    def _learned(self, doc: Doc, index: EntityIndex, cues: Cues, events: list[EventRecord]) -> list[EventRecord]:
        """A concern for each noun phrase no rule event covers that the trained model scores as the
        measure of one; its arguments as the rules read them (the governing verb's subject, else the
        complainant of the nearest concern, the body the lead names or the release's own country; the
        phrase's owner; the request of its sentence; the meeting's forum and date)."""
        model = self.model
        assert model is not None
        covered: list[tuple[int, int]] = []
        for ev in events:
            for a in ev.arguments:
                if a.role != "measure":
                    continue
                if a.span is not None:
                    covered.append(a.span)
                elif a.entity in index.entities:
                    covered.extend(index.entities[a.entity].mentions)
        home = home_country(index)
        dfeats = doc_features(doc, index)
        rule_triggers = {ev.trigger[0] for ev in events}
        out: list[EventRecord] = []
        raising = cues.words("trigger_verb") | cues.words("ask_verb") | cues.words("request_verb")
        for sent, tok in candidates(doc, index, cues, self._sents):
            if any(s <= tok.idx < e for s, e in covered):
                continue
            verb, _ = governor(tok)
            if verb is not None and verb.idx in rule_triggers:
                continue  # the rules read this verb's concern and chose its measure ("raised A under the B Act")
            owner = self._owner(index, cues, tok)
            if model.prob(features(doc, index, cues, sent, tok, owner, dfeats)) < model.threshold:
                continue
            ref = index.at(tok)
            if ref is not None and ref.label == "REGULATION":
                item: tuple = ("entity", ref.id)
                ranges = list(ref.entity.mentions)
            else:
                span = _np(tok)
                if span is None:
                    continue
                item, ranges = ("span", span), [span]
            trig = verb if verb is not None else tok
            complainants = actors(index, cues, _subject(verb), sent, doc, COMPLAINANT_LABELS)[:2] if verb is not None else []
            if owner is None and verb is not None and verb.lemma_.lower() not in raising and complainants and any(c.dep_ == "nsubj" for c in verb.children):
                # "Vietnam has reinstated lot-by-lot inspections", "Turkey waived its requirement": who acts owns the measure
                owner = _country_of(index, complainants[0])
                complainants = []
            if owner is None and verb is not None and verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.lower() in raising:
                # "urged India to speed up licensing of ...": the party asked owns it
                asked = next((index.at(c) for c in verb.head.children if c.dep_ == "dobj" and index.at(c) is not None), None)
                if asked is not None and asked.label in COMPLAINANT_LABELS:
                    owner = _country_of(index, asked.id)
            complainants = [c for c in complainants if c != owner and _country_of(index, c) != owner]
            if not complainants:
                # the complainant of the nearest concern (before it, else after it), else the release's own side
                others = sorted(events + out, key=lambda e: (e.trigger[0] > tok.idx, abs(e.trigger[0] - tok.idx)))
                for other in others:
                    complainants = [a.entity for a in other.arguments if a.role == "complainant" and a.entity != owner]
                    if complainants:
                        break
                if not complainants:
                    # the body the lead names (who reports, and by default raises), else the release's own country
                    lead = [b for b in self._lead_body(doc, index) if _country_of(index, b) != owner]
                    complainants = lead or ([home] if home is not None and home != owner else [])
            requests = []
            if verb is not None:  # a request verb of its own, coordinated with it, or of its sentence
                req = self._request(cues, sent, verb, index)
                if req is not None:
                    requests.append(req)
            meeting = meeting_before(doc, trig.idx) if self.meeting_context else None
            owners = {0: owner} if owner is not None and owner not in complainants else {}
            evs = self._build(doc, index, cues, sent, trig, list(tok.subtree), complainants, [item], owners, requests, meeting, None, set(complainants))
            out.extend(evs)
            covered.extend(ranges)
        return out

    # ------------------------------------------------------------------ the broad pass

    def _broad(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, events: list[EventRecord]) -> list[EventRecord]:
        """Concerns phrased without a concern word: a verb of raising or asking whose object names
        another party's measure ("took issue with Vietnam's draft technical regulation on steel bars",
        "called for the swift removal of the EU's special import conditions on Korean instant
        noodles", "sought flexibility in the guardrail provisions of the CHIPS and Science Act"),
        one event per measure the earlier rules did not report."""
        strong = cues.words("broad_verb")
        weak = cues.words("broad_ask_verb")
        taken_spans = [a.span for ev in events for a in ev.arguments if a.role == "measure" and a.span is not None]
        taken_ents = {a.entity for ev in events for a in ev.arguments if a.role == "measure" and a.entity}
        triggers = {ev.trigger[0] for ev in events}
        asked = [a.span for ev in events for a in ev.arguments if a.role == "request" and a.span is not None]
        out: list[EventRecord] = []
        for tok in sent:
            if tok.pos_ != "VERB" or tok.idx in triggers:
                continue
            if any(s <= tok.idx < e for s, e in asked):
                continue  # "..., asking Korea to reduce data requirements": the request of a concern already read
            lemma = tok.lemma_.lower()
            particle = {c.lower_ for c in tok.children if c.dep_ in ("prt", "dobj", "advmod", "prep")}
            if lemma in ("take",) and "issue" not in particle and "up" not in particle or lemma == "bring" and "up" not in particle or lemma == "point" and "out" not in particle and "to" not in particle:
                continue
            if lemma == "draw" and "attention" in particle or lemma == "turn" and "to" in particle and any(
                    c.dep_ == "advmod" and c.lower_ in ("then", "also", "next", "later") for c in tok.children):
                lemma = "raise"  # "drew attention to the lack of import tolerances", "He then turned to national security reviews"
            if lemma not in strong and lemma not in weak:
                continue
            if tok.dep_ == "acl" and lemma in strong and (tok.head.lemma_.lower() in cues.words("measure_noun") | cues.words("measure_head") | cues.words("concern_noun")):
                # "The major technical regulations raised by the Korean delegation are as follows: ▲ the EU's ..."
                out.extend(self._bullets(doc, index, cues, sent, tok, events + out))
                continue
            items = self._broad_items(index, cues, sent, tok, needs_owner=lemma not in strong, fallback_owner=_paragraph_owner(doc, index, sent))
            if lemma in strong and any(c.dep_ == "dobj" for c in tok.children):
                # "raised the EU Deforestation Regulation, the U.S. connected vehicle rule and China's power bank
                # standard as specific trade concerns": a list the parse breaks apart
                subj_c = actors(index, cues, _subject(tok), sent, doc, COMPLAINANT_LABELS)[:2]
                skip_c = set(subj_c) | {index.country_for_code(_code(index, c)) for c in subj_c} - {None}
                listed = _country_items(doc, index, tok.idx + len(tok.text), sent.end_char, skip_c)
                if len(listed) > len(items):
                    items = [(("entity", reg) if reg else ("span", (s_, e_))) + (cid,)
                             for s_, e_, cid in listed for reg in [_regulation_item(index, s_, e_)]]
                chain = _object_chain(doc, index, cues, sent, tok, skip_c)
                if len(chain) > len(items):
                    # "raised the clean vehicle tax credit under the IRA, asking ..., as well as the guardrail provisions
                    # of the CHIPS Act ..., and also the 10 percent additional tariff on Korean aluminum under Section 232"
                    items = chain
            fresh = []
            for kind, item, owner in items:
                if kind == "entity" and item in taken_ents:
                    continue
                if kind == "span" and any(s < item[1] and item[0] < e for s, e in taken_spans):
                    continue
                fresh.append((kind, item, owner))
            if not fresh:
                continue
            subj = _subject(tok)
            complainants = actors(index, cues, subj, sent, doc, COMPLAINANT_LABELS)[:2]
            continued = None
            if not complainants:
                complainants = self._pronoun_complainants(subj)
                continued = self._so_far[-1] if complainants and self._so_far and complainants == [
                    a.entity for a in self._so_far[-1].arguments if a.role == "complainant" and a.entity] else None
            if not complainants and (events or out):
                last = (out or events)[-1]
                complainants = [a.entity for a in last.arguments if a.role == "complainant" and a.entity]
            owners = {k: o for k, (_, _, o) in enumerate(fresh) if o and o not in complainants}
            request = self._request(cues, sent, tok, index)
            meeting = meeting_before(doc, tok.idx) if self.meeting_context else None
            skip = set(complainants) | {index.country_for_code(_code(index, c)) for c in complainants} - {None}
            obj_toks = [t for t in tok.subtree if t.i > tok.i]
            evs = self._build(doc, index, cues, sent, tok, obj_toks, complainants, [(k, it) for k, it, _ in fresh], owners,
                              [request] if request else [], meeting, continued, skip)
            for ev in evs:
                for a in ev.arguments:
                    if a.role == "measure":
                        if a.span is not None:
                            taken_spans.append(a.span)
                        elif a.entity:
                            taken_ents.add(a.entity)
            out.extend(evs)
            triggers.add(tok.idx)
        if not out and not any(sent.start_char <= t < sent.end_char for t in triggers) and not any(
                sent.start_char <= s < sent.end_char for s, _ in taken_spans):
            out.extend(self._passive_list(doc, index, cues, sent, events))
        if not out and not any(sent.start_char <= t < sent.end_char for t in triggers):
            # "Korea took four items to the WTO TBT Committee ...: ▲ the EU's ..., ▲ India's ... and ▲ Chile's ..."
            stext = text_of(doc)[sent.start_char:sent.end_char]
            colon = stext.find(":")
            root = sent.root
            if colon > 0 and root.pos_ == "VERB" and re.search(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+)?(?:items|issues|concerns|STCs|measures|regulations|cases)\b", stext[:colon]) \
                    and _ENUM.search(stext[colon:]):
                raisers = actors(index, cues, _subject(root), sent, doc, COMPLAINANT_LABELS)[:1]
                if raisers:
                    listed = self._bullets(doc, index, cues, sent, root, events, raisers)
                    if sum(1 for ev in listed if any(a.role == "respondent" for a in ev.arguments)) >= 2:
                        out.extend(listed)
        if not out and not any(sent.start_char <= t < sent.end_char for t in triggers) and not any(
                sent.start_char <= s < sent.end_char for s, _ in taken_spans):
            # "The existing STCs included India's QCOs on chemicals, Vietnam's ... and Saudi Arabia's ...":
            # a sentence that lists raised concerns by their owners, after the sentence that counted them
            out.extend(self._list_sentence(doc, index, cues, sent, events))
        if not out and not any(sent.start_char <= t < sent.end_char for t in triggers):
            # "The main concerns were as follows:" / "Key issues included:" and a bulleted list of owned measures
            words = cues.words("concern_noun") | cues.words("broad_verb")
            cue = next((t for t in sent if t.lemma_.lower() in words or t.lower_ in words), None)
            if cue is not None and re.search(r"(?::|\bas follows\W*)\s*$", text_of(doc)[sent.start_char:sent.end_char]):
                evs = self._bullets(doc, index, cues, sent, cue, events)
                if sum(1 for ev in evs if any(a.role == "respondent" for a in ev.arguments)) >= 2:
                    out.extend(evs)
            if cue is not None and not out:
                out.extend(self._table_rows(doc, index, cues, sent, cue, events))
        return out

    def _passive_list(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, events: list[EventRecord]) -> list[EventRecord]:
        """Measures as the subject of a passive raising verb: "The Indian BIS certification for chemicals and
        the Vietnamese labelling decree were also taken up", "Concerns ... were raised about ..." is read
        elsewhere. The raiser is the one of the concerns before, else the body the release opens with."""
        verb = next((t for t in sent if t.pos_ == "VERB" and t.tag_ == "VBN" and t.lemma_.lower() in ("raise", "take", "discuss", "address", "flag", "bring", "question", "table")
                     and any(c.dep_ == "auxpass" for c in t.children) and (t.lemma_.lower() not in ("take", "bring") or any(c.lower_ == "up" for c in t.children))), None)
        if verb is None:
            return []
        subj = [t for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree]
        if not subj or any(t.lemma_.lower() in cues.words("concern_noun") for t in subj):
            return []
        concerns = [ev for ev in events if ev.type == "TRADE_CONCERN"]
        complainants = [a.entity for a in concerns[-1].arguments if a.role == "complainant" and a.entity] if concerns else []
        if not complainants:
            complainants = self._lead_body(doc, index)
        if not complainants:
            return []
        skip = set(complainants) | {index.country_for_code(_code(index, c)) for c in complainants} - {None}
        lo, hi = min(t.idx for t in subj), max(t.idx + len(t.text) for t in subj)
        items = _country_items(doc, index, lo, hi, skip)
        if not items:
            # "India's quality control orders on chemicals were also raised, with Korea asking ..."
            head = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            owner = self._owner(index, cues, head) if head is not None else None
            heads = cues.words("measure_noun") | cues.words("measure_head")
            if owner is None or owner in skip or not (head.lemma_.lower() in heads or head.lower_ in heads):
                return []
            sp = _np(head)
            if sp is None:
                return []
            sp = _without_owner(doc, index, sp)
            if not [w for w in re.findall(r"[a-z][a-z-]{2,}", text_of(doc)[sp[0]:sp[1]].lower()) if w not in _GENERIC_MEASURE_WORDS and w not in ("the", "own", "also")]:
                return []  # "Korea's measures were also taken up": a heading, no measure named
            items = [(sp[0], sp[1], owner)]
        meeting = meeting_before(doc, verb.idx) if self.meeting_context else None
        out: list[EventRecord] = []
        for s0, e0, cid in items:
            reg = _regulation_item(index, s0, e0)
            out.extend(self._build(doc, index, cues, sent, verb, [], complainants, [("entity", reg) if reg else ("span", (s0, e0))],
                                   {0: cid} if cid else {}, [], meeting, None, skip))
        return out

    def _list_sentence(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, events: list[EventRecord]) -> list[EventRecord]:
        text = text_of(doc)
        m = _NEXT_LIST.match(text[sent.start_char:sent.end_char])
        if m is None:
            return []
        in_match = [t for t in sent if sent.start_char + m.start() <= t.idx < sent.start_char + m.end()]
        said = cues.words("trigger_verb") | cues.words("broad_verb")
        verb = next((t for t in in_match if t.pos_ == "VERB" and t.lemma_.lower() in said), None) or \
            next((t for t in in_match if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return []
        concerns = [ev for ev in events if ev.type == "TRADE_CONCERN"]
        by = re.search(r"\bby\s|(?:STCs|concerns|issues|measures|regulations|barriers)\s+(?:(?:that|which)\s+)?(?=(?:the\s+)?[A-Z])",
                       text[sent.start_char:sent.start_char + m.end()])
        # "The STCs raised by Korea were on ...", "The main STCs Korea raised include ...": who raised them
        complainants = [x.id for x in index.mentions if x.label in COMPLAINANT_LABELS
                        and sent.start_char + by.end() <= x.start < sent.start_char + m.end()][:1] if by else []
        if not complainants:
            # "Korea's requests included ...", "Also on Korea's list were ...": the owner of the list
            pos_m = re.search(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)[’']s\s+(?:\w+\s+){0,2}(?:concerns|requests|STCs|issues|list|agenda)\b", m.group(0))
            if pos_m:
                complainants = [x.id for x in index.mentions if x.label in COMPLAINANT_LABELS
                                and sent.start_char + m.start() + pos_m.start(1) <= x.start < sent.start_char + m.start() + pos_m.end(1)][:1]
        if not complainants and concerns:
            complainants = [a.entity for a in concerns[-1].arguments if a.role == "complainant" and a.entity]
        if not complainants:
            body = body_start(doc)
            lead = next((x for x in self._sents if x.end_char > body), None)
            nouns = cues.words("concern_noun")
            # "Korea put forward 7 STCs ..., KATS said": the subject of the verb that takes the concerns
            holder = next((t.head for t in lead if t.dep_ == "dobj" and (t.lemma_.lower() in nouns or t.lower_ in nouns) and t.head.pos_ == "VERB"), None) if lead is not None else None
            if holder is not None:
                complainants = actors(index, cues, _subject(holder), lead, doc, COMPLAINANT_LABELS)[:1]
                if verb.lemma_.lower() not in said:
                    verb = holder  # "The new STCs were ① ..." after "Korea put forward 7 STCs": the lead's verb
            if not complainants and lead is not None and (holder is not None or any(t.lemma_.lower() in cues.words("trigger_verb") | cues.words("broad_verb") for t in lead)):
                complainants = [x.id for x in index.mentions if x.label in ("MINISTRY", "ORG", "COUNTRY") and lead.start_char <= x.start < lead.end_char
                                and not is_forum(x.entity.name)][:1]
        if not complainants:
            return []
        skip = set(complainants) | {index.country_for_code(_code(index, c)) for c in complainants} - {None}
        items = _country_items(doc, index, sent.start_char + m.end(), sent.end_char, skip)
        if len(items) < 2 and re.search(r"concerns?\s+(?:centered|centred|focused|concentrated)", m.group(0), re.I):
            # "Korea's concerns centered on China's plan to require official certificates for all imported food"
            owner = next((x for x in index.mentions if x.label == "COUNTRY" and x.id not in skip and sent.start_char + m.end() <= x.start <= sent.start_char + m.end() + 5
                          and re.match(r"[’']s?\s", text[x.end:x.end + 3])), None)
            if owner is not None:
                s0 = owner.end + len(re.match(r"[’']s?\s+", text[owner.end:]).group(0))
                e0 = s0 + len(re.split(r",\s|;|\.\s|\.$", text[s0:sent.end_char])[0])
                items = [(s0, e0, owner.id)]
                self._follow_up = True
        if not items or len(items) < 2 and not re.search(r"concerns?\s+(?:centered|centred|focused|concentrated)", m.group(0), re.I):
            return []
        meeting = meeting_before(doc, verb.idx) if self.meeting_context else None
        out: list[EventRecord] = []
        for s0, e0, cid in items:
            reg = _regulation_item(index, s0, e0)
            item = ("entity", reg) if reg else ("span", (s0, e0))
            out.extend(self._build(doc, index, cues, sent, verb, [], complainants, [item], {0: cid} if cid else {}, [], meeting, None, skip))
        if self._follow_up:
            self._soft.update(id(ev) for ev in out)  # a concern named again may be one raised before
            self._follow_up = False
        first = min(s0 for s0, _, _ in items)
        if not any(d.start < first for d in dates_in(self.find_dates, doc, sent)):
            for ev in out:
                ev.date = None  # "China's plan ..., notified to the WTO in April": a date of the measure, not of its raising
        return out

    def _resolutions(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, events: list[EventRecord]) -> list[EventRecord]:
        """Concerns reported through their settlement: the party that gives way is the respondent, what
        it changes the measure. "SASO agreed to accept test reports ... under its energy-efficiency
        labelling requirements for air conditioners, resolving an issue Korea has raised since 2022";
        "In response to Korea's request, TISI agreed to postpone the application of its mandatory
        standard"; "Major cases resolved include: ① India's mandatory BIS certification ..., where ...;
        ② Egypt's ...". Read in releases that report concerns, or when the sentence says it settles one."""
        resolve = cues.words("resolve_word")
        text = text_of(doc)
        stext = text[sent.start_char:sent.end_char]
        resolving = next((t for t in sent if t.lower_ in resolve or t.lemma_.lower() in resolve), None)
        asked = re.search(r"\b(?i:in response to|at the request of|following|upon)\s+((?:the\s+)?[A-Z][\w.–-]*(?:\s+[A-Z][\w.–-]*)*)[’']s?\s+(request|requests|concerns?)\b", stext) \
            or re.search(r"\b(?i:as)\s+((?:the\s+)?[A-Z][\w.–-]*(?:\s+[A-Z][\w.–-]*)*)\s+(?:had\s+|has\s+)?(requested|asked|demanded|proposed)\b", stext)
        concern_release = any(ev.type == "TRADE_CONCERN" for ev in events)
        if resolving is None and asked is None and not concern_release:
            return []
        taken_spans = [a.span for ev in events for a in ev.arguments if a.role == "measure" and a.span is not None]
        taken_ents = {a.entity for ev in events for a in ev.arguments if a.role == "measure" and a.entity}
        home = home_country(index)
        home_code = _code(index, home) if home else next((body_country(index, m.id) for m in index.mentions if m.label == "MINISTRY" and body_country(index, m.id)), None)
        complainants: list[str] = []
        if asked is not None:
            s0 = sent.start_char + asked.start(1)
            complainants = [m.id for m in index.mentions if m.label in COMPLAINANT_LABELS and s0 <= m.start and m.end <= sent.start_char + asked.end(1)][:1]
        if not complainants:
            # the home side that raised the concerns before (KATS), not a foreign member's complaint
            for ev in reversed(events):
                if resolving is not None and ev.trigger[0] == resolving.idx:
                    continue  # read off this very sentence with the home country as a stand-in
                own = [a.entity for a in ev.arguments if ev.type == "TRADE_CONCERN" and a.role == "complainant" and a.entity
                       and home_code is not None and (_code(index, a.entity) or _name_code(cues, index.entities[a.entity].name)) == home_code]
                if own:
                    complainants = own
                    break
        if not complainants and home_code is not None:
            # "MOTIE said it resolved 12 cases ... Major cases resolved include: ...": the home body that resolved them
            for prev in reversed([x for x in self._sents if x.start_char <= sent.start_char][-3:]):
                if any(t.lower_ in resolve or t.lemma_.lower() in resolve for t in prev):
                    body = next((m.id for m in index.mentions if prev.start_char <= m.start < prev.end_char and m.label in BODIES
                                 and body_country(index, m.id) == home_code), None)
                    if body is not None:
                        complainants = [body]
                        break
        if not complainants and home:
            complainants = [home]
        if resolving is not None and resolving.i + 1 < sent.end:
            listed = self._resolved_list(doc, index, cues, sent, resolving, complainants, events)
            if listed:
                # the list names the cases; what the broad pass read off "resolved N cases of non-tariff barriers" goes
                events[:] = [ev for ev in events if not (ev.type == "TRADE_CONCERN" and ev.trigger[0] == resolving.idx)]
                return listed
        out: list[EventRecord] = []
        for tok in sent:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in cues.words("relief_verb"):
                continue
            head = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in cues.words("concede_verb") else None
            if head is None and (resolving is None and asked is None or tok.dep_ not in ("ROOT", "conj")):
                continue
            subj = _subject(head if head is not None else tok)
            party = actors(index, cues, subj, sent, doc, frozenset({"COUNTRY", "MINISTRY", "ORG"}))[:1]
            if not party:
                continue
            code = _code(index, party[0]) or _name_code(cues, index.entities[party[0]].name)
            if code is None:
                # "Vietnam's Directorate for Standards, Metrology and Quality (STAMEQ) agreed ...": the owner in front
                code = next((_code(index, m.id) for m in index.in_tokens(subj, {"COUNTRY"}) if _code(index, m.id) != home_code), None)
            if code is None and index.label(party[0]) in BODIES and home is not None:
                # a foreign agency the document gives no country ("the PPD agreed to drop its requirement ..."):
                # the document's main other country
                other = other_country(index, home)
                code = _code(index, other) if other else None
            if code is None or code == home_code:
                continue
            respondent = party[0] if index.label(party[0]) == "COUNTRY" else index.country_for_code(code)
            item = self._relief_measure(index, cues, tok, subj)
            if item is None:
                continue
            kind, it = item
            if kind == "entity" and it in taken_ents or kind == "span" and any(a < it[1] and it[0] < b for a, b in taken_spans):  # type: ignore[index]
                continue
            trig = resolving if resolving is not None else (doc.char_span(sent.start_char + asked.start(2), sent.start_char + asked.end(2)) if asked is not None else None)
            trig_tok = trig if isinstance(trig, Token) else (trig[0] if trig is not None and len(trig) else tok)
            date = event_date(self.find_dates, doc, sent, tok, min_precision=1)
            meeting = meeting_before(doc, tok.idx) if self.meeting_context else None
            if date is None and meeting is not None:
                date = meeting.date
            args = [ent_arg("complainant", c) for c in complainants if c != respondent]
            if respondent is not None and respondent not in complainants:
                args.append(ent_arg("respondent", respondent))
            args.append(ent_arg("measure", it) if kind == "entity" else span_arg("measure", it))  # type: ignore[arg-type]
            out.append(EventRecord(type="TRADE_CONCERN", trigger=(trig_tok.idx, trig_tok.idx + len(trig_tok.text)), date=date, attributes={}, arguments=args))
            if kind == "span":
                taken_spans.append(it)  # type: ignore[arg-type]
            else:
                taken_ents.add(it)  # type: ignore[arg-type]
        return out

    def _concern_lines(self, doc: Doc, index: EntityIndex, cues: Cues, events: list[EventRecord]) -> list[EventRecord]:
        """Concerns listed one per line under a heading, as releases translated from Korean lay them
        out: "□ Main issues raised by Korea" and "○ (EU) Ecodesign Regulation: requested a sufficient
        grace period", "- India's QCOs on steel, requesting ...", "▲ (China) ... → asked for ...". A run
        of two or more bullet lines is read when its heading speaks of concerns or most lines ask for
        something; each line owned by a country (a "(Country)" label, "Country's", "Country:") gives one
        event, its owner the respondent, the measure up to the colon or dash, the ask after it the request."""
        text = text_of(doc)
        body = body_start(doc)
        taken = [(a.span[0], a.span[1]) for ev in events for a in ev.arguments if a.span is not None] + \
            [(m.start, m.end) for ev in events for a in ev.arguments if a.role == "measure" and a.entity
             for m in index.mentions if m.id == a.entity]
        triggers = [ev.trigger[0] for ev in events]
        lines, pos = [], body
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            lines.append((pos, end))
            pos = end + 1
        home = home_country(index)
        home_code = _code(index, home) if home else None
        out: list[EventRecord] = []
        k = 0
        while k < len(lines):
            ls, le = lines[k]
            kind = _mark_kind(text[ls:le])
            if kind is None:
                k += 1
                continue
            nxt = _mark_kind(text[lines[k + 1][0]:lines[k + 1][1]]) if k + 1 < len(lines) else None
            if _is_heading(text[ls:le], kind, nxt):
                # "□ Major STCs raised by KATS are as follows." and the items under it
                intro = (ls, le)
                groups = _line_groups(text, le, (kind,))
                k += 1
            else:
                intro = next(((s, e) for s, e in reversed(lines[:k]) if text[s:e].strip()), None)
                groups = _line_groups(text, ls - 1) if ls > 0 else []
                if not groups:
                    k += 1  # a marked line that starts no group: the next line (never the same one again)
            k += sum(1 + len(subs) for _, subs in groups)
            if not groups:
                continue
            self._sublines.update({rng: subs for rng, subs in groups})
            run = [rng for rng, _ in groups]
            parsed = [self._line_item(doc, index, cues, s, e, home_code) for s, e in run]
            for p in parsed:
                if p is not None and p["label"] is not None and p["measure"][1] < p["line"][1] - 3:
                    # "○ (EU) emission certification: the EU asked Korea to accept EU certificates": an event read off
                    # the ask after the colon is about the line's head
                    for ev in events:
                        if ev.type == "TRADE_CONCERN" and p["measure"][1] <= ev.trigger[0] < p["line"][1]:
                            for a in ev.arguments:
                                if a.role == "measure" and (a.span is not None and a.span[0] >= p["measure"][1] or a.entity and not any(
                                        m.id == a.entity and p["measure"][0] <= m.start < p["measure"][1] for m in index.mentions)):
                                    kind, it = p["item"]
                                    a.entity, a.span = (it, None) if kind == "entity" else (None, it)
            n_owned = sum(1 for p in parsed if p is not None and (p["owner"] is not None or p["raiser"] is not None or p["label"] is not None))
            parsed = [p for p in parsed if p is not None and not any(a < p["line"][1] and p["line"][0] < b for a, b in taken)
                      and not any(p["line"][0] <= t < p["line"][1] for t in triggers)]
            owned = [p for p in parsed if p["owner"] is not None or p["raiser"] is not None or p["label"] is not None]
            if not owned or n_owned < 2 and not (len(owned) == 1 and len(run) == 1 and owned[0]["ask"] is not None):
                continue
            intro_text = text[intro[0]:intro[1]] if intro else ""
            concern_intro = bool(_CONCERN_INTRO.search(intro_text) or _HOME_MEASURES.search(intro_text))
            if not concern_intro and sum(1 for p in owned if p["ask"] is not None) * 2 < len(owned):
                continue
            intro_sent = next((s for s in self._sents if intro and s.start_char <= intro[0] < s.end_char), None) if intro else None
            cue = None
            if intro_sent is not None:
                words = cues.words("concern_noun") | cues.words("broad_verb") | cues.words("trigger_verb") | cues.words("resolve_word")
                cue = next((t for t in intro_sent if intro[0] <= t.idx < intro[1] and (t.lemma_.lower() in words or t.lower_ in words)), None)
            complainants: list[str] = []
            if intro is not None:
                by = re.search(r"\b(?:by|from)\s+(?:the\s+)?(.+?)\s*(?:[:(]|$)", intro_text)
                zone = (intro[0] + by.start(1), intro[0] + by.end(1)) if by else intro
                complainants = [m.id for m in index.mentions if m.label in COMPLAINANT_LABELS and zone[0] <= m.start and m.end <= zone[1]][:1]
            if not complainants and (events or out):
                last = (out or events)[-1]
                complainants = [a.entity for a in last.arguments if a.role == "complainant" and a.entity]
            if not complainants:
                lead = [s for s in self._sents if s.end_char > body][:1]
                if lead:
                    complainants = [m.id for m in index.mentions if m.label in ("MINISTRY", "ORG") and lead[0].start_char <= m.start < lead[0].end_char
                                    and (home_code is None or body_country(index, m.id) in (None, home_code))][:1]
            if not complainants and home:
                complainants = [home]
            skip = set(complainants) | {index.country_for_code(_code(index, c)) for c in complainants} - {None}
            # "□ Korea's measures were also taken up." / "○ (EU) emission certification: ...": the labels raise them
            target = next((m.id for m in index.mentions if intro and intro[0] <= m.start < intro[1] and m.label == "COUNTRY"
                           and (home is None or m.id == home)), None) if _HOME_MEASURES.search(intro_text) else None
            for p in owned:
                raisers, resp = complainants, p["owner"]
                if target is not None and p["label"] is not None and p["label"] != target:
                    raisers, resp = [p["label"]], target
                elif p["raiser"] is not None:
                    raisers, resp = [p["raiser"]], p["owner"]
                line_skip = set(raisers) | {index.country_for_code(_code(index, c)) for c in raisers} - {None}
                if resp in line_skip:
                    continue
                ls, le = p["line"]
                sent = next((s for s in self._sents if s.start_char <= ls < s.end_char), None)
                if sent is None:
                    continue
                trig = p["ask_tok"] or cue
                if trig is None or target is not None or p["raiser"] is not None:
                    # the line's own verb ("questioned whether ..."), else the measure's first word
                    line_toks = [t for t in doc[sent.start:] if t.idx < le] if sent is not None else []
                    said = cues.words("ask_verb") | cues.words("broad_verb") | cues.words("trigger_verb") | cues.words("request_verb")
                    trig = next((t for t in line_toks if t.idx >= p["rest"] and t.pos_ == "VERB" and t.lemma_.lower() in said), None) or \
                        next((t for t in line_toks if t.idx >= p["rest"] and t.pos_ == "VERB"), None) or \
                        next((t for t in line_toks if t.idx >= p["measure"][0] and t.is_alpha), sent[0])
                meeting = meeting_before(doc, ls) if self.meeting_context else None
                evs = self._build(doc, index, cues, sent, trig, [], raisers, [p["item"]], {0: resp} if resp else {},
                                  [p["ask"]] if p["ask"] else [], meeting, None, line_skip)
                for ev in evs:
                    # "limits on empty space ... from September 2023": a line's date is its measure's; the list's is the lead's
                    ev.date = event_date(self.find_dates, doc, cue.sent, cue, min_precision=1) if cue is not None and cue.sent != sent else None
                out.extend(evs)
        return out

    def _country_paragraphs(self, doc: Doc, index: EntityIndex, cues: Cues, events: list[EventRecord]) -> list[EventRecord]:
        """One concern per paragraph headed by a country, in a release whose lead reports concerns:
        "EU – Draft rules ... would apply ...", "As for India, its ALMM Order ... Korea proposed remote
        inspections instead.", "Vietnam's technical regulation QCVN 101:2020/BTTTT obliges ...; Korea's ask
        was that ...". The measure is the paragraph's first regulation or measure phrase, the request what
        is asked for after it, the raiser and the trigger those of the lead."""
        text = text_of(doc)
        found = self._lead_concerns(doc, index, cues)
        if found is None:
            return []
        first_end, raisers, trig = found
        heads = cues.words("measure_noun") | cues.words("measure_head")
        skip = set(raisers) | {index.country_for_code(_code(index, c)) for c in raisers} - {None}
        taken = [ev.trigger[0] for ev in events] + [a.span[0] for ev in events for a in ev.arguments if a.span is not None]
        out: list[EventRecord] = []
        pos = first_end + 1
        paras = []
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if text[pos:end].strip():
                paras.append((pos + len(text[pos:end]) - len(text[pos:end].lstrip()), end))
            pos = end + 1
        for p0, p1 in paras:
            sent = next((x for x in self._sents if x.start_char <= p0 < x.end_char), None)
            if sent is None:
                continue
            owner = _paragraph_owner(doc, index, sent)
            if owner is None:
                c = next((x for x in index.mentions if x.label == "COUNTRY" and x.start == p0 and re.match(r"[’']s?\s|,\s", text[x.end:x.end + 3])), None)
                owner = c.id if c is not None else None
            if owner is None or owner in skip or any(p0 <= t < p1 for t in taken):
                continue
            regs = [m for m in index.mentions if m.label == "REGULATION" and p0 <= m.start < p1]
            item = None
            if regs:
                item = ("entity", regs[0].id)
            else:
                first = [t for t in sent if t.pos_ == "NOUN" and (t.lemma_.lower() in heads or t.lower_ in heads) and t.dep_ not in ("compound", "amod")]
                if first:
                    sp = _np(first[0])
                    if sp is not None:
                        item = ("span", _without_owner(doc, index, sp))
            if item is None:
                continue
            ask = re.search(r"\b(?:made\s+the\s+case\s+for|appealed\s+for|argued\s+for|called\s+for|asked\s+for|pressed\s+for|proposed|wants|sought|requested|ask\s+was\s+that|urged\s+\w+\s+to|asked\s+\w+\s+to)\s+(.+?)(?:\.\s|\.$|;|$)", text[p0:p1])
            req = (p0 + ask.start(1), p0 + ask.end(1)) if ask else None
            meeting = meeting_before(doc, p0) if self.meeting_context else None
            evs = self._build(doc, index, cues, sent, trig, [], raisers, [item], {0: owner}, [req] if req else [], meeting, None, skip)
            for ev in evs:
                ev.date = None  # the session's, from the lead
            out.extend(evs)
        return out if len(out) >= 2 else []

    def _table_lines(self, doc: Doc, index: EntityIndex, cues: Cues, events: list[EventRecord]) -> list[EventRecord]:
        """A table pasted as lines, cells split by " / ", " | " or tabs, one row per measure with its country in
        the first cell: "EU / proposal for a Batteries Regulation (March) / carbon footprint rules ...". The
        measure is the next cell (without a trailing "(March)"), the request the cell under a heading of
        requests or comments; the raiser and the trigger are those of the lead."""
        text = text_of(doc)
        body = body_start(doc)
        rows, header = [], None
        pos = body
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            sep = next((x for x in ("\t", " | ", " / ") if line.count(x.strip() if x != "\t" else "\t") >= 1 and x in line), None)
            if sep is not None:
                cells, off = [], pos
                for cell in line.split(sep):
                    lead_ws = len(cell) - len(cell.lstrip())
                    cells.append((off + lead_ws, off + len(cell.rstrip())))
                    off += len(cell) + len(sep)
                country = next((m for m in index.mentions if m.label == "COUNTRY" and cells[0][0] <= m.start and m.end <= cells[0][1]), None)
                if country is not None and len(cells) >= 2:
                    rows.append((country.id, cells))
                elif not rows and len(cells) >= 2:
                    header = [text[a:b].lower() for a, b in cells]
            elif rows:
                break
            pos = end + 1
        if len(rows) < 2 or any(ev.type == "TRADE_CONCERN" and rows[0][1][0][0] <= ev.trigger[0] < rows[-1][1][-1][1] for ev in events):
            return []
        found = self._lead_concerns(doc, index, cues, {"comments", "comment", "opinions", "views", "remarks"})
        if found is None:
            return []
        _, raisers, trig = found
        lead = [trig.sent]
        req_col = next((k for k, h in enumerate(header or []) if re.search(r"request|comment|ask|position|concern", h)), 2)
        skip = set(raisers) | {index.country_for_code(_code(index, c)) for c in raisers} - {None}
        taken = [a.span for ev in events for a in ev.arguments if a.role == "measure" and a.span is not None]
        taken_ents = {a.entity for ev in events for a in ev.arguments if a.role == "measure" and a.entity}
        out: list[EventRecord] = []
        for owner, cells in rows:
            if owner in skip:
                continue
            ms, me = cells[1]
            if any(a < me and ms < b for a, b in taken) or any(m.id in taken_ents for m in index.mentions if ms <= m.start < me):
                continue  # read already (a table after "raised the following concerns:")
            paren = re.search(r"\s*\([^()]*\)\s*$", text[ms:me])
            if paren:
                me = ms + paren.start()  # "(March)": when it was notified
            regs = [m for m in index.mentions if m.label == "REGULATION" and ms <= m.start and m.end <= me]
            item = ("entity", regs[0].id) if regs else ("span", (ms, me))
            req = cells[req_col] if req_col < len(cells) and req_col != 1 else None
            sent = next((x for x in self._sents if x.start_char <= ms < x.end_char), lead[0])
            evs = self._build(doc, index, cues, sent, trig, [], raisers, [item], {0: owner}, [req] if req else [], None, None, skip)
            for ev in evs:
                ev.date = event_date(self.find_dates, doc, trig.sent, trig, min_precision=1)
            out.extend(evs)
        return out

    def _lead_body(self, doc: Doc, index: EntityIndex) -> list[str]:
        """The body the release's first two sentences name (not a committee): who reports, and by default raises."""
        body = body_start(doc)
        lead = [x for x in self._sents if x.end_char > body][:2]
        return [x.id for x in index.mentions if lead and x.label in ("MINISTRY", "ORG") and lead[0].start_char <= x.start < lead[-1].end_char
                and not is_forum(x.entity.name)][:1]

    def _lead_concerns(self, doc: Doc, index: EntityIndex, cues: Cues, more_nouns=frozenset()) -> Optional[tuple[int, list[str], Token]]:
        """The concerns the release's first paragraph reports: (where that paragraph ends, who raises them,
        the word that reports them), or None when the lead reports none ("KATS raised 7 STCs ...",
        "Six regulations drew objections from Korea's delegation", "KATS sent written comments ...")."""
        text = text_of(doc)
        body = body_start(doc)
        first_end = text.find("\n", body)
        first_end = len(text) if first_end < 0 else first_end
        lead = [x for x in self._sents if x.end_char > body and x.start_char < first_end][:2]
        nouns = cues.words("concern_noun") | set(more_nouns)
        cue = next((t for x in lead for t in x if (t.lemma_.lower() in nouns or t.lower_ in nouns) and t.pos_ == "NOUN"), None)
        if cue is None:
            return None
        raisers = self._lead_raiser(doc, index, cues, lead, cue)
        if not raisers:
            return None
        return first_end, raisers, (cue.head if cue.head.pos_ == "VERB" else cue)

    def _lead_raiser(self, doc: Doc, index: EntityIndex, cues: Cues, lead: list[Span], cue: Token) -> list[str]:
        """Who raises the concerns the lead reports: the subject of the verb that takes them ("Korea put
        forward 7 STCs"), the party they come from ("drew objections from Korea's delegation"), else the
        release's own body."""
        text = text_of(doc)
        m = re.search(r"\b(?:from|by)\s+(?:the\s+)?", text[cue.idx:cue.sent.end_char])
        if m:
            at = cue.idx + m.end()
            c = next((x for x in index.mentions if x.start == at and x.label in COMPLAINANT_LABELS), None)
            if c is not None:
                return [c.id]  # "drew objections from Korea's delegation"
        if cue.head.pos_ == "VERB" and cue.dep_ == "dobj":
            found = [a for a in actors(index, cues, _subject(cue.head), cue.sent, doc, COMPLAINANT_LABELS)[:1]
                     if not is_forum(index.entities[a].name) and index.entities[a].name not in ("WTO", "World Trade Organization")]
            if found:
                return found
        return [x.id for x in index.mentions if lead and x.label in ("MINISTRY", "ORG") and lead[0].start_char <= x.start < lead[-1].end_char
                and not is_forum(x.entity.name)][:1]

    def _line_item(self, doc: Doc, index: EntityIndex, cues: Cues, s0: int, e0: int, home_code: Optional[str]) -> Optional[dict]:
        """One bullet line split into owner, measure and ask; None when it names no measure."""
        text = text_of(doc)
        line = text[s0:e0]
        m = _LINE_MARK.match(line)
        pos = s0 + (m.end() if m else len(line) - len(line.lstrip()))
        owner = None
        labelled = None  # the country of a "(Korea)" / "(EU)" label
        label = re.match(r"\(\s*([^()]{2,40}?)\s*\)\s*", text[pos:e0])
        if label:
            c = [x for x in index.mentions if x.label == "COUNTRY" and pos + label.start(1) <= x.start and x.end <= pos + label.end(1)]
            if c:
                labelled = c[0].id
            if c and _code(index, c[0].id) != home_code:
                owner = c[0].id
            pos += label.end()
        head = re.match(r"(?:the\s+)?", text[pos:e0])
        c = next((x for x in index.mentions if x.label == "COUNTRY" and pos <= x.start <= pos + head.end() + 1), None)
        if c is not None:
            pm = re.match(r"[’']s\s+|\s*[:–—,]\s+|\s+-\s+", text[c.end:e0])
            if pm:
                if owner is None and _code(index, c.id) != home_code:
                    owner = c.id
                pos = c.end + pm.end()
        paren_ask = re.search(r"\s*\(\s*(?:request(?:ed|s)?|ask(?:ed|s)?|call(?:ed)?)(?:\s+for|\s*:)?\s+([^()]+)\)\s*[.;]?\s*$", text[pos:e0], re.I)
        if paren_ask:
            # "- EU's PPWR (request for clear guidelines on recycled content)"
            a0 = pos + paren_ask.start(1)
            ask_at = pos + paren_ask.start()
            head = self._line_item(doc, index, cues, s0, ask_at, home_code)
            if head is not None and head["ask"] is None:
                head["ask"] = (a0, a0 + len(paren_ask.group(1).rstrip(" .;")))
                head["line"] = (s0, e0)
                head["ask_tok"] = None  # the trigger stays the list's word
            return head
        split = _LINE_SPLIT.search(text[pos:e0])
        me = pos + split.start() if split else e0
        by = re.search(r",?\s+(?:proposed|adopted|introduced|issued|notified|planned|announced)\s+by\s", text[pos:me])
        if by:
            me = pos + by.start()  # "labelling standards for ... proposed by the Ministry of Food and Drug Safety"
        note = re.search(r"\s*\((?:[^()]*\b(?:new|existing|proposal|draft|revised|adopted|notified)\b[^()]*)\)\s*$", text[pos:me])
        if note:
            me = pos + note.start()  # "Cyber Resilience Act (proposal, new)": a note on the item
        measure = (pos, pos + len(text[pos:me].rstrip(" .;,")))
        if measure[1] - measure[0] < 4:
            return None
        if owner is None:
            c = [x for x in index.mentions if x.label == "COUNTRY" and measure[0] <= x.start and x.end <= measure[1] and _code(index, x.id) != home_code]
            owner = c[0].id if c else None
        ask, ask_tok = None, None
        if split:
            rest = pos + split.end()
            am = _ASK_HEAD.match(text[rest:e0])
            arrow = split.group(0).strip() in ("→", "⇒") and not re.match(r"\S+\s+(?:agreed|explained|replied|said|responded|noted|decided|will|has|have)\b", text[rest:e0])
            if am or arrow:
                # "○ (China) draft standard on air conditioners → acceptance of Korean test results"
                a0 = rest + (am.end() if am else 0)
                stop = re.search(r"\s*→|,\s+as\s|\s+as\s+(?:factory|on-site)", text[a0:e0])
                a1 = a0 + stop.start() if stop else e0
                ask = (a0, a0 + len(text[a0:a1].rstrip(" .;")))
                ask_tok = next((t for t in doc[doc.char_span(s0, e0, alignment_mode="expand").start:] if t.idx >= rest and t.is_alpha), None) if doc.char_span(s0, e0, alignment_mode="expand") is not None else None
                if ask[1] - ask[0] < 3:
                    ask = None
        if ask is None and split:
            # "(EU) emission certification: the EU asked Korea to accept ... → KATS explained ...": an ask inside the rest
            ask = _ask_in(text, pos + split.end(), e0)
        for ss, se in self._sublines.get((s0, e0), []) if ask is None else []:
            # "○ (India) QCOs on polyethylene" / "- called for a grace period of at least six months, as ..."
            ask = _ask_in(text, ss, se)
            if ask is not None:
                break
        regs = [x for x in index.mentions if x.label == "REGULATION" and measure[0] <= x.start and x.end <= measure[1]]
        item = ("entity", regs[0].id) if regs else ("span", measure)
        if item[0] == "span" and _not_a_measure(doc, cues, measure):
            return None
        # "asked Vietnam to ...", "the EU asked Korea to ...": who is asked
        asked = re.search(r"\b(?:asked|urged|requested|called\s+on|pressed)\s+(?:the\s+)?", text[measure[1]:e0])
        addressee = None
        if asked:
            a0 = measure[1] + asked.end()
            addressee = next((x.id for x in index.mentions if x.label == "COUNTRY" and x.start == a0), None)
        raiser = None
        if labelled is not None and (_code(index, labelled) == home_code or addressee is not None and addressee != labelled):
            # "○ (Korea) anti-dumping duties on color-coated steel: asked Vietnam to ...": the label raises it
            raiser, owner = labelled, addressee if addressee != labelled else None
        return {"line": (s0, e0), "owner": owner, "measure": measure, "item": item, "ask": ask, "ask_tok": ask_tok,
                "label": labelled, "raiser": raiser, "rest": pos + split.end() if split else measure[1]}

    def _relief_measure(self, index: EntityIndex, cues: Cues, verb: Token, subj: list[Token], owned_only: bool = False) -> Optional[tuple[str, object]]:
        """What a party gives way on: a regulation under the verb, else its measure phrase ("the
        application of its mandatory standard for steel wire ropes" → "mandatory standard for steel wire
        ropes"), one owned by the party ("its", "their") first."""
        skip = {t.i for t in subj}
        toks = [t for t in verb.subtree if t.i > verb.i and t.i not in skip]
        regs = index.in_tokens(toks, {"REGULATION"})
        if regs:
            return ("entity", regs[0].id)
        heads = cues.words("measure_noun") | cues.words("measure_head")
        cands = [t for t in toks if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod") and (t.lemma_.lower() in heads or t.lower_ in heads)]
        if not cands:
            return None
        owned = [t for t in cands if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in t.children)]
        if owned_only and not owned:
            return None
        t = (owned or cands)[0]
        span = _np(t)
        if span is None:
            return None
        toks_np = [x for x in t.subtree if span[0] <= x.idx < span[1] and x.i <= t.i]
        lead = next((x for x in toks_np if not (x.dep_ in ("det", "poss") or x.is_punct)), t)
        return ("span", (lead.idx, span[1]))

    def _resolved_list(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, tok: Token, complainants: list[str], events: list[EventRecord]) -> list[EventRecord]:
        """ "Major cases resolved include: ① India's mandatory BIS certification for ..., where ...; ②
        Egypt's ...": one settled concern per item, its owner the respondent."""
        chunks = self._enumerated(sent, tok) or _including_items(doc, sent, tok)
        if len(chunks) < 2:
            return []
        text = text_of(doc)
        skip = set(complainants) | {index.country_for_code(_code(index, c)) for c in complainants} - {None}
        # "resolved four cases of non-tariff barriers in Indonesia ..., including the A and the B": the country of the cases
        sent_owner = next((m.id for m in index.mentions if m.label == "COUNTRY" and sent.start_char <= m.start < sent.end_char
                           and m.id not in skip and m.start < chunks[0][0]), None)
        date = event_date(self.find_dates, doc, sent, tok, min_precision=1)
        if date is None:
            # "MOTIE said it resolved 15 cases in the first half of the year. Major cases resolved are as follows."
            resolve = cues.words("resolve_word")
            for prev in reversed([x for x in self._sents if x.end_char <= sent.start_char][-2:]):
                anchor = next((t for t in prev if t.lower_ in resolve or t.lemma_.lower() in resolve), None)
                if anchor is not None:
                    date = event_date(self.find_dates, doc, prev, anchor, min_precision=1)
                    break
        out = []
        for s0, e0 in chunks:
            cut = re.search(r",\s+(?:where|which|whereby|under which|for which|after|as)\b", text[s0:e0])
            if cut:
                e0 = s0 + cut.start()
            owner, start = None, s0
            for m in index.mentions:
                if m.label == "COUNTRY" and s0 <= m.start <= s0 + 5 and m.id not in skip:
                    owner = m.id
                    pm = re.match(r"[’']s\s+|\s*[:–—]\s+|\)\s*", text[m.end:e0])  # "India's A", "India: A", "(India) A"
                    if pm:
                        start = m.end + pm.end()
                    break
            # "① China's new labelling rules on imported food: the implementation was postponed ..."
            cut = re.search(r"\s*:\s+|\s+[–—-]+>?\s+|\s*[→⇒]\s*", text[start:e0])
            if cut and cut.start() > 3:
                e0 = start + cut.start()
            if owner is None:
                owner = sent_owner
            if owner is None:
                continue
            regs = [m for m in index.mentions if m.label == "REGULATION" and start <= m.start and m.end <= e0]
            args = [ent_arg("complainant", c) for c in complainants]
            args.append(ent_arg("respondent", owner))
            args.append(ent_arg("measure", regs[0].id) if regs else span_arg("measure", (start, e0)))
            out.append(EventRecord(type="TRADE_CONCERN", trigger=(tok.idx, tok.idx + len(tok.text)), date=date, attributes={}, arguments=args))
        return out if len(out) >= 2 else []

    def _table_rows(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, cue: Token, before: list[EventRecord], raisers: Optional[list[str]] = None) -> list[EventRecord]:
        """A table of concerns after the sentence that announces them: one row per line, cells split by
        tabs, one cell a country (the respondent), the next the measure, a later one the request."""
        text = text_of(doc)
        pos = text.find("\n", sent.end_char - 1)
        rows = []
        while 0 <= pos < len(text) - 1:
            end = text.find("\n", pos + 1)
            end = len(text) if end < 0 else end
            line = text[pos + 1:end]
            sep = "\t" if "\t" in line else ("|" if line.count("|") >= 1 else None)
            if sep is None:
                if rows or not line.strip() or len(rows) == 0 and pos > sent.end_char + 200:
                    break
                pos = end  # a header line without tabs (a table title) may come first
                continue
            cells, offset = [], pos + 1
            for cell in line.split(sep):
                lead = len(cell) - len(cell.lstrip())
                cells.append((offset + lead, offset + len(cell.rstrip())))
                offset += len(cell) + 1
            rows.append(cells)
            pos = end
        out: list[EventRecord] = []
        complainants = list(raisers or []) or ([a.entity for a in before[-1].arguments if a.role == "complainant" and a.entity] if before else [])
        if not complainants:
            home = home_country(index)
            complainants = [home] if home else []
        meeting = meeting_before(doc, cue.idx) if self.meeting_context else None
        skip = set(complainants) | {index.country_for_code(_code(index, c)) for c in complainants} - {None}
        for cells in rows:
            country = None
            for k, (s0, e0) in enumerate(cells):
                found = [m for m in index.mentions if m.label == "COUNTRY" and s0 <= m.start and m.end <= e0 and m.id not in skip]
                if found and e0 - s0 <= len(text[found[0].start:found[0].end]) + 3:
                    country = (k, found[0].id)
                    break
            if country is None or country[0] + 1 >= len(cells):
                continue  # a header row ("Country  Regulation  Request") or a row without a country cell
            ms, me = cells[country[0] + 1]
            if me - ms < 3:
                continue
            regs = [m for m in index.mentions if m.label == "REGULATION" and ms <= m.start and m.end <= me]
            item = ("entity", regs[0].id) if regs else ("span", (ms, me))
            req = cells[country[0] + 2] if country[0] + 2 < len(cells) and cells[country[0] + 2][1] - cells[country[0] + 2][0] > 3 else None
            out.extend(self._build(doc, index, cues, sent, cue, [], complainants, [item], {0: country[1]}, [req] if req else [], meeting, None, skip))
        return out if len(out) >= 2 else []

    def _bullets(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, tok: Token, before: list[EventRecord], raisers: Optional[list[str]] = None) -> list[EventRecord]:
        """One event per listed item after "the regulations raised ... are as follows:", each item's
        owner its respondent and its "(request: ...)" its request."""
        chunks = self._enumerated(sent, tok)
        if len(chunks) < 2:
            return []
        text = text_of(doc)
        agent = [t for c in tok.children if c.dep_ == "agent" for t in c.subtree]
        complainants = actors(index, cues, agent, sent, doc, COMPLAINANT_LABELS)[:2] if agent else list(raisers or [])
        if not complainants and before:
            complainants = [a.entity for a in before[-1].arguments if a.role == "complainant" and a.entity]
        if not complainants:
            home = home_country(index)
            complainants = [home] if home else []
        meeting = meeting_before(doc, tok.idx) if self.meeting_context else None
        skip = set(complainants) | {index.country_for_code(_code(index, c)) for c in complainants} - {None}
        out: list[EventRecord] = []
        for s0, e0 in chunks:
            chunk = text[s0:e0]
            if _clause_chunk(doc, s0, e0, index):
                continue  # "▲ On May 31, it sent opinions to Turkey's Ministry of Economy on ...": a sentence of its own
            request = None
            rm = re.search(r"\(\s*(?:request|requests|requested|ask|asks)\s*:\s*([^()]*(?:\([^()]*\)[^()]*)*)\)", chunk, re.I) \
                or re.search(r"\s[–—-]\s+(?:request(?:ed|s)?|ask(?:ed|s)?|call(?:ed)? for)\s*:?\s+(.+?)\s*$", chunk, re.I)
            if rm:
                request = (s0 + rm.start(1), s0 + rm.start(1) + len(rm.group(1).rstrip(" .;")))
                e0 = s0 + len(chunk[:rm.start()].rstrip())
            else:
                # "(Steel) India's QCOs on steel, requesting a grace period", "(EU) ESPR: asked for ..."
                parsed = self._line_item(doc, index, cues, s0, e0, _code(index, complainants[0]) if complainants else None)
                if parsed is not None and (parsed["ask"] is not None or parsed["measure"][1] < e0 or parsed["measure"][0] > s0 + 1):
                    if parsed["owner"] in skip:
                        continue
                    evs = self._build(doc, index, cues, sent, tok, [], complainants, [parsed["item"]], {0: parsed["owner"]} if parsed["owner"] else {},
                                      [parsed["ask"]] if parsed["ask"] else [], meeting, None, skip)
                    out.extend(evs)
                    continue
            owner = None
            start = s0
            om = re.match(r"\s*(?:the\s+)?", text[s0:e0])
            for m in index.mentions:
                if m.label == "COUNTRY" and s0 <= m.start <= s0 + (om.end() if om else 0) + 1 and m.id not in skip:
                    owner = m.id
                    pm = re.match(r"[’']s\s+|\s*[:–—]\s+", text[m.end:e0])  # "India's A", "India: A", "India – A"
                    if pm:
                        start = m.end + pm.end()
                    break
            regs = [m for m in index.mentions if m.label == "REGULATION" and start <= m.start and m.end <= e0]
            item = ("entity", regs[0].id) if regs else ("span", (start, e0))
            if item[0] == "span" and e0 - start < 3:
                continue
            evs = self._build(doc, index, cues, sent, tok, [], complainants, [item], {0: owner} if owner else {},
                              [request] if request else [], meeting, None, skip)
            out.extend(evs)
        return out

    def _broad_items(self, index: EntityIndex, cues: Cues, sent: Span, verb: Token, needs_owner: bool, fallback_owner: Optional[str] = None) -> list[tuple[str, object, Optional[str]]]:
        """(kind, measure, owner country) for each measure named under a verb, outer phrases only."""
        heads = cues.words("measure_noun") | cues.words("measure_head")
        scope = []
        for t in verb.subtree:
            if t.i <= verb.i or not (sent.start <= t.i < sent.end):
                continue
            path = ancestors_until(t, verb)
            concern_nouns = cues.words("concern_noun")
            if any((x.dep_ in ("relcl", "advcl", "mark", "parataxis", "appos") or x.dep_ == "acl" and x.i != t.i and x.pos_ == "VERB" and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in x.children))
                    # "the difficulties Korean firms face under Saudi Arabia's local content requirements"
                    and not (x.dep_ in ("relcl", "acl") and x.head.lemma_.lower() in concern_nouns) for x in path):
                continue
            if any(x.pos_ == "VERB" and x.lemma_.lower() in cues.words("broad_verb") | cues.words("broad_ask_verb") for x in path[1:] if x.i != verb.i):
                continue  # a nested raising verb reports its own concern
            scope.append(t)
        ids = {t.i for t in scope}
        found: list[tuple[str, object, Optional[str]]] = []
        used: set[int] = set()
        for m in index.in_tokens(scope, {"REGULATION"}):
            found.append(("entity", m.id, self._owner(index, cues, m.span.root)))
            used.update(range(m.span.start, m.span.end))
        for t in scope:
            if t.i in used or t.pos_ not in ("NOUN", "PROPN") or t.dep_ in ("compound", "amod", "poss", "npadvmod"):
                continue
            if t.lemma_.lower() not in heads and t.lower_ not in heads and not (
                    # "took issue with Korea's plan to require KC certification", "China's exclusion of EVs
                    # ... from its subsidy list": the object another country owns, under a raising verb
                    not needs_owner and t.pos_ == "NOUN" and t.lemma_.lower() not in _STANCE_NOUNS
                    and (t.dep_ == "dobj" and t.head.i == verb.i or t.dep_ == "pobj" and t.head.head.i == verb.i)
                    and any(c.dep_ == "poss" and index.at(c) is not None and index.at(c).label == "COUNTRY" for c in t.children)):
                continue
            # the outer measure phrase only ("restrictions on imports of beef"), conjuncts apart
            outer = False
            cur = t
            while cur.head.i != cur.i and cur.head.i in ids:
                if cur.dep_ != "conj" and cur.head.pos_ in ("NOUN", "PROPN") and (cur.head.lemma_.lower() in heads or cur.head.lower_ in heads):
                    outer = True
                    break
                cur = cur.head
            if outer:
                continue
            rel = {y.i for x in t.subtree if x.dep_ == "relcl" for y in x.subtree}
            if any(index.at(x) is not None and index.at(x).label in ("MONEY", "PERCENT") and x.i not in rel for x in t.subtree):
                continue  # "raised tariffs to 25 percent": a measure taken, not a concern raised ("..., which has stood at 513 percent" is not)
            if any(x.dep_ == "prep" and x.lower_ in cues.words("basis_prep") and not (x.lower_ == "with" and x.head.i == verb.i) for x in ancestors_until(t, verb)[1:]):
                continue  # "under the WTO's dispute settlement procedures", "align it with IEC standards": a basis, not a measure
            span = _np(t)
            if span is None:
                continue
            toks = [x for x in t.subtree if span[0] <= x.idx < span[1]]
            regs = index.in_tokens(toks, {"REGULATION"})
            owner = self._owner(index, cues, t) or fallback_owner
            direct = any(c.dep_ in ("poss", "compound", "amod", "nmod") and index.at(c) is not None for c in t.children)
            if not direct and t.dep_ == "dobj" and t.head.i == verb.i and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children):
                # "Korea will raise the export restrictions again at the General Council": the measure raised before
                words = {w[:5] for w in re.findall(r"[a-z][a-z-]{3,}", " ".join(x.lower_ for x in t.subtree if x.i <= t.i)) if w not in _GENERIC_MEASURE_WORDS}
                words |= {t.lower_[:5]}
                for ev in reversed(self._so_far):
                    if ev.type != "TRADE_CONCERN" or sent.start_char <= ev.trigger[0] < sent.end_char:
                        continue  # a measure of this very sentence is another one
                    mtext = " ".join(text_of(index.doc)[a.span[0]:a.span[1]] if a.span is not None else index.entities[a.entity].name
                                     for a in ev.arguments if a.role == "measure" and (a.span is not None or a.entity in index.entities)).lower()
                    if words & {w[:5] for w in re.findall(r"[a-z][a-z-]{3,}", mtext)}:
                        owner = next((a.entity for a in ev.arguments if a.role == "respondent" and a.entity), None)
                        break
            if regs and regs[0].span.root.head.i == t.i and regs[0].span.root.dep_ in ("compound", "nmod", "amod"):
                regs = []  # "the Section 232 investigation into imported automobiles": the investigation is the measure
            if regs:
                # "the guardrail provisions of the CHIPS and Science Act": the act is the measure
                if regs[0].id not in {f[1] for f in found}:
                    found.append(("entity", regs[0].id, owner or self._owner(index, cues, regs[0].span.root)))
                used.update(x.i for x in toks)
                continue
            exempt = any(x.lemma_.lower() in ("exempt", "exclude", "spare", "exemption", "relief") for x in ancestors_until(t, verb))
            if owner is None and not exempt and (needs_owner or not index.in_tokens(toks, {"COUNTRY"})):
                continue  # ("asked that Korea be exempted from the upcoming reciprocal tariffs": the other side's, unnamed)
            # the measure without its owner in front: "Vietnam's draft technical regulation" → "draft technical regulation ..."
            lead = [x for x in toks if x.i < t.i and (x.dep_ in ("det", "poss", "case") or x.head.dep_ == "poss" and x.head.i < t.i
                    or index.at(x) is not None and index.at(x).label in ("COUNTRY", "MINISTRY", "ORG"))]
            start_tok = next((x for x in toks if x.i not in {y.i for y in lead} and not x.is_punct), t)
            found.append(("span", (start_tok.idx, span[1]), owner))
            used.update(x.i for x in toks)
        return found

    def _owner(self, index: EntityIndex, cues: Cues, head: Token) -> Optional[str]:
        """The country whose measure a phrase names: "Vietnam's", "the EU's", "U.S.", "Indonesian", "of India"."""
        for c in head.children:
            ref = index.at(c) if c.dep_ in ("poss", "compound", "amod", "nmod") else None
            if ref is None and c.dep_ in ("poss", "compound", "amod", "nmod"):
                # "the Saudi Standards Organization's", "Korea's" via its last token
                ref = next((index.at(x) for x in c.subtree if index.at(x) is not None), None)
            if ref is not None:
                if ref.label == "COUNTRY":
                    return ref.id
                if ref.label == "MINISTRY":
                    # a government body's measure is its country's ("MOFCOM's ruling"); an international body has none
                    return index.country_for_code(body_country(index, ref.id))
            if c.dep_ in ("amod", "compound") and c.lower_ in cues.mapping("demonym", "code"):
                eid = index.country_for_code(cues.mapping("demonym", "code")[c.lower_])
                if eid:
                    return eid
            if c.dep_ == "poss" and c.pos_ == "PROPN" and c.lower_ in cues.mapping("capital", "code"):
                # "Seoul's reimbursement pricing": a capital stands for its country
                eid = index.country_for_code(cues.mapping("capital", "code")[c.lower_])
                if eid:
                    return eid
            if c.dep_ == "prep" and c.lower_ in ("of", "by"):
                for o in c.children:
                    ref = index.at(o)
                    if o.dep_ == "pobj" and ref is not None and ref.label == "COUNTRY":
                        return ref.id
            if c.dep_ == "relcl":
                # "the safety certification South Korea requires for imported appliances"
                for x in c.children:
                    ref = index.at(x)
                    if x.dep_ == "nsubj" and ref is not None and ref.label == "COUNTRY":
                        return ref.id
        return None

    def _events(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, tok: Token, obj_toks: list[Token], measures, src_tokens: Optional[list[Token]] = None, skip_verbs: tuple = ()) -> list[EventRecord]:
        meeting = meeting_before(doc, tok.idx) if self.meeting_context else None
        # complainant
        if src_tokens is None:
            verb = tok
            subj = _subject(verb)
            agent = [t for c in tok.children if c.dep_ == "agent" for t in c.subtree]
            if tok.lemma_.lower() in ("hear", "receive", "listen", "note", "address") and not agent:
                # "hear concerns from members of Congress": the concern's source raises it
                for t in obj_toks:
                    # "heard concerns from members of Congress", "concerns raised by the U.S. side"
                    if (t.dep_ == "prep" and t.lower_ in ("from", "by") or t.dep_ == "agent") and (
                            t.head.lemma_.lower() in cues.words("concern_noun") or t.head.dep_ == "acl" and t.head.head.lemma_.lower() in cues.words("concern_noun")):
                        # "concerns from members of Congress regarding Korea's ...": the source ends before the topic
                        agent = [x for x in t.subtree if not _under_topic_prep(x, t, cues.words("measure_prep"))]
                        break
                if tok.lemma_.lower() in ("hear", "receive", "listen"):
                    subj = []
            src_tokens = agent or subj
        speaker = _quote_speaker(doc, index, sent, tok) if len(src_tokens) == 1 and src_tokens[0].lower_ in ("we", "i") else None
        if speaker is None and not self._so_far and (len(src_tokens) == 1 and src_tokens[0].lower_ == "it" or not src_tokens and tok.pos_ == "VERB"):
            speaker = _reporter_of(index, src_tokens[0] if src_tokens else tok)  # "MAFRA announced that it ... raised concerns"
        # '"We conveyed our concerns about ...," said Minister Yeo': the speaker raised them
        found_actors = actors(index, cues, src_tokens, sent, doc, COMPLAINANT_LABELS)
        # "concerns raised by the EU, the United States and Japan": every member that raised them
        complainants = [speaker] if speaker else found_actors[:4] if len(found_actors) > 2 and all(index.label(a) == "COUNTRY" for a in found_actors) else found_actors[:2]
        if not complainants and not src_tokens and any(c.dep_ == "auxpass" for c in tok.children):
            # "Concerns were also voiced about Vietnam's new emission standards": by whoever raised the ones before
            before = [ev for ev in self._so_far if ev.type == "TRADE_CONCERN"]
            complainants = [a.entity for a in before[-1].arguments if a.role == "complainant" and a.entity] if before else []
            if not complainants:
                complainants = self._lead_body(doc, index)
        continued = None
        if not complainants:
            complainants = self._pronoun_complainants(src_tokens)
            continued = self._so_far[-1] if complainants and self._so_far and complainants == [
                a.entity for a in self._so_far[-1].arguments if a.role == "complainant" and a.entity] else None
        # measures
        # "Section 232 of the Trade Expansion Act of 1962" is one measure: the act names where the section sits
        measures = [m for m in measures if not (m.span.root.dep_ == "pobj" and m.span.root.head.lower_ == "of" and any(
            o is not m and o.span.start <= m.span.root.head.head.i < o.span.end for o in measures))]
        heads = {"investigation", "investigations", "probe", "probes", "inquiry", "review", "quota", "quotas"}
        # "on the Section 232 investigation into imports of automobiles": the investigation is the measure, not the law
        measures = [m for m in measures if not (m.span.root.dep_ in ("compound", "nmod", "amod") and m.span.root.head.lemma_.lower() in heads
                                                and m.span.root.head.i >= m.span.end)]
        items: list[tuple[str, object]] = [("entity", m.id) for m in dict((m.id, m) for m in measures).values()]
        owners: dict[int, str] = {}  # item position -> the country that owns that measure
        skip = set(complainants) | {index.country_for_code(_code(index, c)) for c in complainants} - {None}
        # "including the EU's A, India's B and China's C", "on measures of the EU (A), India (B) and ..."
        region = _list_region_after(doc, sent, tok)
        listed = _country_items(doc, index, region[0], region[1], skip) if region else []
        if not listed and tok.pos_ == "VERB" and obj_toks:
            # "raised concerns about India's A and Indonesia's B": the owners split the object
            lo, hi = min(t.idx for t in obj_toks), max(t.idx + len(t) for t in obj_toks)
            listed = _country_items(doc, index, max(lo, tok.idx), hi, skip) if lo > tok.idx else []
        if tok.lemma_.lower() in cues.words("request_verb") and self._so_far and self._party_requests(doc, index, sent, tok):
            return []  # "requested acceptance of test reports (India, the Philippines) and a transition period (Saudi Arabia)"
        item_reqs: dict[int, tuple[int, int]] = {}
        if not listed and region is not None:
            # "concerns ... regarding Korea's technical regulations, including the amendment of ... and the labelling
            # standards for cosmetics": the listed items, owned by the owner of the umbrella phrase
            chunks = _including_items(doc, sent, tok)
            umbrella = next((m for m in index.mentions if m.label == "COUNTRY" and tok.idx < m.start < region[0] and m.id not in skip
                             and re.match(r"[’']s?\s+(?:\w+\s+){0,2}(?:regulations|measures|rules|requirements|policies|standards)\b", text_of(doc)[m.end:region[0]])), None)
            if len(chunks) >= 2 and umbrella is not None:
                listed = [(c0, c1, umbrella.id) for c0, c1 in chunks]
                measures = []
        if listed:
            items = []
            text = text_of(doc)
            for k, (s_, e_, cid) in enumerate(listed):
                # "the EU's Deforestation Regulation (requesting simplified procedures), China's ..."
                pr = re.search(r"\s*\(\s*(?:request(?:ing|ed|s)?|ask(?:ing|ed)?|call(?:ing|ed)?\s+for|seek(?:ing)?|urging)\s*:?\s*(?:for\s+)?([^()]+)\)\s*$", text[s_:e_], re.I)
                if pr:
                    item_reqs[k] = (s_ + pr.start(1), s_ + pr.start(1) + len(pr.group(1).rstrip(" .;")))
                    e_ = s_ + pr.start()
                reg = _regulation_item(index, s_, e_)
                items.append(("entity", reg) if reg else ("span", (s_, e_)))
                if cid:
                    owners[k] = cid
        # "KATS raised 12 specific trade concerns (STCs) ... These included the EU's A, India's B, ..."
        if not listed and not any(k == "entity" for k, _ in items) and len(measures) == 0:
            nxt = _next_sentence_list(doc, index, sent, skip)
            if len(nxt) >= 2:
                items = [(k, it) for k, it, _ in nxt]
                owners = {k: o for k, (_, _, o) in enumerate(nxt) if o}
        stext = text_of(doc)[sent.start_char:sent.end_char]
        if _FOLLOWING.search(stext):
            # "raised concerns on the following measures." and a list or a table after it
            items = [it for it in items if it[0] == "entity"]
            if not items:
                listed_lines = self._bullets(doc, index, cues, sent, tok, self._so_far, complainants) or self._table_rows(doc, index, cues, sent, tok, self._so_far, complainants)
                if len(listed_lines) >= 2:
                    if self._enumerated(sent, tok):
                        self._read_until = max(e for _, e in self._enumerated(sent, tok))
                    return listed_lines
                return []
        if not items and re.search(r":\s*$", stext):
            # "Key concerns raised by Korea:" and one line per measure ("- India: quality control orders –
            # requested ..."): each line's owner, measure and request
            listed_lines = self._bullets(doc, index, cues, sent, tok, self._so_far)
            if len(listed_lines) >= 2:
                # the lines are read: their "requested ..." are requests, not concerns of their own
                self._read_until = max(e for _, e in self._enumerated(sent, tok))
                return listed_lines
        if not items:
            for span in self._enumerated(sent, tok):
                if _clause_chunk(doc, span[0], span[1], index):
                    continue
                # "first, the EU's steel safeguard measure, which expires in June; second, the CBAM"
                kind, item, owner = _clean_chunk(doc, index, span, skip)
                if owner is not None:
                    owners[len(items)] = owner
                items.append((kind, item))
        if not items:
            for span in _such_as(cues, sent, tok):
                items.append(("span", span))
        if not items:
            fronted = _fronted_measure(cues, index, tok)
            if fronted is not None:
                items.append(("span", fronted))
                self._follow_up = True
        if not items:
            span = self._measure_span(cues, tok, obj_toks, index)
            if span is None:
                span = _clause_subject_measure(cues, obj_toks)
            if span is not None:
                items.extend(("span", sp) for sp in _split_coordinated(doc, span))
        if not items and any(c.dep_ == "dobj" and _REFERRING.fullmatch(text_of(doc)[c.left_edge.idx:c.idx + len(c.text)]) for c in tok.children):
            # "India initiated an anti-dumping investigation into Korean steel. MOTIR will raise the issue at ..."
            prev = self._previous_measure(doc, index, cues, sent, skip)
            if prev is not None:
                items.append((prev[0], prev[1]))
                if prev[2]:
                    owners[0] = prev[2]
        if not items and tok.dep_ == "conj" and tok.head.pos_ == "VERB":
            # "outlined Korea's digital legislation and heard concerns raised by the U.S. side"
            for c in tok.head.children:
                if c.dep_ == "dobj" and c.i < tok.i:
                    span = _np(c)
                    if span is not None:
                        items.append(("span", span))
                        obj_toks = list(obj_toks) + list(c.subtree)
                    break
        if not items and self._pronoun_complainants(src_tokens) and self._so_far:
            # "It also noted that the measure should not ... and called for a mutually agreeable solution"
            request = self._request(cues, sent, tok, index)
            if request is not None:
                self._add_requests([request])
            return []
        if not items:
            return []
        requests = _obligations(tok) if tok.lemma_.lower() in ("emphasize", "emphasise", "stress", "note", "highlight", "convey", "express", "point") else []
        request = self._request(cues, sent, tok, index, skip_verbs)
        if request is not None:
            requests.insert(0, request)
        if len(items) == 1 and items[0][0] == "span" and _anaphoric(text_of(doc)[items[0][1][0]:items[0][1][1]]) and self._so_far:  # type: ignore[index]
            # "He requested that Japan withdraw the measures": the request of the concern just raised
            self._add_requests(requests)
            return []
        if item_reqs:
            built = []
            for k, it in enumerate(items):
                own = {0: owners[k]} if k in owners else {}
                built.extend(self._build(doc, index, cues, sent, tok, obj_toks, complainants, [it], own,
                                         [item_reqs[k]] if k in item_reqs else requests, meeting, continued, skip))
        else:
            built = self._build(doc, index, cues, sent, tok, obj_toks, complainants, items, owners, requests, meeting, continued, skip)
        if getattr(self, "_follow_up", False):
            # "For Indonesia's halal requirements, it called for ...": may name a measure raised before in other words
            self._soft.update(id(ev) for ev in built)
            self._follow_up = False
        return built

    def _asks_of_raised(self, doc: Doc, index: EntityIndex, cues: Cues, asked, item) -> bool:
        """Whether an ask names no measure of its own but one of the asked parties' concerns raised before
        ("... recognize battery recycling certificates issued in Korea under their EPR rules"): then its
        request goes to each asked party's concern about that measure."""
        text = text_of(doc)
        (_, span), req, _ = item
        owned = re.search(r"\b(?:its|their)\s+((?:[\w()-]+\s+){0,4}[\w()-]+)", text[req[0]:req[1]])
        named = cues.words("asked_measure_noun")
        head = re.findall(r"[a-z]+", text[span[0]:span[1]].lower())
        if owned is None and not (head and head[-1] in named):
            return False
        countries = []
        for m in asked:
            cid = m.id if m.label == "COUNTRY" else index.country_for_code(m.entity.attributes.get("country"))
            if cid and cid not in countries:
                countries.append(cid)
        # "the EU and India": conjoined countries after the first
        for m in index.mentions:
            if m.label == "COUNTRY" and m.id not in countries and countries and any(
                    re.fullmatch(r"\s+and\s+", text[x.end:m.start]) for x in index.mentions if x.id in countries and x.end <= m.start):
                if m.start < req[0]:
                    countries.append(m.id)
        if not countries:
            return False
        stop = _GENERIC_MEASURE_WORDS | {"from", "with", "under", "into", "over", "that", "this", "their", "member", "states", "products",
                                         "imports", "exports", "foreign", "korean", "goods", "procedures", "approval", "the", "and", "for"}
        key_words = {w.lower()[:5] for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", owned.group(1) if owned else text[span[0]:span[1]]) if w.lower() not in stop}
        targets = []
        for cid in countries:
            prior = [ev for ev in self._so_far if ev.type == "TRADE_CONCERN" and any(a.role == "respondent" and a.entity == cid for a in ev.arguments)]
            fit = [ev for ev in prior if key_words & {w.lower()[:5] for w in re.findall(r"[A-Za-z][A-Za-z-]{2,}", " ".join(
                text[a.span[0]:a.span[1]] for a in ev.arguments if a.role == "measure" and a.span is not None))}]
            pick = fit[-1] if fit else None
            if pick is None:
                return False
            targets.append(pick)
        for ev in targets:
            ev.arguments.append(span_arg("request", req))
        return True

    def _claimed_measure(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, tok: Token) -> Optional[tuple[tuple[str, object], str]]:
        """The measure a claim is about: "argued that Japan's tighter licensing of exports ... is ...",
        "alleged that Korea's management of sensitive items had been inadequate" → (item, owner)."""
        text = text_of(doc)
        m = re.match(r"\s+that\s+(?:the\s+)?", text[tok.idx + len(tok.text):sent.end_char])
        if m is None:
            return None
        at = tok.idx + len(tok.text) + m.end()
        c = next((x for x in index.mentions if x.label == "COUNTRY" and x.start == at), None)
        if c is None:
            return None
        pm = re.match(r"[’']s?\s+", text[c.end:sent.end_char])
        if pm is None:
            return None
        s0 = c.end + pm.end()
        vm = re.search(r"(?:,\s+[^,]{0,60},)?\s+(?:is|was|are|were|has|have|had|would|could|will|may|might|remains?|constitutes?|amounts?)\b", text[s0:sent.end_char])
        if vm is None:
            return None
        e0 = s0 + vm.start()
        regs = [x for x in index.mentions if x.label == "REGULATION" and s0 <= x.start and x.end <= e0]
        heads = cues.words("measure_noun") | cues.words("measure_head") | {"management", "system", "controls", "licensing", "practices"}
        if not regs and not any(w.lower() in heads for w in re.findall(r"[A-Za-z-]+", text[s0:e0])):
            return None
        return (("entity", regs[0].id) if regs else ("span", (s0, e0)), c.id)

    def _party_requests(self, doc: Doc, index: EntityIndex, sent: Span, tok: Token) -> bool:
        """Requests labelled with the parties they are addressed to, added to those parties' concerns
        raised before: "Korea requested acceptance of test reports (India, the Philippines) and a
        transition period of at least 12 months (Saudi Arabia)". True when every label is read."""
        text = text_of(doc)
        seg_start = tok.idx + len(tok.text)
        found = []
        for pm in re.finditer(r"\(([^()]+)\)", text[seg_start:sent.end_char]):
            ps, pe = seg_start + pm.start(1), seg_start + pm.end(1)
            names = [x for x in index.mentions if x.label == "COUNTRY" and ps <= x.start and x.end <= pe]
            rest = re.sub(r"\b(?:the|and)\b|[,\s]", "", text[ps:pe])
            if not names or len(rest) > sum(len(text[x.start:x.end].replace(" ", "")) for x in names) + 2:
                return False
            found.append((seg_start + pm.start(), [x.id for x in names]))
        if not found:
            return False
        targets = {}
        for ev in reversed(self._so_far):
            if ev.type == "TRADE_CONCERN":
                for a in ev.arguments:
                    if a.role == "respondent" and a.entity and a.entity not in targets:
                        targets[a.entity] = ev
        if not all(c in targets for _, ids in found for c in ids):
            return False
        start = seg_start
        for pos, ids in found:
            req = trim([t for t in doc[tok.i + 1:sent.end] if start <= t.idx < pos and not (t.dep_ == "cc" and t.idx == start)])
            if req is None:
                return False
            r0, r1 = req
            r0 += len(re.match(r"(?:and\s+|,\s*)*", text[r0:r1]).group(0))
            for c in ids:
                targets[c].arguments.append(span_arg("request", (r0, r1)))
            close = text.find(")", pos)
            start = close + 1
        return True

    def _previous_measure(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, skip: set) -> Optional[tuple[str, object, Optional[str]]]:
        """The measure the sentence before reports, with its owner, for "the issue" / "the matter"
        ("India's DGTR initiated an anti-dumping investigation into Korean cold-rolled steel")"""
        prev = next((s for s in reversed(self._sents) if s.end_char <= sent.start_char and s.text.strip()), None)
        if prev is None:
            return None
        regs = [m for m in index.mentions if m.label == "REGULATION" and prev.start_char <= m.start < prev.end_char]
        heads = cues.words("measure_noun") | cues.words("measure_head")
        cand = None
        if regs:
            item: tuple[str, object] = ("entity", regs[0].id)
            cand = regs[0].span.root
        else:
            cand = next((t for t in prev if t.pos_ == "NOUN" and t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and (t.lemma_.lower() in heads or t.lower_ in heads)), None)
            if cand is None:
                return None
            span = _np(cand)
            if span is None:
                return None
            lead = next((x for x in cand.subtree if x.idx >= span[0] and not (x.dep_ in ("det", "poss", "case") or x.is_punct or x.head.dep_ == "poss")), cand)
            item = ("span", (lead.idx, span[1]))
        owner = self._owner(index, cues, cand)
        if owner is None:
            # the acting body's country: "India's DGTR initiated ...", "Vietnam imposed ..."
            verb = cand.head if cand.dep_ in ("dobj", "nsubjpass") else cand.head.head if cand.dep_ == "pobj" else None
            subj = _subject(verb) if verb is not None and verb.pos_ in ("VERB", "AUX") else []
            for m in index.in_tokens(subj, {"COUNTRY", "MINISTRY", "ORG"}):
                code = _code(index, m.id) or _name_code(cues, m.entity.name)
                eid = m.id if m.label == "COUNTRY" else index.country_for_code(code)
                if eid:
                    owner = eid
                    break
        if owner is None or owner in skip:
            return None
        return item[0], item[1], owner

    def _build(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, tok: Token, obj_toks: list[Token], complainants: list[str],
               items: list, owners: dict[int, str], requests: list, meeting, continued, skip: set) -> list[EventRecord]:
        """One event per measure item, with the respondent, forum, request and date the context gives."""
        # respondent: a country in or before the measure, else the other side of the meeting
        respondent = self._respondent(index, cues, sent, tok, obj_toks, complainants, meeting)
        if continued is not None:
            # "It further highlighted ...": the same parties as the concern before
            respondent = next((a.entity for a in continued.arguments if a.role == "respondent"), respondent)
        if respondent is None and meeting is not None and complainants:
            # "The Korean side called for close consultation on the Critical Raw Materials Act" at a meeting
            # whose other side is not named as a participant: the document's main other country
            respondent = other_country(index, complainants[0])
        date = event_date(self.find_dates, doc, sent, tok, min_precision=1)
        if date is not None and _measure_dated(self.find_dates, doc, sent, date):
            date = None  # "the EU's provisional safeguard on 23 steel products, in force since July": when the measure began
        if date is None:
            # "plans to raise ... again at the next SPS Committee in March": the session it will be raised at
            text = text_of(doc)
            found = dates_in(self.find_dates, doc, sent, "future")
            nxt = [d for d in found if re.search(r"\b(?:at|during)\s+(?:the\s+)?(?:next|upcoming|coming)\b[^.;]{0,60}?(?:\bin|\bon)\s+$", text[max(sent.start_char, d.start - 80):d.start])]
            if len(nxt) == 1:
                date = nxt[0].value
        if date is None and meeting is not None:
            date = meeting.date
        forum = None
        if meeting is not None and (sent.start_char <= meeting.trigger[0] < sent.end_char or date is not None and date == meeting.date):
            # the body the meeting was held as: a forum participant, or the standing body named as the meeting
            for a in meeting.arguments:
                if a.role == "participant" and a.entity and index.label(a.entity) in BODIES and _is_forum(index.entities[a.entity].name):
                    forum = a.entity
                elif a.role == "name" and a.span is not None and forum is None:
                    ref = next((m for m in index.mentions if m.start == a.span[0] and m.end == a.span[1] and m.label in BODIES), None)
                    if ref is not None:
                        forum = ref.id
        if forum is None:
            forum = _sentence_forum(doc, index, sent)
            if forum is not None and date is None:
                date = _forum_date(self.find_dates, doc, index, sent, forum)
            if forum is not None and forum in complainants:
                complainants = [c for c in complainants if c != forum]  # "at the committee, members raised questions"
        if len(items) >= 2:
            for k, (kind, item) in enumerate(items):
                if k not in owners:
                    own = _item_owner(doc, index, kind, item, skip)
                    if own:
                        owners[k] = own
        out = []
        text = text_of(doc)
        for k, (kind, item) in enumerate(items):
            if kind == "span" and _not_a_measure(doc, cues, item):  # type: ignore[arg-type]
                continue  # "expressed concern over India's widening trade deficit": a trade balance is not a measure
            if kind == "span":
                bare = next((m for m in index.mentions if m.label == "COUNTRY" and item[0] <= m.start  # type: ignore[index]
                             and re.fullmatch(r"(?:the\s+)?", text[item[0]:m.start]) and re.fullmatch(r"[’']s?", text[m.end:item[1]])), None)  # type: ignore[index]
                if bare is not None:
                    # "on the EU's planned CBAM" parsed as "on the EU's": the owner's regulation just after it
                    reg = next((m for m in index.mentions if m.label == "REGULATION" and 0 <= m.start - item[1] <= 25), None)  # type: ignore[index]
                    if reg is None:
                        continue
                    kind, item = "entity", reg.id
                    owners.setdefault(k, bare.id)
            args = [ent_arg("complainant", c) for c in complainants]
            if kind == "span" and k not in owners:
                # "raised concerns with the EU and Japan on China's export controls": the owner in front of the measure
                head = item[0] + len(re.match(r"(?:the\s+)?", text[item[0]:item[1]]).group(0))  # type: ignore[index]
                poss = next((m for m in index.mentions if m.label == "COUNTRY" and m.id not in skip and (
                    0 <= item[0] - m.end <= 8 and re.fullmatch(r"[’']s?\s+(?:the\s+|new\s+)?", text[m.end:item[0]])  # type: ignore[index]
                    or m.start == head and re.match(r"[’']s?\s", text[m.end:m.end + 3]))), None)
                if poss is not None:
                    owners[k] = poss.id
            resp = owners.get(k, respondent)
            if resp is not None and resp not in complainants:
                args.append(ent_arg("respondent", resp))
            if kind == "span":
                item = _without_owner(doc, index, item)  # type: ignore[arg-type]
            args.append(ent_arg("measure", item) if kind == "entity" else span_arg("measure", item))  # type: ignore[arg-type]
            if forum is not None:
                args.append(ent_arg("forum", forum))
            for r in requests:
                args.append(span_arg("request", r))
            out.append(EventRecord(type="TRADE_CONCERN", trigger=(tok.idx, tok.idx + len(tok.text)), date=date, attributes={}, arguments=args))
            if kind == "span" and text[item[0] - 1:item[0]] == "(" and text[item[1]:item[1] + 1] == ")":  # type: ignore[index]
                # "regulations of China (cybersecurity), Egypt (factory registration)": a topic label the text may name later
                self._labels.add(id(out[-1]))
        return out

    def _pronoun_complainants(self, src_tokens: list[Token]) -> list[str]:
        """ "It also noted ...", "He requested ...": the complainant of the concern just raised; for
        "he" / "she", the official who was last the subject of a sentence before, when the concern
        just raised was another side's ("The U.S. side raised ... Minister Kim stressed ... He also
        raised Korea's concerns")."""
        toks = [t for t in src_tokens if not t.is_punct]
        if len(toks) != 1 or toks[0].lower_ not in ("it", "he", "she"):
            return []
        if toks[0].lower_ in ("he", "she"):
            person = _last_subject_person(toks[0])
            if person is not None:
                return [person]
        if toks[0].lower_ == "it" and self._so_far:
            last = [a.entity for a in self._so_far[-1].arguments if a.role == "complainant" and a.entity]
            party = _last_subject_person(toks[0], ("COUNTRY", "MINISTRY", "ORG"))
            if party is not None and party not in last and any(a.role == "respondent" and a.entity == party for a in self._so_far[-1].arguments):
                # "Japan alleged that Korea's ... Korea took the floor on two items. On the EU's ..., it asked ...":
                # the party just complained about, named again as a subject, speaks now
                return [party]
        if not self._so_far:
            return []
        return [a.entity for a in self._so_far[-1].arguments if a.role == "complainant" and a.entity]

    def _add_requests(self, requests: list[tuple[int, int]]) -> None:
        last = self._so_far[-1]
        for ev in self._so_far:
            if ev.trigger == last.trigger:
                for r in requests:
                    if not any(a.role == "request" and a.span == r for a in ev.arguments):
                        ev.arguments.append(span_arg("request", r))

    def _names_measure(self, index: EntityIndex, cues: Cues, tok: Token, obj: list[Token], is_request: bool) -> bool:
        """Whether a raising or requesting verb's object names another party's measure by itself."""
        lemma = tok.lemma_.lower()
        if lemma not in ("raise", "voice", "flag", "lodge", "protest", "request", "question"):
            return False
        mnouns = cues.words("measure_noun")
        for o in obj:
            if o.dep_ != "dobj" or o.lemma_.lower() not in mnouns and o.lower_ not in mnouns:
                continue
            clause = {x.i for t in o.subtree if t.dep_ in ("relcl", "acl") and t.head.i != o.i or t.dep_ == "relcl" for x in t.subtree}
            if any((t.lower_ in ("%", "percent") or index.at(t) is not None and index.at(t).label in ("MONEY", "PERCENT")) and t.i not in clause for t in o.subtree):
                return False  # "raised tariffs to 25 percent" is a measure taken, not raised as a concern
            if is_request:
                return True
            owner = [c for c in o.children if c.dep_ == "poss" and index.at(c) is not None and index.at(c).label == "COUNTRY"]
            return bool(owner) or any(c.dep_ == "prep" and c.lower_ in ("of", "under", "on") for c in o.children)
        return False

    def _asked(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, tok: Token) -> list[EventRecord]:
        """ "asked Vietnam to resolve delays in VAT refunds", "urged Japan to withdraw the measures":
        a request to another party to change what its measure does, one event per thing asked."""
        targets = [c for c in tok.children if c.dep_ in ("dobj", "nsubj") and c.i > tok.i]
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
        if tok.lemma_.lower() == "call":
            on = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "on"]
            targets += [o for p in on for o in p.children if o.dep_ == "pobj"]
        if not comps:
            return []
        if not targets:
            # "proposed that the Korean side speed up ...": the asked party is the clause's subject
            targets = [c for v in comps for c in v.children if c.dep_ == "nsubj"]
        if not targets:
            return []
        target_toks = [t for x in targets for t in x.subtree]
        asked = [m for m in index.in_tokens(target_toks, {"COUNTRY", "MINISTRY", "OFFICIAL"})]
        side = any(t.lower_ in ("side", "government") for t in target_toks)
        if not asked and not side:
            return []
        mnouns = cues.words("measure_noun")
        items = []
        split = _coordinated_asks(doc, index, tok)
        if split:
            return self._asked_each(doc, index, cues, sent, tok, split)
        for v in comps:
            for verb in [v] + [c for c in v.conjuncts if c.i != v.i and c.pos_ == "VERB"]:
                vt = [t for t in verb.subtree if not _under_verb_conj(t, verb)]
                regs = index.in_tokens(vt, {"REGULATION"})
                nps = [t for t in vt if t.dep_ in ("dobj", "pobj") and t.pos_ in ("NOUN", "PROPN") and t.head.i in {verb.i} | {c.i for c in verb.children}]
                named = mnouns | cues.words("asked_measure_noun") | (cues.words("measure_head") if verb.lemma_.lower() in cues.words("relief_verb") else frozenset())
                with_noun = [t for t in nps if any(x.lemma_.lower() in named or x.lower_ in named for x in t.subtree)]
                owned = None
                if not regs and not with_noun:
                    # "asked Thailand to delay the implementation of its mandatory standards for air conditioners"
                    owned = self._relief_measure(index, cues, verb, [], owned_only=True)
                    if owned is None:
                        continue
                req = trim([t for t in vt if not (t.dep_ == "aux" and t.lower_ == "to" and t.head.i == verb.i) and not (t.dep_ == "nsubj" and t.head.i == verb.i) and not any(a.dep_ == "nsubj" and a.head.i == verb.i for a in ancestors_until(t, verb))])
                if not regs and owned is None:
                    # "seek talks on India's import tariffs": the measure noun inside the object, without its owner
                    top = with_noun[0]
                    inner = top if (top.lemma_.lower() in named or top.lower_ in named) else next(
                        (x for x in top.subtree if x.pos_ == "NOUN" and x.dep_ not in ("compound", "amod") and (x.lemma_.lower() in mnouns or x.lower_ in mnouns)), top)
                    sp = _np(inner)
                    owned = ("span", _without_owner(doc, index, sp)) if sp is not None else None
                if not regs and verb.lemma_.lower() in _REMEDY_VERBS and not any(
                        c.dep_ == "poss" for t in with_noun[:1] for x in t.subtree for c in x.children):
                    continue  # "to allocate country-specific quotas", "to accept virtual inspections": what is asked for, not a measure
                measure = ("entity", regs[0].id) if regs else (owned if owned is not None else ("span", _np(with_noun[0])))
                if measure[1] is None:
                    continue
                items.append((measure, req, vt))
        if not items:
            return []
        subj = [t for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i for t in c.subtree]
        if not subj and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.pos_ == "VERB":
            subj = [t for c in tok.head.children if c.dep_ == "nsubj" for t in c.subtree]
        complainants = actors(index, cues, subj, sent, doc, COMPLAINANT_LABELS)[:2] or self._pronoun_complainants(subj)
        asked_codes = {_code(index, m.id) or m.entity.attributes.get("country") for m in asked} - {None}
        if complainants and all((_code(index, c) or body_country(index, c)) in asked_codes for c in complainants):
            # "Korea said that India's QCOs had delayed exports ... and asked India to speed up certification":
            # the parse gave "asked" the subject of the clause before; who asks is the sentence's subject
            root = sent.root
            top = [t for c in root.children if c.dep_ == "nsubj" for t in c.subtree]
            complainants = [c for c in actors(index, cues, top, sent, doc, COMPLAINANT_LABELS)[:2]
                            if (_code(index, c) or body_country(index, c)) not in asked_codes]
        region = _list_region_after(doc, sent, tok)
        skip_l = set(complainants) | {index.country_for_code(_code(index, c)) for c in complainants} - {None}
        listed = _country_items(doc, index, region[0], region[1], skip_l) if region else []
        if len(listed) >= 2 and len(items) <= 1:
            # "urged the EU, China and India to minimize the burden from their new regulations, such as the EU's
            # Ecodesign Regulation, China's ... and India's QCOs": one event per listed measure, its owner asked
            req = items[0][1] if items else None
            if req is not None and region is not None and req[1] > region[0]:
                cut = re.search(r",?\s*(?:such as|including|namely|notably)\s*$", text_of(doc)[req[0]:region[0]])
                req = (req[0], req[0] + cut.start()) if cut else req
            meeting = meeting_before(doc, tok.idx) if self.meeting_context else None
            out = []
            for s_, e_, cid in listed:
                reg = _regulation_item(index, s_, e_)
                out.extend(self._build(doc, index, cues, sent, tok, [], complainants, [("entity", reg) if reg else ("span", (s_, e_))],
                                       {0: cid} if cid else {}, [req] if req else [], meeting, None, skip_l))
            return out
        if len(items) == 1 and items[0][0][0] == "span" and _anaphoric(text_of(doc)[items[0][0][1][0]:items[0][0][1][1]]) and self._so_far:
            self._add_requests([r for _, r, _ in items if r is not None])
            return []
        if len(items) == 1 and items[0][0][0] == "span" and items[0][1] is not None and self._asks_of_raised(doc, index, cues, asked, items[0]):
            return []  # "It was requested that the EU and India recognize ... under their EPR rules": asks on concerns raised before
        meeting = meeting_before(doc, tok.idx) if self.meeting_context else None
        respondent = self._respondent(index, cues, sent, tok, target_toks + [t for _, _, vt in items for t in vt], complainants, meeting)
        if respondent is None:
            for m in asked:
                code = m.entity.attributes.get("code") or m.entity.attributes.get("country")
                respondent = index.country_for_code(code)
                if respondent:
                    break
        date = event_date(self.find_dates, doc, sent, tok, min_precision=1)
        if date is not None and _measure_dated(self.find_dates, doc, sent, date):
            date = None
        if date is None:
            # "asked Canada to reconsider ... when he met Maninder Sidhu ... on September 16": the meeting of the sentence
            here = next((ev for ev in prior_events(doc, "MEETING") if sent.start_char <= ev.trigger[0] < sent.end_char and ev.date), None)
            if here is not None:
                date = here.date
        if date is None and meeting is not None:
            date = meeting.date
        out = []
        for (kind, item), req, _ in items:
            args = [ent_arg("complainant", c) for c in complainants]
            if respondent is not None and respondent not in complainants:
                args.append(ent_arg("respondent", respondent))
            args.append(ent_arg("measure", item) if kind == "entity" else span_arg("measure", item))  # type: ignore[arg-type]
            if req is not None:
                args.append(span_arg("request", req))
            out.append(EventRecord(type="TRADE_CONCERN", trigger=(tok.idx, tok.idx + len(tok.text)), date=date, attributes={}, arguments=args))
        return out

    def _recent(self, doc: Doc, sent: Span) -> bool:
        """Whether the last concern was raised in this sentence or the two before it."""
        last = self._so_far[-1]
        if last.type != "TRADE_CONCERN":
            return False
        before = [s for s in doc.sents if s.end_char <= sent.start_char and s.text.strip()]
        lo = before[-2].start_char if len(before) >= 2 else (before[0].start_char if before else sent.start_char)
        return lo <= last.trigger[0] < sent.end_char

    def _asked_each(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, tok: Token, split) -> list[EventRecord]:
        """One event per party asked, with its own measure and request."""
        subj = [t for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i for t in c.subtree]
        if not subj and tok.dep_ in ("conj", "xcomp", "advcl") and tok.head.pos_ == "VERB":
            subj = [t for c in tok.head.children if c.dep_ == "nsubj" for t in c.subtree]
        complainants = actors(index, cues, subj, sent, doc, COMPLAINANT_LABELS)[:2] or self._pronoun_complainants(subj)
        date = event_date(self.find_dates, doc, sent, tok, min_precision=1)
        meeting = meeting_before(doc, tok.idx) if self.meeting_context else None
        if date is None and meeting is not None:
            date = meeting.date
        forum = _sentence_forum(doc, index, sent)
        if forum is not None and date is None:
            date = _forum_date(self.find_dates, doc, index, sent, forum)
        out = []
        for cid, measure, req in split:
            args = [ent_arg("complainant", c) for c in complainants]
            if cid not in complainants:
                args.append(ent_arg("respondent", cid))
            args.append(ent_arg("measure", measure[1]) if measure[0] == "entity" else span_arg("measure", measure[1]))
            if forum is not None:
                args.append(ent_arg("forum", forum))
            args.append(span_arg("request", req))
            out.append(EventRecord(type="TRADE_CONCERN", trigger=(tok.idx, tok.idx + len(tok.text)), date=date, attributes={}, arguments=args))
        return out

    def _enumerated(self, sent: Span, tok: Token) -> list[tuple[int, int]]:
        # the list may run past what the parser took for the sentence end ("... challenges: ① ...")
        full = text_of(sent.doc)
        stop = re.compile(r"[.!?](?=\s+[A-Z“\"]|\s*$)|\n")
        end_m = stop.search(full, max(tok.idx, sent.start_char))
        base = sent.start_char
        end = end_m.start() if end_m else len(full)
        if full[base:end].rstrip().endswith(":") or _FOLLOWING.search(full[base:end]):
            # "KATS raised concerns on the following measures:" and one bulleted line per measure
            nl = full.find("\n", end)
            intro_start = full.rfind("\n", 0, base) + 1
            own_kind = _mark_kind(full[intro_start:base + 5])
            groups = _line_groups(full, nl, (own_kind,) if own_kind else ()) if nl >= 0 and not full[end:nl].strip(" .:") else []
            if len(groups) >= 2:
                # an item line with its sub-lines: the item is its first line, the sub-lines are kept for its asks
                self._sublines.update({rng: subs for rng, subs in groups})
                return [rng for rng, _ in groups]
            pos = end
            while pos < len(full) and full[pos] == "\n":
                line_end = full.find("\n", pos + 1)
                line_end = len(full) if line_end < 0 else line_end
                if not _BULLET_LINE.match(full[pos + 1:line_end]):
                    break
                end = pos = line_end
        text = full[base:end]
        marks = [m for m in _ENUM.finditer(text) if m.start() + base > tok.idx]
        if len(marks) < 2:
            return []
        out = []
        for k, m in enumerate(marks):
            s = m.end()
            e = marks[k + 1].start() if k + 1 < len(marks) else len(text)
            chunk = text[s:e]
            chunk_strip = re.sub(r"[\s,;.]*(?:and|or)?[\s,;.]*$", "", chunk)
            lead = len(chunk) - len(chunk.lstrip())
            if chunk_strip.strip():
                out.append((base + s + lead, base + s + len(chunk_strip)))
        return out

    def _measure_span(self, cues: Cues, tok: Token, obj_toks: list[Token], index: EntityIndex) -> Optional[tuple[int, int]]:
        preps = cues.words("measure_prep")
        nouns = cues.words("concern_noun")
        for t in sorted(obj_toks, key=lambda t: t.i):
            under_agent = t.head.dep_ in ("pobj", "conj") and any(x.dep_ == "agent" for x in t.head.ancestors) and any(
                x.dep_ == "acl" and x.head.lemma_.lower() in nouns for x in t.head.ancestors)
            if t.dep_ == "prep" and t.lower_ in preps - {"with", "to"} and (t.head.dep_ == "acl" and t.head.head.lemma_.lower() in nouns
                                                                           and any(c.dep_ == "agent" for c in t.head.children) or under_agent):
                # "concerns raised by China and the EU over Korea's new safety certification"
                objs = [o for o in t.children if o.dep_ == "pobj"]
                if objs:
                    return _np(objs[0])
            if t.dep_ == "prep" and t.lower_ in preps | {"to"} and t.head.lemma_.lower() in nouns | {"related", "regard"}:
                objs = [o for o in t.children if o.dep_ == "pobj" and o.lemma_.lower() not in _PARTY_NOUNS
                        and not (t.lower_ == "with" and index.at(o) is not None and index.at(o).label in ("COUNTRY", "MINISTRY", "ORG"))]
                # "concerns with other members over China's draft standard": the topic hangs on the members
                # ("raised concerns with the EU and Japan on China's export controls": so do the co-raisers')
                objs = objs or [o2 for o in t.children if o.dep_ == "pobj" for x in [o] + list(o.conjuncts) for p in x.children
                                if p.dep_ == "prep" and p.lower_ in preps - {"with", "to"} for o2 in p.children if o2.dep_ == "pobj"]
                if objs:
                    return _np(objs[0])
                if t.lower_ == "with":
                    continue
            if t.lower_ in ("related", "regarding") and t.dep_ in ("amod", "acl", "prep"):
                for c in t.children:
                    if c.dep_ == "prep":
                        objs = [o for o in c.children if o.dep_ == "pobj"]
                        if objs:
                            return _np(objs[0])
                    if c.dep_ == "pobj":
                        return _np(c)
        # "heard concerns ... regarding X" attached to the verb
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("regarding", "about", "over", "on"):
                objs = [o for o in c.children if o.dep_ == "pobj" and not _is_date_word(o) and o.lemma_.lower() not in _PARTY_NOUNS
                        and not (index.at(o) is not None and index.at(o).label in ("COUNTRY", "MINISTRY", "ORG", "OFFICIAL", "PERSON"))]
                if objs:
                    return _np(objs[0])
        # the object itself, when it is not a bare concern word: "called for the removal of X"
        for c in tok.children:
            if c.dep_ == "dobj" and c.lemma_.lower() not in nouns and c.pos_ == "NOUN" and c.lemma_.lower() not in _STANCE_NOUNS:
                return _np(c)
        return None

    def _request(self, cues: Cues, sent: Span, tok: Token, index: Optional[EntityIndex] = None, skip_verbs: tuple = ()) -> Optional[tuple[int, int]]:
        reqs = cues.words("request_verb")
        for c in tok.children:
            # "highlighted the need for continued dialogue"
            if c.dep_ == "dobj" and c.lemma_.lower() == "need":
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "for":
                        objs = [o for o in p.children if o.dep_ == "pobj"]
                        if objs:
                            return _np(objs[0])
        cands = [tok] + [c for c in tok.conjuncts if c.i != tok.i] + [t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in reqs]
        skip = {v.i for v in skip_verbs}
        for v in cands:
            if v.lemma_.lower() not in reqs or v.i in skip:
                continue
            clause = any(c.dep_ in ("xcomp", "ccomp") for c in v.children)
            for c in v.children:
                if c.dep_ == "dobj" and clause and (c.pos_ in ("PROPN", "PRON") or index is not None and index.at(c) is not None
                                                    or c.lemma_.lower() in _PARTY_NOUNS):
                    continue  # "urged Korea to give full consideration ...": what is asked is the clause
                if c.dep_ == "dobj" and c.lemma_.lower() not in cues.words("concern_noun"):
                    return _np(c, keep_to=False)
                if c.dep_ == "prep" and c.lower_ == "for" and c.i > v.i:  # not "For India's QCOs, Korea requested ..."
                    objs = [o for o in c.children if o.dep_ == "pobj"]
                    if objs:
                        return _np(objs[0])
                if c.dep_ in ("xcomp", "ccomp"):
                    toks = [t for t in c.subtree if not (t.dep_ == "aux" and t.lower_ == "to" and t.head.i == c.i)]
                    return trim(toks)
        return None

    def _respondent(self, index: EntityIndex, cues: Cues, sent: Span, tok: Token, obj_toks: list[Token], complainants: list[str], meeting) -> Optional[str]:
        comp_codes = set()
        for c in complainants:
            ent = index.entities.get(c)
            if ent is None:
                continue
            comp_codes.add(ent.attributes.get("code") or ent.attributes.get("country") or (body_country(index, c) if ent.label in BODIES else None))
        if not complainants:
            # "Participants asked the government to ...": a generic group of the release's own side raises it
            home = home_country(index)
            if home is not None:
                comp_codes.add(_code(index, home))
        concern_nouns = cues.words("concern_noun")
        for m in index.in_tokens(sorted(obj_toks, key=lambda t: t.i), {"COUNTRY"}):
            if m.span.root.dep_ == "poss" and m.span.root.head.lemma_.lower() in concern_nouns:
                continue  # "the EU's concerns about Korea's procedures": the EU raises them
            if m.id not in complainants and m.entity.attributes.get("code") not in comp_codes:
                return m.id
        for m in index.in_tokens(list(sent), {"COUNTRY"}):
            if m.id not in complainants and m.entity.attributes.get("code") not in comp_codes and m.span.start > tok.i - 12:
                return m.id
        # "As the EU tightens regulations on ..., the Korean side requested": the owner in the fronted clause
        for c in tok.children:
            if c.i < tok.i and c.dep_ in ("prep", "advcl", "mark"):
                for m in index.in_tokens(list(c.subtree), {"COUNTRY"}):
                    if m.id not in complainants and m.entity.attributes.get("code") not in comp_codes:
                        return m.id
        # the measure's owner from the regulation's name ("EU Battery Regulation")
        for m in index.in_tokens(obj_toks, {"REGULATION"}):
            for word, code in cues.mapping("demonym", "code").items():
                if m.entity.name.lower().startswith(word + " "):
                    eid = index.country_for_code(code)
                    if eid and eid not in complainants:
                        return eid
        if meeting is not None:
            for a in meeting.arguments:
                if a.role != "participant" or not a.entity:
                    continue
                ent = index.entities.get(a.entity)
                code = ent.attributes.get("code") or ent.attributes.get("country") if ent else None
                if ent is not None and code is None and ent.label in BODIES:
                    code = body_country(index, ent.id)
                if code and code not in comp_codes:
                    eid = index.country_for_code(code)
                    if eid:
                        return eid
        return None


def _country_of(index: EntityIndex, eid: str) -> Optional[str]:
    """The country entity of a party: itself, a body's country, an official's ministry's country."""
    ent = index.entities.get(eid)
    if ent is None:
        return None
    if ent.label == "COUNTRY":
        return eid
    if ent.label in BODIES:
        return index.country_for_code(body_country(index, eid))
    aff = ent.attributes.get("affiliation")
    return _country_of(index, aff) if aff and aff != eid else index.country_for_code(ent.attributes.get("country"))


def _measure_key(doc: Doc, ev: EventRecord) -> Optional[tuple]:
    for a in ev.arguments:
        if a.role == "measure":
            if a.entity:
                return ("entity", a.entity)
            if a.span is not None:
                sp = doc.char_span(a.span[0], a.span[1], alignment_mode="expand")
                return ("head", sp.root.lemma_.lower()) if sp is not None and len(sp) else None
    return None


_GENERIC_MEASURE_WORDS = frozenset({"mandatory", "new", "draft", "revised", "national", "technical", "regulation", "regulations",
                                    "requirement", "requirements", "measure", "measures", "standard", "standards", "rule", "rules",
                                    "certification", "scheme", "law", "laws", "act", "decree", "order", "orders", "policy"})


def _measure_words(doc: Doc, ev: EventRecord, index: Optional[EntityIndex] = None) -> set[str]:
    """The distinctive words of a measure phrase ("mandatory halal certification for cosmetics" → halal,
    cosmetics), without the generic ones a measure is named by; a regulation's by its name."""
    a = next((a for a in ev.arguments if a.role == "measure"), None)
    if a is None:
        return set()
    if a.span is not None:
        words = text_of(doc)[a.span[0]:a.span[1]]
    elif index is not None and a.entity in index.entities:
        words = index.entities[a.entity].name
    else:
        return set()
    return {w for w in re.findall(r"[a-z][a-z-]{3,}", words.lower()) if w not in _GENERIC_MEASURE_WORDS}


def _label_fits(doc: Doc, label: EventRecord, ev: EventRecord, index: Optional[EntityIndex]) -> bool:
    """Whether a later event names the measure a topic label stands for: a word of the label ("tires",
    "cybersecurity") in the later measure, its request, or just after the regulation it names."""
    text = text_of(doc)
    lab = next((a.span for a in label.arguments if a.role == "measure" and a.span is not None), None)
    if lab is None:
        return False
    stems = {w[:5] for w in re.findall(r"[a-z][a-z-]{3,}", text[lab[0]:lab[1]].lower())}
    near = []
    for a in ev.arguments:
        if a.span is not None and a.role in ("measure", "request"):
            near.append(text[a.span[0]:a.span[1]])
        elif a.role == "measure" and a.entity and index is not None:
            for m in index.mentions:
                if m.id == a.entity:
                    near.append(text[m.start:m.end + 60])
    words = {w[:5] for w in re.findall(r"[a-z][a-z-]{3,}", " ".join(near).lower())}
    return bool(stems & words)


def _bare_measure(doc: Doc, ev: EventRecord) -> bool:
    """Whether a measure is named only by a generic noun ("law", "the regulation")."""
    a = next((a for a in ev.arguments if a.role == "measure" and a.span is not None), None)
    if a is None:
        return False
    raw = re.findall(r"[A-Za-z][\w.-]*", text_of(doc)[a.span[0]:a.span[1]])
    words = [w.lower() for w in raw if not w[0].isupper() or w.lower() in _GENERIC_MEASURE_WORDS]  # "the EU and Saudi measures"
    return 0 < len(words) <= 3 and all(w in _GENERIC_MEASURE_WORDS or w in ("the", "its", "their", "and") for w in words) and any(
        w in _GENERIC_MEASURE_WORDS for w in words)


def _merge_same_measure(doc: Doc, events: list[EventRecord], soft: frozenset | set = frozenset(), index: Optional[EntityIndex] = None,
                        labels: frozenset | set = frozenset()) -> list[EventRecord]:
    """One event per measure: a later event about a measure already raised by the same party (or by
    no named party) against the same respondent adds its requests and missing arguments to the first
    ("KATS raised concerns on the EU's ESPR ... KATS asked the EU to share the delegated acts early").
    An event in `soft` ("For Indonesia's halal requirements, it called for ...") also joins an earlier
    one of the same parties whose measure shares a distinctive word with it."""
    out: list[EventRecord] = []
    for ev in events:
        key = _measure_key(doc, ev)
        roles = {r: [a for a in ev.arguments if a.role == r] for r in ("complainant", "respondent", "measure", "forum", "request")}
        target = None
        bare = _bare_measure(doc, ev)  # "On Indonesia's law, it called for ...": the law raised before
        e_resp0 = {a.entity for a in roles["respondent"]}
        label = next((prev for prev in reversed(out) if id(prev) in labels and prev.type == "TRADE_CONCERN" and e_resp0 and e_resp0 == {
            a.entity for a in prev.arguments if a.role == "respondent"} and (prev.date is None or ev.date is None or prev.date == ev.date)
            and _label_fits(doc, prev, ev, index)), None) if id(ev) not in labels else None
        if label is not None:
            # "China (cybersecurity)" and later "On China's Cybersecurity Law, the delegation asked ...": the law is the measure
            label.arguments[:] = [a for a in label.arguments if a.role != "measure"] + roles["measure"]
            labels = set(labels) - {id(label)}
            target = label
            key = None
        elif bare and not e_resp0 and out and out[-1].type == "TRADE_CONCERN" and {a.entity for a in roles["complainant"]} <= {
                a.entity for a in out[-1].arguments if a.role == "complainant"}:
            # "KATS asked the European Commission to publish those rules ...": the concern just raised
            target = out[-1]
            key = None
        elif id(ev) in soft or bare:
            words = _measure_words(doc, ev, index)
            e_resp = {a.entity for a in roles["respondent"]}
            for prev in reversed(out):
                if prev.type == "TRADE_CONCERN" and (bare or words & _measure_words(doc, prev, index)) and e_resp and e_resp == {
                        a.entity for a in prev.arguments if a.role == "respondent"}:
                    target = prev
                    key = None
                    break
        if key is not None:
            for prev in out:
                if _measure_key(doc, prev) != key:
                    continue
                p_resp = {a.entity for a in prev.arguments if a.role == "respondent"}
                p_comp = {a.entity for a in prev.arguments if a.role == "complainant"}
                e_resp = {a.entity for a in roles["respondent"]}
                e_comp = {a.entity for a in roles["complainant"]}
                if key[0] == "head" and not (p_resp and p_resp == e_resp):
                    continue  # two phrases with the same head word are the same measure only of the same owner
                if p_comp and e_comp and not p_comp & e_comp and index is not None and key[0] == "entity":
                    # "MOTIE submitted ... on the CBAM. ... the government stressed that the CBAM must ...": one side
                    same_side = {_code(index, c) or body_country(index, c) for c in p_comp} & {_code(index, c) or body_country(index, c) for c in e_comp} - {None}
                    if same_side and len(e_comp) == 1 and index.label(next(iter(e_comp))) == "COUNTRY" and (
                            prev.date is None or ev.date is None or prev.date == ev.date):
                        e_comp = p_comp
                if (p_resp and e_resp and not p_resp & e_resp) or (p_comp and e_comp and not p_comp & e_comp):
                    continue
                if prev.date is not None and ev.date is not None and prev.date != ev.date and ev.date[0] > prev.date[1]:
                    continue  # raised again at a later session: an event of its own (GUIDELINES 8.8 A-1)
                target = prev
                break
        if target is None:
            out.append(ev)
            continue
        have = {(a.role, a.entity, a.span) for a in target.arguments}
        for role in ("complainant", "respondent", "forum"):
            if not any(a.role == role for a in target.arguments):
                target.arguments.extend(roles[role])
        for a in roles["request"]:
            if (a.role, a.entity, a.span) not in have and not any(
                    b.role == "request" and b.span and a.span and b.span[0] < a.span[1] and a.span[0] < b.span[1] for b in target.arguments):
                target.arguments.append(a)
        if target.date is None:
            target.date = ev.date
    return out


def _last_subject_person(pronoun: Token, labels: tuple = ("OFFICIAL", "PERSON")) -> Optional[str]:
    """The official last named as a sentence's subject before a "he" / "she" (this sentence or the two
    before); with country and body labels, the party an "it" stands for ("Korea took the floor on two
    items. On the EU's safeguard measures, it asked ...")."""
    doc = pronoun.doc
    index = EntityIndex(doc)
    before = [s for s in doc.sents if s.start <= pronoun.i][-3:]
    for sent in reversed(before):
        found = None
        for tok in sent:
            if tok.i >= pronoun.i:
                break
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ == "PROPN":
                ref = index.at(tok)
                if ref is not None and ref.label in labels:
                    found = ref.id
        if found is not None:
            return found
    return None


def _hoped_change(index: EntityIndex, cues: Cues, verb: Token) -> bool:
    """ "expressed hope that the EU would minimize the burden of the CBAM": a hope or expectation
    that another party would change what a named measure does."""
    for c in verb.children:
        if c.dep_ != "dobj" or c.lemma_.lower() not in ("hope", "expectation", "wish"):
            continue
        for cl in c.children:
            if cl.dep_ in ("acl", "ccomp") and any(a.lower_ in ("would", "will", "could", "can") for a in cl.children if a.dep_ == "aux"):
                if index.in_tokens(list(cl.subtree), {"REGULATION"}):
                    return True
    return False


def _owned_measure_should(index: EntityIndex, cues: Cues, verb: Token, modal: bool = True) -> bool:
    """A that-clause under the verb (or under its object, "its position that ...") whose subject is
    another party's measure and whose verb takes "should" / "must" (any verb when `modal` is False:
    "argued that Japan's tighter licensing of exports ... is an arbitrary restriction")."""
    heads = cues.words("measure_noun") | cues.words("measure_head")
    clauses = [c for c in verb.children if c.dep_ == "ccomp"] + [x for c in verb.children if c.dep_ == "dobj" for x in c.children if x.dep_ in ("acl", "ccomp")]
    for c in clauses:
        if modal and not any(a.dep_ == "aux" and a.lower_ in ("should", "must") for a in c.children):
            continue
        subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        ref = index.at(subj)
        owned = any(x.dep_ == "poss" and index.at(x) is not None and index.at(x).label == "COUNTRY" for x in subj.children)
        if ref is not None and ref.label == "REGULATION" or owned and (subj.lemma_.lower() in heads or subj.lower_ in heads):
            return True
    return False


def _including_items(doc: Doc, sent: Span, tok: Token) -> list[tuple[int, int]]:
    """The items of "…, including the A and the B" / "including India's A, and Indonesia's B" after
    `tok` in its sentence: split at commas and at "and" before a new determined phrase."""
    text = text_of(doc)
    m = re.search(r"\bincluding\s+", text[tok.idx:sent.end_char])
    if m is None:
        return []
    start = tok.idx + m.end()
    seg = text[start:sent.end_char].rstrip(" .")
    parts = re.split(r",\s+(?:and\s+)?(?=(?:the|an?|[A-Z][\w.]*[’']s)\s)|\s+and\s+(?=(?:the|an?|[A-Z][\w.]*[’']s)\s)", seg)
    out, pos = [], start
    for part in parts:
        at = text.find(part, pos)
        if at < 0:
            return []
        pos = at + len(part)
        cut = re.search(r",\s+(?:which|where|closed|terminated|imposed|launched|in effect|as)\b|,\s*$", part)
        body = part[:cut.start()] if cut else part
        lead = re.match(r"(?:the|an?)\s+", body)
        s0 = at + (lead.end() if lead else 0)
        if at + len(body) - s0 > 3:
            out.append((s0, at + len(body.rstrip(" ,;"))))
    return out if len(out) >= 2 else []


def _clause_subject_measure(cues: Cues, obj_toks: list[Token]) -> Optional[tuple[int, int]]:
    """ "expressed concern that the 25 percent reciprocal tariff ... would sharply reduce exports":
    the measure is the subject of the clause the concern is about."""
    heads = cues.words("measure_noun") | cues.words("measure_head")
    for c in sorted(obj_toks, key=lambda t: t.i):
        if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and (subj.lemma_.lower() in heads or subj.lower_ in heads):
                return _np(subj)
    return None


_MARK_AT = re.compile(r"[ \t]*([①②③④⑤⑥⑦⑧⑨⑩]|[▲△■□●○•◦▪ㅇ➢►▶·]|\(\s*[a-z1-9]\s*\)|[1-9][.)](?=\s)|[-–*](?=\s))[ \t]*")
_HEADS = ("□", "■")


def _mark_kind(line: str) -> Optional[str]:
    """The kind of a line's bullet: "①" for circled digits, "1." for numbers, "(a)" for letters, else the mark."""
    m = _MARK_AT.match(line)
    if m is None:
        return None
    mark = m.group(1)
    if mark in "①②③④⑤⑥⑦⑧⑨⑩":
        return "①"
    if mark[0].isdigit():
        return "1."
    if mark.startswith("("):
        return "(a)"
    return "-" if mark in "-–*" else mark


def _is_heading(line: str, kind: Optional[str], next_kind: Optional[str]) -> bool:
    """Whether a bulleted line heads the lines under it: "□ Major STCs raised by KATS are as follows.",
    "ㅇ Main STCs raised" over "▲(EU) ..." lines (another bullet kind under a line with no label or
    colon of its own)."""
    m = _MARK_AT.match(line)
    body = line[m.end():] if m else line
    owned = re.match(r"\s*(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:,|[’']s)\s", body)  # "③ Mexico, NOM-024-SCFI ...": an item
    return bool(kind in _HEADS or body.rstrip().endswith(":") or _FOLLOWING.search(body) or (
        next_kind is not None and next_kind != kind and kind not in ("①", "1.", "(a)") and not owned
        and not re.match(r"\s*\(", body) and not _LINE_SPLIT.search(body) and len(body) < 120))


def _line_groups(text: str, pos: int, stop: tuple = ()) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """The bulleted lines after the line break at `pos`, as items with their sub-lines: the first
    line's bullet kind starts each item, other kinds under it are its sub-lines ("○ (EU) ESPR" then
    "- asked that ..."); a heading bullet (□) or a kind in `stop` ends the list, as does plain text.
    Each item is ((start, end) after its bullet, [sub-line (start, end) after their bullets])."""
    items: list = []
    kind0 = None
    while 0 <= pos < len(text) and text[pos] == "\n":
        ls = pos + 1
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        line = text[ls:le]
        kind = _mark_kind(line)
        if kind is None or kind in stop or kind in _HEADS and kind != kind0:
            break
        m = _MARK_AT.match(line)
        rng = (ls + m.end(), ls + len(line.rstrip()))
        if kind0 is not None and kind == kind0 and items:
            nl = text.find("\n", le + 1)
            if _is_heading(line, kind, _mark_kind(text[le + 1:nl if nl >= 0 else len(text)]) if le < len(text) else None):
                break  # "ㅇ Concerns raised by other members" starts a list of its own
        if kind0 is None:
            kind0 = kind
        if kind == kind0:
            items.append((rng, []))
        else:
            items[-1][1].append(rng)
        pos = le
    return items


_ASK_IN = re.compile(r"(?:^|\b)(?:requests?\s*:|asks?\s*:|asked|requested|called\s+for|urged|sought|pressed\s+for|demanded|request(?:ing|s)?|asking|calling\s+for|urging|seeking)\s+(?:(?:Korea|the\s+\w+\s+side|[A-Z][\w.]*)\s+(?=to\s))?(?:that\s+|for\s+|to\s+)?", re.I)


def _ask_in(text: str, s0: int, e0: int) -> Optional[tuple[int, int]]:
    """The thing asked for in a line: after "asked (Korea to) / requested / called for", up to an
    arrow or an ", as ..." reason."""
    m = _ASK_IN.search(text, s0, e0)
    if m is None:
        return None
    a0 = m.end()
    stop = re.search(r"\s*→|,\s+as\s|,\s+(?:which|because|since)\s", text[a0:e0])
    a1 = a0 + stop.start() if stop else e0
    a1 = a0 + len(text[a0:a1].rstrip(" .;"))
    return (a0, a1) if a1 - a0 >= 3 else None


def _reporter_of(index: EntityIndex, pronoun: Token) -> Optional[str]:
    """The body that "it" stands for in "KATS announced that it raised ...": the subject of the
    reporting verb above the pronoun's clause."""
    node = pronoun.head if pronoun.pos_ == "PRON" else pronoun
    for _ in range(5):
        if node.head is node:
            break
        node = node.head
        if node.pos_ == "VERB" and pronoun.pos_ != "PRON":
            subj = [c for c in node.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ != "it":
                ref = index.at(subj[0])
                return ref.id if ref is not None and ref.label in BODIES else None
        if node.lemma_.lower() in ("announce", "say", "report", "state", "explain", "reveal", "note"):
            for c in node.children:
                if c.dep_ == "nsubj":
                    ref = index.at(c)
                    if ref is not None and ref.label in BODIES:
                        return ref.id
            break
    return None


_FOLLOWING = re.compile(r"\bfollowing\s+(?:\w+\s+){0,2}(?:measures|issues|concerns|regulations|cases|barriers|items|points|matters|requests)\W*$|\bas\s+follows\W*$", re.I)
_QUOTE_OPEN = "\"“"
_SAID = re.compile(r"^[,.]?\s*[”\"]\s*,?\s*(?:said|says|noted|added|stressed|emphasized|explained|told\s+\w+)\b", re.I)


def _quote_speaker(doc: Doc, index: EntityIndex, sent: Span, tok: Token) -> Optional[str]:
    """Who speaks a quote that holds `tok`: the person named after "…," said or before "said, “…"."""
    text = text_of(doc)
    start = max(text.rfind(q, 0, tok.idx) for q in _QUOTE_OPEN)
    if start < 0 or start < sent.start_char - 400:
        return None
    close = min((i for i in (text.find("”", tok.idx), text.find('"', tok.idx)) if i >= 0), default=-1)
    if close < 0:
        return None
    people = ("OFFICIAL", "PERSON")
    if _SAID.match(text[close - 1:close + 40]) or _SAID.match(text[close:close + 40]):
        after = next((m for m in index.mentions if m.label in people and close < m.start < close + 80), None)
        if after is not None:
            return after.id
    before = re.search(r"(?:said|says|noted|added|stressed)\s*,?\s*$", text[max(0, start - 20):start])
    if before:
        prev = [m for m in index.mentions if m.label in people and start - 120 < m.end <= start]
        if prev:
            return prev[-1].id
    return None


_MEASURE_DATE = re.compile(r"(?:\bin\s+force\s+since|\bsince|\beffective(?:\s+from)?|\btook\s+effect(?:\s+in|\s+on)?|\btakes\s+effect(?:\s+in|\s+on)?|"
                           r"\bimposed(?:\s+in|\s+on|\s+since)?|\bintroduced(?:\s+in|\s+on)?|\bnotified(?:\s+to\s+the\s+WTO)?(?:\s+in|\s+on)?|"
                           r"\badopted(?:\s+by\s+[\w\s’']{2,40}?)?(?:\s+in|\s+on)?|\bfinalized(?:\s+by\s+[\w\s’']{2,40}?)?(?:\s+in|\s+on)?|\bapplies\s+from|\bfrom)\s*$", re.I)


def _measure_dated(finder, doc: Doc, sent: Span, value: tuple) -> bool:
    """Whether the date a concern took from its sentence is when its measure began ("in force since July",
    "which took effect in February", "notified to the WTO in April"), not when it was raised."""
    text = text_of(doc)
    for d in dates_in(finder, doc, sent):
        if d.value == value and _MEASURE_DATE.search(text[max(sent.start_char, d.start - 45):d.start]):
            return True
    return False


def _clause_chunk(doc: Doc, s0: int, e0: int, index: Optional[EntityIndex] = None) -> bool:
    """Whether an enumerated item is a sentence of its own ("▲ On May 31, it sent opinions to ..."):
    a subject with its finite verb before any colon or parenthesis of the item."""
    text = text_of(doc)
    stop = re.search(r"[:(→]", text[s0:e0])
    end = s0 + stop.start() if stop else e0
    span = doc.char_span(s0, end, alignment_mode="expand")
    if span is None:
        return False
    return any(t.dep_ == "nsubj" and t.head.tag_ in ("VBD", "VBZ", "VBP", "MD") and span.start <= t.head.i < span.end
               and t.head.dep_ not in ("relcl", "acl")
               # an actor as subject ("it sent", "MOTIE submitted"), not a measure ("UK CBAM, proposed to apply ...")
               and (t.pos_ == "PRON" or index is not None and index.at(t) is not None and index.at(t).label in COMPLAINANT_LABELS)
               for t in span)


def _clean_chunk(doc: Doc, index: EntityIndex, span: tuple[int, int], skip: set) -> tuple[str, object, Optional[str]]:
    """An enumerated item as a measure: its regulation when the item is one, else the phrase without
    its article, its owner in front ("the EU's") and a relative clause after it (", which expires ...")."""
    text = text_of(doc)
    s0, e0 = span
    cut = re.search(r",\s+(?:which|that|where|who|as|to\s+be)\b|\s+\((?:request|requests|requested)\s*:", text[s0:e0])
    if cut:
        e0 = s0 + cut.start()
    lead = re.match(r"(?:the\s+)", text[s0:e0])
    if lead:
        s0 += lead.end()
    owner = None
    c = next((m for m in index.mentions if m.label == "COUNTRY" and m.start == s0 and m.id not in skip), None)
    if c is not None:
        pm = re.match(r"[’']s\s+", text[c.end:e0])
        if pm:
            owner, s0 = c.id, c.end + pm.end()
    regs = [m for m in index.mentions if m.label == "REGULATION" and s0 <= m.start and m.end <= e0]
    if regs and (regs[0].end - regs[0].start) * 2 >= e0 - s0:
        return "entity", regs[0].id, owner
    return "span", (s0, e0), owner


def _split_coordinated(doc: Doc, span: tuple[int, int]) -> list[tuple[int, int]]:
    """ "Korea's public procurement of wind turbines and the certification of medical devices": two
    measures, where each conjunct has its own determiner; "steel and aluminum tariffs" stays one."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None:
        return [span]
    root = sp.root
    conjs = [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and sp.start <= c.i < sp.end
             and any(d.dep_ in ("det", "poss") for d in c.children)]
    if not conjs:
        return [span]
    out = []
    first_end = min(c.left_edge.i for c in conjs)
    toks = [t for t in sp if t.i < first_end]
    while toks and (toks[-1].dep_ == "cc" or toks[-1].is_punct):
        toks = toks[:-1]
    first = trim(toks)
    if first is None:
        return [span]
    out.append(first)
    for c in conjs:
        ctoks = [t for t in c.subtree if sp.start <= t.i < sp.end and not (t.dep_ in ("conj", "cc") and t.head.i == c.i)]
        ctoks = [t for t in ctoks if not any(a.dep_ == "conj" and a.head.i == c.i for a in ancestors_until(t, c))]
        part = trim([t for t in ctoks if t.dep_ not in ("det",) or t.i != c.left_edge.i])
        if part is not None:
            out.append(part)
    return out


def _without_owner(doc: Doc, index: EntityIndex, span: tuple[int, int]) -> tuple[int, int]:
    """A measure span without the country that owns it in front: "Japan's export restrictions on
    ..." → "export restrictions on ..." (the owner is the respondent)."""
    text = text_of(doc)
    for m in index.mentions:
        if m.label == "COUNTRY" and m.start == span[0] and m.end < span[1]:
            pm = re.match(r"[’']s?\s+", text[m.end:span[1]])
            if pm and m.end + pm.end() < span[1]:
                return (m.end + pm.end(), span[1])
    return span


def _subject(verb: Token) -> list[Token]:
    """The subject of a verb, or of the verbs it is coordinated with or subordinate to ("KATS attended
    the committee held in Geneva and raised concerns ...": KATS), up to three steps."""
    cur = verb
    for _ in range(3):
        subj = [t for c in cur.children if c.dep_ == "nsubj" for t in c.subtree]
        if subj:
            return subj
        if cur.dep_ not in ("conj", "xcomp", "advcl") or cur.head.pos_ not in ("VERB", "AUX") or cur.head.i == cur.i:
            return []
        cur = cur.head
    return []


def _not_a_measure(doc: Doc, cues: Cues, span: tuple[int, int]) -> bool:
    """A trade balance ("India's widening trade deficit"), or a count of measures ("9 technical
    regulations of 7 countries", "12 cases"): the measures themselves are named elsewhere, if at all."""
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return False
    if re.search(r"\(\s*\d+\s+(?:cases?|items?|STCs?)\s*\)", text_of(doc)[span[0]:span[1] + 12]):
        return True  # "technical regulations of the EU (3 cases), India (2 cases)": a count by country
    root = sp.root
    if root.lemma_.lower() in cues.words("non_measure") or root.lower_ in cues.words("non_measure"):
        return True
    if root.lemma_.lower() in ("total", "number", "series", "set", "handful") and any(
            c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and any(n.dep_ == "nummod" for n in o.children) for o in c.children)
            for c in root.children):
        return True  # "a total of seven STCs"
    if root.tag_ in ("NNS", "NNPS") and any(
            # "technical regulations of 6 countries", "measures of seven members"
            c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.lemma_.lower() in ("country", "member", "economy", "partner", "government")
                                                          and any(n.dep_ == "nummod" for n in o.children) for o in c.children)
            for c in root.children):
        return True
    return root.tag_ in ("NNS", "NNPS") and any(c.dep_ == "nummod" and c.like_num and sp.start <= c.i < sp.end
                                                 for c in root.children) and not any(c.dep_ == "poss" for c in root.children)


def _np(tok: Token, keep_to: bool = True) -> Optional[tuple[int, int]]:
    clauses = {x.i for t in tok.subtree if t.dep_ == "relcl" for x in t.subtree}
    toks = [t for t in tok.subtree if t.i not in clauses]
    out = []
    for t in sorted(toks, key=lambda t: t.i):
        if out and t.i != out[-1].i + 1:
            break
        if t.i > tok.i and (t.dep_ in ("relcl", "appos") or (t.is_punct and t.text in (",", ";", ":", "—"))):
            break
        if not keep_to and t.i > tok.i and t.dep_ == "prep" and t.lower_ == "to" and t.head.i == tok.i:
            break
        if t.i > tok.i and t.dep_ == "prep" and t.lower_ in ("at", "during") and t.head.i == tok.i:
            break  # "Japan's export restrictions at the WTO General Council meeting": where it was raised
        out.append(t)
    return trim(out)


def _under_verb_conj(t: Token, top: Token) -> bool:
    cur = t
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.head.i == top.i and (cur.dep_ == "cc" or cur.dep_ == "conj" and cur.pos_ == "VERB"):
            return True
        cur = cur.head
    return False



def _own_requests(cues: Cues, index: EntityIndex, tok: Token) -> list[Token]:
    """Request verbs coordinated with a raising verb that name a measure of their own ("raised
    concerns related to the Labor Union Act, and requested streamlined entry procedures"): they
    are events of their own, not the request of the first."""
    out = []
    mnouns = cues.words("measure_noun")
    named = mnouns | cues.words("asked_measure_noun")
    asks = cues.words("request_verb") | cues.words("ask_verb") | cues.words("broad_ask_verb")
    conj_toks = {t.i for c in tok.conjuncts if c.i > tok.i for t in c.subtree}
    first = {t.lemma_.lower() for t in tok.subtree if t.i not in conj_toks and t.i > tok.i and t.pos_ == "NOUN" and (t.lemma_.lower() in named or t.lower_ in named)}
    first_regs = {m.id for m in index.in_tokens([t for t in tok.subtree if t.i not in conj_toks and t.i > tok.i], {"REGULATION"})}
    for c in tok.conjuncts:
        if c.i <= tok.i or c.pos_ != "VERB" or c.lemma_.lower() not in asks:
            continue
        if c.lemma_.lower() in cues.words("request_verb") and any(o.dep_ == "dobj" and (o.lemma_.lower() in mnouns or o.lower_ in mnouns) for o in c.children):
            out.append(c)
            continue
        # "expressed concern over the duties on styrene monomer, and requested that MOFCOM conduct the
        # expiry review of the duties on acetone fairly", "pressed Korea to speed up its approval procedures
        # for beef": an ask about a measure of its own
        clause = [t for x in c.children if x.dep_ in ("xcomp", "ccomp") for t in x.subtree]
        own = {t.lemma_.lower() for t in clause if t.pos_ == "NOUN" and t.dep_ not in ("compound",) and (t.lemma_.lower() in named or t.lower_ in named)}
        regs = {m.id for m in index.in_tokens(clause, {"REGULATION"})}
        if (own and not own & first and not (first_regs and not regs) or regs and not regs & first_regs) and not any(
                d.dep_ == "det" and d.lower_ in ("the", "these", "this", "such") and t.lemma_.lower() in first for t in clause for d in t.children):
            out.append(c)
    return out


def _is_forum(name: str) -> bool:
    return is_forum(name)


# verbs whose object is the remedy asked for: "urged the EU to allocate country-specific quotas"
_REMEDY_VERBS = frozenset({"introduce", "allocate", "accept", "allow", "adopt", "provide", "establish", "grant", "apply", "recognize", "recognise", "set", "create", "offer"})
# what a party holds, not a measure: "conveyed its position that ..."
_STANCE_NOUNS = frozenset({"position", "view", "stance", "opinion", "hope", "expectation", "understanding", "intention"})
# who is asked, not what: "urged the government to seek bilateral talks"
_PARTY_NOUNS = frozenset({"government", "governments", "side", "sides", "authority", "authorities", "ministry", "delegation", "country", "countries", "member", "members", "partner", "partners",
                          "official", "officials", "counterpart", "counterparts", "minister", "ministers", "representative", "representatives"})
# "the issue", "this matter", "these concerns": what the sentence before reported
_LINE_MARK = re.compile(r"\s*(?:[①②③④⑤⑥⑦⑧⑨⑩▲△■●○•◦▪ㅇ➢►▶·]|\(\s*[a-z1-9]\s*\)|[1-9][.)]\s|[-–*]\s)\s*")
_HOME_MEASURES = re.compile(r"[’']s\s+(?:\w+\s+){0,2}(?:measures|regulations|rules|policies|requirements)\b|\b(?:against|on)\s+(?:the\s+)?\w+[’']s\b|\bconcerns?\s+(?:raised\s+)?(?:by|from)\s+other", re.I)
_LINE_SPLIT = re.compile(r"\s*:\s+|\s+[–—-]+>?\s+|\s*[→⇒]\s*|,\s+(?=(?:requesting|asking|calling|urging|seeking|demanding|proposing)\b)")
_ASK_HEAD = re.compile(r"(?:(?:Korea|the\s+Korean\s+side|we)\s+)?(?:requested|requesting|requests?(?:\s+for)?|asked(?:\s+for)?|asking(?:\s+for)?|called\s+for|calling\s+for|call\s+for|urged|urging|sought|seeking|demanded|demanding|proposed|suggested|pressed\s+for|need\s+for|expressed\s+concerns?\s+(?:over|about|that)|raised\s+concerns?\s+(?:over|about|that))\s+(?:that\s+|for\s+)?", re.I)
_CONCERN_INTRO = re.compile(r"\b(?:concerns?|issues?|barriers?|STCs?|requests?|raised|requested|complaints?|grievances?|difficulties|obstacles|cases)\b", re.I)
_REFERRING = re.compile(r"(?:the|this|these|that|those)\s+(?:issues?|matters?|concerns?|problems?|cases?)", re.I)
_ANAPHORIC = re.compile(r"^(?:(?:the|these|this|those|such|its|their)\s+)?(?:measures?|restrictions?|rules?|regulations?|polic(?:y|ies)|steps?|actions?)$", re.I)


def _anaphoric(text: str) -> bool:
    """ "the measures", "these restrictions": a measure named before, not a new one."""
    return bool(_ANAPHORIC.match(text.strip()))


def _under_topic_prep(t: Token, top: Token, preps) -> bool:
    cur = t
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ == "prep" and cur.lower_ in preps and cur.lower_ not in ("from", "by"):
            return True
        cur = cur.head
    return False


def _fronted_measure(cues: Cues, index: EntityIndex, tok: Token) -> Optional[tuple[int, int]]:
    """A measure named in front of the verb: "Regarding the steel import measures ..., Korea
    emphasized", "As the EU tightens regulations on packaging ..., the Korean side requested"."""
    mnouns = cues.words("measure_noun")
    for c in tok.children:
        if c.i > tok.i:
            continue
        obj = None
        if c.dep_ == "prep" and (c.lower_ in ("regarding", "concerning", "about", "on", "over")
                                 or c.lower_ == "for" and (c.i == c.sent.start or c.doc[c.i - 1].is_space or c.doc[c.i - 1].lower_ in ("as", "and"))):
            # "Regarding ...", "For India's QCOs, Korea requested ...", "As for ..."
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
        elif c.dep_ == "prep" and c.lower_ == "with" and c.i + 2 < len(c.doc) and c.doc[c.i + 1].lower_ in ("regard", "respect"):
            obj = next((o for p in c.doc[c.i + 1].children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"), None)
        elif c.dep_ == "advcl" and any(m.lower_ == "as" for m in c.children if m.dep_ == "mark"):
            obj = next((o for o in c.children if o.dep_ == "dobj"), None)
        elif c.dep_ in ("mark", "prep") and c.lower_ == "as" and c.i == c.sent.start or c.dep_ in ("mark", "prep") and c.lower_ == "as" and c.doc[c.i - 1].is_punct:
            # a misparsed "As the EU tightens regulations on packaging ...,": read the clause up to its comma
            doc = c.doc
            end = c.i + 1
            while end < tok.i and not (doc[end].is_punct and doc[end].text in (",", "—", "–", ";")):
                end += 1
            k = next((i for i in range(c.i + 1, end) if doc[i].lower_ in mnouns and doc[i].pos_ == "NOUN"), None)
            if k is not None:
                return trim(list(doc[k:end]))
            continue
        if obj is None:
            continue
        head_words = [t for t in obj.subtree if t.i <= obj.i]
        if obj.lemma_.lower() in mnouns or obj.lower_ in mnouns or any(t.lower_ in mnouns for t in head_words):
            return _np(obj)
        owner = [p for p in obj.children if p.dep_ == "poss" and index.at(p) is not None and index.at(p).label == "COUNTRY"]
        if owner or index.in_tokens([obj], {"REGULATION"}):
            return _np(obj)  # "For India's QCOs, ...", "Regarding the EUDR, ..."
    return None


def _such_as(cues: Cues, sent: Span, tok: Token) -> list[tuple[int, int]]:
    """The items of "issues of interest to the EU—such as A, B, and C—": one measure each."""
    nouns = cues.words("concern_noun")
    for t in sent:
        listing = t.lower_ == "as" and t.i > 0 and t.doc[t.i - 1].lower_ == "such" or t.lower_ == "including"
        if listing and t.dep_ == "prep" and t.head.lemma_.lower() in nouns:
            first = next((o for o in t.children if o.dep_ in ("pobj", "pcomp")), None)
            if first is None:
                continue
            # the list's commas decide its items, the parser's coordination often does not
            out = []
            run: list[Token] = []
            toks = list(t.doc[first.left_edge.i:t.right_edge.i + 1])
            # "A, B, and C" splits at commas; "A and B" (no comma) at the conjunction
            seps = (",", ";") if any(x.text == "," for x in toks) else ("and", "or")
            for x in toks + [None]:
                if x is None or x.text in seps:
                    while run and run[0].lower_ in ("and", "or"):
                        run = run[1:]
                    sp = trim(run)
                    if sp is not None:
                        out.append(sp)
                    run = []
                else:
                    run.append(x)
            return out if len(out) >= 2 else []
    return []



def _obligations(tok: Token) -> list[tuple[int, int]]:
    """ "emphasized that X should not place excessive burdens ... and must be applied ...": each
    obligation clause is a request."""
    out = []
    for c in tok.children:
        if c.dep_ != "ccomp":
            continue
        for v in [c] + [x for x in c.conjuncts if x.i != c.i]:
            modal = next((a for a in v.children if a.dep_ == "aux" and a.lower_ in ("should", "must")), None)
            if modal is None:
                continue
            toks = [t for t in v.subtree if t.i >= modal.i and not any(a.dep_ in ("conj", "cc", "nsubj", "nsubjpass") and a.head.i == v.i for a in ancestors_until(t, v) + ([t] if t.head.i == v.i else []))]
            sp = trim(contiguous_run(toks, modal))
            if sp is not None:
                out.append(sp)
    return out


# --------------------------------------------------------------------------- lists of other members' measures

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
# what ends a list inside its sentence: where and when it was raised ("at the WTO TBT Committee", "on March 20")
_LIST_TAIL = re.compile(r",?\s+(?:(?:at|during)\s+(?:the\s+)?(?:[A-Z0-9]|(?:next|upcoming|last|previous|coming)\s)|again\b|if\s|in\s+(?:the\s+)?(?:WTO|[A-Z][a-z]+\s+(?:Committee|Council|Meeting))|on\s+" + _MONTHS + r"|(?:held\s+)?(?:from|on)\s+" + _MONTHS + r")")
_ITEM_END = re.compile(r"(?:[\s,;.:①②③④⑤⑥⑦⑧⑨⑩]|\band\b|\bor\b|\bthe\b|\bas well as\b)*$")
_POSS = re.compile(r"\s*['’](?:s\b|(?=\s))")
# "These included ...", "They were ...", "The concerns covered ...": a list of the concerns just counted
# "the EU's concerns about Korea's procedures": the EU raises them, it owns no measure there
_OWN_VIEW = re.compile(r"\s*['’]s?\s+(?:\w+\s+)?(?:concerns?|worries|inquiries|questions|objections|complaints|position|positions|views?|requests?|interests?|support)\b", re.I)
_NEXT_LIST = re.compile(
    r"^\s*(?:Also\s+)?on\s+(?:the\s+)?(?:[A-Z][\w.]*[’']s\s+|its\s+|their\s+)?(?:list|agenda)\s+(?:were|was)\s+"
    r"|^\s*(?:These|They|Those|(?:The(?:se)?|Other)\s+(?:[\w-]+\s+){0,3}(?:concerns|STCs|issues|measures|regulations|items|cases|barriers|ones)"
    r"(?:\s+(?:raised|discussed|addressed|taken\s+up|brought\s+up|put\s+forward|tabled|carried\s+over)(?:\s+again)?(?:\s+by\s+(?:the\s+)?[\w.]+(?:\s+[A-Z][\w.]*)*)?"
    r"|\s+(?:(?:that|which)\s+)?(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+(?:has\s+|had\s+)?(?:raised|discussed|addressed|raises|flagged|tabled|took\s+up|put\s+forward|brought(?:\s+up|\s+to\s+the\s+table)?)(?:\s+(?:again|also))?)?)\s+"
    r"(?:(?:also\s+)?(?:included|include|includes|including|concerned|concern|covered|cover|were|are|involved|involve|related\s+to|relate\s+to|"
    r"targeted|target|addressed|address|dealt\s+with|deal\s+with|were\s+on|are\s+on|focused\s+on|focus\s+on))\s*:?\s*"
    r"|^\s*Among\s+(?:them|these|those)\s+(?:were|are)\s*:?\s*"
    r"|^\s*(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*[’']s|Its|Their)\s+(?:\w+\s+){0,2}(?:concerns|requests|STCs|issues)\s+(?:centered|centred|focused|concentrated|were|are|included|related)\s*(?:on|upon|around|to)?\s*"
    r"|^\s*(?:Also\s+)?(?:tabled|raised|discussed|flagged|taken\s+up|brought\s+up|addressed)\s+(?:also\s+)?(?:were|was)\s+", re.I)


def _is_date_word(tok: Token) -> bool:
    """ "on March 20", "on Thursday": a date, not a topic."""
    return tok.ent_type_ in ("DATE", "TIME") or bool(re.fullmatch(_MONTHS + r"|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", tok.text))


def _forum_date(finder, doc: Doc, index: EntityIndex, sent: Span, forum: str) -> Optional[tuple[str, str]]:
    """ "At the WTO TBT Committee held on March 20, ...": the date of the session the concern is raised at."""
    ends = [m.end for m in index.mentions if m.id == forum and sent.start_char <= m.start < sent.end_char]
    for d in dates_in(finder, doc, sent):
        for e in ends:
            gap = text_of(doc)[e:d.start]
            if 0 <= d.start - e <= 75 and re.fullmatch(r"(?:\s*\([^()]{1,30}\))?,?(?:\s+(?:held|convened|meeting|session|which\s+was\s+held|that\s+took\s+place|(?:which\s+|that\s+)?(?:met|sat|convened|gathered)|took\s+place|in\s+session)(?:\s+(?:online|virtually|in\s+person|by\s+video(?:\s+conference)?))?)?(?:\s+in\s+[A-Z][\w.]*(?:,\s*[A-Z]\w*)?)?,?\s+(?:on|from|in)\s+(?:the\s+)?", gap) and d.value:
                return d.value
    return None


_PARTIES = re.compile(r"(?:(?:the|these|those|such|all|the\s+relevant|relevant|the\s+concerned)\s+(?:\w+\s+)?(?:countries|members|governments|parties|partners|economies)(?:\s+concerned)?|them|they)", re.I)


def _party_request(tok: Token) -> Optional[tuple[int, int]]:
    """What a request verb asks of the parties just named ("requested that the countries allow
    sufficient grace periods", "urged them to ..."): the asked clause without its subject."""
    for c in tok.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            subj = [x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")]
            if subj and _PARTIES.fullmatch(tok.doc[subj[0].left_edge.i:subj[0].right_edge.i + 1].text):
                drop = {t.i for x in subj for t in x.subtree} | {x.i for x in c.children if x.dep_ == "mark"}
                return trim([t for t in c.subtree if t.i not in drop and not (t.dep_ == "aux" and t.lower_ == "to" and t.head.i == c.i)])
    dobj = [c for c in tok.children if c.dep_ == "dobj"]
    xcomp = [c for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    if dobj and xcomp and _PARTIES.fullmatch(tok.doc[dobj[0].left_edge.i:dobj[0].right_edge.i + 1].text):
        v = xcomp[0]
        return trim([t for t in v.subtree if not (t.dep_ == "aux" and t.lower_ == "to" and t.head.i == v.i)])
    return None


def _coordinated_asks(doc: Doc, index: EntityIndex, tok: Token) -> list[tuple[str, tuple, tuple[int, int]]]:
    """ "urging Indonesia to simplify its halal certification procedures and Vietnam to recognize
    Korean test reports": one (country, measure, request) per party asked, split at the parties."""
    text = text_of(doc)
    toks = list(tok.subtree)
    lo, hi = tok.idx + len(tok.text), max(t.idx + len(t.text) for t in toks)
    parties = []
    for m in index.mentions:
        if m.label == "COUNTRY" and lo <= m.start and m.end <= hi:
            tm = re.match(r"\s+to\s+(\w+)", text[m.end:hi])
            if tm is None and re.search(r"\bthat\s+(?:the\s+)?$", text[max(lo, m.start - 12):m.start]):
                # "requested that the EU provide guidance on ... and that China grant a grace period for ..."
                tm = re.match(r"\s+(?:should\s+)?([a-z]+)\b", text[m.end:hi])
            if tm:
                parties.append((m, m.end + tm.start(1)))
    if len(parties) < 2 or len({m.id for m, _ in parties}) < 2:
        return []
    out = []
    for k, (m, vstart) in enumerate(parties):
        end = parties[k + 1][0].start if k + 1 < len(parties) else hi
        seg = text[vstart:end]
        if k + 1 == len(parties):
            tail = _LIST_TAIL.search(seg)
            if tail:
                seg = seg[:tail.start()]
        seg = re.split(r",?\s+and\s+(?:it|he|she|they|also|the\s+\w+\s+side)\s+\w+|,?\s+(?:and\s+)?(?:called|urged|asked|requested|sought|pressed)\b", seg)[0]
        seg = re.sub(r"(?:[\s,;.]|\band\b|\bthe\b)*$", "", seg)
        send = vstart + len(seg)
        verb = doc.char_span(vstart, vstart + len(re.match(r"\w+", seg).group(0)), alignment_mode="expand") if seg else None
        if verb is None or not seg:
            return []
        v = verb.root
        measure = None
        regs = [r for r in index.mentions if r.label == "REGULATION" and vstart <= r.start and r.end <= send]
        owned = re.search(r"\b(?:its|their)\s+((?:[\w-]+\s+){0,4}(?:standards?|rules?|regulations?|requirements?|measures?|orders?|decree|scheme|law|act|tariffs?|duties|ban|restrictions?|certification|labelling|labeling|procedures?)(?:\s+(?:on|for|of|under)\s+.+)?)$", text[vstart:send])
        if regs:
            measure = ("entity", regs[0].id)
        elif owned:
            # "grant a grace period for its power bank standard": the party's own measure, not what is asked
            o_text = owned.group(1).split(", ")[0]
            measure = ("span", (vstart + owned.start(1), vstart + owned.start(1) + len(o_text)))
        else:
            obj = next((c for c in v.children if c.dep_ == "dobj"), None)
            if obj is None:
                obj = next((o for c in v.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                sp = trim([t for t in obj.subtree if t.idx + len(t.text) <= send and t.idx >= vstart and not (t.i > obj.i and (t.dep_ in ("cc", "conj") and t.head.i == obj.i))])
                if sp is not None:
                    sp = trim(list(doc[doc.char_span(sp[0], sp[1], alignment_mode="expand").start:doc.char_span(sp[0], sp[1], alignment_mode="expand").end]))
                measure = ("span", sp) if sp else None
        if measure is None:
            return []
        out.append((m.id, measure, (vstart, send)))
    return out


def _name_code(cues: Cues, name: str) -> Optional[str]:
    """The country a body's name carries: "Saudi Standards, Metrology and Quality Organization" → SAU,
    "Bureau of Indian Standards" → IND."""
    demonyms = cues.mapping("demonym", "code")
    for word in re.findall(r"[A-Za-z]+", name):
        if word.lower() in demonyms and word[:1].isupper():
            return demonyms[word.lower()]
    return None


def _code(index: EntityIndex, eid: str) -> Optional[str]:
    ent = index.entities.get(eid)
    if ent is None:
        return None
    return ent.attributes.get("code") or ent.attributes.get("country") or (body_country(index, eid) if ent.label in BODIES else None)


def _country_items(doc: Doc, index: EntityIndex, start: int, end: int, skip: set) -> list[tuple[int, int, str]]:
    """The items of a list of other members' measures by their owners: "X's A, Y's B and Z's C" or
    "(measures of) X (A), Y (B) and Z (C)". Each item is (start, end, country id); at least two."""
    text = text_of(doc)
    countries = [m for m in index.mentions if m.label == "COUNTRY" and start <= m.start and m.end <= end and m.id not in skip]
    # "the EU (ecodesign requirements ...), India (quality control orders ...)"
    paren = []
    for m in countries:
        rest = text[m.end:end]
        pm = re.match(r"\s*\(([^()]*)\)", rest)
        if pm and re.fullmatch(r"\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:cases?|items?|measures?|regulations?|STCs?)\s*", pm.group(1), re.I):
            return []  # "technical regulations of the EU (3 cases), India (2 cases) ...": counts, not measures
        if pm and (" " in pm.group(1).strip() or pm.group(1).strip()[:1].islower() and len(pm.group(1).strip()) > 3):
            s = m.end + pm.start(1)
            inner = pm.group(1)
            lead = len(inner) - len(inner.lstrip())
            paren.append((s + lead, s + len(inner.rstrip()), m.id))
    if len(paren) >= 2:
        return paren
    poss = [m for m in countries if _POSS.match(text[m.end:m.end + 3]) and text[m.end:m.end + 3].lstrip()[:1] in ("'", "’")
            and not _OWN_VIEW.match(text[m.end:m.end + 40])]
    pairs = sum(1 for m in poss for c in countries if c.end <= m.start and re.fullmatch(r"\s+and\s+", text[c.end:m.start]))
    if len(poss) + pairs < 2 or len({m.id for m in poss}) + pairs < 2:
        return _compound_items(doc, index, start, end, skip)
    out = []
    first = min([m.start for m in poss] + [c.start for m in poss for c in countries if c.end <= m.start and re.fullmatch(r"\s+and\s+", text[c.end:m.start])])
    head_part = re.sub(r"(?:[\s,;]|\band\b|\bthe\b)*$", "", text[start:first])
    if re.search(r",", head_part):
        # "were the EU deforestation regulation, the U.S. connected vehicle rule, the EU and India's ...": the items before
        out.extend(_compound_items(doc, index, start, start + len(head_part), skip, single=True))
    for k, m in enumerate(poss):
        e = poss[k + 1].start if k + 1 < len(poss) else end
        chunk = text[m.start:e].split("\n", 1)[0]  # an item does not run onto the next line
        chunk = _ITEM_END.sub("", chunk)
        if k + 1 == len(poss):
            tail = _LIST_TAIL.search(chunk)
            if tail:
                chunk = chunk[:tail.start()]
        chunk = re.sub(r"[\s,;.]*(?:[①②③④⑤⑥⑦⑧⑨⑩▲△■□●○•◦▪]|\(\s*[a-z1-9]\s*\))?[\s,;.]*$", "", chunk)
        # "..., for which KATS asked ...", "..., due to apply from October 2026": what follows is not the measure
        chunk = re.split(r",\s+(?:for\s+which|which|that|due\s+to|to\s+be|effective|applicable|scheduled|set\s+to|in\s+force)\b"
                         r"|,?\s+and\s+(?:the|a|an)\s+(?![\w.]+(?:\s+[A-Z][\w.]*)*[’']s\b)(?=\w+\s+(?:of|for)\b)", chunk)[0]
        chunk = chunk.rstrip(" ,;.\n")
        span_toks = doc.char_span(m.start, m.start + len(chunk), alignment_mode="expand")
        if span_toks is not None:
            # "expressed concerns that the EU's Ecodesign Regulation could act as ...": the subject only
            finite = next((t for t in span_toks if t.tag_ in ("MD", "VBZ", "VBP", "VBD") and t.i > span_toks.start + 1
                           and t.dep_ in ("aux", "ROOT", "ccomp", "conj", "relcl") and t.pos_ in ("AUX", "VERB")), None)
            if finite is not None:
                chunk = text[m.start:finite.idx].rstrip(" ,")
        if len(chunk) > len(m.entity.name) + 3:
            # the measure without its owner in front: "India's quality control orders" → "quality control orders"
            pm = re.match(r"[’']s?\s+", text[m.end:m.start + len(chunk)])
            item = (m.end + pm.end() if pm else m.start, m.start + len(chunk), m.id)
            # "the EU and India's recycled-content requirements": a measure of each
            co = next((c for c in countries if c.end <= m.start and re.fullmatch(r"\s+and\s+", text[c.end:m.start]) and c.id != m.id), None)
            if co is not None:
                out.append((item[0], item[1], co.id))
            out.append(item)
    return out if len(out) >= 2 else []


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Demonyms of the gazetteer → country code ("Indian" → IND)."""
    path = Path(__file__).resolve().parents[2] / "data" / "gazetteers" / "demonyms.jsonl"
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out.setdefault(rec["pattern"], rec["id"])
    return out


def _compound_items(doc: Doc, index: EntityIndex, start: int, end: int, skip: set, single: bool = False) -> list[tuple[int, int, str]]:
    """A list of measures named with their owners in front, possessive or not: "the EU Deforestation
    Regulation, the U.S. connected vehicle rule and China's power bank standard". Items are split at
    commas and "and"; each must open with a country (its owner) and end in a measure word, or be a
    regulation of an owner named in it. At least two items, two of them owned."""
    text = text_of(doc)
    lead_verb = re.match(r"\s*(?:were|are|was|is|included|include|includes|concerned)\b:?\s*", text[start:end])
    if lead_verb:
        start += lead_verb.end()  # "(The STCs Korea raised) were the EU deforestation regulation, ..."
    seg = text[start:end]
    tail = _LIST_TAIL.search(seg)
    if tail:
        seg = seg[:tail.start()]
    seg = re.split(r"\s+(?:as\s+(?:specific\s+)?(?:trade\s+)?concerns?|as\s+STCs?)\b|(?<![A-Z])\.\s+(?=[A-Z])|[;:]\s", seg)[0]
    pieces, pos = [], start
    for part in re.split(r"(,\s+(?:and\s+)?|\s+and\s+)", seg):
        if re.fullmatch(r",\s+(?:and\s+)?|\s+and\s+", part):
            pos += len(part)
            continue
        lead = len(part) - len(part.lstrip())
        pieces.append((pos + lead, pos + len(part.rstrip(" ,;.\n"))))
        pos += len(part)
    heads = ("rule", "rules", "regulation", "regulations", "standard", "standards", "act", "law", "requirements", "requirement",
             "order", "orders", "decree", "scheme", "mechanism", "ban", "tariffs", "duties", "measures", "controls", "certification",
             "labelling", "labeling", "directive", "program", "programme", "policy", "restrictions", "quotas", "licensing")
    out = []
    for s0, e0 in pieces:
        if not re.search(r"[A-Za-z]{2}", text[s0:e0]) or re.fullmatch(r"(?:the|and|or)", text[s0:e0].strip(), re.I):
            continue
        acr = re.search(r"\s*\([A-Z][\w-]{1,10}\)$", text[s0:e0])
        if acr:
            e0 = s0 + acr.start()  # "the EU Deforestation Regulation (EUDR)"
        art = re.match(r"(?:the\s+)", text[s0:e0], re.I)
        h = s0 + (art.end() if art else 0)
        owner = next((m for m in index.mentions if m.label == "COUNTRY" and m.start == h and m.id not in skip), None)
        regs = [m for m in index.mentions if m.label == "REGULATION" and s0 <= m.start and m.end <= e0]
        last = re.findall(r"[A-Za-z-]+", text[s0:e0])
        dm = re.match(r"((?:South\s+)?[A-Z][a-z]+)\s+", text[h:e0])
        demonym = index.country_for_code(_demonyms().get(dm.group(1))) if dm and owner is None else None
        if demonym is not None and demonym not in skip and any(w.lower() in heads for w in last):
            # "the Indian BIS certification for chemicals", "the Vietnamese labelling decree"
            out.append((h + dm.end(), e0, demonym))
            continue
        if owner is not None and (any(w.lower() in heads for w in last[1:]) or regs):
            pm = re.match(r"[’']s?\s+|\s+", text[owner.end:e0])
            out.append((owner.end + pm.end() if pm and regs == [] else (regs[0].start if regs else owner.end), e0, owner.id))
        elif regs and regs[0].start <= h + 1 and regs[0].end >= e0 - 1:
            # "the EU Deforestation Regulation": a country inside the regulation's name owns it
            inner = next((m.id for m in index.mentions if m.label == "COUNTRY" and regs[0].start <= m.start < regs[0].end and m.id not in skip), None)
            if inner is None:
                code = _lookup(text[regs[0].start:regs[0].end].split()[0], prefix=False)
                inner = index.country_for_code(code) if code else None
            out.append((regs[0].start, regs[0].end, inner if inner not in skip else None))
        else:
            return []
    owned = [o for o in out if o[2]]
    if single:
        return owned
    return out if len(out) >= 2 and len(owned) >= 2 else []


def _paragraph_owner(doc: Doc, index: EntityIndex, sent: Span) -> Optional[str]:
    """The country a paragraph is headed by: "As for Vietnam, the delegation pointed to ...", "Regarding
    the United States, Korea drew attention to ...", "China – ...", "Indonesia: ..."."""
    text = text_of(doc)
    para = text.rfind("\n", 0, sent.start_char) + 1
    head = text[para:para + 60]
    m = re.match(r"(?:As\s+for|Regarding|With\s+regard\s+to|Concerning|On|For|In\s+the\s+case\s+of)\s+(?:the\s+)?|", head)
    at = para + m.end()
    c = next((x for x in index.mentions if x.label == "COUNTRY" and x.start == at), None)
    if c is None:
        return None
    rest = text[c.end:c.end + 4]
    if m.end() and rest.startswith(",") or not m.end() and re.match(r"\s*[–—:-]\s", rest):
        return c.id
    return None


def _object_chain(doc: Doc, index: EntityIndex, cues: Cues, sent: Span, verb: Token, skip: set) -> list[tuple[str, object, Optional[str]]]:
    """The measures a raising verb takes one after another, in text: "raised A, asking ..., as well as B
    that ..., and also C, D and E". Each piece opens with "the" (or an owner) and has a measure word among
    its first words; a participle (", asking ...") or relative clause ends a piece."""
    text = text_of(doc)
    region = text[verb.idx + len(verb.text):sent.end_char]
    heads = cues.words("measure_noun") | cues.words("measure_head")
    base = verb.idx + len(verb.text)
    inside = [(m.start - base, m.end - base) for m in index.mentions if m.end > base and m.start < sent.end_char]
    parts, last = [], 0
    for sp in re.finditer(r",?\s+(?:as\s+well\s+as|and\s+also|and)\s+(?=the\s|[A-Z])|,\s+(?=the\s)", region):
        if any(a < sp.start() < b for a, b in inside):
            continue  # "the CHIPS and Science Act" is one name
        parts.append(region[last:sp.start()])
        last = sp.end()
    parts.append(region[last:])
    out: list[tuple[str, object, Optional[str]]] = []
    pos = verb.idx + len(verb.text)
    for part in parts:
        at = text.find(part, pos)
        pos = at + len(part) if at >= 0 else pos
        if at < 0:
            return []
        piece = re.split(r",\s+(?:asking|calling|urging|noting|saying|which|who|while|requesting|seeking)\b|\s+(?:that|which)\s+(?:limit|limits|could|would|will|may|has|have|is|are)\b|\s+asking\b", part)[0]
        lead = len(piece) - len(piece.lstrip())
        s0, e0 = at + lead, at + len(piece.rstrip(" ,.;"))
        poss_owner = next((m for m in index.mentions if m.label == "COUNTRY" and m.start == s0 and re.match(r"[’']s?\s", text[m.end:m.end + 3])), None)
        if not re.match(r"(?:the|its|their)\s", text[s0:e0], re.I) and poss_owner is None:
            if out:
                break
            continue
        words = re.findall(r"[A-Za-z][\w-]*", text[s0:e0])[:9]
        regs = [m for m in index.mentions if m.label == "REGULATION" and s0 <= m.start and m.end <= e0]
        if not regs and not any(w.lower() in heads for w in words):
            break
        owner = None
        art = re.match(r"(?:the|its|their)\s+|", text[s0:e0], re.I)
        h = s0 + art.end()
        num = re.match(r"(?:\d[\d.,]*\s*(?:percent|%)|[\d.,]+-percent)\s+", text[h:e0])
        if num:
            h += num.end()  # "the 10 percent additional tariff": the measure leaves the figure out
        c = next((m for m in index.mentions if m.label == "COUNTRY" and m.start == h and m.id not in skip), None)
        if c is not None:
            owner = c.id
            h = c.end + len(re.match(r"[’']?s?\s*", text[c.end:e0]).group(0))
        if regs and (regs[0].end - regs[0].start) * 2 >= e0 - h and not any(w.lower() in heads for w in re.findall(r"[A-Za-z][\w-]*", text[h:regs[0].start])):
            out.append(("entity", regs[0].id, owner))
        elif regs and re.search(r"\b(?:provisions?|requirements?)\s+(?:of|under)\s+(?:the\s+)?$", text[h:regs[0].start]):
            out.append(("entity", regs[0].id, owner))  # "the guardrail provisions of the CHIPS and Science Act" → the act (A4)
        else:
            out.append(("span", (h, e0), owner))
    return out if len(out) >= 2 else []


def _list_region_after(doc: Doc, sent: Span, tok: Token) -> Optional[tuple[int, int]]:
    """The text of an "including ..." / "such as ..." list after the trigger in its sentence."""
    text = text_of(doc)
    seg = text[tok.idx:sent.end_char]
    m = re.search(r"\b(?:including|such as|namely|notably)\s+", seg)
    if m is None:
        m = re.search(r"\b(?:on|regarding|concerning|about|over)\s+(?:the\s+)?(?:\w+\s+)?(?:measures|regulations|rules|requirements|policies)\s+of\s+", seg)
        if m is None:
            return None
        return tok.idx + m.start(), sent.end_char
    return tok.idx + m.end(), sent.end_char


def _regulation_item(index: EntityIndex, s: int, e: int) -> Optional[str]:
    """A REGULATION entity that is the whole item ("the EU's Deforestation Regulation")."""
    for m in index.mentions:
        if m.label == "REGULATION" and s <= m.start and m.end <= e and e - m.end <= 2:
            return m.id
    return None


def _next_sentence_list(doc: Doc, index: EntityIndex, sent: Span, skip: set) -> list[tuple[str, object, Optional[str]]]:
    """ "KATS raised 12 specific trade concerns .... These included the EU's A, India's B and China's C."
    → the listed measures with their owners."""
    text = text_of(doc)
    nxt = next((s for s in doc.sents if s.start_char >= sent.end_char and text[s.start_char:s.end_char].strip()), None)
    if nxt is None:
        return []
    m = _NEXT_LIST.match(text[nxt.start_char:nxt.end_char])
    if m is None or re.match(r"\s*(?:as\s+follows)?\s*[:.]", text[nxt.start_char + m.end():nxt.end_char]):
        return []  # "The major regulations raised by KATS are as follows:" reads its own list
    start, end = nxt.start_char + m.end(), nxt.end_char
    enum = [mk for mk in _ENUM.finditer(text, start, end)]
    out: list[tuple[str, object, Optional[str]]] = []
    if len(enum) >= 2:
        for k, mk in enumerate(enum):
            e = enum[k + 1].start() if k + 1 < len(enum) else end
            chunk = _ITEM_END.sub("", text[mk.end():e]).rstrip(" ,;.")
            s = mk.end() + len(text[mk.end():e]) - len(text[mk.end():e].lstrip())
            if chunk.strip():
                out.append(_item(index, s, mk.end() + len(chunk), skip))
        return out
    for s, e, cid in _country_items(doc, index, start, end, skip):
        reg = _regulation_item(index, s, e)
        out.append(("entity", reg, cid) if reg else ("span", (s, e), cid))
    return out


def _item(index: EntityIndex, s: int, e: int, skip: set) -> tuple[str, object, Optional[str]]:
    owner = next((m.id for m in index.mentions if m.label == "COUNTRY" and s <= m.start and m.end <= e and m.id not in skip), None)
    reg = _regulation_item(index, s, e)
    return ("entity", reg, owner) if reg else ("span", (s, e), owner)


def _item_owner(doc: Doc, index: EntityIndex, kind: str, item, skip: set) -> Optional[str]:
    """The country that owns one listed measure: a possessive in front of a regulation ("the EU's
    Deforestation Regulation") or a country inside the measure's span."""
    text = text_of(doc)
    if kind == "entity":
        mentions = [m for m in index.mentions if m.id == item]
        for mm in mentions:
            before = text[max(0, mm.start - 40):mm.start]
            pm = re.search(r"['’]s?\s*$", before)
            if pm:
                end = mm.start - (len(before) - pm.start())
                owner = next((c.id for c in index.mentions if c.label == "COUNTRY" and c.end == end and c.id not in skip), None)
                if owner:
                    return owner
        return None
    s, e = item
    return next((m.id for m in index.mentions if m.label == "COUNTRY" and s <= m.start and m.end <= e and m.id not in skip), None)


def meeting_forum(index: EntityIndex, meeting: EventRecord) -> Optional[str]:
    """The body a meeting was held as: a forum participant, or a forum named in the meeting's name
    ("the second special session of the Korea–U.S. FTA Joint Committee")."""
    for a in meeting.arguments:
        if a.role == "participant" and a.entity and index.label(a.entity) in BODIES and _is_forum(index.entities[a.entity].name):
            return a.entity
    for a in meeting.arguments:
        if a.role == "name" and a.span is not None:
            ref = next((m for m in index.mentions if a.span[0] <= m.start and m.end <= a.span[1] and m.label in BODIES and _is_forum(m.entity.name)), None)
            if ref is not None:
                return ref.id
    return None


_ATTENDED = re.compile(r"(?:\b(?:at|during|before|attended|attend|attending|participated\s+in|took\s+part\s+in|sidelines\s+of|holds?|held|convened?|(?:co-)?chair(?:ed|s)?|(?:co-)?host(?:ed|s)?|(?:meeting|session)s?\s+of)\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:(?:regular|special|annual|second|third|first)\s+)*(?:(?:meeting|session)\s+of\s+(?:the\s+)?)?)$", re.I)


def _forum_from_context(doc: Doc, index: EntityIndex, events: list[EventRecord], finder=None, sents: Optional[list[Span]] = None) -> None:
    """Concerns without a forum of their own take the forum of the meeting they belong to: the
    meeting before them when it was held as a committee, else the committee the release opens with
    ("KATS participated in the meeting of the WTO TBT Committee ... The major regulations raised are
    as follows: ▲ ..."), when the concern is not dated to another day."""
    text = text_of(doc)
    lead = None
    body = body_start(doc)
    # the title and the first two sentences of the body ("Korea, U.S. Hold KORUS FTA Joint Committee")
    sents = sentences(doc) if sents is None else sents
    first = [s for s in sents if s.end_char > body][:5] + [s for s in sents if s.end_char <= body][:1]
    lead_sent = None
    for sent in first:
        for m in index.mentions:
            if m.label in BODIES and sent.start_char <= m.start < sent.end_char and is_forum(m.entity.name) \
                    and (_ATTENDED.search(text[max(sent.start_char, m.start - 60):m.start])
                         # "delivered Korean industry's concerns ... to the WTO Committee on Technical Barriers to Trade"
                         or re.search(r"\bto\s+(?:the\s+)?$", text[max(sent.start_char, m.start - 10):m.start]) and re.search(r"Committee|Council", m.entity.name)):
                lead, lead_sent = m.id, sent
                break
        if lead is not None:
            break
    lead_date = None
    if lead is not None:
        # the session the lead reports, not a later one of the same committee ("again at the next TBT Committee in March")
        lead_meeting = next((ev for ev in prior_events(doc, "MEETING") if meeting_forum(index, ev) == lead
                             and (lead_sent is None or ev.trigger[0] < lead_sent.end_char)), None)
        lead_date = lead_meeting.date if lead_meeting is not None else None
        if lead_date is None and finder is not None and lead_sent is not None:
            # "raised seven concerns at the WTO TBT Committee held in Geneva from November 12 to 14"
            lead_date = _forum_date(finder, doc, index, lead_sent, lead)
    for ev in events:
        if ev.type != "TRADE_CONCERN" or any(a.role == "forum" for a in ev.arguments):
            continue
        complainants = {a.entity for a in ev.arguments if a.role == "complainant"}
        forum = None
        meeting = meeting_before(doc, ev.trigger[0])
        if meeting is not None and (ev.date is None or ev.date == meeting.date):
            forum = meeting_forum(index, meeting)
        if forum is None and lead is not None and (ev.date is None or lead_date is None or ev.date == lead_date):
            forum = lead
        if forum is not None and forum not in complainants:
            ev.arguments.append(ent_arg("forum", forum))
    for ev in events:
        if ev.type == "TRADE_CONCERN" and ev.date is None and lead_date is not None and any(a.role == "forum" and a.entity == lead for a in ev.arguments):
            ev.date = lead_date  # the session the release reports


def _sentence_forum(doc: Doc, index: EntityIndex, sent: Span) -> Optional[str]:
    """The body where a concern is raised, from "at / during / in the <committee>" or "a meeting of
    the <committee>" in its sentence."""
    text = text_of(doc)
    for m in index.mentions:
        if m.label not in BODIES or not (sent.start_char <= m.start < sent.end_char):
            continue
        before = text[max(sent.start_char, m.start - 40):m.start]
        at = re.search(r"\b(?:at|during|before)\s+(?:the\s+)?(?:next\s+|upcoming\s+|coming\s+)?(?:\d+(?:st|nd|rd|th)\s+)?$", before, re.I)
        near = at or re.search(r"(?:\bin\s+(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?|\b(?:meeting|session)s?\s+of\s+(?:the\s+)?)$", before, re.I)
        if not near:
            continue
        if is_forum(m.entity.name) or at and re.fullmatch(r"WTO|World Trade Organization", m.entity.name):
            return m.id
    return None
