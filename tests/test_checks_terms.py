"""Defined terms, acronyms and the consistency of terms through the Spanish text."""

from __future__ import annotations

import pytest
from _aligndocs import make_doc
from _checkpairs import faithful_pairs, major, run, run_docs, words

from mou_text.check.rules import terms


def test_participants_rendered_as_parties_is_a_major_shift():
    findings, en, es = run(terms, "The Participants may designate representatives.", "Las Partes podrán designar representantes.")
    (f,) = findings
    assert f.kind == "defined_term" and f.severity == "major" and f.check == "terms"
    assert words(en, f.en_span) == "Participants" and words(es, f.es_span) == "Partes"
    assert "Participantes" in f.message and "Participantes" in f.message_es


def test_instrument_name_shift():
    findings, _, es = run(terms, "The objective of this Memorandum of Understanding (MOU) is", "El objetivo del presente Acuerdo (MdE) es")
    (f,) = findings
    assert f.kind == "defined_term" and words(es, f.es_span) == "Acuerdo"


def test_key_term_replaced_within_its_group_is_counted():
    en_text = "Ensuring citizen security is crucial. Activities in the area of citizen security may include:"
    es_text = "Garantizar la seguridad nacional es crucial. Las actividades en materia de seguridad ciudadana podrán incluir:"
    findings, en, es = run(terms, en_text, es_text)
    (f,) = findings
    assert f.severity == "major" and words(es, f.es_span) == "seguridad nacional"
    assert f.en_span[0] < en.text.index("Activities")  # the first English mention is the unanswered one


def test_key_term_left_out_is_minor():
    findings, en, _ = run(terms, "Promoting increased access to justice; and", "Promover una mayor atención a las víctimas; y", kind="item")
    (f,) = findings
    assert f.severity == "minor" and words(en, f.en_span) == "access to justice"


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("Either Participant may terminate it.", "Cualquiera de los Participantes podrá darlo por terminado."),
        ("The Participants recognize that women are agents of change.", "Reconocen que las mujeres son agentes de cambio."),
        ("Full and equal access to justice is a critical element", "El acceso pleno e igualitario a la justicia es un elemento fundamental"),
        ("including gender based violence (GBV)", "incluida la violencia basada en el género (VBG)"),
        ("vaccination or immunization (ESAVI)", "vacunación o inmunización (ESAVI)"),
    ],
)
def test_faithful_terms_are_silent(en_text, es_text):
    findings, _, _ = run(terms, en_text, es_text)
    assert findings == []


def test_acronym_dropped_is_minor():
    findings, en, _ = run(terms, "to combat gender based violence (GBV);", "para combatir la violencia de género;", kind="bullet")
    (f,) = findings
    assert f.kind == "acronym" and f.severity == "minor" and words(en, f.en_span) == "GBV"


def test_unknown_acronym_dropped_is_minor_and_kept_one_is_silent():
    findings, en, _ = run(terms, "the Regional Office (ROHA) and the Board (XBRD)", "la Oficina Regional (ROHA) y la Junta")
    (f,) = findings
    assert f.kind == "acronym" and words(en, f.en_span) == "XBRD"


def _gbv_docs(es_acronyms):
    en_rows = [(f"s3.iii.bullet.{k}", "bullet", f"Item {k} on gender based violence (GBV);") for k in (1, 2, 3)]
    es_rows = [(f"s3.iii.bullet.{k}", "bullet", f"Punto {k} sobre la violencia de género ({a});")
               for k, a in enumerate(es_acronyms, 1)]
    return make_doc("en", en_rows), make_doc("es", es_rows)


def test_inconsistent_acronym_reports_each_odd_one_out():
    en, es = _gbv_docs(["VG", "VBG", "VG"])
    findings = run_docs(terms, en, es)
    (f,) = [f for f in findings if f.kind == "term_consistency"]
    assert f.severity == "minor" and f.es_id == "s3.iii.bullet.2"
    assert words(es, f.es_span) == "VBG" and words(en, f.en_span) == "GBV"
    assert "VG" in f.message and "VG" in f.message_es


def test_consistent_acronym_is_silent():
    en, es = _gbv_docs(["VBG", "VBG", "VBG"])
    assert run_docs(terms, en, es) == []


@pytest.mark.parametrize("name_en_es", list(faithful_pairs()), ids=lambda x: x[0])
def test_faithful_texts_have_no_major_term_finding(name_en_es):
    _, en, es = name_en_es
    assert major(run_docs(terms, en, es)) == []


# --- conventions (issue 12): instrument words inside official titles; licence elements ---


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("the terminology of the Berne Convention for the Protection of Literary and Artistic Works",
         "la terminología del Convenio de Berna para la Protección de las Obras Literarias y Artísticas"),
        ("this Creative Commons Attribution-NoDerivatives 4.0 International Public License",
         "esta Licencia Pública Internacional de Atribución/Reconocimiento-SinDerivados 4.0 de Creative Commons"),
        ("Creative Commons Attribution-ShareAlike 4.0", "Atribución-CompartirIgual 4.0 de Creative Commons"),
    ],
)
def test_official_titles_and_licence_names_are_silent(en_text, es_text):
    findings, _, _ = run(terms, en_text, es_text)
    assert major(findings) == [], findings


def test_a_wrong_licence_element_is_major_with_both_words():
    findings, en, es = run(terms, "this Creative Commons Attribution-NoDerivatives 4.0 International Public License",
                           "esta Licencia Pública Internacional de Atribución/Reconocimiento-NoComercial-CompartirIgual 4.0")
    (f,) = major(findings)
    assert f.kind == "defined_term" and words(en, f.en_span) == "NoDerivatives" and words(es, f.es_span) in ("NoComercial", "CompartirIgual")


def test_an_instrument_shift_outside_a_title_still_fires():
    findings, en, es = run(terms, "The Parties to this Convention shall meet. This Convention enters into force.",
                           "Las Partes en este Tratado se reunirán. Este Tratado entra en vigor.")
    assert [f.kind for f in major(findings)] == ["defined_term"]


def test_a_convention_is_a_convenio_as_the_ilo_and_the_council_of_europe_write_it():
    # ILO conventions ('Convenio sobre igualdad de remuneración, 1951'), the Istanbul and Hague conventions
    findings, _, _ = run(terms, "The Parties to this Convention shall meet. This Convention enters into force.",
                         "Las Partes en este Convenio se reunirán. Este Convenio entra en vigor.")
    assert major(findings) == []


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("Creative Commons has no duty or obligation with respect to this CC0.", "Creative Commons no tiene ningún deber u obligación con respecto a esta CC0."),
        ("does not replace Your obligations under this Public License where the Licensed Rights include Copyright",
         "no reemplaza Sus obligaciones bajo esta Licencia Pública cuando los Derechos Licenciados incluyen Derechos de Autor"),
        ("the rights and obligations of the Parties", "los derechos y obligaciones de las Partes"),
    ],
)
def test_rights_and_duties_rendered_faithfully_are_silent(en_text, es_text):
    findings, _, _ = run(terms, en_text, es_text)
    assert major(findings) == [], findings


def test_a_duty_rendered_as_a_right_is_major():
    findings, en, es = run(terms, "Creative Commons has no duty or obligation with respect to this CC0.",
                           "Creative Commons no tiene ningún derecho u obligación con respecto a esta CC0.")
    (f,) = major(findings)
    assert words(en, f.en_span) == "duty" and words(es, f.es_span) == "derecho"
