"""check_many / mou-text check-dir: pairing by name or CSV, parallel workers, resume, summaries, same findings."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from mou_text.check import check, check_many, pair_files
from mou_text.check._pairing import pair_key
from mou_text.cli import main
from mou_text.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
MOU = ROOT / "corpora" / "mou"
ALTERED = ROOT / "corpora" / "altered"


def _folders(tmp_path: Path, n: int = 3) -> tuple[Path, Path]:
    """n pairs: the signed English text against altered Spanish versions (written for the project)."""
    en, es = tmp_path / "en", tmp_path / "es"
    en.mkdir()
    es.mkdir()
    for i in range(1, n + 1):
        shutil.copy(MOU / "en.md", en / f"MOU_{i:02d}_EN.md")
        shutil.copy(ALTERED / f"altered_{i:02d}.md", es / f"mou-{i:02d}.es.md")
    return en, es


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("MOU_2012_EN.docx", "mou_2012"),
        ("MOU_2012-ES.pdf", "mou_2012"),
        ("acuerdo.es.md", "acuerdo"),
        ("Agreement Spanish.txt", "agreement"),
        ("Convenio_Español.md", "convenio"),
        ("ENGLISH-memorandum.md", "memorandum"),
        ("plain.md", "plain"),
        ("es.md", "es"),  # nothing but a marker: the name stays
    ],
)
def test_pair_key_removes_language_markers(name, key):
    assert pair_key(name) == key


def test_pair_files_by_name_reports_the_unpaired(tmp_path):
    en, es = _folders(tmp_path)
    (en / "lonely_en.md").write_text("x", encoding="utf-8")
    (es / "solo_es.md").write_text("x", encoding="utf-8")
    (es / "notes.xyz").write_text("x", encoding="utf-8")  # not a document: ignored
    pairing = pair_files(en, es)
    assert [j.name for j in pairing] == ["mou_01", "mou_02", "mou_03"]
    assert all(j.en.parent == en and j.es.parent == es for j in pairing)
    assert [p.name for p in pairing.unpaired_en] == ["lonely_en.md"]
    assert [p.name for p in pairing.unpaired_es] == ["solo_es.md"]


def test_pair_files_in_one_folder_and_by_mapping(tmp_path):
    both = tmp_path / "both"
    both.mkdir()
    shutil.copy(MOU / "en.md", both / "acuerdo_en.md")
    shutil.copy(MOU / "es.md", both / "acuerdo_es.md")
    assert [(j.name, j.en.name, j.es.name) for j in pair_files(both)] == [("acuerdo", "acuerdo_en.md", "acuerdo_es.md")]
    mapping = tmp_path / "pairs.csv"
    mapping.write_text("en,es,name\nacuerdo_en.md,acuerdo_es.md,signed text\n", encoding="utf-8")
    jobs = list(pair_files(both, both, mapping=mapping))
    assert [(j.name, j.en.name) for j in jobs] == [("signed_text", "acuerdo_en.md")]
    mapping.write_text("english,spanish\nx,y\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        pair_files(both, both, mapping=mapping)
    assert err.value.code == "E267"


def test_two_files_with_one_key_are_refused(tmp_path):
    en, es = _folders(tmp_path, 1)
    shutil.copy(MOU / "en.md", en / "mou-01.en.md")  # 'mou_01' again
    with pytest.raises(ConfigError) as err:
        pair_files(en, es)
    assert err.value.code == "E270" and "rename" in str(err.value)


def test_check_many_gives_the_findings_of_check_and_resumes(tmp_path):
    en, es = _folders(tmp_path)
    out = tmp_path / "out"
    report = check_many(pair_files(en, es), out, jobs=2, encoder="fake", progress=False)
    assert [o.pair for o in report.outcomes] == ["mou_01", "mou_02", "mou_03"]
    for o, job in zip(report.outcomes, pair_files(en, es)):
        single = check(job.en, job.es, encoder="fake")
        saved = json.loads((out / o.json).read_text(encoding="utf-8"))
        assert saved["findings"] == json.loads(single.to_json())["findings"]
        assert o.findings == len(single.findings) > 0
        assert o.verdict == ("conformant" if single.is_conformant else "divergent")
        assert o.major == sum(f.severity == "major" for f in single.findings)
        assert (out / o.report).read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    rows = list(csv.reader((out / "summary.csv").open(encoding="utf-8")))
    assert rows[0][:3] == ["Pair", "Verdict", "Critical"] and [r[0] for r in rows[1:]] == ["mou_01", "mou_02", "mou_03"]
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert 'href="reports/mou_02.html"' in page

    # a second run skips every pair; a changed file and a removed row are checked again
    again = check_many(pair_files(en, es), out, jobs=2, encoder="fake", progress=False)
    assert all(o.resumed for o in again.outcomes)
    assert [o.findings for o in again.outcomes] == [o.findings for o in report.outcomes]
    shutil.copy(MOU / "es.md", es / "mou-02.es.md")
    (out / "reports" / "mou_03.row.json").unlink()
    third = check_many(pair_files(en, es), out, jobs=1, encoder="fake", progress=False)
    assert [o.resumed for o in third.outcomes] == [True, False, False]
    assert third.outcomes[1].findings < report.outcomes[1].findings  # the faithful translation now


def test_settings_change_and_failures_are_not_resumed(tmp_path):
    en, es = _folders(tmp_path, 2)
    (es / "mou-02.es.md").write_text("", encoding="utf-8")  # an empty file fails its pair only
    out = tmp_path / "out"
    first = check_many(pair_files(en, es), out, jobs=1, encoder="fake", progress=False, summary=("csv",))
    assert [o.verdict for o in first.outcomes] == ["divergent", "error"]
    assert "EmptyDocumentError" in first.outcomes[1].error and not (out / "reports" / "mou_02.row.json").exists()
    other = check_many(pair_files(en, es), out, jobs=1, encoder="fake", checks=["structure"], progress=False, summary=("csv",))
    assert not other.outcomes[0].resumed  # other checks: other findings
    assert {f["kind"] for f in json.loads((out / other.outcomes[0].json).read_text(encoding="utf-8"))["findings"]} <= {
        "omission", "addition", "merge", "split", "reorder", "list_count"
    }


def test_spanish_summary_and_workbook(tmp_path):
    from openpyxl import load_workbook

    en, es = _folders(tmp_path, 1)
    out = tmp_path / "out"
    report = check_many(pair_files(en, es), out, jobs=1, encoder="fake", lang="es", progress=False)
    assert report.summary("es").startswith("1 pares: 0 conformes, 1 con divergencias sustantivas")
    assert report.rows("es")[0]["verdict"] == "divergencia sustantiva"
    ws = load_workbook(out / "summary.xlsx").active
    assert [c.value for c in ws[1]][:3] == ["Par", "Resultado", "Críticas"]
    assert ws["H2"].value == "reports/mou_01.html" and ws["H2"].hyperlink.target == "reports/mou_01.html"
    assert report.to_frame()["pair"].tolist() == ["mou_01"] and report.to_frame().attrs["signature"]["runner"] == "processes"
    assert "mou_01" in report._repr_html_()


def test_encoder_objects_need_one_process(tmp_path):
    from mou_text.embed import FakeEncoder

    en, es = _folders(tmp_path, 2)
    with pytest.raises(ConfigError) as err:
        check_many(pair_files(en, es), tmp_path / "out", jobs=2, encoder=FakeEncoder(), progress=False)
    assert err.value.code == "E289"


def test_cli_check_dir(tmp_path, capsys):
    en, es = _folders(tmp_path, 2)
    out = tmp_path / "out"
    code = main(["check-dir", str(en), str(es), "--out", str(out), "--encoder", "fake", "--jobs", "2", "--no-progress", "--summary", "csv,html"])
    printed = capsys.readouterr()
    assert code == 1  # the altered versions diverge
    assert "2 pairs: 0 conformant, 2 with substantive divergences" in printed.out
    assert (out / "summary.csv").exists() and (out / "summary.html").exists() and not (out / "summary.xlsx").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["check-dir", str(empty), str(es), "--out", str(out)]) == 2
    assert "E287" in capsys.readouterr().err
