"""Term candidates read from one clause: defined terms, acronyms with their expansions, institution names.

The patterns depend on no one text: a quoted name after "hereinafter" / "en lo sucesivo" (or before
"means" / "significa"), an acronym in parentheses with its expansion found by the Schwartz–Hearst
letter walk, and capitalised institution names with a head word ("Department", "Secretaría").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lang import fold

if TYPE_CHECKING:

    from ._glossary import Glossary

_QUOTE_OPEN, _QUOTE_CLOSE = "\"“«", "\"”»"
_Q = rf"[{_QUOTE_OPEN}]([^{_QUOTE_CLOSE}\n]{{1,80}}?)[{_QUOTE_CLOSE}]"
_GAP = r"\s*,?\s*(?:[^\W\d]+\s+){0,5}?"  # 'referred to as', 'a quienes se denominará', 'jointly called'
_DEFINED = {
    "en": [
        re.compile(r"\b(?:hereinafter|hereafter|henceforth)" + _GAP + _Q, re.IGNORECASE),
        re.compile(_Q + r"\s+(?:means|shall\s+mean|refers\s+to|is\s+defined\s+as)\b", re.IGNORECASE),
    ],
    "es": [
        re.compile(r"\b(?:en\s+lo\s+sucesivo|en\s+adelante|en\s+lo\s+que\s+sigue)" + _GAP + _Q, re.IGNORECASE),
        re.compile(_Q + r"\s+(?:significa|significará|se\s+entenderá|designa|se\s+refiere\s+a)\b", re.IGNORECASE),
    ],
}
_STATE_WORDS = {"republic", "kingdom", "state", "states", "commonwealth", "federation", "republica", "reino",
                "estado", "estados", "federacion", "mancomunidad"}
_ARTICLES = {"en": ("the", "a", "an"), "es": ("el", "la", "los", "las", "un", "una", "unos", "unas", "lo")}

ACRONYM = r"[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ]*[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ\-]*"
_PAREN_ACRONYM = re.compile(rf"\(\s*({ACRONYM})\s*\)")
ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+$")

_CAP = r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü][\w’'\-]*"  # title case: words in capitals are titles, not names
_CONNECT = {
    "en": r"(?:of\s+the|of|for\s+the|for|on|and|in|&)",
    "es": r"(?:de\s+las|de\s+los|de\s+la|del|de|para\s+el|para\s+la|para|sobre|en|y|e)",
}
#: Head nouns that make a capitalised name an institution (or an office) rather than a place or a title.
INSTITUTION_HEADS = {
    "en": {"department", "secretariat", "secretary", "ministry", "minister", "commission", "institute", "museum",
           "government", "agency", "office", "organization", "organisation", "bank", "council", "committee",
           "embassy", "bureau", "service", "court", "tribunal", "program", "programme", "fund", "university",
           "center", "centre", "authority", "section", "directorate", "corps", "board", "administration",
           "assembly", "congress", "senate", "foundation", "association", "union", "consulate", "attorney",
           "police", "parliament", "cabinet", "presidency", "procuracy"},
    "es": {"departamento", "secretaria", "secretario", "ministerio", "ministro", "comision", "instituto", "museo",
           "gobierno", "agencia", "oficina", "organizacion", "banco", "consejo", "comite", "embajada", "buro",
           "servicio", "corte", "tribunal", "programa", "fondo", "universidad", "centro", "autoridad", "seccion",
           "direccion", "cuerpo", "junta", "administracion", "asamblea", "congreso", "senado", "fundacion",
           "asociacion", "union", "consulado", "procuraduria", "fiscalia", "policia", "parlamento", "gabinete",
           "presidencia"},
}


@dataclass(frozen=True, slots=True)
class Candidate:
    key: str  # what identifies the candidate across clauses (exact for acronyms, folded otherwise)
    form: str  # as written (first time seen)
    type: str
    expansion: str = ""


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _strip_article(text: str, lang: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in _ARTICLES[lang]:
        words = words[1:]
    return " ".join(words)


def headword(term: str, lang: str) -> str:
    return _strip_article(term.strip(), lang)


def name_key(text: str) -> str:
    return re.sub(r"[\s\-‐–]+", " ", fold(text)).strip()


def defined_terms(text: str, lang: str) -> list[str]:
    """Quoted names a clause defines, in order ('hereinafter "the Participants"' → 'the Participants')."""
    found: list[tuple[int, str]] = []
    for rx in _DEFINED[lang]:
        found.extend((m.start(), " ".join(m.group(1).split())) for m in rx.finditer(text))
    return [t for _, t in sorted(found) if t]


def expansion(before: str, acronym: str) -> str:
    """The long form an acronym abbreviates, read backwards from its parenthesis (Schwartz & Hearst 2003).

    Each letter of the acronym must be found in order, walking back through the words, and its
    first letter must begin a word; the window is ``min(len+5, 2·len)`` words. Returns '' when the
    words before do not spell the acronym (a name in another language, a syllabic acronym).
    """
    short = [c for c in fold(acronym) if c.isalnum()]
    if len(short) < 2:
        return ""
    clause = re.split(r"[;:()\[\]]|(?<=[.!?])\s", before)[-1]
    words = clause.split()
    window = words[-min(len(short) + 5, 2 * len(short)):]
    long = " ".join(window)
    low = fold(long)
    s, i = len(short) - 1, len(low) - 1
    while s >= 0:
        c = short[s]
        while i >= 0 and (low[i] != c or (s == 0 and i > 0 and low[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return ""
        i -= 1
        s -= 1
    start = low.rfind(" ", 0, i + 1) + 1
    out = long[start:].strip(" ,;\"'“”«»—-")
    if not out or fold(out) == fold(acronym) or len(out.split()) > len(short) + 5:
        return ""
    return out


def acronyms(text: str, known: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(acronym, expansion) in order: parenthesised ones with their long forms, and bare uses of ``known`` ones."""
    out: list[tuple[int, str, str]] = []
    spans: list[tuple[int, int]] = []
    for m in _PAREN_ACRONYM.finditer(text):
        acr = m.group(1)
        if ROMAN_NUMERAL.match(acr) or len(acr) > 10 or sum(c.isupper() for c in acr) < 2:
            continue
        out.append((m.start(1), acr, expansion(text[: m.start()], acr)))
        spans.append(m.span(1))
    known = set(known)
    if known:
        for m in re.finditer(rf"(?<![\w.]){ACRONYM}(?![\w])", text):
            if m.group(0) in known and not any(a <= m.start() < b for a, b in spans):
                out.append((m.start(), m.group(0), ""))
    return [(a, e) for _, a, e in sorted(out)]


