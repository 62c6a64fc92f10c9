"""Inline codes of a segment, read as tags rather than text.

CAT tools carry the formatting and placeholders of the original file as inline elements: XLIFF 1.2
``g x bx ex ph bpt ept it mrk``, XLIFF 2.0 ``pc ph sc ec sm em mrk``, TMX ``bpt ept ph it hi ut``.
The reader keeps the *text* a translator reads (what ``plain`` always returned) and, beside it, a
list of the codes with their place in that text, so the checker can compare codes between source
and target (missing, extra, duplicated, reordered, malformed) without any code id or native code
(``id="31"``, ``width="120"``) ever reaching the number or name rules.

A code is a plain dict (JSON-safe, carried in ``ClausePair.meta``): ``tag`` (element name), ``id``
(the attribute that identifies it: ``rid``/``id``/``i``/``x``/``startRef``), ``role`` (``open``,
``close``, ``standalone``), ``pos`` (offset in the segment's text), ``label`` (how to show it) and
``malformed`` (why the element breaks its format, e.g. content inside an empty ``<x/>``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._spec import CODE_ELEMENTS, PLACEHOLDERS

if TYPE_CHECKING:
    from lxml import etree

#: Elements whose content is text the translator reads (the code is the element itself).
WRAPPING = frozenset({"g", "pc", "hi", "mrk"})
#: Elements that must be empty: content inside them is a malformed code (XLIFF 1.2 ``x bx ex``,
#: XLIFF 2.0 ``sc ec sm em``; a 2.0 ``ph`` is empty too, a 1.2/TMX ``ph`` holds native code).
EMPTY_ONLY = frozenset({"x", "bx", "ex", "sc", "ec", "sm", "em"})
#: Role of each code element (``it`` and 2.0 isolated codes are read from their attributes).
_ROLES = {"bpt": "open", "bx": "open", "sc": "open", "sm": "open", "ept": "close", "ex": "close", "ec": "close", "em": "close"}
#: Elements that are segmentation, not codes (XLIFF 1.2 ``<mrk mtype="seg">``).
_SEGMENT_MTYPES = frozenset({"seg"})


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _ident(el: etree._Element, name: str, v2: bool) -> tuple[str | None, str | None]:
    """(attribute, value) that identifies a code; open and close codes of one pair share it."""
    order = {
        "ec": ("startRef", "id"),
        "em": ("startRef", "id"),
        "bpt": ("rid", "id", "i"),
        "ept": ("rid", "id", "i"),
        "bx": ("rid", "id"),
        "ex": ("rid", "id"),
    }.get(name, ("id", "x", "i"))
    for attr in order:
        value = el.get(attr)
        if value is not None:
            return attr, value
    return None, None


def _label(name: str, role: str, attr: str | None, value: str | None) -> str:
    ref = f' {attr}="{value}"' if attr else ""
    if name in WRAPPING:
        return f"</{name}{ref}>" if role == "close" else f"<{name}{ref}>"
    return f"<{name}{ref}/>" if role == "standalone" or name in EMPTY_ONLY else f"<{name}{ref}>"


class _Walker:
    """One pass over a segment element: the text, and the codes at their offsets in it."""

    def __init__(self, v2: bool) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.codes: list[dict[str, Any]] = []
        self.v2 = v2

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def code(self, el: etree._Element, name: str, role: str, malformed: str | None = None) -> None:
        attr, value = _ident(el, name, self.v2)
        self.codes.append(
            {"tag": name, "id": value, "role": role, "pos": self.length, "label": _label(name, role, attr, value), "malformed": malformed}
        )

    def walk(self, el: etree._Element) -> None:
        self.add(el.text)
        for node in el:
            name = _local(node)
            if not isinstance(node.tag, str):  # comment, processing instruction: its tail only
                pass
            elif name in CODE_ELEMENTS:
                self._native(node, name)
            elif name in WRAPPING and not (name == "mrk" and node.get("mtype") in _SEGMENT_MTYPES):
                self.code(node, name, "open")
                self.walk(node)
                self.code(node, name, "close")
            else:
                self.walk(node)
            self.add(node.tail)

    def _native(self, node: etree._Element, name: str) -> None:
        role = _ROLES.get(name, "standalone")
        if name == "it":
            role = "open" if node.get("pos") in ("open", "begin") else "close"
        elif name in ("sc", "ec") and (node.get("isolated") or "").lower() == "yes":
            role = "standalone"
        malformed = None
        if name in EMPTY_ONLY or (name == "ph" and self.v2):
            content = "".join(node.itertext()).strip()
            if content or len(node):
                malformed = f"<{name}> must be empty but holds {content[:40]!r}" if content else f"<{name}> must be empty but holds elements"
        self.code(node, name, role, malformed)
        if name in PLACEHOLDERS:
            # a placeholder between two words (often a line break) must not glue them together
            before = self.parts[-1][-1:] if self.parts else ""
            after = (node.tail or "")[:1]
            if before.isalnum() and after.isalnum():
                self.add(" ")


def read_segment(el: etree._Element | None, *, v2: bool = False) -> tuple[str | None, list[dict[str, Any]]]:
    """The text of a segment (inline codes left out, wrapped text kept) and its codes in order."""
    if el is None:
        return None, []
    w = _Walker(v2)
    w.walk(el)
    return "".join(w.parts), w.codes


def shift_codes(codes: list[dict[str, Any]], raw: str, cleaned: str | None) -> list[dict[str, Any]]:
    """Codes re-placed in the cleaned text (normalised, stripped): offsets follow the same edits."""
    if not codes or cleaned is None:
        return [] if cleaned is None else codes
    from ..readers import normalise

    out = []
    lead = len(normalise(raw)) - len(normalise(raw).lstrip())
    for c in codes:
        pos = len(normalise(raw[: c["pos"]])) - lead
        out.append({**c, "pos": max(0, min(pos, len(cleaned)))})
    return out
