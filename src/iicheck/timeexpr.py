"""Time expressions in a sentence, resolved to a window of days.

| phrase | window | role |
| --- | --- | --- |
| "By November 2024", "As of September 2024", "In June 2024" | that month | point |
| "In 2023", "by 2023", "during 2023", "at the end of 2023" | that year (end: December) | point |
| "from 2021 to 2023", "between 2021 and 2023", "2021-2023" | first to last year | range |
| "since 2021" | 2021 to the publication date | since |
| "in the next three years", "the following three years" | publication to +N years | future |
| "in the past four years", "in more than two years" | -N years to publication | past |
| "2021-02-23", "June 9, 2025" | that day | point |

"by <year>" after the publication date marks a deadline: the figure is a target. A
duration phrase ("the past four years") is a time expression, never a figure.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .models import TimeWindow
from .numbers import _MONTH_ABBRS, has_case_trap, parse_word_number

_MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_NAMES.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH_NAMES["sept"] = 9
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d%])"
_NUMWORD = r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|several)"
_PREP = r"(?P<prep>by the end of|at the end of|by|as of|as at|in|during|until|till|since|end of|before)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+{_YEAR}")),
    ("range", re.compile(r"\b(?:from|between)\s+(?P<y1>(?:19|20)\d\d)\s+(?:to|and|until|through)\s+"
                         r"(?P<y2>(?:19|20)\d\d)\b|\b(?P<y3>(?:19|20)\d\d)\s*[-–]\s*(?P<y4>(?:19|20)\d\d)\b",
                         re.IGNORECASE)),
    ("month", re.compile(rf"\b(?:{_PREP}\s+)?(?:(?:early|mid|late)[-\s])?{_MONTH}\s+{_YEAR}", re.IGNORECASE)),
    ("year", re.compile(rf"\b{_PREP}\s+(?:the\s+year\s+)?{_YEAR}\b", re.IGNORECASE)),
    ("future", re.compile(rf"\b(?:in|over|during|within|for)?\s*the\s+(?:next|following|coming)\s+"
                          rf"{_NUMWORD}\s+years?\b", re.IGNORECASE)),
    ("past", re.compile(rf"\b(?:in|over|during|for|within)\s+(?:the\s+(?:past|last)\s+|more\s+than\s+|"
                        rf"nearly\s+|almost\s+)?{_NUMWORD}\s+years?(?=[\s,.])(?!\s+(?:of|ago|old))",
                        re.IGNORECASE)),
)


_MAY_HAVE_TIME = re.compile(r"\d|years?\b", re.IGNORECASE)  # every pattern needs one of these


_ANY_DIGIT = re.compile(r"\d")
_YEARISH = re.compile(r"(?:1[89]|20)\d\d")  # what "range", "month" and "year" all need
_MONTH_WORDS = frozenset(_MONTH_NAMES) | {"sep"}
_TOKEN = re.compile(r"\w+")


def _candidate_patterns(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns of _PATTERNS (in order) that can match `text`: each needs what its check
    here tests (a digit, a year, a month name, "year"), so leaving the others out changes nothing."""
    iso, mdy, range_, month, year, future, past = _PATTERNS
    if has_case_trap(text):
        return list(_PATTERNS) if _MAY_HAVE_TIME.search(text) else []
    out: list[tuple[str, re.Pattern[str]]] = []
    low = text.lower()
    if _ANY_DIGIT.search(text) is not None:
        has_year = _YEARISH.search(text) is not None
        if "-" in text:
            out.append(iso)
        if has_year and any(m in text for m in _MONTH_ABBRS):
            out.append(mdy)
        if has_year:
            out.append(range_)
            # the month name is a whole word there ("in June 2024", "mid-Sept. 2023")
            if not _MONTH_WORDS.isdisjoint(_TOKEN.findall(low)):
                out.append(month)
            out.append(year)
    if "year" in low:
        if "next" in low or "following" in low or "coming" in low:
            out.append(future)
        out.append(past)
    return out


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    window: TimeWindow
    role: str  # point | range | since | future | past | deadline


def _month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _years(n: str) -> int:
    if n.isdigit():
        return int(n)
    return 3 if n.lower() == "several" else int(parse_word_number(n) or 1)


def shift_years(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes the 28th)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _resolve(kind: str, m: re.Match[str], pub: TimeWindow) -> tuple[date | None, date | None, str] | None:
    g = m.groupdict()
    if kind == "iso":
        try:
            day = date(int(g["y"]), int(g["m"]), int(g["d"]))
        except ValueError:
            return None
        return day, day, "point"
    if kind == "mdy":
        try:
            day = date(int(g["year"]), _MONTH_NAMES[g["month"].lower().rstrip(".")], int(g["day"]))
        except (ValueError, KeyError):
            return None
        return day, day, "point"
    if kind == "range":
        y1, y2 = int(g["y1"] or g["y3"]), int(g["y2"] or g["y4"])
        return (date(y1, 1, 1), date(y2, 12, 31), "range") if y1 <= y2 else None
    prep = (g.get("prep") or "").lower()
    if kind == "month":
        start, end = _month_window(int(g["year"]), _MONTH_NAMES[g["month"].lower().rstrip(".")])
        return (start, pub.end, "since") if prep == "since" else (start, end, "point")
    if kind == "year":
        year = int(g["year"])
        if prep == "since":
            return date(year, 1, 1), pub.end, "since"
        if prep in ("by the end of", "at the end of", "end of"):
            start = date(year, 12, 1)
        else:
            start = date(year, 1, 1)
        role = "point"
        if prep in ("by", "by the end of", "until", "till", "before") and pub.start and year > pub.start.year:
            role = "deadline"
        return start, date(year, 12, 31), role
    n = _years(g["n"])
    if kind == "future":
        if pub.end is None:
            return None, None, "future"
        return pub.end, shift_years(pub.end, n), "future"
    if pub.end is None:
        return None, None, "past"
    return shift_years(pub.end, -n), pub.end, "past"


def find_time_expressions(text: str, pub: TimeWindow) -> list[TimeExpression]:
    """Non-overlapping time expressions in `text`, resolved against the publication window."""
    found: list[TimeExpression] = []
    for kind, pattern in _candidate_patterns(text):
        for m in pattern.finditer(text):
            if any(e.start < m.end() and m.start() < e.end for e in found):
                continue
            resolved = _resolve(kind, m, pub)
            if resolved is None:
                continue
            start, end, role = resolved
            window = TimeWindow(start=start, end=end, basis="explicit", note=f"\u201c{m.group(0).strip()}\u201d")
            found.append(TimeExpression(m.start(), m.end(), m.group(0), window, role))
    return sorted(found, key=lambda e: e.start)
