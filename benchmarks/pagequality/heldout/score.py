#!/usr/bin/env python3
"""Score an iicheck audit.json of the held-out set (docs/) against truth.json (or of the third
set, with --truth benchmarks/pagequality/third/truth.json).

usage: python benchmarks/pagequality/heldout/score.py AUDIT_JSON [--truth TRUTH_JSON] [--docs DOCS_DIR] [--verbose]
"""
import argparse
import hashlib
import json
import pathlib
import re
import sys
import unicodedata

KINDS = ["artifact", "boilerplate", "enumeration_mismatch", "anachronism", "duplicate_text"]

RULES = """\
Matching rules
  * Findings are tied to documents by evidence.source -> sources[].id -> file stem (d01 ... d20).
  * Positions: evidence `span` / `figure_span` are character offsets into the document; each is
    checked against the document text (whitespace-normalised). If they disagree, the sentence
    (or token) is located in the text by whitespace-normalised search instead (counted as
    "fallback" below). Truth items are located by exact text: a boilerplate 'line' item covers
    every whole line equal to it, a 'span' item, an artifact token, an enumeration sentence and a
    duplicated text cover every occurrence. Overlap = character ranges intersect.
  * boilerplate: unit = each distinct flagged evidence sentence (doc, span). It counts for every
    truth item it overlaps (a line split into sentences is found when any sentence is flagged).
    TP = non-debatable truth items found; FP = flagged sentences overlapping no boilerplate
    truth item (debatable or not); miss = non-debatable items not found. A sentence that
    overlaps only debatable items counts as a debatable hit, not TP/FP.
  * artifact: unit = finding (one token per source). It matches a truth token when any of its
    evidence figure_spans (the token; else the token from details/message located in the
    sentence) overlaps an occurrence of the truth token. FP = finding matching no truth token.
  * enumeration_mismatch, duplicate_text: unit = finding; it matches a truth item when any
    evidence sentence span overlaps an occurrence of the truth text. FP = matching none.
    (A paragraph pasted twice may give one duplicate finding per sentence: all count for the
    one truth item, none is a FP.)
  * anachronism: per document. TP = document with truth true and >=1 finding; FP = truth false
    and >=1 finding; miss = truth true and no finding; truth 'debatable' counted apart.
  * TP/miss count truth items; FP counts findings (sentences for boilerplate). Debatable truth
    items are reported as found / not found, outside TP, FP and miss. Findings of every status
    (new, explained, updated) are counted.
"""


def norm(s):
    s = unicodedata.normalize("NFC", s)
    return re.sub(r"\s+", " ", s).strip()


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def occurrences(text, needle):
    out, i = [], text.find(needle)
    while i >= 0 and needle:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    return out


def line_ranges(text, line_text):
    out, pos = [], 0
    for line in text.split("\n"):
        if line == line_text:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def find_normalised(text, needle):
    """offsets of needle in text, ignoring whitespace differences (first hit)."""
    if not needle.strip():
        return None
    pat = r"\s+".join(re.escape(w) for w in needle.split())
    m = re.search(pat, text)
    return (m.start(), m.end()) if m else None


def short(s, n=110):
    s = norm(s)
    return s if len(s) <= n else s[: n - 1] + "\u2026"


class Doc:
    def __init__(self, name, text, truth):
        self.name, self.text, self.t = name, text, truth
        for b in truth["boilerplate"]:
            b["_ranges"] = line_ranges(text, b["text"]) if b["kind"] == "line" else occurrences(text, b["text"])
        for a in truth["artifact"]:
            a["_ranges"] = occurrences(text, a["token"])
        for k in ("enumeration_mismatch", "duplicate_text"):
            for e in truth[k]:
                e["_ranges"] = occurrences(text, e["text"])
        self.correct_enum = [r for s in truth["enumeration_correct"] for r in occurrences(text, s)]


