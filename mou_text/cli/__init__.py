"""The ``mou-text`` command: one module per sub-command, each with ``add_parser`` and ``run``.

A sub-command module registers its own arguments, so adding a command never touches the others.
Errors a user can fix (:class:`MouTextError`) print one clear line and exit 2; they never dump a
traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .._version import __version__
from ..errors import MouTextError

#: Sub-commands in the order ``--help`` lists them: (name, module).
COMMANDS = [
    ("parse", "parse"),
    ("pair", "pair"),
    ("check", "check"),
    ("check-dir", "check_dir"),
    ("classify", "classify"),
    ("review", "review"),
    ("fit", "fit"),
    ("eval", "eval"),
    ("export-tm", "export_tm"),
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mou-text",
        description="Parse, pair, classify and check bilingual (English/Spanish) agreements, offline.",
    )
    parser.add_argument("--version", action="version", version=f"mou-text {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS:
        mod = importlib.import_module(f"{__name__}.{module}")
        p = mod.add_parser(sub)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return 2
    try:
        return int(args._run(args) or 0)
    except MouTextError as exc:
        print(f"mou-text {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
