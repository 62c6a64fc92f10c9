"""The clause aligner: id pairs first, DP re-alignment of suspicious runs, merges, splits, moves."""

from __future__ import annotations

import random

import pytest
from _aligndocs import CLAUSES, bullets, make_doc
from conftest import MOU

from mou_text.align import align, align_sentences, align_with_stats
from mou_text.embed import FakeEncoder, get_encoder
from mou_text.parse import parse

FAKE = FakeEncoder()


def _covers_everything(pairs, en, es):
    """Every clause of both documents appears exactly once."""
    assert sorted(n.id for p in pairs for n in p.en) == sorted(en.ids)
    assert sorted(n.id for p in pairs for n in p.es) == sorted(es.ids)


def _links(pairs):
    return [(p.en_id, p.es_id, p.shape) for p in pairs]


def _doc(lang, texts, head=True):
    rows = [("s3.heading", "heading", "Section 3 Forms of cooperation")] if head else []
    rows.append(("s3.p1", "paragraph", "The Participants may carry out the following activities:"))
    return make_doc(lang, rows + bullets("s3", texts))


def test_identical_structure_pairs_by_id():
    en, es = _doc("en", CLAUSES), _doc("es", CLAUSES)
    pairs = align(en, es, FAKE)
    assert all(p.shape == "1-1" and p.method == "id" and not p.reordered for p in pairs)
    assert [p.en_id for p in pairs] == en.ids
    assert all(p.score is not None and p.score > 0.99 for p in pairs)


def test_omitted_bullet_in_the_middle_realigns_the_rest():
    en = _doc("en", CLAUSES[:6])
    es = _doc("es", CLAUSES[:2] + CLAUSES[3:6])  # ES bullet 3 is EN bullet 4, and so on
    pairs = align(en, es, FAKE)
    _covers_everything(pairs, en, es)
    links = _links(pairs)
    assert ("s3.bullet.3", None, "1-0") in links
    assert ("s3.bullet.4", "s3.bullet.3", "1-1") in links
    assert ("s3.bullet.6", "s3.bullet.5", "1-1") in links
    assert [p.en_id for p in pairs] == en.ids  # English reading order


def test_added_bullet_in_spanish():
    en = _doc("en", CLAUSES[:5])
    es = _doc("es", CLAUSES[:2] + ["Un programa de becas deportivas completamente nuevo para atletas jóvenes."] + CLAUSES[2:5])
    pairs = align(en, es, FAKE)
    _covers_everything(pairs, en, es)
    links = _links(pairs)
    assert (None, "s3.bullet.3", "0-1") in links
    assert ("s3.bullet.3", "s3.bullet.4", "1-1") in links
    # the added clause stands where it is in the Spanish text
    order = [p.es_id for p in pairs if p.es_id and p.es_id.startswith("s3.bullet")]
    assert order == [f"s3.bullet.{k}" for k in range(1, 7)]


def test_merged_bullets_two_to_one():
    en = _doc("en", CLAUSES[:6])
    es = _doc("es", CLAUSES[:2] + [CLAUSES[2] + " " + CLAUSES[3]] + CLAUSES[4:6])
    pairs = align(en, es, FAKE)
    _covers_everything(pairs, en, es)
    merged = [p for p in pairs if p.shape == "2-1"]
    assert [(p.en_id, p.es_id) for p in merged] == [("s3.bullet.3+s3.bullet.4", "s3.bullet.3")]
    assert merged[0].method == "embedding" and merged[0].score is not None
    assert ("s3.bullet.5", "s3.bullet.4", "1-1") in _links(pairs)


def test_split_bullet_one_to_two():
    long = CLAUSES[2] + " " + CLAUSES[3]
    en = _doc("en", CLAUSES[:2] + [long] + CLAUSES[4:6])
    es = _doc("es", CLAUSES[:6])
    pairs = align(en, es, FAKE)
    _covers_everything(pairs, en, es)
    split = [p for p in pairs if p.shape == "1-2"]
    assert [(p.en_id, p.es_id) for p in split] == [("s3.bullet.3", "s3.bullet.3+s3.bullet.4")]


def test_swapped_items_are_flagged_reordered():
    en = _doc("en", CLAUSES[:6])
    swapped = CLAUSES[:2] + [CLAUSES[3], CLAUSES[2]] + CLAUSES[4:6]
    es = _doc("es", swapped)
    pairs = align(en, es, FAKE)
    _covers_everything(pairs, en, es)
    moved = [p for p in pairs if p.reordered]
    assert len(moved) == 1 and moved[0].shape == "1-1"
    assert {(p.en_id, p.es_id) for p in pairs if p.en_id in ("s3.bullet.3", "s3.bullet.4")} == {
        ("s3.bullet.3", "s3.bullet.4"),
        ("s3.bullet.4", "s3.bullet.3"),
    }
    assert not any(p.shape in ("1-0", "0-1") for p in pairs)


def test_clause_moved_to_the_end_of_its_list():
    en = _doc("en", CLAUSES[:6])
    es = _doc("es", CLAUSES[1:6] + CLAUSES[:1])
    pairs = align(en, es, FAKE)
    moved = [p for p in pairs if p.reordered]
    assert [(p.en_id, p.es_id) for p in moved] == [("s3.bullet.1", "s3.bullet.6")]
    assert all(p.shape == "1-1" for p in pairs)


def test_heading_does_not_pair_with_a_bullet_of_the_same_words():
    words = "Promoting increased access to justice"
    en = make_doc(
        "en",
        [("s2.heading", "heading", words), ("s2.p1", "paragraph", CLAUSES[0])]
        + bullets("s2", [words + ";", CLAUSES[1], CLAUSES[2]]),
    )
    # the Spanish side lost its heading; its first bullet has the heading's very words
    es = make_doc("es", [("s2.p1", "paragraph", CLAUSES[0])] + bullets("s2", [words + ";", CLAUSES[1], CLAUSES[2]]))
    pairs = align(en, es, FAKE)
    links = _links(pairs)
    assert ("s2.heading", None, "1-0") in links
    assert ("s2.bullet.1", "s2.bullet.1", "1-1") in links


