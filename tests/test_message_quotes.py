"""A finding's message quotes at most a bounded excerpt of the source text it names
(`iicheck.findings.quoted`), in every check that quotes text; the evidence keeps it whole.

A duplicated passage of 4,366 characters was copied whole into its message: 17 PDF pages for
one short source, and with 8,000 characters 58 pages (one of them blank), GitHub annotation
lines of 11,166 characters, and the same in text and JUnit output.
"""

from __future__ import annotations

import doctest
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from iicheck import findings as findings_module
from iicheck.cli import main
from iicheck.findings import QUOTE_HEAD, QUOTE_WHOLE, quoted
from iicheck.textcut import ELLIPSIS

from .conftest import RULES

MESSAGE_MAX = 700
"""Longer than any message of the seeds (262 characters) with two bounded quotes in it."""


def _passage(chars: int) -> str:
    sides = ["northern", "southern", "eastern", "western", "central", "coastal", "inland", "border"]
    text = "The ministry said that " + ", ".join(
        f"the {side} province reported progress on factories and networks" for side in sides * 40)
    return text[:chars].rsplit(" ", 1)[0] + "."


def test_module_examples() -> None:
    assert doctest.testmod(findings_module).failed == 0


def test_quoted_keeps_short_texts_whole_and_bounds_long_ones() -> None:
    short = "x" * QUOTE_WHOLE
    assert quoted(short) == f"\u201c{short}\u201d"
    assert quoted(short, as_repr=True) == repr(short)
    assert quoted(short, marks="") == short
    long = _passage(8000)
    shown = quoted(long)
    assert shown.endswith(f"{ELLIPSIS}\u201d ({len(long):,} characters)")
    kept = shown[1:shown.index(f" {ELLIPSIS}")]
    assert long.startswith(kept) and QUOTE_HEAD // 2 < len(kept) <= QUOTE_HEAD
    assert quoted(long, as_repr=True) == f"{repr(kept + ' ' + ELLIPSIS)} ({len(long):,} characters)"
    assert quoted("y" * 5000, marks="").startswith("y" * QUOTE_HEAD + f" {ELLIPSIS} (5,000")


def _pages(pdf: Path) -> int:
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def _audit(folder: Path, out: Path, *extra: str) -> dict:
    result = CliRunner().invoke(main, ["audit", str(folder), "--out", str(out), "--no-cache", "--jobs", "1",
                                       *extra])
    assert result.exit_code == 0, result.output
    report: dict = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    return report


def test_a_long_duplicated_passage_is_quoted_briefly_in_every_report(tmp_path: Path) -> None:
    passage = _passage(8000)
    dup, plain = tmp_path / "dup", tmp_path / "plain"
    dup.mkdir()
    plain.mkdir()
    body = f"Published 4 March 2024\n\n{passage}\n\nOther text follows here for the readers.\n\n"
    (dup / "d.txt").write_text(body + passage + "\n", encoding="utf-8")
    (plain / "d.txt").write_text(body, encoding="utf-8")
    report = _audit(dup, tmp_path / "out")
    (finding,) = [f for f in report["findings"] if f["kind"] == "duplicate_text"]
    assert len(finding["message"]) < MESSAGE_MAX
    assert f"({len(passage):,} characters) occurs 2 times" in finding["message"]
    assert [e["sentence"] for e in finding["evidence"]] == [passage, passage]  # the data stay whole
    assert [e["figure"] for e in finding["evidence"]] == [passage, passage]
    html = (tmp_path / "out" / "audit.html").read_text(encoding="utf-8")
    assert passage[:1000] not in html
    # the PDF: as many pages as the source without its second copy (was 58, one of them blank)
    baseline = _audit(plain, tmp_path / "plain-out")
    assert not baseline["findings"]
    assert _pages(tmp_path / "out" / "audit.pdf") <= _pages(tmp_path / "plain-out" / "audit.pdf") + 1
    for fmt in ("text", "github", "junit", "gitlab", "sarif"):
        shown = CliRunner().invoke(main, ["check", str(dup), "--no-cache", "--jobs", "1", "--rules", str(RULES),
                                          "--format", fmt, "--fail-level", "info"])
        assert shown.exit_code == 1, shown.output
        if fmt == "sarif":  # the snippets keep the whole sentence (they are its region's text)
            messages = [r["message"]["text"] for r in json.loads(shown.stdout)["runs"][0]["results"]]
        elif fmt == "gitlab":
            messages = [issue["description"] for issue in json.loads(shown.stdout)]
        else:
            messages = [shown.stdout.replace("%2C", ",")]
        assert messages and not any(passage[:1000] in m for m in messages), fmt
        if fmt in ("text", "github"):  # one or two lines per finding, none of them the passage
            assert max(len(line) for line in shown.stdout.splitlines()) < 2000, fmt


def test_every_check_quoting_source_text_bounds_it(tmp_path: Path) -> None:
    """A user's artifact and boilerplate patterns can match thousands of characters; the
    message quotes the start of the match, the evidence all of it."""
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    quality = rules / "quality.yaml"
    text = quality.read_text(encoding="utf-8")
    assert "artifacts: []\n" in text and "boilerplate:\n" in text
    quality.write_text(text.replace("artifacts: []\n", (
        "artifacts:\n  - id: template\n    pattern: '\\{\\{[^}]*\\}\\}'\n"
        "    description: an unfilled template placeholder\n")).replace("boilerplate:\n", (
            "boilerplate:\n  - id: advert\n    pattern: '^Advertisement: .*$'\n"
            "    description: an advertisement line\n")), encoding="utf-8")
    placeholder = "{{" + " ".join(["slot"] * 600) + "}}"
    advert = "Advertisement: " + _passage(3000)
    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text(
        "Published 4 March 2024\n\nFactories connected machines to industrial internet platforms.\n\n"
        f"The platform report {placeholder} was published.\n\n{advert}\n\n"
        "Engineers use the machine data on the platform to plan maintenance.\n", encoding="utf-8")
    report = _audit(src, tmp_path / "out", "--rules", str(rules), "--format", "json")
    by_kind = {f["kind"]: f for f in report["findings"]}
    assert {"artifact", "boilerplate"} <= set(by_kind), sorted(by_kind)
    for kind, whole in (("artifact", placeholder), ("boilerplate", advert)):
        finding = by_kind[kind]
        assert len(finding["message"]) < MESSAGE_MAX, kind
        assert whole[:QUOTE_HEAD // 2] in finding["message"] and whole[:QUOTE_WHOLE] not in finding["message"]
        assert f"({len(whole):,} characters)" in finding["message"]
        assert any(whole in e["sentence"] for e in finding["evidence"])  # the evidence: whole
    assert by_kind["artifact"]["details"]["token"] == placeholder
    assert all(len(f["message"]) < MESSAGE_MAX for f in report["findings"])


def test_a_pair_message_says_in_words_where_each_date_comes_from() -> None:
    """Messages are read in CI logs and review comments, with no legend for the models' basis
    terms ("inferred", "metadata"): every basis has words, and the seeds' contradiction uses them."""
    from typing import get_args

    from iicheck.compare import BASIS_WORDS
    from iicheck.models import Basis

    assert set(BASIS_WORDS) == set(get_args(Basis))
    report = json.loads((Path(__file__).parents[1] / "reports" / "audit.json").read_text(encoding="utf-8"))
    (message,) = [f["message"] for f in report["findings"] if f["kind"] == "contradiction"]
    assert "(004, 2019\u20132020, guessed from its text)" in message
    assert "(002, 2020-11-25 \u2013 2021-02-23, its publication)" in message
