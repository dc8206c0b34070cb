"""Score iicheck's figure extraction on NewsQuant (the CQE paper's news test set).

    python benchmarks/newsquant_eval.py [--data PATH] [--details]

Each sentence is run through the extractor the tool itself uses (`extract_mentions`, one
Sentence per benchmark item, publication window unknown, rules from `rules/`). Every mention
becomes one prediction:

* value: the stated number, or (low, high) for a range ("252-287"); the qualifier is not
  applied (CQE's gold gives the stated number, with the qualifier in `change`).
* unit: the mention's currency/percent sign or unit noun, lower-cased, lemmatised and mapped
  through UNIT_ALIASES to CQE's `normalized_unit` names; no unit is "-".
* change: from the qualifier (more_than/at_least -> ">", nearly/about -> "~",
  up_to/less_than -> "<", exact -> "="), overridden by "up"/"down" when a verb of change
  governs the figure ("rose 5%", "fell by 3", "down 2%"); see `direction`.

Scoring follows the CQE authors' description (benchmark README): per sentence each gold
quantity is matched to at most one prediction with an equal value (relative tolerance 1e-5,
ranges compared as (low, high) tuples); among equal-valued predictions the one that also
agrees on unit (then on change) is taken. Counted: value-correct, value+unit-correct
(lower-cased normalized unit equal), value+change-correct. P = correct / #predictions,
R = correct / #gold, F1 harmonic mean, all in percent rounded to 0.1.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO / "../shared/benchmarks/newsquant/NewsQuant.json"
RESULTS_NAME = "published_results/NewsQuant.csv"

Value = float | tuple[float, float]

# iicheck qualifier -> CQE `change` label.
CHANGE_OF_QUALIFIER = {"exact": "=", "more_than": ">", "at_least": ">", "nearly": "~",
                       "about": "~", "up_to": "<", "less_than": "<", "range": "="}

# Surface unit (lower-cased, lemmatised) -> CQE normalized_unit. Only spelling/abbreviation
# aliases, as the CQE authors gave the baseline systems; anything not listed is passed through
# lemmatised (CQE lemmatises noun units too: "yards" -> "yard").
UNIT_ALIASES = {
    "%": "percentage", "percent": "percentage", "per cent": "percentage", "pct": "percentage",
    "$": "dollar", "us$": "dollar", "$us": "dollar", "$a": "australian dollar",
    "a$": "australian dollar", "au$": "australian dollar", "aud": "australian dollar",
    "s$": "singapore dollar", "nz$": "new zealand dollar", "c$": "canadian dollar",
    "y=": "japanese yen", "ps": "pound sterling", "gbp": "pound sterling", "p": "point",
    "year-old": "year of age", "month-old": "month of age", "week-old": "week of age",
    "bhp": "horsepower", "horsepower": "horsepower", "kph": "kilometre per hour",
    "km/h": "kilometre per hour", "km/hr": "kilometre per hour", "kmh": "kilometre per hour",
    "km2": "square kilometre", "m2": "square metre", "sq": "square metre", "nm": "nanometre",
    "gram": "gram", "ton": "ton", "tonne": "metric ton", "gallon": "gallon", "degree": "degree",
    "degf": "fahrenheit", "°f": "fahrenheit", "degc": "celsius", "°c": "celsius", "°": "degree",
    "deg": "degree", "watt": "watt", "w": "watt", "mbps": "megabit per second",
    "gbps": "gigabit per second", "kb": "kilobyte", "pound": "pound-mass", "ounce": "ounce",
    "oz": "ounce", "sen": "sen", "cent": "cent", "pence": "penny", "mins": "minute",
    "secs": "second", "hrs": "hour", "lbs": "pound-mass", "usd": "dollar", "dollar": "dollar", "buck": "dollar",
    "€": "euro", "eur": "euro", "euro": "euro",
    "£": "pound sterling", "pound sterling": "pound sterling",
    "¥": "japanese yen", "yen": "japanese yen",
    "yuan": "chinese yuan", "rmb": "chinese yuan", "cny": "chinese yuan", "renminbi": "chinese yuan",
    "hk$": "hong kong dollar", "a$": "australian dollar", "ringgit": "malaysian ringgit",
    "rm": "malaysian ringgit", "shekel": "shekel", "rupee": "indian rupee",
    "people": "people", "person": "people",
    "mph": "mile per hour", "rpm": "revolutions per minute", "hp": "horsepower",
    "km": "kilometre", "kilometer": "kilometre", "metre": "metre", "meter": "metre", "m": "metre",
    "cm": "centimetre", "centimeter": "centimetre", "mm": "millimetre", "millimeter": "millimetre",
    "ft": "foot", "feet": "foot", "foot": "foot", "in": "inch", "inch": "inch", "inche": "inch",
    "mile": "mile", "yard": "yard", "yd": "yard",
    "kg": "kilogram", "kilo": "kilogram", "lb": "pound-mass",
    "g": "gram", "gb": "gigabyte", "tb": "terabyte", "mb": "megabyte",
    "ghz": "gigahertz", "mhz": "megahertz", "hz": "hertz",
    "kw": "kilowatt", "kwh": "kilowatt hour", "gw": "gigawatt", "mw": "megawatt",
    "mpg": "mile per gallon", "l": "litre", "liter": "litre", "litre": "litre", "ml": "millilitre",
    "mah": "milliampere-hour", "bp": "basis point", "bps": "basis point",
    "yr": "year", "hr": "hour", "min": "minute", "sec": "second",
    "child": "child", "children": "child", "men": "man", "women": "woman",
}

_UP = r"(?:rose|rise|rises|rising|risen|increased?|increases|increasing|grew|grow|grows|growing|" \
      r"gained?|gains|jumped?|jumps|climbed?|climbs|soared?|soars|surged?|surges|up|added|" \
      r"boosted|raised|higher|advanced|rallied)"
_DOWN = r"(?:fell|fall|falls|falling|fallen|dropped?|drops|declined?|declines|declining|" \
        r"decreased?|decreases|decreasing|slid|slides|sank|sinks|slumped?|plunged?|plunges|" \
        r"tumbled?|lost|loses|shed|cut|down|lower|slipped|dipped|shrank|shrunk|reduced)"
_DIRECTION = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))(?:\s+(?:by|of))?\s+(?:an?\s+)?$",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    value: Value
    unit: str
    change: str
    text: str = ""


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    value: int = 0
    unit: int = 0
    change: int = 0
    misses: list[tuple[str, Quantity]] = field(default_factory=list)
    false_positives: list[tuple[str, Quantity]] = field(default_factory=list)
    wrong_unit: list[tuple[str, Quantity, Quantity]] = field(default_factory=list)
    wrong_change: list[tuple[str, Quantity, Quantity]] = field(default_factory=list)


def parse_gold_value(raw: str) -> Value:
    """"12.5" -> 12.5, "-1.3" -> -1.3, "1.99E-29" -> 1.99e-29, "252.0-287.0" -> (252.0, 287.0)."""
    raw = raw.strip()
    if "E" not in raw.upper() and not raw.startswith("-") and "-" in raw:
        low, high = raw.split("-", 1)
        return (float(low), float(high))
    return float(raw)


def gold_quantities(item: dict) -> list[Quantity]:
    return [Quantity(parse_gold_value(q["value"]), q["normalized_unit"].lower(), q["change"],
                     q.get("unit", "")) for q in item["quantities"]]


def values_match(a: Value, b: Value) -> bool:
    """Equal values (numpy.isclose semantics: rtol 1e-5, atol 1e-8); tuples only match tuples."""
    if isinstance(a, tuple) != isinstance(b, tuple):
        return False
    if isinstance(a, tuple) and isinstance(b, tuple):
        return all(values_match(x, y) for x, y in zip(a, b))
    assert isinstance(a, float) and isinstance(b, float)
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def normalize_unit(unit: str | None) -> str:
    """A unit as iicheck states it -> CQE's normalized_unit vocabulary ("-" for none)."""
    if not unit:
        return "-"
    u = " ".join(unit.lower().strip().split())
    if u in UNIT_ALIASES:
        return UNIT_ALIASES[u]
    from iicheck.extract import lemma
    lemmatised = " ".join(lemma(w) for w in u.split())
    return UNIT_ALIASES.get(lemmatised, lemmatised)


