"""The full report as JSON: exactly `Report.model_dump(mode="json")` (schema: docs/schema.md).

Keys are sorted and the output ends with a newline, so identical input gives identical bytes.
The JSON report always carries every finding with its status (new / updated / explained)
and reason: it is the complete record, so `include_explained` is accepted for a uniform
renderer signature but changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from pydantic import TypeAdapter

from ..models import Report

CHUNK_ITEMS = 2000
"""Claims, findings, ... serialised per piece by `render_chunks`."""


def render(report: Report, *, include_explained: bool = True, **_options: Any) -> str:
    """Serialise the whole report; byte-identical for identical reports.

    Written by pydantic-core straight from the models (no intermediate dictionaries: about
    twice as fast as building them and dumping with orjson, and a fraction of the memory on
    large reports) in the layout of ``json.dumps(..., indent=2, sort_keys=True,
    ensure_ascii=False)``: keys come out sorted because the models declare their fields in
    alphabetical order and sort their dictionaries (models.py). The text is the standard
    library's except that small floats are written without an exponent (``0.00001``, not
    ``1e-05``); both parse to the same value (tested)."""
    del include_explained
    return b"".join(render_chunks(report)).decode("utf-8")


@lru_cache(maxsize=None)
def _list_adapter(field: str) -> TypeAdapter[Any]:
    annotation = Report.model_fields[field].annotation
    assert annotation is not None  # every Report field is annotated (pydantic types it as optional)
    return TypeAdapter(annotation)


def render_chunks(report: Report, chunk_items: int = CHUNK_ITEMS) -> Iterator[bytes]:
    """The bytes of `render(report)` (UTF-8; the one JSON writer), in pieces of at most
    `chunk_items` list items, for writing straight to a file: the whole text (hundreds of MB
    for 10,000 documents) never exists in memory at once. The same text as
    ``report.model_dump_json(indent=2) + "\n"``, list by list."""
    fields = list(Report.model_fields)
    yield b"{\n"
    for k, name in enumerate(fields):
        value = getattr(report, name)
        if isinstance(value, tuple) and value:
            yield f'  "{name}": [\n'.encode()
            adapter = _list_adapter(name)
            for i in range(0, len(value), chunk_items):
                # "[\n  {\n    ..." : items one level deeper in the report, so every line
                # gains two spaces; JSON strings hold no raw newline, so this is exact
                text = adapter.dump_json(value[i:i + chunk_items], indent=2)[2:-2]
                yield (b",\n" if i else b"") + b"  " + text.replace(b"\n", b"\n  ")
            yield b"\n  ]"
        else:  # '{\n  "name": value\n}' is the field's line(s), at the report's indentation
            yield report.__pydantic_serializer__.to_json(report, indent=2, include={name})[2:-2]
        yield b",\n" if k < len(fields) - 1 else b"\n"
    yield b"}\n"
