"""Source-quality checks on the real seeds (exact findings) and on small synthetic texts."""

from __future__ import annotations

import dataclasses
import functools
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iicheck.checks import (
    anachronism,
    artifact,
    boilerplate,
    duplicate_text,
    enumeration_mismatch,
    off_topic,
    terminology,
)
from iicheck.checks.corpus import Corpus
from iicheck.engine import AuditOptions, audit, build_corpus
from iicheck.models import Finding
from iicheck.quality import score
from iicheck.quality.score import source_quality
from iicheck.ruleset import Ruleset
from iicheck.sources import load_sources

from .conftest import RULES, SEEDS

MODULES = (anachronism, artifact, boilerplate, duplicate_text, enumeration_mismatch, off_topic, terminology)


@pytest.fixture(scope="module")
def seeds(rules: Ruleset) -> Corpus:
    return build_corpus(load_sources([SEEDS], rules), rules)


def corpus_of(tmp_path: Path, rules: Ruleset, **texts: str) -> Corpus:
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return build_corpus(load_sources([tmp_path], rules), rules)


def highlights(findings: list[Finding]) -> list[tuple[str, str, tuple[str | None, ...]]]:
    return [(f.kind, f.evidence[0].source, tuple(e.figure for e in f.evidence)) for f in findings]


# ------------------------------------------------------------------ the seeds, exactly


def test_artifact_seeds(seeds: Corpus, rules: Ruleset) -> None:
    found = list(artifact.check(seeds, rules))
    assert highlights(found) == [("artifact", "000", ("D201138L",) * 5)]
    assert found[0].details["occurrences"] == 5
    assert len({e.figure_span for e in found[0].evidence}) == 5


def test_boilerplate_seeds(seeds: Corpus, rules: Ruleset) -> None:
    found = [(f.evidence[0].source, f.details["pattern"], f.evidence[0].figure)
             for f in boilerplate.check(seeds, rules)]
    assert found == [
        ("001", "editor_line", "Editor: Li Xiaoqiong"),
        ("003", "nav_line", "Nav Search"),
        ("003", "byline", "By Qiu Ping Source: en.qstheory.cn Updated: 2025-06-09"),
        ("003", "editor_line", "Editor: Li Xiaoqiong"),
        ("004", "nav_line", "• Detail"),
        ("004", "copyright", "Copyright © 2011 JIN SHI"),
        ("004", "section_label", "China Construction machinery information"),
    ]


def test_terminology_seeds(seeds: Corpus, rules: Ruleset) -> None:
    found = list(terminology.check(seeds, rules))
    assert [(f.evidence[0].source, f.details["variant"], f.details["occurrences"], len(f.evidence))
            for f in found] == [
        ("000", "sign construction", 1, 1),
        ("002", "individual internet", 1, 1),
        ("003", "identity resolution", 1, 1),
        ("004", "logo analysis", 1, 1),
        ("004", "industrial interconnection", 24, 5),
    ]
    assert all(e.figure and e.figure.lower() == f.details["variant"] for f in found for e in f.evidence)
    assert "24 times" in found[-1].message


def test_enumeration_mismatch_seeds(seeds: Corpus, rules: Ruleset) -> None:
    found = list(enumeration_mismatch.check(seeds, rules))
    assert highlights(found) == [("enumeration_mismatch", "004", ('"East, West, North and South" five',))]
    assert found[0].details["stated"] == 5


def test_anachronism_seeds(seeds: Corpus, rules: Ruleset) -> None:
    found = list(anachronism.check(seeds, rules))
    assert highlights(found) == [("anachronism", "004", ("Copyright © 2011", "2019"))]
    assert "2011" in found[0].message and "2019" in found[0].message


def test_duplicate_text_seeds(seeds: Corpus, rules: Ruleset) -> None:
    found = list(duplicate_text.check(seeds, rules))
    line = "development of industrial interconnection to promote the high-quality development of manufacturing industry"
    assert highlights(found) == [("duplicate_text", "004", (f"Accelerate the {line}", f"accelerate the {line}"))]


