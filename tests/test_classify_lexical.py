"""The lexical channel (``mou_text.classify._lexical``): features, the dual fit, the blend in a
trained head, and its arrays saved and validated at load. Texts written for these tests, EN and ES."""

from __future__ import annotations

import json

import numpy as np
import pytest
from _areadocs import make_corpus

from mou_text import AreaClassifier, ConfigError, ModelError
from mou_text.classify._lexical import BUCKETS, fit_lexical, lexical_features
from mou_text.embed import FakeEncoder

ENC = FakeEncoder()
AREAS = ["economic", "social", "security", "justice"]


@pytest.fixture(scope="module")
def toy():
    return make_corpus(n_per_area=10, n_negative=12, n_multi=8, seed=3)


def test_features_are_accent_and_case_folded_in_both_languages():
    a = lexical_features("Sección de SEGURIDAD regional")
    b = lexical_features("seccion de seguridad regional")
    for (ua, va), (ub, vb) in zip(a, b):
        np.testing.assert_array_equal(ua, ub)
        np.testing.assert_allclose(va, vb)
    words, chars = lexical_features("The court heard the case; the court ruled.")
    assert words[0].min() >= 0 and chars[0].max() < BUCKETS
    assert np.isclose(words[1].max(), 1 + np.log(3))  # "the" ×3: sublinear tf, 1 + log(tf)


def test_dual_fit_separates_vocabulary_and_oof_is_out_of_fold():
    en = ["microcredit loans for women entrepreneurs", "women entrepreneurs export crafts with loans"]
    es = ["refugio para mujeres víctimas de violencia", "violencia de género y refugio seguro"]
    texts = (en + es) * 5
    Y = np.array([[1, 0], [1, 0], [0, 1], [0, 1]] * 5, dtype=float)
    fold_of = np.arange(len(texts)) % 5
    model, oof = fit_lexical(texts, Y, fold_of, l2=3e-4)
    z = model.logits(["loans for entrepreneurs", "un refugio contra la violencia"])
    assert z[0, 0] > 0 > z[0, 1] and z[1, 1] > 0 > z[1, 0]
    assert ((oof > 0) == (Y > 0)).all()  # each held-out copy is found by the other four
    assert model.weights.shape == (2, len(model.cols)) and np.all(np.diff(model.cols) > 0)


def test_fit_blends_the_lexical_channel_and_saves_it(toy, tmp_path):
    texts, labels = [d["text"] for d in toy], [d["labels"] for d in toy]
    clf = AreaClassifier(ENC).fit(texts, labels)
    assert clf.head.lexical is not None and clf.head.lex_weight == 0.65
    off = AreaClassifier(ENC).fit(texts, labels, lexical=0.0)
    assert off.head.lexical is None or off.head.lex_weight == 0.0
    sample = texts[:6]
    assert not np.allclose(clf.predict(sample)[AREAS].to_numpy(), off.predict(sample)[AREAS].to_numpy())
    # embeddings alone: no text for the channel to read, so scoring them asks for the texts
    embs = clf.embed_documents(sample)
    with pytest.raises(ConfigError, match="lexical channel") as info:
        clf.scores_from_embeddings(embs)
    assert info.value.code == "E273"
    np.testing.assert_allclose(clf.scores_from_embeddings(embs, sample), clf.predict(sample)[AREAS].to_numpy(), atol=1e-5)
    with pytest.raises(ConfigError) as bad:
        AreaClassifier(ENC).fit(texts, labels, lexical=1.5)
    assert bad.value.code == "E274"
    # saved as plain arrays, reloaded to the same scores
    out = clf.save(tmp_path / "head")
    assert {"lex_cols.npy", "lex_idf.npy", "lex_weights.npy", "lex_bias.npy"} <= {p.name for p in out.iterdir()}
    assert json.loads((out / "config.json").read_text())["lexical"] == 0.65
    loaded = AreaClassifier.load(out, encoder=ENC)
    np.testing.assert_allclose(loaded.predict(sample)[AREAS].to_numpy(), clf.predict(sample)[AREAS].to_numpy(), atol=1e-4)


def test_inconsistent_lexical_arrays_are_refused_at_load(toy, tmp_path):
    clf = AreaClassifier(ENC).fit([d["text"] for d in toy], [d["labels"] for d in toy])
    out = clf.save(tmp_path / "head")
    np.save(out / "lex_idf.npy", np.ones(3, dtype=np.float32), allow_pickle=False)
    with pytest.raises(ModelError, match="lexical channel") as info:
        AreaClassifier.load(out, encoder=ENC)
    assert info.value.code == "E120"
    (out / "lex_weights.npy").unlink()
    with pytest.raises(ModelError, match="cannot be read"):
        AreaClassifier.load(out, encoder=ENC)
