"""Turn a path, a string or bytes into one normalised markup text, whatever the file format.

Every reader returns lightweight markdown (``#`` headings, ``- `` list entries, ``**bold**``), so
the structural parser has one input language: a .docx heading style becomes ``## ``, an HTML ``<li>``
becomes ``- ``. Normalisation happens here, before parsing, so the parser's offsets are offsets into
text that no later step rewrites: Unicode NFC (a PDF's decomposed "é" compares equal to a typed
one), LF line endings, no BOM, no zero-width or soft-hyphen characters, no page furniture (a PDF's
running heads, feet and page numbers; ``remove_furniture``), paragraphs mended across page breaks.

Why this module is long: it is the one place where a file becomes text, so every format's reader
and its layout repair (PDF paragraphs from vertical spacing, page furniture, page-break joining;
HTML blocks in one pass) sit beside the decoding and size limits they share; each is a small
function that a test calls alone.
"""

from __future__ import annotations

import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from .errors import (
    CorruptFileError,
    DecodingError,
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    NoTextLayerError,
    UnsupportedFormatError,
)

#: Extensions mou-text reads, and the reader for each.
SUPPORTED = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm")

#: Largest input read by default (characters of text, or bytes of a file). Override per call or with
#: the MOU_TEXT_MAX_BYTES environment variable.
DEFAULT_MAX_BYTES = 20_000_000
#: Largest number of PDF pages read by default.
DEFAULT_MAX_PAGES = 2_000

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\t"), " ")


@dataclass(frozen=True, slots=True)
class RawText:
    """What a reader produced: markup text plus how it was obtained."""

    text: str
    source: str | None
    format: str
    encoding: str | None = None


def max_bytes_default() -> int:
    value = os.environ.get("MOU_TEXT_MAX_BYTES")
    return int(value) if value and value.isdigit() else DEFAULT_MAX_BYTES


#: Extensions that mark a short string as a file name, supported or not (a mistyped "es_final.doc" is
#: a missing file, never a one-clause document).
PATH_EXTENSIONS = SUPPORTED + (
    ".doc", ".rtf", ".odt", ".pages", ".xls", ".xlsx", ".csv", ".tsv", ".json", ".jsonl", ".xml",
    ".tmx", ".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".epub", ".tex", ".rst",
)
_PATH_START = re.compile(r"^(?:~|\.{1,2})?[/\\]|^[A-Za-z]:[/\\]")


def looks_like_path(source: str) -> bool:
    """A string names a file (rather than being the document's text) when it is one short line and
    exists, or ends in a file extension, or is written as a path: it starts with ``/``, ``./``,
    ``../``, ``~/`` or a drive letter, or has a separator and no space. Text always has spaces or
    sentence punctuation, so a one-line sentence such as "U.S./Mexico cooperation." stays text.
    """
    if "\n" in source or len(source) > 1024 or not source.strip():
        return False
    name = source.strip()
    try:
        if Path(name).suffix.lower() in PATH_EXTENSIONS or Path(name).exists():
            return True
    except (OSError, ValueError):  # a name too long for the file system, or with a NUL: text
        return False
    if _PATH_START.match(name):
        return True
    return ("/" in name or "\\" in name) and not any(ch.isspace() for ch in name)


