"""User-supplied patterns, compiled with RE2 so no rule file can make matching hang.

Python's `re` backtracks: `(a+)+$` on a long line of a's takes forever. RE2 matches in time
linear in the text and refuses constructs (backreferences, lookaround) that would need
backtracking, so a bad pattern is an error when the rules load, never a hang at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import re2

_OPTIONS = re2.Options()
_OPTIONS.max_mem = 8 << 20
_OPTIONS.log_errors = False


@dataclass(frozen=True)
class UserPattern:
    id: str
    source: str
    compiled: Any

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        for match in self.compiled.finditer(text):
            yield match.start(), match.end()


def compile_user_pattern(pattern_id: str, pattern: str) -> UserPattern:
    """Compile with RE2 or raise ValueError saying why the pattern is refused."""
    try:
        compiled = re2.compile(pattern, options=_OPTIONS)
    except re2.error as exc:
        why = exc.args[0] if exc.args else exc
        if isinstance(why, bytes):  # the RE2 binding gives its message as bytes
            why = why.decode("utf-8", "replace")
        raise ValueError(f"pattern {pattern_id!r} is not valid RE2: {why}") from None
    return UserPattern(pattern_id, pattern, compiled)


@lru_cache(maxsize=32)
def _union(sources: tuple[str, ...]) -> Any:
    return re2.compile("|".join(f"(?:{s})" for s in sources), options=_OPTIONS)


def any_match(patterns: tuple[UserPattern, ...], text: str) -> bool:
    """Whether any of the patterns matches somewhere in `text` (even an empty match): one RE2
    pass for all of them, the prefilter before matching them one by one. Each pattern keeps
    its own inline flags, since ``(?i)`` inside a group applies to that group only."""
    return bool(patterns) and _union(tuple(p.source for p in patterns)).search(text) is not None
