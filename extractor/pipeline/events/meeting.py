"""MEETING events: people or bodies meet, visit, convene, hold a forum, roundtable or committee.

A trigger is a meeting verb ("met", "convened", "visited", "chaired") or a verb holding a meeting
noun ("held a roundtable"), or a visit noun with its visitor ("the state visit of To Lam"). Its
participants are the named people on both sides (the subject, and "with X" / the object), bodies
and countries only where no person of theirs is named. Later sentences that go on about the same
meeting ("The two officials discussed ...", "During the meeting, ...", "The meeting was attended
by ...") add topics and participants to it; a meeting with another date or other people is a new
event ("previously held a minister-level meeting in August"). A visit and the talks held on it are
one meeting; "took part in the committee" is a meeting; the place is the trigger's "at / in X", else
one deeper in its clause ("the meeting held in Geneva"); a meeting "on the sidelines of" another, or
"on the same day", takes that one's date.
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..layers import EventRecord, text_of
from .common import (
    contiguous_run,
    ancestors_until,
    BODIES,
    PEOPLE,
    CueComponent,
    Cues,
    EntityIndex,
    MentionRef,
    body_start,
    dates_in,
    ent_arg,
    event_date,
    in_parens,
    is_forum,
    resolve_sides,
    same_day_date,
    sentences,
    side_kind,
    span_arg,
    trim,
)

# verbs that report a story, not an event in it ("the ministry said on Wednesday")
_REPORTING = frozenset({"say", "tell", "announce", "report", "state", "add", "note", "confirm"})
_SIDELINES = re.compile(r"\b(?:on|at) the (?:sidelines|margins|fringes)\b|\bon the occasion of\b", re.I)
PARTICIPANT_LABELS = frozenset({"OFFICIAL", "PERSON", "MINISTRY", "ORG", "COUNTRY"})
_ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "inaugural", "annual", "upcoming", "regular", "the"}


@Language.factory(
    "meeting_events",
    default_config={
        "data_path": None,
        "date_finder": {"@misc": "extractor.find_dates.v1"},
        "link_sentences": True,
        "prefer_people": True,
        "wide_places": True,
        "sideline_dates": True,
        "one_visit": True,
        "list_people": True,
        "lead_dates": True,
        "committee_sessions": True,
    },
)
def make_meeting_events(nlp: Language, name: str, data_path: Optional[str], date_finder: Callable, link_sentences: bool, prefer_people: bool, wide_places: bool, sideline_dates: bool, one_visit: bool, list_people: bool, lead_dates: bool = True,
                        committee_sessions: bool = True) -> "MeetingEvents":
    """MEETING events from meeting verbs and nouns over the entity layer.

    data_path: an extra JSONL cue file added to the package's `data/events/meeting.jsonl`.
    date_finder: the date finder (event dates).
    link_sentences: let later sentences about the same meeting add topics and participants.
    prefer_people: name a body or country as participant only when no person of it is named.
    wide_places: look for the place deeper in the trigger's clause when the trigger has no "at / in X" of its own.
    sideline_dates: a meeting "on the sidelines of" an earlier one, with no date of its own, takes that one's date.
    one_visit: "visited X and met with A and B" is one meeting, the visit, with everyone met.
    list_people: people listed after the last one of a "with" phrase the parse cut short are participants too.
    lead_dates: a past meeting reported undated in the three sentences after the lead takes the lead's
        day (wire copy dates a story once: "asked U.S. officials on Tuesday ... Ahn met Lutnick").
    committee_sessions: a session of a standing body named only by the body, with its date or as the
        next one ("raised it at the WTO Committee on Anti-Dumping Practices in April") is a meeting.
    """
    return MeetingEvents(nlp, name, data_path=data_path, date_finder=date_finder, link_sentences=link_sentences,
                         prefer_people=prefer_people, wide_places=wide_places, sideline_dates=sideline_dates, one_visit=one_visit, list_people=list_people,
                         lead_dates=lead_dates, committee_sessions=committee_sessions)


class _Meeting:
    def __init__(self, trigger: Token, date) -> None:
        self.trigger = trigger
        self.date = date
        self.participants: list[str] = []
        self.locations: list[tuple[int, int]] = []
        self.topics: list[tuple[int, int]] = []
        self.names: list[tuple[int, int]] = []

    def add_participants(self, ids: list[str]) -> None:
        for i in ids:
            if i not in self.participants:
                self.participants.append(i)

    def add_span(self, bucket: list, span: Optional[tuple[int, int]]) -> None:
        if span is None:
            return
        if any(s < span[1] and span[0] < e for s, e in bucket):
            return
        bucket.append(span)


class MeetingEvents(CueComponent):
    data_name = "meeting"

    def __init__(self, nlp, name: str, *, data_path=None, date_finder=None, link_sentences: bool = True, prefer_people: bool = True, wide_places: bool = True, sideline_dates: bool = True, one_visit: bool = True, list_people: bool = True, lead_dates: bool = True,
                 committee_sessions: bool = True) -> None:
        super().__init__(nlp, name, data_path=data_path, date_finder=date_finder)
        self.committee_sessions = committee_sessions
        self.list_people = list_people
        self.lead_dates = lead_dates
        self.one_visit = one_visit
        self.sideline_dates = sideline_dates
        self.wide_places = wide_places
        self.link_sentences = link_sentences
        self.prefer_people = prefer_people

    # ------------------------------------------------------------------ participants

    def _parties_in(self, index: EntityIndex, tokens: list[Token], sent: Span) -> list[str]:
        """Participants named in a phrase: its people; bodies and countries with no person of theirs."""
        tokens = [t for t in tokens if sent.start <= t.i < sent.end]
        refs = [m for m in index.in_tokens(tokens, PARTICIPANT_LABELS) if not in_parens(m.span.root, sent)]
        people = [m for m in refs if m.label in PEOPLE]
        out: list[str] = []
        for m in people:
            if m.id not in out:
                out.append(m.id)
        covered = set()
        for pid in out:
            ent = index.entities[pid]
            if ent.attributes.get("affiliation"):
                covered.add(ent.attributes["affiliation"])
        for m in refs:
            if m.label in PEOPLE or m.id in out:
                continue
            if self.prefer_people and people:
                # "Minister Yeo of MOTIR": the body is the person's; a country in front is an adjective
                if m.label == "COUNTRY" or m.id in covered or _attached_to_person(m, people):
                    continue
            if m.label == "COUNTRY" and _is_modifier(m):
                continue
            out.append(m.id)
        return out

    def _list_rest(self, index: EntityIndex, sent: Span, toks: list[Token]) -> list[str]:
        """People listed after the last person of a "with" phrase that the parse cut short: "met with
        Secretary of Commerce Howard Lutnick, United States Trade Representative Jamieson Greer and
        Secretary of Energy Chris Wright" (titles, commas and "and" only, no verb in between)."""
        if not self.list_people:
            return []
        people = [m for m in index.in_tokens(toks, PEOPLE) if sent.start <= m.span.start < sent.end]
        if not people:
            return []
        out: list[str] = []
        i = max(m.span.end for m in people)
        doc = sent.doc
        while i < len(doc):
            tok = doc[i]
            if i >= sent.end and (doc[i - 1].text in (".", "!", "?") or "\n" in doc[i - 1].text_with_ws):
                break  # a real sentence end (the parser may break a long list into a "sentence" of its own)
            ref = index.at(tok)
            if ref is not None and ref.label in PEOPLE:
                out.append(ref.id)
                i = ref.span.end
                continue
            if tok.pos_ in ("VERB", "AUX") or tok.text in (";", ":", "—") or tok.lower_ in ("to", "on", "at", "in", "for", "about", "who", "which"):
                break
            if not (tok.is_punct or tok.lower_ in ("and", "the", "of", "&") or tok.pos_ in ("PROPN", "ADJ") or tok.text[:1].isupper()
                    or ref is not None and ref.label in ("MINISTRY", "ORG", "COUNTRY")):
                break
            i += 1
        return out

    def _subject_tokens(self, verb: Token) -> list[Token]:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if len(subj) == 1 and subj[0].lower_ in ("it", "they") and verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX"):
            # "KATS announced that it participated in the WTO TBT Committee": who announced
            subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")] or subj
        if not subj and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
            # "Ahn is scheduled to meet Rep. Jason Smith": the subject of the verb above
            subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        agent = [c for c in verb.children if c.dep_ == "agent"]
        toks: list[Token] = []
        for s in subj:
            toks.extend(s.subtree)
        for a in agent:
            toks.extend(a.subtree)
        # "Chaired by Trade Minister Yeo Han-koo, the meeting ...": the agent of a participle in front
        for c in verb.children:
            if c.dep_ == "advcl" and c.tag_ == "VBN":
                for a in c.children:
                    if a.dep_ == "agent":
                        toks.extend(a.subtree)
        return toks

    def _with_tokens(self, head: Token) -> list[Token]:
        toks: list[Token] = []
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("with", "between", "among"):
                toks.extend(c.subtree)
            if c.dep_ in ("dobj", "attr") and head.lemma_ in ("meet", "host", "receive", "welcome", "invite"):
                toks.extend(c.subtree)
        return toks

    # ------------------------------------------------------------------ spans

    def _place(self, index: EntityIndex, head: Token, cues: Cues, sent: Span) -> Optional[tuple[int, int]]:
        """Where the meeting was: "at X" (a venue) before "in X"; first among the trigger's own
        prepositions, then deeper in its clause ("held the 13th ... meeting in Seoul", "consultations
        ... held in Tokyo"), never inside another clause or a person's description."""
        preps = cues.words("place_prep")

        def pick(candidates) -> Optional[tuple[int, int]]:
            best = None
            for prep in candidates:
                span = self._place_object(index, prep, cues)
                if span is not None and prep.lower_ == "at":
                    return span
                best = best or span
            return best

        own = pick(c for c in head.children if c.dep_ == "prep" and c.lower_ in preps)
        if own is not None or not self.wide_places:
            return own

        def in_clause(t: Token) -> bool:
            path = ancestors_until(t, head)
            return not (any(x.dep_ in ("relcl", "ccomp", "advcl", "csubj", "appos", "parataxis") or (x.dep_ == "conj" and x.pos_ == "VERB") for x in path)
                        or any(index.at(x) is not None and index.at(x).label in PEOPLE for x in path)
                        or any(x.pos_ in ("VERB", "AUX") and x.dep_ != "acl" for x in path[1:]))

        return pick(t for t in head.subtree if t.dep_ == "prep" and t.lower_ in preps and t.head.i != head.i
                    and sent.start <= t.i < sent.end and in_clause(t))

    def _place_object(self, index: EntityIndex, prep: Token, cues: Cues) -> Optional[tuple[int, int]]:
        objs = [o for o in prep.children if o.dep_ == "pobj"]
        if not objs:
            return None
        o = objs[0]
        if not (o.pos_ == "PROPN" or o.text[:1].isupper() or any(t.pos_ == "PROPN" for t in o.lefts)):
            return None
        if _dateish(o) or o.lemma_.lower() in cues.words("noun"):
            return None
        ref = index.at(o)
        if ref is not None and ref.label in PEOPLE | {"MONEY", "PERCENT", "AGREEMENT", "REGULATION"}:
            return None
        toks = [t for t in o.subtree if not (t.i > o.i and t.dep_ in ("appos",) and _dateish(t))]
        toks = _cut_at_date(toks)
        return trim(toks)

    def _name(self, index: EntityIndex, noun: Token, cues: Cues) -> Optional[tuple[int, int]]:
        """The meeting's own name: the capitalised part of the meeting noun phrase."""
        toks = [t for t in noun.subtree if t.dep_ not in ("relcl", "acl") and not (t.i > noun.i and t.dep_ == "prep" and t.lower_ not in ("on", "of", "for", "in"))
                and not any(x.i > noun.i and x.dep_ == "prep" and x.lower_ == "in" and x.head.i == noun.i for x in [t] + ancestors_until(t, noun))]
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i and all(
                x.dep_ in ("punct", "compound", "amod", "nmod") or x.pos_ == "PROPN" for x in noun.doc[noun.head.i + 1:noun.i]):
            # "the 10th Korea–EU FTA Trade Committee": the dash split the name; it starts at "Korea"
            toks = list({t.i: t for t in [t for t in noun.head.subtree if t.i < noun.i and t.dep_ != "det"] + toks}.values())
        toks = [t for t in toks if not any(a.dep_ in ("relcl", "acl", "appos") and a.i != noun.i for a in ancestors_until(t, noun))]
        toks = sorted(toks, key=lambda t: t.i)
        # contiguous around the noun
        run = []
        for t in toks:
            if run and t.i != run[-1].i + 1:
                if t.i > noun.i:
                    break
                run = []
            run.append(t)
        toks = run
        if noun.text[:1].islower():
            # "the Korea–EU Committee on Trade in Goods meeting in Seoul": the name ends before the noun
            toks = [t for t in toks if t.i < noun.i]
        while toks and (toks[0].lower_ in _ORDINAL_WORDS or toks[0].tag_ in ("DT", "PRP$", "POS") or _is_ordinal(toks[0]) or toks[0].dep_ == "poss" and index.at(toks[0]) is None):
            toks = toks[1:]
        while toks and toks[-1].text[:1].islower() and not toks[-1].like_num:
            toks = toks[:-1]
        if not toks or not any(t.text[:1].isupper() for t in toks):
            return None
        if sum(1 for t in toks if t.text[:1].isupper()) < 2 and index.at(toks[0]) is None:
            return None
        return toks[0].idx, toks[-1].idx + len(toks[-1].text)

    def _topics(self, verb: Token, cues: Cues, index: EntityIndex) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        objs = [c for c in verb.children if c.dep_ in ("dobj",)]
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in cues.words("topic_prep"):
                objs.extend(o for o in c.children if o.dep_ == "pobj")
            if c.dep_ in ("dobj",) and c.lemma_.lower() in cues.words("topic_noun"):
                objs.remove(c)
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in cues.words("topic_prep"):
                        objs.extend(o for o in p.children if o.dep_ == "pobj")
        # "key trade issues involving the EU, Mexico, and Canada, as well as recent developments related to ...":
        # the phrase after "as well as" is a topic of its own
        doc = verb.doc
        for o in list(objs):
            for t in o.subtree:
                if t.lower_ == "as" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "well" and doc[t.i + 2].lower_ == "as":
                    nxt = next((x for x in doc[t.i + 3:min(len(doc), t.i + 8)] if x.pos_ in ("NOUN", "PROPN")), None)
                    if nxt is not None:
                        head = nxt
                        while head.head.i != head.i and head.head.i > t.i + 2 and head.dep_ in ("compound", "amod", "nmod"):
                            head = head.head
                        if head not in objs:
                            objs.append(head)
        for o in objs:
            for item in [o] + [x for x in o.conjuncts if x.i != o.i]:
                if item.pos_ in ("PRON", "DET", "NUM"):
                    continue
                toks = [t for t in item.subtree if not _under(t, item, ("conj", "cc")) and not _under_prep(t, item, ("including", "such"))]
                span = trim(contiguous_run(toks, item))
                if span is not None:
                    out.append(span)
                for p in item.children:
                    if p.dep_ == "prep" and p.lower_ == "including":
                        for sub in p.children:
                            if sub.dep_ == "pobj":
                                for x in [sub] + [y for y in sub.conjuncts if y.i != sub.i]:
                                    toks = [t for t in x.subtree if not _under(t, x, ("conj", "cc"))]
                                    sp = trim(contiguous_run(toks, x))
                                    if sp is not None:
                                        out.append(sp)
        return out

    # ------------------------------------------------------------------ the component

    def _triggers(self, sent: Span, cues: Cues, index: Optional[EntityIndex] = None) -> list[tuple[Token, Optional[Token]]]:
        """(trigger, meeting noun) pairs of a sentence."""
        found = []
        verbs = cues.words("verb")
        holds = cues.words("hold_verb")
        nouns = cues.words("noun")
        noun_trigs = cues.words("noun_trigger")
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma == "call" and (not any(c.dep_ in ("prep", "prt") and c.lower_ == "on" for c in tok.children)
                                                            or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)):
                continue  # "called for the removal of ...", "called on Korea to lift ...": only "called on X" is a visit
            if tok.pos_ == "VERB" and lemma in verbs and tok.dep_ not in ("amod", "compound"):
                noun = next((c for c in tok.children if c.dep_ in ("dobj",) and (c.lemma_.lower() in nouns or c.lower_ in nouns)), None)
                if noun is None:
                    noun = _split_name_noun(tok)
                found.append((tok, noun))
            elif tok.pos_ == "VERB" and lemma in holds:
                noun = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in nouns or c.lower_ in nouns or _proper_event(c))), None)
                if noun is None:
                    noun = _split_name_noun(tok)
                if noun is not None and lemma in ("launch", "open") and not any(t.text[:1].isupper() for t in noun.subtree if t.i <= noun.i):
                    continue  # "agreed to launch a working-level dialogue": nothing is held yet
                if noun is not None:
                    found.append((tok, noun))
            elif tok.pos_ == "VERB" and (lemma in cues.words("join_verb") or lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children)):
                # "took part in the WTO TBT Committee", "participated in the meeting of the committee"
                noun = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children
                             if o.dep_ == "pobj" and (o.lemma_.lower() in nouns or o.lower_ in nouns or _proper_event(o)
                                                      # "participated in the WTO Technical Barriers to Trade (TBT) Committee", parsed apart
                                                      or index is not None and index.at(o) is not None and index.at(o).label in BODIES and is_forum(index.at(o).entity.name))), None)
                if noun is not None:
                    found.append((tok, noun))
            elif tok.pos_ == "VERB" and lemma in ("speak", "talk") and index is not None and any(
                    c.dep_ == "prep" and c.lower_ == "with" and any(index.at(o) is not None and index.at(o).label in PARTICIPANT_LABELS
                                                                    for o in c.children if o.dep_ == "pobj") for c in tok.children):
                # "Greer spoke with Ahn Duk-geun, Minister of ...": a call or talks; "spoke at the forum" is not one
                found.append((tok, None))
            elif tok.pos_ == "NOUN" and lemma == "visit" and tok.dep_ != "dobj":
                if any(c.dep_ == "poss" for c in tok.children) or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) or any(c.lower_ == "state" for c in tok.lefts):
                    found.append((tok, tok))
            elif tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in noun_trigs or lemma in noun_trigs) and self._free_noun(tok, cues):
                found.append((tok, tok))
        return found

    def _free_noun(self, tok: Token, cues: Cues) -> bool:
        """A meeting noun that reports a meeting by itself, not the object of a meeting verb:
        "during their meeting at the Commerce Department", "in a video call with ...", "talks
        between METI and MOTIE", "makes the first state visit to Britain", "told a meeting of
        exporters", "the WTO General Council meeting held in Geneva"."""
        head = tok.head
        if tok.dep_ == "compound" or head.i == tok.i:
            return False
        if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in cues.words("hold_verb") | cues.words("verb"):
            return False  # the verb is the trigger
        linked = any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in tok.children) or any(
            c.dep_ == "acl" and c.lemma_.lower() in ("hold", "schedule", "plan", "take") for c in tok.children)
        if tok.dep_ == "dobj" and head.lemma_.lower() not in cues.words("noun_host_verb") and not linked:
            return False
        if tok.dep_ not in ("dobj", "pobj", "nsubj", "appos", "conj"):
            return False
        return True

    def find(self, doc: Doc, cues: Cues) -> list[EventRecord]:
        index = EntityIndex(doc)
        body = body_start(doc)
        meetings: list[_Meeting] = []
        current: Optional[_Meeting] = None
        for sent in sentences(doc):
            if sent.start_char < body:
                continue
            triggers = self._triggers(sent, cues, index)
            handled_verbs: set[int] = set()
            nouns_of = {t.i: n for t, n in triggers if n is not None and n.i != t.i}
            for trig, noun in triggers:
                if noun is not None and noun.i == trig.i and any(
                        h in nouns_of and trig.i in {t.i for t in nouns_of[h].subtree} for h in handled_verbs):
                    continue  # inside the meeting phrase of a meeting already read ("the Committee on Trade in Goods meeting")
                head = noun if noun is not None and noun.i == trig.i else trig
                if current is not None and (trig.dep_ in ("xcomp", "advcl") or trig.dep_ == "conj" and current.trigger.lemma_.lower() == "visit"
                                            and self.one_visit) and trig.head.i in handled_verbs:
                    # "visited Washington ... and met with X, Y and Z": one meeting per visit
                    # "will visit Washington ... to meet with the USTR": the purpose is the same trip
                    with_toks = self._with_tokens(trig) + (self._with_tokens(noun) if noun is not None and noun.i != trig.i else [])
                    current.add_participants(self._parties_in(index, with_toks, sent))
                    current.add_participants(self._list_rest(index, sent, with_toks))
                    handled_verbs.add(trig.i)
                    continue
                parties = self._parties_in(index, self._subject_tokens(trig), sent) if head is trig else []
                if noun is not None and noun.i == trig.i:
                    # "Al-Kaabi's visit to Korea", "the state visit of General Secretary To Lam"
                    toks = []
                    for c in noun.children:
                        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "by")) or c.dep_ == "agent":
                            toks.extend(c.subtree)
                    parties = self._parties_in(index, toks, sent)
                    if noun.lemma_.lower() != "visit" or not parties:
                        # "During their meeting ..., Ahn explained", "Ahn told a meeting of exporters"
                        host = _clause_verb(noun)
                        if host is not None:
                            parties += [p for p in self._parties_in(index, self._subject_tokens(host), sent) if p not in parties]
                kind = side_kind(" ".join(t.text for t in self._subject_tokens(trig))) if head is trig else None
                if kind and current is not None and not parties:
                    parties = resolve_sides(index, current.participants, "bodies" if kind != "people" else "people")
                others = self._with_tokens(trig) + (self._with_tokens(noun) if noun is not None and noun.i != trig.i else [])
                if noun is not None and noun.i == trig.i and noun.lemma_.lower() != "visit":
                    others += [t for c in noun.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for t in c.subtree]
                parties += [p for p in self._parties_in(index, others, sent) if p not in parties]
                parties += [p for p in self._list_rest(index, sent, others) if p not in parties]
                date = event_date(self.find_dates, doc, sent, trig, min_precision=1)
                name = self._name(index, noun, cues) if noun is not None and (noun.i != trig.i or noun.lemma_.lower() != "visit") else None
                if noun is not None and noun.i != trig.i:
                    ref = index.at(noun)
                    if ref is not None and ref.label in BODIES and (name is None or is_forum(ref.entity.name) and ref.start < name[1] and name[0] < ref.end):
                        name = (ref.start, ref.end)  # the committee's whole name ("Korea–China Joint Committee on ...")
                if name is None and noun is None and head is trig:
                    # "co-chaired the Korea–U.S. FTA Joint Committee", "attended the WTO TBT Committee": the committee names the meeting
                    for c in trig.children:
                        ref = index.at(c) if c.dep_ == "dobj" else None
                        if ref is not None and ref.label in BODIES and is_forum(ref.entity.name):
                            name = (ref.start, ref.end)
                            break
                ref_words = cues.words("reference")
                is_reference = noun is not None and noun.lemma_.lower() in ref_words and any(
                    c.lower_ in ("the", "this", "that", "their", "its") for c in noun.children if c.dep_ in ("det", "poss")) and name is None
                if current is not None and noun is not None and noun.i == trig.i and is_reference and noun.lemma_.lower() != "visit" and (
                        any(c.lower_ in ("this", "that") for c in noun.children) or trig.dep_ == "pobj"):
                    # "During the meeting, Minister Kim ...", "this deputy-minister-level meeting"
                    current.add_participants([p for p in parties if index.label(p) in PEOPLE])
                    self._attach(index, cues, sent, trig, noun, current)
                    handled_verbs.add(trig.i)
                    continue
                if noun is not None and noun.i == trig.i and name is None and noun.lemma_.lower() in cues.words("named_only"):
                    continue  # "close policy dialogue": a channel, not a meeting, unless it has a name
                if noun is not None and noun.i == trig.i and not is_reference and not parties and name is None:
                    continue  # "the need for close policy dialogue": a meeting noun alone reports nothing
                if current is not None and head is trig and _subject_is_reference(trig, ref_words):
                    # "Chaired by Trade Minister Yeo, the meeting brought together ..."
                    current.add_participants(parties)
                    self._attach(index, cues, sent, trig, noun, current)
                    handled_verbs.add(trig.i)
                    continue
                if current is not None and (is_reference or (not parties and name is None)) and (date is None or date == current.date):
                    self._attach(index, cues, sent, trig, noun, current)
                    handled_verbs.add(trig.i)
                    continue
                if current is not None and date in (None, current.date) and parties and set(parties) <= set(current.participants) and name is None:
                    self._attach(index, cues, sent, trig, noun, current)
                    handled_verbs.add(trig.i)
                    continue
                if not parties and name is None:
                    continue
                if date is None and self.sideline_dates:
                    date = same_day_date(doc, sent, trig.idx, [EventRecord(type="MEETING", trigger=(x.trigger.idx, x.trigger.idx + 1), date=x.date, attributes={}, arguments=[]) for x in meetings])
                if date is None and meetings and self.sideline_dates and _SIDELINES.search(sent.text):
                    # "On the sidelines of the committee, KATS held bilateral consultations": the meeting's days
                    date = next((x.date for x in reversed(meetings) if x.date), None)
                m = _Meeting(trig, date)
                m.add_participants(parties)
                if name is not None:
                    m.add_span(m.names, name)
                    ref = index.at(doc.char_span(name[0], name[1], alignment_mode="expand").root)
                    if ref is not None and ref.label in BODIES:
                        m.add_participants([ref.id])
                place_head = trig if trig.lemma_.lower() != "visit" or noun is not None else trig
                m.add_span(m.locations, self._place(index, place_head, cues, sent) or (self._place(index, noun, cues, sent) if noun is not None else None))
                if trig.lemma_.lower() == "visit":
                    m.add_span(m.locations, self._visit_place(index, trig, sent))
                self._attach(index, cues, sent, trig, noun, m)
                handled_verbs.add(trig.i)
                meetings.append(m)
                current = m
            if current is None or not self.link_sentences:
                continue
            if not triggers or all(t.i in handled_verbs for t, _ in triggers):
                self._follow_up(index, cues, sent, current, handled_verbs)
        if self.lead_dates:
            self._lead_day(doc, meetings)
        sessions = self._sessions(doc, index, cues, meetings) if self.committee_sessions else []
        events = []
        for m in meetings:
            parts = list(m.participants)
            if self.prefer_people:
                people_aff = {index.entities[p].attributes.get("affiliation") for p in parts if index.label(p) in PEOPLE}
                named = {r.id for s, e in m.names[:1] for r in index.mentions if r.start == s and r.end == e}
                keep = [p for p in parts if p not in people_aff and p not in named]
                parts = keep or parts
            args = [ent_arg("participant", p) for p in parts]
            args += [span_arg("location", s) for s in m.locations[:1]]
            named_spans = m.names[:1] + [(r.start, r.end) for r in index.mentions if r.label in BODIES]
            # "the Committee on Trade in Goods": the committee's subject is its name, not a topic
            args += [span_arg("topic", s) for s in m.topics if not any(a < s[1] and s[0] < b for a, b in named_spans)]
            args += [span_arg("name", s) for s in m.names[:1]]
            events.append(EventRecord(type="MEETING", trigger=(m.trigger.idx, m.trigger.idx + len(m.trigger.text)), date=m.date, attributes={}, arguments=args))
        return sorted(events + sessions, key=lambda e: e.trigger[0])

    def _sessions(self, doc: Doc, index: EntityIndex, cues: Cues, meetings: list["_Meeting"]) -> list[EventRecord]:
        """Sessions of a standing body named only by the body, with a date or as the next one: "first
        raised the U.S. use of AFA at the WTO Committee on Anti-Dumping Practices in April", "will press
        China again at the meeting of the WTO SPS Committee in June", "take the EU's limits back to the
        WTO TBT Committee in March 2021", "at the next SPS Committee". The trigger and name are the
        body's name; the participants are who acts (the verb's subject, "together with" / "with" parties);
        a session a meeting verb already reported (same body, same or no date) is not repeated."""
        text = text_of(doc)
        out: list[EventRecord] = []
        seen: list[tuple[str, object]] = []
        for m in meetings:
            bodies = set(m.participants) | {r.id for s, e in m.names for r in index.mentions if r.start < e and s < r.end}
            seen.extend((b, m.date) for b in bodies)
        body = body_start(doc)
        for sent in sentences(doc):
            if sent.start_char < body:
                continue
            for ref in index.in_tokens(list(sent), BODIES):
                if not is_forum(ref.entity.name) or in_parens(ref.span.root, sent):
                    continue
                before = [t for t in doc[max(sent.start, ref.span.start - 5):ref.span.start]]
                words = [t.lower_ for t in before]
                k = len(words) - 1
                while k >= 0 and words[k] in ("the", "next", "upcoming", "coming", "a", "of", "meeting", "session", "its", "this", "year's"):
                    k -= 1
                if k < 0 or words[k] not in ("at", "to", "before"):
                    continue
                prep = before[k]
                upcoming = any(w in ("next", "upcoming", "coming") for w in words[k + 1:])
                verb = next((a for a in prep.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if verb is None or verb.lemma_.lower() in ("say", "tell", "announce", "report", "state", "add"):
                    continue
                future = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall") for c in verb.children) or any(
                    a.lemma_.lower() in ("plan", "intend", "will", "decide", "expect", "aim") for a in [verb.head] if verb.dep_ == "xcomp")
                tense = "future" if future or upcoming else ("past" if verb.tag_ in ("VBD", "VBN") else None)
                # the session's date: in the body's phrase or just after the name ("in Geneva in October")
                reach = ref.end + 45
                date = None
                for d in dates_in(self.find_dates, doc, sent, tense):
                    if ref.end <= d.start <= reach and d.value is not None and not re.search(r"[,;]|\b(?:which|that|and|where)\b", text[ref.end:d.start]):
                        date = d.value
                        break
                if date is None and not upcoming:
                    continue
                if any(b == ref.id and (d is None or date is None or d == date) for b, d in seen):
                    continue
                parties = self._parties_in(index, self._subject_tokens(verb), sent)
                with_toks = self._with_tokens(verb) + [t for c in verb.children if c.dep_ == "advmod" and c.lower_ == "together"
                                                       for p in c.children if p.dep_ == "prep" for t in p.subtree]
                with_toks += [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and c.i < prep.i for t in c.subtree]
                parties += [x for x in self._parties_in(index, with_toks, sent) if x not in parties]
                parties = [x for x in parties if x != ref.id]
                if not parties:
                    continue
                args = [ent_arg("participant", x) for x in parties] + [span_arg("name", (ref.start, ref.end))]
                place = self._place(index, ref.span.root, cues, sent)
                if place is not None and not (ref.start <= place[0] < ref.end):
                    args.append(span_arg("location", place))
                out.append(EventRecord(type="MEETING", trigger=(ref.start, ref.end), date=date, attributes={}, arguments=args))
                seen.append((ref.id, date))
        return out

    def _lead_day(self, doc: Doc, meetings: list["_Meeting"]) -> None:
        """Wire copy dates a story once, in its lead ("South Korea's trade minister asked U.S.
        officials on Tuesday to ..., the ministry said on Wednesday"); a meeting reported undated in
        the next sentences ("Ahn met Commerce Secretary Lutnick in Washington") is of that day.
        The day of the reporting verb ("said on Wednesday") is not the event's."""
        # a dateline the parser cut off ("SEOUL", ", March 4 (Reuters) - ...") is not a sentence of its own
        sents = [s for s in sentences(doc) if s.start_char >= body_start(doc) and len([t for t in s if not t.is_punct]) >= 4]
        if len(sents) < 2 or not any(m.date is None for m in meetings):
            return
        lead = sents[0]
        day = None
        for d in dates_in(self.find_dates, doc, lead):
            if d.value is None or len(d.value[0]) != 10 or d.value[0] != d.value[1]:
                continue
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None) if span is not None else None
            if verb is not None and verb.lemma_.lower() in _REPORTING:
                continue
            day = d.value
            break
        if day is None:
            return
        for m in meetings:
            if m.date is not None or m.trigger.tag_ != "VBD" or any(c.dep_ == "aux" and c.lower_ == "had" for c in m.trigger.children):
                continue
            if any(s.start <= m.trigger.i < s.end for s in sents[1:4]):
                m.date = day

    def _attach(self, index: EntityIndex, cues: Cues, sent: Span, trig: Token, noun: Optional[Token], m: _Meeting) -> None:
        """Topics of the trigger's own sentence: "met ... to discuss X", "discussed X"."""
        for tok in sent:
            if tok.lemma_.lower() in cues.words("topic_verb") and tok.pos_ == "VERB":
                for span in self._topics(tok, cues, index):
                    m.add_span(m.topics, span)
        if noun is not None:
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "about", "regarding"):
                    for o in c.children:
                        if o.dep_ == "pobj" and not any(_dateish(t) for t in o.subtree):  # "a call on 28 June"
                            m.add_span(m.topics, trim(list(o.subtree)))

    def _follow_up(self, index: EntityIndex, cues: Cues, sent: Span, m: _Meeting, handled: set[int]) -> None:
        """A sentence that goes on about the current meeting adds its topics and participants."""
        text = sent.text.lower()
        refers = side_kind(sent.text) is not None or any(
            f"{d} {w}" in text for d in ("the", "this", "during the", "at the") for w in cues.words("reference"))
        refers = refers or text.startswith(("they ", "participants", "both "))
        subj_ids = set()
        for tok in sent:
            if tok.dep_ in ("nsubj", "nsubjpass"):
                for t in tok.subtree:
                    ref = index.at(t)
                    if ref is not None:
                        subj_ids.add(ref.id)
        refers = refers or bool(subj_ids & set(m.participants))
        if not refers:
            return
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in cues.words("topic_verb"):
                for span in self._topics(tok, cues, index):
                    m.add_span(m.topics, span)
            if lemma in cues.words("attend_cue") and tok.pos_ in ("VERB", "NOUN"):
                toks = list(tok.subtree) if tok.pos_ == "NOUN" else [t for c in tok.children if c.dep_ in ("dobj", "agent", "attr", "prep") for t in c.subtree]
                if tok.lemma_ == "participant":
                    toks = list(tok.head.subtree)
                m.add_participants(self._attendees(index, toks, sent, m))

    def _attendees(self, index: EntityIndex, toks: list[Token], sent: Span, m: _Meeting) -> list[str]:
        refs = [r for r in index.in_tokens(toks, PARTICIPANT_LABELS) if not in_parens(r.span.root, sent)]
        people = [r.id for r in refs if r.label in PEOPLE]
        affil = {index.entities[p].attributes.get("affiliation") for p in people + m.participants}
        out = list(dict.fromkeys(people))
        for r in refs:
            if r.label in BODIES and r.id not in affil and r.id not in out and not _attached_to_person(r, [x for x in refs if x.label in PEOPLE]):
                out.append(r.id)
        return out

    def _visit_place(self, index: EntityIndex, trig: Token, sent: Span) -> Optional[tuple[int, int]]:
        for c in trig.children:
            if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "to"):
                o = c if c.dep_ == "dobj" else next((x for x in c.children if x.dep_ == "pobj"), None)
                if o is None or _dateish(o):
                    continue
                ref = index.at(o)
                if ref is not None and ref.label in PEOPLE:
                    continue
                toks = _cut_at_date([t for t in o.subtree if t.dep_ not in ("relcl", "acl") and not _under(t, o, ("relcl", "acl", "advcl"))])
                toks = [t for t in toks if not (t.dep_ == "prep" and t.lower_ in ("to", "on", "for") and t.head.i == o.i)]
                return trim(contiguous_run(toks, o))
        return None


