"""The date resolver: phrases and release dates → (start, end)."""

import pytest

from extractor.pipeline.dates import find_dates, pick_event_date, resolve_date

TABLE = [
    # phrase, release date, tense, expected
    ("on Thursday, November 13, at Lotte Hotel Seoul", "2025-11-14", None, ("2025-11-13", "2025-11-13")),
    ("Wednesday, December 10, 2025", "2025-12-10", None, ("2025-12-10", "2025-12-10")),
    ("on Friday afternoon, January 9, 2026, at the Mugunghwa Hall", "2026-01-12", None, ("2026-01-09", "2026-01-09")),
    ("22 November 2023", "2023-11-24", None, ("2023-11-22", "2023-11-22")),
    ("Nov. 3", "2025-11-14", None, ("2025-11-03", "2025-11-03")),
    ("on Thursday", "2025-11-14", None, ("2025-11-13", "2025-11-13")),
    ("on Thursday", "2025-11-14", "future", ("2025-11-20", "2025-11-20")),
    ("January 11–14, 2026 (local time)", "2026-01-12", None, ("2026-01-11", "2026-01-14")),
    ("December 1 to December 3", "2025-11-14", None, ("2025-12-01", "2025-12-03")),
    ("from January 6 to 9, 2026 (Tuesday to Friday)", "2026-01-05", None, ("2026-01-06", "2026-01-09")),
    ("August 11 to October 24, 2025", "2026-01-02", None, ("2025-08-11", "2025-10-24")),
    ("November 30 to December 2", "2025-11-14", None, ("2025-11-30", "2025-12-02")),
    ("on January 6", "2025-12-20", None, ("2026-01-06", "2026-01-06")),
    ("in August", "2025-11-14", None, ("2025-08", "2025-08")),
    ("in February", "2025-11-14", "past", ("2025-02", "2025-02")),
    ("in February", "2025-11-14", "future", ("2026-02", "2026-02")),
    ("in November last year", "2026-01-12", None, ("2025-11", "2025-11")),
    ("October 2025", "2025-11-14", None, ("2025-10", "2025-10")),
    ("last year", "2025-12-11", None, ("2024", "2024")),
    ("earlier this year", "2025-12-11", None, ("2025", "2025")),
    ("the first half of next year", "2025-11-14", None, ("2026-01", "2026-06")),
    ("the first quarter of next year", "2025-11-14", None, ("2026-01", "2026-03")),
    ("the first half of 2025", "2025-11-14", None, ("2025-01", "2025-06")),
    ("in 2026", "2025-11-14", None, ("2026", "2026")),
    ("from 2023 to 2027", "2025-12-11", None, ("2023", "2027")),
    ("yesterday", "2025-11-14", None, ("2025-11-13", "2025-11-13")),
    ("tonight", "2024-12-12", None, ("2024-12-12", "2024-12-12")),
    ("this morning", "2025-11-14", None, ("2025-11-14", "2025-11-14")),
    ("earlier this week", "2020-05-01", None, ("2020-04-27", "2020-04-30")),
    ("last week", "2025-04-24", None, ("2025-04-14", "2025-04-20")),
    ("next week", "2022-09-10", None, ("2022-09-12", "2022-09-18")),
    ("the previous day", "2021-10-26", None, ("2021-10-25", "2021-10-25")),
    ("agreed Monday to", "2024-05-27", None, ("2024-05-27", "2024-05-27")),
]


@pytest.mark.parametrize("phrase,release,tense,expected", TABLE)
def test_resolve_date(phrase, release, tense, expected):
    assert resolve_date(phrase, release, tense) == expected


def test_no_date_in_names_and_modals():
    assert find_dates("the 2025 Bioindustry Survey", "2025-11-13") == []
    assert find_dates("He may come back", "2025-11-13") == []
    assert find_dates("Black Friday sales rose", "2025-11-13") == []
    assert resolve_date("Section 122 of the Trade Act of 1974", "2025-11-13") is None


def test_relative_dates_need_a_release_date():
    assert resolve_date("on Thursday", None) is None
    assert resolve_date("November 13, 2025", None) == ("2025-11-13", "2025-11-13")


def test_find_dates_offsets_leave_the_preposition_out():
    text = "the two sides convened a meeting in September"
    (m,) = find_dates(text, "2025-11-14")
    assert (text[m.start:m.end], m.value) == ("September", ("2025-09", "2025-09"))


def test_pick_event_date_prefers_the_day():
    text = "In 2025, the minister met him on Thursday, November 13, in Seoul."
    best = pick_event_date(find_dates(text, "2025-11-14"), anchor=text.index("met"))
    assert best.value == ("2025-11-13", "2025-11-13")
