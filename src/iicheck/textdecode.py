"""Turn a source file's bytes into text, or say exactly why that is not possible.

What is accepted (docs: DESIGN.md "Reliability"):

- UTF-8, with or without BOM; UTF-16 and UTF-32 with a BOM.
- Windows-1252 / Latin-1 text, but only when it clearly is Western prose: the bytes are not
  UTF-8, decode as cp1252, contain no control characters, and every non-ASCII character is a
  common Western letter or punctuation mark, in short runs (``café``, ``Größe``, ``“quoted”``).
  Legacy CJK encodings, mojibake and binary data fail these tests and stay errors. The
  `Source` model has no place for a warning, so the file is decoded and a warning is logged
  on the ``iicheck`` logger (printed on stderr by Python's last-resort handler); re-save the
  file as UTF-8 to silence it.
- Anything else is a `SourceError` naming the file, line, column and byte offset.

Resource limits (measured on seed-like text, one file, Python 3.11, 2 cores): a 1 MB source
audits in ~8.5 s / 130 MB RSS, a 5 MB one in ~130 s / 490 MB and a 50 MB one would take hours,
because parts of the pipeline grow faster than linearly in the size of a source and in the
number of figures per sentence. So a source over `MAX_SOURCE_BYTES`, with more than
`MAX_SOURCE_NUMBERS` numbers, or with a line holding more than `MAX_NUMBERS_PER_LINE` numbers
is refused up front with a clear error (split it, or it is a data table, not prose) instead
of running for hours. Real sources (news articles, reports) are a few KB to a few hundred KB.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path
from typing import NoReturn

from .errors import Problem, SourceError
from .locate import LINE_BREAK, line_breaks

MAX_SOURCE_BYTES = 2 * 1024 * 1024
MAX_SOURCE_NUMBERS = 20_000
MAX_NUMBERS_PER_LINE = 200
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""Byte-order marks and their codecs, UTF-32 LE's before UTF-16 LE's (it begins with it); the
YAML reader names the encoding of a rule file saved with one of the others."""
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Non-ASCII characters that Western European prose in Windows-1252 / Latin-1 is made of.
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿŒœŠšŸŽž"
    "‘’‚“”„–—…€£¥¢«»°§©®™·•¼½¾¹²³±µ¡¿´¨ªº\u00a0"
)
_MAX_NON_ASCII_RUN = 3
_MAX_NON_ASCII_SHARE = 0.2

log = logging.getLogger("iicheck")


_LINE_BREAK_BYTES = re.compile(LINE_BREAK.pattern.encode())


