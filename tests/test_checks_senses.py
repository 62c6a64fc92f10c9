"""Wrong senses (false friends): flagged major with the words on both sides, in both directions;
faithful renderings of the same terms stay silent; a broken trap table is a coded error."""

from __future__ import annotations

import pytest
from _checkpairs import faithful_pairs, run, run_docs, words

from mou_text.check.rules import senses
from mou_text.errors import ModelError
from mou_text.lang import SENSES_PATH, kind_label, load_senses, sense_traps, wrong_senses

# (English, Spanish, the English words named, the Spanish words named): the trap set by an English term
EN_TO_ES = [
    ("The Licensor is not responsible for clearing rights held by third parties.",
     "El Licenciante no es responsable de los derechos de compensación de terceros.", "clearing rights", "compensación"),
    ("The Participant shall reimburse the actual costs of the workshop.",
     "El Participante reembolsará los costos actuales del taller.", "actual", "actuales"),
    ("The Parties shall notify the relevant authority within ten days.",
     "Las Partes notificarán a la autoridad relevante en un plazo de diez días.", "relevant", "relevante"),
    ("The programme will eventually cover every province.",
     "El programa cubrirá eventualmente todas las provincias.", "eventually", "eventualmente"),
    ("The Parties reached a compromise on the budget.",
     "Las Partes alcanzaron un compromiso sobre el presupuesto.", "compromise", "compromiso"),
    ("Each Party shall keep an insurance policy covering the exhibition.",
     "Cada Parte mantendrá una política de seguros que cubra la exposición.", "insurance policy", "política"),
    ("The Ministry will support local shelters for women.",
     "El Ministerio soportará los albergues locales para mujeres.", "support", "soportará"),
    ("Disputes fall under the jurisdiction of the courts of Lima.",
     "Las controversias quedan sujetas a la jurisprudencia de los tribunales de Lima.", "jurisdiction", "jurisprudencia"),
    ("Victims shall receive legal advice free of charge.",
     "Las víctimas recibirán aviso legal gratuito.", "advice", "aviso"),
    ("This provision shall be construed in accordance with domestic law.",
     "Esta disposición se construirá conforme al derecho interno.", "construed", "construirá"),
    ("Neither Party may assign its rights under this Agreement.",
     "Ninguna de las Partes podrá asignar sus derechos en virtud del presente Acuerdo.", "assign its rights", "asignar"),
    ("The delegates will attend the annual meeting in Quito.",
     "Los delegados atenderán la reunión anual en Quito.", "attend the annual meeting", "atenderán"),
    ("The Licensee may sublicense the software to its affiliates.",
     "El Licenciatario podrá subcontratar el programa a sus filiales.", "sublicense", "subcontratar"),
]
# (Spanish, English, the Spanish words named, the English words named): the trap set by a Spanish term
ES_TO_EN = [
    ("Las Partes cumplirán los compromisos asumidos en el presente Memorándum.",
     "The Parties shall fulfil the compromises made in this Memorandum.", "compromisos", "compromises"),
    ("El sistema actual de registro se revisará cada año.",
     "The actual registration system will be reviewed every year.", "actual", "actual"),
    ("Las Partes cubrirán los eventuales gastos de traslado.",
     "The Parties will cover the eventual travel expenses.", "eventuales", "eventual"),
    ("Se protegerán los datos sensibles de las víctimas.",
     "The sensible data of victims will be protected.", "sensibles", "sensible"),
    ("Ambas Partes promoverán políticas públicas de igualdad.",
     "Both Parties will promote public politics on equality.", "políticas públicas", "politics"),
    ("Cada institución actuará en el ámbito de sus respectivas competencias.",
     "Each institution will act within its respective competitions.", "competencias", "competitions"),
    ("Los representantes asistirán a las reuniones del Comité.",
     "The representatives will assist the Committee meetings.", "asistirán a las reuniones", "assist"),
    ("La víctima podrá presentar una demanda ante el juzgado.",
     "The victim may file a demand before the court.", "presentar una demanda", "demand"),
    ("El Participante renuncia a sus derechos sobre la obra.",
     "The Participant resigns its rights in the work.", "renuncia a sus derechos", "resigns"),
    ("La Fiscalía investigará los casos denunciados.",
     "The Fiscal Office will investigate the reported cases.", "Fiscalía", "Fiscal"),
]
# faithful renderings of the same terms: silent
FAITHFUL = [
    ("The Licensor is not responsible for clearing rights held by third parties.",
     "El Licenciante no es responsable de obtener los derechos de terceros."),
    ("The Participant shall reimburse the actual costs of the workshop.",
     "El Participante reembolsará los costos reales del taller."),
    ("The Parties shall notify the relevant authority within ten days.",
     "Las Partes notificarán a la autoridad competente en un plazo de diez días."),
    ("The programme will eventually cover every province.", "Con el tiempo, el programa cubrirá todas las provincias."),
    ("The Parties reached a compromise on the budget.", "Las Partes llegaron a un acuerdo sobre el presupuesto."),
    ("The Parties shall honour their commitments.", "Las Partes cumplirán sus compromisos."),
    ("Each Party shall keep an insurance policy covering the exhibition.",
     "Cada Parte mantendrá una póliza de seguro que cubra la exposición."),
    ("The Ministry will support local shelters for women.", "El Ministerio apoyará los albergues locales para mujeres."),
    ("The current registration system will be reviewed every year.", "El sistema actual de registro se revisará cada año."),
    ("Both Parties will promote public policies on equality.", "Ambas Partes promoverán políticas públicas de igualdad."),
    ("Women's participation in politics will be encouraged.", "Se fomentará la participación de las mujeres en la política."),
    ("Each institution will act within its respective powers.",
     "Cada institución actuará en el ámbito de sus respectivas competencias."),
    ("The representatives will attend the Committee meetings.", "Los representantes asistirán a las reuniones del Comité."),
    ("The Parties will assist the victims of violence.", "Las Partes asistirán a las víctimas de la violencia."),
    ("Demand for these services has grown.", "La demanda de estos servicios ha crecido."),
    ("The Participant waives any right to claim.", "El Participante renuncia a cualquier derecho de reclamación."),
    ("The Public Prosecutor's Office will investigate the reported cases.", "La Fiscalía investigará los casos denunciados."),
    ("The fiscal year begins in January.", "El año fiscal comienza en enero."),
    ("without prejudice to the rights of the Parties", "sin perjuicio de los derechos de las Partes"),
    ("The data are sensitive.", "Los datos son sensibles."),
    ("The Licensee may sublicense the software to its affiliates.",
     "El Licenciatario podrá otorgar sublicencias del programa a sus filiales."),
    ("The Contractor may subcontract the cleaning services.", "El Contratista podrá subcontratar los servicios de limpieza."),
    ("This is a sensible approach.", "Este es un enfoque razonable."),
]


