"""Off-topic sentences: find a sentence, or the spliced tail of a sentence, that does not
belong to its document (the ``off_topic`` finding).

What it flags
-------------
``find_off_topic`` reads the sentences of one document and reports

* a **sentence** whose weighted words the rest of the document (and the most similar other
  documents of the audited corpus) do not use: spam or a scraper mixing two pages, e.g.
  "The backbone outside the enterprise is not very different from ordinary plastics in
  appearance." inside an article on industrial networks;
* the **tail** of a sentence, after a mid-sentence comma, semicolon, colon, dash or " and ",
  when the head is on topic and the tail is not, e.g. "Based on this, with deepening the supply
  side structural reform and enabling the real economy as the main line, China's auto
  production and sales remain far ahead." (the span from "China's auto ..." to the end).

It is lexical: no model, no download; Python, with numpy for the neighbour search. Measured
on the benchmark in ``benchmarks/offtopic`` (see its README): about 0.02-0.03 s per 1,000
sentences to prepare and 0.022 s per 1,000 sentences to score (``--scale 10000``: 10,000
documents of 44 sentences; 0.034-0.036 s with the neighbour search in pure Python, the two
run alternately, and 0.046 s before the 2026-12-04 speed-up). The neighbour search
approximates the similarity of each document to its 40 candidate neighbours with numpy and
takes the exact sums only near the cut (:func:`_top_similar`): the neighbours and their
similarities are bit-identical to exact sums over every candidate. It
decides from the document's own coherence and works on any English text; the corpus and
``topic_terms`` are extra signals where present.
An embedding-based mode with the same hits is in :mod:`iicheck.quality.offtopic_semantic`.

Preparation (speed, caching)
----------------------------
``prepare_document(sentences) -> PreparedDoc`` does the text work once per document:
stemming (candidate split points and word offsets are found only for the sentences whose
clauses are examined). It is a pure function of the sentence
texts and returns plain tuples, strs, bytes and ints (picklable; cache it keyed on the texts and
``PREPARED_VERSION``; ship it between processes). ``corpus_stats`` takes
sentence lists or PreparedDocs; ``find_off_topic`` takes either, with identical results. The
audit path is:
prepare every document (in workers, cached), ``stats = corpus_stats(prepared)`` once, then
``find_off_topic(prepared[k], stats, topic_terms, own_index=k)`` per document: that last
call is all that re-runs when only the corpus changes.

How a sentence is scored
------------------------
Words are lower-cased, split at hyphens and apostrophes, stripped of stop words and of
generic words ("following", "put", "forward", "important", ...), of tokens containing digits
(figures and scraper tokens such as ``D201138L`` never count) and stemmed with a small suffix
stripper. Each word is weighted by ``idf ** idf_power``, IDF computed over the sentences of the
audited corpus plus the document. A word's **credit** is 1 when at least two other sentences
of the document use it, ``single_support`` when one does, else the share of the
``neighbours`` most similar corpus documents (TF-IDF cosine) that use it, times
``neighbour_weight`` and times their mean similarity / ``neighbour_sim`` (at most 1: words
from loosely related documents count in proportion to how related they are); a word of the
optional topic vocabulary always has credit 1. The
**support** of a sentence is the weighted mean credit of its distinct words. It is shrunk
toward the document's mean support by length (``(n * support + shrink * mean) / (n + shrink)``
with ``n`` content words: a short sentence shares few words by chance alone) and divided by
``mean ** relative`` so that loosely and tightly written documents are judged alike. Before
that, ``cosine_mix`` of the support is replaced by the sentence's TF-IDF cosine similarity
to the leave-one-out centroid of the document (plus the neighbour credit): a word the
document uses in many sentences then counts more than one it uses twice.
``OffTopicHit.score`` is the result: about 1 for a typical sentence of the document, **lower =
more off-topic**. A tail's score is the same quantity for the tail, where the head's words
also count as support.

Fires when
----------
* a sentence with at least ``min_words`` content words scores below ``threshold``; or
* a sentence (whose own support is below ``tail_gate``) splits into a head and a tail of at
  least ``min_part_words`` words each, not at a comma inside an enumeration (each
  comma-delimited segment next to the split has at least ``min_segment_words`` words), the
  tail has at least ``tail_min_content`` content words and opens a clause of its own (not a
  participle, relative word, modal or auxiliary verb, verb in -ed or attribution such as
  "..., said the official"; after " and ", a determiner, pronoun or capitalised word), the
  tail scores at most ``tail_threshold`` and the head at least ``head_min`` (then the tail is
  reported, not the sentence);
* and, per document, only the ``max(1, round(len(document) / cap_every))`` candidates furthest
  below their threshold are kept (a fixed threshold with a cap scaled by document length: a
  document-relative "lowest sentence" rule would flag every clean document).

Does not fire when
------------------
* the document has fewer than ``min_sentences`` sentences (too little context);
* the sentence is short (fewer than ``min_words`` content words) or mostly figures, codes or
  generic words;
* the sentence shares its weighted words with the rest of the document or with similar corpus
  documents, even if it is a digression in meaning: a foreign sentence that reuses the
  document's vocabulary ("backbone", "enterprise") is missed; so is a spliced tail made of
  words the document also uses. Meaning-level cases need the semantic mode. Documents whose
  sentences share few words at all (short, loosely written texts on topics the corpus does
  not cover) are where it errs most, both ways (see the benchmark README).

Options
-------
:class:`OffTopicParams` (defaults chosen by cross-validation over articles on the benchmark
in ``benchmarks/offtopic``; see its README for the measured figures). ``corpus`` is either
the other documents (sentence lists or PreparedDocs) or a :class:`CorpusStats` built once
with :func:`corpus_stats` over the whole audit (the examined document may be part of it; pass
``own_index`` or it is recognised by its word counts and not used as its own neighbour).
``topic_terms`` (e.g. the rules' topic vocabulary) are words that always count as on-topic.

Example
-------
>>> doc = ["Industrial internet platforms connect machines in the factory to cloud services.",
...        "The platform collects data from every machine on the production line.",
...        "Engineers use the machine data on the platform to plan maintenance before a failure.",
...        "Small factories rent platform services instead of building their own data systems.",
...        "My grandmother bakes an apple pie with cinnamon, butter and brown sugar every autumn.",
...        "A textile factory connected its machines to a regional platform last year.",
...        "The platform operator trains failure models with data from many factories."]
>>> [(h.sentence_index, h.part) for h in find_off_topic(doc)]
[(4, 'sentence')]
>>> find_off_topic(prepare_document(doc)) == find_off_topic(doc)
True
"""

