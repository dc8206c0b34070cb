"""The NewsQuant adapter and scorer (benchmarks/newsquant_eval.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from iicheck.ruleset import load_ruleset

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("newsquant_eval", ROOT / "benchmarks" / "newsquant_eval.py")
assert _spec is not None and _spec.loader is not None
nq = importlib.util.module_from_spec(_spec)
sys.modules["newsquant_eval"] = nq
_spec.loader.exec_module(nq)

# Value F1 measured when this guard was written was 92.8 (CQE published 92.0).
MEASURED_VALUE_F1 = 92.8

SAMPLE = [
    {"text": "Shares rose 5% to $30 after the company hired 200 people.",
     "quantities": [
         {"value": "5.0", "normalized_unit": "percentage", "change": "up", "unit": "%"},
         {"value": "30.0", "normalized_unit": "dollar", "change": "=", "unit": "$"},
         {"value": "200", "normalized_unit": "people", "change": "=", "unit": "people"}]},
    {"text": "Prices are expected to increase between 4% and 5% in 2024.",
     "quantities": [{"value": "4.0-5.0", "normalized_unit": "percentage", "change": "=", "unit": "%"}]},
    {"text": "The stadium holds nearly 40,000 fans and Section 427 is closed.",
     "quantities": [
         {"value": "40000", "normalized_unit": "fan", "change": "~", "unit": "fans"},
         {"value": "427", "normalized_unit": "-", "change": "=", "unit": "-"}]},
]


def test_parse_gold_value() -> None:
    assert nq.parse_gold_value("252.0-287.0") == (252.0, 287.0)
    assert nq.parse_gold_value("-1.3") == -1.3
    assert nq.parse_gold_value("1.99E-29") == 1.99e-29
    assert nq.parse_gold_value("3.0 - 4.0") == (3.0, 4.0)


def test_values_match() -> None:
    assert nq.values_match(1.0, 1.000001)
    assert not nq.values_match(1.0, 1.001)
    assert nq.values_match((1.0, 2.0), (1.0, 2.0))
    assert not nq.values_match((1.0, 2.0), 1.0)


def test_scorer_counts_on_a_tiny_sample() -> None:
    rules = load_ruleset(ROOT / "rules")
    counts = nq.evaluate(SAMPLE, rules)
    # Gold: 6 quantities. Predicted: 5%, $30, 200 people, 4-5%, nearly 40,000 ("Section 427"
    # is a name, and 2024 a year): 5 predictions, all with right values; the unit of
    # "40,000 fans" is right, and every change label too.
    assert (counts.gold, counts.predicted) == (6, 5)
    assert counts.value == 5
    assert counts.unit == 5
    assert counts.change == 5
    assert [g.value for _, g in counts.misses] == [427.0]
    assert counts.false_positives == []
    p, r, f = nq.scores(counts)["value"]
    assert (p, r) == (100.0, 83.3)
    assert f == 90.9


def test_one_prediction_serves_one_gold() -> None:
    counts = nq.Counts()
    gold = [nq.Quantity(5.0, "-", "="), nq.Quantity(5.0, "-", "=")]
    nq.score_sentence(gold, [nq.Quantity(5.0, "-", "=")], counts)
    assert (counts.value, counts.gold, counts.predicted) == (1, 2, 1)


@pytest.mark.skipif(not nq.DEFAULT_DATA.resolve().is_file(), reason="shared NewsQuant data absent")
def test_full_newsquant_regression_guard() -> None:
    import json

    items = json.loads(nq.DEFAULT_DATA.resolve().read_text(encoding="utf-8"))
    counts = nq.evaluate(items, load_ruleset(ROOT / "rules"))
    assert counts.gold == 904
    assert nq.scores(counts)["value"][2] >= MEASURED_VALUE_F1 - 1
