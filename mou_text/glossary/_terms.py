"""A bilingual term list drawn from a translated pair: what a translator would put in the term base.

Three kinds of candidate are read from each clause, in each language, with patterns that do not
depend on one text: defined terms (a quoted name after "hereinafter" / "en lo sucesivo", or before
"means" / "significa"), acronyms in parentheses with their expansions (found by the Schwartz–Hearst
letter walk, so "science, technology, engineering and math (STEM)" and "Memorándum de Entendimiento
(MdE)" both resolve), and capitalised institution names ("Department of State", "Secretaría de
Relaciones Exteriores"). A term is matched to its rendering *inside the clause pairs it occurs in*:
how often the two co-occur over the whole pair (Dice), the same rank in the clause, and the
bundled glossary as a hint. Each English term keeps every Spanish rendering it received, clause by
clause, so a term rendered two ways (VG here, VBG there) is flagged — a reader of an authentic text
may take two forms for two things.
"""

from __future__ import annotations

import html
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..lang import fold
from ..document import Document, Node
from ..errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from ._glossary import Glossary

FRAME_COLUMNS = ["en", "es", "type", "en_count", "es_count", "variants", "inconsistent", "clause_ids",
                 "en_expansion", "es_expansion"]

#: Scoring of a candidate rendering inside one clause pair (see :func:`_match_clause`).
THRESHOLDS = {"accept": 0.5, "glossary_bonus": 0.6, "rank_bonus": 0.3, "same_form_bonus": 0.5}

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

_ACRONYM = r"[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ]*[A-ZÁÉÍÓÚÑ][A-Za-zÁÉÍÓÚÑáéíóúñ\-]*"
_PAREN_ACRONYM = re.compile(rf"\(\s*({_ACRONYM})\s*\)")
_ROMAN = re.compile(r"^[IVXLCDM]+$")

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
class Variant:
    """One Spanish rendering of a term: the form, how often the Spanish text uses it, and where it renders the term."""

    es: str
    count: int
    clause_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Term:
    """One English term, its usual Spanish rendering and every other rendering the pair used."""

    en: str
    es: str
    type: str  # 'term' (defined term), 'acronym' or 'institution'
    en_count: int
    es_count: int
    variants: tuple[Variant, ...]
    inconsistent: bool
    clause_ids: tuple[str, ...]
    en_expansion: str = ""
    es_expansion: str = ""


@dataclass(frozen=True)
class TermList:
    """The term candidates of one pair, with the run's signature."""

    terms: tuple[Term, ...]
    signature: dict[str, Any]

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def __getitem__(self, en: str) -> Term:
        for t in self.terms:
            if t.en == en:
                return t
        raise KeyError(f"no term {en!r}")

    @property
    def inconsistent(self) -> list[Term]:
        return [t for t in self.terms if t.inconsistent]

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {
                "en": t.en,
                "es": t.es,
                "type": t.type,
                "en_count": t.en_count,
                "es_count": t.es_count,
                "variants": _variants_text(t),
                "inconsistent": t.inconsistent,
                "clause_ids": ", ".join(t.clause_ids),
                "en_expansion": t.en_expansion,
                "es_expansion": t.es_expansion,
            }
            for t in self.terms
        ]
        df = pd.DataFrame(rows, columns=FRAME_COLUMNS)
        df.attrs["signature"] = dict(self.signature)
        return df

    def to_glossary_tsv(self, path: str | os.PathLike[str]) -> Path:
        """Write the matched terms as a glossary TSV ``load_glossary`` reads (en, es, type, note), atomically.

        Every Spanish variant is its own row (the glossary's way of listing accepted forms), the
        defined terms lose their article so they match wherever the term is used, and an acronym's
        expansions are a row of their own.
        """
        from .._io import atomic_write_text

        origin = _cell(f"{self.signature.get('en_source') or 'text'} / {self.signature.get('es_source') or 'text'}")
        lines = [f"# term list drawn by mou-text {__version__} from {origin}", "en\tes\ttype\tnote"]
        seen: set[tuple[str, str]] = set()

        def row(en: str, es: str, kind: str, note: str) -> None:
            en, es, note = (_cell(x) for x in (en, es, note))
            if en and es and (en, es) not in seen:
                seen.add((en, es))
                lines.append(f"{en}\t{es}\t{kind}\t{note}")

        for t in self.terms:
            if not t.es:
                continue
            for v in t.variants:
                note = "inconsistent rendering in the source pair" if t.inconsistent and v.es != t.es else ""
                if t.type == "term":
                    row(_headword(t.en, "en"), _headword(v.es, "es"), "term", note or "defined term")
                else:
                    row(t.en, v.es, t.type, note or (t.en_expansion if t.type == "acronym" else ""))
            if t.type == "acronym" and t.en_expansion and t.es_expansion:
                row(t.en_expansion, t.es_expansion, "term", f"expansion of {t.en}")
        return atomic_write_text(path, "\n".join(lines) + "\n")

    def __repr__(self) -> str:
        return f"<TermList {len(self.terms)} terms, {len(self.inconsistent)} inconsistent>"

    def _repr_html_(self) -> str:
        flag = " style='background:#fde2e2'"
        rows = "".join(
            f"<tr{flag if t.inconsistent else ''}><td>{html.escape(t.en)}</td>"
            f"<td>{html.escape(t.es)}</td><td>{t.type}</td><td>{t.en_count}</td><td>{t.es_count}</td>"
            f"<td>{html.escape(_variants_text(t))}</td></tr>"
            for t in self.terms
        )
        return (
            f"<div><p><b>TermList</b>: {len(self.terms)} terms, {len(self.inconsistent)} inconsistent</p>"
            "<table><thead><tr><th>en</th><th>es</th><th>type</th><th>en_count</th><th>es_count</th>"
            "<th>variants</th></tr></thead><tbody>" + rows + "</tbody></table></div>"
        )


