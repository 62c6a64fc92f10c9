"""The bilingual glossary: bundled rows, user rows merged in, clear errors on a malformed file."""

from __future__ import annotations

import pytest

from mou_text import Glossary, InputError, load_glossary
from mou_text.glossary import glossary_of, parse_glossary


def test_bundled_glossary_names_the_mou_institutions_and_places():
    g = load_glossary()
    assert len(g) > 100 and g.version.startswith("glossary-")
    found = {m.text for m in g.find("the Secretariat of Foreign Relations of the United Mexican States", "en")}
    assert found == {"Secretariat of Foreign Relations", "United Mexican States"}
    es = {m.concept.label for m in g.find("la Secretaría de Relaciones Exteriores de los Estados Unidos Mexicanos", "es")}
    assert es == {"Secretariat of Foreign Relations", "United Mexican States"}


def test_several_spanish_variants_are_one_concept():
    g = load_glossary()
    a = g.find("Río Bravo", "es")[0].concept
    b = g.find("Rio Grande", "en")[0].concept
    assert a.id == b.id and {"Río Bravo", "Río Grande"} <= set(a.es)


def test_longest_form_wins_and_matching_ignores_accents_and_case():
    g = load_glossary()
    (m,) = g.find("FIRMADO EN LA CIUDAD DE MEXICO", "es", upper=True)
    assert m.concept.label == "Mexico City" and m.text == "CIUDAD DE MEXICO"


def test_acronyms_and_capitalised_terms_match_only_as_written():
    g = load_glossary()
    assert [m.text for m in g.find("who are the Parties, WHO", "en")] == ["Parties", "WHO"]
    assert [m.text for m in g.find("en parte, la Parte", "es")] == ["Parte"]


def test_a_pronoun_set_in_capitals_is_no_acronym():
    g = load_glossary()
    assert [m.concept.label for m in g.find("Prices in US dollars; the WHO report", "en")] == [
        "United States of America", "World Health Organization"]
    assert g.find("CONTACT US", "en") == [] and g.find("CONTACT US", "en", upper=True) == []
    assert g.find("ABOUT US — Contact", "en") == []
    # a clause in capitals still names the bodies whose acronyms are no English word
    assert [m.text for m in g.find("THE UN AND THE OAS", "en", upper=True)] == ["UN", "OAS"]


