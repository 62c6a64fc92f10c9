"""Saving and loading a head as plain ``.npy`` arrays + JSON, never pickle.

A model folder may come from anyone: numpy arrays (``allow_pickle=False``) and JSON can be read
without running code, and the signature written next to them lets :func:`load` refuse a head on an
encoder it was not trained with. The classifier is reached only through :class:`Holder` and a
constructor passed in, so this module never imports ``_classifier``.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable
from os import PathLike
from pathlib import Path
from typing import Any, Protocol, TypeVar

import numpy as np

from .._io import atomic_write, atomic_write_text
from ..embed import Encoder, get_encoder
from ..errors import ModelError
from ..lang import SHARE_VERSION
from ..signature import Signature
from ._head import AGGREGATIONS, Head
from ._lexical import BUCKETS, Lexical
from ._prototypes import prototypes_hash
from ._validate import (
    ARRAYS,
    check_config,
    check_signature,
    check_values,
    expected_shapes,
    read_array,
    read_json_object,
)

__all__ = ["Holder", "family", "load", "save", "spec_of"]

_ARRAYS = ("weights", "bias", "mean", "scale", "platt", "thresholds")
#: The lexical channel's arrays (``lex_<field>.npy``), present when ``config.json`` has ``lexical`` > 0.
_LEX = ("cols", "idf", "weights", "bias")


class Holder(Protocol):
    """What saving reads and loading fills in: an :class:`~mou_text.classify.AreaClassifier`."""

    encoder: Encoder
    areas: tuple[str, ...]
    head: Head
    training: dict[str, Any]

    @property
    def dim(self) -> int: ...

    def signature(self) -> Signature: ...


H = TypeVar("H", bound=Holder)


def save(clf: Holder, directory: str | PathLike[str]) -> Path:
    """Write ``clf``'s head as ``.npy`` arrays + ``config.json`` + ``signature.json``."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    h = clf.head
    arrays = {"weights": h.weights, "bias": h.bias, "mean": h.mean, "scale": h.scale, "platt": h.platt, "thresholds": h.thresholds}
    for name, arr in arrays.items():
        atomic_npy(out / f"{name}.npy", np.asarray(arr, dtype=np.float32))
    if h.share is not None:
        atomic_npy(out / "share.npy", np.asarray(h.share, dtype=np.float32))
    lex = h.lexical if h.lex_weight > 0 else None
    if lex is not None:
        atomic_npy(out / "lex_cols.npy", np.asarray(lex.cols, dtype=np.int32))
        for name in _LEX[1:]:
            atomic_npy(out / f"lex_{name}.npy", np.asarray(getattr(lex, name), dtype=np.float32))
    config = {
        "format": 1,
        "areas": list(clf.areas),
        "dim": clf.dim,
        "aggregation": h.aggregation,
        "topk": h.topk,
        "blend": h.blend,
        "lexical": h.lex_weight if lex is not None else 0.0,
        "share": h.params.get("share") if h.share is not None else None,
        "kind": h.kind,
        "params": h.params,
        "prototypes": prototypes_hash(),
        "training": {k: v for k, v in clf.training.items() if k != "oof_logits"},
    }
    atomic_write_text(out / "config.json", json.dumps(config, indent=1, ensure_ascii=False) + "\n")
    sig = clf.signature().replace(encoder_spec=spec_of(clf.encoder.name))
    atomic_write_text(out / "signature.json", json.dumps(sig.to_dict(), indent=1, ensure_ascii=False) + "\n")
    return out


