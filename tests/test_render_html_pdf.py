"""HTML and PDF audit report: structure, escaping, determinism, offline rendering.

The sample report (tests/fixtures/report_sample.json) is built from the real seed texts by
`build_sample_report()` below; rebuild it with `python tests/test_render_html_pdf.py`.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import zlib
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from iicheck.summary import build_summary  # noqa: E402
from iicheck.models import (  # noqa: E402
    Claim, Evidence, Finding, Reconciled, Report, SourceInfo, TimeWindow, ValueInterval,
)

sys.path.insert(0, str(ROOT))  # run as a script (to write the fixture) as well as by pytest
from tests.conftest import sample_rules_used  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "report_sample.json"
SEEDS = {p.name[:3]: p for p in sorted((ROOT / "seeds").glob("*.txt"))}
TEXT = {k: p.read_text(encoding="utf-8") for k, p in SEEDS.items()}


def _tw(start: str | None, end: str | None, basis: str, note: str = "") -> TimeWindow:
    return TimeWindow(start=date.fromisoformat(start) if start else None,
                      end=date.fromisoformat(end) if end else None, basis=basis, note=note)


def _sentence(src: str, pos: int) -> tuple[int, int]:
    text = TEXT[src]
    stop = text.rfind(". ", 0, pos)
    start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, pos) + 1)
    ends = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    end = min(ends) if ends else len(text)
    return start, end + (1 if text[end:end + 1] == "." else 0)


def _evidence(src: str, figure: str, nth: int = 0, context: tuple[int, int] | None = None) -> Evidence:
    text = TEXT[src]
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(figure, pos + 1)
    start, end = context or _sentence(src, pos)
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return Evidence(source=src, sentence=text[start:end], span=(start, end),
                    figure_span=(pos, pos + len(figure)), figure=figure, line=line, column=column)


def _claim(cid: str, src: str, figure: str, value: tuple, unit: str | None, metric: str | None,
           definition: str | None, time: TimeWindow, modality: str = "achieved",
           excluded: str | None = None) -> Claim:
    ev = _evidence(src, figure)
    stated, qualifier, low, high, high_inc, step = value
    return Claim(id=cid, source=src, sentence=ev.sentence, sentence_span=ev.span,
                 span=ev.figure_span, figure=figure, unit=unit, metric=metric,
                 definition=definition, time=time, modality=modality, excluded=excluded,
                 value=ValueInterval(stated=stated, qualifier=qualifier, low=low, high=high,
                                     high_inclusive=high_inc, step=step))


def _fp(kind: str, evidence: list[Evidence]) -> str:
    key = kind + "|" + "|".join(f"{e.source}:{' '.join(e.sentence.split())}" for e in evidence)
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _finding(kind: str, severity: str, message: str, evidence: list[Evidence], **kw: object) -> Finding:
    return Finding(kind=kind, severity=severity, message=message, evidence=tuple(evidence),
                   fingerprint=_fp(kind, evidence), **kw)


def build_sample_report() -> Report:
    """A realistic report over the five seed texts, shaped as the pipeline will produce it."""
    w000 = _tw("2021-01-01", "2022-12-31", "inferred", "latest event mentioned: “Since 2021”")
    w002 = _tw("2020-11-23", "2021-02-23", "metadata", "“in recent years” before 2021-02-23")
    w004 = _tw("2019-01-01", "2020-12-31", "inferred",
               "“The 2019 government work report” + “In more than two years”")
    sources = (
        SourceInfo(id="000", file="seeds/" + SEEDS["000"].name, published=w000,
                   title="The innovation development trend of China’s industrial Internet",
                   chars=len(TEXT["000"]), sha256=hashlib.sha256(SEEDS["000"].read_bytes()).hexdigest()),
        SourceInfo(id="001", file="seeds/" + SEEDS["001"].name, published=_tw(None, None, "unknown"),
                   title="Accelerating Development of the Industrial Internet",
                   chars=len(TEXT["001"]), sha256=hashlib.sha256(SEEDS["001"].read_bytes()).hexdigest()),
        SourceInfo(id="002", file="seeds/" + SEEDS["002"].name,
                   published=_tw("2021-02-23", "2021-02-23", "header", "text header “date 2021-02-23”"),
                   chars=len(TEXT["002"]), sha256=hashlib.sha256(SEEDS["002"].read_bytes()).hexdigest()),
        SourceInfo(id="003", file="seeds/" + SEEDS["003"].name, publisher="en.qstheory.cn",
                   title="Progress in Developing the Industrial Internet in China",
                   published=_tw("2025-06-09", "2025-06-09", "header", "“Updated: 2025-06-09”"),
                   chars=len(TEXT["003"]), sha256=hashlib.sha256(SEEDS["003"].read_bytes()).hexdigest()),
        SourceInfo(id="004", file="seeds/" + SEEDS["004"].name, published=w004,
                   title="Accelerate the development of industrial Internet",
                   publisher="China Construction machinery information",
                   chars=len(TEXT["004"]), sha256=hashlib.sha256(SEEDS["004"].read_bytes()).hexdigest()),
    )
    P, E = "industrial_internet_platforms", "industrial_equipment_connections"
    claims = (
        _claim("c000-1", "000", "nearly 1,000", (1000, "nearly", 900, 1000, False, 100), "platforms", P, "all", w000),
        _claim("c000-2", "000", "more than 150", (150, "more_than", 150, 200, False, 50), "platforms", P, "influential", w000),
        _claim("c000-3", "000", "Fifteen", (15, "exact", 15, 15, True, None), "platforms", P, "cross_industry", w000),
        _claim("c001-1", "001", "exceeded 1 billion", (1e9, "more_than", 1e9, 2e9, False, 1e9), "users", "internet_users", None, _tw(None, None, "unknown")),
        _claim("c002-1", "002", "over 70", (70, "more_than", 70, 80, False, 10), "platforms", P, "influential", w002),
        _claim("c002-2", "002", "40 million", (4e7, "exact", 4e7, 4e7, True, None), "sets", E, "connected_sets", w002),
        _claim("c002-3", "002", "about 100", (100, "about", 90, 110, True, 10), "cases", "pilot_demonstration_cases", None,
               _tw("2021-01-01", "2023-12-31", "explicit", "“from 2021 to 2023”"), modality="target"),
        _claim("c003-1", "003", "more than 45,000", (45000, "more_than", 45000, 46000, False, 1000), "networks", "5g_private_networks", None,
               _tw("2024-11-01", "2024-11-30", "explicit", "“By November 2024”")),
        _claim("c004-1", "004", "more than 50", (50, "more_than", 50, 60, False, 10), "platforms", P, "influential", w004),
        _claim("c004-2", "004", "exceeded 100000", (1e5, "more_than", 1e5, 2e5, False, 1e5), "sets", E, "connected_sets", w004),
        _claim("c004-3", "004", "exceeded 75%", (75, "more_than", 75, 80, False, 5), "%", None, None, w004, excluded="unmapped"),
    )
    plastics = TEXT["004"].index("The backbone outside")
    ctx = (TEXT["004"].index("In terms of network"), TEXT["004"].index("In terms of platforms") - 1)
    findings = (
        _finding("contradiction", "error", "Windows overlap (2020-11-23 – 2020-12-31) but the values cannot both hold: "
                 "[100,000, 200,000) sets against 40 M sets of connected industrial equipment.",
                 [_evidence("004", "exceeded 100000"), _evidence("002", "40 million")],
                 metric=E, definition="connected_sets", details={"overlap_days": 39, "ratio_low": 200.0}),
        _finding("contradiction", "warning", "Windows overlap (2020-11-23 – 2020-12-31) but the values do not: "
                 "[50, 60) against [70, 80) influential platforms.",
                 [_evidence("004", "more than 50"), _evidence("002", "over 70")], metric=P, definition="influential",
                 status="explained", reason="004's window is inferred and loose; its context (the 2019 government work "
                 "report) dates the 50 to 2019, before 002's 70 — growth, not disagreement."),
        _finding("undated", "warning", "No date in the sentence, its paragraph or the source: this figure cannot be compared.",
                 [_evidence("001", "exceeded 1 billion")], metric="internet_users"),
        _finding("unmapped_figure", "info", "A figure in an on-topic sentence that no metric rule covers.",
                 [_evidence("004", "exceeded 75%")]),
        _finding("off_topic", "warning", "A sentence about plastics inside a passage on network construction "
                 "(no topic term; likely spliced text).", [Evidence(
                     source="004", sentence=TEXT["004"][ctx[0]:ctx[1]], span=ctx,
                     figure_span=(plastics, TEXT["004"].index(".", plastics) + 1),
                     line=TEXT["004"].count("\n", 0, plastics) + 1)],
                 details={"topic_terms": 0}),
        _finding("artifact", "warning", "Scraper artifact “D201138L” repeated 6 times inside sentences.",
                 [_evidence("000", "D201138L", 0), _evidence("000", "D201138L", 4)],
                 details={"token": "D201138L", "occurrences": 6}),
        _finding("terminology", "info", "“industrial interconnection” is a machine-translation variant of “industrial Internet”.",
                 [_evidence("004", "industrial interconnection", 3)], status="explained",
                 reason="Known translation of 工业互联网; mapped by the platform aliases."),
        _finding("boilerplate", "info", "Site navigation text at the top of the page.", [_evidence("003", "Nav Search")]),
    )
    reconciled = (
        Reconciled(metric=P, claims=("c004-1", "c000-2"), basis="dates", reason="Same definition (influential); "
                   "2019–2020 “more than 50” then 2021–2022 “more than 150”: a later window with a higher value is growth."),
        Reconciled(metric=P, claims=("c002-1", "c000-2"), basis="dates", reason="Same definition; “over 70” up to "
                   "2021-02-23, “more than 150” in 2021–2022: growth within the metric's maximum per year."),
        Reconciled(metric=P, claims=("c000-2", "c000-1"), basis="definitions", reason="“nearly 1,000” counts all "
                   "platforms; “more than 150” only those with industry or regional influence (within all)."),
        Reconciled(metric=P, claims=("c000-3", "c000-1"), basis="definitions", reason="“Fifteen” counts cross-industry "
                   "comprehensive platforms, a subset of all platforms."),
    )
    summary = build_summary(len(sources), claims, findings, len(reconciled))
    return Report(tool="iicheck", version="0.1.0", rules_version="sample-1", sources=sources, claims=claims,
                  findings=findings, reconciled=reconciled, summary=summary, rules=sample_rules_used())


def _dump(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def synthetic(base: Report, n_findings: int, n_claims: int, n_sources: int = 50) -> Report:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from render_bench import synthetic as scale
    return scale(base, n_findings, n_claims, n_sources)


def _pdf_text(pdf: bytes, tmp_path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture(scope="module")
def sample() -> Report:
    return Report.model_validate_json(FIXTURE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample_html(sample: Report) -> str:
    from iicheck.render.html import render_html
    return render_html(sample)


@pytest.fixture(scope="module")
def sample_pdf(sample: Report) -> bytes:
    from iicheck.render.pdf import render_pdf
    return render_pdf(sample)


def test_fixture_matches_builder() -> None:
    assert FIXTURE.read_text(encoding="utf-8") == _dump(build_sample_report()), (
        "fixture is stale: run `python tests/test_render_html_pdf.py`")


def _rows(report: Report, findings: tuple[Finding, ...] | list[Finding], sources: int) -> int:
    """How many of `findings` (all within the card budget) are table rows, not cards: the
    unmapped figures, and page boilerplate in the scorecard of one of the first `sources`."""
    carded = {s.id for s in report.sources[:sources]}
    return sum(f.kind == "unmapped_figure" or (f.kind == "boilerplate" and f.evidence[0].source in carded)
               for f in findings)


def test_every_finding_has_one_stable_anchor(sample: Report, sample_html: str) -> None:
    from iicheck.render.html import SCREEN
    for f in sample.findings:
        assert sample_html.count(f'id="finding-{f.fingerprint}"') == 1
    rows = _rows(sample, sample.findings, SCREEN.sources)
    assert rows == 2 and len(re.findall(r'<article class="finding', sample_html)) == len(sample.findings) - rows
    assert len(re.findall(r'<tr id="finding-', sample_html)) == rows


def test_unmapped_figures_compact_after_other_figure_findings(sample: Report, sample_html: str) -> None:
    from iicheck.render.html import render_html
    base = next(f for f in sample.findings if f.kind == "unmapped_figure")
    twice = sample.model_copy(update={"findings": sample.findings + (base,)})
    html = render_html(twice)
    table = html[html.index('id="unmapped"'):html.index('<section id="timelines"')]
    assert "Figures no rule covers <small>(2)</small>" in table
    assert f'<tr id="finding-{base.fingerprint}">' in table
    assert f'<tr id="finding-{base.fingerprint}-2">' in table  # a repeated fingerprint: -2
    assert "<mark>exceeded 75%</mark>" in table
    cards = [m.start() for m in re.finditer(r'<article class="finding', html[:html.index('<section id="timelines"')])]
    assert cards and max(cards) < html.index('id="unmapped"')


def test_sections_in_reading_order(sample_html: str) -> None:
    ids = ["verdict", "findings", "timelines", "reconciled", "sources", "claims", "rules"]
    positions = [sample_html.index(f'<section id="{i}"') for i in ids]
    assert positions == sorted(positions)
    assert "block rules_used" not in sample_html and "placeholder" not in sample_html


def test_section_7_shows_each_settings_file_once(sample_html: str) -> None:
    section = sample_html[sample_html.index('id="rules-settings"'):sample_html.index('id="rules-files"')]
    rows = re.findall(r"<tr[^>]*><td>([^<]*)</td><td><code>([^<]*)</code>", section)
    assert rows == [("qualifiers.yaml", "nearly_factor"), ("extraction.yaml", "time.publication_lag_days"),
                    ("", "target_cues"), ("quality.yaml", "artifacts")]


def test_long_rule_lists_do_not_slow_the_pdf_down(sample: Report) -> None:
    """Section 7's tables have a fixed layout: with the automatic one, WeasyPrint's time grew with
    the square of a cell's length (1,500 phrases in one rule-file list: 7 minutes for the seeds'
    PDF, measured; about 4 s with the fixed layout)."""
    import time
    from iicheck.render.pdf import render_pdf
    rules = sample.rules
    phrases = tuple(f"phrase{i}" for i in range(1500))
    long = rules.model_copy(update={
        "settings": rules.settings + (rules.settings[0].model_copy(update={"key": "many", "value": phrases}),),
        "metrics": (rules.metrics[0].model_copy(update={"subjects": phrases}),)})
    start = time.perf_counter()
    render_pdf(sample.model_copy(update={"rules": long}))
    assert time.perf_counter() - start < 60


def test_changes_are_listed_under_their_timeline_not_drawn(sample: Report) -> None:
    from iicheck.render.html import render_html
    base = next(c for c in sample.claims if c.metric and c.time.known)
    change = base.model_copy(update={"id": base.id + "-change", "excluded": "change", "figure": "by 7"})
    html = render_html(sample.model_copy(update={"claims": sample.claims + (change,)}))
    figure = html[html.index(f'id="timeline-{base.metric}"'):]
    figure = figure[:figure.index("</figure>")]
    assert "excluded: change" not in figure  # the tooltip of a drawn box would say so
    listed = figure[figure.index("Not drawn — changes, not levels"):]
    assert "by 7" in listed and base.figure not in listed


def test_card_details_are_written_for_people(sample: Report) -> None:
    from iicheck.render.html import detail_value, render_html
    assert [detail_value(v) for v in (15.594230378107946, 363.6363636363636, 36310045919.128235, 5, "a b", None)] == [
        "15.59", "363.64", "36.31 billion", "5", "a b", "None"]
    f = next(f for f in sample.findings if f.kind == "contradiction")
    odd = f.model_copy(update={"details": {"ratio": 363.6363636363636}})
    html = render_html(sample.model_copy(update={"findings": tuple(odd if g is f else g for g in sample.findings)}))
    assert "ratio 363.64 · fingerprint" in html and "363.636" not in html


def test_scorecards_explain_the_score(sample_html: str) -> None:
    from iicheck.quality.score import formula_in_words
    section = sample_html[sample_html.index('<section id="sources"'):sample_html.index('<section id="claims"')]
    assert section.index(formula_in_words()) < section.index('<section class="scorecard"')


def test_rules_section_from_the_report(sample_html: str) -> None:
    """Section 7 is the report's `rules`, every part of it (the seeds' full section: test_rules_used)."""
    section = sample_html[sample_html.index('<section id="rules"'):]
    assert "The audit read the rules in <code>rules/</code> (version <code>sample-1</code>): 1 metric and the 3 checks" in section
    assert "by the lexical detector" in section
    regression = section[section.index("<td><code>regression</code></td>"):]
    assert regression.index("<code>ii_platforms</code>") < regression.index("</tr>")  # switched off for it
    assert "<code>influential</code> platforms with influence <span class=\"muted\">(within <code>all</code>)" in section
    assert "at most ×3 a year<br>a running total (never falls)" in section
    assert "<span class=\"muted\">off:</span> <code>regression</code>" in section
    assert "\u201cnearly 150\u201d \u2192 [135, 150)" in section
    assert "<td>identifier resolution</td><td>logo analysis</td>" in section
    assert "<code>target_cues</code></td><td>aims to, will</td>" in section
    assert "<code>artifacts</code></td><td>none</td>" in section
    assert "<td>rules/quality.yaml</td><td><span class=\"muted\">absent: its defaults apply</span>" in section


def test_counts_and_verdict_shown(sample: Report, sample_html: str) -> None:
    s = sample.summary
    assert f'<dd class="n-findings">{s.findings}</dd>' in sample_html
    assert f'<dd class="n-new">{s.new}</dd>' in sample_html
    assert f'<dd class="n-explained">{s.explained}</dd>' in sample_html
    nb = s.unexplained_by_severity
    assert f"<strong>Needs action:</strong> {nb['error']} new error" in sample_html
    assert f"{nb['warning']} new warning" in sample_html
    for kind, n in s.by_kind.items():
        assert f'<td><code>{kind}</code></td><td class="num">{n}</td>' in sample_html


def test_updated_findings_are_counted_as_such_not_as_new(sample: Report) -> None:
    """The summary's `new` no longer counts updated findings: the verdict and the New tile say
    how many are updated (explained before, figures changed since)."""
    from iicheck.render.html import render_html
    from iicheck.summary import build_summary

    first = sample.findings[0].model_copy(update={"status": "updated", "reason": "checked in May"})
    findings = (first, *sample.findings[1:])
    s = sample.summary
    updated = sample.model_copy(update={"findings": findings, "summary": build_summary(
        s.sources, sample.claims, findings, s.reconciled)})
    page = render_html(updated)
    assert updated.summary.updated == 1 and updated.summary.new == s.new - 1
    assert f'<dd class="n-new">{s.new - 1} <small class="n-updated">+1 updated</small></dd>' in page
    assert "not yet explained (1 of the findings updated: explained before, their figures changed since)" in page
    assert " new error" not in page.split('class="verdict')[1].split("</p>")[0]


def test_the_source_quality_warnings_the_verdict_counts_are_linked_from_section_2(sample_html: str,
                                                                                  sample: Report) -> None:
    """The verdict said "Needs action: 3 new warnings" and §2, "Findings that need action",
    showed none of them: they were only under their sources in §5."""
    from iicheck.render.html import QUALITY_KINDS

    wanted = [f for f in sample.findings if f.kind in QUALITY_KINDS and f.status != "explained"
              and f.severity in ("error", "warning")]
    assert wanted, "the sample needs a source-quality warning"
    section = sample_html.split('<section id="findings"')[1].split("</section>")[0]
    assert f"Source-quality findings that need action <small>({len(wanted)})</small>" in section
    for f in wanted:
        assert f'<a href="#finding-{f.fingerprint}">' in section
        assert f'id="finding-{f.fingerprint}"' in sample_html  # the link leads somewhere


def test_a_report_with_nothing_found_says_so(sample: Report) -> None:
    """It said "Nothing new: every finding is explained (0)" under "1 sources"."""
    from iicheck.render.html import render_html
    from iicheck.summary import build_summary

    one = sample.model_copy(update={"sources": sample.sources[:1], "claims": (), "findings": (), "reconciled": (),
                                    "summary": build_summary(1, (), (), 0)})
    page = render_html(one)
    assert '<p class="sub">1 source · 0 claims · 0 findings ·' in page
    assert "<strong>No findings:</strong> no check found anything to report in this source." in page
    assert "every finding is explained" not in page


def test_figures_highlighted_and_junk_struck(sample_html: str) -> None:
    assert "<mark>exceeded 100000</mark> sets" in sample_html
    assert "<mark>40 million</mark> sets" in sample_html
    assert "<del>The backbone outside the enterprise is not very different from ordinary plastics" in sample_html
    assert "<del>D201138L</del>" in sample_html
    new_at = sample_html.index("finding-" + build_sample_report().findings[0].fingerprint)
    explained_at = sample_html.index('class="status-head st-explained"')
    assert new_at < explained_at


def test_timelines_one_mark_per_dated_claim(sample: Report, sample_html: str) -> None:
    svgs = re.findall(r"<svg .*?</svg>", sample_html, flags=re.S)
    metrics = {c.metric for c in sample.claims if c.metric and c.time.known}
    assert len(svgs) == len(metrics)
    assert sample_html.count('<g class="mark">') == sum(1 for c in sample.claims if c.metric and c.time.known)
    assert "log scale" in sample_html and "linear scale" in sample_html  # 1e5 vs 4e7: log axis
    assert 'stroke-dasharray="6 3"' in sample_html  # the target
    assert "Not drawn — time unknown" in sample_html and "exceeded 1 billion" in sample_html


def test_timelines_label_boxes_only_while_readable(sample: Report) -> None:
    from iicheck.render.timeline_svg import LABELLED_MAX, timeline_svg
    dated = [c for c in sample.claims if c.time.known]
    few = [dated[i % len(dated)].model_copy(update={"id": f"c{i}"}) for i in range(LABELLED_MAX)]
    many = few + [few[0].model_copy(update={"id": "one more"})]
    small, large = str(timeline_svg("m", few)), str(timeline_svg("m", many))
    assert small.count('<g class="mark">') == LABELLED_MAX and small.count('class="lbl"') == LABELLED_MAX
    assert "not labelled" not in small
    assert large.count('<g class="mark">') == LABELLED_MAX + 1 and 'class="lbl"' not in large
    assert f"{LABELLED_MAX + 1} boxes, not labelled (more than {LABELLED_MAX}); hover a box" in large
    assert "hover" not in str(timeline_svg("m", many, tooltips=False))  # paper has no hover


def test_scorecards_show_score_when_present(sample: Report) -> None:
    from iicheck.render.html import render_html
    off_topic = next(f for f in sample.findings if f.kind == "off_topic")
    scored = off_topic.model_copy(update={"details": {"score": 0.42}})
    report = sample.model_copy(update={"findings": tuple(scored if f is off_topic else f for f in sample.findings)})
    html = render_html(report)
    assert '<strong class="score">0.42</strong>' in html
    assert "not in report (counts only)" in html  # the other sources
    src = sample.sources[0].model_copy(update={"quality_score": 87.5, "quality_counts": {"artifact": 1}})
    html = render_html(sample.model_copy(update={"sources": (src,) + sample.sources[1:]}))
    assert '<strong class="score">87.5</strong>' in html


def _hostile(sample: Report) -> Report:
    evil = '<script>alert(1)</script> and <img src="http://example.invalid/x.png"> figures'
    f = sample.findings[0]
    ev = f.evidence[0].model_copy(update={"sentence": evil, "span": (0, len(evil)), "figure_span": (0, 8)})
    bad = f.model_copy(update={"message": evil, "evidence": (ev,), "fingerprint": 'x"><blink>'})
    claim = sample.claims[0].model_copy(update={"figure": "<blink>1</blink>", "metric": "m<svg>"})
    return sample.model_copy(update={"findings": (bad,), "claims": (claim,) + sample.claims[1:]})


def test_hostile_text_is_escaped(sample: Report) -> None:
    from iicheck.render.html import render_html
    html = render_html(_hostile(sample))
    assert "<script" not in html and "<img" not in html and "<blink" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'id="finding-x&#34;&gt;&lt;blink&gt;"' in html
    assert "m&lt;svg&gt;" in html


def test_html_is_deterministic_and_offline(sample: Report, sample_html: str) -> None:
    from iicheck.render.html import render_html
    assert render_html(Report.model_validate_json(_dump(sample))).encode() == sample_html.encode()
    assert "<script" not in sample_html and "<link" not in sample_html
    assert not re.search(r'(src|href)="(?!#)', sample_html)
    assert "url(" not in sample_html


def test_pdf_pages_and_text(sample_pdf: bytes, tmp_path: Path) -> None:
    assert sample_pdf.startswith(b"%PDF")
    assert b"/CreationDate" not in sample_pdf and b"/ModDate" not in sample_pdf
    text = _pdf_text(sample_pdf, tmp_path)
    assert text.count("\f") >= 3
    for needle in ("Verdict and summary", "2 Findings", "40 million", "page 1 of",
                   "Source scorecards", "nearly 1,000", "D201138L"):
        assert needle in text, needle
    assert re.search(r"Timelines per metric[ .]*\d+\n", text), "contents lack page numbers"
    assert "size budget" not in text and "see audit.html" not in text  # small: printed in full
    assert "Figures no rule covers" in text and "exceeded 75%" in text


def test_small_report_prints_in_full(sample: Report, sample_html: str) -> None:
    from iicheck.render.html import render_print_html
    printed = render_print_html(sample)
    assert printed.count('<article class="finding') == sample_html.count('<article class="finding')
    assert all(f'<tr id="claim-{c.id}"' in printed for c in sample.claims)
    assert 'class="print-note"' not in printed and 'class="fline' not in printed


def test_print_budget_in_html(sample: Report) -> None:
    from iicheck.render.html import PRINT, SCREEN, render_html, render_print_html
    CARD_BUDGET, CLAIMS_BUDGET = PRINT.cards, PRINT.claims
    big = synthetic(sample, 1000, 1000)
    html, printed = render_html(big), render_print_html(big)
    rows = _rows(big, big.findings, SCREEN.sources)
    assert html.count('<article class="finding') == len(big.findings) - rows  # screen: all cards or rows
    first = big.findings[:CARD_BUDGET]  # in full in print: the first ones in the report's order
    assert printed.count('<article class="finding') == len(first) - _rows(big, first, PRINT.sources)
    assert printed.count('<tr id="finding-') == _rows(big, first, PRINT.sources)
    assert printed.count('<p class="fline') == len(big.findings) - CARD_BUDGET
    for f in big.findings:  # every finding keeps its anchor in both media
        assert html.count(f'id="finding-{f.fingerprint}"') == 1
        assert printed.count(f'id="finding-{f.fingerprint}"') == 1
    assert all(f'<tr id="claim-{c.id}"' in html for c in big.claims)
    assert '<tr id="claim-' not in printed and len(big.claims) > CLAIMS_BUDGET
    assert "1000 claims: see audit.html / audit.json" in printed
    for f in first:  # never re-chosen: the report's order decides
        assert re.search(f'<(article class="[^"]*"|tr) id="finding-{f.fingerprint}"', printed)
    for f in big.findings[CARD_BUDGET:]:
        assert f'<p class="fline sev-{f.severity}" id="finding-{f.fingerprint}">' in printed


def test_print_budget_counts_what_it_does_not_print(sample: Report) -> None:
    from iicheck.render.html import PRINT, render_html, render_print_html
    CARD_BUDGET, LINE_BUDGET, RECONCILED_BUDGET, SOURCES_BUDGET, UNDATED_BUDGET = (
        PRINT.cards, PRINT.lines, PRINT.reconciled, PRINT.sources, PRINT.undated)
    big = synthetic(sample, 1500, 5000, n_sources=SOURCES_BUDGET + 20)
    big = big.model_copy(update={"reconciled": tuple(
        big.reconciled[i % len(big.reconciled)] for i in range(RECONCILED_BUDGET + 30))})
    html, printed = render_html(big), render_print_html(big)
    listed = CARD_BUDGET + LINE_BUDGET
    for i, f in enumerate(big.findings):  # screen: every finding; print: the first `listed`
        assert html.count(f'id="finding-{f.fingerprint}"') == 1
        assert printed.count(f'id="finding-{f.fingerprint}"') == (i < listed)
    notes = re.findall(r'<p class="compact-head not-printed">(\d+) more (.+?) not printed', printed)
    assert sum(int(n) for n, what in notes if "reconciled" not in what and "undated" not in what) == 1500 - listed
    assert [int(n) for n, what in notes if "reconciled" in what] == [30]
    assert html.count('<div class="reconciled">') == RECONCILED_BUDGET + 30
    assert printed.count('<div class="reconciled">') == RECONCILED_BUDGET
    assert html.count('<section class="scorecard" id="source-s') == SOURCES_BUDGET + 20
    assert printed.count('<section class="scorecard" id="source-s') == SOURCES_BUDGET
    assert "20 more sources: scorecards not printed" in printed
    undated = [c for c in big.claims if not c.time.known and c.metric is not None]
    per_metric = Counter(c.metric for c in undated)
    assert max(per_metric.values()) > UNDATED_BUDGET  # the case is exercised
    hidden = sum(n - UNDATED_BUDGET for n in per_metric.values() if n > UNDATED_BUDGET)
    assert sum(int(n) for n, what in notes if "undated" in what) == hidden
    flat = " ".join(printed.split())
    assert f"the other {1500 - listed} are counted where they belong, not printed" in flat
    assert f"The first {RECONCILED_BUDGET} of {RECONCILED_BUDGET + 30} reconciled pairs are listed" in flat
    assert "compact-head not-printed" not in html and "beyond the print budget)" not in html  # screen: complete


def test_screen_budget_keeps_a_large_page_readable(sample: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """The screen budget (SCREEN) works like the print one with larger numbers; shrunk here to
    exercise it on a small report."""
    from iicheck.render import html as html_module
    small = html_module.Budget(cards=5, lines=10, claims=20, reconciled=2, sources=3, undated=1, drawn=4, quoted=12)
    monkeypatch.setattr(html_module, "SCREEN", small)
    big = synthetic(sample, 40, 60, n_sources=6)
    page = html_module.render_html(big)
    for i, f in enumerate(big.findings):
        assert page.count(f'id="finding-{f.fingerprint}"') == (i < 15)
    assert page.count('<article class="finding') + page.count('<tr id="finding-') == 5
    assert page.count('<p class="fline') == 10
    notes = re.findall(r'<p class="compact-head not-printed">(\d+) more (.+?) not shown', page)
    assert sum(int(n) for n, what in notes if "reconciled" not in what and "undated" not in what) == 25
    flat = " ".join(page.split())
    assert "This page is within a size budget." in flat and "the other 25 are counted where they belong, not shown" in flat
    assert "see audit.json" in flat and "audit.html / audit.json" not in flat
    assert page.count('<section class="scorecard" id="source-s') == 3
    assert "60 claims: see audit.json. This page lists claims only up to 20" in flat
    assert "dated claims drawn, every 2nd in the report's order (this page&#39;s size budget; all in audit.json)" in flat
    for figure in re.findall(r'<figure class="timeline-fig".*?</figure>', page, flags=re.S):
        assert figure.count('<g class="mark">') <= 4  # thinned to the budget
    from iicheck.render.html import ordinal
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th", "112th"]


def test_large_report_pdf_within_budget(sample: Report, tmp_path: Path) -> None:
    import time

    from iicheck.render.pdf import render_pdf
    big = synthetic(sample, 1000, 1000)
    t0 = time.perf_counter()
    pdf = render_pdf(big)
    seconds = time.perf_counter() - t0
    assert seconds < 60, f"{seconds:.1f} s"  # 30 s is the requirement (benchmarks/render_bench.py)
    text = _pdf_text(pdf, tmp_path)
    pages = text.count("\f")
    assert 20 <= pages <= 150, pages
    assert f"page 1 of {pages}" in text
    flat = " ".join(text.split())
    assert "Printed copy within a size budget" in flat
    assert "the other 900 are one line each in compact form" in flat
    assert "1000 claims: see audit.html / audit.json" in flat
    assert big.findings[-1].fingerprint in flat  # the last finding is listed, compactly


def test_pdf_is_deterministic(sample: Report, sample_pdf: bytes) -> None:
    from iicheck.render.pdf import render_pdf
    assert render_pdf(sample) == sample_pdf


def test_pdf_never_fetches(sample: Report) -> None:
    from iicheck.render.html import render_html
    from iicheck.render.pdf import FetchRefused, RefusingFetcher, html_to_pdf
    fetcher = RefusingFetcher()
    assert html_to_pdf(render_html(_hostile(sample)), fetcher).startswith(b"%PDF")
    assert fetcher.refused == []  # escaped text: nothing even asked for
    raw = '<p>x</p><img src="http://example.invalid/a.png"><link rel=stylesheet href="https://example.invalid/s.css">'
    assert html_to_pdf(raw, fetcher).startswith(b"%PDF")
    assert any(u.startswith("http://example.invalid") for u in fetcher.refused)
    with pytest.raises(FetchRefused):
        fetcher("http://example.invalid/")


def test_the_fetcher_serves_the_bundled_fonts_and_nothing_else_of_the_package() -> None:
    from iicheck.render.pdf import FONT_URLS, FONTS, FetchRefused, RefusingFetcher
    fetcher = RefusingFetcher()
    assert len(FONT_URLS) == 3
    for url in FONT_URLS:
        assert fetcher(url).read() == (FONTS / url.rsplit("/", 1)[1]).read_bytes()
    others = [(FONTS / "OFL.txt").as_uri(), (FONTS / "../render/pdf.py").as_uri(),
              next(iter(FONT_URLS)) + "?x", "file:///etc/passwd"]
    for url in others:
        with pytest.raises(FetchRefused):
            fetcher(url)
    assert fetcher.refused == others


FONTLESS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{cache}</cachedir></fontconfig>
"""


