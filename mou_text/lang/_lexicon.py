"""Which capitalised words are names: word frequencies by case, from ``spacy-lookups-data``.

A rule that looks for a person's or a place's name dropped in translation must tell "Toledo" or
"Quitman" from "Objective" or "Promoting" at the head of a title-case heading. The lexeme
probability tables that ship with ``spacy-lookups-data`` (a dependency, no download) count words by
case: a word written far more often with a capital than without is a name ("Washington",
"Espinosa"), one often written in lower case is a common word ("Objective", and also "Embassy" or
"Secretariat", capitalised in names of institutions but translated), and one the table does not know
is most likely a name too.

The tables are large (a million forms, 7 MB compressed, ~7 s and ~250 MB to read), so only what the
rules ask is kept: per language, the sorted 64-bit BLAKE2b hashes of the folded common lower-case
words (2 MB, where a set of the words themselves took ~25 MB and rebuilt on every run). It is built
on first use of a language and saved as ``.npz`` (never pickle) in the user cache folder
(``platformdirs``; ``MOU_TEXT_CACHE_DIR`` elsewhere), atomically, under a name that carries the
lexicon version, the spacy-lookups-data version and the margins, so a change of any rebuilds it. A
read-only or unavailable folder only means the tables are rebuilt in memory; ``MOU_TEXT_CACHE=0``
turns the cache off. A hash collision would take a 1 in ~10^14 chance per word looked up.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelError, MouTextError
from ._fold import fold

if TYPE_CHECKING:
    import numpy as np

LEXICON_VERSION = "lexeme-prob-case-2"
_CACHE_FORMAT = "hash64-1"


def _table_path(lang: str) -> Path:
    try:
        import spacy_lookups_data
    except ImportError:  # pragma: no cover - a declared dependency
        raise ModelError(
            "word-frequency tables",
            "the package spacy-lookups-data is not installed",
            "pip install spacy-lookups-data (it is a dependency of mou-text)", code="E116",
        ) from None
    path = Path(spacy_lookups_data.__file__).parent / "data" / f"{lang}_lexeme_prob.json.gz"
    if not path.exists():  # pragma: no cover
        raise ModelError(
            f"word-frequency table '{path.name}'", "it is missing from spacy-lookups-data",
            "reinstall spacy-lookups-data (pip install --force-reinstall spacy-lookups-data)", code="E117",
        )
    return path


def cache_dir() -> Path | None:
    """Where derived resources are kept between runs (``None``: ``MOU_TEXT_CACHE=0``, no cache)."""
    if os.environ.get("MOU_TEXT_CACHE") == "0":
        return None
    if os.environ.get("MOU_TEXT_CACHE_DIR"):
        return Path(os.environ["MOU_TEXT_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mou-text"))


def _cache_file(lang: str) -> Path | None:
    root = cache_dir()
    if root is None:
        return None
    from importlib.metadata import PackageNotFoundError, version

    try:
        source = version("spacy-lookups-data")
    except PackageNotFoundError:  # pragma: no cover - a declared dependency
        source = "unknown"
    key = f"{LEXICON_VERSION}|{_CACHE_FORMAT}|{source}|{NAME_MARGIN}|{INITIAL_MARGIN}|{_FLOOR}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    return root / "lexicon" / f"{lang}-{digest}.npz"


def _hash(word: str) -> int:
    """The 64-bit key of a folded word in the cached tables."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


#: How much more frequent (log-probability) a word must be with a capital than without to count as a
#: name: institution nouns ('Secretariat' +1.5, 'Republic' +0.8, 'Senate' +0.8) are capitalised often
#: too, while names of people and places stand at +2 and more ('Mexico' +2.2, 'Clinton' +3.2).
NAME_MARGIN = 1.75
#: The same for a word heading a sentence, where every word is capitalised ('Asimismo' +1.1).
INITIAL_MARGIN = 2.5
#: The table's floor: a form seen too rarely to count, treated as unknown.
_FLOOR = -19.4


@lru_cache(maxsize=2)
def _tables(lang: str) -> tuple[np.ndarray, np.ndarray]:
    """(common, loose): sorted hashes of the folded lower-case words whose capitalised form is less
    than ``NAME_MARGIN`` more frequent, and of those less than ``INITIAL_MARGIN`` (loose ⊇ common)."""
    import numpy as np

    cache = _cache_file(lang)
    if cache is not None:
        try:
            with np.load(cache, allow_pickle=False) as z:
                return z["common"], z["loose"]
        except (OSError, ValueError, KeyError):
            pass  # absent, unreadable or of another shape: rebuild below
    common, loose = _build(lang)
    tables = (
        np.unique(np.fromiter((_hash(w) for w in common), dtype=np.uint64, count=len(common))),
        np.unique(np.fromiter((_hash(w) for w in loose), dtype=np.uint64, count=len(loose))),
    )
    if cache is not None:
        buf = io.BytesIO()
        np.savez(buf, common=tables[0], loose=tables[1], lang=np.array(lang), version=np.array(LEXICON_VERSION))
        try:
            from .._io import atomic_write

            atomic_write(cache, lambda p: p.write_bytes(buf.getvalue()))
        except (OSError, MouTextError):  # a cache folder that cannot be written: serve from memory
            pass  # a read-only cache folder: the tables still serve this process
    return tables


def _build(lang: str) -> tuple[set[str], set[str]]:
    """Read the spacy-lookups-data table of ``lang`` (seconds): the (common, loose) word sets."""
    with gzip.open(_table_path(lang), "rt", encoding="utf-8") as fh:
        probs: dict[str, float] = json.load(fh)
    common, loose = set(), set()
    for w, p in probs.items():
        if not w.isalpha() or not w.islower() or p < _FLOOR:
            continue
        cap = probs.get(w[:1].upper() + w[1:])
        if cap is None or cap - p < NAME_MARGIN:
            common.add(fold(w))
        elif cap - p < INITIAL_MARGIN:
            loose.add(fold(w))
    del probs
    return common, loose | common


def _member(word: str, table: np.ndarray) -> bool:
    h = _hash(word)
    i = int(table.searchsorted(table.dtype.type(h)))
    return i < len(table) and int(table[i]) == h


@lru_cache(maxsize=65536)
def _known(word: str, lang: str, loose: bool) -> bool:
    table = _tables(lang)[1 if loose else 0]
    f = fold(word)
    if _member(f, table):
        return True
    # a plural of a common noun ('Rivers', 'Ríos', 'Naciones') is a common noun
    return (f.endswith("s") and _member(f[:-1], table)) or (f.endswith("es") and _member(f[:-2], table))


def is_name_like(word: str, lang: str, initial: bool = False) -> bool:
    """A word far more often capitalised than not, or unknown: the stuff of names.

    ``initial``: the word heads a sentence, where it would be capitalised anyway, so it counts as a
    name only if clearly more frequent with a capital ('Toledo', not 'Asimismo').
    """
    return not _known(word, lang, initial)


def is_word(word: str, lang: str) -> bool:
    """A known common word of ``lang`` (used to tell 'untapped' = un + 'tapped' from 'under')."""
    return _member(fold(word), _tables(lang)[0])
