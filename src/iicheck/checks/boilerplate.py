"""boilerplate — page furniture scraped along with the article: navigation, bylines, footers.

Flags: lines that belong to the web page, not to the text: navigation ("Nav Search",
"• Detail"), bylines and source lines ("By Qiu Ping Source: en.qstheory.cn Updated:
2025-06-09"), editor lines ("Editor: Li Xiaoqiong"), copyright footers ("Copyright © 2011
JIN SHI"), and site section labels in the page header. Figures inside a flagged line are left
out of the consistency checks (unless ``exclude_claims_in`` leaves boilerplate out).
Two kinds of rule:
- the patterns in ``boilerplate`` of rules/quality.yaml (RE2), matched in every sentence
  and heading, the first that matches a line naming it; the match is highlighted. The
  repository's rules ship patterns for menus and breadcrumbs ("Home > News > Industry",
  "Home | About | Contact"), link and pager lines ("Read more", "Back to top", "Share this
  story", "Page 2 of 5"), rows of social links, bylines ("By Jane Doe | March 3, 2024", "By
  Sarah Kim, Staff Writer", "Posted by ... on ...", "Staff Reporter, Beijing"), source and
  editor lines, "Label: ..." lines (tags, photo credits, previous/next links, press
  contacts), press-release tags ("FOR IMMEDIATE RELEASE", "SOURCE ..."), cookie banners,
  newsletter boxes, page-feedback prompts, advertising labels, headers of related-link lists
  ("Related articles", "Most read", "Read next"), reading times and relative time stamps ("4
  minute read", "Updated 2 hours ago"), comment boxes ("Leave a Reply"), page tools ("Font
  size: A A A"), forum post headers, app prompts, company, charity and ICP registration
  footers, and copyright, rights and reproduction notices; each is
  anchored to the start of its line, so a sentence that quotes a copyright notice or begins
  "Home sales rose ..." is not furniture (tests/test_page_furniture.py holds both kinds);
- five built-in structural rules. ``masthead``: the site's name as the page's first line
  that no pattern flags (at most 8 words, no sentence punctuation, no four digits in a row)
  when a menu follows it, perhaps after a tagline of at most 10 words without digits (flagged
  with it) (a line a ``navigation: true`` pattern flags, a row of menu items
  between bars, or three one-to-three-word lines) and a headline of three words or more comes
  after the menu, before the text: "Halvard Energy" above "About us | Our business |
  Investors"; never a line sharing a word with the source's recorded title, nor a page's
  first heading with no headline after it (an article that opens with its headline and a
  share row). ``repeated_line``: a short heading line (at most 8 words, a
  word of four letters or more) that a page repeats three times or more: a PDF's running
  header, "Add to basket", "Reply". ``page_number``: a line that is only a number ("8", "– 2 –",
  "Page 12") when the page's previous or next such line carries the next number or the one
  after: the running page numbers of a PDF turned into text. ``page_tail``: on a page with at least three lines of
  prose, the lines after the last one: headings ("Read Next", related-article headlines,
  "Twitter", "Ends") and sentences that do not end as one and hold no figure ("Reporting by
  ...; Editing by ..."), but not the list items a line ending in a colon introduces ("The
  plan names four tasks:"). A sentence that ends as one ("The trial continues.",
  "Attendance: 3,412.") or holds a figure is the article's own, so page_tail never hides a
  figure from the comparisons (a heading's figures are never claims). On the scraped-page
  benchmark it found 8, 31 and 33 more furniture lines on three sets and 77 more on a fourth
  written blind, for one more false line in all (benchmarks/pagequality/README.md). ``section_label``: in the page header (the headings before
  the first body sentence that no ``navigation: true`` pattern flags), a short heading (at most 6 words, no sentence punctuation, no
  digits) that is not the title and shares no word of four letters or more with the title
  or with any other header heading, e.g. "China Construction machinery information" above an
  article titled "Accelerate the development of industrial Internet". The title is
  ``SourceInfo.title``, else the page's headline: the heading right after a breadcrumb line
  (past one that repeats a breadcrumb item other than the last, a section's name),
  else the first heading with a word if the body uses one of its words, else the heading whose
  words the body uses most (a page opens with its site's name as often as with its headline,
  and the site's name is then the label).
One finding per distinct line per rule per source, with every occurrence as evidence.
Fires when: a heading "Editor: Li Xiaoqiong"; a footer "Copyright © 2011 JIN SHI"; a header
line "Nav Search"; "Share this:" and "Facebook" after the article's last paragraph.
Does not fire when: a dateline the pipeline reads as the publication date ("date
2021-02-23", "Updated: March 21, 2024") — that is metadata, not noise (a byline carrying the
date, "By Jane Doe | March 3, 2024", is flagged and still dates the page); the title and sub-titles (they share words with
the title); a repeated headline (that is ``duplicate_text``); an article's own short closing
sentence after its last paragraph ("The trial continues.").
Options: ``boilerplate: [{id, pattern, description, navigation}]`` in rules/quality.yaml
(``navigation: true`` for menus, breadcrumbs, link and social rows: such a line does not end
the page header, and a row of a table of figures it matches is left alone);
``exclude_claims_in`` there (default ``[off_topic, boilerplate]``): without ``boilerplate``, the
figures in flagged lines are compared like any other, and the message says so.
Example: ``{id: editor_line, pattern: "(?i)^\\s*editors?\\s*[:：].{1,60}$", description: editor credit line}``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache

from ..findings import fingerprint, quoted, sentence_evidence
from ..models import Evidence, Finding, Sentence, SourceInfo, Severity
from ..numbers import find_numbers
from ..quality.exclusion import figures_note
from ..ruleset import Ruleset
from ..ruleset.patterns import UserPattern, compile_user_pattern
from .corpus import Corpus, SourceDoc, each_source

KIND = "boilerplate"
DEFAULT_SEVERITY: Severity = "info"
SECTION_LABEL = "section_label"
MASTHEAD = "masthead"
PAGE_TAIL = "page_tail"
PAGE_NUMBER = "page_number"
REPEATED_LINE = "repeated_line"
REPEATS_MIN = 3
"""``repeated_line``: a short heading line this many times in a page is its furniture."""
REPEATED_MAX_WORDS = 8

_WORD = re.compile(r"[^\W\d_]{4,}")
_WHOLE_TEXT_ANCHOR = re.compile(r"\\[Az]|\(\?[A-Za-z-]*m")
"""In a pattern's source: \\A, \\z, or a flag group that sets or clears the m flag."""
_BREADCRUMB = re.compile(r"\S\s*(?:>|»|›|&gt;)\s*\S")
_BREADCRUMB_SPLIT = re.compile(r"\s*(?:>|»|›|&gt;)\s*")
_SENTENCE_PUNCT = re.compile(r"[.!?:;,“”\"]|\d")


