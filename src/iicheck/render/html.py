"""Render a `Report` as one self-contained HTML file: inline CSS and SVG, no script, no network.

The renderer only presents what the report holds: it keeps the report's order, partitions
findings into the sections an editor reads (figure findings by status and severity; source
quality findings under their source's scorecard) and never drops, re-sorts or re-judges
anything. All source text reaches the page through Jinja2 autoescaping.

`unmapped_figure` findings (info: a figure no metric rule covers) are many and alike, so
both media list them one row each in a "Figures no rule covers" table after the other figure
findings, each row keeping its `finding-<fingerprint>` anchor.

Two media, one template:

* `render_html(report)` (screen, audit.html) is complete: every finding as a full card,
  every claim in the claims table.
* `render_print_html(report)` feeds the PDF (see `iicheck.render.pdf`). WeasyPrint lays out
  every box, which costs ~40-50 ms per finding card and ~13 ms per claims-table row, so the
  printed copy has a documented size budget, never a judgement of its own:
  - the first `CARD_BUDGET` (100) findings in the report's order (which already puts errors
    and warnings first) are shown in full: a card, or a row with the quoted sentence for an
    unmapped figure. The next `LINE_BUDGET` (900) are one line each (severity, kind, status,
    source:line, message clipped to `CLIP` characters, fingerprint, and its anchor) after the
    full ones of the same group, so nothing moves to another section. The lines are
    paragraphs, not table rows: WeasyPrint lays out a table row about 4x slower. Any later
    finding is counted in its group ("N more ... not printed"), not printed: at about 12 ms
    per line, the 12,816 findings of 1,000 generated documents took 159 s, 3 GB and 1,498
    pages when every one had its line (21.6 s, 584 MB, 125 pages within the budget);
  - the first `RECONCILED_BUDGET` (100) reconciled pairs, the scorecards of the first
    `SOURCES_BUDGET` (100) sources (the quality findings of the others, within the findings
    budget, in a section of their own) and the first `UNDATED_BUDGET` (50) undated claims
    under each timeline are listed, and the first `TIMELINE_BUDGET` (300) dated claims of a
    metric drawn in its timeline (a box costs WeasyPrint about 3 ms: 10,000 claims took 35 s);
    the others are counted;
  - the claims table is printed only when the report has at most `CLAIMS_BUDGET` (300)
    claims; otherwise a note points to audit.html / audit.json and a per-metric count
    table stands in for it;
  - charts are unchanged (one per metric), minus their hover tooltips, which paper cannot show.
  Whenever a budget applies, the PDF says so in a visible note under the masthead and in
  the section concerned. Reports within budget (such as the seed corpus) print in full.
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
from iicheck.render.excerpt import evidence_excerpt
from iicheck.render.timeline_svg import timeline_svg

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
QUALITY_KINDS = frozenset({"off_topic", "artifact", "boilerplate", "terminology",
                           "enumeration_mismatch", "anachronism", "duplicate_text"})
STRUCK_KINDS = frozenset({"off_topic", "artifact", "boilerplate", "duplicate_text"})
SEVERITIES = ("error", "warning", "info")
STATUSES = ("new", "updated", "explained")
COMPACT_KINDS = frozenset({"unmapped_figure"})  # always one row each, in both media
CARD_BUDGET = 100  # print: the first 100 findings in report order in full, then one line each
LINE_BUDGET = 900  # print: one line each for the next 900; any later ones are counted, not printed
CLAIMS_BUDGET = 300  # print: the full claims table only up to this many claims
RECONCILED_BUDGET = 100  # print: the first 100 reconciled pairs listed, the others counted
SOURCES_BUDGET = 100  # print: scorecards of the first 100 sources, the others counted
UNDATED_BUDGET = 50  # print: undated claims listed under a timeline, the others counted
TIMELINE_BUDGET = 300  # print: dated claims drawn per timeline (the first in report order)
CLIP = 140  # print: characters of a message kept in a compact row


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
    card: bool = True  # shown in full (card, or table row for an unmapped figure); False: one line
    listed: bool = True  # shown at all; False: beyond the print budget, counted only

    @property
    def location(self) -> str:
        """file:line of the first evidence (the source id when the source is unlisted)."""
        if not self.evidence:
            return ""
        e = self.evidence[0]
        where = e.source.file if e.source else e.evidence.source
        return f"{where}:{e.evidence.line}" if e.evidence.line else where


def clip(text: str, limit: int = CLIP) -> str:
    """`text` cut to `limit` characters at a word boundary, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def quote(evidence: Evidence, tag: str) -> Quote:
    """The sentence split at its flagged span (the figure, or the flagged clause), excerpted
    around it when long (`iicheck.render.excerpt`). Without a span, a struck ("del") sentence
    is struck whole, any other is quoted plain."""
    ex = evidence_excerpt(evidence, whole_if_unflagged=tag == "del")
    return Quote(ex.before, ex.flagged, ex.after, tag if ex.marked else "")


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


