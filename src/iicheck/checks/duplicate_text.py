"""duplicate_text — the same heading or sentence twice in one source.

Flags: a heading or sentence of at least 5 words that occurs more than once in a source once
case, whitespace and punctuation are ignored — a scraper that captured the headline twice,
or a paragraph pasted twice. One finding per repeated text per source; every occurrence is
evidence (the whole sentence highlighted). A paragraph pasted twice gives one finding per
sentence of it.
Fires when: "Accelerate the development of industrial interconnection to promote the
high-quality development of manufacturing industry" followed by the same line in lower case.
Does not fire when: a short heading recurs three times or more (a PDF's running header,
"St Aidan's Newsletter – Spring Term 2009" on every page: boilerplate's ``repeated_line``);
the text is shorter than 5 words ("Editor: Li Xiaoqiong" in two
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

from ..findings import fingerprint, quoted, sentence_evidence
from ..models import Finding, Sentence, Severity
from ..ruleset import Ruleset
from .boilerplate import repeated_as_furniture
from .corpus import Corpus, SourceDoc, each_source

KIND = "duplicate_text"
DEFAULT_SEVERITY: Severity = "info"
MIN_WORDS = 5

_TOKEN = re.compile(r"\w+")
_NOT_ASCII_WORD = bytes(sorted(set(range(256)) - set(b"abcdefghijklmnopqrstuvwxyz0123456789_")))
_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = bytes.maketrans(_UPPER, _UPPER.lower())
_NOT_WORD_OR_NEWLINE = _NOT_ASCII_WORD.replace(b"\n", b"")
_NOT_WORD_OR_NEWLINE_ANY_CASE = bytes(sorted(set(_NOT_WORD_OR_NEWLINE) - set(_UPPER)))
_LOWER_TO_ASCII = ("\u0130", "\u212a")
"""The non-ASCII characters that str.lower turns into something with an ASCII character:
"İ" (to "i" and a combining dot) and "K" (Kelvin sign, to "k")."""


def normalise(text: str) -> str:
    """Lower case, words only: punctuation and whitespace differences do not count."""
    return " ".join(_TOKEN.findall(text.lower()))


def _ascii_word_chars(text: str) -> bytes:
    """The ASCII word characters of the lower-cased text, in order: a function of
    normalise(text) (every one of them is in a word of it), so the same for texts that normalise
    alike, and several times cheaper to compute."""
    return text.lower().encode().translate(None, _NOT_ASCII_WORD)


def _coarse_keys(doc: SourceDoc) -> list[bytes]:
    """_ascii_word_chars of each sentence, from a few passes over `doc.joined` instead of
    three passes per sentence: lower-casing the UTF-8 bytes (A-Z to a-z) in the pass that drops
    all but the ASCII word characters and the newlines is str.lower followed by that drop if
    the text has none of _LOWER_TO_ASCII (else str.lower is used): str.lower turns every other
    non-ASCII character into non-ASCII ones, whose UTF-8 bytes are dropped. Split at the
    newlines, that gives each sentence's key, or, for a sentence with newlines of its own,
    pieces of it to join (a newline is no word character, so it is dropped from a key)."""
    joined = doc.joined
    if any(c in joined for c in _LOWER_TO_ASCII):
        keys = joined.lower().encode().translate(None, _NOT_WORD_OR_NEWLINE)
    else:
        keys = joined.encode().translate(_ASCII_LOWER, _NOT_WORD_OR_NEWLINE_ANY_CASE)
    parts = keys.split(b"\n")
    if len(parts) == len(doc.sentences):
        return parts
    out, at = [], 0
    for s in doc.sentences:
        lines = s.text.count("\n") + 1
        out.append(b"".join(parts[at:at + lines]))
        at += lines
    return out


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_source(check_source, corpus, rules)


def check_source(doc: SourceDoc, rules: Ruleset) -> Iterator[Finding]:
    source = doc.id
    coarse = _coarse_keys(doc)
    sharing = Counter(coarse)
    groups: dict[str, list[Sentence]] = {}
    for sentence, c in zip(doc.sentences, coarse):
        if sharing[c] < 2:
            continue  # no other sentence can normalise alike
        key = normalise(sentence.text)
        if len(key.split()) >= MIN_WORDS:
            groups.setdefault(key, []).append(sentence)
    for key, repeats in groups.items():
        if len(repeats) < 2 or repeated_as_furniture(repeats):
            continue  # a running header repeated on every page is boilerplate's (repeated_line)
        what = "heading" if all(s.kind == "heading" for s in repeats) else "sentence"
        first = repeats[0].text.strip()
        yield Finding(
            kind=KIND, severity=DEFAULT_SEVERITY,
            message=(f"The {what} {quoted(first)} occurs {len(repeats)} times in source {source} "
                     f"(ignoring case and punctuation): a scraping or editing duplicate; keep one."),
            evidence=tuple(sentence_evidence(s, 0, len(s.text.rstrip())) for s in repeats),
            fingerprint=fingerprint(KIND, None, None, [source], [key], extra=what),
            details={"occurrences": len(repeats)},
        )
