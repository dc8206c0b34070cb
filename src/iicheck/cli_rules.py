"""`iicheck rules test` (run the YAML rule cases) and `iicheck rules docs` (the checks page)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .atomic import write_atomic
from .checkdocs import checks_markdown
from .cli_common import handle_errors, project_config, write_stdout
from .ruleset import load_ruleset
from .ruletests import load_cases, run_case


@click.group("rules")
def rules_group() -> None:
    """Test the rules and document the checks."""


@rules_group.command("test")
@click.option("--rules", type=click.Path(path_type=Path), default=None,
              help="Rules folder (default: rules/, or [tool.iicheck] rules).")
@handle_errors
def rules_test(rules: Path | None) -> None:
    """Run the rule test cases in RULES/tests/*.yaml; exit 1 if any fails."""
    if rules is None:
        config, base = project_config()
        rules = base / config.rules
    ruleset = load_ruleset(rules)
    cases = load_cases(rules / "tests", ruleset)
    failed = 0
    lines = []
    for loaded in cases:
        failures = run_case(loaded.case, ruleset)
        status = "ok  " if not failures else "FAIL"
        lines.append(f"{status} {loaded.file}:{loaded.line} {loaded.case.name}\n")
        lines.extend(f"       {failure}\n" for failure in failures)
        failed += bool(failures)
    lines.append(f"{len(cases) - failed} passed, {failed} failed\n")
    write_stdout("".join(lines))
    sys.exit(1 if failed else 0)


@rules_group.command("docs")
@click.option("--output", type=click.Path(path_type=Path), default=Path("docs/checks.md"), show_default=True)
@handle_errors
def rules_docs(output: Path) -> None:
    """Write the checks reference page, generated from each check's docstring."""
    write_atomic(output, checks_markdown())
    click.echo(f"wrote {output}", err=True)
