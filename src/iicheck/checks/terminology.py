"""terminology — a variant or mistranslated term where the field has a preferred one.

Flags: each variant listed under ``terminology`` in rules/quality.yaml that a source uses,
e.g. "logo analysis" or "sign construction" (machine translations of 标识解析) where the
preferred term is "identifier resolution", or "industrial interconnection" for "industrial
internet". One finding per variant per source; the first 5 occurrences are evidence (the
variant highlighted), the message gives the total.
Fires when: "five logo analysis public service nodes"; "The integration of sign
construction, application and management".
Does not fire when: the words occur apart or inside longer words (matching is whole-word,
case-insensitive, any whitespace between words); only the listed phrases match, so a
generic word such as "sign" alone never fires unless a rule lists it.
Options: ``terminology: [{preferred, variants: [...]}]`` in rules/quality.yaml.
Example: ``{preferred: identifier resolution, variants: [logo analysis, sign construction]}``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import fingerprint, sentence_evidence
from ..models import Evidence, Finding, Severity
from ..ruleset import Ruleset, phrase_regex
from .corpus import Corpus, SourceDoc, each_source

KIND = "terminology"
DEFAULT_SEVERITY: Severity = "info"
MAX_EVIDENCE = 5


def check(corpus: Corpus, rules: Ruleset) -> Iterator[Finding]:
    yield from each_source(check_source, corpus, rules)


def check_source(doc: SourceDoc, rules: Ruleset) -> Iterator[Finding]:
    terms = [(term.preferred, variant, phrase_regex([variant]))
             for term in rules.quality.terminology for variant in term.variants
             if variant.strip().lower() != term.preferred.strip().lower()]
    source = doc.id
    for preferred, variant, regex in terms:
        evidence: list[Evidence] = []
        count = 0
        for sentence in doc.sentences:
            for m in regex.finditer(sentence.text):
                count += 1
                if len(evidence) < MAX_EVIDENCE:
                    evidence.append(sentence_evidence(sentence, m.start(), m.end()))
        if not count:
            continue
        times = "once" if count == 1 else f"{count} times"
        more = f"; the first {MAX_EVIDENCE} are shown" if count > MAX_EVIDENCE else ""
        yield Finding(
            kind=KIND, severity=DEFAULT_SEVERITY,
            message=(f"Source {source} uses \u201c{variant}\u201d {times}{more}: a variant or "
                     f"mistranslation of \u201c{preferred}\u201d. Read it as \u201c{preferred}\u201d "
                     f"and use the preferred term when quoting."),
            evidence=tuple(evidence),
            fingerprint=fingerprint(KIND, None, None, [source], [],
                                    extra=f"{variant.lower()}->{preferred.lower()}"),
            details={"variant": variant, "preferred": preferred, "occurrences": count},
        )
