"""Figures a probe found misdated or given the wrong modality: a year written right after a
figure in its clause dates it, and in a sentence whose figures lie in different clauses the
figure's own clause decides whether it is achieved, a target or an estimate. The sentences
and publication days are the probe's."""

from __future__ import annotations

import pytest

from iicheck.ruleset import Ruleset
from tests.test_time_probe import _claim, _claims, _day

YEAR_AFTER = [
    ("x01", "2021-03-01", "China had 718,000 5G base stations in 2020, up from 130,000 base stations in 2019.",
     {"718,000": "2020", "130,000": "2019"}),
    ("x02", "2022-03-01", "Industrial internet platforms with influence rose from 50 platforms in 2019 to "
     "more than 150 platforms in 2021.", {"50": "2019", "150": "2021"}),
    ("g05", "2022-03-01", "The number of industrial internet platforms with influence rose from 50 in 2019 "
     "to more than 150 in 2021.", {"50": "2019", "150": "2021"}),
    ("g06", "2021-06-30", "Identifier registrations rose to 20 billion in 2020 from 9.4 billion in 2019.",
     {"20 billion": "2020", "9.4 billion": "2019"}),
    # a year before the figures still dates them all: nothing follows them in their clause
    ("-", "2021-06-30", "In 2020, A was 5 and B was 6.", {"5": "2020", "6": "2020"}),
    ("-", "2021-06-30", "In 2020, revenue was 5 billion yuan, up from 4 billion yuan in 2019.",
     {"5 billion": "2020", "4 billion": "2019"}),
]


@pytest.mark.parametrize(("sid", "published", "text", "years"), YEAR_AFTER)
def test_a_year_closely_after_a_figure_in_its_clause_dates_it(
        rules: Ruleset, sid: str, published: str, text: str, years: dict[str, str]) -> None:
    claims = _claims(text, _day(published), rules)
    for figure, year in years.items():
        claim = _claim(claims, figure)
        assert (str(claim.time.start), str(claim.time.end)) == (f"{year}-01-01", f"{year}-12-31"), figure


@pytest.mark.parametrize(("text", "figure", "year"), [
    ("In 2021 the industrial internet had 150 platforms for the first time since 2015.", "150", "2021"),
    ("In 2021 China had 80 platforms, 20 more than in 2019.", "20", "2021"),
])
def test_a_since_or_a_comparison_after_a_figure_does_not_date_it(rules: Ruleset, text: str, figure: str,
                                                               year: str) -> None:
    """A review: "since 2015" made 150 undated over 2015-2022, "20 more than in 2019" dated 20 to 2019."""
    claim = _claim(_claims(text, _day("2022-03-01"), rules), figure)
    assert (str(claim.time.start), str(claim.time.end)) == (f"{year}-01-01", f"{year}-12-31")


@pytest.mark.parametrize(("text", "dates"), [
    ("China had 3.38 million 5G base stations at the end of 2023, compared with 2.31 million 5G base "
     "stations a year earlier.", {"3.38 million": "2023-12", "2.31 million": "2022-12"}),
    ("China had 3.38 million 5G base stations at the end of 2023, up from 2.31 million base stations in "
     "the previous year.", {"3.38 million": "2023-12", "2.31 million": "2022-12"}),
    ("Connected equipment exceeded 96 million sets by the end of 2023, three times the 2019 level of 32 "
     "million sets.", {"96 million": "2023-12", "32 million": "2019"}),
    # a year earlier than what dates the sentence, not than the publication
    ("In June 2021 revenue was 5 billion yuan, against 4 billion yuan for the same period of the previous year.",
     {"5 billion": "2021-06", "4 billion": "2020-06"}),
])
def test_a_comparison_base_is_dated_as_its_words_say(rules: Ruleset, text: str, dates: dict[str, str]) -> None:
    """A review: the base of a comparison took the sentence's time, a false contradiction with
    any other source's figure for that time."""
    claims = _claims(text, _day("2024-01-20"), rules)
    for figure, when in dates.items():
        window = _claim(claims, figure).time
        assert str(window.start).startswith(when) and str(window.end).startswith(when), (figure, window)


def test_a_year_far_after_a_figure_does_not_date_it(rules: Ruleset) -> None:
    text = "In 2020, the platforms served 300 enterprises that had been set up by their founders in 2015."
    assert str(_claim(_claims(text, _day("2021-06-30"), rules), "300").time.start) == "2020-01-01"


