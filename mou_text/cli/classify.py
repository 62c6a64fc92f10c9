"""``mou-text classify PATHS... --out results.csv``: tag a folder of reports with the MOU's areas.

PATHS are files, folders, or tables of documents (.csv/.xlsx with a ``text`` or ``path`` column; their
other columns, such as year, grantee or state, are metadata the ``--html`` portfolio page groups by).

One row per file, in collection order (named files as given, folders walked in sorted order): path,
lang, the area scores, labels, primary area, evidence (JSON text in CSV and XLSX, a list in JSONL) and
error. A file that cannot be read gets its message in the ``error`` column and the batch goes on.

Files are read and scored lazily, in batches, so memory does not grow with the collection. With
``--out F`` every result is appended to ``F.partial`` as soon as it is known (JSON lines: a header with
the run's signature, then one record per file). ``F`` itself is written only at the end, atomically (it
appears complete or not at all), by streaming that file into CSV, XLSX or JSONL; ``F.partial`` is then
removed. After Ctrl-C or a crash ``F.partial`` stays: rerun the same command with ``--resume`` and the
files already in ``F.partial`` (or in a finished ``F``) are not classified again, files that had an
error are retried (their new row takes the old row's place), and ``F`` is byte for byte the file an
uninterrupted run writes. ``--resume`` refuses earlier results produced with other
settings (encoder, model, thresholds, --lang; a CSV records no signature, so its labels are checked
against the thresholds). Without ``--resume`` a leftover ``F.partial`` is
discarded and the run starts over. Exit code 0, 1 when every file failed, 130 when interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from ._results import FORMATS, PARTIAL_VERSION, WRITERS, append, final_records, note, open_partial, partial_path, record


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("classify", help="tag documents with the MOU's cooperation areas", description=__doc__)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively for .txt .md .docx .pdf .html)")
    p.add_argument("--out", "-o", help="results file: .csv, .xlsx or .jsonl (default: a table on stdout); results stream to OUT.partial until the run ends")
    p.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run: keep the results in OUT.partial (or a finished OUT), classify only the files "
        "not there yet and retry those that had an error; needs --out and the same options as the earlier run",
    )
    p.add_argument("--model", help="a head saved with AreaClassifier.save() (default: the shipped head)")
    p.add_argument("--zero-shot", action="store_true", help="prototypes only, ignore the shipped head")
    p.add_argument("--threshold", type=float, help="one threshold for every area instead of the calibrated ones")
    p.add_argument("--encoder", help="encoder: use (default), st, st:<model>, fake")
    p.add_argument("--lang", choices=["en", "es"], help="the documents' language (default: detect per file)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument("--html", metavar="FILE", help="also write the portfolio page: counts per area, language and metadata column, uncertain documents, evidence")
    p.add_argument("--report-lang", choices=["en", "es"], help="language of the portfolio page and the terminal table (default: --lang, else en)")
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
    from .._io import check_writable, is_stream, output_lock
    from ..classify import AreaClassifier
    from ..errors import ConfigError

    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in FORMATS:
        raise ConfigError("--out", f"'{out.suffix or out.name}' is not an output format", f"name the file with one of {', '.join(FORMATS)}", code="E229")
    if getattr(args, "resume", False) and out is None:
        raise ConfigError("--resume", "it continues the results of an earlier run with --out, and no --out was given", "add the --out file of the run to continue", code="E230")
    if out is not None:
        if is_stream(out):
            raise ConfigError("--out", f"'{out}' is a stream, and --out keeps a resumable OUT.partial beside a file", "name a regular file, or leave out --out for a table on stdout", code="E265")
        check_writable(out, f"--out '{out}'", create_folders=True)
        check_writable(partial_path(out), f"--out '{out}' (its {partial_path(out).name})", create_folders=True)
    from ._sources import collect_sources

    files = collect_sources(args.paths)
    if not files:
        raise ConfigError("mou-text classify", "no .txt .md .docx .pdf or .html files were found", "check the paths, or pass files directly", code="E231")
    if args.model and args.zero_shot:
        raise ConfigError("--zero-shot", "it cannot be combined with --model (a saved head is not zero-shot)", "drop one of the two options", code="E232")
    if args.model:
        clf = AreaClassifier.load(args.model, encoder=args.encoder)
    else:
        clf = AreaClassifier.default(args.encoder, model=None if args.zero_shot else "auto")
    # as JSON gives it back, so a signature read from an earlier run's file compares equal
    signature = json.loads(json.dumps(clf.signature(clf._thresholds(args.threshold)), default=str))
    if out is None:
        return _to_stdout(clf, files, args)
    with output_lock(out, f"--out '{out}'"):
        return _to_file(clf, files, args, out, signature)


class _Tally:
    """Running counts for the summary line, one record at a time."""

    def __init__(self, areas: tuple[str, ...]) -> None:
        self.areas = areas
        self.files = self.errors = self.none = 0
        self.labels: Counter[str] = Counter()

    def add(self, rec: dict[str, Any]) -> dict[str, Any]:
        self.files += 1
        if rec["error"]:
            self.errors += 1
        elif not rec["labels"]:
            self.none += 1
        self.labels.update(rec["labels"])
        return rec

    def line(self) -> str:
        per_area = ", ".join(f"{a} {self.labels.get(a, 0)}" for a in self.areas)
        return f"{self.files} files: {per_area}, none of the areas {self.none}, errors {self.errors}"


def _progress(total: int, done: int, args: argparse.Namespace) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, initial=done, unit="file", file=sys.stderr, disable=args.no_progress or done >= total, desc="classify")


# -- no --out: a table on stdout ----------------------------------------------------------------------


def _to_stdout(clf: Any, files: list[Any], args: argparse.Namespace) -> int:
    """One line per file as it is classified: scores as percentages, areas and primary, "none" spelled out."""
    import pandas as pd
    from tqdm import tqdm

    from ..lang import area_name, none_label
    from ._common import table

    ui = _ui_lang(args)
    shown = ["path", "lang", *clf.areas, "labels", "primary", "error"]
    names = {a: area_name(a, ui) for a in clf.areas}
    widths = {"path": 36, "lang": 4, "primary": 9, "labels": 20, **{a: max(5, len(names[a])) for a in clf.areas}}
    print(table(pd.DataFrame(columns=shown), shown, widths).replace("".join(a.ljust(widths[a]) + "  " for a in clf.areas), "".join(names[a].ljust(widths[a]) + "  " for a in clf.areas), 1))
    tally = _Tally(clf.areas)
    kept: list[dict[str, Any]] = []
    bar = _progress(len(files), 0, args)
    try:
        for src, pred in zip(files, clf.predict_iter([s.value for s in files], threshold=args.threshold, lang=args.lang, errors="coerce")):
            rec = tally.add({**record(pred, clf.areas), "path": src.key})
            if args.html:
                kept.append(rec)
            row = {**rec, **{a: ("" if rec[a] is None else f"{rec[a]:.0%}") for a in clf.areas}}
            row["path"] = rec["path"] if len(rec["path"]) <= widths["path"] else "…" + rec["path"][-widths["path"] + 1 :]  # the file name matters most
            row["labels"] = "" if rec["error"] else ", ".join(area_name(a, ui) for a in rec["labels"]) or none_label(ui)
            row["primary"] = area_name(rec["primary"], ui) if rec["primary"] else ("" if rec["error"] else none_label(ui))
            tqdm.write(table(pd.DataFrame([row], columns=shown), shown, widths).splitlines()[2], file=sys.stdout)
            bar.update(1)
    except KeyboardInterrupt:
        bar.close()
        print(f"interrupted after {tally.files} of {len(files)} files", file=sys.stderr)
        return 130
    bar.close()
    print(tally.line(), file=sys.stderr)
    if args.html:
        signature = json.loads(json.dumps(clf.signature(clf._thresholds(args.threshold)), default=str))
        _portfolio(kept, files, signature, args)
    return 1 if tally.errors == tally.files else 0


def _ui_lang(args: argparse.Namespace) -> str:
    return getattr(args, "report_lang", None) or args.lang or "en"


def _portfolio(records: Any, files: list[Any], signature: dict[str, Any], args: argparse.Namespace) -> None:
    """The ``--html`` page from the run's records, with the metadata columns of any table of documents."""
    from ..classify import Portfolio

    meta = {s.key: s.meta for s in files if s.meta}
    page = Portfolio.from_predictions(records, metadata=meta, signature=signature)
    page.to_html(args.html, lang=_ui_lang(args))
    print(f"portfolio page → {args.html}", file=sys.stderr)


