"""Classify collections too large for one machine with Dask: a DataFrame, a Series or a bag of texts/paths.

The classifier is loaded once per worker process, not once per partition or task: the first partition
a worker sees builds it (USE costs ~2 s and ~120 MB), later partitions reuse it. Only the model's
*description* (encoder spec, model folder) travels to the workers; nothing is pickled from the driver
but those strings. The same function runs on a laptop's local cluster and on a remote one (see
``docs/scale.md``).
"""

from __future__ import annotations

import threading
from typing import Any

from ..errors import ConfigError

_CACHE: dict[tuple[str | None, str | None, bool], Any] = {}
_LOCK = threading.Lock()


def worker_classifier(encoder: str | None = None, model: str | None = None, zero_shot: bool = False) -> Any:
    """This process's classifier, built on first use and reused (Dask workers, Spark Python workers)."""
    from ._classifier import AreaClassifier

    key = (encoder, model, zero_shot)
    with _LOCK:
        clf = _CACHE.get(key)
        if clf is None:
            if model is not None:
                clf = AreaClassifier.load(model, encoder=encoder)
            else:
                clf = AreaClassifier.default(encoder, model=None if zero_shot else "auto")
            _CACHE[key] = clf
        return clf


def _meta() -> Any:
    import pandas as pd

    from ._prototypes import area_keys

    cols: dict[str, Any] = {a: pd.Series(dtype=float) for a in area_keys()}
    for c in ("labels", "primary", "evidence", "lang", "error"):
        cols[c] = pd.Series(dtype=object)
    return pd.DataFrame(cols)


def _predict_partition(part: Any, column: str | None, encoder: str | None, model: str | None, zero_shot: bool) -> Any:
    import pandas as pd

    series = part if isinstance(part, pd.Series) else part[column]
    out = worker_classifier(encoder, model, zero_shot).predict(series, errors="coerce")
    if "error" not in out.columns:
        out["error"] = pd.Series([None] * len(out), index=out.index, dtype=object)
    out.attrs = {}
    return out[list(_meta().columns)]


def classify_dask(
    data: Any,
    *,
    column: str = "text",
    encoder: str | None = None,
    model: str | None = None,
    zero_shot: bool = False,
) -> Any:
    """Area predictions for a dask DataFrame (``column`` holds texts or paths), Series or Bag.

    Returns a lazy dask DataFrame with the same columns as :meth:`AreaClassifier.predict` (plus an
    ``error`` column: a document that fails is reported, not fatal). ``encoder`` is a spec string
    (``'use'``, ``'st'``, ``'fake'``) and ``model`` a folder written by ``AreaClassifier.save``; both are
    strings so that workers can build the classifier themselves.
    """
    import dask.bag as db
    import dask.dataframe as dd

    if encoder is not None and not isinstance(encoder, str):
        raise ConfigError("encoder", "an encoder object cannot be shipped to Dask workers", "pass its spec string ('use', 'st', 'st:<model>', 'fake')", code="E218")
    model = str(model) if model is not None else None
    if isinstance(data, db.Bag):
        data = dd.from_delayed([_bag_partition(p, column) for p in data.to_delayed()], meta={column: object})
    if isinstance(data, dd.Series):
        return data.map_partitions(_predict_partition, None, encoder, model, zero_shot, meta=_meta())
    if isinstance(data, dd.DataFrame):
        if column not in data.columns:
            raise ConfigError("column", f"{column!r} is not a column of the dask DataFrame", f"pass column= one of {list(data.columns)}", code="E219")
        return data.map_partitions(_predict_partition, column, encoder, model, zero_shot, meta=_meta())
    raise ConfigError("data", f"{type(data).__name__} is not a dask DataFrame, Series or Bag", "wrap your texts with dask.dataframe.from_pandas or dask.bag.from_sequence", code="E220")


def _bag_partition(part: Any, column: str) -> Any:
    import dask
    import pandas as pd

    return dask.delayed(lambda items: pd.DataFrame({column: pd.Series(list(items), dtype=object)}))(part)
