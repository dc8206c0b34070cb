"""The second round of shortcuts in the per-source and per-claim checks (prefilters, fewer
passes, direct construction) give exactly what the plain code gives, on generated text with
the Unicode characters that trip case folding and the characters ``\\s`` matches."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iicheck.checks import SourceDoc, anachronism, duplicate_text, enumeration_mismatch, unmapped_figure
from iicheck.findings import claims_finding
from iicheck.locate import line_starts, locate_finding
from iicheck.models import Claim, Evidence, Finding, Sentence
from iicheck.parallel import extract_source
from iicheck.ruleset import Ruleset
from iicheck.sources import load_sources

from .conftest import SEEDS

# Characters \s matches besides the space, case-folding traps, and a text-wide expansion (ß).
_TRAPS = ["\t", "\n", "\x0b", "\x1c", "\x85", "\xa0", "\u2028", "\u3000", "İ", "ı", "ſ", "\u212a", "K", "ß",
          "ﬁ", "’", "-", "–", ".", ",", "(", "“", "”", '"', "中"]


def pieces_text(pieces: list[str], max_size: int = 16) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces + _TRAPS), max_size=max_size).map("".join)


def sentences_of(texts: list[str]) -> tuple[Sentence, ...]:
    out, pos = [], 0
    for k, text in enumerate(texts):
        out.append(Sentence(source="x", index=k, paragraph=0, start=pos, end=pos + len(text), text=text))
        pos += len(text) + 1
    return tuple(out)


# ------------------------------------------------------------------ anachronism

_DEADLINE_PIECES = ["by", "BY", "bY", "before", "until", "untıl", "tıll", "till", "to", "through", "toward",
                    "towards", "towardſ", "TOWARDS", "x", "xby", "the", " ", "  ", "2025", "June", "had"]


@settings(max_examples=600)
@given(pieces_text(_DEADLINE_PIECES))
def test_anachronism_deadline_from_the_end_is_the_plain_search(before: str) -> None:
    assert anachronism._ends_in_deadline(before) == bool(anachronism._DEADLINE.search(before))


def _plain_candidate_events(text: str, since: int) -> Iterator[tuple[int, int, int, int]]:
    """_candidate_events as it was: every word of the text before a year split, the deadline
    pattern searched through all of it."""
    for m in anachronism._YEAR.finditer(text):
        if int(m.group(1)) < since:
            continue
        before = text[:m.start()]
        words = before.split()
        month = 0
        if words and words[-1].lower().strip(",") in anachronism._MONTHS:
            month = anachronism._MONTHS[words[-1].lower().strip(",")]
            before = before[:before.lower().rfind(words[-1].lower())]
            words = words[:-1]
        if anachronism._DEADLINE.search(before) and not (
                re.search(r"\bby\s*$", before, re.IGNORECASE) and anachronism._HAD.search(text)):
            continue
        prev = words[-1] if words else ""
        if prev[:1].isupper() and prev.lower().strip("“\"(") not in anachronism._FUNCTION and not month:
            continue
        yield int(m.group(1)), month, m.start(), m.end()


@settings(max_examples=600)
@given(pieces_text(_DEADLINE_PIECES + ["In", "China", "June,", "march", "2019", "2011", "1999", "by 2025",
                                       " in 2021", "Made in China 2025"]), st.sampled_from([1900, 2015, 2020]))
def test_anachronism_candidate_events_as_the_plain_reading(text: str, since: int) -> None:
    assert list(anachronism._candidate_events(text, since)) == list(_plain_candidate_events(text, since))


@settings(max_examples=600)
@given(pieces_text(["copyright", "COPYRIGHT", "CoPyRiGhT", "copyrıght", "COPYRİGHT", "ſ", "©", "(c)", " ",
                    "2011", "-", "2019", "copy", "right"]))
def test_anachronism_copyright_test_never_misses_and_matches_the_folded_text(text: str) -> None:
    if anachronism._COPYRIGHT.search(text):
        assert anachronism._may_have_copyright(text)
    ascii_lower = "".join(c.lower() if c.isascii() else "\0" for c in text)
    assert anachronism._may_have_copyright(text) == ("©" in text or "copyr" in ascii_lower)


# ------------------------------------------------------------------ enumeration_mismatch

_LIST_PIECES = ["three", "Five", "fıve", "fİve", "ſix", "SIX", "12", "2", "20", "21", "aspects", "key", "areas",
                "the", "following", "x", " ", "  ", ",", ";", ":", "：", "namely", "NAMELY", "including",
                "İNCLUDING", "ıncluding", "INCLUDING", "such", "such as", "ſuch as", "SUCH AS", "such  as",
                "a", "b and c", "or d", "etc."]


@settings(max_examples=1500)
@given(pieces_text(_LIST_PIECES, max_size=24))
def test_enumeration_intro_window_never_misses(text: str) -> None:
    if enumeration_mismatch._INTRO.search(text):
        assert enumeration_mismatch._intro_may_match(text)


@settings(max_examples=600)
@given(st.sampled_from(["three", "fıve", "ſix", "SEVEN", "20", "2"]),
       st.lists(st.sampled_from(["aspects", "key", "areas", "of", "the", "ſeven", "x", "twelve"]), min_size=1,
                max_size=8).map(" ".join),
       st.sampled_from([":", " :", " namely", " , namely", "\u3000NAMELY", ", including", " ıncluding", " İNCLUDING",
                        " such as", " ſuch as", " SUCH AS"]))
def test_enumeration_intro_window_reaches_far_enough(count: str, words: str, intro: str) -> None:
    """A count with up to 6 words (and more) before an intro in any case the pattern accepts:
    the window must reach the count, and the intro word be found."""
    text = f"In {count} {words}{intro} a, b and c"
    if enumeration_mismatch._INTRO.search(text):
        assert enumeration_mismatch._intro_may_match(text)


@settings(max_examples=1000)
@given(pieces_text(_LIST_PIECES + ["\"", "“", "”", "\"East, West, North and South\"", "nodes", " five ",
                                   "” 3 x"], max_size=20))
def test_enumeration_quote_prefilter_never_misses(text: str) -> None:
    if enumeration_mismatch._QUOTED.search(text):
        assert enumeration_mismatch._quoted_may_match(text)


@pytest.mark.parametrize("text", [
    "The plan has three parts: funding, training, standards and security.",
    "It covers five aspects, including developing A, B, C, D, E and F.",
    "in four very long winded and quite detailed aspects , namely A, B, C and D",
    "In three key areas of the digital economy , namely a, b and c",  # the most runs: 8
    "In three key areas of the digital economy, namely a, b and c",
    "ſix areas ſuch as a, b, c, d, e, f, g and h",
    "construction of \"East, West, North and South\" five logo analysis nodes",
])
def test_enumeration_prefilters_pass_the_documented_examples(text: str) -> None:
    assert enumeration_mismatch._intro_may_match(text) == bool(enumeration_mismatch._INTRO.search(text))
    assert enumeration_mismatch._quoted_may_match(text) or not enumeration_mismatch._QUOTED.search(text)


# ------------------------------------------------------------------ duplicate_text


@settings(max_examples=600)
@given(st.lists(pieces_text(["Industrial", "internet", "GROWS", "fast", "_x9", " ", "\n", "ǅ", "Σ", "aΣ "]),
                max_size=6))
def test_duplicate_text_keys_from_the_joined_text_are_the_sentence_keys(texts: list[str]) -> None:
    doc = SourceDoc("x", None, sentences_of(texts))
    assert duplicate_text._coarse_keys(doc) == [duplicate_text._ascii_word_chars(t) for t in texts]


# ------------------------------------------------------------------ unmapped_figure and locate


@pytest.fixture(scope="module")
def seed_claims(rules: Ruleset) -> list[tuple[str, tuple[Claim, ...]]]:
    return [(s.text, extract_source(s, rules)[1]) for s in load_sources([SEEDS], rules)]


def _same(a: Finding | Evidence, b: Finding | Evidence) -> None:
    assert a == b
    assert a.model_fields_set == b.model_fields_set
    assert a.model_dump_json() == b.model_dump_json()
    assert a.model_dump(mode="json", exclude_unset=True) == b.model_dump(mode="json", exclude_unset=True)


def test_unmapped_figure_finding_is_the_claims_finding(seed_claims: list[tuple[str, tuple[Claim, ...]]],
                                                       rules: Ruleset) -> None:
    unmapped = [c for _, claims in seed_claims for c in claims if c.metric is None]
    assert unmapped
    for claim in unmapped:
        unit = f" (unit: {claim.unit})" if claim.unit else ""
        expected = claims_finding(unmapped_figure.KIND, unmapped_figure.DEFAULT_SEVERITY,
                                  f"\u201c{claim.figure}\u201d{unit} in {claim.source} matches no metric rule",
                                  [claim])
        (found,) = unmapped_figure.check_claim(claim, rules)
        _same(found, expected)


def test_locate_copies_as_model_copy_does(seed_claims: list[tuple[str, tuple[Claim, ...]]],
                                          rules: Ruleset) -> None:
    for text, claims in seed_claims:
        starts = line_starts(text)
        for claim in claims:
            finding = claims_finding("k", "info", "m", [claim])
            located = locate_finding(finding, starts)
            plain = finding.model_copy(update={"evidence": tuple(
                e.model_copy(update=dict(zip(("line", "column", "end_line", "end_column"),
                                             _plain_line_col(starts, *(e.figure_span or e.span)))))
                for e in finding.evidence)})
            _same(located, plain)
            for a, b in zip(located.evidence, plain.evidence, strict=True):
                _same(a, b)


def _plain_line_col(starts: list[int], start: int, end: int) -> tuple[int, int, int, int]:
    def one(pos: int) -> tuple[int, int]:
        line = max(i for i, s in enumerate(starts) if s <= pos) + 1
        return line, pos - starts[line - 1] + 1
    return (*one(start), *one(end))
