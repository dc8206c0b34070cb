"""The per-document stage as a map: in worker processes, and through a content-keyed cache.

Everything that depends on one source only — segmentation, claims, the per-source quality
checks (artifact, boilerplate, terminology, enumeration_mismatch, anachronism,
duplicate_text), boilerplate exclusion and the per-claim checks (out_of_range, undated,
unmapped_figure), findings already located by line and column — runs per document in a
process pool (`jobs`), and its result is cached under a key of the source's bytes and
metadata, the tool's code and the rules version: re-auditing after one file changed maps one
file again. Local workers write the cache entries of their documents themselves (the main
process only reads them), so filling the cache is spread over the pool. Results come back in
input order, so `--jobs N` and `--jobs 1` give byte-identical reports. The same function is
what a distributed engine would map over documents (docs/distributed.md).
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel

from .cache import code_fingerprint, entry_path, generation, read_entry, use_generation, write_entry
from .checks import PER_CLAIM_CHECKS, SOURCE_CHECKS, SourceDoc, off_topic
from .checks.corpus import BodySpans, DocMap
from .claims import source_claims
from .errors import IicheckError, Problem
from .locate import line_starts, locate_finding
from .models import Claim, Finding, Sentence, Source
from .progress import Progress, counted
from .quality.exclusion import exclude_claims
from .quality.offtopic_prepare import PreparedDoc, as_prepared
from .ruleset import Ruleset, load_ruleset
from .segment import split_sentences


class Mapped(NamedTuple):
    """What the per-document map yields for one source."""

    sentences: tuple[Sentence, ...]
    """Empty when the result travelled packed (from a worker or the cache): the main process
    needs only `body_spans` and `prepared`, and sentences are the bulk of a document's data."""
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    """Findings of the per-source checks, located (line/column stamped)."""
    claim_findings: tuple[Finding, ...]
    """Findings of the per-claim checks on the claims not excluded so far, located."""
    owners: tuple[int, ...]
    """For each claim finding, the index of its claim in `claims` (the engine drops it if the
    corpus-level off_topic check later excludes that claim)."""
    prepared: PreparedDoc
    """The off-topic detector's preparation of the source (tokens, stems, split points)."""
    body_spans: BodySpans
    """(start, end) of the body sentences the off-topic detector reads."""


M = TypeVar("M", bound=BaseModel)
_WORKER_RULES: tuple[str, str] | None = None
"""A local worker's rules: the folder and the version the audit read (see `_rules_at`)."""
MIN_DOCS_PER_WORKER = 50


def extract_source(source: Source, rules: Ruleset) -> tuple[tuple[Sentence, ...], tuple[Claim, ...]]:
    """Sentences and claims of one source (a pure function of the source and the rules)."""
    sentences = tuple(split_sentences(source.id, source.text))
    return sentences, tuple(source_claims(source, rules, sentences))


def map_source(source: Source, rules: Ruleset) -> Mapped:
    """The whole per-document stage for one source: extraction, the per-source checks, the
    exclusion of claims in boilerplate, then the per-claim checks on the claims left."""
    sentences, found = extract_source(source, rules)
    doc = SourceDoc(source.id, source.info, sentences)
    starts = line_starts(source.text)
    findings = tuple(locate_finding(f, starts) for m in SOURCE_CHECKS for f in m.check_source(doc, rules))
    claims = exclude_claims(found, findings, rules.quality.exclude_claims_in)
    claim_findings: list[Finding] = []
    owners: list[int] = []
    for i, claim in enumerate(claims):
        if claim.excluded:
            continue
        for m in PER_CLAIM_CHECKS:
            for f in m.check_claim(claim, rules):
                claim_findings.append(locate_finding(f, starts))
                owners.append(i)
    return Mapped(sentences, claims, findings, tuple(claim_findings), tuple(owners),
                  *off_topic.prepare_source(sentences))


