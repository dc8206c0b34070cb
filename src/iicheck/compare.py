"""Compare two claims on one metric: can both be true, and if not, what kind of conflict?

Each claim says: at some instant in its time window, the value lay in its interval. Let L be
the claim with the lower interval and H the higher. Both can be true when H's instant can
follow L's (for a cumulative metric a decrease is impossible) and the smallest growth the
intervals allow, H.low / L.high over the longest time the windows leave (H.end - L.start),
stays within the metric's `max_growth_per_year`. Without a declared growth bound, disjoint
values at overlapping times contradict (DESIGN.md's rule) and disjoint times reconcile.

When both cannot be true the verdict is:
- `regression`: a cumulative metric whose later claim lies entirely below an earlier one
  (later = its window starts and ends after the other's), unless both are stated exactly and
  the later is the earlier rounded (`rounding.regression_tolerance`: "4.25 million" after
  "4.251 million" agrees, see _rounded_alike);
- `implausible_growth`: the windows do not overlap and the growth needed is too fast;
- `contradiction`: the windows overlap (neither is clearly later).

A `flow` metric (a total over each period: a year's value added) is different: a figure for
the first half of 2023 is part of the figure for 2023, not a rival value, and two figures for
2023 are two totals of one period, which no growth can reconcile. So its claims are compared
only with claims for periods the texts state (basis explicit or paragraph) of the same length:
for the very same period disjoint values contradict; for periods that do not overlap (2022
and 2023) the change is held to `max_growth_per_year` (`implausible_growth` above it). A half
year is never compared with its year, nor a year to June with the calendar year.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .findings import quoted
from .intervals import describe, entirely_below, fmt, min_ratio, overlaps, power_of_ten
from .models import Basis, Claim, TimeWindow, ValueInterval
from .pairs import flow_pairs, groups, sweep_pairs
from .ruleset import Ruleset
from .ruleset.models import Metric

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class Verdict:
    """The verdict; its `reason` text is built only when read (most pairs never need it)."""

    kind: str  # agree | dates | contradiction | regression | implausible_growth
    explain: Callable[[], str]
    ratio: float | None = None
    rate: float | None = None

    @property
    def reason(self) -> str:
        return self.explain()


def windows_overlap(a: TimeWindow, b: TimeWindow) -> bool:
    assert a.start and a.end and b.start and b.end
    return a.start <= b.end and b.start <= a.end


def later_shifted(a: TimeWindow, b: TimeWindow) -> bool:
    """`a` is later than `b`: it starts and ends after it."""
    assert a.start and a.end and b.start and b.end
    return a.start > b.start and a.end > b.end


def when(w: TimeWindow) -> str:
    """A window for a person: "2024-09", "2021", "2020-11-25 – 2021-02-23"."""
    return _when(w.start, w.end)


@lru_cache(maxsize=4096)
def _when(start: date | None, end: date | None) -> str:
    # memoised: every pair finding and reconciliation names two windows, and corpora reuse few
    if start is None or end is None:
        return "undated"
    if start == end:
        return start.isoformat()
    whole_month = (start.day == 1 and (start.year, start.month) == (end.year, end.month)
                   and end.day == calendar.monthrange(end.year, end.month)[1])
    if whole_month:
        return start.strftime("%Y-%m")
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    return f"{start.isoformat()} – {end.isoformat()}"


_SPELT_PERCENT = re.compile(r"\b(?:per\s*cent|percent|pct)\b", re.IGNORECASE)


BASIS_WORDS: dict[Basis, str] = {
    "explicit": "as stated", "paragraph": "from its paragraph", "metadata": "its publication",
    "header": "its publication", "url": "its publication", "inferred": "guessed from its text",
    "unknown": "undated",
}
"""How a message says where a figure's time window comes from (models.Basis, in words: a
message is read in CI logs and code-review comments, where no legend explains the terms)."""


def figure_phrase(c: Claim) -> str:
    """“more than 150 platforms” (000, 2021–2022, guessed from its text); a figure that names
    its unit already is quoted as written (“62.2 percent”, not “62.2 percent %”)."""
    named = c.unit is None or c.unit in c.figure or (c.unit == "%" and _SPELT_PERCENT.search(c.figure))
    text = c.figure if named else f"{c.figure} {c.unit}"
    return f"{quoted(text)} ({c.source}, {when(c.time)}, {BASIS_WORDS[c.time.basis]})"


def _years(start: date, end: date) -> float:
    return (end - start).days / DAYS_PER_YEAR


def compare(a: Claim, b: Claim, metric: Metric, rounding_tolerance: bool = False) -> Verdict:
    """Verdict for two claims with the same metric, definition and modality, both dated (and,
    for a flow metric, for the same period). `rounding_tolerance` (rules/qualifiers.yaml's
    `rounding.regression_tolerance`): see _rounded_alike."""
    if overlaps(a.value, b.value):
        return Verdict("agree", lambda: f"values agree: {describe(a.value)} and {describe(b.value)} overlap")
    low, high = (a, b) if entirely_below(a.value, b.value) else (b, a)
    if metric.flow:
        return _compare_flows(a, b, low, high, metric)
    lw, hw = low.time, high.time
    assert lw.start and lw.end and hw.start and hw.end
    ratio = min_ratio(low.value, high.value)
    g = metric.max_growth_per_year
    overlap = windows_overlap(lw, hw)
    span = _years(lw.start, hw.end)
    if metric.cumulative and (hw.end < lw.start or (overlap and later_shifted(lw, hw))):
        if rounding_tolerance and _rounded_alike(low.value, high.value):
            return Verdict("agree", lambda: f"the later {describe(low.value)} and the earlier {describe(high.value)} "
                           f"are one figure rounded (to the nearest "
                           f"{fmt(max(low.value.step or 0.0, high.value.step or 0.0))})", ratio)
        return Verdict("regression", lambda: f"{metric.label} only grows, but the later figure is lower: "
                       f"{describe(low.value)} after {describe(high.value)}", ratio)
    if not metric.cumulative and hw.end < lw.start:
        span = _years(hw.start, lw.end)
    if g is None:
        if overlap:
            return Verdict("contradiction", lambda: f"the time windows overlap and the values "
                           f"{describe(a.value)} and {describe(b.value)} do not", ratio)
        return Verdict("dates", lambda: f"different dates: {when(lw)} \u2192 {when(hw)} "
                       f"(no growth bound declared)", ratio)
    rate = _yearly(ratio, span)
    meet = _meeting_point(low.value, high.value)
    def detail() -> str:
        return f"{_factor(ratio, low, high)} in at most {span:.1f} years (\u00d7{_num(rate)} a year)"
    if rate <= g:
        if meet is not None:  # "×1 in at most 0.1 years (×1 a year)" said nothing
            return Verdict("dates", lambda: f"{_dates_phrase(lw, hw)}: the values meet at {fmt(meet)}, which one "
                           f"of them excludes, the least change there is", ratio, rate)
        return Verdict("dates", lambda: f"{_dates_phrase(lw, hw)}, {detail()}, "
                       f"within the declared \u00d7{_num(g)} a year", ratio, rate)
    if overlap and span < 1:
        # the same period, near enough: a yearly rate compounded from weeks is a meaningless
        # number (x4.9 billion a year); say what the values need in the time there is
        days = _days(lw.start, hw.end)
        gap = (f"they meet only at {fmt(meet)}, which one of them excludes" if meet is not None
               else f"{_factor(ratio, low, high)} within at most {days}")
        return Verdict("contradiction", lambda: f"the time windows overlap and the values {describe(a.value)} "
                       f"and {describe(b.value)} do not: {gap}", ratio)
    kind = "contradiction" if overlap else "implausible_growth"
    return Verdict(kind, lambda: f"{detail()}, above the declared \u00d7{_num(g)} a year", ratio, rate)


ROUNDED_DIGITS = 3
"""A figure written with at least this many significant digits ("4.25 million", "3,380,000") may
be another's rounding; a rounder one ("50 platforms", "240", "100 million") is taken as exact."""


