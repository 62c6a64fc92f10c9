"""Reading a bilingual XLIFF 1.x or 2.0 file, English↔Spanish in either direction, into a ParallelDocument."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..align import ParallelDocument
from ..errors import EmptyDocumentError, UnsupportedFormatError, UnsupportedLanguageError
from ._read import (
    ReadUnit,
    child,
    children,
    descendants,
    lang_code,
    local,
    meta_from,
    most_common,
    open_xml,
    parallel,
    require_en_es,
)
from ._codes import read_segment
from ._spec import MDA_CATEGORY, PROP_PREFIX

if TYPE_CHECKING:
    from lxml import etree


def pair_from_xliff(path: str | Path, *, src: str | None = None, tgt: str | None = None) -> ParallelDocument:
    """A :class:`ParallelDocument` from a bilingual XLIFF 1.x or 2.0 file, English↔Spanish either way.

    A unit's id is its ``resname`` (1.2) or ``name`` (2.0) when those are unique in the file (they
    hold the clause id in files :func:`to_xliff` wrote), else its ``id``. Segmented units
    (``<seg-source>``/``<mrk>``, several ``<segment>``) are read whole; untranslatable units
    (``translate="no"``) are skipped; a unit without a target is kept as English (or Spanish) only.
    ``src``/``tgt`` override the languages the file declares (a file that declares none, or a
    wrong one). Each pair's ``meta`` holds what the file says about the unit (state, approval,
    notes, inline codes).
    """
    p, root = open_xml(path, "xliff")
    name = f"file '{p}'"
    version = root.get("version") or ""
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if version.startswith("2.") or namespace.endswith(":2.0"):
        units, tags = _xliff20_units(root, p, src, tgt)
        fmt_version = version or "2.0"
    elif version.startswith("1.") or not version:
        units, tags = _xliff1_units(root, p, src, tgt)
        fmt_version = version or "1.2"
    else:
        raise UnsupportedFormatError(name, f"XLIFF version {version!r} is not supported", "export the file as XLIFF 1.2 or 2.0", path=p, code="E041")
    if not units:
        raise EmptyDocumentError(name, "the XLIFF contains no translatable unit", "export the file with its translation units", path=p, code="E042")
    require_en_es(tags, p, "XLIFF")
    info = {
        "xliff_version": fmt_version,
        "en": {"declared_lang": most_common(tags.get("en"))},
        "es": {"declared_lang": most_common(tags.get("es"))},
    }
    return parallel(units, p, "xliff", info)


def _directions(src: str | None, trg: str | None, where: str, path: Path) -> tuple[str, str]:
    """Which of en/es the source and the target are; a missing target language is the other one."""
    s, t = lang_code(src), lang_code(trg)
    if t is None and s in ("en", "es"):
        t = "es" if s == "en" else "en"
    if {s, t} != {"en", "es"}:
        raise UnsupportedLanguageError(
            f"file '{path}'",
            f"{where} translates {src or '(no source language)'} into {trg or '(no target language)'}; mou-text pairs English with Spanish",
            "export an English↔Spanish XLIFF (any regional variant: en-US, es-MX…)",
            path=path, code="E043",
        )
    return s, t  # type: ignore[return-value]


def _pick_ids(candidates: list[tuple[str | None, str | None]]) -> list[str]:
    """Prefer the readable names when they are unique (ours always are), else the XML ids."""
    names = [n for n, _ in candidates if n]
    use_names = len(names) == len(set(names))
    out = []
    for k, (nm, xid) in enumerate(candidates, start=1):
        out.append((nm if use_names and nm else None) or xid or nm or f"unit.{k}")
    return out


def _xliff1_units(root: etree._Element, path: Path, src_override: str | None, tgt_override: str | None) -> tuple[list[ReadUnit], dict[str, Counter[str]]]:
    tags: dict[str, Counter[str]] = {}
    raw: list[tuple[str | None, str | None, ReadUnit]] = []
    for filenode in children(root, "file"):
        src, trg = src_override or filenode.get("source-language"), tgt_override or filenode.get("target-language")
        s, t = _directions(src, trg, f"<file original={filenode.get('original')!r}>", path)
        tags.setdefault(s, Counter())[src or s] += 1
        tags.setdefault(t, Counter())[trg or t] += 1
        for tu in descendants(filenode, "trans-unit"):
            if not _translatable(tu):
                continue
            contexts = ((c.get("context-type"), c.text) for g in children(tu, "context-group") for c in children(g, "context"))
            u = ReadUnit("", meta_from(contexts, PROP_PREFIX))
            target = child(tu, "target")
            src_text, src_codes = read_segment(child(tu, "source"))
            tgt_text, tgt_codes = read_segment(target)
            setattr(u, s, src_text)
            setattr(u, t, tgt_text)
            u.cat = _cat12(tu, target, s, {s: src_codes, t: tgt_codes})
            raw.append((tu.get("resname"), tu.get("id"), u))
    return _with_ids(raw), tags


def _xliff20_units(root: etree._Element, path: Path, src_override: str | None, tgt_override: str | None) -> tuple[list[ReadUnit], dict[str, Counter[str]]]:
    src, trg = src_override or root.get("srcLang"), tgt_override or root.get("trgLang")
    s, t = _directions(src, trg, "the <xliff> root", path)
    tags = {s: Counter({src or s: 1}), t: Counter({trg or t: 1})}
    raw: list[tuple[str | None, str | None, ReadUnit]] = []
    for unit in descendants(root, "unit"):
        if not _translatable(unit):
            continue
        meta: dict[str, str] = {}
        for metadata in children(unit, "metadata"):
            for group in children(metadata, "metaGroup"):
                if group.get("category") == MDA_CATEGORY:
                    meta.update({m.get("type"): (m.text or "").strip() for m in children(group, "meta") if m.get("type")})
        u = ReadUnit("", meta)
        source, target, codes, states = _join_segments(unit)
        setattr(u, s, source)
        setattr(u, t, target)
        u.cat = _cat20(unit, states, s, {s: codes[0], t: codes[1]})
        raw.append((unit.get("name"), unit.get("id"), u))
    return _with_ids(raw), tags


def _translatable(el: etree._Element) -> bool:
    """False when the unit or a group or file around it says ``translate="no"``."""
    node: Any = el
    while node is not None:
        if (node.get("translate") or "").lower() == "no":
            return False
        node = node.getparent()
    return True


def _join_segments(unit: etree._Element) -> tuple[str, str | None, tuple[list[dict[str, Any]], list[dict[str, Any]]], list[str]]:
    """A 2.0 unit's whole source and target, their inline codes and the segments' states: segments
    and ignorables in order; a space is put between two segments that would otherwise run together
    (a tool that wrote no ``<ignorable>``)."""
    sources: list[str] = []
    targets: list[str] = []
    codes: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
    states: list[str] = []
    has_target = False
    for part in unit:
        kind = local(part)
        if kind not in ("segment", "ignorable"):
            continue
        src, src_codes = read_segment(child(part, "source"), v2=True)
        tgt_el = child(part, "target")
        tgt, tgt_codes = read_segment(tgt_el, v2=True)
        src = src or ""
        if kind == "segment":
            states.append(part.get("state") or "initial")
            has_target = has_target or bool(tgt)
            _append_run(sources, src, codes[0], src_codes)
            _append_run(targets, tgt or "", codes[1], tgt_codes)
        else:
            _append_run(sources, src, codes[0], src_codes, space=False)
            if tgt_el is None:
                _append_run(targets, src, codes[1], src_codes, space=False)
            else:
                _append_run(targets, tgt or "", codes[1], tgt_codes, space=False)
    return "".join(sources), ("".join(targets) if has_target else None), codes, states


def _append_run(
    parts: list[str], text: str, codes: list[dict[str, Any]] | None = None, new: Sequence[dict[str, Any]] = (), *, space: bool = True
) -> None:
    """Append a segment's text (a space first when two segments would run together) and its codes,
    shifted to where the text lands."""
    prev = "".join(parts[-1:])
    if space and prev and text and not prev[-1].isspace() and not text[0].isspace():
        parts.append(" ")
    at = sum(map(len, parts))
    if codes is not None:
        codes.extend({**c, "pos": c["pos"] + at} for c in new)
    parts.append(text)


#: XLIFF 2.0 segment states, least advanced first: a unit is as far as its least advanced segment.
_STATES20 = ("initial", "translated", "reviewed", "final")


def _notes(el: etree._Element) -> list[str]:
    return [" ".join((n.text or "").split()) for n in descendants(el, "note") if (n.text or "").strip()]


def _cat12(tu: etree._Element, target: etree._Element | None, source_lang: str, codes: dict[str, Any]) -> dict[str, Any]:
    """What an XLIFF 1.2 unit says about itself: state, qualifier, approval, lock, notes, codes."""
    locked = any(
        (v or "").lower() in ("true", "yes", "locked")
        for el in tu.iter()
        for k, v in el.attrib.items()
        if k.rsplit("}", 1)[-1] == "locked"
    )
    return {
        "state": target.get("state") if target is not None else None,
        "state_qualifier": target.get("state-qualifier") if target is not None else None,
        "approved": (tu.get("approved") or "").lower() == "yes" if tu.get("approved") else None,
        "locked": locked,
        "notes": _notes(tu),
        "source": source_lang,
        "name": tu.get("resname") or tu.get("id"),
        "codes": codes,
    }


def _cat20(unit: etree._Element, states: list[str], source_lang: str, codes: dict[str, Any]) -> dict[str, Any]:
    known = [s for s in states if s in _STATES20]
    sub = [seg.get("subState") for seg in children(unit, "segment") if seg.get("subState")]
    return {
        "state": min(known, key=_STATES20.index) if known else (states[0] if states else None),
        "state_qualifier": sub[0] if sub else None,
        "approved": None,
        "locked": False,  # XLIFF 2.0 has no lock besides translate="no", whose units are skipped
        "notes": _notes(unit),
        "source": source_lang,
        "name": unit.get("name") or unit.get("id"),
        "codes": codes,
    }


def _with_ids(raw: list[tuple[str | None, str | None, ReadUnit]]) -> list[ReadUnit]:
    for uid, (_, _, u) in zip(_pick_ids([(nm, xid) for nm, xid, _ in raw]), raw, strict=True):
        u.id = uid
    return [u for _, _, u in raw]
