"""What every check receives: the corpus in memory (sources, sentences, claims). No I/O.

Checks that judge one source at a time (the per-source quality checks) receive a
:class:`SourceDoc` instead, and checks that judge one claim at a time receive the claim, so
the engine can run them inside the per-document map (in worker processes, cached with the
extraction); their ``check(corpus, rules)`` is the same function applied to every source, or
every claim not excluded, of a corpus, through :func:`each_source` / :func:`each_claim`.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from ..models import Claim, Finding, Sentence, SourceInfo
from ..quality.offtopic_prepare import PreparedDoc
from ..ruleset import Ruleset


BodySpans = tuple[tuple[int, int], ...]
"""(start, end) in the source text of each body sentence, in order."""


@dataclass(frozen=True)
class Corpus:
    sources: tuple[SourceInfo, ...]
    texts: dict[str, str]
    sentences: dict[str, tuple[Sentence, ...]]
    claims: tuple[Claim, ...]
    prepared: dict[str, PreparedDoc] = field(default_factory=dict)
    """The off-topic detector's per-document preparation, when the per-document map made it
    (the off_topic check prepares any source missing here itself)."""
    bodies: dict[str, BodySpans] = field(default_factory=dict)
    """(start, end) of each body sentence (the ones the off-topic detector reads), per source,
    when the per-document map made them. An audit keeps these instead of `sentences`, which
    only the per-source checks need (they run in the map)."""


T = TypeVar("T")
R = TypeVar("R")
DocMap = Callable[[Callable[[Any, int], Any], Any, int], list[Any]]
"""``map_docs(func, shared, n) -> [func(shared, 0), ..., func(shared, n - 1)]``: how a
corpus-level check runs its per-document part; the engine may pass a parallel one."""


def serial_map(func: Callable[[T, int], R], shared: T, n: int) -> list[R]:
    """The plain, in-process DocMap."""
    return [func(shared, i) for i in range(n)]


@dataclass(frozen=True)
class SourceDoc:
    """One source as a per-source check sees it: its id, its info (if known) and sentences."""

    id: str
    info: SourceInfo | None
    sentences: tuple[Sentence, ...]

    @cached_property
    def joined(self) -> str:
        """The sentences' texts joined by newlines, made once for every check of the source: a
        pattern scans it in one pass instead of one per sentence, and finds the same matches
        within a sentence (a newline satisfies word-boundary look-arounds, ``^`` and ``$`` in
        multi-line mode, as a sentence's ends do); see `in_sentence` for the ones that are not."""
        return "\n".join(s.text for s in self.sentences)

    @cached_property
    def _starts(self) -> list[int]:
        return list(itertools.accumulate((len(s.text) + 1 for s in self.sentences[:-1]), initial=0))

    def in_sentence(self, start: int, end: int) -> tuple[int, int, int] | None:
        """The span [start, end) of `joined` as (index of its sentence, start, end within that
        sentence); None when it runs on past the sentence's end (across the newline), where a
        per-sentence scan would not have matched it."""
        k = bisect.bisect_right(self._starts, start) - 1
        offset = self._starts[k]
        if end > offset + len(self.sentences[k].text):
            return None
        return k, start - offset, end - offset


SourceCheck = Callable[[SourceDoc, Ruleset], Iterator[Finding]]
ClaimCheck = Callable[[Claim, Ruleset], Iterator[Finding]]


def each_source(check_source: SourceCheck, corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    """A per-source check applied to every source of the corpus, in id order."""
    infos = {s.id: s for s in corpus.sources}
    for source in sorted(corpus.sentences):
        yield from check_source(SourceDoc(source, infos.get(source), corpus.sentences[source]), rules)


def each_claim(check_claim: ClaimCheck, corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    """A per-claim check applied to every claim the quality checks did not exclude."""
    for claim in corpus.claims:
        if not claim.excluded:
            yield from check_claim(claim, rules)
