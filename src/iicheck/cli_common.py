"""What every command shares: error handling (exit 2), option parsing into AuditOptions, and
the option decorators, so each command declares its options in one line and the same way."""

from __future__ import annotations

import dataclasses
import logging
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .config import ProjectConfig, load_config
from .engine import AuditOptions, AuditResult, audit
from .errors import IicheckError, Problem
from .progress import Progress, TerminalProgress

F = TypeVar("F", bound=Callable[..., Any])
CACHE_DIR = ".iicheck-cache"


class Terminated(KeyboardInterrupt):
    """SIGTERM (a CI timeout, `timeout`, `docker stop`), raised in the main process so that it
    unwinds like Ctrl-C: temp files removed, previous outputs untouched, workers stopped."""


_terminated: list[bool] = []
"""Holds True once SIGTERM arrived during the current command."""
_interrupted: list[bool] = []
"""Holds True once SIGINT (Ctrl-C) arrived during the current command."""
_written: list[bool] = []
"""Holds True once the current command has written its outputs (`outputs_written`)."""


def outputs_written() -> None:
    """Called by a command once its outputs are in place: an interruption after this point
    must not claim that no output file was changed."""
    _written.append(True)


def _terminate(signum: int, frame: object) -> None:
    _terminated.append(True)
    raise Terminated


def _interrupt(signum: int, frame: object) -> None:
    _interrupted.append(True)
    raise KeyboardInterrupt


def raise_if_stopped() -> None:
    """Raise `Terminated` (or KeyboardInterrupt) if SIGTERM (or Ctrl-C) arrived but its
    exception was swallowed: Python ignores (and prints) an exception raised where it cannot
    propagate, e.g. in the at-fork hooks that run when a worker pool starts. A command calls
    this before it writes its outputs."""
    if _terminated:
        raise Terminated
    if _interrupted:
        raise KeyboardInterrupt


@contextmanager
def _stop_signals_unwind() -> Iterator[None]:
    """SIGTERM raises `Terminated` and SIGINT KeyboardInterrupt for the duration, each noted
    (main thread only; the previous handlers are put back after); one that Python could not
    raise is not printed as an ignored exception (`raise_if_stopped` raises it again)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _terminated.clear()
    _interrupted.clear()
    _written.clear()
    previous = signal.getsignal(signal.SIGTERM)
    previous_int = signal.getsignal(signal.SIGINT)
    previous_hook = sys.unraisablehook

    def unraisable(info: Any) -> None:
        if not isinstance(info.exc_value, KeyboardInterrupt):  # Terminated too
            previous_hook(info)

    try:
        sys.unraisablehook = unraisable
        # a signal ignored when the command started stays ignored (a background job in a
        # script must not stop on the Ctrl-C meant for the foreground)
        if previous is not signal.SIG_IGN:
            signal.signal(signal.SIGTERM, _terminate)
        if previous_int is not signal.SIG_IGN:
            signal.signal(signal.SIGINT, _interrupt)
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
        sys.unraisablehook = previous_hook
        _terminated.clear()
        _interrupted.clear()
        _written.clear()


def handle_errors(fn: F) -> F:
    """Turn IicheckError into `path:line:col: message` on stderr and exit code 2; Ctrl-C and
    SIGTERM into one line and exit code 130 / 143, with no output file changed. After a
    SIGTERM, whatever else the stopping raised (a worker pool cut short while it started or
    shut down) is reported as the termination it is."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with _stop_signals_unwind():
            try:
                return fn(*args, **kwargs)
            except IicheckError as exc:
                if not (_terminated or _interrupted):
                    click.echo(f"iicheck: error: {exc.render()}", err=True)
                    sys.exit(2)
                _stopped(terminated=bool(_terminated))
            except KeyboardInterrupt as exc:
                _stopped(terminated=isinstance(exc, Terminated) or bool(_terminated))
            except Exception as exc:
                if not (_terminated or _interrupted):
                    _internal_error(exc)
                _stopped(terminated=bool(_terminated))

    return wrapper  # type: ignore[return-value]


def _internal_error(exc: Exception) -> NoReturn:
    """A bug: the traceback, for a report, and exit code 2 ("could not do its job"). Python's
    own exit code for it is 1, which a CI gate reads as "new findings": a crash would pass for
    a gate result (docs/ci.md's workflow accepts exit 1)."""
    click.echo(f"iicheck: internal error: {type(exc).__name__}: {exc}\n"
               "  this is a bug in iicheck, not in your input: please report it with the traceback below",
               err=True)
    click.echo("".join(traceback.format_exception(exc)).rstrip("\n"), err=True)
    sys.exit(2)


def _stopped(terminated: bool) -> None:
    outputs = "the outputs were already written" if _written else "no output file was changed"
    click.echo(f"iicheck: {'terminated' if terminated else 'interrupted'}; {outputs}", err=True)
    sys.exit(143 if terminated else 130)


def write_stdout(text: str) -> None:
    """`text` on stdout. A stdout that cannot take it (a full disk, a reader that closed the
    pipe) is an error with exit code 2: a traceback ended with exit code 1, which a CI gate
    reads as "new findings", so a lost report could pass for a gate result."""
    try:
        click.echo(text, nl=False)
        sys.stdout.flush()
    except OSError as exc:
        _drop_stdout()
        raise IicheckError(Problem("stdout", f"cannot write the output: {exc.strerror or exc}",
                                   hint="check where stdout goes (a full disk, a pipe closed early); "
                                        "`iicheck check` can write to a file with --output")) from None


