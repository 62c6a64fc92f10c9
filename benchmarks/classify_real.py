"""What classifies *real* documents best: systems side by side on real-grounded and real-world data.

    python benchmarks/classify_real.py                 # choose: grounded CV + classify_dev.jsonl (~10 min)
    python benchmarks/classify_real.py --report-test   # the chosen system on the grounded test split, once
    python benchmarks/classify_real.py --data FILE     # the same systems on a labelled file you bring
    python benchmarks/classify_real.py --long-real TEXTS   # corpora/long_real: each labeller, and the agreed documents
    python benchmarks/classify_real.py --encoder e5 --encoder-rows [--data FILE]   # another encoder

Data (read in place, never copied):

* ``corpora/grounded`` (documents written for the project from real public pages): systems are
  trained on its train split and scored on dev, and cross-validated over train+dev in 5 folds grouped
  by source URL (a source's documents stay in one fold). Its test split is only read with
  ``--report-test``, after the choice.
* ``../shared/eval/classify_dev.jsonl`` (100 summaries of real pages; ``econ`` read as ``economic``):
  scored with systems trained on grounded train+dev. Never trained on.
* ``corpora/labelled`` (the invented corpus): the second domain, test split.

Systems: TF-IDF + logistic regression (the baseline), zero-shot prototypes (MOU clauses alone, and
with the area descriptions), the head trained on the invented corpus (the previous shipped recipe),
heads trained on grounded data, with and without the invented corpus, under aggregations and
regularisation; then the "near its threshold" rule for ``primary`` at several values. Passages are
embedded once through a disk cache (``--cache``, default under /tmp), so a re-run costs seconds.
Cost (classification vs the raw encoder) is ``benchmarks/classify_cost.py``; the grounded
cross-validation of the shipped recipe alone, with its spread over folds, is ``benchmarks/classify_cv.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "benchmarks"))

from _bench import COLS, DEV100, decide_pair, dev100, row, source_folds, uncapped
from _bench import decide as _decide
from _bench import table as _table

from mou_text.classify import (
    NEAR,
    SHIPPED_RECIPE,
    AreaClassifier,
    area_keys,
    load_labelled,
    prototypes,
    read_labelled,
    tfidf_system,
)
from mou_text.embed import CachedEncoder, get_encoder

AREAS = area_keys()
#: The chosen recipe (see docs/benchmarks.md): trained on grounded data only, blend aggregation.
CHOSEN = dict(SHIPPED_RECIPE)
#: Blend weights of the lexical channel tried (chosen on grounded CV, checked on classify_dev).
#: `near` values printed beside the shipped one on every labelled frame (`--data`, `--long-real`).
NEAR_ROWS = (0.5, 0.6, 0.8, 0.9)
LEX_WEIGHTS = (0.2, 0.35, 0.5, 0.65, 0.8, 1.0)
#: The head alone (shipped before the lexical channel).
HEAD_ONLY = {"l2": 0.3, "lexical": 0.0}


def decide(probs: np.ndarray, thr: np.ndarray, near: float | None, texts: list[str] | None = None) -> tuple[np.ndarray, list[str | None]]:
    """The classifier's own rule (``_classifier._finish``), on score matrices; with ``texts``, the women-share
    floor too (``SHARE_FLOOR``: a text that never names women gets no area), as ``predict`` applies it."""
    return _decide(probs, thr, near, AREAS, texts=texts)


def table(df, pred: np.ndarray, primary: list[str | None]) -> dict[str, float]:
    return _table(df, pred, primary, AREAS)


HEADER = "| system | " + " | ".join(COLS) + " |\n|" + "---|" * (len(COLS) + 1)


class Bench:
    def __init__(self, encoder: str, cache: str) -> None:
        self.enc = CachedEncoder(get_encoder(encoder, cache=False), max_items=50_000, cache_dir=Path(cache) / encoder)
        self.base = AreaClassifier(self.enc)
        g = load_labelled(path=ROOT / "corpora" / "grounded")
        self.g = g
        self.inv = load_labelled(path=ROOT / "corpora" / "labelled")
        self.d = dev100()
        t0 = time.perf_counter()
        self.E = {name: self.base.embed_documents(df["text"].tolist()) for name, df in (("g", g), ("inv", self.inv), ("d", self.d))}
        print(f"embedded in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        td = g.index[g["split"].isin(["train", "dev"])].to_numpy()
        self.td = td
        self.fold = source_folds(list(g.loc[td, "source_url"]))

    def clf(self, protos: str = "all") -> AreaClassifier:
        c = AreaClassifier(self.enc)
        if protos == "mou":
            from mou_text.classify._head import Space

            sp = Space.__new__(Space)
            keep = tuple(p for p in prototypes() if p.source == "mou")
            _fill(sp, self.enc, keep)
            c._space = sp
            c.head = c._zero_shot_head()
        else:
            c._space = self.base.space
        return c

    def fit(self, idx_g: np.ndarray, cfg: dict) -> AreaClassifier:
        cfg = dict(cfg)
        inv = cfg.pop("inv", False)
        docs = [self.E["g"][i] for i in idx_g]
        labels = list(self.g.loc[idx_g, "labels"])
        texts = list(self.g.loc[idx_g, "text"])
        if inv:
            docs += self.E["inv"]
            labels += list(self.inv["labels"])
            texts += list(self.inv["text"])
        # texts only when the lexical channel reads them (else fit hashes them for nothing)
        return self.clf().fit(texts if cfg.get("lexical") else None, self.base.binarise(labels), embeddings=docs, **cfg)

    def cv(self, cfg: dict) -> tuple[np.ndarray, np.ndarray]:
        probs = np.zeros((len(self.td), len(AREAS)))
        thr = np.zeros_like(probs)
        for f in range(5):
            c = self.fit(self.td[self.fold != f], cfg)
            held = self.td[self.fold == f]
            probs[self.fold == f] = c.scores_from_embeddings([self.E["g"][i] for i in held], list(self.g.loc[held, "text"]))
            thr[self.fold == f] = c.head.thresholds
        return probs, thr


def _fill(sp, enc, protos) -> None:
    """A prototype space over a chosen subset of prototypes (the MOU clauses alone)."""
    sp.protos = protos
    sp.matrix = enc.encode([p.text for p in protos]).astype(np.float32)
    sp.areas = AREAS
    sp.area_of = np.array([AREAS.index(p.area) for p in protos])
    sp.is_mou = np.array([p.source == "mou" for p in protos])
    sp.cols = [np.flatnonzero(sp.area_of == k) for k in range(len(AREAS))]
    sp.mou_cols = [np.flatnonzero((sp.area_of == k) & sp.is_mou) for k in range(len(AREAS))]
    langs = np.array([p.lang for p in protos])
    sp.mou_cols_lang = {lg: [np.flatnonzero((sp.area_of == k) & sp.is_mou & (langs == lg)) for k in range(len(AREAS))] for lg in ("en", "es")}


def choose(b: Bench) -> None:
    g, d = b.g, b.d
    td_df = g.loc[b.td].reset_index(drop=True)
    out = {"grounded 5-fold CV (train+dev)": [], "classify_dev.jsonl (trained on grounded train+dev)": []}
    cv_key, d_key = list(out)
    # baselines
    tr_df = g.loc[b.td]
    pred = np.zeros((len(td_df), len(AREAS)), bool)
    prim: list[str | None] = [None] * len(td_df)
    for f in range(5):
        held = np.flatnonzero(b.fold == f)
        p, pr = tfidf_system(tr_df.iloc[np.flatnonzero(b.fold != f)], tr_df.iloc[held], AREAS)
        pred[held] = p
        for j, i in enumerate(held):
            prim[i] = pr[j]
    out[cv_key].append(row("TF-IDF + logistic regression", s=table(td_df, pred, prim)))
    p, pr = tfidf_system(tr_df, d, AREAS)
    out[d_key].append(row("TF-IDF + logistic regression", s=table(d, p, pr)))
    for name, protos in (("zero-shot, MOU clauses only", "mou"), ("zero-shot, MOU clauses + descriptions", "all")):
        c = b.clf(protos)
        for key, df, docs in ((cv_key, td_df, [b.E["g"][i] for i in b.td]), (d_key, d, b.E["d"])):
            out[key].append(row(name, s=table(df, *decide(c.scores_from_embeddings(docs), c.head.thresholds, None))))
    c = b.clf().fit(None, b.base.binarise(list(b.inv["labels"])), embeddings=b.E["inv"])
    for key, df, docs in ((cv_key, td_df, [b.E["g"][i] for i in b.td]), (d_key, d, b.E["d"])):
        out[key].append(row("head trained on the invented corpus (previous recipe)", s=table(df, *decide(c.scores_from_embeddings(docs), c.head.thresholds, None))))
    configs = [
        ("head on grounded, l2 0.1", {"lexical": 0.0}),
        ("head on grounded, l2 0.3 (the head alone, shipped before)", HEAD_ONLY),
        ("head on grounded, l2 1.0", {"l2": 1.0, "lexical": 0.0}),
        ("head on grounded + invented, l2 0.3", {**HEAD_ONLY, "inv": True}),
        ("head on grounded, l2 0.3, aggregation mean", {**HEAD_ONLY, "aggregation": "mean"}),
        ("head on grounded, l2 0.3, aggregation max", {**HEAD_ONLY, "aggregation": "max"}),
        ("head on grounded, l2 0.3, thresholds best-f1", {**HEAD_ONLY, "threshold_method": "best-f1"}),
        ("head on grounded, l2 0.3, zero-shot prior 0.5 (blend)", {**HEAD_ONLY, "prior": 0.5}),
    ] + [(f"head + lexical channel {w} + women-share cue" + (" (chosen)" if w == CHOSEN["lexical"] else ""), {**CHOSEN, "lexical": w}) for w in LEX_WEIGHTS] + [
        (f"head + lexical channel {w}, without the women-share cue", {**CHOSEN, "lexical": w, "share": False}) for w in (0.5, CHOSEN["lexical"])
    ]
    near_rows: list[str] = []
    for name, cfg in configs:
        probs, thr = b.cv(cfg)
        out[cv_key].append(row(name, s=table(td_df, *decide(probs, thr, None))))
        c = b.fit(b.td, cfg)
        dp = c.scores_from_embeddings(b.E["d"], d["text"].tolist())
        out[d_key].append(row(name, s=table(d, *decide(dp, c.head.thresholds, None))))
        if cfg == CHOSEN:
            for near in (0.6, 0.7, 0.8, 0.9, 0.95):
                near_rows.append(row(f"near {near}, grounded CV", s=table(td_df, *decide(probs, thr, near))))
                near_rows.append(row(f"near {near}, classify_dev", s=table(d, *decide(dp, c.head.thresholds, near))))
        print(f"  {name} done", file=sys.stderr, flush=True)
    print(f"encoder: {b.enc.name}\n")
    for key, rows in out.items():
        print(f"**{key}**\n\n{HEADER}\n" + "\n".join(rows) + "\n")
    print(f"**'near' for primary (chosen head; labels = over threshold, else the top area if within near × its threshold)**\n\n{HEADER}\n" + "\n".join(near_rows) + "\n")


def side_by_side(b: Bench, title: str, df, docs):  # type: ignore[no-untyped-def]
    """TF-IDF (trained on grounded train+dev), zero-shot and the shipped head on one labelled set;
    returns the shipped head and its scores, for further rows on the same set."""
    c = AreaClassifier.default(b.enc)
    zs = b.clf()
    df = df.reset_index(drop=True)
    lines = [row("TF-IDF + logistic regression (grounded train+dev)", s=table(df, *tfidf_system(b.g.loc[b.td], df, AREAS)))]
    texts = df["text"].tolist()
    lines.append(row("zero-shot (MOU clauses + descriptions)", s=table(df, *decide(zs.scores_from_embeddings(docs), zs.head.thresholds, None, texts))))
    scores = c.scores_from_embeddings(docs, texts)
    lines.append(row(f"shipped head + lexical channel (near {c.near})", s=table(df, *decide(scores, c.head.thresholds, c.near, texts))))
    lines.append(row("shipped head without the women-share floor (round 9's rule)", s=table(df, *decide(scores, c.head.thresholds, c.near))))
    print(f"**{title}**\n\n{HEADER}\n" + "\n".join(lines) + "\n")
    return c, scores


def report_test(b: Bench) -> None:
    """The shipped head (chosen recipe, trained on grounded train+dev) on the grounded test split
    and the invented corpus's test split, next to TF-IDF and zero-shot; then classify_dev."""
    g, inv = b.g, b.inv
    side_by_side(b, "grounded test split (trained on grounded train+dev)", g[g["split"] == "test"], [b.E["g"][i] for i in g.index[g["split"] == "test"]])
    side_by_side(b, "invented corpus test split", inv[inv["split"] == "test"], [b.E["inv"][i] for i in inv.index[inv["split"] == "test"]])
    side_by_side(b, "classify_dev.jsonl", b.d, b.E["d"])


