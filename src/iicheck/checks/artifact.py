"""artifact — tokens that are not language: scraper codes, stray markup, mojibake.

Flags: text pasted in by a scraper or a broken pipeline rather than written by an author:
product or tracking codes ("D201138L"), markup (``<div>``, ``&nbsp;``, ``[caption]``),
mis-decoded characters ("â€™", "Ã©", U+FFFD) and control characters, found by the
built-in detectors below plus every pattern in ``artifacts`` of rules/quality.yaml.
One finding per distinct token per source, with every occurrence as evidence (the token is
highlighted in each sentence, so an editor sees each place to clean), up to 20 places; the
message gives the full count.
Built-in detectors: ``code``: a whole token of 1-3 capitals, 5 or more digits, 0-3
capitals (``[A-Z]{1,3}[0-9]{5,}[A-Z]{0,3}``) — deliberately tight, so "5G", "COVID-19",
"ISO9001", "ICTs", "PLCs" never match — or a code glued to the end of a word or sentence with
no space: that form, or three or four capitals and two to four hyphenated parts with a digit
("machinesNKH-PV40-EN", "one full kettle.KTL-DSC-04"; a hyphenated code set apart,
"SARS-CoV-2", "IEC-62443-3-3", is text); ``markup``: an HTML/XML tag, an HTML entity or a
WordPress-style shortcode; ``mojibake``: UTF-8 read as Latin-1/CP1252 ("â€™", "â‚¬", "Ã©",
"Ã‰", "ä¸­å›½" for 中国, "ï¼Œ" for ，, "Â" and a continuation character; a run is one token) or
the replacement character; ``tracking``: a link's
tracking parameters ("?utm_source=...&utm_medium=...", "fbclid="); ``script``: web-page
script code ("window.dataLayer = ...", "function gtag(){...}"); ``control``: C0 control
characters other than tab and newline; ``placeholder``: an unfilled placeholder ("{{film.certificate}}",
"{% if ... %}") or a script's object printed as text ("[object Object]"); ``pdf_debris``: glyphs
a PDF's text extraction could not map ("(cid:131)", private-use characters such as U+F0B7);
``file_name``: a camera or screenshot file name ("IMG_4471.JPG", "DSC01234.jpg").
Fires when: "D201138L Since the in-depth implementation ..." (5 times in one source: one
finding, 5 evidence sentences); "the plan&nbsp;was issued"; "China’s".
Does not fire when: the token is an ordinary acronym or model name with few digits ("5G",
"4.0", "B2B", "ISO9001"); a code the sentence names as a number, model or code just before it
("catalogue numbers MX450123 and MX450124"); a "<" is a comparison ("< 5%").
Options: ``artifacts: [{id, pattern, description}]`` in rules/quality.yaml (RE2, matched
inside each sentence; the match is the token); ``checks`` cannot switch it off per metric
because it concerns sources, not metrics.
Example: rules/quality.yaml ``artifacts: [{id: sku, pattern: "SKU-[0-9]{6}", description: catalogue numbers}]``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from ..findings import fingerprint, quoted, sentence_evidence
from ..models import Finding, Sentence, Severity
from ..ruleset import Ruleset
from ..ruleset.patterns import any_match
from .corpus import Corpus, SourceDoc, each_source

KIND = "artifact"
DEFAULT_SEVERITY: Severity = "warning"
MAX_EVIDENCE = 20

_CONTINUATION = ("\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
                 "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153"
                 "\u017e\u0178")
"""What a UTF-8 continuation byte (0x80-0xBF) becomes when read as CP1252 (the bytes 0x80-0x9F
its own characters, "€" for 0x80, "‰" for 0x89, ...; undefined ones kept as C1 controls) or
as Latin-1: after "Ã" (0xC3) it was an accented letter ("Ã©" é, "Ã‰" É); after one of "à"-"ï"
(0xE0-0xEF, the lead of a three-byte character) and two of them, a character such as "€"
("â‚¬"), a curly quote ("â€™"), full-width punctuation ("ï¼Œ" ，, "ã€‚" 。) or, two or more in a
row, Chinese characters ("ä¸­å›½å·¥ä¸šäº’è”ç½‘", 中国工业互联网; a byte CP1252 leaves undefined
may be lost, "è”" for 联). A run is one token. One accented vowel before two such characters
is French, not mojibake ("café…” he said")."""
_C = _CONTINUATION

# Fixed, linear-time patterns (no nested quantifiers); user patterns go through RE2. The code
# detector checks its look-behind after the first capital (the same matches as checking it
# before) so that the regex engine can skip ahead to capitals instead of trying every position.
BUILTIN: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("code", re.compile(r"[A-Z](?:(?<![\w-][A-Z])[A-Z]{0,2}[0-9]{5,}[A-Z]{0,3}"
                        r"|(?<=[a-z.,;:!?)][A-Z])(?:[A-Z]{0,2}[0-9]{5,}[A-Z]{0,3}"
                        r"|[A-Z]{2,3}(?=[A-Z0-9-]{0,30}[0-9])(?:-[A-Z0-9]{1,6}){2,4}))(?![\w-])"),
     "a product or scraper code pasted into the text"),
    ("markup", re.compile(r"</?[A-Za-z][A-Za-z0-9]{0,15}(?:\s[^<>\n]{0,200})?/?>"
                          r"|&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"
                          r"|\[/?(?:caption|gallery|embed|video|audio|img|url)\b[^\]\n]{0,200}\]"),
     "markup left over from the web page"),
    ("mojibake", re.compile(f"(?:â€[{_C}]?|[âãï][{_C}]{{2}}|[ä-é][{_C}]{{2}}(?:[ã-ï][{_C}]{{1,2}})+|Ã[{_C}]"
                            f"|Â[\u00a0-\u00bf])+|\ufffd"),
     "mis-decoded characters (UTF-8 read as Latin-1/CP1252)"),
    ("tracking", re.compile(r"[?&](?:utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_[ce]id|_ga)=[^\s&#]*(?:&[A-Za-z_]+=[^\s&#]*)*"),
     "the tracking parameters of a link (utm_..., fbclid)"),
    ("script", re.compile(r"\b(?:window|document)\.[a-z_$][\w$]*\s*(?:=|\()[^\n]{0,200}"
                          r"|\bfunction\s*[A-Za-z_$]*\s*\([^()\n]{0,80}\)\s*\{[^\n]{0,200}"),
     "web-page script code"),
    ("control", re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"), "invisible control characters"),
    ("placeholder", re.compile(r"\{\{[^{}\n]{1,80}\}\}|\{%[^%\n]{1,80}%\}|\[object [A-Z][A-Za-z]{1,30}\]"),
     "an unfilled template placeholder or a script's value printed as text"),
    ("pdf_debris", re.compile("\\(cid:[0-9]{1,5}\\)|[\ue000-\uf8ff]+"),
     "glyphs a PDF's text extraction could not map (glyph ids, private-use characters)"),
    ("file_name", re.compile(r"(?<![\w-])(?:IMG|img|Img|DSC[NF]?|PXL|pxl|DCIM|[Ss]creenshot)[_-]?"
                             r"[0-9][0-9_-]{2,20}\.(?i:jpe?g|png|heic|gif|tiff?|webp)(?![\w-])"),
     "a camera or screenshot file name left from the page's images"),
)
def _holds_one_of(*parts: str) -> Callable[[str], bool]:
    """A test that a text holds one of `parts` (plain substring tests)."""
    return lambda text: any(part in text for part in parts)


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_IMAGE_SUFFIX = re.compile(r"\.(?i:jpe?g|png|heic|gif|tiff?|webp)(?![\w-])")
_MAY_MATCH: dict[str, Callable[[str], object]] = {
    "markup": _holds_one_of(*"<&["),
    "mojibake": _holds_one_of(*"âãäåæçèéïÃÂ\ufffd"),
    "tracking": _holds_one_of("utm_", "clid=", "mc_cid=", "mc_eid=", "_ga="),
    "script": _holds_one_of("window.", "document.", "{"),
    "control": _holds_one_of(*map(chr, (*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f))),
    "placeholder": _holds_one_of("{{", "{%", "[object "),
    "pdf_debris": lambda text: "(cid:" in text or _PRIVATE_USE.search(text),
    "file_name": _IMAGE_SUFFIX.search,
}
"""Whether a text holds a part every match of a detector holds: if not, the detector is not
run. Substring tests where a few strings do (much cheaper than a regex scan); a regex re scans
fast (a literal first, or one character class) where they are too many to list (private-use
characters) or too common ("dsc" of "landscape"), the detector's own pattern being several
times slower to scan."""

_NAMED_CODE = re.compile(r"(?i)\b(?:(?:(?:catalog(?:ue)?|part|serial|item|model|lot|batch|reference|registration|product)"
                         r"\s+)?(?:numbers?|nos?\.)|model|sku|serial|ids?|identifiers?|catalog(?:ue)?|ref\.|reference)"
                         r"\s*[:#]?\s*"
                         r"(?:[A-Z]{1,3}[0-9]{3,}[A-Z]{0,3}\s*(?:,|and|or|&)\s*)*$")
"""Right before a ``code`` match (or before a list of codes ending with it): the author names
it as a number, model, reference or identifier ("catalogue numbers MX450123 and MX450124",
"model XR20001", "Identifier: NCT05518344", "HMRC reference CH41877"), so it is text, not debris. "a number of pilot D201138L
demonstration projects", "business models D201138L" and "identification codes D201138L" are
not naming."""

_REGISTRY = re.compile(r"(?i)\b(?:registered|registration|charity|company\s+(?:no|number))\b")


def _registered(text: str, start: int, end: int) -> bool:
    """A code in brackets in a registration notice: "a registered charity in England and Wales
    (1093356) and Scotland (SC047211)": the register's number, text."""
    return (start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")"
            and _REGISTRY.search(text, max(0, start - 120), start) is not None)


