"""Time expressions a probe found ignored (each figure then got the publication window):
relative years, parts of a year, ranges of months and years, "end-2020" and Five-Year Plan
periods. The sentences and publication days are the probe's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from datetime import date

import pytest
from click.testing import CliRunner

from iicheck.claims import source_claims
from iicheck.cli import main
from iicheck.models import Claim, Source, SourceInfo, TimeWindow
from iicheck.ruleset import Ruleset
from iicheck.timeexpr import find_time_expressions


def _day(published: str) -> TimeWindow:
    day = date.fromisoformat(published)
    return TimeWindow(start=day, end=day, basis="metadata", note=f"published {published}")


def _claims(text: str, published: TimeWindow, rules: Ruleset) -> list[Claim]:
    info = SourceInfo(chars=len(text), file="probe.txt", id="probe", published=published, sha256="0")
    return source_claims(Source(info=info, text=text), rules)


def _claim(claims: list[Claim], figure: str) -> Claim:
    """The claim whose figure holds `figure` ("500" of "topped 500")."""
    (found,) = [c for c in claims if re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d.,])", c.figure)]
    return found


CASES = [
    # a part of a year named relative to publication, or with the year first (a review)
    ("l1", "2024-02-20", "In the first half of last year, the value added of the core industrial internet industry "
     "was 2.1 trillion yuan.", "2.1 trillion", "2023-01-01", "2023-06-30"),
    ("l1", "2024-02-20", "In the first three quarters of last year, the value added of the core industry was 3.4 "
     "trillion yuan.", "3.4 trillion", "2023-01-01", "2023-09-30"),
    ("l2", "2024-02-20", "In 2023 H1, the value added of the core industry was 2.1 trillion yuan.",
     "2.1 trillion", "2023-01-01", "2023-06-30"),
    # what is reported as done was done by publication (a dating review: the window ran to 2025)
    ("k1", "2023-11-15", "During the 14th Five-Year Plan period (2021-2025), China has built 240 industrial internet "
     "platforms with industry influence.", "240", "2021-01-01", "2023-11-15"),
    # a third of a year, an ordinal day, a year-end (a dating review: all fell back to publication)
    ("b1", "2024-03-01", "By mid-2022, China had built more than 240 industrial internet platforms with industry "
     "influence.", "240", "2022-05-01", "2022-08-31"),
    ("b2", "2024-03-01", "By late 2021, China had 150 industrial internet platforms with industry influence.",
     "150", "2021-09-01", "2021-12-31"),
    ("b3", "2024-03-01", "In early 2023, China had 300 industrial internet platforms with industry influence.",
     "300", "2023-01-01", "2023-04-30"),
    ("b4", "2024-03-01", "As of June 30th, 2023, China had 240 industrial internet platforms with industry "
     "influence.", "240", "2023-06-30", "2023-06-30"),
    ("b5", "2024-03-01", "By year-end 2022, China had 200 industrial internet platforms with industry influence.",
     "200", "2022-12-01", "2022-12-31"),
    # relative years, counted from the publication day
    ("f24", "2021-06-30", "Industrial software revenue reached 230 bln yuan last year.",
     "230", "2020-01-01", "2020-12-31"),
    ("q22", "2021-06-30", "The number of industrial internet platforms topped 500 last year.",
     "500", "2020-01-01", "2020-12-31"),
    ("d02", "2021-06-30", "Last year, the added value of the core industrial internet industry reached "
     "3.57 trillion yuan.", "3.57 trillion", "2020-01-01", "2020-12-31"),
    ("x04", "2022-01-20", "Last year, China added 654,000 5G base stations, bringing the total to "
     "1.43 million base stations.", "1.43 million", "2021-01-01", "2021-12-31"),
    ("d07", "2021-06-30", "At the end of last year, 40 million sets of industrial equipment were "
     "connected.", "40 million", "2020-12-01", "2020-12-31"),
    ("d08", "2021-06-30", "This year, the number of 5G base stations will reach 600,000, the ministry said.",
     "600,000", "2021-01-01", "2021-12-31"),
    ("h04", "2021-06-30", "The number of 5G factories may reach 200 next year.",
     "200", "2022-01-01", "2022-12-31"),
    ("d17", "2021-06-30", "A year ago, the platform served only 300 enterprises.",
     "300", "2020-05-30", "2020-07-31"),
    # parts of a year
    ("f03", "2021-06-30", "Investment in industrial internet projects totalled 1.2bn yuan in the first "
     "half of 2021.", "1.2bn", "2021-01-01", "2021-06-30"),
    ("d11", "2021-06-30", "In the first half of 2021, 5G base stations reached 961,000 across the country.",
     "961,000", "2021-01-01", "2021-06-30"),
    ("x03", "2022-03-01", "In the first half of 2021, the added value of the core industrial internet "
     "industry reached 1.9 trillion yuan.", "1.9 trillion", "2021-01-01", "2021-06-30"),
    # "by the end of" a part of a year is its last month, as "by the end of 2020" is December
    ("q05", "2021-06-30", "Around 80 million sets of industrial equipment were connected to platforms by the "
     "end of the first half of 2021.", "80 million", "2021-06-01", "2021-06-30"),
    ("-", "2021-06-30", "At the end of Q3 2020, 700,000 5G base stations were in service.",
     "700,000", "2020-09-01", "2020-09-30"),
    ("d04", "2021-06-30", "In Q3 2020, shipments of industrial routers reached 1.1 million units.",
     "1.1 million", "2020-07-01", "2020-09-30"),
    ("d05", "2021-11-20", "In the first three quarters of 2021, industrial internet investment reached "
     "60 billion yuan.", "60 billion", "2021-01-01", "2021-09-30"),
    ("p04", "2021-06-30", "Sales of industrial robots were up 12% year on year in the first five months "
     "of 2021.", "12%", "2021-01-01", "2021-05-31"),
    # ranges
    ("d06", "2021-11-20", "From January to October 2021, China built 115,000 5G base stations.",
     "115,000", "2021-01-01", "2021-10-31"),
    ("d14", "2021-06-30", "In 2019 and 2020, the MIIT named 10 cross-industry industrial internet platforms.",
     "10", "2019-01-01", "2020-12-31"),
    ("x13", "2021-03-01", "By end-2020, 718,000 5G base stations had been built nationwide.",
     "718,000", "2020-12-01", "2020-12-31"),
    # Five-Year Plan periods
    ("d12", "2021-06-30", "By the end of the 14th Five-Year Plan period, the core industry is expected "
     "to reach 5 trillion yuan.", "5 trillion", "2025-12-01", "2025-12-31"),
]


@pytest.mark.parametrize(("sid", "published", "text", "figure", "start", "end"), CASES,
                         ids=[case[0] for case in CASES])
def test_probe_figures_get_the_window_their_sentence_states(
        rules: Ruleset, sid: str, published: str, text: str, figure: str, start: str, end: str) -> None:
    claim = _claim(_claims(text, _day(published), rules), figure)
    assert (claim.time.start, claim.time.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert claim.time.basis == "explicit"


def test_relative_years_note_the_publication_day_they_count_from(rules: Ruleset) -> None:
    claim = _claim(_claims("Last year, the platform served 300 enterprises.", _day("2021-06-30"), rules), "300")
    assert claim.time.note == "\u201cLast year\u201d counted from publication on 2021-06-30"


@pytest.mark.parametrize(("text", "modality"), [
    ("The number of 5G factories may reach 200 next year.", "estimate"),
    ("The number of 5G factories will reach 200 next year.", "target"),
    ("The number of 5G factories reached 200 last year.", "achieved"),
    ("By end-2022, the number of 5G factories will reach 200.", "target"),
])
def test_next_year_and_a_later_deadline_are_not_achieved(rules: Ruleset, text: str, modality: str) -> None:
    assert _claim(_claims(text, _day("2021-06-30"), rules), "200").modality == modality


@pytest.mark.parametrize("text", [
    "In the first three quarters of 2021, industrial internet investment reached 60 billion yuan.",
    "Sales of industrial robots were up 12% year on year in the first five months of 2021.",
    "By the end of the 14th Five-Year Plan period, the core industry is expected to reach 5 trillion yuan.",
    "During the 13th Five-Year Plan period (2016-2020), the core industry reached 5 trillion yuan.",
])
def test_numbers_inside_time_phrases_are_no_figures(rules: Ruleset, text: str) -> None:
    """"three quarters" (0.75), "five months", "14th" are part of the time phrase, as the
    years of "(2016-2020)" are."""
    claims = _claims(text, _day("2021-06-30"), rules)
    assert [c.value.stated for c in claims] in ([60e9], [12.0], [5e12])


@pytest.mark.parametrize("text", ["Revenue reached 230 bln yuan last year.", "A year ago, it served 300 firms.",
                                  "This year, it will reach 600,000."])
def test_relative_years_need_a_publication_day(text: str) -> None:
    """Against an inferred publication window (years wide) or none, "last year" says nothing."""
    for pub in (TimeWindow(start=date(2020, 1, 1), end=date(2022, 12, 31), basis="inferred"),
                TimeWindow(start=None, end=None, basis="unknown")):
        assert find_time_expressions(text, pub) == []


@pytest.mark.parametrize(("text", "start", "end"), [
    ("the second half of 2021", "2021-07-01", "2021-12-31"),
    ("H2 2021", "2021-07-01", "2021-12-31"),
    ("the 4th quarter of 2020", "2020-10-01", "2020-12-31"),
    ("the first 10 months of 2021", "2021-01-01", "2021-10-31"),
    ("between March and May 2021", "2021-03-01", "2021-05-31"),
    ("Jan.-Oct. 2021", "2021-01-01", "2021-10-31"),
    ("during the 14th Five-Year Plan period", "2021-01-01", "2025-12-31"),
    ("in the 13th Five-Year Plan", "2016-01-01", "2020-12-31"),
])
def test_more_forms_of_the_new_phrases(text: str, start: str, end: str) -> None:
    (found,) = find_time_expressions(text, _day("2021-06-30"))
    assert found.text == text
    assert (found.window.start, found.window.end) == (date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize("text", [
    "Output grew in the last year.",  # the past twelve months, not the calendar year before
    "the third half of 2021", "the first 13 months of 2021", "Q5 2021",
    "growth this year-on-year",
])
def test_phrases_that_are_no_such_window(text: str) -> None:
    assert find_time_expressions(text, _day("2021-06-30")) == []


def test_a_text_whose_only_year_is_its_copyright_says_so() -> None:
    """The date note said "no year in the text" of a page holding "Copyright © 2021"."""
    from iicheck.pubdate import inferred_window
    from iicheck.ruleset.models import TimeSettings

    window = inferred_window("Nav Search\n\nCopyright © 2021 JIN SHI. All rights reserved.\n", TimeSettings())
    assert window.basis == "unknown" and window.note is not None
    assert window.note.endswith("no year in the text that dates an event (“Copyright © 2021” is a copyright or "
                                "a deadline, not an event)")


@pytest.mark.parametrize(("text", "start", "end"), [
    # published 2024-03-04: about five years before, give or take half a year
    ("Five years ago the country had only 200 platforms.", "2018-09-02", "2019-09-03"),
    ("A decade ago it had 50 platforms.", "2012-03-04", "2016-03-03"),
    ("Several years ago, 40 firms used it.", "2016-09-02", "2021-09-03"),
    ("20 years ago the plant employed 900 people.", "2003-09-03", "2004-09-03"),
])
def test_years_ago_date_a_figure_before_publication(text: str, start: str, end: str) -> None:
    (e,) = find_time_expressions(text, _day("2024-03-04"))
    assert (e.window.start.isoformat(), e.window.end.isoformat(), e.role) == (start, end, "ago")


def test_years_ago_moves_an_inferred_window_back() -> None:
    """Against a publication window years wide, "five years ago" is as wide but earlier: the
    figure is not of the publication's time."""
    pub = TimeWindow(start=date(2021, 1, 1), end=date(2022, 12, 31), basis="inferred")
    (e,) = find_time_expressions("Five years ago the country had 200 platforms.", pub)
    assert (e.window.start, e.window.end) == (date(2015, 7, 2), date(2018, 7, 2))


