"""``mou-text classify``: a folder in, one row per file out, bad files reported and skipped."""

from __future__ import annotations

import json
import random

import pandas as pd
import pytest
from _areadocs import make_doc

from mou_text.cli import main

AREAS = ["economic", "social", "security", "justice"]


@pytest.fixture()
def folder(tmp_path):
    rng = random.Random(0)
    root = tmp_path / "reports"
    (root / "es").mkdir(parents=True)
    (root / "good.txt").write_text(make_doc(["economic"], "en", rng), encoding="utf-8")
    (root / "es" / "informe.md").write_text("# Informe\n\n" + make_doc(["justice"], "es", rng), encoding="utf-8")
    (root / "broken.docx").write_bytes(b"this is not a zip archive at all")
    (root / "notes.xyz").write_text("ignored: not a supported extension", encoding="utf-8")
    return root


def test_folder_with_a_broken_file(folder, tmp_path, capsys):
    out = tmp_path / "out" / "results.csv"
    assert main(["classify", str(folder), "--out", str(out), "--encoder", "fake", "--no-progress"]) == 0
    df = pd.read_csv(out, keep_default_na=False)
    assert sorted(df["path"].map(lambda p: p.rsplit("/", 1)[-1])) == ["broken.docx", "good.txt", "informe.md"]
    assert list(df.columns) == ["path", "lang", *AREAS, "labels", "primary", "evidence", "error"]
    broken = df[df["path"].str.endswith("broken.docx")].iloc[0]
    assert "not a valid .docx" in broken["error"] and broken["labels"] == ""
    good = df[~df["path"].str.endswith("broken.docx")]
    assert (good["error"] == "").all()
    assert set(good["lang"]) == {"en", "es"}
    for ev in good["evidence"]:
        assert isinstance(json.loads(ev), list)
    assert not [p for p in out.parent.iterdir() if p.name != "results.csv"]  # no temporary leftovers
    summary = capsys.readouterr().out
    assert "3 files" in summary and "errors 1" in summary and "economic" in summary


def test_jsonl_and_xlsx_outputs(folder, tmp_path):
    jl = tmp_path / "r.jsonl"
    assert main(["classify", str(folder / "good.txt"), str(folder / "es"), "-o", str(jl), "--encoder", "fake", "--no-progress", "--threshold", "0"]) == 0
    rows = [json.loads(line) for line in jl.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2 and all(sorted(r["labels"]) == sorted(AREAS) for r in rows)  # threshold 0: every area
    assert rows[0]["signature"]["thresholds"]["economic"] == 0.0
    assert all(isinstance(r["evidence"], list) and r["evidence"] for r in rows)
    xl = tmp_path / "r.xlsx"
    assert main(["classify", str(folder), "-o", str(xl), "--encoder", "fake", "--no-progress"]) == 0
    sheets = pd.read_excel(xl, sheet_name=None)
    assert len(sheets["areas"]) == 3 and "encoder" in set(sheets["signature"]["key"])


def test_existing_output_is_replaced_whole(folder, tmp_path):
    out = tmp_path / "results.csv"
    out.write_text("old content\n" * 1000, encoding="utf-8")
    assert main(["classify", str(folder / "good.txt"), "--out", str(out), "--encoder", "fake", "--no-progress"]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert "old content" not in text and text.startswith("path,lang,")


def test_all_failed_and_bad_options(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 nonsense")
    out = tmp_path / "r.csv"
    assert main(["classify", str(bad), "--out", str(out), "--encoder", "fake", "--no-progress"]) == 1
    assert pd.read_csv(out)["error"].notna().all()
    assert main(["classify", str(bad), "--out", str(tmp_path / "r.parquet"), "--encoder", "fake"]) == 2
    assert "not an output format" in capsys.readouterr().err
    assert main(["classify", str(tmp_path / "empty-dir-that-does-not-exist"), "--encoder", "fake", "--no-progress"]) == 1
