"""Off-topic sentences: find a sentence, or the spliced tail of a sentence, that does not
belong to its document (the ``off_topic`` finding).

What it flags
-------------
``find_off_topic`` reads the sentences of one document and reports

* a **sentence** whose weighted words the rest of the document (and the most similar other
  documents of the audited corpus) do not use: spam or a scraper mixing two pages, e.g.
  "The backbone outside the enterprise is not very different from ordinary plastics in
  appearance." inside an article on industrial networks;
* the **tail** of a sentence, after a mid-sentence comma, semicolon, colon or " and ", when
  the head is on topic and the tail is not, e.g. "Based on this, with deepening the supply side
  structural reform and enabling the real economy as the main line, China's auto production and
  sales remain far ahead." (the span from "China's auto ..." to the end is reported).

It is lexical: no model, no download, pure Python, about 0.1-0.25 s per 1,000 sentences.
An embedding-based mode with the same hits is in :mod:`iicheck.quality.offtopic_semantic`.

How a sentence is scored
------------------------
Words are lower-cased, split at hyphens and apostrophes, stripped of stop words and of
generic words ("following", "put", "forward", "important", ...), of tokens containing digits
(figures and scraper tokens such as ``D201138L`` never count) and stemmed with a small suffix
stripper. Each word is weighted by ``idf ** idf_power``, IDF computed over the sentences of the
audited corpus plus the document. A word's **credit** is 1 when at least two other sentences
of the document use it, ``single_support`` when one does, else the share of the
``neighbours`` most similar corpus documents (TF-IDF cosine) that use it, times
``neighbour_weight``; a word of the optional topic vocabulary always has credit 1. The
**support** of a sentence is the weighted mean credit of its distinct words. It is shrunk
toward the document's mean support by length (``(n * support + shrink * mean) / (n + shrink)``
with ``n`` content words: a short sentence shares few words by chance alone) and divided by
``mean ** relative`` so that loosely and tightly written documents are judged alike.
``OffTopicHit.score`` is this value: about 1 for a typical sentence of the document, **lower =
more off-topic**. A tail's score is the same quantity for the tail, where the head's words
also count as support.

Fires when
----------
* a sentence with at least ``min_words`` content words scores below ``threshold``; or
* a sentence (whose own score is below ``tail_gate``) splits into a head and a tail of at
  least ``min_part_words`` words each, not at a comma inside an enumeration (each
  comma-delimited segment next to the split has at least ``min_segment_words`` words), the
  tail has at least ``tail_min_content`` content words and does not open with a participle
  or relative word ("forming ...", "which ..."), the tail scores at most
  ``tail_threshold`` and the head at least ``head_min`` (then the tail is reported, not the
  sentence);
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
  words the document also uses. Meaning-level cases need the semantic mode.

Options
-------
:class:`OffTopicParams` (defaults chosen by cross-validation over articles on the benchmark
in ``benchmarks/offtopic``; see its README for the measured figures). ``corpus`` is either
the other documents' sentence lists or a :class:`CorpusStats` built once with
:func:`corpus_stats` over the whole audit (the examined document may be part of it; it is
recognised and not used as its own neighbour). ``topic_terms`` (e.g. the rules' topic
vocabulary) are words that always count as on-topic.

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
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from .corpusstats import CorpusStats, corpus_stats
from .words import _tokens, content_words

__all__ = [
    "OffTopicParams",
    "OffTopicHit",
    "CorpusStats",
    "corpus_stats",
    "find_off_topic",
    "content_words",
]


@dataclass(frozen=True)
class OffTopicParams:
    """Thresholds of the off-topic detector (defaults chosen by cross-validation)."""

    threshold: float = 0.45
    """Flag a sentence whose score (shrunk support / mean ** relative) is below this."""
    shrink: float = 4.0
    """Length shrinkage: pseudo-count of content words pulled toward the document mean."""
    single_support: float = 0.3
    """Credit for a word the rest of the document uses only once (twice or more: 1.0)."""
    min_words: int = 4
    """Sentences with fewer content words are never flagged as a whole."""
    cap_every: float = 6.0
    """Per-document cap: at most max(1, round(sentences / cap_every)) hits."""
    tail_threshold: float = 0.45
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
    neighbour_sim: float = 0.15
    """Mean cosine similarity of the neighbours at which their credit is full."""
    tail_shrink: float = 2.0
    """Length shrinkage of tail scores (pseudo-count of content words at the document mean)."""
    relative: float = 1.0
    """Divide scores by (document mean support) ** relative (0: absolute scores)."""
    tail_gate: float = 1.0
    """Tails are examined only in sentences whose unshrunk support is below this."""


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


# --------------------------------------------------------------------------- scoring

_SPLIT_RE = re.compile(r"[,;:]\s+|\s+and\s+|\s+[-–—]\s+")


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
    top = sorted(host, key=lambda w: (-host[w], w))[:params.candidate_words]
    shared: Counter[int] = Counter()
    for w in top:
        docs = stats.postings.get(w, ())
        if len(docs) <= params.max_postings:
            shared.update(docs)
    if not shared:
        stride = max(1, n // params.max_candidates)
        return list(range(0, n, stride))[:params.max_candidates]
    return sorted(heapq.nsmallest(params.max_candidates, shared, key=lambda j: (-shared[j], j)))


def _neighbour_credit(
    doc_df: Mapping[str, int], idf: Mapping[str, float], stats: CorpusStats, params: "OffTopicParams",
    own_index: int | None = None,
) -> dict[str, float]:
    """Credit of each word of the document from the most similar corpus documents."""
    if params.neighbours <= 0 or params.neighbour_weight <= 0 or not stats.docs:
        return {}
    host = {w: c * idf[w] for w, c in doc_df.items()}
    hnorm = math.sqrt(sum(v * v for v in host.values())) or 1.0
    sims: list[tuple[float, int]] = []
    for j in _candidate_documents(host, stats, params):
        d = stats.docs[j]
        if j == own_index or d == doc_df or not stats.norms[j]:
            continue  # the document itself
        dot = 0.0
        for w, v in host.items():
            c = d.get(w)
            if c:
                dot += v * c * idf[w]
        if dot > 0:
            sims.append((dot / (hnorm * stats.norms[j]), j))
    sims.sort(key=lambda t: (-t[0], t[1]))
    top = sims[: params.neighbours]
    tot = sum(s for s, _ in top)
    if tot <= 0:
        return {}
    scale = min(1.0, (tot / len(top)) / params.neighbour_sim) if params.neighbour_sim > 0 else 1.0
    credit: dict[str, float] = {}
    for w in doc_df:
        got = sum(s for s, j in top if w in stats.docs[j])
        if got:
            credit[w] = params.neighbour_weight * scale * got / tot
    return credit


def _support(
    stems: Iterable[str],
    weight: Mapping[str, float],
    rest: Mapping[str, int],
    nb: Mapping[str, float],
    extra: frozenset[str],
    single: float,
    plus: frozenset[str] = frozenset(),
) -> float:
    """Weighted share of the distinct ``stems`` that the context supports, in [0, 1]."""
    total = 0.0
    got = 0.0
    for st in set(stems):
        w = weight[st]
        total += w
        if st in extra or st in plus:
            got += w
            continue
        c = rest.get(st, 0)
        cr = 1.0 if c >= 2 else (single if c == 1 else 0.0)
        n = nb.get(st, 0.0)
        got += w * (cr if cr > n else n)
    if total <= 0.0:
        return 1.0
    return got / total


def find_off_topic(
    document: Sequence[str],
    corpus: Sequence[Sequence[str]] | CorpusStats = (),
    topic_terms: Sequence[str] = (),
    params: OffTopicParams = OffTopicParams(),
    own_index: int | None = None,
) -> list[OffTopicHit]:
    """Off-topic sentences and spliced tails in ``document`` (a list of sentence texts).

    ``own_index``: the document's position in a CorpusStats ``corpus`` when it is part of it
    (saves comparing it with every document to recognise it).

    ``corpus``: the other documents' sentences (IDF is computed over them plus ``document``),
    or a :class:`CorpusStats` built over the whole audit. ``topic_terms``: optional topic
    vocabulary (words or phrases) that counts as on-topic. Returns hits sorted by sentence
    index; deterministic, no I/O.
    """
    n_sent = len(document)
    if n_sent < params.min_sentences:
        return []
    toks = [_tokens(s) for s in document]
    stems = [[t[2] for t in tk if t[2] is not None] for tk in toks]
    sets = [set(st) for st in stems]

    doc_df: Counter[str] = Counter()
    for st in sets:
        doc_df.update(st)
    stats = corpus if isinstance(corpus, CorpusStats) else corpus_stats(corpus)
    own = own_index is not None or any(d == doc_df for d in stats.docs)
    n_units = stats.sentences + (0 if own else n_sent)
    idf: dict[str, float] = {}
    for stem, c in doc_df.items():
        df = stats.df.get(stem, 0) + (0 if own else c)
        idf[stem] = math.log((n_units + 1) / (df + 1)) + 1.0
    weight = {st: v ** params.idf_power for st, v in idf.items()}
    nb = _neighbour_credit(doc_df, idf, stats, params, own_index)
    extra = frozenset(st for term in topic_terms for st in content_words(term))

    raws: list[float] = []
    for st in sets:
        raws.append(_support(st, weight, _Minus(doc_df, st), nb, extra, params.single_support))
    valid = [r for r, st in zip(raws, sets) if st]
    mean = sum(valid) / len(valid) if valid else 1.0
    k = params.shrink
    norm = mean ** params.relative if mean > 0 else 1.0
    scores = [(len(st) * r + k * mean) / (len(st) + k) / norm for r, st in zip(raws, sets)]

    candidates: list[tuple[float, OffTopicHit]] = []
    for i, text in enumerate(document):
        flagged_sentence = len(sets[i]) >= params.min_words and scores[i] < params.threshold
        tail = None
        if flagged_sentence or raws[i] / norm < params.tail_gate:
            tail = _best_tail(
                text, toks[i], weight, _Minus(doc_df, sets[i]), nb, extra, params, mean, norm
            )
        if tail is not None:
            t_sup, h_sup, start, words = tail
            end = len(text.rstrip())
            reason = (
                f"The clause from character {start} on shares few weighted words with the rest "
                f"of the document (score {t_sup:.2f}, about 1 is typical here) while the clause "
                f"before it does ({h_sup:.2f}): it looks spliced on from another text."
            )
            margin = params.tail_threshold - t_sup
            candidates.append(
                (margin, OffTopicHit(i, start, end, "tail", round(t_sup, 4), words, reason))
            )
            continue
        if flagged_sentence:
            rest = _Minus(doc_df, sets[i])
            words = tuple(
                dict.fromkeys(
                    surf.lower()
                    for _, _, st, surf in toks[i]
                    if st is not None and st not in extra and rest.get(st, 0) == 0
                    and nb.get(st, 0.0) < 0.25
                )
            )
            start = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            reason = (
                f"Only {raws[i]:.0%} of this sentence's weighted words are used elsewhere in the "
                f"document or in similar documents (score {scores[i]:.2f} < "
                f"{params.threshold:.2f}); unmatched words: {', '.join(words[:8]) or '-'}."
            )
            margin = params.threshold - scores[i]
            candidates.append(
                (margin, OffTopicHit(i, start, end, "sentence", round(scores[i], 4), words, reason))
            )

    cap = max(1, int(round(n_sent / params.cap_every)))
    candidates.sort(key=lambda c: (-c[0], c[1].sentence_index))
    kept = [h for _, h in candidates[:cap]]
    kept.sort(key=lambda h: h.sentence_index)
    return kept


class _Minus(Mapping[str, int]):
    """counts minus one for each key of ``own`` (leave-one-out view, no copy)."""

    __slots__ = ("_c", "_own")

    def __init__(self, counts: Mapping[str, int], own: set[str]):
        self._c = counts
        self._own = own

    def __getitem__(self, key: str) -> int:
        return self.get(key)

    def get(self, key, default=0):  # type: ignore[override]
        v = self._c.get(key)
        if v is None:
            return default
        return v - (1 if key in self._own else 0)

    def __iter__(self):
        return iter(self._c)

    def __len__(self) -> int:
        return len(self._c)


def _best_tail(
    text: str,
    toks: list[tuple[int, int, str | None, str]],
    weight: Mapping[str, float],
    rest: Mapping[str, int],
    nb: Mapping[str, float],
    extra: frozenset[str],
    params: OffTopicParams,
    mean: float,
    norm: float,
) -> tuple[float, float, int, tuple[str, ...]] | None:
    """The most off-topic tail clause of a sentence, if one qualifies (score shrunk)."""
    if len(toks) < 2 * params.min_part_words:
        return None
    best: tuple[float, float, int, tuple[str, ...]] | None = None
    for m in _SPLIT_RE.finditer(text):
        cut = m.end()
        n_head = 0
        while n_head < len(toks) and toks[n_head][1] <= m.start():
            n_head += 1
        n_tail_start = n_head
        while n_tail_start < len(toks) and toks[n_tail_start][0] < cut:
            n_tail_start += 1
        if n_head < params.min_part_words or len(toks) - n_tail_start < params.min_part_words:
            continue
        if m.group(0)[0] in ",;:" and not _clause_boundary(text, m.start(), cut, params):
            continue  # a comma inside an enumeration ("Beijing, Shanghai, Guangzhou, ...")
        if params.skip_dependent_tails and _DEPENDENT.match(text, cut):
            continue  # "..., forming a ...", "..., which ...": continues the head's clause
        h_st = {t[2] for t in toks[:n_head] if t[2] is not None}
        t_st = {t[2] for t in toks[n_tail_start:] if t[2] is not None}
        if len(t_st) < params.tail_min_content or not h_st:
            continue
        h_sup = _support(h_st, weight, rest, nb, extra, params.single_support) / norm
        if h_sup < params.head_min:
            continue
        t_sup = _support(t_st, weight, rest, nb, extra, params.single_support, frozenset(h_st))
        kt = params.tail_shrink
        t_sup = (len(t_st) * t_sup + kt * mean) / (len(t_st) + kt) / norm
        if t_sup > params.tail_threshold:
            continue
        if best is None or t_sup < best[0] or (t_sup == best[0] and h_sup > best[1]):
            words = tuple(
                dict.fromkeys(t[3].lower() for t in toks[n_tail_start:] if t[2] is not None)
            )
            best = (t_sup, h_sup, cut, words)
    return best


_COMMA_RE = re.compile(r"[,;:]")
_DEPENDENT = re.compile(r"(?:[A-Za-z]+ing|which|who|whose|where|while|whereas|including)\b", re.I)


def _clause_boundary(text: str, left: int, right: int, params: OffTopicParams) -> bool:
    """True when the comma at [left, right) separates clauses rather than list items: the
    comma-delimited segments on both sides have at least ``params.min_segment_words`` words."""
    prev = max((m.end() for m in _COMMA_RE.finditer(text, 0, left)), default=0)
    nxt = _COMMA_RE.search(text, right)
    seg_l = text[prev:left].split()
    seg_r = text[right: nxt.start() if nxt else len(text)].split()
    return len(seg_l) >= params.min_segment_words and len(seg_r) >= params.min_segment_words

__all__ = ["CorpusStats", "OffTopicHit", "OffTopicParams", "content_words", "corpus_stats", "find_off_topic"]
