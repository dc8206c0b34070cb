"""Inputs a review (2026-12-05) found mishandled: each case as it was reported, now an exit-2
error a user can act on, or a correct result, never a traceback or a half-replaced report set."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from iicheck import atomic
from iicheck.cli import main
from iicheck.errors import OutputError

from .conftest import RULES, SEEDS
from .test_hardening import _audit, _failed, _folder

PLATFORMS = b"Next year 200 industrial internet platforms will be built. Last year 150 were built.\n"


def _report(out: Path) -> dict[str, object]:
    return json.loads((out / "audit.json").read_text(encoding="utf-8"))


def test_a_file_name_that_is_not_utf8_is_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "src"
    folder.mkdir()
    os.close(os.open(os.fsencode(folder) + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY))
    Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9.txt")).write_bytes(PLATFORMS)
    _failed(_audit(folder, tmp_path / "out"), "caf\\xe9.txt: the file name is not valid UTF-8", "rename the file")


@pytest.mark.parametrize("listing", ["published: 9999-12-31", "published: 0001-01-01",
                                     "url: http://en.qstheory.cn/9999-12/06/c_1.htm"])
def test_relative_years_at_the_ends_of_the_calendar_stay_unresolved(tmp_path: Path, listing: str) -> None:
    """"next year" after a placeholder date of 9999-12-31, "last year" in year 1."""
    folder = _folder(tmp_path, {"a.txt": PLATFORMS, "sources.yaml":
                                f"version: 1\nsources:\n  - file: a.txt\n    {listing}\n".encode()})
    result = _audit(folder, tmp_path / "out", fmt="json,sarif,junit,gitlab")
    assert result.exit_code == 0, result.output
    assert [c["figure"] for c in _report(tmp_path / "out")["claims"]] == ["200", "150"]  # type: ignore[index]


@pytest.mark.parametrize("address", ["tcp://scheduler", "localhost", "http://127.0.0.1:8786", ""])
def test_a_dask_address_that_cannot_be_one_is_refused(tmp_path: Path, address: str) -> None:
    pytest.importorskip("distributed")
    _failed(_audit(SEEDS, tmp_path / "out", extra=("--dask", address)),
            f"--dask: {address!r} is not a Dask scheduler address", "tcp://10.0.0.5:8786")


def test_a_stray_byte_in_a_utf8_file_is_located_not_decoded_as_cp1252(tmp_path: Path) -> None:
    text = ("Updated: 2021-02-23\n\nChina\u2019s industrial internet \u2013 70 platforms, caf\u00e9 owners say.\n"
            .encode() + b"A stray Latin-1 byte: na\xefve.\n")
    output = _failed(_audit(_folder(tmp_path, {"a.txt": text}), tmp_path / "out"),
                     "a.txt:4:25: not valid UTF-8: byte 0xef", "fix or delete this byte")
    assert "iconv" not in output  # converting the whole file would garble the right characters
    # after a UTF-8 byte-order mark alike, with the line and column
    bom = _folder(tmp_path, {"b.txt": b"\xef\xbb\xbfLine one.\nLine two has a bad \xff byte.\n"}, "bom")
    _failed(_audit(bom, tmp_path / "out"), "b.txt:2:20: not valid UTF-8: byte 0xff at offset 32")
    # a file that is Windows-1252 throughout is still read, with a warning
    western = _folder(tmp_path, {"c.txt": b"Caf\xe9 owners counted 70 industrial internet platforms in 2021.\n"}, "w")
    assert _audit(western, tmp_path / "out").exit_code == 0


def test_files_given_one_by_one_take_their_folders_sources_yaml(tmp_path: Path) -> None:
    """`iicheck audit seeds/*.txt` audits what `iicheck audit seeds` does, and `seeds/*` too:
    a sources.yaml given as a file is the folder's metadata, not a source."""
    whole = _audit(SEEDS, tmp_path / "whole")
    files = CliRunner().invoke(main, ["audit", *map(str, sorted(SEEDS.glob("*.txt"))), "--rules", str(RULES),
                                      "--out", str(tmp_path / "files"), "--format", "json"])
    star = CliRunner().invoke(main, ["audit", *map(str, sorted(SEEDS.iterdir())), "--rules", str(RULES),
                                     "--out", str(tmp_path / "star"), "--format", "json"])
    assert whole.exit_code == files.exit_code == star.exit_code == 0, (files.output, star.output)
    expected = _report(tmp_path / "whole")
    for out in ("files", "star"):
        got = _report(tmp_path / out)
        assert [s["id"] for s in got["sources"]] == ["000", "001", "002", "003", "004"]  # type: ignore[index]
        assert got["claims"] == expected["claims"] and got["findings"] == expected["findings"]


