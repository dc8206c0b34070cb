"""Render a `Report` as PDF: the HTML report through WeasyPrint with its print CSS.

Print CSS gives A4 pages, "page N of M" and a contents list with page numbers. WeasyPrint
never touches the network here: every URL it asks for goes to a fetcher that refuses,
so hostile source text can at worst produce a warning, never a request. The HTML carries
no date metadata and no PDF identifier is written, and font subsets are stamped with a
fixed time (fontTools, WeasyPrint's subsetter when HarfBuzz-subset is missing, stamps
the current time unless SOURCE_DATE_EPOCH is set), so identical reports give identical
bytes.

The sans-serif face is bundled (Liberation Sans 2.1.5, SIL OFL 1.1, in `iicheck/fonts/`) and
declared with @font-face, so the PDF is laid out alike on every machine, whether or not the
system has the font; the fetcher serves those three files and nothing else. The monospaced and
serif text uses DejaVu, which Debian's base fonts carry.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from iicheck.models import Report
from iicheck.render.html import render_print_html

try:  # WeasyPrint >= 68 takes a URLFetcher object; older versions a plain callable
    from weasyprint.urls import URLFetcher as _FetcherBase
    from weasyprint.urls import URLFetcherResponse
except ImportError:  # pragma: no cover - depends on the installed WeasyPrint
    _FetcherBase = object  # type: ignore[assignment,misc]
    URLFetcherResponse = None

FONTS = Path(__file__).resolve().parent.parent / "fonts"
"""The bundled faces (and their licence, OFL.txt)."""

_FACES = (("LiberationSans-Regular.ttf", "normal", "normal"),
          ("LiberationSans-Bold.ttf", "bold", "normal"),
          ("LiberationSans-Italic.ttf", "normal", "italic"))
FONT_URLS = {(FONTS / name).as_uri(): FONTS / name for name, _, _ in _FACES}
"""The only URLs the PDF renderer fetches, and their files: the bundled faces."""

FONT_FACES = "\n".join(
    f'@font-face {{ font-family: "Liberation Sans"; src: url("{url}"); font-weight: {weight}; font-style: {style}; }}'
    for url, (_, weight, style) in zip(FONT_URLS, _FACES))
"""@font-face rules that make "Liberation Sans" the bundled files, not whatever the system has."""


class FetchRefused(RuntimeError):
    """Raised for every resource WeasyPrint tries to load while rendering a report."""


class RefusingFetcher(_FetcherBase):  # type: ignore[misc,valid-type]
    """A url_fetcher that refuses everything but the bundled fonts (`FONT_URLS`), and
    remembers what it refused."""

    _fail_on_errors = False  # WeasyPrint turns a refusal into a warning, not a crash

    def __init__(self) -> None:
        self.refused: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> Any:
        """A bundled font's bytes; refuse any other `url`: a report needs nothing from
        outside its own bytes and the package."""
        if url in FONT_URLS:
            body = FONT_URLS[url].read_bytes()
            if URLFetcherResponse is None:  # pragma: no cover - WeasyPrint < 68
                return {"string": body, "mime_type": "font/ttf", "redirected_url": url}
            return URLFetcherResponse(url, body=body, headers={"Content-Type": "font/ttf"})
        self.refused.append(url)
        raise FetchRefused(f"iicheck renders offline; refused to fetch {url!r}")

    def __call__(self, url: str, *args: Any, **kwargs: Any) -> Any:
        return self.fetch(url)


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
        fonts = FontConfiguration()
        faces = CSS(string=FONT_FACES, url_fetcher=fetcher, font_config=fonts)
        with _reproducible_timestamps():
            pdf = document.write_pdf(stylesheets=[faces], font_config=fonts, pdf_identifier=False)
    finally:
        logger.setLevel(level)
    assert pdf is not None
    return pdf


def render_pdf(report: Report) -> bytes:
    """The audit report as PDF bytes (A4, page numbers, contents), rendered offline."""
    return html_to_pdf(render_print_html(report))
