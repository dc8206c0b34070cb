"""Claims inside passages the quality checks distrust are marked `excluded` (kept, not compared).

A figure inside an off-topic or boilerplate span is still listed in the claims table, but
consistency checks leave it out by default, so a spliced or scraped figure cannot create (or
hide) a contradiction. `exclude_claims_in` in rules/quality.yaml lists the kinds that exclude
(both by default); an editor who finds the off-topic detector flagging genuine sentences of
their sources can leave it out, and those figures are then compared like any other. A claim inside both kinds of span is marked with the first kind of
EXCLUDING_KINDS, whatever order the findings come in, so the marking can be applied in steps
(boilerplate in the per-document map, off-topic once the corpus is known) with the same result
as in one. A claim extraction marked "denied" (its sentence calls the figure false) keeps
that mark unless one of these kinds covers it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from ..models import Claim, Finding

if TYPE_CHECKING:  # for the annotations only: the checks import this module (a runtime import
    from ..checks.corpus import Corpus  # made `import iicheck.render.html` alone fail, a cycle)

EXCLUDING_KINDS = ("off_topic", "boilerplate")
"""Kinds whose spans exclude the claims in them, in order of precedence."""


def exclude_claims(claims: Sequence[Claim], findings: Sequence[Finding],
                   kinds: Collection[str] = EXCLUDING_KINDS) -> tuple[Claim, ...]:
    """The claims, each marked with the highest-precedence excluding kind among `findings`
    whose span overlaps its figure (a mark already there counts as one such kind); only
    findings of `kinds` (a subset of EXCLUDING_KINDS: the rules' `exclude_claims_in`) count."""
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for f in findings:
        if f.kind not in EXCLUDING_KINDS or f.kind not in kinds:
            continue
        for e in f.evidence:
            start, end = e.figure_span or e.span
            spans.setdefault(e.source, []).append((start, end, f.kind))
    if not spans:
        return tuple(claims)
    rank = {k: i for i, k in enumerate(EXCLUDING_KINDS)}
    out = []
    for c in claims:
        kinds = {k for s, e, k in spans.get(c.source, ()) if s < c.span[1] and c.span[0] < e}
        if c.excluded:
            kinds.add(c.excluded)
        kind = min(kinds, key=lambda k: rank.get(k, len(rank)), default=None)
        out.append(c.model_copy(update={"excluded": kind}) if kind != c.excluded else c)
    return tuple(out)


def figures_note(kind: str, kinds: Collection[str], subject: str) -> str:
    """The end of a `kind` finding's message: whether the figures in its passage (`subject`:
    "Its figures", "figures in it") are compared, under the rules' `exclude_claims_in`
    (`kinds`)."""
    if kind in kinds:
        return f"{subject} are not compared."
    return f"{subject} are still compared (exclude_claims_in in rules/quality.yaml leaves {kind} out)."


def mark_excluded(corpus: Corpus, quality_findings: Sequence[Finding],
                  kinds: Collection[str] = EXCLUDING_KINDS) -> Corpus:
    """The corpus with its claims marked (see exclude_claims)."""
    claims = exclude_claims(corpus.claims, quality_findings, kinds)
    if all(a is b for a, b in zip(claims, corpus.claims)):
        return corpus
    return dataclasses.replace(corpus, claims=claims)
