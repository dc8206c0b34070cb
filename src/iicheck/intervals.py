"""Value intervals: what a qualified figure allows, and how two intervals relate.

| qualifier | "N" becomes | example |
| --- | --- | --- |
| exact | [N, N] | "169 secondary nodes" -> [169, 169] |
| more_than | (N, N + step) | "more than 150" -> (150, 160) |
| more_than, high_factor f | (N, f * N) | "well over 100" -> (100, 200) with f = 2 |
| at_least | [N, N + step) | "at least 200" -> [200, 210) |
| nearly | [nearly_factor * N, N) | "nearly 1,000" -> [900, 1000) |
| about | [(1 - f) * N, (1 + f) * N] | "about 100" -> [90, 110] |
| up_to | [0, N] | "up to 30" -> [0, 30] |
| less_than | [0, N) | "fewer than 30" -> [0, 30) |
| range | [N, M] | "252-287" -> [252, 287] |

A figure stated as a fall ("declined 2.2 per cent", see rules/extraction.yaml `fall_cues`)
gets the interval of its number mirrored below zero (`negated`): "fell by more than 2%" is
(-3, -2).

`step` is the number's rounding step (iicheck.numbers.rounding_step); the factors come from
rules/qualifiers.yaml, where a more_than or at_least rule may give a `high_factor` for
phrases that say the value is clearly above N by an unknown margin ("well over"): its high
end, still open, is then f * N instead of N + step. Open ends are kept open, so "more than 70" and "80" do not overlap.
"""

from __future__ import annotations

import math
from typing import cast

from .models import Qualifier, ValueInterval
from .ruleset.models import QualifiersFile


def make_interval(stated: float, qualifier: str, step: float, rules: QualifiersFile,
                  high: float | None = None, high_factor: float | None = None) -> ValueInterval:
    """The interval a stated figure allows under the qualifier rules; `high_factor`: that of
    the qualifier rule whose phrase was found (more_than and at_least only)."""
    n = stated
    if rules.rounding.single_digit_refine:
        step = refined_step(n, step)
    if high is not None:
        return ValueInterval(stated=n, qualifier="range", low=n, high=high, step=step)
    table: dict[str, tuple[float, float, bool, bool]] = {
        "exact": (n, n, True, True),
        "more_than": (n, n + step, False, False),
        "at_least": (n, n + step, True, False),
        "nearly": (rules.nearly_factor * n, n, True, False),
        "about": ((1 - rules.about_factor) * n, (1 + rules.about_factor) * n, True, True),
        "up_to": (0.0, n, True, True),
        "less_than": (0.0, n, True, False),
    }
    low, hi, low_inc, high_inc = table[qualifier]
    if high_factor is not None and qualifier in ("more_than", "at_least"):
        hi = high_factor * n
    if low > hi:  # negative figures ("about -3%"): the factors flip the ends
        low, hi, low_inc, high_inc = hi, low, high_inc, low_inc
    return ValueInterval(stated=n, qualifier=cast(Qualifier, qualifier), low=_clean(low), high=_clean(hi),
                         low_inclusive=low_inc, high_inclusive=high_inc, step=step)


def negated(v: ValueInterval) -> ValueInterval:
    """The interval mirrored below zero: a fall of "more than 2%" (2, 3) is the change (-3, -2)."""
    # 0.0 - x, not -x: a zero end stays 0.0 ("fell by less than 1%" is (-1, 0], not (-1, -0.0])
    return ValueInterval(stated=0.0 - v.stated, qualifier=v.qualifier, low=0.0 - v.high, high=0.0 - v.low,
                         low_inclusive=v.high_inclusive, high_inclusive=v.low_inclusive, step=v.step)


def refined_step(stated: float, step: float) -> float:
    """One order finer for a number with one significant digit and 3+ digits (1,000 -> 100):
    writers round such numbers to their leading digit. Idempotent on a refined step."""
    multiple = abs(stated) / step if step else 0.0
    if step >= 10 and abs(stated) >= 100 and multiple == int(multiple) and 1 <= multiple <= 9:
        return step / 10
    return step


def _clean(x: float) -> float:
    """Round away binary noise (0.9 * 1000 = 900.0000000000001) so output is stable."""
    return float(f"{x:.12g}")


