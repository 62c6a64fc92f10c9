"""Major findings of ``mou_text.check`` on real CAT files, split by what raised them.

For each bilingual file (``../shared/cat`` by default, read in place; ``--dir DIR`` for more):
units, major-or-critical findings, how many of them are the units' own state (an empty target, an
untranslated unit, message keys as sources: the file says so itself), the rest — raised by the
rules that read meaning (negation, modality, names, key nouns…), each of which a reviewer must read —
and the critical ones. The rule column is what the round-8 floor of ``tests/test_check_units_real.py``
holds down on ``../shared/cat`` (docs/benchmarks.md).

    python benchmarks/check_cat_findings.py
    python benchmarks/check_cat_findings.py --dir /tmp/extra_cat --details
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import mou_text
from mou_text.interchange import pair_from_file

SHARED = ROOT.parent / "shared" / "cat"
#: Findings that report a unit's state, not a reading of its meaning.
UNIT_STATE = {"empty_target", "untranslated", "source_keys"}
PATTERNS = ("*.xlf", "*.xliff", "*.sdlxliff", "*.mqxliff", "*.tmx", "*.po")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=SHARED, help="folder of bilingual files (default ../shared/cat)")
    ap.add_argument("--details", action="store_true", help="list every major rule finding with both units' words")
    args = ap.parse_args()
    files = sorted(f for pat in PATTERNS for f in args.dir.glob(pat))
    if not files:
        sys.exit(f"no bilingual files (.xlf .xliff .tmx …) in {args.dir}: pass --dir with a folder that has some")
    print("| file | units | major+ | of them the units' state | from the rules | critical |\n|---|---:|---:|---:|---:|---:|")
    details = []
    for f in files:
        par = pair_from_file(f)
        report = mou_text.check(par, progress=False)
        major = [x for x in report.findings if x.severity in ("major", "critical")]
        rules = [x for x in major if x.kind not in UNIT_STATE]
        crit = sum(x.severity == "critical" for x in report.findings)
        print(f"| {f.name} | {len(par.pairs)} | {len(major)} | {len(major) - len(rules)} | {len(rules)} | {crit} |")
        details += [(f.name, x) for x in rules]
    if args.details:
        print()
        for name, x in details:
            print(f"- {name} [{x.severity} {x.kind}] EN {x.en_text!r} | ES {x.es_text!r}")
        print("\nby kind: " + ", ".join(f"{k} {n}" for k, n in Counter(x.kind for _, x in details).most_common()))


if __name__ == "__main__":
    main()
