"""Figures a third probe pass (/tmp/probe_extract2) still read wrongly: the sentences and
publication days are the probe's, with variants that must keep their old reading."""

from __future__ import annotations

from pathlib import Path

import pytest

from iicheck.models import Claim
from iicheck.ruleset import Ruleset
from tests.test_time_probe import _claim, _claims, _day


def test_a_yen_sign_amount_counts_yuan_only_where_the_rules_list_the_sign(rules: Ruleset) -> None:
    """f02: "¥" is the yuan's sign and the yen's; core_industry_value_added lists it."""
    claim = _claim(_claims("The added value of the core II industry hit ¥1.35 trillion in 2023.",
                           _day("2024-03-01"), rules), "¥1.35 trillion")
    assert (claim.unit, claim.metric, claim.value.low) == ("¥", "core_industry_value_added", 1.35e12)
    # no metric of the rules lists the sign with platforms: still unmapped elsewhere
    other = _claim(_claims("The platforms' revenue reached ¥300 billion in 2023.", _day("2024-03-01"), rules),
                   "¥300 billion")
    assert other.metric is None
    # a "¥" amount with a yen noun after it is yen, not yuan
    yen = _claim(_claims("The added value of the core industry reached ¥1.35 trillion yen in 2023.",
                         _day("2024-03-01"), rules), "¥1.35 trillion")
    assert (yen.unit, yen.metric) == ("yen", None)


def test_as_high_as_is_at_most_and_could_be_an_estimate(rules: Ruleset) -> None:
    """h08: "could be as high as 2,000" was an exact, achieved 2,000."""
    claims = _claims("The figure could be as high as 2,000, one researcher said, though official data "
                     "show 1,500.", _day("2021-06-30"), rules)
    high = _claim(claims, "2,000")
    assert (high.figure, high.value.qualifier, high.value.low, high.value.high, high.modality) == (
        "as high as 2,000", "up_to", 0, 2000, "estimate")
    # the other clause states what official data show: achieved, despite the sentence's estimate cue
    official = _claim(claims, "1,500")
    assert (official.value.qualifier, official.modality) == ("exact", "achieved")


def test_an_achieved_cue_in_its_own_clause_makes_a_figure_achieved(rules: Ruleset) -> None:
    """A met target in one clause is achieved even when another clause holds a target cue
    (the sentence's "will" made 100 a target)."""
    claims = _claims("China has met its target of 100 industrial internet platforms, and 200 platforms "
                     "will be built by 2025.", _day("2021-06-30"), rules)
    assert [(c.figure, c.modality) for c in claims] == [("100", "achieved"), ("200", "target")]


def test_well_over_is_clearly_more_with_a_wider_high_end(rules: Ruleset) -> None:
    """q17: "Well over 100" was (100, 110), as "over 100" is: it claimed the count below 110."""
    claim = _claim(_claims("Well over 100 industrial internet platforms were in operation in 2020.",
                           _day("2021-06-30"), rules), "100")
    v = claim.value
    assert (claim.figure, v.qualifier, v.low, v.high, v.low_inclusive, v.high_inclusive) == (
        "Well over 100", "more_than", 100, 200, False, False)
    assert claim.metric == "ii_platforms"
    plain = _claim(_claims("Over 100 industrial internet platforms were in operation in 2020.",
                           _day("2021-06-30"), rules), "100").value
    assert (plain.low, plain.high) == (100, 110)


def test_high_factor_is_refused_for_kinds_without_a_lower_bound(tmp_path: Path) -> None:
    import shutil
    from iicheck.errors import IicheckError
    from iicheck.ruleset import load_ruleset
    from tests.conftest import RULES
    shutil.copytree(RULES, tmp_path / "rules")
    path = tmp_path / "rules" / "qualifiers.yaml"
    path.write_text(path.read_text().replace("  - kind: nearly\n", "  - kind: nearly\n    high_factor: 2\n"))
    with pytest.raises(IicheckError, match="high_factor applies only"):
        load_ruleset(tmp_path / "rules")
    # one phrase for more_than with and without a high_factor is refused too
    path.write_text((RULES / "qualifiers.yaml").read_text().replace(
        "phrases: [well over,", "phrases: [over, well over,"))
    with pytest.raises(IicheckError, match="more_than and more_than \\(high_factor 2\\)"):
        load_ruleset(tmp_path / "rules")


