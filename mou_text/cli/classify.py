"""``mou-text classify PATHS... --out results.csv``: tag a folder of reports with the MOU's areas.

One row per file (path, lang, area scores, labels, primary area, evidence as JSON text). A file that
cannot be read gets its message in the ``error`` column and the batch goes on. The output file is
written atomically: it appears complete or not at all. Exit code 0, or 1 when every file failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

#: Output formats by extension.
FORMATS = (".csv", ".xlsx", ".jsonl")


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("classify", help="tag documents with the MOU's cooperation areas", description=__doc__)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively for .txt .md .docx .pdf .html)")
    p.add_argument("--out", "-o", help="results file: .csv, .xlsx or .jsonl (default: a table on stdout)")
    p.add_argument("--model", help="a head saved with AreaClassifier.save() (default: the shipped head)")
    p.add_argument("--zero-shot", action="store_true", help="prototypes only, ignore the shipped head")
    p.add_argument("--threshold", type=float, help="one threshold for every area instead of the calibrated ones")
    p.add_argument("--encoder", help="encoder: use (default), st, st:<model>, fake")
    p.add_argument("--lang", choices=["en", "es"], help="the documents' language (default: detect per file)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    return p


def collect(paths: list[str]) -> list[Path]:
    """Files to classify, in a stable order: named files as given, folders walked recursively."""
    from ..readers import SUPPORTED

    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith(".")) if path.is_dir() else [path]
        for p in found:
            if p not in seen:
                seen.add(p)
                out.append(p)
    return out


def run(args: argparse.Namespace) -> int:
    from ..classify import AreaClassifier, public_mode
    from ..errors import ConfigError
    from ._common import table

    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in FORMATS:
        raise ConfigError("--out", f"'{out.suffix or out.name}' is not an output format", f"name the file with one of {', '.join(FORMATS)}")
    files = collect(args.paths)
    if not files:
        raise ConfigError("mou-text classify", "no .txt .md .docx .pdf or .html files were found", "check the paths, or pass files directly")
    if args.model:
        clf = AreaClassifier.load(args.model, encoder=args.encoder)
    else:
        clf = AreaClassifier.default(args.encoder, model=None if args.zero_shot else "auto")

    rows = list(_rows(clf, files, args))
    df = _frame(rows, clf.areas)
    df.attrs["signature"] = clf.signature(clf._thresholds(args.threshold))
    if out is not None:
        public_mode(write(df, out))
    else:
        print(table(df, ["path", "lang", "labels", "primary", "error"], {"lang": 4, "primary": 9}))
    errors = int(df["error"].astype(bool).sum())
    counts = Counter(a for labels in df["labels"] for a in labels.split(";") if a)
    none = int(((df["labels"] == "") & ~df["error"].astype(bool)).sum())
    summary = ", ".join(f"{a} {counts.get(a, 0)}" for a in clf.areas)
    stream = sys.stdout if out is not None else sys.stderr
    print(f"{len(df)} files: {summary}, none of the areas {none}, errors {errors}" + (f" → {out}" if out else ""), file=stream)
    return 1 if errors == len(df) else 0


def _rows(clf: Any, files: list[Path], args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    from tqdm import tqdm

    stream = clf.predict_iter(files, threshold=args.threshold, lang=args.lang, errors="coerce")
    bar = tqdm(stream, total=len(files), unit="file", file=sys.stderr, disable=args.no_progress, desc="classify")
    for pred in bar:
        row: dict[str, Any] = {"path": pred.path, "lang": pred.lang}
        row.update({a: (None if pred.error else pred.scores[a]) for a in clf.areas})
        row["labels"] = ";".join(pred.labels)
        row["primary"] = pred.primary
        row["evidence"] = json.dumps([e.to_dict() for e in pred.evidence], ensure_ascii=False)
        row["error"] = pred.error or ""
        yield row


def _frame(rows: list[dict[str, Any]], areas: tuple[str, ...]) -> Any:
    import pandas as pd

    cols = ["path", "lang", *areas, "labels", "primary", "evidence", "error"]
    return pd.DataFrame(rows, columns=cols)


def write(df: Any, out: Path) -> Path:
    """CSV (UTF-8 with BOM so Excel shows accents), XLSX (with a signature sheet) or JSON lines."""
    from ._common import atomic_write

    suffix = out.suffix.lower()
    signature = df.attrs.get("signature", {})
    if suffix == ".csv":
        return atomic_write(out, lambda p: df.to_csv(p, index=False, encoding="utf-8-sig"))
    if suffix == ".jsonl":

        def lines(p: Path) -> None:
            with open(p, "w", encoding="utf-8") as fh:
                for rec in df.to_dict(orient="records"):
                    rec["labels"] = [a for a in rec["labels"].split(";") if a]
                    rec["evidence"] = json.loads(rec["evidence"])
                    rec["signature"] = signature
                    fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")

        return atomic_write(out, lines)

    def xlsx(p: Path) -> None:
        import pandas as pd

        with pd.ExcelWriter(p, engine="openpyxl") as writer:
            df.to_excel(writer, sheet_name="areas", index=False)
            pd.DataFrame([{"key": k, "value": json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v} for k, v in signature.items()]).to_excel(
                writer, sheet_name="signature", index=False
            )

    return atomic_write(out, xlsx)
