"""Which claim pairs to compare: a sort-and-sweep per group, not all pairs.

Claims are grouped by (metric, definition, modality) and sorted by window start. Sweeping in
that order, each claim is compared with at most four earlier ones: among those whose windows
still overlap it, the one with the highest lower bound and the one with the lowest upper
bound (if it agrees with both extremes it agrees with all of them); among those already
finished, the latest-ending and the highest. Heaps keep each step O(log n), so a metric with
100,000 claims costs O(n log n), and every conflicting claim is still found.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from .models import Claim


def comparable(claims: Iterable[Claim]) -> list[Claim]:
    """Mapped, dated, not excluded claims: the ones consistency checks look at."""
    return [c for c in claims if c.metric and c.time.known and c.excluded is None]


def groups(claims: Iterable[Claim], by_definition: bool = True) -> dict[tuple[str, str, str], list[Claim]]:
    out: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in comparable(claims):
        key = (c.metric or "", (c.definition or "") if by_definition else "", c.modality)
        out[key].append(c)
    return dict(sorted(out.items()))


def _time_key(c: Claim) -> tuple[object, ...]:
    return (c.time.start, c.time.end, c.source, c.span)


class _LazyHeap:
    """A heap of (key, index) whose stale entries are dropped when they reach the top."""

    def __init__(self) -> None:
        self.items: list[tuple[object, int]] = []

    def push(self, key: object, index: int) -> None:
        heapq.heappush(self.items, (key, index))

    def top(self, alive: set[int]) -> int | None:
        while self.items and self.items[0][1] not in alive:
            heapq.heappop(self.items)
        return self.items[0][1] if self.items else None


def sweep_pairs(claims: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """(earlier, later) pairs worth comparing within one group, each pair once."""
    ordered = sorted(claims, key=_time_key)
    ends: list[tuple[object, int]] = []
    active: set[int] = set()
    max_low, min_high = _LazyHeap(), _LazyHeap()
    done_latest: int | None = None
    done_highest: int | None = None
    for i, claim in enumerate(ordered):
        while ends and ends[0][0] < claim.time.start:  # type: ignore[operator]
            _, j = heapq.heappop(ends)
            active.discard(j)
            done = ordered[j]
            if done_latest is None or _time_key(done) >= _time_key(ordered[done_latest]):
                done_latest = j
            if done_highest is None or done.value.low > ordered[done_highest].value.low:
                done_highest = j
        partners = {max_low.top(active), min_high.top(active), done_latest, done_highest}
        for j in sorted(p for p in partners if p is not None):
            yield ordered[j], claim
        heapq.heappush(ends, (claim.time.end, i))
        active.add(i)
        max_low.push((-claim.value.low, i), i)
        min_high.push((claim.value.high, i), i)


STATED_PERIOD = ("explicit", "paragraph")
"""The bases of a flow metric's claims that are compared: a period the text states ("in the
first half of 2023"), not one guessed from the publication date."""


def flow_pairs(claims: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """(earlier, later) pairs of a flow metric's group worth comparing (see iicheck.compare):
    claims for stated periods of one length (a year, a half year, a quarter, in whole months),
    either the very same period or periods that do not overlap (2022 and 2023, not a year to
    June and the calendar year); each length's claims swept as `sweep_pairs` sweeps a group."""
    lengths: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        days = c.time.days()
        if c.time.basis in STATED_PERIOD and days is not None:
            lengths[round(days / 30.44)].append(c)
    for _, same in sorted(lengths.items()):
        for a, b in sweep_pairs(same):
            ta, tb = a.time, b.time
            if (ta.start, ta.end) == (tb.start, tb.end) or ta.end < tb.start or tb.end < ta.start:  # type: ignore[operator]
                yield a, b
