"""The monotone alignment DP shared by clause and sentence alignment.

Two sequences of units (clauses or sentences) with embeddings; moves 1-0, 0-1, 1-1, 2-1 and 1-2;
cost ``1 - cosine`` plus penalties for an implausible length ratio and for pairing different kinds
of node. The search runs in a band around the diagonal that widens locally where the best path
presses against its edge, so time grows near-linearly. Solvers are resumable so that every problem
of a document (each gap between id anchors) shares one encoder call per round: with USE a call has
a fixed cost, and one call instead of one per gap is most of the difference on a cold run.

Why this module is long: the cost model, the band that widens where the path touches its edge, the
merge pre-filter and the DP itself are one algorithm whose parts share the problem's arrays; split
apart, each piece would need the others' private state.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from ..document import Node, Sentence
    from ..embed import Encoder

#: Floor of the robust scale (1.4826 × MAD): a very uniform document must not make noise look extreme.
MIN_SCALE = 0.04
#: ``tau`` (pair-or-skip threshold) is the document's median similarity minus this, clipped.
TAU_MARGIN = 0.35
TAU_RANGE = (0.15, 0.55)
#: Weight and cap of the length-ratio penalty; short texts are smoothed by adding this many chars.
LENGTH_WEIGHT = 0.25
LENGTH_CAP = 1.0
LENGTH_SMOOTH = 20
#: A merge or split must beat the 1-1 reading by a little to be chosen.
MERGE_PENALTY = 0.05
#: Both parts of a candidate merge must resemble the merged side at least this much.
MERGE_FLOOR = 0.25
#: A merge's concatenation must beat the better of its parts by this much.
MERGE_GAIN = 0.02
#: A run grown beyond two units must gain this much (a whole paragraph added to a long merge moves its
#: embedding little, so the bar is below MERGE_GAIN; an omitted paragraph dilutes the match instead)...
GROW_GAIN = 0.005
#: ...or, for a fragment that cannot stand alone ('Now, therefore,', 'The General Assembly,'), lose at most this.
GROW_FRAGMENT_LOSS = 0.03
#: A fragment: at most this many words, not ending a sentence.
FRAGMENT_WORDS = 5
#: Kind penalties: same group (e.g. item vs bullet) vs different group (heading vs bullet).
KIND_PENALTY_NEAR = 0.08
KIND_PENALTY_FAR = 0.4
#: Initial half-width of the search band (clauses); doubled locally where the best path touches its edge.
BAND_MIN = 8
#: Problems up to this many units per side are searched in full (no band).
FULL_DP_MAX = 64

#: Kinds that may pair at a small penalty (same group) or a large one (different groups).
KIND_GROUP = {
    "title": 0,
    "heading": 0,
    "preamble": 1,
    "recital": 1,
    "paragraph": 1,
    "item": 1,
    "bullet": 1,
    "closing": 1,
    "signature": 2,
}


def embed_text(text: str) -> str:
    """The form of a text that is embedded: whitespace collapsed and lower-cased.

    USE is case-sensitive and embeds Title Case and ALL-CAPS headings poorly across languages
    ("Promoting Increased Access to Justice:" vs its Spanish: 0.65 as printed, 0.85 lower-cased);
    lower-casing everything raised the faithful minimum on the five bundled bilingual pairs from 0.56
    to 0.65 and narrowed their spread.
    """
    return " ".join(text.split()).lower()


def encode_texts(encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
    """Encode in length order (batches of similar length pad less: ~4× faster with USE), return in input order."""
    if not texts:
        return np.zeros((0, int(getattr(encoder, "dim", 0) or 0)), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda k: len(texts[k]))
    vecs = np.asarray(encoder.encode([texts[k] for k in order]), dtype=np.float32)
    out = np.empty_like(vecs)
    out[order] = vecs
    return out


@dataclass(frozen=True, slots=True)
class AlignStats:
    """The document's own similarity distribution, against which every pair is judged."""

    median: float
    scale: float
    tau: float
    log_ratio: float
    n: int

    @property
    def skip(self) -> float:
        return (1.0 - self.tau) / 2.0

    def z(self, sim: float) -> float:
        return (sim - self.median) / self.scale