def _norm(text: str) -> str:
    """A line as the rules compare lines: lower case, runs of white space as one space."""
    return " ".join(text.lower().split())


@lru_cache(maxsize=8)
def _navigation(rules: Ruleset) -> frozenset[str]:
    """The ids of the boilerplate patterns marked ``navigation: true`` in rules/quality.yaml."""
    return frozenset(rule.id for rule in rules.quality.boilerplate if rule.navigation)


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _section_labels(sentences: Sequence[Sentence], info: SourceInfo | None,
                    flagged: Mapping[int, bool]) -> list[Sentence]:
    header: list[Sentence] = []
    for s in sentences:
        if s.kind == "body":
            if flagged.get(s.index):
                continue  # a long menu line (a navigation pattern's) is not the start of the text
            break
        header.append(s)
    candidates = [s for s in header if s.index not in flagged]
    if not candidates:
        return []
    short = [len(s.text.split()) <= 6 and not _SENTENCE_PUNCT.search(s.text) and bool(s.text.split())
             for s in candidates]
    if not any(short):
        return []
    words_of = [_words(c.text) for c in candidates]
    title_words = (_words(info.title) if info is not None and info.title
                   else words_of[_headline(candidates, words_of, sentences)])
    out = []
    for k, s in enumerate(candidates):
        if not short[k]:
            continue
        own = words_of[k]
        others = set().union(*(w for j, w in enumerate(words_of) if j != k))
        if own and not own & title_words and not own & others:
            out.append(s)
    return out


