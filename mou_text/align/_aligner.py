"""Clause alignment: which English clause(s) each Spanish clause renders, with merges, splits and moves.

Structural ids come first because they are exact and explainable: a faithful translation has the same
tree, so most clauses pair by id and no model is consulted to decide them. Ids fail in a known way,
though: one clause omitted in the middle of a list renumbers every later entry, so ``bullet.3`` then
meets what is really bullet 4. Such runs are visible as id pairs whose embedding similarity falls far
below the document's own distribution (robust z-score under ``SUSPICIOUS_Z``), or whose kinds differ;
their whole list (every clause sharing their section and area) is then re-aligned, between trusted
id anchors, by the DP of :mod:`mou_text.align._dp` (moves 1-0, 0-1, 1-1, 2-1, 1-2, as in
Gale–Church and vecalign, but scored by embeddings). Id pairs that are trusted but out of order
(labels printed in another order) stay paired and are marked ``reordered``.

Clauses the DP leaves alone on both sides get a second look. Two that are each other's best match
anywhere in the document, about as similar as a faithful pair, are one clause that moved
(``reordered=True``); two that stand at the same place and are still clearly related are one clause
whose content changed (a 1-1 pair the semantic check then judges), not an omission plus an addition.

Every clause is embedded once, lower-cased (see :func:`embed_text`); concatenations only for merge
candidates, all gaps of a document sharing one encoder call per round.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from ..document import Document, Node
from ..embed import Encoder, get_encoder
from ._dp import (
    BAND_MIN,
    KIND_GROUP,
    AlignStats,
    Solver,
    embed_text,
    encode_texts,
    log_ratio,
    make_problem,
    robust_stats,
    solve_all,
)
from ._pairs import AlignedPair, SentencePair

#: An id pair whose robust z-score of similarity is below this is re-checked by the aligner.
SUSPICIOUS_Z = -3.5
#: Leftovers standing at the same place are one changed clause if at least this similar.
NEIGHBOUR_FLOOR = 0.35
#: Moved-clause matching prefers the nearer of similar candidates: this much per clause of distance, capped.
DISTANCE_PENALTY = 0.002
DISTANCE_CAP = 0.1
#: Similarity statistics need this many id pairs; below it, the best match of each clause is used.
MIN_STATS_PAIRS = 5



# -- clause alignment -----------------------------------------------------------------------------------
def _lis(seq: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence of ``seq`` (patience sorting)."""
    import bisect

    tails: list[int] = []
    tails_pos: list[int] = []
    parent = [-1] * len(seq)
    for pos, v in enumerate(seq):
        k = bisect.bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tails_pos.append(pos)
        else:
            tails[k] = v
            tails_pos[k] = pos
        parent[pos] = tails_pos[k - 1] if k > 0 else -1
    out: set[int] = set()
    pos = tails_pos[-1] if tails_pos else -1
    while pos >= 0:
        out.add(pos)
        pos = parent[pos]
    return out


def _container(node: Node) -> tuple[Any, Any]:
    return (node.section, node.area)


def align(en_doc: Document, es_doc: Document, encoder: Encoder | str | None = None, *, band: int | None = None) -> list[AlignedPair]:
    """Align the clauses of two versions of one agreement; see the module docstring for how.

    Returns every clause of both documents exactly once, in English reading order, with clauses found
    only in Spanish placed where they stand. ``band`` fixes the initial half-width of the search band
    (default: a full search for gaps of up to 64 clauses, else a narrow band that widens locally).
    """
    pairs, _ = align_with_stats(en_doc, es_doc, encoder, band=band)
    return pairs


