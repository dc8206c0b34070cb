"""Turn a source file's bytes into text, or say exactly why that is not possible."""

from __future__ import annotations

import codecs
from pathlib import Path

from .errors import Problem, SourceError

MAX_SOURCE_BYTES = 64 * 1024 * 1024
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_source(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with BOM; binary or undecodable is a SourceError.

    The text is kept exactly as decoded (no newline folding), so character offsets in claims
    and findings index the file's characters.
    """
    if not raw.strip():
        raise SourceError(Problem(str(path), "file is empty", hint="remove it or add the text"))
    if len(raw) > MAX_SOURCE_BYTES:
        raise SourceError(Problem(str(path), f"file is {len(raw):,} bytes, over the "
                                  f"{MAX_SOURCE_BYTES:,}-byte limit", hint="split the source"))
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(Problem(str(path), f"invalid {encoding} at byte {exc.start}")) from None
    nul = raw.find(b"\x00", 0, 8192)
    if nul >= 0:
        raise SourceError(Problem(str(path), f"looks binary (NUL byte at offset {nul})",
                                  hint="only .txt/.md text sources can be audited"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(Problem(
            str(path), f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}",
            hint="convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)")) from None

