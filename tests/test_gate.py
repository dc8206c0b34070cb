"""The CI gate's must-shows: on a copy of the project, exit 0; a contradicting source makes it
exit 1 naming only the new finding, in every format; an edited explained figure is `updated`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from iicheck.cli import main

from .conftest import RULES

NEW_SOURCE = ("date 2021-03-01 The country now has over 120 industrial internet platforms of "
              "considerable influence.\n")


@pytest.fixture()
def project(tmp_path: Path, seeds_copy: Path) -> Path:
    shutil.copytree(RULES, tmp_path / "rules")
    return tmp_path


def _check(project: Path, *args: str):
    return CliRunner().invoke(main, ["check", str(project / "sources"), "--rules", str(project / "rules"),
                                     "--no-cache", *args])


def test_copy_of_project_passes(project: Path) -> None:
    result = _check(project)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "gitlab"])
def test_new_contradiction_fails_and_is_the_only_new_error(project: Path, fmt: str) -> None:
    (project / "sources" / "100_new.txt").write_text(NEW_SOURCE)
    result = _check(project, "--format", fmt)
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "100_new" in out and "over 120" in out
    explained = "582e9f2a04"  # the seeds' explained contradiction: left out by default
    if fmt == "json":
        new_errors = [f for f in json.loads(out)["findings"]
                      if f["severity"] == "error" and f["status"] != "explained"]
        assert [(f["kind"], f["evidence"][1]["source"]) for f in new_errors] == [("contradiction", "100_new")]
    else:
        assert explained not in out
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        errors = [r for r in results if r["level"] == "error"]
        assert [r["ruleId"] for r in errors] == ["contradiction"]
        assert "100_new" in json.dumps(errors[0])


def test_edited_explained_figure_turns_updated(project: Path) -> None:
    seed = project / "sources" / "002_20be95f66a8552b3.txt"
    seed.write_text(seed.read_text().replace("40 million sets", "45 million sets"))
    result = _check(project, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    updated = [f for f in findings if f["status"] == "updated"]
    assert len(updated) == 1 and updated[0]["kind"] == "contradiction"
    assert updated[0]["reason"].startswith("Real conflict kept on purpose")


def test_stale_explanation_reported_and_fails_only_with_strict(project: Path) -> None:
    (project / "sources" / "004_a50e93c74cd84221.txt").unlink()
    relaxed = _check(project)
    where = f"{project / 'rules' / 'explanations.yaml'}:6: stale explanation 582e9f2a040a487fcc49 (contradiction)"
    assert relaxed.exit_code == 0 and where in relaxed.stderr, relaxed.stderr
    assert "(the gate fails on this only with --strict)" in relaxed.stderr
    strict = _check(project, "--strict", "--format", "junit")
    assert strict.exit_code == 1
    assert '<testsuite name="iicheck.explanations" tests="1" failures="1"' in strict.stdout


def test_a_mistyped_explanations_path_is_an_error_not_an_empty_baseline(project: Path) -> None:
    """Given on the command line, the explanations file must exist: a typo used to explain
    nothing, silently, so the gate failed on findings that were explained."""
    typo = project / "rules" / "explanation.yaml"
    gate = _check(project, "--explanations", str(typo))
    audit = CliRunner().invoke(main, ["audit", str(project / "sources"), "--rules", str(project / "rules"),
                                      "--explanations", str(typo), "--out", str(project / "out"), "--no-cache"])
    for result in (gate, audit):
        assert result.exit_code == 2, result.output
        assert f"{typo}: no such explanations file" in result.output and "iicheck explain" in result.output
    assert not (project / "out").exists()
    explain = CliRunner().invoke(main, ["explain", "0" * 20, "--reason", "x", "--explanations", str(typo),
                                        str(project / "sources"), "--rules", str(project / "rules")])
    assert "no such explanations file" not in explain.output  # explain creates the file it is given


@pytest.mark.parametrize("fmt", ["sarif", "gitlab", "github", "junit"])
def test_paths_are_from_the_repository_top_wherever_the_gate_runs(project: Path, fmt: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from a subfolder (a `working-directory:` in CI), the machine formats gave paths from
    that folder, so code scanning and GitLab could not place the findings."""
    (project / ".git").mkdir()  # the top of a checkout
    (project / "sources" / "100_new.txt").write_text(NEW_SOURCE)
    outputs = []
    for cwd in (project, project / "sources", project / "rules"):
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(main, ["check", str(project / "sources"), "--rules", str(project / "rules"),
                                           "--no-cache", "--format", fmt])
        assert result.exit_code == 1, result.output
        outputs.append(result.output)
    assert "sources/00" in outputs[0] and outputs[1] == outputs[0] and outputs[2] == outputs[0]


