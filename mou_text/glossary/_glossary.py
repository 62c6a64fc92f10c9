"""The bilingual glossary: the institutions, places, people, defined terms and acronyms a check can name.

A glossary is a plain TSV (``en``, ``es``, ``type``, ``note``) a translator can read and extend in a
spreadsheet; several accepted Spanish renderings of one English entry are simply several rows.
Rows that share a form (in either language) are one *concept*, so "Secretariat of Foreign
Relations" and "Ministry of Foreign Affairs of Mexico" both answer "Secretaría de Relaciones
Exteriores". The bundled file is always loaded; a user file adds to it, never replaces it, so a
project glossary only has to list what is particular to its texts.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, InputError
from ..lang import fold
from ..signature import Signature

if TYPE_CHECKING:
    import pandas as pd

TYPES = ("institution", "place", "person", "term", "acronym")
COLUMNS = ("en", "es", "type", "note")


@dataclass(frozen=True, slots=True)
class Entry:
    """One row: an English form, one accepted Spanish form, what it names, and where it came from."""

    en: str
    es: str
    type: str
    note: str = ""
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class Concept:
    """Everything the glossary says names one thing, in both languages."""

    id: int
    type: str
    en: tuple[str, ...]
    es: tuple[str, ...]
    note: str = ""

    @property
    def label(self) -> str:
        return self.en[0]

    def forms(self, lang: str) -> tuple[str, ...]:
        return self.en if lang == "en" else self.es


@dataclass(frozen=True)
class Match:
    """A concept found in a text: the form as the glossary spells it, and where it stands."""

    concept: Concept
    form: str
    start: int
    end: int
    text: str


def first_of_each(matches: Iterable[Match]) -> list[Match]:
    """The first match of each concept, in the order given (later repeats of a concept dropped)."""
    seen: set[int] = set()
    out = []
    for m in matches:
        if m.concept.id not in seen:
            seen.add(m.concept.id)
            out.append(m)
    return out


@dataclass(frozen=True, eq=False)
class Glossary:
    entries: tuple[Entry, ...]
    sources: tuple[str, ...] = ()
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def version(self) -> str:
        """Content hash, for result signatures: two runs with the same rows share it."""
        digest = hashlib.sha256(
            "\n".join(f"{e.en}\t{e.es}\t{e.type}" for e in self.entries).encode("utf-8")
        ).hexdigest()
        return f"glossary-{len(self.entries)}-{digest[:10]}"

    def signature(self) -> Signature:
        """What a result records about the glossary it was checked with."""
        return Signature("glossary", {"version": self.version, "rows": len(self.entries), "sources": list(self.sources)})

    @property
    def concepts(self) -> list[Concept]:
        if "concepts" not in self._cache:
            self._cache["concepts"] = _build_concepts(self.entries)
        return self._cache["concepts"]

    def find(self, text: str, lang: str, types: Iterable[str] | None = None, *, upper: bool = False) -> list[Match]:
        """Concepts named in ``text``, longest form first, non-overlapping, accent- and case-insensitive.

        Forms of type ``term`` written with a capital (``Parties``, ``Participantes``) match only a
        capitalised word, so "en parte" is not "the Party", and acronyms match only in capitals;
        ``upper`` lifts both rules for a clause set in capitals.
        """
        wanted = tuple(sorted(types)) if types else TYPES
        key = f"re:{lang}:{','.join(wanted)}"
        if key not in self._cache:
            self._cache[key] = _compile(self.concepts, lang, wanted)
        pattern, by_form = self._cache[key]
        if pattern is None:
            return []
        out = []
        for m in pattern.finditer(fold(text)):
            found = _norm(m.group(0))
            concept, form = _lookup(by_form, _en_key(found) if lang == "en" else found)
            original = text[m.start():m.end()]
            if not upper and not _case_ok(form, original, concept.type):
                continue
            if lang == "en" and _pronoun(text, m.start(), m.end(), upper):
                continue
            out.append(Match(concept, form, m.start(), m.end(), original))
        return out

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        df = pd.DataFrame([{c: getattr(e, c) for c in (*COLUMNS, "source", "line")} for e in self.entries])
        df.attrs["signature"] = {"glossary": self.version, **self.signature().to_dict()}
        return df

    def __repr__(self) -> str:
        return f"<Glossary {len(self.entries)} rows, {len(self.concepts)} concepts, {self.version}>"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(e.en)}</td><td>{html.escape(e.es)}</td><td>{e.type}</td>"
            f"<td>{html.escape(e.note)}</td></tr>"
            for e in self.entries[:200]
        )
        more = f"<p>… {len(self.entries) - 200} more rows</p>" if len(self.entries) > 200 else ""
        return (
            f"<div><p><b>Glossary</b> {len(self.entries)} rows ({self.version})</p><table><thead><tr>"
            "<th>en</th><th>es</th><th>type</th><th>note</th></tr></thead><tbody>" + rows + "</tbody></table>"
            + more + "</div>"
        )


def _norm(form: str) -> str:
    """The key a form is matched under: folded, any run of spaces/hyphens as one space, 'D. C.' as 'D.C.'."""
    key = re.sub(r"[\s\-‐–]+", " ", fold(form).replace("’", "'")).strip()
    return re.sub(r"\.\s", ".", key)


def _case_ok(form: str, original: str, kind: str) -> bool:
    """Acronyms ('WHO', 'MdE') match only in capitals, so 'who' and 'us' are not institutions; a one-word
    place or institution only with its capital."""
    letters = [c for c in form if c.isalpha()]
    # an acronym is one word; a name of several keeps the capitals of its later words, since Spanish
    # writes an office in lower case ('el secretario de Estado'), while 'El paso' (the step) is not El Paso
    if " " in form.strip() and not all(c.isupper() for c in letters):
        later = zip(re.split(r"[\s\-‐–]+", form.strip())[1:], re.split(r"[\s\-‐–]+", original.strip())[1:])
        if not all(o[:1].isupper() for f, o in later if f[:1].isupper()):
            return False
        return kind != "term" or not form[:1].isupper() or original[:1].isupper()
    if len(letters) >= 2 and (all(c.isupper() for c in letters) or any(c.isupper() for c in letters[1:])):
        return sum(c.isupper() for c in original) >= 2
    if kind == "term" and form[:1].isupper():
        return original[:1].isupper()
    if kind in ("place", "institution") and " " not in form.strip() and form[:1].isupper():
        return original[:1].isupper()  # 'grabación sonora' (sound recording) is not the state of Sonora
    return True


#: English pronouns spelt like acronyms: in a clause set in capitals they are the pronoun.
_EN_PRONOUNS = frozenset({"US", "WHO", "IT", "WE", "ME"})
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")  # a word of the same heading: 'PAHO/WHO' is two acronyms
_WORD_AFTER = re.compile(r"^\s+([^\W\d_]+)")


def _pronoun(text: str, start: int, end: int, upper: bool) -> bool:
    """An acronym spelt like an English pronoun ('US', 'WHO') in a clause set in capitals, or next to another
    all-capitals word, is the pronoun of a heading or a button ('CONTACT US', 'ABOUT US'), not a name.
    Other acronyms stand beside capitals as they are ('UN SDG 3', 'UN WOMEN')."""
    if text[start:end] not in _EN_PRONOUNS:
        return False
    if upper:
        return True
    for rx, piece in ((_WORD_BEFORE, text[max(0, start - 40):start]), (_WORD_AFTER, text[end:end + 40])):
        m = rx.search(piece)
        if m and len(m.group(1)) >= 2 and m.group(1).isupper():
            return True
    return False


def _plural_ok(key: str, concept: Concept) -> bool:
    """Institutions and terms take a regular plural; a place does not ('Tijuana Rivers' is two rivers)."""
    return concept.type in ("institution", "term") and key[-1:].isalpha() and len(key) > 3


def _lookup(by_form: dict[str, tuple[Concept, str]], key: str) -> tuple[Concept, str]:
    """The concept of a matched form, or of its singular ('Congresses' → 'Congress')."""
    for cut in (0, 1, 2):
        k = key[: len(key) - cut] if cut else key
        if k in by_form:
            return by_form[k]
    raise KeyError(key)


def _pattern_of(form: str, lang: str = "es") -> str:
    word = _en_word if lang == "en" else _escaped
    return r"[\s\-‐–]+".join(word(w) for w in _norm(form).split(" "))


def _escaped(text: str) -> str:
    parts = []
    for ch in text:
        if ch == "'":
            parts.append("['’]")
        elif ch == ".":
            parts.append(r"\.[ ]?")
        else:
            parts.append(re.escape(ch))
    return "".join(parts)


#: British and American spellings of one English word (``Labour Organisation``, ``Labor Organization``):
#: a glossary row in either spelling matches both, so a text in the other spelling is not told that an
#: institution it names is missing. Each is (a folded word's part, the pattern for both spellings).
_SPELLINGS = (
    (re.compile(r"i[sz](?=(?:ation|ations|e|ed|es|ing)$)"), "i[sz]"),  # organization / organisation
    (re.compile(r"(?<=[bhlmnv])ou?r(?=s?$)"), "ou?r"),  # labor / labour, honor / honour
    (re.compile(r"(?:(?<=cent)|(?<=theat)|(?<=fib))(?:er|re)(?=s?$)"), "(?:er|re)"),  # center / centre
    (re.compile(r"(?:(?<=defen)|(?<=licen)|(?<=offen))[cs]e(?=s?$)"), "[cs]e"),  # defense / defence
    (re.compile(r"(?<=program)(?:me)?(?=s?$)"), "(?:me)?"),  # program / programme
)


#: The one spelling each pair of :data:`_SPELLINGS` is keyed under (how a match finds its row).
_CANONICAL = ("iz", "or", "er", "se", "")


def _en_key(key: str) -> str:
    """A folded English form with each word in one spelling: ``labour organisation`` → ``labor organization``."""
    words = []
    for w in key.split(" "):
        for (rx, _), canon in zip(_SPELLINGS, _CANONICAL):
            w = rx.sub(canon, w, count=1)
        words.append(w)
    return " ".join(words)


def _en_word(word: str) -> str:
    """One folded English word as a pattern that accepts both its spellings."""
    for rx, alt in _SPELLINGS:
        m = rx.search(word)
        if m:
            return _escaped(word[: m.start()]) + alt + _escaped(word[m.end() :])
    return _escaped(word)


def _compile(concepts: list[Concept], lang: str, types: tuple[str, ...]):
    by_form: dict[str, tuple[Concept, str]] = {}
    for c in concepts:
        if c.type not in types:
            continue
        for form in c.forms(lang):
            by_form.setdefault(_en_key(_norm(form)) if lang == "en" else _norm(form), (c, form))
    if not by_form:
        return None, by_form
    forms = sorted(by_form, key=lambda f: (-len(f), f))
    # a regular plural ('Extraordinary Congresses', 'Convenciones') names the same concept
    alternation = "|".join(_pattern_of(f, lang) + (r"(?:e?s)?" if _plural_ok(f, by_form[f][0]) else "") for f in forms)
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])"), by_form


def _build_concepts(entries: tuple[Entry, ...]) -> list[Concept]:
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def root(k: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for e in entries:
        a, b = root(("en", _norm(e.en))), root(("es", _norm(e.es)))
        if a != b:
            parent[b] = a
    groups: dict[tuple[str, str], list[Entry]] = {}
    for e in entries:
        groups.setdefault(root(("en", _norm(e.en))), []).append(e)
    concepts = []
    for i, rows in enumerate(groups.values()):
        en = tuple(dict.fromkeys(r.en for r in rows))
        es = tuple(dict.fromkeys(r.es for r in rows))
        note = next((r.note for r in rows if r.note), "")
        concepts.append(Concept(i, rows[0].type, en, es, note))
    return concepts


def parse_glossary(text: str, source: str = "<string>") -> list[Entry]:
    """Rows of a glossary TSV; a malformed line raises an error naming the file and the line."""
    entries: list[Entry] = []
    header_seen = False
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    for lineno, row in enumerate(reader, start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in row]
        if not header_seen:
            header_seen = True
            if [c.lower() for c in cells[:3]] == ["en", "es", "type"]:
                continue
            raise InputError(
                f"glossary '{source}' line {lineno}",
                f"the first row must be the header 'en<TAB>es<TAB>type<TAB>note', found {row!r}",
                "add the header row; columns are separated by tabs",
                path=source, code="E016",
            )
        if len(cells) < 3 or len(cells) > 4:
            raise InputError(
                f"glossary '{source}' line {lineno}",
                f"expected 3 or 4 tab-separated columns (en, es, type, note), found {len(cells)}",
                "separate the columns with a single tab character and keep tabs out of the note",
                path=source, code="E017",
            )
        en, es, kind = cells[0], cells[1], cells[2].lower()
        if not en or not es:
            raise InputError(
                f"glossary '{source}' line {lineno}",
                "the English or the Spanish form is empty",
                "give both forms; list each accepted Spanish variant on its own row",
                path=source, code="E018",
            )
        if kind not in TYPES:
            raise InputError(
                f"glossary '{source}' line {lineno}",
                f"unknown type {cells[2]!r}",
                f"use one of {', '.join(TYPES)}",
                path=source, code="E019",
            )
        entries.append(Entry(en, es, kind, cells[3] if len(cells) > 3 else "", source, lineno))
    return entries


@lru_cache(maxsize=1)
def _bundled() -> tuple[Entry, ...]:
    from ..resources import data_path

    path = data_path("corpora", "glossary.tsv")
    return tuple(parse_glossary(path.read_text(encoding="utf-8"), str(path)))


def load_glossary(path: str | Path | None = None, *, bundled: bool = True) -> Glossary:
    """The bundled glossary, plus the rows of ``path`` (a user TSV) when given."""
    entries: list[Entry] = list(_bundled()) if bundled else []
    sources = ["bundled"] if bundled else []
    if path is not None:
        p = Path(path)
        if p.is_dir():
            raise InputError(
                f"glossary '{p}'", "it is a directory, not a file", "name the glossary's .tsv file inside it",
                path=p, code="E090",
            )
        if not p.is_file():
            raise InputError(
                f"glossary '{p}'", "the file does not exist", "check the path, or omit it to use the bundled glossary",
                path=p, code="E020",
            )
        try:
            text = p.read_text(encoding="utf-8-sig")
        except PermissionError:
            raise InputError(f"glossary '{p}'", "permission denied", "make it readable for this user (chmod u+r)", path=p, code="E085") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                f"glossary '{p}'", f"it is not UTF-8 text ({exc.reason} at byte {exc.start})",
                "save the file as UTF-8 (tab-separated)", path=p, code="E021",
            ) from None
        entries.extend(parse_glossary(text, str(p)))
        sources.append(str(p))
    return Glossary(tuple(entries), tuple(sources))


def glossary_of(value: Any) -> Glossary:
    """What a check context carries as ``glossary``: None (bundled), a path, or a Glossary."""
    if isinstance(value, Glossary):
        return value
    if value is None:
        return _default()
    if not isinstance(value, (str, os.PathLike)):
        raise ConfigError("glossary", f"a {type(value).__name__} is not a glossary", "pass a TSV path, a Glossary from load_glossary(), or None for the bundled one", code="E238")
    return load_glossary(value)


@lru_cache(maxsize=1)
def _default() -> Glossary:
    return load_glossary()
