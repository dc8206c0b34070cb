"""The off-topic detector's fast paths equal the plain definitions they replace (random input)."""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from iicheck.quality.offtopic import (
    OffTopicParams,
    _candidate_documents,
    _clause_boundary,
    _context,
    _neighbour_credit,
    _support,
    corpus_stats,
    prepare_document,
)
from iicheck.quality.offtopic_prepare import SPLIT_RE, sentence_tokens
from iicheck.quality.words import _WORD_RE, _content_stem

_WORDS = ("platform platforms factory machine data network enterprise cloud sensor cinnamon "
          "butter striker goal harbor ferry island comet telescope the a of and with, in; for: "
          "- — 5G D201138L").split()

_documents = st.lists(
    st.lists(st.sampled_from(_WORDS), min_size=0, max_size=14).map(
        lambda ws: " ".join(ws).capitalize() + "."),
    min_size=0, max_size=9)

_texts = st.lists(st.sampled_from(list(" \t\n,;:-–—andxA'’") + ["and", " and ", ", ", " - "]),
                  max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=_texts)
def test_split_points_equal_the_two_alternative_pattern(text: str) -> None:
    reference = re.compile(r"[,;:]\s+|\s+and\s+|\s+[-–—]\s+")
    assert [m.span() for m in SPLIT_RE.finditer(text)] == [
        m.span() for m in reference.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=_texts, data=st.data())
def test_clause_boundary_equals_the_comma_scan(text: str, data: st.DataObject) -> None:
    left = data.draw(st.integers(0, len(text)))
    right = data.draw(st.integers(left, len(text)))
    params = OffTopicParams(min_segment_words=data.draw(st.integers(0, 3)))
    commas = re.compile(r"[,;:]")
    prev = max((m.end() for m in commas.finditer(text, 0, left)), default=0)
    nxt = commas.search(text, right)
    expected = (len(text[prev:left].split()) >= params.min_segment_words
                and len(text[right: nxt.start() if nxt else len(text)].split())
                >= params.min_segment_words)
    assert _clause_boundary(text, left, right, params) == expected


@settings(max_examples=100, deadline=None)
@given(doc=_documents)
def test_sentence_tokens_are_every_word_with_its_stem(doc: list[str]) -> None:
    for text in doc:
        toks = sentence_tokens(text)
        expected = [(m.start(), m.end(), m.group().lower(), _content_stem(m.group().lower()) or "")
                    for m in _WORD_RE.finditer(text)]
        assert list(zip(toks.starts, toks.ends, toks.words, toks.stems)) == expected


def _leave_one_out_support(stems, weight, rest, nb, extra, single, plus=frozenset()) -> float:
    """The support as defined: each word's credit from the other sentences' counts ``rest``."""
    weights, gots = [], []
    for s in set(stems):
        w = weight[s]
        weights.append(w)
        if s in extra or s in plus:
            gots.append(w)
            continue
        c = rest.get(s, 0)
        credit = 1.0 if c >= 2 else (single if c == 1 else 0.0)
        n = nb.get(s, 0.0)
        gots.append(w * (credit if credit > n else n))
    total = math.fsum(weights)
    return 1.0 if total <= 0.0 else math.fsum(gots) / total


@settings(max_examples=80, deadline=None)
@given(doc=_documents, others=st.lists(_documents, max_size=4), data=st.data())
def test_support_from_gains_equals_leave_one_out(doc: list[str], others: list[list[str]],
                                                   data: st.DataObject) -> None:
    params = OffTopicParams()
    prep = prepare_document(doc)
    stats = corpus_stats([prepare_document(o) for o in others] + [prep])
    ctx = _context(prep, stats, ("platform", "cloud"), params, len(others))
    for stems in prep.stems:
        rest = {s: c - (1 if s in stems else 0) for s, c in ctx.doc_df.items()}
        assert _support(stems, ctx.weight, ctx.gains) == _leave_one_out_support(
            stems, ctx.weight, rest, ctx.nb, ctx.extra, params.single_support)
        head = frozenset(data.draw(st.sets(st.sampled_from(stems))) if stems else ())
        tail = set(stems) - head
        assert _support(tail, ctx.weight, ctx.gains, head) == _leave_one_out_support(
            tail, ctx.weight, rest, ctx.nb, ctx.extra, params.single_support, head)


def _first_candidate_documents(host, stats, params):
    """The neighbour search's candidates as first written (sort keys, heapq)."""
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


def _intersection_neighbour_credit(doc_df, idf, stats, params, own_index):
    """The neighbour credit as first written: set intersections with every candidate."""
    host = {w: c * idf[w] for w, c in doc_df.items()}
    hnorm = math.sqrt(sum(v * v for v in host.values())) or 1.0
    host2 = {w: v * idf[w] for w, v in host.items()}
    sims = []
    assert _candidate_documents(host, stats, params) == _first_candidate_documents(
        host, stats, params)
    for j in _first_candidate_documents(host, stats, params):
        d = stats.docs[j]
        if j == own_index or not stats.norms[j] or d == doc_df:
            continue
        dot = math.fsum(host2[w] * d[w] for w in host.keys() & d.keys())
        if dot > 0:
            sims.append((dot / (hnorm * stats.norms[j]), j))
    sims.sort(key=lambda t: (-t[0], t[1]))
    top = sims[: params.neighbours]
    tot = sum(s for s, _ in top)
    if tot <= 0:
        return {}
    scale = min(1.0, (tot / len(top)) / params.neighbour_sim)
    got: dict[str, float] = {}
    for sim, j in top:
        for w in host.keys() & stats.docs[j].keys():
            got[w] = got.get(w, 0.0) + sim
    return {w: params.neighbour_weight * scale / tot * g for w, g in got.items()}


@settings(max_examples=60, deadline=None)
@given(docs=st.lists(_documents, min_size=1, max_size=8),
       max_candidates=st.integers(1, 6), neighbours=st.integers(1, 4),
       max_postings=st.integers(1, 8))
def test_neighbour_credit_equals_set_intersections(docs: list[list[str]], max_candidates: int,
                                                   neighbours: int, max_postings: int) -> None:
    params = OffTopicParams(max_candidates=max_candidates, neighbours=neighbours,
                            candidate_words=3, max_postings=max_postings)
    stats = corpus_stats(docs)
    for k, d in enumerate(stats.docs):
        idf = {w: math.log((stats.sentences + 1) / (stats.df[w] + 1)) + 1.0 for w in d}
        assert _neighbour_credit(d, idf, stats, params, k) == _intersection_neighbour_credit(
            d, idf, stats, params, k)