def robust_stats(sims: Sequence[float], log_ratios: Sequence[float] = ()) -> AlignStats:
    """Median and MAD-based scale of similarities (and median log length ratio) with sane floors."""
    arr = np.asarray(list(sims), dtype=np.float64)
    if arr.size == 0:
        med, scale = 0.85, 0.06
    else:
        med = float(np.median(arr))
        scale = max(float(1.4826 * np.median(np.abs(arr - med))), MIN_SCALE)
    tau = min(max(med - TAU_MARGIN, TAU_RANGE[0]), TAU_RANGE[1])
    lr = float(np.median(np.asarray(list(log_ratios), dtype=np.float64))) if len(log_ratios) else 0.1
    return AlignStats(med, scale, tau, lr, int(arr.size))


def log_ratio(len_en: int, len_es: int) -> float:
    return math.log((len_es + LENGTH_SMOOTH) / (len_en + LENGTH_SMOOTH))


# -- the dynamic programme ------------------------------------------------------------------------------
@dataclass
class _Problem:
    """One DP over two sequences of units (clauses or sentences), indexed 0..n-1 and 0..m-1."""

    E: np.ndarray  # n × d
    S: np.ndarray  # m × d
    en_len: list[int]
    es_len: list[int]
    en_group: list[int]
    es_group: list[int]
    en_kind: list[str]
    es_kind: list[str]
    stats: AlignStats
    en_adjacent: list[bool]  # en_adjacent[k]: unit k and k+1 may merge
    es_adjacent: list[bool]

    @property
    def n(self) -> int:
        return len(self.en_len)

    @property
    def m(self) -> int:
        return len(self.es_len)

    def kind_penalty(self, i: int, j: int) -> float:
        if self.en_kind[i] == self.es_kind[j]:
            return 0.0
        return KIND_PENALTY_NEAR if self.en_group[i] == self.es_group[j] else KIND_PENALTY_FAR

    def length_penalty(self, len_en: int, len_es: int) -> float:
        return LENGTH_WEIGHT * min(abs(log_ratio(len_en, len_es) - self.stats.log_ratio), LENGTH_CAP)

    def merge_cost(self, base: float, sim: float, en: tuple[int, ...], es: tuple[int, ...]) -> float:
        """Path cost through a 2-1 or 1-2 bead: ``base`` (the path before it) + 1 − ``sim`` (the
        concatenation's similarity) + the merge, worse kind and joined-length penalties."""
        kind = max(self.kind_penalty(i, j) for i in en for j in es)
        length = self.length_penalty(sum(self.en_len[i] for i in en), sum(self.es_len[j] for j in es))
        return base + 1.0 - sim + MERGE_PENALTY + kind + length


class _Band:
    """Per-row bounds ``lo[i]..hi[i]`` (columns of the DP) around the straight diagonal.

    Each row has its own half-width so the band can be widened locally, where the best path pressed
    against its edge, instead of everywhere.
    """

    def __init__(self, n: int, m: int, w: int) -> None:
        self.n, self.m = n, m
        self.w = [float(w)] * (n + 1)
        self.full = w >= max(n, m)
        self._bounds()

    def _bounds(self) -> None:
        n, m = self.n, self.m
        if self.full:
            self.lo, self.hi = [0] * (n + 1), [m] * (n + 1)
            return
        self.lo, self.hi = [], []
        for i in range(n + 1):
            c = i * m / n if n else 0.0
            self.lo.append(max(0, math.floor(c - self.w[i])))
            self.hi.append(min(m, math.ceil(c + self.w[i])))
        # rows must overlap so every path can continue (the band is never cut in two)
        for i in range(1, n + 1):
            self.lo[i] = min(self.lo[i], self.hi[i - 1])
            self.hi[i - 1] = max(self.hi[i - 1], self.lo[i])

    def widen(self, rows: set[int]) -> None:
        if self.full:
            return
        n = self.n
        for i in sorted(rows):
            reach = int(4 * self.w[i]) + 2
            for k in range(max(0, i - reach), min(n, i + reach) + 1):
                self.w[k] = max(self.w[k], 2 * self.w[i])
        if min(self.w) >= max(self.n, self.m):
            self.full = True
        self._bounds()


