"""Two editions, not a translation: how many aligned clauses differ, and the findings grouped by section.

A translation checked against its source differs in a few places; two *editions* of an instrument
(a constitution amended between the English and the Spanish publication, regulations of 2010 against
those of 2014) differ everywhere: clauses added and dropped, articles renumbered, figures and dates
changed. Listing a hundred findings in document order buries the one message the reader needs, so the
report says it first ("these read as different editions of the text, not a translation: N of M
clauses differ") and counts the findings per article or section.

A clause *differs* when it has no counterpart, or when a finding of a kind that editions produce
(clauses or sentences added, dropped, merged, split or moved; figures, dates and references; a
clause that reads unlike its counterpart; words added or dropped inside a sentence) is major or
worse. Convention findings (modality, negation, names, terms) are left out of the count: they are
what a faithful translation can trip, and they say nothing about editions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..align import AlignedPair
from ..document import Document
from ..lang import kind_name
from ._finding import SEVERITY_RANK, Finding

#: Finding kinds that two editions of a text produce (structure, figures, content).
EDITION_KINDS = frozenset({
    "omission", "addition", "merge", "split", "reorder", "list_count", "similarity", "length", "number", "date",
    "cross_reference", "phrase_addition", "phrase_omission",
})
#: At least this share of the aligned clauses differing, and at least MIN_DIFFERING of them.
EDITION_SHARE = 0.25
MIN_DIFFERING = 8


@dataclass(frozen=True)
class EditionVerdict:
    """How many aligned clauses differ, out of how many, and whether that reads as two editions."""

    differing: int
    total: int

    @property
    def editions(self) -> bool:
        return self.total > 0 and self.differing >= MIN_DIFFERING and self.differing / self.total >= EDITION_SHARE


def _ids(value: str | None) -> set[str]:
    return set(value.split("+")) if value else set()


def verdict(pairs: Sequence[AlignedPair], findings: Sequence[Finding]) -> EditionVerdict:
    """Count the aligned clauses that differ (one-sided, or a major edition-kind finding)."""
    hit_en: set[str] = set()
    hit_es: set[str] = set()
    for f in findings:
        if f.kind in EDITION_KINDS and SEVERITY_RANK.get(f.severity, 0) >= SEVERITY_RANK["major"]:
            hit_en |= _ids(f.en_id)
            hit_es |= _ids(f.es_id)
    differing = 0
    for p in pairs:
        if not (p.en and p.es):
            differing += 1
        elif any(n.id in hit_en for n in p.en) or any(n.id in hit_es for n in p.es):
            differing += 1
    return EditionVerdict(differing, len(pairs))


def section_of(f: Finding, en: Document, es: Document, lang: str = "en") -> tuple[str, str]:
    """The section a finding belongs to and its heading as printed in the report's language when that
    version has it ('Article 5' / 'Artículo 5'); clauses outside any section are grouped by kind."""
    docs = ((en, f.en_id), (es, f.es_id)) if lang == "en" else ((es, f.es_id), (en, f.en_id))
    for doc, ids in docs:
        for node_id in sorted(_ids(ids)):
            if node_id not in doc:
                continue
            node = doc[node_id]
            if not node.section:
                kind = node.kind if node.kind in ("title", "closing", "signature") else "preamble"
                return f"~{kind}", kind_name(kind, lang).capitalize()
            head = f"s{node.section}.heading"
            for d in (docs[0][0], docs[1][0]):
                if head in d:
                    return node.section, " ".join(d[head].text.split())
            return node.section, f"§ {node.section}"
    return "?", "?"


def by_section(findings: Sequence[Finding], en: Document, es: Document, floor: str = "major",
               lang: str = "en") -> list[tuple[str, int, int]]:
    """``(section heading, findings at or above floor, of which critical)`` in order of first finding."""
    order: dict[str, list] = {}
    rank = SEVERITY_RANK[floor]
    for f in findings:
        if SEVERITY_RANK.get(f.severity, 0) < rank:
            continue
        key, label = section_of(f, en, es, lang)
        row = order.setdefault(key, [label, 0, 0])
        row[1] += 1
        row[2] += f.severity == "critical"
    return [(label, n, c) for label, n, c in order.values()]