# --------------------------------------------------------------------------- helpers


def _subject_is_reference(verb: Token, ref_words) -> bool:
    """ "Chaired by X, the meeting brought together ...": the clause's subject is the meeting itself."""
    heads = [verb] + ([verb.head] if verb.dep_ in ("advcl", "conj") else [])
    for h in heads:
        for c in h.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in ref_words and any(
                    d.lower_ in ("the", "this") for d in c.children if d.dep_ == "det"):
                return True
    return False


def _clause_verb(tok: Token) -> Optional[Token]:
    """The verb whose clause a noun sits in ("During their meeting ..., Ahn explained")."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _is_ordinal(tok: Token) -> bool:
    t = tok.lower_
    return tok.tag_ == "JJ" and t[:-2].isdigit() and t[-2:] in ("st", "nd", "rd", "th") or (t[:-2].isdigit() and t.endswith(("st", "nd", "rd", "th")))


def _dateish(tok: Token) -> bool:
    months = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "year", "month", "week", "time"}
    return tok.lower_ in months or (tok.like_num and len(tok.text) == 4)


def _cut_at_date(toks: list[Token]) -> list[Token]:
    toks = sorted(toks, key=lambda t: t.i)
    for k, t in enumerate(toks):
        if k > 0 and (_dateish(t) or t.text == "("):
            # "Washington, D.C., on January 14": stop before the date's preposition and comma
            out = toks[:k]
            while out and (out[-1].is_punct or out[-1].lower_ in ("on", "in", "from")):
                out = out[:-1]
            return out
    return toks


def _under(tok: Token, top: Token, deps: tuple[str, ...]) -> bool:
    cur = tok
    while cur.i != top.i:
        if cur.dep_ in deps and cur.head.i == top.i or cur.dep_ in deps:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _under_prep(tok: Token, top: Token, words: tuple[str, ...]) -> bool:
    cur = tok
    while cur.i != top.i:
        if cur.dep_ == "prep" and cur.lower_ in words:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False




def _split_name_noun(verb: Token) -> Optional[Token]:
    """ "held the 24th Korea–China Joint Committee": the dash splits the name, "Korea" becomes the
    object and the committee its apposition; the committee is the meeting noun."""
    return next((a for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "PROPN"
                 for a in c.children if a.dep_ == "appos" and _proper_event(a)), None)


def _proper_event(tok: Token) -> bool:
    """A capitalised event name as the object of "held" ("the 5th Korea–U.S. Standards Forum")."""
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.lower_ in ("forum", "dialogue", "summit", "conference", "committee", "council", "day", "week", "expo", "fair", "show", "roundtable", "meeting", "session", "symposium", "seminar")


def _attached_to_person(m: MentionRef, people: list[MentionRef]) -> bool:
    """ "Trade Minister Yeo of the Ministry ...", "President Kim Dae-ja of KATS"."""
    cur = m.span.root
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if any(p.span.start <= cur.i < p.span.end for p in people):
            return True
        if cur.pos_ == "VERB":
            return False
    return False


def _is_modifier(m: MentionRef) -> bool:
    """A country used attributively ("U.S. companies", "Korea's MOTIR")."""
    root = m.span.root
    return root.dep_ in ("compound", "poss", "amod", "nmod")
