"""A portfolio of classified documents: how many per area, per language, per year, grantee or state.

A programme officer tagging 300 reports wants the picture, not the CSV: counts per area (a document
may carry several areas, so per-area counts are of documents *having* that area, never shares of a
whole), broken down by any metadata the input carried, the documents a person should confirm, and
each document's evidence. :class:`Portfolio` is that view as a frozen value built from the
classifier's results (a :meth:`AreaClassifier.predict` frame, or the records of ``mou-text
classify``); ``to_frame`` and ``counts`` give the numbers, ``to_html`` the self-contained page
(rendered by ``_portfolio_html``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..signature import Signature
from ._results import Evidence
from ._review import CONFIDENT, MARGIN, review_reasons

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DIMENSIONS", "Portfolio", "PortfolioDoc"]

#: Metadata columns a portfolio is broken down by first, when present (then any other column with a
#: handful of distinct values).
DIMENSIONS = ("year", "año", "grantee", "organisation", "organization", "organización", "state", "estado", "programme", "program", "programa")
#: A metadata column with more distinct values than this is an identifier, not a grouping.
MAX_GROUPS = 40
_STANDARD = {"path", "key", "lang", "labels", "primary", "evidence", "error", "text", "signature", "id"}


@dataclass(frozen=True)
class PortfolioDoc:
    """One document of a portfolio: its key (file or row), scores, labels, evidence, metadata and why it is uncertain."""

    key: str
    lang: str | None
    scores: Mapping[str, float | None]
    labels: tuple[str, ...]
    primary: str | None
    evidence: tuple[Evidence, ...]
    meta: Mapping[str, str]
    reasons: tuple[str, ...] = ()
    error: str = ""

    @property
    def uncertain(self) -> bool:
        """Near a threshold or given with low confidence (an abstention alone is not uncertainty)."""
        return bool({"near_threshold", "low_confidence"} & set(self.reasons))


@dataclass(frozen=True)
class Portfolio:
    """Classified documents seen as a whole; build it with :meth:`from_predictions`."""

    docs: tuple[PortfolioDoc, ...]
    areas: tuple[str, ...]
    thresholds: Mapping[str, float]
    signature: Signature = field(default_factory=lambda: Signature("portfolio"))
    dimensions: tuple[str, ...] = ()
    margin: float = MARGIN
    confident: float = CONFIDENT

    @classmethod
    def from_predictions(
        cls,
        results: pd.DataFrame | Iterable[Mapping[str, Any]],
        *,
        metadata: pd.DataFrame | Mapping[str, Mapping[str, Any]] | None = None,
        signature: Mapping[str, Any] | None = None,
        margin: float = MARGIN,
        confident: float = CONFIDENT,
    ) -> Portfolio:
        """A portfolio from a ``predict`` frame (its ``attrs['signature']`` gives areas and thresholds;
        any column that is not a result, such as ``year`` or ``state``, is metadata) or from
        ``mou-text classify`` records (dicts with ``path``, scores, ``labels``, ``evidence``, ``error``
        and an optional ``meta`` dict). ``metadata``: more columns, a frame aligned on the results'
        index or a mapping of document key to columns."""
        import pandas as pd

        if isinstance(results, pd.DataFrame):
            sig = dict(signature or results.attrs.get("signature") or {})
            extra = pd.DataFrame(metadata) if isinstance(metadata, pd.DataFrame) else None
            frame = results.join(extra[[c for c in extra.columns if c not in results.columns]]) if extra is not None else results
            records = []
            for idx, row in frame.iterrows():
                rec = {k: row[k] for k in frame.columns}
                rec["path"] = row["path"] if "path" in frame.columns and isinstance(row["path"], str) else str(idx)
                rec["meta"] = {c: row[c] for c in frame.columns if c not in _STANDARD and c not in sig.get("areas", ())}
                records.append(rec)
        else:
            sig = dict(signature or {})
            records = list(results)
        areas = tuple(sig.get("areas") or [a for a in ("economic", "social", "security", "justice") if records and a in records[0]])
        thresholds = {a: float((sig.get("thresholds") or {}).get(a, 0.5)) for a in areas}
        extra_meta = metadata if isinstance(metadata, Mapping) else {}
        docs = tuple(_doc(rec, areas, thresholds, extra_meta, margin, confident) for rec in records)
        return cls(docs, areas, MappingProxyType(thresholds), Signature("classify", sig), _dimensions(docs), margin, confident)

    # -- numbers ----------------------------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """One row per document: key, lang, each area's score, labels, primary, uncertain, reasons, metadata."""
        import pandas as pd

        rows = []
        for d in self.docs:
            row: dict[str, Any] = {"document": d.key, "lang": d.lang}
            row.update({a: d.scores.get(a) for a in self.areas})
            row.update(labels=list(d.labels), primary=d.primary, uncertain=d.uncertain, reasons=list(d.reasons), error=d.error)
            row.update(d.meta)
            rows.append(row)
        df = pd.DataFrame(rows, columns=["document", "lang", *self.areas, "labels", "primary", "uncertain", "reasons", "error", *self.meta_columns])
        df.attrs["signature"] = dict(self.signature)
        return df

    @property
    def meta_columns(self) -> tuple[str, ...]:
        """Every metadata column any document carries, in first-seen order."""
        seen: dict[str, None] = {}
        for d in self.docs:
            seen.update(dict.fromkeys(d.meta))
        return tuple(seen)

    def counts(self, by: str | None = None) -> pd.DataFrame:
        """Documents per area (multi-label: a document counts once in each of its areas), plus
        ``none``, ``uncertain`` and ``documents``; one row per value of ``by`` (``'lang'`` or a
        metadata column), or a single ``total`` row."""
        import pandas as pd

        groups: dict[str, list[PortfolioDoc]] = {}
        for d in self.docs:
            if d.error:
                continue
            value = "total" if by is None else (d.lang or "") if by == "lang" else str(d.meta.get(by, ""))
            groups.setdefault(value, []).append(d)
        rows = {
            g: {**{a: sum(a in d.labels for d in ds) for a in self.areas}, "none": sum(not d.labels for d in ds),
                "uncertain": sum(d.uncertain for d in ds), "documents": len(ds)}
            for g, ds in groups.items()
        }
        df = pd.DataFrame.from_dict(rows, orient="index", columns=[*self.areas, "none", "uncertain", "documents"])
        df.index.name = by or ""
        return df.loc[_sorted_groups(list(df.index))] if len(df) else df

    @property
    def uncertain(self) -> tuple[PortfolioDoc, ...]:
        """The documents a person should confirm (a score near its threshold, or an area given with low confidence)."""
        return tuple(d for d in self.docs if d.uncertain)

    # -- views ------------------------------------------------------------------------------------
    def to_html(self, path: str | PathLike[str] | None = None, lang: str = "en") -> str | Path:
        """The self-contained page (inline SVG charts, no script from anywhere, every string escaped),
        in English or Spanish; written atomically to ``path`` if given, else returned."""
        from ._portfolio_html import render

        page = render(self, lang)
        if path is None:
            return page
        from .._io import atomic_write_text

        return atomic_write_text(Path(path), page)

    def _repr_html_(self) -> str:
        """The notebook view: the counts per area and how many documents are uncertain."""
        from ._portfolio_html import summary_html

        return summary_html(self)

    def __repr__(self) -> str:
        return f"<Portfolio documents={len(self.docs)} uncertain={len(self.uncertain)} dimensions={list(self.dimensions)}>"


