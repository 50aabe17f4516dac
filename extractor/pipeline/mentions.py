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

import json
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from ..labels import ENTITY_LABELS
from .layers import MENTIONS_KEY, text_of
from .titles import TitleLexicon

_MINISTRY_HEADS = re.compile(
    r"\b(Ministry|Ministries|Department|Agency|Office|Commission|Committee|Subcommittee|Council|Bureau|"
    r"Administration|Service|Parliament|Assembly|Congress|Senate|House|Embassy|Mission|Authority|"
    r"Directorate|Cabinet|Government|Secretariat|Court|Tribunal|Customs|Treasury|White House|"
    r"National Institute|Public Institute)\b"
)
_INTERGOV = re.compile(r"\b(WTO|APEC|OECD|IMF|UN|United Nations|World Bank|G20|G7|ASEAN|ISO|IEC|IPEF|RCEP|CPTPP|"
                       r"GCC|AEM|EFTA|Mercosur|MERCOSUR|Joint|Bilateral|[A-Z][\w.]+[–-][A-Z][\w.]+)\b")
_AGREEMENT_HEADS = re.compile(r"\b(FTA|Agreement|Partnership|Treaty|Pact|Accord|Framework|Memorandum|MOU|MoU|Deal|Joint Statement|Fact Sheet|Declaration|Arrangement)\b")
_REGULATION_HEADS = re.compile(r"\b(Act|Regulation|Directive|Law|Mechanism|Section \d+|Order|Decree|Rule|Code|Bill|Tariff Act)\b")
_LEADING_DROP = {"the", "The", "a", "A", "an", "An", "’s", "'s", "Hon", "Hon.", "Honourable", "Honorable",
                 "Shri", "Smt.", "H.E.", "Excellency"}
_CONNECTORS = {"–", "-", "—", "and", ",", "/", "&"}
_ORDINAL = re.compile(
    r"^(\d+(st|nd|rd|th)|\d{4}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|(thir|four|fif|six|seven|eigh|nine)teenth|(twen|thir|for|fif|six|seven|eigh|nine)tieth)$", re.I)
_DATE_WORDS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
               "April", "May", "June", "July", "August", "September", "October", "November", "December"}
# what names a body set up by an agreement right after its name ("Korea–EU FTA Trade Committee")
_AGREEMENT_BODY_HEADS = {"Committee", "Subcommittee", "Council", "Commission", "Working"}
_GENERIC_BODIES = {"House", "Government", "Ministry", "Department", "Commission", "Council", "Committee",
                   "Parliament", "Agency", "Office", "Cabinet", "Administration", "Secretariat", "Board",
                   "Consultations", "Meeting", "Talks"}

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_TRIM_KEEP = {")", "%", "%p", "."}

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
    while start < end and (doc[end - 1].is_punct and doc[end - 1].text not in _TRIM_KEEP or doc[end - 1].text in ("’s", "'s", "’", "'")):
        end -= 1
    while start < end and (doc[start].is_punct and doc[start].text not in ("$", "£", "€", "¥", "₩")):
        start += 1
    if span.label_ in ("PERSON", "OFFICIAL"):
        # "Minister Kim" → "Kim": titles and honorifics are not part of the name
        while start < end - 1 and (titles.is_title_word(doc[start].text) or doc[start].text in ("U.S.", "Korea", "’s")):
            start += 1
    for k in range(start, end - 1):
        if "\n" in doc[k].whitespace_:
            end = k + 1  # a name never runs over a line break
            break
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


_POST_LEAD = {"newly", "appointed", "new", "incoming", "outgoing", "current", "visiting", "acting", "former"}
_BODY_WORDS = set("""Institute Association Organization Organisation Council Committee Ministry Department Agency
Office Center Centre Corporation Company Group Bank University Foundation Chamber Federation Union Commission
Government Administration Authority Bureau Service Forum Summit""".split())
_HONORIFICS = {"the", "Hon", "Hon.", "Honourable", "Honorable", "Shri", "Smt.", "Smt", "H.E.", "His", "Her",
               "Excellency", "Dr.", "Dr", "Mr.", "Ms.", "Mrs.", "Prof.", "Sir", "Dame", "Rt", "Rt.", "Right"}
