"""Recognisers for the building blocks of an agreement, in English and Spanish.

Kept apart from the parser's state machine so each rule can be read (and tested) on its own: which
line is a section label, which words open a recital, what an enumerator looks like, how a number
written in words reads. Every pattern is bilingual; none is specific to the bundled MOU.
"""

from __future__ import annotations

import re

from ..lang import HEADING_NUMBER_WORDS, roman_to_int, title_case

_UPPER = "A-ZÁÉÍÓÚÑÜ"

def heading_number(s: str) -> int | None:
    """The integer a heading number stands for: ``4``, ``IV``, ``Four``, ``Cuarto``, ``1o``, ``1.º``."""
    s = s.strip().lower().rstrip(".")
    m = re.fullmatch(r"(\d{1,4})\s*(?:st|nd|rd|th|o|a|º|°|ª|\.º|\.°|\.o)?", s)
    if m:
        return int(m.group(1))
    if s in HEADING_NUMBER_WORDS:
        return HEADING_NUMBER_WORDS[s]
    return roman_to_int(s)


_NUMBER_WORDS_RE = "|".join(sorted((re.escape(w) for w in HEADING_NUMBER_WORDS), key=len, reverse=True))

# -- section / article labels ------------------------------------------------------------------------
SECTION_KEYWORDS = r"section|article|clause|secci[oó]n|art[ií]culo|cl[aá]usula"
SECTION_RE = re.compile(
    rf"^(?P<kw>{SECTION_KEYWORDS})\s+"
    rf"(?P<num>\d{{1,4}}(?:\s*(?:st|nd|rd|th|o|a|º|°|ª|\.º|\.°))?|[ivxlcdm]{{1,7}}|{_NUMBER_WORDS_RE})"
    r"(?![\w])"
    r"\s*(?P<sep>\.-|[.:\-–—]+)?\s*(?P<title>.*)$",
    re.IGNORECASE,
)


def section_label(line: str) -> tuple[int, str] | None:
    """(number, remaining title text) when ``line`` opens a section or article, else None.

    The keyword must be capitalised (``Article 5`` or ``ARTICLE 5``, not ``article 5``), and text after
    the number must read as a title, not as the start of a sentence (``Article 5 of the Convention
    provides…`` is a paragraph that cites an article, not a heading).
    """
    m = SECTION_RE.match(line.strip())
    if not m or not m.group("kw")[0].isupper():
        return None
    value = heading_number(m.group("num"))
    if value is None:
        return None
    title = m.group("title").strip()
    if title and not is_title_like(title, allow_colon=True):
        stripped = _period_title(title, dashed=bool((m.group("sep") or "").strip()))
        if stripped is None:
            return None
        title = stripped
    return value, title


CHAPTER_RE = re.compile(
    rf"^(?P<kw>chapter|cap[ií]tulo|part|parte)\s+(?P<num>\d{{1,3}}|[ivxlc]{{1,6}}|{_NUMBER_WORDS_RE})(?![\w])"
    r"\s*(?:[.:\-–—]+\s*(?P<title>.*))?$",
    re.IGNORECASE,
)


def chapter_label(line: str) -> tuple[int, str] | None:
    """(number, title) when ``line`` opens a chapter or part (``CHAPTER I``, ``Capítulo 2 – Finanzas``),
    the level above articles; else None. The keyword is capitalised, as for sections."""
    m = CHAPTER_RE.match(line.strip())
    if not m or not m.group("kw")[0].isupper():
        return None
    value = heading_number(m.group("num"))
    title = (m.group("title") or "").strip().rstrip(".")
    if value is None or (title and not is_title_like(title, allow_colon=True, max_words=16)):
        return None
    return value, title


def _period_title(title: str, *, dashed: bool = False) -> str | None:
    """A heading title printed with a closing full stop (``Section 2 – Scope.``, ``Sección 2 – Ámbito.``).

    Accepted when it is short (at most 8 words), has no other sentence punctuation, carries no finite
    verb, and either follows a dash separator or is capitalised as a title; the stop is dropped.
    """
    if not title.endswith(".") or title.endswith(".."):
        return None
    core = title[:-1].rstrip()
    if not core or len(core.split()) > 8 or re.search(r"[.;:!?]", core) or not is_title_like(core, allow_colon=True):
        return None
    if _FINITE_VERB.search(core):
        return None
    if _ES_FUTURE.search(core):
        return None
    return core if (dashed and len(core.split()) <= 6) or is_capitalised_title(core) else None


#: Finite verbs that show a short clause is a sentence, not a title ("The Parties shall meet.").
_FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|shall|will|may|must|can|should|would|has|have|had|does|do|did|"
    r"es|son|fue|será|serán|está|están|ha|han|debe|deben|deberá|deberán|podrá|podrán|puede|pueden|"
    r"tiene|tienen|tendrá|tendrán|means|significa|significan)\b",
    re.IGNORECASE,
)


