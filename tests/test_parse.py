"""The structural parser on the bundled MOU, a second Spanish rendering and four other agreements."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from conftest import DATA, MOU

import mou_text
from mou_text import LanguageMismatchError, LanguageMismatchWarning, UnsupportedLanguageError, parse

AGREEMENTS = sorted(p for p in (DATA / "agreements").iterdir() if p.is_dir())


def structure(doc: mou_text.Document) -> dict:
    """The counts tests/data/agreements/*/expected.json describe, computed from a parsed document."""
    per: dict[str, dict[str, int]] = {}
    for n in doc:
        if n.section is None:
            continue
        c = per.setdefault(str(n.section), {"paragraphs": 0, "items": 0, "bullets": 0, "subheadings": 0})
        if n.kind == "paragraph":
            c["paragraphs"] += 1
        elif n.kind == "item":
            c["items"] += 1
        elif n.kind == "bullet":
            c["bullets"] += 1
        elif n.kind == "heading" and n.area:
            c["subheadings"] += 1
    return {
        "sections": doc.sections,
        "recitals": len(doc.select("recital")),
        "per_section": per,
        "closing": bool(doc.select("closing")),
        "signature_blocks": len(doc.select("signature")),
    }


@pytest.mark.parametrize("lang", ["en", "es"])
def test_bundled_mou_structure(lang, en_doc, es_doc):
    doc = en_doc if lang == "en" else es_doc
    assert doc.lang == lang
    assert len(doc.select("recital")) == 7
    assert doc.sections == [1, 2, 3, 4]
    assert [n.label for n in doc.select("item", section=2)] == ["i", "ii", "iii", "iv", "v"]
    assert [len(doc.select("bullet", section=3, area=a)) for a in ("i", "ii", "iii", "iv")] == [4, 4, 4, 5]
    assert len(doc.select("paragraph", section=4)) == 2
    assert [n.kind for n in doc.nodes[:3]] == ["title", "preamble", "recital"]
    assert doc.select("closing") and doc.select("signature")
    # headings styled three different ways in the signed copy all come out the same
    assert [doc[f"s{i}.heading"].title for i in (1, 2, 3, 4)] == (
        ["Objective", "Scope of Cooperation", "Forms of Cooperation", "General Provisions"]
        if lang == "en"
        else [doc[f"s{i}.heading"].title for i in (1, 2, 3, 4)]
    )
    assert all(doc[f"s{i}.heading"].title for i in (1, 2, 3, 4))


def test_ids_identical_across_languages(en_doc, es_doc):
    assert en_doc.ids == es_doc.ids
    for a, b in zip(en_doc, es_doc):
        assert (a.kind, a.section, a.area) == (b.kind, b.section, b.area)


def test_known_ids(en_doc):
    for node_id in ("title", "preamble", "recital.3", "enacting", "s2.item.iv", "s3.iii.bullet.2", "s4.p1", "closing"):
        assert node_id in en_doc
    assert en_doc["s3.iii.bullet.2"].text.startswith("Combating trafficking in women and girls")
    assert en_doc["s3.p2"].area is None  # the paragraph after the last area's bullets is section-level
    assert en_doc["s3.p2"].text.startswith("The Participants may also engage")


@pytest.mark.parametrize("path", [MOU / "en.md", MOU / "es.md", DATA / "mou_es_alt.md"])
def test_offsets_point_at_text(path):
    doc = parse(path)
    assert len(set(doc.ids)) == len(doc.ids)
    for n in doc:
        assert doc.text[n.start : n.end] == n.text
        assert n.sentences, n.id
        for s in n.sentences:
            assert doc.text[s.start : s.end] == s.text
            assert n.start <= s.start < s.end <= n.end


def test_markup_is_removed(en_doc):
    assert "**" not in en_doc.text and "##" not in en_doc.text
    assert en_doc["recital.1"].text.startswith("RECOGNIZING their desire")
    assert en_doc["title"].text.startswith("MEMORANDUM OF UNDERSTANDING BETWEEN THE DEPARTMENT OF STATE")
    assert "\n" not in en_doc["title"].text


def test_independent_rendering_pairs_fully(en_doc):
    """A second Spanish translation (other wording, consistent markdown, PDF-style wrapping) pairs 100%."""
    alt = parse(DATA / "mou_es_alt.md")
    assert alt.lang == "es"
    par = mou_text.pair(en_doc, alt)
    assert par.unpaired == []
    assert alt.ids == en_doc.ids
    # hyphenation across a line break is undone
    assert "empoderamiento" in alt.text and "empodera-" not in alt.text


@pytest.mark.parametrize("folder", AGREEMENTS, ids=lambda p: p.name)
def test_other_agreements(folder):
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    docs = {}
    for path in sorted(folder.iterdir()):
        if path.suffix in (".md", ".txt"):
            doc = parse(path)
            assert structure(doc) == expected, path
            docs[doc.lang] = doc
    assert set(docs) == {"en", "es"}
    assert mou_text.pair(docs["en"], docs["es"]).unpaired == []


def test_articles_numbered_paragraphs_and_lettered_items():
    doc = parse(DATA / "agreements" / "education" / "en.md")
    lead = doc["s2.p1"]
    assert lead.text.endswith(":")
    assert [n.id for n in doc.select("item")] == [f"s2.p1.item.{c}" for c in "abcd"]
    water = parse(DATA / "agreements" / "water" / "es.txt")
    assert water.sections == [1, 2, 3, 4, 5]  # ARTÍCULO I … V in roman numerals
    assert water["s1.heading"].title == "OBJETIVO"
    # a wrapped line that starts with "1.850" is not a numbered paragraph
    assert any("1.850 metros cúbicos" in n.text for n in water.select("paragraph"))


@pytest.mark.parametrize(
    "heading,number,title",
    [
        ("## Article One — Objective", 1, "Objective"),
        ("## Artículo Primero — Objetivo", 1, "Objetivo"),
        ("**ARTÍCULO 3.- Vigencia**", 3, "Vigencia"),
        ("CLÁUSULA TERCERA.- VIGENCIA", 3, "VIGENCIA"),
        ("SECTION IV", 4, None),
    ],
)
def test_heading_forms(heading, number, title):
    text = f"{heading}\n\nThe Parties shall cooperate in good faith under this instrument.\n"
    doc = parse(text, lang="es" if "í" in heading.lower() or "CLÁ" in heading else "en", on_mismatch="warn")
    assert doc.sections == [number]
    assert doc[f"s{number}.heading"].title == title


def test_article_citation_is_not_a_heading():
    text = (
        "ARTICLE 1\nPurpose\n\nArticle 5 of the Convention provides that the Parties shall exchange information.\n"
    )
    doc = parse(text, lang="en")
    assert doc.sections == [1]
    assert doc["s1.p1"].text.startswith("Article 5 of the Convention")


def test_bullet_styles():
    text = "ARTICLE 1\nScope\n\nThe Parties shall:\n\n• exchange data;\n– train staff; and\n* meet yearly.\n"
    doc = parse(text, lang="en")
    assert [n.kind for n in doc.select(section=1)][-3:] == ["bullet", "bullet", "bullet"]
    assert doc["s1.bullet.3"].text == "meet yearly."


def test_sentences_respect_legal_abbreviations(en_doc):
    closing = en_doc["closing"]
    assert len(closing.sentences) == 1  # "Washington, D.C., in duplicate" does not end a sentence
    para = en_doc["s3.i.p1"]
    assert len(para.sentences) == 5
    assert all(len(n.sentences) == 1 for n in en_doc.select("bullet"))  # entries ending in ';' stay one clause
    es = parse("La Sra. López firmó en EE.UU. el Art. 3 del acuerdo. El Lic. Pérez lo ratificó en México.", lang="es")
    assert [s.text for s in es.nodes[0].sentences] == [
        "La Sra. López firmó en EE.UU. el Art. 3 del acuerdo.",
        "El Lic. Pérez lo ratificó en México.",
    ]


def test_language_detection_and_mismatch():
    assert parse(MOU / "es.md").lang == "es"
    assert parse(MOU / "en.md").lang == "en"
    with pytest.raises(LanguageMismatchError) as err:
        parse(MOU / "es.md", lang="en")
    assert "es.md" in str(err.value) and "lang='es'" in str(err.value)
    with pytest.warns(LanguageMismatchWarning):
        doc = parse(MOU / "es.md", lang="en", on_mismatch="warn")
    assert doc.lang == "en"


def test_unsupported_language_and_too_short():
    french = (
        "Les Participants reconnaissent que les femmes sont des agents importants de croissance et de "
        "développement dont le plein potentiel est trop souvent resté inexploité."
    )
    with pytest.raises(UnsupportedLanguageError, match="French"):
        parse(french)
    with pytest.raises(UnsupportedLanguageError, match="lang="):
        parse("Hola")
    assert parse("Hola", lang="es").lang == "es"


def test_bad_lang_value():
    with pytest.raises(mou_text.ConfigError):
        parse("Some text here for parsing.", lang="fr")


def test_reparse_is_stable(en_doc):
    """Document.text is itself parseable, to the same ids and text: the normalised form is a fixpoint."""
    again = parse(en_doc.text, lang="en")
    assert again.ids == en_doc.ids
    assert again.text == en_doc.text


def test_frame(en_doc, es_doc):
    df = en_doc.to_frame()
    for col in ("id", "kind", "section", "area", "text", "start", "end", "lang"):
        assert col in df.columns
    assert len(df) == len(en_doc)
    assert Counter(df["kind"])["bullet"] == 17
    assert set(es_doc.to_frame()["lang"]) == {"es"}
    html = en_doc._repr_html_()
    assert "<table>" in html and "s3.iii.bullet.2" in html
