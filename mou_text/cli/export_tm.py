"""``mou-text export-tm [EN ES] (--tmx FILE | --xliff FILE)``: the aligned pair as a translation memory
(TMX 1.4b) or a bilingual XLIFF file for a CAT tool (default input: the bundled MOU)."""

from __future__ import annotations

import argparse
import sys

from ._common import add_reading_options


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "export-tm",
        help="write the aligned pair as TMX or XLIFF for CAT tools (OmegaT, Trados, memoQ)",
        description=__doc__,
    )
    p.add_argument("files", nargs="*", metavar="EN ES", help="English and Spanish files (none: the bundled MOU)")
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--tmx", metavar="FILE", help="write a TMX 1.4b translation memory")
    out.add_argument("--xliff", metavar="FILE", help="write a bilingual XLIFF file (English source, Spanish target)")
    p.add_argument("--unit", choices=["clause", "sentence"], default="clause", help="one unit per clause (default) or per sentence pair")
    p.add_argument("--xliff-version", choices=["1.2", "2.0"], default=None, help="XLIFF version (default: 1.2)")
    add_reading_options(p)
    return p


def run(args: argparse.Namespace) -> int:
    from ..align import pair
    from ..errors import ConfigError
    from ..interchange import export_units, to_tmx, to_xliff
    from ..parse import load_mou, parse

    if len(args.files) not in (0, 2):
        raise ConfigError("mou-text export-tm", f"it takes two files (EN ES) or none, not {len(args.files)}", "pass both files, or none for the bundled MOU", code="E233")
    if args.tmx and args.xliff_version:
        raise ConfigError("--xliff-version", "it applies to --xliff only, and --tmx was given", "drop --xliff-version, or write --xliff FILE", code="E234")
    from .._io import check_writable
    from ._common import existing_file, reading_options

    out, option = (args.tmx, "--tmx") if args.tmx else (args.xliff, "--xliff")
    check_writable(out, f"{option} '{out}'", create_folders=True)
    if args.files:
        en, es = parse(existing_file(args.files[0]), lang="en", **reading_options(args)), parse(existing_file(args.files[1]), lang="es", **reading_options(args))
    else:
        en, es = load_mou("en"), load_mou("es")
    par = pair(en, es)
    if args.tmx:
        path = to_tmx(par, args.tmx, unit=args.unit)
        what, n = "TMX 1.4b", export_units(par, args.unit, "tmx")
    else:
        version = args.xliff_version or "1.2"
        path = to_xliff(par, args.xliff, version=version, unit=args.unit)
        what, n = f"XLIFF {version}", export_units(par, args.unit, "xliff")
    # with --tmx - the file itself is on stdout: the note goes to stderr
    print(f"wrote {path} ({what}, {n} units, {len(par)} clause pairs, {len(par.unpaired)} one-sided)", file=sys.stderr if str(out) == "-" else sys.stdout)
    return 0