def test_off_topic_seeds_at_most_the_two_004_cases(seeds: Corpus, rules: Ruleset) -> None:
    found = list(off_topic.check(seeds, rules))
    assert len(found) <= 2
    allowed = ("ordinary plastics", "auto production")
    assert all(f.evidence[0].source == "004" and any(a in (f.evidence[0].figure or "") for a in allowed)
               for f in found)


def test_fingerprints_unique_and_evidence_within_sentence(seeds: Corpus, rules: Ruleset) -> None:
    findings = [f for m in MODULES for f in m.check(seeds, rules)]
    assert len({f.fingerprint for f in findings}) == len(findings)
    for f in findings:
        assert f.kind in {m.KIND for m in MODULES} and f.message and f.evidence
        for e in f.evidence:
            assert e.figure_span is not None
            assert e.span[0] <= e.figure_span[0] < e.figure_span[1] <= e.span[1]
            assert seeds.texts[e.source][slice(*e.figure_span)] == e.figure


def test_checks_are_deterministic(seeds: Corpus, rules: Ruleset) -> None:
    for m in MODULES:
        assert list(m.check(seeds, rules)) == list(m.check(seeds, rules))


# ------------------------------------------------------------------ synthetic cases

CLEAN = (
    "Industrial internet platforms connect factory equipment to cloud services. "
    "The platforms collect equipment data and help factories plan maintenance. "
    "In 2023, factories in the province connected more equipment to industrial platforms. "
    "The plan has four parts: funding, training, standards and security. "
    "Platform services for small factories cost less than building their own systems. "
    "Equipment data on the platform warns factories before machines fail. "
    "The province aims to connect 5G networks in every factory by 2027.\n"
)


def test_clean_text_gives_no_findings(tmp_path: Path, rules: Ruleset) -> None:
    corpus = corpus_of(tmp_path, rules, clean=CLEAN)
    assert [f for m in MODULES for f in m.check(corpus, rules)] == []


def test_synthetic_positives(tmp_path: Path, rules: Ruleset) -> None:
    text = ("Updated: 2021-03-01\n\n"
            "The plan has three parts: funding, training, standards and security. "
            "The ministry issued the plan&nbsp;in March, and China\u00e2\u20ac\u2122s factories joined it. "
            "By November 2021, 300 factories had joined the plan. "
            "Made in China 2025 guides the work, and the 2015 plan set its goals.\n")
    corpus = corpus_of(tmp_path, rules, doc=text)
    assert highlights(list(enumeration_mismatch.check(corpus, rules))) == [
        ("enumeration_mismatch", "doc", ("three parts: funding, training, standards and security",))]
    assert sorted(f.details["token"] for f in artifact.check(corpus, rules)) == ["&nbsp;", "\u00e2\u20ac\u2122"]
    assert highlights(list(anachronism.check(corpus, rules))) == [
        ("anachronism", "doc", ("2021-03-01", "2021"))]


def test_partial_including_list_and_agreeing_counts_do_not_fire(tmp_path: Path, rules: Ruleset) -> None:
    text = ("The plan covers five areas, including funding, training and security. "
            "It names two goals: speed and safety. "
            "It lists three steps: plan, build, test, etc.\n")
    corpus = corpus_of(tmp_path, rules, doc=text)
    assert list(enumeration_mismatch.check(corpus, rules)) == []
    (tmp_path / "more").mkdir()
    more = corpus_of(tmp_path / "more", rules,
                     doc="The plan covers two areas, including funding, training and security.\n")
    assert [f.details["stated"] for f in enumeration_mismatch.check(more, rules)] == [2]


