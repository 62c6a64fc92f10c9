"""Institutions, places and people named on one side of a clause and not (or differently) on the other.

Two complementary rules. The **glossary** rule knows that "Secretariat of Foreign Relations" is
"Secretaría de Relaciones Exteriores" and that "Rio Grande" is "Río Bravo": each concept named in
the English clause must be named in the Spanish one, in any accepted form; a concept missing on
one side while another of the same type appears only there is a *replacement* (critical for an
institution: the obligation now binds someone else). The **capitalised-name** rule covers what no
glossary lists: a word written with a capital that the language's frequency table says is a name
("Quitman", "Espinosa", "Toledo") must appear on the other side too, accent-insensitive and allowing
close spellings ("Belize"/"Belice"). Lead words in capitals (RECOGNIZING), sentence-initial
capitals and title-case headings are common words and are skipped by the same table.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import replace

from ...align import AlignedPair
from ...glossary import Glossary, Match, first_of_each, glossary_of
from ...lang import (
    INITIAL_MARGIN,
    LEXICON_VERSION,
    MONTHS,
    NAME_MARGIN,
    fold,
    is_name_like,
    is_word,
    strict_roman_value,
    written_in,
)
from .._finding import CheckContext, Finding
from ._side import Hit, Side, each_pair, make_finding

CHECK = "names"
#: Two spellings of one name ('Belize'/'Belice', 'Falcon'/'Falcón' folded) at least this similar.
FUZZY_RATIO = 0.8
#: Clause kinds set in capitals where case still tells a name (elsewhere capitals are a disclaimer's emphasis).
CAPITALS_KINDS = frozenset({"title", "heading", "signature"})
THRESHOLDS = {"name_margin": NAME_MARGIN, "initial_margin": INITIAL_MARGIN, "fuzzy_ratio": FUZZY_RATIO,
              "lexicon": LEXICON_VERSION}
NAME_TYPES = ("institution", "place", "person")
_TYPE_WORDS = {
    "institution": ("Institution", "La institución"),
    "place": ("Place", "El lugar"),
    "person": ("Person", "La persona"),
}
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CONNECTORS = {"of", "the", "de", "del", "la", "las", "los", "y", "e", "and", "du", "van", "von", "da"}
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lunes", "martes",
             "miercoles", "jueves", "viernes", "sabado", "domingo"}


def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    """Names that differ between the two versions of each aligned clause.

    A name is reported once per document at its legal weight: the same missing or added name in a
    later clause is the same divergence again (minor), so one mistaken word does not fill the report.
    """
    defined = _defined_words(ctx.en_doc.text) | _defined_words(ctx.es_doc.text)
    # a word the document also writes in lower case is a common word there, capitalised only where it
    # heads a sentence or a UI label ('Cryptomining scripts…' beside 'blocks cryptomining')
    found = each_pair(pairs, compare, glossary_of(ctx.glossary), defined | _lowercase_words(ctx.en_doc.text),
                      defined | _lowercase_words(ctx.es_doc.text))
    seen: set[tuple[str, str]] = set()
    out = []
    for f in found:
        key = (fold(f.en_text or ""), fold(f.es_text or ""))
        if key in seen and f.severity != "minor":
            f = replace(f, severity="minor")
        seen.add(key)
        out.append(f)
    return out


def compare(pair: AlignedPair, en: Side, es: Side, glossary: Glossary, defined: frozenset[str] | set[str] = frozenset(),
            es_defined: frozenset[str] | set[str] | None = None) -> list[Finding]:
    """``defined``: folded words that are no names here (on the Spanish side too unless ``es_defined``)."""
    en_all = [m for m in glossary.find(en.text, "en", upper=en.is_upper()) if not _currency(m, en.text, "en", es.text)]
    es_all = [m for m in glossary.find(es.text, "es", upper=es.is_upper()) if not _currency(m, es.text, "es", en.text)]
    out = _glossary_rule(pair, en, es, en_all, es_all)
    out.extend(_capitalised_rule(pair, en, es, en_all, es_all, defined, defined if es_defined is None else es_defined))
    return out


_CURRENCY_BEFORE = re.compile(r"(?:d[oó]lar(?:es)?|pesos?|libras?(?: esterlinas?)?|francos?|coronas?|reales|soles|euros?)\s+$", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"^\s+(?:dollars?|pesos?|pounds?|francs?|krona|kronor|kroner|crowns?|reais|soles|euros?)\b", re.IGNORECASE)


_MONEY_SIGN = re.compile(r"[$€£¥]|\b[A-Z]{3}\b")


def _currency(m: Match, text: str, lang: str, other: str) -> bool:
    """A nationality that names a currency ('50 dólares canadienses' for '$50 (CAD)', 'Mexican pesos' for
    'MXN'): a unit of money the other side writes as a code or a sign, not a place the text is about."""
    if m.concept.type != "place" or not _MONEY_SIGN.search(other):
        return False
    if lang == "es":
        return bool(_CURRENCY_BEFORE.search(text[max(0, m.start - 24):m.start]))
    return bool(_CURRENCY_AFTER.match(text[m.end:m.end + 16]))


#: A term the text defines: '(the "Affirmer")', '(el “Afirmante”)', «Licenciante»: a word, not a name.
_DEFINITION = re.compile(r"[\"“«]([^\W\d_][\w’'\- ]{1,60}?)[\"”»]")


def _lowercase_words(text: str) -> set[str]:
    """Folded words written somewhere in ``text`` in lower case (five letters or more)."""
    return {fold(w) for w in _WORD.findall(text) if w[:1].islower() and len(w) >= 5}


def _defined_words(text: str) -> set[str]:
    """Folded words of the capitalised terms a document defines in quotation marks."""
    out: set[str] = set()
    for m in _DEFINITION.finditer(text):
        words = _WORD.findall(m.group(1))
        if words and len(words) <= 6 and words[0][:1].isupper():
            out.update(fold(w) for w in words if w[:1].isupper())
    return out


# --- glossary rule ------------------------------------------------------------------------------


def _as_written(name: str, other_folded: str) -> bool:
    """Is the name written in the other text as it is here ('Creative Commons' run together as
    'CreativeCommons' is the same name)?"""
    if written_in(name, other_folded):
        return True
    squashed = re.sub(r"[\s\-]+", "", fold(name))
    return len(squashed) >= 6 and squashed in re.sub(r"[\s\-]+", "", other_folded)


def _in_lower_case(m: Match, forms: tuple[str, ...], other_folded: str) -> bool:
    """Does the other text name the office or body in lower case, as the glossary's capitals do not let it match
    ('foreign ministers' ↔ 'Ministros de Relaciones Exteriores', 'el ministro' ↔ 'the Minister')? Places and
    acronyms are left out: 'grabación sonora' is no Sonora, 'who' is no WHO."""
    if m.concept.type != "institution":
        return False
    return any(written_in(form, other_folded) for f in forms if not f.isupper() for form in (f, f + "s", f + "es"))


def _glossary_rule(pair: AlignedPair, en: Side, es: Side, en_all: list[Match], es_all: list[Match]) -> list[Finding]:
    en_m = [m for m in en_all if m.concept.type in NAME_TYPES and not _acronym_language(en.text, m)]
    es_m = [m for m in es_all if m.concept.type in NAME_TYPES and not _acronym_language(es.text, m)]
    en_ids = {m.concept.id for m in en_m}
    es_ids = {m.concept.id for m in es_m}
    es_words = _vocab(es.text)
    # a name written the same on both sides ("Español" left as "Español" in a language picker) is
    # there, whichever language's glossary form it matched
    en_fold, es_fold = fold(en.text), fold(es.text)
    missing = first_of_each([m for m in en_m if m.concept.id not in es_ids and not _elided(m, es_words) and not _as_written(m.text, es_fold)
                             and not _in_lower_case(m, m.concept.es, es_fold)])
    extra = first_of_each([m for m in es_m if m.concept.id not in en_ids and not _as_written(m.text, en_fold)
                           and not _in_lower_case(m, m.concept.en, en_fold)])
    out = []
    for m in missing:
        hit = Hit(m.start, m.end, m.text)
        same_type = [x for x in extra if x.concept.type == m.concept.type]
        twin = min(same_type, key=lambda x: abs(x.start / max(1, len(es.text)) - m.start / max(1, len(en.text))),
                   default=None)
        what, what_es = _TYPE_WORDS[m.concept.type]
        expected = " / ".join(m.concept.es[:3])
        if twin is not None:
            extra.remove(twin)
            sev = "critical" if m.concept.type == "institution" else "major"
            if _named_around(twin, m, es.text):
                sev = "minor"  # 'Naciones Unidas' inside a form of the UNODC's name the glossary does not list
            out.append(make_finding(
                CHECK, "name", sev, pair, en, es, hit, Hit(twin.start, twin.end, twin.text),
                f"{what} '{m.text}' is rendered as '{twin.text}', which names {twin.concept.label}; expected "
                f"'{expected}'",
                f"{what_es} '{twin.text}' ({twin.concept.label}) no corresponde a '{m.text}' del inglés; se "
                f"esperaba '{expected}'",
            ))
        else:
            # the Spanish names the institution around a part of its name ('Oficina de las Naciones Unidas contra
            # las Drogas y la Delincuencia'), in a form the glossary does not list: a note, not a change
            # or by the head of its name, as a treaty calls the United Nations 'la Organización' throughout
            sev = "minor" if any(_named_around(x, m, es.text) for x in es_m) or _by_head(m, "es", es.text) else "major"
            out.append(make_finding(
                CHECK, "name", sev, pair, en, es, hit, None,
                f"{what} '{m.text}' is not named in the Spanish text (expected '{expected}')",
                f"{what_es} '{m.text}' del inglés no se menciona en el texto en español (se esperaba '{expected}')",
            ))
    for x in extra:
        what, what_es = _TYPE_WORDS[x.concept.type]
        out.append(make_finding(
            CHECK, "name", "minor" if _by_head(x, "en", en.text) else "major", pair, en, es, None, Hit(x.start, x.end, x.text),
            f"{what} '{x.text}' ({x.concept.label}) in the Spanish text is not named in the English text",
            f"{what_es} '{x.text}' del español no se menciona en el texto en inglés ({x.concept.label})",
        ))
    return out


_HEAD_BEFORE = re.compile(r"[A-ZÁÉÍÓÚÑ][^\W\d_]+\s+(?:de\s+(?:la|las|los)|del)\s+$")


def _named_around(inner: Match, outer: Match, text: str) -> bool:
    """Is the institution ``inner`` (matched in ``text``) part of a longer name of the institution ``outer``: its
    English name inside ``outer``'s ('United Nations' in 'United Nations Office on Drugs and Crime') and a head
    before it in the text ('Oficina de las Naciones Unidas contra las Drogas')? Then the text names ``outer`` by
    a variant the glossary lacks. A bare 'ONU' for 'UN Women', or a place inside a place's name ('United
    States' in 'United States of Mexico'), stays a change."""
    if outer.concept.type != "institution" or inner.concept.type != "institution":
        return False
    names = [fold(f) for f in outer.concept.en]
    inside = any(written_in(f, n) and fold(f) != n for f in inner.concept.en for n in names)
    return inside and _HEAD_BEFORE.search(text[max(0, inner.start - 40):inner.start]) is not None


