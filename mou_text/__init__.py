"""mou-text: parse, pair, classify and check bilingual (English/Spanish) agreements, offline.

The public API is what ``__all__`` lists; every other module is private by habit and may change.
"""

from ._version import __version__
from .corpus import load_mou, mou_metadata
from .document import Document, Node, Sentence
from .errors import (
    ConfigError,
    CorruptFileError,
    DecodingError,
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    LanguageMismatchError,
    LanguageMismatchWarning,
    ModelError,
    MouTextError,
    NoTextLayerError,
    UnsupportedFormatError,
    UnsupportedLanguageError,
)
from .pair import ClausePair, ParallelDocument, pair
from .parse import parse

__all__ = [
    "__version__",
    "parse",
    "pair",
    "load_mou",
    "mou_metadata",
    "Document",
    "Node",
    "Sentence",
    "ParallelDocument",
    "ClausePair",
    "MouTextError",
    "InputError",
    "EmptyDocumentError",
    "UnsupportedFormatError",
    "NoTextLayerError",
    "DecodingError",
    "FileTooLargeError",
    "LanguageMismatchError",
    "LanguageMismatchWarning",
    "UnsupportedLanguageError",
    "CorruptFileError",
    "ModelError",
    "ConfigError",
]