def test_off_topic_finds_an_inserted_sentence(tmp_path: Path, rules: Ruleset) -> None:
    doc = ("Industrial internet platforms connect factory equipment to cloud services. "
           "The platforms collect equipment data and help factories plan maintenance. "
           "Factories in the province connected more equipment to industrial platforms last year. "
           "Platform services for small factories cost less than building their own systems. "
           "My grandmother's apple pie recipe uses cinnamon, butter and brown sugar. "
           "Equipment data on the platform warns factories before machines fail.\n")
    corpus = corpus_of(tmp_path, rules, doc=doc)
    found = list(off_topic.check(corpus, rules))
    assert [(f.evidence[0].figure or "")[:24] for f in found] == ["My grandmother's apple p"]
    assert "score" in found[0].message and "cinnamon" in found[0].message


def test_hostile_input_does_not_crash(tmp_path: Path, rules: Ruleset) -> None:
    text = ("<script>alert('x')</script> Industrial internet platforms grew. " + "a" * 5000 + "\n\n"
            "\ufffd\x01 [caption id=1] <div class=\"x\"> &#x27; D201138L " + "(" * 2000 + "\n")
    corpus = corpus_of(tmp_path, rules, hostile=text)
    kinds = {f.details.get("pattern") for f in artifact.check(corpus, rules)}
    assert {"markup", "mojibake", "control", "code"} <= kinds
    for m in MODULES:
        list(m.check(corpus, rules))


def test_number_words_in_any_case_the_pattern_accepts(tmp_path: Path, rules: Ruleset) -> None:
    # the pattern ignores case as Python's re does: "ı" and "İ" are an "i", "ſ" an "s"
    corpus = corpus_of(tmp_path, rules, a="The plan has fıve aspects: funding, training and standards.\n\n"
                                          "The plan has ſIX aspects: funding, training and standards.\n")
    found = list(enumeration_mismatch.check(corpus, rules))
    assert [f.details["stated"] for f in found] == [5, 6]


# ------------------------------------------------------------------ score


def test_source_quality(seeds: Corpus, rules: Ruleset) -> None:
    assert source_quality([], 24) == (100.0, {})
    lexical = [m for m in MODULES if m is not off_topic]  # the off-topic detector is tuned elsewhere
    found = [f for m in lexical for f in m.check(seeds, rules) if f.evidence[0].source == "000"]
    score, counts = source_quality(found, len(seeds.sentences["000"]))
    assert counts == {"artifact": 1, "terminology": 1}
    assert score == 86.5  # 100 - 100 * (2 * 3 + 0.5) / (2 * 24)
    worst = [f for m in lexical for f in m.check(seeds, rules) if f.evidence[0].source == "004"]
    assert 0.0 <= source_quality(worst, 1)[0] < source_quality(worst, 36)[0] < 100.0


_TERM_WORDS = ["logo", "analysis", "sign", "construction", "industrial", "interconnection",
               "individual", "internet", "identity", "resolution", "Logo", "SIGN", "the", "of",
               "İdentity", "ıdentity", "ſign", "-", "sign-"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_TERM_WORDS), min_size=1, max_size=12), min_size=1, max_size=6),
       st.sampled_from([" ", "  ", "\n", " - "]))
def test_terminology_finds_what_each_variant_matcher_finds_sentence_by_sentence(
        rules: Ruleset, sentences: list[list[str]], gap: str) -> None:
    """The one pass over the whole text, and the substring search for where matches can
    start, change nothing (the terms without their context and exceptions, which
    tests/test_terminology_scope.py covers)."""
    from iicheck.checks.corpus import SourceDoc
    from iicheck.segment import split_sentences

    rules = _unscoped(rules)
    text = "\n\n".join(gap.join(words) + "." for words in sentences)
    doc = SourceDoc("x", None, tuple(split_sentences("x", text)))
    expected = []
    for _, variant, _, regex, _, _ in terminology._terms(rules):
        places = [(s.start + m.start(), s.start + m.end()) for s in doc.sentences for m in regex.finditer(s.text)]
        if places:
            expected.append((variant, len(places), places[:terminology.MAX_EVIDENCE]))
    found = [(f.details["variant"], f.details["occurrences"], [e.figure_span for e in f.evidence])
             for f in terminology.check_source(doc, rules)]
    assert found == expected


