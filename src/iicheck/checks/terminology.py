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

import bisect
import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from ..findings import fingerprint, sentence_evidence
from ..models import Evidence, Finding, Sentence, Severity
from ..ruleset import Ruleset, phrase_body, phrase_regex, whole_words
from .corpus import Corpus, SourceDoc, each_source

KIND = "terminology"
DEFAULT_SEVERITY: Severity = "info"
MAX_EVIDENCE = 5


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_source(check_source, corpus, rules)


@lru_cache(maxsize=8)
def _terms(rules: Ruleset) -> tuple[tuple[str, str, str, re.Pattern[str]], ...]:
    """(preferred, variant, its first word case-folded, matcher) per variant."""
    return tuple((term.preferred, variant, variant.split()[0].casefold(), phrase_regex([variant]))
                 for term in rules.quality.terminology for variant in term.variants
                 if variant.strip() and variant.strip().lower() != term.preferred.strip().lower())


def _may_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether matches of word sequences `a` and `b` could share a word: one inside the
    other, or an end of `a` that begins `b`."""
    if any(a[i:i + len(b)] == b for i in range(len(a) - len(b) + 1)):
        return True
    return any(a[-k:] == b[:k] for k in range(1, min(len(a), len(b)) + 1))


@lru_cache(maxsize=8)
def _combined(rules: Ruleset) -> re.Pattern[str] | None:
    """One matcher for every variant (group ``v<i>`` for the i-th of `_terms`), when no two
    variants' matches can overlap: then one scan finds exactly the matches the separate
    matchers would. None when two could overlap (each variant is then scanned alone)."""
    words = [tuple(variant.casefold().split()) for _, variant, _, _ in _terms(rules)]
    if not words or any(i != j and _may_overlap(a, b)
                        for i, a in enumerate(words) for j, b in enumerate(words)):
        return None
    return whole_words([f"(?P<v{i}>{phrase_body(v)})" for i, (_, v, _, _) in enumerate(_terms(rules))])


def _by_variant(combined: re.Pattern[str], doc: SourceDoc, joined: str,
                starts: list[int]) -> dict[int, list[tuple[Sentence, int, int]]] | None:
    """Occurrences of each variant (by index) from one scan; None if a match spans two
    sentences (the caller then scans each variant sentence by sentence)."""
    found: dict[int, list[tuple[Sentence, int, int]]] = {}
    for m in combined.finditer(joined):
        i = bisect.bisect_right(starts, m.start()) - 1
        sentence = doc.sentences[i]
        if m.end() > starts[i] + len(sentence.text):
            return None
        assert m.lastgroup is not None
        found.setdefault(int(m.lastgroup[1:]), []).append(
            (sentence, m.start() - starts[i], m.end() - starts[i]))
    return found


def _occurrences(regex: re.Pattern[str], doc: SourceDoc, joined: str,
                 starts: list[int]) -> Iterator[tuple[Sentence, int, int]]:
    """(sentence, start, end) of each match, from one pass over the joined text (sentences
    joined by newlines, `starts` their offsets in it); exactly the per-sentence matches, since
    a newline satisfies the matcher's word-boundary checks as the ends of a sentence do. If a
    match spans two sentences, the variant is searched sentence by sentence instead."""
    found = []
    for m in regex.finditer(joined):
        i = bisect.bisect_right(starts, m.start()) - 1
        sentence = doc.sentences[i]
        if m.end() > starts[i] + len(sentence.text):
            found = [(s, x.start(), x.end()) for s in doc.sentences for x in regex.finditer(s.text)]
            break
        found.append((sentence, m.start() - starts[i], m.end() - starts[i]))
    return iter(found)


def check_source(doc: SourceDoc, rules: Ruleset) -> Iterator[Finding]:
    source = doc.id
    joined = "\n".join(s.text for s in doc.sentences)
    starts = list(itertools.accumulate((len(s.text) + 1 for s in doc.sentences[:-1]), initial=0))
    combined = _combined(rules)
    by_variant = _by_variant(combined, doc, joined, starts) if combined is not None else None
    # Scanned one by one, a variant can only match where its first word occurs (case-folded,
    # as the matcher ignores case): a substring test rules most out before any regex runs.
    folded = joined.casefold() if by_variant is None else ""
    for k, (preferred, variant, first_word, regex) in enumerate(_terms(rules)):
        if by_variant is not None:
            occurrences: Iterator[tuple[Sentence, int, int]] = iter(by_variant.get(k, ()))
        elif first_word in folded:
            occurrences = _occurrences(regex, doc, joined, starts)
        else:
            continue
        evidence: list[Evidence] = []
        count = 0
        for sentence, start, end in occurrences:
            count += 1
            if len(evidence) < MAX_EVIDENCE:
                evidence.append(sentence_evidence(sentence, start, end))
        if not count:
            continue
        times = "once" if count == 1 else f"{count} times"
        more = f"; the first {MAX_EVIDENCE} are shown" if count > MAX_EVIDENCE else ""
        yield Finding(
            kind=KIND, severity=DEFAULT_SEVERITY,
            message=(f"Source {source} uses \u201c{variant}\u201d {times}{more}: a variant or "
                     f"mistranslation of \u201c{preferred}\u201d. Read it as \u201c{preferred}\u201d "
                     f"and use the preferred term when quoting."),
            evidence=tuple(evidence),
            fingerprint=fingerprint(KIND, None, None, [source], [],
                                    extra=f"{variant.lower()}->{preferred.lower()}"),
            details={"variant": variant, "preferred": preferred, "occurrences": count},
        )
