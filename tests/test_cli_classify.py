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
    assert list(df.columns) == ["path", "lang", *AREAS, "labels", "primary", "confidence", "evidence", "error"]
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


# -- streaming to OUT.partial, interruption and --resume -----------------------------------------------

FAKE = ["--encoder", "fake", "--no-progress"]


@pytest.fixture()
def corpus(tmp_path):
    """Three English reports, three Spanish ones and an empty file (an error) that sorts last."""
    rng = random.Random(1)
    root = tmp_path / "corpus"
    (root / "es").mkdir(parents=True)
    for i, areas in enumerate([["economic"], ["security"], ["social", "justice"]]):
        (root / f"report{i}.txt").write_text(make_doc(areas, "en", rng), encoding="utf-8")
        (root / "es" / f"informe{i}.md").write_text("# Informe\n\n" + make_doc(areas, "es", rng), encoding="utf-8")
    (root / "zz-empty.txt").write_text("   \n", encoding="utf-8")
    return root


@pytest.fixture()
def spy(monkeypatch):
    """Records the files each run hands to predict_iter; ``spy.stop_after = k`` raises Ctrl-C at the k+1-th result."""
    from mou_text.classify import AreaClassifier

    original = AreaClassifier.predict_iter

    class Spy:
        def __init__(self) -> None:
            self.requested: list[list[str]] = []
            self.stop_after: int | None = None

        def last(self) -> list[str]:
            return self.requested[-1] if self.requested else []

    s = Spy()

    def predict_iter(clf, data, **kw):
        data = list(data)
        s.requested.append([str(p) for p in data])
        for n, pred in enumerate(original(clf, data, **kw)):
            if s.stop_after is not None and n >= s.stop_after:
                raise KeyboardInterrupt
            yield pred

    monkeypatch.setattr(AreaClassifier, "predict_iter", predict_iter)
    return s


def _files(root):
    from mou_text.cli.classify import collect

    return [str(p) for p in collect([str(root)])]


