"""Dask: classify partitions on a 2-worker LocalCluster, the classifier loaded once per worker."""

from __future__ import annotations

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from mou_text import AreaClassifier  # noqa: E402
from mou_text.classify import classify_dask  # noqa: E402

TEXTS = [
    "Microcredit and business training for women entrepreneurs in Sonora.",
    "Talleres sobre derechos legales y asesoría jurídica gratuita para mujeres en Oaxaca.",
    "A shelter for survivors of gender-based violence opened in Juárez.",
    "Becas para niñas en carreras de ciencia y tecnología en Puebla.",
    "The city council approved a new bridge over the river.",
    "La liga de fútbol anunció su calendario de partidos.",
] * 4


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as lc:
        with distributed.Client(lc) as client:
            yield client


@pytest.mark.slow
def test_dataframe_on_local_cluster_matches_local_predict(cluster):
    frame = pd.DataFrame({"text": TEXTS, "source": range(len(TEXTS))})
    ddf = dd.from_pandas(frame, npartitions=6)
    result = classify_dask(ddf, encoder="fake", zero_shot=True).compute()
    local = AreaClassifier.default("fake", model=None).predict(frame["text"])
    assert len(result) == len(TEXTS)
    pd.testing.assert_frame_equal(
        result[["economic", "social", "security", "justice"]].sort_index(),
        local[["economic", "social", "security", "justice"]],
        check_exact=False,
        rtol=1e-5,
    )
    assert result["error"].isna().all()
    # one classifier per worker process, however many partitions it ran
    counts = cluster.run(lambda: len(__import__("mou_text.classify._dask", fromlist=["_CACHE"])._CACHE))
    assert len(counts) == 2 and all(n <= 1 for n in counts.values()) and sum(counts.values()) >= 1


@pytest.mark.slow
def test_bag_and_bad_inputs(cluster, tmp_path):
    import dask.bag as db

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    bag = db.from_sequence([TEXTS[0], str(empty), TEXTS[2]], npartitions=2)
    result = classify_dask(bag, encoder="fake", zero_shot=True).compute()
    assert len(result) == 3
    assert result["error"].notna().sum() == 1 and "empty.txt" in result["error"].dropna().iloc[0]


def test_refuses_what_cannot_be_shipped():
    from mou_text import ConfigError
    from mou_text.embed import FakeEncoder

    ddf = dd.from_pandas(pd.DataFrame({"text": TEXTS}), npartitions=2)
    with pytest.raises(ConfigError, match="spec string"):
        classify_dask(ddf, encoder=FakeEncoder())
    with pytest.raises(ConfigError, match="column"):
        classify_dask(ddf, column="body", encoder="fake")
    with pytest.raises(ConfigError):
        classify_dask(pd.DataFrame({"text": TEXTS}), encoder="fake")
