"""Data models that cross stage boundaries: sources, sentences, claims, findings, report.

Every model is frozen: a stage returns new objects, it never edits the ones it was given.
The JSON report schema (docs/schema.md) is exactly these models' `model_dump(mode="json")`.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Basis = Literal["explicit", "paragraph", "metadata", "header", "url", "inferred", "unknown"]
Qualifier = Literal["exact", "more_than", "at_least", "nearly", "about", "up_to", "less_than", "range"]
Modality = Literal["achieved", "target", "estimate"]
Severity = Literal["error", "warning", "info"]
Status = Literal["new", "explained", "updated"]
SentenceKind = Literal["body", "heading", "boilerplate"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TimeWindow(Frozen):
    """When a statement was true: some instant in [start, end] (inclusive days)."""

    start: date | None
    end: date | None
    basis: Basis
    note: str = ""

    @property
    def known(self) -> bool:
        return self.start is not None and self.end is not None

    def days(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1


class SourceInfo(Frozen):
    """One source document as the report describes it (its text is not repeated)."""

    id: str
    file: str
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: TimeWindow
    chars: int
    sha256: str
    quality_score: float | None = Field(default=None, description="0-100, see quality/score.py")
    quality_counts: dict[str, int] = Field(default_factory=dict)


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

    stated: float
    qualifier: Qualifier
    low: float
    high: float
    low_inclusive: bool = True
    high_inclusive: bool = True
    step: float | None = None


class Claim(Frozen):
    """A figure found in a sentence, mapped (or not) to a metric and definition."""

    id: str
    source: str
    sentence: str
    sentence_span: tuple[int, int]
    span: tuple[int, int]
    figure: str
    value: ValueInterval
    unit: str | None
    metric: str | None
    definition: str | None
    time: TimeWindow
    modality: Modality
    excluded: str | None = Field(
        default=None, description="why the claim is left out of consistency checks (e.g. off_topic)"
    )


class Evidence(Frozen):
    """One quoted sentence backing a finding; `figure_span` is absolute in the source file."""

    source: str
    sentence: str
    span: tuple[int, int]
    figure_span: tuple[int, int] | None = None
    figure: str | None = None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None


class Finding(Frozen):
    kind: str
    severity: Severity
    message: str
    metric: str | None = None
    definition: str | None = None
    evidence: tuple[Evidence, ...]
    fingerprint: str
    status: Status = "new"
    reason: str | None = None
    details: dict[str, str | float | int | None] = Field(default_factory=dict)


class Reconciled(Frozen):
    """A pair of figures that differ but are consistent, with the reasoning in words."""

    metric: str
    claims: tuple[str, str]
    basis: Literal["agree", "dates", "definitions", "modality"]
    reason: str


class Summary(Frozen):
    sources: int
    claims: int
    mapped_claims: int
    findings: int
    by_severity: dict[str, int]
    by_kind: dict[str, int]
    new: int
    new_by_severity: dict[str, int]
    explained: int
    reconciled: int


class Report(Frozen):
    tool: str
    version: str
    rules_version: str
    sources: tuple[SourceInfo, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    reconciled: tuple[Reconciled, ...]
    summary: Summary