def align_with_stats(
    en_doc: Document, es_doc: Document, encoder: Encoder | str | None = None, *, band: int | None = None
) -> tuple[list[AlignedPair], AlignStats]:
    """:func:`align`, also returning the similarity statistics the decisions were based on."""
    enc = get_encoder(encoder)
    en_nodes, es_nodes = list(en_doc.nodes), list(es_doc.nodes)
    n, m = len(en_nodes), len(es_nodes)
    both = encode_texts(enc, [embed_text(x.text) for x in en_nodes] + [embed_text(x.text) for x in es_nodes])  # one model call
    E, S = both[:n], both[n:]
    es_pos = {x.id: j for j, x in enumerate(es_nodes)}

    # 1. structural ids
    id_pairs = [(i, es_pos[x.id]) for i, x in enumerate(en_nodes) if x.id in es_pos]
    id_sims = [float(E[i] @ S[j]) for i, j in id_pairs]
    if len(id_pairs) >= MIN_STATS_PAIRS:
        ratios = [log_ratio(len(en_nodes[i].text), len(es_nodes[j].text)) for i, j in id_pairs]
        stats = robust_stats(id_sims, ratios)
    else:
        stats = _fallback_stats(E, S, en_nodes, es_nodes)

    bad_containers: set[tuple[Any, Any]] = set()
    trusted: list[tuple[int, int, float]] = []
    for (i, j), s in zip(id_pairs, id_sims):
        a, b = en_nodes[i], es_nodes[j]
        if stats.z(s) < SUSPICIOUS_Z or s < stats.tau or KIND_GROUP.get(a.kind) != KIND_GROUP.get(b.kind):
            bad_containers.update((_container(a), _container(b)))
        else:
            trusted.append((i, j, s))
    paired_en = {i for i, _ in id_pairs}
    paired_es = {j for _, j in id_pairs}
    bad_containers.update(_container(x) for i, x in enumerate(en_nodes) if i not in paired_en)
    bad_containers.update(_container(x) for j, x in enumerate(es_nodes) if j not in paired_es)
    trusted = [
        t for t in trusted if _container(en_nodes[t[0]]) not in bad_containers and _container(es_nodes[t[1]]) not in bad_containers
    ]

    # 2. anchors (monotone) and moved id pairs (kept, flagged as reordered)
    keep = _lis([j for _, j, _ in trusted])
    anchors = [t for k, t in enumerate(trusted) if k in keep]
    moved = [t for k, t in enumerate(trusted) if k not in keep]
    fixed_en = {i for i, _, _ in trusted}
    fixed_es = {j for _, j, _ in trusted}

    # 3. DP over each gap between consecutive anchors (all gaps share each round's encode call)
    segments: list[Any] = []
    prev_i, prev_j = -1, -1
    for i_anchor, j_anchor, s in [*anchors, (n, m, None)]:
        gap_en = [i for i in range(prev_i + 1, i_anchor) if i not in fixed_en]
        gap_es = [j for j in range(prev_j + 1, j_anchor) if j not in fixed_es]
        if gap_en or gap_es:
            segments.append(_GapSolver(gap_en, gap_es, en_nodes, es_nodes, E, S, stats, band))
        if i_anchor < n:
            segments.append(((i_anchor,), (j_anchor,), s, "id"))
        prev_i, prev_j = i_anchor, j_anchor
    solve_all([g for g in segments if isinstance(g, _GapSolver)], enc)
    mono: list[tuple[tuple[int, ...], tuple[int, ...], float | None, str]] = []
    for seg in segments:
        if not isinstance(seg, _GapSolver):
            mono.append(seg)
            continue
        for en_ix, es_ix, score in seg.result():
            method = "id" if len(en_ix) == len(es_ix) == 1 and en_nodes[en_ix[0]].id == es_nodes[es_ix[0]].id else "embedding"
            mono.append((en_ix, es_ix, score, method))

    # 4. clauses left alone on both sides: a faithful clause that stands elsewhere
    extra, drop = _match_leftovers(mono, en_nodes, es_nodes, E, S, stats)

    # 5. assemble in English reading order
    keyed: list[tuple[float, int, AlignedPair]] = []
    last_en = -1.0
    for k, (en_ix, es_ix, score, method) in enumerate(mono):
        if k in drop:
            continue
        if en_ix:
            last_en = float(en_ix[0])
            key = last_en
        else:
            key = last_en + 0.5
        keyed.append((key, len(keyed), _pair(en_nodes, es_nodes, en_ix, es_ix, score, method, False)))
    for i, j, s in moved:
        keyed.append((float(i), len(keyed), _pair(en_nodes, es_nodes, (i,), (j,), s, "id", True)))
    for i, j, s, reordered in extra:
        keyed.append((float(i), len(keyed), _pair(en_nodes, es_nodes, (i,), (j,), s, "embedding", reordered)))
    keyed.sort(key=lambda t: (t[0], t[1]))
    return [t[2] for t in keyed], stats


def _fallback_stats(E: np.ndarray, S: np.ndarray, en_nodes: list[Node], es_nodes: list[Node]) -> AlignStats:
    """Without enough id pairs, each clause's best match near the diagonal stands in for its pair."""
    n, m = len(en_nodes), len(es_nodes)
    if n == 0 or m == 0:
        return robust_stats([])
    w = max(BAND_MIN, abs(n - m) + 4)
    best, ratios = [], []
    for i in range(n):
        c = int(round(i * m / n))
        a, b = max(0, c - w), min(m, c + w + 1)
        sims = S[a:b] @ E[i]
        k = int(np.argmax(sims))
        best.append(float(sims[k]))
        ratios.append(log_ratio(len(en_nodes[i].text), len(es_nodes[a + k].text)))
    return robust_stats(best, ratios)


