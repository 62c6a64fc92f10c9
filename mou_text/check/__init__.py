"""Checking a translation: align the two versions once, run every rule, report what changes meaning.

``check`` (``_runner``) parses or takes the two versions, aligns them (``mou_text.align``), builds a
typed :class:`CheckContext` and runs each module of ``rules/`` on the same pairs. Findings
(``_finding``) go into a frozen :class:`CheckReport` (``_report``) whose views are the table, the
summary, JSON, Markdown, the side-by-side HTML page (``_html``) and the workbook (``_xlsx``). A new
output format is a new renderer module here; a new kind of divergence is a new module in ``rules/``.
``check_many`` (``_many``) checks a folder of pairs in parallel processes, one model load per worker,
into one summary table and one report per pair; ``check_dask`` does the same on a Dask cluster.

Only the finding types are imported eagerly: the runner and the report pull in numpy and the aligner,
which a command that merely lists severities (the CLI's ``--fail-on`` choices) must not pay for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._finding import SEVERITIES, SEVERITY_RANK, CheckContext, Finding

if TYPE_CHECKING:
    from ._many import PairJob, check_dask, check_many, pair_files
    from ._report import FRAME_COLUMNS, JSON_FORMAT, UNIT_COLUMNS, CheckReport, NotebookView
    from ._runner import CAT_CHECK_MODULES, CHECK_MODULES, check, load_checks, sort_findings
    from ._units import identical_by_nature, is_key
    from ._xlsx import SEVERITY_STYLE, report_to_xlsx

_LAZY = {
    **dict.fromkeys(["PairJob", "check_dask", "check_many", "pair_files"], "_many"),
    **dict.fromkeys(["FRAME_COLUMNS", "JSON_FORMAT", "UNIT_COLUMNS", "CheckReport", "NotebookView"], "_report"),
    **dict.fromkeys(["CAT_CHECK_MODULES", "CHECK_MODULES", "check", "load_checks", "sort_findings"], "_runner"),
    **dict.fromkeys(["identical_by_nature", "is_key"], "_units"),
    **dict.fromkeys(["SEVERITY_STYLE", "report_to_xlsx"], "_xlsx"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "CAT_CHECK_MODULES", "UNIT_COLUMNS", "identical_by_nature", "is_key", "CHECK_MODULES", "CheckContext", "CheckReport", "FRAME_COLUMNS", "Finding", "JSON_FORMAT", "NotebookView", "PairJob",
    "SEVERITIES", "SEVERITY_RANK", "SEVERITY_STYLE", "check", "check_dask", "check_many", "load_checks",
    "pair_files", "report_to_xlsx", "sort_findings",
]
