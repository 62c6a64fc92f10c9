"""Writing a ParallelDocument as a TMX translation memory or a bilingual XLIFF file.

Every clause is written, a one-sided one too (marked ``x-mou-status``), because an omission is what a
reviewer most needs to see; the clause id, kind, section, area and label travel in each format's own
metadata slot (TMX ``<prop>``, XLIFF 1.2 ``<context-group>``, XLIFF 2.0 metadata module) so that a
file that went through a CAT tool comes back with the same ids. Sentence units use each format's
native segmentation.

All three formats (TMX 1.4b, XLIFF 1.2 and 2.0) are built as lxml element trees, for two reasons.
Licence: translate-toolkit, which once wrote TMX and XLIFF 1.2 here, is GPL-3.0-or-later and cannot
be a run-time dependency of an MIT library (it stays a test-only extra, as an independent reader
that checks what these writers produce). Control: its writers had to be corrected after the fact
(an XLIFF 1.1 skeleton, ``approved``/``state`` set on every translated unit, re-indented segmented
text, ``xml:space`` on a 2.0 ``<segment>`` where the core schema forbids it, no unit of several
segments). Text and ids only ever go into element text and attribute values, so lxml escapes them;
no markup is assembled from strings. The layout is indented by :func:`_indent`, which never touches
an element that holds text, so every segment holds exactly the text of its clause or sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..align import ParallelDocument
from ..document import Document, Node
from ..errors import ConfigError, EmptyDocumentError
from ._spec import (
    MDA_CATEGORY,
    MDA_NS,
    META_KEYS,
    PROP_PREFIX,
    UNITS,
    XLIFF12_NS,
    XLIFF20_NS,
    XLIFF_VERSIONS,
    XML_LANG,
    XML_SPACE,
    unique,
    xml_id,
    xml_text,
)

if TYPE_CHECKING:
    from lxml import etree

#: System identifier of the TMX 1.4b DTD, as CAT tools write it in ``<!DOCTYPE tmx>``.
TMX_DTD = "tmx14.dtd"
#: Elements whose content is text (never re-indented); everything else is structure.
TMX_TEXT_ELEMENTS = frozenset({"seg", "prop", "note"})
XLIFF12_TEXT_ELEMENTS = frozenset({"source", "seg-source", "target", "context", "note"})


@dataclass(frozen=True, slots=True)
class _Out:
    """One exported unit: a clause, with its sentence segmentation when both sides split alike.

    ``segments`` pairs sentences by position; ``gaps`` has one more entry than ``segments`` and holds
    the (en, es) text before, between and after them, so each side is exactly rebuilt.
    """

    id: str
    meta: dict[str, str]
    en: str | None
    es: str | None
    segments: tuple[tuple[str, str], ...] = ()
    gaps: tuple[tuple[str, str], ...] = ()


def _check_unit(unit: str) -> str:
    if unit not in UNITS:
        raise ConfigError("unit", f"{unit!r} is not a unit of export", "use unit='clause' or unit='sentence'", code="E240")
    return unit


def _export_units(par: ParallelDocument, unit: str) -> list[_Out]:
    if not par.pairs:
        raise EmptyDocumentError(
            "the parallel document",
            "it has no clause pairs, so there is nothing to export",
            "pair two non-empty documents (mou_text.pair(en, es)) before exporting", code="E040",
        )
    out = []
    for p in par.pairs:
        ref = p.en or p.es
        assert ref is not None
        meta = {"id": p.id, "kind": p.kind, "section": p.section, "area": p.area, "label": ref.label}
        if p.status != "paired":
            meta["status"] = p.status
        meta = {k: xml_text(str(v)) for k, v in meta.items() if v is not None and v != ""}
        en = xml_text(p.en.text) if p.en else None
        es = xml_text(p.es.text) if p.es else None
        segments: tuple[tuple[str, str], ...] = ()
        gaps: tuple[tuple[str, str], ...] = ()
        if unit == "sentence" and p.en and p.es and len(p.en.sentences) == len(p.es.sentences) > 1:
            en_parts = _pieces(par.en, p.en)
            es_parts = _pieces(par.es, p.es)
            segments = tuple(zip(en_parts[1::2], es_parts[1::2], strict=True))
            gaps = tuple(zip(en_parts[0::2], es_parts[0::2], strict=True))
        out.append(_Out(p.id, meta, en, es, segments, gaps))
    return out


def _pieces(doc: Document, node: Node) -> list[str]:
    """``[gap, sentence, gap, sentence, …, gap]`` of a node; joined, they are the node's text."""
    parts, pos = [], node.start
    for s in node.sentences:
        parts += [doc.text[pos : s.start], doc.text[s.start : s.end]]
        pos = s.end
    parts.append(doc.text[pos : node.end])
    return [xml_text(p) for p in parts]


