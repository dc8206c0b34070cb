"""The errors iicheck reports to a user: each says where, what is wrong and how to fix it.

The core raises these; the CLI turns them into a message and exit code 2 in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One located problem: `path:line:col: message` plus a hint and a few lines of context."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    excerpt: str | None = None

    def render(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        if self.excerpt:
            text += "\n" + self.excerpt
        return text


class IicheckError(Exception):
    """Base class: the tool could not do its job (exit code 2)."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(path="iicheck", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(p.render() for p in self.problems)


class RuleFileError(IicheckError):
    """A rule file is malformed, invalid or inconsistent."""


class SourceError(IicheckError):
    """A source file or folder cannot be read as text."""


class ExplanationsError(IicheckError):
    """The explanations file is malformed or refers to unknown things."""


class OutputError(IicheckError):
    """A report or explanations file could not be written."""


@dataclass
class ErrorCollector:
    """Gathers problems so a user sees all of them at once, not one per run."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def raise_if_any(self, error_type: type[IicheckError]) -> None:
        if self.problems:
            raise error_type(list(self.problems))
