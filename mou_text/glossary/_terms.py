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

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..document import Document, Node
from ..errors import InputError
from ..lang import fold
from ..signature import Signature
from ._extract import (
    ACRONYM,
    ROMAN_NUMERAL,
    Candidate,
    acronyms,
    defined_terms,
    glossary_concepts,
    headword,
    institutions,
    is_upper,
    name_key,
)
from ._termlist import Term, TermList, Variant

if TYPE_CHECKING:

    from ._glossary import Glossary

#: Scoring of a candidate rendering inside one clause pair (see :func:`_match_clause`).
THRESHOLDS = {"accept": 0.5, "glossary_bonus": 0.6, "rank_bonus": 0.3, "same_form_bonus": 0.5}

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


def _candidates(nodes: Sequence[Node], lang: str, known: set[str], glossary: Glossary | None) -> list[Candidate]:
    out: list[Candidate] = []
    for n in nodes:
        if is_upper(n.text):
            continue  # a title or signature block in capitals names things, it does not define them
        for t in defined_terms(n.text, lang):
            out.append(Candidate(name_key(headword(t, lang)), t, "term"))
        for acr, exp in acronyms(n.text, known):
            out.append(Candidate(acr, acr, "acronym", exp))
        if n.kind not in ("heading", "title", "signature"):  # title case everywhere, and signers' names
            for name in institutions(n.text, lang, glossary):
                out.append(Candidate(name_key(name), name, "institution"))
    return out


def _known_acronyms(doc: Document, lang: str, glossary: Glossary | None) -> set[str]:
    """Acronyms a bare use of counts: those the text defines in parentheses, and the glossary's."""
    known = {a for n in doc.nodes if not is_upper(n.text) for a, _ in acronyms(n.text)}
    if glossary is not None:
        for c in glossary.concepts:
            if c.type in ("acronym", "institution"):
                known.update(f for f in c.forms(lang) if re.fullmatch(ACRONYM, f) and not ROMAN_NUMERAL.match(f))
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

    forms_en: dict[tuple[str, str], Candidate] = {}
    forms_es: dict[tuple[str, str], Candidate] = {}
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
    signature = Signature.of(
        "terms",
        glossary=gloss.version if gloss is not None else None,
        thresholds=dict(THRESHOLDS),
        en_source=en_doc.source,
        es_source=es_doc.source,
    )
    return TermList(tuple(out), signature)


def _match_clause(ce: list[Candidate], cs: list[Candidate], dice, gloss: Glossary | None) -> dict[tuple[str, str], str]:
    """English key -> Spanish key inside one clause pair: best-scoring couples first, one to one."""
    out: dict[tuple[str, str], str] = {}
    for kind in ("term", "acronym", "institution"):
        e_keys = list(dict.fromkeys(c.key for c in ce if c.type == kind))
        s_keys = list(dict.fromkeys(c.key for c in cs if c.type == kind))
        if not e_keys or not s_keys:
            continue
        e_form = {c.key: c for c in ce if c.type == kind}
        s_form = {c.key: c for c in cs if c.type == kind}
        s_concepts = {s: glossary_concepts(gloss, headword(s_form[s].form, "es"), "es") | glossary_concepts(gloss, s_form[s].expansion, "es") for s in s_keys}
        scored = []
        for i, e in enumerate(e_keys):
            ge = glossary_concepts(gloss, headword(e_form[e].form, "en"), "en")
            ge |= glossary_concepts(gloss, e_form[e].expansion, "en")
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


def _term(en: Candidate, found: list[tuple[Candidate, str]], en_doc: Document, es_doc: Document) -> Term:
    en_form = en.form
    by_key: dict[str, list[str]] = {}
    first: dict[str, Candidate] = {}
    for c, cid in found:
        by_key.setdefault(c.key, [])
        if cid not in by_key[c.key]:
            by_key[c.key].append(cid)
        first.setdefault(c.key, c)
        if not first[c.key].expansion and c.expansion:
            first[c.key] = c

    def count(c: Candidate, doc: Document, lang: str) -> int:
        return _count(doc, headword(c.form, lang) if c.type == "term" else c.form, c.type)

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
