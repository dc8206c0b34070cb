"""Hardening: bad, hostile and huge input and faults give exit 2 and a clear message, never a
traceback, a partial report or a half-written file (DESIGN.md "Reliability").

Each test feeds one bad input through the CLI (click's runner; one test through real
subprocesses) and checks the exit code, that the message names the file (and line or byte
offset where there is one), and that no report was written or an existing one was left intact.
"""

from __future__ import annotations

import gc
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from click.testing import CliRunner, Result

from iicheck import atomic, segment
from iicheck.cli import main
from iicheck.errors import SourceError
from iicheck.numbers import MAX_MAGNITUDE
from iicheck.textdecode import MAX_NUMBERS_PER_LINE, MAX_SOURCE_BYTES, MAX_SOURCE_NUMBERS, check_numbers
from iicheck.yamlfile import MAX_YAML_BYTES

from .conftest import ROOT, RULES, SEEDS

SEED_TEXT = (SEEDS / "003_dcdd65e1052a438d.txt").read_text(encoding="utf-8")
SENTENCE = "China had more than 150 industrial internet platforms with regional influence in 2023."


def _audit(sources: Path, out: Path, *, rules: Path = RULES, fmt: str = "json",
           extra: tuple[str, ...] = ()) -> Result:
    args = ["audit", str(sources), "--rules", str(rules), "--out", str(out), "--format", fmt, *extra]
    return CliRunner().invoke(main, args)


def _failed(result: Result, *needles: str) -> str:
    """Assert exit 2, a one-place `iicheck: error:` message containing `needles`, no traceback."""
    assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.output.startswith("iicheck: error: "), result.output
    for needle in needles:
        assert needle in result.output, (needle, result.output)
    return result.output


def _folder(tmp_path: Path, files: dict[str, bytes], name: str = "src") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file, data in files.items():
        (folder / file).write_bytes(data)
    return folder


def _rules_with(tmp_path: Path, file: str, text: str) -> Path:
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules, ignore=shutil.ignore_patterns("tests"))
    (rules / file).write_text(text, encoding="utf-8")
    return rules


# --- sources --------------------------------------------------------------------------------

def test_symbolic_links_that_lead_nowhere_are_errors_not_tracebacks_or_silent_gaps(seeds_copy: Path,
                                                                                   tmp_path: Path) -> None:
    (seeds_copy / "loop.txt").symlink_to(seeds_copy / "loop.txt")
    _failed(_audit(seeds_copy, tmp_path / "out"), "loop.txt: cannot read: Too many levels of symbolic links",
            "fix or remove the symbolic link")
    _failed(_audit(seeds_copy / "loop.txt", tmp_path / "out"), "loop.txt: a symbolic link that leads nowhere")
    (seeds_copy / "loop.txt").unlink()
    (seeds_copy / "gone.txt").symlink_to(tmp_path / "missing.txt")
    _failed(_audit(seeds_copy, tmp_path / "out"), "gone.txt: a symbolic link to", "which does not exist")
    (seeds_copy / "gone.txt").unlink()
    (seeds_copy / "fine.txt").symlink_to(SEEDS / "003_dcdd65e1052a438d.txt")  # a working link is a source
    (tmp_path / "notes").mkdir()
    (seeds_copy / "notes.md").symlink_to(tmp_path / "notes")  # a link to a folder is no source, like a folder
    assert _audit(seeds_copy, tmp_path / "out").exit_code == 0
    assert len(json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))["sources"]) == 6


def test_two_links_to_one_file_are_one_source_with_a_warning(seeds_copy: Path, tmp_path: Path,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    seed = seeds_copy / "003_dcdd65e1052a438d.txt"
    (seeds_copy / "alias.txt").symlink_to(seed)
    os.link(seed, seeds_copy / "zz_hard.txt")  # a hard link is the same file too
    result = _audit(seeds_copy, tmp_path / "out")
    assert result.exit_code == 0, result.output
    for other in ("alias.txt", "zz_hard.txt"):  # the first name in the folder's order is kept
        assert f"{seed} and {seeds_copy / other} are one file (linked); it is audited once, as 003 " in caplog.text
    report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in report["sources"]] == ["000", "001", "002", "003", "004"]
    # a copy is another file: audited as a source of its own
    shutil.copy(seed, seeds_copy / "copy.txt")
    report_out = tmp_path / "out2"
    assert _audit(seeds_copy, report_out).exit_code == 0
    assert "copy" in [s["id"] for s in json.loads((report_out / "audit.json").read_text(encoding="utf-8"))["sources"]]


def test_binary_file_among_sources(seeds_copy: Path, tmp_path: Path) -> None:
    (seeds_copy / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    out = tmp_path / "out"
    _failed(_audit(seeds_copy, out), "logo.txt", "looks binary", "offset 8")
    assert not out.exists()  # nothing written: no partial report


def test_invalid_utf8_names_file_and_byte_offset(tmp_path: Path) -> None:
    raw = SENTENCE.encode() + b"\nSecond line \xff\xfe\xfa\xfb\xfc here.\n"
    src = _folder(tmp_path, {"bad.txt": raw})
    offset = raw.index(b"\xff")
    _failed(_audit(src, tmp_path / "out"), f"bad.txt:2:13: not valid UTF-8: byte 0xff at offset {offset}",
            "iconv")


def test_utf16_with_bom_decodes(tmp_path: Path) -> None:
    src = _folder(tmp_path, {"wide.txt": SENTENCE.encode("utf-16")})
    result = _audit(src, tmp_path / "out")
    assert result.exit_code == 0, result.output
    claims = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))["claims"]
    assert [c["figure"] for c in claims] == ["more than 150"]


