"""The news probe (benchmarks/newsprobe): consistent news-style texts, so every error finding on
them is false. At the start of 2026-12-06 the first three sets gave 53, 45 and 69, the fourth,
fifth and sixth (written in that day's afternoon session) 11, 18 and 7 when first audited, the
seventh to twelfth (the evening session) 11, 30, 27, 22, 12 and 6, the thirteenth (2026-12-06,
fifteenth session) 22, the fourteenth and fifteenth (the same session) 13 and 19, the sixteenth
(written blind in the sixteenth session) 39; the counts must not grow back (the twelfth, fifteenth
and sixteenth are kept out of sample: no rule was made for their forms; the eleventh, thirteenth
and fourteenth were fixed in the fifteenth session).
Each folder is audited as one corpus, in this process."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "newsprobe" / "evaluate.py"
LEFT = {"first": (0, 0), "heldout": (0, 0), "third": (0, 0), "fourth": (0, 0), "fifth": (0, 0), "sixth": (0, 0),
        "seventh": (0, 0), "eighth": (0, 0), "ninth": (0, 0), "tenth": (0, 0), "eleventh": (0, 0), "twelfth": (2, 0),
        "thirteenth": (1, 0), "fourteenth": (0, 0),
        "fifteenth": (4, 0), "sixteenth": (11, 0)}
"""The false errors and implausible_growth warnings left (benchmarks/newsprobe/README.md). Since the
sixteenth session a conflict with a figure whose scope is only assumed is a level lower (twelfth 6 -> 2,
thirteenth 2 -> 1, fifteenth 19 + 4 -> 4 + 0; those findings are counted as "demoted")."""


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, dict[str, object]]]:
    spec = importlib.util.spec_from_file_location("newsprobe_evaluate", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate()  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(LEFT))
def test_consistent_news_gives_at_most_the_known_false_errors(results: dict[str, dict[str, dict[str, object]]],
                                                              name: str) -> None:
    folders = results[name]
    errors = sum(sum(r["errors"].values()) for r in folders.values())  # type: ignore[attr-defined]
    growth = sum(int(r["growth"]) for r in folders.values())  # type: ignore[call-overload]
    messages = [m for r in folders.values() for m in r["messages"]]  # type: ignore[attr-defined]
    assert errors <= LEFT[name][0] and growth <= LEFT[name][1], "\n".join(messages)
    assert sum(int(r["claims"]) for r in folders.values()) > 250  # type: ignore[call-overload]
