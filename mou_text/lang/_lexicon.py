"""Which capitalised words are names: word frequencies by case, from ``spacy-lookups-data``.

A rule that looks for a person's or a place's name dropped in translation must tell "Toledo" or
"Quitman" from "Objective" or "Promoting" at the head of a title-case heading. The lexeme
probability tables that ship with ``spacy-lookups-data`` (a dependency, no download) count words by
case: a word written far more often with a capital than without is a name ("Washington",
"Espinosa"), one often written in lower case is a common word ("Objective", and also "Embassy" or
"Secretariat", capitalised in names of institutions but translated), and one the table does not know
is most likely a name too. The tables are large (a million forms), so only the derived set of common lower-case words
is kept, built once per process (a few seconds) or read from the user cache with ``MOU_TEXT_CACHE=1``.
"""

from __future__ import annotations

import gzip
import json
import os
from functools import lru_cache
from pathlib import Path

from ..errors import ModelError
from ._fold import fold

LEXICON_VERSION = "lexeme-prob-case-2"


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


def _cache_file(lang: str) -> Path | None:
    if os.environ.get("MOU_TEXT_CACHE") != "1":
        return None
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mou-text")) / "lexicon" / f"{lang}-{LEXICON_VERSION}.txt"


#: How much more frequent (log-probability) a word must be with a capital than without to count as a
#: name: institution nouns ('Secretariat' +1.5, 'Republic' +0.8, 'Senate' +0.8) are capitalised often
#: too, while names of people and places stand at +2 and more ('Mexico' +2.2, 'Clinton' +3.2).
NAME_MARGIN = 1.75
#: The same for a word heading a sentence, where every word is capitalised ('Asimismo' +1.1).
INITIAL_MARGIN = 2.5
#: The table's floor: a form seen too rarely to count, treated as unknown.
_FLOOR = -19.4


@lru_cache(maxsize=2)
def _tables(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """(common, loose): folded lower-case words whose capitalised form is less than ``NAME_MARGIN``
    (``INITIAL_MARGIN`` for loose) more frequent."""
    cache = _cache_file(lang)
    if cache is not None and cache.exists():
        common, _, loose = cache.read_text(encoding="utf-8").partition("\n\n")
        return frozenset(common.split("\n")), frozenset(loose.split("\n"))
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
    loose |= common
    if cache is not None:
        from .._io import atomic_write_text

        cache.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(cache, "\n".join(sorted(common)) + "\n\n" + "\n".join(sorted(loose - common)))
        return frozenset(common), frozenset(loose)
    return frozenset(common), frozenset(loose)


def _known(word: str, table: frozenset[str]) -> bool:
    f = fold(word)
    if f in table:
        return True
    # a plural of a common noun ('Rivers', 'Ríos', 'Naciones') is a common noun
    return (f.endswith("s") and f[:-1] in table) or (f.endswith("es") and f[:-2] in table)


def is_name_like(word: str, lang: str, initial: bool = False) -> bool:
    """A word far more often capitalised than not, or unknown: the stuff of names.

    ``initial``: the word heads a sentence, where it would be capitalised anyway, so it counts as a
    name only if clearly more frequent with a capital ('Toledo', not 'Asimismo').
    """
    common, loose = _tables(lang)
    return not _known(word, loose if initial else common)


def is_word(word: str, lang: str) -> bool:
    """A known common word of ``lang`` (used to tell 'untapped' = un + 'tapped' from 'under')."""
    return fold(word) in _tables(lang)[0]
