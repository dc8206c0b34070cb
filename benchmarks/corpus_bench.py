"""Corpus benchmark: generate N seed-like documents, audit them to JSON, report the numbers.

    python benchmarks/corpus_bench.py --docs 1000 10000 [--jobs 2] [--keep DIR]

For each N it generates documents from the seed texts (figures, years and insertions varied
with a fixed random seed, sizes varied by dropping paragraphs and appending some of a related
seed's: 5.5 KB per document on average, 10,000 documents 55 MB), then in one process
measures: wall time of the audit to JSON, MB/s and claims/s, peak memory (ru_maxrss of this
process, and of the largest worker process: forked workers count the pages they share
with the main process), time per stage (load, the per-document map, checks, reconcile,
report, JSON written to a file as `iicheck audit` writes it, in pieces), and the floor: reading the files and one plain `re` pass over the same bytes
(the number regex) in the same process, with the ratio. It also measures a warm re-run with
the cache after one file changed (then restores the file).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from iicheck.engine import AuditOptions, audit  # noqa: E402
from iicheck.atomic import write_all_atomic  # noqa: E402
from iicheck.render import render_for_file  # noqa: E402

FLOOR_PATTERN = re.compile(r"\d[\d,]*(?:\.\d+)?")
INSERTIONS = ("The recipe calls for two cups of flour and a pinch of salt.",
              "The striker scored twice in the second half.", "D301245K")


def generate(folder: Path, n: int, seed: int = 7) -> int:
    """Write n documents into folder; return total bytes."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        paragraphs = seeds[i % len(seeds)].split("\n")
        rng.shuffle(paragraphs[1:])
        keep = paragraphs[: max(2, int(len(paragraphs) * rng.uniform(0.6, 1.0)))]
        if rng.random() < 0.5:  # paragraphs of a related article appended (sizes 1.6-12.5 KB, mean 5.5 KB)
            other = [p for p in seeds[rng.randrange(len(seeds))].split("\n")[1:] if p.strip()]
            keep += rng.sample(other, min(len(other), rng.randint(2, 8)))
        text = "\n".join(keep)
        text = re.sub(r"\b(\d{2,3})\b", lambda m: str(int(m.group(1)) + rng.randint(0, 9)), text)
        text = re.sub(r"\b20(1\d|2[0-4])\b", lambda m: str(2000 + int(m.group(1)) + rng.randint(-1, 1)), text)
        if rng.random() < 0.3:
            text += "\n" + rng.choice(INSERTIONS) + "\n"
        data = f"date {2019 + i % 6}-0{1 + i % 9}-1{i % 9}\n{text}\n".encode()
        (folder / f"doc{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def floor_seconds(folder: Path) -> float:
    """Reading every file and one regex pass over it: the best of two passes, so the page
    cache is as warm as it is for the audit that follows (a cold first read of 50,000 files
    measured 13.7 s, a warm one 3.6 s)."""
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        count = 0
        for path in sorted(folder.glob("*.txt")):
            count += len(FLOOR_PATTERN.findall(path.read_text(encoding="utf-8")))
        best = min(best, time.perf_counter() - started)
    return best


def run(n: int, jobs: int, keep: Path | None) -> None:
    work = keep or Path(tempfile.mkdtemp(prefix="iicheck-bench-"))
    corpus = work / f"corpus-{n}"
    if not corpus.exists():
        generate(corpus, n)
    size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    floor = floor_seconds(corpus)
    cache = work / f"cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)
    options = AuditOptions(sources=(corpus,), rules=ROOT / "rules", jobs=jobs, cache=cache)
    started = time.perf_counter()
    result = audit(options)
    rendered = time.perf_counter()
    report_file = work / f"audit-{n}.json"
    write_all_atomic([(report_file, render_for_file("json", result.report))])  # as `iicheck audit` writes it
    wall = time.perf_counter() - started
    json_seconds = time.perf_counter() - rendered
    claims = len(result.report.claims)
    timings = result.timings
    json_mb = report_file.stat().st_size / 1e6
    # peak memory of the cold audit (the warm run below must not add to it: ru_maxrss only grows)
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    del result
    # warm re-run after one file changed
    changed = corpus / "doc000000.txt"
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original + "\nIt has 12 more platforms.\n", encoding="utf-8")
    started = time.perf_counter()
    warm_result = audit(options)
    write_all_atomic([(report_file, render_for_file("json", warm_result.report))])
    warm = time.perf_counter() - started
    changed.write_text(original, encoding="utf-8")  # the corpus stays reusable (--keep)
    print(f"docs={n:>6}  MB={size / 1e6:6.1f}  jobs={jobs}  wall={wall:6.2f}s  ms/doc={1000 * wall / n:5.2f}  "
          f"MB/s={size / 1e6 / wall:5.2f}  claims={claims:>7}  claims/s={claims / wall:8.0f}  "
          f"floor={floor:5.2f}s  ratio={wall / floor:5.1f}x  warm(1 changed)={warm:5.2f}s  "
          f"peak_rss: main={peak_self:6.0f}MB workers={peak_children:6.0f}MB  json={json_mb:.1f}MB")
    for stage, seconds in [*timings.items(), ("json", json_seconds)]:
        print(f"    {stage:<12} {seconds:6.2f}s")
    print("    warm: " + "  ".join(f"{k} {v:.2f}s" for k, v in warm_result.timings.items()))
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000])
    parser.add_argument("--jobs", type=int, default=0, help="0 = all cores")
    parser.add_argument("--keep", type=Path, default=None, help="keep generated corpora here")
    args = parser.parse_args()
    for n in args.docs:
        run(n, args.jobs, args.keep)


if __name__ == "__main__":
    main()
