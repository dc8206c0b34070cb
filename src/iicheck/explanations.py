"""The explanations file: reviewed findings, each with a reason, matched against a run.

Format (`rules/explanations.yaml`, documented in docs/ci.md)::

    version: 1
    explanations:
    - fingerprint: 3f9a0c...
      kind: contradiction
      metric: platforms            # null for kinds without a metric
      sources: [002_x, 004_y]
      reason: 2019 figure counts pilot platforms only
      by: alice
      date: 2025-01-31
      expires: 2025-12-31          # optional
      figures: ['70', 'more than 150']   # optional: figures at explain time

Why it works the way it does:

- A missing file is an empty set of explanations (a repository that has explained nothing);
  a file that exists but is malformed is an `ExplanationsError` listing every problem with
  its line and column, never a silently empty baseline.
- Matching is count-aware: one entry absorbs one finding, so two findings with the same
  fingerprint need two entries.
- A finding's *figures* are `details["figures"]` when the core sets it (a string, figures
  separated by " | "), else the `figure` of each piece of evidence; whitespace is collapsed
  and the list sorted. An entry that recorded figures which differ from the finding's
  current ones marks the finding `updated`: it must be reviewed again.
- A reason that starts with "TODO" (case-insensitive) is a placeholder, what `adopt`
  writes: the finding stays `new` (with the placeholder as its reason) until a person
  writes a real one, so adopting a backlog never turns the gate green by itself.
- Expired entries (`expires` before today) still explain their finding but are reported;
  `--strict` fails on them, as on stale entries (entries that match nothing).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from .atomic import write_atomic
from .errors import ExplanationsError, IicheckError, Problem
from .models import SEVERITY_RANK, Finding
from .yamlfile import LocatedYaml, explain_error, load_yaml

DEFAULT_PATH = Path("rules/explanations.yaml")
PLACEHOLDER_PREFIX = "TODO"
PLACEHOLDER_REASON = "TODO: explain"
FIGURES_SEPARATOR = " | "


def _real_text(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


NonEmpty = Annotated[str, AfterValidator(_real_text)]


class Explanation(BaseModel):
    """One reviewed finding: what it is, why it is acceptable, who said so and when."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fingerprint: Annotated[str, Field(pattern=r"^\S+$")]
    kind: NonEmpty
    metric: str | None = None
    sources: tuple[str, ...] = ()
    reason: NonEmpty
    by: NonEmpty
    date: Date
    expires: Date | None = None
    figures: tuple[str, ...] | None = None

    @property
    def is_placeholder(self) -> bool:
        return is_placeholder(self.reason)


class Explanations(BaseModel):
    """The whole file: a format version and the entries."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: Literal[1]
    explanations: tuple[Explanation, ...] = ()


EMPTY = Explanations(version=1)


@dataclass(frozen=True)
class ExplainedResult:
    """Findings with status stamped, plus entries that matched nothing or have expired."""

    findings: tuple[Finding, ...]
    stale: tuple[Explanation, ...]
    expired: tuple[Explanation, ...]


def is_placeholder(reason: str | None) -> bool:
    """True when a reason is still the "TODO" that `adopt` wrote."""
    return reason is None or reason.strip().upper().startswith(PLACEHOLDER_PREFIX)


def finding_figures(finding: Finding) -> tuple[str, ...]:
    """The normalized figures of a finding, compared with an entry's to detect `updated`."""
    raw = finding.details.get("figures")
    if isinstance(raw, str):
        parts: Iterable[str] = raw.split(FIGURES_SEPARATOR.strip())
    else:
        parts = (e.figure for e in finding.evidence if e.figure)
    return tuple(sorted(n for n in (" ".join(p.split()) for p in parts) if n))


# --- loading -------------------------------------------------------------------------------


def _loc_text(loc: tuple[int | str, ...]) -> str:
    text = ""
    for step in loc:
        text += f"[{step}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text or "file"


