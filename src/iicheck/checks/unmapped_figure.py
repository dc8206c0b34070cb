"""unmapped_figure — a figure no metric rule covers (info), so the rules' gaps are visible.

Flags: a claim with no metric, in a sentence that is neither off-topic nor boilerplate.
Fires when: "31 provinces (autonomous regions and municipalities) have issued local policies"
— no metric counts provinces with local policies.
Does not fire when: a metric maps the figure; the claim is excluded (off-topic, boilerplate).
Options: add a metric to rules/metrics.yaml to cover the figure; `iicheck claims` lists them.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import claims_finding
from ..models import Claim, Finding, Severity
from ..ruleset import Ruleset
from .corpus import Corpus, each_claim

KIND = "unmapped_figure"
DEFAULT_SEVERITY: Severity = "info"


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_claim(check_claim, corpus, rules)


def check_claim(claim: Claim, rules: Ruleset) -> Iterator[Finding]:
    if claim.metric is None:
        unit = f" (unit: {claim.unit})" if claim.unit else ""
        yield claims_finding(KIND, DEFAULT_SEVERITY,
                             f"\u201c{claim.figure}\u201d{unit} in {claim.source} matches no metric rule",
                             [claim])
