"""The explanations file: strict loading with located errors, count-aware matching, the gate."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from iicheck import explanations as ex
from iicheck.errors import ExplanationsError, OutputError
from iicheck.models import Evidence, Finding

TODAY = date(2025, 6, 1)
FP_A = "aaaa0000000000000000"
FP_B = "bbbb0000000000000000"
FP_C = "cccc0000000000000000"
FP_Z = "ffff0000000000000000"
FP_GONE = "99990000000000000000"


def finding(fp: str = FP_A, kind: str = "contradiction", metric: str | None = "platforms",
            severity: str = "error", figures: tuple[str, ...] = ("70", "more than 150"),
            **extra) -> Finding:
    evidence = tuple(
        Evidence(source=f"00{i}_src", sentence=f"There were {fig} platforms.", span=(0, 20),
                 figure=fig, line=i + 1, column=1)
        for i, fig in enumerate(figures))
    return Finding(kind=kind, severity=severity, message="figures disagree", metric=metric,
                   evidence=evidence, fingerprint=fp, **extra)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "explanations.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ENTRY = """\
version: 1
explanations:
- fingerprint: aaaa0000000000000000
  kind: contradiction
  metric: platforms
  sources: [000_src, 001_src]
  reason: {reason}
  by: alice
  date: 2025-01-31
"""


def problems_of(excinfo: pytest.ExceptionInfo[ExplanationsError]) -> list:
    return excinfo.value.problems


# --- loading -----------------------------------------------------------------------------


def test_missing_file_is_empty(tmp_path: Path) -> None:
    assert ex.load_explanations(tmp_path / "nope.yaml") == ex.Explanations(version=1)


def test_valid_file_loads(tmp_path: Path) -> None:
    loaded = ex.load_explanations(write(tmp_path, ENTRY.format(reason="pilot count")),
                                  known_metrics={"platforms"})
    (entry,) = loaded.explanations
    assert entry.reason == "pilot count" and entry.date == date(2025, 1, 31)
    assert entry.sources == ("000_src", "001_src")


@pytest.mark.parametrize("reason", ['""', "'   '"])
def test_empty_reason_is_an_error_with_its_line(tmp_path: Path, reason: str) -> None:
    path = write(tmp_path, ENTRY.format(reason=reason))
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(path)
    (problem,) = problems_of(excinfo)
    assert problem.line == 7 and problem.column == 3  # the key: errors point at "reason:"
    assert "reason" in problem.message and "empty" in problem.message
    assert problem.hint and problem.excerpt and "reason:" in problem.excerpt
    assert str(path) in excinfo.value.render()


def test_missing_reason_is_an_error(tmp_path: Path) -> None:
    text = ENTRY.format(reason="x").replace("  reason: x\n", "")
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(write(tmp_path, text))
    (problem,) = problems_of(excinfo)
    assert "missing key 'reason'" in problem.message and problem.line == 3


def test_duplicate_keys_are_an_error(tmp_path: Path) -> None:
    text = ENTRY.format(reason="first") + "  reason: second\n"
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(write(tmp_path, text))
    (problem,) = problems_of(excinfo)
    assert "duplicate key 'reason'" in problem.message and problem.line == 10


def test_unknown_key_is_an_error_with_its_line(tmp_path: Path) -> None:
    text = ENTRY.format(reason="ok") + "  reviewer: bob\n"
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(write(tmp_path, text))
    (problem,) = problems_of(excinfo)
    assert "unknown key 'reviewer'" in problem.message and problem.line == 10


def test_unknown_metric_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, ENTRY.format(reason="ok"))
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(path, known_metrics={"enterprises"})
    (problem,) = problems_of(excinfo)
    assert "unknown metric 'platforms'" in problem.message and problem.line == 5
    assert "enterprises" in (problem.hint or "")


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = ENTRY.format(reason='""').replace("date: 2025-01-31", "date: last tuesday")
    text += "- fingerprint: bbbb0000000000000000\n  kind: x\n  reason: ok\n  by: bob\n  date: 2025-01-01\n  oops: 1\n"
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(write(tmp_path, text))
    lines = sorted(p.line for p in problems_of(excinfo))
    assert lines == [7, 9, 15]


@pytest.mark.parametrize("text, needle", [
    ("", "empty"),
    ("# just a comment\n", "empty"),
    ("- a\n- b\n", "expected a mapping"),
    ("version: 2\nexplanations: []\n", "version"),
    ("explanations: []\n", "missing key 'version'"),
    ("version: 1\nexplanations: [\n", "invalid YAML"),
])
def test_malformed_files_are_errors_never_an_empty_baseline(tmp_path: Path, text: str,
                                                            needle: str) -> None:
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(write(tmp_path, text))
    assert needle in excinfo.value.render()


ENTRY_KEYS = "version: 1\nexplanations:\n- fingerprint: abc00000000000000000\n  kind: artifact\n  reason: ok\n  by: me\n"


@pytest.mark.parametrize("text, message, hint", [
    ("explanations: []\n", "version: missing key 'version'", "start the file with `version: 1`"),
    ("version: 1\nextra: 1\nexplanations: []\n", "extra: unknown key 'extra'", "allowed keys: version, explanations"),
    ("version: 1\nexplanations:\n", "explanations: expected a list, got nothing", "one item per line"),
    (ENTRY_KEYS + "  date: 20240101\n", "explanations[0].date: expected a date as YYYY-MM-DD, got 20240101",
     "write the day only"),
    (ENTRY_KEYS + "  date: 2024-01-01\n  sources: 004\n", "explanations[0].sources: expected a list, got the number 4",
     "one item per line"),
    (ENTRY_KEYS + "  date: 2024-01-01\n  figures: 40 million\n",
     "explanations[0].figures: expected a list, got the text '40 million'", "one item per line"),
])
def test_schema_errors_are_in_words_with_a_hint_that_fits(tmp_path: Path, text: str, message: str, hint: str) -> None:
    """The explanations loader words its errors as the rule files do: it said "valid tuple",
    pydantic's words on dates, and hinted at entry keys for a top-level key."""
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(write(tmp_path, text))
    rendered = excinfo.value.render()
    hint_line = next(line for line in rendered.splitlines() if line.strip().startswith("hint: "))
    assert message in rendered and hint in hint_line, rendered


