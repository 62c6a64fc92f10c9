"""How should the head turn held-out scores into per-area thresholds? Measured on train+dev only.

    python benchmarks/classify_thresholds.py [--encoder use]

Compares the two methods of :func:`mou_text.find_thresholds` — ``best-f1`` (the arg-max of the
out-of-fold F1 curve, middle of the best run) and ``half-f1`` (half the best out-of-fold F1, the
F1-optimal threshold for calibrated probabilities) — on:

* the head fitted on train, scored on dev;
* 5-fold cross-validation of the head over train+dev (out-of-fold), with two fold seeds;

and prints the thresholds each method picks, so their stability can be seen. Passages are encoded
once (~40 s with USE). Prints markdown tables; docs/benchmarks.md keeps a copy.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from classify_aggregation import COLS, row, scores  # noqa: E402

from mou_text.classify import AreaClassifier  # noqa: E402
from mou_text.classify._train import folds as _folds  # noqa: E402
from mou_text.classify import load_labelled  # noqa: E402
from _bench import INVENTED  # noqa: E402
from mou_text.classify import THRESHOLD_METHODS  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--encoder", default="use")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", default="7,123", help="fold seeds for the cross-validation")
    args = ap.parse_args()

    t0 = time.perf_counter()
    base = AreaClassifier(args.encoder)
    docs = load_labelled("train+dev", INVENTED)
    embs = base.embed_documents(docs["text"].tolist())
    print(f"encoded {len(docs)} documents in {time.perf_counter() - t0:.0f} s\n", file=sys.stderr)
    Y = base.binarise(docs["labels"].tolist())
    langs = docs["lang"].tolist()
    split = docs["split"].values
    tr, dv = np.flatnonzero(split == "train"), np.flatnonzero(split == "dev")

    def fitted(idx: np.ndarray, method: str) -> AreaClassifier:
        clf = AreaClassifier(base.encoder)
        clf._space = base.space
        return clf.fit(None, Y[idx], embeddings=[embs[i] for i in idx], threshold_method=method)

    header = "| method, evaluation | " + " | ".join(COLS) + " | thresholds (economic, social, security, justice) |\n|" + "---|" * (len(COLS) + 2)
    lines = []
    for method in THRESHOLD_METHODS:
        clf = fitted(tr, method)
        s = scores(clf, clf.scores_from_embeddings([embs[i] for i in dv]), clf.head.thresholds, Y[dv], [langs[i] for i in dv])
        lines.append(row(f"{method}, train → dev", s) + f" {' '.join(f'{t:.2f}' for t in clf.head.thresholds)} |")
        for seed in (int(s) for s in args.seeds.split(",")):
            fold_of = _folds(Y, args.folds, seed=seed)
            probs = np.zeros_like(Y)
            thr = np.zeros_like(Y)
            for f in range(args.folds):
                held, fit_on = np.flatnonzero(fold_of == f), np.flatnonzero(fold_of != f)
                c = fitted(fit_on, method)
                probs[held] = c.scores_from_embeddings([embs[i] for i in held])
                thr[held] = c.head.thresholds
            spread = np.ptp(np.unique(thr, axis=0), axis=0) if len(thr) else np.zeros(len(base.areas))
            lines.append(row(f"{method}, {args.folds}-fold CV seed {seed}", scores(base, probs, thr, Y, langs)) + f" range over folds {' '.join(f'{x:.2f}' for x in spread)} |")
        print(f"  {method} done ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    print(f"encoder: {base.encoder.name}\n")
    print(header + "\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
