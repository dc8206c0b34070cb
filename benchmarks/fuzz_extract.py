"""Fuzz segmentation + extraction with atheris: arbitrary bytes -> text -> sentences -> claims.

Each input is decoded the way iicheck decodes a source file (`textdecode.decode_source`:
UTF-8, BOM'd UTF-16/32, clearly-Western cp1252; anything else is a `SourceError`, which is
the expected answer for bad bytes and not a finding). Decoded text goes through
`segment.split_sentences` and `claims.source_claims` with the repository's real rules.
Every span must then quote the text exactly. Any other exception, a failed check or an input
slower than `SLOW_SECONDS` is a crash, and atheris saves the input as `crash-<sha1>`.

Setup and run (from the repository root; atheris needs a clang-built CPython or wheels for
your platform: `pip install atheris`):

    python benchmarks/fuzz_extract.py -max_total_time=60 -max_len=4096 [corpus_dir]
    python benchmarks/fuzz_extract.py crash-<sha1>        # replay one saved input

Useful libFuzzer flags: `-max_total_time=S` (stop after S seconds), `-max_len=N` (input
size cap), `-runs=N`, `-jobs=N -workers=N`. Pass a folder (e.g. a copy of seeds/) as the
corpus to start from real text; new interesting inputs are added to it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

with atheris.instrument_imports():
    from iicheck.claims import source_claims
    from iicheck.errors import SourceError
    from iicheck.models import Source, SourceInfo, TimeWindow
    from iicheck.ruleset import load_ruleset
    from iicheck.segment import split_sentences
    from iicheck.textdecode import decode_source

RULES = load_ruleset(ROOT / "rules")
WINDOW = TimeWindow(start=None, end=None, basis="unknown", note="fuzz")
SLOW_SECONDS = 5.0
PATH = Path("fuzz.txt")


def test_one_input(data: bytes) -> None:
    try:
        text = decode_source(PATH, data)
    except SourceError:
        return  # refused with a located message: the intended behaviour for bad bytes
    started = time.perf_counter()
    source = Source(info=SourceInfo(id="fuzz", file="fuzz.txt", published=WINDOW, chars=len(text), sha256=""),
                    text=text)
    sentences = split_sentences(source.id, text)
    for s in sentences:
        assert text[s.start:s.end] == s.text, ("sentence span", s.start, s.end)
    for claim in source_claims(source, RULES, sentences):
        assert text[claim.span[0]:claim.span[1]] == claim.figure, ("claim span", claim.span)
        assert claim.span[0] >= claim.sentence_span[0] and claim.span[1] <= claim.sentence_span[1]
    elapsed = time.perf_counter() - started
    if elapsed > SLOW_SECONDS:
        raise RuntimeError(f"slow input: {elapsed:.1f} s for {len(data)} bytes")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
