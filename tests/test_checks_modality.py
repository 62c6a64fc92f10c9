"""Strength of obligation: permissive < hortatory < intent < binding, and only changes are reported."""

from __future__ import annotations

import pytest
from _checkpairs import faithful_pairs, major, run, run_docs, words

from mou_text.check.rules import modality


def test_may_made_binding_is_critical_with_both_spans():
    findings, en, es = run(modality, "The Participants may designate representatives.", "Los Participantes deberán designar representantes.")
    (f,) = findings
    assert f.kind == "modality" and f.severity == "critical" and f.check == "modality"
    assert words(en, f.en_span) == "may" and words(es, f.es_span) == "deberán"
    assert "strengthened" in f.message and "más fuerte" in f.message_es


@pytest.mark.parametrize("es_verb", ["tendrán que designar", "se obligan a designar", "deben designar"])
def test_other_binding_forms_are_critical(es_verb):
    (f,), _, _ = run(modality, "The Participants may designate representatives.", f"Los Participantes {es_verb} representantes.")
    assert f.severity == "critical"


def test_binding_made_permissive_is_major():
    findings, en, es = run(modality, "The sending Party shall cover the travel expenses.", "La Parte que envía podrá cubrir los gastos de viaje.")
    (f,) = findings
    assert f.severity == "major" and "weakened" in f.message
    assert words(en, f.en_span) == "shall" and words(es, f.es_span) == "podrá"


def test_hortatory_made_permissive_is_major():
    (f,), _, es = run(modality, "Women and girls should be able to avail themselves of remedies.", "Las mujeres y las niñas podrán hacer uso de los recursos.")
    assert f.severity == "major" and words(es, f.es_span) == "podrán"


def test_may_include_rendered_as_a_future_is_major():
    (f,), _, es = run(modality, "Activities may include but are not limited to:", "Las actividades incluirán, de manera enunciativa mas no limitativa:")
    assert f.severity == "major" and words(es, f.es_span) == "incluirán"


def test_permission_stated_as_a_fact():
    (f,), en, _ = run(modality, "Activities may include the following:", "Las actividades incluyen las siguientes:")
    assert f.severity == "major" and words(en, f.en_span) == "may" and f.es_span is None


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("Women and girls should be able to avail themselves of remedies.", "Las mujeres y las niñas deberían poder hacer uso de los recursos."),
        ("This Agreement shall enter into force on the date of its signature.", "El presente Acuerdo entrará en vigor en la fecha de su firma."),
        ("The coordinators will meet twice a year.", "Los coordinadores se reunirán dos veces al año."),
        ("Any activities are subject to the availability of funds and are to be conducted in accordance with the laws.",
         "Las actividades estarán sujetas a la disponibilidad de fondos y se llevarán a cabo de conformidad con las leyes."),
        ("The Participants are dedicated to incorporating gender.", "Los Participantes están dedicados a incorporar la perspectiva de género."),
        ("The Participants intend to offer training.", "Los Participantes tienen la intención de ofrecer capacitación."),
        ("Termination shall not affect exchanges in progress.", "La terminación no afectará los intercambios en curso."),
        ("The loan is not to exceed twelve months.", "El préstamo no excederá de doce meses."),
        ("The objective of this MOU is to provide a framework.", "El objetivo del presente MdE es proporcionar un marco."),
        ("The Participants may also engage in activities as may be mutually decided.", "Los Participantes también podrán llevar a cabo actividades que decidan de mutuo acuerdo."),
        ("so that women can take full advantage of opportunities", "de manera que las mujeres puedan aprovechar plenamente las oportunidades"),
        ("with the political will of both Parties", "con la voluntad política de ambas Partes"),
        ("Signed at Belmopan on 9 May 2024.", "Firmado en Belmopán el 9 de mayo de 2024."),
        ("the Convention on the Means of Prohibiting and Preventing the Illicit Import",
         "la Convención sobre las Medidas que Deben Adoptarse para Prohibir e Impedir la Importación"),
    ],
)
def test_same_strength_is_silent(en_text, es_text):
    findings, _, _ = run(modality, en_text, es_text)
    assert findings == []


def test_read_classifies_spanish_morphology():
    levels = {m.text: (m.lo, m.hi) for m in modality.read("podrán, puede, deberá, deben, deberían poder, tendrá que, habrán de", "es")}
    assert levels == {"podrán": (0, 0), "puede": (0, 0), "deberá": (3, 3), "deben": (3, 3), "deberían": (1, 1),
                      "tendrá que": (3, 3), "habrán de": (2, 3)}
    assert modality.read("no podrán designar", "es") == []  # a prohibition is the negation check's