def test_id_pairs_across_changed_kinds_are_rechecked():
    en = make_doc("en", [("s1.p1", "paragraph", CLAUSES[0]), ("s1.p2", "paragraph", CLAUSES[1]), ("s1.p3", "paragraph", CLAUSES[2])])
    es = make_doc("es", [("s1.p1", "paragraph", CLAUSES[0]), ("s1.p2", "heading", CLAUSES[1]), ("s1.p3", "paragraph", CLAUSES[2])])
    pairs = align(en, es, FAKE)
    _covers_everything(pairs, en, es)
    assert len(pairs) == 3  # re-aligned, and the only candidate is still taken despite the kind


def _random_clauses(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    vocab = [f"{a}{b}" for a in ("tra", "mel", "dor", "sun", "kep", "vil", "rox", "pan") for b in ("ta", "mo", "ri", "sel", "quo", "ba")]
    return [" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 16))) + "." for _ in range(n)]


def test_band_widens_for_a_long_omission_without_ids():
    texts = _random_clauses(160)
    en = make_doc("en", [(f"a.{k}", "paragraph", t) for k, t in enumerate(texts)])
    kept = texts[:80] + texts[105:]  # 25 clauses omitted in one block: far outside the initial band
    es = make_doc("es", [(f"b.{k}", "paragraph", t) for k, t in enumerate(kept)])  # no id in common
    pairs = align(en, es, FAKE, band=4)
    _covers_everything(pairs, en, es)
    omitted = [p.en_id for p in pairs if p.shape == "1-0"]
    assert omitted == [f"a.{k}" for k in range(80, 105)]
    assert all(p.en_text == p.es_text for p in pairs if p.shape == "1-1")


def test_align_sentences_leaves_an_omitted_sentence_alone():
    para = " ".join(CLAUSES[:4])
    en = make_doc("en", [("s1.p1", "paragraph", para)])
    es = make_doc("es", [("s1.p1", "paragraph", " ".join([CLAUSES[0], CLAUSES[1], CLAUSES[3]]))])
    (pair,) = align(en, es, FAKE)
    sps = align_sentences(pair, FAKE)
    assert [sp.shape for sp in sps] == ["1-1", "1-1", "1-0", "1-1"]
    alone = sps[2]
    assert alone.en_text == CLAUSES[2] and en.text[alone.en_span[0] : alone.en_span[1]] == CLAUSES[2]
    assert alone.en_ids == ("s1.p1",)


def test_align_sentences_merges_two_sentences_into_one():
    en = make_doc("en", [("s1.p1", "paragraph", " ".join(CLAUSES[:3]))])
    es = make_doc("es", [("s1.p1", "paragraph", CLAUSES[0] + " " + CLAUSES[1][:-1] + ", and " + CLAUSES[2])])
    (pair,) = align(en, es, FAKE)
    shapes = [sp.shape for sp in align_sentences(pair, FAKE)]
    assert shapes == ["1-1", "2-1"]


# -- the real cross-lingual encoder ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def use():
    return get_encoder("use")


@pytest.fixture(scope="module")
def es_md():
    return (MOU / "es.md").read_text(encoding="utf-8")


BULLET_2 = "- Combatir la trata de mujeres y niñas, incluso con fines de trabajo forzoso o de explotación sexual;\n"


@pytest.mark.slow
def test_faithful_spanish_pairs_entirely_by_id(en_doc, es_doc, use):
    pairs, stats = align_with_stats(en_doc, es_doc, use)
    assert all(p.method == "id" and p.shape == "1-1" and not p.reordered for p in pairs)
    assert 0.8 < stats.median < 0.95
    alt = parse(MOU.parent.parent / "tests" / "data" / "mou_es_alt.md", lang="es")
    assert all(p.shape == "1-1" and p.en_id == p.es_id for p in align(en_doc, alt, use))


@pytest.mark.slow
def test_spanish_omission_and_merge_realign_across_languages(en_doc, es_md, use):
    omitted = parse(es_md.replace(BULLET_2, ""), lang="es")
    links = _links(align(en_doc, omitted, use))
    assert ("s3.iii.bullet.2", None, "1-0") in links
    assert ("s3.iii.bullet.3", "s3.iii.bullet.2", "1-1") in links
    assert ("s3.iii.bullet.4", "s3.iii.bullet.3", "1-1") in links

    merged_md = es_md.replace("explotación sexual;\n- Establecer", "explotación sexual, y establecer")
    pairs = align(en_doc, parse(merged_md, lang="es"), use)
    assert [(p.en_id, p.es_id) for p in pairs if p.shape == "2-1"] == [("s3.iii.bullet.2+s3.iii.bullet.3", "s3.iii.bullet.2")]


@pytest.mark.slow
def test_spanish_swap_is_reordered_across_languages(en_doc, es_md, use):
    third = "- Establecer nuevos refugios y mejorar los existentes"
    start = es_md.index(third)
    end = es_md.index("\n", start) + 1
    swapped = es_md[: es_md.index(BULLET_2)] + es_md[start:end] + BULLET_2 + es_md[end:]
    pairs = align(en_doc, parse(swapped, lang="es"), use)
    moved = [p for p in pairs if p.reordered]
    assert len(moved) == 1 and moved[0].en_id in ("s3.iii.bullet.2", "s3.iii.bullet.3")
    assert not any(p.shape != "1-1" for p in pairs)
