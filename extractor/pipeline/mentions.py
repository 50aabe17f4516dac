"""Merge candidate spans from every source into one flat layer, `doc.spans["mentions"]`.

Sources: the gazetteer (known names), the quantity patterns (MONEY, PERCENT), the trained NER
(`doc.ents`, our nine labels) and the pretrained English NER (`doc.spans["base_ner"]`, OntoNotes
labels mapped to ours by head words). The spec's boundary rules are applied here: no leading
article, ordinal or year, no title in front of a person's name, no trailing punctuation; the longer
name wins, except that a span made only of known country names and connectors ("Korea–U.S.") is
split into them.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .layers import MENTIONS_KEY
from .titles import TitleLexicon

_MINISTRY_HEADS = re.compile(
    r"\b(Ministry|Ministries|Department|Agency|Office|Commission|Committee|Subcommittee|Council|Bureau|"
    r"Administration|Service|Parliament|Assembly|Congress|Senate|House|Embassy|Mission|Authority|"
    r"Directorate|Cabinet|Government|Secretariat|Court|Tribunal|Customs|Treasury|White House)\b"
)
_INTERGOV = re.compile(r"\b(WTO|APEC|OECD|IMF|UN|United Nations|World Bank|G20|G7|ASEAN Secretariat|ISO|IEC)\b")
_AGREEMENT_HEADS = re.compile(r"\b(FTA|Agreement|Partnership|Treaty|Pact|Accord|Framework|Memorandum|MOU|MoU|Deal|Joint Statement|Fact Sheet|Declaration|Arrangement)\b")
_REGULATION_HEADS = re.compile(r"\b(Act|Regulation|Directive|Law|Mechanism|Section \d+|Order|Decree|Rule|Code|Bill|Tariff Act)\b")
_LEADING_DROP = {"the", "The", "a", "A", "an", "An", "’s", "'s"}
_CONNECTORS = {"–", "-", "—", "and", ",", "/", "&"}
_ORDINAL = re.compile(r"^(\d+(st|nd|rd|th)|\d{4}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)$", re.I)

# OntoNotes labels the pretrained NER gives, and what they may become
_BASE_MAP = {"PERSON": "PERSON", "ORG": "ORG", "LAW": "LAW", "GPE": "GPE", "NORP": None, "FAC": None}


def classify_body(text: str) -> str:
    """MINISTRY or ORG for an organisation name, AGREEMENT or REGULATION for a named instrument."""
    if _AGREEMENT_HEADS.search(text):
        return "AGREEMENT"
    if _REGULATION_HEADS.search(text) and not _MINISTRY_HEADS.search(text):
        return "REGULATION"
    if _MINISTRY_HEADS.search(text) and not _INTERGOV.search(text):
        return "MINISTRY"
    return "ORG"


def _trim(span: Span, titles: TitleLexicon) -> Optional[Span]:
    """Apply the spec's boundary rules to one candidate span."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (doc[start].text in _LEADING_DROP or _ORDINAL.match(doc[start].text)):
        start += 1
    while start < end and (doc[end - 1].is_punct and doc[end - 1].text not in (")",) or doc[end - 1].text in ("’s", "'s", "’", "'")):
        end -= 1
    if span.label_ in ("PERSON", "OFFICIAL"):
        # "Minister Kim" → "Kim": titles and honorifics are not part of the name
        while start < end - 1 and (titles.is_title_word(doc[start].text) or doc[start].text in ("U.S.", "Korea", "’s")):
            start += 1
    if start >= end:
        return None
    # an unbalanced bracket at either edge
    text = doc[start:end].text
    if text.count("(") != text.count(")"):
        if doc[end - 1].text == ")":
            end -= 1
        elif doc[start].text == "(":
            start += 1
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_, span_id=span.id_)


def _namelike(tok) -> bool:
    return (tok.is_title or (tok.is_upper and len(tok) <= 3) or tok.text == "-" or tok.text in ("bin", "al", "Al", "de", "van", "von", "da")) and not tok.is_punct or tok.text == "-"


def _split_on_known(span: Span, known: list[Span]) -> Optional[list[Span]]:
    """When a span is only known country names joined by connectors, return those names."""
    inside = [k for k in known if k.start >= span.start and k.end <= span.end and k.label_ == "COUNTRY"]
    if not inside:
        return None
    covered = set()
    for k in inside:
        covered.update(range(k.start, k.end))
    rest = [t for t in span if t.i not in covered]
    if all(t.text in _CONNECTORS or t.is_space for t in rest):
        return inside
    return None


@Language.factory(
    "trade_mentions",
    default_config={"use_ner": True, "use_base_ner": True, "spans_key": MENTIONS_KEY},
)
def make_mentions(nlp: Language, name: str, use_ner: bool, use_base_ner: bool, spans_key: str) -> "MentionMerger":
    return MentionMerger(use_ner=use_ner, use_base_ner=use_base_ner, spans_key=spans_key)


