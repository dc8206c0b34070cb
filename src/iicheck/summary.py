"""The report's summary counts, computed in one place (engine, tests and benchmarks use it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .models import Claim, Finding, Summary

SEVERITIES = ("error", "warning", "info")


def build_summary(sources: int, claims: Sequence[Claim], findings: Sequence[Finding], reconciled: int) -> Summary:
    by_severity: Counter[str] = Counter()
    new_by_severity: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    for f in findings:
        by_severity[f.severity] += 1
        by_kind[f.kind] += 1
        if f.status != "explained":
            new_by_severity[f.severity] += 1
    new = sum(new_by_severity.values())
    return Summary(
        sources=sources, claims=len(claims), mapped_claims=sum(1 for c in claims if c.metric),
        findings=len(findings),
        by_severity={s: by_severity[s] for s in SEVERITIES},
        by_kind=dict(sorted(by_kind.items())),
        new=new, new_by_severity={s: new_by_severity[s] for s in SEVERITIES},
        explained=len(findings) - new, reconciled=reconciled,
    )
