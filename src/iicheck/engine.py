"""The core: options in, Report out. sources -> claims -> findings -> explanations -> Report.

No click here and no rendering; the CLI parses options into `AuditOptions`, calls `audit`,
renders and picks the exit code.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import __version__
from .checks import CORPUS_QUALITY_CHECKS, PAIR_CHECKS, PER_CLAIM_CHECKS, QUALITY_CHECKS, SOURCE_CHECKS, Corpus
from .checks.corpus import BodySpans, DocMap, each_claim, each_source, serial_map
from .checks import off_topic
from .checks.off_topic import HitMemo, pack_hits, unpack_hits
from .errors import IicheckError, Problem
from .explanations import Explanation, UnusedEntry, apply_explanations, read_explanations, unused_entries
from .locate import line_starts, locate
from .models import SEVERITY_RANK, Claim, Evidence, Finding, Report, Sentence, Source, SourceInfo, Summary
from .quality.exclusion import mark_excluded
from .quality.score import NOTHING_QUOTABLE, all_junk, junk_spans, source_quality
from .reconcile import reconcile
from .rules_used import rules_used
from .summary import build_summary
from .ruleset import Ruleset, load_ruleset
from . import cache
from .parallel import Mapped, document_keys, document_map, map_all, map_source
from .quality.offtopic_prepare import PreparedDoc
from .quality.offtopic_semantic import Encoder
from .progress import Progress
from .sources import display_path, load_sources


@dataclass(frozen=True)
class AuditOptions:
    sources: tuple[Path, ...] = (Path("seeds"),)
    rules: Path = Path("rules")
    explanations: Path | None = None
    today: date | None = None
    jobs: int = 1
    cache: Path | None = None
    semantic: bool = False
    """off_topic with sentence embeddings (the optional extra iicheck[semantic])."""
    executor: Executor | None = field(default=None, compare=False)
    """Runs the per-document map instead of the local process pool (e.g. a Dask client's
    executor, see iicheck.distributed); results are identical."""
    progress: Progress | None = field(default=None, compare=False)
    """Told the stage the audit is in and the documents it has done (iicheck.progress)."""


@dataclass(frozen=True)
class AuditResult:
    report: Report
    stale: tuple[Explanation, ...] = ()
    expired: tuple[Explanation, ...] = ()
    unused: tuple[UnusedEntry, ...] = ()
    """The stale and expired entries, located in the explanations file (what `check` reports)."""
    rules: Ruleset | None = field(default=None, compare=False)
    timings: dict[str, float] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class MapFindings:
    """Findings the per-document map produced, located: the per-source checks', and the
    per-claim checks' with the index of their claim in the corpus."""

    source: tuple[Finding, ...] = ()
    per_claim: tuple[tuple[int, Finding], ...] = ()


def map_corpus(sources: Sequence[Source], rules: Ruleset, jobs: int = 1, cache: Path | None = None,
               executor: Executor | None = None, keys: Sequence[str] | None = None,
               progress: Progress | None = None) -> tuple[Corpus, MapFindings]:
    """The per-document map (parallel, cached) gathered into one corpus, in source order, with
    the findings the map produced. The corpus carries no sentences (`Corpus.bodies` instead):
    the checks that read them ran in the map. `keys`: the sources' cache keys, if known."""
    return _gather(sources, map_all(sources, rules, jobs, cache, executor, keys, progress), keep_sentences=False)


def build_corpus(sources: Sequence[Source], rules: Ruleset) -> Corpus:
    """The corpus of the per-document map computed in this process, with every source's
    sentences, for running each check on a whole corpus (`run_checks` without map findings)."""
    return _gather(sources, [map_source(source, rules) for source in sources], keep_sentences=True)[0]


def _gather(sources: Sequence[Source], results: Iterable[Mapped],
            keep_sentences: bool) -> tuple[Corpus, MapFindings]:
    sentences: dict[str, tuple[Sentence, ...]] = {}
    prepared: dict[str, PreparedDoc] = {}
    bodies: dict[str, BodySpans] = {}
    claims: list[Claim] = []
    findings: list[Finding] = []
    per_claim: list[tuple[int, Finding]] = []
    for source, mapped in zip(sources, results, strict=True):
        if keep_sentences:
            sentences[source.id] = mapped.sentences
        prepared[source.id] = mapped.prepared
        bodies[source.id] = mapped.body_spans
        per_claim.extend((len(claims) + i, f) for i, f in zip(mapped.owners, mapped.claim_findings, strict=True))
        claims.extend(mapped.claims)
        findings.extend(mapped.findings)
    corpus = Corpus(sources=tuple(s.info for s in sources), texts={s.id: s.text for s in sources},
                    sentences=sentences, claims=tuple(claims), prepared=prepared, bodies=bodies)
    return corpus, MapFindings(tuple(findings), tuple(per_claim))


def _sort_key(f: Finding) -> tuple[object, ...]:
    first = f.evidence[0] if f.evidence else None
    return (-SEVERITY_RANK[f.severity], f.kind, f.metric or "", first.source if first else "",
            first.span if first else (0, 0), f.fingerprint)


