"""Group mentions into entities and give them their normalised attributes → `doc._.entities`.

Grouping, within one document: names with the same gazetteer id; an acronym in parentheses after a
name ("Ministry of ... (MOTIR"), or one whose letters are the name's initials ("KATS"); the same
country code; the same text and label; a person's short reference ("Minister Kim", "Park") with the
nearest full name before it that contains it, and "JK Kim" with "Kim Jung-kwan". Short references
that no model tagged ("Deputy Minister Park") are added here as mentions of the person they name.

Attributes: COUNTRY `code`; MONEY `currency` and `value`; PERCENT `value` and `unit`; OFFICIAL and
PERSON `title`, `affiliation`, `country` from the words around the name. OFFICIAL versus PERSON is
decided here from the title and the body the person acts for.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..labels import PERSON_LABELS
from ..normalize import normalize_money, normalize_percent
from .layers import MENTIONS_KEY, EntityRecord, ensure_extensions, text_of
from .titles import TitleLexicon

DEMONYMS = Path(__file__).resolve().parent.parent / "data" / "gazetteers" / "demonyms.jsonl"
_INTERGOV_IDS = {"wto", "wto-tbt", "wto-mc", "wto-gc", "oecd", "imf", "world-bank", "apec", "un", "unctad", "iea", "g20", "g7", "asean-sec"}
_STOP_WORDS = {"of", "and", "for", "the", "on", "to", "in", "&"}
_POST_MODIFIERS = {"newly", "appointed", "new", "incoming", "outgoing", "current", "visiting", "acting",
                   "interim", "designate", "recently", "elected", "then"}
_CLAUSE_END = re.compile(r"\s(at|with|who|which|said|says|met|held|and\s+(?:the\s+)?[a-z])\b|[,;:()\.—–]\s|[,;:()]|\.$")


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    out = {}
    for line in DEMONYMS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[row["pattern"]] = row["id"]
    return out


def _initials(name: str) -> str:
    words = re.findall(r"[A-Za-z][\w’'&]*", name)
    return "".join(w[0].upper() for w in words if w.lower() not in _STOP_WORDS)


def _is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z&\-]*[A-Z]", text)) and sum(c.isupper() for c in text) >= 2


def _name_parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s\(\)]+", name) if p]


def _person_key(name: str) -> tuple[set[str], str]:
    """(family-name candidates, given initials) of a person's name, for matching "JK Kim" to
    "Kim Jung-kwan" and "Todd Young" to "Young"."""
    parts = [p for p in _name_parts(name) if p[0].isalpha()]
    if not parts:
        return set(), ""
    return {parts[0], parts[-1]}, ""


class _Group:
    __slots__ = ("label", "spans", "key_ids", "attrs")

    def __init__(self, label: str):
        self.label = label
        self.spans: list[Span] = []
        self.key_ids: set[str] = set()
        self.attrs: dict[str, Any] = {}


@Language.factory("trade_entities", default_config={"spans_key": MENTIONS_KEY, "add_short_references": True})
def make_entities(nlp: Language, name: str, spans_key: str, add_short_references: bool) -> "EntityGrouper":
    return EntityGrouper(spans_key=spans_key, add_short_references=add_short_references)


class EntityGrouper:
    def __init__(self, *, spans_key: str, add_short_references: bool):
        ensure_extensions()
        self.spans_key = spans_key
        self.add_short_references = add_short_references
        self.titles = TitleLexicon.default()

    # ------------------------------------------------------------------ grouping
    def __call__(self, doc: Doc) -> Doc:
        mentions = sorted(doc.spans.get(self.spans_key, []), key=lambda s: s.start)
        gaz_ids = {(s.start, s.end): s.id_ for s in doc.spans.get("gazetteer", []) if s.id_}
        groups: list[_Group] = []
        by_key: dict[str, _Group] = {}
        persons: list[_Group] = []
        for span in mentions:
            label = span.label_
            group = self._find_group(doc, span, label, gaz_ids, by_key, persons, groups)
            if group is None:
                group = _Group(label)
                groups.append(group)
                if label in PERSON_LABELS:
                    persons.append(group)
            group.spans.append(span)
            for key in self._keys(span, gaz_ids):
                by_key.setdefault(key, group)
                group.key_ids.add(key)
        if self.add_short_references:
            added = self._short_references(doc, persons, mentions)
            if added:
                doc.spans[self.spans_key] = sorted(list(doc.spans[self.spans_key]) + added, key=lambda s: s.start)
        records = self._records(doc, groups, gaz_ids)
        doc._.entities = records
        return doc

    def _keys(self, span: Span, gaz_ids: dict) -> list[str]:
        label = span.label_
        keys = [f"{label}|text|{span.text}"]
        gid = gaz_ids.get((span.start, span.end))
        if gid:
            keys.append(f"{label}|gaz|{gid}")
        if label not in PERSON_LABELS and label not in ("MONEY", "PERCENT"):
            keys.append(f"{label}|init|{_initials(span.text)}" if not _is_acronym(span.text) else f"{label}|acr|{span.text}")
        return keys

    def _find_group(self, doc, span, label, gaz_ids, by_key, persons, groups) -> Optional[_Group]:
        if label in ("MONEY", "PERCENT"):
            return None  # figures: one entity per mention, except a title figure restated (below)
        gid = gaz_ids.get((span.start, span.end))
        if gid and f"{label}|gaz|{gid}" in by_key:
            return by_key[f"{label}|gaz|{gid}"]
        if f"{label}|text|{span.text}" in by_key:
            return by_key[f"{label}|text|{span.text}"]
        if label in PERSON_LABELS or label == "PERSON":
            return self._person_group(span, persons)
        if _is_acronym(span.text):
            # "(MOTIR" right after a name, or initials that spell it
            prev = doc[span.start - 1] if span.start > 0 else None
            if prev is not None and prev.text == "(":
                for g in reversed(groups):
                    last = g.spans[-1]
                    if last.end == span.start - 1 and g.label == label:
                        return g
            key = f"{label}|init|{span.text}"
            if key in by_key:
                return by_key[key]
        else:
            key = f"{label}|acr|{_initials(span.text)}"
            if len(_initials(span.text)) >= 2 and key in by_key:
                return by_key[key]
        return None

    def _person_group(self, span: Span, persons: list[_Group]) -> Optional[_Group]:
        parts = _name_parts(span.text)
        for g in reversed(persons):
            for other in g.spans:
                other_parts = _name_parts(other.text)
                if len(parts) == 1 and parts[0] in other_parts:
                    return g
                if _same_person(parts, other_parts):
                    return g
                if 1 < len(parts) < len(other_parts) and other_parts[-len(parts):] == parts:
                    return g  # "Al Zeyoudi" of "Thani bin Ahmed Al Zeyoudi"
        return None

    def _short_references(self, doc: Doc, persons: list[_Group], mentions: list[Span]) -> list[Span]:
        """Surnames standing alone ("Minister Kim", "Yeo said") of people named in full before."""
        taken = set()
        for s in mentions:
            taken.update(range(s.start, s.end))
        families: dict[str, list[tuple[int, _Group]]] = {}
        for g in persons:
            for s in g.spans:
                parts = [p for p in _name_parts(s.text) if p[:1].isupper()]
                if len(parts) >= 2:
                    for fam in {parts[0], parts[-1]}:
                        families.setdefault(fam, []).append((s.start, g))
        added: list[Span] = []
        # the full name again, where no model tagged it (headlines)
        for g in persons:
            full = max((s.text for s in g.spans), key=len)
            if " " not in full:
                continue
            for m in re.finditer(re.escape(full), text_of(doc)):
                span = doc.char_span(m.start(), m.end(), label=g.label)
                if span is not None and not any(i in taken for i in range(span.start, span.end)):
                    g.spans.append(span)
                    added.append(span)
                    taken.update(range(span.start, span.end))
        for tok in doc:
            if tok.i in taken or tok.text not in families or not tok.text[:1].isupper():
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct and nxt.i not in taken:
                continue  # part of a longer, different name
            before = [(pos, g) for pos, g in families[tok.text] if pos < tok.i]
            if not before:
                continue
            prev = doc[tok.i - 1].text if tok.i else ""
            if prev in self.titles.heads:
                # "Minister Kim": the Kim introduced with that title, not the nearest Kim
                titled = [(pos, g) for pos, g in before
                          if any(t.text == prev for s in g.spans for t in doc[max(0, s.start - 8): s.start])]
                before = titled or before
            group = max(before, key=lambda pg: pg[0])[1]
            span = Span(doc, tok.i, tok.i + 1, label=group.label)
            group.spans.append(span)
            added.append(span)
            taken.add(tok.i)
        return added

    # ------------------------------------------------------------------ attributes
    def _records(self, doc: Doc, groups: list[_Group], gaz_ids: dict) -> list[EntityRecord]:
        # a figure restated (in the title and the body, or in the body with the same words before it)
        # is one entity; the same value twice in one sentence, or after other words, is two figures
        title_end = text_of(doc).find("\n")
        figures: dict[tuple, _Group] = {}
        merged: list[_Group] = []
        for g in groups:
            if g.label in ("MONEY", "PERCENT"):
                span = g.spans[0]
                attrs = normalize_money(span.text) if g.label == "MONEY" else normalize_percent(span.text)
                g.attrs = attrs
                key = (g.label, tuple(sorted(attrs.items())))
                first = figures.get(key)
                if first is not None and all(not _same_sentence(s, span) for s in first.spans) and (
                        first.spans[0].end_char <= title_end < span.start_char or _same_context(first.spans[0], span)):
                    first.spans.append(span)
                    continue
                figures.setdefault(key, g)
            merged.append(g)
        merged.sort(key=lambda g: min(s.start for s in g.spans))
        ids = {id(g): f"E{i}" for i, g in enumerate(merged, start=1)}
        span_group = {}
        for g in merged:
            for s in g.spans:
                span_group[(s.start, s.end)] = g
        records = []
        for g in merged:
            spans = sorted(g.spans, key=lambda s: s.start)
            name = max(spans, key=lambda s: (len(s.text), -s.start)).text
            attrs: dict[str, Any] = {}
            label = g.label
            if label == "COUNTRY":
                code = next((gaz_ids.get((s.start, s.end)) for s in spans if gaz_ids.get((s.start, s.end))), None)
                attrs["code"] = code
            elif label in ("MONEY", "PERCENT"):
                attrs = dict(g.attrs)
            elif label in PERSON_LABELS:
                attrs, label = self._person_attributes(doc, spans, span_group, ids, gaz_ids, label)
            records.append(EntityRecord(id=ids[id(g)], label=label, name=name, mentions=[(s.start_char, s.end_char) for s in spans], attributes=attrs))
        return records

    def _person_attributes(self, doc, spans, span_group, ids, gaz_ids, label):
        title = affiliation = country = None
        kind = None
        for span in spans:
            t, aff, ctry = self._context(doc, span, span_group, gaz_ids)
            if title is None and t:
                title = t
                kind = self.titles.kind_of(t)
            if affiliation is None and aff is not None:
                affiliation = aff
            if country is None and ctry:
                country = ctry
        # "(R-Tennessee)", "(D-Ore.)": a member of the U.S. Congress
        for span in spans:
            after = text_of(doc)[span.end_char: span.end_char + 4]
            if re.match(r" ?\([RDI]-", after):
                kind = kind or "official"
                country = country or "USA"
        if affiliation is not None:
            aff_spans = affiliation.spans
            aff_gid = next((gaz_ids.get((s.start, s.end)) for s in aff_spans if gaz_ids.get((s.start, s.end))), None)
            if country is None and aff_gid and re.match(r"^[a-z]{3}-", aff_gid):
                country = aff_gid[:3].upper()
            if country is None and aff_gid and aff_gid.startswith("eu-"):
                country = "EU"
        if country is None and (kind == "official" or label == "OFFICIAL") and any(_KOREAN_NAME.fullmatch(s.text) for s in spans):
            country = "KOR"  # an official with a Korean name written family name first
        if kind == "official":
            label = "OFFICIAL"
        elif kind == "person":
            label = "PERSON"
        elif kind == "head":
            aff_label = affiliation.label if affiliation is not None else None
            aff_gid = next((gaz_ids.get((s.start, s.end)) for s in affiliation.spans if gaz_ids.get((s.start, s.end))), None) if affiliation else None
            if aff_label == "MINISTRY" or aff_gid in _INTERGOV_IDS:
                label = "OFFICIAL"
            elif aff_label == "ORG":
                label = "PERSON"
            elif title and re.search(r"\b(President|Vice-President|Premier|Chancellor)\b", title):
                label = "OFFICIAL"  # a president with no company named: a head of state or government
        attrs = {"title": title, "affiliation": ids.get(id(affiliation)) if affiliation is not None else None, "country": country}
        return {k: v for k, v in attrs.items() if v is not None}, label

    def _context(self, doc: Doc, span: Span, span_group: dict, gaz_ids: dict):
        """(title, affiliation group, country code) read around one person mention."""
        sent = span.sent if doc.has_annotation("SENT_START") else doc[max(0, span.start - 30): min(len(doc), span.end + 30)]
        title = None
        affiliation = None
        country = None
        demonyms = _demonyms()
        # words before the name: "Korea’s Prime Minister", "Minister of Trade, Industry and Resources"
        i = span.start - 1
        words: list = []
        while i >= sent.start and len(words) < 10:
            tok = doc[i]
            if (tok.i, tok.i + 1) in {(s.start, s.start + 1) for s in []}:
                break
            if tok.text == ")" and i - 2 >= sent.start and doc[i - 2].text == "(":
                words.extend([doc[i], doc[i - 1], doc[i - 2]])  # "Minister of ... (MOTIR) JK Kim"
                i -= 3
                continue
            if tok.text in ("’s", "'s", "-") or tok.is_title or tok.is_upper or tok.text in _STOP_WORDS or tok.text == ",":
                words.append(tok)
                i -= 1
                continue
            break
        words.reverse()
        head_idx = next((k for k, t in enumerate(words) if t.text in self.titles.heads and self.titles.heads[t.text] != "none"), None)
        if head_idx is not None:
            start = head_idx
            while start > 0 and self.titles.is_title_word(words[start - 1].text) and words[start - 1].text not in ("U.S.",):
                start -= 1
            title_toks = [t for t in words[start:] if t.text != ","] if words else []
            if title_toks:
                end_i = span.start
                while end_i > words[start].i and doc[end_i - 1].text in (")", "(", ",") or (
                        end_i - 2 >= words[start].i and doc[end_i - 1].text == ")" ):
                    end_i -= 1
                title = doc[words[start].i: span.start].text.strip(" ,")
                title = re.sub(r"\s*\([^()]*\)\s*$", "", title)  # "(MOTIR)" is the body, not the post
            for t in words[:start]:
                grp = self._group_at(t, span_group)
                if grp is not None:
                    if grp.label == "COUNTRY":
                        country = country or self._code(grp, gaz_ids)
                    elif grp.label in ("MINISTRY", "ORG") and affiliation is None:
                        affiliation = grp
                if t.text in demonyms:
                    country = country or demonyms[t.text]
        # parenthetical "(MOTIR, Minister Kim Jung-kwan)": the body in front of the comma
        if span.start >= 3 and affiliation is None:
            k = span.start - 1
            while k > max(sent.start, span.start - 6) and doc[k].text not in ("(",):
                k -= 1
            if doc[k].text == "(" and k + 1 < span.start:
                grp = self._group_at(doc[k + 1], span_group)
                if grp is not None and grp.label in ("MINISTRY", "ORG"):
                    affiliation = grp
        # words after the name: ", Deputy Minister for Trade at the Ministry of ..."
        after = doc[span.end: min(sent.end, span.end + 25)]
        if len(after) >= 2 and after[0].text == ",":
            j = 1
            if after[j].lower_ in ("the", "a", "an"):
                j += 1
            while j < len(after) - 1 and after[j].lower_ in _POST_MODIFIERS:
                j += 1  # "the newly appointed Ambassador", "the incoming Minister"
            lead_country = None
            if j + 1 < len(after) and after[j + 1].text in ("’s", "'s"):
                grp = self._group_at(after[j], span_group)
                if grp is not None and grp.label == "COUNTRY":
                    lead_country = self._code(grp, gaz_ids)
                j += 2
            if j < len(after) and after[j].text in demonyms:
                lead_country = demonyms[after[j].text]
                j += 1
            grp = self._group_at(after[j], span_group) if j < len(after) else None
            if grp is not None and grp.label == "COUNTRY":
                # ", U.S. Trade Representative": the country leaves the title and gives the country
                span_end = next(s.end for s in grp.spans if s.start <= after[j].i < s.end)
                if span_end < after.end and self.titles.is_title_word(doc[span_end].text):
                    lead_country = self._code(grp, gaz_ids)
                    j = span_end - after.start
            k = j
            has_head = False
            while k < len(after):
                tok = after[k]
                if tok.text in self.titles.heads and self.titles.heads[tok.text] != "none":
                    has_head = True
                if tok.is_title or tok.is_upper or tok.text in ("of", "for", "to", "on", "and", "&", "-", "–") and k > j:
                    grp = self._group_at(tok, span_group)
                    if grp is not None and grp.label in ("MINISTRY", "ORG") and tok.text != after[j].text:
                        break
                    k += 1
                    continue
                break
            # do not end a title on a connector
            while k > j and after[k - 1].text in ("of", "for", "to", "on", "and", "&", "the", "-", "–"):
                k -= 1
            if has_head and k > j:
                if title is None:
                    title = doc[after[j].i: after[k - 1].i + 1].text
                    m_and = re.search(r"\s+and\s+(\S+)", title)
                    if m_and and self.titles.heads.get(m_and.group(1)) is not None:
                        title = title[: m_and.start()]  # "Chairman and CEO of AMCHAM": the first post
                    # "… of Qatar": a country that ends the post tells the country and leaves the title;
                    # inside the post ("Ambassador of India to Korea") it stays
                    tail = after[k - 1]
                    tail_grp = self._group_at(tail, span_group)
                    if tail_grp is not None and tail_grp.label == "COUNTRY" and k - 2 > j and after[k - 2].text == "of" \
                            and all(self._group_at(t, span_group) is tail_grp for t in after[k - 1: k]):
                        start_of = tail_grp_start = next(s.start for s in tail_grp.spans if s.start <= tail.i < s.end)
                        title = doc[after[j].i: start_of - 1].text
                        country = country or self._code(tail_grp, gaz_ids)
                    for t in after[j:k]:
                        grp = self._group_at(t, span_group)
                        if grp is not None and grp.label == "COUNTRY":
                            country = country or self._code(grp, gaz_ids)
                            break
                country = country or lead_country
                # the body the person acts for: "at the Ministry", "of the Ministry", "of S-OIL"
                for tok in after[k: k + 6] if k < len(after) else []:
                    grp = self._group_at(tok, span_group)
                    if grp is not None and grp.label in ("MINISTRY", "ORG"):
                        affiliation = affiliation or grp
                        break
                    if grp is not None and grp.label == "COUNTRY":
                        country = country or self._code(grp, gaz_ids)
                    if tok.text in (",", ".", ";", ")") or tok.text in ("said", "met", "and"):
                        break
                for tok in after[j:k]:
                    grp = self._group_at(tok, span_group)
                    if grp is not None and grp.label in ("MINISTRY", "ORG"):
                        affiliation = affiliation or grp
                        break
        # "Trade Minister Yeo Han-koo of the Ministry ..." (title before, body after)
        if affiliation is None and span.end + 3 < len(doc) and doc[span.end].text == "of":
            for tok in doc[span.end + 1: min(len(doc), span.end + 4)]:
                grp = self._group_at(tok, span_group)
                if grp is not None and grp.label in ("MINISTRY", "ORG"):
                    affiliation = grp
                    break
        if title and re.fullmatch(r"(Mr\.|Ms\.|Mrs\.|Dr\.)", title):
            title = None
        return title, affiliation, country

    @staticmethod
    def _group_at(tok, span_group: dict):
        for (s, e), g in span_group.items():
            if s <= tok.i < e:
                return g
        return None

    @staticmethod
    def _code(group: "_Group", gaz_ids: dict) -> Optional[str]:
        return next((gaz_ids.get((s.start, s.end)) for s in group.spans if gaz_ids.get((s.start, s.end))), None)


_KOREAN_NAME = re.compile(
    r"(Kim|Lee|Park|Choi|Jung|Chung|Kang|Cho|Yoon|Jang|Lim|Han|Oh|Seo|Shin|Kwon|Hwang|Ahn|Song|Yoo|Yu|Hong|Jeon|"
    r"Ko|Moon|Yang|Son|Bae|Baek|Heo|Nam|Noh|Ha|Kwak|Sung|Cha|Joo|Woo|Min|Ryu|Jin|Ji|Chae|Won|Byun|Yeo|Yeom|"
    r"Paik|Sung|Cheong|Rhee|Roh|Suh|Chang|Yi|Koo|Ku) [A-Z][a-z]+-[a-z]+")


def _same_context(a: Span, b: Span, window: int = 4) -> bool:
    """Whether two figures are preceded by a common content word ("imports fell 2.9 percent")."""
    def words(span: Span) -> set[str]:
        toks = span.doc[max(0, span.start - window): span.start]
        return {t.lower_ for t in toks if t.is_alpha and not t.is_stop}
    return bool(words(a) & words(b))


def _same_sentence(a: Span, b: Span) -> bool:
    doc = a.doc
    if doc.has_annotation("SENT_START"):
        return a.sent.start == b.sent.start
    lo, hi = sorted((a, b), key=lambda s: s.start)
    between = text_of(doc)[lo.end_char: hi.start_char]
    return not any(p in between for p in (". ", "\n", "? ", "! "))


def _same_person(a: list[str], b: list[str]) -> bool:
    """ "JK Kim" ~ "Kim Jung-kwan"; "JK (Jung-Kwan) Kim" ~ "Kim Jung-kwan"; "Donald J. Trump" ~ "Donald Trump"."""
    if len(a) < 2 or len(b) < 2:
        return False
    common = sorted({a[0], a[-1]} & {b[0], b[-1]})

    def initials(parts: list[str]) -> str:
        out = ""
        for p in parts:
            if re.fullmatch(r"[A-Z]\.", p):
                continue  # a middle initial: "Donald J. Trump" is "Donald Trump"
            if p.isupper() and p.isalpha():
                out += p  # "JK"
            else:
                out += "".join(x[0].upper() for x in re.split(r"[\-\s]", p) if x and x[0].isalpha())
        return out

    for fam in common:
        rest_a = [p for p in a if p != fam]
        rest_b = [p for p in b if p != fam]
        ia, ib = initials(rest_a), initials(rest_b)
        if ia and ib and ia == ib:
            return True
    return False
