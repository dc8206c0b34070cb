"""Terminal text for `iicheck check`: one line per finding, the quoted sentences, a summary.

    seeds/004_x.txt:12:5: error contradiction: 70 vs more than 150 platforms [3f9a0c1b2d4e]
        > By 2023 the country had more than 150 platforms.
        > seeds/002_y.txt:3:1: About 70 platforms were in operation.
    2 findings: 1 new, 0 updated, 1 explained (1 error, 1 warning, 0 info)

Explained findings are left out unless `include_explained=True`. Colours only when asked
(`color=True`, which the CLI passes when stdout is a terminal). Source text is untrusted:
control characters are replaced so a sentence cannot drive the terminal.

The small location helpers here are shared by the other machine renderers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..models import Evidence, Finding, Report
from .excerpt import evidence_excerpt

SHORT = 12
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_STYLE = {"error": "\x1b[31;1m", "warning": "\x1b[33;1m", "info": "\x1b[36m",
          "dim": "\x1b[2m", "bold": "\x1b[1m", "reset": "\x1b[0m"}


def short_fingerprint(fingerprint: str) -> str:
    """The first characters of a fingerprint, enough to tell findings apart on screen."""
    return fingerprint[:SHORT]


def source_paths(report: Report, root: str | Path | None = None) -> dict[str, str]:
    """Source id -> its file as a forward-slash path: an absolute one relative to `root` when
    under it, else kept absolute (a file outside the checkout; `display_path`)."""
    return {info.id: shown_path(info.file, root) for info in report.sources}


def shown_path(file: str, root: str | Path | None = None) -> str:
    """`file` as a forward-slash path, relative to `root` when it is an absolute path under
    `root`; a relative path, or an absolute one outside `root`, as it is."""
    if root is not None and os.path.isabs(file):
        try:
            relative = Path(os.path.relpath(file, root))
        except ValueError:  # another drive on Windows
            relative = Path(os.pardir)
        if relative.parts and relative.parts[0] != os.pardir:
            return relative.as_posix()
    return Path(file).as_posix()


def shown_findings(report: Report, include_explained: bool) -> list[tuple[Finding, str]]:
    """The findings a machine format shows (explained ones only when asked), in report order,
    each with its fingerprint made unique: two findings can share one (the same figure stated
    twice in a sentence), and code scanning and GitLab take a fingerprint as an issue's
    identity, so the second gets `<fingerprint>-2`, the third `-3`, and so on."""
    shown = [f for f in report.findings if include_explained or f.status != "explained"]
    return list(zip(shown, unique_keys(f.fingerprint for f in shown), strict=True))


def unique_keys(keys: Iterable[str], sep: str = "-") -> list[str]:
    """`keys` with the second of equal ones as `<key><sep>2`, the third `<sep>3`, and so on."""
    seen: dict[str, int] = {}
    unique = []
    for key in keys:
        count = seen[key] = seen.get(key, 0) + 1
        unique.append(key if count == 1 else f"{key}{sep}{count}")
    return unique


def evidence_path(evidence: Evidence, paths: Mapping[str, str]) -> str:
    """The file an evidence quote comes from (its source id if the report does not list it)."""
    return paths.get(evidence.source, evidence.source)


def primary(finding: Finding) -> Evidence | None:
    """The evidence a finding is located at: its first one."""
    return finding.evidence[0] if finding.evidence else None


def clean(text: str) -> str:
    """Text safe to print on one terminal line: controls and bidi overrides replaced."""
    return _CONTROL.sub("\ufffd", " ".join(text.split("\n")))


def _where(evidence: Evidence | None, paths: Mapping[str, str]) -> str:
    if evidence is None:
        return "iicheck"
    return f"{evidence_path(evidence, paths)}:{evidence.line or 1}:{evidence.column or 1}"


def _quote(evidence: Evidence, color: bool) -> str:
    """The quoted sentence on one line (excerpted around its flagged span when long), the
    span in bold when `color`."""
    ex = evidence_excerpt(evidence)
    if color and ex.marked and ex.flagged:
        return clean(ex.before) + _STYLE["bold"] + clean(ex.flagged) + _STYLE["reset"] + clean(ex.after)
    return clean(ex.text)


def explanation_state(finding: Finding) -> str:
    """new, explained, updated (its entry was written for other figures: it fails the gate
    until explained again), or pending (new, with a placeholder reason, which explains
    nothing)."""
    return "pending" if finding.status == "new" and finding.reason else finding.status


def status_line(finding: Finding) -> str | None:
    """Why a finding with an explanation entry is shown as it is, in words (None for a new
    finding with no entry; see `explanation_state`). The text and JUnit reports word it
    alike."""
    state = explanation_state(finding)
    if state == "explained":
        return f"explained: {finding.reason or ''}"
    if state == "updated":
        return (f"updated: the figures changed since it was explained "
                f"({finding.reason or ''}); review it again")
    if state == "pending":
        return f"explanation pending: {finding.reason}"
    return None


def render_finding(finding: Finding, paths: Mapping[str, str], color: bool = False) -> str:
    """The lines for one finding: location, severity, kind, message, quotes, reason."""
    paint = (lambda style, text: f"{_STYLE[style]}{text}{_STYLE['reset']}") if color \
        else (lambda style, text: text)
    head = primary(finding)
    fp = paint("dim", f"[{short_fingerprint(finding.fingerprint)}]")
    lines = [f"{_where(head, paths)}: {paint(finding.severity, finding.severity)} "
             f"{finding.kind}: {clean(finding.message)} {fp}"]
    for index, evidence in enumerate(finding.evidence):
        where = "" if index == 0 else f"{_where(evidence, paths)}: "
        lines.append(f"    > {where}{_quote(evidence, color)}")
    status = status_line(finding)
    if status is not None:
        lines.append(f"    {clean(status)}")
    return "\n".join(lines)


def render(report: Report, *, include_explained: bool = False, color: bool = False,
           root: str | Path | None = None, **_options: Any) -> str:
    """The findings in report order, then one summary line."""
    paths = source_paths(report, root)
    blocks = [render_finding(f, paths, color) for f in report.findings
              if include_explained or f.status != "explained"]
    counts = {status: 0 for status in ("new", "updated", "explained")}
    severities = {severity: 0 for severity in ("error", "warning", "info")}
    for finding in report.findings:
        counts[finding.status] += 1
        severities[finding.severity] += 1
    total = len(report.findings)
    summary = (f"{total} finding{'s' if total != 1 else ''}: {counts['new']} new, "
               f"{counts['updated']} updated, {counts['explained']} explained "
               f"({severities['error']} error{'s' if severities['error'] != 1 else ''}, "
               f"{severities['warning']} warning{'s' if severities['warning'] != 1 else ''}, "
               f"{severities['info']} info)")
    return "".join(block + "\n" for block in blocks) + summary + "\n"
