"""AGREEMENT events: an action on an agreement, or parties agreeing to do something.

Status words are data ("signed" → signed, "conclusion" → concluded, "negotiations" → negotiating,
"entered into force" → in_force, "reviewed" → reviewed, "agreed" → agreed); a sign / conclude
word in the future ("will sign", "seek a conclusion") is `planned`. An action word counts when an
AGREEMENT entity or an agreement noun ("deal", "memorandum", "negotiations") goes with it; "agree"
counts alone, one event per agreed content ("agreed to maintain X and resume Y" gives two). Parties
are the subject's entities, "the two sides" resolved through the meeting before, and countries
after "with" / "between" (only those, when "between" names two); with none of those, the countries of
a paired name ("the Korea–UK FTA upgrade negotiations"); an entry into force names parties only with
"for X". A bare "the protocol" refers back to the agreement named before; "Regarding X, ... a
conclusion" takes X; "the agreement", "their FTA", "negotiations" stand for the agreement named before.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..layers import EventRecord, text_of
from .common import (
    contiguous_run,
    CueComponent,
    Cues,
    EntityIndex,
    actors,
    body_start,
    ent_arg,
    event_date,
    home_country,
    dated_meeting_before,
    meeting_before,
    name_countries,
    other_country,
    same_day_date,
    sentences,
    span_arg,
    tense_of,
    trim,
)

PARTY_LABELS = frozenset({"COUNTRY", "MINISTRY", "ORG", "OFFICIAL"})


@Language.factory(
    "agreement_events",
    default_config={
        "data_path": None,
        "date_finder": {"@misc": "extractor.find_dates.v1"},
        "split_contents": True,
        "meeting_dates": True,
        "refer_back": True,
    },
)
def make_agreement_events(nlp: Language, name: str, data_path: Optional[str], date_finder: Callable, split_contents: bool, meeting_dates: bool, refer_back: bool) -> "AgreementEvents":
    """AGREEMENT events from status words over the entity layer (run after `meeting_events`).

    data_path: an extra JSONL cue file added to the package's `data/events/agreement.jsonl`.
    date_finder: the date finder (event dates).
    split_contents: "agreed to X and Y" gives one event per content.
    meeting_dates: an `agreed` event with no date in its sentence takes the date of the meeting before it.
    refer_back: "the agreement", "their free trade agreement", "negotiations" with no agreement named
        stand for the agreement named before (else the document's most mentioned one).
    """
    return AgreementEvents(nlp, name, data_path=data_path, date_finder=date_finder, split_contents=split_contents,
                           meeting_dates=meeting_dates, refer_back=refer_back)


class AgreementEvents(CueComponent):
    data_name = "agreement"

    def __init__(self, nlp, name: str, *, data_path=None, date_finder=None, split_contents: bool = True, meeting_dates: bool = True, refer_back: bool = True) -> None:
        super().__init__(nlp, name, data_path=data_path, date_finder=date_finder)
        self.refer_back = refer_back
        self.split_contents = split_contents
        self.meeting_dates = meeting_dates

    def _status(self, cues: Cues, tok: Token) -> Optional[str]:
        statuses = cues.mapping("status", "status")
        lemma = tok.lemma_.lower()
        st = statuses.get(tok.lower_) or statuses.get(lemma)
        if lemma == "apply" and any(c.lower_ in ("provisionally",) for c in tok.children):
            return "in_force"
        if st == "in_force":
            # "entered into force", "in force", "take effect", "came into effect"
            if lemma in ("force", "effect"):
                return st if tok.head.lower_ in ("into", "in") or tok.head.lemma_ in ("take", "enter", "come") else None
            if lemma == "effective":
                return st if tok.head.lemma_ in ("become", "be") else None
            return None
        return st

    def find(self, doc: Doc, cues: Cues) -> list[EventRecord]:
        index = EntityIndex(doc)
        body = body_start(doc)
        events: list[EventRecord] = []
        self._so_far = events  # for "on the same day"
        seen_agreements: set[tuple[str, str]] = set()
        nouns = cues.words("agreement_noun")
        for sent in sentences(doc):
            if sent.start_char < body:
                continue
            for tok in sent:
                status = self._status(cues, tok)
                if status is None or tok.pos_ not in ("VERB", "NOUN", "ADP", "ADJ"):
                    continue
                if status == "agreed":
                    if tok.pos_ != "VERB":
                        continue
                    events.extend(self._agreed(doc, index, cues, sent, tok))
                    continue
                trig_tok = tok
                if status == "in_force":
                    # "The FTA entered into force on ...": the verb is the trigger, its subject the agreement
                    verb = tok
                    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                        verb = verb.head
                    if verb.pos_ in ("VERB", "AUX"):
                        trig_tok = verb
                scope = self._scope(trig_tok) if trig_tok is not tok else self._scope(tok)
                agreements = [m for m in index.in_tokens(scope, {"AGREEMENT"})]
                has_noun = any(t.lemma_.lower() in nouns or t.lower_ in nouns for t in scope)
                if not agreements and not has_noun and tok.pos_ == "NOUN" and status in ("concluded", "signed"):
                    # "Regarding the Korea–UK FTA upgrade negotiations, ... to seek a conclusion within the year"
                    agreements = _fronted_agreements(index, sent, tok)
                if status == "negotiating" and tok.pos_ == "NOUN":
                    has_noun = True
                if not agreements and not has_noun:
                    continue
                if status == "negotiating" and self._under_other_status(cues, tok):
                    continue  # "the conclusion of tariff negotiations": one event, concluded
                if status == "negotiating" and tok.lower_ == "talks" and not agreements and tok.head.lemma_.lower() in ("hold", "have", "conduct") and not any(
                        c.dep_ in ("compound", "amod") and c.lower_ in ("fta", "trade", "tariff", "partnership", "negotiation", "accession") for c in tok.children):
                    continue  # "KATS held bilateral talks with the BIS and SASO": a meeting, not negotiations
                if status == "negotiating" and tok.pos_ == "NOUN" and not agreements and not any(c.dep_ in ("compound", "amod") for c in tok.children):
                    # a bare "negotiations" with no agreement named: only with a verb of launching
                    if tok.head.lemma_.lower() not in cues.words("launch"):
                        continue
                    if tok.lower_ == "talks" and tok.head.lemma_.lower() in ("hold", "have"):
                        continue  # "held talks in Seoul": a meeting, not negotiations
                if status in ("signed", "concluded") and self._future(cues, sent, tok):
                    status = "planned"
                if not agreements and any(t.lemma_.lower() in nouns and any(d.lower_ in ("the", "this") for d in t.children if d.dep_ == "det") for t in scope) and any(
                        ev.attributes.get("status") == status and any(a.role == "agreement" for a in ev.arguments) for ev in events):
                    continue  # "The agreement was signed in Seoul by ...": the signing already reported
                key = (status, agreements[0].id if agreements else str(tok.i))
                if key in seen_agreements:
                    continue
                seen_agreements.add(key)
                parties = self._parties(doc, index, cues, sent, tok, scope, status)
                content = None
                agreement_id = agreements[0].id if agreements else None
                if agreement_id is None:
                    obj = self._content_np(tok, nouns)
                    if obj is not None and text_of(doc)[obj[0]:obj[1]].lower() in ("negotiations", "talks") and text_of(doc)[max(0, obj[0] - 4):obj[0]].lower() == "the ":
                        continue  # "to conclude the negotiations": negotiations reported before, nothing new named
                    named = _named_before(index, events, text_of(doc)[obj[0]:obj[1]], text_of(doc)[max(0, obj[0] - 4):obj[0]]) if obj is not None else None
                    if named is not None:
                        agreement_id = named  # "signed the protocol": the protocol named before
                    elif obj is not None:
                        content = obj
                if agreement_id is None and self.refer_back:
                    # "launched negotiations to upgrade their free trade agreement", "the FTA entered into force":
                    # the agreement the document is about
                    phrase = text_of(doc)[content[0]:content[1]] if content is not None else tok.text
                    lead = text_of(doc)[max(0, content[0] - 6):content[0]].split()[-1:] if content is not None else []
                    agreement_id = _referred_agreement(index, " ".join(lead + [phrase]), tok.idx)
                    if agreement_id is not None and content is not None and _ANAPHOR.fullmatch(phrase.strip()):
                        content = None  # "the agreement" says no more than the agreement itself
                if not parties and status != "in_force":
                    # "the Korea–UK FTA upgrade negotiations", "the conclusion of the Korea-GCC FTA": the paired name's countries
                    parties = self._named_parties(index, doc, agreement_id, content, tok)
                parties = _with_home(index, doc, tok, parties, content, status)
                args = [ent_arg("party", p) for p in parties]
                if agreement_id is not None:
                    args.append(ent_arg("agreement", agreement_id))
                elif content is not None:
                    args.append(span_arg("content", content))
                trig = _trigger(tok) if trig_tok is tok else (min(trig_tok.idx, tok.idx), max(trig_tok.idx + len(trig_tok.text), tok.idx + len(tok.text)))
                date = event_date(self.find_dates, doc, sent, tok, min_precision=1)
                if date is None and self.meeting_dates and status in ("reviewed", "signed") and trig_tok.tag_ == "VBD":
                    # "the committee reviewed the implementation of the FTA": done at the meeting
                    meeting = meeting_before(doc, tok.idx)
                    if meeting is not None:
                        date = meeting.date
                events.append(EventRecord(type="AGREEMENT", trigger=trig, date=date, attributes={"status": status}, arguments=args))
        return events

    def _under_other_status(self, cues: Cues, tok: Token) -> bool:
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "of":
            head = head.head
        if head.i == tok.i:
            return False
        st = self._status(cues, head)
        return st is not None and st != "negotiating" or (tok.dep_ in ("nsubjpass", "nsubj") and self._status(cues, tok.head) not in (None, "negotiating"))

    def _future(self, cues: Cues, sent: Span, tok: Token) -> bool:
        words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        head = tok
        for _ in range(3):
            if head.head.i == head.i:
                break
            head = head.head
            words.add(head.lemma_.lower())
            words |= {c.lower_ for c in head.children if c.dep_ in ("aux",)}
        return bool(words & {"will", "shall", "plan", "aim", "seek", "intend", "expect", "schedule"}) or tense_of(sent, tok) == "future" and tok.tag_ not in ("VBD", "VBN")

    def _scope(self, tok: Token) -> list[Token]:
        """The tokens that say what the action is about: its subtree, or its head phrase."""
        if tok.pos_ == "VERB":
            out = [t for c in tok.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "prep", "attr", "agent") for t in c.subtree]
            if tok.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that") for c in tok.children):
                # "the India-Korea CEPA, which came into effect in January 2010": the noun the clause is about
                head = tok.head
                out += [t for t in head.subtree if t.i <= head.i]
            return out + [tok]
        head = tok.head if tok.dep_ in ("compound", "pobj", "amod") else tok
        toks = list(tok.subtree) + [tok.head]
        if head.pos_ in ("NOUN", "PROPN"):
            toks += list(head.subtree)
        return toks

    def _parties(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, tok: Token, scope: list[Token], status: str = "") -> list[str]:
        verb = tok
        while verb.pos_ != "VERB" and verb.head.i != verb.i:
            verb = verb.head
        if status == "in_force":
            # background in-force statements have no party unless the clause says for whom:
            # "entered into force today for the United States, Japan, Singapore, Fiji and India"
            out: list[str] = []
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "for":
                    for m in index.in_tokens(list(c.subtree), {"COUNTRY"}):
                        if m.id not in out:
                            out.append(m.id)
            return out
        subj = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree]
        # "The GCC and Korea signed a joint statement announcing the conclusion of ...": the subject of the verb above
        up = verb
        for _ in range(3):
            if subj or up.head.i == up.i or up.dep_ not in ("acl", "dobj", "pobj", "prep", "xcomp", "advcl", "relcl") and up.pos_ == "VERB":
                break
            up = up.head
            if up.pos_ == "VERB":
                subj = [t for c in up.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree]
        parties = actors(index, cues, subj, sent, doc, PARTY_LABELS) if subj else []
        parties = [p for p in parties if index.label(p) != "AGREEMENT"]
        # "with the United States", "between Korea and the United States"
        between: list[str] = []
        for t in scope + list(tok.subtree):
            if t.dep_ == "prep" and t.lower_ in ("with", "between", "among"):
                for m in index.in_tokens(list(t.subtree), {"COUNTRY", "MINISTRY", "ORG"}):
                    if m.id not in parties:
                        parties.append(m.id)
                    if t.lower_ in ("between", "among") and m.id not in between:
                        between.append(m.id)
        if len(between) >= 2:
            return between  # "a memorandum between Korea and the United States": those are the parties
        return parties

    def _named_parties(self, index: EntityIndex, doc: Doc, agreement_id: Optional[str], content: Optional[tuple[int, int]], tok: Token) -> list[str]:
        """Parties a paired name gives: the agreement's ("Korea-GCC FTA"), else the content's or the
        trigger's phrase ("the Korea–UK FTA upgrade negotiations")."""
        texts: list[str] = []
        ent = index.entities.get(agreement_id) if agreement_id else None
        if ent is not None:
            texts.append(ent.name)
            texts.extend(text_of(doc)[s:e] for s, e in ent.mentions)
        if content is not None:
            texts.append(text_of(doc)[content[0]:content[1]])
        phrase = tok.head if tok.dep_ in ("compound", "amod") else tok
        if phrase.pos_ in ("NOUN", "PROPN"):
            toks = [t for t in phrase.subtree if t.i <= phrase.i]
            texts.append(text_of(doc)[toks[0].idx:phrase.idx + len(phrase.text)])
        for text in texts:
            found = name_countries(index, text)
            if found:
                return found
        return []

    def _content_np(self, tok: Token, nouns) -> Optional[tuple[int, int]]:
        """A lower-case agreement named by description ("a memorandum of understanding on ...")."""
        for t in ([tok] if tok.lemma_.lower() in nouns else []) + [c for c in tok.subtree if (c.lemma_.lower() in nouns or c.lower_ in nouns) and c.pos_ == "NOUN" and c.i != tok.i]:
            toks = [x for x in t.subtree if x.dep_ not in ("relcl",)]
            toks = [x for x in toks if not (x.i > t.i and x.dep_ == "prep" and x.lower_ in ("in", "between", "with"))]
            cut = []
            for x in sorted(toks, key=lambda x: x.i):
                if cut and x.i != cut[-1].i + 1:
                    break
                if x.i > t.i and x.dep_ == "prep" and x.lower_ in ("between", "with", "in"):
                    break
                cut.append(x)
            return trim(cut)
        return None

    def _agreed(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, tok: Token) -> list[EventRecord]:
        subj = [t for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
        if not subj and tok.dep_ in ("conj", "xcomp") and tok.head.pos_ == "VERB":
            subj = [t for c in tok.head.children if c.dep_ in ("nsubj",) for t in c.subtree]
        parties = actors(index, cues, subj, sent, doc, PARTY_LABELS)
        contents: list[Token] = []
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp"):
                contents.append(c)
                if self.split_contents:
                    contents.extend(x for x in c.conjuncts if x.i != c.i and x.pos_ == "VERB")
            elif c.dep_ == "prep" and c.lower_ in ("on", "upon", "to"):
                # "agreed on Thursday to ...": a date, not what is agreed
                contents.extend(o for o in c.children if o.dep_ == "pobj" and not _DATE_WORD.match(o.text) and not any(_DATE_WORD.match(x.text) for x in o.lefts))
            elif c.dep_ == "dobj":
                contents.append(c)
        if not contents:
            contents = [None]  # type: ignore[list-item]
        # a date inside what is agreed ("... the meeting scheduled for next year") is not the agreeing's
        content_toks = {t.i for c in contents if c is not None for t in c.subtree}
        outside = [t for t in sent if t.i not in content_toks]
        date = None
        if outside:
            from ..dates import pick_event_date
            from .common import dates_in, in_clause_of, tense_of
            found = [d for d in dates_in(self.find_dates, doc, sent, tense_of(sent, tok))
                     if not any(t.idx <= d.start < t.idx + len(t.text) + 1 for t in sent if t.i in content_toks)]
            # "the CEPA, which came into effect in January 2010, and agreed to ...": not the agreeing's
            found = [d for d in found if (sp := doc.char_span(d.start, d.end, alignment_mode="expand")) is None or in_clause_of(sp.root, tok)]
            best = pick_event_date(found, tok.idx, 1)
            date = best.value if best else None
        if date is None:
            date = same_day_date(doc, sent, tok.idx, getattr(self, "_so_far", []))
        if date is None and self.meeting_dates:
            meeting = dated_meeting_before(doc, tok.idx)  # agreed at the meeting
            if meeting is not None:
                date = meeting.date
        out = []
        for c in contents:
            args = [ent_arg("party", p) for p in parties]
            if c is not None:
                toks = [t for t in c.subtree if not (t.dep_ in ("conj", "cc") and t.head.i == c.i and t.pos_ == "VERB") and not _under_conj_verb(t, c)]
                toks = [t for t in toks if not (t.dep_ == "aux" and t.lower_ == "to" and t.head.i == c.i)]
                # ", which was last held in December 2019": a relative clause says more about a word, not what is agreed
                aside = {x.i for t in toks if t.dep_ in ("relcl", "appos") and t.i > c.i and t.doc[t.left_edge.i - 1].text == "," for x in t.subtree}
                toks = [t for t in toks if t.i not in aside]
                span = trim(contiguous_run(toks, c), keep_lead=True)
                if span is not None:
                    args.append(span_arg("content", span))
                found = index.in_tokens(list(c.subtree), {"AGREEMENT"})
                for m in found:
                    args.append(ent_arg("agreement", m.id))
                    break
                if not found and self.refer_back:
                    # "agreed to resume negotiations to upgrade the agreement"
                    ref = _referred_agreement(index, " ".join(t.text for t in c.subtree), tok.idx)
                    if ref is not None:
                        args.append(ent_arg("agreement", ref))
            out.append(EventRecord(type="AGREEMENT", trigger=_trigger(tok), date=date, attributes={"status": "agreed"}, arguments=args))
        return out


_DATE_WORD = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|today|tomorrow|yesterday|day|occasion)$", re.I)
_ANAPHOR = re.compile(r"(?:the|their|its|this|that|both|the two)?\s*(?:bilateral\s+|free\s+trade\s+)?(?:agreement|agreements|fta|deal|negotiations|talks|accord|pact|cepa|epa|treaty)", re.I)
_ANAPHOR_IN = re.compile(r"\b(?:the|their|its|this|that)\s+(?:(?:bilateral|free\s+trade|trade)\s+)?(?:agreement|fta|deal|accord|pact|cepa|epa|treaty)\b|\bnegotiations\b|\btalks\b", re.I)


def _with_home(index: EntityIndex, doc: Doc, tok: Token, parties: list[str], content: Optional[tuple[int, int]], status: str) -> list[str]:
    """A release's own country is the other party of its negotiations: "the conclusion of tariff
    negotiations with the U.S." → Korea and the U.S.; "the conclusion of bilateral tariff
    negotiations" → Korea and the document's main other country. Only for a reported noun ("the
    conclusion of", "negotiations"), not a clause whose subject names who acts."""
    if status == "in_force" or tok.pos_ not in ("NOUN", "PROPN"):
        return parties
    home = home_country(index)
    if home is None:
        return parties
    if len(parties) == 1 and index.label(parties[0]) == "COUNTRY" and parties[0] != home:
        return [home, parties[0]]
    if not parties and content is not None and re.search(r"\bbilateral\b", text_of(doc)[content[0]:content[1]], re.I):
        other = other_country(index, home)
        return [home, other] if other else parties
    return parties


def _referred_agreement(index: EntityIndex, phrase: str, char: int) -> Optional[str]:
    """The AGREEMENT entity an anaphoric phrase ("the agreement", "their free trade agreement",
    "negotiations") stands for: the latest agreement named before it, else the document's most
    mentioned one."""
    if not _ANAPHOR_IN.search(phrase):
        return None
    before = [m for m in index.mentions if m.label == "AGREEMENT" and m.end <= char]
    if before:
        return before[-1].id
    counts: dict[str, int] = {}
    for m in index.mentions:
        if m.label == "AGREEMENT":
            counts[m.id] = counts.get(m.id, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _named_before(index: EntityIndex, events: list[EventRecord], text: str, before: str) -> Optional[str]:
    """The AGREEMENT entity a definite bare noun ("the protocol", "the agreement") refers back to:
    the latest agreement of an earlier event whose name has that noun."""
    if before.lower() not in ("the ", "his ", "its ") or " " in text.strip():
        return None
    word = text.strip().lower()
    for ev in reversed(events):
        for a in ev.arguments:
            if a.role == "agreement" and a.entity in index.entities and word in index.entities[a.entity].name.lower():
                return a.entity
    return None


def _fronted_agreements(index: EntityIndex, sent: Span, tok: Token) -> list:
    """The agreement a sentence is about when it says so in front: "Regarding X, ..."."""
    first = [t for t in sent if not t.is_space][:1]
    if not first or first[0].lower_ not in ("regarding", "concerning", "on", "for") or first[0].i >= tok.i:
        return []
    phrase = [t for t in first[0].subtree if t.i < tok.i]
    return index.in_tokens(phrase, {"AGREEMENT"})


def _trigger(tok: Token) -> tuple[int, int]:
    return (tok.idx, tok.idx + len(tok.text))


def _under_conj_verb(t: Token, top: Token) -> bool:
    cur = t
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("conj",) and cur.pos_ == "VERB" and cur.head.i == top.i:
            return True
        if cur.dep_ == "cc" and cur.head.i == top.i:
            return True
        cur = cur.head
    return False


