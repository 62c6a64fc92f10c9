"""The rest of issue 15's sweep: each case a clear coded error or a correct result, in the API and the CLI."""

from __future__ import annotations

import io
import warnings

import pytest
from _render import to_pdf
from conftest import MOU

from mou_text import ConfigError, CorruptFileError, InputError, check, parse
from mou_text.cli import main

ES = (MOU / "es.md").read_text(encoding="utf-8")
FR = "Les Participants coopéreront dans le domaine de la justice et de la sécurité des femmes et des filles dans les deux pays, avec la société civile."
PT = "Os Participantes cooperarão na área da justiça e da segurança das mulheres e meninas em ambos os países, com a sociedade civil."


# -- check: nothing checked is no conformity ------------------------------------------------------------
def test_no_checks_is_refused(capsys):
    with pytest.raises(ConfigError) as err:
        check(MOU / "en.md", MOU / "es.md", encoder="fake", checks=[])
    assert err.value.code == "E262"
    for value in (",", ""):
        assert main(["check", "--checks", value, "--encoder", "fake"]) == 2
        assert "[E262]" in capsys.readouterr().err


# -- classify: every sentence reaches the encoder; other languages are named --------------------------
def test_a_long_first_sentence_hides_no_other():
    from mou_text.classify import passages

    long_line = "The budget line for the programme " + "amounts to several million pesos in total " * 40 + "."
    text = long_line + " The justice ministry will train judges. The police will protect women."
    covered = " ".join(p.text for p in passages(text, "en", window=3, stride=3))
    assert "justice ministry" in covered and "police will protect" in covered