class _Locator:
    """Locates findings of the corpus-level checks; line starts computed once per source."""

    def __init__(self, texts: dict[str, str]) -> None:
        self._texts = texts
        self._starts: dict[str, list[int]] = {}
        self._located: dict[Evidence, Evidence] = {}

    def __call__(self, finding: Finding) -> Finding:
        if not finding.evidence:
            return finding
        return finding.model_copy(update={"evidence": tuple(self._locate(e) for e in finding.evidence)})

    def _locate(self, evidence: Evidence) -> Evidence:
        # a claim is evidence in several pair findings: located once, the (frozen) result shared
        located = self._located.get(evidence)
        if located is None:
            starts = self._starts.get(evidence.source)
            if starts is None:
                starts = self._starts[evidence.source] = line_starts(self._texts[evidence.source])
            located = self._located[evidence] = locate(evidence, starts)
        return located


def corpus_quality_findings(corpus: Corpus, rules: Ruleset, map_docs: DocMap = serial_map,
                            encoder: Encoder | None = None, memo: HitMemo | None = None) -> list[Finding]:
    """The findings of the corpus-level quality checks (off_topic), located; `memo`: earlier
    per-document results to reuse, and where this audit's go (`checks.off_topic.HitMemo`)."""
    locator = _Locator(corpus.texts)
    return [locator(f) for m in CORPUS_QUALITY_CHECKS
            for f in m.check(corpus, rules, map_docs=map_docs, encoder=encoder, memo=memo)]


def run_checks(corpus: Corpus, rules: Ruleset, mapped: MapFindings | None = None,
               map_docs: DocMap = serial_map, encoder: Encoder | None = None,
               corpus_quality: Sequence[Finding] | None = None) -> tuple[list[Finding], Corpus]:
    """Quality checks first; claims in the passages they distrust are then left out of the
    claim checks (kept in the claims table, marked `excluded`).

    `mapped`: the findings of the per-source and per-claim checks as the per-document map
    produced them; when not given they are computed here. `map_docs`: how the corpus-level
    checks run their per-document part (parallel.document_map for a process pool); `encoder`:
    the sentence encoder of the semantic off-topic mode, if selected. `corpus_quality`: the
    `corpus_quality_findings` of this corpus if known (from the cache); else computed here."""
    locator = _Locator(corpus.texts)
    if mapped is None:
        source_findings = [locator(f) for m in SOURCE_CHECKS for f in each_source(m.check_source, corpus, rules)]
    else:
        source_findings = list(mapped.source)
    if corpus_quality is None:
        corpus_quality = corpus_quality_findings(corpus, rules, map_docs, encoder)
    quality = list(corpus_quality)
    quality.extend(source_findings)
    corpus = mark_excluded(corpus, quality, rules.quality.exclude_claims_in)
    if mapped is None:
        per_claim = [locator(f) for m in PER_CLAIM_CHECKS for f in each_claim(m.check_claim, corpus, rules)]
    else:  # the map judged every claim not in boilerplate; drop those off_topic excluded since
        per_claim = [f for i, f in mapped.per_claim if not corpus.claims[i].excluded]
    pairs = [locator(f) for m in PAIR_CHECKS for f in m.check(corpus, rules)]
    return sorted(quality + per_claim + pairs, key=_sort_key), corpus


def score_sources(corpus: Corpus, findings: Sequence[Finding]) -> tuple[SourceInfo, ...]:
    """Each source's quality score and counts by kind, from its quality findings."""
    quality_kinds = {m.KIND for m in QUALITY_CHECKS}
    by_source: dict[str, list[Finding]] = {}
    for f in findings:
        if f.kind in quality_kinds and f.evidence:
            by_source.setdefault(f.evidence[0].source, []).append(f)
    compared = {c.source for c in corpus.claims if not c.excluded}
    scored = []
    for info in corpus.sources:
        own = by_source.get(info.id, [])
        body = corpus.bodies.get(info.id, ())
        empty = info.id not in compared and all_junk(body, junk_spans(own))
        score, counts = source_quality(own, len(body), nothing_quotable=empty)
        scored.append(info.model_copy(update={"quality_score": score, "quality_counts": counts,
                                               "quality_note": NOTHING_QUOTABLE if empty else None}))
    return tuple(scored)


def summarise(corpus: Corpus, findings: Sequence[Finding], reconciled: int) -> Summary:
    return build_summary(len(corpus.sources), corpus.claims, findings, reconciled)


def semantic_encoder() -> Encoder:
    """The semantic off-topic mode's sentence encoder, loaded once per audit (offline)."""
    try:
        from .quality.offtopic_semantic import load_encoder
        return load_encoder()
    except ImportError as exc:
        raise IicheckError(Problem(
            "--semantic", f"the semantic off-topic mode needs the optional extra ({exc.name or exc} "
            "is not installed)", hint="pip install 'iicheck[semantic]', or audit without --semantic")) from None


