"""The full report as JSON: exactly `Report.model_dump(mode="json")` (schema: docs/schema.md).

Keys are sorted and the output ends with a newline, so identical input gives identical bytes.
The JSON report always carries every finding with its status (new / updated / explained)
and reason: it is the complete record, so `include_explained` is accepted for a uniform
renderer signature but changes nothing.
"""

from __future__ import annotations

from typing import Any

from ..models import Report


def render(report: Report, *, include_explained: bool = True, **_options: Any) -> str:
    """Serialise the whole report; byte-identical for identical reports.

    Written by pydantic-core straight from the models (no intermediate dictionaries: about
    twice as fast as building them and dumping with orjson, and a fraction of the memory on
    large reports) in the layout of ``json.dumps(..., indent=2, sort_keys=True,
    ensure_ascii=False)``: keys come out sorted because the models declare their fields in
    alphabetical order and sort their dictionaries (models.py). The text is the standard
    library's except that small floats are written without an exponent (``0.00001``, not
    ``1e-05``); both parse to the same value (tested)."""
    del include_explained
    return report.model_dump_json(indent=2) + "\n"
