"""Part/whole claim pairs: a definition declared `within` another, at overlapping times.

For each part claim, the whole claims (of any ancestor definition, same metric and modality)
whose windows overlap it; among them only the smallest is returned (if the part fits under
the smallest whole it fits under all). Sorted sweep with a heap: O(n log n).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..models import Claim
from ..pairs import _LazyHeap, groups
from ..ruleset import Ruleset
from ..ruleset.models import Metric


def ancestors(metric: Metric, definition: str) -> list[str]:
    parents = {d.id: d.within for d in metric.definitions}
    out, node = [], parents.get(definition)
    while node is not None:
        out.append(node)
        node = parents.get(node)
    return out


def _smallest_overlapping(parts: Sequence[Claim], wholes: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    events = sorted([(c.time.start, 0, i) for i, c in enumerate(wholes)]
                    + [(c.time.start, 1, i) for i, c in enumerate(parts)])
    by_end = sorted(range(len(wholes)), key=lambda i: wholes[i].time.end)  # type: ignore[arg-type, return-value]
    alive: set[int] = set()
    smallest = _LazyHeap()
    cursor = 0
    for start, is_part, i in events:
        while cursor < len(by_end) and wholes[by_end[cursor]].time.end < start:  # type: ignore[operator]
            alive.discard(by_end[cursor])
            cursor += 1
        if not is_part:
            alive.add(i)
            smallest.push((wholes[i].value.high, i), i)
            continue
        j = smallest.top(alive)
        if j is not None:
            yield parts[i], wholes[j]


def part_whole_pairs(claims: Sequence[Claim], rules: Ruleset) -> Iterator[tuple[Metric, Claim, Claim]]:
    grouped = groups(claims)
    for (metric_id, definition, modality), parts in grouped.items():
        if not definition:
            continue
        metric = rules.metric(metric_id)
        for parent in ancestors(metric, definition):
            wholes = grouped.get((metric_id, parent, modality), [])
            for part, whole in _smallest_overlapping(parts, wholes):
                yield metric, part, whole