@pytest.mark.parametrize(("en_text", "es_text", "en_words", "es_words"), EN_TO_ES)
def test_english_term_in_a_wrong_spanish_sense_is_major_with_its_words(en_text, es_text, en_words, es_words):
    findings, en, es = run(senses, en_text, es_text)
    (f,) = findings
    assert f.kind == "wrong_sense" and f.severity == "major" and f.check == "senses"
    assert words(en, f.en_span) == en_words and words(es, f.es_span) == es_words
    assert en_words in f.message and es_words in f.message_es


@pytest.mark.parametrize(("es_text", "en_text", "es_words", "en_words"), ES_TO_EN)
def test_spanish_term_in_a_wrong_english_sense_is_major_with_its_words(es_text, en_text, es_words, en_words):
    findings, en, es = run(senses, en_text, es_text)
    (f,) = findings
    assert f.kind == "wrong_sense" and f.severity == "major"
    assert words(es, f.es_span) == es_words and words(en, f.en_span) == en_words
    assert es_words in f.message and en_words in f.message_es


@pytest.mark.parametrize(("en_text", "es_text"), FAITHFUL)
def test_faithful_renderings_of_the_same_terms_are_silent(en_text, es_text):
    findings, _, _ = run(senses, en_text, es_text)
    assert findings == []