def _where(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and (byte) column of a byte offset; lines end with LF, CR LF or CR, as the
    report counts them (iicheck.locate)."""
    breaks = [m.end() for m in _LINE_BREAK_BYTES.finditer(raw, 0, offset)]
    return len(breaks) + 1, offset - (breaks[-1] if breaks else 0) + 1


def looks_western(text: str) -> bool:
    """True when `text` (decoded as cp1252) reads as Western prose, not as garbage."""
    non_ascii = 0
    run = 0
    for ch in text:
        if ch < "\x80":
            run = 0
            if ch < " " and ch not in "\t\n\r\f":
                return False
            continue
        if ch not in _WESTERN:
            return False
        non_ascii += 1
        run += 1
        if run > _MAX_NON_ASCII_RUN:
            return False
    letters = sum(1 for ch in text if ch.isalpha())
    return non_ascii > 0 and non_ascii <= _MAX_NON_ASCII_SHARE * max(letters, 1)


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
"""A UTF-8 sequence of a character beyond ASCII (shape only; the decoder has the last word)."""


def _has_utf8_characters(raw: bytes) -> bool:
    """Whether `raw` is mostly UTF-8: at least two characters beyond ASCII written correctly in
    UTF-8, and at least twice as many as the bytes that are not UTF-8. Then those bytes are
    stray ones in a UTF-8 file, and reading the whole file as Windows-1252 would garble every
    correct character ("China’s" -> "Chinaâ€™s"). Windows-1252 text can hold a valid UTF-8
    pair by accident ("CAFÉ’S" is the bytes of "ɒ"), but seldom two, against its many bytes
    that are not UTF-8. A character of three or four bytes counts twice: Windows-1252 text
    holds such a sequence by accident still more seldom ("’" is "â€™" there), so one curly
    quote beside one stray byte is a UTF-8 file with a stray byte."""
    valid = 0
    for m in _UTF8_MULTIBYTE.finditer(raw):
        try:
            m.group(0).decode("utf-8")
        except UnicodeDecodeError:
            continue
        valid += 2 if len(m.group(0)) >= 3 else 1
    if valid < 2:
        return False
    text = raw.decode("utf-8", "surrogateescape")  # each byte that is not UTF-8: one surrogate
    stray = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    return valid >= 2 * stray


def _legacy(path: Path, raw: bytes, exc: UnicodeDecodeError) -> str:
    """cp1252 text when it clearly is Western prose; otherwise the UTF-8 error, located."""
    mixed = _has_utf8_characters(raw)
    try:
        text = None if mixed else raw.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and looks_western(text):
        log.warning("iicheck: warning: %s: not UTF-8; decoded as Windows-1252 (Latin-1). "
                    "Re-save it as UTF-8 to be sure of its characters.", path)
        return text
    line, col = _where(raw, exc.start)
    control = re.search(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]", raw)
    if control is not None:
        _binary(path, raw, control.start())
    if mixed:
        hint = ("the rest of the file is UTF-8: fix or delete this byte in an editor (converting the "
                "whole file from another encoding would garble the characters that are right)")
    else:
        hint = ("convert the file to UTF-8 from the encoding it was saved in, e.g. iconv -f gb18030 -t utf-8 "
                "for Chinese, iconv -f cp1252 -t utf-8 for Western European text")
    raise SourceError(Problem(
        str(path), f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}", line, col, hint=hint))


def _binary(path: Path, raw: bytes, offset: int) -> NoReturn:
    hint = "only .txt/.md text sources can be audited"
    codec = _utf16_without_bom(raw)
    if codec is not None:
        hint = f"it looks like {codec.upper()} text without a byte-order mark: save it as UTF-8 (e.g. iconv -f {codec} -t utf-8)"
    raise SourceError(Problem(str(path), f"looks binary (byte 0x{raw[offset]:02x} at offset {offset})", hint=hint))


def _utf16_without_bom(raw: bytes) -> str | None:
    """"utf-16le" or "utf-16be" for text in UTF-16 without a BOM: in the first kilobyte nearly
    every other byte is NUL (ASCII-range text), none of the others, and the whole decodes."""
    head = raw[:1024]
    if len(head) < 4:
        return None
    for parity, codec in ((1, "utf-16le"), (0, "utf-16be")):
        if head[parity::2].count(0) >= 0.9 * len(head[parity::2]) and head[1 - parity::2].count(0) == 0:
            try:
                raw.decode(codec)
            except UnicodeDecodeError:
                return None
            return codec
    return None


def check_size(path: Path, size: int) -> None:
    """Refuse a source over the size limit before reading it (see the module docstring)."""
    if size > MAX_SOURCE_BYTES:
        raise SourceError(Problem(str(path), f"file is {size:,} bytes, over the {MAX_SOURCE_BYTES:,}-byte "
                                  "limit for one source", hint="split it into several sources"))


def _digits_at_most(text: str) -> int:
    """An upper bound on the characters `\\d` matches (any Unicode decimal digit), in C-speed
    passes: the ASCII digits plus the UTF-8 bytes beyond one per character (each non-ASCII
    character adds at least one, so they bound the non-ASCII digits)."""
    encoded = text.encode("utf-8", "surrogatepass")
    return len(encoded) - len(encoded.translate(None, b"0123456789")) + len(encoded) - len(text)


def check_numbers(path: Path, text: str) -> None:
    """Refuse a data dump posing as prose: too many numbers overall or on one line."""
    if _digits_at_most(text) <= MAX_NUMBERS_PER_LINE:
        return  # fewer digits than the per-line limit: no line, nor the text, can be over a limit
    total = 0
    for number, count in enumerate(map(len, map(_NUMBER.findall, line_breaks(text).split(text))), start=1):
        if count > MAX_NUMBERS_PER_LINE:
            raise SourceError(Problem(
                str(path), f"line holds {count:,} numbers; the limit is {MAX_NUMBERS_PER_LINE:,} per line",
                number, 1, hint="this looks like a data table, not prose: audit the text, or break the line"))
        total += count
        if total > MAX_SOURCE_NUMBERS:
            raise SourceError(Problem(
                str(path), f"more than {MAX_SOURCE_NUMBERS:,} numbers (limit reached on this line)",
                number, 1, hint="split the source into several files"))


def decode_source(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with BOM, clearly-Western cp1252; else SourceError.

    The text is kept exactly as decoded (no newline folding), so character offsets in claims
    and findings index the file's characters.
    """
    check_size(path, len(raw))
    text: str | None = None
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                # utf-8-sig counts exc.start from after its BOM; utf-16 and utf-32 from the file's start
                at = exc.start + (len(bom) if encoding == "utf-8-sig" else 0)
                if encoding == "utf-8-sig":
                    line, col = _where(raw, at)
                    raise SourceError(Problem(
                        str(path), f"not valid UTF-8: byte 0x{raw[at]:02x} at offset {at}", line, col,
                        hint="the rest of the file is UTF-8 (it starts with a UTF-8 byte-order mark): fix "
                             "or delete this byte in an editor")) from None
                raise SourceError(Problem(str(path), f"invalid {encoding} at byte {at}",
                                          hint=f"the file starts with a {encoding} byte-order mark but is not "
                                               f"{encoding} throughout: re-save it as UTF-8")) from None
            break
    if text is None:
        nul = raw.find(b"\x00")
        if nul >= 0:
            _binary(path, raw, nul)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _legacy(path, raw, exc)
    if not text.strip():
        raise SourceError(Problem(str(path), "file is empty", hint="remove it or add the text"))
    check_numbers(path, text)
    return text
