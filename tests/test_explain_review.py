"""`explain` and the explanations file as a review (2026-12-05) found them: concurrent
`explain` runs lost each other's reasons while each reported success; `explain` replaced a
reviewed reason without a word (a one-character prefix was enough) and dropped its `expires`;
an entry written by hand with the 12-character fingerprint `check` prints matched nothing and
was only reported as stale."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from iicheck import explanations as ex
from iicheck.atomic import updating, write_atomic
from iicheck.cli import main
from iicheck.errors import ExplanationsError

from .conftest import RULES
from .test_hardening import _failed

EXPLAINED = "582e9f2a040a487fcc49"  # the seeds' explained contradiction (rules/explanations.yaml)
EXPLAINED_REASON = "Real conflict kept on purpose"


@pytest.fixture()
def project(tmp_path: Path, seeds_copy: Path) -> Path:
    shutil.copytree(RULES, tmp_path / "rules", ignore=shutil.ignore_patterns("tests"))
    return tmp_path


def _args(project: Path) -> list[str]:
    return [str(project / "sources"), "--rules", str(project / "rules")]


def _explain(project: Path, *args: str):
    return CliRunner().invoke(main, ["explain", *args, "--by", "ed", *_args(project)])


def _check(project: Path, *args: str):
    return CliRunner().invoke(main, ["check", *_args(project), "--no-cache", *args])


def _file(project: Path) -> Path:
    return project / "rules" / "explanations.yaml"


def _entries(project: Path, fingerprint: str) -> list[ex.Explanation]:
    return [e for e in ex.load_explanations(_file(project)).explanations if e.fingerprint == fingerprint]


def _fingerprints(project: Path) -> list[str]:
    findings = json.loads(_check(project, "--format", "json").stdout)["findings"]
    return list(dict.fromkeys(f["fingerprint"] for f in findings))


# --- 1. concurrent explain runs ------------------------------------------------------------

_RUN_AT_ONCE = textwrap.dedent("""\
    import pathlib, sys, time
    from iicheck import cli_gate
    real_audit = cli_gate.audit

    def audit(opts):
        # a barrier between the audit and the update of the file: every run reaches the
        # update at the same moment (the old code read the file here, unlocked)
        result = real_audit(opts)
        barrier, parties = pathlib.Path(sys.argv[1]), int(sys.argv[2])
        (barrier / sys.argv[3]).touch()
        deadline = time.monotonic() + 120
        while len(list(barrier.iterdir())) < parties and time.monotonic() < deadline:
            time.sleep(0.005)
        return result

    cli_gate.audit = audit
    from iicheck.cli import main
    main(sys.argv[4:], prog_name="iicheck")
""")


def test_concurrent_explains_keep_every_reason(project: Path, tmp_path: Path) -> None:
    """Seven `explain` runs at once, each of another TODO entry, released together by a
    barrier after their audits: every reason is in the file (the old code kept one to three,
    and every run said "explained")."""
    adopted = CliRunner().invoke(main, ["adopt", "--by", "ed", *_args(project)])
    assert adopted.exit_code == 0, adopted.output
    todo = [e.fingerprint for e in ex.load_explanations(_file(project)).explanations if e.is_placeholder]
    chosen = list(dict.fromkeys(todo))[:7]
    assert len(chosen) == 7
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    runs = [subprocess.Popen([sys.executable, "-c", _RUN_AT_ONCE, str(barrier), str(len(chosen)), f"run{k}",
                              "explain", fp[:12], "--reason", f"parallel {fp}", "--by", "ed", *_args(project)],
                             cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for k, fp in enumerate(chosen)]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "explained " in err
    saved = {e.fingerprint: e.reason for e in ex.load_explanations(_file(project)).explanations}
    assert {fp: saved[fp] for fp in chosen} == {fp: f"parallel {fp}" for fp in chosen}
    assert not [p.name for p in _file(project).parent.iterdir() if p.name.startswith(".")]  # no temp file left


def test_an_update_holds_its_folder_lock_for_the_read_and_the_write(tmp_path: Path) -> None:
    """Inside `updating`, the same thread's write does not wait for its own lock; another
    thread's write to that folder waits until the update is done."""
    path = tmp_path / "explanations.yaml"
    other = threading.Thread(target=write_atomic, args=(tmp_path / "other.yaml", "b"), daemon=True)
    with updating(path):
        write_atomic(path, "a")  # would wait forever if the thread locked its folder again
        other.start()
        other.join(0.5)
        assert other.is_alive() and not (tmp_path / "other.yaml").exists()
    other.join(5)
    assert not other.is_alive() and (tmp_path / "other.yaml").read_text() == "b"
    assert path.read_text() == "a"


