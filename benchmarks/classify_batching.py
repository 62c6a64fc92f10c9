"""What batch-invariant scoring costs: one encoder batch per document vs batches shared across documents.

``mou-text classify --resume`` must write the bytes of an uninterrupted run, and an encoder's vectors
change in their last bits with the batch they are computed in, so the classifier never lets two
documents share a batch (issue 15). This measures the price with the default encoder on short
documents (the worst case: many small batches), the MOU's passages cut into documents of n passages.

    python benchmarks/classify_batching.py [--passages 4] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--passages", type=int, default=4, help="passages per document")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from mou_text.classify import passages
    from mou_text.embed import USEEncoder

    enc = USEEncoder()
    texts = []
    for lang in ("en", "es"):
        texts += [p.text for p in passages((ROOT / "corpora" / "mou" / f"{lang}.md").read_text(encoding="utf-8"), lang)]
    docs = [texts[i : i + args.passages] for i in range(0, len(texts), args.passages)] * 2
    flat = [t for d in docs for t in d]
    enc.encode(flat[:8])
    shared = per_doc = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        for i in range(0, len(flat), 128):
            enc.encode(flat[i : i + 128])
        shared = min(shared, time.perf_counter() - t)
        t = time.perf_counter()
        for d in docs:
            enc.encode(d)
        per_doc = min(per_doc, time.perf_counter() - t)
    print(f"{len(flat)} passages in {len(docs)} documents of <= {args.passages}: shared batches {shared:.2f} s "
          f"({len(flat) / shared:.1f} passages/s), one batch per document {per_doc:.2f} s ({len(flat) / per_doc:.1f} passages/s), "
          f"cost {per_doc / shared:.2f}x")


if __name__ == "__main__":
    main()
