"""Mentions: each figure in a sentence with its qualifier, unit noun, clause and time expression.

A mention is everything the text says about one number, before any metric is decided:
- the qualifier phrase right before it ("more than") or right after it ("or more"),
- the unit noun: the first word after it that a metric declares as a unit, or else the first
  plural noun, skipping modifiers ("industrial Internet platforms" -> "platforms"),
- its clause: the text between the nearest clause mark (, ; : or another figure) on each side,
  which is where definition cues such as "with influence" are looked for,
- the time expression that governs it: one that closely follows it in its clause ("130,000
  base stations in 2019": at most a few words after it, before any clause mark or other
  figure), else the nearest one before it in its sentence, else the nearest after it
  (durations such as "the past four years" do not date a count; the year of a survey or
  report, "according to a 2019 survey", dates a figure that is not a target; a period named
  without a year, "in December", dates no figure in a sentence with a target or estimate cue
  and no comparison base, "from 3.8% a month earlier": see extract_mentions),
- its modality: estimate, target or achieved, from the cues of rules/extraction.yaml in its
  sentence (a target word inside an achieved cue, "has met its target", is no cue) and the
  time governing it (a deadline or a future time: target). In a sentence whose figures lie
  in different clauses (a , ; or : between two of them) the figure's own clause decides
  first: its cues (an achieved cue, "official data show", makes it achieved), else a time in
  it that is not later than the publication ("and 120 had been completed by June 2021",
  "up from 10 in 2020": achieved).
- whether it is a change rather than a level: right after a fall cue of rules/extraction.yaml
  ("declined 2.2 per cent", "fell by more than 3%", ", down 0.1 point": its claim's interval
  is then mirrored below zero) or a rise cue ("grew by 20", "rose 5%", "added 30", ", up 2";
  not "value added 1.35 trillion"), unless a level bound stands between without "by"
  (LEVEL_BOUNDS: "rose above 100", "fell below 50"; "fell by less than 1%" is a fall). Its
  claim is then marked excluded ("change"): a change is no level of its metric ("added 30
  platforms" is not 30 platforms), so it is listed but not compared,
- whether it is denied: a denial cue of rules/extraction.yaml after it, before the next clause
  mark ("Reports that 500 platforms and 30 nodes had been built were inaccurate": both), or a
  lead cue before it in its clause ("denied that 300 had been built"); its claim is then
  marked excluded ("denied"). A cue elsewhere does not count ("rumours of delays are
  groundless as 150 have been built" states 150).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice

from .models import Sentence, TimeWindow
from .numbers import NumberMatch, Twin, find_numbers, has_case_trap, lowered
from .ruleset import Ruleset, phrase_regex
from .timeexpr import TimeExpression, count_of_years, find_time_expressions, shift_window
from .pubdate import wire_dateline

_TOKEN = Twin.of(r"[A-Za-z][A-Za-z’'\-]*|\d[\w.,]*|[^\sA-Za-z\d]")
_STOP = frozenset(
    "of in with for to by from on at across over under but that which who whom have has had is are "
    "was were be been being will would can could should may might per than as the a an its their "
    "our these those this respectively each including such into".split())
_NOT_PLURAL = frozenset("its has was is this plus as us thus various previous always perhaps "
                        "whereas besides less unless across towards afterwards".split())
_CURRENCY_WORDS = ("yuan", "dollar", "euro", "pound", "rmb", "usd", "cny", "rupee", "yen", "won")
_ANCHORING_ROLES = ("point", "range", "since", "deadline", "future", "source", "recent", "ago")
_CLAUSE_MARK = re.compile(r"[,;:]")
_CLOSE_WORDS = 6  # a time expression this many words after a figure, in its clause, dates it
_NEXT_WORD = Twin.of(r"\s+([A-Za-z]+(?:-old)?)\b")
_ARTICLE_AT_END = re.compile(r"\s+(?:the|a\s+total\s+of)\s*$", re.IGNORECASE)
_THE_AT_END = re.compile(r"\s+the\s*$", re.IGNORECASE)
_MARK_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:mark|level|threshold|milestone|barrier|line"
                         r"|target|goal|benchmark|ceiling|cap|limit|figure)\b", re.IGNORECASE)
"""After a figure a qualifier reaches through "the": the figure is a mark the value passed
("topped the 500 mark", "fell short of the 2 million target"); without one, "the" names another
amount ("well above the 3 million 5G base stations the plan called for")."""
# Units of measure (and irregular plural count nouns) taken as the unit when they directly
# follow the number, singular or not: "40 yard line", "3000 rpm", "a 50 year-old man", "200 people".
_MEASURE_WORDS = frozenset(
    "yard yards mile miles foot feet inch inches meter meters metre metres kilometer kilometers "
    "kilometre kilometres km cm mm mph kph rpm mpg hp bhp horsepower kg kilogram kilograms gram "
    "grams lb lbs pound pounds ounce ounces oz ton tons tonne tonnes gallon gallons liter liters "
    "litre litres ml gb mb tb ghz mhz khz hz kw kwh mw gw watt watts mah degree degrees sen cent "
    "cents pence people men women children year-old month-old week-old day-old sq".split())


def lemma(word: str) -> str:
    w = word.lower().strip("’'")
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _looks_plural(word: str) -> bool:
    w = word.lower()
    return (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s", "’s"))
            and w not in _NOT_PLURAL)


@dataclass(frozen=True)
class Mention:
    sentence: Sentence
    number: NumberMatch
    start: int  # offsets within the sentence, qualifier included
    end: int
    qualifier: str
    unit: str | None
    unit_lemma: str | None
    clause: str
    time: TimeExpression | None
    modality: str
    high_factor: float | None = None  # that of the qualifier rule ("well over": 2.0)
    denied: bool = False  # a denial cue after it or a lead cue before it: "reports that 500 ... were inaccurate"
    change: str | None = None  # "fall" ("declined 2.2 per cent": -2.2%) or "rise" ("grew by 20"), no level
    undated_base: bool = False  # a comparison's base no time of its own dates ("up from 40.5 million")
    year_earlier: bool = False  # undated in its sentence, a year before what dates it ("342 a year earlier")
    clause_start: int = 0  # where `clause` starts in the sentence

    @property
    def figure(self) -> str:
        return self.sentence.text[self.start:self.end]


@lru_cache(maxsize=32)
def _qualifier_patterns(rules: Ruleset) -> tuple[Twin, Twin, dict[str, tuple[str, float | None]]]:
    kinds: dict[str, tuple[str, float | None]] = {}
    before: list[str] = []
    after: list[str] = []
    for rule in rules.qualifiers.qualifiers:
        for phrase in rule.phrases:
            key = f"{rule.position}:{' '.join(phrase.lower().split())}"
            kinds.setdefault(key, (rule.kind, rule.high_factor))
            (before if rule.position == "before" else after).append(phrase)
    pb = phrase_regex(before).pattern
    pa = phrase_regex(after).pattern
    return (Twin.of(rf"(?:{pb})\s+(?:the\s+|a\s+total\s+of\s+)?$", re.IGNORECASE),
            Twin.of(rf"\s*(?:{pa})", re.IGNORECASE), kinds)  # .match(text, pos) anchors it at pos


@lru_cache(maxsize=32)
def _unit_words(rules: Ruleset) -> frozenset[str]:
    words = {lemma(u) for m in rules.metrics for u in m.match.units}
    return frozenset(words | set(_CURRENCY_WORDS))


@lru_cache(maxsize=16)
def folded(text: str) -> str:
    """`text` lower-cased, with every run of whitespace made one space: what Phrases.search
    tests its phrases against. Cached: a sentence is tested for several rules' phrases."""
    return " ".join(text.lower().split())


@dataclass(frozen=True, eq=False)
class Phrases:
    """`phrase_regex(phrases)` with a cheap test that skips most texts it cannot match.

    A phrase_regex match of a phrase is its words (compared case-insensitively) separated
    by whitespace, so the phrase, lower-cased with single spaces, is then a substring of
    `folded(text)`. That holds for ASCII phrases whose only whitespace is spaces, on a text
    with no case trap (re.IGNORECASE then equates an ASCII letter only with its other case,
    as lower() does); otherwise, and always for `search(text)` without `folded`, the regex
    decides alone. The prefilter only skips searches that would find nothing. The regex is
    a Twin: its ASCII form runs on plain texts.
    """

    pattern: Twin
    keys: tuple[str, ...] | None
    """The phrases, lower-cased with single spaces, less those holding another one ("5g base
    stations" holds "base stations": a text holding it holds the other, so the prefilter's
    answer is the same without it); None when there is no prefilter."""

    @classmethod
    def of(cls, phrases: Sequence[str]) -> Phrases:
        pattern = Twin.of(phrase_regex(list(phrases)))
        keys = set()
        for p in phrases:
            p = p.strip().lower()
            if not p.isascii() or any(c.isspace() and c != " " for c in p):
                return cls(pattern, None)
            keys.add(" ".join(w for w in p.split(" ") if w))
        return cls(pattern, tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys))))

    def search(self, text: str, fold: str | None = None) -> bool:
        """Whether a phrase is in `text`; `fold`: `folded(text)`, when known."""
        if fold is not None and self.keys is not None and not has_case_trap(text) \
                and not any(k in fold for k in self.keys):
            return False
        return self.pattern.search(text) is not None


@lru_cache(maxsize=32)
def _cue_patterns(rules: Ruleset) -> tuple[Phrases, Phrases, Phrases]:
    x = rules.extraction
    return Phrases.of(x.target_cues), Phrases.of(x.estimate_cues), Phrases.of(x.achieved_cues)


ChangeCue = tuple[Twin, tuple[str, ...], int]


