"""Rule tests: YAML cases (a sentence, its publication date, the claims it must or must not yield).

Cases live in `rules/tests/*.yaml` and run both under pytest (one test id per case) and as
`iicheck rules test`. An `expect` entry must match one claim on every key it gives; a `reject`
entry must match no claim. Keys: figure, metric, definition, qualifier, low, high, unit,
modality, time_start, time_end, basis.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, model_validator

from .claims import source_claims
from .errors import Problem, RuleFileError
from .models import Basis, Claim, Frozen, Modality, Qualifier, Source, SourceInfo, TimeWindow
from .ruleset import Ruleset
from .ruleset.models import require_unique
from .yamlfile import LocatedYaml, did_you_mean, load_yaml, validate


class ClaimPattern(Frozen):
    figure: str | None = None
    metric: str | None = None
    definition: str | None = None
    qualifier: Qualifier | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    modality: Modality | None = None
    time_start: date | None = None
    time_end: date | None = None
    basis: Basis | None = None


class RuleCase(Frozen):
    name: str
    sentence: str = Field(min_length=1)
    published: date | None = None
    expect: list[ClaimPattern] = []
    reject: list[ClaimPattern] = []
    exact: bool = Field(default=False, description="no claims other than those expected")


class RuleCaseFile(Frozen):
    version: Literal[1] = 1
    cases: list[RuleCase]

    @model_validator(mode="after")
    def _unique(self) -> RuleCaseFile:
        require_unique("case", "cases", [c.name for c in self.cases], "name")  # names are test ids
        return self


@dataclass(frozen=True)
class LoadedCase:
    file: str
    line: int
    case: RuleCase

    @property
    def id(self) -> str:
        return f"{Path(self.file).stem}::{self.case.name}"


def load_cases(folder: Path, rules: Ruleset) -> list[LoadedCase]:
    """The cases of every file in `folder`; a metric or definition that `rules` do not have
    is an error (such a case could never pass, nor a `reject` fail)."""
    cases: list[LoadedCase] = []
    for path in sorted(folder.glob("*.yaml")):
        located = load_yaml(path, RuleFileError)
        parsed = validate(located, RuleCaseFile, RuleFileError)
        problems = _unknown_names(parsed, located, rules)
        if problems:
            raise RuleFileError(problems)
        for i, case in enumerate(parsed.cases):
            mark = located.locate(("cases", i))
            cases.append(LoadedCase(str(path), mark[0] if mark else 0, case))
    return cases


def _unknown_names(parsed: RuleCaseFile, located: LocatedYaml, rules: Ruleset) -> list[Problem]:
    problems = []
    for i, case in enumerate(parsed.cases):
        for key, patterns in (("expect", case.expect), ("reject", case.reject)):
            for j, pattern in enumerate(patterns):
                loc = ("cases", i, key, j)
                metric = rules.metric_by_id.get(pattern.metric or "")
                if pattern.metric is not None and metric is None:
                    problems.append(located.problem(
                        (*loc, "metric"), f"{'.'.join(map(str, loc))}.metric: unknown metric {pattern.metric!r}",
                        did_you_mean(pattern.metric, rules.metric_by_id)
                        + "known metrics: " + ", ".join(sorted(rules.metric_by_id))))
                    continue
                known = {d.id for m in ([metric] if metric else rules.metrics) for d in m.definitions}
                if pattern.definition is not None and pattern.definition not in known:
                    whose = f"metric {metric.id!r}" if metric else "any metric"
                    problems.append(located.problem(
                        (*loc, "definition"),
                        f"{'.'.join(map(str, loc))}.definition: {whose} has no definition {pattern.definition!r}",
                        did_you_mean(pattern.definition, known)
                        + f"definitions of {whose}: " + (", ".join(sorted(known)) or "none")))
    return problems


def _matches(claim: Claim, pattern: ClaimPattern) -> bool:
    actual: dict[str, Any] = {
        "figure": claim.figure, "metric": claim.metric, "definition": claim.definition,
        "qualifier": claim.value.qualifier, "low": claim.value.low, "high": claim.value.high,
        "unit": claim.unit, "modality": claim.modality, "time_start": claim.time.start,
        "time_end": claim.time.end, "basis": claim.time.basis,
    }
    return all(actual[key] == want for key, want in pattern.model_dump(exclude_unset=True).items())


def case_claims(case: RuleCase, rules: Ruleset) -> list[Claim]:
    published = case.published
    window = TimeWindow(start=published, end=published, basis="metadata" if published else "unknown",
                        note="rule test case")
    info = SourceInfo(id="case", file="case.txt", published=window, chars=len(case.sentence), sha256="")
    return source_claims(Source(info=info, text=case.sentence), rules)


def run_case(case: RuleCase, rules: Ruleset) -> list[str]:
    """Failure messages for one case (empty when it passes)."""
    claims = case_claims(case, rules)
    failures = []
    for pattern in case.expect:
        if not any(_matches(c, pattern) for c in claims):
            failures.append(f"expected a claim {pattern.model_dump(exclude_unset=True, mode='json')}")
    for pattern in case.reject:
        bad = [c for c in claims if _matches(c, pattern)]
        if bad:
            failures.append(f"must not yield {pattern.model_dump(exclude_unset=True, mode='json')}"
                            f" but got {bad[0].figure!r}")
    if case.exact:
        extra = [c for c in claims if not any(_matches(c, p) for p in case.expect)]
        failures += [f"unexpected claim {c.figure!r} ({c.metric}/{c.definition})" for c in extra]
    if failures:
        got = "; ".join(f"{c.figure!r}={c.value.qualifier} {c.metric}/{c.definition} "
                        f"{c.time.start}..{c.time.end} {c.modality}" for c in claims) or "no claims"
        failures.append(f"claims found: {got}")
    return failures
