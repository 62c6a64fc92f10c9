"""Web-page furniture in text, English and Spanish: the lines a copied or saved page carries that are not
the document — share buttons, menus and breadcrumbs, "skip to main content", cookie and copyright
notices, photo credits and timestamps, and the "related stories" headlines that follow a "te puede
interesar" line.

Real documents come to the classifier as pages saved from the web or pasted from a browser, and this
furniture is not neutral: a block of unrelated headlines ("Police arrest suspects in car theft ring")
reads as security, a menu dilutes every passage and every n-gram count it joins. Inside furniture
written by someone who never saw these rules (``benchmarks/data/furniture.json``), the verbatim real
excerpts' dev set falls from macro-F1 0.901 to 0.866–0.879; with this filter it scores 0.868–0.877 and
leaves fewer positives empty (5.4–6.2% against 7.1–8.0%) — a small gain, not a cure: lines of shapes
the rules do not know (section-name bars, bylines, app prompts, most footers) stay
(``benchmarks/classify_furniture.py``, docs/benchmarks.md, round 5).

The rule is per line and conservative: a line goes only when it is made of interface words alone, is a
menu or breadcrumb (four short items of interface words between separators, or three between » or >
marks), is a copyright line or a cookie banner, is a credit or
timestamp line, or is a headline in a block that a "related" line opens. A sentence of the document
that says "compartir" or "cookies" in passing stays, because it has words of its own; so do table rows
and headings with content words. Blanking (spaces
over the line, newlines kept) instead of deleting keeps every offset into the text valid, so evidence
still points at the text the user passed in. No library fits: boilerplate removers (jusText,
trafilatura) read HTML structure — link density, tags — which pasted text has lost.
"""

from __future__ import annotations

import re

from ._fold import fold

__all__ = ["BOILERPLATE_VERSION", "blank_boilerplate", "boilerplate_spans"]

#: Bumped whenever what counts as furniture changes (it is in the classifier's signature).
BOILERPLATE_VERSION = "web-furniture-1"

# Interface words: share and follow buttons, navigation, reading prompts, section names of news sites.
# Folded (lower case, no accents). A line made only of interface and function words, with at least one
# interface word, is furniture (so "en la de" alone is not).
_UI_ANCHOR_WORDS = """
    compartir comparte compartelo share shares shared tweet tuitear tuit facebook twitter whatsapp linkedin
    telegram pinterest instagram youtube tiktok threads bluesky email correo mail imprimir print copiar copy
    enlace link url siguenos follow us seguir enviar send x guardar save comentarios comentario comments comment
    menu buscar search busqueda inicio home cerrar close skip main content contenido principal volver back top
    arriba anterior siguiente previous next leer read more mas ver see all todo todas todos view noticias
    noticia news suscribete suscribirse suscripcion subscribe subscription newsletter boletin registrate
    register sign up log in iniciar sesion login publicidad advertisement anuncio anuncios ad ads sponsored
    patrocinado video videos audio escuchar listen podcast galeria gallery fotos photos nacional internacional
    estados estado economia deportes espectaculos opinion cultura tecnologia politica sociedad ciencia salud
    mundo world business sports politics entertainment local editorial columnas columna columnists blog blogs
    lifestyle tendencias trending ultima ultimas hora latest portada edicion impresa click clic haz pulsa
    minutos minute minutes min lectura reading time tiempo
    """
