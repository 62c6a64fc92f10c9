"""The numpy logistic regression, Platt scaling and threshold search, against scikit-learn and by hand."""

from __future__ import annotations

import numpy as np
import pytest

from mou_text.classify import find_thresholds, fit_logistic, fit_platt, sigmoid


def data(n: int = 200, d: int = 5, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = (X @ rng.normal(size=d) + 0.5 + rng.normal(scale=0.8, size=n) > 0).astype(float)
    return X, y


def test_matches_scikit_learn():
    sklearn = pytest.importorskip("sklearn.linear_model", reason="scikit-learn is in the test extra")
    X, y = data()
    l2 = 0.05
    w, b = fit_logistic(X, y, l2=l2)
    ref = sklearn.LogisticRegression(C=1 / (l2 * len(y)), tol=1e-10, max_iter=1000).fit(X, y)
    np.testing.assert_allclose(w, ref.coef_[0], atol=1e-4)
    assert b == pytest.approx(ref.intercept_[0], abs=1e-4)


def test_weights_penalty_and_offset():
    X, y = data(seed=1)
    w_free, _ = fit_logistic(X, y, l2=1.0, penalty=np.array([0.0, 1, 1, 1, 1]))
    w_all, _ = fit_logistic(X, y, l2=1.0)
    assert abs(w_free[0]) > abs(w_all[0])  # an unpenalised feature keeps more weight
    # an offset that already explains the data leaves little to learn
    w_true, b_true = fit_logistic(X, y, l2=1e-6)
    w_res, b_res = fit_logistic(X, y, l2=10.0, offset=X @ w_true + b_true)
    assert np.abs(w_res).max() < 0.05 and abs(b_res) < 0.05
    # class weights move the intercept towards the rare class
    _, b_plain = fit_logistic(X, y, l2=0.1)
    _, b_heavy = fit_logistic(X, y, l2=0.1, sample_weight=np.where(y > 0, 5.0, 1.0))
    assert b_heavy > b_plain


def test_platt_is_monotone_and_calibrated():
    rng = np.random.default_rng(2)
    z = rng.normal(size=2000) * 3
    y = (rng.random(2000) < sigmoid(0.5 * z - 1)).astype(float)
    a, b = fit_platt(z, y)
    assert a == pytest.approx(0.5, abs=0.1) and b == pytest.approx(-1, abs=0.2)
    assert fit_platt(z, np.zeros_like(y)) == (1.0, 0.0)  # nothing to calibrate against


def test_sigmoid_is_stable():
    s = sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    np.testing.assert_allclose(s, [0.0, 0.5, 1.0])


def test_find_thresholds_middle_of_the_best_run_and_bounds():
    scores = np.array([[0.9], [0.7], [0.4], [0.2]])
    y = np.array([[1], [1], [0], [0]])
    t = find_thresholds(scores, y, floor=0.1, ceiling=0.95, method="best-f1")[0]
    assert 0.5 <= t <= 0.6  # the middle of (0.4, 0.7]
    assert find_thresholds(scores, y, floor=0.65, method="best-f1")[0] == 0.65
    with pytest.raises(ValueError):
        find_thresholds(scores, y, method="argmax")
    with pytest.raises(ValueError):
        find_thresholds(scores, y[:2])


def test_half_f1_thresholds_are_half_the_best_f1_and_stable():
    # Column 0 separates perfectly (F* = 1 → 0.5); column 1's one positive is ranked below two
    # negatives, so its best F1 is 1/2 (→ 0.25).
    scores = np.array([[0.9, 0.6], [0.7, 0.8], [0.4, 0.7], [0.2, 0.1]])
    y = np.array([[1, 1], [1, 0], [0, 0], [0, 0]])
    t = find_thresholds(scores, y, floor=0.1)
    np.testing.assert_allclose(t, [0.5, 0.25])
    assert find_thresholds(scores, y, floor=0.4)[1] == 0.4  # the floor still holds
    # Moving one negative across the old arg-max leaves the half-F1 threshold where it was.
    moved = scores.copy()
    moved[2, 0] = 0.65
    assert find_thresholds(moved, y, floor=0.1)[0] == 0.5
    assert find_thresholds(moved, y, floor=0.1, method="best-f1")[0] != find_thresholds(scores, y, floor=0.1, method="best-f1")[0]