def test_lone_carriage_returns_end_lines_as_line_feeds_do(tmp_path: Path) -> None:
    seed = (SEEDS / "000_7651d97fe48e2e0e.txt").read_bytes()
    lf = _folder(tmp_path, {"000.txt": seed}, "lf")
    cr = _folder(tmp_path, {"000.txt": seed.replace(b"\n", b"\r")}, "cr")
    assert _audit(lf, tmp_path / "lf_out").exit_code == _audit(cr, tmp_path / "cr_out").exit_code == 0

    def places(out: str) -> list[tuple[int, int]]:
        return [(e["line"], e["column"]) for f in _report(tmp_path / out)["findings"]  # type: ignore[attr-defined]
                for e in f["evidence"]]
    assert places("cr_out") == places("lf_out") and max(places("lf_out"))[0] > 1


def test_a_rename_that_fails_puts_back_the_files_already_replaced(tmp_path: Path) -> None:
    old_json, new_html, pdf = tmp_path / "audit.json", tmp_path / "audit.html", tmp_path / "audit.pdf"
    old_json.write_text("OLD")
    pdf.write_text("OLD PDF")
    real = os.replace
    calls: list[str] = []

    def failing(src: str, dst: object) -> None:
        calls.append(str(dst))
        if str(dst) == str(pdf):
            raise PermissionError(13, "Permission denied")
        real(src, dst)  # type: ignore[arg-type]

    with mock.patch.object(atomic.os, "replace", failing), pytest.raises(OutputError):
        atomic.write_all_atomic([(old_json, "NEW"), (new_html, "<html>"), (pdf, b"%PDF")])
    assert old_json.read_text() == "OLD" and not new_html.exists() and pdf.read_text() == "OLD PDF"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.json", "audit.pdf"]  # no temp files, no links
    # a folder where a report goes is found before anything is replaced
    shutil.rmtree(tmp_path)
    tmp_path.mkdir()
    (tmp_path / "audit.pdf").mkdir()
    old_json.write_text("OLD")
    result = _audit(SEEDS, tmp_path, fmt="json,html,pdf")
    _failed(result, "audit.pdf: cannot write: a folder has this name")
    assert old_json.read_text() == "OLD" and not new_html.exists()