def _drop_stdout() -> None:
    """Point stdout at the null device: what is still buffered would fail again, with a
    traceback, when Python flushes it on exit."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (a test runner's buffer)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, fd)
    os.close(null)


def project_config() -> tuple[ProjectConfig, Path]:
    """`[tool.iicheck]` of the nearest pyproject.toml and the folder its paths are relative to."""
    return load_config(Path.cwd())


def run_audit(options: AuditOptions, dask_address: str | None = None) -> AuditResult:
    """The audit, on a Dask cluster when an address is given (see iicheck.distributed)."""
    if dask_address is None:
        return audit(options)
    from .distributed import dask_executor

    with dask_executor(dask_address) as executor:
        return audit(dataclasses.replace(options, executor=executor))


def given_explanations(path: Path | None) -> Path | None:
    """`--explanations PATH` as given; a path given on the command line must exist (a typo would
    otherwise explain nothing, silently: the gate fails on findings that are explained). Only
    `explain` and `adopt`, which create the file, accept a new path."""
    if path is not None and not path.exists():
        raise IicheckError(Problem(str(path), "no such explanations file",
                                   hint="check the path; `iicheck explain` and `iicheck adopt` create the file"))
    return path


def audit_options(sources: tuple[Path, ...], rules: Path | None, explanations: Path | None,
                  use_explanations: bool, jobs: int = 0, cache: bool = True,
                  semantic: bool | None = None, progress: Progress | None = None,
                  creates_explanations: bool = False) -> AuditOptions:
    """Command-line values, completed from [tool.iicheck], as the core's options. An
    explanations file named in [tool.iicheck] must exist, like one given on the command line
    (a typo would explain nothing, silently), except for the commands that create it
    (`creates_explanations`)."""
    config, base = project_config()
    if not sources:
        configured = [config.sources] if isinstance(config.sources, str) else config.sources
        sources = tuple(base / s for s in configured)
    rules_dir = rules if rules is not None else base / config.rules
    if explanations is None and use_explanations:
        explanations = base / config.explanations if config.explanations else rules_dir / "explanations.yaml"
        if config.explanations and not creates_explanations and not explanations.exists():
            raise IicheckError(Problem(str(explanations), "no such explanations file (named by `explanations` "
                                       "in [tool.iicheck] of pyproject.toml)",
                                       hint="correct the path in pyproject.toml; `iicheck explain` and "
                                            "`iicheck adopt` create the file"))
    return AuditOptions(sources=sources, rules=rules_dir, explanations=explanations, today=date.today(),
                        jobs=jobs, cache=(base / CACHE_DIR) if cache else None,
                        semantic=config.semantic if semantic is None else semantic, progress=progress)


@contextmanager
def progress_display(enabled: bool | None) -> Iterator[TerminalProgress | None]:
    """The progress shown on stderr (`enabled` None: when stderr is a terminal), its line
    cleared at the end, also when the command fails."""
    stream = sys.stderr
    interactive = stream.isatty()
    if not (interactive if enabled is None else enabled):
        yield None
        return
    show = TerminalProgress(stream, interactive)
    handler = _ProgressAwareLog(show)
    logger = logging.getLogger("iicheck")
    logger.addHandler(handler)
    try:
        yield show
    finally:
        logger.removeHandler(handler)
        show.close()


class _ProgressAwareLog(logging.Handler):
    """Warnings (a source decoded as Latin-1, an unused sources.yaml entry) written to stderr
    on a line of their own: the progress line cleared first, a stage waiting for its count
    written first."""

    def __init__(self, show: TerminalProgress) -> None:
        super().__init__(logging.WARNING)
        self._show = show

    def emit(self, record: logging.LogRecord) -> None:
        self._show.close()
        sys.stderr.write(self.format(record) + "\n")
        sys.stderr.flush()


sources_arg = click.argument("sources", nargs=-1, type=click.Path(path_type=Path))
rules_opt = click.option("--rules", type=click.Path(path_type=Path), default=None,
                          help="Rules folder (default: rules/, or [tool.iicheck] rules).")
jobs_opt = click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
                         help="Processes for extraction (0: all cores); output is identical for any N.")
cache_opt = click.option("--cache/--no-cache", default=True, show_default=True,
                          help=f"Reuse per-document extraction, and each document's off-topic hits while "
                               f"its text and the corpus's word statistics are unchanged, from {CACHE_DIR}/ "
                               f"(keyed by content, rules and tool code).")
semantic_opt = click.option("--semantic/--no-semantic", default=None,
                             help="off_topic with sentence embeddings (needs pip install "
                                  "'iicheck[semantic]'; default: [tool.iicheck] semantic, else off).")
progress_opt = click.option("--progress/--no-progress", default=None,
                             help="Show the stage and the documents done on stderr (default: when "
                                  "stderr is a terminal).")
dask_opt = click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
                         help="Run the per-document stage on the Dask scheduler at ADDRESS "
                              "(tcp://host:8786, or 'local'); needs pip install 'iicheck[dask]'.")
explanations_opt = click.option("--explanations", type=click.Path(path_type=Path), default=None,
                                 help="Explanations file (default: [tool.iicheck] explanations, else explanations.yaml "
                                      "in the rules folder).")
by_opt = click.option("--by", default=lambda: os.environ.get("USER", "unknown"), show_default="$USER",
                      help="Who explains (recorded in the explanations file).")