_FUNCTION_WORDS = "e ir al a la el los las to en on via por by de del and y or o with con your tu su our nuestro nuestra aqui here"
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
_UI_ANCHORS = frozenset(_UI_ANCHOR_WORDS.split())
_UI = _UI_ANCHORS | _FUNCTION
_WORD = re.compile(r"[^\W\d_]+")
_MENU_SEP = re.compile(r"\s(?:\||•|·|»|›|/|>)\s|\s*\|\s*")
_NOTICE = re.compile(
    r"©|\(c\)\s*(?:19|20)\d\d|derechos reservados|all rights reserved"
    r"|\bcookies?\b.*\b(?:acept|accept|privac|naveg|brows|experienc|consent|configur|setting|polic)"
    r"|\b(?:acept|accept|privac|naveg|brows|experienc|consent|configur|setting|polic)\w*\b.*\bcookies?\b"
)
# Legal links, furniture only on a short line of their own ("Aviso de privacidad | Contacto").
_LEGAL_LINK = re.compile(
    r"aviso de privacidad|politica de privacidad|privacy (?:policy|notice)|terminos y condiciones|terms (?:of use|of service|and conditions)"
)
_CREDIT = re.compile(
    r"^(?:foto(?:grafia)?s?|photo(?:graph)?s?|imagen(?:es)?|images?|creditos?:|credits?:|ilustracion|illustration"
    r"|publicado|actualizado|published|updated|posted|last updated|ultima actualizacion|fecha de publicacion)\b"
)
_RELATED = re.compile(
    r"^(?:tambien )?(?:te puede interesar|le puede interesar|te recomendamos|recomendamos|notas? relacionadas?"
    r"|noticias relacionadas|articulos relacionados|contenido relacionado|relacionad[oa]s?|lo mas (?:leido|visto)"
    r"|mas leid[oa]s|mas noticias|lee tambien|leer tambien|ver tambien|related(?: articles| stories| news| content| posts| coverage)?"
    r"|you (?:may|might) also like|more from\b.*|more news|most (?:read|popular|viewed)|recommended(?: for you)?"
    r"|read also|see also|also read|trending now)\b[\s:.!]*$"
)
# A table row (markdown pipes at the start, or pipes and figures) is content, however short its cells.
_TABLE = re.compile(r"^\s*\||\|.*\d|\d.*\|")
_BREADCRUMB = re.compile(r"\s[>»›]\s")
_SENTENCE_END = re.compile(r"[.;:!?…»\"”)]\s*$")


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the lines of ``text`` that are page furniture, in order: a line that is
    furniture by its own shape (:func:`_furniture_line`), or a headline of a block a "related" line opens."""
    spans: list[tuple[int, int]] = []
    related = 0  # lines left in an open "related stories" block
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        folded = fold(stripped)
        words = _WORD.findall(folded)
        if _RELATED.match(folded):
            spans.append((start, end))
            related = 12
            continue
        if related and len(words) <= 25 and not (_SENTENCE_END.search(stripped) and len(words) >= 8):
            spans.append((start, end))  # a headline of the block
            related -= 1
            continue
        related = 0
        if _furniture_line(stripped, folded, words):
            spans.append((start, end))
    return spans


def _furniture_line(line: str, folded: str, words: list[str]) -> bool:
    if (len(words) <= 60 and _NOTICE.search(folded)) or (len(words) <= 12 and _LEGAL_LINK.search(folded)):
        return True
    if _TABLE.search(line):
        return False
    if not words:  # a rule, a row of symbols or numbers alone ("—— 1 2 3 ——")
        return len(line) <= 40
    if len(words) <= 12 and all(w in _UI for w in words) and any(w in _UI_ANCHORS for w in words):
        return True
    items = [s for s in _MENU_SEP.split(folded) if s.strip()]
    crumbs = bool(_BREADCRUMB.search(line))
    if len(items) >= (3 if crumbs else 4) and sum(len(_WORD.findall(s)) for s in items) / len(items) <= 3:
        # a menu ("Inicio | Nacional | Estados | Deportes") is interface words; a breadcrumb
        # ("Home > News > Latin America") is any words between its marks; a table header
        # ("Product | Women | Men | Gap") is neither
        ui = sum(any(w in _UI_ANCHORS for w in _WORD.findall(s)) for s in items)
        if crumbs or ui * 2 >= len(items):
            return True
    return len(words) <= 15 and bool(_CREDIT.match(folded)) and (len(words) <= 8 or not _SENTENCE_END.search(line))


def blank_boilerplate(text: str) -> str:
    """``text`` with its furniture lines overwritten by spaces: same length, same offsets, newlines kept.
    A text that is furniture throughout is returned as it is (there would be nothing left to read)."""
    spans = boilerplate_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append(" " * (end - start))
        pos = end
    parts.append(text[pos:])
    out = "".join(parts)
    return out if out.strip() else text