def overlaps(a: ValueInterval, b: ValueInterval) -> bool:
    """True when some value lies in both intervals (open ends respected)."""
    if a.high < b.low or b.high < a.low:
        return False
    if a.high == b.low:
        return a.high_inclusive and b.low_inclusive
    if b.high == a.low:
        return b.high_inclusive and a.low_inclusive
    return True


def entirely_below(a: ValueInterval, b: ValueInterval) -> bool:
    """Every value of `a` is smaller than every value of `b`."""
    return a.high < b.low or (a.high == b.low and not (a.high_inclusive and b.low_inclusive))


def min_ratio(low_side: ValueInterval, high_side: ValueInterval) -> float:
    """Smallest factor from a value in `low_side` up to a value in `high_side` (>= 1)."""
    if overlaps(low_side, high_side) or high_side.high <= low_side.low:
        return 1.0
    top = low_side.high
    if top <= 0:
        return math.inf
    return high_side.low / top


def describe(v: ValueInterval) -> str:
    """Interval notation, e.g. "(150, 160)" or "[900, 1,000)"."""
    lo = "[" if v.low_inclusive else "("
    hi = "]" if v.high_inclusive else ")"
    if v.low == v.high:
        return f"{fmt(v.low)}"
    return f"{lo}{fmt(v.low)}, {fmt(v.high)}{hi}"


_SUPERSCRIPT = str.maketrans("0123456789-", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207b")
HUGE = 1e15
"""From here on `fmt` writes powers of ten: digits grouped by commas stop being readable (and a
figure such as 10^300, which extraction accepts, would be a 400-character number)."""


def power_of_ten(x: float, decimals: int = 2) -> str:
    """`x` as mantissa × 10 to the power, the mantissa with at most `decimals` decimals and no
    trailing zeros: 1.35 × 10¹⁵, 1 × 10³⁰⁰, -2.5 × 10¹⁸."""
    mantissa, exponent = f"{x:.{decimals}e}".split("e")
    if "." in mantissa:
        mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa} \u00d7 10{str(int(exponent)).translate(_SUPERSCRIPT)}"


_SCALES = ((1e12, "trillion", "T"), (1e9, "billion", "B"), (1e6, "million", "M"))
"""Scale words for numbers from a million on, and their short forms (chart axes)."""


def fmt(x: float) -> str:
    """A number as an editor writes it, exactly: 40 million, 1.35 trillion, 2,345,678 (a number
    of a million or more is written with its scale word when at most three decimals of it say
    it exactly), 64.9; below one, four significant digits (0.00012, not 0.0001); from 10¹⁵ on
    as a power of ten."""
    if math.isinf(x):
        return "∞"
    if abs(x) >= HUGE:
        return power_of_ten(x)
    for size, word, _ in _SCALES:
        if abs(x) >= size:
            scaled = f"{x / size:.3f}".rstrip("0").rstrip(".")
            if abs(float(scaled) * size - x) <= 1e-9 * abs(x):
                return f"{scaled} {word}"
            break
    if x == int(x):
        return f"{int(x):,}"
    if abs(x) < 1:
        return significant(x, 4)
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def rounded(value: float, short: bool = False) -> str:
    """A number rounded for display: 150, 1,000, 2.5 million (2 decimals of its scale word; "M",
    "B", "T" when `short`, as on a chart axis), 1.35 trillion, 0.004; from 10¹⁵ on as a power of
    ten. `fmt` writes a number exactly."""
    if not math.isfinite(value):
        return "∞"
    if abs(value) >= HUGE:
        return power_of_ten(value)
    for size, word, letter in _SCALES:
        if abs(value) >= size:
            return f"{value / size:,.2f}".rstrip("0").rstrip(".") + (f" {letter}" if short else f" {word}")
    if value == int(value):
        return f"{int(value):,}"
    if abs(value) < 1:  # significant digits, not two decimals: 0.004 is not "0"
        return f"{value:.2g}" if abs(value) < 1e-7 else significant(value, 3)
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def significant(x: float, digits: int) -> str:
    """`x` (0 < |x| < 1) with `digits` significant digits in fixed notation, trailing zeros
    dropped: 0.00012 and 0.125, not 0.0001 and 0.12 (at most 20 decimals)."""
    decimals = min(20, digits - 1 - math.floor(math.log10(abs(x))))
    return f"{x:.{decimals}f}".rstrip("0").rstrip(".")
