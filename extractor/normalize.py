"""Normalisers: MONEY to currency and value, PERCENT to value and unit, written numbers to digits.

Plain functions with no spaCy state, tested by tables in tests/test_normalize.py.
"""

from __future__ import annotations

import re
from typing import Optional

# Currency cues: symbols and codes before the number, words after it.
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "AUD": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "NZ$": "NZD", "NZD": "NZD", "HK$": "HKD", "HKD": "HKD",
    "S$": "SGD", "SGD": "SGD", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY",
    "JPY": "JPY", "JP¥": "JPY", "CN¥": "CNY", "RMB": "CNY", "CNY": "CNY", "₩": "KRW", "KRW": "KRW",
    "W": "KRW", "₹": "INR", "INR": "INR", "Rs.": "INR", "Rs": "INR", "CHF": "CHF", "AED": "AED",
    "SAR": "SAR", "QAR": "QAR", "VND": "VND", "₫": "VND", "R$": "BRL", "BRL": "BRL", "MXN": "MXN",
    "THB": "THB", "IDR": "IDR", "MYR": "MYR", "PHP": "PHP", "TWD": "TWD", "NT$": "TWD",
}
CURRENCY_WORDS: dict[str, str] = {
    "u.s. dollars": "USD", "us dollars": "USD", "american dollars": "USD", "dollars": "USD", "dollar": "USD",
    "australian dollars": "AUD", "canadian dollars": "CAD", "new zealand dollars": "NZD",
    "hong kong dollars": "HKD", "singapore dollars": "SGD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "won": "KRW", "korean won": "KRW", "rupees": "INR", "rupee": "INR",
    "dong": "VND", "dirhams": "AED", "dirham": "AED", "riyals": "SAR", "riyal": "SAR", "francs": "CHF",
    "swiss francs": "CHF", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "pesos": "MXN",
}
SCALES: dict[str, float] = {
    "hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6,
    "m": 1e6, "billion": 1e9, "billions": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12,
    "trillions": 1e12, "tn": 1e12, "trn": 1e12, "crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5,
}
_UNITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | {"hundred", "point", "a", "and"}

_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def words_to_number(text: str) -> Optional[float]:
    """Spelled-out numbers as read on air: "five-point-one" → 5.1, "fifty-seven" → 57,
    "57-point-zero-seven" → 57.07, "one hundred twenty" → 120. None when it is not a number."""
    tokens = [t for t in re.split(r"[\s\-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    whole: list[str] = []
    frac: list[str] = []
    target = whole
    for tok in tokens:
        if tok == "point":
            if target is frac:
                return None
            target = frac
        else:
            target.append(tok)
    value = 0.0
    current = 0.0
    seen = False
    for tok in whole:
        if re.fullmatch(r"\d+(\.\d+)?", tok):
            current += float(tok)
        elif tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok == "a" and not seen:
            current = current or 0
        else:
            return None
        seen = True
    value += current
    if frac:
        digits = ""
        for tok in frac:
            if tok.isdigit():
                digits += tok
            elif tok in _UNITS and _UNITS[tok] < 10:
                digits += str(_UNITS[tok])
            else:
                return None
        value = float(f"{int(value)}.{digits}")
    return value if seen or frac else None


def _spoken_number(lowered: str) -> Optional[float]:
    """The first run of number words and digits: "57-point-zero-seven billion" → 57.07."""
    numeric: list[str] = []
    for w in re.split(r"[\s\-]+", lowered):
        if re.fullmatch(r"\d+", w) or w in NUMBER_WORDS:
            numeric.append(w)
        elif numeric:
            break
    return words_to_number(" ".join(numeric)) if numeric else None


def parse_number(text: str) -> Optional[float]:
    """The first number in `text`, digits ("1,234.5") or words ("five-point-one")."""
    match = _NUM.search(text)
    if match:
        return float(match.group(0).replace(",", ""))
    words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)
    run = [w for w in words if all(p in NUMBER_WORDS for p in w.lower().split("-"))]
    return words_to_number(" ".join(run)) if run else None


def normalize_money(text: str, default_currency: str = "USD") -> dict[str, object]:
    """`{"currency": ..., "value": ...}` for a MONEY mention.

    "USD 23.3 billion" → USD 23300000000.0; "$13.0 billion" → USD; "W1 trillion" → KRW 1e12;
    "£1.2bn" → GBP 1.2e9; "57-point-zero-seven billion U.S. dollars" → USD 57070000000.0.
    """
    raw = text.strip()
    lowered = raw.lower()
    currency = None
    for prefix in sorted(CURRENCY_PREFIXES, key=len, reverse=True):
        if raw.startswith(prefix) or raw.upper().startswith(prefix) and prefix.isalpha() and len(prefix) == 3:
            if prefix == "W" and not re.match(r"W\s?\d", raw):
                continue
            currency = CURRENCY_PREFIXES[prefix]
            break
    if currency is None:
        for word in sorted(CURRENCY_WORDS, key=len, reverse=True):
            if re.search(r"\b" + re.escape(word) + r"\b", lowered):
                currency = CURRENCY_WORDS[word]
                break
    if currency is None:
        match = re.search(r"\b([A-Z]{3})\b", raw)
        currency = match.group(1) if match else default_currency
    number = None
    scale = 1.0
    match = _NUM.search(raw)
    if re.search(r"\bpoint\b", lowered):
        words = re.split(r"[\s\-]+", lowered)
        number = _spoken_number(lowered)
        scale = next((SCALES[w] for w in words if w in SCALES and w != "hundred"), 1.0)
    elif match:
        number = float(match.group(0).replace(",", ""))
        after = lowered[match.end():]
        scale_match = re.match(r"\s*([a-z]+)", after)
        if scale_match and scale_match.group(1) in SCALES:
            scale = SCALES[scale_match.group(1)]
    else:
        words = re.findall(r"[a-z]+", lowered.replace("-", " "))
        numeric = [w for w in words if w in NUMBER_WORDS and w != "a"]
        number = words_to_number(" ".join(numeric)) if numeric else None
        for w in words:
            if w in SCALES and w not in ("hundred",):
                scale = SCALES[w]
    value = None if number is None else round(number * scale, 6)
    return {"currency": currency, "value": value}


def normalize_percent(text: str) -> dict[str, object]:
    """`{"value": ..., "unit": ...}` for a PERCENT mention: "12.2 percent" → 12.2 percent;
    "0.5 percentage points" and "0.5%p" → percentage_point; "five-point-one percent" → 5.1."""
    lowered = text.lower()
    unit = "percentage_point" if re.search(r"percentage[\s-]points?|%p\b|\bpp\b|\bp\.p\.", lowered) else "percent"
    if re.search(r"\bpoint\b", re.sub(r"percentage[\s-]points?", "", lowered)):
        value = _spoken_number(lowered)
    else:
        value = parse_number(lowered.replace("%p", "%"))
    if value is not None and re.match(r"\s*(minus|negative|-)\s*\d", lowered):
        value = -value
    return {"value": value, "unit": unit}
