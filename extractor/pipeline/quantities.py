"""MONEY and PERCENT mentions found by patterns, written to `doc.spans["quantities"]`.

Amounts are regular enough that patterns beat a statistical model here, and they carry over to
any release: "USD 23.3 billion", "$13.0 billion", "KRW 936 billion", "W1 trillion", "£1.2bn",
"A$3.4 billion", "15 trillion won", "57-point-zero-seven billion U.S. dollars", "12.2 percent",
"9.8%", "0.5 percentage points", "1.3%p", "five-point-one percent".
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from .layers import text_of
from ..normalize import CURRENCY_PREFIXES, CURRENCY_WORDS

SPANS_KEY = "quantities"

_WORDNUM = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|point|oh)"
)
_SPELLED = rf"(?:{_WORDNUM}(?:[\s\-]+(?:and[\s\-]+)?{_WORDNUM})*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MIXED = rf"(?:\d+[\s\-]point(?:[\s\-]{_WORDNUM})+)"
_SCALE = r"(?i:thousand|million|billion|trillion|mln|bln|mn|bn|tn|trn|crores?|lakhs?|[mbk](?![a-z]))"
_PREFIX = "|".join(re.escape(p) for p in sorted(CURRENCY_PREFIXES, key=len, reverse=True) if p != "W")
_CURWORDS = "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))

MONEY_PATTERNS = [
    # USD 23.3 billion, $13.0 billion, £1.2bn, US$ 5 mln
    re.compile(rf"(?<![A-Za-z])(?:{_PREFIX})\s?{_DIGITS}(?:\s?{_SCALE})?(?![\w])"),
    # W1 trillion (won written W before the number)
    re.compile(rf"(?<![A-Za-z])W\s?{_DIGITS}(?:\s?{_SCALE})?(?![\w])"),
    # 15 trillion won, 1.2 billion yuan, 57-point-zero-seven billion U.S. dollars, 500 million euros
    re.compile(rf"(?<![\w$£€¥₩.\-])(?:{_MIXED}|{_DIGITS}|{_SPELLED})(?:[\s\-]{_SCALE})?\s(?:{_CURWORDS})(?![\w])", re.I),
]
PERCENT_PATTERNS = [
    re.compile(rf"(?<![\w.]){_DIGITS}\s?(?:%p|%|percentage[\s-]points?|percent|per\s?cent|pct|pp)(?![\w])", re.I),
    re.compile(rf"(?<![\w\-])(?:{_MIXED}|{_SPELLED})[\s\-](?:percentage[\s-]points?|percent|per\s?cent)(?![\w])", re.I),
]


def find_quantities(text: str) -> list[tuple[int, int, str]]:
    """Character spans of MONEY and PERCENT amounts, longest first on overlap."""
    found: list[tuple[int, int, str]] = []
    for label, patterns in (("MONEY", MONEY_PATTERNS), ("PERCENT", PERCENT_PATTERNS)):
        for pattern in patterns:
            for m in pattern.finditer(text):
                start, end = m.start(), m.end()
                # "won" also means the verb: only accept it after a scale or a figure with digits
                if label == "MONEY" and re.search(r"\bwon$", text[start:end], re.I) and not re.search(_SCALE + r"\s+won$", text[start:end], re.I):
                    continue
                if label == "MONEY" and re.match(_SPELLED + r"\s", text[start:end], re.I) and not re.search(_SCALE, text[start:end]):
                    continue
                found.append((start, end, label))
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for span in found:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


@Language.factory("quantities", default_config={"spans_key": SPANS_KEY})
def make_quantities(nlp: Language, name: str, spans_key: str) -> "Quantities":
    return Quantities(spans_key)


class Quantities:
    def __init__(self, spans_key: str):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end, label in find_quantities(text_of(doc)):
            span: Optional[Span] = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc
