"""Passes 1 and 2 of the parser: lines into blocks, and a role for every block.

Lines are grouped into blocks (paragraphs, list entries, headings) and each block is described by its
markup: heading level, bullet, enumerator, whole-block emphasis, clean lines. Styling is read but never
trusted alone, because converted texts mix styles freely (the signed MOU has ``**SECTION 1  \\nObjective**``,
``## **SECTION 2**`` + ``### **Scope…**`` and ``**SECTION 4**  \\n**General Provisions**``): a block's role
(title, preamble, recital, section heading, sub-heading, item, bullet, paragraph, closing, signature)
comes from what it says and from its neighbours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ._recognisers import (
    BULLET_RE,
    chapter_label,
    enum_style,
    enumerator,
    section_label,
)

# "### Artículo 5", and "###Artículo 5" / "####Title" as converted treaty series print them (two or more
# hashes glued to a letter; one glued hash is a "#5"-style reference, not a heading)
_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})(?:[ \t]+|(?<=##)(?=[^\s#]))")
_HR = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_EMPHASIS = [
    re.compile(r"\*\*(.+?)\*\*", re.DOTALL),
    re.compile(r"__(.+?)__", re.DOTALL),
    re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", re.DOTALL),
    re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", re.DOTALL),
]
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


# -- pass 1: blocks -----------------------------------------------------------------------------------
@dataclass
class Block:
    lines: list[str]  # clean lines: markup, emphasis and list markers removed
    heading_level: int = 0
    bullet: str | None = None
    enum: str | None = None  # normalised label: 'iv', 'a', '2'
    enum_kind: str | None = None
    enum_text: str | None = None  # the enumerator as printed, for the clean text ('iv.', '(a)')
    enum_style: str | None = None  # its shape ('a.', 'A.', 'i.', '(a)', '1.1)'): which list level it is on
    emphasised: bool = False  # the whole block is bold or italic
    role: str = ""
    section: int | None = None
    title: str = ""  # a heading's title, or a paragraph's run-in title ("No endorsement.")
    part: int = 1  # the instrument this block belongs to (a second one may follow the signatures)
    chapter: int | None = None  # a chapter / part heading's number
    extra: list[Block] = field(default_factory=list)  # blocks merged into this one

    @property
    def text(self) -> str:
        return join_lines(self.lines)


def join_lines(lines: list[str]) -> str:
    """Join soft-wrapped lines with spaces, undoing end-of-line hyphenation (``empodera-/miento``)."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        elif out:
            out += " " + line
        else:
            out = line
    return re.sub(r"[ ]{2,}", " ", out)


def _strip_emphasis(text: str) -> str:
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = text.replace("`", "")
    return _ESCAPE.sub(r"\1", text)


def _is_emphasised(raw: str) -> bool:
    s = raw.strip()
    for mark in ("**", "__", "*", "_"):
        if s.startswith(mark) and (s.endswith(mark) or s.endswith(mark + ":")) and len(s) > 2 * len(mark):
            inner = s[len(mark) : len(s) - len(mark)]
            if mark in ("*", "_") and (mark * 2) in s:
                continue
            # every line is emphasised, or one span covers the block
            return inner.count(mark) % 2 == 0
    return False


#: A line that holds only an enumerator ("1." above its text or its "###Title", as converters print them).
_BARE_ENUM = re.compile(r"^[ \t]{0,6}(?:\(?(?:[a-z]|[ivxlcdm]{1,6}|\d{1,3})\)|(?:[a-z]|[ivxlcdm]{1,6}|\d{1,3})\.)[ \t]*$", re.IGNORECASE)


def _starts_block(line: str) -> bool:
    stripped = _strip_emphasis(line).strip()
    if BULLET_RE.match(line) or enumerator(stripped) or _BARE_ENUM.match(stripped):
        return True
    return (section_label(stripped) is not None or chapter_label(stripped) is not None) and stripped[:1].isupper()


def _may_break(current: list[str]) -> bool:
    """Whether a marker-like line may open a new block here, or is a wrapped continuation.

    Text exported from PDF wraps anywhere, so a line can start with "1.850 metros" or "(b) of Article
    3" mid-sentence. A new list entry follows a line that ends a clause, or another list entry.
    """
    last = _strip_emphasis(current[-1]).rstrip()
    if not last or last[-1] in ".;:!?)»\"”’" or last.endswith(("*", "_")):
        return True
    first = current[0]
    if BULLET_RE.match(first) or enumerator(_strip_emphasis(first).strip()) or _MD_HEADING.match(first):
        return True
    return len(current) == 1 and len(last.split()) <= 10


def blocks_of(markup: str) -> list[Block]:
    groups: list[list[str]] = []
    current: list[str] = []

    def flush() -> None:
        nonlocal current
        if current:
            groups.append(current)
        current = []

    for line in markup.split("\n"):
        if not line.strip() or _HR.match(line):
            flush()
        elif _MD_HEADING.match(line):
            if current and _BARE_ENUM.match(current[-1]):  # "1.\n###Resolutions": the number heads the title
                number = current.pop().strip()
                flush()
                groups.append([f"{number} {line[_MD_HEADING.match(line).end():].strip()}"])
                continue
            flush()
            groups.append([line])
        elif current and _starts_block(line) and _may_break(current):
            flush()
            current = [line]
        else:
            current.append(line)
    flush()
    return [b for b in (_describe(g) for g in groups) if b.lines]


def _describe(raw_lines: list[str]) -> Block:
    first = raw_lines[0]
    block = Block(lines=[])
    m = _MD_HEADING.match(first)
    if m:
        block.heading_level = len(m.group(1))
        first = first[m.end() :].rstrip().rstrip("#").rstrip()
    b = BULLET_RE.match(first)
    if b:
        block.bullet = b.group("b")
        first = first[b.end() :]
    raw = "\n".join([first, *raw_lines[1:]])
    block.emphasised = _is_emphasised(raw)
    text = _strip_emphasis(raw)
    lines = [ln.rstrip().rstrip("\\").strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    if len(lines) > 1 and _BARE_ENUM.match(lines[0]):
        lines[:2] = [f"{lines[0].strip()} {lines[1]}"]
    if lines:
        e = enumerator(lines[0])
        if e and not (block.heading_level and section_label(lines[0])):
            label, kind, length = e
            block.enum, block.enum_kind = label, kind
            block.enum_text = lines[0][:length].strip()
            block.enum_style = enum_style(block.enum_text, kind)
            lines[0] = lines[0][length:].strip()
            if re.match(r"#{1,6}\s*\S", lines[0]):  # "1. ###Resolutions": a heading marker after the number
                lines[0] = lines[0].lstrip("#").strip()
    block.lines = [ln for ln in lines if ln]
    return block