@pytest.mark.parametrize("name_en_es", list(faithful_pairs()), ids=lambda x: x[0])
def test_faithful_texts_have_no_major_modality_finding(name_en_es):
    _, en, es = name_en_es
    assert major(run_docs(modality, en, es)) == []


# --- conventions of legal Spanish (issue 12): each faithful rendering is silent, each real change fires ---


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("Licensors should read and understand the terms.", "Los licenciantes deben leer y entender los términos."),
        ("No one shall be subjected to torture.", "Nadie podrá ser sometido a tortura."),
        ("No one shall be subjected to torture.", "Nadie será sometido a tortura."),
        ("You may not offer additional terms or apply any measure.", "Usted no podrá ofrecer términos adicionales ni puede aplicar ninguna medida."),
        ("Where not allowed, this limitation may not apply to You.", "Cuando no se permita, a Usted puede no aplicársele esta limitación."),
        ("Everyone is entitled to all the rights and freedoms.", "Toda persona tiene derecho a todos los derechos y libertades."),
        ("Any member may withdraw from the Union.", "Todo miembro tendrá derecho a retirarse de la Unión."),
        ("Any member may withdraw from the Union.", "Todo miembro podrá retirarse de la Unión."),
        ("The Licensor waives and/or agrees not to assert any such rights.", "El Licenciante renuncia y/o se compromete a no hacer valer dichos derechos."),
        ("The proposals are to be submitted to the Congress.", "Las proposiciones deberán ser sometidas al Congreso."),
        ("In those instances it will be considered the Licensor.", "En estos casos debe ser considerado como el Licenciante."),
        ("In those instances it will be considered the Licensor.", "En estos casos se considerará el Licenciante."),
        ("Should any part of the Waiver be judged invalid, the rest shall be preserved.", "Si cualquier parte de la Renuncia fuese juzgada inválida, el resto se conservará."),
        ("Nothing in this License constitutes or may be construed as permission.", "Nada de lo contenido en esta Licencia constituye o puede interpretarse como un permiso."),
        ("In no event will the Licensor be liable to You.", "En ningún caso el Licenciante será responsable ante Usted."),
        ("any privileges that may apply to the Licensor", "cualquier privilegio que le sea aplicable al Licenciante"),
        ("Any amendment is subject to their approval.", "Toda enmienda deberá ser aprobada por ellos."),
    ],
)
def test_legal_conventions_are_silent(en_text, es_text):
    findings, _, _ = run(modality, en_text, es_text)
    assert major(findings) == [], findings


@pytest.mark.parametrize(
    ("en_text", "es_text", "es_word", "severity"),
    [
        ("Licensors should read and understand the terms.", "Los licenciantes deberán leer y entender los términos.", "deberán", "critical"),
        ("Everyone is entitled to education.", "Toda persona deberá recibir educación.", "deberá", "critical"),
        ("Any member may withdraw from the Union.", "Todo miembro deberá retirarse de la Unión.", "deberá", "critical"),
        ("The proposals are to be submitted to the Congress.", "Las proposiciones podrán ser sometidas al Congreso.", "podrán", "major"),
        ("In those instances it will be considered the Licensor.", "En estos casos podrá ser considerado el Licenciante.", "podrá", "major"),
        ("The Licensor agrees not to assert any such rights.", "El Licenciante puede hacer valer dichos derechos.", "puede", "major"),
        ("Any amendment is subject to their approval.", "Toda enmienda podrá estar sujeta a su aprobación.", "podrá", "major"),
    ],
)
def test_real_changes_still_fire(en_text, es_text, es_word, severity):
    findings, _, es = run(modality, en_text, es_text)
    (f,) = major(findings)
    assert f.kind == "modality" and f.severity == severity and words(es, f.es_span) == es_word


def test_a_shift_inside_a_recital_is_minor_and_in_an_operative_paragraph_stays_major():
    # a recital gives reasons and binds no one: 'should continue to govern' ↔ 'han de continuar rigiendo'
    en, es = ("Affirming that the rules of customary law should continue to govern other questions,",
              "Afirmando que las normas del derecho consuetudinario han de continuar rigiendo las demás cuestiones,")
    recital, _, _ = run(modality, en, es, kind="recital")
    assert [f.severity for f in recital] == ["minor"]
    findings, _, _ = run(modality, "The rules should continue to govern other questions.",
                         "Las normas han de continuar rigiendo las demás cuestiones.")
    assert [f.severity for f in major(findings)] == ["major"]
