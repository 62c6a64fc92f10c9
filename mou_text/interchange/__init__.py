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
from ._annotate import ANNOTATABLE, annotate
from ._po import pair_from_po
from ._table import TABLE_SUFFIXES, pair_from_table
from ._tmx import pair_from_tmx
from ._read import lang_code
from ._write import export_units, to_tmx, to_xliff
from ._xliff import pair_from_xliff

__all__ = [
    "ANNOTATABLE",
    "annotate",
    "IMPORTERS",
    "INTERCHANGE_VERSION",
    "MDA_NS",
    "PROP_PREFIX",
    "XLIFF12_NS",
    "XLIFF20_NS",
    "export_units",
    "pair_from_file",
    "pair_from_po",
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
    ".po": pair_from_po,
    **dict.fromkeys(TABLE_SUFFIXES, pair_from_table),
}


def pair_from_file(path: str | Path, *, src: str | None = None, tgt: str | None = None) -> ParallelDocument:
    """The importer that the file's extension calls for (.tmx, .xlf/.xliff/.sdlxliff/.mqxliff, .po,
    .xlsx/.csv/.tsv). ``src``/``tgt`` (``en``, ``es-MX``…) say which language is the file's source
    and which its target when the file declares none or the wrong ones (XLIFF, PO); for a TMX or a
    table, whose languages are read per column or variant, they only say which side is the source."""
    p = Path(path)
    reader = IMPORTERS.get(p.suffix.lower())
    if reader is None:
        raise UnsupportedFormatError(
            f"file '{p}'",
            f"the extension '{p.suffix or '(none)'}' is no translation interchange format",
            f"pass one of {', '.join(IMPORTERS)}",
            path=p, code="E002",
        )
    if reader in (pair_from_xliff, pair_from_po):
        return reader(p, src=src, tgt=tgt)  # type: ignore[operator]
    par = reader(p)
    source = lang_code(src) or ({"en": "es", "es": "en"}.get(lang_code(tgt) or ""))
    if source in ("en", "es"):
        for pair in par.pairs:
            if pair.meta is not None:
                pair.meta["source"] = source  # type: ignore[index]
    return par
