"""Sources -> claims: segment, extract, map, and date every figure.

The time window of a claim comes from, in order: a time expression in its sentence
(basis `explicit`), one earlier in its paragraph (basis `paragraph`; not for a sentence of the
present, "Today there are ...", "China has ...", and shifted for one that opens with "A year earlier" or "Two
years later"; a heading that names one period of a month or more, "Industrial internet in 2021: a
review", dates the paragraphs under it in the same way), or the source's publication window
(its own basis). A figure printed on a known day D describes some day in
[D - publication_lag_days, D]; a target with no deadline is read as due within
`target_horizon_years` of publication.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import lru_cache

from .extract import NOW, PAST_AUXILIARY, Mention, after_dateline, extract_mentions, may_hold, when_earlier
from .intervals import make_interval, negated
from .mapping import author_scope, counts_home, map_mention, names_home
from .models import Claim, ScopeBasis, Sentence, Source, TimeWindow, ValueInterval
from .numbers import NumberMatch, first_digit, lowered
from .ruleset import Ruleset
from .segment import split_sentences
from .timeexpr import TimeExpression, count_of_years, find_time_expressions, shift_window, shift_years

_PARAGRAPH_ROLES = ("point", "range", "since")
_AFTER_THE_SCENE = re.compile(r"\b(?:since|later|went\s+on|today|now|latest|currently|at\s+present|so\s+far|last"
                              r"|recent|recently|ago|has|have|is|are|to\s+date|fast-forward|will|would|plans?|expects?"
                              r"|aims?)\b", re.IGNORECASE)
"""In a sentence after one that opens with a time "ago": words that move it to another time ("In
the years since, China built 3.38 million", "now", "at the latest count") or to the present
("China has 3.38 million", "are in use"), or make it a plan. Such a sentence, or one with a time
of its own, ends the scene."""
_BACK_THEN = re.compile(r"\s*(?:back\s+then|by\s+then|at\s+(?:that|the)\s+time(?!\s+of\b)|in\s+those\s+days)\b",
                        re.IGNORECASE)
"""Opening a sentence with no time of its own: the time the text named last ("In 2019 that would
have been a curiosity. Back then the system was a skeleton: ... 42 secondary nodes"), also
across a paragraph break; it sets the scene as an opening "ago" does. Not "Then, ..." (what
came next), nor "At the time of writing"."""
_BASE_TIME_BEFORE = re.compile(r"\b(?:times\s+(?:the|its|their)|as\s+(?:many|much|large|high)\s+as(?:\s+(?:in|at))?"
                               r"|than(?:\s+(?:in|at))?)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)
"""Before a time that dates only a comparison's base ("nearly six times as many as in 2019",
"two and a half times the 2019 level", "more than at the end of 2022"): the sentences after it
keep the time the sentence itself speaks of ("By the end of 2024 there were 292, nearly six times
as many as in 2019. Connected equipment reached 101 million sets": 2024)."""
_HEADING_PERIOD_DAYS = 28
"""A heading's time dates the paragraphs under it when it is a period at least this long (a
month, a quarter, a year), not a day."""
_PRESENT = re.compile(r"\b(?:has|have|is|are)\b", re.IGNORECASE)
"""A sentence in the present tense (or the present perfect) with no past auxiliary speaks of the
time of writing too: "In March 2018, the ministry issued its plan. China has more than 240
platforms" (not March 2018)."""
_SHIFTED = re.compile(r"\s*(?:(?P<n>a|one|two|three|four|five|\d)\s+years?\s+(?P<dir>earlier|before|later|after|on)"
                      r"|(?:by\s+|in\s+)?the\s+(?P<dir2>previous|preceding|prior|following|next)\s+year)\b",
                      re.IGNORECASE)
"""At a sentence's start: its figures are dated that many years before or after the time an
earlier sentence of the paragraph named ("At the end of June 2023, there were more than 240.
A year earlier, there were about 150": June 2022)."""
_EARLIER = frozenset({"earlier", "before", "previous", "preceding", "prior"})


def _of_the_present(text: str) -> bool:
    """A sentence of the time of writing: "now", "today" or the present tense, and no past
    auxiliary ("China now has more than 240"; not "had now reached")."""
    return bool(NOW.search(text) or _PRESENT.search(text)) and not PAST_AUXILIARY.search(text)


def _paragraph_time_for(text: str, paragraph_time: TimeExpression | None) -> TimeExpression | None:
    """The time an earlier sentence of the paragraph gives the undated figures of `text`:
    none for a sentence of the present (extract.NOW: "Today there are more than 240", not the
    year "In 2019, China had about 50" named; or the present tense, _PRESENT); shifted for one that opens with "A year
    earlier" and the like (_SHIFTED); else `paragraph_time` itself."""
    if paragraph_time is None or _of_the_present(text):
        return None
    m = _SHIFTED.match(text)
    if m is None:
        return paragraph_time
    years = 1 if m["n"] is None or m["n"].lower() == "a" else count_of_years(m["n"])
    if years is None:
        return paragraph_time
    if (m["dir"] or m["dir2"] or "").lower() in _EARLIER:
        years = -years
    return _shifted(paragraph_time, years, m.group(0))


def _shifted(time: TimeExpression, years: int, phrase: str) -> TimeExpression:
    """`time` moved by `years`, noting the phrase that moved it."""
    return dataclasses.replace(time, window=shift_window(time.window, years, f"{phrase.strip()!r} after {time.window.note}"))


def _target_window(window: TimeWindow, years: int) -> TimeWindow:
    assert window.end is not None
    return TimeWindow(start=window.end, end=shift_years(window.end, years), basis=window.basis,
                      note=f"target with no deadline: due within {years} years of publication "
                           f"({window.note})")


def publication_claim_window(pub: TimeWindow, rules: Ruleset) -> TimeWindow:
    """The window an undated figure describes, given its source's publication window."""
    if not pub.known:
        return pub
    assert pub.start is not None and pub.end is not None
    lag = rules.extraction.time.publication_lag_days
    if pub.start == pub.end and lag:
        # a source dated in year 1 (text or metadata can say so) starts at the first day there is
        start = pub.start - timedelta(days=lag) if pub.start > date.min + timedelta(days=lag) else date.min
        return TimeWindow(start=start, end=pub.end, basis=pub.basis,
                          note=f"no date in the sentence: published {pub.end.isoformat()} "
                               f"({pub.note}), less a {lag}-day reporting lag")
    return TimeWindow(start=pub.start, end=pub.end, basis=pub.basis,
                      note=f"no date in the sentence: publication window ({pub.note})")


def _heading_time(heading: Sentence, pub: TimeWindow) -> TimeExpression | None:
    """The one period a heading names, for the paragraphs under it ("Industrial internet in
    2021: a review", "H1 2023 highlights"); not a day (a dateline: the publication date, read
    elsewhere). Every time expression of a role that dates a paragraph needs a digit or the
    word "year" ("Industrial internet platforms" needs no look)."""
    if first_digit(heading.text) < 0 and "year" not in lowered(heading.text):
        return None
    times = [e for e in after_dateline(heading.text, find_time_expressions(heading.text, pub))
             if e.role in _PARAGRAPH_ROLES]
    return times[0] if len(times) == 1 and (times[0].window.days() or 0) >= _HEADING_PERIOD_DAYS else None


def _to_publication(window: TimeWindow, mention: Mention, pub: TimeWindow) -> TimeWindow:
    """An achieved figure's window, ended at the publication day if it runs past it: what a
    text reports as done was done by the time it was written ("During the 14th Five-Year Plan
    period (2021-2025), China has built 240", published in November 2023: 2021 to November
    2023). Not for a flow metric's total, whose period is what it states."""
    if (mention.modality != "achieved" or pub.end is None or window.end is None or window.start is None
            or window.end <= pub.end or window.start > pub.end or pub.basis == "inferred"):
        return window
    return window.model_copy(update={"end": pub.end, "note": f"{window.note}, up to publication on {pub.end}"})


def claim_window(mention: Mention, paragraph_time: TimeExpression | None, pub: TimeWindow,
                 rules: Ruleset) -> TimeWindow:
    if mention.time is not None:
        return mention.time.window
    if paragraph_time is not None:
        w = paragraph_time.window
        return TimeWindow(start=w.start, end=w.end, basis="paragraph",
                          note=f"{w.note} earlier in the paragraph")
    if mention.modality == "target" and pub.known:
        return _target_window(pub, rules.extraction.time.target_horizon_years)
    return publication_claim_window(pub, rules)


@lru_cache(maxsize=32)
def _intervals(rules: Ruleset) -> Callable[[float, str, float, float | None, tuple[float, float, float],
                                            float | None], ValueInterval]:
    """`make_interval` under `rules`' qualifiers, memoised: a corpus states the same few
    hundred figures again and again ("100000", "50%"), and models are frozen, so one
    interval object can serve every claim stating the same.

    make_interval is a pure function of its arguments and the ruleset's qualifiers. Equal
    keys are identical numbers but for 0.0 and -0.0 (equal, and hashed alike, yet they make
    different intervals), which the signs (see `_signs`) keep apart."""
    @lru_cache(maxsize=4096)
    def interval(stated: float, qualifier: str, step: float, high: float | None,
                 signs: tuple[float, float, float], high_factor: float | None) -> ValueInterval:
        return make_interval(stated, qualifier, step, rules.qualifiers, high=high, high_factor=high_factor)
    return interval


def _signs(stated: float, step: float, high: float | None) -> tuple[float, float, float]:
    """The sign of each number (1.0 or -1.0; 1.0 for no `high`), zeros included."""
    return (math.copysign(1.0, stated), math.copysign(1.0, step),
            1.0 if high is None else math.copysign(1.0, high))


def interval(n: NumberMatch, qualifier: str, rules: Ruleset, high_factor: float | None = None) -> ValueInterval:
    """The values a figure allows: `make_interval` of it, memoised (see `_intervals`)."""
    return _intervals(rules)(n.value, qualifier, n.step, n.high, _signs(n.value, n.step, n.high), high_factor)


def _claim(source: Source, mention: Mention, metric: str | None, definition: str | None,
           window: TimeWindow, rules: Ruleset, scope_basis: ScopeBasis | None = None) -> Claim:
    s = mention.sentence
    n = mention.number
    value = interval(n, mention.qualifier, rules, mention.high_factor)
    if mention.change == "fall" and n.value > 0:  # "declined 2.2 per cent": the change -2.2%
        value = negated(value)
    start, end = s.start + mention.start, s.start + mention.end
    return Claim(
        id=f"{source.id}:{start}-{end}", source=source.id, sentence=s.text,
        sentence_span=(s.start, s.end), span=(start, end), figure=mention.figure, value=value,
        unit=mention.unit, metric=metric, definition=definition, time=window,
        modality=mention.modality, scope_basis=scope_basis,  # type: ignore[arg-type]
        **({"excluded": "denied"} if mention.denied else {"excluded": "change"} if mention.change
           else {"excluded": UNDATED_BASE} if mention.undated_base else {}),
    )


UNDATED_BASE = "undated base"
"""The mark of a comparison's base that no time of its own dates ("At the end of 2023, 113
million sets were connected, up from 40.5 million"): it was true before the level it is
compared with, but the text does not say when, so it is compared with nothing. Dated with the
level's time it had made false regressions against other sources' figures of that time."""
_UNDATED_BASE_WINDOW = TimeWindow(start=None, end=None, basis="unknown",
                                  note="the base of a comparison: earlier than the figure it is compared with, "
                                       "how much earlier the text does not say")


class _Names:
    """Whether any of some texts names the home scope (metrics.yaml `home`): each text is searched
    at most once, and only when a figure asks (the answer is the same in any order)."""

    def __init__(self, rules: Ruleset, texts: Iterable[str] = ()) -> None:
        self._rules = rules
        self._pending = list(dict.fromkeys(t for t in texts if t))
        self._found = False

    def add(self, text: str) -> None:
        if not self._found:
            self._pending.append(text)

    def named(self) -> bool:
        while not self._found and self._pending:
            self._found = names_home(self._pending.pop(), self._rules)
        return self._found


class _HomeNamed:
    """Whether the source names the home scope for the sentence being read (Claim.scope_basis): in
    its title, first line or first body sentence (the lede after an "Updated: ..." line), in the
    heading above the sentence's paragraph, or in that paragraph up to and including the sentence."""

    def __init__(self, rules: Ruleset, top: Iterable[str]) -> None:
        self._rules = rules
        self._top = _Names(rules, top)
        self._section = _Names(rules)
        self._paragraph = _Names(rules)

    def section(self, heading: str) -> None:
        """A heading (or another line that is no body text: "") starts a new section."""
        self._section = _Names(self._rules, (heading,))
        self.paragraph()

    def paragraph(self) -> None:
        self._paragraph = _Names(self._rules)

    def sentence(self, text: str) -> None:
        self._paragraph.add(text)

    def named(self) -> bool:
        return self._top.named() or self._section.named() or self._paragraph.named()


_TITLE_LINE = re.compile(r"\A\s*title\s*:\s*", re.IGNORECASE)
"""A "Title:" header line's label, before the title itself."""


def source_claims(source: Source, rules: Ruleset, sentences: Iterable[Sentence] | None = None) -> list[Claim]:
    """Every figure in one source as a claim, in text order."""
    pub = source.info.published
    claims: list[Claim] = []
    previous: Sentence | None = None
    paragraph_time: TimeExpression | None = None
    # claim_window of an undated figure depends only on the paragraph time, whether the figure
    # is a target, and the source: made once per paragraph time, and once per source when
    # there is none (models are frozen, so one window object can serve every claim it dates).
    # `by_paragraph` is emptied whenever paragraph_time changes.
    by_paragraph: dict[bool, TimeWindow] = {}
    by_publication: dict[bool, TimeWindow] = {}
    heading_time: TimeExpression | None = None  # the time a heading names, for the paragraphs under it
    # the last time the text named, in any paragraph: what "The number was 107 more than a year
    # earlier, when 158 were in service" counts from, in a paragraph of its own
    last_time: TimeExpression | None = None
    scene: TimeExpression | None = None  # a time "ago" opening an earlier sentence of the paragraph
    scoped_author: int | None = None
    sentences = list(sentences) if sentences is not None else split_sentences(source.id, source.text)
    head = sentences[0].text if sentences else ""  # the text's first line (its title, if any): whose voice its "we" is
    # the first body sentence after a "Title:" line: a press release's "<Company> today announced"
    opening = next((s.text for s in sentences if s.kind == "body" and not _TITLE_LINE.match(s.text)), None)
    home = _HomeNamed(rules, (source.info.title or "", head, opening or ""))
    for sentence in sentences:
        if sentence.kind != "body":
            heading_time = _heading_time(sentence, pub) if sentence.kind == "heading" else None
            previous, paragraph_time = None, heading_time
            by_paragraph.clear()
            home.section(sentence.text if sentence.kind == "heading" else "")
            continue
        if previous is None or previous.paragraph != sentence.paragraph:
            previous, paragraph_time = None, heading_time
            by_paragraph.clear()
            home.paragraph()
        home.sentence(sentence.text)
        before = previous.text if previous is not None else ""
        if previous is None:
            scene = None  # a new paragraph
        exprs = find_time_expressions(sentence.text, pub)
        if not exprs and last_time is not None and may_hold(sentence.text, "then", "time") \
                and _BACK_THEN.match(sentence.text) is not None:
            scene = last_time  # "In 2019 that would have been a curiosity. || Back then the system had 42 nodes"
        # the scene an "ago" opening an earlier sentence of the paragraph set, while the sentences
        # after it stay in the past and name no time of their own
        set_by = scene if scene is not None and not exprs and _AFTER_THE_SCENE.search(sentence.text) is None else None
        mentions = extract_mentions(sentence, pub, rules, exprs, recent=paragraph_time is None)
        # what the paragraph's time is for this sentence, looked at only when a figure needs it
        carried = (_paragraph_time_for(sentence.text, paragraph_time)
                   if paragraph_time is not None and any(m.time is None for m in mentions) else paragraph_time)
        # what "a year earlier, when ..." counts from: the paragraph's time, or in a paragraph
        # without one the last time the text named (not in a sentence of the present: "China now
        # has 240, 50 more than a year earlier, when 190 were counted")
        since = (carried if carried is not None else
                 last_time if paragraph_time is None and not _of_the_present(sentence.text)
                 and NOW.search(sentence.text) is None else None) if mentions and may_hold(sentence.text, "when") else None
        level: tuple[str | None, str | None] | None = None  # the figure before, for a comparison's base
        first = mentions[0].start if mentions else 0  # where the sentence's first figure starts
        for mention in mentions:
            if scoped_author is None:  # looked at once per source, when a figure needs it
                scoped_author = author_scope(rules, (source.info.title or "", _TITLE_LINE.sub("", head)),
                                             opening or "")
            metric, definition = map_mention(mention, before, rules, level, first, scoped_author)
            level = (metric, definition)
            back = when_earlier(sentence.text, mention.start) if mention.time is None and since is not None else None
            if mention.undated_base:
                window = _UNDATED_BASE_WINDOW
            elif mention.time is not None:
                window = mention.time.window
            elif back is not None and since is not None:  # "a year earlier, when 158 were in service"
                window = claim_window(mention, _shifted(since, -back[0], back[1]), pub, rules)
            elif carried is not paragraph_time:  # a sentence of the present, or shifted: its own window
                window = claim_window(mention, carried, pub, rules)
            elif set_by is not None and paragraph_time is None and mention.modality == "achieved":
                window = claim_window(mention, set_by, pub, rules)  # the scene an earlier sentence set
            else:
                undated = by_publication if paragraph_time is None else by_paragraph
                target = mention.modality == "target"
                known = undated.get(target)
                window = known if known is not None else claim_window(mention, paragraph_time, pub, rules)
                undated[target] = window
            if mention.year_earlier:  # "compared with 342 a year earlier": a year before that time
                window = shift_window(window, -1, f"a year before {window.note or 'that time'}")
            if metric is None or not rules.metric(metric).flow:  # a flow's period is what it states
                window = _to_publication(window, mention, pub)
            scope_basis: ScopeBasis | None = None
            if metric is not None and counts_home(rules.metric(metric), rules):
                scope_basis = "stated" if home.named() else "assumed"
            claims.append(_claim(source, mention, metric, definition, window, rules, scope_basis))
        # a time "ago" opening a sentence sets the scene of the sentences after it ("Five years ago,
        # ... Some 40 million sets were connected to them"), not "up from 130,000 five years ago";
        # any other time, or a sentence of the present, ends it
        opens = next((e for e in exprs if e.role == "ago" and not sentence.text[:e.start].strip()), None) if exprs else None
        scene = opens if opens is not None else set_by
        anchors = [e for e in after_dateline(sentence.text, exprs) if e.role in _PARAGRAPH_ROLES
                   and _BASE_TIME_BEFORE.search(sentence.text, max(0, e.start - 40), e.start) is None]
        if anchors:
            paragraph_time = last_time = anchors[-1]
            by_paragraph.clear()
        previous = sentence
    return claims