def report_file(b: Bench, path: Path) -> None:
    """The same three systems on a labelled file the user brings (JSONL/CSV/XLSX with ``text``,
    ``labels`` and ``lang``), e.g. verbatim real excerpts that may not be shipped with the project."""
    report_frame(b, read_labelled(path, AREAS), path.name)


def report_long_real(b: Bench, texts: Path) -> None:
    """``corpora/long_real`` scored as docs/benchmarks.md gives it: each labels file whose documents ``texts``
    holds (``labels.jsonl``, ``labels_round10.jsonl``, ``labels_round11.jsonl``…), against each labeller and on
    the documents they agree on. ``texts``: JSONL of ``id`` and ``text``, rebuilt as that folder's README
    says (the texts are third-party and not shipped)."""
    import pandas as pd

    text = {r["id"]: r["text"] for r in map(json.loads, texts.read_text(encoding="utf-8").splitlines()) if r.get("text")}
    scored = 0
    for path in sorted((ROOT / "corpora" / "long_real").glob("labels*.jsonl")):
        labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        missing = [r["id"] for r in labels if r["id"] not in text]
        if len(missing) == len(labels):
            continue  # another round's documents
        if missing:
            sys.exit(f"{texts}: no text for {len(missing)} of {len(labels)} documents of {path.name} ({', '.join(missing[:5])}…): "
                     "rebuild them as corpora/long_real/README.md says")
        scored += 1
        for name, rows, key in (("first labeller", labels, "labels"), ("second labeller", labels, "labels_second"),
                                ("agreed", [r for r in labels if set(r["labels"]) == set(r["labels_second"])], "labels")):
            df = pd.DataFrame([{"id": r["id"], "lang": r["lang"], "labels": r[key], "text": text[r["id"]]} for r in rows])
            report_frame(b, read_labelled(df, AREAS), f"long_real {path.name}, {name}")
    if not scored:
        sys.exit(f"{texts}: none of the documents of corpora/long_real: rebuild them as its README says")