MODALITY = [
    # the figure's own clause decides: its cues, else a past time in it
    ("t15", "The action plan set a target of 100 pilot cases, and 120 had been completed by June 2021.",
     {"100": "target", "120": "achieved"}),
    ("x11", "In 2025, China is expected to have 3.6 million 5G base stations, compared with 718,000 base "
     "stations at the end of 2020.", {"3.6 million": "estimate", "718,000": "achieved"}),
    ("x12", "By 2023, the country will have built 30 5G factories, up from 10 5G factories in 2020.",
     {"30": "target", "10": "achieved"}),
    ("t11", "The 2018 plan called for 10 industrial internet platforms by 2020; by the end of 2020 more "
     "than 70 had been built.", {"10": "target", "70": "achieved"}),
    # a target met is achieved
    ("t06", "China has met its target of building 100 industrial internet platforms.", {"100": "achieved"}),
    ("x09", "China has met its targets: 120 industrial internet platforms had been built by June 2021.",
     {"120": "achieved"}),
    ("h06", "Fewer than half of the pilot zones met their targets in 2020.", {"half": "achieved"}),
    # cues the rules lacked
    ("t09", "The MIIT said it would support 50 industrial internet projects.", {"50": "target"}),
    ("t12", "China is on track to build 3,000 5G factories within three years.", {"3,000": "target"}),
    ("r02", "Analysts estimate that 50-70 industrial internet platforms had significant influence in 2020.",
     {"50-70": "estimate"}),
    # a clause without cues of its own keeps the sentence's: no past time in it, or one clause
    ("-", "China plans to build 100 platforms, 50 factories and 20 parks.",
     {"100": "target", "50": "target", "20": "target"}),
    ("-", "China plans to build 100 platforms and 50 factories in 2020.", {"100": "target", "50": "target"}),
    ("-", "China had 100 platforms in 2020, and it will have 200 platforms in 2025.",
     {"100": "achieved", "200": "target"}),
    # a clause in the past tense states a fact, whatever another clause plans (a review)
    ("c14", "By the end of 2023, China had built 3.38 million 5G base stations, and it will keep expanding "
     "coverage to rural areas.", {"3.38 million": "achieved"}),
    ("c14", "China had 2,000 5G factories at the end of 2023, a figure that would have seemed unthinkable "
     "five years ago.", {"2,000": "achieved"}),
    ("c19", "By the end of 2023, China had 3.38 million 5G base stations, well above the 3 million 5G base "
     "stations the plan called for.", {"3.38 million": "achieved", "3 million": "target"}),
    # a lone figure's clause with no verb of fact keeps the sentence's cue
    ("-", "China aims to develop typical scenarios, and replicate them in at least 207 enterprises by 2022.",
     {"207": "target"}),
    ("-", "Under the plan, 300 platforms will be built by 2025.", {"300": "target"}),
    ("c05", "The goal for 2023 was 3,000 5G factories.", {"3,000": "target"}),
]


@pytest.mark.parametrize(("sid", "text", "modalities"), MODALITY)
def test_each_figure_gets_the_modality_its_clause_states(
        rules: Ruleset, sid: str, text: str, modalities: dict[str, str]) -> None:
    claims = _claims(text, _day("2021-06-30"), rules)
    assert {figure: _claim(claims, figure).modality for figure in modalities} == modalities


@pytest.mark.parametrize("text", [
    "China did not reach 100 industrial internet platforms in 2020.",  # h01
    "China failed to reach 100 industrial internet platforms in 2020.",
    "China fell short of 100 industrial internet platforms in 2020.",
])
def test_a_number_not_reached_is_an_upper_bound(rules: Ruleset, text: str) -> None:
    value = _claim(_claims(text, _day("2021-06-30"), rules), "100").value
    assert (value.qualifier, value.low, value.high, value.high_inclusive) == ("less_than", 0, 100, False)


@pytest.mark.parametrize(("text", "figure", "unit", "metric"), [
    ("By the end of 2020, the number of industrial internet platforms with regional influence reached 70.",
     "70", "platforms", "ii_platforms"),
    ("The number of industrial internet platforms exceeded 70 in 2020.", "exceeded 70", "platforms", "ii_platforms"),
    ("The number of industrial internet platforms reached more than 70 in 2020.", "more than 70", "platforms",
     "ii_platforms"),
    ("In 2021, China's 5G base stations numbered 1.4 million.", "1.4 million", "stations", "base_stations_5g"),
    # the verb as a target or an estimate says it (probe t03, t08, d08, h04)
    ("The number of 5G base stations is expected to reach 3.6 million by 2025.", "3.6 million", "stations",
     "base_stations_5g"),
    ("According to the plan, the number of 5G factories should reach 450 by 2025.", "450", "factories",
     "factories_5g"),
    ("Revenue of the platforms will reach 300 billion.", "300 billion", None, None),
    # the last word before the verb is the object of a preposition: no count of it (a review)
    ("In 2021 the revenue of industrial internet platforms reached 300 billion.", "300 billion", None, None),
    ("In 2021 investment in industrial internet platforms exceeded 12 billion.", "exceeded 12 billion", None, None),
    ("In 2021, the number of users of industrial internet platforms reached 2 million.", "2 million", None, None),
    # the subject is no count of platforms: no unit
    ("In 2020, the platforms' revenue reached 300 billion.", "300 billion", None, None),
    ("In 2020, the number of users reached 2 million.", "2 million", None, None),
])
def test_a_figure_counting_its_subject_takes_the_subjects_unit(
        rules: Ruleset, text: str, figure: str, unit: str | None, metric: str | None) -> None:
    """"The number of industrial internet platforms ... reached 70" was an unmapped 70 with no
    unit (probe t03, f06, q20: the unit looked for only after the number), hiding what it
    could contradict."""
    claim = _claim(_claims(text, _day("2021-06-30"), rules), figure)
    assert (claim.unit, claim.metric) == (unit, metric)


