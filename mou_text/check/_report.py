"""The result of a conformity check, in the forms its readers need.

A language officer signs a summary, a translator works through a side-by-side page with the
offending words highlighted in both columns, a pipeline reads JSON, a notebook user scans a table.
All of them are views of one frozen :class:`CheckReport`, so they cannot disagree. The summary says
"no substantive divergence found" only when no finding is major or critical; anything less would
make the report claim what it did not verify. Every file is written atomically and every piece of
document text is HTML-escaped: the texts checked are untrusted input.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..align import AlignedPair
from ..document import Document, Node, Sentence
from ..lang import EDITIONS_TEXT, REPORT_TEXT, UNIT_STATUS_LABELS, check_label, check_lang, finding_terms, kind_label, result_line, severity_label
from ..signature import Signature
from ._editions import EditionVerdict, by_section, verdict
from ._finding import SEVERITIES, SEVERITY_RANK, Finding

if TYPE_CHECKING:
    import pandas as pd

FRAME_COLUMNS = ["kind", "severity", "en_id", "es_id", "en_text", "es_text", "en_span", "es_span", "message"]
#: Extra columns of a CAT file's report: what the CAT tool says about the unit of each finding.
UNIT_COLUMNS = ["state", "state_qualifier", "approved", "notes"]
JSON_FORMAT = "mou-text/check-report/1"


@dataclass(frozen=True)
class NotebookView:
    """A report's notebook view in one language (what :meth:`CheckReport.view` returns)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


