"""The real-grounded corpus keeps the promises its README makes: every document is well-formed and
labelled with known areas, the fixed split covers every document exactly once, no source page sits in
two splits (so the test split has no twin in training), and no source of the shared evaluation items
is used. A document added without these (a new ``part_*.jsonl``) fails here, not in a benchmark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "corpora" / "grounded"
DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "classify_dev.jsonl"
AREAS = {"economic", "social", "security", "justice"}
GENRES = {"news", "press_release", "program_description", "report", "evaluation", "bulletin", "ngo_page"}
#: Word bands of the two lengths the README names, with a little slack for headings and tables.
BANDS = {"short": (60, 480), "long": (480, 3200)}


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return [json.loads(line) for f in sorted(ROOT.glob("part_*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_document_is_well_formed(rows):
    assert len({r["id"] for r in rows}) == len(rows), "duplicate ids"
    for r in rows:
        assert r["lang"] in {"en", "es"}, r["id"]
        assert r["genre"] in GENRES, r["id"]
        assert set(r["labels"]) <= AREAS and len(set(r["labels"])) == len(r["labels"]), r["id"]
        assert r["primary"] == (r["labels"][0] if r["labels"] else None), r["id"]
        assert r["source_url"].startswith(("http://", "https://")), r["id"]
        assert r["rationale"].strip() and r["title"].strip(), r["id"]
        assert r["origin"] == "written for mou-text, grounded in source_url", r["id"]
        lo, hi = BANDS[r["length"]]
        assert lo <= len(r["text"].split()) <= hi, (r["id"], r["length"], len(r["text"].split()))
        assert 1990 <= r["year"] <= 2026, r["id"]


def test_languages_stay_balanced_and_negatives_present(rows):
    en = sum(r["lang"] == "en" for r in rows)
    assert abs(en - (len(rows) - en)) <= 0.05 * len(rows)
    assert sum(not r["labels"] for r in rows) >= 0.25 * len(rows)


def test_split_covers_each_document_once_and_keeps_sources_apart(rows):
    body = json.loads((ROOT / "splits.json").read_text(encoding="utf-8"))
    where: dict[str, str] = {}
    for name in ("train", "dev", "test"):
        for i in body[name]:
            assert i not in where, f"{i} is in {where.get(i)} and {name}"
            where[i] = name
    assert set(where) == {r["id"] for r in rows}
    split_of_url: dict[str, str] = {}
    for r in rows:
        assert split_of_url.setdefault(r["source_url"], where[r["id"]]) == where[r["id"]], r["source_url"]


def test_no_source_of_the_shared_evaluation_items_is_used(rows):
    if not DEV.exists():
        pytest.skip(f"{DEV} is absent (the shared evaluation data sits beside the repository)")
    dev_urls = {json.loads(line).get("source_url") for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not dev_urls & {r["source_url"] for r in rows}


def test_metadata_counts_match_the_files(rows):
    meta = json.loads((ROOT / "metadata.json").read_text(encoding="utf-8"))
    counts = meta["counts"]
    assert counts["documents"] == len(rows)
    assert counts["by_lang"] == {lang: sum(r["lang"] == lang for r in rows) for lang in ("en", "es")}
    assert counts["negatives"] == sum(not r["labels"] for r in rows)
    assert counts["by_area"] == {a: sum(a in r["labels"] for r in rows) for a in counts["by_area"]}
    body = json.loads((ROOT / "splits.json").read_text(encoding="utf-8"))
    assert counts["by_split"] == {name: len(body[name]) for name in ("train", "dev", "test")}
    assert sorted(meta["files"]) == sorted(p.name for p in ROOT.iterdir() if p.suffix in {".jsonl", ".py"} or p.name == "splits.json")


def test_every_revision_is_recorded_and_does_only_what_its_convention_says(rows):
    now = {r["id"]: r["labels"] for r in rows}
    revisions = [json.loads(line) for line in (ROOT / "revisions.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert revisions, "revisions.jsonl is empty"
    assert {rev["convention"] for rev in revisions} == {2, 3}
    assert len({rev["id"] for rev in revisions}) == len(revisions), "a document revised twice"
    for rev in revisions:
        assert now[rev["id"]] == rev["after"], rev["id"]
        assert rev["reason"].strip(), rev["id"]
        if rev["convention"] == 2:  # adds security to a justice document about violence against women, nothing else
            assert "justice" in rev["before"] and "security" not in rev["before"], rev["id"]
            assert set(rev["after"]) == set(rev["before"]) | {"security"} and rev["after"][0] == rev["before"][0], rev["id"]
        else:  # convention 3 removes social from a general exchange, fellowship or scholarship, nothing else
            assert "social" in rev["before"] and rev["after"] == [a for a in rev["before"] if a != "social"], rev["id"]
