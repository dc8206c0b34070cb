"""Quotes of long sentences: the human-read reports quote around the flagged span, the machine
formats keep the whole sentence (iicheck.render.excerpt)."""

from __future__ import annotations

import doctest
import json
import random
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from iicheck.cli import main
from iicheck.models import Evidence
from iicheck.render import excerpt as excerpt_module
from iicheck.render.excerpt import CONTEXT, ELLIPSIS, FLAGGED_END, WHOLE, evidence_excerpt, excerpt
from iicheck.render.html import quote

WORDS = st.text(alphabet="abcdefgh ,.", min_size=0, max_size=2600)


def test_module_examples() -> None:
    assert doctest.testmod(excerpt_module).failed == 0


@given(WORDS, st.data())
def test_short_sentences_are_quoted_whole(text: str, data: st.DataObject) -> None:
    text = text[:WHOLE]
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert excerpt(text, start, end) == excerpt_module.Excerpt(text[:start], text[start:end], text[end:])
    assert excerpt(text) == excerpt_module.Excerpt(text, "", "", marked=False)


@given(WORDS, st.data())
def test_long_sentences_keep_the_span_and_what_borders_it(text: str, data: st.DataObject) -> None:
    text = "x " * (WHOLE // 2 + 1) + text  # always longer than WHOLE
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + data.draw(st.integers(0, 3000)))))
    ex = excerpt(text, start, end)
    before, after = text[:start], text[end:]
    # each side is the text next to the span, cut only when longer than CONTEXT
    if ex.before.startswith(ELLIPSIS + " "):
        kept = ex.before[2:]
        assert before.endswith(kept) and CONTEXT // 2 <= len(kept) <= CONTEXT < len(before)
    else:
        assert ex.before == before and len(before) <= CONTEXT
    if ex.after.endswith(" " + ELLIPSIS):
        kept = ex.after[:-2]
        assert after.startswith(kept) and CONTEXT // 2 - 1 <= len(kept) <= CONTEXT < len(after)
    else:
        assert ex.after == after and len(after) <= CONTEXT
    flagged = text[start:end]
    if len(flagged) <= WHOLE:
        assert ex.flagged == flagged
    else:  # its two ends around an ellipsis
        head, tail = ex.flagged.split(f" {ELLIPSIS} ", 1)
        assert flagged.startswith(head) and flagged.endswith(tail)
        assert len(head) <= FLAGGED_END and len(tail) <= FLAGGED_END
    assert len(ex.text) <= 2 * CONTEXT + max(len(flagged) if len(flagged) <= WHOLE else 2 * FLAGGED_END + 3, 0) + 4


def test_long_sentence_without_span_keeps_its_start() -> None:
    text = "word " * 400
    ex = excerpt(text)
    assert not ex.marked and ex.before.endswith(" " + ELLIPSIS) and text.startswith(ex.before[:-2])
    assert len(ex.before) <= WHOLE + 2


def test_html_quote_tags() -> None:
    long = "platforms in Hubei numbered 616, " * 60
    at = long.index("616", 500)
    ev = Evidence(source="s", sentence=long, span=(100, 100 + len(long)), figure_span=(100 + at, 103 + at))
    q = quote(ev, "mark")
    assert q.flagged == "616" and q.tag == "mark" and q.before.startswith(ELLIPSIS) and q.after.endswith(ELLIPSIS)
    unflagged = ev.model_copy(update={"figure_span": None})
    assert quote(unflagged, "mark").tag == "" and quote(unflagged, "del").tag == "del"
    assert quote(ev.model_copy(update={"figure_span": (0, 5)}), "mark").tag == ""  # outside the sentence
    assert evidence_excerpt(unflagged, whole_if_unflagged=True).flagged.count(ELLIPSIS) == 1


def _list_source(folder: Path) -> str:
    """A flattened list: one 7,000-character line, no sentence punctuation."""
    rng = random.Random(3)
    line = ", ".join(f"industrial internet platforms in Hubei numbered {rng.randint(10, 900)} with "
                     f"{rng.randint(2, 90)} million connected devices" for _ in range(80))
    (folder / "list.txt").write_text("Industrial internet overview\n\n" + line + "\n", encoding="utf-8")
    return line


def test_a_flattened_list_is_excerpted_in_the_reports_people_read(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    line = _list_source(src)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["audit", str(src), "--out", str(out), "--no-cache", "--jobs", "1",
                                       "--format", "json,html,sarif"])
    assert result.exit_code in (0, 1), result.output
    report = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    assert len(report["findings"]) >= 80
    assert all(e["sentence"] == line for f in report["findings"] for e in f["evidence"])  # JSON: whole
    sarif = json.loads((out / "audit.sarif").read_text(encoding="utf-8"))
    places = [loc["physicalLocation"] for run in sarif["runs"] for r in run["results"] for loc in r["locations"]]
    # the sentence: the context region's snippet around a figure, else the region's
    snippets = [p.get("contextRegion", p["region"])["snippet"]["text"] for p in places]
    assert snippets and all(s == line for s in snippets)
    html = (out / "audit.html").read_text(encoding="utf-8")
    # each quote is an excerpt: the page grows by about 600 characters per quote, not 7,000
    assert line not in html and len(html) < 2 * len(report["findings"]) * (2 * CONTEXT + 400) + 300_000
    checked = CliRunner().invoke(main, ["check", str(src), "--no-cache", "--jobs", "1"])
    quotes = [x for x in checked.output.splitlines() if x.startswith("    > ")]
    assert quotes and max(map(len, quotes)) <= 2 * CONTEXT + 40
    for fmt in ("github", "junit"):
        annotated = CliRunner().invoke(main, ["check", str(src), "--no-cache", "--jobs", "1", "--format", fmt,
                                              "--fail-level", "info"])
        assert annotated.exit_code == 1 and "Hubei numbered" in annotated.output
        assert line not in annotated.output and line[:3000] not in annotated.output
