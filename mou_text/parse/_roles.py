"""Pass 2 of the parser: a role for every block, from what it says and from its neighbours.

Roles: front matter (title, preamble, recitals; built by ``_build``), section, chapter, sub-heading,
list entry, heading, paragraph, closing, signature. Besides the bundled MOU's layouts this pass knows
the layouts of real legal texts:

* ``Section 2 – Scope.`` / ``Sección 2 – Ámbito.`` (a heading with a closing full stop) and, in a text
  with no keyword headings at all, ``1. Definitions`` / ``2. Waiver. To the greatest…`` as numbered
  sections (CC0, CC 3.0 licences), their run-in text split off as the section's first paragraph;
* ``CHAPTER I`` / ``CAPÍTULO I`` above articles;
* a title-only list entry (``a. License grant.``) heading the deeper list under it;
* a run-in title opening a paragraph or an entry (``No endorsement. Nothing in…``), kept as its title;
* signatures glued to the last paragraph of a note (``…consideration. (Signed) A. EDEN``), split off;
* a second instrument after the closing formula and signatures (a constitution's General Regulations),
  which starts a new part instead of being swallowed into one signature block.
"""

from __future__ import annotations

import re

from ._blocks import Block
from ._recognisers import (
    SIGNATORY,
    chapter_label,
    is_capitalised_title,
    is_closing,
    is_mostly_upper,
    is_title_like,
    run_in_title,
    section_label,
)

#: "(Signed)", "(Sgd.)", "(Firmado)", "(Fdo.)", "(L.S.)": a signature printed in a note or treaty copy.
SIGNED = re.compile(r"\((?:signed|sgd\.?|firmado|fdo\.?|l\.\s?s\.)\)|\[(?:l\.\s?s\.|signed|firmado)\]", re.IGNORECASE)


