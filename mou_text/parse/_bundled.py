"""The bundled MOU, parsed: the signed English text and the project's Spanish working translation."""

from __future__ import annotations

from functools import lru_cache

from ..document import Document
from ..errors import ConfigError
from ..resources import data_path
from ._parser import check_lang, parse


@lru_cache(maxsize=2)
def load_mou(lang: str = "en") -> Document:
    """The bundled MOU in ``'en'`` (the signed text) or ``'es'`` (the project's working translation)."""
    code = check_lang(lang)
    if code not in ("en", "es"):  # pragma: no cover - _check_lang already refuses
        raise ConfigError("lang", f"{lang!r} has no bundled text", "use 'en' or 'es'", code="E244")
    return parse(data_path("corpora", "mou", f"{code}.md"), lang=code)
