"""Score an iicheck audit.json of the development set (docs/) against truth.json.

    python benchmarks/pagequality/dev/score.py AUDIT_JSON

Per check kind: true positives, false positives and misses (items marked debatable in the
truth counted apart), then every false positive and miss on a line. Boilerplate is scored by
line (a finding whose evidence lines overlap a truth line finds it)."""
import json, sys
from pathlib import Path
HERE = Path(__file__).resolve().parent
out = sys.argv[1]
truth = json.load(open(HERE / "truth.json", encoding="utf-8"))
audit = json.load(open(out))
KINDS = ["artifact", "boilerplate", "terminology", "enumeration_mismatch", "anachronism", "duplicate_text"]
by = {}
for f in audit["findings"]:
    if f["kind"] in KINDS:
        by.setdefault((f["evidence"][0]["source"] + ".txt", f["kind"]), []).append(f)
res = {k: {"tp": [], "fp": [], "miss": [], "deb_hit": [], "deb_miss": []} for k in KINDS}

def outcome(debatable, hits):
    """Where a truth item goes: found or missed, apart when it is debatable."""
    return ("deb_hit" if hits else "deb_miss") if debatable else ("tp" if hits else "miss")


def unmatched(r, fs, used, row):
    """Every finding no truth item matched is a false positive."""
    r["fp"].extend(row(f) for i, f in enumerate(fs) if i not in used)


def lines_of(doc, text):
    ls = doc.split("\n")
    return {i + 1 for i, l in enumerate(ls) if l.strip().startswith(text)}

for name, t in truth.items():
    doc = open(HERE / "docs" / name, encoding="utf-8").read()
    # boilerplate: line overlap
    fs = by.get((name, "boilerplate"), [])
    used = set()
    for item in t["boilerplate"]:
        L = lines_of(doc, item["text"])
        hits = [i for i, f in enumerate(fs) if any(set(range(e["line"], e["end_line"] + 1)) & L for e in f["evidence"])]
        used.update(hits)
        key = outcome(item["debatable"], hits)
        res["boilerplate"][key].append((name, item["text"], [fs[i]["details"]["pattern"] + ": " + fs[i]["evidence"][0]["figure"] for i in hits]))
    unmatched(res["boilerplate"], fs, used, lambda f: (name, f["evidence"][0]["sentence"], f["details"]["pattern"]))
    # artifacts: token match
    fs = by.get((name, "artifact"), [])
    used = set()
    for item in t["artifacts"]:
        hits = [i for i, f in enumerate(fs) if f["details"]["token"].strip() == item["text"].strip()
                or (len(f["details"]["token"].strip()) > 3 and f["details"]["token"].strip() in item["text"])]
        used.update(hits)
        key = outcome(item["debatable"], hits)
        res["artifact"][key].append((name, item["text"], [repr(fs[i]["details"]["token"]) for i in hits]))
    unmatched(res["artifact"], fs, used, lambda f: (name, f["details"]["token"], f["evidence"][0]["sentence"][:120]))
    # terminology
    fs = by.get((name, "terminology"), [])
    used = set()
    for item in t["terminology"]:
        hits = [i for i, f in enumerate(fs) if f["details"]["variant"].lower() == item["text"].lower()]
        used.update(hits)
        res["terminology"]["tp" if hits else "miss"].append((name, item["text"], ""))
    unmatched(res["terminology"], fs, used, lambda f: (name, f["details"]["variant"], f["evidence"][0]["sentence"][:120]))
    # enumeration
    fs = by.get((name, "enumeration_mismatch"), [])
    used = set()
    for e in t["enumerations"]:
        hits = [i for i, f in enumerate(fs) if f["evidence"][0]["sentence"].startswith(e["sentence"])]
        used.update(hits)
        if e["mismatch"]:
            key = outcome(e.get("debatable"), hits)
            res["enumeration_mismatch"][key].append((name, e["sentence"], [fs[i]["details"]["listed"] for i in hits]))
        elif hits:
            for i in hits:
                res["enumeration_mismatch"]["fp"].append((name, fs[i]["evidence"][0]["sentence"], f'stated {fs[i]["details"]["stated"]}, {fs[i]["details"]["listed"]}'))
    unmatched(res["enumeration_mismatch"], fs, used, lambda f: (name, f["evidence"][0]["sentence"], "unlisted in truth"))
    # anachronism
    fs = by.get((name, "anachronism"), [])
    if t["anachronism"]:
        res["anachronism"]["tp" if fs else "miss"].append((name, t.get("anachronism_note", ""), [f["details"] for f in fs]))
    else:
        for f in fs:
            res["anachronism"]["fp"].append((name, t.get("anachronism_note", ""), f["details"], [e["figure"] + " <- " + e["sentence"][:90] for e in f["evidence"]]))
    # duplicates
    fs = by.get((name, "duplicate_text"), [])
    used = set()
    for item in t["duplicates"]:
        hits = [i for i, f in enumerate(fs) if any(item["text"] in e["sentence"] or e["sentence"] in item["text"] for e in f["evidence"])]
        used.update(hits)
        key = outcome(item["debatable"], hits)
        res["duplicate_text"][key].append((name, item["text"], ""))
    unmatched(res["duplicate_text"], fs, used, lambda f: (name, f["evidence"][0]["sentence"], ""))

for k in KINDS:
    r = res[k]
    print(f"== {k}: TP {len(r['tp'])}  FP {len(r['fp'])}  MISS {len(r['miss'])}  (debatable: hit {len(r['deb_hit'])}, missed {len(r['deb_miss'])})")
    for cat in ("fp", "miss", "deb_hit", "deb_miss"):
        for x in r[cat]:
            print(f"   {cat.upper():8s}", *x, sep=" | ")
clean = [n for n, t in truth.items() if t["clean"]]
print("clean docs with any finding of these kinds:", [(n, k) for (n, k) in by if n in clean])

