"""A source's quality score for the scorecards: 0 (unusable) to 100 (clean).

Formula
-------
Each finding about the source costs penalty points::

    cost = weight[kind] * (1 + 0.5 * (min(occurrences, 9) - 1))

``occurrences`` is the finding's ``details["occurrences"]`` when set (artifact, terminology,
boilerplate, duplicate_text), else its number of evidence sentences; repeats add half a
finding each, up to 9 (a scraper code pasted 5 times costs 3 findings' worth, a variant
used 24 times 5). Weights by kind (``WEIGHTS``): anachronism 4; off_topic, enumeration_mismatch
3; artifact 2; duplicate_text 1; terminology, boilerplate 0.5; any other kind by severity
(error 6, warning 3, info 1). A finding that involves several sources (a contradiction)
costs each of them in full.

The costs are normalised by length — a long text with one stray token is cleaner than a short
one — at two points per sentence (never fewer than 10 sentences)::

    score = clamp(100 - 100 * sum(costs) / (2 * max(n_sentences, 10)), 0, 100)

rounded to one decimal. So a 24-sentence source with one 5-times artifact and one
terminology variant scores 100 - 100 * 6.5 / 48 = 86.5.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ..models import Finding

WEIGHTS: dict[str, float] = {
    "anachronism": 4.0, "off_topic": 3.0, "enumeration_mismatch": 3.0, "artifact": 2.0,
    "duplicate_text": 1.0, "terminology": 0.5, "boilerplate": 0.5,
}
SEVERITY_WEIGHTS: dict[str, float] = {"error": 6.0, "warning": 3.0, "info": 1.0}
POINTS_PER_SENTENCE = 2.0
MIN_SENTENCES = 10
MAX_REPEATS = 9


def finding_cost(finding: Finding) -> float:
    """Penalty points of one finding (see the module docstring)."""
    weight = WEIGHTS.get(finding.kind, SEVERITY_WEIGHTS.get(finding.severity, 1.0))
    occurrences = finding.details.get("occurrences")
    n = occurrences if isinstance(occurrences, int) and occurrences > 0 else max(1, len(finding.evidence))
    return weight * (1 + 0.5 * (min(n, MAX_REPEATS) - 1))


def source_quality(findings_for_source: Iterable[Finding], n_sentences: int) -> tuple[float, dict[str, int]]:
    """(score 0-100, number of findings by kind) for one source's findings."""
    findings = list(findings_for_source)
    penalty = sum(finding_cost(f) for f in findings)
    budget = POINTS_PER_SENTENCE * max(n_sentences, MIN_SENTENCES)
    score = min(100.0, max(0.0, 100.0 - 100.0 * penalty / budget))
    return round(score, 1), dict(sorted(Counter(f.kind for f in findings).items()))
