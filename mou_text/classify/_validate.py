"""A saved head checked whole before it is used: JSON types, every array's header, shape, dtype and values.

A model folder may come from anywhere (a colleague, a download, a disk that flipped a bit), and a
head that loads but is wrong fails silently later: NaN weights give no label and no warning, a zero
scale divides by zero, a complex array loses its imaginary part, a wrong-shaped bias breaks at
predict. So nothing of a folder is used until all of it has been checked, and every refusal is a
:class:`ModelError` naming the file and the field. ``.npy`` headers are read before any data (a header
claiming 10^11 elements is refused without allocating), with ``allow_pickle=False`` always.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, NoReturn

import numpy as np

from ..errors import ModelError

#: The arrays of a saved head.
ARRAYS = ("weights", "bias", "mean", "scale", "platt", "thresholds")
#: Largest array file read (bytes of data): a 768-d encoder with 4 areas needs ~13 KB per array.
MAX_ARRAY_BYTES = 64_000_000
_FIX = "re-save the model with AreaClassifier.save(), or reinstall mou-text for the shipped one"


def read_json_object(path: Path, folder: Path) -> dict[str, Any]:
    """A JSON file that must hold an object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"model folder '{folder}'", f"{path.name} cannot be read ({exc})", _FIX, path=folder, code="E107") from None
    if not isinstance(data, dict):
        raise ModelError(f"model folder '{folder}'", f"{path.name} holds a JSON {type(data).__name__}, not an object", _FIX, path=folder, code="E198")
    return data


def _bad(folder: Path, file: str, field: str, why: str) -> NoReturn:
    raise ModelError(f"model folder '{folder}'", f"{file} field '{field}' {why}", _FIX, path=folder, code="E197")


def check_signature(sig: dict[str, Any], folder: Path) -> None:
    """signature.json: the encoder fields a load relies on are strings."""
    if not isinstance(sig.get("encoder"), str):
        _bad(folder, "signature.json", "encoder", f"is {type(sig.get('encoder')).__name__}, not a string")
    if sig.get("encoder_spec") is not None and not isinstance(sig["encoder_spec"], str):
        _bad(folder, "signature.json", "encoder_spec", f"is {type(sig['encoder_spec']).__name__}, not a string")


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_config(config: dict[str, Any], folder: Path) -> None:
    """config.json: every field a load uses has its type and a sensible value."""
    areas = config.get("areas")
    if not isinstance(areas, list) or not all(isinstance(a, str) for a in areas):
        _bad(folder, "config.json", "areas", "is not a list of area names")
    topk = config.get("topk", 3)
    if not isinstance(topk, int) or isinstance(topk, bool) or topk < 1:
        _bad(folder, "config.json", "topk", f"is {topk!r}, not a whole number ≥ 1")
    blend = config.get("blend", 0.5)
    if not _number(blend) or not 0 <= blend <= 1:
        _bad(folder, "config.json", "blend", f"is {blend!r}, not a number from 0 to 1")
    for key in ("aggregation", "kind"):
        if key in config and not isinstance(config[key], str):
            _bad(folder, "config.json", key, f"is {type(config[key]).__name__}, not a string")
    for key in ("params", "training"):
        if key in config and not isinstance(config[key], dict):
            _bad(folder, "config.json", key, f"is {type(config[key]).__name__}, not an object")


def expected_shapes(n_areas: int, dim: int) -> dict[str, tuple[int, ...]]:
    d = dim + n_areas
    return {"weights": (n_areas, d), "bias": (n_areas,), "mean": (d,), "scale": (d,), "platt": (n_areas, 2), "thresholds": (n_areas,)}


def read_array(folder: Path, name: str, shape: tuple[int, ...]) -> np.ndarray:
    """One ``.npy`` file: header first (real floating dtype, the expected shape, a bounded size),
    then the data, with pickles refused; returned as float64."""
    path = folder / f"{name}.npy"
    file = path.name
    try:
        with open(path, "rb") as fh:
            version = np.lib.format.read_magic(fh)
            if version == (1, 0):
                header_shape, fortran, dtype = np.lib.format.read_array_header_1_0(fh)
            elif version in ((2, 0), (3, 0)):
                header_shape, fortran, dtype = np.lib.format.read_array_header_2_0(fh)
            else:  # pragma: no cover - read_magic refuses other versions itself
                raise ValueError(f"unknown .npy version {version}")
            if dtype.kind != "f":
                what = {"c": "complex", "O": "Python objects (a pickle)", "V": "records"}.get(dtype.kind, str(dtype))
                raise ModelError(f"model folder '{folder}'", f"{file} holds {what}, not real numbers", _FIX, path=folder, code="E196")
            if tuple(header_shape) != shape:
                raise ModelError(
                    f"model folder '{folder}'", f"{file} has shape {tuple(header_shape)}, not {shape} (areas × encoder dimensions)", _FIX, path=folder, code="E105",
                )
            size = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
            if size > MAX_ARRAY_BYTES:  # pragma: no cover - shapes come from the encoder, so this is a guard
                raise ModelError(f"model folder '{folder}'", f"{file} would need {size:,} bytes", _FIX, path=folder, code="E194")
            fh.seek(0)
            arr = np.load(fh, allow_pickle=False)
    except ModelError:
        raise
    except (OSError, ValueError, EOFError) as exc:
        raise ModelError(f"model folder '{folder}'", f"an array cannot be read ({file}: {exc})", _FIX, path=folder, code="E104") from None
    arr = np.asarray(arr, dtype=np.float64)
    if not np.isfinite(arr).all():
        raise ModelError(f"model folder '{folder}'", f"{file} holds NaN or infinite values", _FIX, path=folder, code="E193")
    return arr


def check_values(arrays: dict[str, np.ndarray], folder: Path) -> None:
    """What finite numbers can still get wrong: a zero scale divides by zero, a threshold outside
    0–1 can never (or always) fire, a zero Platt slope makes every score the same."""
    if (np.abs(arrays["scale"]) < 1e-12).any():
        raise ModelError(f"model folder '{folder}'", "scale.npy has zero entries (a feature would be divided by zero)", _FIX, path=folder, code="E192")
    t = arrays["thresholds"]
    if ((t < 0) | (t > 1)).any():
        raise ModelError(f"model folder '{folder}'", f"thresholds.npy has values outside 0–1 ({t.round(3).tolist()})", _FIX, path=folder, code="E191")
    if (arrays["platt"][:, 0] == 0).any():
        raise ModelError(f"model folder '{folder}'", "platt.npy has a zero slope (every score would be the same)", _FIX, path=folder, code="E190")
