"""Read YAML the strict way: duplicate keys are errors, and every value remembers its line.

PyYAML silently keeps the last of two equal keys and forgets where values came from; both
matter to a user fixing a rule file. `load_yaml` returns plain data plus a map from a value's
path (as pydantic reports it in `loc`) to its 1-based (line, column), so validation errors
can be printed as `file:line:col: message`. `validate` words pydantic's errors in the file's
terms (what was expected, what was given) and adds a hint on how to fix each.
"""

from __future__ import annotations

import codecs
import difflib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from .errors import IicheckError, Problem
from .textdecode import BOMS

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

    def excerpt(self, line: int | None, also: int | None = None) -> str | None:
        """`line` between its neighbours, marked with >; `also` (a line the message names
        too, such as where an unclosed bracket opened) marked the same way."""
        if line is None or not self.lines:
            return None
        shown = set(range(max(1, line - 1), min(len(self.lines), line + 1) + 1))
        if also is not None and 1 <= also <= len(self.lines):
            shown.add(also)
        shown |= {n + 1 for n in shown if n + 2 in shown}  # "..." never stands for one line
        out: list[str] = []
        for n in sorted(shown):
            if out and n - 1 not in shown:
                out.append("         ...")
            out.append(f"  {'>' if n in (line, also) else ' '} {n:4d} | {_clip(self.lines[n - 1])}")
        return "\n".join(out)

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
                in_item = bool(loc) and isinstance(loc[-1], int)
                problems.append(Problem(
                    str(path), f"duplicate key {key!r}", key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    "YAML would silently keep only the last one; remove or rename one of them"
                    + (" (if this line should begin a new item of the list, write '- ' before the "
                       "item's first key: a missing '- ' starts no new item)" if in_item else "")))
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
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error_type(_not_utf8(path, body, exc.start)) from None
    try:
        node = yaml.compose(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as exc:
        raise error_type(_syntax_problem(LocatedYaml(None, {}, path, text), text, exc)) from None
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


def _not_utf8(path: Path, raw: bytes, offset: int) -> Problem:
    """Where the first byte that is not UTF-8 is (`offset` counts bytes, not characters)."""
    line = raw.count(b"\n", 0, offset) + 1
    column = len(raw[raw.rfind(b"\n", 0, offset) + 1:offset].decode("utf-8", errors="replace")) + 1
    shown = LocatedYaml(None, {}, path, raw.decode("utf-8", errors="replace"))
    saved_as = next((encoding.upper() for bom, encoding in BOMS if encoding != "utf-8-sig" and raw.startswith(bom)),
                    "Windows-1252 or Latin-1")
    return Problem(str(path), f"not UTF-8 text: byte 0x{raw[offset]:02x} cannot be read", line, column,
                   f"save the file as UTF-8 (it was probably saved as {saved_as})",
                   shown.excerpt(line))


_CONTEXTS = {  # PyYAML's context -> what the user opened there
    "while parsing a flow sequence": "the list [ opened",
    "while parsing a flow mapping": "the mapping { opened",
    "while parsing a block mapping": "the block of `key: value` lines that starts",
    "while parsing a block collection": "the list that starts",
    "while scanning a quoted scalar": "the quoted text opened",
    "while scanning a double-quoted scalar": "the quoted text opened",
    "while scanning a simple key": "the key that starts",
    "expected a single document in the stream": "the first document, which starts",
}


_SYNTAX_HINTS = {
    "aliases": "write the values out again; anchors (&name) and aliases (*name) are refused",
    "but found another document": "a rule file holds one document: remove the '---' line and what follows "
                                  "it, or merge the two",
}


def _syntax_problem(located: LocatedYaml, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error at the problem's mark; when what the problem is inside of (an
    unclosed [, a quote) started on another line, the message names that line too and the
    excerpt shows it, since that is often where the mistake is."""
    what = str(exc.problem or exc.context or "")
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    if what.startswith("nested more than"):
        return Problem(str(located.path), what, line, column,
                       "flatten the structure; rule files need only a few levels", located.excerpt(line))
    message, also = f"invalid YAML: {what}", None
    hint = next((h for start, h in _SYNTAX_HINTS.items() if what.startswith(start)),
                "check indentation and quoting")
    quote = _quoted_before(text, exc.problem_mark)
    if quote is not None and line is not None:
        also = quote.start_mark.line + 1
        message += f" (after the quoted text opened on line {also}: is its closing quote missing?)"
        hint = "end quoted text with the quote it starts with; inside '...' write '' for a '"
    elif exc.problem_mark and exc.context_mark and exc.context_mark.line != exc.problem_mark.line:
        also = exc.context_mark.line + 1
        opened = _CONTEXTS.get(str(exc.context), f"{exc.context}, which starts")
        message += f" (in {opened} on line {also})"
        if "[" in opened or "{" in opened:
            hint = "close the brackets where the list ends, and separate items with commas"
        elif str(exc.context).startswith("while parsing a block"):
            hint = (f"check the indentation: the keys of a block (or the '- ' of a list) line up with its "
                    f"first one, on line {also}; a nested block is indented under its key")
    return Problem(str(located.path), message, line, column, hint, located.excerpt(line, also))


def _quoted_before(text: str, mark: yaml.Mark | None) -> yaml.ScalarToken | None:
    """The quoted scalar right before `mark` when it spans lines: an unclosed quote that ran
    on to the next quote mark, which PyYAML reports only where the parse fails later."""
    if mark is None:
        return None
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    if (isinstance(last, yaml.ScalarToken) and last.style in ("'", '"')
            and last.start_mark.line != last.end_mark.line):
        return last
    return None


class LocatedValueError(ValueError):
    """A validator's error about one part of the value it checks.

    `at` is that part's path below the validated model (("definitions", 2, "within")), so the
    error points at the faulty field rather than at the model's first line; `hint` says how
    to fix it. `validate` finds the exception in pydantic's error context."""

    def __init__(self, message: str, *at: str | int, hint: str | None = None) -> None:
        super().__init__(message)
        self.at = at
        self.hint = hint


def validate(located: LocatedYaml, model: type[M], error_type: type[IicheckError]) -> M:
    """Validate located data against a pydantic model; every error is reported with its line."""
    if located.data is None:  # no content: fine if every key has a default
        try:
            return model.model_validate({})
        except ValidationError:
            blank = all(not line.strip() for line in located.lines)
            raise error_type(Problem(
                str(located.path), "the file is empty" if blank else "the file holds only comments",
                1, 1, "write its keys, starting with `version: 1`; docs/rules.md shows an example",
                located.excerpt(1))) from None
    try:
        return model.model_validate(located.data)
    except ValidationError as exc:
        problems = [_problem(located, err) for err in exc.errors(include_url=False)]
        raise error_type(list(dict.fromkeys(problems))) from None  # [] gives two equal errors


def _problem(located: LocatedYaml, err: ErrorDetails) -> Problem:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    cause = err.get("ctx", {}).get("error")
    if isinstance(cause, LocatedValueError):
        loc += cause.at
    if err["type"] == "missing" and loc and isinstance(loc[-1], int):
        loc = loc[:-1]  # an item of a fixed-length list: the list is too short
    message, hint = explain_error(err, loc, located)
    field = ".".join(str(p) for p in loc) or "(top level)"
    return located.problem(loc, f"{field}: {message}", hint)


ID_PATTERN = r"^[a-z][a-z0-9_]*$"  # of metrics and definitions; errors say what it means
_BOUNDS = {"greater_than": ("gt", "greater than"), "greater_than_equal": ("ge", "at least"),
           "less_than": ("lt", "less than"), "less_than_equal": ("le", "at most")}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)")


def _reference(path: Path) -> str:
    """Where the keys of a YAML file of iicheck's are documented."""
    if path.name == "sources.yaml":
        return "README.md (Commands: the sources.yaml paragraph)"
    if path.name.startswith("explanations"):
        return "docs/ci.md"
    return "docs/rules.md"


def explain_error(err: ErrorDetails, loc: Loc, located: LocatedYaml) -> tuple[str, str]:
    """What is wrong, in the words of the file rather than of pydantic, and how to fix it."""
    kind, given, ctx = err["type"], err["input"], err.get("ctx", {})
    got = f"got {_describe(given)}"
    ref = _reference(located.path)
    if kind == "extra_forbidden":
        return f"unknown key {loc[-1]!r}", f"check the spelling; {ref} lists the allowed keys"
    if ((kind == "missing" and err["loc"] and isinstance(err["loc"][-1], int))
            or (kind == "too_long" and ctx.get("field_type") == "Tuple")):
        # the only fixed-length lists in iicheck files are [low, high] ranges
        return f"expected two numbers [low, high], {got}", _thousands_hint(given, located, loc) or (
            "write the lowest and the highest plausible value, e.g. [1, 100000]")
    if kind == "missing":
        return f"missing required key {loc[-1]!r}", f"add the key; {ref} shows an example"
    if kind.startswith("date_"):  # pydantic speaks of datetimes and zero time
        shown = given.isoformat() if hasattr(given, "isoformat") else repr(given)
        return f"expected a date as YYYY-MM-DD, got {_clip(shown, 60)}", "write the day only, e.g. 2021-02-23"
    if kind in ("bool_parsing", "bool_type"):
        return f"expected true or false, {got}", "write true or false"
    if kind == "literal_error":
        return _literal(ctx["expected"], given, loc)
    if kind in _BOUNDS:
        name, words = _BOUNDS[kind]
        return f"must be {words} {ctx[name]:.15g}, {got}", f"write a number {words} {ctx[name]:.15g}"
    if kind in ("int_parsing", "int_type", "int_from_float", "float_parsing", "float_type"):
        whole = kind.startswith("int")
        return f"expected a {'whole ' if whole else ''}number, {got}", _number_hint(given, whole, located, loc)
    if kind == "finite_number":
        return f"expected a finite number, {got}", ("write a number: .nan, .inf and -.inf are no bound or "
                                                    "factor; leave an optional key out instead")
    if kind in ("list_type", "tuple_type"):
        return f"expected a list, {got}", ("write [a, b, c] on one line, or one item per line, each "
                                           "starting with '- '" + (" (here no line starts with '- ')"
                                                                   if isinstance(given, dict) else ""))
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of `key: value` lines, {got}", (
            "start the file with `version: 1`" if not loc else "write `key: value` pairs, one per line "
            "and indented under the key, or {key: value} on one line") + f"; {ref} lists the keys"
    if kind == "string_type":
        return f"expected text, {got}", _text_hint(given, _written(located, loc))
    if kind == "too_short":
        least = ctx["min_length"]
        return f"expected at least {least} item{'s' * (least != 1)}, {got}", "list the items, e.g. [a, b]"
    if kind == "string_too_short":
        return "must not be empty", "write the text, or remove the key where it is optional"
    if kind == "string_pattern_mismatch" and ctx["pattern"] == ID_PATTERN:
        example = re.sub(r"[^a-z0-9]+", "_", str(given).lower()).strip("_")
        return f"{given!r} is not a valid id", ("an id is lower-case letters, digits and _, starting with "
                                               f"a letter" + (f", e.g. {example}" if re.match(ID_PATTERN, example)
                                                              else ""))
    message = err["msg"].removeprefix("Value error, ")
    cause = ctx.get("error")
    return message, (cause.hint if isinstance(cause, LocatedValueError) and cause.hint
                     else f"{ref} says what this key accepts")


