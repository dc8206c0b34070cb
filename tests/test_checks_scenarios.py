"""Consistency checks on the seeds and on copies with one source added: exact findings."""

from __future__ import annotations

import gc
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from iicheck.checks import Corpus
from iicheck.checks import contradiction, implausible_growth, regression
from iicheck.compare import verdicts
from iicheck.engine import AuditOptions, audit
from iicheck.models import Claim, TimeWindow
from iicheck.intervals import make_interval
from iicheck.ruleset import Ruleset

from .conftest import ROOT, RULES, SEEDS


def _run(sources: Path):
    return audit(AuditOptions(sources=(sources,), rules=RULES)).report


def _conflicts(report):
    return sorted(
        (f.kind, tuple((e.source, e.figure) for e in f.evidence))
        for f in report.findings if f.kind not in ("unmapped_figure",) and f.severity != "info"
        and f.kind in ("contradiction", "regression", "implausible_growth", "exceeds_parent", "out_of_range", "undated"))


def test_seeds_have_exactly_one_conflict_the_equipment_figures() -> None:
    report = _run(SEEDS)
    assert _conflicts(report) == [
        ("contradiction", (("004", "exceeded 100000"), ("002", "40 million")))]
    finding = next(f for f in report.findings if f.kind == "contradiction")
    assert finding.severity == "error" and "×364" in finding.message


def test_platform_figures_all_reconciled_with_reasons() -> None:
    report = _run(SEEDS)
    by_id = {c.id: c for c in report.claims}
    pairs = {(by_id[a].source, by_id[a].figure, by_id[b].source, by_id[b].figure): r
             for r in report.reconciled for a, b in [r.claims] if r.metric == "ii_platforms"}
    assert set(pairs) == {
        ("004", "more than 50", "002", "over 70"), ("004", "more than 50", "000", "more than 150"),
        ("002", "over 70", "000", "more than 150"), ("000", "more than 150", "000", "nearly 1,000"),
        ("000", "Fifteen", "000", "nearly 1,000"), ("000", "Fifteen", "002", "over 70"),
    }
    assert pairs[("002", "over 70", "000", "more than 150")].basis == "dates"
    assert "within the declared ×3 a year" in pairs[("002", "over 70", "000", "more than 150")].reason
    assert pairs[("000", "more than 150", "000", "nearly 1,000")].basis == "definitions"
    assert "all platforms ⊇ platforms with industry or regional influence" in \
        pairs[("000", "more than 150", "000", "nearly 1,000")].reason


def test_no_comparison_across_category_metrics_or_modalities() -> None:
    report = _run(SEEDS)
    for f in report.findings:
        metrics = {f.metric}
        assert metrics != {"industrial_categories", "national_economy_categories"}
    for r in report.reconciled:
        assert r.metric not in ("industrial_categories",) or "49" not in r.reason