def test_an_earlier_figure_said_years_ago_is_no_regression(tmp_path: Path) -> None:
    """"Five years ago ... 200" beside "at the end of 2023 ... 340" was dated to the
    publication and made a false regression (200 after 340)."""
    (tmp_path / "ago.txt").write_text(
        "Published 4 March 2024\n\nChina had 340 industrial internet platforms at the end of 2023, the ministry "
        "said.\nFive years ago the country had only 200 industrial internet platforms.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "text", str(tmp_path / "ago.txt")])
    assert result.exit_code == 0, result.output
    assert "regression" not in result.output


def test_a_wire_dateline_dates_the_story_not_its_first_figure(tmp_path: Path) -> None:
    """"BEIJING, March 3, 2024 (Xinhua) -- ... at the end of last year": the dateline is the
    publication date (so "last year" is 2023) and dates no figure of its own."""
    (tmp_path / "wire.txt").write_text(
        "BEIJING, March 3, 2024 (Xinhua) -- China had 340 industrial internet platforms at the end of last "
        "year, officials said.\n\nThe ministry said 5G base stations numbered 3.38 million at the end of last "
        "year.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["claims", "--no-cache", "--format", "json", str(tmp_path / "wire.txt")])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.output)["claims"]
    assert [(c["value"]["stated"], c["time"]["start"], c["time"]["end"]) for c in claims] == [
        (340.0, "2023-12-01", "2023-12-31"), (3.38e6, "2023-12-01", "2023-12-31")]


@pytest.mark.parametrize("text,metric", [
    # the level a change leads to counts the change's subject, or the change's own unit
    ("The number of 5G base stations rose 46% to 3.38 million in 2023.", "base_stations_5g"),
    ("China added 1.06 million 5G base stations last year, bringing the total to 3.38 million.",
     "base_stations_5g"),
    ("China built 600,000 5G base stations in 2023, for a total of 3.38 million.", "base_stations_5g"),
    # a change in per cent names no count for the level
    ("China added 20% last year, bringing the total to 3.38 million.", None),
    # "to" after a change that is no per cent: no subject is read from it
    ("The operators cut 20 jobs to 3.38 million yuan of savings.", None),
])
def test_a_level_after_a_change_takes_its_count(rules: Ruleset, text: str, metric: str | None) -> None:
    level = _claim(_claims(text, _day("2024-03-04"), rules), "3.38 million")
    assert level.metric == metric


def test_years_ago_dates_only_its_own_clause(tmp_path: Path) -> None:
    """"China now has 3.38 million ..., up from 130,000 five years ago": the 3.38 million is of
    the publication, only the 130,000 of five years before (it made a false regression)."""
    (tmp_path / "a.txt").write_text(
        "Published 5 March 2024.\n\nChina now has 3.38 million 5G base stations, up from 130,000 five years "
        "ago, the ministry said.\nThe company, founded twenty-five years ago with 40 staff, grew.\n",
        encoding="utf-8")
    (tmp_path / "b.txt").write_text("Published 6 January 2020.\n\nChina had 130,000 5G base stations at the "
                                    "end of 2019, the ministry said.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["claims", "--no-cache", "--format", "json", str(tmp_path / "a.txt")])
    windows = {c["figure"]: (c["time"]["start"], c["unit"]) for c in json.loads(result.output)["claims"]}
    assert windows == {"3.38 million": ("2023-12-06", "stations"), "130,000": ("2018-09-03", "stations"),
                       "40": ("1998-09-03", None)}  # twenty-five years, not five; no "130,000 years"
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "text", str(tmp_path)])
    assert "regression" not in result.output and result.exit_code == 0, result.output


@pytest.mark.parametrize("text,metric", [
    # the head noun after "number of" is the count: complaints and people are no stations
    ("The number of complaints about 5G base stations rose 46% to 3,380 at the end of 2023.", None),
    ("The number of people using 5G base stations rose 46% to 3,380 at the end of 2023.", None),
    ("The number of connected sets of industrial equipment reached 3,380 at the end of 2023.",
     "connected_equipment"),
])
def test_the_count_of_number_of_is_its_head_noun(rules: Ruleset, text: str, metric: str | None) -> None:
    assert _claim(_claims(text, _day("2024-03-04"), rules), "3,380").metric == metric


def test_the_base_after_up_from_takes_the_levels_count_and_its_own_time(rules: Ruleset) -> None:
    """"3.38 million 5G base stations, up from 130,000 ...": the 130,000 are stations too; "120
    staff, up from 90 in 2022": 2022 dates the 90, not the 120 (it dated both)."""
    claims = _claims("China now has 3.38 million 5G base stations, up from 130,000 five years ago.",
                     _day("2024-03-05"), rules)
    assert [(c.figure, c.metric) for c in claims] == [("3.38 million", "base_stations_5g"),
                                                      ("130,000", "base_stations_5g")]
    claims = _claims("The firm had 120 staff, up from 90 in 2022.", _day("2024-03-05"), rules)
    assert [(c.figure, c.time.basis) for c in claims] == [("120", "metadata"), ("90", "explicit")]


def test_an_inferred_publication_window_says_so_in_whole_words(rules: Ruleset) -> None:
    """A report review: "(…ial interconnection. The 2019 government work report p…)" cut words
    and nested brackets three deep on the card."""
    from iicheck.pubdate import inferred_window

    text = ("Since then industrial interconnection has grown. The 2019 government work report pointed out that "
            "platforms matter.\n")
    window = inferred_window(text, rules.extraction.time)
    assert (str(window.start), str(window.end), window.basis) == ("2019-01-01", "2020-12-31", "inferred")
    assert window.note.startswith("written 2019\u20132020 at a guess: the latest year it reports as past is 2019 "
                                  "(\u201c\u2026has grown. The 2019 government work report\u2026\u201d), and a text is assumed")
