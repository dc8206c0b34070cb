"""Extraction's shortcuts find exactly what the plain pattern scans find, on random text:
sentence boundaries tried only at . ! ? (iicheck.segment._boundaries), and every
module-level Twin's ASCII pattern on the plain texts it is picked for (iicheck.numbers.Twin)."""

from __future__ import annotations

from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from iicheck import extract, numbers, timeexpr
from iicheck.numbers import Twin
from iicheck.segment import _BOUNDARY, _boundaries


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=".!?\"”’')]([“‘ \nAZaz09.é", max_size=40), st.data())
def test_boundaries_are_the_pattern_matches(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [m.span() for m in _boundaries(text, start, end)] == \
        [m.span() for m in _BOUNDARY.finditer(text, start, end)]


def _found(name: str, value: object) -> Iterator[tuple[str, Twin]]:
    """The Twins `value` is or holds (in tuples, NamedTuples and dicts, at any depth)."""
    if isinstance(value, Twin):
        yield name, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _found(f"{name}[{key!r}]", item)
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _found(f"{name}[{i}]", item)


def _twins() -> list[tuple[str, Twin]]:
    return [found for module in (numbers, timeexpr, extract) for name, value in vars(module).items()
            for found in _found(f"{module.__name__}.{name}", value)]


_PLAIN_TOKENS = ("a", "an", "one", "Two", "third", "thirds", "half", "of", "the", "fold", "-fold", "10",
                 "thousands", "tens", "Hundreds", "dozens", "1,000", "4.5", "$", "US$", "%", "per cent",
                 "million", "bn", "-", " ", "  ", "\t", "\n", ",", ".", "years", "next", "2023", "May",
                 "by", "in", "the past", "more than", "x", "_", "\x1c", "é", "from", "between", "and",
                 "Sept.", "june", "2021-02-23", "9", "11:30", "a.m.", "pm", "GMT", "+", "five-year")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PLAIN_TOKENS), max_size=30))
def test_twins_match_alike_on_plain_texts(tokens: list[str]) -> None:
    text = "".join(tokens)
    for name, twin in _twins():
        pattern = twin.pick(text)
        assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == \
            [(m.span(), m.groups()) for m in twin.unicode.finditer(text)], name