def _ignore_stop_signals() -> None:
    """Workers ignore SIGTERM and SIGINT; the process that owns the pool stops them. A worker
    forks from a command whose handlers turn these signals into exceptions (iicheck.cli_common),
    and Ctrl-C or a CI timeout signals the whole process group: inherited, the handler raised
    in the worker (a traceback, or a failed task); ended by the signal instead, a worker killed
    while it sent a result left the pool waiting forever for the rest of the message (measured:
    one hang in ten group signals). Ignoring them, each worker finishes its task and the pool's
    shutdown ends it."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _init_worker(rules_path: str, rules_version: str) -> None:
    global _WORKER_RULES
    _ignore_stop_signals()
    # The worker's long-lived objects (modules, compiled rules) are moved out of the
    # collector's sight; it stays on for what each document allocates, as a safety net (the
    # map creates no reference cycles today: the audit pauses the collector in the main process).
    gc.enable()
    _WORKER_RULES = (rules_path, rules_version)
    try:
        _rules_at(rules_path, rules_version)
    except IicheckError:
        pass  # raised again by the worker's first task, where the audit sees it
    gc.freeze()


# Workers send their results back, and the cache stores them, as plain data, not pickled
# models: each model as the JSON-mode dict of the fields it was given (nested models alike),
# which pydantic-core turns back into an equal model (same fields set) without running Python
# code per object. The cache stores the same data (iicheck.cache).
PackedMapped = tuple[tuple[tuple[dict[str, Any], ...], ...], tuple[int, ...], tuple[object, ...], BodySpans]
_MODEL_PARTS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("claims", Claim), ("findings", Finding), ("claim_findings", Finding))


def pack_model(model: BaseModel) -> dict[str, Any]:
    """A model as plain data (see above); `Model.__pydantic_validator__.validate_python` of it
    is an equal model."""
    return model.model_dump(mode="json", exclude_unset=True)


def pack_mapped(mapped: Mapped) -> PackedMapped:
    """The map result as plain data, without its sentences (see `Mapped.sentences`)."""
    parts = tuple(tuple(pack_model(m) for m in getattr(mapped, name)) for name, _ in _MODEL_PARTS)
    return parts, tuple(mapped.owners), tuple(mapped.prepared), mapped.body_spans


def unpack_models(cls: type[M], packed: Iterable[dict[str, Any]]) -> tuple[M, ...]:
    """The models `pack_model` made the plain data of."""
    return tuple(cls.__pydantic_validator__.validate_python(d) for d in packed)


def unpack_mapped(packed: PackedMapped) -> Mapped:
    parts, owners, prepared, spans = packed
    claims, findings, claim_findings = (
        unpack_models(cls, part) for (_, cls), part in zip(_MODEL_PARTS, parts, strict=True))
    return Mapped((), claims, findings, claim_findings, tuple(owners), as_prepared(prepared), spans)  # type: ignore[arg-type]


_Task = tuple[Source, Path | None]
"""A source for a local worker, and the cache file the worker writes its result to (if any)."""


def _work_chunk(tasks: Sequence[_Task]) -> list[PackedMapped]:
    assert _WORKER_RULES is not None
    # The worker reads the rules folder again (compiled matchers do not travel between
    # processes): what it read must be the version the audit's cache keys name, or a rule
    # edited while the audit starts would store results under the other version's keys.
    rules = _rules_at(*_WORKER_RULES)
    # cache entries written here, in parallel, rather than by the main process
    return [_cached(pack_mapped(map_source(source, rules)), cache_file) for source, cache_file in tasks]


def _chunks(items: Sequence[_Task], size: int) -> Iterator[Sequence[_Task]]:
    return (items[i:i + size] for i in range(0, len(items), size))


def _bounded_map(pool: Executor, func: Callable[[Any], Any], tasks: Iterator[Any],
                 window: int) -> Iterator[Any]:
    """`func` over `tasks` in the pool, results in order, at most `window` tasks in flight.

    Unlike `Executor.map`, which submits everything at once, finished results never pile up
    while the main process is busy with earlier ones: memory stays bounded by the window,
    not by the corpus."""
    pending: deque[Future[Any]] = deque()
    for task in tasks:
        pending.append(pool.submit(func, task))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@lru_cache(maxsize=4)
def _rules_at(path: str, version: str) -> Ruleset:
    rules = load_ruleset(Path(path))
    if rules.version != version:
        raise IicheckError(Problem(path, f"the rules a worker read are version {rules.version}, "
                                         f"the audit's are {version}: the rule files changed while "
                                         "the audit ran, or differ between machines",
                                   hint="run the audit again with the rules unchanged; on a cluster, "
                                        "give every worker the same rules folder"))
    return rules


def map_task(source: Source, rules_path: str, rules_version: str) -> PackedMapped:
    """The per-document stage as a task for any executor (a Dask cluster's, ...): the rules
    are loaded once per worker process from `rules_path` (compiled matchers do not travel),
    and must be the audit's version."""
    return pack_mapped(map_source(source, _rules_at(rules_path, rules_version)))


def cache_key(source: Source, rules: Ruleset) -> str:
    """The document's key in the cache (its bytes and metadata, the tool code, the rules)."""
    info = source.info.model_dump_json(include={"id", "file", "published", "sha256"})
    raw = f"{code_fingerprint()}\0{rules.version}\0{info}".encode()
    return hashlib.sha256(raw).hexdigest()


def document_keys(sources: Sequence[Source], rules: Ruleset) -> list[str]:
    return [cache_key(source, rules) for source in sources]


def _cached(packed: PackedMapped, cache_file: Path | None) -> PackedMapped:
    """`packed`, stored in `cache_file` first if there is one."""
    if cache_file is not None:
        write_entry(cache_file, packed)
    return packed


def resolve_jobs(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


# The state a corpus-level document map shares with its workers: set before the pool forks,
# so the workers inherit it instead of receiving a pickled copy per task.
_SHARED: tuple[Callable[[Any, int], Any], Any] | None = None


def _call_shared(index: int) -> Any:
    assert _SHARED is not None
    func, shared = _SHARED
    return func(shared, index)


def document_map(jobs: int, progress: Progress | None = None, stage: str = "scoring documents") -> DocMap:
    """A DocMap for corpus-level checks: `func(shared, i)` for every document, in `jobs`
    forked processes that inherit `shared` (the corpus statistics) without copying it per
    task; in order, so the result equals the serial map. Serial where fork is unavailable or
    the corpus is small. Each document done is reported to `progress` as `stage`."""
    def run(func: Callable[[Any, int], Any], shared: Any, n: int) -> list[Any]:
        global _SHARED
        workers = min(resolve_jobs(jobs), n // MIN_DOCS_PER_WORKER)
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            return list(counted((func(shared, i) for i in range(n)), progress, stage, n))
        _SHARED = (func, shared)
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                     initializer=_ignore_stop_signals) as pool:
                try:
                    results = pool.map(_call_shared, range(n), chunksize=max(1, min(64, n // (workers * 8))))
                    return list(counted(results, progress, stage, n))
                except BaseException:  # interrupted: the tasks not started are dropped, not run
                    pool.shutdown(wait=True, cancel_futures=True)
                    raise
        finally:
            _SHARED = None
    return run


def _map_fresh(sources: Sequence[Source], cache_files: Sequence[Path | None], rules: Ruleset, jobs: int,
               executor: Executor | None) -> Iterator[Mapped]:
    """Each source's map result, in order, with its cache file (if any) written."""
    if executor is not None:
        n = len(sources)
        results = executor.map(map_task, sources, [str(rules.path)] * n, [rules.version] * n)
        yield from (unpack_mapped(_cached(packed, cache_file))
                    for packed, cache_file in zip(results, cache_files, strict=True))
        return
    workers = min(resolve_jobs(jobs), max(1, len(sources) // MIN_DOCS_PER_WORKER))
    if workers > 1:
        with ProcessPoolExecutor(workers, initializer=_init_worker,
                                 initargs=(str(rules.path), rules.version)) as pool:
            chunk = max(1, min(32, len(sources) // (workers * 4)))
            work = list(zip(sources, cache_files, strict=True))
            try:
                for packed_chunk in _bounded_map(pool, _work_chunk, _chunks(work, chunk), 2 * workers):
                    yield from (unpack_mapped(packed) for packed in packed_chunk)
            except BaseException:  # interrupted: the tasks not started are dropped, not run
                pool.shutdown(wait=True, cancel_futures=True)
                raise
        return
    for source, cache_file in zip(sources, cache_files, strict=True):
        mapped = map_source(source, rules)
        if cache_file is not None:
            write_entry(cache_file, pack_mapped(mapped))
        yield mapped


def map_all(sources: Sequence[Source], rules: Ruleset, jobs: int = 1,
            cache: Path | None = None, executor: Executor | None = None,
            keys: Sequence[str] | None = None, progress: Progress | None = None) -> list[Mapped]:
    """The per-document stage for every source, in input order, using the cache and `jobs`
    processes, or `executor` (any concurrent.futures executor, e.g. a Dask client's) when
    given. `keys`: the sources' `cache_key`s, if the caller has them already. `progress`: told
    of each document extracted (not of those read from the cache)."""
    files: list[Path | None] = [None] * len(sources)
    if cache is not None:
        folder = generation(cache, rules.version)
        use_generation(cache, folder)
        files = [entry_path(folder, key) for key in (document_keys(sources, rules) if keys is None else keys)]
    results: list[Mapped | None] = [read_entry(file, unpack_mapped) if file is not None else None for file in files]
    todo = [i for i, hit in enumerate(results) if hit is None]
    fresh = _map_fresh([sources[i] for i in todo], [files[i] for i in todo], rules, jobs, executor)
    for i, mapped in zip(todo, counted(fresh, progress if todo else None, "extracting", len(todo)), strict=True):
        results[i] = mapped
    return [r for r in results if r is not None]
