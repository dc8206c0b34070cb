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
Options: ``terminology: [{preferred, variants: [...]}]`` in rules/quality.yaml.
Example: ``{preferred: identifier resolution, variants: [logo analysis, sign construction]}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..findings import fingerprint, sentence_evidence
from ..models import Finding, Sentence, Severity
from ..ruleset import Ruleset, phrase_regex
from .corpus import Corpus, SourceDoc, each_source

KIND = "terminology"
DEFAULT_SEVERITY: Severity = "info"
MAX_EVIDENCE = 5


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_source(check_source, corpus, rules)


@lru_cache(maxsize=8)
def _terms(rules: Ruleset) -> tuple[tuple[str, str, str | None, re.Pattern[str]], ...]:
    """(preferred, variant, its first word lower-cased if the variant is ASCII else None,
    matcher) per variant."""
    return tuple((term.preferred, variant, variant.split()[0].lower() if variant.isascii() else None,
                  phrase_regex([variant]))
                 for term in rules.quality.terminology for variant in term.variants
                 if variant.strip() and variant.strip().lower() != term.preferred.strip().lower())


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


def check_source(doc: SourceDoc, rules: Ruleset) -> Iterator[Finding]:
    source = doc.id
    joined = doc.joined
    folded = _aligned_fold(joined)
    for preferred, variant, first_word, regex in _terms(rules):
        if folded is not None and first_word is not None:
            if first_word not in folded:
                continue
            matches = _matches(regex, first_word, joined, folded)
        else:
            matches = regex.finditer(joined)
        occurrences = _occurrences(regex, matches, doc)
        if not occurrences:
            continue
        count = len(occurrences)
        times = "once" if count == 1 else f"{count} times"
        more = f"; the first {MAX_EVIDENCE} are shown" if count > MAX_EVIDENCE else ""
        yield Finding(
            kind=KIND, severity=DEFAULT_SEVERITY,
            message=(f"Source {source} uses \u201c{variant}\u201d {times}{more}: a variant or "
                     f"mistranslation of \u201c{preferred}\u201d. Read it as \u201c{preferred}\u201d "
                     f"and use the preferred term when quoting."),
            evidence=tuple(sentence_evidence(*place) for place in occurrences[:MAX_EVIDENCE]),
            fingerprint=fingerprint(KIND, None, None, [source], [],
                                    extra=f"{variant.lower()}->{preferred.lower()}"),
            details={"variant": variant, "preferred": preferred, "occurrences": count},
        )
