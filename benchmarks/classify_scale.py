"""Does classification stay linear in time and flat in memory from 1k to 100k documents? (Not a test.)

    python benchmarks/classify_scale.py                      # 1k, 10k, 100k: ~25 min on 2 cores
    python benchmarks/classify_scale.py --sizes 1000,10000   # a quicker look

Short documents (news-brief length: a dateline and one or two sentences of one language, ~190 characters,
recombined from the labelled corpus with a seeded generator, so nearly every document is distinct and
nothing is held in a list) are streamed through
``AreaClassifier.default().predict_iter`` exactly as ``mou-text classify`` does, keeping only
counters. Side by side, on the same generated documents: the raw default encoder encoding the same
passages in batches of 128 with nothing else (the floor). Every (size, run) is a fresh subprocess, so
its peak resident set (VmHWM) is its own; "after load" is the RSS once the model is loaded, before
the first document. Prints a markdown table; docs/benchmarks.md keeps a copy.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import INVENTED, rss_mb  # noqa: E402

BATCH = 128
CITIES = ("Monterrey", "Oaxaca", "Ciudad Juárez", "Tijuana", "Mérida", "Puebla", "Chihuahua", "Hermosillo", "Morelia", "Toluca", "León", "Querétaro", "Saltillo", "Durango", "Tapachula", "El Paso", "San Diego", "Laredo")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre")



def sentence_pool() -> dict[str, list[str]]:
    from mou_text.classify import load_labelled

    docs = load_labelled(path=INVENTED)
    pool: dict[str, list[str]] = {"en": [], "es": []}
    for text, lang in zip(docs["text"], docs["lang"]):
        flat = re.sub(r"\s+", " ", re.sub(r"^#+ .*$", "", text, flags=re.MULTILINE))
        pool[lang].extend(s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡])", flat) if 40 <= len(s) <= 200)
    return pool


def documents(n: int, seed: int = 0) -> Iterator[tuple[str, str]]:
    """(text, lang) pairs, generated lazily: the collection is never in memory."""
    pool = sentence_pool()
    rng = random.Random(seed)
    for _ in range(n):
        lang = "en" if rng.random() < 0.5 else "es"
        city, day, month = rng.choice(CITIES), rng.randint(1, 28), rng.randrange(12)
        dateline = f"{city}, {day} {MONTHS_EN[month]} {rng.randint(2013, 2025)}." if lang == "en" else f"{city}, {day} de {MONTHS_ES[month]} de {rng.randint(2013, 2025)}."
        yield dateline + " " + " ".join(rng.sample(pool[lang], 1 if rng.random() < 0.7 else 2)), lang


def child(mode: str, n: int) -> dict[str, float]:
    from mou_text.classify import AreaClassifier
    from mou_text.classify import passages

    if mode == "raw":
        from mou_text.embed import get_encoder
        from mou_text.classify import prototypes

        enc = get_encoder("use", cache=False)
        enc.encode([p.text for p in prototypes()])  # the same warm-up the classifier's load gives it
    else:
        clf = AreaClassifier.default()
        clf.space  # prototypes embedded: part of loading, not of classifying
    loaded, _ = rss_mb()
    t0 = time.perf_counter()
    counts: Counter[str] = Counter()
    done = n_passages = 0
    if mode == "raw":
        batch: list[str] = []
        for text, lang in documents(n):
            for p in passages(text, lang):
                batch.append(p.text)
                if len(batch) >= BATCH:
                    enc.encode(batch)
                    n_passages += len(batch)
                    batch.clear()
            done += 1
        if batch:
            enc.encode(batch)
            n_passages += len(batch)
    else:
        for pred in clf.predict_iter(text for text, _ in documents(n)):
            counts.update(pred.labels or ["none"])
            done += 1
    seconds = time.perf_counter() - t0
    _, peak = rss_mb()
    return {"n": done, "seconds": seconds, "passages": n_passages, "after_load_mb": loaded, "peak_mb": peak, **{f"label_{k}": v for k, v in counts.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--child", choices=["raw", "classify"], help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.n)))
        return

    sizes = [int(s) for s in args.sizes.split(",")]
    results: dict[tuple[int, str], dict[str, float]] = {}
    for n in sizes:
        for mode in ("raw", "classify"):
            out = subprocess.run([sys.executable, __file__, "--child", mode, "--n", str(n)], capture_output=True, text=True, check=True)
            results[n, mode] = json.loads(out.stdout.strip().splitlines()[-1])
            r = results[n, mode]
            print(f"  {n:>7} {mode:8s} {r['seconds']:7.1f} s  peak {r['peak_mb']:.0f} MB", file=sys.stderr, flush=True)

    first = sizes[0]
    print("| documents | run | seconds | docs/s | classify ÷ raw | RSS after load MB | peak RSS MB | peak ÷ peak at %s |" % f"{first:,}")
    print("|---|---|---|---|---|---|---|---|")
    for n in sizes:
        for mode in ("raw", "classify"):
            r = results[n, mode]
            ratio = f"{r['seconds'] / results[n, 'raw']['seconds']:.2f}×" if mode == "classify" else ""
            name = "raw encoder, same passages" if mode == "raw" else "classify (predict_iter, shipped head)"
            print(
                f"| {n:,} | {name} | {r['seconds']:.1f} | {r['n'] / r['seconds']:.0f} | {ratio} | {r['after_load_mb']:.0f} | {r['peak_mb']:.0f} | "
                f"{r['peak_mb'] / results[first, mode]['peak_mb']:.2f}× |"
            )
    labels = {k[6:]: v for k, v in results[sizes[-1], "classify"].items() if k.startswith("label_")}
    print(f"\nlabels at {sizes[-1]:,} (sanity): " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))


if __name__ == "__main__":
    main()
