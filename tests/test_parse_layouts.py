"""The parser on real legal layouts: official texts read in place from ../shared/real, layouts of our own
writing in tests/data/agreements (CC-style licence, markdown treaty series, exchange of notes, paged
text), the recognisers one by one, and the same text in every input format giving the same ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _render import pdf_file
from conftest import DATA, ROOT
from test_readers import make_pdf

import mou_text
from mou_text import parse
from mou_text.parse._recognisers import chapter_label, enum_style, run_in_title, section_label
from mou_text.readers import remove_furniture

SHARED = ROOT.parent / "shared" / "real"
AGREEMENTS = DATA / "agreements"


def _real(name: str) -> tuple[mou_text.Document, mou_text.Document]:
    en, es = SHARED / f"{name}_en.txt", SHARED / f"{name}_es.txt"
    if not (en.exists() and es.exists()):
        pytest.skip(f"{en.parent} is absent: the shared real texts are read in place, never copied into the project")
    return parse(en, lang="en"), parse(es, lang="es")


def _by_id_share(en: mou_text.Document, es: mou_text.Document) -> float:
    par = mou_text.pair(en, es)
    return sum(p.status == "paired" and p.method == "id" for p in par) / len(par)


# -- official texts, read in place ---------------------------------------------------------------
@pytest.mark.parametrize("name", ["ccby4", "ccbynd4"])
def test_cc4_sections_and_nested_lists_in_both_languages(name):
    en, es = _real(name)
    for doc in (en, es):
        assert doc.sections == list(range(1, 9)), doc.lang
        assert doc["s2.heading"].title in ("Scope", "Ámbito de Aplicación")
        # 1(a)–(k): "i." after "h." is the ninth letter; 3(a)(1)(A)(i)–(v): roman, under A.
        labels = [n.label for n in doc.select("item", section=1)]
        assert len(labels) >= 10 and labels == list("abcdefghijk"[: len(labels)])
        for node_id in ("s2.a.heading", "s2.a.p1.item.a", "s2.a.p5.item.b", "s2.b.p3", "s3.a.p1.item.a.item.v", "s6.item.b.item.2", "s8.item.d"):
            assert node_id in doc, (doc.lang, node_id)
        assert not [n.id for n in doc if re.fullmatch(r"preamble\.p\d+", n.id) and n.section is None and n.start > doc["s1.heading"].start]
    assert en["s2.a.p6"].title == "No endorsement" and es["s2.a.p6"].title == "Sin endoso"
    # the run-in title is the node's title, not a sentence
    assert es["s2.a.p6"].sentences[0].text.startswith("Nada de lo contenido")
    assert _by_id_share(en, es) >= 0.95


def test_cc0_numbered_sections_with_run_in_titles():
    en, es = _real("cc0")
    for doc in (en, es):
        assert doc.sections == [1, 2, 3, 4]
        assert [n.label for n in doc.select("item", section=1)] == ["i", "ii", "iii", "iv", "v", "vi", "vii"]
        assert [n.label for n in doc.select("item", section=4)] == ["a", "b", "c", "d"]
    assert en["s2.heading"].title == "Waiver" and es["s2.heading"].title == "Renuncia"
    assert en["s1.p1"].text.startswith("A Work made available under CC0")
    assert _by_id_share(en, es) >= 0.95


def test_treaty_series_articles_pair_by_number_and_regulations_are_a_second_part():
    en, es = _real("upaep_constitution")
    for doc in (en, es):
        articles = [s for s in doc.sections if s < 100]
        assert len(articles) == 29, doc.lang
        assert "ch10.heading" in doc and "part2.title" in doc and "part2.s101.heading" in doc
        assert not doc.select("signature") or max(len(n.text) for n in doc.select("signature")) < 2000
        assert doc["title"].text.lower().startswith("constitu")
    assert en["s2.heading"].title == "Aims of the Union" and es["s2.heading"].title == "Finalidades de la Unión"
    assert [n.label for n in es.select("item", section=2)] == list("abcde")  # "a)promover": no space
    shared = {n.id for n in en.select("heading") if n.id.endswith(".heading")} & {n.id for n in es.select("heading")}
    assert len([i for i in shared if re.fullmatch(r"(part2\.)?s\d+\.heading", i)]) >= 60
    assert len(mou_text.pair(en, es).unpaired) / len(mou_text.pair(en, es)) <= 0.15  # the rest are edition differences


# -- layouts of our own writing ---------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "es"])
def test_licence_layout(lang):
    doc = parse(AGREEMENTS / "licence" / f"{lang}.txt")
    assert doc.lang == lang and doc.sections == [1, 2, 3, 4]
    assert doc["title"].text.endswith("1.0")
    assert [doc[f"s2.{a}.heading"].title for a in "ab"] == (["Loan grant", "Other rights"] if lang == "en" else ["Otorgamiento del préstamo", "Otros derechos"])
    assert doc["s2.a.p4"].title == ("No endorsement" if lang == "en" else "Sin respaldo")
    assert doc["s2.a.p3"].title and doc["s2.a.p3.item.b"].title
    assert [n.id for n in doc.select("item", section=3)] == [
        "s3.a.p1.item.a", "s3.a.p1.item.a.item.i", "s3.a.p1.item.a.item.ii", "s3.a.p1.item.a.item.iii", "s3.a.p1.item.b",
    ]
    assert doc["s4.item.b.item.1"].label == "1" and doc["s4.p1"].area is None


@pytest.mark.parametrize("lang", ["en", "es"])
def test_markdown_treaty_layout(lang):
    doc = parse(AGREEMENTS / "treaty" / f"{lang}.md")
    assert [doc[f"ch{i}.heading"].label for i in (1, 2, 3)] == ["1", "2", "3"]
    assert doc["s2.heading"].title in ("Aims of the Association", "Fines de la Asociación")  # "###Article 2" + "####Title"
    assert [n.label for n in doc.select("item", section=4)] == ["a", "b", "3.1", "3.2", "3.3"]
    assert doc["s4.p3.item.3-1"].text.startswith(("To prepare", "Preparar"))
    assert len(doc.select("bullet", section=5)) == 2
    assert doc["closing"].text.startswith(("In witness whereof", "En fe de lo cual"))
    # the Rules of Procedure after the signatures are a second instrument, not a signature block
    assert not doc.select("signature")
    assert doc["part2.title"].text.startswith(("Rules of Procedure", "Reglamento Interno"))
    assert doc["part2.s101.p2"].label == "2"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_exchange_of_notes_signatures_glued_to_paragraphs(lang):
    doc = parse(AGREEMENTS / "notes" / f"{lang}.txt")
    sigs = doc.select("signature")
    assert [n.text.split("\n")[0] for n in sigs] == (
        ["(Signed) A. B. MORRISON", "(Signed) J. R. VILLALOBOS"] if lang == "en" else ["(Firmado) A. B. MORRISON", "(Firmado) J. R. VILLALOBOS"]
    )
    assert sigs[1].text.endswith(("Secretary of Foreign Relations", "Secretario de Relaciones Exteriores"))
    assert not [n.id for n in doc if n.kind != "signature" and re.search(r"\((signed|firmado)\)", n.text, re.IGNORECASE)]
    courtesy = [n for n in doc if n.text.startswith("Accept") or n.text.startswith("Acepte")]
    assert len(courtesy) == 2 and all(n.text.endswith("consideration.") or n.text.endswith("consideración.") for n in courtesy)
    assert [n.text for n in doc.select("heading")] == ["I", "II"]  # the notes' numbers


@pytest.mark.parametrize("lang", ["en", "es"])
def test_paged_text_loses_its_furniture(lang):
    doc = parse(AGREEMENTS / "paged" / f"{lang}.txt")
    assert doc.sections == [1, 2, 3]
    assert not re.search(r"Page \d|Página \d|Seed Bank Cooperation Agreement|Bancos de Semillas\n", doc.text)
    assert ("institutional channels" if lang == "en" else "institucional") in doc["s2.p1"].text  # hyphen across the page
    assert doc["s2.p2"].text.startswith(("The host Party shall report", "La Parte anfitriona informará"))
    for n in doc:
        assert doc.text[n.start : n.end] == n.text


@pytest.mark.parametrize("folder", ["licence", "treaty", "notes", "paged"])
def test_own_layouts_pair_fully_by_id(folder):
    paths = sorted((AGREEMENTS / folder).glob("[ee][ns].*"))
    en = parse(next(p for p in paths if p.stem == "en"), lang="en")
    es = parse(next(p for p in paths if p.stem == "es"), lang="es")
    assert en.ids == es.ids
    assert _by_id_share(en, es) == 1.0


# -- one text, every format ------------------------------------------------------------------------
def _render(text: str, fmt: str, path: Path) -> Path:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    out = path.with_suffix("." + fmt)
    if fmt in ("md", "txt"):
        out.write_text(text, encoding="utf-8")
    elif fmt == "html":
        import html

        out.write_text("<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "</body></html>", encoding="utf-8")
    elif fmt == "docx":
        import docx

        d = docx.Document()
        for p in paragraphs:
            d.add_paragraph(p)
        d.save(out)
    elif fmt == "pdf":
        out.write_bytes(make_pdf([line or " " for line in text.split("\n")]))  # a blank line keeps its place
    return out


@pytest.mark.parametrize("fmt", ["md", "txt", "docx", "html", "pdf"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_same_text_in_every_format_gives_the_same_ids(fmt, lang, tmp_path):
    text = (AGREEMENTS / "licence" / f"{lang}.txt").read_text(encoding="utf-8")
    reference = parse(text, lang=lang)
    doc = parse(_render(text, fmt, tmp_path / "licence"), lang=lang)
    assert doc.ids == reference.ids
    assert [n.title for n in doc] == [n.title for n in reference]


# -- the recognisers -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line,expected",
    [
        ("Section 1 – Definitions.", (1, "Definitions")),
        ("Sección 2 – Ámbito de Aplicación.", (2, "Ámbito de Aplicación")),
        ("Article 5. Entry into force.", (5, "Entry into force")),
        ("ARTÍCULO 3", (3, "")),
        ("Section 2 – The Parties shall meet twice a year.", None),
        ("Artículo 5. Las Partes se reunirán.", None),
    ],
)
def test_section_labels_with_a_closing_full_stop(line, expected):
    assert section_label(line) == expected


@pytest.mark.parametrize(
    "text,title",
    [
        ("No endorsement. Nothing in this Licence makes", "No endorsement"),
        ("Sin endoso. Nada de lo contenido", "Sin endoso"),
        ("Media and formats; technical modifications allowed. The Licensor", "Media and formats; technical modifications allowed"),
        ("License grant.", "License grant"),
        ("The Parties shall meet. Then they", None),
        ("Las Partes cooperarán. Luego", None),
        ("Accession means a sample of seed held. It", None),
        ("U.S. Department of State", None),
    ],
)
def test_run_in_titles(text, title):
    assert run_in_title(text) == title


def test_enumerator_shapes_and_chapters():
    assert [enum_style(p, k) for p, k in [("a.", "letter"), ("A.", "letter"), ("iv.", "roman"), ("(a)", "letter"), ("11.1)", "number"), ("IV.", "roman")]] == [
        "a.", "A.", "i.", "(a)", "1.1)", "I.",
    ]
    assert chapter_label("CHAPTER  IV") == (4, "") and chapter_label("CAPÍTULO X") == (10, "")
    assert chapter_label("Capítulo 2 – Finanzas") == (2, "Finanzas")
    assert chapter_label("Part of the budget is") is None


# -- page furniture --------------------------------------------------------------------------------
def test_furniture_without_form_feeds_is_cut_at_page_number_lines():
    pages = [
        "TREATY SERIES No. 7\nArticle 1\nThe Parties shall exchange data every",
        "TREATY SERIES No. 7\nmonth through their focal points.\n\nArticle 2\nThe Parties shall meet yearly.",
        "TREATY SERIES No. 7\nArticle 3\nThis Agreement enters into force on signature.",
    ]
    text = "\n".join(f"{p}\nPage {i} of 3" for i, p in enumerate(pages, 1))
    clean = remove_furniture(text)
    assert "TREATY SERIES" not in clean and "Page" not in clean
    assert "exchange data every\nmonth through" in clean  # one paragraph across the page break
    assert "Article 1" in clean and "Article 3" in clean
    doc = parse(text, lang="en")
    assert doc.sections == [1, 2, 3] and doc["s1.p1"].text.endswith("focal points.")


def test_furniture_spanish_page_numbers_and_bare_numbers():
    text = "Acuerdo\fPágina 2 de 3\nLas Partes cooperarán.\f- 3 -\nArtículo 2\n\fÚltima página\n4"
    clean = remove_furniture(text)
    assert "Página" not in clean and "- 3 -" not in clean and not clean.rstrip().endswith("4")
    assert "Las Partes cooperarán." in clean and "Artículo 2" in clean


def test_text_without_pages_is_unchanged():
    text = "Article 1\nPurpose\n\n1. The Parties shall meet.\n\n2\n\nArticle 2"
    assert remove_furniture(text) == text


@pytest.mark.parametrize(
    "text,lang,titles",
    [
        (
            (
                "Article 1\n\nSubject matter\n\n1. This Regulation lays down rules on data.\n\n2. It applies to all.\n\n"
                "Article 2\n\nDefinitions\n\nFor the purposes of this Regulation:\n\n(a) 'data' means any information;\n\n(b) 'user' means a person.\n"
            ),
            "en",
            ["Subject matter", "Definitions"],
        ),
        (
            (
                "Artículo 1\n\nObjeto\n\n1. El presente Reglamento establece normas sobre datos.\n\n2. Se aplica a todos.\n\n"
                "Artículo 2\n\nDefiniciones\n\nA efectos del presente Reglamento:\n\n(a) «datos»: toda información;\n\n(b) «usuario»: una persona.\n"
            ),
            "es",
            ["Objeto", "Definiciones"],
        ),
    ],
)
def test_sentence_case_titles_and_definitions_lead_in(text, lang, titles):
    """A short line between a label and running text is its title; "For the purposes of…:" is no signatory."""
    doc = parse(text, lang=lang)
    assert [doc[f"s{i}.heading"].title for i in (1, 2)] == titles
    assert not doc.select("signature")
    assert [n.id for n in doc.select(section=2)] == ["s2.heading", "s2.p1", "s2.item.a", "s2.item.b"]


def make_paged_pdf(pages: list[list[str]]) -> bytes:
    """A PDF with one page per list of lines and a real text layer (Helvetica, WinAnsi), built by hand."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    n = len(pages)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for lines in pages:
        stream = ("BT /F1 11 Tf 14 TL 72 720 Td " + " ".join(f"({esc(ln or ' ')}) Tj T*" for ln in lines) + " ET").encode("cp1252")
        page_no, content_no = len(objects) + 1, len(objects) + 2
        kids.append(f"{page_no} 0 R")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_no} 0 R "
            f"/Resources << /Font << /F1 {3 + 2 * n} 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {n} >>".encode()
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    return pdf_file(objects)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_pdf_pages_lose_their_furniture(lang, tmp_path):
    """The paged fixture printed as a real three-page PDF parses as the text file does."""
    text = (AGREEMENTS / "paged" / f"{lang}.txt").read_text(encoding="utf-8")
    pages = [page.strip("\n").split("\n") for page in text.split("\f")]
    path = tmp_path / f"paged_{lang}.pdf"
    path.write_bytes(make_paged_pdf(pages))
    doc, reference = parse(path, lang=lang), parse(AGREEMENTS / "paged" / f"{lang}.txt", lang=lang)
    assert doc.metadata["format"] == "pdf"
    assert doc.ids == reference.ids
    assert [n.text for n in doc] == [n.text for n in reference]


