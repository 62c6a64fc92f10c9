"""Identical input gives identical output: every command and writer runs twice and the bytes are compared.

Each run gets a fresh working folder and writes its files there under the same relative names, so
nothing but the run itself can differ. The encoder is the hashing FakeEncoder (no model, same vectors
every time). The workbook is compared whole, zip entry times and document properties included: the
writer takes no clock reading (see ``mou_text.workbook.save_workbook``). ``mou-text classify`` has tests
of its own (tests/test_cli_classify.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MOU, ROOT

import mou_text
from mou_text.cli import main
from mou_text.embed import FakeEncoder
from mou_text.interchange import to_tmx, to_xliff

BULLET = "- Combatir la trata de mujeres y niñas, incluso con fines de trabajo forzoso o de explotación sexual;\n"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, str]:
    """The bundled English MOU and a Spanish version with findings of several kinds (an omitted bullet,
    a changed section number and a changed modal), at fixed paths both runs share."""
    es = (MOU / "es.md").read_text(encoding="utf-8").replace(BULLET, "")
    es = es.replace("referido en la Sección 1", "referido en la Sección 2", 1)
    es = es.replace("Los Participantes podrán designar", "Los Participantes deberán designar", 1)
    folder = tmp_path_factory.mktemp("inputs")
    (folder / "es.md").write_text(es, encoding="utf-8")
    return {"en": str(MOU / "en.md"), "es": str(folder / "es.md")}


def run_twice(argv: list[str], tmp_path: Path, monkeypatch, capsys) -> dict[str, bytes]:
    """Run the CLI twice, each time in a new empty folder; return what the first run produced (stdout
    and every file written) after checking that the second produced exactly the same."""
    results = []
    for k in (1, 2):
        cwd = tmp_path / f"run{k}"
        cwd.mkdir()
        monkeypatch.chdir(cwd)
        code = main(argv)
        out = capsys.readouterr().out.encode("utf-8")
        files = {p.relative_to(cwd).as_posix(): p.read_bytes() for p in sorted(cwd.rglob("*")) if p.is_file()}
        results.append((code, out, files))
    (code1, out1, files1), (code2, out2, files2) = results
    assert code1 == code2
    assert out1 == out2
    assert sorted(files1) == sorted(files2)
    for name in files1:
        assert files1[name] == files2[name], f"{name} differs between two runs on the same input"
    return {"<stdout>": out1, **files1}


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
@pytest.mark.parametrize("source", ["corpora/mou/en.md", "tests/data/agreements/water/es.txt"])
def test_parse(source, fmt, tmp_path, monkeypatch, capsys):
    out = run_twice(["parse", str(ROOT / source), "--format", fmt], tmp_path, monkeypatch, capsys)
    assert out["<stdout>"].strip()
    assert b"recital.3" in out["<stdout>"]  # the parse itself, not just any output


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_pair(fmt, inputs, tmp_path, monkeypatch, capsys):
    out = run_twice(["pair", inputs["en"], inputs["es"], "--format", fmt], tmp_path, monkeypatch, capsys)
    assert out["<stdout>"].strip()
    assert b"s3.iii.bullet.2" in out["<stdout>"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_check_every_output(lang, inputs, tmp_path, monkeypatch, capsys):
    argv = ["check", inputs["en"], inputs["es"], "--encoder", "fake", "--lang", lang,
            "--html", "r.html", "--json", "r.json", "--xlsx", "r.xlsx", "--fail-on", "critical"]
    out = run_twice(argv, tmp_path, monkeypatch, capsys)
    assert set(out) == {"<stdout>", "r.html", "r.json", "r.xlsx"}
    assert b"omission" in out["r.json"]  # the comparison covers a report with findings in it


@pytest.mark.parametrize(
    "options",
    [["--tmx", "m.tmx"], ["--tmx", "m.tmx", "--unit", "sentence"], ["--xliff", "m.xlf"],
     ["--xliff", "m.xlf", "--xliff-version", "2.0", "--unit", "sentence"]],
    ids=["tmx", "tmx-sentence", "xliff-1.2", "xliff-2.0-sentence"],
)
def test_export_tm(options, inputs, tmp_path, monkeypatch, capsys):
    out = run_twice(["export-tm", inputs["en"], inputs["es"], *options], tmp_path, monkeypatch, capsys)
    assert len(out) == 2  # stdout and the one file
    from mou_text.interchange import pair_from_tmx, pair_from_xliff

    name = options[1]
    path = tmp_path / name
    path.write_bytes(out[name])
    back = (pair_from_tmx if name.endswith(".tmx") else pair_from_xliff)(path)
    assert len(back.pairs) > 20 and any("bullet" in p.id for p in back.pairs)


def test_python_api(inputs, tmp_path):
    """The same through the library: two check() runs, each written to a fresh folder."""
    outputs = []
    for k in (1, 2):
        folder = tmp_path / f"run{k}"
        folder.mkdir()
        report = mou_text.check(inputs["en"], inputs["es"], encoder=FakeEncoder())
        par = mou_text.pair(mou_text.parse(inputs["en"], lang="en"), mou_text.parse(inputs["es"], lang="es"))
        report.to_xlsx(folder / "r.xlsx")
        report.to_xlsx(folder / "r_es.xlsx", lang="es")
        outputs.append({
            "html": report.to_html(folder / "r.html"),
            "html_es": report.to_html(lang="es"),
            "json": report.to_json(folder / "r.json"),
            "summary": report.summary() + report.summary("es"),
            "frame": report.to_frame().to_csv(index=False),
            "doc": repr(report.en.to_dict()) + repr(report.es.to_dict()),
            "pairs": par.to_frame().to_csv(index=False),
            "tmx": to_tmx(par, folder / "m.tmx").read_bytes(),
            "xliff": to_xliff(par, folder / "m.xlf", version="2.0").read_bytes(),
            **{p.name: p.read_bytes() for p in sorted(folder.iterdir())},
        })
    first, second = outputs
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], f"{name} differs between two runs on the same input"


def test_workbook_takes_no_clock_reading(inputs, tmp_path, monkeypatch):
    """Two runs a second apart could still share a zip time, so the times are checked as such: the
    fixed epoch, or SOURCE_DATE_EPOCH when set (zip entries, properties, Date row)."""
    import zipfile

    from openpyxl import load_workbook

    from mou_text.workbook import ZIP_EPOCH

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    report = mou_text.check(inputs["en"], inputs["es"], encoder=FakeEncoder(), checks=["structure"])
    plain = report.to_xlsx(tmp_path / "plain.xlsx")
    assert {i.date_time for i in zipfile.ZipFile(plain).infolist()} == {ZIP_EPOCH}
    wb = load_workbook(plain)
    assert wb.properties.created.isoformat() == wb.properties.modified.isoformat() == "1980-01-01T00:00:00"
    rows = {r[0].value: r[1].value for r in wb["Summary"].iter_rows() if r[0].value}
    assert "Date" in rows and not rows["Date"]  # left for the signer: the report recorded no date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1347926400")  # 2012-09-18T00:00:00Z
    a, b = report.to_xlsx(tmp_path / "a.xlsx"), report.to_xlsx(tmp_path / "b.xlsx")
    assert a.read_bytes() == b.read_bytes()
    assert {i.date_time for i in zipfile.ZipFile(a).infolist()} == {(2012, 9, 18, 0, 0, 0)}
    wb = load_workbook(a)
    assert wb.properties.created.isoformat() == wb.properties.modified.isoformat() == "2012-09-18T00:00:00"
    rows = {r[0].value: r[1].value for r in wb["Summary"].iter_rows() if r[0].value}
    assert rows["Date"] == "2012-09-18T00:00:00+00:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(mou_text.ConfigError, match="SOURCE_DATE_EPOCH"):
        report.to_xlsx(tmp_path / "c.xlsx")
    assert not (tmp_path / "c.xlsx").exists()


SCRIPT = """
import os, sys
from mou_text.cli import main
en, es, out = sys.argv[1:4]
os.chdir(out)
runs = [
    ["parse", en, "--format", "json"],
    ["pair", en, es, "--format", "csv"],
    ["check", en, es, "--encoder", "fake", "--html", "r.html", "--json", "r.json", "--xlsx", "r.xlsx", "--fail-on", "critical"],
    ["export-tm", en, es, "--tmx", "m.tmx", "--unit", "sentence"],
    ["export-tm", en, es, "--xliff", "m.xlf"],
]
for argv in runs:
    print("exit", argv[0], main(argv))
"""


def test_fresh_processes_with_different_hash_seeds(inputs, tmp_path):
    """Two new interpreters with different string-hash seeds: no output may depend on set or dict-of-set
    order, which one process running twice cannot show."""
    procs = []
    for seed in ("1", "2"):  # side by side: each pays the start-up (lexicons, glossary) once
        out = tmp_path / f"seed{seed}"
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        env.pop("SOURCE_DATE_EPOCH", None)
        cmd = [sys.executable, "-c", SCRIPT, inputs["en"], inputs["es"], str(out)]
        procs.append((out, subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)))
    produced = []
    for out, proc in procs:
        stdout, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0, stderr.decode()
        produced.append((stdout, {p.name: p.read_bytes() for p in sorted(out.iterdir())}))
    (out1, files1), (out2, files2) = produced
    assert out1 == out2
    assert files1.keys() == files2.keys() == {"r.html", "r.json", "r.xlsx", "m.tmx", "m.xlf"}
    for name in files1:
        assert files1[name] == files2[name], f"{name} differs between two processes"
