"""Extraction's shortcuts give exactly what the plain computations give, on generated text
that mixes the phrases the patterns look for with the characters that make shortcuts go
wrong: non-ASCII digits (full-width, Arabic-Indic), letters that re.IGNORECASE equates with
ASCII ones ("K" Kelvin sign, "ı", "İ", "ſ"), unusual spaces, and the ASCII separators
\\x1c-\\x1f (whitespace to Unicode patterns only).

Each test compares a shortcut with the plain computation it replaces (a pattern's finditer
over the whole text, every candidate pattern tried, an interval made afresh), so a shortcut
that skips a match or returns a wrong stored value fails."""

from __future__ import annotations

import re
from collections.abc import Iterable

from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from iicheck import claims, numbers, timeexpr
from iicheck.extract import Phrases, clause_bounds, folded
from iicheck.intervals import make_interval
from iicheck.models import Sentence
from iicheck.numbers import NumberMatch
from iicheck.ruleset import Ruleset, phrase_regex
from iicheck.segment import split_sentences

_TRICKY = ("\u00a0", "\u2009", "\u3000", "\x1c", "\x1f", "２０２３", "٢٠١٩", "\u212a", "\u0131",
           "\u0130", "\u017f", "é", "_", "x")
# Mostly single spaces between tokens, sometimes nothing, other whitespace or a hyphen.
_GAPS = st.sampled_from((" ", " ", " ", " ", "", "", "  ", "\n", "\t", "-", "\u00a0", "\x1c"))


def _texts(tokens: Iterable[str]) -> st.SearchStrategy[str]:
    """Texts of up to 24 of `tokens` (and tricky characters), each followed by a gap."""
    pieces = st.tuples(st.sampled_from(tuple(tokens) + _TRICKY), _GAPS).map("".join)
    return st.lists(pieces, max_size=24).map("".join)


time_texts = _texts((
    # time phrases and their pieces
    "in", "In", "by", "By", "by the end of", "at the end of", "the end of", "as of", "since",
    "during", "until", "before", "end of", "the year", "year", "years", "Year", "YEARS", "from",
    "between", "From", "and", "to", "through", "the", "next", "following", "coming", "past",
    "last", "more than", "nearly", "over", "Over", "within", "for", "early", "mid", "late", "2019",
    "2024", "1999", "1850", "2150", "12", "3", "0", "2021-02-23", "2021-2023", "2019–2020", "%",
    "ago", "old", "'", "’", ".", ",", ";", "its", "survey", "Census", "reports", "study",
    "studies", "surveyed", "moreover", "Overall", "polls", "yearbook", "bulletins", "censuses",
    # parts of a year, relative years, plan periods
    "first", "second", "half", "quarter", "quarters", "months", "of", "Q3", "h1", "Q5", "end-",
    "this", "This", "a", "-on-", "14th", "3rd", "Five-Year", "Plan", "period", "–",
    # month names and look-alikes
    "January", "June", "jun", "Sept.", "Sep", "sept", "Nov", "nov", "NOV", "innovation", "May",
    "may", "Mar", "market", "Dec", "decade", "Oct.", "ſep", "Aprıl", "Jan", "Feb",
    # number words
    "two", "three", "Seven", "ſeven", "several", "ten", "one",
    # periods without a year and fiscal years
    "December", "end-June", "as at", "at", "twelve", "ended", "ending", "fiscal", "Financial", "31st",
    "FY", "H2", "q4",
    # numeric dates, short halves and quarters, totals up to a year
    "30.06.2023", "06/30/2023", "5/6/2019", "31", "/", "1H23", "3Q", "H1'23", "Q3’", "1h23", "4Q2021",
    "up to", "Up until", "Through",
))
number_texts = _texts((
    "1", "12", "2021", "4.0", "3.5", ".5", "1,000", "-", "–", ":", "30", "+", "+5", "%", "a.m.",
    "pm", "AM", "GMT", "ET", "T", "Jan", "Sept.", "May", "March", "nov", "1st", "th", "five",
    "-year", "-day", "Industry", "Industrial", "Web", "Website", "No.", "Vol.", "Phase", "Class",
    "Room", "iPhone", "×", "10", "^", "/", "⁄", "US$", "$", "RM", "PS", "minus", "bn", "m", "k",
    "GB", "sq", "thousands", "of", "a", "an", "third", "half", "fold", "-fold", "one", "Two",
    "hundred", ",", ".",
))


