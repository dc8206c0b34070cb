"""Machine outputs: text, JSON, SARIF (against the schema), JUnit (through a parser),
GitHub annotations (escaping), GitLab Code Quality."""

from __future__ import annotations

import json
import re
import typing
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from iicheck.explanations import Explanation, UnusedEntry
from iicheck.summary import build_summary
from iicheck.models import Evidence, Finding, Report, SourceInfo, TimeWindow
from iicheck.render import github, gitlab, json_report, junit, sarif, text

from .conftest import sample_rules_used

SARIF_SCHEMA = Path("/work/shared/benchmarks/schemas/sarif-schema-2.1.0.json")
ROOT = "/repo"


def source(sid: str) -> SourceInfo:
    return SourceInfo(id=sid, file=f"{ROOT}/seeds/{sid}.txt", published=TimeWindow(
        start=date(2024, 1, 1), end=date(2024, 12, 31), basis="header"), chars=100, sha256="0" * 64)


def evidence(sid: str, sentence: str, figure: str, line: int) -> Evidence:
    start = 10 * line
    offset = sentence.index(figure)
    return Evidence(source=sid, sentence=sentence, span=(start, start + len(sentence)),
                    figure_span=(start + offset, start + offset + len(figure)), figure=figure,
                    line=line, column=offset + 1, end_line=line,
                    end_column=offset + 1 + len(figure))


FINDINGS = (
    Finding(kind="contradiction", severity="error", message="70 vs more than 150, same window",
            metric="platforms", definition="national",
            evidence=(evidence("004_a50e", "By 2023, more than 150 platforms existed.",
                               "more than 150", 3),
                      evidence("002_20be", "About 70 platforms, officials said.", "70", 5)),
            fingerprint="a1b2c3d4e5f6a7b8c9d0"),
    Finding(kind="artifact", severity="warning", message="scraper artifact: 50%, a,b: c\r\nnext",
            evidence=(evidence("002_20be", "Share this: 100% free\n::error::pwned", "100%", 9),),
            fingerprint="ffff0000ffff0000ffff"),
    # two findings with the same fingerprint (count-aware explanations allow this)
    Finding(kind="artifact", severity="warning", message="same again",
            evidence=(evidence("002_20be", "Share this: 100% free\n::error::pwned", "100%", 9),),
            fingerprint="ffff0000ffff0000ffff"),
    Finding(kind="unmapped_figure", severity="info", message="figure maps to no metric",
            evidence=(Evidence(source="000_7651", sentence="It had 4.09 million users.",
                               span=(0, 26)),),
            fingerprint="0123456789abcdef0123", status="explained", reason="users, not platforms"),
    Finding(kind="regression", severity="error", message="went down", metric="platforms",
            evidence=(evidence("004_a50e", "Only 50 remain <b>&amp;\x0b</b>.", "50", 7),),
            fingerprint="9999888877776666", status="updated", reason="old reason"),
)


def make_report(findings: tuple[Finding, ...] = FINDINGS) -> Report:
    sources = tuple(source(s) for s in ("000_7651", "002_20be", "004_a50e"))
    return Report(tool="iicheck", version="0.1.0", rules_version="test", sources=sources,
                  claims=(), findings=findings, reconciled=(), rules=sample_rules_used(),
                  summary=build_summary(3, (), findings, 0))


REPORT = make_report()
EMPTY = make_report(())


# --- text ----------------------------------------------------------------------------------


def test_text_lines_and_summary() -> None:
    out = text.render(REPORT, root=ROOT)
    lines = out.splitlines()
    assert lines[0] == ("seeds/004_a50e.txt:3:10: error contradiction: 70 vs more than 150, "
                        "same window [a1b2c3d4e5f6]")
    assert lines[1] == "    > By 2023, more than 150 platforms existed."
    assert lines[2] == "    > seeds/002_20be.txt:5:7: About 70 platforms, officials said."
    assert "users, not platforms" not in out
    assert "updated: the figures changed" in out
    assert lines[-1] == "5 findings: 3 new, 1 updated, 1 explained (2 errors, 2 warnings, 1 info)"
    assert "\x1b" not in out and "\x0b" not in out


