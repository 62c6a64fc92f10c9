"""Every input format and every bad input: the right text, or a clear error naming file, cause and fix."""

from __future__ import annotations

import zipfile

import pytest
from _render import pdf_file
from conftest import DATA, MOU

from mou_text import (
    CorruptFileError,
    DecodingError,
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    NoTextLayerError,
    UnsupportedFormatError,
    parse,
)
from mou_text.readers import read

ES_TEXT = (MOU / "es.md").read_text(encoding="utf-8")


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF with a real text layer (Helvetica, WinAnsi), built by hand."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 14 TL 72 720 Td " + " ".join(f"({esc(l)}) Tj T*" for l in lines) + " ET"
    stream = content.encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    return pdf_file(objects)


def test_markdown_and_text(tmp_path):
    doc = parse(MOU / "en.md")
    assert doc.metadata["format"] == "markdown" and doc.metadata["encoding"] == "utf-8"
    p = tmp_path / "mou.txt"
    p.write_text(ES_TEXT, encoding="utf-8")
    assert parse(p).ids == parse(MOU / "es.md").ids


def test_cp1252_bom_and_crlf(tmp_path):
    reference = parse(MOU / "es.md")
    cp = tmp_path / "es_cp1252.md"
    cp.write_bytes(ES_TEXT.replace("\n", "\r\n").encode("cp1252"))
    doc = parse(cp)
    assert doc.metadata["encoding"] == "cp1252"
    assert doc.text == reference.text and doc.ids == reference.ids
    bom = tmp_path / "es_bom.md"
    bom.write_bytes(b"\xef\xbb\xbf" + ES_TEXT.encode("utf-8"))
    assert parse(bom).text == reference.text
    utf16 = tmp_path / "es_utf16.txt"
    utf16.write_text(ES_TEXT, encoding="utf-16")
    assert parse(utf16).text == reference.text


def test_decomposed_accents_are_composed():
    import unicodedata

    text = unicodedata.normalize("NFD", "La Secretaría de Relaciones Exteriores podrá designar representantes.")
    doc = parse(text, lang="es")
    assert "Secretaría" in doc.text


def test_docx_keeps_structure(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("ACUERDO DE COOPERACIÓN EDUCATIVA", level=0)
    d.add_paragraph("La Secretaría de Educación Pública y el Ministerio de Educación Nacional, en lo sucesivo denominados \"las Partes\";")
    d.add_paragraph("CONSIDERANDO la importancia de la movilidad académica entre ambos países;")
    d.add_paragraph("Han acordado lo siguiente:")
    d.add_heading("ARTÍCULO 1", level=2)
    d.add_paragraph("Las Partes cooperarán en las siguientes actividades:")
    d.add_paragraph("intercambio de estudiantes;", style="List Bullet")
    d.add_paragraph("proyectos conjuntos de investigación.", style="List Bullet")
    p = tmp_path / "acuerdo.docx"
    d.save(p)
    doc = parse(p)
    assert doc.lang == "es" and doc.metadata["format"] == "docx"
    assert doc.select("recital") and doc.sections == [1]
    assert [n.text for n in doc.select("bullet")] == ["intercambio de estudiantes;", "proyectos conjuntos de investigación."]


def test_pdf_with_text_layer(tmp_path):
    p = tmp_path / "agreement.pdf"
    p.write_bytes(
        make_pdf(
            [
                "ARTICLE 1",
                "Purpose",
                "",
                "The Parties shall exchange hydrological information on the Rio Grande basin every day.",
            ]
        )
    )
    doc = parse(p, lang="en")
    assert doc.metadata["format"] == "pdf"
    assert "hydrological information" in doc.text


def test_scanned_pdf_has_no_text_layer(tmp_path):
    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(612, 792)
    p = tmp_path / "scan.pdf"
    with p.open("wb") as fh:
        w.write(fh)
    with pytest.raises(NoTextLayerError) as err:
        parse(p)
    msg = str(err.value)
    assert "scan.pdf" in msg and "OCR" in msg and err.value.code == "E003"


def test_html(tmp_path):
    p = tmp_path / "news.html"
    p.write_text(
        "<html><head><style>p{color:red}</style><script>var x=1;</script></head><body>"
        "<h1>ARTÍCULO 1</h1><p>Las Partes podrán intercambiar información &amp; datos.</p>"
        "<ul><li>capacitación;</li><li>asistencia técnica.</li></ul></body></html>",
        encoding="utf-8",
    )
    doc = parse(p, lang="es")
    assert "var x" not in doc.text and "color" not in doc.text
    assert "información & datos" in doc.text
    assert len(doc.select("bullet")) == 2


def test_empty_file(tmp_path):
    p = tmp_path / "empty.md"
    p.write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(EmptyDocumentError) as err:
        parse(p)
    assert "empty.md" in str(err.value) and "Fix:" in str(err.value)


def test_binary_file(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(DecodingError) as err:
        parse(p)
    assert "image.txt" in str(err.value) and "binary" in str(err.value)


def test_undecodable_bytes(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes("Las Partes podrán".encode() + b"\x81\x8d\x8f" + b" cooperar")
    with pytest.raises(DecodingError, match="UTF-8"):
        parse(p)


def test_unsupported_format(tmp_path):
    p = tmp_path / "sheet.xls"
    p.write_bytes(b"whatever")
    with pytest.raises(UnsupportedFormatError) as err:
        parse(p)
    assert ".xls" in str(err.value) and ".docx" in str(err.value)


def test_missing_file():
    with pytest.raises(InputError, match="does not exist"):
        parse("no/such/file.md")


def test_too_large(tmp_path):
    p = tmp_path / "big.md"
    p.write_text(ES_TEXT, encoding="utf-8")
    with pytest.raises(FileTooLargeError) as err:
        parse(p, max_bytes=1000)
    assert "big.md" in str(err.value) and "max_bytes" in str(err.value)
    with pytest.raises(FileTooLargeError):
        parse(ES_TEXT, max_bytes=1000)


def test_corrupt_docx(tmp_path):
    p = tmp_path / "broken.docx"
    p.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CorruptFileError, match="broken.docx"):
        parse(p)


def test_docx_zip_bomb(tmp_path):
    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * 30_000_000)
    with pytest.raises(FileTooLargeError, match="zip bomb"):
        parse(p)


def test_bytes_input():
    raw = read(ES_TEXT.encode("cp1252"))
    assert raw.encoding == "cp1252" and "Secretaría" in raw.text


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError, match="directory"):
        parse(str(DATA / "agreements"))
