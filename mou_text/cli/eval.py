"""``mou-text eval [--split test] [--json]``: score the area classifier on the labelled corpus.

Compares zero-shot prototypes, the trained head, a TF-IDF baseline and cross-lingual transfer (EN
train → ES test) on one split: macro/micro-F1, per-area F1, macro-F1 per language, primary-area
accuracy and the share of negatives left empty. ``--save-head DIR`` instead trains the default head
on train+dev and saves it (this is how ``models/area-head`` is made).
"""

from __future__ import annotations

import argparse
import json
import sys


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("eval", help="evaluate the area classifier on the labelled corpus", description=__doc__)
    p.add_argument("--split", choices=["dev", "test"], default="test", help="split to score (default: test; choose settings on dev)")
    p.add_argument("--systems", default="zero-shot,head,tfidf,xling", help="comma-separated: zero-shot, head, tfidf, xling (default: all)")
    p.add_argument("--encoder", help="encoder: use (default), st, st:<model>, fake")
    p.add_argument("--corpus", help="folder with part_*.jsonl and splits.json (default: corpora/labelled)")
    p.add_argument("--json", action="store_true", help="print scores and signature as JSON")
    p.add_argument("--save-head", metavar="DIR", help="train the default head on train+dev and save it to DIR, then exit")
    return p


def run(args: argparse.Namespace) -> int:
    from ..classify import evaluate, load_labelled

    if args.save_head:
        from ..classify import AreaClassifier

        train = load_labelled("train+dev", args.corpus)
        clf = AreaClassifier(args.encoder).fit(train["text"].tolist(), train["labels"].tolist())
        path = clf.save(args.save_head)
        print(f"saved {clf!r} trained on {len(train)} documents to {path}")
        print(json.dumps(clf.signature()["thresholds"]))
        return 0
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    report = evaluate(args.split, systems=systems, encoder=args.encoder, corpus=args.corpus, progress=not args.json)
    if args.json:
        json.dump({"split": report.split, "scores": report.scores, "signature": report.signature}, sys.stdout, indent=1, ensure_ascii=False, default=str)
        print()
    else:
        print(f"\nsplit: {report.split} (trained on {report.signature['trained_on']}), encoder: {report.signature['encoder']}")
        print(report.to_markdown())
    return 0