def test_expires_before_date_is_an_error(tmp_path: Path) -> None:
    text = ENTRY.format(reason="ok") + "  expires: 2024-01-01\n"
    with pytest.raises(ExplanationsError) as excinfo:
        ex.load_explanations(write(tmp_path, text))
    assert problems_of(excinfo)[0].line == 10


# --- matching ----------------------------------------------------------------------------


def entry(fp: str = FP_A, reason: str = "pilot count", **extra) -> ex.Explanation:
    data = {"fingerprint": fp, "kind": "contradiction", "metric": "platforms",
            "reason": reason, "by": "alice", "date": date(2025, 1, 31)} | extra
    return ex.Explanation(**data)


def file_of(*entries: ex.Explanation) -> ex.Explanations:
    return ex.Explanations(version=1, explanations=entries)


def test_explained_and_new() -> None:
    result = ex.apply_explanations([finding(FP_A), finding(FP_B)], file_of(entry()), TODAY)
    assert [(f.fingerprint, f.status, f.reason) for f in result.findings] == [
        (FP_A, "explained", "pilot count"), (FP_B, "new", None)]
    assert result.stale == () and result.expired == ()


def test_matching_is_count_aware() -> None:
    twins = [finding(FP_A), finding(FP_A)]
    one = ex.apply_explanations(twins, file_of(entry()), TODAY)
    assert [f.status for f in one.findings] == ["explained", "new"]
    two = ex.apply_explanations(twins, file_of(entry(), entry()), TODAY)
    assert [f.status for f in two.findings] == ["explained", "explained"]
    three = ex.apply_explanations(twins, file_of(entry(), entry(), entry()), TODAY)
    assert len(three.stale) == 1


def test_stale_entries_are_reported() -> None:
    stale = entry(FP_GONE)
    result = ex.apply_explanations([finding(FP_A)], file_of(entry(), stale), TODAY)
    assert result.stale == (stale,)


def test_expired_entries_still_explain_but_are_reported() -> None:
    old = entry(expires=date(2025, 5, 31))
    result = ex.apply_explanations([finding(FP_A)], file_of(old), TODAY)
    assert result.findings[0].status == "explained" and result.expired == (old,)
    fresh = entry(expires=TODAY)
    assert ex.apply_explanations([finding()], file_of(fresh), TODAY).expired == ()


