"""Reading a bilingual spreadsheet (.xlsx) or delimited text (.csv, .tsv) into a ParallelDocument.

Translators and reviewers often keep a two-column table rather than a TM. Columns are recognised by
their header in English or Spanish, by role (source/target) or by position; a table that only says
"source/target" (or nothing) is checked offline for which column is which language, because a
Spanish→English table is as common as the other way round.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..align import ParallelDocument
from ..errors import (
    ConfigError,
    CorruptFileError,
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    LanguageMismatchError,
    UnsupportedFormatError,
    UnsupportedLanguageError,
)
from ._read import ReadUnit, checked_file, parallel

#: Header words, accent-folded and lower-cased, that name each column.
_EN_WORDS = frozenset({"en", "eng", "english", "ingles", "anglais"})
_ES_WORDS = frozenset({"es", "spa", "spanish", "espanol", "castellano"})
_SOURCE_WORDS = frozenset({"source", "src", "original", "origen", "fuente"})
_TARGET_WORDS = frozenset({"target", "tgt", "translation", "traduccion", "destino"})
_FILLER_WORDS = frozenset({"text", "texto", "version", "segment", "segmento", "lang", "language", "idioma", "col", "column", "columna"})
_ID_NAMES = frozenset({"id", "key", "clave", "tuid", "resname", "unit id", "segment id", "#", "no", "nº", "n°", "num", "numero", "number"})
_EXTRA_COLUMNS = ("kind", "section", "area", "label")
TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".tsv")
#: How many top rows may stand above the header (titles, notes).
_HEADER_SEARCH = 5


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _column_role(cell: str) -> str | None:
    """What a header cell names: en/es (by language), source/target (by role), id, an extra, or None."""
    folded = _fold(cell)
    if len(folded) > 40 or len(folded.split()) > 4:  # a sentence is data, not a header
        return None
    if folded in _ID_NAMES or folded.rstrip(".") in _ID_NAMES:
        return "id"
    if folded in _EXTRA_COLUMNS:
        return folded
    words = set(re.split(r"[^a-z0-9]+", folded)) - {""}
    rest = words - _EN_WORDS - _ES_WORDS - _SOURCE_WORDS - _TARGET_WORDS - _FILLER_WORDS
    if any(not (len(w) == 2 or w.isdigit()) for w in rest):  # 'en_start' is no text column; 'es-MX' is
        return None
    en, es = bool(words & _EN_WORDS), bool(words & _ES_WORDS)
    if en and es:  # 'Texto en español': a language's name outweighs a code that is also a word
        en, es = bool(words & _EN_WORDS - {"en"}), bool(words & _ES_WORDS - {"es"})
    if en != es:
        return "en" if en else "es"
    src, trg = bool(words & _SOURCE_WORDS), bool(words & _TARGET_WORDS)
    if src != trg:
        return "source" if src else "target"
    return None


@dataclass(frozen=True, slots=True)
class _Layout:
    """Which column holds what (0-based), and whether the first row is a header."""

    en: int | None
    es: int | None
    id: int | None
    extras: dict[str, int]
    header: bool
    by_language: bool  # the header names the languages, so the columns are not re-ordered


def _header_row(rows: list[tuple[int, list[str]]]) -> int:
    """Index of the header row: the first of the top rows that names a text column (a sheet often
    has a title or a note above its header), else 0."""
    for k, (_, cells) in enumerate(rows[:_HEADER_SEARCH]):
        named = {r for r in map(_column_role, cells) if r in ("en", "es", "source", "target")}
        if named and (k == 0 or len(named) >= 2):  # lower down, only a row naming both columns
            return k
    return 0


def _layout(first: list[str], width: int, header: bool | None) -> _Layout:
    roles = [_column_role(c) for c in first]
    named = any(r in ("en", "es", "source", "target") for r in roles)
    if header is None:
        header = named or "id" in roles
    if not header:
        roles = [None] * width
    role_at = {r: i for i, r in reversed(list(enumerate(roles))) if r}
    en = role_at.get("en", role_at.get("source"))
    es = role_at.get("es", role_at.get("target"))
    taken = {i for i in (en, es, role_at.get("id")) if i is not None} | {role_at[k] for k in _EXTRA_COLUMNS if k in role_at}
    free = [i for i in range(width) if i not in taken]
    if en is None:
        en = free.pop(0) if free else None
    if es is None:
        es = free.pop(0) if free else None
    by_language = "en" in role_at and "es" in role_at
    return _Layout(en, es, role_at.get("id"), {k: role_at[k] for k in _EXTRA_COLUMNS if k in role_at}, header, by_language)


def pair_from_table(path: str | Path, *, sheet: str | int | None = None, header: bool | None = None) -> ParallelDocument:
    """A :class:`ParallelDocument` from a bilingual spreadsheet (.xlsx) or delimited text (.csv, .tsv).

    Columns are found by their header (``en``/``es``, ``English``/``Spanish``, ``inglés``/``español``,
    ``source``/``target``, ``en_text``/``es_text``, any case and accents), else the first two columns
    are English and Spanish; an ``id`` column names the units (else ``row.N``, the spreadsheet row, so a
    finding points at the row a translator sees), and ``kind``/``section``/``area``/``label`` columns are
    kept (so the CSV of ``mou-text pair --format csv`` reads back as the same pairs).
    ``header=None`` detects a header row by those names (title rows above it are skipped). When the header does not name the languages,
    the columns are checked offline and swapped if the Spanish one comes first. ``sheet`` picks a
    worksheet by name or 0-based index (default: the first).
    """
    p = checked_file(path)
    suffix = p.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UnsupportedFormatError(
            f"file '{p}'",
            f"the extension '{suffix or '(none)'}' is not a supported table format",
            f"save it as one of {', '.join(TABLE_SUFFIXES)} (from Excel: File › Save As › Excel Workbook or CSV UTF-8)",
            path=p, code="E030",
        )
    rows = _xlsx_rows(p, sheet) if suffix in (".xlsx", ".xlsm") else _csv_rows(p)
    rows = [(n, cells) for n, cells in rows if any(cells)]
    name = f"file '{p}'"
    if not rows:
        raise EmptyDocumentError(name, "the table has no non-empty row", "check that the right file (and sheet) was passed", path=p, code="E031")
    width = max(len(cells) for _, cells in rows)
    if width < 2:
        raise InputError(name, "the table has a single column; an English and a Spanish column are needed", "put the English text in one column and the Spanish text in the next", path=p, code="E032")
    rows = [(n, cells + [""] * (width - len(cells))) for n, cells in rows]
    start = _header_row(rows) if header is None else 0
    layout = _layout(rows[start][1], width, header)
    if layout.en is None or layout.es is None:
        raise InputError(name, "no column is left for the English or the Spanish text once id, kind, section and area are set aside", "add an English and a Spanish column (headed en and es)", path=p, code="E033")
    body = rows[start + 1 :] if layout.header else rows
    units = []
    for n, cells in body:
        meta = {k: cells[i] for k, i in layout.extras.items() if cells[i]}
        uid = _id_cell(cells[layout.id]) if layout.id is not None else ""
        units.append(ReadUnit(uid or f"row.{n}", meta, cells[layout.en], cells[layout.es]))
    swapped = _check_columns(units, layout, p)
    if swapped:
        for u in units:
            u.en, u.es = u.es, u.en
    info = {"header": layout.header, "columns_swapped": swapped, "sheet": sheet}
    return parallel(units, p, "table", info)


def _id_cell(value: str) -> str:
    return value[:-2] if re.fullmatch(r"\d+\.0", value) else value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _xlsx_rows(path: Path, sheet: str | int | None) -> list[tuple[int, list[str]]]:
    import zipfile

    name = f"file '{path}'"
    try:
        with zipfile.ZipFile(path) as zf:
            expanded = sum(i.file_size for i in zf.infolist())
    except zipfile.BadZipFile:
        raise CorruptFileError(name, "it is not a valid .xlsx workbook (not a zip container)", "open it in a spreadsheet program and save it again as .xlsx, or save it as CSV", path=path, code="E034") from None
    if expanded > 100 * max(path.stat().st_size, 1) and expanded > 50_000_000:
        raise FileTooLargeError(name, f"it expands to {expanded:,} bytes, which looks like a zip bomb", "save the sheet as CSV and read that", path=path, code="E035")
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, SyntaxError) as exc:
        # a missing part is a KeyError, a malformed part an XML ParseError (a SyntaxError)
        raise CorruptFileError(name, f"openpyxl cannot read it as a workbook ({type(exc).__name__}: {exc})", "open it in a spreadsheet program and save it again as .xlsx, or save it as CSV", path=path, code="E036") from None
    try:
        if sheet is None:
            ws = wb.worksheets[0]
        elif isinstance(sheet, int):
            ws = wb.worksheets[sheet]
        else:
            ws = wb[sheet]
    except (IndexError, KeyError):
        raise ConfigError("sheet", f"{sheet!r} is not a worksheet of {name} (it has {', '.join(wb.sheetnames)})", "pass one of those names, or a 0-based index", path=path, code="E239") from None
    try:
        values = list(ws.iter_rows(values_only=True))
    finally:
        wb.close()
    if any(v is None for row in values for v in row):
        _no_uncomputed_formulas(path, ws.title, name, values)
    return [(n, [_cell(v) for v in row]) for n, row in enumerate(values, start=1)]


def _no_uncomputed_formulas(path: Path, sheet: str, name: str, values: list[tuple[Any, ...]]) -> None:
    """A formula cell whose file holds no computed value (written by a program, never opened in a
    spreadsheet) reads as empty: refuse it rather than drop its row without a word."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        for n, (row, cached) in enumerate(zip(wb[sheet].iter_rows(values_only=True), values), start=1):
            for k, (v, c) in enumerate(zip(row, cached), start=1):
                if c is None and isinstance(v, str) and v.startswith("="):
                    raise InputError(
                        name,
                        f"cell {get_column_letter(k)}{n} holds a formula ({v[:40]}) with no saved value (the file was written by a program that does not compute formulas)",
                        "open the file in a spreadsheet program and save it (that stores the values), or save the sheet as CSV",
                        path=path, code="E087",
                    )
    finally:
        wb.close()