def test_a_figure_its_clause_calls_false_is_excluded_as_denied(rules: Ruleset) -> None:
    """h02: the denied 500 was an achieved count of industrial internet platforms."""
    claim = _claim(_claims("Reports that 500 industrial internet platforms had been built in 2020 were "
                           "inaccurate, the ministry said.", _day("2021-06-30"), rules), "500")
    assert (claim.metric, claim.excluded) == ("ii_platforms", "denied")
    # the denial is in another clause: the figure the ministry gives stands
    claims = _claims("The ministry denied the report, saying 300 industrial internet platforms had been "
                     "built in 2020.", _day("2021-06-30"), rules)
    assert _claim(claims, "300").excluded is None
    claims = _claims("The ministry denied that 500 industrial internet platforms had been built in 2020.",
                     _day("2021-06-30"), rules)
    assert _claim(claims, "500").excluded == "denied"


def _years(claim: Claim) -> tuple[str, str]:
    return str(claim.time.start), str(claim.time.end)


def test_over_a_year_at_a_clauses_start_dates_the_figure(rules: Ruleset) -> None:
    """x06: "Over 2020," was no time, so 80 got the publication window."""
    claim = _claim(_claims("Over 2020, the number of industrial internet platforms grew to 80 platforms.",
                           _day("2021-06-30"), rules), "80")
    assert _years(claim) == ("2020-01-01", "2020-12-31") and claim.time.basis == "explicit"
    # after a verb it is a count, not a time
    claims = _claims("The number of platforms rose to over 2000, officials said.", _day("2021-06-30"), rules)
    assert [(c.figure, c.value.qualifier) for c in claims] == [("over 2000", "more_than")]
    assert claims[0].time.basis == "metadata"


def test_the_year_of_a_survey_dates_what_it_measured(rules: Ruleset) -> None:
    """x10: "according to a 2019 survey" was ignored (the publication window dated 40 million)."""
    claim = _claim(_claims("China had 40 million sets of connected industrial equipment, according to a "
                           "2019 survey.", _day("2021-06-30"), rules), "40 million")
    assert _years(claim) == ("2019-01-01", "2019-12-31")
    assert (claim.metric, claim.modality) == ("connected_equipment", "achieved")
    # a target a report states is due after the publication, not in the report's year
    target = _claim(_claims("According to the 2021 report, 100 industrial internet platforms will be built.",
                            _day("2021-06-30"), rules), "100")
    assert target.modality == "target" and _years(target) == ("2021-06-30", "2024-06-30")
    # a year with no survey noun after it stays what it was
    plain = _claim(_claims("China had 40 million sets of connected industrial equipment, according to a "
                           "2019 plan.", _day("2021-06-30"), rules), "40 million")
    assert plain.time.basis == "metadata"


def test_from_x_to_y_after_a_verb_of_change_is_two_levels_not_a_range(rules: Ruleset) -> None:
    """r03: "grew from 10 to 15" was the range [10, 15]."""
    claims = _claims("The number of cross-industry platforms grew from 10 to 15 in 2020.", _day("2021-06-30"), rules)
    assert [(c.figure, c.value.qualifier, c.value.low, c.value.high) for c in claims] == [
        ("10", "exact", 10, 10), ("15", "exact", 15, 15)]
    # the first level takes the second's scale and unit noun, as a range's low end would
    claims = _claims("In 2023 the added value of the core industry rose from 1.2 to 1.5 trillion yuan.",
                     _day("2024-03-01"), rules)
    assert [(c.figure, c.value.low, c.unit, c.metric) for c in claims] == [
        ("1.2", 1.2e12, "yuan", "core_industry_value_added"),
        ("1.5 trillion", 1.5e12, "yuan", "core_industry_value_added")]
    # ranges stay ranges: no verb of change before "from"
    for text in ("The share of firms ranged from 10 to 15 per cent in 2020.",
                 "The platforms connected from 40 to 60 million sets of equipment in 2020."):
        (claim,) = _claims(text, _day("2021-06-30"), rules)
        assert claim.value.qualifier == "range", text


