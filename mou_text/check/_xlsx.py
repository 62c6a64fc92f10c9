"""A check report as an Excel workbook, the form translators hand QA results to clients in.

Xbench and CheckMate users expect one row per finding they can filter, sort and annotate, and a
summary sheet a client can sign. Everything a document contains is untrusted input: a clause that
reads ``=HYPERLINK(...)`` must reach the client as text, never as a formula, so every string cell
is forced to the string type (formula injection), and characters XML forbids are dropped rather
than failing the export. The file is written atomically, like every output of the library, and
reproducibly: the same report gives the same bytes, because no clock reaches the file (the zip entries
and the document properties carry ``SOURCE_DATE_EPOCH`` when it is set, else the fixed
:data:`ZIP_EPOCH`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..lang import REPORT_TEXT, WORKBOOK_TEXT
from ..workbook import put_text, save_workbook, source_date
from ._finding import SEVERITIES

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

    from ._report import CheckReport


#: Fill colour and font colour per severity (critical dark red on white text, major red, minor
#: orange, info light blue).
SEVERITY_STYLE = {
    "critical": ("8B0000", "FFFFFF"),
    "major": ("FF4D4D", "000000"),
    "minor": ("FFB347", "000000"),
    "info": ("ADD8E6", "000000"),
}

_WIDTHS = [5, 11, 18, 16, 16, 60, 55, 55, 28, 28, 12]


def report_to_xlsx(report: CheckReport, path: str | os.PathLike[str], lang: str = "en") -> Path:
    """Write ``report`` as a workbook with a "Findings" and a "Summary" sheet (Spanish with ``lang='es'``)."""
    if lang not in WORKBOOK_TEXT:
        raise ConfigError("xlsx language", f"{lang!r} is not supported", "pass lang='en' or lang='es'", code="E205")
    from openpyxl import Workbook

    from .._io import atomic_write

    wb = Workbook()
    _findings_sheet(wb.active, report, lang)
    _summary_sheet(wb.create_sheet(), report, lang)
    return atomic_write(path, lambda tmp: save_workbook(wb, tmp))


# -- reproducible output ------------------------------------------------------------------------------

def _header(ws: Worksheet, row: int, labels: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    for col, label in enumerate(labels, 1):
        cell = put_text(ws, row, col, label)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="D9D9D9")
        cell.alignment = Alignment(vertical="top", wrap_text=True)


def _span_text(doc_text: str, span: tuple[int, int] | None) -> str | None:
    if not span:
        return None
    a, b = span
    return f"“{doc_text[a:b]}”"


# -- sheets -------------------------------------------------------------------------------------------


def _findings_sheet(ws: Worksheet, report: CheckReport, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    from ..lang import check_label, kind_label, severity_label

    t = WORKBOOK_TEXT[lang]
    ws.title = t["findings"]
    _header(ws, 1, t["headers"])
    wrap = Alignment(vertical="top", wrap_text=True)
    for k, f in enumerate(report.findings, 1):
        row = k + 1
        values = [
            k,
            severity_label(f.severity, lang),
            kind_label(f.kind, lang),
            f.en_id,
            f.es_id,
            f.message_es if lang == "es" else f.message,
            f.en_text,
            f.es_text,
            _span_text(report.en.text, f.en_span),
            _span_text(report.es.text, f.es_span),
            check_label(f.check, lang),
        ]
        for col, value in enumerate(values, 1):
            put_text(ws, row, col, value).alignment = wrap
        fill, font = SEVERITY_STYLE.get(f.severity, ("FFFFFF", "000000"))
        sev = ws.cell(row=row, column=2)
        sev.fill = PatternFill("solid", fgColor=fill)
        sev.font = Font(color=font, bold=f.severity == "critical")
    for col, width in enumerate(_WIDTHS, 1):
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(_WIDTHS)).column_letter}{max(1, len(report.findings) + 1)}"


def _summary_sheet(ws: Worksheet, report: CheckReport, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    from ..lang import kind_label, severity_label

    t = WORKBOOK_TEXT[lang]
    ws.title = t["summary"]
    sevs = list(reversed(SEVERITIES))  # critical first, as the summary reads
    _header(ws, 1, [t["kind"], *(severity_label(s, lang) for s in sevs), t["total"]])
    for col, s in enumerate(sevs, 2):
        fill, font = SEVERITY_STYLE[s]
        cell = ws.cell(row=1, column=col)
        cell.fill = PatternFill("solid", fgColor=fill)
        cell.font = Font(bold=True, color=font)
    counts = report.counts()
    row = 2
    for kind, by_sev in counts.items():
        put_text(ws, row, 1, kind_label(kind, lang))
        for col, s in enumerate(sevs, 2):
            put_text(ws, row, col, by_sev.get(s, 0))
        put_text(ws, row, len(sevs) + 2, sum(by_sev.values()))
        row += 1
    put_text(ws, row, 1, t["total"]).font = Font(bold=True)
    for col, s in enumerate(sevs, 2):
        put_text(ws, row, col, sum(c.get(s, 0) for c in counts.values())).font = Font(bold=True)
    put_text(ws, row, len(sevs) + 2, len(report.findings)).font = Font(bold=True)

    row += 2
    put_text(ws, row, 1, t["result"]).font = Font(bold=True)
    statement = next((line for line in report.summary(lang).splitlines() if line.startswith(REPORT_TEXT[lang]["result"])), "")
    cell = put_text(ws, row, 2, statement)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(sevs) + 2)
    ws.row_dimensions[row].height = 45

    row += 2
    put_text(ws, row, 1, t["signature"]).font = Font(bold=True)
    row += 1
    _header(ws, row, [t["key"], t["value"]])
    for key, value in _signature_rows(report.signature):
        row += 1
        put_text(ws, row, 1, t["keys"].get(key, key))
        put_text(ws, row, 2, value).alignment = Alignment(wrap_text=True, vertical="top")
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(sevs) + 2)
    ws.column_dimensions["A"].width = 30
    for col in range(2, len(sevs) + 3):
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = 18


def _date_text() -> str:
    """The Date row of a report that recorded no date: ``SOURCE_DATE_EPOCH`` if set, else left for the
    signer to fill in (a clock reading would make two exports of one report differ)."""
    when = source_date()
    return when.isoformat(timespec="seconds") if when is not None else ""


def _signature_rows(sig: dict[str, Any]) -> list[tuple[str, str]]:
    """The signature as key/value text rows: the named keys first, then whatever else the run recorded."""

    def text(value: Any) -> str:
        if isinstance(value, (dict, list, tuple)):
            if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
                return ", ".join(value)
            return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
        return "" if value is None else str(value)

    glossary = sig.get("glossary")
    gloss_text = glossary.get("version", text(glossary)) if isinstance(glossary, dict) else text(glossary)
    rows = [
        ("library", text(sig.get("library"))),
        ("encoder", text(sig.get("encoder"))),
        ("thresholds", text(sig.get("thresholds"))),
        ("glossary", gloss_text),
        ("checks", text(sig.get("checks"))),
        ("date", text(sig.get("date")) or _date_text()),
    ]
    named = {"library", "encoder", "thresholds", "glossary", "checks", "date"}
    rows.extend((k, text(v)) for k, v in sig.items() if k not in named)
    return rows