def report_frame(b: Bench, df: Any, name: str) -> None:
    """The shipped head, TF-IDF and zero-shot (and the round-7 variants) on one labelled frame."""
    docs = b.base.embed_documents(df["text"].tolist())
    c, scores = side_by_side(b, f"{name} ({len(df)} documents)", df, docs)
    texts = df["text"].tolist()
    print(f"{HEADER}\n" + row("shipped head, every area over its threshold labelled (second 1.0)",
                              s=table(df, *_decide(scores, c.head.thresholds, c.near, AREAS, 1.0, texts=texts))))
    for near in NEAR_ROWS:  # the shipped head's other `near` values (round 11 chose 0.7 on grounded CV)
        print(row(f"shipped head, near {near}", s=table(df, *decide(scores, c.head.thresholds, near, texts))))
    for f in (0.8, 0.5):  # measured in round 7, not shipped
        print(row(f"shipped head, justice added next to security at {f} × its threshold",
                  s=table(df, *decide_pair(scores, c.head.thresholds, c.near, AREAS, f, texts=texts))))
    with uncapped():  # round 3's recipe on today's corpus, for comparison
        c = b.fit(b.td, CHOSEN)
        s = table(df, *decide(c.scores_from_embeddings(docs, texts), c.head.thresholds, c.near, texts))
    print(row("shipped recipe with the women-share cue unsaturated (round 3), same corpus", s=s) + "\n")


