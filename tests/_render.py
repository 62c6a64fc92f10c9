"""Render a markdown agreement as a person's file would hold it: plain text, HTML, .docx and PDF.

Test helper (not part of the package): the same text in every format mou-text reads, so a test can
ask that the format changes nothing. The PDF is built by hand with a real text layer (Helvetica,
WinAnsi), lines wrapped at a page width, paragraphs separated by vertical space, and optionally many
pages with a running header and page numbers, as word processors print them.
"""

from __future__ import annotations

import io
import re
import textwrap
from dataclasses import dataclass

_BOLD = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


@dataclass(frozen=True)
class Block:
    kind: str  # heading | item | bullet | para
    lines: tuple[str, ...]  # visible lines (hard line breaks kept)
    level: int = 0


def blocks(markdown: str) -> list[Block]:
    """The markdown's paragraphs as visible text: marks dropped, bullets and enumerators kept."""
    out: list[Block] = []
    for chunk in re.split(r"\n\s*\n", markdown.strip()):
        raw = [ln.rstrip() for ln in chunk.splitlines() if ln.strip()]
        if not raw:
            continue
        # a chunk of "- " lines is one list: one block per entry
        if all(ln.lstrip()[:2] in ("- ", "* ", "• ") for ln in raw):
            for ln in raw:
                text = _plain(ln.lstrip()[2:])
                kind = "item" if re.match(r"^(?:[ivxlc]+|[a-z]|\d+)[.)]\s", text, re.I) else "bullet"
                out.append(Block(kind, (text,)))
            continue
        level = len(raw[0]) - len(raw[0].lstrip("#"))
        lines = tuple(_plain(ln.lstrip("#").strip()) for ln in raw)
        out.append(Block("heading" if level else "para", lines, level))
    return out


def _plain(text: str) -> str:
    return _BOLD.sub(lambda m: m.group(1) or m.group(2), text).replace("**", "").strip()


def to_text(markdown: str) -> str:
    parts = []
    for b in blocks(markdown):
        first = {"bullet": "• "}.get(b.kind, "")
        parts.append(first + "\n".join(b.lines))
    return "\n\n".join(parts) + "\n"


def to_html(markdown: str) -> str:
    import html

    body, in_list = [], False
    for b in blocks(markdown):
        if b.kind in ("item", "bullet"):
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(b.lines[0])}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        text = "<br>".join(html.escape(ln) for ln in b.lines)
        tag = f"h{min(b.level + 1, 6)}" if b.kind == "heading" else "p"
        body.append(f"<{tag}>{text}</{tag}>")
    if in_list:
        body.append("</ul>")
    return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>MOU</title></head><body>" + "\n".join(body) + "</body></html>"


def to_docx(markdown: str) -> bytes:
    import docx

    d = docx.Document()
    for b in blocks(markdown):
        if b.kind == "heading":
            p = d.add_heading(level=min(b.level, 9))
        elif b.kind in ("item", "bullet"):
            p = d.add_paragraph(style="List Bullet" if b.kind == "bullet" else "List Paragraph")
        else:
            p = d.add_paragraph()
        for i, ln in enumerate(b.lines):
            run = p.add_run(ln)
            if i < len(b.lines) - 1:
                run.add_break()
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _pdf_lines(markdown: str, width: int) -> list[tuple[str, bool]]:
    """(line, starts a new paragraph) for the page layout: wrapped at ``width`` characters."""
    out: list[tuple[str, bool]] = []
    for b in blocks(markdown):
        first = True
        for ln in b.lines:
            prefix = "• " if b.kind == "bullet" and first else ""
            indent = "  " if b.kind == "bullet" else ""
            for k, piece in enumerate(textwrap.wrap(prefix + ln, width) or [""]):
                out.append(((indent if k else "") + piece, first))
                first = False
    return out


def to_pdf(markdown: str, *, lines_per_page: int | None = None, header: str | None = None, page_numbers: str | None = None, width: int = 90) -> bytes:
    """A text-layer PDF. ``lines_per_page`` None: one page holding everything. ``header``: a running
    header on every page; ``page_numbers``: a footer such as ``"Página {n} de {total}"``."""
    lines = _pdf_lines(markdown, width)
    pages: list[list[tuple[str, bool]]] = []
    per = lines_per_page or len(lines)
    for i in range(0, len(lines), per):
        pages.append(lines[i : i + per])

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    streams = []
    for n, page in enumerate(pages, 1):
        ops = ["BT /F1 10 Tf"]
        if header:
            ops.append(f"1 0 0 1 72 760 Tm ({esc(header)}) Tj")
        y = 730.0 if lines_per_page else 10_000.0
        for k, (ln, new_para) in enumerate(page):
            if new_para and k:
                y -= 7  # paragraph spacing: half a line more
            ops.append(f"1 0 0 1 72 {y:.1f} Tm ({esc(ln)}) Tj")
            y -= 12
        if page_numbers:
            ops.append(f"1 0 0 1 290 40 Tm ({esc(page_numbers.format(n=n, total=len(pages)))}) Tj")
        ops.append("ET")
        streams.append(" ".join(ops).encode("cp1252"))
    height = 792 if lines_per_page else 10_050
    n_pages = len(streams)
    # objects: 1 catalog, 2 pages, 3 font, then (page, content) pairs
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for k, stream in enumerate(streams):
        page_no, content_no = 4 + 2 * k, 5 + 2 * k
        kids.append(f"{page_no} 0 R")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 {height}] /Contents {content_no} 0 R /Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {n_pages} >>".encode()
    return pdf_file(objects)


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF from its numbered objects (1 = catalog): header, bodies, cross-reference table, trailer.
    Every hand-built PDF of the tests goes through here."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()
