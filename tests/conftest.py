"""Shared fixtures: the repository's real rules and seeds, and a scratch copy of the seeds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from iicheck.ruleset import Ruleset, load_ruleset

# No per-example deadline: CI shares 2 cores, and a slow example is not a wrong one.
# Profiles (IICHECK_HYPOTHESIS=name picks one):
# - "iicheck" (local runs): new random examples each run, to find what no one thought of;
# - "ci" (when CI is set): the same examples every run, so that whether a change lands never
#   depends on which examples a run happened to draw (a random draw found a segment-cap bug
#   in a fresh venv that three earlier CI runs had passed);
# - "hunt": 1,000 random examples per property, for a deliberate search.
settings.register_profile("iicheck", deadline=None, derandomize=False)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.register_profile("hunt", deadline=None, derandomize=False, max_examples=1000)
settings.load_profile(os.environ.get("IICHECK_HYPOTHESIS") or ("ci" if os.environ.get("CI") else "iicheck"))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"


@pytest.fixture(scope="session")
def rules() -> Ruleset:
    return load_ruleset(RULES)


@pytest.fixture()
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of seeds/ (with sources.yaml) to add or edit sources in."""
    target = tmp_path / "sources"
    shutil.copytree(SEEDS, target)
    return target


def toy_encoder():
    """A stand-in for the semantic mode's sentence encoder: bags of content words hashed into
    1,024 dimensions, unit length (needs numpy; the test skips without it)."""
    np = pytest.importorskip("numpy")
    import zlib

    from iicheck.quality.words import content_words

    def toy(texts):
        out = np.zeros((len(texts), 1024))
        for i, t in enumerate(texts):
            for w in content_words(t):
                out[i, zlib.crc32(w.encode()) % 1024] += 1.0
            n = np.linalg.norm(out[i])
            out[i] = out[i] / n if n else out[i]
        return out

    return toy
