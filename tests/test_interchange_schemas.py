"""What mou-text writes for CAT tools validates against the OASIS/LISA schemas in ../shared/schemas.

Exports (``to_xliff`` 1.2 and 2.0, ``to_tmx``) and files annotated with findings (``annotate``, the
``--xliff-out`` of ``mou-text check``) are validated with lxml: XLIFF 1.2 against the transitional
schema (its import of xml.xsd resolved to the local copy), XLIFF 2.0 against xliff-core-2.0.xsd,
TMX against tmx14.dtd. The schemas are read in place, never copied; the tests skip without them.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT

import mou_text
from mou_text.interchange import annotate, pair_from_file, to_tmx, to_xliff

SCHEMAS = Path(__file__).resolve().parents[1].parent / "shared" / "schemas"
pytestmark = pytest.mark.skipif(not (SCHEMAS / "xliff-core-1.2-transitional.xsd").exists(), reason=f"schemas not found at {SCHEMAS}")
CAT = DATA / "cat"


def _xsd(name: str):
    from lxml import etree

    doc = etree.parse(str(SCHEMAS / name), etree.XMLParser(no_network=True))
    for imp in doc.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        if imp.get("schemaLocation", "").endswith("xml.xsd"):
            imp.set("schemaLocation", str(SCHEMAS / "xml.xsd"))
    return etree.XMLSchema(doc)


def assert_valid(path: Path) -> None:
    from lxml import etree

    doc = etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False))
    if path.suffix == ".tmx":
        validator = etree.DTD(str(SCHEMAS / "tmx14.dtd"))
    elif (doc.getroot().get("version") or "").startswith("2"):
        validator = _xsd("xliff-core-2.0.xsd")
    else:
        validator = _xsd("xliff-core-1.2-transitional.xsd")
    assert validator.validate(doc), [str(e) for e in validator.error_log][:5]


@pytest.mark.parametrize("unit", ["clause", "sentence"])
@pytest.mark.parametrize("fmt", ["xliff-1.2", "xliff-2.0", "tmx"])
def test_exports_validate(en_doc, es_doc, tmp_path, fmt, unit):
    par = mou_text.pair(en_doc, es_doc)
    if fmt == "tmx":
        out = to_tmx(par, tmp_path / "m.tmx", unit=unit)
    else:
        out = to_xliff(par, tmp_path / "m.xlf", version=fmt.split("-")[1], unit=unit)
    assert_valid(out)


def test_xliff12_export_names_each_context_group_once(en_doc, es_doc, tmp_path):
    from lxml import etree

    out = to_xliff(mou_text.pair(en_doc, es_doc), tmp_path / "m.xlf", version="1.2")
    names = [g.get("name") for g in etree.parse(str(out)).iter("{*}context-group")]
    assert len(names) == len(set(names)) > 10


@pytest.mark.parametrize("name", ["tags_1.2.xlf", "tags_2.0.xlf", "tags.tmx"])
def test_annotated_file_validates_and_carries_each_finding(tmp_path, name):
    from lxml import etree

    src = CAT / name
    report = mou_text.check(pair_from_file(src), encoder="fake", checks=["tags"], progress=False)
    out = annotate(src, report.findings, tmp_path / f"annotated{src.suffix}")
    assert_valid(out)
    notes = [n.text for n in etree.parse(str(out)).iter("{*}note", "note") if "missing_tag" in (n.text or "")]
    assert len(notes) == sum(f.kind == "missing_tag" for f in report.findings) >= 2
    assert pair_from_file(out).pairs[0].id == pair_from_file(src).pairs[0].id  # the file reads as before


def test_cli_xliff_out_and_exit_code(tmp_path):
    out = tmp_path / "annotated.xlf"
    cmd = [sys.executable, "-m", "mou_text", "check", str(CAT / "tags_1.2.xlf"), "--encoder", "fake", "--checks", "tags",
           "--xliff-out", str(out), "--no-progress"]
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    assert done.returncode == 1, done.stderr
    assert "missing_tag" in done.stdout and out.exists()
    assert_valid(out)
    done = subprocess.run([*cmd[:-3], "--fail-on", "critical", "--no-progress"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