def test_latin1_text_is_detected_decoded_and_warned(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Outside pytest the warning reaches stderr through logging's last-resort handler."""
    text = ("Le caf\u00e9 \u00e0 M\u00fcnchen: " + SENTENCE + " \u00abNa\u00efve\u00bb \u2013 "
            "\u201cquoted\u201d.\n")
    src = _folder(tmp_path, {"latin.txt": text.encode("cp1252")})
    result = _audit(src, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "latin.txt: not UTF-8; decoded as Windows-1252" in caplog.text
    report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    claim = report["claims"][0]
    assert claim["figure"] == "more than 150"
    assert text[claim["span"][0]:claim["span"][1]] == "more than 150"  # offsets index the decoded text


def test_undetectable_legacy_encoding_is_an_error(tmp_path: Path) -> None:
    raw = ("工业互联网平台超过150个。" * 3).encode("gbk")  # GBK: not UTF-8, not Western prose
    src = _folder(tmp_path, {"gbk.txt": raw})
    _failed(_audit(src, tmp_path / "out"), "gbk.txt:1:1: not valid UTF-8: byte 0xb9 at offset 0")


def test_empty_file(seeds_copy: Path, tmp_path: Path) -> None:
    (seeds_copy / "blank.txt").write_bytes(b" \n\t\n")
    _failed(_audit(seeds_copy, tmp_path / "out"), "blank.txt: file is empty")


def test_every_bad_source_reported_at_once(seeds_copy: Path, tmp_path: Path) -> None:
    (seeds_copy / "blank.txt").write_bytes(b"")
    (seeds_copy / "logo.txt").write_bytes(b"\x00\x01")
    output = _failed(_audit(seeds_copy, tmp_path / "out"), "blank.txt: file is empty", "logo.txt: looks binary")
    assert output.count("iicheck: error:") == 1


@pytest.mark.parametrize("sentence", [
    "The universe holds about 1.5 x 10^2023 industrial internet platforms, 2 x 10^3 of them new.",
    "In 67889 years there will be more than 150 industrial internet platforms.",
    "More than 150 industrial internet platforms were built 67889 years ago.",
    # digit runs beyond any quantity (a float overflowed to infinity here: a traceback)
    f"China had {'9' * 400} industrial internet platforms, 2 x 10^3 of them new.",
    f"China had {'9' * 300} billion industrial internet platforms, 2 x 10^3 of them new.",
    f"China had 1{',000' * 120} industrial internet platforms, 2 x 10^3 of them new.",
    f"China had {'1' * 5000}/{'2' * 5001} of 2 x 10^3 industrial internet platforms.",
])
def test_figures_and_times_beyond_range_are_audited(tmp_path: Path, sentence: str) -> None:
    """Exponents a float cannot hold, digit runs beyond any quantity and spans past year 9999
    are text, not crashes; no claim holds a value beyond numbers.MAX_MAGNITUDE."""
    sources = _folder(tmp_path, {"far.txt": f"{SENTENCE}\n\n{sentence}\n".encode()})
    result = _audit(sources, tmp_path / "out")
    assert result.exit_code in (0, 1), (result.output, result.exception)
    report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    values = [c["value"] for c in report["claims"]]
    assert all("2023" not in json.dumps(v) for v in values), values
    assert all(isinstance(v[k], float | int) and abs(v[k]) <= MAX_MAGNITUDE
               for v in values for k in ("low", "high", "stated")), values
    if "10^3" in sentence:  # the real figure beside them is still read
        assert 2000 in [v["stated"] for v in values], values


@pytest.mark.parametrize("sentence", [
    "Sales rose 5% in \u017fep 2020.",  # "ſ": an "s" to re.IGNORECASE, not to str.lower
    "In \u017feptember 2020 sales rose 5%.",
    "By AUGU\u017fT 2020 there were 150 industrial internet platforms.",
    "In Apr\u0130l 2020 it rose 5%.",  # "İ"
    "In Apr\u0131l 2020 it rose 5%.",  # "ı"
    "In Oct 2020 the \u212a index rose 3%.",  # Kelvin sign
    "Thou\u017fands of people came.",
    "Hundreds of thou\u017fands of people came.",
    "Output will double in the next \u017feven years, to 80 units.",  # a duration: no 1-year window
])
def test_case_trap_letters_in_month_and_number_words_are_audited(tmp_path: Path,
                                                                 sentence: str) -> None:
    """A month or number word matched only through a letter that re.IGNORECASE equates with
    an ASCII one (and str.lower does not) is no month or number: audited, not a crash."""
    sources = _folder(tmp_path, {"trap.txt": f"{SENTENCE}\n\n{sentence}\n".encode()})
    result = _audit(sources, tmp_path / "out")
    assert result.exit_code in (0, 1), (result.output, result.exception)
    report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    stated = [c["time"]["note"] for c in report["claims"] if c["time"]["basis"] == "explicit"]
    assert not any("\u017f" in n or "\u0130" in n or "\u0131" in n for n in stated), stated


def test_empty_sources_folder(tmp_path: Path) -> None:
    src = _folder(tmp_path, {"notes.pdf": b"%PDF"})
    _failed(_audit(src, tmp_path / "out"), f"{src}: no .txt or .md sources found")


def test_missing_sources_folder(tmp_path: Path) -> None:
    _failed(_audit(tmp_path / "nowhere", tmp_path / "out"), "nowhere: no such file or folder")


def test_50mb_source_is_refused_quickly(tmp_path: Path) -> None:
    """Measured: 1 MB of seed-like text audits in ~8.5 s, 5 MB in ~130 s / 490 MB, so 50 MB
    would take hours. It is refused before being read (limit: textdecode.MAX_SOURCE_BYTES)."""
    src = tmp_path / "src"
    src.mkdir()
    chunk = (SEED_TEXT + "\n\n").encode()
    with open(src / "huge.txt", "wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    assert (src / "huge.txt").stat().st_size > 50 * 1024 * 1024
    start = time.perf_counter()
    _failed(_audit(src, tmp_path / "out"), "huge.txt", f"over the {MAX_SOURCE_BYTES:,}-byte limit", "split")
    assert time.perf_counter() - start < 5


def test_large_source_under_the_limit_is_audited_in_time(tmp_path: Path) -> None:
    """400 KB of seed-like text (~70 articles' worth in one file) audits in a few seconds."""
    src = _folder(tmp_path, {"long.txt": ((SEED_TEXT + "\n\n") * (400_000 // len(SEED_TEXT))).encode()})
    start = time.perf_counter()
    result = _audit(src, tmp_path / "out")
    elapsed = time.perf_counter() - start
    assert result.exit_code == 0, result.output
    assert elapsed < 30, f"400 KB took {elapsed:.1f} s"
    assert json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))["summary"]["claims"] > 500


@pytest.mark.parametrize("layout", ["sentences", "one_line"])
def test_100000_figures_refused_with_line(tmp_path: Path, layout: str) -> None:
    """100,000 figures (a data dump, not prose) would take many minutes (extraction is
    superlinear in figures per sentence); it is refused with the line where a limit is hit."""
    if layout == "sentences":
        text = "".join("Counts: " + ", ".join(str(i * 10 + j) for j in range(10)) + ".\n" for i in range(10_000))
        expected = f"many.txt:{MAX_SOURCE_NUMBERS // 10 + 1}:1: more than {MAX_SOURCE_NUMBERS:,} numbers"
    else:
        text = "Figures: " + ", ".join(str(i) for i in range(1, 100_001)) + ".\n"
        expected = f"many.txt:1:1: line holds 100,000 numbers; the limit is {MAX_NUMBERS_PER_LINE:,}"
    src = _folder(tmp_path, {"many.txt": text.encode()})
    start = time.perf_counter()
    _failed(_audit(src, tmp_path / "out"), expected)
    assert time.perf_counter() - start < 10


def _over_number_limits(text: str) -> bool:
    """The limits of check_numbers, counted the plain way (every line, every number)."""
    counts = [len(re.findall(r"\d+(?:[.,]\d+)*", line)) for line in re.split("\r\n|\r|\n", text)]
    return any(c > MAX_NUMBERS_PER_LINE for c in counts) or sum(counts) > MAX_SOURCE_NUMBERS


_TEXT_PARTS = ["7", "٣", "１", "12.5", "3,400", " ", ".", ",", "\n", "\r\n", "é", "“", "a", "\u2028"]


@given(st.lists(st.tuples(st.lists(st.sampled_from(_TEXT_PARTS), min_size=1, max_size=4),
                          st.integers(1, 300)), max_size=6))
@settings(max_examples=300)
def test_number_limits_fast_path_agrees_with_counting(runs: list[tuple[list[str], int]]) -> None:
    """check_numbers skips counting when a cheap digit bound is under the limit; it must
    refuse exactly the texts that counting every line refuses (ASCII, Arabic-Indic and
    full-width digits, CR, LF and CR LF line breaks; U+2028 is none, as in editors and SARIF)."""
    text = "".join("".join(parts) * times for parts, times in runs)
    try:
        check_numbers(Path("t.txt"), text)
        refused = False
    except SourceError:
        refused = True
    assert refused == _over_number_limits(text)


# --- rule files and the explanations file ---------------------------------------------------

def test_huge_rule_file(tmp_path: Path) -> None:
    rules = _rules_with(tmp_path, "quality.yaml", "version: 1\n# " + "x" * MAX_YAML_BYTES + "\n")
    _failed(_audit(SEEDS, tmp_path / "out", rules=rules), "quality.yaml:2:1: file is", "the limit is")


def test_deeply_nested_rule_file(tmp_path: Path) -> None:
    rules = _rules_with(tmp_path, "quality.yaml", "version: 1\nartifacts: " + "[" * 50_000 + "]" * 50_000)
    output = _failed(_audit(SEEDS, tmp_path / "out", rules=rules),
                     "quality.yaml:2:52: nested more than 40 levels deep")
    assert len(output) < 2000  # the 100,000-character line is clipped in the excerpt


def test_duplicate_keys(tmp_path: Path) -> None:
    text = (RULES / "qualifiers.yaml").read_text(encoding="utf-8").replace("version: 1", "version: 1\nversion: 2", 1)
    rules = _rules_with(tmp_path, "qualifiers.yaml", text)
    line = text.splitlines().index("version: 2") + 1
    _failed(_audit(SEEDS, tmp_path / "out", rules=rules), f"qualifiers.yaml:{line}:1: duplicate key 'version'")


@pytest.mark.parametrize("value, reason", [
    ("2021-02-30", "day is out of range for month"),  # a date YAML reads as a date, with no such day
    ("!!int abc", "invalid literal for int()"),
    ("!!float abc", "could not convert string to float"),
    ('!!binary "not base64!!"', "failed to decode base64 data"),
    ("1" * 5000, "Exceeds the limit"),  # past Python's integer string limit
])
def test_values_yaml_cannot_read_name_their_line(tmp_path: Path, value: str, reason: str) -> None:
    """In a rule file, a YAML key, the explanations file and sources.yaml alike: exit 2 at the
    value's line and column, never a traceback (a crash exits 1, which the gate would read as
    'new findings')."""
    text = (RULES / "metrics.yaml").read_text(encoding="utf-8").replace(
        "max_growth_per_year: 3.0", f"max_growth_per_year: {value}", 1)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.strip().startswith("max_growth_per_year: ") and value[:8] in t)
    rules = _rules_with(tmp_path, "metrics.yaml", text)
    _failed(_audit(SEEDS, tmp_path / "out", rules=rules), f"metrics.yaml:{line}:26: cannot read the value", reason)
    assert "sys.set_int_max_str_digits" not in _failed(_audit(SEEDS, tmp_path / "out", rules=rules))


def test_unreadable_dates_in_keys_explanations_and_sources_yaml(seeds_copy: Path, tmp_path: Path) -> None:
    text = (RULES / "metrics.yaml").read_text(encoding="utf-8").replace("version: 1", "version: 1\n2021-02-30: x", 1)
    line = text.splitlines().index("2021-02-30: x") + 1
    _failed(_audit(SEEDS, tmp_path / "out", rules=_rules_with(tmp_path, "metrics.yaml", text)),
            f"metrics.yaml:{line}:1: cannot read the value '2021-02-30'")
    explanations = tmp_path / "explanations.yaml"
    explanations.write_text((RULES / "explanations.yaml").read_text(encoding="utf-8").replace(
        "date: '2026-11-22'", "date: 2026-13-01", 1), encoding="utf-8")
    gate = CliRunner().invoke(main, ["check", str(SEEDS), "--rules", str(RULES), "--explanations", str(explanations)])
    _failed(gate, "explanations.yaml:", "cannot read the value '2026-13-01'")
    listing = seeds_copy / "sources.yaml"
    listing.write_text(re.sub(r"published: '?[0-9-]+'?", "published: 2021-02-30", listing.read_text(encoding="utf-8"), count=1),
                       encoding="utf-8")
    _failed(_audit(seeds_copy, tmp_path / "out"), "sources.yaml:", "cannot read the value '2021-02-30'")


def test_unknown_keys(tmp_path: Path) -> None:
    text = (RULES / "quality.yaml").read_text(encoding="utf-8") + "\ntopic_termz: [x]\n"
    rules = _rules_with(tmp_path, "quality.yaml", text)
    line = len(text.splitlines())
    _failed(_audit(SEEDS, tmp_path / "out", rules=rules), f"quality.yaml:{line}:1:", "unknown key 'topic_termz'")


def test_wrong_types(tmp_path: Path) -> None:
    original = (RULES / "metrics.yaml").read_text(encoding="utf-8")
    text = original.replace("max_growth_per_year: 3.0", "max_growth_per_year: lots", 1)
    rules = _rules_with(tmp_path, "metrics.yaml", text)
    line = text.splitlines().index("    max_growth_per_year: lots") + 1
    _failed(_audit(SEEDS, tmp_path / "out", rules=rules), f"metrics.yaml:{line}:5:", "max_growth_per_year",
            "expected a number, got the text 'lots'", "hint: write a number")


def test_within_cycle(tmp_path: Path) -> None:
    original = (RULES / "metrics.yaml").read_text(encoding="utf-8")
    anchor = "        label: all platforms\n        default: true\n"
    assert anchor in original
    rules = _rules_with(tmp_path, "metrics.yaml", original.replace(anchor, anchor + "        within: cross_industry\n", 1))
    _failed(_audit(SEEDS, tmp_path / "out", rules=rules), "metrics.yaml:", "'within' cycle")


def test_unknown_metric_in_explanations(tmp_path: Path) -> None:
    text = (RULES / "explanations.yaml").read_text(encoding="utf-8")
    assert "  metric: connected_equipment" in text
    bad = tmp_path / "explanations.yaml"
    bad.write_text(text.replace("  metric: connected_equipment", "  metric: no_such_metric", 1), encoding="utf-8")
    line = bad.read_text(encoding="utf-8").splitlines().index("  metric: no_such_metric") + 1
    _failed(_audit(SEEDS, tmp_path / "out", extra=("--explanations", str(bad))),
            f"explanations.yaml:{line}:3:", "unknown metric 'no_such_metric'")


def test_backtracking_pattern_refused_at_load(tmp_path: Path) -> None:
    rules = _rules_with(tmp_path, "quality.yaml", "version: 1\nartifacts:\n  - id: evil\n"
                        "    pattern: '(a+)+\\1$'\n    description: backreference, needs backtracking\n")
    _failed(_audit(SEEDS, tmp_path / "out", rules=rules), "quality.yaml:4:5: pattern 'evil' is not valid RE2",
            "no backreferences")


def test_nested_quantifier_pattern_runs_in_linear_time(tmp_path: Path) -> None:
    """`(a+)+$` is the classic catastrophic pattern for `re`; RE2 accepts it and stays linear."""
    rules = _rules_with(tmp_path, "quality.yaml", (RULES / "quality.yaml").read_text(encoding="utf-8").replace(
        "artifacts: []", "artifacts:\n  - id: evil\n    pattern: '(a+)+$'\n    description: nested quantifier", 1))
    src = _folder(tmp_path, {"a.txt": (SENTENCE + "\n" + "a" * 50_000 + "!\n").encode()})
    start = time.perf_counter()
    result = _audit(src, tmp_path / "out", rules=rules)
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - start < 20


# --- hostile content in reports --------------------------------------------------------------

HOSTILE = ("<script>alert(1)</script> China had more than 150 industrial internet platforms in 2023. "
           "<img src=http://x/y.png onerror=alert(2)> There were 40 million connected sets of "
           "industrial equipment <a href=javascript:alert(3)>here</a>.\n")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_and_javascript_stay_inert_in_html_report(tmp_path: Path) -> None:
    src = _folder(tmp_path, {"evil.txt": HOSTILE.encode()})
    result = _audit(src, tmp_path / "out", fmt="html")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "audit.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "<img src=http://x/y.png" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    parser = _Elements()
    parser.feed(page)
    assert not [t for t, _ in parser.tags if t == "script"]
    assert not [a for _, a in parser.tags if any(k.startswith("on") for k in a)]
    assert not [a for t, a in parser.tags if t == "img" and "x/y.png" in (a.get("src") or "")]
    assert not [a for _, a in parser.tags if "javascript:" in (a.get("href") or "")]


def test_pdf_renderer_never_fetches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from iicheck.render.pdf import RefusingFetcher, html_to_pdf

    connects: list[object] = []

    def no_network(self: socket.socket, address: object) -> None:
        connects.append(address)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    src = _folder(tmp_path, {"evil.txt": HOSTILE.encode()})
    result = _audit(src, tmp_path / "out", fmt="pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "audit.pdf").read_bytes().startswith(b"%PDF")
    # and were the markup ever to reach WeasyPrint unescaped, the fetcher refuses it
    fetcher = RefusingFetcher()
    pdf = html_to_pdf('<p>x<img src="http://x/y.png"><link rel=stylesheet href="http://x/s.css"></p>', fetcher)
    assert pdf.startswith(b"%PDF")
    assert sorted(fetcher.refused) == ["http://x/s.css", "http://x/y.png"]
    assert connects == []


# --- output faults ----------------------------------------------------------------------------

def test_reports_are_written_with_the_usual_permissions(tmp_path: Path) -> None:
    """Temp file + rename must not leave mkstemp's owner-only mode on the reports."""
    result = _audit(SEEDS, tmp_path / "out", fmt="json,html")
    assert result.exit_code in (0, 1), result.output
    expected = 0o666 & ~atomic._UMASK
    for path in (tmp_path / "out").iterdir():
        assert path.stat().st_mode & 0o777 == expected, (path.name, oct(path.stat().st_mode))


def test_output_folder_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder", encoding="utf-8")
    out = blocker / "reports"  # parent is a regular file: fails for root too
    _failed(_audit(SEEDS, out), f"{out / 'audit.json'}: cannot write here", "--out")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_an_output_folder_that_is_a_file_fails_before_the_audit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import iicheck.cli as cli_module

    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(cli_module, "run_audit", lambda *a: pytest.fail("audited before checking --out"))
    _failed(_audit(SEEDS, blocker), f"{blocker}: is a file, not a folder", "give --out a folder")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_formats_given_twice_are_written_once_and_none_is_an_error(tmp_path: Path) -> None:
    _failed(_audit(SEEDS, tmp_path / "out", fmt=" , "), "--format: no format given", "choose from json")
    result = _audit(SEEDS, tmp_path / "out", fmt="json,json")
    assert result.exit_code in (0, 1) and result.output.count("wrote ") == 1, result.output
    result = _audit(SEEDS, tmp_path / "out", fmt="JSON,Json, html")  # any case, as other tools take it
    assert result.exit_code in (0, 1) and result.output.count("wrote ") == 2, result.output
    assert result.output.endswith(f"wrote {tmp_path / 'out' / 'audit.json'}\nwrote {tmp_path / 'out' / 'audit.html'}\n")
    _failed(_audit(SEEDS, tmp_path / "out", fmt="JSON,Yaml"), "--format: unknown format yaml", "choose from json")
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--rules", str(RULES), "--format", "SARIF",
                                       "--fail-level", "Error", "--output", str(tmp_path / "gate.sarif")])
    assert result.exit_code in (0, 1) and json.loads((tmp_path / "gate.sarif").read_text())["version"] == "2.1.0"


def test_the_same_file_given_twice_is_named_as_such(tmp_path: Path) -> None:
    seed = SEEDS / "003_dcdd65e1052a438d.txt"
    result = CliRunner().invoke(main, ["audit", str(seed), str(seed), "--rules", str(RULES),
                                       "--out", str(tmp_path / "out"), "--format", "json"])
    # a file given by itself has the id its folder's sources.yaml gives it
    _failed(result, f"{seed}: source id '003' is also used by {seed} (the same file, given twice)",
            "pass each file once")
    twin = tmp_path / "elsewhere"
    twin.mkdir()
    (twin / seed.name).write_bytes(seed.read_bytes())
    (twin / "sources.yaml").write_bytes((SEEDS / "sources.yaml").read_bytes())
    result = CliRunner().invoke(main, ["audit", str(seed), str(twin / seed.name), "--rules", str(RULES),
                                       "--out", str(tmp_path / "out"), "--format", "json"])
    _failed(result, f"{twin / seed.name}: source id '003' is also used by {seed}",
            "give one of them another id in sources.yaml, or rename one")


def _previous_reports(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    out = tmp_path / "out"
    out.mkdir()
    previous = {"audit.json": b'{"previous": true}\n', "audit.html": b"<p>previous</p>\n"}
    for name, data in previous.items():
        (out / name).write_bytes(data)
    return out, previous


def test_interrupt_while_rendering_second_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import iicheck.render.html as html_render

    out, previous = _previous_reports(tmp_path)

    def interrupted(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(html_render, "render_html", interrupted)
    result = _audit(SEEDS, out, fmt="json,html")
    assert result.exit_code == 130, result.output
    assert "interrupted" in result.output and "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == previous  # intact, no temp files


def _stop_at_second_fsync(monkeypatch: pytest.MonkeyPatch, stop: Callable[[], None]) -> None:
    """`stop()` while the second output file is flushed (the first one already staged)."""
    calls = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 2:
            stop()
        real_fsync(fd)

    monkeypatch.setattr(atomic.os, "fsync", fsync)


def _raise_keyboard_interrupt() -> None:
    raise KeyboardInterrupt


def test_interrupt_while_writing_second_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, previous = _previous_reports(tmp_path)
    _stop_at_second_fsync(monkeypatch, _raise_keyboard_interrupt)
    result = _audit(SEEDS, out, fmt="json,html")
    assert result.exit_code == 130, result.output
    assert sorted(p.name for p in out.iterdir()) == ["audit.html", "audit.json"]  # no temp file left
    # all-or-nothing: every previous file intact, including the one already staged
    assert (out / "audit.html").read_bytes() == previous["audit.html"]
    assert (out / "audit.json").read_bytes() == previous["audit.json"]


def test_sigterm_while_writing_leaves_the_previous_outputs_and_no_temp_file(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM (a CI timeout, `docker stop`) unwinds like Ctrl-C: it used to kill the process
    with a 58 MB hidden temp file left in the output folder (found by a robustness probe)."""
    out, previous = _previous_reports(tmp_path)
    _stop_at_second_fsync(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGTERM))
    handler = signal.getsignal(signal.SIGTERM)
    result = _audit(SEEDS, out, fmt="json,html")
    assert result.exit_code == 143, result.output
    assert "iicheck: terminated; no output file was changed" in result.output and "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == previous  # intact, no temp files
    assert signal.getsignal(signal.SIGTERM) == handler  # put back after the command


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm"])
def test_a_stop_while_the_tool_is_still_loading_gives_the_one_line_and_exit_code(
        stop: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The first 0.4 s of a command are imports: Ctrl-C there printed a traceback from inside
    some module, SIGTERM killed the process without a word."""
    from iicheck import entry

    def loading(name: str) -> object:
        if stop == "ctrl-c":
            raise KeyboardInterrupt
        os.kill(os.getpid(), signal.SIGTERM)  # a real signal, delivered to the handler in place
        pytest.fail("SIGTERM did not stop the import")

    handler, handler_int = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    monkeypatch.setattr(entry.importlib, "import_module", loading)
    with pytest.raises(SystemExit) as stopped:
        entry.run()
    assert signal.getsignal(signal.SIGINT) == handler_int  # put back too
    assert stopped.value.code == (130 if stop == "ctrl-c" else 143)
    word = "interrupted" if stop == "ctrl-c" else "terminated"
    assert capsys.readouterr().err == f"iicheck: {word}; no output file was changed\n"
    assert signal.getsignal(signal.SIGTERM) == handler  # put back


def test_the_entry_point_runs_the_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    from iicheck import entry

    monkeypatch.setattr(sys, "argv", ["iicheck", "--version"])
    with pytest.raises(SystemExit) as done:
        entry.run()
    assert done.value.code == 0


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("command", [["check", "--format", "sarif"], ["claims"]])
def test_a_stdout_that_cannot_be_written_is_exit_2_not_a_gate_failure(command: list[str], tmp_path: Path) -> None:
    """`iicheck check > file` on a full disk ended in a traceback and exit code 1, which CI reads
    as "new findings" (and `|| test $? -eq 1` as a pass)."""
    with open("/dev/full", "w", encoding="utf-8") as full:
        run = subprocess.run([sys.executable, "-m", "iicheck", *command, str(SEEDS), "--rules", str(RULES)],
                             cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, stdout=full,
                             stderr=subprocess.PIPE, text=True, check=False, timeout=120)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr, run.stderr
    assert "iicheck: error: stdout: cannot write the output: No space left on device" in run.stderr


def test_sigterm_during_the_map_stops_the_workers_and_the_command(tmp_path: Path) -> None:
    """A real process with two workers, terminated while it extracts: exit 143, one line, no
    traceback, nothing written."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for k in range(60):
        for seed in sorted(SEEDS.glob("*.txt")):
            (corpus / f"{k:02d}-{seed.name}").write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    command = [sys.executable, "-m", "iicheck", "audit", str(corpus), "--rules", str(RULES), "--out", str(out),
               "--jobs", "2", "--no-cache", "--progress"]
    run = subprocess.Popen(command, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert run.stderr is not None
    seen = [run.stderr.readline() for _ in range(2)]
    assert seen[-1].startswith("iicheck: extracting (300 documents)"), seen
    run.send_signal(signal.SIGTERM)
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == 143, stderr
    # the last line; progress lines may come first when the signal arrived in a worker pool's
    # at-fork hook, where Python swallows the exception (the command then stops before writing)
    assert stderr.strip().splitlines()[-1] == "iicheck: terminated; no output file was changed"
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert not out.exists() or not list(out.iterdir())


def test_two_runs_at_once_on_one_output_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    single = tmp_path / "single"
    command = [sys.executable, "-m", "iicheck", "audit", str(SEEDS), "--rules", str(RULES), "--format", "json,html"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs = [subprocess.Popen([*command, "--out", str(out)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE) for _ in range(2)]
    reference = subprocess.run([*command, "--out", str(single)], cwd=ROOT, env=env, capture_output=True, check=False)
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err.decode()
    assert reference.returncode == 0, reference.stderr.decode()
    assert sorted(p.name for p in out.iterdir()) == ["audit.html", "audit.json"]
    assert json.loads((out / "audit.json").read_bytes()) == json.loads((single / "audit.json").read_bytes())
    assert (out / "audit.html").read_bytes() == (single / "audit.html").read_bytes()


@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(["word", "one", "hundred", ",", ";", " ", " ", "\n", "\u00a0", "x" * 7,
                                      ". Next", "\n\n"]), max_size=60).map("".join),
       cap=st.integers(2, 12))
@example(text="aaaa aa, b c dd ee ff gg", cap=12)  # ", " then later spaces in the second half
@example(text="wordword  word,,, ", cap=8)  # spaces after a cut: the next piece's length starts after them
def test_long_segments_are_cut_at_clause_breaks(text: str, cap: int) -> None:
    """With the cap lowered, every segment is at most `cap` long, the pieces of a cut segment
    follow one another (no text lost), and a cut falls after "; " or ", " when the second half
    of the allowed length holds one."""
    plain = segment.split_sentences("d", text)
    with mock.patch.object(segment, "MAX_SENTENCE_CHARS", cap):
        capped = segment.split_sentences("d", text)
    assert all(len(s.text) <= cap for s in capped)
    assert [s.text for s in capped] == [s.text for s in plain] or any(len(s.text) > cap for s in plain)
    for s in plain:  # its pieces, in order, hold exactly its non-space characters
        pieces = [c for c in capped if s.start <= c.start < s.end]
        assert "".join("".join(c.text.split()) for c in pieces) == "".join(s.text.split())
        assert all(c.kind == s.kind and c.paragraph == s.paragraph for c in pieces)
        for a, b in zip(pieces, pieces[1:]):
            breaks = [m.start() + 1 for m in re.finditer(r"[;,]\s", text[:a.start + cap])
                      if m.start() >= a.start + cap // 2]
            if breaks:  # cut right after the last "; " or ", " of the second half
                assert a.end == breaks[-1], (text[a.start:b.end], a.text, b.text)


def test_text_without_sentence_punctuation_audits_in_linear_time(tmp_path: Path) -> None:
    """A flattened list of 700 KB without a full stop (number words and commas): before the
    segment cap it was one sentence quoted by each of its thousands of claims (250 KB took 12 s
    and 1.6 GB, 1.9 MB 536 s and 15.7 GB); now a few seconds."""
    # (a bare "million" is no figure: the figures are the "fifty"s)
    words = "platforms industrial internet the of and in more than fifty equipment sets connected million network ,".split()
    text = " ".join(words[(i * 7) % len(words)] for i in range(110_000))
    src = _folder(tmp_path, {"list.txt": text.encode()})
    start = time.perf_counter()
    result = _audit(src, tmp_path / "out")
    elapsed = time.perf_counter() - start
    assert result.exit_code in (0, 1), (result.output, result.exception)
    report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    assert report["summary"]["claims"] > 1000
    assert max(len(c["sentence"]) for c in report["claims"]) <= segment.MAX_SENTENCE_CHARS
    assert elapsed < 30, f"{len(text):,} characters took {elapsed:.1f} s"


def test_growth_beyond_float_range_is_judged_not_a_crash(tmp_path: Path) -> None:
    """A factor of 10^297 in one day overflowed the yearly growth rate (OverflowError, a
    traceback): it is judged like any other (in one month: a contradiction, written with the
    factor as a power of ten and no yearly rate)."""
    sources = _folder(tmp_path, {
        "a.txt": b"On 23 February 2021, China had more than 50 industrial internet platforms "
                 b"with regional influence.\n",
        "b.txt": f"On 24 February 2021, China had more than {'9' * 299} industrial internet "
                 f"platforms with regional influence.\n".encode()})
    result = _audit(sources, tmp_path / "out")
    assert result.exit_code in (0, 1), (result.output, result.exception)
    report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    (conflict,) = [f for f in report["findings"] if f["kind"] == "contradiction"]
    assert conflict["message"].endswith("do not: at least \u00d71.7 \u00d7 10\u00b2\u2079\u2077 within at most 28 days")


class _SignalOnCollection:
    def __init__(self, signum: int) -> None:
        self.signum = signum

    def __del__(self) -> None:  # an exception raised in a finaliser is ignored (and printed) by Python
        os.kill(os.getpid(), self.signum)


def _sigterm_where_python_swallows_it(signum: int = signal.SIGTERM) -> None:
    """A signal delivered where Python cannot raise the handler's exception (a finaliser), as it
    happens in the at-fork hook of a starting worker pool."""
    _SignalOnCollection(signum)
    gc.collect()


def test_a_ctrl_c_python_swallowed_still_stops_the_command_before_it_writes(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import iicheck.engine as engine_module

    real = engine_module.run_checks

    def checks_then_sigint_in_a_finaliser(*args: object, **kwargs: object) -> object:
        _sigterm_where_python_swallows_it(signal.SIGINT)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_module, "run_checks", checks_then_sigint_in_a_finaliser)
    # a foreground command: Ctrl-C not ignored, whatever the test process inherited (a CI
    # job started in the background starts with SIGINT ignored, and the command rightly
    # keeps ignoring it: test_a_signal_ignored_when_the_command_started_stays_ignored)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        result = _audit(SEEDS, tmp_path / "out")
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back after the command
    finally:
        signal.signal(signal.SIGINT, previous)
    assert result.exit_code == 130, result.output
    assert result.output.strip() == "iicheck: interrupted; no output file was changed"
    assert not (tmp_path / "out").exists()


def test_a_sigterm_python_swallowed_still_stops_the_command_before_it_writes(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Python ignores an exception raised where it cannot propagate (it arrived once in the
    at-fork hook of a starting worker pool, and the audit ran to the end); the command then
    stops before writing, with no 'Exception ignored' noise."""
    import iicheck.engine as engine_module

    real = engine_module.run_checks

    def checks_then_sigterm_in_a_finaliser(*args: object, **kwargs: object) -> object:
        _sigterm_where_python_swallows_it()
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(engine_module, "run_checks", checks_then_sigterm_in_a_finaliser)
    result = _audit(SEEDS, tmp_path / "out")
    assert result.exit_code == 143, result.output
    assert result.output.strip() == "iicheck: terminated; no output file was changed"
    assert not (tmp_path / "out").exists()


def test_what_stopping_after_a_sigterm_raises_is_reported_as_the_termination(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A SIGTERM that lands while a worker pool starts can make the pool's shutdown raise its
    own error (RuntimeError: cannot join thread before it is started) in place of the
    termination: still exit 143 and one line, not a traceback and exit 1 (which the gate reads
    as 'new findings'). Found in review, about 1 run in 60."""
    import iicheck.engine as engine_module

    def cut_short(*args: object, **kwargs: object) -> object:
        _sigterm_where_python_swallows_it()
        raise RuntimeError("cannot join thread before it is started")

    monkeypatch.setattr(engine_module, "run_checks", cut_short)
    result = _audit(SEEDS, tmp_path / "out")
    assert result.exit_code == 143, result.output
    assert result.output.strip() == "iicheck: terminated; no output file was changed"
    monkeypatch.undo()
    assert _audit(SEEDS, tmp_path / "out").exit_code in (0, 1)  # the next command is not 'terminated'


def test_sources_yaml_entries_must_name_the_folders_files_once(seeds_copy: Path, tmp_path: Path,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    """A misspelt entry used to be ignored silently, and with it the source's publication date;
    now it is a warning at its line. Two entries for one file are an error."""
    listing = seeds_copy / "sources.yaml"
    text = listing.read_text(encoding="utf-8")
    listing.write_text(text.replace("file: 002_20be95f66a8552b3.txt", "file: 002_20be95f66a8552b3.text", 1),
                       encoding="utf-8")
    line = next(n for n, t in enumerate(listing.read_text(encoding="utf-8").splitlines(), 1) if ".text" in t)
    result = _audit(seeds_copy, tmp_path / "out")
    assert result.exit_code in (0, 1), result.output
    assert (f"iicheck: warning: {listing}:{line}: no .txt or .md source named '002_20be95f66a8552b3.text' "
            "in this folder; the entry is not used") in caplog.text  # on stderr outside pytest
    lines = text.splitlines()
    first = next(n for n, t in enumerate(lines) if t.strip() == "- file: 003_dcdd65e1052a438d.txt")
    end = next((n for n in range(first + 1, len(lines)) if lines[n].strip().startswith("- file:")), len(lines))
    listing.write_text("\n".join(lines + lines[first:end]) + "\n", encoding="utf-8")
    second = len(lines) + 1  # the copy's first line
    _failed(_audit(seeds_copy, tmp_path / "out"),
            f"sources.yaml:{second}:", "a second entry for '003_dcdd65e1052a438d.txt'", "keep one entry per file")


def test_an_interruption_after_the_outputs_were_written_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import iicheck.cli as cli_module

    real = cli_module.outputs_written

    def written_then_sigterm() -> None:
        real()
        os.kill(os.getpid(), signal.SIGTERM)  # before the summary lines

    monkeypatch.setattr(cli_module, "outputs_written", written_then_sigterm)
    result = _audit(SEEDS, tmp_path / "out")
    assert result.exit_code == 143, result.output
    assert result.output.strip() == "iicheck: terminated; the outputs were already written"
    assert json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))["summary"]["sources"] == 5


def test_report_files_of_an_earlier_audit_are_pointed_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _audit(SEEDS, out, fmt="json,html").exit_code in (0, 1)
    result = _audit(SEEDS, out, fmt="json")
    assert result.exit_code in (0, 1)
    assert f"iicheck: note: {out / 'audit.html'} is from an earlier audit (not written by this one)" in result.output
    assert "audit.json is from" not in result.output


@pytest.mark.parametrize("codec", ["utf-16le", "utf-16be"])
def test_utf16_without_a_byte_order_mark_gets_an_encoding_hint(tmp_path: Path, codec: str) -> None:
    folder = _folder(tmp_path, {"a.txt": (SENTENCE + "\n").encode(codec)})
    _failed(_audit(folder, tmp_path / "out"), "a.txt: looks binary",
            f"it looks like {codec.upper()} text without a byte-order mark", f"iconv -f {codec} -t utf-8")
    png = _folder(tmp_path, {"b.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4}, name="png")
    assert "UTF-16" not in _failed(_audit(png, tmp_path / "out"), "b.txt: looks binary")


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_the_first_and_last_dates_there_are_do_not_crash_the_audit(seeds_copy: Path, tmp_path: Path,
                                                                    published: str) -> None:
    """A source dated in year 1 (its text or sources.yaml can say so) or 9999: the reporting lag
    and the padded timeline axis went past the dates Python has (found by a probe)."""
    listing = seeds_copy / "sources.yaml"
    listing.write_text(listing.read_text(encoding="utf-8").replace("published: 2021-02-23", f"published: {published}", 1),
                       encoding="utf-8")
    (seeds_copy / "year1.txt").write_text("Updated: 0001-01-02\nThe platform had 150 users.\n", encoding="utf-8")
    result = _audit(seeds_copy, tmp_path / "out", fmt="json,html")
    assert result.exit_code in (0, 1) and "Traceback" not in result.output, result.output
    assert (tmp_path / "out" / "audit.html").exists()


def test_each_folders_sources_yaml_describes_its_own_files(tmp_path: Path) -> None:
    """Entries were merged across folders by bare file name: a folder's entry for a file it does
    not have overrode another folder's entry for its own file of that name, so the result
    depended on the order of the folders (found by a probe)."""
    def folder(name: str, listing: str) -> Path:
        path = tmp_path / name
        path.mkdir()
        (path / "x.txt").write_text(SENTENCE + "\n", encoding="utf-8")
        (path / "sources.yaml").write_text(f"version: 1\nsources:\n{listing}", encoding="utf-8")
        return path

    one = folder("one", "  - file: x.txt\n    id: C\n  - file: y.txt\n    id: WRONG\n")
    two = folder("two", "  - file: x.txt\n    id: D\n")
    (two / "y.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    for order in ((one, two), (two, one)):
        result = CliRunner().invoke(main, ["audit", *map(str, order), "--rules", str(RULES),
                                           "--out", str(tmp_path / "out"), "--format", "json", "--no-cache"])
        assert result.exit_code in (0, 1), result.output
        report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
        assert sorted(s["id"] for s in report["sources"]) == ["C", "D", "y"]


def test_a_signal_between_two_renames_is_held_until_all_reports_are_in_place(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A SIGTERM just after the first report was renamed into place left the new audit.json
    beside the old audit.html, the others' temp files behind, and said no file had changed
    (found by a probe). The renames now hold the signal back: all new, then 'terminated'."""
    out, previous = _previous_reports(tmp_path)
    real_replace = os.replace
    calls = []

    def replace(src: str, dst: object) -> None:
        real_replace(src, dst)
        if Path(str(dst)).parent == out:  # a report, not a cache entry
            calls.append(dst)
            if len(calls) == 1:
                os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(atomic.os, "replace", replace)
    # another thread alive, as a worker pool's are: a signal mask on the main thread alone did
    # not hold the signal, the kernel gave it to this thread
    awake = threading.Event()
    bystander = threading.Thread(target=awake.wait, args=(60,), daemon=True)
    bystander.start()
    try:
        result = _audit(SEEDS, out, fmt="json,html")
    finally:
        awake.set()
    assert result.exit_code == 143, result.output
    assert result.output.strip() == "iicheck: terminated; the outputs were already written"
    assert sorted(p.name for p in out.iterdir()) == ["audit.html", "audit.json"]  # no temp file left
    assert all((out / name).read_bytes() != data for name, data in previous.items())  # both new


def test_outputs_that_cannot_be_written_are_found_before_the_audit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import iicheck.cli as cli_module
    import iicheck.cli_gate as gate_module

    monkeypatch.setattr(cli_module, "run_audit", lambda *a: pytest.fail("audited before checking --out"))
    monkeypatch.setattr(gate_module, "run_audit", lambda *a: pytest.fail("audited before checking --output"))
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    _failed(_audit(SEEDS, loop), f"{loop}: a symbolic link that leads nowhere")
    folder = tmp_path / "a_folder"
    folder.mkdir()
    gate = CliRunner().invoke(main, ["check", str(SEEDS), "--rules", str(RULES), "--output", str(folder)])
    _failed(gate, f"{folder}: is a folder, not a file", "give --output a file name")


def test_a_signal_ignored_when_the_command_started_stays_ignored(tmp_path: Path) -> None:
    """A background job in a script starts with SIGINT ignored; the Ctrl-C meant for the
    foreground must not stop it (found by a probe)."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        seen = []
        import iicheck.cli_common as common
        with common._stop_signals_unwind():
            seen.append(signal.getsignal(signal.SIGINT))
            seen.append(signal.getsignal(signal.SIGTERM) is common._terminate)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert seen == [signal.SIG_IGN, True]


@pytest.mark.parametrize("value", ["2021", "20210223", "2021-02-23T10:00:00+08:00", "soon"])
def test_a_published_value_that_is_no_day_says_what_a_date_looks_like(seeds_copy: Path, tmp_path: Path,
                                                                       value: str) -> None:
    listing = seeds_copy / "sources.yaml"
    listing.write_text(listing.read_text(encoding="utf-8").replace("published: 2021-02-23", f"published: {value}", 1),
                       encoding="utf-8")
    output = _failed(_audit(seeds_copy, tmp_path / "out"), "sources.yaml:", "published: expected a date as YYYY-MM-DD",
                     "write the day only, e.g. 2021-02-23")
    assert "zero time" not in output and "datetime" not in output


def test_two_writers_of_one_folder_take_turns(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """A run renames its reports into the folder only while it holds the folder's lock, so two
    audits writing one folder at once end with one run's complete set, not a mix."""
    import fcntl
    import threading

    from iicheck.atomic import write_all_atomic

    files = [(tmp_path / "audit.json", "{}"), (tmp_path / "audit.html", "<p>")]
    holder = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # another run is renaming its set
    writer = threading.Thread(target=write_all_atomic, args=(files,))
    writer.start()
    writer.join(0.5)
    assert writer.is_alive() and not (tmp_path / "audit.json").exists()
    os.close(holder)  # that run is done
    writer.join(5)
    assert not writer.is_alive() and (tmp_path / "audit.json").read_text() == "{}"
    assert f"iicheck: waiting for another run writing to {tmp_path}" in capfd.readouterr().err
    assert (tmp_path / "audit.html").read_text() == "<p>"


def test_the_folder_lock_never_stops_a_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file system that refuses flock on folders (NFS) writes unlocked; one folder named
    twice (a symbolic link) is locked once, not waited for by its own run; an interrupt while
    waiting for another run leaves no temp file behind."""
    import errno
    import fcntl

    import iicheck.atomic as atomic

    real = tmp_path / "out"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    import threading

    writer = threading.Thread(target=atomic.write_all_atomic,
                              args=([(real / "a.json", "1"), (tmp_path / "link" / "b.json", "2")],), daemon=True)
    writer.start()
    writer.join(5)  # it waited for its own lock before (a thread, so a regression fails, not hangs)
    assert not writer.is_alive() and sorted(p.name for p in real.iterdir()) == ["a.json", "b.json"]

    def refuse(fd: int, op: int) -> None:
        raise OSError(errno.EBADF, "flock refused")

    monkeypatch.setattr(atomic.fcntl, "flock", refuse)
    atomic.write_all_atomic([(real / "a.json", "3")])
    assert (real / "a.json").read_text() == "3"

    def interrupted(fd: int, op: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.fcntl, "flock", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_all_atomic([(real / "a.json", "4"), (real / "c.json", "5")])
    assert sorted(p.name for p in real.iterdir()) == ["a.json", "b.json"] and (real / "a.json").read_text() == "3"
    assert fcntl is not None


@pytest.mark.parametrize("text,expected", [
    # a list item that ends as a sentence is one, without its bullet or number
    ("- 500 industrial internet platforms were in operation at the end of 2023.\n",
     [("body", "500 industrial internet platforms were in operation at the end of 2023.")]),
    ("1. China had 340 platforms in 2023, the ministry said.\n2. Output rose 5%.\n",
     [("body", "China had 340 platforms in 2023, the ministry said."), ("body", "Output rose 5%.")]),
    # items that do not end as sentences stay headings, as page furniture does
    ("• Detail\n- Not yet compliant\n", [("heading", "• Detail"), ("heading", "- Not yet compliant")]),
    # a short item is not wrapped: the lowercase paragraph after it is its own (it was swallowed
    # into the item's heading, its figures never claims)
    ("  • Detail\nstrengthen the 5G networks of 300 factories in Zhengzhou. We will add 20 more.\n",
     [("heading", "• Detail"), ("body", "strengthen the 5G networks of 300 factories in Zhengzhou."),
      ("body", "We will add 20 more.")]),
    # a long item wrapped onto the next line stays one item
    ("- 500 industrial internet platforms were in operation at the\n  end of 2023, the ministry said.\n",
     [("body", "500 industrial internet platforms were in operation at the\n  end of 2023, the ministry said.")]),
    # a paragraph's closing tag does not hide its full stop
    ("<p>China had 500 industrial internet platforms in 2023, it said.</p>\n",
     [("body", "<p>China had 500 industrial internet platforms in 2023, it said.</p>")]),
])
def test_list_items_that_are_sentences_are_read(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(s.kind, s.text) for s in segment.split_sentences("x", text)] == expected


def test_the_figures_of_a_fact_box_are_claims(tmp_path: Path) -> None:
    """A Markdown fact box's items were headings, whose figures are never claims: 0 claims."""
    src = _folder(tmp_path, {"list.md": (
        "Published 5 March 2024\n\n- 500 industrial internet platforms were in operation at the end of 2023.\n"
        "- 96 million sets of industrial equipment were connected by the end of 2023.\n").encode()})
    result = _audit(src, tmp_path / "out")
    assert result.exit_code in (0, 1), result.output
    report = json.loads((tmp_path / "out" / "audit.json").read_text(encoding="utf-8"))
    assert sorted(c["value"]["stated"] for c in report["claims"]) == [500.0, 96e6]


@pytest.mark.parametrize("entry,message,hint", [
    ('    id: "  "\n', "a source id must be visible text without spaces at its ends", "README.md"),
    ("    titel: Platforms\n", "unknown key 'titel'", "README.md (Commands: the sources.yaml paragraph)"),
])
def test_a_bad_sources_yaml_entry_points_at_its_documentation(tmp_path: Path, entry: str, message: str,
                                                                hint: str) -> None:
    src = _folder(tmp_path, {"a.txt": b"China had 500 industrial internet platforms in 2023, it said.\n",
                             "sources.yaml": f"version: 1\nsources:\n  - file: a.txt\n{entry}".encode()})
    result = _audit(src, tmp_path / "out")
    assert result.exit_code == 2 and message in result.output and hint in result.output, result.output
    assert "sources.yaml:4:5" in result.output


def test_closing_tags_are_stripped_in_linear_time() -> None:
    """A line of 12,000 closing tags took 3 s (a regex anchored at its end retried from every
    tag); stripping them one at a time from the end takes milliseconds."""
    text = "</a>" * 12_000 + "<x>\n"
    start = time.perf_counter()
    segment.split_sentences("x", text)
    assert time.perf_counter() - start < 0.5
