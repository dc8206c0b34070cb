"""Time the HTML and PDF renderers on the sample report and on a synthetic large one.

Usage: PYTHONPATH=src python benchmarks/render_bench.py [--findings 1000] [--claims 1000]
Prints seconds per renderer and the PDF's page count; exits 1 when the PDF of 1,000 or more
findings takes over 30 s. The PDF keeps within that through its documented print budget
(see `iicheck.render.html`): the first 100 findings in full, the rest one line each, and
the claims table only up to 300 claims. tests/test_render_html_pdf.py reuses `synthetic`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

from iicheck.summary import build_summary
from iicheck.models import Report
from iicheck.render.html import render_html
from iicheck.render.pdf import render_pdf

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "fixtures" / "report_sample.json"
PDF_BUDGET_SECONDS = 30.0


def synthetic(base: Report, n_findings: int, n_claims: int, n_sources: int = 50) -> Report:
    """Scale the sample up: copies of its sources, claims and findings with fresh ids."""
    sources = tuple(
        base.sources[i % len(base.sources)].model_copy(update={"id": f"s{i:03d}"})
        for i in range(n_sources)
    )
    claims = []
    for i in range(n_claims):
        c = base.claims[i % len(base.claims)]
        shift = timedelta(days=30 * (i // len(base.claims) % 40))
        time_window = c.time if not c.time.known else c.time.model_copy(
            update={"start": c.time.start + shift, "end": c.time.end + shift})  # type: ignore[operator]
        claims.append(c.model_copy(update={
            "id": f"c{i:05d}", "source": f"s{i % n_sources:03d}", "time": time_window,
            "metric": None if c.metric is None else f"{c.metric}_{i % 8}"}))
    findings = []
    for i in range(n_findings):
        f = base.findings[i % len(base.findings)]
        evidence = tuple(e.model_copy(update={"source": f"s{(i + k) % n_sources:03d}"})
                         for k, e in enumerate(f.evidence))
        findings.append(f.model_copy(update={"fingerprint": f"{i:016x}", "evidence": evidence}))
    summary = build_summary(len(sources), claims, findings, len(base.reconciled))
    return base.model_copy(update={"sources": sources, "claims": tuple(claims),
                                   "findings": tuple(findings), "summary": summary})


def page_count(pdf: bytes) -> str:
    """Pages as pdfinfo (poppler) counts them; "?" when pdfinfo is not installed."""
    if not shutil.which("pdfinfo"):
        return "?"
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=False).stdout
    match = re.search(rb"^Pages:\s+(\d+)", info, flags=re.M)
    return match.group(1).decode() if match else "?"


def timed(label: str, report: Report) -> tuple[float, float]:
    """Render once each way and print the seconds taken and output sizes."""
    t0 = time.perf_counter()
    html = render_html(report)
    t1 = time.perf_counter()
    pdf = render_pdf(report)
    t2 = time.perf_counter()
    pages = page_count(pdf)
    print(f"{label}: {len(report.findings)} findings, {len(report.claims)} claims | "
          f"HTML {t1 - t0:.3f} s ({len(html) / 1e6:.2f} MB) | "
          f"PDF {t2 - t1:.2f} s ({len(pdf) / 1e6:.2f} MB, {pages} pages)", flush=True)
    return t1 - t0, t2 - t1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=1000)
    args = parser.parse_args()
    base = Report.model_validate_json(SAMPLE.read_text(encoding="utf-8"))
    timed("sample", base)
    _, pdf_seconds = timed("synthetic", synthetic(base, args.findings, args.claims))
    if args.findings >= 1000 and pdf_seconds > PDF_BUDGET_SECONDS:
        print(f"FAIL: PDF took {pdf_seconds:.1f} s, over the {PDF_BUDGET_SECONDS:.0f} s budget",
              file=sys.stderr)
        return 1
    print(f"ok: PDF within the {PDF_BUDGET_SECONDS:.0f} s budget")
    return 0


if __name__ == "__main__":
    sys.exit(main())
