"""Cutting a long text for a person to read: its first or last characters or so, at a space,
with an ellipsis where it was cut. Shared by the reports' quotes (`iicheck.render.excerpt`)
and the findings' messages (`iicheck.findings.quoted`), which the checks write: a module of
neither layer, so that the checks never import a renderer."""

from __future__ import annotations

ELLIPSIS = "…"


def kept_head(text: str, limit: int) -> str:
    """The first `limit` characters of `text`, to the last space in them unless that drops more
    than half (no word is cut where a space allows)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[:cut if cut > limit // 2 else limit].rstrip()


def kept_tail(text: str, limit: int) -> str:
    """The last `limit` characters of `text`, from the first space in them unless that drops
    more than half."""
    if len(text) <= limit:
        return text
    first = len(text) - limit
    cut = text.find(" ", first - 1, first + limit // 2)
    return text[cut + 1 if cut >= 0 else first:].lstrip()


def head(text: str, limit: int) -> str:
    """`text` cut after about `limit` characters, with an ellipsis when cut."""
    kept = kept_head(text, limit)
    return text if kept == text else f"{kept} {ELLIPSIS}"


def tail(text: str, limit: int) -> str:
    """`text` cut to its last `limit` characters or so, with an ellipsis when cut."""
    kept = kept_tail(text, limit)
    return text if kept == text else f"{ELLIPSIS} {kept}"
