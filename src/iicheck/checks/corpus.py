"""What every check receives: the corpus in memory (sources, sentences, claims). No I/O."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Claim, Sentence, SourceInfo


@dataclass(frozen=True)
class Corpus:
    sources: tuple[SourceInfo, ...]
    texts: dict[str, str]
    sentences: dict[str, tuple[Sentence, ...]]
    claims: tuple[Claim, ...]
