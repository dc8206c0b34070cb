"""False errors a probe of 26 consistent news texts found (53 error findings, all false), besides
other scopes (tests/test_scopes.py): a month named without a year beside a comparison's year,
a base dated by "a year earlier, when", day and period forms without a year, additions read
as totals, forecasts read as achieved, and backup nodes counted as top nodes. The sentences and
publication days are the probe's, shortened."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from iicheck.cli import main
from iicheck.mapping import author_scoped
from iicheck.models import Claim, TimeWindow
from iicheck.ruleset import Ruleset

from .test_time_probe import _claim as claim_of, _claims as claims_on, _day


def _claims(text: str, published: str, rules: Ruleset) -> list[Claim]:
    return claims_on(text, _day(published), rules)


def _claim(text: str, published: str, figure: str, rules: Ruleset) -> Claim:
    return claim_of(_claims(text, published, rules), figure)


@pytest.mark.parametrize(("published", "text", "figure", "start", "end"), [
    # the year of a comparison's base does not stop a month without a year from being read
    ("2023-12-20", "As of the end of November, the total number of 5G base stations in the country reached "
     "3.283 million, 971,000 more than at the end of last year.", "3.283 million", "2023-11-30", "2023-11-30"),
    ("2023-12-20", "At the end of October, 3.21 million 5G base stations were in service, compared with 2.25 "
     "million in the same period last year.", "3.21 million", "2023-10-31", "2023-10-31"),
    ("2023-12-20", "As of Sept. 30, the number of 5G base stations stood at 3.189 million, 877,000 more than at "
     "the end of 2022.", "3.189 million", "2023-09-30", "2023-09-30"),
    # periods and days named without a year: the latest by publication
    ("2023-12-20", "In the January-November period, 971,000 5G base stations were built nationwide.", "971,000",
     "2023-01-01", "2023-11-30"),
    ("2023-12-20", "In the first 11 months, 971,000 5G base stations were built.", "971,000", "2023-01-01",
     "2023-11-30"),
    ("2023-10-20", "As of the end of the second quarter, there were 2.94 million 5G base stations.",
     "2.94 million", "2023-06-30", "2023-06-30"),
    ("2023-10-20", "As of September-end, there were 3.19 million 5G base stations.", "3.19 million",
     "2023-09-30", "2023-09-30"),
    ("2024-01-10", "As of Dec. 31, there were 3.38 million 5G base stations.", "3.38 million", "2023-12-31",
     "2023-12-31"),
    # a base "a year earlier" after a month without a year: that month a year before
    ("2023-10-20", "The number of 5G industry virtual private networks reached 21,000 at the end of September, "
     "compared with 12,000 a year earlier.", "12,000", "2022-09-30", "2022-09-30"),
    # "a year earlier, when N": N is of a year before the time it follows
    ("2023-02-22", "At the end of 2022, China had 265 secondary nodes of the identifier resolution system, 107 "
     "more than a year earlier, when 158 secondary nodes were in service.", "158", "2021-12-01", "2021-12-31"),
    ("2023-02-22", "China had 265 secondary nodes of the identifier resolution system at the end of 2022. The "
     "number was 107 more than a year earlier, when 158 secondary nodes were in service.", "158", "2021-12-01",
     "2021-12-31"),
    # a second probe, held out while the fixes above were made: "<time>, when N" is N's time; a
    # month of a year named relative to publication
    ("2023-11-26", "Compared with two years ago, when there were 1.39 million 5G base stations, coverage has "
     "more than doubled.", "1.39 million", "2021-05-27", "2022-05-28"),
    ("2022-05-16", "As of the end of April this year, more than 2,400 \"5G + industrial internet\" projects were "
     "under way, an increase of more than 600 from the end of last year.", "2,400", "2022-04-30", "2022-04-30"),
    ("2022-05-16", "In June of last year, China had 850,000 5G base stations.", "850,000", "2021-06-01", "2021-06-30"),
    ("2024-02-06", "Output was 500 tonnes in December last year.", "500", "2023-12-01", "2023-12-31"),
    ("2024-10-09", "China had 3.917 million 5G base stations at mid-year, up from 2.937 million a year earlier.",
     "2.937 million", "2023-06-30", "2023-06-30"),
    # "a year earlier, when N" in a paragraph of its own counts from the last time named
    ("2023-02-22", "China had 265 secondary nodes of the identifier resolution system at the end of 2022.\n\nThe "
     "number was 107 more than a year earlier, when 158 secondary nodes were in service.", "158", "2021-12-01",
     "2021-12-31"),
    # a second review (see below): a bracketed year yields to a time the sentence states, and
    # follows a figure only; "as" clauses, and "when" with a main clause that is not a plain
    # past statement, date nothing
    ("2025-08-01", "In the first half of 2025, 300,000 5G base stations were added [2025].", "300,000",
     "2025-01-01", "2025-06-30"),
    ("2025-08-01", "By the end of 2024 the country had 4.25 million 5G base stations [2024].", "4.25 million",
     "2024-12-01", "2024-12-31"),
    ("2025-08-01", "Secondary nodes of identifier resolution increased from 60 [2019] to 100[2020].", "100",
     "2020-01-01", "2020-12-31"),
    ("2025-08-01", "The plan [2021] called for 3.6 million 5G base stations.", "3.6 million", "2025-08-01",
     "2028-08-01"),
    ("2025-08-01", "As set out in the action plan released in 2018, China has cultivated more than 240 industrial "
     "internet platforms with industry influence.", "more than 240", "2025-05-03", "2025-08-01"),
    ("2025-08-01", "When the plan ends in 2025, the ministry expects 3.6 million 5G base stations.", "3.6 million",
     "2025-05-03", "2025-08-01"),
    ("2025-08-01", "When the ministry released its annual report in February 2024, it said China had 3.38 million "
     "5G base stations.", "3.38 million", "2025-05-03", "2025-08-01"),
])
def test_the_figure_gets_its_own_time(rules: Ruleset, published: str, text: str, figure: str, start: str,
                                      end: str) -> None:
    claim = _claim(text, published, figure, rules)
    assert (claim.time.start, claim.time.end) == (date.fromisoformat(start), date.fromisoformat(end))


@pytest.mark.parametrize("text", [
    "In 2019, output rose in December.",  # the year may be December's own: not read
    "In December, 2023 was the warmest year on record.",
])
def test_a_year_that_is_no_comparisons_base_still_makes_a_month_ambiguous(rules: Ruleset, text: str) -> None:
    from iicheck.timeexpr import find_time_expressions
    day = TimeWindow(start=date(2024, 1, 10), end=date(2024, 1, 10), basis="metadata")
    assert all(e.role != "recent" for e in find_time_expressions(text, day))


@pytest.mark.parametrize(("text", "figure"), [
    ("In January 2024, some 64,000 5G base stations were added across the country.", "64,000"),
    ("A further 58,000 5G base stations went into operation in February.", "58,000"),
    ("The ministry said it will build more than 600,000 5G base stations in 2024.", "600,000"),
    ("China had 1.425 million 5G base stations at the end of 2021. About 700,000 5G base stations were built "
     "during the year.", "700,000"),
    # a participle after the figure's noun, in a period (the sixth probe's fact list)
    ("625,000 — 5G base stations added nationwide in the first half of 2023.", "625,000"),
    ("There were 887,000 5G base stations added during 2022.", "887,000"),
    # the seventh probe: a listicle's bold figure and double dash, and the base of an addition
    ("2. **1,065,000** -- new 5G base stations added during 2023, the first time the annual addition exceeded "
     "one million.", "1,065,000"),
    ("China added 874,000 5G base stations last year, down from 1.065 million the year before, a fall of roughly 18 "
     "percent.", "1.065 million"),
    ("China had 3.38 million 5G base stations at the end of 2023, with 1.06 million newly built during the "
     "year.", "1.06 million"),
])
def test_additions_are_changes(rules: Ruleset, text: str, figure: str) -> None:
    assert _claim(text, "2024-03-01", figure, rules).excluded == "change"


@pytest.mark.parametrize("text", [
    "In 2023, China had 3.38 million 5G base stations built.",  # "had ... built": a total
    "By the end of 2023, 3.38 million 5G base stations built nationwide were in service.",  # not a period
    "In 2023, the 3.38 million 5G base stations built by the operators carried 40% of traffic.",  # an agent
])
def test_a_participle_of_building_after_had_without_a_period_or_with_an_agent_is_no_addition(
        rules: Ruleset, text: str) -> None:
    assert _claim(text, "2024-03-01", "3.38 million", rules).excluded is None


@pytest.mark.parametrize(("text", "figure", "start"), [
    # the time after "than" dates the comparison's base, not the figure (the seventh probe)
    ('"5G + industrial internet" projects under construction reached 14,000, 75 percent more than at the end of '
     "2023.", "14,000", "2024-10-22"),
    ("The number of 5G base stations reached 4.25 million, 874,000 more than at the end of 2023.", "4.25 million",
     "2024-10-22"),
])
def test_a_time_after_than_dates_the_base(rules: Ruleset, text: str, figure: str, start: str) -> None:
    claim = _claim(text, "2025-01-20", figure, rules)
    assert claim.time.start == date.fromisoformat(start) and claim.time.basis == "metadata"


@pytest.mark.parametrize(("text", "figure", "modality"), [
    ('"We want to connect another 600 machines and get the defect rate under 1 percent."', "600", "target"),
    ("By the end of this year, the academy expects the number of secondary nodes of the identifier resolution "
     "system to reach about 400.", "400", "estimate"),
    ("\"We expect the number of 5G factories to reach several thousand within two years,\" said an analyst.",
     "several thousand", "estimate"),
    ("In 2023, the value added of the core industrial internet industry is estimated at 1.30 trillion yuan.",
     "1.30 trillion", "estimate"),
    ("The plan calls for 3 million 5G base stations by the end of 2025.", "3 million", "target"),
])
def test_forecasts_and_plans_are_not_achieved(rules: Ruleset, text: str, figure: str, modality: str) -> None:
    assert _claim(text, "2023-02-22", figure, rules).modality == modality


def test_backup_nodes_are_not_top_nodes(rules: Ruleset) -> None:
    claims = _claims("The five national top nodes and two disaster recovery nodes of the identifier resolution "
                     "system processed the requests.", "2024-01-19", rules)
    assert [(c.figure, c.definition) for c in claims] == [("five", "top"), ("two", "disaster_recovery")]


def test_a_consistent_wire_story_gives_no_error(tmp_path: Path) -> None:
    """Three of the probe's stories, consistent with each other: they gave seven error findings."""
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Title: 5G base stations top 3.28 million\nPublished: 2023-12-20\n\n"
        "BEIJING, Dec. 20 (Xinhua) -- As of the end of November, the total number of 5G base stations in the "
        "country reached 3.283 million, 971,000 more than at the end of last year.\n\n"
        "In the January-November period, 971,000 5G base stations were built nationwide.\n\n"
        "Guangdong had built 324,000 5G base stations, the most of any provincial-level region.\n",
        encoding="utf-8")
    (folder / "b.txt").write_text(
        "Title: Operators report\nPublished: 2024-01-25\n\n"
        "The country had 2.312 million 5G base stations at end-2022 and 3.377 million at end-2023.\n\n"
        "China Mobile reported its results. It had 1.946 million 5G base stations at the end of 2023.\n\n"
        "Operators around the world had deployed about 5.2 million 5G base stations by the end of 2023.\n",
        encoding="utf-8")
    (folder / "c.txt").write_text(
        "Title: 5G in September\nPublished: 2023-10-20\n\n"
        "As of Sept. 30, the number of 5G base stations stood at 3.189 million, 877,000 more than at the end "
        "of 2022.\n\nThe ministry said it will build more than 600,000 5G base stations in 2024.\n",
        encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["audit", str(folder), "--out", str(out), "--format", "json", "--no-cache"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert [f["message"] for f in report["findings"] if f["severity"] == "error"] == []


def test_a_comparisons_base_takes_the_definition_of_its_level(rules: Ruleset) -> None:
    """"up from 28 in 2022" was read as all platforms, and 240 platforms with influence
    "exceeded" it (exceeds_parent); a base whose clause names a definition keeps its own."""
    claims = _claims("The number of cross-industry and cross-field industrial internet platforms reached 50 in 2023, "
                     "up from 28 in 2022.", "2024-01-19", rules)
    assert [(c.figure, c.definition) for c in claims] == [("50", "cross_industry"), ("28", "cross_industry")]
    claims = _claims("China had 340 industrial internet platforms with influence in 2023, up from 150 cross-industry "
                     "platforms in 2021.", "2024-01-19", rules)
    assert [(c.figure, c.definition) for c in claims] == [("340", "influential"), ("150", "cross_industry")]


@pytest.mark.parametrize(("text", "unit"), [
    ("More than 40,000 5G private network projects had been signed by the end of 2023.", "projects"),
    ("There are more than 1,200 industrial internet platform service providers with influence.", "providers"),
    ("China had 29,000 5G private networks by the end of 2023.", "networks"),
    ("The core industry value added was 1.35 trillion yuan in 2023.", "yuan"),
])
def test_a_unit_noun_before_a_plural_noun_is_a_modifier(rules: Ruleset, text: str, unit: str) -> None:
    """"5G private network projects" were counted as networks (a false contradiction with 29,000
    networks), "platform service providers" as platforms."""
    (claim,) = _claims(text, "2024-01-19", rules)
    assert claim.unit == unit


@pytest.mark.parametrize(("text", "metric"), [
    # four news-probe texts read "the 512 project" as 512 "5G + industrial internet" projects
    ('The "5G + industrial internet" 512 project was launched in November 2019.', None),
    ("The 512 Project set the goal of building 5 public service platforms for 5G and the industrial internet.", None),
    ("China had built more than 4,000 5G + industrial internet projects by the end of 2022.", "projects_5g_ii"),
    # no name: a translation's singular still counts
    ("The number of 5G + industrial internet projects exceeded 1000 project.", "projects_5g_ii"),
    ("China built 3 million 5G base station.", "base_stations_5g"),
])
def test_the_number_in_a_programmes_name_counts_nothing(rules: Ruleset, text: str, metric: str | None) -> None:
    claim = [c for c in _claims(text, "2024-01-19", rules) if c.value.stated > 5][0]
    assert claim.metric == metric


def test_a_third_probes_timeline_company_and_province_texts(rules: Ruleset, tmp_path: Path) -> None:
    """A third probe (24 texts, held out from the fixes above): 37 false errors, 15 from a
    timeline's "2020: ..." lines, 12 from a company's or a province's "we"."""
    # a timeline's line dates its paragraph by its year
    claims = _claims("2019: Licences issued on June 6. About 130,000 5G base stations were built by year-end.\n\n"
                     "2020: The network expanded to 718,000 5G base stations.", "2024-05-10", rules)
    assert [(c.figure, c.time.start, c.time.end) for c in claims if c.metric] == [
        ("About 130,000", date(2019, 1, 1), date(2019, 12, 31)), ("718,000", date(2020, 1, 1), date(2020, 12, 31))]
    # additions since the start of the year, "newly delivered"
    assert _claim("Since the beginning of this year, 1,200 \"5G + industrial internet\" projects have been added "
                  "nationwide.", "2025-04-25", "1,200", rules).excluded == "change"
    assert _claim("In the year, operators newly delivered more than 1,400 \"5G + industrial internet\" projects.",
                  "2023-03-22", "1,400", rules).excluded == "change"
    # two named firms; a place list belonging to another clause's figure
    assert _claim("As at the end of June 2022, the two companies had opened about 870,000 shared 5G base stations.",
                  "2022-08-10", "870,000", rules).metric is None
    assert _claim("The five national top nodes in Beijing, Shanghai, Guangzhou, Wuhan and Chongqing are running, "
                  "while more than 90 secondary nodes of the identifier resolution system are in service.",
                  "2021-01-20", "90", rules).metric == "identifier_nodes"


@pytest.mark.parametrize(("head", "metric"), [
    ("China Unicom 2021 annual results", None),  # a company's "we": its own base stations
    ("Shandong Province: Report on the Work of the Government", None),
    ("Report on the Work of the Government", "base_stations_5g"),  # the State Council's "we": national
])
def test_we_is_the_authors_scope(rules: Ruleset, head: str, metric: str | None) -> None:
    text = f"{head}\n\nAs at 31 December 2021, we had over 501,000 5G base stations in service."
    assert _claim(text, "2022-03-24", "501,000", rules).metric == metric


# A review of the session's change (15 defects, each against the code before it)
REVIEW_MAPPED = [
    ("Speaking in Beijing on Wednesday, Vice Minister Xin Guobin said China had built more than 240 industrial "
     "internet platforms.", "240", "ii_platforms"),
    ("According to a report by Huawei, China had 2.94 million 5G base stations at the end of June.", "2.94 million",
     "base_stations_5g"),
    ("The MIIT and the NDRC jointly issued the plan in March; China now has more than 240 industrial internet "
     "platforms.", "240", "ii_platforms"),
    ("Guangdong leads in 5G factory construction; nationwide, China had more than 300 5G factories at the end of "
     "2023.", "300", "factories_5g"),
    ("The ministry held a press conference in Beijing on Wednesday. It said China had built 2.94 million 5G base "
     "stations by the end of June.", "2.94 million", "base_stations_5g"),
    ("BEIJING -- China had 2.94 million 5G base stations at the end of June, the ministry said.", "2.94 million",
     "base_stations_5g"),
    ("MIIT: 5G factories spread from Guangdong to Xinjiang\n\nBy the end of 2023, our country had built 3.38 million "
     "5G base stations.", "3.38 million", "base_stations_5g"),
]


@pytest.mark.parametrize(("text", "figure", "metric"), REVIEW_MAPPED)
def test_the_country_named_after_a_scope_phrase_keeps_the_figure_national(rules: Ruleset, text: str, figure: str,
                                                                        metric: str) -> None:
    assert _claim(text, "2023-07-20", figure, rules).metric == metric


@pytest.mark.parametrize(("text", "figure", "start", "end"), [
    ("2019 - 2023: China built 3.38 million 5G base stations in total over the five years.", "3.38 million",
     "2019-01-01", "2023-07-20"),  # a range (ended at publication), not a timeline's label
    ("China had 2.94 million 5G base stations at the end of June, and the ministry expects more growth in the "
     "second half.", "2.94 million", "2023-06-30", "2023-06-30"),
])
def test_review_dates(rules: Ruleset, text: str, figure: str, start: str, end: str) -> None:
    claim = _claim(text, "2023-07-20", figure, rules)
    assert (claim.time.start, claim.time.end) == (date.fromisoformat(start), date.fromisoformat(end))


def test_review_other_forms(rules: Ruleset) -> None:
    # "up to 2000 Mbps" is no year
    speed = _claim("By the end of June, China had 2.94 million 5G base stations, offering download speeds of up to "
                   "2000 Mbps.", "2023-07-20", "2.94 million", rules)
    assert speed.time.start is not None and speed.time.start.year == 2023
    # totals are no additions
    assert _claim("In the first half of 2023, a total of 2.94 million 5G base stations have been built in China.",
                  "2023-07-20", "2.94 million", rules).excluded is None
    assert _claim("Since the beginning of this year, China has kept up 5G construction, and the total number of 5G "
                  "base stations reached 3.21 million by the end of October.", "2023-11-20", "3.21 million",
                  rules).excluded is None
    assert _claim("China has 50 cross-industry industrial internet platforms and another 240 industrial internet "
                  "platforms with regional influence.", "2023-07-20", "240", rules).excluded is None
    # "may" is no month; "the first three months after its launch" no January-March
    may = _claim("Operators may this year add 600,000 5G base stations, the association said.", "2023-03-01",
                 "600,000", rules)
    assert may.time.start == date(2023, 1, 1)
    launch = _claim("In the first three months after its launch, the platform connected 1.2 million sets of "
                    "industrial equipment.", "2023-03-20", "1.2 million", rules)
    assert launch.time.basis != "explicit"
    # "point to" is no estimate; a version number no date
    assert _claim("Official data point to 2.31 million 5G base stations at the end of 2022.", "2023-03-20",
                  "2.31 million", rules).modality == "achieved"
    version = _claim("China had 3.05 million 5G base stations, according to the ministry's statistics app "
                     "(version 2.4.2023).", "2023-08-01", "3.05 million", rules)
    assert version.time.basis != "explicit"
    # "a year earlier, when N" in a sentence of the present does not count from another paragraph's year
    claims = _claims("The action plan was first released in 2018, when China had about 50 industrial internet "
                     "platforms.\n\nChina now has 240 industrial internet platforms, 50 more than a year earlier, "
                     "when 190 industrial internet platforms were counted.", "2023-07-20", rules)
    (later,) = [c for c in claims if c.figure == "190"]
    assert later.time.start is not None and later.time.start.year >= 2022


# A fourth probe (benchmarks/newsprobe/fourth, 25 texts by a fourth writer): 11 false errors
# and 1 warning when first audited; each form below made one or more of them.

def test_a_sections_number_is_no_figure(rules: Ruleset) -> None:
    """A translated report's "3.1 Industrial internet platforms developed rapidly." was 3.1
    platforms (an exceeds_parent error against "Over 340 platforms with influence")."""
    assert [c.figure for c in _claims("3.1 Industrial internet platforms developed rapidly.\n\n2.1 By the end "
                                      "of 2020, China had more than 100 industrial internet platforms.",
                                      "2024-05-24", rules)] == ["more than 100"]
    # a figure opening a sentence is still one
    assert [c.figure for c in _claims("3.5 Million 5G base stations were built.", "2024-05-24", rules)] == \
        ["3.5 Million"]


@pytest.mark.parametrize("text", ["China ended 2019 with 130,000 5G base stations.",
                                  "China ended 2019, its first year of commercial 5G, with about 130,000 base stations."])
def test_a_year_ended_with_a_figure_dates_it_at_that_years_end(rules: Ruleset, text: str) -> None:
    claim = [c for c in _claims(text, "2024-12-16", rules) if "130,000" in c.figure][0]
    assert (claim.time.start, claim.time.end) == (date(2019, 12, 1), date(2019, 12, 31))


def test_a_scope_inside_the_figures_noun_phrase(rules: Ruleset) -> None:
    """"Five more Suzhou factories" are the city's, and an addition, not the national count."""
    claim = _claim("Five more Suzhou factories were named on the national list of 5G factories last year.",
                   "2025-01-13", "Five", rules)
    assert claim.metric is None and claim.excluded == "change"
    assert _claim("The province has built 390 provincial-level industrial internet platforms.", "2025-01-13",
                  "390", rules).metric is None
    assert _claim("China had 100 or more 5G factories.", "2025-01-13", "100 or more", rules).excluded is None


def test_the_next_subject_ends_a_figures_clause(rules: Ruleset) -> None:
    """"... rose from 72 to 342 and the number of cross-industry platforms from 10 to 50": 342
    counts platforms with influence (it was read as cross-industry, above its parent's 72)."""
    claims = _claims("Between 2019 and 2023, the number of industrial internet platforms with industry and regional "
                     "influence increased from 72 to 342 and the number of national cross-industry, cross-field "
                     "platforms from 10 to 50 (MIIT, 2024).", "2024-03-20", rules)
    assert claim_of(claims, "342").definition == "influential"


def test_a_comparisons_base_is_not_dated_by_its_level(rules: Ruleset) -> None:
    """A base that no time of its own dates was true earlier than its level, but not said when:
    it is kept, undated and marked (claims.UNDATED_BASE). Dated with the level's time (or the
    paragraph's), "from 40.5 million sets to 113 million" made a false regression."""
    for text in ["At the end of 2023, equipment connected to key industrial internet platforms reached 113 million "
                 "sets, up from 40.5 million sets.",
                 "By end-June this year there were 412 platforms. Equipment connected to industrial internet "
                 "platforms nearly tripled, from 40.5 million sets to 113 million over the same span."]:
        base = claim_of(_claims(text, "2025-10-27", rules), "40.5 million")
        assert base.excluded == "undated base" and not base.time.known, text
    # "from five aspects" is no comparison
    assert _claim("The plan sets out 20 tasks from five aspects, including platforms.", "2025-10-27", "five",
                  rules).excluded is None
    # a base with its own time keeps it
    claims = _claims("Equipment connected to industrial internet platforms rose from 40.5 million sets in 2019 to "
                     "113 million in 2023.", "2025-10-27", rules)
    assert claim_of(claims, "40.5 million").time.start == date(2019, 1, 1)


@pytest.mark.parametrize("text", [
    "Between 2019 and 2023, the value added of the core industrial internet industry rose from 0.75 trillion yuan "
    "to 1.35 trillion yuan.",
    "From 2019 to 2023 the value added of the core industrial internet industry rose from 0.75 trillion yuan to "
    "1.35 trillion yuan.",
    "The value added of the core industrial internet industry rose from 0.75 trillion yuan to 1.35 trillion yuan "
    "between 2019 and 2023.",
])
def test_from_x_to_y_over_a_range_of_years_takes_its_ends(rules: Ruleset, text: str) -> None:
    claims = _claims(text, "2024-03-20", rules)
    first, last = claim_of(claims, "0.75 trillion"), claim_of(claims, "1.35 trillion")
    assert (first.time.start, first.time.end) == (date(2019, 1, 1), date(2019, 12, 31))
    assert (last.time.start, last.time.end) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_base_a_year_earlier_in_an_undated_sentence(rules: Ruleset) -> None:
    """A fact box's "compared with 342 a year earlier": a year before the publication window
    its sentence takes, not that window itself."""
    claims = _claims("Influential platforms: nearly 400 industrial internet platforms with industry or regional "
                     "influence, compared with 342 a year earlier.", "2025-01-24", rules)
    level, base = claim_of(claims, "nearly 400"), claim_of(claims, "342")
    assert level.time.end == date(2025, 1, 24) and base.time.end == date(2024, 1, 24)
    assert base.excluded is None


COMPANY_DOCUMENTS = [
    # a company's own document: its figures are its own without a "we" (sixth and seventh probes)
    ("China Mobile FY2023 results call — edited transcript", "OnePower connected 8.2 million sets of equipment, "
     "up 46 per cent.", "8.2 million", None),
    ("Kunlun Netcom 2024 Annual Report -- Letter from the Chairman to Shareholders", "At year-end, 885,000 Kunlun 5G "
     "base stations were in service on Chinese networks, more than a fifth of the national total.", "885,000", None),
    # ... unless it names the country before the figure or in its clause
    ("China Mobile FY2022 results call — edited transcript", "Chairman: Nationally, platforms connect 81 million "
     "sets, so we have about 7 per cent.", "81 million", "connected_equipment"),
    ("China Mobile FY2023 results call — edited transcript", "That is 48.0 per cent of the 3.37 million 5G base "
     "stations in the country at year-end.", "3.37 million", "base_stations_5g"),
    # a title that names a company but is no document of its own: a figure without "we" stays national
    ("China Mobile leads as 5G base stations pass 3 million", "By the end of 2023, 3.38 million 5G base stations "
     "were in service.", "3.38 million", "base_stations_5g"),
]




@pytest.mark.parametrize(("title", "scoped"), [
    ("Kunlun Netcom Q3 2024 earnings call transcript (edited excerpt)", True),
    ("Kunlun Netcom reports 2023 operating data: 214,000 5G base stations delivered", True),
    ("Kunlun Netcom 2024 Annual Report -- Letter from the Chairman to Shareholders", True),
    ("Acme posts Q3 results", True),
    ("MIIT reports 2023 figures for the telecom industry", False),
    ("Transcript: press conference on the development of the industrial internet in 2024", False),
])
def test_a_title_in_a_companys_voice_scopes_its_we(rules: Ruleset, title: str, scoped: bool) -> None:
    """The seventh probe: a company the rules do not name speaks in its own voice in an earnings
    call, its operating data and a letter to shareholders."""
    assert author_scoped(rules, (title, title)) is scoped


@pytest.mark.parametrize("title", [
    '"Our customers want fewer breakdowns": a conversation with Hanlin Yunzhi\'s chief executive',
    '"The cables were the problem": a Changzhou plant manager on life inside a 5G factory',
])
def test_an_interviewees_we_is_their_companys(rules: Ruleset, title: str) -> None:
    """Under a title announcing an interview with a company's chief executive or plant manager,
    "we had 1.3 million sets connected" is the company's (a false regression against the
    national 81.3 million)."""
    text = (f"Title: {title}\n\nHow big is the platform today?\n\nAt the end of last year we had 1.3 million sets of "
            "industrial equipment connected to our industrial internet platform.")
    assert _claim(text, "2024-06-12", "1.3 million", rules).metric is None


def test_a_time_of_what_the_figure_is_compared_with_does_not_date_it(rules: Ruleset) -> None:
    """"exceeded 6,000, which is 1.5 times the figure at the end of last year": the end of last
    year is the base's time (a third probe's speech; it made a false contradiction with 4,000
    at the end of 2022). A time before the figure still dates it ("The total at the end of 2022
    was 3,000")."""
    claim = _claim("The number of 5G plus industrial internet projects has exceeded 6,000, which is 1.5 times the "
                   "figure at the end of last year.", "2023-09-14", "6,000", rules)
    assert claim.time.basis == "metadata"
    claim = _claim("The total at the end of 2022 was 3,000 5G plus industrial internet projects.", "2023-09-14",
                   "3,000", rules)
    assert claim.time.start == date(2022, 12, 1)


def test_the_value_the_industrial_internet_adds_elsewhere_is_not_the_cores(rules: Ruleset) -> None:
    """A think tank's "integration-driven part" (3.19 trillion yuan) took "core industry" from
    the sentence before, and contradicted the core's 1.26 trillion for the same year."""
    claims = _claims("In 2022, the value added of the core industry of the industrial internet reached 1.26 trillion "
                     "yuan, up 7.7% from 2021. The integration-driven part — value added created in other sectors "
                     "by applying the industrial internet — reached 3.19 trillion yuan.", "2023-04-20", rules)
    assert [(c.figure, c.metric) for c in claims if "trillion" in c.figure] == [
        ("1.26 trillion", "core_industry_value_added"), ("3.19 trillion", None)]


def test_since_the_beginning_of_the_year_opening_a_sentence_makes_its_first_figure_an_addition(
        rules: Ruleset) -> None:
    """A province's "Since the beginning of this year, 1,200 ... projects have been added, and
    the cumulative total is 2,900": 1,200 was a total (a false regression against 15,000). A
    figure after another one stays what it is."""
    claims = _claims('Since the beginning of this year, 1,200 "5G + industrial internet" projects have been added, '
                     "and the cumulative total is 2,900.", "2025-04-25", rules)
    assert claim_of(claims, "1,200").excluded == "change"
    claims = _claims("So far this year China has built 300,000 5G base stations, and it had 3.38 million 5G base "
                     "stations at the end of 2023.", "2025-04-25", rules)
    assert claim_of(claims, "300,000").excluded == "change" and claim_of(claims, "3.38 million").excluded is None


# A review of this session's change (a helper compared it with the code before it on ~300
# sentences): each case below was read worse by the change and is mended.

@pytest.mark.parametrize(("published", "text", "figure", "start"), [
    # "by the end of ..." in a plan or a forecast is a deadline, not a time something was done
    ("2022-11-20", "By the end of October, China had built 2.25 million 5G base stations, and the total was expected "
     "to top 2.4 million 5G base stations by the end of the year.", "2.4 million", "2022-08-22"),
    ("2024-07-10", "The ministry has asked operators to build 4.2 million 5G base stations by the end of December.",
     "4.2 million", "2024-04-11"),
    ("2024-07-10", "China has pledged to build 4.2 million 5G base stations by the end of December.", "4.2 million",
     "2024-04-11"),
    ("2024-07-10", "MIIT said that 4.2 million 5G base stations were planned by the end of December.", "4.2 million",
     "2024-04-11"),
    # ... and dates only its own clause, or the one after it
    ("2024-07-10", "By the end of June, China had built 3.9 million 5G base stations.", "3.9 million", "2024-06-30"),
])
def test_review_by_the_end_of_is_a_deadline_in_plans(rules: Ruleset, published: str, text: str, figure: str,
                                                     start: str) -> None:
    assert _claim(text, published, figure, rules).time.start == date.fromisoformat(start)


@pytest.mark.parametrize(("text", "figure"), [
    ("The number of 5G base stations reached 3.38 million by the end of 2023, with Guangdong, Jiangsu and Zhejiang "
     "having the most base stations.", "3.38 million"),
    ("By the end of 2023, the total number of 5G base stations in China had reached 3.38 million, and Shanghai had "
     "built more base stations per capita than any other city.", "3.38 million"),
    ("The number of connected sets of industrial equipment reached 96 million by the end of 2023 and Shanghai's "
     "assets grew.", "96 million"),
    ("Minister Jin said China had built 3.38 million 5G base stations by the end of 2023 at a press conference in "
     "Beijing on Tuesday.", "3.38 million"),
    ("The World 5G Convention heard that there were 3.38 million 5G base stations by the end of 2023 in Hangzhou.",
     "3.38 million"),
    ("There were 3.38 million 5G base stations nationwide in city and rural areas.", "3.38 million"),
    ("By the end of 2023, China had built 8,000 5G factories including 500 in Guangdong.", "8,000"),
    ("There were 3.38 million 5G base stations in prefecture-level cities and above.", "3.38 million"),
    ("The added value of the core industrial internet industry reached 1.44 trillion yuan from Hubei to the coast.",
     "1.44 trillion"),
    # a company's people are no scope outside a title
    ("Wang Wei, general manager of the China Academy of Information and Communications Technology's research "
     "institute, said 8,000 5G factories had been built by the end of 2023.", "8,000"),
    ("According to the plant manager, there were 3.38 million 5G base stations in the country at the end of 2023.",
     "3.38 million"),
])
def test_review_national_figures_stay_national(rules: Ruleset, text: str, figure: str) -> None:
    assert _claim(text, "2024-03-10", figure, rules).metric is not None


def test_review_a_company_in_the_figures_clause_scopes_it(rules: Ruleset) -> None:
    claim = _claim("As at 31 December 2024, 1.35 million sets of industrial equipment were connected to the company's "
                   "XL-Cloud industrial internet platform.", "2025-04-25", "1.35 million", rules)
    assert claim.metric is None
    # a listed company's title speaks for it; a meeting with a delegation's CEOs does not
    assert author_scoped(rules, ("Zhongke Xinlian Equipment Co., Ltd. - 2024 Annual Results Announcement",))
    assert not author_scoped(rules, ("MIIT official meets CEO delegation",))


@pytest.mark.parametrize(("text", "first", "second"), [
    # a plan's period not over by publication: both keep it (the first is so at its start)
    ("During the 14th Five-Year Plan period, the number of 5G base stations rose from 718,000 to 3.38 million.",
     ("2021-01-01", "2024-03-10"), ("2021-01-01", "2024-03-10")),
    # from X to Y in a period that holds both, or since a year: X keeps the period, as before
    ("In 2023, the number of 5G base stations rose from 2.31 million to 3.38 million.",
     ("2023-01-01", "2023-12-31"), ("2023-01-01", "2023-12-31")),
    ("The number of 5G factories rose from 50 to 70 in 2021.", ("2021-01-01", "2021-12-31"),
     ("2021-01-01", "2021-12-31")),
])
def test_review_from_x_to_y_in_a_period(rules: Ruleset, text: str, first: tuple[str, str],
                                        second: tuple[str, str]) -> None:
    a, b = [c for c in _claims(text, "2024-03-10", rules) if c.metric][:2]
    assert (str(a.time.start), str(a.time.end)) == first and (str(b.time.start), str(b.time.end)) == second
    assert a.excluded is None


def test_review_bases_dated_by_their_own_words_and_other_forms(rules: Ruleset) -> None:
    base = _claim("Secondary identifier resolution nodes numbered 213 at the end of June, compared with 158 at the "
                  "start of the year.", "2022-07-20", "158", rules)
    assert base.excluded is None and base.time.known
    # "up 46 percent from 2.31 million a year earlier" is a year before its level
    base = _claim("China had 3.38 million 5G base stations at the end of 2023, up 46 percent from 2.31 million a year "
                  "earlier.", "2024-03-10", "2.31 million", rules)
    assert base.time.start == date(2022, 12, 1)
    # "8,000 more or less", "more than any other country's" are no additions
    assert _claim("The number of 5G factories was 8,000 more or less.", "2024-03-10", "8,000",
                  rules).excluded is None
    # "the 300 factory target" is a target's number, no name
    assert _claim("China had 3,000 5G factories, and the 300 factory target was met.", "2024-03-10", "300",
                  rules).metric == "factories_5g"
    # a scale abbreviation after a decimal opening a paragraph
    assert _claim("3.38 Mn 5G base stations were built in China.", "2024-03-10", "3.38 Mn", rules).metric \
        == "base_stations_5g"
    # a world-class aim elsewhere in the clause does not make a figure world-class
    assert _claim("By the end of 2023, China had built 340 industrial internet platforms with regional and industry "
                  "influence as it strives to build world-class platforms.", "2024-03-10", "340",
                  rules).definition == "influential"


# A fifth probe (benchmarks/newsprobe/fifth, 25 texts by a fifth writer): 18 false errors when
# first audited (22 with the code of this session's start); each form below made some of them.

def test_a_when_clauses_time_is_the_figures(rules: Ruleset) -> None:
    claim = _claim("When the 14th Five-Year Plan period began in 2021, the identifier resolution system had 100 "
                   "secondary nodes.", "2025-08-05", "100", rules)
    assert (claim.time.start, claim.time.end) == (date(2021, 1, 1), date(2021, 12, 31))
    # "since" and "after" clauses still date an event of their own
    claim = _claim("Since the plan was launched in 2021, the identifier resolution system has added 100 secondary "
                   "nodes.", "2025-08-05", "100", rules)
    assert claim.time.start != date(2021, 1, 1)


@pytest.mark.parametrize(("text", "figure"), [
    ("Secondary nodes now cover 47 of the 97 major categories of the national economy, just under half.", "97"),
    ("The top four together account for some 4.14 million of the world's approximately 5.4 million 5G base "
     "stations.", "approximately 5.4 million"),
    ("5G had been applied in 22 of the 41 major industrial categories.", "41"),
])
def test_the_whole_a_count_is_part_of_is_no_count(rules: Ruleset, text: str, figure: str) -> None:
    assert _claim(text, "2025-02-18", figure, rules).metric is None


def test_one_of_the_counted_things_keeps_the_count(rules: Ruleset) -> None:
    assert _claim("The mill is one of the 300 5G factories named by the ministry last year.", "2024-03-10", "300",
                  rules).metric == "factories_5g"
    # "one company" is one of them, no count of companies
    assert _claim("To give you a sense of scale for one company, the firm reported 1.35 million sets.",
                  "2025-07-22", "one", rules).metric is None


def test_a_correction_quotes_the_figure_it_withdraws(rules: Ruleset) -> None:
    claim = _claim("Update, January 23: An earlier version of this article said the ministry had named 8,000 "
                   "national-level 5G factories.", "2024-01-22", "8,000", rules)
    assert claim.excluded == "denied"


def test_bracketed_years_date_the_figures_before_them(rules: Ruleset) -> None:
    claims = _claims("Secondary nodes of identifier resolution increased from 60 [2019] to 100 [2020], 265 [2022] "
                     "and 340 [2024].", "2025-08-15", rules)
    assert [(c.figure, c.time.start.year if c.time.start else None) for c in claims] == [
        ("60", 2019), ("100", 2020), ("265", 2022), ("340", 2024)]


def test_a_share_of_the_national_total_in_apposition(rules: Ruleset) -> None:
    claim = _claim("Together the top five provinces had 1,372,000 5G base stations at the end of last year, 32.3 "
                   "percent of the national total of 4.251 million.", "2025-02-10", "1,372,000", rules)
    assert claim.metric is None


# A second review (the fifth probe's rules and the first review's mending): each case was read
# worse than before and is mended.

@pytest.mark.parametrize(("text", "figure", "metric", "excluded"), [
    # a whole of things counted stays a count; a year before "of" is no whole
    ("Three of the 240 industrial internet platforms with industry influence are state-owned.", "240", "ii_platforms",
     None),
    ("The ministry set a target for 2025 of 3.6 million 5G base stations.", "3.6 million", "base_stations_5g", None),
    ("China reported core industry value added in 2023 of 1.35 trillion yuan.", "1.35 trillion",
     "core_industry_value_added", None),
    # a share of another national whole than the total
    ("The number of 5G base stations reached 3.38 million, 29.1 percent of the country's mobile base stations.",
     "3.38 million", "base_stations_5g", None),
    ("The core industry's value added reached 1.35 trillion yuan, accounting for 1.1 percent of China's GDP.",
     "1.35 trillion", "core_industry_value_added", None),
    # "not the same as" is no denial; "a previous version of this story said" is
    ("The figures are not the same as last year's 2.31 million 5G base stations.", "2.31 million", "base_stations_5g",
     None),
    ("A previous version of this story said China had 3.83 million 5G base stations.", "3.83 million",
     "base_stations_5g", "denied"),
    # a place after another predicate
    ("China's 240 industrial internet platforms with industry influence serve customers in Germany.", "240",
     "ii_platforms", None),
    ("The 300 5G factories named by the ministry include a steel mill in Hebei.", "300", "factories_5g", None),
    ("Some 240 industrial internet platforms with industry influence were on display in Wuhan this week.", "Some 240",
     "ii_platforms", None),
    ("The cross-industry cross-field industrial internet platforms number 28, of which 3 platforms belong to "
     "enterprise of our province.", "3", None, None),
])
def test_second_review_mapping(rules: Ruleset, text: str, figure: str, metric: str | None,
                               excluded: str | None) -> None:
    claim = _claim(text, "2024-06-01", figure, rules)
    assert (claim.metric, claim.excluded) == (metric, excluded)


def test_second_review_an_industry_bodys_president_speaks_for_no_company(rules: Ruleset) -> None:
    assert not author_scoped(rules, ("Q&A with the president of the Industrial Internet Alliance",))
    assert author_scoped(rules, ("Interview with the CEO of Haier",))


def test_a_figures_unit_is_not_the_next_figures(rules: Ruleset) -> None:
    """A sixth probe's "Platforms ... numbered 240 and connected 81 million sets": 240 was read
    as 240 sets (a false contradiction with 81 million); "5G" is no figure that stops the search."""
    claims = _claims("Platforms with industry and regional influence numbered 240 and connected 81 million sets of "
                     "equipment.", "2023-11-14", rules)
    assert claim_of(claims, "240").unit != "sets"
    assert _claim("China had 3.38 million 5G base stations.", "2024-03-10", "3.38 million", rules).metric \
        == "base_stations_5g"
    # a number inside a name, with no conjunction before it, does not stop the search
    assert _claim("Tesla delivered about 63000 Model 3 sedans.", "2024-03-10", "about 63000", rules).unit == "sedans"


@pytest.mark.parametrize(("text", "figure"), [
    ("1.26 trillion yuan of core industrial internet industry value added in 2022 was up 7.7 per cent on the 1.17 "
     "trillion yuan of 2021.", "1.17 trillion"),
    ("China had 3.38 million 5G base stations in 2023, up 4.6 percent from 2.31 million.", "2.31 million"),
])
def test_a_base_after_up_n_per_cent_on_or_from(rules: Ruleset, text: str, figure: str) -> None:
    assert _claim(text, "2023-07-21", figure, rules).excluded == "undated base"


# A third, quick review of the last commits: mended.

@pytest.mark.parametrize(("text", "figure", "year", "modality"), [
    ("When the plan was launched in 2021, China's 5G base stations reached 700,000.", "700,000", 2021, "achieved"),
    ("When the campaign began in 2021, China had 700,000 5G base stations and 150 industrial internet platforms.",
     "150", 2021, "achieved"),
    ("When the plan ends in 2025, China will have 3.6 million 5G base stations.", "3.6 million", 2024, "target"),
    ("China had 3.38 million 5G base stations [2023].", "3.38 million", 2023, "achieved"),
])
def test_third_review_dates(rules: Ruleset, text: str, figure: str, year: int, modality: str) -> None:
    claim = _claim(text, "2024-03-01", figure, rules)
    assert claim.time.start is not None and claim.time.start.year == year and claim.modality == modality


@pytest.mark.parametrize(("published", "text", "figure", "metric"), [
    # a province's release (third probe): the place after "in", in the figure's clause
    ("2023-06-12", "The department said 8 secondary nodes of identifier resolution were operating in Zhejiang, "
     "serving chemicals, textiles and bearings.", "8", None),
    ("2023-06-12", "There are 300 secondary nodes of identifier resolution in the province.", "300", None),
    ("2023-06-12", "China had 3.38 million 5G base stations, with 300,000 in Guangdong.",
     "3.38 million", "base_stations_5g"),
    # a list of places says where the country's nodes are
    ("2023-06-12", "The five national top nodes of identifier resolution in Beijing, Shanghai, Guangzhou, Wuhan and "
     "Chongqing are running stably.", "five", "identifier_nodes"),
    # a province's release (third probe) with no "we": a share of the country's total is no national figure
    ("2024-01-20", "By the end of June, a total of 147,000 5G base stations had been opened, an increase of 23,000 "
     "over the end of last year, accounting for about 15% of the country's total of 961,000.", "147,000", None),
    ("2024-01-20", "Shenzhen has 46,000 5G base stations, or a fifth of China's total.", "46,000", None),
    # the country named before the share, or the world's total
    ("2024-01-20", "As of Dec. 31, 2023, China had 3.377 million 5G base stations in service, accounting for 29.1 "
     "percent of the country's 11.62 million mobile base stations.", "3.377 million", "base_stations_5g"),
    ("2024-01-20", "2.225 million 5G base stations were in service nationwide at the end of the quarter, so the "
     "shared network accounts for about 43 percent of the country's total.", "2.225 million", "base_stations_5g"),
    ("2024-01-20", "There were 3.38 million 5G base stations, accounting for 60% of the world's total.",
     "3.38 million", "base_stations_5g"),
    # the third review
    # a province's figure after the common verbs of building and being somewhere
    ("2024-03-01", "By the end of 2023, 300,000 5G base stations were built across Guangdong.", "300,000", None),
    ("2024-03-01", "By the end of 2023, 300,000 5G base stations had been erected in Guangdong.", "300,000", None),
    ("2024-03-01", "By the end of 2023, 300,000 5G base stations had been built and put into operation in Guangdong.",
     "300,000", None),
    ("2024-03-01", "By the end of 2023, 30 industrial internet platforms with industry influence were based in "
     "Jiangsu.", "30", None),
    # the world's
    ("2024-03-01", "China had 4.14 million of the approximately 5.4 million 5G base stations worldwide.",
     "approximately 5.4 million", None),
    # alternatives and lists share their unit
    ("2024-03-01", "China had 60 or 70 industrial internet platforms with industry influence.", "60", "ii_platforms"),
    ("2024-03-01", "The three operators built 1.2 million, 0.8 million and 0.5 million 5G base stations.",
     "0.8 million", "base_stations_5g"),
    # the agent after a participle of owning, running or building (the sixth probe's fact list)
    ("2023-07-21", "1,372,000 — 5G base stations operated by China Mobile at the end of June.", "1,372,000", None),
    ("2023-07-21", "The 1,372,000 5G base stations owned by the operator carried most of its traffic.", "1,372,000",
     None),
    ("2024-03-01", "China had 3.38 million 5G base stations built by China Mobile, China Telecom and China Unicom at "
     "the end of 2023.", "3.38 million", "base_stations_5g"),
    ("2024-03-01", "China had 3.38 million 5G base stations built by operators nationwide at the end of 2023.",
     "3.38 million", "base_stations_5g"),
    # a company's person's "we" in a quotation (the second probe's feature), not a ministry's
    ("2021-03-01", '"Many projects are still pilots," said Li Na, a manager at a mid-sized auto parts maker in Ningbo. '
     '"We connected 300 machines last year, but the returns take time."', "300", None),
    ("2021-03-01", '\u201cWe connected 300,000 sets of equipment last year,\u201d said Wang, chief executive of the firm.',
     "300,000", None),
    ("2021-03-01", '"We have connected 81 million sets of equipment to platforms," said a ministry spokesperson.',
     "81 million", "connected_equipment"),
    ("2021-03-01", 'Li Na, a manager at an auto parts maker, said: "Our country connected 81 million sets of equipment '
     'to platforms."', "81 million", "connected_equipment"),
    # a company named with what it is, before its figure (the fifth probe's podcast), not what it says
    ("2025-07-01", "To give you a sense of scale for one company, Zhongke Xinlian, the gateway maker, reported 1.35 "
     "million sets on its XL-Cloud platform in its April results.", "1.35 million", None),
    ("2025-07-01", "Zhongke Xinlian, the gateway maker, said 81 million sets of equipment were connected to platforms.",
     "81 million", "connected_equipment"),
    # the seventh probe: all mobile base stations; the world's count; a plant manager and a chief executive quoted
    ("2024-02-29", "1. The total number of mobile communication base stations in the country reached 11.62 million.",
     "11.62 million", None),
    ("2024-05-14", "Summary. At the end of 2023 there were about 5.17 million 5G base stations in the world.",
     "about 5.17 million", None),
    ("2024-05-14", "China has built the largest 5G network in the world, with 3.38 million base stations.",
     "3.38 million", "base_stations_5g"),
    ("2024-04-16", '"When we switched on our private 5G network in October 2022, we had 640 machines connected," said '
     "plant manager Zhou Weiming.", "640", None),
    ("2024-01-18", '"In 2023 we delivered 214,000 5G base stations to domestic operators," said Xu Jianguo, Chairman and '
     "Chief Executive Officer.", "214,000", None),
    ("2024-01-18", '"About a fifth of the 1,065,000 5G base stations added across China in 2023 are ours," said Xu '
     "Jianguo, Chairman and Chief Executive Officer.", "1,065,000", "base_stations_5g"),
    # the fifth probe: the sentence before names the subject, the figure's own clause another metric's
    ("2025-02-18", "The national industrial internet security monitoring system provided services to 200,000 "
     "industrial enterprises at the end of 2024. Note that these are not the same 410,000 enterprises that use the "
     "identifier system; the two programmes overlap only partly.", "410,000", None),
    ("2025-02-18", "The security monitoring system served 200,000 enterprises at the end of 2024, and it monitors 230 "
     "industrial internet platforms.", "230", "security_monitoring_coverage"),
])
def test_a_figure_of_another_scope_maps_to_no_national_metric(rules: Ruleset, published: str, text: str, figure: str,
                                                              metric: str | None) -> None:
    """A place after "in" in the figure's clause (a province's release, third probe), a share
    of the country's total, and the third review's cases: the metric each figure maps to."""
    assert _claim(text, published, figure, rules).metric == metric


# A review of the fourteenth session's change (a helper, 358 sentences against the code before
# it): the forms it found read worse, now mended.

REVIEW_14_TOTALS = [
    "In the first half of 2024, 3.9 million 5G base stations already built served 900 million users.",
    "In 2023, the 3.38 million 5G base stations built since 2019 carried most mobile data traffic.",
    "In 2023, China's 3.38 million 5G base stations built over five years covered every prefecture-level city.",
    "In the first quarter of 2024, 3.64 million 5G base stations constructed across the country served 874 million "
    "users.",
    "In 2023, 340 industrial internet platforms added 20 million users.",
    "In 2023, the number of identifier resolution nodes reached 300 -- new nodes opened in Hebei and Jilin.",
    "Connected equipment increased by 16 million sets in 2023, up from 80 million sets at the end of 2022.",
]


@pytest.mark.parametrize("text", REVIEW_14_TOTALS)
def test_review_14_totals_stay_totals(rules: Ruleset, text: str) -> None:
    """A participle that describes the stock, a verb with an object, a prose dash before "new",
    and a base after "up from" that is a level: no addition."""
    first = [c for c in _claims(text, "2024-03-01", rules) if c.metric][-1]
    assert first.excluded is None, first.figure


REVIEW_14_SCOPES = [
    ("At the end of 2023 there were 3.38 million 5G base stations built by China Tower and the three operators.",
     "3.38 million", "base_stations_5g"),
    ('Li Na, a manager at an auto parts maker, attended the briefing. "We have built 3.38 million 5G base stations," '
     "said Zhao Zhiguo, the MIIT spokesperson.", "3.38 million", "base_stations_5g"),
    ('"We as a nation built 3.38 million 5G base stations," said Zhang Yun, founder of a start-up.', "3.38 million",
     "base_stations_5g"),
    ("CAICT, the state-run research firm, counted 3.38 million 5G base stations at the end of 2023.", "3.38 million",
     "base_stations_5g"),
    ("Ericsson, the Swedish equipment vendor, noted that 3.38 million 5G base stations were in service.",
     "3.38 million", "base_stations_5g"),
    ("Jiangsu, which contributes a tenth of the national total, had 250,000 5G base stations at the end of 2023.",
     "250,000", None),
    ("At the end of 2023 there were 3.38 million 5G base stations in the world-leading network built by Chinese "
     "operators.", "3.38 million", "base_stations_5g"),
    ("At the end of 2023, the number of mobile communications base stations reached 11.62 million, including 3.377 "
     "million 5G base stations.", "3.377 million", "base_stations_5g"),
    ("In 2023, 1.065 million were newly built, nearly seven out of every ten 5G base stations built in the world.",
     "ten", None),
]


@pytest.mark.parametrize(("text", "figure", "modality"), [
    ("Operators that want to cut power bills switch off some of the 3.38 million 5G base stations at night.",
     "3.38 million", "achieved"),
    ("Factories that hope to upgrade can choose among 340 industrial internet platforms with regional influence.",
     "340", "achieved"),
    ("Operators hope to build 600,000 5G base stations this year.", "600,000", "target"),
])
def test_review_14_wanting_is_a_target_only_of_building_or_connecting(rules: Ruleset, text: str, figure: str,
                                                                      modality: str) -> None:
    assert _claim(text, "2024-03-01", figure, rules).modality == modality


def test_review_14_no_later_than_keeps_its_deadline(rules: Ruleset) -> None:
    claim = _claim("China will build 600,000 5G base stations no later than December 2024.", "2024-03-01", "600,000",
                   rules)
    assert (claim.time.start, claim.time.end) == (date(2024, 12, 1), date(2024, 12, 31))


@pytest.mark.parametrize("title", [
    "MIIT releases 2023 telecom industry operating data",
    "Telecommunications industry operating data for January-December 2023",
    "Full-year 2023 results: how China built the world's largest 5G network",
    "National industrial internet pilot programme: interim results",
])
def test_review_14_a_public_bodys_results_are_no_companys_own_document(rules: Ruleset, title: str) -> None:
    claim = _claim(f"Title: {title}\n\nIn 2023 we added 1.06 million 5G base stations, bringing the total to 3.38 "
                   "million.", "2024-03-01", "3.38 million", rules)
    assert claim.metric == "base_stations_5g"


# The eighth probe (out of sample: 31 false errors + 1 warning at the session's start, 30 + 1
# before the changes made for it).

@pytest.mark.parametrize(("published", "text", "figure", "start", "end"), [
    # a month range without a year after "from" or "between", and a base's year that does not spoil it
    ("2025-07-24", "Half-year figures released this week show China built 297,000 5G base stations from January to "
     "June, down 45.5 per cent from the 545,000 added in the first half of 2024.", "297,000", "2025-01-01",
     "2025-06-30"),
    ("2025-07-24", "China built 297,000 5G base stations between January and June.", "297,000", "2025-01-01",
     "2025-06-30"),
    # a time after "up 50 percent from <base>" is the base's
    ("2021-01-26", "The number of industrial devices connected to these platforms reached 60 million sets, up 50 "
     "percent from 40 million at the end of 2019.", "60 million", "2020-10-28", "2021-01-26"),
    # "Five years ago" opening a paragraph dates the sentences after it
    ("2024-06-18", "Five years ago, the authorities could point to about 50 platforms with industry or regional "
     "influence. Some 40 million sets of industrial equipment were connected to them.", "Some 40 million",
     "2018-12-17", "2019-12-18"),
])
def test_eighth_probe_dates(rules: Ruleset, published: str, text: str, figure: str, start: str, end: str) -> None:
    claim = _claim(text, published, figure, rules)
    assert (str(claim.time.start), str(claim.time.end)) == (start, end)


def test_eighth_probe_an_ago_inside_a_sentence_dates_no_paragraph(rules: Ruleset) -> None:
    claims = _claims("China now has 3.38 million 5G base stations, up from 130,000 five years ago. There are 240 "
                     "industrial internet platforms with influence.", "2024-06-18", rules)
    assert str(claim_of(claims, "240").time.start) == "2024-03-20"


EIGHTH_PROBE_SCOPES = [
    ("The park accounted for about one-fifth of the 3,700 5G base stations in Caidian District.", "3,700", None),
    ("2023 \u2014 760 base stations in the park, about a fifth of Caidian District's 3,700.", "760", None),
    ("At the end of 2023, Lanshan Electric Group's Lanshan IndustryOS connected 3.4 million sets.", "3.4 million",
     None),
    # one platform's or one company's own network, not the country's
    ("Today the data operation has grown into ForgeLink, an industrial internet platform that had 1.8 million sets "
     "of equipment connected at the end of 2023.", "1.8 million", None),
    ('By the end of 2023 its industrial internet platform "CloudLoom" had connected a total of 420,000 devices.',
     "420,000", None),
    ("Chuxin Optoelectronics connected 12,400 devices to its plant network by year-end.", "12,400", None),
    ("Each platform connected 400,000 sets of equipment on average.", "400,000", None),
    ("Even at that size, ForgeLink accounts for just under 2% of the 96 million sets of industrial equipment "
     "connected to platforms nationwide.", "96 million", "connected_equipment"),
    ("China's industrial internet platform development accelerated: 240 platforms with influence connected 81 "
     "million sets of equipment.", "81 million", "connected_equipment"),
    # a share of a place's total; a density
    ("Chuxin Optoelectronics alone accounts for 18,600 devices, up 50%, about three in ten of the park's total.",
     "18,600", None),
    ("Density reached 60.8 5G base stations per square kilometre.", "60.8", None),
]


EIGHTH_PROBE_RELEASES = [
    # a company's press release ("<Company> today announced"): its figures are its own (the eighth probe)
    ("Hefei, 16 January 2025 \u2014 Lanshan Electric Group today announced results.\n\n- Connected equipment: 4.1 "
     "million sets at year-end (2023: 3.4 million).", "4.1 million", None),
    # ... not a public body's ("The Alliance of Industrial Internet (AII) today released its annual report")
    ("BEIJING, 18 March 2025 - The Alliance of Industrial Internet (AII) today released its annual report.\n\n"
     "Upwards of 100 million sets of industrial equipment were connected to platforms.", "Upwards of 100 million",
     "connected_equipment"),
    # a dateline of a place in capitals and a dash names no scope
    ("BEIJING \u2014 The Ministry of Industry and Information Technology said that 3.38 million 5G base stations had "
     "been built.", "3.38 million", "base_stations_5g"),
    ("SHENZHEN, Guangdong -- The city had 52,000 5G base stations.", "52,000", None),
]


# A second review of the session's change (a helper, 450 sentences against 9ed2b89): forms the
# eighth probe's rules had read worse, now mended.

@pytest.mark.parametrize(("published", "text", "figure", "start"), [
    # an opening "ago" dates the next sentence only when it names no time of its own and moves
    # to no other time
    ("2024-07-20", "Five years ago, the first 5G licences were issued. Last month, China had 3.9 million 5G base "
     "stations.", "3.9 million", "2024-04-21"),
    ("2024-07-20", "Five years ago, the first 5G licences were issued. In the years since, China built 3.38 million "
     "base stations.", "3.38 million", "2024-04-21"),
    ("2024-07-20", "Ten years ago, there were no industrial internet platforms. Some 96 million sets of equipment "
     "were connected as of December.", "Some 96 million", "2023-12-01"),
    # "from <Month> to <not a month>" is no month range, nor the first month alone
    ("2024-07-20", "From January to the end of June, 200,000 5G base stations were added.", "200,000", "2024-04-21"),
    # a comma closes a comparison: the time after it is the figure's
    ("2024-03-01", "The number of 5G base stations reached 3.38 million, up 46 percent from a year earlier, at the end "
     "of 2023.", "3.38 million", "2023-12-01"),
    # the year of "from X in 2022 to Y in 2023" dates Y, so the month without a year is read in 2023
    ("2025-02-20", "The number of 5G base stations rose from 2,312,000 in 2022 to 3,377,000 in 2023, with 40,000 "
     "added in December alone.", "40,000", "2023-01-01"),
])
def test_review_14b_dates(rules: Ruleset, published: str, text: str, figure: str, start: str) -> None:
    assert str(_claim(text, published, figure, rules).time.start) == start


REVIEW_14B_SCOPES = [
    ("The ministry said on its official WeChat platform that 3.38 million 5G base stations had been built by the end "
     "of 2023.", "3.38 million", "base_stations_5g"),
    ("China's industrial internet, a key platform for digital transformation, has connected more than 96 million "
     "sets of equipment.", "more than 96 million", "connected_equipment"),
    ("Connected equipment nationwide reached 96 million sets by the end of 2023, while Suzhou's 1.2 million made up "
     "nearly half of the province's total.", "96 million", "connected_equipment"),
    ("China has built 3.38 million 5G base stations with the highest density per square kilometre of any large "
     "country.", "3.38 million", "base_stations_5g"),
    ("The industry group's latest count shows 3.38 million 5G base stations.", "3.38 million", "base_stations_5g"),
    ("At the end of 2023, Lanshan Electric Group's Lanshan IndustryOS connected 3.4 million sets.", "3.4 million",
     None),
]


# The ninth probe (out of sample: 27 false errors + 4 warnings, the same at the session's start
# and before the changes made for it).

NINTH_PROBE_SCOPES = [
    # averages and proportions are no counts
    ("The average responding member firm connected 1,150 machines and devices to an industrial network.", "1,150",
     None),
    ("SMEs connected 420 machines on average; large enterprises connected about 3,000.", "420", None),
    ("The survey firms account for about 1.8% of the national figure, or roughly one connected machine in every 56.",
     "roughly one", None),
    # a survey's respondents, a supplier's sales
    ("Multiply that out and respondents had about 1.79 million connected machines between them.",
     "about 1.79 million", None),
    ("Kunlun Netcom shipped 301,000 5G base stations in mainland China in FY2024, down from 372,000.", "301,000", None),
]


@pytest.mark.parametrize(("text", "figure"), [
    ("The third batch named 512 5G factories.", "512"),
    ("A total of 874,000 5G base stations were added during the year, of which 164,000 were completed in the fourth "
     "quarter.", "874,000"),
    ("A total of 874,000 5G base stations were added during the year, of which 164,000 were completed in the fourth "
     "quarter.", "164,000"),
])
def test_ninth_probe_additions(rules: Ruleset, text: str, figure: str) -> None:
    assert _claim(text, "2025-01-20", figure, rules).excluded == "change"


@pytest.mark.parametrize(("published", "text", "figure", "year"), [
    # ", against about 50 in 2019" dates the base (the ninth probe)
    ("2024-02-20", 'Officials say more than 240 industrial internet platforms now have "regional or industry '
     'influence", against about 50 in 2019.', "more than 240", 2023),
    # when a programme began dates no figure after the clause (the tenth probe)
    ("2022-01-21", 'The "5G + industrial internet" programme, which began in 2019, had 2,400 projects under '
     "construction by year-end.", "2,400", 2021),
])
def test_a_year_of_something_else_dates_no_figure(rules: Ruleset, published: str, text: str, figure: str,
                                                  year: int) -> None:
    assert _claim(text, published, figure, rules).time.start.year == year


# A third review (a helper, 396 sentences against c031325): forms the ninth probe's rules had
# read worse, now mended.

REVIEW_14C_SCOPES = [
    ("Telecom operators have delivered more than 3.38 million 5G base stations nationwide, the ministry said.",
     "more than 3.38 million", "base_stations_5g"),
    ("Meanwhile, China had 3.38 million 5G base stations serving each county.", "3.38 million", "base_stations_5g"),
    ("Average download speeds doubled as China built 874,000 5G base stations in 2023.", "874,000",
     "base_stations_5g"),
    ("Ruifeng Steel's 1,200 5G base stations make up half of the county's total.", "1,200", None),
    ("China had 24.4 5G base stations for every square kilometre of urban area.", "24.4", None),
]


@pytest.mark.parametrize("text", [
    "The ministry named the third batch of 5G factories in December; China now has 700 5G factories.",
    "In its latest batch of statistics, the MIIT said China had 700 5G factories at the end of 2023.",
    "The ministry released a new batch of data on Tuesday showing 700 5G factories had been named.",
    "In 2023, construction of 700 5G factories was completed across the country.",
])
def test_review_14c_totals_stay_totals(rules: Ruleset, text: str) -> None:
    assert _claim(text, "2024-03-01", "700", rules).excluded is None


@pytest.mark.parametrize(("text", "figure", "start"), [
    # the scene of an opening "ago" lasts while the paragraph stays in the past
    ("Five years ago, China issued its first 5G commercial licences. Operators had built 130,000 5G base stations, "
     "mostly in the east. Industrial internet platforms had connected 40 million sets of equipment.", "40 million",
     "2019-01-18"),
    ("Five years ago, China issued its first 5G commercial licences. There were then only 130,000 5G base stations "
     "in the country.", "130,000", "2019-01-18"),
    # ... and ends in the present
    ("Ten years ago, the industrial internet was an idea. China has 3.38 million 5G base stations.", "3.38 million",
     "2024-04-21"),
])
def test_review_14c_an_ago_scene(rules: Ruleset, text: str, figure: str, start: str) -> None:
    assert str(_claim(text, "2024-07-20", figure, rules).time.start) == start


# The tenth probe (out of sample: 22 false errors + 4 warnings, the same at the session's start
# and before the changes made for it).

TENTH_PROBE_SCOPES = [
    ("At the end of 2023 Korea had 322,000 5G base stations for a population of 51.7 million.", "322,000", None),
    ("Coal mines with underground 5G increased to 1,240, with 13,400 underground 5G base stations.", "13,400", None),
    ("Mining is the largest of the four sectors, with 1,150 of the 8,420 national \"5G + industrial internet\" "
     "projects at the end of last year.", "8,420", "projects_5g_ii"),
    ("The link between them is a 5G network of 86 explosion-proof base stations installed along roadways.", "86",
     None),
    ("On average, each enterprise user connected about 42 devices to the platform at the end of 2023.", "about 42",
     None),
    ("China has ten times Korea's 5G base stations, but Korea still leads per head.", "ten", None),
    ("The 3.4 million figure counts connected devices, or sets of equipment, at the end of 2023.", "3.4 million",
     None),
    ("HengLink is Hengrun Group's industrial internet platform. At the end of 2023 it connected 3.4 million devices "
     "for 80,500 enterprises.", "3.4 million", None),
    # a press release after a "Title:" line and a dateline naming the country
    ("Title: HengLink's year in review\n\nHEFEI, China -- Hengrun Group, the home-appliance maker, today "
     "announced 2023 results.\n\nConnected devices reached 3.4 million sets at year-end.", "3.4 million", None),
]


def test_tenth_probe_aims_for_is_a_target(rules: Ruleset) -> None:
    claim = _claim("HengLink aims for 5 million connected devices and 110,000 enterprises by the end of 2025.",
                   "2024-03-21", "5 million", rules)
    assert claim.modality == "target"


def test_tenth_probe_a_plans_numbered_order_is_a_target(rules: Ruleset) -> None:
    claim = _claim("2. Newly build more than 50,000 5G base stations, so that the province total exceeds 285,000.",
                   "2024-02-06", "more than 50,000", rules)
    assert claim.modality == "target"


# A fourth review (a helper, 273 sentences against dc65752): the tenth probe's rules had read
# these worse, now mended.

REVIEW_14D_SCOPES = [
    ("American analysts estimate that 3.38 million 5G base stations had been built in China by the end of 2023.",
     "3.38 million", "base_stations_5g"),
    ("Despite the US sanctions, the number of 5G base stations reached 3.38 million at the end of 2023.",
     "3.38 million", "base_stations_5g"),
    ("Through data mining, industrial internet platforms had connected 96 million sets of equipment.", "96 million",
     "connected_equipment"),
    ("Each city has a 5G plan; China had built 3.38 million 5G base stations by the end of 2023.", "3.38 million",
     "base_stations_5g"),
    ("Each platform is assessed annually, and the number of influential industrial internet platforms reached 340 at "
     "the end of 2023.", "340", "ii_platforms"),
    ("Guangdong now has 78 national 5G factories.", "78", None),
    ("According to CAICT's industrial internet platform report, more than 96 million sets of industrial equipment "
     "were connected by the end of 2023.", "more than 96 million", "connected_equipment"),
    ("The country launched its industrial internet platform campaign in 2018. Since then it has connected 96 million "
     "sets of industrial equipment.", "96 million", "connected_equipment"),
    ("China now operates a 5G network of 3.38 million base stations, the world's largest.", "3.38 million",
     "base_stations_5g"),
    ("At the end of 2023 the U.S. had about 162,000 5G base stations, according to industry counts.",
     "about 162,000", None),
]


def test_review_14d_a_relative_clause_dates_its_own_figure(rules: Ruleset) -> None:
    claims = _claims("China, which started in 2019 with 130,000 5G base stations, had 3.38 million at the end of "
                     "2023.", "2024-03-01", rules)
    assert claim_of(claims, "130,000").time.start.year == 2019


def test_review_14d_a_public_body_in_a_company_release_speaks_for_the_country(rules: Ruleset) -> None:
    claim = _claim("Title: China Mobile unveils 5G-Advanced plan\n\nBEIJING, China -- China Mobile today announced a "
                   "5G-Advanced plan. The MIIT said 3.38 million 5G base stations were in service at the end of 2023.",
                   "2024-03-01", "3.38 million", rules)
    assert claim.metric == "base_stations_5g"


@pytest.mark.parametrize("text", [
    "Add 2023's 1.06 million new 5G base stations and the total reached 3.38 million.",
    "Open 24 hours a day, the plant has 1,000 5G base stations.",
])
def test_review_14d_no_order(rules: Ruleset, text: str) -> None:
    assert all(c.modality == "achieved" for c in _claims(text, "2024-03-01", rules))


# The eleventh probe (out of sample: 12 false errors + 1 warning when first audited, 15 + 1 at the
# start of the fifteenth session), fixed in the fifteenth session; each case with its counter-case.

ELEVENTH_PROBE_SCOPES = [
    # a rate per head before the figure (since the last comma, or opening the sentence)
    ("Calculated by population, every 10,000 people own about 32 5G base stations.", "about 32", None),
    ("Per 10,000 people, the country had 24 5G base stations.", "24", None),
    ("For every 10,000 people there are 24 5G base stations, and China had 3.38 million 5G base stations in "
     "total.", "3.38 million", "base_stations_5g"),
    ("Per capita figures aside, China had 3.38 million 5G base stations.", "3.38 million", "base_stations_5g"),
    # an average: "each" ending the figure's phrase, not "each year"
    ("Because platforms multiplied faster than the machines connected to them, the average platform is now "
     "smaller: roughly 350,000 sets each at the end of 2024.", "roughly 350,000", None),
    ("The three operators had about 1.1 million 5G base stations each.", "about 1.1 million", None),
    ("China has built 600,000 5G base stations each year since 2020.", "600,000", "base_stations_5g"),
    # a plant, a factory, a workshop after the figure's noun
    ("Today 4,600 devices at the plant are connected.", "4,600", None),
    ("At the plant, the manager said China had 96 million sets of industrial equipment connected.", "96 million",
     "connected_equipment"),
    # a list's proper name right before the figure is whose it is; "China" is the country
    ("- Connected equipment: Tianlian 14.8 million sets; Lingxi 23.5 million.", "14.8 million", None),
    ("Connected equipment: China 96 million sets of industrial equipment connected.", "96 million",
     "connected_equipment"),
    ("By the numbers: Industrial equipment connected 96 million sets.", "96 million", "connected_equipment"),
    # at or in a place no scope lists, right after the unit noun; not a list of places, a month, China
    ("The 118 stations at Xiyu are a tiny fraction of the 4.251 million 5G base stations China had at the end "
     "of 2024.", "118", None),
    ("The 118 stations at Xiyu are a tiny fraction of the 4.251 million 5G base stations China had at the end "
     "of 2024.", "4.251 million", "base_stations_5g"),
    ("The two national disaster-recovery nodes in Nanjing and Chengdu back the five top nodes of the identifier "
     "resolution system.", "two", "identifier_nodes"),
    ("There were 3.38 million 5G base stations in March.", "3.38 million", "base_stations_5g"),
    # one industry's count: an industry word before the unit noun, a parenthesis after another noun
    ("This is the chemical-industry secondary node of the national identifier resolution system, one of 31 "
     "chemical nodes in the country, a sector second only to equipment manufacturing (62 nodes) in the number "
     "of secondary nodes.", "31", None),
    ("This is the chemical-industry secondary node of the national identifier resolution system, one of 31 "
     "chemical nodes in the country, a sector second only to equipment manufacturing (62 nodes) in the number "
     "of secondary nodes.", "62", None),
    ("China had 300 secondary nodes of identifier resolution, serving the chemical and steel industries.", "300",
     "identifier_nodes"),
    ("The country (318 secondary nodes of the identifier resolution system) leads.", "318", "identifier_nodes"),
    # a review's counter-cases: the unit noun must be the figure's own, title case is no place,
    # a label is no name, "per capita" as an adjective is no rate, "each at a record high"
    ("The number of secondary nodes reached 330 at the end of 2024 with steel and chemical nodes the most "
     "numerous.", "330", "identifier_nodes"),
    ("China had 4.25 million 5G base stations in Full Operation by December 2024.", "4.25 million",
     "base_stations_5g"),
    ("Key figures for 2024: 5G Base Stations 4.25 million; Connected Equipment 96 million sets.", "96 million",
     "connected_equipment"),
    ("Per capita GDP rose as China had 4.25 million 5G base stations at the end of 2024.", "4.25 million",
     "base_stations_5g"),
    ("China had 4.25 million 5G base stations and 96 million connected sets each at a record high at the end of "
     "2024.", "96 million", "connected_equipment"),
]


# The thirteenth probe (out of sample: 22 false errors + 2 warnings at the fifteenth session's start
# and after its eleventh-probe fixes), then fixed; each case with its counter-case.

THIRTEENTH_PROBE_SCOPES = [
    # a rate per square kilometre written with the superscript
    ("The campus covers about 2.4 km², so that's around 61 base stations per km².", "around 61", None),
    ("Density reached 17.1 base stations per km² across the zone's 48 km² planned area.", "17.1", None),
    # one site without a determiner
    ("Meilin University now has 146 5G base stations on campus, counting both outdoor and indoor units.", "146",
     None),
    ("China had 3.38 million 5G base stations on schedule at the end of 2023.", "3.38 million", "base_stations_5g"),
    # "the zone" is a place of the scopes
    ("At the end of March the zone had 650 5G base stations, up from 610 at the end of 2023.", "650", None),
    # what is connected to one platform
    ("Equipment connected to the platform rose by half, from 38,000 sets to 57,000 sets.", "57,000", None),
    ("Industrial equipment connected to the platforms exceeded 96 million sets.", "96 million",
     "connected_equipment"),
    # a name of two to four capitalised words as the subject, not the country's or a public body's
    ("- Tianshu Industrial Cloud connected 10.5 million sets (8.2 million a year earlier).", "10.5 million", None),
    ("- Tianshu Industrial Cloud connected 10.5 million sets (8.2 million a year earlier).", "8.2 million", None),
    ("China Mobile Group connected 6.8 million sets of industrial equipment.", "6.8 million", None),
    ("The Industrial Internet Alliance had counted 96 million connected sets of industrial equipment.",
     "96 million", "connected_equipment"),
    ("Industrial Internet Platforms connected 96 million sets of equipment.", "96 million", "connected_equipment"),
    # a transcript's speaker label with a company's name makes its "we" the company's
    ("ZHANG WEI (TIANSHU): At the end of last year we connected 10.5 million sets of equipment, for 86,000 "
     "enterprise users. A year earlier it was 8.2 million sets.", "10.5 million", None),
    ("ZHANG WEI (TIANSHU): At the end of last year we connected 10.5 million sets of equipment, for 86,000 "
     "enterprise users. A year earlier it was 8.2 million sets.", "8.2 million", None),
    ("LI MING (MIIT): At the end of last year we had connected 96 million sets of industrial equipment.",
     "96 million", "connected_equipment"),
    # a review's counter-cases: people, outlets and generic title case are no names; "has said" owns
    # nothing; a broadcaster's or an analyst's "we"; "we, as a country"; "the platform economy"
    ("Premier Li Qiang has said that 4.25 million 5G base stations were built by the end of 2024.", "4.25 million",
     "base_stations_5g"),
    ("Xinhua News Agency has reported that 4.25 million 5G base stations were in service by end-2024.",
     "4.25 million", "base_stations_5g"),
    ("Telecom Operators had built 4.25 million 5G base stations by the end of 2024, MIIT said.", "4.25 million",
     "base_stations_5g"),
    ("- Secondary Nodes had reached 340 by the end of 2024, covering 31 provinces of the identifier resolution "
     "system.", "340", "identifier_nodes"),
    ("CHEN LI (CGTN): As we reported, 4.25 million 5G base stations were in service by the end of 2024.",
     "4.25 million", "base_stations_5g"),
    ("ZHOU (Counterpoint): We think 5G base stations reached 4.25 million at the end of 2024.", "4.25 million",
     "base_stations_5g"),
    ("ZHANG WEI (TIANSHU): I believe we, as a country, had 96 million sets of industrial equipment connected to "
     "key platforms.", "96 million", "connected_equipment"),
    ("Devices connected to the platform economy, MIIT said, reached 96 million sets of industrial equipment by "
     "end-2024.", "96 million", "connected_equipment"),
]


TENTH_PROBE_LEFTOVERS = [
    # the port area; a part of a total stated in the same unit; a platform's own year in numbers
    ("The port area is covered by 1,160 5G base stations, compared with 41,200 across the whole of Ningbo city.",
     "1,160", None),
    ('Ports are the smallest of the four sectors singled out by the industry ministry, with 410 "5G + industrial '
     'internet" projects at end-2023, out of 8,420 in total.', "410", None),
    ("China had 3.38 million 5G base stations, out of 11.62 million mobile base stations in total.", "3.38 million",
     "base_stations_5g"),
    # a review's counter-cases: the country named, "nationwide" as the whole, a figure between
    ("By the end of 2024, China had 4.25 million 5G base stations, out of 12.65 million in total.", "4.25 million",
     "base_stations_5g"),
    ("By the end of 2024, 4.25 million 5G base stations were in service, out of 12.65 million nationwide.",
     "4.25 million", "base_stations_5g"),
    ("The ministry counted 4.25 million 5G base stations, up from 3.38 million, out of 12.65 million in all.",
     "4.25 million", "base_stations_5g"),
    ("5G now covers the port area; China's 5G base stations totalled 4.25 million at the end of 2024.",
     "4.25 million", "base_stations_5g"),
]


FOURTEENTH_PROBE_SCOPES = [
    # a supplier's shipments, also "in China"; the country or its operators as the subject
    ("Qianfeng shipped about 270,000 5G base stations in China last year, roughly 31 per cent of the 874,000 "
     "that went live nationwide.", "about 270,000", None),
    ("China shipped 600,000 5G base stations to operators in 2023.", "600,000", "base_stations_5g"),
    # the world's count right before the figure
    ("On industry estimates, the mainland now hosts about 65 per cent of the world's roughly 6.54 million 5G base "
     "stations.", "roughly 6.54 million", None),
    # one site after words of the noun phrase; one private network; not "on the national 5G factory list"
    ("Working with its local operator, it deployed 36 5G base stations, including indoor small cells, across its "
     "420,000-square-metre campus and connected 2,300 machines to a single private network.", "36", None),
    ("Working with its local operator, it deployed 36 5G base stations, including indoor small cells, across its "
     "420,000-square-metre campus and connected 2,300 machines to a single private network.", "2,300", None),
    ("There are 702 factories on the national 5G factory list.", "702", "factories_5g"),
    # gross domestic product is no core industry's value added
    ("The core industry's value added was 1.1% of gross domestic product, which stood at RMB134.9 trillion.",
     "RMB134.9 trillion", None),
    # a review's counter-cases: a core industry's figure after GDP; sectors and areas are no sites
    ("China's gross domestic product was 134.9 trillion yuan in 2024, while the core industry of the industrial "
     "internet had value added of 1.35 trillion yuan.", "1.35 trillion", "core_industry_value_added"),
    ("China's gross domestic product was 134.9 trillion yuan in 2024, while the core industry of the industrial "
     "internet had value added of 1.35 trillion yuan.", "134.9 trillion", None),
    ("By the end of 2024, there were 340 secondary identifier resolution nodes in operation, with several in the "
     "port and steel sectors.", "340", "identifier_nodes"),
    ("By the end of 2024, there were 4.25 million 5G base stations, including thousands in the mine and port "
     "areas.", "4.25 million", "base_stations_5g"),
]


FOURTEENTH_PROBE_ADDITIONS = [
    ("In 2023 the build-out peaked. More than a million base stations, 1,065,000 in all, went up in a single year, "
     "lifting the total to 3.38 million.", "More than a million", "change"),
    ("Nearly three-fifths of them (625,000) went up in H1 2023.", "625,000", "change"),
    ("China's 5G base stations went up to 3.38 million at the end of 2023.", "3.38 million", None),
    # "went up" of another subject, or with an adverb of change, leaves the total a total
    ("China had 4.25 million 5G base stations in 2024 after the number went up sharply.", "4.25 million", None),
    ("China had 4.25 million 5G base stations in 2024 as the count went up nearly 26 percent.", "4.25 million", None),
    ("By the end of 2024, there were 4.25 million 5G base stations in service as capacity went up during the year.",
     "4.25 million", None),
    ("In 2024, 874,000 5G base stations went up across the country.", "874,000", "change"),
]


@pytest.mark.parametrize(("title", "figure", "metric"), [
    ("HengLink 2024 in Numbers: 4.1 Million Devices, 96,000 Enterprises", "4.1 million", None),
    ("Industrial Internet 2024 in Numbers", "4.1 million", "connected_equipment"),
    ("Smart Ports 2024 by the Numbers", "4.1 million", "connected_equipment"),
    ("A Look at 2024 in Numbers", "4.1 million", "connected_equipment"),
    ("NBS 2024 in Numbers", "4.1 million", "connected_equipment"),
    ("China's 5G and industrial internet: the year in review", "4.1 million", "connected_equipment"),
])
def test_tenth_probe_a_platforms_own_year_in_numbers(rules: Ruleset, title: str, figure: str,
                                                     metric: str | None) -> None:
    text = f"Title: {title}\n\nConnected devices reached 4.1 million sets by the close of 2024."
    assert _claim(text, "2025-01-28", figure, rules).metric == metric


PLACES_OWN_REPORTS = [
    # a place's own work report or statistical communiqué: its figures are the place's
    ("Government Work Report of Lingxi County (Excerpt)", "Connected industrial equipment rose to 12,400 sets, "
     "44% more than the year before.", "12,400", None),
    ("Sichuan communications industry statistical bulletin 2024", "By the end of the year, 15 secondary nodes of "
     "the industrial internet identifier resolution system were in operation.", "15", None),
    ("Government Work Report of Lingxi County (Excerpt)", "Nationwide, 3.38 million 5G base stations were in "
     "service.", "3.38 million", "base_stations_5g"),
    ("Report on the Work of the Government", "5G base stations reached 3.38 million.", "3.38 million",
     "base_stations_5g"),
    ("Statistical Bulletin of Suzhou on the 2024 National Economic and Social Development", "At the end of the year, "
     "there were 21,300 5G base stations.", "21,300", None),
    # the country named in a place's own report; a report the place does not own
    ("Government Work Report of Lingxi County (2025)", "China's 5G base stations reached 4.25 million by the end "
     "of 2024.", "4.25 million", "base_stations_5g"),
    ("Hunan Provincial Statistical Bulletin 2024", "At the national level there were 4.25 million 5G base "
     "stations, while the province had 140,000.", "4.25 million", "base_stations_5g"),
    ("Guangdong Provincial Government Work Report 2025", "The whole country had 4.25 million 5G base stations at "
     "the end of 2024.", "4.25 million", "base_stations_5g"),
    ("Report on the Work of the Government, delivered in Beijing on March 5, 2025", "Last year 5G base stations "
     "reached 4.25 million.", "4.25 million", "base_stations_5g"),
    ("Shanghai Securities News: key points of the 2025 government work report", "The number of 5G base stations "
     "reached 4.25 million by the end of 2024, the report said.", "4.25 million", "base_stations_5g"),
    ("Experts in Beijing review the government work report", "The number of 5G base stations reached 4.25 million "
     "by the end of 2024.", "4.25 million", "base_stations_5g"),
]


@pytest.mark.parametrize(("text", "figure", "modality"), [
    ("XU: I'd expect the country to clear four million base stations before the autumn is over.", "four million",
     "estimate"),
    ("Analysts who expect China to keep investing note that 4.25 million 5G base stations were built by the end of "
     "2024.", "4.25 million", "achieved"),
    ("Observers did not expect China to build 4.25 million 5G base stations by the end of 2024, but it did.",
     "4.25 million", "achieved"),
])
def test_thirteenth_probe_expecting_the_country_to_reach(rules: Ruleset, text: str, figure: str,
                                                         modality: str) -> None:
    assert _claim(text, "2024-07-15", figure, rules).modality == modality


ELEVENTH_PROBE_ADDITIONS = [
    # a participle of adding needs no period to mark an addition ...
    ("Growth in connected equipment tells the same story. Together they accounted for 7.7 million of the 12 "
     "million sets added nationally, or 64.2 percent.", "12 million", "change"),
    ("The 9,500 sites added last year took the city's share of the province's 5G base stations to 16 percent.",
     "9,500", "change"),
    # ... but totals stay totals
    ("China had 3.38 million 5G base stations added so far.", "3.38 million", None),
    ("At the end of 2024 there were 330 secondary nodes added nationwide since the system launched.", "330", None),
    ("China's 4.25 million 5G base stations built during the first five years cover all cities.", "4.25 million",
     None),
]


@pytest.mark.parametrize(("published", "text", "figure", "excluded"), [
    (published, *case) for published, cases in (
        ("2025-06-01", ELEVENTH_PROBE_ADDITIONS),
        ("2025-10-01", FOURTEENTH_PROBE_ADDITIONS),
    ) for case in cases])
def test_what_was_added(rules: Ruleset, published: str, text: str, figure: str, excluded: str | None) -> None:
    """The fifteenth session's probe cases: whether a figure counts what was added (a change) or
    stays a total."""
    assert _claim(text, published, figure, rules).excluded == excluded


@pytest.mark.parametrize(("text", "figure", "start"), [
    # a bold (markdown) year label dates its line, as "2020: ..." does
    ("**2019** — Licences issued in June. About 130,000 5G base stations by December.\n\n**2020:** 718,000 5G "
     "base stations at year-end.", "About 130,000", "2019-01-01"),
    ("**2019** — Licences issued in June.\n\n**2020:** 718,000 5G base stations at year-end.", "718,000",
     "2020-01-01"),
    ("__2022__ — 2.312 million 5G base stations.", "2.312 million", "2022-01-01"),
    # "Back then" opening a paragraph: the time the text named last
    ("Pick up a brake pad today and it carries a code. In 2019 that would have been a curiosity.\n\nBack then "
     "the identifier resolution system was a skeleton: five top-level nodes and 42 secondary nodes.", "42",
     "2019-01-01"),
    # a comparison's base time dates no later sentence of the paragraph
    ("By the end of 2024 there were 292 platforms, nearly six times as many as in 2019. Connected equipment "
     "reached 101 million sets, about two and a half times the 2019 level.", "101 million", "2024-12-01"),
    ("At the end of June 2025 the system had 352 secondary nodes, 11 more than at the end of 2024. The number of "
     "enterprises served reached 455,000.", "455,000", "2025-06-01"),
])
def test_eleventh_probe_dates(rules: Ruleset, text: str, figure: str, start: str) -> None:
    assert str(_claim(text, "2025-10-16", figure, rules).time.start) == start


@pytest.mark.parametrize("opening", ["Then", "At the time of writing,"])
def test_eleventh_probe_then_is_no_back_then(rules: Ruleset, opening: str) -> None:
    claim = _claim(f"In 2019 the ministry issued a plan.\n\n{opening} China had 3.38 million 5G base stations.",
                   "2025-10-16", "3.38 million", rules)
    assert str(claim.time.start) != "2019-01-01"


@pytest.mark.parametrize(("published", "text", "figure", "metric"), [
    (published, *case) for published, cases in (
        ("2024-03-01", REVIEW_14_SCOPES),
        ("2024-03-01", EIGHTH_PROBE_SCOPES),
        ("2025-03-18", EIGHTH_PROBE_RELEASES),
        ("2024-03-01", REVIEW_14B_SCOPES),
        ("2025-05-06", NINTH_PROBE_SCOPES),
        ("2024-03-01", REVIEW_14C_SCOPES),
        ("2024-03-21", TENTH_PROBE_SCOPES),
        ("2024-03-01", REVIEW_14D_SCOPES),
        ("2025-06-01", ELEVENTH_PROBE_SCOPES),
        ("2025-03-15", THIRTEENTH_PROBE_SCOPES),
        ("2024-09-01", TENTH_PROBE_LEFTOVERS),
        ("2025-04-01", FOURTEENTH_PROBE_SCOPES),
    ) for case in cases])
def test_whose_figure_it_is(rules: Ruleset, published: str, text: str, figure: str, metric: str | None) -> None:
    """The fourteenth session's probe and review cases above (each list with its publication
    day): whose count a figure is, or whether it counts anything."""
    assert _claim(text, published, figure, rules).metric == metric


@pytest.mark.parametrize(("published", "title", "text", "figure", "metric"), [
    (published, *case) for published, cases in (("2024-03-21", COMPANY_DOCUMENTS), ("2025-02-20", PLACES_OWN_REPORTS))
    for case in cases])
def test_a_companys_or_a_places_own_document_speaks_for_it(rules: Ruleset, published: str, title: str, text: str,
                                                            figure: str, metric: str | None) -> None:
    """A company's own document (earlier sessions) and a place's own report (the thirteenth probe):
    its figures are its own unless the country is named."""
    assert _claim(f"Title: {title}\n\n{text}", published, figure, rules).metric == metric
