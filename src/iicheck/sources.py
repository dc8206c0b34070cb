"""Load a folder (or list) of `.txt`/`.md` sources, with optional `sources.yaml` metadata."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from pydantic import Field

from .errors import ErrorCollector, Problem, SourceError
from .models import Frozen, Source, SourceInfo
from .pubdate import publication_window
from .ruleset import Ruleset
from .textdecode import check_size, decode_source
from .yamlfile import load_yaml, validate

SOURCE_SUFFIXES = (".txt", ".md")
METADATA_FILE = "sources.yaml"


class SourceMeta(Frozen):
    """What an editor knows of a source; every field but `file` is optional."""

    file: str
    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: date | None = None


class SourcesFile(Frozen):
    version: int = 1
    sources: list[SourceMeta] = Field(default=[])


def display_path(path: Path, cwd: Path | None = None) -> str:
    """The path reports show: relative to the working directory when under it (so SARIF and
    annotations point into the repository), else the file name. Always with / separators.
    `cwd`: the resolved working directory, when the caller already has it."""
    try:
        return path.resolve().relative_to(cwd or Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.name


def source_id(path: Path) -> str:
    return path.stem


def discover(paths: list[Path]) -> tuple[list[Path], dict[str, SourceMeta]]:
    """The source files under `paths` (sorted, stable) and the metadata of their folders."""
    files: list[Path] = []
    meta: dict[str, SourceMeta] = {}
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
                           and p.name.lower() != "readme.md")
            files.extend(found)
            meta_path = path / METADATA_FILE
            if meta_path.exists():
                parsed = validate(load_yaml(meta_path, SourceError), SourcesFile, SourceError)
                meta.update({m.file: m for m in parsed.sources})
        elif path.is_file():
            files.append(path)
        else:
            raise SourceError(Problem(str(path), "no such file or folder",
                                      hint="pass a folder of .txt/.md sources (default: seeds/)"))
    if not files:
        raise SourceError(Problem(", ".join(str(p) for p in paths) or ".",
                                  "no .txt or .md sources found",
                                  hint="put the sources to audit in the folder, one file each"))
    return files, meta


def load_source(path: Path, meta: SourceMeta | None, rules: Ruleset, cwd: Path | None = None) -> Source:
    """Read one file as text and work out its publication window (`cwd`: as for display_path)."""
    try:
        check_size(path, path.stat().st_size)  # before reading: a huge file is never loaded
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(Problem(str(path), f"cannot read: {exc.strerror or exc}")) from None
    text = decode_source(path, raw)
    sid = (meta.id if meta and meta.id else None) or source_id(path)
    window = publication_window(text, meta.published if meta else None, meta.url if meta else None,
                                rules.extraction.time)
    info = SourceInfo(
        id=sid, file=display_path(path, cwd), title=meta.title if meta else None,
        publisher=meta.publisher if meta else None, url=meta.url if meta else None,
        published=window, chars=len(text), sha256=hashlib.sha256(raw).hexdigest(),
    )
    return Source(info=info, text=text)


def load_sources(paths: list[Path], rules: Ruleset) -> list[Source]:
    """Every source under `paths`, in a stable order; ids must be unique."""
    files, meta = discover(paths)
    sources: list[Source] = []
    errors = ErrorCollector()  # every unreadable source at once, not one per run
    cwd = Path.cwd().resolve()
    for p in files:
        try:
            sources.append(load_source(p, meta.get(p.name), rules, cwd))
        except SourceError as exc:
            for problem in exc.problems:
                errors.add(problem)
    errors.raise_if_any(SourceError)
    seen: dict[str, str] = {}
    for s in sources:
        if s.id in seen:
            raise SourceError(Problem(s.info.file, f"source id {s.id!r} is also used by {seen[s.id]}",
                                      hint="give one of them another id in sources.yaml"))
        seen[s.id] = s.info.file
    return sources
