"""`[tool.iicheck]` in pyproject.toml: defaults so a bare `iicheck check` works in a repository."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import IicheckError, Problem


class ProjectConfig(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    sources: list[str] | str = "seeds"
    rules: str = "rules"
    explanations: str | None = None
    fail_level: Literal["error", "warning", "info"] = "error"
    out: str = "reports"
    semantic: bool = False


def repository_root(start: Path) -> Path:
    """The folder that reports give source paths relative to: the top of the git checkout that
    holds `start` (code scanning, GitHub annotations and GitLab place findings by paths from
    the repository's top, wherever in it the command ran), else `start` itself."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():  # a folder, or a file in a worktree or submodule
            return folder
    return start


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path) -> tuple[ProjectConfig, Path]:
    """The config and the folder its paths are relative to (defaults: cwd)."""
    path = find_pyproject(start.resolve())
    if path is None:
        return ProjectConfig(), start
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IicheckError(Problem(str(path), f"cannot read [tool.iicheck]: {exc}")) from None
    section = data.get("tool", {}).get("iicheck")
    if section is None:
        return ProjectConfig(), start
    try:
        return ProjectConfig.model_validate(section), path.parent
    except ValidationError as exc:
        problems = [Problem(str(path), f"[tool.iicheck] {'.'.join(map(str, e['loc']))}: {e['msg']}")
                    for e in exc.errors(include_url=False)]
        raise IicheckError(problems) from None
