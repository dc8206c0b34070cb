"""The off-topic detector's fast paths equal the plain definitions they replace (random input)."""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from iicheck.quality import offtopic
from iicheck.quality import words as word_module
from iicheck.quality.offtopic import (
    OffTopicParams,
    _candidate_documents,
    _clause_boundary,
    _context,
    _neighbour_credit,
    _support,
    _top_similar,
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


_mixed_case = st.lists(st.sampled_from(_WORDS + ["Platform", "PLATFORMS", "Data's", "FERRY",
                                                 "isn't", "K", "İ", "ſ", "x"]),
                       max_size=20).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(_mixed_case, max_size=8), limit=st.integers(1, 6))
def test_memoised_stems_equal_the_plain_stems(texts: list[str], limit: int) -> None:
    """The token memo (cleared when it reaches ``limit`` entries here) gives each sentence's
    sorted distinct content stems, as the per-token definition does."""
    word_module._TOKEN_STEMS.clear()
    with mock.patch.object(word_module, "_TOKEN_STEMS_MAX", limit):
        for _ in range(2):  # cold, then from the memo
            prepared = prepare_document(texts)
            assert len(word_module._TOKEN_STEMS) <= limit
            for text, stems in zip(texts, prepared.stems, strict=True):
                plain = {_content_stem(w.lower()) for w in _WORD_RE.findall(text)} - {None}
                assert stems == tuple(sorted(plain))
            assert prepared.counts == tuple(sorted(Counter(
                s for stems in prepared.stems for s in stems).items()))


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
        return {}, 0.0
    scale = min(1.0, (tot / len(top)) / params.neighbour_sim)
    got: dict[str, float] = {}
    for sim, j in top:
        for w in host.keys() & stats.docs[j].keys():
            got[w] = got.get(w, 0.0) + sim
    return {w: params.neighbour_weight * scale / tot * g for w, g in got.items()}, tot / len(top)


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


# ----------------------------------------------------------- the numpy neighbour search


def _plain_top(host2, hnorm, candidates, stats, k):
    """The neighbour search as written before numpy: every candidate's exact fsum, sorted."""
    weigh = host2.get
    sims = []
    for j in candidates:
        d = stats.docs[j]
        dot = math.fsum([h * c for w, c in d.items() if (h := weigh(w)) is not None])
        if dot > 0:
            sims.append((dot / (hnorm * stats.norms[j]), j))
    sims.sort(key=lambda t: (-t[0], t[1]))
    return sims[:k]


def _plain_neighbour_credit(doc_df, idf, stats, params, own_index):
    """The neighbour credit as written before numpy (dicts, a word-by-word fsum per
    candidate, the credits summed in a dict)."""
    if params.neighbours <= 0 or params.neighbour_weight <= 0 or not stats.docs:
        return {}, 0.0
    host = {w: c * idf[w] for w, c in doc_df.items()}
    hnorm = math.sqrt(sum(v * v for v in host.values())) or 1.0
    host2 = {w: v * idf[w] for w, v in host.items()}
    candidates = [j for j in _candidate_documents(host, stats, params)
                  if j != own_index and stats.norms[j] and stats.docs[j] != doc_df]
    top = _plain_top(host2, hnorm, candidates, stats, params.neighbours)
    tot = sum(s for s, _ in top)
    if tot <= 0:
        return {}, 0.0
    scale = min(1.0, (tot / len(top)) / params.neighbour_sim) if params.neighbour_sim > 0 else 1.0
    got: dict[str, float] = {}
    for sim, j in top:
        for w in filter(host.__contains__, stats.docs[j]):
            got[w] = got.get(w, 0.0) + sim
    factor = params.neighbour_weight * scale / tot
    return {w: factor * g for w, g in got.items()}, tot / len(top)


@st.composite
def _corpora(draw: st.DrawFn) -> list[list[str]]:
    """Documents (tiny and empty ones included) and copies of some of them with their
    sentences shuffled: the same counts in another word order, so exactly tied similarities
    whose float sums (in another order) may differ in the last bit."""
    docs = draw(st.lists(_documents, min_size=1, max_size=8))
    for _ in range(draw(st.integers(0, 4))):
        copy = draw(st.permutations(draw(st.sampled_from(docs))))
        docs.insert(draw(st.integers(0, len(docs))), copy)
    return docs


