"""contradiction — two figures for the same thing at the same time that cannot both be true.

Flags: two claims with the same metric, definition and modality whose time windows overlap
and whose value intervals are disjoint, unless the metric's declared `max_growth_per_year`
can explain the gap within the windows.
Fires when: "over 70 platforms of considerable influence" (published 2021-02-23) and "over
120 industrial internet platforms of considerable influence" (published 2021-03-01): ×1.5 in
at most 0.3 years (×4.7 a year) is above the declared ×3.
Does not fire when: the windows do not overlap (see regression, implausible_growth); the
definitions differ (all platforms vs platforms with influence); one is a target and the other
achieved; the values' intervals overlap ("more than 70" vs "about 75").
Options: per metric in rules/metrics.yaml: `max_growth_per_year`, `checks: {contradiction: false}`.
Severity: error; a warning when a figure's scope is only assumed (nothing in its source's title,
first line or first body sentence, a heading above it or its paragraph up to its sentence names
the country: a phrase of metrics.yaml `home`), and the message says which figure (checks/scope.py).
Which pairs: not every pair of a metric is compared (that would grow with the square of its
claims); each claim is compared with the few that disagree with it most (iicheck.pairs: the
overlapping claims with the highest lower and the lowest upper bound, and the latest and
highest of those before it). So every claim in conflict is reported in at least one finding,
but not every conflicting pair: of four sources saying 120, 200, 300 and 340 for one month,
200 against 300 may go unreported while both are reported against the others.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Finding, Severity
from ..ruleset import Ruleset
from .corpus import Corpus
from .pairwise import conflicts

KIND = "contradiction"
DEFAULT_SEVERITY: Severity = "error"


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from conflicts(corpus.claims, rules, KIND, DEFAULT_SEVERITY)
