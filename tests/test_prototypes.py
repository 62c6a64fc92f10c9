"""Area prototypes come from the MOU's own clauses in both languages plus versioned descriptions."""

from __future__ import annotations

from collections import Counter

from mou_text.classify import DESCRIPTIONS, area_keys, prototypes, prototypes_hash


def test_each_area_has_mou_clauses_in_both_languages():
    protos = prototypes()
    assert area_keys() == ("economic", "social", "security", "justice")
    count = Counter((p.area, p.lang, p.source) for p in protos)
    for area in area_keys():
        for lang in ("en", "es"):
            # Section 2 item + Section 3 heading + intro paragraph + 4-5 bullets
            assert count[(area, lang, "mou")] >= 7
            assert count[(area, lang, "description")] == len(DESCRIPTIONS[area][lang])
    ids = {p.id for p in protos if p.source == "mou"}
    assert {"s2.item.i", "s3.iii.bullet.3", "s3.iv.heading", "s3.ii.p1"} <= ids


def test_clause_text_is_clean_and_hash_is_stable():
    protos = prototypes()
    assert not any(p.text.endswith(("; and", ";", ":")) for p in protos)
    assert len(prototypes_hash()) == 16 and prototypes_hash() == prototypes_hash()