def test_running_text_after_the_signatures_is_not_a_signature():
    text = (
        "ARTICLE 1\nPurpose\n\nThe Parties shall cooperate in good faith.\n\n"
        "Signed at Lima on 3 May 2022, in duplicate, in the English and Spanish languages.\n\n"
        "FOR THE MINISTRY OF AGRICULTURE\n\nAna Pérez\n\n"
        + "Annex. " + "The seed lots listed in this annex are held by the Parties under the conditions agreed in Article 1, "
        "and each lot is identified by its catalogue number, its species, its place of collection and the year of its "
        "last viability test, as recorded in the registers of both institutions.\n"
    )
    doc = parse(text, lang="en")
    assert [n.kind for n in doc.select("signature")] == ["signature"]
    assert doc["signature.1"].text == "FOR THE MINISTRY OF AGRICULTURE\nAna Pérez"
    assert doc["back.p1"].text.startswith("Annex. The seed lots")


def test_running_heads_without_page_marks_are_dropped_where_they_cut_a_sentence():
    head = "Seed Bank Cooperation Agreement"
    text = (
        f"ARTICLE 1\nPurpose\n\nEach Party shall keep a duplicate of the seed collections it\n{head}\ndesignates.\n\n"
        f"ARTICLE 2\nHost\n\nThe host Party shall store the duplicates in sealed\n7\nboxes and shall not open them without\n"
        f"{head}\nthe consent of the depositing Party, except where the depositing Party\n8\nhas ceased to exist.\n\n"
        f"ARTICLE 3\nEntry into force\n\nThis Agreement enters into force on signature.\n\n{head}\n"
    )
    clean = remove_furniture(text)
    assert head not in clean and "\n7\n" not in clean and "\n8\n" not in clean
    doc = parse(text, lang="en")
    assert doc["s1.p1"].text == "Each Party shall keep a duplicate of the seed collections it designates."
    assert doc["s2.p1"].text.endswith("except where the depositing Party has ceased to exist.")
    # a line repeated as a heading, never cutting a sentence, stays
    same = "Observers\n\nThe Council may invite observers.\n\nObservers\n\nThe Board may invite observers.\n\nObservers\n\nText.\n"
    assert remove_furniture(same) == same