@lru_cache(maxsize=32)
def _change_cues(rules: Ruleset) -> tuple[tuple[str, ChangeCue | None], ...]:
    """("fall", its cue) and ("rise", its cue) of `rules` (see _change_cue), compiled once."""
    x = rules.extraction
    return ("fall", _change_cue(x.fall_cues)), ("rise", _change_cue(x.rise_cues))


def _change_cue(cues: Sequence[str]) -> ChangeCue | None:
    """A fall or rise cue (and "by") ending where a figure starts, the cues' last words
    (lower-cased) and the longest one's length.
    A cue starting with punctuation (", down") may follow a word character ("in May 2021, down
    0.1 point"), which phrase_regex's whole-word match refuses."""
    if not cues:
        return None
    words = [c for c in cues if c.strip()[:1].isalnum()]
    marks = sorted({" ".join(c.lower().split()) for c in cues if not c.strip()[:1].isalnum()},
                   key=lambda c: (-len(c), c))
    either = [phrase_regex(words).pattern] if words else []
    either += [re.escape(c).replace(r"\ ", r"\s+") + r"(?![\w])" for c in marks]
    ends = tuple(sorted({c.lower().split()[-1] for c in cues}))
    return (Twin.of(rf"(?:{'|'.join(either)})(?:\s+by)?\s+$", re.IGNORECASE), ends, max(map(len, ends)))


_BY_AT_END = re.compile(r"\bby\s+$", re.IGNORECASE)


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "that"})
_VALUE_ADDED = re.compile(r"\bvalue[\s-]+add(?:ed|s)?\s+$", re.IGNORECASE)
""""industry value added 1.35 trillion yuan": "added" there is the noun's, no rise cue."""
LEVEL_BOUNDS = frozenset({"above", "below", "under", "beyond", "past", "short of", "as high as", "as low as"})
"""Qualifier phrases that, right after a change cue and without "by", state where a level got
to: "fell below 50", "fell short of 100", "rose above 100", "rose as high as 150". Any other
("more than", "less than", "nearly", "as much as", "over") measures the change itself: "added
more than 30 platforms", "fell less than 10%", "grew over 30%" (an ambiguous one is read as a
change: a change taken for a level makes false findings, a level taken for a change only
leaves a figure uncompared)."""


def _level_after_cue(text: str, start: int, n: NumberMatch) -> bool:
    """Whether the qualifier between a change cue and the figure makes it a level (see
    LEVEL_BOUNDS); never after "by" ("fell by less than 1%" is a change)."""
    if start >= n.start or _BY_AT_END.search(text, max(0, start - 4), start):
        return False
    words = text[start:n.start].lower().split()
    while words and words[-1] in _DETERMINERS:  # "fell short of the 2 million target"
        words.pop()
    return " ".join(words) in LEVEL_BOUNDS


def _change(text: str, start: int, n: NumberMatch, cues: tuple[tuple[str, ChangeCue | None], ...]) -> str | None:
    """"fall" or "rise" when the figure `n` (with its qualifier from `start`) states a change
    (see the module docstring), else None."""
    for kind, cue in cues:
        if cue is not None and _after_cue(text, start, cue):
            if _level_after_cue(text, start, n) or (
                    kind == "rise" and _VALUE_ADDED.search(text, max(0, start - 30), start)):
                return None
            return kind
    return None


_LIST_LEAD = re.compile(r"(?:\*{1,2}|_{1,2})?\s*(?:--?|[\u2013\u2014:])(?=\s)")
"""Between a figure and its noun in a fact list, when the figure opens the line (see
_OPENS_LINE): "**1,065,000** -- new 5G base stations added during 2023", "625,000 — 5G base
stations added". Elsewhere a dash after a figure is prose ("reached 300 -- new nodes opened in
Hebei")."""
_OPENS_LINE = re.compile(r"\s*(?:(?:\d{1,2}[.)]|[-*•·])\s+)?(?:\*{1,2}|_{1,2})?")
"""Before a figure that opens its line: a list mark ("2.", "-", "*") and bold marks at most."""


def _after_list_lead(text: str, n: NumberMatch, start: int) -> int:
    """Where a figure's noun may start: after a fact list's separator when the figure (from
    its qualifier's `start`) opens its line, else right after the figure."""
    if start > 8 or not _OPENS_LINE.fullmatch(text, 0, start):
        return n.end
    lead = _LIST_LEAD.match(text, n.end)
    return n.end if lead is None else lead.end()


_NEW_AFTER = re.compile(r"\s+(?:(?:brand[- ])?new\b(?![- ](?:energy|infrastructure|materials?|type|generation|era|normal"
                        r"|quality|economy|media|retail|forms?|york|zealand|delhi|jersey|development)\b)|newly\b)",
                        re.IGNORECASE)
"""Right after a figure: it counts what was added ("1.06 million new 5G base stations"), not a
total; not the compounds "new energy vehicles", "new infrastructure", "New York" ..."""
_DIGIT = re.compile(r"\d")
_MORE_AFTER = re.compile(r"\s+more\b(?!\s+or\s+less)(?!\s+than\s+(?:any|all|anyone|anywhere|the\s+rest))", re.IGNORECASE)
"""Right after a figure: what was added or the difference ("Five more Suzhou factories were
named", "1.1 million more than a year earlier"), not a total ("100 or more" has "or" first,
"8,000 more or less", "3.38 million, more than any other country's")."""
_NEWLY = re.compile(r"\bnewly\b", re.IGNORECASE)
"""In a figure's clause, after it: "610,000 5G base stations were newly built"."""
_NEWLY_BEFORE = re.compile(r"\bnewly\s+[a-z]+(?:ed|t)\s+$", re.IGNORECASE)
"""Right before a figure (its qualifier): "operators newly delivered more than 1,400 ... projects"."""
_PERIOD_SO_FAR = re.compile(r"\b(?:so far this (?:year|month|quarter)|this year alone|(?:in|during) (?:19|20)\d\d alone"
                            r"|year[- ]to[- ]date|since the (?:beginning|start) of (?:this|the) year)\b", re.IGNORECASE)
"""A count over part of a period ("So far this year, China has built 337,000 5G base stations",
"1 million in 2023 alone"): what was added in it, not a total."""


_BATCH = re.compile(r"\b(?:(?:first|second|third|fourth|fifth|sixth|latest|new|\d(?:st|nd|rd|th))\s+batch|batch\s+\d)\b"
                    r"(?!\s+of\s+(?:data|statistics|figures|licen[cs]es|spectrum|pilot|funds?|rules|policies|measures))",
                    re.IGNORECASE)
"""Before a figure in its sentence: it counts one batch of a list ("the third batch of '5G
factories'"), what the list gained, not its total."""
_BATCH_TOTAL = re.compile(r"\b(?:total|in\s+all|across|altogether|cumulative|bringing|so\s+far|overall|now|currently"
                          r"|has|have)\b", re.IGNORECASE)
_WERE_ADDED = re.compile(r"\b(?:were|was)\s+(?:newly\s+)?added\b", re.IGNORECASE)
_BUILT = (r"(?:built|constructed|installed|deployed|opened|launched|(?<!value\s)added|set\s+up"
          r"|put\s+into\s+(?:use|operation|service)|build|construct|install|deploy|add)")
"""What building or adding says ("were built", "will build", "were added"; not "value added")."""
_BUILT_BEFORE = re.compile(rf"\b{_BUILT}\s+(?:(?:a\s+total\s+of|another|some)\s+)?$", re.IGNORECASE)
_BUILT_AFTER = re.compile(rf"[^,;:.]{{0,60}}?\b(?:(?:were|was|(?:have|has)\s+been)\s+{_BUILT}|went\s+into\s+(?:use|operation|service)"
                          r"|came\s+(?:into\s+(?:use|operation|service)|online))\b", re.IGNORECASE)
_WENT_UP_AFTER = re.compile(r"\)?\s+(?:(?!(?:which|that|as|after|while|when|and|the|number|count|capacity|total|it|they"
                            r"|its|their)\b)[\w+\-\"'’]+\s+){0,4}?went\s+up\b(?!\s+(?:to|by|from|\d|[a-z]+ly\b|nearly"
                            r"|about|some|more|over|almost))", re.IGNORECASE)
"""Right after a figure, its noun and "went up" with nothing else as the subject: built ("874,000 5G
base stations went up across the country"); not "went up to/by", "went up sharply", nor another
subject's ("as the count went up", "which went up steadily")."""
_PARTICIPLE_AFTER = re.compile(
    r"\s+(?:(?!(?:were|was|are|is|be|been|being|had|has|have|will|would|to|of|which|that|already|all)\b)"
    r"[\w+\-\"'’]+\s+){0,4}?(?:added|newly\s+(?:added|built|constructed|opened|installed)"
    r"|(?:built|constructed)(?=\s+(?:in|during)\s+(?:the\s+(?:year|quarter|month|period|first|second)|(?:19|20)\d\d)\b))"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:in|during|nationwide|nationally|across|throughout|last|this|so\s+far|for|at|from"
    r"|between)\b))",
    re.IGNORECASE)
"""Right after a figure, its noun and a participle of adding ("887,000 5G base stations added
during 2022", "625,000 — 5G base stations added nationwide in the first half", "1.06 million
newly built in 2023"), or "built" or "constructed" right before a period ("built in 2023",
"built during the year"), then the end of the clause or a phrase of time or place: what was
added in the period that dates it. Not after "had" ("had 3.38 million stations built in 2023"
is a total), "already" or "all"; not "built since 2019", "built over five years", "built by
..."; not a verb with an object ("340 platforms added 20 million users")."""
_FURTHER_BEFORE = re.compile(r"\b(?:a\s+further|an\s+additional)\s+$", re.IGNORECASE)
"""Right before a figure: it counts what was added ("A further 58,000 5G base stations went into
operation"), not a total ("another 240 platforms with regional influence" may name another
group)."""


