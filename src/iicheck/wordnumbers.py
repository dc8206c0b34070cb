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
_DIGIT_WORD = "|".join(w for w, v in SMALL.items() if v < 10)
WORD_NUMBER = re.compile(
    rf"\b(?:an?\s+)?(?:{_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_WORD}))*"
    rf"(?:\s+point(?:\s+(?:{_DIGIT_WORD}))+(?:\s+(?:thousand|million|billion|trillion))?"
    rf"(?![\s-]+(?:hundred|dozen|{_WORD.replace('|hundred', '')})\b))?\b"
    r"(?!-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b)", re.IGNORECASE)
"""A number in words, with decimals after "point" ("three point three eight million"); not
when more number words follow ("at one point two hundred protesters": "one point" and 200),
nor the tens of an ordinal ("the twenty-first century")."""

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
VAGUE_SCALED = re.compile(
    r"\b(?P<q>several|a\s+few|a\s+couple\s+of|(?:a|one)\s+quarter(?:\s+of)?|three\s+quarters(?:\s+of)?|half"
    rf"|(?P<whole>{'|'.join(w for w, v in SMALL.items() if 0 < v <= 10)})\s+and\s+a\s+half)\s+(?:a\s+)?"
    r"(?P<scale>(?:hundred\s+)?(?:thousand|million|billion|trillion)|hundred)\b", re.IGNORECASE)
"""A scale word with a vague or fractional count: "several million" (3-9 million), "a few
thousand" (2,000-5,000), "a couple of hundred" (200), "a quarter million", "half a million",
"one and a half million" (1.5 million)."""
VAGUE_SCALED_WORDS = ("several", "few", "couple", "quarter", "half")
"""One of which every VAGUE_SCALED match holds (lower-cased): a cheap test before the scan."""
_VAGUE_COUNTS = {"several": (3.0, 9.0), "a few": (2.0, 5.0), "a couple of": (2.0, 2.0), "half": (0.5, 0.5)}


def vague_scaled_range(m: re.Match[str]) -> tuple[float, float] | None:
    """(low, high) of a VAGUE_SCALED match (equal for an exact fraction), None for a word
    matched only through a case trap."""
    q = " ".join(m.group("q").lower().split())
    scale = 1.0
    for word in m.group("scale").lower().split():
        if word not in SCALES:
            return None
        scale *= SCALES[word]
    if m.group("whole"):
        whole = SMALL.get(m.group("whole").lower())
        if whole is None:
            return None
        return (whole + 0.5) * scale, (whole + 0.5) * scale
    if q.startswith(("a quarter", "one quarter")):
        return 0.25 * scale, 0.25 * scale
    if q.startswith("three quarters"):
        return 0.75 * scale, 0.75 * scale
    counts = _VAGUE_COUNTS.get(q)
    return None if counts is None else (counts[0] * scale, counts[1] * scale)


VAGUE_SCALE_WORDS = frozenset("dozens hundreds thousands millions billions trillions".split())
_SEPARATORS = re.compile(r"[\s-]+")


def parse_word_number(text: str) -> float | None:
    """Value of an English number phrase ("twenty-one", "a hundred", "two million", "three
    point three eight million"), else None: also for words that make no number together ("three
    eight", "twenty thirty", "seven twelve") and for a scale word with no count before it
    ("million" alone: "2,5 million" is no million)."""
    words = [w for w in _SEPARATORS.split(text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):
        if len(words) == 1 or words[1] not in (*SCALES, "dozen"):
            return None
        words[0] = "one"
    if "point" in words:
        at = words.index("point")
        whole = _integer_words(words[:at])
        digits = words[at + 1:]
        scale = SCALES.get(digits[-1], 1.0) if digits and digits[-1] != "hundred" else 1.0
        if scale != 1.0:
            digits = digits[:-1]
        if whole is None or not digits or any(SMALL.get(d, 10) > 9 for d in digits):
            return None
        return float(f"{whole:.0f}.{''.join(str(SMALL[d]) for d in digits)}") * scale
    return _integer_words(words)


def _integer_words(words: list[str]) -> float | None:
    """The value of number words without a decimal point, None unless they are a number as
    English writes one: a unit or a "-teen" never follows another, nor a ten a unit, "-teen" or
    ten ("twenty three" is a number, "three eight" is two); a scale needs a count before it."""
    total, current, largest = 0.0, 0.0, 0.0
    previous = ""  # the kind of the previous word: unit, teen, ten, hundred, scale
    for word in words:
        if word in SMALL:
            kind = "unit" if SMALL[word] < 10 else "teen"
            if previous in ("unit", "teen") or (previous == "ten" and (kind == "teen" or not SMALL[word])):
                return None
            current += SMALL[word]
        elif word in TENS:
            if previous in ("unit", "teen", "ten"):
                return None
            kind = "ten"
            current += TENS[word]
        elif word in ("dozen", "hundred") or word in SCALES:
            if not previous:
                return None  # "million" with no count before it
            kind = "scale"
            if word == "dozen":
                current = (current or 1) * 12
            elif word == "hundred":
                current = (current or 1) * 100
                kind = "hundred"
            elif SCALES[word] > largest:  # "a thousand million": the whole so far times the scale
                total = (total + current or 1) * SCALES[word]
                current, largest = 0.0, SCALES[word]
            else:  # "two million five hundred thousand"
                total += (current or 1) * SCALES[word]
                current = 0.0
        else:
            return None
        previous = kind
    return total + current if previous else None


_PHRASE_WORD = re.compile(r"[^\s-]+")


def word_number_prefix(phrase: str) -> tuple[int, float] | None:
    """For a WORD_NUMBER match that is no number as a whole ("seven twelve-hour shifts" matches
    "seven twelve", "two three-bedroom flats"), the length and value of its longest first words
    that are one ("seven", "ten" of "ten twenty-dollar bills"); None when there are none, or when
    a "-teen" or a ten meets a ten ("nineteen ninety", "twenty thirty": years said in words, not
    19 or 20)."""
    words = list(_PHRASE_WORD.finditer(phrase))
    lowered = [w.group(0).lower() for w in words]
    for k in range(1, len(lowered)):
        if lowered[k] in TENS and (lowered[k - 1] in TENS or 11 <= SMALL.get(lowered[k - 1], 0) < 20):
            return None
    for k in range(len(words) - 1, 0, -1):
        if lowered[k - 1] == "and":
            continue
        value = parse_word_number(phrase[:words[k - 1].end()])
        if value is not None:
            return words[k - 1].end(), value
    return None


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
