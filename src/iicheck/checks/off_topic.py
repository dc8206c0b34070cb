"""off_topic — a sentence, or the spliced tail of one, that does not belong to its source.

Flags: spam or a second page mixed in by a scraper. Two detectors, the same findings:
* lexical (default, no model): ``quality.offtopic.find_off_topic`` — the weighted share of a
  sentence's words that the rest of its document (and similar corpus documents) uses, with
  TF-IDF weights over the audited corpus; score = that support relative to the document's
  mean (about 1 is typical);
* semantic (``--semantic``, the optional extra ``iicheck[semantic]``):
  ``quality.offtopic_semantic.find_off_topic_semantic`` — all-MiniLM-L6-v2 sentence
  embeddings; score = similarity to the rest of the document (leave-one-out centroid and
  nearest sentences), tails scored against the document and their own head; the sentence
  whose last five words are furthest from the document is also cut at word boundaries
  (splices without punctuation). Measured on benchmarks/offtopic: cross-validated F1 0.88
  and splice recall 0.70 (6/20 splices without punctuation) against 0.68 / 0.55 (1/20) for
  the lexical mode.
Each source's body sentences are the document (headings are not examined); ``topic_terms``
of rules/quality.yaml count as on-topic for the lexical mode. Figures inside a flagged span
are left out of the consistency checks (by default: see ``exclude_claims_in`` below). The evidence highlights the flagged span: the whole
sentence, or the tail from the splice point. The message gives the mode, the score (lower =
more off-topic), the words that decided (the span's words the rest of the document never
uses) and the detector's reason.
Fires when: the detector reports a hit with its default parameters — a sentence scoring
below its threshold ("My grandmother bakes an apple pie with cinnamon, butter and brown sugar
every autumn." in an article on factory platforms), or a tail far below an on-topic head
("Engineers use the machine data on the platform to plan maintenance, the striker scored
twice before halftime and the supporters sang loudly.").
Severity: warning; info in the lexical mode when no document of the audit is closely related
to the source (its nearest have a mean word similarity under 0.15, ``RELATED_MIN``): the
judgment then rests on the source's own words, and on the benchmark such hits were right 19
times in 32 against 25 in 26 (a source audited alone is always such a case). The message says
so and ``details.related`` gives the similarity.
Does not fire when: the source has fewer than 5 body sentences; the sentence is short or
mostly figures and codes; in the lexical mode, the sentence reuses the document's vocabulary
(a digression in meaning that shares words is missed); a tail continues its head's clause
("..., which ...", "..., said ..."); more hits than the caps (below) — the lowest scores are
kept.
Options: ``off_topic_max_per_1000_words`` in rules/quality.yaml (default 2): at most
``max(1, floor(words * value / 1000))`` findings per source, on top of the detector's own
cap; ``topic_terms``; ``--semantic`` or ``semantic = true`` in [tool.iicheck].
``exclude_claims_in`` in rules/quality.yaml (default ``[off_topic, boilerplate]``): without
``off_topic``, the figures of flagged sentences are compared like any other (for sources in
which the detector flags genuine sentences), and the message says so.
Example: the inserted pie sentence above, reported with its score and the words no other
sentence of the article uses (cinnamon, butter, sugar, ...). Known misses: the two real
insertions in seed 004 ("The backbone outside the enterprise is not very different from
ordinary plastics in appearance.", where the spam follows on-topic words without punctuation,
and "..., China's auto production and sales remain far ahead.") score above both modes'
thresholds.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..findings import fingerprint, quoted, span_evidence
from ..models import Finding, Sentence, Severity
from ..quality.corpusstats import statistics_fingerprint
from ..quality.exclusion import figures_note
from ..quality.offtopic import RELATED_MIN, CorpusStats, OffTopicHit, OffTopicParams, corpus_stats, find_off_topic
from ..quality.offtopic_semantic import Encoder, find_off_topic_semantic
from ..quality.words import _tokens
from ..quality.offtopic_prepare import PreparedDoc, prepare_document
from ..ruleset import Ruleset
from .corpus import BodySpans, Corpus, DocMap, serial_map

KIND = "off_topic"
DEFAULT_SEVERITY: Severity = "warning"


def body_sentences(sentences: Sequence[Sentence]) -> list[Sentence]:
    """The sentences the detector reads (headings, bylines and other lines are not examined)."""
    return [s for s in sentences if s.kind == "body"]


def prepare_source(sentences: Sequence[Sentence]) -> tuple[PreparedDoc, BodySpans]:
    """The detector's per-document preparation of a source and where its body sentences are
    (run in the per-document map)."""
    body = body_sentences(sentences)
    return prepare_document([s.text for s in body]), tuple((s.start, s.end) for s in body)


def _documents(corpus: Corpus) -> list[tuple[str, PreparedDoc, BodySpans]]:
    """(source, preparation, body sentence spans) of every source, in id order: as the
    per-document map made them, or made here from the source's sentences."""
    out = []
    for source in sorted(corpus.prepared.keys() | corpus.sentences.keys()):
        prepared, spans = corpus.prepared.get(source), corpus.bodies.get(source)
        if prepared is None or spans is None:
            prepared, spans = prepare_source(corpus.sentences[source])
        out.append((source, prepared, spans))
    return out


