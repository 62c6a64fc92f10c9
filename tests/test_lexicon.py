"""The name lexicon's cache: built once, saved as .npz in the cache folder, read back with the same answers."""

from __future__ import annotations

import os

import pytest

from mou_text.lang import _lexicon
from mou_text.lang._lexicon import is_name_like, is_word

SMALL = ({"objective", "embassy", "river", "nacion", "asimismo"}, {"objective", "embassy", "river", "nacion", "asimismo", "promoting"})


@pytest.fixture
def small_tables(monkeypatch, tmp_path):
    """A tiny word list in place of the million-form spacy-lookups-data table (which takes seconds)."""
    calls = []

    def build(lang):
        calls.append(lang)
        return set(SMALL[0]), set(SMALL[1])

    monkeypatch.setattr(_lexicon, "_build", build)
    monkeypatch.setenv("MOU_TEXT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("MOU_TEXT_CACHE", raising=False)
    _lexicon._tables.cache_clear()
    _lexicon._known.cache_clear()
    yield calls
    _lexicon._tables.cache_clear()
    _lexicon._known.cache_clear()


def _answers():
    return [
        is_name_like("Objective", "en"), is_name_like("Rivers", "en"), is_name_like("Naciones", "es"),
        is_name_like("Toledo", "es"), is_name_like("Promoting", "en", initial=True), is_name_like("Promoting", "en"),
        is_word("embassy", "en"), is_word("quitman", "en"),
    ]


def test_tables_are_cached_and_read_back_the_same(small_tables, tmp_path):
    first = _answers()
    assert first == [False, False, False, True, False, True, True, False]
    files = sorted((tmp_path / "lexicon").glob("*.npz"))
    assert [f.name.split("-")[0] for f in files] == ["en", "es"] and small_tables == ["en", "es"]
    _lexicon._tables.cache_clear()
    _lexicon._known.cache_clear()
    assert _answers() == first and small_tables == ["en", "es"]  # read from the cache, not rebuilt
    import numpy as np

    with np.load(files[0], allow_pickle=False) as z:  # plain arrays: no pickle anywhere
        assert z["common"].dtype == np.uint64 and len(z["common"]) == len(SMALL[0])


def test_a_damaged_cache_file_is_rebuilt(small_tables, tmp_path):
    _answers()
    for f in (tmp_path / "lexicon").glob("*.npz"):
        f.write_bytes(b"not a zip")
    _lexicon._tables.cache_clear()
    _lexicon._known.cache_clear()
    assert _answers()[0] is False and small_tables == ["en", "es", "en", "es"]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can write a read-only folder")
def test_a_read_only_cache_folder_still_answers(small_tables, tmp_path):
    (tmp_path / "lexicon").mkdir()
    os.chmod(tmp_path / "lexicon", 0o500)
    try:
        assert _answers()[0] is False
        assert not list((tmp_path / "lexicon").glob("*.npz"))
    finally:
        os.chmod(tmp_path / "lexicon", 0o700)


def test_an_unwritable_cache_location_still_answers(small_tables, monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("MOU_TEXT_CACHE_DIR", str(blocker / "sub"))  # a folder under a file cannot be created
    assert _answers()[0] is False and small_tables == ["en", "es"]


def test_cache_off(small_tables, monkeypatch, tmp_path):
    monkeypatch.setenv("MOU_TEXT_CACHE", "0")
    assert _answers()[3] is True
    assert not (tmp_path / "lexicon").exists()
