"""Write files so that a reader never sees a half-written one (temp file + rename).

`write_all_atomic` extends that to a set of files (audit.json, audit.html, audit.pdf): every
file is written to a temp file first and renamed only after the last one is complete, so an
error or Ctrl-C while writing leaves all of the previous files in place. Two audits that
write one folder at the same time take turns for the renames (an exclusive lock on the folder,
where the system has flock), so the folder ends with one run's complete set, not a mix.

`updating` holds the same lock for a whole read-modify-write of one file (the explanations
file): two commands that change it at the same time take turns, so neither loses the other's
change.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from .errors import OutputError, Problem

try:
    import fcntl
except ImportError:  # not POSIX (Windows): folders are not locked
    fcntl = None  # type: ignore[assignment]


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()

Payload = bytes | str | Iterable[bytes]
"""A file's content: text (written as UTF-8), bytes, or bytes in pieces (written as they come,
so a large report never has to exist in memory whole)."""


def _cannot_write_here(path: Path, exc: OSError) -> OutputError:
    return OutputError(
        Problem(str(path), f"cannot write here: {exc.strerror or exc}",
                hint="make the folder writable, or write elsewhere (audit --out DIR, check --output FILE, "
                     "--explanations FILE)"))


def _stage(path: Path, data: Payload, durable: bool = True) -> str:
    """Write `data` to a temp file beside `path` (flushed to disk when `durable`); return its
    name."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _cannot_write_here(path, exc) from None
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # as open() would create it, not mkstemp's owner-only 0600
        with os.fdopen(fd, "wb") as handle:
            if isinstance(payload, bytes):
                handle.write(payload)
            else:
                for piece in payload:
                    handle.write(piece)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException as exc:
        _discard([tmp_name])
        if isinstance(exc, OSError):
            raise OutputError(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None
        raise
    return tmp_name


def _discard(names: Sequence[str]) -> None:
    for name in names:
        try:
            os.unlink(name)
        except OSError:
            pass


@contextmanager
def _stop_signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back for the duration and delivered after it (main thread only):
    a signal between two renames left a mixed set of old and new reports. Held by Python
    handlers that note the signal, not by a thread signal mask: the kernel gives a
    process-directed signal to any thread that does not block it, so a mask on the main thread
    alone let it through whenever a worker pool's threads were alive."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []

    def hold(signum: int, frame: object) -> None:
        arrived.append(signum)

    previous = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM)}
    # an ignored signal stays ignored; None is a handler not set from Python, left alone
    held = {s: h for s, h in previous.items() if h is not None and h is not signal.SIG_IGN}
    for signum in held:
        signal.signal(signum, hold)
    try:
        yield
    finally:
        for signum, handler in held.items():
            signal.signal(signum, handler)
        for came in dict.fromkeys(arrived):  # each once, in the order they came
            signal.raise_signal(came)


