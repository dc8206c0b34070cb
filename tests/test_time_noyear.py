"""Periods named without a year ("in December", "in the first quarter", "as of end-June",
"in the year to March"), which a probe found unread: each is the latest such period that
ends on or before the publication day. Sentences and publication days are the probe's
(/tmp/p4, /tmp/probe_extract2); the variants keep their old reading."""

from __future__ import annotations

import re
from datetime import date

import pytest

from iicheck.models import TimeWindow
from iicheck.ruleset import Ruleset
from iicheck.timeexpr import find_time_expressions
from tests.test_time_probe import _claim, _claims, _day


CASES = [
    ("g01", "2024-04-16", "Industrial output rose 6.1 percent year on year in the first quarter, the "
     "statistics bureau said.", "6.1", "2024-01-01", "2024-03-31"),
    ("g03", "2023-07-17", "Retail sales of consumer goods totalled 22.76 trillion yuan in the first half, "
     "up 8.2 percent.", "22.76 trillion", "2023-01-01", "2023-06-30"),
    # published in January: December is last year's
    ("g04", "2024-01-17", "The surveyed urban unemployment rate stood at 5.1 percent in December.",
     "5.1", "2023-12-01", "2023-12-31"),
    ("g05", "2024-02-06", "The unemployment rate edged down to 3.7% in January from 3.8% a month earlier.",
     "3.7", "2024-01-01", "2024-01-31"),
    # the month ends on the publication day: this year's
    ("g20", "2023-06-30", "Eurozone inflation slowed to 5.5 per cent in June, down from 6.1 per cent in May.",
     "5.5", "2023-06-01", "2023-06-30"),
    ("g20", "2023-06-30", "Eurozone inflation slowed to 5.5 per cent in June, down from 6.1 per cent in May.",
     "6.1", "2023-05-01", "2023-05-31"),
    # the third quarter has not ended by 2023-09-15 ... but has by 2023-11-14
    ("e05", "2023-11-14", "Gross margin widened to 42.5 percent in the third quarter from 39.8 percent.",
     "42.5", "2023-07-01", "2023-09-30"),
    ("q3", "2023-09-15", "Exports rose 4.2% in Q3.", "4.2", "2022-07-01", "2022-09-30"),
    ("g16", "2024-04-12", "Foreign exchange reserves stood at $3.245 trillion as of end-March.",
     "3.245 trillion", "2024-03-31", "2024-03-31"),
    ("d05", "2024-07-30", "As of end-June, outstanding loans stood at 250.9 trillion yuan.",
     "250.9 trillion", "2024-06-30", "2024-06-30"),
    ("pe2", "2021-06-30", "As of the end of May, China had built 850,000 5G base stations.",
     "850,000", "2021-05-31", "2021-05-31"),
    ("g18", "2024-02-08", "The Office for National Statistics said inflation held at 4.0% in the year to January.",
     "4.0%", "2023-02-01", "2024-01-31"),
    ("d01", "2024-04-20", "In the year to March, house prices fell 0.2 percent.", "0.2", "2023-04-01", "2024-03-31"),
    ("d06", "2024-03-15", "In the 12 months through February, the trade surplus widened to $823 billion.",
     "823 billion", "2023-03-01", "2024-02-29"),
    ("dec", "2024-03-15", "In the year to December, the trade surplus widened to $823 billion.",
     "823 billion", "2023-01-01", "2023-12-31"),
]


