"""The full report as JSON: exactly `Report.model_dump(mode="json")` (schema: docs/schema.md).

Keys are sorted and the output ends with a newline, so identical input gives identical bytes.
The JSON report always carries every finding with its status (new / updated / explained)
and reason: it is the complete record, so `include_explained` is accepted for a uniform
renderer signature but changes nothing.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import Report


def render(report: Report, *, include_explained: bool = True, **_options: Any) -> str:
    """Serialise the whole report; byte-identical for identical reports."""
    del include_explained
    return json.dumps(report.model_dump(mode="json"), indent=2, sort_keys=True,
                      ensure_ascii=False) + "\n"
