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
    try:
        if previous is not signal.SIG_IGN:  # ignored at start (a background job): stays ignored
            signal.signal(signal.SIGTERM, stop)
        return importlib.import_module("iicheck.cli").main  # type: ignore[no-any-return]
    except (KeyboardInterrupt, _Stop) as exc:
        terminated = isinstance(exc, _Stop)
        sys.stderr.write(f"iicheck: {'terminated' if terminated else 'interrupted'}; no output file was changed\n")
        sys.exit(143 if terminated else 130)
    finally:
        if previous is not None:  # None: a handler not set from Python, left alone
            signal.signal(signal.SIGTERM, previous)


def run() -> None:
    _load_cli()()
