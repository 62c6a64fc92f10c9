"""Negations and scope limiters on one side only; idioms and double negation stay silent."""

from __future__ import annotations

import pytest
from _checkpairs import faithful_pairs, major, run, run_docs, words

from mou_text.check.rules import negation


def test_dropped_negation_is_critical():
    findings, en, _ = run(negation, "Termination shall not affect exchanges in progress.", "La terminación afectará los intercambios en curso.")
    (f,) = findings
    assert f.kind == "negation" and f.severity == "critical" and f.check == "negation"
    assert words(en, f.en_span) == "not" and f.es_span is None
    assert "opposite" in f.message and "contrario" in f.message_es


def test_added_negation_is_critical_with_the_spanish_word():
    findings, _, es = run(negation, "Equal participation of women is necessary.", "La participación igualitaria de las mujeres no es necesaria.")
    (f,) = findings
    assert f.severity == "critical" and words(es, f.es_span) == "no" and f.en_span is None


def test_negative_word_turned_positive():
    findings, en, _ = run(negation, "whose full potential has too often gone untapped", "cuyo pleno potencial, con demasiada frecuencia, ha sido aprovechado")
    (f,) = findings
    assert f.severity == "major" and words(en, f.en_span) == "untapped"


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("This MOU is not intended to create legally binding rights or obligations.", "El presente MDE no tiene por objeto crear derechos ni obligaciones jurídicamente vinculantes."),
        ("It shall neither create rights nor impose obligations.", "No creará derechos ni impondrá obligaciones."),
        ("No Party shall take any measure.", "Ninguna de las Partes adoptará medida alguna."),
        ("whose full potential has too often gone untapped", "cuyo pleno potencial, con demasiada frecuencia, no ha sido aprovechado"),
        ("the public, private and non-governmental sectors", "los sectores público, privado y no gubernamental"),
        ("on a continuous basis and free of charge", "de manera continua y sin costo alguno"),
        ("However, the Parties agree.", "Sin embargo, las Partes convienen."),
        ("Notwithstanding the above, the Parties agree.", "No obstante lo anterior, las Partes convienen."),
        ("not only women but also girls", "no solo las mujeres sino también las niñas"),
        ("without prejudice to the rights of the Parties", "sin perjuicio de los derechos de las Partes"),
        ("Unless otherwise agreed, the sending Party", "Salvo que se acuerde otra cosa, la Parte que envía"),
        ("upon the packing and unpacking of each object", "al embalar y desembalar cada objeto"),
        ("regardless of their nationality", "con independencia de su nacionalidad"),
    ],
)
def test_faithful_negation_is_silent(en_text, es_text):
    findings, _, _ = run(negation, en_text, es_text)
    assert findings == []


@pytest.mark.parametrize(
    "es_text",
    [
        "Las actividades podrán incluir, de manera enunciativa mas no limitativa:",
        "Las actividades podrán comprender, entre otras, las siguientes:",
        "Las actividades podrán incluir, sin limitarse a ello, las siguientes:",
    ],
)
def test_non_exhaustive_limiter_renderings_match(es_text):
    findings, _, _ = run(negation, "Activities may include but are not limited to:", es_text)
    assert findings == []


def test_dropped_non_exhaustive_limiter_is_major_and_not_a_negation():
    findings, en, _ = run(negation, "Activities may include but are not limited to:", "Las actividades podrán incluir:")
    (f,) = findings
    assert f.kind == "scope_limiter" and f.severity == "major" and words(en, f.en_span) == "but are not limited to"


def test_added_only_is_major():
    findings, _, es = run(negation, "The Participants identify the following areas:", "Los Participantes identifican únicamente las siguientes áreas:")
    (f,) = findings
    assert f.kind == "scope_limiter" and words(es, f.es_span) == "únicamente"


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("up to forty (40) scholarships", "hasta cuarenta (40) becas"),
        ("at least twice a year", "por lo menos dos veces al año"),
        ("which normally is not to exceed twelve (12) months", "que normalmente no excederá de doce (12) meses"),
        ("the Parties shall, inter alia:", "las Partes, entre otras cosas:"),
        ("the only way", "la única manera"),
        ("from the moment they are removed until their return", "desde el momento en que sean retirados hasta su regreso"),
    ],
)
def test_bounds_and_limiters_match(en_text, es_text):
    findings, _, _ = run(negation, en_text, es_text)
    assert findings == []


def test_dropped_minimum_is_major():
    findings, en, _ = run(negation, "shall meet at least once a year", "se reunirá una vez al año")
    (f,) = findings
    assert f.kind == "scope_limiter" and words(en, f.en_span) == "at least"


