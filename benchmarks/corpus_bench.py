"""Corpus benchmark: generate N seed-like documents, audit them to JSON, report the numbers.

    python benchmarks/corpus_bench.py --docs 1000 10000 [--jobs 2] [--keep DIR]

For each N it generates documents from the seed texts (figures, years and insertions varied
with a fixed random seed, sizes varied by dropping paragraphs and appending some of a related
seed's, sentences reworded at random so that few repeat: 6.0 KB per document on average,
10,000 documents 60 MB, 87% of the body sentences distinct at 1,000 documents and 74% at
10,000), then in one process
measures: wall time of the audit to JSON, MB/s and claims/s, peak memory (ru_maxrss of this
process, and of the largest worker process: forked workers count the pages they share
with the main process), time per stage (load, the per-document map, checks, reconcile,
report, JSON written to a file as `iicheck audit` writes it, in pieces), and the floor: reading the files and one plain `re` pass over the same bytes
(the number regex) in the same process, with the ratio, and the CPU time of every process of
the audit, with the wall time no schedule of that work on the cores used can beat (CPU / cores).
It also measures a warm re-run with
the cache with nothing changed, after one file changed (a sentence appended: the off-topic
statistics change), and after one figure in it was edited (then restores the file).
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

from iicheck.engine import AuditOptions, AuditResult, audit  # noqa: E402
from iicheck.parallel import resolve_jobs  # noqa: E402
from iicheck.atomic import write_all_atomic  # noqa: E402
from iicheck.render import render_for_file  # noqa: E402
from iicheck.segment import split_sentences  # noqa: E402

FLOOR_PATTERN = re.compile(r"\d[\d,]*(?:\.\d+)?")
INSERTIONS = ("The recipe calls for two cups of flour and a pinch of salt.",
              "The striker scored twice in the second half.", "D301245K")
GENERATOR = 2
"""Bumped when `generate` changes; part of the corpus folder's name, so a kept corpus made by
an older generator is never reused. 2 (2026-12-04): sentences varied, see `_vary`."""
CONNECTIVES = ("In addition, ", "Meanwhile, ", "At the same time, ", "Moreover, ", "In particular, ",
               "As a result, ", "Notably, ", "In practice, ", "Besides, ", "On the whole, ",
               "For its part, ", "In recent months, ")
PLACES = ("Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia", "Liaoning", "Jilin", "Heilongjiang",
          "Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong", "Henan", "Hubei",
          "Hunan", "Guangdong", "Guangxi", "Hainan", "Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet",
          "Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang", "Shenzhen", "Suzhou", "Qingdao", "Wuhan",
          "Xiamen", "Ningbo", "Dalian", "Chengdu", "Hangzhou", "Nanjing", "Changsha", "Hefei", "Zhengzhou",
          "Xi'an", "Kunming", "Foshan", "Dongguan", "Wuxi", "Changzhou", "Yantai", "Tangshan", "Harbin",
          "Shenyang", "Nanning", "Lanzhou", "Taiyuan", "Jinan", "Fuzhou", "Nanchang")
PLACE_PHRASES = (" in {}", " in {} as well", " in places such as {}", ", as in {}", " from {} to the coast")
SYNONYMS = (("enterprises", "companies"), ("important", "significant"), ("accelerate", "speed up"),
            ("promote", "advance"), ("remarkable", "notable"), ("construction", "building"),
            ("actively", "steadily"), ("basically", "largely"), ("comprehensive", "broad"),
            ("continuously", "constantly"), ("gradually", "step by step"), ("effectively", "efficiently"))
ADVERBS = ("already", "now", "also", "still", "clearly", "largely", "reportedly", "further", "once again",
           "increasingly", "quickly", "firmly")
_AUXILIARY = re.compile(r"\b(has|have|had|is|are|was|were|will)\b(?! not)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def _vary(sentence: str, rng: random.Random, synonyms: dict[str, str]) -> str:
    """One sentence reworded at random (a connective in front, an adverb after the first auxiliary
    verb, a place before the final stop, the document's own word choices): the seeds repeat a few hundred sentences, and a corpus
    of copies would let a per-sentence cache look like a speed-up (at 1,000 documents the
    first generator made 1,721 distinct body sentences out of 22,735)."""
    for word, other in synonyms.items():
        sentence = re.sub(rf"\b{word}\b", other, sentence)
    if len(sentence) < 40 or not sentence.endswith("."):
        return sentence  # headings, menus, bylines and short lines stay as they are
    if rng.random() < 0.85:
        sentence = sentence[:-1] + rng.choice(PLACE_PHRASES).format(rng.choice(PLACES)) + "."
    if rng.random() < 0.6:
        sentence = _AUXILIARY.sub(lambda m: f"{m.group(1)} {rng.choice(ADVERBS)}", sentence, count=1)
    if sentence[:1].isupper() and rng.random() < 0.6:
        first = sentence.split(" ", 1)[0]
        keep_capital = first.isupper() or first in ("China", "China's", "I") or first in PLACES
        sentence = rng.choice(CONNECTIVES) + (sentence if keep_capital else sentence[0].lower() + sentence[1:])
    return sentence


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
        synonyms = dict(pair for pair in SYNONYMS if rng.random() < 0.5)
        keep = [" ".join(_vary(s, rng, synonyms) for s in _SENTENCE_END.split(p)) for p in keep]
        text = "\n".join(keep)
        text = re.sub(r"\b(\d{2,3})\b", lambda m: str(int(m.group(1)) + rng.randint(0, 9)), text)
        text = re.sub(r"\b20(1\d|2[0-4])\b", lambda m: str(2000 + int(m.group(1)) + rng.randint(-1, 1)), text)
        if rng.random() < 0.3:
            text += "\n" + rng.choice(INSERTIONS) + "\n"
        data = f"date {2019 + i % 6}-0{1 + i % 9}-1{i % 9}\n{text}\n".encode()
        (folder / f"doc{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def distinct_share(folder: Path) -> float:
    """The share of body sentences (as the audit segments them) that no earlier document
    repeated verbatim: how much a cache keyed on sentence text could skip."""
    seen: set[str] = set()
    total = 0
    for path in sorted(folder.glob("*.txt")):
        body = [s.text for s in split_sentences(path.stem, path.read_text(encoding="utf-8")) if s.kind == "body"]
        total += len(body)
        seen.update(body)
    return len(seen) / max(total, 1)


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


def _audit_to_file(options: AuditOptions, report_file: Path) -> tuple[float, float, AuditResult]:
    """Seconds for an audit and its JSON written as `iicheck audit` writes it (in pieces), of
    which writing the JSON, and the result."""
    started = time.perf_counter()
    result = audit(options)
    rendered = time.perf_counter()
    write_all_atomic([(report_file, render_for_file("json", result.report))])
    done = time.perf_counter()
    return done - started, done - rendered, result


def _cpu_seconds() -> float:
    """User and system CPU time of this process and of its children that have ended (the
    audit's worker processes, once their pools are shut down)."""
    return sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for field in ("ru_utime", "ru_stime"))


def run(n: int, jobs: int, keep: Path | None) -> None:
    work = keep or Path(tempfile.mkdtemp(prefix="iicheck-bench-"))
    corpus = work / f"corpus-v{GENERATOR}-{n}"
    if not corpus.exists():
        generate(corpus, n)
    size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    distinct = distinct_share(corpus)
    floor = floor_seconds(corpus)
    cache = work / f"cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)
    options = AuditOptions(sources=(corpus,), rules=ROOT / "rules", jobs=jobs, cache=cache)
    report_file = work / f"audit-{n}.json"
    cpu_before = _cpu_seconds()
    wall, json_seconds, result = _audit_to_file(options, report_file)
    cpu = _cpu_seconds() - cpu_before
    cores = resolve_jobs(jobs)
    claims = len(result.report.claims)
    timings = result.timings
    json_mb = report_file.stat().st_size / 1e6
    # peak memory of the cold audit (the warm run below must not add to it: ru_maxrss only grows)
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    del result
    # warm re-runs: nothing changed (the per-document entries and every document's off-topic
    # hits are read from the cache), then a sentence appended to one file (the off-topic
    # statistics change: every document is scored again), then one figure edited
    unchanged, _, unchanged_result = _audit_to_file(options, report_file)
    changed = corpus / "doc000000.txt"
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original + "\nIt has 12 more platforms.\n", encoding="utf-8")
    warm, _, warm_result = _audit_to_file(options, report_file)
    # one figure edited (the first one of two digits or more after the first line, which
    # carries the date, made ten times larger): the text of the document's sentences changes,
    # no word does, so neither do the off-topic statistics
    first, rest = original.split("\n", 1)
    edited = re.sub(r"\b\d\d+\b", lambda m: m.group() + "0", rest, count=1)
    assert edited != rest
    changed.write_text(f"{first}\n{edited}", encoding="utf-8")
    figure, _, figure_result = _audit_to_file(options, report_file)
    changed.write_text(original, encoding="utf-8")  # the corpus stays reusable (--keep)
    print(f"docs={n:>6}  MB={size / 1e6:6.1f}  jobs={jobs}  wall={wall:6.2f}s  ms/doc={1000 * wall / n:5.2f}  "
          f"MB/s={size / 1e6 / wall:5.2f}  claims={claims:>7}  claims/s={claims / wall:8.0f}  "
          f"floor={floor:5.2f}s  ratio={wall / floor:5.1f}x  warm(unchanged)={unchanged:5.2f}s  "
          f"warm(1 changed: a sentence more)={warm:5.2f}s  warm(1 figure edited)={figure:5.2f}s  "
          f"peak_rss: main={peak_self:6.0f}MB workers={peak_children:6.0f}MB  json={json_mb:.1f}MB  "
          f"distinct sentences={100 * distinct:.0f}%")
    # no schedule of this much work on `cores` cores takes less than cpu / cores
    print(f"    cpu (all processes) {cpu:6.2f}s  cpu/doc={1000 * cpu / n:5.2f}ms  "
          f"parallel bound (cpu / {cores} cores) {cpu / cores:6.2f}s  wall / bound {wall / (cpu / cores):4.2f}")
    for stage, seconds in [*timings.items(), ("json", json_seconds)]:
        print(f"    {stage:<12} {seconds:6.2f}s")
    for name, warm_timings in (("unchanged", unchanged_result.timings), ("a sentence more", warm_result.timings),
                               ("a figure edited", figure_result.timings)):
        print(f"    warm, {name}: " + "  ".join(f"{k} {v:.2f}s" for k, v in warm_timings.items()))
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
