"""Progress of a long audit: what the engine reports, how the terminal shows it, and that
showing it changes no result."""

from __future__ import annotations

import doctest
import io
import json
from pathlib import Path

from click.testing import CliRunner

import iicheck.progress as progress_module
from iicheck.cli import main
from iicheck.engine import OFF_TOPIC_STAGE, AuditOptions, audit
from iicheck.parallel import MIN_DOCS_PER_WORKER, document_map, map_all
from iicheck.progress import TerminalProgress
from iicheck.ruleset import load_ruleset
from iicheck.sources import load_sources

ROOT = Path(__file__).resolve().parents[1]
RULES = load_ruleset(ROOT / "rules")


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, int, int]] = []

    def __call__(self, stage: str, done: int, total: int) -> None:
        self.events.append((stage, done, total))

    def counts(self, stage: str) -> list[tuple[int, int]]:
        return [(done, total) for s, done, total in self.events if s == stage and total]

    def stages(self) -> list[str]:
        return list(dict.fromkeys(s for s, _, _ in self.events))


def test_the_module_example_holds() -> None:
    assert doctest.testmod(progress_module).failed == 0


def test_on_a_terminal_one_line_is_rewritten_at_most_ten_times_a_second_then_cleared() -> None:
    now = [0.0]
    out = io.StringIO()
    show = TerminalProgress(out, interactive=True, clock=lambda: now[0])
    show("extracting", 0, 300)
    for done in range(1, 301):
        now[0] += 0.001  # 300 documents in 0.3 s
        show("extracting", done, 300)
    writes = out.getvalue().split("\r\x1b[2K")[1:]
    assert writes[0] == "iicheck: extracting 0/300 documents (0%)"
    assert writes[-1] == "iicheck: extracting 300/300 documents (100%)"  # the last is always shown
    assert 3 <= len(writes) <= 5  # every 0.1 s, not 301 times
    show("comparing claims", 0, 0)  # a new stage is shown at once
    assert out.getvalue().endswith("\r\x1b[2Kiicheck: comparing claims ...")
    show.close()
    assert out.getvalue().endswith("\r\x1b[2K")  # the line is cleared for what follows
    show.close()
    assert out.getvalue().count("\r\x1b[2K") == len(writes) + 2  # nothing more to clear


def test_in_a_log_each_stage_is_one_plain_line() -> None:
    out = io.StringIO()
    show = TerminalProgress(out, interactive=False)
    show(OFF_TOPIC_STAGE, 0, 0)  # announced before the engine knows whether documents need scoring
    show(OFF_TOPIC_STAGE, 0, 40)
    show(OFF_TOPIC_STAGE, 40, 40)
    for stage, total in (("reading sources", 0), ("extracting", 1), ("extracting", 1), ("comparing claims", 0)):
        show(stage, 0, total)
        show(stage, total, total)
    show.close()
    assert out.getvalue() == (f"iicheck: {OFF_TOPIC_STAGE} (40 documents)\niicheck: reading sources\n"
                              "iicheck: extracting (1 document)\niicheck: comparing claims\n")


def test_an_audit_reports_each_stage_and_document_and_the_same_report() -> None:
    record = Recorder()
    options = AuditOptions(sources=(ROOT / "seeds",), rules=ROOT / "rules")
    with_progress = audit(AuditOptions(sources=options.sources, rules=options.rules, progress=record))
    assert with_progress.report == audit(options).report
    assert record.stages() == ["reading sources", "extracting", OFF_TOPIC_STAGE, "comparing claims"]
    n = len(with_progress.report.sources)
    assert record.counts("extracting") == [(k, n) for k in range(n + 1)]
    assert record.counts(OFF_TOPIC_STAGE) == [(k, n) for k in range(n + 1)]