def _validation_problems(located: LocatedYaml, error: ValidationError) -> list[Problem]:
    """Each error in the words rule files use (`yamlfile.explain_error`), with the hints that
    only this file needs."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        message, hint = explain_error(item, loc, located)
        in_entry = len(loc) > 2  # explanations[i].key
        if item["type"] == "extra_forbidden":
            hint = "allowed keys: " + ", ".join((Explanation if in_entry else Explanations).model_fields)
        elif item["type"] == "missing":
            message = f"missing key {loc[-1]!r}"
            hint = ("every entry needs fingerprint, kind, reason, by and date" if in_entry
                    else "start the file with `version: 1`")
        elif loc and loc[-1] == "reason":
            hint = "write why this finding is acceptable; an empty reason explains nothing"
        elif item["type"] == "literal_error" and loc == ("version",):
            hint = "this iicheck reads explanations files with `version: 1`"
        problems.append(located.problem(loc, f"{_loc_text(loc)}: {message}", hint))
    return problems


def _by_line(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0))


def _reference_problems(located: LocatedYaml, known: set[str] | None) -> list[Problem]:
    """Unknown metric ids, checked on the raw data so they come with the schema errors."""
    if known is None:
        return []
    entries = located.data.get("explanations")
    if not isinstance(entries, list):
        return []
    problems = []
    for index, item in enumerate(entries):
        metric = item.get("metric") if isinstance(item, dict) else None
        if isinstance(metric, str) and metric not in known:
            problems.append(located.problem(
                ("explanations", index, "metric"),
                f"explanations[{index}].metric: unknown metric {metric!r}",
                "known metrics: " + (", ".join(sorted(known)) or "(none)")))
    return problems


def load_explanations(path: Path, known_metrics: set[str] | None = None) -> Explanations:
    """Read and validate the explanations file; a missing file means nothing is explained."""
    return read_explanations(path, known_metrics)[0]


def read_explanations(path: Path, known_metrics: set[str] | None = None
                      ) -> tuple[Explanations, tuple[int | None, ...]]:
    """`load_explanations`, with the line each entry starts on (what the gate's notes on
    stale and expired entries point at)."""
    path = Path(path)
    if not path.exists():
        return EMPTY, ()
    located = load_yaml(path, ExplanationsError)
    if located.data is None:
        raise ExplanationsError(Problem(
            str(path), "the explanations file is empty",
            hint="write `version: 1` and `explanations: []`, or delete the file"))
    if not isinstance(located.data, dict):
        raise ExplanationsError(located.problem(
            (), "expected a mapping with `version` and `explanations`",
            "start the file with `version: 1`"))
    problems = _reference_problems(located, known_metrics)
    try:
        result = Explanations.model_validate(located.data)
    except ValidationError as exc:
        raise ExplanationsError(_by_line(_validation_problems(located, exc) + problems)) from None
    for index, entry in enumerate(result.explanations):
        if entry.expires is not None and entry.expires < entry.date:
            problems.append(located.problem(
                ("explanations", index, "expires"),
                f"explanations[{index}].expires: {entry.expires} is before the entry's date "
                f"{entry.date}"))
    if problems:
        raise ExplanationsError(_by_line(problems))
    lines = tuple((located.locate(("explanations", index)) or (None, None))[0]
                  for index in range(len(result.explanations)))
    return result, lines


# --- matching ------------------------------------------------------------------------------


def apply_explanations(findings: Sequence[Finding], explanations: Explanations,
                       today: Date) -> ExplainedResult:
    """Stamp each finding new / explained / updated; one entry absorbs at most one finding."""
    pool: dict[str, list[Explanation]] = defaultdict(list)
    for entry in explanations.explanations:
        pool[entry.fingerprint].append(entry)
    # prefer entries whose figures still match, then real reasons over placeholders
    for entries in pool.values():
        entries.sort(key=lambda e: e.is_placeholder)
    assigned: dict[int, Explanation] = {}
    for exact_pass in (True, False):
        for index, finding in enumerate(findings):
            if index in assigned:
                continue
            candidates = pool.get(finding.fingerprint)
            if not candidates:
                continue
            figures = finding_figures(finding)
            for position, entry in enumerate(candidates):
                if not exact_pass or entry.figures is None or tuple(sorted(entry.figures)) == figures:
                    assigned[index] = candidates.pop(position)
                    break
    stamped = []
    for index, finding in enumerate(findings):
        matched = assigned.get(index)
        if matched is None:
            if finding.status == "new" and finding.reason is None:
                stamped.append(finding)  # already what the stamp would make (frozen: shared safely)
                continue
            update: dict[str, Any] = {"status": "new", "reason": None}
        elif matched.is_placeholder:
            update = {"status": "new", "reason": matched.reason}
        elif matched.figures is not None and tuple(sorted(matched.figures)) != finding_figures(finding):
            update = {"status": "updated", "reason": matched.reason}
        else:
            update = {"status": "explained", "reason": matched.reason}
        stamped.append(finding.model_copy(update=update))
    used = {id(e) for e in assigned.values()}
    stale = tuple(e for e in explanations.explanations if id(e) not in used)
    expired = tuple(e for e in explanations.explanations
                    if e.expires is not None and e.expires < today)
    return ExplainedResult(tuple(stamped), stale, expired)


UnusedProblem = Literal["stale", "surplus", "expired"]


@dataclass(frozen=True)
class UnusedEntry:
    """An entry the gate reports: it matches no finding (`stale`), it is one more than the
    findings with its fingerprint (`surplus`: entries are count-aware), or it has `expired`.
    `fails`: the gate fails on it (`check --strict`)."""

    entry: Explanation
    problem: UnusedProblem
    file: str
    line: int | None
    fails: bool = False

    @property
    def message(self) -> str:
        e = self.entry
        if self.problem == "expired":
            return f"expired explanation {e.fingerprint} ({e.kind}): expired on {e.expires}; review it again"
        if self.problem == "surplus":
            return (f"surplus explanation {e.fingerprint} ({e.kind}): one entry more than the findings with "
                    f"this fingerprint; remove one of its entries")
        return f"stale explanation {e.fingerprint} ({e.kind}): matches no current finding; remove the entry"

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line is not None else self.file


def unused_entries(result: ExplainedResult, findings: Sequence[Finding], explanations: Explanations,
                   lines: Sequence[int | None], file: str) -> tuple[UnusedEntry, ...]:
    """The stale and expired entries of `result`, each at its line of `file` (as shown)."""
    line_of = {id(entry): line for entry, line in zip(explanations.explanations, lines, strict=False)}
    current = {f.fingerprint for f in findings}
    stale = [UnusedEntry(e, "surplus" if e.fingerprint in current else "stale", file, line_of.get(id(e)))
             for e in result.stale]
    expired = [UnusedEntry(e, "expired", file, line_of.get(id(e))) for e in result.expired]
    return tuple(sorted(stale + expired, key=lambda u: (u.line or 0, u.problem)))


def _entry(finding: Finding, reason: str, by: str, today: Date) -> Explanation:
    sources = tuple(dict.fromkeys(e.source for e in finding.evidence))
    try:
        return Explanation(fingerprint=finding.fingerprint, kind=finding.kind,
                           metric=finding.metric, sources=sources, reason=reason, by=by,
                           date=today, figures=finding_figures(finding))
    except ValidationError as exc:  # only the command's --reason and --by can be wrong here
        problems = [Problem(f"--{_loc_text(tuple(i['loc']))}", i["msg"].removeprefix("Value error, "),
                            hint=_OPTION_HINTS.get(str(i["loc"][0])))
                    for i in exc.errors()]
        raise ExplanationsError(problems) from None


_OPTION_HINTS = {
    "reason": "give --reason a sentence that says why the finding is acceptable",
    "by": "give --by the name of who explains it (by default $USER)",
}


def explain(explanations: Explanations, finding: Finding, reason: str, by: str, today: Date,
            *, count: int | None = None) -> Explanations:
    """Explain a finding: its fingerprint gets exactly `count` entries with this reason.

    `count` defaults to the number of entries the fingerprint already has (at least one); the
    CLI passes the number of current findings with that fingerprint.
    """
    entry = _entry(finding, reason, by, today)
    others = [e for e in explanations.explanations if e.fingerprint != finding.fingerprint]
    existing = len(explanations.explanations) - len(others)
    wanted = count if count is not None else max(1, existing)
    return Explanations(version=1, explanations=tuple(others) + (entry,) * wanted)


def adopt(explanations: Explanations, findings: Sequence[Finding], by: str,
          today: Date) -> Explanations:
    """Add a placeholder entry for every unmatched finding; the gate fails until each has a reason.

    `updated` findings are left alone: a changed figure needs a person to look at it.
    """
    result = apply_explanations(findings, explanations, today)
    added = tuple(_entry(f, PLACEHOLDER_REASON, by, today) for f in result.findings
                  if f.status == "new" and f.reason is None)
    return Explanations(version=1, explanations=explanations.explanations + added)


def prune(explanations: Explanations, stale: Sequence[Explanation]) -> Explanations:
    """Drop stale entries (one per listed entry, so duplicates are removed count-aware)."""
    remaining = list(explanations.explanations)
    for entry in stale:
        if entry in remaining:
            remaining.remove(entry)
    return Explanations(version=1, explanations=tuple(remaining))


# --- writing -------------------------------------------------------------------------------

_HEADER = (
    "# iicheck explanations: reviewed findings, one entry per finding.\n"
    "# Every entry needs a real reason; a reason starting with TODO keeps `iicheck check` "
    "failing.\n"
    "# Format and workflow: docs/ci.md\n"
)


def _sort_key(entry: Explanation) -> tuple[str, ...]:
    return (entry.kind, entry.metric or "", entry.fingerprint, entry.date.isoformat(),
            entry.reason, entry.by)


def dump_explanations(explanations: Explanations) -> str:
    """The file's text: entries sorted by (kind, metric, fingerprint), stable field order."""
    entries = []
    for entry in sorted(explanations.explanations, key=_sort_key):
        data = entry.model_dump(mode="json", exclude_none=False)
        if data["expires"] is None:
            del data["expires"]
        if data["figures"] is None:
            del data["figures"]
        entries.append(data)
    body = yaml.safe_dump({"version": 1, "explanations": entries}, sort_keys=False,
                          allow_unicode=True, default_flow_style=False, width=2**31 - 1)
    return _HEADER + body


