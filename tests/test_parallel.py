"""The per-document map: what workers send back rebuilds the same models, and claim exclusion
gives the same marks whether applied in one step or in the map's two steps."""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from iicheck import parallel

from iicheck.engine import build_corpus, map_corpus, run_checks
from iicheck.errors import IicheckError
from iicheck.cache import entry_path, generation, read_entry
from iicheck.parallel import (MIN_DOCS_PER_WORKER, cache_key, map_all, map_source,
                              pack_mapped, unpack_mapped)
from iicheck.quality.exclusion import exclude_claims
from iicheck.ruleset import load_ruleset
from iicheck.sources import load_sources

ROOT = Path(__file__).resolve().parents[1]
RULES = load_ruleset(ROOT / "rules")
SOURCES = load_sources([ROOT / "seeds"], RULES)


def test_worker_results_survive_the_trip_between_processes() -> None:
    for source in SOURCES:
        mapped = map_source(source, RULES)
        assert mapped.findings and mapped.claims
        assert mapped.sentences and mapped.body_spans
        travelled = unpack_mapped(pickle.loads(pickle.dumps(pack_mapped(mapped))))
        assert travelled == mapped._replace(sentences=())  # sentences stay in the worker


def test_workers_fill_the_cache_with_what_they_send_back(tmp_path: Path) -> None:
    """With a pool (two real worker processes), each worker writes the cache entries of its
    documents; every entry reads back as the result the audit used."""
    sources = [s.model_copy(update={"info": s.info.model_copy(update={"id": f"{s.id}-{k}"})})
               for k in range(2 * MIN_DOCS_PER_WORKER // len(SOURCES) + 1) for s in SOURCES]
    results = map_all(sources, RULES, jobs=2, cache=tmp_path)
    for source, mapped in zip(sources, results, strict=True):
        cached = read_entry(entry_path(generation(tmp_path, RULES.version), cache_key(source, RULES)), unpack_mapped)
        assert cached == mapped._replace(sentences=())
    assert map_all(sources, RULES, jobs=2, cache=tmp_path) == results  # all read from the cache


def test_map_findings_equal_the_checks_run_on_the_whole_corpus() -> None:
    corpus, mapped = map_corpus(SOURCES, RULES)
    assert not corpus.sentences and corpus.bodies  # an audit's corpus does without sentences
    findings, checked = run_checks(corpus, RULES, mapped)
    whole_findings, whole_checked = run_checks(build_corpus(SOURCES, RULES), RULES)
    assert findings == whole_findings and checked.claims == whole_checked.claims


def test_exclusion_in_steps_equals_exclusion_at_once() -> None:
    corpus = build_corpus(SOURCES, RULES)
    findings, _ = run_checks(corpus, RULES)
    excluding = [f for f in findings if f.kind in ("off_topic", "boilerplate")]
    assert any(f.kind == "boilerplate" for f in excluding)
    at_once = exclude_claims(corpus.claims, excluding)
    boiler = [f for f in excluding if f.kind == "boilerplate"]
    rest = [f for f in excluding if f.kind != "boilerplate"]
    assert exclude_claims(exclude_claims(corpus.claims, boiler), rest) == at_once
    assert exclude_claims(exclude_claims(corpus.claims, rest), boiler) == at_once


def test_off_topic_takes_precedence_over_boilerplate_in_any_order() -> None:
    from iicheck.models import Evidence, Finding

    claim = build_corpus(SOURCES, RULES).claims[0]
    evidence = (Evidence(source=claim.source, sentence=claim.sentence, span=claim.sentence_span),)

    def finding(kind: str) -> Finding:
        return Finding(kind=kind, severity="info", message="m", evidence=evidence, fingerprint=kind)

    off, boiler = finding("off_topic"), finding("boilerplate")
    for steps in ([[off, boiler]], [[boiler], [off]], [[off], [boiler]]):
        claims: tuple = (claim,)
        for step in steps:
            claims = exclude_claims(claims, step)
        assert claims[0].excluded == "off_topic"


def test_audit_pauses_the_cyclic_collector_and_restores_it(monkeypatch) -> None:
    import gc

    import iicheck.engine as engine

    seen: list[bool] = []
    real = engine.map_corpus

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "map_corpus", spy)
    options = engine.AuditOptions(sources=(ROOT / "seeds",), rules=ROOT / "rules")
    first = engine.audit(options)
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        assert engine.audit(options).report == first.report
        assert not gc.isenabled()  # the caller's setting is left as it was
    finally:
        gc.enable()


def test_workers_refuse_rules_that_changed_since_the_audit_read_them(monkeypatch, tmp_path: Path) -> None:
    """Workers read the rules folder again; a rule file edited after the audit read it (another
    version) stops the audit with exit-2 error rather than caching results under the keys of
    the version the audit read. Two real worker processes (forked: they see the patch)."""
    edited = dataclasses.replace(RULES, version="edited000000")
    monkeypatch.setattr(parallel, "load_ruleset", lambda path: edited)
    parallel._rules_at.cache_clear()
    sources = [s.model_copy(update={"info": s.info.model_copy(update={"id": f"{s.id}-{k}"})})
               for k in range(2 * MIN_DOCS_PER_WORKER // len(SOURCES) + 1) for s in SOURCES]
    try:
        with pytest.raises(IicheckError, match="the rule files changed while the audit ran"):
            map_all(sources, RULES, jobs=2, cache=tmp_path)
    finally:
        parallel._rules_at.cache_clear()
    entries = [p for p in generation(tmp_path, RULES.version).rglob("*") if p.is_file()]
    assert not entries  # nothing was stored under the audit's keys


def test_workers_ignore_sigterm_and_sigint_instead_of_inheriting_the_commands_handlers() -> None:
    """The CLI turns SIGTERM into an exception in its process; forked workers must not inherit
    that (a signal to the process group printed worker tracebacks), nor die of it mid-result
    (the pool then hung): they ignore it and the pool's shutdown ends them."""
    import signal

    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        n = 2 * MIN_DOCS_PER_WORKER
        seen = parallel.document_map(2)(
            lambda _, i: signal.getsignal(signal.SIGTERM) == signal.getsignal(signal.SIGINT) == signal.SIG_IGN, None, n)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert seen == [True] * n
