"""Scoring the area classifier on any labelled file a user brings (``mou-text eval --data FILE``).

The fixed corpora (``_evaluate``) say how the classifier does on the project's own documents; a
portfolio office wants to know how it does on *theirs*. This module reads a labelled JSONL, CSV or
XLSX (columns ``text`` and ``labels``; optional ``lang`` and ``id``), accepts the label spellings
people actually use (``econ``, ``económico``, ``justicia``, ``none``; lists or ``a;b`` / ``a, b``
strings), classifies the texts and reports every figure the project's targets are stated in:
macro/micro-F1, per area (precision, recall, F1 and its TP/FP/FN/TN) and per language, primary
accuracy, positives left unlabelled, negatives kept empty, a primary-area confusion table, and the
signature of the classifier that produced them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import InputError
from ..signature import Signature
from ._evaluate import f1_per_label, macro_f1, micro_f1, negatives_empty, primary_accuracy

if TYPE_CHECKING:
    import pandas as pd

    from ._classifier import AreaClassifier

__all__ = ["LABEL_ALIASES", "DataReport", "evaluate_data", "read_labelled"]

#: Spellings of the area keys seen in labelled files (lower-cased, accents kept), and of "none".
LABEL_ALIASES = {
    "econ": "economic", "economy": "economic", "económico": "economic", "economico": "economic", "económica": "economic", "economica": "economic",
    "soc": "social", "sec": "security", "seguridad": "security", "security and justice": "security",
    "just": "justice", "justicia": "justice", "acceso a la justicia": "justice", "access to justice": "justice",
    "none": None, "ninguna": None, "ninguno": None, "-": None, "[]": None,
}
_SPLIT = re.compile(r"[;,|]")


def _labels_of(value: Any, areas: Sequence[str], where: str) -> list[str]:
    """One cell's labels as area keys, in order (the first is the primary)."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):  # a JSON list written into a CSV cell
            try:
                value = json.loads(text)
            except ValueError:
                value = text.strip("[]").replace('"', "").replace("'", "")
        if isinstance(value, str):
            value = [v for v in _SPLIT.split(value)]
    out: list[str] = []
    for raw in value:
        key = str(raw).strip().lower()
        if not key:
            continue
        key = LABEL_ALIASES.get(key, key)  # type: ignore[assignment]
        if key is None:
            continue
        if key not in areas:
            raise InputError(where, f"it has the unknown label {raw!r}", f"use area keys among {list(areas)} (or econ, justicia, none…), comma- or semicolon-separated", code="E062")
        if key not in out:
            out.append(key)
    return out


def read_labelled(data: str | Path | pd.DataFrame, areas: Sequence[str]) -> pd.DataFrame:
    """A labelled file (or DataFrame) as a frame with ``id``, ``text``, ``labels`` (lists), ``lang``."""
    import pandas as pd

    where = "the labelled data" if isinstance(data, pd.DataFrame) else f"labelled file '{data}'"
    if isinstance(data, pd.DataFrame):
        df = data.copy()
    else:
        path = Path(data)
        if not path.is_file():
            raise InputError(where, "it does not exist", "pass a .jsonl, .csv or .xlsx file with text and labels columns", path=path, code="E063")
        suffix = path.suffix.lower()
        try:
            if suffix in (".jsonl", ".json"):
                lines = path.read_text(encoding="utf-8").splitlines()
                df = pd.DataFrame([json.loads(line) for line in lines if line.strip()])
            elif suffix == ".csv":
                df = pd.read_csv(path, dtype=str, keep_default_na=False)
            elif suffix in (".xlsx", ".xlsm"):
                df = pd.read_excel(path, dtype=str).fillna("")
            else:
                raise InputError(where, f"{suffix or 'no extension'} is not a labelled-data format", "use .jsonl, .csv or .xlsx", path=path, code="E064")
        except InputError:
            raise
        except Exception as exc:  # a parser's own error, said once with the file's name
            raise InputError(where, f"it cannot be read ({type(exc).__name__}: {exc})", "check that it is UTF-8 JSONL, CSV or an Excel workbook", path=path, code="E065") from None
    df.columns = [str(c).strip().lower() for c in df.columns]
    missing = [c for c in ("text", "labels") if c not in df.columns]
    if missing:
        raise InputError(where, f"it has no {' and no '.join(missing)} column (columns: {', '.join(df.columns)})", "name the columns text and labels (lang and id are optional)", code="E061")
    df = df[df["text"].astype(str).str.strip() != ""].reset_index(drop=True)
    if df.empty:
        raise InputError(where, "it has no row with text", "add labelled rows", code="E066")
    out = pd.DataFrame({
        "id": df["id"].astype(str) if "id" in df else pd.Series([str(i) for i in range(len(df))]),
        "text": df["text"].astype(str),
        "labels": [_labels_of(v, areas, f"{where}, row {i + 1}") for i, v in enumerate(df["labels"])],
    })
    out["lang"] = [str(x).strip().lower() or None for x in df["lang"]] if "lang" in df else None
    return out


