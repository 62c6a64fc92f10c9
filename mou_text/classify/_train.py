"""Learning a head from labelled examples: embedding them, cross-validated fitting, calibration, provenance.

Training holds every document's passage embeddings and runs k-fold fits; prediction streams and
holds almost nothing. Keeping the two apart keeps the classifier about predicting, and lets
experiments call :func:`folds` and :func:`training_hash` directly. Nothing here imports the
classifier: :meth:`AreaClassifier.fit` passes itself, seen only as a :class:`Trainee`.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Any, Protocol

import numpy as np

from ..embed import Encoder
from ..errors import ConfigError, InputError
from ..lang import SHARE_VERSION, women_cue
from ._head import AGGREGATIONS, Head, Space, doc_logits, passage_features
from ._inputs import inputs, read_text
from ._lexical import fit_lexical
from ._logreg import THRESHOLD_METHODS, find_thresholds, fit_logistic, fit_platt, single_threaded_blas
from ._passages import passages

#: Ridge on the two-input calibration (logit, women_cue): light, it only keeps the fit finite when an
#: area's positives are separable by the share alone (measured with the benchmarks' 1e-3).
SHARE_L2 = 1e-3

__all__ = ["Trainee", "binarise", "embed_documents", "fit", "folds", "training_hash"]


def embed_documents(encoder: Encoder, data: Any, batch_size: int) -> list[np.ndarray]:
    """Passage embeddings of each document (n_passages × d). Training keeps these; predict does not."""
    items, _ = inputs(data)
    out: list[list[np.ndarray]] = []
    batch: list[tuple[int, str]] = []

    def flush() -> None:
        if batch:
            emb = encoder.encode([t for _, t in batch])
            for (i, _), e in zip(batch, emb):
                out[i].append(e)
            batch.clear()

    from ..lang import detect

    for n, (_, text, path) in enumerate(items):
        out.append([])
        if path is not None:
            text = read_text(path)
        if not isinstance(text, str) or not text.strip():
            raise InputError(f"training input {n}", "it is empty or not text", "remove empty rows from the training data", code="E015")
        for p in passages(text, detect(text).lang or "en"):
            batch.append((n, p.text))
            if len(batch) >= batch_size:
                flush()
    flush()
    return [np.vstack(v).astype(np.float32) for v in out]


def binarise(labels: Any, areas: tuple[str, ...]) -> np.ndarray:
    """Labels as an n × K 0/1 matrix; accepts lists of keys, ``'a;b'`` strings or a matrix."""
    if isinstance(labels, np.ndarray) and labels.ndim == 2:
        if labels.shape[1] != len(areas):
            raise ConfigError("labels", f"a matrix with {labels.shape[1]} columns", f"use {len(areas)} columns: {list(areas)}", code="E214")
        return (labels > 0).astype(np.float64)
    rows = list(labels.tolist() if hasattr(labels, "tolist") else labels)
    Y = np.zeros((len(rows), len(areas)))
    for i, row in enumerate(rows):
        if isinstance(row, str):
            row = [r.strip() for r in re.split(r"[;,|]", row) if r.strip()]
        for key in row or ():
            if key not in areas:
                raise ConfigError("labels", f"row {i} has unknown area {key!r}", f"use area keys among {list(areas)} ([] for none)", code="E215")
            Y[i, areas.index(key)] = 1
    return Y


class Trainee(Protocol):
    """What training reads of an :class:`~mou_text.classify.AreaClassifier`. ``space`` and ``dim``
    may encode the prototypes on first use, so :func:`fit` reads them only once the options, labels
    and examples have been checked and embedded, as the classifier always did."""

    encoder: Encoder
    areas: tuple[str, ...]
    batch_size: int

    @property
    def space(self) -> Space: ...

    @property
    def dim(self) -> int: ...


def fit(
    clf: Trainee,
    texts: Any,
    labels: Any,
    *,
    zero_shot: Callable[[], Head],
    l2: float,
    proto_penalty: float,
    aggregation: str,
    k_folds: int,
    floor: float,
    class_weight: str | None,
    prior: float | str,
    seed: int,
    threshold_method: str,
    embeddings: list[np.ndarray] | None,
    lexical: float = 0.0,
    lexical_l2: float = 3e-4,
    share: bool = False,
) -> tuple[Head, dict[str, Any]]:
    """(head, training record) learned on frozen embeddings: see :meth:`AreaClassifier.fit` for the
    options (``k_folds`` is its ``folds``). ``zero_shot`` builds the prior the learned head corrects."""
    if aggregation not in AGGREGATIONS:
        raise ConfigError("aggregation", f"{aggregation!r} is not known", f"use one of {', '.join(AGGREGATIONS)}", code="E210")
    if threshold_method not in THRESHOLD_METHODS:
        raise ConfigError("threshold_method", f"{threshold_method!r} is not known", f"use one of {', '.join(THRESHOLD_METHODS)}", code="E211")
    if texts is not None and not hasattr(texts, "__len__"):
        texts = list(texts)  # a generator is read twice: for embeddings and for the training hash
    areas = clf.areas
    Y = binarise(labels, areas)
    docs = embeddings if embeddings is not None else embed_documents(clf.encoder, texts, clf.batch_size)
    if len(docs) != len(Y):
        raise ConfigError("labels", f"{len(Y)} label rows for {len(docs)} texts", "pass one label list per text", code="E212")
    if len(docs) < 4:
        raise ConfigError("fit", f"only {len(docs)} labelled examples", "label at least a few examples per area (10+ is better)", code="E213")
    space = clf.space
    feats = [passage_features(space, e) for e in docs]
    X_doc = np.vstack([f[2] for f in feats])
    d, k = clf.dim, len(areas)
    mean = X_doc.mean(axis=0)
    scale = X_doc.std(axis=0) + 1e-6
    penalty = np.concatenate([np.ones(d), np.full(k, proto_penalty)])
    if prior == "auto":
        # Lean on the prototypes while examples are few: full weight up to ~10 positives for the
        # rarest area, fading as 10/n after (measured: docs/benchmarks.md, few-shot table).
        prior = min(1.0, 10.0 / max(1.0, float(Y.sum(axis=0).min())))
    prior = float(prior)
    if not 0.0 <= lexical <= 1.0:
        raise ConfigError("lexical", f"{lexical!r} is not a weight in [0, 1]", "use 0 (embedding head alone) to 1 (lexical channel alone); 0.65 is measured best on real-grounded text", code="E274")
    if texts is None:
        lexical = 0.0  # embeddings alone: there is no text for the lexical channel to read
        share = False  # nor a text to count words naming women in
    params = {"lexical": lexical, "lexical_l2": lexical_l2, "share": SHARE_VERSION if share else None, "l2": l2, "proto_penalty": proto_penalty, "folds": k_folds, "floor": floor, "class_weight": class_weight, "prior": round(prior, 4), "seed": seed, "threshold_method": threshold_method}
    # The zero-shot head as a prior: the learned head is a correction of it, folded into one
    # linear map in the standardised feature space (w_std = w_raw·scale, b += w_raw·mean).
    zs = zero_shot()
    prior_W = prior * zs.weights * scale
    prior_b = prior * (zs.bias + zs.weights @ mean)

    def train(idx: np.ndarray) -> Head:
        W = np.zeros((k, d + k))
        b = np.zeros(k)
        Xs = (X_doc[idx] - mean) / scale
        for a in range(k):
            y = Y[idx, a]
            sw = _class_weights(y) if class_weight == "balanced" else None
            off = Xs @ prior_W[a] + prior_b[a] if prior else None
            W[a], b[a] = fit_logistic(Xs, y, l2=l2, sample_weight=sw, penalty=penalty, offset=off)
        return Head(W + prior_W, b + prior_b, mean, scale, np.tile([1.0, 0.0], (k, 1)), np.full(k, 0.5), aggregation, params=params)

    oof = np.zeros((len(docs), k))
    fold_of = folds(Y, k_folds, seed)
    n_folds = int(fold_of.max()) + 1
    if n_folds == 1:
        rare = {a: int(Y[:, i].sum()) for i, a in enumerate(areas) if Y[:, i].sum() < 2}
        warnings.warn(
            f"too few positives to hold any out for calibration ({rare}): scores are uncalibrated and every "
            "threshold is 0.5; label at least 2 (better 10+) examples per area",
            stacklevel=3,  # past this function and AreaClassifier.fit, to the caller's line
        )
        share = False  # the cue is a calibration input, and nothing is calibrated
        params["share"] = None
    # the documents' text, read once (paths are read here), for the lexical channel and the share cue
    plain = _texts(texts) if texts is not None and (lexical > 0 or share) else []
    with single_threaded_blas():
        for f in range(n_folds):
            held = np.flatnonzero(fold_of == f)
            fold_head = train(np.flatnonzero(fold_of != f))
            for i in held:
                oof[i] = doc_logits(space, feats[i], fold_head)
        head = train(np.arange(len(docs)))
        if lexical > 0:
            head.lexical, oof_lex = fit_lexical(plain, Y, fold_of, l2=lexical_l2, balanced=class_weight == "balanced")
            head.lex_weight = lexical
            oof = (1.0 - lexical) * oof + lexical * oof_lex
    if share:
        # calibration on [out-of-fold logit, women_cue] per area: a Platt sigmoid with one more input
        s = np.array([women_cue(t) for t in plain])
        fits = [fit_logistic(np.c_[oof[:, a], s], Y[:, a], l2=SHARE_L2) for a in range(k)]
        head.platt = np.array([[w[0], b] for w, b in fits])
        head.share = np.array([w[1] for w, _ in fits])
        calibrated = head.calibrate(oof, s)
    else:
        head.platt = np.array([fit_platt(oof[:, a], Y[:, a]) if n_folds > 1 else (1.0, 0.0) for a in range(k)])
        calibrated = head.calibrate(oof)
    head.thresholds = find_thresholds(calibrated, Y, floor=floor, method=threshold_method) if n_folds > 1 else np.full(k, 0.5)
    training = {
        "sha256": training_hash(texts, Y, areas) if embeddings is None or texts is not None else None,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "n": len(docs),
        "positives": {a: int(Y[:, i].sum()) for i, a in enumerate(areas)},
        "oof_logits": oof,
    }
    return head, training


def _texts(texts: Any) -> list[str]:
    items, _ = inputs(texts)
    return [text if path is None else read_text(path) for _, text, path in items]


def training_hash(texts: Any, Y: np.ndarray, areas: Sequence[str]) -> str:
    """sha256 of the training examples (text and labels, in order): the provenance of a head."""
    items, _ = inputs(texts)
    h = hashlib.sha256()
    for (_, text, path), row in zip(items, Y):
        body = text if path is None else read_text(path)
        labels = [a for a, v in zip(areas, row) if v]
        h.update(json.dumps([body, labels], ensure_ascii=False).encode())
        h.update(b"\n")
    return h.hexdigest()


def _class_weights(y: np.ndarray) -> np.ndarray:
    """Per-example weights that give an area's positives and negatives equal total weight."""
    n_pos = max(float(y.sum()), 1.0)
    n_neg = max(float(len(y) - y.sum()), 1.0)
    return np.where(y > 0, len(y) / (2 * n_pos), len(y) / (2 * n_neg))


def folds(Y: np.ndarray, folds: int, seed: int) -> np.ndarray:
    """Fold of each example, stratified by label set (rarest sets dealt first), seeded."""
    rng = np.random.default_rng(seed)
    min_pos = int(min(Y.sum(axis=0).min(), (Y.sum(axis=1) == 0).sum() or len(Y)))
    n_folds = max(1, min(folds, min_pos, len(Y)))
    keys = ["".join(str(int(v)) for v in row) for row in Y]
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    out = np.zeros(len(Y), dtype=int)
    pos = 0
    for key in sorted(groups, key=lambda g: (len(groups[g]), g)):
        idx = np.array(groups[key])
        rng.shuffle(idx)
        for i in idx:
            out[i] = pos % n_folds
            pos += 1
    return out
