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
    out = _Builder()
    front = [b for b in blocks if b.role == "front"]
    _build_front(out, front)

    section: int | None = None
    container = ""
    area: str | None = None
    counters: dict[str, int] = {}
    list_parent: str | None = None  # a numbered paragraph that introduces the list that follows
    prev_text = ""
    list_kind: str | None = None  # the enumerator kind of the list being read, or 'bullet'
    signatures = 0
    closings = 0

    def count(key: str) -> int:
        counters[key] = counters.get(key, 0) + 1
        return counters[key]

    for i, b in enumerate(blocks):
        if b.role == "front":
            continue
        text = b.text
        if b.role == "section":
            section, area, list_parent, list_kind = b.section, None, None, None
            container = f"s{section}"
            inline = bool(b.title) and b.lines[0].rstrip().endswith(b.title)
            heading = b.lines[0] + (f"\n{b.title}" if b.title and not inline else "")
            out.add(f"{container}.heading", "heading", heading, section=section, label=str(section), title=b.title or None)
        elif b.role == "subheading":
            area = b.enum
            container = f"s{section}.{area}" if section is not None else f"{area}"
            list_parent, list_kind = None, None
            out.add(f"{container}.heading", "heading", text, prefix=f"{b.enum_text} ", section=section, area=area, label=b.enum, title=text)
        elif b.role == "heading":
            out.add(f"{container or 'body'}.h{count(container + '.h')}", "heading", text, section=section, area=area, title=text)
        elif b.role == "list":
            numbered_paragraph = (
                b.enum_kind == "number" and not b.bullet and list_kind != "number" and not prev_text.endswith(":")
            )
            if numbered_paragraph:
                node_id = f"{container}.p{count(container + '.p')}"
                out.add(node_id, "paragraph", text, prefix=f"{b.enum_text} ", section=section, area=area, label=b.enum)
                list_parent, list_kind = node_id, None
            else:
                parent = list_parent or container
                if b.enum:
                    out.add(f"{parent}.item.{b.enum}", "item", text, prefix=f"{b.enum_text} ", section=section, area=area, label=b.enum)
                else:
                    out.add(f"{parent}.bullet.{count(parent + '.bullet')}", "bullet", text, prefix="- ", section=section, area=area)
                list_kind = b.enum_kind or "bullet"
        elif b.role == "paragraph":
            if area is not None and list_kind and not _subheading_ahead(blocks, i):
                area, container = None, f"s{section}"  # text after the last area's list is section-level
            node_id = f"{container}.p{count(container + '.p')}"
            out.add(node_id, "paragraph", text, section=section, area=area)
            list_parent, list_kind = None, None  # an unnumbered lead-in does not qualify its list's ids
        elif b.role == "closing":
            closings += 1
            out.add("closing" if closings == 1 else f"closing.{closings}", "closing", text)
        elif b.role == "signature":
            signatures += 1
            text = "\n".join(_signature_text(x) for x in [b, *b.extra])
            out.add(f"signature.{signatures}", "signature", text)
        prev_text = text
    return out.text, out.nodes


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


def _build_front(out: _Builder, front: list[Block]) -> None:
    """Title, preamble, recitals and the enacting formula: everything before the first section."""
    i = 0
    title_blocks: list[Block] = []
    while i < len(front) and _is_title_candidate(front[i]):
        title_blocks.append(front[i])
        i += 1
    if title_blocks:
        out.add("title", "title", " ".join(b.text for b in title_blocks))
    recitals = 0
    paragraphs = 0
    headings = 0
    rest = front[i:]
    last_paragraph = max((k for k, b in enumerate(rest) if not b.bullet and not b.enum), default=-1)
    for k, b in enumerate(rest):
        text = b.text
        if (b.heading_level or b.emphasised) and is_title_like(text, allow_colon=True) and not CAPS_LEAD.match(text + " x"):
            headings += 1
            out.add(f"preamble.h{headings}", "heading", text)
        elif is_recital(text, after_preamble=paragraphs > 0 or recitals > 0):
            recitals += 1
            out.add(f"recital.{recitals}", "recital", text, prefix=f"{b.enum_text} " if b.enum_text else "")
        elif ENACTING.search(text) or (k == last_paragraph and text.endswith(":") and recitals):
            out.add("enacting", "paragraph", text)
        else:
            paragraphs += 1
            if paragraphs == 1:
                out.add("preamble", "preamble", text)
            else:
                out.add(f"preamble.p{paragraphs}", "paragraph", text)


def _is_title_candidate(b: Block) -> bool:
    text = b.text
    if RECITAL_OR_PREAMBLE.search(text[:200]):
        return False
    return bool(b.heading_level or b.emphasised or is_mostly_upper(text)) and not is_recital(text, after_preamble=True)


RECITAL_OR_PREAMBLE = re.compile(r"hereinafter|en lo sucesivo|referred to as|denominad[oa]s", re.IGNORECASE)