def _views(report: Report, budget: int | None, line_budget: int | None = None) -> list[FindingView]:
    """One view per finding in report order; those from index `budget` on (None: no limit) go
    to one line each, and those from `budget + line_budget` on (None: no limit) are not
    listed."""
    by_span = {(c.source, c.span): c for c in report.claims}
    sources = {s.id: s for s in report.sources}
    seen: Counter[str] = Counter()
    views = []
    for index, finding in enumerate(report.findings):
        seen[finding.fingerprint] += 1
        n = seen[finding.fingerprint]
        anchor = f"finding-{finding.fingerprint}" + (f"-{n}" if n > 1 else "")
        tag = "del" if finding.kind in STRUCK_KINDS else "mark"
        evidence = tuple(
            EvidenceView(ev, quote(ev, tag), by_span.get((ev.source, ev.figure_span or (-1, -1))),
                         sources.get(ev.source))
            for ev in finding.evidence
        )
        card = budget is None or index < budget
        listed = card or line_budget is None or index < budget + line_budget  # type: ignore[operator]
        views.append(FindingView(finding, anchor, evidence, card, listed))
    return views


def _metric_counts(claims: tuple[Claim, ...]) -> list[dict[str, object]]:
    """Per metric (report order; unmapped last): claims, sources, dated, targets, excluded."""
    rows: dict[str | None, dict[str, object]] = {}
    for c in claims:
        row = rows.setdefault(c.metric, {"metric": c.metric, "claims": 0, "sources": set(),
                                         "dated": 0, "targets": 0, "excluded": 0})
        row["claims"] += 1  # type: ignore[operator]
        row["sources"].add(c.source)  # type: ignore[attr-defined]
        row["dated"] += c.time.known  # type: ignore[operator]
        row["targets"] += c.modality == "target"  # type: ignore[operator]
        row["excluded"] += c.excluded is not None  # type: ignore[operator]
    ordered = [r for m, r in rows.items() if m is not None] + ([rows[None]] if None in rows else [])
    return [{**r, "sources": len(r["sources"])} for r in ordered]  # type: ignore[arg-type]


def _context(report: Report, medium: str = "screen") -> dict[str, object]:
    printed = medium == "print"
    views = _views(report, CARD_BUDGET if printed else None, LINE_BUDGET if printed else None)
    action = [v for v in views if v.finding.kind not in QUALITY_KINDS]
    unmapped = [v for v in action if v.finding.kind in COMPACT_KINDS]
    action_cards = [v for v in action if v.finding.kind not in COMPACT_KINDS]
    groups = [
        (status, [(sev, [v for v in action_cards if v.finding.status == status
                         and v.finding.severity == sev]) for sev in SEVERITIES])
        for status in STATUSES
    ]
    quality = [v for v in views if v.finding.kind in QUALITY_KINDS]
    over_budget = sum(1 for v in views if not v.card)
    unlisted = sum(1 for v in views if not v.listed)
    carded = report.sources[:SOURCES_BUDGET] if printed else report.sources
    home = {s.id for s in carded}
    claim_counts = Counter(c.source for c in report.claims)
    by_source: dict[str, list[FindingView]] = {}
    for v in quality:  # one pass (a scan per source was quadratic: minutes at 10,000 sources)
        if v.evidence:
            by_source.setdefault(v.evidence[0].evidence.source, []).append(v)
    cards = []
    for source in carded:
        mine = by_source.get(source.id, [])
        cards.append({"source": source, "claims": claim_counts[source.id], "findings": mine,
                      "kinds": getattr(source, "quality_counts", None)
                      or Counter(v.finding.kind for v in mine),
                      "score": quality_score(source, mine)})
    metrics: dict[str, list[Claim]] = {}
    for claim in report.claims:
        if claim.metric is not None:
            metrics.setdefault(claim.metric, []).append(claim)
    timelines = []
    for m, cs in metrics.items():
        undated = [c for c in cs if not c.time.known]
        shown = undated[:UNDATED_BUDGET] if printed else undated
        dated = [c for c in cs if c.time.known]
        drawn = dated[:TIMELINE_BUDGET] if printed else dated
        timelines.append({"metric": m, "svg": timeline_svg(m, drawn, tooltips=not printed), "claims": cs,
                          "undated": shown, "undated_unlisted": len(undated) - len(shown),
                          "dated": len(dated), "undrawn": len(dated) - len(drawn)})
    reconciled = report.reconciled[:RECONCILED_BUDGET] if printed else report.reconciled
    claims = {c.id: c for c in report.claims}
    return {
        "r": report, "s": report.summary, "severities": SEVERITIES, "groups": groups,
        "printed": printed, "unmapped": unmapped, "card_budget": CARD_BUDGET,
        "over_budget": over_budget, "unlisted": unlisted, "line_budget": LINE_BUDGET, "clip": CLIP,
        "reconciled": reconciled, "reconciled_unlisted": len(report.reconciled) - len(reconciled),
        "sources_unlisted": len(report.sources) - len(carded),
        "claims_in_full": not printed or len(report.claims) <= CLAIMS_BUDGET,
        "claims_budget": CLAIMS_BUDGET, "metric_counts": _metric_counts(report.claims),
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
    env.filters.update(interval=interval, window=window, num=fmt_value, clip=clip)
    return env


def render_html(report: Report) -> str:
    """The complete audit report as one HTML document (identical report, identical string)."""
    return _environment().get_template("report.html.j2").render(**_context(report))


def render_print_html(report: Report) -> str:
    """The HTML the PDF is laid out from: as `render_html`, within the print size budget."""
    return _environment().get_template("report.html.j2").render(**_context(report, "print"))
