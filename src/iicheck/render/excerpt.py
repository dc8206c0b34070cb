"""What the reports people read quote of a sentence: the whole sentence, or around its
flagged span when the sentence is long.

Text without sentence punctuation (a flattened list, a table pasted as one line) is cut into
segments of up to 8,000 characters (`iicheck.segment`), and every claim and finding in such
a segment quotes it. Quoted whole, a 63 KB list of that kind gave a 12.6 MB audit.html and a
257-page PDF. So the HTML and PDF report, the terminal text, GitHub annotations and JUnit
quote:

* a sentence of at most `WHOLE` (1,000) characters whole (every sentence of the seeds: the
  longest has 948);
* a longer one as its flagged span (the figure, or the flagged clause) with up to `CONTEXT`
  (240) characters either side, cut at a space, an ellipsis marking each cut;
* a flagged span itself longer than `WHOLE` as its first and last `FLAGGED_END` (240)
  characters around an ellipsis; a long sentence with no flagged span as its first `WHOLE`
  characters.

The JSON and SARIF reports keep the whole sentence (a program reading them may need the
exact text; SARIF's snippet is by definition the region's text).

A finding's message is shown in every report, the JSON and SARIF ones included, so the text a
message quotes (a duplicated passage, a boilerplate line, an artifact) is bounded where the
message is written: `iicheck.findings.quoted` quotes a text of up to its `QUOTE_WHOLE` (200)
characters whole and a longer one as its first `QUOTE_HEAD` (120) or so, an ellipsis and its
length. The evidence keeps the whole text.

>>> excerpt("About 70 platforms.", 6, 8)
Excerpt(before='About ', flagged='70', after=' platforms.', marked=True)
>>> e = excerpt("word " * 300 + "70 platforms " + "word " * 300, 1500, 1502)
>>> e.flagged, e.before[:2], e.after[-2:], len(e.before) <= CONTEXT + 2
('70', '… ', ' …', True)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Evidence
from ..textcut import ELLIPSIS, head, kept_head, kept_tail, tail

WHOLE = 1000
"""Sentences up to this many characters are quoted whole."""
CONTEXT = 240
"""Characters kept either side of the flagged span of a longer sentence."""
FLAGGED_END = 240
"""Characters kept at each end of a flagged span longer than `WHOLE`."""


@dataclass(frozen=True)
class Excerpt:
    """A quoted sentence (or excerpt) split around its flagged span."""

    before: str
    flagged: str
    after: str
    marked: bool = True
    """False when the sentence has no flagged span (all of it is in `before`)."""

    @property
    def text(self) -> str:
        return self.before + self.flagged + self.after


def excerpt(sentence: str, start: int | None = None, end: int | None = None) -> Excerpt:
    """`sentence` split at its flagged span [start, end) (None: no flagged span, all of it in
    `before`), excerpted as the module docstring says when longer than `WHOLE`."""
    if start is None or end is None:
        return Excerpt(head(sentence, WHOLE) if len(sentence) > WHOLE else sentence, "", "", marked=False)
    before, flagged, after = sentence[:start], sentence[start:end], sentence[end:]
    if len(sentence) <= WHOLE:
        return Excerpt(before, flagged, after)
    if len(flagged) > WHOLE:
        flagged = f"{kept_head(flagged, FLAGGED_END)} {ELLIPSIS} {kept_tail(flagged, FLAGGED_END)}"
    return Excerpt(tail(before, CONTEXT), flagged, head(after, CONTEXT))


def evidence_excerpt(evidence: Evidence, whole_if_unflagged: bool = False) -> Excerpt:
    """The excerpt of `evidence`'s sentence around its highlighted span (`figure_span`, which is
    absolute in the source). Without a usable span: the whole sentence unflagged, or, with
    `whole_if_unflagged`, flagged as a whole (a struck boilerplate line)."""
    text = evidence.sentence
    if evidence.figure_span is None:
        return excerpt(text, 0, len(text)) if whole_if_unflagged else excerpt(text)
    start = evidence.figure_span[0] - evidence.span[0]
    end = evidence.figure_span[1] - evidence.span[0]
    if not 0 <= start <= end <= len(text):
        return excerpt(text)
    return excerpt(text, start, end)
