"""``mou-text check [EN ES]``: does the Spanish version say what the English says? (default: the bundled MOU)

Prints a conformity summary and the findings; ``--html`` writes a side-by-side page, ``--json`` the
full report, ``--xlsx`` the findings and summary as an Excel workbook. Exit status: 1 when a finding at or above ``--fail-on`` exists (default ``major``: the
level at which meaning changes, so a CI job fails on substantive divergences only), 0 otherwise,
2 on an error.
"""

from __future__ import annotations

import argparse

from ..check import SEVERITIES
from ._common import add_reading_options


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "check",
        help="check that two language versions say the same thing, clause by clause",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="EN ES", help="English and Spanish files (none: the bundled MOU)")
    p.add_argument("--html", metavar="FILE", help="write a self-contained side-by-side HTML page")
    p.add_argument("--json", metavar="FILE", help="write the full report as JSON")
    p.add_argument("--xlsx", metavar="FILE", help="write the findings and summary as an Excel workbook")
    p.add_argument(
        "--fail-on",
        choices=[s for s in SEVERITIES if s != "info"],
        default="major",
        help="exit 1 when a finding at or above this severity exists (default: major)",
    )
    p.add_argument("--glossary", metavar="FILE", help="a TSV glossary (en, es, type, note) added to the bundled one")
    p.add_argument("--lang", choices=["en", "es"], default="en", help="language of messages and summary (default: en)")
    p.add_argument("--checks", metavar="LIST", help="comma-separated check modules to run (default: all)")
    p.add_argument("--encoder", default=None, help="sentence encoder: use (default), st, st:<model>, fake")
    add_reading_options(p)
    return p


def run(args: argparse.Namespace) -> int:
    from ..check import SEVERITY_RANK, check
    from ..errors import ConfigError
    from ..parse import load_mou
    from ._common import existing_file, reading_options, table

    if len(args.files) not in (0, 2):
        raise ConfigError("mou-text check", f"it takes two files (EN ES) or none, not {len(args.files)}", "pass both files, or none for the bundled MOU", code="E228")
    from .._io import check_writable

    for option in ("html", "json", "xlsx"):
        if getattr(args, option):
            check_writable(getattr(args, option), f"--{option} '{getattr(args, option)}'", create_folders=True)
    if args.files:
        en, es = (existing_file(f) for f in args.files)
        if args.on_mismatch != "raise" or args.max_pages is not None:  # documents read with the options asked for
            from ..parse import parse
            from ..readers import SUPPORTED

            en, es = (parse(f, lang=side, **reading_options(args)) if f.suffix.lower() in SUPPORTED else f for f, side in ((en, "en"), (es, "es")))
    else:
        en, es = load_mou("en"), load_mou("es")
    checks = [c.strip() for c in args.checks.split(",") if c.strip()] if args.checks is not None else None
    report = check(en, es, args.glossary, encoder=args.encoder, checks=checks)
    print(report.summary(args.lang))
    if report.findings:
        df = report.to_frame(args.lang)
        df.insert(0, "#", range(1, len(df) + 1))
        print()
        print(table(df, ["#", "severity", "kind", "en_id", "es_id", "message"], {"#": 3, "severity": 8, "kind": 10, "en_id": 16, "es_id": 16}))
    if args.html:
        report.to_html(args.html, lang=args.lang)
        print(f"\nHTML: {args.html}")
    if args.json:
        report.to_json(args.json)
        print(f"JSON: {args.json}")
    if args.xlsx:
        report.to_xlsx(args.xlsx, lang=args.lang)
        print(f"XLSX: {args.xlsx}")
    floor = SEVERITY_RANK[args.fail_on]
    return 1 if any(SEVERITY_RANK.get(f.severity, 0) >= floor for f in report.findings) else 0