class _GapSolver(Solver):
    """The DP over the clauses between two anchors, in document indices."""

    def __init__(
        self,
        gap_en: list[int],
        gap_es: list[int],
        en_nodes: list[Node],
        es_nodes: list[Node],
        E: np.ndarray,
        S: np.ndarray,
        stats: AlignStats,
        band: int | None,
    ) -> None:
        self.gap_en, self.gap_es = gap_en, gap_es
        en_units = [en_nodes[i] for i in gap_en]
        es_units = [es_nodes[j] for j in gap_es]
        # merges only join neighbours in the document that belong to the operative kind group
        en_adj = [
            gap_en[k + 1] == gap_en[k] + 1 and KIND_GROUP.get(en_units[k].kind) == KIND_GROUP.get(en_units[k + 1].kind) == 1
            for k in range(len(gap_en) - 1)
        ]
        es_adj = [
            gap_es[k + 1] == gap_es[k] + 1 and KIND_GROUP.get(es_units[k].kind) == KIND_GROUP.get(es_units[k + 1].kind) == 1
            for k in range(len(gap_es) - 1)
        ]
        p = make_problem(en_units, es_units, E[gap_en], S[gap_es], stats, en_adj, es_adj)
        super().__init__(
            p,
            lambda k: embed_text(en_units[k].text + " " + en_units[k + 1].text),
            lambda k: embed_text(es_units[k].text + " " + es_units[k + 1].text),
            band,
            en_join=lambda ix: embed_text(" ".join(en_units[k].text for k in ix)),
            es_join=lambda ix: embed_text(" ".join(es_units[k].text for k in ix)),
            same_id=lambda i, j: en_units[i].id == es_units[j].id,
        )

    def result(self) -> list[tuple[tuple[int, ...], tuple[int, ...], float | None]]:
        return [(tuple(self.gap_en[a] for a in en), tuple(self.gap_es[b] for b in es), s) for en, es, s in self.beads]


def _match_leftovers(
    mono: list[tuple[tuple[int, ...], tuple[int, ...], float | None, str]],
    en_nodes: list[Node],
    es_nodes: list[Node],
    E: np.ndarray,
    S: np.ndarray,
    stats: AlignStats,
) -> tuple[list[tuple[int, int, float, bool]], set[int]]:
    """Pair clauses the DP left alone on both sides.

    First across the document: two leftovers that are each other's best match and about as similar
    as a faithful pair are one clause that moved (``reordered`` unless they stand side by side).
    Then in place: leftovers standing at the same spot, of the same kind, and still clearly related
    (similarity at least ``NEIGHBOUR_FLOOR``) are one clause whose content changed, which the
    semantic check then describes better than an omission plus an addition would.
    """
    left_en = [k for k, b in enumerate(mono) if b[0] and not b[1]]
    left_es = [k for k, b in enumerate(mono) if b[1] and not b[0]]
    if not left_en or not left_es:
        return [], set()
    ie = [mono[k][0][0] for k in left_en]
    js = [mono[k][1][0] for k in left_es]
    floor = max(stats.tau, stats.median - 6 * stats.scale)
    row_best, col_best = _mutual_best(E[ie], S[js], np.asarray(left_en), np.asarray(left_es))
    extra: list[tuple[int, int, float, bool]] = []
    drop: set[int] = set()
    for a, b in enumerate(row_best):
        s = float(E[ie[a]] @ S[js[b]])
        i, j = ie[a], js[b]
        if col_best[b] != a or s < floor or KIND_GROUP.get(en_nodes[i].kind) != KIND_GROUP.get(es_nodes[j].kind):
            continue
        ka, kb = left_en[a], left_es[b]
        lo, hi = min(ka, kb), max(ka, kb)
        neighbours = all(not (mono[k][0] and mono[k][1]) for k in range(lo + 1, hi))
        extra.append((i, j, s, not neighbours))
        drop.update((ka, kb))

    # in place: runs of consecutive one-sided beads
    run: list[int] = []
    for k in range(len(mono) + 1):
        if k < len(mono) and not (mono[k][0] and mono[k][1]):
            if k not in drop:
                run.append(k)
            continue
        if run:
            for ka, kb, s in _pair_in_place(run, mono, en_nodes, es_nodes, E, S):
                extra.append((mono[ka][0][0], mono[kb][1][0], s, False))
                drop.update((ka, kb))
        run = []
    return extra, drop


def _mutual_best(A: np.ndarray, B: np.ndarray, pa: np.ndarray, pb: np.ndarray, chunk: int = 1024) -> tuple[np.ndarray, np.ndarray]:
    """Row-wise best column and column-wise best row of ``A @ B.T``, computed in row chunks.

    A small penalty for distance (``pa``, ``pb``: positions in the sequence) makes the nearer of two
    equally good candidates win, so a repeated boilerplate clause pairs with its own copy.
    """
    row_best = np.zeros(len(A), dtype=np.int64)
    col_val = np.full(len(B), -np.inf, dtype=np.float32)
    col_best = np.zeros(len(B), dtype=np.int64)
    for a in range(0, len(A), chunk):
        block = A[a : a + chunk] @ B.T
        block -= np.minimum(DISTANCE_CAP, DISTANCE_PENALTY * np.abs(pa[a : a + chunk, None] - pb[None, :])).astype(block.dtype)
        row_best[a : a + chunk] = block.argmax(axis=1)
        cb = block.argmax(axis=0)
        cv = block[cb, np.arange(len(B))]
        better = cv > col_val
        col_val[better] = cv[better]
        col_best[better] = cb[better] + a
    return row_best, col_best


