"""Time on pathological input grows linearly with its size (issue 15).

Inputs an adversary (or a broken export) produces: a long run of one punctuation mark with no space
(spaCy's tokenizer peels it one character at a time), deeply nested HTML lists, and one very long
line of words. For each, the time at doubling sizes and the fitted exponent of time ∝ size^k
(k ≈ 1: linear; the quadratic code this replaced gave k ≈ 2: 20 KB of '>' took 53 s, 20,000 nested
``<ul><li>`` 61 s).

    python benchmarks/pathological_scaling.py [--quick]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _best(fn, repeat: int = 5) -> float:
    best = math.inf
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def _exponent(sizes: list[int], times: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes")
    args = ap.parse_args()
    from mou_text import parse
    from mou_text.lang import split_sentences
    from mou_text.readers import html_to_markup

    split_sentences(["warm up."], "en")
    scale = [10_000, 20_000, 40_000, 80_000] if not args.quick else [5_000, 10_000, 20_000]
    cases = {
        "sentences: '>' × n": lambda n: split_sentences([">" * n], "en"),
        "sentences: '(' × n": lambda n: split_sentences(["(" * n], "es"),
        "html: n nested <ul><li>": lambda n: html_to_markup("<body>" + "<ul><li>punto " * n + "</li></ul>" * n + "</body>"),
        "parse: one line of n words": lambda n: parse("The Participants cooperate. " + "cooperation " * n, lang="en"),
    }
    print(f"{'case':32} " + " ".join(f"{n:>9,}" for n in scale) + "   exponent")
    for name, fn in cases.items():
        times = [_best(lambda n=n: fn(n)) for n in scale]
        print(f"{name:32} " + " ".join(f"{t:9.3f}" for t in times) + f"   {_exponent(scale, times):8.2f}")


if __name__ == "__main__":
    main()
