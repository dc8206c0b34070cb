"""GitLab Code Quality report (`artifacts: reports: codequality:`), shown in merge requests.

A JSON list of `{description, check_name, fingerprint, severity, location: {path, lines:
{begin, end}}}` plus `type: "issue"` and `categories`. Severity: error -> major, warning ->
minor, info -> info. GitLab treats the fingerprint as the issue's identity, so a second
finding with the same fingerprint gets `<fingerprint>-2`, and so on. Explained findings are
left out unless `include_explained=True` (then severity info, the reason in the description).
Stale and expired explanations (`unused`) are issues at their entry in the explanations file:
major when the gate fails on them (`--strict`), else minor.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..explanations import UnusedEntry
from ..models import Finding, Report
from .text import evidence_path, primary, shown_findings, source_paths, unique_keys

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
_QUALITY_KINDS = {"off_topic", "artifact", "boilerplate", "terminology", "duplicate_text"}


def _issue(finding: Finding, fingerprint: str, paths: dict[str, str]) -> dict[str, Any]:
    head = primary(finding)
    begin = (head.line if head else None) or 1
    end = max(begin, (head.end_line if head else None) or begin)
    description = finding.message
    severity = SEVERITIES[finding.severity]
    if finding.status == "explained":
        description = f"[explained: {finding.reason or ''}] {description}"
        severity = "info"
    return {
        "type": "issue",
        "check_name": f"iicheck/{finding.kind}",
        "description": description,
        "categories": ["Style" if finding.kind in _QUALITY_KINDS else "Bug Risk"],
        "fingerprint": fingerprint,
        "severity": severity,
        "location": {"path": evidence_path(head, paths) if head else "",
                     "lines": {"begin": begin, "end": end}},
    }


def _unused_issue(note: UnusedEntry, fingerprint: str) -> dict[str, Any]:
    line = note.line or 1
    return {
        "type": "issue",
        "check_name": f"iicheck/{note.problem}_explanation",
        "description": note.message,
        "categories": ["Style"],
        "fingerprint": fingerprint,
        "severity": "major" if note.fails else "minor",
        "location": {"path": note.file, "lines": {"begin": line, "end": line}},
    }


def render(report: Report, *, include_explained: bool = False, root: str | Path | None = None,
           unused: Sequence[UnusedEntry] = (), **_options: Any) -> str:
    """The Code Quality JSON list, in report order, ending with a newline."""
    paths = source_paths(report, root)
    issues = [_issue(finding, fingerprint, paths) for finding, fingerprint in shown_findings(report, include_explained)]
    keys = unique_keys(f"{note.problem}-explanation-{note.entry.fingerprint}" for note in unused)
    issues += [_unused_issue(note, key) for note, key in zip(unused, keys, strict=True)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