def test_to_y_shares_the_subject_of_from_x(rules: Ruleset) -> None:
    """x02: the cue "with influence" before "from 50" is the subject of both levels; "more than
    150" was counted as all platforms."""
    claims = _claims("Industrial internet platforms with influence rose from 50 platforms in 2019 to more "
                     "than 150 platforms in 2021.", _day("2022-03-01"), rules)
    assert [(c.figure, c.metric, c.definition) for c in claims] == [
        ("50", "ii_platforms", "influential"), ("more than 150", "ii_platforms", "influential")]
    # no "from": the second figure's clause is its own
    claims = _claims("Industrial internet platforms with influence rose to 50 platforms in 2019 and 150 "
                     "industrial internet platforms were built in 2021.", _day("2022-03-01"), rules)
    assert [(c.figure, c.definition) for c in claims] == [("50", "influential"), ("150", "all")]


def _values(text: str, rules: Ruleset) -> list[tuple[str, float, float, bool, bool]]:
    return [(c.figure, c.value.low, c.value.high, c.value.low_inclusive, c.value.high_inclusive)
            for c in _claims(text, _day("2021-06-30"), rules)]


def test_a_fall_is_recorded_as_a_fall(rules: Ruleset) -> None:
    """p06, p09: "declined 2.2 per cent" and "down 0.1 point" were +2.2 and +0.1."""
    assert _values("Manufacturing investment declined 2.2 per cent in 2020.", rules) == [
        ("2.2 per cent", -2.2, -2.2, True, True)]
    assert _values("The PMI stood at 51.0 in May 2021, down 0.1 point from April.", rules) == [
        ("51.0", 51, 51, True, True), ("0.1", -0.1, -0.1, True, True)]
    # a qualified fall is mirrored with its open ends: more than 2 down is below -2
    assert _values("Exports fell by more than 2% in 2020.", rules) == [("more than 2%", -3, -2, False, False)]
    # levels after "to" or "from" are no falls; nor is a count after "shut down"; a figure
    # already written negative stays as written
    assert _values("The PMI fell to 49.5 in May 2021, down from 51.0 in April.", rules) == [
        ("49.5", 49.5, 49.5, True, True), ("51.0", 51, 51, True, True)]
    assert _values("The city shut down 30 plants in 2020.", rules) == [("30", 30, 30, True, True)]
    # an upper bound right after the cue is a level, unless "by" makes it the size of the fall
    assert _values("The PMI fell below 50 in May 2021.", rules) == [("below 50", 0, 50, True, False)]
    assert _values("China fell short of 100 platforms in 2020.", rules) == [("short of 100", 0, 100, True, False)]
    assert _values("Exports fell by less than 1% in 2020.", rules) == [("less than 1%", -1, 0, False, True)]
    (claim,) = _claims("Exports fell by less than 1% in 2020.", _day("2021-06-30"), rules)
    assert '"high":0.0' in claim.value.model_dump_json()  # not -0.0
    assert _values("Output declined -1.3% in 2020.", rules) == [("-1.3%", -1.3, -1.3, True, True)]


@pytest.mark.parametrize("text", ["Output (fell 2%) in 2020.", "Output fell\u00a0by\u00a02% in 2020.",
                                  "Output FELL BY 2% in 2020.", "Output was down 2% in 2020."])
def test_the_fall_shortcut_agrees_with_the_pattern(rules: Ruleset, text: str) -> None:
    from iicheck.extract import _change_cue
    cue = _change_cue(tuple(rules.extraction.fall_cues))
    assert cue is not None
    start = text.index("2%")
    assert cue[0].pick(text).search(text, max(0, start - 40), start) is not None
    assert _values(text, rules)[0][1] == -2


