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
    SIGNATORY,
    enumerator,
    is_capitalised_title,
    is_closing,
    is_mostly_upper,
    is_title_like,
    section_label,
)

_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_HR = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_EMPHASIS = [
    re.compile(r"\*\*(.+?)\*\*", re.S),
    re.compile(r"__(.+?)__", re.S),
    re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", re.S),
    re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", re.S),
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
    emphasised: bool = False  # the whole block is bold or italic
    role: str = ""
    section: int | None = None
    title: str = ""  # a heading's title
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


def _starts_block(line: str) -> bool:
    stripped = _strip_emphasis(line).strip()
    if BULLET_RE.match(line) or enumerator(stripped):
        return True
    return section_label(stripped) is not None and (stripped[:1].isupper())


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
    if lines:
        e = enumerator(lines[0])
        if e and not (block.heading_level and section_label(lines[0])):
            label, kind, length = e
            block.enum, block.enum_kind = label, kind
            block.enum_text = lines[0][:length].strip()
            lines[0] = lines[0][length:].strip()
    block.lines = [ln for ln in lines if ln]
    return block


# -- pass 2: roles ---------------------------------------------------------------------------------
def assign_roles(blocks: list[Block]) -> list[Block]:
    """Give each block a role; merge a heading's separate title block into it."""
    out: list[Block] = []
    i = 0
    seen_section = False
    ended = False
    while i < len(blocks):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        label = section_label(b.lines[0]) if not b.bullet and not b.enum else None
        if ended:
            b.role = "signature"
        elif label is not None and (b.heading_level or b.emphasised or len(b.lines) <= 3 or label[1]):
            b.role, b.section = "section", label[0]
            b.title = label[1]
            rest = b.lines[1:]
            b.lines = [b.lines[0]]
            if not b.title and rest and is_title_like(rest[0], allow_colon=True):
                b.title = rest.pop(0)
            if rest:  # running text that followed the label inside the same block
                blocks.insert(i + 1, Block(lines=rest))
                nxt = blocks[i + 1]
            elif not b.title and nxt is not None and _is_title_block(nxt):
                b.title = nxt.text
                b.extra.append(nxt)
                i += 1
            seen_section = True
        elif is_closing(b.text) and (seen_section or i > len(blocks) // 2):
            b.role = "closing"
            ended = True
        elif not seen_section:
            b.role = "front"
        elif b.enum and not b.bullet and _is_subheading(b, nxt, out[-1] if out else None):
            b.role = "subheading"
        elif b.bullet or b.enum:
            b.role = "list"
        elif (b.heading_level or (b.emphasised and is_title_like(b.text, allow_colon=True))) and not _is_signatory(b):
            b.role = "heading"
        elif _is_signatory(b) and _rest_is_signatures(blocks, i):
            b.role = "signature"
            ended = True
        else:
            b.role = "paragraph"
        out.append(b)
        i += 1
    return _group_signatures(out)


def _group_signatures(blocks: list[Block]) -> list[Block]:
    """A signature block is a "FOR THE …" / "POR LA …" line with the name and post under it."""
    out: list[Block] = []
    for b in blocks:
        if b.role == "signature" and out and out[-1].role == "signature" and not _is_signatory(b):
            out[-1].extra.append(b)
        else:
            out.append(b)
    return out


def _is_title_block(b: Block) -> bool:
    if b.bullet or b.enum or section_label(b.lines[0]):
        return False
    text = b.text
    if b.heading_level or b.emphasised:
        return is_title_like(text, allow_colon=True, max_words=20)
    return is_title_like(text, max_words=10) and (is_capitalised_title(text) or is_mostly_upper(text))


def _is_subheading(b: Block, nxt: Block | None, prev: Block | None) -> bool:
    """An enumerated block that heads a group (an area of cooperation) rather than being a list entry.

    Styled (bold or ``#``) it is a heading outright. Unstyled, it must read as a title (short, no
    closing punctuation), be followed by running text, and not continue a list of the same kind
    (``b) Oranges`` after ``a) Apples`` is the last item of a list, not a heading).
    """
    text = b.text
    if not is_title_like(text, allow_colon=True, max_words=25):
        return False
    if b.emphasised or b.heading_level:
        return True
    followed_by_paragraph = nxt is not None and not nxt.bullet and not nxt.enum and not section_label(nxt.lines[0])
    continues_list = prev is not None and prev.role == "list" and prev.enum_kind == b.enum_kind
    return followed_by_paragraph and not continues_list


def _is_signatory(b: Block) -> bool:
    """"FOR THE DEPARTMENT OF STATE…" / "POR LA SECRETARÍA…": a short unpunctuated signatory line."""
    head = b.text if len(b.lines) > 1 and all(is_mostly_upper(ln) for ln in b.lines) else b.lines[0]
    return bool(SIGNATORY.match(head)) and len(head.split()) <= 20 and not head.rstrip().endswith((".", ";"))


def _rest_is_signatures(blocks: list[Block], i: int) -> bool:
    """Signature blocks without a 'Signed at' paragraph: everything left is short and unpunctuated."""
    return all(len(x.text.split()) <= 20 and not section_label(x.lines[0]) for x in blocks[i:])


# -- pass 3: ids, clean text, nodes ---------------------------------------------------------------------
