"""The per-document stage as a map: in worker processes, and through a content-keyed cache.

Everything that depends on one source only — segmentation, claims, the per-source quality
checks (artifact, boilerplate, terminology, enumeration_mismatch, anachronism,
duplicate_text), boilerplate exclusion and the per-claim checks (out_of_range, undated,
unmapped_figure), findings already located by line and column — runs per document in a
process pool (`jobs`), and its result is cached under a key of the source's bytes and
metadata, the tool's code and the rules version: re-auditing after one file changed maps one
file again. Results come back in input order, so `--jobs N` and `--jobs 1` give
byte-identical reports. The same function is what a distributed engine would map over
documents (docs/distributed.md).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import types
import typing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from . import __version__
from .atomic import write_atomic
from .checks import PER_CLAIM_CHECKS, SOURCE_CHECKS, SourceDoc, off_topic
from .checks.corpus import DocMap, serial_map
from .claims import source_claims
from .locate import line_starts, locate_finding
from .models import Claim, Finding, Sentence, Source
from .quality.exclusion import exclude_claims
from .quality.offtopic_prepare import PreparedDoc, as_prepared
from .ruleset import Ruleset, load_ruleset
from .segment import split_sentences


class Mapped(NamedTuple):
    """What the per-document map yields for one source."""

    sentences: tuple[Sentence, ...]
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


_WORKER_RULES: Ruleset | None = None
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
    claims = exclude_claims(found, findings)
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
                  off_topic.prepare_source(sentences))


def _init_worker(rules_path: str) -> None:
    global _WORKER_RULES
    _WORKER_RULES = load_ruleset(Path(rules_path))


# Workers send their results back as plain tuples, not pickled models: unpickling a pydantic
# model runs Python code per object, while re-validating its (already valid) field values in
# the parent runs in pydantic-core and gives an equal model. A model is packed as
# (class, names of the fields it was given, their values), nested models packed alike; the
# parent calls the class with exactly those fields, as the worker's code did. A model that
# cannot be rebuilt that way (a field left unset that does not hold its default) is sent as is.
Packed = tuple[type[BaseModel], tuple[str, ...], tuple[object, ...]]
_LAYOUTS: dict[tuple[type[BaseModel], frozenset[str]], tuple[tuple[str, ...], tuple[tuple[str, object], ...]]] = {}


@lru_cache(maxsize=None)
def _model_fields(cls: type[BaseModel]) -> frozenset[str]:
    """Fields of `cls` declared as a model (or an optional one): the only ones packed nested."""
    out = set()
    for name, info in cls.model_fields.items():
        ann = info.annotation
        options = typing.get_args(ann) if typing.get_origin(ann) in (typing.Union, types.UnionType) else (ann,)
        if any(isinstance(a, type) and issubclass(a, BaseModel) for a in options):
            out.add(name)
    return frozenset(out)


def _layout(cls: type[BaseModel], given: frozenset[str]) -> tuple[tuple[str, ...], tuple[tuple[str, object], ...]]:
    key = (cls, given)
    layout = _LAYOUTS.get(key)
    if layout is None:
        names = tuple(n for n in cls.model_fields if n in given)
        unset = tuple((n, f.default) for n, f in cls.model_fields.items() if n not in given)
        layout = _LAYOUTS[key] = (names, unset)
    return layout


def _pack(model: BaseModel) -> Packed | BaseModel:
    cls = type(model)
    names, unset = _layout(cls, frozenset(model.__pydantic_fields_set__))
    values = model.__dict__
    if model.__pydantic_extra__ or model.__pydantic_private__:
        return model
    for name, default in unset:
        value = values[name]
        if value is not default and (type(value) is not type(default) or value != default):
            return model
    out: list[object] = []
    for name in names:
        value = values[name]
        if isinstance(value, BaseModel):
            if name not in _model_fields(cls):
                return model
            value = _pack(value)
        out.append(value)
    return cls, names, tuple(out)


@lru_cache(maxsize=None)
def _nested_names(cls: type[BaseModel], names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(n for n in names if n in _model_fields(cls))


def _unpack(packed: Packed | BaseModel) -> BaseModel:
    if isinstance(packed, BaseModel):
        return packed
    cls, names, values = packed
    kwargs = dict(zip(names, values))
    for name in _nested_names(cls, names):
        if type(kwargs[name]) is tuple:
            kwargs[name] = _unpack(kwargs[name])  # type: ignore[arg-type]
    # what cls(**kwargs) does, without the Python-level __init__ frame
    return cls.__pydantic_validator__.validate_python(kwargs)  # type: ignore[no-any-return]


_MODEL_PARTS = Mapped._fields[:4]  # the fields that are tuples of models
PackedMapped = tuple[tuple[list[Packed | BaseModel], ...], tuple[object, ...]]


def pack_mapped(mapped: Mapped) -> PackedMapped:
    return tuple([_pack(m) for m in part] for part in mapped[:4]), tuple(mapped[4:])


def unpack_mapped(packed: PackedMapped) -> Mapped:
    parts, rest = packed
    return Mapped(*(tuple(_unpack(m) for m in part) for part in parts), *rest)  # type: ignore[arg-type]


def _work(source: Source) -> PackedMapped:
    assert _WORKER_RULES is not None
    return pack_mapped(map_source(source, _WORKER_RULES))


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the package's own source files: a code change invalidates the cache even when
    the version number did not move (a development checkout never reads stale results)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(source: Source, rules: Ruleset) -> str:
    info = source.info.model_dump_json(include={"id", "file", "published", "sha256"})
    raw = f"{code_fingerprint()}\0{rules.version}\0{info}".encode()
    return hashlib.sha256(raw).hexdigest()


def _cache_path(cache: Path, key: str) -> Path:
    return cache / key[:2] / f"{key}.json"


def _read_cache(path: Path) -> Mapped | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Mapped(tuple(Sentence.model_validate(s) for s in data["sentences"]),
                      tuple(Claim.model_validate(c) for c in data["claims"]),
                      tuple(Finding.model_validate(f) for f in data["findings"]),
                      tuple(Finding.model_validate(f) for f in data["claim_findings"]),
                      tuple(int(i) for i in data["owners"]),
                      as_prepared(_tuples(data["prepared"])))  # type: ignore[arg-type]
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a missing or damaged cache entry is recomputed, never trusted


def _tuples(value: object) -> object:
    """JSON arrays back to the tuples they were written from."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def _write_cache(path: Path, mapped: Mapped) -> None:
    payload: dict[str, object] = {name: [m.model_dump(mode="json") for m in getattr(mapped, name)]
                                  for name in _MODEL_PARTS}
    payload["owners"] = list(mapped.owners)
    payload["prepared"] = mapped.prepared
    try:
        write_atomic(path, json.dumps(payload, separators=(",", ":")))
    except Exception:  # noqa: BLE001 - the cache is an optimisation; failing to fill it is not an error
        pass