Hit = tuple[str, str, int, int]
"""(detector id, description, start, end) of a match within a sentence."""


def _builtin_hits(doc: SourceDoc) -> dict[int, list[Hit]]:
    """The built-in detectors' matches in each sentence (by position in the document), in
    detector order, then text order. Each detector scans `doc.joined` once; that finds exactly
    the per-sentence matches (a newline is not part of any match) unless a match runs across a
    newline into the next sentence: then each sentence is scanned alone."""
    found: dict[int, list[Hit]] = {}
    for rule_id, pattern, description in BUILTIN:
        may_match = _MAY_MATCH.get(rule_id)
        if may_match is not None and not may_match(doc.joined):
            continue
        for m in pattern.finditer(doc.joined):
            place = doc.in_sentence(m.start(), m.end())
            if place is None:
                return _builtin_hits_by_sentence([s.text for s in doc.sentences])
            k, start, end = place
            found.setdefault(k, []).append((rule_id, description, start, end))
    return found


def _builtin_hits_by_sentence(texts: list[str]) -> dict[int, list[Hit]]:
    """As _builtin_hits, each sentence scanned alone."""
    found: dict[int, list[Hit]] = {}
    for k, text in enumerate(texts):
        for rule_id, pattern, description in BUILTIN:
            for m in pattern.finditer(text):
                found.setdefault(k, []).append((rule_id, description, m.start(), m.end()))
    return found


