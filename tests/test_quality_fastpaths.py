"""The per-source checks' shortcuts (whole-text scans, substring prefilters, rewritten
patterns) find exactly what the plain per-sentence reading finds, on random text."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iicheck.checks import SourceDoc, anachronism, artifact, boilerplate, duplicate_text, enumeration_mismatch
from iicheck.models import Sentence
from iicheck.ruleset import Ruleset
from iicheck.ruleset.patterns import any_match, compile_user_pattern

# Pieces that make the patterns match, almost match, or run across a sentence's end.
_PIECES = ["<div", ">", "<b>", "</p>", " class=x", "&nbsp;", "&#12;", "&", "[caption id=1]", "[url", "]",
           "D201138L", "AB12345", "X1234567YZ", "12345", "A", "x", "-", "/", "$", "%", ".", ",", "5",
           "â€", "â€™", "Ã©", "Â\u00a0", "\ufffd", "\x01", "\x7f", "\n", " ", "\t", "©", "(c)", "Copyright",
           "COPYRİGHT", "copyrıght", "ſ", "1850", "1999", "2011", "2019", "2025", "2099", "2100", "1799",
           "–", "June", "by", "had", "中国"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


def sentences_of(texts: list[str], kind: str = "body") -> tuple[Sentence, ...]:
    out, pos = [], 0
    for k, text in enumerate(texts):
        out.append(Sentence(source="x", index=k, paragraph=0, start=pos, end=pos + len(text), text=text,
                            kind=kind))  # type: ignore[arg-type]
        pos += len(text) + 1
    return tuple(out)


def doc_of(sentences: tuple[Sentence, ...]) -> SourceDoc:
    return SourceDoc("x", None, sentences)


# ------------------------------------------------------------------ artifact

_DOCUMENTED_CODE = re.compile(r"(?<![\w-])[A-Z]{1,3}[0-9]{5,}[A-Z]{0,3}(?![\w-])"
                              r"|(?<=[a-z.,;:!?)])(?:[A-Z]{1,3}[0-9]{5,}[A-Z]{0,3}"
                              r"|[A-Z]{3,4}(?=[A-Z0-9-]*[0-9])(?:-[A-Z0-9]{1,6}){2,4})(?![\w-])")


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_artifact_code_pattern_is_the_documented_one(text: str) -> None:
    code = dict((rule_id, pattern) for rule_id, pattern, _ in artifact.BUILTIN)["code"]
    assert [m.span() for m in code.finditer(text)] == [m.span() for m in _DOCUMENTED_CODE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=6))
def test_artifact_one_scan_finds_what_sentence_scans_find(texts: list[str]) -> None:
    assert artifact._builtin_hits(doc_of(sentences_of(texts))) == artifact._builtin_hits_by_sentence(texts)


# ------------------------------------------------------------------ anachronism

_DOCUMENTED_YEAR = re.compile(r"(?<![\w$.,%/-])((?:18|19|20)\d\d)(?![\w%]|[.,]\d|-\d)")


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from([18, 19, 20]))
def test_anachronism_year_pattern_is_the_documented_one(text: str, century: int) -> None:
    found = [m.span(1) for m in anachronism._year_pattern(century).finditer(text)]
    assert found == [m.span(1) for m in _DOCUMENTED_YEAR.finditer(text) if int(m.group(1)[:2]) >= century]


@settings(max_examples=300, deadline=None)
@given(st.lists(_TEXT, max_size=6), st.sampled_from([1700, 1850, 1900, 1999, 2011, 2019, 2025, 2100]))
def test_anachronism_one_scan_finds_the_sentences_with_late_years(texts: list[str], since: int) -> None:
    sentences = sentences_of(texts)
    expected = [s for s in sentences if any(int(y) >= since for y in _DOCUMENTED_YEAR.findall(s.text))]
    assert anachronism._with_years(doc_of(sentences), since) == expected


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_anachronism_copyright_prefilter_never_misses(text: str) -> None:
    if anachronism._COPYRIGHT.search(text):
        assert anachronism._may_have_copyright(text)


# ------------------------------------------------------------------ duplicate_text


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9_ .,!?-’“”\n\tİıKkßſé中\u0307\u00a0"), max_size=40) | st.text(max_size=40))
def test_duplicate_text_coarse_key_is_a_function_of_the_normalised_text(text: str) -> None:
    """So sentences that normalise alike always share it, and the ones that share it with no
    other sentence need no normalising."""
    normalised = duplicate_text.normalise(text)
    assert duplicate_text._ascii_word_chars(text) == duplicate_text._ascii_word_chars(normalised)


# ------------------------------------------------------------------ enumeration_mismatch

_LIST_PIECES = ["three", "Five", "fıve", "ſix", "12", "2", "aspects", " ", ",", ";", ":", "：", "namely", "NAMELY",
                "including", "İNCLUDING", "ıncluding", "such", "such as", "ſuch as", "SUCH  AS", "\"", "“", "”",
                "a", "b and c", "or d", "etc.", "x"]


_DOCUMENTED_INTRO = re.compile(
    rf"(?<![\w.,:-])(?P<num>{enumeration_mismatch._NUM})\s+"
    rf"(?P<noun>(?:{enumeration_mismatch._WORD}\s+){{0,5}}{enumeration_mismatch._WORD})\s*"
    r"(?P<intro>:|,?\s+namely\b\s*:?|,?\s+(?:including|such as)\b\s*:?)", re.IGNORECASE)
_COUNT_PIECES = ["two", "Three", "FOUR", "fourteen", "Fourteenth", "ſix", "ſeventeen", "eight", "Eighteen", "nine",
                 "ten", "tenth", "twenty", "1", "10", "19", "2", "20", "200", "21", "3", "9", "x", "-", ".", ",", "'",
                 "aspects", "key", "areas", " ", "  ", "\n", ":", " namely", " including", " such as", "a, b and c"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_COUNT_PIECES), max_size=12).map("".join))
def test_enumeration_count_pattern_is_the_documented_one(text: str) -> None:
    assert [(m.span(), m.groupdict()) for m in enumeration_mismatch._INTRO.finditer(text)] == [
        (m.span(), m.groupdict()) for m in _DOCUMENTED_INTRO.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LIST_PIECES), max_size=16).map(" ".join))
def test_enumeration_list_prefilter_never_misses(text: str) -> None:
    """Each list pattern is tried whenever it can match in a sentence that is read at all (one
    with ':', a quote, or 'namely', 'including' or 'such' once case-folded)."""
    folded = text.casefold()
    read = (":" in text or '"' in text or "\u201c" in text
            or "namely" in folded or "including" in folded or "such" in folded)
    introduced, quoted = enumeration_mismatch._maybe_lists(text)
    assert introduced <= read and quoted <= read
    assert introduced or not read or not enumeration_mismatch._INTRO.search(text)
    assert quoted or not enumeration_mismatch._QUOTED.search(text)


# ------------------------------------------------------------------ boilerplate

_LINE_PIECES = ["Editor: Li Xiaoqiong", "Editor:", "Nav", "Search", "• Detail", "|", "\n", " ", "Source: en.qstheory.cn",
                "By Qiu Ping Source: x Updated: 2025-06-09", "Copyright © 2011 JIN SHI", "©", "2011", "All rights",
                "reserved", "The plan", "word", "-", "x", " > ", "Home", " › ", "&gt;", "Read more", "Page 2 of 5",
                "By Jane Doe | March 3, 2024", "Tags: ", "We use cookies", "Advertisement", "Related articles",
                "FOR IMMEDIATE RELEASE", "Staff Reporter, Beijing", "&copy; 2024"]
_EXTRA = {"plain": [], "spans lines": [r"(?i)detail\s+\S+"], "whole text": [r"\Aword"], "own flags": [r"(?-m:^x)"],
          "empty": [r"(?:)"], "word edge": [r"\bplan\b|\Bx"]}


@pytest.fixture(scope="module", params=sorted(_EXTRA))
def line_rules(request: pytest.FixtureRequest, rules: Ruleset) -> Ruleset:
    extra = tuple(compile_user_pattern(f"extra{i}", p) for i, p in enumerate(_EXTRA[request.param]))
    return dataclasses.replace(rules, boilerplate_patterns=rules.boilerplate_patterns + extra)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_LINE_PIECES), max_size=6).map("".join), max_size=6))
def test_boilerplate_one_pass_keeps_every_sentence_a_pattern_matches(line_rules: Ruleset, texts: list[str]) -> None:
    # the shipped patterns make several unions (boilerplate.UNION_PROGRAM_SIZE)
    assert boilerplate._line_unions(line_rules) is None or len(boilerplate._line_unions(line_rules) or ()) > 1
    sentences = sentences_of(texts, kind="heading")
    kept = boilerplate._may_match(doc_of(sentences), line_rules)
    assert [s for s in sentences if any_match(line_rules.boilerplate_patterns, s.text)] == [
        s for s in kept if any_match(line_rules.boilerplate_patterns, s.text)]