def _ends_in_further(text: str, start: int) -> bool:
    """What _FURTHER_BEFORE needs before `start`: its last word, compared lower-cased (or a
    case-trap character, which re.IGNORECASE may equate with one of its letters)."""
    if has_case_trap(text):
        return True
    return may_hold(text, "further", "additional") and \
        text[max(0, start - 20):start].rstrip().lower().endswith(("further", "additional"))
_PERFECT = re.compile(r"\b(?:had|has|have)\s+(?:\w+\s+)?$", re.IGNORECASE)
"""Before a verb of _BUILT: "had built", "has already built" count a total."""
_TOTAL = re.compile(r"\b(?:a\s+total\s+of|in\s+total|the\s+total|total\s+number|cumulative(?:ly)?|altogether)\b",
                    re.IGNORECASE)
"""In a figure's clause: it is a total, whatever verb of building or period goes with it."""
_IN_ALL_APPOSED = re.compile(r"[^,;:.]{0,40}?,\s+(?:\d[\d,.]*(?:\s+(?:thousand|million|billion))?|[\w-]+)\s+in\s+all,",
                             re.IGNORECASE)
"""After a figure and its noun, an appositive "<the exact figure> in all": the verb after it is still
the figure's ("More than a million base stations, 1,065,000 in all, went up in a single year")."""
_SINCE_AFTER = re.compile(r"\s+(?:nationwide\s+|nationally\s+)?since\b", re.IGNORECASE)
"""After a participle of adding: a total since a start ("330 secondary nodes added nationwide since
the system launched"), not what a period added."""
_DURING_THE_PERIOD = re.compile(r"\b(?:(?:during|in|over|throughout)\s+the\s+(?:year|quarter|month|period|"
                                r"(?:first|second)\s+half)\b(?!\s+(?:to|ending|ended|before|earlier|of\s+\d))"
                                r"|in\s+a\s+single\s+year\b)",
                                re.IGNORECASE)
"""A period named by what the text is about ("About 700,000 5G base stations were built during
the year"): what was built in it was added, as in a named year."""


_PERIOD_PREPOSITIONS = r"(?:in|during|over|throughout|for)"
_IN_PERIOD = re.compile(rf"(?:{_PERIOD_PREPOSITIONS}|from|between)\s", re.IGNORECASE)
_IN_PERIOD_BEFORE = re.compile(rf"\b{_PERIOD_PREPOSITIONS}\s+$", re.IGNORECASE)
"""How a time expression for a whole period starts, or what stands before it ("in 2023", "in
the first four months of 2024", "during the year", "from January to June this year"), not a
moment ("by the end of 2023", "as of June")."""


def may_hold(text: str, *words: str) -> bool:
    """Whether an IGNORECASE pattern that needs one of `words` (lower-case ASCII) may match in
    `text`: the lower-cased text holds one, or the text has a character re.IGNORECASE equates
    with an ASCII letter that str.lower does not turn into it."""
    low = lowered(text)
    for w in words:  # a loop, not any() over a generator: half the time, on every figure
        if w in low:
            return True
    return has_case_trap(text)


def _addition(text: str, n: NumberMatch, start: int, clause: tuple[int, int], lone: bool,
              time: TimeExpression | None) -> bool:
    """Whether the figure `n` (with its qualifier from `start`) counts additions (see
    _NEW_AFTER, _NEWLY, _PERIOD_SO_FAR), or what was built in a period ("In 2023, China built
    600,000 5G base stations", "In the first four months of 2024, 337,000 were built"; not "had
    built ... by the end of 2023", a total): a change like a rise, never compared with totals.
    `clause`: its bounds; `lone`: whether it is its sentence's only figure (then a period
    phrase anywhere in the sentence counts); `time`: the time dating it."""
    noun = _after_list_lead(text, n, start)
    if may_hold(text, "new") and (_NEW_AFTER.match(text, noun) or _NEWLY.search(text, n.end, clause[1])
                                  or _NEWLY_BEFORE.search(text, max(0, start - 30), start)):
        return True
    if may_hold(text, "more") and _MORE_AFTER.match(text, n.end):
        return True
    if may_hold(text, "batch") and _BATCH.search(text, clause[0], n.start) is not None \
            and not _BATCH_TOTAL.search(text, *clause):
        return True  # "In the third batch, there were 77 of our members among 512 factories"
    # a total, whatever verb of building or period goes with it: "a total of 2.94 million ...
    # have been built", "the total number ... reached" (looked for only when the rest says added),
    # but for "were added" ("A total of 874,000 5G base stations were added during the year")
    return _added(text, n, start, noun, clause, lone, time) and not (
        may_hold(text, "total", "cumulative", "altogether") and _TOTAL.search(text, *clause) is not None
        and _WERE_ADDED.search(text, *clause) is None)


def _added(text: str, n: NumberMatch, start: int, noun: int, clause: tuple[int, int], lone: bool,
           time: TimeExpression | None) -> bool:
    """_addition's tests but "new": "a further N", a part of a period so far, or a verb of
    building with a period; `noun`: where the figure's noun may start (_after_list_lead)."""
    if _ends_in_further(text, start) and _FURTHER_BEFORE.search(text, max(0, start - 20), start):
        return True
    if may_hold(text, "so far", "alone", "date", "since the"):
        # with other figures, in its clause, or before it with no other figure between: "Since
        # the beginning of this year, 1,200 projects have been added, and the total is 2,900"
        so_far = _PERIOD_SO_FAR.search(text, *((0, len(text)) if lone else (0, clause[1])))
        if so_far is not None and (lone or so_far.start() >= clause[0] or not _DIGIT.search(text, so_far.end(), start)):
            return True
    # (matched in the whole text: the clause may end at the next figure, "platforms added 20 million users");
    # one with "added" counts whatever dates the figure, the others only in a period (below)
    participle = _PARTICIPLE_AFTER.match(text, noun) if may_hold(text, "added", "built", "constructed", "newly") \
        else None
    added = participle is not None and participle.end() <= clause[1] \
        and _PERFECT.search(text, max(0, start - 20), start) is None
    if added and participle is not None and "added" in participle.group(0).lower() \
            and _SINCE_AFTER.match(text, participle.end()) is None:
        return True  # "of the 12 million sets added nationally", whatever dates it
    if may_hold(text, "in all") and (apposed := _IN_ALL_APPOSED.match(text, n.end)) is not None:
        built = _WENT_UP_AFTER.match(text, apposed.end()) or _BUILT_AFTER.match(text, apposed.end())
        if built is not None and (time is not None and _IN_PERIOD.match(time.text)
                                  or _DURING_THE_PERIOD.search(text, built.end(), built.end() + 40)):
            return True  # "More than a million base stations, 1,065,000 in all, went up in a single year"
    if (time is None or "end of" in time.text.lower() or not (
            _IN_PERIOD.match(time.text) or _IN_PERIOD_BEFORE.search(text, max(0, time.start - 12), time.start))) \
            and not (may_hold(text, "year", "quarter", "month", "period", "half")
                     and _DURING_THE_PERIOD.search(text, *clause)):
        return False
    before = _BUILT_BEFORE.search(text, max(0, start - 40), start)
    if before is not None:
        return _PERFECT.search(text, max(0, before.start() - 20), before.start()) is None
    if _BUILT_AFTER.match(text, n.end, clause[1]) is not None or _WENT_UP_AFTER.match(text, n.end) is not None:
        return True
    return added


def _after_cue(text: str, start: int, cue: ChangeCue) -> bool:
    """Whether a change cue (and "by") ends right before a figure starting at `start`.

    A match ends with a cue's last word, then whitespace (or whitespace, "by" and whitespace)
    up to `start`: so, unless a case trap makes re.IGNORECASE differ from lower(), the text
    before that whitespace (before "by") ends with one of the cues' last words, lower-cased.
    That cheap test comes first; the pattern decides."""
    pattern, ends, longest = cue
    if not has_case_trap(text):
        i = start
        while i > 0 and text[i - 1].isspace():
            i -= 1
        if i == start:
            return False
        word = text[max(0, i - longest):i].lower()
        if not word.endswith(ends):
            if not (word.endswith("by") and i >= 3 and text[i - 3].isspace()):
                return False
            i -= 2
            while i > 0 and text[i - 1].isspace():
                i -= 1
            if not text[max(0, i - longest):i].lower().endswith(ends):
                return False
    return pattern.pick(text).search(text, max(0, start - 40), start) is not None


@lru_cache(maxsize=32)
def _denial_cues(rules: Ruleset) -> tuple[Phrases | None, Phrases | None]:
    """The denial cues after a figure, and those before it (rules/extraction.yaml)."""
    x = rules.extraction
    return (Phrases.of(x.denial_cues) if x.denial_cues else None,
            Phrases.of(x.denial_lead_cues) if x.denial_lead_cues else None)


def _denied(text: str, n: NumberMatch, clause_start: int, cues: tuple[Phrases | None, Phrases | None]) -> bool:
    """Whether a denial cue follows the figure before the next clause mark ("Reports that 500
    ... were inaccurate"), or a lead cue precedes it in its clause ("denied that 300 ...")."""
    after, lead = cues
    if after is not None:
        mark = _CLAUSE_MARK.search(text, n.end)
        tail = text[n.end:mark.start() if mark else len(text)]
        if after.search(tail, folded(tail)):
            return True
    if lead is not None:
        head = text[clause_start:n.start]
        return bool(lead.search(head, folded(head)))
    return False


