"""Corpus statistics for the off-topic detector: per-document word counts, IDF, an inverted index.

Built once per audit (`corpus_stats`, from sentence lists or, cheaper, from the documents'
`PreparedDoc`s) and shared by every document's scoring, so the cost is linear in the corpus.
Besides the per-document dicts, every document's words are kept as numpy arrays (word
columns and counts): the neighbour search computes its candidates' similarities from them in
a few array operations (see ``offtopic._top_similar``).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from itertools import chain
from typing import Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt

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
    vocab: Mapping[str, int] = field(kw_only=True)
    """stem -> its column: the corpus's words numbered in the order of their first use."""
    columns: tuple[npt.NDArray[np.int32], ...] = field(kw_only=True, compare=False, repr=False)
    """Per document: the columns of its words, in the order of ``docs[j]`` (views of one
    array; derived from ``docs``, so not compared)."""
    counts: tuple[npt.NDArray[np.int32], ...] = field(kw_only=True, compare=False, repr=False)
    """Per document: the counts of its words (``docs[j]``'s values), aligned with
    ``columns[j]``."""
    scratch: npt.NDArray[np.float64] = field(kw_only=True, compare=False, repr=False)
    """A row of zeros, one per column plus a spare one, that the neighbour search of one
    document fills at that document's columns and clears again (so a document's search never
    allocates or zeroes a vocabulary-sized array; one search at a time per process)."""

    def subset(self, keep: Iterable[int]) -> "CorpusStats":
        return _make_stats([self.docs[i] for i in keep], [self.sizes[i] for i in keep])


def _make_stats(docs: Sequence[Mapping[str, int]], sizes: Sequence[int]) -> CorpusStats:
    vocab = {w: i for i, w in enumerate(dict.fromkeys(chain.from_iterable(docs)))}
    lengths = [len(d) for d in docs]
    total = sum(lengths)
    columns = np.fromiter(map(vocab.__getitem__, chain.from_iterable(docs)), np.int32, total)
    counts = np.fromiter(chain.from_iterable(d.values() for d in docs), np.int32, total)
    # df: the counts summed per word (whole numbers far below 2 ** 53: exact in floats), in
    # the order of first use, as a Counter over the documents gave them
    per_word = np.bincount(columns, weights=counts, minlength=len(vocab))
    df = dict(zip(vocab, per_word.astype(np.int64).tolist()))
    n = sum(sizes)
    idf = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}
    norms = tuple(math.sqrt(sum((c * idf[w]) ** 2 for w, c in d.items())) for d in docs)
    # postings: the documents of each word in increasing order (a stable sort of the columns),
    # as one int object per document shared by its postings, as a loop over the documents
    # gave them (tolist() alone makes one per posting: 2.3 million at 10,000 documents, more
    # memory and slower to count in the candidate search)
    owners = np.repeat(np.arange(len(docs), dtype=np.int32), lengths)
    owners = owners[np.argsort(columns, kind="stable")]
    numbers = list(range(len(docs)))
    ends = np.cumsum(np.bincount(columns, minlength=len(vocab))).tolist()
    postings = {w: tuple(map(numbers.__getitem__, owners[a:b].tolist()))
                for w, a, b in zip(vocab, [0] + ends, ends)}
    starts = [0, *np.cumsum(lengths).tolist()]
    return CorpusStats(tuple(docs), tuple(sizes), df, n, norms, postings, idf, vocab=vocab,
                       columns=tuple(columns[a:b] for a, b in zip(starts, starts[1:])),
                       counts=tuple(counts[a:b] for a, b in zip(starts, starts[1:])),
                       scratch=np.zeros(len(vocab) + 1))


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


def statistics_fingerprint(documents: Iterable[PreparedDoc]) -> bytes:
    """A digest of everything :func:`corpus_stats` reads from ``documents`` (each one's number
    of sentences and its word counts, in order): equal digests, equal statistics. Figures are
    not words, so editing a figure leaves it unchanged; a word or a sentence more or less
    anywhere changes it."""
    return hashlib.blake2b(b"".join(prep.counts_digest for prep in documents), digest_size=16).digest()
