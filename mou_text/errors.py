"""The exception tree and its coded catalogue.

Every error mou-text raises on purpose is a :class:`MouTextError`, so callers can catch one class.
Each subclass carries a stable code (``E0xx``), like spaCy's catalogue, so an error seen in a log can
be looked up in ``docs/errors.md`` and searched for even when its message wording changes. A message
always says three things: *what* (the file or input), *why* (the cause) and *how to fix it*.

    MouTextError
    ├── InputError                 bad input the user can fix
    │   ├── EmptyDocumentError     E001 nothing but whitespace
    │   ├── UnsupportedFormatError E002 an extension no reader handles
    │   ├── NoTextLayerError       E003 a PDF with no extractable text (scanned): OCR it first
    │   ├── DecodingError          E004 bytes that are no text in any supported encoding, or binary
    │   ├── FileTooLargeError      E005 over the configured size limit
    │   ├── LanguageMismatchError  E006 an explicit lang contradicts the text
    │   ├── UnsupportedLanguageError E007 neither English nor Spanish
    │   └── CorruptFileError       E008 a .docx/.pdf the reader cannot open
    ├── ModelError                 E101… a model or encoder cannot be loaded or does not fit
    └── ConfigError                E201… an option value that makes no sense
"""

from __future__ import annotations

import warnings
from pathlib import Path


class MouTextError(Exception):
    """Base class of every error mou-text raises on purpose."""

    code = "E000"

    def __init__(self, what: str, cause: str, fix: str, *, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.what = what
        self.cause = cause
        self.fix = fix
        super().__init__(f"[{self.code}] {what}: {cause}. Fix: {fix}")


class InputError(MouTextError):
    """Input the user can repair: a file, a string or bytes that cannot be read as a document."""

    code = "E000"


class EmptyDocumentError(InputError):
    code = "E001"


class UnsupportedFormatError(InputError):
    code = "E002"


class NoTextLayerError(InputError):
    code = "E003"


class DecodingError(InputError):
    code = "E004"


class FileTooLargeError(InputError):
    code = "E005"


class LanguageMismatchError(InputError):
    code = "E006"


class UnsupportedLanguageError(InputError):
    code = "E007"


class CorruptFileError(InputError):
    code = "E008"


class ModelError(MouTextError):
    """A model, encoder or saved classifier cannot be loaded or does not match what it is used with."""

    code = "E101"


class ConfigError(MouTextError):
    """An option or argument value that cannot work."""

    code = "E201"


class LanguageMismatchWarning(UserWarning):
    """An explicit ``lang`` disagrees with the detected language, and the caller chose to go on."""


def describe(source: object) -> str:
    """How an input is named in messages: its path, or a short preview of a string."""
    if isinstance(source, Path):
        return f"file '{source}'"
    if isinstance(source, str):
        preview = source[:40].replace("\n", " ")
        return f"text '{preview}{'…' if len(source) > 40 else ''}'"
    if isinstance(source, (bytes, bytearray)):
        return f"{len(source)} bytes of input"
    return type(source).__name__


def warn_mismatch(message: str) -> None:
    warnings.warn(message, LanguageMismatchWarning, stacklevel=3)


CATALOGUE: dict[str, type[MouTextError]] = {
    cls.code: cls
    for cls in (
        EmptyDocumentError,
        UnsupportedFormatError,
        NoTextLayerError,
        DecodingError,
        FileTooLargeError,
        LanguageMismatchError,
        UnsupportedLanguageError,
        CorruptFileError,
        ModelError,
        ConfigError,
    )
}
