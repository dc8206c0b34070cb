"""The CI gate commands: `check`, `explain`, `adopt` (see docs/ci.md for the exit-code table)."""

from __future__ import annotations

import dataclasses
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any, Literal

import click

from .atomic import updating, write_atomic
from .cli_common import (audit_options, by_opt, cache_opt, dask_opt, explanations_opt, given_explanations,
                         handle_errors, jobs_opt, outputs_written, progress_display, progress_opt,
                         raise_if_stopped, rules_opt, run_audit, semantic_opt, sources_arg,
                         write_stdout)
from .config import load_config, repository_root
from .engine import AuditOptions, audit
from .errors import ExplanationsError, IicheckError, Problem
from .explanations import (KEEP, PLACEHOLDER_PREFIX, PLACEHOLDER_REASON, adopt, check_reason_and_by, explain,
                           fingerprint_prefix, gate_exit_code, is_placeholder, load_explanations, parse_expires,
                           read_explanations, reviewed_entries, write_explanations)
from .render import render

CHECK_FORMATS = ("text", "json", "sarif", "junit", "github", "gitlab")


def _explanations_path(opts: AuditOptions) -> Path:
    assert opts.explanations is not None  # audit_options(..., use_explanations=True) always sets it
    return opts.explanations


@click.command()
@sources_arg
@rules_opt
@explanations_opt
@click.option("--format", "fmt", type=click.Choice(CHECK_FORMATS, case_sensitive=False), default=None,
              help="Output format (default: text; github when GITHUB_ACTIONS is 'true').")
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Write the output to this file (atomically) instead of stdout.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"], case_sensitive=False), default=None,
              help="Lowest severity that fails the gate (default: [tool.iicheck] fail_level, else error).")
@click.option("--strict", is_flag=True, help="Also fail on stale or expired explanations.")
@click.option("--include-explained", is_flag=True, help="Show explained findings too.")
@jobs_opt
@cache_opt
@semantic_opt
@dask_opt
@progress_opt
@handle_errors
def check(sources: tuple[Path, ...], rules: Path | None, explanations: Path | None,
          fmt: str | None, output: Path | None, fail_level: str | None, strict: bool,
          include_explained: bool, jobs: int, cache: bool, semantic: bool | None, dask_address: str | None,
          progress: bool | None) -> None:
    """Exit 1 when a finding is new and unexplained; never writes the explanations file."""
    config, _ = load_config(Path.cwd())
    level = fail_level or config.fail_level
    fmt = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if output is not None and output.is_dir():  # found before the audit, not after it
        raise IicheckError(Problem(str(output), "is a folder, not a file", hint="give --output a file name"))
    with progress_display(progress) as show:
        opts = audit_options(sources, rules, given_explanations(explanations), True, jobs, cache, semantic, show)
        result = run_audit(opts, dask_address)
    raise_if_stopped()
    unused = tuple(dataclasses.replace(u, fails=strict) for u in result.unused)
    kwargs: dict[str, Any] = {"include_explained": include_explained, "root": repository_root(Path.cwd())}
    if fmt == "text":
        kwargs["color"] = output is None and sys.stdout.isatty()
    if fmt == "junit":
        kwargs["fail_level"] = level
    if fmt in ("junit", "sarif", "github", "gitlab"):  # the formats CI shows: the reason a job is red
        kwargs["unused"] = unused
    text = render(fmt, result.report, **kwargs)
    assert isinstance(text, str)  # every check format is text
    if output is not None:
        write_atomic(output, text, on_replaced=outputs_written)
    else:
        write_stdout(text)
    for note in unused:  # at the path as given (the formats above give it from the repository's top)
        where = f"{_explanations_path(opts)}{'' if note.line is None else f':{note.line}'}"
        click.echo(f"iicheck: {where}: {note.message}"
                   f"{'' if strict else ' (the gate fails on this only with --strict)'}", err=True)
    sys.exit(gate_exit_code(result.report.findings, result.stale, result.expired, level, strict))

@click.command("explain")
@click.argument("fingerprint")
@click.option("--reason", required=True, help="Why this finding is acceptable (required).")
@click.option("--replace", is_flag=True,
              help="Replace a reviewed reason the finding already has (without it, only a TODO placeholder or "
                   "no entry is replaced).")
@click.option("--expires", metavar="YYYY-MM-DD", default=None,
              help="Day after which the explanation should be reviewed again (not before today). Default: the "
                   "replaced entry's expiry, if it had one.")