def _variants_text(t: Term) -> str:
    return "; ".join(f"{v.es} ×{v.count} ({', '.join(v.clause_ids)})" for v in t.variants)


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


# -- candidates ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cand:
    key: str  # what identifies the candidate across clauses (exact for acronyms, folded otherwise)
    form: str  # as written (first time seen)
    type: str
    expansion: str = ""


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _strip_article(text: str, lang: str) -> str:
    words = text.split()
    while len(words) > 1 and words[0].lower() in _ARTICLES[lang]:
        words = words[1:]
    return " ".join(words)


def _headword(term: str, lang: str) -> str:
    return _strip_article(term.strip(), lang)


def _name_key(text: str) -> str:
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
        if _ROMAN.match(acr) or len(acr) > 10 or sum(c.isupper() for c in acr) < 2:
            continue
        out.append((m.start(1), acr, expansion(text[: m.start()], acr)))
        spans.append(m.span(1))
    known = set(known)
    if known:
        for m in re.finditer(rf"(?<![\w.]){_ACRONYM}(?![\w])", text):
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
            is_inst = _has_head(part, lang) or _glossary_type(glossary, part, lang) == "institution"
            if is_inst:
                out.append(part)
    return out


def _has_head(name: str, lang: str) -> bool:
    return any(fold(w.strip("’'")) in INSTITUTION_HEADS[lang] for w in name.split() if w[:1].isupper())