#: Where an English name's head stands: before its first preposition ('Commission on Human Rights'), else last.
_EN_HEAD = re.compile(r"^(?:[\w.'’-]+\s+)*?([A-Z][\w’'-]+)(?=\s+(?:of|on|for|against|to|in)\s|$)")
_CAPITAL = "A-ZÁÉÍÓÚÑ"
#: Heads an institution is called by alone, once named ('the Commission', 'la Organización').
_HEADS = frozenset({
    "organization", "organisation", "commission", "committee", "council", "court", "department", "ministry",
    "office", "secretariat", "agency", "bank", "fund", "programme", "program", "institute", "assembly", "union",
    "tribunal", "conference", "board", "authority", "embassy", "government", "organizacion", "comision", "comite",
    "consejo", "corte", "departamento", "ministerio", "secretaria", "oficina", "agencia", "banco", "fondo",
    "programa", "instituto", "asamblea", "conferencia", "junta", "autoridad", "embajada", "gobierno",
    "procuraduria", "fiscalia"})


def _by_head(m: Match, lang: str, text: str) -> bool:
    """Does ``text`` (in ``lang``) call the institution ``m`` names on the other side by the head of its name
    alone ('la Organización' for the United Nations, 'the Commission' for the Comisión Interamericana), a
    short form legal texts define and keep to? The head must stand alone, not open another name ('la
    Organización Mundial de la Salud')."""
    if m.concept.type != "institution":
        return False
    forms = m.concept.es if lang == "es" else m.concept.en
    for form in forms:
        if " " not in form.strip():
            continue
        if lang == "es":
            head = form.split()[0]
        else:
            hm = _EN_HEAD.match(form)
            head = hm.group(1) if hm else ""
        if fold(head) not in _HEADS or not head[0].isupper():
            continue
        alone = rf"(?<![\w-]){re.escape(head)}(?![\w-])(?!\s+(?:(?:de|of|on|for)\s+(?:la\s+|las\s+|los\s+|the\s+)?|del\s+)?[{_CAPITAL}])"
        if re.search(alone, text):
            return True
    return False


