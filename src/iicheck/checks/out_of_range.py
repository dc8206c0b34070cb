"""out_of_range — a figure outside what the metric can plausibly be.

Flags: a mapped claim whose value interval lies entirely outside the metric's declared
`plausible_range` [low, high].
Fires when: "1.35 trillion platforms" or "0.5 nodes" — usually a mis-scaled or mis-read figure.
Does not fire when: the metric declares no `plausible_range`; the interval touches the range.
Options: `plausible_range: [low, high]` on the metric; `checks: {out_of_range: false}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import claims_finding
from ..intervals import describe, fmt
from ..models import Claim, Finding, Severity
from ..ruleset import Ruleset
from .corpus import Corpus, each_claim

KIND = "out_of_range"
DEFAULT_SEVERITY: Severity = "warning"


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_claim(check_claim, corpus, rules)


def check_claim(claim: Claim, rules: Ruleset) -> Iterator[Finding]:
    if not claim.metric:
        return
    metric = rules.metric(claim.metric)
    if metric.plausible_range is None or not metric.checks.get(KIND, True):
        return
    low, high = metric.plausible_range
    if claim.value.high < low or claim.value.low > high:
        yield claims_finding(KIND, DEFAULT_SEVERITY,
                             f"{metric.label}: \u201c{claim.figure}\u201d ({claim.source}) is "
                             f"{describe(claim.value)}, outside the plausible range "
                             f"[{fmt(low)}, {fmt(high)}]", [claim])
