"""Translator interchange: a verified pair out to TMX and XLIFF, and TMX, XLIFF or a spreadsheet back in.

Translators work in CAT tools (OmegaT, Trados, memoQ), so a checked, aligned agreement is worth most
to them as a translation memory, and the checker is worth most when it reads what they already have.
Writers live in ``_write`` (TMX 1.4b, XLIFF 1.2 and 2.0, by clause or by sentence); readers in
``_tmx``, ``_xliff`` and ``_table`` all end in ``_read.parallel``, which builds an English and a
Spanish :class:`~mou_text.document.Document` whose nodes carry the unit ids, so every finding of the
checker names a unit the translator can find. ``_spec`` holds the names both directions share
(namespaces, ``x-mou-*`` properties, XML id and text rules).
"""

from __future__ import annotations

from pathlib import Path

from ..align import ParallelDocument
from ..errors import UnsupportedFormatError
from ._spec import INTERCHANGE_VERSION, MDA_NS, PROP_PREFIX, XLIFF12_NS, XLIFF20_NS, xml_id
from ._table import TABLE_SUFFIXES, pair_from_table
from ._tmx import pair_from_tmx
from ._write import export_units, to_tmx, to_xliff
from ._xliff import pair_from_xliff

__all__ = [
    "IMPORTERS",
    "INTERCHANGE_VERSION",
    "MDA_NS",
    "PROP_PREFIX",
    "XLIFF12_NS",
    "XLIFF20_NS",
    "export_units",
    "pair_from_file",
    "pair_from_table",
    "pair_from_tmx",
    "pair_from_xliff",
    "to_tmx",
    "to_xliff",
    "xml_id",
]

#: File extensions each importer reads.
IMPORTERS = {
    ".tmx": pair_from_tmx,
    ".xlf": pair_from_xliff,
    ".xliff": pair_from_xliff,
    ".sdlxliff": pair_from_xliff,
    ".mqxliff": pair_from_xliff,
    **dict.fromkeys(TABLE_SUFFIXES, pair_from_table),
}


def pair_from_file(path: str | Path) -> ParallelDocument:
    """The importer that the file's extension calls for (.tmx, .xlf/.xliff, .xlsx/.csv/.tsv)."""
    p = Path(path)
    reader = IMPORTERS.get(p.suffix.lower())
    if reader is None:
        raise UnsupportedFormatError(
            f"file '{p}'",
            f"the extension '{p.suffix or '(none)'}' is no translation interchange format",
            f"pass one of {', '.join(IMPORTERS)}",
            path=p, code="E002",
        )
    return reader(p)
