"""A source's publication window, with the basis it rests on.

Order of trust: editor metadata (`sources.yaml`), the text's own header ("date 2021-02-23",
"Updated: 2025-06-09"; or with the month by name: "Updated: March 21, 2024", "Published 12
January 2024", "By Jane Doe | March 3, 2024", "Last updated: 06:40 GMT, 8 February 2024"; or a
wire story's dateline: "BEIJING, March 3, 2024 (Xinhua) --"), the address (`/2025-06/06/`, `/n3/2021/0223/`), and failing all an
inference from the text: the latest year it mentions as a past event (years in copyright
lines and "by <year>" deadlines are not events), with the window running from that year for
`inference_horizon_years` years. The basis and a one-line note are always recorded.
"""

from __future__ import annotations

import re
from datetime import date

from .models import TimeWindow
from .ruleset.models import TimeSettings
from .timeexpr import MONTH_PATTERN, YEAR_PATTERN, month_number

_HEADER = re.compile(
    r"(?:^|\s)(?:date|updated|published|posted|release date)\s*[:：]?\s*(\d{4})-(\d{2})-(\d{2})",
    re.IGNORECASE)
_HEADER_LEAD = (r"(?:^|[\r\n])[ \t]*(?:(?:last\s+|first\s+)?(?:updated|published)|posted|date|release\s+date"
                r"|by\b[^\n|]{1,60}\|)\s*[:：]?\s*(?:on\s+)?"
                r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?"
                r"(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?(?:\s+[A-Z]{2,5}\b)?,?\s+)?")
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_NAMED_HEADERS = (
    re.compile(rf"{_HEADER_LEAD}{MONTH_PATTERN}\s+{_DAY},?\s+{YEAR_PATTERN}", re.IGNORECASE),
    re.compile(rf"{_HEADER_LEAD}{_DAY}\s+{MONTH_PATTERN},?\s+{YEAR_PATTERN}", re.IGNORECASE),
)
"""A header line with the month by name (the time expressions' month and year patterns):
"Updated: March 21, 2024 at 10:15 a.m. ET", "Published 12 January 2024", "Posted on June 4,
2024", "By Jane Doe | March 3, 2024"."""
_WIRE_LEAD = (r"[ \t]*(?P<place>[A-Z][^\W\d_][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]+){0,3}(?:,[ \t]*[A-Z][\w.'’-]+){0,2}),"
              r"[ \t]+")
_WIRE_TAIL = (r"[ \t]*(?P<agency>\([A-Z][\w.&'’ -]{0,38}\)[ \t]*|/[A-Z][^/\n]{0,38}/[ \t]*)?"
              r"(?:--|[—–-])[ \t]*")
WIRE_DATELINES = (
    re.compile(rf"{_WIRE_LEAD}{MONTH_PATTERN}\s+{_DAY},?\s+{YEAR_PATTERN}{_WIRE_TAIL}"),
    re.compile(rf"{_WIRE_LEAD}{_DAY}\s+{MONTH_PATTERN},?\s+{YEAR_PATTERN}{_WIRE_TAIL}"),
)
"""A wire story's dateline opening a paragraph: a place, the date, perhaps the agency, and a
dash ("BEIJING, March 3, 2024 (Xinhua) --", "NEW YORK, 3 March 2024 -", "HONG KONG, Oct. 5,
2023 /PRNewswire/ --"). A place in ordinary case needs the agency ("Beijing, March 3, 2024
(Xinhua) --"; see :func:`wire_dateline`). Its date is the story's, not its first figure's
(extract.py leaves it out of the figures' times)."""


WIRE_PLACE_MIN_LETTERS = 4
"""A place in capitals has at least this many letters ("BEIJING", "NEW YORK"; not "AGM" or
"Q1", which open headings: "AGM, 14 May 2024 – shareholders are invited")."""


_WIRE_NO_YEAR = re.compile(rf"{_WIRE_LEAD}(?:{MONTH_PATTERN}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH_PATTERN.replace('?P<month>', '?:')})"
                           rf"(?:st|nd|rd|th)?{_WIRE_TAIL}")
"""A dateline without the year ("BEIJING, Jan. 19 (Xinhua) --", as Xinhua writes them): no
publication date, but still where the story was filed."""


def wire_dateline(text: str, pos: int = 0, year: bool = True) -> re.Match[str] | None:
    """The wire dateline (WIRE_DATELINES) that starts `text` at `pos`, if any: a place in
    capitals of at least WIRE_PLACE_MIN_LETTERS letters, or any place with the agency in
    brackets or slashes starting with a capital ("(Xinhua)", "/PRNewswire/"; not "(local
    time)"). With `year` False, a dateline without its year counts too (see _WIRE_NO_YEAR)."""
    for pattern in WIRE_DATELINES if year else (*WIRE_DATELINES, _WIRE_NO_YEAR):
        m = pattern.match(text, pos)
        if m is None:
            continue
        city = m["place"].split(",")[0]
        if m["agency"] or (city.isupper() and sum(c.isalpha() for c in city) >= WIRE_PLACE_MIN_LETTERS):
            return m
    return None


