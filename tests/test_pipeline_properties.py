"""Property-based test (hypothesis) of the whole pipeline through the CLI: any corpus of
figure-laden text, with extremes (digit runs beyond any quantity, long unpunctuated runs,
look-alike letters, odd digits and spaces), audits and gates to every format without a crash
(exit 0 or 1, or an exit-2 message, never a traceback). A throwaway version of this fuzzer
found three crashes the earlier ones missed: a figure overflowing a float, a fraction too long
for int(), a yearly growth rate beyond float range."""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iicheck.cli import main

from .conftest import RULES

TOKENS = ["China", "had", "more than", "nearly", "about", "over", "50", "70", "1,000", "100000",
          "40 million", "sets", "platforms", "industrial internet", "with influence", "in", "On",
          "2019", "2021", "23 February 2021", "by the end of", "2025", ",", ";", ".", "%", "per cent",
          "yuan", "billion", "trillion", "between", "and", "to", "from", "Q3", "early-June",
          "2020-02-23", "13:30", "five", "hundreds of", "1/3", "2 x 10^3", "\u00a0", "\u2028", "\u0131",
          "\u0130", "\u017f", "\u212a", "\uff12\uff10\uff12\uff11", "\u0662\u0660\u0661\u0669",
          "Copyright \u00a9 2011", "\u2022 Detail", "D201138L", "logo analysis", "\n", "\n\n", "\u201c",
          "\u201d", "(", ")", "\u2014", "years ago", "the past five years", "next year", "doubled",
          "target", "will"]
extreme = st.one_of(
    st.integers(15, 500).map(lambda n: "9" * n),
    st.integers(1, 400).map(lambda n: "0." + "0" * n + "1"),
    st.integers(1, 150).map(lambda n: "1" + ",000" * n),
    st.integers(1, 400).map(lambda n: f"{'1' * n}/{'2' * (n + 1)}"),
    st.integers(1, 12_000).map(lambda n: "x" * n),
    st.integers(200, 3_000).map(lambda n: ", ".join(["platforms"] * n)))
document = st.lists(st.one_of(st.sampled_from(TOKENS), extreme), max_size=120).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents=st.lists(document, min_size=1, max_size=3), gate=st.sampled_from(
    ["text", "json", "sarif", "junit", "github", "gitlab"]))
def test_any_corpus_audits_and_gates_without_a_traceback(documents: list[str], gate: str) -> None:
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        for i, text in enumerate(documents):
            (src / f"d{i}.txt").write_text(text, encoding="utf-8")
        common = [str(src), "--rules", str(RULES), "--no-cache", "--jobs", "1"]
        for args in (["audit", *common, "--out", str(Path(tmp) / "out"),
                      "--format", "json,html,sarif,junit,gitlab"],
                     ["check", *common, "--format", gate]):
            result = runner.invoke(main, args)
            assert result.exit_code in (0, 1, 2), (args[0], result.exit_code, result.exception)
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                args[0], repr(result.exception))
            if result.exit_code == 2:
                assert "iicheck: error: " in result.output and "Traceback" not in result.output
