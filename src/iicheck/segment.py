"""Split a source into sentences with exact [start, end) character offsets.

A block is a run of non-blank lines; a line break inside a block joins two lines only when
the first visibly continues (ends in a comma, a conjunction or a lowercase word) and the next
starts in lowercase. A segment longer than MAX_SENTENCE_CHARS is cut at a clause break (text
without sentence punctuation). Short unpunctuated lines are headings, and so are list items
that do not end as a sentence (an item that does is a sentence, without its bullet or
number); a leading header such as
"date 2021-02-23" or "Updated: 2025-06-09" is split off as its own heading segment, so it never
glues onto the first sentence. Headings and bullets never join a neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .models import Sentence
from .numbers import CITATION_NUMBERS

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jan feb mar apr jun jul aug sep sept oct nov dec no nos vs etc e.g i.e "
    "u.s u.k inc co ltd corp gov gen sen rep jr sr fig approx dept est mt ft".split()
)
_BOUNDARY = re.compile(r"[.!?](?:[\"”’')\]]*)(?=\s+[\"“‘(\[]?[A-Z0-9])")
_LEADING_HEADER = re.compile(
    r"^\s*(?:date|updated|published|posted|release date)\s*[:：]?\s*"
    r"\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[•·▪◦*\-–]|\d+[.)]|\d{1,2}(?:\.\d{1,2})+\.?(?=\s+(?!(?:Million|Billion|Trillion|Thousand|Hundred"
                     r"|Millions|Billions|Trillions|Thousands|Hundreds|Mn|Mln|Bn|Bln|Tn|Tln|Lakh|Lakhs|Crore|Crores|Percent"
                     r"|Percentage|Pct|Per|Times|Yuan|Sets|Units|Mbps|Gbps|Kbps|Hz|Mb|Gb|Kb)\b)[A-Z][a-z]+))\s+")
"""A list item's bullet or number: "•", "-", "1.", "2)", and a section's number before a word
with a capital ("3.1 Industrial internet platforms developed rapidly.", "2.1 By the end of
2020, ...": no figure of 3.1 platforms); not "3.1 Million" or "4.5 Mbps"."""
_CONTINUES = re.compile(r"(?:[,;:]|\b(?:and|or|of|the|to|in|with|for)|[a-z])\s*$")
HEADING_MAX_WORDS = 14
WRAPPED_ITEM_MIN_CHARS = 40
"""A list item shorter than this is not wrapped: the lowercase line after it is its own
("• Detail" above a paragraph that starts mid-sentence is no item of 300 words)."""
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")  # the word before a period (see _is_abbreviation)
_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _continues(line: str) -> bool:
    """`_CONTINUES.search(line)`, without scanning the line: every alternative ends in , ; :
    or a lowercase ASCII letter, followed only by whitespace."""
    body = line.rstrip()
    return bool(body) and (body[-1] in ",;:" or "a" <= body[-1] <= "z")


_CLOSERS = "\"”’')]"


_FOOTNOTE_MARK = re.compile(rf"(?:\[(?:{CITATION_NUMBERS}|[a-z])\])+$")


_CLOSING_TAG = re.compile(r"</[A-Za-z][A-Za-z0-9]{0,15}>$")


def _ends_sentence(chunk: str) -> bool:
    """`re.search(r"[.!?。][closers]*\\s*$", chunk)` for a stripped chunk, after its footnote
    marks ("... in 2025.[3]", "[2, 4]", "[3][4]", "[a]") and closing HTML tags ("... said.</p>")
    are taken off its end."""
    body = chunk.rstrip()
    while body.endswith(">"):  # one tag at a time from the end: linear, where a regex anchored
        tag = _CLOSING_TAG.search(body, max(0, len(body) - 20))  # at $ retries from every tag
        if tag is None:
            break
        body = body[:tag.start()].rstrip()
    if body.endswith("]"):
        body = _FOOTNOTE_MARK.sub("", body)
    body = body.rstrip(_CLOSERS)
    return bool(body) and body[-1] in ".!?。"


def _lines(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        spans.append((pos, pos + len(body)))
        pos += len(line)
    return spans


def _blocks(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_heading) blocks: joined continuation lines, headings on their own."""
    blocks: list[list[int]] = []
    prev_blank = True
    for start, end in _lines(text):
        line = text[start:end]
        if not line.strip():
            prev_blank = True
            continue
        previous = text[blocks[-1][0]:blocks[-1][1]] if blocks else ""
        if (blocks and not prev_blank and _continues(previous)
                and line.lstrip()[:1].islower() and not _BULLET.match(line)
                and not (len(previous.strip()) < WRAPPED_ITEM_MIN_CHARS and _BULLET.match(previous))):
            blocks[-1][1] = end
        else:
            blocks.append([start, end])
        prev_blank = False
    out = []
    for start, end in blocks:
        block = text[start:end]
        chunk = block.strip()
        # at most HEADING_MAX_WORDS + 1 pieces: as many as the words when there are few enough
        words = len(chunk.split(None, HEADING_MAX_WORDS))
        # a list item is a heading unless it ends as a sentence ("- 500 platforms were in
        # operation at the end of 2023."): a fact box's items are sentences
        heading = not _ends_sentence(chunk) and (words <= HEADING_MAX_WORDS or bool(_BULLET.match(block)))
        out.append((start, end, heading))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the word before the period at `dot` is an abbreviation ("Mr.", "U.S.", "e.g.").

    The word is what `_WORD_BEFORE.search(text, max(0, dot - 24), dot)` finds: the letters
    and periods running back from `dot` (from before a newline right before it, where `$`
    also matches), at most 24 characters back; found here by walking back, which is cheaper
    than the regex's trials at every position of the window."""
    lo = max(0, dot - 24)
    end = dot - 1 if dot > 0 and text[dot - 1] == "\n" else dot
    start = end
    while start > lo and text[start - 1] in _WORD_CHARS:
        start -= 1
    if start == end:
        return False
    token = text[start:end].lower().rstrip(".")
    return token in _ABBREVIATIONS or len(token) == 1


def _boundaries(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """`_BOUNDARY.finditer(text, start, end)`, trying the pattern only at a ".", "!" or "?".

    Every match starts with one of them and then holds only closing quotes and brackets, so
    the matches are the pattern's matches at those positions, in order, none inside another.
    The marks are found with str.find, much faster than re's scan for a character class."""
    marks = []
    for mark in ".!?":
        i = text.find(mark, start, end)
        while i >= 0:
            marks.append(i)
            i = text.find(mark, i + 1, end)
    for i in sorted(marks):
        match = _BOUNDARY.match(text, i, end)
        if match:
            yield match


def _split_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    cuts, pos = [], start
    for match in _boundaries(text, start, end):
        if text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        cuts.append((pos, match.end()))
        pos = match.end()
    cuts.append((pos, end))
    return cuts


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


MAX_SENTENCE_CHARS = 8000
"""The longest segment kept whole. Prose sentences are far shorter (the seeds' longest, an
enumeration, has 948 characters; headings glued to a paragraph in the generated benchmark
corpora reach 5,634), but text without sentence punctuation (a scraped list, a table
flattened into one line) would otherwise be one "sentence" of megabytes, quoted in full by
every claim and finding in it: audit time and memory grew with the square of its length
(measured: 250 KB in 12 s and 1.6 GB; 1.9 MB in 536 s and 15.7 GB)."""
_SOFT_BREAK = re.compile(r"[;,]\s|\s")


def _capped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The segment [start, end) (trimmed), or, when it is longer than MAX_SENTENCE_CHARS,
    consecutive pieces of at most that length: each cut after the last "; " or ", " in the
    second half of the allowed length, else after the last whitespace there, else at the
    length itself. A piece's length is counted from its first non-space character (the
    whitespace after a cut is not part of any piece)."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        lo = start + MAX_SENTENCE_CHARS // 2
        breaks = list(_SOFT_BREAK.finditer(text, lo, limit))
        cut = (max((m.start() + 1 for m in breaks if text[m.start()] in ";,"), default=0)
               or max((m.end() for m in breaks), default=limit))
        yield start, cut
        start, end = _trimmed(text, cut, end)
    yield start, end


# `Sentence(**fields)` without the Python frame of BaseModel.__init__: the same validation
# of the same fields (pydantic-core's, which __init__ calls), giving an equal model with the
# same fields set.
_new_sentence = Sentence.__pydantic_validator__.validate_python


def split_sentences(source_id: str, text: str) -> list[Sentence]:
    """All sentences and headings of `text`, in order, with offsets into `text`."""
    sentences: list[Sentence] = []
    for paragraph, (b_start, b_end, heading) in enumerate(_blocks(text)):
        pieces: list[tuple[int, int, bool]] = []
        header = _LEADING_HEADER.match(text, b_start, b_end)
        if header and not heading:
            pieces.append((b_start, header.end(), True))
            b_start = header.end()
        if heading:
            pieces.append((b_start, b_end, True))
        else:
            bullet = _BULLET.match(text[b_start:b_end])  # (^ matches only at a string's start)
            if bullet:  # the item's text, without its bullet or number ("1. ", "- ")
                b_start += bullet.end()
            pieces.extend((s, e, False) for s, e in _split_block(text, b_start, b_end))
        for p_start, p_end, is_heading in pieces:
            for s, e in _capped(text, *_trimmed(text, p_start, p_end)):
                s, e = _trimmed(text, s, e)
                if s == e:
                    continue
                sentences.append(_new_sentence({
                    "source": source_id, "index": len(sentences), "paragraph": paragraph,
                    "start": s, "end": e, "text": text[s:e], "kind": "heading" if is_heading else "body"}))
    return sentences
