"""Bilingual term list: defined terms, acronyms and institutions matched through clause pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

import mou_text
from mou_text import TermList, terms
from mou_text.glossary import acronyms, defined_terms, expansion, institutions

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def bundled() -> TermList:
    return terms(mou_text.pair(mou_text.load_mou("en"), mou_text.load_mou("es")))


def test_bundled_pair_yields_the_key_terms(bundled):
    got = {(t.en, t.es, t.type) for t in bundled}
    assert ("the Participants", "los Participantes", "term") in got
    assert ("MOU", "MdE", "acronym") in got
    assert ("GBV", "VG", "acronym") in got
    assert ("STEM", "CTIM", "acronym") in got
    assert ("Department of State", "Departamento de Estado", "institution") in got
    assert ("Secretariat of Foreign Relations", "Secretaría de Relaciones Exteriores", "institution") in got
    assert not bundled.inconsistent


def test_counts_expansions_and_clause_ids(bundled):
    gbv = bundled["GBV"]
    assert (gbv.en_count, gbv.es_count) == (4, 4)
    assert gbv.en_expansion == "gender based violence" and gbv.es_expansion == "violencia de género"
    assert "s3.iii.p1" in gbv.clause_ids and len(gbv.clause_ids) == 4
    mou = bundled["MOU"]
    assert mou.en_expansion == "Memorandum of Understanding" and mou.es_expansion == "Memorándum de Entendimiento"
    assert mou.en_count == mou.es_count == 5
    assert bundled["STEM"].en_expansion == "science, technology, engineering and math"
    assert bundled["the Participants"].en_count == bundled["the Participants"].es_count == 8


def test_frame_and_html(bundled):
    df = bundled.to_frame()
    assert list(df.columns)[:8] == ["en", "es", "type", "en_count", "es_count", "variants", "inconsistent", "clause_ids"]
    assert len(df) == len(bundled)
    assert df.attrs["signature"]["library"] == f"mou-text {mou_text.__version__}"
    assert df.attrs["signature"]["glossary"].startswith("glossary-")
    html = bundled._repr_html_()
    assert "Departamento de Estado" in html and "<table>" in html


def test_inconsistent_rendering_is_flagged():
    es = mou_text.load_mou("es").text
    # the translator wrote VBG in one clause and VG in the others, MDE once and MdE elsewhere
    i = es.index("(VG)", es.index("Establecer nuevos refugios"))
    altered = es[:i] + "(VBG)" + es[i + 4 :]
    j = es.index("en el marco del presente MdE")
    altered = altered.replace("en el marco del presente MdE.", "en el marco del presente MDE.", 1)
    assert j and altered.count("MDE") == 1
    tl = terms(mou_text.pair(mou_text.load_mou("en"), mou_text.parse(altered, lang="es")))
    gbv = tl["GBV"]
    assert gbv.inconsistent and gbv.es == "VG"
    forms = {v.es: v.clause_ids for v in gbv.variants}
    assert forms["VBG"] == ("s3.iii.bullet.3",) and len(forms["VG"]) == 3
    assert "VBG" in tl.to_frame().set_index("en").loc["GBV", "variants"]
    mou = tl["MOU"]
    assert mou.inconsistent and {v.es for v in mou.variants} == {"MdE", "MDE"}
    assert {t.en for t in tl.inconsistent} == {"GBV", "MOU"}


def test_second_translation_uses_its_own_forms():
    tl = terms(mou_text.pair(mou_text.load_mou("en"), DATA / "mou_es_alt.md"))
    assert (tl["MOU"].es, tl["GBV"].es, tl["STEM"].es) == ("MDE", "VBG", "STEM")
    assert tl["the Participants"].es == "los Participantes"
    assert not tl.inconsistent


def test_other_agreement_definitions_and_institutions():
    d = DATA / "agreements" / "water"
    tl = terms(mou_text.pair(d / "en.txt", d / "es.txt"))
    got = {(t.en, t.es) for t in tl}
    assert ("the Parties", "las Partes") in got
    assert ("gauging station", "estación hidrométrica") in got
    assert ("International Boundary and Water Commission", "Comisión Internacional de Límites y Aguas") in got


def test_works_on_a_check_report():
    report = mou_text.check(mou_text.load_mou("en"), mou_text.load_mou("es"), encoder="fake", checks=["terms"])
    tl = terms(report)
    assert tl["GBV"].es == "VG" and tl["MOU"].es == "MdE"


def test_rejects_what_is_not_a_pair():
    with pytest.raises(mou_text.InputError):
        terms(object())


def test_extractors_in_both_languages():
    assert defined_terms('The A and the B, hereinafter referred to as "the Parties";', "en") == ["the Parties"]
    assert defined_terms("La A y la B, a quienes en adelante se denominará “las Partes”;", "es") == ["las Partes"]
    assert defined_terms('“estación” significa cualquier instalación', "es") == ["estación"]
    assert expansion("the science, technology, engineering and math", "STEM") == "science, technology, engineering and math"
    assert expansion("la violencia basada en el género", "VBG") == "violencia basada en el género"
    assert expansion("the National Water Commission", "CONAGUA") == ""
    assert acronyms("combat gender based violence (GBV) and (IV) GBV", {"GBV"}) == [
        ("GBV", "gender based violence"), ("GBV", "")]
    assert institutions("The Ministry of Health and Wellness of Belize and the Ministry of Public Health", "en",
                        mou_text.load_glossary()) == ["Ministry of Health and Wellness", "Ministry of Public Health"]
    assert institutions("la Organización Mundial de la Salud y el Museo de las Américas de San Antonio", "es",
                        mou_text.load_glossary()) == ["Organización Mundial de la Salud", "Museo de las Américas"]


def test_glossary_tsv_round_trip(bundled, tmp_path):
    path = bundled.to_glossary_tsv(tmp_path / "terms.tsv")
    assert not list(tmp_path.glob("*.part"))
    g = mou_text.load_glossary(path, bundled=False)
    rows = {(e.en, e.es, e.type) for e in g.entries}
    assert ("Participants", "Participantes", "term") in rows
    assert ("MOU", "MdE", "acronym") in rows and ("GBV", "VG", "acronym") in rows
    assert ("Department of State", "Departamento de Estado", "institution") in rows
    assert ("gender based violence", "violencia de género", "term") in rows
    # the exported list drives a check: the Spanish text is conformant with it, and it is in the signature
    report = mou_text.check(mou_text.load_mou("en"), mou_text.load_mou("es"), glossary=path, encoder="fake",
                            checks=["names", "terms"])
    assert report.is_conformant
    assert str(path) in report.signature["glossary"]["sources"]


def test_inconsistent_variants_reach_the_tsv(tmp_path):
    es = mou_text.load_mou("es").text.replace("(VG)", "(VBG)", 1)
    tl = terms(mou_text.pair(mou_text.load_mou("en"), mou_text.parse(es, lang="es")))
    g = mou_text.load_glossary(tl.to_glossary_tsv(tmp_path / "t.tsv"), bundled=False)
    vbg = [e for e in g.entries if e.es == "VBG"]
    assert vbg and vbg[0].en == "GBV" and "inconsistent" in vbg[0].note