@pytest.mark.parametrize(("published", "text", "dates"), [
    # a sentence of the present is not dated by an earlier sentence's year (a dating review)
    ("2024-03-01", "In 2019, China had about 50 industrial internet platforms with industry influence. Today there "
     "are more than 240 industrial internet platforms with industry influence.",
     {"about 50": ("2019-01-01", "2019-12-31"), "240": ("2023-12-02", "2024-03-01")}),
    ("2024-03-01", "In March 2018, the ministry issued its industrial internet action plan. China has more than 240 "
     "industrial internet platforms with industry influence.", {"240": ("2023-12-02", "2024-03-01")}),
    # "A year earlier", "Two years before", "The previous year" shift the paragraph's time
    ("2024-02-20", "At the end of June 2023, there were more than 240 industrial internet platforms with industry "
     "influence. A year earlier, there were about 150 industrial internet platforms with industry influence.",
     {"240": ("2023-06-01", "2023-06-30"), "about 150": ("2022-06-01", "2022-06-30")}),
    ("2024-02-20", "By the end of 2023, China had 3.38 million 5G base stations. The previous year, the number of "
     "5G base stations was 2.31 million.", {"2.31 million": ("2022-12-01", "2022-12-31")}),
    ("2024-02-20", "In 2020, China had 718,000 5G base stations. By the following year, it had 1.43 million 5G base "
     "stations.", {"1.43 million": ("2021-01-01", "2021-12-31")}),
    # a time in a clause that ties it to another event, or to a comparison's base, dates no
    # figure of another clause
    ("2024-03-01", "Since the action plan was launched in 2018, China has cultivated more than 240 industrial "
     "internet platforms with industry influence.", {"240": ("2023-12-02", "2024-03-01")}),
    ("2024-03-01", "After a slow start in 2018, China had more than 240 industrial internet platforms with industry "
     "influence across the whole country by the end of June 2023.", {"240": ("2023-06-01", "2023-06-30")}),
    ("2024-03-01", "Up from about 100 platforms in 2020, the number of industrial internet platforms with industry "
     "influence now exceeds 240 platforms.", {"about 100": ("2020-01-01", "2020-12-31"),
                                              "240": ("2023-12-02", "2024-03-01")}),
    ("2024-03-01", "In 2018, when the plan was issued, China had more than 50 industrial internet platforms with "
     "industry influence.", {"50": ("2018-01-01", "2018-12-31")}),
    ("2024-03-01", "By November 2023, 705 5G factories had now been developed.", {"705": ("2023-11-01", "2023-11-30")}),
    # a past sentence keeps the paragraph's time
    ("2024-02-20", "In 2020, China had 718,000 5G base stations. Operators had also deployed 300 5G factories.",
     {"300": ("2020-01-01", "2020-12-31")}),
])
def test_the_paragraph_time_fits_the_sentence(rules: Ruleset, published: str, text: str,
                                              dates: dict[str, tuple[str, str]]) -> None:
    claims = _claims(text, _day(published), rules)
    assert {f: (str(_claim(claims, f).time.start), str(_claim(claims, f).time.end)) for f in dates} == dates
    assert _claim(claims, list(dates)[-1]).metric is not None


def test_a_heading_that_names_a_period_dates_the_paragraphs_under_it(rules: Ruleset) -> None:
    """A dating review: figures under "Industrial internet in 2021: a review" and "H1 2023
    highlights" took the publication window (two false regressions). A dateline heading (a day)
    is the publication date, read elsewhere, and dates nothing here."""
    from iicheck.claims import source_claims
    from iicheck.models import Source, SourceInfo

    text = ("Industrial internet in 2021: a review\n\nChina had more than 150 industrial internet platforms with "
            "industry influence.\n\nH1 2023 highlights\n\nChina had built 2.94 million 5G base stations.\n\n"
            "Published 2024-02-01\n\nChina had 3.38 million 5G base stations.\n")
    info = SourceInfo(chars=len(text), file="probe.txt", id="probe", published=_day("2024-03-01"), sha256="0")
    claims = source_claims(Source(info=info, text=text), rules)
    windows = {c.figure: (str(c.time.start), str(c.time.end)) for c in claims}
    assert windows == {"more than 150": ("2021-01-01", "2021-12-31"), "2.94 million": ("2023-01-01", "2023-06-30"),
                       "3.38 million": ("2023-12-02", "2024-03-01")}
