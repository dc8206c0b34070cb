"""Pydantic models of the rule files in `rules/` (strict: unknown keys are errors).

- `metrics.yaml`: what is counted (MetricsFile)
- `qualifiers.yaml`: phrases such as "more than" and the interval each implies (QualifiersFile)
- `extraction.yaml`: modality cues and time settings (ExtractionFile)
- `quality.yaml`: topic vocabulary, preferred terms, artifact and boilerplate patterns (QualityFile)
docs/rules.md documents every key with an example.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ..yamlfile import ID_PATTERN, LocatedValueError

Identifier = str
QualifierKind = Literal["more_than", "at_least", "nearly", "about", "up_to", "less_than"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


def _non_empty_phrases(values: list[str]) -> list[str]:
    for i, value in enumerate(values):
        if not value.strip():
            raise LocatedValueError("phrases must not be empty", i,
                                    hint="write the phrase, or remove the empty item ('' or ' ')")
    return values


BUILTIN_ARTIFACTS = ("code", "markup", "mojibake", "tracking", "script", "control", "placeholder", "pdf_debris",
                     "file_name")
"""The artifact check's built-in detectors (checks/artifact.py): no artifact pattern may take
their names, which findings carry as details.pattern."""
BUILTIN_BOILERPLATE = ("masthead", "section_label", "page_number", "repeated_line", "page_tail")
"""The boilerplate check's built-in structural rules (checks/boilerplate.py), likewise."""


def refuse_builtin_names(check: str, key: str, ids: Sequence[str], builtin: Sequence[str]) -> None:
    """Raise at the first pattern id under `key` that is the name of one of the `check` check's
    built-in rules (its findings would merge with that rule's)."""
    for i, value in enumerate(ids):
        if value in builtin:
            raise LocatedValueError(f"{value!r} is the name of a built-in {check} rule", key, i, "id",
                                    hint=f"give this {check} pattern another id (built-in: {', '.join(builtin)})")


def require_unique(what: str, key: str, values: Sequence[str], field: str = "id") -> None:
    """Raise at the second of two equal `field` values of the items listed under `key`."""
    seen: set[str] = set()
    for i, value in enumerate(values):
        if value in seen:
            raise LocatedValueError(f"a second {what} with the {field} {value!r}", key, i, field,
                                    hint=f"each {what} needs its own {field}: rename or remove one of them")
        seen.add(value)


class Definition(Strict):
    """A scope of a metric ("platforms with influence"), selected by cue phrases."""

    id: Identifier = Field(pattern=ID_PATTERN)
    label: str
    cues: list[str] = []
    units: list[str] = Field(default=[], description="only figures with these unit nouns")
    within: Identifier | None = Field(default=None, description="the definition this one is part of")
    default: bool = Field(default=False, description="used when no definition's cue matches")

    _check_cues = field_validator("cues", "units")(_non_empty_phrases)


class MetricMatch(Strict):
    """How a figure is recognised as this metric."""

    units: list[str] = Field(min_length=1, description="unit nouns (singular or plural)")
    subjects: list[str] = Field(default=[], description="phrases that name what is counted")
    exclude: list[str] = Field(default=[], description="phrases in the sentence that veto the match")
    exclude_scopes: list[Identifier] = Field(
        default=[], description="names of `scopes` (metrics.yaml): a phrase of one before the figure in "
                                "its sentence vetoes the match (a province's or a company's count)")

    _check = field_validator("units", "subjects", "exclude")(_non_empty_phrases)


class Metric(Strict):
    id: Identifier = Field(pattern=ID_PATTERN)
    label: str
    unit: str
    match: MetricMatch
    definitions: list[Definition] = []
    cumulative: bool = Field(default=False, description="a running total: it never decreases")
    flow: bool = Field(default=False, description="each figure is a total over its period (a year's "
                                                  "value added), compared only with figures for the same period")
    max_growth_per_year: float | None = Field(default=None, gt=1.0,
                                              description="largest plausible factor per year")
    plausible_range: tuple[float, float] | None = None
    checks: dict[str, bool] = Field(default={}, description="switch a check off for this metric")

    @field_validator("plausible_range")
    @classmethod
    def _low_then_high(cls, value: tuple[float, float] | None) -> tuple[float, float] | None:
        if value and value[0] > value[1]:
            raise LocatedValueError("plausible_range must be [low, high] with low <= high",
                                    hint=f"swap the two numbers: [{value[1]:.15g}, {value[0]:.15g}]")
        return value

    @model_validator(mode="after")
    def _flow_is_no_running_total(self) -> Metric:
        if self.flow and self.cumulative:
            raise LocatedValueError("a metric cannot be both `flow` (a total over each period) and `cumulative` "
                                    "(a running total at each moment)", "flow",
                                    hint="keep `flow: true` for a yearly or quarterly total (value added, output), "
                                         "`cumulative: true` for a count that only grows (platforms built)")
        return self

    @model_validator(mode="after")
    def _definitions_consistent(self) -> Metric:
        ids = [d.id for d in self.definitions]
        require_unique("definition", "definitions", ids)
        index = {d.id: i for i, d in enumerate(self.definitions)}
        defaults = [d for d in self.definitions if d.default]
        if len(defaults) > 1:
            raise LocatedValueError(
                f"definitions {defaults[0].id!r} and {defaults[1].id!r} are both the default",
                "definitions", index[defaults[1].id], "default",
                hint="keep `default: true` on one definition only")
        for i, d in enumerate(self.definitions):
            if d.within is not None and d.within not in index:
                raise LocatedValueError(
                    f"definition {d.id!r} is within {d.within!r}, which is not a definition of this metric",
                    "definitions", i, "within", hint="use one of: " + ", ".join(ids))
        parents = {d.id: d.within for d in self.definitions}
        for start in parents:
            path, node = [start], parents[start]
            while node is not None:
                if node in path:
                    cycle = path[path.index(node):] + [node]
                    raise LocatedValueError(
                        f"definitions form a 'within' cycle: {' within '.join(map(repr, cycle))}",
                        "definitions", index[node], "within",
                        hint="a definition cannot be within itself, even through others: remove one `within`")
                path.append(node)
                node = parents.get(node)
        return self


