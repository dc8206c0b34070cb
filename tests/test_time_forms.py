"""Date forms that were not read (each figure then fell back to its publication window and
met figures of other periods as if they were of the same time): numeric dates ("30.06.2023",
"06/30/2023"), halves and quarters written short ("1H23", "3Q 2023"), months of a relative
year ("January-June last year") and cumulative totals "through" or "up to" a year."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from iicheck.cli import main
from iicheck.models import Claim, TimeWindow
from iicheck.ruleset import Ruleset
from iicheck.timeexpr import find_time_expressions

from .test_time_probe import _claim as claim_of, _claims as claims_on, _day

DAY = _day("2023-11-20")


def _claim(text: str, figure: str, rules: Ruleset) -> Claim:
    return claim_of(claims_on(text, DAY, rules), figure)


@pytest.mark.parametrize(("text", "figure", "start", "end"), [
    # a total up to a year is the total at its end, as "by the end of 2022" is
    ("Through 2022, China built 2.3 million 5G base stations.", "2.3 million", "2022-12-01", "2022-12-31"),
    ("Up to 2022, China had built 2.3 million 5G base stations.", "2.3 million", "2022-12-01", "2022-12-31"),
    ("Up until 2021, 150 industrial internet platforms with industry influence had been built.", "150",
     "2021-12-01", "2021-12-31"),
    # numeric dates: a number above 12 is the day, whichever comes first
    ("As of 30.06.2023, China had 2.9 million 5G base stations.", "2.9 million", "2023-06-30", "2023-06-30"),
    ("As of 06/30/2023, China had 2.9 million 5G base stations.", "2.9 million", "2023-06-30", "2023-06-30"),
    # both could be the month: 5 June or 6 May, so the window holds both days
    ("As of 05/06/2023, China had 2.9 million 5G base stations.", "2.9 million", "2023-05-06", "2023-06-05"),
    # halves and quarters written short
    ("In 1H23, the value added of the core industrial internet industry was 2.1 trillion yuan.",
     "2.1 trillion", "2023-01-01", "2023-06-30"),
    ("In 3Q 2022, China had 2.1 million 5G base stations.", "2.1 million", "2022-07-01", "2022-09-30"),
    ("In H2\u201922, China had 2.3 million 5G base stations.", "2.3 million", "2022-07-01", "2022-12-31"),
    # months of a year named relative to publication
    ("In January-June last year, the value added of the core industry was 2.0 trillion yuan.",
     "2.0 trillion", "2022-01-01", "2022-06-30"),
    ("From January to September this year, China had 3.1 million 5G base stations.", "3.1 million",
     "2023-01-01", "2023-09-30"),
])
def test_the_figure_gets_the_window_its_date_states(rules: Ruleset, text: str, figure: str, start: str,
                                                    end: str) -> None:
    claim = _claim(text, figure, rules)
    assert (claim.time.start, claim.time.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert claim.time.basis == "explicit"


def test_a_month_range_of_a_relative_year_notes_the_publication_day(rules: Ruleset) -> None:
    claim = _claim("In January-June last year, the value added of the core industry was 2.0 trillion yuan.",
                   "2.0 trillion", rules)
    assert claim.time.note == "\u201cJanuary-June last year\u201d counted from publication on 2023-11-20"


def test_a_later_year_after_through_is_a_deadline(rules: Ruleset) -> None:
    claim = _claim("China will build 3.6 million 5G base stations through 2025.", "3.6 million", rules)
    assert claim.modality == "target"
    assert (claim.time.start, claim.time.end) == (date(2025, 12, 1), date(2025, 12, 31))


def test_what_was_built_from_one_month_to_another_is_an_addition(rules: Ruleset) -> None:
    """"From January to June this year, China built 310,000" counts what was added in the
    period, as "In 2023, China built 600,000" does: no total to compare with."""
    claim = _claim("From January to June this year, China built 310,000 5G base stations.", "310,000", rules)
    assert claim.excluded == "change"
    assert _claim("Through 2022, China built 2.3 million 5G base stations.", "2.3 million", rules).excluded is None


@pytest.mark.parametrize("text", [
    "Up to 2000 people came to the fair.",  # a count
    "The train left at 1h23.",  # a time of day, not a half year
    "Revenue grew in 5Q23 and H3'23.",  # no such quarter or half
    "The form 31/31/2023 was rejected.",  # no such day
    "Output rose 1.5/2.0.",
])
def test_what_is_no_such_date(text: str) -> None:
    assert find_time_expressions(text, DAY) == []


def test_the_numbers_of_a_numeric_date_are_no_figures(rules: Ruleset) -> None:
    text = "As of 30/06/2023, China had 2.9 million 5G base stations."
    assert [c.figure for c in claims_on(text, DAY, rules)] == ["2.9 million"]


def test_relative_month_ranges_need_a_publication_day() -> None:
    inferred = TimeWindow(start=date(2022, 1, 1), end=date(2023, 12, 31), basis="inferred")
    assert find_time_expressions("In January-June last year, output rose.", inferred) == []


def test_figures_of_different_periods_written_so_do_not_contradict(tmp_path: Path) -> None:
    """Each of these figures had been dated by the page's publication window, which made
    seven contradiction and regression errors of one consistent page."""
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "page.txt").write_text(
        "Title: 5G in numbers\nPublished: 2023-11-20\n\n"
        "Through 2022, China built 2.3 million 5G base stations.\n\n"
        "As of 30.06.2023, China had 2.9 million 5G base stations.\n\n"
        "In 1H23, China built 300,000 5G base stations.\n\n"
        "In January-June last year, China built 300,000 5G base stations.\n\n"
        "From January to June this year, China built 310,000 5G base stations.\n\n"
        "In 3Q23, China built 100,000 5G base stations.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["audit", str(folder), "--out", str(out), "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    kinds = [f["kind"] for f in report["findings"]]
    assert not {"contradiction", "regression", "implausible_growth"} & set(kinds), report["findings"]
    assert {c["time"]["basis"] for c in report["claims"]} == {"explicit"}
