""".docx paragraphs and tables as lightweight markdown: heading styles become ``#``, list styles and
numbered paragraphs ``- ``, all-bold paragraphs ``**…**``. A zip bomb is refused before it is opened.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import CorruptFileError, FileTooLargeError, UnsupportedFormatError

_DOCX_MAX_RATIO = 100  # uncompressed/compressed: above this a .docx is treated as a zip bomb


def read_docx(data: bytes, path: Path, max_bytes: int) -> str:
    import io

    name = f"file '{path}'"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
    except zipfile.BadZipFile:
        raise CorruptFileError(
            name, "it is not a valid .docx (not a zip archive)", "open and re-save it in a word processor", path=path, code="E053",
        ) from None
    if total > max_bytes * 5 or (total > 10_000_000 and total > len(data) * _DOCX_MAX_RATIO):
        raise FileTooLargeError(
            name,
            f"it expands to {total:,} bytes, far over its size (a zip bomb or a huge document)",
            "check the file's origin; split large documents or raise max_bytes",
            path=path, code="E054",
        )
    try:
        import docx  # python-docx
        from docx.document import Document as _Doc
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - a core dependency
        raise UnsupportedFormatError(name, "python-docx is not installed", "pip install python-docx", path=path, code="E055") from None
    try:
        document: _Doc = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types on broken parts
        raise CorruptFileError(
            name, f"the .docx cannot be opened ({type(exc).__name__})", "open and re-save it in a word processor", path=path, code="E056",
        ) from None
    blocks: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(_docx_paragraph(Paragraph(child, document)))
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = [c.text.strip() for c in row.cells if c.text.strip()]
                if cells:
                    blocks.append(" | ".join(dict.fromkeys(cells)))
    return "\n\n".join(b for b in blocks if b.strip())


def _docx_paragraph(paragraph: object) -> str:
    """One .docx paragraph as markup: heading styles become ``#``, list styles ``- ``, bold ``**``."""
    text = "".join(run.text for run in paragraph.runs) or paragraph.text  # type: ignore[attr-defined]
    text = text.replace("\v", "  \n")
    if not text.strip():
        return ""
    style = (getattr(paragraph.style, "name", "") or "").lower()  # type: ignore[attr-defined]
    runs = [r for r in paragraph.runs if r.text.strip()]  # type: ignore[attr-defined]
    all_bold = bool(runs) and all(r.bold for r in runs)
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None  # type: ignore[attr-defined]
    if style.startswith("heading") or style == "title":
        level = next((int(c) for c in style if c.isdigit()), 1)
        return "#" * min(level + 1, 6) + " " + text.strip()
    if "list" in style or numbered:
        return "- " + text.strip()
    if all_bold:
        lines = [ln.strip() for ln in text.split("\n")]
        return "  \n".join(f"**{ln}**" if ln else "" for ln in lines)
    return text
