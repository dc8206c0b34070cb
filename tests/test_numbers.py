"""Number finding and parsing: tricky cases and property tests."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iicheck.numbers import find_numbers, parse_digits, parse_word_number, rounding_step


@pytest.mark.parametrize("text,value", [
    ("twenty-one", 21), ("a hundred", 100), ("two million", 2e6), ("a dozen", 12),
    ("one hundred and five", 105), ("three thousand two hundred", 3200), ("Fifteen", 15),
])
def test_parse_word_number(text: str, value: float) -> None:
    assert parse_word_number(text) == value


@pytest.mark.parametrize("text", ["", "a", "a five", "hello", "and"])
def test_parse_word_number_rejects(text: str) -> None:
    assert parse_word_number(text) is None


@pytest.mark.parametrize("text,value", [("1,000", 1000), ("4.09", 4.09), ("100000", 100000),
                                        (".5", 0.5), ("1,234,567.25", 1234567.25)])
def test_parse_digits(text: str, value: float) -> None:
    assert parse_digits(text) == value


@pytest.mark.parametrize("args,step", [((70,), 10), ((1000,), 100), ((169,), 1), ((4.09e6, 2, 1e6), 1e4),
                                       ((0,), 1), ((150,), 10), ((110000,), 10000)])
def test_rounding_step(args: tuple, step: float) -> None:
    assert math.isclose(rounding_step(*args), step)


def _values(text: str) -> list[object]:
    return [(n.value, n.high) if n.high is not None else n.value for n in find_numbers(text)]


@pytest.mark.parametrize("text,values", [
    ("In 2023, under the 14th Five-Year Plan, Industry 4.0 ranked second on Oct. 31.", []),
    ("The 5G and 5g base stations, the 5+2 system and 1+N plan.", []),
    ("The iPhone 11 Pro and the S&P 500 rose 0.2% in Game 6.", [0.2]),
    ("at 11 a.m. and 2019-09-01T10:38:07Z", []),
    ("a net worth of $1.762bn and $4.2b and 35m devices", [1.762e9, 4.2e9, 3.5e7]),
    ("It has 256GB and 50mph winds at 1.38pc.", [256, 50, 1.38]),
    ("between 5% and 6%", [(5, 6)]),
    ("from $10 to $15 billion", [(1e10, 1.5e10)]),
    ("four to five thousand people", [(4000, 5000)]),
    ("a range of 252-287 miles", [(252, 287)]),
    ("increased by $43.6 billion to $419.2 billion", [4.36e10, 4.192e11]),
    ("a 2-0 lead and ISO 3888-2", [2]),
    ("tens of thousands of students", [(1e4, 1e5)]),
    ("a third of those and half the condos and 1/2 pound", [1 / 3, 0.5, 0.5]),
    ("the second half of the game", []),
    ("In Europe, Stoxx 50 -1.3% and minus-5 yards", [-1.3, -5]),
    ("a five per cent to 20 per cent rebound", [(5, 20)]),
    ("4 hundred million people", [4e8]),
    ("grew sixfold", [6]),
    ("Are you one of the best?", []),
    # citation and footnote marks are no figures
    ("The ministry expects 300 platforms in 2025.[3]", [300]),
    ("Output rose 5%[2, 4] and 7%[12] after the plan.[3–5]", [5, 7]),
    # a number in brackets after a space, or grouped in thousands, is a figure
    ("The company will add [2,000] jobs and employs [1,250,000] people, aged 54 [45–62].", [2000, 1250000, 54, (45, 62)]),
])
def test_find_numbers(text: str, values: list[object]) -> None:
    got = _values(text)
    assert len(got) == len(values), got
    for g, w in zip(got, values):
        if isinstance(w, tuple):
            assert isinstance(g, tuple) and all(math.isclose(a, b) for a, b in zip(g, w)), got
        else:
            assert not isinstance(g, tuple) and math.isclose(g, w), got  # type: ignore[arg-type]


@given(st.integers(min_value=0, max_value=10**12))
def test_thousands_separators_round_trip(n: int) -> None:
    assert parse_digits(f"{n:,}") == n
    found = find_numbers(f"It reached {n:,} units.")
    if not 1000 <= n <= 2199:  # bare 4-digit years are not figures; with separators they are
        assert [f.value for f in found] == [n]


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda x: round(x, 2)))
def test_float_round_trip(x: float) -> None:
    text = f"{x:,.2f}"
    assert math.isclose(parse_digits(text), x, rel_tol=1e-9, abs_tol=1e-9)
    found = find_numbers(f"The total was {text} tonnes.")
    assert len(found) == 1 and math.isclose(found[0].value, x, rel_tol=1e-9, abs_tol=1e-9)


@given(st.integers(min_value=1, max_value=10**15))
def test_rounding_step_divides_integers(n: int) -> None:
    step = rounding_step(n)
    assert step >= 1 and n % int(step) == 0


_ALPHABET = "0123456789 ,.-–%$/+:abcdefghimnorstuvwxyz ABGMKTthousandmillionhalfoneto()"


@settings(max_examples=300)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_find_numbers_spans_are_sane(text: str) -> None:
    found = find_numbers(text)
    assert found == find_numbers(text)  # deterministic
    last_end = 0
    for n in found:
        assert 0 <= n.start < n.end <= len(text)
        assert n.text == text[n.start:n.end]
        assert n.start >= last_end  # in order, no overlaps
        last_end = n.end
        assert math.isfinite(n.value)


@pytest.mark.parametrize("text", ["a thirdſ of the sites", "two thirdſ of", "ſeventy", "twentyK people",
                                  "İstanbul has fiftyı ports", "a halfſ of"])
def test_case_folding_letters_never_crash(text: str) -> None:
    """IGNORECASE matches "ſ", "K" (Kelvin), "İ", "ı" as ASCII letters; lookups must not fail."""
    for number in find_numbers(text):
        assert text[number.start:number.end] == number.text


def test_scientific_exponent_beyond_float_range_is_not_a_figure() -> None:
    found = find_numbers("about 1.5 x 10^2023 atoms and 2 x 10^3 tons and 4 × 10^-400 m")
    assert [n.value for n in found] == [2000.0]


@pytest.mark.parametrize("text", ["Output doubled in the past five years", "in the past five years; it grew",
                                  "It grew over the last 3 years: fast", "(within 2 years)"])
def test_past_years_at_any_sentence_end(text: str) -> None:
    """A duration is recognised before ";", ":", ")" or the end of the text, not only before
    a space, comma or period."""
    from datetime import date

    from iicheck.models import TimeWindow
    from iicheck.timeexpr import find_time_expressions

    pub = TimeWindow(start=date(2020, 1, 1), end=date(2020, 12, 31), basis="metadata")
    found = find_time_expressions(text, pub)
    assert [e.role for e in found] == ["past"] and found[0].text.endswith(("years", "year"))


# ------------------------------------------------------------------ number words that make no number

def _read(text: str) -> list[tuple[str, float]]:
    return [(n.text, n.value) for n in find_numbers(text)]


@pytest.mark.parametrize("text,expected", [
    # a decimal comma is no thousands grouping, and the scale word alone is no million
    ("The platforms connect 2,5 million sets of equipment.", []),
    ("the figure was 1,25 million", []),
    ("millions upon million of them", []),
    # decimals said in words
    ("China had three point three eight million 5G base stations.", [("three point three eight million", 3.38e6)]),
    ("Growth was one point five percent.", [("one point five percent", 1.5)]),
    # words that are two numbers: the first is the count
    ("They work seven twelve-hour shifts.", [("seven", 7.0)]),
    ("The firm built two three-bedroom flats.", [("two", 2.0)]),
    # a year said in words is no count
    ("It was founded in nineteen ninety-five.", []),
    ("The plan runs to twenty thirty.", []),
    # scales after scales
    ("a thousand million yuan", [("a thousand million", 1e9)]),
    ("two million five hundred thousand sets", [("two million five hundred thousand", 2.5e6)]),
    ("one hundred and twenty firms", [("one hundred and twenty", 120.0)]),
])
def test_number_words_that_make_no_number_invent_none(text: str, expected: list[tuple[str, float]]) -> None:
    assert _read(text) == expected


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
         "sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _spell(n: int) -> str:
    """English words for 0 <= n < 10**9 ("three hundred and five thousand ...")."""
    def below_thousand(k: int) -> list[str]:
        words: list[str] = []
        if k >= 100:
            words += [_UNITS[k // 100], "hundred"] + (["and"] if k % 100 else [])
            k %= 100
        if k >= 20:
            words.append(_TENS[k // 10 - 2] + (f"-{_UNITS[k % 10]}" if k % 10 else ""))
        elif k or not words:
            words.append(_UNITS[k])
        return words
    if n == 0:
        return "zero"
    parts: list[str] = []
    for scale, name in ((10**6, "million"), (10**3, "thousand")):
        if n >= scale:
            parts += below_thousand(n // scale) + [name]
            n %= scale
    if n:
        parts += below_thousand(n)
    return " ".join(parts)


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_a_number_spelt_in_words_reads_back(n: int) -> None:
    assert parse_word_number(_spell(n)) == n


@pytest.mark.parametrize("text,expected", [
    # two number words joined by "and": both, and "between" makes them a range
    ("China had between three and four million 5G base stations.", [("three and four million", 3e6, 4e6)]),
    ("Between two and three thousand people marched.", [("two and three thousand", 2e3, 3e3)]),
    ("between five and ten firms", [("five and ten", 5.0, 10.0)]),
    # a scale word with a vague or fractional count
    ("Several million people were displaced.", [("Several million", 3e6, 9e6)]),
    ("A few thousand people marched.", [("A few thousand", 2e3, 5e3)]),
    ("Several hundred thousand apps exist.", [("Several hundred thousand", 3e5, 9e5)]),
    ("Half a million people.", [("Half a million", 5e5, None)]),
    ("A quarter million people.", [("A quarter million", 2.5e5, None)]),
    ("one and a half million sets", [("one and a half million", 1.5e6, None)]),
    # "at one point" is an idiom; decimals stop before more number words
    ("At one point two hundred protesters blocked the road.", [("two hundred", 200.0, None)]),
    ("At one point three people were inside.", [("three", 3.0, None)]),
    # "ten" before a ten is a count, an ordinal's tens none
    ("He paid with ten twenty-dollar bills.", [("ten", 10.0, None)]),
    ("The twenty-first century began.", []),
])
def test_number_words_the_review_found(text: str, expected: list[tuple[str, float, float | None]]) -> None:
    assert [(n.text, n.value, n.high) for n in find_numbers(text)] == expected


@pytest.mark.parametrize("text,expected", [
    # telephone numbers hold no figures
    ("Call us on 0800 123 456.", []),
    ("Newsroom: (319) 555-0177, fax 319-555-0178", []),
    ("Tel: 020 7946 0018 or +44 20 7946 0018", []),
    ("Call 01632 960001 now; 500 firms joined.", [("500", 500.0)]),
    # a spaced thousands grouping and a decimal stay figures
    ("It had 1 200 000 sets and rose 0.5% to 120 000 units.",
     [("1 200 000", 1.2e6), ("0.5%", 0.5), ("120 000", 1.2e5)]),
])
def test_telephone_numbers_are_no_figures(text: str, expected: list[tuple[str, float]]) -> None:
    assert [(n.text, n.value) for n in find_numbers(text)] == expected


@pytest.mark.parametrize(("text", "figures"), [
    # 亿 and 万元 as translations write them (a review: two claims, 12,600 and 100 million)
    ("The value added reached 12,600 100 million yuan in 2022.", [("12,600 100 million", 1.26e12)]),
    ("Revenue was 3.5 100 million yuan.", [("3.5 100 million", 3.5e8)]),
    ("Average income was 4,500 10,000 yuan.", [("4,500 10,000", 4.5e7)]),
    # not before a yuan word, or after a year, or written as its own figure
    ("They sold 500 10,000-strong packs.", [("500", 500.0), ("10,000", 10000.0)]),
    ("In 2019 100 million people used it.", [("100 million", 1e8)]),
])
def test_a_count_of_hundred_millions_is_one_figure(text: str, figures: list[tuple[str, float]]) -> None:
    assert [(n.text, n.value) for n in find_numbers(text)] == figures
