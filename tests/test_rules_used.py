"""The rules a report states it used (`Report.rules`, section 7 of the HTML and PDF report)."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from iicheck.checks import CHECKS
from iicheck.engine import AuditOptions, audit
from iicheck.render.html import render_html, setting_value
from iicheck.ruleset import Ruleset, load_ruleset
from iicheck.rules_used import rules_used

from .conftest import RULES, SEEDS


def test_states_the_repository_rules(rules: Ruleset) -> None:
    used = rules_used(rules)
    assert [c.kind for c in used.checks] == sorted(CHECKS)
    contradiction = next(c for c in used.checks if c.kind == "contradiction")
    assert contradiction.severity == "error" and contradiction.summary.startswith("Two figures for the same thing")
    assert [m.id for m in used.metrics] == [m.id for m in rules.metrics]
    platforms = used.metrics[0]
    assert platforms.id == "ii_platforms" and "platform" in platforms.units
    assert [(d.id, d.within) for d in platforms.definitions] == [
        ("all", None), ("influential", "all"), ("cross_industry", "influential"), ("world_class", "influential")]
    assert used.folder == "rules" and used.off_topic == "lexical"
    assert [(f.name, f.sha256) for f in used.files] == [
        (name, hashlib.sha256((RULES / name).read_bytes()).hexdigest())
        for name in ("metrics.yaml", "qualifiers.yaml", "extraction.yaml", "quality.yaml")]
    examples = {(q.kind, q.position, q.phrases[0]): q.example for q in used.qualifiers}
    assert examples[("more_than", "before", "more than")] == "\u201cmore than 150\u201d \u2192 (150, 160)"
    # a rule's high_factor is applied: "well over" is clearly more, up to double
    assert examples[("more_than", "before", "well over")] == "\u201cwell over 150\u201d \u2192 (150, 300)"
    assert examples[("nearly", "before", "nearly")] == "\u201cnearly 150\u201d \u2192 [135, 150)"
    assert examples[("at_least", "after", "or more")] == "\u201c150 or more\u201d \u2192 [150, 160)"
    settings = {(s.file, s.key): s.value for s in used.settings}
    assert settings[("extraction.yaml", "time.publication_lag_days")] == 90
    assert settings[("qualifiers.yaml", "nearly_factor")] == 0.9
    assert "will" in settings[("extraction.yaml", "target_cues")]  # type: ignore[operator]
    assert settings[("quality.yaml", "boilerplate")][:2] == ("nav_line", "byline")  # type: ignore[index]
    # what has a table of its own is not repeated as a setting
    assert not {k for _, k in settings} & {"version", "qualifiers", "terminology", "metrics"}
    assert [t.preferred for t in used.terminology] == [t.preferred for t in rules.quality.terminology]
    assert rules_used(rules, semantic=True).off_topic == "semantic"


def test_follows_edits_of_the_rule_files(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    qualifiers = folder / "qualifiers.yaml"
    qualifiers.write_text(qualifiers.read_text(encoding="utf-8").replace("nearly_factor: 0.9", "nearly_factor: 0.8"),
                          encoding="utf-8")
    metrics = folder / "metrics.yaml"
    text = metrics.read_text(encoding="utf-8")
    metrics.write_text(text.replace("    max_growth_per_year: 3.0\n",
                                    "    max_growth_per_year: 3.0\n    checks: {regression: false}\n", 1),
                       encoding="utf-8")
    (folder / "extraction.yaml").unlink()
    used = rules_used(load_ruleset(folder))
    nearly = next(q for q in used.qualifiers if q.kind == "nearly")
    assert nearly.example.endswith("[120, 150)")  # the audit's own interval code, with the new factor
    assert next(c for c in used.checks if c.kind == "regression").off_for == ("ii_platforms",)
    assert used.metrics[0].checks_off == ("regression",)
    assert {f.name: f.sha256 for f in used.files}["extraction.yaml"] is None
    settings = {(s.file, s.key): s.value for s in used.settings}
    assert settings[("extraction.yaml", "time.publication_lag_days")] == 90  # the defaults apply
    assert settings[("extraction.yaml", "target_cues")] == ()


def test_an_audit_report_carries_its_rules() -> None:
    report = audit(AuditOptions(sources=(SEEDS,), rules=RULES)).report
    assert report.rules == rules_used(load_ruleset(RULES))
    assert report.model_dump(mode="json")["rules"]["metrics"][0]["id"] == "ii_platforms"


@pytest.fixture(scope="module")
def seeds_html() -> str:
    return render_html(audit(AuditOptions(sources=(SEEDS,), rules=RULES)).report)


def test_section_7_shows_every_check_metric_and_setting(seeds_html: str, rules: Ruleset) -> None:
    section = seeds_html[seeds_html.index('<section id="rules"'):]
    assert "placeholder" not in section
    assert f"version <code>{rules.version}</code>" in section
    for kind in CHECKS:
        assert f"<td><code>{kind}</code></td>" in section
    # the findings column counts this report's findings of each kind
    row = re.search(r"<td><code>unmapped_figure</code></td>.*?</tr>", section, re.S)
    assert row and '<td class="num">23</td>' in row.group(0)
    for metric in rules.metrics:
        assert f"<code>{metric.id}</code><br>{metric.label.replace(chr(34), '&#34;')}" in section
    assert "\u201cnearly 150\u201d \u2192 [135, 150)" in section
    assert "<code>time.publication_lag_days</code></td><td>90</td>" in section
    assert "logo analysis" in section and "identifier resolution" in section
    assert hashlib.sha256((RULES / "metrics.yaml").read_bytes()).hexdigest() in section


def test_setting_values_as_shown() -> None:
    assert setting_value(("been down", ", down", "(c)", "No.", "5G")) == \
        "been down, \u201c, down\u201d, \u201c(c)\u201d, No., 5G"
    assert [setting_value(v) for v in (True, False, 0.9, 1096, "last_significant_digit", ("a", "b"), ())] == [
        "yes", "no", "0.9", "1,096", "last_significant_digit", "a, b", "none"]


def test_the_same_under_python_minus_OO(rules: Ruleset) -> None:
    """-OO drops docstrings, from which each check's summary comes: the report must not change."""
    code = ("import sys; from pathlib import Path; from iicheck.ruleset import load_ruleset; "
            "from iicheck.rules_used import rules_used; "
            "sys.stdout.write(rules_used(load_ruleset(Path(sys.argv[1]))).model_dump_json())")
    out = subprocess.run([sys.executable, "-OO", "-c", code, str(RULES)], capture_output=True, text=True, check=True,
                         cwd=RULES.parent).stdout
    assert out == rules_used(rules).model_dump_json()