_PER = re.compile(r"^\s*(?:per|a|an|each)\s+(square\s+foot|square\s+metre|share|barrel|gallon|gram|"
                  r"month|year|week|day|hour|night|person|head|game|litre|liter|kilogram|ounce)\b",
                  re.IGNORECASE)


def per_unit(text: str, end: int, unit: str) -> str:
    """"$3500 a month" -> "dollar per month": a rate named right after the figure."""
    m = _PER.match(text[end:])
    if unit == "-" or not m:
        return unit
    from iicheck.extract import lemma
    return f"{unit} per {' '.join(lemma(w) for w in m.group(1).lower().split()).replace('liter', 'litre')}"


def direction(text: str, start: int) -> str | None:
    """"up"/"down" when a verb of change stands right before the figure ("rose 5%", "fell by 3")."""
    m = _DIRECTION.search(text, max(0, start - 30), start)
    if not m:
        return None
    return "up" if m.group("up") else "down"


_FROM_TO = re.compile(r"^[^,;.()]{0,25}?\bto\s+$")


def _merge_from_to(text: str, mentions: list) -> list[tuple[int, Value, object]]:
    """CQE writes a change "from X to Y" as one (X, Y) quantity; iicheck keeps the two figures
    (a falling "from 4.8% to 4.7%" is two statements of a level, not a range). Adapter-side
    only: two consecutive single-value mentions, the first right after "from", joined by a
    short "... to" with no clause break, become one (X, Y) prediction."""
    out: list[tuple[int, Value, object]] = []
    skip = False
    for i, m in enumerate(mentions):
        if skip:
            skip = False
            continue
        n = m.number
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (nxt is not None and n.high is None and nxt.number.high is None
                and re.search(r"\bfrom\s+$", text[max(0, m.start - 8):m.start])
                and _FROM_TO.match(text[n.end:nxt.start])):
            out.append((i, (n.value, nxt.number.value), m))
            skip = True
            continue
        out.append((i, (n.value, n.high) if n.high is not None else n.value, m))
    return out


