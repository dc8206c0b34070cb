"""The core: options in, Report out. sources -> claims -> findings -> explanations -> Report.

No click here and no rendering; the CLI parses options into `AuditOptions`, calls `audit`,
renders and picks the exit code.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import __version__
from .checks import CLAIM_CHECKS, QUALITY_CHECKS, Corpus
from .claims import source_claims
from .explanations import Explanation, apply_explanations, load_explanations
from .models import SEVERITY_RANK, Claim, Evidence, Finding, Report, Sentence, Source, Summary
from .quality.exclusion import mark_excluded
from .reconcile import reconcile
from .ruleset import Ruleset, load_ruleset
from .segment import split_sentences
from .sources import load_sources


@dataclass(frozen=True)
class AuditOptions:
    sources: tuple[Path, ...] = (Path("seeds"),)
    rules: Path = Path("rules")
    explanations: Path | None = None
    today: date | None = None
    include_excluded: bool = False


@dataclass(frozen=True)
class AuditResult:
    report: Report
    stale: tuple[Explanation, ...] = ()
    expired: tuple[Explanation, ...] = ()
    rules: Ruleset | None = field(default=None, compare=False)


def extract_source(source: Source, rules: Ruleset) -> tuple[tuple[Sentence, ...], tuple[Claim, ...]]:
    """Per-document stage (a pure map over documents): sentences and claims of one source."""
    sentences = tuple(split_sentences(source.id, source.text))
    return sentences, tuple(source_claims(source, rules, sentences))


def build_corpus(sources: Sequence[Source], rules: Ruleset) -> Corpus:
    sentences: dict[str, tuple[Sentence, ...]] = {}
    claims: list[Claim] = []
    for source in sources:
        sentences[source.id], found = extract_source(source, rules)
        claims.extend(found)
    return Corpus(sources=tuple(s.info for s in sources), texts={s.id: s.text for s in sources},
                  sentences=sentences, claims=tuple(claims))


def _line_col(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def locate(evidence: Evidence, text: str) -> Evidence:
    """Stamp 1-based line/column (end exclusive) on evidence, from the highlighted span."""
    start, end = evidence.figure_span or evidence.span
    line, column = _line_col(text, start)
    end_line, end_column = _line_col(text, end)
    return evidence.model_copy(update={"line": line, "column": column, "end_line": end_line,
                                       "end_column": end_column})


def _sort_key(f: Finding) -> tuple[object, ...]:
    first = f.evidence[0] if f.evidence else None
    return (-SEVERITY_RANK[f.severity], f.kind, f.metric or "", first.source if first else "",
            first.span if first else (0, 0), f.fingerprint)


def run_checks(corpus: Corpus, rules: Ruleset) -> list[Finding]:
    findings: list[Finding] = []
    for module in (*QUALITY_CHECKS, *CLAIM_CHECKS):
        findings.extend(module.check(corpus, rules))
    located = [f.model_copy(update={"evidence": tuple(locate(e, corpus.texts[e.source]) for e in f.evidence)})
               for f in findings]
    return sorted(located, key=_sort_key)


def summarise(corpus: Corpus, findings: Sequence[Finding], reconciled: int) -> Summary:
    return Summary(
        sources=len(corpus.sources), claims=len(corpus.claims),
        mapped_claims=sum(1 for c in corpus.claims if c.metric),
        findings=len(findings),
        by_severity={s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")},
        by_kind=dict(sorted(Counter(f.kind for f in findings).items())),
        new=sum(1 for f in findings if f.status != "explained"),
        explained=sum(1 for f in findings if f.status == "explained"), reconciled=reconciled,
    )


def audit(options: AuditOptions) -> AuditResult:
    """Run the whole pipeline; raises IicheckError subclasses for anything a user must fix."""
    rules = load_ruleset(options.rules)
    explanations = None
    if options.explanations is not None:
        explanations = load_explanations(options.explanations, set(rules.metric_by_id))
    sources = load_sources(list(options.sources), rules)
    corpus = build_corpus(sources, rules)
    quality = [f for m in QUALITY_CHECKS for f in m.check(corpus, rules)]
    corpus = mark_excluded(corpus, quality)
    findings = run_checks(corpus, rules)
    stale: tuple[Explanation, ...] = ()
    expired: tuple[Explanation, ...] = ()
    if explanations is not None:
        result = apply_explanations(findings, explanations, options.today or date.today())
        findings, stale, expired = list(result.findings), result.stale, result.expired
    reconciled = reconcile(corpus.claims, rules)
    report = Report(
        tool="iicheck", version=__version__, rules_version=rules.version, sources=corpus.sources,
        claims=corpus.claims, findings=tuple(findings), reconciled=tuple(reconciled),
        summary=summarise(corpus, findings, len(reconciled)),
    )
    return AuditResult(report=report, stale=stale, expired=expired, rules=rules)