def test_a_change_is_listed_but_never_compared_as_a_level(rules: Ruleset) -> None:
    """'added 30 platforms' is not 30 platforms: a rise or fall right after its cue is marked
    excluded ("change"); levels after "to", "from" or a bound stay levels."""
    day = _day("2022-06-30")
    for text, figure in [("The number of industrial internet platforms grew by 20 platforms in 2021.", "20"),
                         ("China added 30 industrial internet platforms in 2021.", "30"),
                         ("China plans to add 30 industrial internet platforms in 2022.", "30"),
                         ("Industrial internet platforms rose 12% in 2021.", "12%"),
                         ("The count was 150 industrial internet platforms in 2021, up 20 from 2020.", "20"),
                         ("The number of industrial internet platforms fell by 10 platforms in 2021.", "10")]:
        claim = _claim(_claims(text, day, rules), figure)
        assert claim.excluded == "change", text
    assert _claim(_claims("The number of industrial internet platforms fell by 10 platforms in 2021.", day, rules),
                  "10").value.low == -10  # a fall stays negative
    for text, figure in [("Industrial internet platforms rose to 150 in 2021.", "150"),
                         ("Industrial internet platforms grew from 100 to 150 in 2021.", "150"),
                         ("Industrial internet platforms rose above 150 in 2021.", "above 150"),
                         ("China had more than 150 industrial internet platforms in 2021.", "more than 150")]:
        assert _claim(_claims(text, day, rules), figure).excluded is None, text
    # a base no time of its own dates is no change either, but not dated by its level's time:
    # 120 was so before 2021, when the text does not say (claims.UNDATED_BASE)
    base = _claim(_claims("China had 150 industrial internet platforms in 2021, up from 120.", day, rules), "120")
    assert base.excluded == "undated base" and not base.time.known
    # "grew by more than 20" is a change; "rose above 150" (no "by") a level
    assert _claim(_claims("Platforms grew by more than 20 in 2021.", day, rules), "more than 20").excluded == "change"


