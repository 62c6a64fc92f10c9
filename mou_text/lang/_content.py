"""Content words and key nouns, English and Spanish: what a sentence is about, counted and compared.

Two resources for the within-sentence content rule of the checker:

* :func:`content_words` — the words of a text that carry content (not function words, numbers or
  one-letter tokens), with their offsets; spaCy's stop-word lists for both languages (no download).
  Counting them per sentence gives a length model that ignores the articles and prepositions one
  language needs and the other does not.
* :data:`KEY_NOUNS` — a small bilingual lexicon of the nouns an agreement's obligations are *about*
  (who benefits: girls, women, children, indigenous peoples, rural communities, persons with
  disabilities …; what is owed: funds, rights, duties …). Each concept lists its English and Spanish
  forms as regular expressions on folded text (lower case, no accents; ``lang.fold``). A concept is
  *answered* on the other side by any of its forms or by any form of a *broader* concept listed with
  it ("children" answers "niñas" and "girls" answers "niñas", but "women" never answers "niñas"),
  because translations generalise and specialise within one family and never across families.

Edit the table here: one row per concept, both languages in the same row, so a form added for one
direction is there for the other.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ._fold import fold
from ._share import FEMININE_ROLES

#: Version of the key-noun table (in the checker's signature).
KEY_NOUNS_VERSION = "11"


@dataclass(frozen=True)
class KeyNoun:
    """One concept: a name, English and Spanish forms (regex on folded text), concepts that answer it."""

    key: str
    en: str
    es: str
    answered_by: tuple[str, ...] = ()

    def pattern(self, lang: str) -> re.Pattern[str]:
        return _compiled(self.en if lang == "en" else self.es)

    def label(self, lang: str) -> str:
        """A readable form for messages ('girls' / 'niñas')."""
        return self.key.replace("_", " ") if lang == "en" else _ES_LABELS.get(self.key, self.key)


# 'right' the direction, adjective or adverb, by the word before or after it: 'swipe right', 'to the right',
# 'felt right', 'left, right and centre'; 'right-click', 'the right moment', 'right now'
_NOT_A_RIGHT_BEFORE = "".join(f"(?<!{w} )" for w in (
    "swipe", "turn", "scroll", "to the", "on the", "top", "bottom", "upper", "lower", "feel", "feels", "felt", "feeling",
    "seem", "seems", "seemed", "look", "looks", "looked", "sound", "sounds", "sounded", "went", "goes", "done", "all",
    "left,", "left", "just", "exactly", "quite"))
_NOT_A_RIGHT_AFTER = (r"click\w*|side\w*|corners?|arrows?|hand\w*|panels?|panes?|edges?|or left|now|away|after|before|here|there|back|behind|"
                      r"next|moments?|times?|things?|ways?|places?|person|people|answers?|choices?|decisions?|direction|"
                      r"of asylum|to asylum|track|balance|fit|size|tools?|kind|amount|wing|angle|turn|lane|templates?|options?|formats?|solutions?|"
                      r"questions?|words?|tone|partners?|level|mix|approach|steps?|one|ones|equipment|setting\w*")

# key, English forms, Spanish forms, broader/overlapping concepts that answer it
_ROWS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("girls", r"girls?|girl child(?:ren)?", r"ninas?|muchachas?", ("children", "youth", "minors")),
    ("boys", r"boys?", r"ninos?|varones|muchachos?", ("children", "youth", "minors")),
    ("children", r"child(?:ren)?|childhood|kids?", r"ninos?|ninez|infancia|infantil(?:es)?|menores|hij[oa]s",
     ("girls", "boys", "minors", "youth")),
    ("minors", r"minors?", r"menores(?: de edad)?", ("children", "youth")),
    ("youth", r"youth|young|adolescents?", r"jovenes|juventud(?:es)?|adolescentes?", ("children", "girls", "boys")),
    ("women", r"wom[ae]n(?:'s)?|female", r"mujer(?:es)?|femenin[oa]s?", ("gender", "women_agents")),
    # answers only: a feminine noun of a role names women by its ending ('Women Entrepreneurs and Workers' ↔
    # 'las empresarias y las trabajadoras'); English has no such nouns, so it is never reported
    ("women_agents", r"(?!x)x",
     FEMININE_ROLES + r"|campesinas|agricultoras|senadoras|alcaldesas|ministras|defensoras|jefas de (?:familia|hogar)|"
                      r"madres|embarazadas|viudas", ("women",)),
    # generic 'man' / 'el hombre' is humankind (below), not men: 'the conscience of mankind' ↔ 'del hombre'
    ("men", r"men(?:'s)?|(?<=a )man|(?<=the )man|male", r"hombres|(?<!el )(?<!del )(?<!al )hombre|varones|masculin[oa]s?",
     ()),
    # answers only: humankind in general
    ("humankind", r"man|mankind|human(?:ity|s| beings?| persons?)?|people|persons?|everyone|individuals?",
     r"(?:el|del|al) hombre|humanidad|human[oa]s?|ser(?:es)? humanos?|personas?|individuos?|pueblos?", ()),
    ("gender", r"gender|sex(?:es)?", r"generos?|sexos?", ("women", "men")),
    # 'originario' is indigenous only of people ('pueblos originarios', 'mujeres originarias'); 'Miembros
    # originarios' are the original ones
    ("indigenous", r"indigenous|native peoples?|first nations",
     (r"indigenas?|(?:pueblos|comunidades|naciones|mujeres|hombres|personas|poblaciones|poblacion|grupos|familias|"
      r"lenguas|culturas) originari[oa]s"), ()),
    ("afro", r"afro-?descendants?|people of african descent", r"afrodescendientes?", ()),
    # grounds of discrimination are distinct categories: 'racial … groups' ↔ 'grupos étnicos' narrows who is
    # covered. 'race' only as a ground ('of race', 'race, colour'), not a contest ('a race against time')
    ("race", r"racial(?:ly)?|racis[mt]s?|(?<=of )races?|races?(?=,| or | and )", r"razas?|racial(?:es)?|racismo|racistas?", ()),
    ("ethnic", r"ethnic(?:ity|ities|ally)?", r"etnic[oa]s?|etnias?|etnicidad", ()),
    ("rural", r"rural|countryside|farmers?|peasants?", r"rural(?:es)?|campesin[oa]s?|agricultor(?:es|as)?", ()),
    # older UN Spanish says 'impedimentos físicos' / 'niño impedido' for disability ('se vio impedido de' is prevented)
    ("disability", r"disabilit(?:y|ies)|disabled",
     r"discapacidad(?:es)?|discapacitad[oa]s?|impedimentos? (?:fisic|mental|psiquic|sensorial)\w*|impedid[oa]s?(?! de)(?! para)",
     ("invalidity", "switched_off")),
    # answers only: 'invalidez' is disability in social-security Spanish and nullity in contracts
    ("invalidity", r"invalidity|invalids?|disabilit(?:y|ies)|disabled", r"invalidez|invalid[oa]s?", ("disability",)),
    ("migrants", r"migrants?|migration|migratory|immigrants?|immigration|emigrants?", r"migrantes?|migracion(?:es)?|migratori[oa]s?|inmigrantes?|emigrantes?",
     ("refugees",)),
    ("refugees", r"refugees?|asylum", r"refugiad[oa]s?|asilo", ("migrants",)),
    ("elderly", r"older (?:persons|people|adults|women|men)|elderly|seniors", r"(?:personas|adultos|adultas|mujeres|hombres) mayores|ancian[oa]s|tercera edad",
     ()),
    ("victims", r"victims?", r"victimas?", ("survivors",)),
    ("survivors", r"survivors?", r"sobrevivientes?|supervivientes?", ("victims",)),
    ("families", r"famil(?:y|ies|ial)", r"familias?|familiar(?:es)?", ("familiar",)),
    # 'in community with others' is 'colectivamente', 'en común'
    ("communities", r"(?<!in )communit(?:y|ies)|(?<=in )communit(?:y|ies)(?! with)", r"comunidad(?:es)?|comunitari[oa]s?", ()),
    ("entrepreneurs", r"entrepreneurs?|entrepreneurial|business ?(?:wo)?m[ae]n", r"emprendedor(?:es|as?)?|empresari[oa]s?|emprendimiento",
     ()),
    # a co-worker is a colleague ('una compañera de trabajo'), not a worker the text is about; 'working
    # families / women' are 'familias / mujeres trabajadoras'
    ("workers", (r"(?<!co-)(?<!co‑)(?<!fellow )workers?|employees?|labou?r force|"
                 r"working(?= (?:famil|wom[ae]n|m[ae]n\b|people|poor|class|mothers|fathers|parents|population))"),
     r"trabajador(?:es|as?)?|emplead[oa]s?|mano de obra", ()),
    ("students", r"students?|pupils?|learners?", r"estudiantes?|estudiantil(?:es)?|alumn[oa]s?", ()),
    # people who teach; teaching itself ('by teaching and education' ↔ 'mediante la enseñanza') is not a key noun
    ("teachers", r"teachers?|educators?|teaching (?:staff|personnel|body)", r"docentes?|maestr[oa]s?|profesor(?:es|as?)?|educador(?:es|as?)?",
     ("master",)),
    ("judges", r"judges?|judiciary|judicial|courts?|tribunals?|prosecutions?|trials?|litigation",
     # 'formarse un juicio propio', 'a (su) juicio de' are an opinion, not a trial
     # 'la Corte', 'Corte Suprema/Interamericana': a court; 'el corte', 'fecha de corte' are a cut
     (r"jue(?:z|ces)|juezas?|judicial(?:es)?|poder judicial|tribunal(?:es)?|juzgados?|"
      r"(?<=la )corte(?! de (?:caja|pelo|cabello|luz|agua|cuentas))|(?<=las )cortes|cortes? (?:suprema|interamericana|"
      r"internacional|penal|constitucional|federal|superior|europea|africana|de justicia|de apelaciones?)|"
      r"(?<!formarse un )(?<!formar un )(?<!a )(?<!a su )juicios?(?! propios?)|litigios?|"
      r"enjuiciamientos?|acci(?:on|ones) penal(?:es)?|persecucion(?:es)? penal(?:es)?"), ("test_run",)),
    ("police", r"police|law enforcement", r"polic[ií]a(?:s|les|l)?|fuerzas? del orden|(?:aplicacion|cumplimiento|hacer cumplir) (?:de )?la ley",
     ()),
    # 'a fondo' (thoroughly), 'de fondo' (background), 'en el fondo', 'fondo de pantalla', 'fondo de comercio'
    # (goodwill) are no fund; 'al fondo' stays, as often 'to the Fund' as 'at the back'
    ("funds", r"funds?|funding|financing|budget", r"fondos|(?<!a )(?<!de )(?<!en el )fondo(?! de (?:comercio|pantalla|escritorio))|financiamiento|financiacion|recursos financieros|presupuesto|con cargo a",
     ("quote",)),
    # 'tiene/tendrá derecho a' + verb renders 'may' / 'is entitled to' (modality, not a noun of its own)
    # the direction, the adjective and the adverb are no right (_NOT_A_RIGHT_BEFORE / _AFTER)
    ("rights", rf"rights|{_NOT_A_RIGHT_BEFORE}right(?![- ](?:{_NOT_A_RIGHT_AFTER})\b)|entitlements?|entitled|privileges?|"
               r"prerogatives?",
     # 'the right of asylum' ↔ 'el derecho de asilo', and 'the grant of asylum' ↔ 'la concesión del derecho de
     # asilo': asylum, which 'refugees' reads, not a right of its own
     r"(?<!tiene )(?<!tienen )(?<!tendra )(?<!tendran )(?<!tenga )(?<!tengan )derechos?(?! (?:de|al) asilo)|facultad(?:es)?|"
     r"prerrogativas?|privilegios?", ("law", "copyright", "right_held", "powers")),
    # answers only: Spanish 'facultades' are a body's powers ('the powers of the Commission' ↔ 'las facultades
    # de la Comisión') or the mind's faculties as often as they are rights
    ("powers", r"powers|facult(?:y|ies)|competences?", r"facultad(?:es)?|competencias?|atribuciones|potestad(?:es)?", ()),
    # answers only: a right held ('has the right to', 'is entitled to' ↔ 'tiene derecho a', 'disfrutará de'),
    # which renders 'may' as often as a noun, so it answers 'rights' and is never reported itself
    ("right_held", r"(?:has|have|had|having)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?rights?|entitled|entitlements?",
     r"(?:tiene|tienen|tendra|tendran|tenga|tengan)\s+(?:el\s+)?derechos?|(?:disfrut|goz)(?:a|an|ara|aran|e|en)\s+de",
     ("rights",)),
    # 'rights and liabilities' ↔ 'derechos y obligaciones': a party's liabilities are what it owes
    # (a 'liability' for damage is a 'responsabilidad', which 'functions' answers)
    ("duties", r"dut(?:y|ies)|obligations?|liabilit(?:y|ies)", r"deber(?:es)?|obligacion(?:es)?", ("functions",)),
    # answers only: a body's "duties" are its "funciones" / "atribuciones" in legal Spanish
    ("functions", r"functions?|responsibilit(?:y|ies)|powers|tasks?", r"funcion(?:es)?|atribucion(?:es)?|cometidos?|responsabilidad(?:es)?",
     ("duties",)),
    # answers only (never reported): Spanish 'derecho' is also 'law' ('derecho familiar' = family law)
    ("law", r"laws?|legal|legislation|statutory|juridical", r"leye?s?|legal(?:es)?|legislacion|juridic[oa]s?|normativa",
     ("rights",)),
    ("copyright", r"copyright(?:s|ed)?|intellectual property", r"derechos? de autor|propiedad intelectual", ("rights",)),
    # 'privado de' / 'será privado' is 'deprived', a participle, not 'private'
    ("private", r"private sector|private|privacy",
     # 'públicas o privadas de bienestar social': coordinated with 'público', 'privado de' is private, not deprived
     (r"sector privado|privacidad|intimidad|(?<=publicas o )privadas|(?<=publicos o )privados|(?<=publica o )privada|"
      r"(?<=publico o )privado|(?<=publicas y )privadas|(?<=publicos y )privados|"
      # the copula before a participle ('será privado de'), as a word: 'comunicaciones privadas' is private
      r"(?<!\bser )(?<!\bsera )(?<!\bseran )(?<!\bsido )(?<!\bes )(?<!\bson )(?<!\bfue )(?<!\bsea )(?<!\bsean )(?<!\bestar )"
      r"privad[oa]s?(?! de)(?!\s+\w+mente)"),
     ()),
    ("civil_society", r"civil society|non-?governmental", r"sociedad civil|no gubernamental(?:es)?", ()),
    # answers only: the other senses of key nouns in software, commerce and everyday text, where the
    # Spanish word of the key noun's sense would be a mistranslation ('Disabled for this site' ↔
    # 'Deshabilitado', 'Trial Balance' ↔ 'Saldo de comprobación',
    # 'Master data' ↔ 'Datos maestros', 'a familiar way' ↔ 'una forma familiar', 'Quote' ↔ 'Presupuesto')
    ("switched_off", r"disabled|deactivated|turned off|switched off|disconnected",
     r"deshabilit\w*|desactiv\w*|inhabilit\w*|apagad[oa]s?|desconectad[oa]s?", ("disability",)),
    ("test_run", r"trials?|tests?|testing|pilots?", r"pruebas?|ensayos?|comprobacion|piloto", ()),
    ("master", r"masters?|mastery", r"maestr[oa]s?|maestria", ()),
    ("familiar", r"familiar(?:ity)?|well-known", r"familiar(?:es|idad)?|conocid[oa]s?", ()),
    ("quote", r"quotes?|quotations?|estimates?", r"presupuestos?|cotizacion(?:es)?", ()),
)

_ES_LABELS = {
    "girls": "niñas", "boys": "niños", "children": "niños / niñez", "minors": "menores", "youth": "jóvenes",
    "women": "mujeres", "men": "hombres", "gender": "género", "indigenous": "indígenas", "afro": "afrodescendientes",
    "race": "raza / racial", "ethnic": "étnico / etnia",
    "rural": "rural", "disability": "discapacidad", "migrants": "migrantes", "refugees": "refugiados",
    "elderly": "personas mayores", "victims": "víctimas", "survivors": "sobrevivientes", "families": "familias",
    "communities": "comunidades", "entrepreneurs": "emprendedoras", "workers": "trabajadores",
    "students": "estudiantes", "teachers": "docentes", "judges": "jueces", "police": "policía", "funds": "fondos",
    "private": "sector privado", "rights": "derechos", "duties": "deber / obligación", "civil_society": "sociedad civil",
}

#: Concepts that answer others but are never reported themselves (too general to be a key noun).
ANSWER_ONLY = frozenset({"women_agents", "law", "copyright", "functions", "powers", "humankind", "invalidity", "right_held", "switched_off",
                         "test_run", "master", "familiar", "quote"})

KEY_NOUNS: dict[str, KeyNoun] = {k: KeyNoun(k, en, es, ans) for k, en, es, ans in _ROWS}


@lru_cache(maxsize=256)
def _compiled(forms: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{forms})(?![\w])")


@dataclass(frozen=True)
class KeyNounHit:
    """A key noun found in a text: its concept, offsets (in the text given) and words."""

    key: str
    start: int
    end: int
    text: str


def key_nouns(text: str, lang: str, *, answers_too: bool = False) -> list[KeyNounHit]:
    """Every key noun in ``text`` (``lang`` 'en' or 'es'), in text order; overlapping concepts all kept.
    ``answers_too`` adds the concepts that only answer (``ANSWER_ONLY``), for the other side of a pair."""
    hits = _all_hits(text, lang)
    return list(hits) if answers_too else [h for h in hits if h.key not in ANSWER_ONLY]


@lru_cache(maxsize=8192)
def _all_hits(text: str, lang: str) -> tuple[KeyNounHit, ...]:
    folded = fold(text)
    out = []
    for noun in KEY_NOUNS.values():
        for m in noun.pattern(lang).finditer(folded):
            out.append(KeyNounHit(noun.key, m.start(), m.end(), text[m.start():m.end()]))
    return tuple(sorted(out, key=lambda h: (h.start, -h.end)))


def answered(key: str, present: set[str]) -> bool:
    """Is concept ``key`` rendered on the other side, where the concepts ``present`` were found?"""
    return key in present or any(k in present for k in KEY_NOUNS[key].answered_by)


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=2)
def _stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list for ``lang``. The list is a module of its own that imports nothing, and it is
    read without importing the ``spacy`` package, whose import (thinc, its registries) costs a cold
    ``mou-text check`` about 2.5 s and 250 MB for one set of words."""
    spec = importlib.util.find_spec("spacy")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("spacy is not installed: pip install spacy")
    path = Path(next(iter(spec.submodule_search_locations))) / "lang" / ("en" if lang == "en" else "es") / "stop_words.py"
    module_spec = importlib.util.spec_from_file_location(f"mou_text._stop_words_{lang}", path)
    if module_spec is None or module_spec.loader is None or not path.is_file():
        raise ModuleNotFoundError(f"spaCy's stop-word list is not at {path}: reinstall spacy (pip install --force-reinstall spacy)")
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return frozenset(fold(w) for w in module.STOP_WORDS)


def content_words(text: str, lang: str) -> list[tuple[int, int, str]]:
    """Content words of ``text`` as ``(start, end, word)``: not a stop word, not a number, 2+ letters."""
    stop = _stop_words(lang)
    return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)
            if len(m.group(0)) > 1 and fold(m.group(0)) not in stop]
