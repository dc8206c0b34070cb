"""Line and column of evidence: 1-based, end exclusive, from the highlighted span."""

from __future__ import annotations

import bisect
import re
from typing import Any, TypeVar

from pydantic import BaseModel

from .models import Evidence, Finding

_NEWLINE = re.compile("\n")
_M = TypeVar("_M", bound=BaseModel)
_set = object.__setattr__


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins (for line/column lookups by bisect)."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text))]


def _line_col(starts: list[int], pos: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, pos)
    return line, pos - starts[line - 1] + 1


def _updated(model: _M, update: dict[str, Any]) -> _M:
    """``model.model_copy(update=update)`` for the report's frozen models (no extra fields, no
    private attributes), without its general machinery: a new instance with the fields'
    values updated and the updated names added to the fields set, as model_copy does (its
    values are not validated either). Twice as fast: this runs once per piece of evidence."""
    copied = model.__class__.__new__(model.__class__)
    _set(copied, "__dict__", {**model.__dict__, **update})
    _set(copied, "__pydantic_extra__", None)
    _set(copied, "__pydantic_fields_set__", model.__pydantic_fields_set__ | update.keys())
    _set(copied, "__pydantic_private__", None)
    return copied


def locate(evidence: Evidence, starts: list[int]) -> Evidence:
    """Stamp 1-based line/column (end exclusive) on evidence, from the highlighted span."""
    start, end = evidence.figure_span or evidence.span
    line, column = _line_col(starts, start)
    end_line, end_column = _line_col(starts, end)
    return _updated(evidence, {"line": line, "column": column, "end_line": end_line, "end_column": end_column})


def locate_finding(finding: Finding, starts: list[int]) -> Finding:
    """The finding with every evidence located; all its evidence is in the one source whose
    line starts are given."""
    return _updated(finding, {"evidence": tuple(locate(e, starts) for e in finding.evidence)})