def test_changed_figures_make_a_finding_updated() -> None:
    recorded = entry(figures=("70", "more than 150"))
    same = ex.apply_explanations([finding(figures=("more than 150", "70"))],
                                 file_of(recorded), TODAY)
    assert same.findings[0].status == "explained"
    changed = ex.apply_explanations([finding(figures=("70", "about 1,000"))],
                                    file_of(recorded), TODAY)
    assert changed.findings[0].status == "updated"
    assert changed.findings[0].reason == "pilot count" and changed.stale == ()


def test_figures_come_from_details_when_the_core_sets_them() -> None:
    f = finding(figures=("70",), details={"figures": "70 | more  than 150"})
    assert ex.finding_figures(f) == ("70", "more than 150")
    assert ex.finding_figures(finding(figures=("b", "a"))) == ("a", "b")


def test_exact_figures_are_matched_first_among_twins() -> None:
    old, new = entry(figures=("1",)), entry(figures=("2",))
    result = ex.apply_explanations([finding(figures=("2",)), finding(figures=("1",))],
                                   file_of(old, new), TODAY)
    assert [f.status for f in result.findings] == ["explained", "explained"]


def test_explain_adds_and_replaces() -> None:
    f = finding()
    once = ex.explain(ex.EMPTY, f, "pilot count only", "alice", TODAY)
    (added,) = once.explanations
    assert (added.fingerprint, added.kind, added.metric, added.sources, added.figures) == (
        FP_A, "contradiction", "platforms", ("000_src", "001_src"), ("70", "more than 150"))
    again = ex.explain(once, f, "better reason", "bob", TODAY)
    assert [e.reason for e in again.explanations] == ["better reason"]
    twice = ex.explain(again, f, "both", "bob", TODAY, count=2)
    assert [e.reason for e in twice.explanations] == ["both", "both"]


def test_explain_keeps_the_expiry_of_the_entries_it_replaces() -> None:
    """The only field of the old entries that explain does not set: kept (the earliest, when
    twins' entries differ), replaced by `expires=`, dropped by `expires=None`."""
    f = finding()
    twins = file_of(entry(reason="a", expires=date(2026, 3, 1)), entry(reason="b", expires=date(2026, 1, 1)),
                    entry(FP_B))
    kept = ex.explain(twins, f, "c", "bob", TODAY)
    assert [(e.fingerprint, e.reason, e.expires) for e in kept.explanations] == [
        (FP_B, "pilot count", None), (FP_A, "c", date(2026, 1, 1)), (FP_A, "c", date(2026, 1, 1))]
    assert [e.expires for e in ex.explain(twins, f, "c", "bob", TODAY, expires=date(2027, 1, 1)).explanations
            if e.fingerprint == FP_A] == [date(2027, 1, 1)] * 2
    assert [e.expires for e in ex.explain(twins, f, "c", "bob", TODAY, expires=None).explanations] == [None] * 3
    with pytest.raises(ExplanationsError, match="expired on 2026-01-01"):
        ex.explain(twins, f, "c", "bob", date(2026, 2, 1))


def test_reviewed_entries_are_the_real_reasons_of_one_fingerprint() -> None:
    explanations = file_of(entry(reason="TODO: explain"), entry(FP_B), entry(reason="pilot count"))
    assert [(i, e.reason) for i, e in ex.reviewed_entries(explanations, FP_A)] == [(2, "pilot count")]


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_explain_refuses_an_empty_reason(reason: str) -> None:
    with pytest.raises(ExplanationsError) as excinfo:
        ex.explain(ex.EMPTY, finding(), reason, "alice", TODAY)
    assert "reason" in excinfo.value.render()


