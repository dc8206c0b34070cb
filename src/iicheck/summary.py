"""The report's summary counts, computed in one place (engine, tests and benchmarks use it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .models import Claim, Finding, Summary

SEVERITIES = ("error", "warning", "info")


def build_summary(sources: int, claims: Sequence[Claim], findings: Sequence[Finding], reconciled: int) -> Summary:
    new = [f for f in findings if f.status != "explained"]
    return Summary(
        sources=sources, claims=len(claims), mapped_claims=sum(1 for c in claims if c.metric),
        findings=len(findings),
        by_severity={s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES},
        by_kind=dict(sorted(Counter(f.kind for f in findings).items())),
        new=len(new), new_by_severity={s: sum(1 for f in new if f.severity == s) for s in SEVERITIES},
        explained=len(findings) - len(new), reconciled=reconciled,
    )
