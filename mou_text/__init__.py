"""mou-text: parse, pair, classify and check bilingual (English/Spanish) agreements, offline.

The public API is what ``__all__`` lists; every other module is private by habit and may change.
Names are imported on first use (PEP 562), so ``import mou_text`` — and every ``mou-text`` command,
which imports this package first — costs milliseconds instead of loading numpy and every capability:
``mou-text parse`` never touches the aligner, the checker or the classifier.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from ._version import __version__
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

if TYPE_CHECKING:  # what the lazy names are, for type checkers and IDEs
    from .align import ClausePair, ParallelDocument, SentencePair, align, align_sentences, pair
    from .check import CheckReport, check, check_dask, check_many
    from .classify import AreaClassifier, AreaPrediction, Evidence, Portfolio, find_thresholds
    from .document import Document, Node, Sentence
    from .glossary import Glossary, TermList, load_glossary, terms
    from .interchange import annotate, pair_from_file, pair_from_po, pair_from_table, pair_from_tmx, pair_from_xliff
    from .parse import load_mou, parse
    from .resources import mou_metadata

#: Public name -> the subpackage or module it comes from (imported on first access).
_LAZY = {
    **dict.fromkeys(["ClausePair", "ParallelDocument", "SentencePair", "align", "align_sentences", "pair"], "align"),
    **dict.fromkeys(["CheckReport", "check", "check_dask", "check_many"], "check"),
    **dict.fromkeys(["AreaClassifier", "AreaPrediction", "Evidence", "Portfolio", "find_thresholds"], "classify"),
    **dict.fromkeys(["Document", "Node", "Sentence"], "document"),
    **dict.fromkeys(["Glossary", "TermList", "load_glossary", "terms"], "glossary"),
    **dict.fromkeys(["annotate", "pair_from_file", "pair_from_po", "pair_from_table", "pair_from_tmx", "pair_from_xliff"], "interchange"),
    **dict.fromkeys(["load_mou", "parse"], "parse"),
    "mou_metadata": "resources",
}


def _resolve(name: str) -> Any:
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return _resolve(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


class _Package(types.ModuleType):
    """``mou_text.check``, ``.parse`` and ``.align`` are functions, as they were when this file imported
    everything: importing the subpackage of the same name (which sets the attribute to the module)
    must not hide the function."""

    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if isinstance(value, types.ModuleType) and _LAZY.get(name) == name:
            return _resolve(name)
        return value


sys.modules[__name__].__class__ = _Package

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
    "check_many",
    "check_dask",
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
