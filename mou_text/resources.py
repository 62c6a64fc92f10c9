"""Where the bundled data is: the MOU texts and their metadata, the glossary, the shipped models.

Data lives at the top of the repository (``corpora/``, ``models/``) so it is easy to find and review;
the wheel carries the same files under ``mou_text/_data/`` (see ``pyproject.toml``). ``data_path``
looks in the installed location first and falls back to the checkout, so the same code works from a
wheel, an editable install and a plain clone.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import ModelError

_PACKAGE = Path(__file__).resolve().parent


def data_path(*parts: str) -> Path:
    """Path of a bundled data file or folder (``data_path('corpora', 'mou', 'en.md')``)."""
    for root in (_PACKAGE / "_data", _PACKAGE.parent):
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise ModelError(
        f"bundled data '{'/'.join(parts)}'",
        "it is not in the installed package nor in a source checkout",
        "reinstall mou-text (pip install --force-reinstall mou-text) or run from a full clone of the repository", code="E118",
    )


@lru_cache(maxsize=1)
def mou_metadata() -> dict[str, Any]:
    """Provenance of the bundled texts and the cooperation areas (keys, numerals, names in EN/ES)."""
    return json.loads(data_path("corpora", "mou", "metadata.json").read_text(encoding="utf-8"))
