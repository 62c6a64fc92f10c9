"""``mou-text parse FILE``: the clause tree of one document, as a table, CSV or JSON.

The table and JSON are written from the nodes directly: only ``--format csv`` imports pandas, so the
default output costs no more than parsing.
"""

from __future__ import annotations

import argparse

from ._common import add_reading_options
import json
import sys


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("parse", help="split one agreement into its clauses", description=__doc__)
    p.add_argument("file", help="a .txt .md .docx .pdf .html file")
    p.add_argument("--lang", choices=["en", "es"], help="the document's language (default: detect)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format (default: table)")
    add_reading_options(p)
    return p


def run(args: argparse.Namespace) -> int:
    from ..parse import parse
    from ._common import existing_file, reading_options, table

    doc = parse(existing_file(args.file), lang=args.lang, **reading_options(args))
    if args.format == "json":
        json.dump(doc.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    elif args.format == "csv":
        doc.to_frame().to_csv(sys.stdout, index=False)
    else:
        print(f"{doc.source} — {doc.lang}, {len(doc)} clauses, sections {doc.sections}")
        rows = ({"id": n.id, "kind": n.kind, "text": n.text} for n in doc.nodes)
        print(table(rows, ["id", "kind", "text"], {"id": 16, "kind": 9}))
    return 0
