"""One Signature type on every result: read-only, formatted, round-tripped through JSON."""

from __future__ import annotations

import copy
import json

import pytest

import mou_text
from mou_text.embed import FakeEncoder
from mou_text.signature import LIBRARY, Signature


def test_fields_format_and_json_round_trip():
    sig = Signature.of("check", encoder="use-m3", thresholds={"align": {"tau": 0.3}}, checks=["numbers"])
    assert sig.producer == "check" and sig["library"] == LIBRARY and sig["encoder"] == "use-m3"
    assert sig.format() == f'library:{LIBRARY}|encoder:use-m3|thresholds:{{"align": {{"tau": 0.3}}}}|checks:["numbers"]'
    short = sig.format(short=True)
    assert short.startswith("lib:") and "enc:use-m3" in short and len(short) < len(sig.format())
    back = Signature.from_json(sig.to_json(), "check")
    assert back == sig and back.producer == "check" and json.loads(json.dumps(sig)) == sig.to_dict()


def test_read_only_and_copyable():
    sig = Signature.of("parse", lang="en")
    with pytest.raises(TypeError):
        sig["lang"] = "es"
    with pytest.raises(TypeError):
        sig.update(lang="es")
    with pytest.raises(TypeError):
        sig.producer = "x"
    twin = copy.deepcopy(sig)
    assert twin == sig and twin.producer == "parse" and hash(twin) == hash(sig)
    assert sig.replace(lang="es")["lang"] == "es" and "lang" not in sig.without("lang") and sig["lang"] == "en"


def test_every_result_carries_one(tmp_path):
    en, es = mou_text.load_mou("en"), mou_text.load_mou("es")
    assert isinstance(en.metadata["signature"], Signature) and en.metadata["signature"]["parser"] == "structural-v1"
    par = mou_text.pair(en, es)
    assert isinstance(par.signature, Signature) and par.signature["pairing"] == "structural-id" and "lang" not in par.signature
    report = mou_text.check(en, es, encoder=FakeEncoder(), checks=["numbers"])
    assert isinstance(report.signature, Signature) and report.signature.producer == "check"
    assert mou_text.CheckReport.from_json(report.to_json()).signature == report.signature
    assert isinstance(mou_text.terms(par).signature, Signature)
    assert isinstance(mou_text.load_glossary().signature(), Signature)
    assert report.to_frame().attrs["signature"] == report.signature.to_dict()
