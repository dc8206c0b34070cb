"""terminology — a variant or mistranslated term where the field has a preferred one.

Flags: each variant listed under ``terminology`` in rules/quality.yaml that a source uses,
e.g. "logo analysis" or "sign construction" (machine translations of 标识解析) where the
preferred term is "identifier resolution", or "industrial interconnection" for "industrial
internet". One finding per variant per source; the first 5 occurrences are evidence (the
variant highlighted), the message gives the total.
Fires when: "five logo analysis public service nodes"; "The integration of sign
construction, application and management".
Does not fire when: the words occur apart or inside longer words (matching is whole-word,
case-insensitive, any whitespace between words); only the listed phrases match, so a
generic word such as "sign" alone never fires unless a rule lists it.
Scope: a term with a ``context`` fires only in a source that uses one of those phrases
outside the variant itself, since outside the field a variant may be the right word
("identity resolution" of customer records in a marketing text); the finding's details name
the phrase found (``context``). An occurrence inside one of the term's ``not_in`` phrases does
not count ("individual internet users" is no mistranslation of "industrial internet").
Options: ``terminology: [{preferred, variants: [...], context: [...], not_in: [...]}]`` in
rules/quality.yaml; without ``context`` a variant counts in every source.
Example: ``{preferred: industrial internet, variants: [individual internet], context:
[manufacturing, factory], not_in: [individual internet users]}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from ..findings import fingerprint, quoted, sentence_evidence
from ..models import Finding, Sentence, Severity
from ..ruleset import Ruleset, phrase_regex
from .corpus import Corpus, SourceDoc, each_source

KIND = "terminology"
DEFAULT_SEVERITY: Severity = "info"
MAX_EVIDENCE = 5


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_source(check_source, corpus, rules)


class _Variant(NamedTuple):
    preferred: str
    variant: str
    first_word: str | None
    """The variant's first word lower-cased if the variant is ASCII, else None."""
    regex: re.Pattern[str]
    context: re.Pattern[str] | None
    """The term's context phrases (None: none given, the variant counts everywhere)."""
    not_in: re.Pattern[str] | None
    """The term's phrases in which a variant is ordinary English (None: none given)."""


@lru_cache(maxsize=8)
def _terms(rules: Ruleset) -> tuple[_Variant, ...]:
    """Every variant to look for, with its term's matchers."""
    out: list[_Variant] = []
    for term in rules.quality.terminology:
        context = phrase_regex(term.context) if term.context else None
        not_in = phrase_regex(term.not_in) if term.not_in else None
        out.extend(_Variant(term.preferred, variant, variant.split()[0].lower() if variant.isascii() else None,
                            phrase_regex([variant]), context, not_in)
                   for variant in term.variants
                   if variant.strip() and variant.strip().lower() != term.preferred.strip().lower())
    return tuple(out)


def _aligned_fold(joined: str) -> str | None:
    """`joined` lower-cased, if that puts every character that the matchers' case-insensitive
    matching equates with an ASCII letter at the same offset as that letter; else None. Python's
    re equates with ASCII letters only their two cases, "K" (Kelvin sign, lower-cased to "k"),
    "İ" (lower-cased to two characters), "ı" and "ſ" (not lower-cased to "i" and "s")."""
    folded = joined.lower()
    if len(folded) != len(joined) or "ı" in joined or "ſ" in joined:
        return None
    return folded


def _matches(regex: re.Pattern[str], first_word: str, joined: str, folded: str) -> Iterator[re.Match[str]]:
    """``regex.finditer(joined)`` for an ASCII variant starting with `first_word`, with `folded`
    from _aligned_fold: a match can only start where the first word occurs in `folded`, and a
    substring search finds those places much faster than the matcher scanning every position."""
    pos = folded.find(first_word)
    while pos >= 0:
        m = regex.match(joined, pos)
        if m is not None:
            yield m
        pos = folded.find(first_word, m.end() if m is not None else pos + 1)


