"""Render a `Report` as one self-contained HTML file: inline CSS and SVG, no script, no network.

The renderer only presents what the report holds: it keeps the report's order, partitions
findings into the sections an editor reads (figure findings by status and severity; source
quality findings under their source's scorecard) and never drops, re-sorts or re-judges
anything. All source text reaches the page through Jinja2 autoescaping.

`unmapped_figure` findings (info: a figure no metric rule covers) are many and alike, so
both media list them one row each in a "Figures no rule covers" table after the other figure
findings, each row keeping its `finding-<fingerprint>` anchor.

Two media, one template, each with a documented size budget (`Budget`: `SCREEN`, `PRINT`),
never a judgement of its own. Within it a report is laid out in full (the seed corpus in both
media); beyond it the rest is counted where it belongs and a note under the masthead and in
the section concerned says so and where to find everything (audit.json holds it all):

* `render_html(report)` (screen, audit.html): 2,000 findings in full, 18,000 more one line
  each, 20,000 claims in the claims table, 5,000 reconciled pairs, 2,000 scorecards, 500
  undated claims listed and at most 1,000 claims drawn per timeline. Without it the page of 10,000
  generated documents was 260 MB (123 MB of finding cards, 56 MB of scorecards, 48 MB of
  reconciled pairs), too large for a browser to open usefully.
* `render_print_html(report)` feeds the PDF (see `iicheck.render.pdf`). WeasyPrint lays out
  every box, which costs ~40-50 ms per finding card and ~13 ms per claims-table row, so the
  printed budget (`PRINT`) is small:
  - the first 100 findings in the report's order (which already puts errors and warnings
    first) are shown in full: a card, or a row with the quoted sentence for an unmapped
    figure. The next 900 are one line each (severity, kind, status, source:line, message
    clipped to `CLIP` characters, fingerprint, and its anchor) after the full ones of the
    same group, so nothing moves to another section. The lines are paragraphs, not table
    rows: WeasyPrint lays out a table row about 4x slower. Any later finding is counted in
    its group ("N more ... not printed"): at about 12 ms per line, the 12,816 findings of
    1,000 generated documents took 159 s, 3 GB and 1,498 pages when every one had its line
    (21.6 s, 584 MB, 125 pages within the budget);
  - the first 100 reconciled pairs, the scorecards of the first 100 sources (the quality
    findings of the others, within the findings budget, in a section of their own) and the
    first 50 undated claims under each timeline are listed, and at most 300 dated claims of
    a metric drawn in its timeline, every k-th in the report's order so that the whole
    corpus is seen, thinned (a box costs WeasyPrint about 3 ms: 10,000 claims took 35 s);
    the others are counted;
  - the claims table is printed only when the report has at most 300 claims; otherwise a
    per-metric count table stands in for it;
  - charts lose their hover tooltips, which paper cannot show.
What is laid out is chosen by the report's order alone (the first ones; every k-th claim in a
timeline), never by what it says.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from iicheck.findings import quoted
from iicheck.intervals import describe, rounded
from iicheck.models import Claim, Evidence, Finding, Report, SourceInfo, TimeWindow
from iicheck.quality.score import formula_in_words
from iicheck.render.excerpt import evidence_excerpt
from iicheck.render.timeline_svg import FONT, PRINT_FONT, timeline_svg
from iicheck.ruleset.models import BUILTIN_BOILERPLATE

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
QUALITY_KINDS = frozenset({"off_topic", "artifact", "boilerplate", "terminology",
                           "enumeration_mismatch", "anachronism", "duplicate_text"})
STRUCK_KINDS = frozenset({"off_topic", "artifact", "boilerplate", "duplicate_text"})
SEVERITIES = ("error", "warning", "info")
STATUSES = ("new", "updated", "explained")
COMPACT_KINDS = frozenset({"unmapped_figure"})  # always one row each, in both media
FURNITURE_KIND = "boilerplate"
"""Shown in its source's scorecard as one table row per line, not as a card."""


@dataclass(frozen=True)
class Budget:
    """How much of a report one medium lays out; the rest is counted where it belongs and
    the page says so (see the module docstring)."""

    cards: int  # findings in full (the first ones in the report's order)
    lines: int  # the next ones, one line each; any later ones are counted only
    claims: int  # the claims table only up to this many claims, else counts per metric
    reconciled: int  # reconciled pairs listed
    sources: int  # source scorecards
    undated: int  # undated claims listed under a timeline
    drawn: int  # dated claims drawn per timeline at most (every k-th in the report's order)
    quoted: int  # evidence quoted per card (a paragraph repeated 1,000 times is one finding);
    # the rest listed by place, up to `places`, then counted
    places: int = 30


PRINT = Budget(cards=100, lines=900, claims=300, reconciled=100, sources=100, undated=50, drawn=300, quoted=6)
SCREEN = Budget(cards=2000, lines=18000, claims=20000, reconciled=5000, sources=2000, undated=500, drawn=1000,
                quoted=12)
