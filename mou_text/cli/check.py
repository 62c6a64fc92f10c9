"""``mou-text check [EN ES | FILE]``: does the Spanish version say what the English says? (default: the bundled MOU)

Two files are two versions of an agreement, aligned clause by clause. One file is a translator's
bilingual file (.tmx .xlf .xliff .sdlxliff .mqxliff .po .xlsx .csv .tsv): its units are checked as
the file pairs them, with inline codes, untranslated units, consistency and the CAT tool's state;
``--skip-state new,needs-translation`` leaves out units in those states, ``--xliff-out`` writes the
file back with one note per finding, so the translator sees them in the CAT tool.

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
        help="check that two language versions (or the units of one bilingual file) say the same thing",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="EN ES (two versions), one bilingual CAT file, or none (the bundled MOU)")
    p.add_argument("--html", metavar="FILE", help="write a self-contained side-by-side HTML page")
    p.add_argument("--json", metavar="FILE", help="write the full report as JSON")
    p.add_argument("--xlsx", metavar="FILE", help="write the findings and summary as an Excel workbook")
    p.add_argument("--xliff-out", metavar="FILE", help="bilingual file: write it back with one <note> per finding on its unit (XLIFF or TMX)")
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
    p.add_argument("--src", metavar="LANG", help="bilingual file: its source language (en, es, en-US…) when it declares none or a wrong one")
    p.add_argument("--tgt", metavar="LANG", help="bilingual file: its target language")
    p.add_argument("--skip-state", metavar="LIST", default="", help="bilingual file: skip units in these states or qualifiers (e.g. new,needs-translation,approved)")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None, help="show a progress bar on stderr (default: on a terminal)")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")
    add_reading_options(p)
    return p


def run(args: argparse.Namespace) -> int:
    from ..check import SEVERITY_RANK, check
    from ..errors import ConfigError
    from ..parse import load_mou
    from ._common import existing_file, reading_options, table

    from pathlib import Path

    from .._io import check_writable
    from ..interchange import IMPORTERS

    if len(args.files) == 1 and Path(args.files[0]).suffix.lower() not in IMPORTERS:
        raise ConfigError(
            "mou-text check",
            f"it takes two files (EN ES), one bilingual file ({', '.join(IMPORTERS)}) or none, and '{args.files[0]}' is no bilingual file",
            "pass the English and the Spanish version together, or one TMX/XLIFF/PO/table file", code="E251",
        )
    if len(args.files) not in (0, 1, 2):
        raise ConfigError("mou-text check", f"it takes two files (EN ES), one bilingual file or none, not {len(args.files)}", "pass both versions, one TMX/XLIFF/PO/table file, or none for the bundled MOU", code="E228")
    single = len(args.files) == 1
    for flag, value in (("--xliff-out", args.xliff_out), ("--src", args.src), ("--tgt", args.tgt), ("--skip-state", args.skip_state)):
        if value and not single:
            raise ConfigError("mou-text check", f"{flag} applies to one bilingual file only", f"pass one TMX/XLIFF/PO/table file with {flag}, or leave it out", code="E250")
    for option in ("html", "json", "xlsx", "xliff_out"):  # refused before the work, not after it
        if getattr(args, option):
            check_writable(getattr(args, option), f"--{option.replace('_', '-')} '{getattr(args, option)}'", create_folders=True)
    checks = [c.strip() for c in args.checks.split(",") if c.strip()] if args.checks is not None else None
    if single:
        from ..interchange import pair_from_file

        par = pair_from_file(existing_file(args.files[0]), src=args.src, tgt=args.tgt)
        skip = [s.strip() for s in args.skip_state.split(",") if s.strip()]
        report = check(par, glossary=args.glossary, encoder=args.encoder, checks=checks, skip_states=skip, progress=args.progress)
    else:
        if args.files:
            en, es = (existing_file(f) for f in args.files)
            if args.on_mismatch != "raise" or args.max_pages is not None:  # documents read with the options asked for
                from ..parse import parse
                from ..readers import SUPPORTED

                en, es = (parse(f, lang=side, **reading_options(args)) if f.suffix.lower() in SUPPORTED else f for f, side in ((en, "en"), (es, "es")))
        else:
            en, es = load_mou("en"), load_mou("es")
        report = check(en, es, args.glossary, encoder=args.encoder, checks=checks)
    from ..lang import REPORT_TEXT

    text = REPORT_TEXT[args.lang]
    print(report.summary(args.lang))
    if report.findings:
        df = report.to_frame(args.lang)
        df.insert(0, "#", range(1, len(df) + 1))
        cols = ["#", "severity", "kind", "en_id", "es_id", "message"]
        widths = {"#": 3, "severity": 8, "kind": 10, "en_id": 16, "es_id": 16}
        if single:
            cols, widths = ["#", "severity", "kind", "en_id", "state", "message"], {"#": 3, "severity": 8, "kind": 14, "en_id": 24, "state": 12}
        if args.lang == "es":  # labels rather than codes, under Spanish headings
            from ..lang import finding_terms

            df["severity"], df["kind"] = zip(*(finding_terms(s, k, "es") for s, k in zip(df["severity"], df["kind"])))
            widths["kind"] = max(widths["kind"], min(24, max(len(k) for k in df["kind"])))  # the labels run longer
        names = text["columns"]
        df = df.rename(columns=names)
        cols, widths = [names.get(c, c) for c in cols], {names.get(c, c): w for c, w in widths.items()}
        print()
        print(table(df, cols, widths))
    if args.html:
        report.to_html(args.html, lang=args.lang)
        print(f"\nHTML: {args.html}")
    if args.json:
        report.to_json(args.json)
        print(f"JSON: {args.json}")
    if args.xlsx:
        report.to_xlsx(args.xlsx, lang=args.lang)
        print(f"XLSX: {args.xlsx}")
    if args.xliff_out:
        from ..interchange import annotate

        annotate(args.files[0], report.findings, args.xliff_out, lang=args.lang)
        print(text["annotated"].format(path=args.xliff_out))
    floor = SEVERITY_RANK[args.fail_on]
    return 1 if any(SEVERITY_RANK.get(f.severity, 0) >= floor for f in report.findings) else 0
