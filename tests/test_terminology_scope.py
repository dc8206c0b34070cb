"""terminology: a variant is a mistranslation only in a text of its field.

"identity resolution" is the ordinary name of matching customer records in marketing, a brand
designer does "logo analysis", and "individual internet users" are people online; the shipped
rules flag them only in a source about manufacturing and the industrial internet."""

from __future__ import annotations

from pathlib import Path

import pytest

from iicheck.checks import terminology
from iicheck.checks.corpus import SourceDoc
from iicheck.errors import RuleFileError
from iicheck.ruleset import Ruleset, load_ruleset
from iicheck.segment import split_sentences

from .conftest import RULES


def _variants(rules: Ruleset, text: str) -> list[tuple[str, int, str | None]]:
    doc = SourceDoc("t", None, tuple(split_sentences("t", text)))
    return [(f.details["variant"], f.details["occurrences"], f.details.get("context"))
            for f in terminology.check_source(doc, rules)]


OUTSIDE_THE_FIELD = [
    "Identity resolution links a shopper's e-mail, phone and loyalty card to one customer record. "
    "Retailers buy identity resolution from data brokers to target their advertising.",
    "The agency's logo analysis compared the colours and typefaces of forty airline brands. "
    "Designers found that blue marks were rated the most trustworthy.",
    "The survey counted 1.2 million individual internet users in the province in 2023. "
    "Broadband prices fell by a fifth.",
    "Power companies negotiated an industrial interconnection agreement for the two grids. "
    "The line will carry 2 gigawatts.",
]


@pytest.mark.parametrize("text", OUTSIDE_THE_FIELD)
def test_variants_outside_the_field_are_not_flagged(rules: Ruleset, text: str) -> None:
    assert _variants(rules, text) == []


def test_a_variant_in_a_text_of_the_field_is_flagged_with_the_word_that_placed_it(rules: Ruleset) -> None:
    text = ("Identity resolution nodes now serve 30,000 enterprises. "
            "The factory connects its machines to the national network.")
    assert _variants(rules, text) == [("identity resolution", 1, "factory")]


def test_not_in_phrases_except_an_occurrence_and_only_that_one(rules: Ruleset) -> None:
    text = ("Manufacturing firms employ most of the region's 2 million individual internet users. "
            "The plan promotes the vertical sub-industries of individual internet.")
    assert _variants(rules, text) == [("individual internet", 1, "Manufacturing")]
    assert _variants(rules, text.split(". ")[0] + ".") == []


def test_a_context_word_inside_the_variant_itself_or_an_ordinary_phrase_places_nothing(rules: Ruleset) -> None:
    # "industrial interconnection" is a context phrase of identifier resolution, but here only
    # inside the other term's variant ... until the text is about the field
    assert _variants(rules, "Industrial interconnection agreements link the two grids. Prices rose.") == []
    assert _variants(rules, "Industrial interconnection links every industrial park. Prices rose.") == [
        ("industrial interconnection", 1, "industrial park")]
    # a context phrase inside another term's not_in phrase proves nothing either
    assert _variants(rules, "Identity resolution links the records of individual internet users across "
                            "their phones.") == []
    # economy stories say "industrial": not enough to make "individual internet" a mistranslation
    for text in ("Each individual internet connection costs $30 a month. Industrial electricity prices rose.",
                 "The regulator fined individual internet service providers. Industrial production fell."):
        assert _variants(rules, text) == []


def test_without_context_a_variant_counts_everywhere(tmp_path: Path) -> None:
    (tmp_path / "quality.yaml").write_text(
        "version: 1\nterminology:\n  - preferred: identifier resolution\n    variants: [identity resolution]\n")
    rules = _rules_with(tmp_path)
    assert _variants(rules, OUTSIDE_THE_FIELD[0]) == [("identity resolution", 2, None)]


def test_a_not_in_phrase_without_a_variant_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "quality.yaml").write_text(
        "version: 1\nterminology:\n  - preferred: industrial internet\n    variants: [individual internet]\n"
        "    not_in: [individual internet users, internet users]\n")
    with pytest.raises(RuleFileError) as caught:
        _rules_with(tmp_path)
    (problem,) = caught.value.problems
    assert problem.path.endswith("quality.yaml") and problem.line == 5
    assert "'internet users' contains none of the variants" in problem.message
    assert "word for word" in (problem.hint or "")


def _rules_with(folder: Path) -> Ruleset:
    """The shipped rules with `folder`'s quality.yaml instead of theirs."""
    for name in ("metrics.yaml", "qualifiers.yaml", "extraction.yaml"):
        (folder / name).write_text((RULES / name).read_text())
    return load_ruleset(folder)
