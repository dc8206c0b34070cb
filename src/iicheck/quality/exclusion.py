"""Claims inside passages the quality checks distrust are marked `excluded` (kept, not compared).

A figure inside an off-topic or boilerplate span, or an artifact-laden sentence... is still
listed in the claims table, but consistency checks leave it out by default, so a spliced or
scraped figure cannot create (or hide) a contradiction.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..checks.corpus import Corpus
from ..models import Finding

EXCLUDING_KINDS = ("off_topic", "boilerplate")


def mark_excluded(corpus: Corpus, quality_findings: Sequence[Finding]) -> Corpus:
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for f in quality_findings:
        if f.kind not in EXCLUDING_KINDS:
            continue
        for e in f.evidence:
            start, end = e.figure_span or e.span
            spans.setdefault(e.source, []).append((start, end, f.kind))
    if not spans:
        return corpus
    claims = []
    for c in corpus.claims:
        kind = next((k for s, e, k in spans.get(c.source, []) if s < c.span[1] and c.span[0] < e), None)
        claims.append(c.model_copy(update={"excluded": kind}) if kind and not c.excluded else c)
    return Corpus(corpus.sources, corpus.texts, corpus.sentences, tuple(claims))
