"""The audit cache folder: corpus-level findings reused only for the same corpus, generations
and corpus entries pruned, nothing but the cache's own folders removed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from iicheck import cache, engine
from iicheck.engine import AuditOptions, audit
from iicheck.parallel import document_keys
from iicheck.ruleset import load_ruleset
from iicheck.sources import load_sources

from .conftest import RULES, SEEDS

RULESET = load_ruleset(RULES)


def _options(sources: Path, cache_dir: Path) -> AuditOptions:
    return AuditOptions(sources=(sources,), rules=RULES, jobs=1, cache=cache_dir)


def _corpus_entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*/corpus/*.marshal"))


def test_unchanged_corpus_reuses_the_corpus_level_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "src"
    shutil.copytree(SEEDS, sources)
    cold = audit(_options(sources, tmp_path / "cache")).report
    assert len(_corpus_entries(tmp_path / "cache")) == 1
    real = engine.corpus_quality_findings
    calls: list[int] = []

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "corpus_quality_findings", counted)
    assert audit(_options(sources, tmp_path / "cache")).report == cold
    assert not calls  # read from the cache
    seed = sorted(sources.glob("*.txt"))[2]
    seed.write_text(seed.read_text(encoding="utf-8") + "\nIt has 12 more platforms.\n", encoding="utf-8")
    edited = audit(_options(sources, tmp_path / "cache")).report
    assert calls == [1]  # one document changed: the corpus statistics changed, recomputed
    monkeypatch.setattr(engine, "corpus_quality_findings", real)
    assert edited == audit(AuditOptions(sources=(sources,), rules=RULES, jobs=1)).report


def test_cached_off_topic_findings_equal_fresh_ones(tmp_path: Path) -> None:
    """A corpus with an off-topic hit: the finding read from the cache is the computed one,
    and so are the claims it excludes."""
    sources = tmp_path / "src"
    sources.mkdir()
    text = ("Industrial internet platforms connect machines in the factory to cloud services.\n"
            "The platform collects data from every machine on the production line.\n"
            "Engineers use the machine data on the platform to plan maintenance before a failure.\n"
            "Small factories rent platform services instead of building their own data systems.\n"
            "My grandmother bakes 12 apple pies with cinnamon, butter and brown sugar every autumn.\n"
            "A textile factory connected its machines to a regional platform last year.\n"
            "The platform operator trains failure models with data from many factories.\n")
    (sources / "doc.txt").write_text(text, encoding="utf-8")
    fresh = audit(AuditOptions(sources=(sources,), rules=RULES, jobs=1)).report
    assert any(f.kind == "off_topic" for f in fresh.findings)
    assert any(c.excluded == "off_topic" for c in fresh.claims)
    audit(_options(sources, tmp_path / "cache"))
    assert audit(_options(sources, tmp_path / "cache")).report == fresh


def test_damaged_corpus_entry_is_recomputed(tmp_path: Path) -> None:
    first = audit(_options(SEEDS, tmp_path / "cache")).report
    (entry,) = _corpus_entries(tmp_path / "cache")
    for damage in (b"", b"\x00garbage", entry.read_bytes()[:-40]):
        entry.write_bytes(damage)
        assert audit(_options(SEEDS, tmp_path / "cache")).report == first
    assert _corpus_entries(tmp_path / "cache") == [entry]  # and stored again


def test_corpus_key_depends_on_every_document_its_order_and_the_mode() -> None:
    keys = document_keys(load_sources([SEEDS], RULESET), RULESET)
    base = cache.corpus_key(keys, "lexical")
    assert cache.corpus_key(list(keys), "lexical") == base
    assert cache.corpus_key(keys[::-1], "lexical") != base
    assert cache.corpus_key(keys[:-1], "lexical") != base
    assert cache.corpus_key(keys, "semantic x=1") != base


def test_semantic_mode_is_unknown_when_a_package_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(name: str) -> str:
        raise cache.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(cache.metadata, "version", missing)
    assert cache.semantic_mode() is None


def _aged(path: Path, age: int) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    stamp = 1_700_000_000 - age
    os.utime(path, (stamp, stamp))
    return path


def test_only_the_most_recently_used_generations_are_kept(tmp_path: Path) -> None:
    root = tmp_path / "cache"
    old = [_aged(root / f"{k:016x}-{'ab' * 6}", age=k * 100) for k in range(1, 6)]  # old[0] newest
    legacy = _aged(root / "3f", 0)
    (legacy / "x.marshal").write_bytes(b"old layout")
    foreign = [_aged(root / "notes", 10_000), _aged(root / "ab-cd", 10_000)]
    (root / "README").write_text("a file of the user's", encoding="utf-8")
    current = cache.generation(root, RULESET.version)
    cache.use_generation(root, current, keep=3)
    kept = sorted(p.name for p in root.iterdir())
    assert kept == sorted([current.name, old[0].name, old[1].name, "README", "notes", "ab-cd"])
    assert all(p.exists() for p in foreign)
    # an old generation used again is kept, and the least recently used goes
    cache.use_generation(root, old[1], keep=2)
    assert sorted(p.name for p in root.iterdir() if p.is_dir()) == sorted([old[1].name, current.name, "notes", "ab-cd"])


def test_every_generation_name_is_recognised_as_one(tmp_path: Path) -> None:
    for version in (RULESET.version, "v1.2 (Beta)", "ÄÖ-1", ""):
        name = cache.generation(tmp_path, version).name
        assert cache._GENERATION.match(name), name  # so that it is pruned once unused


def test_only_the_newest_corpus_entries_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "gen"
    paths = [cache.corpus_entry(folder, f"{k:064x}") for k in range(4)]
    for age, path in zip((400, 300, 200, 100), paths):
        cache.write_corpus_entry(path, [{"k": age}])
        os.utime(path, (1_700_000_000 - age,) * 2)
    cache.write_corpus_entry(paths[0], [{"k": 0}])  # rewritten now: the newest
    assert sorted(folder.glob("corpus/*.marshal")) == sorted([paths[0], paths[3]])
    assert cache.read_entry(paths[0], lambda payload: payload) == [{"k": 0}]


def test_unwritable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    report = audit(_options(SEEDS, blocker)).report
    assert report == audit(AuditOptions(sources=(SEEDS,), rules=RULES, jobs=1)).report