from __future__ import annotations

import bisect
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from typing import AbstractSet, Collection, Mapping, Sequence, TypeVar

import numpy as np
import numpy.typing as npt

from .corpusstats import CorpusStats, corpus_stats
from .offtopic_prepare import (PREPARED_VERSION, PreparedDoc, Tokens, as_prepared, prepare_document,
                               sentence_tokens, split_points)
from .words import content_words

__all__ = [
    "OffTopicParams",
    "OffTopicHit",
    "CorpusStats",
    "PreparedDoc",
    "PREPARED_VERSION",
    "corpus_stats",
    "find_off_topic",
    "prepare_document",
    "content_words",
]


@dataclass(frozen=True)
class OffTopicParams:
    """Thresholds of the off-topic detector (defaults chosen by cross-validation)."""

    threshold: float = 0.45
    """Flag a sentence whose score (shrunk support / mean ** relative) is below this."""
    shrink: float = 4.0
    """Length shrinkage: pseudo-count of content words pulled toward the document mean."""
    single_support: float = 0.6
    """Credit for a word the rest of the document uses only once (twice or more: 1.0)."""
    min_words: int = 4
    """Sentences with fewer content words are never flagged as a whole."""
    cap_every: float = 4.0
    """Per-document cap: at most max(1, round(sentences / cap_every)) hits."""
    tail_threshold: float = 0.35
    """Flag a tail whose support (against rest of document + head) is at most this."""
    head_min: float = 0.8
    """...only when the head's (unshrunk, relative) support is at least this."""
    min_part_words: int = 5
    """Head and tail must each have at least this many words (all words, not only content)."""
    min_segment_words: int = 4
    """At a comma, the list-like segments on each side need this many words (no split inside
    enumerations)."""
    tail_min_content: int = 3
    """The tail must have at least this many content words."""
    skip_dependent_tails: bool = True
    """Ignore tails that open with a participle or relative word ("forming", "which", ...):
    they continue the head's clause, a splice glues on a clause of its own."""
    min_sentences: int = 5
    """Documents with fewer sentences are not examined."""
    idf_power: float = 1.0
    """Word weight = idf ** idf_power (0: every word counts the same)."""
    neighbours: int = 5
    """How many of the most similar corpus documents lend support to the document's words."""
    candidate_words: int = 30
    """Neighbour search: documents sharing one of the host's this many most weighted words."""
    max_candidates: int = 40
    """Neighbour search: at most this many candidate documents (those sharing the most)."""
    max_postings: int = 256
    """Neighbour search: a word used in more documents than this nominates no candidates."""
    neighbour_weight: float = 0.5
    """Credit for a word found only in the neighbour documents (scaled by their similarity)."""
    neighbour_sim: float = 0.45
    """Mean cosine similarity of the neighbours at which their credit is full (below it, the
    credit is scaled by mean similarity / neighbour_sim). 0.45 is above what the benchmark's
    documents reach (0.15-0.27 for same-topic articles, 0.06-0.15 otherwise), so there the
    credit is proportional to the neighbours' similarity; 0.15 (full credit for almost every
    same-topic document) lent more support to the foreign words of inserted sentences."""
    tail_shrink: float = 2.0
    """Length shrinkage of tail scores (pseudo-count of content words at the document mean)."""
    relative: float = 1.0
    """Divide scores by (document mean support) ** relative (0: absolute scores)."""
    tail_gate: float = 1.0
    """Tails are examined only in sentences whose unshrunk support is below this."""
    cosine_mix: float = 0.5
    """Mix into each sentence's support this share of its TF-IDF cosine similarity to the
    leave-one-out centroid of the document (unit sentence vectors summed, plus ``cosine_nb`` x
    the neighbour credit): words the document uses often count more than words used twice."""
    cosine_nb: float = 1.0
    """Weight of the neighbour documents' credit (and topic terms) in that centroid."""


