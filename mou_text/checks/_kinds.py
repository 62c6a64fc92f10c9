"""How a clause kind is named in English and Spanish messages, and how much its loss weighs.

The structure and semantic checks write messages in both languages about *kinds* of clause
("bullet" / "viñeta"); keeping the names in one table keeps the two languages in step.
"""

from __future__ import annotations

#: Clause kinds whose loss or addition changes what the agreement says (severity major).
SUBSTANTIVE_KINDS = frozenset({"preamble", "recital", "paragraph", "item", "bullet", "closing"})

_NAMES = {  # kind: (English, English plural, Spanish, Spanish plural, Spanish article)
    "title": ("title", "titles", "título", "títulos", "el"),
    "preamble": ("preamble", "preambles", "preámbulo", "preámbulos", "el"),
    "recital": ("recital", "recitals", "considerando", "considerandos", "el"),
    "heading": ("heading", "headings", "encabezado", "encabezados", "el"),
    "paragraph": ("paragraph", "paragraphs", "párrafo", "párrafos", "el"),
    "item": ("item", "items", "inciso", "incisos", "el"),
    "bullet": ("bullet", "bullets", "viñeta", "viñetas", "la"),
    "closing": ("closing formula", "closing formulas", "fórmula final", "fórmulas finales", "la"),
    "signature": ("signature block", "signature blocks", "bloque de firma", "bloques de firma", "el"),
}


def kind_name(kind: str, lang: str = "en", *, article: bool = False, plural: bool = False) -> str:
    """``'bullet'`` → ``'bullet'`` / ``'viñeta'``; ``article`` adds ``the`` / ``el``/``la`` (singular only)."""
    en, en_pl, es, es_pl, art = _NAMES.get(kind, (kind, kind + "s", kind, kind + "s", "el"))
    if lang == "es":
        word = es_pl if plural else es
        return f"{art} {word}" if article and not plural else word
    word = en_pl if plural else en
    return f"the {word}" if article else word


def named(kind: str, node_id: str | None, lang: str = "en", *, article: bool = False) -> str:
    """``'bullet s3.i.bullet.2'``; just ``'closing formula'`` when the id only repeats the kind."""
    name = kind_name(kind, lang, article=article)
    return name if not node_id or node_id == kind else f"{name} {node_id}"


def of_the(kind: str) -> str:
    """Spanish "of the <kind>" with the contraction: ``'del párrafo'``, ``'de la viñeta'``."""
    art_word = kind_name(kind, "es", article=True)
    return "del " + art_word[3:] if art_word.startswith("el ") else "de " + art_word


def es_plural_article(kind: str) -> str:
    """``'las'`` for a feminine kind (viñetas, fórmulas), ``'los'`` otherwise."""
    return "las" if _NAMES.get(kind, ("", "", "", "", "el"))[4] == "la" else "los"


def severity_for(kind: str) -> str:
    """Severity of a clause (or a sentence of it) missing on one side."""
    return "major" if kind in SUBSTANTIVE_KINDS else "minor"

