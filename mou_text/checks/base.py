"""What every check shares: the aligned pair it reads, the context it may consult, the finding it writes.

A check is a plain function ``(pairs, ctx) -> list[Finding]``: it reads aligned clause pairs, never
re-aligns, and says exactly which words diverge (character spans into each ``Document.text``), so a
report can highlight them and a translator can see the fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Node

SEVERITIES = ("info", "minor", "major", "critical")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


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


@dataclass(frozen=True, slots=True)
class Finding:
    """One divergence between the two versions, with the offending words on each side."""

    kind: str
    severity: str
    en_id: str | None
    es_id: str | None
    en_text: str | None
    es_text: str | None
    en_span: tuple[int, int] | None
    es_span: tuple[int, int] | None
    message: str
    message_es: str
    check: str

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "en_id": self.en_id,
            "es_id": self.es_id,
            "en_text": self.en_text,
            "es_text": self.es_text,
            "en_span": list(self.en_span) if self.en_span else None,
            "es_span": list(self.es_span) if self.es_span else None,
            "message": self.message_es if lang == "es" else self.message,
            "check": self.check,
        }


@dataclass
class CheckContext:
    """Shared, read-only inputs of one run."""

    en_doc: Document
    es_doc: Document
    glossary: Any = None
    encoder: Any = None
    options: dict[str, Any] = field(default_factory=dict)

