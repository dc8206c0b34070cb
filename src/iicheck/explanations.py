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
- An entry holds the full fingerprint (20 hex digits), never a prefix: the file must mean
  the same whatever the current findings are (a prefix unique today can name two findings,
  or another one, tomorrow), and there is one identity for matching, counting, `updated`
  and rewriting. A prefix (what `iicheck check` prints) is refused at load with its line;
  the `explain` command takes a prefix and writes the full fingerprint.
"""

from __future__ import annotations

import re
import shlex
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
from .findings import FINGERPRINT_LENGTH
from .models import SEVERITY_RANK, Finding
from .yamlfile import LocatedYaml, explain_error, load_yaml

DEFAULT_PATH = Path("rules/explanations.yaml")
PLACEHOLDER_PREFIX = "TODO"
PLACEHOLDER_REASON = "TODO: explain"
FIGURES_SEPARATOR = " | "
MIN_PREFIX = 4
"""The fewest hex digits `explain` takes as a fingerprint prefix (`iicheck check` prints 12)."""
_FINGERPRINT = re.compile(rf"[0-9a-f]{{{FINGERPRINT_LENGTH}}}")
_HEX = re.compile(r"[0-9a-f]+")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def _raw_entries(located: LocatedYaml) -> list[tuple[int, dict[str, Any]]]:
    """(index, entry) of each mapping in the raw data's explanations list (none when it is not
    a list, nor an entry that is no mapping: schema errors reported with the others)."""
    entries = located.data.get("explanations")
    if not isinstance(entries, list):
        return []
    return [(index, item) for index, item in enumerate(entries) if isinstance(item, dict)]


def _reference_problems(located: LocatedYaml, known: set[str] | None) -> list[Problem]:
    """Unknown metric ids, checked on the raw data so they come with the schema errors."""
    if known is None:
        return []
    problems = []
    for index, item in _raw_entries(located):
        metric = item.get("metric")
        if isinstance(metric, str) and metric not in known:
            problems.append(located.problem(
                ("explanations", index, "metric"),
                f"explanations[{index}].metric: unknown metric {metric!r}",
                "known metrics: " + (", ".join(sorted(known)) or "(none)")))
    return problems


def _fingerprint_problems(located: LocatedYaml) -> list[Problem]:
    """Fingerprints that are not 20 lowercase hex digits, above all the 12-character prefix
    `iicheck check` prints: an entry with one matched nothing and was reported as stale."""
    problems = []
    for index, item in _raw_entries(located):
        given = item.get("fingerprint")
        if not isinstance(given, str) or not re.fullmatch(r"\S+", given) or _FINGERPRINT.fullmatch(given):
            continue  # fine, or a schema error reported with the others
        where = ("explanations", index, "fingerprint")
        name = f"explanations[{index}].fingerprint"
        low = given.lower()
        if _FINGERPRINT.fullmatch(low):
            problems.append(located.problem(
                where, f"{name}: {given!r} is in capitals; fingerprints are lowercase", f"write {low}"))
        elif _HEX.fullmatch(low) and MIN_PREFIX <= len(low) < FINGERPRINT_LENGTH:
            problems.append(located.problem(
                where, f"{name}: {given!r} is a prefix ({len(given)} characters); an entry needs the full "
                       f"{FINGERPRINT_LENGTH}-character fingerprint",
                f"use the full {FINGERPRINT_LENGTH}-character fingerprint; `iicheck explain PREFIX --reason ...` "
                f"fills it in: remove this entry, then run {_explain_command(low, item)}"))
        else:
            problems.append(located.problem(
                where, f"{name}: {given!r} is not a fingerprint ({FINGERPRINT_LENGTH} hex digits, 0-9 and a-f)",
                "remove this entry, then run `iicheck explain PREFIX --reason ...` with the fingerprint in "
                "brackets in `iicheck check` output: it writes the entry with the full fingerprint"))
    return problems


def _explain_command(prefix: str, item: dict[str, Any]) -> str:
    """The `iicheck explain` command that writes an entry like `item` in full."""
    words = ["iicheck", "explain", prefix]
    for key in ("reason", "by", "expires"):
        value = item.get(key)
        if key == "expires":  # a day as written or as YAML read it; a past one left out (--expires refuses it)
            try:
                day = Date.fromisoformat(value.isoformat() if isinstance(value, Date) else str(value))
            except ValueError:  # a time of day too, or no date: the schema reports it
                day = None
            value = day.isoformat() if day is not None and day >= Date.today() else None
        if isinstance(value, str) and value.strip() and "\n" not in value.strip():
            words += [f"--{key}", value.strip()]
        elif key == "reason":
            words += ["--reason", "..."]
    return "`" + " ".join(shlex.quote(w) if w != "..." else '"..."' for w in words) + "`"


def expiry_problem(expires: Date | None, dated: Date) -> str | None:
    """What is wrong with an entry's `expires` beside its `date` (the file and `explain
    --expires` alike), or None."""
    if expires is not None and expires < dated:
        return f"{expires} is before the entry's date {dated}"
    return None


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
    problems = _reference_problems(located, known_metrics) + _fingerprint_problems(located)
    try:
        result = Explanations.model_validate(located.data)
    except ValidationError as exc:
        raise ExplanationsError(_by_line(_validation_problems(located, exc) + problems)) from None
    for index, entry in enumerate(result.explanations):
        wrong = expiry_problem(entry.expires, entry.date)
        if wrong is not None:
            problems.append(located.problem(
                ("explanations", index, "expires"), f"explanations[{index}].expires: {wrong}"))
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


def _entry(finding: Finding, reason: str, by: str, today: Date, expires: Date | None = None) -> Explanation:
    sources = tuple(dict.fromkeys(e.source for e in finding.evidence))
    try:
        return Explanation(fingerprint=finding.fingerprint, kind=finding.kind,
                           metric=finding.metric, sources=sources, reason=reason, by=by,
                           date=today, expires=expires, figures=finding_figures(finding))
    except ValidationError as exc:  # only the command's --reason and --by can be wrong here
        raise _option_error(exc) from None


def _option_error(exc: ValidationError) -> ExplanationsError:
    return ExplanationsError([Problem(f"--{_loc_text(tuple(i['loc']))}", i["msg"].removeprefix("Value error, "),
                                      hint=_OPTION_HINTS.get(str(i["loc"][0])))
                              for i in exc.errors()])


def check_reason_and_by(reason: str, by: str) -> None:
    """`explain`'s --reason and --by, checked as the entry will check them, before the audit
    and before the file is looked at."""
    try:
        Explanation(fingerprint="0" * FINGERPRINT_LENGTH, kind="-", reason=reason, by=by, date=Date.today())
    except ValidationError as exc:
        raise _option_error(exc) from None


_OPTION_HINTS = {
    "reason": "give --reason a sentence that says why the finding is acceptable",
    "by": "give --by the name of who explains it (by default $USER)",
}


def fingerprint_prefix(given: str) -> str:
    """`explain`'s FINGERPRINT argument checked: a fingerprint or a prefix of at least
    `MIN_PREFIX` hex digits (any case), in lowercase."""
    text = given.strip().lower()
    if not _HEX.fullmatch(text) or len(text) > FINGERPRINT_LENGTH:
        raise ExplanationsError(Problem(
            "FINGERPRINT", f"{given!r} is not a fingerprint or a prefix of one ({FINGERPRINT_LENGTH} hex digits, "
                           f"0-9 and a-f)",
            hint="copy the fingerprint from `iicheck check` output (the 12 characters in brackets)"))
    if len(text) < MIN_PREFIX:
        raise ExplanationsError(Problem(
            "FINGERPRINT", f"{given!r} is too short: give at least {MIN_PREFIX} hex digits of the fingerprint",
            hint="copy the fingerprint from `iicheck check` output (the 12 characters in brackets); a shorter "
                 "prefix could name a finding other than the one you reviewed"))
    return text


def parse_expires(given: str, today: Date) -> Date:
    """`explain --expires`, checked as the file's `expires` is: a date as YYYY-MM-DD, not before
    the entry's date (today)."""
    if not _ISO_DAY.fullmatch(given.strip()):
        raise ExplanationsError(Problem("--expires", f"expected a date as YYYY-MM-DD, got {given!r}",
                                        hint="write the day only, e.g. 2026-12-31"))
    try:
        day = Date.fromisoformat(given.strip())
    except ValueError as exc:
        raise ExplanationsError(Problem("--expires", f"{given!r} is no day of the calendar: {exc}",
                                        hint="give a real day as YYYY-MM-DD, e.g. 2026-12-31")) from None
    wrong = expiry_problem(day, today)
    if wrong is not None:
        raise ExplanationsError(Problem("--expires", f"{wrong} (today)",
                                        hint="give the day after which the explanation should be reviewed again"))
    return day


KEEP: Literal["keep"] = "keep"
"""`explain(expires=KEEP)`: the new entries keep the expiry of the entries they replace."""


def reviewed_entries(explanations: Explanations, fingerprint: str) -> list[tuple[int, Explanation]]:
    """The entries (with their index in the file) that give `fingerprint` a real, reviewed
    reason: what `explain` replaces only when told to (`--replace`)."""
    return [(index, e) for index, e in enumerate(explanations.explanations)
            if e.fingerprint == fingerprint and not e.is_placeholder]


def explain(explanations: Explanations, finding: Finding, reason: str, by: str, today: Date,
            *, count: int | None = None, expires: Date | None | Literal["keep"] = KEEP) -> Explanations:
    """Explain a finding: its fingerprint gets exactly `count` entries with this reason.

    `count` defaults to the number of entries the fingerprint already has (at least one); the
    CLI passes the number of current findings with that fingerprint. `expires` sets the
    entries' expiry (None: none); `KEEP` (the default) keeps that of the entries replaced
    (the earliest, if they differ), the only field of theirs that the command does not set. A
    kept expiry that has passed is an error: the new entry, dated today, cannot expire
    before it (the file would refuse it).
    """
    mine = [e for e in explanations.explanations if e.fingerprint == finding.fingerprint]
    if expires == KEEP:
        kept = sorted(e.expires for e in mine if e.expires is not None)
        expiry = kept[0] if kept else None
        if expiry is not None and expiry_problem(expiry, today) is not None:
            raise ExplanationsError(Problem(
                "--expires", f"the entry of {finding.fingerprint} ({finding.kind}) expired on {expiry}: the new "
                             f"entry, dated {today}, cannot keep that expiry",
                hint="give --expires YYYY-MM-DD for the next review, or --no-expires"))
    else:
        expiry = expires
    entry = _entry(finding, reason, by, today, expiry)
    others = [e for e in explanations.explanations if e.fingerprint != finding.fingerprint]
    wanted = count if count is not None else max(1, len(mine))
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
    "DEFAULT_PATH", "FINGERPRINT_LENGTH", "KEEP", "MIN_PREFIX", "PLACEHOLDER_REASON", "ExplainedResult",
    "Explanation", "Explanations", "UnusedEntry", "adopt", "apply_explanations", "check_reason_and_by",
    "dump_explanations", "expiry_problem", "explain", "finding_figures", "fingerprint_prefix", "gate_exit_code",
    "is_placeholder", "load_explanations", "parse_expires", "prune", "read_explanations", "reviewed_entries",
    "unused_entries", "write_explanations",
]
