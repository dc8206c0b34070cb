"""Property-based tests (hypothesis) for qualifier intervals and interval relations."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from iicheck.intervals import entirely_below, fmt, make_interval, min_ratio, overlaps, rounded
from iicheck.numbers import rounding_step
from iicheck.render.chart_axes import fmt_value
from iicheck.ruleset.models import QualifiersFile

RULES = QualifiersFile(version=1, qualifiers=[])
QUALIFIERS = ["exact", "more_than", "at_least", "nearly", "about", "up_to", "less_than"]
values = st.integers(min_value=1, max_value=10**12).map(float)
signed = st.integers(min_value=-10**9, max_value=10**9).map(float)


@given(values, st.sampled_from(QUALIFIERS))
def test_interval_is_ordered_and_contains_or_bounds_the_stated_value(n: float, q: str) -> None:
    v = make_interval(n, q, rounding_step(n), RULES)
    assert v.low <= v.high
    if q in ("exact", "about", "at_least", "up_to"):
        assert v.low <= n <= v.high
    if q in ("nearly", "less_than"):
        assert v.high == n and not v.high_inclusive
    if q == "more_than":
        assert v.low == n and not v.low_inclusive


@given(values, st.sampled_from(QUALIFIERS), values, st.sampled_from(QUALIFIERS))
def test_overlap_is_symmetric_and_exclusive_with_ordering(a: float, qa: str, b: float, qb: str) -> None:
    x = make_interval(a, qa, rounding_step(a), RULES)
    y = make_interval(b, qb, rounding_step(b), RULES)
    assert overlaps(x, y) == overlaps(y, x)
    below = entirely_below(x, y) or entirely_below(y, x)
    assert below != overlaps(x, y)
    if overlaps(x, y):
        assert min_ratio(x, y) == 1.0


@given(st.integers(min_value=1, max_value=10**9))
def test_rounding_step_divides_integers(n: int) -> None:
    step = rounding_step(float(n))
    assert step >= 1 and n % step == 0


def test_design_examples() -> None:
    assert rounding_step(70) == 10 and rounding_step(150) == 10 and rounding_step(1000) == 100
    more = make_interval(70, "more_than", rounding_step(70), RULES)
    assert (more.low, more.high) == (70, 80)
    assert not overlaps(more, make_interval(80, "exact", 10, RULES))
    nearly = make_interval(1000, "nearly", rounding_step(1000), RULES)
    assert (nearly.low, nearly.high) == (900, 1000)


@given(signed, st.sampled_from(["exact", "nearly", "about"]))
def test_negative_figures_give_ordered_intervals(n: float, q: str) -> None:
    v = make_interval(n, q, rounding_step(n), RULES)
    assert v.low <= v.high


_SCALE_WORDS = {"million": 1e6, "billion": 1e9, "trillion": 1e12, "M": 1e6, "B": 1e9, "T": 1e12}


def _read_back(text: str) -> float:
    """A number as fmt or rounded wrote it (below 10^15), read back."""
    number, _, word = text.replace(",", "").partition(" ")
    return float(number) * (_SCALE_WORDS[word] if word else 1.0)


@given(st.floats(min_value=1e-12, max_value=1e12, allow_nan=False, allow_infinity=False))
def test_fmt_keeps_four_significant_digits_of_small_numbers(x: float) -> None:
    """0.00012 was written 0.0001 (and 0.00001 as 0): a tiny figure read as another, or none."""
    written = _read_back(fmt(x))
    assert abs(written - x) <= max(abs(x) * 5e-4, 5e-5 if abs(x) >= 1 else 0)


@given(st.floats(min_value=-9.99e14, max_value=9.99e14, allow_nan=False, allow_infinity=False))
def test_fmt_writes_a_number_exactly_and_a_scale_word_only_when_exact(x: float) -> None:
    """Messages state figures exactly (40 million, 2,345,678); a scale word only where it loses
    nothing. Rounded figures (cards, axes) are within half a unit of their last digit."""
    text = fmt(x)
    if text.endswith(("million", "billion", "trillion")):
        assert abs(_read_back(text) - x) <= 1e-9 * abs(x)
    else:
        assert abs(_read_back(text) - x) <= max(abs(x) * 5e-4, 5e-5)
    for short in (False, True):
        written = rounded(x, short)
        assert abs(_read_back(written) - x) <= max(abs(x) * 5e-3, 5e-3), written


def test_scale_word_examples() -> None:
    assert [fmt(x) for x in (40e6, 2.9e6, 2_345_678, 1.35e12, 999_999, -4e9)] == [
        "40 million", "2.9 million", "2,345,678", "1.35 trillion", "999,999", "-4 billion"]
    assert [rounded(x) for x in (2_345_678, 36.31e9)] == ["2.35 million", "36.31 billion"]
    assert rounded(2_345_678, short=True) == "2.35 M"


_POWER_WRITTEN = re.compile(r"(-?\d+(?:\.\d+)?) \u00d7 10([\u207b]?[\u2070\u00b9\u00b2\u00b3\u2074-\u2079]+)")
_FROM_SUPERSCRIPT = str.maketrans("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207b", "0123456789-")


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_number_is_written_short_and_readable_back(x: float) -> None:
    """From 10^15 on, a power of ten (a figure of 10^300 was a 400-character number); the report's
    number writers (intervals.fmt, the chart and table writer fmt_value) agree on it."""
    for write in (fmt, fmt_value):
        text = write(x)
        assert len(text) <= 26, text
        if abs(x) >= 1e15:
            m = _POWER_WRITTEN.fullmatch(text)
            assert m, text
            back = Decimal(m.group(1)).scaleb(int(m.group(2).translate(_FROM_SUPERSCRIPT)))
            assert abs(back - Decimal(x)) <= abs(Decimal(x)) * Decimal("5e-3")


def test_power_of_ten_examples() -> None:
    assert [fmt(x) for x in (1e200, 1.35e15, -2.5e18, 1.35e12, 999e12)] == [
        "1 \u00d7 10\u00b2\u2070\u2070", "1.35 \u00d7 10\u00b9\u2075", "-2.5 \u00d7 10\u00b9\u2078",
        "1.35 trillion", "999 trillion"]
    assert fmt_value(1e200) == "1 \u00d7 10\u00b2\u2070\u2070" and fmt_value(999e12) == "999 T"
