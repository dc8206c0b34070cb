"""off_topic — a sentence, or the spliced tail of one, that does not belong to its source.

Flags: spam or a second page mixed in by a scraper, found by ``quality.offtopic.find_off_topic``
(lexical coherence: the weighted share of a sentence's words that the rest of its document
uses; see that module for the scoring). Each source's body sentences are the document; the
other sources' body sentences are the corpus that weights words; ``topic_terms`` of
rules/quality.yaml count as on-topic. Headings are not examined. Figures inside a flagged
span are left out of the consistency checks.
The evidence highlights the flagged span: the whole sentence, or the tail from the splice
point. The message gives the score (the sentence's support relative to its document's mean:
about 1 is typical, lower = more off-topic) and the words
that decided (the sentence's words the document uses nowhere else).
Fires when: the detector, with its default ``OffTopicParams``, reports a hit — a sentence whose
shrunk support is below ``threshold``, or a tail at most ``tail_threshold`` behind an on-topic
head ("... as the main line, China's auto production and sales remain far ahead.").
Does not fire when: the source has fewer than 5 body sentences; the sentence reuses the
document's vocabulary (a digression in meaning that shares words is missed: the detector is
lexical); more hits than the cap (below) — only the lowest-scored are kept.
Options: ``off_topic_max_per_1000_words`` in rules/quality.yaml (default 2): at most
``max(1, floor(words * value / 1000))`` findings per source, on top of the detector's own cap;
``topic_terms``.
Example: "The backbone outside the enterprise is not very different from ordinary plastics in
appearance." inside an article on industrial networks.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..findings import fingerprint, sentence_evidence
from ..models import Finding, Sentence, Severity
from ..quality.offtopic import CorpusStats, OffTopicHit, OffTopicParams, corpus_stats, find_off_topic
from ..quality.offtopic_prepare import PreparedDoc, prepare_document
from ..ruleset import Ruleset
from .corpus import Corpus, DocMap, serial_map

KIND = "off_topic"
DEFAULT_SEVERITY: Severity = "warning"


def body_sentences(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences the detector reads (headings, bylines and other lines are not examined)."""
    return [s for s in sentences if s.kind == "body"]


def prepare_source(sentences: Sequence[Sentence]) -> PreparedDoc:
    """The detector's per-document preparation of a source (run in the per-document map)."""
    return prepare_document([s.text for s in body_sentences(sentences)])


_Shared = tuple[tuple[PreparedDoc, ...], CorpusStats, tuple[str, ...]]


def _score(shared: _Shared, index: int) -> list[OffTopicHit]:
    """Hits in document `index` against the corpus statistics (one task of the document map)."""
    prepared, stats, topic = shared
    return find_off_topic(prepared[index], stats, topic, OffTopicParams(), own_index=index)


def check(corpus: Corpus, rules: Ruleset, map_docs: DocMap = serial_map) -> Iterator[Finding]:
    """`map_docs` runs the per-document scoring (the engine passes a process pool's)."""
    order = sorted(corpus.sentences)
    body = [body_sentences(corpus.sentences[source]) for source in order]
    prepared = tuple(corpus.prepared.get(source) or prepare_document([s.text for s in sentences])
                     for source, sentences in zip(order, body))
    stats = corpus_stats(prepared)  # once: O(corpus)
    topic = tuple(rules.quality.topic_terms)
    per_1000 = rules.quality.off_topic_max_per_1000_words
    all_hits = map_docs(_score, (prepared, stats, topic), len(order))
    for source, sentences, hits in zip(order, body, all_hits, strict=True):
        words = sum(len(s.text.split()) for s in sentences)
        cap = max(1, int(words * per_1000 / 1000))
        hits = sorted(sorted(hits, key=lambda h: (h.score, h.sentence_index))[:cap],
                      key=lambda h: h.sentence_index)
        for hit in hits:
            sentence = sentences[hit.sentence_index]
            span = sentence.text[hit.start:hit.end]
            what = "This sentence" if hit.part == "sentence" else "The end of this sentence"
            deciding = ", ".join(hit.words[:8]) or "-"
            yield Finding(
                kind=KIND, severity=DEFAULT_SEVERITY,
                message=(f"{what} looks foreign to source {source} (score {hit.score:.2f}, lower is "
                         f"more off-topic; words not used elsewhere in the text: {deciding}). "
                         f"{hit.reason} Its figures are not compared."),
                evidence=(sentence_evidence(sentence, hit.start, hit.end),),
                fingerprint=fingerprint(KIND, None, None, [source], [span], extra=hit.part),
                details={"score": hit.score, "part": hit.part, "words": " ".join(hit.words)},
            )