@dataclass(frozen=True, eq=False)
class CheckReport:
    """Findings of one check run, with the aligned pairs, both documents and the run's signature."""

    findings: tuple[Finding, ...]
    pairs: tuple[AlignedPair, ...]
    en: Document
    es: Document
    signature: Signature = field(default_factory=lambda: Signature("check"))
    #: For a CAT file: per unit id, what the file says (state, state_qualifier, approved, locked,
    #: notes, source language, inline codes) and what the check did (``status``); empty otherwise.
    units: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    # -- verdict --------------------------------------------------------------------------------------
    @property
    def max_severity(self) -> str | None:
        """The most severe finding's severity, or None when there is no finding."""
        if not self.findings:
            return None
        return max((f.severity for f in self.findings), key=lambda s: SEVERITY_RANK.get(s, 0))

    @property
    def is_conformant(self) -> bool:
        """True when no finding is major or critical (minor and info findings do not change meaning)."""
        return not any(SEVERITY_RANK.get(f.severity, 0) >= SEVERITY_RANK["major"] for f in self.findings)

    def at_least(self, severity: str) -> list[Finding]:
        """Findings at or above ``severity``."""
        floor = SEVERITY_RANK[severity]
        return [f for f in self.findings if SEVERITY_RANK.get(f.severity, 0) >= floor]

    def counts(self) -> dict[str, dict[str, int]]:
        """``{kind: {severity: n}}`` in first-seen order."""
        out: dict[str, dict[str, int]] = {}
        for f in self.findings:
            out.setdefault(f.kind, {}).setdefault(f.severity, 0)
            out[f.kind][f.severity] += 1
        return out

    def edition_verdict(self) -> EditionVerdict:
        """How many aligned clauses differ, and whether the two texts read as different editions."""
        return verdict(self.pairs, self.findings)

    def by_section(self, floor: str = "major", lang: str = "en") -> list[tuple[str, int, int]]:
        """Findings at or above ``floor`` counted per article or section: ``(heading, n, critical)``, headings
        as the ``lang`` version prints them."""
        return by_section(self.findings, self.en, self.es, floor, check_lang(lang))

    # -- tables ---------------------------------------------------------------------------------------
    def to_frame(self, lang: str = "en") -> pd.DataFrame:
        """One row per finding; ``message`` in English, or Spanish with ``lang='es'``."""
        import pandas as pd

        check_lang(lang)

        rows = [
            {
                "kind": f.kind,
                "severity": f.severity,
                "en_id": f.en_id,
                "es_id": f.es_id,
                "en_text": f.en_text,
                "es_text": f.es_text,
                "en_span": f.en_span,
                "es_span": f.es_span,
                "message": f.message_es if lang == "es" else f.message,
            }
            for f in self.findings
        ]
        df = pd.DataFrame(rows, columns=FRAME_COLUMNS)
        if self.units:
            for col in UNIT_COLUMNS:
                df[col] = [self.unit_value(f, col) for f in self.findings]
        df.attrs["signature"] = self.signature.to_dict()
        return df

    def unit_of(self, f: Finding) -> Mapping[str, Any] | None:
        """The CAT metadata of the unit a finding is about (None outside CAT files)."""
        for uid in (f.en_id, f.es_id):
            if uid and uid in self.units:
                return self.units[uid]
        return None

    def unit_value(self, f: Finding, col: str) -> Any:
        """One metadata column of a finding's unit, as a table shows it (notes joined by " | ")."""
        unit = self.unit_of(f)
        if unit is None:
            return None
        value = unit.get(col)
        return " | ".join(value) if col == "notes" and value else (value if value not in ([], "") else None)

    def summary(self, lang: str = "en") -> str:
        """A conformity summary a language officer could sign: what was compared, counts, verdict."""
        text = REPORT_TEXT[check_lang(lang)]
        by_sev = Counter(f.severity for f in self.findings)
        one_sided = sum(1 for p in self.pairs if not (p.en and p.es))
        n_id = sum(1 for p in self.pairs if p.method == "id" and p.en and p.es)
        n_sim = len(self.pairs) - one_sided - n_id
        sig = self.signature
        lines = [text["title"] + f" — {sig.get('library', '')}".rstrip(" —")]
        if self.units:  # a CAT file: one file, its own units, nothing aligned
            lines.append(text["bilingual_file"].format(source=self.en.source or text["text"]))
            lines.append(_units_line(self.units, lang))
        else:
            lines.append(text["compared"].format(en=self.en.source or text["text"], n_en=len(self.en),
                                                 es=self.es.source or text["text"], n_es=len(self.es)))
            lines.append(text["aligned"].format(n=len(self.pairs), n_id=n_id, n_sim=n_sim, one_sided=one_sided))
        ed = self.edition_verdict()
        if ed.editions:
            lines.append(EDITIONS_TEXT[lang]["verdict"].format(n=ed.differing, m=ed.total))
        if sig.get("checks"):
            checks = ", ".join(check_label(c, lang) for c in sig["checks"])
            lines.append(text["checks_run"].format(checks=checks, encoder=sig.get("encoder", "?")))
        sev_order = list(reversed(SEVERITIES))
        counts = ", ".join(f"{severity_label(s, lang)} {by_sev.get(s, 0)}" for s in sev_order)
        lines.append(text["findings_count"].format(n=len(self.findings), counts=counts))
        for s in sev_order:
            kinds = Counter(f.kind for f in self.findings if f.severity == s)
            if kinds:
                lines.append(f"  {severity_label(s, lang)}: " + ", ".join(f"{kind_label(k, lang)} {n}" for k, n in kinds.items()))
        if ed.editions:
            lines.extend(self._section_lines(lang))
        lines.append(result_line(len(self.at_least("major")), lang))
        return "\n".join(lines)

    def _section_lines(self, lang: str, limit: int = 40) -> list[str]:
        text = EDITIONS_TEXT[lang]
        rows = self.by_section(lang=lang)
        out = [text["by_section"].format(k=len(rows))]
        for label, n, crit in rows[:limit]:
            out.append(f"  {label}: {n}" + (f" ({text['critical']} {crit})" if crit else ""))
        if len(rows) > limit:
            out.append("  " + text["more"].format(k=len(rows) - limit))
        return out

    def to_markdown(self, lang: str = "en") -> str:
        """The summary and a findings table in Markdown (pipes and newlines in text escaped)."""
        es = check_lang(lang) == "es"
        words = REPORT_TEXT[lang]

        def cell(value: Any) -> str:
            text = "" if value is None else " ".join(str(value).split())
            return text.replace("\\", "\\\\").replace("|", "\\|")

        head = ["#", words["severity"], words["kind"], "EN", "ES", words["message"]]
        out = ["## " + words["title"], "", "```", self.summary(lang), "```", ""]
        if self.findings:
            out.append("| " + " | ".join(head) + " |")
            out.append("|" + "---|" * len(head))
            for k, f in enumerate(self.findings, 1):
                msg = f.message_es if es else f.message
                out.append(
                    f"| {k} | {cell(severity_label(f.severity, lang))} | {cell(kind_label(f.kind, lang))} | {cell(f.en_id)} | {cell(f.es_id)} | {cell(msg)} |"
                )
        return "\n".join(out) + "\n"

    # -- JSON -----------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": JSON_FORMAT,
            "signature": self.signature,
            "conformant": self.is_conformant,
            "max_severity": self.max_severity,
            "counts": self.counts(),
            "findings": [{**f.to_dict("en"), "message_es": f.message_es} for f in self.findings],
            "pairs": [
                {
                    "en": [n.id for n in p.en],
                    "es": [n.id for n in p.es],
                    "shape": p.shape,
                    "method": p.method,
                    "score": p.score,
                    "reordered": p.reordered,
                }
                for p in self.pairs
            ],
            "en": {**self.en.to_dict(), "text": self.en.text},
            "es": {**self.es.to_dict(), "text": self.es.text},
            **({"units": {k: dict(v) for k, v in self.units.items()}} if self.units else {}),
        }

    def to_json(self, path: str | Path | None = None) -> str:
        """The whole report as JSON (documents included, so :meth:`from_json` restores it exactly)."""
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=1)
        if path is not None:
            from .._io import atomic_write_text

            atomic_write_text(path, text + "\n")
        return text

    @classmethod
    def from_json(cls, source: str | Path) -> CheckReport:
        """Read a report written by :meth:`to_json` (a path or the JSON text itself)."""
        from ..errors import InputError

        raw = str(source)
        try:
            data = json.loads(Path(raw).read_text(encoding="utf-8") if not raw.lstrip().startswith("{") else raw)
        except (OSError, ValueError) as exc:
            raise InputError("check report", f"it is not readable JSON ({exc})", "pass a file written by CheckReport.to_json", code="E010") from None
        if not isinstance(data, dict) or data.get("format") != JSON_FORMAT:
            found = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise InputError("check report", f"its format is {found!r}, not {JSON_FORMAT!r}", "pass a file written by CheckReport.to_json", code="E011")
        try:
            return cls._from_data(data)
        except (KeyError, TypeError, AttributeError, IndexError) as exc:
            raise InputError("check report", f"it is not a complete report ({type(exc).__name__}: {exc})", "pass a file written by CheckReport.to_json, unedited", code="E012") from None

    @classmethod
    def _from_data(cls, data: dict[str, Any]) -> CheckReport:
        en, es = _document(data["en"]), _document(data["es"])
        pairs = tuple(
            AlignedPair(
                en=tuple(en[i] for i in p["en"]),
                es=tuple(es[i] for i in p["es"]),
                shape=p["shape"],
                method=p["method"],
                score=p["score"],
                reordered=p["reordered"],
            )
            for p in data["pairs"]
        )
        findings = tuple(
            Finding(
                kind=f["kind"],
                severity=f["severity"],
                en_id=f["en_id"],
                es_id=f["es_id"],
                en_text=f["en_text"],
                es_text=f["es_text"],
                en_span=tuple(f["en_span"]) if f["en_span"] else None,  # type: ignore[arg-type]
                es_span=tuple(f["es_span"]) if f["es_span"] else None,  # type: ignore[arg-type]
                message=f["message"],
                message_es=f["message_es"],
                check=f["check"],
            )
            for f in data["findings"]
        )
        return cls(findings=findings, pairs=pairs, en=en, es=es, signature=Signature.from_json(data["signature"], "check"), units=data.get("units") or {})

    # -- HTML -----------------------------------------------------------------------------------------
    def to_html(self, path: str | Path | None = None, lang: str = "en") -> str:
        """A self-contained side-by-side page (no network, no CDN); written atomically to ``path``."""
        from ._html import render

        page = render(self, lang=check_lang(lang))
        if path is not None:
            from .._io import atomic_write_text

            atomic_write_text(path, page)
        return page

    def to_xlsx(self, path: str | Path, lang: str = "en") -> Path:
        """Findings and summary as an Excel workbook (see ``mou_text.xlsx.report_to_xlsx``), written atomically."""
        from ._xlsx import report_to_xlsx

        return report_to_xlsx(self, path, lang=lang)

    def _repr_html_(self) -> str:
        return self._notebook_html("en")

    def view(self, lang: str = "en") -> NotebookView:
        """The notebook view in ``lang``: ``report.view("es")`` as a cell's last line shows the summary and
        findings in Spanish (Jupyter asks an object for one HTML, with no language, so ``_repr_html_``
        alone cannot)."""
        return NotebookView(self._notebook_html(check_lang(lang)))

    def _notebook_html(self, lang: str) -> str:
        """The notebook view: the summary and up to 200 findings. English shows the kind and severity codes
        (what ``to_frame`` holds); Spanish their labels."""
        text = REPORT_TEXT[check_lang(lang)]
        es = lang == "es"
        rows = []
        for f in self.findings[:200]:
            sev, kind = finding_terms(f.severity, f.kind, lang)
            rows.append(
                f"<tr><td>{html.escape(sev)}</td><td>{html.escape(kind)}</td>"
                f"<td><code>{html.escape(f.en_id or '')}</code></td><td><code>{html.escape(f.es_id or '')}</code></td>"
                f"<td>{html.escape(f.message_es if es else f.message)}</td></tr>"
            )
        more = f"<p>{html.escape(text['more'].format(n=len(self.findings) - 200))}</p>" if len(self.findings) > 200 else ""
        head = "".join(f"<th>{html.escape(h)}</th>" for h in text["notebook_headers"])
        return (
            f"<div><pre>{html.escape(self.summary(lang))}</pre>"
            + (
                f"<table><thead><tr>{head}</tr></thead><tbody>"
                + "".join(rows)
                + "</tbody></table>"
                if rows
                else ""
            )
            + more
            + "</div>"
        )

    def __repr__(self) -> str:
        return (
            f"<CheckReport findings={len(self.findings)} max_severity={self.max_severity} "
            f"conformant={self.is_conformant} pairs={len(self.pairs)}>"
        )


def _units_line(units: Mapping[str, Mapping[str, Any]], lang: str) -> str:
    """``Units: 20 paired by the file (checked 17, untranslated 1, …)``, nothing re-aligned."""
    counts = Counter(u.get("status", "checked") for u in units.values())
    side = 1 if lang == "es" else 0
    parts = ", ".join(f"{UNIT_STATUS_LABELS.get(k, (k, k))[side]} {n}" for k, n in counts.items())
    return REPORT_TEXT[lang]["units"].format(n=len(units), parts=parts)


def _document(d: dict[str, Any]) -> Document:
    text = d["text"]
    nodes = []
    for n in d["nodes"]:
        sentences = tuple(Sentence(text[a:b], a, b) for a, b in n["sentences"])
        nodes.append(Node(n["id"], n["kind"], n["section"], n["area"], n["text"], n["start"], n["end"], sentences, n["label"], n["title"]))
    return Document(lang=d["lang"], text=text, nodes=tuple(nodes), source=d.get("source"), metadata=d.get("metadata") or {})
