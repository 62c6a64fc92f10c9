"""How the structural parser reads real official EN/ES legal texts: nodes per kind, and pairing by id.

For every ``<name>_en.txt`` / ``<name>_es.txt`` pair in the given folders (default: ``../shared/real``,
read in place, never copied), it prints the node count per kind in each language, how many clause
pairs the id pairing makes, the share of them with both sides (``paired``), the share paired by the
very same id (``by id``, i.e. not by the positional fallback), and how many nodes are still anonymous
preamble paragraphs (``preamble.pN``: the parser found no structure there).

    python benchmarks/parse_real.py [folder ...] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mou_text import pair, parse

SHARED = ROOT.parent / "shared" / "real"


def measure(en_path: Path, es_path: Path) -> dict:
    en, es = parse(en_path, lang="en"), parse(es_path, lang="es")
    par = pair(en, es)
    both = [p for p in par if p.status == "paired"]
    by_id = [p for p in both if p.method == "id"]
    sections = {
        lang: sorted(n.section for n in doc.select("heading") if n.id.endswith(".heading") and n.area is None and n.section is not None)
        for lang, doc in (("en", en), ("es", es))
    }
    return {
        "en_kinds": dict(Counter(n.kind for n in en)),
        "es_kinds": dict(Counter(n.kind for n in es)),
        "pairs": len(par),
        "paired": len(both),
        "paired_by_id": len(by_id),
        "paired_share": round(len(both) / len(par), 4) if len(par) else 0.0,
        "by_id_share": round(len(by_id) / len(par), 4) if len(par) else 0.0,
        "anonymous": {lang: sum(bool(re.fullmatch(r"preamble\.p\d+", n.id)) for n in doc) for lang, doc in (("en", en), ("es", es))},
        "sections_en": len(sections["en"]),
        "sections_es": len(sections["es"]),
        "sections_shared": len(set(sections["en"]) & set(sections["es"])),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path, default=[SHARED])
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    results = {}
    for folder in args.folders:
        if not folder.is_dir():
            print(f"skip {folder}: not found")
            continue
        for en_path in sorted(folder.glob("*_en.txt")):
            es_path = en_path.with_name(en_path.name[:-7] + "_es.txt")
            if es_path.exists():
                results[en_path.name[:-7]] = measure(en_path, es_path)
    kinds = ["title", "preamble", "recital", "heading", "paragraph", "item", "bullet", "closing", "signature"]
    head = f"{'pair':20} {'lang':4} " + " ".join(f"{k[:5]:>5}" for k in kinds) + "  anon  pairs paired  by id  sect(en/es/shared)"
    print(head)
    for name, r in results.items():
        for lang in ("en", "es"):
            counts = " ".join(f"{r[f'{lang}_kinds'].get(k, 0):5d}" for k in kinds)
            tail = ""
            if lang == "en":
                tail = (
                    f"  {r['pairs']:5d} {r['paired_share']:6.1%} {r['by_id_share']:6.1%}"
                    f"  {r['sections_en']}/{r['sections_es']}/{r['sections_shared']}"
                )
            print(f"{name:20} {lang:4} {counts} {r['anonymous'][lang]:5d}{tail}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