def test_text_explained_toggle_and_color() -> None:
    assert "explained: users, not platforms" in text.render(REPORT, include_explained=True)
    colored = text.render(REPORT, color=True)
    assert "\x1b[31;1merror\x1b[0m" in colored and "\x1b[1mmore than 150\x1b[0m" in colored
    assert text.render(EMPTY) == "0 findings: 0 new, 0 updated, 0 explained (0 errors, 0 warnings, 0 info)\n"


# --- JSON ------------------------------------------------------------------------------------


def test_json_is_the_full_report_and_byte_stable() -> None:
    out = json_report.render(REPORT)
    assert out == json_report.render(make_report()) and out.endswith("}\n")
    data = json.loads(out)
    assert data == json.loads(json.dumps(REPORT.model_dump(mode="json")))
    # the standard library's layout (no float here needs an exponent)
    assert out == json.dumps(REPORT.model_dump(mode="json"), indent=2, sort_keys=True,
                             ensure_ascii=False) + "\n"
    assert Report.model_validate(data) == REPORT


_DETAIL = st.none() | st.integers(-2**53, 2**53) | st.text() | st.floats(allow_nan=False, allow_infinity=False)


@given(details=st.dictionaries(st.text(max_size=8), _DETAIL, max_size=6), message=st.text(),
       score=st.none() | st.floats(0, 100, allow_nan=False))
def test_json_layout_is_the_standard_librarys(details: dict, message: str, score: float | None) -> None:
    """Any finding details and text: the JSON parses back to model_dump and is laid out as
    json.dumps(indent=2, sort_keys=True, ensure_ascii=False) would lay it out (floats may be
    written without an exponent)."""
    finding = Finding(kind="k", severity="info", message=message, evidence=(), fingerprint="f",
                      details=details)
    info = REPORT.sources[0].model_copy(update={"quality_score": score,
                                                "quality_counts": {k: 1 for k in reversed(sorted(details))}})
    report = REPORT.model_copy(update={"findings": (finding,), "sources": (info,)})
    out = json_report.render(report)
    data = json.loads(out)
    assert data == json.loads(json.dumps(report.model_dump(mode="json")))
    assert b"".join(json_report.render_chunks(report, chunk_items=1)) == out.encode()
    relaid = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if out != relaid:  # only float spellings may differ
        assert re.sub(r"-?\d[\d.e+-]*", "0", out) == re.sub(r"-?\d[\d.e+-]*", "0", relaid)


@pytest.mark.parametrize("chunk_items", [1, 2, 3, 1000])
def test_json_written_in_pieces_is_the_same_text(chunk_items: int) -> None:
    for report in (REPORT, EMPTY, REPORT.model_copy(update={"claims": (), "reconciled": ()})):
        pieces = list(json_report.render_chunks(report, chunk_items=chunk_items))
        assert b"".join(pieces) == json_report.render(report).encode("utf-8")


def _reachable_models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    seen.add(model)
    for field in model.model_fields.values():
        for arg in _type_args(field.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel) and arg not in seen:
                _reachable_models(arg, seen)
    return seen


def _type_args(annotation: object) -> list[object]:
    found = [annotation]
    for arg in typing.get_args(annotation):
        found += _type_args(arg)
    return found


def test_report_models_declare_fields_alphabetically() -> None:
    """The JSON renderer relies on it for sorted keys (models.py)."""
    models = _reachable_models(Report, set())
    assert {m.__name__ for m in models} >= {"Report", "Finding", "Evidence", "Claim", "Summary"}
    for model in models:
        assert list(model.model_fields) == sorted(model.model_fields), model.__name__


