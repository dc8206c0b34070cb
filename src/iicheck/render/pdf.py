"""Render a `Report` as PDF: the HTML report through WeasyPrint with its print CSS.

Print CSS gives A4 pages, "page N of M" and a contents list with page numbers. WeasyPrint
never touches the network here: every URL it asks for goes to a fetcher that refuses,
so hostile source text can at worst produce a warning, never a request. The HTML carries
no date metadata and no PDF identifier is written, and font subsets are stamped with a
fixed time (fontTools, WeasyPrint's subsetter when HarfBuzz-subset is missing, stamps
the current time unless SOURCE_DATE_EPOCH is set), so identical reports give identical
bytes.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from weasyprint import HTML

from iicheck.models import Report
from iicheck.render.html import render_print_html

try:  # WeasyPrint >= 68 takes a URLFetcher object; older versions a plain callable
    from weasyprint.urls import URLFetcher as _FetcherBase
except ImportError:  # pragma: no cover - depends on the installed WeasyPrint
    _FetcherBase = object  # type: ignore[assignment,misc]


class FetchRefused(RuntimeError):
    """Raised for every resource WeasyPrint tries to load while rendering a report."""


class RefusingFetcher(_FetcherBase):  # type: ignore[misc,valid-type]
    """A url_fetcher that refuses everything and remembers what it was asked for."""

    _fail_on_errors = False  # WeasyPrint turns a refusal into a warning, not a crash

    def __init__(self) -> None:
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> NoReturn:
        """Refuse `url`: a report needs nothing from outside its own bytes."""
        self.refused.append(url)
        raise FetchRefused(f"iicheck renders offline; refused to fetch {url!r}")

    def __call__(self, url: str, *args: Any, **kwargs: Any) -> NoReturn:
        self.fetch(url)


@contextmanager
def _reproducible_timestamps() -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH (if the caller has not) while WeasyPrint subsets fonts."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def html_to_pdf(html: str, fetcher: RefusingFetcher | None = None) -> bytes:
    """Lay out an HTML string as PDF with the refusing fetcher and no base URL."""
    fetcher = fetcher if fetcher is not None else RefusingFetcher()
    logger = logging.getLogger("weasyprint")
    level = logger.level
    logger.setLevel(logging.ERROR)  # refused fetches and unsupported CSS are expected noise
    try:
        document = HTML(string=html, base_url=None, url_fetcher=fetcher)
        with _reproducible_timestamps():
            pdf = document.write_pdf(pdf_identifier=False)
    finally:
        logger.setLevel(level)
    assert pdf is not None
    return pdf


def render_pdf(report: Report) -> bytes:
    """The audit report as PDF bytes (A4, page numbers, contents), rendered offline."""
    return html_to_pdf(render_print_html(report))