def _partial_records(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    return header, [json.loads(line) for line in lines[1:]]


@pytest.mark.parametrize("ext", [".csv", ".jsonl", ".xlsx"])
def test_interrupted_run_resumes_to_the_same_file(corpus, tmp_path, spy, capsys, ext):
    files = _files(corpus)
    ref = tmp_path / f"ref{ext}"
    assert main(["classify", str(corpus), "--out", str(ref), *FAKE]) == 0
    assert spy.last() == files
    capsys.readouterr()

    out = tmp_path / "run" / f"results{ext}"
    partial = out.with_name(out.name + ".partial")
    spy.stop_after = 3
    assert main(["classify", str(corpus), "--out", str(out), *FAKE]) == 130
    err = capsys.readouterr().err
    assert f"interrupted after 3 of {len(files)} files" in err and str(partial) in err and "--resume" in err
    assert not out.exists()  # the named output appears only complete
    header, recs = _partial_records(partial)  # results were appended as they came
    assert header["format"] == ext and header["signature"]["encoder"] == "fake-hash-256"
    assert [r["path"] for r in recs] == files[:3] and not any(r["error"] for r in recs)

    spy.stop_after = None
    assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 0
    assert spy.last() == files[3:]  # the three done files were not classified again
    assert not partial.exists()
    assert f"{len(files)} files" in capsys.readouterr().out
    assert out.read_bytes() == ref.read_bytes()  # workbooks too: their timestamps are fixed


def test_truncated_last_line_is_cut_away(corpus, tmp_path, spy, capsys):
    files = _files(corpus)
    ref = tmp_path / "ref.jsonl"
    assert main(["classify", str(corpus), "--out", str(ref), *FAKE]) == 0
    out = tmp_path / "r.jsonl"
    partial = tmp_path / "r.jsonl.partial"
    spy.stop_after = 4
    assert main(["classify", str(corpus), "--out", str(out), *FAKE]) == 130
    data = partial.read_bytes()
    cut = data.rstrip(b"\n").rfind(b"\n") + 1
    partial.write_bytes(data[: cut + 40])  # a crash half-way through writing the 4th record
    capsys.readouterr()
    spy.stop_after = None
    assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 0
    assert "incomplete last line" in capsys.readouterr().err
    assert spy.last() == files[3:]  # the half-written record's file is classified again
    assert out.read_bytes() == ref.read_bytes()


def test_resume_refuses_other_settings(corpus, tmp_path, spy, capsys):
    out = tmp_path / "r.csv"
    partial = tmp_path / "r.csv.partial"
    spy.stop_after = 2
    assert main(["classify", str(corpus), "--out", str(out), *FAKE]) == 130
    before = partial.read_bytes()
    capsys.readouterr()
    spy.stop_after = None
    assert main(["classify", str(corpus), "--out", str(out), "--resume", "--threshold", "0.9", *FAKE]) == 2
    err = capsys.readouterr().err
    assert "[E226]" in err and "different settings" in err and "thresholds" in err and "0.9" in err
    assert "same --encoder, --model/--zero-shot, --threshold and --lang" in err and "drop --resume" in err
    assert main(["classify", str(corpus), "--out", str(out), "--resume", "--lang", "es", *FAKE]) == 2
    assert "--lang was" in capsys.readouterr().err
    assert partial.read_bytes() == before and not out.exists()  # nothing was touched
    assert len(spy.requested) == 1  # and nothing was classified

    # a finished JSONL carries its signature; a finished CSV does not, so its labels are checked instead
    for ext in (".jsonl", ".csv"):
        done = tmp_path / f"done{ext}"
        assert main(["classify", str(corpus), "--out", str(done), *FAKE]) == 0
        capsys.readouterr()
        assert main(["classify", str(corpus), "--out", str(done), "--resume", "--threshold", "0.9999", *FAKE]) == 2
        err = capsys.readouterr().err
        assert "different settings" in err and "drop --resume" in err, err
        assert not done.with_name(done.name + ".partial").exists()


def test_resume_checks_the_partial_header(corpus, tmp_path, capsys):
    out = tmp_path / "r.csv"
    partial = tmp_path / "r.csv.partial"
    partial.write_text("path,lang\nsomething else entirely\n", encoding="utf-8")
    assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 2
    err = capsys.readouterr().err
    assert "[E224]" in err and str(partial) in err and "not the partial results" in err and "drop --resume" in err
    assert partial.read_text(encoding="utf-8").startswith("path,lang")  # left alone


def test_resume_needs_out(corpus, capsys):
    assert main(["classify", str(corpus), "--resume", *FAKE]) == 2
    err = capsys.readouterr().err
    assert "[E230] --resume" in err and "add the --out file" in err


def test_errored_rows_are_retried(corpus, tmp_path, spy, capsys):
    files = _files(corpus)
    empty = str(corpus / "zz-empty.txt")
    out = tmp_path / "r.jsonl"
    assert main(["classify", str(corpus), "--out", str(out), *FAKE]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[-1]["path"] == empty and "empty" in rows[-1]["error"] and rows[-1]["labels"] == []
    assert rows[-1]["economic"] is None  # no score for a failed file (valid JSON: null, not NaN)

    (corpus / "zz-empty.txt").write_text(make_doc(["justice"], "en", random.Random(5)), encoding="utf-8")  # fixed
    assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 0
    assert spy.last() == [empty]  # only the failed file, from the finished output
    again = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in again] == files  # the new row took the old one's place
    assert again[:-1] == rows[:-1]
    assert again[-1]["error"] == "" and again[-1]["labels"] and again[-1]["lang"] == "en"
    fresh = tmp_path / "fresh.jsonl"
    assert main(["classify", str(corpus), "--out", str(fresh), *FAKE]) == 0
    assert out.read_bytes() == fresh.read_bytes()


def test_errored_row_in_partial_is_retried_in_place(tmp_path, spy):
    rng = random.Random(2)
    root = tmp_path / "c"
    root.mkdir()
    (root / "a-empty.txt").write_text("", encoding="utf-8")
    for i in range(4):
        (root / f"b{i}.txt").write_text(make_doc(["social"], "en" if i % 2 else "es", rng), encoding="utf-8")
    files = _files(root)
    out = tmp_path / "r.csv"
    spy.stop_after = 2
    assert main(["classify", str(root), "--out", str(out), *FAKE]) == 130
    (root / "a-empty.txt").write_text(make_doc(["security"], "es", rng), encoding="utf-8")
    spy.stop_after = None
    assert main(["classify", str(root), "--out", str(out), "--resume", *FAKE]) == 0
    assert spy.last() == [files[0], *files[2:]]
    df = pd.read_csv(out, keep_default_na=False)
    assert list(df["path"]) == files and (df["error"] == "").all() and set(df["lang"]) == {"en", "es"}
    fresh = tmp_path / "fresh.csv"
    assert main(["classify", str(root), "--out", str(fresh), *FAKE]) == 0
    assert out.read_bytes() == fresh.read_bytes()


def test_interrupted_while_writing_the_output(corpus, tmp_path, spy, monkeypatch, capsys):
    from mou_text.cli import _results as cli_results

    files = _files(corpus)
    ref = tmp_path / "ref.csv"
    assert main(["classify", str(corpus), "--out", str(ref), *FAKE]) == 0
    out = tmp_path / "r.csv"

    def ctrl_c(p, records, areas, signature):
        next(iter(records))
        raise KeyboardInterrupt

    capsys.readouterr()
    with monkeypatch.context() as m:
        m.setitem(cli_results.WRITERS, ".csv", ctrl_c)
        assert main(["classify", str(corpus), "--out", str(out), *FAKE]) == 130
    assert f"all {len(files)} results are in" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob(".r.csv.*"))  # no half-written output, no temporary file
    assert len(_partial_records(tmp_path / "r.csv.partial")[1]) == len(files)
    assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 0
    assert spy.last() == [str(corpus / "zz-empty.txt")]  # only the failed file is tried again
    assert out.read_bytes() == ref.read_bytes()


