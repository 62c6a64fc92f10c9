"""What the sub-commands share: the terminal table renderer, and file arguments taken as files."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def table(df: pd.DataFrame | Iterable[Mapping[str, object]], columns: list[str], widths: dict[str, int] | None = None) -> str:
    """A plain-text table that fits a terminal: long cells are cut with an ellipsis.

    ``df`` is a DataFrame or any rows of mappings (so a command that has no frame need not import pandas).
    """
    term = shutil.get_terminal_size((120, 24)).columns
    widths = dict(widths or {})
    fixed = sum(widths.get(c, 0) + 2 for c in columns if c in widths)
    flexible = [c for c in columns if c not in widths]
    for c in flexible:
        widths[c] = max(20, (term - fixed) // max(1, len(flexible)) - 2)

    def cell(value: object, width: int) -> str:
        text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
        text = " ".join(text.split())
        if text in ("<NA>", "None", "nan"):
            text = ""
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["  ".join(c.ljust(widths[c])[: widths[c]] for c in columns)]
    lines.append("  ".join("-" * widths[c] for c in columns))
    rows = (row for _, row in df.iterrows()) if hasattr(df, "iterrows") else df
    for row in rows:
        lines.append("  ".join(cell(row[c], widths[c]).ljust(widths[c]) for c in columns))
    return "\n".join(line.rstrip() for line in lines)


def existing_file(arg: str) -> Path:
    """A command-line argument is always a path, never text: a missing file is an error naming it.

    (The library reads a string that is no path as the document itself; on the command line a
    mistyped name must not become a one-clause document.)
    """
    from ..errors import InputError

    path = Path(arg)
    if not path.exists():
        raise InputError(f"file '{arg}'", "it does not exist", "check the path and the working directory", path=arg, code="E093")
    if path.is_dir():
        raise InputError(f"file '{arg}'", "it is a directory, not a file", "pass one file (classify takes folders)", path=arg, code="E092")
    if not os.access(path, os.R_OK):
        raise InputError(f"file '{arg}'", "permission denied", "make it readable for this user (chmod u+r)", path=arg, code="E091")
    return path


def add_reading_options(p: object) -> None:
    """The options every command that reads agreements offers: what the library's errors suggest."""
    p.add_argument("--on-mismatch", choices=["raise", "warn"], default="raise", help="when --lang (or the file's side) contradicts the text: stop (default) or warn and go on")  # type: ignore[attr-defined]
    p.add_argument("--max-pages", type=int, default=None, metavar="N", help="read PDFs of up to N pages (default: 2000)")  # type: ignore[attr-defined]


def reading_options(args: object) -> dict[str, object]:
    """``parse()`` keyword arguments from :func:`add_reading_options`'s options."""
    from ..errors import ConfigError

    pages = getattr(args, "max_pages", None)
    if pages is not None and pages < 1:
        raise ConfigError("--max-pages", f"{pages} is not a number of pages", "pass a whole number of 1 or more", code="E261")
    return {"on_mismatch": getattr(args, "on_mismatch", "raise"), "max_pages": pages}
