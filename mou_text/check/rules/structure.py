"""Structural divergences: clauses or sentences omitted or added, merged or split clauses, moved
clauses, and lists whose entry counts differ.

These read the aligner's decisions (pair shapes, ``reordered``) rather than re-deciding them, so the
report and the alignment never disagree. Sentence-level omissions and additions come from the same
DP run on the sentences of each aligned clause pair; a sentence the DP leaves alone is reported only
if nothing on the other side resembles it (its best match, sentence or pair of sentences, stays
below ``tau + SENTENCE_MARGIN``): a translator who restructures sentences must not be told that
one is missing.

Severity follows what was lost: a substantive clause (recital, paragraph, item, bullet, preamble,
closing) or a sentence of one is major; a heading, title or signature block is minor; merges,
splits, moves and list counts are minor, because the words are still there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from ...align import AlignedPair, AlignStats, SentencePair, align_sentences, embed_text, encode_texts, robust_stats
from ...document import Document
from ...embed import Encoder
from ...lang import es_plural_article, kind_name, named, of_the, severity_for, upper_first
from .._finding import CheckContext, Finding

CHECK = "structure"
#: A sentence left alone is reported only if its best match on the other side is below tau + this.
SENTENCE_MARGIN = 0.15
THRESHOLDS = {"sentence_margin": SENTENCE_MARGIN}
_LANG = {"en": ("English", "inglés"), "es": ("Spanish", "español")}


def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    stats: AlignStats = ctx.align_stats or robust_stats([p.score for p in pairs if p.shape == "1-1" and p.score is not None])
    multi = [p for p in pairs if p.en and p.es and _multi_sentence(p)]
    _prefetch(multi, ctx.encoder)
    out: list[Finding] = []
    for p in pairs:
        if p.shape == "1-0":
            out.append(_one_sided(p, "en"))
        elif p.shape == "0-1":
            out.append(_one_sided(p, "es"))
        elif p.shape == "2-1":
            out.append(_merge_or_split(p, "merge"))
        elif p.shape == "1-2":
            out.append(_merge_or_split(p, "split"))
        if p.reordered:
            out.append(_reorder(p))
        if p.en and p.es and _multi_sentence(p) and not (ctx.options.get("unit_mode") and _short_and_faithful(p, stats)):
            found = _sentences(p, ctx.encoder, stats)
            out.extend(_reworded(found) if ctx.options.get("unit_mode") else found)
        if len(p.en) == len(p.es) == 1 and p.en[0].kind == p.es[0].kind == "heading":
            out.extend(_heading_title(p))
    out.extend(list_counts(ctx.en_doc, ctx.es_doc, pairs))
    return out


def _one_sided(p: AlignedPair, side: str) -> Finding:
    node = (p.en or p.es)[0]
    here, there = ("en", "es") if side == "en" else ("es", "en")
    kind = "omission" if side == "en" else "addition"
    msg = f"{upper_first(named(node.kind, node.id))} of the {_LANG[here][0]} version has no counterpart in the {_LANG[there][0]} version."
    msg_es = (
        f"{upper_first(named(node.kind, node.id, 'es', article=True))} de la versión en {_LANG[here][1]} "
        f"no tiene equivalente en la versión en {_LANG[there][1]}."
    )
    span = (node.start, node.end)
    return Finding(
        kind=kind,
        severity=severity_for(node.kind),
        en_id=node.id if side == "en" else None,
        es_id=node.id if side == "es" else None,
        en_text=node.text if side == "en" else None,
        es_text=node.text if side == "es" else None,
        en_span=span if side == "en" else None,
        es_span=span if side == "es" else None,
        message=msg,
        message_es=msg_es,
        check=CHECK,
    )


def _merge_or_split(p: AlignedPair, kind: str) -> Finding:
    many, one = (p.en, p.es) if kind == "merge" else (p.es, p.en)
    k = one[0].kind
    ids = " and ".join(n.id for n in many)
    ids_es = " y ".join(n.id for n in many)
    if kind == "merge":
        msg = f"English {kind_name(many[0].kind, plural=True)} {ids} are merged into one Spanish {kind_name(k)} ({one[0].id})."
        msg_es = (
            f"{upper_first(es_plural_article(many[0].kind))} {kind_name(many[0].kind, 'es', plural=True)} {ids_es} del texto inglés se fusionan en "
            f"{'una sola' if k == 'bullet' else 'un solo'} {kind_name(k, 'es')} en español ({one[0].id})."
        )
    else:
        msg = f"English {kind_name(k)} {one[0].id} is split into two Spanish {kind_name(many[0].kind, plural=True)} ({ids})."
        msg_es = (
            f"{upper_first(kind_name(k, 'es', article=True))} {one[0].id} del texto inglés se divide en dos "
            f"{kind_name(many[0].kind, 'es', plural=True)} en español ({ids_es})."
        )
    return Finding(
        kind=kind,
        severity="minor",
        en_id=p.en_id,
        es_id=p.es_id,
        en_text=p.en_text,
        es_text=p.es_text,
        en_span=(p.en[0].start, p.en[-1].end),
        es_span=(p.es[0].start, p.es[-1].end),
        message=msg,
        message_es=msg_es,
        check=CHECK,
    )


def _reorder(p: AlignedPair) -> Finding:
    a, b = p.en[0], p.es[0]
    return Finding(
        kind="reorder",
        severity="minor",
        en_id=p.en_id,
        es_id=p.es_id,
        en_text=p.en_text,
        es_text=p.es_text,
        en_span=(a.start, p.en[-1].end),
        es_span=(b.start, p.es[-1].end),
        message=f"{upper_first(named(a.kind, a.id))} stands at a different place in the Spanish version (as {b.id}).",
        message_es=f"{upper_first(named(a.kind, a.id, 'es', article=True))} ocupa otra posición en la versión en español (como {b.id}).",
        check=CHECK,
    )


def _heading_title(p: AlignedPair) -> list[Finding]:
    """A section heading whose title line is printed on one side only (``SECTION 4 / General Provisions``)."""
    a, b = p.en[0], p.es[0]
    if bool(a.title) == bool(b.title):
        return []
    side, node = ("en", a) if a.title else ("es", b)
    title = node.title or ""
    at = node.text.rfind(title)
    span = (node.start + at, node.start + at + len(title)) if at >= 0 else (node.start, node.end)
    here, there = _LANG[side], _LANG["es" if side == "en" else "en"]
    return [
        Finding(
            kind="omission" if side == "en" else "addition",
            severity="minor",
            en_id=a.id,
            es_id=b.id,
            en_text=title if side == "en" else None,
            es_text=title if side == "es" else None,
            en_span=span if side == "en" else None,
            es_span=span if side == "es" else None,
            message=f"The {here[0]} heading {node.id} has a title (“{title}”) that the {there[0]} heading lacks.",
            message_es=f"El encabezado {node.id} en {here[1]} tiene un título (“{title}”) que falta en el encabezado en {there[1]}.",
            check=CHECK,
        )
    ]


#: Units of a CAT file with at most this many sentences a side are short segments (UI strings, one
#: or two sentences), where USE cannot tell a reworded two-word sentence ("Log in" / "Inicia sesión")
#: from an unrelated one; a lone sentence there is reported only if the whole unit reads unlike its
#: counterpart (robust z of the unit's similarity at or below SHORT_UNIT_Z).
SHORT_UNIT_SENTENCES = 3
SHORT_UNIT_Z = -2.0


def _short_and_faithful(p: AlignedPair, stats: AlignStats) -> bool:
    """A short CAT unit that, as a whole, is as similar to its counterpart as the file's units are."""
    short = max(sum(len(n.sentences) for n in p.en), sum(len(n.sentences) for n in p.es)) <= SHORT_UNIT_SENTENCES
    return short and p.score is not None and stats.z(p.score) > SHORT_UNIT_Z


