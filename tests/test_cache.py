"""The audit cache folder: off-topic hits reused only for what they were computed from,
generations and corpus entries pruned, nothing but the cache's own folders removed."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

import pytest

from iicheck import cache
from iicheck.checks import off_topic
from iicheck.engine import AuditOptions, audit
from iicheck.parallel import cache_key, map_source, unpack_mapped
from iicheck.quality.corpusstats import statistics_fingerprint
from iicheck.quality.offtopic import OffTopicHit
from iicheck.quality.offtopic_prepare import PreparedDoc, prepare_document
from iicheck.ruleset import load_ruleset
from iicheck.sources import load_sources

from .conftest import PIE_ARTICLE, RULES, SEEDS
from .test_offtopic import seed_docs

RULESET = load_ruleset(RULES)


def _options(sources: Path, cache_dir: Path) -> AuditOptions:
    return AuditOptions(sources=(sources,), rules=RULES, jobs=1, cache=cache_dir)


def _corpus_entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("*/corpus/*.marshal"))


def _scored(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes (in sentences) of the documents the lexical off-topic detector scores from now
    on (jobs=1: it runs in this process)."""
    real = off_topic.find_off_topic
    sizes: list[int] = []

    def counted(document: PreparedDoc, *args: object, **kwargs: object) -> object:
        sizes.append(len(document.texts))
        return real(document, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(off_topic, "find_off_topic", counted)
    return sizes


def test_off_topic_hits_are_reused_for_what_did_not_change(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "src"
    shutil.copytree(SEEDS, sources)
    scored = _scored(monkeypatch)
    cold = audit(_options(sources, tmp_path / "cache")).report
    assert len(scored) == 5 and len(_corpus_entries(tmp_path / "cache")) == 1
    scored.clear()
    assert audit(_options(sources, tmp_path / "cache")).report == cold
    assert scored == []  # nothing changed: every document's hits from the cache

    def fresh() -> object:
        return audit(AuditOptions(sources=(sources,), rules=RULES, jobs=1)).report

    # a figure edited (to one of another length, so later offsets move): the words and
    # sentences are the same, so the corpus statistics are; only that document is scored again
    seed = sorted(sources.glob("*.txt"))[4]
    text = seed.read_text(encoding="utf-8")
    assert "more than 50 influential" in text
    seed.write_text(text.replace("more than 50 influential", "more than 5000 influential"), encoding="utf-8")
    scored.clear()
    edited = audit(_options(sources, tmp_path / "cache")).report
    assert len(scored) == 1
    assert edited != cold and edited == fresh()
    # a sentence more: the statistics change, so every document is scored again
    seed.write_text(text + "\nIt has 12 more platforms.\n", encoding="utf-8")
    scored.clear()
    appended = audit(_options(sources, tmp_path / "cache")).report
    assert len(scored) == 5 and appended == fresh()
    # back to the first text: the statistics of the cold run, whose memo is still kept (as
    # the edited figure's): the other four documents' hits are found again
    seed.write_text(text, encoding="utf-8")
    scored.clear()
    assert audit(_options(sources, tmp_path / "cache")).report == cold and len(scored) == 1
    assert len(_corpus_entries(tmp_path / "cache")) == 2


def test_off_topic_hit_keys_follow_the_statistics_the_position_and_the_text() -> None:
    docs = [prepare_document(d) for d in seed_docs()[1]]
    keys, scope = off_topic._memo_keys(docs, semantic=False), statistics_fingerprint(docs)
    assert len(set(keys)) == len(docs) and keys == off_topic._memo_keys(list(docs), semantic=False)
    assert off_topic._memo_keys(docs[::-1], semantic=False)[0] != keys[-1]  # another position
    more = docs[:-1] + [prepare_document(docs[-1].texts + ("One sentence more about platforms.",))]
    assert statistics_fingerprint(more) != scope  # another scope: nothing of this one is reused
    assert statistics_fingerprint(docs[::-1]) != scope
    figure = [prepare_document(tuple(t.replace("50", "5000") for t in d.texts)) for d in docs]
    assert statistics_fingerprint(figure) == scope  # figures are not words
    changed = [a != b for a, b in zip(off_topic._memo_keys(figure, semantic=False), keys)]
    assert any(changed) and not all(changed)  # only the edited documents' keys
    semantic = off_topic._memo_keys(docs, semantic=True)
    assert off_topic._memo_keys(more, semantic=True)[:-1] == semantic[:-1]  # each document alone


def test_damaged_hits_are_refused() -> None:
    hit = (3, 0, 10, "sentence", 0.25, ("ferry",), "why", 0.08)
    assert off_topic.unpack_hits({"k": (hit,)})["k"][0].words == ("ferry",)
    assert off_topic.unpack_hits({"k": ((*hit[:7], None),)})["k"][0].related is None  # semantic
    for bad in ({"k": (hit[:-1],)}, {"k": ((3.0, *hit[1:]),)}, {1: (hit,)}, {"k": (("x",) * 8,)},
                {"k": ((*hit[:5], (1,), "why", 0.08),)}, {"k": ((*hit[:7], "0.08"),)}):
        with pytest.raises((TypeError, ValueError)):
            off_topic.unpack_hits(bad)  # type: ignore[arg-type]


def test_cached_off_topic_findings_equal_fresh_ones(tmp_path: Path) -> None:
    """A corpus with an off-topic hit: the finding read from the cache is the computed one,
    and so are the claims it excludes."""
    sources = tmp_path / "src"
    sources.mkdir()
    text = PIE_ARTICLE
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


def test_an_entry_that_reads_as_valid_data_but_was_changed_or_moved_is_recomputed(tmp_path: Path) -> None:
    """Damage a plain decode cannot see: one digit changed inside a payload (a year, which
    still parses), an entry copied over another document's, a corpus entry whose payload its
    reader cannot decode. Each is refused by the entry's digest (or its reader) and the report
    equals the uncached one (a probe found the changed year in a cached report)."""
    fresh = audit(AuditOptions(sources=(SEEDS,), rules=RULES, jobs=1)).report
    cache_dir = tmp_path / "cache"
    assert audit(_options(SEEDS, cache_dir)).report == fresh
    documents = sorted(p for p in cache_dir.glob("*/??/*.marshal"))
    assert len(documents) == 5
    original = {p: p.read_bytes() for p in documents}
    year = next(p for p in documents if b"2021" in original[p])
    moved, donor = [p for p in documents if p != year][:2]
    year.write_bytes(original[year].replace(b"2021", b"2029", 1))
    moved.write_bytes(original[donor])  # another document's (valid) entry
    (corpus,) = _corpus_entries(cache_dir)
    data = marshal.dumps(None)
    corpus.write_bytes(marshal.dumps((cache.FORMAT, cache._digest(corpus.name, data), data)))
    assert audit(_options(SEEDS, cache_dir)).report == fresh
    # both stored again, as computed (compared as data: marshal's bytes for equal data may differ)
    folder = cache.generation(cache_dir, RULESET.version)
    computed = {cache.entry_path(folder, cache_key(source, RULESET)): map_source(source, RULESET)
                for source in load_sources([SEEDS], RULESET)}
    for stored in (year, moved):
        assert cache.read_entry(stored, unpack_mapped) == computed[stored]._replace(sentences=())


def test_mode_key_depends_on_the_mode_and_the_scope() -> None:
    assert cache.mode_key("lexical", "ab") == cache.mode_key("lexical", "ab") != cache.mode_key("semantic x=1", "ab")
    assert cache.mode_key("lexical", "ab") != cache.mode_key("lexical", "cd")


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
    kept = cache.CORPUS_ENTRIES_KEPT
    paths = [cache.corpus_entry(folder, f"{k:064x}") for k in range(kept + 2)]
    for age, path in zip(range(100 * len(paths), 0, -100), paths):  # paths[-1] the newest
        cache.write_corpus_entry(path, [{"k": age}])
        os.utime(path, (1_700_000_000 - age,) * 2)
    cache.write_corpus_entry(paths[0], [{"k": 0}])  # rewritten now: the newest
    assert sorted(folder.glob("corpus/*.marshal")) == sorted([paths[0], *paths[-(kept - 1):]])
    assert cache.read_entry(paths[0], lambda payload: payload) == [{"k": 0}]


def test_unwritable_cache_folder_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    report = audit(_options(SEEDS, blocker)).report
    assert report == audit(AuditOptions(sources=(SEEDS,), rules=RULES, jobs=1)).report


def test_reused_hits_must_point_into_their_document() -> None:
    """A memo entry under the right key whose hit lies outside the document (a damaged or
    forged cache) is not trusted: the document is scored again."""
    from iicheck.checks.corpus import serial_map

    docs = tuple(prepare_document(d) for d in seed_docs()[1])
    keys = off_topic._memo_keys(docs, semantic=False)
    fresh = off_topic._hits(docs, RULESET, serial_map, None, None)
    outside = OffTopicHit(len(docs[0].texts), 0, 5, "sentence", 0.1, ("x",), "forged")
    past_end = OffTopicHit(0, 0, len(docs[0].texts[0]) + 1, "sentence", 0.1, ("x",), "forged")
    for forged in (outside, past_end):
        memo = off_topic.HitMemo({keys[0]: (forged,)})
        assert off_topic._hits(docs, RULESET, serial_map, None, memo) == fresh
        assert memo.current[keys[0]] == fresh[0]


def test_a_reused_corpus_entry_counts_as_recently_used(tmp_path: Path) -> None:
    audit(_options(SEEDS, tmp_path / "cache"))
    (entry,) = _corpus_entries(tmp_path / "cache")
    os.utime(entry, (1_700_000_000, 1_700_000_000))
    audit(_options(SEEDS, tmp_path / "cache"))  # nothing changed: read, not rewritten
    assert entry.stat().st_mtime > 1_700_000_000  # so pruning by age keeps it


def test_an_entry_that_is_no_regular_file_is_not_read(tmp_path: Path) -> None:
    """A FIFO in an entry's place blocked the read forever; a link to /dev/zero filled the
    memory (found by a probe). Both are misses: recomputed, same report."""
    fresh = audit(AuditOptions(sources=(SEEDS,), rules=RULES, jobs=1)).report
    cache_dir = tmp_path / "cache"
    audit(_options(SEEDS, cache_dir))
    fifo, zero = sorted(cache_dir.glob("*/??/*.marshal"))[:2]
    fifo.unlink()
    os.mkfifo(fifo)
    zero.unlink()
    zero.symlink_to("/dev/zero")
    assert audit(_options(SEEDS, cache_dir)).report == fresh