Hits = tuple[OffTopicHit, ...]
_Shared = tuple[tuple[PreparedDoc, ...], CorpusStats, tuple[str, ...], tuple[int, ...]]


@dataclass
class HitMemo:
    """Off-topic hits per document under the key of what they were computed from: `earlier`
    (an earlier audit's, read from the cache by the engine) and `current` (this audit's, every
    document's, filled by `check` for the engine to store).

    Lexical mode: a memo holds the hits computed under one state of the corpus statistics
    (`memo_scope`: their digest), keyed by the document's position and text digest: a
    document is scored again when its text changed or when the statistics did (a word or a
    sentence more or less anywhere); an edited figure changes neither, so only the edited
    document is scored again. Semantic mode: keyed by the text digest alone (each document is
    scored on its own). The engine keeps a memo per mode (with the model's and libraries'
    versions) and scope."""

    earlier: Mapping[str, Hits] = field(default_factory=dict)
    current: dict[str, Hits] = field(default_factory=dict)


def pack_hits(memo: Mapping[str, Hits]) -> dict[str, tuple[tuple[object, ...], ...]]:
    """`memo` as plain data (for the cache)."""
    return {key: tuple((h.sentence_index, h.start, h.end, h.part, h.score, h.words, h.reason, h.related)
                       for h in hits)
            for key, hits in memo.items()}


def unpack_hits(packed: Mapping[str, Sequence[Sequence[object]]]) -> dict[str, Hits]:
    """The inverse of `pack_hits` (raises TypeError or ValueError on damaged data)."""
    out = {}
    for key, hits in packed.items():
        if not isinstance(key, str):
            raise TypeError("memo key")
        out[key] = tuple(map(_hit, hits))
    return out


_HIT_TYPES: tuple[type | tuple[type, ...], ...] = (int, int, int, str, float, tuple, str, (float, type(None)))


def _hit(fields: Sequence[object]) -> OffTopicHit:
    if (len(fields) != len(_HIT_TYPES) or not all(map(isinstance, fields, _HIT_TYPES))
            or not all(isinstance(w, str) for w in fields[5])):  # type: ignore[attr-defined]
        raise TypeError("damaged off-topic hit")
    return OffTopicHit(*fields)  # type: ignore[arg-type]


def _fits(hits: Hits, doc: PreparedDoc) -> bool:
    """True when every hit points into the document's sentences (a reused entry is trusted
    only then)."""
    return all(0 <= h.sentence_index < len(doc.texts) and 0 <= h.start <= h.end <= len(doc.texts[h.sentence_index])
               for h in hits)


def memo_scope(corpus: Corpus, semantic: bool) -> str:
    """What every document's off-topic hits depend on besides its own text: the corpus
    statistics' digest in the lexical mode, nothing in the semantic mode. The engine keeps a
    `HitMemo` per scope (and mode), so hits computed under earlier statistics (an edit
    undone) are found again."""
    return "" if semantic else statistics_fingerprint([doc for _, doc, _ in _documents(corpus)]).hex()


def _memo_keys(prepared: Sequence[PreparedDoc], semantic: bool) -> list[str]:
    """Per document, the key of its hits within a scope (`memo_scope`): its text digest, and
    in the lexical mode its position among the documents of the statistics."""
    if semantic:
        return [doc.text_digest.hex() for doc in prepared]
    return [f"{index}-{doc.text_digest.hex()}" for index, doc in enumerate(prepared)]


def _score(shared: _Shared, task: int) -> list[OffTopicHit]:
    """Hits in document `todo[task]` against the corpus statistics (one task of the document map)."""
    prepared, stats, topic, todo = shared
    index = todo[task]
    return find_off_topic(prepared[index], stats, topic, OffTopicParams(), own_index=index)


def _score_semantic(shared: tuple[tuple[PreparedDoc, ...], Encoder, tuple[int, ...]],
                    task: int) -> list[OffTopicHit]:
    """Hits in document `todo[task]` by the semantic detector (one task of a serial document map)."""
    prepared, encoder, todo = shared
    return find_off_topic_semantic(prepared[todo[task]], encoder=encoder)


