"""The `iicheck` command's entry point: Ctrl-C or SIGTERM while the tool is still loading
(about 0.4 s of imports) ends it with the same one line and exit code as later on, not a
traceback from the middle of an import or a silent kill."""

from __future__ import annotations

import importlib
import signal
import sys
from collections.abc import Callable
from typing import Any


class _Stop(BaseException):
    """SIGTERM while the CLI's modules were being imported (a BaseException, like
    KeyboardInterrupt: no `except Exception` in an imported module swallows it)."""


def _load_cli() -> Callable[[], Any]:
    def stop(signum: int, frame: object) -> None:
        raise _Stop(signum)

    previous = signal.getsignal(signal.SIGTERM)
    previous_int = signal.getsignal(signal.SIGINT)
    # ignored at start (a background job): stays ignored; None (a handler not set from
    # Python): left alone
    ours = previous is not signal.SIG_IGN and previous is not None
    try:
        if ours:
            signal.signal(signal.SIGTERM, stop)
        return importlib.import_module("iicheck.cli").main  # type: ignore[no-any-return]
    except (KeyboardInterrupt, _Stop) as exc:
        if ours:  # a second signal must not interrupt the message with a traceback
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if previous_int is not None:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        terminated = isinstance(exc, _Stop)
        sys.stderr.write(f"iicheck: {'terminated' if terminated else 'interrupted'}; no output file was changed\n")
        sys.exit(143 if terminated else 130)
    finally:
        if ours:
            signal.signal(signal.SIGTERM, previous)
        if previous_int is not None:
            signal.signal(signal.SIGINT, previous_int)


def run() -> None:
    _load_cli()()
