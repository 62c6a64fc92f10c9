"""The review loop, measured: does the corrected head beat the shipped one, and does review pick the errors?

    python benchmarks/review_loop.py [--encoder use] [--work DIR]

1. **Corrections.** ``mou-text classify`` on the twelve sample reports plus the ten review-loop reports
   of ``tests/data/reports`` (EN/ES, written for the project), ``mou-text review --all``, the hand
   labels of both ``labels.csv`` files entered as the reviewer's answers, ``mou-text fit``: prints the
   held-out comparison ``fit`` prints (each corrected document scored by a head that never saw it).
2. **Selection.** On the real-world development set (``../shared/eval/classify_dev.jsonl``, read in
   place; skipped when absent; never trained on), the shipped head's predictions and which of its
   wrong label sets ``mou-text review``'s rule selects, at the default margins and two others.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "eval" / "classify_dev.jsonl"


def truth() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in (ROOT / "corpora/samples/reports/labels.csv", ROOT / "tests/data/reports/labels.csv"):
        with open(f, encoding="utf-8") as fh:
            out.update({r["file"]: [x for x in r["labels"].split(";") if x] for r in csv.DictReader(fh)})
    return out


def corrections(work: Path, encoder: list[str]) -> None:
    from openpyxl import load_workbook

    from mou_text.cli import main

    folder = work / "reports"
    shutil.copytree(ROOT / "corpora/samples/reports", folder, ignore=shutil.ignore_patterns("*.csv"))
    shutil.copytree(ROOT / "tests/data/reports", folder / "more", ignore=shutil.ignore_patterns("*.csv"))
    assert main(["classify", str(folder), "--out", str(work / "r.jsonl"), "--no-progress", *encoder]) == 0
    assert main(["review", str(work / "r.jsonl"), "--out", str(work / "review.xlsx"), "--all"]) == 0
    gold = truth()
    wb = load_workbook(work / "review.xlsx")
    ws = wb["review"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        labels = gold[Path(row[0].value).name]
        for a in ("economic", "social", "security", "justice"):
            row[next(i for i, h in enumerate(header) if h.startswith(f"{a} ·"))].value = int(a in labels)
        row[header.index("reviewed · revisado (x)")].value = "x"
    wb.save(work / "review.xlsx")
    assert main(["fit", str(work / "review.xlsx"), "--out", str(work / "head"), *encoder]) == 0


def selection(encoder: str | None) -> None:
    import pandas as pd

    import mou_text
    from mou_text.classify import review_reasons

    if not SHARED.exists():
        print(f"\nselection: skipped ({SHARED} is not here)")
        return
    rows = [json.loads(line) for line in SHARED.read_text(encoding="utf-8").splitlines() if line.strip()]
    key = {"econ": "economic", "social": "social", "security": "security", "justice": "justice"}
    gold = [{key[x] for x in r["labels"]} for r in rows]
    clf = mou_text.AreaClassifier.default(encoder)
    pred = clf.predict(pd.DataFrame({"text": [r["text"] for r in rows]}))
    print(f"\nselection on {len(rows)} real-world items ({SHARED.name}), shipped head, encoder {clf.encoder.name}:")
    print("| margin | confident | selected | wrong label sets | wrong ones selected | selected, abstentions aside |")
    print("|---|---|---|---|---|---|")
    for margin, confident in ((0.1, 0.6), (0.05, 0.5), (0.2, 0.7)):
        sel = wrong = caught = sel_no_abst = 0
        for (_, p), g in zip(pred.iterrows(), gold):
            reasons = review_reasons({a: p[a] for a in clf.areas}, p["labels"], clf.thresholds, margin=margin, confident=confident)
            err = set(p["labels"]) != g
            sel += bool(reasons)
            sel_no_abst += bool(set(reasons) - {"abstained"})
            wrong += err
            caught += err and bool(reasons)
        print(f"| {margin} | {confident} | {sel} | {wrong} | {caught} | {sel_no_abst} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--encoder", help="use (default), fake, st:<model>")
    ap.add_argument("--work", help="keep the run's files here (default: a temporary folder)")
    args = ap.parse_args()
    encoder = ["--encoder", args.encoder] if args.encoder else []
    if args.work:
        Path(args.work).mkdir(parents=True, exist_ok=True)
        corrections(Path(args.work), encoder)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            corrections(Path(tmp), encoder)
    selection(args.encoder)


if __name__ == "__main__":
    main()
