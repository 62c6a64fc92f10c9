"""Folding: lower case without accents, one character for one character.

Every rule that matches words across the two languages compares folded text, and folding keeps the
string's length, so a match found on the folded text is a match at the same offsets of the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base if len(base) == 1 else ch


def fold(text: str) -> str:
    """Lower case without accents, one character for one character (``'Sección'`` → ``'seccion'``)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def written_in(words: str, folded: str) -> bool:
    """Are ``words`` written in ``folded`` (a text already passed through :func:`fold`) as whole words,
    case and accents aside? A name kept as published, a negative word left as it is."""
    return re.search(rf"(?<!\w){re.escape(fold(words))}(?!\w)", folded) is not None
