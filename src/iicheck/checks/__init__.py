"""The checks, one module each, listed in one explicit registry (no plugin scanning).

Each module exposes KIND, DEFAULT_SEVERITY, a docstring that is its user documentation
(what it flags, fires when, does not fire when, options, example) and
`check(corpus, rules) -> Iterator[Finding]`: a pure function that reads no files, looks at no
clock and decides no exit code. The per-source checks (SOURCE_CHECKS) also expose
`check_source(doc, rules)` for one source, and the per-claim checks (PER_CLAIM_CHECKS)
`check_claim(claim, rules)`; the engine runs those in the per-document map.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    anachronism,
    artifact,
    boilerplate,
    contradiction,
    duplicate_text,
    enumeration_mismatch,
    exceeds_parent,
    implausible_growth,
    off_topic,
    out_of_range,
    regression,
    terminology,
    undated,
    unmapped_figure,
)
from .corpus import Corpus, SourceDoc

PAIR_CHECKS: tuple[ModuleType, ...] = (contradiction, regression, implausible_growth, exceeds_parent)
"""Claim checks that compare claims with each other (a group-by metric over the corpus)."""
PER_CLAIM_CHECKS: tuple[ModuleType, ...] = (out_of_range, undated, unmapped_figure)
"""Claim checks that judge one claim at a time (`check_claim`, run in the per-document map)."""
CLAIM_CHECKS: tuple[ModuleType, ...] = (*PAIR_CHECKS, *PER_CLAIM_CHECKS)
METRIC_SWITCHES: frozenset[str] = frozenset(m.KIND for m in (*PAIR_CHECKS, out_of_range, undated))
"""The checks a metric can switch off (`checks: {kind: false}` in metrics.yaml): each looks
its KIND up in the metric's `checks`; unmapped_figure has no metric to look in."""
SOURCE_CHECKS: tuple[ModuleType, ...] = (
    artifact, boilerplate, terminology, enumeration_mismatch, anachronism, duplicate_text,
)
"""Quality checks that judge one source at a time (run in the per-document map)."""
CORPUS_QUALITY_CHECKS: tuple[ModuleType, ...] = (off_topic,)
"""Quality checks that need the whole corpus (off_topic weighs words by the corpus)."""
QUALITY_CHECKS: tuple[ModuleType, ...] = (*CORPUS_QUALITY_CHECKS, *SOURCE_CHECKS)
CHECKS: dict[str, ModuleType] = {m.KIND: m for m in (*QUALITY_CHECKS, *CLAIM_CHECKS)}

__all__ = ["CHECKS", "CLAIM_CHECKS", "CORPUS_QUALITY_CHECKS", "METRIC_SWITCHES", "PAIR_CHECKS",
           "PER_CLAIM_CHECKS", "QUALITY_CHECKS", "SOURCE_CHECKS", "Corpus", "SourceDoc"]
