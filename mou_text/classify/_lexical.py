"""The lexical channel: hashed word and character n-grams, TF-IDF, one L2 logistic model per area.

The embedding head reads meaning; what it misses on real programme pages is vocabulary (the names
of programmes, offices and instruments). A TF-IDF model catches those, and blending its logits
with the head's lifted cross-validated macro-F1 from 0.85 to 0.88 on the real-grounded corpus and
from 0.90 to 0.93 on real summaries (docs/benchmarks.md). numpy only: features are hashed (no
vocabulary to pickle), accent-folded so ``seguridad``/``Seguridad``/``SEGURIDAD`` and ``región``/
``region`` meet, and the logistic models are fitted in the dual (n documents ≪ n-grams), then
stored as primal weights over the n-gram buckets seen in training.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..lang import blank_boilerplate, fold
from ._logreg import fit_logistic

__all__ = ["BUCKETS", "Lexical", "fit_lexical", "lexical_features"]

#: Hash buckets of the n-gram space (2^18: collisions are rare at a few hundred thousand n-grams).
BUCKETS = 1 << 18
_WORD = re.compile(r"\w\w+")
#: Character n-gram lengths, inside word boundaries (robust to inflection: ``judicial``/``judiciales``).
_CHAR_N = (3, 4, 5)

Features = list[tuple[np.ndarray, np.ndarray]]  # per channel (words, chars): buckets, sublinear tf


def lexical_features(text: str) -> Features:
    """Hashed word 1-2-grams and character 3-5-grams of the folded text without its page furniture
    (:func:`~mou_text.lang.blank_boilerplate`: a "related stories" block is not the document's vocabulary),
    with ``1 + log(tf)``."""
    toks = _WORD.findall(fold(blank_boilerplate(text)))
    words = toks + [a + " " + b for a, b in zip(toks, toks[1:])]
    out: Features = []
    for idx in (
        np.fromiter((zlib.crc32(b"w" + g.encode()) % BUCKETS for g in words), dtype=np.int64, count=len(words)),
        np.concatenate([_char_buckets(t) for t in toks]) if toks else np.zeros(0, np.int64),
    ):
        u, cnt = np.unique(idx, return_counts=True)
        out.append((u, 1.0 + np.log(cnt)))
    return out


@lru_cache(maxsize=100_000)
def _char_buckets(token: str) -> np.ndarray:
    """A token's character n-gram buckets: cached, since a corpus's words repeat (most of the cost)."""
    s = f" {token} "
    return np.array([zlib.crc32(b"c" + s[i : i + n].encode()) % BUCKETS for n in _CHAR_N for i in range(len(s) - n + 1)], dtype=np.int64)


@dataclass
class Lexical:
    """TF-IDF logistic models over the n-gram buckets seen in training."""

    cols: np.ndarray  # (U,) sorted bucket ids
    idf: np.ndarray  # (U,)
    weights: np.ndarray  # (K, U)
    bias: np.ndarray  # (K,)

    def matrix(self, feats: Sequence[Features]) -> np.ndarray:
        """n × U TF-IDF rows, each channel L2-normalised on its own (words and characters weigh alike)."""
        return _matrix(feats, self.cols, self.idf)

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        """n × K logits, one sparse dot per document (no dense row over every bucket)."""
        out = np.tile(self.bias, (len(texts), 1))
        if not len(self.cols):
            return out
        for i, text in enumerate(texts):
            for u, v in lexical_features(text):
                pos = np.minimum(np.searchsorted(self.cols, u), len(self.cols) - 1)
                ok = self.cols[pos] == u
                val = v[ok] * self.idf[pos[ok]]
                norm = np.linalg.norm(val)
                if norm > 0:
                    out[i] += self.weights[:, pos[ok]] @ (val / norm)
        return out


def _matrix(feats: Sequence[Features], cols: np.ndarray, idf: np.ndarray) -> np.ndarray:
    X = np.zeros((len(feats), len(cols)))
    if not len(cols):
        return X
    for i, parts in enumerate(feats):
        for u, v in parts:
            pos = np.minimum(np.searchsorted(cols, u), len(cols) - 1)
            ok = cols[pos] == u
            val = v[ok] * idf[pos[ok]]
            norm = np.linalg.norm(val)
            if norm > 0:
                X[i, pos[ok]] += val / norm
    return X


def _fit(feats: Sequence[Features], Y: np.ndarray, l2: float, min_df: int, balanced: bool) -> Lexical:
    n = len(feats)
    u, df = np.unique(np.concatenate([b for parts in feats for b, _ in parts] or [np.zeros(0, np.int64)]), return_counts=True)
    keep = df >= min(min_df, n)
    cols, idf = u[keep], np.log((1 + n) / (1 + df[keep])) + 1.0
    X = _matrix(feats, cols, idf)
    # Dual form: w lies in the span of the training rows, so fit on Z = U·√s (n × rank) with the
    # same L2, then map back: w = Xᵀ·U·β/√s. Exact, and an n × n problem instead of n × U.
    s, U = np.linalg.eigh(X @ X.T)
    pos = s > 1e-9 * max(float(s.max(initial=0.0)), 1e-12)
    s, U = s[pos], U[:, pos]
    Z = U * np.sqrt(s)
    W = np.zeros((Y.shape[1], len(cols)))
    b = np.zeros(Y.shape[1])
    for a in range(Y.shape[1]):
        y = Y[:, a]
        # balanced: an area's positives and negatives weigh alike (as the head's class_weight)
        sw = np.where(y > 0, 1.0 / max(float(y.sum()), 1.0), 1.0 / max(float(len(y) - y.sum()), 1.0)) if balanced else None
        beta, b[a] = fit_logistic(Z, y, l2=l2, sample_weight=sw)
        W[a] = X.T @ (U @ (beta / np.sqrt(s)))
    return Lexical(cols, idf, W, b)


def fit_lexical(texts: Sequence[str], Y: np.ndarray, fold_of: np.ndarray, *, l2: float, min_df: int = 2, balanced: bool = True) -> tuple[Lexical, np.ndarray]:
    """(model on all of ``texts``, out-of-fold logits by ``fold_of``): the out-of-fold logits are
    blended with the head's before calibration, so Platt and the thresholds see the blend."""
    feats = [lexical_features(t) for t in texts]
    oof = np.zeros(Y.shape)
    n_folds = int(fold_of.max()) + 1
    for f in range(n_folds if n_folds > 1 else 0):
        tr, held = np.flatnonzero(fold_of != f), np.flatnonzero(fold_of == f)
        m = _fit([feats[i] for i in tr], Y[tr], l2, min_df, balanced)
        oof[held] = m.matrix([feats[i] for i in held]) @ m.weights.T + m.bias
    return _fit(feats, Y, l2, min_df, balanced), oof
