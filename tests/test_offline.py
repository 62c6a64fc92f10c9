"""Offline for real: hub names refused, Hugging Face libraries put offline before they are imported,
and no test may open a network connection (the autouse guard in conftest) (issue 15)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest
from conftest import ROOT, NetworkUsed

from mou_text import ModelError
from mou_text.cli import main
from mou_text.embed import OFFLINE_ENV, get_encoder


def test_the_guard_stops_a_connection_out():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        with pytest.raises(NetworkUsed):
            s.connect(("203.0.113.7", 443))  # TEST-NET-3: refused by the guard before any packet
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
        with pytest.raises(NetworkUsed):
            s.connect_ex(("2001:db8::1", 443, 0, 0))


def test_the_guard_lets_loopback_through():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
            client.connect(server.getsockname())


@pytest.mark.parametrize("spec", ["st:someone/model", "st:sentence-transformers/all-mpnet-base-v2", "st:no-such-folder"])
def test_hub_names_are_refused(spec):
    with pytest.raises(ModelError) as err:
        get_encoder(spec)
    assert err.value.code == "E199" and "local folder" in str(err.value)


def test_cli_refuses_a_hub_encoder(capsys):
    assert main(["check", "--encoder", "st:someone/model"]) == 2
    assert "[E199]" in capsys.readouterr().err


def test_a_tampered_signature_cannot_reach_a_hub(tmp_path):
    from mou_text.classify import AreaClassifier

    folder = AreaClassifier("fake").save(tmp_path / "head")
    sig = json.loads((folder / "signature.json").read_text(encoding="utf-8"))
    sig["encoder_spec"] = "st:someone/model"
    (folder / "signature.json").write_text(json.dumps(sig), encoding="utf-8")
    with pytest.raises(ModelError) as err:
        AreaClassifier.load(folder)
    assert err.value.code == "E199"


def test_offline_flags_are_set_before_the_import(tmp_path):
    """In a fresh process, loading an st model sets the flags before sentence_transformers is imported."""
    pytest.importorskip("sentence_transformers")
    code = (
        "import os, sys\n"
        "from mou_text.embed import SentenceTransformerEncoder\n"
        "seen = {}\n"
        "class Finder:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'sentence_transformers' and not seen:\n"
        "            seen.update({k: os.environ.get(k) for k in ('HF_HUB_OFFLINE', 'TRANSFORMERS_OFFLINE')})\n"
        "        return None\n"
        "sys.meta_path.insert(0, Finder())\n"
        "try:\n"
        f"    SentenceTransformerEncoder({str(tmp_path)!r})\n"
        "except Exception as exc:\n"
        "    print(type(exc).__name__)\n"
        "print(seen)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in OFFLINE_ENV}
    env["PYTHONPATH"] = str(ROOT)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    assert "{'HF_HUB_OFFLINE': '1', 'TRANSFORMERS_OFFLINE': '1'}" in run.stdout, run.stdout + run.stderr