def _rounded_alike(low: ValueInterval, high: ValueInterval) -> bool:
    """Whether one of two figures stated exactly is the other rounded: the coarser (the larger
    rounding step) has at least ROUNDED_DIGITS significant digits and the two are at most half
    its step apart. "4.25 million" (step 10,000) and "4.251 million" are (at most 5,000 apart),
    whichever comes first; two figures written to the same precision (4.25 and 4.24 million)
    are not, nor a round count and a finer one ("50 cross-industry platforms", then 46)."""
    if low.qualifier != "exact" or high.qualifier != "exact" or low.stated <= 0 or high.stated <= 0:
        return False
    coarse, fine = (low, high) if (low.step or 0.0) > (high.step or 0.0) else (high, low)
    step = coarse.step or 0.0
    if step <= 0 or step == (fine.step or 0.0):
        return False
    digits = math.floor(math.log10(coarse.stated)) - round(math.log10(step)) + 1
    return digits >= ROUNDED_DIGITS and high.low - low.high <= step / 2


def _compare_flows(a: Claim, b: Claim, low: Claim, high: Claim, metric: Metric) -> Verdict:
    """Two totals of a flow metric whose values differ, for one period or for two periods of
    one length that do not overlap (iicheck.pairs.flow_pairs): for one period they contradict;
    for two, the change from one period to the next is held to the growth bound, a year apart
    for years, half a year for half years. `low`, `high`: the two, the lower values first."""
    ratio = min_ratio(low.value, high.value)
    lw, hw = low.time, high.time
    assert lw.start and hw.start and lw.end and hw.end
    if (lw.start, lw.end) == (hw.start, hw.end):
        return Verdict("contradiction", lambda: f"both are totals for the same period ({when(lw)}), and the "
                       f"values {describe(a.value)} and {describe(b.value)} do not agree", ratio)
    g = metric.max_growth_per_year
    span = abs(_years(lw.start, hw.start))
    rate = _yearly(ratio, span)
    first, second = sorted((lw, hw), key=lambda w: (w.start, w.end))
    periods = (f"totals for {when(first)} and {when(second)}: {_factor(ratio, low, high)} in {span:.1f} years "
               f"(\u00d7{_num(rate)} a year)")
    if g is None or rate <= g:
        bound = "no growth bound declared" if g is None else f"within the declared \u00d7{_num(g)} a year"
        return Verdict("dates", lambda: f"{periods}, {bound}", ratio, rate)
    return Verdict("implausible_growth", lambda: f"{periods}, above the declared \u00d7{_num(g)} a year", ratio, rate)


