"""Read YAML the strict way: duplicate keys are errors, and every value remembers its line.

PyYAML silently keeps the last of two equal keys and forgets where values came from; both
matter to a user fixing a rule file. `load_yaml` returns plain data plus a map from a value's
path (as pydantic reports it in `loc`) to its 1-based (line, column), so validation errors
can be printed as `file:line:col: message`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import IicheckError, Problem

MAX_YAML_BYTES = 5_000_000
MAX_DEPTH = 40
MAX_EXCERPT_CHARS = 160
Loc = tuple[Any, ...]  # keys may be any YAML scalar
M = TypeVar("M", bound=BaseModel)


class LocatedYaml:
    """Plain data from a YAML file and the (line, column) of each value by path."""

    def __init__(self, data: Any, marks: dict[Loc, tuple[int, int]], path: Path, text: str) -> None:
        self.data = data
        self.marks = marks
        self.path = path
        self.lines = text.splitlines()

    def locate(self, loc: Sequence[str | int]) -> tuple[int, int] | None:
        """The mark of the deepest recorded prefix of `loc`."""
        key = tuple(loc)
        while key:
            if key in self.marks:
                return self.marks[key]
            key = key[:-1]
        return self.marks.get((), None)

    def excerpt(self, line: int | None) -> str | None:
        if line is None or not self.lines:
            return None
        lo, hi = max(1, line - 1), min(len(self.lines), line + 1)
        return "\n".join(
            f"  {'>' if n == line else ' '} {n:4d} | {_clip(self.lines[n - 1])}" for n in range(lo, hi + 1)
        )

    def problem(self, loc: Sequence[str | int], message: str, hint: str | None = None) -> Problem:
        mark = self.locate(loc)
        line, col = mark if mark else (None, None)
        return Problem(str(self.path), message, line, col, hint, self.excerpt(line))


def _clip(text: str, width: int = MAX_EXCERPT_CHARS) -> str:
    """One excerpt line, cut so a minified or generated file cannot flood the terminal."""
    return text if len(text) <= width else text[:width] + f" ... ({len(text) - width:,} more characters)"


def _construct(node: yaml.Node, loc: Loc, marks: dict[Loc, tuple[int, int]],
               problems: list[Problem], path: Path, depth: int) -> Any:
    marks[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if depth > MAX_DEPTH:
        problems.append(Problem(str(path), f"nested more than {MAX_DEPTH} levels deep",
                                node.start_mark.line + 1, node.start_mark.column + 1,
                                "flatten the structure; rule files need only a few levels"))
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, path, problems) if isinstance(key_node, yaml.ScalarNode) else None
            if key is _INVALID:
                continue
            if not isinstance(key, (str, int, float, bool)):
                problems.append(Problem(str(path), "a key must be a plain value",
                                        key_node.start_mark.line + 1, key_node.start_mark.column + 1))
                continue
            if key in result:
                problems.append(Problem(
                    str(path), f"duplicate key {key!r}", key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    "YAML would silently keep only the last one; remove or rename one of them"))
                continue
            result[key] = _construct(value_node, (*loc, key), marks, problems, path, depth + 1)
            # point at the key: "unknown key" and "wrong value" both read best there
            marks[(*loc, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, (*loc, i), marks, problems, path, depth + 1)
                for i, item in enumerate(node.value)]
    value = _scalar(node, path, problems)
    return None if value is _INVALID else value


_INVALID = object()
"""What `_scalar` returns for a value it could not read (after recording the problem)."""


def _scalar(node: yaml.Node, path: Path, problems: list[Problem]) -> Any:
    """The value of a scalar node; a value YAML cannot turn into one (2021-02-30, ``!!int abc``,
    bad base64, an integer of thousands of digits) is a problem at its line, not a traceback."""
    try:
        return yaml.SafeLoader.construct_object(_SCALAR_LOADER, node)
    except (ValueError, OverflowError, TypeError, yaml.YAMLError) as exc:
        reason = (getattr(exc, "problem", None) or str(exc)).split("; use sys.set_int_max_str_digits")[0]
        problems.append(Problem(str(path), f"cannot read the value {_clip(str(node.value), 60)!r}: {reason}",
                                node.start_mark.line + 1, node.start_mark.column + 1,
                                "write a valid value (dates as YYYY-MM-DD with a real day; quote "
                                "text that is not meant as a number, date or tagged value)"))
        return _INVALID


class _NoAliasLoader(yaml.SafeLoader):
    """Refuses anchors and aliases ('billion laughs' blow-ups; rules need none) and nesting
    deeper than MAX_DEPTH (PyYAML's composer recurses per level, so `[[[[...` thousands deep
    would otherwise end in a RecursionError with no line to show)."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError("while reading rules", None,
                                       "aliases (*name) are not allowed in iicheck files",
                                       event.start_mark)
        if self._depth > MAX_DEPTH:
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                       event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


