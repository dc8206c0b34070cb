"""Shared by the contradiction, regression and implausible_growth checks: one verdict per pair."""

from __future__ import annotations

from collections.abc import Iterator

from ..compare import compare, figure_phrase
from ..findings import claims_finding
from ..models import Finding
from ..pairs import groups, sweep_pairs
from ..ruleset import Ruleset


def conflicts(corpus_claims: tuple, rules: Ruleset, kind: str, severity: str) -> Iterator[Finding]:
    """Findings of one conflict kind over all (metric, definition, modality) groups."""
    for (metric_id, _, modality), claims in groups(corpus_claims).items():
        metric = rules.metric(metric_id)
        if not metric.checks.get(kind, True):
            continue
        for earlier, later in sweep_pairs(claims):
            if earlier.source == later.source and earlier.sentence_span == later.sentence_span:
                continue
            verdict = compare(earlier, later, metric)
            if verdict.kind != kind:
                continue
            scope = f" ({modality}s)" if modality != "achieved" else ""
            message = (f"{metric.label}{scope}: {figure_phrase(earlier)} vs {figure_phrase(later)}"
                       f" \u2014 {verdict.reason}")
            yield claims_finding(kind, severity, message, [earlier, later],
                                 {"ratio": verdict.ratio, "rate_per_year": verdict.rate})
