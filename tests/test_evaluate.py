"""Evaluation metrics on hand-computed cases, the corpus split, and an end-to-end run on a toy corpus."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from _areadocs import make_corpus
from conftest import ROOT

from mou_text.cli import main
from mou_text.classify import (
    f1_per_label,
    load_labelled,
    macro_f1,
    make_splits,
    micro_f1,
    negatives_empty,
    primary_accuracy,
    score_table,
    write_splits,
)

AREAS = ["economic", "social", "security", "justice"]
# 4 documents × 4 areas. Gold: d0 {eco}, d1 {soc, sec}, d2 {} , d3 {jus}.
GOLD = np.array([[1, 0, 0, 0], [0, 1, 1, 0], [0, 0, 0, 0], [0, 0, 0, 1]])
# Pred: d0 {eco} ✓; d1 {soc} (misses sec); d2 {sec} (false positive); d3 {} (misses jus).
PRED = np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 0]])


def test_f1_by_hand():
    # economic: tp1 fp0 fn0 → 1; social: 1; security: tp0 fp1 fn1 → 0; justice: tp0 fn1 → 0
    np.testing.assert_allclose(f1_per_label(GOLD, PRED), [1.0, 1.0, 0.0, 0.0])
    assert macro_f1(GOLD, PRED) == pytest.approx(0.5)
    # micro: tp 2, gold 4, pred 3 → 2·2 / 7
    assert micro_f1(GOLD, PRED) == pytest.approx(4 / 7)
    empty = np.zeros((2, 4))
    assert macro_f1(empty, empty) == 1.0 and micro_f1(empty, empty) == 1.0  # nothing to find


def test_primary_accuracy_and_negatives_by_hand():
    # docs with gold: d0 (eco ✓), d1 (soc ✓), d3 (None ✗) → 2/3
    assert primary_accuracy(GOLD, ["economic", "social", "security", None], AREAS) == pytest.approx(2 / 3)
    assert primary_accuracy(GOLD, ["social", "security", None, "justice"], AREAS) == pytest.approx(2 / 3)
    # one negative (d2), predicted non-empty → 0
    assert negatives_empty(GOLD, PRED) == 0.0
    assert negatives_empty(GOLD, np.zeros_like(PRED)) == 1.0
    assert np.isnan(negatives_empty(GOLD[:2], PRED[:2]))


def test_score_table_per_language():
    s = score_table(GOLD.astype(bool), PRED.astype(bool), ["economic", "social", None, None], ["en", "es", "en", "es"], AREAS)
    # EN docs d0, d2: economic 1, security 0 (fp), social/justice nothing to find → 1
    assert s["macro_f1_en"] == pytest.approx(0.75)
    # ES docs d1, d3: social 1, security 0 (fn), justice 0 (fn), economic nothing → 1
    assert s["macro_f1_es"] == pytest.approx(0.5)
    assert s["f1_economic"] == 1.0 and s["n"] == 4


def test_make_splits_is_stratified_and_seeded():
    docs = pd.DataFrame(make_corpus(n_per_area=10, n_negative=10, n_multi=4, seed=2))
    a, b = make_splits(docs, seed=5), make_splits(docs, seed=5)
    assert a == b
    ids = [i for v in a.values() for i in v]
    assert sorted(ids) == sorted(docs["id"]) and len(set(ids)) == len(ids)
    assert abs(len(a["train"]) / len(docs) - 0.6) < 0.05
    test = docs[docs["id"].isin(a["test"])]
    assert set(test["lang"]) == {"en", "es"}
    assert all(any(area in labels for labels in test["labels"]) for area in AREAS)


def test_shipped_corpus_split_is_complete_and_disjoint():
    if not (ROOT / "corpora" / "labelled" / "splits.json").exists():
        pytest.skip("no labelled corpus in this checkout")
    df = load_labelled(path=ROOT / "corpora" / "labelled")
    assert df["split"].notna().all()
    sizes = df["split"].value_counts()
    assert sizes["train"] > sizes["dev"] > 0 and sizes["test"] > 0
    assert df["id"].is_unique
    for split in ("dev", "test"):
        part = df[df["split"] == split]
        assert (part["lang"] == "en").sum() == (part["lang"] == "es").sum()
    meta = json.loads((ROOT / "corpora" / "labelled" / "metadata.json").read_text(encoding="utf-8"))
    assert meta["real"] is False and meta["counts"]["documents"] == len(df)


def test_eval_end_to_end_on_a_toy_corpus(tmp_path, capsys):
    docs = make_corpus(n_per_area=10, n_negative=12, n_multi=8, seed=3)
    with open(tmp_path / "part_a.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)
    write_splits(tmp_path)
    assert main(["eval", "--split", "dev", "--encoder", "fake", "--corpus", str(tmp_path), "--systems", "zero-shot,head,tfidf,xling", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["scores"]) == {"zero-shot", "head", "tfidf", "xling (EN train → ES test)"}
    head = report["scores"]["head"]
    assert head["macro_f1"] > 0.7 and head["neg_empty"] >= 0.5  # separable toy data
    assert report["signature"]["trained_on"] == "train" and report["signature"]["encoder"].startswith("fake-hash")
    assert main(["eval", "--split", "dev", "--encoder", "fake", "--corpus", str(tmp_path), "--systems", "head"]) == 0
    assert "| head |" in capsys.readouterr().out
    saved = tmp_path / "head"
    assert main(["eval", "--save-head", str(saved), "--encoder", "fake", "--corpus", str(tmp_path)]) == 0
    assert (saved / "signature.json").exists()


def test_eval_defaults_to_the_grounded_corpus_the_shipped_head_is_trained_on(capsys):
    # Without --corpus the table is on corpora/grounded (in the wheel), not the invented corpus.
    def corpus_hash(*corpus: str) -> str:
        assert main(["eval", "--split", "dev", "--encoder", "fake", "--systems", "zero-shot", "--json", *corpus]) == 0
        return json.loads(capsys.readouterr().out)["signature"]["corpus_sha256"]

    default = corpus_hash()
    assert default == corpus_hash("--corpus", str(ROOT / "corpora" / "grounded"))
    assert default != corpus_hash("--corpus", str(ROOT / "corpora" / "labelled"))
