"""Figures that differ but are consistent, with the reasoning an editor needs.

- `dates`: same metric and definition, different times; the growth between them fits the
  metric's declared bound ("different dates: 2019–2020 → 2021-02, ×1.17 …, within ×3").
- `agree`: different figures whose value intervals overlap ("more than 70" and "about 75").
- `definitions`: a part and its whole at overlapping times, the part not larger
  ("all platforms ⊇ platforms with influence: 150 ≤ 1,000").
Pairs come from the same sweeps the checks use, so the list stays linear in the claims.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .checks.nesting import part_whole_pairs
from .compare import figure_phrase, verdicts
from .intervals import describe, entirely_below
from .models import Claim, Reconciled
from .ruleset import Ruleset


def _same_figure(a: Claim, b: Claim) -> bool:
    # field-by-field, as the models' == compares them, without pydantic's __eq__ overhead
    return a.value.__dict__ == b.value.__dict__ and a.time.__dict__ == b.time.__dict__


def reconcile(claims: Sequence[Claim], rules: Ruleset) -> list[Reconciled]:
    return sorted(_reconciled(claims, rules), key=lambda r: (r.metric, r.basis, r.claims))


def _reconciled(claims: Sequence[Claim], rules: Ruleset) -> Iterator[Reconciled]:
    for metric, _, a, b, verdict in verdicts(claims, rules):
        if verdict.kind in ("agree", "dates") and not _same_figure(a, b):
            yield Reconciled(metric=metric.id, claims=(a.id, b.id), basis=verdict.kind,  # type: ignore[arg-type]
                             reason=f"{figure_phrase(a)} and {figure_phrase(b)}: {verdict.reason}")
    for metric, part, whole in part_whole_pairs(claims, rules):
        if entirely_below(whole.value, part.value):
            continue
        labels = {d.id: d.label for d in metric.definitions}
        yield Reconciled(
            metric=metric.id, claims=(part.id, whole.id), basis="definitions",
            reason=(f"different definitions: {labels[whole.definition or '']} \u2287 "
                    f"{labels[part.definition or '']}; {figure_phrase(part)} "
                    f"{describe(part.value)} fits within {figure_phrase(whole)} {describe(whole.value)}"))
