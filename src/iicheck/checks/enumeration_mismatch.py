"""enumeration_mismatch — a stated count that disagrees with the items listed.

Flags: a sentence that announces N things and lists a different number of them, a sign of a
translation or editing slip ("five" nodes named as four directions), so the figure N itself
is doubtful.
Three shapes are read, and only when the reading is unambiguous:
- closed list after a colon or "namely": "in four aspects: A, B, C and D". The list runs to
  the next colon or the end of the sentence, or to a piece that opens a clause of its own
  (", while ...", ", which ..."), split at semicolons if it has any, else at commas (not a
  comma inside a number, "£20,000"); a piece starting with "and"/"or" closes it, a piece containing "and"/"or" may close
  it (split there) or be one item ("integrated and innovative applications"). Every reading
  gives a possible count, and when every item states a count of its own, their sum too
  ("three bedrooms: two doubles and a single"); the check fires only when the stated count
  is none of them, nor another count stated earlier in the sentence (the list may name that
  one: "Four sides remain in contention for the two promotion places: A, B, C and D"), the
  list has a closing "and"/"or" (two items "A and B" alone are a list after a count in words,
  not after one in digits: "iPhone 11 Pro and 11 Pro Max: ..."), and each item has at most 10 words (the
  two items an "and" inside a piece joins count apart)
  (20 when every item opens with the same "a", "an" or "to": "to reach ..., to make ... and
  to secure ...").
- partial list after "including" or "such as": the list may leave items out, so it fires
  only when even the shortest reading lists more items than stated.
- quoted list before the count: "East, West, North and South" five nodes — items of at
  most 3 words, closed by "and"/"or"; fires when the item count differs from the count.
Counts are the words two to twenty or the digits 2-20 directly before a noun phrase of at most
6 words, not after "more than", "up to" and the like, nor digits after "over" or "about" (a
bound or an estimate) (the nearest count to the list wins: "20 measures in the following six areas:" is
read as six; but in "three of the four regions: ..." the list names the three).
Fires when: ``construction of "East, West, North and South" five logo analysis public service
nodes`` (4 named, five stated).
Does not fire when: the count agrees ("four aspects: development awareness, development
security, development speed and development mode"); the list ends in "etc.", "and so on" or
"and other ..."; an "including" list is shorter than the count; the list is open (no
closing "and"/"or"); the items are long clauses.
Options: none.
Example: "The plan has three parts: funding, training, standards and security." -> 4 vs three.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..findings import fingerprint, sentence_evidence
from ..models import Finding, Sentence, Severity
from ..ruleset import Ruleset
from .corpus import Corpus, SourceDoc, each_source

KIND = "enumeration_mismatch"
DEFAULT_SEVERITY: Severity = "warning"
MAX_ITEM_WORDS = 10
MAX_PARALLEL_ITEM_WORDS = 20
"""Items of a parallel list (each opens with the same "a", "an" or "to": "to reach ..., to
make ... and to secure ...") may be this long: the repeated opener marks each as an item, not
a clause ("the" is left out: it opens clauses and appositions as often, "the old gasworks on
the river, the largest in the city, and the depot")."""
_PARALLEL_OPENERS = frozenset({"a", "an", "to"})

NUMBER_WORDS = {w: i for i, w in enumerate(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split(), start=2)}
_NUM = r"(?:" + "|".join(NUMBER_WORDS) + r"|1[0-9]|20|[2-9])"
_WORD = rf"(?!{_NUM}\b)[^\W\d][\w'’-]*"
_CASE_EXTRA = {"i": "İı", "k": "\u212a", "s": "ſ"}
"""The characters other than its two cases that re.IGNORECASE equates with an ASCII letter."""


def _count_first() -> str:
    """``(?<![\\w.,:-])_NUM`` (not inside a word, a decimal, a grouping, a range or a time of
    day: "09:30 – 10:15 Opening keynote: ..." states no 15), written so that re can skip ahead
    to the characters a count can start with instead of trying every position: the first
    character from a case-sensitive set, the look-behind checked after it, then the rest of the
    count chosen by that character (the alternatives of _NUM in the same order, so the same
    matches)."""
    rests: dict[str, list[str]] = {}
    for word in NUMBER_WORDS:
        rests.setdefault(word[0], []).append(word[1:])
    firsts = "".join(c + c.upper() + _CASE_EXTRA.get(c, "") for c in rests)
    words = "|".join(f"(?<={c})(?:{'|'.join(r)})" for c, r in rests.items())
    return rf"(?-i:[{firsts}1-9])(?<![\w.,:-].)(?:{words}|(?<=1)[0-9]|(?<=2)0?|(?<=[3-9]))"


_INTRO = re.compile(
    rf"(?P<num>{_count_first()})\s+(?P<noun>(?:{_WORD}\s+){{0,5}}{_WORD})\s*"
    r"(?P<intro>:|,?\s+namely\b\s*:?|,?\s+(?:including|such as)\b\s*:?)", re.IGNORECASE)
_QUOTED = re.compile(rf"[\"“](?P<list>[^\"“”]{{3,120}})[\"”]\s+(?P<num>{_NUM})\s+[^\W\d]", re.IGNORECASE)
_COUNT = re.compile(rf"(?P<num>{_count_first()})\s", re.IGNORECASE)
"""A count as _INTRO reads one (the characters around it alike), with the space after it."""
_AFTER_QUOTE = re.compile(rf"[\"”]\s+{_NUM}\s+[^\W\d]", re.IGNORECASE)
"""The part of a _QUOTED match from its closing quote on."""
_INTRO_WORDS = (":", "namely", "including", "such as")
"""What an _INTRO match's intro starts with (besides the comma and spaces before a word)."""
_INTRO_RUNS = 8
"""At most this many runs of non-space characters lie between the start of an _INTRO match
and its intro word or colon: the count, up to 6 words, and a comma standing alone."""
_OPEN_END = re.compile(r"(?:\betc\b\.?|\band so on|\band other\b.*|\.\.\.|…)\s*$", re.IGNORECASE)
_CONJ_START = re.compile(r"^(?:and|or)\s", re.IGNORECASE)
_CONJ_INSIDE = re.compile(r"\s(?:and|or)\s", re.IGNORECASE)
_COMMA = re.compile(r"(?<!\d),|,(?!\d)")
"""A comma that separates items: not one between two digits ("grants of up to £20,000")."""
_CLAUSE_START = re.compile(r"^(?:while|whereas|but|although|though|which|where|when|with|as)\s+(?!(?:and|or)\b)\S+\s+\S",
                           re.IGNORECASE)
"""A piece that opens a clause of its own (a clause word and at least two more words) ends the
list before it ("the Northeast, the Midwest and the West, while the South was unchanged"); a
"when" alone or before "and" is an item ("who, what, when and where")."""
_APPROXIMATE = re.compile(r"(?<![\w-])(?:more than|fewer than|less than|at least|at most|up to|nearly|almost|"
                         r"approximately|roughly|aged)\s+$", re.IGNORECASE)
"""Right before a count: it is a bound or an estimate ("more than five areas: A, B and C",
"aged 12: ..."), not the number of items listed."""
_APPROXIMATE_DIGITS = re.compile(r"(?<![\w-])(?:over|under|above|below|about|around)\s+$", re.IGNORECASE)
"""The same before a count in digits ("children over 12 years: ..."); before a number word
these are as often prepositions ("runs over four days: ...", "built around four pillars")."""
_PART_OF = re.compile(rf"(?<![\w.,-])(?P<num>{_NUM})\s+of\s+(?:the\s+|its\s+|their\s+|these\s+|those\s+)?$",
                      re.IGNORECASE)
"""Before a count: another count and "of (the)", as in "three of the four regions: ...": the
list then names the first count's items (unless that number is a label, see _labels)."""


@lru_cache(maxsize=8)
def _labels(rules: Ruleset) -> re.Pattern[str] | None:
    """One of the rules' ``not_figure_before`` words (rules/extraction.yaml: after them a number
    is a name, "Article 2", "No. 5"), at the end of a text: "Joint Notice No. 5 of the three
    ministries: ..." states no count of 5."""
    words = rules.extraction.not_figure_before
    return re.compile(rf"(?:^|\s)(?:{'|'.join(map(re.escape, words))})\s*$") if words else None


def _intro_may_match(text: str) -> bool:
    """Whether _INTRO may match in a sentence that _maybe_lists lets it be read for: whether a
    count (_COUNT) stands within _INTRO_RUNS runs of non-space characters before one of the
    _INTRO_WORDS, a few short searches instead of the pattern's scan of the whole sentence.
    Exact: a match's intro word or colon starts where the case-folded text has it (str.casefold
    maps every character that re.IGNORECASE equates with one of their letters to that letter,
    as one character, except "ı", which is not folded, and "İ", which becomes two characters:
    with either, or any other character folded to several, the offsets differ and the answer
    is yes); the match starts with its count, among the last _INTRO_RUNS runs before that
    place, in the part of the text after the head str.rsplit leaves (it splits where ``\\s``
    matches); and a search for _COUNT from a later start sees the characters before it."""
    folded = text.casefold()
    if len(folded) != len(text) or "ı" in text:
        return True
    for word in _INTRO_WORDS:
        at = folded.find(word)
        while at >= 0:
            runs = text[:at].rsplit(None, _INTRO_RUNS)
            if _COUNT.search(text, len(runs[0]) if len(runs) > _INTRO_RUNS else 0, at):
                return True
            at = folded.find(word, at + 1)
    return False


def _quoted_may_match(text: str) -> bool:
    """Whether _QUOTED may match in a sentence with an opening quote: only if _AFTER_QUOTE,
    the end of a _QUOTED match, does (the same pattern pieces under the same flags), and a
    closing quote with a count after it is far rarer than an opening quote."""
    return _AFTER_QUOTE.search(text) is not None


def _maybe_lists(text: str) -> tuple[bool, bool]:
    """Whether to read the sentence for a list after a count (_INTRO) and for a quoted list
    (_QUOTED), by plain substring tests, much cheaper than the patterns. Neither unless it has
    ':', a quote, or 'namely', 'including' or 'such' in the case-folded text. Then _QUOTED
    needs an opening quote, and _INTRO ':', 'namely', 'including' or 'such as', which the
    case-folded text has wherever the pattern finds them (it ignores case), unless an 'ı' or
    'İ' stands for an 'i' there (the pattern equates them with 'i', str.casefold does not): a
    sentence with one of those is read for _INTRO whenever it is read at all."""
    quoted = '"' in text or "\u201c" in text
    if ":" in text:
        return True, quoted
    folded = text.casefold()
    if not (quoted or "namely" in folded or "including" in folded or "such" in folded):
        return False, False
    introduced = ("namely" in folded or "including" in folded or "such as" in folded
                  or "ı" in text or "İ" in text)
    return introduced, quoted


def _value(token: str) -> int:
    """2..20 from a digit string or a number word in any case the patterns accept (they equate
    "ı" and "İ" with "i", "ſ" with "s", which str.lower does not)."""
    if token.isdigit():
        return int(token)
    value = NUMBER_WORDS.get(token.lower())
    if value is None:
        value = next(v for w, v in NUMBER_WORDS.items() if re.fullmatch(w, token, re.IGNORECASE))
    return value


_ITEM_COUNT = re.compile(rf"(?:(?P<num>{_NUM})|a|an|one)\s+\S", re.IGNORECASE)
"""An item that states how many things it is: "two doubles", "a single", "one in the north"."""


def _readings(pieces: list[str]) -> tuple[set[int], bool, int]:
    """Possible item counts of a comma/semicolon list, whether a conjunction closes it, and
    the number of pieces the longest reading runs over.

    Each reading of where the list ends gives its number of items, and also, when every item
    opens with a count of its own, their sum: "three bedrooms: two doubles and a single" lists
    three. One pass: the counts of the pieces before a reading's end are summed as it goes."""
    counts: set[int] = set()
    closed = False
    widest = 0
    total: int | None = 0  # the stated counts of the pieces so far; None once one has none

    def stated(item: str) -> int | None:
        m = _ITEM_COUNT.match(item.strip())
        return None if m is None else _value(m["num"]) if m["num"] else 1

    def add(last: list[str], n_items: int) -> None:
        nonlocal widest
        counts.add(n_items)
        widest = max(widest, n_items)
        own = [stated(item) for item in last]
        if total is not None and None not in own:
            counts.add(total + sum(own))  # type: ignore[arg-type]

    for i, piece in enumerate(pieces):
        if _CONJ_START.match(piece):
            add([_CONJ_START.sub("", piece)], i + 1)
            closed = True
        elif _CONJ_INSIDE.search(piece):
            add(_CONJ_INSIDE.split(piece, maxsplit=1), i + 2)
            closed = True
        elif i == len(pieces) - 1:
            add([piece], len(pieces))
        if total is not None:
            own = stated(piece)
            total = None if own is None else total + own
    return counts, closed, widest


def _parallel(pieces: list[str]) -> bool:
    """Whether every piece (after a closing "and"/"or") opens with the same word of
    _PARALLEL_OPENERS, and so does the part after an "and"/"or" inside the last one: "to
    reach ..., to make ... and to secure ...", "a 1.0-litre mild hybrid, a 1.5-litre full
    hybrid and a 1.6-litre plug-in hybrid"."""
    parts = [_CONJ_START.sub("", piece) for piece in pieces]
    if not _CONJ_START.match(pieces[-1]):
        parts += _CONJ_INSIDE.split(pieces[-1], maxsplit=1)[1:]  # "..., a 1.5-litre and a 1.6-litre"
    openers = {part.split(None, 1)[0].lower() if part.split() else "" for part in parts}
    return len(openers) == 1 and openers <= _PARALLEL_OPENERS


def _introduced(sentence: Sentence, labels: re.Pattern[str] | None) -> Iterator[tuple[int, int, int, str]]:
    """(stated, start, end, listed) for lists after a count and ':' / namely / including;
    `labels`: what makes a number before "of (the)" a name (see _labels)."""
    text = sentence.text
    for m in _INTRO.finditer(text):
        rest = text[m.end():]
        stop = rest.find(":")
        body = (rest if stop < 0 else rest[:stop]).strip().rstrip(".;").strip()
        if not body or _OPEN_END.search(body):
            continue
        pieces = [p.strip() for p in (body.split(";") if ";" in body else _COMMA.split(body)) if p.strip()]
        end = next((i for i, p in enumerate(pieces) if i and _CLAUSE_START.match(p)), len(pieces))
        pieces = pieces[:end]
        if not pieces or (len(pieces) == 1 and (m.group("num").isdigit() or not _CONJ_INSIDE.search(pieces[0]))):
            continue  # one item, or none: no list; "A and B" is two after a count in words (a digit
            # before a capitalised word is as often a model's name: "iPhone 11 Pro and 11 Pro Max: ...")
        counts, closed, widest = _readings(pieces)
        part_of = _PART_OF.search(text, max(0, m.start() - 40), m.start())
        if part_of is not None and ((labels is not None and labels.search(text, 0, part_of.start()))
                                    or _value(part_of.group("num")) >= _value(m.group("num"))):
            part_of = None  # "Notice No. 5 of the three ministries", "Article 2 of ...": no count
        if part_of is None and (_APPROXIMATE.search(text, max(0, m.start() - 24), m.start()) or (
                m.group("num").isdigit() and _APPROXIMATE_DIGITS.search(text, max(0, m.start() - 12), m.start()))):
            continue  # "more than five areas: ...", "over 12 years: ...": no exact count
        stated = _value((part_of or m).group("num"))
        if part_of is None and any(_value(c["num"]) in counts for c in _COUNT.finditer(text, 0, m.start())):
            continue  # "Four sides remain in contention for the two promotion places: A, B, C and D"
        partial = m.group("intro").strip(" ,:").lower() in ("including", "such as")
        if partial:
            fires = bool(counts) and min(counts) > stated
        else:
            # an item's length: the two items an "and" inside a piece joins count apart
            longest = max(len(part.split()) for p in pieces[:widest] for part in _CONJ_INSIDE.split(p, maxsplit=1))
            limit = MAX_PARALLEL_ITEM_WORDS if _parallel(pieces[:widest]) else MAX_ITEM_WORDS
            fires = closed and stated not in counts and longest <= limit
        if fires:
            segment = (rest if stop < 0 else rest[:stop]).rstrip().rstrip(".;").rstrip()
            readings = " or ".join(str(c) for c in sorted(counts))
            yield stated, m.start(), m.end() + len(segment), f"{readings} items ({'; '.join(pieces)})"


def _quoted(sentence: Sentence) -> Iterator[tuple[int, int, int, str]]:
    for m in _QUOTED.finditer(sentence.text):
        pieces = [p.strip() for p in m.group("list").split(",") if p.strip()]
        last = pieces[-1] if pieces else ""
        split = re.split(r"\s(?:and|or)\s", last, flags=re.IGNORECASE)
        if len(split) != 2:
            continue  # not closed by exactly one "and"/"or"
        items = pieces[:-1] + [s.strip() for s in split]
        if any(not i or len(i.split()) > 3 for i in items):
            continue
        stated = _value(m.group("num"))
        if len(items) != stated:
            yield stated, m.start(), m.end("num"), f"{len(items)} items ({'; '.join(items)})"


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_source(check_source, corpus, rules)


def check_source(doc: SourceDoc, rules: Ruleset) -> Iterator[Finding]:
    source = doc.id
    for sentence in doc.sentences:
        if sentence.kind != "body":
            continue
        introduced, quoted = _maybe_lists(sentence.text)
        introduced = introduced and _intro_may_match(sentence.text)
        quoted = quoted and _quoted_may_match(sentence.text)
        found = [*(_introduced(sentence, _labels(rules)) if introduced else ()), *(_quoted(sentence) if quoted else ())]
        for stated, start, end, listed in found:
            yield Finding(
                kind=KIND, severity=DEFAULT_SEVERITY,
                message=(f"Source {source} states a count of {stated} but lists {listed}. One of "
                         f"the two is wrong (a translation or editing slip); check the count "
                         f"before quoting it."),
                evidence=(sentence_evidence(sentence, start, end),),
                fingerprint=fingerprint(KIND, None, None, [source], [sentence.text],
                                        extra=f"stated:{stated}"),
                details={"stated": stated, "listed": listed},
            )
