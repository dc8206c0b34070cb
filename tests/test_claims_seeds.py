"""Claims extracted from the real seed texts: values, qualifiers, definitions, dates."""

from __future__ import annotations

import re
from datetime import date

import pytest

from iicheck.engine import build_corpus
from iicheck.ruleset import Ruleset
from iicheck.sources import load_sources

from .conftest import SEEDS


@pytest.fixture(scope="module")
def corpus(rules: Ruleset):
    return build_corpus(load_sources([SEEDS], rules), rules)


def _claim(corpus, source: str, figure: str):
    found = [c for c in corpus.claims if c.source == source and c.figure == figure]
    assert len(found) == 1, f"{source} {figure!r}: {[c.figure for c in corpus.claims if c.source == source]}"
    return found[0]


def test_every_span_quotes_the_file_exactly(corpus) -> None:
    for claim in corpus.claims:
        text = corpus.texts[claim.source]
        assert text[claim.span[0]:claim.span[1]] == claim.figure
        assert text[claim.sentence_span[0]:claim.sentence_span[1]] == claim.sentence


def test_all_stated_figures_found_and_no_years(corpus) -> None:
    figures = {(c.source, c.figure) for c in corpus.claims}
    expected = {
        ("000", "31"), ("000", "nearly 200,000"), ("000", "five"), ("000", "169"), ("000", "nearly 1,000"),
        ("000", "more than 150"), ("000", "Fifteen"), ("000", "14"), ("000", "140"), ("000", "more than 110,000"),
        ("001", "exceeded 1 billion"), ("001", "approximately 30"), ("001", "41"), ("001", "207"), ("001", "666"),
        ("001", "14"), ("001", "some 4.09 million"), ("001", "more than 60%"),
        ("002", "over 70"), ("002", "40 million"), ("002", "over 30"), ("002", "about 100"), ("002", "five"),
        ("002", "at least 200"),
        ("003", "20"), ("003", "six"), ("003", "49"), ("003", "1.35 trillion"), ("003", "1"),
        ("003", "approximately 4"), ("003", "more than 45,000"), ("003", "700"), ("003", "90%"), ("003", "41"),
        ("003", "64.9%"), ("003", "83.1%"), ("003", "421"), ("003", "more than 15,000"),
        ("004", "five"), ("004", "more than 50"), ("004", "exceeded 100000"), ("004", "exceeded 75%"),
        ("004", "four"),
    }
    assert expected <= figures
    assert len(corpus.claims) == 47
    for claim in corpus.claims:
        assert not re.fullmatch(r"(?:19|20)\d\d", claim.figure.split()[-1]), claim.figure


@pytest.mark.parametrize(("source", "figure", "qualifier", "low", "high", "definition"), [
    ("004", "more than 50", "more_than", 50, 60, "influential"),
    ("002", "over 70", "more_than", 70, 80, "influential"),
    ("000", "more than 150", "more_than", 150, 160, "influential"),
    ("000", "nearly 1,000", "nearly", 900, 1000, "all"),
    ("000", "Fifteen", "exact", 15, 15, "cross_industry"),
])
def test_platform_figures(corpus, source, figure, qualifier, low, high, definition) -> None:
    claim = _claim(corpus, source, figure)
    assert (claim.metric, claim.definition) == ("ii_platforms", definition)
    assert (claim.value.qualifier, claim.value.low, claim.value.high) == (qualifier, low, high)
    assert claim.modality == "achieved"


def test_platform_windows_recover_the_order_in_time(corpus) -> None:
    p004, p002, p000 = (_claim(corpus, s, f) for s, f in
                        (("004", "more than 50"), ("002", "over 70"), ("000", "more than 150")))
    assert p004.time.basis == "inferred" and p004.time.start == date(2019, 1, 1) and p004.time.end == date(2020, 12, 31)
    assert p002.time.basis == "metadata" and p002.time.end == date(2021, 2, 23)
    assert p000.time.basis == "inferred" and p000.time.start == date(2021, 1, 1)
    assert p004.time.start < p002.time.start < p000.time.start
    assert "2019" in p004.time.note and "2021" in p000.time.note


def test_publication_windows_and_their_basis(corpus) -> None:
    basis = {s.id: (s.published.basis, s.published.start, s.published.end) for s in corpus.sources}
    assert basis["001"] == ("url", date(2025, 6, 6), date(2025, 6, 6))
    assert basis["002"] == ("metadata", date(2021, 2, 23), date(2021, 2, 23))
    assert basis["003"] == ("metadata", date(2025, 6, 9), date(2025, 6, 9))
    assert basis["000"][0] == basis["004"][0] == "inferred"


def test_explicit_dates_targets_and_estimates(corpus) -> None:
    stations = _claim(corpus, "001", "some 4.09 million")
    assert stations.metric == "base_stations_5g" and stations.time.basis == "explicit"
    assert (stations.time.start, stations.time.end) == (date(2024, 9, 1), date(2024, 9, 30))
    target = _claim(corpus, "002", "at least 200")
    assert target.modality == "target" and target.time.start == date(2023, 1, 1)
    assert _claim(corpus, "003", "approximately 4").modality == "estimate"
    yuan = _claim(corpus, "003", "1.35 trillion")
    assert yuan.value.low == 1.35e12 and yuan.unit == "yuan" and yuan.metric == "core_industry_value_added"


def test_categories_are_two_metrics(corpus) -> None:
    assert _claim(corpus, "003", "49").metric == "national_economy_categories"
    assert _claim(corpus, "001", "41").metric == "industrial_categories"
