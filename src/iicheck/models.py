"""Data models that cross stage boundaries: sources, sentences, claims, findings, report.

Every model is frozen: a stage returns new objects, it never edits the ones it was given.
The JSON report schema (docs/schema.md) is exactly these models' `model_dump(mode="json")`.

Fields of the models reachable from `Report` are declared in alphabetical order, and their
dictionaries are written with sorted keys: the JSON report is serialised by pydantic-core
directly (`model_dump_json`), which writes fields in declaration order, and its keys must
come out sorted (tests/test_render_machine.py checks every model reachable from `Report`).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

Basis = Literal["explicit", "paragraph", "metadata", "header", "url", "inferred", "unknown"]
Qualifier = Literal["exact", "more_than", "at_least", "nearly", "about", "up_to", "less_than", "range"]
Modality = Literal["achieved", "target", "estimate"]
Severity = Literal["error", "warning", "info"]
Status = Literal["new", "explained", "updated"]
SentenceKind = Literal["body", "heading", "boilerplate"]
ScopeBasis = Literal["stated", "assumed"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _sorted_keys(value: dict[str, object]) -> dict[str, object]:
    return dict(sorted(value.items()))


class TimeWindow(Frozen):
    """When a statement was true: some instant in [start, end] (inclusive days)."""

    basis: Basis
    end: date | None
    note: str = ""
    start: date | None

    @property
    def known(self) -> bool:
        return self.start is not None and self.end is not None

    def days(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1


class SourceInfo(Frozen):
    """One source document as the report describes it (its text is not repeated)."""

    chars: int
    file: str
    id: str
    published: TimeWindow
    publisher: str | None = None
    quality_counts: dict[str, int] = Field(default_factory=dict)
    quality_note: str | None = Field(default=None, description="why the score is what it is, when the "
                                                               "formula alone does not say (quality/score.py)")
    quality_score: float | None = Field(default=None, description="0-100, see quality/score.py")
    sha256: str
    title: str | None = None
    url: str | None = None

    _sort_counts = field_serializer("quality_counts", when_used="json")(_sorted_keys)


class Source(Frozen):
    """A loaded source: its description plus the exact text (never serialised in reports)."""

    info: SourceInfo
    text: str

    @property
    def id(self) -> str:
        return self.info.id


class Sentence(Frozen):
    """A sentence (or heading line) with [start, end) character offsets into its source."""

    source: str
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    kind: SentenceKind = "body"


class ValueInterval(Frozen):
    """The values a stated figure allows, e.g. "more than 70" -> [70, 80)."""

    high: float
    high_inclusive: bool = True
    low: float
    low_inclusive: bool = True
    qualifier: Qualifier
    stated: float
    step: float | None = None


class Claim(Frozen):
    """A figure found in a sentence, mapped (or not) to a metric and definition."""

    definition: str | None
    excluded: str | None = Field(
        default=None, description="why the claim is left out of consistency checks (e.g. off_topic)"
    )
    figure: str
    id: str
    metric: str | None
    modality: Modality
    scope_basis: ScopeBasis | None = Field(
        default=None, description="for a metric that counts the rules' home scope (the country): 'stated' "
                                  "when a `home` phrase is in the source's title, first line or first body "
                                  "sentence, a heading above the figure or its paragraph up to its sentence; "
                                  "'assumed' when none is (its conflicts are then reported a level lower)"
    )
    sentence: str
    sentence_span: tuple[int, int]
    source: str
    span: tuple[int, int]
    time: TimeWindow
    unit: str | None
    value: ValueInterval


class Evidence(Frozen):
    """One quoted sentence backing a finding; `figure_span` is absolute in the source file."""

    column: int | None = None
    end_column: int | None = None
    end_line: int | None = None
    figure: str | None = None
    figure_span: tuple[int, int] | None = None
    line: int | None = None
    sentence: str
    source: str
    span: tuple[int, int]


class Finding(Frozen):
    definition: str | None = None
    details: dict[str, str | float | int | None] = Field(default_factory=dict)
    evidence: tuple[Evidence, ...]
    fingerprint: str
    kind: str
    message: str
    metric: str | None = None
    reason: str | None = None
    severity: Severity
    status: Status = "new"

    @field_validator("details", mode="after")
    @classmethod
    def details_in_key_order(cls, value: dict[str, str | float | int | None]) -> dict[str, str | float | int | None]:
        # sorted when made, so every path (this process, a worker's data, the cache) and
        # every renderer sees one order, and the JSON needs no sorting serializer
        return dict(sorted(value.items()))


class Reconciled(Frozen):
    """A pair of figures that differ but are consistent, with the reasoning in words."""

    basis: Literal["agree", "dates", "definitions", "modality"]
    claims: tuple[str, str]
    metric: str
    reason: str


class Summary(Frozen):
    by_kind: dict[str, int]
    by_severity: dict[str, int]
    claims: int
    explained: int
    findings: int
    mapped_claims: int
    new: int
    reconciled: int
    sources: int
    unexplained_by_severity: dict[str, int]
    updated: int

    _sort_counts = field_serializer("by_kind", "by_severity", "unexplained_by_severity",
                                    when_used="json")(_sorted_keys)


class CheckUsed(Frozen):
    """A check the audit ran: its kind, default severity, what it flags in one line, and the
    metrics whose `checks` switch it off."""

    kind: str
    off_for: tuple[str, ...] = ()
    severity: Severity
    summary: str


class DefinitionUsed(Frozen):
    """A definition (scope) of a metric, as metrics.yaml gives it."""

    cues: tuple[str, ...] = ()
    default: bool = False
    id: str
    label: str
    units: tuple[str, ...] = ()
    within: str | None = None


class MetricUsed(Frozen):
    """A metric as metrics.yaml gives it: what a figure must say to be counted as one, its
    definitions and the limits the checks apply."""

    checks_off: tuple[str, ...] = ()
    cumulative: bool = False
    definitions: tuple[DefinitionUsed, ...] = ()
    exclude: tuple[str, ...] = ()
    exclude_scopes: tuple[str, ...] = ()
    flow: bool = False
    id: str
    label: str
    max_growth_per_year: float | None = None
    plausible_range: tuple[float, float] | None = None
    subjects: tuple[str, ...] = ()
    unit: str
    units: tuple[str, ...]


class QualifierUsed(Frozen):
    """Phrases of one qualifier rule and, worked out by the audit's own interval code, the
    interval they give a stated 150."""

    example: str
    kind: str
    phrases: tuple[str, ...]
    position: Literal["before", "after"]


class RuleFileUsed(Frozen):
    """A rule file of the folder: its SHA-256, or None when it is absent (defaults apply)."""

    name: str
    sha256: str | None


class SettingUsed(Frozen):
    """A value of a rule file other than metrics, qualifier phrases and terminology: a number,
    a switch or a list of phrases or pattern ids (`key` is its path in the file)."""

    file: str
    key: str
    value: bool | int | float | str | tuple[str, ...]


class TermUsed(Frozen):
    context: tuple[str, ...] = ()
    """A variant counts only in a source that uses one of these (empty: in every source)."""
    not_in: tuple[str, ...] = ()
    """Phrases in which a variant is ordinary English."""
    preferred: str
    variants: tuple[str, ...]


class ScopeUsed(Frozen):
    """A named scope of metrics.yaml: phrases that name another scope than a metric's."""

    name: str
    phrases: tuple[str, ...]


class RulesUsed(Frozen):
    """The rules an audit applied, as its report states them (iicheck.rules_used)."""

    checks: tuple[CheckUsed, ...]
    files: tuple[RuleFileUsed, ...]
    folder: str
    home: tuple[str, ...] = Field(default=(), description="metrics.yaml `home`: the phrases that name the "
                                                          "scope the metrics count (see Claim.scope_basis)")
    metrics: tuple[MetricUsed, ...]
    off_topic: Literal["lexical", "semantic"]
    qualifiers: tuple[QualifierUsed, ...]
    scopes: tuple[ScopeUsed, ...] = ()
    settings: tuple[SettingUsed, ...]
    terminology: tuple[TermUsed, ...]


class Report(Frozen):
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    reconciled: tuple[Reconciled, ...]
    rules: RulesUsed
    rules_version: str
    sources: tuple[SourceInfo, ...]
    summary: Summary
    tool: str
    version: str