_URL_PATTERNS = (
    re.compile(r"/(\d{4})-(\d{2})/(\d{2})/"),
    re.compile(r"/(\d{4})/(\d{2})(\d{2})/"),
    re.compile(r"/(\d{4})/(\d{2})/(\d{2})/"),
    re.compile(r"[/_-](\d{4})(\d{2})(\d{2})[/_.-]"),
)
_YEAR = re.compile(r"(?<![\w,.$])(1[89]\d\d|20\d\d)(?![\w%]|,\d|\.\d)")
_NOT_EVENT_BEFORE = re.compile(r"(?:copyright|©|\(c\)|\bby|\buntil|\btill|\bbefore)\s*(?:the\s+end\s+of\s+)?$",
                               re.IGNORECASE)
_ELAPSED = re.compile(r"\b(?:in|over|for)\s+(?:the\s+past\s+|more\s+than\s+|nearly\s+)?"
                      r"(?:two|three|four|five|six|\d+)\s+years\b", re.IGNORECASE)
HEADER_SCAN_CHARS = 600


def _valid(y: str, m: str, d: str) -> date | None:
    try:
        return date(int(y), int(m), int(d))
    except ValueError:
        return None


def _day(day: date, basis: str, note: str) -> TimeWindow:
    return TimeWindow(start=day, end=day, basis=basis, note=note)  # type: ignore[arg-type]


def header_date(text: str) -> tuple[date, str] | None:
    """The date of the text's header line, numeric ("Updated: 2025-06-09") or else with the month
    by name, and the words it was read from; within the first HEADER_SCAN_CHARS characters."""
    head = text[:HEADER_SCAN_CHARS]
    for match in _HEADER.finditer(head):
        day = _valid(*match.groups())
        if day:
            return day, match.group(0).strip()
    named: list[tuple[int, date, str]] = []
    for pattern in _NAMED_HEADERS:
        found = next(((m, day) for m in pattern.finditer(head) if (day := _named_day(m)) is not None), None)
        if found is not None:
            named.append((found[0].start(), found[1], found[0].group(0).strip()))
    if named:
        _, day, words = min(named)
        return day, words
    for line in _LINE_START.finditer(head):  # no header line: a wire dateline opening a line
        wire = wire_dateline(head, line.start())
        if wire is not None and (day := _named_day(wire)) is not None:
            return day, wire.group(0).strip()
    return None


def _named_day(match: re.Match[str]) -> date | None:
    """The day a match with ``month`` (by name), ``day`` and ``year`` groups names, if any."""
    month = month_number(match["month"])
    return _valid(match["year"], str(month), match["day"]) if month else None


_LINE_START = re.compile(r"^.", re.MULTILINE)


def url_date(url: str) -> date | None:
    for pattern in _URL_PATTERNS:
        match = pattern.search(url)
        if match and (day := _valid(*match.groups())):
            return day
    return None


def _words_around(text: str, start: int, end: int) -> str:
    """text[start:end] without the words the cut would split, on one line."""
    piece = text[start:end]
    if start > 0 and not text[start - 1].isspace():
        piece = piece.split(None, 1)[1] if len(piece.split(None, 1)) > 1 else piece
    if end < len(text) and not text[end].isspace():
        piece = piece.rsplit(None, 1)[0] if len(piece.rsplit(None, 1)) > 1 else piece
    return " ".join(piece.split())


def inferred_window(text: str, settings: TimeSettings) -> TimeWindow:
    """Window from the latest year the text mentions as something that happened."""
    best: tuple[int, str] | None = None
    skipped: str | None = None  # the first year passed over, as the text has it
    for match in _YEAR.finditer(text):
        line_start = max(text.rfind("\n", 0, match.start()), text.rfind("\r", 0, match.start())) + 1
        if _NOT_EVENT_BEFORE.search(text[line_start:match.start()][-30:]):
            skipped = skipped or text[max(line_start, match.start() - 25):match.end()].strip()
            continue
        year = int(match.group(1))
        if best is None or year > best[0]:
            best = (year, _words_around(text, max(line_start, match.start() - 30), match.end() + 30))
    if best is None:
        years = (f"no year in the text that dates an event (\u201c{skipped}\u201d is a copyright or a "
                 f"deadline, not an event)" if skipped else "no year in the text")
        return TimeWindow(start=None, end=None, basis="unknown",
                          note=f"no date in metadata, header or address, and {years}")
    year, context = best
    horizon = settings.inference_horizon_years
    note = (f"written {year}\u2013{year + horizon - 1} at a guess: the latest year it reports as past is {year} "
            f"(\u201c\u2026{context}\u2026\u201d), and a text is assumed written within {horizon} years of "
            f"its latest event")
    elapsed = _ELAPSED.search(text)
    if elapsed:
        note += f"; it also says \u201c{elapsed.group(0).strip()}\u201d without dating the start"
    return TimeWindow(start=date(year, 1, 1), end=date(year + horizon - 1, 12, 31),
                      basis="inferred", note=note)


def publication_window(text: str, published: date | None, url: str | None,
                       settings: TimeSettings) -> TimeWindow:
    """The source's publication window and its basis (metadata > header > url > inferred)."""
    if published is not None:
        return _day(published, "metadata", f"sources.yaml: published {published.isoformat()}")
    if found := header_date(text):
        day, phrase = found
        return _day(day, "header", f"text header \u201c{phrase}\u201d")
    if url and (url_day := url_date(url)):
        return _day(url_day, "url", f"address {url}")
    return inferred_window(text, settings)
