"""Load a rules folder into one validated, compiled `Ruleset` (all errors reported at once)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from ..errors import Problem, RuleFileError
from ..yamlfile import LocatedYaml, did_you_mean, load_yaml, validate
from .models import ExtractionFile, Metric, MetricsFile, QualifiersFile, QualityFile
from .patterns import UserPattern, compile_user_pattern

RULE_FILES = ("metrics.yaml", "qualifiers.yaml", "extraction.yaml", "quality.yaml")
REQUIRED = ("metrics.yaml", "qualifiers.yaml")


def phrase_regex(phrases: list[str]) -> re.Pattern[str]:
    """Case-insensitive whole-word matcher for literal phrases, longest first."""
    parts = sorted({p.strip().lower() for p in phrases}, key=lambda p: (-len(p), p))
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts) or r"(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class Ruleset:
    """Everything the pipeline needs from `rules/`, validated and compiled once.

    Compared and hashed by identity, so compiled matchers can be cached per ruleset.
    """

    path: Path
    metrics: tuple[Metric, ...]
    qualifiers: QualifiersFile
    extraction: ExtractionFile
    quality: QualityFile
    version: str
    artifact_patterns: tuple[UserPattern, ...] = ()
    boilerplate_patterns: tuple[UserPattern, ...] = ()
    metric_by_id: dict[str, Metric] = field(default_factory=dict)
    scopes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """metrics.yaml's `scopes`: the phrases of each named scope (see MetricMatch.exclude_scopes)."""
    home: tuple[str, ...] = ()
    """metrics.yaml's `home`: the phrases that name the scope the metrics count (see Claim.scope_basis)."""
    files: tuple[tuple[str, str | None], ...] = ()
    """(name, SHA-256 of its bytes, or None when absent) of each of RULE_FILES, in that order."""

    def metric(self, metric_id: str) -> Metric:
        return self.metric_by_id[metric_id]


def _read(folder: Path, name: str, model: type[BaseModel],
          problems: list[Problem]) -> tuple[object, LocatedYaml | None]:
    path = folder / name
    if not path.exists():
        if name in REQUIRED:
            problems.append(Problem(str(path), "required rule file is missing",
                                    hint=f"copy {name} from the iicheck repository's rules/ folder"))
        return model.model_validate({"version": 1, **({"metrics": []} if name == "metrics.yaml" else {}),
                                     **({"qualifiers": []} if name == "qualifiers.yaml" else {})}), None
    try:
        located = load_yaml(path, RuleFileError)
        return validate(located, model, RuleFileError), located
    except RuleFileError as exc:
        problems.extend(exc.problems)
        return None, None


def _metric_problems(metrics: MetricsFile, located: LocatedYaml) -> list[Problem]:
    """What the models cannot see alone: a name in `checks` that no check looks up, and a
    definition whose units no figure of its metric can have (a figure is of a metric only
    when its unit noun is among the metric's `match.units`; both compared as lemmas)."""
    from ..checks import METRIC_SWITCHES  # imported here: the checks and the extractor import this package
    from ..extract import lemma

    problems = []
    for i, metric in enumerate(metrics.metrics):
        for name in metric.checks:
            if name not in METRIC_SWITCHES:
                problems.append(located.problem(
                    ("metrics", i, "checks", name), f"metrics.{i}.checks: unknown check {name!r}",
                    did_you_mean(str(name), METRIC_SWITCHES)
                    + "the checks a metric can switch off: " + ", ".join(sorted(METRIC_SWITCHES))))
        units = {lemma(u) for u in metric.match.units}
        for j, definition in enumerate(metric.definitions):
            if definition.units and not units & {lemma(u) for u in definition.units}:
                problems.append(located.problem(
                    ("metrics", i, "definitions", j, "units"),
                    f"metrics.{i}.definitions.{j}.units: definition {definition.id!r} can never be chosen: "
                    f"none of its units is among the metric's match.units ({', '.join(metric.match.units)})",
                    "list units of match.units here (singular or plural), or add them to match.units"))
    return problems


def load_ruleset(folder: Path) -> Ruleset:
    """Read and validate every rule file in `folder`; raise RuleFileError listing all problems."""
    if folder.is_file():
        raise RuleFileError(Problem(str(folder), "--rules takes the rules folder, not one of its files",
                                    hint=f"pass --rules {folder.parent} (the folder holding metrics.yaml)"))
    if not folder.is_dir():
        raise RuleFileError(Problem(str(folder), "rules folder not found",
                                    hint="pass --rules DIR pointing at a folder with metrics.yaml"))
    problems: list[Problem] = []
    metrics, metrics_yaml = _read(folder, "metrics.yaml", MetricsFile, problems)
    qualifiers, _ = _read(folder, "qualifiers.yaml", QualifiersFile, problems)
    extraction, _ = _read(folder, "extraction.yaml", ExtractionFile, problems)
    quality, quality_yaml = _read(folder, "quality.yaml", QualityFile, problems)
    artifact_patterns: list[UserPattern] = []
    boilerplate_patterns: list[UserPattern] = []
    if isinstance(quality, QualityFile) and quality_yaml is not None:
        for key, rules, out in (("artifacts", quality.artifacts, artifact_patterns),
                                ("boilerplate", quality.boilerplate, boilerplate_patterns)):
            for i, rule in enumerate(rules):
                try:
                    out.append(compile_user_pattern(rule.id, rule.pattern))
                except ValueError as exc:
                    problems.append(quality_yaml.problem((key, i, "pattern"), str(exc),
                                                         "RE2 syntax: no backreferences or lookaround"))
    if isinstance(metrics, MetricsFile) and metrics_yaml is not None:
        problems += _metric_problems(metrics, metrics_yaml)
    if problems:
        raise RuleFileError(problems)
    assert isinstance(metrics, MetricsFile) and isinstance(qualifiers, QualifiersFile)
    assert isinstance(extraction, ExtractionFile) and isinstance(quality, QualityFile)
    digest = hashlib.sha256()
    files: list[tuple[str, str | None]] = []
    for name in RULE_FILES:
        path = folder / name
        if path.exists():
            data = path.read_bytes()
            digest.update(name.encode() + b"\0" + data + b"\0")
            files.append((name, hashlib.sha256(data).hexdigest()))
        else:
            files.append((name, None))
    return Ruleset(
        path=folder,
        metrics=tuple(metrics.metrics),
        qualifiers=qualifiers,
        extraction=extraction,
        quality=quality,
        version=digest.hexdigest()[:12],
        artifact_patterns=tuple(artifact_patterns),
        boilerplate_patterns=tuple(boilerplate_patterns),
        metric_by_id={m.id: m for m in metrics.metrics},
        scopes={name: tuple(phrases) for name, phrases in metrics.scopes.items()},
        home=tuple(metrics.home),
        files=tuple(files),
    )