def write_explanations(path: Path, explanations: Explanations) -> None:
    """Write the file atomically: a reader sees the old file or the new one, never half."""
    write_atomic(Path(path), dump_explanations(explanations))


# --- the gate ------------------------------------------------------------------------------


def gate_exit_code(findings_with_status: Sequence[Finding], stale: Sequence[Explanation],
                   expired: Sequence[Explanation], fail_level: str, strict: bool) -> int:
    """0 when nothing unexplained is at or above `fail_level` (and, with strict, no stale or
    expired entries); 1 otherwise. See the exit-code table in docs/ci.md."""
    if fail_level not in SEVERITY_RANK:
        raise IicheckError(Problem("iicheck", f"unknown fail level {fail_level!r}",
                                   hint="use one of: " + ", ".join(SEVERITY_RANK)))
    floor = SEVERITY_RANK[fail_level]
    for finding in findings_with_status:
        explained = finding.status == "explained" and not is_placeholder(finding.reason)
        if not explained and SEVERITY_RANK[finding.severity] >= floor:
            return 1
    if strict and (stale or expired):
        return 1
    return 0


__all__ = [
    "DEFAULT_PATH", "PLACEHOLDER_REASON", "ExplainedResult", "Explanation", "Explanations", "UnusedEntry",
    "adopt", "apply_explanations", "dump_explanations", "explain", "finding_figures",
    "gate_exit_code", "is_placeholder", "load_explanations", "prune", "read_explanations", "unused_entries",
    "write_explanations",
]
