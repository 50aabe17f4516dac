"""Dates in release text, resolved against the release date.

Plain functions, no spaCy: `find_dates` finds every date phrase of a text with its offsets and
resolved value, `resolve_date` resolves one phrase, `pick_event_date` chooses the date of an event
from the phrases of its sentence. Values are ISO strings at the precision the text gives:
"2025-11-13" (a day), "2025-08" (a month), "2025" (a year); a value is a `(start, end)` pair, equal
for a single day, month or year.

Days without a year take the year that puts them nearest the release date (a December release
speaking of "January 6" means next January); a weekday that is given picks between the candidates.
A bare weekday ("on Thursday") or month ("in August") takes the tense of its sentence when it is
known: past → the latest one on or before the release date, future → the next one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

DateValue = tuple[str, str]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4, "final": 4}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)(?![A-Za-z])"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tue\.|Tues\.|Wed\.|Thu\.|Thur\.|Thurs\.|Fri\.|Sat\.|Sun\.)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d])"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_RANGE = r"\s*(?:[-–—]|to|through|until|till|and)\s*"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WDP = rf"(?:(?P<wd>{_WD}){_PART},?\s+)?"
_YR = rf"(?:,?\s+(?P<y>{_YEAR}))?"
_REL = r"(?P<rel>last|this|next|previous|the\s+previous|the\s+following|the\s+same|the\s+current|the\s+coming)\s+year"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # November 30 to December 2, 2025 / December 1 to December 3
    ("md_md", re.compile(
        rf"{_WDP}(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:,?\s+(?P<y1>{_YEAR}))?(?:\s*\([A-Za-z]+\))?{_RANGE}"
        rf"(?:{_WD},?\s+)?(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}){_YR}")),
    # January 11–14, 2026 / January 6 to 9, 2026
    ("md_d", re.compile(rf"{_WDP}(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY}){_YR}")),
    # 30 November to 2 December 2025
    ("dm_dm", re.compile(
        rf"(?P<d1>{_DAY})\s+(?P<m1>{_MONTH}){_RANGE}(?P<d2>{_DAY})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?")),
    # 3–5 November 2025
    ("d_dm", re.compile(rf"(?P<d1>{_DAY}){_RANGE}(?P<d2>{_DAY})\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?")),
    # Thursday, November 13, 2025 / Nov. 3
    ("md", re.compile(rf"{_WDP}(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_YR}")),
    # Thursday, 13 November 2025 / 22 November 2023
    ("dm", re.compile(rf"{_WDP}(?:the\s+)?(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?")),
    ("iso", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")),
    # August 2025 to March 2026
    ("my_my", re.compile(rf"(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR}){_RANGE}(?P<m2>{_MONTH}),?\s+(?P<y2>{_YEAR})")),
    # from August to October 2025
    ("m_my", re.compile(rf"(?P<m1>{_MONTH}){_RANGE}(?P<m2>{_MONTH}),?\s+(?P<y>{_YEAR})")),
    # October last year / November of next year
    ("m_rel", re.compile(rf"(?:(?:early|mid|late)[\s-]+)?(?P<m1>{_MONTH})\s+(?:of\s+)?{_REL}")),
    # (early) October 2025
    ("my", re.compile(rf"(?:(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of)[\s-]+)?(?P<m1>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})")),
    # the first half of next year / the second quarter of 2025 / H1 2025 / Q3 2025
    ("part", re.compile(
        rf"(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+(?P<unit>half|quarter)"
        rf"(?:\s+of\s+(?:(?P<y>{_YEAR})|{_REL}|(?P<this>this|next|last)\s+year))?", re.I)),
    ("part_short", re.compile(rf"(?P<unit>[HQ])(?P<ord>[1-4])\s+(?P<y>{_YEAR})")),
    ("year_range", re.compile(rf"(?:from\s+|between\s+)?(?P<y1>{_YEAR})\s*(?:[-–—]|to|through|and)\s*(?P<y2>{_YEAR}|\d{{2}}(?!\d))")),
    # earlier this year / early next year / the end of last year / last year
    ("rel_year", re.compile(
        rf"(?:(?:earlier|later|early|late|mid|the\s+end\s+of|end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+rest\s+of)[\s-]+)?{_REL}", re.I)),
    ("rel_month", re.compile(r"(?P<rel>last|this|next|the\s+previous|the\s+following)\s+month", re.I)),
    # earlier this week / last week / next week / the following week
    ("rel_week", re.compile(r"(?:(?P<part>earlier|later)\s+)?(?P<rel>last|this|next|the\s+previous|the\s+following|the\s+coming)\s+week(?![\w-])", re.I)),
    # the previous day / the day before / the following day / the next day
    ("rel_day2", re.compile(r"(?P<rel>the\s+previous\s+day|the\s+day\s+before|the\s+following\s+day|the\s+next\s+day)", re.I)),
    ("rel_day", re.compile(r"(?<![A-Za-z])(?P<rel>yesterday|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening))(?![A-Za-z])", re.I)),
    # (in) (early) August
    ("m", re.compile(
        rf"(?:(?P<pre>in|since|during|until|till|by|from|of|through|early|mid|late|last|next|this|the\s+end\s+of|end\s+of)[\s-]+)?(?P<m1>{_MONTH})(?!\s*\d)")),
    ("year", re.compile(
        rf"(?:(?P<pre>in|since|by|until|till|through|during|for|of|from|year|fiscal\s+year|FY|end\s+of|early|late|mid)[\s-]+)(?P<y>{_YEAR})(?![\d-])")),
    ("wd", re.compile(rf"(?:(?P<pre>on|last|next|this|since|until|by)\s+)(?P<wd>{_WD})(?:\s+(?:morning|afternoon|evening|night))?(?!,?\s+(?:the\s+)?\d)")),
    # wire style without "on": "agreed Monday to ...", "said Tuesday", "met Sunday (local time)"
    ("wd", re.compile(rf"(?<=[a-z] )(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?(?![\w-])(?!,?\s+(?:the\s+)?\d)")),
]


@dataclass(frozen=True)
class DateMention:
    """A date phrase found in a text: its offsets, kind and resolved value (None if unresolvable)."""

    start: int
    end: int
    text: str
    kind: str
    value: Optional[DateValue]


def _parse_release(release_date: Optional[str | dt.date]) -> Optional[dt.date]:
    if release_date is None or release_date == "":
        return None
    if isinstance(release_date, dt.date):
        return release_date
    try:
        return dt.date.fromisoformat(str(release_date)[:10])
    except ValueError:
        return None


def _month(token: str) -> int:
    return _MONTHS[token.lower().rstrip(".")]


def _weekday(token: str) -> int:
    low = token.lower().rstrip(".")
    for name, num in _WEEKDAYS.items():
        if name.startswith(low[:3]):
            return num
    raise KeyError(token)


def _day(token: str) -> int:
    return int(re.match(r"\d+", token).group(0))


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _pick_year(month: int, day: Optional[int], ref: Optional[dt.date], weekday: Optional[int], tense: Optional[str]) -> Optional[int]:
    """The year for a month (and day) given without one."""
    if ref is None:
        return None
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        d = _safe_date(y, month, day or 15)
        if d is not None:
            cands.append((y, d))
    if weekday is not None and day is not None:
        matching = [(y, d) for y, d in cands if d.weekday() == weekday]
        if matching:
            cands = matching
    if day is None:
        # months compare as months: the current month counts as past and as future
        def delta(y: int) -> int:
            return (y - ref.year) * 12 + month - ref.month
        if tense == "past":
            past = [y for y, _ in cands if delta(y) <= 0]
            if past:
                return max(past)
        elif tense == "future":
            fut = [y for y, _ in cands if delta(y) >= 0]
            if fut:
                return min(fut)
        return min(cands, key=lambda c: abs(delta(c[0])))[0]
    if tense == "past":
        past = [(y, d) for y, d in cands if d <= ref + dt.timedelta(days=1)]
        if past and weekday is None:
            return max(past, key=lambda c: c[1])[0]
    elif tense == "future":
        fut = [(y, d) for y, d in cands if d >= ref - dt.timedelta(days=1)]
        if fut and weekday is None:
            return min(fut, key=lambda c: c[1])[0]
    return min(cands, key=lambda c: abs((c[1] - ref).days))[0]


def _resolve_match(kind: str, g: dict[str, Optional[str]], ref: Optional[dt.date], tense: Optional[str]) -> Optional[DateValue]:
    wd = _weekday(g["wd"]) if g.get("wd") else None
    if kind in ("md", "dm"):
        m, d = _month(g["m1"]), _day(g["d1"])
        y = int(g["y"]) if g.get("y") else _pick_year(m, d, ref, wd, tense)
        if y is None:
            return None
        day = _safe_date(y, m, d)
        return (_iso(day), _iso(day)) if day else None
    if kind == "iso":
        day = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (_iso(day), _iso(day)) if day else None
    if kind in ("md_md", "dm_dm", "md_d", "d_dm"):
        m1 = _month(g["m1"])
        m2 = _month(g["m2"]) if g.get("m2") else m1
        d1, d2 = _day(g["d1"]), _day(g["d2"])
        y2 = g.get("y")
        y1 = g.get("y1") or y2
        if y2:
            y_end = int(y2)
            y_start = int(y1) if y1 else (y_end - 1 if (m1, d1) > (m2, d2) else y_end)
        else:
            y_start = int(y1) if y1 else _pick_year(m1, d1, ref, wd, tense)
            if y_start is None:
                return None
            y_end = y_start + 1 if (m1, d1) > (m2, d2) else y_start
        a, b = _safe_date(y_start, m1, d1), _safe_date(y_end, m2, d2)
        if a is None or b is None or b < a:
            return None
        return (_iso(a), _iso(b))
    if kind == "my":
        return (f"{int(g['y']):04d}-{_month(g['m1']):02d}",) * 2
    if kind == "m_rel":
        if ref is None:
            return None
        y = ref.year + _rel_offset(g["rel"].lower())
        return (f"{y:04d}-{_month(g['m1']):02d}",) * 2
    if kind == "my_my":
        return (f"{int(g['y1']):04d}-{_month(g['m1']):02d}", f"{int(g['y2']):04d}-{_month(g['m2']):02d}")
    if kind == "m_my":
        y = int(g["y"])
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        return (f"{y - 1 if m1 > m2 else y:04d}-{m1:02d}", f"{y:04d}-{m2:02d}")
    if kind == "m":
        m = _month(g["m1"])
        pre = (g.get("pre") or "").lower()
        if pre in ("last",):
            tense = "past"
        elif pre in ("next",):
            tense = "future"
        y = _pick_year(m, None, ref, None, tense)
        return (f"{y:04d}-{m:02d}",) * 2 if y else None
    if kind in ("part", "part_short"):
        unit = g["unit"].lower()
        n = int(g["ord"]) if g["ord"].isdigit() else _ORDINALS[g["ord"].lower()]
        if g.get("y"):
            y = int(g["y"])
        else:
            if ref is None:
                return None
            rel = (g.get("rel") or g.get("this") or "this").lower()
            y = ref.year + _rel_offset(rel)
        if unit in ("half", "h"):
            n = min(n, 2)
            first, last = (1, 6) if n == 1 else (7, 12)
        else:
            first, last = 3 * n - 2, 3 * n
        return (f"{y:04d}-{first:02d}", f"{y:04d}-{last:02d}")
    if kind == "year_range":
        y1 = int(g["y1"])
        y2s = g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 < y1:
            return None
        return (str(y1), str(y2))
    if kind == "rel_year":
        if ref is None:
            return None
        y = ref.year + _rel_offset(g["rel"].lower())
        return (str(y), str(y))
    if kind == "rel_month":
        if ref is None:
            return None
        off = _rel_offset(g["rel"].lower())
        total = ref.year * 12 + ref.month - 1 + off
        return (f"{total // 12:04d}-{total % 12 + 1:02d}",) * 2
    if kind == "rel_day":
        if ref is None:
            return None
        rel = g["rel"].lower()
        off = {"yesterday": -1, "tomorrow": 1}.get(rel, 0)  # today, tonight, this morning ...
        day = ref + dt.timedelta(days=off)
        return (_iso(day), _iso(day))
    if kind == "rel_week":
        if ref is None:
            return None
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        monday = ref - dt.timedelta(days=ref.weekday())
        if rel in ("last", "the previous"):
            monday -= dt.timedelta(days=7)
        elif rel in ("next", "the following", "the coming"):
            monday += dt.timedelta(days=7)
        start, end = monday, monday + dt.timedelta(days=6)
        part = (g.get("part") or "").lower()
        if rel == "this" and part == "earlier":
            end = max(start, ref - dt.timedelta(days=1))  # from the Monday to the day before the release
        elif rel == "this" and part == "later":
            start = min(end, ref + dt.timedelta(days=1))
        return (_iso(start), _iso(end))
    if kind == "rel_day2":
        if ref is None:
            return None
        off = 1 if re.search(r"following|next", g["rel"], re.I) else -1
        day = ref + dt.timedelta(days=off)
        return (_iso(day), _iso(day))
    if kind == "year":
        return (g["y"], g["y"])
    if kind == "wd":
        if ref is None:
            return None
        pre = (g.get("pre") or "").lower()
        if pre == "last" or pre == "since":
            tense = "past"
        elif pre == "next":
            tense = "future"
        target = _weekday(g["wd"])
        back = (ref.weekday() - target) % 7
        fwd = (target - ref.weekday()) % 7
        if tense == "future":
            day = ref + dt.timedelta(days=fwd)
        elif tense == "past":
            day = ref - dt.timedelta(days=back)
        else:
            day = ref - dt.timedelta(days=back) if back <= fwd or back <= 3 else ref + dt.timedelta(days=fwd)
        return (_iso(day), _iso(day))
    return None


def _rel_offset(rel: str) -> int:
    rel = re.sub(r"\s+", " ", rel)
    if rel in ("last", "previous", "the previous"):
        return -1
    if rel in ("next", "the following", "the coming"):
        return 1
    return 0


def find_dates(text: str, release_date: Optional[str | dt.date] = None, tense: Optional[str] = None) -> list[DateMention]:
    """Every date phrase of `text`, left to right, longest first where phrases overlap.

    text: any text (a sentence, a document).
    release_date: the release date ("YYYY-MM-DD"); phrases that need it resolve to None without it.
    tense: "past", "future" or None; decides bare weekdays and months.
    Returns DateMention records with character offsets into `text`.
    """
    ref = _parse_release(release_date)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            s, e = match.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if s > 0 and text[s - 1].isalnum():
                continue
            g = match.groupdict()
            if kind == "wd" and g.get("pre") is None and "pre" not in g and not re.search(r"(?:^|\s)[a-z]+\s$", text[max(0, s - 25):s]):
                continue  # a bare weekday only after a lower-case word ("agreed Monday"), not in a name ("Black Friday")
            if kind == "m" and g["m1"].lower().rstrip(".") in ("may", "mar") and not g.get("pre"):
                continue  # "may" the verb, "mar" the verb
            if kind in ("m", "md", "my") and g["m1"][0].islower():
                continue
            if kind == "year" and (g.get("pre") or "").lower() == "of" and re.search(r"[A-Z][\w.]*\s+$", text[:s]):
                continue  # "the Trade Act of 1974": part of a name
            if kind == "year_range" and " and " in match.group(0) and not match.group(0).lower().startswith("between"):
                continue  # "the 2018 and 2020 tariffs": two years, no range
            try:
                value = _resolve_match(kind, g, ref, tense)
            except (KeyError, ValueError):
                value = None
            # the preposition in front belongs to the sentence, not to the date
            s2 = s
            for key in ("pre",):
                if g.get(key) and kind in ("m", "year", "wd") and key in match.groupdict():
                    pre = g[key].lower()
                    if pre in ("in", "since", "during", "until", "till", "by", "from", "of", "through", "for", "on"):
                        s2 = match.start("m1") if kind == "m" else match.start("y") if kind == "year" else match.start("wd")
            if kind == "year_range":
                s2 = match.start("y1")
            taken.append((s, e))
            found.append(DateMention(s2, e, text[s2:e], kind, value))
    found.sort(key=lambda m: m.start)
    return found


def resolve_date(phrase: str, release_date: Optional[str | dt.date] = None, tense: Optional[str] = None) -> Optional[DateValue]:
    """Resolve one date phrase ("Thursday, November 13", "the first half of next year") to (start, end).

    Returns None when the phrase holds no date or needs a release date that is not given.
    """
    found = [m for m in find_dates(phrase, release_date, tense) if m.value is not None]
    if not found:
        return None
    best = max(found, key=lambda m: m.end - m.start)
    return best.value


# Kinds that date a happening; a year alone or a relative year mostly gives a figure's period.
_PRECISION = {"md_md": 5, "md_d": 5, "dm_dm": 5, "d_dm": 5, "md": 5, "dm": 5, "iso": 5, "rel_day": 5, "wd": 4,
              "my": 3, "m_rel": 3, "m": 3, "m_my": 3, "my_my": 3, "rel_month": 3, "part": 2, "part_short": 2,
              "rel_year": 1, "year": 1, "year_range": 0}


def pick_event_date(dates: list[DateMention], anchor: Optional[int] = None, min_precision: int = 1) -> Optional[DateMention]:
    """The date phrase that most likely dates an event: the most precise, then the nearest `anchor`."""
    usable = [d for d in dates if d.value is not None and _PRECISION.get(d.kind, 0) >= min_precision]
    if not usable:
        return None
    if anchor is None:
        return max(usable, key=lambda d: (_PRECISION[d.kind], -d.start))
    return max(usable, key=lambda d: (_PRECISION[d.kind], -abs(d.start - anchor)))


def precision(mention: DateMention) -> int:
    """How precise a date phrase is: 5 a day or range of days, 3 a month, 1 a year."""
    return _PRECISION.get(mention.kind, 0)


def month_span(value: DateValue) -> Optional[tuple[dt.date, dt.date]]:
    """The first and last day a value covers (for comparing values of different precision)."""
    def first(s: str) -> dt.date:
        parts = [int(p) for p in s.split("-")]
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)

    def last(s: str) -> dt.date:
        parts = [int(p) for p in s.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return dt.date(parts[0], 12, 31)

    try:
        return first(value[0]), last(value[1])
    except (ValueError, IndexError):
        return None
