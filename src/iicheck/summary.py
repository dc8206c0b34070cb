"""The report's summary counts, computed in one place (engine, tests and benchmarks use it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .models import Claim, Finding, Summary

SEVERITIES = ("error", "warning", "info")


def build_summary(sources: int, claims: Sequence[Claim], findings: Sequence[Finding], reconciled: int) -> Summary:
    """Counts by severity and kind; by status (`new`, `updated`, `explained`: they add up to
    the findings); and `unexplained_by_severity`, the new and updated ones the gate judges."""
    by_severity: Counter[str] = Counter()
    unexplained: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    for f in findings:
        by_severity[f.severity] += 1
        by_kind[f.kind] += 1
        by_status[f.status] += 1
        if f.status != "explained":
            unexplained[f.severity] += 1
    return Summary(
        sources=sources, claims=len(claims), mapped_claims=sum(1 for c in claims if c.metric),
        findings=len(findings),
        by_severity={s: by_severity[s] for s in SEVERITIES},
        by_kind=dict(sorted(by_kind.items())),
        new=by_status["new"], updated=by_status["updated"], explained=by_status["explained"],
        unexplained_by_severity={s: unexplained[s] for s in SEVERITIES}, reconciled=reconciled,
    )
