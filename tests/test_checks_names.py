"""Names: institutions and places through the glossary, other names through capitalisation."""

from __future__ import annotations

import pytest
from _aligndocs import make_doc
from _checkpairs import faithful_pairs, major, run, run_docs, words

from mou_text.check.rules import names
from mou_text.glossary import load_glossary


def test_institution_replaced_by_another_is_critical_with_both_spans():
    findings, en, es = run(
        names,
        "The Department of State of the United States of America and the Secretariat of Foreign Relations",
        "El Departamento de Justicia de los Estados Unidos de América y la Secretaría de Relaciones Exteriores",
        kind="preamble",
    )
    (f,) = findings
    assert f.kind == "name" and f.severity == "critical" and f.check == "names"
    assert words(en, f.en_span) == "Department of State" and words(es, f.es_span) == "Departamento de Justicia"
    assert "Departamento de Estado" in f.message and "Departamento de Estado" in f.message_es


def test_changed_place_is_major():
    findings, en, es = run(names, "Signed in Washington, D.C., in duplicate.", "Firmado en la Ciudad de México, en dos ejemplares.", kind="closing")
    (f,) = findings
    assert f.severity == "major" and words(en, f.en_span) == "Washington, D.C." and words(es, f.es_span) == "Ciudad de México"


def test_missing_institution_without_replacement_is_major():
    findings, en, _ = run(names, "in cooperation with the World Health Organization", "en cooperación con los organismos internacionales")
    (f,) = findings
    assert f.severity == "major" and f.es_span is None and words(en, f.en_span) == "World Health Organization"


def test_name_outside_the_glossary_dropped_in_spanish():
    findings, en, _ = run(names, "from Fort Quitman, Texas, to the Gulf of Mexico", "desde Fort Worth, Texas, hasta el Golfo de México")
    (f,) = findings
    assert f.kind == "name" and words(en, f.en_span) == "Quitman"


def test_name_added_in_spanish():
    findings, _, es = run(names, "the departments of Petén and Izabal", "los departamentos de Petén, Izabal y Zacapa")
    (f,) = findings
    assert f.en_span is None and words(es, f.es_span) == "Zacapa"


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("the Belize–Guatemala border area", "la zona fronteriza entre Belice y Guatemala"),
        ("RECOGNIZING the role of women", "RECONOCIENDO el papel de las mujeres"),
        ("Promoting Economic Empowerment and Opportunity for Women and Girls:", "Promover el Empoderamiento Económico y las Oportunidades para las Mujeres y las Niñas:"),
        ("mathematics (STEM) fields", "matemáticas (STEM, por sus siglas en inglés)"),
        ("the Amistad and Falcon international reservoirs", "las presas internacionales La Amistad y Falcón"),
        ("the Colorado and Tijuana Rivers and of the Rio Grande", "los Ríos Colorado, Tijuana y Bravo"),
        ("Mexican institutions", "las instituciones de México"),
        ("in the English and Spanish languages", "en los idiomas español e inglés"),
    ],
)
def test_faithful_renderings_of_names_are_silent(en_text, es_text):
    findings, _, _ = run(names, en_text, es_text)
    assert findings == []


def test_user_glossary_entries_are_used(tmp_path):
    en_text, es_text = "a report of the Binational Working Group", "un informe del Grupo de Trabajo Bilateral"
    assert run(names, en_text, es_text)[0] == []  # common words only: nothing to go by without an entry
    path = tmp_path / "project.tsv"
    path.write_text("en\tes\ttype\tnote\nBinational Working Group\tGrupo de Trabajo Binacional\tinstitution\t\n",
                    encoding="utf-8")
    for glossary in (load_glossary(path), str(path)):
        (f,) = run(names, en_text, es_text, glossary=glossary)[0]
        assert f.severity == "major" and "Grupo de Trabajo Binacional" in f.message


@pytest.mark.parametrize("name_en_es", list(faithful_pairs()), ids=lambda x: x[0])
def test_faithful_texts_have_no_major_name_finding(name_en_es):
    _, en, es = name_en_es
    assert major(run_docs(names, en, es)) == []


# --- conventions (issue 12): defined terms, exonyms, common words, one finding per name ---


def test_a_defined_term_is_not_a_name():
    en = make_doc("en", [("s1.p1", "paragraph", 'A certain person (the "Affirmer") associates CC0 with a Work.'),
                         ("s1.p2", "paragraph", "The Affirmer waives all rights.")])
    es = make_doc("es", [("s1.p1", "paragraph", "Una persona (el “Afirmante”) asocia CC0 a una Obra."),
                         ("s1.p2", "paragraph", "El Afirmante renuncia a todos los derechos.")])
    assert [f for f in run_docs(names, en, es) if f.es_text == "Afirmante"] == []


