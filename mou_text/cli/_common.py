"""Helpers the sub-commands share: table rendering and atomic file output."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


def atomic_write(path: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Write through a temporary file in the target folder, then rename it into place.

    A crash or an exception half-way leaves the previous file (or no file), never a truncated one.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; a results file should get the usual permissions
    try:
        write(Path(tmp))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    return atomic_write(path, lambda p: p.write_text(text, encoding="utf-8"))


def table(df: pd.DataFrame, columns: list[str], widths: dict[str, int] | None = None) -> str:
    """A plain-text table that fits a terminal: long cells are cut with an ellipsis."""
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
    for _, row in df.iterrows():
        lines.append("  ".join(cell(row[c], widths[c]).ljust(widths[c]) for c in columns))
    return "\n".join(line.rstrip() for line in lines)
