"""The checks and output of the scraped-page sets' build scripts (fifth/, sixth/
build_truth.py): every truth text found in its document, the files valid UTF-8 with Unix line
ends, the sha256 of each, truth.json written, counts printed."""
import hashlib
import json


def line_set(text):
    return text.split("\n")


def build(here, truth, about, prefix):
    """Check the set's truth against its documents (here/docs/PREFIX01.txt ...), write
    here/truth.json and print counts; 0, or 1 after listing the errors."""
    docs_dir = here / "docs"
    errors = []
    out_docs = {}
    counts = dict(bp_nondeb=0, bp_deb=0, artifacts=0, artifacts_deb=0, mismatches=0, correct=0,
                  anachronisms=0, duplicates=0, clean=0)
    for name in sorted(truth):
        t = truth[name]
        path = docs_dir / f"{name}.txt"
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            errors.append(f"{name}: not valid UTF-8 ({e})")
            continue
        if "\r" in text:
            errors.append(f"{name}: contains CR characters (not Unix line ends)")
        if not text.endswith("\n"):
            errors.append(f"{name}: no final newline")
        lines_ = line_set(text)
        seen = set()
        for b in t["boilerplate"]:
            key = (b["kind"], b["text"])
            if key in seen:
                errors.append(f"{name}: boilerplate item listed twice: {b['text']!r}")
            seen.add(key)
            if b["kind"] == "line":
                if b["text"] not in lines_:
                    errors.append(f"{name}: boilerplate line not found as a full line: {b['text']!r}")
            elif b["kind"] == "span":
                if b["text"] not in text:
                    errors.append(f"{name}: boilerplate span not found: {b['text']!r}")
            else:
                errors.append(f"{name}: bad kind {b['kind']!r}")
        for a in t["artifact"]:
            if a["token"] not in text:
                errors.append(f"{name}: artifact token not found: {a['token']!r}")
        for e in t["enumeration_mismatch"]:
            if e["text"] not in text:
                errors.append(f"{name}: enumeration_mismatch sentence not found: {e['text']!r}")
        for s in t["enumeration_correct"]:
            if s not in text:
                errors.append(f"{name}: enumeration_correct sentence not found: {s!r}")
        for d in t["duplicate_text"]:
            if text.count(d["text"]) < 2:
                errors.append(f"{name}: duplicate_text occurs fewer than twice: {d['text']!r}")
        if t["anachronism"] not in (True, False, "debatable"):
            errors.append(f"{name}: bad anachronism value")
        if t["clean"] and (t["boilerplate"] or t["artifact"] or t["enumeration_mismatch"]
                           or t["duplicate_text"] or t["anachronism"]):
            errors.append(f"{name}: marked clean but has findings in its truth")
        # body words = words on lines that are not whole-line boilerplate
        bp_lines = {b["text"] for b in t["boilerplate"] if b["kind"] == "line"}
        body_words = sum(len(ln.split()) for ln in lines_ if ln not in bp_lines)
        entry = dict(t)
        entry["sha256"] = hashlib.sha256(raw).hexdigest()
        out_docs[name] = entry
        nd = sum(1 for b in t["boilerplate"] if not b["debatable"])
        dd = sum(1 for b in t["boilerplate"] if b["debatable"])
        counts["bp_nondeb"] += nd
        counts["bp_deb"] += dd
        counts["artifacts"] += sum(1 for a in t["artifact"] if not a["debatable"])
        counts["artifacts_deb"] += sum(1 for a in t["artifact"] if a["debatable"])
        counts["mismatches"] += len(t["enumeration_mismatch"])
        counts["correct"] += len(t["enumeration_correct"])
        counts["anachronisms"] += 1 if t["anachronism"] is True else 0
        counts["duplicates"] += len(t["duplicate_text"])
        counts["clean"] += 1 if t["clean"] else 0
        print(f"{name}: body words {body_words:4d}  boilerplate {nd:3d} (+{dd} debatable)  "
              f"artifacts {len(t['artifact'])}  mismatch {len(t['enumeration_mismatch'])}  "
              f"correct {len(t['enumeration_correct'])}  anachronism {t['anachronism']}  "
              f"duplicates {len(t['duplicate_text'])}  clean {t['clean']}")
        if not 300 <= body_words <= 900:
            errors.append(f"{name}: body has {body_words} words (want 300-900)")
    expected = {f"{prefix}{i:02d}" for i in range(1, 17)}
    if set(out_docs) != expected:
        errors.append(f"documents differ from {prefix}01..{prefix}16: {sorted(set(out_docs) ^ expected)}")
    if errors:
        print("\nERRORS:")
        for e in errors:
            print("  " + e)
        return 1
    written = {"about": about, "docs": "docs", "documents": out_docs}
    (here / "truth.json").write_text(json.dumps(written, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("\nTotals: boilerplate {bp_nondeb} non-debatable / {bp_deb} debatable; artifacts {artifacts} "
          "(+{artifacts_deb} debatable); enumeration mismatches {mismatches}; correct enumerations {correct}; "
          "anachronisms {anachronisms}; duplicates {duplicates}; clean docs {clean}".format(**counts))
    print(f"wrote {here / 'truth.json'}")
    return 0


