"""Static SVG timeline of one metric's claims: value intervals against time windows.

Each claim with a known time window is one rectangle spanning [time.start, time.end] ×
[value.low, value.high]; colour follows the definition, the label names figure and source
(up to `LABELLED_MAX` claims per timeline; beyond, boxes only, and the hover text names them),
targets have a dashed outline, estimates a dotted one, excluded claims are grey. The value
axis turns logarithmic when the drawn values span more than two orders of magnitude.

Hand-written rather than a charting library: pygal (the maintained pure-SVG option) draws
points and lines, not interval rectangles on a date axis, and its default output links
tooltip JavaScript from the network. Every text node goes through `markupsafe.escape`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from iicheck.models import Claim
from iicheck.render.chart_axes import Scale, fmt_value, time_ticks, value_scale

WIDTH, HEIGHT = 760, 360
LINE = 13  # label line height in px
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 14, 84
BAR = 3  # px: the height of a bar for an exact figure (no range)
LABEL_CHARS = 28
"""A label's figure and source are each cut to this many characters (the hover text, the
claims table and the source scorecards name them in full): a 230-character file name would
run off the chart."""
LABELLED_MAX = 40
"""Boxes are labelled (figure · source) only up to this many claims in one timeline: beyond,
the labels overprint each other into a black band (300 claims of one metric at 1,000
generated documents), and placing them costs time quadratic in their number."""
PALETTE = ("#2563eb", "#d97706", "#059669", "#db2777", "#7c3aed", "#0891b2", "#65a30d")
NO_DEFINITION, EXCLUDED = "#6b7280", "#9ca3af"
DASH = {"achieved": "", "target": "6 3", "estimate": "2 2"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', 'DejaVu Sans', sans-serif"
PRINT_FONT = "'Liberation Sans', 'DejaVu Sans', sans-serif"
"""The PDF's: the face render/pdf.py bundles, so the system's own system-ui does not change it."""
# Presentation attributes, not CSS classes: WeasyPrint does not style inline SVG from the page.
STYLE = {
    "plot": 'fill="#fcfcfd" stroke="#e5e7eb"',
    "grid": 'stroke="#eef0f3" stroke-width="1"',
    "tick": 'font-size="11" fill="#6b7280"',
    "axis": 'font-size="11" fill="#6b7280" font-style="italic"',
    "lbl": 'font-size="11" font-weight="600" fill="#1f2937"',
    "lg": 'font-size="11" fill="#1f2937"',
    "leader": 'stroke="#9ca3af" stroke-width="0.8"',
}


def definition_colours(claims: Sequence[Claim]) -> dict[str | None, str]:
    """Colour per definition, in order of first appearance (stable for identical input)."""
    colours: dict[str | None, str] = {}
    for claim in claims:
        if claim.definition not in colours:
            known = sum(1 for key in colours if key is not None)
            colours[claim.definition] = (
                NO_DEFINITION if claim.definition is None else PALETTE[known % len(PALETTE)]
            )
    return colours


def _e(text: object) -> str:
    return str(escape(str(text)))


def _short(text: object) -> str:
    text = str(text)
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


@dataclass
class _Label:
    text: str
    x: float
    y: float
    anchor: str
    width: float
    mid: tuple[float, float]  # where the mark's label attaches
    home: float = 0.0  # the baseline it was given, before `_place` lifted it

    def __post_init__(self) -> None:
        self.home = self.y

    def extent(self) -> tuple[float, float]:
        left = self.x if self.anchor == "start" else self.x - self.width
        return left, left + self.width


def _mark(claim: Claim, xs: Scale, ys: Scale, colour: str, tooltip: bool = True) -> tuple[str, _Label]:
    """One claim's rectangle (with its tooltip) and where its label wants to go."""
    assert claim.time.start is not None and claim.time.end is not None
    x0 = xs(claim.time.start.toordinal())
    x1 = max(xs(claim.time.end.toordinal() + 1), x0 + 4)
    high = claim.value.high if math.isfinite(claim.value.high) else ys.domain[1]
    y_top, y_bottom = ys(high), ys(claim.value.low)
    thin = y_bottom - y_top < LINE + 2  # too low to hold a label
    if y_bottom - y_top < BAR:  # an exact figure: a thin bar centred on the value
        mid = (y_top + y_bottom) / 2
        y_top, y_bottom = mid - BAR / 2, mid + BAR / 2
    fill = EXCLUDED if claim.excluded else colour
    dash = DASH.get(claim.modality, "")
    tip = (
        f"{claim.source}: “{claim.figure}” → [{fmt_value(claim.value.low)}, "
        f"{fmt_value(claim.value.high)}] {claim.unit or ''}; {claim.time.start} – "
        f"{claim.time.end} ({claim.time.basis}); {claim.definition or 'no definition'}; "
        f"{claim.modality}" + (f"; excluded: {claim.excluded}" if claim.excluded else "")
    )
    text = f"{_short(claim.figure)} · {_short(claim.source)}"
    width = 6.8 * len(text)
    y_mid = (y_top + y_bottom) / 2
    if thin:  # a thin bar: the label above it (below at the plot top), never on it or beside
        # it: a bar's outline, its own or that of another at the same value, would strike it
        x = max(LEFT + 2, min(x0 + 2, WIDTH - RIGHT - 2 - width))
        y = y_top - 3 if y_top - 3 - 10 >= TOP else y_bottom + 11
        label = _Label(text, x, y, "start", width, (x, y_top if y < y_top else y_bottom))
    elif x1 - x0 >= width + 8:  # fits inside its own box: unambiguous
        label = _Label(text, x0 + 4, y_mid + 4, "start", width, (x0 + 4, y_mid))
    elif x1 + 4 + width < WIDTH - RIGHT:
        label = _Label(text, x1 + 4, y_mid + 4, "start", width, (x1, y_mid))
    elif x0 - 4 - width > LEFT:
        label = _Label(text, x0 - 4, y_mid + 4, "end", width, (x0, y_mid))
    else:  # no room either side: inside the box, from its left edge
        label = _Label(text, x0 + 4, y_mid + 4, "start", width, (x0 + 4, y_mid))
    opacity = "0.12" if claim.modality == "target" else "0.28"
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    rect = (
        f'<g class="mark">{f"<title>{_e(tip)}</title>" if tooltip else ""}'
        f'<rect x="{x0:.1f}" y="{y_top:.1f}" width="{x1 - x0:.1f}" '
        f'height="{y_bottom - y_top:.1f}" fill="{fill}" fill-opacity="{opacity}" '
        f'stroke="{fill}" stroke-width="1.6"{dash_attr}/></g>'
    )
    return rect, label


