"""Find the numbers a sentence states as figures, and parse them.

Finds digits with separators and decimals ("100000", "1,000", "4.09 million"), number words
("Fifteen", "five", "twenty-one", "a hundred"), percentages and currency. Leaves out what is
not a figure: years and dates ("In 2023", "Oct. 31", "2021-02-23"), ordinals ("14th",
"second"), names ("5G", "Industry 4.0", "5+2", "1+N", "D201138L"), and number words used as
pronouns ("on the one hand", "one of the").

The rounding step of a number is the value of its last significant digit ("70" -> 10,
"4.09 million" -> 10,000); a number with one significant digit and three or more digits gets
a step one order lower ("1,000" -> 100), since writers round those to the leading digit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBR = {"k": 1e3, "mln": 1e6, "mn": 1e6, "m": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9, "tn": 1e12}
_WORD = "|".join(sorted([*_SMALL, *_TENS, *_SCALES, "dozen"], key=len, reverse=True))
_WORD_NUMBER = re.compile(
    rf"\b(?:an?\s+)?(?:{_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*\b", re.IGNORECASE)
_CURRENCY = r"(?:US\$|HK\$|\$|€|£|¥|RMB ?|USD ?|CNY ?|EUR ?)"
_DIGIT_NUMBER = re.compile(
    rf"(?:(?P<cur>{_CURRENCY})|(?<![\w.,/$€£¥]))(?<![A-Za-z]-)"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w]|[.,]\d)"
    r"(?P<scale>\s*(?:thousand|million|billion|trillion)\b|(?<=\d)(?:mln|bln|bn|mn|tn)\b)?"
    r"(?P<range>\s*(?:-|–|to)\s*\$?(?P<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w]|[.,]\d)"
    r"(?P<scale2>\s*(?:thousand|million|billion|trillion)\b)?)?"
    r"(?P<pct>\s*(?:%|per\s?cent\b|percent\b))?", re.IGNORECASE)
_MASKS = (
    re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b"),
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b"),
    re.compile(rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\b"),
    re.compile(r"\b\d+\s*\+\s*(?:\d+|[A-Z])\b|\+\s*\d+\b"),
    re.compile(r"\b\w+-(?:year|month|week|day)s?(?=\s+(?!old\b)[A-Za-z])", re.IGNORECASE),
)
DEFAULT_NAME_PREFIXES = ("Industry", "Web", "Version", "Article", "Section", "Row", "Chapter",
                         "Phase", "Room", "No.", "Windows", "Level", "Class", "Grade", "Route",
                         "Highway", "Flight", "Gate", "Track", "Stage", "Round", "Page", "Vol.")
_PRONOUN_ONE_BEFORE = re.compile(
    r"\b(?:the|this|that|no|any|each|every|which|a|only)\s+$", re.IGNORECASE)
_PRONOUN_ONE_AFTER = re.compile(r"^\s+(?:of|another|hand|day|by\s+one|after)\b", re.IGNORECASE)
_QUALIFIED_BEFORE = re.compile(r"(?:than|over|about|nearly|some|around|least|exceeded|almost)\s+$",
                               re.IGNORECASE)
_PLURAL_AFTER = re.compile(r"^\s+[a-z]+(?<!ss)(?<!us)(?<!is)s\b")


@dataclass(frozen=True)
class NumberMatch:
    """A number stated in a text: [start, end) offsets into that text and its parsed value."""

    start: int
    end: int
    text: str
    value: float
    high: float | None
    kind: str  # "number", "percent", "currency"
    unit: str | None
    step: float
    is_word: bool


def parse_word_number(text: str) -> float | None:
    """Value of an English number phrase ("twenty-one", "a hundred", "two million"), else None."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):
        if len(words) == 1 or words[1] not in (*_SCALES, "dozen"):
            return None
        words[0] = "one"
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_digits(text: str) -> float:
    """Value of "1,000", "4.09", "100000"."""
    return float(text.replace(",", ""))


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


def _masked(text: str, prefixes: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = [m.span() for pattern in _MASKS for m in pattern.finditer(text)]
    if prefixes:
        names = "|".join(re.escape(p) for p in prefixes)
        spans += [m.span() for m in re.finditer(rf"\b(?:{names})\s+\d+(?:\.\d+)*\b", text)]
    return spans


def _is_year(text: str, match: re.Match[str]) -> bool:
    raw = match.group("num")
    if not re.fullmatch(r"\d{4}", raw) or not 1800 <= int(raw) <= 2100:
        return False
    if match.group("cur") or match.group("scale") or match.group("pct"):
        return False
    if _QUALIFIED_BEFORE.search(text[max(0, match.start() - 20):match.start()]):
        return False
    return not _PLURAL_AFTER.match(text[match.end():match.end() + 30])


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _digit_match(text: str, m: re.Match[str]) -> NumberMatch:
    raw = m.group("num")
    scale_word = (m.group("scale") or "").strip().lower()
    scale = _SCALES.get(scale_word, _SCALE_ABBR.get(scale_word, 1.0))
    value = parse_digits(raw) * scale
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    high = None
    if m.group("num2"):
        scale2 = _SCALES.get((m.group("scale2") or "").strip().lower(), scale)
        high = parse_digits(m.group("num2")) * scale2
        if high <= value:
            high = None
    kind, unit = "number", None
    if m.group("pct"):
        kind, unit = "percent", "%"
    elif m.group("cur"):
        kind, unit = "currency", m.group("cur").strip()
    start = m.start("cur") if m.group("cur") else m.start("num")
    end = m.end() if high is not None or m.group("pct") else (m.end("scale") if m.group("scale") else m.end("num"))
    return NumberMatch(start, end, text[start:end], value, high, kind, unit,
                       rounding_step(value, decimals, scale), False)


def find_numbers(text: str, name_prefixes: tuple[str, ...] = DEFAULT_NAME_PREFIXES,
                 masked: list[tuple[int, int]] | None = None) -> list[NumberMatch]:
    """Every figure-like number in `text`, in order, skipping years, dates, ordinals and names."""
    skip = _masked(text, name_prefixes) + list(masked or [])
    found: list[NumberMatch] = []
    for m in _DIGIT_NUMBER.finditer(text):
        if _overlaps(skip, m.start("num"), m.end("num")) or _is_year(text, m):
            continue
        found.append(_digit_match(text, m))
    for m in _WORD_NUMBER.finditer(text):
        if _overlaps(skip, *m.span()) or any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        value = parse_word_number(m.group(0))
        if value is None:
            continue
        if m.group(0).lower() == "one" and (
                _PRONOUN_ONE_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                or _PRONOUN_ONE_AFTER.match(text[m.end():m.end() + 20])):
            continue
        pct = re.match(r"\s*(?:%|per\s?cent\b|percent\b)", text[m.end():], re.IGNORECASE)
        end = m.end() + (pct.end() if pct else 0)
        found.append(NumberMatch(m.start(), end, text[m.start():end], value, None,
                                 "percent" if pct else "number", "%" if pct else None,
                                 rounding_step(value), True))
    return sorted(found, key=lambda n: n.start)


def is_round(value: float) -> bool:
    return math.isclose(value, round(value))