def test_adopt_records_placeholders_that_keep_the_gate_failing() -> None:
    findings = [finding(FP_A), finding(FP_B), finding(FP_B)]
    adopted = ex.adopt(file_of(entry()), findings, "ci", TODAY)
    assert sorted(e.fingerprint for e in adopted.explanations) == [FP_A, FP_B, FP_B]
    assert [e.reason for e in adopted.explanations if e.fingerprint == FP_B] == [
        ex.PLACEHOLDER_REASON] * 2
    result = ex.apply_explanations(findings, adopted, TODAY)
    assert [f.status for f in result.findings] == ["explained", "new", "new"]
    assert result.findings[1].reason == ex.PLACEHOLDER_REASON
    assert ex.gate_exit_code(result.findings, result.stale, result.expired, "error", False) == 1
    # adopting again adds nothing: placeholders already cover the findings
    assert ex.adopt(adopted, findings, "ci", TODAY) == adopted
    real = ex.explain(adopted, findings[1], "counted twice on purpose", "alice", TODAY)
    result = ex.apply_explanations(findings, real, TODAY)
    assert ex.gate_exit_code(result.findings, result.stale, result.expired, "error", False) == 0


def test_adopt_leaves_updated_findings_for_review() -> None:
    adopted = ex.adopt(file_of(entry(figures=("1",))), [finding(figures=("2",))], "ci", TODAY)
    assert len(adopted.explanations) == 1


def test_prune_removes_stale_entries_count_aware() -> None:
    explanations = file_of(entry(), entry(), entry(FP_GONE))
    result = ex.apply_explanations([finding()], explanations, TODAY)
    pruned = ex.prune(explanations, result.stale)
    assert [e.fingerprint for e in pruned.explanations] == [FP_A]


# --- the gate ----------------------------------------------------------------------------


def stamped(status: str, severity: str = "error", reason: str | None = "ok") -> Finding:
    return finding(severity=severity, status=status, reason=reason)


@pytest.mark.parametrize("findings, stale, expired, level, strict, code", [
    ([], [], [], "error", False, 0),
    ([stamped("explained")], [], [], "error", False, 0),
    ([stamped("new", reason=None)], [], [], "error", False, 1),
    ([stamped("updated")], [], [], "error", False, 1),
    ([stamped("new", "warning", None)], [], [], "error", False, 0),
    ([stamped("new", "warning", None)], [], [], "warning", False, 1),
    ([stamped("new", "info", None)], [], [], "info", False, 1),
    ([stamped("explained", reason="TODO: explain")], [], [], "error", False, 1),
    ([], [entry()], [], "error", False, 0),
    ([], [entry()], [], "error", True, 1),
    ([], [], [entry()], "error", True, 1),
])
def test_gate_exit_code(findings, stale, expired, level, strict, code) -> None:
    assert ex.gate_exit_code(findings, stale, expired, level, strict) == code


def test_gate_rejects_an_unknown_level() -> None:
    with pytest.raises(Exception) as excinfo:
        ex.gate_exit_code([], [], [], "fatal", False)
    assert "fail level" in str(excinfo.value)


# --- writing -----------------------------------------------------------------------------


def test_dump_is_sorted_stable_and_round_trips(tmp_path: Path) -> None:
    entries = (entry(FP_Z, kind="regression"), entry(FP_B, metric="enterprises"),
               entry(FP_A, expires=date(2026, 1, 1), figures=("70",)),
               entry(FP_C, kind="artifact", metric=None, reason="scraper: menu text"))
    text = ex.dump_explanations(file_of(*entries))
    assert text == ex.dump_explanations(file_of(*reversed(entries)))
    order = [line.split(": ")[1] for line in text.splitlines() if "fingerprint:" in line]
    assert order == [FP_C, FP_B, FP_A, FP_Z]
    assert text.startswith("#") and "version: 1\n" in text
    assert "expires: '2026-01-01'" in text or "expires: 2026-01-01" in text
    path = write(tmp_path, text)
    loaded = ex.load_explanations(path)
    assert sorted(loaded.explanations, key=ex._sort_key) == sorted(entries, key=ex._sort_key)
    assert ex.dump_explanations(loaded) == text


def test_dump_of_nothing() -> None:
    assert ex.dump_explanations(ex.EMPTY).endswith("version: 1\nexplanations: []\n")


def test_write_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "old content\n")

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OutputError):
        ex.write_explanations(path, file_of(entry()))
    assert path.read_text(encoding="utf-8") == "old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["explanations.yaml"]
    monkeypatch.undo()
    ex.write_explanations(path, file_of(entry()))
    assert ex.load_explanations(path) == file_of(entry())