def _place(labels: list[_Label]) -> list[str]:
    """Lift labels that would overprint another (bottom first); tie moved ones with a leader."""
    placed: list[_Label] = []
    out = []
    for label in sorted(labels, key=lambda lb: -lb.y):  # layout order only, not data order
        for _ in range(len(placed) + 1):
            left, right = label.extent()
            clash = next((p for p in placed if abs(p.y - label.y) < LINE
                          and p.extent()[0] < right and left < p.extent()[1]), None)
            if clash is None:
                break
            label.y = clash.y - LINE
        label.y = max(label.y, TOP + 10)
        placed.append(label)
        if abs(label.y - label.home) > 3:
            edge = label.x - 2 if label.anchor == "start" else label.x + 2
            out.append(f'<line x1="{label.mid[0]:.1f}" y1="{label.mid[1]:.1f}" x2="{edge:.1f}" '
                       f'y2="{label.y - 4:.1f}" class="leader" {STYLE["leader"]}/>')
        out.append(f'<text x="{label.x:.1f}" y="{label.y:.1f}" text-anchor="{label.anchor}" '
                   f'class="lbl" {STYLE["lbl"]}>{_e(label.text)}</text>')
    return out


def _legend(claims: Sequence[Claim], colours: dict[str | None, str]) -> list[str]:
    items: list[tuple[str, str, str]] = [
        (colour, "", definition or "no definition") for definition, colour in colours.items()
    ]
    for modality in ("target", "estimate"):
        if any(c.modality == modality for c in claims):
            items.append(("#374151", DASH[modality], modality))
    if any(c.excluded for c in claims):
        items.append((EXCLUDED, "", "excluded from checks"))
    parts, x, y = [], float(LEFT), HEIGHT - 22
    for colour, dash, text in items:
        width = 34 + 6.6 * len(text)
        if x + width > WIDTH - RIGHT:
            x, y = float(LEFT), y + 16
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        fill_opacity = "0" if dash else "0.28"
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 9}" width="22" height="11" fill="{colour}" '
            f'fill-opacity="{fill_opacity}" stroke="{colour}" stroke-width="1.6"{dash_attr}/>'
            f'<text x="{x + 28:.1f}" y="{y}" class="lg" {STYLE["lg"]}>{_e(text)}</text>'
        )
        x += width
    return parts


