"""FIGURE events: a MONEY or PERCENT figure with what it measures.

Every MONEY / PERCENT mention of a sentence is read as a `change` ("up 4.3 percent", "rose 12.2
percent", "a 9.8 percent increase") or a `value` ("to USD 23.3 billion", "tariffs of 15 percent").
Mentions under the same predicate (or in the same parenthesis) pair up, one change with one value,
into one FIGURE; the predicate gives the trigger, its subject (or object, for "boost EV subsidies to
...") the `indicator` (never the acting subject: "the government will expand policy finance to ..."),
a date phrase of the clause the `period`, a COUNTRY after "to / from / with" the `partner`; else the
partner of "investment in X", "trade between X and Y" or "X-Y trade" (the side that is not the
release's own), the country that applies a tariff, duty or quota, the counterpart of "bilateral
trade", the subject of "X accounted for". Each mention goes to at most one FIGURE; a figure in the
title that the body states again is left to the body.
"""

from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..dates import DateMention
from ..layers import EventRecord, text_of
from .common import (
    CueComponent,
    Cues,
    EntityIndex,
    MentionRef,
    body_country,
    body_start,
    contiguous_run,
    dates_in,
    ent_arg,
    home_country,
    name_countries,
    other_country,
    paren_range,
    sentences,
    span_arg,
    trim,
)

FIGURE_LABELS = frozenset({"MONEY", "PERCENT"})


@Language.factory(
    "figure_events",
    default_config={
        "data_path": None,
        "date_finder": {"@misc": "extractor.find_dates.v1"},
        "value_spans": True,
        "max_indicator_tokens": 12,
        "carry_period": False,
        "wider_partners": True,
    },
)
def make_figure_events(nlp: Language, name: str, data_path: Optional[str], date_finder: Callable, value_spans: bool, max_indicator_tokens: int, carry_period: bool, wider_partners: bool) -> "FigureEvents":
    """FIGURE events from the MONEY / PERCENT mentions of the entity layer.

    data_path: an extra JSONL cue file added to the package's `data/events/figure.jsonl`.
    date_finder: the date finder (periods).
    value_spans: give a figure with a change but no MONEY/PERCENT value the quantity it reached as a span.
    max_indicator_tokens: longest indicator span, in tokens.
    carry_period: a sentence of figures with no date of its own takes the period of the sentence of
        figures just before it ("Korea's exports in 2025 reached ... Imports rose ...").
    wider_partners: also take partners from "investment in X", "trade between X and Y" and "X-Y trade"
        (the side that is not the document's own) and the subject of "accounted for".
    """
    return FigureEvents(nlp, name, data_path=data_path, date_finder=date_finder, value_spans=value_spans,
                        max_indicator_tokens=max_indicator_tokens, carry_period=carry_period, wider_partners=wider_partners)


class _Fig:
    def __init__(self, key: tuple) -> None:
        self.key = key
        self.values: list[MentionRef] = []
        self.changes: list[tuple[MentionRef, Optional[str], Optional[Token]]] = []  # mention, direction, cue token

    @property
    def mentions(self) -> list[MentionRef]:
        return sorted(self.values + [c[0] for c in self.changes], key=lambda m: m.start)


