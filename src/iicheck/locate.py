"""Line and column of evidence: 1-based, end exclusive, from the highlighted span."""

from __future__ import annotations

import bisect
import re

from .models import Evidence, Finding

LINE_BREAK = re.compile("\r\n|\r|\n")
"""What ends a line of a source, as SARIF and editors count lines: CR LF, CR or LF."""
_LF = re.compile("\n")
"""LINE_BREAK in a text without CR (the same matches, found ten times faster)."""


def line_breaks(text: str) -> re.Pattern[str]:
    """The pattern of `text`'s line breaks (LINE_BREAK; _LF when the text has no CR)."""
    return LINE_BREAK if "\r" in text else _LF


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins (for line/column lookups by bisect)."""
    return [0, *(m.end() for m in line_breaks(text).finditer(text))]


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