def _add(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_new_source_contradicts_002(seeds_copy: Path) -> None:
    _add(seeds_copy, "100_new.txt", "date 2021-03-01 The country now has over 120 industrial internet "
         "platforms of considerable influence.\n")
    kinds = _conflicts(_run(seeds_copy))
    assert ("contradiction", (("002", "over 70"), ("100_new", "over 120"))) in kinds
    assert [k for k in kinds if "100_new" in str(k)] == [
        ("contradiction", (("002", "over 70"), ("100_new", "over 120")))]


def test_new_source_regresses_against_000(seeds_copy: Path) -> None:
    _add(seeds_copy, "101_late.txt", "date 2023-06-30 China has more than 60 industrial internet platforms "
         "with certain industry and regional influence.\n")
    kinds = _conflicts(_run(seeds_copy))
    assert ("regression", (("000", "more than 150"), ("101_late", "more than 60"))) in kinds
    assert all(k[0] == "regression" for k in kinds if "101_late" in str(k))


def test_targets_never_compared_with_achieved(seeds_copy: Path) -> None:
    _add(seeds_copy, "102_plan.txt", "date 2021-03-01 China aims to build 5 industrial internet platforms "
         "of considerable influence by 2023.\n")
    report = _run(seeds_copy)
    assert not [k for k in _conflicts(report) if "102_plan" in str(k)]


def _claim(i: int, low: float, start: date, rules: Ruleset) -> Claim:
    value = make_interval(low, "exact", 1.0, rules.qualifiers)
    window = TimeWindow(start=start, end=start + timedelta(days=30), basis="explicit")
    return Claim(id=f"s{i}:0-1", source=f"s{i}", sentence="x", sentence_span=(0, 1), span=(0, 1),
                 figure=str(low), value=value, unit="platforms", metric="ii_platforms",
                 definition="all", time=window, modality="achieved")


def test_100k_claims_on_one_metric_in_seconds(rules: Ruleset) -> None:
    """benchmarks/compare_bench.py prints the figures; here a generous limit and the pair count."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from compare_bench import make_claims

    gc.disable()  # as during an audit
    try:
        claims = make_claims(100_000, rules, "outliers")
        corpus = Corpus(sources=(), texts={}, sentences={}, claims=claims)
        started = time.perf_counter()
        pairs = verdicts(claims, rules)
        found = [f for m in (contradiction, regression, implausible_growth) for f in m.check(corpus, rules)]
        elapsed = time.perf_counter() - started
    finally:
        gc.enable()
    assert elapsed < 40, elapsed  # measured 7 s on the 2-core machine (sweep, judging, findings)
    assert len(pairs) < 4 * len(claims)  # at most four earlier claims per claim, not all pairs
    assert len({f.details["claims"] for f in found if f.kind == "contradiction"}) > 100  # outliers found


def test_sweep_finds_a_single_outlier_among_many(rules: Ruleset) -> None:
    base = date(2020, 1, 1)
    claims = [_claim(i, 100, base, rules) for i in range(2000)]
    claims.append(_claim(9999, 5000, base, rules))
    corpus = Corpus(sources=(), texts={}, sentences={}, claims=tuple(claims))
    found = list(contradiction.check(corpus, rules))
    assert found and all("s9999" in f.details["claims"] for f in found)



def test_two_figures_for_the_same_month_are_a_contradiction_without_a_yearly_rate(rules: Ruleset) -> None:
    """70 and 500 platforms both "by the end of 2020" read as ×6.25 in at most 0.1 years
    (×4,895,975,221 a year): a rate compounded from weeks means nothing to a reader."""
    from iicheck.compare import compare

    same = date(2020, 12, 1)
    verdict = compare(_claim(1, 70, same, rules), _claim(2, 500, same, rules), rules.metric("ii_platforms"))
    assert verdict.kind == "contradiction"
    assert verdict.reason == "the time windows overlap and the values 70 and 500 do not: ×7.14 within at most 31 days"
    far = compare(_claim(1, 70, same, rules), _claim(2, 50_000, date(2023, 12, 1), rules), rules.metric("ii_platforms"))
    assert far.kind == "implausible_growth" and "a year), above the declared ×3 a year" in far.reason


def test_factors_past_a_million_are_written_as_powers_of_ten() -> None:
    """A factor of about 10^138 was written out in 140 digits, wider than the page."""
    from iicheck.compare import _num

    assert [_num(x) for x in (2.5, 364, 12_500, 999_999, 4_895_975_221, 1.799e138, float("inf"))] == [
        "2.5", "364", "12,500", "999,999", "4.9 × 10⁹", "1.8 × 10¹³⁸", "∞"]


def test_figures_of_one_same_window_reconciled_by_growth_say_so(rules: Ruleset) -> None:
    """Two figures of the same month within the growth bound: "different dates: 2023-12 →
    2023-12" named no difference of dates."""
    from iicheck.compare import compare
    a, b = _claim(1, 3.37e6, date(2023, 12, 1), rules), _claim(2, 3.38e6, date(2023, 12, 1), rules)
    verdict = compare(a, b, rules.metric("ii_platforms"))
    assert verdict.kind == "dates"
    assert verdict.reason.startswith("the same dates (2023-12) allow the change, ×1 in at most 0.1 years")


def test_values_that_only_touch_say_where_not_times_one(rules: Ruleset) -> None:
    """A review: "2,000" and "nearly 2,000" on one day were "×1 within at most 1 day", and
    "exceeded 96 million" against "96 million" reconciled as "×1 in at most 0.1 years (×1 a
    year)"; the contradiction's details gave a yearly rate of 4.8e62 its message avoids."""
    from iicheck.compare import compare

    day = date(2023, 12, 31)
    exact = _claim(1, 2000, day, rules)
    nearly = exact.model_copy(update={"id": "s2:0-1", "source": "s2",
                                      "value": make_interval(2000, "nearly", 100.0, rules.qualifiers)})
    one_day = [c.model_copy(update={"time": TimeWindow(start=day, end=day, basis="explicit")}) for c in (exact, nearly)]
    verdict = compare(*one_day, rules.metric("ii_platforms"))
    assert verdict.kind == "contradiction" and verdict.rate is None
    assert verdict.reason == ("the time windows overlap and the values 2,000 and [1,800, 2,000) do not: "
                              "they meet only at 2,000, which one of them excludes")
    month = compare(exact, nearly, rules.metric("ii_platforms"))
    assert month.kind == "dates"
    assert month.reason == ("the same dates (2023-12-31 – 2024-01-30) allow the change: the values meet at 2,000, "
                            "which one of them excludes, the least change there is")
    far = compare(_claim(1, 70, day, rules), _claim(2, 500, day, rules), rules.metric("ii_platforms"))
    assert far.kind == "contradiction" and far.rate is None


def test_a_percentage_spelt_out_is_not_given_a_second_unit(rules: Ruleset) -> None:
    from iicheck.compare import figure_phrase

    claim = _claim(1, 62.2, date(2023, 1, 1), rules)
    assert figure_phrase(claim.model_copy(update={"figure": "62.2 percent", "unit": "%"})).startswith("“62.2 percent”")
    assert figure_phrase(claim.model_copy(update={"figure": "62.2 per cent", "unit": "%"})).startswith("“62.2 per cent”")
    assert figure_phrase(claim.model_copy(update={"figure": "62.2", "unit": "%"})).startswith("“62.2 %”")


def test_a_flow_is_compared_only_for_the_same_stated_period(tmp_path: Path) -> None:
    """A review: the value added of the first half, of a quarter and of five years were each a
    'contradiction' with the year's, and two different totals for 2023 were reconciled as growth
    within the year. Value added is a flow (rules/metrics.yaml `flow: true`)."""
    (tmp_path / "a.txt").write_text(
        "date 2024-03-01 In 2023, the added value of the core industrial internet industry reached 1.35 trillion "
        "yuan, official data show.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "date 2024-03-05 In the first half of 2023, the value added of the core industrial internet industry was "
        "640 billion yuan. In the fourth quarter of 2023, the core industry's value added came to 380 billion "
        "yuan. Over the five years from 2019 to 2023, the value added of the core industry totalled 5.2 trillion "
        "yuan.\n", encoding="utf-8")
    report = _run(tmp_path)
    assert len([c for c in report.claims if c.metric == "core_industry_value_added"]) == 4
    assert _conflicts(report) == []
    (tmp_path / "c.txt").write_text(
        "date 2024-03-08 In 2023, the added value of the core industrial internet industry was 1.0 trillion yuan, "
        "according to the academy's annual report.\n", encoding="utf-8")
    (found,) = [f for f in _run(tmp_path).findings if f.kind == "contradiction"]
    assert "both are totals for the same period (2023)" in found.message
    assert {e.figure for e in found.evidence} == {"1.35 trillion", "1.0 trillion"}
    # a year and the next: the change is held to the growth bound (x1.6 a year)
    (tmp_path / "c.txt").write_text(
        "date 2024-03-08 In 2022, the added value of the core industrial internet industry was 1.2 trillion yuan. "
        "In 2021, it was 0.5 trillion yuan, according to an earlier report on the core industry.\n", encoding="utf-8")
    report = _run(tmp_path)
    (growth,) = [f for f in report.findings if f.kind in ("contradiction", "implausible_growth")]
    assert growth.kind == "implausible_growth" and "totals for 2021 and 2022: ×2.4 in 1.0 years" in growth.message
    assert [r.reason.split(": ", 1)[1] for r in report.reconciled] == [
        "totals for 2022 and 2023: ×1.12 in 1.0 years (×1.13 a year), within the declared ×1.6 a year"]


def test_a_metric_cannot_be_a_flow_and_a_running_total(tmp_path: Path) -> None:
    import shutil

    from iicheck.errors import RuleFileError
    from iicheck.ruleset import load_ruleset

    shutil.copytree(RULES, tmp_path / "rules")
    metrics = tmp_path / "rules" / "metrics.yaml"
    metrics.write_text(metrics.read_text(encoding="utf-8").replace("    flow: true", "    flow: true\n    cumulative: true"),
                       encoding="utf-8")
    try:
        load_ruleset(tmp_path / "rules")
    except RuleFileError as err:
        assert "cannot be both `flow`" in err.problems[0].message and err.problems[0].hint
    else:
        raise AssertionError("a flow and cumulative metric was accepted")


def test_a_figure_with_no_date_at_all_is_told_so(rules: Ruleset) -> None:
    """A review: "cannot be dated closer than unknown (over 1,096 days)"."""
    from iicheck.checks import undated

    claim = _claim(1, 70, date(2020, 1, 1), rules).model_copy(
        update={"time": TimeWindow(start=None, end=None, basis="unknown")})
    (found,) = undated.check_claim(claim, rules)
    assert "has no date at all" in found.message and "unknown" not in found.message.split("(")[1]


def _regressions(tmp_path: Path, texts: dict[str, str]) -> list[tuple[str, ...]]:
    for name, (published, body) in texts.items():
        (tmp_path / f"{name}.txt").write_text(f"Title: {name}\nPublished: {published}\n\n{body}\n", encoding="utf-8")
    report = _run(tmp_path)
    return sorted(tuple(e.figure or "" for e in f.evidence) for f in report.findings if f.kind == "regression")


def test_a_later_figure_that_is_an_earlier_one_rounded_is_no_regression(tmp_path: Path) -> None:
    """The sixth news probe: "4.25 million" in an editorial after a ministry's "4.251 million" is
    the same figure rounded (at most half of the coarser step, 5,000, below it); "4.24 million"
    is a fall (two figures written to the same precision differ)."""
    found = _regressions(tmp_path, {
        "a": ("2025-01-20", "At the end of 2024, China had 4.251 million 5G base stations."),
        "b": ("2025-07-20", "China has 4.25 million 5G base stations."),
        "c": ("2025-09-20", "China has 4.24 million 5G base stations."),
        "d": ("2025-11-20", "China has 4,239,000 5G base stations."),
    })
    # "4,239,000" is "4.24 million" unrounded (no fall from it), a fall from the two before it
    assert found == [("4.25 million", "4,239,000"), ("4.25 million", "4.24 million"),
                     ("4.251 million", "4,239,000"), ("4.251 million", "4.24 million")]


def test_without_the_rounding_tolerance_a_rounded_figure_is_a_regression(tmp_path: Path, rules: Ruleset) -> None:
    a = _claim(1, 4_251_000, date(2024, 12, 1), rules)
    b = _claim(2, 4_250_000, date(2025, 3, 1), rules)
    b = b.model_copy(update={"value": make_interval(4_250_000, "exact", 10_000, rules.qualifiers)})
    metric = rules.metric("ii_platforms")
    from iicheck.compare import compare
    assert compare(a, b, metric, rounding_tolerance=True).kind == "agree"
    assert compare(a, b, metric, rounding_tolerance=False).kind == "regression"
    c = b.model_copy(update={"value": make_interval(4_240_000, "exact", 10_000, rules.qualifiers)})
    assert compare(a, c, metric, rounding_tolerance=True).kind == "regression"


@pytest.mark.parametrize(("earlier", "later", "kind"), [
    ((4_251_000, 1_000), (4_250_000, 10_000), "agree"),  # "4.25 million" after "4.251 million"
    ((4_250_000, 10_000), (4_246_000, 1_000), "agree"),  # the earlier was the rounding
    ((4_251_000, 1_000), (4_240_000, 10_000), "regression"),  # 11,000 below: more than half a step
    ((4_260_000, 10_000), (4_250_000, 10_000), "regression"),  # the same precision
    ((50, 10), (46, 1), "regression"),  # a round count is taken as exact (the review's cases)
    ((240, 10), (236, 1), "regression"),
    ((100_000_000, 10_000_000), (95_000_000, 1_000_000), "regression"),
    ((10_000, 1_000), (9_500, 100), "regression"),
])
def test_a_rounded_figure_is_no_fall_only_when_it_is_written_as_a_rounding(
        rules: Ruleset, earlier: tuple[int, int], later: tuple[int, int], kind: str) -> None:
    from iicheck.compare import compare
    a = _claim(1, earlier[0], date(2024, 1, 1), rules).model_copy(
        update={"value": make_interval(earlier[0], "exact", earlier[1], rules.qualifiers)})
    b = _claim(2, later[0], date(2025, 1, 1), rules).model_copy(
        update={"value": make_interval(later[0], "exact", later[1], rules.qualifiers)})
    assert compare(a, b, rules.metric("ii_platforms"), rounding_tolerance=True).kind == kind
