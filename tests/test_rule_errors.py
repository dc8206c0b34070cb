"""Errors in rule files: each names the faulty line and column, says what is wrong in the
file's terms (not pydantic's) and comes with a hint. Each case edits one line of a copy of
the bundled rules."""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path

import pytest

from iicheck import checks
from iicheck.errors import Problem, RuleFileError
from iicheck.ruleset import load_ruleset
from iicheck.ruletests import load_cases

from .conftest import RULES


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def _edit(folder: Path, name: str, old: str, new: str) -> int:
    """Replace the first `old` in `name` with `new`; the line where the change starts."""
    path = folder / name
    text = path.read_text(encoding="utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def _problem(folder: Path) -> Problem:
    """The first problem of loading the rules and then the rule tests."""
    with pytest.raises(RuleFileError) as info:
        load_cases(folder / "tests", load_ruleset(folder))
    problem = info.value.problems[0]
    assert problem.hint, problem.render()
    assert "Value error" not in problem.message and "Input should" not in problem.message
    return problem


# (file, old, new, column, words of the message); the error is on the edited line
CROSS_FIELD = {
    "m09 reversed range": ("metrics.yaml", "[1, 10000000000]", "[10000000000, 1]", 5,
                           "plausible_range: plausible_range must be [low, high]"),
    "m12 second metric id": ("metrics.yaml", "- id: connected_equipment", "- id: ii_platforms", 5,
                             "metrics.1.id: a second metric with the id 'ii_platforms'"),
    "m13 second definition id": ("metrics.yaml", "- id: cross_industry", "- id: influential", 9,
                                 "definitions.2.id: a second definition with the id 'influential'"),
    "m14 unknown within": ("metrics.yaml", "within: influential", "within: influentail", 9,
                           "definitions.2.within: definition 'cross_industry' is within 'influentail'"),
    "m15 within cycle": ("metrics.yaml", "within: all", "within: cross_industry", 9,
                         "definitions.1.within: definitions form a 'within' cycle"),
    "m16 two defaults": ("metrics.yaml", "        within: all\n", "        default: true\n        within: all\n", 9,
                         "definitions.1.default: definitions 'all' and 'influential' are both the default"),
    "m17 empty subject": ("metrics.yaml", "connecting]", "connecting, '']", 71,
                          "metrics.1.match.subjects.8: phrases must not be empty"),
    "m19 unknown scope": ("metrics.yaml", "exclude_scopes: [provinces, companies, world, sectors]",
                          "exclude_scopes: [provinces, companys, world, sectors]", 35,
                          "metrics.0.match.exclude_scopes.1: metric 'ii_platforms' excludes the scope 'companys'"),
    "m20 empty scope phrase": ("metrics.yaml", "Wuxi, ", "Wuxi, '', ", 76,
                               "scopes.provinces.67: phrases must not be empty"),
    "m21 empty home phrase": ("metrics.yaml", "CAICT, NBS,", "CAICT, '', NBS,", 88,
                              "home.26: phrases must not be empty"),
    "q18 blank phrase": ("qualifiers.yaml", "higher than]", "higher than, ' ']", 94,
                         "qualifiers.0.phrases.16: phrases must not be empty"),
}


@pytest.mark.parametrize("case", CROSS_FIELD.values(), ids=CROSS_FIELD.keys())
def test_cross_field_errors_point_at_the_faulty_field(folder: Path, case: tuple[str, str, str, int, str]) -> None:
    name, old, new, column, words = case
    line = _edit(folder, name, old, new)
    problem = _problem(folder)
    assert (problem.line, problem.column) == (line, column), problem.render()
    assert words in problem.message and f"  > {line:4d} | " in (problem.excerpt or "")


# (file, old, new, words of the message, words of the hint)
SCHEMA = {
    "bool": ("metrics.yaml", "cumulative: true", "cumulative: yes please",
             "expected true or false, got the text 'yes please'", "write true or false"),
    "literal": ("qualifiers.yaml", "kind: more_than", "kind: more_then",
                "expected 'more_than', 'at_least'", "did you mean 'more_than'? write one of: more_than, at_least"),
    "version": ("metrics.yaml", "version: 1", "version: 2", "version: expected 1, got the number 2",
                "this iicheck reads version 1 only"),
    "greater than": ("metrics.yaml", "max_growth_per_year: 3.0", "max_growth_per_year: 0.5",
                     "must be greater than 1, got the number 0.5", "write a number greater than 1"),
    "at least": ("extraction.yaml", "publication_lag_days: 90", "publication_lag_days: -5",
                 "must be at least 0", "write a number at least 0"),
    "unit after a number": ("extraction.yaml", "publication_lag_days: 90", "publication_lag_days: 90 days",
                            "expected a whole number, got the text '90 days'", "without 'days'"),
    "fraction": ("extraction.yaml", "inference_horizon_years: 2", "inference_horizon_years: 2.5",
                 "expected a whole number, got the number 2.5", "write a whole number"),
    "percent": ("qualifiers.yaml", "about_factor: 0.1", "about_factor: 10%",
                "expected a number, got the text '10%'", "10% is 0.1"),
    "thousands comma": ("extraction.yaml", "undated_max_days: 1096", "undated_max_days: 1,096",
                        "expected a whole number", "1096, not 1,096"),
    "list": ("quality.yaml", "artifacts: []", "artifacts: {id: x, pattern: a, description: d}",
             "artifacts: expected a list, got a mapping", "starting with '- '"),
    "mapping": ("qualifiers.yaml", ("rounding:\n  mode: last_significant_digit\n  single_digit_refine: true\n"
                                   "  regression_tolerance: true"),
                "rounding: last_significant_digit", "expected a mapping of `key: value` lines, got the text",
                "one per line"),
    "number as text": ("metrics.yaml", "second level]", "second level, 2]",
                       "cues.3: expected text, got the number 2", "quote it as written, e.g. '2'"),
    "No as text": ("extraction.yaml", "Room,", "Room, No,", "expected text, got false",
                   "YAML reads No/yes/on/off (any case) as true/false: quote it"),
    "nothing as text": ("metrics.yaml", "label: Industrial internet platforms", "label:",
                        "metrics.0.label: expected text, got nothing", "write a value after the colon"),
    "empty list": ("metrics.yaml", "units: [platform]", "units: []",
                   "expected at least 1 item, got a list of 0 items", "list the items"),
    "one number for a range": ("metrics.yaml", "[1, 100000]", "[1]",
                               "plausible_range: expected two numbers [low, high], got a list of 1 item",
                               "e.g. [1, 100000]"),
    "comma in a range": ("metrics.yaml", "[1, 100000]", "[1, 100,000]",
                         "expected two numbers [low, high], got a list of 3 items",
                         "100000, not 100,000 (inside [...] a comma starts a new item)"),
    "not a number": ("metrics.yaml", "[1, 100000]", "[.nan, 100000]",
                     "plausible_range.0: expected a finite number, got the number nan", "leave an optional key out"),
    "infinity": ("qualifiers.yaml", "nearly_factor: 0.9", "nearly_factor: .inf",
                 "expected a finite number, got the number inf", ".nan, .inf and -.inf are no bound"),
    "id": ("metrics.yaml", "id: ii_platforms", "id: II-Platforms", "'II-Platforms' is not a valid id",
           "lower-case letters, digits and _, starting with a letter, e.g. ii_platforms"),
}


@pytest.mark.parametrize("case", SCHEMA.values(), ids=SCHEMA.keys())
def test_schema_errors_say_what_was_given_and_how_to_fix_it(
        folder: Path, case: tuple[str, str, str, str, str]) -> None:
    name, old, new, words, hint = case
    line = _edit(folder, name, old, new)
    problem = _problem(folder)
    assert problem.line == line and words in problem.message and hint in (problem.hint or ""), problem.render()


def test_a_root_that_is_not_a_mapping_names_no_class(folder: Path) -> None:
    path = folder / "metrics.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[text.index("metrics:\n") + len("metrics:\n"):], encoding="utf-8")  # the list alone
    problem = _problem(folder)
    assert "(top level): expected a mapping of `key: value` lines, got a list of 12 items" in problem.message
    assert "MetricsFile" not in problem.render() and "version: 1" in (problem.hint or "")


@pytest.mark.parametrize("old, new, opened", [
    ("Internet of Things]", "Internet of Things", "(in the list [ opened on line {})"),
    ("{0,80}$'", "{0,80}$", "(after the quoted text opened on line {}: is its closing quote missing?)"),
], ids=["unclosed bracket", "unclosed quote"])
def test_a_yaml_error_names_where_the_bracket_or_quote_opened(folder: Path, old: str, new: str, opened: str) -> None:
    name = "metrics.yaml" if "Things" in old else "quality.yaml"
    line = _edit(folder, name, old, new)
    problem = _problem(folder)
    assert problem.line is not None and problem.line > line  # PyYAML notices later
    assert opened.format(line) in problem.message
    assert f"  > {line:4d} | " in (problem.excerpt or "") and f"  > {problem.line:4d} | " in (problem.excerpt or "")


def test_a_duplicate_key_in_a_list_item_suggests_a_missing_dash(folder: Path) -> None:
    line = _edit(folder, "metrics.yaml", "- id: influential", "  id: influential")
    problem = _problem(folder)
    assert (problem.line, problem.message) == (line, "duplicate key 'id'")
    assert "a missing '- ' starts no new item" in (problem.hint or "")


def test_an_unknown_check_name_is_an_error(folder: Path) -> None:
    line = _edit(folder, "metrics.yaml", "    plausible_range: [1, 100000]\n",
                 "    plausible_range: [1, 100000]\n    checks: {out_of_rnge: false}\n") + 1
    problem = _problem(folder)
    assert (problem.line, problem.message) == (line, "metrics.0.checks: unknown check 'out_of_rnge'")
    assert "did you mean 'out_of_range'?" in (problem.hint or "")
    assert ", ".join(sorted(checks.METRIC_SWITCHES)) in (problem.hint or "")


def test_the_switchable_checks_are_those_that_look_a_metric_up() -> None:
    """One source of truth: the kinds a metric's `checks:` may name are the checks whose code
    looks their KIND up there (directly, or through pairwise.conflicts)."""
    looked_up = {kind for kind, module in checks.CHECKS.items()
                 if "checks.get(KIND" in (source := inspect.getsource(module)) or "conflicts(" in source}
    assert "checks.get(kind" in inspect.getsource(checks.pairwise)
    assert checks.METRIC_SWITCHES == looked_up


def test_a_definition_whose_units_its_metric_never_matches_is_an_error(folder: Path) -> None:
    """Units are matched as lemmas: `sectors` in a definition matches `sector` in match.units;
    `sectr` matches none, so no figure could ever get this definition."""
    line = _edit(folder, "metrics.yaml", "units: [sector]", "units: [sectors]")
    load_ruleset(folder)
    _edit(folder, "metrics.yaml", "units: [sectors]", "units: [sectr]")
    problem = _problem(folder)
    assert problem.line == line and "definition 'sectors' can never be chosen" in problem.message


def test_one_phrase_under_two_qualifier_kinds_is_an_error(folder: Path) -> None:
    line = _edit(folder, "qualifiers.yaml", "short of]", "short of, over]")
    problem = _problem(folder)
    assert problem.line == line and "the phrase 'over' is listed for both more_than and less_than" in problem.message


@pytest.mark.parametrize("key", ["boilerplate", "artifacts"])
def test_two_patterns_with_one_id_are_an_error(folder: Path, key: str) -> None:
    if key == "artifacts":
        _edit(folder, "quality.yaml", "artifacts: []", "artifacts:\n  - {id: a, pattern: x, description: d}\n"
                                                       "  - {id: a, pattern: y, description: d}")
        line = next(i for i, text in enumerate((folder / "quality.yaml").read_text().splitlines(), 1)
                    if "pattern: y," in text)
    else:
        line = _edit(folder, "quality.yaml", "- id: byline", "- id: nav_line")
    problem = _problem(folder)
    assert problem.line == line and f"{key}.1.id: a second" in problem.message


@pytest.mark.parametrize("name, old, new, words", [
    ("figures.yaml", "metric: core_industry_value_added", "metric: core_industry_valueadded",
     "unknown metric 'core_industry_valueadded'"),
    ("platforms.yaml", "definition: influential}", "definition: influental}",
     "metric 'ii_platforms' has no definition 'influental'"),
    ("platforms.yaml", "qualifier: more_than, unit", "qualifier: more-than, unit", "got the text 'more-than'"),
    ("platforms.yaml", "name: all platforms and influential ones in one sentence",
     "name: influential platforms, over 70", "a second case with the name 'influential platforms, over 70'"),
    ("figures.yaml", "version: 1", "version: 2", "version: expected 1"),
    ("figures.yaml", 'figure: "49"', "figure: 49", "figure: expected text, got the number 49"),
])
def test_rule_test_mistakes_are_errors(folder: Path, name: str, old: str, new: str, words: str) -> None:
    line = _edit(folder, f"tests/{name}", old, new)
    problem = _problem(folder)
    assert problem.path.endswith(name) and problem.line == line and words in problem.message, problem.render()


def test_a_byte_that_is_not_utf8_is_located(folder: Path) -> None:
    path = folder / "metrics.yaml"
    label = "label: Industrial internet platforms"
    line = path.read_text(encoding="utf-8").split(label)[0].count("\n") + 1
    path.write_bytes(path.read_bytes().replace(label.encode(), f"{label} \u2013 all".encode("cp1252"), 1))
    problem = _problem(folder)
    assert (problem.line, problem.column) == (line, 42) and "byte 0x96" in problem.message


@pytest.mark.parametrize("text, words", [("", "the file is empty"),
                                         ("# nothing yet\n", "the file holds only comments")])
def test_an_empty_rule_file_says_so_at_line_1(folder: Path, text: str, words: str) -> None:
    (folder / "metrics.yaml").write_text(text, encoding="utf-8")
    problem = _problem(folder)
    assert (problem.line, problem.message) == (1, words) and "version: 1" in (problem.hint or "")


@pytest.mark.parametrize("old,new", [
    ("  - id: nav_line\n", "  - id: page_tail\n"),
    ("artifacts: []\n", "artifacts: [{id: code, pattern: 'X[0-9]+', description: codes}]\n"),
])
def test_a_pattern_may_not_take_a_built_in_rule_s_name(folder: Path, old: str, new: str) -> None:
    line = _edit(folder, "quality.yaml", old, new)
    problem = _problem(folder)
    assert problem.line == line and "is the name of a built-in" in problem.message
    assert "another id" in (problem.hint or "")


def test_the_reserved_names_are_the_built_in_rules() -> None:
    from iicheck.checks import artifact, boilerplate
    from iicheck.ruleset.models import BUILTIN_ARTIFACTS, BUILTIN_BOILERPLATE

    assert BUILTIN_ARTIFACTS == tuple(name for name, _, _ in artifact.BUILTIN)
    assert BUILTIN_BOILERPLATE == (boilerplate.MASTHEAD, boilerplate.SECTION_LABEL, boilerplate.PAGE_NUMBER,
                                   boilerplate.REPEATED_LINE, boilerplate.PAGE_TAIL)


def test_a_bad_pattern_is_explained_in_words(folder: Path) -> None:
    """RE2's reason, not the bytes repr of it (it read "b'missing ): ...'")."""
    line = _edit(folder, "quality.yaml", "  - id: menu_line\n    pattern: '", "  - id: menu_line\n    pattern: '(open")
    problem = _problem(folder)
    assert problem.line == line + 1 and "is not valid RE2: missing )" in problem.message
    assert "b'" not in problem.message


def test_rules_given_as_a_file_names_its_folder(folder: Path) -> None:
    with pytest.raises(RuleFileError) as info:
        load_ruleset(folder / "metrics.yaml")
    (problem,) = info.value.problems
    assert problem.message == "--rules takes the rules folder, not one of its files"
    assert problem.hint == f"pass --rules {folder} (the folder holding metrics.yaml)"
