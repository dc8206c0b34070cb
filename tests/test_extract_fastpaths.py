"""Extraction's shortcuts find exactly what the plain pattern scans find, on random text:
sentence boundaries tried only at . ! ? (iicheck.segment._boundaries)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from iicheck.segment import _BOUNDARY, _boundaries


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=".!?\"”’')]([“‘ \nAZaz09.é", max_size=40), st.data())
def test_boundaries_are_the_pattern_matches(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert [m.span() for m in _boundaries(text, start, end)] == \
        [m.span() for m in _BOUNDARY.finditer(text, start, end)]