def export_units(par: ParallelDocument, unit: str = "clause", fmt: str = "tmx") -> int:
    """How many translation units an export writes (``<tu>`` for TMX, ``<trans-unit>``/``<unit>`` for XLIFF)."""
    if fmt not in ("tmx", "xliff"):
        raise ConfigError("fmt", f"{fmt!r} is not an export format", "use fmt='tmx' or fmt='xliff'", code="E241")
    units = _export_units(par, _check_unit(unit))
    if fmt == "tmx":
        return sum(max(1, len(u.segments)) for u in units)
    return len(units)


def to_tmx(par: ParallelDocument, path: str | Path, *, unit: str = "clause") -> Path:
    """Write a TMX 1.4b translation memory: one ``<tu>`` per clause, or per sentence pair.

    ``unit='sentence'`` splits a clause whose two sides have the same number of sentences into one
    ``<tu>`` per sentence pair (``x-mou-sentence`` = ``k/n``), and keeps any other clause whole. A
    one-sided clause gets only the ``<tuv>`` it has and ``x-mou-status`` = ``en_only``/``es_only``.
    The file is written atomically: a failure leaves the previous file, never a truncated one.
    """
    units = _export_units(par, _check_unit(unit))
    sources = {lang: Path(doc.source).name for lang, doc in (("en", par.en), ("es", par.es)) if doc.source}
    data = _tmx_bytes(units, unit, sources)
    from .._io import atomic_write

    return atomic_write(path, lambda p: p.write_bytes(data))


def _tmx_bytes(units: list[_Out], unit: str, sources: dict[str, str]) -> bytes:
    """The TMX 1.4b document: header, then per ``<tu>`` its props (DTD order: prop before tuv) and
    one ``<tuv>`` per side it has; ``srclang`` is the side that exists (English when both do)."""
    from lxml import etree

    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        root,
        "header",
        {
            "creationtool": "mou-text",
            "creationtoolversion": __version__,
            "segtype": "sentence" if unit == "sentence" else "paragraph",
            "o-tmf": "mou-text",
            "adminlang": "en",
            "srclang": "en",
            "datatype": "plaintext",
        },
    )
    for lang, name in sources.items():
        etree.SubElement(header, "prop", type=f"{PROP_PREFIX}{lang}-source").text = xml_text(name)
    body = etree.SubElement(root, "body")
    for u in units:
        pieces = u.segments or ((u.en, u.es),)
        for k, (en, es) in enumerate(pieces, start=1):
            meta, tuid = dict(u.meta), u.id
            if len(pieces) > 1:
                meta["sentence"] = f"{k}/{len(pieces)}"
                tuid = f"{u.id}/{k}"
            tu = etree.SubElement(body, "tu", srclang="en" if en is not None else "es", tuid=xml_text(tuid))
            for key in META_KEYS:
                if key in meta:
                    etree.SubElement(tu, "prop", type=f"{PROP_PREFIX}{key}").text = meta[key]
            for lang, text in (("en", en), ("es", es)):
                if text is not None:
                    tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
                    etree.SubElement(tuv, "seg").text = text
    tree = etree.ElementTree(root)
    tree.docinfo.system_url = TMX_DTD  # <!DOCTYPE tmx SYSTEM "tmx14.dtd">, as CAT tools expect
    _indent(root, TMX_TEXT_ELEMENTS)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def _indent(element: etree._Element, text_elements: frozenset[str], level: int = 0) -> None:
    """Indent the structure by two spaces per level, as CAT tools lay these files out.

    Only the whitespace between structural elements is set: an element named in ``text_elements``
    (a segment, a property) and any element that has text of its own are left exactly as built, so
    no segment gains or loses a character (``etree.indent`` would rewrite a whitespace-only gap, such
    as the space between two ``<mrk>`` of a ``<seg-source>``).
    """
    pad = "\n" + "  " * level
    element.tail = pad if level else "\n"
    name = element.tag.rsplit("}", 1)[-1]
    if name in text_elements or element.text or not len(element):
        return
    element.text = pad + "  "
    for child in element:
        _indent(child, text_elements, level + 1)
    element[-1].tail = pad


def to_xliff(par: ParallelDocument, path: str | Path, *, version: str = "1.2", unit: str = "clause") -> Path:
    """Write a bilingual XLIFF file (English source, Spanish target), one unit per clause.

    Unit ids are :func:`xml_id` of the clause id; the clause id itself is kept in ``resname`` (1.2)
    or ``name`` (2.0). ``state`` and ``approved`` are left unset: review status belongs to the CAT
    tool. ``unit='sentence'`` segments a clause whose sides split into the same number of sentences
    (``<seg-source>``/``<mrk mtype="seg">`` in 1.2, ``<segment>``/``<ignorable>`` in 2.0).
    """
    version = str(version)
    if version not in XLIFF_VERSIONS:
        raise ConfigError("version", f"XLIFF {version!r} is not supported", "use version='1.2' or version='2.0'", code="E242")
    units = _export_units(par, _check_unit(unit))
    original = Path(par.en.source).name if par.en.source else "mou-text"
    if version == "1.2":
        data = _xliff12_bytes(units, original)
    else:
        data = _xliff20_bytes(units, original)
    from .._io import atomic_write

    return atomic_write(path, lambda p: p.write_bytes(data))


