"""What the rule checks share: one side of an aligned pair as text with exact offsets, and findings.

A merged or split pair joins its nodes with a space, so a rule can read the clause as one string; a
:class:`Side` maps any offset in that joined string back to ``Document.text``, so every finding
points at the exact words whatever the pair's shape. Folding (lower case, accents dropped) keeps the
string's length, so a match found on the folded text is a match on the original text too.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ...align import AlignedPair, align_sentences
from ...document import Node
from ...embed import Encoder
from .._finding import Finding

#: Clause kinds whose words carry obligations or facts the agreement rests on.
OPERATIVE_KINDS = frozenset({"paragraph", "item", "bullet", "closing", "preamble"})


@dataclass(frozen=True)
class Side:
    """The nodes of one language in a pair, read as one string (joined by single spaces)."""

    nodes: tuple[Node, ...]
    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, nodes: Sequence[Node]) -> Side:
        starts, pos = [], 0
        for n in nodes:
            starts.append(pos)
            pos += len(n.text) + 1
        return cls(tuple(nodes), " ".join(n.text for n in nodes), tuple(starts))

    def offset(self, i: int) -> int:
        """Offset in ``Document.text`` of position ``i`` of the joined string."""
        k = max(0, bisect.bisect_right(self.starts, i) - 1)
        node = self.nodes[k]
        return node.start + min(i - self.starts[k], len(node.text))

    def span(self, start: int, end: int) -> tuple[int, int]:
        return (self.offset(start), self.offset(end) if end > start else self.offset(start))

    def is_upper(self) -> bool:
        """A node set in capitals (a title, a signature block): case says nothing there."""
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) > 0.8 * len(letters)


def sides(pairs: Sequence[AlignedPair]) -> Iterator[tuple[AlignedPair, Side, Side]]:
    """Pairs with text on both sides (one-sided pairs are the structure check's business)."""
    for p in pairs:
        if p.en and p.es:
            yield p, Side.of(p.en), Side.of(p.es)


def each_pair(pairs: Sequence[AlignedPair], compare: Callable[..., Iterable[Finding]], *args: Any) -> list[Finding]:
    """The findings of a clause-by-clause check: ``compare(pair, en, es, *args)`` on every two-sided pair."""
    return [f for pair, en, es in sides(pairs) for f in compare(pair, en, es, *args)]


def operative(pair: AlignedPair) -> bool:
    return pair.kind in OPERATIVE_KINDS


@dataclass(frozen=True)
class Hit:
    """A stretch of one side a rule points at: joined-string offsets, and what it stands for."""

    start: int
    end: int
    text: str


def make_finding(
    check: str,
    kind: str,
    severity: str,
    pair: AlignedPair,
    en: Side,
    es: Side,
    en_hit: Hit | None,
    es_hit: Hit | None,
    message: str,
    message_es: str,
) -> Finding:
    return Finding(
        kind=kind,
        severity=severity,
        en_id=pair.en_id,
        es_id=pair.es_id,
        en_text=en_hit.text if en_hit else None,
        es_text=es_hit.text if es_hit else None,
        en_span=en.span(en_hit.start, en_hit.end) if en_hit else None,
        es_span=es.span(es_hit.start, es_hit.end) if es_hit else None,
        message=message,
        message_es=message_es,
        check=check,
    )


def nearest(hits: Sequence[Hit], target: Hit, target_len: int, other_len: int) -> Hit | None:
    """The hit at about the same relative place in the other language's clause."""
    if not hits:
        return None
    where = target.start / max(1, target_len)
    return min(hits, key=lambda h: abs(h.start / max(1, other_len) - where))


Span = tuple[int, int]


def sentence_units(pair: AlignedPair, en: Side, es: Side, encoder: Encoder | None = None) -> list[tuple[Span, Span]]:
    """The aligned sentences of a pair, as spans of the joined strings: by position when both sides
    have as many sentences (a word and its rendering then sit in the same sentence), by the sentence
    aligner when an encoder is at hand, else the whole clause. A sentence with no counterpart is the
    structure check's business and is left out."""
    whole = [((0, len(en.text)), (0, len(es.text)))]
    sa, sb = _sentence_spans(en), _sentence_spans(es)
    if len(sa) <= 1 or len(sb) <= 1:
        return whole
    if len(sa) == len(sb):
        return list(zip(sa, sb))
    if encoder is None:
        return whole
    out = []
    for sp in align_sentences(pair, encoder):
        if sp.en and sp.es:
            out.append(((_joined(en, sp.en[0].start), _joined(en, sp.en[-1].end)),
                        (_joined(es, sp.es[0].start), _joined(es, sp.es[-1].end))))
    return out or whole


def _sentence_spans(side: Side) -> list[Span]:
    """Sentences of a side in joined-string offsets; the gaps between them go to the sentence before."""
    starts = sorted(_joined(side, s.start) for n in side.nodes for s in n.sentences)
    if not starts:
        return []
    starts[0] = 0
    return [(a, b) for a, b in zip(starts, starts[1:] + [len(side.text) + 1])]


def _joined(side: Side, doc_offset: int) -> int:
    for k, n in enumerate(side.nodes):
        if n.start <= doc_offset <= n.end:
            return side.starts[k] + doc_offset - n.start
    return 0