def plans(text: str, rules: Ruleset, fold: str | None = None) -> bool:
    """Whether `text` holds a target cue outside its achieved cues: what it dates is planned
    ("will reach 100 in 2026"); "has met its target of 100" and "has achieved its goals of ..."
    plan nothing. `fold`: `folded(text)`, if known."""
    target, _, achieved = _cue_patterns(rules)
    if achieved.search(text, fold):
        text, fold = achieved.pattern.pick(text).sub(" ", text), None
    return target.search(text, fold)


def _cues(text: str, rules: Ruleset, fold: str | None = None) -> tuple[bool, bool]:
    """Whether `text` holds an estimate cue, and, holding none, a target cue outside its
    achieved cues (`plans`) or opens with an order (_IMPERATIVE); `fold`: `folded(text)`, if known."""
    if _cue_patterns(rules)[1].search(text, fold):
        return True, False
    return False, plans(text, rules, fold) or _IMPERATIVE.match(text) is not None


_IMPERATIVE = re.compile(r"\s*(?:\(?\d{1,2}[.)]\s*|[-*\u2022]\s*)?(?:newly\s+)?(?:build|construct|cultivate|deploy|strive|"
                         r"promote|connect)\s+(?:(?:more\s+than|over|at\s+least|about|some|a\s+total\s+of)\s+)?"
                         r"(?!(?:19|20)\d\d\b)\d", re.IGNORECASE)
"""A sentence that opens with an order and its figure (a plan's numbered point: "Newly build more
than 50,000 5G base stations, so that the province total exceeds 285,000"): a target."""


@lru_cache(maxsize=32)
def _qualifier_ends(rules: Ruleset) -> tuple[tuple[str, ...], int] | None:
    """The last words (lower-cased) a match of the "before" qualifier pattern can end with
    (each phrase's last word, or "the" / "of" of "the" / "a total of") and the longest's
    length; None when a phrase is not ASCII or holds whitespace other than spaces (then the
    pattern always runs)."""
    ends = {"the", "of"}
    for rule in rules.qualifiers.qualifiers:
        if rule.position != "before":
            continue
        for phrase in rule.phrases:
            p = phrase.strip().lower()
            if not p.isascii() or any(c.isspace() and c != " " for c in p):
                return None
            ends.add(p.split(" ")[-1])
    return tuple(sorted(ends)), max(map(len, ends))


def _may_follow_qualifier(text: str, start: int, rules: Ruleset) -> bool:
    """False when no "before" qualifier can end right before a figure starting at `start`.

    A match ends with a phrase's last word or "the"/"of", then whitespace up to `start`
    (`$` at the search's end, or before a newline there, which is whitespace too): so the
    text before the whitespace run ending at `start` ends with one of `_qualifier_ends`,
    compared as lower-cased text when no case trap makes re.IGNORECASE differ from lower()."""
    known = _qualifier_ends(rules)
    if known is None or has_case_trap(text):
        return True
    ends, longest = known
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    if i == start:
        return False
    return text[max(0, i - longest):i].lower().endswith(ends)


_EXACT: tuple[str, float | None] = ("exact", None)


def _qualifier(text: str, n: NumberMatch, rules: Ruleset) -> tuple[str, float | None, int, int]:
    """The qualifier kind of the figure `n`, its rule's high_factor, and the figure's span
    with the qualifier phrase."""
    before, after, kinds = _qualifier_patterns(rules)
    start, end, (kind, factor) = n.start, n.end, _EXACT
    m = None
    if _may_follow_qualifier(text, n.start, rules):
        m = before.pick(text).search(text, max(0, n.start - 40), n.start)
    if m and _THE_AT_END.search(m.group(0)) and not _MARK_AFTER.match(text, n.end):
        m = None  # "well above the 3 million stations the plan called for": 3 million is a level of its own
    if m:
        phrase = " ".join(_ARTICLE_AT_END.sub("", m.group(0).strip()).lower().split())
        (kind, factor), start = kinds.get(f"before:{phrase}", _EXACT), m.start()
    a = after.pick(text).match(text, n.end)
    if a and kind == "exact":
        phrase = " ".join(a.group(0).lower().split())
        (kind, factor), end = kinds.get(f"after:{phrase}", _EXACT), a.end()
    return kind, factor, start, end


def _modifier(word: str, after: Sequence[str]) -> bool:
    """Whether a unit noun in the singular modifies the noun after it, one of the next two
    words being a plural noun: "40,000 5G private network projects" counts projects, "1,200
    platform service providers" providers ("1,200 networks", "1.35 trillion yuan investment"
    count their unit)."""
    if _looks_plural(word) or word.lower() in _CURRENCY_WORDS:
        return False
    for nxt in after:
        if not nxt[0].isalpha() or nxt.lower() in _STOP or nxt.lower() in _PREPOSITIONS or not nxt.islower():
            return False
        if _looks_plural(nxt):
            return True
    return False


_NAME_BEFORE = re.compile(r"(?:\bthe|[\"”’])\s*$", re.IGNORECASE)


def _names_one(text: str, n: NumberMatch, word: str, word_end: int) -> bool:
    """Whether figure `n`, right before the unit noun `word` in the singular, is the number in
    a name ("the 512 project", 'the "5G + industrial internet" 512 project'): a count above one
    in digits after "the" or a closing quote, with no scale word. A translation's "exceeded
    100000 set" still counts sets, and "500 yuan" has no plural."""
    w = word.lower()
    return n.value > 1 and n.kind == "number" and n.scale == 1 and not n.is_word and w == lemma(w) \
        and not _looks_plural(w) and w not in _CURRENCY_WORDS and _NAME_BEFORE.search(text, 0, n.start) is not None \
        and _GOAL_AFTER.match(text, word_end) is None


_GOAL_AFTER = re.compile(r"\s*(?:target|goal|mark|milestone|threshold|level|plan|objective)\b", re.IGNORECASE)
"""After "the 300 factory": the number is a target's, not a name ("the 300 factory target was met")."""


def _unit(text: str, n: NumberMatch, units: frozenset[str]) -> tuple[str | None, str | None]:
    if n.unit == "%":
        return "%", "%"
    if n.kind == "measure" and n.unit:
        return n.unit, n.unit.lower()
    nxt = _NEXT_WORD.pick(text).match(text, n.end)
    if nxt and nxt.group(1).lower() in _MEASURE_WORDS:
        return nxt.group(1).lower(), lemma(nxt.group(1))
    first_plural = None
    token = _TOKEN.pick(text)
    conjunction = joined = False  # a conjunction and a word after it: a figure after them is another statement's
    for i, tok in enumerate(token.finditer(text, n.end)):
        word = tok.group(0)
        if i >= 8 or word in ",.;:()[]!?" or word.lower() in _STOP or joined and _FIGURE_TOKEN.fullmatch(word):
            break  # (its unit is its own: "numbered 240 and connected 81 million sets"; "60 or 70 platforms",
            # "0.8 million and 0.5 million 5G base stations" and "63000 Model 3 sedans" share theirs)
        if word.lower() in _JOINS:
            conjunction = True
        elif conjunction and word[0].isalpha():
            joined = True
        if not word[0].isalpha():
            continue
        if lemma(word) in units and not _modifier(word, [t.group(0) for t in islice(token.finditer(text, tok.end()), 2)]):
            if i == 0 and (_names_one(text, n, word, tok.end()) or n.is_word and n.value == 1 and word.lower() == lemma(word)):
                return None, None  # "the 512 project" is a programme's name, "one company" one of them
            return word.lower(), lemma(word)
        if first_plural is None and _looks_plural(word):
            first_plural = word
    if first_plural:
        return first_plural.lower(), lemma(first_plural)
    if n.unit:
        return n.unit, n.unit.lower()
    return None, None


# a verb that states a count of its subject: "... platforms reached 70", "... numbered 1.4 million"
_COUNT_VERB = re.compile(r"(?:\s(?:has|have|had))?\s(?:reach(?:ed|es)?|exceeded|numbered|totall?ed|totals?|stood\s+at"
                         r"|hit|topped|came\s+to|(?:rose|grew|increased|climbed|jumped|fell|dropped|declined)\s+(?:to|from))"
                         r"\s+$", re.IGNORECASE)
_NUMBER_OF = re.compile(r"\bnumber\s+of\s", re.IGNORECASE)
_BE_VERB = re.compile(r"\s(?:was|were|is|are|stands\s+at|remained|remains)\s+$", re.IGNORECASE)
"""After "the number of ...", a verb that states the count as _COUNT_VERB's do."""
_AUXILIARIES = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "should", "could",
                          "may", "might", "can", "must", "shall", "to"})
"""Verbs that end the subject after "number of" ("the number of 5G base stations is expected
to reach ...")."""
# words that start a phrase qualifying a noun: "the revenue of ... platforms" counts no platforms
_PREPOSITIONS = frozenset({"of", "in", "on", "for", "to", "from", "with", "by", "at", "among", "across",
                           "into", "within", "per", "than", "about", "over", "regarding", "concerning",
                           "around", "against", "without", "through", "under", "near", "like",
                           "that", "which", "who", "whose"})


