"""The ``mou-text`` command: one module per sub-command, each with ``add_parser`` and ``run``.

A sub-command module registers its own arguments, so adding a command never touches the others.
Errors a user can fix (:class:`MouTextError`) print one clear line and exit 2; they never dump a
traceback. Nor does anything else without ``--debug``: the operating system's refusals (permission
denied, read-only or full disk, a directory where a file was meant) become coded errors (exit 2), a
closed pipe (``mou-text parse … | head -1``) ends the command quietly (exit 141, as a shell reports
SIGPIPE), and an unexpected failure prints one line asking for ``--debug`` (exit 70, EX_SOFTWARE).
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
import traceback
from typing import NoReturn

from .._version import __version__
from ..errors import InputError, MouTextError

#: Exit codes besides 0 (success) and 1 (a finding or a failed batch).
EXIT_ERROR, EXIT_INTERNAL, EXIT_PIPE, EXIT_INTERRUPTED = 2, 70, 141, 130

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
    parser.add_argument("--debug", action="store_true", help="show the full traceback of any error (anywhere on the line)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS:
        mod = importlib.import_module(f"{__name__}.{module}")
        p = mod.add_parser(sub)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv  # accepted before or after the sub-command
    argv = [a for a in argv if a != "--debug"]
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        try:
            return int(args._run(args) or 0)
        except OSError as exc:
            if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
                return _closed_pipe()
            if debug:
                raise
            os_error(exc)
    except MouTextError as exc:
        if debug:
            traceback.print_exc()
        _say(f"mou-text {args.command}: error: {exc}")
        return EXIT_ERROR
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:
        if debug:
            raise
        _say(f"mou-text {args.command}: internal error: {type(exc).__name__}: {exc}. Rerun with --debug for the traceback, and report it")
        return EXIT_INTERNAL


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr)
    except OSError:  # stderr itself is gone: nothing left to tell
        pass


def _closed_pipe() -> int:
    """The reader of our output went away (``| head``): stop quietly, and let no flush at exit complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_PIPE


def os_error(exc: OSError) -> NoReturn:
    """An operating-system refusal as a coded error naming the file, its cause and a fix."""
    name = f"file '{exc.filename}'" if exc.filename else "an input or output file"
    path = exc.filename if isinstance(exc.filename, str) else None
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM):
        raise InputError(name, "permission denied", "make it readable (or its folder writable) for this user, or use another path", path=path, code="E099")
    if code == errno.EROFS:
        raise InputError(name, "it is on a read-only file system", "write to a folder on a writable disk", path=path, code="E098")
    if code in (errno.ENOSPC, errno.EDQUOT):
        raise InputError(name, "the disk is full (or the quota is used up)", "free some space, or write to another disk", path=path, code="E097")
    if code == errno.EISDIR:
        raise InputError(name, "it is a directory, not a file", "name a file", path=path, code="E096")
    if code in (errno.ENOENT, errno.ENOTDIR):
        raise InputError(name, "it does not exist", "check the path and the working directory", path=path, code="E095")
    raise InputError(name, f"the operating system refused it ({exc.strerror or type(exc).__name__})", "check the file, the disk and the permissions", path=path, code="E094")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
