"""Progress of a long audit: the stage it is in, and documents done of how many.

The engine reports through a `Progress` callback (`AuditOptions.progress`), only from the main
process and never into a report; without one it reports nothing. `TerminalProgress` is what the
commands pass when stderr is a terminal (or `--progress` is given): on a terminal one line
rewritten in place, at most ten times a second; elsewhere (a CI log) one plain line per stage.

Example
-------
>>> import io
>>> out = io.StringIO()
>>> show = TerminalProgress(out, interactive=False)
>>> show("extracting", 0, 2); show("extracting", 1, 2); show("extracting", 2, 2)
>>> show("checking claims", 0, 0); show.close()
>>> print(out.getvalue(), end="")
iicheck: extracting (2 documents)
iicheck: checking claims
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO, TypeVar

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: `done` of `total` documents of `stage` are finished
(`total` 0: a stage without a count). A stage begins with ``done`` 0."""

T = TypeVar("T")


def counted(items: Iterable[T], progress: Progress | None, stage: str, total: int) -> Iterator[T]:
    """`items` unchanged, reporting each one done to `progress` (if any) as `stage` of `total`."""
    if progress is None:
        yield from items
        return
    progress(stage, 0, total)
    for done, item in enumerate(items, 1):
        yield item
        progress(stage, done, total)


class TerminalProgress:
    """A `Progress` that writes to `stream` (see the module docstring); `close` clears its line."""

    def __init__(self, stream: TextIO, interactive: bool, min_interval: float = 0.1,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._interactive = interactive
        self._min_interval = min_interval
        self._clock = clock
        self._stage: str | None = None
        self._pending: str | None = None  # in a log: a stage announced without a count yet
        self._shown = float("-inf")
        self._dirty = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        new = stage != self._stage
        self._stage = stage
        if not self._interactive:
            # A stage's line waits for its count: the engine announces a stage before it knows
            # whether any document needs the work; without a count by the next stage, none.
            if new:
                self._flush_pending()
                self._pending = stage
            if total and self._pending == stage:
                self._pending = None
                self._write(f"iicheck: {stage} ({total:,} document{'s' if total != 1 else ''})\n")
            return
        now = self._clock()
        if not new and done != total and now - self._shown < self._min_interval:
            return
        self._shown = now
        count = f" {done:,}/{total:,} documents ({100 * done // total}%)" if total else " ..."
        self._write(f"\r\x1b[2Kiicheck: {stage}{count}")
        self._dirty = True

    def _write(self, text: str) -> None:
        self._stream.write(text)
        self._stream.flush()

    def _flush_pending(self) -> None:
        if self._pending is not None:
            self._write(f"iicheck: {self._pending}\n")
            self._pending = None

    def close(self) -> None:
        """Clear the progress line (on a terminal), or write a stage still waiting for its count
        (in a log), so that what follows starts a clean line."""
        self._flush_pending()
        if self._dirty:
            self._write("\r\x1b[2K")
            self._dirty = False
