"""A saved head is checked whole at load: a tampered folder is a ModelError naming the file and the
field, never a head that silently gives no labels or fails at predict (issue 15)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import MOU

from mou_text import ModelError
from mou_text.classify import AreaClassifier
from mou_text.cli import main


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    return AreaClassifier("fake").save(tmp_path_factory.mktemp("head") / "head")


@pytest.fixture()
def head(saved, tmp_path):
    import shutil

    return shutil.copytree(saved, tmp_path / "head")


def _json(path, value):
    path.write_text(json.dumps(value), encoding="utf-8")


def _edit(path, **changes):
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(changes)
    _json(path, data)


def _load_fails(folder, code, *words):
    with pytest.raises(ModelError) as err:
        AreaClassifier.load(folder)
    assert err.value.code == code, str(err.value)
    for w in words:
        assert w in str(err.value)
    return err.value


def test_the_saved_head_loads(head):
    clf = AreaClassifier.load(head)
    assert clf.predict(["Programas de justicia para las mujeres y seguridad ciudadana."])["labels"].iloc[0] is not None


@pytest.mark.parametrize("value", [[], None, "text", 5])
def test_signature_not_an_object(head, value):
    _json(head / "signature.json", value)
    _load_fails(head, "E198", "signature.json")


@pytest.mark.parametrize("value", [[], None, 3.5])
def test_config_not_an_object(head, value):
    _json(head / "config.json", value)
    _load_fails(head, "E198", "config.json")


def test_encoder_not_a_string(head):
    _edit(head / "signature.json", encoder=5)
    _load_fails(head, "E197", "signature.json", "'encoder'")


@pytest.mark.parametrize(("field", "value"), [("topk", "abc"), ("topk", 0), ("blend", "x"), ("blend", 2.0), ("areas", "economic"), ("params", []), ("aggregation", 3)])
def test_config_fields(head, field, value):
    _edit(head / "config.json", **{field: value})
    _load_fails(head, "E197", "config.json", f"'{field}'")


@pytest.mark.parametrize("name", ["weights", "bias", "mean", "scale", "platt", "thresholds"])
def test_wrong_shapes(head, name):
    arr = np.load(head / f"{name}.npy")
    np.save(head / f"{name}.npy", np.concatenate([arr, arr[:1]]))
    _load_fails(head, "E105", f"{name}.npy", "shape")


@pytest.mark.parametrize(("name", "bad"), [("weights", np.nan), ("weights", np.inf), ("bias", -np.inf), ("thresholds", np.nan), ("platt", np.nan)])
def test_non_finite_values(head, name, bad):
    arr = np.load(head / f"{name}.npy")
    arr.flat[0] = bad
    np.save(head / f"{name}.npy", arr)
    _load_fails(head, "E193", f"{name}.npy", "NaN or infinite")


def test_zero_scale(head):
    arr = np.load(head / "scale.npy")
    arr[3] = 0
    np.save(head / "scale.npy", arr)
    _load_fails(head, "E192", "scale.npy")


def test_thresholds_outside_0_1(head):
    np.save(head / "thresholds.npy", np.array([0.5, 1.5, 0.5, 0.5], dtype=np.float32))
    _load_fails(head, "E191", "thresholds.npy")


def test_zero_platt_slope(head):
    arr = np.load(head / "platt.npy")
    arr[:, 0] = 0
    np.save(head / "platt.npy", arr)
    _load_fails(head, "E190", "platt.npy")


def test_complex_weights_are_refused(head):
    arr = np.load(head / "weights.npy").astype(np.complex64)
    arr[0, 0] += 1j
    np.save(head / "weights.npy", arr)
    _load_fails(head, "E196", "weights.npy", "complex")


def test_a_pickled_array_is_refused(head):
    np.save(head / "bias.npy", np.array([{"a": 1}] * 4, dtype=object), allow_pickle=True)
    _load_fails(head, "E196", "bias.npy")


def test_a_huge_header_is_refused_before_any_allocation(head):
    """A header claiming 10^11 float64 elements (800 GB) on a file of a few bytes: refused from the header."""
    import io

    buf = io.BytesIO()
    np.lib.format.write_array_header_1_0(buf, {"descr": "<f8", "fortran_order": False, "shape": (10**11,)})
    (head / "mean.npy").write_bytes(buf.getvalue() + b"\0" * 16)
    _load_fails(head, "E105", "mean.npy", "100000000000")


def test_a_truncated_array(head):
    data = (head / "weights.npy").read_bytes()
    (head / "weights.npy").write_bytes(data[: len(data) // 2])
    _load_fails(head, "E104", "weights.npy")


def test_cli_names_the_tampered_file(head, capsys):
    arr = np.load(head / "weights.npy")
    arr[1, 1] = np.nan
    np.save(head / "weights.npy", arr)
    assert main(["classify", str(MOU / "en.md"), "--model", str(head), "--encoder", "fake", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "[E193]" in err and "weights.npy" in err and "Traceback" not in err