class FigureEvents(CueComponent):
    data_name = "figure"

    def __init__(self, nlp, name: str, *, data_path=None, date_finder=None, value_spans: bool = True, max_indicator_tokens: int = 12, carry_period: bool = False, wider_partners: bool = True) -> None:
        super().__init__(nlp, name, data_path=data_path, date_finder=date_finder)
        self.carry_period = carry_period
        self.wider_partners = wider_partners
        self.value_spans = value_spans
        self.max_indicator_tokens = max_indicator_tokens

    # ------------------------------------------------------------------ reading one mention

    def _direction(self, cues: Cues, token: Token) -> Optional[str]:
        dirs = cues.mapping("direction", "direction")
        return dirs.get(token.lower_) or dirs.get(token.lemma_.lower())

    def _role(self, cues: Cues, m: MentionRef, sent: Span) -> tuple[str, Optional[str], Optional[Token]]:
        """('change' | 'value', direction, cue token) for one mention."""
        doc = sent.doc
        qual = cues.words("qualifier")
        # the word before the figure, past qualifiers ("up about 4 percent", "increased by 3%")
        i = m.span.start - 1
        saw_by = saw_to = False
        while i >= sent.start and doc[i].lower_ in qual and doc[i].lower_ not in ("up",):
            if doc[i].lower_ == "by":
                saw_by = True
            if doc[i].lower_ in ("to", "at", "of"):
                saw_to = True
                break
            i -= 1
        prev = doc[i] if i >= sent.start else None
        if not saw_to and prev is not None:
            d = self._direction(cues, prev)
            if d and (prev.pos_ in ("ADV", "ADP", "PART", "VERB", "ADJ") or prev.lower_ in ("up", "down")):
                if prev.lower_ in ("more", "less") or (prev.pos_ == "ADJ" and prev.lower_ not in ("up", "down")):
                    d = None
                if d:
                    return "change", d, prev
        # "a 9.8 percent increase", "12.2 percent year-on-year growth"
        j = m.span.end
        while j < sent.end and (doc[j].lower_ in ("year", "-", "on", "annual", "yearly", "year-on-year", "y-o-y", "on-year") or doc[j].is_punct and doc[j].text == "-"):
            j += 1
        if j < sent.end and doc[j].lemma_.lower() in cues.words("change_noun") and doc[j].pos_ == "NOUN":
            return "change", self._direction(cues, doc[j]), doc[j]
        if saw_by:
            verb = self._head_verb(m.span.root)
            return "change", self._direction(cues, verb) if verb is not None else None, verb
        if saw_to:
            return "value", None, None
        # "rose 12.2 percent": the figure is the object of a change verb
        root = m.span.root
        head = root.head
        if root.dep_ in ("npadvmod", "dobj", "advmod", "obj", "attr") and head.pos_ == "VERB":
            d = self._direction(cues, head)
            if d and head.lemma_.lower() not in cues.words("level_verb"):
                return "change", d, head
        if m.label == "PERCENT" and m.entity.attributes.get("unit") == "percentage_point" and prev is not None and self._direction(cues, prev):
            return "change", self._direction(cues, prev), prev
        return "value", None, None

    def _head_verb(self, token: Token) -> Optional[Token]:
        cur = token
        for _ in range(12):
            if cur.pos_ == "VERB":
                return cur
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    def _predicate(self, cues: Cues, token: Token, sent: Span) -> Optional[Token]:
        """The verb a figure hangs from, climbing over participles without a subject ("marking ...")."""
        cur = token
        verb = None
        for _ in range(20):
            if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass", "amod", "compound"):
                verb = cur
                break
            if cur.head.i == cur.i or cur.head.i < sent.start or cur.head.i >= sent.end:
                break
            cur = cur.head
        if verb is None:
            return None
        for _ in range(3):
            has_subj = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children)
            if not has_subj and verb.tag_ in ("VBG", "VBN") and verb.dep_ in ("advcl", "conj", "xcomp", "acl", "ccomp") and sent.start <= verb.head.i < sent.end and verb.head.pos_ in ("VERB", "AUX"):
                verb = verb.head
            else:
                break
        return verb

    # ------------------------------------------------------------------ the component

    def find(self, doc: Doc, cues: Cues) -> list[EventRecord]:
        index = EntityIndex(doc)
        body = body_start(doc)
        body_mentions = {m.id for m in index.mentions if m.start >= body}
        events: list[EventRecord] = []
        done: set[str] = set()
        last_period: Optional[tuple[int, int]] = None
        for sent in sentences(doc):
            mentions = [m for m in index.in_span(sent.start, sent.end, FIGURE_LABELS)]
            if sent.start_char < body:
                # the title's figures are headlines of the body's
                mentions = [m for m in mentions if m.id not in body_mentions]
            # a figure stated again (same entity) is the same figure
            mentions = [m for m in mentions if m.id not in done]
            if not mentions:
                last_period = None
                continue
            new = self._sentence(doc, index, cues, sent, mentions)
            if self.carry_period:
                has_date = any(d.value is not None for d in dates_in(self.find_dates, doc, sent))
                periods = [a.span for ev in new for a in ev.arguments if a.role == "period"]
                if not periods and not has_date and last_period is not None:
                    for ev in new:
                        ev.arguments.append(span_arg("period", last_period))
                elif periods:
                    last_period = periods[-1]
            for ev in new:
                for a in ev.arguments:
                    if a.entity is not None:
                        done.add(a.entity)
            events.extend(new)
        return events

    def _sentence(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, mentions: list[MentionRef]) -> list[EventRecord]:
        groups: dict[tuple, _Fig] = {}
        order: list[tuple] = []
        info = {}
        paren_count: dict[tuple[int, int], int] = {}
        for m in mentions:
            pr = paren_range(m.span.root, sent)
            if pr is not None:
                paren_count[pr] = paren_count.get(pr, 0) + 1
        for m in mentions:
            role, direction, cue = self._role(cues, m, sent)
            pr = paren_range(m.span.root, sent)
            pred = self._predicate(cues, m.span.root, sent)
            if cue is not None and cue.pos_ == "VERB" and role == "change":
                pred = cue
            if pr is not None and paren_count.get(pr, 0) >= 2:
                key = ("paren", pr)
            elif pred is not None:
                key = ("pred", pred.i)
            else:
                key = ("np", m.span.root.head.i if m.span.root.head.i != m.span.root.i else m.span.root.i)
            info[m.start] = (role, direction, cue, pred)
            if key not in groups:
                groups[key] = _Fig(key)
                order.append(key)
            if role == "change":
                groups[key].changes.append((m, direction, cue))
            else:
                groups[key].values.append(m)
        # inside a group: pair each change with the nearest free value; the rest stand alone
        figures: list[tuple[Optional[MentionRef], Optional[tuple], Optional[Token]]] = []
        for key in order:
            g = groups[key]
            free = list(g.values)
            pairs = []
            for ch in g.changes:
                if free:
                    best = min(free, key=lambda v: abs(v.start - ch[0].start))
                    # a value after "previously" or a comparison base is its own figure
                    free.remove(best)
                    pairs.append((best, ch))
                else:
                    pairs.append((None, ch))
            for v in free:
                pairs.append((v, None))
            for v, ch in pairs:
                anchor = (v or ch[0])
                pred = info[anchor.start][3]
                figures.append((v, ch, pred))
        figures.sort(key=lambda f: (f[0] or f[1][0]).start)
        used_triggers: set[int] = set()
        events = []
        respectively = any(t.lower_ == "respectively" for t in sent)
        slots: dict[int, int] = {}
        for v, ch, pred in figures:
            if pred is not None:
                slots[pred.i] = slots.get(pred.i, -1) + 1
        seen: dict[int, int] = {}
        for v, ch, pred in figures:
            slot = None
            if respectively and pred is not None and slots.get(pred.i, 0) > 0:
                seen[pred.i] = seen.get(pred.i, -1) + 1
                slot = seen[pred.i]
            ev = self._event(doc, index, cues, sent, v, ch, pred, used_triggers, slot)
            if ev is not None:
                events.append(ev)
        return events

    def _event(self, doc, index, cues, sent, v, ch, pred, used_triggers, slot=None) -> Optional[EventRecord]:
        ms = [m for m in (v, ch[0] if ch else None) if m is not None]
        first = min(ms, key=lambda m: m.start)
        direction = ch[1] if ch else None
        cue = ch[2] if ch else None
        if direction is None and pred is not None:
            direction = self._direction(cues, pred) if pred.lemma_.lower() not in cues.words("level_verb") else None
        # trigger: the predicate, unless another figure of the sentence has it; then the cue word
        if pred is not None and pred.i not in used_triggers and (cue is None or cue.i == pred.i or cue.lower_ not in ("up", "down") or not _inside_parens(cue, sent)):
            trig = (pred.idx, pred.idx + len(pred.text))
            used_triggers.add(pred.i)
        elif cue is not None:
            trig = (cue.idx, cue.idx + len(cue.text))
        else:
            trig = (first.start, first.end)
        args = []
        ind = self._indicator(index, cues, sent, first, pred, cue, slot)
        if ind is not None:
            args.append(span_arg("indicator", ind))
        if v is not None:
            args.append(ent_arg("value", v.id))
        elif self.value_spans and ch is not None:
            span = self._value_span(index, sent, ch[0], pred)
            if span is not None:
                args.append(span_arg("value", span))
        if ch is not None:
            args.append(ent_arg("change", ch[0].id))
        period = self._period(doc, index, cues, sent, ms, pred)
        if period is not None:
            args.append(span_arg("period", period))
        for partner in self._partner(index, cues, sent, ms, pred):
            args.append(ent_arg("partner", partner))
        return EventRecord(type="FIGURE", trigger=trig, date=None, attributes={"direction": direction}, arguments=args)

    # ------------------------------------------------------------------ roles

    def _np_tokens(self, head: Token, index: EntityIndex, cues: Cues, exclude: set[int]) -> list[Token]:
        """An indicator phrase around a noun: its modifiers and "of" phrases, no dates or partners."""
        out = []
        for t in head.lefts:
            if t.dep_ in ("det", "poss", "predet", "punct", "nummod", "quantmod", "cc", "preconj", "advmod") or t.i in exclude:
                if t.dep_ == "poss":
                    ref = index.at(t)
                    if ref is None or ref.label != "COUNTRY":
                        # "the company's exports": keep the owner
                        out.extend(x for x in t.subtree if x.i not in exclude and x.dep_ != "case" or x.dep_ == "case")
                continue
            out.extend(x for x in t.subtree if x.i not in exclude)
        out.append(head)
        for t in head.rights:
            if t.dep_ in ("appos", "punct") and t.i not in exclude and _acronym_in_parens(t):
                out.extend(x for x in t.subtree)
                continue
            if t.dep_ == "punct" and t.text in ("(", ")") and t.i + 1 < len(t.doc) and _acronym_in_parens(t.doc[t.i + 1] if t.text == "(" else t.doc[t.i - 1]):
                out.append(t)
                continue
            if t.i in exclude or t.dep_ in ("punct", "appos", "relcl", "acl", "cc", "conj", "advmod", "npadvmod"):
                if t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") and not any(x.i in exclude for x in t.subtree):
                    out.extend(x for x in t.subtree if x.dep_ not in ("punct",) and x.i not in exclude)
                    continue
                if t.dep_ in ("cc",) and any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in head.rights):
                    out.append(t)
                    continue
                break
            if t.dep_ == "prep":
                objs = [c for c in t.children if c.dep_ == "pobj"]
                if t.lower_ in cues.words("partner_prep") and objs and index.at(objs[0]) is not None and index.at(objs[0]).label == "COUNTRY":
                    break
                if t.lower_ in ("in", "during", "for", "since", "from", "as", "at", "by", "than", "compared", "over", "with", "amid", "despite", "due") and (not objs or _is_dateish(objs[0]) or t.lower_ not in ("in",)):
                    break
                inner = _without_asides(t)
                if any(x.i in exclude for x in inner):
                    break
                out.extend(inner)
                continue
            if t.dep_ in ("compound", "amod", "nmod"):
                out.extend(t.subtree)
                continue
            break
        return sorted({t.i: t for t in out}.values(), key=lambda t: t.i)

    def _indicator(self, index: EntityIndex, cues: Cues, sent: Span, m: MentionRef, pred: Optional[Token], cue: Optional[Token] = None, slot: Optional[int] = None) -> Optional[tuple[int, int]]:
        root = m.span.root
        doc = sent.doc
        exclude = {t.i for x in index.in_span(sent.start, sent.end, FIGURE_LABELS) for t in x.span}
        skip = cues.words("skip_indicator")
        level = cues.words("level_noun")
        level_verbs = cues.words("level_verb")
        share_verbs = {"account", "represent", "comprise", "make", "constitute"}
        candidates: list[Token] = []
        own = self._head_verb(root)
        pr = paren_range(root, sent)

        def subjects(verb: Optional[Token]) -> list[Token]:
            if verb is None:
                return []
            out = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not out and verb.dep_ in ("conj", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
                out = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            return [c for c in out if c.i not in exclude]

        def objects(verb: Optional[Token]) -> list[Token]:
            if verb is None or verb.lemma_.lower() in level_verbs:
                return []
            return [c for c in verb.children if c.dep_ == "dobj" and c.i not in exclude and c.pos_ in ("NOUN", "PROPN")]

        # "exports of computers ($13.8 billion, up 4.5 percent)": the noun the parenthesis follows
        if pr is not None and pr[0] - 1 >= sent.start:
            before = doc[pr[0] - 1]
            ref = index.at(before)
            if before.pos_ in ("NOUN", "PROPN") and ref is None and before.i not in exclude and not any(c.dep_ in ("nummod", "quantmod") for c in before.children):
                if before.dep_ == "pobj" and before.head.lower_ == "of" and before.head.head.pos_ == "NOUN":
                    candidates.append(before.head.head)
                else:
                    candidates.append(before)
        # "R&D spending up 3.2 percent": no verb, the noun phrase before "up"
        if cue is not None and cue.lower_ in ("up", "down") and cue.i - 1 >= sent.start:
            before = doc[cue.i - 1]
            if before.pos_ in ("NOUN", "PROPN") or before.tag_ == "VBG" and before.dep_ not in ("ROOT", "advcl"):
                candidates.append(before)
        # "a 46.1 percent increase in total investment"
        if root.head.lemma_.lower() in cues.words("change_noun") and root.head.pos_ == "NOUN":
            for c in root.head.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                    candidates.extend(o for o in c.children if o.dep_ == "pobj")
        # "Korea's ICT exports and imports amounted to $30.0 billion and $14.9 billion, respectively"
        if slot is not None and pred is not None:
            subj = subjects(pred)
            if subj:
                conj = [t for t in subj[0].conjuncts] 
                items = sorted([subj[0]] + conj, key=lambda t: t.i)
                if len(items) > 1 and slot < len(items):
                    candidates.append(items[slot])
        # "KRW 50 billion fund", "25 percent tariffs"
        if root.dep_ in ("compound", "nmod", "amod", "nummod") and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in exclude and root.head.lemma_.lower() not in cues.words("change_noun"):
            candidates.append(root.head)
        # the clause of the figure itself: its subject, or the object of a verb such as "boost"
        candidates.extend(subjects(own) if own is not None and own.lemma_.lower() not in share_verbs else [])
        candidates.extend(objects(own))
        # "KRW 1 million in additional EV transition incentives", "75 percent of Korea's FDI inflows"
        if own is None or own.lemma_.lower() not in share_verbs:
            for c in root.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "of", "for", "on") and c.i > root.i:
                    objs = [o for o in c.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN") and not _is_dateish(o)]
                    if objs and (c.lower_ != "for" or m.label == "MONEY") and (c.lower_ != "of" or root.dep_ in ("nsubj", "nsubjpass")):
                        candidates.append(objs[0])
        # "tariffs of 15 percent", "a trade surplus of $113.0 billion"
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
            n = root.head.head
            if n.lemma_.lower() not in level and n.lower_ not in level:
                candidates.append(n)
        if pred is not None and pred is not own:
            candidates.extend(subjects(pred))
            candidates.extend(objects(pred))
        for cand in candidates:
            if cand.lower_ in skip or cand.pos_ in ("PRON", "ADP", "DET", "NUM") or cand.lemma_.lower() in level:
                continue
            if cand.dep_ in ("nsubj", "nsubjpass") and (cand.lemma_.lower() in cues.words("agent_noun") or cand.lower_ in cues.words("agent_noun")):
                continue  # "the government will expand policy finance to KRW 15 trillion": who acts is not what is measured
            if index.at(cand) is not None and index.at(cand).label in ("COUNTRY", "MINISTRY", "ORG", "OFFICIAL", "PERSON", "MONEY", "PERCENT"):
                continue
            toks = self._np_tokens(cand, index, cues, exclude)
            toks = [t for t in toks if sent.start <= t.i < sent.end]
            if not toks:
                continue
            # a long subject keeps its head's end
            if len(toks) > self.max_indicator_tokens:
                toks = [t for t in toks if t.i >= cand.i - self.max_indicator_tokens + 1 and t.i <= cand.i + 6]
            toks = _contiguous_around(toks, cand)
            span = trim(toks)
            if span is not None:
                return span
        # the parse went astray (a title line glued to the body): the noun run right before the verb
        if pred is not None and sent.start <= pred.i < sent.end:
            run = []
            i = pred.i - 1
            while i >= sent.start and (doc[i].pos_ in ("NOUN", "PROPN", "ADJ") or doc[i].text in ("-", "&")) and i not in exclude and index.at(doc[i]) is None:
                run.insert(0, doc[i])
                i -= 1
            if run and run[-1].pos_ in ("NOUN", "PROPN") and run[-1].lower_ not in skip:
                return trim(run)
        return None

    def _value_span(self, index: EntityIndex, sent: Span, ch: MentionRef, pred: Optional[Token]) -> Optional[tuple[int, int]]:
        """A quantity that is not MONEY/PERCENT: "4.1 million units (down 0.6 percent)", "rose to 813,000 units"."""
        doc = sent.doc
        pr = paren_range(ch.span.root, sent)
        cands: list[Token] = []
        if pr is not None and pr[0] - 1 >= sent.start:
            cands.append(doc[pr[0] - 1])
        if pred is not None:
            for c in pred.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                    cands.extend(o for o in c.children if o.dep_ == "pobj")
                elif c.dep_ in ("dobj", "attr"):
                    cands.append(c)
        for tok in cands:
            if index.at(tok) is not None:
                continue
            sub = [t for t in tok.subtree if t.i < tok.i + 1 or t.dep_ in ("compound",)]
            sub = [t for t in sub if t.i >= tok.i - 6 and t.i <= tok.i]
            if any(t.like_num and not _is_year(t) for t in sub) and not any(index.at(t) is not None for t in sub):
                span = trim(_contiguous_around(sub, tok))
                if span is not None:
                    return span
        return None

    def _period(self, doc: Doc, index: EntityIndex, cues: Cues, sent: Span, ms: list[MentionRef], pred: Optional[Token]) -> Optional[tuple[int, int]]:
        found: list[DateMention] = [d for d in dates_in(self.find_dates, doc, sent) if d.value is not None]
        if not found:
            return None
        comparison = cues.words("comparison")
        text = text_of(doc)
        usable = []
        for d in found:
            before = text[max(sent.start_char, d.start - 25):d.start].lower().split()
            if before and before[-1] in comparison and d.kind != "year_range":
                continue
            if before and before[-1] == "from" and d.kind == "year_range":
                pass
            # "(previously $70.9 billion in 2023)" belongs to the figure inside the parenthesis
            usable.append(d)
        if not usable:
            return None
        anchor_s = min(m.start for m in ms)
        anchor_e = max(m.end for m in ms)
        # a figure's own parenthesis
        pr = paren_range(ms[0].span.root, sent)

        def dist(d: DateMention) -> float:
            if d.start >= anchor_e:
                gap = d.start - anchor_e
            elif d.end <= anchor_s:
                gap = anchor_s - d.end
            else:
                gap = 0
            # figures claim the date right after them ("$70.9 billion in 2023")
            return gap + (0 if d.start >= anchor_e else 10)

        best = min(usable, key=dist)
        # a date close to another figure of the sentence belongs to that one
        others = [m for m in index.in_span(sent.start, sent.end, FIGURE_LABELS) if m not in ms]
        for o in others:
            od = best.start - o.end if best.start >= o.end else 10**6
            md = best.start - anchor_e if best.start >= anchor_e else 10**6
            if 0 <= od < md and od < 12 and best.start > anchor_e:
                # a date right after another figure: ours only if it opens the sentence
                return None if best.start - sent.start_char > 20 else (best.start, best.end)
        if pr is not None and not (pr[0] <= doc.char_span(best.start, best.end, alignment_mode="expand").start < pr[1]) and best.start > anchor_e and best.start < doc[pr[1] - 1].idx:
            return None
        return (best.start, best.end)

    def _partner(self, index: EntityIndex, cues: Cues, sent: Span, ms: list[MentionRef], pred: Optional[Token]) -> list[str]:
        """The destination or source of a flow, or the country that applies a tariff: "exports to
        China", "Taiwan (up 64.8 percent)", "investment in the United States", "trade between the UK
        and South Korea" (the side that is not the document's own), "Japan accounted for 93.7 percent"."""
        doc = sent.doc
        preps = cues.words("partner_prep")
        # "Taiwan (up 64.8 percent)": the country just before the figure's parenthesis
        pr = paren_range(ms[0].span.root, sent)
        if pr is not None:
            for i in range(pr[0] - 1, max(sent.start, pr[0] - 3) - 1, -1):
                ref = index.at(doc[i])
                if ref is not None and ref.label == "COUNTRY":
                    return [ref.id]
        scope = list(pred.subtree) if pred is not None else list(sent)
        anchor = ms[0].span.start
        best = None
        for tok in scope:
            ref = index.at(tok)
            if ref is None or ref.label != "COUNTRY" or tok.i != ref.span.start:
                continue
            head = ref.span.root
            prep = head.head if head.dep_ in ("pobj",) else None
            if prep is None or prep.lower_ not in preps:
                continue
            # "exports to China" / "surplus with the U.S." / "imports from Japan"
            if prep.head.pos_ in ("NOUN", "PROPN", "VERB") and not _inside_parens(tok, sent):
                d = abs(tok.i - anchor)
                if best is None or d < best[0]:
                    best = (d, ref.id)
        if best:
            return [best[1]]
        if not self.wider_partners:
            return []
        return self._partner_wider(index, cues, sent, scope, anchor, pred)

    def _partner_wider(self, index: EntityIndex, cues: Cues, sent: Span, scope: list[Token], anchor: int, pred: Optional[Token]) -> list[str]:
        flows = cues.words("flow_noun")
        home = home_country(index)
        found: list[tuple[int, list[str]]] = []
        for tok in scope:
            if _inside_parens(tok, sent):
                continue
            lemma = tok.lemma_.lower()
            if tok.dep_ == "prep" and tok.lower_ in ("in", "between") and (tok.head.lemma_.lower() in flows or tok.head.lower_ in flows):
                objs = [c for c in tok.children if c.dep_ == "pobj"]
                ids: list[str] = []
                for o in objs:
                    for t in [o, *o.conjuncts, *[c for c in o.children if c.dep_ == "poss"]]:
                        ref = index.at(t)
                        if ref is not None and ref.label == "COUNTRY" and ref.id not in ids:
                            ids.append(ref.id)
                if tok.lower_ == "between" and home in ids and len(ids) > 1:
                    ids = [i for i in ids if i != home]  # "trade between the UK and South Korea" in a UK release
                elif tok.lower_ == "in":
                    ids = [i for i in ids if i != home][:1]
                if ids:
                    found.append((abs(tok.i - anchor), ids))
            elif lemma in flows and tok.pos_ in ("NOUN", "PROPN"):
                # "China-ROK trade", "ASEAN-ROK trade": a paired name in front of the flow
                left = [t for t in tok.lefts if t.dep_ in ("compound", "nmod", "amod")]
                if left:
                    text = text_of(sent.doc)[left[0].left_edge.idx:tok.idx]
                    ids = name_countries(index, text)
                    if home in ids and len(ids) > 1:
                        ids = [i for i in ids if i != home]
                    if ids:
                        found.append((abs(tok.i - anchor), ids))
        if found:
            return min(found, key=lambda f: f[0])[1]
        # a tariff, duty, quota or check: the country that applies it ("the EU has applied checks to 20 percent of
        # consignments", "the Philippines will eliminate tariffs on 96.5 percent of its tariff lines")
        m_root = sent.doc[anchor]
        near = [t for t in sent if abs(t.i - anchor) <= 6 or t.head.i == m_root.i or m_root.head.i == t.i]
        if any(t.lemma_.lower() in cues.words("applied_noun") or t.lower_ in cues.words("applied_noun") for t in near):
            verb = pred
            for _ in range(3):
                if verb is None:
                    break
                for c in verb.children:
                    if c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "agent":
                        for t in c.subtree:
                            ref = index.at(t)
                            if ref is not None and ref.label == "COUNTRY":
                                return [ref.id]
                            if ref is not None and ref.label == "MINISTRY":
                                eid = index.country_for_code(body_country(index, ref.id))
                                if eid:
                                    return [eid]
                verb = verb.head if verb.head.i != verb.i and verb.dep_ in ("conj", "xcomp", "relcl", "advcl", "ccomp") else None
        # "Bilateral trade reached USD 56.4 billion": the release's counterpart
        if any(t.lower_ in ("bilateral", "two-way") for t in near) and home is not None:
            other = other_country(index, home)
            if other:
                return [other]
        # "Japan accounted for 93.7 percent of Korea's imports"
        if pred is not None and pred.lemma_.lower() in cues.words("subject_partner_verb"):
            for c in pred.children:
                if c.dep_ == "nsubj":
                    ref = index.at(c)
                    if ref is not None and ref.label == "COUNTRY" and ref.id != home:
                        return [ref.id]
        return []


def _without_asides(tok: Token) -> list[Token]:
    """A subtree without its appositions and parentheses ("computers ($13.8 billion, up 4.5%)")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("appos", "punct", "advmod", "parataxis") and not _acronym_in_parens(c):
            continue
        out.extend(_without_asides(c))
    return sorted(out, key=lambda t: t.i)


def _acronym_in_parens(tok: Token) -> bool:
    """ "(ICE)", "(OFDI)": an upper-case short form between parentheses."""
    doc = tok.doc
    return (tok.text.isupper() and 1 < len(tok.text) <= 8 and tok.i > 0 and doc[tok.i - 1].text == "("
            and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ")")


def _inside_parens(token: Token, sent: Span) -> bool:
    return paren_range(token, sent) is not None


def _is_year(tok: Token) -> bool:
    return tok.like_num and len(tok.text) == 4 and tok.text[:2] in ("19", "20") and tok.text.isdigit()


def _is_dateish(tok: Token) -> bool:
    months = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "year", "month", "quarter", "half", "week"}
    return _is_year(tok) or tok.lower_ in months or any(_is_year(t) or t.lower_ in months for t in tok.subtree if t.i <= tok.i)


def _contiguous_around(toks: list[Token], center: Token) -> list[Token]:
    """The contiguous run of `toks` that holds `center` (all of them when it holds no such token)."""
    if center.i not in {t.i for t in toks}:
        return sorted(toks, key=lambda t: t.i)
    return contiguous_run(toks, center)
