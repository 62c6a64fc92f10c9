"""Pass 3 of the parser: a state machine that names every node by structure and assembles the text.

It walks the roles, keeps the current section, area and list, and names each node by structure only
(``recital.3``, ``s2.item.iv``, ``s3.iii.bullet.2``, ``s4.p1``), so two faithful translations get the
same ids. The clean text is assembled as it goes, so ``doc.text[n.start:n.end] == n.text`` holds by
construction.
"""

from __future__ import annotations

import re

from ..document import Node
from ._blocks import Block, join_lines
from ._recognisers import (
    CAPS_LEAD,
    ENACTING,
    is_capitalised_title,
    is_mostly_upper,
    is_recital,
    is_title_like,
)


class _Builder:
    """Assembles the clean text and the node list together, so offsets cannot drift."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.nodes: list[Node] = []
        self.ids: set[str] = set()

    def add(
        self,
        node_id: str,
        kind: str,
        text: str,
        *,
        prefix: str = "",
        section: int | None = None,
        area: str | None = None,
        label: str | None = None,
        title: str | None = None,
    ) -> None:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        if prefix:
            self.parts.append(prefix)
            self.length += len(prefix)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        node_id = self._unique(node_id)
        self.nodes.append(Node(node_id, kind, section, area, text, start, self.length, label=label, title=title))

    def _unique(self, node_id: str) -> str:
        if node_id not in self.ids:
            self.ids.add(node_id)
            return node_id
        n = 2
        while f"{node_id}~{n}" in self.ids:
            n += 1
        self.ids.add(f"{node_id}~{n}")
        return f"{node_id}~{n}"

    @property
    def text(self) -> str:
        return "".join(self.parts)


def build(blocks: list[Block]) -> tuple[str, list[Node]]:
    """Name every block's node and assemble the clean text; a second instrument's ids start ``part2.``."""
    out = _Builder()
    for part in sorted({b.part for b in blocks}):
        _build_part(out, [b for b in blocks if b.part == part], "" if part == 1 else f"part{part}.")
    return out.text, out.nodes


def _build_part(out: _Builder, blocks: list[Block], pre: str) -> None:
    section: int | None = None
    container = ""
    area: str | None = None
    counters: dict[str, int] = {}
    # open enumerated levels, outermost first: (enumerator shape, node id, node kind, text)
    stack: list[tuple[str, str, str, str]] = []
    prev_text = ""
    in_list = False  # a list (enumerated or bulleted) is being read
    signatures = 0
    closings = 0
    front = _Front(out, pre)

    def count(key: str) -> int:
        counters[key] = counters.get(key, 0) + 1
        return counters[key]

    for i, b in enumerate(blocks):
        if b.role == "front":
            front.add(b, blocks[i + 1 :])
            continue
        front.flush()
        text = b.text
        if b.role == "section":
            section, area, stack, in_list = b.section, None, [], False
            container = f"{pre}s{section}"
            inline = bool(b.title) and b.title in b.lines[0]
            heading = b.lines[0] + (f"\n{b.title}" if b.title and not inline else "")
            out.add(f"{container}.heading", "heading", heading, section=section, label=str(section), title=b.title or None)
        elif b.role == "chapter":
            section, area, stack, in_list = None, None, [], False
            container = f"{pre}ch{b.chapter}"
            inline = bool(b.title) and b.title in b.lines[0]
            heading = b.lines[0] + (f"\n{b.title}" if b.title and not inline else "")
            out.add(f"{container}.heading", "heading", heading, label=str(b.chapter), title=b.title or None)
        elif b.role == "subheading":
            area = b.enum
            container = f"{pre}s{section}.{area}" if section is not None else f"{pre}{area}"
            stack, in_list = [], False
            out.add(f"{container}.heading", "heading", text, prefix=f"{b.enum_text} ", section=section, area=area, label=b.enum, title=b.title or text)
        elif b.role == "heading":
            base = container or f"{pre}body"
            out.add(f"{base}.h{count(base + '.h')}", "heading", text, section=section, area=area, title=text)
        elif b.role == "list":
            title = b.title or None
            if b.enum:
                style = _resolve_style(b, stack)
                level = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == style), None)
                if level == len(stack) - 1 and b.enum in ("a", "1", "i") and stack[-1][3].rstrip().endswith(":"):
                    level = None  # "b) … one of the following actions:" then "a)": a list under b), not a restart
                sibling_kind = stack[level][2] if level is not None else None
                if level is not None:
                    del stack[level:]
                parent = stack[-1][1] if stack else container
                numbered_paragraph = (
                    sibling_kind == "paragraph"
                    if sibling_kind is not None
                    else b.enum_kind == "number" and not b.bullet and not prev_text.endswith(":")
                )
                if numbered_paragraph:
                    stack = []
                    node_id = f"{container}.p{count(container + '.p')}"
                    out.add(node_id, "paragraph", text, prefix=f"{b.enum_text} ", section=section, area=area, label=b.enum, title=title)
                    stack.append((style, node_id, "paragraph", text))
                    in_list = False
                else:
                    node_id = f"{parent}.item.{b.enum.replace('.', '-')}"
                    out.add(node_id, "item", text, prefix=f"{b.enum_text} ", section=section, area=area, label=b.enum, title=title)
                    stack.append((style, node_id, "item", text))
                    in_list = True
            else:
                parent = _bullet_parent(stack, container)
                out.add(f"{parent}.bullet.{count(parent + '.bullet')}", "bullet", text, prefix="- ", section=section, area=area, title=title)
                in_list = True
        elif b.role == "paragraph":
            if area is not None and in_list and not _subheading_ahead(blocks, i):
                area, container = None, f"{pre}s{section}"  # text after the last area's list is section-level
            base = container or f"{pre}body"
            node_id = f"{base}.p{count(base + '.p')}"
            out.add(node_id, "paragraph", text, section=section, area=area, title=b.title or None)
            stack, in_list = [], False  # an unnumbered lead-in does not qualify its list's ids
        elif b.role == "back":
            out.add(f"{pre}back.p{count(pre + 'back.p')}", "paragraph", text)
        elif b.role == "closing":
            closings += 1
            out.add(f"{pre}closing" if closings == 1 else f"{pre}closing.{closings}", "closing", text)
        elif b.role == "signature":
            signatures = front.signatures = max(signatures, front.signatures) + 1
            sig = "\n".join(_signature_text(x) for x in [b, *b.extra])
            out.add(f"{pre}signature.{signatures}", "signature", sig)
        prev_text = text


def _resolve_style(b: Block, stack: list[tuple[str, str, str, str]]) -> str:
    """``i.`` after ``h.`` is the ninth letter, not the roman one (and ``v.`` after ``u.``, ``x.`` after ``w.``),
    unless ``h.`` ends with a colon and so opens a list of its own."""
    style = b.enum_style or ""
    if b.enum_kind == "roman" and b.enum and len(b.enum) == 1 and b.enum_text:
        letter_style = style.replace("i", "a").replace("I", "A")
        for k, (shape, node_id, _kind, text) in enumerate(stack):
            last = node_id.rsplit(".", 1)[-1]
            opens_list = k == len(stack) - 1 and text.rstrip().endswith(":")  # "h. … as follows:" → "i." starts a list
            if shape == letter_style and len(last) == 1 and ord(last) + 1 == ord(b.enum) and not opens_list:
                b.enum_kind = "letter"
                return letter_style
    return style


def _bullet_parent(stack: list[tuple[str, str, str, str]], container: str) -> str:
    """Bullets hang from the entry that introduces them (``…the following:``) or the numbered paragraph."""
    for _shape, node_id, kind, text in reversed(stack):
        if kind == "paragraph" or text.rstrip().endswith(":"):
            return node_id
    return container


def _signature_text(b: Block) -> str:
    """A signatory name wrapped over capitals lines reads as one line; a name or post under it keeps its own."""
    out: list[str] = []
    for line in b.lines:
        if out and is_mostly_upper(out[-1]) and is_mostly_upper(line):
            out[-1] = join_lines([out[-1], line])
        else:
            out.append(line.strip())
    return "\n".join(out)


def _subheading_ahead(blocks: list[Block], i: int) -> bool:
    for b in blocks[i + 1 :]:
        if b.role == "subheading":
            return True
        if b.role in ("section", "closing", "signature"):
            return False
    return False


class _Front:
    """Title, preamble, recitals and the enacting formula: the blocks before the first section, named
    as they come (a note's signatures may sit between them, in an exchange of notes)."""

    def __init__(self, out: _Builder, pre: str) -> None:
        self.out, self.pre = out, pre
        self.titles: list[Block] = []
        self.open = True  # still reading the title lines
        self.recitals = self.paragraphs = self.headings = 0
        self.signatures = 0

    def flush(self) -> None:
        if self.titles:
            self.out.add(f"{self.pre}title", "title", " ".join(b.text for b in self.titles))
            self.titles = []
        self.open = False

    def add(self, b: Block, after: list[Block]) -> None:
        text = b.text
        nxt = after[0] if after else None
        first_heading = not self.titles and b.heading_level and len(b.lines) == 1  # a first heading is the title
        if self.open and (first_heading or _is_title_candidate(b) or (not self.titles and _is_plain_title(b, nxt))):
            self.titles.append(b)
            return
        self.flush()
        pre = self.pre
        if (
            (b.heading_level or b.emphasised) and is_title_like(text, allow_colon=True) and not CAPS_LEAD.match(text + " x")
        ) or _is_plain_heading(b, nxt) or _NOTE_NUMBER.match(text):
            self.headings += 1
            self.out.add(f"{pre}preamble.h{self.headings}", "heading", text)
        elif is_recital(text, after_preamble=self.paragraphs > 0 or self.recitals > 0):
            self.recitals += 1
            self.out.add(f"{pre}recital.{self.recitals}", "recital", text, prefix=f"{b.enum_text} " if b.enum_text else "")
        elif _enacting(text) or (_last_front_paragraph(b, after) and text.endswith(":") and self.recitals):
            self.out.add(f"{pre}enacting", "paragraph", text)
        else:
            self.paragraphs += 1
            prefix = f"{b.enum_text} " if b.enum_text else ""
            node_id = f"{pre}preamble" if self.paragraphs == 1 else f"{pre}preamble.p{self.paragraphs}"
            kind = "preamble" if self.paragraphs == 1 else "paragraph"
            self.out.add(node_id, kind, text, prefix=prefix, label=b.enum, title=b.title or None)


def _enacting(text: str) -> bool:
    """The enacting formula ('Have agreed as follows:', 'Han acordado lo siguiente:'): its words in a short
    paragraph or one that announces what follows, not in running prose ('Attacks have reached alarming
    levels' ↔ 'Los ataques han alcanzado niveles alarmantes')."""
    if not ENACTING.search(text):
        return False
    return text.rstrip().endswith(":") or len(text.split()) <= 15 or bool(re.search(r"\bfollows?\b|\bsiguientes?\b", text, re.I))


#: The number over each note of an exchange of notes ("I", "II", "Note No. 2", "Nota núm. 2").
_NOTE_NUMBER = re.compile(r"^(?:not[ea]\s+(?:no\.|núm\.|n\.º)?\s*)?(?:[IVX]{1,4}|\d{1,2})\.?$", re.IGNORECASE)


def _last_front_paragraph(b: Block, after: list[Block]) -> bool:
    if b.bullet or b.enum:
        return False
    for x in after:
        if x.role != "front":
            return True
        if not x.bullet and not x.enum:
            return False
    return True


def _is_plain_title(b: Block, nxt: Block | None) -> bool:
    """An unstyled first line that reads as a title (``Attribution 4.0 International``) above running text."""
    text = b.text
    return (
        len(b.lines) == 1
        and not b.enum
        and not b.bullet
        and nxt is not None
        and nxt.role == "front"
        and is_title_like(text, max_words=12)
        and is_capitalised_title(text)
        and not _reads_as_recital(text)
    )


def _is_plain_heading(b: Block, nxt: Block | None) -> bool:
    """An unstyled one-line title before running text in the front matter (``Statement of Purpose``); not a
    line the next block carries on in lower case (a quoted notice: ``Licensed under the EUPL`` + ``or has…``)."""
    text = b.text
    return (
        len(b.lines) == 1
        and not b.enum
        and not b.bullet
        and nxt is not None
        and not nxt.text[:1].islower()
        and len(nxt.text) > len(text)
        and is_title_like(text, max_words=12)
        and (is_capitalised_title(text) or is_mostly_upper(text))
        and not CAPS_LEAD.match(text + " x")
        and not is_recital(text, after_preamble=True)
    )


def _is_title_candidate(b: Block) -> bool:
    text = b.text
    if RECITAL_OR_PREAMBLE.search(text[:200]):
        return False
    if not (b.heading_level or b.emphasised) and re.search(r"[.;:]\s+[^\W\d_]{2}", text):
        return False  # an unstyled notice in capitals ("… IS NOT A LAW FIRM. DISTRIBUTION OF …") is no title
    return bool(b.heading_level or b.emphasised or is_mostly_upper(text)) and not _reads_as_recital(text)


def _reads_as_recital(text: str) -> bool:
    """A capitals lead followed by running text (``RECOGNIZING that…``), not by a version (``LICENCE v. 2.0``)."""
    return is_recital(text, after_preamble=True) and len(re.findall(r"\b[a-záéíóúñü]{3,}\b", text)) >= 3


RECITAL_OR_PREAMBLE = re.compile(r"hereinafter|en lo sucesivo|referred to as|denominad[oa]s", re.IGNORECASE)


