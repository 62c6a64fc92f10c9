"""Calibrating the two channels together: round 2's fixed blend against learned combinations (issue 13).

    python benchmarks/classify_stacking.py            # ~1 min on 2 quiet cores
    python benchmarks/classify_stacking.py --seed 1   # another deal of sources into the 5 folds

Round 2's shipped head mixed its two channels with a fixed weight, ``0.5·head + 0.5·lexical``, then fit
one Platt sigmoid per area on the mixture's out-of-fold logits (round 3 ships weight 0.65 and a third
calibration input, the women-share cue: ``classify_cv.py``). This script asks whether learning the mix
does better, on the same out-of-fold logits the package already computes, with three calibrators:

* ``blend 0.5`` — round 2's shipped rule (reproduced ``classify_cv.py``'s pooled row then);
* ``pair`` — per area, a logistic model on that area's two logits (a learned weight per channel);
* ``stack`` — per area, a logistic model on all eight logits (both channels, every area), so
  "justice is high" may lower security, the confusion that costs most on real text.

Each calibrator is fitted on the inner out-of-fold logits of the training folds (the head's from
``AreaClassifier.fit(..., lexical=0)``, the lexical channel's from its own ``fit_lexical`` on the
package's inner folds), thresholds by the package's ``find_thresholds`` (``half-f1``) on the same
scores, then labels by the package's rule with ``near`` 0.9 and without it. Outer folds: 5, grouped by
``source_url`` over the grounded **train+dev** splits (the test split is dropped before anything is
embedded), the folds of ``classify_cv.py``; classify_dev.jsonl is scored by each calibrator trained on
all of train+dev. Reads the package's private ``_head``/``_lexical``/``_train`` pieces on purpose: it
reassembles the channels the shipped head fuses, which no public call exposes. Changes nothing shipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from _bench import COLS, GROUNDED, decide, dev100, row, source_folds, table

from mou_text.classify import (
    SHIPPED_RECIPE,
    AreaClassifier,
    find_thresholds,
    fit_logistic,
    fit_platt,
    load_labelled,
    sigmoid,
)
from mou_text.classify._head import doc_logits, passage_features
from mou_text.classify._lexical import fit_lexical
from mou_text.classify._train import binarise, folds
from mou_text.embed import get_encoder

Apply = Callable[[np.ndarray, np.ndarray], np.ndarray]
FLOOR = 0.3  # the package's default threshold floor


def blend(w: float) -> Callable[[np.ndarray, np.ndarray, np.ndarray], tuple[Apply, np.ndarray]]:
    def make(oh: np.ndarray, ol: np.ndarray, Y: np.ndarray) -> tuple[Apply, np.ndarray]:
        z = (1 - w) * oh + w * ol
        P = np.array([fit_platt(z[:, a], Y[:, a]) for a in range(Y.shape[1])])

        def app(h: np.ndarray, lx: np.ndarray) -> np.ndarray:
            return sigmoid(((1 - w) * h + w * lx) * P[:, 0] + P[:, 1])

        return app, find_thresholds(app(oh, ol), Y, floor=FLOOR)

    return make


def logistic(l2: float, cross: bool) -> Callable[[np.ndarray, np.ndarray, np.ndarray], tuple[Apply, np.ndarray]]:
    def make(oh: np.ndarray, ol: np.ndarray, Y: np.ndarray) -> tuple[Apply, np.ndarray]:
        K = Y.shape[1]

        def x(h: np.ndarray, lx: np.ndarray, a: int) -> np.ndarray:
            return np.c_[h, lx] if cross else np.c_[h[:, a], lx[:, a]]

        fits = [fit_logistic(x(oh, ol, a), Y[:, a], l2=l2) for a in range(K)]

        def app(h: np.ndarray, lx: np.ndarray) -> np.ndarray:
            return np.column_stack([sigmoid(x(h, lx, a) @ fits[a][0] + fits[a][1]) for a in range(K)])

        return app, find_thresholds(app(oh, ol), Y, floor=FLOOR)

    return make


CALIBRATORS = {
    "blend 0.5 (round 2's shipped mix)": blend(0.5),
    "pair, l2 1e-2": logistic(1e-2, cross=False),
    "stack, l2 1e-3": logistic(1e-3, cross=True),
    "stack, l2 1e-2": logistic(1e-2, cross=True),
    "stack, l2 1e-1": logistic(1e-1, cross=True),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=5, help="seed of the source-to-fold deal (5: the folds of classify_cv.py)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    everything = load_labelled(path=GROUNDED)
    g = everything[everything["split"].isin(["train", "dev"])].reset_index(drop=True)
    del everything  # the test split goes before any text reaches the encoder
    d = dev100()
    enc = get_encoder("use", cache=False)
    base = AreaClassifier(enc)
    areas, space = base.areas, base.space
    texts, dtexts = g["text"].tolist(), d["text"].tolist()
    E, Ed = base.embed_documents(texts), base.embed_documents(dtexts)
    Y = binarise(g["labels"].tolist(), areas)
    print(f"embedded {len(g)} + {len(d)} documents in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)

    def channels(tr: np.ndarray) -> tuple[np.ndarray, np.ndarray, Callable[[list[np.ndarray], list[str]], tuple[np.ndarray, np.ndarray]]]:
        """Inner out-of-fold logits of both channels on ``tr``, and a scorer of new documents."""
        clf = AreaClassifier(enc).fit([texts[i] for i in tr], Y[tr], embeddings=[E[i] for i in tr], l2=SHIPPED_RECIPE["l2"], lexical=0.0)
        # the lexical channel on the head's own inner folds and settings, as fit(lexical=…) trains it
        prm = clf.head.params
        inner = folds(Y[tr], prm["folds"], prm["seed"])
        lex, oof_l = fit_lexical([texts[i] for i in tr], Y[tr], inner, l2=prm["lexical_l2"], balanced=prm["class_weight"] == "balanced")

        def score(docs: list[np.ndarray], txt: list[str]) -> tuple[np.ndarray, np.ndarray]:
            return np.vstack([doc_logits(space, passage_features(space, e), clf.head) for e in docs]), lex.logits(txt)

        return clf.training["oof_logits"], oof_l, score

    fold = source_folds(g["source_url"].tolist(), 5, args.seed)
    n, K = len(g), len(areas)
    probs = {c: np.zeros((n, K)) for c in CALIBRATORS}
    thr = {c: np.zeros((n, K)) for c in CALIBRATORS}
    for f in range(5):
        tr, held = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
        oh, ol, score = channels(tr)
        h, lx = score([E[i] for i in held], [texts[i] for i in held])
        for c, make in CALIBRATORS.items():
            app, t = make(oh, ol, Y[tr])
            probs[c][held], thr[c][held] = app(h, lx), t
        print(f"  fold {f + 1} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    oh, ol, score = channels(np.arange(n))
    h, lx = score(Ed, dtexts)

    print(
        f"`python benchmarks/classify_stacking.py` — grounded train+dev ({n} documents), 5 folds grouped by source URL "
        f"(seed {args.seed}); classify_dev.jsonl ({len(d)}) scored by each calibrator trained on all of train+dev. Encoder {enc.name}.\n"
    )
    print("| calibrator | near | data | " + " | ".join(COLS) + " |\n|" + "---|" * (len(COLS) + 3))
    for c, make in CALIBRATORS.items():
        app, t = make(oh, ol, Y)
        pdev = app(h, lx)
        for near in (0.9, None):
            for name, df, p, tt in (("grounded CV (pooled)", g, probs[c], thr[c]), ("classify_dev", d, pdev, t)):
                print(row(c, "off" if near is None else str(near), name, s=table(df, *decide(p, tt, near, areas), areas)))
    print(f"\n({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
