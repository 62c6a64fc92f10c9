"""The women-share cue in a trained head (``_train`` → ``_head`` → ``_store``): fitted per area with
calibration, saved and refused at load when counted by another term list, and asked for whenever the
head scores embeddings without their texts. Texts written for these tests (``_areadocs``), EN and ES."""

from __future__ import annotations

import json

import numpy as np
import pytest
from _areadocs import make_corpus

from mou_text import AreaClassifier, ConfigError, ModelError
from mou_text.embed import FakeEncoder
from mou_text.lang import SHARE_VERSION

ENC = FakeEncoder()
AREAS = ["economic", "social", "security", "justice"]


@pytest.fixture(scope="module")
def toy():
    return make_corpus(n_per_area=10, n_negative=12, n_multi=8, seed=3, n_near_topic=12)


@pytest.fixture(scope="module")
def fitted(toy):
    return AreaClassifier(ENC).fit([d["text"] for d in toy], [d["labels"] for d in toy])


def test_fit_weighs_the_share_by_default_and_not_when_asked(toy, fitted):
    assert fitted.head.share is not None and fitted.head.share.shape == (4,)
    assert fitted.head.params["share"] == SHARE_VERSION
    off = AreaClassifier(ENC).fit([d["text"] for d in toy], [d["labels"] for d in toy], share=False)
    assert off.head.share is None and off.head.params["share"] is None
    # embeddings alone carry no text: no share is fitted (as no lexical channel is)
    embs = fitted.embed_documents([d["text"] for d in toy])
    alone = AreaClassifier(ENC).fit(None, [d["labels"] for d in toy], embeddings=embs)
    assert alone.head.share is None


def test_a_text_that_never_names_women_scores_lower_than_the_same_topic_about_women(fitted):
    about = "Las mujeres productoras de café de Chiapas obtuvieron créditos y capacitación para exportar."
    other = "Los productores de café de Chiapas obtuvieron créditos y capacitación para exportar."
    head = fitted.head
    z = np.zeros((2, 4))
    shares = head.shares([about, other])
    assert shares[0] > shares[1] == 0.0
    p = head.calibrate(z, shares)
    # the same logits: only the share moves the scores, in the direction each area learned
    assert np.abs(head.share).max() > 0.1 and not np.allclose(p[0], p[1])  # a learned weight, not a zero stub
    np.testing.assert_allclose(p[0] > p[1], head.share > 0)


def test_scoring_embeddings_without_texts_asks_for_them(toy, fitted):
    sample = [d["text"] for d in toy[:5]]
    embs = fitted.embed_documents(sample)
    with pytest.raises(ConfigError) as info:
        fitted.head.calibrate(np.zeros((5, 4)))
    assert info.value.code == "E276"
    head_only = AreaClassifier(ENC).fit([d["text"] for d in toy], [d["labels"] for d in toy], lexical=0.0)
    with pytest.raises(ConfigError, match="names women") as info:
        head_only.scores_from_embeddings(embs)
    assert info.value.code == "E275"
    np.testing.assert_allclose(fitted.scores_from_embeddings(embs, sample), fitted.predict(sample)[AREAS].to_numpy(), atol=1e-5)


def test_the_share_is_saved_and_a_head_counted_by_another_list_is_refused(toy, fitted, tmp_path):
    out = fitted.save(tmp_path / "head")
    assert "share.npy" in {p.name for p in out.iterdir()}
    assert json.loads((out / "config.json").read_text())["share"] == SHARE_VERSION
    sample = [d["text"] for d in toy[:6]]
    loaded = AreaClassifier.load(out, encoder=ENC)
    np.testing.assert_allclose(loaded.head.share, fitted.head.share, atol=1e-6)
    np.testing.assert_allclose(loaded.predict(sample)[AREAS].to_numpy(), fitted.predict(sample)[AREAS].to_numpy(), atol=1e-4)
    config = json.loads((out / "config.json").read_text())
    config["share"] = "women-share-0"
    (out / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="women-share") as info:
        AreaClassifier.load(out, encoder=ENC)
    assert info.value.code == "E122"
