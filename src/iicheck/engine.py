"""The core: options in, Report out. sources -> claims -> findings -> explanations -> Report.

No click here and no rendering; the CLI parses options into `AuditOptions`, calls `audit`,
renders and picks the exit code.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import __version__
from .checks import CLAIM_CHECKS, QUALITY_CHECKS, Corpus
from .explanations import Explanation, apply_explanations, load_explanations
from .models import SEVERITY_RANK, Claim, Evidence, Finding, Report, Sentence, Source, SourceInfo, Summary
from .quality.exclusion import mark_excluded
from .quality.score import source_quality
from .reconcile import reconcile
from .summary import build_summary
from .ruleset import Ruleset, load_ruleset
from .parallel import extract_all
from .sources import load_sources


@dataclass(frozen=True)
class AuditOptions:
    sources: tuple[Path, ...] = (Path("seeds"),)
    rules: Path = Path("rules")
    explanations: Path | None = None
    today: date | None = None
    jobs: int = 1
    cache: Path | None = None


@dataclass(frozen=True)
class AuditResult:
    report: Report
    stale: tuple[Explanation, ...] = ()
    expired: tuple[Explanation, ...] = ()
    rules: Ruleset | None = field(default=None, compare=False)
    timings: dict[str, float] = field(default_factory=dict, compare=False)


def build_corpus(sources: Sequence[Source], rules: Ruleset, jobs: int = 1, cache: Path | None = None) -> Corpus:
    """The per-document map (parallel, cached) gathered into one corpus, in source order."""
    sentences: dict[str, tuple[Sentence, ...]] = {}
    claims: list[Claim] = []
    for source, (found_sentences, found_claims) in zip(sources, extract_all(sources, rules, jobs, cache),
                                                      strict=True):
        sentences[source.id] = found_sentences
        claims.extend(found_claims)
    return Corpus(sources=tuple(s.info for s in sources), texts={s.id: s.text for s in sources},
                  sentences=sentences, claims=tuple(claims))


def line_starts(text: str) -> list[int]:
    """Offsets where each line begins (for line/column lookups by bisect)."""
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def _line_col(starts: list[int], pos: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, pos)
    return line, pos - starts[line - 1] + 1


def locate(evidence: Evidence, starts: list[int]) -> Evidence:
    """Stamp 1-based line/column (end exclusive) on evidence, from the highlighted span."""
    start, end = evidence.figure_span or evidence.span
    line, column = _line_col(starts, start)
    end_line, end_column = _line_col(starts, end)
    return evidence.model_copy(update={"line": line, "column": column, "end_line": end_line,
                                       "end_column": end_column})


def _sort_key(f: Finding) -> tuple[object, ...]:
    first = f.evidence[0] if f.evidence else None
    return (-SEVERITY_RANK[f.severity], f.kind, f.metric or "", first.source if first else "",
            first.span if first else (0, 0), f.fingerprint)


def run_checks(corpus: Corpus, rules: Ruleset) -> tuple[list[Finding], Corpus]:
    """Quality checks first; claims in the passages they distrust are then left out of the
    claim checks (kept in the claims table, marked `excluded`)."""
    quality = [f for m in QUALITY_CHECKS for f in m.check(corpus, rules)]
    corpus = mark_excluded(corpus, quality)
    findings = quality + [f for m in CLAIM_CHECKS for f in m.check(corpus, rules)]
    starts = {sid: line_starts(text) for sid, text in corpus.texts.items()}
    located = [f.model_copy(update={"evidence": tuple(locate(e, starts[e.source]) for e in f.evidence)})
               for f in findings]
    return sorted(located, key=_sort_key), corpus


def score_sources(corpus: Corpus, findings: Sequence[Finding]) -> tuple[SourceInfo, ...]:
    """Each source's quality score and counts by kind, from its quality findings."""
    quality_kinds = {m.KIND for m in QUALITY_CHECKS}
    by_source: dict[str, list[Finding]] = {}
    for f in findings:
        if f.kind in quality_kinds and f.evidence:
            by_source.setdefault(f.evidence[0].source, []).append(f)
    scored = []
    for info in corpus.sources:
        own = by_source.get(info.id, [])
        body = sum(1 for s in corpus.sentences.get(info.id, ()) if s.kind == "body")
        score, counts = source_quality(own, body)
        scored.append(info.model_copy(update={"quality_score": score, "quality_counts": counts}))
    return tuple(scored)


def summarise(corpus: Corpus, findings: Sequence[Finding], reconciled: int) -> Summary:
    return build_summary(len(corpus.sources), corpus.claims, findings, reconciled)


def audit(options: AuditOptions) -> AuditResult:
    """Run the whole pipeline; raises IicheckError subclasses for anything a user must fix."""
    clock = _Stopwatch()
    rules = load_ruleset(options.rules)
    explanations = None
    if options.explanations is not None:
        explanations = load_explanations(options.explanations, set(rules.metric_by_id))
    sources = load_sources(list(options.sources), rules)
    clock.lap("load")
    corpus = build_corpus(sources, rules, options.jobs, options.cache)
    clock.lap("extract")
    findings, corpus = run_checks(corpus, rules)
    clock.lap("checks")
    stale: tuple[Explanation, ...] = ()
    expired: tuple[Explanation, ...] = ()
    if explanations is not None:
        result = apply_explanations(findings, explanations, options.today or date.today())
        findings, stale, expired = list(result.findings), result.stale, result.expired
    reconciled = reconcile(corpus.claims, rules)
    clock.lap("reconcile")
    report = Report(
        tool="iicheck", version=__version__, rules_version=rules.version,
        sources=score_sources(corpus, findings),
        claims=corpus.claims, findings=tuple(findings), reconciled=tuple(reconciled),
        summary=summarise(corpus, findings, len(reconciled)),
    )
    clock.lap("report")
    return AuditResult(report=report, stale=stale, expired=expired, rules=rules, timings=clock.laps)


class _Stopwatch:
    """Seconds per pipeline stage, for the benchmark (never written into reports)."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._last
        self._last = now