MASTHEAD_MAX_WORDS = 8
MENU_ITEMS_MIN = 3
"""A menu laid out one item to a line has at least this many ("By Jane Doe" and "Reuters" under
a headline are no menu)."""
_BYLINE_START = re.compile(r"(?i)by\s")
TAGLINE_MAX_WORDS = 10
MENU_ITEM_MAX_WORDS = 3
_MASTHEAD_STOP = re.compile(r"[!?:;]|[^\W\d_]{4}\.\s*$|\d{4}")
"""Not a masthead: a line with sentence punctuation, ending in a word and a full stop (a
company's "Co., Ltd." and "Stayfinder.com" are names) or with four digits in a row (a
dateline, "date 2022-04-13", is the page's date)."""
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#[0-9]{1,7});")
_ROW_SPLIT = re.compile(r"\s*\|\s*|\s{2,}")
MENU_ROW_ITEMS = 3


def _menu_row(text: str) -> bool:
    """A row of at least MENU_ROW_ITEMS menu items between bars or wide gaps, each of at most
    MENU_ITEM_MAX_WORDS + 1 words without sentence punctuation ("Home | Find a library |
    Catalogue | eBooks & eAudio | What's on"), whether or not a pattern flags it."""
    items = [item for item in _ROW_SPLIT.split(text.strip()) if item]
    return len(items) >= MENU_ROW_ITEMS and all(
        len(item.split()) <= MENU_ITEM_MAX_WORDS + 1 and not _SENTENCE_PUNCT.search(item) for item in items)


def _menu_item(sentence: Sentence) -> bool:
    """A heading of at most MENU_ITEM_MAX_WORDS words without sentence punctuation or digits:
    one item of a menu laid out one item to a line ("Watch Live", "About us", "Find jobs")."""
    words = sentence.text.split()
    return (sentence.kind != "body" and 0 < len(words) <= MENU_ITEM_MAX_WORDS
            and not _SENTENCE_PUNCT.search(sentence.text))


def _mastheads(sentences: Sequence[Sentence], info: SourceInfo | None,
               flagged: Mapping[int, bool]) -> list[Sentence]:
    """The site's name above its menu (``masthead``): the page's first line that no pattern
    flags, when it is short (at most MASTHEAD_MAX_WORDS words, no sentence punctuation), the
    line after it is a menu (a line a ``navigation: true`` pattern flags, a row of menu items,
    or MENU_ITEMS_MIN menu items on lines of their own, see _menu_row and _menu_item), perhaps
    after a tagline (see _tagline, flagged with the name), and a headline of three words or
    more follows before the text begins ("Halvard Energy" above "About us | Our business |
    Investors" and the results' headline). Not a line that shares a word of four letters or
    more with the source's recorded title, and not on a page whose first heading has no menu
    under it (an article that opens with its headline)."""
    first = next((s for s in sentences if s.index not in flagged), None)
    if first is None:
        return []
    name = _ENTITY.sub("&", first.text)  # "Field &amp; Lab News"
    if not 0 < len(name.split()) <= MASTHEAD_MAX_WORDS or _MASTHEAD_STOP.search(name):
        return []
    if info is not None and info.title and _words(name) & _words(info.title):
        return []
    tagline = _tagline(sentences, first, flagged)
    k = first.index + len(tagline)
    after = sentences[k + 1:k + 1 + MENU_ITEMS_MIN]
    items = [s for s in after if s.index not in flagged and _menu_item(s) and not _BYLINE_START.match(s.text)]
    if not after or not (flagged.get(after[0].index) or _menu_row(after[0].text) or len(items) == MENU_ITEMS_MIN):
        return []
    for s in sentences[k + 1:]:
        if s.index in flagged or _menu_item(s) or _menu_row(s.text):
            continue
        if s.kind == "body":
            return []  # the text begins with no headline above it: the first line may be the title
        if len(s.text.split()) >= 3 and _WORD.search(s.text):
            return [first, *tagline]
    return []


