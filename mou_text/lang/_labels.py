"""Every bilingual label the package shows a user, in one place.

Clause kinds ("bullet" / "viñeta"), finding kinds and severities, check names, the conformity statement,
language names, the check report's wording (summary, HTML page, workbook, command line). Keeping both languages in one table keeps them in
step: a label added in English without its Spanish is visible here, not in a report.
"""

from __future__ import annotations

from ..errors import ConfigError

#: Language names for messages (detected languages include the confusable ones).
LANG_NAMES = {"en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "it": "Italian", "de": "German"}

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


def upper_first(text: str) -> str:
    """``text`` with its first letter in capitals and the rest as written: ``str.capitalize`` would
    lower-case a unit id in the message (``NSCameraUsageDescription`` → ``nscamerausagedescription``)."""
    return text[:1].upper() + text[1:]


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


#: Finding kinds in both languages, for summaries and the HTML page.
KIND_LABELS = {
    "omission": ("omission", "omisión"),
    "addition": ("addition", "adición"),
    "merge": ("merged clauses", "cláusulas fusionadas"),
    "split": ("split clause", "cláusula dividida"),
    "reorder": ("moved clause", "cláusula reubicada"),
    "list_count": ("list count", "número de elementos de lista"),
    "similarity": ("low similarity", "similitud baja"),
    "length": ("length", "longitud"),
    "language": ("wrong language", "idioma equivocado"),
    "number": ("number", "número"),
    "date": ("date", "fecha"),
    "cross_reference": ("cross-reference", "remisión"),
    "defined_term": ("defined term", "término definido"),
    "acronym": ("acronym", "sigla"),
    "term_consistency": ("term consistency", "coherencia terminológica"),
    "scope_limiter": ("scope limiter", "limitador de alcance"),
    "name": ("name", "nombre"),
    "term": ("term", "término"),
    "modality": ("modality", "modalidad"),
    "negation": ("negation", "negación"),
    "wrong_sense": ("wrong sense", "sentido erróneo"),
    "untranslated": ("untranslated", "sin traducir"),
    "empty_target": ("empty target", "traducción vacía"),
    "source_keys": ("message keys as source", "claves de mensaje como original"),
    "missing_tag": ("missing tag", "etiqueta omitida"),
    "extra_tag": ("extra tag", "etiqueta añadida"),
    "duplicated_tag": ("duplicated tag", "etiqueta duplicada"),
    "reordered_tag": ("reordered tag", "etiqueta desordenada"),
    "malformed_tag": ("malformed tag", "etiqueta mal formada"),
    "inconsistent_translation": ("inconsistent translation", "traducción incoherente"),
    "inconsistent_source": ("one translation, several sources", "una traducción para varios originales"),
    "phrase_addition": ("added phrase", "frase añadida"),
    "phrase_omission": ("omitted phrase", "frase omitida"),
}
SEVERITY_LABELS = {"info": "información", "minor": "menor", "major": "mayor", "critical": "crítica"}
#: The summary's statement when the two texts differ throughout (``check._editions``), and its heading
#: for the findings counted per article or section.
EDITIONS_TEXT = {
    "en": {
        "verdict": "These read as different editions of the text, not a translation: {n} of {m} aligned clauses differ "
                   "(clauses without counterpart, figures, dates or content). Compare the editions article by article.",
        "by_section": "Major or critical findings by article or section ({k} sections):",
        "critical": "critical",
        "more": "… and {k} more sections",
    },
    "es": {
        "verdict": "Estos textos se leen como ediciones distintas del texto, no como una traducción: {n} de {m} cláusulas "
                   "alineadas difieren (cláusulas sin equivalente, cifras, fechas o contenido). Compare las ediciones "
                   "artículo por artículo.",
        "by_section": "Hallazgos mayores o críticos por artículo o sección ({k} secciones):",
        "critical": "críticos",
        "more": "… y {k} secciones más",
    },
}
NO_DIVERGENCE = {
    "en": "no substantive divergence found",
    "es": "no se encontró ninguna divergencia sustantiva",
}


def check_lang(lang: str) -> str:
    """The report languages: a typo must not silently give English (or reach an HTML attribute)."""
    if lang not in ("en", "es"):
        raise ConfigError("report language", f"{lang!r} is not one of the report's languages", "pass lang='en' or lang='es'", code="E243")
    return lang


def kind_label(kind: str, lang: str = "en") -> str:
    en, es = KIND_LABELS.get(kind, (kind.replace("_", " "), kind.replace("_", " ")))
    return es if lang == "es" else en


def severity_label(severity: str, lang: str = "en") -> str:
    return SEVERITY_LABELS.get(severity, severity) if lang == "es" else severity


def finding_terms(severity: str, kind: str, lang: str = "en") -> tuple[str, str]:
    """(severity, kind) as the terse views show them (notebook and CLI tables, CAT-file notes, highlight
    tooltips): the codes in English, which ``to_frame`` holds and a filter matches; the labels in
    Spanish, so a Spanish view reads in Spanish throughout."""
    if lang == "es":
        return severity_label(severity, "es"), kind_label(kind, "es")
    return severity, kind


#: Sheet, column and signature-row names of the check workbook.
WORKBOOK_TEXT = {
    "en": {
        "findings": "Findings",
        "summary": "Summary",
        "headers": ["#", "Severity", "Kind", "EN id", "ES id", "Message", "English text", "Spanish text",
                    "English span", "Spanish span", "Check"],
        "kind": "Kind",
        "total": "Total",
        "result": "Result",
        "signature": "Signature of the run",
        "key": "Key",
        "value": "Value",
        "keys": {"library": "Library version", "encoder": "Encoder", "thresholds": "Thresholds",
                 "glossary": "Glossary version", "checks": "Checks run", "date": "Date"},
    },
    "es": {
        "findings": "Hallazgos",
        "summary": "Resumen",
        "headers": ["#", "Gravedad", "Tipo", "Id EN", "Id ES", "Mensaje", "Texto en inglés", "Texto en español",
                    "Fragmento en inglés", "Fragmento en español", "Verificación"],
        "kind": "Tipo",
        "total": "Total",
        "result": "Resultado",
        "signature": "Firma de la ejecución",
        "key": "Clave",
        "value": "Valor",
        "keys": {"library": "Versión de la biblioteca", "encoder": "Codificador", "thresholds": "Umbrales",
                 "glossary": "Versión del glosario", "checks": "Verificaciones", "date": "Fecha"},
    },
}


#: The batch summary table (``check_many``, ``mou-text check-dir``): column headings and verdicts.
BATCH_TEXT = {
    "en": {
        "title": "Batch conformity check",
        "columns": {"pair": "Pair", "verdict": "Verdict", "critical": "Critical", "major": "Major", "minor": "Minor",
                    "info": "Info", "findings": "Findings", "report": "Report", "json": "JSON", "en": "English file",
                    "es": "Spanish file", "seconds": "Seconds", "error": "Error"},
        "verdicts": {"conformant": "conformant", "divergent": "substantive divergence", "error": "error"},
        "totals": "{n} pairs: {conformant} conformant, {divergent} with substantive divergences, {error} failed",
    },
    "es": {
        "title": "Verificación de conformidad por lotes",
        "columns": {"pair": "Par", "verdict": "Resultado", "critical": "Críticas", "major": "Mayores", "minor": "Menores",
                    "info": "Información", "findings": "Hallazgos", "report": "Informe", "json": "JSON",
                    "en": "Archivo en inglés", "es": "Archivo en español", "seconds": "Segundos", "error": "Error"},
        "verdicts": {"conformant": "conforme", "divergent": "divergencia sustantiva", "error": "error"},
        "totals": "{n} pares: {conformant} conformes, {divergent} con divergencias sustantivas, {error} con error",
    },
}


#: The checks (rule modules of ``check.rules`` and the CAT file's own ``units`` check) by name, in both
#: languages: the ``Check`` column of the workbook and the summary's "Checks run" line. The English name
#: is the module name, which is also what ``--checks`` takes.
CHECK_LABELS = {
    "structure": ("structure", "estructura"),
    "numbers": ("numbers", "cifras y fechas"),
    "names": ("names", "nombres propios"),
    "terms": ("terms", "términos"),
    "modality": ("modality", "modalidad"),
    "negation": ("negation", "negación"),
    "senses": ("senses", "acepciones"),
    "content": ("content", "contenido"),
    "semantic": ("semantic", "semántica"),
    "tags": ("tags", "etiquetas"),
    "consistency": ("consistency", "coherencia"),
    "units": ("units", "unidades"),
}


def check_label(name: str, lang: str = "en") -> str:
    """A check's name for a reader: ``'numbers'`` / ``'cifras y fechas'`` (unknown names as they are)."""
    en, es = CHECK_LABELS.get(name, (name, name))
    return es if lang == "es" else en


#: The CAT file's unit statuses (``check._units``) for the summary's "Units" line.
UNIT_STATUS_LABELS = {
    "checked": ("checked", "verificadas"),
    "untranslated": ("untranslated", "sin traducir"),
    "empty": ("empty target", "traducción vacía"),
    "skipped": ("skipped by state", "omitidas por estado"),
    "locked": ("locked", "bloqueadas"),
    "key": ("message key as source", "claves de mensaje como original"),
}

#: Every other piece of wording of a check report: the text summary, the Markdown table, the side-by-side
#: HTML page (which shows the report's language first and the other after " · "), the notebook view and
#: the ``mou-text check`` table. ``{}`` fields are filled by the renderer; Spanish counts agree in number
#: through the ``_one`` / ``_many`` pairs, English keeps its "(s)".
REPORT_TEXT = {
    "en": {
        "title": "Conformity check",
        "text": "text",
        "compared": "English: {en} ({n_en} clauses) · Spanish: {es} ({n_es} clauses)",
        "aligned": "Aligned pairs: {n} ({n_id} by structural id, {n_sim} by similarity; {one_sided} one-sided)",
        "bilingual_file": "Bilingual file: {source}",
        "units": "Units: {n} paired by the file, none re-aligned ({parts})",
        "checks_run": "Checks run: {checks} · encoder: {encoder}",
        "findings_count": "Findings: {n} ({counts})",
        "result": "Result:",
        "result_ok": "Result: {none} (no major or critical finding).",
        "result_one": "Result: {n} substantive divergence(s) found (major or critical): review them before certifying.",
        "result_many": "Result: {n} substantive divergence(s) found (major or critical): review them before certifying.",
        # the Markdown table and the notebook view
        "severity": "Severity",
        "kind": "Kind",
        "message": "Message",
        "notebook_headers": ["severity", "kind", "EN", "ES", "message"],
        "more": "… {n} more",
        # the side-by-side page
        "signature": "Signature",
        "findings": "Findings",
        "show": "Show",
        "no_findings": "No findings",
        "side_by_side": "Side by side",
        "english": "English",
        "spanish": "Spanish",
        "no_counterpart": "no counterpart",
        "moved": "moved",
        "approved": "approved",
        "divergent_one": "{n} substantive divergence(s) (major or critical)",
        "divergent_many": "{n} substantive divergence(s) (major or critical)",
        "divergent": "substantive divergence(s) (major or critical)",
        # ``mou-text check``: the findings table's columns and the annotated file's line
        "columns": {"#": "#", "severity": "severity", "kind": "kind", "en_id": "en_id", "es_id": "es_id",
                    "state": "state", "message": "message"},
        "annotated": "Annotated: {path}",
    },
    "es": {
        "title": "Verificación de conformidad",
        "text": "texto",
        "compared": "Inglés: {en} ({n_en} cláusulas) · Español: {es} ({n_es} cláusulas)",
        "aligned": "Pares alineados: {n} ({n_id} por identificador estructural, {n_sim} por similitud; {one_sided} sin equivalente)",
        "bilingual_file": "Archivo bilingüe: {source}",
        "units": "Unidades: {n} emparejadas por el archivo, sin realinear ({parts})",
        "checks_run": "Verificaciones: {checks} · codificador: {encoder}",
        "findings_count": "Hallazgos: {n} ({counts})",
        "result": "Resultado:",
        "result_ok": "Resultado: {none} (ningún hallazgo mayor o crítico).",
        "result_one": "Resultado: {n} divergencia sustantiva (mayor o crítica): revísela antes de certificar.",
        "result_many": "Resultado: {n} divergencias sustantivas (mayores o críticas): revíselas antes de certificar.",
        "severity": "Gravedad",
        "kind": "Tipo",
        "message": "Mensaje",
        "notebook_headers": ["gravedad", "tipo", "EN", "ES", "mensaje"],
        "more": "… {n} más",
        "signature": "Firma del análisis",
        "findings": "Hallazgos",
        "show": "Mostrar",
        "no_findings": "Sin hallazgos",
        "side_by_side": "Texto paralelo",
        "english": "Inglés",
        "spanish": "Español",
        "no_counterpart": "sin equivalente",
        "moved": "reubicada",
        "approved": "aprobada",
        "divergent_one": "{n} divergencia sustantiva (mayor o crítica)",
        "divergent_many": "{n} divergencias sustantivas (mayores o críticas)",
        "divergent": "divergencia(s) sustantiva(s) (mayores o críticas)",
        "columns": {"#": "#", "severity": "gravedad", "kind": "tipo", "en_id": "id EN", "es_id": "id ES",
                    "state": "estado", "message": "mensaje"},
        "annotated": "Anotado: {path}",
    },
}


def result_line(n_substantive: int, lang: str = "en") -> str:
    """The summary's verdict line: none found, or how many major or critical findings to review."""
    text = REPORT_TEXT[lang]
    if n_substantive == 0:
        return text["result_ok"].format(none=NO_DIVERGENCE[lang])
    return text["result_one" if n_substantive == 1 else "result_many"].format(n=n_substantive)
