"""The evaluation corpus: the manifest says exactly what each altered file changed, and where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mou_text import load_mou, parse

ROOT = Path(__file__).resolve().parents[1]
ALTERED = ROOT / "corpora" / "altered"
MANIFEST = json.loads((ALTERED / "manifest.json").read_text(encoding="utf-8"))
KINDS = {
    "omission", "addition", "merge", "split", "reorder", "sentence_omission", "number", "date", "cross_reference",
    "name", "defined_term", "acronym", "modality_strengthened", "modality_weakened", "negation", "scope_limiter",
    "untranslated", "semantic", "phrase_addition", "phrase_omission", "wrong_sense",
}
BASE_ES = (ROOT / "corpora" / "mou" / "es.md").read_text(encoding="utf-8")


def test_manifest_and_folder_list_the_same_files():
    on_disk = {p.name for p in ALTERED.glob("*.md") if p.name != "README.md"}
    assert set(MANIFEST) == on_disk


def test_corpus_size_and_kind_coverage():
    altered = {f: d for f, d in MANIFEST.items() if f.startswith("altered_")}
    style = {f: d for f, d in MANIFEST.items() if f.startswith("style_")}
    assert len(altered) >= 12 and len(style) >= 4
    assert all(1 <= len(d) <= 4 for d in altered.values())
    assert all(d == [] for d in style.values())
    assert {x["kind"] for d in altered.values() for x in d} == KINDS


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_each_divergence_is_where_the_manifest_says(name):
    text = (ALTERED / name).read_text(encoding="utf-8")
    assert text != BASE_ES
    en = load_mou("en")
    es = parse(ALTERED / name, lang="es")
    for d in MANIFEST[name]:
        assert set(d) == {"kind", "en_id", "es_id", "description", "es_words"} and d["kind"] in KINDS
        assert d["description"] and (d["en_id"] or d["es_id"])
        for node_id in (d["en_id"] or "").split("+"):
            assert not node_id or node_id in en, (name, node_id)
        for node_id in (d["es_id"] or "").split("+"):
            assert not node_id or node_id in es, (name, node_id)
        if d["kind"] == "omission":
            assert d["es_words"] == d["en_id"]  # the omitted English clause
        elif d["kind"] == "sentence_omission":
            assert d["es_words"] in BASE_ES and d["es_words"] not in text  # the sentence left out
        else:
            assert d["es_words"] in text, (name, d["es_words"])
            assert d["kind"] in ("reorder",) or d["es_words"] not in BASE_ES, (name, d["es_words"])


@pytest.mark.parametrize("name", sorted(f for f in MANIFEST if f.startswith("style_")))
def test_style_rewordings_keep_the_structure(name):
    assert parse(ALTERED / name, lang="es").ids == load_mou("es").ids


@pytest.mark.slow
def test_the_checker_finds_the_divergences_of_one_file():
    """End to end through mou_text.check with the real encoder (the full table: benchmarks/check_eval.py)."""
    from mou_text import check

    report = check(load_mou("en"), ALTERED / "altered_01.md")
    kinds = {f.kind for f in report.findings}
    assert {"omission", "number", "modality"} <= kinds
