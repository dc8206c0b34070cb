"""False errors on consistent news: audit the probe corpora and count the error findings.

    python benchmarks/newsprobe/evaluate.py [--list] [--set first|heldout|third|...|fifteenth|sixteenth]

Every text here was written to be consistent, with itself and with the other texts of its
folder (totals that grow, additions smaller than totals, provincial, company and world figures
beside national ones, targets, forecasts, comparisons with a year earlier, many date styles;
see README.md). So every error-level finding (contradiction, regression, exceeds_parent) and
every implausible_growth warning on them is false. Each folder is audited as one corpus with
the repository's rules, in this process. Prints, per folder and in total: claims, mapped
claims, error findings by kind, implausible_growth warnings, and the conflicts reported a level
lower because a figure's scope is only assumed ("demoted": a warning or info instead of an
error or warning, see src/iicheck/checks/scope.py; false too, but no CI gate at the error
level fails on them); `--list` also prints each false error's and warning's message.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "src"))

from iicheck.checks import PAIR_CHECKS  # noqa: E402
from iicheck.engine import AuditOptions, audit  # noqa: E402

SETS = ("first", "heldout", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
        "thirteenth", "fourteenth", "fifteenth", "sixteenth")


def audit_folder(folder: Path) -> dict[str, object]:
    """One folder's figures: claims, mapped claims, false errors by kind, false warnings, messages."""
    result = audit(AuditOptions(sources=sorted(folder.glob("*.txt")), rules=REPO / "rules", jobs=1, cache=None))
    report = result.report
    errors = [f for f in report.findings if f.severity == "error"]
    growth = [f for f in report.findings if f.kind == "implausible_growth" and f.severity == "warning"]
    # conflicts reported a level lower because a figure's scope is only assumed (checks/scope.py):
    # still false, but a warning (or info) that no CI gate at the error level fails on
    demoted = [f for f in report.findings if f.kind in CONFLICTS and f.severity != CONFLICTS[f.kind]]
    return {
        "claims": len(report.claims),
        "mapped": sum(1 for c in report.claims if c.metric),
        "errors": Counter(f.kind for f in errors),
        "growth": len(growth),
        "demoted": len(demoted),
        "messages": [f"{f.kind}: {f.message}" for f in errors + growth],
    }


CONFLICTS = {m.KIND: m.DEFAULT_SEVERITY for m in PAIR_CHECKS}
"""The checks that compare claims, and the severity they report at when every claim's scope is stated."""


def evaluate(sets: tuple[str, ...] = SETS) -> dict[str, dict[str, dict[str, object]]]:
    """Per set, per folder: audit_folder of it."""
    return {name: {folder.name: audit_folder(folder) for folder in sorted((HERE / name).iterdir()) if folder.is_dir()}
            for name in sets}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, action="append", help="one set (default: all)")
    parser.add_argument("--list", action="store_true", help="print every false finding's message")
    args = parser.parse_args()
    results = evaluate(tuple(args.set) if args.set else SETS)
    for name, folders in results.items():
        total_errors: Counter[str] = Counter()
        claims = mapped = growth = texts = demoted = 0
        print(f"== {name}")
        for folder, r in folders.items():
            errors = r["errors"]
            assert isinstance(errors, Counter)
            n_texts = len(list((HERE / name / folder).glob("*.txt")))
            print(f"  {folder:12s} texts {n_texts}  claims {r['claims']}  mapped {r['mapped']}  "
                  f"error findings {sum(errors.values())} {dict(errors) or ''}  implausible_growth {r['growth']}  "
                  f"demoted {r['demoted']}")
            if args.list:
                for message in r["messages"]:  # type: ignore[attr-defined]
                    print(f"      {message}")
            total_errors.update(errors)
            claims += int(r["claims"])  # type: ignore[call-overload]
            mapped += int(r["mapped"])  # type: ignore[call-overload]
            growth += int(r["growth"])  # type: ignore[call-overload]
            demoted += int(r["demoted"])  # type: ignore[call-overload]
            texts += n_texts
        print(f"  total: {texts} texts, {claims} claims ({mapped} mapped), false error findings "
              f"{sum(total_errors.values())} {dict(total_errors)}, false implausible_growth warnings {growth}, "
              f"false conflicts a level lower for an assumed scope {demoted}")


if __name__ == "__main__":
    main()
