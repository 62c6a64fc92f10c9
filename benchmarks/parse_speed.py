"""Parse throughput (MB/s) of mou-text's structural parser vs a plain spaCy sentencizer, same text, one run.

The baseline does strictly less (sentences only, no structure, no ids), so the ratio says what the
structure, normalisation and id passes cost on top of tokenisation.

    python benchmarks/parse_speed.py [--repeat 20] [--scale 1,10,100]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from mou_text.parse import parse

ROOT = Path(__file__).resolve().parents[1]


def scaled(text: str, n: int) -> str:
    """n copies of the agreement body with renumbered sections: one long, still well-formed agreement."""
    import re

    body = text
    out = []
    for k in range(n):
        out.append(re.sub(r"(SECTION|SECCIÓN) (\d)", lambda m: f"{m.group(1)} {int(m.group(2)) + 4 * k}", body))
    return "\n\n".join(out)


def best_of(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--scale", default="1,10,100")
    args = ap.parse_args()
    rows = []
    for lang in ("en", "es"):
        base = (ROOT / "corpora" / "mou" / f"{lang}.md").read_text(encoding="utf-8")
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        parse(base, lang=lang)  # warm up: lingua, spaCy tokenizer
        for n in (int(s) for s in args.scale.split(",")):
            text = scaled(base, n)
            mb = len(text.encode("utf-8")) / 1e6
            nlp.max_length = max(nlp.max_length, len(text) + 1)
            t_ours = best_of(lambda: parse(text, lang=lang), args.repeat)
            t_base = best_of(lambda: list(nlp(text).sents), args.repeat)
            rows.append((lang, n, mb, mb / t_ours, mb / t_base, t_ours / t_base))
    print("| lang | copies of the MOU | MB | mou-text parse MB/s | spaCy sentencizer MB/s | cost ratio |")
    print("|---|---|---|---|---|---|")
    for lang, n, mb, a, b, r in rows:
        print(f"| {lang} | {n} | {mb:.2f} | {a:.2f} | {b:.2f} | {r:.2f}× |")


if __name__ == "__main__":
    main()