def _tagline(sentences: Sequence[Sentence], name: Sentence, flagged: Mapping[int, bool]) -> list[Sentence]:
    """The sentences of the line right after a site's name when they are its tagline: unflagged,
    at most TAGLINE_MAX_WORDS words in all, no digits, neither a row of menu items nor one
    menu item ("Clean water. Healthy lives."); else none."""
    line = [s for s in sentences[name.index + 1:name.index + 4] if s.paragraph == name.paragraph + 1]
    if (not line or any(s.index in flagged for s in line) or _menu_row(line[0].text)
            or sum(len(s.text.split()) for s in line) > TAGLINE_MAX_WORDS
            or any(c.isdigit() for s in line for c in s.text) or (len(line) == 1 and _menu_item(line[0]))):
        return []
    return line


PROSE_MIN_WORDS = 10
"""A line of prose has at least this many words (not counting furniture glued to it) and a
sentence that ends in . ! or ?."""
TAIL_MIN_PROSE = 3
"""``page_tail`` only reads pages with at least this many lines of prose (an article)."""
_PROSE_CLOSE = re.compile(r"[.!?…][\"'”’)\]*»]*(?:\[\d{1,3}\]|\d{1,2})?\s*$")
"""The end of a sentence, perhaps after closing quotes and a footnote mark ("2025.[3]")."""


def _page_tail_line(sentence: Sentence) -> bool:
    """Whether a line after the last line of prose is page furniture: a heading (a short line
    without sentence punctuation, whose figures are never claims); or a sentence that does
    not end as one ("Reporting by ...; Editing by ...") and holds no figure. A sentence that
    ends as one ("The trial continues.", "Attendance: 3,412.") is the article's own, and so
    is one with a figure, and a row of a table of figures: page_tail never hides a figure
    from the comparisons."""
    if _table_row(sentence.text):
        return False  # a row of figures: the page's data
    if sentence.kind != "body":
        return True
    return _PROSE_CLOSE.search(sentence.text) is None and not find_numbers(sentence.text)


def _repeated_lines(sentences: Sequence[Sentence], info: SourceInfo | None, flagged: Mapping[int, bool]) -> list[Sentence]:
    """Short heading lines (at most REPEATED_MAX_WORDS words, no sentence punctuation, so no
    claims) that a page repeats at least REPEATS_MIN times: the running header of a PDF turned
    into text, "Add to basket" under every product, "Reply" under every comment, "Top" after
    every forum post; not a line without a word of four letters (a price under every product),
    nor a list item ("- Not yet compliant" three times in a survey's answers).
    (A heading repeated twice is ``duplicate_text``'s: a headline printed twice is no
    furniture.)"""
    seen: dict[str, list[Sentence]] = {}
    for s in sentences:
        if s.index not in flagged and may_repeat_as_furniture(s):
            seen.setdefault(_norm(s.text), []).append(s)
    return sorted((s for group in seen.values() if len(group) >= REPEATS_MIN for s in group), key=lambda s: s.index)


def may_repeat_as_furniture(s: Sentence) -> bool:
    """Whether a line repeated REPEATS_MIN times or more is furniture (``repeated_line``): a
    heading of at most REPEATED_MAX_WORDS words with a word of four letters (not a price), and
    no list item."""
    return (s.kind == "heading" and len(s.text.split()) <= REPEATED_MAX_WORDS and _WORD.search(s.text) is not None
            and not _LIST_ITEM.match(s.text))


def repeated_as_furniture(repeats: Sequence[Sentence]) -> bool:
    """Whether these occurrences of one line are a running header or a button that
    ``repeated_line`` reports: at least REPEATS_MIN of them, the same line, each one that
    may repeat as furniture."""
    return (len(repeats) >= REPEATS_MIN and len({_norm(s.text) for s in repeats}) == 1
            and all(may_repeat_as_furniture(s) for s in repeats))


