"""The review loop's files: a classify results file read back, the review workbook written, and the
reviewer's answers read from it (and from any other labelled file) as training examples.

The review workbook is for a person with Excel or LibreOffice: one row per document that needs a look,
the machine's proposal already filled in as 1/0 in one column per area, so confirming is one mark and
correcting is overwriting a cell. Headers name each area in English and Spanish. A row counts as
reviewed when its "reviewed" cell is marked or when any area cell differs from the proposal (a
correction is never lost because the mark was forgotten); the proposal itself is kept in a hidden
column for that comparison. Cells read 1 / x / yes / sí as yes and 0 / empty / no as no.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

from ..errors import ConfigError, InputError
from ..lang import REVIEW_REASONS, area_name

#: Sheet names (the review sheet is found by its header, whatever it was renamed to).
SHEET, HELP = "review", "instructions"
YES = {"1", "x", "yes", "y", "sí", "si", "s", "true", "✓", "✔", "1.0"}
NO = {"0", "", "no", "n", "false", "-", "0.0"}
_DOC, _REVIEWED, _PROPOSED, _NOTE = "document · documento", "reviewed · revisado (x)", "proposal_keys", "note · nota"

INSTRUCTIONS = {
    "en": [
        "How to review",
        "Each row is a document the classifier was unsure about (see 'why'). The columns marked (1/0) hold its proposal, one per area.",
        "Read the evidence (and the document if needed). If an area is wrong, overwrite its cell: 1 (or x) = the document is about this area, 0 (or empty) = it is not.",
        "Put an x in 'reviewed' for every row you checked, including those you left as they were (confirmations teach the model too).",
        "A row with all areas at 0 means 'none of the areas'. Rows neither marked nor changed are ignored.",
        "Then: mou-text fit review.xlsx --out my-head/   and   mou-text classify ... --model my-head/",
    ],
    "es": [
        "Cómo revisar",
        "Cada fila es un documento sobre el que el clasificador tuvo dudas (vea 'motivo'). Las columnas marcadas (1/0) tienen su propuesta, una por área.",
        "Lea la evidencia (y el documento si hace falta). Si un área es incorrecta, sobrescriba su celda: 1 (o x) = el documento trata de esta área, 0 (o vacío) = no.",
        "Ponga una x en 'revisado' en cada fila que haya comprobado, también en las que dejó igual (las confirmaciones también enseñan al modelo).",
        "Una fila con todas las áreas en 0 significa 'ninguna de las áreas'. Las filas sin marca y sin cambios se ignoran.",
        "Después: mou-text fit review.xlsx --out mi-modelo/   y   mou-text classify ... --model mi-modelo/",
    ],
}


def area_header(area: str) -> str:
    """The reviewer's column of one area, named in both languages: ``economic · económica (1/0)``."""
    return f"{area} · {area_name(area, 'es')} (1/0)"


# -- results files in ---------------------------------------------------------------------------------


def read_results(path: Path) -> tuple[list[dict[str, Any]], dict[str, Any] | None, tuple[str, ...]]:
    """(records, signature or None, areas) of a ``mou-text classify`` output (.csv, .jsonl or .xlsx)."""
    if not path.is_file():
        raise ConfigError(f"results file '{path}'", "it does not exist", "pass the --out file of a classify run", path=path, code="E257")
    suffix = path.suffix.lower()
    sig: dict[str, Any] | None = None
    if suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        sig = rows[0].get("signature") if rows else None
    elif suffix == ".csv":
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True)
        try:
            it = wb["areas"].iter_rows(values_only=True)
            header = [str(c) if c is not None else "" for c in next(it, ())]
            rows = [dict(zip(header, r)) for r in it]
            if "signature" in wb.sheetnames:
                sig = {}
                for r in wb["signature"].iter_rows(min_row=2, values_only=True):
                    k, v = (*r, None, None)[:2]
                    if k:
                        sig[str(k)] = json.loads(v) if isinstance(v, str) and v[:1] in "{[" else v
        except KeyError:
            _not_results(path)
        finally:
            wb.close()
    else:
        _not_results(path)
    if not rows or not {"path", "labels", "error"} <= set(rows[0]):
        _not_results(path)
    keys = list(rows[0])
    areas = tuple(sig["areas"]) if sig and sig.get("areas") else tuple(keys[keys.index("lang") + 1 : keys.index("labels")])
    return [_record(r, areas) for r in rows], sig, areas


def _not_results(path: Path) -> NoReturn:
    raise ConfigError(f"results file '{path}'", "it is not an output of mou-text classify (.csv, .jsonl or .xlsx with path, lang, the area scores, labels, primary, evidence and error)",
                      "pass the --out file of a classify run", path=path, code="E258")


def _record(row: dict[str, Any], areas: tuple[str, ...]) -> dict[str, Any]:
    def num(v: Any) -> float | None:
        if v is None or v == "":
            return None
        f = float(v)
        return None if math.isnan(f) else f

    labels = row.get("labels") or []
    if isinstance(labels, str):
        labels = [x for x in labels.split(";") if x]
    ev = row.get("evidence") or []
    if isinstance(ev, str):
        ev = json.loads(ev) if ev.strip() else []
    return {"path": str(row.get("path") or ""), "lang": row.get("lang") or None, **{a: num(row.get(a)) for a in areas},
            "labels": list(labels), "primary": row.get("primary") or None, "evidence": ev, "error": str(row.get("error") or "")}


