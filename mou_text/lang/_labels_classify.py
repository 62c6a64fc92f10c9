"""Every label a reader of the classifier's outputs sees, in English and Spanish: the terminal table,
the portfolio page and the review workbook. Kept apart from ``_labels`` (the checker's) so each
capability's wording can be read, and reviewed by a translator, in one place.
"""

from __future__ import annotations

from typing import Any

__all__ = ["CLASSIFY_TEXT", "REVIEW_REASONS", "area_name", "none_label"]

#: Why a document needs a human (``mou_text.classify.review_reasons``), as each language says it.
REVIEW_REASONS = {
    "en": {
        "low_confidence": "low confidence",
        "near_threshold": "near a threshold",
        "abstained": "no area given",
        "disagreement": "differs from the previous run",
    },
    "es": {
        "low_confidence": "confianza baja",
        "near_threshold": "cerca de un umbral",
        "abstained": "sin área asignada",
        "disagreement": "difiere de la ejecución anterior",
    },
}

CLASSIFY_TEXT: dict[str, dict[str, Any]] = {
    "en": {
        "none": "none",
        "none_long": "none of the areas",
        "title": "Portfolio by cooperation area",
        "intro": "Documents tagged with the cooperation areas of the 2012 U.S.–Mexico MOU on gender equality. "
        "A document can belong to several areas, so the counts per area can add up to more than the number of documents.",
        "documents": "documents",
        "labelled": "with at least one area",
        "uncertain": "uncertain",
        "errors": "could not be read",
        "per_area": "Documents per area",
        "per": "Documents per area, by {dim}",
        "count": "number of documents",
        "area": "area",
        "lang": "language",
        "langs": {"en": "English", "es": "Spanish", "": "unknown"},
        "uncertain_title": "Uncertain documents",
        "uncertain_intro": "A score within {margin:.0%} of its area's threshold, or an area given with a score under {confident:.0%}: a person should confirm these (mou-text review).",
        "no_uncertain": "No document is uncertain.",
        "all_title": "Every document",
        "all_intro": "Click a document to see the passage behind each area and the MOU clause it matched.",
        "document": "document",
        "labels": "areas",
        "primary": "primary",
        "reasons": "why",
        "score": "score",
        "evidence": "evidence",
        "clause": "MOU clause",
        "no_evidence": "No area reached its threshold, so there is no evidence to show.",
        "error": "error",
        "signature": "How this was produced",
        "total": "total",
    },
    "es": {
        "none": "ninguna",
        "none_long": "ninguna de las áreas",
        "title": "Cartera por área de cooperación",
        "intro": "Documentos etiquetados con las áreas de cooperación del Memorándum de Entendimiento México–Estados Unidos "
        "de 2012 sobre igualdad de género. Un documento puede pertenecer a varias áreas, por lo que los conteos por área "
        "pueden sumar más que el número de documentos.",
        "documents": "documentos",
        "labelled": "con al menos un área",
        "uncertain": "inciertos",
        "errors": "no se pudieron leer",
        "per_area": "Documentos por área",
        "per": "Documentos por área, según {dim}",
        "count": "número de documentos",
        "area": "área",
        "lang": "idioma",
        "langs": {"en": "inglés", "es": "español", "": "desconocido"},
        "uncertain_title": "Documentos inciertos",
        "uncertain_intro": "Una puntuación a menos de {margin:.0%} del umbral de su área, o un área asignada con una puntuación menor de {confident:.0%}: conviene que una persona los confirme (mou-text review).",
        "no_uncertain": "Ningún documento es incierto.",
        "all_title": "Todos los documentos",
        "all_intro": "Haga clic en un documento para ver el pasaje que sustenta cada área y la cláusula del Memorándum con la que coincide.",
        "document": "documento",
        "labels": "áreas",
        "primary": "principal",
        "reasons": "motivo",
        "score": "puntuación",
        "evidence": "evidencia",
        "clause": "cláusula del Memorándum",
        "no_evidence": "Ninguna área alcanzó su umbral, así que no hay evidencia que mostrar.",
        "error": "error",
        "signature": "Cómo se produjo",
        "total": "total",
    },
}

#: Short area names (the MOU's Section 3 headings are long for a chart axis).
_AREA_SHORT = {
    "en": {"economic": "economic", "social": "social", "security": "security", "justice": "justice"},
    "es": {"economic": "económica", "social": "social", "security": "seguridad", "justice": "justicia"},
}


def area_name(key: str, lang: str = "en") -> str:
    """An area's short name in ``lang`` (the key itself for an area this table does not know)."""
    return _AREA_SHORT.get(lang, _AREA_SHORT["en"]).get(key, key)


def none_label(lang: str = "en") -> str:
    """What an empty label set reads as: "none" / "ninguna"."""
    return CLASSIFY_TEXT.get(lang, CLASSIFY_TEXT["en"])["none"]
