"""The result of checking many pairs: one row per pair, and the summary table a team lead reads.

Each :class:`PairOutcome` is what one pair's check left behind (verdict, counts by severity, where its
reports are), small enough to travel back from a worker process and to be kept next to the reports
as ``<name>.row.json`` — which is how a resumed run rebuilds the table without re-reading any report.
:class:`BatchReport` is the table: a frame in English or Spanish, and the same rows as CSV, XLSX or a
self-contained HTML page whose ``Report`` column links each pair's side-by-side page (relative links,
so the output folder can be moved or zipped).
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..lang import BATCH_TEXT, check_lang
from ..signature import Signature

if TYPE_CHECKING:
    import pandas as pd

#: Summary columns, in order (headings in ``lang.BATCH_TEXT``).
SUMMARY_COLUMNS = ["pair", "verdict", "critical", "major", "minor", "info", "findings", "report", "json", "en", "es", "seconds", "error"]
ROW_FORMAT = "mou-text-batch-row/1"


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """One pair's line in the summary. ``verdict``: 'conformant', 'divergent' (a major or critical
    finding) or 'error' (``error`` says why; an error is retried by a resumed run)."""

    pair: str
    verdict: str
    en: str
    es: str
    critical: int = 0
    major: int = 0
    minor: int = 0
    info: int = 0
    findings: int = 0
    report: str | None = None  # the HTML report, relative to the output folder
    json: str | None = None
    seconds: float = 0.0
    error: str | None = None
    resumed: bool = False
    inputs: dict[str, str] = field(default_factory=dict)  # sha256 of each input file
    settings: str = ""  # hash of what changes findings (encoder, checks, glossary, version)

    def to_dict(self) -> dict[str, Any]:
        return {"format": ROW_FORMAT, **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PairOutcome:
        data = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**data)


@dataclass(frozen=True)
class BatchReport:
    """Every pair's outcome, in the order the pairs were given, and where the reports are."""

    outcomes: tuple[PairOutcome, ...]
    out_dir: Path
    signature: Signature = field(default_factory=lambda: Signature("check_many"))

    def __len__(self) -> int:
        return len(self.outcomes)

    def counts(self) -> dict[str, int]:
        """Pairs by verdict: ``{'conformant': n, 'divergent': n, 'error': n}``."""
        out = {"conformant": 0, "divergent": 0, "error": 0}
        for o in self.outcomes:
            out[o.verdict] = out.get(o.verdict, 0) + 1
        return out

    def summary(self, lang: str = "en") -> str:
        c = self.counts()
        return BATCH_TEXT[check_lang(lang)]["totals"].format(n=len(self), **c)

    def rows(self, lang: str = "en") -> list[dict[str, Any]]:
        """Summary rows with verdicts in ``lang`` (keys: :data:`SUMMARY_COLUMNS`)."""
        verdicts = BATCH_TEXT[check_lang(lang)]["verdicts"]
        out = []
        for o in self.outcomes:
            row = {c: getattr(o, c) for c in SUMMARY_COLUMNS}
            row["verdict"] = verdicts.get(o.verdict, o.verdict)
            row["seconds"] = round(o.seconds, 2)
            out.append(row)
        return out

    def to_frame(self, lang: str = "en") -> pd.DataFrame:
        """One row per pair; columns :data:`SUMMARY_COLUMNS` (headings stay machine names)."""
        import pandas as pd

        df = pd.DataFrame(self.rows(lang), columns=SUMMARY_COLUMNS)
        df.attrs["signature"] = self.signature.to_dict()
        return df

    def _headings(self, lang: str) -> list[str]:
        names = BATCH_TEXT[check_lang(lang)]["columns"]
        return [names[c] for c in SUMMARY_COLUMNS]

    def to_csv(self, path: str | os.PathLike[str], lang: str = "en") -> Path:
        from .._io import atomic_write_text

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(self._headings(lang))
        for row in self.rows(lang):
            w.writerow(["" if row[c] is None else row[c] for c in SUMMARY_COLUMNS])
        return atomic_write_text(path, buf.getvalue())

    def to_xlsx(self, path: str | os.PathLike[str], lang: str = "en") -> Path:
        from openpyxl import Workbook

        from .._io import atomic_write
        from ..workbook import put_text, save_workbook

        wb = Workbook()
        ws = wb.active
        ws.title = BATCH_TEXT[check_lang(lang)]["title"][:31]
        for j, h in enumerate(self._headings(lang), 1):
            put_text(ws, 1, j, h)
        for i, row in enumerate(self.rows(lang), 2):
            for j, c in enumerate(SUMMARY_COLUMNS, 1):
                cell = put_text(ws, i, j, row[c])
                if c == "report" and row[c]:
                    cell.hyperlink = row[c]
        ws.freeze_panes = "A2"
        return atomic_write(path, lambda p: save_workbook(wb, p))

    def to_html(self, path: str | os.PathLike[str] | None = None, lang: str = "en") -> str:
        """A self-contained table page; each pair links its report (relative to the output folder)."""
        text = BATCH_TEXT[check_lang(lang)]
        head = "".join(f"<th>{html.escape(h)}</th>" for h in self._headings(lang))
        body = []
        for o, row in zip(self.outcomes, self.rows(lang)):
            cells = []
            for c in SUMMARY_COLUMNS:
                v = row[c]
                if c in ("report", "json") and v:
                    cells.append(f'<td><a href="{html.escape(str(v), quote=True)}">{html.escape(Path(str(v)).name)}</a></td>')
                else:
                    cells.append(f"<td>{html.escape('' if v is None else str(v))}</td>")
            body.append(f'<tr class="{html.escape(o.verdict)}">' + "".join(cells) + "</tr>")
        page = (
            f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(text["title"])}</title>'
            "<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}"
            "td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}"
            "tr.divergent td{background:#fde8e8}tr.error td{background:#fff4d6}</style></head><body>"
            f"<h1>{html.escape(text['title'])}</h1><p>{html.escape(self.summary(lang))}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f"<p><small>{html.escape(self.signature.format(short=True))}</small></p></body></html>\n"
        )
        if path is not None:
            from .._io import atomic_write_text

            atomic_write_text(path, page)
        return page

    def write_summaries(self, formats: tuple[str, ...] = ("csv", "xlsx", "html"), lang: str = "en") -> list[Path]:
        """``summary.<fmt>`` in the output folder for each format asked."""
        out = []
        for fmt in formats:
            target = self.out_dir / f"summary.{fmt}"
            if fmt == "csv":
                self.to_csv(target, lang)
            elif fmt == "xlsx":
                self.to_xlsx(target, lang)
            elif fmt == "html":
                self.to_html(target, lang)
            else:
                from ..errors import ConfigError

                raise ConfigError("summary format", f"{fmt!r} is not a summary format", "choose csv, xlsx or html", code="E292")
            out.append(target)
        return out

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.summary())}</p>" + self.to_frame()._repr_html_()

    def __repr__(self) -> str:
        c = self.counts()
        return f"<BatchReport pairs={len(self)} conformant={c['conformant']} divergent={c['divergent']} error={c['error']} out_dir={str(self.out_dir)!r}>"


def read_row(path: Path) -> PairOutcome | None:
    """A pair's saved outcome, or None when it is absent, partial or of another format."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != ROW_FORMAT:
        return None
    try:
        return PairOutcome.from_dict(data)
    except TypeError:
        return None
