"""A province's, a company's or the world's count is not the country's: metrics.yaml `scopes`
and `match.exclude_scopes`. A probe of 26 consistent news texts gave 53 error findings, all
false, about 30 of them from such figures mapped to the national metric."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iicheck.cli import main
from iicheck.ruleset import Ruleset

from .test_time_probe import _claims as claims_on, _day

DAY = _day("2024-01-19")


def _mapped(text: str, rules: Ruleset) -> list[tuple[str, str | None]]:
    return [(c.figure, c.metric) for c in claims_on(text, DAY, rules)]


@pytest.mark.parametrize(("text", "figure"), [
    ("By the end of 2023, Guangdong had built 324,000 5G base stations, the most of any region.", "324,000"),
    ("By the end of 2023, Jiangsu province had 35 secondary nodes of the identifier resolution system.", "35"),
    ("Shanghai had 90,000 5G base stations at the end of 2023, officials said.", "90,000"),
    ("COSMOPlat, Haier's industrial internet platform, said it has connected 8.6 million sets of industrial "
     "equipment.", "8.6 million"),
    ("China Unicom said its \"5G + industrial internet\" projects exceeded 6,000 by the end of 2023.", "6,000"),
    ("Operators around the world had deployed about 5.2 million 5G base stations by the end of 2023.", "5.2 million"),
    ("China Mobile reported its results on Thursday. It had 1.946 million 5G base stations at the end of 2023.",
     "1.946 million"),
])
def test_a_figure_of_another_scope_maps_to_no_national_metric(rules: Ruleset, text: str, figure: str) -> None:
    (metric,) = [m for f, m in _mapped(text, rules) if figure in f]
    assert metric is None


@pytest.mark.parametrize(("text", "figure", "metric"), [
    # a place after the figure, a wire dateline's place, a plural: national counts
    ("Five national top nodes have been built in Beijing, Shanghai, Guangzhou, Wuhan and Chongqing.", "Five",
     "identifier_nodes"),
    ("BEIJING, Jan. 19 (Xinhua) -- China had 3.377 million 5G base stations at the end of 2023.", "3.377 million",
     "base_stations_5g"),
    ("The 340 industrial internet platforms with influence serve enterprises in all 31 provinces.", "340",
     "ii_platforms"),
    ("China had 3.377 million 5G base stations at the end of 2023, while Guangdong had 324,000.", "3.377 million",
     "base_stations_5g"),
])
def test_a_national_figure_keeps_its_metric(rules: Ruleset, text: str, figure: str, metric: str) -> None:
    (mapped,) = [m for f, m in _mapped(text, rules) if figure in f]
    assert mapped == metric


def test_the_report_states_the_scopes(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text(
        "Title: 5G\nPublished: 2024-01-19\n\nChina had 3.377 million 5G base stations at the end of 2023. "
        "Guangdong had built 324,000 5G base stations by then.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["audit", str(tmp_path / "src"), "--out", str(tmp_path / "out"),
                                       "--format", "json,html", "--no-cache"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    assert not [f for f in report["findings"] if f["severity"] == "error"]
    scopes = {s["name"]: s["phrases"] for s in report["rules"]["scopes"]}
    assert "Guangdong" in scopes["provinces"] and "Haier" in scopes["companies"]
    (bases,) = [m for m in report["rules"]["metrics"] if m["id"] == "base_stations_5g"]
    assert bases["exclude_scopes"] == ["provinces", "companies", "world", "sectors"]
    html = (tmp_path / "out" / "audit.html").read_text(encoding="utf-8")
    assert "other scopes left out:</span> provinces, companies, world, sectors" in html and 'id="rules-scopes"' in html