@click.option("--no-expires", is_flag=True, help="Drop the replaced entry's expiry.")
@by_opt
@sources_arg
@rules_opt
@explanations_opt
@handle_errors
def explain_cmd(fingerprint: str, reason: str, replace: bool, expires: str | None, no_expires: bool, by: str,
                sources: tuple[Path, ...], rules: Path | None, explanations: Path | None) -> None:
    """Record why a finding is acceptable.

    FINGERPRINT is the finding's fingerprint or a unique prefix of it, at least 4 hex
    digits (`iicheck check` prints the first 12); the entry gets the full fingerprint. A reason
    the finding already has is replaced only with --replace, unless it is a TODO placeholder;
    the entry keeps its expiry unless --expires or --no-expires says otherwise. Commands that
    change the explanations file at the same time take turns (a lock on its folder).
    """
    prefix = fingerprint_prefix(fingerprint)  # mistakes in the arguments found before the audit
    check_reason_and_by(reason, by)
    today = date.today()
    if expires is not None and no_expires:
        raise ExplanationsError(Problem("--expires", "cannot be given with --no-expires",
                                        hint="give one of them: a new expiry, or none"))
    expiry: date | None | Literal["keep"] = KEEP if expires is None and not no_expires else (
        None if expires is None else parse_expires(expires, today))
    opts = audit_options(sources, rules, explanations, True, creates_explanations=True)
    path = _explanations_path(opts)
    result = audit(opts)
    matches = [f for f in result.report.findings if f.fingerprint.startswith(prefix)]
    ids = {f.fingerprint for f in matches}
    if len(ids) != 1:
        if not ids:
            raise ExplanationsError(Problem(str(path), f"no current finding has fingerprint {fingerprint!r}",
                                            hint="copy the fingerprint from `iicheck check` output"))
        shown = sorted(ids)
        listed = ", ".join(shown[:8]) + (f" and {len(shown) - 8} more" if len(shown) > 8 else "")
        raise ExplanationsError(Problem(str(path), f"{len(ids)} fingerprints start with {fingerprint!r}: {listed}",
                                        hint="give more of the fingerprint, enough to name one finding"))
    finding = matches[0]
    with updating(path):  # read, change and write the file as one step: a concurrent explain waits
        current, lines = read_explanations(path, set(result.rules.metric_by_id) if result.rules else None)
        reviewed = reviewed_entries(current, finding.fingerprint)
        if reviewed and not replace:
            index, entry = reviewed[0]
            line = lines[index] if index < len(lines) else None
            said = entry.reason if len(entry.reason) <= 300 else entry.reason[:300] + " ..."
            raise ExplanationsError(Problem(
                str(path), f"{finding.fingerprint} ({finding.kind}) already has a reviewed reason: "
                           f"{said!r} (by {entry.by}, {entry.date})", line=line,
                hint=f"add --replace to replace it with {reason!r}; its expiry is kept unless you give "
                     f"--expires or --no-expires"))
        updated = explain(current, finding, reason, by, today, count=len(matches), expires=expiry)
        raise_if_stopped()
        write_explanations(path, updated)
        outputs_written()
    click.echo(f"explained {finding.fingerprint} ({finding.kind}) in {path}"
               f"{' (replaced its reviewed reason)' if reviewed else ''}", err=True)
    if is_placeholder(reason):
        click.echo(f"iicheck: warning: the reason starts with {PLACEHOLDER_PREFIX!r}: `iicheck check` keeps "
                   f"failing on this finding until it gets a real reason", err=True)

@click.command("adopt")
@by_opt
@sources_arg
@rules_opt
@explanations_opt
@handle_errors
def adopt_cmd(by: str, sources: tuple[Path, ...], rules: Path | None, explanations: Path | None) -> None:
    """Take in every current unexplained finding with a TODO reason (check fails until each
    gets a real one)."""
    opts = audit_options(sources, rules, explanations, True, creates_explanations=True)
    path = _explanations_path(opts)
    result = audit(opts)
    with updating(path):  # read, change and write the file as one step: a concurrent explain waits
        current = load_explanations(path)
        updated = adopt(current, result.report.findings, by, date.today())
        raise_if_stopped()
        write_explanations(path, updated)
        outputs_written()
    added = len(updated.explanations) - len(current.explanations)
    if not added:
        click.echo(f"nothing to adopt: every current finding already has an entry in {path}", err=True)
        return
    click.echo(f"added {added} {'entry' if added == 1 else 'entries'} with reason {PLACEHOLDER_REASON!r} to "
               f"{path}; replace each with a real reason", err=True)