def test_a_cached_audit_reports_reading_the_cache_and_extracts_nothing(tmp_path: Path) -> None:
    options = dict(sources=(ROOT / "seeds",), rules=ROOT / "rules", cache=tmp_path)
    audit(AuditOptions(**options))  # type: ignore[arg-type]
    record = Recorder()
    audit(AuditOptions(**options, progress=record))  # type: ignore[arg-type]
    assert record.stages() == ["reading sources", "reading the cache", OFF_TOPIC_STAGE, "comparing claims"]
    assert not record.counts("extracting") and not record.counts(OFF_TOPIC_STAGE)


def test_worker_pools_report_every_document_in_order() -> None:
    """Two real worker processes: the main process counts results as they come back, in
    order, and the results are those of the serial map (less the sentences, which stay in
    the workers)."""
    sources = load_sources([ROOT / "seeds"], RULES)
    many = [s.model_copy(update={"info": s.info.model_copy(update={"id": f"{s.id}-{k}"})})
            for k in range(2 * MIN_DOCS_PER_WORKER // len(sources) + 1) for s in sources]
    record = Recorder()
    serial = [m._replace(sentences=()) for m in map_all(many, RULES, jobs=1)]  # workers send none
    assert map_all(many, RULES, jobs=2, progress=record) == serial
    assert record.counts("extracting") == [(k, len(many)) for k in range(len(many) + 1)]

    record = Recorder()
    n = 2 * MIN_DOCS_PER_WORKER
    assert document_map(2, record, "scoring")(lambda shared, i: shared * i, 3, n) == [3 * i for i in range(n)]
    assert record.counts("scoring") == [(k, n) for k in range(n + 1)]


def test_the_commands_show_progress_only_when_asked_or_on_a_terminal(tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["--rules", str(ROOT / "rules"), "--no-cache", str(ROOT / "seeds")]
    shown = runner.invoke(main, ["audit", *base, "--format", "json", "--out", str(tmp_path / "a"), "--progress"])
    assert shown.exit_code == 0, shown.stderr
    assert shown.stderr.startswith("iicheck: reading sources\niicheck: extracting (5 documents)\n")
    assert "iicheck: writing audit.json\n5 sources, " in shown.stderr
    quiet = runner.invoke(main, ["audit", *base, "--format", "json", "--out", str(tmp_path / "b")])
    assert quiet.exit_code == 0 and "iicheck: extracting" not in quiet.stderr  # stderr is no terminal here
    assert (tmp_path / "a" / "audit.json").read_bytes() == (tmp_path / "b" / "audit.json").read_bytes()
    gate = runner.invoke(main, ["check", *base, "--format", "json", "--progress"])
    assert gate.exit_code in (0, 1) and json.loads(gate.stdout)["summary"]["sources"] == 5
    assert f"iicheck: {OFF_TOPIC_STAGE} (5 documents)\niicheck: comparing claims\n" in gate.stderr
    assert "iicheck:" not in runner.invoke(main, ["check", *base, "--format", "json", "--no-progress"]).stderr


def test_warnings_come_on_their_own_line_after_the_stage_that_raised_them(tmp_path: Path) -> None:
    """A warning went onto the progress line on a terminal, and before its stage's line in a
    log (found by a probe)."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "latin.txt").write_bytes("Café platforms numbered 150 in 2021.\n".encode("cp1252"))
    result = CliRunner().invoke(main, ["audit", str(src), "--rules", str(ROOT / "rules"), "--no-cache",
                                       "--format", "json", "--out", str(tmp_path / "out"), "--progress"])
    assert result.exit_code in (0, 1), result.stderr
    assert result.stderr.startswith("iicheck: reading sources\niicheck: warning: ")
    assert "latin.txt: not UTF-8; decoded as Windows-1252" in result.stderr.splitlines()[1]
    show_out = io.StringIO()
    show = TerminalProgress(show_out, interactive=True)
    show("reading sources", 0, 0)
    show.close()  # what the log handler does before a warning
    assert show_out.getvalue().endswith("\r\x1b[2K")
