"""Bytes to text, and text to the one normal form every later offset is taken in.

Decoding tries what agreements are saved as (UTF-8 with or without BOM, UTF-16 with or without BOM,
Windows-1252) and refuses binary; ``normalise`` is the single place where characters are rewritten
(NFC, LF, plain spaces, no invisible characters), so no later step can move an offset.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..errors import DecodingError

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\t"), " ")


def decode(data: bytes, name: str, path: Path | None = None) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252; refuse binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name, path), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name, path), "utf-16"
    bomless = utf16_without_bom(data)
    if bomless is not None:
        try:
            return data.decode(bomless), bomless
        except UnicodeDecodeError:
            pass
    if _is_binary(data):
        raise DecodingError(
            name,
            "the content is binary (it contains NUL or control bytes), not text",
            "pass a text, markdown, .docx, .pdf or .html file; if it is an office file, save it as .docx",
            path=path, code="E004",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # cp1252 is what Windows editors save Spanish text as; a byte it leaves undefined means the
        # file is no cp1252 text either.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise DecodingError(
            name,
            f"the bytes are neither UTF-8 nor Windows-1252 text (undecodable byte at offset {exc.start})",
            "re-save the file as UTF-8",
            path=path, code="E050",
        ) from None


def _strict(data: bytes, encoding: str, name: str, path: Path | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodingError(
            name,
            f"the file declares {encoding} with a byte-order mark but byte {exc.start} is invalid",
            "re-save the file as UTF-8",
            path=path, code="E051",
        ) from None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without a byte-order mark, else None.

    Latin-script text in UTF-16 has a NUL in every other byte (the high byte of each character), on
    the odd offsets for little-endian and the even ones for big-endian; binary files have NULs
    scattered on both."""
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.6 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.6 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def normalise(text: str) -> str:
    """Unicode NFC, LF line endings, plain spaces, and no invisible characters."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\f", "\n\n").translate(_INVISIBLE).translate(_SPACES)
    return re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", "", text)
