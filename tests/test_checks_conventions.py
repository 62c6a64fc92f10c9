"""Conventions of legal Spanish found in official translations (declarations, licences), in both directions.

Each convention is a faithful rendering the rules must accept, EN→ES and ES→EN, next to the change it
must still catch. The sentences are written for these tests, in the style of rights declarations and
public licences; no official text is copied.
"""

from __future__ import annotations

import pytest
from _checkpairs import major, run, words

from mou_text.check.rules import content, modality, negation

# --- modality --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        # a right held: 'has the right to' ↔ 'tiene derecho a', also with an adverb or words between
        ("Every child has the right to a name.", "Todo niño tiene derecho a un nombre."),
        ("Every worker has the right freely to join a union.", "Todo trabajador tiene derecho a afiliarse libremente a un sindicato."),
        ("All citizens are entitled without any distinction to equal treatment.",
         "Todos los ciudadanos tienen, sin distinción alguna, derecho a igual trato."),
        ("Each member is entitled to all the rights listed here.", "Cada miembro tiene todos los derechos aquí enumerados."),
        ("Both spouses are entitled to equal rights within the household.", "Ambos cónyuges disfrutarán de iguales derechos en el hogar."),
        # the putative 'should' after a word of necessity: a subjunctive in Spanish
        ("Whereas it is essential that the courts should be independent,",
         "Considerando esencial que los tribunales sean independientes,"),
        # an obligation restricted by 'only' is a permission restricted by 'solo'
        ("A lease shall be signed only with the consent of both owners.",
         "Solo con el consentimiento de ambos propietarios podrá firmarse un arrendamiento."),
        ("The fund may be used only for training.", "El fondo deberá utilizarse solo para capacitación."),
        # a possibility stated as a fact; an idiom that is not a permission
        ("Each person has duties to the group in which alone full growth is possible.",
         "Toda persona tiene deberes respecto al grupo, puesto que solo en él puede crecer plenamente."),
        ("The report is sent by post or by email, as the case may be.", "El informe se envía por correo postal o electrónico, según el caso."),
        # the negation after the modal: a prohibition, the negation rule's business
        ("These powers may in no case be delegated.", "Estas facultades no podrán, en ningún caso, delegarse."),
    ],
)
def test_modality_conventions_are_silent(en_text, es_text):
    findings, _, _ = run(modality, en_text, es_text)
    assert major(findings) == []


def test_a_right_made_an_obligation_is_still_found_en_to_es():
    findings, _, es = run(modality, "Every child has the right to a name.", "Todo niño deberá tener un nombre.")
    (f,) = major(findings)
    assert words(es, f.es_span) == "deberá" and f.severity == "critical"


def test_an_obligation_made_a_right_is_still_found_es_to_en():
    findings, en, es = run(modality, "Every owner shall register the lease.", "Todo propietario tiene derecho a registrar el arrendamiento.")
    (f,) = major(findings)
    assert words(en, f.en_span) == "shall" and words(es, f.es_span) == "tiene derecho a"


def test_should_outside_a_that_clause_still_needs_its_modal():
    findings, en, _ = run(modality, "The courts should publish their rulings.", "Los tribunales publican sus sentencias.")
    (f,) = major(findings)
    assert words(en, f.en_span) == "should"


def test_solo_without_only_does_not_excuse_a_weakened_obligation():
    findings, en, es = run(modality, "A lease shall be signed with the consent of both owners.",
                           "Con el consentimiento de ambos propietarios podrá firmarse un arrendamiento.")
    (f,) = major(findings)
    assert words(en, f.en_span) == "shall" and words(es, f.es_span) == "podrá"


