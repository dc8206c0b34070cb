"""Words as the off-topic detector sees them: tokens with offsets, stop words, a small stemmer.

Pure functions; `_content_stem` is memoised, and `token_stem` memoises it per token as found
(caches of a pure function, not state).
"""

from __future__ import annotations

import re
from functools import lru_cache

_STOP = frozenset(
    """a about above after again against all almost also although always am among an and any
    are aren as at be became because become becomes been before being below between both but by
    can cannot could did do does doing done down during each either else even ever every few for
    from further get gets got had has have having he her here hers herself him himself his how
    however i if in into is it its itself just least less let like made make makes many may me
    might more most much must my myself neither no nor not now of off often on once one only or
    other others otherwise our ours ourselves out over own per perhaps quite rather re really
    same shall she should since so some still such than that the their theirs them themselves
    then there therefore these they this those though through thus to too toward towards under
    until up upon us very was we were what whatever when where whether which while who whom
    whose why will with within without would yet you your yours yourself yourselves s t d ll ve
    etc eg ie mr mrs ms dr st via say says said new two three four five six seven eight nine ten
    first second third another well way ways way's next last according already around able
    put puts putting take takes taking taken took give gives giving given gave keep keeps kept
    come comes came going go goes went gone following follow follows forward back use used uses
    using need needs needed known know see seen seem seems show shows shown find found make
    making set sets thing things part parts kind lot lots number numbers time times day days
    year years certain specific various different general main great good better best high
    higher low lower large larger small smaller big long short important key major basic
    whole full fully far near much many little several including include includes included
    mean means meant relate related relating regard regarding aspect aspects terms term""".split()
)

_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_HAS_DIGIT = re.compile(r"\d")

_VOWELS = frozenset("aeiouy")
_DERIVATIONAL = (
    "izations", "ization", "isations", "isation", "ations", "ation", "itions", "ition",
    "ions", "ion", "ments", "ment", "nesses", "ness", "ities", "ity", "ively", "ive",
    "ally", "ly", "als", "al", "ers", "er", "izes", "ize", "ises", "ise",
)


def _stem(word: str) -> str:
    """A small, deterministic suffix stripper (in the spirit of Porter, much shorter).

    Plural -> verb ending (-ing, -ed) -> up to two derivational suffixes -> final "e"; a final "y"
    becomes "i". Conflates industry/industrial, enterprise/enterprises, develop/development,
    production/products, digital/digitalization.
    """
    w = word
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith(("ches", "shes", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suf in ("ing", "ed"):
        if w.endswith(suf) and len(w) - len(suf) >= 3 and _VOWELS.intersection(w[: -len(suf)]):
            w = w[: -len(suf)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    for _ in range(2):
        for suf in _DERIVATIONAL:
            if w.endswith(suf):
                rest = len(w) - len(suf)
                if rest >= (5 if suf in ("ly", "er", "ers") else 4):
                    w = w[:rest]
                    break
                return _finish(w)
        else:
            break
    return _finish(w)


def _finish(w: str) -> str:
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if w.endswith("y") and len(w) > 3:
        w = w[:-1] + "i"
    return w


@lru_cache(maxsize=1 << 16)
def _content_stem(low: str) -> str | None:
    """Stem of a lower-cased token, or None when it is not a content word (pure; memoised)."""
    base = low.split("'", 1)[0].split("’", 1)[0]
    if len(base) < 2 or base in _STOP or _HAS_DIGIT.search(base):
        return None
    stem = _stem(base)
    if stem in _STOP or len(stem) < 2:
        return None
    return stem


class _TokenStems(dict[str, "str | None"]):
    """Word token as found (any case) -> ``_content_stem`` of it lower-cased, filled on first
    use: a dict lookup per token, without the ``str.lower`` call and the lru_cache wrapper per
    token (15% of stemming time, measured); pure, so clearing it (when it outgrows
    :data:`_TOKEN_STEMS_MAX`) changes nothing but speed."""

    def __missing__(self, token: str) -> str | None:
        if len(self) >= _TOKEN_STEMS_MAX:
            self.clear()
        stem = self[token] = _content_stem(token.lower())
        return stem


_TOKEN_STEMS_MAX = 1 << 17
_TOKEN_STEMS = _TokenStems()
token_stem = _TOKEN_STEMS.__getitem__
"""The stem of a word token as `_WORD_RE` finds it (any case), or None (see _TokenStems)."""


def _tokens(text: str) -> list[tuple[int, int, str | None, str]]:
    """All word tokens with offsets: (start, end, stem or None for non-content, surface)."""
    return [(m.start(), m.end(), token_stem(m.group(0)), m.group(0)) for m in _WORD_RE.finditer(text)]


def content_words(text: str) -> list[str]:
    """The stemmed content words of a text, as the detector sees them (for tests/debugging)."""
    return [s for _, _, s, _ in _tokens(text) if s is not None]
