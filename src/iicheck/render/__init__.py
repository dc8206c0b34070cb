"""Renderers: each turns a `Report` into bytes or text and does nothing else.

RENDERERS maps a format name to (module path, function name, file name); modules are imported
only when used, so `iicheck check --format text` never loads WeasyPrint.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from typing import Any

from ..models import Report

RENDERERS: dict[str, tuple[str, str, str]] = {
    "text": ("iicheck.render.text", "render", "audit.txt"),
    "json": ("iicheck.render.json_report", "render", "audit.json"),
    "sarif": ("iicheck.render.sarif", "render", "audit.sarif"),
    "junit": ("iicheck.render.junit", "render", "audit.junit.xml"),
    "github": ("iicheck.render.github", "render", "audit.github.txt"),
    "gitlab": ("iicheck.render.gitlab", "render", "audit.gitlab.json"),
    "html": ("iicheck.render.html", "render_html", "audit.html"),
    "pdf": ("iicheck.render.pdf", "render_pdf", "audit.pdf"),
}


def renderer(name: str) -> Callable[..., str | bytes]:
    module, function, _ = RENDERERS[name]
    fn: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return fn


def render(name: str, report: Report, **options: Any) -> str | bytes:
    fn = renderer(name)
    if name in ("html", "pdf"):
        return fn(report)
    return fn(report, **options)


def render_for_file(name: str, report: Report, **options: Any) -> str | bytes | Iterator[bytes]:
    """What `render` gives, in pieces when the renderer's module offers `render_chunks(report)`
    (the JSON report: written straight to its file; atomic.write_all_atomic takes either)."""
    chunks = getattr(importlib.import_module(RENDERERS[name][0]), "render_chunks", None)
    if chunks is not None:
        return chunks(report)
    return render(name, report, **options)


def file_name(name: str) -> str:
    return RENDERERS[name][2]