def _bits(found: tuple[dict[str, float], float]) -> tuple[list[tuple[str, str]], str]:
    """The neighbour credit, and the neighbours' mean similarity, bit by bit."""
    credit, related = found
    return sorted((w, x.hex()) for w, x in credit.items()), related.hex()


@settings(max_examples=150, deadline=None)
@given(docs=_corpora(), outside=_documents, neighbours=st.integers(1, 6),
       max_candidates=st.integers(1, 10), max_postings=st.integers(1, 10))
def test_neighbour_credit_is_bit_identical_to_the_plain_sums(
        docs: list[list[str]], outside: list[str], neighbours: int, max_candidates: int,
        max_postings: int) -> None:
    params = OffTopicParams(neighbours=neighbours, max_candidates=max_candidates,
                            candidate_words=3, max_postings=max_postings)
    stats = corpus_stats(docs)
    for k, d in enumerate(stats.docs):
        idf = {w: math.log((stats.sentences + 1) / (stats.df[w] + 1)) + 1.0 for w in d}
        for own in (k, None):
            assert _bits(_neighbour_credit(d, idf, stats, params, own)) == _bits(
                _plain_neighbour_credit(d, idf, stats, params, own))
    # a document outside the corpus (its words counted into the IDF, as _context does)
    d = dict(prepare_document(outside).counts)
    n = stats.sentences + len(outside)
    idf = {w: math.log((n + 1) / (stats.df.get(w, 0) + c + 1)) + 1.0 for w, c in d.items()}
    assert _bits(_neighbour_credit(d, idf, stats, params)) == _bits(
        _plain_neighbour_credit(d, idf, stats, params, None))


@settings(max_examples=50, deadline=None)
@given(docs=_corpora(), outside=_documents)
def test_the_scratch_row_is_left_all_zero(docs: list[list[str]], outside: list[str]) -> None:
    """The neighbour search borrows the statistics' scratch row and clears it, also when the
    search fails half-way (a later document would otherwise see another's weights)."""
    import iicheck.quality.offtopic as offtopic

    params = OffTopicParams(neighbours=3, max_candidates=4, candidate_words=3, max_postings=5)
    stats = corpus_stats(docs)
    for d in [*stats.docs, dict(prepare_document(outside).counts)]:
        idf = {w: 1.0 + stats.df.get(w, 0) % 3 for w in d}
        _neighbour_credit(d, idf, stats, params)
        assert not stats.scratch.any()

        def failing(*args: object) -> list[tuple[float, int]]:
            raise RuntimeError("interrupted")

        real, offtopic._top_similar = offtopic._top_similar, failing
        try:
            _neighbour_credit(d, idf, stats, params)
        except RuntimeError:
            pass
        finally:
            offtopic._top_similar = real
        assert not stats.scratch.any()


@settings(max_examples=300, deadline=None)
@given(docs=_corpora(), data=st.data())
def test_top_similar_equals_every_exact_sum_sorted(docs: list[list[str]],
                                                   data: st.DataObject) -> None:
    """Any weights (also below 1: then every candidate is summed exactly), any candidates in
    any order, any k: the same (sim, j) as the exact fsum of every candidate."""
    stats = corpus_stats(docs)
    words = list(stats.vocab) + ["unused"]
    low = data.draw(st.sampled_from([1.0, 1e-3]))
    # weights with all 53 bits used: sums in another order then often differ in the last bit
    host2 = data.draw(st.dictionaries(st.sampled_from(words), st.integers(0, 2 ** 53).map(
        lambda i: low + 49.0 * i / 2 ** 53)))
    hnorm = data.draw(st.floats(1.0, 100.0))
    candidates = data.draw(st.permutations(range(len(stats.docs))))[
        :data.draw(st.integers(0, len(stats.docs)))]
    k = data.draw(st.integers(0, 6))
    weights = np.zeros(len(stats.vocab) + 1)
    for w, x in host2.items():
        weights[stats.vocab.get(w, len(stats.vocab))] = x
    lowest = min(host2.values(), default=1.0)
    assert _top_similar(weights, lowest, hnorm, candidates, stats, k) == _plain_top(
        host2, hnorm, candidates, stats, k)


