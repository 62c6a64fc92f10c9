"""CPU cost of classification against the raw encoder on the same real texts (issue 13: within 1.3×).

    python benchmarks/classify_cost.py                     # classify_dev + all 640 grounded texts, 5 rounds (~8 min)
    python benchmarks/classify_cost.py --grounded dev      # classify_dev + the grounded dev split (~2 min)
    python benchmarks/classify_cost.py --repeats 9 --no-stages

Texts (read in place, never copied): ``../shared/eval/classify_dev.jsonl`` and the real-grounded corpus
``corpora/grounded`` (one split or all of it; only the texts are read, never the labels), EN and ES.

Two jobs on one *uncached* USE encoder built with one BLAS thread (``OMP_NUM_THREADS`` and friends
are set to 1 before numpy is imported), so process CPU time (``time.process_time``) counts one
thread's work and hardly moves with other jobs on the machine, unlike the wall clock:

* **raw encoder**: exactly the text units the classifier embeds (its passages, cut with the language
  it detects), in exactly its batches (one document's passages at a time, ``batch_size`` at most;
  the classifier never mixes documents in a batch). Checked, untimed, by recording what the
  classifier sends to the encoder.
* **classify**: ``AreaClassifier.default(...).predict_iter`` end to end with the shipped head:
  language detection, sentence and passage split, encoding, prototype similarities, head,
  aggregation, the lexical channel, calibration, thresholds, evidence.

So classify ÷ raw isolates what classification adds around the encoder. After one untimed warm-up of
each, the two jobs alternate for ``--repeats`` rounds (raw first on even rounds, classify first on odd),
and each round's ratio is kept: the median and range of those ratios is the figure held against the
1.3× target. The lexical channel's per-token n-gram cache is emptied before every classify run, as a
fresh process finds it (a long run, where a corpus's words repeat, pays less: the stage table shows
how much). Then where the time outside the encoder goes: each stage timed on its own over the same
texts (detection, splitting, similarities + head per passage, the lexical channel), the rest by
difference. (A cProfile run was tried first: it inflated the Python-heavy stages several-fold, even
the encoder's tokenizer, so timers are used instead.)
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_var] = "1"  # before numpy (and the encoder's BLAS) is first imported

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from _bench import DEV100, GROUNDED, dev100

from mou_text.classify import AreaClassifier, load_labelled, passages
from mou_text.embed import USEEncoder
from mou_text.lang import detect


class Recorder:
    """An encoder that records each batch it is asked for (to check the raw job sends the same)."""

    def __init__(self, inner: USEEncoder) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.batches: list[list[str]] = []

    def encode(self, texts: list[str]):  # type: ignore[no-untyped-def]
        self.batches.append(list(texts))
        return self.inner.encode(texts)


def load_texts(grounded: str) -> list[str]:
    """classify_dev texts, then the chosen grounded documents' texts (their labels are not used)."""
    texts = dev100()["text"].tolist() if DEV100.exists() else []
    if grounded != "none":
        g = load_labelled(None if grounded == "all" else grounded, GROUNDED)
        texts += g["text"].tolist()
    return texts


def raw_batches(texts: list[str], batch_size: int) -> list[list[str]]:
    """The classifier's encoder batches: each document's passages (in its detected language), in
    runs of at most ``batch_size``, never two documents in one batch."""
    out = []
    for t in texts:
        units = [p.text for p in passages(t, detect(t).lang or "en")]
        out += [units[i : i + batch_size] for i in range(0, len(units), batch_size)]
    return out