# -- the review workbook out --------------------------------------------------------------------------


def write_review(path: Path, rows: list[dict[str, Any]], areas: tuple[str, ...], lang: str, settings: dict[str, Any]) -> Path:
    """The review workbook: the rows to look at (each with ``reasons``), instructions, settings."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from .._io import atomic_write
    from ..workbook import put_text, save_workbook
    from ._results_xlsx import evidence_text

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    header = [_DOC, "lang", "why · motivo", *(f"{a} %" for a in areas), "proposal · propuesta", "evidence · evidencia",
              *(area_header(a) for a in areas), _REVIEWED, _NOTE, _PROPOSED]
    widths = [40, 6, 22, *([10] * len(areas)), 22, 70, *([16] * len(areas)), 14, 24, 10]
    grey, answer = PatternFill("solid", fgColor="D9D9D9"), PatternFill("solid", fgColor="FFF2CC")
    for c, (h, w) in enumerate(zip(header, widths), 1):
        cell = put_text(ws, 1, c, h)
        cell.font, cell.fill, cell.alignment = Font(bold=True), answer if c > 5 + len(areas) and h != _PROPOSED else grey, Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(c)].width = w
    first_answer = 6 + len(areas)
    top, wrap = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)
    for r, rec in enumerate(rows, 2):
        values = [rec["path"], rec["lang"] or "", "; ".join(REVIEW_REASONS[lang][x] for x in rec["reasons"]), *(rec[a] for a in areas),
                  ", ".join(area_name(a, lang) for a in rec["labels"]) or ("ninguna" if lang == "es" else "none"),
                  evidence_text(rec["evidence"], rec["lang"]), *(int(a in rec["labels"]) for a in areas), None, None, ";".join(rec["labels"])]
        for c, v in enumerate(values, 1):
            cell = put_text(ws, r, c, v)
            cell.alignment = wrap if c in (1, 3, 5 + len(areas)) else top
            if 3 < c <= 3 + len(areas):
                cell.number_format = "0%"
    last = max(2, len(rows) + 1)
    ws.conditional_formatting.add(f"D2:{get_column_letter(3 + len(areas))}{last}", ColorScaleRule(start_type="num", start_value=0, start_color="FFFFFF", end_type="num", end_value=1, end_color="63BE7B"))
    dv = DataValidation(type="list", formula1='"1,0,x"', allow_blank=True, showErrorMessage=False)
    ws.add_data_validation(dv)
    dv.add(f"{get_column_letter(first_answer)}2:{get_column_letter(first_answer + len(areas))}{last}")
    ws.column_dimensions[get_column_letter(len(header))].hidden = True
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{last}"

    help_ws = wb.create_sheet(HELP if lang == "en" else "instrucciones")
    help_ws.column_dimensions["A"].width = 130
    for r, line in enumerate(INSTRUCTIONS[lang] + [""] + INSTRUCTIONS["es" if lang == "en" else "en"], 1):
        put_text(help_ws, r, 1, line).alignment = Alignment(wrap_text=True)
        if r in (1, len(INSTRUCTIONS[lang]) + 2):
            help_ws.cell(row=r, column=1).font = Font(bold=True, size=13)
    st = wb.create_sheet("settings")
    for r, (k, v) in enumerate(settings.items(), 1):
        put_text(st, r, 1, k)
        put_text(st, r, 2, json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v)
    st.column_dimensions["A"].width, st.column_dimensions["B"].width = 22, 90
    return atomic_write(path, lambda tmp: save_workbook(wb, tmp))


# -- answers in ---------------------------------------------------------------------------------------


def _yes(value: Any, where: str, path: Path) -> bool:
    text = "" if value is None else str(value).strip().lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise InputError(f"'{path}' {where}", f"{value!r} is neither yes nor no", "write 1 or x for yes, 0 or leave empty for no", path=path, code="E070")


def review_answers(path: Path, areas: tuple[str, ...]) -> Iterator[tuple[str, list[str]]] | None:
    """(document key, areas) of every reviewed row of a review workbook; None if ``path`` is none."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            rows = ws.iter_rows(values_only=True)
            header = [str(c) if c is not None else "" for c in next(rows, ())]
            if _DOC not in header or _REVIEWED not in header:
                continue
            col = {h: i for i, h in enumerate(header)}
            missing = [a for a in areas if area_header(a) not in col]
            if missing:
                raise InputError(f"review workbook '{path}'", f"its columns for {', '.join(missing)} are gone", "write a new one with mou-text review", path=path, code="E069")
            out = []
            for n, row in enumerate(rows, 2):
                row = (*row, *[None] * len(header))
                key = row[col[_DOC]]
                if not key:
                    continue
                chosen = [a for a in areas if _yes(row[col[area_header(a)]], f"cell {get_column_letter(col[area_header(a)] + 1)}{n}", path)]
                proposed = [x for x in str(row[col[_PROPOSED]] or "").split(";") if x]
                if _yes(row[col[_REVIEWED]], f"cell {get_column_letter(col[_REVIEWED] + 1)}{n}", path) or set(chosen) != set(proposed):
                    out.append((str(key), chosen))
            return iter(out)
    finally:
        wb.close()
    return None