def _reworded(found: list[Finding]) -> list[Finding]:
    """In a CAT unit, a sentence omitted and one added are one sentence reworded: the file pairs
    the unit, so its two sides say the same thing in other words ("No session." / "No tienes
    sesión."). Only what is left unmatched on one side is reported."""
    om = [f for f in found if f.kind == "omission"]
    ad = [f for f in found if f.kind == "addition"]
    k = min(len(om), len(ad))
    return om[k:] + ad[k:] + [f for f in found if f.kind not in ("omission", "addition")]


def _multi_sentence(p: AlignedPair) -> bool:
    return sum(len(n.sentences) for n in p.en) > 1 or sum(len(n.sentences) for n in p.es) > 1


def _prefetch(pairs: list[AlignedPair], encoder: Encoder) -> None:
    """Embed every sentence, and every pair of adjacent sentences, of these clause pairs in one call.

    Sentence alignment then finds them all in the encoder's cache: one model call instead of one per
    clause, which is most of the cost of a cold run (each USE call has a fixed overhead).
    """
    from ...embed import CachedEncoder, get_encoder

    enc = get_encoder(encoder)
    if not pairs or not isinstance(enc, CachedEncoder):
        return
    texts: set[str] = set()
    for p in pairs:
        for side in (p.en, p.es):
            sents = [x.text for n in side for x in n.sentences]
            texts.update(embed_text(t) for t in sents)
            texts.update(embed_text(a + " " + b) for a, b in zip(sents, sents[1:]))
    encode_texts(enc, sorted(texts))