def clock(job: Callable[[], object]) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) of one run of ``job``."""
    gc.collect()
    c0, w0 = time.process_time(), time.perf_counter()
    job()
    return time.process_time() - c0, time.perf_counter() - w0


def stages(clf: AreaClassifier, texts: list[str], batches: list[list[str]], fresh: Callable[[], None], repeats: int) -> tuple[list[tuple[str, float]], tuple[str, float]]:
    """CPU seconds (median of ``repeats``) of the stages around the encoder, each run on its own over
    the same texts as classification runs it: language detection, sentence + passage split, the
    prototype similarities and head on every passage batch, and the lexical channel (cache emptied)."""
    space, head = clf.space, clf.head
    langs = [detect(t).lang or "en" for t in texts]
    embs = [clf.encoder.encode(b) for b in batches]  # untimed: the encoder's share is the raw job

    def on_passages() -> None:
        for e in embs:
            head.logits(e, space.similarities(e)[0])

    def lexical(emptied: bool = True) -> None:
        if emptied:
            fresh()
        for t in texts:  # one document at a time, as the classifier finishes them
            head.mix(np.zeros((1, len(clf.areas))), [t])

    jobs = {
        "language detection": lambda: [detect(t) for t in texts],
        "sentence + passage split": lambda: [list(passages(t, lg)) for t, lg in zip(texts, langs)],
        "prototype similarities + head, per passage": on_passages,
        "lexical channel (token cache emptied, as timed above)": lexical,
    }
    rows = [(name, statistics.median(clock(job)[0] for _ in range(repeats))) for name, job in jobs.items()]
    warm = ("(not in the sum) lexical channel, token cache warm", statistics.median(clock(lambda: lexical(False))[0] for _ in range(repeats)))
    return rows, warm


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--grounded", default="all", choices=("all", "train", "dev", "test", "none"), help="which grounded documents to add to classify_dev (default all: only their texts are used)")
    ap.add_argument("--repeats", type=int, default=5, help="alternating rounds of the two jobs (default 5)")
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage breakdown")
    args = ap.parse_args()

    texts = load_texts(args.grounded)
    if not texts:
        sys.exit(f"skipped: no texts ({DEV100} is absent and --grounded none)")
    enc = USEEncoder(threads=1)
    clf = AreaClassifier.default(enc)
    if clf.head.kind != "trained":
        sys.exit("models/area-head is missing or does not fit the USE encoder: nothing shipped to measure")
    _ = clf.space  # prototypes embedded once, as part of loading, not of classifying
    batches = raw_batches(texts, clf.batch_size)

    # What the classifier sends to the encoder is what the raw job encodes (untimed check).
    rec = Recorder(enc)
    spy = AreaClassifier.default(rec)
    _ = spy.space
    rec.batches.clear()  # the prototypes are not part of the comparison
    list(spy.predict_iter(texts))
    if rec.batches != batches:
        sys.exit("the raw job's batches differ from the classifier's: fix raw_batches before reading any ratio")
    n_units = sum(len(b) for b in batches)

    from mou_text.classify import _lexical  # the per-token n-gram cache, emptied per classify run

    def fresh() -> None:
        _lexical._char_buckets.cache_clear()

    def raw() -> None:
        for b in batches:
            enc.encode(b)

    def classify() -> None:
        fresh()
        for _ in clf.predict_iter(texts):
            pass

    raw()
    classify()  # warm-up: lingua's model, spaCy's tokenizers, first-call allocations
    runs: dict[str, list[tuple[float, float]]] = {"raw": [], "classify": []}
    for r in range(args.repeats):
        order = (("raw", raw), ("classify", classify)) if r % 2 == 0 else (("classify", classify), ("raw", raw))
        for name, job in order:  # alternating, so drift in the machine falls on both jobs alike
            runs[name].append(clock(job))
        print(f"  round {r + 1}: raw {runs['raw'][-1][0]:.2f} s CPU, classify {runs['classify'][-1][0]:.2f} s CPU", file=sys.stderr, flush=True)

    cpu = {k: [c for c, _ in v] for k, v in runs.items()}
    wall = {k: [w for _, w in v] for k, v in runs.items()}
    med = statistics.median
    words = sum(len(t.split()) for t in texts)
    cmd = "python benchmarks/classify_cost.py" + (f" --grounded {args.grounded}" if args.grounded != "all" else "") + (f" --repeats {args.repeats}" if args.repeats != 5 else "")
    print(f"`{cmd}`: {len(texts)} texts (classify_dev + grounded {args.grounded}), {words / len(texts):.0f} words on average, "
          f"{n_units} passages in {len(batches)} encoder batches; one BLAS thread; {args.repeats} rounds after a warm-up, order alternating; "
          f"load average {os.getloadavg()[0]:.1f}\n")
    print("| job | CPU s (median, range) | wall s (median) | ÷ raw, CPU (median, range) | ÷ raw, wall (median) |")
    print("|---|---|---|---|---|")
    print(f"| raw encoder, same passages and batches | {med(cpu['raw']):.2f} ({min(cpu['raw']):.2f}–{max(cpu['raw']):.2f}) | {med(wall['raw']):.2f} | | |")
    r_cpu = [c / r for c, r in zip(cpu["classify"], cpu["raw"])]
    r_wall = [c / r for c, r in zip(wall["classify"], wall["raw"])]
    print(
        f"| classify, shipped head | {med(cpu['classify']):.2f} ({min(cpu['classify']):.2f}–{max(cpu['classify']):.2f}) | {med(wall['classify']):.2f} "
        f"| **{med(r_cpu):.3f}×** ({min(r_cpu):.3f}–{max(r_cpu):.3f}) | {med(r_wall):.3f}× |"
    )
    outside = med(cpu["classify"]) - med(cpu["raw"])
    print(f"\nOutside the encoder: {outside / med(cpu['classify']):.1%} of classify's CPU time, {outside * 1000 / len(texts):.1f} ms per text.")
    if args.no_stages:
        return
    rows, warm = stages(clf, texts, batches, fresh, args.repeats)
    print(f"\nWhere the time outside the encoder goes (each stage timed on its own over the same texts, CPU s, median of {args.repeats}):\n")
    print("| stage | CPU s | ms per text | share of the time outside the encoder |")
    print("|---|---|---|---|")
    for label, sec in rows + [("the rest: aggregation, calibration, thresholds, evidence, results (by difference)", outside - sum(x for _, x in rows)), warm]:
        print(f"| {label} | {sec:.3f} | {sec * 1000 / len(texts):.2f} | {sec / outside:.0%} |")


if __name__ == "__main__":
    main()
