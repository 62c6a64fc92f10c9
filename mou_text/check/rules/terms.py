"""Defined terms, key terms and acronyms: shifted, dropped, or written inconsistently in the Spanish.

Four rules, all driven by the glossary's ``term`` and ``acronym`` rows. A **shift** is a term
replaced by another of its group (a glossary note starting ``[party]``, ``[instrument]``,
``[security]``…): "the Participants" rendered "las Partes" turns a non-binding MOU's vocabulary into
a treaty's, and "seguridad nacional" for "citizen security" changes the subject; both are major even
though each word is a correct translation of something. Occurrences are counted, so a term said
twice in English and once in Spanish next to one rival is caught. A grouped **key term** with no
rendering at all is minor (the sentence may say it otherwise). An **acronym** on one side only is
minor (the expansion usually carries the meaning); acronyms no glossary lists are compared by
count, so "(ESAVI)" ↔ "(ESAVI)" is silent and an unknown acronym dropped is still seen.
**Consistency** is read across the whole Spanish text: when an acronym or a defined term is written
in several accepted forms (VG and VBG, MdE and MDE), the most frequent form is taken as the
translator's choice and every other occurrence is reported (minor), because a reader of an
authentic text may take two forms for two things.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ...align import AlignedPair
from ...glossary import Concept, Glossary, Match, first_of_each, glossary_of
from ...lang import fold, strict_roman_value
from .._finding import CheckContext, Finding
from ._side import Hit, Side, each_pair, make_finding, nearest

CHECK = "terms"
_ACRONYM = re.compile(r"(?<![\w.])[A-Z][A-Za-z]*[A-Z][A-Za-z]*s?(?![\w])")


def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    """Defined-term shifts and one-sided acronyms per clause, then term consistency over the Spanish."""
    glossary = glossary_of(ctx.glossary)
    return each_pair(pairs, compare, glossary) + consistency(pairs, glossary)


def group(concept: Concept) -> str | None:
    """The term group a glossary note declares (``'[party] defined term…'`` → ``'party'``)."""
    m = re.match(r"\s*\[([\w\- ]+)\]", concept.note or "")
    return m.group(1).strip().lower() if m else None


def compare(pair: AlignedPair, en: Side, es: Side, glossary: Glossary) -> list[Finding]:
    en_m = glossary.find(en.text, "en", ("term", "acronym"), upper=en.is_upper())
    es_m = glossary.find(es.text, "es", ("term", "acronym"), upper=es.is_upper())
    terms_en = [m for m in en_m if m.concept.type == "term"]
    terms_es = [m for m in es_m if m.concept.type == "term"]
    out = _shifts(pair, en, es, [m for m in terms_en if not _in_proper_name(en.text, m)],
                  [m for m in terms_es if not _in_proper_name(es.text, m)])
    shifted = {f.en_text for f in out}
    out.extend(f for f in _missing(pair, en, es, terms_en, terms_es) if f.en_text not in shifted)
    out.extend(_acronyms(pair, en, es, [m for m in en_m if m.concept.type == "acronym"],
                         [m for m in es_m if m.concept.type == "acronym"], glossary))
    return out


_NEXT_NAME = re.compile(r"\s+(?:(?:of|de|del|on|sobre|for|para)\s+(?:the\s+|la\s+|el\s+|los\s+|las\s+)?)?([^\W\d_]+)")
_PREV_NAME = re.compile(r"([^\W\d_]+)\s+$")


def _in_proper_name(text: str, m: Match) -> bool:
    """An instrument word inside a proper name ('the Berne Convention', 'el Convenio de Berna', 'la
    Convención de Roma'): official titles keep their own word, so no group shift is read there. Likewise
    a common noun written with a capital inside a sentence ('Derechos de Autor', 'Derechos Licenciados')
    is part of a name or a defined term, not the noun ('derecho') the glossary lists."""
    if m.form[:1].islower() and m.text[:1].isupper() and not _heads(text, m.start):
        return True
    if group(m.concept) != "instrument":
        return False
    before = _PREV_NAME.search(text[max(0, m.start - 40):m.start])
    after = _NEXT_NAME.match(text, m.end)
    for w in (before.group(1) if before else "", after.group(1) if after else ""):
        if len(w) >= 3 and w[0].isupper() and not w.isupper() and w.lower() not in ("the", "this", "that", "each"):
            return True
    return False


def _collapse(ms: list[Match], text: str) -> list[Match]:
    """One occurrence for two forms of a concept written as alternatives ('Atribución/Reconocimiento')."""
    out: list[Match] = []
    for m in sorted(ms, key=lambda m: m.start):
        if out and out[-1].concept.id == m.concept.id and re.fullmatch(r"\s*/\s*", text[out[-1].end:m.start]):
            continue
        out.append(m)
    return out


def _heads(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘«¿¡(*—–-":
        j -= 1
    return j < 0 or text[j] in ".:;!?\n"


def _shifts(pair: AlignedPair, en: Side, es: Side, en_m: list[Match], es_m: list[Match]) -> list[Finding]:
    """Per group, occurrences the English has more of, answered by a rival the Spanish has more of.

    Counting (not mere presence) sees 'citizen security' twice in English and once in Spanish next to
    one 'seguridad nacional'. A term the Spanish simply leaves out is not a shift (Spanish drops
    subjects freely); :func:`_missing` reports key terms absent altogether.
    """
    en_count = Counter(m.concept.id for m in _collapse(en_m, en.text))
    es_count = Counter(m.concept.id for m in _collapse(es_m, es.text))
    out = []
    used_es: set[int] = set()
    for m in first_of_each(en_m):
        g = group(m.concept)
        deficit = en_count[m.concept.id] - es_count[m.concept.id]
        if not g or deficit <= 0:
            continue
        rivals = [x for x in es_m if group(x.concept) == g and x.concept.id != m.concept.id
                  and es_count[x.concept.id] > en_count[x.concept.id] and x.start not in used_es
                  and _singular(x.concept.label) != _singular(m.concept.label)]
        if not rivals:
            continue
        twin = min(rivals, key=lambda x: abs(x.start / max(1, len(es.text)) - m.start / max(1, len(en.text))))
        used_es.add(twin.start)
        es_count[twin.concept.id] -= 1  # this surplus is explained
        missing_hit = _unanswered(en_m, es_m, m.concept, en, es)
        expected = " / ".join(m.concept.es[:3])
        out.append(make_finding(
            CHECK, "defined_term", "major", pair, en, es, missing_hit, Hit(twin.start, twin.end, twin.text),
            f"Term '{missing_hit.text}' is rendered as '{twin.text}', the Spanish for '{twin.concept.label}'; "
            f"expected '{expected}'",
            f"El término '{twin.text}' corresponde a '{twin.concept.label}', no a '{missing_hit.text}'; se "
            f"esperaba '{expected}'",
        ))
    return out


def _unanswered(en_m: list[Match], es_m: list[Match], concept: Concept, en: Side, es: Side) -> Hit:
    """The English occurrence of ``concept`` least likely to have a Spanish one at its place."""
    mine = [m for m in en_m if m.concept.id == concept.id]
    theirs = [m.start / max(1, len(es.text)) for m in es_m if m.concept.id == concept.id]
    best = max(mine, key=lambda m: min((abs(m.start / max(1, len(en.text)) - t) for t in theirs), default=1.0))
    return Hit(best.start, best.end, best.text)


_STOP = {"de", "del", "la", "las", "el", "los", "a", "al", "en", "y", "e", "o", "con", "por", "para", "que"}


def _missing(pair: AlignedPair, en: Side, es: Side, en_m: list[Match], es_m: list[Match]) -> list[Finding]:
    """Key terms (grouped, not party or instrument names) with no Spanish rendering at all: minor.

    A rendering counts if all the content words of one accepted form are in the clause, so "acceso
    pleno e igualitario a la justicia" renders "full and equal access to justice".
    """
    es_ids = {m.concept.id for m in es_m}
    words = set(re.findall(r"\w+", fold(es.text)))
    out = []
    for m in first_of_each(en_m):
        g = group(m.concept)
        if m.concept.id in es_ids or g in (None, "party", "instrument"):
            continue
        if any(all(w in words for w in re.findall(r"\w+", fold(form)) if w not in _STOP) for form in m.concept.es):
            continue
        expected = " / ".join(m.concept.es[:3])
        out.append(make_finding(
            CHECK, "defined_term", "minor", pair, en, es, Hit(m.start, m.end, m.text), None,
            f"Key term '{m.text}' is not rendered in the Spanish text (expected '{expected}')",
            f"El término clave '{m.text}' del inglés no se traduce en el texto en español (se esperaba '{expected}')",
        ))
    return out


def _acronyms(pair: AlignedPair, en: Side, es: Side, en_m: list[Match], es_m: list[Match],
              glossary: Glossary) -> list[Finding]:
    out = []
    en_ids = {m.concept.id for m in en_m}
    es_ids = {m.concept.id for m in es_m}
    for m in first_of_each([m for m in en_m if m.concept.id not in es_ids]):
        out.append(make_finding(
            CHECK, "acronym", "minor", pair, en, es, Hit(m.start, m.end, m.text), None,
            f"Acronym '{m.text}' has no counterpart in the Spanish text (expected {' / '.join(m.concept.es[:3])})",
            f"La sigla '{m.text}' del inglés no tiene equivalente en español (se esperaba "
            f"{' / '.join(m.concept.es[:3])})",
        ))
    for m in first_of_each([m for m in es_m if m.concept.id not in en_ids]):
        out.append(make_finding(
            CHECK, "acronym", "minor", pair, en, es, None, Hit(m.start, m.end, m.text),
            f"Acronym '{m.text}' ({m.concept.label}) in the Spanish text has no counterpart in English",
            f"La sigla '{m.text}' ({m.concept.label}) del español no tiene equivalente en inglés",
        ))
    # acronyms no glossary knows: compared by count, surplus reported
    known_en = glossary.find(en.text, "en", upper=en.is_upper())
    known_es = glossary.find(es.text, "es", upper=es.is_upper())
    a = _unknown_acronyms(en, known_en)
    b = _unknown_acronyms(es, known_es)
    shared = {h.text for h in a} & {h.text for h in b}
    a = [h for h in a if h.text not in shared]
    b = [h for h in b if h.text not in shared]
    for h in a[len(b):]:
        out.append(make_finding(
            CHECK, "acronym", "minor", pair, en, es, h, None,
            f"Acronym '{h.text}' does not appear in the Spanish text",
            f"La sigla '{h.text}' del inglés no aparece en el texto en español",
        ))
    for h in b[len(a):]:
        out.append(make_finding(
            CHECK, "acronym", "minor", pair, en, es, None, h,
            f"Acronym '{h.text}' in the Spanish text does not appear in the English text",
            f"La sigla '{h.text}' del español no aparece en el texto en inglés",
        ))
    return out


def _unknown_acronyms(side: Side, known: list[Match]) -> list[Hit]:
    if side.is_upper():
        return []
    spans = [(m.start, m.end) for m in known]
    lead = re.match(r"\s*(?:[A-ZÁÉÍÓÚÑ]{2,}\s+)+", side.text)  # RECOGNIZING, BEARING IN MIND
    lead_end = lead.end() if lead else 0
    out = []
    for m in _ACRONYM.finditer(side.text):
        w = m.group(0)
        if m.start() < lead_end or any(a <= m.start() < b for a, b in spans) or strict_roman_value(w) is not None:
            continue
        if len(w) > 10 or sum(c.isupper() for c in w) < 2:
            continue
        out.append(Hit(m.start(), m.end(), w))
    return out


def _singular(label: str) -> str:
    f = fold(label)
    if f.endswith("ies"):
        return f[:-3] + "y"
    return f[:-1] if f.endswith("s") and not f.endswith("ss") else f


# --- consistency across the Spanish text ----------------------------------------------------------


def _variant(m: Match) -> str:
    """How a form is told apart from another: acronyms by their letters as written, terms folded."""
    if m.concept.type == "acronym":
        return m.text
    return re.sub(r"[\s\-‐–]+", " ", fold(m.text))


def consistency(pairs: Sequence[AlignedPair], glossary: Glossary) -> list[Finding]:
    occurrences: dict[int, list[tuple[AlignedPair, Side, Match]]] = {}
    for p in pairs:
        if not p.es:
            continue
        es = Side.of(p.es)
        if es.is_upper():
            continue  # a title in capitals cannot show 'MdE' versus 'MDE'
        for m in glossary.find(es.text, "es", ("term", "acronym")):
            if m.concept.type == "term" and (len(m.concept.es) < 2 or not m.concept.label[:1].isupper()):
                continue  # only defined terms (capitalised: 'Memorandum of Understanding') must be uniform
            occurrences.setdefault(m.concept.id, []).append((p, es, m))
    out: list[Finding] = []
    for occ in occurrences.values():
        counts = Counter(_variant(m) for _, _, m in occ)
        if len(counts) < 2:
            continue
        first_seen = {v: i for i, v in reversed(list(enumerate(_variant(m) for _, _, m in occ)))}
        chosen = max(counts, key=lambda v: (counts[v], -first_seen[v]))
        chosen_text = next(m.text for _, _, m in occ if _variant(m) == chosen)
        for p, es, m in occ:
            if _variant(m) == chosen:
                continue
            en = Side.of(p.en) if p.en else None
            en_hit = None
            if en is not None:
                en_matches = [x for x in glossary.find(en.text, "en", ("term", "acronym"), upper=en.is_upper())
                              if x.concept.id == m.concept.id]
                hits = [Hit(x.start, x.end, x.text) for x in en_matches]
                en_hit = nearest(hits, Hit(m.start, m.end, m.text), len(es.text), len(en.text))
            what = "Acronym" if m.concept.type == "acronym" else "Term"
            que = "La sigla" if m.concept.type == "acronym" else "El término"
            out.append(make_finding(
                CHECK, "term_consistency", "minor", p, en or es, es, en_hit, Hit(m.start, m.end, m.text),
                f"{what} for '{m.concept.label}' is '{m.text}' here but '{chosen_text}' elsewhere in the Spanish "
                f"text ({counts[chosen]}×); use one form throughout",
                f"{que} para '{m.concept.label}' aparece como '{m.text}' aquí y como '{chosen_text}' en el resto "
                f"del texto en español ({counts[chosen]} veces); conviene usar una sola forma",
            ))
    return out
