"""Find the numbers a sentence states as figures, and parse them.

Finds digits with separators and decimals ("100000", "1,000", "4.09 million", ".5", "-1.3%"),
attached scale and unit suffixes ("$4.2b", "35m", "256GB", "50mph"), number words
("Fifteen", "twenty-one", "a hundred"), fractions ("a third of", "1/2"), "-fold" multiples,
vague plurals ("thousands of" -> [1,000, 10,000]), percentages and currency, and ranges
("252-287", "5% to 10%", "between $62 and $68", "$10 to $15 billion").
Leaves out what is not a figure: years and dates ("In 2023", "Oct. 31", "2021-02-23", "by
2120"), clock times ("11 a.m."), ordinals ("14th", "second"), names ("5G", "Industry 4.0",
"5+2", "1+N", "D201138L", "iPhone 11", "S&P 500", "Game 6"), ranks ("the Top 10"), "24/7",
and number words used as pronouns ("on the one hand", "one of the", "one official said").
Thousands may be grouped by commas or spaces ("12 000"); scale abbreviations may follow a
space ("230 bln").

The rounding step of a number is the value of its last significant digit ("70" -> 10,
"4.09 million" -> 10,000); a number with one significant digit and three or more digits gets
a step one order lower ("1,000" -> 100), since writers round those to the leading digit.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Iterator
from functools import lru_cache
from dataclasses import dataclass
from typing import NamedTuple

from .wordnumbers import (FOLD, FRACTION, FRACTION_WORDS, NUMBER_WORDS, SCALES, VAGUE_PLURAL,
                          VAGUE_SCALE_WORDS, VAGUE_SCALED, VAGUE_SCALED_WORDS, WORD_NUMBER, fold_value, fraction_value,
                          parse_word_number, vague_plural_range, vague_scaled_range, word_number_prefix)

__all__ = ["NumberMatch", "find_numbers", "parse_word_number", "parse_digits", "rounding_step",
           "is_round", "DEFAULT_NAME_PREFIXES"]

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_SCALE_ABBR = {"k": 1e3, "mln": 1e6, "mn": 1e6, "m": 1e6, "mil": 1e6, "bn": 1e9, "bln": 1e9,
               "b": 1e9, "tn": 1e12, "trn": 1e12}
# Currency signs and codes written before a number ("US$", "$A", "HK $", "RM79", "Y=" and "PS"
# are the ASCII renderings of ¥ and £ that news feeds print; "PS" only before an amount
# that has a scale or thousands separator, so "PS5" stays a name).
_CURRENCY = (r"(?:US\s?\$|\$\s?US|\$A|A\$|AU\$|NZ\$|C\$|HK\s?\$|S\s?\$|\$|€|£|¥|Y=|"
             r"(?:RMB|USD|AUD|CNY|EUR|GBP|INR)\s?|RM(?=\d)|Rs\.?\s?|PS(?=\d[\d.]*(?:[mk]\b|bn|,\d{3})))")
_MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Finds one of _MONTH_ABBRS (case-sensitive) exactly when one is in a text; a regex of plain
# alternatives starting with distinct letters skips ahead in C, faster than 12 `in` tests.
MONTH_ABBR = re.compile("|".join(_MONTH_ABBRS))
# Units written against the digits ("256GB", "50mph", "1.38pc"); case-sensitive, so "5G" is
# no unit. "m" and "b" are million and billion (news usage), not metre and byte.
_SUFFIX_UNITS = ("GB|MB|TB|KB|kB|Gb|Mbps|mbps|Gbps|GHz|Ghz|MHz|kHz|Hz|mph|kph|km/h|km/hr|kmh|"
                 "km2|km|kg|mg|mL|ml|L|l|mm|cm|nm|m2|ft|lbs|lb|oz|kWh|kW|MW|GW|W|mAh|bhp|hp|"
                 "mins|min|secs|sec|hrs|hr|pc|p|degF|degC|deg|°F|°C|°|sq")
# Thousands groups are separated by commas, by a no-break or thin (narrow no-break) space
# ("12 000", "1 200 000"), or by a plain space when the last group is 000 ("12 000",
# "1 200 000"): a plain space also stands between two numbers where a comma was left out
# ("On June 30 500 workers", "Grade 5 300 pupils", "Table 2 300 firms"), and those end in any
# digits. The characters themselves, not escapes, so that the pattern keeps its ASCII twin
# (see Twin.of).
_THIN_SPACES = "   "  # no-break, thin, narrow no-break
_GROUP_SPACES = " " + _THIN_SPACES
_NUM = (rf"\d{{1,3}}(?:(?:,\d{{3}})+|(?:[{_THIN_SPACES}]\d{{3}}(?!\d))+|(?: \d{{3}})*? 000(?!\d))(?:\.\d+)?"
        r"|\d+(?:\.\d+)?|\.\d+")
# The characters a _DIGIT_NUMBER match can start with (compared as re.IGNORECASE does): a
# currency's first letter or sign, a sign ("minus", "-", "−", "+"), a digit or ".". Checked
# first, as a lookahead, it spares the pattern's other tests at every other position; the
# matches are the same.
_DIGIT_NUMBER_FIRST = r"(?=[$€£¥+\-−.\dACEGHIMNPRSUY])"
_DIGIT_NUMBER = re.compile(
    _DIGIT_NUMBER_FIRST +
    rf"(?:(?<![A-Za-z])(?P<cur>{_CURRENCY})|(?<![\w.,/$€£¥=+−])(?:(?<=\d[-–])|(?<=sub-)|(?<![-–])))"
    r"(?P<sign>(?:minus[-\s]|[-−+])(?=\.?\d))?"
    rf"(?P<num>{_NUM})(?![.,]\d)"
    r"(?:(?P<scale>\s*(?:hundred\s+)?(?:thousand|million|billion|trillion)\b|\s*hundred\b|"
    r"\s+(?:bn|bln|mn|mln|trn|tn)\b|"
    r"(?<=\d)(?-i:mln|mil|bln|bn|mn|tn|trn|Bn|Mn|k|K|m|M|b|B)(?![\w]))"
    rf"|(?<=\d)(?P<suffix>(?-i:{_SUFFIX_UNITS}))(?![\w]))?(?![\w])"
    r"(?P<pct>\s*(?:%|per\s?cent\b|percent\b))?", re.IGNORECASE)
_SCIENTIFIC = re.compile(r"(?<![\w.])(?P<a>\d+(?:\.\d+)?)\s*[×x]\s*10\s*\^?(?P<e>[−-]?\d+)\b")
# a bare power of ten: "10^15 yuan" (it was read as the two figures 10 and 15)
_POWER = re.compile(r"(?<![\w.^])10\^(?P<e>[−-]?\d+)\b")
_FRACTION_DIGITS = re.compile(r"(?<![\w./,])(?P<a>\d+)\s*[/⁄](?P<b>\d+)(?![\w/.,]|\.\d)(?=\s+[a-z])")
_MASKS = (
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.]+Z?)?(?!\d)"),
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\b"),
    re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)", re.IGNORECASE),
    re.compile(r"\b\d{4}\s+(?:GMT|UTC|EDT|EST|BST|CET|ET)\b"),
    re.compile(rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b"),
    re.compile(r"\b\d+\s*\+\s*(?:\d+\b(?!\.\d|\s*%)|[A-Z]\b)|\+\s*\d+\b(?!(?:\.\d+)?\s*%)"),
    re.compile(r"\b\w+-(?:year|month|week|day)s?(?=\s+(?!old\b)[A-Za-z])", re.IGNORECASE),
    re.compile(r"\b24/7\b"),  # round the clock
    # a rank, no count of the whole: "the Top 10 platforms"; case-sensitive, as the verb
    # "sales top 1 million" is no rank
    re.compile(r"\b(?:Top|[Tt]he top)\s+\d+\b"),
)


# Non-ASCII characters that re.IGNORECASE equates with ASCII letters ("K" is the Kelvin
# sign, matched by "k"): a text holding one skips the lowercase word prefilters.
CASE_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")


@lru_cache(maxsize=8)
def plain(text: str) -> bool:
    r"""Whether every Twin finds in `text` what its pattern finds: `text` is ASCII, without
    the characters \x1c-\x1f (whitespace to Unicode \s and str.isspace, not to the \s of
    re.ASCII: the only ASCII characters classed differently). On such a text \d, \w, \s and
    \b class every character alike in both modes, and re.IGNORECASE equates the same letters.
    Cached: every Twin a sentence's stages run asks."""
    return text.isascii() and not (
        "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)


class Twin(NamedTuple):
    r"""A pattern and the same pattern compiled with re.ASCII, for `plain` texts: re then
    classes characters (\d, \w, \s, letter case) with inline ASCII tables instead of calls
    into the Unicode database, finding the same matches faster.

    A pattern holding a case trap (or an escape that could write one) could equate one with
    an ASCII letter under re.IGNORECASE in Unicode mode only: it gets no ASCII twin."""

    unicode: re.Pattern[str]
    ascii: re.Pattern[str]

    @classmethod
    def of(cls, pattern: re.Pattern[str] | str, flags: int = 0) -> Twin:
        if isinstance(pattern, str):
            pattern = re.compile(pattern, flags)
        source = pattern.pattern
        escapes = ("\\u", "\\U", "\\x", "\\N")
        if any(c in source for c in CASE_TRAPS) or any(e in source for e in escapes):
            return cls(pattern, pattern)
        return cls(pattern, re.compile(source, (pattern.flags & ~re.UNICODE) | re.ASCII))

    def pick(self, text: str) -> re.Pattern[str]:
        """The pattern to run on `text`."""
        return self.ascii if plain(text) else self.unicode

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.pick(text).search(text, pos)


_DIGIT = Twin.of(r"\d")
_DIGIT_NUMBER_TWIN = Twin.of(_DIGIT_NUMBER)
# (mask, hint, back) for each mask of _MASKS, in order. Where a mask's matches can begin:
# each match holds a match of the hint at most `back` characters after its start, so a text
# without the hint has no match, and the scan can begin `back` characters before the hint's
# first match (skipping the text before it in one fast C scan: every hint starts with a
# digit, "+" or a letter). A mask without a hint scans in full.
_MASK_SCANS: tuple[tuple[Twin, Twin | None, int], ...] = tuple(zip(map(Twin.of, _MASKS), (
    Twin.of(r"\d-\d"),  # "2021-02-23": 4 digits, then "-"
    Twin.of(r"\d:\d"),  # "11:30": 1-2 digits, then ":"
    # "11 a.m.", "9.30pm": the last digit of "11" or "9.30" (at most the 5th character) is
    # followed by optional whitespace and the a.m./p.m. letters
    Twin.of(r"\d\s*[ap]\.?m", re.IGNORECASE),
    Twin.of(r"\d\s+(?:GMT|UTC|EDT|EST|BST|CET|ET)\b"),  # "1200 GMT"
    Twin(MONTH_ABBR, MONTH_ABBR),  # starts with a month name, which starts with its abbreviation
    _DIGIT,  # starts with a digit
    Twin.of(r"[\d+]"),  # starts with a digit or "+"
    None,  # "five-year": a word of any length first
    Twin.of(r"24/7"),
    Twin.of(r"op\s+\d"),  # "Top 10", "the top 10": "op" is the 2nd or 6th character
), (3, 1, 4, 3, 0, 0, 0, 0, 0, 5)))
# The masks whose hint starts with a digit: its first match is at or after the text's first
# digit, so the hint's search can begin there.
_DIGIT_HINTS = frozenset((0, 1, 2, 3, 5, 8))
DEFAULT_NAME_PREFIXES = ("Industry", "Web", "Version", "Article", "Section", "Row", "Chapter",
                         "Phase", "Room", "No.", "Windows", "Level", "Class", "Grade", "Route",
                         "Highway", "Flight", "Gate", "Track", "Stage", "Round", "Page", "Vol.")
_PRONOUN_ONE_BEFORE = re.compile(
    r"\b(?:the|this|that|no|any|each|every|which|a|only|same)\s+$", re.IGNORECASE)
# "one" before these words is a pronoun, or a determiner naming who spoke ("one official said").
_PRONOUN_ONE_AFTER = re.compile(
    r"^\s+(?:of|another|hand|day|point|stage|time|by\s+one|after|across|(?:researcher|official|expert|analyst|"
    r"economist|executive|source|insider|observer)\s+(?:said|says|told|added|noted))\b",
    re.IGNORECASE)
_QUALIFIED_BEFORE = re.compile(r"(?:than|over|about|nearly|some|around|least|exceeded|almost)\s+$",
                               re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|until|till|between|and|before|after|"
                          r"A\.D\.|AD|year)\s+$", re.IGNORECASE)
# The qualifiers that are also time prepositions ("Over 2020, ...", "around 2020,") and what
# ends such a time phrase: a clause mark or a month or quarter ("around 2020 Q3"). Not the
# sentence's end, nor "about": "the town has about 2000." is a count.
_TIME_QUALIFIER_BEFORE = re.compile(r"(?:^|[,;:]\s*)(?:over|around)\s+$", re.IGNORECASE)
_TIME_AFTER = re.compile(rf"\s*[,;:)]|\s+(?:{_MONTHS}|Q[1-4]|H[12])\b")
# a plural noun after a 4-digit number makes it a count ("2020 firms"), not a year; not "is",
# "was", "its"... (words ending in s that are no plural: "fiscal 2024 is forecast") nor the
# nouns a year qualifies ("relative to 2005 levels", "in 2015 prices", "in 2010 terms", "its
# 2009 results", "published 2021 figures", "the 2024 elections")
_PLURAL_AFTER = re.compile(r"^\s+(?!(?:is|was|has|as|its|this|thus|plus|us|levels|prices|terms|results|figures|"
                           r"statistics|accounts|earnings|elections|estimates|forecasts|targets|rankings|"
                           r"standings|financials|returns)\b)"
                           r"[a-z]+(?<!ss)(?<!us)(?<!is)s\b")
# A number right after a capitalised name and not followed by a noun it counts is part of
# the name: "iPhone 11 Pro", "S&P 500 rose", "Game 6 after", "Stoxx 600 index".
_NAME_BEFORE = re.compile(r"(?:^|[^\w.,;:(])([A-Za-z&]*[A-Z][A-Za-z&]*)\s$")
_NOT_NAME_WORDS = frozenset("About Nearly Over Some Around Almost Only Just Than Top Page US UK EU "
                            "I A The In On At By For To Of And Or But With From Up Down".split())
_COUNTED_AFTER = re.compile(r"^(?:\s*[-–]\s*|\s+)(?:[a-z]+s\b|[a-z]+-)")
_JOIN = re.compile(r"^\s*(?:-|–|to|and)\s*$", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\bby\s+$")
_CHANGED_BY = re.compile(r"\b(?:rose|grew|climbed|jumped|surged|soared|gained|fell|dropped|declined|slid|"
                         r"was up|were up|was down|were down)\s+$")
# A verb of change right before "from X": "grew from 10 to 15" states two levels, not a range
# ("ranged from 10 to 15", "connected from 40 to 60 million sets" are ranges).
_CHANGE_FROM = re.compile(
    r"\b(?:rose|risen|rise|rises|rising|grew|grown|grow|grows|growing|increased|increase|increases|"
    r"increasing|climbed|jumped|surged|soared|expanded|went|gone|fell|fallen|fall|falls|falling|"
    r"dropped|declined|decreased|slid|shrank|shrunk|up|down)\s+from\s+$", re.IGNORECASE)
_DATE_WORD_BEFORE = re.compile(r"\b(?:on|in|by|since|until|from)\s+$", re.IGNORECASE)
_FOUR_DIGITS = re.compile(r"\d{4}")
_UP_TO_FOUR_DIGITS = re.compile(r"\d{1,4}")
_ZEROS = re.compile(r"00+")  # the "000" split off "12  000" or "1,000 000": no figure
_SPACES = re.compile(r"\s+")
_ARTICLE = re.compile(r"an?\s", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)

# Cheap prefilters: each regex below only runs when a text holds what every one of its
# matches needs (a digit, a "+", a capitalised month...), so skipping it changes nothing.


@lru_cache(maxsize=8)
def first_digit(text: str) -> int:
    """Index of the first digit (what re's \\d matches) in `text`, or -1. Cached: the time
    expression and number finders of a sentence both ask."""
    m = _DIGIT.search(text)
    return -1 if m is None else m.start()


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """`text.lower()`, cached: the prefilters of a sentence's stages all look at it."""
    return text.lower()


def has_case_trap(text: str) -> bool:
    return any(c in text for c in CASE_TRAPS) if not text.isascii() else False


def _has_month(text: str) -> bool:
    return MONTH_ABBR.search(text) is not None


@dataclass(frozen=True)
class NumberMatch:
    """A number stated in a text: [start, end) offsets into that text and its parsed value."""

    start: int
    end: int
    text: str
    value: float
    high: float | None
    kind: str  # "number", "percent", "currency", "measure"
    unit: str | None
    step: float
    is_word: bool
    scale: float = 1.0  # the scale word or suffix multiplied in ("4.09 million" -> 1e6)


_GROUP_MARKS = str.maketrans("", "", "," + _GROUP_SPACES)


def parse_digits(text: str) -> float:
    """Value of "1,000", "12 000", "4.09", "100000", ".5"."""
    return float(text.translate(_GROUP_MARKS))


def rounding_step(value: float, decimals: int = 0, scale: float = 1.0, refine: bool = True) -> float:
    """Value of the last significant digit of a stated number (see module docstring)."""
    if decimals > 0:
        return 10.0 ** -decimals * scale
    integer = int(round(abs(value / scale))) if scale else int(abs(value))
    if integer == 0:
        return 1.0 * scale
    trailing = len(str(integer)) - len(str(integer).rstrip("0"))
    step = 10.0 ** trailing * scale
    significant = len(str(integer).strip("0")) or 1
    if refine and significant == 1 and abs(value) >= 100 and step >= 10:
        step /= 10
    return step


@lru_cache(maxsize=16)
def _name_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"\b(?:{names})\s+\d+(?:\.\d+)*\b")


@lru_cache(maxsize=16)
def _name_start(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """`_name_pattern(prefixes)` without its word boundaries and decimals: one of `prefixes`
    (case-sensitive), whitespace and a digit. Every match of `_name_pattern(prefixes)`
    starts where this pattern matches (same flags, so the same \\s and \\d), and most texts
    hold no match at all: one fast scan for its first letters, where the prefixes alone
    ("Industry" of "Industrial") are everywhere."""
    names = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"(?:{names})\s+\d")


def match_at_anchors(pattern: re.Pattern[str], anchor: re.Pattern[str],
                     text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, for a pattern that matches the empty string nowhere and
    whose every match starts where a match of `anchor` starts.

    The next match after `pos` starts at some s >= pos where the anchor matches; trying every
    anchor start a >= pos in order (anchor matches may overlap: the next search starts at
    a + 1), `pattern.match` fails at each a < s (a match there would come before s) and finds
    finditer's match at s. Each try is one anchored match instead of the pattern's scan over
    every position to the text's end.
    """
    pos = 0
    while (a := anchor.search(text, pos)) is not None:
        m = pattern.match(text, a.start())
        if m is None:
            pos = a.start() + 1
        else:
            yield m
            pos = m.end()


def _active_masks(text: str, digit: bool) -> list[int]:
    """The masks (indices in _MASKS) that can match `text` (each needs what its check here
    tests)."""
    (iso, clock, ampm, zone, month_day, day_month, plus, duration, round_the_clock,
     rank) = range(len(_MASKS))
    active = []
    low = lowered(text)
    trap = has_case_trap(text)
    if digit:
        if "-" in text:
            active.append(iso)
        if ":" in text:
            active.append(clock)
        if "am" in low or "pm" in low or "a.m." in low or "p.m." in low:
            active.append(ampm)
        if "T" in text:
            active.append(zone)
        if _has_month(text):
            active += (month_day, day_month)
        if "+" in text:
            active.append(plus)
    if "-" in text and (trap or "-year" in low or "-month" in low or "-week" in low or "-day" in low):
        active.append(duration)
    if digit and "/" in text:
        active.append(round_the_clock)
    if digit and "op" in text:
        active.append(rank)
    return active


def _masked(text: str, prefixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of every mask's matches (in mask order) and then of the names after
    `prefixes` ("Industry 4.0"): what is no figure."""
    digit = first_digit(text)
    spans = []
    for i in _active_masks(text, digit >= 0):
        mask, hint, back = _MASK_SCANS[i]
        start = 0
        if hint is not None:
            found = hint.search(text, digit if i in _DIGIT_HINTS else 0)
            if found is None:
                continue
            start = max(0, found.start() - back)
        spans += [m.span() for m in mask.pick(text).finditer(text, start)]
    if prefixes and digit >= 0:
        names = match_at_anchors(_name_pattern(prefixes), _name_start(prefixes), text)
        spans += [m.span() for m in names]
    return spans


def _is_year(text: str, match: re.Match[str]) -> bool:
    raw = match.group("num")
    if not _FOUR_DIGITS.fullmatch(raw) or not 1000 <= int(raw) <= 2199:
        return False
    if match.group("cur") or match.group("scale") or match.group("pct") or match.group("suffix"):
        return False
    before = text[max(0, match.start() - 20):match.start()]
    if _PLURAL_AFTER.match(text[match.end():match.end() + 30]):
        return False
    if _QUALIFIED_BEFORE.search(before):  # "more than 2020 firms", but "Over 2020, ..."
        return 1900 <= int(raw) <= 2100 and bool(_TIME_QUALIFIER_BEFORE.search(before)) \
            and bool(_TIME_AFTER.match(text, match.end()))
    return 1800 <= int(raw) <= 2100 or bool(_YEAR_BEFORE.search(before))


def _is_name(text: str, m: re.Match[str]) -> bool:
    """A bare integer that belongs to the capitalised name before it ("iPhone 11")."""
    if m.group("cur") or m.group("sign") or m.group("scale") or m.group("suffix") or m.group("pct"):
        return False
    if not _UP_TO_FOUR_DIGITS.fullmatch(m.group("num")):
        return False
    before = _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if not before or before.group(1) in _NOT_NAME_WORDS or before.start(1) == 0:
        return False
    return not _COUNTED_AFTER.match(text, m.end())


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _digit_match(text: str, m: re.Match[str]) -> NumberMatch | None:
    """The figure of a digit-number match, or None when its value is beyond
    :data:`MAX_MAGNITUDE` (a 400-digit run, "9...9 billion": no quantity, and no float the
    interval arithmetic could hold)."""
    raw = m.group("num")
    scale = math.prod(SCALES.get(w, _SCALE_ABBR.get(w, 1.0))
                      for w in (m.group("scale") or "").lower().split())
    sign = -1.0 if m.group("sign") and m.group("sign")[0] in "-−mM" else 1.0
    value = sign * parse_digits(raw) * scale
    if not abs(value) <= MAX_MAGNITUDE:  # also catches inf (and NaN)
        return None
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    kind, unit = "number", None
    suffix = m.group("suffix")
    if m.group("pct") or suffix == "pc":
        kind, unit = "percent", "%"
    elif m.group("cur"):
        kind, unit = "currency", _SPACES.sub("", m.group("cur"))
    elif suffix:
        kind, unit = "measure", suffix
    start = m.start()
    while text[start].isspace():
        start += 1
    return NumberMatch(start, m.end(), text[start:m.end()], value, None, kind, unit,
                       rounding_step(value, decimals, scale, refine=False), False, scale)


# bytes.translate table of UTF-8 text for `vocabulary_words`: ASCII word characters kept
# (letters lower-cased), every other byte (ASCII punctuation and space, any byte of a
# non-ASCII character) a space.
_ASCII_WORD_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if c < 128 and (chr(c).isalnum() or c == 95)
                          else 32 for c in range(256))


def _as_bytes(words: frozenset[str]) -> frozenset[bytes]:
    return frozenset(w.encode() for w in words)


_WORD_NUMBER_TWIN = Twin.of(WORD_NUMBER)
_VAGUE_PLURAL_TWIN, _FRACTION_TWIN, _FOLD_TWIN = map(Twin.of, (VAGUE_PLURAL, FRACTION, FOLD))
_NUMBER_WORD_BYTES = _as_bytes(NUMBER_WORDS)
_FRACTION_WORD_BYTES = _as_bytes(FRACTION_WORDS)
_VAGUE_SCALE_WORD_BYTES = _as_bytes(VAGUE_SCALE_WORDS)
MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# The words whole-word time patterns of timeexpr need: "Over 2020, ...", "a 2019 survey".
TIME_WORDS = frozenset(
    "over survey surveys census censuses report reports study studies poll polls yearbook yearbooks "
    "bulletin bulletins".split())
# Every word `vocabulary_words` reports: what the word prefilters here and in timeexpr test.
VOCABULARY = _NUMBER_WORD_BYTES | _FRACTION_WORD_BYTES | _VAGUE_SCALE_WORD_BYTES | {b"of"} \
    | _as_bytes(MONTH_WORDS) | _as_bytes(TIME_WORDS)


@lru_cache(maxsize=8)
def vocabulary_words(text: str) -> frozenset[bytes] | None:
    """The words of VOCABULARY (lower-cased, as bytes) that are words of `text` (maximal runs
    of word characters, compared case-insensitively), plus possibly some that are only ASCII
    pieces of a word with non-ASCII letters ("one" of "éone"); None when `text` holds a case
    trap.

    Used to skip patterns whose matches need a vocabulary word: without a case trap,
    re.IGNORECASE equates an ASCII letter only with its other case, so such a word is in the
    set; the extra pieces only make a pattern run for nothing. Working on UTF-8 bytes is
    several times faster than a regex over the text. Cached: a sentence's words are looked at
    by several stages.
    """
    if has_case_trap(text):
        return None
    words = text.encode("utf-8", "surrogatepass").translate(_ASCII_WORD_BYTES).split()
    return VOCABULARY.intersection(words)


def _word_patterns(text: str) -> tuple[bool, bool, bool, bool]:
    """Whether VAGUE_PLURAL, FRACTION, FOLD and WORD_NUMBER can match `text` at all.

    Each of them only matches around a whole word (a maximal run of word characters) from
    its vocabulary ("thousands", "third", "...fold", "twenty"), compared case-insensitively
    (see `vocabulary_words`).
    """
    tokens = vocabulary_words(text)
    if tokens is None:
        return True, True, True, True
    return (not tokens.isdisjoint(_VAGUE_SCALE_WORD_BYTES) and b"of" in tokens,
            not tokens.isdisjoint(_FRACTION_WORD_BYTES),
            "fold" in lowered(text),
            not tokens.isdisjoint(_NUMBER_WORD_BYTES))


def _word_number_matches(text: str) -> Iterator[re.Match[str]]:
    """`WORD_NUMBER.finditer(text)`, scanning only from where a match can begin.

    The first number word of a match is a whole word of the text (the pattern puts a word
    boundary, whitespace or "-" on both sides of it), at most an article ("a", "an") and a
    run of whitespace after the match's start. Any match starting at or after `pos` thus
    holds a word of NUMBER_WORDS (so in `vocabulary_words`) at some t >= pos, so
    `low.find(word, pos)` <= t for that word, and the search can begin at the earliest such
    find, less the whitespace and two letters before it: nothing the scan skips can start a
    match. (A vocabulary word of 3+ letters found in between cannot sit inside the article
    and its whitespace.)
    """
    tokens = vocabulary_words(text)
    low = lowered(text)
    pattern = _WORD_NUMBER_TWIN.pick(text)
    if tokens is None or len(low) != len(text):  # positions in `low` are not positions in `text`
        yield from pattern.finditer(text)
        return
    words = tuple(w.decode() for w in tokens & _NUMBER_WORD_BYTES)
    pos = 0
    while True:
        first = min((i for i in (low.find(w, pos) for w in words) if i >= 0), default=-1)
        if first < 0:
            return
        start = first
        while start > 0 and text[start - 1].isspace():
            start -= 1
        m = pattern.search(text, max(pos, start - 2))
        if m is None:
            return
        yield m
        pos = m.end()  # WORD_NUMBER never matches the empty string


def _word_matches(text: str, taken: list[tuple[int, int]]) -> list[NumberMatch]:
    found: list[NumberMatch] = []
    vague, fraction, fold, words = _word_patterns(text)
    if not (vague or fraction or fold or words):
        return found

    def free(start: int, end: int) -> bool:
        return not _overlaps(taken + [(f.start, f.end) for f in found], start, end)

    for m in (_VAGUE_PLURAL_TWIN.pick(text).finditer(text) if vague else ()):
        vague_range = vague_plural_range(m)
        if vague_range is not None and free(*m.span()):
            low, high = vague_range
            found.append(NumberMatch(m.start(), m.end(), m.group(0), low, high, "number", None,
                                     rounding_step(low, refine=False), True))
    folded = lowered(text)
    if words and any(w in folded for w in VAGUE_SCALED_WORDS) and _SCALE_WORD.search(text):
        for m in VAGUE_SCALED.finditer(text):
            scaled = vague_scaled_range(m)
            if scaled is not None and free(*m.span()):
                low, high = scaled
                found.append(NumberMatch(m.start(), m.end(), m.group(0), low, high if high > low else None,
                                         "number", None, rounding_step(low, refine=False), True,
                                         SCALES.get(m.group("scale").lower().split()[-1], 1.0)))
    for m in (_FRACTION_TWIN.pick(text).finditer(text) if fraction else ()):
        value = fraction_value(text, m)
        end = m.end("den")
        if value is not None and free(m.start(), end):
            found.append(NumberMatch(m.start(), end, text[m.start():end], value, None, "number",
                                     None, value, True))
    for m in (_FOLD_TWIN.pick(text).finditer(text) if fold else ()):
        value = fold_value(m)
        if value is not None and free(*m.span()):
            found.append(NumberMatch(m.start(), m.end(), m.group(0), value, None, "number", None,
                                     rounding_step(value, refine=False), True))
    for m in (_word_number_matches(text) if words else ()):
        start, phrase = m.start(), m.group(0)
        value = parse_word_number(phrase)
        if value is None and _ARTICLE.match(phrase) \
                and not text.startswith("-", m.end()):  # "a five per cent rise"
            start += len(phrase) - len(phrase.split(None, 1)[1])
            phrase = text[start:m.end()]
            value = parse_word_number(phrase)
        parts: list[tuple[int, int, float | None]] = [(start, m.end(), value)]
        idiom = _ONE_POINT.match(text, start, m.end())
        if idiom is not None and _AT_BEFORE.search(text, max(0, start - 4), start):
            # "at one point three people were inside": the idiom, then a count
            parts = [(idiom.end(), m.end(), parse_word_number(text[idiom.end():m.end()]))]
        elif value is None:
            prefix = word_number_prefix(phrase)  # "seven twelve-hour shifts": seven
            if prefix is not None:
                parts = [(start, start + prefix[0], prefix[1])]
                # "three and four million": two numbers joined by "and" (a range, see _merge_ranges)
                rest = _AND_NEXT.match(text, start + prefix[0], m.end())
                if rest is not None and (second := parse_word_number(rest.group(1))) is not None:
                    parts.append((rest.start(1), m.end(), second))
        for start, end, value in parts:
            if value is None or not free(start, end):
                continue
            phrase = text[start:end]
            if phrase.lower() == "one" and (
                    _PRONOUN_ONE_BEFORE.search(text[max(0, start - 12):start])
                    or _PRONOUN_ONE_AFTER.match(text[end:end + 20])):
                continue
            pct = _PERCENT_AFTER.match(text, end)
            end = pct.end() if pct else end
            last = phrase.lower().replace("-", " ").split()[-1]
            found.append(NumberMatch(start, end, text[start:end], value, None,
                                     "percent" if pct else "number", "%" if pct else None,
                                     rounding_step(value, refine=False), True, SCALES.get(last, 1.0)))
    return found


_PHONE_GROUPS = r"(?:[ -]\d{3,8}){1,3}(?![\w,.]?\d)"
_PHONE_PATTERNS = (
    ("0", re.compile(r"0(?<![\w.,(]0)(?<!\d 0)[1-9]\d{1,3}" + _PHONE_GROUPS)),
    ("+", re.compile(r"\+(?<![\w.,]\+)\d{1,3}[ -]?(?:\(0\))?\d{1,4}" + _PHONE_GROUPS)),
    ("(", re.compile(r"\((?<![\w.,]\()(?:0[1-9]\d{1,3}\)" + _PHONE_GROUPS + r"|\d{3}\) ?\d{3}-\d{4}\b)")),
    ("-", re.compile(r"-\d{3}-\d{4}\b")),
)
"""A telephone number: a group opening with 0 and another digit (a trunk prefix: "0800",
"(020)", "01632") or a country code ("+44 20") and one to three groups of three to eight digits,
or the North American forms "(319) 555-0177" and "319-555-0177": "Call us on 0800 123 456."
holds no figures 800, 123 and 456 (a spaced thousands grouping, "100 000 000", is none). Each
pattern starts with its character (which re scans for fast) and is run only when the text has
it; the look-behinds follow it."""


def _phone_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the telephone numbers in `text` (see _PHONE_PATTERNS)."""
    spans = []
    for lead, pattern in _PHONE_PATTERNS:
        if lead not in text:
            continue
        for m in pattern.finditer(text):
            if lead == "-":  # "319-555-0177": three digits before, not inside a longer run
                start = m.start() - 3
                before = text[start - 1:start] if start > 0 else ""  # an ASCII letter or digit, . , - _
                if start < 0 or not text[start:m.start()].isdigit() or (before.isascii() and (
                        before.isalnum() or before in ".,-_") and before):
                    continue
                spans.append((start, m.end()))
            else:
                spans.append(m.span())
    return spans


_SCALE_WORD = re.compile("|".join(SCALES), re.IGNORECASE)
_ONE_POINT = re.compile(r"one\s+point\s+", re.IGNORECASE)
_AT_BEFORE = re.compile(r"\bat\s+$", re.IGNORECASE)
_AND_NEXT = re.compile(r"\s+and\s+(\S.*)", re.IGNORECASE | re.DOTALL)
"""After the first of two number words joined by "and": the second ("four million")."""


def _merge_ranges(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """Join "252-287", "5% to 10%", "$10 to $15 billion", "between 50 and 70" into ranges.

    Two numbers joined by "-", "to" or ("between" ...) "and" form a range when the second is
    larger and both are the same kind of figure (a bare first number takes the second's kind
    and, when that keeps it below, its scale: "1 to 2 thousand"). "by X to Y" is a change and
    its new level, not a range; a falling "X to Y" stays two figures, and so does "from X to Y"
    right after a verb of change ("grew from 10 to 15": a level and a later one), the first
    taking the second's kind and scale as a range's low end would ("rose from 1.2 to 1.5
    billion yuan": 1.2 billion yuan), or, for a fall, when that leaves it at most ten times the
    second ("fell from 1.5 to 1.2 million": 1.5 million; "fell from 1,500,000 to 1.2 million"
    keeps its 1,500,000); not when the second starts a range or chain of its own
    ("from 24.2 to 33-35 billion", "from $160 to $180 to $200": read as before).
    """
    out: list[NumberMatch] = []
    for i, n in enumerate(found):
        prev = out[-1] if out else None
        if prev is not None and prev.high is None and n.high is None:
            join = text[prev.end:n.start]
            word = join.strip().lower()
            before = text[max(0, prev.start - 12):prev.start].lower()
            ok = bool(_JOIN.match(join)) and (word != "and" or before.rstrip().endswith("between"))
            if ok and word == "to" and (_BY_BEFORE.search(before) or (
                    _CHANGED_BY.search(before) and not prev.kind == n.kind == "percent")):
                # "by 20 to 150", "rose 20 to 150": a change and the level it led to ("rose 5%
                # to 7%" is read as a range of the change, as writers use it)
                ok = False
            low, scale = prev.value, 1.0
            carry = ok and prev.scale == 1.0 and n.scale > 1.0 and prev.kind in ("number", n.kind)
            if carry and low * n.scale <= n.value:
                low, scale = low * n.scale, n.scale
            compatible = prev.kind == n.kind or (prev.kind == "number" and n.kind != "currency")
            if ok and compatible and word == "to" \
                    and _CHANGE_FROM.search(text, max(0, prev.start - 40), prev.start) \
                    and not (i + 1 < len(found) and _JOIN.match(text[n.end:found[i + 1].start])):
                if carry and scale == 1.0 and low * n.scale <= n.value * 10:
                    low, scale = low * n.scale, n.scale  # a fall: "fell from 1.5 to 1.2 million"
                if prev.kind == "number":
                    out[-1] = dataclasses.replace(prev, value=low, kind=n.kind, unit=n.unit,
                                                  step=prev.step * scale, scale=prev.scale * scale)
                out.append(n)
                continue
            if ok and compatible and low < n.value:
                step = min(rounding_step(low, refine=False), n.step)
                out[-1] = NumberMatch(prev.start, n.end, text[prev.start:n.end], low, n.value,
                                      n.kind, n.unit, step, prev.is_word and n.is_word, n.scale)
                continue
        if n.start >= 2 and text[n.start - 1] in "-–" and text[n.start - 2].isdigit():
            continue  # "2-0", "ISO 3888-2", "Sept. 20-24": a score, code or date, not a figure
        out.append(n)
    return out


# "one in five firms", "3 in 10", "one out of four": a share, read as a percentage (20 %)
_RATIO_JOIN = re.compile(r"^\s+(?:in|out\s+of)\s+$", re.IGNORECASE)
_RATIO_TRAIL = re.compile(r"\s*(?:%|per|percent|[.,]\d)", re.IGNORECASE)
# the denominator of a rate: "6.39 per 1,000 people", "415 robots per 10,000 employees"
_PER_BEFORE = re.compile(r"\bper\s+$", re.IGNORECASE)


def _merge_ratios(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """Join "one in five", "3 in 10", "one out of four" into one share, a percentage
    (20 %, 30 %, 25 %): two bare whole numbers, the first smaller, the second at most 1,000,
    a power of ten or below 13 (no "3 in 2023", no "5 in 40 cities": a count in a place).
    A qualifier before the first applies to the share ("fewer than one in ten": [0, 10) %)."""
    out: list[NumberMatch] = []
    for n in found:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "number" and n.kind == "number" and prev.high is None \
                and n.high is None and prev.scale == 1.0 and n.scale == 1.0 \
                and prev.value == int(prev.value) and n.value == int(n.value) \
                and 1 <= prev.value < n.value and (n.value <= 12 or n.value in (100, 1000)) \
                and _RATIO_JOIN.match(text[prev.end:n.start]) and not _RATIO_TRAIL.match(text, n.end):
            share = 100.0 * prev.value / n.value
            out[-1] = NumberMatch(prev.start, n.end, text[prev.start:n.end], share, None, "percent", "%",
                                  rounding_step(share, 1, refine=False), prev.is_word and n.is_word)
            continue
        out.append(n)
    return out


def _denominator(text: str, n: NumberMatch) -> bool:
    """A bare power of ten right after "per" is a rate's denominator ("per 1,000 people"),
    no figure of its own."""
    return n.kind == "number" and n.high is None and n.value in (10, 100, 1000, 10000, 100000, 1e6) \
        and bool(_PER_BEFORE.search(text, max(0, n.start - 8), n.start))


_HUNDRED_MILLION = re.compile(r"(?:100|one hundred|a hundred) million", re.IGNORECASE)
_TEN_THOUSAND = re.compile(r"10,?000|ten thousand|10 thousand", re.IGNORECASE)
_MONEY_AFTER = re.compile(r"\s+(?:yuan|rmb|renminbi)\b", re.IGNORECASE)


def _merge_counted_scales(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """A number in digits followed by "100 million" is that many hundred millions, as English
    translated from Chinese writes 亿 ("12,600 100 million yuan" is 1.26 trillion yuan, not
    12,600 and 100 million); "10,000 yuan" after one is 万元 ("4,500 10,000 yuan" is 45
    million yuan: only before a yuan word, since "500 10,000-strong crowds" is no such scale)."""
    out: list[NumberMatch] = []
    for n in found:
        prev = out[-1] if out else None
        joined = (prev is not None and not prev.is_word and prev.scale == 1 and prev.kind == "number"
                  and text[prev.end:n.start] == " " and n.high is None)
        scale = (1e8 if _HUNDRED_MILLION.fullmatch(n.text) else
                 1e4 if _TEN_THOUSAND.fullmatch(n.text) and _MONEY_AFTER.match(text, n.end) else None) if joined else None
        if prev is not None and scale is not None:
            out[-1] = NumberMatch(prev.start, n.end, text[prev.start:n.end], prev.value * scale,
                                  None if prev.high is None else prev.high * scale, "number", None,
                                  prev.step * scale, False, scale)
            continue
        out.append(n)
    return out


def _finish(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    merged = _merge_ranges(text, sorted(found, key=lambda n: n.start))
    if len(merged) >= 2 and ("illion" in text or "thousand" in text or "0000" in text or "0,000" in text):
        merged = _merge_counted_scales(text, merged)
    if len(merged) < 2 and "per" not in text:
        return merged
    return [n for n in _merge_ratios(text, merged) if not _denominator(text, n)]


def _digit_number_matches(text: str, digit: int) -> Iterator[re.Match[str]]:
    """`_DIGIT_NUMBER.finditer(text)`, scanning only near digits (`digit`: the first one).

    A match starts at most 11 characters before its first digit ("US $minus .5": a currency of
    at most 4 characters, "minus " and "."), so a match starting at or after `pos` starts at
    or after d - 11, d being the first digit at or after `pos`: the search for the next match
    can begin there, and stops when no digit is left.
    """
    pattern, digits = _DIGIT_NUMBER_TWIN.pick(text), _DIGIT.pick(text)
    pos = 0
    while True:
        m = pattern.search(text, max(pos, digit - 11))
        if m is None:
            return
        yield m
        pos = m.end()  # _DIGIT_NUMBER never matches the empty string
        nxt = digits.search(text, pos)
        if nxt is None:
            return
        digit = nxt.start()


_MAX_EXPONENT = 300  # "1.5 x 10^2023" is no figure a float (or a reader) can hold
MAX_MAGNITUDE = 10.0 ** _MAX_EXPONENT
"""The largest figure taken as one: beyond it a stated number is no quantity (a scraped digit
run), and intervals around it would overflow to infinity."""


CITATION_NUMBERS = r"\d{1,3}(?:,\s+\d{1,3}|,\d{1,2}(?!\d)|\s*[–-]\s*\d{1,3})*"
"""What a citation mark's brackets hold: "3", "2, 4", "3–5"; not a thousands grouping ("2,000")."""
_CITATION_MARK = re.compile(rf"(?<=[^\s\[(])\[{CITATION_NUMBERS}\]")
"""A citation or footnote mark glued to the word or stop before it, "2025.[3]", "text[2, 4]",
"[3–5]": no figure. Not a number in brackets after a space ("add [2,000] jobs", "54 [45–62]
years"), and not a thousands grouping ("[2,000]")."""


def find_numbers(text: str, name_prefixes: tuple[str, ...] = DEFAULT_NAME_PREFIXES,
                 masked: list[tuple[int, int]] | None = None) -> list[NumberMatch]:
    """Every figure-like number in `text`, in order, skipping years, dates, ordinals and names."""
    digit = first_digit(text)
    if digit < 0 and not any(_word_patterns(text)):
        return []  # no digit and no number word: nothing to find, and no masks to find
    skip = _masked(text, name_prefixes) + list(masked or [])
    if "[" in text and digit >= 0:
        skip += [m.span() for m in _CITATION_MARK.finditer(text)]
    if digit >= 0:
        skip += _phone_spans(text)
    found: list[NumberMatch] = []
    if digit < 0:  # every digit pattern needs a digit: only number words can be here
        found += _word_matches(text, skip)
        return _finish(text, found)
    for m in (_FRACTION_DIGITS.finditer(text) if "/" in text or "⁄" in text else ()):
        if max(len(m.group("a")), len(m.group("b"))) > _MAX_EXPONENT:
            skip.append(m.span())  # digit runs, no fraction (and too long for int() to read)
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < a < b and not _overlaps(skip, *m.span()) and not _DATE_WORD_BEFORE.search(
                text[max(0, m.start() - 8):m.start()]):
            found.append(NumberMatch(m.start(), m.end(), m.group(0), a / b, None, "number", None,
                                     rounding_step(a / b, 3, refine=False), False))
    scientific = _SCIENTIFIC.finditer(text) if "10" in text and ("x" in text or "×" in text) else ()
    powers = _POWER.finditer(text) if "10^" in text else ()
    for m in (*scientific, *powers):
        exponent = int(m.group("e").replace("−", "-"))
        if abs(exponent) > _MAX_EXPONENT:
            skip.append(m.span())  # neither the whole nor its pieces are a figure
        elif not _overlaps(skip, *m.span()) and not any(f.start < m.end() and m.start() < f.end for f in found):
            value = float(m.groupdict().get("a") or 1) * 10.0 ** exponent
            found.append(NumberMatch(m.start(), m.end(), m.group(0), value, None, "number", None,
                                     abs(value) * 1e-3, False))
    for m in _digit_number_matches(text, digit):
        if _overlaps(skip, m.start("num"), m.end("num")) or _is_year(text, m) or _is_name(text, m) \
                or _ZEROS.fullmatch(m.group("num")):
            continue
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        match = _digit_match(text, m)
        if match is None:
            skip.append(m.span())  # too large for a figure: not its pieces either
            continue
        found.append(match)
    found += _word_matches(text, skip + [(f.start, f.end) for f in found])
    return _finish(text, found)


def is_round(value: float) -> bool:
    return math.isclose(value, round(value))
