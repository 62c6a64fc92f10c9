"""Turn a path, a string or bytes into one normalised markup text, whatever the file format.

Every reader returns lightweight markdown (``#`` headings, ``- `` list entries, ``**bold**``), so
the structural parser has one input language: a .docx heading style becomes ``## ``, an HTML ``<li>``
becomes ``- ``. Normalisation happens here, before parsing, so the parser's offsets are offsets into
text that no later step rewrites: Unicode NFC (a PDF's decomposed "é" compares equal to a typed
one), LF line endings, no BOM, no zero-width or soft-hyphen characters, no page furniture (a PDF's
running heads, feet and page numbers; ``remove_furniture``), paragraphs mended across page breaks.

The package is the one place where a file becomes text: ``_dispatch`` tells a path from text, applies
the size limits and calls the reader for the format; ``_decode`` turns bytes into text and normalises
it; ``_docx``, ``_pdf`` and ``_html`` read their formats (the PDF's layout repair with them);
``_furniture`` removes page furniture from text. A new input format is a reader module here,
registered in ``SUPPORTED`` and called from ``_dispatch.read_path``.
"""

from ._decode import decode, normalise, utf16_without_bom
from ._dispatch import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_PAGES,
    PATH_EXTENSIONS,
    SUPPORTED,
    RawText,
    looks_like_path,
    max_bytes_default,
    read,
    read_path,
)
from ._docx import read_docx
from ._furniture import PAGE_NUMBER, remove_furniture
from ._html import html_blocks, html_to_markup
from ._pdf import PARAGRAPH_GAP, drop_page_furniture, join_pages, line_step, pdf_page_lines, read_pdf

__all__ = [
    "DEFAULT_MAX_BYTES", "DEFAULT_MAX_PAGES", "PAGE_NUMBER", "PARAGRAPH_GAP", "PATH_EXTENSIONS", "SUPPORTED", "RawText",
    "decode", "drop_page_furniture", "html_blocks", "html_to_markup", "join_pages", "line_step", "looks_like_path",
    "max_bytes_default", "normalise", "pdf_page_lines", "read", "read_docx", "read_path", "read_pdf", "remove_furniture",
    "utf16_without_bom",
]
