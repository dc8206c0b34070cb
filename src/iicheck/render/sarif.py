"""SARIF 2.1.0 for code scanning (GitHub `upload-sarif`, Azure DevOps, IDE viewers).

- One rule per finding kind present (in order of first appearance), with descriptions.
- One result per finding: `ruleId`, `ruleIndex`, `level` (error / warning / note), message,
  the first evidence as location (uri relative to the repository root, `uriBaseId`
  `%SRCROOT%`; a file outside the checkout as an absolute `file://` uri without a base),
  further evidence as `relatedLocations`, and
  `partialFingerprints["iicheck/v1"]` = the finding's fingerprint, so code scanning tracks a
  finding across commits (a second finding with the same fingerprint gets `<fingerprint>-2`,
  and so on, as in the GitLab report: code scanning would merge them into one alert).
- Regions are 1-based: `startLine`/`startColumn` from the evidence (line 1 when the core
  gave none), `endLine`/`endColumn` when known (SARIF's endColumn is exclusive). A region
  that is a figure has the figure as its snippet and the quoted sentence as the snippet of
  a `contextRegion` (character offset and length); otherwise the sentence is the snippet.
- Explained findings are left out by default (GitHub does not honour `suppressions`); with
  `include_explained=True` they are kept with an external suppression carrying the reason.
- `baselineState`: new -> "new", updated -> "updated", explained -> "unchanged".
- Stale and expired explanations (`unused`) are `toolConfigurationNotifications` of the
  run's invocation, at their entry in the explanations file (level error when the gate fails
  on them, `--strict`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..explanations import UnusedEntry
from ..models import Evidence, Finding, Report
from .text import evidence_path, shown_findings, source_paths

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "iicheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BASELINE = {"new": "new", "updated": "updated", "explained": "unchanged"}

KIND_DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "contradiction": ("Figures contradict", "Two sources state values for the same metric and "
                      "definition whose time windows overlap but whose value intervals do not."),
    "regression": ("Cumulative figure goes down", "A cumulative metric has a later value "
                   "entirely below an earlier one."),
    "implausible_growth": ("Implausible growth", "The smallest growth two figures allow exceeds "
                           "the metric's declared maximum growth per year."),
    "exceeds_parent": ("Part exceeds its whole", "A definition declared within another has a "
                       "larger value at the same time."),
    "out_of_range": ("Figure out of plausible range", "A figure lies outside the metric's "
                     "declared plausible range."),
    "undated": ("Figure without a date", "No time window could be determined for a figure."),
    "unmapped_figure": ("Figure not covered by the rules", "An on-topic figure maps to no "
                        "metric; the rules may need a new alias."),
    "off_topic": ("Off-topic passage", "A passage does not belong to the source's topic "
                  "(spliced spam or unrelated text)."),
    "artifact": ("Scraper artifact", "Text left over from scraping or conversion."),
    "boilerplate": ("Boilerplate", "Navigation, cookie or legal boilerplate inside the text."),
    "terminology": ("Non-preferred term", "A variant of a term where the rules prefer another."),
    "enumeration_mismatch": ("Count does not match the list", "A stated count differs from the "
                             "number of items the text enumerates."),
    "anachronism": ("Anachronism", "The text mentions an event after its publication date."),
    "duplicate_text": ("Duplicated text", "The same passage appears more than once."),
}


def _rule(kind: str, severity: str) -> dict[str, Any]:
    short, full = KIND_DESCRIPTIONS.get(kind, (kind.replace("_", " ").capitalize(),
                                               f"iicheck finding of kind {kind}."))
    return {
        "id": kind,
        "name": "".join(part.capitalize() for part in kind.split("_")),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": f"{full} Fix the source, or explain the finding in the explanations "
                         f"file with a reason (see docs/ci.md)."},
        "defaultConfiguration": {"level": LEVELS[severity]},
    }


def artifact_location(path: str) -> dict[str, str]:
    """Where a file is: a relative path from the repository's top (`uriBaseId` `%SRCROOT%`,
    which code scanning resolves to the checkout), or, for a file outside the checkout (an
    absolute path), an absolute `file://` URI with no base."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path, safe="/"), "uriBaseId": "%SRCROOT%"}


