"""Workbooks that are safe and reproducible, for every spreadsheet the package writes.

The check report's workbook and the classifier's results workbook both hold untrusted text: a cell
that reads ``=HYPERLINK(...)`` must reach the reader as text, never as a formula, and characters XML
forbids are dropped rather than failing the export. Both must also be reproducible: the same content
gives the same bytes, because no clock reaches the file (zip entries and document properties carry
``SOURCE_DATE_EPOCH`` when it is set, else the fixed :data:`ZIP_EPOCH`).
"""

from __future__ import annotations

import os
import zipfile
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from .errors import ConfigError

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: Excel's limit for one cell; longer text is cut with an ellipsis.
MAX_CELL = 32767

#: Time of the zip entries and the document properties when ``SOURCE_DATE_EPOCH`` is not set (the
#: earliest time a zip can record).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_ZIP_LAST = (2107, 12, 31, 23, 59, 58)  # the latest a zip can record


def source_date() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` (seconds since 1970, the reproducible-builds convention) as a UTC time, if set."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return datetime.fromtimestamp(int(raw), tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        raise ConfigError(
            "SOURCE_DATE_EPOCH", f"{raw!r} is not a number of seconds since 1970-01-01", "set it to an integer, or unset it", code="E247",
        ) from None


class _StampedZip(zipfile.ZipFile):
    """A zip whose entries all carry one time, not the clock's or a temporary file's."""

    def __init__(self, *args: Any, stamp: tuple[int, int, int, int, int, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stamp = stamp

    def write(self, filename: Any, arcname: Any = None, compress_type: Any = None, compresslevel: Any = None) -> None:
        with open(filename, "rb") as fh:
            self.writestr(arcname or os.path.basename(filename), fh.read(), compress_type, compresslevel)

    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: Any = None, compresslevel: Any = None) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.stamp)
            zinfo.compress_type = self.compression
            zinfo.external_attr = 0o600 << 16  # what ZipFile.writestr gives a file entry
            zinfo_or_arcname = zinfo
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)


def save_workbook(wb: Any, path: str | os.PathLike[str]) -> None:
    """Save an openpyxl workbook so that the same content always gives the same bytes.

    openpyxl stamps the save time into ``docProps/core.xml`` (created, modified) and into every zip
    entry; here both carry ``SOURCE_DATE_EPOCH`` when it is set, else :data:`ZIP_EPOCH`.
    """
    from openpyxl.writer.excel import ExcelWriter

    when = source_date()
    stamp = min(max(ZIP_EPOCH, tuple(when.timetuple()[:6])), _ZIP_LAST) if when is not None else ZIP_EPOCH
    wb.properties.created = wb.properties.modified = datetime(*stamp)  # naive UTC, as openpyxl expects
    archive = _StampedZip(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True, stamp=stamp)
    ExcelWriter(wb, archive).save()  # writes every part, then closes the archive




def clean_text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def put_text(ws: Worksheet, row: int, col: int, value: Any) -> Any:
    """Write one cell; a string is always stored as text, so '=…', '+…', '-…', '@…' never become formulas."""
    cell = ws.cell(row=row, column=col)
    if value is None:
        return cell
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
        return cell
    cell.value = clean_text(value if isinstance(value, str) else str(value))
    cell.data_type = "s"
    return cell