RELATED_MIN = 0.15
"""A document whose nearest corpus documents have a mean similarity below this has no closely
related document in the audit: its hits rest on its own words alone. Chosen on the off-topic
benchmark (benchmarks/offtopic/README.md, "Confidence"): with the shipped defaults 25 of 26
hits were right at 0.15 or more, 19 of 32 below it."""


@dataclass(frozen=True)
class OffTopicHit:
    """One off-topic finding.

    ``score``: the sentence's (or tail's) support after length shrinkage, divided by the
    document's mean support ** ``relative``; about 1 for a typical sentence of the document,
    lower = more off-topic. ``start``/``end``: character offsets within the sentence text.
    """

    sentence_index: int
    start: int
    end: int
    part: str
    score: float
    words: tuple[str, ...]
    reason: str
    related: float | None = None
    """Lexical mode: the mean similarity of the document's nearest corpus documents (those whose
    words support its sentences; 0.0 with none); None in the semantic mode. Below
    RELATED_MIN the judgment rests on the document's own words alone, and is right about
    half as often (benchmarks/offtopic/README.md)."""


# --------------------------------------------------------------------------- scoring


_K = TypeVar("_K", str, int)


def _candidate_documents(host: Mapping[str, float], stats: CorpusStats,
                         params: "OffTopicParams") -> list[int]:
    """Documents sharing one of the host's most weighted words (inverted index), so the
    neighbour search costs O(candidates), not O(corpus); on small corpora that is all of them.

    A word in more than ``max_postings`` documents nominates none (it discriminates little and
    would make the search quadratic); if no word is left, a deterministic stride sample of the
    corpus stands in."""
    n = len(stats.docs)
    if not stats.postings or n <= params.max_candidates:
        return list(range(n))
    top = _by_value_desc(host)[:params.candidate_words]
    shared: Counter[int] = Counter()
    for w in top:
        docs = stats.postings.get(w, ())
        if len(docs) <= params.max_postings:
            shared.update(docs)
    if not shared:
        stride = max(1, n // params.max_candidates)
        return list(range(0, n, stride))[:params.max_candidates]
    return sorted(_by_value_desc(shared)[:params.max_candidates])


def _by_value_desc(counts: Mapping[_K, float]) -> list[_K]:
    """The keys by decreasing value, ties by increasing key (two C-level sorts: the second is
    stable, also with ``reverse=True``, so it keeps the key order among equal values)."""
    return sorted(sorted(counts), key=counts.__getitem__, reverse=True)


_MARGIN = 1e-9
"""Relative margin of the neighbour search: candidates whose approximate similarity is
within it of the k-th best one get their exact similarity (see :func:`_top_similar`)."""


def _segment_sums(values: npt.NDArray[np.float64], starts: list[int]) -> list[float]:
    """The sums of ``values[starts[i]:starts[i + 1]]`` (the last to the end), each a float sum
    in some order (what :func:`_top_similar` allows for); every segment must be non-empty
    (``reduceat`` gives an empty segment the next value, not 0)."""
    sums: list[float] = np.add.reduceat(values, starts).tolist()
    return sums


def _top_similar(weights: npt.NDArray[np.float64], lowest: float, hnorm: float,
                 candidates: Sequence[int], stats: CorpusStats,
                 k: int) -> list[tuple[float, int]]:
    """The ``k`` candidates most similar to the host, as ``(sim, j)`` by decreasing ``sim``
    then increasing ``j``, among those with a positive dot product: ``sim`` is
    ``fsum(host2[w] * count for the words w of document j the host uses) / (hnorm * norm_j)``
    where ``weights`` holds ``host2`` by column (0 elsewhere) and ``lowest`` is its least
    value.

    Exactly what computing every candidate's fsum and sorting gives, in less time: numpy
    computes every candidate's dot product approximately (one gather of the host's weights by
    the candidates' word columns, a product, a segmented sum), and the exact fsum is taken only
    for the candidates whose approximate similarity is within a relative margin of the k-th
    best one (usually k of them, not 40). Why that selects the same candidates: the products
    are non-negative (weights and counts are), so any float sum of the n products of a
    candidate, in any order, is within ``gamma = (n - 1) u / (1 - (n - 1) u)`` (``u = 2 **
    -53``) of the exact sum relative to it; the fsum is within ``u``, and both are divided by
    the same rounded ``hnorm * norm_j`` (``u`` each). An approximate similarity ``a`` is
    therefore within ``eps = gamma + 4u`` (to first order) of the exact one ``s``,
    relatively. If ``t`` is the k-th largest approximate similarity, the k candidates with
    ``a >= t`` have ``s >= t / (1 + eps)``, and a candidate with ``a < t (1 - margin)`` has
    ``s < t (1 - margin) / (1 - eps)``, strictly less when ``margin >= 2 eps + u`` (the ``u``
    for rounding ``t (1 - margin)``): it is beaten by k candidates, cannot tie with the k-th
    and is not needed. The margin used, ``max(1e-9, (3 n + 8) 2 ** -52)`` with ``n`` the
    longest candidate's number of words, is at least that (``gamma <= 1.01 (n - 1) u`` for
    any real document). A sum of non-negative floats is positive exactly when one term is, so
    the approximate dot product is positive exactly when the exact one is. The exact fsum is
    taken of the same products (``host2[w] * count`` is the IEEE product of the same two
    doubles in numpy and in Python, the count converted exactly; words of the candidate the
    host does not use add ``0.0``, which does not change an exactly rounded sum), so the
    similarities are bit-identical to the word-by-word computation. The bounds need no
    underflow: with weights (``count * idf ** 2``, idf at least 1) and counts at least 1,
    every non-zero product, sum and norm is at least 1; should a weight be below 1 (not with
    these weights), every candidate gets the exact fsum. ``tests/test_offtopic_fast.py``
    compares it with the plain sums, also with every approximate sum moved by the full bound.
    """
    candidates = [j for j in candidates if stats.docs[j]]  # an empty one: dot 0, never kept
    if not candidates or k <= 0:
        return []
    products = weights[np.concatenate([stats.columns[j] for j in candidates])]
    products *= np.concatenate([stats.counts[j] for j in candidates])
    lengths = [len(stats.docs[j]) for j in candidates]
    bounds = list(accumulate(lengths, initial=0))
    approx = _segment_sums(products, bounds[:-1])
    denominators = [hnorm * stats.norms[j] for j in candidates]
    if lowest >= 1.0:
        positive = [i for i, dot in enumerate(approx) if dot > 0]
        sims = [approx[i] / denominators[i] for i in positive]
        ranked = sorted(sims, reverse=True)
        margin = max(_MARGIN, (3 * max(lengths) + 8) * 2.0 ** -52)
        floor = ranked[k - 1] * (1.0 - margin) if len(ranked) > k else 0.0
        chosen = [i for i, s in zip(positive, sims) if s >= floor]
    else:
        chosen = list(range(len(candidates)))  # no error bound: every candidate exactly
    exact: list[tuple[float, int]] = []
    for i in chosen:
        # fsum: exact, so the order of the terms (and the 0.0 of unshared words) does not matter
        dot = math.fsum(products[bounds[i]:bounds[i + 1]].tolist())
        if dot > 0:
            exact.append((dot / denominators[i], candidates[i]))
    exact.sort(key=lambda t: (-t[0], t[1]))
    return exact[:k]


def _neighbour_credit(
    doc_df: Mapping[str, int], idf: Mapping[str, float], stats: CorpusStats,
    params: "OffTopicParams",
    own_index: int | None = None,
) -> tuple[dict[str, float], float]:
    """Credit of each word of the document from the most similar corpus documents, and their
    mean similarity (0.0 when none shares a word)."""
    if params.neighbours <= 0 or params.neighbour_weight <= 0 or not stats.docs:
        return {}, 0.0
    host = {w: c * idf[w] for w, c in doc_df.items()}
    values = list(host.values())
    hnorm = math.sqrt(sum(map(operator.mul, values, values))) or 1.0
    host2 = [v * idf[w] for w, v in host.items()]  # so that dot = sum(host2[w] * count)
    # the host's words' columns (a word no corpus document uses: the spare last one); the
    # statistics' scratch row (zero everywhere between calls) holds host2 by column for the
    # search, then the neighbours' similarities, and is cleared after each use: the work per
    # document stays proportional to its words, not to the corpus vocabulary
    columns = np.fromiter(map(stats.vocab.get, host, repeat(len(stats.vocab))), np.intp, len(host))
    scratch = stats.scratch
    candidates = [j for j in _candidate_documents(host, stats, params)
                  if j != own_index and stats.norms[j] and stats.docs[j] != doc_df]
    try:
        scratch[columns] = host2
        top = _top_similar(scratch, min(host2, default=1.0), hnorm, candidates, stats,
                           params.neighbours)
    finally:
        scratch[columns] = 0.0
    tot = sum(s for s, _ in top)
    if tot <= 0:
        return {}, 0.0
    scale = min(1.0, (tot / len(top)) / params.neighbour_sim) if params.neighbour_sim > 0 else 1.0
    # per word of the host: the sum of the similarities of the top documents that use it,
    # added in the order of ``top`` (0.0 + s1 + s2 ...: the same floats as a dict of sums);
    # similarities are positive, so a word is used by one of them exactly when its sum is
    try:
        for sim, j in top:
            scratch[stats.columns[j]] += sim  # a document's columns are distinct
        got = scratch[columns].tolist()
    finally:
        for _, j in top:
            scratch[stats.columns[j]] = 0.0
    factor = params.neighbour_weight * scale / tot
    return {w: factor * g for w, g in zip(host, got) if g > 0.0}, tot / len(top)


def _gains(doc_df: Mapping[str, int], weight: Mapping[str, float], nb: Mapping[str, float],
           extra: frozenset[str], single: float) -> dict[str, float]:
    """Per stem of the document: its weight times its credit in a sentence (or clause of a
    sentence) that uses it, where the rest of the document is every other sentence
    (``doc_df - 1`` of them use it): 1 from two or more, ``single`` from one, else the
    neighbour credit; a topic word gets its full weight."""
    gains: dict[str, float] = {}
    for st, c in doc_df.items():
        w = weight[st]
        if st in extra:
            gains[st] = w
            continue
        cr = 1.0 if c >= 3 else (single if c == 2 else 0.0)
        n = nb.get(st, 0.0)
        gains[st] = w * (cr if cr > n else n)
    return gains


def _support(stems: Collection[str], weight: Mapping[str, float], gains: Mapping[str, float],
             plus: AbstractSet[str] = frozenset()) -> float:
    """Weighted share of the distinct ``stems`` (all of one sentence, see :func:`_gains`) that
    the rest of the document, the neighbours or the topic support, in [0, 1]; a stem of
    ``plus`` counts as supported.

    Sums are exact (``math.fsum``), so the hash-dependent order of a set of stems cannot change
    the result in another process."""
    total = math.fsum(map(weight.__getitem__, stems))
    if total <= 0.0:
        return 1.0
    if plus:
        return math.fsum([weight[st] if st in plus else gains[st] for st in stems]) / total
    return math.fsum(map(gains.__getitem__, stems)) / total


def find_off_topic(
    document: Sequence[str] | PreparedDoc,
    corpus: Sequence[Sequence[str] | PreparedDoc] | CorpusStats = (),
    topic_terms: Sequence[str] = (),
    params: OffTopicParams = OffTopicParams(),
    own_index: int | None = None,
) -> list[OffTopicHit]:
    """Off-topic sentences and spliced tails in ``document`` (its sentence texts, or their
    :func:`prepare_document`: identical results).

    ``corpus``: the other documents (sentence lists or PreparedDocs; IDF is computed over them
    plus ``document``), or a :class:`CorpusStats` built once over the whole audit.
    ``own_index``: the document's position in a CorpusStats ``corpus`` when it is part of it
    (saves comparing it with every document to recognise it). ``topic_terms``: optional topic
    vocabulary (words or phrases) that counts as on-topic. Returns hits sorted by sentence
    index; deterministic, no I/O.
    """
    prep = as_prepared(document)
    n_sent = len(prep.texts)
    if n_sent < params.min_sentences:
        return []
    stats = corpus if isinstance(corpus, CorpusStats) else corpus_stats(corpus)
    ctx = _context(prep, stats, topic_terms, params, own_index)
    candidates: list[tuple[float, OffTopicHit]] = []
    for i in range(n_sent):
        hit = _examine(prep, i, ctx, params)
        if hit is not None:
            candidates.append(hit)
    cap = max(1, int(round(n_sent / params.cap_every)))
    candidates.sort(key=lambda c: (-c[0], c[1].sentence_index))
    kept = [h for _, h in candidates[:cap]]
    kept.sort(key=lambda h: h.sentence_index)
    return kept


@dataclass(frozen=True)
class _Context:
    """What scoring one document needs besides its sentences (built by :func:`_context`)."""

    doc_df: Mapping[str, int]
    weight: Mapping[str, float]
    gains: Mapping[str, float]
    nb: Mapping[str, float]
    extra: frozenset[str]
    raws: tuple[float, ...]
    scores: tuple[float, ...]
    mean: float
    norm: float
    related: float
    """The mean similarity of the nearest corpus documents (see OffTopicHit.related)."""


def _context(prep: PreparedDoc, stats: CorpusStats, topic_terms: Sequence[str],
             params: OffTopicParams, own_index: int | None) -> _Context:
    """Word weights, neighbour credit and every sentence's (shrunk, relative) score."""
    doc_df = dict(prep.counts)
    n_sent = len(prep.texts)
    own = own_index is not None or any(d == doc_df for d in stats.docs)
    n_units = stats.sentences + (0 if own else n_sent)
    idf: dict[str, float] = {}
    for stem, c in doc_df.items():
        if own and stem in stats.idf:
            idf[stem] = stats.idf[stem]  # the same formula, computed once for the corpus
            continue
        df = stats.df.get(stem, 0) + (0 if own else c)
        idf[stem] = math.log((n_units + 1) / (df + 1)) + 1.0
    power = params.idf_power
    weight = idf if power == 1.0 else {st: v ** power for st, v in idf.items()}  # x ** 1.0 == x
    nb, related = _neighbour_credit(doc_df, idf, stats, params, own_index)
    extra = _topic_stems(tuple(topic_terms))
    gains = _gains(doc_df, weight, nb, extra, params.single_support)
    raws = tuple(_support(st, weight, gains) for st in prep.stems)
    if params.cosine_mix > 0:
        cos = _centroid_cosines(prep.stems, weight, nb, extra, params.cosine_nb)
        m = params.cosine_mix
        raws = tuple((1 - m) * r + m * c for r, c in zip(raws, cos))
    valid = [r for r, st in zip(raws, prep.stems) if st]
    mean = sum(valid) / len(valid) if valid else 1.0
    k = params.shrink
    norm = mean ** params.relative if mean > 0 else 1.0
    scores = tuple((len(st) * r + k * mean) / (len(st) + k) / norm
                   for r, st in zip(raws, prep.stems))
    return _Context(doc_df, weight, gains, nb, extra, raws, scores, mean, norm, related)


@lru_cache(maxsize=8)
def _topic_stems(topic_terms: tuple[str, ...]) -> frozenset[str]:
    """The content stems of the topic vocabulary (memoised: the same for every document)."""
    return frozenset(st for term in topic_terms for st in content_words(term))


def _centroid_cosines(stems: Sequence[Sequence[str]], weight: Mapping[str, float],
                      nb: Mapping[str, float], extra: frozenset[str],
                      nb_weight: float) -> list[float]:
    """Per sentence: cosine similarity of its (unit, weighted) word vector to the sum of the
    other sentences' unit vectors plus ``nb_weight`` x the neighbour credit vector."""
    squares = {w: x ** 2 for w, x in weight.items()}
    units = []  # per sentence, the unit vector's components in the order of its stems
    for st in stems:
        n = math.sqrt(sum(map(squares.__getitem__, st))) or 1.0
        units.append([weight[w] / n for w in st])
    total: dict[str, float] = {}
    for st, xs in zip(stems, units):
        for w, x in zip(st, xs):
            total[w] = total.get(w, 0.0) + x
    for w, c in nb.items():
        total[w] = total.get(w, 0.0) + nb_weight * c * weight[w]
    for w in extra:
        if w in total:
            total[w] += nb_weight * weight[w]
    tnorm2 = math.fsum(x * x for x in total.values())  # exact: order-independent
    out = []
    for st, xs in zip(stems, units):
        if not xs:
            out.append(0.0)
            continue
        dot = sum(map(operator.mul, xs, map(total.__getitem__, st)))
        vv = sum(map(operator.mul, xs, xs))
        rest2 = max(tnorm2 - 2 * dot + vv, 1e-12)
        out.append(max(0.0, (dot - vv) / math.sqrt(rest2)))
    return out


def _examine(prep: PreparedDoc, i: int, ctx: _Context,
             params: OffTopicParams) -> tuple[float, OffTopicHit] | None:
    """The candidate hit of sentence ``i`` (tail or whole sentence) with its margin, if any."""
    text, stems = prep.texts[i], prep.stems[i]
    score = ctx.scores[i]
    flagged_sentence = len(stems) >= params.min_words and score < params.threshold
    if not flagged_sentence and ctx.raws[i] / ctx.norm >= params.tail_gate:
        return None  # neither the sentence nor a tail of it can be a candidate
    if not flagged_sentence and _tail_floor(stems, ctx, params) > params.tail_threshold + _MARGIN:
        return None  # no tail of it can score low enough (see _tail_floor)
    cuts = _clause_cuts(text, split_points(text), params)
    if not cuts and not flagged_sentence:
        return None  # no tail to examine: the words need not be found
    toks = sentence_tokens(text)
    tail = _best_tail(cuts, toks, ctx, params)
    if tail is not None:
        t_sup, h_sup, start, words = tail
        reason = (
            f"The clause from character {start} on shares few weighted words with the rest "
            f"of the document (score {t_sup:.2f}, about 1 is typical here) while the clause "
            f"before it does ({h_sup:.2f}): it looks spliced on from another text."
        )
        hit = OffTopicHit(i, start, len(text.rstrip()), "tail", round(t_sup, 4), words, reason, ctx.related)
        return params.tail_threshold - t_sup, hit
    if not flagged_sentence:
        return None
    words = tuple(dict.fromkeys(
        w for w, st in zip(toks.words, toks.stems)
        if st and st not in ctx.extra and ctx.doc_df[st] == 1 and ctx.nb.get(st, 0.0) < 0.25
    ))
    reason = (
        f"This sentence shares little with the rest of the document or with similar documents "
        f"(support {ctx.raws[i]:.2f} against a document mean of {ctx.mean:.2f}; score "
        f"{score:.2f} < {params.threshold:.2f}); words used nowhere else: "
        f"{', '.join(words[:8]) or '-'}."
    )
    start = len(text) - len(text.lstrip())
    hit = OffTopicHit(i, start, len(text.rstrip()), "sentence", round(score, 4), words, reason, ctx.related)
    return params.threshold - score, hit


def _tail_floor(stems: Sequence[str], ctx: _Context, params: OffTopicParams) -> float:
    """A lower bound of the score of every tail of a sentence with these content stems: a
    tail's support is a weighted mean of its stems' credits (a head stem's is 1), so at least
    the lowest of them and 1; shrunk toward the document mean, at least the smaller of that
    and the mean (no bound, -inf, with a negative ``tail_shrink``); divided by the norm. A
    sentence whose floor is above ``tail_threshold`` has no candidate tail, and its words and
    clauses need not be found."""
    if params.tail_shrink < 0:
        return -math.inf
    weight, gains = ctx.weight, ctx.gains
    low = min((gains[st] / weight[st] for st in stems if weight[st] > 0), default=1.0)
    return min(low, 1.0, ctx.mean) / ctx.norm  # a head word's credit is 1


def _clause_cuts(text: str, splits: Sequence[tuple[int, int]],
                 params: OffTopicParams) -> list[tuple[int, int]]:
    """The split points ``(separator start, cut)`` of a sentence where a clause of its own may
    begin (the checks that need the text only, so words are found only when one is left)."""
    cuts = []
    for sep_start, cut in splits:
        sep = text[sep_start:cut]
        if params.skip_dependent_tails and _dependent_tail(text, sep, cut):
            continue  # "..., forming a ...", "..., which ...": continues the head's clause
        if sep[0] in ",;:" and not _clause_boundary(text, sep_start, cut, params):
            continue  # a comma inside an enumeration ("Beijing, Shanghai, Guangzhou, ...")
        cuts.append((sep_start, cut))
    return cuts


def _best_tail(
    cuts: Sequence[tuple[int, int]],
    toks: Tokens,
    ctx: _Context,
    params: OffTopicParams,
) -> tuple[float, float, int, tuple[str, ...]] | None:
    """The most off-topic tail clause of a sentence (cut at one of its clause ``cuts``;
    ``toks`` its :func:`sentence_tokens`), if one qualifies (score shrunk)."""
    n_toks = len(toks.stems)
    if n_toks < 2 * params.min_part_words:
        return None
    best: tuple[float, float, int, tuple[str, ...]] | None = None
    for sep_start, cut in cuts:
        n_head = bisect.bisect_right(toks.ends, sep_start)  # words ending before it
        n_tail_start = bisect.bisect_left(toks.starts, cut)  # first word after the cut
        if n_head < params.min_part_words or n_toks - n_tail_start < params.min_part_words:
            continue
        h_st = set(toks.stems[:n_head])
        h_st.discard("")
        t_st = set(toks.stems[n_tail_start:])
        t_st.discard("")
        if len(t_st) < params.tail_min_content or not h_st:
            continue
        h_sup = _support(h_st, ctx.weight, ctx.gains) / ctx.norm
        if h_sup < params.head_min:
            continue
        t_sup = _support(t_st, ctx.weight, ctx.gains, h_st)
        kt = params.tail_shrink
        t_sup = (len(t_st) * t_sup + kt * ctx.mean) / (len(t_st) + kt) / ctx.norm
        if t_sup > params.tail_threshold:
            continue
        if best is None or t_sup < best[0] or (t_sup == best[0] and h_sup > best[1]):
            words = tuple(dict.fromkeys(
                w for w, st in zip(toks.words[n_tail_start:], toks.stems[n_tail_start:]) if st))
            best = (t_sup, h_sup, cut, words)
    return best


_COMMA_RE = re.compile(r"[,;:]")
_DEPENDENT = re.compile(
    r"(?:[A-Za-z]+ing|[A-Za-z]{2,}ed|which|who|whose|whom|where|while|whereas|including"
    r"|may|might|can|could|will|would|shall|should|must|is|are|was|were|has|have|had"
    r"|be|been|do|does|did|also|then|thus|hence|therefore|so|but|or|nor|as|than"
    r"|said|says|say|told|added|adds|noted|notes|according)\b",
    re.I,
)
"""Opening words of a tail that continues the head's clause (participle, relative word, modal
or auxiliary verb, a verb in -ed, an attribution such as "..., said the official"): a splice
glues on a clause of its own."""

_SUBJECT_START = re.compile(
    r"(?:[A-Z0-9]|(?:the|a|an|this|these|that|those|its|their|his|her|our|my|your|some|many"
    r"|most|several|all|each|every|both|no|few|it|they|he|she|we|you|i|there|one)\b)"
)
"""After " and ", a clause of its own starts with a subject: a determiner, a pronoun or a
capitalised word or figure ("... and the rate fell"); "... and cut costs" continues the head."""


def _dependent_tail(text: str, sep: str, cut: int) -> bool:
    """True when the tail starting at ``cut`` (after separator ``sep``) continues the head's
    clause rather than starting a clause of its own."""
    if _DEPENDENT.match(text, cut):
        return True
    return sep.strip() == "and" and not _SUBJECT_START.match(text, cut)


def _clause_boundary(text: str, left: int, right: int, params: OffTopicParams) -> bool:
    """True when the comma at [left, right) separates clauses rather than list items: the
    comma-delimited segments on both sides have at least ``params.min_segment_words`` words."""
    prev = max(text.rfind(",", 0, left), text.rfind(";", 0, left), text.rfind(":", 0, left)) + 1
    nxt = _COMMA_RE.search(text, right)
    seg_l = text[prev:left].split()
    seg_r = text[right: nxt.start() if nxt else len(text)].split()
    return len(seg_l) >= params.min_segment_words and len(seg_r) >= params.min_segment_words