# -- --out F: stream to F.partial, then convert --------------------------------------------------------


def _to_file(clf: Any, files: list[Path], args: argparse.Namespace, out: Path, signature: dict[str, Any]) -> int:
    from .._io import atomic_write

    partial = partial_path(out)
    header = {"mou_text_partial": PARTIAL_VERSION, "format": out.suffix.lower(), "lang": args.lang, "signature": signature}
    wanted = {s.key for s in files}
    # path -> (byte offset of its latest record in F.partial, whether that record is an error)
    index: dict[str, tuple[int, bool]] = {}
    stage = "classifying"
    try:
        with open_partial(out, partial, header, clf.areas, index, resume=getattr(args, "resume", False)) as fh:
            stale = sum(1 for p in index if p not in wanted)
            if stale:
                note(f"{stale} earlier result(s) are for files not among this run's paths; they are left out of {out}")
            todo = [s for s in files if s.key not in index or index[s.key][1]]
            retried = sum(1 for s in todo if s.key in index)
            if index and len(todo) < len(files):
                note(f"resuming: {len(files) - len(todo)} of {len(files)} files already done" + (f", retrying {retried} that had an error" if retried else ""))
            bar = _progress(len(files), len(files) - len(todo), args)
            try:
                for src, pred in zip(todo, clf.predict_iter([s.value for s in todo], threshold=args.threshold, lang=args.lang, errors="coerce")):
                    rec = {**record(pred, clf.areas), "path": src.key}
                    index[rec["path"]] = (append(fh, rec), bool(rec["error"]))
                    bar.update(1)
            finally:
                bar.close()
        stage = "writing"
        tally = _Tally(clf.areas)
        keys = [s.key for s in files]
        records = (tally.add(rec) for rec in final_records(partial, keys, index))
        atomic_write(out, lambda p: WRITERS[out.suffix.lower()](p, records, clf.areas, signature))
        if args.html:
            _portfolio(final_records(partial, keys, index), files, signature, args)
    except KeyboardInterrupt:
        if stage == "writing":
            where = f"all {len(files)} results are in {partial} — rerun with --resume to write {out}"
        else:
            where = f"partial results in {partial} — rerun with --resume to continue"
        have = sum(1 for s in files if s.key in index)
        print(f"interrupted after {have} of {len(files)} files; {where}", file=sys.stderr)
        return 130
    partial.unlink(missing_ok=True)
    print(f"{tally.line()} → {out}")
    return 1 if tally.errors == tally.files else 0
