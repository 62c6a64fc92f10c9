"""Pairing the two language versions of one agreement, clause by clause.

Structural ids come first: a faithful translation has the same tree, so the same ids, and the pair
is exact and explainable. A clause present on one side only is kept with the other side empty,
never dropped, because an omitted clause is exactly what a translator needs to see. The
embedding-based aligner (``align.py``) refines these pairs for merged, split and reordered clauses;
each pair records which ``method`` produced it.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .document import Document, Node

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class ClausePair:
    """One row of a parallel document. ``en`` or ``es`` is None when that side has no such clause."""

    id: str
    kind: str
    section: int | None
    area: str | None
    en: Node | None
    es: Node | None
    method: str = "id"  # 'id' (same structural id), or what an aligner used
    score: float | None = None

    @property
    def status(self) -> str:
        if self.en is not None and self.es is not None:
            return "paired"
        return "en_only" if self.en is not None else "es_only"


@dataclass(frozen=True, eq=False)
class ParallelDocument:
    """Two versions of one agreement and their clause pairs, in reading order."""

    en: Document
    es: Document
    pairs: tuple[ClausePair, ...]

    def __len__(self) -> int:
        return len(self.pairs)

    def __iter__(self) -> Iterator[ClausePair]:
        return iter(self.pairs)

    def __getitem__(self, clause_id: str) -> ClausePair:
        for p in self.pairs:
            if p.id == clause_id:
                return p
        raise KeyError(f"no clause pair with id {clause_id!r}")

    @property
    def unpaired(self) -> list[ClausePair]:
        return [p for p in self.pairs if p.status != "paired"]

    @property
    def signature(self) -> dict[str, Any]:
        sig = dict(self.en.metadata.get("signature", {}))
        sig.pop("lang", None)
        sig["pairing"] = "structural-id"
        return sig

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        rows = []
        for p in self.pairs:
            rows.append(
                {
                    "id": p.id,
                    "kind": p.kind,
                    "section": p.section,
                    "area": p.area,
                    "en_text": p.en.text if p.en else None,
                    "es_text": p.es.text if p.es else None,
                    "en_start": p.en.start if p.en else None,
                    "en_end": p.en.end if p.en else None,
                    "es_start": p.es.start if p.es else None,
                    "es_end": p.es.end if p.es else None,
                    "status": p.status,
                    "method": p.method,
                }
            )
        df = pd.DataFrame(rows)
        for col in ("section", "en_start", "en_end", "es_start", "es_end"):
            df[col] = df[col].astype("Int64")
        df.attrs["signature"] = self.signature
        return df

    def to_tmx(self, path: str | os.PathLike[str], *, unit: str = "clause") -> Path:
        """Write this pair as a TMX 1.4b translation memory (see ``mou_text.interchange.to_tmx``)."""
        from .interchange import to_tmx

        return to_tmx(self, path, unit=unit)

    def to_xliff(self, path: str | os.PathLike[str], *, version: str = "1.2", unit: str = "clause") -> Path:
        """Write this pair as bilingual XLIFF 1.2 or 2.0 (see ``mou_text.interchange.to_xliff``)."""
        from .interchange import to_xliff

        return to_xliff(self, path, version=version, unit=unit)

    def __repr__(self) -> str:
        return f"<ParallelDocument pairs={len(self.pairs)} unpaired={len(self.unpaired)}>"

    def _repr_html_(self) -> str:
        rows = []
        for p in self.pairs:
            colour = "" if p.status == "paired" else " style='background:#fde2e2'"
            en = html.escape(p.en.text) if p.en else "<i>(missing)</i>"
            es = html.escape(p.es.text) if p.es else "<i>(missing)</i>"
            rows.append(f"<tr{colour}><td><code>{html.escape(p.id)}</code></td><td>{en}</td><td>{es}</td></tr>")
        return (
            f"<div><p><b>ParallelDocument</b>: {len(self.pairs)} clause pairs, {len(self.unpaired)} unpaired</p>"
            "<table><thead><tr><th>id</th><th>English</th><th>Español</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table></div>"
        )


def pair(en_doc: Document | Any, es_doc: Document | Any) -> ParallelDocument:
    """Pair an English and a Spanish document (Documents, paths or strings) by structural id."""
    from .parse import parse

    en = en_doc if isinstance(en_doc, Document) else parse(en_doc, lang="en")
    es = es_doc if isinstance(es_doc, Document) else parse(es_doc, lang="es")
    return ParallelDocument(en, es, tuple(pair_by_id(en, es)))


def pair_by_id(en: Document, es: Document) -> list[ClausePair]:
    """Merge the two id sequences, keeping each side's order; one-sided ids go where they stand.

    Ids that differ only because the two versions number a list differently (``i.`` in English,
    ``a)`` in Spanish: ``s2.item.i`` vs ``s2.item.a``) are paired by position as a fallback: same
    section, same area by position, same kind, same ordinal. Such pairs take the English id and
    record ``method='position'``.
    """
    renamed = _positional_matches(en, es)
    es_ids = [renamed.get(i, i) for i in es.ids]
    es_by_id = {renamed.get(n.id, n.id): n for n in es.nodes}
    order = merge_order(en.ids, es_ids)
    out = []
    for node_id in order:
        a, b = en.get(node_id), es_by_id.get(node_id)
        ref = a or b
        assert ref is not None
        method = "position" if b is not None and b.id != node_id else "id"
        out.append(ClausePair(node_id, ref.kind, ref.section, ref.area, a, b, method))
    return out


def _positional_key(doc: Document) -> dict[str, tuple]:
    """(section, area ordinal, kind, ordinal of that kind within the section and area) per node id."""
    areas: dict[tuple, int] = {}
    counts: dict[tuple, int] = {}
    keys = {}
    for n in doc.nodes:
        area_key = (n.section, n.area)
        if n.area is not None and area_key not in areas:
            areas[area_key] = sum(1 for k in areas if k[0] == n.section) + 1
        group = (n.section, areas.get(area_key, 0), n.kind)
        counts[group] = counts.get(group, 0) + 1
        keys[n.id] = (*group, counts[group])
    return keys


def _positional_matches(en: Document, es: Document) -> dict[str, str]:
    """Spanish id -> English id for clauses whose ids differ but whose positions agree."""
    en_only = [i for i in en.ids if i not in es]
    es_only = [i for i in es.ids if i not in en]
    if not en_only or not es_only:
        return {}
    en_keys, es_keys = _positional_key(en), _positional_key(es)
    by_key = {en_keys[i]: i for i in en_only}
    out = {}
    for i in es_only:
        match = by_key.get(es_keys[i])
        if match is not None:
            out[i] = match
    return out


def merge_order(left: list[str], right: list[str]) -> list[str]:
    """``left`` in order, with ids found only in ``right`` inserted after their nearest shared predecessor."""
    in_left = set(left)
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for node_id in right:
        if node_id in in_left:
            anchor = node_id
        else:
            after.setdefault(anchor, []).append(node_id)
    merged = list(after.get(None, []))
    for node_id in left:
        merged.append(node_id)
        merged.extend(after.get(node_id, []))
    return merged