def _unit_before(text: str, starts: tuple[int, int], clause_start: int,
                 units: frozenset[str]) -> tuple[str | None, str | None]:
    """The unit of a figure that names none after it but counts the subject of its clause:
    "the number of industrial internet platforms with regional influence reached 70" or "was
    70" (the first unit noun after "number of"), "5G base stations numbered 1.4 million" (a unit noun
    right before the verb). Nothing else: "the platforms' revenue reached 300 billion" counts
    no platforms. `starts`: where the figure starts with its qualifier and without it (the
    verb may be the qualifier: "exceeded 70"). Nor from a clause that starts at another figure:
    its words are that figure's ("revenue from 50 industrial internet platforms rose to 2
    billion" counts no 2 billion platforms)."""
    if clause_start > 0 and text[clause_start - 1] not in ",;:":
        return None, None
    for start in starts:
        prefix = text[clause_start:start]
        verb = _COUNT_VERB.search(prefix)
        if verb is None and _NUMBER_OF.search(prefix):
            verb = _BE_VERB.search(prefix)  # "the number of 5G base stations was 2.31 million"
        if verb is not None:
            break
    else:
        return None, None
    subject = prefix[:verb.start()]
    of = None
    for of in _NUMBER_OF.finditer(subject):
        pass  # the last "number of" in the subject
    words = [t.group(0) for t in _TOKEN.pick(subject).finditer(subject, of.end() if of else 0)
             if t.group(0)[0].isalpha()]
    if of:  # the head noun after "number of": the last word before any phrase that qualifies it
        # ("platforms" of "industrial internet platforms with regional influence"; "complaints"
        # of "complaints about 5G base stations", "people" of "people using 5G base stations")
        stop = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS or w.lower() in _AUXILIARIES
                     or (i and w.lower().endswith(("ing", "ed")) and lemma(w) not in units)), len(words))
        candidates = words[:stop][-1:] if 0 < stop <= 6 else []
    else:  # the subject's last word, unless it is the object of a preposition; else its head
        # noun, the last word before its first preposition ("nodes" of "the national top nodes
        # of identifier resolution numbered five")
        near = [w.lower() for w in words[-4:-1]]
        first = next((i for i, w in enumerate(words) if w.lower() in _PREPOSITIONS), len(words))
        candidates = words[-1:] if not _PREPOSITIONS.intersection(near) else words[first - 1:first] if first else []
    for word in candidates:
        if lemma(word) in units:
            return word.lower(), lemma(word)
    return None, None


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding `pos` starts: after the last , ; or : before it, else 0."""
    return max(text.rfind(",", 0, pos), text.rfind(";", 0, pos), text.rfind(":", 0, pos)) + 1


_NEXT_SUBJECT = re.compile(r"\s(?:and|while|whereas)\s+the\s+(?:number|count|total)\s+of\s", re.IGNORECASE)
"""After a figure, where the next statement's subject starts: "... rose from 72 to 342 and the
number of cross-industry platforms from 10 to 50" (342 counts no cross-industry platforms)."""


def clause_bounds(text: str, n: NumberMatch, numbers: Sequence[NumberMatch]) -> tuple[int, int]:
    """[start, end) of the clause around a number: to the nearest , ; : or other figure, or to
    "and the number of" after it (_NEXT_SUBJECT).

    A mark not found gives rfind -1, so a left bound of 0 (the text's start), and find -1,
    which the right bound ignores (it is then the text's end)."""
    start, end = n.start, n.end
    left = _clause_start(text, start)
    right = len(text)
    for c in ",;:.":
        i = text.find(c, end)
        if 0 <= i < right:
            right = i
    if may_hold(text, "number of", "count of", "total of"):
        subject = _NEXT_SUBJECT.search(text, end, right)
        if subject is not None:
            right = subject.start()
    for m in numbers:
        if m.end <= start and m.end > left:
            left = m.end
        if m.start >= end and m.start < right:
            right = m.start
    return left, right


_UP_FROM = r",\s+(?:up|down)\s+from"
"""Before the earlier level a figure is compared with: "3.38 million, up from 130,000"."""
_COMPARED_WITH = r"compared\s+(?:with|to)\b"
_BASE_BETWEEN = re.compile(rf"{_UP_FROM}\b|\b{_COMPARED_WITH}|,\s+(?:up|down)\s+(?:by\s+)?[^,;:]{{0,25}}?\bfrom\b"
                           r"|,\s+(?:as\s+)?against\b", re.IGNORECASE)
"""Between a figure and a later time: the base of a comparison, which that time dates ("up from
130,000", "up 50 percent from 40 million at the end of 2019", "compared with")."""
_COMPARISON_CLOSED = re.compile(r";|,(?!\d)")
"""Between a comparison's "from" and a time: a mark that ends the comparison (not a digit comma)."""
_COMPARED_BEFORE = re.compile(r"\b(?:compared\s+(?:with|to)|as\s+against|versus|vs\.?)\s+(?:the\s+same\s+period\s+)?(?:of\s+|in\s+)?$",
                              re.IGNORECASE)


_YEAR_EARLIER = re.compile(r"\s*(?:[^,;:.]{0,60}?\s)?(?:(?:a|one) year (?:earlier|before|previously)"
                           r"|(?:in |for |of )?the (?:previous|prior|preceding) year|(?:in |for )?the year before"
                           r"|(?:in |for |of )?the same (?:period|time|month|quarter) (?:of |in )?(?:the previous|the prior|a) year"
                           r"(?: earlier| before)?)\b", re.IGNORECASE)
"""After a figure, in its clause: it is dated a year before the time that governs its
sentence ("3.38 million 5G base stations at the end of 2023, compared with 2.31 million a
year earlier": 2022-12)."""
_LEVEL_OF = re.compile(r"(?<![\w.,-])((?:19|20)\d\d)(?:'s)?\s+(?:level|figure|total|count|number|tally)\s+of\s+$",
                       re.IGNORECASE)
"""Before a figure: a year and these words date it ("three times the 2019 level of 32 million
sets": 2019)."""


_REST_OF_CLAUSE = r"(?:[^,;:.]|(?<=\d)[,.](?=\d))*"
"""Text up to a clause mark or a sentence's end (the comma or point inside a number is none)."""
_WHEN_EARLIER = re.compile(r"\b(?:(?P<n>a|one|two|three|\d)\s+years?\s+(?:earlier|before|ago|previously)"
                           rf"|the\s+(?:previous|prior|preceding)\s+year),?\s+when\s+{_REST_OF_CLAUSE}$", re.IGNORECASE)
"""Before a figure with no time of its own: its clause says when the earlier time was
("The number was 107 more than a year earlier, when 158 nodes were in service": 158 is of a
year before the paragraph's time)."""


def when_earlier(text: str, at: int) -> tuple[int, str] | None:
    """(years back, the phrase) when the figure at `at` stands in such a "when" clause."""
    if not may_hold(text, "when"):
        return None
    m = _WHEN_EARLIER.search(text, max(0, at - 160), at)
    if m is None:
        return None
    years = 1 if m["n"] is None or m["n"].lower() in ("a", "one") else count_of_years(m["n"])
    return None if years is None else (years, m.group(0)[:m.group(0).lower().index("when")].rstrip(" ,"))


def _base_time(text: str, exprs: Sequence[TimeExpression], n: NumberMatch, start: int, clause_end: int,
               time: TimeExpression | None) -> TimeExpression | None:
    """The time of a figure given as a comparison's base, else `time` (the one governing it):
    "the 2019 level of 32 million" (the year before _LEVEL_OF); "2.31 million a year earlier"
    or "in the previous year" (_YEAR_EARLIER in its clause: `time` a year earlier)."""
    level = (_LEVEL_OF.search(text, max(0, start - 30), start)
             if text[max(0, start - 30):start].rstrip().lower().endswith("of") else None)
    if level is not None:
        year = int(level.group(1))
        window = TimeWindow(start=date(year, 1, 1), end=date(year, 12, 31), basis="explicit",
                            note=f"the {year} level")
        return TimeExpression(level.start(1), level.end(1), level.group(1), window, "point")
    if time is None or time.window.start is None or time.window.end is None:
        return time
    # "a year earlier, when 158 were in service" (not a time expression itself: "two years ago,
    # when ..." is the figure's time, see _governing_time)
    back = when_earlier(text, start) if time.end <= start and not _WHEN_THEN.fullmatch(text, time.end, start) else None
    if back is not None:
        years = back[0]
    elif may_hold(text, "year") and _YEAR_EARLIER.match(text, n.end, clause_end):
        years = 1
    else:
        return time
    window = shift_window(time.window, -years, f"{'a year' if years == 1 else f'{years} years'} before {time.text}")
    return dataclasses.replace(time, window=window, role="point")


_WHEN_THEN = re.compile(rf",?\s+when\s+{_REST_OF_CLAUSE}", re.IGNORECASE)
"""Between a time and a figure: the figure's clause says what was so then ("in 2019, when
130,000 were in service", "two years ago, when there were 1.39 million")."""


_BEGAN_IN = re.compile(r"\b(?:which|that)\s+(?:was\s+)?(?:began|begun|started|launched|opened|set\s+up|introduced"
                       r"|founded|created)\s+$", re.IGNORECASE)
"""Right before a time: when something began, in a relative clause ("The programme, which began in
2019, had 2,400 projects under construction by year-end"): no time of a figure after the clause
closes (a comma between); "which started in 2019 with 130,000 5G base stations" dates the 130,000."""
_REFERENCE_NOUN = re.compile(r"\b(?:(?:figure|level|total|tally|number|count|amount)"
                             r"|(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger|above|below|up|down)\s+than"
                             r"(?:\s+(?:at|in|on|by|during|for|as\s+of))?)\s+$", re.IGNORECASE)
"""Right before a time after a figure: the time dates what the figure is compared with, not
the figure ("exceeded 6,000, which is 1.5 times the figure at the end of last year"; "reached
14,000, 75 percent more than at the end of 2023")."""


