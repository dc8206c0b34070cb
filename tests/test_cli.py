"""The CLI through click's runner, and once as a real subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from iicheck.cli import main

from .conftest import ROOT, RULES, SEEDS


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_version_and_help(runner: CliRunner) -> None:
    assert runner.invoke(main, ["--version"]).output.startswith("iicheck, version ")
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("audit", "claims", "check", "explain", "adopt", "rules"):
        assert command in result.output


def test_claims_json_schema(runner: CliRunner) -> None:
    result = runner.invoke(main, ["claims", str(SEEDS), "--rules", str(RULES), "--format", "json"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)["claims"]
    assert len(claims) == 47
    first = claims[0]
    for key in ("source", "sentence", "span", "value", "unit", "metric", "definition", "time", "modality"):
        assert key in first
    assert set(first["value"]) >= {"stated", "qualifier", "low", "high"}
    assert set(first["time"]) >= {"start", "end", "basis"}


def test_claims_table_and_csv(runner: CliRunner) -> None:
    import csv
    import io
    found = json.loads(runner.invoke(main, ["claims", str(SEEDS), "--rules", str(RULES), "--format", "json"]).stdout)["claims"]
    table = runner.invoke(main, ["claims", str(SEEDS), "--rules", str(RULES)])
    assert table.exit_code == 0 and table.stderr == "47 claims, 24 mapped\n"
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["source", "figure", "values", "unit", "metric/definition", "time", "basis",
                                "modality", "excluded"]
    assert len(lines) == 1 + len(found)
    row = next(line for line in lines if "more than 150" in line)
    assert "(150, 160)" in row and "ii_platforms/influential" in row
    # columns line up: every row's metric starts where the header's does
    column = lines[0].index("metric/definition")
    assert all(line[column - 2:column] == "  " and line[column] != " " for line in lines[1:])
    assert "/None" not in table.stdout  # a metric without a definition is shown alone
    result = runner.invoke(main, ["claims", str(SEEDS), "--rules", str(RULES), "--format", "CSV"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == [c["id"] for c in found]
    for r, c in zip(rows, found):
        assert r["sentence"] == c["sentence"] and r["figure"] == c["figure"]
        assert float(r["low"]) == c["value"]["low"] and float(r["high"]) == c["value"]["high"]
        assert r["low_inclusive"] == str(c["value"]["low_inclusive"]) and r["metric"] == (c["metric"] or "")
        assert r["time_start"] == (c["time"]["start"] or "") and r["excluded"] == (c["excluded"] or "")


def test_claims_table_cuts_long_cells() -> None:
    from iicheck.models import Claim
    from iicheck.render.claims_table import table
    claim = Claim.model_validate(json.loads((ROOT / "reports" / "audit.json").read_text(encoding="utf-8"))["claims"][0])
    long = claim.model_copy(update={"source": "s" * 40, "figure": "a\nvery long figure " * 5})
    header, row = table([long]).splitlines()
    assert row.startswith("s" * 23 + "…  a very long figure") and "\n" not in row
    assert row.index("…", 30) - row.index("a very") == 29  # figure cut at 30 characters
    assert table([]) == ""


def test_claims_csv_defuses_formulas() -> None:
    import csv
    import io
    from iicheck.models import Claim
    from iicheck.render.claims_table import csv_text
    claim = Claim.model_validate(json.loads((ROOT / "reports" / "audit.json").read_text(encoding="utf-8"))["claims"][0])
    evil = claim.model_copy(update={"sentence": '=HYPERLINK("http://x","4 aspects")', "figure": "@4", "source": "-x"})
    row = next(csv.DictReader(io.StringIO(csv_text([evil, claim]))))
    assert (row["sentence"], row["figure"], row["source"]) == ("'" + evil.sentence, "'@4", "'-x")
    assert row["low"] == "4.0"  # numbers untouched
    assert list(csv.DictReader(io.StringIO(csv_text([claim]))))[0]["sentence"] == claim.sentence


def test_audit_writes_json_deterministically(runner: CliRunner, tmp_path: Path) -> None:
    args = ["audit", str(SEEDS), "--rules", str(RULES), "--format", "json"]
    first = runner.invoke(main, [*args, "--out", str(tmp_path / "a")])
    second = runner.invoke(main, [*args, "--out", str(tmp_path / "b")])
    assert first.exit_code == second.exit_code == 0, first.output
    a, b = (tmp_path / "a" / "audit.json").read_bytes(), (tmp_path / "b" / "audit.json").read_bytes()
    assert a == b
    data = json.loads(a)
    assert set(data) >= {"sources", "claims", "findings", "reconciled", "summary"}


def test_bad_rule_file_is_exit_2_with_location(runner: CliRunner, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "qualifiers.yaml").write_text("version: 1\nqualifiers: []\n")
    (rules / "metrics.yaml").write_text("version: 1\nmetrics:\n  - id: x\n    label: X\n    unit: u\n    colour: red\n")
    result = runner.invoke(main, ["claims", str(SEEDS), "--rules", str(rules)])
    assert result.exit_code == 2
    assert "metrics.yaml:3:5: metrics.0.match: missing required key 'match'" in result.stderr
    assert "metrics.yaml:6:5: metrics.0.colour: unknown key 'colour'" in result.stderr
    assert "Traceback" not in result.output


def test_missing_sources_folder_is_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["claims", str(tmp_path / "nope"), "--rules", str(RULES)])
    assert result.exit_code == 2 and "no such file or folder" in result.stderr


def test_check_gate_exit_codes(runner: CliRunner, seeds_copy: Path, tmp_path: Path) -> None:
    explanations = RULES / "explanations.yaml"
    base = ["check", "--rules", str(RULES), "--explanations", str(explanations)]
    assert runner.invoke(main, [*base, str(seeds_copy)]).exit_code == 0
    (seeds_copy / "100_new.txt").write_text("date 2021-03-01 The country now has over 120 industrial "
                                            "internet platforms of considerable influence.\n")
    result = runner.invoke(main, [*base, str(seeds_copy)])
    assert result.exit_code == 1
    errors = [line for line in result.stdout.splitlines() if ": error " in line]
    assert len(errors) == 1 and "100_new" in result.stdout and "contradiction" in errors[0]
    empty = tmp_path / "explanations.yaml"
    empty.write_text(explanations.read_text().replace("reason: '", "reason: '  ' #", 1))
    bad = runner.invoke(main, ["check", "--rules", str(RULES), "--explanations", str(empty), str(SEEDS)])
    assert bad.exit_code == 2 and "explanations.yaml:" in bad.stderr


def test_rules_test_command(runner: CliRunner) -> None:
    result = runner.invoke(main, ["rules", "test", "--rules", str(RULES)])
    assert result.exit_code == 0, result.output
    assert " 0 failed" in result.output


def test_real_subprocess_audit(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run(
        [sys.executable, "-m", "iicheck", "audit", str(SEEDS), "--rules", str(RULES),
         "--out", str(tmp_path), "--format", "json,sarif"],
        capture_output=True, text=True, env=env, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert json.loads((tmp_path / "audit.json").read_text())["summary"]["sources"] == 5
    assert json.loads((tmp_path / "audit.sarif").read_text())["version"] == "2.1.0"


def test_jobs_and_cache_give_identical_bytes(runner: CliRunner, tmp_path: Path, seeds_copy: Path) -> None:
    """--jobs 1, --jobs 2 with a cold cache, and a warm cache after one edit: same bytes as fresh."""
    from iicheck.parallel import MIN_DOCS_PER_WORKER
    for i in range(2 * MIN_DOCS_PER_WORKER):  # enough documents that two worker processes really start
        (seeds_copy / f"9{i:02d}_copy.txt").write_text((SEEDS / "002_20be95f66a8552b3.txt").read_text())
    def run(out: str, *extra: str) -> bytes:
        result = runner.invoke(main, ["audit", str(seeds_copy), "--rules", str(RULES), "--format", "json,html",
                                      "--out", str(tmp_path / out), *extra])
        assert result.exit_code == 0, result.output
        return (tmp_path / out / "audit.json").read_bytes() + (tmp_path / out / "audit.html").read_bytes()
    serial = run("serial", "--jobs", "1", "--no-cache")
    assert run("parallel", "--jobs", "2", "--no-cache") == serial
    assert run("cold", "--jobs", "2") == serial
    assert run("warm", "--jobs", "2") == serial
    (seeds_copy / "900_copy.txt").write_text("date 2021-02-23 The country has over 90 industrial internet "
                                             "platforms of considerable influence.\n")
    assert run("edited", "--jobs", "2") == run("edited-fresh", "--jobs", "1", "--no-cache")
