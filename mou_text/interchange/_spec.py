"""Names shared by the writers and readers: namespaces, property names, the id and text rules of XML."""

from __future__ import annotations

import re

#: Version of the interchange mapping (prop names, metadata layout); recorded in every signature.
INTERCHANGE_VERSION = "interchange-v1"
UNITS = ("clause", "sentence")
XLIFF_VERSIONS = ("1.2", "2.0")

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF20_NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XML_LANG = f"{{{XML_NS}}}lang"
XML_SPACE = f"{{{XML_NS}}}space"

#: Prefix of every mou-text property name (TMX prop type, XLIFF 1.2 context-type).
PROP_PREFIX = "x-mou-"
#: Category of the XLIFF 2.0 metadata group that holds the same properties.
MDA_CATEGORY = "mou-text"
#: Properties carried per unit, in the order they are written.
META_KEYS = ("id", "kind", "section", "area", "label", "status", "sentence")

#: Inline elements whose content is native code, not text (TMX, XLIFF 1.2 and 2.0 alike).
CODE_ELEMENTS = frozenset({"bpt", "ept", "ph", "it", "ut", "x", "bx", "ex", "sc", "ec", "sm", "em", "cp", "sub"})
#: Standalone placeholders (not paired formatting codes): they may stand for a line break.
PLACEHOLDERS = frozenset({"ph", "x"})
NOT_XML_ID = re.compile(r"[^A-Za-z0-9._-]")
NOT_XML_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_id(clause_id: str) -> str:
    """An XML-safe unit id (an NMTOKEN of ASCII letters, digits, ``. _ -``); other characters become
    ``_xHHHH_`` so that ``s2.item~iv`` and ``s2.item+iv`` stay distinct. The original id travels in
    ``resname`` (XLIFF 1.2) or ``name`` (XLIFF 2.0)."""
    safe = NOT_XML_ID.sub(lambda m: f"_x{ord(m.group()):04X}_", clause_id)
    return safe or "_"


def xml_text(text: str) -> str:
    """Text XML 1.0 can carry: control characters (which no agreement means to contain) are dropped."""
    return NOT_XML_CHAR.sub("", text)


def unique(value: str, seen: set[str]) -> str:
    """``value``, or ``value-2``, ``value-3``… if already used; records the result in ``seen``."""
    out, k = value, 1
    while out in seen:
        k += 1
        out = f"{value}-{k}"
    seen.add(out)
    return out
