"""exceeds_parent — a part larger than its whole.

Flags: a claim whose definition is declared `within` another (directly or further up) and
whose value interval lies entirely above a claim of that parent definition at an
overlapping time, same metric and modality.
Fires when: "more than 150 platforms with influence" beside "about 100 industrial internet
platforms" in total, both in 2022.
Does not fire when: the windows do not overlap (the whole may have grown since); the part
may be smaller ("more than 150 with influence" within "nearly 1,000" in all — reconciled).
Options: `within:` on the definition in rules/metrics.yaml; `checks: {exceeds_parent: false}`.
Severity: error; a warning when a figure's scope is only assumed (see contradiction).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..compare import figure_phrase
from ..findings import claims_finding
from ..intervals import entirely_below
from ..models import Finding, Severity
from ..ruleset import Ruleset
from .corpus import Corpus
from .nesting import part_whole_pairs
from .scope import scoped

KIND = "exceeds_parent"
DEFAULT_SEVERITY: Severity = "error"


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    for metric, part, whole in part_whole_pairs(corpus.claims, rules):
        if not metric.checks.get(KIND, True) or not entirely_below(whole.value, part.value):
            continue
        labels = {d.id: d.label for d in metric.definitions}
        message = (f"{metric.label}: {labels[part.definition or '']} {figure_phrase(part)} exceed "
                   f"{labels[whole.definition or '']} {figure_phrase(whole)}, which include them")
        severity, message = scoped(DEFAULT_SEVERITY, message, (part, whole))
        yield claims_finding(KIND, severity, message, [part, whole])
