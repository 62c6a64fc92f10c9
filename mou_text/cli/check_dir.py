"""``mou-text check-dir EN_DIR ES_DIR``: check every agreement of two folders, in parallel, resumably.

Files are paired by name once language markers are removed (``MOU_2012_EN.docx`` ↔ ``MOU_2012_ES.docx``,
``acuerdo-en.md`` ↔ ``acuerdo-es.md``, or the same name in both folders), or by ``--pairs`` (a CSV with
columns en,es and optionally name). Each pair gets ``reports/<name>.html`` and ``.json`` in ``--out``;
the folder also gets one summary table (``summary.csv``, ``summary.xlsx``, ``summary.html``: pair,
verdict, counts by severity, a link to each report). ``--jobs`` worker processes each load the
encoder once. Run it again after an interruption: pairs already checked with the same files and
settings are skipped. Exit status: 1 when a pair has a finding at or above ``--fail-on`` or failed,
0 otherwise, 2 on an error.
"""

from __future__ import annotations

import argparse
import sys


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "check-dir",
        help="check every EN/ES agreement pair of two folders, in parallel, into one summary",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("en_dir", metavar="EN_DIR", help="folder of English files (or of both, named with _en/_es markers)")
    p.add_argument("es_dir", metavar="ES_DIR", nargs="?", help="folder of Spanish files (default: EN_DIR)")
    p.add_argument("--out", metavar="DIR", default="mou-text-reports", help="output folder (default: mou-text-reports)")
    p.add_argument("--pairs", metavar="CSV", help="pair files by a CSV with columns en,es (optional name) instead of by name")
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N", help="worker processes (default: the number of cores)")
    p.add_argument("--summary", default="csv,xlsx,html", metavar="LIST", help="summary formats (default: csv,xlsx,html)")
    p.add_argument("--no-resume", action="store_true", help="check every pair again, even those already done")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--fail-on", choices=["minor", "major", "critical"], default="major",
                   help="exit 1 when a pair has a finding at or above this severity (default: major)")
    p.add_argument("--glossary", metavar="FILE", help="a TSV glossary (en, es, type, note) added to the bundled one")
    p.add_argument("--lang", choices=["en", "es"], default="en", help="language of the reports and summary (default: en)")
    p.add_argument("--checks", metavar="LIST", help="comma-separated check modules to run (default: all)")
    p.add_argument("--encoder", default=None, help="sentence encoder: use (default), st, st:<model>, fake")
    return p


def run(args: argparse.Namespace) -> int:
    from ..check import check_many, pair_files
    from ..errors import ConfigError

    pairing = pair_files(args.en_dir, args.es_dir, mapping=args.pairs)
    for path in pairing.unpaired_en + pairing.unpaired_es:
        print(f"mou-text check-dir: no partner for {path} (skipped)", file=sys.stderr)
    if not pairing.jobs:
        raise ConfigError(f"folders '{args.en_dir}' and '{args.es_dir or args.en_dir}'", "no English/Spanish pair was found",
                          "name the files alike (e.g. x_en.md and x_es.md) or pass --pairs a CSV with columns en,es", code="E287")
    checks = [c.strip() for c in args.checks.split(",") if c.strip()] if args.checks else None
    formats = tuple(f.strip() for f in args.summary.split(",") if f.strip())
    report = check_many(
        pairing, args.out, jobs=args.jobs, encoder=args.encoder, glossary=args.glossary, checks=checks,
        lang=args.lang, resume=not args.no_resume, progress=not args.no_progress, summary=formats,
    )
    from ._common import table

    print(report.summary(args.lang))
    print(table(report.rows(args.lang), ["pair", "verdict", "critical", "major", "minor", "report"],
                {"verdict": 24, "critical": 8, "major": 5, "minor": 5, "report": 40}))
    for fmt in formats:
        print(f"{fmt.upper()}: {report.out_dir / f'summary.{fmt}'}")
    floor = ["minor", "major", "critical"].index(args.fail_on)
    failing = any(o.verdict == "error" or any(getattr(o, s) for s in ["minor", "major", "critical"][floor:]) for o in report.outcomes)
    return 1 if failing else 0
