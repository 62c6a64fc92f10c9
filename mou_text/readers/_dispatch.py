"""One entry point for every input: a path, a string or bytes, told apart, size-limited, read by the
reader for its format, then cleaned of page furniture and normalised (``_finish``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import EmptyDocumentError, FileTooLargeError, InputError, UnsupportedFormatError
from ._decode import decode, normalise
from ._docx import read_docx
from ._furniture import remove_furniture
from ._html import html_to_markup
from ._pdf import read_pdf

#: Extensions mou-text reads, and the reader for each.
SUPPORTED = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")

#: Largest input read by default (characters of text, or bytes of a file). Override per call or with
#: the MOU_TEXT_MAX_BYTES environment variable.
DEFAULT_MAX_BYTES = 20_000_000
#: Largest number of PDF pages read by default.
DEFAULT_MAX_PAGES = 2_000


@dataclass(frozen=True, slots=True)
class RawText:
    """What a reader produced: markup text plus how it was obtained."""

    text: str
    source: str | None
    format: str
    encoding: str | None = None


def max_bytes_default() -> int:
    value = os.environ.get("MOU_TEXT_MAX_BYTES")
    return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES


#: Extensions that mark a short string as a file name, supported or not (a mistyped "es_final.doc" is
#: a missing file, never a one-clause document).
PATH_EXTENSIONS = SUPPORTED + (
    ".doc", ".rtf", ".odt", ".pages", ".xls", ".xlsx", ".csv", ".tsv", ".json", ".jsonl", ".xml",
    ".tmx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".epub", ".tex", ".rst",
)
_PATH_START = re.compile(r"^(?:~|\.{1,2})?[/\\]|^[A-Za-z]:[/\\]")


def looks_like_path(source: str) -> bool:
    """A string names a file (rather than being the document's text) when it is one short line and
    exists, or ends in a file extension, or is written as a path: it starts with ``/``, ``./``,
    ``../``, ``~/`` or a drive letter, or has a separator and no space. Text always has spaces or
    sentence punctuation, so a one-line sentence such as "U.S./Mexico cooperation." stays text.
    """
    if "\n" in source or len(source) > 1024 or not source.strip():
        return False
    name = source.strip()
    try:
        if Path(name).suffix.lower() in PATH_EXTENSIONS or Path(name).exists():
            return True
    except (OSError, ValueError):  # a name too long for the file system, or with a NUL: text
        return False
    if _PATH_START.match(name):
        return True
    return ("/" in name or "\\" in name) and not any(ch.isspace() for ch in name)


def read(
    source: str | os.PathLike[str] | bytes,
    *,
    max_bytes: int | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> RawText:
    """Read any supported input into normalised markup text."""
    limit = max_bytes if max_bytes is not None else max_bytes_default()
    if isinstance(source, (bytes, bytearray)):
        if len(source) > limit:
            raise _too_large("the input bytes", len(source), limit)
        text, encoding = decode(bytes(source), "the input bytes")
        return _finish(RawText(text, None, "text", encoding), "the input bytes")
    if isinstance(source, str) and not looks_like_path(source):
        if len(source) > limit:
            raise _too_large("the input text", len(source), limit)
        return _finish(RawText(source, None, "text"), "the input text")
    path = Path(source.strip()).expanduser() if isinstance(source, str) else Path(source)
    return _finish(read_path(path, limit, max_pages), f"file '{path}'")


def read_path(path: Path, max_bytes: int, max_pages: int) -> RawText:
    name = f"file '{path}'"
    if not path.exists():
        raise InputError(name, "the file does not exist", "check the path and the working directory", path=path, code="E047")
    if path.is_dir():
        raise InputError(name, "this is a directory, not a file", "pass one file (the batch commands take folders)", path=path, code="E048")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnsupportedFormatError(
            name,
            f"the extension '{suffix or '(none)'}' is not a supported format",
            f"convert it to one of {', '.join(SUPPORTED)}, or pass its text as a string",
            path=path, code="E049",
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise _too_large(name, size, max_bytes, path)
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError(name, "permission denied", "make it readable for this user (chmod u+r), or pass a copy you may read", path=path, code="E086") from None
    if suffix == ".docx":
        return RawText(read_docx(data, path, max_bytes), str(path), "docx")
    if suffix == ".pdf":
        return RawText(read_pdf(data, path, max_pages), str(path), "pdf")
    text, encoding = decode(data, name, path)
    if suffix in (".html", ".htm"):
        return RawText(html_to_markup(text), str(path), "html", encoding)
    return RawText(text, str(path), "markdown" if suffix in (".md", ".markdown") else "text", encoding)


def _too_large(name: str, size: int, limit: int, path: Path | None = None) -> FileTooLargeError:
    return FileTooLargeError(
        name,
        f"it is {size:,} bytes, over the limit of {limit:,}",
        "split it, or raise the limit with max_bytes=… (or the MOU_TEXT_MAX_BYTES environment variable)",
        path=path,
    )


def _finish(raw: RawText, name: str) -> RawText:
    text = raw.text
    if raw.format in ("text", "markdown"):  # a PDF's pages are mended by its reader (join_pages)
        text = remove_furniture(text)
    text = normalise(text)
    if not text.strip():
        raise EmptyDocumentError(
            name,
            "it contains no text (empty or only whitespace)",
            "check that the right file was passed and that it was saved with its content",
            path=raw.source, code="E052",
        )
    return RawText(text, raw.source, raw.format, raw.encoding)