@pytest.mark.parametrize(("sid", "published", "text", "figure", "start", "end"), CASES)
def test_a_period_without_a_year_is_the_latest_ended_by_publication(
        rules: Ruleset, sid: str, published: str, text: str, figure: str, start: str, end: str) -> None:
    claim = _claim(_claims(text, _day(published), rules), figure)
    assert (claim.time.start, claim.time.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert claim.time.basis == "explicit"
    assert claim.time.note is not None and claim.time.note.endswith(f"counted from publication on {published}")
    assert claim.modality == "achieved"


def test_the_note_quotes_the_phrase_without_the_full_stop(rules: Ruleset) -> None:
    claim = _claim(_claims("The rate stood at 5.1 percent in December.", _day("2024-01-17"), rules), "5.1")
    assert claim.time.note == "\u201cin December\u201d counted from publication on 2024-01-17"


def test_the_twelve_months_are_no_figure(rules: Ruleset) -> None:
    text = "In the 12 months through February, the trade surplus widened to $823 billion."
    assert [c.figure for c in _claims(text, _day("2024-03-15"), rules)] == ["$823 billion"]


PUBLISHED = "2024-02-06"
PUBLICATION_WINDOW = ("2023-11-08", PUBLISHED)  # published, less the 90-day reporting lag


@pytest.mark.parametrize(("text", "figure"), [
    # a comparison base: not the named month's figure
    ("The unemployment rate edged down to 3.7% in January from 3.8% a month earlier.", "3.8%"),
    ("Gross margin widened to 42.5 percent in the third quarter from 39.8 percent.", "39.8"),
    # a target or estimate reading: the next December, not the last
    ("The plant will produce 500 tonnes in December.", "500"),
    ("Output is expected to reach 500 tonnes in the fourth quarter.", "500"),
    # a year in the sentence (another's, or "last year") may be the period's
    ("In 2019, output was 500 tonnes in December.", "500"),
    ("Output was 500 tonnes in December of that year.", "500"),
    ("Output was 500 tonnes in December, 2019.", "500"),
    # a fiscal quarter is the company's own
    ("Fiscal revenue was $500 million in the third quarter.", "500 million"),
    # not a month: lower case, or a range without a year
    ("Output in may be 500 tonnes.", "500"),
    ("Spending in May's budget was 500 million.", "500 million"),
    ("Investment grew 4.5% in January-March from a year earlier.", "4.5%"),
    # no preposition: "Fourth-quarter net income"
    ("Fourth-quarter net income climbed to $500 million.", "500 million"),
])
def test_periods_that_keep_the_publication_window(rules: Ruleset, text: str, figure: str) -> None:
    claim = _claim(_claims(text, _day(PUBLISHED), rules), figure)
    if claim.modality == "target":
        assert claim.time.note is not None and claim.time.note.startswith("target with no deadline")
    elif claim.time.basis == "explicit":  # the sentence's own year ("In 2019", "last year")
        assert not re.search(r"in (?:December|the fourth quarter)", claim.time.note or "")
    else:
        assert (claim.time.start.isoformat(), claim.time.end.isoformat()) == PUBLICATION_WINDOW


def test_a_paragraph_time_is_not_overridden(rules: Ruleset) -> None:
    """"In 2019, ... In December, ...": the paragraph's year, not the last December."""
    claims = _claims("In 2019, output fell. In December, output was 500 tonnes.", _day(PUBLISHED), rules)
    claim = _claim(claims, "500")
    assert (claim.time.basis, claim.time.start, claim.time.end) == ("paragraph", date(2019, 1, 1),
                                                                    date(2019, 12, 31))


@pytest.mark.parametrize("pub", [TimeWindow(start=date(2020, 1, 1), end=date(2022, 12, 31), basis="inferred"),
                                 TimeWindow(start=None, end=None, basis="unknown")])
def test_a_period_without_a_year_needs_a_publication_day(pub: TimeWindow) -> None:
    assert find_time_expressions("Output was 500 tonnes in December.", pub) == []


def test_the_year_of_the_month_wins() -> None:
    (found,) = find_time_expressions("Output was 500 tonnes in December 2019.", _day(PUBLISHED))
    assert (found.window.start, found.role) == (date(2019, 12, 1), "point")


@pytest.mark.parametrize(("published", "text", "figure", "start", "end"), [
    # the probe's e01: the latest March 31 on or before publication
    ("2024-05-20", "Revenue for the fiscal year ended March 31 was $4.2 billion, up 12% from the prior year.",
     "4.2 billion", "2023-04-01", "2024-03-31"),
    ("2024-03-20", "Revenue for the fiscal year ended March 31 was $4.2 billion.",
     "4.2 billion", "2022-04-01", "2023-03-31"),
    # with its year: the twelve months to that day, not the day ("March 31, 2023" alone)
    ("2024-05-20", "Revenue for the fiscal year ended March 31, 2023 was $4.2 billion.",
     "4.2 billion", "2022-04-01", "2023-03-31"),
    ("2024-05-20", "In the financial year ended June 30th, 2023, sales were $4.2 billion.",
     "4.2 billion", "2022-07-01", "2023-06-30"),
])
def test_a_fiscal_year_named_by_its_end_is_the_twelve_months_to_it(
        rules: Ruleset, published: str, text: str, figure: str, start: str, end: str) -> None:
    claim = _claim(_claims(text, _day(published), rules), figure)
    assert (claim.time.start, claim.time.end) == (date.fromisoformat(start), date.fromisoformat(end))
    assert claim.time.basis == "explicit"


@pytest.mark.parametrize("text", [
    # which months "fiscal 2024" covers is the company's (and the country's) convention:
    # Walmart's ends in January 2024, Microsoft's in June 2024, a Japanese one in March 2025
    "Capital expenditure for fiscal 2024 is $35 billion.",
    "Research and development spending amounted to 16.5% of revenue in fiscal 2023.",
    "The board proposed a final dividend of RMB 0.45 per share for FY2023.",
    "For FY2022/23 the department spent 14.6 billion pounds on capital projects.",
])
def test_a_fiscal_year_named_by_its_number_is_not_dated(rules: Ruleset, text: str) -> None:
    for claim in _claims(text, _day("2024-05-20"), rules):
        assert claim.time.basis != "explicit" or "fiscal" not in (claim.time.note or "").lower()
        assert claim.figure not in ("2023", "2024", "FY2023")


@pytest.mark.parametrize("text", ["Sales of 5G modules rose in the third half.", "Sales of 5G modules were 300 in H3.",
                                  "Output reached 40 in the fourth half."])
def test_a_half_a_year_has_not_dates_nothing_and_raises_nothing(text: str) -> None:
    """'the third half' or 'H3' named without a year raised 'month must be in 1..12' (a
    traceback on a source's text); it is no period, as 'the third half of 2021' is none."""
    assert find_time_expressions(text, _day("2024-06-12")) == []


@pytest.mark.parametrize(("text", "start", "end"), [
    # a news probe's province text (benchmarks/newsprobe/third): "by the end of December" was unread
    ("By the end of December, the province had built 8 secondary nodes.", "2022-12-31", "2022-12-31"),
    ("Zhejiang had built 8 secondary nodes by the end of December.", "2022-12-31", "2022-12-31"),
    ("By end-March there were 8 secondary nodes.", "2023-03-31", "2023-03-31"),
    ("By the end of the first quarter, 8 secondary nodes were operating.", "2023-03-31", "2023-03-31"),
    # a deadline: the publication window, as before ("by December" alone is no period either)
    ("8 secondary nodes are due to be completed by the end of December.", "2023-03-14", "2023-06-12"),
    ("Zhejiang hopes for 8 secondary nodes by the end of December.", "2023-03-14", "2023-06-12"),
    ("Zhejiang should have 8 secondary nodes by the end of December.", "2023-03-14", "2023-06-12"),
    ("By December there were 8 secondary nodes.", "2023-03-14", "2023-06-12"),
])
def test_by_the_end_of_a_month_dates_what_was_done_not_a_deadline(
        rules: Ruleset, text: str, start: str, end: str) -> None:
    claim = _claim(_claims(text, _day("2023-06-12"), rules), "8")
    assert (claim.time.start, claim.time.end) == (date.fromisoformat(start), date.fromisoformat(end))


def test_by_the_end_of_a_month_in_a_plan_is_a_target(rules: Ruleset) -> None:
    claim = _claim(_claims("The province will build 8 secondary nodes by the end of December.",
                           _day("2023-06-12"), rules), "8")
    assert claim.modality == "target"
    assert claim.time.start == date(2023, 6, 12)
