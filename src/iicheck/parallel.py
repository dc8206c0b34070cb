"""The per-document stage as a map: in worker processes, and through a content-keyed cache.

Extraction (segmentation + claims) depends only on one source, its metadata and the rules,
so it runs per document in a process pool (`jobs`), and its result is cached under a key of
the source's bytes and metadata, the tool version and the rules version: re-auditing after
one file changed re-extracts one file. Results come back in input order, so `--jobs N` and
`--jobs 1` give byte-identical reports. The same function is what a distributed engine would
map over documents (docs/distributed.md).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

from . import __version__
from .atomic import write_atomic
from .claims import source_claims
from .models import Claim, Sentence, Source
from .ruleset import Ruleset, load_ruleset
from .segment import split_sentences

Extracted = tuple[tuple[Sentence, ...], tuple[Claim, ...]]
_WORKER_RULES: Ruleset | None = None
MIN_DOCS_PER_WORKER = 50


def extract_source(source: Source, rules: Ruleset) -> Extracted:
    """Sentences and claims of one source (a pure function of the source and the rules)."""
    sentences = tuple(split_sentences(source.id, source.text))
    return sentences, tuple(source_claims(source, rules, sentences))


def _init_worker(rules_path: str) -> None:
    global _WORKER_RULES
    _WORKER_RULES = load_ruleset(Path(rules_path))


def _work(source: Source) -> Extracted:
    assert _WORKER_RULES is not None
    return extract_source(source, _WORKER_RULES)


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


def _read_cache(path: Path) -> Extracted | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return (tuple(Sentence.model_validate(s) for s in data["sentences"]),
                tuple(Claim.model_validate(c) for c in data["claims"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a missing or damaged cache entry is recomputed, never trusted


def _write_cache(path: Path, extracted: Extracted) -> None:
    sentences, claims = extracted
    payload = {"sentences": [s.model_dump(mode="json") for s in sentences],
               "claims": [c.model_dump(mode="json") for c in claims]}
    try:
        write_atomic(path, json.dumps(payload, separators=(",", ":")))
    except Exception:  # noqa: BLE001 - the cache is an optimisation; failing to fill it is not an error
        pass


def resolve_jobs(jobs: int) -> int:
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def extract_all(sources: Sequence[Source], rules: Ruleset, jobs: int = 1,
                cache: Path | None = None) -> list[Extracted]:
    """Extraction for every source, in input order, using the cache and `jobs` processes."""
    results: list[Extracted | None] = [None] * len(sources)
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
            fresh = list(pool.map(_work, [sources[i] for i in todo], chunksize=32))
    else:
        fresh = [extract_source(sources[i], rules) for i in todo]
    for i, extracted in zip(todo, fresh, strict=True):
        results[i] = extracted
        if cache is not None:
            _write_cache(_cache_path(cache, cache_key(sources[i], rules)), extracted)
    return [r for r in results if r is not None]