_PORTFOLIO = set("""Commerce Trade Industry Industries Economy Economic Energy Business International Foreign Affairs
Finance State Export Exports Promotion Small Development Natural Resources Agriculture Consumer Food Public
Distribution Textiles Investment Tourism Science Technology Innovation Employment Labor Labour Environment
Climate Health Transport Infrastructure Planning Budget Treasury Defence Defense Security Digital
Communications Mines Mining Oceans Fisheries SMEs Startups Land Welfare Culture Education Justice Interior
Home Housing Enterprise Competitiveness Growth Manufacturing Supply Chain Chains Strategy Policy Relations
Cooperation Commonwealth Heavy Water Rural Regional Urban Women Youth Sport Sports Arts Media Information
Services Financial Revenue Customs Statistics Industrial Entrepreneurship Asia Pacific Americas Europe
Standards Competition Markets""".split())


# acronyms that are also common nouns: only their defining "(FTA)" is a mention
_COMMON_ACRONYMS = {"FTA", "FTAs", "EPA", "MOU", "MoU", "MOUs", "BIT", "FDI", "SME", "SMEs", "R&D"}


def _subject_acronym(name: str, acronym: str) -> bool:
    """Whether the acronym spells the words after "on"/"for"/"of" in the name but not the name itself."""
    m = re.search(r"\b(?:on|for)\s+(.+)$", name)
    if not m:
        return False
    initials = lambda text: "".join(w[0].upper() for w in re.findall(r"[A-Za-z][\w’'-]*", text)  # noqa: E731
                                    if w.lower() not in ("of", "and", "for", "the", "on", "to", "in"))
    return initials(m.group(1)) == acronym.upper() and initials(name) != acronym.upper()


_VENUES = ("Press Center", "Convention Center", "Exhibition Center", "Conference Center", "Trade Center",
           "Business Center", "Convention and Exhibition Center", "Press Centre", "Conference Centre")


def _capitalised(tok) -> bool:
    """ "Young", "McCormick", "O'Neill": a capital first and lower-case letters after."""
    t = tok.text
    return t[:1].isupper() and any(c.islower() for c in t) and (tok.is_alpha or "'" in t or "’" in t)


def _namelike(tok) -> bool:
    if tok.text in ("bin", "al", "Al", "de", "van", "von", "da", "der", "le", "La"):
        return True
    if tok.is_punct or tok.like_num:
        return False
    if tok.is_upper and len(tok) >= 3 and tok.is_alpha and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].is_title:
        return True  # family names in capitals: "NISHIMURA Yasutoshi"
    return (_capitalised(tok) or (tok.is_upper and len(tok) <= 3)) and tok.pos_ in ("PROPN", "NOUN", "ADJ", "X", "")


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
    default_config={"use_ner": True, "use_base_ner": True, "ner_rank": 4, "ner_labels": None,
                    "ner_skip_labels": ["COUNTRY", "MONEY", "PERCENT"], "spans_key": MENTIONS_KEY},
)
def make_mentions(nlp: Language, name: str, use_ner: bool, use_base_ner: bool, ner_rank: int,
                  ner_labels: Optional[list[str]], ner_skip_labels: list[str], spans_key: str) -> "MentionMerger":
    """Options: `ner_rank`, where the trained NER's candidates stand when spans of equal length
    compete (0 quantities, 1 gazetteer, 2 patterns and titled names, 4 the pretrained NER; 5 and
    above only fill gaps that no other source covers); `ner_labels`, the labels taken from
    `doc.ents` (None: the nine of the spec); `ner_skip_labels`, labels left to the gazetteer and
    the patterns."""
    return MentionMerger(use_ner=use_ner, use_base_ner=use_base_ner, ner_rank=ner_rank, ner_labels=ner_labels,
                         ner_skip_labels=ner_skip_labels, spans_key=spans_key)


