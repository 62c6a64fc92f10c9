"""Turning what a user passes (strings, paths, a Series, a DataFrame) into the text the classifier reads.

Prediction, training and the training hash must see a document identically, or a head's provenance
and its evidence offsets would not match the text; so normalising inputs and reading files
(markdown stripped) live here, once, for all three.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..readers import looks_like_path

__all__ = ["inputs", "one", "read_text", "strip_markdown"]

_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.MULTILINE)
_MD_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def read_text(path: str | PathLike[str]) -> str:
    """A file's text as the classifier sees it (offsets in evidence index this): markdown stripped."""
    from ..readers import read

    return strip_markdown(read(Path(path)).text)


def strip_markdown(markup: str) -> str:
    """The light markdown the readers emit (``#`` headings, ``- `` entries, ``**bold**``, links) as plain text."""
    text = _MD_HEADING.sub("", markup)
    text = _MD_BULLET.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    return _MD_LINK.sub(r"\1", text)


def inputs(data: Any) -> tuple[list[tuple[Any, str | None, str | None]], Any]:
    """Normalise every accepted input to (index, text, path) triples and an index for the frame."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        if "text" in data.columns:
            return [(i, t, None) for i, t in zip(data.index, data["text"])], data.index
        if "path" in data.columns:
            return [(i, None, str(p)) for i, p in zip(data.index, data["path"])], data.index
        raise ConfigError("DataFrame input", f"it has no 'text' or 'path' column (columns: {list(data.columns)[:8]})", "rename the column with the documents to 'text' (or 'path' for files)", code="E216")
    if isinstance(data, pd.Series):
        return [(i, *one(v)) for i, v in zip(data.index, data)], data.index
    if isinstance(data, (str, PathLike)):
        data = [data]
    if not isinstance(data, Iterable):
        raise ConfigError("input", f"a {type(data).__name__} cannot be classified", "pass a string, a list of strings or paths, a Series or a DataFrame", code="E217")
    items = [(i, *one(v)) for i, v in enumerate(data)]
    return items, None


def one(value: Any) -> tuple[str | None, str | None]:
    """(text, path) of one input: a short one-line string that looks like a path (a separator or a file
    extension) is a path, existing or not, so a missing file is an error, never a text to score."""
    if isinstance(value, PathLike):
        return None, str(value)
    if isinstance(value, str) and looks_like_path(value):
        return None, value.strip()
    return value, None
