"""Small hand-built documents for the aligner and checker tests (no parser, exact control of ids)."""

from __future__ import annotations

import re

from mou_text.document import Document, Node, Sentence

_SENT = re.compile(r"[^.!?]+[.!?]?\s*")


def make_doc(lang: str, rows: list[tuple[str, str, str]], source: str = "test") -> Document:
    """``rows`` are ``(id, kind, text)``; section/area come from the id, sentences split at . ! ?"""
    texts = [t for _, _, t in rows]
    text = "\n\n".join(texts)
    nodes, pos = [], 0
    for node_id, kind, t in rows:
        start, end = pos, pos + len(t)
        m = re.match(r"s(\d+)(?:\.([ivx]+)\.)?", node_id)
        section = int(m.group(1)) if m else None
        area = m.group(2) if m and m.group(2) else None
        sents = []
        if kind in ("title", "heading", "signature"):
            sents = [Sentence(t, start, end)]
        else:
            for sm in _SENT.finditer(t):
                s_text = sm.group(0).rstrip()
                if s_text.strip():
                    sents.append(Sentence(s_text, start + sm.start(), start + sm.start() + len(s_text)))
        nodes.append(Node(node_id, kind, section, area, t, start, end, tuple(sents)))
        pos = end + 2
    return Document(lang=lang, text=text, nodes=tuple(nodes), source=source)


def bullets(prefix: str, texts: list[str]) -> list[tuple[str, str, str]]:
    """Bullet rows numbered by position, as the parser numbers them."""
    return [(f"{prefix}.bullet.{k}", "bullet", t) for k, t in enumerate(texts, 1)]


#: Distinct English clauses (surface-distinct, so the hashing FakeEncoder separates them).
CLAUSES = [
    "Promoting economic empowerment and opportunity for women and girls through training.",
    "Supporting shelters for victims of violence in rural municipalities and border towns.",
    "Exchanging statistics on labour participation, wages and pensions every year.",
    "Organising judicial workshops on access to justice for indigenous communities.",
    "Funding scholarships in science, technology, engineering and mathematics.",
    "Creating networks of women entrepreneurs and small business owners.",
    "Combating trafficking in persons, including forced labour and sexual exploitation.",
    "Encouraging the participation of women in civil society and public life.",
]