def test_a_spanish_trap_is_named_as_such():
    findings, _, _ = run(senses, "Each institution will act within its respective competitions.",
                         "Cada institución actuará en el ámbito de sus respectivas competencias.")
    (f,) = findings
    assert f.message.startswith("Spanish 'competencias'") and "del español" in f.message_es


def test_a_false_friend_of_both_languages_is_one_finding():
    """'actual' ↔ 'actuales' springs the English trap and the Spanish one: the words are named once."""
    findings, _, _ = run(senses, "The actual costs are paid.", "Se pagan los costos actuales.")
    assert [(f.en_text, f.es_text) for f in findings] == [("actual", "actuales")]


def test_the_wrong_word_must_be_in_the_aligned_sentence():
    """'actuales' rendering 'current' in the next sentence does not accuse the 'actual' of this one."""
    en = "The Participant shall reimburse the actual costs. The current rules apply."
    es = "El Participante reembolsará los costos efectivos. Se aplican las normas actuales."
    findings, _, _ = run(senses, en, es)
    assert findings == []
    # and on the same sentence it does
    findings, _, _ = run(senses, "The Participant shall reimburse the actual costs. The rules apply.",
                         "El Participante reembolsará los costos actuales. Se aplican las normas.")
    assert [f.es_text for f in findings] == ["actuales"]


def test_faithful_bilingual_texts_raise_nothing():
    for name, en, es in faithful_pairs():
        assert run_docs(senses, en, es) == [], name


def test_the_table_covers_both_directions_with_notes():
    traps = sense_traps()
    assert len(traps) >= 60
    assert {t.source for t in traps} == {"en", "es"}
    assert len({t.id for t in traps}) == len(traps)
    assert all(t.note and t.target != t.source for t in traps)
    assert kind_label("wrong_sense") == "wrong sense" and kind_label("wrong_sense", "es") == "sentido erróneo"


def test_matcher_reads_inflections_and_accents():
    (hit,) = wrong_senses("They reached compromises.", "en", "Alcanzaron compromisos.")
    assert hit.trap.id == "compromise" and hit.wrong[2] == "compromisos"
    (hit,) = wrong_senses("Proteger datos SENSIBLES.", "es", "Protect SENSIBLE data.")
    assert hit.term[2] == "SENSIBLES" and hit.wrong[2] == "SENSIBLE"
    assert wrong_senses("They reached compromises.", "es", "Alcanzaron compromisos.") == []  # wrong direction


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("[[trap]\nid = 'x'", "E150"),
        ("[[trap]]\nid = 'x'\nfrom = 'fr'\nterm = ['a']\nwrong = ['b']\nok = ['c']\nnote = 'n'", "E151"),
        ("[[trap]]\nid = 'x'\nfrom = 'en'\nterm = ['a']\nwrong = []\nok = ['c']\nnote = 'n'", "E151"),
        ("[[trap]]\nid = 'x'\nfrom = 'en'\nterm = ['a(']\nwrong = ['b']\nok = ['c']\nnote = 'n'", "E152"),
        ("version = '1'", "E153"),
    ],
)
def test_a_broken_table_is_a_coded_error(tmp_path, body, code):
    path = tmp_path / "senses.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ModelError) as err:
        load_senses(path)
    assert err.value.code == code and "senses.toml" in str(err.value)


def test_the_bundled_table_loads():
    assert load_senses(SENSES_PATH) == sense_traps()  # the cached table is the bundled file, read as it is