def _sim_rows(p: _Problem, band: _Band) -> list[tuple[int, list[float]]]:
    """``rows[k] = (start, sims)``: similarities of EN unit k with ES units start.. inside the band."""
    rows = []
    lo, hi = band.lo, band.hi
    for k in range(p.n):
        a = max(0, min(lo[k], lo[k + 1]) - 2)
        b = min(p.m, max(hi[k], hi[k + 1]) + 1)
        rows.append((a, (p.S[a:b] @ p.E[k]).tolist() if b > a else []))
    return rows


def _sim(rows: list[tuple[int, list[float]]], p: _Problem, i: int, j: int) -> float:
    start, vals = rows[i]
    k = j - start
    if 0 <= k < len(vals):
        return vals[k]
    return float(p.E[i] @ p.S[j])


def _merge_candidates(
    p: _Problem, rows: list[tuple[int, list[float]]], band: _Band
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Cells where a 2-1 (EN k,k+1 → ES j) or 1-2 (EN i → ES k,k+1) reading is plausible.

    The normalised sum of the two parts' vectors stands in for the concatenation's embedding in this
    pre-filter: it must beat both parts alone and sit half-way between ``tau`` and the document's
    median, the better part must reach ``tau`` and the other resemble the other side a little. The
    filter may be strict because it is not the only source: a merge it misses leaves a clause alone
    next to its partner, and the neighbours of every such clause are tried after the first pass.
    Only the candidates' concatenations are embedded.
    """
    lo, hi = band.lo, band.hi
    tau = p.stats.tau
    bar = (p.stats.tau + p.stats.median) / 2
    m21, m12 = [], []
    for k in range(p.n - 1):
        if not p.en_adjacent[k]:
            continue
        norm = math.sqrt(max(2.0 + 2.0 * float(p.E[k] @ p.E[k + 1]), 1e-9))
        for j in range(max(0, lo[k + 2] - 1), min(p.m, hi[k + 2])):
            sa, sb = _sim(rows, p, k, j), _sim(rows, p, k + 1, j)
            approx = (sa + sb) / norm
            if min(sa, sb) >= MERGE_FLOOR and max(sa, sb) >= tau and approx > max(sa, sb) and approx >= bar:
                m21.append((k, j))
    es_norm = [math.sqrt(max(2.0 + 2.0 * float(p.S[k] @ p.S[k + 1]), 1e-9)) if p.es_adjacent[k] else 0.0 for k in range(p.m - 1)]
    for i in range(p.n):
        for k in range(max(0, lo[i + 1] - 2), min(p.m - 1, hi[i + 1] - 1)):
            if not p.es_adjacent[k]:
                continue
            sa, sb = _sim(rows, p, i, k), _sim(rows, p, i, k + 1)
            approx = (sa + sb) / es_norm[k]
            if min(sa, sb) >= MERGE_FLOOR and max(sa, sb) >= tau and approx > max(sa, sb) and approx >= bar:
                m12.append((i, k))
    return m21, m12


_MOVES = {1: (1, 1), 2: (1, 0), 3: (0, 1), 4: (2, 1), 5: (1, 2)}


def _run_dp(
    p: _Problem,
    rows: list[tuple[int, list[float]]],
    band: _Band,
    merges21: dict[tuple[int, int], float],
    merges12: dict[tuple[int, int], float],
) -> tuple[list[tuple[tuple[int, ...], tuple[int, ...], float | None]], set[int]]:
    """Least-cost monotone path; returns beads and the rows where the path touched the band's edge."""
    n, m = p.n, p.m
    lo, hi = band.lo, band.hi
    inf = math.inf
    skip = p.stats.skip
    mu = p.stats.log_ratio
    # length penalty = LENGTH_WEIGHT * min(|log(es + c) - log(en + c) - mu|, cap), on precomputed logs
    le = [math.log(x + LENGTH_SMOOTH) for x in p.en_len]
    ls = [math.log(x + LENGTH_SMOOTH) for x in p.es_len]
    en_kind, es_kind, en_group, es_group = p.en_kind, p.es_kind, p.en_group, p.es_group
    near, far, lw, cap = KIND_PENALTY_NEAR, KIND_PENALTY_FAR, LENGTH_WEIGHT, LENGTH_CAP
    D: list[list[float]] = []
    B: list[list[int]] = []
    for i in range(n + 1):
        lo_i, hi_i = lo[i], hi[i]
        row = [inf] * (hi_i - lo_i + 1)
        back = [0] * (hi_i - lo_i + 1)
        if i >= 1:
            prev, plo, phi = D[i - 1], lo[i - 1], hi[i - 1]
            r_start, r_vals = rows[i - 1]
            r_len = len(r_vals)
            ki, gi, li = en_kind[i - 1], en_group[i - 1], le[i - 1]
        else:
            prev, plo, phi = None, 0, -1
        if i >= 2:
            prev2, p2lo, p2hi = D[i - 2], lo[i - 2], hi[i - 2]
        else:
            prev2, p2lo, p2hi = None, 0, -1
        for j in range(lo_i, hi_i + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, move = inf, 0
            if j - 1 >= lo_i:  # 0-1: ES j-1 stands alone
                best, move = row[j - 1 - lo_i] + skip, 3
            if prev is not None:
                if plo <= j <= phi:  # 1-0: EN i-1 stands alone
                    c = prev[j - plo] + skip
                    if c < best:
                        best, move = c, 2
                if j >= 1 and plo <= j - 1 <= phi:  # 1-1
                    k = j - 1 - r_start
                    s = r_vals[k] if 0 <= k < r_len else float(p.E[i - 1] @ p.S[j - 1])
                    kp = 0.0 if ki == es_kind[j - 1] else (near if gi == es_group[j - 1] else far)
                    d = ls[j - 1] - li - mu
                    c = prev[j - 1 - plo] + 1.0 - s + kp + lw * min(d if d >= 0 else -d, cap)
                    if c < best:
                        best, move = c, 1
                if j >= 2 and plo <= j - 2 <= phi:  # 1-2: EN i-1 split into ES j-2, j-1
                    s2 = merges12.get((i - 1, j - 2))
                    if s2 is not None:
                        c = p.merge_cost(prev[j - 2 - plo], s2, (i - 1,), (j - 2, j - 1))
                        if c < best:
                            best, move = c, 5
            if prev2 is not None and j >= 1 and p2lo <= j - 1 <= p2hi:  # 2-1: EN i-2, i-1 merged into ES j-1
                s2 = merges21.get((i - 2, j - 1))
                if s2 is not None:
                    c = p.merge_cost(prev2[j - 1 - p2lo], s2, (i - 2, i - 1), (j - 1,))
                    if c < best:
                        best, move = c, 4
            row[j - lo_i] = best
            back[j - lo_i] = move
        D.append(row)
        B.append(back)

    beads: list[tuple[tuple[int, ...], tuple[int, ...], float | None]] = []
    i, j = n, m
    touched: set[int] = set()
    while i > 0 or j > 0:
        if not band.full and ((j == lo[i] and lo[i] > 0) or (j == hi[i] and hi[i] < m)):
            touched.add(i)
        move = B[i][j - lo[i]]
        di, dj = _MOVES[move]
        en = tuple(range(i - di, i))
        es = tuple(range(j - dj, j))
        if move == 1:
            score: float | None = _sim(rows, p, i - 1, j - 1)
        elif move == 4:
            score = merges21[(i - 2, j - 1)]
        elif move == 5:
            score = merges12[(i - 1, j - 2)]
        else:
            score = None
        beads.append((en, es, score))
        i, j = i - di, j - dj
    beads.reverse()
    return beads, touched


def _initial_band(n: int, m: int) -> int:
    """Full search for small problems; otherwise a narrow band (the centre line already follows the
    overall length difference, and the band widens locally wherever the path needs more room)."""
    if max(n, m) <= FULL_DP_MAX:
        return max(n, m)
    return max(BAND_MIN, math.ceil(2 * max(n, m) / max(1, min(n, m))))


class Solver:
    """One banded DP with local widening, resumable so that many problems share each encode call.

    ``en_concat(k)``/``es_concat(k)`` give the text of units k and k+1 joined. Merge candidates come
    from the vector pre-filter and, after a pass, from the neighbours of every unit the path left
    alone (an uneven split such as "…; and" + a short tail escapes the pre-filter but always leaves
    such a gap). A candidate is kept only if its concatenation is more similar than either part alone:
    that is what separates a merge from an omission next to a faithful clause, where adding the
    omitted text dilutes the match instead.
    """

    def __init__(self, p: _Problem, en_concat: Any, es_concat: Any, band: int | None = None, *,
                 en_join: Any = None, es_join: Any = None, same_id: Any = None) -> None:
        self.p, self.en_concat, self.es_concat = p, en_concat, es_concat
        # ``same_id(i, j)``: do English unit i and Spanish unit j carry the same structural id?
        self.same_id = same_id
        # ``en_join(ix)``/``es_join(ix)``: the text of a run of units joined, for merges beyond two (3-1, 4-1)
        self.en_join, self.es_join = en_join, es_join
        self.growing: list[tuple[int, tuple[int, ...], tuple[int, ...], str, bool]] = []
        self.beads: list[tuple[tuple[int, ...], tuple[int, ...], float | None]] = []
        self.done = p.n == 0 or p.m == 0
        if self.done:
            self.beads = [((i,), (), None) for i in range(p.n)] + [((), (j,), None) for j in range(p.m)]
            return
        self.band = _Band(p.n, p.m, band if band is not None else _initial_band(p.n, p.m))
        self.cache21: dict[tuple[int, int], float | None] = {}
        self.cache12: dict[tuple[int, int], float | None] = {}
        self.rounds = 0
        self._new_band()

    def _new_band(self) -> None:
        self.rows = _sim_rows(self.p, self.band)
        self.c21, self.c12 = _merge_candidates(self.p, self.rows, self.band)
        self.rounds = 0

    def pending(self) -> set[str]:
        """Concatenations this solver needs embedded before its next pass."""
        if self.done:
            return set()
        if self.growing:
            return {g[3] for g in self.growing}
        return {self.en_concat(k) for k, j in self.c21 if (k, j) not in self.cache21} | {
            self.es_concat(k) for i, k in self.c12 if (i, k) not in self.cache12
        }

    def step(self, vecs: dict[str, np.ndarray]) -> None:
        """One DP pass with the candidates known so far; sets ``done`` when nothing is left to try."""
        if self.growing:
            self._grow_step(vecs)
            return
        p, rows = self.p, self.rows
        for k, j in self.c21:
            if (k, j) not in self.cache21:
                s = float(vecs[self.en_concat(k)] @ p.S[j])
                self.cache21[(k, j)] = s if s > max(_sim(rows, p, k, j), _sim(rows, p, k + 1, j)) + MERGE_GAIN else None
        for i, k in self.c12:
            if (i, k) not in self.cache12:
                s = float(p.E[i] @ vecs[self.es_concat(k)])
                self.cache12[(i, k)] = s if s > max(_sim(rows, p, i, k), _sim(rows, p, i, k + 1)) + MERGE_GAIN else None
        m21 = {key: s for key in self.c21 if (s := self.cache21[key]) is not None}
        m12 = {key: s for key in self.c12 if (s := self.cache12[key]) is not None}
        self.beads, touched = _run_dp(p, rows, self.band, m21, m12)
        self.rounds += 1
        n21, n12 = _gap_neighbours(p, self.beads)
        n21, n12 = n21 - set(self.c21), n12 - set(self.c12)
        if (n21 or n12) and self.rounds < 3:
            self.c21, self.c12 = [*self.c21, *sorted(n21)], [*self.c12, *sorted(n12)]
            return
        if self.band.full or not touched:
            self._pair_twins()
            self.growing = self._grow_candidates()
            self.done = not self.growing
            return
        self.band.widen(touched)
        self._new_band()

    def _pair_twins(self) -> None:
        """An English and a Spanish unit the path left alone side by side, with the same structural id
        ('(16) 'main establishment' means:' ↔ '16) «establecimiento principal»:'), are one clause whose
        short text the encoder matched poorly: paired, before growth can join either to a neighbour."""
        if self.same_id is None:
            return
        beads, out, k = self.beads, [], 0
        while k < len(beads):
            en, es, _ = beads[k]
            if k + 1 < len(beads) and len(en) + len(es) == 1:
                en2, es2, _ = beads[k + 1]
                i, j = (en or en2), (es or es2)
                if len(en2) + len(es2) == 1 and len(i) == 1 and len(j) == 1 and self.same_id(i[0], j[0]):
                    out.append((i, j, float(self.p.E[i[0]] @ self.p.S[j[0]])))
                    k += 2
                    continue
            out.append(beads[k])
            k += 1
        self.beads = out

    def _grow_candidates(self) -> list[tuple[int, tuple[int, ...], tuple[int, ...], str, bool]]:
        """Merges beyond two units: a unit the path left alone next to a merge or a 1-1 pair whose other
        side is one unit, joined to it ('Now, therefore,' + 'The General Assembly,' + 'Proclaims …' ↔ one
        Spanish paragraph; four English paragraphs ↔ one Spanish paragraph). Tried after the DP, one unit
        at a time, and kept under the DP's own rule: the longer run must be more similar than the shorter."""
        if self.en_join is None or self.es_join is None:
            return []
        p, out = self.p, []
        for t, (en, es, _) in enumerate(self.beads):
            if bool(en) == bool(es):
                continue
            for u in (t - 1, t + 1):
                if not (0 <= u < len(self.beads)):
                    continue
                oen, oes, score = self.beads[u]
                if score is None or not oen or not oes:
                    continue
                if en and len(oes) == 1 and (run := _adjoin(en[0], oen, p.en_adjacent)):
                    out.append((t, run, oes, self.en_join(run), _fragment(self.en_join(en[:1]))))
                elif es and len(oen) == 1 and (run := _adjoin(es[0], oes, p.es_adjacent)):
                    out.append((t, oen, run, self.es_join(run), _fragment(self.es_join(es[:1]))))
        return out

    def _grow_step(self, vecs: dict[str, np.ndarray]) -> None:
        """Keep the best growth of each merge that beats its current score, then look for more."""
        p, beads = self.p, list(self.beads)
        best: dict[int, tuple[float, int, tuple[int, ...], tuple[int, ...]]] = {}  # neighbour bead -> growth
        for t, en, es, text, fragment in self.growing:
            u = next(k for k in (t - 1, t + 1) if 0 <= k < len(beads) and beads[k][0] and beads[k][1]
                     and set(beads[k][0]) <= set(en) and set(beads[k][1]) <= set(es))
            v = vecs[text]
            s = float(v @ p.S[es[0]]) if len(es) == 1 else float(p.E[en[0]] @ v)
            old = beads[u][2]
            bar = old - GROW_FRAGMENT_LOSS if fragment and old is not None else (old or 0.0) + GROW_GAIN
            if old is not None and s > bar and (u not in best or s > best[u][0]):
                best[u] = (s, t, en, es)
        self.growing = []
        if not best:
            self.done = True
            return
        gone: set[int] = set()
        for u, (s, t, en, es) in best.items():
            if t in gone or u in gone:
                continue
            beads[u] = (en, es, s)
            gone.add(t)
        self.beads = [b for k, b in enumerate(beads) if k not in gone]
        self.growing = self._grow_candidates()
        self.done = not self.growing


def solve_all(solvers: list[Solver], encoder: Encoder) -> None:
    """Run every solver to completion, embedding each round's concatenations in one batch."""
    vecs: dict[str, np.ndarray] = {}
    while True:
        active = [sv for sv in solvers if not sv.done]
        if not active:
            return
        todo = sorted(set().union(*(sv.pending() for sv in active)) - vecs.keys())
        if todo:
            vecs.update(zip(todo, encode_texts(encoder, todo)))
        for sv in active:
            sv.step(vecs)


def _adjoin(i: int, run: tuple[int, ...], adjacent: list[bool]) -> tuple[int, ...] | None:
    """``run`` grown by unit ``i`` when ``i`` sits just before or after it with nothing between (None otherwise)."""
    if (i == run[0] - 1 and adjacent[i]) or (i == run[-1] + 1 and adjacent[run[-1]]):
        return tuple(sorted((*run, i)))
    return None


def _fragment(text: str) -> bool:
    """A few words that do not end a sentence: a lead-in carried on by the next unit."""
    return len(text.split()) <= FRAGMENT_WORDS and not text.rstrip().endswith((".", "!", "?"))


def _gap_neighbours(
    p: _Problem, beads: list[tuple[tuple[int, ...], tuple[int, ...], float | None]]
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Merge candidates joining each unit the path left alone with a neighbour's partner."""
    c21: set[tuple[int, int]] = set()
    c12: set[tuple[int, int]] = set()
    for t, (en, es, _) in enumerate(beads):
        if en and es:
            continue
        near = [beads[u] for u in (t - 1, t + 1) if 0 <= u < len(beads)]
        if en:
            i = en[0]
            for _, other_es, _ in near:
                for j in other_es:
                    if i >= 1 and p.en_adjacent[i - 1]:
                        c21.add((i - 1, j))
                    if i < p.n - 1 and p.en_adjacent[i]:
                        c21.add((i, j))
        else:
            j = es[0]
            for other_en, _, _ in near:
                for i in other_en:
                    if j >= 1 and p.es_adjacent[j - 1]:
                        c12.add((i, j - 1))
                    if j < p.m - 1 and p.es_adjacent[j]:
                        c12.add((i, j))
    return c21, c12


def make_problem(
    en_units: list[Node] | list[Sentence],
    es_units: list[Node] | list[Sentence],
    E: np.ndarray,
    S: np.ndarray,
    stats: AlignStats,
    en_adjacent: list[bool],
    es_adjacent: list[bool],
) -> _Problem:
    en_kind = [getattr(u, "kind", "sentence") for u in en_units]
    es_kind = [getattr(u, "kind", "sentence") for u in es_units]
    return _Problem(
        E=E,
        S=S,
        en_len=[len(u.text) for u in en_units],
        es_len=[len(u.text) for u in es_units],
        en_group=[KIND_GROUP.get(k, 1) for k in en_kind],
        es_group=[KIND_GROUP.get(k, 1) for k in es_kind],
        en_kind=en_kind,
        es_kind=es_kind,
        stats=stats,
        en_adjacent=en_adjacent,
        es_adjacent=es_adjacent,
    )
