"""duplicate_text — the same heading or sentence twice in one source.

Flags: a heading or sentence of at least 5 words that occurs more than once in a source once
case, whitespace and punctuation are ignored — a scraper that captured the headline twice,
or a paragraph pasted twice. One finding per repeated text per source; every occurrence is
evidence (the whole sentence highlighted). A paragraph pasted twice gives one finding per
sentence of it.
Fires when: "Accelerate the development of industrial interconnection to promote the
high-quality development of manufacturing industry" followed by the same line in lower case.
Does not fire when: the text is shorter than 5 words ("Editor: Li Xiaoqiong" in two
different sources is boilerplate, not a duplicate; and repeats across sources are not
duplicates of a source's own text); the sentences differ in any word or number.
Options: none.
Example: "Industrial internet platforms grew fast. ... INDUSTRIAL internet platforms grew
fast!" -> one finding with two evidence sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..findings import fingerprint, sentence_evidence
from ..models import Finding, Sentence, Severity
from ..ruleset import Ruleset
from .corpus import Corpus, SourceDoc, each_source

KIND = "duplicate_text"
DEFAULT_SEVERITY: Severity = "info"
MIN_WORDS = 5

_TOKEN = re.compile(r"\w+")
_NOT_ASCII_WORD = bytes(sorted(set(range(256)) - set(b"abcdefghijklmnopqrstuvwxyz0123456789_")))


def normalise(text: str) -> str:
    """Lower case, words only: punctuation and whitespace differences do not count."""
    return " ".join(_TOKEN.findall(text.lower()))


def _ascii_word_chars(text: str) -> bytes:
    """The ASCII word characters of the lower-cased text, in order: a function of
    normalise(text) (every one of them is in a word of it), so the same for texts that normalise
    alike, and several times cheaper to compute."""
    return text.lower().encode().translate(None, _NOT_ASCII_WORD)


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_source(check_source, corpus, rules)


def check_source(doc: SourceDoc, rules: Ruleset) -> Iterator[Finding]:
    source = doc.id
    coarse = [_ascii_word_chars(s.text) for s in doc.sentences]
    sharing = Counter(coarse)
    groups: dict[str, list[Sentence]] = {}
    for sentence, c in zip(doc.sentences, coarse):
        if sharing[c] < 2:
            continue  # no other sentence can normalise alike
        key = normalise(sentence.text)
        if len(key.split()) >= MIN_WORDS:
            groups.setdefault(key, []).append(sentence)
    for key, repeats in groups.items():
        if len(repeats) < 2:
            continue
        what = "heading" if all(s.kind == "heading" for s in repeats) else "sentence"
        first = repeats[0].text.strip()
        yield Finding(
            kind=KIND, severity=DEFAULT_SEVERITY,
            message=(f"The {what} \u201c{first}\u201d occurs {len(repeats)} times in source {source} "
                     f"(ignoring case and punctuation): a scraping or editing duplicate; keep one."),
            evidence=tuple(sentence_evidence(s, 0, len(s.text.rstrip())) for s in repeats),
            fingerprint=fingerprint(KIND, None, None, [source], [key], extra=what),
            details={"occurrences": len(repeats)},
        )
