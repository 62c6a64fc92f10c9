"""Findings back into the translator's own file: each finding becomes a note on its unit.

The checked file is read again (with the same safe parser) and written out unchanged except for one
note per finding on the unit it concerns, so the translator sees the findings in the CAT tool that
made the file: XLIFF 1.2 ``<note from="mou-text" priority=… annotates="target">`` after the unit's
other children, XLIFF 2.0 ``<note category="mou-text" priority=… appliesTo="target">`` in the unit's
``<notes>`` (created first in the unit, as the schema orders it), TMX ``<note>`` before the first
``<tuv>``. Notes are the one place every tool shows and every schema allows; priority follows
severity (critical 1, major 2, minor 5, info 8) so tools that sort by it put the worst first. Units
are found by the id the reader gave them (``resname``/``name`` when unique, else ``id``; ``tuid``
or ``tu.N`` in TMX), so the ids in the report and in the file agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import UnsupportedFormatError
from ._read import children, local, read_xml
from ._spec import XLIFF20_NS, unique

#: XLIFF priority (1 = highest) of each severity.
PRIORITY = {"critical": "1", "major": "2", "minor": "5", "info": "8"}
ANNOTATABLE = (".xlf", ".xliff", ".sdlxliff", ".mqxliff", ".tmx")


def _text(f: Any, lang: str) -> str:
    """A note's text: ``[major] omission: …`` with the codes in English, the labels in Spanish
    (``[mayor] omisión: …``), so a Spanish note reads in Spanish throughout."""
    from ..lang import finding_terms

    severity, kind = finding_terms(f.severity, f.kind, lang)
    return f"[{severity}] {kind}: {f.message_es if lang == 'es' else f.message}"


def _by_unit(findings: Iterable[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for f in findings:
        for uid in dict.fromkeys(x for x in (f.en_id, f.es_id) if x):
            for part in uid.split("+"):
                out.setdefault(part, []).append(f)
    return out


def annotate(source: str | Path, findings: Iterable[Any], out: str | Path, *, lang: str = "en") -> Path:
    """Write ``source`` (XLIFF 1.2/2.0 or TMX) to ``out`` with one note per finding on its unit."""
    from lxml import etree

    from .._io import atomic_write

    src = Path(source)
    if src.suffix.lower() not in ANNOTATABLE:
        raise UnsupportedFormatError(
            f"file '{src}'", "findings can only be written back into an XLIFF or TMX file",
            "use --xliff-out with an .xlf/.xliff/.sdlxliff/.mqxliff/.tmx input, or write --json/--xlsx", path=src, code="E068",
        )
    root = read_xml(src, "XLIFF" if src.suffix.lower() != ".tmx" else "TMX")
    units = _units(root)
    grouped = _by_unit(findings)
    for uid, el in units.items():
        for f in grouped.get(uid, []):
            _add_note(el, f, lang)
    data = etree.tostring(etree.ElementTree(root), xml_declaration=True, encoding="UTF-8")
    return atomic_write(out, lambda p: p.write_bytes(data))


def _units(root: Any) -> dict[str, Any]:
    """Unit elements by the id the reader gives them (see ``_xliff._pick_ids`` and ``_tmx``)."""
    name = local(root)
    raw: list[tuple[str | None, str | None, Any]] = []
    if name == "tmx":
        body = next(children(root, "body"), None)
        out: dict[str, Any] = {}
        for n, tu in enumerate(children(body, "tu") if body is not None else [], start=1):
            props = {p.get("type"): (p.text or "").strip() for p in children(tu, "prop")}
            out.setdefault(props.get("x-mou-id") or tu.get("tuid") or f"tu.{n}", tu)
        return out
    v2 = (root.get("version") or "").startswith("2.") or XLIFF20_NS in root.tag
    for el in root.iter():
        if local(el) == ("unit" if v2 else "trans-unit"):
            raw.append((el.get("name" if v2 else "resname"), el.get("id"), el))
    names = [n for n, _, _ in raw if n]
    use_names = len(names) == len(set(names))
    seen: set[str] = set()
    result = {}
    for k, (nm, xid, el) in enumerate(raw, start=1):
        uid = (nm if use_names and nm else None) or xid or nm or f"unit.{k}"
        result[unique(uid.strip() or f"unit.{k}", seen)] = el
    return result


def _add_note(el: Any, f: Any, lang: str) -> None:
    from lxml import etree

    ns = el.tag[1:].split("}")[0] if el.tag.startswith("{") else ""
    q: Mapping[str, str] = {"ns": f"{{{ns}}}" if ns else ""}
    kind = local(el)
    if kind == "tu":
        note = etree.Element("note")
        note.text = f"mou-text {_text(f, lang)}"
        first_tuv = next(children(el, "tuv"), None)
        (first_tuv.addprevious(note) if first_tuv is not None else el.append(note))
    elif kind == "unit":  # XLIFF 2.0
        notes = next(children(el, "notes"), None)
        if notes is None:
            notes = etree.Element(f"{q['ns']}notes")
            el.insert(0, notes)
        note = etree.SubElement(notes, f"{q['ns']}note", category="mou-text", priority=PRIORITY.get(f.severity, "5"), appliesTo="target")
        note.text = _text(f, lang)
    else:  # XLIFF 1.2 trans-unit: after the target and its siblings, before any extension element
        note = etree.Element(f"{q['ns']}note", {"from": "mou-text", "priority": PRIORITY.get(f.severity, "5"), "annotates": "target"})
        note.text = _text(f, lang)
        last = [c for c in el if isinstance(c.tag, str) and c.tag.startswith(q["ns"]) and local(c) in _XLIFF12_BEFORE]
        (last[-1].addnext(note) if last else el.append(note))


#: XLIFF 1.2 trans-unit children a note may follow (extension elements of other namespaces come last).
_XLIFF12_BEFORE = frozenset({"source", "seg-source", "target", "context-group", "count-group", "prop-group", "note", "alt-trans"})
