"""Audit the two scraped-page sets and score the per-source quality checks against their truth.

    python benchmarks/pagequality/evaluate.py [--rules DIR] [--set dev|heldout]

Each set (``dev/``, ``heldout/``, ``third/``: documents written as a scraper captures web
pages, and a ``truth.json`` of the furniture, debris, enumerations, anachronisms and repeats
they hold) is audited in this process with the given rules (default: the repository's), the
JSON report written to a temporary folder, and the set's scorer (``dev/score.py``;
``heldout/score.py`` for the other two) prints true positives, false positives and misses per
check kind, and every false positive and miss. See README.md.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from iicheck.atomic import write_all_atomic  # noqa: E402
from iicheck.engine import AuditOptions, audit  # noqa: E402
from iicheck.render import render_for_file  # noqa: E402

SETS = ("dev", "heldout", "third", "fourth", "fifth", "sixth")
SCORERS = {"dev": ["dev/score.py"], "heldout": ["heldout/score.py"],
           "third": ["heldout/score.py", "--truth", "third/truth.json"],
           "fourth": ["heldout/score.py", "--truth", "fourth/truth.json"],
           "fifth": ["heldout/score.py", "--truth", "fifth/truth.json"],
           "sixth": ["heldout/score.py", "--truth", "sixth/truth.json"]}
"""Each set's scorer (the third to sixth sets' truth is in the held-out set's format)."""


def audit_set(name: str, rules: Path, out: Path) -> Path:
    """The audit.json of one set, written under `out`."""
    report = audit(AuditOptions(sources=(HERE / name / "docs",), rules=rules, jobs=1)).report
    path = out / f"{name}.json"
    write_all_atomic([(path, render_for_file("json", report))])
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rules", type=Path, default=ROOT / "rules")
    parser.add_argument("--set", choices=SETS, action="append", help="one set (default: all three)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.set or SETS:
            print(f"=== {name} ({HERE / name})", flush=True)
            report = audit_set(name, args.rules, Path(tmp))
            script, *options = SCORERS[name]
            code = subprocess.call([sys.executable, str(HERE / script), str(report),
                                    *(str(HERE / o) if o.endswith(".json") else o for o in options)])
            if code:
                return code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
