"""Corpus statistics for the off-topic detector: per-document word counts, IDF, an inverted index.

Built once per audit (`corpus_stats`, from sentence lists or, cheaper, from the documents'
`PreparedDoc`s) and shared by every document's scoring, so the cost is linear in the corpus.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from .offtopic_prepare import PreparedDoc, as_prepared


@dataclass(frozen=True)
class CorpusStats:
    """Statistics of an audit corpus: per-document and overall sentence frequencies of words.

    Build it once with :func:`corpus_stats` over every document of an audit and pass it as
    ``corpus``; the document being examined may be part of it (it is recognised and left out
    of the neighbour documents). ``subset`` gives the statistics of some of the documents.
    """

    docs: tuple[Mapping[str, int], ...]
    """Per document: stem -> number of its sentences that use the stem."""
    sizes: tuple[int, ...]
    df: Mapping[str, int]
    sentences: int
    norms: tuple[float, ...]
    postings: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """stem -> the documents that use it (an inverted index for the neighbour search)."""
    idf: Mapping[str, float] = field(default_factory=dict)
    """stem -> its IDF over the corpus's sentences, ``log((sentences + 1) / (df + 1)) + 1``
    (what scoring a document of the corpus uses, computed once per word)."""

    def subset(self, keep: Iterable[int]) -> "CorpusStats":
        return _make_stats([self.docs[i] for i in keep], [self.sizes[i] for i in keep])


def _make_stats(docs: Sequence[Mapping[str, int]], sizes: Sequence[int]) -> CorpusStats:
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d)
    n = sum(sizes)
    idf = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}
    norms = tuple(math.sqrt(sum((c * idf[w]) ** 2 for w, c in d.items())) for d in docs)
    postings: dict[str, list[int]] = {}
    for j, d in enumerate(docs):
        for w in d:
            postings.setdefault(w, []).append(j)
    return CorpusStats(tuple(docs), tuple(sizes), dict(df), n, norms,
                       {w: tuple(js) for w, js in postings.items()}, idf)


def corpus_stats(documents: Iterable[Sequence[str] | PreparedDoc]) -> CorpusStats:
    """Statistics over ``documents`` (each a list of sentence texts, or its
    :class:`~iicheck.quality.offtopic_prepare.PreparedDoc`); the unit is the sentence."""
    docs: list[Mapping[str, int]] = []
    sizes: list[int] = []
    for doc in documents:
        prep = as_prepared(doc)
        docs.append(dict(prep.counts))
        sizes.append(len(prep.texts))
    return _make_stats(docs, sizes)
