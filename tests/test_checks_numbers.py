"""Numbers, dates and cross-references: changed ones are found with their words, faithful ones are silent."""

from __future__ import annotations

import pytest
from _checkpairs import faithful_pairs, major, run, run_docs, words

from mou_text.check.rules import numbers
from mou_text.lang import digits_value, read_numbers


def kinds(findings):
    return sorted(f.kind for f in findings)


# --- reading numbers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("dos mil doce", "es", 2012),
        ("two thousand and twelve", "en", 2012),
        ("two thousand twenty-four", "en", 2024),
        ("mil novecientos cuarenta y cuatro", "es", 1944),
        ("dos mil millones", "es", 2_000_000_000),
        ("ciento veinte", "es", 120),
        ("a hundred and five", "en", 105),
        ("veintiún", "es", 21),
        ("eighteenth", "en", 18),
        ("vigésimo primero", "es", 21),
        ("1,850", "en", 1850),
        ("1.850", "es", 1850),
        ("1 850", "es", 1850),
        ("1,5 millones", "es", 1_500_000),
        ("1.5 million", "en", 1_500_000),
    ],
)
def test_numbers_in_words_and_digits_are_read(text, lang, value):
    (m,) = read_numbers(text, lang)
    assert m.value == value and m.text == text


def test_digit_groups_and_decimals():
    assert digits_value("1,850") == digits_value("1.850") == digits_value("1 850") == 1850
    assert digits_value("1,5") == digits_value("1.5") == 1.5
    assert digits_value("1.850,50") == 1850.5
    assert digits_value("0.125") == 0.125


def test_articles_and_pronouns_are_soft_and_por_ciento_is_no_number():
    soft = {m.text: m.soft for m in read_numbers("uno de los Participantes, un marco, ambos países", "es")}
    assert soft == {"uno": True, "un": True, "ambos": True}
    assert [m.value for m in read_numbers("quince por ciento", "es")] == [15]
    assert [m.text for m in read_numbers("ninety (90) days", "en")] == ["ninety (90)"]


# --- changed figures ------------------------------------------------------------------------------


def test_changed_number_in_words_is_critical_with_both_spans():
    findings, en, es = run(numbers, "within ninety (90) days of signature", "dentro de los sesenta (60) días siguientes a la firma")
    (f,) = findings
    assert f.kind == "number" and f.severity == "critical" and f.check == "numbers"
    assert words(en, f.en_span) == "ninety (90)" and words(es, f.es_span) == "sesenta (60)"
    assert "90" in f.message and "60" in f.message_es


def test_number_on_one_side_only():
    findings, _en, es = run(numbers, "The Joint Committee shall meet annually.", "El Comité Conjunto se reunirá dos veces al año.")
    (f,) = findings
    assert f.en_span is None and words(es, f.es_span) == "dos"


@pytest.mark.parametrize("es_figure", ["1.850", "1,850", "1 850"])
def test_thousands_separators_match(es_figure):
    findings, _, _ = run(numbers, "exceeds 1,850 cubic meters per second", f"rebase {es_figure} metros cúbicos por segundo")
    assert findings == []


def test_transposed_digits_are_found():
    findings, en, es = run(numbers, "exceeds 1,850 cubic meters per second", "rebase 1.580 metros cúbicos por segundo")
    (f,) = findings
    assert words(en, f.en_span) == "1,850" and words(es, f.es_span) == "1.580"


def test_changed_unit_with_the_same_figure():
    findings, _en, _es = run(numbers, "a period of five (5) years", "un periodo de cinco (5) meses")
    (f,) = findings
    assert f.kind == "number" and "years" in f.message and "meses" in f.message_es


@pytest.mark.parametrize(
    "es_text",
    [
        "Firmado en Washington, D.C., el dieciocho de septiembre de dos mil doce, en dos ejemplares originales.",
        "Firmado en Washington, D.C., a los dieciocho días del mes de septiembre del año dos mil doce, por duplicado.",
        "Firmado en Washington, D.C., el 18 de septiembre de 2012, en dos ejemplares.",
    ],
)
def test_written_out_dates_match_in_every_form(es_text):
    en_text = "Signed in Washington, D.C., in duplicate, this eighteenth day of September, two thousand and twelve."
    findings, _, _ = run(numbers, en_text, es_text, kind="closing")
    assert findings == []


def test_changed_day_of_signature_is_a_date_finding():
    en_text = "Signed in Washington, D.C., in duplicate, this eighteenth day of September, two thousand and twelve."
    es_text = "Firmado en Washington, D.C., el diecinueve de septiembre de dos mil doce, en dos ejemplares originales."
    findings, _en, es = run(numbers, en_text, es_text, kind="closing")
    (f,) = findings
    assert f.kind == "date" and f.severity == "critical"
    assert words(es, f.es_span) == "diecinueve de septiembre de dos mil doce"
    assert "September 18, 2012" in f.message and "19" in f.message