def institutions(text: str, lang: str, glossary: Glossary | None = None) -> list[str]:
    """Capitalised institution names in a clause, in order ('Department of State', 'Secretaría de Relaciones Exteriores').

    A run of capitalised words joined by 'of', 'for', 'and'… ('de', 'para', 'y'…) is cut where
    one name ends and its country begins ('… of the United States', '… de los Estados Unidos'),
    and kept when a word of it is an institution's head noun or the glossary lists it as one.
    """
    conn = _CONNECT[lang]
    run = re.compile(rf"{_CAP}(?:(?:\s+{conn})?\s+{_CAP})*")
    cut = r"\s+of\s+the\s+" if lang == "en" else r"\s+(?:de\s+los|de\s+las|de\s+la|del)\s+"
    out: list[str] = []
    for m in run.finditer(text):
        name = _strip_article(m.group(0), lang) if m.group(0).split()[0].lower() in _ARTICLES[lang] else m.group(0)
        parts = [name]
        for piece in re.finditer(cut, name):  # cut where a name of 2+ words is followed by its country
            left, right = name[: piece.start()], name[piece.end():]
            if sum(w[:1].isupper() for w in left.split()) >= 2 and (
                _is_place(right, lang, glossary) or (_has_head(left, lang) and _has_head(right, lang))
            ):
                parts = [left, right]
                break
        for part in parts:
            part = _drop_place_tail(part, lang, glossary)
            words = [w for w in part.split() if w[:1].isupper()]
            if len(words) < 2:
                continue
            is_inst = _has_head(part, lang) or glossary_type(glossary, part, lang) == "institution"
            if is_inst:
                out.append(part)
    return out


def _has_head(name: str, lang: str) -> bool:
    return any(fold(w.strip("’'")) in INSTITUTION_HEADS[lang] for w in name.split() if w[:1].isupper())


def _is_place(name: str, lang: str, glossary: Glossary | None) -> bool:
    """A country or a state: the glossary says so, or it reads like one ('Republic of …', 'Estados Unidos …')."""
    first = fold(name.split()[0]) if name.split() else ""
    return first in _STATE_WORDS or any(
        glossary_type(glossary, name[: m.end()] if m else name, lang) == "place"
        for m in [None, *re.finditer(r"(?=\s+(?:of|de|del)\s+)", name)]
    )


def _drop_place_tail(name: str, lang: str, glossary: Glossary | None) -> str:
    """'Ministry of Health and Wellness of Belize' → 'Ministry of Health and Wellness' (Belize is a place)."""
    if glossary is None:
        return name
    of = r"\s+of\s+" if lang == "en" else r"\s+(?:de|del)\s+"
    pieces = list(re.finditer(of, name))
    for piece in reversed(pieces):
        tail = name[piece.end():]
        if glossary_type(glossary, tail, lang) == "place" and len(name[: piece.start()].split()) >= 2:
            return name[: piece.start()]
    return name


def glossary_type(glossary: Glossary | None, form: str, lang: str) -> str | None:
    if glossary is None:
        return None
    for m in glossary.find(form, lang):
        if m.start == 0 and m.end == len(form):
            return m.concept.type
    return None


def glossary_concepts(glossary: Glossary | None, form: str, lang: str) -> frozenset[int]:
    if glossary is None or not form:
        return frozenset()
    return frozenset(m.concept.id for m in glossary.find(form, lang, upper=True) if m.end - m.start >= len(form) - 1)


# -- pairing ------------------------------------------------------------------------------------------