def _location(evidence: Evidence, paths: dict[str, str]) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": evidence.line or 1}
    if evidence.line is not None and evidence.column is not None:
        region["startColumn"] = evidence.column
    if evidence.line is not None and evidence.end_line is not None:
        region["endLine"] = evidence.end_line
        if evidence.end_column is not None and "startColumn" in region:
            region["endColumn"] = evidence.end_column
    physical: dict[str, Any] = {
        "artifactLocation": artifact_location(evidence_path(evidence, paths)),
        "region": region,
    }
    if evidence.figure and "endColumn" in region:
        # a snippet is the text inside its region (SARIF 3.30.13): the figure here, and the
        # quoted sentence as the context region around it
        region["snippet"] = {"text": evidence.figure}
        start, end = evidence.span
        physical["contextRegion"] = {"charOffset": start, "charLength": end - start,
                                     "snippet": {"text": evidence.sentence}}
    else:
        region["snippet"] = {"text": evidence.sentence}
    return {"physicalLocation": physical}


def _result(finding: Finding, fingerprint: str, rule_index: int, paths: dict[str, str]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": finding.kind,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(e, paths) for e in finding.evidence[:1]],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "baselineState": BASELINE[finding.status],
    }
    related = []
    for index, evidence in enumerate(finding.evidence[1:], start=1):
        location = _location(evidence, paths)
        location["id"] = index
        location["message"] = {"text": evidence.sentence}
        related.append(location)
    if related:
        result["relatedLocations"] = related
    properties = {key: value for key, value in (("metric", finding.metric),
                                                ("definition", finding.definition),
                                                ("status", finding.status)) if value}
    if finding.reason:
        properties["reason"] = finding.reason
    result["properties"] = properties
    if finding.status == "explained":
        result["suppressions"] = [{"kind": "external", "status": "accepted",
                                   "justification": finding.reason or ""}]
    return result


def _notification(note: UnusedEntry) -> dict[str, Any]:
    """A stale or expired explanation: a problem of the tool's configuration, not of a source."""
    region = {"startLine": note.line} if note.line is not None else {}
    return {
        "descriptor": {"id": f"{note.problem}_explanation"},
        "level": "error" if note.fails else "warning",
        "message": {"text": note.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact_location(note.file),
            **({"region": region} if region else {})}}],
    }


def to_sarif(report: Report, *, include_explained: bool = False,
             root: str | Path | None = None, unused: Sequence[UnusedEntry] = ()) -> dict[str, Any]:
    """The SARIF log as a dict (what `render` serialises)."""
    paths = source_paths(report, root)
    shown = shown_findings(report, include_explained)
    rules: list[dict[str, Any]] = []
    index_of: dict[str, int] = {}
    for finding, _ in shown:
        if finding.kind not in index_of:
            index_of[finding.kind] = len(rules)
            rules.append(_rule(finding.kind, finding.severity))
    run: dict[str, Any] = {
        "tool": {"driver": {"name": report.tool or "iicheck", "version": report.version,
                            "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": [_result(f, key, index_of[f.kind], paths) for f, key in shown],
    }
    if unused:
        run["invocations"] = [{"executionSuccessful": True,
                               "toolConfigurationNotifications": [_notification(n) for n in unused]}]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(report: Report, *, include_explained: bool = False,
           root: str | Path | None = None, unused: Sequence[UnusedEntry] = (), **_options: Any) -> str:
    """SARIF 2.1.0 JSON text, stable key order, ending with a newline."""
    return json.dumps(to_sarif(report, include_explained=include_explained, root=root, unused=unused),
                      indent=2, ensure_ascii=False) + "\n"