@dataclass(frozen=True)
class DataReport:
    """Scores of one classifier on one labelled file: overall, per area, per language, confusions."""

    source: str
    scores: dict[str, float]
    per_area: dict[str, dict[str, float]]  # area: precision, recall, f1, tp, fp, fn, tn, support
    per_lang: dict[str, dict[str, float]]  # lang: macro_f1, micro_f1, primary_acc, pos_empty, neg_empty, n
    primary_confusion: dict[str, dict[str, int]]  # gold primary (or 'none') → predicted primary (or 'none') → n
    signature: Signature = field(default_factory=lambda: Signature("eval"))

    def to_frame(self) -> pd.DataFrame:
        """One row per area (precision, recall, F1, TP/FP/FN/TN), the overall figures in ``attrs``."""
        import pandas as pd

        df = pd.DataFrame(self.per_area).T
        df.index.name = "area"
        df.attrs["signature"] = self.signature.to_dict()
        df.attrs["scores"] = dict(self.scores)
        return df

    def to_markdown(self) -> str:
        f = lambda x: "–" if x != x else f"{x:.3f}"  # noqa: E731 - NaN (no such documents) as a dash
        s = self.scores
        lines = [
            "| macro-F1 | micro-F1 | primary acc. | positives left empty | negatives kept empty | n |",
            "|---|---|---|---|---|---|",
            f"| {f(s['macro_f1'])} | {f(s['micro_f1'])} | {f(s['primary_acc'])} | {f(s['pos_empty'])} | {f(s['neg_empty'])} | {int(s['n'])} |",
            "",
            "| area | precision | recall | F1 | TP | FP | FN | TN |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for a, r in self.per_area.items():
            lines.append(f"| {a} | {f(r['precision'])} | {f(r['recall'])} | {f(r['f1'])} | {int(r['tp'])} | {int(r['fp'])} | {int(r['fn'])} | {int(r['tn'])} |")
        lines += ["", "| language | macro-F1 | micro-F1 | primary acc. | positives left empty | negatives kept empty | n |", "|---|---|---|---|---|---|---|"]
        for lang, r in self.per_lang.items():
            lines.append(f"| {lang} | {f(r['macro_f1'])} | {f(r['micro_f1'])} | {f(r['primary_acc'])} | {f(r['pos_empty'])} | {f(r['neg_empty'])} | {int(r['n'])} |")
        cols = list(next(iter(self.primary_confusion.values()), {}))
        lines += ["", "| gold primary ↓ / predicted → | " + " | ".join(cols) + " |", "|---|" + "---|" * len(cols)]
        for gold, row in self.primary_confusion.items():
            lines.append(f"| {gold} | " + " | ".join(str(row[c]) for c in cols) + " |")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        return self.to_frame().to_html(float_format=lambda x: f"{x:.3f}")


def report_figures(gold: np.ndarray, pred: np.ndarray, primary: Sequence[str | None]) -> dict[str, float]:
    """The headline figures for one set of documents (0/1 matrices and predicted primaries)."""
    t, p = gold.astype(bool), pred.astype(bool)
    pos = t.any(1)
    return {
        "macro_f1": macro_f1(t, p) if len(t) else float("nan"),
        "micro_f1": micro_f1(t, p) if len(t) else float("nan"),
        "primary_acc": float("nan"),  # filled by the caller, who knows the areas
        "pos_empty": float((~p[pos].any(1)).mean()) if pos.any() else float("nan"),
        "neg_empty": negatives_empty(t, p),
        "n": float(len(t)),
    }


def evaluate_data(data: str | Path | pd.DataFrame, classifier: AreaClassifier | None = None, *, encoder: Any = None) -> DataReport:
    """Classify the labelled ``data`` (path or frame) with ``classifier`` (default: the shipped one)
    and score it against its labels."""
    from ._classifier import AreaClassifier

    clf = classifier if classifier is not None else AreaClassifier.default(encoder)
    areas = clf.areas
    docs = read_labelled(data, areas)
    langs = docs["lang"].tolist() if docs["lang"].notna().any() else [None] * len(docs)
    pred_df = clf.predict(docs["text"].tolist(), lang=None) if all(lg is None for lg in langs) else _predict_by_lang(clf, docs)
    gold = np.array([[a in labels for a in areas] for labels in docs["labels"]], dtype=bool)
    pred = np.array([[a in labels for a in areas] for labels in pred_df["labels"]], dtype=bool)
    primary = list(pred_df["primary"])
    doc_langs = [lg or dl for lg, dl in zip(langs, pred_df["lang"])]
    scores = report_figures(gold, pred, primary)
    scores["primary_acc"] = primary_accuracy(gold, primary, areas)
    per_area: dict[str, dict[str, float]] = {}
    f1 = f1_per_label(gold, pred)
    for k, a in enumerate(areas):
        tp = int((gold[:, k] & pred[:, k]).sum())
        fp = int((~gold[:, k] & pred[:, k]).sum())
        fn = int((gold[:, k] & ~pred[:, k]).sum())
        per_area[a] = {
            "precision": tp / (tp + fp) if tp + fp else float("nan"),
            "recall": tp / (tp + fn) if tp + fn else float("nan"),
            "f1": float(f1[k]), "tp": tp, "fp": fp, "fn": fn, "tn": len(gold) - tp - fp - fn, "support": tp + fn,
        }
        scores[f"f1_{a}"] = float(f1[k])
    per_lang: dict[str, dict[str, float]] = {}
    for lang in sorted({str(x) for x in doc_langs}):
        m = np.array([str(x) == lang for x in doc_langs])
        r = report_figures(gold[m], pred[m], [p for p, keep in zip(primary, m) if keep])
        r["primary_acc"] = primary_accuracy(gold[m], [p for p, keep in zip(primary, m) if keep], areas)
        per_lang[lang] = r
        scores[f"macro_f1_{lang}"] = r["macro_f1"]
    names = [*areas, "none"]
    confusion = {g: {p: 0 for p in names} for g in names}
    for labels, p in zip(docs["labels"], primary):
        confusion[labels[0] if labels else "none"][p or "none"] += 1
    source = "DataFrame" if not isinstance(data, (str, Path)) else str(data)
    sig = Signature.of("eval", data=source, data_sha256=_frame_hash(docs), n=len(docs), classifier=clf.signature().to_dict())
    return DataReport(source, scores, per_area, per_lang, confusion, sig)


def _predict_by_lang(clf: AreaClassifier, docs: pd.DataFrame) -> pd.DataFrame:
    """Predictions with each row's declared language (undeclared rows are detected)."""
    import pandas as pd

    parts = []
    for lang, idx in docs.groupby(docs["lang"].fillna(""), sort=False).groups.items():
        part = clf.predict(docs.loc[idx, "text"], lang=lang or None)
        parts.append(part)
    return pd.concat(parts).loc[docs.index]


def _frame_hash(docs: pd.DataFrame) -> str:
    import hashlib

    h = hashlib.sha256()
    for text, labels in zip(docs["text"], docs["labels"]):
        h.update(json.dumps([text, labels], ensure_ascii=False).encode())
    return h.hexdigest()[:16]

