"""Find the numbers a sentence states as figures, and parse them.

Finds digits with separators and decimals ("100000", "1,000", "4.09 million", ".5", "-1.3%"),
attached scale and unit suffixes ("$4.2b", "35m", "256GB", "50mph"), number words
("Fifteen", "twenty-one", "a hundred"), fractions ("a third of", "1/2"), "-fold" multiples,
vague plurals ("thousands of" -> [1,000, 10,000]), percentages and currency, and ranges
("252-287", "5% to 10%", "between $62 and $68", "$10 to $15 billion").
Leaves out what is not a figure: years and dates ("In 2023", "Oct. 31", "2021-02-23", "by
2120"), clock times ("11 a.m."), ordinals ("14th", "second"), names ("5G", "Industry 4.0",
"5+2", "1+N", "D201138L", "iPhone 11", "S&P 500", "Game 6"), and number words used as
pronouns ("on the one hand", "one of the").

The rounding step of a number is the value of its last significant digit ("70" -> 10,
"4.09 million" -> 10,000); a number with one significant digit and three or more digits gets
a step one order lower ("1,000" -> 100), since writers round those to the leading digit.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from dataclasses import dataclass

from .wordnumbers import (FOLD, FRACTION, FRACTION_WORDS, NUMBER_WORDS, SCALES, VAGUE_PLURAL,
                          VAGUE_SCALE_WORDS, WORD_NUMBER, fold_value, fraction_value,
                          parse_word_number, vague_plural_range)

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
# Units written against the digits ("256GB", "50mph", "1.38pc"); case-sensitive, so "5G" is
# no unit. "m" and "b" are million and billion (news usage), not metre and byte.
_SUFFIX_UNITS = ("GB|MB|TB|KB|kB|Gb|Mbps|mbps|Gbps|GHz|Ghz|MHz|kHz|Hz|mph|kph|km/h|km/hr|kmh|"
                 "km2|km|kg|mg|mL|ml|L|l|mm|cm|nm|m2|ft|lbs|lb|oz|kWh|kW|MW|GW|W|mAh|bhp|hp|"
                 "mins|min|secs|sec|hrs|hr|pc|p|degF|degC|deg|°F|°C|°|sq")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_DIGIT_NUMBER = re.compile(
    rf"(?:(?<![A-Za-z])(?P<cur>{_CURRENCY})|(?<![\w.,/$€£¥=+−])(?:(?<=\d[-–])|(?<=sub-)|(?<![-–])))"
    r"(?P<sign>(?:minus[-\s]|[-−+])(?=\.?\d))?"
    rf"(?P<num>{_NUM})(?![.,]\d)"
    r"(?:(?P<scale>\s*(?:hundred\s+)?(?:thousand|million|billion|trillion)\b|\s*hundred\b|"
    r"(?<=\d)(?-i:mln|mil|bln|bn|mn|tn|trn|Bn|Mn|k|K|m|M|b|B)(?![\w]))"
    rf"|(?<=\d)(?P<suffix>(?-i:{_SUFFIX_UNITS}))(?![\w]))?(?![\w])"
    r"(?P<pct>\s*(?:%|per\s?cent\b|percent\b))?", re.IGNORECASE)
_SCIENTIFIC = re.compile(r"(?<![\w.])(?P<a>\d+(?:\.\d+)?)\s*[×x]\s*10\s*\^?(?P<e>[−-]?\d+)\b")
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
)
DEFAULT_NAME_PREFIXES = ("Industry", "Web", "Version", "Article", "Section", "Row", "Chapter",
                         "Phase", "Room", "No.", "Windows", "Level", "Class", "Grade", "Route",
                         "Highway", "Flight", "Gate", "Track", "Stage", "Round", "Page", "Vol.")
_PRONOUN_ONE_BEFORE = re.compile(
    r"\b(?:the|this|that|no|any|each|every|which|a|only|same)\s+$", re.IGNORECASE)
_PRONOUN_ONE_AFTER = re.compile(r"^\s+(?:of|another|hand|day|by\s+one|after|across)\b", re.IGNORECASE)
_QUALIFIED_BEFORE = re.compile(r"(?:than|over|about|nearly|some|around|least|exceeded|almost)\s+$",
                               re.IGNORECASE)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|until|till|between|and|before|after|"
                          r"A\.D\.|AD|year)\s+$", re.IGNORECASE)
_PLURAL_AFTER = re.compile(r"^\s+[a-z]+(?<!ss)(?<!us)(?<!is)s\b")
# A number right after a capitalised name and not followed by a noun it counts is part of
# the name: "iPhone 11 Pro", "S&P 500 rose", "Game 6 after", "Stoxx 600 index".
_NAME_BEFORE = re.compile(r"(?:^|[^\w.,;:(])([A-Za-z&]*[A-Z][A-Za-z&]*)\s$")
_NOT_NAME_WORDS = frozenset("About Nearly Over Some Around Almost Only Just Than Top Page US UK EU "
                            "I A The In On At By For To Of And Or But With From Up Down".split())
_COUNTED_AFTER = re.compile(r"^(?:\s*[-–]\s*|\s+)(?:[a-z]+s\b|[a-z]+-)")
_JOIN = re.compile(r"^\s*(?:-|–|to|and)\s*$", re.IGNORECASE)

# Cheap prefilters: each regex below only runs when a text holds what every one of its
# matches needs (a digit, a "+", a capitalised month...), so skipping it changes nothing.
_ANY_DIGIT = re.compile(r"\d")
_MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Non-ASCII characters that re.IGNORECASE equates with ASCII letters ("K" is the Kelvin
# sign, matched by "k"): a text holding one skips the lowercase word prefilters.
CASE_TRAPS = ("\u0130", "\u0131", "\u017f", "\u212a")
_TOKEN = re.compile(r"\w+")


def has_case_trap(text: str) -> bool:
    return any(c in text for c in CASE_TRAPS) if not text.isascii() else False


def _has_month(text: str) -> bool:
    return any(m in text for m in _MONTH_ABBRS)


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


def parse_digits(text: str) -> float:
    """Value of "1,000", "4.09", "100000", ".5"."""
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


@lru_cache(maxsize=16)
def _name_pattern(prefixes: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(p) for p in prefixes)
    return re.compile(rf"\b(?:{names})\s+\d+(?:\.\d+)*\b")


def _active_masks(text: str, digit: bool) -> list[re.Pattern[str]]:
    """The masks that can match `text` (each needs what its check here tests)."""
    iso, clock, ampm, zone, month_day, day_month, plus, duration = _MASKS
    active = []
    low = text.lower()
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
    return active


def _masked(text: str, prefixes: tuple[str, ...], digit: bool | None = None) -> list[tuple[int, int]]:
    if digit is None:
        digit = _ANY_DIGIT.search(text) is not None
    spans = [m.span() for pattern in _active_masks(text, digit) for m in pattern.finditer(text)]
    if prefixes and digit and any(p in text for p in prefixes):
        spans += [m.span() for m in _name_pattern(prefixes).finditer(text)]
    return spans


def _is_year(text: str, match: re.Match[str]) -> bool:
    raw = match.group("num")
    if not re.fullmatch(r"\d{4}", raw) or not 1000 <= int(raw) <= 2199:
        return False
    if match.group("cur") or match.group("scale") or match.group("pct") or match.group("suffix"):
        return False
    before = text[max(0, match.start() - 20):match.start()]
    if _QUALIFIED_BEFORE.search(before) or _PLURAL_AFTER.match(text[match.end():match.end() + 30]):
        return False
    return 1800 <= int(raw) <= 2100 or bool(_YEAR_BEFORE.search(before))


def _is_name(text: str, m: re.Match[str]) -> bool:
    """A bare integer that belongs to the capitalised name before it ("iPhone 11")."""
    if m.group("cur") or m.group("sign") or m.group("scale") or m.group("suffix") or m.group("pct"):
        return False
    if not re.fullmatch(r"\d{1,4}", m.group("num")):
        return False
    before = _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
    if not before or before.group(1) in _NOT_NAME_WORDS or before.start(1) == 0:
        return False
    return not _COUNTED_AFTER.match(text, m.end())


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _digit_match(text: str, m: re.Match[str]) -> NumberMatch:
    raw = m.group("num")
    scale = math.prod(SCALES.get(w, _SCALE_ABBR.get(w, 1.0))
                      for w in (m.group("scale") or "").lower().split())
    sign = -1.0 if m.group("sign") and m.group("sign")[0] in "-−mM" else 1.0
    value = sign * parse_digits(raw) * scale
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    kind, unit = "number", None
    suffix = m.group("suffix")
    if m.group("pct") or suffix == "pc":
        kind, unit = "percent", "%"
    elif m.group("cur"):
        kind, unit = "currency", re.sub(r"\s+", "", m.group("cur"))
    elif suffix:
        kind, unit = "measure", suffix
    start = m.start()
    while text[start].isspace():
        start += 1
    return NumberMatch(start, m.end(), text[start:m.end()], value, None, kind, unit,
                       rounding_step(value, decimals, scale, refine=False), False, scale)


def _word_patterns(text: str) -> tuple[bool, bool, bool, bool]:
    """Whether VAGUE_PLURAL, FRACTION, FOLD and WORD_NUMBER can match `text` at all.

    Each of them only matches around a whole word (a maximal run of word characters) from
    its vocabulary ("thousands", "third", "...fold", "twenty"), compared case-insensitively.
    """
    if has_case_trap(text):
        return True, True, True, True
    low = text.lower()  # lowering never makes a word character of a non-word one
    tokens = set(_TOKEN.findall(low))
    return (not tokens.isdisjoint(VAGUE_SCALE_WORDS) and "of" in tokens,
            not tokens.isdisjoint(FRACTION_WORDS),
            "fold" in low,
            not tokens.isdisjoint(NUMBER_WORDS))


def _word_matches(text: str, taken: list[tuple[int, int]]) -> list[NumberMatch]:
    found: list[NumberMatch] = []
    vague, fraction, fold, words = _word_patterns(text)
    if not (vague or fraction or fold or words):
        return found

    def free(start: int, end: int) -> bool:
        return not _overlaps(taken + [(f.start, f.end) for f in found], start, end)

    for m in (VAGUE_PLURAL.finditer(text) if vague else ()):
        if free(*m.span()):
            low, high = vague_plural_range(m)
            found.append(NumberMatch(m.start(), m.end(), m.group(0), low, high, "number", None,
                                     rounding_step(low, refine=False), True))
    for m in (FRACTION.finditer(text) if fraction else ()):
        value = fraction_value(text, m)
        end = m.end("den")
        if value is not None and free(m.start(), end):
            found.append(NumberMatch(m.start(), end, text[m.start():end], value, None, "number",
                                     None, value, True))
    for m in (FOLD.finditer(text) if fold else ()):
        value = fold_value(m)
        if value is not None and free(*m.span()):
            found.append(NumberMatch(m.start(), m.end(), m.group(0), value, None, "number", None,
                                     rounding_step(value, refine=False), True))
    for m in (WORD_NUMBER.finditer(text) if words else ()):
        start, phrase = m.start(), m.group(0)
        value = parse_word_number(phrase)
        if value is None and re.match(r"an?\s", phrase, re.IGNORECASE) \
                and not text.startswith("-", m.end()):  # "a five per cent rise"
            start += len(phrase) - len(phrase.split(None, 1)[1])
            phrase = text[start:m.end()]
            value = parse_word_number(phrase)
        if value is None or not free(start, m.end()):
            continue
        if phrase.lower() == "one" and (
                _PRONOUN_ONE_BEFORE.search(text[max(0, start - 12):start])
                or _PRONOUN_ONE_AFTER.match(text[m.end():m.end() + 20])):
            continue
        pct = re.match(r"\s*(?:%|per\s?cent\b|percent\b)", text[m.end():], re.IGNORECASE)
        end = m.end() + (pct.end() if pct else 0)
        last = phrase.lower().replace("-", " ").split()[-1]
        found.append(NumberMatch(start, end, text[start:end], value, None,
                                 "percent" if pct else "number", "%" if pct else None,
                                 rounding_step(value, refine=False), True, SCALES.get(last, 1.0)))
    return found


def _merge_ranges(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """Join "252-287", "5% to 10%", "$10 to $15 billion", "between 50 and 70" into ranges.

    Two numbers joined by "-", "to" or ("between" ...) "and" form a range when the second is
    larger and both are the same kind of figure (a bare first number takes the second's kind
    and, when that keeps it below, its scale: "1 to 2 thousand"). "by X to Y" is a change and
    its new level, not a range; a falling "X to Y" stays two figures.
    """
    out: list[NumberMatch] = []
    for n in found:
        prev = out[-1] if out else None
        if prev is not None and prev.high is None and n.high is None:
            join = text[prev.end:n.start]
            word = join.strip().lower()
            before = text[max(0, prev.start - 12):prev.start].lower()
            ok = bool(_JOIN.match(join)) and (word != "and" or before.rstrip().endswith("between"))
            if ok and word == "to" and re.search(r"\bby\s+$", before):
                ok = False
            low = prev.value
            if ok and prev.scale == 1.0 and n.scale > 1.0 and low * n.scale <= n.value \
                    and prev.kind in ("number", n.kind):
                low *= n.scale
            compatible = prev.kind == n.kind or (prev.kind == "number" and n.kind != "currency")
            if ok and compatible and low < n.value:
                step = min(rounding_step(low, refine=False), n.step)
                out[-1] = NumberMatch(prev.start, n.end, text[prev.start:n.end], low, n.value,
                                      n.kind, n.unit, step, prev.is_word and n.is_word, n.scale)
                continue
        if n.start >= 2 and text[n.start - 1] in "-–" and text[n.start - 2].isdigit():
            continue  # "2-0", "ISO 3888-2", "Sept. 20-24": a score, code or date, not a figure
        out.append(n)
    return out


def find_numbers(text: str, name_prefixes: tuple[str, ...] = DEFAULT_NAME_PREFIXES,
                 masked: list[tuple[int, int]] | None = None) -> list[NumberMatch]:
    """Every figure-like number in `text`, in order, skipping years, dates, ordinals and names."""
    digit = _ANY_DIGIT.search(text)
    skip = _masked(text, name_prefixes, digit is not None) + list(masked or [])
    found: list[NumberMatch] = []
    if digit is None:  # every digit pattern needs a digit: only number words can be here
        found += _word_matches(text, skip)
        return _merge_ranges(text, sorted(found, key=lambda n: n.start))
    for m in (_FRACTION_DIGITS.finditer(text) if "/" in text or "⁄" in text else ()):
        a, b = int(m.group("a")), int(m.group("b"))
        if 0 < a < b and not _overlaps(skip, *m.span()) and not re.search(
                r"\b(?:on|in|by|since|until|from)\s+$", text[max(0, m.start() - 8):m.start()], re.I):
            found.append(NumberMatch(m.start(), m.end(), m.group(0), a / b, None, "number", None,
                                     rounding_step(a / b, 3, refine=False), False))
    for m in (_SCIENTIFIC.finditer(text) if "10" in text and ("x" in text or "×" in text) else ()):
        if not _overlaps(skip, *m.span()):
            value = float(m.group("a")) * 10.0 ** int(m.group("e").replace("−", "-"))
            found.append(NumberMatch(m.start(), m.end(), m.group(0), value, None, "number", None,
                                     abs(value) * 1e-3, False))
    # A match starts at most 11 characters before its first digit ("US $minus .5"), so the
    # scan can begin shortly before the text's first digit.
    for m in _DIGIT_NUMBER.finditer(text, max(0, digit.start() - 16)):
        if _overlaps(skip, m.start("num"), m.end("num")) or _is_year(text, m) or _is_name(text, m):
            continue
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        found.append(_digit_match(text, m))
    found += _word_matches(text, skip + [(f.start, f.end) for f in found])
    return _merge_ranges(text, sorted(found, key=lambda n: n.start))


def is_round(value: float) -> bool:
    return math.isclose(value, round(value))