def _pair_in_place(
    run: list[int],
    mono: list[tuple[tuple[int, ...], tuple[int, ...], float | None, str]],
    en_nodes: list[Node],
    es_nodes: list[Node],
    E: np.ndarray,
    S: np.ndarray,
) -> list[tuple[int, int, float]]:
    """Order-keeping pairing of the EN and ES leftovers of one run maximising total similarity."""
    ea = [k for k in run if mono[k][0]]
    sb = [k for k in run if mono[k][1]]
    if not ea or not sb or len(ea) * len(sb) > 10_000:
        return []
    M = E[[mono[k][0][0] for k in ea]] @ S[[mono[k][1][0] for k in sb]].T
    n, m = len(ea), len(sb)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            s = float(M[i - 1, j - 1])
            ok = s >= NEIGHBOUR_FLOOR and KIND_GROUP.get(en_nodes[mono[ea[i - 1]][0][0]].kind) == KIND_GROUP.get(
                es_nodes[mono[sb[j - 1]][1][0]].kind
            )
            best[i][j] = max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + s if ok else -1.0)
    out = []
    i, j = n, m
    while i > 0 and j > 0:
        s = float(M[i - 1, j - 1])
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            out.append((ea[i - 1], sb[j - 1], s))
            i, j = i - 1, j - 1
    return out[::-1]


def _pair(
    en_nodes: list[Node],
    es_nodes: list[Node],
    en_ix: tuple[int, ...],
    es_ix: tuple[int, ...],
    score: float | None,
    method: str,
    reordered: bool,
) -> AlignedPair:
    shape = f"{len(en_ix)}-{len(es_ix)}"
    return AlignedPair(
        en=tuple(en_nodes[i] for i in en_ix),
        es=tuple(es_nodes[j] for j in es_ix),
        shape=shape,
        method=method,
        score=None if score is None else round(float(score), 4),
        reordered=reordered,
    )


# -- sentence alignment inside a clause pair -----------------------------------------------------------
def align_sentences(pair: AlignedPair, encoder: Encoder | str | None = None, *, stats: AlignStats | None = None) -> list[SentencePair]:
    """Align the sentences of one clause pair with the same DP (no band: clauses are short).

    ``stats`` (the clause-level statistics from :func:`align_with_stats`) sets the pair-or-skip
    threshold; without it a prior typical of USE is used.
    """
    en = [(n.id, s) for n in pair.en for s in n.sentences]
    es = [(n.id, s) for n in pair.es for s in n.sentences]
    if not en or not es:
        return [SentencePair((s,), (), "1-0", None, (nid,)) for nid, s in en] + [
            SentencePair((), (s,), "0-1", None, (), (nid,)) for nid, s in es
        ]
    enc = get_encoder(encoder)
    both = encode_texts(enc, [embed_text(s.text) for _, s in en] + [embed_text(s.text) for _, s in es])
    E, S = both[: len(en)], both[len(en) :]
    if len(en) == 1 and len(es) == 1:
        return [SentencePair((en[0][1],), (es[0][1],), "1-1", round(float(E[0] @ S[0]), 4), (en[0][0],), (es[0][0],))]
    st = stats or robust_stats([])
    p = make_problem([s for _, s in en], [s for _, s in es], E, S, st, [True] * (len(en) - 1), [True] * (len(es) - 1))
    solver = Solver(
        p,
        lambda k: embed_text(en[k][1].text + " " + en[k + 1][1].text),
        lambda k: embed_text(es[k][1].text + " " + es[k + 1][1].text),
        band=max(len(en), len(es)),
        en_join=lambda ix: embed_text(" ".join(en[k][1].text for k in ix)),
        es_join=lambda ix: embed_text(" ".join(es[k][1].text for k in ix)),
    )
    solve_all([solver], enc)
    out = []
    for a, b, s in solver.beads:
        out.append(
            SentencePair(
                tuple(en[k][1] for k in a),
                tuple(es[k][1] for k in b),
                f"{len(a)}-{len(b)}",
                None if s is None else round(float(s), 4),
                tuple(dict.fromkeys(en[k][0] for k in a)),
                tuple(dict.fromkeys(es[k][0] for k in b)),
            )
        )
    return out
