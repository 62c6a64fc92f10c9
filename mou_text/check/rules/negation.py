"""Negations and scope limiters present on one side of a clause only.

A dropped "no" inverts a clause, and an added "only" or a dropped "not limited to" turns an
illustrative list into an exhaustive one; both are a word long and survive every spell check. Each
side is read into negation *events* (Spanish "no … ni … ninguna" is one event, as is English
"neither … nor") and scope limiters in four classes: non-exhaustive (not limited to / de manera
enunciativa mas no limitativa, entre otros), restrictive (only / solo, únicamente), minimum (at
least / por lo menos) and maximum (up to / hasta, not to exceed / no excederá). Words a limiter
uses ("not limited") are not negations, nor are "no obstante", "sin embargo" or "not only … but".
Lexical negatives ("untapped", "non-governmental", "free of charge", "salvo") are *soft*: they can
answer a "no"/"sin" on the other side but are never reported, since translators move negation
between the grammar and the word freely.

Why this module is long: the two languages' tables of negations, limiters and their idioms are read by
one pass that lets a limiter take its words before a negation can; split, each table would need the
other's order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...align import AlignedPair
from ...embed import Encoder
from ...lang import fold, is_word, read_numbers, title_case, written_in
from .._finding import CheckContext, Finding
from ._side import Hit, Side, each_pair, make_finding, sentence_units

CHECK = "negation"
#: A Spanish in-/des- word answers an English un-/non- word within this share of the clause's length.
LEXICAL_WINDOW = 0.25
#: ...or this many characters apart: in a short label the adjective moves round its noun ('Unknown
#: organization' ↔ 'Organización desconocida') and relative places drift apart.
LEXICAL_CHARS = 30
THRESHOLDS = {"lexical_window": LEXICAL_WINDOW, "lexical_chars": LEXICAL_CHARS}


def _r(p: str) -> re.Pattern[str]:
    # an apostrophe inside a word ('don't') joins it; one before or after a word is a quotation mark ('EUPL only')
    return re.compile(rf"(?<!\w)(?<!\w'){p}(?!\w|'\w)")


@dataclass(frozen=True)
class Mark:
    """A negation event or a limiter. ``tier``: 'hard' (no, sin, only), 'soft' (unless, free of,
    salvo, including), 'lexical' (English un-/non-/-less words) or 'weak' (Spanish des-/in- words,
    too ambiguous to answer anything but a lexical negative)."""

    cls: str  # 'negation' or a limiter class
    start: int
    end: int
    text: str
    tier: str = "hard"

    @property
    def soft(self) -> bool:
        return self.tier != "hard"

    @property
    def hit(self) -> Hit:
        return Hit(self.start, self.end, self.text)


LIMITER_CLASSES = ("non_exhaustive", "restrictive", "minimum", "maximum")
_CLASS_NAMES = {
    "non_exhaustive": ("non-exhaustive limiter", "limitador no exhaustivo"),
    "restrictive": ("restrictive limiter", "limitador restrictivo"),
    "minimum": ("minimum", "mínimo"),
    "maximum": ("maximum", "máximo"),
}

# (class, pattern, soft) in the order they are tried; a later pattern skips text an earlier one took
_NUMBER_AHEAD = r"(?=\s+(?:\(?(?:[a-z]{0,3}[$€£¥]\s?)?\d|[^\W\d_]+))"  # 'up to 40', 'up to $50', 'up to forty'; folded text
EN_LIMITERS = [
    ("non_exhaustive", _r(r"(?:including\s*,?\s*|and\s+)?(?:but\s+)?(?:are\s+|is\s+)?not\s+(?:be\s+)?limited\s+to"), False),
    # 'without limitation' opens an illustrative list; 'without any limitation due to race' negates
    ("non_exhaustive", _r(r"(?:including\s*,?\s*)?without\s+(?:any\s+)?limitation(?!\s+(?:due|of|on|as|by|in|to|based|"
                          r"from|for|whatsoever)\b)"), False),
    ("non_exhaustive", _r(r"(?:inter\s+alia|among\s+others|among\s+other\s+things|non[\s-]?exhaustive|"
                          r"(?:(?:is|are)\s+)?not\s+exhaustive)"), False),
    ("non_exhaustive", _r(r"(?:including|such\s+as|for\s+example|for\s+instance|e\.\s?g\.)"), True),
    # 'not only … but also', 'not just Mail': neither negation nor limiter
    ("restrictive", _r(r"not\s+(?:only|just|merely|simply|solely)"), None),
    ("restrictive", _r(r"(?:only|solely|exclusively|merely)"), False),
    ("restrictive", _r(r"limited\s+(?:to|by)"), False),
    # the adjective 'just' (fair): 'the just requirements of morality', 'just and favourable conditions'
    ("restrictive", _r(r"(?:(?:the|a|an|its|their|his|her|our|your|this|that|more|most|very|so)\s+just|"
                       r"(?:fair|equitable|reasonable)\s+(?:and|or)\s+just|"
                       r"just\s+(?:and|or|cause|causes|claims?|requirements?|society|peace|demands?|compensation|"
                       r"satisfaction|remuneration|terms|conditions))"), None),
    ("restrictive", _r(r"(?:a\s+single|exclusive|sole|just|purely)"), True),  # 'Just to confirm' ↔ 'Sólo para confirmar'
    # postposed 'alone' ('in which alone', 'he alone may') and a condition ('provided that'): they answer
    # 'solo', 'siempre que', never accuse ('either alone or with others' is 'individualmente')
    ("restrictive", _r(r"(?:alone|provided\s+that|on\s+condition\s+that|as\s+long\s+as|so\s+long\s+as)"), True),
    ("minimum", _r(r"min\.(?=\s*\d)"), False),  # 'Please check min. 1' ↔ 'al menos una'
    ("maximum", _r(r"max\.(?=\s*\d)"), False),
    ("minimum", _r(r"(?:at\s+least|no\s+(?:less|fewer)\s+than|(?:(?:shall|will|may|must|is|are|does|do)\s+)?not\s+"
                   r"(?:be\s+)?(?:less|fewer|lower)\s+than|a\s+minimum\s+of|at\s+a\s+minimum)"), False),
    ("maximum", _r(r"(?:at\s+most|at\s+the\s+latest|no\s+(?:more|later|longer)\s+than|(?:(?:shall|will|may|must|is|are|"
                   r"does|do)\s+)?not\s+(?:be\s+)?(?:more|later|longer|greater|higher)\s+than|(?:(?:is|are)\s+)?not\s+to\s+"
                   r"exceed|not\s+exceeding|(?:shall|will|may|must|does|do)\s+not\s+exceed|a\s+maximum\s+of)"), False),
    ("maximum", _r(r"up\s+to" + _NUMBER_AHEAD), False),  # 'up to' bounds a number only: not 'up to date'
]
_ES_OPEN = r"(?:limitativ[ao]|exhaustiv[ao]|taxativ[ao])s?(?:mente)?"  # 'no taxativa': the list is illustrative
ES_LIMITERS = [
    ("non_exhaustive", _r(r"(?:de\s+(?:manera|forma|modo)\s+|a\s+titulo\s+)?enunciativ[ao](?:mente)?"
                          rf"(?:\s*,?\s*(?:mas|y|pero)\s+no\s+{_ES_OPEN})?"), False),
    ("non_exhaustive", _r(rf"(?:mas|y|pero)\s+no\s+{_ES_OPEN}"), False),
    ("non_exhaustive", _r(r"(?:pero\s+|y\s+|mas\s+)?no\s+(?:(?:estan?|son|estaran?|seran?)\s+)?(?:se\s+)?limitad[oa]s?\s+a"), False),
    ("non_exhaustive", _r(rf"no\s+(?:es|son|sera|seran)\s+{_ES_OPEN}"), False),
    ("non_exhaustive", _r(r"(?:sin\s+(?:que\s+(?:ello|esto|ella|ellas|ellos)\s+)?(?:se\s+)?limit(?:e|en|arse|ativ[ao])"
                          # 'sin limitación de fronteras' negates: not an open list
                          r"(?:\s+a)?|sin\s+limitacion(?:es)?(?!\s+(?:de|por|en|al?|debida|derivada)\b)|"
                          r"sin\s+caracter\s+(?:limitativo|exhaustivo)|sin\s+(?:ser|que\s+(?:sea|sean|resulte|resulten)\s+)\s*"
                          rf"{_ES_OPEN}|"
                          rf"(?:de\s+(?:manera|forma)\s+)?no\s+{_ES_OPEN}|"
                          # 'entre otras partes' is 'between other parties', not 'among others'
                          r"no\s+(?:se\s+)?limitad[oa]s?\s+a|inter\s+alia|entre\s+otr[oa]s(?:\s+cosas)?"
                          r"(?!\s+(?:partes|personas|[a-z]+(?:cion|dad|miento)(?:es|s)?)\b))"), False),
    ("non_exhaustive", _r(r"(?:incluid[oa]s?|incluyendo|incluso|incl\.|tales\s+como|por\s+ejemplo|como\s+por\s+ejemplo)"),
     True),
    ("restrictive", _r(r"no\s+(?:solo|solamente|unicamente)"), None),  # 'no solo … sino también'
    # the same split round its verb: 'No es responsabilidad únicamente de la víctima…, sino' ↔ 'It is not only…'
    ("restrictive", _r(r"no\s+(?:[\w,]+\s+){1,4}?(?:solo|solamente|unicamente)(?=[^.;]*\bsino\b)"), None),
    # 'no hacen sino perpetuar' ('only perpetuate'), 'no es sino': a restrictive 'only', not a negation
    ("restrictive", _r(r"no\s+(?:hace|hacen|hacia|hacian|hizo|hicieron|es|son|era|eran|fue|fueron|sera|seran)\s+sino"), True),
    ("restrictive", _r(r"(?:por\s+si|a)\s+sol[oa]s?"), None),  # 'por sí solo', 'a solas': 'alone'
    ("restrictive", _r(r"(?:un|una)\s+sol[oa]"), True),  # 'un solo': 'a single', 'only one'
    ("restrictive", _r(r"(?:el|la|los|las|su|sus)\s+sol[oa]s?(?=\s+(?:y|e)\s)"), True),  # 'el sólo y exclusivo': 'sole'
    ("restrictive", _r(r"(?:solo|solamente|unicamente|exclusivamente|meramente|(?:de\s+(?:manera|forma|modo)\s+|en\s+|con\s+"
                       r"caracter\s+)exclusiv[oa])"), False),
    # 'se limita al cálculo', 'deben limitarse a un máximo' ↔ 'should be limited to a maximum'
    ("restrictive", _r(r"(?<!no\s)(?:limitad[oa]s?\s+al?|se\s+limitan?\s+al?|limitarse\s+al?)"), False),
    ("restrictive", _r(r"(?:unic[oa]s?|exclusiv[oa]s?)"), True),
    # a condition renders 'only if': 'a condición de que', 'siempre que': they answer, never accuse
    ("restrictive", _r(r"(?:(?:a|con\s+la)\s+condicion\s+de\s+que|siempre\s+(?:y\s+cuando|que))"), True),
    ("minimum", _r(r"(?:al\s+menos|por\s+lo\s+menos|cuando\s+menos|como\s+minimo|no\s+menos\s+(?:de|que)|"
                   r"no\s+(?:sera\s+|seran\s+)?(?:inferior|menor)(?:es)?\s+(?:a|de)|un\s+minimo\s+de)"), False),
    ("maximum", _r(r"(?:como\s+maximo|a\s+lo\s+sumo|a\s+mas\s+tardar|no\s+mas\s+(?:de|que|tarde)|no\s+(?:podra|podran|"
                   r"debera|deberan)?\s*exceder(?:a|an)?(?:\s+de)?|no\s+excedan?(?:\s+de)?|no\s+(?:sera\s+|seran\s+)?"
                   r"(?:superior|mayor)(?:es)?\s+(?:a|de)|un\s+maximo\s+de)"), False),
    # 'hasta una ración' ↔ 'up to one serving': 'una' reads as an article too, so it answers, never accuses
    ("maximum", _r(r"hasta\s+(?:un|una)(?=\s+(?!mil)\w)"), True),
    ("maximum", _r(r"hasta" + _NUMBER_AHEAD), False),  # 'hasta cuarenta (40)', not 'hasta su regreso'
]
_BEFORE_A_NUMBER = {EN_LIMITERS[-1][1].pattern, ES_LIMITERS[-1][1].pattern}
# Idioms that look negative and are not: a saving clause, a concession, 'whether or not' (both
# alternatives, so nothing is negated), a number sign. Each row is a convention in both languages.
#: "No. 26.827", EU style "Regulation (EC) No 45/2001" are "number": the abbreviation is followed by a
#: digit, so it cannot end in a word boundary as _r() requires (that guard made a plain _r() skip never match).
_NUMBER_ABBREV = re.compile(r"(?<![\w'])no\.?\s?(?=\d)")
#: 'Phone No', 'Invoice No.': the number sign after the thing numbered, with no digit in a label
_NUMBERED_NO = _r(r"(?:phone|telephone|tel|fax|account|reference|ref|order|serial|invoice|item|case|file|policy|"
                  r"registration|passport|id|house|room|page|part)\s+no\.?(?=\s*(?:$|[:.,;)\]]|\d))")
#: 'No. of confirmed cases', 'No. casos sospechosos': the number sign heading a label, its next word in lower
#: case (a 'No.' that answers a question is followed by a new sentence's capital)
_NUMBER_SIGN_LABEL = re.compile(r"(?<![\w'])No\.\s+(?=[a-záéíóúñü])")
EN_SKIP = [_r(r"whether\s+or\s+not"), _r(r"or\s+not(?=\s*(?:[.,;:)]|$))"), _NUMBER_ABBREV, _NUMBERED_NO, _r(r"not\s+only"),
           _r(r"without\s+prejudice\s+(?:to|of)")]
ES_SKIP = [_r(r"no\s+obstante"), _r(r"sin\s+embargo"), _NUMBER_ABBREV, _r(r"sino"),
           # a comparative's 'que nunca' is 'than ever': 'más recursos que nunca' ↔ 'more resources than ever'
           _r(r"(?:mas|menos|mejor(?:es)?|peor(?:es)?|mayor(?:es)?|menor(?:es)?)\s+(?:[\w,]+\s+){0,4}?que\s+nunca"),
           _r(r"sin\s+perjuicio\s+de"),
           # 'la existencia o no de infracción' ↔ 'whether there is an infringement or not'
           _r(r"(?:ya\s+)?(?:sean?|fueran?|fuesen?|esten?)\s+o\s+no"), _r(r"o\s+no(?=\s*(?:[.,;:)]|del?\s))")]
EN_NEGATIONS = [_r(r"(?:not|never|neither|none|nothing|nobody|no|without|cannot)"), re.compile(r"n['’]t(?![\w'])")]
EN_NOR = _r(r"nor")
ES_NEGATIONS = [_r(r"(?:no|nunca|jamas|tampoco|sin|ni|ningun[oa]?s?|nada|nadie)")]
ES_FOLLOWERS = {"ni", "ningun", "ninguno", "ninguna", "ningunos", "ningunas", "nada", "nadie", "nunca", "jamas",
                "tampoco"}
# Soft negatives: they answer a 'no'/'not' on the other side but never accuse on their own. Read
# before the hard negations, so Spanish 'mientras no' ('until') is one soft mark, not a spare 'no'.
EN_SOFT = [_r(r"(?:free\s+(?:of|from)|regardless|irrespective|unless|until|till|except|other\s+than|lacks?|lacking|"
              r"absence|fail(?:s|ed|ure)?\s+to|refrain(?:s)?\s+from|royalty[\s-]free|prohibit\w*|hardly|barely|scarcely|"
              # negative in meaning, not in form: 'offline' ↔ 'sin conexión', 'out of scope' ↔ 'fuera de / sin ámbito',
              # 'helps stop advertisers from tracking you' ↔ 'para que no te rastreen', 'avoid' ↔ 'para no'
              r"offline|out\s+of\s+(?:scope|service|order|stock|range|date|sync|reach|bounds)|avoid\w*|outside|missing|"
              r"(?:stop|prevent|keep|block|bar|protect|discourag|deter)\w*\s+(?:[a-z]+\s+){0,3}from(?=\s+[a-z]+ing\b)|"
              # 'sent without problems' ↔ 'enviado correctamente', as 'sin problemas' on the Spanish side
              r"without\s+(?:any\s+)?(?:problems?|issues?|errors?|difficult(?:y|ies)|complications?|interruptions?))")]
ES_SOFT = [_r(r"(?:salvo|excepto|a\s+menos\s+que|mientras\s+no|hasta\s+(?:que|tanto)|con\s+independencia|"
              r"independientemente|falta\s+de|carec\w+|ausencia|dejar\s+de|absten\w+|gratuit[oa]s?|sin\s+costo|"
              # 'a tool that is not X' is 'a tool other than / different from X' ('que no sea IATI Publisher')
              r"que\s+no\s+sean?|"
              r"prohib\w+|distint[oa]s?\s+(?:de|a)|evit\w+|fuera\s+del?|sin\s+importar(?:\s+\w+\s+ni\s+\w+)?|"
              # "sin" rendering an English positive word ("smoothly", "seamless", "effortless", "offline") or in
              # an idiom of manner ('Point blank.' ↔ 'Sin rodeos.', 'undoubtedly' ↔ 'sin duda'): it answers an
              # English negative word or 'not', and is never reported
              r"sin\s+(?:problemas?|contratiempos|complicaciones|dificultad(?:es)?|esfuerzo|interrupciones|conexion|"
              r"rodeos|duda)|"
              # a product's '-free' ('diet drinks' ↔ 'bebidas sin azúcar', 'lead-free' ↔ 'sin plomo'), and 'apenas'
              # ('had barely been mentioned', 'haven't been more than mentioned' ↔ 'apenas habían sido mencionados')
              r"sin\s+(?:azucar(?:es)?|alcohol|gluten|plomo|cafeina|grasas?|lactosa|sal|humo|cables)|apenas|"
              # a negative adjective carries a 'not' ('is not valid' ↔ 'es incorrecto', 'Not a valid number' ↔
              # 'Número inválido'): these answer it and never accuse; other in-/des- words answer negative words only
              r"(?:incorrect|invalid|inexistent|incomplet|insuficient|inadecuad|innecesari|inactiv|inhabilitad|"
              r"deshabilitad|desactivad|desconocid|indisponibl|inaccesibl|ilegibl|imposibl)(?:[oa]s?|es?))")]


def read(text: str, lang: str) -> list[Mark]:
    """Negation events and scope limiters of one clause, in text order."""
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    out: list[Mark] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for cls, pat, soft in EN_LIMITERS if lang == "en" else ES_LIMITERS:
        for m in pat.finditer(folded):
            a, b = m.start(), m.end()
            if not free(a, b) or (pat.pattern in _BEFORE_A_NUMBER and not _number_at(text, b, lang)):
                continue
            taken.append((a, b))
            if soft is not None:
                out.append(Mark(cls, a, b, text[a:b], "soft" if soft else "hard"))
    for pat in EN_SKIP if lang == "en" else ES_SKIP:
        for m in pat.finditer(folded):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
    for m in _NUMBER_SIGN_LABEL.finditer(text):  # read on the text itself: the case of the next word decides
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
    for pat in EN_SOFT if lang == "en" else ES_SOFT:
        for m in pat.finditer(folded):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                out.append(Mark("negation", m.start(), m.end(), text[m.start():m.end()], "soft"))
    events: list[Mark] = []
    for pat in EN_NEGATIONS if lang == "en" else ES_NEGATIONS:
        for m in pat.finditer(folded):
            if free(m.start(), m.end()):
                events.append(Mark("negation", m.start(), m.end(), text[m.start():m.end()]))
    if lang == "en":
        for m in EN_NOR.finditer(folded):
            if free(m.start(), m.end()):
                events.append(Mark("negation", m.start(), m.end(), text[m.start():m.end()]))
    out.extend(_merge(sorted(events, key=lambda e: e.start), folded, lang))
    out.extend(_lexical(text, folded, lang, taken))
    out.extend(_only_if(folded, text, lang))
    return sorted(out, key=lambda mk: mk.start)


#: 'can only be achieved if' is 'no puede realizarse a menos que', and 'shall not … unless' is 'solo … si': each
#: form answers the other's marks. (pattern, the class of the soft mark it adds): a negation up to its
#: 'unless' adds a restriction; an 'only' up to its 'if' adds a negation.
_ONLY_IF = {
    "en": [(_r(r"(?:not|no|never|nothing|none|neither|nobody|cannot)[^.;]{0,160}?\b(?:unless|except\s+(?:when|where|if)|"
               r"save\s+(?:where|when))"), "restrictive"),
           (_r(r"only[^.;]{0,80}?\b(?:if|when|where|after|once)"), "negation")],
    "es": [(_r(r"(?:no|nunca|jamas|ningun[oa]?s?|nada|nadie)\s[^.;]{0,160}?\b(?:a\s+menos\s+que|salvo\s+(?:que|si|cuando)|"
               r"excepto\s+(?:que|si|cuando))"), "restrictive"),
           (_r(r"(?:solo|solamente|unicamente)[^.;]{0,80}?\b(?:si|cuando|donde|despues|una\s+vez)"), "negation")],
}


def _only_if(folded: str, text: str, lang: str) -> list[Mark]:
    """Soft marks for a condition said the other way round: the negation ('no … a menos que') or the
    restriction ('only … if') the other language would write. They answer, never accuse; the words
    themselves keep their own marks, so a condition dropped altogether is still found."""
    return [Mark(cls, m.start(), m.end(), text[m.start():m.end()], "soft") for pat, cls in _ONLY_IF[lang] for m in pat.finditer(folded)]


#: A Spanish number sign: 'N.º', 'Nº', 'Núm.', 'Nro.' (a Spanish 'No.' is too often 'no' at a sentence's end).
_ES_NUMBER_SIGN = re.compile(r"(?<![\w.])(?:n\.?\s?[º°]|num\.|nro\.)(?!\w)", re.IGNORECASE)


def _kept(marks: list[Mark], other_text: str) -> list[Mark]:
    """Negative words the other version writes as they are ('3.0 Unported' in a licence's name kept in
    the Spanish): a name, not a negation to render."""
    other = fold(other_text)
    return [m for m in marks if not m.soft or not written_in(m.text, other)]


def _number_signs(marks: list[Mark], es_text: str) -> list[Mark]:
    """An English 'No' or 'No.' is the number sign (a column header, 'No. of copies') when the
    Spanish has as many number signs: 'No' ↔ 'N.º' is no negation."""
    signs = len(_ES_NUMBER_SIGN.findall(fold(es_text)))
    out = []
    for m in marks:
        if signs and m.cls == "negation" and m.tier == "hard" and m.text in ("No", "NO"):
            signs -= 1
            continue
        out.append(m)
    return out


def _number_at(text: str, pos: int, lang: str) -> bool:
    """Is a number the next thing after ``pos`` ('up to ninety (90) days', 'hasta 40')?"""
    ahead = text[pos:pos + 60]
    skip = re.match(r"\s*(?:(?:el|la|los|las|un|una|a|an|the)\s+(?:total\s+de\s+|total\s+of\s+)?)?", ahead, re.IGNORECASE)
    lead = skip.end() if skip else 0
    lead += len(ahead[lead:]) - len(ahead[lead:].lstrip())
    money = re.match(r"[A-Za-z]{0,3}[$€£¥]\s?", ahead[lead:])  # 'up to $50', 'up to US$ 50'
    lead += money.end() if money else 0
    nums = read_numbers(ahead, lang)
    return any(n.start == lead and not (n.soft and n.value == 1 and n.text.lower() in ("un", "una")) for n in nums) or \
        bool(re.match(r"\s*(?:un|una)\s+(?:maximo|m[aá]ximo|total)", ahead))


def _merge(events: list[Mark], folded: str, lang: str) -> list[Mark]:
    """One event per negated statement: 'no … ni … ninguna', 'neither … nor', 'not … nor'."""
    out: list[Mark] = []
    for e in events:
        word = folded[e.start:e.end]
        follower = word in ES_FOLLOWERS if lang == "es" else word == "nor"
        if follower and out and "." not in folded[out[-1].end:e.start] and e.start - out[-1].end < 160:
            prev = out.pop()
            out.append(Mark("negation", prev.start, prev.end, prev.text))
            continue
        out.append(e)
    return out


# un- negates adjectives and participles ('untapped', 'unable'); on verbs it reverses ('unpacking')
_ADJ = r"(?:ed|able|ible|ful|al|ive|(?<!m)ent|ant|ous|ic|ary|ory|ly)"
# irregular participles take un- too: 'unpaid dues' ↔ 'derechos no pagados' (plain adjectives such as
# 'unfair' are rendered by a word of their own, 'desleal', and stay out)
_IRREGULAR = r"(?:paid|known|written|seen|spent|sold|bound|kept|said|done|foreseen|read|heard|told)"
_EN_PREFIX = re.compile(rf"(?<![\w'])(un)([a-z]*{_ADJ}|{_IRREGULAR})(?![\w'])|(?<![\w'])(non-?)([a-z]{{4,}})(?![\w'])")
_EN_SUFFIX = re.compile(r"(?<![\w'])([a-z]{3,})less(?![\w'])")
# in-/im-/il-/ir-/dis- adjectives ('invalid', 'incorrect', 'impossible', 'disconnected'): negative in
# meaning but as often rendered by a word of their own, so they answer a 'no' and never accuse (soft)
_EN_LATIN = re.compile(r"(?<![\w'])(in|im|il|ir|dis)([a-z]{3,}(?:id|ect|ete|ive|ent|ant|al|able|ible|ar|ed|ure))(?![\w'])")
# any other un- word ('unwelcome', 'unfair', 'unhappy') is rendered by a 'no' as often as by a word of its own
# ('atención sexual no deseada'): it answers a 'no' and never accuses (soft)
_EN_UN = re.compile(r"(?<![\w'])(un)([a-z]{4,})(?![\w'])")
# Spanish negative words are adjectives, participles and abstract nouns; 'inversiones' is not in- + versiones
_ES_PREFIX = re.compile(r"(?<![\w'])(des|in|im|i)([a-z]{2,}(?:(?:ad|id)[oa]s?|(?:abl|ibl|ent)es?|ales?|a(?:z|ces)|ari[oa]s?|"
                        r"mientos?|cias?|dad(?:es)?|ez|it[oa]s?))(?![\w'])")
# 'poco probable', 'poco común': 'poco' before an adjective negates it as un- does ('unlikely', 'uncommon')
_ES_POCO = re.compile(r"(?<![\w'])(poco)\s+([a-z]{4,})(?![\w'])")
# a des- verb reverses as un- does ('I unlocked the weapons' ↔ 'desbloqueé las armas', 'uninstall' ↔ 'desinstalar')
_ES_DES_VERB = re.compile(r"(?<![\w'])(des)([a-z]{3,}(?:ar|er|ir|e|o|a|an|as|aste|amos|aron|ando|iendo))(?![\w'])")
# words that only look prefixed: 'undergo', 'uniform'; 'desarrollo' (development), 'despacho' (office)
_NOT_NEGATIVE_STEMS = ("under", "uni", "desarroll", "despach", "describ", "desempen", "desea", "deseo", "design",
                       "destac", "destin", "desayun", "desfil", "desplieg", "desplaz")
_NOT_NEGATIVE = {"unless", "under", "universal", "unity", "unique", "united", "union", "units", "until", "unanimous",
                 "unified", "uniform", "unilateral", "university", "universities", "nonetheless", "nevertheless",
                 "regardless", "wireless"}


def _defined_term(text: str, a: int, b: int) -> bool:
    """A capitalised or camel-case word in running (not all-capitals) text names something."""
    word = text[a:b]
    if not any(c.islower() for c in word):
        return False
    if any(c.isupper() for c in word[1:]):
        return True
    if not word[0].isupper():
        return False
    j = a - 1
    while j >= 0 and text[j] in " \t\"'“‘«(":
        j -= 1
    return j >= 0 and text[j] not in ".:;!?\n"


def _lexical(text: str, folded: str, lang: str, taken: list[tuple[int, int]]) -> list[Mark]:
    """Negative words: English 'untapped', 'non-governmental', 'homeless' (tier 'lexical'); Spanish
    'desaprovechado', 'incapaces' (tier 'weak': 'información' is not in- + formación, so these only
    answer an English negative word, never an English 'not')."""
    out = []
    # '-less' words are soft: 'seamless', 'effortless', 'wireless' are positive in use and rendered
    # without a negation ('fluido', 'sin esfuerzo'); a lost un-/non- ('untapped' → 'aprovechado') accuses
    # (pattern, tier, the groups that hold the stem: the first that matched)
    pats = [(_EN_PREFIX, "lexical", (2, 4)), (_EN_SUFFIX, "soft", (1,)), (_EN_LATIN, "soft", (2,)), (_EN_UN, "soft", (2,))] if lang == "en" else \
        [(_ES_PREFIX, "weak", (2,)), (_ES_DES_VERB, "weak", (2,)), (_ES_POCO, "weak", (2,))]
    title = title_case(text, min_words=2)  # 'This Connection is Untrusted': no defined term there
    for pat, tier, stem_groups in pats:
        for m in pat.finditer(folded):
            word = m.group(0)
            if word in _NOT_NEGATIVE or word.startswith(_NOT_NEGATIVE_STEMS) or any(not (m.end() <= x or m.start() >= y) for x, y in taken):
                continue
            camel = any(c.isupper() for c in text[m.start() + 1:m.end()])
            if camel or (not title and _defined_term(text, m.start(), m.end())):
                continue  # 'NonCommercial', 'Non-Party' in running text: a defined term, not a negation
            stem = next(m.group(g) for g in stem_groups if m.group(g))
            if any(x.start == m.start() for x in out):
                continue  # a des- word both patterns read
            if word.startswith("non") or (len(stem) >= 4 and is_word(stem, lang)):
                out.append(Mark("negation", m.start(), m.end(), text[m.start():m.end()], tier))
    return out


def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    """Negations and scope limiters on one side of each aligned clause only."""
    return each_pair(pairs, compare, ctx.encoder)


def compare(pair: AlignedPair, en: Side, es: Side, encoder: Encoder | None = None) -> list[Finding]:
    a = _kept(_number_signs(read(en.text, "en"), es.text), es.text)
    b = _kept(read(es.text, "es"), en.text)
    out: list[Finding] = []
    # negation: by presence per aligned sentence. Translators merge 'not … and does not …' into
    # 'no … ni …' and move a negation between the grammar and a word, so counts say little; a
    # sentence that negates on one side and not at all on the other says the opposite.
    na = [m for m in a if m.cls == "negation"]
    nb = [m for m in b if m.cls == "negation"]
    left_a, left_b = _pool(na, nb, len(en.text), len(es.text))  # the clause-level surplus, if any
    for ua, ub in sentence_units(pair, en, es, encoder):
        ia, ib = _equivalents([m for m in na if ua[0] <= m.start < ua[1]], [m for m in nb if ub[0] <= m.start < ub[1]])
        for m in _unanswered(ia, ib, len(en.text), len(es.text)):
            if not left_a:
                continue
            sev = "critical" if not any(x.tier in ("hard", "soft") for x in nb) else "major"
            if m.tier == "lexical":
                sev = "major"  # 'untapped' rendered 'aprovechado': a negative word lost
            out.append(make_finding(
                CHECK, "negation", sev, pair, en, es, m.hit, None,
                f"Negation '{m.text}' has no counterpart in the Spanish text: the clause may say the opposite",
                f"La negación '{m.text}' del inglés no tiene equivalente en español: la cláusula puede decir lo contrario",
            ))
        for m in _unanswered(ib, ia, len(es.text), len(en.text)):
            if not left_b:
                continue
            sev = "critical" if not any(x.tier in ("hard", "soft", "lexical") for x in na) else "major"
            out.append(make_finding(
                CHECK, "negation", sev, pair, en, es, None, m.hit,
                f"Negation '{m.text}' in the Spanish text has no counterpart in English: the clause may say the opposite",
                f"La negación '{m.text}' del español no tiene equivalente en inglés: la cláusula puede decir lo contrario",
            ))
    # scope limiters
    for cls in LIMITER_CLASSES:
        la, lb = _pool([m for m in a if m.cls == cls], [m for m in b if m.cls == cls])
        name, name_es = _CLASS_NAMES[cls]
        for m in la:
            out.append(make_finding(
                CHECK, "scope_limiter", "major", pair, en, es, m.hit, None,
                f"Scope limiter '{m.text}' ({name}) is missing from the Spanish text",
                f"Falta en el texto en español el {name_es} '{m.text}' del inglés",
            ))
        for m in lb:
            out.append(make_finding(
                CHECK, "scope_limiter", "major", pair, en, es, None, m.hit,
                f"Scope limiter '{m.text}' ({name}) in the Spanish text is not in the English text",
                f"El {name_es} '{m.text}' del español no está en el texto en inglés",
            ))
    return out


#: Negation words that translate each other. They are set aside in pairs before presence is compared,
#: so that when one of two negations is lost ("shall not disclose … without consent" → "divulgarán …
#: sin consentimiento") the one left unanswered is named ("not"), not the one that was rendered.
EQUIVALENTS = {"without": {"sin"}, "never": {"nunca", "jamas"}, "nor": {"ni"}, "nothing": {"nada"}, "nobody": {"nadie"},
               "no one": {"nadie"}, "neither": {"ni"}, "none": {"ninguno", "ninguna", "ningun"}}


def _equivalents(a: list[Mark], b: list[Mark]) -> tuple[list[Mark], list[Mark]]:
    """Take out the pairs of translation-equivalent negation words, in order; the rest is left."""
    a, b = list(a), list(b)
    for m in list(a):
        folded = fold(m.text)
        words = EQUIVALENTS.get(folded) or EQUIVALENTS.get(folded.split()[0] if folded.split() else "")
        twin = next((x for x in b if words and fold(x.text).split() and fold(x.text).split()[0] in words), None)
        if twin is not None:
            a.remove(m)
            b.remove(twin)
    return a, b


def _unanswered(mine: list[Mark], other: list[Mark], len_mine: int, len_other: int) -> list[Mark]:
    """The negation of a sentence left unanswered by the other language's sentence: its first hard
    negation when the other has none at all, or an English negative word when the other has no
    negation and no negative word near it. A weak Spanish word never accuses."""
    if any(m.tier != "weak" for m in other):
        return []
    hard = [m for m in mine if m.tier == "hard"]
    if hard:
        return hard[:1]
    lex = [m for m in mine if m.tier == "lexical"]
    left = []
    for m in lex:
        if not any(_near(w, len_other, m, len_mine) or _same_stem(m, w) for w in other):
            left.append(m)
    return left[:1]


_EN_NEG_PREFIX = re.compile(r"^(?:non-?|un|in|im|il|ir|dis)")
_ES_NEG_PREFIX = re.compile(r"^(?:des|in|im|i)")


def _same_stem(en: Mark, es: Mark) -> bool:
    """An English negative word and a Spanish one built on the same stem, wherever each stands in its
    sentence ('unacceptable behaviour' ↔ 'comportamientos … que son inaceptables'): the same negation."""
    def stem(word: str, prefix: re.Pattern[str]) -> str:
        core = prefix.sub("", fold(word))
        core = re.sub(r"(ph)", "f", re.sub(r"(th)", "t", core))
        return re.sub(r"(.)\1", r"\1", core).replace("y", "i")

    a, b = stem(en.text, _EN_NEG_PREFIX), stem(es.text, _ES_NEG_PREFIX)
    return len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5]


def _near(w: Mark, len_w: int, m: Mark, len_m: int) -> bool:
    """Two marks at about the same place of their clauses: by share of the text, or by characters."""
    return abs(w.start / max(1, len_w) - m.start / max(1, len_m)) <= LEXICAL_WINDOW or abs(w.start - m.start) <= LEXICAL_CHARS


def _pool(a: list[Mark], b: list[Mark], len_a: int = 1, len_b: int = 1) -> tuple[list[Mark], list[Mark]]:
    """Pair marks across the languages, strongest first; return what is left unanswered.

    Hard with hard, a leftover hard with a soft or lexical mark, soft-or-lexical with soft-or-lexical,
    a leftover English lexical with a Spanish weak word. Returned: hard leftovers on both
    sides, plus English lexical leftovers (reported only when Spanish has no negation at all).
    """
    def take(xs: list[Mark], ys: list[Mark]) -> tuple[list[Mark], list[Mark]]:
        k = min(len(xs), len(ys))
        return xs[k:], ys[k:]

    ha, hb = [m for m in a if m.tier == "hard"], [m for m in b if m.tier == "hard"]
    sa, sb = [m for m in a if m.tier in ("soft", "lexical")], [m for m in b if m.tier in ("soft", "lexical")]
    wb = [m for m in b if m.tier == "weak"]
    ha, hb = take(ha, hb)
    # a hard mark left over takes a soft one before the soft ones pair among themselves: 'or just adding'
    # answers 'sólo añadir' whether or not 'un sólo objeto' elsewhere also has a soft partner
    ha, sb = take(ha, sb)
    hb, sa = take(hb, sa)
    sa, sb = take(sa, sb)
    lex = [m for m in sa if m.tier == "lexical"]
    # a Spanish in-/des- word answers an English un-/non- word only at about the same place
    left_lex = []
    for m in lex:
        near = [w for w in wb if _near(w, len_b, m, len_a) or _same_stem(m, w)]
        if near:
            wb.remove(near[0])
        else:
            left_lex.append(m)
    return ha + left_lex, hb