def encoder_rows(b: Bench, data: Path | None) -> None:
    """The shipped recipe on ``--encoder``'s embeddings: grounded CV (the same folds), classify_dev and,
    with ``--data``, that file, each trained on grounded train+dev (the encoder comparison; an encoder
    other than USE has no shipped head, so this trains its own)."""
    td_df = b.g.loc[b.td].reset_index(drop=True)
    probs, thr = b.cv(CHOSEN)
    lines = [row(f"{b.enc.name}, grounded CV", s=table(td_df, *decide(probs, thr, NEAR)))]
    c = b.fit(b.td, CHOSEN)
    lines.append(row(f"{b.enc.name}, classify_dev", s=table(b.d, *decide(c.scores_from_embeddings(b.E["d"], b.d["text"].tolist()), c.head.thresholds, NEAR))))
    if data is not None:
        df = read_labelled(data, AREAS)
        docs = b.base.embed_documents(df["text"].tolist())
        lines.append(row(f"{b.enc.name}, {data.name}", s=table(df, *decide(c.scores_from_embeddings(docs, df["text"].tolist()), c.head.thresholds, NEAR))))
    print(f"{HEADER}\n" + "\n".join(lines) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--encoder", default="use")
    ap.add_argument("--cache", default="/tmp/mou-text-bench-cache", help="disk cache of passage embeddings")
    ap.add_argument("--report-test", action="store_true", help="report the shipped head on the grounded test split (once, after choosing)")
    ap.add_argument("--data", type=Path, help="a labelled file to score the shipped head, TF-IDF and zero-shot on (nothing is chosen on it)")
    ap.add_argument("--long-real", type=Path, metavar="TEXTS",
                    help="corpora/long_real against each labeller and on the agreed documents (TEXTS: JSONL of id and text)")
    ap.add_argument("--encoder-rows", action="store_true", help="the shipped recipe on --encoder's embeddings: grounded CV, classify_dev and --data")
    args = ap.parse_args()
    if not DEV100.exists():
        sys.exit(f"skipped: {DEV100} is absent (the shared evaluation data sits beside the repository)")
    b = Bench(args.encoder, args.cache)
    if args.encoder_rows:
        encoder_rows(b, args.data)
    elif args.data:
        report_file(b, args.data)
    elif args.long_real:
        report_long_real(b, args.long_real)
    elif args.report_test:
        report_test(b)
    else:
        choose(b)


if __name__ == "__main__":
    main()
