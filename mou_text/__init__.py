"""mou-text: parse, pair, classify and check bilingual (English/Spanish) agreements, offline.

The public API is what ``__all__`` lists; every other module is private by habit and may change.
"""

from ._version import __version__
from .align import ClausePair, ParallelDocument, SentencePair, align, align_sentences, pair
from .check import CheckReport, check
from .classify import AreaClassifier, AreaPrediction, Evidence, Portfolio, find_thresholds
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
from .glossary import Glossary, TermList, load_glossary, terms
from .interchange import annotate, pair_from_file, pair_from_po, pair_from_table, pair_from_tmx, pair_from_xliff
from .parse import load_mou, parse
from .resources import mou_metadata

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
    "pair_from_tmx",
    "pair_from_file",
    "pair_from_po",
    "annotate",
    "pair_from_xliff",
    "pair_from_table",
    "AreaClassifier",
    "AreaPrediction",
    "Evidence",
    "Portfolio",
    "find_thresholds",
    "align",
    "align_sentences",
    "SentencePair",
    "check",
    "CheckReport",
    "Glossary",
    "load_glossary",
    "terms",
    "TermList",
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
