"""Load a rules folder into one validated, compiled `Ruleset` (all errors reported at once)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from ..errors import Problem, RuleFileError
from ..yamlfile import LocatedYaml, load_yaml, validate
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


def load_ruleset(folder: Path) -> Ruleset:
    """Read and validate every rule file in `folder`; raise RuleFileError listing all problems."""
    if not folder.is_dir():
        raise RuleFileError(Problem(str(folder), "rules folder not found",
                                    hint="pass --rules DIR pointing at a folder with metrics.yaml"))
    problems: list[Problem] = []
    metrics, _ = _read(folder, "metrics.yaml", MetricsFile, problems)
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
    if problems:
        raise RuleFileError(problems)
    assert isinstance(metrics, MetricsFile) and isinstance(qualifiers, QualifiersFile)
    assert isinstance(extraction, ExtractionFile) and isinstance(quality, QualityFile)
    digest = hashlib.sha256()
    for name in RULE_FILES:
        path = folder / name
        if path.exists():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
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
    )
