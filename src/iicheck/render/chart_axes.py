"""Axes for the timeline charts: linear or log value scales, date ticks, number labels.

Pure arithmetic on the numbers handed in; nothing here knows about claims or SVG.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..intervals import rounded

LOG_THRESHOLD = 20.0  # a wider spread squeezes the small figures into the axis floor
LOG_PAD = 10**0.2  # a fifth of a decade of room below and above
TICK_GAP = 22.0  # px between two labelled value ticks, at least (labels are 11 px high)
# Month names spelled out here, not strftime("%b"): output must not depend on the locale.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Scale:
    """Maps a domain [d0, d1] onto a pixel range [r0, r1], linearly or in log10."""

    domain: tuple[float, float]
    range: tuple[float, float]
    log: bool = False
    ticks: tuple[tuple[float, str], ...] = field(default=())

    def __call__(self, value: float) -> float:
        d0, d1 = self.domain
        if self.log:
            value = max(value, d0)
            d0, d1, value = math.log10(d0), math.log10(d1), math.log10(value)
        r0, r1 = self.range
        return r0 + (value - d0) / ((d1 - d0) or 1.0) * (r1 - r0)


def fmt_value(value: float) -> str:
    """A figure as an axis or a tooltip labels it: 150, 1,000, 2.5 M, 1.35 T."""
    return rounded(value, short=True)


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / target
    magnitude = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 2.5, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


def log_ticks(d0: float, d1: float, pixels: float) -> tuple[tuple[float, str], ...]:
    """Ticks of a log axis over [d0, d1] drawn `pixels` long: every decade, plus its 2 and 5
    multiples when a decade has room for them (a crowded axis otherwise shows only 100 and
    1,000), thinned to every n-th decade when decades are too close to label."""
    lo, hi = math.log10(d0), math.log10(d1)
    per_decade = pixels / ((hi - lo) or 1.0)
    every = max(1, math.ceil(TICK_GAP / per_decade))
    multiples: tuple[float, ...] = (1.0,)
    if per_decade * math.log10(2.5) >= TICK_GAP:  # 2 to 5 is the closest pair: 0.4 decade
        multiples = (1.0, 2.0, 5.0)
    ticks = []
    for k in range(math.floor(lo), math.ceil(hi) + 1):
        for m in multiples if k % every == 0 else ():
            value = m * 10.0**k
            if d0 <= value <= d1:
                ticks.append((value, fmt_value(value)))
    return tuple(ticks)


def value_scale(lows: Sequence[float], highs: Sequence[float], pixels: tuple[float, float]) -> Scale:
    """A value axis covering every interval; log when values span > 2 orders of magnitude."""
    finite = [v for v in (*lows, *highs) if math.isfinite(v)]
    top = max(finite, default=1.0) or 1.0
    positive = [v for v in finite if v > 0]
    bottom = min(positive, default=top)
    if positive and top / bottom > LOG_THRESHOLD:
        d0, d1 = bottom / LOG_PAD, top * LOG_PAD  # pad so edge values do not sit on the frame
        return Scale((d0, d1), pixels, log=True, ticks=log_ticks(d0, d1, abs(pixels[1] - pixels[0])))
    low = min(0.0, min(finite, default=0.0))
    step = _nice_step((top - low) or 1.0)
    high = math.ceil(top * 1.05 / step) * step
    count = int(round((high - low) / step))
    ticks = tuple((low + i * step, fmt_value(low + i * step)) for i in range(count + 1))
    return Scale((low, high), pixels, ticks=ticks)


def time_ticks(start: float, end: float) -> list[tuple[float, str]]:
    """Tick ordinals and labels: years for long spans, months (thinned) for short ones."""
    # the axis is padded beyond the claims' dates: clamp to the dates there are (years 1-9999)
    lowest, highest = date.min.toordinal(), date.max.toordinal()
    first = date.fromordinal(min(highest, max(lowest, int(math.ceil(start)))))
    last = date.fromordinal(min(highest, max(lowest, int(end))))
    years = last.year - first.year
    if years >= 2:
        every = max(1, math.ceil(years / 8))
        return [
            (float(date(y, 1, 1).toordinal()), str(y))
            for y in range(first.year, last.year + 1)
            if date(y, 1, 1) >= first and (y - first.year) % every == 0
        ]
    months = (last.year - first.year) * 12 + last.month - first.month
    every = max(1, math.ceil(months / 8))
    ticks: list[tuple[float, str]] = []
    for i in range(months + 1):
        y, m = divmod(first.month - 1 + i, 12)
        tick = date(first.year + y, m + 1, 1)
        if tick >= first and i % every == 0:
            ticks.append((float(tick.toordinal()), f"{MONTHS[tick.month - 1]} {tick.year}"))
    return ticks
