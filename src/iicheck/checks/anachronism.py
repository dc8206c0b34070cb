"""anachronism — a source whose own dates contradict each other.

Flags: a source dated (by its copyright line, its header date, or its recorded publication
date) earlier than an event its body reports as past. A page cannot be copyrighted in 2011
and cite "the 2019 government work report": either the date is a stale template footer, or
the text was re-posted or altered; either way the source's date cannot be used to date its
figures.
Reference dates ("written no later than"): the copyright year of the first notice that starts
its sentence or follows a lead of at most 80 characters without quotation marks, brackets or
sentence punctuation ("Copyright © 2011", the later year of "© 2009-2011", "site design / logo
© 2024 ..."; not one quoted in a sentence, nor an image's credit: "Photo: © 2015 Reuters", "©
2015 Reuters/Bobby Yip"), the first header date in a heading ("Updated:
2025-06-09", "date 2021-02-23"), and the publication date from sources.yaml, the address, or a
header dateline with the month by name ("Published 12 January 2011"; an inferred date is never
used: it comes from the body itself).
Past events: a year (1800-2099) in a body sentence that is no copyright notice, with its month
if one precedes it, unless the sentence carries a target cue of rules/extraction.yaml ("will",
"aims to", ...) outside its achieved cues ("has achieved its goals of ..."), or a forecast
("forecast", "projected", "could", "is likely to"; "an estimated 300 million in 2019" is past), or the words right before the year say it is expected, scheduled or planned
("expected to open in 2011", "analysts expect the pace to slow in 2024", "guidance for fiscal
2025"), or a verb earlier in its clause schedules it in the present tense with no past tense
after that verb ("The museum reopens in March 2025", "takes effect on 1 April 2025"); the year
follows "by", "before", "until", "till", "to", "through", "toward(s)" or a dash ("by 2025" is a
deadline; but "By June 2024 ... had reached" is past because of "had"); the year follows a
capitalised word that is not a month or a function word ("Made in China 2025", "Vision
2030": names), or names an event's edition ("the 2026 World Cup") in a sentence without a
past-tense marker; or a digit or percent sign touches it.
Fires when: an event's year is later than the reference year, or the same year and a later
month than a header or publication date. One finding per source and reference, evidence: the
reference line (date highlighted) and up to 5 sentences with later events (year highlighted).
Does not fire when: the later year is a deadline or target ("by 2025", "from 2021 to 2023"
plans read as past only for the first year); the source has no reference date of its own.
Options: ``target_cues`` and ``achieved_cues`` in rules/extraction.yaml.
Example: "Copyright © 2011 JIN SHI" + "The 2019 government work report pointed out ..." -> fires.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..findings import fingerprint, sentence_evidence
from ..models import Evidence, Finding, Sentence, Severity
from ..extract import plans
from ..ruleset import Ruleset
from .corpus import Corpus, SourceDoc, each_source

KIND = "anachronism"
DEFAULT_SEVERITY: Severity = "warning"
MAX_EVENTS = 5

_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), 1)}
_COPYRIGHT = re.compile(r"(?:copyright\s*(?:©|\(c\))?|©)\s*((?:18|19|20)\d\d)(?:\s*[-–]\s*((?:18|19|20)\d\d))?",
                        re.IGNORECASE)
_HEADER = re.compile(r"(?:^|\s)(?:date|dated|updated|published|posted|release date)\s*[:：]?\s*"
                     r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})\b", re.IGNORECASE)


@lru_cache(maxsize=4)
def _year_pattern(first_century: int) -> re.Pattern[str]:
    """A year of the centuries from `first_century` (18, 19 or 20) on, not inside a longer
    number or word. The look-behind (nothing of [\\w$.,%/-] before the year) is checked after
    the year's first two digits, the same matches as checking it before, so that the regex
    engine can skip ahead to them instead of trying every position."""
    centuries = "|".join(str(c) for c in range(first_century, 21))
    return re.compile(rf"((?:{centuries})(?<![\w$.,%/-]..)\d\d)(?![\w%]|[.,]\d|-\d)")


_YEAR = _year_pattern(18)
_DEADLINE = re.compile(r"\b(?:by|before|until|till|to|through|toward|towards)\s*$|[-–]\s*$", re.IGNORECASE)
_DEADLINE_LONGEST = len("through")
_HAD = re.compile(r"\bhad\b", re.IGNORECASE)
_FORWARD = re.compile(r"(?:\b(?:expected|scheduled|(?<!as )planned|slated|set)\s+to(?:\s+[^\s,;:]+){1,5}"
                      r"|\b(?:expects?|anticipates?|predicts?)(?:\s+[^\s,;:]+){0,5}\s+(?:in|by|for|during|until|from)"
                      r"|\b(?:expected|scheduled|(?<!as )planned|slated|due)(?:\s+[^\s,;:]+){1,4}"
                      r"|\b(?:guidance|outlook|forecasts?|projections?|targets?|plans?|budgets?)\s+for"
                      r"(?:\s+(?:the\s+)?fiscal(?:\s+year)?)?)\s+$", re.IGNORECASE)
"""The words right before a year, with no comma, semicolon or colon between: they name what
is expected or planned ("is now expected to open in 2011", "expected in the spring of 2024",
"raised its guidance for fiscal 2025"), not what has happened ("completed as planned in 2019"
has). "Due to the epidemic, ... in 2020" is a cause. After "expect(s)", "anticipate(s)" or
"predict(s)" the year must follow "in", "by", "for", "during", "until" or "from" ("analysts expect
the pace to slow in 2024"): in "expects demand to stay below its 2019 level" the year is a past
reference point."""
_PERIOD_NOUNS = ("year", "years", "quarter", "quarters", "period", "periods", "month", "months", "week", "weeks",
                 "season", "seasons", "half")
"""Before a participle of _SCHEDULING_VERB, a period that has passed: "in the year ending March
2023, crime rose" (the statistician's phrase for a past year)."""
_SCHEDULING_VERB = re.compile(r"\b(?:opens|reopens|closes|starts|begins|resumes|launches|runs|raises|rises|increases"
                              r"|decreases|falls|changes|ends|expires|returns|moves|becomes|applies|arrives|debuts"
                              r"|premieres|kicks\s+off|goes\s+(?:live|on\s+sale)|takes\s+(?:effect|place)"
                              r"|comes\s+into\s+(?:force|effect)"
                              r"|(?<=[a-z] )" + "".join(f"(?<!{w} )" for w in _PERIOD_NOUNS) + r"(?:open|reopen|clos|start|begin|beginn|end|expir|launch|resum|runn|last)ing)\b",
                              re.IGNORECASE)
"""A verb of the present tense that schedules, earlier in the year's clause: "The agreement
raises basic pay ... by a further 5 percent in July 2025", "The museum reopens in March 2025",
"The new tariff takes effect on 1 April 2025": what will happen, told in the present tense;
and such a verb's participle after a noun ("a phased timetable ending in 2030", "a pilot
starting in May 2025"; not one that opens its clause, "Starting in 2019, sales rose", nor
one after a period, "the year ending March 2023": those tell the past).
Read so only when no past tense (_ANY_PAST) follows the verb in its clause: "Housing starts
in 2025 rose 4%" reports the past; "It opened on 9 December 2024 and closes on 14 March 2025"
and "takes effect on 1 April 2025, the ministry announced" schedule."""
_ANY_PAST = re.compile(r"\b(?:[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|won|held|took|rose|fell|grew|began|ran|became|came"
                       r"|went|made|saw|[a-z]\w+ed)\b")
"""A past tense (irregular verbs, and a word in -ed that is not a name: "need" and "hundred"
too, which only keeps more years read as past; not "United")."""
_CLAUSE_STOP = re.compile(r"[,;]|(?<!\d):|:(?!\d\d)")
"""What ends a clause: a comma, a semicolon, a colon but a time of day's ("at 11:59pm")."""


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding `pos` starts: after the last clause stop before it, else 0."""
    start = 0
    for m in _CLAUSE_STOP.finditer(text, 0, pos):
        start = m.end()
    return start


def _clause_end(text: str, pos: int) -> int:
    """Where the clause holding `pos` ends: the next clause stop, else the sentence's end:
    "takes effect on 1 April 2025, the ministry announced" schedules; the attribution after the
    comma is another clause."""
    m = _CLAUSE_STOP.search(text, pos)
    return len(text) if m is None else m.start()


_EDITION = re.compile(r"(?:\s+[A-Z][\w-]*){0,3}\s+(?:World\s+Cup|Cup|Olympics|Olympic\s+Games|Paralympics|Games"
                      r"|Expo|World\s+Expo|Championships?|Summit|Biennale|Triennale|Festival|Marathon|Grand\s+Prix)\b")
"""After "the <year>": the name of an edition of an event ("the 2027 AFC Asian Cup", "the 2026
World Cup"). Its year says when the event is, not that it happened; read as a date all the
same when the sentence has a past-tense marker (_PAST: "Beijing hosted the 2022 Winter
Olympics"). "The 2019 Government Work Report" is no event's edition: a date."""
_PAST = re.compile(r"\b(?:was|were|had|did|won|hosted|held|took|ended|finished|opened|closed)\b", re.IGNORECASE)
_FUNCTION = {"in", "the", "since", "of", "from", "during", "early", "late", "mid", "end", "and", "as",
             "at", "after", "by", "before", "until", "for", "on", "year", "years"}

Reference = tuple[str, int, int, Sentence | None, tuple[int, int] | None]  # label, year, month, where


def _may_have_copyright(text: str) -> bool:
    """Whether `text` (a sentence, or all of them joined by newlines) may contain a match of
    _COPYRIGHT: a match starts with "©" or with "copyright" in any case, and re.IGNORECASE
    equates c, o, p, y and r with their two ASCII cases only (it adds other characters to i, k
    and s alone), so the text has "©" or an ASCII "copyr" in some case. The case test runs on
    the UTF-8 bytes lower-cased, several times cheaper than str.lower: bytes.lower changes
    ASCII letters only, and a non-ASCII character (a lone surrogate too, with "surrogatepass")
    encodes to bytes that are not ASCII."""
    return "©" in text or b"copyr" in text.encode("utf-8", "surrogatepass").lower()


_NOTICE_LEAD = 80
"""A copyright notice starts its sentence, or follows at most this many characters without a
quotation mark, bracket or sentence punctuation ("site design / logo © 2024 ...", "China
Machinery Industry Information Network Copyright © 2011"): a notice quoted or bracketed inside
a sentence ('My old theme put "Copyright © 2008 ..." in the footer') dates nothing of the page."""
_LEAD_STOP = re.compile("[\"“”(.!?]")
_ONGOING = re.compile(r"\s*[-–]\s*(?:present|now|today)\b", re.IGNORECASE)
"""After a notice's year: "© 2005-present" dates the page to no year."""


_CREDIT_LEAD = re.compile(r"\s*(?:(?:file|stock|staff|wire)\s+)?(?:photo(?:graph)?s?|images?|pictures?|pics?|"
                          r"illustrations?|graphics?|video|footage|credit|courtesy)(?:\s+(?:credit|by|of))?"
                          r"\s*[:：|–—-]?\s*", re.IGNORECASE)
"""A notice's whole lead when it credits an image ("Photo: © 2015 Reuters", "File photo ©
2009 ..."); a lead with more words ("Text, photos and video © 2015 ...", a footer menu with
"Photos" in it) is the page's."""
_CREDIT_HOLDER = re.compile(r"\s*[^\W\d][\w.&'’-]*(?:\s+[^\W\d][\w.&'’-]*){0,3}\s*/\s*[^\W\d]")
"""After a notice's year: an agency and its photographer joined by a slash ("© 2015
Reuters/Bobby Yip", "© 2019 AFP / Getty Images"), the form of an image credit, unless the
notice says "Copyright" or "all rights reserved" ("Copyright © 2015 Example News/Condé Nast.
All rights reserved." is the page's)."""
_PAGE_NOTICE = re.compile(r"\bcopyright\b|\brights\s+reserved\b", re.IGNORECASE)


def _notice(text: str) -> re.Match[str] | None:
    """The copyright notice of a sentence that is one (see _NOTICE_LEAD), unless it credits an
    image: an old stock photograph on a new page dates nothing of the page."""
    m = _COPYRIGHT.search(text)
    if m is None or m.start() > _NOTICE_LEAD or _LEAD_STOP.search(text, 0, m.start()) or _ONGOING.match(text, m.end()):
        return None
    if m.start() and _CREDIT_LEAD.fullmatch(text, 0, m.start()):
        return None
    if _CREDIT_HOLDER.match(text, m.end()) and not _PAGE_NOTICE.search(text):
        return None
    return m


def _references(doc: SourceDoc) -> list[Reference]:
    """The reference dates of a source."""
    sentences, info = doc.sentences, doc.info
    refs: list[Reference] = []
    for s in sentences if _may_have_copyright(doc.joined) else ():
        m = _notice(s.text) if _may_have_copyright(s.text) else None
        if m:
            year = int(m.group(2) or m.group(1))
            refs.append(("copyright", year, 13, s, (m.start(), m.end())))
            break
    for s in sentences:
        m = _HEADER.search(s.text) if s.kind == "heading" else None
        if m and 1 <= int(m.group(2)) <= 12:
            refs.append(("header date", int(m.group(1)), int(m.group(2)), s, (m.start(1), m.end(3))))
            break
    published = info.published if info is not None else None
    # a header date the heading pattern above did not read ("Published 12 January 2011": the
    # month by name) is the source's publication date read from its header (iicheck.pubdate)
    header_read = any(r[0] == "header date" for r in refs)
    if published is not None and published.end is not None and (
            published.basis in ("metadata", "url") or (published.basis == "header" and not header_read)):
        if not any(r[0] == "header date" and r[1:3] == (published.end.year, published.end.month) for r in refs):
            refs.append((f"publication date ({published.basis})", published.end.year, published.end.month,
                         None, None))
    return refs


def _with_years(doc: SourceDoc, since: int) -> list[Sentence]:
    """The sentences with a year (as _YEAR reads it) of `since` or later, in order, from one
    scan of `doc.joined` (a year never runs across a newline)."""
    years = _year_pattern(min(max(since // 100, 18), 20))  # the fewer centuries, the faster
    found = set()
    for m in years.finditer(doc.joined):
        place = doc.in_sentence(m.start(), m.end())
        if place is not None and int(m.group(1)) >= since:
            found.add(place[0])
    return [doc.sentences[k] for k in sorted(found)]


_FORECAST = re.compile(r"\b(?:forecast(?:s|ed)?|project(?:s|ed)|predict(?:s|ed)?|could|might"
                       r"|(?:is|are) (?:likely|expected) to)\b", re.IGNORECASE)
"""A forecast in a sentence ("Analysts forecast that the number could reach 10,000 in 2026",
"projected 6,000 5G factories in 2025"): an estimate of the past ("In 2019, an estimated 300
million people used 5G phones") is a past event, so the rules' estimate cues are not used."""


def _events(sentence: Sentence, rules: Ruleset, since: int) -> list[tuple[int, int, int, int]]:
    """(year, month or 0, start, end) of the past events of year `since` or later a body
    sentence reports: none in a sentence that plans (a target cue outside the achieved cues,
    as extraction reads them) or forecasts (_FORECAST)."""
    text = sentence.text
    events = list(_candidate_events(text, since))
    if events and (_FORECAST.search(text) or plans(text, rules)):  # the cue tests last: they cost most
        return []
    return events


def _ends_in_deadline(before: str) -> bool:
    """``_DEADLINE.search(before)``, trying only the last positions: a match is a keyword of at
    most _DEADLINE_LONGEST letters or a dash, then whitespace to the end (``\\s*$``), so it
    starts at most that many characters before the end of ``before.rstrip()`` (str.rstrip strips
    exactly the characters ``\\s`` matches). A search from a later position sees the same text
    around it: ``\\b`` looks at the character before the start position."""
    return _DEADLINE.search(before, max(0, len(before.rstrip()) - _DEADLINE_LONGEST)) is not None


def _candidate_events(text: str, since: int) -> Iterator[tuple[int, int, int, int]]:
    """The events of _events, before the sentence's target cues are considered."""
    for m in _YEAR.finditer(text):
        if int(m.group(1)) < since:
            continue
        before = text[:m.start()]
        words = before.rsplit(None, 1)  # [-1] as split() makes it; after a month, [-2] is not read
        month = 0
        if words and words[-1].lower().strip(",") in _MONTHS:
            month = _MONTHS[words[-1].lower().strip(",")]
            before = before[:before.lower().rfind(words[-1].lower())]
            words = words[:-1]
        if _ends_in_deadline(before) and not (re.search(r"\bby\s*$", before, re.IGNORECASE) and _HAD.search(text)):
            continue
        if _FORWARD.search(before):
            continue
        scheduled = _SCHEDULING_VERB.search(text, 0, len(before))  # mostly none: no clause to find
        if scheduled is not None and scheduled.start() < (clause_start := _clause_start(text, len(before))):
            scheduled = _SCHEDULING_VERB.search(text, clause_start, len(before))  # in the year's clause
        if scheduled and not _ANY_PAST.search(text, scheduled.start(), _clause_end(text, m.end())):
            continue
        prev = words[-1] if words else ""
        if prev[:1].isupper() and prev.lower().strip("“\"(") not in _FUNCTION and not month:
            continue  # a name such as "China 2025"
        if not month and prev.lower() == "the" and _EDITION.match(text, m.end()) and not _PAST.search(text):
            continue  # an edition's name: "qualification for the 2026 World Cup continues"
        yield int(m.group(1)), month, m.start(), m.end()


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_source(check_source, corpus, rules)


def check_source(doc: SourceDoc, rules: Ruleset) -> Iterator[Finding]:
    source = doc.id
    refs = _references(doc)
    if not refs:
        return
    since = min(year for _, year, _, _, _ in refs)  # an earlier event is later than no reference
    events = [(y, mo, s, a, b) for s in _with_years(doc, since)
              if s.kind == "body" and not (_may_have_copyright(s.text) and _COPYRIGHT.search(s.text))
              for y, mo, a, b in _events(s, rules, since)]
    for label, year, month, where, span in refs:
        later = [e for e in events if e[0] > year or (e[0] == year and month <= 12 and e[1] > month)]
        if not later:
            continue
        latest = max(e[0] for e in later)
        evidence: list[Evidence] = []
        if where is not None and span is not None:
            evidence.append(sentence_evidence(where, *span))
        evidence.extend(sentence_evidence(s, a, b) for _, _, s, a, b in later[:MAX_EVENTS])
        when = str(year) if month > 12 else f"{year}-{month:02d}"
        yield Finding(
            kind=KIND, severity=DEFAULT_SEVERITY,
            message=(f"Source {source} is dated {when} by its {label}, but its text reports events "
                     f"of {latest} as past ({len(later)} mention{'' if len(later) == 1 else 's'}). A text cannot predate what it "
                     f"reports: the date is a stale template or the text was re-posted or altered; "
                     f"do not use this date to date its figures."),
            evidence=tuple(evidence),
            fingerprint=fingerprint(KIND, None, None, [source],
                                    [where.text] if where is not None else [], extra=label),
            details={"reference": label, "reference_year": year, "latest_event_year": latest},
        )