def load(directory: str | PathLike[str], *, encoder: str | Encoder | None, new: Callable[[Encoder], H]) -> H:
    """The head saved in ``directory``, on ``new(encoder)`` (``encoder`` defaults to the one it was
    trained with and must be of its family). Every way a folder can be wrong is refused here, before
    it can score anything."""
    path = Path(directory)
    if not (path / "signature.json").is_file():
        raise ModelError(f"model folder '{path}'", "it has no signature.json", "pass a folder written by AreaClassifier.save()", path=path, code="E101")
    sig = read_json_object(path / "signature.json", path)
    config = read_json_object(path / "config.json", path)
    check_signature(sig, path)
    check_config(config, path)
    enc = get_encoder(encoder if encoder is not None else sig.get("encoder_spec") or "use")
    if family(enc.name) != family(str(sig.get("encoder", ""))):
        raise ModelError(
            f"model folder '{path}'",
            f"it was trained with encoder '{sig.get('encoder')}' but is used with '{enc.name}'",
            f"load it with the encoder it was trained with (encoder={sig.get('encoder_spec') or 'use'!r}), or fit a new head with this encoder",
            path=path, code="E102",
        )
    # stacklevel 3: past this function and AreaClassifier.load, to the caller's line
    if enc.name != sig.get("encoder"):
        warnings.warn(f"model '{path}' was trained with '{sig.get('encoder')}', now used with '{enc.name}': check its scores", stacklevel=3)
    clf = new(enc)
    if list(config.get("areas", [])) != list(clf.areas):
        raise ModelError(f"model folder '{path}'", f"its areas {config.get('areas')} differ from this label set {list(clf.areas)}", "retrain the head with this version of mou-text", path=path, code="E103")
    # every array read header first, size-limited, no pickle; shapes, dtypes and values checked whole
    shapes = expected_shapes(len(clf.areas), clf.dim)
    arrays = {n: read_array(path, n, shapes[n]) for n in ARRAYS}
    check_values(arrays, path)
    if config.get("aggregation", "blend") not in AGGREGATIONS:
        raise ModelError(
            f"model folder '{path}'", f"config.json names an unknown aggregation {config.get('aggregation')!r}", f"use one of {', '.join(AGGREGATIONS)}, or re-save the model", path=path, code="E106",
        )
    if config.get("prototypes") != prototypes_hash():
        warnings.warn(f"model '{path}' was fitted with other area prototypes than this version's: retrain it for best results", stacklevel=3)
    lex_weight = float(config.get("lexical", 0.0))
    lexical = _load_lexical(path, len(clf.areas)) if lex_weight > 0 else None
    share = None
    if config.get("share") is not None:
        if config["share"] != SHARE_VERSION:
            raise ModelError(
                f"model folder '{path}'", f"it weighs the women-share cue {config['share']!r}, this version counts {SHARE_VERSION!r}",
                "retrain the head with this version of mou-text", path=path, code="E122",
            )
        share = read_array(path, "share", (len(clf.areas),))
    clf.head = Head(
        **arrays,
        lexical=lexical,
        lex_weight=lex_weight if lexical is not None else 0.0,
        share=share,
        aggregation=config.get("aggregation", "blend"),
        topk=int(config.get("topk", 3)),
        blend=float(config.get("blend", 0.5)),
        kind=config.get("kind", "trained"),
        params=config.get("params", {}),
    )
    clf.training = dict(config.get("training", {}))
    return clf


def _load_lexical(path: Path, k: int) -> Lexical:
    """The lexical channel's arrays, checked against each other before they can score anything."""
    why = ""
    try:
        a = {n: np.load(path / f"lex_{n}.npy", allow_pickle=False) for n in _LEX}
    except (OSError, ValueError) as exc:
        a, why = {}, f"an array cannot be read: {exc}"
    cols = a.get("cols", np.zeros(0, np.int64))
    u = len(cols)
    if why:
        pass
    elif cols.ndim != 1 or not np.issubdtype(cols.dtype, np.integer):
        why = f"lex_cols is {cols.dtype} of shape {cols.shape}, not a list of bucket ids"
    elif u and (cols.min() < 0 or cols.max() >= BUCKETS or np.any(np.diff(cols) <= 0)):
        why = f"lex_cols is not a sorted set of buckets in [0, {BUCKETS})"
    elif a["idf"].shape != (u,) or a["weights"].shape != (k, u) or a["bias"].shape != (k,):
        why = f"idf {a['idf'].shape}, weights {a['weights'].shape}, bias {a['bias'].shape} for {u} buckets and {k} areas"
    if why:
        raise ModelError(f"model folder '{path}'", f"its lexical channel's arrays are inconsistent ({why})", "re-save the model with AreaClassifier.save()", path=path, code="E120")
    return Lexical(cols.astype(np.int64), a["idf"].astype(np.float64), a["weights"].astype(np.float64), a["bias"].astype(np.float64))


def family(name: str) -> str:
    """An encoder's name without its package version: a head fits every version of its model."""
    return "+".join(part.split(" (", 1)[0].strip() for part in name.split("+"))


def spec_of(name: str) -> str:
    """The ``get_encoder`` spec that rebuilds an encoder of this name: saved so ``load`` needs none."""
    fam = family(name)
    if fam == "use-multilingual-v3+multilingual-e5-small-q4":
        return "use+e5"
    if fam.startswith("use-"):
        return "use"
    if fam.startswith("multilingual-e5-small"):
        return "e5"
    if fam.startswith("st:"):
        return "st" if fam == "st:all-MiniLM-L6-v2" else fam
    if fam.startswith("fake-hash-"):
        return "fake"
    return fam


def atomic_npy(path: Path, arr: np.ndarray) -> None:
    """``np.save`` without pickle, all or nothing: an interrupted save leaves the old array whole."""
    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:  # a file handle: np.save on a path would append ".npy" to the temp name
            np.save(fh, arr, allow_pickle=False)

    atomic_write(path, write)