@pytest.mark.parametrize(("text", "name"), [(FR, "French"), (PT, "Portuguese")])
def test_classify_names_an_unsupported_language(text, name, tmp_path, capsys):
    from mou_text import UnsupportedLanguageError
    from mou_text.classify import AreaClassifier

    clf = AreaClassifier("fake")
    with pytest.raises(UnsupportedLanguageError) as err:
        clf.predict([text])
    assert err.value.code == "E089" and name in str(err.value)
    row = clf.predict([text], errors="coerce").iloc[0]
    assert "E089" in row["error"] and not row["labels"]
    assert "error" not in clf.predict([text], lang="es")  # a caller who says it is Spanish is believed
    doc = tmp_path / "rapport.txt"
    doc.write_text(text, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    assert main(["classify", str(doc), "--out", str(out), "--encoder", "fake", "--no-progress"]) == 1  # every file failed
    assert "E089" in out.read_text(encoding="utf-8")


# -- readers: UTF-16 without BOM, AES PDFs -----------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding, tmp_path):
    path = tmp_path / "es.txt"
    path.write_bytes(ES.encode(encoding))
    doc = parse(path)
    assert doc.metadata["encoding"] == encoding and doc.ids == parse(MOU / "es.md").ids


def test_binary_is_still_binary(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError) as err:
        parse(path)
    assert err.value.code == "E004"


def _encrypted(user: str, owner: str, algorithm: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(to_pdf(ES))).pages:
        writer.add_page(page)
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_owner_only_aes_pdf_is_read(algorithm, tmp_path):
    pytest.importorskip("cryptography")
    path = tmp_path / "es.pdf"
    path.write_bytes(_encrypted("", "owner-secret", algorithm))
    assert parse(path).ids == parse(MOU / "es.md").ids


def test_password_protected_pdf_is_named(tmp_path, capsys):
    pytest.importorskip("cryptography")
    path = tmp_path / "es.pdf"
    path.write_bytes(_encrypted("user-secret", "owner-secret", "AES-256"))
    with pytest.raises(CorruptFileError) as err:
        parse(path)
    assert err.value.code == "E058"
    assert main(["parse", str(path)]) == 2
    assert "[E058]" in capsys.readouterr().err


def test_aes_without_cryptography_is_a_coded_error(tmp_path, monkeypatch):
    from pypdf.errors import DependencyError
    from pypdf import PdfReader

    def needs(self, password):
        raise DependencyError("cryptography is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", needs)
    path = tmp_path / "es.pdf"
    path.write_bytes(_encrypted("", "owner", "AES-128") if _has_crypto() else to_pdf(ES))
    if not _has_crypto():
        pytest.skip("no cryptography to build an encrypted file")
    with pytest.raises(InputError) as err:
        parse(path)
    assert err.value.code == "E088" and "cryptography" in str(err.value)


def _has_crypto() -> bool:
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return False
    return True


# -- options the errors suggest exist on the command line ----------------------------------------------
def test_on_mismatch_warn_from_the_cli(capsys):
    assert main(["parse", str(MOU / "es.md"), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "[E006]" in err and "--on-mismatch warn" in err
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        assert main(["parse", str(MOU / "es.md"), "--lang", "en", "--on-mismatch", "warn", "--format", "csv"]) == 0


def test_max_pages_from_the_cli(tmp_path, capsys):
    path = tmp_path / "es.pdf"
    path.write_bytes(to_pdf(ES, lines_per_page=20))
    assert main(["parse", str(path), "--max-pages", "2"]) == 2
    err = capsys.readouterr().err
    assert "[E059]" in err and "--max-pages" in err
    assert main(["parse", str(path), "--max-pages", "50", "--format", "csv"]) == 0
    assert main(["parse", str(path), "--max-pages", "0"]) == 2
    assert "[E261]" in capsys.readouterr().err
    assert main(["check", str(MOU / "en.md"), str(path), "--max-pages", "2", "--encoder", "fake"]) == 2
    assert "[E059]" in capsys.readouterr().err


# -- interchange tables: formulas without values, long cells ---------------------------------------------
def test_xlsx_formula_without_a_saved_value(tmp_path, capsys):
    from openpyxl import Workbook

    from mou_text.interchange import pair_from_table

    wb = Workbook()
    ws = wb.active
    ws.append(["en", "es"])
    ws.append(["The Participants will cooperate.", "Los Participantes cooperarán."])
    ws.append(["Women and girls.", '=CONCAT("Mujeres ", "y niñas.")'])
    path = tmp_path / "t.xlsx"
    wb.save(path)  # openpyxl stores formulas and computes none
    with pytest.raises(InputError) as err:
        pair_from_table(path)
    assert err.value.code == "E087" and "B3" in str(err.value)


def test_csv_cell_over_128_kb(tmp_path):
    from mou_text.interchange import pair_from_table

    long_en = "The Participants will cooperate on justice. " * 3500
    long_es = "Los Participantes cooperarán en materia de justicia. " * 3500
    path = tmp_path / "t.csv"
    path.write_text(f'en,es\n"{long_en}","{long_es}"\n"Women.","Mujeres."\n', encoding="utf-8")
    par = pair_from_table(path)
    assert len(par) == 2 and len(par.pairs[0].en.text) > 131_072


# -- permission denied in the API ----------------------------------------------------------------------
def test_unreadable_files_are_coded_in_the_api(tmp_path, monkeypatch):
    from pathlib import Path

    from mou_text.glossary import load_glossary

    doc = tmp_path / "es.md"
    doc.write_text(ES, encoding="utf-8")
    gloss = tmp_path / "g.tsv"
    gloss.write_text("en\tes\ttype\tnote\n", encoding="utf-8")
    real_read_bytes, real_read_text = Path.read_bytes, Path.read_text

    def denied(self, *args, **kwargs):
        if self in (doc, gloss):
            raise PermissionError(13, "Permission denied", str(self))
        return (real_read_bytes if not args and not kwargs else real_read_text)(self, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", lambda self: denied(self))
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: denied(self, *a, **k) if self in (doc, gloss) else real_read_text(self, *a, **k))
    with pytest.raises(InputError) as err:
        parse(doc)
    assert err.value.code == "E086" and "permission denied" in str(err.value)
    with pytest.raises(InputError) as err:
        load_glossary(gloss)
    assert err.value.code == "E085"


# -- permission denied on a bilingual file, from the API (the CLI codes it at its top level) ------------
@pytest.mark.parametrize("name", ["memory.tmx", "units.xlf", "table.csv"])
def test_unreadable_bilingual_file_is_a_coded_error(name, tmp_path, monkeypatch):
    from pathlib import Path

    import mou_text
    from mou_text.errors import InputError

    path = tmp_path / name
    path.write_text("<tmx/>" if name.endswith(".tmx") else "<xliff/>" if name.endswith(".xlf") else "en,es\nYes,Sí\n", encoding="utf-8")
    real_open = Path.open

    def deny(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    reader = {"tmx": mou_text.pair_from_tmx, "xlf": mou_text.pair_from_xliff, "csv": mou_text.pair_from_table}[name.rsplit(".", 1)[1]]
    with pytest.raises(InputError) as err:
        reader(path)
    assert err.value.code == "E075" and name in str(err.value) and "chmod" in str(err.value)
