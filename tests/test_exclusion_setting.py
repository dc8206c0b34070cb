"""`exclude_claims_in` (rules/quality.yaml): figures in flagged passages are left out of the
consistency checks by default, and compared when the editor leaves the passage's kind out."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from iicheck.engine import AuditOptions, audit, build_corpus, map_corpus, run_checks
from iicheck.errors import RuleFileError
from iicheck.models import Report
from iicheck.ruleset import load_ruleset
from iicheck.sources import load_sources

from .conftest import PIE_ARTICLE, RULES

BOILERPLATE_DOC = (
    "Industrial internet platforms with influence\n\n"
    "In 2021, China had more than 150 industrial internet platforms with influence, the ministry said. "
    "Copyright © 2021 Example Daily, whose yearbook counted 900 industrial internet platforms with influence "
    "in 2021.\n")
OFF_TOPIC_DOC = PIE_ARTICLE  # its sentence with "12" is flagged


def _rules(tmp_path: Path, setting: str) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    quality = folder / "quality.yaml"
    text, n = re.subn(r"(?m)^exclude_claims_in: .*$", f"exclude_claims_in: {setting}",
                      quality.read_text(encoding="utf-8"))
    assert n == 1
    quality.write_text(text, encoding="utf-8")
    return folder


def _report(tmp_path: Path, text: str, rules: Path = RULES) -> Report:
    sources = tmp_path / "sources"
    sources.mkdir(exist_ok=True)
    (sources / "doc.txt").write_text(text, encoding="utf-8")
    return audit(AuditOptions(sources=(sources,), rules=rules, jobs=1)).report


def _kinds(report: Report) -> list[str]:
    return [f.kind for f in report.findings]


def test_by_default_a_figure_in_boilerplate_is_not_compared(tmp_path: Path) -> None:
    report = _report(tmp_path, BOILERPLATE_DOC)
    assert [c.excluded for c in report.claims] == [None, "boilerplate"]
    assert _kinds(report) == ["boilerplate"]
    assert report.findings[0].message.endswith("figures in it are not compared.")


def test_a_figure_in_boilerplate_is_compared_when_boilerplate_is_left_out(tmp_path: Path) -> None:
    report = _report(tmp_path, BOILERPLATE_DOC, _rules(tmp_path, "[off_topic]"))
    assert [c.excluded for c in report.claims] == [None, None]
    assert _kinds(report) == ["contradiction", "boilerplate"]  # 900 against more than 150, both 2021
    assert "still compared" in report.findings[1].message


def test_a_figure_in_an_off_topic_sentence_is_compared_when_off_topic_is_left_out(tmp_path: Path) -> None:
    default = _report(tmp_path, OFF_TOPIC_DOC)
    (twelve,) = [c for c in default.claims if c.figure == "12"]
    assert twelve.excluded == "off_topic"
    assert "Its figures are not compared." in next(f.message for f in default.findings if f.kind == "off_topic")
    report = _report(tmp_path, OFF_TOPIC_DOC, _rules(tmp_path, "[boilerplate]"))
    assert [c.excluded for c in report.claims if c.figure == "12"] == [None]
    off = next(f for f in report.findings if f.kind == "off_topic")
    assert "Its figures are still compared" in off.message
    assert off.evidence == next(f for f in default.findings if f.kind == "off_topic").evidence
    assert "unmapped_figure" in _kinds(report)  # the per-claim checks now judge it


def test_the_map_and_the_whole_corpus_agree_under_the_setting(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(BOILERPLATE_DOC, encoding="utf-8")
    (sources / "b.txt").write_text(OFF_TOPIC_DOC, encoding="utf-8")
    for i, setting in enumerate(("[]", "[boilerplate]", "[off_topic]")):
        rules = load_ruleset(_rules(tmp_path / f"r{i}", setting))
        loaded = load_sources([sources], rules)
        corpus, mapped = map_corpus(loaded, rules)
        findings, checked = run_checks(corpus, rules, mapped)
        whole, whole_checked = run_checks(build_corpus(loaded, rules), rules)
        assert findings == whole and checked.claims == whole_checked.claims
        assert rules.quality.exclude_claims_in == [k.strip() for k in setting.strip("[]").split(",") if k]


def test_an_unknown_kind_is_refused_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError) as caught:
        load_ruleset(_rules(tmp_path, "[off-topic]"))
    (problem,) = caught.value.problems
    assert problem.path.endswith("quality.yaml") and problem.line is not None
    assert "off_topic" in (problem.hint or "")


PLATFORM_ARTICLES = [
    "Industrial internet platforms help factories plan maintenance with machine data.\n"
    "A platform collects data from the machines on each production line.\n"
    "Engineers read the platform's failure models before they service a machine.\n"
    "Small factories rent platform services for their machine data.\n"
    "The regional platform connected 300 textile factories last year.\n"
    "Operators train the failure models with data from many factories.\n",
    "Factories in the province connected their machines to industrial internet platforms.\n"
    "The platforms turn machine data into maintenance plans for engineers.\n"
    "A platform operator said failure models now cover most production lines.\n"
    "Textile and steel factories share one regional platform for their data.\n"
    "Engineers plan maintenance on the platform before a machine fails.\n"
    "Small factories pay for platform services by the month.\n",
]


def test_off_topic_is_a_warning_with_related_documents_and_info_without(tmp_path: Path) -> None:
    """Without a closely related document in the audit, the lexical detector judges a source by
    its own words alone and is right about 6 times in 10 (benchmarks/offtopic): info, and the
    message says so; with related documents, a warning."""
    (alone,) = [f for f in _report(tmp_path, OFF_TOPIC_DOC).findings if f.kind == "off_topic"]
    assert alone.severity == "info" and "No document of this audit is closely related" in alone.message
    assert isinstance(alone.details["related"], float) and alone.details["related"] < 0.15
    assert alone.message.endswith("Its figures are not compared.")
    sources = tmp_path / "sources"
    for k, text in enumerate(PLATFORM_ARTICLES):
        (sources / f"related{k}.txt").write_text(text, encoding="utf-8")
    report = audit(AuditOptions(sources=(sources,), rules=RULES, jobs=1)).report
    (related,) = [f for f in report.findings if f.kind == "off_topic"]
    assert related.severity == "warning" and "closely related" not in related.message
    assert isinstance(related.details["related"], float) and related.details["related"] >= 0.15
    assert related.evidence[0].figure == alone.evidence[0].figure