def _is_place(name: str, lang: str, glossary: Glossary | None) -> bool:
    """A country or a state: the glossary says so, or it reads like one ('Republic of …', 'Estados Unidos …')."""
    first = fold(name.split()[0]) if name.split() else ""
    return first in _STATE_WORDS or any(
        _glossary_type(glossary, name[: m.end()] if m else name, lang) == "place"
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
        if _glossary_type(glossary, tail, lang) == "place" and len(name[: piece.start()].split()) >= 2:
            return name[: piece.start()]
    return name


def _glossary_type(glossary: Glossary | None, form: str, lang: str) -> str | None:
    if glossary is None:
        return None
    for m in glossary.find(form, lang):
        if m.start == 0 and m.end == len(form):
            return m.concept.type
    return None


def _glossary_concepts(glossary: Glossary | None, form: str, lang: str) -> frozenset[int]:
    if glossary is None or not form:
        return frozenset()
    return frozenset(m.concept.id for m in glossary.find(form, lang, upper=True) if m.end - m.start >= len(form) - 1)


# -- pairing ------------------------------------------------------------------------------------------


def _sides(par: Any) -> tuple[Document, Document, list[tuple[str, tuple[Node, ...], tuple[Node, ...]]]]:
    """Both documents and (clause id, EN nodes, ES nodes) per pair, from a ParallelDocument, a report or similar."""
    en, es = getattr(par, "en", None), getattr(par, "es", None)
    pairs = getattr(par, "pairs", None)
    if not isinstance(en, Document) or not isinstance(es, Document) or pairs is None:
        raise InputError(
            "terms()", f"{type(par).__name__} has no .en/.es Documents and .pairs",
            "pass mou_text.pair(en, es), or a CheckReport from mou_text.check(en, es)", code="E022",
        )
    out = []
    for p in pairs:
        a, b = p.en, p.es
        a = tuple(a) if isinstance(a, (tuple, list)) else ((a,) if a is not None else ())
        b = tuple(b) if isinstance(b, (tuple, list)) else ((b,) if b is not None else ())
        cid = getattr(p, "id", None) if isinstance(getattr(p, "id", None), str) else None
        cid = cid or "+".join(n.id for n in a) or "+".join(n.id for n in b)
        out.append((cid, a, b))
    return en, es, out


def _candidates(nodes: Sequence[Node], lang: str, known: set[str], glossary: Glossary | None) -> list[_Cand]:
    out: list[_Cand] = []
    for n in nodes:
        if _is_upper(n.text):
            continue  # a title or signature block in capitals names things, it does not define them
        for t in defined_terms(n.text, lang):
            out.append(_Cand(_name_key(_headword(t, lang)), t, "term"))
        for acr, exp in acronyms(n.text, known):
            out.append(_Cand(acr, acr, "acronym", exp))
        if n.kind not in ("heading", "title", "signature"):  # title case everywhere, and signers' names
            for name in institutions(n.text, lang, glossary):
                out.append(_Cand(_name_key(name), name, "institution"))
    return out


def _known_acronyms(doc: Document, lang: str, glossary: Glossary | None) -> set[str]:
    """Acronyms a bare use of counts: those the text defines in parentheses, and the glossary's."""
    known = {a for n in doc.nodes if not _is_upper(n.text) for a, _ in acronyms(n.text)}
    if glossary is not None:
        for c in glossary.concepts:
            if c.type in ("acronym", "institution"):
                known.update(f for f in c.forms(lang) if re.fullmatch(_ACRONYM, f) and not _ROMAN.match(f))
    return known


def terms(par: Any, glossary: Any = None) -> TermList:
    """Bilingual term candidates of a pair, each with its renderings, counts and clause ids.

    ``par`` is a :class:`~mou_text.pair.ParallelDocument` (or anything with ``.en``/``.es``
    Documents and aligned ``.pairs``, such as a CheckReport). ``glossary`` is a path, a loaded
    glossary, or None for the bundled one; it is only a hint for matching.
    """
    from ._glossary import glossary_of

    gloss = glossary_of(glossary)
    en_doc, es_doc, pairs = _sides(par)
    known_en, known_es = _known_acronyms(en_doc, "en", gloss), _known_acronyms(es_doc, "es", gloss)
    clauses = []
    for cid, a, b in pairs:
        clauses.append((cid, _candidates(a, "en", known_en, gloss), _candidates(b, "es", known_es, gloss)))

    # how many clause pairs each candidate (and each cross-language couple) occurs in: the co-occurrence
    n_en: Counter[tuple[str, str]] = Counter()
    n_es: Counter[tuple[str, str]] = Counter()
    both: Counter[tuple[str, str, str]] = Counter()
    for _, ce, cs in clauses:
        ke = {(c.type, c.key) for c in ce}
        ks = {(c.type, c.key) for c in cs}
        n_en.update(ke)
        n_es.update(ks)
        both.update((t, e, s) for t, e in ke for t2, s in ks if t == t2)

    def dice(t: str, e: str, s: str) -> float:
        return 2 * both[(t, e, s)] / (n_en[(t, e)] + n_es[(t, s)])

    forms_en: dict[tuple[str, str], _Cand] = {}
    forms_es: dict[tuple[str, str], _Cand] = {}
    renderings: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (type, en key) -> [(es key, clause id)]
    for cid, ce, cs in clauses:
        for c in ce:
            forms_en.setdefault((c.type, c.key), c)
            if not forms_en[(c.type, c.key)].expansion and c.expansion:
                forms_en[(c.type, c.key)] = c
            renderings.setdefault((c.type, c.key), [])
        for c in cs:
            forms_es.setdefault((c.type, c.key), c)
            if not forms_es[(c.type, c.key)].expansion and c.expansion:
                forms_es[(c.type, c.key)] = c
        for (t, e), s in _match_clause(ce, cs, dice, gloss).items():
            renderings[(t, e)].append((s, cid))

    out = []
    for (t, e), found in renderings.items():
        out.append(_term(forms_en[(t, e)], [(forms_es[(t, s)], cid) for s, cid in found], en_doc, es_doc))
    out.sort(key=lambda x: (("term", "acronym", "institution").index(x.type), -x.en_count, x.en))
    signature = {
        "library": f"mou-text {__version__}",
        "glossary": gloss.version if gloss is not None else None,
        "thresholds": dict(THRESHOLDS),
        "en_source": en_doc.source,
        "es_source": es_doc.source,
    }
    return TermList(tuple(out), signature)


def _match_clause(ce: list[_Cand], cs: list[_Cand], dice, gloss: Glossary | None) -> dict[tuple[str, str], str]:
    """English key -> Spanish key inside one clause pair: best-scoring couples first, one to one."""
    out: dict[tuple[str, str], str] = {}
    for kind in ("term", "acronym", "institution"):
        e_keys = list(dict.fromkeys(c.key for c in ce if c.type == kind))
        s_keys = list(dict.fromkeys(c.key for c in cs if c.type == kind))
        if not e_keys or not s_keys:
            continue
        e_form = {c.key: c for c in ce if c.type == kind}
        s_form = {c.key: c for c in cs if c.type == kind}
        s_concepts = {s: _glossary_concepts(gloss, _headword(s_form[s].form, "es"), "es") | _glossary_concepts(gloss, s_form[s].expansion, "es") for s in s_keys}
        scored = []
        for i, e in enumerate(e_keys):
            ge = _glossary_concepts(gloss, _headword(e_form[e].form, "en"), "en")
            ge |= _glossary_concepts(gloss, e_form[e].expansion, "en")
            for j, s in enumerate(s_keys):
                score = dice(kind, e, s)
                if ge & s_concepts[s]:
                    score += THRESHOLDS["glossary_bonus"]
                if len(e_keys) == len(s_keys) and i == j:
                    score += THRESHOLDS["rank_bonus"]
                if kind == "acronym" and e == s:
                    score += THRESHOLDS["same_form_bonus"]
                scored.append((score, -abs(i - j), e, s))
        used_e: set[str] = set()
        used_s: set[str] = set()
        for score, _, e, s in sorted(scored, reverse=True):
            if score < THRESHOLDS["accept"] or e in used_e or s in used_s:
                continue
            used_e.add(e)
            used_s.add(s)
            out[(kind, e)] = s
    return out


def _count(doc: Document, form: str, kind: str) -> int:
    """Occurrences of a form in a whole text: acronyms and defined terms as written, names ignoring case and accents."""
    if not form:
        return 0
    words = [re.escape(w) for w in (fold(form) if kind == "institution" else form).split()]
    rx = re.compile(r"(?<![\w])" + r"[\s\-]+".join(words) + r"(?![\w])")
    return len(rx.findall(_folded(doc.text) if kind == "institution" else doc.text))


@lru_cache(maxsize=2)
def _folded(text: str) -> str:
    """The folded text of a whole document, once per document rather than once per counted name."""
    return fold(text)


def _term(en: _Cand, found: list[tuple[_Cand, str]], en_doc: Document, es_doc: Document) -> Term:
    en_form = en.form
    by_key: dict[str, list[str]] = {}
    first: dict[str, _Cand] = {}
    for c, cid in found:
        by_key.setdefault(c.key, [])
        if cid not in by_key[c.key]:
            by_key[c.key].append(cid)
        first.setdefault(c.key, c)
        if not first[c.key].expansion and c.expansion:
            first[c.key] = c

    def count(c: _Cand, doc: Document, lang: str) -> int:
        return _count(doc, _headword(c.form, lang) if c.type == "term" else c.form, c.type)

    variants = sorted(
        (Variant(first[k].form, count(first[k], es_doc, "es"), tuple(ids)) for k, ids in by_key.items()),
        key=lambda v: (-len(v.clause_ids), -v.count),
    )
    main = first[next(k for k in by_key if first[k].form == variants[0].es)] if variants else None
    clause_ids = tuple(dict.fromkeys(cid for _, cid in found))
    return Term(
        en=en_form,
        es=variants[0].es if variants else "",
        type=en.type,
        en_count=count(en, en_doc, "en"),
        es_count=variants[0].count if variants else 0,
        variants=tuple(variants),
        inconsistent=len(variants) > 1,
        clause_ids=clause_ids,
        en_expansion=en.expansion,
        es_expansion=main.expansion if main else "",
    )