def _user_hits(sentence: Sentence, rules: Ruleset) -> Iterator[Hit]:
    """The matches of the rules' ``artifacts`` patterns within the sentence."""
    text = sentence.text
    if not any_match(rules.artifact_patterns, text):
        return
    descriptions = {p.id: p.description for p in rules.quality.artifacts}
    for user in rules.artifact_patterns:
        for start, end in user.finditer(text):
            if end > start:
                yield user.id, descriptions.get(user.id, user.id), start, end


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_source(check_source, corpus, rules)


def check_source(doc: SourceDoc, rules: Ruleset) -> Iterator[Finding]:
    source = doc.id
    groups: dict[tuple[str, str], list[tuple[Sentence, int, int]]] = {}
    described: dict[tuple[str, str], str] = {}
    builtin = _builtin_hits(doc)
    # without user patterns, only the sentences with a built-in match need a look
    for k in range(len(doc.sentences)) if rules.artifact_patterns else sorted(builtin):
        sentence = doc.sentences[k]
        hits: Iterable[Hit] = builtin.get(k, ())
        if rules.artifact_patterns:
            hits = itertools.chain(hits, _user_hits(sentence, rules))
        seen: set[tuple[int, int]] = set()
        for rule_id, description, start, end in hits:
            if (start, end) in seen:  # a user pattern repeating a built-in one
                continue
            if rule_id == "code" and (_NAMED_CODE.search(sentence.text, max(0, start - 60), start)
                                      or _registered(sentence.text, start, end)):
                continue
            seen.add((start, end))
            key = (rule_id, sentence.text[start:end])
            groups.setdefault(key, []).append((sentence, start, end))
            described.setdefault(key, description)
    for (rule_id, token), found in groups.items():
        shown = found[:MAX_EVIDENCE]
        more = f" ({len(found) - len(shown)} more not shown)" if len(found) > len(shown) else ""
        times = "once" if len(found) == 1 else f"{len(found)} times"
        yield Finding(
            kind=KIND, severity=DEFAULT_SEVERITY,
            message=(f"{quoted(token, as_repr=True)} appears {times} in source {source}: {described[(rule_id, token)]} "
                     f"({rule_id}), not part of the author's text. Remove it before quoting{more}."),
            evidence=tuple(sentence_evidence(*place) for place in shown),
            fingerprint=fingerprint(KIND, None, None, [source], [], extra=f"{rule_id}:{token}"),
            details={"pattern": rule_id, "token": token, "occurrences": len(found)},
        )
