"""Shared by the checks that compare claims (contradiction, regression, implausible_growth,
exceeds_parent): a conflict with a claim whose scope is only assumed is reported a level lower.

A figure of a metric that counts the rules' home scope (the country) is the country's as
*stated* when its source names the home scope in its title, first line or first body sentence,
a heading above it or its paragraph up to its sentence, and as *assumed* otherwise
(Claim.scope_basis, set by iicheck.claims). Out-of-sample news text showed why it matters: most false conflicts come
from a figure of a company, a site or a place that no scope list names, in a paragraph that
never names the country, read as the country's (benchmarks/newsprobe/README.md).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..findings import quoted
from ..models import Claim, Severity

LOWER: dict[str, Severity] = {"error": "warning", "warning": "info"}
"""One level lower; info, the lowest, stays as it is."""


def scoped(severity: Severity, message: str, claims: Sequence[Claim]) -> tuple[Severity, str]:
    """The severity and message of a conflict between `claims`: unchanged when every claim's scope
    is stated, else one level lower, and the message says which figure's scope is assumed."""
    assumed = [c for c in claims if c.scope_basis == "assumed"]
    if not assumed or severity not in LOWER:
        return severity, message
    which = " and ".join(f"{quoted(c.figure)} ({c.source})" for c in assumed)
    lower = LOWER[severity]
    return lower, (f"{message}; {_a(lower)}, not {_a(severity)}: nothing in the title, the opening lines, "
                   f"a heading or the paragraph of {which} names the country (metrics.yaml: home), "
                   "so it may be another's figure")


def _a(word: str) -> str:
    """`word` with its indefinite article ("an error", "a warning")."""
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"
