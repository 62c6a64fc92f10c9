"""The data model: a parsed document is a flat, ordered tuple of frozen clause records.

A flat tuple (rather than a tree of objects) keeps every consumer simple: pandas gets one row per
node, pairing is a dict lookup by id, and the tree is still there in the ids (``s3.iii.bullet.2`` is
the second bullet of area iii of Section 3). ``Document.text`` is the *normalised plain text* the
parser produced (markdown emphasis removed, soft line breaks joined, hyphenation undone), so that
``doc.text[node.start:node.end] == node.text`` holds for every node and every sentence.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: The kinds of node a parser emits, in the order a reader meets them in an agreement.
KINDS = (
    "title",
    "preamble",
    "recital",
    "heading",
    "paragraph",
    "item",
    "bullet",
    "closing",
    "signature",
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a node; offsets are into ``Document.text``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Node:
    """One clause-level unit of an agreement.

    ``id`` is a language-independent path derived from structure only, so the English and Spanish
    versions of one clause share it. ``label`` is the enumerator as printed (``iv``, ``a``, ``2``),
    normalised to lower case without punctuation; ``title`` is a heading's title line, if any.
    """

    id: str
    kind: str
    section: int | None
    area: str | None
    text: str
    start: int
    end: int
    sentences: tuple[Sentence, ...] = ()
    label: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "section": self.section,
            "area": self.area,
            "label": self.label,
            "title": self.title,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentences": [[s.start, s.end] for s in self.sentences],
        }


FRAME_COLUMNS = ["id", "kind", "section", "area", "label", "text", "start", "end", "n_sentences", "lang"]


@dataclass(frozen=True, eq=False)
class Document:
    """A parsed agreement in one language.

    ``metadata`` records how the document was read (source format, encoding, detected language and
    its confidence, parser version) so that a result can be traced back to its input.
    """

    lang: str
    text: str
    nodes: tuple[Node, ...]
    source: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "metadata", MappingProxyType(dict(self.metadata)))
        object.__setattr__(self, "_by_id", {n.id: n for n in self.nodes})

    # -- container protocol -------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.nodes)

    def __iter__(self) -> Iterator[Node]:
        return iter(self.nodes)

    def __getitem__(self, node_id: str) -> Node:
        try:
            return self._by_id[node_id]  # type: ignore[attr-defined]
        except KeyError:
            raise KeyError(f"no node with id {node_id!r} in this {self.lang} document") from None

    def __contains__(self, node_id: object) -> bool:
        return node_id in self._by_id  # type: ignore[attr-defined]

    def get(self, node_id: str) -> Node | None:
        return self._by_id.get(node_id)  # type: ignore[attr-defined]

    @property
    def ids(self) -> list[str]:
        return [n.id for n in self.nodes]

    @property
    def sections(self) -> list[int]:
        """Section (or article) numbers in document order."""
        return sorted({n.section for n in self.nodes if n.section is not None})

    def select(
        self, kind: str | None = None, section: int | None = None, area: str | None = None
    ) -> list[Node]:
        """Nodes filtered by kind, section and area (``None`` means any)."""
        return [
            n
            for n in self.nodes
            if (kind is None or n.kind == kind)
            and (section is None or n.section == section)
            and (area is None or n.area == area)
        ]

    @property
    def sentences(self) -> list[tuple[str, Sentence]]:
        """Every sentence with the id of its node, in order."""
        return [(n.id, s) for n in self.nodes for s in n.sentences]

    # -- output ---------------------------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {
                "id": n.id,
                "kind": n.kind,
                "section": n.section,
                "area": n.area,
                "label": n.label,
                "text": n.text,
                "start": n.start,
                "end": n.end,
                "n_sentences": len(n.sentences),
                "lang": self.lang,
            }
            for n in self.nodes
        ]
        df = pd.DataFrame(rows, columns=FRAME_COLUMNS)
        df["section"] = df["section"].astype("Int64")
        df.attrs["signature"] = dict(self.metadata.get("signature", {}))  # a plain dict: attrs are deep-copied
        return df

    def to_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "source": self.source,
            "metadata": dict(self.metadata),
            "nodes": [n.to_dict() for n in self.nodes],
        }

    def __repr__(self) -> str:
        counts: dict[str, int] = {}
        for n in self.nodes:
            counts[n.kind] = counts.get(n.kind, 0) + 1
        summary = ", ".join(f"{k}={counts[k]}" for k in KINDS if k in counts)
        return f"<Document lang={self.lang} source={self.source!r} nodes={len(self.nodes)} ({summary})>"

    def _repr_html_(self) -> str:
        rows = []
        for n in self.nodes:
            indent = {"item": 1, "bullet": 2 if n.area else 1}.get(n.kind, 0)
            style = "font-weight:bold" if n.kind in ("title", "heading") else ""
            rows.append(
                f"<tr><td><code>{html.escape(n.id)}</code></td><td>{n.kind}</td>"
                f"<td style='padding-left:{indent * 1.5}em;{style}'>{html.escape(n.text)}</td></tr>"
            )
        return (
            f"<div><p><b>Document</b> ({html.escape(self.lang)}, {len(self.nodes)} nodes, "
            f"sections {self.sections}) — {html.escape(str(self.source or 'string'))}</p>"
            "<table><thead><tr><th>id</th><th>kind</th><th>text</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table></div>"
        )