def _governing_time(text: str, exprs: Sequence[TimeExpression], n: NumberMatch,
                    clause_end: int) -> TimeExpression | None:
    """The time expression dating the figure `n` whose clause ends at `clause_end`: the
    first after it when it starts in the clause at most `_CLOSE_WORDS` words after it ("up
    from 130,000 base stations in 2019"), else the nearest before it, else the first after.
    The year of a source ("according to the 2019 report") dates the figure only when no other
    time does: "In 2018, according to the 2019 report, 150 had been built" is 2018."""
    if may_hold(text, "when"):
        for e in exprs:  # "two years ago, when there were 1.39 million": that time is the figure's
            if e.end <= n.start and e.role in _ANCHORING_ROLES and _WHEN_THEN.fullmatch(text, e.end, n.start):
                return e
    anchoring = [e for e in exprs if e.role in _ANCHORING_ROLES and (e.role != "ago" or _in_clause(text, e, n))
                 and not (e.start >= n.end and _REFERENCE_NOUN.search(text, max(0, e.start - 16), e.start))
                 and not (e.end <= n.start and "," in text[e.end:n.start]
                          and _BEGAN_IN.search(text, max(0, e.start - 40), e.start))]
    own = [e for e in anchoring if e.role != "source"]
    time = _nearest_time(text, own, n, clause_end) or _nearest_time(
        text, [e for e in anchoring if e.role == "source"], n, clause_end)
    if time is not None and time.role == "recent" and time.end <= n.start and _comparison_base(text, n) \
            and not (may_hold(text, "year") and _YEAR_EARLIER.match(text, n.end, clause_end)):
        return None  # "3.7% in January from 3.8% a month earlier": 3.8% is not January's
    return time  # "21,000 at the end of September, compared with 12,000 a year earlier": _base_time shifts it


def _time_follows(text: str, end: int, unit: str, exprs: Sequence[TimeExpression]) -> bool:
    """Whether the `unit` read after a figure ending at `end` is a word of a time expression
    starting right after it (spaces aside): "five years ago" gives no unit to "130,000"; "¥" of
    "¥1.35 trillion in 2023" is the figure's own."""
    if not exprs:
        return False
    nxt = end
    while nxt < len(text) and text[nxt].isspace():
        nxt += 1
    return any(e.start == nxt and unit.lower() in e.text.lower() for e in exprs)


def _in_clause(text: str, e: TimeExpression, n: NumberMatch) -> bool:
    """Whether the time `e` and the figure `n` share a clause (no , ; : between them), or `e`
    opens the sentence before it: "five years ago" dates "up from 130,000 five years ago" and
    "Five years ago, China had 130,000", not "China now has 3.38 million, up from ..." before
    the comma."""
    if e.end <= n.start:
        return not text[:e.start].strip() or _CLAUSE_MARK.search(text, e.end, n.start) is None
    return _CLAUSE_MARK.search(text, n.end, e.start) is None


_BASE_BEFORE = re.compile(r"\bfrom\s+(?:[^\s,;:]+\s+){0,2}$", re.IGNORECASE)
_BASE_AFTER = re.compile(r"[^,;:.]{0,30}?\b(?:(?:a|one)\s+(?:month|quarter|year)\s+(?:earlier|before|ago)|"
                         r"(?:in\s+)?the\s+(?:previous|prior|preceding|same)\s+(?:month|quarter|period|year))\b",
                         re.IGNORECASE)


def _undated_base(text: str, n: NumberMatch, start: int, numbers: Sequence[NumberMatch], clause: tuple[int, int],
                  time: TimeExpression | None) -> bool:
    """Whether the figure `n` is a comparison's base that no time of its own dates, so that
    `time`, the one governing it, dates the level it is compared with, not it: the base was
    true earlier, how much earlier the text does not say. A base is a figure whose clause opens
    "up from", "down from" or "compared with", or that follows "from" right after a verb of
    change ("up 46 percent from 2.31 million"), or the X of "from X to Y". Dated by its own
    clause (a time there, or words such as "at the start of the year", "a quarter earlier"), it
    is not undated; nor is the X of "from X to Y" in a period that holds both ("In 2023, ...
    rose from 2.31 million to 3.38 million", "Since 2019, ... from 50 to 8,000": X was so at its
    start), or before a time after both ("from 54 to 363 between the end of 2019 and ...")."""
    if not may_hold(text, "from", "compared", "on the"):
        return False  # every form of a base holds one of these
    later = next((m for m in numbers if m.start >= n.end), None)
    if later is not None and _FROM_BEFORE.search(text, max(0, start - 8), start) is not None \
            and _TO_BETWEEN.match(text, n.end, later.start) is not None:  # the X of "from X to Y"
        if time is not None and (time.start >= n.end or _is_period(time)):
            return False
    elif BASE_LEAD.match(text, clause[0]) is None and _CHANGE_FROM.search(text, max(0, n.start - 60), n.start) is None:
        return False
    if _OWN_BASE_TIME.search(text, clause[0], clause[1]) is not None:
        return False
    return time is None or not clause[0] <= time.start < clause[1]


def _is_period(time: TimeExpression) -> bool:
    """Whether a time is a period of a quarter or more ("in 2023", "since 2019", "in the first
    half"), not a day or a month ("at the end of 2023": December)."""
    window = time.window
    return time.role in ("since", "range") or (window.start is not None and window.end is not None
                                               and (window.end - window.start).days >= 85)


_FIGURE_TOKEN = re.compile(r"\d[\d,.]*")
"""A token that is a number (not "5G")."""
_JOINS = frozenset({"and", "or", "but", "while", "whereas", "with", "to", "than"})
_CHANGE_FROM = re.compile(r"\b(?:up|down|rose|risen|grew|grown|increased|climbed|jumped|fell|fallen|dropped|declined"
                          r"|decreased)\b(?:[^,;:.]|(?<=\d)[.,](?=\d)){0,40}?\b(?:from|on\s+the)\s+(?:(?:about|around|roughly|nearly|some|just"
                          r"|over|under|more\s+than|less\s+than)\s+)?$", re.IGNORECASE)
"""Before a base's number: "up 46 percent from 2.31 million", "rose by 30,000 from 2.31 million",
"up 7.7 per cent on the 1.17 trillion yuan of 2021" (a range such as "from fewer than 130,000 to
3.38 million", read as one figure, is none)."""
_OWN_BASE_TIME = re.compile(r"\b(?:(?:start|beginning|end)\s+of\s+(?:the|this|last)\s+(?:year|quarter|month)"
                            r"|(?:a|one|two|three)\s+(?:quarters?|months?)\s+(?:earlier|before|ago)"
                            r"|(?:two|three|four|five)\s+years\s+(?:earlier|before|ago)"
                            r"|(?:previous|prior|preceding)\s+(?:quarter|month)|last\s+year['’]s"
                            r"|(?:19|20)\d\d['’]s)\b", re.IGNORECASE)
"""In a base's clause: words that date it though no time expression is read there ("compared
with 158 at the start of the year", "compared with 2022's 2.31 million"); "a year earlier" is
read (_YEAR_EARLIER)."""




def _comparison_base(text: str, n: NumberMatch) -> bool:
    """Whether the figure `n` is the base of a comparison: right after "from" ("widened to 42.5
    percent in the third quarter from 39.8 percent") or followed by "a month earlier", "the
    previous year"... A period named without a year before it is then not its time."""
    return _BASE_BEFORE.search(text, max(0, n.start - 40), n.start) is not None \
        or _BASE_AFTER.match(text, n.end) is not None


NOW = re.compile(r"\b(?:today|now|currently|at present|presently|so far|to date|at the moment|as things stand)\b",
                 re.IGNORECASE)
"""Words that speak of the time of writing ("Today there are more than 240", "the number now
exceeds 240")."""
_SUBORDINATE = re.compile(r"\s*(?:ever\s+)?(?:since|after|when|once|following|before|as)\s+(?!\d)\S", re.IGNORECASE)
BASE_LEAD = re.compile(rf"\s*(?:(?:up|down)\s+from\b|{_COMPARED_WITH})", re.IGNORECASE)
"""A clause that opens so gives a comparison's base ("..., up from 28 in 2022")."""


PAST_AUXILIARY = re.compile(r"\b(?:was|were|had|did)\b", re.IGNORECASE)


_TIME_LEAD_WORDS = frozenset({"of", "at", "in", "on", "the", "end", "start", "beginning", "middle", "early", "late",
                              "mid", "by", "during", "from"})
"""Words of a time's own lead ("As of June 30th, 2023", "after the end of 2020"): no event."""


def _elsewhere(text: str, e: TimeExpression, figure_clause: tuple[int, int]) -> bool:
    """Whether the time `e`, in a clause of its own before a figure's, dates something else:
    that clause opens with a subordinator and names an event before the time ("Since the
    action plan was launched in 2018, ...", "After a slow start in 2018, ..."; not "After
    2018, ..."), or with a comparison's base ("Up from about 100 platforms in 2020, ...")."""
    start = _clause_start(text, e.start)
    if BASE_LEAD.match(text, start):
        return True
    lead = _SUBORDINATE.match(text, start)
    if lead is None:
        return False
    if _AT_THE_TIME.match(text, start) and not _NOT_AT_THE_TIME.search(text, e.end, figure_clause[1]):
        return False  # "When the plan period began in 2021, the system had 100 nodes": that time is the figure's
    return any(w.lower() not in _TIME_LEAD_WORDS for w in re.findall(r"[^\W\d_]{2,}", text[lead.end() - 1:e.start]))


_AT_THE_TIME = re.compile(r"\s*when\s", re.IGNORECASE)
_NOT_AT_THE_TIME = re.compile(r"\b(?:have|has|said|says|reported|announced|told|since|now|today|expect(?:s|ed)?"
                              r"|forecasts?|predicts?|projects?)\b", re.IGNORECASE)
