"""Comparison benchmark: N claims on one metric through the pair checks and reconciliation.

    python benchmarks/compare_bench.py [--claims 10000 100000] [--layout drift|outliers]

Builds N dated claims on one metric and definition (`ii_platforms` / all, as the seeds'
platform counts), then times, in this process: choosing and judging the pairs (the sweep
of pairs.py and compare.verdicts), the three pair checks (contradiction, regression,
implausible_growth) and reconciliation. It prints the pairs compared against the N(N-1)/2
an all-pairs method would judge, and the findings. Layouts:

- `drift`: a figure that rises slowly over overlapping 30-day windows (most pairs agree;
  the consistent case every large archive is mostly made of);
- `outliers`: the same with every 500th claim ten times too large (many conflicts).

The sweep judges each claim against at most four earlier ones, so time grows as N log N;
tests/test_checks_scenarios.py runs the 100,000-claim case with a time limit.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from iicheck.checks import Corpus, contradiction, implausible_growth, regression  # noqa: E402
from iicheck.compare import verdicts  # noqa: E402
from iicheck.intervals import make_interval  # noqa: E402
from iicheck.models import Claim, TimeWindow  # noqa: E402
from iicheck.reconcile import reconcile  # noqa: E402
from iicheck.ruleset import Ruleset, load_ruleset  # noqa: E402

LAYOUTS = ("drift", "outliers")


def make_claims(n: int, rules: Ruleset, layout: str = "drift") -> tuple[Claim, ...]:
    """`n` claims on ii_platforms/all, one per source, windows 30 days long starting one day
    apart every 20 claims, figures rising by one every 50 claims (`outliers`: every 500th
    claim ten times larger)."""
    base = date(2000, 1, 1)
    claims = []
    for i in range(n):
        low = 100.0 + i // 50
        if layout == "outliers" and i % 500 == 499:
            low *= 10
        start = base + timedelta(days=i // 20)
        claims.append(Claim(
            id=f"s{i}:0-1", source=f"s{i}", sentence="x", sentence_span=(0, 1), span=(0, 1),
            figure=str(low), value=make_interval(low, "exact", 1.0, rules.qualifiers), unit="platforms",
            metric="ii_platforms", definition="all",
            time=TimeWindow(start=start, end=start + timedelta(days=30), basis="explicit"),
            modality="achieved"))
    return tuple(claims)


def run(n: int, layout: str, rules: Ruleset) -> None:
    gc.disable()  # as during an audit (engine.audit pauses the cyclic collector)
    claims = make_claims(n, rules, layout)
    corpus = Corpus(sources=(), texts={}, sentences={}, claims=claims)
    started = time.perf_counter()
    pairs = verdicts(claims, rules)
    judged = time.perf_counter()
    findings = [f for m in (contradiction, regression, implausible_growth) for f in m.check(corpus, rules)]
    checked = time.perf_counter()
    reconciled = reconcile(claims, rules)
    done = time.perf_counter()
    print(f"claims={n:>7}  layout={layout:<8}  total={done - started:6.2f}s  "
          f"pairs={len(pairs):>7} of {n * (n - 1) // 2:>13,}  findings={len(findings):>6}  "
          f"reconciled={len(reconciled):>7}")
    print(f"    sweep+judge {judged - started:6.2f}s   pair checks {checked - judged:6.2f}s   "
          f"reconcile {done - checked:6.2f}s")
    del claims, corpus, pairs, findings, reconciled
    gc.enable()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--layout", choices=LAYOUTS, nargs="+", default=list(LAYOUTS))
    args = parser.parse_args()
    rules = load_ruleset(ROOT / "rules")
    for layout in args.layout:
        for n in args.claims:
            run(n, layout, rules)


if __name__ == "__main__":
    main()