def test_the_pdf_is_set_in_the_bundled_face_whether_or_not_the_system_has_it(tmp_path: Path) -> None:
    """A machine without Liberation fonts (fontconfig sees DejaVu only, as on a new Debian
    machine of the project's kind) lays the PDF out in the bundled Liberation Sans, byte for
    byte as a machine that has them: the committed reports/audit.pdf is reproducible."""
    from iicheck.render.pdf import html_to_pdf
    html = ('<p>Sans <b>bold</b> <em>italic</em> <code>mono</code></p><svg xmlns="http://www.w3.org/2000/svg" '
            'width="200" height="40" font-family="\'Liberation Sans\', sans-serif"><text x="5" y="20">axis</text></svg>'
            '<style>p { font: 10pt "Liberation Sans", sans-serif; } code { font-family: "DejaVu Sans Mono"; }</style>')
    conf = tmp_path / "fonts.conf"
    conf.write_text(FONTLESS.format(cache=tmp_path / "cache"), encoding="utf-8")
    script = ("import sys; from iicheck.render.pdf import html_to_pdf; "
              "sys.stdout.buffer.write(html_to_pdf(sys.stdin.read()))")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
    listed = subprocess.run(["fc-list"], env=env, capture_output=True, text=True).stdout \
        if shutil.which("fc-list") else ""
    assert "Liberation" not in listed
    bare = subprocess.run([sys.executable, "-c", script], input=html.encode(), env=env,
                          capture_output=True, check=True).stdout
    assert bare == html_to_pdf(html)
    objects = bare + b"".join(zlib.decompress(m) for m in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", bare, re.S)
                              if m[:1] == b"x")  # the object streams, where the font names are
    names = set(re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([\w-]+)", objects))
    assert {b"Liberation-Sans", b"Liberation-Sans-Bold", b"Liberation-Sans-Italic"} <= names, names


if __name__ == "__main__":
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    FIXTURE.write_text(_dump(build_sample_report()), encoding="utf-8")
    print(f"wrote {FIXTURE.relative_to(ROOT)}")


def test_a_finding_with_many_places_quotes_a_few_and_lists_the_rest(sample: Report, tmp_path: Path) -> None:
    """A paragraph repeated 40 times is one finding with 40 pieces of evidence. Print quotes
    PRINT.quoted of them, stacked (side by side they were 40 columns a word wide: a 100 KB
    source took 115 s and 136 pages), the screen SCREEN.quoted; both list the next places and
    count the rest."""
    from iicheck.render.html import PRINT, SCREEN, render_html, render_print_html
    from iicheck.render.pdf import html_to_pdf

    base = next(f for f in sample.findings if f.evidence)
    places = [e.model_copy(update={"line": 100 + k}) for k in range(40) for e in base.evidence[:1]]
    many = base.model_copy(update={"kind": "duplicate_text", "evidence": tuple(places), "fingerprint": "f" * 20})
    report = sample.model_copy(update={"findings": (many,)})
    for render, budget in ((render_print_html, PRINT), (render_html, SCREEN)):
        html = render(report)
        card = html[html.index('id="finding-' + "f" * 20):]
        card = card[:card.index("</article>")]
        assert card.count('<div class="ev">') == budget.quoted
        assert f'<div class="evidence n{budget.quoted}">' in card
        listed = [f":{100 + k}" for k in range(budget.quoted, min(40, budget.quoted + budget.places))]
        assert f"{40 - budget.quoted} more not quoted: " in card and all(p in card for p in listed)
        beyond = 40 - budget.quoted - budget.places
        assert (f", and {beyond} more</p>" in card) == (beyond > 0)  # print: the last 4 counted only
        assert (":139</p>" in card) == (beyond <= 0)  # the last place listed only when all fit
    pdf = html_to_pdf(render_print_html(report))
    pages = _pdf_text(pdf, tmp_path).count("\f")
    assert pages <= 12, pages  # stacked quotes, not 40 narrow columns


# --- layout: wrapping, narrow screens, timeline labels and axes (review of the report layout) ---

def _css_rules(html: str) -> dict[str, str]:
    """Selector text -> declarations, for every rule in the embedded stylesheet (any media)."""
    css = re.search(r"<style>(.*?)</style>", html, flags=re.S).group(1)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return {sel.strip(): body for sel, body in re.findall(r"([^{}@]+)\{([^{}]*)\}", css)}


def _rule_for(rules: dict[str, str], selector: str, prop: str) -> str | None:
    for sel, body in rules.items():
        if selector in [s.strip() for s in sel.split(",")]:
            m = re.search(rf"(?:^|;|\s){re.escape(prop)}\s*:\s*([^;]+)", body)
            if m:
                return m.group(1).strip()
    return None


def test_long_tokens_wrap_inside_their_boxes(sample_html: str) -> None:
    rules = _css_rules(sample_html)
    for selector in (".why", ".ev-fig", ".loc", ".fp", ".fline", "table.claims td"):
        assert _rule_for(rules, selector, "overflow-wrap") == "anywhere", selector
    # the print claims table has fixed columns in which the interval may wrap
    assert _rule_for(rules, "table.claims td.num", "white-space") == "normal"
    assert _rule_for(rules, ".ev", "min-width") == "0"  # a grid item may shrink below its text


def test_wide_tables_scroll_in_their_own_box(sample: Report) -> None:
    from iicheck.render.html import render_html
    html = render_html(sample)
    rules = _css_rules(html)
    assert _rule_for(rules, ".scroll", "overflow-x") == "auto"
    assert re.search(r'<div class="scroll"><table class="claims compact">', html)
    assert re.search(r'<div class="scroll"><table class="compact unmapped">', html)
    narrow = re.search(r"@media screen and \(max-width: 640px\) \{(.*?)\n\}", html, flags=re.S)
    assert narrow and "svg.timeline { min-width" in narrow.group(1)
    assert "table.claims { min-width" in narrow.group(1)


def test_print_headings_keep_with_what_follows(sample_html: str) -> None:
    rules = _css_rules(sample_html)
    for selector in (".lede", ".scorecard .meta", ".compact-head"):
        assert _rule_for(rules, selector, "break-after") == "avoid", selector


def test_right_to_left_quotes_get_their_direction() -> None:
    from iicheck.render.html import text_direction
    assert text_direction(("في عام 2020 كان هناك ", "70", " منصة.")) == "rtl"
    assert text_direction(("2020 בשנת ", "70", "")) == "rtl"  # digits are weak: Hebrew decides
    assert text_direction(("By 2020, ", "70", " platforms")) == "auto"
    assert text_direction("") == "auto"


def test_log_axis_ticks_show_significant_digits() -> None:
    from iicheck.render.chart_axes import fmt_value, value_scale
    scale = value_scale([0.0001], [4e7], (276, 14))
    labels = [text for _, text in scale.ticks]
    assert "0" not in labels and len(labels) == len(set(labels))
    assert labels[0] == "0.0001"
    assert fmt_value(0.004) == "0.004" and fmt_value(0.0041234) == "0.00412"
    assert fmt_value(1.5) == "1.5" and fmt_value(2_500_000) == "2.5 M"


def test_log_axis_adds_2_and_5_ticks_when_a_decade_has_room() -> None:
    from iicheck.render.chart_axes import value_scale
    crowded = value_scale([50], [5000], (276, 14))  # about 110 px a decade
    assert [v for v, _ in crowded.ticks] == [50, 100, 200, 500, 1000, 2000, 5000]
    wide = value_scale([0.5], [1e18], (276, 14))  # 19 decades in 262 px: decades only, thinned
    values = [v for v, _ in wide.ticks]
    assert all(math.log10(v) == int(math.log10(v)) for v in values)
    pixels = [wide(v) for v in values]
    assert min(abs(a - b) for a, b in zip(pixels, pixels[1:])) >= 20  # labels do not touch


def _svg_boxes(svg: str) -> tuple[list[tuple[float, float, float, float]], list[tuple[float, float, str]]]:
    rects = [tuple(float(m.group(k)) for k in ("x", "y", "w", "h")) for m in re.finditer(
        r'<g class="mark">(?:<title>.*?</title>)?<rect x="(?P<x>[\d.-]+)" y="(?P<y>[\d.-]+)" '
        r'width="(?P<w>[\d.-]+)" height="(?P<h>[\d.-]+)"', svg)]
    texts = [(float(m.group(1)), float(m.group(2)), m.group(3)) for m in re.finditer(
        r'<text x="([\d.-]+)" y="([\d.-]+)" text-anchor="start" class="lbl"[^>]*>([^<]*)</text>', svg)]
    return rects, texts  # type: ignore[return-value]


def test_timeline_labels_never_sit_on_a_thin_bar(sample: Report) -> None:
    from iicheck.render.timeline_svg import timeline_svg
    base = next(c for c in sample.claims if c.time.known and c.metric)
    exact = [base.model_copy(update={"id": f"e{i}", "figure": f"{v:,}", "value": base.value.model_copy(
        update={"low": float(v), "high": float(v), "stated": float(v)})}) for i, v in enumerate((5, 5, 169))]
    wider = exact[1].model_copy(update={"time": TimeWindow(start=date(2019, 1, 1), end=date(2022, 12, 31),
                                                           basis="explicit")})
    svg = str(timeline_svg("m", [exact[0], wider, exact[2]]))
    rects, texts = _svg_boxes(svg)
    thin = [r for r in rects if r[3] <= 4]
    assert len(thin) == 3 and len(texts) == 3
    for tx, ty, label in texts:
        top, bottom = ty - 9, ty + 2  # an 11 px label's ink around its baseline
        for x, y, w, h in thin:
            across = tx < x + w and x < tx + 6.8 * len(label)
            assert not (across and top < y + h and y < bottom), (label, (x, y, w, h))


def test_timeline_labels_shorten_long_source_names(sample: Report) -> None:
    from iicheck.render.timeline_svg import LABEL_CHARS, timeline_svg
    base = next(c for c in sample.claims if c.time.known and c.metric)
    long_name = "industrial_internet_platforms_connected_equipment_report_" * 4
    svg = str(timeline_svg("m", [base.model_copy(update={"source": long_name})]))
    _, texts = _svg_boxes(svg)
    assert texts and all(len(label) <= 2 * LABEL_CHARS + 3 for _, _, label in texts)
    assert "…" in texts[0][2] and long_name in svg  # the full name stays in the hover text


@pytest.mark.parametrize("excluded, words", [(("off_topic", "boilerplate"), "figures in them are not compared"),
                                             (("off_topic",), "figures in them are still compared")])
def test_page_boilerplate_is_one_table_per_scorecard(sample: Report, excluded: tuple[str, ...], words: str) -> None:
    """A scraped page has many furniture lines: one row each in its source's scorecard (the
    pattern, the line struck through, its line number), not a card each."""
    from iicheck.models import SettingUsed
    from iicheck.render.html import render_html
    nav = _finding("boilerplate", "info", "'Nav Search' in source 003 is page boilerplate.",
                   [_evidence("003", "Nav Search")], details={"pattern": "nav_line", "occurrences": 1})
    others = tuple(f for f in sample.findings if f.kind != "boilerplate")
    rules = sample.rules.model_copy(update={"settings": sample.rules.settings + (
        SettingUsed(file="quality.yaml", key="exclude_claims_in", value=excluded),)})
    html = render_html(sample.model_copy(update={"findings": others + (nav,), "rules": rules}))
    card = html[html.index('<section class="scorecard" id="source-003"'):]
    card = card[:card.index("</section>")]
    assert "Page boilerplate (1 line, one row each)" in card and words in card
    row = card[card.index(f'<tr id="finding-{nav.fingerprint}">'):]
    assert row.startswith(f'<tr id="finding-{nav.fingerprint}"><td class="fig">nav_line</td>')
    assert "<del>Nav Search</del>" in row and '<td class="loc">line ' in row
    assert html.count(f'id="finding-{nav.fingerprint}"') == 1 and '<article class="finding sev-info' not in card


def test_the_boilerplate_table_names_every_built_in_rule(sample: Report) -> None:
    """The scorecard's boilerplate table names the built-in rules from the code's own list (it
    named four of five once a rule was added)."""
    from iicheck.render.html import render_html
    from iicheck.ruleset.models import BUILTIN_BOILERPLATE
    nav = _finding("boilerplate", "info", "'Nav Search' in source 003 is page boilerplate.",
                   [_evidence("003", "Nav Search")], details={"pattern": "nav_line", "occurrences": 1})
    html = render_html(sample.model_copy(update={"findings": sample.findings + (nav,)}))
    named = ", ".join(f"<code>{rule}</code>" for rule in BUILTIN_BOILERPLATE)
    assert f"a built-in rule ({named}) matches" in html


def test_a_scorecard_names_the_figure_findings_of_its_source(sample: Report, sample_html: str) -> None:
    """A report review: a source whose figure was part of an error showed "Quality findings 0
    ... Quality score 100" and nothing else, so an editor trusted exactly the wrong source."""
    figure_kinds = {"contradiction", "regression", "implausible_growth", "exceeds_parent", "out_of_range", "undated"}
    involved = {e.source for f in sample.findings if f.kind in figure_kinds for e in f.evidence}
    assert involved
    for source in sample.sources:
        card = sample_html.split(f'<section class="scorecard" id="source-{source.id}">', 1)[1].split("</dl>", 1)[0]
        row = card.split("<dt>Figure findings</dt>", 1)[1]
        if source.id in involved:
            assert re.search(r'<a href="#finding-[0-9a-f]+(?:-\d+)?">(?:ERROR|WARNING|INFO) ', row), row
        else:
            assert row.startswith("<dd>none")
