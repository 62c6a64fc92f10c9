"""Pairing by structural id: a faithful translation has the same tree, so the same ids.

Exact and explainable, and it needs no model. Lists numbered differently in the two versions
(``i.`` vs ``a)``) fall back to pairing by position; the embedding aligner (``_aligner``) refines
what ids cannot decide.
"""

from __future__ import annotations

from typing import Any

from ..document import Document
from ._pairs import ClausePair, ParallelDocument


def pair(en_doc: Document | Any, es_doc: Document | Any) -> ParallelDocument:
    """Pair an English and a Spanish document (Documents, paths or strings) by structural id."""
    from ..parse import parse

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
