"""Load a folder (or list) of `.txt`/`.md` sources, with optional `sources.yaml` metadata."""

from __future__ import annotations

import hashlib
import logging
import os
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator

from .config import repository_root
from .errors import ErrorCollector, Problem, SourceError
from .models import Frozen, Source, SourceInfo
from .pubdate import publication_window
from .ruleset import Ruleset
from .textdecode import check_size, decode_source
from .yamlfile import load_yaml, validate

SOURCE_SUFFIXES = (".txt", ".md")
METADATA_FILE = "sources.yaml"


log = logging.getLogger("iicheck")


class SourceMeta(Frozen):
    """What an editor knows of a source; every field but `file` is optional."""

    file: str
    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None

    @field_validator("id")
    @classmethod
    def _visible_id(cls, value: str | None) -> str | None:
        """An id reports show and explanations match: not blank, no space at its ends."""
        if value is not None and (not value.strip() or value != value.strip()):
            raise ValueError(f"a source id must be visible text without spaces at its ends, got {value!r}")
        return value


class SourcesFile(Frozen):
    version: Literal[1] = 1
    sources: list[SourceMeta] = Field(default=[])


def display_path(path: Path, root: Path | None = None, folders: dict[Path, Path] | None = None) -> str:
    """The path reports show: relative to the repository's top when under it (so SARIF and
    annotations point into the repository, from whichever of its folders the command ran;
    `config.repository_root`; a symbolic link in it to a file outside it: the link's path),
    else absolute, as given (a file outside the checkout named by its file name alone pointed
    at a file that does not exist there). Always with / separators. `root`: that folder, resolved, when the caller already has it; `folders`: a
    cache of resolved folders, for a caller that shows many files of one folder."""
    top = root or repository_root(Path.cwd())
    try:
        return _resolved(path, folders).relative_to(top).as_posix()
    except ValueError:
        pass
    given = Path(os.path.abspath(path))
    if path.is_symlink():  # a link inside the checkout to a file outside it: where the link is
        try:
            return (given.parent.resolve() / given.name).relative_to(top).as_posix()
        except ValueError:
            pass
    return given.as_posix()


def _resolved(path: Path, folders: dict[Path, Path] | None) -> Path:
    """`path.resolve()`; with a cache of resolved folders, a file that is no symbolic link is
    its resolved folder / its name (one lstat instead of one per part of the path)."""
    if folders is None or path.is_symlink():
        return path.resolve()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return folder / path.name


def source_id(path: Path) -> str:
    return path.stem


def discover(paths: list[Path]) -> tuple[list[Path], dict[Path, SourceMeta]]:
    """The source files under `paths` (sorted, stable) and the metadata of their folders.

    A file given by itself takes its entry in its folder's sources.yaml, as it would in the
    folder (so `seeds/*.txt` audits as `seeds` does); a sources.yaml given as a file (as
    `seeds/*` gives it) is that metadata, not a source."""
    files: list[Path] = []
    meta: dict[Path, SourceMeta] = {}  # by file path: each folder's sources.yaml is its own
    single: dict[Path, list[Path]] = {}  # files given by themselves, by folder
    for path in paths:
        if path.is_dir():
            with os.scandir(path) as entries:  # is_file() from the directory entry: no stat per file
                listing = list(entries)
            names = sorted(e.name for e in listing if e.name.lower() != "readme.md"
                           and os.path.splitext(e.name)[1].lower() in SOURCE_SUFFIXES and _is_source(e))
            _warn_skipped(path, listing)
            files.extend(path / name for name in names)
            meta_path = path / METADATA_FILE
            if meta_path.exists():
                meta.update((path / name, entry) for name, entry in _listed(meta_path, set(names)).items())
        elif path.is_file():
            if path.name != METADATA_FILE:
                if path.suffix.lower() in MARKUP_SUFFIXES:
                    log.warning("iicheck: warning: %s is read as plain text: its markup is not removed "
                                "(save the page as text, or expect markup artifacts and tags in its sentences)", path)
                files.append(path)
                single.setdefault(path.parent, []).append(path)
        elif path.is_symlink():
            raise SourceError(Problem(str(path), "a symbolic link that leads nowhere (a missing target or a loop)",
                                      hint="fix or remove the symbolic link"))
        else:
            raise SourceError(Problem(str(path), "no such file or folder",
                                      hint="pass a folder of .txt/.md sources (default: seeds/)"))
    if not files:
        raise SourceError(Problem(", ".join(str(p) for p in paths) or ".",
                                  "no .txt or .md sources found",
                                  hint="put the sources to audit in the folder, one file each"))
    for folder, given in single.items():
        meta_path = folder / METADATA_FILE
        if meta_path.is_file():
            listed = _listed(meta_path, {p.name for p in given}, warn_unlisted=False)
            meta.update((p, listed[p.name]) for p in given if p.name in listed and p not in meta)
    _refuse_undecodable_names(files)
    return files, meta


MARKUP_SUFFIXES = (".html", ".htm", ".xhtml", ".xml")
SKIPPED_SHOWN = 5


def _warn_skipped(folder: Path, listing: list[os.DirEntry[str]]) -> None:
    """Say which files of a sources folder are not read (not .txt or .md): a folder of saved
    web pages or PDFs would otherwise be audited as if it were empty of them. Hidden files and
    sources.yaml are not mentioned."""
    skipped = sorted(e.name for e in listing
                     if not e.name.startswith(".") and e.name != METADATA_FILE
                     and os.path.splitext(e.name)[1].lower() not in SOURCE_SUFFIXES and e.is_file())
    if skipped:
        shown = ", ".join(skipped[:SKIPPED_SHOWN]) + (f" and {len(skipped) - SKIPPED_SHOWN} more"
                                                        if len(skipped) > SKIPPED_SHOWN else "")
        log.warning("iicheck: warning: %s: %d file%s not read: %s (only .txt and .md files are sources; "
                    "save a page or document as text to audit it)", folder, len(skipped), "s" * (len(skipped) != 1),
                    shown)


