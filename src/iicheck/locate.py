"""Line and column of evidence: 1-based, end exclusive, from the highlighted span."""

from __future__ import annotations

import bisect
import re

from .models import Evidence, Finding

_NEWLINE = re.compile("\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins (for line/column lookups by bisect)."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def _line_col(starts: list[int], pos: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, pos)
    return line, pos - starts[line - 1] + 1


def locate(evidence: Evidence, starts: list[int]) -> Evidence:
    """Stamp 1-based line/column (end exclusive) on evidence, from the highlighted span."""
    start, end = evidence.figure_span or evidence.span
    line, column = _line_col(starts, start)
    end_line, end_column = _line_col(starts, end)
    return evidence.model_copy(update={"line": line, "column": column, "end_line": end_line,
                                       "end_column": end_column})


def locate_finding(finding: Finding, starts: list[int]) -> Finding:
    """The finding with every evidence located; all its evidence is in the one source whose
    line starts are given."""
    return finding.model_copy(update={"evidence": tuple(locate(e, starts) for e in finding.evidence)})
