"""Build the off-topic evaluation set from the hand-written articles (deterministic).

    python benchmarks/offtopic/make_dataset.py      # writes benchmarks/offtopic/dataset.jsonl

Every article in articles_ii.txt / articles_other.txt was written for this benchmark (no
copied web text). The generator keeps some articles clean, inserts foreign sentences taken
from articles of another category, and makes splices: a real sentence is cut at a comma or
semicolon (at least five words before it) and a foreign sentence is glued on as its tail,
as in seed 004 ("..., China's auto production and sales remain far ahead.").
It then adds 20 documents with a mid-clause splice (see ``make_midclause``): a copy of an
article in which a sentence is cut at a word boundary with no punctuation and a foreign
fragment glued on ("The backbone outside the enterprise is not very different from ordinary
plastics in appearance."). They come after the other documents and carry ``source`` (the
article they copy) and ``midsplices``; the other documents are unchanged.

Output, one JSON object per line:
  {"id", "category", "title", "sentences": [...], "clean": bool,
   "inserted": [sentence indices], "splices": [{"index": i, "start": char offset of the
   foreign tail within sentences[i]}], "foreign_from": {...provenance...}}
  mid-clause documents also: "source": article id, "midsplices": [{"index": i, "start": char
   offset of the foreign fragment, "word": its word index (whitespace words)}]
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261122
N_CLEAN_II, N_CLEAN_OTHER = 10, 10
N_INSERT = 52
N_SPLICE_II, N_SPLICE_OTHER = 12, 8
MID_SEED = f"{SEED}-midclause"
N_MID_II, N_MID_OTHER = 12, 8
MID_MIN_HEAD = 5
COMMON_FIRST = {"the", "a", "an", "many", "most", "some", "several", "it", "this", "these",
                "they", "he", "she", "his", "her", "their", "its", "after", "before", "when",
                "once", "over", "in", "on", "at", "for", "both", "each", "every", "small",
                "short", "good", "long", "local", "new", "older", "bright", "water"}


def load_articles() -> list[dict]:
    arts = []
    for name in ("articles_ii.txt", "articles_other.txt"):
        cur = None
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if not line or (line.startswith("#") and not line.startswith("## ")):
                continue
            if line.startswith("## "):
                aid, cat, title = [p.strip() for p in line[3:].split("|")]
                cur = {"id": aid, "category": cat, "title": title, "sentences": []}
                arts.append(cur)
            else:
                cur["sentences"].append(line)
    return arts


def words(s: str) -> int:
    return len(s.split())


def as_clause(s: str) -> str:
    first, _, rest = s.partition(" ")
    if first.lower() in COMMON_FIRST:
        first = first.lower()
    return first + " " + rest


def pick_foreign(rng: random.Random, ids: list[str], by_id: dict, cat: str,
                 used: set[tuple[str, int]], accept: Callable[[str], bool]) -> tuple[str, int]:
    """(article, sentence index) of a sentence from another category's article, not used
    before, that `accept`s; for an article not on the industrial internet, half the time from
    a third topic. Marks it used."""
    while True:
        donors = [i for i in ids if by_id[i]["category"] != cat]
        if cat != "ii" and rng.random() < 0.5:
            donors = [i for i in donors if by_id[i]["category"] != "ii"]
        d = rng.choice(donors)
        k = rng.randrange(len(by_id[d]["sentences"]))
        if (d, k) in used or not accept(by_id[d]["sentences"][k]):
            continue
        used.add((d, k))
        return d, k


def main() -> None:
    rng = random.Random(SEED)
    arts = load_articles()
    ids = [a["id"] for a in arts]
    by_id = {a["id"]: a for a in arts}
    ii = [i for i in ids if by_id[i]["category"] == "ii"]
    ot = [i for i in ids if by_id[i]["category"] != "ii"]
    clean = set(rng.sample(ii, N_CLEAN_II) + rng.sample(ot, N_CLEAN_OTHER))
    dirty = [i for i in ids if i not in clean]
    # splices: N_SPLICE_II in industrial-internet documents, N_SPLICE_OTHER in others
    splice_hosts = set(rng.sample([d for d in dirty if d in ii], N_SPLICE_II)
                       + rng.sample([d for d in dirty if d in ot], N_SPLICE_OTHER))
    # insertions: every dirty doc that has no splice gets one, the rest spread at random
    n_ins = {d: 0 for d in dirty}
    for d in dirty:
        if d not in splice_hosts:
            n_ins[d] = 1
    pool = sorted(dirty)
    while sum(n_ins.values()) < N_INSERT:
        d = rng.choice(pool)
        if n_ins[d] < 2:
            n_ins[d] += 1
    used: set[tuple[str, int]] = set()

    def foreign(host: str, max_words: int = 40, min_words: int = 5) -> tuple[str, str, int]:
        d, k = pick_foreign(rng, ids, by_id, by_id[host]["category"], used,
                            lambda s: min_words <= words(s) <= max_words)
        return by_id[d]["sentences"][k], d, k

    out = []
    for aid in ids:
        a = by_id[aid]
        sents = list(a["sentences"])
        rec = {"id": aid, "category": a["category"], "title": a["title"], "clean": aid in clean,
               "inserted": [], "splices": [], "foreign_from": []}
        if aid in splice_hosts:
            cands = []
            for j, s in enumerate(sents):
                for m in re.finditer(r"[,;] ", s):
                    if words(s[: m.start()]) >= 5 and words(s[m.end():]) >= 3:
                        cands.append((j, m.start()))
            j, pos = rng.choice(cands)
            f, d, k = foreign(aid, max_words=14)
            head = sents[j][:pos]
            sents[j] = head + ", " + as_clause(f)
            rec["splices"].append({"index": j, "start": len(head) + 2})
            rec["foreign_from"].append({"kind": "splice", "index": j, "donor": d, "sentence": k})
        positions = []
        for _ in range(n_ins.get(aid, 0)):
            f, d, k = foreign(aid)
            p = rng.randrange(1, len(sents) + 1)
            sents.insert(p, f)
            # shift earlier labels
            positions = [q + 1 if q >= p else q for q in positions]
            for sp in rec["splices"]:
                if sp["index"] >= p:
                    sp["index"] += 1
            for ff in rec["foreign_from"]:
                if ff["index"] >= p:
                    ff["index"] += 1
            positions.append(p)
            rec["foreign_from"].append({"kind": "insert", "index": p, "donor": d, "sentence": k})
        rec["inserted"] = sorted(positions)
        rec["sentences"] = sents
        out.append(rec)
    mid = make_midclause(arts, by_id, ids)
    with open(HERE / "dataset.jsonl", "w", encoding="utf-8") as fh:
        for rec in out + mid:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_i = sum(len(r["inserted"]) for r in out)
    n_s = sum(len(r["splices"]) for r in out)
    print(f"{len(out)} documents, {sum(len(r['sentences']) for r in out)} sentences, "
          f"{n_i} insertions, {n_s} splices, {sum(r['clean'] for r in out)} clean; "
          f"+ {len(mid)} mid-clause splice documents")


def make_midclause(arts: list[dict], by_id: dict, ids: list[str]) -> list[dict]:
    """Mid-clause splices (added 2026-12-04), as in seed 004 ("The backbone outside the
    enterprise | is not very different from ordinary plastics in appearance."): one extra
    document per host article (its original sentences, no other change), in which one real
    sentence is cut after at least ``MID_MIN_HEAD`` words at a word boundary with no
    punctuation and a foreign fragment (the last 5-12 words of a sentence of another
    category's article) is glued on. Own random generator: the documents above are unchanged.
    """
    rng = random.Random(MID_SEED)
    ii = [i for i in ids if by_id[i]["category"] == "ii"]
    ot = [i for i in ids if by_id[i]["category"] != "ii"]
    hosts = sorted(rng.sample(ii, N_MID_II) + rng.sample(ot, N_MID_OTHER), key=ids.index)
    used: set[tuple[str, int]] = set()
    out = []
    for aid in hosts:
        a = by_id[aid]
        sents = list(a["sentences"])
        cat = a["category"]
        # host sentence and cut: after word k (k >= MID_MIN_HEAD), no punctuation at the cut,
        # at least three of the sentence's own words dropped
        cands = [(j, k) for j, s in enumerate(sents) for k in range(MID_MIN_HEAD, words(s) - 2)
                 if re.fullmatch(r"[\w'-]+", s.split()[k - 1])]
        j, k = rng.choice(cands)
        d, q = pick_foreign(rng, ids, by_id, cat, used, lambda s: len(s.split()) >= 6)
        fw = by_id[d]["sentences"][q].split()
        m = rng.randrange(max(0, len(fw) - 12), len(fw) - 4)  # fragment of 5-12 words
        frag = " ".join(fw[m:])
        if m == 0:
            frag = as_clause(frag)
        head = " ".join(sents[j].split()[:k])
        sents[j] = head + " " + frag
        out.append({"id": aid + "-mid", "category": cat, "title": a["title"], "clean": False,
                    "inserted": [], "splices": [],
                    "foreign_from": [{"kind": "midsplice", "index": j, "donor": d,
                                      "sentence": q, "from_word": m}],
                    "sentences": sents, "source": aid,
                    "midsplices": [{"index": j, "start": len(head) + 1, "word": k}]})
    return out


if __name__ == "__main__":
    main()
