"""What classifying one document returns: the areas, the passages that earned them, and how.

Kept apart from the classifier so a result can be built, read and displayed (``to_frame()``, a
notebook's ``_repr_html_``) without the encoder or the head: they are plain frozen values.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..signature import Signature

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["AreaPrediction", "Evidence"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a label was given: the best passage for the area, and the MOU clause it is closest to."""

    area: str
    start: int  # offsets into the input text (for a file: the text as read, markdown stripped)
    end: int
    passage: str
    clause: str  # MOU clause id, e.g. 's3.iii.bullet.3'
    clause_lang: str
    clause_text: str
    similarity: float  # cosine of the passage and that clause
    score: float  # calibrated probability of the area from this passage alone

    def to_dict(self) -> dict[str, Any]:
        return {
            "area": self.area,
            "start": self.start,
            "end": self.end,
            "passage": self.passage,
            "clause": self.clause,
            "clause_lang": self.clause_lang,
            "clause_text": self.clause_text,
            "similarity": round(self.similarity, 4),
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class AreaPrediction:
    """The areas of one document, with evidence and the signature of how they were produced."""

    scores: Mapping[str, float]
    labels: tuple[str, ...]
    primary: str | None
    evidence: tuple[Evidence, ...]
    lang: str | None
    text: str = field(repr=False)
    signature: Signature = field(default_factory=lambda: Signature("classify"), repr=False)
    path: str | None = None
    error: str | None = None
    #: of ``primary``: 'high' / 'medium' (over its threshold), 'low' (only near it), None (no area)
    confidence: str | None = None

    def row(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.scores)
        out.update(
            labels=list(self.labels),
            primary=self.primary,
            confidence=self.confidence,
            evidence=[e.to_dict() for e in self.evidence],
            lang=self.lang,
        )
        if self.path is not None:
            out["path"] = self.path
        if self.error is not None:
            out["error"] = self.error
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per area: score, whether it is a label, and its evidence passage."""
        import pandas as pd

        ev = {e.area: e for e in self.evidence}
        rows = []
        for area, score in self.scores.items():
            e = ev.get(area)
            rows.append(
                {
                    "area": area,
                    "score": score,
                    "label": area in self.labels,
                    "passage": e.passage if e else None,
                    "start": e.start if e else None,
                    "end": e.end if e else None,
                    "clause": e.clause if e else None,
                    "similarity": e.similarity if e else None,
                }
            )
        df = pd.DataFrame(rows)
        df.attrs["signature"] = self.signature.to_dict() if isinstance(self.signature, Signature) else dict(self.signature)
        return df

    def _repr_html_(self) -> str:
        bars = "".join(
            f"<tr><td>{html.escape(a)}</td><td style='text-align:right'>{s:.2f}</td>"
            f"<td><div style='background:{'#2b7' if a in self.labels else '#bbb'};width:{int(120 * s)}px;height:0.8em'></div></td></tr>"
            for a, s in self.scores.items()
        )
        spans = sorted(self.evidence, key=lambda e: e.start)
        pieces, pos = [], 0
        for e in spans:
            if e.start < pos:  # overlapping evidence: show it once
                continue
            pieces.append(html.escape(self.text[pos : e.start]))
            pieces.append(
                f"<mark title='{html.escape(e.area)} ↔ {html.escape(e.clause)} ({e.similarity:.2f})'>"
                f"{html.escape(self.text[e.start : e.end])}</mark><sup>{html.escape(e.area)}</sup>"
            )
            pos = e.end
        pieces.append(html.escape(self.text[pos : pos + 3000]) + ("…" if len(self.text) > pos + 3000 else ""))
        clauses = "".join(
            f"<li><b>{html.escape(e.area)}</b> ← <code>{html.escape(e.clause)}</code> ({e.clause_lang}, "
            f"sim {e.similarity:.2f}): {html.escape(e.clause_text)}</li>"
            for e in self.evidence
        )
        labels = (", ".join(self.labels) + (f" ({self.confidence} confidence)" if self.confidence else "")) or "none of the areas"
        return (
            f"<div><p><b>Areas:</b> {html.escape(labels)} (lang {html.escape(str(self.lang))})</p>"
            f"<table>{bars}</table><ul>{clauses}</ul>"
            f"<div style='white-space:pre-wrap;max-height:30em;overflow:auto;border:1px solid #ddd;padding:4px'>{''.join(pieces)}</div></div>"
        )