def _csv_rows(path: Path) -> list[tuple[int, list[str]]]:
    from ..readers import decode

    text, _ = decode(path.read_bytes(), f"file '{path}'", path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    csv.field_size_limit(2**31 - 1)  # a clause cell may run past csv's default limit of 128 KB
    candidates = ("\t", ",", ";") if path.suffix.lower() == ".tsv" else (",", ";", "\t")
    best: tuple[float, list[list[str]]] | None = None
    # Strict quoting first: a wrong delimiter then fails loudly instead of splitting quoted cells.
    for strict in (True, False):
        for delim in candidates:
            try:
                records = list(csv.reader(io.StringIO(text), delimiter=delim, strict=strict))
            except csv.Error:
                continue
            widths = Counter(len(r) for r in records if any(c.strip() for c in r))
            if not widths:
                continue
            width, count = widths.most_common(1)[0]
            score = count / sum(widths.values()) if width >= 2 else 0.0
            if best is None or score > best[0]:
                best = (score, records)
        if best is not None and best[0] > 0.0:
            break
    if best is None or best[0] == 0.0:  # one column: the caller says what is missing
        best = (0.0, list(csv.reader(io.StringIO(text))))
    return [(n, [c.strip() for c in r]) for n, r in enumerate(best[1], start=1)]


def _check_columns(units: list[ReadUnit], layout: _Layout, path: Path) -> bool:
    """Whether the two columns must be swapped; refuse a column in a third language, or a header that
    names the languages the wrong way round."""
    from ..lang import detect

    langs = []
    for side in ("en", "es"):
        det = detect("\n".join(t for u in units if (t := getattr(u, side))))
        langs.append(det.lang if det.confident else None)
    name = f"file '{path}'"
    for lang in langs:
        if lang is not None and lang not in ("en", "es"):
            raise UnsupportedLanguageError(name, f"one of its text columns reads as {lang!r}, not English or Spanish", "pass a table with an English and a Spanish column", path=path, code="E037")
    if langs == ["es", "en"]:
        if layout.by_language:
            raise LanguageMismatchError(
                name,
                "the column headed English reads as Spanish and the one headed Spanish reads as English",
                "swap the two column headers (or the columns)",
                path=path, code="E046",
            )
        return True
    return False
