"""Write N MOU-sized EN/ES agreement pairs: variants of the bundled MOU, for batch benchmarks.

    python benchmarks/make_pairs.py OUT_DIR [--n 100] [--seed 16]

Writes ``OUT_DIR/en/agreement_NNN_EN.md`` and ``OUT_DIR/es/agreement_NNN_ES.md``. Each pair takes the
signed English text and, as its Spanish side, either the signed Spanish text (three pairs in four) or
one of the altered versions of ``corpora/altered`` (so a batch holds both conformant and divergent
pairs), then changes both sides the same way: the signatories (invented names), the place and date of
signature (a bilingual table of cities, days, months and years) and the order of the bullets of every
list whose length agrees on both sides. Generated on demand, never committed.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MOU = ROOT / "corpora" / "mou"
ALTERED = ROOT / "corpora" / "altered"

SIGNATORIES = [
    "Margaret Ellis Warren", "Laura Beatriz Ochoa R.", "Thomas J. Whitfield", "Ana Sofía Villaseñor M.",
    "Catherine Doyle Brennan", "Roberto Saldívar T.", "Susan K. Albright", "María Elena Cárdenas V.",
]
CITIES = [("Washington, D.C.", "Washington, D.C."), ("Mexico City", "la Ciudad de México"), ("New York", "Nueva York"),
          ("Monterrey", "Monterrey"), ("Guadalajara", "Guadalajara")]
DAYS = [("first", "uno"), ("fifth", "cinco"), ("ninth", "nueve"), ("twelfth", "doce"), ("eighteenth", "dieciocho"),
        ("twentieth", "veinte"), ("twenty-fifth", "veinticinco")]
MONTHS = [("January", "enero"), ("March", "marzo"), ("May", "mayo"), ("June", "junio"), ("September", "septiembre"),
          ("November", "noviembre")]
YEARS = [("ten", "diez"), ("eleven", "once"), ("twelve", "doce"), ("fourteen", "catorce"), ("fifteen", "quince"),
         ("sixteen", "dieciséis"), ("eighteen", "dieciocho")]

EN_DATE = re.compile(r"Signed in Washington, D\.C\., in duplicate, this eighteenth day of September, two thousand and twelve,")
ES_DATE = re.compile(r"Firmado en Washington, D\.C\., el dieciocho de septiembre de dos mil doce,")
SIGNED = "Hillary Rodham Clinton Patricia Espinosa C."


def _lists(lines: list[str]) -> list[list[int]]:
    """Line numbers of each bullet list (``- `` lines, blank lines allowed inside a list)."""
    groups: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if line.startswith("- ") and not re.match(r"- [ivxlc]+\. ", line):  # labelled items keep their order
            current.append(i)
        elif line.strip() and current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _permute_lists(en: str, es: str, rng: random.Random) -> tuple[str, str]:
    en_lines, es_lines = en.split("\n"), es.split("\n")
    en_groups, es_groups = _lists(en_lines), _lists(es_lines)
    if [len(g) for g in en_groups] != [len(g) for g in es_groups]:
        return en, es  # an altered Spanish side with a list of another length: keep both orders
    for ge, gs in zip(en_groups, es_groups):
        order = list(range(len(ge)))
        rng.shuffle(order)
        new_en = [en_lines[ge[k]] for k in order]
        new_es = [es_lines[gs[k]] for k in order]
        for idx, line in zip(ge, new_en):
            en_lines[idx] = line
        for idx, line in zip(gs, new_es):
            es_lines[idx] = line
    return "\n".join(en_lines), "\n".join(es_lines)


def variant(i: int, rng: random.Random) -> tuple[str, str]:
    en = (MOU / "en.md").read_text(encoding="utf-8")
    altered = sorted(ALTERED.glob("altered_*.md"))
    es_path = altered[(i // 4) % len(altered)] if i % 4 == 3 else MOU / "es.md"
    es = es_path.read_text(encoding="utf-8")
    a, b = rng.sample(SIGNATORIES, 2)
    en, es = en.replace(SIGNED, f"{a} {b}"), es.replace(SIGNED, f"{a} {b}")
    if EN_DATE.search(en) and ES_DATE.search(es):
        (city_en, city_es), (day_en, day_es), (mon_en, mon_es), (yr_en, yr_es) = (
            rng.choice(CITIES), rng.choice(DAYS), rng.choice(MONTHS), rng.choice(YEARS))
        en = EN_DATE.sub(f"Signed in {city_en}, in duplicate, this {day_en} day of {mon_en}, two thousand and {yr_en},", en)
        es = ES_DATE.sub(f"Firmado en {city_es}, el {day_es} de {mon_es} de dos mil {yr_es},", es)
    return _permute_lists(en, es, rng)


def make_pairs(out_dir: str | Path, n: int = 100, seed: int = 16) -> tuple[Path, Path]:
    out = Path(out_dir)
    en_dir, es_dir = out / "en", out / "es"
    en_dir.mkdir(parents=True, exist_ok=True)
    es_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    for i in range(n):
        en, es = variant(i, rng)
        (en_dir / f"agreement_{i:03d}_EN.md").write_text(en, encoding="utf-8")
        (es_dir / f"agreement_{i:03d}_ES.md").write_text(es, encoding="utf-8")
    return en_dir, es_dir


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=16)
    args = ap.parse_args()
    print(*make_pairs(args.out, args.n, args.seed))
