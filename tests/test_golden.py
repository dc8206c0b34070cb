"""Golden files for the machine outputs of the seeds' audit, reviewed in diffs.

`reports/audit.json` (the committed example) is the JSON golden; SARIF and JUnit goldens live
in tests/golden/. Rebuild all of them after an intended change with:

    IICHECK_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py && iicheck audit
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from iicheck.engine import AuditOptions, audit
from iicheck.render import render

from .conftest import RULES, SEEDS, ROOT

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("IICHECK_UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def report():
    options = AuditOptions(sources=(SEEDS,), rules=RULES, explanations=RULES / "explanations.yaml")
    return audit(options).report


@pytest.mark.parametrize(("fmt", "path"), [
    ("json", ROOT / "reports" / "audit.json"),
    ("sarif", GOLDEN / "seeds.sarif"),
    ("junit", GOLDEN / "seeds.junit.xml"),
    ("gitlab", GOLDEN / "seeds.gitlab.json"),
])
def test_output_matches_golden(report, fmt: str, path: Path) -> None:
    text = render(fmt, report, root=ROOT)
    assert isinstance(text, str)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, (
        f"{path} is stale: rebuild with IICHECK_UPDATE_GOLDEN=1 (see this module's docstring)")


def test_sarif_snippets_are_the_text_of_their_regions_in_the_seed_files(report) -> None:
    """SARIF 3.30.13: a region's snippet is the text inside it. The figure's region quoted the
    whole sentence; now the figure, with the sentence as its context region."""
    log = json.loads(render("sarif", report, root=ROOT, include_explained=True))
    checked = 0
    for result in log["runs"][0]["results"]:
        for place in result["locations"] + result.get("relatedLocations", []):
            physical = place["physicalLocation"]
            text = (ROOT / physical["artifactLocation"]["uri"]).read_text(encoding="utf-8")
            region, context = physical["region"], physical.get("contextRegion")
            if context is None:
                continue
            start = context["charOffset"]
            assert text[start:start + context["charLength"]] == context["snippet"]["text"]
            assert region["startLine"] == region["endLine"]
            line = text.split("\n")[region["startLine"] - 1]
            assert line[region["startColumn"] - 1:region["endColumn"] - 1] == region["snippet"]["text"]
            checked += 1
    assert checked >= 40