def _deciding_words(prepared: PreparedDoc, hit: OffTopicHit) -> tuple[str, ...]:
    """The flagged span's content words that no other sentence of the document uses."""
    elsewhere = {w for i, stems in enumerate(prepared.stems) if i != hit.sentence_index for w in stems}
    span = prepared.texts[hit.sentence_index][hit.start:hit.end]
    return tuple(dict.fromkeys(surface.lower() for _, _, stem, surface in _tokens(span)
                               if stem is not None and stem not in elsewhere))


def _hits(prepared: tuple[PreparedDoc, ...], rules: Ruleset, map_docs: DocMap,
          encoder: Encoder | None, memo: HitMemo | None) -> list[Hits]:
    keys = _memo_keys(prepared, semantic=encoder is not None) if memo is not None else []
    earlier = memo.earlier if memo is not None else {}
    known = {i: earlier[k] for i, k in enumerate(keys) if k in earlier and _fits(earlier[k], prepared[i])}
    todo = tuple(i for i in range(len(prepared)) if i not in known)
    found: list[list[OffTopicHit]] = []
    if todo and encoder is None:
        stats = corpus_stats(prepared)  # once: O(corpus)
        found = map_docs(_score, (prepared, stats, tuple(rules.quality.topic_terms), todo), len(todo))
    elif todo:  # the engine passes a serial map here: the model is multi-threaded itself, and
        # forking it is unsafe
        found = map_docs(_score_semantic, (prepared, encoder, todo), len(todo))
    computed = dict(zip(todo, map(tuple, found), strict=True))
    hits = [known[i] if i in known else computed[i] for i in range(len(prepared))]
    if memo is not None:
        memo.current.update(zip(keys, hits, strict=True))
    return hits


def check(corpus: Corpus, rules: Ruleset, map_docs: DocMap = serial_map,
          encoder: Encoder | None = None, memo: HitMemo | None = None) -> Iterator[Finding]:
    """`map_docs` runs the per-document scoring (the engine passes a process pool's in the
    lexical mode, a serial one in the semantic mode); `encoder` (loaded by the engine) selects
    the semantic detector; `memo`: hits of earlier
    audits to reuse, and where this audit's go (see `HitMemo`)."""
    documents = _documents(corpus)
    prepared = tuple(doc for _, doc, _ in documents)
    mode = "lexical" if encoder is None else "semantic"
    per_1000 = rules.quality.off_topic_max_per_1000_words
    figures = figures_note(KIND, rules.quality.exclude_claims_in, "Its figures")
    for (source, doc, spans), hits in zip(documents, _hits(prepared, rules, map_docs, encoder, memo), strict=True):
        if not hits:
            continue  # most documents: their words need not be counted
        words = sum(len(text.split()) for text in doc.texts)
        cap = max(1, int(words * per_1000 / 1000))
        kept = sorted(sorted(hits, key=lambda h: (h.score, h.sentence_index))[:cap],
                      key=lambda h: h.sentence_index)
        for hit in kept:
            text = doc.texts[hit.sentence_index]
            span = text[hit.start:hit.end]
            what = "This sentence" if hit.part == "sentence" else "The end of this sentence"
            deciding = hit.words or _deciding_words(doc, hit)
            alone = hit.related is not None and hit.related < RELATED_MIN
            caution = (f" No document of this audit is closely related to this source (its nearest have a "
                       f"mean word similarity of {hit.related:.2f}, under {RELATED_MIN}), so this rests on "
                       "its own words alone, which is right about 6 times in 10 on the benchmark: check it "
                       "by reading, or audit with related documents or --semantic." if alone else "")
            details: dict[str, str | float | int | None] = {"score": hit.score, "part": hit.part, "words": " ".join(deciding),
                                          "mode": mode}
            if hit.related is not None:
                details["related"] = round(hit.related, 4)
            yield Finding(
                kind=KIND, severity="info" if alone else DEFAULT_SEVERITY,
                message=(f"{what} looks foreign to source {source} ({mode} score {hit.score:.2f}, lower "
                         f"is more off-topic; words the rest of the text never uses: "
                         f"{', '.join(quoted(w, marks='') for w in deciding[:8]) or '-'}). {hit.reason}{caution} {figures}"),
                evidence=(span_evidence(source, text, spans[hit.sentence_index], hit.start, hit.end),),
                fingerprint=fingerprint(KIND, None, None, [source], [span], extra=hit.part),
                details=details,
            )
