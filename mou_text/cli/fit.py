"""``mou-text fit FILES... --out my-head/``: train a head on a reviewer's corrections, and say whether it helped.

FILES are review workbooks answered by a person (from ``mou-text review``) and any other labelled
files: .jsonl with ``text`` (or ``path``) and ``labels`` (a list of area keys) per line, or .csv/.xlsx
with ``text`` or ``path`` and a ``labels`` column (``;``-separated keys, empty for none). The head is
trained on them plus the shipped head's own training data (the real-grounded corpus's train+dev split,
``corpora/grounded``; ``--no-base`` for the corrections alone), so the new head starts from what the
shipped one knows about real documents. Before saving, it prints cross-validated figures on the corrected
documents — each scored by a head trained without it — next to the head you had (the shipped one,
or ``--before DIR``). Use the result with ``mou-text classify ... --model my-head/``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path



def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("fit", help="train a head on reviewed corrections and other labelled files", description=__doc__)
    p.add_argument("files", nargs="+", metavar="FILE", help="answered review workbooks (.xlsx) and labelled files (.jsonl, .csv, .xlsx)")
    p.add_argument("--out", "-o", required=True, help="folder to save the head in (then: mou-text classify --model DIR)")
    p.add_argument("--no-base", action="store_true", help="train on these files alone, without the shipped training data")
    p.add_argument("--corpus", help="the base training data's folder (default: corpora/grounded, what the shipped head was trained on)")
    p.add_argument("--before", metavar="DIR", help="the head to compare with (default: the shipped head for this encoder)")
    p.add_argument("--encoder", help="encoder: use (default), st, st:<model>, fake")
    p.add_argument("--folds", type=int, default=5, help="cross-validation folds over the corrected documents (default 5)")
    p.add_argument("--seed", type=int, default=0, help="seed of the folds")
    p.add_argument("--weight", default="auto", help="how many times a correction counts next to one base example (default auto: together about a quarter of the base, at most 10 each)")
    return p


def labelled_examples(path: Path, areas: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    """(key, text, labels) of every labelled document in one file."""
    import pandas as pd

    from ..errors import ConfigError
    from ._review_book import review_answers
    from ._sources import source_text

    if not path.is_file():
        raise ConfigError(f"labelled file '{path}'", "it does not exist", "check the path", path=path, code="E255")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        answers = review_answers(path, areas)
        if answers is not None:
            return [(key, source_text(key, path.parent), labels) for key, labels in answers]
        df = pd.read_excel(path, dtype=str, keep_default_na=False)
    elif suffix == ".csv":
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    elif suffix == ".jsonl":
        df = pd.DataFrame([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
    else:
        raise ConfigError(f"labelled file '{path}'", f"'{suffix}' is not a labelled format", "pass a review workbook (.xlsx), or .jsonl/.csv/.xlsx with text (or path) and labels", path=path, code="E254")
    if "labels" not in df.columns or not ({"text", "path"} & set(df.columns)):
        raise ConfigError(f"labelled file '{path}'", f"it needs a 'labels' column and a 'text' or 'path' column (it has {', '.join(map(str, df.columns[:8]))})",
                          "add them, or pass a review workbook written by mou-text review", path=path, code="E253")
    out = []
    for n, row in enumerate(df.to_dict("records"), 1):
        labels = row["labels"] if isinstance(row["labels"], list) else [x.strip() for x in str(row["labels"] or "").split(";") if x.strip()]
        text = row.get("text") if isinstance(row.get("text"), str) and row.get("text", "").strip() else None
        key = str(row.get("id") or row.get("path") or f"{path}#{n}")
        out.append((key, text if text is not None else source_text(str(row["path"]), path.parent), labels))
    return out


def _whole(value: str) -> int:
    from ..errors import ConfigError

    try:
        return int(value)
    except ValueError:
        raise ConfigError("--weight", f"{value!r} is not a whole number", "pass auto, 1 or more", code="E204") from None


def run(args: argparse.Namespace) -> int:
    from .._io import atomic_write_text
    from ..classify import AreaClassifier, area_keys, fit_corrections, load_labelled
    from ..errors import ModelError
    from ..resources import data_path

    areas = area_keys()
    examples: dict[str, tuple[str, list[str]]] = {}
    for f in args.files:
        for key, text, labels in labelled_examples(Path(f), areas):
            examples[key] = (text, labels)  # a later file's answer for the same document wins
    base = None
    if not args.no_base:
        try:
            train = load_labelled("train+dev", args.corpus or data_path("corpora", "grounded"))
            base = (train["text"].tolist(), train["labels"].tolist())
        except ModelError as exc:
            print(f"mou-text fit: note: no shipped training data ({exc.cause}); training on the given files alone", file=sys.stderr)
    before = AreaClassifier.load(args.before, encoder=args.encoder) if args.before else None
    texts = [t for t, _ in examples.values()]
    labels = [ls for _, ls in examples.values()]
    print(f"training on {len(texts)} corrected documents" + (f" + {len(base[0])} of the shipped training data" if base else ""), file=sys.stderr)
    clf, comparison = fit_corrections(texts, labels, base=base, encoder=args.encoder, before=before, folds=args.folds, seed=args.seed,
                                     weight=args.weight if args.weight == "auto" else _whole(args.weight))
    path = clf.save(args.out)
    atomic_write_text(Path(path) / "corrections.json", json.dumps({"figures": comparison.figures, "corrected": comparison.n_corrected,
                                                                 "base": comparison.n_base, "folds": comparison.folds}, indent=1) + "\n")
    print(comparison.summary())
    verdict = "better than" if comparison.improved else "not better than"
    print(f"the new head is {verdict} the one you had on these documents; saved to {path} — use it with: mou-text classify ... --model {path}")
    return 0


