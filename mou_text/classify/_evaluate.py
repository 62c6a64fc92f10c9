"""How well the area classifier works, measured the same way every time.

A labelled corpus has a fixed, seeded train/dev/test split (``splits.json``). The default is
``corpora/grounded/`` (documents written for the project from real public pages), the corpus the shipped
head is trained on, as in ``mou-text eval``; ``corpora/labelled/`` (invented documents) is the second
domain, passed as ``corpus=``/``path=``. Hyper-parameters are chosen on dev; the test split is only ever
reported. Four systems are compared on one table so a regression in any is visible:

* ``zero-shot``: prototypes only (no labelled data at all);
* ``head``: the trained head (for the test split, the shipped ``models/area-head`` when its training
  hash matches train+dev, else one fitted on train+dev with the same recipe);
* ``tfidf``: TF-IDF + logistic regression (scikit-learn, the ``test`` extra), the baseline to beat;
* ``xling``: a head fitted on English train documents only, tested on the Spanish ones: can one
  language's labels serve the other?

Metrics are plain functions on 0/1 matrices so they can be checked by hand (tests/test_evaluate.py).
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ConfigError, ModelError
from ..signature import Signature

if TYPE_CHECKING:
    import pandas as pd

    from ._classifier import AreaClassifier

SPLITS = ("train", "dev", "test")
#: How the shipped head is trained (``mou-text eval --save-head DIR --corpus corpora/grounded``):
#: options of :meth:`AreaClassifier.fit`, chosen on grounded CV and classify_dev.jsonl
#: (``benchmarks/classify_real.py``, docs/benchmarks.md). The rest are ``fit``'s defaults.
SHIPPED_RECIPE: dict[str, Any] = {"l2": 0.3, "lexical": 0.65, "share": True}
SYSTEMS = ("zero-shot", "head", "tfidf", "xling")
SPLIT_SEED = 2012
#: Share of each (language, label set) stratum per split, dealt in this repeating order.
_DEAL = ("train", "train", "train", "dev", "test")


# -- metrics ------------------------------------------------------------------------------------
def f1_per_label(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """F1 of each column; a column with no gold and no predicted positives scores 1 (nothing to find,
    nothing wrongly found)."""
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    tp = (t & p).sum(0)
    denom = t.sum(0) + p.sum(0)
    return np.where(denom == 0, 1.0, 2 * tp / np.maximum(denom, 1))


def macro_f1(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    return float(f1_per_label(y_true, y_pred).mean())


def micro_f1(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    tp = int((t & p).sum())
    denom = int(t.sum() + p.sum())
    return 1.0 if denom == 0 else 2 * tp / denom


def primary_accuracy(y_true: np.ndarray, primary: Sequence[str | None], areas: Sequence[str]) -> float:
    """Share of documents with at least one gold area whose predicted primary area is one of them
    (an empty prediction counts as wrong)."""
    t = np.asarray(y_true).astype(bool)
    rows = np.flatnonzero(t.any(1))
    if len(rows) == 0:
        return float("nan")
    hits = sum(1 for i in rows if primary[i] is not None and t[i, list(areas).index(primary[i])])
    return hits / len(rows)


def negatives_empty(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Share of documents with no gold area that also got no predicted area."""
    t = np.asarray(y_true).astype(bool)
    p = np.asarray(y_pred).astype(bool)
    neg = ~t.any(1)
    if not neg.any():
        return float("nan")
    return float((~p[neg].any(1)).mean())


def score_table(y_true: np.ndarray, y_pred: np.ndarray, primary: Sequence[str | None], langs: Sequence[str], areas: Sequence[str]) -> dict[str, float]:
    """Every reported number for one system on one split."""
    langs_arr = np.asarray(langs)
    out: dict[str, float] = {
        "macro_f1": macro_f1(y_true, y_pred),
        "micro_f1": micro_f1(y_true, y_pred),
    }
    for a, f in zip(areas, f1_per_label(y_true, y_pred)):
        out[f"f1_{a}"] = float(f)
    for lang in ("en", "es"):
        m = langs_arr == lang
        out[f"macro_f1_{lang}"] = macro_f1(y_true[m], y_pred[m]) if m.any() else float("nan")
    out["primary_acc"] = primary_accuracy(y_true, primary, areas)
    out["neg_empty"] = negatives_empty(y_true, y_pred)
    out["n"] = float(len(y_true))
    return out


# -- the corpus ---------------------------------------------------------------------------------
def corpus_dir(path: str | Path | None = None) -> Path:
    """``path``, or the shipped real-grounded corpus (``corpora/grounded``) when it is None."""
    if path is not None:
        return Path(path)
    from ..resources import data_path

    try:
        # The same default as ``mou-text eval``: the corpus the shipped head is trained on.
        return data_path("corpora", "grounded")
    except ModelError:
        raise ModelError(
            "labelled corpus",
            "the real-grounded corpus is neither in the installed package nor in a source checkout",
            "reinstall mou-text (pip install --force-reinstall mou-text), run from a clone of the repository, or pass --corpus DIR", code="E108",
        ) from None


