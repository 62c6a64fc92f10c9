"""The verbatim-excerpt labels keep the promises of their README: labels only (no third-party text in
the project), well-formed rows, the counts metadata.json states, and no page shared with the grounded
corpus, with the shared evaluation items or between the dev and test sets (a test page with a twin
elsewhere would not be held out)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "corpora"
DEV = ROOT.parents[0].parent / "shared" / "eval" / "classify_dev.jsonl"
AREAS = {"economic", "social", "security", "justice"}
FIELDS = {"id", "set", "lang", "genre", "source_url", "labels", "words"}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return [json.loads(line) for line in (ROOT / "verbatim" / "labels.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def test_rows_are_labels_only_and_well_formed(rows):
    assert len({r["id"] for r in rows}) == len(rows), "duplicate ids"
    for r in rows:
        assert set(r) == FIELDS, (r["id"], set(r) ^ FIELDS)  # no text, title or quoted rationale
        assert r["set"] in {"dev", "test", "test2", "test3", "test4", "test5", "test6"} and r["lang"] in {"en", "es"}, r["id"]
        assert set(r["labels"]) <= AREAS and len(set(r["labels"])) == len(r["labels"]), r["id"]
        assert r["source_url"].startswith(("http://", "https://")), r["id"]
        assert 80 <= r["words"] <= 400, r["id"]


def test_counts_are_what_metadata_says(rows):
    counts = json.loads((ROOT / "verbatim" / "metadata.json").read_text(encoding="utf-8"))["counts"]
    for name in ("dev", "test", "test2", "test3", "test4", "test5", "test6"):
        assert sum(r["set"] == name for r in rows) == counts[name], name
    assert sum(r["lang"] == "en" for r in rows) == counts["en"] and sum(r["lang"] == "es" for r in rows) == counts["es"]
    assert sum(not r["labels"] for r in rows) == counts["negatives"]


def test_no_page_is_shared_with_training_data_or_between_sets(rows):
    urls = [r["source_url"] for r in rows]
    assert len(set(urls)) == len(urls), "a page appears twice"
    grounded = {json.loads(line)["source_url"] for f in (ROOT / "grounded").glob("part_*.jsonl") for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not set(urls) & grounded
    if DEV.exists():
        dev = {json.loads(line).get("source_url") for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()}
        assert not set(urls) & dev
