"""Does web-page furniture around a real document change its labels? The shipped head on labelled real
documents, clean and inside page furniture, with and without the furniture filter.

    python benchmarks/classify_furniture.py                     # ../shared/eval/classify_dev.jsonl
    python benchmarks/classify_furniture.py --data FILE.jsonl   # any labelled JSONL (text, labels, lang)

Real documents reach the classifier as pages pasted or saved from a browser: menus, share rows, cookie
banners, bylines and photo credits above the article, "related stories" headlines, tags and copyright
below it. ``benchmarks/data/furniture.json`` holds 25 headers and 25 footers per language of such
furniture, **written for the project by a writer who never saw the filter's rules**
(``mou_text/lang/_boilerplate.py``), so the filter is measured on furniture it was not written against.
Each document gets one header and one footer of its language, drawn with a fixed seed.

Rows: the documents as they are; inside furniture, as shipped (``blank_boilerplate`` blanks furniture
lines before the passages and the lexical channel read the text); inside furniture with
the filter turned off (``blank_boilerplate`` replaced by the identity where the classifier calls it: the
classifier before it had the filter). One head throughout (the shipped one: its training documents have
no page furniture, so the filter hardly changes what it learnt). Nothing is chosen on these figures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pandas as pd
from _bench import COLS, DEV100, row

from mou_text.classify import AreaClassifier, evaluate_data, read_labelled
from mou_text.lang import boilerplate_spans

FURNITURE = Path(__file__).resolve().parent / "data" / "furniture.json"


@contextmanager
def filter_off() -> Iterator[None]:
    """Inside, the classifier reads furniture as text: the name is rebound in the two modules that call
    ``blank_boilerplate`` (passage splitting and the lexical channel), restored on exit."""
    from mou_text.classify import _lexical, _passages

    keep = _passages.blank_boilerplate
    _passages.blank_boilerplate = _lexical.blank_boilerplate = lambda text: text
    try:
        yield
    finally:
        _passages.blank_boilerplate = _lexical.blank_boilerplate = keep


def wrapped(docs: pd.DataFrame, seed: int) -> pd.DataFrame:
    """Each document between a header and a footer of its language (seeded draw)."""
    blocks = json.loads(FURNITURE.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    out = docs.copy()
    out["text"] = [
        f"{rng.choice(blocks[lang]['headers'])}\n\n{text}\n\n{rng.choice(blocks[lang]['footers'])}"
        for text, lang in zip(docs["text"], docs["lang"])
    ]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEV100, help="labelled JSONL/CSV/XLSX with text, labels and lang (default: classify_dev.jsonl)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the header/footer draw")
    args = ap.parse_args()
    t0 = time.perf_counter()
    clf = AreaClassifier.default()
    docs = read_labelled(args.data, clf.areas)  # the reader `mou-text eval --data` uses: aliases, CSV/XLSX, checks
    print(f"`python benchmarks/classify_furniture.py --data {args.data.name} --seed {args.seed}` — {len(docs)} documents, "
          f"the shipped head ({clf.signature()['training_data_sha256'][:12]}), furniture from `benchmarks/data/furniture.json`.\n")
    print("| documents | filter | " + " | ".join(COLS) + " |\n|" + "---|" * (len(COLS) + 2))
    inside = wrapped(docs, args.seed)
    for name, filt, data, ctx in (("as they are", "on", docs, nullcontext()), ("inside page furniture", "on", inside, nullcontext()),
                                  ("inside page furniture", "off", inside, filter_off())):
        with ctx:
            report = evaluate_data(data, clf)
        print(row(name, filt, s=report.scores))
    touched = sum(bool(boilerplate_spans(t)) for t in docs["text"])
    print(f"\nThe filter blanks lines in {touched} of the {len(docs)} documents as they are (before any furniture is added).")
    print(f"\n({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
