"""Building findings: evidence from claims and sentences, and content-based fingerprints.

A fingerprint is a hash of what a finding is — kind, metric, definition, the sorted source
ids, and the evidence sentences normalised (whitespace folded, digits masked) — never of
offsets, so it survives edits elsewhere in a file; masking digits keeps it stable when only
a figure changes, which is how an explanation becomes `updated` rather than stale.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from .models import Claim, Evidence, Finding, Sentence
from .textcut import head

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=1 << 16)
def normalise_sentence(text: str) -> str:
    """Whitespace folded, digits masked, lower case. Memoised: a claim's sentence is in the
    fingerprint of every pair finding it backs, and of every finding about its figures."""
    return " ".join(_DIGITS.sub("#", text).lower().split())


FINGERPRINT_LENGTH = 20
"""A fingerprint is this many lowercase hex digits."""


def fingerprint(kind: str, metric: str | None, definition: str | None, sources: Iterable[str],
                sentences: Iterable[str], extra: str = "") -> str:
    parts = [kind, metric or "", definition or "", ",".join(sorted(set(sources))),
             *sorted(normalise_sentence(s) for s in sentences), extra]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


QUOTE_WHOLE = 200
"""Texts up to this many characters are quoted whole in a finding's message."""
QUOTE_HEAD = 120
"""Characters kept (to a space) of a longer text a finding's message quotes."""


def quoted(text: str, *, as_repr: bool = False, marks: str = "\u201c\u201d") -> str:
    """`text` in quotation marks for a finding's message (`marks`: the opening and closing
    one, "" for none; or Python's repr with `as_repr`): whole when at most `QUOTE_WHOLE` characters, else its first `QUOTE_HEAD` or so
    (cut at a space), an ellipsis, and its length after the closing mark. Every check that
    quotes source text in a message quotes it through here, so a passage of 8,000 characters
    repeated or flagged does not fill every report with its text (the evidence keeps it whole).

    >>> quoted("Industrial internet platforms grew fast.")
    '“Industrial internet platforms grew fast.”'
    >>> quoted("word " * 100)
    '“word word word word word word word word word word word word word word word word word word word word word word word word …” (500 characters)'
    """
    opening, closing = (marks[0], marks[-1]) if marks else ("", "")
    if len(text) <= QUOTE_WHOLE:
        return repr(text) if as_repr else f"{opening}{text}{closing}"
    shown = head(text, QUOTE_HEAD)  # ends with an ellipsis: the text is longer than QUOTE_HEAD
    mark = repr(shown) if as_repr else f"{opening}{shown}{closing}"
    return f"{mark} ({len(text):,} characters)"


def claim_evidence(claim: Claim) -> Evidence:
    return Evidence(source=claim.source, sentence=claim.sentence, span=claim.sentence_span,
                    figure_span=claim.span, figure=claim.figure)


def sentence_evidence(sentence: Sentence, start: int | None = None, end: int | None = None,
                      figure: str | None = None) -> Evidence:
    """Evidence for a sentence; [start, end) within it, if given, is the highlighted part."""
    return span_evidence(sentence.source, sentence.text, (sentence.start, sentence.end), start, end, figure)


def span_evidence(source: str, text: str, span: tuple[int, int], start: int | None = None,
                  end: int | None = None, figure: str | None = None) -> Evidence:
    """Evidence for the sentence `text` at `span` of `source`; [start, end) within it, if
    given, is the highlighted part."""
    figure_span = None
    if start is not None and end is not None:
        figure_span = (span[0] + start, span[0] + end)
        figure = figure if figure is not None else text[start:end]
    return Evidence(source=source, sentence=text, span=span, figure_span=figure_span, figure=figure)


def figure_ordinal(c: Claim) -> str:
    """Where the claim's figure stands in its sentence: how many numbers in digits, and how
    many copies of its own text, come before it. With the sentence (its digits masked) this
    tells its figures apart ("64.9%" and "83.1%" of one sentence had one fingerprint, so
    explaining one explained the other; so had the two "four" of "The four years ... are four
    years"), and stays the same when a figure in digits is edited ("900" to "1,000" is one
    number still), so an edited figure's finding is "updated", not new."""
    at = max(0, c.span[0] - c.sentence_span[0])
    return f"{len(_DIGITS.findall(c.sentence, 0, at))}.{c.sentence.count(c.figure, 0, at)}"


def claims_finding(kind: str, severity: str, message: str, claims: Sequence[Claim],
                   details: dict[str, str | float | int | None] | None = None) -> Finding:
    """A finding about one or more claims of one metric."""
    first = claims[0]
    figures = " | ".join(c.figure for c in claims)
    extra = ",".join(sorted(f"{c.unit}:{c.value.qualifier}:{figure_ordinal(c)}" for c in claims))
    return Finding(
        kind=kind, severity=severity, message=message,  # type: ignore[arg-type]
        metric=first.metric, definition=first.definition,
        evidence=tuple(claim_evidence(c) for c in claims),
        fingerprint=fingerprint(kind, first.metric, first.definition, [c.source for c in claims],
                                [c.sentence for c in claims], extra),
        details={"figures": figures, "claims": " ".join(c.id for c in claims), **(details or {})},
    )