def _found(matches: Iterable[re.Match[str]]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


@settings(max_examples=2000, deadline=None)
@given(time_texts)
@example("by the end of early-June 2024")
@example("in the year 2020, from 2019 to 2021 and Sept. 5, 2020")
@example("From January to October 2021, in 2019 and 2020 and by end-2020")
@example("In the first three quarters of 2021, H1 2021, at the end of last year, a year ago")
@example("By the end of the 14th Five-Year Plan period, between Sept. and Oct. 2021")
@example("in December, as of end-June, in the 12 months to March, in Q3 and the fiscal year ended March 31")
@example("Through 2022, up to 2000 people, 30.06.2023, 1H23, 3Q 2021, H1'23 and January-June last year")
def test_time_scans_find_what_finditer_finds(text: str) -> None:
    candidates = {kind for kind, _ in timeexpr._candidate_patterns(text)}
    for kind, pattern in timeexpr._PATTERNS:
        plain = _found(pattern.finditer(text))
        if kind not in candidates:
            assert plain == [], (kind, text)
        else:
            assert _found(timeexpr._scan(kind, text)) == plain, (kind, text)


@settings(max_examples=2000, deadline=None)
@given(number_texts)
@example("+5 and 6")
@example("Web 2.0 and Industry 4.0")
def test_masks_find_what_finditer_finds(text: str) -> None:
    prefixes = numbers.DEFAULT_NAME_PREFIXES
    plain = [m.span() for mask in numbers._MASKS for m in mask.finditer(text)]
    plain += [m.span() for m in numbers._name_pattern(prefixes).finditer(text)]
    assert numbers._masked(text, prefixes) == plain


_QUALIFIERS = ("exact", "more_than", "at_least", "nearly", "about", "up_to", "less_than")
_FLOATS = st.one_of(st.sampled_from((0.0, -0.0, 1.0, -1.0, 1000.0, 0.5)),
                    st.floats(allow_nan=True, allow_infinity=True, width=64))


def _figure(value: float, step: float, high: float | None) -> NumberMatch:
    return NumberMatch(0, 1, "1", value, high, "number", None, step, False)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_FLOATS, st.sampled_from(_QUALIFIERS), _FLOATS,
                          st.one_of(st.none(), _FLOATS), st.sampled_from((None, 2.0, 1.5))),
                min_size=1, max_size=8))
@example([(0.0, "exact", 1.0, None, None), (-0.0, "exact", 1.0, None, None)])
@example([(5.0, "exact", 0.0, None, None), (5.0, "exact", -0.0, None, None)])
@example([(1.0, "exact", 1.0, 0.0, None), (1.0, "exact", 1.0, -0.0, None)])
@example([(100.0, "more_than", 10.0, None, None), (100.0, "more_than", 10.0, None, 2.0)])
def test_memoised_intervals_are_the_ones_make_interval_makes(
        rules: Ruleset, figures: list[tuple[float, str, float, float | None, float | None]]) -> None:
    for stated, qualifier, step, high, factor in figures * 2:
        try:
            made = make_interval(stated, qualifier, step, rules.qualifiers, high=high, high_factor=factor)
        except (ValueError, OverflowError, ValidationError):
            continue
        got = claims.interval(_figure(stated, step, high), qualifier, rules, factor)
        assert got.model_dump_json() == made.model_dump_json()


change_texts = _texts(("fell", "FELL", "(fell", "befell", "by", "BY", "By", "2%", "3", "0.1", ",", ", down",
                       "down", "was", "is down", "a decline of", "decline", "of", "to", "from", "dropped",
                       "rose", "ROSE", "grew", ", up", "up", "is up", "an increase of", "added", "x"))


@settings(max_examples=2000, deadline=None)
@given(change_texts)
@example("Output (fell 2%) in 2020.")
@example("Output fell by  by 2%")
@example("2021, down 0.1 point")
@example("2021, up 0.1 point")
def test_change_shortcut_answers_as_the_pattern(rules: Ruleset, text: str) -> None:
    """extract._after_cue's cheap test before the pattern skips only positions where it fails
    (for the fall cues and the rise cues)."""
    from iicheck.extract import _after_cue, _change_cue
    for cues in (rules.extraction.fall_cues, rules.extraction.rise_cues):
        cue = _change_cue(tuple(cues))
        assert cue is not None
        for start in range(len(text) + 1):
            plain = cue[0].unicode.search(text, max(0, start - 40), start) is not None
            assert _after_cue(text, start, cue) == plain, (text, start)


