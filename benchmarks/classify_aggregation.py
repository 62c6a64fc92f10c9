"""Which passage aggregation should the area classifier use? Measured on dev, never on test.

    python benchmarks/classify_aggregation.py [--encoder use]

For each aggregation (mean of passage embeddings = one document vector; max over passages; top-3
mean; a 50/50 blend of the document vector's logit and the max passage logit) it reports:

* zero-shot (prototypes only) on dev;
* the head fitted on train, scored on dev (thresholds from train's out-of-fold scores);
* 5-fold cross-validation of the head over train+dev (out-of-fold), a second, larger sample.

Passages are encoded once and reused, so the sweep costs one pass of the encoder (~40 s with USE).
Prints markdown tables; docs/benchmarks.md keeps a copy.

Nothing is left out silently: the documents the sweep does not use (the test split, held out, and any
document without a split) are counted and printed first, and the heads are fitted on embeddings alone
unless ``--lexical W`` passes the texts too, so the output says whether the lexical channel the shipped
head blends in (``AreaClassifier.fit(lexical=0.65)``) was part of the measurement.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import INVENTED

from mou_text.classify import AGGREGATIONS, ZERO_SHOT, AreaClassifier, load_labelled, score_table
from mou_text.classify._store import family as _family
from mou_text.classify._train import folds as _folds

COLS = ["macro_f1", "micro_f1", "macro_f1_en", "macro_f1_es", "primary_acc", "neg_empty"]


def scores(clf: AreaClassifier, probs: np.ndarray, thresholds: np.ndarray, Y: np.ndarray, langs: list[str]) -> dict[str, float]:
    pred = probs >= thresholds
    primary = [clf.areas[int(np.argmax(np.where(r, p, -1)))] if r.any() else None for r, p in zip(pred, probs)]
    return score_table(Y.astype(bool), pred, primary, langs, clf.areas)


def row(name: str, s: dict[str, float]) -> str:
    return f"| {name} | " + " | ".join(f"{s[c]:.3f}" for c in COLS) + " |"


def used_documents(docs: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """The train and dev documents, and how many were left out, by reason (held-out test split, no
    split assigned, any other split name), so the printout says what it did not measure."""
    split = docs["split"] if "split" in docs else pd.Series([None] * len(docs), index=docs.index)
    keep = split.isin(["train", "dev"])
    left = split[~keep]
    dropped = {
        "test (held out)": int((left == "test").sum()),
        "no split": int(left.isna().sum()),
        "other split": int((left.notna() & (left != "test")).sum()),
    }
    return docs[keep].reset_index(drop=True), dropped


def dropped_line(total: int, dropped: dict[str, int]) -> str:
    """``420 labelled documents; left out: test (held out) 84`` (reasons with no document omitted)."""
    reasons = ", ".join(f"{why} {n}" for why, n in dropped.items() if n)
    return f"{total} labelled documents; left out: {reasons or 'none'}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--encoder", default="use")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--lexical", type=float, default=0.0, metavar="W",
                    help="weight of the lexical channel in the fitted heads; > 0 passes the texts to fit (default 0: embeddings only)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    base = AreaClassifier(args.encoder)
    labelled = load_labelled(path=INVENTED)
    docs, dropped = used_documents(labelled)
    print(dropped_line(len(labelled), dropped))
    texts = docs["text"].tolist()
    embs = base.embed_documents(texts)
    print(f"encoded {len(docs)} documents ({sum(len(e) for e in embs)} passages) in {time.perf_counter() - t0:.0f} s")
    lexical = args.lexical > 0
    print(f"fitted heads: {'embeddings + lexical channel, weight ' + format(args.lexical, 'g') if lexical else 'embeddings only (no texts passed: lexical channel off)'}\n")

    def texts_of(idx: np.ndarray) -> list[str] | None:
        """The texts of ``idx`` for the lexical channel, or None when it is off."""
        return [texts[i] for i in idx] if lexical else None

    Y = base.binarise(docs["labels"].tolist())
    langs = docs["lang"].tolist()
    tr = np.flatnonzero(docs["split"].values == "train")
    dv = np.flatnonzero(docs["split"].values == "dev")

    header = "| aggregation | " + " | ".join(COLS) + " |\n|" + "---|" * (len(COLS) + 1)
    zs_rows, dev_rows, cv_rows = [], [], []
    family = _family(base.encoder.name)
    for agg in AGGREGATIONS:
        # zero-shot: the shipped constants with only the aggregation changed
        cfg = dict(ZERO_SHOT.get(family, ZERO_SHOT["*"]), aggregation=agg)
        saved = ZERO_SHOT.get(family)
        ZERO_SHOT[family] = cfg
        zs = AreaClassifier(base.encoder)
        zs._space = base.space
        if saved is None:
            del ZERO_SHOT[family]
        else:
            ZERO_SHOT[family] = saved
        zs_rows.append(row(agg, scores(zs, zs.scores_from_embeddings([embs[i] for i in dv]), zs.head.thresholds, Y[dv], [langs[i] for i in dv])))

        clf = AreaClassifier(base.encoder)
        clf._space = base.space
        clf.fit(texts_of(tr), Y[tr], embeddings=[embs[i] for i in tr], aggregation=agg, lexical=args.lexical)
        dev_probs = clf.scores_from_embeddings([embs[i] for i in dv], texts_of(dv))
        dev_rows.append(row(agg, scores(clf, dev_probs, clf.head.thresholds, Y[dv], [langs[i] for i in dv])))

        fold_of = _folds(Y, args.folds, seed=7)
        probs = np.zeros_like(Y)
        preds = np.zeros_like(Y, dtype=bool)
        for f in range(args.folds):
            held, fit_on = np.flatnonzero(fold_of == f), np.flatnonzero(fold_of != f)
            c = AreaClassifier(base.encoder)
            c._space = base.space
            c.fit(texts_of(fit_on), Y[fit_on], embeddings=[embs[i] for i in fit_on], aggregation=agg, lexical=args.lexical)
            probs[held] = c.scores_from_embeddings([embs[i] for i in held], texts_of(held))
            preds[held] = probs[held] >= c.head.thresholds
        primary = [base.areas[int(np.argmax(np.where(r, p, -1)))] if r.any() else None for r, p in zip(preds, probs)]
        cv_rows.append(row(agg, score_table(Y.astype(bool), preds, primary, langs, base.areas)))
        print(f"  {agg} done ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)

    print(f"encoder: {base.encoder.name}\n")
    print("Zero-shot (prototypes only), dev split\n")
    print(header + "\n" + "\n".join(zs_rows) + "\n")
    print("Trained head (fit on train), dev split\n")
    print(header + "\n" + "\n".join(dev_rows) + "\n")
    print(f"Trained head, {args.folds}-fold cross-validation over train+dev (out-of-fold)\n")
    print(header + "\n" + "\n".join(cv_rows))


if __name__ == "__main__":
    main()
