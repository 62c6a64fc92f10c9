"""Page furniture in text: running heads and feet, page numbers, and what a page break cut.

For text with form feeds (a PDF exported as text) or "Page 3 of 12" lines; a PDF read here has its
own furniture removed from its positioned lines (``_pdf``).
"""

from __future__ import annotations

import re
from itertools import pairwise

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
