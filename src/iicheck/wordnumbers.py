"""Numbers written in words: cardinals, fractions, "-fold" and vague plurals.

| phrase | value |
| --- | --- |
| "twenty-one", "a hundred", "two million", "a dozen" | 21, 100, 2,000,000, 12 |
| "half the", "a third of", "two-thirds of", "one fourth of" | 0.5, 1/3, 2/3, 0.25 |
| "sixfold", "10-fold" | 6, 10 |
| "thousands of", "tens of thousands of", "dozens of" | [1,000, 10,000], [10,000, 100,000], [12, 120] |

A vague plural spans one order of magnitude from its scale ("hundreds of" = one to ten
hundreds). A fraction counts only where English uses it as a quantity: followed by "of"
("a third of those"), or "half" before a determiner ("half the condos"); "the second half",
"a third term" and "third-largest" are not quantities.
"""

from __future__ import annotations

import re

SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
NUMBER_WORDS = frozenset([*SMALL, *TENS, *SCALES, "dozen"])
_WORD = "|".join(sorted([*SMALL, *TENS, *SCALES, "dozen"], key=len, reverse=True))
WORD_NUMBER = re.compile(
    rf"\b(?:an?\s+)?(?:{_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*\b", re.IGNORECASE)

_DENOMINATORS = {"half": 2, "halve": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5,
                 "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_NUMERATOR = "a|an|one|two|three|four|five|six|seven|eight|nine"
FRACTION = re.compile(
    rf"\b(?:(?P<num>{_NUMERATOR})[\s-]+)?(?P<den>halves|half|thirds?|quarters?|fourths?|fifths?|"
    rf"sixths?|sevenths?|eighths?|ninths?|tenths?)\b(?P<next>\s+(?:of|the|a|an|its|their|his|her|"
    rf"our|all|as|which)\b)?",
    re.IGNORECASE)
FRACTION_WORDS = frozenset(["half", "halves"] + [f"{w}{s}" for w in (
    "third", "quarter", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth") for s in ("", "s")])
_NOT_FRACTION_BEFORE = re.compile(r"\b(?:first|second|last|latter|other|back|the|this|that|each)\s+$",
                                  re.IGNORECASE)
FOLD = re.compile(rf"\b(?:(?P<word>{_WORD})|(?P<digits>\d+))-?fold\b", re.IGNORECASE)
VAGUE_PLURAL = re.compile(
    r"\b(?:(?P<mult>tens|hundreds)\s+of\s+)?(?P<scale>dozens|hundreds|thousands|millions|billions|"
    r"trillions)(?=\s+of\b)", re.IGNORECASE)
VAGUE_SCALE_WORDS = frozenset("dozens hundreds thousands millions billions trillions".split())
_SEPARATORS = re.compile(r"[\s-]+")


def parse_word_number(text: str) -> float | None:
    """Value of an English number phrase ("twenty-one", "a hundred", "two million"), else None."""
    words = [w for w in _SEPARATORS.split(text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):
        if len(words) == 1 or words[1] not in (*SCALES, "dozen"):
            return None
        words[0] = "one"
    total, current, seen = 0.0, 0.0, False
    for word in words:
        if word in SMALL:
            current += SMALL[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def fraction_value(text: str, m: re.Match[str]) -> float | None:
    """Value of a FRACTION match used as a quantity ("a third of" -> 1/3), else None."""
    den_word = m.group("den").lower()
    # IGNORECASE also matches "ſ" and "K" (Kelvin) as letters, so look words up, never index
    den = _DENOMINATORS.get(den_word.rstrip("s") if den_word != "halves" else "halve")
    if den is None:
        return None
    num_word = (m.group("num") or "").lower()
    if not m.group("next"):
        return None
    if not num_word:
        if den != 2 or _NOT_FRACTION_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            return None
        return 0.5
    if not m.group("next").strip().lower() == "of" and den != 2:
        return None
    num = 1 if num_word in ("a", "an") else SMALL.get(num_word)
    if num is None:
        return None
    plural = den_word.endswith("s")
    if (num == 1) == plural or num >= den:
        return None
    return num / den


def fold_value(m: re.Match[str]) -> float | None:
    if m.group("digits"):
        return float(m.group("digits"))
    return parse_word_number(m.group("word"))


def vague_plural_range(m: re.Match[str]) -> tuple[float, float] | None:
    """"thousands of" -> (1e3, 1e4); "tens of millions of" -> (1e7, 1e8); "dozens of" -> (12, 120);
    None when a word matched only through a letter IGNORECASE equates and str.lower does not
    ("thouſands": not a word to parse, as in `parse_word_number`)."""
    scale_word = m.group("scale").lower()[:-1]
    low = 12.0 if scale_word == "dozen" else SCALES.get(scale_word)
    factor = {"": 1, "tens": 10, "hundreds": 100}.get((m.group("mult") or "").lower())
    if low is None or factor is None:
        return None
    low *= factor
    return low, low * 10