def read(
    source: str | os.PathLike[str] | bytes,
    *,
    max_bytes: int | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> RawText:
    """Read any supported input into normalised markup text."""
    limit = max_bytes if max_bytes is not None else max_bytes_default()
    if isinstance(source, (bytes, bytearray)):
        if len(source) > limit:
            raise _too_large("the input bytes", len(source), limit)
        text, encoding = decode(bytes(source), "the input bytes")
        return _finish(RawText(text, None, "text", encoding), "the input bytes")
    if isinstance(source, str) and not looks_like_path(source):
        if len(source) > limit:
            raise _too_large("the input text", len(source), limit)
        return _finish(RawText(source, None, "text"), "the input text")
    path = Path(source.strip()).expanduser() if isinstance(source, str) else Path(source)
    return _finish(read_path(path, limit, max_pages), f"file '{path}'")


def read_path(path: Path, max_bytes: int, max_pages: int) -> RawText:
    name = f"file '{path}'"
    if not path.exists():
        raise InputError(name, "the file does not exist", "check the path and the working directory", path=path, code="E047")
    if path.is_dir():
        raise InputError(name, "this is a directory, not a file", "pass one file (the batch commands take folders)", path=path, code="E048")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise UnsupportedFormatError(
            name,
            f"the extension '{suffix or '(none)'}' is not a supported format",
            f"convert it to one of {', '.join(SUPPORTED)}, or pass its text as a string",
            path=path, code="E049",
        )
    size = path.stat().st_size
    if size > max_bytes:
        raise _too_large(name, size, max_bytes, path)
    try:
        data = path.read_bytes()
    except PermissionError:
        raise InputError(name, "permission denied", "make it readable for this user (chmod u+r), or pass a copy you may read", path=path, code="E086") from None
    if suffix == ".docx":
        return RawText(read_docx(data, path, max_bytes), str(path), "docx")
    if suffix == ".pdf":
        return RawText(read_pdf(data, path, max_pages), str(path), "pdf")
    text, encoding = decode(data, name, path)
    if suffix in (".html", ".htm"):
        return RawText(html_to_markup(text), str(path), "html", encoding)
    return RawText(text, str(path), "markdown" if suffix in (".md", ".markdown") else "text", encoding)


def decode(data: bytes, name: str, path: Path | None = None) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252; refuse binary."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name, path), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name, path), "utf-16"
    bomless = utf16_without_bom(data)
    if bomless is not None:
        try:
            return data.decode(bomless), bomless
        except UnicodeDecodeError:
            pass
    if _is_binary(data):
        raise DecodingError(
            name,
            "the content is binary (it contains NUL or control bytes), not text",
            "pass a text, markdown, .docx, .pdf or .html file; if it is an office file, save it as .docx",
            path=path, code="E004",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # cp1252 is what Windows editors save Spanish text as; a byte it leaves undefined means the
        # file is no cp1252 text either.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise DecodingError(
            name,
            f"the bytes are neither UTF-8 nor Windows-1252 text (undecodable byte at offset {exc.start})",
            "re-save the file as UTF-8",
            path=path, code="E050",
        ) from None


def _strict(data: bytes, encoding: str, name: str, path: Path | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodingError(
            name,
            f"the file declares {encoding} with a byte-order mark but byte {exc.start} is invalid",
            "re-save the file as UTF-8",
            path=path, code="E051",
        ) from None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without a byte-order mark, else None.

    Latin-script text in UTF-16 has a NUL in every other byte (the high byte of each character), on
    the odd offsets for little-endian and the even ones for big-endian; binary files have NULs
    scattered on both."""
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.6 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.6 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def _too_large(name: str, size: int, limit: int, path: Path | None = None) -> FileTooLargeError:
    return FileTooLargeError(
        name,
        f"it is {size:,} bytes, over the limit of {limit:,}",
        "split it, or raise the limit with max_bytes=… (or the MOU_TEXT_MAX_BYTES environment variable)",
        path=path,
    )


def normalise(text: str) -> str:
    """Unicode NFC, LF line endings, plain spaces, and no invisible characters."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = text.replace("\f", "\n\n").translate(_INVISIBLE).translate(_SPACES)
    return re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", "", text)


def _finish(raw: RawText, name: str) -> RawText:
    text = raw.text
    if raw.format in ("text", "markdown"):  # a PDF's pages are mended by its reader (join_pages)
        text = remove_furniture(text)
    text = normalise(text)
    if not text.strip():
        raise EmptyDocumentError(
            name,
            "it contains no text (empty or only whitespace)",
            "check that the right file was passed and that it was saved with its content",
            path=raw.source, code="E052",
        )
    return RawText(text, raw.source, raw.format, raw.encoding)


# -- .docx ---------------------------------------------------------------------------------------
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


# -- .pdf ----------------------------------------------------------------------------------------
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


# -- page furniture -----------------------------------------------------------------------------
#: A page number printed alone on its line: "Page 3 of 12", "Página 3 de 12", "Pág. 3", "- 3 -", "3", "3/12".
PAGE_NUMBER = re.compile(
    r"^[ \t]*(?:(?:page|p[aá]gina|p[aá]g\.|p\.)[ \t]*\d{1,4}(?:[ \t]*(?:of|de|/)[ \t]*\d{1,4})?"
    r"|[-–—][ \t]*\d{1,4}[ \t]*[-–—]|\d{1,4}(?:[ \t]*/[ \t]*\d{1,4})?|\[\d{1,4}\])[ \t]*$",
    re.IGNORECASE,
)
_EDGE = 3  # lines at the top and at the bottom of a page where running heads and feet are printed


def remove_furniture(text: str) -> str:
    """Drop what a page prints around the text (running heads and feet, page numbers) and mend what
    the page break cut (a paragraph, or a word hyphenated across it).

    Pages are the form feeds of a PDF or a text export; without form feeds, lines such as "Page 3 of 12"
    mark the page ends. A line is furniture when it is a page number, or when the same line (digits
    aside) sits in the top or bottom lines of at least half the pages (and three or more). Text with
    neither pages nor page-number lines is returned unchanged.
    """
    pages = _pages(text)
    if len(pages) < 2:
        return _running_lines_unpaged(text)
    running = _running_lines(pages)
    kept: list[list[str]] = []
    for page in pages:
        lines = page.split("\n")
        body = [i for i, ln in enumerate(lines) if ln.strip()]
        edges = set(body[:_EDGE] + body[-_EDGE:])
        kept.append([
            ln for i, ln in enumerate(lines)
            if not (i in edges and (PAGE_NUMBER.match(ln) or _mask(ln) in running))
        ])
    out = _trim(kept[0])
    for lines in kept[1:]:
        lines = _trim(lines)
        if not lines:
            continue
        last, first = (out[-1].rstrip() if out else ""), lines[0].lstrip()
        continued = last and first and (last[-1] not in ".;:!?»\"”)" or last.endswith("-")) and (first[0].islower() or first[0] in ",;)")
        out.extend(lines if continued or not out else ["", *lines])
    return "\n".join(out)


def _running_lines_unpaged(text: str) -> str:
    """Text with no page marks: a short line repeated three times or more that cuts a sentence at least
    once ("…through diplomatic or insti-" / "Seed Bank Agreement" / "tutional channels") is a running
    head or foot; so is a bare number that cuts a sentence, twice or more (page numbers). Removed, the
    two halves of the sentence join."""
    from collections import Counter

    lines = text.split("\n")

    def cuts(i: int) -> bool:
        if not 0 < i < len(lines) - 1:
            return False
        before, after = lines[i - 1].rstrip(), lines[i + 1].lstrip()
        return bool(before) and bool(after) and before[-1] not in ".;:!?" and (after[0].islower() or before.endswith("-"))

    counts = Counter(" ".join(ln.split()) for ln in lines if ln.strip())
    running = {
        key for key, n in counts.items()
        if n >= 3 and len(key.split()) <= 12 and key[-1] not in ".;:" and not PAGE_NUMBER.match(key)
        and any(cuts(i) for i, ln in enumerate(lines) if " ".join(ln.split()) == key)
    }
    numbers = [i for i, ln in enumerate(lines) if PAGE_NUMBER.match(ln) and ln.strip() and cuts(i)]
    drop = set(numbers) if len(numbers) >= 2 else set()
    drop |= {i for i, ln in enumerate(lines) if " ".join(ln.split()) in running}
    return text if not drop else "\n".join(ln for i, ln in enumerate(lines) if i not in drop)


def _pages(text: str) -> list[str]:
    if "\f" in text:
        return text.split("\f")
    lines = text.split("\n")
    marks = [i for i, ln in enumerate(lines) if PAGE_NUMBER.match(ln) and re.search(r"[A-Za-z]", ln)]
    if len(marks) < 2:  # bare numbers alone are too common to cut pages by
        return [text]
    cuts = [0, *(i + 1 for i in marks), len(lines)]
    return ["\n".join(lines[a:b]) for a, b in pairwise(cuts) if a < b]


def _mask(line: str) -> str:
    """A line as a running head compares: spaces and case aside, and a page number at either end
    dropped when the rest has three words or more ("Treaty Series 1946 — 3"; "Article 3" keeps its number)."""
    line = " ".join(line.split()).lower()
    core = re.sub(r"^\d{1,4}\b|\b\d{1,4}$", "", line).strip(" -–—|")
    return core if len(core.split()) >= 3 else line


def _running_lines(pages: list[str]) -> set[str]:
    """Lines (digits masked) found among the top or bottom lines of at least half the pages, and 3+."""
    from collections import Counter

    seen: Counter[str] = Counter()
    for page in pages:
        body = [ln for ln in page.split("\n") if ln.strip()]
        seen.update({_mask(ln) for ln in body[:_EDGE] + body[-_EDGE:] if len(ln.split()) <= 15})
    need = max(3, (len(pages) + 1) // 2)
    return {line for line, n in seen.items() if n >= need}


def _trim(lines: list[str]) -> list[str]:
    body = [i for i, ln in enumerate(lines) if ln.strip()]
    return lines[body[0] : body[-1] + 1] if body else []


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


# -- .html ---------------------------------------------------------------------------------------
_HTML_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "pre"})


def html_to_markup(source: str) -> str:
    """HTML to lightweight markdown: headings, list entries and paragraphs, with script/style dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(source, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head", "nav", "footer"]):
        tag.decompose()
    root = soup.body or soup
    blocks: list[str] = []
    for name, text in html_blocks(root):
        if name[0] == "h" and name[1:].isdigit():
            blocks.append("#" * int(name[1:]) + " " + text)
        elif name == "li":
            blocks.append("- " + text)
        else:
            blocks.append(text)
    if not blocks:  # text directly in <body> or <div>s
        blocks = [" ".join(chunk.split()) for chunk in root.get_text("\n").split("\n\n") if chunk.strip()]
    return "\n\n".join(blocks)


def html_blocks(root: object) -> list[tuple[str, str]]:
    """(tag, text) of every block element in document order, each with its *own* text: the text
    inside it but outside any block nested in it (so a list entry that holds a sub-list keeps its
    words, and no text is emitted twice). One iterative pass over the tree, so time is linear in the
    document however deep it nests (20,000 nested ``<ul><li>`` took 61 s when each element searched
    its subtree, and recursion would overflow the stack)."""
    from bs4.element import Comment, Declaration, Doctype, NavigableString, ProcessingInstruction, Tag

    skip = (Comment, Declaration, Doctype, ProcessingInstruction)
    records: list[tuple[str, list[str]]] = []
    end = object()
    stack: list[tuple[object, list[str] | None]] = [(iter(getattr(root, "children", ())), None)]
    while stack:
        children, parts = stack[-1]
        node = next(children, end)  # type: ignore[call-overload]
        if node is end:
            stack.pop()
            continue
        if isinstance(node, NavigableString):
            if parts is not None and not isinstance(node, skip):
                parts.append(str(node))
        elif isinstance(node, Tag):
            own = parts
            if node.name in _HTML_BLOCKS:
                own = []
                records.append((node.name, own))
            stack.append((iter(node.children), own))
    out = []
    for name, parts in records:
        text = " ".join(" ".join(parts).split())
        if text:
            out.append((name, text))
    return out
