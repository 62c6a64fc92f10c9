"""Learning from a reviewer's corrections, and showing honestly whether it helped.

``mou-text review`` hands an evaluator the results worth a second look; their confirmations and
corrections come back as labelled documents. :func:`fit_corrections` trains a head on them plus the
shipped training data (the labelled corpus's train+dev split, unless ``base`` is switched off), and
measures it the only way that means anything: by cross-validation over the *corrected* documents —
each fold's documents are held out of the head that scores them — next to the head the user had
before, on the same held-out documents. Embeddings are computed once and reused by every fold.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from ..embed import Encoder, get_encoder
from ..errors import ConfigError
from ..lang import women_share
from ..signature import Signature
from ._classifier import AreaClassifier
from ._evaluate import macro_f1, micro_f1
from ._head import label_matrix
from ._train import binarise

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FitComparison", "fit_corrections"]

#: The figures compared, in the order they are shown.
METRICS = ("micro_f1", "macro_f1", "exact_match")


@dataclass(frozen=True)
class FitComparison:
    """Cross-validated figures of the head before and after the corrections, on the corrected documents."""

    n_corrected: int
    n_base: int
    folds: int
    figures: Mapping[str, Mapping[str, float]]  # system ('before', 'after') -> metric -> value
    weight: int = 1
    signature: Signature = field(default_factory=lambda: Signature("fit"))

    @property
    def improved(self) -> bool:
        """Whether the new head beats the old one on micro-F1 over the held-out corrected documents."""
        return self.figures["after"]["micro_f1"] > self.figures["before"]["micro_f1"]

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        df = pd.DataFrame(self.figures).T.reindex(columns=list(METRICS))
        df.index.name = "head"
        df.attrs["signature"] = dict(self.signature)
        return df

    def summary(self) -> str:
        """The lines ``mou-text fit`` prints."""
        head = (f"held-out figures on the {self.n_corrected} corrected documents ({self.folds} folds; each scored by a head that never saw it; "
                f"trained with {self.n_base} base examples, each correction counting {self.weight}×):")
        rows = [f"{'':28}{'micro-F1':>10}{'macro-F1':>10}{'exact':>8}"]
        names = {"before": "before (the head you had)", "after": "after (your corrections)"}
        for system in ("before", "after"):
            f = self.figures[system]
            rows.append(f"{names[system]:28}{f['micro_f1']:>10.2f}{f['macro_f1']:>10.2f}{f['exact_match']:>8.2f}")
        return "\n".join([head, *rows])

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary().splitlines()[0])}</p>" + self.to_frame().round(3).to_html()


def fit_corrections(
    texts: Sequence[str],
    labels: Any,
    *,
    base: tuple[Sequence[str], Any] | None = None,
    encoder: str | Encoder | None = None,
    before: AreaClassifier | None = None,
    folds: int = 5,
    seed: int = 0,
    weight: int | str = "auto",
) -> tuple[AreaClassifier, FitComparison]:
    """(the head trained on ``texts`` + ``base``, its comparison with ``before``).

    ``labels``: one list of area keys per text (``[]`` for none of the areas). ``base``: more
    labelled (texts, labels) always in training, never scored. ``before``: the head to compare with
    (default: ``AreaClassifier.default(encoder)``, the shipped head where it fits the encoder).
    ``weight``: how many times each correction counts next to one base example. Corrections come from
    the user's own documents, the distribution the head will meet, so by default (``'auto'``) they
    weigh together about a quarter of the base (at most 10 each); they count by repetition, so within
    the head's own calibration folds a correction's copies may sit on both sides (the comparison
    printed here never lets a held-out document in, copy or not).
    """
    enc = get_encoder(encoder)
    new = AreaClassifier(enc)
    Y = binarise(labels, new.areas)
    if len(texts) < 2:
        raise ConfigError("fit", f"only {len(texts)} corrected document(s)", "review and correct at least two documents (ten or more is better)", code="E259")
    base_texts, Yb = (list(base[0]), binarise(base[1], new.areas)) if base is not None else ([], np.zeros((0, len(new.areas))))
    emb = new.embed_documents(list(texts))
    emb_base = new.embed_documents(base_texts) if base_texts else []
    ref = before if before is not None else AreaClassifier.default(enc)

    if weight == "auto":
        weight = min(10, max(1, round(0.25 * len(base_texts) / len(texts)))) if base_texts else 1
    w = int(weight)
    if w < 1:
        raise ConfigError("weight", f"{weight!r} is not a positive whole number", "pass 1 (a correction counts like a base example) or more", code="E252")
    k = max(2, min(folds, len(texts)))
    order = np.random.default_rng(seed).permutation(len(texts))
    fold_of = np.empty(len(texts), dtype=int)
    fold_of[order] = np.arange(len(texts)) % k
    pred_after = np.zeros_like(Y)
    shares = np.array([women_share(t) for t in texts])
    for f in range(k):
        train = np.flatnonzero(fold_of != f)
        held = np.flatnonzero(fold_of == f)
        rep = np.repeat(train, w)
        head = _fit(enc, [*base_texts, *(texts[i] for i in rep)], np.vstack([Yb, Y[rep]]), [*emb_base, *(emb[i] for i in rep)], seed)
        # each head labels as its predict would (order_labels: near, the second-label margin, the share floor)
        pred_after[held] = label_matrix(head.scores_from_embeddings([emb[i] for i in held], [texts[i] for i in held]), head.head.thresholds,
                                        head.near, head.second, shares[held], head.share_floor)
    pred_before = label_matrix(ref.scores_from_embeddings(emb, list(texts)), ref.head.thresholds, ref.near, ref.second, shares, ref.share_floor)
    figures = {name: _figures(Y, P) for name, P in (("before", pred_before), ("after", pred_after))}

    every = np.repeat(np.arange(len(texts)), w)
    final = _fit(enc, [*base_texts, *(texts[i] for i in every)], np.vstack([Yb, Y[every]]), [*emb_base, *(emb[i] for i in every)], seed)
    sig = final.signature().replace(compared_with=ref.signature().get("model"), corrected=len(texts), correction_weight=w, base=len(base_texts), cv_folds=k)
    return final, FitComparison(len(texts), len(base_texts), k, figures, w, Signature("fit", sig))


def _fit(enc: Encoder, texts: list[str], Y: np.ndarray, emb: list[np.ndarray], seed: int) -> AreaClassifier:
    import warnings

    with warnings.catch_warnings():  # a fold with too few positives to calibrate says so in its thresholds
        warnings.simplefilter("ignore", UserWarning)
        return AreaClassifier(enc).fit(texts, Y, embeddings=emb, seed=seed)


def _figures(Y: np.ndarray, P: np.ndarray) -> dict[str, float]:
    return {
        "micro_f1": round(micro_f1(Y, P), 4),
        "macro_f1": round(macro_f1(Y, P), 4),
        "exact_match": round(float((Y.astype(bool) == P.astype(bool)).all(axis=1).mean()), 4),
    }
