"""Rule files: the YAML rule cases (one test id each) and actionable errors for bad rules."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from iicheck.errors import RuleFileError
from iicheck.ruleset import Ruleset, load_ruleset
from iicheck.ruletests import LoadedCase, load_cases, run_case

from .conftest import RULES

CASES = load_cases(RULES / "tests", load_ruleset(RULES))


@pytest.mark.parametrize("loaded", CASES, ids=[c.id for c in CASES])
def test_rule_case(loaded: LoadedCase, rules: Ruleset) -> None:
    failures = run_case(loaded.case, rules)
    assert not failures, "\n".join(failures)


@pytest.fixture()
def rules_copy(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def _error(folder: Path) -> str:
    with pytest.raises(RuleFileError) as info:
        load_ruleset(folder)
    return info.value.render()


def test_unknown_key_is_reported_with_line_and_column(rules_copy: Path) -> None:
    path = rules_copy / "metrics.yaml"
    path.write_text(path.read_text().replace("    cumulative: true\n    max_growth_per_year: 3.0\n",
                                             "    cumulative: true\n    max_growth: 3.0\n", 1))
    message = _error(rules_copy)
    line = next(i for i, l in enumerate(path.read_text().splitlines(), 1) if "max_growth:" in l)
    assert f"metrics.yaml:{line}:5: metrics.0.max_growth: unknown key 'max_growth'" in message
    assert "hint:" in message and ">" in message


def test_duplicate_key_is_an_error(rules_copy: Path) -> None:
    path = rules_copy / "qualifiers.yaml"
    path.write_text(path.read_text().replace("nearly_factor: 0.9\n", "nearly_factor: 0.9\nnearly_factor: 0.8\n"))
    assert "duplicate key 'nearly_factor'" in _error(rules_copy)


def test_within_cycle_and_unknown_parent(rules_copy: Path) -> None:
    path = rules_copy / "metrics.yaml"
    text = path.read_text().replace("        default: true\n      - id: influential", "        within: cross_industry\n        default: true\n      - id: influential", 1)
    path.write_text(text)
    assert "'within' cycle" in _error(rules_copy)


def test_wrong_type_and_missing_file(rules_copy: Path) -> None:
    path = rules_copy / "extraction.yaml"
    path.write_text(path.read_text().replace("publication_lag_days: 90", "publication_lag_days: soon"))
    assert "extraction.yaml:" in _error(rules_copy) and "publication_lag_days" in _error(rules_copy)
    (rules_copy / "qualifiers.yaml").unlink()
    assert "required rule file is missing" in _error(rules_copy)


def test_catastrophic_pattern_is_refused_at_load(rules_copy: Path) -> None:
    (rules_copy / "quality.yaml").write_text(
        "version: 1\nartifacts:\n  - {id: evil, pattern: '(a+)+\\1', description: backreference}\n")
    message = _error(rules_copy)
    assert "quality.yaml:3:16:" in message and "not valid RE2" in message


def test_rounding_refinement_is_a_rule_switch(rules_copy: Path) -> None:
    from iicheck.ruletests import RuleCase, case_claims

    case = RuleCase(name="x", sentence="China has more than 1,000 industrial internet platforms.")
    assert case_claims(case, load_ruleset(rules_copy))[0].value.high == 1100
    path = rules_copy / "qualifiers.yaml"
    path.write_text(path.read_text().replace("single_digit_refine: true", "single_digit_refine: false"))
    assert case_claims(case, load_ruleset(rules_copy))[0].value.high == 2000


def test_checks_reference_page_is_fresh() -> None:
    """docs/checks.md is generated from the checks' docstrings: regenerate with `iicheck rules docs`."""
    from iicheck.checkdocs import checks_markdown

    page = Path(__file__).resolve().parents[1] / "docs" / "checks.md"
    assert page.read_text(encoding="utf-8") == checks_markdown()
