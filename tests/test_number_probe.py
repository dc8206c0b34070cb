"""Number-reading errors a probe of 150 sentences found (/tmp/probe_extract): spaced thousands,
spaced scale abbreviations, "Over 2020," read as a figure, ranks ("Top 10"), "24/7" and
"one researcher said"."""

from __future__ import annotations

import pytest

from iicheck.numbers import find_numbers, parse_digits


def _figures(text: str) -> list[tuple[str, float]]:
    return [(n.text, n.value) for n in find_numbers(text)]


@pytest.mark.parametrize("text,figures", [
    ("A total of 12 000 enterprises have connected to the identifier resolution system.",
     [("12 000", 12000)]),
    ("It connected 1 200 000 sets of equipment.", [("1 200 000", 1.2e6)]),
    ("It had 12\u00a0000 users and 3\u202f500\u2009000 sets.",
     [("12\u00a0000", 12000), ("3\u202f500\u2009000", 3.5e6)]),
    ("It grew to 12 000.5 tonnes.", [("12 000.5", 12000.5)]),
    # a year, then a number; and groups of other lengths, are not merged
    ("in 2020 100 platforms were built", [("100", 100)]),
    ("On 5 March 2021 100 firms joined.", [("100", 100)]),
    ("The codes 12 0001 and 1 2 3.", [("12", 12), ("0001", 1), ("1", 1), ("2", 2), ("3", 3)]),
    # a lone "000" is no figure
    ("It was 1,000 000 or 12  000 firms.", [("1,000", 1000), ("12", 12)]),
])
def test_spaced_thousands(text: str, figures: list[tuple[str, float]]) -> None:
    assert _figures(text) == figures


def test_parse_digits_spaced_groups() -> None:
    assert parse_digits("1 200 000") == parse_digits("1\u202f200\u00a0000") == 1.2e6


@pytest.mark.parametrize("text,figures", [
    ("Industrial software revenue reached 230 bln yuan last year.", [("230 bln", 2.3e11)]),
    ("It invested 3.5 bn yuan and 3.5 trn yuan.", [("3.5 bn", 3.5e9), ("3.5 trn", 3.5e12)]),
    ("It connected 40 mln sets and 2 Mn and 7 TN and 1.2bn.",
     [("40 mln", 4e7), ("2 Mn", 2e6), ("7 TN", 7e12), ("1.2bn", 1.2e9)]),
    ("It has 3 mnemonic codes.", [("3", 3)]),
])
def test_spaced_scale_abbreviations(text: str, figures: list[tuple[str, float]]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize("text,figures", [
    ("Over 2020, the number of industrial internet platforms grew to 80 platforms.", [("80", 80)]),
    ("Around 2020, the count grew.", []),
    # at a sentence's end a count is as likely ("rose to over 2020."): kept, and so after "about"
    ("The count grew over 2020.", [("2020", 2020)]),
    ("The town has about 2000, mostly farmers.", [("2000", 2000)]),
    ("Around 2000 Q3 it began.", []),
    ("It connected more than 2020 enterprises.", [("2020", 2020)]),
    ("The count rose to more than 2020.", [("2020", 2020)]),
    ("The count exceeded 2000, up 5%.", [("2000", 2000), ("5%", 5)]),
    ("Over 2020 firms joined.", [("2020", 2020)]),
])
def test_qualified_year_is_a_time_phrase(text: str, figures: list[tuple[str, float]]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize("text,figures", [
    ("The Top 10 industrial internet platforms were announced at the World Internet Conference 2020.",
     []),
    ("Top 500 companies and the top 20 firms and The top 3 joined.", []),
    ("Sales top 1 million units.", [("1 million", 1e6)]),
])
def test_rank_is_no_figure(text: str, figures: list[tuple[str, float]]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize("text,figures", [
    ("The company operates its maintenance services 24/7 through the IIoT platform.", []),
    ("It runs 24/7.", []),
    ("The figure could be as high as 2,000, one researcher said, though official data show 1,500.",
     [("2,000", 2000), ("1,500", 1500)]),
    ("One official told reporters 30 firms joined.", [("30", 30)]),
    ("It is a lot for one man to balance; one analyst expects 5%.", [("one", 1), ("one", 1), ("5%", 5)]),
])
def test_round_the_clock_and_speaker(text: str, figures: list[tuple[str, float]]) -> None:
    assert _figures(text) == figures


@pytest.mark.parametrize("text,figures", [
    ("The market reached 10^15 yuan in 2020.", [("10^15", 1e15)]),
    ("It was 3.5 x 10^6 units.", [("3.5 x 10^6", 3.5e6)]),
    ("A 10^-3 share of 2 x 10^3 and 10^4 sets.", [("10^-3", 1e-3), ("2 x 10^3", 2e3), ("10^4", 1e4)]),
    ("About 10^400 atoms.", []),  # beyond any figure, and not its pieces either
])
def test_a_bare_power_of_ten_is_one_figure(text: str, figures: list[tuple[str, float]]) -> None:
    """"10^15 yuan" was read as 10 yuan and 15 yuan (a false contradiction in a review)."""
    assert _figures(text) == figures


@pytest.mark.parametrize("text,figures", [
    ("On March 5 200 people were evacuated.", [("200", 200)]),
    ("On June 30 500 workers went on strike.", [("500", 500)]),
    ("Grade 5 300 pupils passed.", [("300", 300)]),
    ("Of the 12 100 were sold.", [("12", 12), ("100", 100)]),
    ("It reached 1 200 000 sets.", [("1 200 000", 1_200_000)]),
    ("The death toll rose to over 2000, officials said.", [("2000", 2000)]),
    ("Attendance was over 1950; a record.", [("1950", 1950)]),
])
def test_a_plain_space_joins_thousands_only_before_000_and_over_a_year_only_starts_a_clause(
        text: str, figures: list[tuple[str, float]]) -> None:
    """A review found the spaced-thousands reading joining two numbers where a comma was left
    out (the date's day and the count, lost together) and "over 2000," read as a year."""
    assert _figures(text) == figures
