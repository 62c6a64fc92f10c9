"""The content rule on real official translations: false alarms per 100 aligned clauses, known differences found.

Reads the official EN/ES pairs of ``../shared/real`` in place (never copied into the project) and runs
``mou_text.check`` with the content rule alone and with every rule, side by side with a CheckMate/
Xbench-style baseline for words added or dropped inside a segment: a segment whose length ratio
(ES/EN characters) lies more than 35% off the document's median ratio.

A major or critical finding is a *false alarm* unless its English clause holds one of the known real
differences listed in ``../shared/real/README.md`` (written below as words of those clauses, so the
figure does not depend on how the parser numbers clauses). "Known found" counts the README's
substantive differences that a content finding (major or worse) names.

    python benchmarks/content_real.py                 # markdown table (USE encoder)
    python benchmarks/content_real.py --pairs cc0     # one pair
    python benchmarks/content_real.py --extra DIR     # also pairs of another folder (development only)
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mou_text import check, parse  # noqa: E402
from mou_text.align import pair  # noqa: E402
from mou_text.check import SEVERITY_RANK  # noqa: E402

SHARED = ROOT.parent / "shared" / "real"
_CC4 = ["voluntary or waivable", "non-sublicensable", "makes no representations", "without permission",
        "disclaimer of warranties", "fullest extent possible", "Your use"]
#: Words of the English clauses holding a known real difference (README of ../shared/real).
KNOWN = {
    "ccby4": _CC4,
    "ccbynd4": _CC4 + ["NoDerivatives 4.0 International Public", "reproduce and Share the Licensed Material, in whole or in part"],
    "cc0": ["clearing rights", "no duty or obligation", "exclusive", "legal or equitable", "royalty-free"],
    "ccbysa4": _CC4,
    "ccbync4": _CC4,
    "ccbyigo3": ["waives the exclusive right", "reserves the exclusive right", "July 24, 1971"],
}
#: Substantive known differences a content finding should name: (pair, words of the English clause).
SUBSTANTIVE = {
    "ccby4": [], "ccbynd4": ["reproduce and Share the Licensed Material, in whole or in part"],
    "cc0": ["clearing rights", "no duty or obligation"], "ccbysa4": [], "ccbync4": [],
    "ccbyigo3": ["waives the exclusive right", "reserves the exclusive right"],
}
MAJOR = SEVERITY_RANK["major"]


def on_known(report, f, name: str) -> bool:
    en = report.en
    return any(k in en[i].text for i in (f.en_id or "").split("+") if i in en for k in KNOWN.get(name, []))


def baseline(en, es) -> tuple[int, list[str]]:
    """Segments (paired by id) whose length ratio is >35% off the document's median: count, English ids."""
    rows = [(p.en, p.es) for p in pair(en, es) if p.en is not None and p.es is not None]
    ratios = [math.log(max(1, len(b.text)) / max(1, len(a.text))) for a, b in rows]
    med = statistics.median(ratios) if ratios else 0.0
    flagged = [a.id for (a, _), r in zip(rows, ratios) if abs(r - med) > math.log(1.35)]
    return len(rows), flagged


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", nargs="*", help="pair names (default: every *_en.txt with a *_es.txt)")
    ap.add_argument("--extra", type=Path, help="another folder of pairs (same layout), for development")
    ap.add_argument("--encoder", default="use")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is not on this machine (the shared real texts are read in place)")
        return 0
    folders = [SHARED] + ([args.extra] if args.extra else [])
    jobs = [(f, p.name[:-7]) for f in folders for p in sorted(f.glob("*_en.txt")) if (f / f"{p.name[:-7]}_es.txt").exists()]
    if args.pairs:
        jobs = [(f, n) for f, n in jobs if n in args.pairs]
    lines = ["| pair | aligned clauses | content major+ | content FA | FA/100 | known found (content) | all rules major+ | "
             "all rules FA/100 | baseline flagged | baseline FA/100 |", "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|"]
    tot = [0, 0, 0, 0, 0]
    t0 = time.perf_counter()
    for folder, name in jobs:
        en = parse(folder / f"{name}_en.txt", lang="en")
        es = parse(folder / f"{name}_es.txt", lang="es")
        report = check(en, es, encoder=args.encoder)
        clauses = sum(1 for p in report.pairs if p.en and p.es)
        content = [f for f in report.at_least("major") if f.check == "content"]
        fa = [f for f in content if not on_known(report, f, name)]
        all_fa = [f for f in report.at_least("major") if not on_known(report, f, name)]
        found = [k for k in SUBSTANTIVE.get(name, [])
                 if any(k in report.en[i].text for f in content for i in (f.en_id or "").split("+") if i in report.en)]
        n_seg, flagged = baseline(en, es)
        base_fa = [i for i in flagged if not any(k in en[i].text for k in KNOWN.get(name, []))]
        known = f"{len(found)}/{len(SUBSTANTIVE.get(name, []))}" if name in SUBSTANTIVE else "–"
        lines.append(f"| {name} | {clauses} | {len(content)} | {len(fa)} | {100 * len(fa) / max(1, clauses):.1f} | {known} | "
                     f"{len(report.at_least('major'))} | {100 * len(all_fa) / max(1, clauses):.1f} | {len(flagged)} | "
                     f"{100 * len(base_fa) / max(1, n_seg):.1f} |")
        if name in KNOWN:  # faithful official translations (UPAEP is two editions: not counted)
            tot = [tot[0] + clauses, tot[1] + len(fa), tot[2] + len(all_fa), tot[3] + n_seg, tot[4] + len(base_fa)]
    lines.append(f"| **faithful pairs** | **{tot[0]}** | | **{tot[1]}** | **{100 * tot[1] / max(1, tot[0]):.1f}** | | | "
                 f"**{100 * tot[2] / max(1, tot[0]):.1f}** | | **{100 * tot[4] / max(1, tot[3]):.1f}** |")
    print(f"# Content rule on real official translations ({time.perf_counter() - t0:.0f} s, encoder {args.encoder})\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
