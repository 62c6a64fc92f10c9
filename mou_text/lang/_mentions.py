"""Figures, dates and cross-references read from a clause, as agreements write them.

Each side of a clause is read into three multisets: plain numbers with their unit ("90 days",
"noventa (90) días", "5 %"), calendar dates assembled from day, month and year in any written form
("18 September 2012", "el dieciocho de septiembre de dos mil doce", "18/09/2012"), and references to
sections, articles, paragraphs and annexes (roman numerals and ordinal words normalised). The
numbers rule compares them; any other rule or tool that needs what a clause states in figures reads
them here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._fold import fold
from ._numbers import Mention, read_numbers, tokenize
from ._roman import strict_roman_value

# --- units --------------------------------------------------------------------------------------

_UNITS: dict[str, str] = {}
for _unit, _words in {
    "days": "day days dia dias",
    "weeks": "week weeks semana semanas",
    "months": "month months mes meses",
    "years": "year years ano anos",
    "hours": "hour hours hora horas",
    "minutes": "minute minutes minuto minutos",
    "percent": "percent porciento",
    "USD": "dollar dollars dolar dolares usd",
    "MXN": "peso pesos mxn",
    "EUR": "euro euros eur",
}.items():
    for _w in _words.split():
        _UNITS[_w] = _unit
_UNIT_NAMES = {
    "days": ("days", "días"), "weeks": ("weeks", "semanas"), "months": ("months", "meses"),
    "years": ("years", "años"), "hours": ("hours", "horas"), "minutes": ("minutes", "minutos"),
    "percent": ("%", "%"), "USD": ("US dollars", "dólares"), "MXN": ("pesos", "pesos"), "EUR": ("euros", "euros"),
}
_PERCENT_AFTER = re.compile(r"\s?(%|per\s?cent\b|por\s+ciento\b)", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(US\$|USD|MXN|EUR|€|\$)\s?$")


def _unit(text: str, m: Mention) -> str | None:
    after = text[m.end:m.end + 40]
    if _PERCENT_AFTER.match(after):
        return "percent"
    cur = _CURRENCY_BEFORE.search(text[max(0, m.start - 5):m.start])
    if cur:
        return {"€": "EUR", "EUR": "EUR", "MXN": "MXN"}.get(cur.group(1), "USD")
    words = re.findall(r"[^\W\d_]+", fold(after))[:3]
    for w in words[:2]:
        if w in ("de", "of", "calendar", "business", "natural", "naturales", "habiles", "consecutive"):
            continue
        return _UNITS.get(w)
    return None


# --- dates --------------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "sept": 9, "october": 10, "november": 11, "december": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}
_EN_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "sept",
              "october", "november", "december"}
MONTH_NAMES = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
}
_DAY_FILLERS = {"the", "day", "days", "of", "this", "on", "de", "del", "dia", "dias", "mes", "el", "los", ","}
_YEAR_FILLERS = {",", "of", "the", "year", "in", "de", "del", "ano", "en", "el"}
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?![\d/.-])")


@dataclass(frozen=True)
class DateMention:
    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int
    text: str

    def show(self, lang: str) -> str:
        parts = []
        if lang == "en":
            if self.month:
                parts.append(MONTH_NAMES["en"][self.month - 1])
            if self.day:
                parts.append(str(self.day) + ("," if self.year else ""))
            if self.year:
                parts.append(str(self.year))
            return " ".join(parts)
        if self.day:
            parts.append(str(self.day))
        if self.month:
            parts.append(MONTH_NAMES["es"][self.month - 1])
        if self.year:
            parts.append(str(self.year))
        return " de ".join(parts)

    @property
    def key(self) -> tuple[int | None, int | None, int | None]:
        return (self.year, self.month, self.day)


# --- cross-references ---------------------------------------------------------------------------

_REF_GROUPS = {
    "section": "section sections seccion secciones",
    "article": "article articles art articulo articulos",
    "paragraph": "paragraph paragraphs subparagraph subparagraphs parrafo parrafos subparrafo subparrafos "
                 "numeral numerales apartado apartados inciso incisos fraccion fracciones punto puntos point points "
                 "letra letras",  # EU Spanish: 'point (b)' ↔ 'letra b)'
    "annex": "annex annexes appendix appendices anexo anexos apendice apendices",
    "chapter": "chapter chapters capitulo capitulos",
    "clause": "clause clauses clausula clausulas",
    "part": "part parts parte partes",
}
_REF_WORD = {w: g for g, ws in _REF_GROUPS.items() for w in ws.split()}
_REF_NAMES = {
    "section": ("Section", "Sección"), "article": ("Article", "Artículo"), "paragraph": ("paragraph", "párrafo"),
    "annex": ("Annex", "Anexo"), "chapter": ("Chapter", "Capítulo"), "clause": ("Clause", "Cláusula"),
    "part": ("Part", "Parte"),
}
_LIST_JOINERS = {",", "and", "or", "y", "e", "o", "u", "to", "through", "a", "al"}


@dataclass(frozen=True)
class RefMention:
    group: str
    label: str | None
    start: int
    end: int
    text: str
    sub: str | None = None  # 'Article 5(2)': '2'; compared apart, since Spanish may write 'párrafo 2'

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.group, self.label)

    def show(self, lang: str) -> str:
        name = _REF_NAMES[self.group][0 if lang == "en" else 1]
        sub = f"({self.sub})" if self.sub else ""
        return f"{name} {self.label}{sub}" if self.label else name


@dataclass(frozen=True)
class NumMention:
    value: float
    unit: str | None
    start: int
    end: int
    text: str
    soft: bool = False

    def show(self, lang: str) -> str:
        v = int(self.value) if float(self.value).is_integer() else self.value
        if not self.unit:
            return f"{v}"
        name = _UNIT_NAMES[self.unit][0 if lang == "en" else 1]
        return f"{v}%" if self.unit == "percent" else f"{v} {name}"


@dataclass
class Reading:
    """What one side of a clause says in figures."""

    numbers: list[NumMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    refs: list[RefMention] = field(default_factory=list)


def read_mentions(text: str, lang: str, upper: bool = False) -> Reading:
    """Numbers, dates and cross-references of one clause (``upper``: the clause is set in capitals)."""
    mentions = read_numbers(text, lang)
    out = Reading()
    used: set[int] = set()
    _read_refs(text, mentions, used, out, upper)
    _read_dates(text, lang, mentions, used, out, upper)
    for k, m in enumerate(mentions):
        if k in used:
            continue
        out.numbers.append(NumMention(m.value, _unit(text, m), m.start, m.end, m.text, m.soft))
    return out


def _mention_at(mentions: list[Mention], pos: int) -> int | None:
    for k, m in enumerate(mentions):
        if m.start == pos:
            return k
    return None


def _read_refs(text: str, mentions: list[Mention], used: set[int], out: Reading, upper: bool) -> None:
    tokens = tokenize(text)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        group = _REF_WORD.get(t.low) if t.kind == "word" else None
        if group is None:
            i += 1
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].text == "." and t.low == "art":
            j += 1
        if j < len(tokens) and tokens[j].low in ("no", "num", "nº", "n"):
            j += 2 if j + 1 < len(tokens) and tokens[j + 1].text == "." else 1
        labels: list[tuple[str, int, list[int], str | None]] = []
        while j < len(tokens):
            lab = _label(text, tokens, j, mentions)
            if lab is None:
                break
            label, j_next, ks = lab
            labels.append((label, tokens[j_next - 1].end, ks, None))
            j = j_next
            # a sub-label: 'Section 3(ii)', 'paragraph 1(a)'
            if j + 2 < len(tokens) and tokens[j].text == "(" and tokens[j + 2].text == ")" and \
                    tokens[j].start == tokens[j - 1].end:
                sub = tokens[j + 1].low
                ks = ks + [k for k, mm in enumerate(mentions) if tokens[j + 1].start <= mm.start < tokens[j + 1].end]
                labels[-1] = (label, tokens[j + 2].end, ks, str(int(float(sub))) if sub.isdigit() else sub)
                j += 3
            if j < len(tokens) and tokens[j].low in _LIST_JOINERS and t.low.endswith(("s", "es")):
                k = j + 1
                if k < len(tokens) and tokens[k].low in ("and", "y"):
                    k += 1
                if k < len(tokens) and _label(text, tokens, k, mentions) is not None:
                    j = k
                    continue
            break
        if labels:
            start = t.start
            for label, end, ks, sub in labels:
                out.refs.append(RefMention(group, label, start, end, text[start:end], sub))
                used.update(ks)
                start = end
            i = j
            continue
        # a bare 'the Annex' / 'el Anexo' is still a reference; other bare keywords are not. Spanish style
        # writes it in lower case ('el apéndice adjunto'), so after a determiner the case does not matter
        if group == "annex" and t.low in ("annex", "appendix", "anexo", "apendice") and \
                (t.text[0].isupper() or upper or (i > 0 and tokens[i - 1].low in _DETERMINERS)):
            out.refs.append(RefMention(group, None, t.start, t.end, t.text))
        i += 1


#: Words before a bare 'annex' that make it an annex, in either case ('included as an appendix to the Guide' ↔
#: 'incluida en el apéndice de la Guía': the article may change, the annex is one)
_DETERMINERS = frozenset({"the", "this", "that", "said", "a", "an", "el", "del", "al", "este", "dicho", "presente",
                          "mencionado", "un"})


def _label(text: str, tokens: list, j: int, mentions: list[Mention]) -> tuple[str, int, list[int]] | None:
    """The label after a reference keyword: ``'3'``, ``'IV'`` (→ ``'4'``), ``'One'``/``'Primero'`` (→ ``'1'``)."""
    tok = tokens[j]
    k = _mention_at(mentions, tok.start)
    if k is not None:
        m = mentions[k]
        if not float(m.value).is_integer():
            return None
        end_j = j
        while end_j + 1 < len(tokens) and tokens[end_j + 1].start < m.end:
            end_j += 1
        return (str(int(m.value)), end_j + 1, [k])
    if tok.kind == "word":
        r = strict_roman_value(tok.text) if tok.text.isupper() else None
        if r is not None and (len(tok.text) > 1 or tok.text == "I" or tok.text in "VX"):
            return (str(r), j + 1, [])
        if tok.text == "(" and j + 2 < len(tokens) and tokens[j + 2].text == ")":
            return (tokens[j + 1].low, j + 3, [])
    if tok.text == "(" and j + 2 < len(tokens) and tokens[j + 2].text == ")" and len(tokens[j + 1].text) <= 4:
        return (tokens[j + 1].low, j + 3, [])
    # a letter with a closing parenthesis, as Spanish numbers points: 'letra b)', 'inciso a)'
    if tok.kind == "word" and len(tok.text) == 1 and tok.text.isalpha() and j + 1 < len(tokens) and \
            tokens[j + 1].text == ")" and tokens[j + 1].start == tok.end:
        return (tok.low, j + 2, [])
    return None


def _read_dates(text: str, lang: str, mentions: list[Mention], used: set[int], out: Reading, upper: bool) -> None:
    for m in _NUMERIC_DATE.finditer(text):
        a, b, c = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if a > 31:  # ISO yyyy-mm-dd
            y, mo, d = a, b, c
        else:
            y = c + (2000 if c < 100 else 0)
            mo, d = (a, b) if lang == "en" else (b, a)
            if mo > 12 and d <= 12:
                mo, d = d, mo
        if 1 <= mo <= 12 and 1 <= d <= 31:
            out.dates.append(DateMention(y, mo, d, m.start(), m.end(), m.group(0)))
            for k, mm in enumerate(mentions):
                if m.start() <= mm.start < m.end():
                    used.add(k)
    # items: a number mention stands for its tokens
    items: list[tuple[str, object, int, int]] = []
    tokens = tokenize(text)
    by_start = {m.start: k for k, m in enumerate(mentions)}
    covered_until = -1
    for t in tokens:
        if t.start < covered_until:
            continue
        if t.start in by_start and by_start[t.start] not in used:
            k = by_start[t.start]
            items.append(("num", k, mentions[k].start, mentions[k].end))
            covered_until = mentions[k].end
            continue
        if any(mm.start <= t.start < mm.end for mm in mentions):
            continue
        items.append(("word" if t.kind == "word" else "punct", t.low if t.kind == "word" else t.text, t.start, t.end))
    for idx, (kind, val, start, end) in enumerate(items):
        if kind != "word" or val not in MONTHS:
            continue
        if lang == "en" and (val not in _EN_MONTHS or not (text[start].isupper() or upper)):
            continue
        if val == "may" and lang == "en" and not _adjacent_number(items, idx):
            continue
        month = MONTHS[str(val)]
        day_k = year_k = None
        first, last = start, end
        # day before the month: 'the eighteenth day of September', 'a los dieciocho días del mes de'
        at = _number_near(items, mentions, idx - 1, -1, 6, _DAY_FILLERS, 1, 31)
        if at is not None:
            day_k, first = items[at][1], items[at][2]
        # day after the month: 'September 18', 'September the 18th'
        j = idx + 1
        if day_k is None:
            if j < len(items) and items[j][1] == "the":
                j += 1
            if j < len(items) and items[j][0] == "num":
                mv = mentions[items[j][1]].value  # type: ignore[index]
                if 1 <= mv <= 31 and float(mv).is_integer():
                    day_k, last = items[j][1], items[j][3]
                    j += 1
        # year after: 'September 18, 2012', 'de septiembre del año dos mil doce'
        at = _number_near(items, mentions, j, 1, 5, _YEAR_FILLERS, 1000, 2999)
        if at is not None:
            year_k, last = items[at][1], items[at][3]
        day = int(mentions[day_k].value) if day_k is not None else None  # type: ignore[index]
        year = int(mentions[year_k].value) if year_k is not None else None  # type: ignore[index]
        for k in (day_k, year_k):
            if k is not None:
                used.add(k)  # type: ignore[arg-type]
        out.dates.append(DateMention(year, month, day, first, last, text[first:last]))


def _number_near(items: list, mentions: list[Mention], j: int, step: int, limit: int, fillers: set[str],
                 lo: int, hi: int) -> int | None:
    """Walk ``items`` from ``j`` by ``step`` over at most ``limit`` filler words to the first number:
    its index when it is a whole number from ``lo`` to ``hi``, else None (also when a word that is no
    filler, the end of the items or the limit comes first)."""
    steps = 0
    while 0 <= j < len(items) and steps < limit:
        kind, val = items[j][0], items[j][1]
        if kind == "num":
            mv = mentions[val].value
            return j if lo <= mv <= hi and float(mv).is_integer() else None
        if val not in fillers:
            return None
        j += step
        steps += 1
    return None


def _adjacent_number(items: list, idx: int) -> bool:
    return any(0 <= j < len(items) and items[j][0] == "num" for j in (idx - 1, idx + 1, idx - 2))


# --- comparison ---------------------------------------------------------------------------------