_SCALAR_LOADER = yaml.SafeLoader("")


def load_yaml(path: Path, error_type: type[IicheckError]) -> LocatedYaml:
    """Parse `path` into located plain data, or raise `error_type` naming file, line and column."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error_type(Problem(str(path), f"cannot read: {exc.strerror or exc}")) from None
    if len(raw) > MAX_YAML_BYTES:
        # point at the line where the limit is crossed: that is where generated content starts
        line = raw.count(b"\n", 0, MAX_YAML_BYTES) + 1
        raise error_type(Problem(str(path), f"file is {len(raw):,} bytes; the limit is "
                                 f"{MAX_YAML_BYTES:,} (crossed on this line)", line, 1,
                                 hint="split it or remove generated content"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error_type(Problem(str(path), f"not UTF-8 text (byte {exc.start})",
                                 hint="save the file as UTF-8")) from None
    try:
        node = yaml.compose(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        err_line = mark.line + 1 if mark else None
        err_col = mark.column + 1 if mark else None
        located = LocatedYaml(None, {}, path, text)
        what = str(exc.problem or exc.context or "")
        deep = isinstance(what, str) and what.startswith("nested more than")
        raise error_type(Problem(str(path), what if deep else f"invalid YAML: {what}", err_line, err_col,
                                 "flatten the structure; rule files need only a few levels" if deep
                                 else "check indentation and quoting", located.excerpt(err_line))) from None
    except (yaml.YAMLError, RecursionError) as exc:
        raise error_type(Problem(str(path), f"invalid YAML: {exc}")) from None
    marks: dict[Loc, tuple[int, int]] = {}
    problems: list[Problem] = []
    data = None if node is None else _construct(node, (), marks, problems, path, 0)
    located = LocatedYaml(data, marks, path, text)
    if problems:
        raise error_type([Problem(p.path, p.message, p.line, p.column, p.hint,
                                  located.excerpt(p.line)) for p in problems])
    return located


def validate(located: LocatedYaml, model: type[M], error_type: type[IicheckError]) -> M:
    """Validate located data against a pydantic model; every error is reported with its line."""
    try:
        return model.model_validate(located.data if located.data is not None else {})
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            field = ".".join(str(p) for p in loc) or "(top level)"
            message = err["msg"]
            if err["type"] == "extra_forbidden":
                message = f"unknown key {loc[-1]!r}"
            elif err["type"] == "missing":
                message = f"missing required key {loc[-1]!r}"
            elif err["type"].startswith("date_"):  # pydantic speaks of datetimes and zero time
                given = err["input"]
                shown = given.isoformat() if hasattr(given, "isoformat") else repr(given)
                message = f"expected a date as YYYY-MM-DD, got {_clip(shown, 60)}"
            problems.append(located.problem(loc, f"{field}: {message}", _hint(err["type"])))
        raise error_type(problems) from None


def _hint(error_type: str) -> str | None:
    return {
        "extra_forbidden": "check the spelling; docs/rules.md lists the allowed keys",
        "missing": "add the key; docs/rules.md shows an example",
        "date_from_datetime_inexact": "write the day only, e.g. 2021-02-23",
        "date_from_datetime_parsing": "write the day only, e.g. 2021-02-23",
        "date_parsing": "write the day only, e.g. 2021-02-23",
        "date_type": "write the day only, e.g. 2021-02-23",
    }.get(error_type)