def write_all_atomic(files: Sequence[tuple[Path, Payload]], on_replaced: Callable[[], None] | None = None) -> None:
    """Replace every file, or none of them: a failure while writing leaves the old files; a
    rename that fails puts back the files the earlier renames replaced (from hard links made
    just before; where the file system cannot link, those stay replaced). The renames run with
    Ctrl-C and SIGTERM held back, and `on_replaced` (if given) is called once all are done,
    before a held signal is let through."""
    staged: list[str] = []
    try:
        for path, data in files:
            staged.append(_stage(path, data))
    except BaseException:
        _discard(staged)
        raise
    for path, _ in files:  # what would stop a rename, found before the first one
        if path.is_dir():
            _discard(staged)
            raise OutputError(Problem(str(path), "cannot write: a folder has this name",
                                      hint="remove or rename the folder, or write the reports elsewhere"))
    with ExitStack() as locks:
        try:  # waits for another run's renames, interruptibly
            locks.enter_context(_folders_locked({path.parent for path, _ in files}))
        except BaseException:
            _discard(staged)  # Ctrl-C while waiting: nothing was replaced, nothing is left behind
            raise
        with _stop_signals_held():
            backups = [_backup(path) for path, _ in files]
            for k, ((path, _), tmp_name) in enumerate(zip(files, staged, strict=True)):
                try:
                    os.replace(tmp_name, path)
                except OSError as exc:
                    _restore([p for p, _ in files[:k]], backups[:k])
                    _discard(staged[k:] + [b for b in backups if b])
                    raise OutputError(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None
            _discard([b for b in backups if b])
            if on_replaced is not None:
                on_replaced()


_held = threading.local()
"""The real folders this thread holds the lock of (`held`), so that a write inside `updating`
does not wait for the lock its own thread holds (flock locks belong to the open file, not to
the process: a second flock on the same folder would wait forever)."""


def _held_folders() -> set[str]:
    held: set[str] | None = getattr(_held, "folders", None)
    if held is None:
        held = _held.folders = set()
    return held


@contextmanager
def _folders_locked(folders: Iterable[Path]) -> Iterator[None]:
    """Hold an exclusive flock on each folder (in one order, so two runs cannot deadlock) while
    a set of files is renamed into them: another run writing there waits its turn, saying so on
    stderr. A folder this thread already holds (inside `updating`) is not locked again. Nothing
    is locked where the system has no flock, the folder cannot be opened for it or its file
    system refuses the lock."""
    fds: list[int] = []
    held = _held_folders()
    taken: list[str] = []
    try:
        if fcntl is not None:
            # one lock per real folder, in one order: a folder named twice (a symbolic link,
            # a relative and an absolute path) would otherwise wait for its own first lock
            for folder in sorted({os.path.realpath(f) for f in folders} - held):
                try:
                    fd = os.open(folder, os.O_RDONLY)
                except OSError:
                    continue
                fds.append(fd)
                held.add(folder)
                taken.append(folder)
                try:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        print(f"iicheck: waiting for another run writing to {folder}", file=sys.stderr, flush=True)
                        fcntl.flock(fd, fcntl.LOCK_EX)
                except OSError:
                    pass  # a file system without flock for folders (NFS): written unlocked
        yield
    finally:
        held.difference_update(taken)
        for fd in fds:
            os.close(fd)  # closing the descriptor releases its lock


@contextmanager
def updating(path: Path) -> Iterator[None]:
    """Hold the lock of `path`'s folder (the one `write_all_atomic` takes for its renames) for
    a whole read-modify-write of `path`: read it inside, write it with `write_atomic` inside.
    Another command updating or writing a file in that folder waits its turn (saying so on
    stderr), so neither loses the other's change. The folder is created if need be (and removed
    again, if still empty, when the update fails); where flock is missing or refused, the
    update runs unlocked, as `write_all_atomic` does."""
    created: list[Path] = []
    folder = Path(path).parent
    while not folder.exists() and folder != folder.parent:
        created.append(folder)
        folder = folder.parent
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _cannot_write_here(Path(path), exc) from None
    try:
        with _folders_locked([Path(path).parent]):
            yield
    except BaseException:
        for made in created:  # innermost first; a folder something was written to stays
            try:
                made.rmdir()
            except OSError:
                break
        raise


_NO_FILE = ""
"""`_backup`'s answer when there was no file to keep: a failed set removes the new one."""


def _backup(path: Path) -> str | None:
    """A hard link to what is at `path`, a symbolic link itself rather than its target (for
    `_restore`); `_NO_FILE` if nothing is there; None if the file system cannot link (the file
    then stays replaced on a failure). The link's name is fixed, so one left by a run that was
    killed is replaced by the next run, not kept for good (and a run writing the same folder at
    the same time waits for the folder's lock, see `_folders_locked`)."""
    if not os.path.lexists(path):
        return _NO_FILE
    name = f"{path.parent}/.{path.name}.iicheck-old"
    _discard([name])
    try:
        os.link(path, name, follow_symlinks=False)
    except (OSError, NotImplementedError):
        return None
    return name


def _restore(paths: Sequence[Path], backups: Sequence[str | None]) -> None:
    """Put back the files a failed set of renames already replaced: each one's previous file,
    or none where there was none."""
    for path, backup in zip(paths, backups, strict=True):
        try:
            if backup == _NO_FILE:
                os.unlink(path)
            elif backup is not None:
                os.replace(backup, path)
        except OSError:
            pass


def write_atomic(path: Path, data: Payload, durable: bool = True,
                 on_replaced: Callable[[], None] | None = None) -> None:
    """Replace `path` with `data` in one step; the old file stays intact on any failure.

    `durable=False` skips the fsync: readers still never see a partial file, but after a
    power loss the file may be empty (for caches, whose damaged entries are recomputed)."""
    if durable:
        write_all_atomic([(path, data)], on_replaced)
        return
    tmp_name = _stage(path, data, durable=False)
    try:
        os.replace(tmp_name, path)
    except OSError as exc:
        _discard([tmp_name])
        raise OutputError(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None
