"""What every check shares: the aligned pair it reads, the context it may consult, the finding it writes.

A check is a plain function ``(pairs, ctx) -> list[Finding]``: it reads aligned clause pairs, never
re-aligns, and says exactly which words diverge (character spans into each ``Document.text``), so a
report can highlight them and a translator can see the fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..document import Document

if TYPE_CHECKING:
    from ..align import AlignStats
    from ..embed import Encoder
    from ..glossary import Glossary

SEVERITIES = ("info", "minor", "major", "critical")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


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
    """Shared, read-only inputs of one run: both documents, the glossary, the encoder (cached for the
    run) and the aligner's statistics of this document pair, which the structure rule reuses when it
    aligns sentences inside a pair."""

    en_doc: Document
    es_doc: Document
    glossary: Glossary | None = None
    encoder: Encoder | None = None
    align_stats: AlignStats | None = None
    options: dict[str, Any] = field(default_factory=dict)