def _sentences(p: AlignedPair, encoder: Encoder, stats: AlignStats) -> list[Finding]:
    sps = align_sentences(p, encoder, stats=stats)
    alone = [sp for sp in sps if sp.shape in ("1-0", "0-1")]
    if not alone:
        return []
    # an English and a Spanish sentence left alone side by side hold the same place: a rendering the
    # embeddings could not pair ('No endorsement.' / 'Sin endoso.', a two-word run-in title), not a
    # sentence dropped and another added, so at most minor
    same_place = set()
    for i, sp in enumerate(sps):
        for j in (i - 1, i + 1):
            if 0 <= j < len(sps) and {sp.shape, sps[j].shape} == {"1-0", "0-1"}:
                same_place.add(i)
    out = []
    for i, sp in enumerate(sps):
        if sp.shape not in ("1-0", "0-1"):
            continue
        side = "en" if sp.en else "es"
        others = [s.text for q in sps for s in (q.es if side == "en" else q.en)]
        text = (sp.en or sp.es)[0].text
        if _best_match(encoder, text, others) >= stats.tau + SENTENCE_MARGIN or _split_off(encoder, text, sps, i, side, stats):
            continue
        f = _sentence_finding(p, sp, side)
        out.append(replace(f, severity="minor") if i in same_place else f)
    return out


def _best_match(encoder: Encoder, text: str, others: list[str]) -> float:
    """Highest similarity of ``text`` to any sentence, or pair of adjacent sentences, of ``others``."""
    if not others:
        return -1.0
    from ...embed import get_encoder

    cands = others + [f"{a} {b}" for a, b in zip(others, others[1:])]
    enc = get_encoder(encoder)
    vecs = encode_texts(enc, [embed_text(t) for t in [text, *cands]])
    return float(np.max(vecs[1:] @ vecs[0]))


#: Where a sentence may be cut in two: after a comma, semicolon, colon or dash and its space.
_CUT = re.compile(r"[,;:\u2013\u2014]\s+")


def _split_off(encoder: Encoder, text: str, sps: list[SentencePair], i: int, side: str, stats: AlignStats) -> bool:
    """Whether the lone sentence ``sps[i]`` is the tail (or head) of its neighbour's counterpart, split off.

    Translators often cut one long sentence in two ("…, which were: the Charter (1948); …" → "… . Los
    instrumentos … eran: la Carta (1948); …"). The DP cannot see it: the embedding of a long sentence
    hardly moves when a short one is joined to it (measured +0.004, under ``MERGE_GAIN``), and the short
    one alone resembles the whole sentence little (0.32). Its words are still there: the lone sentence
    matches the previous sentence's tail on the other side (0.83), or the next one's head, and matches it
    better than that sentence's own counterpart does. Tails and heads are cut at commas, semicolons,
    colons and dashes, where sentences are split.
    """
    parts: list[str] = []  # tails or heads of the neighbours' sentences on the other side
    counterparts: list[str] = []  # each neighbour's own rendering on this side
    owner: list[int] = []  # which counterpart each part belongs to
    for j, head in ((i - 1, False), (i + 1, True)):
        if not 0 <= j < len(sps):
            continue
        there, here = (sps[j].es, sps[j].en) if side == "en" else (sps[j].en, sps[j].es)
        if not there or not here:
            continue
        sentence = (there[0] if head else there[-1]).text
        cuts = [m.end() for m in _CUT.finditer(sentence)]
        parts += [sentence[:c].rstrip() if head else sentence[c:] for c in cuts]
        owner += [len(counterparts)] * len(cuts)
        counterparts.append(" ".join(x.text for x in here))
    if not parts:
        return False
    from ...embed import get_encoder

    vecs = encode_texts(get_encoder(encoder), [embed_text(t) for t in [text, *parts, *counterparts]])
    mine, cut, theirs = vecs[0], vecs[1:1 + len(parts)], vecs[1 + len(parts):]
    return any(float(v @ mine) >= stats.tau + SENTENCE_MARGIN and float(v @ mine) > float(v @ theirs[o]) for v, o in zip(cut, owner))