#: A title does not open with an article, a demonstrative or a pronoun, as a sentence's subject does ...
_SUBJECT_START = re.compile(
    r"^(?:the|this|these|that|those|each|every|any|all|it|they|we|i|you|he|she|a|an|"
    r"el|la|los|las|lo|un|una|este|esta|estos|estas|ese|esa|cada|todo|toda|todos|todas|ello|ellos|ellas)\b",
    re.IGNORECASE,
)
#: ... nor holds a negation or a reflexive "se" after its first word, as a clause does.
_CLAUSE_WORD = re.compile(r"\b(?:not|no|nor|ni|se|nunca|never)\b", re.IGNORECASE)
_ES_FUTURE = re.compile(r"\b[a-záéíóúñ]{3,}(?:rá|rán|ría|rían)\b")


def run_in_title(text: str) -> str | None:
    """The run-in title that opens a paragraph or list entry (``No endorsement. Nothing in…``,
    ``Sin endoso. Nada de…``, ``2. Waiver. To the greatest extent…``), or the whole text when it is
    only a title with its full stop (``License grant.``). None when the text opens with a sentence.

    A run-in title is short (at most 8 words, 70 characters), starts with a capital, ends with a full
    stop followed by a capitalised sentence (or by nothing), and has no finite verb.
    """
    m = re.match(r"([^.;:!?]{1,70}?(?:;[^.;:!?]{1,40})?)\.(?:\s+(?=[\"“«(¿¡" + _UPPER + r"0-9])|$)", text)
    if not m:
        return None
    title = m.group(1).strip()
    if not title or not (title[0].isupper() or title[0] in "\"“«") or len(title.split()) > 8:
        return None
    if _FINITE_VERB.search(title) or _ES_FUTURE.search(title) or re.search(r"\b[A-Za-z]$", title):  # "U.S", "Art. 5"
        return None
    words = title.split()
    if len(words) > 1 and (_SUBJECT_START.match(title) or _CLAUSE_WORD.search(" ".join(words[1:]))):
        return None  # "El presente MdE no crea…", "Each Party…": a sentence with a subject, not a title
    if len(title.split()) == 1 and len(title) < 3:
        return None
    return title


def is_title_like(text: str, *, allow_colon: bool = False, max_words: int = 14) -> bool:
    """Short, starts with a capital, and does not end like a sentence or a list entry."""
    text = text.strip()
    if not text or len(text.split()) > max_words:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "¿¡\"“«("):
        return False
    end = text[-1]
    if end in ".;,":
        return False
    return not (end == ":" and not allow_colon)


def is_capitalised_title(text: str) -> bool:
    """Title Case or ALL CAPS (``lang.title_case``, the test the checker applies to titles kept as published)."""
    return title_case(text)


def is_mostly_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(ch.isupper() for ch in letters) / len(letters) >= 0.8


# -- list markers ------------------------------------------------------------------------------------
BULLET_RE = re.compile(r"^[ \t]{0,6}(?P<b>[-*+•–—·▪◦●■□➢►✓])[ \t]+(?=\S)")
ENUM_RE = re.compile(
    r"^[ \t]{0,6}(?P<full>\((?P<p>[ivxlcdm]{1,6}|[a-z]|\d{1,3})\)"
    r"|(?P<q>[ivxlcdm]{1,6}|[a-z]|\d{1,3}(?:\.\d{1,2})*)(?P<punct>\.-|[.)\]])"
    r"|(?P<r>\d{1,2}(?:\.\d{1,2})+))"
    # "a)los territorios", "1.in fulfilment": converters drop the space after a closing bracket or a number
    r"(?:[ \t]+(?=\S)|(?<=\))(?=[a-záéíóúñü]{2})|(?<=\d\.)(?=[A-Za-záéíóúñüÁÉÍÓÚÑ]{2}))",
    re.IGNORECASE,
)


#: Paragraphs numbered in words, as notes and older treaties do ("One. The experts …", "(Two) …",
#: "Primero. Las Partes …"): the label is the number, so they pair with "1.", "2." of the other version.
WORD_ENUM_RE = re.compile(
    rf"^[ \t]{{0,6}}(?P<w>\(?(?P<n>{_NUMBER_WORDS_RE})(?:\.|\)))[ \t]*(?=[A-ZÁÉÍÓÚÑ(])", re.IGNORECASE)