# --- negation and scope limiters ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        # 'without any limitation due to' negates (it is not the illustrative 'without limitation')
        ("Adults, without any limitation due to origin, may vote.", "Los adultos, sin restricción alguna por motivos de origen, podrán votar."),
        # 'regardless of' ↔ 'sin limitación de'
        ("Everyone may receive news regardless of borders.", "Toda persona podrá recibir noticias sin limitación de fronteras."),
        # postposed 'alone' ↔ 'solo'
        ("The society in which alone a person can flourish.", "La sociedad, puesto que solo en ella puede una persona prosperar."),
        # 'only if' ↔ 'a condición de que'
        ("The member acts only if the board agrees.", "El miembro actúa a condición de que la junta esté de acuerdo."),
        # a quoted 'only' is still a limiter: 'Version 2 only' ↔ «versión 2 solamente»
        ("Send it under this version, for example by writing 'Version 2 only'.",
         "Envíelo con esta versión, por ejemplo, escribiendo «versión 2 solamente»."),
        # 'entre otras partes' is 'between other parties', not 'among others'
        ("Disputes between other parties go to the local court.", "Los litigios entre otras partes se someten al tribunal local."),
        ("Without prejudice of Article 4, this text is the whole agreement.",
         "No obstante lo dispuesto en el artículo 4, este texto es el acuerdo completo."),
    ],
)
def test_negation_conventions_are_silent(en_text, es_text):
    findings, _, _ = run(negation, en_text, es_text)
    assert major(findings) == []


def test_without_limitation_still_opens_a_list_en_to_es():
    findings, en, _ = run(negation, "Fees cover, without limitation, rent and heating.", "Las cuotas cubren el alquiler y la calefacción.")
    (f,) = major(findings)
    assert f.kind == "scope_limiter" and "without limitation" in words(en, f.en_span)


def test_entre_otros_still_opens_a_list_es_to_en():
    findings, _, es = run(negation, "Fees cover rent and heating.", "Las cuotas cubren, entre otros, el alquiler y la calefacción.")
    (f,) = major(findings)
    assert f.kind == "scope_limiter" and words(es, f.es_span) == "entre otros"


def test_an_added_only_is_still_found_es_to_en():
    findings, _, es = run(negation, "The member may vote.", "El miembro solamente podrá votar.")
    (f,) = major(findings)
    assert words(es, f.es_span) == "solamente"


def test_a_dropped_sin_restriccion_is_still_found_en_to_es():
    findings, en, _ = run(negation, "Adults, without any limitation due to origin, may vote.", "Los adultos, por motivos de origen, podrán votar.")
    (f,) = major(findings)
    assert f.kind == "negation" and words(en, f.en_span) == "without"


# --- key nouns -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("Everyone has the right to rest.", "Toda persona tiene derecho al descanso."),
        ("All workers are entitled to equal protection.", "Todos los trabajadores tienen derecho a igual protección."),
        ("Acts that have outraged the conscience of mankind.", "Actos que han ultrajado la conciencia del hombre."),
        ("No one shall be deprived of his property.", "Nadie será privado de su propiedad."),
        ("No one shall interfere with his privacy.", "Nadie interferirá en su vida privada."),
        ("Benefits in the event of sickness or disability.", "Prestaciones en caso de enfermedad o invalidez."),
        ("Freedom to pray alone or in community with others.", "Libertad de rezar individual y colectivamente."),
        ("Respect shall be promoted by teaching.", "Se promoverá el respeto mediante la enseñanza."),
        ("This right may not be invoked in prosecutions for common crimes.",
         "Este derecho no podrá invocarse contra una acción judicial por delitos comunes."),
    ],
)
def test_key_noun_conventions_are_silent(en_text, es_text):
    findings, _, _ = run(content, en_text, es_text)
    assert major(findings) == []


@pytest.mark.parametrize(
    ("en_text", "es_text", "side", "word"),
    [
        # ES→EN: a plural 'hombres' (men) is not the generic 'el hombre'
        ("Acts that have outraged people.", "Actos que han ultrajado a los hombres.", "es", "hombres"),
        # EN→ES: 'private' dropped, though the Spanish says 'privado de'
        ("A private company shall not be deprived of its assets.", "Una empresa no será privada de sus bienes.", "en", "private"),
        # EN→ES: people who teach are still a key noun
        ("Teachers shall be trained.", "Se impartirá formación.", "en", "Teachers"),
        # ES→EN: 'tiene derecho a' only answers; an added noun 'derechos' is still reported
        ("Every member pays a fee.", "Todo miembro paga una cuota y conserva sus derechos.", "es", "derechos"),
    ],
)
def test_key_nouns_without_counterpart_are_still_found(en_text, es_text, side, word):
    findings, en, es = run(content, en_text, es_text)
    doc, spans = (en, [f.en_span for f in major(findings) if f.en_span]) if side == "en" else (es, [f.es_span for f in major(findings) if f.es_span])
    assert word in [words(doc, s) for s in spans]
