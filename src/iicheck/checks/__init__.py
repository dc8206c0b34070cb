"""The checks, one module each, listed in one explicit registry (no plugin scanning).

Each module exposes KIND, DEFAULT_SEVERITY, a docstring that is its user documentation
(what it flags, fires when, does not fire when, options, example) and
`check(corpus, rules) -> Iterator[Finding]`: a pure function that reads no files, looks at no
clock and decides no exit code.
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
from .corpus import Corpus

CLAIM_CHECKS: tuple[ModuleType, ...] = (
    contradiction, regression, implausible_growth, exceeds_parent, out_of_range, undated,
    unmapped_figure,
)
QUALITY_CHECKS: tuple[ModuleType, ...] = (
    off_topic, artifact, boilerplate, terminology, enumeration_mismatch, anachronism, duplicate_text,
)
CHECKS: dict[str, ModuleType] = {m.KIND: m for m in (*QUALITY_CHECKS, *CLAIM_CHECKS)}

__all__ = ["CHECKS", "CLAIM_CHECKS", "QUALITY_CHECKS", "Corpus"]
