"""Tests of the off_topic detector (iicheck.quality.offtopic)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from iicheck.quality.offtopic import (
    OffTopicHit,
    OffTopicParams,
    content_words,
    corpus_stats,
    find_off_topic,
)

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
    _, docs = seed_docs()
    stats = corpus_stats(docs)
    assert sum(len(find_off_topic(d, stats)) for d in docs) <= 2


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


def test_params_are_frozen() -> None:
    p = OffTopicParams()
    with pytest.raises(Exception):
        p.threshold = 0.1  # type: ignore[misc]


def test_semantic_mode_logic_with_a_toy_encoder() -> None:
    np = pytest.importorskip("numpy")
    import zlib

    from iicheck.quality.offtopic_semantic import SemanticParams, find_off_topic_semantic

    def toy(texts):  # bag of content words hashed into 1024 dimensions, unit length
        out = np.zeros((len(texts), 1024))
        for i, t in enumerate(texts):
            for w in content_words(t):
                out[i, zlib.crc32(w.encode()) % 1024] += 1.0
            n = np.linalg.norm(out[i])
            out[i] = out[i] / n if n else out[i]
        return out

    doc = ON_TOPIC[:5] + [
        "My grandmother bakes an apple pie with cinnamon, butter and brown sugar every autumn."
    ] + ON_TOPIC[5:]
    params = SemanticParams(threshold=0.15)  # the toy encoder's similarities are lower
    hits = find_off_topic_semantic(doc, params=params, encoder=toy)
    assert [(h.sentence_index, h.part) for h in hits] == [(5, "sentence")]
    assert find_off_topic_semantic(doc, params=params, encoder=toy) == hits
    assert find_off_topic_semantic(ON_TOPIC, params=params, encoder=toy) == []
