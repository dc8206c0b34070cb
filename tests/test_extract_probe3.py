"""Figures a third probe pass (/tmp/probe_extract2) still read wrongly: the sentences and
publication days are the probe's, with variants that must keep their old reading."""

from __future__ import annotations

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
