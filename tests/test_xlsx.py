"""The XLSX export: sheets, headers, filter, severity colours, formula-safe text, Spanish labels."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook

import mou_text
from mou_text.check import CheckReport
from mou_text.check import SEVERITY_STYLE, report_to_xlsx

ROOT = Path(__file__).resolve().parents[1]
ALTERED = ROOT / "corpora" / "altered" / "altered_05.md"


@pytest.fixture(scope="module")
def report() -> CheckReport:
    return mou_text.check(mou_text.load_mou("en"), ALTERED, encoder="fake")


@pytest.fixture(scope="module")
def book_en(report, tmp_path_factory):
    path = report_to_xlsx(report, tmp_path_factory.mktemp("x") / "report.xlsx")
    return load_workbook(path)


@pytest.fixture(scope="module")
def book_es(report, tmp_path_factory):
    path = report_to_xlsx(report, tmp_path_factory.mktemp("x") / "informe.xlsx", lang="es")
    return load_workbook(path)


def _statement(report: CheckReport, lang: str) -> str:
    return next(line for line in report.summary(lang).splitlines() if line.startswith(("Result:", "Resultado:")))


def test_sheets_and_headers_en(book_en, report):
    assert book_en.sheetnames == ["Findings", "Summary"]
    ws = book_en["Findings"]
    headers = [c.value for c in ws[1]]
    assert headers[:6] == ["#", "Severity", "Kind", "EN id", "ES id", "Message"]
    assert "English span" in headers and "Spanish span" in headers and headers[-1] == "Check"
    assert ws.max_row == len(report.findings) + 1
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    assert ws.column_dimensions["F"].width >= 40
    assert ws.cell(row=2, column=6).alignment.wrap_text


def test_rows_follow_findings(book_en, report):
    ws = book_en["Findings"]
    for k, f in enumerate(report.findings, 1):
        row = [c.value for c in ws[k + 1]]
        assert row[0] == k
        assert row[1] == f.severity and row[3] == f.en_id and row[4] == f.es_id
        assert row[5] == f.message and row[10] == f.check
        if f.es_span:
            a, b = f.es_span
            assert row[9] == f"“{report.es.text[a:b]}”"
        if f.en_span:
            a, b = f.en_span
            assert row[8] == f"“{report.en.text[a:b]}”"
    # the injected VBG is quoted on the Spanish side of some finding
    assert any("VBG" in (ws.cell(row=r, column=10).value or "") for r in range(2, ws.max_row + 1))


def test_severity_cells_coloured(book_en, report):
    ws = book_en["Findings"]
    seen = set()
    for k, f in enumerate(report.findings, 1):
        cell = ws.cell(row=k + 1, column=2)
        fill, font = SEVERITY_STYLE[f.severity]
        assert cell.fill.fgColor.rgb.endswith(fill)
        assert cell.font.color.rgb.endswith(font)
        seen.add(f.severity)
    assert {"major", "minor"} <= seen
    assert SEVERITY_STYLE["critical"] == ("8B0000", "FFFFFF")


def test_summary_sheet(book_en, report):
    ws = book_en["Summary"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    header = values[0]
    assert header[0] == "Kind" and header[1:5] == ["critical", "major", "minor", "info"]
    counts = report.counts()
    table = {row[0]: row[1:6] for row in values[1 : len(counts) + 2]}
    for kind, by_sev in counts.items():
        row = table[mou_text.lang.kind_label(kind)]
        assert row[:4] == [by_sev.get(s, 0) for s in ("critical", "major", "minor", "info")]
        assert row[4] == sum(by_sev.values())
    assert table["Total"][4] == len(report.findings)
    flat = [v for row in values for v in row if v is not None]
    assert _statement(report, "en") in flat
    keys = [row[0] for row in values]
    for key in ("Library version", "Encoder", "Thresholds", "Glossary version", "Checks run", "Date"):
        assert key in keys
    sig = {row[0]: row[1] for row in values if row[0]}
    assert sig["Library version"] == f"mou-text {mou_text.__version__}"
    assert sig["Encoder"] == report.signature["encoder"]
    assert sig["Glossary version"].startswith("glossary-")


def test_spanish_workbook(book_es, report):
    assert book_es.sheetnames == ["Hallazgos", "Resumen"]
    ws = book_es["Hallazgos"]
    assert [c.value for c in ws[1]][:6] == ["#", "Gravedad", "Tipo", "Id EN", "Id ES", "Mensaje"]
    assert ws.cell(row=2, column=6).value == report.findings[0].message_es
    assert ws.cell(row=2, column=2).value == mou_text.lang.severity_label(report.findings[0].severity, "es")
    flat = [c.value for row in book_es["Resumen"].iter_rows() for c in row if c.value is not None]
    assert _statement(report, "es") in flat
    assert "Versión de la biblioteca" in flat


@pytest.mark.parametrize("payload", ['=HYPERLINK("http://evil.example","click")', "+1+2", "-3", "@SUM(A1)"])
def test_formula_injection_stays_text(report, tmp_path, payload):
    f = dataclasses.replace(report.findings[0], en_text=payload, es_text=payload, message=payload)
    hostile = dataclasses.replace(report, findings=(f,))
    path = report_to_xlsx(hostile, tmp_path / "hostile.xlsx")
    ws = load_workbook(path)["Findings"]
    for col in (6, 7, 8):
        cell = ws.cell(row=2, column=col)
        assert cell.value == payload
        assert cell.data_type == "s"
    # no formula anywhere in the file
    import zipfile

    with zipfile.ZipFile(path) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_control_characters_do_not_break_export(report, tmp_path):
    f = dataclasses.replace(report.findings[0], en_text="bad\x07bell\x00", es_text="ok")
    path = report_to_xlsx(dataclasses.replace(report, findings=(f,)), tmp_path / "ctl.xlsx")
    assert load_workbook(path)["Findings"].cell(row=2, column=7).value == "badbell"


def test_empty_report_and_atomic_write(report, tmp_path):
    empty = dataclasses.replace(report, findings=())
    target = tmp_path / "sub" / "empty.xlsx"
    out = report_to_xlsx(empty, target)
    assert out == target and out.exists()
    assert not list(target.parent.glob("*.part"))
    wb = load_workbook(out)
    assert wb["Findings"].max_row == 1
    flat = [c.value for row in wb["Summary"].iter_rows() for c in row if c.value is not None]
    assert _statement(empty, "en") in flat and "no substantive divergence" in _statement(empty, "en")


def test_bad_language(report, tmp_path):
    with pytest.raises(mou_text.ConfigError):
        report_to_xlsx(report, tmp_path / "x.xlsx", lang="fr")
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.slow
def test_real_encoder_report(tmp_path):
    real = mou_text.check(mou_text.load_mou("en"), ALTERED)
    wb = load_workbook(report_to_xlsx(real, tmp_path / "use.xlsx", lang="es"))
    ws = wb["Hallazgos"]
    assert ws.max_row == len(real.findings) + 1
    kinds = {f.kind for f in real.findings}
    assert {"term_consistency", "language"} & kinds
    flat = [c.value for row in wb["Resumen"].iter_rows() for c in row if c.value is not None]
    assert _statement(real, "es") in flat