class _EncoderOnFirstUse:
    """The semantic encoder, loaded when a document first needs it: an audit whose every
    document's off-topic hits come from the cache loads no model."""

    def __init__(self) -> None:
        self._encoder: Encoder | None = None

    def __call__(self, texts: Sequence[str]) -> object:
        if self._encoder is None:
            self._encoder = semantic_encoder()
        return self._encoder(texts)


def _cached_corpus_quality(corpus: Corpus, rules: Ruleset, options: AuditOptions, mode: str | None,
                           encoder: Encoder | None) -> list[Finding]:
    """The corpus-level quality findings, each document's off-topic hits reused from the cache
    when what they were computed from is unchanged (see `checks.off_topic.HitMemo` and
    iicheck.cache), the others computed (with `encoder`, or the semantic encoder loaded when
    first needed) and the memo stored again."""
    memo = entry = None
    if options.cache is not None and mode is not None:
        scope = off_topic.memo_scope(corpus, semantic=options.semantic)
        entry = cache.corpus_entry(cache.generation(options.cache, rules.version), cache.mode_key(mode, scope))
        memo = HitMemo(cache.read_corpus_entry(entry, unpack_hits) or {})
    if options.semantic and encoder is None:
        encoder = _EncoderOnFirstUse()
    # the semantic model scores in this process (forking it is unsafe), one document after another
    map_docs = document_map(1 if options.semantic else options.jobs, options.progress, OFF_TOPIC_STAGE)
    found = corpus_quality_findings(corpus, rules, map_docs, encoder, memo)
    if entry is not None and memo is not None and memo.current.keys() != memo.earlier.keys():
        cache.write_corpus_entry(entry, pack_hits(memo.current))
    return found


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off for the duration of an audit, as it was after.

    An audit builds millions of small objects that live to its end and form no reference
    cycles (reference counting frees everything else), so every full collection scans them
    all to free nothing: 20% of the CPU time on 1,000 documents, more on larger corpora
    (benchmarks/corpus_bench.py). Forked workers inherit the setting, which also keeps them
    from touching (and so copying) the pages they share with the main process."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # What the audit built is moved out of the collector's sight before it is switched
        # back on: otherwise the first collection after the audit (and the ones at interpreter
        # exit) would scan it all, about 6 s for 10,000 documents. Frozen objects are still
        # freed when no longer referenced; only cycles among them would be kept.
        gc.freeze()
        if was_enabled:
            gc.enable()


def audit(options: AuditOptions) -> AuditResult:
    """Run the whole pipeline; raises IicheckError subclasses for anything a user must fix."""
    with _cyclic_gc_paused():
        return _audit(options)


OFF_TOPIC_STAGE = "looking for off-topic sentences"


def _audit(options: AuditOptions) -> AuditResult:
    clock = _Stopwatch()
    stage = options.progress or _no_progress
    stage("reading sources", 0, 0)
    rules = load_ruleset(options.rules)
    explanations = None
    if options.explanations is not None:
        explanations, entry_lines = read_explanations(options.explanations, set(rules.metric_by_id))
    sources = load_sources(list(options.sources), rules)
    # the off-topic mode as the corpus-level cache keys it (None: the semantic mode's packages
    # cannot be identified, nothing is cached); the semantic encoder is loaded up front (a
    # missing extra fails before the map) unless the cache may make it unnecessary
    mode = cache.semantic_mode() if options.semantic else "lexical"
    encoder = semantic_encoder() if options.semantic and (options.cache is None or mode is None) else None
    clock.lap("load")
    keys = document_keys(sources, rules) if options.cache is not None else None
    if options.cache is not None:
        stage("reading the cache", 0, 0)
    corpus, mapped = map_corpus(sources, rules, options.jobs, options.cache, options.executor, keys,
                                options.progress)
    clock.lap("map")
    stage(OFF_TOPIC_STAGE, 0, 0)
    quality = _cached_corpus_quality(corpus, rules, options, mode, encoder)
    stage("comparing claims", 0, 0)
    findings, corpus = run_checks(corpus, rules, mapped, corpus_quality=quality)
    clock.lap("checks")
    stale: tuple[Explanation, ...] = ()
    expired: tuple[Explanation, ...] = ()
    unused: tuple[UnusedEntry, ...] = ()
    if explanations is not None and options.explanations is not None:
        result = apply_explanations(findings, explanations, options.today or date.today())
        findings, stale, expired = list(result.findings), result.stale, result.expired
        unused = unused_entries(result, findings, explanations, entry_lines, display_path(options.explanations))
    reconciled = reconcile(corpus.claims, rules)
    clock.lap("reconcile")
    report = Report(
        tool="iicheck", version=__version__, rules_version=rules.version,
        sources=score_sources(corpus, findings),
        claims=corpus.claims, findings=tuple(findings), reconciled=tuple(reconciled),
        rules=rules_used(rules, options.semantic), summary=summarise(corpus, findings, len(reconciled)),
    )
    clock.lap("report")
    return AuditResult(report=report, stale=stale, expired=expired, unused=unused, rules=rules, timings=clock.laps)


def _no_progress(stage: str, done: int, total: int) -> None:
    pass


class _Stopwatch:
    """Seconds per pipeline stage, for the benchmark (never written into reports)."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = now - self._last
        self._last = now