def enumerator(line: str) -> tuple[str, str, int] | None:
    """(normalised label, kind 'roman'|'letter'|'number', length of the marker) for an enumerated line."""
    m = ENUM_RE.match(line)
    if not m:
        w = WORD_ENUM_RE.match(line)
        if w and w.group("n")[0].isupper():
            return str(heading_number(w.group("n"))), "number", w.end()
        return None
    raw = m.group("p") or m.group("q") or m.group("r")
    label = raw.lower()
    if label[0].isdigit():
        kind = "number"
    elif len(label) > 1 or label in "ivx":
        kind = "roman" if roman_to_int(label) else "letter"
    else:
        kind = "letter"
    if kind == "letter" and len(label) > 1:
        return None
    return label, kind, m.end()


def enum_style(printed: str, kind: str) -> str:
    """The shape of an enumerator, which says its list level: ``a.``, ``A.``, ``i.``, ``(a)``, ``1)``, ``1.1``.

    Two entries of one list share a shape; a different shape opens a nested list (or returns to an
    outer one). Case counts (``A.`` is a level under ``1.`` under ``a.`` in legal codes); digits
    and roman numerals are reduced to one symbol each, a dotted number keeps its depth.
    """
    if kind == "roman":
        core = "I" if printed.strip("().-]").isupper() else "i"
        return re.sub(r"[ivxlcdm]+", core, printed, count=1, flags=re.IGNORECASE)
    if kind == "number":
        return re.sub(rf"\d+|(?i:{_NUMBER_WORDS_RE})", "1", printed)
    return re.sub(r"[A-Z]", "A", re.sub(r"[a-z]", "a", printed))


# -- preamble and end matter -------------------------------------------------------------------------
RECITAL_KEYWORDS = re.compile(
    r"^(?:whereas|recogni[sz]ing|considering|noting|desiring|affirming|reaffirming|bearing in mind|"
    r"convinced|aware|conscious|interested|acknowledging|emphasi[sz]ing|taking into (?:account|consideration)|"
    r"mindful|determined|welcoming|recalling|guided|underlining|stressing|seeking|"
    r"reconociendo|considerando|deseando|conscientes|convencid[oa]s|interesad[oa]s|teniendo (?:presentes?|en cuenta)|"
    r"tomando (?:en cuenta|nota|en consideración)|reafirmando|afirmando|destacando|subrayando|recordando|"
    r"decidid[oa]s|animad[oa]s|acogiendo|guiad[oa]s|observando|resuelt[oa]s|atentos|atentas|"
    r"motivad[oa]s|preocupad[oa]s|enfatizando|reiterando|buscando|señalando)\b",
    re.IGNORECASE,
)
CAPS_LEAD = re.compile(rf"^(?:[{_UPPER}]{{2,}}[,]?\s+){{0,3}}[{_UPPER}]{{3,}}\b(?=[\s,:;])")

ENACTING = re.compile(
    r"(?:ha(?:ve|s) (?:reached|agreed|decided|arrived)|agree as follows|agreed as follows|"
    r"ha(?:n)? (?:alcanzado|acordado|convenido|llegado|decidido)|acuerdan|convienen|"
    r"(?:reached|alcanzado) (?:the following|los siguientes))",
    re.IGNORECASE,
)

CLOSING = re.compile(
    r"^(?:signed|done|executed|made|in witness whereof|firmad[oa]|hech[oa]|suscrit[oa]|dad[oa]|celebrad[oa]|"
    r"en testimonio|en fe de lo cual)\b",
    re.IGNORECASE,
)
_CLOSING_FACTS = re.compile(
    r"\b(?:duplicate|duplicado|originals?|originales|ejemplares|copies|languages|idiomas|lenguas|day|día|"
    r"\d{4}|two thousand|dos mil|undersigned|suscritos|authori[sz]ed|autorizad)",
    re.IGNORECASE,
)
# the signatory is named with capitals ("FOR THE DEPARTMENT…", "Por la Secretaría…"), which tells it from
# running text ("For the purposes of this Regulation:")
SIGNATORY = re.compile(
    rf"^(?i:for|on behalf of|por|en nombre de)\s+(?i:the|el|la|los|las)\s+(?:[{_UPPER}]|(?i:del?|of)\s+[{_UPPER}])"
)


def is_recital(text: str, after_preamble: bool) -> bool:
    """A recital opens with a participle or WHEREAS-like keyword; after the preamble, any ALL-CAPS lead
    followed by running text counts too (``BEARING IN MIND``, ``TENIENDO PRESENTES``)."""
    if RECITAL_KEYWORDS.match(text):
        return True
    if not after_preamble:
        return False
    m = CAPS_LEAD.match(text)
    return bool(m) and any(ch.islower() for ch in text[m.end() :])


def is_closing(text: str) -> bool:
    return bool(CLOSING.match(text)) and bool(_CLOSING_FACTS.search(text))