class MentionMerger:
    def __init__(self, *, use_ner: bool, use_base_ner: bool, spans_key: str, ner_rank: int = 4,
                 ner_labels: Optional[Iterable[str]] = None,
                 ner_skip_labels: Iterable[str] = ("COUNTRY", "MONEY", "PERCENT")):
        self.use_ner = use_ner
        self.ner_labels = set(ner_labels) if ner_labels is not None else set(ENTITY_LABELS)
        self.ner_skip_labels = set(ner_skip_labels)
        self.ner_rank = ner_rank
        self.use_base_ner = use_base_ner
        self.spans_key = spans_key
        self.titles = TitleLexicon.default()
        self.patterns: list[dict] = []
        self.non_entity_heads: set[str] = set()
        self._compiled: list[tuple[str, int, re.Pattern]] = []

    def initialize(self, get_examples=None, nlp=None, patterns=None, non_entity_heads=None) -> None:
        """Load the name patterns and the non-entity head words from the package data."""
        if patterns is None:
            patterns = list(srsly.read_jsonl(DATA_DIR / "patterns.jsonl"))
        if non_entity_heads is None:
            lines = (DATA_DIR / "non_entity_heads.txt").read_text(encoding="utf-8").splitlines()
            non_entity_heads = [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]
        self._set_data(patterns, non_entity_heads)

    def _set_data(self, patterns: list[dict], heads: list[str]) -> None:
        self.patterns = list(patterns)
        self.non_entity_heads = set(heads)
        self._compiled = [(p["label"], int(p.get("rank", 2)), re.compile(p["regex"])) for p in self.patterns]

    def to_disk(self, path, exclude=tuple()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)
        srsly.write_json(path / "non_entity_heads.json", sorted(self.non_entity_heads))

    def from_disk(self, path, exclude=tuple()) -> "MentionMerger":
        path = ensure_path(path)
        self._set_data(list(srsly.read_jsonl(path / "patterns.jsonl")), srsly.read_json(path / "non_entity_heads.json"))
        return self

    def pattern_candidates(self, doc: Doc) -> list[tuple[int, Span]]:
        if not self._compiled:
            self.initialize()
        out = []
        text = text_of(doc)
        title_end = text.find("\n")
        for label, rank, regex in self._compiled:
            for m in regex.finditer(text):
                span = doc.char_span(m.start(), m.end(), label=label, alignment_mode="contract")
                if span is None or not len(span):
                    continue
                if label == "BODY":
                    span = self._body_span(span, title_end)
                    if span is None:
                        continue
                out.append((rank, span))
        return out

    def _body_span(self, span: Span, title_end: int) -> Optional[Span]:
        """A capitalised body name found by its head word: no verb or sentence start inside it
        ("Korea Opens Rare Metals ..."), not in a title-cased headline, labelled by its words."""
        doc = span.doc
        if span.start_char < title_end and _is_headline(text_of(doc)[:title_end]):
            return None
        start = span.start
        for t in span:
            if t.tag_.startswith("VB") or (t.i > span.start and t.is_sent_start):
                start = t.i + 1
        while start < span.end and doc[start].lower_ in ("of", "for", "and", "on", "the"):
            start += 1
        if span.end - start < 2 or doc[start:span.end].text.endswith(_VENUES):
            return None  # venues ("Korea Press Center") are places, not bodies
        return Span(doc, start, span.end, label=classify_body(doc[start:span.end].text))

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
                if ent.label_ in self.ner_skip_labels or ent.label_ not in self.ner_labels:
                    continue  # the gazetteer and the patterns know these better
                out.append((self.ner_rank, ent))
        if self.use_base_ner:
            for ent in doc.spans.get("base_ner", []):
                label = _BASE_MAP.get(ent.label_)
                if label is None:
                    continue
                if label == "GPE":
                    continue  # known countries come from the gazetteer; cities are not mentions
                if label in ("ORG", "LAW"):
                    label = classify_body(ent.text)
                out.append((4, Span(doc, ent.start, ent.end, label=label)))
        return out

    def titled_names(self, doc: Doc) -> list[tuple[int, Span]]:
        """Names after a title: "General Secretary To Lam", "Senator the Hon Don Farrell",
        "Secretary of State for Business and Trade Kemi Badenoch", "Minister of Economy, Trade and
        Industry NISHIMURA Yasutoshi"."""
        out = []
        title_end = text_of(doc).find("\n")
        n = len(doc)
        for tok in doc:
            kind = self.titles.heads.get(tok.text)
            if tok.text == "General" and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].text in ("Secretary", "Director"):
                kind = "official"  # "Secretary-General", "Director-General"
            if kind not in ("official", "head") or tok.idx < title_end:
                continue
            j = tok.i + 1
            # the portfolio: "of Commerce for International Trade", "for Trade, Tourism and Investment"
            if j < n and doc[j].lower_ in ("of", "for"):
                k = j
                while k < n and (doc[k].text in _PORTFOLIO or doc[k].lower_ in ("of", "for", "and", "&", ",", "the")):
                    k += 1
                if any(t.text in _PORTFOLIO for t in doc[j:k]) and k < n:
                    j = k
            while j < n and doc[j].text in _HONORIFICS:
                j += 1
            start = j
            if j + 1 < n and doc[j].is_title and doc[j].is_alpha and not _namelike(doc[j]) and _namelike(doc[j + 1]) \
                    and not self.titles.is_title_word(doc[j].text) and doc[j].text not in ("The", "A", "An"):
                j += 1  # "General Secretary To Lam": a name may start with a word that is also a function word
            while j < n and j - start < 6 and _namelike(doc[j]) and not self.titles.is_title_word(doc[j].text):
                if j > start and "\n" in doc[j - 1].whitespace_:
                    break
                j += 1
                # hyphenated given names: "Kim Min-seok", "Han Seong-sook"
                if j + 1 < n and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and doc[j + 1].is_alpha:
                    j += 2
            if j - start >= 1:
                if j < n and doc[j].text == "(" and j + 3 < n and doc[j + 2].text == ")":
                    j += 3  # "JK (Jung-Kwan) Kim"
                    while j < n and _namelike(doc[j]):
                        j += 1
                single = j - start == 1 and doc[start].pos_ == "PROPN" and doc[start].is_title and len(doc[start]) > 1
                if (j - start >= 2 or single) and not any(t.text in _BODY_WORDS for t in doc[start:j]):
                    out.append((2, Span(doc, start, j, label="OFFICIAL" if kind == "official" else "PERSON")))
        return out

    def names_before_titles(self, doc: Doc) -> list[tuple[int, Span]]:
        """ "Maroš Šefčovič, Commissioner for Trade", "Park Jung-sung, Deputy Minister for Trade":
        two to four capitalised words right before a comma and a post."""
        out = []
        for tok in doc:
            if tok.text != "," or tok.i < 2:
                continue
            k = tok.i + 1
            while k < len(doc) and (doc[k].lower_ in ("the", "a", "an") or doc[k].lower_ in _POST_LEAD):
                k += 1
            while k < len(doc) and (self.titles.is_title_word(doc[k].text) and self.titles.heads.get(doc[k].text) is None):
                k += 1  # "Deputy", "Vice", "Trade" in front of the head
            if k >= len(doc) or self.titles.heads.get(doc[k].text) not in ("official", "head", "person"):
                continue
            kind = self.titles.heads[doc[k].text]
            end = tok.i
            start = end
            words = 0
            while start > 0 and words < 5 and (_namelike(doc[start - 1]) or doc[start - 1].text == "-") \
                    and "\n" not in doc[start - 1].whitespace_ and not self.titles.is_title_word(doc[start - 1].text):
                start -= 1
                words += doc[start].text != "-"
            while start < end and doc[start].text == "-":
                start += 1
            if words >= 2 and not any(t.text in _BODY_WORDS for t in doc[start:end]):
                label = "OFFICIAL" if kind == "official" else "PERSON"
                out.append((2, Span(doc, start, end, label=label)))
        return out

    def add_acronyms(self, doc: Doc, taken: list[Span]) -> list[Span]:
        """ "Name (ACR)" or "Name (ACR, ...": ACR is a mention of the same label, here and wherever it
        recurs in the document."""
        by_end = {s.end: s for s in taken}
        occupied = {i for s in taken for i in range(s.start, s.end)}
        model_single = {s.start: s for s in taken if len(s) == 1 and s.label_ in ("ORG", "MINISTRY")}
        defined: dict[str, str] = {}
        for tok in doc:
            if tok.text != "(" or tok.i + 2 >= len(doc):
                continue
            acr = doc[tok.i + 1]
            if doc[tok.i + 2].text not in (")", ","):
                continue
            if acr.i in occupied and acr.i not in model_single:
                continue
            if not re.fullmatch(r"[A-Z][A-Za-z&\-]{1,9}", acr.text) or sum(c.isupper() for c in acr.text) < 2:
                continue
            before = by_end.get(tok.i)
            if before is not None and before.label_ not in ("MONEY", "PERCENT", "PERSON", "OFFICIAL", "COUNTRY"):
                if _subject_acronym(before.text, acr.text):
                    continue  # "Committee on Technical Barriers to Trade (TBT)": the subject's acronym
                defined[acr.text] = before.label_
        added = []
        if defined:
            for tok in doc:
                if tok.text not in defined:
                    continue
                if tok.text in _COMMON_ACRONYMS and not (tok.i > 0 and doc[tok.i - 1].text == "("):
                    continue  # "(FTA)" after a name is a mention of it; a bare "FTA" later is not
                if tok.i in model_single and model_single[tok.i].label_ != defined[tok.text]:
                    taken.remove(model_single[tok.i])
                    occupied.discard(tok.i)
                if tok.i not in occupied:
                    added.append(Span(doc, tok.i, tok.i + 1, label=defined[tok.text]))
                    occupied.add(tok.i)
        return added

    def join_bodies(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Names that the spec makes one mention: an agreement's joint committee ("Korea–U.S. FTA Joint
        Committee" is ORG), an organisation with its country branch ("AMCHAM Korea")."""
        spans = sorted(spans, key=lambda s: s.start)
        out: list[Span] = []
        i = 0
        while i < len(spans):
            span = spans[i]
            end = span.end
            # skip a bracketed acronym: "Korea–U.S. Free Trade Agreement (FTA) Joint Committee"
            k = end
            if span.label_ == "AGREEMENT":
                if k + 3 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and doc[k + 3].text == "Agreement":
                    # "Regional Comprehensive Economic Partnership (RCEP) Agreement": one name
                    stop = k + 4
                    out.append(Span(doc, span.start, stop, label="AGREEMENT"))
                    while i + 1 < len(spans) and spans[i + 1].start < stop:
                        i += 1
                    i += 1
                    continue
                if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")":
                    k += 3
                words = [t.text for t in doc[k: k + 2]]
                # "Joint Committee", "Committee", "Trade Committee", "Joint Working Group": a body of the agreement
                head = next((j for j in range(k, min(k + 3, len(doc))) if doc[j].text in _AGREEMENT_BODY_HEADS), None)
                if head is not None and all(doc[j].is_title for j in range(k, head)):
                    stop = head + 1 + (1 if doc[head].text == "Working" and head + 1 < len(doc) and doc[head + 1].text == "Group" else 0)
                    if stop < len(doc) and doc[stop].lower_ in ("on", "of"):
                        # "Committee on Trade in Goods"; not "Committee in Brussels on Thursday"
                        while stop < len(doc) and (doc[stop].is_title and doc[stop].text not in _DATE_WORDS or doc[stop].lower_ in ("on", "of", "in", "and")) and stop - k < 8:
                            stop += 1
                    while doc[stop - 1].lower_ in ("on", "of", "in", "and"):
                        stop -= 1
                    out.append(Span(doc, span.start, stop, label="ORG"))
                    while i + 1 < len(spans) and spans[i + 1].start < stop:
                        i += 1
                    i += 1
                    continue
            if span.label_ == "COUNTRY" and i + 1 < len(spans) and spans[i + 1].start == span.end \
                    and spans[i + 1].label_ in ("REGULATION",) and "\n" not in doc[span.end - 1].whitespace_:
                out.append(Span(doc, span.start, spans[i + 1].end, label=spans[i + 1].label_))
                i += 2
                continue
            if span.label_ in ("ORG", "MINISTRY") and i + 1 < len(spans):
                nxt = spans[i + 1]
                if nxt.label_ == "COUNTRY" and nxt.start == span.end and len(nxt) == 1 and not doc[span.end - 1].whitespace_.count("\n") \
                        and (len(span) == 1 or span.label_ == "ORG"):
                    out.append(Span(doc, span.start, nxt.end, label="ORG"))
                    i += 2
                    continue
            out.append(span)
            i += 1
        return out

    def _plausible(self, span: Span, gaz: list[Span], rank: int, in_headline: bool) -> bool:
        """Whether a model's candidate may stand, given what the gazetteer knows."""
        inside = [g for g in gaz if g.start < span.end and span.start < g.end]
        if inside and not all(g.start >= span.start and g.end <= span.end for g in inside):
            return False  # crosses a known name
        if rank >= 3 and (any(g.label_ != "COUNTRY" for g in inside) or len(inside) >= 2):
            return False  # a known name with extra words around it: trust the known name
        if rank >= 3 and any(p.start < span.end and span.start < p.end and (p.start, p.end) != (span.start, span.end)
                             for p in getattr(self, "_people", [])):
            return False  # a model's span that runs into a titled name ("Commerce Gina Raimondo")
        if rank >= 4 and in_headline:
            return False  # title-cased headlines fool the pretrained NER
        if rank >= 3 and span.label_ in ("ORG", "MINISTRY") and self.titles.heads.get(span[-1].text) in ("official", "head"):
            return False  # "United States Trade Representative": a post, not a body
        if rank >= 3 and span.text in _COMMON_ACRONYMS:
            return False
        if rank >= 3 and len(span) == 1 and span[0].text in _GENERIC_BODIES:
            return False  # "the House", "the Commission": generic words, not names
        if rank >= 3 and all(t.is_upper or not t.is_alpha for t in span) and sum(len(t) for t in span if t.is_alpha) > 5:
            return False  # "WASHINGTON" in a dateline
        if rank >= 4 and len(span) == 1 and span[0].is_title and span.label_ in ("ORG", "MINISTRY"):
            if re.search(r"\b" + re.escape(span[0].lower_) + r"\b", text_of(span.doc)) or span[0].is_sent_start:
                return False  # "Trade": a common word written with a capital
        if any(t.text in ("’s", "'s") for t in span):
            return False
        if span.label_ in ("PERSON", "OFFICIAL"):
            if not any(t.is_title and not t.is_upper for t in span) or not span[-1].is_alpha:
                return False  # "FDI", "Trump 1.0": not a person's name
            return not any(t.text in _BODY_WORDS for t in span)
        if rank >= 3 and in_headline and span.label_ in ("ORG", "MINISTRY"):
            return False
        if rank >= 3 and re.fullmatch(r"[A-Z][A-Za-z]{1,5}", span.text) and sum(c.isupper() for c in span.text) >= 2:
            return _defined_acronym(text_of(span.doc), span.text)
        return True

    def _relabel(self, span: Span) -> Optional[Span]:
        """An ORG candidate with a person's title next to it is a person; "the Albanese Government"
        names its leader; a post's portfolio ("Consumer Affairs") is not a body."""
        doc = span.doc
        if span.label_ not in ("ORG", "MINISTRY"):
            return span
        words = [t for t in span if t.lower_ not in ("of", "for", "and", "&", ",")]
        if words and all(t.text in _PORTFOLIO for t in words):
            return None
        if len(span) == 2 and span[1].lower_ == "government" and span[0].text in _demonyms():
            return None  # "the Korean Government": a generic word
        if len(span) == 2 and span[1].lower_ in ("government", "administration") and span[0].is_title \
                and span[0].text not in _demonyms() and not doc.spans.get("gazetteer") is None \
                and not any(g.start == span.start for g in doc.spans.get("gazetteer", [])):
            return Span(doc, span.start, span.start + 1, label="OFFICIAL")
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
        title_end = text_of(doc).find("\n")
        headline_cased = title_end > 0 and _is_headline(text_of(doc)[:title_end])
        trimmed: list[tuple[int, Span]] = []
        rule_people = self.titled_names(doc) + self.names_before_titles(doc)
        self._people = [s for _, s in rule_people]
        for rank, span in self.candidates(doc) + rule_people + self.pattern_candidates(doc):
            cleaned = _trim(span, self.titles)
            if cleaned is None:
                continue
            if rank >= 3 and cleaned[-1].text in self.non_entity_heads:
                continue
            if rank >= 3 and cleaned.label_ == "PERSON" and len(cleaned) == 1:
                continue  # a lone capitalised word: a product or place more often than a person
            if rank >= 2:
                parts = _split_on_known(cleaned, gaz)
                if parts is not None:
                    trimmed.extend((1, p) for p in parts)
                    continue
                if not self._plausible(cleaned, gaz, rank, headline_cased and cleaned.start_char < title_end):
                    continue
                cleaned = self._relabel(cleaned)
                if cleaned is None:
                    continue
            trimmed.append((rank, cleaned))
        # rank 5 and above only fill gaps: a candidate there stands only where no other source has one
        main = [(r, sp) for r, sp in trimmed if r < 5]
        occupied_main = {i for _, sp in main for i in range(sp.start, sp.end)}
        fillers = [(r, sp) for r, sp in trimmed if r >= 5 and not any(i in occupied_main for i in range(sp.start, sp.end))]
        trimmed = main + fillers
        # longest first; among equal lengths, the better-ranked source
        trimmed.sort(key=lambda rs: (-(rs[1].end_char - rs[1].start_char), rs[0], rs[1].start))
        taken: list[Span] = []
        occupied: set[int] = set()
        for rank, span in trimmed:
            if any(i in occupied for i in range(span.start, span.end)):
                continue
            taken.append(span)
            occupied.update(range(span.start, span.end))
        taken = [s for s in taken if s.label_ != "NONE" and not (
            s.label_ == "COUNTRY" and re.search(r"\b(non|anti|pro|ex|post|pan)-$", text_of(doc)[max(0, s.start_char - 5): s.start_char], re.I))]
        taken = self.join_bodies(doc, taken)
        taken += self.add_acronyms(doc, taken)
        doc.spans[self.spans_key] = sorted(taken, key=lambda s: s.start)
        return doc


def _defined_acronym(text: str, acronym: str) -> bool:
    """Whether the text defines the acronym after a capitalised name: "Korea Industrial Complex
    Corporation (KICOX)", not "liquefied natural gas (LNG)"."""
    needle = "(" + acronym
    pos = text.find(needle)
    while pos >= 0:
        after = text[pos + len(needle): pos + len(needle) + 1]
        if after in (")", ",", " "):
            words = text[max(0, pos - 40): pos].split()
            if words and words[-1][:1].isupper():
                return True
        pos = text.find(needle, pos + 1)
    return False


def _demonyms() -> set[str]:
    from .entities import _demonyms as load

    return set(load()) | {"Federal", "National", "State", "Local", "Central", "Provincial", "Municipal",
                          "Regional", "Interim", "New", "Previous", "Current", "Coalition", "Labor", "Labour"}


def _is_headline(line: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def mentions_of(doc: Doc, key: str = MENTIONS_KEY) -> Iterable[Span]:
    return doc.spans.get(key, [])