@pytest.mark.parametrize("name_en_es", list(faithful_pairs()), ids=lambda x: x[0])
def test_faithful_texts_have_no_major_negation_finding(name_en_es):
    _, en, es = name_en_es
    assert major(run_docs(negation, en, es)) == []


# --- conventions of legal Spanish (issue 12): each faithful rendering is silent, each real change fires ---


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("Everyone is presumed innocent until proved guilty according to law.", "Toda persona se presume inocente mientras no se pruebe su culpabilidad conforme a la ley."),
        ("Everyone is presumed innocent until proved guilty.", "Toda persona se presume inocente hasta que se pruebe su culpabilidad."),
        ("Everyone is entitled to these rights without distinction of any kind.", "Toda persona tiene estos derechos sin distinción alguna."),
        ("unless otherwise agreed by the Parties", "a menos que las Partes acuerden otra cosa"),
        ("No one shall be held in slavery.", "Nadie estará sometido a esclavitud."),
        ("They shall neither create rights nor impose obligations.", "Ni crearán derechos ni impondrán obligaciones."),
        ("the presence or absence of errors, whether or not known or discoverable", "la presencia o ausencia de errores, sean o no conocidos o detectables"),
        ("the presence or absence of errors, whether or not discoverable", "la presencia o ausencia de errores, ya sean detectables o no."),
        ("This includes, without limitation, warranties of title.", "Esto incluye, de manera no taxativa, las garantías de titularidad."),
        ("include a non-exhaustive list of works", "incluyen una lista no taxativa de obras"),
        ("The considerations are not exhaustive.", "Las consideraciones no son exhaustivas."),
        ("Rights include, but are not limited to, the following:", "Los derechos incluyen, pero no están limitados a, lo siguiente:"),
        ("the rights, which are limited to all Copyright", "los derechos, los cuales se limitan a todos los Derechos de Autor"),
        ("Creative Commons is not a law firm and does not provide legal services and does not create a relationship.",
         "Creative Commons no es una firma de abogados ni ofrece servicios legales ni genera una relación."),
        ("The Licensor is not a party. It does not create any obligation and gives no warranty.",
         "El Licenciante no es parte. No genera ninguna obligación ni ofrece garantía alguna."),
        ("Share the Licensed Material for NonCommercial purposes only.", "Compartir el Material Licenciado solo para fines NoComerciales."),
        ("Any use of the Work other than as authorized under this license is prohibited.", "Está prohibido todo uso de la Obra no autorizado por la presente licencia."),
        ("by wire or wireless means", "por medios alámbricos o inalámbricos"),
        ("for the sole and exclusive purposes of this license", "para el sólo y exclusivo propósito de esta licencia"),
        ("a worldwide, royalty-free, non-sublicensable, non-exclusive license", "una licencia mundial, gratuita, no transferible a terceros, no exclusiva"),
    ],
)
def test_legal_conventions_are_silent(en_text, es_text):
    findings, _, _ = run(negation, en_text, es_text)
    assert findings == []


@pytest.mark.parametrize(
    ("en_text", "es_text", "kind", "es_word"),
    [
        ("No one shall be held in slavery.", "Cualquiera estará sometido a esclavitud.", "negation", None),
        ("any errors, whether or not known", "cualquier error no conocido", "negation", "no"),
        ("The considerations are not exhaustive.", "Las consideraciones son exhaustivas.", "scope_limiter", None),
        ("This includes warranties, without limitation, of title.", "Esto incluye las garantías de titularidad.", "scope_limiter", None),
        ("Share the Licensed Material.", "Compartir el Material Licenciado solamente para fines NoComerciales.", "scope_limiter", "solamente"),
        ("under any voluntary or waivable statutory or compulsory licensing scheme", "bajo cualquier esquema de licenciamiento voluntario, renunciable o no renunciable", "negation", "no"),
        ("The Licensor waives the right to collect royalties.", "El Licenciante se reserva el derecho a recaudar regalías para usos distintos de los no comerciales.", "negation", "no"),
    ],
)
def test_real_changes_still_fire(en_text, es_text, kind, es_word):
    findings, _, es = run(negation, en_text, es_text)
    hits = major(findings, {kind})
    assert hits, findings
    if es_word:
        assert words(es, hits[0].es_span) == es_word


def test_negation_is_compared_per_aligned_sentence():
    """Both clauses negate, but the second sentence says the opposite: the count no longer hides it."""
    findings, _, es = run(negation, "The Licensor is not a party. It creates obligations.", "El Licenciante no es parte. No genera obligaciones.")
    (f,) = findings
    assert f.kind == "negation" and f.severity == "major" and words(es, f.es_span) == "No"