def tally(r: dict, item: dict, label: str) -> None:
    """Count one truth item of a kind's results `r` as found, missed or debatable (its
    '_found' mark, set while the findings were matched, is removed)."""
    found = item.pop("_found", False)
    if item["debatable"]:
        r["deb_found" if found else "deb_missed"] += 1
    elif found:
        r["tp"] += 1
    else:
        r["miss"] += 1
        r["misses"].append(label)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("audit")
    here = pathlib.Path(__file__).resolve().parent
    ap.add_argument("--truth", default=str(here / "truth.json"))
    ap.add_argument("--docs", default=None, help="documents folder (default: truth.json's 'docs', relative to it)")
    ap.add_argument("--verbose", "-v", action="store_true", help="also list debatable hits and matched items")
    args = ap.parse_args()

    print(RULES)
    truth_path = pathlib.Path(args.truth)
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    docs_dir = pathlib.Path(args.docs) if args.docs else truth_path.parent / truth.get("docs", "docs")
    audit = json.loads(pathlib.Path(args.audit).read_text(encoding="utf-8"))

    warnings = []
    docs = {}
    for name, t in truth["documents"].items():
        raw = (docs_dir / f"{name}.txt").read_bytes()
        if hashlib.sha256(raw).hexdigest() != t.get("sha256"):
            warnings.append(f"{name}: document differs from the one truth.json was written for")
        docs[name] = Doc(name, raw.decode("utf-8"), t)

    id2doc = {}
    for s in audit.get("sources", []):
        stem = pathlib.Path(s["file"]).stem
        if stem in docs:
            id2doc[s["id"]] = stem
            if s.get("sha256") and s["sha256"] != hashlib.sha256(docs[stem].text.encode("utf-8")).hexdigest():
                warnings.append(f"{stem}: audit.json sha256 differs from the document on disk (audited another version?)")
    missing_docs = sorted(set(docs) - set(id2doc.values()))
    if missing_docs:
        warnings.append("documents not in audit.json: " + ", ".join(missing_docs))

    stats = {"span_checked": 0, "span_fallback": 0, "span_lost": 0}

    def ev_range(d, ev, which):
        """(start, end) of the evidence sentence ('span') or token ('figure_span') in doc d."""
        want = ev.get("sentence" if which == "span" else "figure") or ""
        sp = ev.get(which)
        stats["span_checked"] += 1
        if sp and len(sp) == 2 and 0 <= sp[0] <= sp[1] <= len(d.text):
            if not want or norm(d.text[sp[0]:sp[1]]) == norm(want):
                return tuple(sp)
        stats["span_fallback"] += 1
        if which == "figure_span" and want:
            srng = ev_range(d, ev, "span")
            if srng:
                r = find_normalised(d.text[srng[0]:srng[1]], want)
                if r:
                    return (srng[0] + r[0], srng[0] + r[1])
        r = find_normalised(d.text, want)
        if r is None:
            stats["span_lost"] += 1
        return r

    findings = {k: [] for k in KINDS}
    other_sources = 0
    status_counts = {}
    for f in audit.get("findings", []):
        if f["kind"] not in findings:
            continue
        srcs = {ev.get("source") for ev in f.get("evidence", [])}
        names = {id2doc[s] for s in srcs if s in id2doc}
        if not names:
            other_sources += 1
            continue
        status_counts[f.get("status")] = status_counts.get(f.get("status"), 0) + 1
        findings[f["kind"]].append(f)
    if other_sources:
        warnings.append(f"{other_sources} finding(s) on sources outside truth.json ignored")

    res = {}  # kind -> dict
    for k in KINDS:
        res[k] = dict(tp=0, fp=0, miss=0, deb_found=0, deb_missed=0, n_findings=len(findings[k]),
                      fps=[], misses=[], deb=[], notes=[])

    # ---------------- boilerplate
    r = res["boilerplate"]
    seen = set()
    for f in findings["boilerplate"]:
        rule = (f.get("details") or {}).get("pattern") or (f.get("details") or {}).get("rule") or ""
        for ev in f.get("evidence", []):
            name = id2doc.get(ev.get("source"))
            if not name:
                continue
            d = docs[name]
            rng = ev_range(d, ev, "span")
            key = (name, rng if rng else norm(ev.get("sentence", "")))
            if key in seen:
                continue
            seen.add(key)
            hit = [b for b in d.t["boilerplate"] if rng and any(overlaps(rng, x) for x in b["_ranges"])]
            for b in hit:
                b["_found"] = True
            if not hit:
                r["fp"] += 1
                r["fps"].append(f"{name}: [{rule}] {short(ev.get('sentence', ''))!r}")
            elif all(b["debatable"] for b in hit):
                r["deb"].append(f"{name}: [{rule}] {short(ev.get('sentence', ''))!r}")
            else:
                # content the flagged sentence covers beyond the boilerplate truth
                cover = sorted(x for b in hit for x in b["_ranges"] if overlaps(rng, x))
                spill = "".join(ch for i, ch in enumerate(d.text[rng[0]:rng[1]], rng[0])
                                if not any(a <= i < b for a, b in cover))
                if len(re.sub(r"\W", "", spill)) > 3:
                    r["notes"].append(f"{name}: flagged sentence also covers content: {short(spill, 80)!r}")
    for name, d in docs.items():
        for b in d.t["boilerplate"]:
            tally(r, b, f"{name}: {b['kind']} {short(b['text'])!r}")

    # ---------------- artifact
    r = res["artifact"]
    for f in findings["artifact"]:
        det = f.get("details") or {}
        token = det.get("token")
        hit, where, name = [], [], None
        for ev in f.get("evidence", []):
            name = id2doc.get(ev.get("source")) or name
            if not id2doc.get(ev.get("source")):
                continue
            d = docs[name]
            evc = dict(ev)
            if not evc.get("figure") and token:
                evc["figure"] = token
            rng = ev_range(d, evc, "figure_span")
            if rng:
                where.append(rng)
                hit += [a for a in d.t["artifact"] if any(overlaps(rng, x) for x in a["_ranges"]) and a not in hit]
        tok = token or (f.get("evidence") or [{}])[0].get("figure") or ""
        for a in hit:
            a["_found"] = True
        label = f"{name}: [{det.get('pattern', '')}] token {tok!r} ({len(f.get('evidence', []))} place(s))"
        if not hit:
            r["fp"] += 1
            ctx = ""
            if where:
                d = docs[name]
                a0, b0 = where[0]
                ctx = " in " + repr(short(d.text[max(0, a0 - 30):b0 + 30], 90))
            r["fps"].append(label + ctx)
        elif all(a["debatable"] for a in hit):
            r["deb"].append(label)
    for name, d in docs.items():
        for a in d.t["artifact"]:
            tally(r, a, f"{name}: {a['type']} token {a['token']!r}")

    # ---------------- enumeration_mismatch and duplicate_text
    for k in ("enumeration_mismatch", "duplicate_text"):
        r = res[k]
        for f in findings[k]:
            hit, name, on_correct = [], None, False
            for ev in f.get("evidence", []):
                if not id2doc.get(ev.get("source")):
                    continue
                name = id2doc[ev["source"]]
                d = docs[name]
                rng = ev_range(d, ev, "span")
                if not rng:
                    continue
                hit += [e for e in d.t[k] if any(overlaps(rng, x) for x in e["_ranges"]) and e not in hit]
                if k == "enumeration_mismatch" and any(overlaps(rng, x) for x in d.correct_enum):
                    on_correct = True
            for e in hit:
                e["_found"] = True
            ev0 = (f.get("evidence") or [{}])[0]
            label = f"{name}: {short(ev0.get('sentence', ''))!r}"
            if k == "enumeration_mismatch":
                label += f" -- {short(f.get('message', ''), 90)}"
                if on_correct:
                    label += " [on a CORRECT enumeration of the truth]"
            else:
                label += f" x{len(f.get('evidence', []))}"
            if not hit:
                r["fp"] += 1
                r["fps"].append(label)
            elif all(e["debatable"] for e in hit):
                r["deb"].append(label)
        for name, d in docs.items():
            for e in d.t[k]:
                tally(r, e, f"{name}: {short(e['text'])!r}")

    # ---------------- anachronism (per document)
    r = res["anachronism"]
    flagged = {}
    for f in findings["anachronism"]:
        for ev in f.get("evidence", []):
            if ev.get("source") in id2doc:
                flagged.setdefault(id2doc[ev["source"]], f)
                break
    for name, d in docs.items():
        want, f = d.t["anachronism"], flagged.get(name)
        msg = short(f.get("message", ""), 150) if f else ""
        if want == "debatable":
            r["deb_found" if f else "deb_missed"] += 1
            if f:
                r["deb"].append(f"{name}: {msg}")
        elif want:
            if f:
                r["tp"] += 1
            else:
                r["miss"] += 1
                r["misses"].append(f"{name}: anachronism not reported")
        elif f:
            r["fp"] += 1
            years = ", ".join(short(ev.get("figure", ""), 30) for ev in f.get("evidence", []))
            r["fps"].append(f"{name}: {msg} [evidence: {years}]")

    # ---------------- report
    print("Counts (TP, miss = truth items; FP = findings, sentences for boilerplate; "
          "debatable = debatable truth items found / not found)")
    hdr = f"{'kind':22} {'findings':>8} {'TP':>4} {'FP':>4} {'miss':>5} {'deb found':>10} {'deb missed':>11} {'precision':>10} {'recall':>7}"
    print(hdr)
    print("-" * len(hdr))
    for k in KINDS:
        r = res[k]
        p = r["tp"] / (r["tp"] + r["fp"]) if r["tp"] + r["fp"] else float("nan")
        rc = r["tp"] / (r["tp"] + r["miss"]) if r["tp"] + r["miss"] else float("nan")
        print(f"{k:22} {r['n_findings']:>8} {r['tp']:>4} {r['fp']:>4} {r['miss']:>5} {r['deb_found']:>10} {r['deb_missed']:>11} {p:>10.2f} {rc:>7.2f}")
    print()
    clean = [n for n, d in docs.items() if d.t.get("clean")]
    on_clean = sum(1 for k in KINDS for line in res[k]["fps"] if line.split(":")[0] in clean)
    print(f"clean documents ({', '.join(clean)}): {on_clean} false positive(s) of these kinds")
    print(f"findings by status: {status_counts}")
    print(f"evidence positions: {stats['span_checked']} checked, {stats['span_fallback']} needed the text fallback, "
          f"{stats['span_lost']} not located")
    for w in warnings:
        print("WARNING:", w)
    for k in KINDS:
        r = res[k]
        print(f"\n== {k}: {len(r['fps'])} false positive(s)")
        for line in r["fps"]:
            print("  FP   " + line)
        print(f"== {k}: {len(r['misses'])} miss(es) (non-debatable)")
        for line in r["misses"]:
            print("  MISS " + line)
        if r["notes"]:
            print(f"== {k}: notes")
            for line in r["notes"]:
                print("  NOTE " + line)
        if args.verbose and r["deb"]:
            print(f"== {k}: findings that hit only debatable truth")
            for line in r["deb"]:
                print("  DEB  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
