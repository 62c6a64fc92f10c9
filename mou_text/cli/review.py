"""``mou-text review RESULTS --out review.xlsx``: the documents a person should look at, in a workbook to answer in.

RESULTS is the --out file of ``mou-text classify`` (.csv, .jsonl or .xlsx). A document is selected when
a score sits within ``--margin`` of its area's threshold (or over it, for an area the second-label margin
held back; ``--margin 0`` turns this reason off), when an area was given with a score under
``--confident``, when no area was given, or (with ``--previous OLD``) when its areas differ from an
earlier run's. The workbook has one row per selected document, the most undecided first: why it was
selected, the scores, the evidence, and one column per area holding the proposal as 1/0 to confirm
or overwrite; an instructions sheet says how (in English and Spanish). Give the answered workbook to
``mou-text fit`` to train a head on the corrections.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from ..classify import REVIEW_CONFIDENT as CONFIDENT
    from ..classify import REVIEW_MARGIN as MARGIN

    p = sub.add_parser("review", help="pick the results a person should confirm, into a workbook to answer in", description=__doc__)
    p.add_argument("results", metavar="RESULTS", help="the --out file of mou-text classify (.csv, .jsonl or .xlsx)")
    p.add_argument("--out", "-o", required=True, help="the review workbook to write (.xlsx)")
    p.add_argument("--previous", metavar="OLD", help="results of an earlier run: documents whose areas changed are selected too")
    p.add_argument("--margin", type=float, default=MARGIN, help=f"a score this close to its threshold is near it (default {MARGIN})")
    p.add_argument("--confident", type=float, default=CONFIDENT, help=f"an area given with a score under this is low confidence (default {CONFIDENT})")
    p.add_argument("--all", action="store_true", help="every readable document, not only those that need a look")
    p.add_argument("--limit", type=int, help="at most this many rows (the most undecided first)")
    p.add_argument("--model", help="the head the results were made with, for its thresholds when RESULTS is a CSV (default: the shipped head)")
    p.add_argument("--lang", choices=["en", "es"], default="en", help="language of the workbook's texts (headers are in both)")
    return p


def _thresholds(sig: dict[str, Any] | None, areas: tuple[str, ...], model: str | None) -> dict[str, float]:
    from ..errors import ModelError
    from ..resources import data_path

    if sig and sig.get("thresholds"):
        return {a: float(sig["thresholds"][a]) for a in areas}
    try:
        path = Path(model) if model else data_path("models", "area-head")
        saved = json.loads((path / "signature.json").read_text(encoding="utf-8"))
        print(f"mou-text review: note: the results record no thresholds (a CSV): using those of {path}", file=sys.stderr)
        return {a: float(saved["thresholds"][a]) for a in areas}
    except (OSError, KeyError, ValueError, ModelError):
        print("mou-text review: note: no thresholds recorded or found: using 0.5 for every area", file=sys.stderr)
        return dict.fromkeys(areas, 0.5)


def _absolute(key: str) -> str:
    """A key that still finds its document from wherever the workbook is used."""
    table, sep, rid = key.rpartition("#")
    if Path(key).is_file():
        return str(Path(key).resolve())
    if sep and Path(table).is_file():
        return f"{Path(table).resolve()}#{rid}"
    return key


def run(args: argparse.Namespace) -> int:
    from ..classify import review_reasons
    from ..errors import ConfigError
    from ._review_book import read_results, write_review

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise ConfigError("--out", f"'{out.name}' is not a workbook", "name the review file with .xlsx", code="E256")
    records, sig, areas = read_results(Path(args.results))
    thresholds = _thresholds(sig, areas, args.model)
    previous = None
    if args.previous:
        old, _, _ = read_results(Path(args.previous))
        previous = {r["path"]: r["labels"] for r in old if not r["error"]}
    rows = []
    for rec in records:
        if rec["error"]:
            continue
        scores = {a: rec[a] for a in areas}
        reasons = review_reasons(scores, rec["labels"], thresholds, previous=previous.get(rec["path"]) if previous else None,
                                 margin=args.margin, confident=args.confident)
        if reasons or args.all:
            closeness = min(abs(float(s) - thresholds[a]) for a, s in scores.items() if s is not None)
            rows.append({**rec, "reasons": reasons, "_closeness": closeness})
    rows.sort(key=lambda r: (not r["reasons"], "disagreement" not in r["reasons"], r["_closeness"]))
    if args.limit is not None:
        rows = rows[: max(0, args.limit)]
    for r in rows:
        r["path"] = _absolute(r["path"])
    settings = {"results": str(Path(args.results).resolve()), "thresholds": thresholds, "margin": args.margin, "confident": args.confident,
                "previous": args.previous or "", "signature": sig or {}}
    write_review(out, rows, areas, args.lang, settings)
    why = Counter(x for r in rows for x in r["reasons"])
    readable = sum(1 for r in records if not r["error"])
    shown = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in why.items()) or "none"
    print(f"{len(rows)} of {readable} documents to review ({shown}) → {out}")
    return 0
