"""The per-document map on a Dask cluster gives the same report as a local run."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from iicheck import distributed
from iicheck.cli import main
from iicheck.engine import AuditOptions, audit

from .conftest import RULES, SEEDS

pytest.importorskip("distributed")


def test_dask_executor_gives_the_local_report() -> None:
    options = AuditOptions(sources=(SEEDS,), rules=RULES)
    with distributed.dask_executor(distributed.LOCAL) as executor:
        on_dask = audit(dataclasses.replace(options, executor=executor)).report
    assert on_dask == audit(options).report


def test_cli_dask_local_writes_identical_json(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["audit", str(SEEDS), "--rules", str(RULES), "--format", "json", "--no-cache"]
    assert runner.invoke(main, [*args, "--out", str(tmp_path / "a")]).exit_code == 0
    result = runner.invoke(main, [*args, "--out", str(tmp_path / "b"), "--dask", "local"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a" / "audit.json").read_bytes() == (tmp_path / "b" / "audit.json").read_bytes()


def test_unreachable_scheduler_is_exit_2(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 1.0)
    result = CliRunner().invoke(main, ["audit", str(SEEDS), "--format", "json", "--out", str(tmp_path),
                                       "--no-cache", "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