def _acronym_language(text: str, m: Match) -> bool:
    """'(STEM, por sus siglas en inglés)', '(EUPL, por su sigla en inglés)', '(SRE, its acronym in Spanish)': the
    language an acronym comes from, not a place."""
    before = text[max(0, m.start - 40):m.start]
    return bool(re.search(r"(siglas?|acr[oó]nimo|abreviatura)\s+(en|del?)\s+(el\s+)?$", before, re.IGNORECASE)
                or re.search(r"(acronym|abbreviation|initials)\s+(in|from)\s+(the\s+)?$", before, re.IGNORECASE))


#: Generic heads of place names that Spanish drops when it lists several ('los ríos Colorado y Bravo').
_GENERIC_HEADS = {"rio", "rios", "golfo", "ciudad", "lago", "lagos", "mar", "sierra", "bahia", "isla", "islas",
                  "puerto", "presa", "presas", "canal", "valle", "cuenca", "estado", "republica"}


def _elided(m: Match, es_words: set[str]) -> bool:
    """A place whose distinctive word is there without its generic head ('Tijuana y Bravo')."""
    if m.concept.type != "place":
        return False
    for form in m.concept.es:
        words = [w for w in _vocab(form) if w not in _GENERIC_HEADS and w not in _CONNECTORS]
        if words and len(words) < len(_vocab(form)) and all(w in es_words for w in words):
            return True
    return False


