"""``classify --resume`` after a SIGKILL writes the bytes of an uninterrupted run, and refuses what it
cannot trust: a hand-edited ``.partial``, a results file that is not UTF-8 (issue 15)."""

from __future__ import annotations

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from _areadocs import make_doc
from conftest import ROOT

from mou_text.cli import main

FAKE = ["--encoder", "fake", "--no-progress"]
AREAS = ["economic", "social", "security", "justice"]

#: A classify run whose encoder sleeps a little per batch, so a test can kill it half-way.
SLOW_RUN = (
    "import sys, time\n"
    "from mou_text.embed import FakeEncoder\n"
    "encode = FakeEncoder.encode\n"
    "def slow(self, texts):\n"
    "    time.sleep(0.15)\n"
    "    return encode(self, texts)\n"
    "FakeEncoder.encode = slow\n"
    "from mou_text.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    rng = random.Random(15)
    root = tmp_path_factory.mktemp("resume") / "docs"
    root.mkdir()
    keys = [[], ["economic"], ["justice", "security"], ["social"], ["security"], ["economic", "social"]]
    for i in range(24):
        lang = "es" if i % 3 else "en"
        (root / f"doc{i:02d}.txt").write_text(make_doc(keys[i % len(keys)], lang, rng), encoding="utf-8")
    return root


def _records(partial) -> int:
    try:
        return max(0, len(partial.read_bytes().split(b"\n")) - 2)  # header line, trailing newline
    except FileNotFoundError:
        return 0


@pytest.mark.parametrize("ext", [".jsonl", ".csv"])
def test_resume_after_sigkill_is_byte_identical(corpus, tmp_path, ext):
    ref = tmp_path / f"ref{ext}"
    assert main(["classify", str(corpus), "--out", str(ref), *FAKE]) == 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for kill_after in (2, 17):  # early, and with most files done
        out = tmp_path / f"killed{kill_after}{ext}"
        partial = out.with_name(out.name + ".partial")
        proc = subprocess.Popen([sys.executable, "-c", SLOW_RUN, "classify", str(corpus), "--out", str(out), *FAKE], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while _records(partial) < kill_after and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL and not out.exists() and _records(partial) >= kill_after
        assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 0
        assert out.read_bytes() == ref.read_bytes()
        assert not partial.exists()


def test_scores_do_not_depend_on_the_batch(corpus):
    """A document's scores are the same alone, first or last in a stream (batches never mix documents)."""
    from mou_text.classify import AreaClassifier

    clf = AreaClassifier("fake")
    files = sorted(corpus.glob("*.txt"))
    together = clf.predict(files)
    for k in (0, 5, len(files) - 1):
        alone = clf.predict([files[k]])
        assert alone[AREAS].iloc[0].tolist() == together[AREAS].iloc[k].tolist()


def _good_partial(corpus, out):
    assert main(["classify", str(corpus), "--out", str(out), *FAKE]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    header = {"mou_text_partial": 1, "format": ".jsonl", "lang": None, "signature": json.loads(lines[0])["signature"]}
    records = [{k: v for k, v in json.loads(line).items() if k != "signature"} for line in lines]
    out.unlink()
    return header, records


@pytest.mark.parametrize(
    "edit",
    [
        {"economic": "high"},
        {"economic": 7.5},
        {"labels": ["economic", "housing"]},
        {"labels": "economic"},
        {"primary": "justice", "labels": []},
        {"path": 42},
        {"evidence": "none"},
    ],
)
def test_a_hand_edited_partial_is_refused(corpus, tmp_path, capsys, edit):
    out = tmp_path / "r.jsonl"
    header, records = _good_partial(corpus, out)
    records[1].update(edit)
    partial = out.with_name(out.name + ".partial")
    partial.write_text("\n".join(json.dumps(x) for x in [header, *records[:3]]) + "\n", encoding="utf-8")
    assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 2
    err = capsys.readouterr().err
    assert "[E225]" in err and "line 3" in err and "Traceback" not in err


def test_a_non_utf8_partial_or_output_is_refused(corpus, tmp_path, capsys):
    out = tmp_path / "r.jsonl"
    header, records = _good_partial(corpus, out)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes((json.dumps(header) + "\n").encode() + b'{"path": "caf\xe9"}\n')
    assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 2
    assert "[E225]" in capsys.readouterr().err
    partial.unlink()
    out.write_bytes(b"\xff\xfe" + "path,lang\n".encode("utf-16-le"))
    assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 2
    err = capsys.readouterr().err
    assert "[E264]" in err and "UTF-8" in err
    csv_out = tmp_path / "r.csv"
    csv_out.write_bytes(b"path,lang\nna\xefve.txt,en\n")
    assert main(["classify", str(corpus), "--out", str(csv_out), "--resume", *FAKE]) == 2
    assert "[E264]" in capsys.readouterr().err


def test_a_csv_cell_over_128_kb_reads_back(corpus, tmp_path):
    out = tmp_path / "r.csv"
    assert main(["classify", str(corpus), "--out", str(out), *FAKE]) == 0
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    rows[1][-1] = ""  # error column
    rows[1][-2] = json.dumps([{"area": "economic", "passage": "x" * 200_000}])  # a 200 KB evidence cell
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    assert main(["classify", str(corpus), "--out", str(out), "--resume", *FAKE]) == 0  # read, not a csv.Error
    assert len(out.read_text(encoding="utf-8-sig")) > 200_000  # the long cell was kept (its row counted as done)


def test_csv_escapes_formula_like_names(tmp_path, monkeypatch):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("=cmd.txt", "+1.txt", "@sum.txt", "-x.txt", "plain.txt"):
        (folder / name).write_text("Programas de justicia para las mujeres en Oaxaca.", encoding="utf-8")
    monkeypatch.chdir(folder)
    out = tmp_path / "r.csv"
    assert main(["classify", ".", "--out", str(out), *FAKE]) == 0
    with open(out, encoding="utf-8-sig", newline="") as fh:
        paths = [row[0] for row in csv.reader(fh)][1:]
    assert all(p[0] not in "=+-@" for p in paths)
    assert sorted(paths) == sorted(["'=cmd.txt", "'+1.txt", "'@sum.txt", "'-x.txt", "plain.txt"])
    before = out.read_bytes()
    assert main(["classify", ".", "--out", str(out), "--resume", *FAKE]) == 0  # read back without the quote
    assert out.read_bytes() == before