def _xliff12_bytes(units: list[_Out], original: str) -> bytes:
    """The XLIFF 1.2 document: ``<trans-unit>`` children in schema order (source, seg-source,
    target, context-group); no ``state`` or ``approved``, as review status is the CAT tool's call."""
    from lxml import etree

    def q(name: str) -> str:
        return f"{{{XLIFF12_NS}}}{name}"

    root = etree.Element(q("xliff"), nsmap={None: XLIFF12_NS}, version="1.2")
    filenode = etree.SubElement(
        root,
        q("file"),
        {
            "original": xml_text(original),
            "source-language": "en",
            "datatype": "plaintext",
            "target-language": "es",
            "tool-id": "mou-text",
        },
    )
    header = etree.SubElement(filenode, q("header"))
    etree.SubElement(header, q("tool"), {"tool-id": "mou-text", "tool-name": "mou-text", "tool-version": __version__})
    body = etree.SubElement(filenode, q("body"))
    seen: set[str] = set()
    for u in units:
        tu = etree.SubElement(body, q("trans-unit"))
        tu.set(XML_SPACE, "preserve")
        tu.set("id", unique(xml_id(u.id), seen))
        tu.set("resname", u.meta["id"])
        # a Spanish-only clause keeps an empty <source>: the schema requires one
        etree.SubElement(tu, q("source")).text = u.en if u.en is not None else ""
        if u.segments:
            _fill_mrk(etree.SubElement(tu, q("seg-source")), q("mrk"), [g[0] for g in u.gaps], [s[0] for s in u.segments])
        if u.es is not None:
            target = etree.SubElement(tu, q("target"))
            if u.segments:
                _fill_mrk(target, q("mrk"), [g[1] for g in u.gaps], [s[1] for s in u.segments])
            else:
                target.text = u.es
        # the schema wants context-group names unique in a <file>: one group per unit, named after it
        group = etree.SubElement(tu, q("context-group"), name=f"mou-text.{tu.get('id')}", purpose="information")
        for key in META_KEYS:
            if key in u.meta:
                etree.SubElement(group, q("context"), {"context-type": f"{PROP_PREFIX}{key}"}).text = u.meta[key]
    _indent(root, XLIFF12_TEXT_ELEMENTS)
    return etree.tostring(etree.ElementTree(root), xml_declaration=True, encoding="UTF-8")


def _fill_mrk(element: etree._Element, tag: str, gaps: list[str], sentences: list[str]) -> None:
    """Fill an empty element with ``gap <mrk>sentence</mrk> gap …``: joined, the text of the clause."""
    from lxml import etree

    element.text = gaps[0]
    for k, sentence in enumerate(sentences, start=1):
        mrk = etree.SubElement(element, tag, mtype="seg", mid=str(k))
        mrk.text = sentence
        mrk.tail = gaps[k]


def _xliff20_bytes(units: list[_Out], original: str) -> bytes:
    from lxml import etree

    def q(name: str) -> str:
        return f"{{{XLIFF20_NS}}}{name}"

    root = etree.Element(q("xliff"), nsmap={None: XLIFF20_NS, "mda": MDA_NS})
    root.attrib.update({"version": "2.0", "srcLang": "en", "trgLang": "es"})
    filenode = etree.SubElement(root, q("file"), id="f1", original=xml_text(original))
    _mda(filenode, {"tool": "mou-text", "tool-version": __version__})
    seen: set[str] = set()
    for u in units:
        el = etree.SubElement(filenode, q("unit"), id=unique(xml_id(u.id), seen), name=u.meta["id"])
        el.set(XML_SPACE, "preserve")
        _mda(el, {k: u.meta[k] for k in META_KEYS if k in u.meta})
        if not u.segments:
            _segment(el, q, u.en if u.en is not None else "", u.es)
            continue
        for k, (en, es) in enumerate(u.segments):
            _ignorable(el, q, u.gaps[k])
            _segment(el, q, en, es, seg_id=f"s{k + 1}")
        _ignorable(el, q, u.gaps[-1])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _mda(parent: etree._Element, values: dict[str, str]) -> None:
    from lxml import etree

    group = etree.SubElement(etree.SubElement(parent, f"{{{MDA_NS}}}metadata"), f"{{{MDA_NS}}}metaGroup", category=MDA_CATEGORY)
    for key, value in values.items():
        etree.SubElement(group, f"{{{MDA_NS}}}meta", type=key).text = value


def _segment(unit: etree._Element, q: Any, en: str, es: str | None, seg_id: str | None = None) -> None:
    from lxml import etree

    seg = etree.SubElement(unit, q("segment"), **({"id": seg_id} if seg_id else {}))
    etree.SubElement(seg, q("source")).text = en
    if es is not None:
        etree.SubElement(seg, q("target")).text = es


def _ignorable(unit: etree._Element, q: Any, gap: tuple[str, str]) -> None:
    from lxml import etree

    if not gap[0] and not gap[1]:
        return
    ign = etree.SubElement(unit, q("ignorable"))
    etree.SubElement(ign, q("source")).text = gap[0]
    etree.SubElement(ign, q("target")).text = gap[1]
