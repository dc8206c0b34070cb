"""`iicheck claims` for people: an aligned table for the terminal, or CSV for a spreadsheet.

The table has a header row and columns as wide as their longest cell, each capped (a longer
cell is cut with "…"; CSV and JSON keep everything). CSV has one row per claim with every
field in full, the sentence included, in the spreadsheet-friendly dialect of the standard
library (RFC 4180 quoting, CRLF line ends). Sources are untrusted text: a text cell that
starts with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so that a
spreadsheet shows it instead of running it as a formula (OWASP's advice on CSV injection);
the numeric columns are written by Python and never need it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..intervals import describe
from ..models import Claim

TABLE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("source", 24), ("figure", 30), ("values", 30), ("unit", 14), ("metric/definition", 44),
    ("time", 22), ("basis", 9), ("modality", 8), ("excluded", 11))
"""Header and the widest a cell may be, per column of the table."""
CSV_COLUMNS = ("id", "source", "figure", "qualifier", "stated", "low", "low_inclusive", "high", "high_inclusive",
               "unit", "metric", "definition", "scope_basis", "time_start", "time_end", "time_basis", "time_note",
               "modality", "excluded", "sentence")


def _metric(claim: Claim) -> str:
    if not claim.metric:
        return "(unmapped)"
    return f"{claim.metric}/{claim.definition}" if claim.definition else claim.metric


def _table_row(claim: Claim) -> tuple[str, ...]:
    when = f"{claim.time.start or '?'}..{claim.time.end or '?'}"
    return (claim.source, claim.figure, describe(claim.value), claim.unit or "-", _metric(claim), when,
            claim.time.basis, claim.modality, claim.excluded or "")


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())  # a figure across a line break stays on one row
    return text if len(text) <= width else text[:width - 1] + "…"


def table(claims: Sequence[Claim]) -> str:
    """The claims as an aligned table with a header (empty string for no claims)."""
    if not claims:
        return ""
    rows = [tuple(_cut(cell, cap) for cell, (_, cap) in zip(_table_row(c), TABLE_COLUMNS, strict=True))
            for c in claims]
    header = tuple(name for name, _ in TABLE_COLUMNS)
    widths = [max(len(header[i]), *(len(row[i]) for row in rows)) for i in range(len(header))]
    return "".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() + "\n"
                   for row in (header, *rows))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _text(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def csv_text(claims: Sequence[Claim]) -> str:
    """The claims as CSV with a header row, every field in full."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for c in claims:
        v, t = c.value, c.time
        writer.writerow((_text(c.id), _text(c.source), _text(c.figure), v.qualifier, repr(v.stated), repr(v.low),
                         v.low_inclusive, repr(v.high), v.high_inclusive, _text(c.unit or ""), c.metric or "",
                         c.definition or "", c.scope_basis or "", t.start or "", t.end or "", t.basis,
                         _text(t.note), c.modality, c.excluded or "", _text(c.sentence)))
    return out.getvalue()