# --- SARIF -----------------------------------------------------------------------------------


def validate_sarif(log: dict) -> None:
    if not SARIF_SCHEMA.exists():
        pytest.skip("SARIF schema not available at " + str(SARIF_SCHEMA))
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, "\n".join(e.message for e in errors[:5])


@pytest.mark.parametrize("report", [REPORT, EMPTY], ids=["findings", "empty"])
@pytest.mark.parametrize("include_explained", [False, True])
def test_sarif_validates_against_the_schema(report: Report, include_explained: bool) -> None:
    validate_sarif(json.loads(sarif.render(report, include_explained=include_explained,
                                           root=ROOT)))


def test_sarif_has_what_code_scanning_needs() -> None:
    log = json.loads(sarif.render(REPORT, root=ROOT))
    assert log["version"] == "2.1.0" and log["$schema"]
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "iicheck" and driver["version"] == "0.1.0"
    assert [r["id"] for r in driver["rules"]] == ["contradiction", "artifact", "regression"]
    for rule in driver["rules"]:
        assert {"id", "name", "shortDescription", "fullDescription", "help",
                "defaultConfiguration"} <= rule.keys()
    results = run["results"]
    assert len(results) == 4  # the explained finding is left out
    first = results[0]
    assert (first["ruleId"], first["ruleIndex"], first["level"]) == ("contradiction", 0, "error")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "seeds/004_a50e.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"]["startLine"] == 3 and location["region"]["startColumn"] == 10
    assert location["region"]["endColumn"] == 23
    assert first["partialFingerprints"] == {"iicheck/v1": "a1b2c3d4e5f6a7b8c9d0"}
    assert first["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert [r["level"] for r in results] == ["error", "warning", "warning", "error"]
    assert all("suppressions" not in r for r in results)
    # two findings with one fingerprint are two alerts, told apart as in the GitLab report
    assert [r["partialFingerprints"]["iicheck/v1"] for r in results[1:3]] == ["ffff0000ffff0000ffff",
                                                                              "ffff0000ffff0000ffff-2"]


def test_sarif_keeps_explained_as_suppressed_when_asked() -> None:
    log = json.loads(sarif.render(REPORT, include_explained=True, root=ROOT))
    results = log["runs"][0]["results"]
    explained = [r for r in results if "suppressions" in r]
    assert len(explained) == 1
    assert explained[0]["suppressions"][0]["kind"] == "external"
    assert explained[0]["suppressions"][0]["justification"] == "users, not platforms"
    assert explained[0]["level"] == "note"
    assert explained[0]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "snippet": {"text": "It had 4.09 million users."}}


def test_sarif_is_byte_stable() -> None:
    assert sarif.render(REPORT) == sarif.render(make_report())


# --- JUnit -----------------------------------------------------------------------------------


def test_junit_parses_with_unique_stable_testcases() -> None:
    out = junit.render(REPORT, root=ROOT)
    assert out == junit.render(make_report(), root=ROOT)
    tree = ET.fromstring(out.encode("utf-8"))
    assert tree.tag == "testsuites" and tree.get("tests") == "4" and tree.get("failures") == "4"
    suites = tree.findall("testsuite")
    assert [s.get("name") for s in suites] == ["iicheck.contradiction", "iicheck.artifact",
                                               "iicheck.regression"]
    cases = tree.findall("testsuite/testcase")
    names = [(c.get("classname"), c.get("name")) for c in cases]
    assert len(set(names)) == len(names) == 4
    assert names[0] == ("iicheck.contradiction", "contradiction a1b2c3d4e5f6 004_a50e")
    assert names[2] == ("iicheck.artifact", "artifact ffff0000ffff 002_20be #2")
    failure = cases[0].find("failure")
    assert failure is not None and failure.get("type") == "error"
    assert "seeds/004_a50e.txt:3:10: By 2023" in (failure.text or "")
    assert cases[0].get("file") == "seeds/004_a50e.txt" and cases[0].get("line") == "3"


