"""Per-document preparation for the off-topic detector: the expensive text work, done once.

:func:`prepare_document` tokenises and stems every sentence of a document and finds the places
where a spliced tail may begin. Its result, a :class:`PreparedDoc`, is a pure function of the
sentence texts, made only of tuples, strs and ints (picklable, cacheable, cheap to ship between
processes). :func:`iicheck.quality.offtopic.corpus_stats` and
:func:`iicheck.quality.offtopic.find_off_topic` accept it in place of the sentence list, with
identical results.

Example
-------
>>> p = prepare_document(["Platforms connect machines.", "Factories rent platform services."])
>>> p.stems[1]
('factori', 'platform', 'rent', 'servic')
>>> prepare_document(p.texts) == p
True
"""

from __future__ import annotations

import re
from typing import NamedTuple, Sequence

from .words import _tokens

__all__ = ["PREPARED_VERSION", "PreparedDoc", "prepare_document", "as_prepared"]

PREPARED_VERSION = 2
"""Bumped whenever tokenisation, stemming or split finding changes: a cache keyed on the text
alone must also key on this (or compare ``PreparedDoc.version``)."""

SPLIT_RE = re.compile(r"[,;:]\s+|\s+and\s+|\s+[-–—]\s+")
"""Where a spliced tail may begin: after a comma, semicolon, colon, " and " or a dash."""


class PreparedDoc(NamedTuple):
    """One document, tokenised (see the module docstring). Per sentence ``i``:

    ``tokens[i]``: every word token as ``(start, end, stem)``, ``stem`` = "" for a word that
    does not count (stop word, figure, code); ``stems[i]``: its distinct content stems, sorted;
    ``splits[i]``: candidate cut points ``(separator start, separator end)``, in text order.
    ``counts``: ``(stem, number of sentences that use it)`` pairs, sorted by stem.
    """

    version: int
    texts: tuple[str, ...]
    tokens: tuple[tuple[tuple[int, int, str], ...], ...]
    stems: tuple[tuple[str, ...], ...]
    splits: tuple[tuple[tuple[int, int], ...], ...]
    counts: tuple[tuple[str, int], ...]


def prepare_document(sentences: Sequence[str]) -> PreparedDoc:
    """Tokenise, stem and find split points of every sentence (pure, deterministic)."""
    texts = tuple(str(s) for s in sentences)
    tokens = tuple(
        tuple((a, b, st or "") for a, b, st, _ in _tokens(t)) for t in texts
    )
    stems = tuple(tuple(sorted({st for _, _, st in tk if st})) for tk in tokens)
    splits = tuple(tuple((m.start(), m.end()) for m in SPLIT_RE.finditer(t)) for t in texts)
    df: dict[str, int] = {}
    for st in stems:
        for w in st:
            df[w] = df.get(w, 0) + 1
    return PreparedDoc(PREPARED_VERSION, texts, tokens, stems, splits, tuple(sorted(df.items())))


def as_prepared(document: Sequence[str] | PreparedDoc) -> PreparedDoc:
    """``document`` itself when it is a current :class:`PreparedDoc` (or a plain tuple with its
    fields, e.g. after a round trip through a cache), else :func:`prepare_document` of it."""
    if isinstance(document, PreparedDoc):
        return document if document.version == PREPARED_VERSION else prepare_document(
            document.texts)
    if (isinstance(document, tuple) and len(document) == len(PreparedDoc._fields)
            and isinstance(document[0], int) and not isinstance(document[0], bool)):
        doc = PreparedDoc(*document)
        return doc if doc.version == PREPARED_VERSION else prepare_document(doc.texts)
    return prepare_document(document)
