"""undated — a figure whose time is too uncertain to compare with anything.

Flags: a mapped claim whose time window is unknown, or wider than `undated_max_days`
(rules/extraction.yaml, default 1,096 days: three years). Such a claim is left out of no
check, but any comparison with it can only be loose; the editor should date it.
Fires when: a source with no date in metadata, header or address mentions no year at all,
or only a wide phrase dates the figure ("since 2010").
Does not fire when: the sentence or paragraph dates the figure, or the publication date is known;
the metric is a `flow` and the text states the figure's period ("over the five years from 2019
to 2023": a total for those years, not a loose date).
Options: `time.undated_max_days` in rules/extraction.yaml; `checks: {undated: false}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..compare import when
from ..findings import claims_finding
from ..models import Claim, Finding, Severity
from ..pairs import STATED_PERIOD
from ..ruleset import Ruleset
from .corpus import Corpus, each_claim

KIND = "undated"
DEFAULT_SEVERITY: Severity = "warning"


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_claim(check_claim, corpus, rules)


def check_claim(claim: Claim, rules: Ruleset) -> Iterator[Finding]:
    limit = rules.extraction.time.undated_max_days
    metric = rules.metric(claim.metric) if claim.metric else None
    if metric is None or not metric.checks.get(KIND, True):
        return
    days = claim.time.days()
    if days is not None and (days <= limit or (metric.flow and claim.time.basis in STATED_PERIOD)):
        return  # a flow's five-year total states its period, it is not dated loosely
    if days is None:
        why = ("has no date at all (no publication date is known and no year in the text dates it): it "
               "is compared with nothing; give the source a publication date in sources.yaml. ")
    else:
        why = (f"cannot be dated closer than {when(claim.time)} ({days:,} days, over {limit:,}): comparisons "
               f"with it allow for any change the metric's growth bound permits over that whole window, so "
               f"they can only be loose; date it to compare it properly. ")
    yield claims_finding(KIND, DEFAULT_SEVERITY,
                         f"\u201c{claim.figure}\u201d ({claim.source}) {why}"
                         f"{claim.time.note}", [claim])