class MentionMerger:
    def __init__(self, *, use_ner: bool, use_base_ner: bool, spans_key: str):
        self.use_ner = use_ner
        self.use_base_ner = use_base_ner
        self.spans_key = spans_key
        self.titles = TitleLexicon.default()

    def candidates(self, doc: Doc) -> list[tuple[int, Span]]:
        """(rank, span) pairs; a lower rank wins ties of equal length."""
        out: list[tuple[int, Span]] = []
        gaz = list(doc.spans.get("gazetteer", []))
        for span in doc.spans.get("quantities", []):
            out.append((0, span))
        for span in gaz:
            out.append((1, span))
        if self.use_ner:
            for ent in doc.ents:
                if ent.label_ in ("MONEY", "PERCENT"):
                    continue
                out.append((2, ent))
        if self.use_base_ner:
            for ent in doc.spans.get("base_ner", []):
                label = _BASE_MAP.get(ent.label_)
                if label is None:
                    continue
                if label == "GPE":
                    continue  # known countries come from the gazetteer; cities are not mentions
                if label in ("ORG", "LAW"):
                    label = classify_body(ent.text)
                out.append((3, Span(doc, ent.start, ent.end, label=label)))
        return out

    def titled_names(self, doc: Doc) -> list[tuple[int, Span]]:
        """Names right after an official title: "General Secretary To Lam", "Senator Todd Young"."""
        out = []
        for tok in doc:
            kind = self.titles.heads.get(tok.text)
            if kind not in ("official", "head"):
                continue
            j = tok.i + 1
            while j < len(doc) and j - tok.i <= 4 and _namelike(doc[j]) and not self.titles.is_title_word(doc[j].text):
                j += 1
            if j - tok.i >= 2 and j < len(doc) + 1:
                if j < len(doc) and doc[j].text == "(" and j + 3 < len(doc) and doc[j + 2].text == ")":
                    j += 3  # "JK (Jung-Kwan) Kim"
                    while j < len(doc) and _namelike(doc[j]):
                        j += 1
                out.append((2, Span(doc, tok.i + 1, j, label="OFFICIAL" if kind == "official" else "PERSON")))
        return out

    def _plausible(self, span: Span, gaz: list[Span], rank: int, in_headline: bool) -> bool:
        """Whether a model's candidate may stand, given what the gazetteer knows."""
        inside = [g for g in gaz if g.start < span.end and span.start < g.end]
        if inside and not all(g.start >= span.start and g.end <= span.end for g in inside):
            return False  # crosses a known name
        if any(g.label_ != "COUNTRY" for g in inside) or len(inside) >= 2:
            return False  # a known name with extra words around it: trust the known name
        if any(t.text in ("’s", "'s") for t in span):
            return False
        if span.label_ in ("PERSON", "OFFICIAL"):
            return any(t.is_title or t.is_upper for t in span)
        if rank >= 3 and in_headline and span.label_ in ("ORG", "MINISTRY"):
            return False
        if rank >= 3 and re.fullmatch(r"[A-Z]{2,5}s?", span.text):
            return bool(re.search(r"[A-Z][a-z]+[^()]{0,80}\(\s*" + re.escape(span.text) + r"\b", span.doc.text))
        return True

    def _relabel(self, span: Span) -> Span:
        """An ORG candidate with a person's title next to it is a person."""
        doc = span.doc
        if span.label_ not in ("ORG", "MINISTRY"):
            return span
        prev = doc[span.start - 1].text if span.start > 0 else ""
        after = doc[span.end: span.end + 5]
        title_after = len(after) >= 2 and after[0].text == "," and any(
            self.titles.heads.get(t.text) in ("official", "head", "person") for t in after[1:])
        if self.titles.heads.get(prev) in ("official", "head", "person") or title_after:
            if all(t.is_title for t in span) and len(span) <= 4:
                return Span(doc, span.start, span.end, label="PERSON")
        return span

    def __call__(self, doc: Doc) -> Doc:
        gaz = list(doc.spans.get("gazetteer", []))
        title_end = doc.text.find("\n")
        headline_cased = title_end > 0 and _is_headline(doc.text[:title_end])
        trimmed: list[tuple[int, Span]] = []
        for rank, span in self.candidates(doc) + self.titled_names(doc):
            cleaned = _trim(span, self.titles)
            if cleaned is None:
                continue
            if rank >= 2:
                parts = _split_on_known(cleaned, gaz)
                if parts is not None:
                    trimmed.extend((1, p) for p in parts)
                    continue
                if not self._plausible(cleaned, gaz, rank, headline_cased and cleaned.start_char < title_end):
                    continue
                cleaned = self._relabel(cleaned)
            trimmed.append((rank, cleaned))
        # longest first; among equal lengths, the better-ranked source
        trimmed.sort(key=lambda rs: (-(rs[1].end_char - rs[1].start_char), rs[0], rs[1].start))
        taken: list[Span] = []
        occupied: set[int] = set()
        for rank, span in trimmed:
            if any(i in occupied for i in range(span.start, span.end)):
                continue
            taken.append(span)
            occupied.update(range(span.start, span.end))
        doc.spans[self.spans_key] = sorted(taken, key=lambda s: s.start)
        return doc


def _is_headline(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def mentions_of(doc: Doc, key: str = MENTIONS_KEY) -> Iterable[Span]:
    return doc.spans.get(key, [])