def predict(text: str, rules: object) -> list[Quantity]:
    """iicheck's mentions in one sentence, as CQE-style quantities."""
    from iicheck.extract import extract_mentions
    from iicheck.models import Sentence, TimeWindow

    sentence = Sentence(source="newsquant", index=0, paragraph=0, start=0, end=len(text), text=text)
    pub = TimeWindow(start=None, end=None, basis="unknown")
    mentions = extract_mentions(sentence, pub, rules)  # type: ignore[arg-type]
    out = []
    for _, value, m in _merge_from_to(text, mentions):
        n = m.number  # type: ignore[attr-defined]
        unit = n.unit if n.kind in ("percent", "currency", "measure") else m.unit  # type: ignore[attr-defined]
        change = (direction(text, n.start) or
                  CHANGE_OF_QUALIFIER.get(m.qualifier, "="))  # type: ignore[attr-defined]
        norm = per_unit(text, m.end, normalize_unit(unit))  # type: ignore[attr-defined]
        out.append(Quantity(value, norm, change, m.figure))  # type: ignore[attr-defined]
    return out


def score_sentence(gold: Sequence[Quantity], predicted: Sequence[Quantity], counts: Counts,
                   text: str = "") -> None:
    """Add one sentence's matches to `counts` (one prediction per gold quantity at most)."""
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    free = list(predicted)
    for g in gold:
        same = [p for p in free if values_match(g.value, p.value)]
        if not same:
            counts.misses.append((text, g))
            continue
        best = max(same, key=lambda p: (p.unit == g.unit, p.change == g.change))
        free.remove(best)
        counts.value += 1
        if best.unit == g.unit:
            counts.unit += 1
        else:
            counts.wrong_unit.append((text, g, best))
        if best.change == g.change:
            counts.change += 1
        else:
            counts.wrong_change.append((text, g, best))
    counts.false_positives += [(text, p) for p in free]


def prf(correct: int, gold: int, predicted: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p * 100, 1), round(r * 100, 1), round(f * 100, 1)


def scores(counts: Counts) -> dict[str, tuple[float, float, float]]:
    return {kind: prf(correct, counts.gold, counts.predicted)
            for kind, correct in (("value", counts.value), ("value+unit", counts.unit),
                                  ("value+change", counts.change))}


def evaluate(items: Iterable[dict], rules: object) -> Counts:
    counts = Counts()
    for item in items:
        score_sentence(gold_quantities(item), predict(item["text"], rules), counts, item["text"])
    return counts


def published(data: Path, system: str = "CQE-Numparser") -> dict[str, tuple[float, float, float]]:
    path = data.parent / RESULTS_NAME
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {r["type"]: (float(r["P"]), float(r["R"]), float(r["F1"])) for r in rows if r["model"] == system}


def _fmt(v: Value) -> str:
    return f"{v[0]:g}-{v[1]:g}" if isinstance(v, tuple) else f"{v:g}"


def print_details(counts: Counts) -> None:
    print("\n## Missed gold quantities")
    for text, g in counts.misses:
        print(f"  MISS {_fmt(g.value)} [{g.unit}] {g.change}  | {text}")
    print("\n## False positives")
    for text, p in counts.false_positives:
        print(f"  FP   {_fmt(p.value)} {p.text!r} [{p.unit}]  | {text}")
    print("\n## Value right, unit wrong")
    for text, g, p in counts.wrong_unit:
        print(f"  UNIT gold {g.unit!r} ({g.text!r}) got {p.unit!r}  | {text}")
    print("\n## Value right, change wrong")
    for text, g, p in counts.wrong_change:
        print(f"  CHG  gold {g.change} got {p.change} {p.text!r}  | {text}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="NewsQuant.json")
    parser.add_argument("--rules", type=Path, default=REPO / "rules", help="iicheck rules folder")
    parser.add_argument("--details", action="store_true", help="print misses and false positives")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    if not data.is_file():
        print(f"NewsQuant data not found at {data}; pass --data PATH to NewsQuant.json", file=sys.stderr)
        return 2
    from iicheck.ruleset import load_ruleset

    rules = load_ruleset(args.rules)
    items = json.loads(data.read_text(encoding="utf-8"))
    counts = evaluate(items, rules)
    ours, theirs = scores(counts), published(data)
    print(f"NewsQuant: {len(items)} sentences, {counts.gold} gold quantities, "
          f"{counts.predicted} predicted")
    print(f"{'metric':<14}{'iicheck P':>10}{'R':>7}{'F1':>7}   {'CQE P':>7}{'R':>7}{'F1':>7}")
    for kind, (p, r, f) in ours.items():
        cp, cr, cf = theirs.get(kind, (math.nan,) * 3)
        print(f"{kind:<14}{p:>10.1f}{r:>7.1f}{f:>7.1f}   {cp:>7.1f}{cr:>7.1f}{cf:>7.1f}")
    if args.details:
        print_details(counts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
