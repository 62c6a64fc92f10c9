"""Aligned pairs for the rule-check tests: one hand-made clause pair, or two parsed documents by id.

The rule checks read pairs, never align; pairing by structural id (what ``mou_text.pair`` does) is
exact for faithful texts and keeps these tests independent of the embedding aligner.
"""

from __future__ import annotations

from pathlib import Path

from _aligndocs import make_doc

from mou_text import load_mou, parse
from mou_text.align import AlignedPair
from mou_text.check import SEVERITY_RANK, CheckContext
from mou_text.align import pair

ROOT = Path(__file__).resolve().parents[1]
AGREEMENTS = ROOT / "tests" / "data" / "agreements"


def by_id(en, es) -> list[AlignedPair]:
    out = []
    for p in pair(en, es):
        shape = "1-1" if p.en and p.es else ("1-0" if p.en else "0-1")
        out.append(AlignedPair((p.en,) if p.en else (), (p.es,) if p.es else (), shape))
    return out


def run_docs(module, en, es, glossary=None):
    return module.check(by_id(en, es), CheckContext(en, es, glossary=glossary))


def clause(en_text: str, es_text: str, kind: str = "paragraph", node_id: str = "s1.p1"):
    """One aligned pair, with a heading before it so offsets into ``Document.text`` are not zero."""
    head_en = ("s1.heading", "heading", "SECTION 1\nObjective")
    head_es = ("s1.heading", "heading", "SECCIÓN 1\nObjetivo")
    en = make_doc("en", [head_en, (node_id, kind, en_text)])
    es = make_doc("es", [head_es, (node_id, kind, es_text)])
    return en, es


def run(module, en_text: str, es_text: str, kind: str = "paragraph", glossary=None):
    en, es = clause(en_text, es_text, kind)
    findings = run_docs(module, en, es, glossary)
    return [f for f in findings if f.en_id != "s1.heading"], en, es


def words(doc, span) -> str:
    return doc.text[span[0]:span[1]]


def major(findings, kinds=None):
    return [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["major"]
            and (kinds is None or f.kind in kinds)]


def faithful_pairs():
    """The faithful bilingual texts the project has: the MOU (two renderings) and four agreements."""
    en = load_mou("en")
    yield "mou", en, load_mou("es")
    yield "mou_alt", en, parse(ROOT / "tests" / "data" / "mou_es_alt.md", lang="es")
    for folder in sorted(p for p in AGREEMENTS.iterdir() if p.is_dir()):
        en_path = next(folder.glob("en.*"))
        es_path = next(folder.glob("es.*"))
        yield folder.name, parse(en_path, lang="en"), parse(es_path, lang="es")