def test_without_resume_a_leftover_partial_is_replaced(corpus, tmp_path, capsys):
    out = tmp_path / "r.jsonl"
    partial = tmp_path / "r.jsonl.partial"
    partial.write_text('{"leftover": true}\n', encoding="utf-8")
    assert main(["classify", str(corpus), "--out", str(out), *FAKE]) == 0
    assert "starts over" in capsys.readouterr().err
    assert not partial.exists() and len(out.read_text(encoding="utf-8").splitlines()) == len(_files(corpus))


def test_three_formats_from_the_stream(corpus, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    hostile = '=HYPERLINK("evil.example","x").txt'
    (corpus / hostile).write_text("Los talleres de derechos y la asesoría jurídica gratuita llegaron a Oaxaca.", encoding="utf-8")
    monkeypatch.chdir(corpus)  # relative paths, so a path cell starts with '='
    outs = {ext: tmp_path / f"r{ext}" for ext in (".csv", ".jsonl", ".xlsx")}
    for out in outs.values():
        assert main(["classify", ".", "--out", str(out), *FAKE]) == 0
    csv_df = pd.read_csv(outs[".csv"], keep_default_na=False)
    assert outs[".csv"].read_bytes().startswith(b"\xef\xbb\xbfpath,lang,")  # BOM: Excel shows the accents
    assert list(csv_df.columns) == ["path", "lang", *AREAS, "labels", "primary", "confidence", "evidence", "error"]
    assert set(csv_df["lang"]) == {"en", "es", ""}
    rows = [json.loads(line) for line in outs[".jsonl"].read_text(encoding="utf-8").splitlines()]
    # a formula-like cell is written with a leading apostrophe (CSV injection, issue 15), read back without it
    assert f"'{hostile}" in list(csv_df["path"]) and hostile not in list(csv_df["path"])
    assert [r["path"] for r in rows] == [p[1:] if p.startswith("'=") else p for p in csv_df["path"]]
    assert list(rows[0]) == [*csv_df.columns, "signature"]
    for r, (_, c) in zip(rows, csv_df.iterrows()):
        assert ";".join(r["labels"]) == c["labels"] and r["evidence"] == json.loads(c["evidence"])
        assert r["error"] == c["error"] and (r["economic"] is None) == (c["economic"] == "")
    assert any("ó" in e["passage"] for r in rows for e in r["evidence"])  # Spanish text kept as is
    xl = pd.read_excel(outs[".xlsx"], sheet_name=None, keep_default_na=False)
    assert list(xl) == ["areas", "signature"]
    assert list(xl["areas"]["path"]) == [r["path"] for r in rows] and list(xl["areas"]["labels"]) == list(csv_df["labels"])
    assert list(xl["areas"]["evidence"]) == list(csv_df["evidence"])
    sig = dict(zip(xl["signature"]["key"], xl["signature"]["value"]))
    assert sig["encoder"] == rows[0]["signature"]["encoder"] and json.loads(sig["thresholds"]) == rows[0]["signature"]["thresholds"]
    ws = load_workbook(outs[".xlsx"])["areas"]
    cell = next(c for c in ws["A"] if c.value == hostile)
    assert cell.data_type == "s"  # text, not a formula
    import zipfile

    with zipfile.ZipFile(outs[".xlsx"]) as z:
        assert not any(b"<f>" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/"))


def test_identical_input_identical_output(corpus, tmp_path):
    for ext in (".csv", ".jsonl", ".xlsx"):
        a, b = tmp_path / f"a{ext}", tmp_path / f"b{ext}"
        assert main(["classify", str(corpus), "--out", str(a), *FAKE]) == 0
        assert main(["classify", str(corpus), "--out", str(b), *FAKE]) == 0
        assert a.read_bytes() == b.read_bytes() and a.stat().st_size > 0


def test_table_on_stdout_streams(corpus, spy, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    files = _files(corpus)
    assert main(["classify", str(corpus), *FAKE]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    # issue 17: the scores are in the table too, as percentages
    assert lines[0].split() == ["path", "lang", *AREAS, "labels", "primary", "error"] and len(lines) == 2 + len(files)
    assert all("%" in line for line in lines[2:] if "empty" not in line)
    assert f"{len(files)} files:" in captured.err and "errors 1" in captured.err
    spy.stop_after = 2
    assert main(["classify", str(corpus), *FAKE]) == 130
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2 + 2  # the rows already found were shown
    assert f"interrupted after 2 of {len(files)} files" in captured.err


def test_resume_with_shared_batches_is_byte_identical(corpus, tmp_path, spy):
    """Default batching: the resumed run's batches hold other files than the uninterrupted run's, and
    every score is still the same to the last bit (rows are computed independently of their batch)."""
    ref, out = tmp_path / "ref.jsonl", tmp_path / "r.jsonl"
    assert main(["classify", str(corpus), "--out", str(ref), *FAKE]) == 0
    for stop in (1, 3):
        out.unlink(missing_ok=True)
        spy.stop_after = stop
        assert main(["classify", str(corpus), "--out", str(out), *FAKE]) == 130
        spy.stop_after = None
        assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 0
        assert [json.loads(line)["path"] for line in out.read_text(encoding="utf-8").splitlines()] == _files(corpus)
        assert out.read_bytes() == ref.read_bytes()

def test_resume_leaves_out_files_no_longer_asked_for(corpus, tmp_path, spy, capsys):
    files = _files(corpus)
    out = tmp_path / "r.csv"
    spy.stop_after = 3
    assert main(["classify", str(corpus), "--out", str(out), *FAKE]) == 130
    spy.stop_after = None
    rest = files[3:5]
    assert main(["classify", *rest, "--out", str(out), "--resume", *FAKE]) == 0
    assert "3 earlier result(s) are for files not among this run's paths" in capsys.readouterr().err
    assert spy.last() == rest
    assert list(pd.read_csv(out, keep_default_na=False)["path"]) == rest


def test_zero_shot_and_model_together_are_refused(folder, tmp_path, capsys):
    model = tmp_path / "head"
    assert main(["classify", str(folder), "--model", str(model), "--zero-shot", *FAKE]) == 2
    err = capsys.readouterr().err
    assert "--zero-shot" in err and "--model" in err
