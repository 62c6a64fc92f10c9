"""How much of the wrong-sense table faithful texts exercise, and what it flags on them.

    python benchmarks/senses_coverage.py                          # the bundled MOU pair + ../shared/real
    python benchmarks/senses_coverage.py --dir /path/to/more/real # more pairs (name_en.txt / name_es.txt)

A trap is *exercised* by a pair when its term occurs in the text of its source language: the rule then
reads that clause and must stay silent unless the rendering is wrong. For each pair: the traps
exercised, and the ``wrong_sense`` findings of ``mou_text.check(..., checks=["senses"])`` with their
words (on a faithful text every one is a false alarm, unless the pair lists it as a known difference in
``check_real.py``). Texts are read in place, never copied.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_real import REAL, pairs_in

from mou_text import check, parse
from mou_text.lang import fold, sense_traps


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", action="append", type=Path, help="more folders of name_en.txt/name_es.txt pairs")
    ap.add_argument("--encoder", default="use")
    args = ap.parse_args()

    root = Path(__file__).resolve().parents[1]
    jobs = [("mou (bundled)", root / "corpora" / "mou" / "en.md", root / "corpora" / "mou" / "es.md")]
    for folder in [REAL, *(args.dir or [])]:
        if folder.is_dir():
            jobs += [(name, folder / f"{name}_en.txt", folder / f"{name}_es.txt") for name in pairs_in(folder)]
    traps = sense_traps()
    exercised: set[str] = set()
    print(f"{len(traps)} traps ({sum(t.source == 'en' for t in traps)} EN terms, {sum(t.source == 'es' for t in traps)} ES terms)\n")
    print("| pair | traps exercised | wrong_sense findings |\n|---|---:|---|")
    for name, en_path, es_path in jobs:
        en, es = parse(en_path, lang="en"), parse(es_path, lang="es")
        texts = {"en": fold(en.text), "es": fold(es.text)}
        here = {t.id for t in traps if t.term.search(texts[t.source])}
        exercised |= here
        found = check(en, es, encoder=args.encoder, checks=["senses"]).findings
        words = "; ".join(f"{f.en_id}: {f.en_text} ↔ {f.es_text}" for f in found) or "none"
        print(f"| {name} | {len(here)} | {len(found)} ({words}) |")
    print(f"\nTraps exercised by at least one pair: {len(exercised)} of {len(traps)}.")


if __name__ == "__main__":
    main()
