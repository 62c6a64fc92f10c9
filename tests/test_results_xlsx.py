"""The classify results workbook, read with openpyxl as a person's spreadsheet would show it: sized
columns, a filter, a frozen header, percentages on a colour scale, readable evidence citing the MOU
clause in the document's language, the machine JSON hidden but kept, and a signature sheet."""

from __future__ import annotations

import json
import random

import pytest
from _areadocs import make_doc
from openpyxl import load_workbook

from mou_text.cli import main
from mou_text.cli._results_xlsx import evidence_text

AREAS = ["economic", "social", "security", "justice"]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    root = tmp_path_factory.mktemp("xlsx")
    rng = random.Random(2)
    (root / "in").mkdir()
    (root / "in" / "a_en.txt").write_text(make_doc(["security", "justice"], "en", rng), encoding="utf-8")
    (root / "in" / "b_es.md").write_text(make_doc(["economic"], "es", rng), encoding="utf-8")
    (root / "in" / "c_bad.docx").write_bytes(b"not a zip")
    out = root / "r.xlsx"
    assert main(["classify", str(root / "in"), "--out", str(out), "--encoder", "fake", "--no-progress", "--threshold", "0.5"]) == 0
    return out


def test_layout(book):
    wb = load_workbook(book)
    assert wb.sheetnames == ["areas", "signature"]
    ws = wb["areas"]
    header = [c.value for c in ws[1]]
    assert header == ["path", "lang", *AREAS, "labels", "primary", "evidence", "error", "evidence_text"]
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == "A1:K4"
    assert all(c.font.bold for c in ws[1])
    width = {h: ws.column_dimensions[c.column_letter].width for h, c in zip(header, ws[1])}
    assert width["path"] >= 40 and width["evidence_text"] >= 80 and width["lang"] <= 8
    assert ws.column_dimensions["I"].hidden  # the JSON evidence: kept for --resume and review, out of sight
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    assert any(r.type == "colorScale" for r in rules)
    assert str(next(iter(ws.conditional_formatting)).sqref) == "C2:F4"
    for row in ws.iter_rows(min_row=2):
        for c in row[2:6]:
            assert c.number_format == "0%" and (c.value is None or 0 <= c.value <= 1)
        assert {row[6].data_type, row[7].data_type} <= {"s", "inlineStr"}  # labels and primary as text, never numbers or formulas


def test_evidence_is_readable_and_in_the_documents_language(book):
    ws = load_workbook(book)["areas"]
    rows = {r[0].rsplit("/", 1)[-1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    for name, lang in (("a_en.txt", "en"), ("b_es.md", "es")):
        r = rows[name]
        evidence = json.loads(r[8])
        assert evidence and all(e["clause_lang"] == lang for e in evidence)  # the clause the reader reads
        text = r[10]
        assert text.count("\n") == len(evidence) - 1 and "MOU s" in text and "{" not in text
        assert " ".join(evidence[0]["clause_text"].split())[:120] in text
    assert "not a valid .docx" in rows["c_bad.docx"][9] and rows["c_bad.docx"][10] in ("", None)


def test_signature_sheet(book):
    ws = load_workbook(book)["signature"]
    sig = {k: v for k, v in ws.iter_rows(min_row=2, values_only=True)}
    assert sig["encoder"] == "fake-hash-256" and json.loads(sig["thresholds"]) == dict.fromkeys(AREAS, 0.5)
    assert ws.column_dimensions["B"].width >= 80 and ws.freeze_panes == "A2"


def test_older_evidence_is_shown_with_the_documents_clause():
    """Results written before the fix cite the Spanish clause for an English document: shown in English."""
    from mou_text import load_mou

    es = load_mou("es")["s3.iii.bullet.2"].text
    line = evidence_text([{"area": "security", "passage": "trafficking", "clause": "s3.iii.bullet.2", "clause_lang": "es", "clause_text": es}], "en")
    assert "Combating trafficking in women and girls" in line and es not in line