def test_junit_explained_skipped_and_fail_level() -> None:
    tree = ET.fromstring(junit.render(REPORT, include_explained=True, fail_level="error"))
    assert tree.get("tests") == "5" and tree.get("skipped") == "1"
    assert tree.get("failures") == "2"  # the warnings pass below the fail level
    skipped = tree.find("testsuite/testcase/skipped")
    assert skipped is not None and skipped.get("message") == "explained: users, not platforms"
    warning_case = tree.findall("testsuite")[1].find("testcase")
    assert warning_case.find("failure") is None and warning_case.find("system-out") is not None


def test_junit_failure_says_why_an_updated_or_pending_finding_fails() -> None:
    """An updated finding (its explanation was written for other figures) fails the gate; its
    failure said only `reason: <the old reason>`, as if it were explained. Now its message and
    text say it is updated, worded as the text report words it; so for a placeholder reason."""
    pending = FINDINGS[0].model_copy(update={"reason": "TODO: explain", "fingerprint": "p" * 20})
    report = make_report(FINDINGS + (pending,))
    tree = ET.fromstring(junit.render(report, root=ROOT, fail_level="error"))
    failures = {c.get("name", "").split()[1]: c.find("failure") for c in tree.iter("testcase")
                if c.find("failure") is not None}
    updated, waiting, new = failures["999988887777"], failures["pppppppppppp"], failures["a1b2c3d4e5f6"]
    assert updated.get("message") == "updated since explained: went down"
    body = (updated.text or "").splitlines()
    assert body[-1] == "updated: the figures changed since it was explained (old reason); review it again"
    assert f"    {body[-1]}" in text.render(report, root=ROOT).splitlines()  # the text report's words
    assert not any(line.startswith("reason:") for line in body)
    assert waiting.get("message") == "explanation pending: 70 vs more than 150, same window"
    assert (waiting.text or "").splitlines()[-1] == "explanation pending: TODO: explain"
    assert new.get("message") == "70 vs more than 150, same window"  # a new finding: as before
    assert (new.text or "").splitlines()[-1] == "fingerprint: a1b2c3d4e5f6a7b8c9d0"


def test_junit_empty_report_is_valid() -> None:
    tree = ET.fromstring(junit.render(EMPTY))
    assert tree.get("tests") == "0" and len(tree.findall("testsuite")) == 1


# --- GitHub ----------------------------------------------------------------------------------


def test_github_escaping() -> None:
    assert github.escape_data("50%\r\nx") == "50%25%0D%0Ax"
    assert github.escape_property("a,b: c%\n") == "a%2Cb%3A c%25%0A"
    assert github.escape_data("a\x0bb\u2028c\x1b[31m") == "a\ufffdb\ufffdc\ufffd[31m"


def test_github_annotations() -> None:
    lines = github.render(REPORT, root=ROOT).splitlines()
    assert len(lines) == 4
    assert lines[0].startswith(
        "::error file=seeds/004_a50e.txt,line=3,col=10,endLine=3,endColumn=23,"
        "title=iicheck contradiction [a1b2c3d4e5f6]::70 vs more than 150, same window%0A> By 2023")
    assert lines[1].startswith("::warning file=seeds/002_20be.txt,line=9,")
    # hostile source text cannot start a new command: everything stays on one line
    assert "scraper artifact: 50%25, a,b: c%0D%0Anext%0A> Share this: 100%25 free%0A::error::pwned" \
        in lines[1]
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    explained = github.render(REPORT, include_explained=True, root=ROOT).splitlines()
    assert len(explained) == 5 and explained[3].startswith("::notice file=seeds/000_7651.txt,")


# --- GitLab ----------------------------------------------------------------------------------