def test_the_audits_junit_file_fails_what_the_gate_fails(project: Path) -> None:
    """`audit --format junit` failed every new finding down to info (34 failures on the seeds)
    while `check --format junit` failed only those at the project's fail level (0)."""
    (project / "sources" / "100_new.txt").write_text(NEW_SOURCE)
    gate = _check(project, "--format", "junit")
    assert gate.exit_code == 1, gate.output
    audit = CliRunner().invoke(main, ["audit", str(project / "sources"), "--rules", str(project / "rules"),
                                      "--no-cache", "--format", "junit", "--out", str(project / "out")])
    assert audit.exit_code == 0, audit.output
    written = (project / "out" / "audit.junit.xml").read_text(encoding="utf-8")
    failures = 'failures="1"'
    assert written.count(failures) == gate.output.count(failures) > 0


def test_the_json_summary_counts_findings_by_status_as_the_text_does(project: Path) -> None:
    """An explained figure edited: the text said "1 updated" while the JSON's `new` counted it
    as new (and had no `updated`)."""
    seed = next((project / "sources").glob("004_*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("exceeded 100000 sets", "exceeded 200000 sets"),
                    encoding="utf-8")
    text = _check(project).output
    summary = json.loads(_check(project, "--format", "json").output)["summary"]
    assert summary["updated"] == 1
    assert f"{summary['new']} new, {summary['updated']} updated, {summary['explained']} explained" in text
    assert summary["new"] + summary["updated"] + summary["explained"] == summary["findings"]
    assert sum(summary["unexplained_by_severity"].values()) == summary["new"] + summary["updated"]


def test_a_mistyped_explanations_path_in_pyproject_is_an_error_too(project: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Named in [tool.iicheck], a missing file counted as the default and explained nothing."""
    (project / "pyproject.toml").write_text('[tool.iicheck]\nsources = "sources"\nexplanations = "rules/explanation.yaml"\n',
                                            encoding="utf-8")
    monkeypatch.chdir(project)
    gate = CliRunner().invoke(main, ["check", "--no-cache"])
    assert gate.exit_code == 2, gate.output
    assert "rules/explanation.yaml: no such explanations file (named by `explanations` in [tool.iicheck]" in gate.output
    fingerprint = json.loads(CliRunner().invoke(main, ["check", "--no-cache", "--format", "json",
                                                       "--explanations", "rules/explanations.yaml"]).output
                             )["findings"][0]["fingerprint"]
    explain = CliRunner().invoke(main, ["explain", fingerprint[:12], "--reason", "TODO: ask the desk", "--by", "me"])
    assert explain.exit_code == 0, explain.output  # explain creates the file named there
    assert (project / "rules" / "explanation.yaml").exists()
    assert "iicheck: warning: the reason starts with 'TODO': `iicheck check` keeps failing" in explain.output


def test_the_project_settings_errors_name_their_line_in_words(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.iicheck]\nsources = "sources"\n'
                                            '  explanation = "x.yaml"\nfail_level = "fatal"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "--no-cache"])
    assert result.exit_code == 2
    pyproject = project / "pyproject.toml"
    assert result.output.splitlines() == [
        f"iicheck: error: {pyproject}:6:3: [tool.iicheck] unknown key 'explanation'",
        "  hint: the keys are sources, rules, explanations, fail_level, out, semantic",
        f"{pyproject}:7:1: [tool.iicheck] fail_level: Input should be 'error', 'warning' or 'info'",
        '  hint: write fail_level = "error", "warning" or "info"']


def test_explain_and_adopt_say_what_they_did_in_words(project: Path) -> None:
    args = [str(project / "sources"), "--rules", str(project / "rules")]
    adopted = CliRunner().invoke(main, ["adopt", "--by", "me", *args])
    assert adopted.exit_code == 0 and "with reason 'TODO: explain'" in adopted.output
    again = CliRunner().invoke(main, ["adopt", "--by", "me", *args])
    assert again.output.startswith("nothing to adopt: every current finding already has an entry in ")
    fingerprint = json.loads(_check(project, "--format", "json").output)["findings"][0]["fingerprint"]
    blank = CliRunner().invoke(main, ["explain", fingerprint[:12], "--reason", "fine", "--by", "  ", *args])
    assert blank.exit_code == 2
    assert blank.output == ("iicheck: error: --by: must not be empty\n"
                            "  hint: give --by the name of who explains it (by default $USER)\n")
