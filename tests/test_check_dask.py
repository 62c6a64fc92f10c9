"""check_dask: the batch checker on a 2-worker LocalCluster gives check_many's findings and resumes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from mou_text.check import check, check_dask, pair_files  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_check_dask_on_local_cluster(tmp_path):
    en, es = tmp_path / "en", tmp_path / "es"
    en.mkdir()
    es.mkdir()
    for i in (1, 4, 7):
        shutil.copy(ROOT / "corpora" / "mou" / "en.md", en / f"mou_{i:02d}_en.md")
        shutil.copy(ROOT / "corpora" / "altered" / f"altered_{i:02d}.md", es / f"mou_{i:02d}_es.md")
    out = tmp_path / "out"
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc:
        with distributed.Client(lc) as client:
            report = check_dask(pair_files(en, es), out, encoder="fake", lang="es")
            # one encoder per worker process, however many pairs it checked
            states = client.run(lambda: len(__import__("mou_text.check._many", fromlist=["_STATE"])._STATE))
            assert len(states) == 2 and all(n <= 1 for n in states.values())
            again = check_dask(pair_files(en, es), out, encoder="fake", lang="es")
    assert [o.pair for o in report.outcomes] == ["mou_01", "mou_04", "mou_07"]
    for o, job in zip(report.outcomes, pair_files(en, es)):
        single = check(job.en, job.es, encoder="fake")
        assert json.loads((out / o.json).read_text(encoding="utf-8"))["findings"] == json.loads(single.to_json())["findings"]
    assert all(o.resumed for o in again.outcomes)
    assert (out / "summary.html").read_text(encoding="utf-8").count('href="reports/') == 6  # html + json per pair
    assert report.signature["runner"] == "dask"
