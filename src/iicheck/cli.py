"""Command line: thin click commands that parse options, call the core, render, and exit.

Exit codes (docs/ci.md): 0 nothing new and unexplained at the fail level; 1 new unexplained
findings (or failing rule tests); 2 the tool could not do its job (bad input, rules, output).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from . import __version__
from .atomic import write_all_atomic
from .cli_common import (audit_options, cache_opt, dask_opt, explanations_opt, handle_errors, jobs_opt,
                         given_explanations, outputs_written, progress_display, progress_opt,
                         project_config, raise_if_stopped, rules_opt, run_audit, semantic_opt,
                         sources_arg, write_stdout)
from .config import repository_root
from .engine import AuditResult, audit
from .errors import IicheckError, Problem
from .render import RENDERERS, claims_table, file_name, render_for_file

AUDIT_FORMATS = ("json", "html", "pdf", "sarif", "junit", "gitlab")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="iicheck")
def main() -> None:
    """Audit the figures that sources state, before anyone quotes them."""


@main.command()
@sources_arg
@rules_opt
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"], case_sensitive=False), default="table",
              show_default=True, help="table: aligned columns for a terminal; csv: every field in full, for a "
                                      "spreadsheet; json: the claims schema of docs/schema.md")
@jobs_opt
@cache_opt
@semantic_opt
@handle_errors
def claims(sources: tuple[Path, ...], rules: Path | None, fmt: str, jobs: int, cache: bool, semantic: bool | None) -> None:
    """List every figure found, mapped to a metric and definition or unmapped."""
    result = audit(audit_options(sources, rules, None, False, jobs, cache, semantic))
    found = result.report.claims
    if fmt == "json":
        payload = {"claims": [c.model_dump(mode="json") for c in found]}
        write_stdout(json.dumps(payload, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
        return
    write_stdout(claims_table.csv_text(found) if fmt == "csv" else claims_table.table(found))
    click.echo(f"{len(found)} claims, {sum(1 for c in found if c.metric)} mapped", err=True)


def _write_outputs(result: AuditResult, out: Path, formats: list[str], fail_level: str) -> list[Path]:
    """`fail_level` (the project's, as `check` uses it) decides which JUnit test cases fail."""
    root = repository_root(Path.cwd())
    rendered = [(out / file_name(f), render_for_file(f, result.report, root=root, fail_level=fail_level))
                for f in formats]
    # all files replaced together, or none (JSON is rendered as it is written)
    write_all_atomic(rendered, on_replaced=outputs_written)
    return [p for p, _ in rendered]


def _formats(value: str, allowed: tuple[str, ...]) -> list[str]:
    formats = list(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))  # each once, any case
    bad = [f for f in formats if f not in allowed]
    if bad or not formats:
        raise IicheckError(Problem("--format", f"unknown format {', '.join(bad)}" if bad else "no format given",
                                   hint=f"choose from {', '.join(allowed)}"))
    return formats


def _output_folder(out: Path) -> Path:
    """`out`, checked before the audit runs: an existing file there would fail only at the end."""
    if out.exists() and not out.is_dir():
        raise IicheckError(Problem(str(out), "is a file, not a folder",
                                   hint="give --out a folder (it is created if missing)"))
    if out.is_symlink() and not out.exists():
        raise IicheckError(Problem(str(out), "a symbolic link that leads nowhere (a missing target or a loop)",
                                   hint="give --out a folder, or fix the link"))
    return out


@main.command("audit")
@sources_arg
@rules_opt
@explanations_opt
@click.option("--out", type=click.Path(path_type=Path), default=None, help="Output folder (default: reports/).")
@click.option("--format", "fmt", default="json,html,pdf", show_default=True,
              help=f"Comma-separated: {', '.join(AUDIT_FORMATS)}.")
@jobs_opt
@cache_opt
@semantic_opt
@dask_opt
@progress_opt
@handle_errors
def audit_cmd(sources: tuple[Path, ...], rules: Path | None, explanations: Path | None,
              out: Path | None, fmt: str, jobs: int, cache: bool, semantic: bool | None, dask_address: str | None,
              progress: bool | None) -> None:
    """Audit sources and write the report files (default: seeds/ -> reports/)."""
    formats = _formats(fmt, AUDIT_FORMATS)
    config, base = project_config()
    folder = _output_folder(out if out is not None else base / config.out)
    with progress_display(progress) as show:
        options = audit_options(sources, rules, given_explanations(explanations), True, jobs, cache, semantic, show)
        result = run_audit(options, dask_address)
        if show is not None:
            show(f"writing {', '.join(file_name(f) for f in formats)}", 0, 0)
        raise_if_stopped()
        written = _write_outputs(result, folder, formats, config.fail_level)
    s = result.report.summary
    click.echo(f"{s.sources} sources, {s.claims} claims ({s.mapped_claims} mapped), {s.findings} findings "
               f"({s.by_severity['error']} errors, {s.by_severity['warning']} warnings, "
               f"{s.by_severity['info']} info), {s.reconciled} reconciled", err=True)
    for path in written:
        click.echo(f"wrote {path}", err=True)
    for path in _earlier_outputs(folder, formats):
        click.echo(f"iicheck: note: {path} is from an earlier audit (not written by this one)", err=True)


def _earlier_outputs(folder: Path, formats: list[str]) -> list[Path]:
    """Report files in `folder` of the formats this audit did not write: a reader of the folder
    would otherwise take them for this audit's."""
    return [folder / file_name(f) for f in AUDIT_FORMATS if f not in formats and (folder / file_name(f)).exists()]


from .cli_gate import adopt_cmd, check, explain_cmd  # noqa: E402
from .cli_rules import rules_group  # noqa: E402

for command in (check, explain_cmd, adopt_cmd, rules_group):
    main.add_command(command)

__all__ = ["main", "RENDERERS"]
