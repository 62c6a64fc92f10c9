"""What the sub-commands share: the terminal table renderer."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
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