def load_labelled(split: str | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """The labelled documents (id, lang, genre, labels, topic, text[, split]); one split or all."""
    import pandas as pd

    root = corpus_dir(path)
    files = sorted(root.glob("part_*.jsonl"))
    if not files:
        raise ModelError(f"labelled corpus '{root}'", "it has no part_*.jsonl files", "pass the folder that holds them (--corpus DIR)", code="E109")
    rows = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    df = pd.DataFrame(rows)
    splits_file = root / "splits.json"
    if splits_file.exists():
        body = json.loads(splits_file.read_text(encoding="utf-8"))
        # corpora/labelled nests the id lists under "splits"; corpora/grounded has them at the top
        lists = body.get("splits", {s: body[s] for s in SPLITS if s in body})
        assign = {i: s for s, ids in lists.items() for i in ids}
        df["split"] = df["id"].map(assign)
    if split is not None:
        if split not in SPLITS and split != "train+dev":
            raise ConfigError("split", f"{split!r} is not a split", f"use one of {', '.join(SPLITS)} (or train+dev)", code="E221")
        if "split" not in df:
            raise ModelError(f"labelled corpus '{root}'", "it has no splits.json", "write it with mou_text.classify.write_splits(DIR)", code="E110")
        wanted = ("train", "dev") if split == "train+dev" else (split,)
        df = df[df["split"].isin(wanted)]
    return df.reset_index(drop=True)


def make_splits(docs: pd.DataFrame, seed: int = SPLIT_SEED) -> dict[str, list[str]]:
    """A seeded ~60/20/20 split stratified by language and label set.

    Documents are grouped by (language, sorted label set), shuffled within each group, and dealt
    train, train, train, dev, test in one cycle that runs on across groups, so even a stratum of two
    documents does not all land in train.
    """
    rng = np.random.default_rng(seed)
    groups: dict[tuple[str, str], list[str]] = {}
    for _, row in docs.iterrows():
        key = (row["lang"], ";".join(sorted(row["labels"])) or "-")
        groups.setdefault(key, []).append(row["id"])
    out: dict[str, list[str]] = {s: [] for s in SPLITS}
    pos = 0
    for key in sorted(groups):
        ids = sorted(groups[key])
        rng.shuffle(ids)
        for i in ids:
            out[_DEAL[pos % len(_DEAL)]].append(i)
            pos += 1
    return {s: sorted(v) for s, v in out.items()}


def write_splits(path: str | Path, seed: int = SPLIT_SEED) -> Path:
    """Write a fresh ``splits.json`` for the corpus in ``path`` (the invented corpus's method).

    ``path`` is required: ``corpora/grounded`` keeps its split with its own ``make_splits.py``, which deals
    new documents without moving earlier ones, so a default here would silently redeal it.
    """
    from .._io import atomic_write_text

    root = corpus_dir(path)
    docs = load_labelled(path=root)
    splits = make_splits(docs, seed)
    body = {
        "seed": seed,
        "method": "stratified by (lang, label set); shuffled per stratum; dealt train,train,train,dev,test across strata",
        "counts": {s: len(v) for s, v in splits.items()},
        "splits": splits,
    }
    return atomic_write_text(root / "splits.json", json.dumps(body, indent=1) + "\n")


# -- systems ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EvalReport:
    """Scores of each system on one split, with the signature of how they were obtained."""

    split: str
    scores: dict[str, dict[str, float]]
    signature: Signature = field(default_factory=lambda: Signature("eval"))

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        df = pd.DataFrame(self.scores).T
        df.index.name = "system"
        df.attrs["signature"] = self.signature.to_dict()
        return df

    def to_markdown(self) -> str:
        cols = ["macro_f1", "micro_f1", "f1_economic", "f1_social", "f1_security", "f1_justice", "macro_f1_en", "macro_f1_es", "primary_acc", "neg_empty", "n"]
        head = "| system | " + " | ".join(cols) + " |"
        lines = [head, "|" + "---|" * (len(cols) + 1)]
        for name, s in self.scores.items():
            cells = [f"{int(s[c])}" if c == "n" else ("–" if s.get(c) != s.get(c) else f"{s[c]:.3f}") for c in cols]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return self.to_frame().to_html(float_format=lambda x: f"{x:.3f}")


def _predictions(clf: AreaClassifier, docs: pd.DataFrame) -> tuple[np.ndarray, list[str | None]]:
    df = clf.predict(docs["text"].tolist())
    pred = np.array([[a in labels for a in clf.areas] for labels in df["labels"]], dtype=bool)
    return pred, list(df["primary"])


def _gold(clf_areas: Sequence[str], docs: pd.DataFrame) -> np.ndarray:
    return np.array([[a in labels for a in clf_areas] for labels in docs["labels"]], dtype=bool)


def tfidf_system(train: pd.DataFrame, test: pd.DataFrame, areas: Sequence[str]) -> tuple[np.ndarray, list[str | None]]:
    """TF-IDF (word 1–2-grams + char 3–5-grams) and one-vs-rest logistic regression, threshold 0.5."""
    try:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise ModelError(
            "the TF-IDF baseline", "scikit-learn is not installed", 'pip install "mou-text[test]" (the test extra), or run eval with --systems zero-shot,head,xling', code="E111",
        ) from None
    word = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    char = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True, max_features=50000)
    Xtr = hstack([word.fit_transform(train["text"]), char.fit_transform(train["text"])]).tocsr()
    Xte = hstack([word.transform(test["text"]), char.transform(test["text"])]).tocsr()
    Ytr = _gold(areas, train)
    probs = np.zeros((len(test), len(areas)))
    for k in range(len(areas)):
        model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000)
        model.fit(Xtr, Ytr[:, k])
        probs[:, k] = model.predict_proba(Xte)[:, 1]
    pred = probs >= 0.5
    primary = [areas[int(np.argmax(np.where(row, p, -1)))] if row.any() else None for row, p in zip(pred, probs)]
    return pred, primary


