"""Normalisers (MONEY, PERCENT, written numbers) and the quantity patterns, by tables.

Expected values follow ANNOTATION.md and corpus/GUIDELINES.md 4.2: MONEY `value` is the amount in
units of its ISO 4217 `currency` ("$" is USD, "W" before a number is KRW); PERCENT `value` is the
number and `unit` is "percent" or "percentage_point".
"""

from __future__ import annotations

import pytest

from extractor.normalize import normalize_money, normalize_percent, words_to_number
from extractor.pipeline.quantities import find_quantities


@pytest.mark.parametrize(
    "text,currency,value",
    [
        ("USD 23.3 billion", "USD", 23300000000.0),
        ("$13.0 billion", "USD", 13000000000.0),
        ("$72 Billion", "USD", 72000000000.0),
        ("USD 100", "USD", 100.0),
        ("KRW 936 billion", "KRW", 936000000000.0),
        ("KRW 9.8 billion", "KRW", 9800000000.0),
        ("KRW 1 million", "KRW", 1000000.0),
        ("W1 trillion", "KRW", 1000000000000.0),
        ("W1 Trillion", "KRW", 1000000000000.0),
        ("£1.2bn", "GBP", 1200000000.0),
        ("€300 million", "EUR", 300000000.0),
        ("93 billion euro", "EUR", 93000000000.0),
        ("A$3.4 billion", "AUD", 3400000000.0),
        ("C$1.5 billion", "CAD", 1500000000.0),
        ("HK$2 billion", "HKD", 2000000000.0),
        ("US$ 5 mln", "USD", 5000000.0),
        ("15 trillion won", "KRW", 15000000000000.0),
        ("2 billion yuan", "CNY", 2000000000.0),
        ("57-point-zero-seven billion U.S. dollars", "USD", 57070000000.0),
    ],
)
def test_normalize_money(text, currency, value):
    assert normalize_money(text) == {"currency": currency, "value": value}


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("12.2 percent", 12.2, "percent"),
        ("9.8%", 9.8, "percent"),
        ("15 per cent", 15.0, "percent"),
        ("0.5 percentage points", 0.5, "percentage_point"),
        ("1.3%p", 1.3, "percentage_point"),
        ("five-point-one percent", 5.1, "percent"),
        ("-2.9%", -2.9, "percent"),
    ],
)
def test_normalize_percent(text, value, unit):
    assert normalize_percent(text) == {"value": value, "unit": unit}


def test_normalize_percent_singular_percentage_point():
    # find_quantities accepts it as PERCENT, so the normaliser must give it a value
    assert find_quantities("up 0.5 percentage point") == [(3, 23, "PERCENT")]
    assert normalize_percent("0.5 percentage point") == {"value": 0.5, "unit": "percentage_point"}


@pytest.mark.parametrize(
    "text,value",
    [
        ("five-point-one", 5.1),
        ("fifty-seven", 57.0),
        ("57-point-zero-seven", 57.07),
        ("twenty-one", 21.0),
        ("one hundred twenty", 120.0),
        ("three hundred and five", 305.0),
        ("a hundred", 100.0),
        ("zero", 0.0),
        ("point five", 0.5),
        ("one point two three", 1.23),
        ("ninety point nine", 90.9),
    ],
)
def test_words_to_number(text, value):
    assert words_to_number(text) == value


@pytest.mark.parametrize("text", ["", "foo", "five apples", "seven point point", "one-third"])
def test_words_to_number_rejects_non_numbers(text):
    assert words_to_number(text) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Korea’s ICT exports in October 2025 rose 12.2 percent year-on-year to USD 23.3 billion.",
            [("12.2 percent", "PERCENT", 41, 53), ("USD 23.3 billion", "MONEY", 70, 86)],
        ),
        (
            "Imports fell 2.9 percent to $13.0 billion, resulting in a $10.4 billion surplus.",
            [("2.9 percent", "PERCENT", 13, 24), ("$13.0 billion", "MONEY", 28, 41), ("$10.4 billion", "MONEY", 58, 71)],
        ),
        (
            "Korea will also boost EV subsidies to KRW 936 billion in 2026 (up from KRW 715 billion in 2025).",
            [("KRW 936 billion", "MONEY", 38, 53), ("KRW 715 billion", "MONEY", 71, 86)],
        ),
        (
            # the qualifier stays outside the span
            "the government will expand policy finance to more than KRW 15 trillion in 2026",
            [("KRW 15 trillion", "MONEY", 55, 70)],
        ),
        (
            "Automobile exports totaled $72.0 billion, up 1.7 percent, setting a new record (previously $70.9 billion in 2023).",
            [("$72.0 billion", "MONEY", 27, 40), ("1.7 percent", "PERCENT", 45, 56), ("$70.9 billion", "MONEY", 91, 104)],
        ),
        (
            "Korea’s Bioindustry Sees Growth in 2024: Production Up 9.8%, Exports Up 17.1%, Investment Up 46.1%",
            [("9.8%", "PERCENT", 55, 59), ("17.1%", "PERCENT", 72, 77), ("46.1%", "PERCENT", 93, 98)],
        ),
        (
            "The unemployment rate fell 0.5 percentage points, and the employment rate rose 1.3%p.",
            [("0.5 percentage points", "PERCENT", 27, 48), ("1.3%p", "PERCENT", 79, 84)],
        ),
        (
            "Exports grew five-point-one percent to 57-point-zero-seven billion U.S. dollars.",
            [("five-point-one percent", "PERCENT", 13, 35), ("57-point-zero-seven billion U.S. dollars", "MONEY", 39, 79)],
        ),
        (
            "The fund will total 15 trillion won, or about 11 billion dollars.",
            [("15 trillion won", "MONEY", 20, 35), ("11 billion dollars", "MONEY", 46, 64)],
        ),
        ("The government will provide W1 trillion in policy loans.", [("W1 trillion", "MONEY", 28, 39)]),
        ("£1.2bn and €300 million", [("£1.2bn", "MONEY", 0, 6), ("€300 million", "MONEY", 11, 23)]),
        # "won" the verb next to "won" the currency
        ("He won 5 billion won", [("5 billion won", "MONEY", 7, 20)]),
    ],
)
def test_find_quantities(text, expected):
    assert [(text[s:e], label, s, e) for s, e, label in find_quantities(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "he won the vote",
        "Korea won the bid with 52 votes",
        "Trade Minister Yeo Han-koo chaired the 52nd Trade Promotion Committee on December 9, 2025.",
        "in 2025",
        "one-third of exporters expect a doubling of orders",
        "U.S. tariffs under Section 232",
        "the Korea–EU Committee on Trade in Goods held its 13th meeting; MC14 is in Cameroon",
    ],
)
def test_find_quantities_ignores_non_amounts(text):
    assert find_quantities(text) == []


def test_quantities_component(nlp):
    nlp.add_pipe("quantities", config={"spans_key": "quantities"})
    doc = nlp("Imports fell 2.9 percent to $13.0 billion, resulting in a $10.4 billion surplus.")
    assert [(s.text, s.label_, s.start_char, s.end_char) for s in doc.spans["quantities"]] == [
        ("2.9 percent", "PERCENT", 13, 24),
        ("$13.0 billion", "MONEY", 28, 41),
        ("$10.4 billion", "MONEY", 58, 71),
    ]
