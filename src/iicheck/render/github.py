"""GitHub Actions workflow commands: one annotation per finding, shown on the PR diff.

    ::error file=seeds/004_x.txt,line=12,col=5,endLine=12,endColumn=20,title=iicheck contradiction [3f9a0c1b2d4e]::70 vs more than 150%0A> By 2023 ...

Severity maps to the command: error -> `::error`, warning -> `::warning`, info -> `::notice`.
Escaping follows the runner (actions/toolkit `command.ts`): in the message `%`, `\\r`, `\\n`
become `%25`, `%0D`, `%0A`; in properties also `:` -> `%3A` and `,` -> `%2C`. So source
text can never end a command early or start a new one. Explained findings are left out
unless `include_explained=True` (then as `::notice` with the reason). Paths are relative to
`root` (the checkout) when sources were given as absolute paths under it; a file outside it
keeps its absolute path. Stale and expired
explanations (`unused`) are annotated at their entry in the explanations file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..explanations import UnusedEntry
from ..models import Finding, Report
from .excerpt import evidence_excerpt
from .text import evidence_path, primary, short_fingerprint, source_paths

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
# other controls, Unicode line separators and bidi overrides would confuse logs and readers
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    text = _CONTROL.sub("\ufffd", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, paths: dict[str, str]) -> str:
    """One `::<level> ...::message` line for a finding."""
    command = "notice" if finding.status == "explained" else COMMANDS[finding.severity]
    props: list[tuple[str, str]] = []
    head = primary(finding)
    if head is not None:
        props.append(("file", evidence_path(head, paths)))
        if head.line is not None:
            props.append(("line", str(head.line)))
            if head.column is not None:
                props.append(("col", str(head.column)))
            if head.end_line is not None:
                props.append(("endLine", str(head.end_line)))
                if head.end_column is not None and head.column is not None:
                    props.append(("endColumn", str(head.end_column)))
    props.append(("title", f"iicheck {finding.kind} [{short_fingerprint(finding.fingerprint)}]"))
    lines = [finding.message]
    lines += [f"> {evidence_excerpt(e).text}" for e in finding.evidence]
    if finding.status == "explained":
        lines.append(f"explained: {finding.reason or ''}")
    elif finding.status == "updated":
        lines.append(f"updated since explained ({finding.reason or ''}): review it again")
    elif finding.reason:
        lines.append(f"explanation pending: {finding.reason}")
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{command} {rendered}::{escape_data(chr(10).join(lines))}"


def unused_annotation(note: UnusedEntry) -> str:
    """One line for a stale or expired explanation, at its entry: an error when the gate fails
    on it (`--strict`), else a warning."""
    props = [("file", note.file)] + ([("line", str(note.line))] if note.line is not None else [])
    props.append(("title", f"iicheck {note.problem} explanation [{short_fingerprint(note.entry.fingerprint)}]"))
    rendered = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{'error' if note.fails else 'warning'} {rendered}::{escape_data(note.message)}"


def render(report: Report, *, include_explained: bool = False, root: str | Path | None = None,
           unused: Sequence[UnusedEntry] = (), **_options: Any) -> str:
    """One annotation line per finding, in report order, then one per unused explanation."""
    paths = source_paths(report, root)
    return "".join([annotation(f, paths) + "\n" for f in report.findings
                    if include_explained or f.status != "explained"]
                   + [unused_annotation(note) + "\n" for note in unused])
