"""Time expressions in a sentence, resolved to a window of days.

| phrase | window | role |
| --- | --- | --- |
| "By November 2024", "As of September 2024", "In June 2024" | that month | point |
| "In 2023", "by 2023", "during 2023", "at the end of 2023" | that year (end: December) | point |
| "2020: The network expanded to ..." (a timeline's line opening with its year and a colon or dash) | that year (and so its paragraph's) | point |
| "through 2022", "up to 2022", "up until 2022" (a total up to then) | December of that year | point (a later year: deadline) |
| "from 2021 to 2023", "between 2021 and 2023", "2021-2023" | first to last year | range |
| "since 2021" | 2021 to the publication date | since |
| "in the next three years", "the following three years" | publication to +N years | future |
| "in the past four years", "in more than two years" | -N years to publication | past |
| "2021-02-23", "June 9, 2025" | that day | point |
| "30.06.2023", "06/30/2023" (a number above 12 is the day) | that day | point |
| "05/06/2023" (either could be the month) | 5 June to 6 May: from the earlier to the later | point |
| "from January to October 2021", "between March and May 2021" | first to last month | range |
| "in 2019 and 2020" | both years | range |
| "the first half of 2021", "H1 2021", "2021 H1", "the second half of 2021" | that half | point |
| "the third quarter of 2020", "Q3 2020", "2020 Q3" | that quarter | point |
| "1H23", "3Q 2023", "H1'23", "Q3’23" (H and Q in capitals: "1h23" is a time of day) | that half or quarter (two-digit years 70-99: 19xx) | point |
| "the first half of last year", "the first three quarters of this year" | that part of the year counted from publication | point (range for "the first N ...") |
| "the first three quarters of 2021", "the first five months of 2021" | January to their end | range |
| "January-June last year", "from January to June this year" | those months of the year counted from publication | range |
| "the end of April this year", "in June of last year" | that month (its last day after "the end of") of the year counted from publication | point |
| "end-2020", "by end-2020", "year-end 2020", "(China) ended 2020 (with ...)" | December (as "the end of 2020") | point |
| "60 [2019]" (an encyclopedia's bracketed year after a figure) | that year | point |
| "early 2023", "mid-2022", "by late 2021", "the middle of 2023" | January-April, May-August, September-December | point (since: to publication) |
| "the 14th Five-Year Plan period" (after a preposition; the 13th is 2016-2020) | its five years | range |
| "by the end of the 14th Five-Year Plan period" | its last December | point |
| "last year", "this year", "next year" (and "at the end of last year"...) | the year before, of, after publication | point (next: future) |
| "a year ago" | a month either side of publication less one year | point |
| "five years ago", "a decade ago", "several years ago" (3-7), "a few years ago" (2-5) | the publication window less that many years, half a year either side (two years for decades) | ago (dates the figures of its own clause only) |
| "Over 2020, ..." (at a clause's start, before a clause mark) | that year | point |
| "according to a 2019 survey", "the 2020 census" | that year | source |
| "in December", "in the fourth quarter", "in Q3", "in the first half" (no year) | the latest such period ended by publication | recent |
| "as of end-June", "at the end of June", "by the end of June", "as of September-end", "at the end of the second quarter", "at the end of Q3" (no year) | the latest such month's or part's last day by publication | recent |
| "as of Sept. 30", "on June 30th" (no year) | the latest such day by publication | recent |
| "at mid-year", "as of midyear" (no year; not "mid-year meetings") | the latest June 30 by publication | recent |
| "in the January-November period", "in Jan-Nov", "in the first 11 months", "in the first three quarters" (no year) | the latest such months by publication | recent |
| "in the year to March", "in the 12 months through February" (no year) | the twelve months to the latest such month | recent |
| "the fiscal year ended March 31, 2024" | 2023-04-01 to 2024-03-31 | point |
| "the fiscal year ended March 31" (no year) | the twelve months to the latest March 31 by publication | recent |
| "fiscal 2024", "FY2024", "FY2022/23" | not read (publication window) | |

The relative phrases ("last year", "a year ago") need a publication day (metadata, header
or address); against an inferred publication window, years wide, they are not read as time,
and "the last year" (the past twelve months) is not "last year". "a year ago" said on day D
is read as D less one year, give or take a month (31 days either side), since a writer
rounds. "next year" is read as a target, as "in the next three years" is.

A period named without a year (role `recent`) is the latest one that ends on or before the
publication day, so it too needs a publication day: published 2024-01-17, "in December" is
December 2023 and "in January" January 2023; published 2024-06-12, "in the first quarter" is
2024 Q1 and "in the second quarter" 2023 Q2. It is read only after "in", "during", "over", "as
of", "as at", "at", "by the end of" or "by end-" (a deadline as often as not: extract.py lets the
"by" forms date a figure only in a sentence with a verb in the past tense and no word of the
future, "had built 8 by the end of December", not "are due to be built by the end of
December"), with a capitalised month not
followed by a day, a year, "last year", "of" or "the previous year" ("in may be" is no month,
"January-March" no single month, "in May's budget" no month), and not in a sentence holding any
year, "last/this/ next year", "fiscal", "financial year" or "FY" (a company's quarter may be
its fiscal one), unless that year dates a comparison's base ("As of the end of November, ...
reached 3.283 million, 971,000 more than at the end of last year": November of the publication
year; "compared with ... in the same period last year", "up ... from the end of 2022"). In extract.py it dates no figure in a sentence with a target or estimate cue
("will reach 500 in December": the next December), nor after a time earlier in the paragraph
("In 2019, ... In December, ..."), nor a comparison base ("3.7% in January from 3.8% a month
earlier"); the note says from which publication day it was counted. A known limit: a match's
half or quarter ("scored twice in the second half") is read as the year's. A fiscal year is
read only when named by its end day, the twelve months to it. "fiscal 2024" is left unread:
which months it covers is the company's convention (Walmart's ends in January 2024, Microsoft's
in June 2024, a Japanese company's in March 2025), and a window spanning all of them, some 26
months, would date a yearly figure less precisely than the publication window does.

"up to <year>" and "up until <year>" are a time only before a clause mark or the end ("Up
to 2022, China built ..."); "up to 2000 people" and "up to 2000 Mbps" are counts.

"over <year>" is a time only at a clause's start and before a , ; or : ("Over 2020, the
number ... grew to 80"), as numbers.py reads it: "rose to over 2000 firms" is a count, and so
is "Over 2000, or 60%, of ..." (a count restated: the mark is followed by "or", "and", a
digit or a bracket). The
year of a survey, census, report, study, poll, yearbook or bulletin ("a 2019 survey") dates
what it measured (role `source`), but no target it reports: a target dated only by such a
year keeps the window of a target (see extract.py).

"by <year>" (or "by end-<year>", "by the end of next year", "by the end of the 14th Five-Year
Plan period") after the publication date marks a deadline: the figure is a target. A time
expression is never a figure: neither is a number inside one ("the past four years", "the
first three quarters of 2021", "the 14th Five-Year Plan period").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta
from functools import lru_cache
from typing import NamedTuple

from .models import TimeWindow
from .numbers import (MONTH_ABBR, MONTH_WORDS, TIME_WORDS, Twin, first_digit, has_case_trap, lowered,
                      match_at_anchors, parse_word_number, vocabulary_words)
from .wordnumbers import SMALL, TENS

_MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_NAMES.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH_NAMES["sept"] = 9
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|" \
         r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MONTH_PATTERN = _MONTH
"""A month by name or abbreviation (group ``month``; ``month_number`` reads it), for other
modules' date patterns (iicheck.pubdate's header datelines)."""
# a month name that is not followed by a year, so that a full name does not take the
# sentence's full stop ("in December."): only an abbreviation takes a dot
_MONTH_NO_DOT = r"(?P<month>(?:January|February|March|April|May|June|July|August|September|October|" \
                r"November|December)(?!\.\w)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?![\d%])"
YEAR_PATTERN = _YEAR
"""A year 1800-2099 (group ``year``), as the time patterns read one."""
_NUMWORD = r"(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|several)"
_PREP = (r"(?P<prep>by the end of|at the end of|by|as of|as at|in|during|until|till|since|end of|before|"
         r"through|up to|up until)")
_MONTH_SPAN = (_MONTH.replace("?P<month>", "?P<month1>") + r"(?:\s+(?:to|through|until|and)\s+|\s*[-–]\s*)"
               + _MONTH.replace("?P<month>", "?P<month2>"))
_MONTH_RANGE = _MONTH_SPAN + rf"\s+{_YEAR}"
_COUNT = r"(?P<count>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})"
_PLAN_ZERO = 1951  # the nth Five-Year Plan (the 3rd, 1966-1970, on) starts in 1951 + 5n
# what measures and dates its figures: "according to a 2019 survey" (each form a word of
# numbers.TIME_WORDS, so that vocabulary_words reports it)
_SOURCE_NOUNS = "surveys?|census(?:es)?|reports?|stud(?:y|ies)|polls?|yearbooks?|bulletins?"
_SOURCE_WORDS = frozenset(w.encode() for w in TIME_WORDS if w != "over")

_UNIT_WORDS = "|".join(w for w, v in SMALL.items() if 0 < v < 10)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    # before "mdy", which would read its end as a day
    ("fiscal", re.compile(rf"\b(?:fiscal|financial)\s+year\s+ended\s+{_MONTH}\s+"
                          rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?![\w%])(?:,?\s+{_YEAR})?", re.IGNORECASE)),
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}")),
    # a line of a timeline: "2020: The network expanded to 718,000 base stations." (its paragraph's year)
    # (also bold in markdown: "**2019** — Licences issued ...", "**2020:** ...")
    ("yearlabel", re.compile(r"\A\s*(?P<bold>\*\*|__)?(?P<year>(?:1[89]|20)\d\d)"
                             r"(?(bold)(?:(?P=bold)(?:\s*:|\s+[-–—])|\s*:(?P=bold))|(?:\s*:|\s+[-–—]))"
                             r"(?=\s)(?!\s*(?:1[89]|20)\d\d)")),
    # "30.06.2023", "30/06/2023", "06/30/2023": day and month in either order (see _numeric_date)
    ("dmy", re.compile(r"(?<![\w.,/])(?<![Vv]ersion\s)(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)"
                       r"(?P<year>(?:19|20)\d\d)(?![\w%]|[./,]\d)")),
    # "1H23", "3Q 2023", "H1'23", "Q3’23" (case-sensitive: "1h23" is a time of day)
    ("compact", re.compile(r"(?<![\w.])(?:(?P<k>[1-4])(?P<hq>[HQ])\s?['’]?|(?P<hq2>[HQ])(?P<k2>[1-4])['’])"
                           r"(?P<yy>(?:19|20)\d\d|\d\d)(?![\w%]|[.,]\d)")),
    ("range", re.compile(r"\b(?:from|between)\s+(?P<y1>(?:19|20)\d\d)\s+(?:to|and|until|through)\s+"
                         r"(?P<y2>(?:19|20)\d\d)\b|\b(?P<y3>(?:19|20)\d\d)\s*[-–]\s*(?P<y4>(?:19|20)\d\d)\b",
                         re.IGNORECASE)),
    ("years", re.compile(r"\b(?:in|during)\s+(?P<y1>(?:19|20)\d\d)\s+and\s+(?P<y2>(?:19|20)\d\d)\b",
                         re.IGNORECASE)),
    ("months", re.compile(rf"\b(?:(?:from|between)\s+)?{_MONTH_RANGE}", re.IGNORECASE)),
    ("part", re.compile(rf"\b(?:(?P<endof>(?:by|at)\s+the\s+end\s+of)\s+)?"
                        rf"(?:(?:the\s+)?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+"
                        rf"(?P<part>half|quarter)|first\s+{_COUNT}\s+(?P<parts>quarters|months))\s+of\s+"
                        rf"(?:the\s+year\s+)?|(?P<hq>[HQ])(?P<k>[1-4])\s+){_YEAR}", re.IGNORECASE)),
    # "2023 H1", "2023 Q3": the year first
    ("yearpart", re.compile(rf"\b{_YEAR}\s+(?P<hq>[HQ])(?P<k>[1-4])\b", re.IGNORECASE)),
    # "the first half of last year", "the first three quarters of this year" (before "relative")
    ("partrel", re.compile(rf"\b(?:(?P<endof>(?:by|at)\s+the\s+end\s+of)\s+)?(?:the\s+)?"
                           rf"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<part>half|quarter)"
                           rf"|first\s+{_COUNT}\s+(?P<parts>quarters|months))\s+of\s+(?P<rel>last|this|next)\s+year\b",
                           re.IGNORECASE)),
    # "January-June last year", "from January to June this year" (before "relative")
    ("monthsrel", re.compile(rf"\b(?:(?:from|between)\s+)?"
                             + _MONTH_SPAN + r"(?:\s+of)?\s+(?P<rel>last|this|next)\s+year\b", re.IGNORECASE)),
    # "the end of April this year", "in June of last year" (before "relative")
    ("monthrel", re.compile(rf"\b(?:{_PREP}\s+)?(?:(?P<endof>the\s+end\s+of)\s+)?{_MONTH}(?:\s+of)?\s+"
                            r"(?P<rel>last|this|next)\s+year\b", re.IGNORECASE)),
    # "end-2020", "year-end 2020", and "China ended 2019 with 130,000 5G base stations"
    ("endyear", re.compile(rf"\b(?:(?P<prep>by|at|as of|until|till|before)\s+)?(?:end-|year-end\s+|(?<=\bended\s)){_YEAR}",
                           re.IGNORECASE)),
    # "mid-2022", "by late 2021", "in early 2023", "the middle of 2023": a third of the year
    ("season", re.compile(rf"\b(?:(?P<prep>by|in|as of|at|until|till|before|since|during)\s+)?(?:the\s+)?"
                          rf"(?P<when>early|mid|late|middle\s+of|start\s+of|beginning\s+of)[-\s]+(?:the\s+year\s+)?{_YEAR}\b",
                          re.IGNORECASE)),
    ("plan", re.compile(rf"\b(?:{_PREP}|over|throughout|within)\s+the\s+(?P<nth>\d{{1,2}})(?:st|nd|rd|th)\s+"
                        r"Five-Year\s+Plan(?:\s+period)?\b", re.IGNORECASE)),
    ("relative", re.compile(rf"\b(?:{_PREP}\s+)?(?<!\bthe\s)(?P<rel>last|this|next)\s+year\b(?!-on-)"
                            r"|\b(?:a|one)\s+year\s+ago\b", re.IGNORECASE)),
    # "five years ago", "a decade ago", "a few years ago" (after "relative": "a year ago"
    # counted from a publication day is its own)
    ("ago", re.compile(rf"(?<![\w,.-])(?P<ago>\d{{1,3}}|(?:{'|'.join(TENS)})(?:[-\s](?:{_UNIT_WORDS}))?"
                       rf"|{'|'.join(w for w, v in SMALL.items() if v)}|several|a\s+few|a\s+couple\s+of|a|an)\s+"
                       r"(?P<unit>years?|decades?)\s+ago\b", re.IGNORECASE)),
    ("month", re.compile(rf"\b(?:{_PREP}\s+)?(?:(?:early|mid|late)[-\s])?{_MONTH}\s+{_YEAR}", re.IGNORECASE)),
    ("year", re.compile(rf"\b{_PREP}\s+(?:the\s+year\s+)?{_YEAR}\b", re.IGNORECASE)),
    # an encyclopedia's bracketed year after a figure: "from 60 [2019] to 100 [2020]"
    ("bracket", re.compile(r"(?<=\w)\s?\[(?P<year>(?:19|20)\d\d)\]")),
    ("future", re.compile(rf"\b(?:in|over|during|within|for)?\s*the\s+(?:next|following|coming)\s+"
                          rf"{_NUMWORD}\s+years?\b", re.IGNORECASE)),
    ("past", re.compile(rf"\b(?:in|over|during|for|within)\s+(?:the\s+(?:past|last)\s+|more\s+than\s+|"
                        rf"nearly\s+|almost\s+)?{_NUMWORD}\s+years?(?![\w'’-])(?!\s+(?:of|ago|old))",
                        re.IGNORECASE)),
    # "Over 2020, ...": only at a clause's start (checked in find_time_expressions)
    ("over", re.compile(rf"\bover\s+{_YEAR}(?=\s*[,;:](?!\s*(?:or|and)\b|\s*[\d(]))", re.IGNORECASE)),
    ("source", re.compile(rf"\b(?:a|an|the|its|their|this|that)\s+{_YEAR}\s+(?:{_SOURCE_NOUNS})\b",
                          re.IGNORECASE)),
    # a month, month end, quarter, half or year to a month without a year: the latest one
    # ended by the publication day (see _recent); last, so that any phrase with a year wins
    ("noyear", re.compile(rf"\b(?P<prep>in|during|over|as of|as at|at|by(?=\s+(?:the\s+end\s+of|end-))"
                          r"|(?P<rng>from|(?P<btw>between)))"
                          rf"\s+(?P<endof>the\s+end\s+of\s+|end-)?(?:"
                          rf"(?:the\s+)?{_MONTH_NO_DOT.replace('?P<month>', '?P<mfirst>')}\s*(?:[-–]|to|(?(btw)and|(?!)))\s*"
                          rf"{_MONTH_NO_DOT.replace('?P<month>', '?P<mlast>')}(?:\s+period)?"
                          # after "from" or "between", only a range of two months ("from January to June")
                          rf"|(?(rng)(?!)){_MONTH_NO_DOT}(?P<endsuffix>-end)?"
                          r"|(?(rng)(?!))(?P<midyear>mid-?year)(?!\s+[a-z])"
                          rf"|(?(rng)(?!))the\s+(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<part>half|quarter)"
                          rf"|(?(rng)(?!))the\s+first\s+{_COUNT}\s+(?P<parts>quarters|months)"
                          rf"|(?(rng)(?!))(?P<hq>[HQ])(?P<k>[1-4])"
                          rf"|(?(rng)(?!))the\s+(?:year|(?P<twelve>12|twelve)\s+months)\s+(?:to|through|ending|ended)\s+"
                          rf"{_MONTH_NO_DOT.replace('?P<month>', '?P<month2>')})"
                          r"(?![\w'’-])(?!\.?\s*(?:\d|,\s*(?:1[89]|20)\d\d\b)|\.?\s*,?\s*(?:of\b|after\b|since\b|following\b|last\b|this\b|next\b|"
                          r"a\s+year|one\s+year|the\s+(?:previous|prior|same|following|preceding|year)\b|that\s+year))",
                          re.IGNORECASE)),
    # a day named without a year: "as of Sept. 30", "at June 30th" (the latest by publication)
    # (case-sensitive month, as "mdy": MONTH_ABBR finds every one)
    ("noyearday", re.compile(rf"\b(?P<prep>(?i:as of|as at|at|on))\s+(?P<endof>(?i:the\s+end\s+of)\s+)?{_MONTH}\s+"
                             r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d.,]*\d)(?!,?\s*(?:1[89]|20)\d\d)")),
)


_MAY_HAVE_TIME = re.compile(r"\d|years?\b|\bago\b", re.IGNORECASE)  # every pattern needs one of these


# What "range", "month" and "year" all need; it starts with a digit, as does _ISO_HINT, so
# neither can match before a text's first digit.
_YEARISH = Twin.of(r"(?:1[89]|20)\d\d")
_ISO_HINT = Twin.of(r"\d-\d\d-\d")  # what "iso" needs
_HALF_OR_QUARTER = Twin.of(r"[HQ][1-4]", re.IGNORECASE)  # what "part" needs without "half"...
_NUMERIC_DATE_HINT = Twin.of(r"\d[./]\d{1,2}[./](?:19|20)\d\d")  # what "dmy" needs
_COMPACT_HINT = Twin.of(r"[1-4][HQ]|[HQ][1-4]['’]")  # what "compact" needs (case-sensitive)
_MONTH_DAY_HINT = Twin.of(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")
"""What "noyearday" needs: a month name or its abbreviation, a space and a digit (case-sensitive,
as the pattern's month is)."""
_YEAR_LABEL_HINT = re.compile(r"\s*(?:\*\*|__)?(?:1[89]|20)\d\d")  # what "yearlabel" needs, at the start
_SEASON_HINT = re.compile(r"(?:early|mid|late)[-\s]|(?:middle|start|beginning)\s+of")
"""What "season" needs, in the lower-cased text (its words have no case-trap letter but the
"i" of "mid" and "beginning", and a text with a case trap takes every pattern anyway)."""
_MONTH_WORDS = frozenset(m.encode() for m in _MONTH_NAMES) | {b"sep"}
assert {m.decode() for m in _MONTH_WORDS} <= MONTH_WORDS  # so vocabulary_words reports them

# The last word of each _PREP phrase, and "year" of "the year": what comes right before the
# whitespace before the year of a "year" match.
_YEAR_LEAD_WORDS = tuple(sorted({p.split()[-1] for p in _PREP[len("(?P<prep>"):-1].split("|")}
                                | {"year"}))
_YEAR_LEAD_WIDTH = max(map(len, _YEAR_LEAD_WORDS))
# Where a "month" match can have its month name: the name (with the whitespace and year after
# it, the pattern's own tail) right after a non-word character or the start. Within a match
# the name follows \b (at the match's start, before the name's first letter), the
# whitespace after a preposition, or the "-"/whitespace after "early"/"mid"/"late".
_MONTH_YEAR = Twin.of(rf"(?<!\w){_MONTH}\s+{_YEAR}", re.IGNORECASE)


def _may_be_year_of_match(text: str, at: int) -> bool:
    """False when the year at `at` cannot be the year of a "year" match: that year follows
    whitespace, and before it a preposition or "the year" (compared lower-cased; callers
    pass no text with a case trap, where re.IGNORECASE and lower() differ)."""
    i = at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i < at and text[max(0, i - _YEAR_LEAD_WIDTH):i].lower().endswith(_YEAR_LEAD_WORDS)


_NUMBER_WORDS = frozenset(_NUMWORD[len("(?P<n>\\d+|"):-1].split("|"))  # "two" ... "several"


def _before_years(text: str, at: int) -> int | None:
    """Where to search for a "past" match whose "year" is at `at`, or None when none can be:
    such a match has the count (digits, or one of _NUMBER_WORDS: the whole non-whitespace run
    before the whitespace before "year"), and before it at most "within" (6) and "more than"
    (8) in non-whitespace characters. Compares lower-cased text: callers pass no text with a
    case trap."""
    i = at
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == at:  # "three-year": no whitespace before "year"
        return None
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    count = text[j:i]
    if not (count.isdecimal() or count.lower() in _NUMBER_WORDS):  # \d: decimal digits
        return None
    return _back_off(text, j, 14)


class _Anchor(NamedTuple):
    pattern: Twin
    nonspace: int
    check: Callable[[str, int], bool] | None = None
    """A necessary test that a match's anchor is at a position, when there is a cheap one."""
    folds_case: bool = False
    """`check` (or `start`) compares lower-cased text: not used on a text with a case trap."""
    start: Callable[[str, int], int | None] | None = None
    """Instead of `check` and `nonspace`: where to search for a match with its anchor at a
    position, or None when there is none; at most what _back_off(anchor, nonspace) would give."""
    leads: bool = False
    """Every match starts exactly where an anchor match starts (`nonspace` 0, no whitespace
    before the anchor either): the pattern is tried there with `match`, not `search`."""


# Where a match of each pattern can begin. Each pattern's matches hold an anchor (a match of
# the anchor pattern, which re finds at least as early: the anchor is a prefix of the
# pattern's own text there), preceded within the match by at most `nonspace` non-whitespace
# characters, so the scan for a match can start a little before an anchor instead of at
# every character (see `_scan`). "past" has no such bound ("in 1234567 years"): its start
# is found from the count before "years" (_before_years).
_ANCHORS: dict[str, _Anchor] = {
    # "2021-02-23": the first "1-0" is 3 characters after the start
    "iso": _Anchor(_ISO_HINT, 3),
    # starts with a case-sensitive month name, each starting with its 3-letter abbreviation
    "mdy": _Anchor(Twin(MONTH_ABBR, MONTH_ABBR), 0, leads=True),
    # starts with "from", "between" or the first year (both compared as the pattern does)
    "range": _Anchor(Twin.of(r"from|between|(?:19|20)\d\d", re.IGNORECASE), 0, leads=True),
    # month name and year (see _MONTH_YEAR) after at most "by the end of" (10) and "early-" (6)
    "month": _Anchor(_MONTH_YEAR, 16),
    # year after at most "by the end of" (10) and "the year" (7)
    "year": _Anchor(_YEARISH, 17, _may_be_year_of_match, folds_case=True),
    # "next"/"following"/"coming" after at most "during" or "within" (6) and "the" (3)
    "future": _Anchor(Twin.of(r"next|following|coming", re.IGNORECASE), 9),
    "past": _Anchor(Twin.of(r"year", re.IGNORECASE), 0, folds_case=True, start=_before_years),
    # the first year and "and" after at most "during" (6)
    "years": _Anchor(Twin.of(r"(?:19|20)\d\d\s+and\s", re.IGNORECASE), 6),
    # starts with "over" (compared as the pattern does)
    "over": _Anchor(Twin.of(r"over", re.IGNORECASE), 0, leads=True),
    # the year after at most "their" (5)
    "source": _Anchor(_YEARISH, 5),
    # the second month name and year (see _MONTH_YEAR) after at most "between" (7), the
    # first month name ("September.", 10) and "through" (7)
    "months": _Anchor(_MONTH_YEAR, 24),
}


def _back_off(text: str, at: int, nonspace: int) -> int:
    """A start for the search of a match whose anchor is at `at` or later: 0, or a position
    q <= `at` with more than `nonspace` non-whitespace characters in text[q:at], so that no
    match starting before q has `nonspace` or fewer before its anchor."""
    if nonspace == 0:
        return at
    for width in (2 * nonspace + 8, 8 * nonspace + 32):
        q = at - width
        if q <= 0:
            return 0
        # str.split() splits on exactly the characters re's \s matches (str.isspace)
        if len("".join(text[q:at].split())) > nonspace:
            return q
    return 0


_PATTERN_TWINS = {kind: Twin.of(pattern) for kind, pattern in _PATTERNS}


def _scan(kind: str, text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for the pattern of `kind` (its Twin), searching only from
    shortly before anchors (see _ANCHORS).

    The next match, at s >= pos, holds an anchor at some a >= s with at most `nonspace`
    non-whitespace characters in text[s:a], which passes the anchor's check. Trying every
    anchor position from `pos` on, the first a0 that passes the check is <= a, and
    q = _back_off(a0) <= s (were s < q, text[s:a] would hold more than `nonspace` of them).
    So searching from max(pos, q) finds the same next match as finditer. (An anchor's own
    `start` gives such a q by the same argument, see _before_years.)
    """
    pattern = _PATTERN_TWINS[kind].pick(text)
    anchored = _ANCHORS.get(kind)
    if anchored is None:
        yield from pattern.finditer(text)
        return
    anchors, nonspace, check, folds_case, start, leads = anchored
    anchor = anchors.pick(text)
    if leads:
        yield from match_at_anchors(pattern, anchor, text)
        return
    if folds_case and has_case_trap(text):
        if start is not None:
            yield from pattern.finditer(text)
            return
        check = None
    pos = at = 0
    while True:
        a = anchor.search(text, max(pos, at))
        if a is None:
            return
        if start is not None:
            begin = start(text, a.start())
        elif check is None or check(text, a.start()):
            begin = _back_off(text, a.start(), nonspace)
        else:
            begin = None
        if begin is None:
            at = a.start() + 1  # anchors may overlap: try every position
            continue
        m = pattern.search(text, max(pos, begin))
        if m is None:
            return
        yield m
        pos = m.end()  # no pattern matches the empty string


def _candidate_patterns(text: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns of _PATTERNS (in order) that can match `text`: each needs what its check
    here tests (a digit, a year or two, a month name, "year"...), so leaving the others out
    changes nothing."""
    words = vocabulary_words(text)
    if words is None:  # a case trap
        return list(_PATTERNS) if _MAY_HAVE_TIME.search(text) else [p for p in _PATTERNS if p[0] == "noyear"]
    kinds: set[str] = set()
    low = lowered(text)
    digit = first_digit(text)
    # a month name as a whole word, "half", "quarter", or an H or Q right before a digit 1-4
    # (so starting at most one character before the first digit)
    noyear = ("half" in low or "quarter" in low or ("months" in low and "first" in low) or "midyear" in low
              or "mid-year" in low or not _MONTH_WORDS.isdisjoint(words))
    hq: bool | None = None
    if not noyear and digit >= 0:
        noyear = hq = _HALF_OR_QUARTER.search(text, max(0, digit - 1)) is not None
    if noyear:
        kinds.add("noyear")
    abbr = digit >= 0 and MONTH_ABBR.search(text) is not None  # a month name with a capital, and a digit
    if abbr and _MONTH_DAY_HINT.search(text, 0) is not None:
        kinds.add("noyearday")
    if digit >= 0:
        if "ended" in low and ("fiscal" in low or "financial" in low):
            kinds.add("fiscal")
        first_year = _YEARISH.search(text, digit)
        if "-" in text and _ISO_HINT.search(text, digit) is not None:
            kinds.add("iso")
        if "five-year" in low:
            kinds.add("plan")
        if ("H" in text or "Q" in text) and _COMPACT_HINT.search(text, max(0, digit - 1)) is not None:
            kinds.add("compact")
        if digit <= 3 and _YEAR_LABEL_HINT.match(text) is not None:
            kinds.add("yearlabel")
        if first_year is not None:
            if abbr:
                kinds.add("mdy")
            # a match holds a separator before the year's first two digits
            if (".20" in text or ".19" in text or "/" in text) and _NUMERIC_DATE_HINT.search(text, digit) is not None:
                kinds.add("dmy")
            # two years, the second after the first ends, and "-", "–", "from" or "between"
            if _YEARISH.search(text, first_year.end()) is not None:
                if "-" in text or "–" in text or "from" in low or "between" in low:
                    kinds.add("range")
                if "and" in low:
                    kinds.add("years")
            # the month name is a whole word there ("in June 2024", "mid-Sept. 2023")
            if not _MONTH_WORDS.isdisjoint(words):
                kinds.update(("month", "months"))
            if "half" in low or "quarter" in low or "month" in low or (
                    hq if hq is not None else _HALF_OR_QUARTER.search(text, max(0, digit - 1)) is not None):
                kinds.add("part")
            if hq if hq is not None else _HALF_OR_QUARTER.search(text, max(0, digit - 1)) is not None:
                kinds.add("yearpart")
            if "end-" in low or "year-end" in low or "ended" in low:
                kinds.add("endyear")
            if ("early" in low or "mid" in low or "late" in low or " of" in low) and _SEASON_HINT.search(low):
                kinds.add("season")
            # "over" and the source nouns are whole words there (see numbers.TIME_WORDS)
            if b"over" in words:
                kinds.add("over")
            if not _SOURCE_WORDS.isdisjoint(words):
                kinds.add("source")
            kinds.add("year")
            if "[" in text:
                kinds.add("bracket")
    if "year" in low:
        if "next" in low or "following" in low or "coming" in low:
            kinds.add("future")
        if "last" in low or "this" in low or "next" in low or "ago" in low:
            kinds.add("relative")
            if "half" in low or "quarter" in low or "months" in low:
                kinds.add("partrel")
            if not _MONTH_WORDS.isdisjoint(words):
                kinds.update(("monthsrel", "monthrel"))
        kinds.add("past")
    if "ago" in low:
        kinds.add("ago")
    return [(kind, pattern) for kind, pattern in _PATTERNS if kind in kinds]


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    window: TimeWindow
    role: str  # point | range | since | future | past | deadline | source | recent | ago


def _month_window(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def count_of_years(n: str) -> int | None:
    """The count of years of a duration ("5", "five", "several" = 3), or None for a number word
    the pattern matched only through a case-trap character ("ſeven"), like _month_number."""
    if n.isdigit():
        return int(n)
    if n.lower() == "several":
        return 3
    value = parse_word_number(n)
    return None if value is None else int(value)


def shift_years(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes the 28th), held within the years a
    `date` can hold ("in 67889 years" ends on 31 December 9999)."""
    year = day.year + years
    if year > MAXYEAR:
        return date(MAXYEAR, 12, 31)
    if year < MINYEAR:
        return date(MINYEAR, 1, 1)
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _capital_month(name: str | None) -> int | None:
    """month_number of a month named with a capital ("in May", not "may this year", "in may
    be"), else None."""
    return month_number(name) if name and name[0].isupper() else None


def shift_window(window: TimeWindow, years: int, note: str) -> TimeWindow:
    """`window` moved by `years` (a known window; an open one is returned as it is), with
    `note`: "a year earlier" counted from a time the text named."""
    if window.start is None or window.end is None:
        return window
    return window.model_copy(update={"start": shift_years(window.start, years),
                                     "end": shift_years(window.end, years), "note": note})


def month_number(name: str) -> int | None:
    """1..12 for a month name as the patterns matched it ("Sept.", "JUNE"), or None for one
    they matched only through a character that re.IGNORECASE equates with an ASCII letter
    and str.lower does not ("ſep", "Aprıl"): such a word is no month, as a number word
    spelt so is no number to parse_word_number."""
    return _MONTH_NAMES.get(name.lower().rstrip("."))


_END_PREPS = ("by the end of", "at the end of", "end of", "through", "up to", "up until")
_DEADLINE_PREPS = ("by", "by the end of", "until", "till", "before", "through", "up to", "up until")
_RELATIVE_YEARS = {"last": -1, "this": 0, "next": 1}
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_MONTHS_IN = {"half": 6, "h": 6, "quarter": 3, "quarters": 3, "q": 3, "months": 1}
_PARTS_IN_YEAR = {6: 2, 3: 4, 1: 12}
_A_YEAR_AGO_SLACK = timedelta(days=31)
Resolved = tuple[date | None, date | None, str]


def _in_year(year: int, prep: str, pub: TimeWindow) -> Resolved:
    """The window of `year` after a preposition ("in", "by the end of", "since"...)."""
    if prep == "since":
        return date(year, 1, 1), pub.end, "since"
    start = date(year, 12, 1) if prep in _END_PREPS else date(year, 1, 1)
    role = "point"
    if prep in _DEADLINE_PREPS and pub.start and year > pub.start.year:
        role = "deadline"
    return start, date(year, 12, 31), role


def _months(year: int, first: int, last: int, role: str) -> Resolved:
    """Months `first` to `last` (1..12) of `year`."""
    return date(year, first, 1), _month_window(year, last)[1], role


def _part_months(g: dict[str, str | None]) -> tuple[int, int] | None:
    """The first and last month (1..12) of the half or quarter a match names ("the third
    quarter", "H1", "Q3"); None for one a year has not ("the third half", "H3")."""
    size = _MONTHS_IN.get((g.get("part") or g.get("hq") or "").lower())
    k = g.get("k")
    index = _ORDINALS.get((g.get("ord") or "").lower()) if k is None else int(k)
    if size is None or index is None or index > _PARTS_IN_YEAR[size]:
        return None
    return size * (index - 1) + 1, size * index


_THIRDS = {"early": (1, 4), "start": (1, 4), "beginning": (1, 4), "mid": (5, 8), "middle": (5, 8), "late": (9, 12)}


def _season(g: dict[str, str | None], prep: str, pub: TimeWindow) -> Resolved | None:
    """"mid-2022" (May to August), "early 2023" (January to April), "late 2021" (September to
    December); "since mid-2022" runs to publication."""
    first, last = _THIRDS[(g["when"] or "").lower().split()[0].split("-")[0]]
    start, end, _ = _months(int(g["year"] or 0), first, last, "point")
    if prep == "since":
        return (start, pub.end, "since") if pub.end is not None else None
    return start, end, "point"


def _part_of_year(g: dict[str, str | None]) -> Resolved | None:
    """"the third quarter of 2020", "H1 2021", "the first five months of 2021"; "by the end
    of" one of them is its last month, as "by the end of 2020" is December."""
    year = int(g["year"] or 0)
    if g.get("count") is not None:  # the first N quarters or months
        months = _first_parts(g)
        if months is None:
            return None
        (first, last), role = months, "range"
    else:
        months = _part_months(g)
        if months is None:
            return None
        (first, last), role = months, "point"
    if g.get("endof"):
        return _months(year, last, last, "point")
    return _months(year, first, last, role)


def _first_parts(g: dict[str, str | None]) -> tuple[int, int] | None:
    """The months (1..12) of "the first three quarters", "the first 11 months": January to
    their end; None for more than a year has."""
    size = _MONTHS_IN.get((g.get("parts") or "").lower())
    count = count_of_years(g["count"] or "")
    if size is None or count is None or not 1 <= count <= _PARTS_IN_YEAR[size]:
        return None
    return 1, count * size


def _compact_part(g: dict[str, str | None]) -> Resolved | None:
    """"1H23", "3Q 2023", "H1'23": a half or quarter of a year written in two digits
    (20xx; 70-99 are 19xx) or four."""
    yy = g["yy"] or ""
    year = int(yy) if len(yy) == 4 else int(yy) + (1900 if int(yy) >= 70 else 2000)
    return _part_of_year({"hq": g["hq"] or g["hq2"], "k": g["k"] or g["k2"], "year": str(year)})


def _numeric_date(g: dict[str, str | None]) -> Resolved | None:
    """"30.06.2023" or "06/30/2023": the one day the two numbers can name (a number above 12
    is the day); when both could be the month ("05/06/2023": 5 June or 6 May), the window
    from the earlier of the two days to the later."""
    a, b, year = int(g["a"] or 0), int(g["b"] or 0), int(g["year"] or 0)
    days = set()
    for day, month in ((a, b), (b, a)):
        try:
            days.add(date(year, month, day))
        except ValueError:
            continue
    if not days:
        return None
    return min(days), max(days), "point"


def _month_span(first_name: str | None, last_name: str | None) -> tuple[int, int] | None:
    """The first and last month of "January-June" (capitalised, in order), else None."""
    first, last = _capital_month(first_name), _capital_month(last_name)
    return None if first is None or last is None or first > last else (first, last)


def _in_month(year: int, month: int, prep: str, end_of: bool, pub: TimeWindow) -> Resolved:
    """That month; its last day after "the end of"; to publication after "since"."""
    start, end = _month_window(year, month)
    if prep == "since":
        return start, pub.end, "since"
    return (end, end, "point") if end_of else (start, end, "point")


def _of_relative_year(kind: str, g: dict[str, str | None], pub: TimeWindow) -> Resolved | None:
    """A part or months of a year named relative to the publication day, as "last year" is
    counted ("the first half of last year", "January-June last year", "the end of April this
    year"); None when the publication is not known to the day."""
    if pub.start is None or pub.start != pub.end:
        return None
    offset = _RELATIVE_YEARS.get((g["rel"] or "").lower())
    if offset is None:
        return None
    year = pub.start.year + offset
    if kind == "partrel":
        return _part_of_year({**g, "year": str(year)})
    if kind == "monthrel":
        month = _capital_month(g["month"])  # "may this year" is no month
        return None if month is None else _in_month(year, month, (g.get("prep") or "").lower(), bool(g.get("endof")), pub)
    first, last = _capital_month(g["month1"]), month_number(g["month2"] or "")
    return None if first is None or last is None or first > last else _months(year, first, last, "range")


def _relative(g: dict[str, str | None], prep: str, pub: TimeWindow) -> Resolved | None:
    """"last year", "at the end of last year", "next year", "a year ago", counted from the
    publication day; None when the publication is not known to the day."""
    if pub.start is None or pub.start != pub.end:
        return None
    if g["rel"] is None:  # "a year ago": a month either side of the day a year before
        day = shift_years(pub.start, -1)
        return day - _A_YEAR_AGO_SLACK, day + _A_YEAR_AGO_SLACK, "point"
    offset = _RELATIVE_YEARS.get(g["rel"].lower())
    if offset is None:
        return None
    start, end, role = _in_year(pub.start.year + offset, prep, pub)
    return start, end, "future" if offset > 0 and role == "point" else role


_AGO_VAGUE = {"several": (3, 7), "a few": (2, 5), "a couple of": (2, 2), "a": (1, 1), "an": (1, 1), "one": (1, 1)}
_AGO_SLACK_YEARS = timedelta(days=183)
"""Either side of "N years ago": a writer rounds to whole years (half a year); "N decades
ago" to whole decades (two years either side)."""
_AGO_SLACK_DECADES = timedelta(days=2 * 365)


def _ago(g: dict[str, str | None], pub: TimeWindow) -> Resolved | None:
    """"five years ago", "a decade ago", "a few years ago": the publication window moved back
    by that many years, widened by the writer's rounding ("a year ago" is "relative"'s, read
    only from a publication day). Against a publication window years wide the result is as wide, but it is
    not the publication window: the figure is of an earlier time."""
    if pub.start is None or pub.end is None:
        return None
    count = " ".join((g["ago"] or "").lower().split())
    if count in _AGO_VAGUE:
        low, high = _AGO_VAGUE[count]
    else:
        n = count_of_years(count)
        if n is None or n <= 0:
            return None
        low = high = n
    decades = (g["unit"] or "").lower().startswith("decade")
    if not decades and high == 1:
        return None  # "a year ago": "relative"'s, read only from a publication day
    scale, slack = (10, _AGO_SLACK_DECADES) if decades else (1, _AGO_SLACK_YEARS)
    start = shift_years(pub.start, -high * scale) - slack
    end = shift_years(pub.end, -low * scale) + slack
    return start, min(end, pub.end), "ago"


def _plan(g: dict[str, str | None], prep: str, pub: TimeWindow) -> Resolved | None:
    """"during the 14th Five-Year Plan period" (2021-2025), "by the end of" it (2025)."""
    nth = int(g["nth"] or 0)
    if nth < 3:
        return None
    first = _PLAN_ZERO + 5 * nth
    if prep in _END_PREPS or prep == "by":
        return _in_year(first + 4, prep, pub)
    if prep == "since":
        return _in_year(first, prep, pub)
    return date(first, 1, 1), date(first + 4, 12, 31), "range"


def _resolve(kind: str, m: re.Match[str], pub: TimeWindow) -> Resolved | None:
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
    if kind in ("range", "years"):
        y1, y2 = int(g["y1"] or g["y3"]), int(g["y2"] or g["y4"])
        return (date(y1, 1, 1), date(y2, 12, 31), "range") if y1 <= y2 else None
    if kind == "months":
        first, last = month_number(g["month1"]), month_number(g["month2"])
        if first is None or last is None or first > last:
            return None
        return _months(int(g["year"]), first, last, "range")
    if kind in ("part", "yearpart"):
        return _part_of_year(g)
    if kind == "yearlabel":
        return _in_year(int(g["year"] or 0), "in", pub)
    if kind == "compact":
        return _compact_part(g)
    if kind == "dmy":
        return _numeric_date(g)
    if kind in ("partrel", "monthsrel", "monthrel"):
        return _of_relative_year(kind, g, pub)
    prep = (g.get("prep") or "").lower()
    if kind == "season":
        return _season(g, prep, pub)
    if kind == "endyear":  # "end-2020" is "the end of 2020", "by end-2020" "by the end of"
        return _in_year(int(g["year"]), "by the end of" if prep in _DEADLINE_PREPS else "end of", pub)
    if kind == "relative":
        return _relative(g, prep, pub)
    if kind == "plan":
        return _plan(g, prep, pub)
    if kind == "ago":
        return _ago(g, pub)
    if kind == "month":
        month = month_number(g["month"])
        return None if month is None else _in_month(int(g["year"]), month, prep, False, pub)
    if kind in ("year", "over", "bracket"):
        return _in_year(int(g["year"]), prep, pub)
    if kind == "source":
        return date(int(g["year"]), 1, 1), date(int(g["year"]), 12, 31), "source"
    if kind in ("noyear", "noyearday"):
        return _recent(g, pub)
    if kind == "fiscal":
        return _fiscal_year(g, pub)
    n = count_of_years(g["n"])
    if n is None:
        return None
    if kind == "future":
        if pub.end is None:
            return None, None, "future"
        return pub.end, shift_years(pub.end, n), "future"
    if pub.end is None:
        return None, None, "past"
    return shift_years(pub.end, -n), pub.end, "past"


def _recent(g: dict[str, str | None], pub: TimeWindow) -> Resolved | None:
    """A month ("in December"), a month's end ("as of end-June": its last day), a quarter or
    half ("in the third quarter", "in Q3") or the year to a month ("in the year to March")
    named without a year: the latest one that ends on or before the publication day; None
    when the publication is not known to the day, or for a month name not capitalised ("in
    may", "in march")."""
    if pub.end is None or pub.start != pub.end:
        return None
    day = pub.end
    name = g["month"] or g["month2"]
    if g.get("day") is not None:  # "as of Sept. 30": the latest such day
        month = _capital_month(name)
        if month is None:
            return None
        for year in (day.year, day.year - 1):
            try:
                found = date(year, month, int(g["day"] or 0))
            except ValueError:
                continue
            if found <= day and year > MINYEAR:
                return found, found, "recent"
        return None
    if g.get("mfirst") is not None:  # "the January-November period"
        months = _month_span(g["mfirst"], g["mlast"])
    elif name is not None:
        month = _capital_month(name)
        months = None if month is None else (month, month)
    elif g.get("midyear") is not None:  # "at mid-year": the end of June
        months = 6, 6
    elif g.get("count") is not None:  # "the first 11 months"
        months = _first_parts(g)
    else:
        months = _part_months(g)
    if months is None:
        return None
    first, last = months
    year = day.year if _month_window(day.year, last)[1] <= day else day.year - 1
    if year <= MINYEAR:
        return None
    if g["month2"] is not None:  # the twelve months ending with that month
        start = date(year, 1, 1) if last == 12 else date(year - 1, last + 1, 1)
        return start, _month_window(year, last)[1], "recent"
    if g["endof"] or g.get("endsuffix") or g.get("midyear"):
        end = _month_window(year, last)[1]
        return end, end, "recent"
    return _months(year, first, last, "recent")


def _fiscal_year(g: dict[str, str | None], pub: TimeWindow) -> Resolved | None:
    """"the fiscal year ended March 31, 2024": the twelve months to that day (2023-04-01 to
    2024-03-31); without its year, the latest such day on or before the publication day (as
    _recent, role "recent")."""
    month = month_number(g["month"] or "")
    if month is None:
        return None
    role = "point"
    try:
        if g["year"] is not None:
            end = date(int(g["year"]), month, int(g["day"] or 0))
        else:
            if pub.end is None or pub.start != pub.end or pub.end.year <= MINYEAR:
                return None
            role = "recent"
            end = date(pub.end.year, month, int(g["day"] or 0))
            if end > pub.end:
                end = date(pub.end.year - 1, month, end.day)
    except ValueError:  # "June 31", "February 29" of a year without one
        return None
    if end.year <= MINYEAR:
        return None
    return shift_years(end, -1) + timedelta(days=1), end, role


# What makes a period named without a year ambiguous in its sentence: a year (of that period
# or another: "In 2019, ... in December"), "last/this/next year", or a fiscal year, whose
# quarters and halves are the company's own.
_YEAR_SPOILERS = r"(?:1[89]|20)\d\d|\b(?:last|this|next)\s+year\b"
_RECENT_SPOILERS = Twin.of(_YEAR_SPOILERS + r"|\bfiscal\b|\bfinancial\s+year\b|\bFY", re.IGNORECASE)
_OTHER_YEAR = Twin.of(_YEAR_SPOILERS, re.IGNORECASE)
_SPOILER_IN_BASE = re.compile(
    r"(?:\b(?:more|less|fewer|higher|lower|greater|up|down|increase[ds]?|rise|rose|drop(?:ped)?|declined?|growth|"
    r"grew|gain(?:ed)?)\b(?:[^,;.]|(?<=\d)[,.](?=\d)){0,30}?\b(?:than|from|over|on)\b"
    r"|\b(?:versus|vs\.?|compared\s+(?:with|to)|as\s+against)\b)(?:(?!\bto\b)[^,;]|(?<=\d),(?=\d)){0,40}$",
    re.IGNORECASE)
"""Before a year (or "last year") that dates the base of a comparison ("971,000 more than at
the end of last year", "an increase of 971,000 from the end of 2022", "versus 2.222 million in
the same month last year", "down 45.5 per cent from the 545,000 added in the first half of
2024"): that year says nothing of which year a month named without one
is."""


def _year_spoils(text: str) -> bool:
    """Whether a year or "last/this/next year" in `text` makes a period named without a year
    ambiguous (_RECENT_SPOILERS): any but one that dates a comparison's base (_SPOILER_IN_BASE)."""
    for m in _RECENT_SPOILERS.pick(text).finditer(text):
        if _SPOILER_IN_BASE.search(text, max(0, m.start() - 90), m.start()) is None:
            return True
    return False


_COUNTED_FROM_PUBLICATION = ("relative", "partrel", "monthsrel", "monthrel", "ago")
_TIME_AFTER_UP_TO = re.compile(r"\s*(?:[,;:.)]|$)")
"""After "up to 2022": a time only before a clause mark or the end ("Up to 2022, China built
..."); "up to 2000 people", "up to 2000 Mbps" are counts."""


def _a_count(kind: str, m: re.Match[str], text: str) -> bool:
    """Whether a year after "over" or "up to" is a count, not a time: "rose to over 2020, ..."
    (a time only at a clause's start), "up to 2000 people" (a time only before a clause mark)."""
    if kind == "over":
        return text[:m.start()].rstrip()[-1:] not in ("", ",", ";", ":")
    return (kind == "year" and (m.group("prep") or "").lower().startswith("up")
            and _TIME_AFTER_UP_TO.match(text, m.end()) is None)


@lru_cache(maxsize=1024)
def _explicit_window(start: date | None, end: date | None, phrase: str,
                     published: date | None = None) -> TimeWindow:
    """The window a time expression states, counted from the publication day `published`
    when it is relative ("last year"). Cached: models are frozen, so one object can serve
    every sentence saying the same ("In 2023")."""
    note = f"\u201c{phrase}\u201d"
    if published is not None:
        note += f" counted from publication on {published.isoformat()}"
    return TimeWindow(start=start, end=end, basis="explicit", note=note)


def find_time_expressions(text: str, pub: TimeWindow) -> list[TimeExpression]:
    """Non-overlapping time expressions in `text`, resolved against the publication window."""
    found: list[TimeExpression] = []
    brackets: list[TimeExpression] = []  # "60 [2019]"
    spoiled: bool | None = None  # _year_spoils(text), found when a period without a year is
    for kind, _ in _candidate_patterns(text):
        for m in _scan(kind, text):
            if any(e.start < m.end() and m.start() < e.end for e in found):
                continue
            if kind in ("noyear", "noyearday"):
                if spoiled is None:
                    spoiled = _year_spoils(text)
                if spoiled:
                    break
            if _a_count(kind, m, text):
                continue
            try:
                resolved = _resolve(kind, m, pub)
            except (ValueError, OverflowError):  # "next year" after a date of 9999, "last year" of year 1
                resolved = None
            if resolved is None:
                continue
            start, end, role = resolved
            if role == "recent" and kind == "fiscal" and (
                    _OTHER_YEAR.pick(text).search(text, 0, m.start()) is not None
                    or _OTHER_YEAR.pick(text).search(text, m.end()) is not None):
                continue  # "the fiscal year ended March 31" beside another year: maybe its own
            window = _explicit_window(start, end, m.group(0).strip(),
                                      pub.start if kind in _COUNTED_FROM_PUBLICATION or role == "recent" else None)
            expression = TimeExpression(m.start(), m.end(), m.group(0), window, role)
            if kind != "bracket":
                found.append(expression)
            elif any(c.isdigit() for c in text[max(0, m.start() - 40):m.start()]):
                brackets.append(expression)  # (not "The plan [2021] called for ...": no figure before it)
    # an encyclopedia's "[2025]" counts only in a sentence that states no time of its own ("In
    # the first half of 2025, 300,000 were added [2025]": the stated one is the more exact)
    return sorted(found or brackets, key=lambda e: e.start)