def test_changes_make_no_false_findings(tmp_path: Path) -> None:
    """Read as levels, 'fell by 10 platforms' and 'rose by 10 platforms' gave two regressions, a
    contradiction and an out_of_range finding against 'more than 150 platforms'."""
    from iicheck.engine import AuditOptions, audit
    from tests.conftest import RULES
    (tmp_path / "a.txt").write_text(
        "China had more than 150 industrial internet platforms with influence in 2021.\n\n"
        "The number of industrial internet platforms with influence fell by 10 platforms in 2022.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "The number of industrial internet platforms with influence rose by 10 platforms in 2022.\n", encoding="utf-8")
    report = audit(AuditOptions(sources=(tmp_path,), rules=RULES)).report
    assert [c.excluded for c in report.claims] == [None, "change", "change"]
    assert [c.metric for c in report.claims] == ["ii_platforms"] * 3  # still mapped: listed under its metric
    assert [f.kind for f in report.findings] == []


# ---- cases a review of the above found (each misread before its fix)

def test_a_fall_from_x_to_y_million_keeps_the_scale_on_x(rules: Ruleset) -> None:
    """'fell from 1.5 to 1.2 million sets' read 1.5 sets: a false contradiction ×866,667."""
    day = _day("2021-06-01")
    assert [(c.figure, c.value.low, c.metric) for c in _claims(
        "Connected industrial equipment fell from 1.5 to 1.2 million sets.", day, rules)] == [
        ("1.5", 1.5e6, "connected_equipment"), ("1.2 million", 1.2e6, "connected_equipment")]
    assert [c.value.low for c in _claims("In 2020, core industry value added fell from 2.5 to 2.1 trillion yuan.",
                                         day, rules)] == [2.5e12, 2.1e12]
    # a first figure with its own magnitude keeps it
    assert [c.value.low for c in _claims("Connected industrial equipment fell from 1,500,000 to 1.2 million sets.",
                                         day, rules)] == [1.5e6, 1.2e6]
    assert [c.value.low for c in _claims("Connected industrial equipment rose from 900,000 to 1.2 million sets.",
                                         day, rules)] == [9e5, 1.2e6]


def test_a_sources_year_dates_a_figure_only_when_nothing_else_does(rules: Ruleset) -> None:
    claim = _claim(_claims("In 2018, according to the 2019 report, 150 industrial internet platforms had been "
                           "built.", _day("2021-06-01"), rules), "150")
    assert (str(claim.time.start), str(claim.time.end)) == ("2018-01-01", "2018-12-31")


def test_over_a_year_restated_is_a_count_not_a_time(rules: Ruleset) -> None:
    claims = _claims("Over 2000, or 60%, of industrial internet platforms are small, and 3,300 industrial internet "
                     "platforms now operate.", _day("2021-06-01"), rules)
    assert all(c.time.basis != "explicit" for c in claims)
    assert str(_claim(_claims("Over 2020, the number of industrial internet platforms grew to 80 platforms.",
                              _day("2021-06-30"), rules), "80").time.start) == "2020-01-01"


def test_could_be_and_an_estimated_are_estimates(rules: Ruleset) -> None:
    """'could be' stays an estimate cue for the whole sentence of a single figure: narrowed to
    'could be as high as' and the like, it made projections achieved ('close to half of all
    factory tasks could be automated'), and an estimate taken for an achieved figure can make a
    false contradiction. Known cost: 'a number that could be revised' makes its figure an
    estimate too (a figure left out of the achieved comparisons, not a false finding)."""
    day = _day("2021-06-01")
    for text, figure in [("The figure could be as high as 2,000, one researcher said.", "as high as 2,000"),
                         ("The study finds that close to half of all factory tasks could be automated.", "close to half"),
                         ("Officials said the figure could be as low as 1.2 million.", "1.2 million"),
                         ("An estimated 2.4 million jobs could be displaced by automation by 2030.",
                          "An estimated 2.4 million"),
                         ("An estimated 40 million sets of industrial equipment are connected.", "An estimated 40 million")]:
        assert _claim(_claims(text, day, rules), figure).modality == "estimate", text


def test_a_level_bound_after_a_change_cue_is_a_level_any_other_qualifier_a_change(rules: Ruleset) -> None:
    day = _day("2021-06-01")
    changes = {"In 2020, the country added more than 30 industrial internet platforms.": "more than 30",
               "Output fell less than 10% in 2020.": "less than 10%",
               "Losses dropped as much as 40% in 2020.": "as much as 40%",
               "Sales grew over 30% last year.": "over 30%"}
    for text, figure in changes.items():
        assert _claim(_claims(text, day, rules), figure).excluded == "change", text
    levels = {"The PMI fell below 50 in May 2021.": "below 50",
              "Sales fell short of the 2 million target set for the year.": "short of the 2 million",
              "The number of industrial internet platforms rose as high as 150 platforms in 2020.": "as high as 150",
              "Industrial internet platforms rose above 150 in 2021.": "above 150",
              "Core industrial internet industry value added 1.35 trillion yuan in 2020.": "1.35 trillion"}
    for text, figure in levels.items():
        assert _claim(_claims(text, day, rules), figure).excluded is None, text


def test_a_denial_counts_after_the_figure_or_as_a_lead_before_it(rules: Ruleset) -> None:
    day = _day("2021-06-01")
    both = _claims("Reports that 500 industrial internet platforms and 30 nodes had been built were inaccurate.",
                   day, rules)
    assert [c.excluded for c in both] == ["denied", "denied"]
    assert _claim(_claims("The ministry denied that 300 industrial internet platforms had been built.", day, rules),
                  "300").excluded == "denied"
    for text in ("Rumours of delays are groundless as 150 industrial internet platforms have been built.",
                 "Officials called the delays untrue and said 150 industrial internet platforms had been built.",
                 "After fixing incorrect records the ministry counted 150 industrial internet platforms.",
                 "Officials denied the report, saying 150 industrial internet platforms had been built."):
        assert _claim(_claims(text, day, rules), "150").excluded is None, text


def test_a_figure_takes_no_unit_from_another_figures_noun_phrase(rules: Ruleset) -> None:
    """'Revenue from 50 industrial internet platforms rose to 2 billion' mapped 2 billion to the
    platform count (a false contradiction with any real count): "from 50 ..." is a source there,
    not a first level, and the words after 50 are its own."""
    claims = _claims("Revenue from 50 industrial internet platforms rose to 2 billion.", _day("2021-06-01"), rules)
    assert [(c.figure, c.metric) for c in claims] == [("50", "ii_platforms"), ("2 billion", None)]
    # a from-to of two levels still shares its subject and unit
    claims = _claims("Industrial internet platforms with influence rose from 50 platforms in 2019 to more than 150 "
                     "platforms in 2021.", _day("2022-03-01"), rules)
    assert [(c.metric, c.definition) for c in claims] == [("ii_platforms", "influential")] * 2


def test_a_change_to_a_level_is_two_figures(rules: Ruleset) -> None:
    """'rose 20 to 150' was the range [20, 150], marked a change: the level 150 was lost."""
    day = _day("2021-06-01")
    assert [(c.figure, c.value.low, c.excluded) for c in _claims(
        "The number of industrial internet platforms was down 20 to 130.", day, rules)] == [
        ("20", -20, "change"), ("130", 130, None)]
    assert [(c.figure, c.excluded) for c in _claims("Industrial internet platforms rose 20 to 150 in 2021.", day,
                                                     rules)] == [("20", "change"), ("150", None)]
    # percentages on both sides stay a range of the change; "from X to Y" ranges are unchanged
    assert [c.figure for c in _claims("Output rose 5% to 7% in 2020.", day, rules)] == ["5% to 7%"]
    assert [c.figure for c in _claims("Industrial internet platforms ranged from 100 to 150 in 2021.", day,
                                      rules)] == ["100 to 150"]


@pytest.mark.parametrize(("text", "figure", "change"), [
    # what was added in a period, not a total (a review: three false regression errors)
    ("In 2023, China built 1.06 million new 5G base stations, the ministry said.", "1.06 million", "change"),
    ("More than 3,000 new 5G projects were launched during 2023.", "More than 3,000", "change"),
    ("In the first half of 2023, 610,000 5G base stations were newly built.", "610,000", "change"),
    ("So far this year, China has built 337,000 5G base stations, the ministry said.", "337,000", "change"),
    ("Operators opened 1 million 5G base stations in 2023 alone.", "1 million", "change"),
    # what was built in a period, not by a moment (a review: a false regression error)
    ("In the first four months of 2024, operators built 337,000 5G base stations.", "337,000", "change"),
    ("In 2023, 600,000 5G base stations were built.", "600,000", "change"),
    ("By the end of 2023, China had built 3.38 million 5G base stations.", "3.38 million", None),
    ("In 2023, China had built 3.38 million 5G base stations.", "3.38 million", None),
    ("China built 3.38 million 5G base stations by the end of 2023.", "3.38 million", None),
    # compounds with "new" count what they name
    ("China had 20.4 million new energy vehicles at the end of 2023.", "20.4 million", None),
    ("China had 3.38 million 5G base stations at the end of 2023.", "3.38 million", None),
])
def test_a_count_of_additions_is_a_change(rules: Ruleset, text: str, figure: str, change: str | None) -> None:
    assert _claim(_claims(text, _day("2024-05-20"), rules), figure).excluded == change


def test_of_two_definitions_as_specific_the_nearest_cue_decides(rules: Ruleset) -> None:
    """A review: "320 secondary nodes" after "five national top nodes" in one clause was
    counted as top nodes (the first definition listed won), a false contradiction with 5."""
    claims = _claims("By the end of 2023, China had built five national top nodes and 320 secondary nodes for "
                     "identifier resolution.", _day("2024-01-20"), rules)
    assert [(c.figure, c.metric, c.definition) for c in claims] == [
        ("five", "identifier_nodes", "top"), ("320", "identifier_nodes", "secondary")]


@pytest.mark.parametrize(("text", "metric"), [
    # a review: a rate, all mobile base stations, one operator's, one province's, another
    # country's, and other value added were all counted as the national figure
    ("That works out to 24 5G base stations per 10,000 people.", None),
    ("The total number of mobile base stations reached 11.62 million by the end of 2023.", None),
    ("China Mobile operated 1.9 million 5G base stations at the end of 2023.", None),
    ("Guangdong province built 320,000 5G base stations by the end of 2023.", None),
    ("South Korea had about 300,000 5G base stations at the end of 2023.", None),
    ("China's manufacturing value added reached 33 trillion yuan in 2023.", None),
    ("The value added of the core industries of the digital economy was 12.7 trillion yuan in 2023.", None),
    ("China had 3.38 million 5G base stations at the end of 2023.", "base_stations_5g"),
    ("In 2023, the added value of the core II industry reached 1.35 trillion yuan.", "core_industry_value_added"),
])
def test_a_rate_or_another_scope_is_not_the_national_count(rules: Ruleset, text: str, metric: str | None) -> None:
    (claim,) = _claims(text, _day("2024-01-20"), rules)
    assert claim.metric == metric


@pytest.mark.parametrize(("text", "figure", "qualifier"), [
    # a qualifier reaching through "the" qualifies a mark passed, not another amount (a review)
    ("By the end of 2023, China had 3.38 million 5G base stations, well above the 3 million 5G base stations "
     "the plan called for.", "3 million", "exact"),
    ("Industrial internet platforms topped the 500 mark in 2023.", "500", "more_than"),
    ("Connected equipment surpassed the 80 million level last year.", "80 million", "more_than"),
    ("Industrial internet platforms exceeded 500 in 2023.", "500", "more_than"),
])
def test_a_qualifier_before_the_is_one_only_before_a_mark(rules: Ruleset, text: str, figure: str,
                                                         qualifier: str) -> None:
    claim = _claim(_claims(text, _day("2024-01-20"), rules), figure)
    assert claim.value.qualifier == qualifier


@pytest.mark.parametrize(("text", "figures"), [
    # subjects before the verb that a review found left unmapped
    ("China's national top nodes of identifier resolution numbered five at the end of 2023.",
     {"five": ("identifier_nodes", "top")}),
    ("5G base stations rose from 2.31 million to 3.38 million in 2023.",
     {"2.31 million": ("base_stations_5g", None), "3.38 million": ("base_stations_5g", None)}),
    ("The number of 5G base stations will total 4.5 million by 2025.", {"4.5 million": ("base_stations_5g", None)}),
    # a subject's other noun still counts nothing
    ("The revenue of industrial internet platforms reached 300 billion yuan.", {"300 billion": (None, None)}),
])
def test_the_subject_before_a_count_verb_is_the_unit(rules: Ruleset, text: str,
                                                     figures: dict[str, tuple[str | None, str | None]]) -> None:
    claims = _claims(text, _day("2024-01-20"), rules)
    assert {f: (_claim(claims, f).metric, _claim(claims, f).definition) for f in figures} == figures


def test_two_figures_of_one_sentence_have_two_fingerprints(rules: Ruleset) -> None:
    """A review: "64.9%" and "83.1%" of one sentence shared a fingerprint, so explaining one
    marked the other "updated". An edited figure keeps its finding's fingerprint."""
    from iicheck.checks import unmapped_figure

    def prints(text: str) -> list[str]:
        return [f.fingerprint for c in _claims(text, _day("2024-07-01"), rules) for f in unmapped_figure.check_claim(c, rules)]

    first = prints("By June 2024, the rates in large enterprises reached 64.9% and 83.1% respectively.")
    assert len(set(first)) == 2
    assert prints("By June 2024, the rates in large enterprises reached 65.0% and 83.1% respectively.") == first
    assert len(set(prints("The four years of development are four years of construction."))) == 2
