"""Wrong senses: a term rendered with a word that exists but means something else in a legal text.

False friends ("actual" → "actual", "compromiso" → "compromise") and sense traps ("clearing rights" →
"derechos de compensación") pass every spell check and every glossary of defined terms, and the
sentence around them still reads well, so neither embeddings nor counts notice. The traps are data
(``_data/senses.toml``, one entry per confusion, both directions); this module loads and checks them
once, and reads a pair of sentences: a trap is *sprung* when its term is in the source sentence, one
of its wrong renderings is in the aligned target sentence and none of its right renderings is.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ModelError
from ._fold import fold

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: The bundled table of traps.
SENSES_PATH = Path(__file__).with_name("_data") / "senses.toml"
_FIX = "reinstall mou-text, or correct the file (the format is described at its top)"


@dataclass(frozen=True)
class SenseTrap:
    """One confusion: ``term`` (in ``source``) whose ``wrong`` renderings mean something else."""

    id: str
    source: str  # the language of the term: 'en' or 'es'
    term: re.Pattern[str]
    ok: re.Pattern[str]
    wrong: re.Pattern[str]
    note: str

    @property
    def target(self) -> str:
        return "es" if self.source == "en" else "en"


@dataclass(frozen=True)
class SenseHit:
    """A sprung trap: the term in the source text and the wrong rendering in the target text
    (offsets into the strings passed to :func:`wrong_senses`)."""

    trap: SenseTrap
    term: tuple[int, int, str]
    wrong: tuple[int, int, str]


def _words(patterns: list[str]) -> str:
    """One alternation of whole-word patterns."""
    return r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w])"


def load_senses(path: str | Path = SENSES_PATH) -> tuple[SenseTrap, ...]:
    """The traps of a TOML table, checked: a broken table is an error, never a silent empty check."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(f"wrong-sense table '{path.name}'", f"it cannot be read as TOML ({exc})", _FIX,
                         path=path, code="E150") from None
    out = []
    seen: set[str] = set()
    for k, entry in enumerate(data.get("trap", [])):
        ok_shape = (
            isinstance(entry, dict)
            and isinstance(entry.get("id"), str) and entry["id"] not in seen
            and entry.get("from") in ("en", "es")
            and isinstance(entry.get("note"), str) and entry["note"].strip()
            and all(isinstance(entry.get(f), list) and entry[f] and all(isinstance(p, str) and p for p in entry[f])
                    for f in ("term", "wrong", "ok"))
        )
        if not ok_shape:
            raise ModelError(
                f"wrong-sense table '{path.name}'",
                f"trap {k + 1} ({entry.get('id', '?') if isinstance(entry, dict) else entry!r}) needs a new id, from = "
                "'en' or 'es', a note, and non-empty lists of patterns term, wrong and ok", _FIX, path=path, code="E151",
            )
        seen.add(entry["id"])
        try:
            compiled = {f: re.compile(_words(entry[f])) for f in ("term", "wrong", "ok")}
        except re.error as exc:
            raise ModelError(f"wrong-sense table '{path.name}'", f"trap '{entry['id']}' has a pattern that is no "
                             f"regular expression ({exc})", _FIX, path=path, code="E152") from None
        out.append(SenseTrap(entry["id"], entry["from"], compiled["term"], compiled["ok"], compiled["wrong"],
                             entry["note"].strip()))
    if not out:
        raise ModelError(f"wrong-sense table '{path.name}'", "it lists no [[trap]]", _FIX, path=path, code="E153")
    return tuple(out)


@lru_cache(maxsize=1)
def sense_traps() -> tuple[SenseTrap, ...]:
    """The bundled traps, loaded once."""
    return load_senses()


def wrong_senses(source: str, source_lang: str, target: str, traps: tuple[SenseTrap, ...] | None = None) -> list[SenseHit]:
    """The traps sprung by ``target`` as a rendering of ``source`` (both one sentence or one clause):
    term in the source, a wrong rendering in the target and no right one. One hit per trap, at the
    first term and the first wrong rendering."""
    fs, ft = fold(source), fold(target)
    out = []
    for trap in sense_traps() if traps is None else traps:
        if trap.source != source_lang:
            continue
        t = trap.term.search(fs)
        if not t:
            continue
        w = trap.wrong.search(ft)
        if not w or trap.ok.search(ft):
            continue
        out.append(SenseHit(trap, (t.start(), t.end(), source[t.start():t.end()]),
                            (w.start(), w.end(), target[w.start():w.end()])))
    return out