def _page_tail(sentences: Sequence[Sentence], info: SourceInfo | None, flagged: Mapping[int, bool]) -> list[Sentence]:
    """The lines after a page's last line of prose that are not flagged yet (``page_tail``):
    related-article headlines, share and follow links, sign-offs and footers ("Read Next",
    "Boeing 737 MAX deliveries slip again in February", "Twitter", "Ends"). A line of prose is
    a line (block) of at least PROSE_MIN_WORDS words, not counting flagged sentences, with a
    sentence ending in . ! ? or …; a line that opens with furniture ("We use cookies. Some
    are ...") is none. Never on a page with fewer than TAIL_MIN_PROSE lines of prose, never on
    a sentence that ends as one or holds a figure (see _page_tail_line), and not on the list
    items that a line ending in a colon introduces (the article's own list)."""
    blocks: dict[int, list[Sentence]] = {}
    for s in sentences:
        blocks.setdefault(s.paragraph, []).append(s)
    order = list(blocks)
    prose = []  # the last TAIL_MIN_PROSE lines of prose, from the end (most pages end soon after the last)
    for p in reversed(order):
        block = blocks[p]
        if block[0].index in flagged:
            continue  # a line that opens with furniture ("We use cookies. Some are ...")
        own = [s for s in block if s.index not in flagged]
        if (any(s.kind == "body" for s in own) and any(_PROSE_CLOSE.search(s.text) for s in own)
                and sum(len(s.text.split()) for s in own) >= PROSE_MIN_WORDS):
            prose.append(p)
            if len(prose) == TAIL_MIN_PROSE:
                break
    if len(prose) < TAIL_MIN_PROSE:
        return []
    last = prose[0]
    listed = _introduces_list(blocks[last][-1].text)
    out: list[Sentence] = []
    for p in order[order.index(last) + 1:]:
        block = blocks[p]
        if listed and _LIST_ITEM.match(block[0].text):
            continue  # "The plan names four tasks:" and its items
        own = [s for s in block if s.index not in flagged]
        listed = len(own) == 1 == len(block) and _introduces_list(own[0].text)
        if not listed:
            out.extend(s for s in own if _page_tail_line(s))
    return out


_LIST_ITEM = re.compile(r"^\s*(?:[•·▪◦*\-–●○►▸➢✓✔☐■□◆◇]|o\s|\(?[0-9a-z]{1,2}[.)])\s*")
"""An item of a list: a bullet of any common mark (those of PDF text too), "1." or "(a)"."""


def _introduces_list(text: str) -> bool:
    """A line of at least five words ending in a colon: "The plan names four tasks:" (not
    "Share this:", "You may also like:")."""
    return text.rstrip().endswith(":") and len(text.split()) >= 5


_PAGE_NUMBER = re.compile(r"(?i)^(?:page\s)?[-–—]?\s?(\d{1,3})\s?[-–—]?$")
"""A line that is only a number, perhaps dashed or after "Page": "8", "– 2 –", "Page 12"."""


_UNITS = "%|kg|g|mg|µg|kcal|kJ|km|cm|mm|ml|mL|l|L|lb|lbs|oz|mph|kWh|MWh|kW|MW|GW|t|pc|pp"
"""Units of a figure cell, case as written ("5G" is a network, not five grams)."""
_FIGURE_CELL = re.compile(
    rf"(?:[^|\t:]{{1,40}}:\s*)?(?:[£$€¥]\d[\d,]*(?:\.\d+)?|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+\.\d+|\d+)"
    rf"\s*(?P<unit>{_UNITS})?")
"""A table cell that is a figure, perhaps after a label: "97.2%", "Carbs: 52g", "412 kcal",
"1,200", "$99.00"."""
_CELL_SEPARATOR = re.compile(r"[|\t]")
_FIGURE_MARK = re.compile(r"[.,£$€¥]")
"""In a figure cell's value: what makes a bare number a measured figure (a decimal point, a
thousands separator, a currency sign), not a page, phone or company number."""


def _table_row(text: str) -> bool:
    """A row of a table of figures ("Inventory accuracy | 97.2% | 99.8%", "Nutrition: 412 kcal
    | Carbs: 52g | Fat: 21g"): cells between bars or tabs, at least two of them a figure with
    a decimal point, a thousands separator, a percent or currency sign or a unit of measure.
    Data, not a menu, though its bars make it look like one; not a pager ("101 | 102 | 103"),
    a chart's ranges ("1D | 5D | 1M"), phone or company numbers."""
    if "|" not in text and "\t" not in text:
        return False
    figures = 0
    for cell in _CELL_SEPARATOR.split(text):
        m = _FIGURE_CELL.fullmatch(cell.strip())
        if m is not None and (m["unit"] or _FIGURE_MARK.search(cell.split(":")[-1])):
            figures += 1
    return figures >= 2