def test_hints_say_what_the_file_says(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    listing = seeds / "sources.yaml"
    listing.write_text(listing.read_text(encoding="utf-8").replace('id: "000"', "id: 010"), encoding="utf-8")
    _failed(_audit(seeds, tmp_path / "out"), "got the number 8", "YAML reads 010 as a number: quote it as written, e.g. '010'")
    listing.write_text(listing.read_text(encoding="utf-8").replace("id: 010", 'id: "000"').replace(
        "version: 1", "version: 2"), encoding="utf-8")
    _failed(_audit(seeds, tmp_path / "out"), "sources.yaml:", "version: expected 1, got the number 2")
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    extraction = rules / "extraction.yaml"
    extraction.write_text(extraction.read_text(encoding="utf-8").replace("publication_lag_days: 90",
                                                                         "publication_lag_days: 1e9"))
    _failed(_audit(SEEDS, tmp_path / "out", rules=rules), "got the text '1e9'", "write 1e9 in full, 1000000000")
    shutil.copy(RULES / "extraction.yaml", extraction)
    qualifiers = rules / "qualifiers.yaml"
    qualifiers.write_text(qualifiers.read_text(encoding="utf-8"), encoding="utf-16")
    _failed(_audit(SEEDS, tmp_path / "out", rules=rules), "qualifiers.yaml:1:1: not UTF-8 text",
            "it was probably saved as UTF-16")


def test_an_ambiguous_fingerprint_prefix_lists_the_candidates(tmp_path: Path) -> None:
    """Prefixes must be at least 4 hex digits now (a 1-character one was taken when unique), so
    two findings that share 6 are made by rewriting their fingerprints in the audit's result."""
    from dataclasses import replace

    from iicheck import cli_gate
    real_audit = cli_gate.audit

    def sharing_audit(opts):  # type: ignore[no-untyped-def]
        result = real_audit(opts)
        findings = list(result.report.findings)
        for k in (0, 1):
            findings[k] = findings[k].model_copy(update={"fingerprint": f"abcdef{k}" + "0" * 13})
        return replace(result, report=result.report.model_copy(update={"findings": tuple(findings)}))

    explanations = tmp_path / "explanations.yaml"
    with mock.patch.object(cli_gate, "audit", sharing_audit):
        result = CliRunner().invoke(main, ["explain", "abcdef", "--reason", "x", str(SEEDS), "--rules", str(RULES),
                                           "--explanations", str(explanations)])
    _failed(result, "2 fingerprints start with 'abcdef': abcdef00000000000000, abcdef10000000000000",
            "give more of the fingerprint")
    assert not explanations.exists()


def test_a_bug_exits_2_with_its_traceback_not_1(tmp_path: Path) -> None:
    """Python's exit code for a crash is 1, which the CI gate reads as "new findings" (and
    docs/ci.md's workflow accepts): a crash must not pass for a gate result."""
    with mock.patch("iicheck.cli_common.audit", side_effect=RuntimeError("boom")):
        result = CliRunner().invoke(main, ["check", str(SEEDS), "--rules", str(RULES)])
    assert result.exit_code == 2, (result.exit_code, result.output)
    assert result.output.startswith("iicheck: internal error: RuntimeError: boom\n")
    assert "please report it" in result.output and "Traceback (most recent call last)" in result.output


# --- a second review, of the fixes above and the day's other changes -------------------------


def test_windows_1252_with_an_accidental_utf8_pair_is_still_read(tmp_path: Path) -> None:
    """"CAFÉ’S" in Windows-1252 is the bytes of a valid UTF-8 character: one such pair among
    the bytes that are not UTF-8 does not make the file UTF-8 with a stray byte."""
    text = "LE CAFÉ’S menu changed. Prices rose by 5% in the café, the owner said.\n".encode("cp1252")
    result = _audit(_folder(tmp_path, {"fr.txt": text}), tmp_path / "out")
    assert result.exit_code == 0, result.output


def test_utf8_with_one_curly_quote_and_one_stray_byte_is_refused_at_the_byte(tmp_path: Path) -> None:
    """One "’" (three bytes in UTF-8) beside one stray byte: a UTF-8 file with a stray byte, not
    Windows-1252 text (read so, the quote became the mojibake "â€™" the artifact check then blamed
    on the source)."""
    raw = (b"Published 4 March 2024\n\nThe ministry\xe2\x80\x99s report shows 300 industrial internet "
           b"platforms at the end of 2023.\nThe caf\xe9 had 5G.\n")
    result = _audit(_folder(tmp_path, {"s.txt": raw}), tmp_path / "out")
    assert result.exit_code == 2 and "s.txt:4:8: not valid UTF-8: byte 0xe9" in result.output, result.output
    assert "the rest of the file is UTF-8" in result.output


@pytest.mark.parametrize("footer", ["© 2015 Acme Media Ltd / All rights reserved",
                                    "Copyright © 2015 Example News/Condé Nast. All rights reserved.",
                                    "Home | News | Sport | Photos | Contact us © 2015 Acme Media Ltd",
                                    "Text, photos and video © 2015 Acme Media Ltd."])
def test_page_notices_that_mention_photos_or_a_slash_still_date_the_page(tmp_path: Path, footer: str) -> None:
    page = ("Bridge traffic grows\n\nThe new bridge opened in 2019 and carried 40,000 cars a day in its first year.\n"
            "Tolls were cut in 2021, the operator said.\n" + footer + "\n")
    assert _audit(_folder(tmp_path, {"p.txt": page.encode()}), tmp_path / "out").exit_code == 0
    kinds = [f["kind"] for f in _report(tmp_path / "out")["findings"]]  # type: ignore[index]
    assert "anachronism" in kinds


def test_a_year_after_expects_is_an_event_unless_it_is_what_is_expected(tmp_path: Path) -> None:
    page = ("Sales outlook\n\nThe company said it expects demand to stay below its 2019 level, when it sold 3 "
            "million units.\nCopyright © 2015 Acme Media Ltd.\n")
    _audit(_folder(tmp_path, {"p.txt": page.encode()}), tmp_path / "out")
    (found,) = [f for f in _report(tmp_path / "out")["findings"] if f["kind"] == "anachronism"]  # type: ignore[index]
    assert [e["figure"] for e in found["evidence"]][1:] == ["2019"]


@pytest.mark.parametrize("address, valid", [("127.0.0.1:8786", True), ("tcp://10.0.0.5:8786", True),
                                            ("tls://[::1]:8786", True), ("inproc://10.0.0.5/123/1", True),
                                            ("scheduler:8786", True), ("tcp://scheduler", False),
                                            ("localhost", False), ("http://127.0.0.1:8786", False)])
def test_dask_addresses_as_distributed_reads_them(address: str, valid: bool) -> None:
    from iicheck.distributed import _ADDRESS
    assert bool(_ADDRESS.fullmatch(address)) is valid


def _readings_by_lists(pieces: list[str]) -> tuple[set[int], bool, int]:
    """enumeration_mismatch._readings as first written: every reading's items listed in full."""
    from iicheck.checks.enumeration_mismatch import _CONJ_INSIDE, _CONJ_START, _ITEM_COUNT, _value
    readings: list[list[str]] = []
    closed = False
    for i, piece in enumerate(pieces):
        if _CONJ_START.match(piece):
            readings.append([*pieces[:i], _CONJ_START.sub("", piece)])
            closed = True
        elif _CONJ_INSIDE.search(piece):
            readings.append([*pieces[:i], *_CONJ_INSIDE.split(piece, maxsplit=1)])
            closed = True
    if pieces and not _CONJ_START.match(pieces[-1]) and not _CONJ_INSIDE.search(pieces[-1]):
        readings.append(pieces)
    counts = {len(items) for items in readings}
    widest = max(counts, default=0)
    for items in readings:
        each = [_ITEM_COUNT.match(item.strip()) for item in items]
        if all(each):
            counts.add(sum(_value(m["num"]) if m["num"] else 1 for m in each if m))
    return counts, closed, widest


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["two doubles", "a single", "one in the south", "and a team", "or two",
                                 "three parts and four", "the east", "and the west", "budget",
                                 "a plan and a team", "5 rooms", "and one more"]), max_size=7))
