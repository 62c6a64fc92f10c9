"""``mou-text eval [--split test] [--corpus DIR] [--json]``: score the area classifier on a labelled corpus
split — by default ``corpora/grounded``, the real-grounded corpus the shipped head is trained on (it is in
the wheel); ``--corpus corpora/labelled`` scores the invented corpus, the second domain.

``mou-text eval --data FILE``: score it on any labelled JSONL/CSV/XLSX (columns ``text``, ``labels``
as a list or ``a;b`` / ``a, b``, optional ``lang`` and ``id``; ``econ``, ``justicia``, ``none`` and
the like are accepted): macro/micro-F1, per area (with TP/FP/FN/TN) and per language, primary
accuracy, positives left empty, negatives kept empty, the primary confusion and the signature.
``--model DIR`` scores another saved head, ``--model zero-shot`` the prototypes alone.

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
    p = sub.add_parser("eval", help="evaluate the area classifier on a labelled corpus split or file", description=__doc__)
    p.add_argument("--split", choices=["dev", "test"], default="test", help="split to score (default: test; choose settings on dev)")
    p.add_argument("--systems", default="zero-shot,head,tfidf,xling", help="comma-separated: zero-shot, head, tfidf, xling (default: all)")
    p.add_argument("--encoder", help="encoder: use (default), st, st:<model>, fake")
    p.add_argument("--corpus", help="folder with part_*.jsonl and splits.json (default: corpora/grounded, the shipped head's own "
                   "corpus; corpora/labelled is the invented one)")
    p.add_argument("--json", action="store_true", help="print scores and signature as JSON")
    p.add_argument("--data", metavar="FILE", help="score the classifier on this labelled JSONL/CSV/XLSX instead of the corpus split")
    p.add_argument("--model", metavar="DIR", help="with --data: a saved head folder, or 'zero-shot' (default: the shipped head)")
    p.add_argument("--save-head", metavar="DIR", help="train the default head on train+dev of --corpus and save it to DIR, then exit (models/area-head: the default corpus)")
    return p


def run(args: argparse.Namespace) -> int:
    from ..classify import SHIPPED_RECIPE, evaluate, load_labelled

    if args.data:
        return _run_data(args)
    if args.corpus is None:
        from ..resources import data_path

        # The real-grounded corpus is what the shipped head is trained on and ships in the wheel, so the
        # default table scores the shipped head on its own held-out split from an installed package too.
        args.corpus = data_path("corpora", "grounded")
    if args.save_head:
        from ..classify import AreaClassifier

        train = load_labelled("train+dev", args.corpus)
        clf = AreaClassifier(args.encoder).fit(train["text"].tolist(), train["labels"].tolist(), **SHIPPED_RECIPE)
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


def _run_data(args: argparse.Namespace) -> int:
    from ..classify import AreaClassifier, evaluate_data

    model = args.model or "auto"
    clf = AreaClassifier.default(args.encoder, model=None if model == "zero-shot" else model)
    report = evaluate_data(args.data, clf)
    if args.json:
        body = {"data": report.source, "scores": report.scores, "per_area": report.per_area, "per_lang": report.per_lang,
                "primary_confusion": report.primary_confusion, "signature": report.signature}
        json.dump(body, sys.stdout, indent=1, ensure_ascii=False, default=str)
        print()
    else:
        sig = report.signature
        print(f"\ndata: {report.source} ({int(report.scores['n'])} documents), classifier: {clf!r}")
        print(report.to_markdown())
        print(f"\nsignature: {json.dumps(dict(sig), ensure_ascii=False, default=str)}")
    return 0