def test_gitlab_code_quality() -> None:
    issues = json.loads(gitlab.render(REPORT, root=ROOT))
    assert len(issues) == 4
    assert issues[0] == {
        "type": "issue", "check_name": "iicheck/contradiction",
        "description": "70 vs more than 150, same window", "categories": ["Bug Risk"],
        "fingerprint": "a1b2c3d4e5f6a7b8c9d0", "severity": "major",
        "location": {"path": "seeds/004_a50e.txt", "lines": {"begin": 3, "end": 3}}}
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == 4 and "ffff0000ffff0000ffff-2" in fingerprints
    assert {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}
    assert json.loads(gitlab.render(EMPTY)) == []
    with_explained = json.loads(gitlab.render(REPORT, include_explained=True))
    assert with_explained[3]["severity"] == "info"
    assert with_explained[3]["description"].startswith("[explained: users, not platforms]")


# --- stale and expired explanations ------------------------------------------------------------

def _unused(fails: bool) -> tuple[UnusedEntry, ...]:
    entry = Explanation(fingerprint="a1b2c3d4e5f6a7b8c9d0", kind="contradiction", reason="pilot platforms only",
                        by="alice", date=date(2024, 1, 1), expires=date(2024, 6, 30))
    gone = entry.model_copy(update={"fingerprint": "dead" * 5, "expires": None})
    return (UnusedEntry(entry, "expired", "rules/explanations.yaml", 6, fails),
            UnusedEntry(entry, "surplus", "rules/explanations.yaml", 6, fails),
            UnusedEntry(gone, "stale", "rules/explanations.yaml", 14, fails))


@pytest.mark.parametrize("fails", [False, True], ids=["relaxed", "strict"])
def test_stale_and_expired_explanations_are_in_every_ci_format_at_their_line(fails: bool) -> None:
    """With --strict the gate failed on them while JUnit said 0 failures and SARIF, GitHub and
    GitLab showed nothing: only a stderr line, with no file or line, told why the job was red."""
    unused = _unused(fails)
    suite = ET.fromstring(junit.render(EMPTY, unused=unused)).find("testsuite[@name='iicheck.explanations']")
    assert suite is not None and suite.get("tests") == "3" and suite.get("failures") == ("3" if fails else "0")
    cases = suite.findall("testcase")
    assert [(c.get("file"), c.get("line")) for c in cases] == [("rules/explanations.yaml", "6")] * 2 + [
        ("rules/explanations.yaml", "14")]
    assert len({c.get("name") for c in cases}) == 3
    log = json.loads(sarif.render(REPORT, root=ROOT, unused=unused))
    validate_sarif(log)
    notes = log["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    assert [(n["descriptor"]["id"], n["level"]) for n in notes] == [
        (f"{p}_explanation", "error" if fails else "warning") for p in ("expired", "surplus", "stale")]
    assert notes[2]["locations"][0]["physicalLocation"]["region"] == {"startLine": 14}
    annotations = github.render(EMPTY, unused=unused).splitlines()
    assert annotations[2] == (f"::{'error' if fails else 'warning'} file=rules/explanations.yaml,line=14,"
                              "title=iicheck stale explanation [deaddeaddead]::stale explanation "
                              + "dead" * 5 + " (contradiction): matches no current finding; remove the entry")
    issues = json.loads(gitlab.render(EMPTY, unused=unused))
    assert [i["severity"] for i in issues] == ["major" if fails else "minor"] * 3
    assert len({i["fingerprint"] for i in issues}) == 3
    assert "invocations" not in json.loads(sarif.render(REPORT))["runs"][0]  # none: nothing added


# --- files outside the checkout ----------------------------------------------------------------


def _outside_report() -> Report:
    """The sample report with one source outside the checkout (ROOT) and one in it."""
    moved = tuple(s.model_copy(update={"file": f"/elsewhere/news/{s.id}.txt"}) if s.id == "002_20be" else s
                  for s in REPORT.sources)
    return REPORT.model_copy(update={"sources": moved})