CLIP = 140  # print: characters of a message kept in a compact row


@dataclass(frozen=True)
class Quote:
    """A quoted sentence split around its flagged span; `tag` is "mark", "del" or ""."""

    before: str
    flagged: str
    after: str
    tag: str


_UNQUOTED = Quote("", "", "", "")
"""The quote of a finding shown as one line or counted: not laid out, so not excerpted."""


@dataclass(frozen=True)
class EvidenceView:
    evidence: Evidence
    quote: Quote
    claim: Claim | None
    source: SourceInfo | None

    @property
    def label(self) -> str:
        """The bold text over the quote: the claim's figure, else the evidence's flagged text,
        bounded as a finding's message quotes it (`findings.quoted`: a struck duplicated
        paragraph is flagged whole, and the quote below it is already its excerpt)."""
        if self.claim is not None:
            return self.claim.figure
        return quoted(self.evidence.figure or "", marks="")

    @property
    def place(self) -> str:
        """file:line (the source id when the source is unlisted)."""
        where = self.source.file if self.source else self.evidence.source
        return f"{where}:{self.evidence.line}" if self.evidence.line else where


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    anchor: str
    evidence: tuple[EvidenceView, ...]
    card: bool = True  # shown in full (card, or table row for an unmapped figure); False: one line
    listed: bool = True  # shown at all; False: beyond the medium's budget, counted only
    more_places: tuple[str, ...] = ()  # a card's evidence beyond the quoted ones: where each is
    more_count: int = 0  # how many evidence the card does not quote (more_places lists the first)

    @property
    def location(self) -> str:
        """file:line of the first evidence (the source id when the source is unlisted)."""
        return self.evidence[0].place if self.evidence else ""


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


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, ..."""
    suffix = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


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


def _views(report: Report, budget: Budget) -> list[FindingView]:
    """One view per finding in report order; from index `budget.cards` on one line each, and
    from `budget.cards + budget.lines` on not listed."""
    by_span = {(c.source, c.span): c for c in report.claims}
    sources = {s.id: s for s in report.sources}
    seen: Counter[str] = Counter()
    views = []
    for index, finding in enumerate(report.findings):
        seen[finding.fingerprint] += 1
        n = seen[finding.fingerprint]
        anchor = f"finding-{finding.fingerprint}" + (f"-{n}" if n > 1 else "")
        card = index < budget.cards
        more: tuple[str, ...] = ()
        if card:
            tag = "del" if finding.kind in STRUCK_KINDS else "mark"
            evidence = tuple(
                EvidenceView(ev, quote(ev, tag), by_span.get((ev.source, ev.figure_span or (-1, -1))),
                             sources.get(ev.source))
                for ev in finding.evidence[:budget.quoted]
            )
            rest = finding.evidence[budget.quoted:budget.quoted + budget.places]
            more = tuple(EvidenceView(ev, _UNQUOTED, None, sources.get(ev.source)).place for ev in rest)
        else:  # a line or a count: where it is (its first evidence), not what it quotes
            evidence = tuple(EvidenceView(ev, _UNQUOTED, None, sources.get(ev.source))
                             for ev in finding.evidence[:1])
        views.append(FindingView(finding, anchor, evidence, card, index < budget.cards + budget.lines, more,
                                 max(0, len(finding.evidence) - budget.quoted) if card else 0))
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
    budget = PRINT if printed else SCREEN
    views = _views(report, budget)
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
    carded = report.sources[:budget.sources]
    home = {s.id for s in carded}
    claim_counts = Counter(c.source for c in report.claims)
    by_source: dict[str, list[FindingView]] = {}
    for v in quality:  # one pass (a scan per source was quadratic: minutes at 10,000 sources)
        if v.evidence:
            by_source.setdefault(v.evidence[0].evidence.source, []).append(v)
    figures_of: dict[str, list[FindingView]] = {}  # the figure findings each source's figures are in
    for v in action_cards:
        for source_id in dict.fromkeys(e.source for e in v.finding.evidence):
            figures_of.setdefault(source_id, []).append(v)
    cards = []
    excluded = next((st.value for st in report.rules.settings
                     if st.file == "quality.yaml" and st.key == "exclude_claims_in"), (FURNITURE_KIND,))
    furniture_compared = isinstance(excluded, tuple) and FURNITURE_KIND not in excluded
    for source in carded:
        mine = by_source.get(source.id, [])
        split: dict[bool, list[FindingView]] = {True: [], False: []}  # furniture rows, the rest
        for v in mine:
            split[v.card and v.finding.kind == FURNITURE_KIND].append(v)
        cards.append({"source": source, "claims": claim_counts[source.id], "count": len(mine),
                      "figure_findings": figures_of.get(source.id, []),
                      "findings": split[False], "furniture": split[True], "furniture_compared": furniture_compared,
                      "kinds": getattr(source, "quality_counts", None)
                      or Counter(v.finding.kind for v in mine),
                      "score": quality_score(source, mine)})
    metrics: dict[str, list[Claim]] = {}
    for claim in report.claims:
        if claim.metric is not None:
            metrics.setdefault(claim.metric, []).append(claim)
    timelines = []
    for m, cs in metrics.items():
        changes = [c for c in cs if c.excluded == "change"]  # a rise or fall is no level to draw
        levels = [c for c in cs if c.excluded != "change"]
        undated = [c for c in levels if not c.time.known]
        shown = undated[:budget.undated]
        dated = [c for c in levels if c.time.known]
        step = max(1, -(-len(dated) // budget.drawn))  # every claim, or every step-th: the whole corpus, thinned
        drawn = dated[::step]
        svg = timeline_svg(m, drawn, tooltips=not printed, font=PRINT_FONT if printed else FONT)
        timelines.append({"metric": m, "svg": svg, "claims": cs,
                          "undated": shown, "undated_unlisted": len(undated) - len(shown),
                          "dated": len(dated), "undrawn": len(dated) - len(drawn), "step": step,
                          "changes": changes[:budget.undated],
                          "changes_unlisted": max(0, len(changes) - budget.undated)})
    reconciled = report.reconciled[:budget.reconciled]
    claims = {c.id: c for c in report.claims}
    return {
        "r": report, "s": report.summary, "severities": SEVERITIES, "groups": groups,
        "printed": printed, "unmapped": unmapped, "card_budget": budget.cards,
        "over_budget": over_budget, "unlisted": unlisted, "line_budget": budget.lines, "clip": CLIP,
        "reconciled": reconciled, "reconciled_unlisted": len(report.reconciled) - len(reconciled),
        "sources_unlisted": len(report.sources) - len(carded),
        "claims_in_full": len(report.claims) <= budget.claims,
        "claims_budget": budget.claims, "metric_counts": _metric_counts(report.claims),
        # how the page names itself, what it leaves out and where the rest is
        "copy": "This printed copy" if printed else "This page",
        "unshown": "not printed" if printed else "not shown",
        "elsewhere": "audit.html / audit.json" if printed else "audit.json",
        "budget_name": "the print budget" if printed else "this page's size budget",
        "action_count": len(action), "quality_count": len(quality), "cards": cards,
        # the source-quality errors and warnings the verdict counts, linked from §2 to their cards
        "quality_action": [v for v in quality if v.finding.status != "explained"
                           and v.finding.severity in ("error", "warning")],
        "orphans": [v for v in quality if not v.evidence or v.evidence[0].evidence.source
                    not in home],
        "timelines": timelines, "claims": claims, "sources": {s.id: s for s in report.sources},
        "score_legend": formula_in_words(), "builtin_furniture_rules": BUILTIN_BOILERPLATE,
        "css": Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
    }


def text_direction(parts: object) -> str:
    """The `dir` of a quote (a string, or its pieces in a tuple): "rtl" when its first strongly
    directional character is right-to-left (Arabic, Hebrew...), else "auto". Browsers find the
    direction themselves from "auto"; WeasyPrint ignores it, and lays a right-to-left sentence
    split by its highlighted figure out left to right, its parts on the wrong sides."""
    for part in parts if isinstance(parts, (tuple, list)) else (parts,):
        for char in str(part or ""):
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return "auto"
            if kind in ("R", "AL"):
                return "rtl"
    return "auto"


@cache
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    # intervals as the findings' messages write them, exactly ([70, 80), 40 million, 2,345,678)
    env.filters.update(interval=describe, window=window, num=rounded, clip=clip, ordinal=ordinal,
                       textdir=text_direction, setting=setting_value, detail=detail_value)
    return env


def detail_value(value: object) -> str:
    """A finding's detail on its card: numbers as an editor writes them (15.59, not
    15.594230378107946; 36.31 billion); audit.json keeps the exact values."""
    if isinstance(value, float):
        return rounded(value)
    return str(value)


def setting_value(value: object) -> str:
    """A rule-file setting as section 7 shows it: lists as their items, switches as yes/no."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (int, float)):
        return rounded(value)
    if isinstance(value, (tuple, list)):
        return ", ".join(map(_list_item, value)) if value else "none"
    return str(value)


def _list_item(item: object) -> str:
    """An item of a listed setting; in quotes when it holds a comma or starts with anything but
    a letter or digit (the fall cue ", down" would read as an empty item in "been down, , down")."""
    text = str(item)
    return f"\u201c{text}\u201d" if "," in text or not text[:1].isalnum() else text


def render_html(report: Report) -> str:
    """The complete audit report as one HTML document (identical report, identical string)."""
    return _environment().get_template("report.html.j2").render(**_context(report))


def render_print_html(report: Report) -> str:
    """The HTML the PDF is laid out from: as `render_html`, within the print size budget."""
    return _environment().get_template("report.html.j2").render(**_context(report, "print"))
