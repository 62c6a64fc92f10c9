"""The long-document labels keep the promises of their README: labels only (no third-party text in the
project), well-formed rows, the counts metadata.json states, and no document shared with the grounded
corpus, the verbatim excerpts or the shared evaluation items (a shared page would not be held out)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "corpora"
DEV = ROOT.parents[0].parent / "shared" / "eval" / "classify_dev.jsonl"
AREAS = {"economic", "social", "security", "justice"}
FIELDS = {"id", "lang", "genre", "words", "repo", "path", "commit", "source_url", "labels", "labels_second"}


#: Each labels file and the block of metadata.json that states its counts (rounds 9, 10 and 11).
FILES = {"labels.jsonl": None, "labels_round10.jsonl": "round10", "labels_round11.jsonl": "round11"}


def _read(name: str) -> list[dict]:
    lines = (ROOT / "long_real" / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module", params=list(FILES))
def labelled(request) -> tuple[str, list[dict]]:
    return request.param, _read(request.param)


@pytest.fixture(scope="module")
def rows(labelled) -> list[dict]:
    return labelled[1]


def test_rows_are_labels_only_and_well_formed(rows):
    assert len({r["id"] for r in rows}) == len(rows), "duplicate ids"
    assert len({(r["repo"], r["path"]) for r in rows}) == len(rows), "a document appears twice"
    for r in rows:
        assert set(r) == FIELDS, (r["id"], set(r) ^ FIELDS)  # no text, title or quoted passage
        assert r["lang"] in {"en", "es"} and 400 <= r["words"] <= 3000, r["id"]
        for key in ("labels", "labels_second"):
            assert set(r[key]) <= AREAS and len(set(r[key])) == len(r[key]), (r["id"], key)
        assert len(r["commit"]) == 40 and "/" in r["repo"], r["id"]
        assert r["source_url"] is None or r["source_url"].startswith(("http://", "https://")), r["id"]


def test_counts_are_what_metadata_says(labelled):
    name, rows = labelled
    meta = json.loads((ROOT / "long_real" / "metadata.json").read_text(encoding="utf-8"))
    block = meta if FILES[name] is None else meta[FILES[name]]
    assert FILES[name] is None or block["file"] == name
    counts = block["counts"]
    assert len(rows) == counts["documents"]
    assert sum(r["lang"] == "en" for r in rows) == counts["en"] and sum(r["lang"] == "es" for r in rows) == counts["es"]
    assert sum(not r["labels"] for r in rows) == counts["negatives"]
    agreed = sum(set(r["labels"]) == set(r["labels_second"]) for r in rows)
    assert f"{agreed}/{len(rows)}" == counts["agreement_exact"]


def test_no_document_is_shared_with_training_or_other_evaluation_data(rows):
    urls = {r["source_url"] for r in rows if r["source_url"]}
    grounded = {json.loads(line)["source_url"] for f in (ROOT / "grounded").glob("part_*.jsonl")
                for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    verbatim = {json.loads(line)["source_url"] for line in (ROOT / "verbatim" / "labels.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()}
    assert not urls & grounded and not urls & verbatim
    if DEV.exists():
        dev = {json.loads(line).get("source_url") for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()}
        assert not urls & dev


def test_no_document_is_in_two_labels_files():
    seen = [(r["repo"], r["path"]) for name in FILES for r in _read(name)]
    ids = [r["id"] for name in FILES for r in _read(name)]
    assert len(set(seen)) == len(seen) and len(set(ids)) == len(ids)
