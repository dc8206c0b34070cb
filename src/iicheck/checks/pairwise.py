"""Shared by the contradiction, regression and implausible_growth checks: one verdict per pair
(a level lower when a claim's scope is only assumed: checks/scope.py)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..compare import figure_phrase, verdicts
from ..findings import claims_finding
from ..models import Claim, Finding, Severity
from ..ruleset import Ruleset
from .scope import scoped


def conflicts(corpus_claims: Sequence[Claim], rules: Ruleset, kind: str, severity: Severity) -> Iterator[Finding]:
    """Findings of one conflict kind over all (metric, definition, modality) groups."""
    for metric, modality, earlier, later, verdict in verdicts(corpus_claims, rules):
        if verdict.kind != kind or not metric.checks.get(kind, True):
            continue
        scope = f" ({modality}s)" if modality != "achieved" else ""
        message = (f"{metric.label}{scope}: {figure_phrase(earlier)} vs {figure_phrase(later)}"
                   f" \u2014 {verdict.reason}")
        level, message = scoped(severity, message, (earlier, later))
        yield claims_finding(kind, level, message, [earlier, later],
                             {"ratio": verdict.ratio, "rate_per_year": verdict.rate})
