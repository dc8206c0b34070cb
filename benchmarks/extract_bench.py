"""Extraction benchmark: time `parallel.extract_source` over the documents of a folder.

    python benchmarks/extract_bench.py [FOLDER ...] [--repeat N] [--check REF] [--write REF]

Loads the rules and the sources with iicheck's own loader (not timed), then runs the
per-document extraction (sentence segmentation and claims) single-process over every
document and prints MB/s, docs/s and claims/s (best of `--repeat` runs, by wall clock and by
CPU time). It also prints a
digest of everything extracted (every sentence and claim, as `model_dump_json`, in order):
`--write REF` stores it in file REF, `--check REF` compares it with the stored one and
exits 1 on a difference, so a speed-up can be shown to leave the output unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from iicheck.models import Claim, Sentence, Source  # noqa: E402
from iicheck.parallel import extract_source  # noqa: E402
from iicheck.ruleset import Ruleset, load_ruleset  # noqa: E402
from iicheck.sources import load_sources  # noqa: E402

Extracted = list[tuple[tuple[Sentence, ...], tuple[Claim, ...]]]


def extract_all(sources: list[Source], rules: Ruleset) -> tuple[Extracted, float, float]:
    """Every source's extraction, and the seconds it took (wall clock, and CPU time of this
    process: the steadier figure on a machine shared with other work)."""
    started, cpu = time.perf_counter(), time.process_time()
    out = [extract_source(s, rules) for s in sources]
    return out, time.perf_counter() - started, time.process_time() - cpu


def digest(extracted: Extracted) -> str:
    """sha256 of every sentence and claim, serialised, in document order."""
    h = hashlib.sha256()
    for sentences, claims in extracted:
        for s in sentences:
            h.update(b"S" + s.model_dump_json().encode() + b"\n")
        for c in claims:
            h.update(b"C" + c.model_dump_json().encode() + b"\n")
        h.update(b"\x00")
    return h.hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "seeds"])
    parser.add_argument("--rules", type=Path, default=ROOT / "rules")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    parser.add_argument("--check", type=Path, help="file holding the reference digest")
    parser.add_argument("--write", type=Path, help="store the digest in this file")
    args = parser.parse_args()

    rules = load_ruleset(args.rules)
    sources = load_sources(list(args.folders), rules)
    size = sum(len(s.text.encode()) for s in sources)
    best = best_cpu = float("inf")
    extracted: Extracted = []
    for _ in range(max(1, args.repeat)):
        extracted, seconds, cpu = extract_all(sources, rules)
        best, best_cpu = min(best, seconds), min(best_cpu, cpu)
    claims = sum(len(c) for _, c in extracted)
    sentences = sum(len(s) for s, _ in extracted)
    value = digest(extracted)
    print(f"{', '.join(str(f) for f in args.folders)}: {len(sources)} docs, {size / 1e6:.2f} MB, "
          f"{sentences} sentences, {claims} claims")
    for label, seconds in (("wall", best), ("cpu", best_cpu)):
        print(f"extract ({label}): {seconds:.3f} s  {size / 1e6 / seconds:.2f} MB/s  "
              f"{len(sources) / seconds:.0f} docs/s  {claims / seconds:.0f} claims/s")
    print(f"digest: {value}")
    if args.write:
        args.write.write_text(value + "\n", encoding="utf-8")
    if args.check:
        expected = args.check.read_text(encoding="utf-8").strip()
        if expected != value:
            print(f"DIGEST MISMATCH: expected {expected}", file=sys.stderr)
            return 1
        print("digest matches the reference")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
