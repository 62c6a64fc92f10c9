"""Pairing by structural id: nothing dropped, order kept, one-sided clauses visible."""

from __future__ import annotations

import pandas as pd
from conftest import MOU

import mou_text
from mou_text import pair, parse
from mou_text.align import merge_order


def test_bundled_pair_is_complete(en_doc, es_doc):
    par = pair(en_doc, es_doc)
    assert len(par) == len(en_doc) and par.unpaired == []
    df = par.to_frame()
    for col in ("id", "kind", "section", "area", "en_text", "es_text", "en_start", "en_end", "es_start", "es_end"):
        assert col in df.columns
    row = df.set_index("id").loc["s3.iii.bullet.2"]
    assert row.en_text.startswith("Combating trafficking") and row.es_text.startswith("Combatir la trata")
    assert es_doc.text[row.es_start : row.es_end] == row.es_text
    assert df.attrs["signature"]["pairing"] == "structural-id"


def test_pair_accepts_paths_and_strings():
    par = pair(MOU / "en.md", (MOU / "es.md").read_text(encoding="utf-8"))
    assert par.en.lang == "en" and par.es.lang == "es" and par.unpaired == []


def test_one_sided_clause_is_kept(en_doc):
    es_text = (MOU / "es.md").read_text(encoding="utf-8")
    lines = es_text.split("\n")
    # drop Section 4's second paragraph and add a paragraph at the end of Section 1
    last = max(i for i, ln in enumerate(lines) if ln.startswith("Los Participantes podrán designar"))
    lines = lines[: last + 1] + lines[last + 3 :]  # Section 4's second paragraph and its blank line
    es_text = "\n".join(lines)
    marker = es_text.index("## **SECCIÓN 2**")
    es_text = es_text[:marker] + "Los Participantes informarán anualmente sobre los avances alcanzados.\n\n" + es_text[marker:]
    es = parse(es_text, lang="es")
    par = pair(en_doc, es)
    status = {p.id: p.status for p in par}
    assert status["s4.p2"] == "en_only"
    assert status["s1.p2"] == "es_only"
    ids = [p.id for p in par]
    assert ids.index("s1.p2") == ids.index("s1.p1") + 1  # the added clause stands where it was added
    assert len(par) == len(en_doc) + 1
    df = par.to_frame().set_index("id")
    assert pd.isna(df.loc["s4.p2"].es_text) and pd.isna(df.loc["s1.p2"].en_text)
    assert "(missing)" in par._repr_html_()


def test_merge_order():
    assert merge_order(["a", "b", "c"], ["a", "x", "b", "c", "y"]) == ["a", "x", "b", "c", "y"]
    assert merge_order(["a", "b"], ["z", "a"]) == ["z", "a", "b"]
    assert merge_order([], ["q"]) == ["q"]


def test_parallel_document_lookup(en_doc, es_doc):
    par = mou_text.pair(en_doc, es_doc)
    assert par["s4.p1"].es.text.startswith("Los Participantes podrán")
    assert repr(par).startswith("<ParallelDocument")


def test_lists_numbered_differently_pair_by_position(en_doc):
    """A translation that letters Section 2's list a)…e) and the areas A.…D. still pairs completely."""
    import re

    es_text = (MOU / "es.md").read_text(encoding="utf-8")
    letters = dict(zip(["i", "ii", "iii", "iv", "v"], "abcde"))
    es_text = re.sub(r"^- (i|ii|iii|iv|v)\. ", lambda m: f"- {letters[m.group(1)]}) ", es_text, flags=re.M)
    es_text = re.sub(r"^\*\*(i|ii|iii|iv)\. ", lambda m: f"**{letters[m.group(1)].upper()}. ", es_text, flags=re.M)
    es = parse(es_text, lang="es")
    assert "s2.item.a" in es and "s3.b.bullet.1" in es
    par = pair(en_doc, es)
    assert par.unpaired == []
    assert par["s2.item.iv"].es.id == "s2.item.d" and par["s2.item.iv"].method == "position"
    assert par["s3.ii.bullet.3"].es.id == "s3.b.bullet.3"