"""A "when" clause's time is that of the figures of the main clause it opens ("When the 14th
Five-Year Plan period began in 2021, the system had 100 secondary nodes and 150 platforms",
"When the plan ends in 2025, China will have 3.6 million"), unless the main clause up to the
figure reports what someone said then ("When the ministry released its report in February
2024, it said China had 3.38 million": the report's date) or speaks of now ("has", "since");
not "as" ("As set out in the plan of 2018, China has ...")."""


def _nearest_time(text: str, anchoring: Sequence[TimeExpression], n: NumberMatch,
                  clause_end: int) -> TimeExpression | None:
    after = [e for e in anchoring if e.start >= n.end]
    # nor the base of a comparison right after it ("rose 0.3 percent in April compared with a
    # year ago"): that time is the figure's reference, never its own, even as the only one
    after = [e for e in after if e.start >= clause_end or not _COMPARED_BEFORE.search(text, n.end, e.start)]
    # not "since" ("150 platforms for the first time since 2015") nor a comparison ("20 more
    # than in 2019"): those years are not the figure's
    between = text[n.end:after[0].start].split() if after else []
    if after and after[0].start < clause_end and after[0].role != "since" \
            and len(between) <= _CLOSE_WORDS and "than" not in (w.lower() for w in between):
        return after[0]
    before = [e for e in anchoring if e.end <= n.start]
    own_start = _clause_start(text, n.start)
    if any(e.end <= own_start for e in before):
        # a time in another clause dates no figure of a clause "now" speaks of, nor one the
        # clause it stands in ties to another event ("Since the plan was launched in 2018,
        # China has cultivated more than 240") or to a comparison's base ("Up from about 100
        # in 2020, the number now exceeds 240")
        present = (NOW.search(text, own_start, clause_end) is not None
                   and PAST_AUXILIARY.search(text, own_start, clause_end) is None)  # not "had now reached"
        before = [e for e in before if e.end > own_start or not (present or _elsewhere(text, e, (own_start, clause_end)))]
    if before:
        return before[-1]
    base = _BASE_BETWEEN.search(text, n.end, after[0].start) if after else None
    if base is not None and _COMPARISON_CLOSED.search(text, base.end(), after[0].start) is None:
        # "120 staff, up from 90 in 2022": 2022 is the earlier level's, not the 120's (not when a
        # comma closes the comparison first: "3.38 million, up 46 percent from a year earlier, at
        # the end of 2023")
        return None
    return after[0] if after else None


def _modality(cues: tuple[bool, bool], time: TimeExpression | None) -> str:
    """The modality `cues` (estimate cue, target cue: see `_cues`) and the governing time give."""
    has_estimate, has_target = cues
    if has_estimate:
        return "estimate"
    if has_target or (time is not None and time.role in ("deadline", "future")):
        return "target"
    return "achieved"


def _several_clauses(text: str, numbers: Sequence[NumberMatch]) -> bool:
    """Whether a clause mark (, ; :) lies between two of the figures."""
    return any(_CLAUSE_MARK.search(text, a.end, b.start) for a, b in zip(numbers, numbers[1:]))


_PAST_TENSE = re.compile(r"\b(?:had|has|was|were|did|built|rose|grew|stood|hit|topped|numbered"
                         r"|(?!(?:expected|projected|estimated|forecasted|predicted|planned|scheduled|targeted|intended"
                         r"|proposed|anticipated|needed|required|called|aimed|hoped|designed|slated|committed|pledged"
                         r"|promised|vowed|wanted|tasked|asked|urged|allowed)\b)[a-z]{2,}ed)\b", re.IGNORECASE)
"""A verb of a statement of fact in a figure's own clause ("China had built 3.38 million 5G
base stations, and it will keep expanding"): not the participles of plans and forecasts."""


_NOT_YET = re.compile(r"\b(?:will|would|shall|should|must|to\s+be|due|expect(?:s|ed|ing)?|aim(?:s|ed|ing)?|plan(?:s|ned|ning)?"
                      r"|set\s+to|going\s+to|scheduled|targets?|targeted|goals?|pledg(?:e|es|ed)|vow(?:s|ed)?|ask(?:s|ed)?"
                      r"|order(?:s|ed)?|requir(?:e|es|ed)|needs?|agree(?:s|d)?|call(?:s|ed|ing)?\s+for|promis(?:e|es|ed)"
                      r"|intend(?:s|ed)?|hop(?:e|es|ed)|forecast|projected|estimated?|likely"
                      r"|to\s+(?:build|have|reach|top|exceed|complete|add|open|deploy|install|achieve|hit|cultivate|connect))\b",
                      re.IGNORECASE)


def _by_recent(e: TimeExpression) -> bool:
    """Whether `e` is "by the end of December" or "by end-June" (a period without a year after
    "by"): a deadline as often as a time something was done (see _done_by)."""
    return e.role == "recent" and e.text[:2].lower() == "by"


def _done_by(text: str) -> bool:
    """Whether "by the end of December" (no year) in `text` is when something was done (the
    latest December), not a deadline ("will be completed by the end of December", "are due to
    be built by end-June"): the sentence has a verb in the past tense and nothing of the future."""
    return _PAST_TENSE.search(text) is not None and _NOT_YET.search(text) is None


def _stated_as_fact(clause: str, rules: Ruleset) -> bool:
    """Whether a clause with no cue of its own states its figure as a fact: it holds an
    achieved cue or a verb in the past tense (_PAST_TENSE)."""
    return bool(_cue_patterns(rules)[2].search(clause) or _PAST_TENSE.search(clause))


def _clause_modality(text: str, bounds: tuple[int, int], time: TimeExpression | None,
                     pub: TimeWindow, rules: Ruleset) -> str | None:
    """What a figure's own clause (`bounds` in `text`) says of its modality: that of its cues,
    else "achieved" when it holds an achieved cue ("though official data show 1,500", "has met
    its target of 100"), a verb in the past tense ("By the end of 2023, China had 3.38
    million 5G base stations, well above the 3 million the plan called for") or the time
    dating it lies in it and is not later than the publication ("and 120 had been completed
    by June 2021"); None when it says nothing."""
    clause = text[bounds[0]:bounds[1]]
    cues = _cues(clause, rules)
    if any(cues):
        return _modality(cues, None)
    if _stated_as_fact(clause, rules):
        return "achieved"
    if time is not None and bounds[0] <= time.start and time.end <= bounds[1] \
            and time.role not in ("deadline", "future") and time.window.end is not None \
            and pub.end is not None and time.window.end <= pub.end:
        return "achieved"
    return None


_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_BETWEEN = re.compile(r"[^,;:.()]{0,40}?\bto\s+$", re.IGNORECASE)
_VERB_BETWEEN = re.compile(r"\b(?:rose|risen|grew|grown|increased|climbed|jumped|surged|soared|expanded|reached|"
                           r"hit|totalled|totaled|amounted|fell|fallen|dropped|declined|decreased|came)\b",
                           re.IGNORECASE)
"""A verb between "from X" and "to Y" makes "from X" a source, not a first level: "revenue from
50 platforms rose to 2 billion" (the 2 billion counts no platforms)."""


def _from_to(text: str, mentions: list[Mention], starts: list[int], pub: TimeWindow) -> list[Mention]:
    """"from X ... to Y" (no clause mark between): one statement of two levels, "rose from 50
    platforms in 2019 to more than 150 platforms in 2021". Y's clause starts where X's does
    (`starts`: each mention's clause start), so a definition cue or subject before X
    ("platforms with influence rose from ...") is in it, and a figure with no unit noun takes
    the other's ("grew from 10 to 15 platforms")."""
    out = list(mentions)
    for i in range(1, len(out)):
        x, y = out[i - 1], out[i]
        if not (_FROM_BEFORE.search(text, max(0, x.start - 8), x.start)
                and _TO_BETWEEN.fullmatch(text, x.end, y.start)
                and not _VERB_BETWEEN.search(text, x.end, y.start)):
            continue
        y_end = starts[i] + len(y.clause)
        if y.time is not None and y.time.role == "range" and (x.undated_base or x.time == y.time):
            # "Between 2019 and 2023, ... rose from 0.75 trillion yuan to 1.35 trillion yuan":
            # the first level is the range's first year's, the second its last year's
            x, y = _range_ends(x, y, y.time, pub)
            out[i - 1] = x
        if y.unit is None and x.unit is not None:
            y = dataclasses.replace(y, unit=x.unit, unit_lemma=x.unit_lemma)
        out[i] = dataclasses.replace(y, clause=text[starts[i - 1]:y_end], clause_start=starts[i - 1])
        if x.unit is None and y.unit is not None:
            out[i - 1] = dataclasses.replace(x, unit=y.unit, unit_lemma=y.unit_lemma)
    return out


def _range_ends(x: Mention, y: Mention, time: TimeExpression, pub: TimeWindow) -> tuple[Mention, Mention]:
    """The two levels of "from X to Y" dated by the range of years `time` ("between 2019 and
    2023"): X in its first year, Y in its last; as they were (X undated) when the last year is
    not over by publication ("During the 14th Five-Year Plan period, ... rose from 718,000 to
    3.38 million", published in 2024: the plan runs to 2025)."""
    window = time.window
    assert window.start is not None and window.end is not None
    first = date(window.start.year, 12, 31)
    last = date(window.end.year, 1, 1)
    if first >= last or pub.end is None or window.end > pub.end:
        return x, y
    x_time = dataclasses.replace(time, window=TimeWindow(start=window.start, end=first, basis=window.basis,
                                                          note=f"the first year of {time.text}"), role="point")
    y_time = dataclasses.replace(time, window=TimeWindow(start=last, end=window.end, basis=window.basis,
                                                          note=f"the last year of {time.text}"), role="point")
    return dataclasses.replace(x, time=x_time, undated_base=False), dataclasses.replace(y, time=y_time)


