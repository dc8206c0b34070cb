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

A source whose body text is all junk scores 0, whatever its findings (`NOTHING_QUOTABLE`
says why on its scorecard): every body sentence at least half covered by boilerplate or
off_topic spans (the spans that keep figures out of the checks: the flagged part of a
sentence, not the whole sentence), at least one such span, and no figure left to compare. A
six-line menu page scored 87.5 on its five cheap boilerplate findings. A bullet-point fact
sheet (its lines are headings, not body sentences) or a text with one good sentence keeps the
formula's score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..models import Finding
from .exclusion import EXCLUDING_KINDS

WEIGHTS: dict[str, float] = {
    "anachronism": 4.0, "off_topic": 3.0, "enumeration_mismatch": 3.0, "artifact": 2.0,
    "duplicate_text": 1.0, "terminology": 0.5, "boilerplate": 0.5,
}
SEVERITY_WEIGHTS: dict[str, float] = {"error": 6.0, "warning": 3.0, "info": 1.0}
POINTS_PER_SENTENCE = 2.0
MIN_SENTENCES = 10
MAX_REPEATS = 9


def formula_in_words() -> str:
    """The formula above in one paragraph, from the constants it uses (the report's legend)."""
    by_weight: dict[float, list[str]] = {}
    for kind, weight in WEIGHTS.items():
        by_weight.setdefault(weight, []).append(kind)
    costs = "; ".join(f"{' and '.join(kinds)} {weight:g}" for weight, kinds in
                      sorted(by_weight.items(), key=lambda item: -item[0]))
    others = ", ".join(f"{severity} {weight:g}" for severity, weight in SEVERITY_WEIGHTS.items())
    return (f"The quality score runs from 0 (nothing quotable) to 100 (no quality finding). Each finding "
            f"about the source costs points by kind ({costs}; any other kind by severity: {others}); "
            f"each further occurrence adds half that cost (at most {MAX_REPEATS} occurrences count). The costs are set against "
            f"{POINTS_PER_SENTENCE:g} points per body sentence (at least {MIN_SENTENCES} sentences), so a "
            "long text with one stray token is cleaner than a short one. A source whose body text is all "
            "boilerplate or off-topic and that states no figure left to compare scores 0.")


def finding_cost(finding: Finding) -> float:
    """Penalty points of one finding (see the module docstring)."""
    weight = WEIGHTS.get(finding.kind, SEVERITY_WEIGHTS.get(finding.severity, 1.0))
    occurrences = finding.details.get("occurrences")
    n = occurrences if isinstance(occurrences, int) and occurrences > 0 else max(1, len(finding.evidence))
    return weight * (1 + 0.5 * (min(n, MAX_REPEATS) - 1))


NOTHING_QUOTABLE = ("nothing quotable: every body sentence is boilerplate or off-topic, and no "
                    "figure is left to compare")


def junk_spans(findings: Iterable[Finding]) -> list[tuple[int, int]]:
    """The boilerplate and off_topic spans among `findings` (each evidence's flagged part)."""
    return [e.figure_span or e.span for f in findings if f.kind in EXCLUDING_KINDS for e in f.evidence]


def all_junk(body: Sequence[tuple[int, int]], junk: Sequence[tuple[int, int]]) -> bool:
    """Whether there is junk and every body sentence (its span) is at least half covered by it
    (the union of the junk spans: two flags of 40% each cover 80%)."""
    return bool(junk) and all(2 * _covered(start, end, junk) >= end - start for start, end in body)


def _covered(start: int, end: int, spans: Sequence[tuple[int, int]]) -> int:
    covered, reach = 0, start
    for s, e in sorted((max(s, start), min(e, end)) for s, e in spans if s < end and start < e):
        if e > reach:
            covered += e - max(s, reach)
            reach = e
    return covered


def source_quality(findings_for_source: Iterable[Finding], n_sentences: int,
                   nothing_quotable: bool = False) -> tuple[float, dict[str, int]]:
    """(score 0-100, number of findings by kind) for one source's findings and its number of
    body sentences; 0 when `nothing_quotable` (see the module docstring)."""
    findings = list(findings_for_source)
    counts = dict(sorted(Counter(f.kind for f in findings).items()))
    if nothing_quotable:
        return 0.0, counts
    penalty = sum(finding_cost(f) for f in findings)
    budget = POINTS_PER_SENTENCE * max(n_sentences, MIN_SENTENCES)
    score = min(100.0, max(0.0, 100.0 - 100.0 * penalty / budget))
    return round(score, 1), counts