# --- capitalised-name rule ----------------------------------------------------------------------


def _capitalised_rule(pair: AlignedPair, en: Side, es: Side, en_all: list[Match], es_all: list[Match],
                      en_defined: frozenset[str] | set[str], es_defined: frozenset[str] | set[str]) -> list[Finding]:
    en_names = [h for h in _name_words(en, "en", en_all) if fold(h.text) not in en_defined]
    es_names = [h for h in _name_words(es, "es", es_all) if fold(h.text) not in es_defined]
    # a name counts as present when the other side names it through the glossary ('Bravo' ← Rio Grande)
    en_vocab = _vocab(en.text) | {w for m in en_all for f in m.concept.es for w in _vocab(f)}
    es_vocab = _vocab(es.text) | {w for m in es_all for f in m.concept.en for w in _vocab(f)}
    missing = [h for h in en_names if not _present(h.text, es_vocab)]
    added = [h for h in es_names if not _present(h.text, en_vocab)]
    out = []
    for run in _runs(missing, en.text):
        twin_run = None
        runs_added = _runs(added, es.text)
        if runs_added:
            where = run.start / max(1, len(en.text))
            twin_run = min(runs_added, key=lambda r: abs(r.start / max(1, len(es.text)) - where))
            added = [h for h in added if not (twin_run.start <= h.start < twin_run.end)]
        if twin_run is not None:
            out.append(make_finding(
                CHECK, "name", "major", pair, en, es, run, twin_run,
                f"Name '{run.text}' is rendered as '{twin_run.text}' in the Spanish text",
                f"El nombre '{twin_run.text}' del español no corresponde a '{run.text}' del inglés",
            ))
        else:
            out.append(make_finding(
                CHECK, "name", "major", pair, en, es, run, None,
                f"Name '{run.text}' does not appear in the Spanish text",
                f"El nombre '{run.text}' del inglés no aparece en el texto en español",
            ))
    for run in _runs(added, es.text):
        out.append(make_finding(
            CHECK, "name", "major", pair, en, es, None, run,
            f"Name '{run.text}' in the Spanish text does not appear in the English text",
            f"El nombre '{run.text}' del español no aparece en el texto en inglés",
        ))
    return out


def _name_words(side: Side, lang: str, covered: list[Match]) -> list[Hit]:
    """Capitalised words that are names by the frequency table, outside glossary matches."""
    upper = side.is_upper()
    if upper and not any(n.kind in CAPITALS_KINDS for n in side.nodes):
        return []  # a disclaimer set in capitals: case cannot tell a name there (the glossary still can)
    spans = [(m.start, m.end) for m in covered] + _run_in_titles(side.text)
    out = []
    for m in _WORD.finditer(side.text):
        w = m.group(0)
        if not w[:1].isupper() or len(w) < 2 or any(a <= m.start() < b for a, b in spans):
            continue
        if not upper and w.isupper():
            continue  # an acronym (terms check) or a lead word in capitals (RECOGNIZING)
        if sum(c.isupper() for c in w) >= 2 and not w.isupper():
            continue  # mixed-case acronym (MdE, PyMEs)
        f = fold(w)
        if f in MONTHS or f in _WEEKDAYS or strict_roman_value(w) is not None:
            continue
        initial = _initial(side.text, m.start())
        if initial and _derived(w, lang):
            continue  # heading a sentence or a UI label, a word built as common words are ('Cryptomining', 'Desconéctate')
        if is_name_like(w.split("'")[0].split("’")[0], lang, initial=initial):
            out.append(Hit(m.start(), m.end(), w))
    return out