def _page_numbers(sentences: Sequence[Sentence], info: SourceInfo | None, flagged: Mapping[int, bool]) -> list[Sentence]:
    """Lines that are only a number, when the next or previous such line of the page carries
    the next number or the one after (a page may lack one): the page numbers of a PDF turned
    into text ("8" ... "9" ... "10"). A number alone on a line is never a claim (it is a
    heading), so only the report changes."""
    lines = []
    for s in sentences:
        m = _PAGE_NUMBER.match(s.text.strip()) if len(s.text) <= 24 else None
        if m is not None and s.index not in flagged:
            lines.append((s, int(m.group(1))))
    out = []
    for k, (s, n) in enumerate(lines):
        before = lines[k - 1][1] if k else None
        after = lines[k + 1][1] if k + 1 < len(lines) else None
        if (before is not None and 1 <= n - before <= 2) or (after is not None and 1 <= after - n <= 2):
            out.append(s)
    return out


def _headline(candidates: Sequence[Sentence], words_of: Sequence[set[str]],
              sentences: Sequence[Sentence]) -> int:
    """Which header heading is the page's headline, when no title is known: the first one
    right after a breadcrumb line ("Home > News > Press releases"), passing over a heading
    that repeats one of the breadcrumb's items but its last ("Home › Family Notices ›
    Obituaries" above "Family Notices", the section's name; the last item is the page's own); else the first with a word
    (not a page number) if the body uses one of its words; else the one whose words the body
    uses most (the sum over its distinct words of log(1 + uses in the body)). A page opens with
    its site's name as often as with its headline ("The Crumb Diaries" above "Easy Lemon
    Drizzle Cake"), and a headline is as often followed by a kicker or tag that the story
    repeats ("Thousands flee rising waters" above "Pakistan Monsoon")."""
    for k, c in enumerate(candidates):
        if c.index > 0 and words_of[k] and _BREADCRUMB.search(sentences[c.index - 1].text):
            # a heading that repeats an item of the breadcrumb before its last is a section's name
            # (the last item is the page itself: "Jobs > Engineering > Senior Data Engineer")
            items = {_norm(item) for item in _BREADCRUMB_SPLIT.split(sentences[c.index - 1].text)[:-1]}
            for j in range(k, len(candidates)):
                if words_of[j] and _norm(candidates[j].text) not in items:
                    return j
            return k
    if len(candidates) == 1:
        return 0
    uses: dict[str, int] = dict.fromkeys(set().union(*words_of), 0)
    for s in sentences[candidates[-1].index + 1:]:
        if s.kind == "body":
            for w in _WORD.findall(s.text):
                w = w.lower()
                if w in uses:
                    uses[w] += 1
    first = next((k for k, words in enumerate(words_of) if words), 0)
    if any(uses[w] for w in words_of[first]):
        return first  # the first heading is about the body: a kicker or site name below it is no title
    best, best_score = first, 0.0
    for k, words in enumerate(words_of):
        score = math.fsum(math.log1p(uses[w]) for w in words)
        if score > best_score:
            best, best_score = k, score
    return best


UNION_PROGRAM_SIZE = 6000
"""Largest RE2 program (in instructions, the patterns' own sizes added up) one pass over a
document runs: a union much larger than that outgrows RE2's DFA memory and falls back to its
slow NFA (24 patterns in one union, 27,138 instructions, took 0.19 s per 1,000 documents;
in unions of at most this size 0.10 s)."""


@lru_cache(maxsize=8)
def _line_unions(rules: Ruleset) -> tuple[UserPattern, ...] | None:
    """The boilerplate patterns as RE2 matchers in multi-line mode (^ and $ at every line's
    ends), several patterns to a matcher, each of at most UNION_PROGRAM_SIZE instructions
    (a larger pattern alone); None if a pattern anchors to the whole text or sets the m flag
    itself."""
    patterns = rules.boilerplate_patterns
    if any(_WHOLE_TEXT_ANCHOR.search(p.source) for p in patterns):
        return None
    groups: list[list[str]] = []
    size = 0
    for p in patterns:
        own = p.compiled.programsize
        if not groups or size + own > UNION_PROGRAM_SIZE:
            groups.append([])
            size = 0
        groups[-1].append(p.source)
        size += own
    return tuple(compile_user_pattern("boilerplate lines", "(?m)" + "|".join(f"(?:{s})" for s in group))
                 for group in groups)