def evaluate(
    split: str = "test",
    *,
    systems: Sequence[str] = SYSTEMS,
    encoder: Any = None,
    corpus: str | Path | None = None,
    progress: bool = False,
) -> EvalReport:
    """Score each system on ``split``. Training data: train for dev; train+dev for test."""
    from ..embed import get_encoder
    from ._classifier import AreaClassifier

    if split not in ("dev", "test"):
        raise ConfigError("split", f"{split!r} cannot be evaluated", "use 'dev' (choosing settings) or 'test' (reporting)", code="E222")
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        raise ConfigError("systems", f"unknown system(s) {sorted(unknown)}", f"use some of {', '.join(SYSTEMS)}", code="E223")
    enc = get_encoder(encoder)
    train = load_labelled("train+dev" if split == "test" else "train", corpus)
    test = load_labelled(split, corpus)
    zero = AreaClassifier(enc)
    areas = zero.areas
    gold = _gold(areas, test)
    scores: dict[str, dict[str, float]] = {}
    timings: dict[str, float] = {}

    def note(name: str, pred: np.ndarray, primary: list[str | None], docs: pd.DataFrame, y: np.ndarray, t0: float) -> None:
        scores[name] = score_table(y, pred, primary, docs["lang"].tolist(), areas)
        timings[name] = round(time.perf_counter() - t0, 1)
        if progress:
            print(f"  {name}: macro-F1 {scores[name]['macro_f1']:.3f} ({timings[name]} s)", flush=True)

    head_sig: Signature | None = None
    for name in systems:
        t0 = time.perf_counter()
        if name == "zero-shot":
            pred, primary = _predictions(zero, test)
            note(name, pred, primary, test, gold, t0)
        elif name == "head":
            clf = trained_head(train, enc, split)
            head_sig = clf.signature()
            pred, primary = _predictions(clf, test)
            note(name, pred, primary, test, gold, t0)
        elif name == "tfidf":
            pred, primary = tfidf_system(train, test, areas)
            note(name, pred, primary, test, gold, t0)
        elif name == "xling":
            tr = load_labelled("train", corpus)
            tr = tr[tr["lang"] == "en"]
            te = test[test["lang"] == "es"].reset_index(drop=True)
            clf = AreaClassifier(enc).fit(tr["text"].tolist(), tr["labels"].tolist())
            pred, primary = _predictions(clf, te)
            note("xling (EN train → ES test)", pred, primary, te, _gold(areas, te), t0)
    from ..resources import mou_metadata

    signature = Signature.of(
        "eval",
        encoder=enc.name,
        label_set_version=mou_metadata()["label_set_version"],
        split=split,
        trained_on="train+dev" if split == "test" else "train",
        corpus_sha256=_corpus_hash(corpus),
        head=head_sig.to_dict() if head_sig is not None else None,
        seconds=timings,
    )
    return EvalReport(split, scores, signature)


def trained_head(train: pd.DataFrame, encoder: Any, split: str) -> AreaClassifier:
    """The head for this evaluation: the shipped one if it was trained on exactly ``train``, else a
    fresh fit with the default recipe (so ``eval --split dev`` never sees a head that saw dev)."""
    from ._classifier import AreaClassifier
    from ._train import training_hash

    shipped = AreaClassifier.default(encoder)
    if shipped.head.kind == "trained":
        Y = shipped.binarise(train["labels"].tolist())
        if shipped.training.get("sha256") == training_hash(train["text"].tolist(), Y, shipped.areas):
            return shipped
    return AreaClassifier(encoder).fit(train["text"].tolist(), train["labels"].tolist(), **SHIPPED_RECIPE)


def _corpus_hash(corpus: str | Path | None) -> str:
    import hashlib

    h = hashlib.sha256()
    root = corpus_dir(corpus)
    for f in sorted(root.glob("part_*.jsonl")) + [root / "splits.json"]:
        if f.exists():
            h.update(f.read_bytes())
    return h.hexdigest()[:16]