@functools.lru_cache(maxsize=1)
def _unscoped(rules: Ruleset) -> Ruleset:
    """`rules` with every terminology entry's `context` and `not_in` emptied."""
    terms = [t.model_copy(update={"context": [], "not_in": []}) for t in rules.quality.terminology]
    return dataclasses.replace(rules, quality=rules.quality.model_copy(update={"terminology": terms}))


def _scored(tmp_path: Path, texts: dict[str, str]) -> dict[str, tuple[float | None, str | None]]:
    folder = tmp_path / "s"
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    shutil.copy(next(SEEDS.glob("002*.txt")), folder)  # a real source beside them
    report = audit(AuditOptions(sources=(folder,), rules=RULES)).report
    return {s.id: (s.quality_score, s.quality_note) for s in report.sources}


def test_a_source_with_nothing_quotable_scores_zero(tmp_path: Path) -> None:
    """A page of nothing but furniture cannot be quoted: 0 with the reason, not the 87.5 its five
    cheap boilerplate findings gave. A fact sheet of bullet lines (headings, no body sentence),
    a sentence with a short boilerplate tail, and the real source keep the formula's score."""
    scored = _scored(tmp_path, {
        "menu": "Home | News | About us | Contact\nNav Search\n• Detail\nEditor: Wang Li\n"
                "Source: China Daily\nCopyright © 2011 JIN SHI. All rights reserved.\n",
        "factsheet": "Industrial internet in figures\n• More than 150 platforms with influence\n"
                     "• 40 million sets of connected equipment\n",
        "tail": "Industrial internet\nChina has built more than 150 industrial internet platforms with industry "
                "and regional influence, and the platforms connect more than 89 million sets of equipment "
                "across the country in 2022, officials said at a briefing held in Beijing on Tuesday "
                "(copyright 2024 Xinhua).\n"})
    assert scored["menu"] == (0.0, score.NOTHING_QUOTABLE)
    assert scored["factsheet"] == (100.0, None)
    assert scored["tail"][0] is not None and scored["tail"][0] > 50 and scored["tail"][1] is None
    assert scored[next(k for k in scored if k.startswith("002"))] == (97.9, None)


def test_junk_coverage_is_the_union_of_flagged_parts() -> None:
    assert not score.all_junk([(0, 100)], [])  # no junk: never "all junk"
    assert score.all_junk([(0, 100)], [(0, 50)])  # exactly half
    assert not score.all_junk([(0, 100)], [(0, 49)])
    assert score.all_junk([(0, 100)], [(0, 30), (20, 40), (80, 100)])  # 40 + 20 = 60, overlap counted once
    assert not score.all_junk([(0, 100)], [(0, 30), (0, 30), (10, 40)])  # 40: repeats add nothing
    assert score.all_junk([], [(0, 5)])  # no body sentence, only junk
    assert not score.all_junk([(0, 100), (100, 200)], [(0, 100)])


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=6), st.integers(0, 50),
       st.integers(1, 50))
def test_covered_counts_each_character_once(spans: list[tuple[int, int]], start: int, length: int) -> None:
    end = start + length
    junk = [(min(a, b), max(a, b)) for a, b in spans]
    chars = {i for a, b in junk for i in range(a, b) if start <= i < end}
    assert score._covered(start, end, junk) == len(chars)


def test_the_score_legend_states_the_constants_in_use(monkeypatch: pytest.MonkeyPatch) -> None:
    legend = score.formula_in_words()
    assert "anachronism 4; off_topic and enumeration_mismatch 3; artifact 2" in legend
    assert "2 points per body sentence (at least 10 sentences)" in legend
    monkeypatch.setitem(score.WEIGHTS, "artifact", 2.5)
    assert "artifact 2.5" in score.formula_in_words()