def _sentence_finding(p: AlignedPair, sp: SentencePair, side: str) -> Finding:
    node_id = (sp.en_ids or sp.es_ids)[0]
    nodes = p.en if side == "en" else p.es
    node = next(n for n in nodes if n.id == node_id)
    other_id = p.es_id if side == "en" else p.en_id
    sentence = (sp.en or sp.es)[0]
    quote = sentence.text if len(sentence.text) <= 90 else sentence.text[:87] + "…"
    if side == "en":
        kind = "omission"
        msg = f"A sentence of English {named(node.kind, node.id)} has no counterpart in Spanish {other_id}: “{quote}”"
        msg_es = f"Una oración {of_the(node.kind)} {node.id} del texto inglés no tiene equivalente en {other_id} en español: “{quote}”"
    else:
        kind = "addition"
        msg = f"A sentence of Spanish {named(node.kind, node.id)} has no counterpart in English {other_id}: “{quote}”"
        msg_es = f"Una oración {of_the(node.kind)} {node.id} en español no tiene equivalente en {other_id} del texto inglés: “{quote}”"
    return Finding(
        kind=kind,
        severity=severity_for(node.kind),
        en_id=p.en_id,
        es_id=p.es_id,
        en_text=sentence.text if side == "en" else None,
        es_text=sentence.text if side == "es" else None,
        en_span=(sentence.start, sentence.end) if side == "en" else None,
        es_span=(sentence.start, sentence.end) if side == "es" else None,
        message=msg,
        message_es=msg_es,
        check=CHECK,
    )


def _list_key(node_id: str) -> str:
    """``s3.i.bullet.2`` → ``s3.i``; ``s2.p1.item.b`` → ``s2.p1``; ``s2.item.iv`` → ``s2``."""
    parent = node_id.rsplit(".", 1)[0]
    for suffix in (".bullet", ".item"):
        if parent.endswith(suffix):
            return parent[: -len(suffix)]
    return parent


def list_counts(en: Document, es: Document, pairs: Sequence[AlignedPair] = ()) -> list[Finding]:
    """One finding per list (entries under one parent) whose entry count differs between versions.

    The finding points at the entry that explains the difference (an omitted, added, merged or split
    one, as aligned) when there is one, so a click lands where the lists part ways.
    """
    lists: dict[str, dict[str, list[Any]]] = {}
    for lang, doc in (("en", en), ("es", es)):
        for n in doc.nodes:
            if n.kind in ("item", "bullet"):
                lists.setdefault(_list_key(n.id), {"en": [], "es": []})[lang].append(n)
    cause: dict[str, AlignedPair] = {}
    for p in pairs:
        if p.shape != "1-1":
            for n in (*p.en, *p.es):
                if n.kind in ("item", "bullet"):
                    cause.setdefault(_list_key(n.id), p)
    out = []
    for key, sides in lists.items():
        a, b = sides["en"], sides["es"]
        if len(a) == len(b):
            continue
        kinds = Counter(n.kind for n in a + b).most_common(1)[0][0]
        p = cause.get(key)
        en_id = p.en_id if p else (a[0].id if a else None)
        es_id = p.es_id if p else (b[0].id if b else None)
        out.append(
            Finding(
                kind="list_count",
                severity="minor",
                en_id=en_id,
                es_id=es_id,
                en_text=None,
                es_text=None,
                en_span=None,
                es_span=None,
                message=f"The list under {key} has {len(a)} {kind_name(kinds, plural=True)} in English and {len(b)} in Spanish.",
                message_es=f"La lista de {key} tiene {len(a)} {kind_name(kinds, 'es', plural=True)} en inglés y {len(b)} en español.",
                check=CHECK,
            )
        )
    return out