def test_user_file_adds_rows(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("en\tes\ttype\tnote\nBinational Working Group\tGrupo de Trabajo Binacional\tinstitution\t\n", encoding="utf-8")
    g = load_glossary(path)
    assert len(g) == len(load_glossary()) + 1 and str(path) in g.sources
    assert g.find("el Grupo de Trabajo Binacional", "es")[0].concept.label == "Binational Working Group"
    assert glossary_of(str(path)).version == g.version


@pytest.mark.parametrize(
    ("text", "cause"),
    [
        ("en\tes\ttype\nDepartment of State\tDepartamento de Estado\n", "expected 3 or 4"),
        ("en\tes\ttype\nDepartment of State\tDepartamento de Estado\tagency\n", "unknown type"),
        ("en\tes\ttype\n\tDepartamento de Estado\tinstitution\n", "empty"),
        ("Department of State\tDepartamento de Estado\tinstitution\n", "header"),
    ],
)
def test_malformed_rows_name_the_file_and_the_line(tmp_path, text, cause):
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary(path)
    message = str(err.value)
    assert "bad.tsv" in message and cause in message and "Fix:" in message
    assert ("line 2" in message) or ("line 1" in message and cause == "header")


def test_missing_user_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        load_glossary(tmp_path / "nope.tsv")


def test_comments_and_blank_lines_are_skipped():
    rows = parse_glossary("# a comment\n\nen\tes\ttype\tnote\n# another\nSenate\tSenado\tinstitution\t\n")
    assert [(r.en, r.es, r.line) for r in rows] == [("Senate", "Senado", 5)]


def test_frame_and_signature():
    g = Glossary(tuple(parse_glossary("en\tes\ttype\nSenate\tSenado\tinstitution\n")))
    df = g.to_frame()
    assert list(df["en"]) == ["Senate"] and df.attrs["signature"]["glossary"] == g.version
    assert g.signature()["rows"] == 1 and "<table>" in g._repr_html_()


def test_a_glossary_of_the_wrong_type_says_what_to_pass():
    from mou_text import ConfigError
    from mou_text.glossary import glossary_of

    with pytest.raises(ConfigError, match="TSV path"):
        glossary_of({"Department of State": "Departamento de Estado"})


def test_single_word_places_match_only_capitalised():
    g = load_glossary()
    assert g.find("una grabación sonora", "es") == []
    assert [m.concept.label for m in g.find("el Estado de Sonora", "es")] == ["Sonora"]


def test_institutions_and_terms_take_a_regular_plural_places_do_not():
    g = load_glossary()
    assert [m.concept.label for m in g.find("between Extraordinary Congresses", "en")] == ["Congress"]
    assert [m.concept.label for m in g.find("entre Congresos Extraordinarios", "es")] == ["Congress"]
    assert "Tijuana River" not in {m.concept.label for m in g.find("the Colorado and Tijuana Rivers", "en")}


def test_licence_elements_are_grouped_terms():
    g = load_glossary()
    labels = [m.concept.label for m in g.find("Atribución-NoComercial-CompartirIgual", "es")]
    assert labels == ["Attribution", "NonCommercial", "ShareAlike"]
    assert all(m.concept.note.startswith("[licence element]") for m in g.find("Attribution-NoDerivatives", "en"))


def test_countries_and_international_bodies_are_named_in_both_languages():
    g = load_glossary()
    uk = g.find("through the Government of the United Kingdom", "en")[0].concept
    nl = g.find("a través del Gobierno de los Países Bajos", "es")[0].concept
    assert uk.label == "United Kingdom" and nl.label == "Netherlands" and uk.id != nl.id
    wipo = g.find("la Organización Mundial de la Propiedad Intelectual (OMPI)", "es")
    assert {m.concept.id for m in wipo} == {g.find("WIPO", "en")[0].concept.id}


def test_duties_and_obligations_are_one_concept_in_both_languages():
    g = load_glossary()
    ids = {m.concept.id for t, lang in (("obligations or duties", "en"), ("obligaciones o deberes", "es"))
           for m in g.find(t, lang)}
    assert len(ids) == 1 and ids != {m.concept.id for m in g.find("los derechos", "es")}


@pytest.mark.parametrize(("text", "label"), [
    ("the International Labour Organisation", "International Labour Organization"),
    ("the Organisation of American States", "Organization of American States"),
    ("the US Department of Labour", "Department of Labor"),
])
def test_an_english_name_matches_in_british_and_american_spelling(text, label):
    (m,) = [m for m in load_glossary().find(text, "en") if m.concept.type == "institution"]
    assert m.concept.label == label and text.endswith(m.text)


def test_a_spelling_variant_of_a_user_row_matches_and_other_words_do_not(tmp_path):
    (tmp_path / "g.tsv").write_text("en\tes\ttype\tnote\nDefence Centre\tCentro de Defensa\tinstitution\t\n", encoding="utf-8")
    g = load_glossary(tmp_path / "g.tsv", bundled=False)
    assert [m.text for m in g.find("the Defense Center and the Defence Centre", "en")] == ["Defense Center", "Defence Centre"]
    assert g.find("the Defiance Central", "en") == []


def test_an_acronym_and_its_institutions_full_name_are_one_concept():
    g = load_glossary()
    (a,) = g.find("the IDB", "en")
    (b,) = g.find("el Banco Interamericano de Desarrollo", "es")
    assert a.concept.id == b.concept.id