def test_enumeration_readings_in_one_pass_equal_the_lists(pieces: list[str]) -> None:
    from iicheck.checks.enumeration_mismatch import _readings
    assert _readings(pieces) == _readings_by_lists(pieces)


def test_enumeration_readings_are_linear() -> None:
    import time
    from iicheck.checks.enumeration_mismatch import _readings
    started = time.perf_counter()
    _readings(["a x and y"] * 3200)  # 1.3 s when every reading listed its items (quadratic)
    assert time.perf_counter() - started < 0.2


def test_a_header_date_after_a_carriage_return_is_read(tmp_path: Path) -> None:
    page = "Some site\nUpdated: March 3, 2011\n\nRevenue grew 5% last year, the company said.\n"
    for name, text in (("lf", page), ("cr", page.replace("\n", "\r"))):
        assert _audit(_folder(tmp_path, {"a.txt": text.encode()}, name), tmp_path / name / "out").exit_code == 0
    windows = [[(c["time"]["start"], c["time"]["basis"]) for c in _report(tmp_path / n / "out")["claims"]]  # type: ignore[index]
               for n in ("lf", "cr")]
    assert windows[0] == windows[1] == [("2010-01-01", "explicit")]


def test_the_rollback_link_has_a_fixed_name_and_keeps_a_symbolic_link(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    target.write_text("TARGET")
    link = tmp_path / "audit.json"
    link.symlink_to(target)
    (tmp_path / ".audit.json.iicheck-old").write_text("left by a killed run")
    real = os.replace

    def failing(src: str, dst: object) -> None:
        if str(dst).endswith("audit.pdf"):
            raise PermissionError(13, "Permission denied")
        real(src, dst)  # type: ignore[arg-type]

    with mock.patch.object(atomic.os, "replace", failing), pytest.raises(OutputError):
        atomic.write_all_atomic([(link, "NEW"), (tmp_path / "audit.pdf", b"%PDF")])
    assert link.is_symlink() and link.read_text() == "TARGET"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.json", "elsewhere.json"]


def test_rules_test_finds_the_projects_rules_from_a_subfolder(monkeypatch: pytest.MonkeyPatch) -> None:
    """`iicheck rules test` takes its rules folder from [tool.iicheck] like the other commands
    (it looked for ./rules only, so it failed when run from a subfolder)."""
    monkeypatch.chdir(SEEDS)
    result = CliRunner().invoke(main, ["rules", "test"])
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith("passed, 0 failed")


def test_a_bad_unit_after_a_utf16_or_utf32_bom_is_named_at_its_offset(tmp_path: Path) -> None:
    """The decoders count the offset of an error from the file's start for UTF-16 and UTF-32
    (the BOM included) and from after the BOM for UTF-8: the message names the file's byte."""
    import codecs
    utf16 = codecs.BOM_UTF16_LE + "Figures: 70 platforms.\n".encode("utf-16-le") + b"\x00\xd8" + "ok\n".encode("utf-16-le")
    _failed(_audit(_folder(tmp_path, {"a.txt": utf16}, "u16"), tmp_path / "out"), "invalid utf-16 at byte 48")
    utf8 = codecs.BOM_UTF8 + b"Figures: 70 platforms.\n\xff\n"
    _failed(_audit(_folder(tmp_path, {"b.txt": utf8}, "u8"), tmp_path / "out"), "byte 0xff at offset 26")
