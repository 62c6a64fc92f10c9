"""Speed and memory of the area classifier against the raw cost of its encoder (not a timed test).

    python benchmarks/classify_speed.py                 # 1,000 documents, ~5 min on 2 cores
    python benchmarks/classify_speed.py --n 10000       # the full 10k-document run
    python benchmarks/classify_speed.py --no-st         # skip the sentence-transformers backend

Documents are synthesised by sampling 1-6 paragraphs of one language from the labelled corpus and
recombining them (so lengths vary like real reports). For each backend, on the same documents:

* **raw encoder**: the passages the classifier would encode, encoded in batches of 128 with nothing
  else (the floor no classifier on this encoder can beat);
* **classify**: ``AreaClassifier.predict_iter`` end to end: language detection, sentence splitting,
  passage windows, encoding, prototype similarities, head, aggregation, calibration, evidence.

Both use one *uncached* encoder instance, so neither run is helped by the other's cache. Memory:
peak traced allocations (tracemalloc) during each run and the process's resident set (/proc), plus
a growth check that classifies one document of increasing length. Prints markdown tables.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import INVENTED, rss_mb  # noqa: E402

from mou_text.classify import AreaClassifier
from mou_text.embed import get_encoder
from mou_text.classify import load_labelled
from mou_text.lang import detect
from mou_text.classify import passages


def synthesise(n: int, seed: int = 0) -> list[str]:
    docs = load_labelled(path=INVENTED)
    paras: dict[str, list[str]] = {"en": [], "es": []}
    for text, lang in zip(docs["text"], docs["lang"]):
        paras[lang].extend(p.strip() for p in text.split("\n\n") if len(p.strip()) > 40)
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        lang = rng.choice(("en", "es"))
        out.append("\n\n".join(rng.sample(paras[lang], rng.randint(1, 6))))
    return out


def timed(fn):  # type: ignore[no-untyped-def]
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def traced_peak(fn) -> float:  # type: ignore[no-untyped-def]
    """Peak Python/numpy allocations (MB) while ``fn`` runs. tracemalloc slows allocation-heavy code
    several-fold, so it is measured in a separate, smaller run, never during the timings."""
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def run_backend(spec: str, texts: list[str], label: str, memory_docs: int) -> list[dict]:
    enc = get_encoder(spec, cache=False)
    clf = AreaClassifier.default(enc)
    _ = clf.space  # prototypes embedded before timing
    enc.encode(["warm-up sentence"])
    # Passages exactly as the classifier cuts them (language per document, as it detects it).
    batches = [p.text for t in texts for p in passages(t, detect(t).lang or "en")]

    def raw(n_docs: int | None = None) -> int:
        todo = batches if n_docs is None else [p.text for t in texts[:n_docs] for p in passages(t, detect(t).lang or "en")]
        for i in range(0, len(todo), 128):
            enc.encode(todo[i : i + 128])
        return len(todo)

    def classify(n_docs: int | None = None) -> int:
        count = 0
        for _ in clf.predict_iter(texts if n_docs is None else texts[:n_docs]):
            count += 1
        return count

    rows = []
    for what, fn in (("raw encoder (same passages)", raw), (f"classify ({clf.head.kind} head)", classify)):
        _, seconds = timed(fn)
        peak = traced_peak(lambda fn=fn: fn(memory_docs))
        cur, hwm = rss_mb()
        rows.append({"backend": label, "what": what, "docs": len(texts), "passages": len(batches), "seconds": seconds, "traced_peak_mb": peak, "rss_mb": cur, "rss_peak_mb": hwm})
        print(f"  {label}: {what}: {seconds:.1f} s", file=sys.stderr, flush=True)
    rows[1]["ratio"] = rows[1]["seconds"] / rows[0]["seconds"]
    return rows


def growth(texts: list[str]) -> list[dict]:
    """One document of 10, 100 and 1,000 distinct paragraphs (uncached encoder): traced peak memory
    should stay flat, apart from the text itself, which the caller holds anyway."""
    clf = AreaClassifier.default(get_encoder("use", cache=False))
    _ = clf.space
    paras = [p for t in texts for p in t.split("\n\n")]
    rows = []
    for n_paras in (10, 100, 1000):
        doc = "\n\n".join(paras[i % len(paras)] + f" ({i})" for i in range(n_paras))
        peak = traced_peak(lambda doc=doc: list(clf.predict_iter([doc])))
        rows.append({"paragraphs": n_paras, "chars": len(doc), "traced_peak_mb": peak, "text_mb": len(doc.encode()) / 2**20})
        print(f"  growth {n_paras} paragraphs: peak {peak:.1f} MB", file=sys.stderr, flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="documents to classify (default 1000; the reference run uses 10000)")
    ap.add_argument("--no-st", action="store_true", help="skip the sentence-transformers MiniLM backend")
    ap.add_argument("--no-growth", action="store_true", help="skip the document-growth memory check")
    args = ap.parse_args()

    texts = synthesise(args.n)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} synthesised documents, {words / len(texts):.0f} words on average", file=sys.stderr)
    mem_docs = min(args.n, 200)
    rows = run_backend("use", texts, "use (default)", mem_docs)
    if not args.no_st:
        if importlib.util.find_spec("sentence_transformers") is None:
            print("  sentence-transformers not installed: st backend skipped", file=sys.stderr)
        else:
            rows += run_backend("st", texts, "st (all-MiniLM-L6-v2)", mem_docs)

    print(f"\n{len(texts)} documents ({words / len(texts):.0f} words on average), `python benchmarks/classify_speed.py --n {args.n}`\n")
    print(f"traced peak = tracemalloc peak while handling the first {mem_docs} documents (a separate run)\n")
    print("| backend | run | docs/s | passages/s | seconds | classify ÷ raw | traced peak MB | RSS MB (peak) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        ratio = f"{r['ratio']:.2f}×" if "ratio" in r else ""
        print(
            f"| {r['backend']} | {r['what']} | {r['docs'] / r['seconds']:.1f} | {r['passages'] / r['seconds']:.0f} | {r['seconds']:.1f} | {ratio} "
            f"| {r['traced_peak_mb']:.1f} | {r['rss_mb']:.0f} ({r['rss_peak_mb']:.0f}) |"
        )
    if not args.no_growth:
        g = growth(texts)
        print("\nMemory as one document grows (USE, passages streamed in batches of 128):\n")
        print("| paragraphs | document chars | traced peak MB | of which the text itself MB |")
        print("|---|---|---|---|")
        for r in g:
            print(f"| {r['paragraphs']} | {r['chars']:,} | {r['traced_peak_mb']:.1f} | {r['text_mb']:.1f} |")


if __name__ == "__main__":
    main()
