"""Shared fixtures: the repository's real rules and seeds, and a scratch copy of the seeds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from iicheck.models import RulesUsed
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
PIE_ARTICLE = (
    "Industrial internet platforms connect machines in the factory to cloud services.\n"
    "The platform collects data from every machine on the production line.\n"
    "Engineers use the machine data on the platform to plan maintenance before a failure.\n"
    "Small factories rent platform services instead of building their own data systems.\n"
    "My grandmother bakes 12 apple pies with cinnamon, butter and brown sugar every autumn.\n"
    "A textile factory connected its machines to a regional platform last year.\n"
    "The platform operator trains failure models with data from many factories.\n")
"""An article on factory platforms with one inserted sentence, which holds a figure (12): the
off_topic check flags it and its claim is excluded."""


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


def sample_rules_used() -> RulesUsed:
    """A small, hand-written `Report.rules` for reports built by hand in tests (independent of
    the repository's rule files, so their fixtures do not change when the rules do)."""
    from iicheck.models import CheckUsed, DefinitionUsed, MetricUsed, QualifierUsed, RuleFileUsed, SettingUsed, TermUsed
    return RulesUsed(
        folder="rules", off_topic="lexical",
        checks=(CheckUsed(kind="contradiction", severity="error",
                          summary="Two figures for the same thing at the same time that cannot both be true"),
                CheckUsed(kind="regression", severity="error", summary="A running total that goes down",
                          off_for=("ii_platforms",)),
                CheckUsed(kind="terminology", severity="info",
                          summary="A variant or mistranslated term where the field has a preferred one")),
        metrics=(MetricUsed(id="ii_platforms", label="Industrial internet platforms", unit="platforms",
                            units=("platform",), subjects=("industrial internet", "industrial interconnection"),
                            exclude=("public service platform",), cumulative=True, max_growth_per_year=3.0,
                            plausible_range=(1.0, 100000.0), checks_off=("regression",),
                            definitions=(DefinitionUsed(id="all", label="all platforms", default=True),
                                         DefinitionUsed(id="influential", label="platforms with influence",
                                                        within="all", cues=("influence", "influential")))),),
        qualifiers=(QualifierUsed(kind="more_than", phrases=("more than", "over"), position="before",
                                  example="\u201cmore than 150\u201d \u2192 (150, 160)"),
                    QualifierUsed(kind="nearly", phrases=("nearly",), position="before",
                                  example="\u201cnearly 150\u201d \u2192 [135, 150)")),
        settings=(SettingUsed(file="qualifiers.yaml", key="nearly_factor", value=0.9),
                  SettingUsed(file="extraction.yaml", key="time.publication_lag_days", value=90),
                  SettingUsed(file="extraction.yaml", key="target_cues", value=("aims to", "will")),
                  SettingUsed(file="quality.yaml", key="artifacts", value=())),
        terminology=(TermUsed(preferred="identifier resolution", variants=("logo analysis",)),),
        files=(RuleFileUsed(name="metrics.yaml", sha256="0" * 64), RuleFileUsed(name="quality.yaml", sha256=None)),
    )
