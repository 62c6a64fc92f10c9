"""Merges beyond two units: a run of three or four paragraphs (or sentences) that the other version puts in one."""

from __future__ import annotations

from _aligndocs import CLAUSES, make_doc

from mou_text.align import align, align_sentences
from mou_text.embed import FakeEncoder

FAKE = FakeEncoder()


def _rows(texts):
    return [("s1.heading", "heading", "Section 1 Scope")] + [(f"s1.p{k}", "paragraph", t) for k, t in enumerate(texts, 1)]


def _shapes(pairs):
    return [(p.en_id, p.es_id, p.shape) for p in pairs if p.kind != "heading"]


def test_three_english_paragraphs_in_one_spanish_paragraph():
    en = make_doc("en", _rows(CLAUSES[:3] + CLAUSES[4:6]))
    es = make_doc("es", _rows([" ".join(CLAUSES[:3])] + CLAUSES[4:6]))
    pairs = align(en, es, FAKE)
    assert ("s1.p1+s1.p2+s1.p3", "s1.p1", "3-1") in _shapes(pairs)
    assert all(p.en and p.es for p in pairs)


def test_four_spanish_paragraphs_in_one_english_paragraph():
    en = make_doc("en", _rows([" ".join(CLAUSES[:4])] + CLAUSES[5:7]))
    es = make_doc("es", _rows(CLAUSES[:4] + CLAUSES[5:7]))
    pairs = align(en, es, FAKE)
    assert ("s1.p1", "s1.p1+s1.p2+s1.p3+s1.p4", "1-4") in _shapes(pairs)
    assert all(p.en and p.es for p in pairs)


def test_an_omitted_paragraph_next_to_a_merge_is_not_absorbed():
    # ES joins the first two English paragraphs and leaves out the third, which says something else
    en = make_doc("en", _rows(CLAUSES[:3] + CLAUSES[4:6]))
    es = make_doc("es", _rows([" ".join(CLAUSES[:2])] + CLAUSES[4:6]))
    shapes = _shapes(align(en, es, FAKE))
    assert ("s1.p1+s1.p2", "s1.p1", "2-1") in shapes and ("s1.p3", None, "1-0") in shapes


def test_sentences_grow_both_ways():
    three = " ".join(CLAUSES[:3])
    joined = CLAUSES[0][:-1] + ", " + CLAUSES[1][0].lower() + CLAUSES[1][1:-1] + ", and " + CLAUSES[2][0].lower() + CLAUSES[2][1:]
    for en_text, es_text, shape in ((three, joined, "3-1"), (joined, three, "1-3")):
        en = make_doc("en", [("s1.p1", "paragraph", en_text)])
        es = make_doc("es", [("s1.p1", "paragraph", es_text)])
        (pair,) = align(en, es, FAKE)
        assert [sp.shape for sp in align_sentences(pair, FAKE)] == [shape]
