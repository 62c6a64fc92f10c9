"""PDF pages to text: pypdf's lines with their height on the page, so paragraph spacing becomes a
blank line; running headers, footers and page numbers dropped when they repeat at the page edges;
a paragraph that runs over a page break joined again. No text layer → an OCR hint.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import CorruptFileError, FileTooLargeError, NoTextLayerError, UnsupportedFormatError


def read_pdf(data: bytes, path: Path, max_pages: int) -> str:
    import io
    import logging

    name = f"file '{path}'"
    try:
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, PdfReadError
    except ImportError:  # pragma: no cover - a core dependency
        raise UnsupportedFormatError(name, "pypdf is not installed", "pip install pypdf", path=path, code="E057") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise UnsupportedFormatError(
                    name, "the PDF is AES-encrypted (even if no password is needed to open it) and reading it needs the 'cryptography' package",
                    "pip install cryptography (a dependency of mou-text: reinstall it), or save an unprotected copy", path=path, code="E088",
                ) from None
            except Exception:
                opened = 0
            if not opened:
                raise CorruptFileError(
                    name, "the PDF is encrypted with a password", "save an unprotected copy and pass that", path=path, code="E058",
                ) from None
        n_pages = len(reader.pages)
        if n_pages > max_pages:
            raise FileTooLargeError(
                name,
                f"it has {n_pages:,} pages, over the limit of {max_pages:,}",
                "split the PDF, or raise the limit: max_pages=… (CLI: --max-pages N)",
                path=path, code="E059",
            )
        pages = [pdf_page_lines(page) for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise CorruptFileError(
            name, f"the PDF cannot be read ({type(exc).__name__}: {exc})", "re-export it from its source application", path=path, code="E060",
        ) from None
    text = join_pages(drop_page_furniture(pages))
    letters = sum(ch.isalpha() for ch in text)
    if letters < max(20, 5 * n_pages):
        raise NoTextLayerError(
            name,
            f"the PDF has {n_pages} page(s) but no text layer (it is a scanned image)",
            "run OCR on it first (e.g. `ocrmypdf --language eng+spa in.pdf out.pdf`) and pass the result",
            path=path, code="E003",
        )
    return text


#: A vertical step this much larger than the page's usual line step separates two paragraphs.
PARAGRAPH_GAP = 1.3
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:(?:page|p[áa]gina|p[áa]g\.?|p\.)\s*)?(?:\d{1,4}|[ivxlc]{1,7})(?:\s*(?:of|de|/)\s*\d{1,4})?[\W_]*$", re.IGNORECASE
)
_ENDS_BLOCK = re.compile(r"[.;:!?…)\]\"”»’']\s*$")


def pdf_page_lines(page: object) -> list[str]:
    """One page's text lines, a blank line wherever the vertical step between two lines is clearly
    larger than the page's usual step (a word processor's paragraph spacing). pypdf's plain
    extraction drops that space, and without it every paragraph of a page ran into one block."""
    chunks: list[tuple[str, float | None]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5] if text.strip() else None
        chunks.append((text, y))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    lines: list[tuple[str, float | None]] = []
    current, y_line = "", None
    for text, y in chunks:
        parts = text.split("\n")
        for k, part in enumerate(parts):
            if k:
                lines.append((current, y_line))
                current, y_line = "", None
            if part.strip() and y_line is None:
                y_line = y
            current += part
    lines.append((current, y_line))
    # a line the PDF writes as spaces only is a blank line its generator meant: a paragraph break
    blank_before = set()
    kept: list[tuple[str, float | None]] = []
    for text, y in lines:
        if text.strip():
            kept.append((text.rstrip(), y))
        elif kept:
            blank_before.add(len(kept))
    lines = kept
    steps = [a[1] - b[1] for a, b in zip(lines, lines[1:]) if a[1] is not None and b[1] is not None and a[1] - b[1] > 0]
    usual = line_step(steps)
    out: list[str] = []
    for k, (text, y) in enumerate(lines):
        prev = lines[k - 1][1] if k else None
        if k in blank_before or (usual and y is not None and prev is not None and prev - y > PARAGRAPH_GAP * usual):
            out.append("")
        out.append(text)
    return out


def line_step(steps: list[float]) -> float | None:
    """A page's step from one line to the next inside a paragraph: the smallest step that is common
    (a sixth of all steps or more). Not the median: in a list of one-line entries most steps are
    paragraph steps."""
    if not steps:
        return None
    from collections import Counter

    counts = Counter(round(st * 2) / 2 for st in steps)
    # a step seen twice is a real line step: in a text of one-line paragraphs (a licence, a list) the
    # in-paragraph steps are few, and taking the paragraph step as the line step would merge them all
    common = [st for st, n in counts.items() if n * 6 >= len(steps) or n >= 2]
    return min(common) if common else min(counts)


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def drop_page_furniture(pages: list[list[str]], reach: int = 2) -> list[list[str]]:
    """Remove running headers and footers, and page numbers, from a multi-page PDF's lines.

    A line within ``reach`` lines of a page's top or bottom is furniture when the same line (digits
    ignored, so "Page 3 of 9" matches "Page 4 of 9") sits at the top or bottom of most pages, or when
    it is only a page number ("7", "- 7 -", "Página 7 de 9", "vii"). A one-page PDF has no furniture
    to tell from its text, and is left alone."""
    if len(pages) < 2:  # nothing repeats on one page: only a page number at its very top or bottom goes
        lines = list(pages[0]) if pages else []
        while lines and (not lines[-1].strip() or _PAGE_NUMBER.match(lines[-1].strip())):
            lines.pop()
        while lines and (not lines[0].strip() or _PAGE_NUMBER.match(lines[0].strip())):
            lines.pop(0)
        return [lines] if pages else pages
    from collections import Counter

    def edges(lines: list[str]) -> list[int]:
        content = [i for i, ln in enumerate(lines) if ln.strip()]
        return sorted(set(content[:reach] + content[-reach:]))

    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_furniture_key(lines[i]) for i in edges(lines)})
    need = max(2, (len(pages) + 1) // 2)
    out = []
    for lines in pages:
        drop = {i for i in edges(lines) if seen[_furniture_key(lines[i])] >= need or _PAGE_NUMBER.match(lines[i].strip())}
        kept = [ln for i, ln in enumerate(lines) if i not in drop]
        while kept and not kept[0].strip():
            kept.pop(0)
        while kept and not kept[-1].strip():
            kept.pop()
        out.append(kept)
    return out


_BULLET = re.compile(r"^\s*[•·▪◦*–—-]\s")
_OPENS_BLOCK = re.compile(r"^\s*(?:[•·▪◦*–—-]\s|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)]\s)", re.IGNORECASE)


def join_pages(pages: list[list[str]]) -> str:
    """Pages into one text, deciding at each page break whether a paragraph runs on.

    It does when the page's last line ends with no closing punctuation and the next page goes on in
    lower case (or that line is full and no bullet follows), or when that last line is full (as long
    as the document's long lines: a wrapped line, where a paragraph's own last line is usually
    short) and the next page opens no list entry or heading. Otherwise the break separates
    paragraphs."""
    lengths = sorted(len(ln.strip()) for lines in pages for ln in lines if ln.strip())
    full = 0.85 * lengths[int(0.95 * (len(lengths) - 1))] if lengths else 0
    text = ""
    for lines in pages:
        body = "\n".join(lines).strip("\n")
        if not body:
            continue
        last = text.rsplit("\n", 1)[-1].strip()
        first = body.lstrip()
        is_full = len(last) >= full
        open_ended = not _ENDS_BLOCK.search(last)
        runs_on = bool(text) and (
            (open_ended and (first[:1].islower() or (is_full and not _BULLET.match(first))))
            or (is_full and not _OPENS_BLOCK.match(first) and not first.split("\n", 1)[0].isupper())
        )
        text = body if not text else text + ("\n" if runs_on else "\n\n") + body
    return text
