"""The parse and pair commands: readable output, machine formats, clear errors with exit code 2."""

from __future__ import annotations

import json

from conftest import DATA, MOU

from mou_text.cli import main


def test_parse_table(capsys):
    assert main(["parse", str(MOU / "en.md")]) == 0
    out = capsys.readouterr().out
    assert "s3.iii.bullet.2" in out and "recital" in out


def test_parse_json_and_csv(capsys):
    assert main(["parse", str(DATA / "agreements" / "water" / "es.txt"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["lang"] == "es" and any(n["id"] == "s2.item.a" for n in data["nodes"])
    assert main(["parse", str(MOU / "es.md"), "--lang", "es", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,kind,section,area")


def test_pair_default_is_bundled_mou(capsys):
    assert main(["pair"]) == 0
    out = capsys.readouterr().out
    assert "0 unpaired" in out and "Combating trafficking" in out


def test_pair_files_csv(capsys):
    folder = DATA / "agreements" / "heritage"
    assert main(["pair", str(folder / "en.md"), str(folder / "es.md"), "--format", "csv"]) == 0
    assert "en_text,es_text" in capsys.readouterr().out


def test_errors_exit_2_with_message(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["parse", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "empty.txt" in err and "Fix:" in err and "Traceback" not in err
    assert main(["parse", str(MOU / "es.md"), "--lang", "en"]) == 2
    assert "E006" in capsys.readouterr().err
    assert main(["pair", str(MOU / "en.md")]) == 2
