"""The pair family: what the two language versions of one agreement look like side by side.

* :class:`ClausePair` / :class:`ParallelDocument`: one row per structural id (or per unit of a CAT
  file), a one-sided clause kept with the other side empty, never dropped, because an omitted clause
  is exactly what a translator needs to see.
* :class:`AlignedPair`: English clause(s) aligned to Spanish clause(s), the aligner's output and the
  checker's input; a ``ClausePair`` becomes one with :meth:`AlignedPair.of_clause_pair`.
* :class:`SentencePair`: sentence(s) aligned inside one aligned pair.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..document import Document, Node, Sentence
from ..signature import Signature

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True, slots=True)
class ClausePair:
    """One row of a parallel document. ``en`` or ``es`` is None when that side has no such clause."""

    id: str
    kind: str
    section: int | None
    area: str | None
    en: Node | None
    es: Node | None
    method: str = "id"  # 'id' (same structural id), or what an aligner used
    score: float | None = None
    #: What a CAT file says about the unit (state, approval, notes, inline codes…); None otherwise.
    meta: Mapping[str, Any] | None = field(default=None, compare=False, hash=False)

    @property
    def status(self) -> str:
        if self.en is not None and self.es is not None:
            return "paired"
        return "en_only" if self.en is not None else "es_only"


@dataclass(frozen=True, eq=False)
class ParallelDocument:
    """Two versions of one agreement and their clause pairs, in reading order."""

    en: Document
    es: Document
    pairs: tuple[ClausePair, ...]

    def __len__(self) -> int:
        return len(self.pairs)

    def __iter__(self) -> Iterator[ClausePair]:
        return iter(self.pairs)

    def __getitem__(self, clause_id: str) -> ClausePair:
        for p in self.pairs:
            if p.id == clause_id:
                return p
        raise KeyError(f"no clause pair with id {clause_id!r}")

    @property
    def unpaired(self) -> list[ClausePair]:
        return [p for p in self.pairs if p.status != "paired"]

    @property
    def signature(self) -> Signature:
        """The English side's parse signature, without its language, plus how the pairs were made."""
        sig = Signature("pair", self.en.metadata.get("signature", {}))
        return sig.without("lang").replace(pairing="structural-id")

    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        rows = []
        for p in self.pairs:
            rows.append(
                {
                    "id": p.id,
                    "kind": p.kind,
                    "section": p.section,
                    "area": p.area,
                    "en_text": p.en.text if p.en else None,
                    "es_text": p.es.text if p.es else None,
                    "en_start": p.en.start if p.en else None,
                    "en_end": p.en.end if p.en else None,
                    "es_start": p.es.start if p.es else None,
                    "es_end": p.es.end if p.es else None,
                    "status": p.status,
                    "method": p.method,
                }
            )
        df = pd.DataFrame(rows)
        for col in ("section", "en_start", "en_end", "es_start", "es_end"):
            df[col] = df[col].astype("Int64")
        df.attrs["signature"] = self.signature.to_dict()
        return df

    def __repr__(self) -> str:
        return f"<ParallelDocument pairs={len(self.pairs)} unpaired={len(self.unpaired)}>"

    def _repr_html_(self) -> str:
        rows = []
        for p in self.pairs:
            colour = "" if p.status == "paired" else " style='background:#fde2e2'"
            en = html.escape(p.en.text) if p.en else "<i>(missing)</i>"
            es = html.escape(p.es.text) if p.es else "<i>(missing)</i>"
            rows.append(f"<tr{colour}><td><code>{html.escape(p.id)}</code></td><td>{en}</td><td>{es}</td></tr>")
        return (
            f"<div><p><b>ParallelDocument</b>: {len(self.pairs)} clause pairs, {len(self.unpaired)} unpaired</p>"
            "<table><thead><tr><th>id</th><th>English</th><th>Español</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table></div>"
        )


@dataclass(frozen=True, slots=True)
class AlignedPair:
    """English clause(s) aligned to Spanish clause(s).

    ``shape`` is ``'1-1'``, ``'1-0'`` (omitted in Spanish), ``'0-1'`` (added in Spanish), ``'1-2'``
    (split), ``'2-1'`` (merged); ``method`` says how the pair was found (``'id'`` or ``'embedding'``);
    ``reordered`` marks a pair whose Spanish side stands elsewhere in the sequence.
    """

    en: tuple[Node, ...]
    es: tuple[Node, ...]
    shape: str
    method: str = "id"
    score: float | None = None
    reordered: bool = False

    @property
    def en_id(self) -> str | None:
        return "+".join(n.id for n in self.en) or None

    @property
    def es_id(self) -> str | None:
        return "+".join(n.id for n in self.es) or None

    @property
    def en_text(self) -> str:
        return " ".join(n.text for n in self.en)

    @property
    def es_text(self) -> str:
        return " ".join(n.text for n in self.es)

    @property
    def kind(self) -> str:
        return (self.en or self.es)[0].kind

    @classmethod
    def of_clause_pair(cls, p: ClausePair) -> AlignedPair:
        """The aligned form of a pair someone else made (by id, or a CAT tool's unit): trusted as is."""
        en, es = (p.en,) if p.en else (), (p.es,) if p.es else ()
        return cls(en, es, f"{len(en)}-{len(es)}", p.method, p.score)


@dataclass(frozen=True, slots=True)
class SentencePair:
    """English sentence(s) aligned to Spanish sentence(s) inside one aligned clause pair.

    ``en_ids``/``es_ids`` name the clause each sentence belongs to (a merged pair spans two clauses).
    """

    en: tuple[Sentence, ...]
    es: tuple[Sentence, ...]
    shape: str
    score: float | None
    en_ids: tuple[str, ...] = ()
    es_ids: tuple[str, ...] = ()

    @property
    def en_span(self) -> tuple[int, int] | None:
        return (self.en[0].start, self.en[-1].end) if self.en else None

    @property
    def es_span(self) -> tuple[int, int] | None:
        return (self.es[0].start, self.es[-1].end) if self.es else None

    @property
    def en_text(self) -> str:
        return " ".join(s.text for s in self.en)

    @property
    def es_text(self) -> str:
        return " ".join(s.text for s in self.es)