def timeline_svg(metric: str, claims: Sequence[Claim], tooltips: bool = True,
                 font: str = FONT) -> Markup:
    """SVG for the claims of one metric that have a known time window (others are skipped).

    `tooltips=False` leaves out the per-mark <title> (hover text): paper cannot show it, and
    the PDF renderer parses every byte of the page, so print drops it; the drawing is the same.
    `font`: the font-family list (print passes `PRINT_FONT`).
    """
    dated = [c for c in claims if c.time.start is not None and c.time.end is not None]
    if not dated:
        return Markup("")
    t0 = min(c.time.start.toordinal() for c in dated if c.time.start)
    t1 = max(c.time.end.toordinal() + 1 for c in dated if c.time.end)
    pad = max(30.0, (t1 - t0) * 0.04)
    xs = Scale((t0 - pad, t1 + pad), (LEFT, WIDTH - RIGHT))
    ys = value_scale([c.value.low for c in dated], [c.value.high for c in dated],
                     (HEIGHT - BOTTOM, TOP))
    colours = definition_colours(dated)
    plot_bottom = HEIGHT - BOTTOM
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="timeline" role="img" aria-label="{_e("Timeline of " + metric)}" '
        f'font-family="{font}">',
        f'<rect x="{LEFT}" y="{TOP}" width="{WIDTH - LEFT - RIGHT}" '
        f'height="{plot_bottom - TOP}" class="plot" {STYLE["plot"]}/>',
    ]
    for value, text in ys.ticks:
        y = ys(value)
        out.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
                   f'class="grid" {STYLE["grid"]}/><text x="{LEFT - 6}" y="{y + 4:.1f}" '
                   f'text-anchor="end" class="tick" {STYLE["tick"]}>{_e(text)}</text>')
    for ordinal, text in time_ticks(xs.domain[0], xs.domain[1]):
        x = xs(ordinal)
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{plot_bottom}" '
                   f'class="grid" {STYLE["grid"]}/><text x="{x:.1f}" y="{plot_bottom + 16}" '
                   f'text-anchor="middle" class="tick" {STYLE["tick"]}>{_e(text)}</text>')
    scale_note = "log scale" if ys.log else "linear scale"
    labelled = len(dated) <= LABELLED_MAX
    unlabelled_note = "" if labelled else (
        f" · {len(dated)} boxes, not labelled (more than {LABELLED_MAX})"
        + ("; hover a box for its figure and source" if tooltips else ""))
    out.append(f'<text x="{LEFT}" y="{plot_bottom + 34}" class="axis" {STYLE["axis"]}>'
               f'value ({_e(scale_note)}) against time window{_e(unlabelled_note)}</text>')
    marks = [_mark(c, xs, ys, colours[c.definition], tooltips) for c in dated]
    out.extend(rect for rect, _ in marks)
    if labelled:
        out.extend(_place([label for _, label in marks]))
    out.extend(_legend(dated, colours))
    out.append("</svg>")
    return Markup("".join(out))


__all__ = ["timeline_svg", "definition_colours"]