@settings(max_examples=200, deadline=None)
@given(time_texts)
def test_sentences_are_the_models_init_makes(text: str) -> None:
    for s in split_sentences("doc", text):
        made = Sentence(**{name: getattr(s, name) for name in s.model_fields_set})
        assert s == made and s.model_fields_set == made.model_fields_set
        assert s.model_dump_json() == made.model_dump_json()


word_texts = _texts((
    "a", "an", "A", "the", "of", "Of", "one", "Two", "three", "hundred", "thousand", "dozen", "half",
    "third", "thirds", "quarter", "fifths", "thousands", "Dozens", "tens", "hundreds", "millions",
    "fold", "-fold", "twofold", "five-year", "-day", "per cent", "percent", "%", "hand", "firms",
    "and", "-", ",", ".",
))


@settings(max_examples=1500, deadline=None)
@given(word_texts)
@example("a third of them, dozens of firms and a twofold rise")
def test_numbers_without_digits_are_the_word_numbers(text: str) -> None:
    """find_numbers returns at once on a text with no digit and no number word; the plain
    path finds the word numbers outside the masks."""
    prefixes = numbers.DEFAULT_NAME_PREFIXES
    if numbers.first_digit(text) >= 0:
        return
    words = numbers._word_matches(text, numbers._masked(text, prefixes))
    plain = numbers._merge_ranges(text, sorted(words, key=lambda n: n.start))
    assert numbers.find_numbers(text, prefixes) == plain


_PHRASE_WORDS = ("base", "stations", "5g", "connected", "equipment", "aim", "aims", "to", "is",
                 "this", "Target", "targets", "ſtations", "\u212aey", "key")
phrases = st.lists(st.lists(st.sampled_from(_PHRASE_WORDS), min_size=1, max_size=3).map(" ".join),
                   min_size=1, max_size=5)


@settings(max_examples=1000, deadline=None)
@given(phrases, _texts(_PHRASE_WORDS + ("BASE", "Stations", "TO")))
@example(["5g base stations", "base stations"], "5g  base\nstations")
@example(["base stations", "5g base stations"], "5G Base Stations")
def test_phrase_prefilter_answers_as_the_pattern(words: list[str], text: str) -> None:
    found = phrase_regex(words).search(text) is not None
    assert Phrases.of(words).search(text, folded(text)) == found


def _plain_clause_bounds(text: str, n: NumberMatch, found: list[NumberMatch]) -> tuple[int, int]:
    """extract.clause_bounds as first written: every bound listed, then the nearest taken."""
    left = max([0] + [m.end for m in found if m.end <= n.start]
               + [i + 1 for i in (text.rfind(c, 0, n.start) for c in ",;:") if i >= 0])
    rights = [m.start for m in found if m.start >= n.end]
    rights += [i for i in (text.find(c, n.end) for c in ",;:.") if i >= 0]
    return left, min(rights + [len(text)])


@settings(max_examples=1000, deadline=None)
@given(_texts((",", ";", ":", ".", "5", "6,000", "and", "x")), st.data())
@example("5, 6; 7: 8. 9 and 10 to 12", None)
@example("56", None)
def test_clause_bounds_are_the_nearest_marks_and_figures(text: str, data: st.DataObject | None) -> None:
    found = numbers.find_numbers(text)
    if data is not None:  # any spans, touching and overlapping ones too
        spans = data.draw(st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, 3)), max_size=6))
        found += [NumberMatch(a, min(len(text), a + w), "", 1.0, None, "number", None, 1.0, False)
                  for a, w in spans]
    elif text == "56":
        found = [NumberMatch(0, 1, "5", 5.0, None, "number", None, 1.0, False),
                 NumberMatch(1, 2, "6", 6.0, None, "number", None, 1.0, False)]
    for n in found:
        assert clause_bounds(text, n, found) == _plain_clause_bounds(text, n, found)


@settings(max_examples=1000, deadline=None)
@given(_texts(("reports", "that", "were", "inaccurate", "Denied", "the", "report", "false", "not", "true",
               "untrue", "denies", "deny", "500", ",", "was", "False", "REPORT")))
@example("Reports that 500 platforms were inaccurate")
@example("the ministry DENIED  THE\nreport")
def test_denial_prefilter_answers_as_the_pattern(rules: Ruleset, text: str) -> None:
    """The denial cues' prefilter skips only texts without a cue (after-figure and lead cues)."""
    from iicheck.extract import _denial_cues
    for cues, phrases in zip(_denial_cues(rules), (rules.extraction.denial_cues, rules.extraction.denial_lead_cues),
                             strict=True):
        assert cues is not None
        assert cues.search(text, folded(text)) == (phrase_regex(phrases).search(text) is not None)
