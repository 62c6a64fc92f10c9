"""The results workbook of ``mou-text classify``, formatted for people as the check workbook is.

One row per file on an ``areas`` sheet: a frozen, filterable header, columns sized to their content,
area scores as percentages on a white-to-green colour scale, labels and primary area as text, and the
evidence as readable text: for each label, the passage and the MOU clause it matched (id and text,
in the document's language). The exact records stay machine-readable too: the ``evidence`` column
keeps the JSON of :mod:`._results` (hidden, so ``--resume`` and ``mou-text review`` read the file back
exactly), and a ``signature`` sheet holds how the run was produced. Written row by row (a write-only
workbook), so the rows are never all in memory; every string is stored as text, never a formula.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any


def columns(areas: Iterable[str]) -> list[str]:
    """The machine columns, as ``_results.columns`` (which imports this module, so it cannot be
    imported here; the resume tests read these workbooks back through it)."""
    return ["path", "lang", *areas, "labels", "primary", "evidence", "error"]

#: The readable evidence column, after the machine columns (``--resume`` reads only those).
EVIDENCE_TEXT = "evidence_text"
#: Column widths in characters: path, lang, each area, labels, primary, evidence (JSON), error, evidence text.
_WIDTHS = {"path": 42, "lang": 6, "area": 11, "labels": 22, "primary": 11, "evidence": 12, "error": 24, EVIDENCE_TEXT: 90}
#: Passages and clauses longer than this are cut in the readable column (the JSON column keeps them whole).
_PASSAGE_CHARS = 300
_CLAUSE_CHARS = 220


@lru_cache(maxsize=2)
def _clauses(lang: str) -> dict[str, str]:
    """MOU clause texts of one language by id: evidence recorded against the other language's clause
    (older results) is shown with the clause the document's reader reads."""
    from ..parse import load_mou

    return {n.id: " ".join(n.text.split()) for n in load_mou(lang).nodes}


def evidence_text(evidence: list[dict[str, Any]], lang: str | None) -> str:
    """Evidence as lines a person reads: ``area: “passage” ↔ clause id: “clause text”``."""
    lines = []
    for e in evidence:
        passage = " ".join(str(e.get("passage", "")).split())
        if len(passage) > _PASSAGE_CHARS:
            passage = passage[: _PASSAGE_CHARS - 1] + "…"
        clause_id, clause = e.get("clause", ""), e.get("clause_text", "")
        if lang in ("en", "es") and e.get("clause_lang") != lang:
            clause = _clauses(lang).get(clause_id, clause)
        clause = " ".join(str(clause).split())
        if len(clause) > _CLAUSE_CHARS:
            clause = clause[: _CLAUSE_CHARS - 1] + "…"
        lines.append(f"{e.get('area')}: “{passage}” ↔ MOU {clause_id}: “{clause}”")
    return "\n".join(lines)


def machine_cells(rec: dict[str, Any], areas: tuple[str, ...]) -> list[Any]:
    """The machine columns, exactly as the CSV has them (``--resume`` reads them back): labels
    ';'-joined, evidence as JSON text, missing values empty."""
    return [rec["path"], rec["lang"] or "", *(rec[a] for a in areas), ";".join(rec["labels"]), rec["primary"] or "",
            json.dumps(rec["evidence"], ensure_ascii=False), rec["error"] or ""]


def write_xlsx(p: Path, records: Iterable[dict[str, Any]], areas: tuple[str, ...], signature: dict[str, Any]) -> None:
    """The ``areas`` and ``signature`` sheets, streamed from ``records``."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from ..workbook import clean_text, save_workbook

    wb = Workbook(write_only=True)
    bold, grey = Font(bold=True), PatternFill("solid", fgColor="D9D9D9")
    top, wrap = Alignment(vertical="top"), Alignment(vertical="top", wrap_text=True)

    def cell(ws: Any, v: Any, *, header: bool = False, fmt: str | None = None, wrapped: bool = False) -> Any:
        if v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)):
            c = WriteOnlyCell(ws, value=v)
        else:
            c = WriteOnlyCell(ws, value=clean_text(str(v)))
            c.data_type = "s"  # never a formula
        if header:
            c.font, c.fill, c.alignment = bold, grey, wrap
        else:
            c.alignment = wrap if wrapped else top
        if fmt:
            c.number_format = fmt
        return c

    cols = [*columns(areas), EVIDENCE_TEXT]
    ws = wb.create_sheet("areas")
    for i, name in enumerate(cols, 1):  # sizes and the frozen header go before the first row
        dim = ws.column_dimensions[get_column_letter(i)]
        dim.width = _WIDTHS.get(name, _WIDTHS["area"])
        dim.hidden = name == "evidence"
    ws.freeze_panes = "B2"
    ws.append([cell(ws, c, header=True) for c in cols])
    n = 0
    for rec in records:
        values = machine_cells(rec, areas)
        row = []
        for name, v in zip(cols, values):
            row.append(cell(ws, v, fmt="0%" if name in areas else None, wrapped=name in ("path", "error")))
        row.append(cell(ws, evidence_text(rec["evidence"], rec["lang"]), wrapped=True))
        ws.append(row)
        n += 1
    last = n + 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{last}"
    first, end = get_column_letter(3), get_column_letter(2 + len(areas))
    ws.conditional_formatting.add(f"{first}2:{end}{max(last, 2)}", ColorScaleRule(start_type="num", start_value=0, start_color="FFFFFF", end_type="num", end_value=1, end_color="63BE7B"))

    sig = wb.create_sheet("signature")
    sig.column_dimensions["A"].width = 24
    sig.column_dimensions["B"].width = 100
    sig.freeze_panes = "A2"
    sig.append([cell(sig, "key", header=True), cell(sig, "value", header=True)])
    for k, v in signature.items():
        sig.append([cell(sig, k), cell(sig, json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v, wrapped=True)])
    save_workbook(wb, p)