def dateline_end(text: str, year: bool = True) -> int:
    """Where a wire dateline opening `text` ends (0: none; `year` False: one without its year
    counts too, see pubdate.wire_dateline)."""
    if not text[:1].isupper() or "," not in text[:80]:
        return 0  # a dateline's place ends at a comma soon after the start
    dateline = wire_dateline(text, year=year)
    return 0 if dateline is None else dateline.end()


def after_dateline(text: str, exprs: Sequence[TimeExpression]) -> Sequence[TimeExpression]:
    """The time expressions of a sentence that date its figures: not the date of a wire
    dateline opening it ("BEIJING, March 3, 2024 (Xinhua) -- China had 340 platforms at the
    end of last year": the story's date, iicheck.pubdate's publication date)."""
    end = dateline_end(text) if exprs else 0
    return exprs if end == 0 else [e for e in exprs if e.start >= end]


def extract_mentions(sentence: Sentence, pub: TimeWindow, rules: Ruleset,
                     exprs: Sequence[TimeExpression] | None = None,
                     recent: bool = True) -> list[Mention]:
    """Every figure in one sentence, with what the sentence says about it.

    `exprs` are the sentence's time expressions when the caller has them already. A period
    named without a year (role "recent": "in December") dates no figure when `recent` is
    False (an earlier sentence of the paragraph gave a time, which may be its year) or when
    the sentence holds a target or estimate cue ("will reach 100 in December": the next
    December, not the last)."""
    text = sentence.text
    if exprs is None:
        exprs = find_time_expressions(text, pub)
    numbers = find_numbers(text, tuple(rules.extraction.not_figure_before),
                           masked=[(e.start, e.end) for e in exprs])
    exprs = after_dateline(text, exprs)
    mentions: list[Mention] = []
    starts: list[int] = []  # each mention's clause start
    if not numbers:
        return mentions
    units = _unit_words(rules)
    fold = folded(text)
    cues = _cues(text, rules, fold)
    if (not recent or any(cues)) and any(e.role == "recent" for e in exprs):
        exprs = [e for e in exprs if e.role != "recent"]
    elif any(_by_recent(e) for e in exprs) and not _done_by(text):
        exprs = [e for e in exprs if not _by_recent(e)]
    denial = _denial_cues(rules)
    # only when the sentence holds a cue, look where it stands
    denials = any(d is not None and d.search(text, fold) for d in denial)
    change_cues = _change_cues(rules)
    # with figures in different clauses, a figure's own clause decides first (see the docstring);
    # a lone figure's clause, when it states a fact and a cue stands in another clause
    by_clause = any(cues) and _several_clauses(text, numbers)
    for n in numbers:
        qualifier, factor, start, end = _qualifier(text, n, rules)
        unit, unit_lemma = _unit(text, n, units)
        if unit is not None and _time_follows(text, n.end, unit, exprs):
            unit, unit_lemma = None, None  # "up from 130,000 five years ago": no 130,000 years
        c_start, c_end = clause_bounds(text, n, numbers)
        if unit is None:
            unit, unit_lemma = _unit_before(text, (start, n.start), c_start, units)
        governing = _governing_time(text, exprs, n, c_end)
        if governing is not None and _by_recent(governing) and not c_start <= governing.start < c_end \
                and not (governing.end <= n.start and not any(governing.end <= m.start < n.start for m in numbers)):
            governing = None  # "by the end of October" dates what its clause (or the one after it) says was done
        time = _base_time(text, exprs, n, start, c_end, governing)
        undated = time is governing and _undated_base(text, n, start, numbers, (c_start, c_end), time)
        # "compared with 342 a year earlier" in a sentence no time dates: a year before the time
        # it inherits from its paragraph or publication (see claims)
        earlier = undated and time is None and may_hold(text, "year") and \
            _YEAR_EARLIER.match(text, n.end, c_end) is not None
        if by_clause:
            modality = _clause_modality(text, (c_start, c_end), time, pub, rules)
        elif any(cues) and len(numbers) == 1 and not any(_cues(text[c_start:c_end], rules)) \
                and _stated_as_fact(text[c_start:c_end], rules):
            modality = "achieved"  # "China had built 3.38 million ..., and it will keep expanding"
        else:
            modality = None
        modality = modality or _modality(cues, time)
        if time is not None and time.role == "source" and modality == "target":
            time = None  # "according to a 2021 report, 100 will be built": due after publication
        clause = text[c_start:c_end]
        denied = denials and _denied(text, n, c_start, denial)
        change = _change(text, start, n, change_cues) or (
            "rise" if _addition(text, n, start, (c_start, c_end), len(numbers) == 1, time) else None)
        mentions.append(Mention(sentence, n, start, end, qualifier, unit, unit_lemma, clause,
                                None if undated else time, modality, factor, bool(denied), change,
                                undated and not earlier, earlier, c_start))
        starts.append(c_start)
    if len(mentions) > 1:
        mentions = _bases_of_changes(text, _levels_after_changes(text, mentions, starts, units))
        if "from" in lowered(text):
            return _from_to(text, mentions, starts, pub)
    return mentions


_TO_LEVEL = re.compile(r"\s+to\s+$", re.IGNORECASE)
_BASE_AFTER_LEVEL = re.compile(rf"[^,;:.]{{0,40}}{_UP_FROM}\s+", re.IGNORECASE)
"""Between a level and the earlier level it is compared with: "3.38 million 5G base stations,
up from 130,000": the same count."""
_TO_TOTAL = re.compile(r",?\s+(?:bringing|taking|raising|lifting|pushing|for)\s+(?:the|its|their|a)\s+"
                       r"(?:total|tally|count|overall\s+number|total\s+number)\s+(?:to|of)\s+$", re.IGNORECASE)


_DOWN_FROM = re.compile(r",\s+down\s+from\s+$", re.IGNORECASE)
_LEVEL_AFTER = re.compile(r"\s+(?:[\w-]+\s+){0,4}?(?:in\s+total|at\s+the\s+end|as\s+of|by\s+the\s+end|to\s)\b|\s+total\b",
                          re.IGNORECASE)
"""After a base: it is a level ("up from 2.31 million in total at the end of 2022", "up from
2.31 million ... to 3.38 million")."""


_PART_OF_CHANGE = re.compile(r"[^,;:.]{0,80}?,\s+(?:of\s+which|including)\s+(?:about\s+|some\s+|nearly\s+|more\s+than\s+)?",
                             re.IGNORECASE)
"""Between a change and a figure: the figure is part of the change ("A total of 874,000 5G base
stations were added during the year, of which 164,000 were completed in the fourth quarter")."""


def _bases_of_changes(text: str, mentions: list[Mention]) -> list[Mention]:
    """The base of a change is a change of the same kind when the comparison says so: "China
    added 874,000 5G base stations last year, down from 1.065 million the year before" (what
    was added the year before, not a total). The base follows the change after ", down from"
    in its clause (see _BASE_AFTER_LEVEL), names no other unit, is larger than the change (a
    fall from it) and is no level (nothing like "in total", "at the end of", "... to N" after
    it). After ", up from" the base is a level as often as not ("increased by 16 million sets
    in 2023, up from 80 million sets at the end of 2022"), so it is left as it is."""
    out = list(mentions)
    for i in range(1, len(out)):
        base, change = out[i], out[i - 1]
        if change.change is not None and base.change is None and _PART_OF_CHANGE.fullmatch(text, change.end, base.start):
            out[i] = dataclasses.replace(base, change=change.change)  # "874,000 were added ..., of which 164,000"
            continue
        if change.change != "rise" or base.change is not None or base.unit != change.unit:
            continue
        gap = text[change.end:base.start]
        if (_BASE_AFTER_LEVEL.fullmatch(gap) and _DOWN_FROM.search(gap) and ";" not in gap
                and base.number.value > change.number.value and not _LEVEL_AFTER.match(text, base.end)):
            out[i] = dataclasses.replace(base, change=change.change)
    return out


def _levels_after_changes(text: str, mentions: list[Mention], starts: list[int],
                          units: frozenset[str]) -> list[Mention]:
    """The unit of a level that follows a change and names none: "the number of 5G base
    stations rose 46% to 3.38 million" (the subject of the change's verb: stations), "added
    1.06 million 5G base stations, bringing the total to 3.38 million" and "built 600,000 5G
    base stations, for a total of 3.38 million" (the figure before's own unit, a count); and
    the earlier level after "up from" or "down from" ("3.38 million 5G base stations, up from
    130,000": stations).
    Nothing else: "rose 5% to 300 yuan" has its unit, "cut 20 jobs to 300" is no level of a
    count the change names."""
    out = list(mentions)
    for i in range(1, len(out)):
        level, change = out[i], out[i - 1]
        if level.unit is not None:
            continue
        gap = text[change.end:level.start]
        if _TO_LEVEL.fullmatch(gap) and change.unit == "%" and change.change is not None:
            # read the subject as for "rose to": the text before the change, and "to"
            before = text[:change.start] + "to "
            unit, unit_lemma = _unit_before(before, (len(before), len(before)), starts[i - 1], units)
        elif (_TO_TOTAL.search(gap) or _BASE_AFTER_LEVEL.fullmatch(gap)) and change.unit not in (None, "%") \
                and ";" not in gap:
            unit, unit_lemma = change.unit, change.unit_lemma
        else:
            continue
        if unit is not None:
            out[i] = dataclasses.replace(level, unit=unit, unit_lemma=unit_lemma)
    return out
