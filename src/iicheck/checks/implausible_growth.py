"""implausible_growth — growth between two dates faster than the metric can grow.

Flags: two claims on one metric and definition with disjoint time windows where the smallest
growth the intervals allow, per year over the longest time the windows leave, exceeds the
metric's declared `max_growth_per_year` (a fall of that size, for metrics that can fall).
Fires when: "exceeded 100000 sets" of connected equipment (2019) and "40 million sets" two
years later: ×364 in at most 2 years (×19 a year), far above ×3.
Does not fire when: no `max_growth_per_year` is declared; the windows overlap (that is a
contradiction); the growth fits ("more than 50" in 2019–2020 → "more than 150" in 2021–2022).
Options: `max_growth_per_year` on the metric; `checks: {implausible_growth: false}`.
Severity: warning; info when a figure's scope is only assumed (see contradiction).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Finding, Severity
from ..ruleset import Ruleset
from .corpus import Corpus
from .pairwise import conflicts

KIND = "implausible_growth"
DEFAULT_SEVERITY: Severity = "warning"


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from conflicts(corpus.claims, rules, KIND, DEFAULT_SEVERITY)
