"""What ``mou-text classify`` reads: files and folders, and tables of documents with metadata columns.

A programme officer's portfolio usually lives in a spreadsheet: one row per report with its year,
grantee and state. A ``.csv`` or ``.xlsx`` named on the command line is such a table when it has a
``text`` column (the document itself) or a ``path`` column (a file, relative to the table's folder or
to the current one); every other column is metadata the portfolio report groups by. Each document has
a *key*, the results file's ``path`` column: a file's path, or ``table.csv#id`` for a row of text (its
``id`` column, else its row number counted from 1), so ``mou-text review`` and ``mou-text fit`` can
find the text again from the results alone (:func:`source_text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

#: Extensions read as tables of documents when named on the command line (never inside a folder).
TABLES = (".csv", ".xlsx")


@dataclass(frozen=True)
class Source:
    """One document to classify: its key, what the classifier reads (a file or the text) and its metadata."""

    key: str
    value: Path | str
    meta: Mapping[str, Any] = field(default_factory=dict)


def collect_sources(paths: list[str]) -> list[Source]:
    """Documents in a stable order: named files and table rows as given, folders walked recursively."""
    from ..readers import SUPPORTED

    out: list[Source] = []
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_file() and path.suffix.lower() in TABLES:
            found = table_sources(path)
        elif path.is_dir():
            found = [Source(str(p), p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith(".")]
        else:
            found = [Source(str(path), path)]
        for s in found:
            if s.key not in seen:
                seen.add(s.key)
                out.append(s)
    return out


@lru_cache(maxsize=4)
def _read_table(path: Path) -> Any:
    import pandas as pd

    from ..errors import ConfigError

    try:
        if path.suffix.lower() == ".csv":
            df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        else:
            df = pd.read_excel(path, dtype=str, keep_default_na=False)
    except Exception as exc:  # pandas raises many kinds; say which file and why
        raise ConfigError(f"table of documents '{path}'", f"it cannot be read as a table ({type(exc).__name__}: {exc})", "save it as UTF-8 CSV or as .xlsx with a header row", path=path, code="E272") from None
    df.columns = [str(c).strip() for c in df.columns]
    if "text" not in df.columns and "path" not in df.columns:
        raise ConfigError(
            f"table of documents '{path}'",
            f"it has no 'text' or 'path' column (columns: {', '.join(list(df.columns)[:8])})",
            "name the column holding the documents 'text' (or 'path' for file names); other columns are kept as metadata",
            path=path, code="E260",
        )
    return df


def table_sources(path: Path) -> list[Source]:
    """The rows of a table of documents as sources, metadata = every column but ``text`` and ``path``."""
    df = _read_table(path)
    meta_cols = [c for c in df.columns if c not in ("text", "path")]
    out = []
    for n, row in enumerate(df.to_dict("records"), 1):
        meta = {c: row[c] for c in meta_cols}
        if "text" in df.columns and str(row["text"]).strip():
            rid = str(row.get("id") or n)
            out.append(Source(f"{path}#{rid}", str(row["text"]), meta))
        elif "path" in df.columns and str(row["path"]).strip():
            p = Path(row["path"])
            if not p.is_absolute() and not p.exists() and (path.parent / p).exists():
                p = path.parent / p
            out.append(Source(str(p), p, meta))
    return out


def source_text(key: str, base: Path | None = None) -> str:
    """The text of a document from its key in a results file (a file, or ``table#id``), as the
    classifier read it. ``base``: the folder a relative key may be relative to (a results file's)."""
    from ..classify import strip_markdown
    from ..errors import InputError
    from ..readers import read

    candidates = [Path(key)] + ([base / key] if base is not None and not Path(key).is_absolute() else [])
    for p in candidates:
        if p.is_file():
            return strip_markdown(read(p).text)
    table, _, rid = key.rpartition("#")
    for t in [Path(table)] + ([base / table] if base is not None and table else []):
        if table and t.is_file() and t.suffix.lower() in TABLES:
            for s in table_sources(t):
                if s.key.rpartition("#")[2] == rid and isinstance(s.value, str):
                    return s.value
    raise InputError(
        f"document '{key}'", "it is neither a file nor a row of a table of documents that can be found from here",
        "run the command from the folder the classify run was started in, or keep the files where they were", code="E071",
    )
