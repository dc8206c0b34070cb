"""Figures a fourth probe pass (/tmp/p4: statistics releases, earnings, think-tank reports,
tables in prose) read wrongly: the sentences and publication days are the probe's, with
variants that must keep their old reading."""

from __future__ import annotations

from datetime import date

from iicheck.numbers import find_numbers
from iicheck.ruleset import Ruleset
from tests.test_time_probe import _claim, _claims, _day


def _figures(text: str, rules: Ruleset) -> list[str]:
    return [c.figure for c in _claims(text, _day("2024-03-01"), rules)]


def test_a_negated_exceed_is_an_upper_bound(rules: Ruleset) -> None:
    """n06: "did not exceed 50" was more_than (50, 60), the opposite of what it says."""
    claim = _claim(_claims("The index did not exceed 50 in any month of 2023.", _day("2024-04-04"), rules), "50")
    assert (claim.figure, claim.value.qualifier, claim.value.low, claim.value.high) == (
        "did not exceed 50", "up_to", 0, 50)
    assert claim.value.high_inclusive
    # a plain "exceeded" stays a lower bound
    plain = _claim(_claims("The index exceeded 50 in March.", _day("2024-04-04"), rules), "50")
    assert (plain.value.qualifier, plain.value.low) == ("more_than", 50)


def test_one_in_five_is_one_share_not_two_counts(rules: Ruleset) -> None:
    """t02, t14, r02: "one in five firms" was 'one' (about 1) and 'five' firms."""
    t02 = _claims("Roughly one in five firms reported using artificial intelligence in production.",
                  _day("2023-11-20"), rules)
    assert [(c.figure, c.unit, c.value.qualifier, c.value.low, c.value.high) for c in t02] == [
        ("Roughly one in five", "%", "about", 18, 22)]
    t14 = _claims("Fewer than one in ten firms had measured the return on their digital investments.",
                  _day("2024-03-18"), rules)
    assert [(c.figure, c.value.qualifier, c.value.low, c.value.high) for c in t14] == [
        ("Fewer than one in ten", "less_than", 0, 10)]
    r02 = _claims("3 in 10 manufacturers said they had delayed investment.", _day("2024-02-02"), rules)
    assert [(c.figure, c.unit, c.value.low) for c in r02] == [("3 in 10", "%", 30)]
    assert [n.value for n in find_numbers("one out of four firms")] == [25]
    # a count in a place, a year, a percentage: no share
    assert [n.value for n in find_numbers("The company opened 5 in 40 cities.")] == [5, 40]
    assert [n.value for n in find_numbers("It hired 3 in 2023.")] == [3]
    assert [n.value for n in find_numbers("Sales of 2 in 10 percent of stores.")] == [2, 10]


def test_a_rate_denominator_is_no_figure(rules: Ruleset) -> None:
    """g14, g15, r08, b05: the "1,000" of "per 1,000 workers" was a figure of 1,000 workers."""
    assert _figures("There were 2.1 workplace injuries per 1,000 workers in manufacturing last year.",
                    rules) == ["2.1"]
    assert _figures("The birth rate was 6.39 per 1,000 people in 2023, a record low.", rules) == ["6.39"]
    assert _figures("The vacancy rate was 4 per 100 jobs, half the pre-pandemic rate.", rules) == ["4", "half"]
    # not a power of ten, or no "per": still a figure
    assert _figures("The plant makes 40 units per 8 hours.", rules) == ["40", "8"]
    assert _figures("The fund has 1,000 members.", rules) == ["1,000"]


def test_labels_and_years_are_no_figures(rules: Ruleset) -> None:
    """b03, b05, e07, t08: "Table 3", "Rank 1", "fiscal 2024 is", "2005 levels" were figures."""
    assert _figures("Table 3. Employment by sector, 2023 (thousands): manufacturing 3,120, "
                    "construction 1,845.", rules) == ["3,120", "1,845"]
    assert _figures("Rank 1: Germany, 415 robots per 10,000 employees; rank 2: Japan, 399.", rules) == [
        "415", "399"]
    assert _figures("Capital expenditure for fiscal 2024 is forecast at between $35 billion and $40 billion.",
                    rules) == ["$35 billion and $40 billion"]
    assert _figures("Emissions would fall 45-55% by 2035 relative to 2005 levels.", rules) == ["45-55%"]
    # a plural noun after a four-digit number still counts it
    assert _figures("The city has 2020 firms and 1990 shops.", rules) == ["2020", "1990"]
    # ... but not the nouns a year qualifies (found in review, 2026-12-05)
    assert _figures("The company said in a statement about its 2009 results that revenue grew 5%.",
                    rules) == ["5%"]
    assert _figures("The ministry published 2021 figures on Monday: 150 platforms.", rules) == ["150"]
    assert _figures("Turnout in the 2024 elections was 62%.", rules) == ["62%"]


def test_a_claim_not_supported_by_the_data_is_denied(rules: Ruleset) -> None:
    """n04: the figure of a claim the sentence rejects was compared as a level."""
    claim = _claim(_claims("The claim that 90 percent of firms were affected is not supported by the data.",
                           _day("2024-02-18"), rules), "90 percent")
    assert claim.excluded == "denied"


def test_a_comparison_base_does_not_date_the_figure(rules: Ruleset) -> None:
    """g08: "increased 0.3 percent in April compared with a year ago" was dated a year back."""
    claim = _claim(_claims("Consumer prices increased 0.3 percent in April compared with a year ago.",
                           _day("2024-05-11"), rules), "0.3 percent")
    assert claim.time.start is not None and claim.time.start >= date(2024, 1, 1)
    # "in April" (no year: the last April by publication) dates it, not "a year ago"
    assert (claim.time.basis, claim.time.start, claim.time.end) == ("explicit", date(2024, 4, 1),
                                                                    date(2024, 4, 30))
    # a time right after the figure that is no comparison base still dates it
    dated = _claim(_claims("Consumer prices increased 0.3 percent in 2023 compared with 2022.",
                           _day("2024-05-11"), rules), "0.3 percent")
    assert (dated.time.start, dated.time.end) == (date(2023, 1, 1), date(2023, 12, 31))
    base = _claim(_claims("Sales reached 500 units compared with 2022, the firm said.",
                          _day("2024-05-11"), rules), "500")
    assert base.time.basis == "metadata"
