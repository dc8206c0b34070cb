"""Write files so that a reader never sees a half-written one (temp file + rename)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError, Problem


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace `path` with `data` in one step; the old file stays intact on any failure."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(
            Problem(str(path), f"cannot write here: {exc.strerror or exc}",
                    hint="choose a writable folder with --out")
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(Problem(str(path), f"cannot write: {exc.strerror or exc}")) from None
        raise