class MetricsFile(Strict):
    version: Literal[1]
    home: list[str] = Field(
        default=[], description="phrases that name the scope the metrics count (the country): a figure of a "
                                "metric with `match.exclude_scopes` whose source names none of them in its "
                                "title, first line or first body sentence, a heading above it or its paragraph "
                                "up to its sentence has an assumed scope, and its conflicts are reported a "
                                "level lower")
    scopes: dict[Identifier, list[str]] = Field(
        default={}, description="named lists of phrases that name a narrower or another scope than a "
                                "metric's (provinces, companies, the world), for `match.exclude_scopes`")
    metrics: list[Metric]

    @field_validator("scopes")
    @classmethod
    def _scope_phrases(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for name, phrases in value.items():
            if not phrases:
                raise LocatedValueError(f"scope {name!r} lists no phrase", name,
                                        hint="list the phrases that name it, or remove the scope")
            for i, phrase in enumerate(phrases):
                if not phrase.strip():
                    raise LocatedValueError("phrases must not be empty", name, i,
                                            hint="write the phrase, or remove the empty item ('' or ' ')")
        return value

    _home = field_validator("home")(_non_empty_phrases)

    @model_validator(mode="after")
    def _unique(self) -> MetricsFile:
        require_unique("metric", "metrics", [m.id for m in self.metrics])
        for i, m in enumerate(self.metrics):
            for j, name in enumerate(m.match.exclude_scopes):
                if name not in self.scopes:
                    raise LocatedValueError(
                        f"metric {m.id!r} excludes the scope {name!r}, which `scopes` does not declare",
                        "metrics", i, "match", "exclude_scopes", j,
                        hint=("use one of: " + ", ".join(self.scopes)) if self.scopes
                        else "declare it under a top-level `scopes:` key, as a list of phrases")
        return self


class QualifierRule(Strict):
    kind: QualifierKind
    phrases: list[str] = Field(min_length=1)
    position: Literal["before", "after"] = "before"
    high_factor: float | None = Field(
        default=None, gt=1.0, description="more_than/at_least only: the interval's open high end is "
                                          "this factor times N instead of N + step (\"well over N\")")

    _check = field_validator("phrases")(_non_empty_phrases)

    @field_validator("high_factor")
    @classmethod
    def _factor_for_lower_bounds(cls, value: float | None, info: ValidationInfo) -> float | None:
        if value is not None and info.data.get("kind") not in ("more_than", "at_least"):
            raise LocatedValueError("high_factor applies only to the kinds more_than and at_least",
                                    hint="remove it, or give the rule the kind more_than or at_least")
        return value


class Rounding(Strict):
    """How round a stated number is decides the step that "more than N" may reach."""

    mode: Literal["last_significant_digit"] = "last_significant_digit"
    single_digit_refine: bool = Field(
        default=True, description="a number with one significant digit and 3+ digits (1,000) "
                                  "gets a step one order lower (100)")
    regression_tolerance: bool = Field(
        default=True, description="two figures stated exactly, one the other rounded (the coarser with at least "
                                  "3 significant digits, at most half its step apart: 4.25 million after 4.251 "
                                  "million), are one figure: no regression")


def _meaning(kind: str, high_factor: float | None) -> str:
    """A qualifier rule's meaning as an error message names it: "more_than (high_factor 2)"."""
    return kind if high_factor is None else f"{kind} (high_factor {high_factor:g})"


class QualifiersFile(Strict):
    version: Literal[1]
    rounding: Rounding = Rounding()
    nearly_factor: float = Field(default=0.9, gt=0, lt=1)
    about_factor: float = Field(default=0.1, gt=0, lt=1)
    qualifiers: list[QualifierRule]

    @model_validator(mode="after")
    def _one_kind_per_phrase(self) -> QualifiersFile:
        """A phrase in one position has one meaning ("over" cannot be both more_than and
        less_than, nor more_than with and without a high_factor): extraction would silently
        use the first rule listed."""
        kinds: dict[tuple[str, str], tuple[str, float | None]] = {}
        for i, rule in enumerate(self.qualifiers):
            for j, phrase in enumerate(rule.phrases):
                meaning = (rule.kind, rule.high_factor)
                first = kinds.setdefault((rule.position, " ".join(phrase.lower().split())), meaning)
                if first != meaning:
                    this, that = (_meaning(*m) for m in (first, meaning))
                    raise LocatedValueError(
                        f"the phrase {phrase!r} is listed for both {this} and {that}",
                        "qualifiers", i, "phrases", j,
                        hint=f"remove it from one of the two rules; as it is, {this} (listed first) wins")
        return self


class TimeSettings(Strict):
    publication_lag_days: int = Field(default=90, ge=0, le=3650)
    inference_horizon_years: int = Field(default=2, ge=1, le=20)
    undated_max_days: int = Field(default=1096, ge=1)
    target_horizon_years: int = Field(default=3, ge=1, le=50)


class ExtractionFile(Strict):
    version: Literal[1]
    time: TimeSettings = TimeSettings()
    target_cues: list[str] = []
    estimate_cues: list[str] = []
    achieved_cues: list[str] = Field(default=[], description="phrases stating a figure reached or "
                                     "measured: a target cue inside one is no cue; in its own clause, "
                                     "the figure is achieved")
    not_figure_before: list[str] = Field(default=[], description="words after which a number is a name")
    denial_cues: list[str] = Field(default=[], description="phrases after a figure, before the next , ; "
                                   "or :, that call it false: it is kept, marked excluded (denied), "
                                   "and not compared")
    denial_lead_cues: list[str] = Field(default=[], description="phrases before a figure in its clause "
                                        "that call it false ('denied that')")

    fall_cues: list[str] = Field(default=[], description="phrases right before a figure (or before "
                                 "'by' and the figure) that make it a fall: its value is negative")

    rise_cues: list[str] = Field(default=[], description="phrases right before a figure (or before "
                                 "'by' and the figure) that make it a rise: a change, not a level")

    _check_denial = field_validator("denial_cues", "denial_lead_cues", "fall_cues", "rise_cues")(
        _non_empty_phrases)


class Terminology(Strict):
    preferred: str
    variants: list[str] = Field(min_length=1)
    context: list[str] = Field(default=[], description="words of the field: when given, a variant "
                               "counts only in a source that uses one of them (outside the field a "
                               "variant may be the right word: 'identity resolution' of customer "
                               "records)")
    not_in: list[str] = Field(default=[], description="longer phrases, each containing a variant, in "
                              "which the variant is ordinary English ('individual internet users')")

    _check = field_validator("variants", "context", "not_in")(_non_empty_phrases)

    @model_validator(mode="after")
    def _exceptions_contain_a_variant(self) -> Terminology:
        variants = [" ".join(v.lower().split()) for v in self.variants]
        for i, phrase in enumerate(self.not_in):
            words = f" {' '.join(phrase.lower().split())} "
            if not any(f" {v} " in words for v in variants):
                raise LocatedValueError(
                    f"the phrase {phrase!r} contains none of the variants ({', '.join(self.variants)}), "
                    "so it can never except an occurrence of one", "not_in", i,
                    hint="write the longer phrase around a variant, word for word (e.g. "
                         "'individual internet users' for the variant 'individual internet')")
        return self


class PatternRule(Strict):
    id: Identifier
    pattern: str = Field(min_length=1, description="RE2 syntax (linear time)")
    description: str


class BoilerplateRule(PatternRule):
    navigation: bool = Field(default=False, description=(
        "the pattern matches navigation (menus, breadcrumbs, link and social rows): such a line "
        "does not end the page header section_label reads, and a row of a table of figures it "
        "matches is data, not furniture"))


class QualityFile(Strict):
    version: Literal[1]
    topic_terms: list[str] = []
    terminology: list[Terminology] = []
    artifacts: list[PatternRule] = []
    boilerplate: list[BoilerplateRule] = []
    off_topic_max_per_1000_words: float = Field(default=2.0, gt=0)
    exclude_claims_in: list[Literal["off_topic", "boilerplate"]] = Field(
        default=["off_topic", "boilerplate"],
        description="the kinds of flagged passage whose figures are listed but not compared "
                    "(iicheck.quality.exclusion); leave one out to compare its figures anyway")

    @model_validator(mode="after")
    def _unique(self) -> QualityFile:
        for check, key, rules, builtin in (("artifact", "artifacts", self.artifacts, BUILTIN_ARTIFACTS),
                                           ("boilerplate", "boilerplate", self.boilerplate, BUILTIN_BOILERPLATE)):
            ids = [r.id for r in rules]
            refuse_builtin_names(check, key, ids, builtin)
            require_unique(f"{check} pattern", key, ids)
        return self