def resolve_jobs(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


# The state a corpus-level document map shares with its workers: set before the pool forks,
# so the workers inherit it instead of receiving a pickled copy per task.
_SHARED: tuple[Callable[[Any, int], Any], Any] | None = None


def _call_shared(index: int) -> Any:
    assert _SHARED is not None
    func, shared = _SHARED
    return func(shared, index)


def document_map(jobs: int) -> DocMap:
    """A DocMap for corpus-level checks: `func(shared, i)` for every document, in `jobs`
    forked processes that inherit `shared` (the corpus statistics) without copying it per
    task; in order, so the result equals the serial map. Serial where fork is unavailable or
    the corpus is small."""
    def run(func: Callable[[Any, int], Any], shared: Any, n: int) -> list[Any]:
        global _SHARED
        workers = min(resolve_jobs(jobs), n // MIN_DOCS_PER_WORKER)
        if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            return serial_map(func, shared, n)
        _SHARED = (func, shared)
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                return list(pool.map(_call_shared, range(n), chunksize=max(1, min(64, n // (workers * 8)))))
        finally:
            _SHARED = None
    return run


def map_all(sources: Sequence[Source], rules: Ruleset, jobs: int = 1,
            cache: Path | None = None) -> list[Mapped]:
    """The per-document stage for every source, in input order, using the cache and `jobs`
    processes."""
    results: list[Mapped | None] = [None] * len(sources)
    todo: list[int] = []
    for i, source in enumerate(sources):
        hit = _read_cache(_cache_path(cache, cache_key(source, rules))) if cache else None
        if hit is not None:
            results[i] = hit
        else:
            todo.append(i)
    workers = min(resolve_jobs(jobs), max(1, len(todo) // MIN_DOCS_PER_WORKER))
    if workers > 1:
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(str(rules.path),)) as pool:
            chunk = max(1, min(32, len(todo) // (workers * 4)))
            fresh = [unpack_mapped(p) for p in pool.map(_work, [sources[i] for i in todo], chunksize=chunk)]
    else:
        fresh = [map_source(sources[i], rules) for i in todo]
    for i, mapped in zip(todo, fresh, strict=True):
        results[i] = mapped
        if cache is not None:
            _write_cache(_cache_path(cache, cache_key(sources[i], rules)), mapped)
    return [r for r in results if r is not None]
