"""The rules an audit applied, as its report states them (`Report.rules`; section 7 of the HTML
and PDF report).

A pure function of the loaded rules and the off-topic mode: the checks that ran (the check
registry, each with the first line of its documentation), the metrics with what a figure must
say to count as one and the limits the checks apply, the qualifier phrases with the interval
each gives (worked out by `intervals.make_interval`, so the report cannot describe an interval
the audit does not use), the terminology, every other setting of the rule files, and the
SHA-256 of each file. A reader of the report, or of its JSON, can tell which rules produced
its findings without the rules folder at hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from pydantic import BaseModel

from .checkdocs import check_docs
from .checks import METRIC_SWITCHES
from .intervals import describe, make_interval
from .models import (CheckUsed, Severity, DefinitionUsed, MetricUsed, QualifierUsed, RuleFileUsed, RulesUsed, ScopeUsed, SettingUsed,
                     TermUsed)
from .ruleset import Ruleset
from .ruleset.models import Metric, QualifierRule
from .sources import display_path

EXAMPLE_FIGURE = 150
"""The stated figure of the qualifier examples ("more than 150" -> (150, 160))."""
_SHOWN_ELSEWHERE = {
    "qualifiers.yaml": {"version", "qualifiers"},
    "extraction.yaml": {"version"},
    "quality.yaml": {"version", "terminology"},
}
"""The keys of each file that are not settings: the version, and what has a table of its own."""


def rules_used(rules: Ruleset, semantic: bool = False) -> RulesUsed:
    """What the report says about the rules of an audit (see the module docstring)."""
    return RulesUsed(
        checks=tuple(_check(kind, severity, doc, rules.metrics) for kind, severity, doc in check_docs()),
        files=tuple(RuleFileUsed(name=name, sha256=sha) for name, sha in rules.files),
        folder=display_path(rules.path),
        home=rules.home,
        metrics=tuple(map(_metric, rules.metrics)),
        off_topic="semantic" if semantic else "lexical",
        qualifiers=tuple(_qualifier(rule, rules) for rule in rules.qualifiers.qualifiers),
        scopes=tuple(ScopeUsed(name=name, phrases=phrases) for name, phrases in rules.scopes.items()),
        settings=tuple(_settings(rules)),
        terminology=tuple(TermUsed(preferred=t.preferred, variants=tuple(t.variants),
                                   context=tuple(t.context), not_in=tuple(t.not_in))
                          for t in rules.quality.terminology),
    )


def _check(kind: str, severity: str, doc: str, metrics: tuple[Metric, ...]) -> CheckUsed:
    title = doc.partition("\n")[0]
    summary = title.split("\u2014", 1)[-1].strip().rstrip(".")
    off = tuple(m.id for m in metrics if kind in METRIC_SWITCHES and m.checks.get(kind) is False)
    return CheckUsed(kind=kind, severity=cast(Severity, severity), summary=summary[:1].upper() + summary[1:],
                     off_for=off)


def _metric(metric: Metric) -> MetricUsed:
    return MetricUsed(
        id=metric.id, label=metric.label, unit=metric.unit, units=tuple(metric.match.units),
        subjects=tuple(metric.match.subjects), exclude=tuple(metric.match.exclude),
        exclude_scopes=tuple(metric.match.exclude_scopes),
        cumulative=metric.cumulative, flow=metric.flow, max_growth_per_year=metric.max_growth_per_year,
        plausible_range=metric.plausible_range,
        checks_off=tuple(sorted(kind for kind, on in metric.checks.items() if not on)),
        definitions=tuple(DefinitionUsed(id=d.id, label=d.label, cues=tuple(d.cues), units=tuple(d.units),
                                         within=d.within, default=d.default) for d in metric.definitions),
    )


def _qualifier(rule: QualifierRule, rules: Ruleset) -> QualifierUsed:
    """The rule with the interval its first phrase gives 150 (rounding step 10: the step of
    150's last significant digit)."""
    phrase = rule.phrases[0]
    interval = describe(make_interval(EXAMPLE_FIGURE, rule.kind, 10, rules.qualifiers,
                                      high_factor=rule.high_factor))
    stated = f"{phrase} {EXAMPLE_FIGURE}" if rule.position == "before" else f"{EXAMPLE_FIGURE} {phrase}"
    return QualifierUsed(kind=rule.kind, phrases=tuple(rule.phrases), position=rule.position,
                         example=f"\u201c{stated}\u201d \u2192 {interval}")


def _settings(rules: Ruleset) -> Iterator[SettingUsed]:
    """Every other value of the rule files, file by file in the order the fields are declared
    (defaults included: they apply whether or not the file writes them)."""
    for file, model in (("qualifiers.yaml", rules.qualifiers), ("extraction.yaml", rules.extraction),
                        ("quality.yaml", rules.quality)):
        for key, value in _leaves(model, ""):
            if key.split(".", 1)[0] not in _SHOWN_ELSEWHERE[file]:
                yield SettingUsed(file=file, key=key, value=value)


def _leaves(model: BaseModel, prefix: str) -> Iterator[tuple[str, bool | int | float | str | tuple[str, ...]]]:
    for name in type(model).model_fields:
        value = getattr(model, name)
        key = prefix + name
        if isinstance(value, BaseModel):
            yield from _leaves(value, key + ".")
        elif isinstance(value, list):
            # phrases as written; lists of rules by their ids (their patterns are in the file)
            yield key, tuple(str(getattr(item, "id", item)) for item in value)
        elif isinstance(value, (bool, int, float, str)):
            yield key, value
        else:
            yield key, str(value)
