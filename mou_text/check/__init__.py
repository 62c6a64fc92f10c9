"""Checking a translation: align the two versions once, run every rule, report what changes meaning.

``check`` (``_runner``) parses or takes the two versions, aligns them (``mou_text.align``), builds a
typed :class:`CheckContext` and runs each module of ``rules/`` on the same pairs. Findings
(``_finding``) go into a frozen :class:`CheckReport` (``_report``) whose views are the table, the
summary, JSON, Markdown, the side-by-side HTML page (``_html``) and the workbook (``_xlsx``). A new
output format is a new renderer module here; a new kind of divergence is a new module in ``rules/``.
"""

from ._finding import SEVERITIES, SEVERITY_RANK, CheckContext, Finding
from ._report import FRAME_COLUMNS, JSON_FORMAT, UNIT_COLUMNS, CheckReport
from ._runner import CAT_CHECK_MODULES, CHECK_MODULES, check, load_checks, sort_findings
from ._units import identical_by_nature, is_key
from ._xlsx import SEVERITY_STYLE, report_to_xlsx

__all__ = [
    "CAT_CHECK_MODULES", "CHECK_MODULES", "CheckContext", "UNIT_COLUMNS", "identical_by_nature", "is_key", "CheckReport", "FRAME_COLUMNS", "Finding", "JSON_FORMAT", "SEVERITIES",
    "SEVERITY_RANK", "SEVERITY_STYLE", "check", "load_checks", "report_to_xlsx", "sort_findings",
]