def _describe(value: Any) -> str:
    """A value as the user wrote it, in words: 'the text \'3x\'', 'a list of 3 items'."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {_clip(value, 60)!r}" if value else "empty text"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)} item{'s' * (len(value) != 1)}"
    if isinstance(value, dict):
        return "a mapping (`key: value` lines)"
    return f"the {type(value).__name__} {_clip(str(value), 60)}"


def _literal(expected: str, given: Any, loc: Loc) -> tuple[str, str]:
    if loc and loc[-1] == "version":
        return f"expected 1, got {_describe(given)}", "this iicheck reads version 1 only: write `version: 1`"
    words = re.findall(r"'([^']*)'", expected)
    return f"expected {expected}, got {_describe(given)}", (
        did_you_mean(str(given), words) + f"write one of: {', '.join(words) or expected}")


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """'did you mean 'more_than'? ' when a choice is close to `word`, else ''."""
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f"did you mean {close[0]!r}? " if close else ""


def _thousands_hint(given: Any, located: LocatedYaml, loc: Loc) -> str | None:
    """A number written with thousands commas (100,000): YAML reads text, or in a list two items."""
    mark = located.locate(loc)
    text = given if isinstance(given, str) else located.lines[mark[0] - 1] if mark else ""
    found = _THOUSANDS.search(text)
    if found is None:
        return None
    return (f"write numbers without thousands commas: {found[0].replace(',', '')}, not {found[0]} "
            "(inside [...] a comma starts a new item)")


def _number_hint(given: Any, whole: bool, located: LocatedYaml, loc: Loc) -> str:
    if isinstance(given, str):
        if commas := _thousands_hint(given, located, loc):
            return commas
        if given.strip().endswith("%"):
            return "write a plain number without % (a share as a fraction: 10% is 0.1)"
        if re.fullmatch(r"\s*[-+]?\d+(?:\.\d+)?[eE][-+]?\d+\s*", given):
            value = float(given)
            return (f"write {given.strip()} in full, {value:.15g}" if abs(value) < 1e16
                    else f"{given.strip()} is far beyond any sensible value here")
        if lead := re.fullmatch(r"\s*([-+]?\d+(?:\.\d+)?)\s*(\S.*?)\s*", given):
            number, rest = lead.groups()
            scale = _SCALES.get(rest.lower())
            return (f"write {given.strip()} as {float(number) * scale:.15g}" if scale
                    else f"write the number alone ({number}), without {rest!r}")
    return "write a whole number, e.g. 2" if whole else "write a number, e.g. 3.0"


_SCALAR = re.compile(r"[^\s,\]\}#]+")


def _written(located: LocatedYaml, loc: Loc) -> str | None:
    """A plain scalar as the file writes it ("010", which YAML reads as the number 8)."""
    mark = located.locate(loc)
    if mark is None or not 0 < mark[0] <= len(located.lines):
        return None
    line = located.lines[mark[0] - 1][mark[1] - 1:]
    if loc and isinstance(loc[-1], str):  # the mark is the key's: the value follows its colon
        key = re.match(rf"[\"']?{re.escape(loc[-1])}[\"']?\s*:\s*", line)
        line = line[key.end():] if key else ""
    found = _SCALAR.match(line)
    return found[0] if found else None


def _text_hint(given: Any, written: str | None = None) -> str:
    if isinstance(given, bool):
        return "YAML reads No/yes/on/off (any case) as true/false: quote it, e.g. 'No'"
    if isinstance(given, (int, float)):
        shown = written or given  # a quoted scalar is text: `written` is never a quote here
        return f"YAML reads {shown} as a number: quote it as written, e.g. '{shown}'"
    if given is None:
        return "write a value after the colon, or remove the key where it is optional"
    if isinstance(given, (list, dict)):
        return "quote text that starts with [ or { or holds ': ', e.g. 'a: b'"
    return f"YAML reads {given} as a {type(given).__name__}: quote it, e.g. '{given}'"
