"""``mou-text pair [EN ES]``: the two versions side by side, clause by clause (default: the bundled MOU)."""

from __future__ import annotations

import argparse

from ._common import add_reading_options
import json
import sys


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("pair", help="pair an English and a Spanish version clause by clause", description=__doc__)
    p.add_argument("files", nargs="*", metavar="EN ES", help="English and Spanish files (none: the bundled MOU)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default: table)")
    add_reading_options(p)
    return p


def run(args: argparse.Namespace) -> int:
    from ..align import pair
    from ..errors import ConfigError
    from ..parse import load_mou, parse
    from ._common import existing_file, reading_options, table

    if len(args.files) not in (0, 2):
        raise ConfigError("mou-text pair", f"it takes two files (EN ES) or none, not {len(args.files)}", "pass both files, or none for the bundled MOU", code="E235")
    if args.files:
        en, es = parse(existing_file(args.files[0]), lang="en", **reading_options(args)), parse(existing_file(args.files[1]), lang="es", **reading_options(args))
    else:
        en, es = load_mou("en"), load_mou("es")
    par = pair(en, es)
    df = par.to_frame()
    if args.format == "json":
        json.dump(json.loads(df.to_json(orient="records", force_ascii=False)), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.format == "csv":
        df.to_csv(sys.stdout, index=False)
    else:
        print(f"EN: {en.source}  ES: {es.source}  — {len(par)} clause pairs, {len(par.unpaired)} unpaired")
        print(table(df, ["id", "en_text", "es_text"], {"id": 16}))
    return 0
