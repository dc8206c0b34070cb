"""regression — a running total that goes down.

Flags: for a metric declared `cumulative`, a claim whose window is later (starts and ends
after the other's) and whose value interval lies entirely below an earlier claim's.
Fires when: "more than 150 platforms with influence" (2021–2022) and, in a source dated
2023-06-30, "more than 60 industrial internet platforms with certain industry and regional
influence".
Does not fire when: the metric is not cumulative (shares, rates, value added); the lower
figure may be the earlier one; the definitions or modalities differ.
Options: `cumulative: true` on the metric; `checks: {regression: false}` to switch off.
Severity: error; a warning when a figure's scope is only assumed (see contradiction).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Finding, Severity
from ..ruleset import Ruleset
from .corpus import Corpus
from .pairwise import conflicts

KIND = "regression"
DEFAULT_SEVERITY: Severity = "error"


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from conflicts(corpus.claims, rules, KIND, DEFAULT_SEVERITY)
