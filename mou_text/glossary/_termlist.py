"""The term list a translated pair yields: one row per term with every rendering it received."""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .._version import __version__
from ..signature import Signature
from ._extract import headword

if TYPE_CHECKING:
    import pandas as pd


FRAME_COLUMNS = ["en", "es", "type", "en_count", "es_count", "variants", "inconsistent", "clause_ids",
                 "en_expansion", "es_expansion"]


@dataclass(frozen=True, slots=True)
class Variant:
    """One Spanish rendering of a term: the form, how often the Spanish text uses it, and where it renders the term."""

    es: str
    count: int
    clause_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Term:
    """One English term, its usual Spanish rendering and every other rendering the pair used."""

    en: str
    es: str
    type: str  # 'term' (defined term), 'acronym' or 'institution'
    en_count: int
    es_count: int
    variants: tuple[Variant, ...]
    inconsistent: bool
    clause_ids: tuple[str, ...]
    en_expansion: str = ""
    es_expansion: str = ""


@dataclass(frozen=True)
class TermList:
    """The term candidates of one pair, with the run's signature."""

    terms: tuple[Term, ...]
    signature: Signature

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def __getitem__(self, en: str) -> Term:
        for t in self.terms:
            if t.en == en:
                return t
        raise KeyError(f"no term {en!r}")

    @property
    def inconsistent(self) -> list[Term]:
        return [t for t in self.terms if t.inconsistent]

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {
                "en": t.en,
                "es": t.es,
                "type": t.type,
                "en_count": t.en_count,
                "es_count": t.es_count,
                "variants": _variants_text(t),
                "inconsistent": t.inconsistent,
                "clause_ids": ", ".join(t.clause_ids),
                "en_expansion": t.en_expansion,
                "es_expansion": t.es_expansion,
            }
            for t in self.terms
        ]
        df = pd.DataFrame(rows, columns=FRAME_COLUMNS)
        df.attrs["signature"] = self.signature.to_dict()
        return df

    def to_glossary_tsv(self, path: str | os.PathLike[str]) -> Path:
        """Write the matched terms as a glossary TSV ``load_glossary`` reads (en, es, type, note), atomically.

        Every Spanish variant is its own row (the glossary's way of listing accepted forms), the
        defined terms lose their article so they match wherever the term is used, and an acronym's
        expansions are a row of their own.
        """
        from .._io import atomic_write_text

        origin = _cell(f"{self.signature.get('en_source') or 'text'} / {self.signature.get('es_source') or 'text'}")
        lines = [f"# term list drawn by mou-text {__version__} from {origin}", "en\tes\ttype\tnote"]
        seen: set[tuple[str, str]] = set()

        def row(en: str, es: str, kind: str, note: str) -> None:
            en, es, note = (_cell(x) for x in (en, es, note))
            if en and es and (en, es) not in seen:
                seen.add((en, es))
                lines.append(f"{en}\t{es}\t{kind}\t{note}")

        for t in self.terms:
            if not t.es:
                continue
            for v in t.variants:
                note = "inconsistent rendering in the source pair" if t.inconsistent and v.es != t.es else ""
                if t.type == "term":
                    row(headword(t.en, "en"), headword(v.es, "es"), "term", note or "defined term")
                else:
                    row(t.en, v.es, t.type, note or (t.en_expansion if t.type == "acronym" else ""))
            if t.type == "acronym" and t.en_expansion and t.es_expansion:
                row(t.en_expansion, t.es_expansion, "term", f"expansion of {t.en}")
        return atomic_write_text(path, "\n".join(lines) + "\n")

    def __repr__(self) -> str:
        return f"<TermList {len(self.terms)} terms, {len(self.inconsistent)} inconsistent>"

    def _repr_html_(self) -> str:
        flag = " style='background:#fde2e2'"
        rows = "".join(
            f"<tr{flag if t.inconsistent else ''}><td>{html.escape(t.en)}</td>"
            f"<td>{html.escape(t.es)}</td><td>{t.type}</td><td>{t.en_count}</td><td>{t.es_count}</td>"
            f"<td>{html.escape(_variants_text(t))}</td></tr>"
            for t in self.terms
        )
        return (
            f"<div><p><b>TermList</b>: {len(self.terms)} terms, {len(self.inconsistent)} inconsistent</p>"
            "<table><thead><tr><th>en</th><th>es</th><th>type</th><th>en_count</th><th>es_count</th>"
            "<th>variants</th></tr></thead><tbody>" + rows + "</tbody></table></div>"
        )


def _variants_text(t: Term) -> str:
    return "; ".join(f"{v.es} ×{v.count} ({', '.join(v.clause_ids)})" for v in t.variants)


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


# -- candidates ---------------------------------------------------------------------------------------