@settings(max_examples=100, deadline=None)
@given(docs=_corpora())
def test_corpus_stats_arrays_and_counts_equal_the_dict_definitions(
        docs: list[list[str]]) -> None:
    stats = corpus_stats(docs)
    df: Counter[str] = Counter()
    postings: dict[str, list[int]] = {}
    for j, d in enumerate(stats.docs):
        df.update(d)
        for w in d:
            postings.setdefault(w, []).append(j)
        assert [stats.vocab[w] for w in d] == stats.columns[j].tolist()
        assert list(d.values()) == stats.counts[j].tolist()
    assert list(stats.df.items()) == list(df.items())  # the same order too
    assert all(type(c) is int for c in stats.df.values())
    assert list(stats.postings.items()) == [(w, tuple(js)) for w, js in postings.items()]
    assert list(stats.vocab) == list(df)


@settings(max_examples=300, deadline=None)
@given(docs=_corpora(), data=st.data())
def test_top_similar_is_exact_for_any_sums_within_the_error_bound(
        docs: list[list[str]], data: st.DataObject) -> None:
    """The margin argument, not only numpy's rounding: approximate sums moved by the largest
    error a float sum of n non-negative terms can have, gamma = (n - 1) u / (1 - (n - 1) u),
    up or down at random, still give the exact result (with the margin's 1e-9 floor removed,
    so the margin is the bound alone). Exact ties (the copies of documents) make a too small
    margin fail: the copy with the smaller index is pushed below the k-th."""
    stats = corpus_stats(docs)
    words = list(stats.vocab) + ["unused"]
    host2 = data.draw(st.dictionaries(st.sampled_from(words), st.integers(0, 2 ** 53).map(
        lambda i: 1.0 + 49.0 * i / 2 ** 53)))
    candidates = data.draw(st.permutations(range(len(stats.docs))))
    k = data.draw(st.integers(1, 6))
    signs = data.draw(st.lists(st.sampled_from([-1, 0, 1]), min_size=len(candidates),
                               max_size=len(candidates)))

    def worst_sums(values: np.ndarray, starts: list[int]) -> list[float]:
        out = []
        for i, (a, b) in enumerate(zip(starts, starts[1:] + [len(values)])):
            g = (b - a - 1) * 2.0 ** -53
            out.append(math.fsum(values[a:b].tolist()) * (1 + signs[i] * g / (1 - g)))
        return out

    weights = np.zeros(len(stats.vocab) + 1)
    for w, x in host2.items():
        weights[stats.vocab.get(w, len(stats.vocab))] = x
    with mock.patch.object(offtopic, "_segment_sums", worst_sums), \
            mock.patch.object(offtopic, "_MARGIN", 0.0):
        got = _top_similar(weights, min(host2.values(), default=1.0), 3.0, candidates, stats, k)
    assert got == _plain_top(host2, 3.0, candidates, stats, k)


def test_the_tail_floor_prunes_nothing_a_full_search_finds() -> None:
    """_tail_floor skips sentences no tail of which can qualify; with credits above 1
    (single_support or neighbour_weight above 1) and with the defaults, the hits are those of
    the full search (a review's counterexample had credits above 1)."""
    import iicheck.quality.offtopic as ot

    doc = ["Falcon harbour lantern orchid velvet, the falcon harbour lantern orchid glows.",
           "Falcon harbour lantern orchid velvet glows.", "Copper meadow thistle biscuit anchor.",
           "Copper meadow thistle biscuit anchor again.", "Pepper walnut ribbon candle marble.",
           "Pepper walnut ribbon candle marble again."]
    odd = ot.OffTopicParams(single_support=2.5, relative=0.0, tail_shrink=0.0, tail_threshold=1.5, tail_gate=10.0,
                            head_min=0.0, min_part_words=2, min_segment_words=1, cosine_mix=0.0, neighbours=0)
    for params in (odd, ot.OffTopicParams()):
        pruned = ot.find_off_topic(doc, params=params)
        floor = ot._tail_floor
        try:
            ot._tail_floor = lambda stems, ctx, params: -1.0  # type: ignore[assignment]
            full = ot.find_off_topic(doc, params=params)
        finally:
            ot._tail_floor = floor
        assert pruned == full
    assert pruned is not None and ot.find_off_topic(doc, params=odd)  # the case has a tail hit