def test_an_added_name_still_fires_next_to_defined_terms():
    en = make_doc("en", [("s1.p1", "paragraph", 'A certain person (the "Affirmer") associates CC0 with a Work.'),
                         ("s1.p2", "paragraph", "The Affirmer waives all rights.")])
    es = make_doc("es", [("s1.p1", "paragraph", "Una persona (el “Afirmante”) asocia CC0 a una Obra."),
                         ("s1.p2", "paragraph", "El Afirmante renuncia en Quitman a todos los derechos.")])
    (f,) = major(run_docs(names, en, es))
    assert f.es_text == "Quitman"


def test_a_name_is_reported_once_per_document():
    en = make_doc("en", [("s1.p1", "paragraph", "The Parties meet in the capital."),
                         ("s1.p2", "paragraph", "The Parties report in the capital.")])
    es = make_doc("es", [("s1.p1", "paragraph", "Las Partes se reúnen en Quitman."),
                         ("s1.p2", "paragraph", "Las Partes informan en Quitman.")])
    found = [f for f in run_docs(names, en, es) if f.es_text == "Quitman"]
    assert [f.severity for f in found] == ["major", "minor"]


@pytest.mark.parametrize(
    ("en_text", "es_text"),
    [
        ("the Rome Convention of 1961", "la Convención de Roma de 1961"),
        ("the Berne Convention", "el Convenio de Berna"),
        ("a musical work, performance, or sound recording", "una obra musical, una interpretación o una grabación sonora"),
        ("an Extraordinary Congress may be convened", "se podrá celebrar un Congreso Extraordinario"),
        ("between Extraordinary Congresses", "entre Congresos Extraordinarios"),
        ("THE WORK IS PROVIDED WITH NO WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE, NONINFRINGEMENT, "
         "OR THE ABSENCE OF LATENT OR OTHER DEFECTS, ACCURACY, OR THE PRESENCE OF ABSENCE OF ERRORS",
         "LA OBRA SE OFRECE SIN GARANTÍAS DE COMERCIABILIDAD, IDONEIDAD PARA UN FIN PARTICULAR, NO INFRACCIÓN, "
         "O AUSENCIA DE DEFECTOS LATENTES U OTROS, EXACTITUD, O PRESENCIA O AUSENCIA DE ERRORES"),
    ],
)
def test_exonyms_common_words_and_plurals_are_silent(en_text, es_text):
    findings, _, _ = run(names, en_text, es_text)
    assert major(findings) == [], findings


@pytest.mark.parametrize(
    ("en_text", "es_text", "es_word"),
    [
        ("the Rome Convention of 1961", "la Convención de Viena de 1961", "Viena"),
        ("the authorities of the State of Sonora", "las autoridades del Estado de Chihuahua", "Chihuahua"),
    ],
)
def test_a_changed_place_still_fires(en_text, es_text, es_word):
    findings, _, es = run(names, en_text, es_text)
    assert any(es_word in words(es, f.es_span) for f in major(findings) if f.es_span), findings


def test_a_government_named_for_another_country_is_a_replacement():
    findings, en, es = run(names, "The notes were transmitted through the Government of the United Kingdom.",
                           "Las notas se transmitieron a través del Gobierno de los Países Bajos.")
    (f,) = major(findings)
    assert words(en, f.en_span) == "United Kingdom" and words(es, f.es_span) == "Países Bajos"


def test_a_country_rendered_by_its_spanish_name_is_silent():
    findings, _, _ = run(names, "through the Government of the United Kingdom and the Netherlands",
                         "a través del Gobierno del Reino Unido y de los Países Bajos")
    assert major(findings) == []


def test_words_of_a_run_in_title_are_not_names():
    findings, _, _ = run(names, "the Statement of Purpose. Public License Fallback. Should any part of the Waiver be judged invalid",
                         "la Declaración de Propósitos. Repliego de la Licencia Pública. Si cualquier parte de la Renuncia fuese juzgada inválida")
    assert major(findings) == [], findings


def test_a_name_in_a_sentence_after_a_run_in_title_still_fires():
    findings, _, es = run(names, "Public License Fallback. The Waiver applies in the capital.",
                          "Repliego de la Licencia Pública. La Renuncia se aplica en Quitman.")
    (f,) = major(findings)
    assert words(es, f.es_span) == "Quitman"