def _occurrences(regex: re.Pattern[str], matches: Iterator[re.Match[str]],
                 doc: SourceDoc) -> list[tuple[Sentence, int, int]]:
    """(sentence, start, end) of each of `matches`, the matches of `regex` in `doc.joined`;
    exactly the per-sentence matches (see SourceDoc.joined). If a match spans two sentences,
    the variant is searched sentence by sentence instead."""
    found = []
    for m in matches:
        place = doc.in_sentence(m.start(), m.end())
        if place is None:
            return [(s, x.start(), x.end()) for s in doc.sentences for x in regex.finditer(s.text)]
        k, start, end = place
        found.append((doc.sentences[k], start, end))
    return found


def _not_ordinary(occurrences: list[tuple[Sentence, int, int]],
                  not_in: re.Pattern[str] | None) -> list[tuple[Sentence, int, int]]:
    """The occurrences that lie inside none of the `not_in` phrases' matches in their sentence."""
    if not_in is None:
        return occurrences
    spans: dict[int, list[tuple[int, int]]] = {}
    kept = []
    for sentence, start, end in occurrences:
        around = spans.get(sentence.index)
        if around is None:
            around = spans[sentence.index] = [m.span() for m in not_in.finditer(sentence.text)]
        if not any(a <= start and end <= b for a, b in around):
            kept.append((sentence, start, end))
    return kept


def _field_word(doc: SourceDoc, context: re.Pattern[str], found: list[tuple[Sentence, int, int]],
                ordinary: re.Pattern[str] | None) -> str | None:
    """The first context phrase the source uses outside the variant's own occurrences `found`
    (a context word inside the variant proves nothing) and outside every phrase in which a
    variant is ordinary English (`ordinary`: all terms' not_in), its spaces normalised; None if
    none."""
    taken: dict[int, list[tuple[int, int]]] = {}
    for sentence, start, end in found:
        taken.setdefault(sentence.index, []).append((start, end))
    for sentence in doc.sentences:
        spans = taken.get(sentence.index, [])
        matches = list(context.finditer(sentence.text))
        if matches and ordinary is not None:
            spans = spans + [m.span() for m in ordinary.finditer(sentence.text)]
        for m in matches:
            if not any(m.start() < end and start < m.end() for start, end in spans):
                return " ".join(m[0].split())
    return None


@lru_cache(maxsize=8)
def _ordinary(rules: Ruleset) -> re.Pattern[str] | None:
    """Every term's not_in phrases, in one matcher (None if there are none)."""
    phrases = [p for term in rules.quality.terminology for p in term.not_in]
    return phrase_regex(phrases) if phrases else None


def check_source(doc: SourceDoc, rules: Ruleset) -> Iterator[Finding]:
    source = doc.id
    joined = doc.joined
    folded = _aligned_fold(joined)
    for preferred, variant, first_word, regex, context, not_in in _terms(rules):
        if folded is not None and first_word is not None:
            if first_word not in folded:
                continue
            matches = _matches(regex, first_word, joined, folded)
        else:
            matches = regex.finditer(joined)
        found = _occurrences(regex, matches, doc)
        occurrences = _not_ordinary(found, not_in)
        if not occurrences:
            continue
        field = None
        if context is not None:
            field = _field_word(doc, context, found, _ordinary(rules))
            if field is None:
                continue  # the source is not about the field
        count = len(occurrences)
        times = "once" if count == 1 else f"{count} times"
        more = f"; the first {MAX_EVIDENCE} are shown" if count > MAX_EVIDENCE else ""
        yield Finding(
            kind=KIND, severity=DEFAULT_SEVERITY,
            message=(f"Source {source} uses {quoted(variant)} {times}{more}: a variant or "
                     f"mistranslation of \u201c{preferred}\u201d. Read it as \u201c{preferred}\u201d "
                     f"and use the preferred term when quoting."),
            evidence=tuple(sentence_evidence(*place) for place in occurrences[:MAX_EVIDENCE]),
            fingerprint=fingerprint(KIND, None, None, [source], [],
                                    extra=f"{variant.lower()}->{preferred.lower()}"),
            details={"variant": variant, "preferred": preferred, "occurrences": count,
                     **({} if field is None else {"context": field})},
        )
