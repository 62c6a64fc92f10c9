"""Reading a TMX translation memory (any version, any CAT tool) into a ParallelDocument."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..align import ParallelDocument
from ..errors import CorruptFileError, EmptyDocumentError
from ._read import (
    ReadUnit,
    child,
    children,
    lang_code,
    meta_from,
    most_common,
    local,
    open_xml,
    parallel,
    require_en_es,
)
from ._codes import read_segment
from ._spec import PROP_PREFIX, XML_LANG


def pair_from_tmx(path: str | Path) -> ParallelDocument:
    """A :class:`ParallelDocument` from a TMX translation memory (any version, any CAT tool).

    Each ``<tu>`` becomes one unit whose id is its ``x-mou-id`` prop, else its ``tuid``, else
    ``tu.N`` (its position); consecutive sentence units of one clause written by :func:`to_tmx` are
    merged back into the clause. Language tags are matched on their primary subtag (``en-US``,
    ``EN``, ``es-MX`` and ``es_419`` all count); ``<tuv>`` of other languages are ignored, and a TMX
    without English or without Spanish is refused.
    """
    p, root = open_xml(path, "tmx")
    name = f"file '{p}'"
    body = child(root, "body")
    if body is None:
        raise CorruptFileError(name, "the TMX has no <body> element", "re-export the translation memory from the CAT tool", path=p, code="E038")
    header = child(root, "header")
    srclang = header.get("srclang") if header is not None else None
    tags: dict[str, Counter[str]] = {}
    units: list[ReadUnit] = []
    for n, tu in enumerate(children(body, "tu"), start=1):
        meta = meta_from(((pr.get("type"), pr.text) for pr in children(tu, "prop")), PROP_PREFIX)
        u = ReadUnit(meta.get("id") or tu.get("tuid") or f"tu.{n}", meta)
        codes: dict[str, list[dict[str, Any]]] = {"en": [], "es": []}
        for tuv in children(tu, "tuv"):
            tag = tuv.get(XML_LANG) or tuv.get("lang")  # TMX 1.1 wrote lang=
            code = lang_code(tag)
            tags.setdefault(code or "?", Counter())[tag or "?"] += 1
            if code in ("en", "es") and not getattr(u, code):  # the first non-empty variant wins
                text, codes[code] = read_segment(child(tuv, "seg"))
                setattr(u, code, text)
        props = {(pr.get("type") or "").lower().removeprefix("x-"): (pr.text or "").strip() for pr in children(tu, "prop")}
        u.cat = {
            # TMX has no standard state: tools write it as a prop (x-state, x-status, x-approved)
            "state": props.get("state") or props.get("status") or props.get("translation-state") or None,
            "state_qualifier": None,
            "approved": (props["approved"].lower() in ("yes", "true", "1")) if props.get("approved") else None,
            "locked": props.get("locked", "").lower() in ("yes", "true", "1", "locked"),
            "notes": [" ".join((x.text or "").split()) for x in tu.iter() if local(x) == "note" and (x.text or "").strip()],
            "source": lang_code(srclang) if lang_code(srclang) in ("en", "es") else "en",
            "name": tu.get("tuid"),
            "codes": codes,
        }
        prev = units[-1] if units else None
        if prev is not None and _continues(prev.meta, meta):
            shift = {lang: len(getattr(prev, lang) or "") + (1 if getattr(prev, lang) and getattr(u, lang) else 0) for lang in ("en", "es")}
            for lang in ("en", "es"):
                prev.cat["codes"][lang] += [{**c, "pos": c["pos"] + shift[lang]} for c in codes[lang]]
            prev.en = " ".join(t for t in (prev.en, u.en) if t)
            prev.es = " ".join(t for t in (prev.es, u.es) if t)
            prev.meta["sentence"] = meta["sentence"]
            continue
        units.append(u)
    if not units:
        raise EmptyDocumentError(name, "the TMX contains no translation unit (<tu>)", "export a translation memory that has entries", path=p, code="E039")
    require_en_es(tags, p, "TMX")
    info = {
        "tmx_version": root.get("version"),
        "creationtool": header.get("creationtool") if header is not None else None,
        "ignored_langs": sorted(k for k in tags if k not in ("en", "es")),
        "en": {"declared_lang": most_common(tags.get("en"))},
        "es": {"declared_lang": most_common(tags.get("es"))},
    }
    return parallel(units, p, "tmx", info)


def _continues(prev: dict[str, str], meta: dict[str, str]) -> bool:
    """Whether a ``<tu>`` is the next sentence (``x-mou-sentence`` k+1) of the clause before it."""
    if "sentence" not in meta or "sentence" not in prev or meta.get("id") != prev.get("id"):
        return False
    k, j = meta["sentence"].split("/")[0], prev["sentence"].split("/")[0]
    return k.isdigit() and j.isdigit() and int(k) == int(j) + 1