def _refuse_undecodable_names(files: list[Path]) -> None:
    """A file name that is not UTF-8 (from an archive made on a Windows or GBK system) cannot
    be written into a report: its id and path would be invalid text in every output."""
    bad = []
    for path in files:
        try:
            str(path).encode("utf-8")
        except UnicodeEncodeError:
            shown = os.fsencode(path).decode("utf-8", "backslashreplace")
            bad.append(Problem(shown, "the file name is not valid UTF-8, so it cannot be written into a report",
                               hint="rename the file (e.g. `convmv -f gbk -t utf-8 --notest FILE`, or by hand)"))
    if bad:
        raise SourceError(bad)


def _listed(meta_path: Path, names: set[str], warn_unlisted: bool = True) -> dict[str, SourceMeta]:
    """The entries of a folder's sources.yaml by file name. Two entries for one file are an
    error (which one applies?); an entry that names no source file of the folder is a warning
    on stderr (`warn_unlisted`: when the whole folder is audited): a source removed from the
    folder, or a misspelt name, which used to be ignored silently, and with it the publication
    date the source's time windows are inferred from."""
    located = load_yaml(meta_path, SourceError)
    parsed = validate(located, SourcesFile, SourceError)
    problems = []
    entries: dict[str, SourceMeta] = {}
    for index, entry in enumerate(parsed.sources):
        if entry.file in entries:
            problems.append(located.problem(("sources", index, "file"), f"a second entry for {entry.file!r}",
                                            "keep one entry per file"))
        elif entry.file not in names and warn_unlisted:
            line = (located.locate(("sources", index, "file")) or ("?", "?"))[0]
            log.warning("iicheck: warning: %s:%s: no .txt or .md source named %r in this folder; the entry "
                        "is not used (correct the file name, or remove the entry)", meta_path, line, entry.file)
        entries[entry.file] = entry
    if problems:
        raise SourceError(problems)
    return entries


def _is_source(entry: os.DirEntry[str]) -> bool:
    """Whether a .txt/.md entry of a sources folder is a file to read; a symbolic link that
    leads nowhere (a missing target, a loop) is an error, like an unreadable file: skipping it
    would audit the folder without telling that a source is missing."""
    try:
        if entry.is_file():
            return True
    except OSError as exc:  # a loop: ELOOP
        raise SourceError(Problem(entry.path, f"cannot read: {exc.strerror or exc}",
                                  hint="fix or remove the symbolic link")) from None
    if entry.is_symlink() and not os.path.exists(entry.path):
        raise SourceError(Problem(entry.path, f"a symbolic link to {os.readlink(entry.path)!r}, which does not exist",
                                  hint="fix or remove the symbolic link")) from None
    return False  # a folder named like a source (or a link to one): not a source


def load_source(path: Path, meta: SourceMeta | None, rules: Ruleset, root: Path | None = None,
                folders: dict[Path, Path] | None = None) -> tuple[Source, tuple[int, int]]:
    """Read one file as text and work out its publication window (`root`, `folders`: as for
    display_path); with the file's identity (device, inode), which two links to it share."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            check_size(path, stat.st_size)  # before reading: a huge file is never loaded
            raw = handle.read()
    except OSError as exc:
        raise SourceError(Problem(str(path), f"cannot read: {exc.strerror or exc}")) from None
    text = decode_source(path, raw)
    sid = (meta.id if meta and meta.id else None) or source_id(path)
    window = publication_window(text, meta.published if meta else None, meta.url if meta else None,
                                rules.extraction.time)
    info = SourceInfo(
        id=sid, file=display_path(path, root, folders), title=meta.title if meta else None,
        publisher=meta.publisher if meta else None, url=meta.url if meta else None,
        published=window, chars=len(text), sha256=hashlib.sha256(raw).hexdigest(),
    )
    return Source(info=info, text=text), (stat.st_dev, stat.st_ino)


def load_sources(paths: list[Path], rules: Ruleset) -> list[Source]:
    """Every source under `paths`, in a stable order; ids must be unique."""
    files, meta = discover(paths)
    loaded: list[tuple[Path, Source, tuple[int, int]]] = []
    errors = ErrorCollector()  # every unreadable source at once, not one per run
    root = repository_root(Path.cwd())
    folders: dict[Path, Path] = {}
    for p in files:
        try:
            loaded.append((p, *load_source(p, meta.get(p), rules, root, folders)))
        except SourceError as exc:
            for problem in exc.problems:
                errors.add(problem)
    errors.raise_if_any(SourceError)
    sources: list[Source] = []
    seen: dict[str, Path] = {}
    linked: dict[tuple[int, int], tuple[Path, str]] = {}  # file identity -> the first path and id read there
    for path, s, identity in loaded:
        first = linked.setdefault(identity, (path, s.id))
        if first[1] != s.id:  # a link (symbolic or hard) to a file already read under another name
            log.warning("iicheck: warning: %s and %s are one file (linked); it is audited once, as %s "
                        "(remove the link from the sources to silence this)", first[0], path, first[1])
            continue
        if s.id in seen:  # the paths as given: report names can be bare file names
            same = path.resolve() == seen[s.id].resolve()
            raise SourceError(Problem(str(path), f"source id {s.id!r} is also used by {seen[s.id]}"
                                                 + (" (the same file, given twice)" if same else ""),
                                      hint="pass each file once" if same else
                                      "give one of them another id in sources.yaml, or rename one"))
        seen[s.id] = path
        sources.append(s)
    return sources
