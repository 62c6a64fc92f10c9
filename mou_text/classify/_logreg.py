"""Small, dependency-free statistics for the area head: L2 logistic regression, Platt scaling, thresholds.

scikit-learn is a test-time dependency only; a classifier that users ``pip install`` should not pull
it (and its compiled stack) just to run four dot products. Newton's method on a few hundred frozen
embedding dimensions converges in a handful of exact steps, so the numpy version is both short and
deterministic, which matters because the shipped head is rebuilt from data in CI.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import numpy as np


@contextlib.contextmanager
def single_threaded_blas() -> Iterator[None]:
    """BLAS on one thread while fitting: a few-hundred-wide Newton solve is 5-30x *slower* on a
    busy machine when OpenBLAS spreads it over threads. Uses threadpoolctl when it is installed
    (it comes with scikit-learn); otherwise changes nothing."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - optional
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


def sigmoid(z: np.ndarray) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64)
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def _log1pexp(z: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, z)


def fit_logistic(
    X: np.ndarray,
    y: np.ndarray,
    *,
    l2: float = 1.0,
    sample_weight: np.ndarray | None = None,
    penalty: np.ndarray | None = None,
    offset: np.ndarray | None = None,
    max_iter: int = 50,
    tol: float = 1e-7,
) -> tuple[np.ndarray, float]:
    """Weights and intercept minimising mean weighted log-loss + ``l2``/2·Σ penalty_j·w_j².

    The intercept is never penalised. ``penalty`` scales the L2 strength per feature (e.g. lighter on
    the few prototype-similarity features than on the hundreds of raw embedding dimensions).
    ``offset`` is a fixed per-example logit the model adds to (a prior it learns a correction of:
    with few examples, L2 pulls the model back to the prior rather than to zero).
    Newton steps with step-halving: exact, and fine for up to a few thousand features.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n, d = X.shape
    s = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=np.float64)
    s = s / s.sum()
    pen = np.ones(d) if penalty is None else np.asarray(penalty, dtype=np.float64)
    lam = np.concatenate([l2 * pen, [0.0]])
    Xb = np.hstack([X, np.ones((n, 1))])
    off = np.zeros(n) if offset is None else np.asarray(offset, dtype=np.float64)
    w = np.zeros(d + 1)
    if offset is None:
        # Start the intercept at the weighted log-odds: fewer steps, and the answer for an empty class.
        p0 = float(np.clip((s * y).sum(), 1e-6, 1 - 1e-6))
        w[-1] = np.log(p0 / (1 - p0))

    def loss(v: np.ndarray) -> float:
        z = Xb @ v + off
        return float((s * (_log1pexp(z) - y * z)).sum() + 0.5 * (lam * v * v).sum())

    current = loss(w)
    for _ in range(max_iter):
        p = sigmoid(Xb @ w + off)
        grad = Xb.T @ (s * (p - y)) + lam * w
        hess = (Xb * (s * p * (1 - p))[:, None]).T @ Xb + np.diag(lam + 1e-10)
        try:
            step = np.linalg.solve(hess, grad)
        except np.linalg.LinAlgError:
            step = np.linalg.lstsq(hess, grad, rcond=None)[0]
        t = 1.0
        while t > 1e-6:
            cand = w - t * step
            new = loss(cand)
            if new <= current:
                break
            t *= 0.5
        else:
            break
        w, improved = cand, current - new
        current = new
        if improved < tol * max(1.0, abs(current)):
            break
    return w[:-1], float(w[-1])


def fit_platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt's sigmoid ``p = σ(a·z + b)`` fitted to held-out scores, with his smoothed targets.

    The smoothed targets ((N₊+1)/(N₊+2) and 1/(N₋+2)) keep a small, separable validation set from
    producing probabilities of exactly 0 and 1.
    """
    z = np.asarray(z, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n_pos, n_neg = float(y.sum()), float(len(y) - y.sum())
    if n_pos == 0 or n_neg == 0:
        return 1.0, 0.0
    t = np.where(y > 0, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    w, b = fit_logistic(z[:, None], t, l2=1e-4)
    return float(w[0]), b


#: Ways :func:`find_thresholds` turns held-out scores into thresholds.
THRESHOLD_METHODS = ("half-f1", "best-f1")


def find_thresholds(
    scores: np.ndarray,
    y: np.ndarray,
    *,
    floor: float = 0.3,
    ceiling: float = 0.9,
    grid: np.ndarray | None = None,
    method: str = "half-f1",
) -> np.ndarray:
    """Per-column thresholds on calibrated scores, for F1, from held-out data.

    ``scores`` and ``y`` are n × k (k areas; y in {0, 1}). ``method``:

    - ``'half-f1'`` (default): half the best F1 reached on the held-out scores. For calibrated
      probabilities the F1-optimal threshold is F*/2 (Lipton, Elkan & Naryanaswamy 2014), and it
      moves little when a few held-out documents change, whereas the arg-max of a flat, jagged F1
      curve can jump by 0.2 (measured on our folds: docs/benchmarks.md).
    - ``'best-f1'``: the arg-max itself; among thresholds with the best F1 the middle of the best
      run is taken, not its edge, so a threshold is not pinned to one example.

    ``floor`` keeps documents about none of the areas empty even when an area's validation set
    rewards a very low cut; ``ceiling`` keeps a rare area reachable. A column with no positives gets
    0.5 (clipped to [floor, ceiling]).
    """
    scores = np.atleast_2d(np.asarray(scores, dtype=np.float64))
    y = np.atleast_2d(np.asarray(y)).astype(bool)
    if scores.shape != y.shape:
        raise ValueError(f"scores {scores.shape} and y {y.shape} differ in shape")
    if not 0.0 <= floor <= ceiling <= 1.0:
        raise ValueError("need 0 <= floor <= ceiling <= 1")
    if method not in THRESHOLD_METHODS:
        raise ValueError(f"method {method!r} is not one of {THRESHOLD_METHODS}")
    cand = np.round(np.arange(0.05, 0.951, 0.01), 2) if grid is None else np.asarray(grid, dtype=np.float64)
    out = np.empty(scores.shape[1])
    for k in range(scores.shape[1]):
        s, t = scores[:, k], y[:, k]
        if not t.any():
            out[k] = float(np.clip(0.5, floor, ceiling))
            continue
        pred = s[None, :] >= cand[:, None]
        tp = (pred & t).sum(1)
        fp = (pred & ~t).sum(1)
        fn = (~pred & t).sum(1)
        f1 = 2 * tp / np.maximum(2 * tp + fp + fn, 1)
        if method == "half-f1":
            out[k] = float(np.clip(round(f1.max() / 2, 2), floor, ceiling))
            continue
        best = np.flatnonzero(np.isclose(f1, f1.max()))
        # The longest run of consecutive best thresholds, then its middle.
        runs = np.split(best, np.flatnonzero(np.diff(best) > 1) + 1)
        run = max(runs, key=len)
        out[k] = float(np.clip(cand[run[len(run) // 2]], floor, ceiling))
    return out
