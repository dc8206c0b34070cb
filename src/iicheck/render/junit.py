"""JUnit XML for GitLab test reports, Jenkins and other CI dashboards.

- `<testsuites name="iicheck">` with one `<testsuite name="iicheck.<kind>">` per finding kind
  (in order of first appearance; one empty `iicheck` suite when there are no findings).
- One `<testcase>` per finding: `classname="iicheck.<kind>"`, `name="<kind> <short
  fingerprint> <source>"`, made unique within the file by a ` #2`, ` #3` ... suffix when
  two findings share a name (two findings may share a fingerprint). `file` and `line` give
  the first evidence.
- New and updated findings at or above `fail_level` are `<failure message=... type=severity>`
  with the location and quoted sentences as text. An updated finding (its explanation was
  written for other figures) and one whose reason is a placeholder say so in the message
  ("updated since explained: ...", "explanation pending: ...") and, in the text's last line,
  why, worded as the text report words it ("updated: the figures changed since it was
  explained (<reason>); review it again"). Findings below `fail_level` pass, with
  the same text in `<system-out>` — the gate would not fail on them either.
- Explained findings are left out by default; with `include_explained=True` they appear as
  `<skipped message="explained: <reason>">`.
- Stale and expired explanations (`unused`) are test cases of an `iicheck.explanations`
  suite at their entry in the explanations file: failures when the gate fails on them
  (`--strict`), else passes with the note in `<system-out>`.
- No timestamps and `time="0"`: identical input, identical bytes. Characters XML 1.0 cannot
  carry are replaced with U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..explanations import UnusedEntry
from ..models import SEVERITY_RANK, Finding, Report
from .excerpt import evidence_excerpt
from .text import (evidence_path, explanation_state, primary, short_fingerprint, shown_findings, source_paths,
                   status_line, unique_keys)

_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


_STATUS_PREFIX = {"updated": "updated since explained: ", "pending": "explanation pending: "}
"""Before a failure's message: why a finding with an explanation entry still fails."""


def _details(finding: Finding, paths: dict[str, str]) -> str:
    lines = [finding.message]
    for evidence in finding.evidence:
        lines.append(f"{evidence_path(evidence, paths)}:{evidence.line or 1}:"
                     f"{evidence.column or 1}: {evidence_excerpt(evidence).text}")
    lines.append(f"fingerprint: {finding.fingerprint}")
    status = status_line(finding)
    if status is not None:
        lines.append(status)
    return _x("\n".join(lines) + "\n")


def _testcase(finding: Finding, name: str, paths: dict[str, str], fail_rank: int) -> ET.Element:
    head = primary(finding)
    attrs = {"name": _x(name), "classname": f"iicheck.{finding.kind}", "time": "0"}
    if head is not None:
        attrs["file"] = _x(evidence_path(head, paths))
        attrs["line"] = str(head.line or 1)
    case = ET.Element("testcase", attrs)
    if finding.status == "explained":
        ET.SubElement(case, "skipped", {"message": _x(f"explained: {finding.reason or ''}")})
    elif SEVERITY_RANK[finding.severity] >= fail_rank:
        failure = ET.SubElement(case, "failure", {"message": _x(_STATUS_PREFIX.get(explanation_state(finding), "")
                                                                 + finding.message),
                                                  "type": finding.severity})
        failure.text = _details(finding, paths)
    else:
        ET.SubElement(case, "system-out").text = _details(finding, paths)
    return case


def _case_name(finding: Finding) -> str:
    head = primary(finding)
    return f"{finding.kind} {short_fingerprint(finding.fingerprint)} {head.source if head else '-'}"


def _unused_testcase(note: UnusedEntry, name: str) -> ET.Element:
    attrs = {"name": _x(name), "classname": "iicheck.explanations", "time": "0", "file": _x(note.file)}
    if note.line is not None:
        attrs["line"] = str(note.line)
    case = ET.Element("testcase", attrs)
    if note.fails:
        failure = ET.SubElement(case, "failure", {"message": _x(note.message), "type": note.problem})
        failure.text = _x(f"{note.location}: {note.message}\n")
    else:
        ET.SubElement(case, "system-out").text = _x(f"{note.location}: {note.message} "
                                                     f"(the gate fails on this only with --strict)\n")
    return case


def render(report: Report, *, include_explained: bool = False, root: str | Path | None = None,
           fail_level: str = "info", unused: Sequence[UnusedEntry] = (), **_options: Any) -> str:
    """JUnit XML text with an XML declaration, indented, ending with a newline."""
    paths = source_paths(report, root)
    fail_rank = SEVERITY_RANK[fail_level]
    suites_el = ET.Element("testsuites", {"name": "iicheck"})
    suites: dict[str, ET.Element] = {}
    shown = [f for f, _ in shown_findings(report, include_explained)]
    names = iter(unique_keys([_case_name(f) for f in shown] + [
        f"{note.problem} explanation {short_fingerprint(note.entry.fingerprint)}" for note in unused], " #"))
    for finding, name in zip(shown, names):
        if finding.kind not in suites:
            suites[finding.kind] = ET.SubElement(suites_el, "testsuite",
                                                 {"name": f"iicheck.{finding.kind}"})
        suites[finding.kind].append(_testcase(finding, name, paths, fail_rank))
    for note, name in zip(unused, names):
        if "explanations" not in suites:
            suites["explanations"] = ET.SubElement(suites_el, "testsuite", {"name": "iicheck.explanations"})
        suites["explanations"].append(_unused_testcase(note, name))
    if not suites:
        suites["iicheck"] = ET.SubElement(suites_el, "testsuite", {"name": "iicheck"})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites.values():
        counts = {"tests": len(suite.findall("testcase")),
                  "failures": len(suite.findall("testcase/failure")),
                  "errors": 0,
                  "skipped": len(suite.findall("testcase/skipped"))}
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("time", "0")
    for key, value in totals.items():
        suites_el.set(key, str(value))
    suites_el.set("time", "0")
    ET.indent(suites_el)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(
        suites_el, encoding="unicode") + "\n"