#: Derived common words heading a sentence or a UI label, where every word has a capital: abstract
#: nouns by their suffix, Spanish imperatives with a pronoun (written accent + 'te', 'lo', 'nos'…:
#: 'Desconéctate', 'Inténtalo'), and a Spanish prefix on a known word ('Desanclar', 'Sobrescribir').
_COMMON_FORM = {
    "en": re.compile(r"(?:tion|tions|ness|ment|ments|ism|ization|izations|isation|isations)$"),
    "es": re.compile(r"(?:cion|ciones|miento|mientos|mente|eria)$"),
}
_CLITIC = re.compile(r"[áéíóú][^\W\d_]*(?:te|se|lo|la|los|las|le|les|me|nos)$")
_ES_PREFIXES = ("des", "sobre", "auto", "contra")


def _derived(word: str, lang: str) -> bool:
    """A word formed from a common one: not a name where it heads a sentence."""
    f = fold(word)
    if _COMMON_FORM[lang].search(f) or (lang == "es" and _CLITIC.search(word.lower())):
        return True
    if lang == "es" and f.endswith(("emos", "amos")) and len(f) >= 7 and \
            any(is_word(f[:-4] + ending, lang) for ending in ("ar", "er", "ir")):
        return True  # a 'let us' exhortation heading a sentence ('Respaldemos leyes…', 'Redoblemos…')
    return lang == "es" and any(f.startswith(p) and len(f) - len(p) >= 5 and is_word(f[len(p):], lang) for p in _ES_PREFIXES)


#: A run-in title: a short sentence of capitalised words heading a paragraph ('Public License Fallback.',
#: 'Repliego de la Licencia Pública.'); title case says nothing about names there, as in a heading.
_RUN_IN = re.compile(r"(?:^|[.:;!?)\n]\s*)([^\W\d_][^.!?:;\n]{1,60}?)(?=\.(?:\s|$))")
_TITLE_WORDS = 6


def _run_in_titles(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _RUN_IN.finditer(text):
        words = _WORD.findall(m.group(1))
        content = [w for w in words if fold(w) not in _CONNECTORS and fold(w) not in ("a", "an", "to", "for", "en", "el", "por")]
        if 1 <= len(words) <= _TITLE_WORDS and len(content) >= 2 and all(w[:1].isupper() for w in content):
            out.append((m.start(1), m.end(1)))
    return out


def _initial(text: str, i: int) -> bool:
    """Does position ``i`` head a sentence, a line or a list entry (where every word has a capital)?"""
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘«¿¡(*—–-":
        j -= 1
    return j < 0 or text[j] in ".:;!?\n"


_CAMEL = re.compile(r"[A-ZÁÉÍÓÚÑ]?[a-záéíóúñü]+|[A-ZÁÉÍÓÚÑ]+(?![a-záéíóúñü])")


def _vocab(text: str) -> set[str]:
    """Folded words of ``text``, and the parts of a camel-case word ('CreativeCommons' names 'Creative
    Commons' as well)."""
    out = set()
    for w in _WORD.findall(text):
        out.add(fold(w).split("'")[0].split("’")[0])
        if any(c.isupper() for c in w[1:]) and any(c.islower() for c in w):
            out.update(fold(part) for part in _CAMEL.findall(w))
    return out


def _present(word: str, vocab: set[str]) -> bool:
    f = fold(word).split("'")[0].split("’")[0]
    if f in vocab:
        return True
    if len(f) < 4:
        return False
    for v in vocab:
        if len(v) == len(f) and v[:-1] == f[:-1] and f[-1] in "aeiou" and v[-1] in "aeiou":
            return True  # an exonym that differs in its final vowel: Rome/Roma, Berne/Berna, 
        if len(v) >= 4 and (v[:5] == f[:5] and min(len(v), len(f)) >= 5 or
                            difflib.SequenceMatcher(None, f, v).ratio() >= FUZZY_RATIO):
            return True
    return False


def _runs(hits: list[Hit], text: str) -> list[Hit]:
    """Adjacent name words as one name ('Benque Viejo del Carmen'), for a readable finding."""
    out: list[Hit] = []
    for h in sorted(hits, key=lambda h: h.start):
        if out:
            gap = text[out[-1].end:h.start]
            words = gap.split()
            if len(gap) <= 12 and all(fold(w) in _CONNECTORS for w in words) and "\n" not in gap:
                out[-1] = Hit(out[-1].start, h.end, text[out[-1].start:h.end])
                continue
        out.append(h)
    return out
