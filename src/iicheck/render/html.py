"""Render a `Report` as one self-contained HTML file: inline CSS and SVG, no script, no network.

The renderer only presents what the report holds: it keeps the report's order, partitions
findings into the sections an editor reads (figure findings by status and severity; source
quality findings under their source's scorecard) and never drops, re-sorts or re-judges
anything. All source text reaches the page through Jinja2 autoescaping.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from iicheck.models import Claim, Evidence, Finding, Report, SourceInfo, TimeWindow, ValueInterval
from iicheck.render.chart_axes import fmt_value
from iicheck.render.timeline_svg import timeline_svg

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
QUALITY_KINDS = frozenset({"off_topic", "artifact", "boilerplate", "terminology",
                           "enumeration_mismatch", "anachronism", "duplicate_text"})
STRUCK_KINDS = frozenset({"off_topic", "artifact", "boilerplate", "duplicate_text"})
SEVERITIES = ("error", "warning", "info")
STATUSES = ("new", "updated", "explained")


@dataclass(frozen=True)
class Quote:
    """A quoted sentence split around its flagged span; `tag` is "mark", "del" or ""."""

    before: str
    flagged: str
    after: str
    tag: str


@dataclass(frozen=True)
class EvidenceView:
    evidence: Evidence
    quote: Quote
    claim: Claim | None
    source: SourceInfo | None


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    anchor: str
    evidence: tuple[EvidenceView, ...]


def quote(evidence: Evidence, tag: str) -> Quote:
    """Split the sentence at the figure (figure_span is absolute; span is the sentence's)."""
    text = evidence.sentence
    if evidence.figure_span is None:
        return Quote("", text, "", "del") if tag == "del" else Quote(text, "", "", "")
    start = evidence.figure_span[0] - evidence.span[0]
    end = evidence.figure_span[1] - evidence.span[0]
    if not 0 <= start <= end <= len(text):
        return Quote(text, "", "", "")
    return Quote(text[:start], text[start:end], text[end:], tag)


def interval(value: ValueInterval) -> str:
    """[70, 80) style, honouring open and closed ends."""
    if value.low == value.high:
        return fmt_value(value.low)
    left = "[" if value.low_inclusive else "("
    right = "]" if value.high_inclusive else ")"
    return f"{left}{fmt_value(value.low)}, {fmt_value(value.high)}{right}"


def window(time: TimeWindow) -> str:
    """2020-11-23 – 2021-02-23, one date when start == end, "unknown" when open."""
    if time.start is None and time.end is None:
        return "unknown"
    if time.start == time.end:
        return str(time.start)
    return f"{time.start or '…'} – {time.end or '…'}"


def quality_score(source: SourceInfo, findings: list[FindingView]) -> object:
    """A per-source score if the model (or a finding's details) carries one; never computed."""
    score = getattr(source, "quality_score", None)
    if score is None:
        scores = [v.finding.details.get("score") for v in findings]
        score = next((s for s in scores if s is not None), None)
    return score


def _views(report: Report) -> list[FindingView]:
    by_span = {(c.source, c.span): c for c in report.claims}
    sources = {s.id: s for s in report.sources}
    seen: Counter[str] = Counter()
    views = []
    for finding in report.findings:
        seen[finding.fingerprint] += 1
        n = seen[finding.fingerprint]
        anchor = f"finding-{finding.fingerprint}" + (f"-{n}" if n > 1 else "")
        tag = "del" if finding.kind in STRUCK_KINDS else "mark"
        evidence = tuple(
            EvidenceView(ev, quote(ev, tag), by_span.get((ev.source, ev.figure_span or (-1, -1))),
                         sources.get(ev.source))
            for ev in finding.evidence
        )
        views.append(FindingView(finding, anchor, evidence))
    return views


def _context(report: Report) -> dict[str, object]:
    views = _views(report)
    action = [v for v in views if v.finding.kind not in QUALITY_KINDS]
    groups = [
        (status, [(sev, [v for v in action if v.finding.status == status
                         and v.finding.severity == sev]) for sev in SEVERITIES])
        for status in STATUSES
    ]
    quality = [v for v in views if v.finding.kind in QUALITY_KINDS]
    home = {s.id for s in report.sources}
    claim_counts = Counter(c.source for c in report.claims)
    cards = []
    for source in report.sources:
        mine = [v for v in quality if v.evidence and v.evidence[0].evidence.source == source.id]
        cards.append({"source": source, "claims": claim_counts[source.id], "findings": mine,
                      "kinds": getattr(source, "quality_counts", None)
                      or Counter(v.finding.kind for v in mine),
                      "score": quality_score(source, mine)})
    metrics: dict[str, list[Claim]] = {}
    for claim in report.claims:
        if claim.metric is not None:
            metrics.setdefault(claim.metric, []).append(claim)
    timelines = [{"metric": m, "svg": timeline_svg(m, cs), "claims": cs,
                  "undated": [c for c in cs if not c.time.known]} for m, cs in metrics.items()]
    claims = {c.id: c for c in report.claims}
    return {
        "r": report, "s": report.summary, "severities": SEVERITIES, "groups": groups,
        "action_count": len(action), "quality_count": len(quality), "cards": cards,
        "orphans": [v for v in quality if not v.evidence or v.evidence[0].evidence.source
                    not in home],
        "timelines": timelines, "claims": claims, "sources": {s.id: s for s in report.sources},
        "rules": getattr(report, "rules", None), "css": Markup((TEMPLATES / "report.css")
                                                               .read_text(encoding="utf-8")),
    }


@cache
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters.update(interval=interval, window=window, num=fmt_value)
    return env


def render_html(report: Report) -> str:
    """The audit report as one HTML document (identical report, identical string)."""
    return _environment().get_template("report.html.j2").render(**_context(report))