def test_a_file_outside_the_checkout_is_shown_by_its_absolute_path_in_every_format() -> None:
    """A source outside the checkout was shown by its bare name ("002_20be.txt:9:..."; SARIF
    "uri": "002_20be.txt" under %SRCROOT%), a file the checkout does not hold; a relative path
    out of it ("../elsewhere/...") would be no better. Now its absolute path (SARIF: an
    absolute file URI with no base); files under the checkout stay relative to it."""
    report = _outside_report()
    outside, inside = "/elsewhere/news/002_20be.txt", "seeds/004_a50e.txt"
    assert text.source_paths(report, ROOT) == {"000_7651": "seeds/000_7651.txt", "002_20be": outside,
                                               "004_a50e": inside}
    shown = text.render(report, root=ROOT)
    assert f"    > {outside}:5:7: About 70 platforms" in shown and shown.startswith(f"{inside}:3:10: ")
    assert f"\n{outside}:9:" in shown and "../" not in shown
    log = json.loads(sarif.render(report, root=ROOT))
    validate_sarif(log)
    results = log["runs"][0]["results"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": inside, "uriBaseId": "%SRCROOT%"}
    assert results[0]["relatedLocations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": f"file://{outside}"}
    assert results[1]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": f"file://{outside}"}
    lines = github.render(report, root=ROOT).splitlines()
    assert lines[1].startswith(f"::warning file={outside},line=9,")
    assert json.loads(gitlab.render(report, root=ROOT))[1]["location"]["path"] == outside
    cases = list(ET.fromstring(junit.render(report, root=ROOT)).iter("testcase"))
    assert [c.get("file") for c in cases] == [inside, outside, outside, inside]
    assert f"{outside}:5:7: About 70 platforms" in (cases[0].find("failure").text or "")


def test_sarif_uri_of_an_explanations_file_outside_the_checkout() -> None:
    entry = _unused(True)[0]
    note = UnusedEntry(entry.entry, "expired", "/etc/iicheck/explanations file.yaml", 6, True)
    log = json.loads(sarif.render(EMPTY, root=ROOT, unused=(note,)))
    validate_sarif(log)
    (notification,) = log["runs"][0]["invocations"][0]["toolConfigurationNotifications"]
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "file:///etc/iicheck/explanations%20file.yaml"}


def test_check_of_sources_outside_the_checkout_names_them_by_absolute_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`iicheck check /elsewhere/news` run in a repository: every format points at the files."""
    import shutil
    from urllib.parse import unquote, urlparse

    from click.testing import CliRunner

    from iicheck.cli import main
    from .conftest import RULES, SEEDS, ROOT as REPO

    news = tmp_path / "news daily"
    shutil.copytree(SEEDS, news)
    monkeypatch.chdir(REPO)
    assert not news.resolve().is_relative_to(REPO)
    args = ["check", str(news), "--rules", str(RULES), "--no-cache", "--jobs", "1", "--fail-level", "info"]
    shown = CliRunner().invoke(main, args).stdout
    located = [line.split(":", 1)[0] for line in shown.splitlines() if ": " in line and not line.startswith(" ")]
    assert located and all(Path(place).is_absolute() and Path(place).is_file() for place in located[:-1])
    log = json.loads(CliRunner().invoke(main, [*args, "--format", "sarif"]).stdout)
    validate_sarif(log)
    uris = [place["physicalLocation"]["artifactLocation"] for result in log["runs"][0]["results"]
            for place in result["locations"] + result.get("relatedLocations", [])]
    assert uris and all("uriBaseId" not in uri and uri["uri"].startswith("file:///") for uri in uris)
    assert all(Path(unquote(urlparse(uri["uri"]).path)).is_file() for uri in uris)
    for fmt in ("github", "junit", "gitlab"):
        out = CliRunner().invoke(main, [*args, "--format", fmt]).stdout
        assert f"{news.as_posix()}/004_a50e93c74cd84221.txt" in out, fmt