@pytest.mark.parametrize(
    "lang,lead,after",
    [
        ("en", "Disputes shall be settled as follows:", "Any other matter is settled by the Board."),
        ("es", "Las controversias se resolverán como sigue:", "Cualquier otro asunto lo resuelve la Junta."),
    ],
)
def test_i_after_h_is_a_letter_unless_h_opens_a_list(lang, lead, after):
    letters = "\n\n".join(f"{c}. Entry {c} of the list." for c in "abcdefg")
    text = f"Section 1 – Scope.\n\n{letters}\n\nh. {lead}\n\ni. one;\n\nii. two.\n\nSection 2 – Other.\n\n{letters}\n\nh. {after}\n\ni. {after}\n"
    doc = parse(text, lang=lang, on_mismatch="warn")
    assert [n.id for n in doc.select("item", section=1)][-3:] == ["s1.item.h", "s1.item.h.item.i", "s1.item.h.item.ii"]
    assert [n.id for n in doc.select("item", section=2)][-2:] == ["s2.item.h", "s2.item.i"]


_OPEN_LICENCE = {
    "en": (
        "OPEN DATA LICENCE v. 2.0\n\nThis Open Data Licence applies to any dataset provided under the terms of this Licence.\n\n"
        "1. Definitions\n\nIn this Licence, the following terms have the following meaning:\n\n"
        "— 'The Licence': this Licence.\n\n— 'The Dataset': the data distributed under this Licence.\n\n"
        "2. Scope of the rights granted by the Licence\n\nThe Licensor hereby grants You a worldwide, royalty-free licence to:\n\n"
        "— use the Dataset for any purpose,\n\n— reproduce the Dataset.\n\n"
        "3. Obligations of the Licensee\n\nThe grant above is subject to the following obligations:\n\n"
        "(a) Attribution right: the Licensee shall keep intact all notices.\n\n"
        "(b) Copyleft clause: the Licensee shall distribute copies only under this Licence, as follows:\n\n"
        "(i) to modified copies; and\n\n(ii) to copies in any format.\n"
    ),
    "es": (
        "LICENCIA DE DATOS ABIERTOS v. 2.0\n\nLa presente Licencia de Datos Abiertos se aplica a todo conjunto de datos "
        "facilitado en los términos de la presente Licencia.\n\n"
        "1. Definiciones\n\nEn la presente Licencia, se entenderá por:\n\n"
        "— «Licencia»: la presente Licencia.\n\n— «Conjunto de datos»: los datos distribuidos con arreglo a la presente Licencia.\n\n"
        "2. Alcance de los derechos otorgados por la Licencia\n\nEl Licenciante concede al Licenciatario una licencia mundial y gratuita para:\n\n"
        "— utilizar el Conjunto de datos con cualquier fin,\n\n— reproducir el Conjunto de datos.\n\n"
        "3. Obligaciones del Licenciatario\n\nLa concesión anterior está sujeta a las obligaciones siguientes:\n\n"
        "(a) Derecho de atribución: el Licenciatario mantendrá intactos todos los avisos.\n\n"
        "(b) Cláusula copyleft: el Licenciatario distribuirá las copias solo con arreglo a la presente Licencia, como sigue:\n\n"
        "(i) a las copias modificadas; y\n\n(ii) a las copias en cualquier formato.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_numbered_title_sections_dash_lists_and_a_versioned_title(lang):
    """An EU-style licence: ``1. Definitions`` sections, em-dash lists, (a)/(i) items, a title with a version."""
    doc = parse(_OPEN_LICENCE[lang], lang=lang)
    assert doc["title"].text.endswith("v. 2.0")
    assert doc.ids == [
        "title", "preamble", "s1.heading", "s1.p1", "s1.bullet.1", "s1.bullet.2", "s2.heading", "s2.p1", "s2.bullet.1",
        "s2.bullet.2", "s3.heading", "s3.p1", "s3.item.a", "s3.item.b", "s3.item.b.item.i", "s3.item.b.item.ii",
    ]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "Article 9\nPenalties\n\n1. Members that are in debt for:\n\na) two years, or\n\nb) a missed payment, and fail to take one of these actions:\n\n"
               "a) pay the debt in full;\n\nb) accept a payment plan,\n\nshall lose their vote.\n\n2. The Board applies this article.\n"),
        ("es", "Artículo 9\nSanciones\n\n1. Los miembros que adeuden:\n\na) dos ejercicios, o\n\nb) un pago acordado, y no adopten una de estas medidas:\n\n"
               "a) pagar la deuda en su totalidad;\n\nb) aceptar un plan de pagos,\n\nperderán su voto.\n\n2. La Junta aplica este artículo.\n"),
    ],
)
def test_a_list_restarting_after_a_colon_nests_under_the_entry(lang, text):
    doc = parse(text, lang=lang)
    assert [n.id for n in doc.select("item")] == ["s9.p1.item.a", "s9.p1.item.b", "s9.p1.item.b.item.a", "s9.p1.item.b.item.b"]
    assert not [n.id for n in doc if "~" in n.id]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Geneva 12 March 2024\n\nThe council met today to review the annual plan and its budget."),
        ("es", "Ginebra (12 de marzo de 2024)\n\nEl consejo se reunió hoy para examinar el plan anual y su presupuesto."),
    ],
)
def test_a_dateline_is_a_title_in_both_languages(lang, text):
    # a year has no case: the Spanish dateline, whose month is in lower case, reads as a title as the English does
    doc = parse(text, lang=lang)
    assert [n.kind for n in doc.nodes][:2] == ["title", "preamble"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Joint Statement on Bilateral Talks\n\nFebruary 23, 2017\n\nWe concluded a productive set of meetings today."),
        ("es", "Declaración conjunta sobre el diálogo bilateral\n\n23 de febrero de 2017\n\n"
               "Concluimos hoy una serie de reuniones productivas."),
    ],
)
def test_a_date_alone_under_a_title_is_a_heading_in_both_languages(lang, text):
    # a date line has nothing a test of capitals can read: it is a heading in Spanish as in English
    doc = parse(text, lang=lang)
    assert [(n.kind, n.text) for n in doc.nodes][1] == ("heading", text.split("\n\n")[1])


@pytest.mark.parametrize(
    ("lang", "prose", "formula"),
    [
        ("en", "Attacks on women activists have reached alarming levels, and violence against women in politics holds "
               "back civil, political, social, economic and cultural rights across the region and beyond.",
         "Have agreed as follows:"),
        ("es", "Los ataques contra las activistas han alcanzado niveles alarmantes, y la violencia contra las mujeres en la "
               "política frena los derechos civiles, políticos, sociales, económicos y culturales en la región y fuera de ella.",
         "Han acordado lo siguiente:"),
    ],
)
def test_the_enacting_formula_is_not_read_in_running_prose(lang, prose, formula):
    opening = "The Parties note the report." if lang == "en" else "Las Partes toman nota del informe."
    doc = parse(f"{opening}\n\n{prose}\n\n{formula}", lang=lang)
    assert [n.id for n in doc.nodes] == ["preamble", "preamble.p2", "enacting"]
