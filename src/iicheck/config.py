"""`[tool.iicheck]` in pyproject.toml: defaults so a bare `iicheck check` works in a repository."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal

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
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IicheckError(Problem(str(path), f"cannot read [tool.iicheck]: {exc}")) from None
    section = data.get("tool", {}).get("iicheck")
    if section is None:
        return ProjectConfig(), start
    try:
        return ProjectConfig.model_validate(section), path.parent
    except ValidationError as exc:
        problems = [_config_problem(path, text, e) for e in exc.errors(include_url=False)]
        raise IicheckError(sorted(problems, key=lambda p: p.line or 0)) from None


def _config_problem(path: Path, text: str, error: Any) -> Problem:
    """A [tool.iicheck] error at its key's line (tomllib keeps no positions: the key is looked
    for in the section's lines), in words, with a hint."""
    key = str(error["loc"][0]) if error["loc"] else ""
    allowed = ", ".join(ProjectConfig.model_fields)
    if error["type"] == "extra_forbidden":
        message, hint = f"unknown key {key!r}", f"the keys are {allowed}"
    else:
        message = f"{key}: {error['msg']}"
        hint = {"fail_level": "write fail_level = \"error\", \"warning\" or \"info\"",
                "semantic": "write semantic = true or semantic = false",
                "sources": "write a folder, or a list of them: sources = [\"seeds\", \"more\"]"}.get(
                    key, "write a quoted path, e.g. " + key + ' = "..."')
    line, column = _key_position(text, key)
    return Problem(str(path), f"[tool.iicheck] {message}", line, column, hint)


def _key_position(text: str, key: str) -> tuple[int | None, int | None]:
    """1-based line and column of `key = ...` in the [tool.iicheck] table, if written there."""
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = re.fullmatch(r"\[\s*tool\s*\.\s*iicheck\s*\](\s*#.*)?", stripped) is not None
        elif inside and re.match(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
            return number, len(line) - len(line.lstrip()) + 1
    return None, None