def _number(v: Any) -> float | None:
    if v is None or v == "":
        return None
    f = float(v)
    return None if math.isnan(f) else f


def _doc(rec: Mapping[str, Any], areas: tuple[str, ...], thresholds: Mapping[str, float], extra: Mapping[str, Mapping[str, Any]], margin: float, confident: float) -> PortfolioDoc:
    key = str(rec.get("path") or rec.get("key") or "")
    labels = rec.get("labels") or []
    if isinstance(labels, str):
        labels = [x for x in labels.split(";") if x]
    scores = {a: _number(rec.get(a)) for a in areas}
    error = rec.get("error")
    error = "" if error is None or (isinstance(error, float) and math.isnan(error)) else str(error)
    meta = {str(k): _text(v) for k, v in {**(rec.get("meta") or {}), **extra.get(key, {})}.items()}
    evidence = []
    for e in rec.get("evidence") or []:
        e = e if isinstance(e, Mapping) else e.to_dict()
        evidence.append(Evidence(**{f: e.get(f) for f in Evidence.__dataclass_fields__}))  # type: ignore[arg-type]
    reasons = () if error else review_reasons(scores, labels, thresholds, margin=margin, confident=confident)
    return PortfolioDoc(key, rec.get("lang") or None, MappingProxyType(scores), tuple(labels), rec.get("primary") or None, tuple(evidence), MappingProxyType(meta), reasons, error)


def _text(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))  # a year read as 2023.0
    return str(v).strip()


def _dimensions(docs: tuple[PortfolioDoc, ...]) -> tuple[str, ...]:
    """Metadata columns worth a breakdown: known names first, then any with 2..MAX_GROUPS values that repeat."""
    cols: dict[str, list[str]] = {}
    for d in docs:
        for k, v in d.meta.items():
            if v:
                cols.setdefault(k, []).append(v)
    # a grouping has at least two groups, and at least one group of two (else it is an identifier)
    good = [c for c, vals in cols.items() if 1 < len(set(vals)) <= MAX_GROUPS and len(set(vals)) < len(vals)]
    known = [c for name in DIMENSIONS for c in good if c.lower() == name]
    return tuple(known + [c for c in good if c not in known])


def _sorted_groups(values: list[str]) -> list[str]:
    """Numbers (years) in numeric order, then text in alphabetical order, the empty group last."""

    def key(v: str) -> tuple[int, float, str]:
        try:
            return (0, float(v), "")
        except ValueError:
            return (1 if v else 2, 0.0, v.lower())

    return sorted(values, key=key)