def test_a_failed_update_removes_the_folders_it_made(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "explanations.yaml"
    with pytest.raises(RuntimeError):
        with updating(path):
            assert path.parent.is_dir()
            raise RuntimeError("the update failed")
    assert not (tmp_path / "new").exists()


# --- 2. explain keeps what was reviewed ----------------------------------------------------


def test_a_reviewed_reason_is_replaced_only_with_replace(project: Path) -> None:
    before = _file(project).read_bytes()
    refused = _explain(project, EXPLAINED[:12], "--reason", "x")
    output = _failed(refused, f"{_file(project)}:6: {EXPLAINED} (contradiction) already has a reviewed reason: "
                              f"\"{EXPLAINED_REASON}", "hint: add --replace to replace it with 'x'")
    assert "(by iicheck maintainers, 2026-11-22)" in output
    assert _file(project).read_bytes() == before
    replaced = _explain(project, EXPLAINED[:12], "--reason", "x", "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert "(replaced its reviewed reason)" in replaced.output
    assert [e.reason for e in _entries(project, EXPLAINED)] == ["x"]


def test_a_todo_placeholder_is_replaced_without_replace(project: Path) -> None:
    assert CliRunner().invoke(main, ["adopt", "--by", "ed", *_args(project)]).exit_code == 0
    todo = next(e.fingerprint for e in ex.load_explanations(_file(project)).explanations if e.is_placeholder)
    result = _explain(project, todo[:12], "--reason", "a navigation line, not text")
    assert result.exit_code == 0, result.output
    assert "replaced" not in result.output
    assert [e.reason for e in _entries(project, todo)] == ["a navigation line, not text"]


def test_explain_keeps_sets_and_drops_the_expiry(project: Path) -> None:
    later = (date.today() + timedelta(days=30)).isoformat()
    fingerprint = next(fp for fp in _fingerprints(project) if fp != EXPLAINED)
    first = _explain(project, fingerprint[:8], "--reason", "reviewed", "--expires", later)
    assert first.exit_code == 0, first.output
    assert [str(e.expires) for e in _entries(project, fingerprint)] == [later]
    kept = _explain(project, fingerprint[:8], "--reason", "reviewed again", "--replace")
    assert kept.exit_code == 0, kept.output
    assert [(e.reason, str(e.expires)) for e in _entries(project, fingerprint)] == [("reviewed again", later)]
    dropped = _explain(project, fingerprint[:8], "--reason", "for good", "--replace", "--no-expires")
    assert dropped.exit_code == 0, dropped.output
    assert [(e.reason, e.expires) for e in _entries(project, fingerprint)] == [("for good", None)]
    assert "expires" not in _file(project).read_text(encoding="utf-8").split(fingerprint)[1].split("fingerprint")[0]


@pytest.mark.parametrize(("value", "needles"), [
    ("2030-1-1", ("--expires: expected a date as YYYY-MM-DD, got '2030-1-1'", "write the day only")),
    ("next year", ("--expires: expected a date as YYYY-MM-DD, got 'next year'",)),
    ("2030-02-30", ("--expires: '2030-02-30' is no day of the calendar", "give a real day as YYYY-MM-DD")),
    ("2020-01-01", (f"--expires: 2020-01-01 is before the entry's date {date.today()} (today)",)),
])
def test_a_bad_expires_is_refused_before_the_file_changes(project: Path, value: str, needles: tuple[str, ...]) -> None:
    before = _file(project).read_bytes()
    fingerprint = next(fp for fp in _fingerprints(project) if fp != EXPLAINED)
    _failed(_explain(project, fingerprint[:12], "--reason", "ok", "--expires", value), *needles)
    assert _file(project).read_bytes() == before


def test_expires_and_no_expires_together_are_refused(project: Path) -> None:
    _failed(_explain(project, EXPLAINED[:12], "--reason", "ok", "--replace", "--expires", "2099-01-01",
                     "--no-expires"), "--expires: cannot be given with --no-expires")


def test_a_passed_expiry_is_not_kept_silently(project: Path) -> None:
    """Re-explaining an expired entry: the new entry is dated today, so keeping the old expiry
    would write a file the loader refuses (expires before date)."""
    text = _file(project).read_text(encoding="utf-8")
    _file(project).write_text(text.replace("  date: '2026-11-22'\n", "  date: '2024-01-01'\n  expires: '2024-06-30'\n",
                                           1), encoding="utf-8")
    before = _file(project).read_bytes()
    _failed(_explain(project, EXPLAINED[:12], "--reason", "looked again", "--replace"),
            f"--expires: the entry of {EXPLAINED} (contradiction) expired on 2024-06-30",
            "give --expires YYYY-MM-DD for the next review, or --no-expires")
    assert _file(project).read_bytes() == before
    fresh = _explain(project, EXPLAINED[:12], "--reason", "looked again", "--replace", "--no-expires")
    assert fresh.exit_code == 0, fresh.output


@pytest.mark.parametrize(("prefix", "needle"), [
    ("6", "'6' is too short: give at least 4 hex digits of the fingerprint"),
    ("65e", "'65e' is too short: give at least 4 hex digits of the fingerprint"),
    ("65e7zz", "'65e7zz' is not a fingerprint or a prefix of one (20 hex digits, 0-9 and a-f)"),
    (EXPLAINED + "0", f"'{EXPLAINED}0' is not a fingerprint or a prefix of one"),
])
def test_a_fingerprint_prefix_needs_four_hex_digits(project: Path, prefix: str, needle: str) -> None:
    before = _file(project).read_bytes()
    _failed(_explain(project, prefix, "--reason", "x", "--replace"), f"iicheck: error: FINGERPRINT: {needle}",
            "copy the fingerprint from `iicheck check` output")
    assert _file(project).read_bytes() == before


def test_four_hex_digits_in_any_case_name_a_finding(project: Path) -> None:
    result = _explain(project, EXPLAINED[:4].upper(), "--reason", "x", "--replace")
    assert result.exit_code == 0, result.output
    assert f"explained {EXPLAINED} (contradiction)" in result.output


def test_the_help_says_what_explain_needs(project: Path) -> None:
    text = CliRunner().invoke(main, ["explain", "--help"]).output
    for needle in ("at least 4 hex", "--replace", "--expires YYYY-MM-DD", "--no-expires", "TODO placeholder"):
        assert needle in " ".join(text.split()), needle
    assert ex.MIN_PREFIX == 4  # the number the help gives


# --- 3. a prefix written into the file -----------------------------------------------------


def test_a_prefix_in_the_file_is_refused_at_its_line_with_the_command_that_fixes_it(project: Path) -> None:
    text = _file(project).read_text(encoding="utf-8")
    _file(project).write_text(text.replace(f"fingerprint: {EXPLAINED}", f"fingerprint: {EXPLAINED[:12]}"),
                              encoding="utf-8")
    before = _file(project).read_bytes()
    output = _failed(_check(project), f"{_file(project)}:6:3: explanations[0].fingerprint: '{EXPLAINED[:12]}' is a "
                                      f"prefix (12 characters); an entry needs the full 20-character fingerprint",
                     "hint: use the full 20-character fingerprint; `iicheck explain PREFIX --reason ...` fills it "
                     f"in: remove this entry, then run `iicheck explain {EXPLAINED[:12]} --reason 'Real conflict",
                     "--by 'iicheck maintainers'`")
    assert "stale" not in output
    assert _file(project).read_bytes() == before
    for command in ("adopt", "explain"):  # nothing that writes the file takes it in either
        extra = [EXPLAINED[:12], "--reason", "x", "--replace"] if command == "explain" else []
        _failed(CliRunner().invoke(main, [command, *extra, "--by", "ed", *_args(project)]), "is a prefix")
        assert _file(project).read_bytes() == before
    # the hint, followed: the entry removed, explain writes it with the full fingerprint
    _file(project).write_text(text, encoding="utf-8")
    others = tuple(e for e in ex.load_explanations(_file(project)).explanations if e.fingerprint != EXPLAINED)
    ex.write_explanations(_file(project), ex.Explanations(version=1, explanations=others))
    fixed = _explain(project, EXPLAINED[:12], "--reason", "Real conflict kept on purpose")
    assert fixed.exit_code == 0, fixed.output
    assert [e.fingerprint for e in _entries(project, EXPLAINED)] == [EXPLAINED]
    gate = _check(project, "--format", "json")
    assert gate.exit_code == 0, gate.output
    assert [f["status"] for f in json.loads(gate.stdout)["findings"] if f["fingerprint"] == EXPLAINED] == ["explained"]


@pytest.mark.parametrize(("written", "message", "hint"), [
    (EXPLAINED.upper(), f"'{EXPLAINED.upper()}' is in capitals; fingerprints are lowercase", f"write {EXPLAINED}"),
    ("65e7", "'65e7' is a prefix (4 characters)", "`iicheck explain 65e7 --reason"),
    ("65e", "'65e' is not a fingerprint (20 hex digits, 0-9 and a-f)", "remove this entry, then run `iicheck explain"),
    ("finding-1", "'finding-1' is not a fingerprint", "with the fingerprint in brackets in `iicheck check` output"),
    (EXPLAINED + "ab", f"'{EXPLAINED}ab' is not a fingerprint", "remove this entry"),
])
def test_what_is_not_a_full_fingerprint_is_refused_at_load(tmp_path: Path, written: str, message: str,
                                                           hint: str) -> None:
    path = tmp_path / "explanations.yaml"
    path.write_text(f"version: 1\nexplanations:\n- fingerprint: {written}\n  kind: contradiction\n"
                    f"  reason: it's fine\n  by: ed\n  date: 2025-01-31\n", encoding="utf-8")
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(path)
    (problem,) = excinfo.value.problems
    assert (problem.line, problem.column) == (3, 3)
    assert problem.message.startswith("explanations[0].fingerprint: ") and message in problem.message
    assert problem.hint is not None and hint in problem.hint


def test_a_prefix_is_reported_with_the_files_other_problems(tmp_path: Path) -> None:
    path = tmp_path / "explanations.yaml"
    path.write_text("version: 1\nexplanations:\n- fingerprint: f66c57117d75\n  kind: contradiction\n"
                    "  reason: ''\n  by: ed\n  date: 2025-01-31\n", encoding="utf-8")
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(path)
    assert [(p.line, p.message.split(":")[0]) for p in excinfo.value.problems] == [
        (3, "explanations[0].fingerprint"), (5, "explanations[0].reason")]


@pytest.mark.parametrize(("expires", "shown"), [("2099-12-31", True), ("'2099-12-31'", True),
                                               ("2020-01-01", False), ("2099-12-31 10:00:00", False)])
def test_the_command_in_the_hint_keeps_an_expiry_it_can_set(tmp_path: Path, expires: str, shown: bool) -> None:
    """A past expiry would make the command fail (--expires refuses it), and a day with a time
    is the schema's error, reported beside this one, not a crash."""
    path = tmp_path / "explanations.yaml"
    path.write_text("version: 1\nexplanations:\n- fingerprint: f66c57117d75\n  kind: contradiction\n"
                    f"  reason: fine\n  by: ed\n  date: 2019-01-31\n  expires: {expires}\n", encoding="utf-8")
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(path)
    hints = [p.hint or "" for p in excinfo.value.problems if "fingerprint" in p.message]
    assert len(hints) == 1 and ("--expires 2099-12-31" in hints[0]) == shown
    assert "Traceback" not in excinfo.value.render()


def test_the_command_in_the_hint_quotes_what_the_shell_would_split(tmp_path: Path) -> None:
    path = tmp_path / "explanations.yaml"
    path.write_text("version: 1\nexplanations:\n- fingerprint: f66c57117d75\n  kind: contradiction\n"
                    "  reason: \"the desk's count; see 'notes' $HOME\"\n  by: Ed Smith\n  date: 2025-01-31\n"
                    "  expires: 2099-12-31\n", encoding="utf-8")
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(path)
    hint = excinfo.value.problems[0].hint or ""
    command = hint[hint.index("`iicheck explain f66") + 1:-1]
    import shlex
    assert shlex.split(command) == ["iicheck", "explain", "f66c57117d75", "--reason",
                                    "the desk's count; see 'notes' $HOME", "--by", "Ed Smith",
                                    "--expires", "2099-12-31"]


def test_the_committed_explanations_file_holds_full_fingerprints() -> None:
    assert [len(e.fingerprint) for e in ex.load_explanations(RULES / "explanations.yaml").explanations] == [20]
