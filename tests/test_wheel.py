"""The package's run-time data (corpora, models) loads from an installed wheel, not only a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.mark.slow
def test_wheel_carries_data_and_load_mou_works(tmp_path):
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:  # hatchling not importable here: let pip fetch it into an isolated env
        build = subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(dist), str(ROOT)], capture_output=True, text=True
        )
    assert build.returncode == 0, build.stderr[-2000:]
    wheel = next(dist.glob("mou_text-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "mou_text/_data/corpora/mou/en.md" in names and "mou_text/_data/corpora/mou/metadata.json" in names
    assert "mou_text/_data/corpora/glossary.tsv" in names and "mou_text/_data/models/area-head/weights.npy" in names
    assert not any(n.endswith((".pkl", ".pickle")) for n in names)
    # what the notebooks and `mou-text fit` read from an installed package (issue 17)
    assert "mou_text/_data/corpora/samples/reports/labels.csv" in names and "mou_text/_data/corpora/samples/cat/mou_draft_es.xlf" in names
    assert "mou_text/_data/corpora/altered/manifest.json" in names and "mou_text/_data/corpora/labelled/splits.json" in names
    assert "mou_text/_data/corpora/grounded/splits.json" in names  # the base `mou-text fit` trains on

    # A fresh venv with the wheel installed; dependencies come from this environment's site-packages
    # (a path added by .pth is not a site dir, so this environment's editable mou-text is not seen).
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    vpy = venv / "bin" / "python"
    purelib = subprocess.run([str(vpy), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True).stdout.strip()
    Path(purelib, "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    subprocess.run([str(vpy), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)], check=True)
    code = (
        "import mou_text, pathlib; d = mou_text.load_mou('es'); e = mou_text.load_mou('en');"
        "assert 'site-packages' in mou_text.__file__, mou_text.__file__;"
        "assert len(d.select('recital')) == 7 and d.ids == e.ids;"
        "from mou_text.resources import data_path;"
        "assert all('site-packages' in str(data_path(*p)) for p in (('models', 'area-head', 'signature.json'), ('corpora', 'glossary.tsv')));"
        "mou_text.load_glossary();"
        "print(len(e), mou_text.mou_metadata()['areas'][0]['key'])"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH",)}
    run = subprocess.run([str(vpy), "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.split() == [str(len(__import__("mou_text").load_mou("en"))), "economic"]