def test_changed_year_in_digits():
    findings, _, es = run(numbers, "signed at Washington on February 3, 1944", "firmado en Washington el 3 de febrero de 1945")
    (f,) = findings
    assert f.kind == "date" and words(es, f.es_span) == "3 de febrero de 1945"


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("referred to in Section 1", "referido en la Sección 1"),
        ("set out in Article IV", "establecido en el Artículo IV"),
        ("set out in Article IV", "establecido en el Artículo 4"),
        ("Article One", "Artículo Primero"),
        ("paragraph 1 of this Article", "el párrafo 1 del presente Artículo"),
        ("the stations listed in the Annex", "las estaciones enumeradas en el Anexo"),
        ("Sections 2 and 3", "las Secciones 2 y 3"),
    ],
)
def test_cross_references_match_across_languages(en_text, es_text):
    findings, _, _ = run(numbers, en_text, es_text)
    assert findings == []


def test_changed_cross_reference():
    findings, en, es = run(numbers, "the objective referred to in Section 1", "el objetivo referido en la Sección 2")
    (f,) = findings
    assert f.kind == "cross_reference" and words(en, f.en_span) == "Section 1" and words(es, f.es_span) == "Sección 2"


def test_dropped_annex_reference():
    findings, en, _ = run(numbers, "the stations listed in the Annex", "las estaciones hidrométricas enumeradas")
    (f,) = findings
    assert f.kind == "cross_reference" and words(en, f.en_span) == "Annex" and f.es_span is None


def test_heading_figures_are_major_not_critical():
    findings, _, _ = run(numbers, "SECTION 3\nForms of Cooperation", "SECCIÓN 4\nFormas de Cooperación", kind="heading")
    assert findings and all(f.severity == "major" for f in findings)


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("one of the Participants", "uno de los Participantes"),
        ("the development of both countries", "el desarrollo de ambos países"),
        ("distributed equally between the two countries", "distribuidas en partes iguales entre ambos países"),
        ("at least twice a year", "por lo menos dos veces al año"),
        ("at least once a year", "al menos una vez al año"),
        ("one or two academic semesters", "uno o dos semestres académicos"),
        ("15% of the budget", "el 15 por ciento del presupuesto"),
        ("USD 1.5 million", "1,5 millones de dólares"),
        ("cubic meters per second", "metros cúbicos por segundo"),
        ("between +2 °C and +8 °C", "entre +2 °C y +8 °C"),
    ],
)
def test_no_noise_from_articles_pronouns_and_idioms(en_text, es_text):
    findings, _, _ = run(numbers, en_text, es_text)
    assert findings == []


@pytest.mark.parametrize("name_en_es", list(faithful_pairs()), ids=lambda x: x[0])
def test_faithful_texts_have_no_major_number_finding(name_en_es):
    _, en, es = name_en_es
    assert major(run_docs(numbers, en, es)) == []


def test_spanish_message_agrees_in_gender():
    """'Número distinto' (masculine), 'Fecha distinta' (feminine): issue 17 found 'Número distinta'."""
    findings, _, _ = run(numbers, "The program trained 300 judges in 2013.", "El programa capacitó a 350 jueces en 2013.")
    changed = [f for f in findings if f.kind == "number"]
    assert changed and changed[0].message_es.startswith("Número distinto:")
    assert "changed" in changed[0].message


# --- conventions (issue 12) ---


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("a worldwide, non-sublicensable license", "una licencia mundial, no transferible a terceros"),
        ("the Licensor or others designated to receive attribution", "el Licenciante o terceros designados para recibir el reconocimiento"),
        ("with the assent of two thirds of the members", "con el asentimiento de las dos terceras partes de los miembros"),
    ],
)
def test_third_parties_and_fractions_are_not_counts(en_text, es_text):
    findings, _, _ = run(numbers, en_text, es_text)
    assert major(findings) == [], findings


def test_a_repeated_value_is_minor_and_a_changed_one_critical():
    findings, _, es = run(numbers, "Attribution 4.0 International Public License", "Atribución 4.0 Licencia Pública Internacional — CC BY 4.0")
    assert [f.severity for f in findings] == ["minor"] and words(es, findings[0].es_span) == "4.0"
    findings, _, es = run(numbers, "Attribution 4.0 International Public License", "Atribución 3.0 Licencia Pública Internacional")
    assert major(findings) and words(es, major(findings)[0].es_span) == "3.0"


def test_three_is_still_a_number():
    findings, _, es = run(numbers, "shared with the other party", "compartido con las tres partes")
    (f,) = major(findings)
    assert words(es, f.es_span) == "tres"
