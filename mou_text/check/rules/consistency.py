"""Consistency across the units of a CAT file, as Xbench and Verifika check it.

Two checks over the whole file, both minor (either may be deliberate, but a reviewer wants to see
them): the same source text translated in different ways, and the same translation given to
different source texts. Texts are compared after folding (case, accents), collapsing spaces and
masking placeholders, so "Save" / "save" and "{0} files" / "{1} files" count as one text. The
finding points at each minority rendering (the one fewer units use) and names the majority, so the
translator fixes the odd one out; with a tie every rendering but the first is reported.

The rule runs only on units a file pairs (``ctx.options["units"]``): in an agreement two clauses
with the same text are rare and the terms rule already checks renderings across clauses.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from ...align import AlignedPair
from ...lang import fold
from .._finding import CheckContext, Finding
from .tags import mask

CHECK = "consistency"
#: Texts shorter than this (in letters) are left alone: "OK", "No" are rendered by context.
MIN_LETTERS = 2
THRESHOLDS = {"min_letters": MIN_LETTERS}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(mask(text))).split())


def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    units = ctx.options.get("units")
    if not units:
        return []
    out: list[Finding] = []
    rows = []
    for p in pairs:
        if len(p.en) != 1 or len(p.es) != 1 or p.en[0].id not in units:
            continue
        src = units[p.en[0].id].get("source", "en")
        s_node, t_node = (p.en[0], p.es[0]) if src == "en" else (p.es[0], p.en[0])
        s, t = _norm(s_node.text), _norm(t_node.text)
        if sum(map(str.isalpha, s)) < MIN_LETTERS or sum(map(str.isalpha, t)) < MIN_LETTERS:
            continue
        rows.append((p, s, t, s_node, t_node, src))
    out.extend(_spread(rows, by=1, other=2, kind="inconsistent_translation"))
    out.extend(_spread(rows, by=2, other=1, kind="inconsistent_source"))
    return out


def _spread(rows: list[tuple[Any, ...]], *, by: int, other: int, kind: str) -> list[Finding]:
    groups: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for r in rows:
        groups[r[by]].append(r)
    out = []
    for members in groups.values():
        counts = Counter(r[other] for r in members)
        if len(counts) < 2:
            continue
        majority = counts.most_common(1)[0][0]
        ref = next(r for r in members if r[other] == majority)
        for r in members:
            if r[other] == majority:
                continue
            out.append(_finding(r, ref, kind, len(members)))
    return out


def _finding(r: tuple[Any, ...], ref: tuple[Any, ...], kind: str, n: int) -> Finding:
    p, _, _, s_node, t_node, src = r
    ref_p, _, _, ref_s, ref_t = ref[:5]
    if kind == "inconsistent_translation":
        msg = f"The same source text is translated differently in {ref_p.en_id} (“{ref_t.text}”) and here (“{t_node.text}”)."
        msg_es = f"El mismo texto de origen se traduce de otra manera en {ref_p.en_id} (“{ref_t.text}”) y aquí (“{t_node.text}”)."
    else:
        msg = f"The same translation “{t_node.text}” is used for different source texts: here (“{s_node.text}”) and in {ref_p.en_id} (“{ref_s.text}”)."
        msg_es = f"La misma traducción “{t_node.text}” se usa para textos de origen distintos: aquí (“{s_node.text}”) y en {ref_p.en_id} (“{ref_s.text}”)."
    t_lang = "es" if src == "en" else "en"
    spans = {src: (s_node.start, s_node.end), t_lang: (t_node.start, t_node.end)}
    texts = {src: s_node.text, t_lang: t_node.text}
    return Finding(
        kind=kind,
        severity="minor",
        en_id=p.en_id,
        es_id=p.es_id,
        en_text=texts["en"],
        es_text=texts["es"],
        en_span=spans["en"],
        es_span=spans["es"],
        message=msg,
        message_es=msg_es,
        check=CHECK,
    )
