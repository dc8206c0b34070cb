"""Whose figure: a figure of a metric that counts the country is the country's as *stated* when
its source names the country (metrics.yaml `home`) in its title, first line or first body
sentence, a heading above it or its paragraph up to its sentence, and as *assumed* otherwise; a conflict with an assumed
figure is reported a level lower (checks/scope.py). On news text written blind to the code
(benchmarks/newsprobe) most false errors came from such figures: twelfth 6 -> 2, fifteenth 19 + 4
-> 4 + 0 and, written blind after the rule, sixteenth 39 + 2 -> 11 + 0 errors and growth warnings;
the seeds' real contradiction kept."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iicheck.claims import source_claims
from iicheck.cli import main
from iicheck.models import Claim, Source, SourceInfo
from iicheck.ruleset import Ruleset

from .test_time_probe import _claim, _day

DAY = _day("2024-01-19")
FIGURE = "By the end of 2023, 120 industrial internet platforms with influence had been cultivated."


def _claims(text: str, rules: Ruleset, title: str | None = None) -> list[Claim]:
    info = SourceInfo(chars=len(text), file="probe.txt", id="probe", published=DAY, sha256="0", title=title)
    return source_claims(Source(info=info, text=text), rules)


@pytest.mark.parametrize(("text", "title", "basis"), [
    # the figure's own sentence, or an earlier sentence of its paragraph
    ("Platforms grew fast.\n\nNationwide, " + FIGURE[0].lower() + FIGURE[1:], None, "stated"),
    ("Platforms grew fast.\n\nChina's factories are busy. " + FIGURE, None, "stated"),
    # the title, or the text's first line
    ("Platforms grew fast.\n\n" + FIGURE, "China's platforms", "stated"),
    ("China's platforms grew fast.\n\n" + FIGURE, None, "stated"),
    # a heading above the paragraph, not one the paragraph comes after another heading of
    ("Platforms grew fast.\n\nChina in numbers\n\n" + FIGURE, None, "stated"),
    ("Platforms grew fast.\n\nChina in numbers\n\nSome text here.\n\nCompanies\n\n" + FIGURE, None, "assumed"),
    # a national authority or a synonym of the country (a helper review's forms), the lede after
    # an "Updated:" line
    ("5G network keeps growing\n\nThe ministry said 120 industrial internet platforms with influence had been "
     "cultivated by the end of 2023.", None, "stated"),
    ("Platforms grew fast.\n\nThe mainland had 120 industrial internet platforms with influence by the end of 2023.",
     None, "stated"),
    ("Updated: 2024-01-19 09:12\n\nChina's platforms grew fast.\n\n" + FIGURE, None, "stated"),
    # nothing: an earlier paragraph, or a later sentence, does not say whose this figure is
    ("Platforms grew fast.\n\n" + FIGURE, None, "assumed"),
    ("Platforms grew fast.\n\nChina's factories are busy.\n\n" + FIGURE, None, "assumed"),
    ("Platforms grew fast.\n\n" + FIGURE + " China leads the world.", None, "assumed"),
])
def test_where_the_country_is_named_decides_the_scope_basis(rules: Ruleset, text: str, title: str | None,
                                                             basis: str) -> None:
    claim = _claim(_claims(text, rules, title), "120")
    assert (claim.metric, claim.scope_basis) == ("ii_platforms", basis)


def test_only_a_mapped_figure_of_a_metric_that_excludes_other_scopes_has_a_scope_basis(rules: Ruleset) -> None:
    claims = _claims("Platforms grew fast.\n\nThe monitoring scope has covered 14 important industrial sectors, "
                     "and 300 visitors came.", rules)
    assert [(c.figure, c.metric, c.scope_basis) for c in claims] == [
        ("14", "security_monitoring_coverage", None), ("300", None, None)]


def test_rules_without_home_phrases_state_no_scope_basis(rules: Ruleset) -> None:
    bare = dataclasses.replace(rules, home=())
    assert _claim(_claims("Platforms grew fast.\n\n" + FIGURE, bare), "120").scope_basis is None


def _audit(tmp_path: Path, second: str) -> list[dict[str, object]]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Title: China's platforms\nPublished: 2024-01-19\n\nBy the end of 2023, China had "
                               "cultivated 340 industrial internet platforms with influence.\n", encoding="utf-8")
    (src / "b.txt").write_text(second, encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(src), "--out", str(tmp_path / "out"), "--format", "json",
                                       "--no-cache"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    return [f for f in report["findings"] if f["kind"] == "contradiction"]


def test_a_contradiction_with_an_assumed_scope_is_a_warning_that_says_why(tmp_path: Path) -> None:
    (found,) = _audit(tmp_path, "Title: Platforms\nPublished: 2024-01-20\n\n" + FIGURE + "\n")
    assert found["severity"] == "warning"
    assert found["message"].endswith("; a warning, not an error: nothing in the title, the opening lines, a heading or "
                                     "the paragraph of \u201c120\u201d (b) names the country (metrics.yaml: home), so it may be "
                                     "another's figure")


def test_a_contradiction_between_stated_scopes_stays_an_error(tmp_path: Path) -> None:
    (found,) = _audit(tmp_path, "Title: Platforms\nPublished: 2024-01-20\n\nAcross the country, " + FIGURE[0].lower()
                      + FIGURE[1:] + "\n")
    assert found["severity"] == "error" and "names the country" not in found["message"]


def test_the_seeds_real_contradiction_stays_an_error() -> None:
    report = json.loads((Path(__file__).resolve().parents[1] / "reports" / "audit.json").read_text(encoding="utf-8"))
    (found,) = [f for f in report["findings"] if f["kind"] == "contradiction"]
    assert found["severity"] == "error"
    ids = set(str(found["details"]["claims"]).split())
    assert {c["scope_basis"] for c in report["claims"] if c["id"] in ids} == {"stated"}
