"""``mou-text check``: summary and table on stdout, --html/--json files, exit codes for --fail-on."""

from __future__ import annotations

import json

import pytest
from conftest import MOU

from mou_text.cli import main

BULLET = "- Combatir la trata de mujeres y niñas, incluso con fines de trabajo forzoso o de explotación sexual;\n"
FAST = ["--checks", "structure,semantic"]


@pytest.fixture(scope="module")
def omitted(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "es_omitted.md"
    path.write_text((MOU / "es.md").read_text(encoding="utf-8").replace(BULLET, ""), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def swapped(tmp_path_factory):
    md = (MOU / "es.md").read_text(encoding="utf-8")
    third = md[md.index("- Establecer nuevos refugios") :]
    third = third[: third.index("\n") + 1]
    path = tmp_path_factory.mktemp("cli") / "es_swapped.md"
    path.write_text(md.replace(BULLET + third, third + BULLET), encoding="utf-8")
    return path


@pytest.mark.slow
def test_exit_codes_follow_fail_on(omitted, swapped, capsys):
    en = str(MOU / "en.md")
    assert main(["check", en, str(omitted), *FAST]) == 1  # default --fail-on major; an omission is major
    out = capsys.readouterr().out
    assert "substantive divergence(s) found" in out and "s3.iii.bullet.2" in out and "omission" in out
    assert main(["check", en, str(omitted), *FAST, "--fail-on", "critical"]) == 0
    assert main(["check", en, str(swapped), *FAST]) == 0  # a moved bullet is minor
    assert main(["check", en, str(swapped), *FAST, "--fail-on", "minor"]) == 1
    capsys.readouterr()


@pytest.mark.slow
def test_html_and_json_written_and_spanish_messages(omitted, tmp_path, capsys):
    html_path, json_path = tmp_path / "out" / "r.html", tmp_path / "r.json"
    code = main(["check", str(MOU / "en.md"), str(omitted), *FAST, "--html", str(html_path), "--json", str(json_path), "--lang", "es"])
    assert code == 1
    out = capsys.readouterr().out
    assert "Verificación de conformidad" in out and "mayor: omisión 1" in out
    assert html_path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    assert data["max_severity"] == "major" and any(f["kind"] == "omission" for f in data["findings"])


@pytest.mark.slow
def test_bundled_pair_by_default_is_conformant(capsys):
    assert main(["check"]) == 0
    assert "no substantive divergence found" in capsys.readouterr().out


def test_argument_errors_exit_2(capsys):
    assert main(["check", str(MOU / "en.md")]) == 2
    assert "two files" in capsys.readouterr().err
    assert main(["check", "--checks", "spelling", "--encoder", "fake"]) == 2
    assert "not a check module" in capsys.readouterr().err


def test_xlsx_written(omitted, tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "findings.xlsx"
    assert main(["check", str(MOU / "en.md"), str(omitted), *FAST, "--xlsx", str(path)]) == 1
    assert f"XLSX: {path}" in capsys.readouterr().out
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:2] == ["Findings", "Summary"]
    kinds = [row[2] for row in book["Findings"].iter_rows(min_row=2, values_only=True)]
    assert "omission" in kinds