def assign_roles(blocks: list[Block]) -> list[Block]:
    """Give each block a role; merge a heading's separate title block into it."""
    blocks = _split_glued_signatures(blocks)
    numbered = _numbered_sections(blocks)
    out: list[Block] = []
    i = 0
    seen_section = False
    ended = False
    part = 1
    area_style: str | None = None  # the enumerator shape of this section's sub-headings, once one is seen
    while i < len(blocks):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        plain = not b.bullet and not b.enum
        label = section_label(b.lines[0]) if plain else numbered.get(id(b))
        chapter = chapter_label(b.lines[0]) if plain and label is None else None
        if ended and _opens_instrument(blocks, i):
            part += 1
            ended = seen_section = False
            area_style = None
        b.part = part
        if SIGNED.match(b.text):
            b.role = "signature"
        elif ended and len(b.text.split()) > 40 and b.text.rstrip().endswith((".", ":", ";")):
            b.role = "back"  # running text after the signatures (an annex, a note): never part of a signature
        elif ended:
            b.role = "signature"
        elif label is not None and id(b) in numbered:
            _numbered_heading(blocks, i, label)
            area_style = None
            seen_section = True
        elif label is not None and (b.heading_level or b.emphasised or len(b.lines) <= 3 or label[1]):
            b.role, b.section = "section", label[0]
            b.title = label[1]
            i = _take_title(blocks, i)
            area_style = None
            seen_section = True
        elif chapter is not None and (b.heading_level or b.emphasised or len(b.lines) <= 2):
            b.role, b.chapter, b.title = "chapter", chapter[0], chapter[1]
            i = _take_title(blocks, i)
        elif is_closing(b.text) and (seen_section or i > len(blocks) // 2):
            b.role = "closing"
            ended = True
        elif not seen_section:
            b.role = "front"
        elif b.enum and not b.bullet and _is_subheading(b, nxt, out[-1] if out else None, area_style):
            b.role = "subheading"
            area_style = b.enum_style
            if b.text.endswith(".") and run_in_title(b.text):
                b.title = run_in_title(b.text) or ""
        elif b.bullet or b.enum:
            b.role = "list"
            heads_list = nxt is not None and nxt.enum_style not in (None, b.enum_style)
            b.title = (run_in_title(b.text) or "") if heads_list or not _title_only(b.text) else ""
        elif (
            b.heading_level or (b.emphasised and is_title_like(b.text, allow_colon=True)) or _is_plain_heading(b, nxt)
        ) and not _is_signatory(b):
            b.role = "heading"
        elif _is_signatory(b) and _rest_is_signatures(blocks, i):
            b.role = "signature"
            ended = True
        else:
            b.role = "paragraph"  # run-in titles open enumerated entries (and numbered sections), not plain paragraphs
        out.append(b)
        i += 1
    return _group_signatures(out)


def _take_title(blocks: list[Block], i: int) -> int:
    """A section or chapter label's title: on its own line, or in the next block (``### Article 5`` +
    ``####Title``); running text after the label in the same block becomes a block of its own."""
    b = blocks[i]
    rest = b.lines[1:]
    b.lines = [b.lines[0]]
    if not b.title and rest and is_title_like(rest[0], allow_colon=True):
        b.title = rest.pop(0)
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    if rest:  # running text that followed the label inside the same block
        blocks.insert(i + 1, Block(lines=rest, part=b.part))
    elif not b.title and nxt is not None and (_is_title_block(nxt) or _is_sentence_case_title(nxt, blocks[i + 2 : i + 3])):
        b.title = nxt.text
        b.extra.append(nxt)
        return i + 1
    return i


def _numbered_heading(blocks: list[Block], i: int, label: tuple[int, str]) -> None:
    """``2. Waiver. To the greatest extent…`` → a section heading ``2. Waiver.`` and its first paragraph."""
    b = blocks[i]
    number, title = label
    text = b.text
    head = text[: len(title) + 1] if text[len(title) : len(title) + 1] == "." else text[: len(title)]
    rest = text[len(head) :].strip()
    b.role, b.section, b.title = "section", number, title
    b.lines = [f"{b.enum_text} {head}"]
    b.enum = b.enum_kind = b.enum_text = b.enum_style = None
    if rest:
        blocks.insert(i + 1, Block(lines=[rest], part=b.part))


def _numbered_sections(blocks: list[Block]) -> dict[int, tuple[int, str]]:
    """Numbered headings ``1.``, ``2.``… that stand for sections, in a text with no keyword headings.

    Every top-level ``N.`` entry must carry a title (``4. Limitations and Disclaimers.``, ``1. Definitions``,
    ``2. Waiver. To the greatest…``), and they must run 1, 2, 3… (at least two): otherwise they are
    numbered paragraphs (``1. The Parties shall…``) and stay so.
    """
    if any(section_label(b.lines[0]) for b in blocks if not b.bullet and not b.enum):
        return {}
    candidates = [b for b in blocks if b.enum_style == "1." and not b.bullet and not b.heading_level]
    if len(candidates) < 2:
        return {}
    out: dict[int, tuple[int, str]] = {}
    for k, b in enumerate(candidates, 1):
        text = b.text
        title = run_in_title(text)
        if title is None and len(b.lines) == 1 and is_title_like(text, max_words=10):
            title = text
        if b.enum != str(k) or title is None:
            return {}
        out[id(b)] = (k, title)
    return out


def _split_glued_signatures(blocks: list[Block]) -> list[Block]:
    """``…the assurance of my highest consideration. (Signed) A. EDEN``: the signature, printed on the
    last lines of the paragraph or glued to its last sentence, becomes a block of its own (the
    signatory's name and post keep their own lines)."""
    out: list[Block] = []
    for b in blocks:
        split = None if b.heading_level else _glued_at(b.lines)
        if split is None:
            out.append(b)
            continue
        k, at = split
        head = [*b.lines[:k], b.lines[k][:at].rstrip()] if at else b.lines[:k]
        tail = [b.lines[k][at:].strip(), *b.lines[k + 1 :]]
        first = Block(
            lines=[ln for ln in head if ln],
            enum=b.enum, enum_kind=b.enum_kind, enum_text=b.enum_text, enum_style=b.enum_style, bullet=b.bullet,
        )
        out.extend([first, Block(lines=tail)])
    return out


def _glued_at(lines: list[str]) -> tuple[int, int] | None:
    """(line, column) where a signature marker starts after running text that ends a sentence."""
    for k, line in enumerate(lines):
        for m in SIGNED.finditer(line):
            before = " ".join([*lines[:k], line[: m.start()]]).rstrip()
            if before and before.endswith((".", ",", ":")):
                return k, m.start()
    return None


def _opens_instrument(blocks: list[Block], i: int) -> bool:
    """After the signatures, a title heading followed by articles or chapters opens another instrument."""
    b = blocks[i]
    if b.bullet or b.enum or _is_signatory(b) or SIGNED.match(b.text):
        return False
    if not (b.heading_level or _is_title_block(b) or is_mostly_upper(b.text)):
        return False
    if section_label(b.lines[0]) or chapter_label(b.lines[0]):
        return True
    ahead = blocks[i + 1 : i + 12]
    return any(not x.bullet and not x.enum and (section_label(x.lines[0]) or chapter_label(x.lines[0])) for x in ahead)


def _group_signatures(blocks: list[Block]) -> list[Block]:
    """A signature block is a "FOR THE …" / "POR LA …" line with the name and post under it."""
    out: list[Block] = []
    for b in blocks:
        if (
            b.role == "signature"
            and out
            and out[-1].role == "signature"
            and not _is_signatory(b)
            and not SIGNED.match(b.text)
        ):
            out[-1].extra.append(b)
        else:
            out.append(b)
    return out


def _is_title_block(b: Block) -> bool:
    if b.bullet or b.enum or section_label(b.lines[0]):
        return False
    text = b.text
    if b.heading_level or b.emphasised:
        if text.endswith(".") and not text.endswith(".."):  # "####Auditoría externa."
            text = text[:-1]
        return is_title_like(text, allow_colon=True, max_words=30)
    return is_title_like(text, max_words=10) and (is_capitalised_title(text) or is_mostly_upper(text))


def _is_subheading(b: Block, nxt: Block | None, prev: Block | None, area_style: str | None) -> bool:
    """An enumerated block that heads a group (an area of cooperation) rather than being a list entry.

    Styled (bold or ``#``) it is a heading outright. Unstyled, it must read as a title (short, no
    closing punctuation), be followed by running text, and not continue a list of the same kind
    (``b) Oranges`` after ``a) Apples`` is the last item of a list, not a heading). A lettered entry
    that is only a title with its full stop (``a. License grant.``) heads the deeper list under it.
    """
    text = b.text
    if nxt is not None and b.enum_kind != "number" and area_style in (None, b.enum_style) and _title_only(text):
        deeper = nxt.enum_style is not None and nxt.enum_style != b.enum_style and not nxt.bullet
        running = not nxt.bullet and not nxt.enum and not section_label(nxt.lines[0])
        continues = prev is not None and prev.role == "list" and prev.enum_style == b.enum_style
        if (deeper or running) and not continues:
            return True
    if not is_title_like(text, allow_colon=True, max_words=25):
        return False
    if b.emphasised or b.heading_level:
        return True
    followed_by_paragraph = nxt is not None and not nxt.bullet and not nxt.enum and not section_label(nxt.lines[0])
    continues_list = prev is not None and prev.role == "list" and prev.enum_kind == b.enum_kind
    return followed_by_paragraph and not continues_list


def _is_sentence_case_title(b: Block, after: list[Block]) -> bool:
    """``Article 1`` / ``Subject matter`` / ``1. This Regulation…``: a short unpunctuated line alone
    between a label and running text is the label's title, whatever its capitals."""
    return (
        len(b.lines) == 1
        and not b.bullet
        and not b.enum
        and bool(after)
        and is_title_like(b.text, max_words=12)
        and not chapter_label(b.lines[0])
        and not section_label(b.lines[0])
    )


def _is_plain_heading(b: Block, nxt: Block | None) -> bool:
    """An unstyled one-line title over running text (``Creative Commons Notice``): capitalised as a
    title or in capitals, ten words at most, no closing punctuation. A line the next block carries on in
    lower case (a quoted notice: ``Licensed under the EUPL`` + ``or has expressed…``) is inside a sentence."""
    text = b.text
    return (
        len(b.lines) == 1
        and nxt is not None
        and not nxt.bullet
        and not nxt.enum
        and not nxt.text[:1].islower()
        and nxt.text.endswith((".", ":", ";"))
        and len(nxt.text) > 2 * len(text)
        and is_title_like(text, max_words=10)
        and (is_capitalised_title(text) or is_mostly_upper(text))
    )


def _title_only(text: str) -> bool:
    """``License grant.``: a run-in title with nothing after it."""
    return text.endswith(".") and run_in_title(text) == text[:-1].rstrip()


def _is_signatory(b: Block) -> bool:
    """"FOR THE DEPARTMENT OF STATE…" / "POR LA SECRETARÍA…": a short unpunctuated signatory line."""
    head = b.text if len(b.lines) > 1 and all(is_mostly_upper(ln) for ln in b.lines) else b.lines[0]
    return bool(SIGNATORY.match(head)) and len(head.split()) <= 20 and not head.rstrip().endswith((".", ";"))


def _rest_is_signatures(blocks: list[Block], i: int) -> bool:
    """Signature blocks without a 'Signed at' paragraph: everything left is short and unpunctuated."""
    return all(len(x.text.split()) <= 20 and not section_label(x.lines[0]) for x in blocks[i:])