def _factor(ratio: float, low: Claim, high: Claim) -> str:
    """"×1.15", the least factor between two values; "at least ×1.15" when one of them is a
    range ("some 4.09 million" against "3.2 million" is ×1.28 as stated, ×1.15 at the nearest
    ends their ranges allow): a bare factor read as the stated figures' would understate."""
    exact = low.value.low == low.value.high and high.value.low == high.value.high
    return f"{'' if exact else 'at least '}\u00d7{_num(ratio)}"


def _meeting_point(low: ValueInterval, high: ValueInterval) -> float | None:
    """The value where two intervals that do not overlap touch ("nearly 2,000" [1,800, 2,000)
    and "2,000"), one of them excluding it; None when a gap lies between them."""
    return low.high if low.high == high.low else None


def _dates_phrase(lw: TimeWindow, hw: TimeWindow) -> str:
    """"different dates: 2019–2020 → 2021-02" (windows that may hold different days, even
    where they overlap); for the same window, "the same dates (2023-12) allow the change":
    growth within it ("different dates: 2023-12 → 2023-12" said nothing)."""
    if when(lw) == when(hw):
        return f"the same dates ({when(lw)}) allow the change"
    return f"different dates: {when(lw)} \u2192 {when(hw)}"


def _days(start: date, end: date) -> str:
    """Inclusive days between two dates, in words: "31 days", "1 day"."""
    days = (end - start).days + 1
    return f"{days} day{'s' * (days != 1)}"


def _yearly(ratio: float, span: float) -> float:
    """The growth factor a year that compounds to `ratio` (>= 1) over `span` years; infinite
    for no time, or beyond what a float holds (a factor of 1e300 in a month)."""
    if span <= 0:
        return math.inf
    try:
        return ratio ** (1 / span)
    except OverflowError:
        return math.inf


def _num(x: float) -> str:
    """A factor for a person: 2.5, 19, 364, 12,500; from a million on in powers of ten
    (1.8 × 10¹³⁸), as a 140-digit number overflowed the report's layout."""
    if math.isinf(x):
        return "\u221e"
    if x >= 1e6:
        return power_of_ten(x, 1)
    if x >= 100:
        return fmt(round(x))
    return f"{x:.2f}".rstrip("0").rstrip(".") if x < 10 else f"{x:.1f}".rstrip("0").rstrip(".")


PairVerdict = tuple[Metric, str, Claim, Claim, Verdict]
_LAST: tuple[Sequence[Claim], Ruleset, list[PairVerdict]] | None = None


def verdicts(claims: Sequence[Claim], rules: Ruleset) -> list[PairVerdict]:
    """(metric, modality, earlier, later, verdict) for every pair the sweep compares; two
    figures of one sentence are never compared with each other. Shared by the pair checks
    and by reconciliation, so both see the same pairs; computed once per claims and rules
    objects (the last result is kept, keyed by identity: the three pair checks and
    reconciliation of one audit get the same tuple of claims)."""
    global _LAST
    if _LAST is not None and _LAST[0] is claims and _LAST[1] is rules:
        return _LAST[2]
    out: list[PairVerdict] = []
    tolerance = rules.qualifiers.rounding.regression_tolerance
    for (metric_id, _, modality), group in groups(claims).items():
        metric = rules.metric(metric_id)
        for earlier, later in (flow_pairs(group) if metric.flow else sweep_pairs(group)):
            if earlier.source == later.source and earlier.sentence_span == later.sentence_span:
                continue
            out.append((metric, modality, earlier, later, compare(earlier, later, metric, tolerance)))
    _LAST = (claims, rules, out)
    return out
