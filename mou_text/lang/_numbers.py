"""Numbers as agreements write them, in English and Spanish, with the exact characters they occupy.

``text_to_num.alpha2digit`` rewrites a string and so loses offsets, leaves small numbers as words
("dos ejemplares") and reads no ordinal day ("dieciocho" is fine, "eighteenth" becomes "18th" but
"primero" stays); a checker must point at the words and compare "ninety (90)" with "noventa (90)",
"two thousand and twelve" with "dos mil doce", "1,850" with "1.850". So this module reads numbers
itself: a tokenizer keeping offsets, and one small grammar per language (units, tens, hundreds,
scales, ordinals) that the two texts are parsed with.

Words that are numbers only sometimes ("one", "un", "uno", "first", "second", "cuarto", "both",
"ambos") come out *soft*: they may stand for a number the other side states, but are never reported
on their own.

Why this module is long: the tokenizer, both grammars and the idioms that look like numbers ('desde
cero', 'in duplicate') read one token stream together; split, each piece would need the others' tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._fold import fold
from ._roman import strict_roman_value

#: A unit written onto its number ('20m', '2,000m²', '5kg', '3pm'): the number is read, the unit is not.
_GLUED_UNIT = r"(?:[kcmd]?m|kg|mg|g|ha|ml|l|km/h|h|hrs?|min|GB|MB|KB|TB|am|pm)(?:[23²³])?(?![\w])"
TOKEN = re.compile(
    # a unit's exponent is no number: 'm2', 'km²' (a surface in a Spanish 'm²' and an English 'm2' alike)
    r"(?P<unit>(?<![^\d\s])[kcmd]?m[23²³](?![\w]))"
    rf"|(?P<num>\d+(?:[.,]\d+)*)(?:(?P<suf>st|nd|rd|th|[ºª°]|o\.|a\.|er)?(?![\w])|(?={_GLUED_UNIT}))"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)"
    r"|(?P<punct>\S)"
)


@dataclass(frozen=True)
class Token:
    kind: str  # 'num' | 'word' | 'punct'
    text: str
    low: str  # folded
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    out = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup if m.lastgroup != "suf" else "num"
        if m.group("num") is not None:
            kind = "num"
        elif kind == "unit":
            kind = "word"
        out.append(Token(kind, m.group(0), fold(m.group(0)), m.start(), m.end()))
    return out


# --- digits -------------------------------------------------------------------------------------

_GROUPED = re.compile(r"^\d{1,3}(?:([.,\u00a0\u202f ])\d{3})(?:\1\d{3})*$")


def digits_value(raw: str) -> float | None:
    """``'1,850'``/``'1.850'``/``'1 850'`` → 1850; ``'1,5'``/``'1.5'`` → 1.5; ``'1.850,50'`` → 1850.5.

    A separator followed by exactly three digits groups thousands (agreements on both sides of the
    border use either mark for either role), unless the integer part is ``0``.
    """
    s = raw.strip()
    if not s:
        return None
    if _GROUPED.match(s) and not s.startswith("0"):
        return float(re.sub(r"\D", "", s))
    m = re.match(r"^(\d{1,3}(?:([.,\u00a0\u202f ])\d{3})*)([.,])(\d+)$", s)
    if m and m.group(2) and m.group(2) != m.group(3):
        return float(re.sub(r"\D", "", m.group(1)) + "." + m.group(4))
    m = re.match(r"^(\d+)(?:[.,](\d+))?$", s)
    if m:
        return float(m.group(1) + ("." + m.group(2) if m.group(2) else ""))
    return None


NUMBER_RE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:([.,](?=\d{3}(?!\d))|[\u00a0\u202f ](?=\d{3}(?![\d.,]\d)))\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    rf"(?:(?P<suf>st|nd|rd|th|[ºª]|°(?!\s*[CF]\b)|o\.|a\.|er)?(?!\w)|(?={_GLUED_UNIT}))"
)


# --- number words -------------------------------------------------------------------------------

EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
           "eighty": 80, "ninety": 90}
EN_HUNDRED = {"hundred": 100}
EN_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}
EN_MULTIPLES = {"twice": 2, "thrice": 3}
EN_SOFT = {"one", "first", "second"}
EN_PAIRWORDS = {"both": 2}

ES_UNITS = {
    "cero": 0, "uno": 1, "un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14,
    "quince": 15, "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20,
    "veintiuno": 21, "veintiun": 21, "veintiuna": 21, "veintidos": 22, "veintitres": 23,
    "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26, "veintisiete": 27, "veintiocho": 28,
    "veintinueve": 29,
}
ES_TENS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
           "noventa": 90}
ES_HUNDREDS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300, "trescientas": 300,
    "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500, "quinientas": 500, "seiscientos": 600,
    "seiscientas": 600, "setecientos": 700, "setecientas": 700, "ochocientos": 800, "ochocientas": 800,
    "novecientos": 900, "novecientas": 900,
}
ES_SCALES = {"mil": 1_000, "millon": 1_000_000, "millones": 1_000_000, "millardo": 10**9, "millardos": 10**9,
             "billon": 10**12, "billones": 10**12}
_ES_ORD_STEMS = {  # masculine/feminine, singular/plural endings are added when reading
    "primer": 1, "segund": 2, "tercer": 3, "cuart": 4, "quint": 5, "sext": 6, "septim": 7, "setim": 7,
    "octav": 8, "noven": 9, "non": 9, "decim": 10, "undecim": 11, "duodecim": 12, "decimoprimer": 11,
    "decimosegund": 12, "decimotercer": 13, "decimocuart": 14, "decimoquint": 15, "decimosext": 16,
    "decimoseptim": 17, "decimoctav": 18, "decimonoven": 19, "vigesim": 20, "trigesim": 30,
    "cuadragesim": 40, "quincuagesim": 50, "sexagesim": 60, "septuagesim": 70, "octogesim": 80,
    "nonagesim": 90, "centesim": 100, "milesim": 1000,
}
#: The tens a joined compound starts with ('vigésimoquinta'): read off the stems, 20 to 90.
_ES_ORD_TENS = tuple(k for k, v in _ES_ORD_STEMS.items() if 20 <= v <= 90 and v % 10 == 0)
_ES_APOCOPE = {"primer": 1, "tercer": 3, "decimoprimer": 11, "decimotercer": 13}
# 'un tercero', 'terceros' (a third party) and 'dos terceras partes' (two thirds) name no count of three
ES_SOFT = {"uno", "un", "una", "primer", "primero", "primera", "primeros", "primeras", "segundo", "segunda",
           "segundos", "segundas", "cuarto", "cuarta", "cuartos", "cuartas", "non", "nono", "nona", "tercero",
           "tercera", "terceros", "terceras"}
ES_PAIRWORDS = {"ambos": 2, "ambas": 2}


def es_ordinal(word: str) -> int | None:
    """``'primero'``, ``'primer'``, ``'décimas'``, ``'vigésimo'`` → their value (folded input)."""
    if word in _ES_APOCOPE:
        return _ES_APOCOPE[word]
    for suffix in ("os", "as", "o", "a"):
        if word.endswith(suffix) and word[: -len(suffix)] in _ES_ORD_STEMS:
            return _ES_ORD_STEMS[word[: -len(suffix)]]
    # a compound written as one word: 'vigésimoquinta', 'trigesimoctavo' (the o of octavo elided)
    for tens in _ES_ORD_TENS:
        for link in ("o", "a"):
            if word.startswith(tens + link) and len(word) > len(tens) + 3:
                rest = word[len(tens) + 1:]
                unit = es_ordinal(rest) or (es_ordinal("o" + rest) if rest.startswith("ct") else None)
                if unit is not None and unit < 10:
                    return _ES_ORD_STEMS[tens] + unit
    return None


@dataclass(frozen=True)
class Mention:
    """A number read from the text. ``soft``: may be a number (``'one'``, ``'both'``), never reported."""

    value: float
    start: int
    end: int
    text: str
    ordinal: bool = False
    soft: bool = False
    words: bool = False  # written in words (a day in a written-out date, a year in words…)


class _Acc:
    """Accumulates one number word by word; says whether the next word may continue it."""

    def __init__(self) -> None:
        self.total = 0
        self.current = 0
        self.last = ""  # 'unit' | 'teen' | 'tens' | 'hundred' | 'scale'
        self.top_scale = 10**15
        self.n = 0

    @property
    def value(self) -> int:
        return self.total + self.current

    def accepts(self, cls: str, val: int) -> bool:
        if self.n == 0:
            return True
        if cls == "scale":
            return self.last != "scale" or val > self.top_scale_used()
        if cls == "hundred":  # EN 'hundred' multiplies what precedes; ES 'doscientos' starts a group
            if self.last in ("unit", "teen") and self.current < 100:
                return True
            return self.last == "scale" or (self.last == "" and self.current == 0)
        if cls == "hundreds":
            return self.last == "scale"
        if cls == "tens":
            return self.last in ("hundred", "hundreds", "scale") and self.current % 100 == 0
        if cls in ("unit", "teen"):
            if self.last == "tens":
                return self.current % 10 == 0 and val < 10
            return self.last in ("hundred", "hundreds", "scale") and self.current % 100 == 0
        return False

    def top_scale_used(self) -> int:
        return self._scale if hasattr(self, "_scale") else 0

    def add(self, cls: str, val: int) -> None:
        if cls == "scale":
            if val > self.top_scale_used() and self.top_scale_used():
                self.total = (self.total + self.current) * val
            else:
                self.total += max(self.current, 1) * val
            self.current = 0
            self._scale = max(self.top_scale_used(), val)
        elif cls == "hundred":
            self.current = max(self.current, 1) * 100
        else:
            self.current += val
        self.last = cls
        self.n += 1


def _classify(word: str, lang: str) -> tuple[str, int] | None:
    if lang == "en":
        if word in EN_UNITS:
            v = EN_UNITS[word]
            return ("teen" if v >= 10 else "unit", v)
        if word in EN_TENS:
            return ("tens", EN_TENS[word])
        if word in EN_HUNDRED:
            return ("hundred", 100)
        if word in EN_SCALES:
            return ("scale", EN_SCALES[word])
        return None
    if word in ES_UNITS:
        v = ES_UNITS[word]
        return ("teen" if v >= 10 else "unit", v)
    if word in ES_TENS:
        return ("tens", ES_TENS[word])
    if word in ES_HUNDREDS:
        return ("hundreds", ES_HUNDREDS[word])
    if word in ES_SCALES:
        return ("scale", ES_SCALES[word])
    return None


def _ordinal(word: str, lang: str) -> int | None:
    if lang == "en":
        if word in EN_ORDINALS:
            return EN_ORDINALS[word]
        return None
    return es_ordinal(word)


#: Right before a figure, a capitalised word and a hyphen ('COVID-19', 'G-20') or two to four capitals
#: ('CSF2', 'CO2'): the figure is part of a name or a code.
_NAME_BEFORE = re.compile(r"(?<!\w)[A-Z][A-Za-z]*-$|(?<![\w-])[A-Z]{2,4}$")


def read_numbers(text: str, lang: str) -> list[Mention]:
    """Every number in ``text``: digits, cardinals and ordinals in words, 'twice', 'in duplicate'."""
    tokens = tokenize(text)
    out: list[Mention] = []
    i = 0
    n = len(tokens)
    while i < n:
        t = tokens[i]
        if t.kind == "num" and _NAME_BEFORE.search(text, max(0, t.start - 16), t.start):
            i += 1  # 'COVID-19', 'G-20', 'SARS-CoV-2', 'CSF2': a name's or a code's own figure, not a count
            continue
        if t.kind == "num":
            m = NUMBER_RE.match(text, t.start)
            raw = m.group(1) if m else re.match(r"[\d.,]*\d", t.text).group(0)  # type: ignore[union-attr]
            value = digits_value(raw)
            end = m.end() if m else t.end
            j = i + 1
            while j < n and tokens[j].start < end:
                j += 1
            if value is None:
                i = j
                continue
            # '1.5 million', '2 mil millones'
            scale = 1
            while j < n and tokens[j].kind == "word" and _classify(tokens[j].low, lang) and \
                    _classify(tokens[j].low, lang)[0] == "scale":  # type: ignore[index]
                scale *= _classify(tokens[j].low, lang)[1]  # type: ignore[index]
                end = tokens[j].end
                j += 1
            suffix = bool(m and m.group("suf"))
            # 'per 1m2' ↔ 'por cada metro cuadrado': one unit of a rate, which the other side may leave unwritten
            per_one = value == 1 and scale == 1 and i > 0 and tokens[i - 1].low in ("per", "por", "cada")
            out.append(Mention(value * scale, t.start, end, text[t.start:end], ordinal=suffix, soft=per_one))
            i = j
            continue
        if t.kind != "word":
            i += 1
            continue
        w = t.low
        # a century in Roman numerals ('siglo XXI' for '21st century', 'XIX century')
        if (i > 0 and tokens[i - 1].low in ("siglo", "siglos")) or (i + 1 < n and tokens[i + 1].low in ("century", "centuries")):
            roman = strict_roman_value(t.text)
            if roman is not None:
                out.append(Mention(roman, t.start, t.end, t.text, ordinal=True))
                i += 1
                continue
        # multiplicatives and 'in duplicate'
        if lang == "en" and w in EN_MULTIPLES:
            out.append(Mention(EN_MULTIPLES[w], t.start, t.end, t.text, words=True))
            i += 1
            continue
        if w in ("duplicate", "duplicado", "triplicate", "triplicado") and i > 0 and tokens[i - 1].low in (
            "in", "en", "por"
        ):
            v = 2 if w.startswith("dupl") else 3
            out.append(Mention(v, tokens[i - 1].start, t.end, text[tokens[i - 1].start:t.end], words=True))
            i += 1
            continue
        pair_words = EN_PAIRWORDS if lang == "en" else ES_PAIRWORDS
        if w in pair_words:
            out.append(Mention(pair_words[w], t.start, t.end, t.text, soft=True, words=True))
            i += 1
            continue
        # ordinals, with Spanish compounds ('vigésimo primero')
        ordv = _ordinal(w, lang)
        if ordv is not None and not _is_unit_second(tokens, i, lang):
            end_tok = i
            if lang == "es" and ordv in (10, 20, 30, 40, 50, 60, 70, 80, 90) and i + 1 < n:
                nxt = _ordinal(tokens[i + 1].low, lang)
                if nxt is not None and nxt < 10:
                    ordv += nxt
                    end_tok = i + 1
            soft = (w in EN_SOFT if lang == "en" else w in ES_SOFT) and end_tok == i
            out.append(Mention(ordv, t.start, tokens[end_tok].end, text[t.start:tokens[end_tok].end],
                               ordinal=True, soft=soft, words=True))
            i = end_tok + 1
            continue
        # cardinals in words
        cls = _classify(w, lang)
        if cls is None and lang == "en" and w == "a" and i + 1 < n:
            nxt = _classify(tokens[i + 1].low, lang)
            if nxt and nxt[0] in ("hundred", "scale") and not tokens[i + 1].low.endswith("s"):
                cls = ("unit", 1)
        if cls is None or (cls[0] == "scale" and w.endswith("s") and w not in ("millones", "billones")):
            i += 1
            continue
        if cls[0] == "scale" and w in ("millones", "billones", "millardos"):
            i += 1  # 'millones de personas' without a number before: not a number
            continue
        if cls == ("hundreds", 100) and w == "ciento" and i > 0 and tokens[i - 1].low == "por":
            i += 1
            continue
        acc = _Acc()
        acc.add(cls[0], cls[1])
        first, last = i, i
        j = i + 1
        while j < n:
            tj = tokens[j]
            # connectors: EN 'and' after hundred/thousand, EN hyphen between tens and unit, ES 'y'
            if tj.kind == "punct" and tj.text in "-‐" and lang == "en" and acc.last == "tens":
                j += 1
                continue
            if tj.kind == "word" and ((lang == "en" and tj.low == "and" and acc.last in ("hundred", "scale"))
                                      or (lang == "es" and tj.low == "y" and acc.last == "tens")):
                if j + 1 < n and tokens[j + 1].kind == "word" and _classify(tokens[j + 1].low, lang):
                    j += 1
                    continue
                break
            if tj.kind != "word":
                break
            if lang == "es" and tj.low == "ciento" and tokens[j - 1].low == "por":
                break
            c = _classify(tj.low, lang)
            if c is None:
                # a final ordinal ('twenty-first', 'two thousand and twelfth')
                o = _ordinal(tj.low, lang)
                if o is not None and o < 10 and acc.last == "tens" and lang == "en":
                    acc.current += o
                    last = j
                    j += 1
                    acc.last = "ordinal"
                break
            if c[0] == "scale" and tj.low.endswith("s") and tj.low not in ("millones", "billones", "millardos"):
                break
            if not acc.accepts(c[0], c[1]):
                break
            acc.add(c[0], c[1])
            last = j
            j += 1
        start, end = tokens[first].start, tokens[last].end
        single = first == last
        soft = single and ((w in EN_SOFT if lang == "en" else w in ES_SOFT) or _of_the_two(tokens, i)
                           or _idiom(tokens, i))
        ordinal = acc.last == "ordinal"
        if lang == "en" and w == "a" and single:
            i += 1
            continue
        out.append(Mention(float(acc.value), start, end, text[start:end], ordinal=ordinal, soft=soft, words=True))
        i = last + 1
    return _merge_parenthesised(out, text)


#: Words that pick one, none or each of a pair: 'cualquiera de los dos peritos' is 'either expert',
#: 'ninguno de los dos Gobiernos' is 'neither Government'; the 'two' one language spells out is
#: the pair the other's 'either'/'neither' already means.
_PAIR_PICKERS = frozenset({"either", "neither", "each", "any", "one", "none", "cualquiera", "ninguno", "ninguna",
                           "alguno", "alguna", "uno", "una", "cada"})


def _of_the_two(tokens: list[Token], i: int) -> bool:
    """'two' in 'either of the two …' / 'cualquiera de los dos …': the pair a picker word chooses from."""
    if tokens[i].low not in ("two", "dos") or i < 3:
        return False
    art, prep = tokens[i - 1].low, tokens[i - 2].low
    if art not in ("the", "los", "las") or prep not in ("of", "de"):
        return False
    return tokens[i - 3].low in _PAIR_PICKERS


#: Verbs that cut something 'in two' / 'en dos' ('in half' in English): the number is a manner, not a count.
_CUT_VERB = re.compile(r"(?:cut|split|break|broke|broken|tear|tore|torn|partir|part[eií]\w*|divid\w*|cort\w*|romp\w*|"
                       r"rot[oa]s?|separ\w*|quebr\w*)")


def _idiom(tokens: list[Token], i: int) -> bool:
    """A number word in an idiom with no number in it: 'desde cero' ('from scratch'), 'partir en dos'
    ('shoot them in half'), 'dos puntos' (the colon). Soft: it answers a number the other side states, never
    accuses."""
    w, prev = tokens[i].low, tokens[i - 1].low if i > 0 else ""
    if w in ("cero", "zero") and prev in ("desde", "from"):
        return True
    if w in ("dos", "two") and prev in ("en", "in") and i > 1:
        return any(_CUT_VERB.fullmatch(tokens[k].low) for k in range(max(0, i - 5), i - 1))
    if w == "dos" and i + 1 < len(tokens) and tokens[i + 1].low == "puntos":
        # 'dos puntos' is the colon ('faltan dos puntos (:)'), unless points are counted ('dos puntos porcentuales')
        after = tokens[i + 2].low if i + 2 < len(tokens) else ""
        return after not in ("porcentuales", "base", "percentuales", "de", "más", "menos", "arriba", "abajo")
    return False


def _is_unit_second(tokens: list[Token], i: int, lang: str) -> bool:
    """'per second' / 'por segundo' is a unit of time, not an ordinal."""
    w = tokens[i].low
    if w not in ("second", "seconds", "segundo", "segundos"):
        return False
    prev = tokens[i - 1].low if i > 0 else ""
    return prev in ("per", "a", "each", "every", "por", "cada", "los", "few", "pocos")


def _merge_parenthesised(mentions: list[Mention], text: str) -> list[Mention]:
    """'ninety (90)' is one number written twice: keep one mention spanning both."""
    out: list[Mention] = []
    for m in mentions:
        if out and not m.words and out[-1].words and out[-1].value == m.value:
            between = text[out[-1].end:m.start]
            after = text[m.end:m.end + 1]
            if re.fullmatch(r"\s*\(\s*", between) and after == ")":
                prev = out.pop()
                out.append(Mention(prev.value, prev.start, m.end + 1, text[prev.start:m.end + 1],
                                   ordinal=prev.ordinal, soft=False, words=True))
                continue
        out.append(m)
    return out


#: Cardinals and ordinals 1–20 in both languages as headings write them ("Article Four", "CUARTO").
HEADING_NUMBER_WORDS: dict[str, int] = {}
for _i, _words in enumerate(
    [
        "one first uno una primero primera primer único única unico unica",
        "two second dos segundo segunda",
        "three third tres tercero tercera tercer",
        "four fourth cuatro cuarto cuarta",
        "five fifth cinco quinto quinta",
        "six sixth seis sexto sexta",
        "seven seventh siete séptimo séptima septimo septima",
        "eight eighth ocho octavo octava",
        "nine ninth nueve noveno novena",
        "ten tenth diez décimo décima decimo decima",
        "eleven eleventh once undécimo undécima decimoprimero decimoprimera décimo_primero décimo_primera",
        "twelve twelfth doce duodécimo duodécima decimosegundo decimosegunda décimo_segundo décimo_segunda",
        "thirteen thirteenth trece decimotercero decimotercera décimo_tercero décimo_tercera",
        "fourteen fourteenth catorce decimocuarto decimocuarta décimo_cuarto décimo_cuarta",
        "fifteen fifteenth quince decimoquinto decimoquinta décimo_quinto décimo_quinta",
        "sixteen sixteenth dieciséis dieciseis decimosexto decimosexta décimo_sexto décimo_sexta",
        "seventeen seventeenth diecisiete decimoséptimo decimoséptima décimo_séptimo décimo_séptima",
        "eighteen eighteenth dieciocho decimoctavo decimoctava décimo_octavo décimo_octava",
        "nineteen nineteenth diecinueve decimonoveno decimonovena décimo_noveno décimo_novena",
        "twenty twentieth veinte vigésimo vigésima vigesimo vigesima",
    ],
    start=1,
):
    # two-word Spanish ordinals are written with "_" above ("décimo_primero")
    for _w in _words.split():
        HEADING_NUMBER_WORDS[_w.replace("_", " ")] = _i