def _may_match(doc: SourceDoc, rules: Ruleset) -> Sequence[Sentence]:
    """The sentences a boilerplate pattern may match, in order: those in which a multi-line
    union of the patterns matches in `doc.joined` (a match in a sentence alone is one there:
    ^ and $ hold at a sentence's ends, and a newline is no word character), from one RE2 pass
    per union instead of one per sentence and pattern; all of them if there is no such union
    or a match runs into the next sentence."""
    unions = _line_unions(rules)
    if unions is None or not doc.sentences:
        return doc.sentences
    found: set[int] = set()
    for union in unions:
        for start, end in union.finditer(doc.joined):
            place = doc.in_sentence(start, end)
            if place is None:
                return doc.sentences
            found.add(place[0])
    return [doc.sentences[k] for k in sorted(found)]


_BUILTIN_WHY = {
    MASTHEAD: "the site's name above its menu, not part of the article",
    SECTION_LABEL: ("a short header line that shares no word with the title or the other headings: "
                    "a site section label or category, not part of the article"),
    REPEATED_LINE: "a short line the page repeats {n} times: a running header or a button",
    PAGE_NUMBER: "a number alone on its line, one of a page's running page numbers",
    PAGE_TAIL: ("a line after the page's last paragraph of prose: related-article headlines, "
                "share links, sign-offs and footers, not part of the article"),
}
"""Why each built-in structural rule flags a line (``{n}``: how many times the line occurs)."""


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_source(check_source, corpus, rules)


def check_source(doc: SourceDoc, rules: Ruleset) -> Iterator[Finding]:
    descriptions = {p.id: p.description for p in rules.quality.boilerplate}
    figures = figures_note(KIND, rules.quality.exclude_claims_in, "figures in it")
    source = doc.id
    sentences = doc.sentences
    groups: dict[tuple[str, str], list[Evidence]] = {}
    texts: dict[tuple[str, str], str] = {}
    navigation = _navigation(rules)
    flagged: dict[int, bool] = {}  # line (sentence index) -> whether a navigation pattern flagged it

    def add(rule_id: str, sentence: Sentence, start: int, end: int) -> None:
        key = (rule_id, _norm(sentence.text))
        groups.setdefault(key, []).append(sentence_evidence(sentence, start, end))
        texts.setdefault(key, sentence.text.strip())
        flagged[sentence.index] = rule_id in navigation

    for sentence in _may_match(doc, rules) if rules.boilerplate_patterns else ():
        for pattern in rules.boilerplate_patterns:
            hit = next(iter(pattern.finditer(sentence.text)), None)
            if hit is not None and hit[1] > hit[0]:
                if pattern.id not in navigation or not _table_row(sentence.text):
                    add(pattern.id, sentence, *hit)  # a row of figures is no menu
                break  # one rule per line is enough
    # the structural rules, each on the lines no earlier rule flagged
    for rule_id, found in ((MASTHEAD, _mastheads), (SECTION_LABEL, _section_labels), (PAGE_NUMBER, _page_numbers),
                           (REPEATED_LINE, _repeated_lines), (PAGE_TAIL, _page_tail)):
        for sentence in found(sentences, doc.info, flagged):
            add(rule_id, sentence, 0, len(sentence.text.rstrip()))
    for (rule_id, norm), evidence in groups.items():
        why = (_BUILTIN_WHY[rule_id].format(n=len(evidence)) if rule_id in _BUILTIN_WHY
               else descriptions.get(rule_id, rule_id))  # a user's description is never formatted
        times = "" if len(evidence) == 1 else f" ({len(evidence)} times)"
        yield Finding(
            kind=KIND, severity=DEFAULT_SEVERITY,
            message=(f"{quoted(texts[(rule_id, norm)], as_repr=True)} in source {source}{times} is page boilerplate "
                     f"({rule_id}: {why}); {figures}"),
            evidence=tuple(evidence),
            fingerprint=fingerprint(KIND, None, None, [source], [texts[(rule_id, norm)]], extra=rule_id),
            details={"pattern": rule_id, "occurrences": len(evidence)},
        )
