"""TMX/XLIFF export and TMX/XLIFF/table import: same pairs back, valid structure, clear errors.

No XLIFF or TMX schema (XSD/DTD) ships with any installed package, so structure is validated here
with lxml against the rules of each specification that the exports rely on (required attributes,
child order, NMTOKEN ids, no workflow state). The writers are lxml only; translate-toolkit
(GPL-3.0-or-later, so never a run-time dependency of mou-text) is a test-only extra that reads what
they write as an independent third party, and those tests are skipped when it is not installed.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import DATA, MOU, ROOT
from lxml import etree

import mou_text
from mou_text import (
    CorruptFileError,
    Document,
    EmptyDocumentError,
    InputError,
    LanguageMismatchError,
    Node,
    UnsupportedFormatError,
    UnsupportedLanguageError,
    pair,
    pair_from_table,
    pair_from_tmx,
    pair_from_xliff,
    parse,
)
from mou_text.cli import main
from mou_text.errors import ConfigError
from mou_text.interchange import MDA_NS, XLIFF12_NS, XLIFF20_NS, export_units, pair_from_file, to_tmx, to_xliff, xml_id
from mou_text.align import ClausePair, ParallelDocument
from mou_text.lang import split_sentences as split

IC = DATA / "interchange"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NMTOKEN = re.compile(r"^[A-Za-z0-9._:-]+$")


# -- helpers ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mou_pair(en_doc, es_doc):
    return pair(en_doc, es_doc)


@pytest.fixture(scope="module")
def one_sided_pair(en_doc):
    """The MOU with Section 4's second paragraph dropped and a paragraph added to Section 1 in Spanish."""
    lines = (MOU / "es.md").read_text(encoding="utf-8").split("\n")
    last = max(i for i, ln in enumerate(lines) if ln.startswith("Los Participantes podrán designar"))
    es_text = "\n".join(lines[: last + 1] + lines[last + 3 :])
    marker = es_text.index("## **SECCIÓN 2**")
    es_text = es_text[:marker] + "Los Participantes informarán anualmente sobre los avances alcanzados.\n\n" + es_text[marker:]
    par = pair(en_doc, parse(es_text, lang="es"))
    assert {p.id: p.status for p in par.unpaired} == {"s4.p2": "en_only", "s1.p2": "es_only"}
    return par


def _doc(lang: str, items: list[tuple[str, str, str]]) -> Document:
    """A Document from (id, kind, text) triples, built the way the importer builds one."""
    texts = [t for _, _, t in items]
    starts = [sum(len(t) + 2 for t in texts[:k]) for k in range(len(texts))]
    sents = split(texts, lang, starts)
    nodes = tuple(
        Node(i, kind, 2, "iv", t, s, s + len(t), se, label=None) for (i, kind, t), s, se in zip(items, starts, sents)
    )
    return Document(lang, "\n\n".join(texts), nodes, source=f"hand_{lang}.md")


@pytest.fixture(scope="module")
def odd_ids_pair():
    """Ids with characters XML ids forbid, and text with markup characters, quotes and a line break."""
    en = _doc(
        "en",
        [
            ("s2.item~iv", "item", "Access to justice & <security> for \"all\" women."),
            ("s2.item+iv", "item", "Heading line\nsecond line"),
            ("annex 1/§3", "paragraph", "It costs 5 % more. It applies in 2013."),
        ],
    )
    es = _doc(
        "es",
        [
            ("s2.item~iv", "item", "Acceso a la justicia y <seguridad> para «todas» las mujeres."),
            ("s2.item+iv", "item", "Línea de título\nsegunda línea"),
            ("annex 1/§3", "paragraph", "Cuesta un 5 % más. Se aplica en 2013."),
        ],
    )
    return pair(en, es)


def _reference_pair() -> ParallelDocument:
    """A small pair that uses every part of the export: markup characters, a label, a two-sentence
    clause, a line break, and an English-only and a Spanish-only clause (built by hand, no aligner)."""

    def doc(lang: str, items: list[tuple[str, str, str, str | None]]) -> Document:
        texts = [t for _, _, t, _ in items]
        starts = [sum(len(t) + 2 for t in texts[:k]) for k in range(len(texts))]
        sents = split(texts, lang, starts)
        nodes = tuple(Node(i, kind, 2, "iv", t, s, s + len(t), se, label=label) for (i, kind, t, label), s, se in zip(items, starts, sents))
        return Document(lang, "\n\n".join(texts), nodes, source=f"hand_{lang}.md")

    en = doc(
        "en",
        [
            ("s2.item~iv", "item", 'Access to justice & <security> for "all" women.', "iv."),
            ("annex 1/§3", "paragraph", "It costs 5 % more. It applies in 2013.", None),
            ("s2.heading", "heading", "SECTION 2\nScope", None),
            ("s4.p2", "paragraph", "Activities are subject to the availability of funds.", None),
        ],
    )
    es = doc(
        "es",
        [
            ("s2.item~iv", "item", "Acceso a la justicia y <seguridad> para «todas» las mujeres.", "iv."),
            ("annex 1/§3", "paragraph", "Cuesta un 5 % más. Se aplica en 2013.", None),
            ("s2.heading", "heading", "SECCIÓN 2\nÁmbito", None),
            ("s1.p2", "paragraph", "Los Participantes informarán anualmente sobre los avances.", None),
        ],
    )
    e, s = {n.id: n for n in en}, {n.id: n for n in es}
    rows = [("s2.item~iv", "item"), ("annex 1/§3", "paragraph"), ("s2.heading", "heading"), ("s4.p2", "paragraph"), ("s1.p2", "paragraph")]
    return ParallelDocument(en, es, tuple(ClausePair(i, kind, 2, "iv", e.get(i), s.get(i)) for i, kind in rows))


def _key(par) -> list[tuple]:
    return [
        (p.id, p.kind, p.section, p.area, p.status, p.en.text if p.en else None, p.es.text if p.es else None)
        for p in par
    ]


def _assert_documents_exact(par) -> None:
    for doc in (par.en, par.es):
        assert doc.text == "\n\n".join(n.text for n in doc)
        for n in doc:
            assert doc.text[n.start : n.end] == n.text
            assert n.sentences and all(doc.text[s.start : s.end] == s.text for s in n.sentences)


def _local(el) -> str:
    return etree.QName(el).localname


def validate_tmx(path: Path) -> etree._Element:
    root = etree.parse(str(path)).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header, body = list(root)
    assert header.tag == "header" and body.tag == "body"
    for attr in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attr), attr
    assert header.get("segtype") in ("block", "paragraph", "sentence", "phrase")
    for tu in body:
        assert tu.tag == "tu"
        tags = [c.tag for c in tu]
        first_tuv = tags.index("tuv")
        assert set(tags[:first_tuv]) <= {"note", "prop"} and set(tags[first_tuv:]) == {"tuv"}  # DTD: (note|prop)*, tuv+
        langs = [tuv.get(XML_LANG) for tuv in tu.findall("tuv")]
        assert all(langs) and len(set(langs)) == len(langs)
        assert tu.get("srclang", header.get("srclang")) in langs
        for tuv in tu.findall("tuv"):
            assert [c.tag for c in tuv] == ["seg"]
        assert all(p.get("type", "").startswith("x-") for p in tu.findall("prop"))
    return root


def validate_xliff12(path: Path) -> etree._Element:
    root = etree.parse(str(path)).getroot()
    ns = {"x": XLIFF12_NS}
    assert root.tag == f"{{{XLIFF12_NS}}}xliff" and root.get("version") == "1.2"
    for f in root.findall("x:file", ns):
        for attr in ("original", "source-language", "datatype"):
            assert f.get(attr), attr
        assert [_local(c) for c in f] in (["header", "body"], ["body"])
        ids = [tu.get("id") for tu in f.iterfind(".//x:trans-unit", ns)]
        assert len(ids) == len(set(ids)) and all(ids)
        for tu in f.iterfind(".//x:trans-unit", ns):
            assert tu.get("approved") is None and tu.get("resname")
            children = [_local(c) for c in tu]
            assert children[0] == "source"
            rest = children[1:]
            if rest and rest[0] == "seg-source":
                rest = rest[1:]
            if rest and rest[0] == "target":
                assert tu.find("x:target", ns).get("state") is None
                rest = rest[1:]
            assert set(rest) <= {"context-group", "count-group", "prop-group", "note", "alt-trans"}
            for ctx in tu.iterfind("x:context-group/x:context", ns):
                assert re.fullmatch(r"x-\S+", ctx.get("context-type"))
            for mrk in tu.iterfind(".//x:mrk", ns):
                assert mrk.get("mtype") == "seg" and mrk.get("mid")
    return root


def validate_xliff20(path: Path) -> etree._Element:
    root = etree.parse(str(path)).getroot()
    ns = {"x": XLIFF20_NS, "mda": MDA_NS}
    assert root.tag == f"{{{XLIFF20_NS}}}xliff" and root.get("version") == "2.0"
    assert root.get("srcLang") == "en" and root.get("trgLang") == "es"
    for f in root.findall("x:file", ns):
        assert NMTOKEN.match(f.get("id"))
        ids = [u.get("id") for u in f.iterfind(".//x:unit", ns)]
        assert len(ids) == len(set(ids)) and all(NMTOKEN.match(i) for i in ids)
        for unit in f.iterfind(".//x:unit", ns):
            order = ["other" if etree.QName(c).namespace != XLIFF20_NS else _local(c) for c in unit]
            head = ["other", "notes", "originalData"]  # core schema: ##other*, notes?, originalData?, (segment|ignorable)+
            n = sum(1 for o in order if o in head)
            assert order[:n] == sorted(order[:n], key=head.index) and order.count("notes") <= 1
            assert order[n:] and set(order[n:]) <= {"segment", "ignorable"} and "segment" in order[n:]
            for seg in unit.findall("x:segment", ns):
                assert set(seg.attrib) <= {"id", "canResegment", "subState"}  # no state, no xml:space
                assert [_local(c) for c in seg] in (["source"], ["source", "target"])
            for ign in unit.findall("x:ignorable", ns):
                assert [_local(c) for c in ign] in (["source"], ["source", "target"])
            for group in unit.iterfind("mda:metadata/mda:metaGroup", ns):
                metas = group.findall("mda:meta", ns)
                assert metas and all(m.get("type") for m in metas)
            seg_ids = [s.get("id") for s in unit.findall("x:segment", ns) if s.get("id")]
            assert len(seg_ids) == len(set(seg_ids))
    return root


# -- export and round trip: TMX -----------------------------------------------------------------------


def test_tmx_round_trip_bundled_pair(mou_pair, tmp_path):
    path = to_tmx(mou_pair, tmp_path / "mou.tmx")
    root = validate_tmx(path)
    header = root.find("header")
    assert header.get("creationtool") == "mou-text" and header.get("creationtoolversion") == mou_text.__version__
    assert (header.get("srclang"), header.get("adminlang"), header.get("datatype"), header.get("segtype")) == ("en", "en", "plaintext", "paragraph")
    tus = root.findall("body/tu")
    assert len(tus) == len(mou_pair) == export_units(mou_pair, "clause", "tmx")
    props = {p.get("type"): p.text for p in tus[-10].findall("prop")}
    assert set(props) >= {"x-mou-id", "x-mou-kind", "x-mou-section"}

    back = pair_from_tmx(path)
    assert _key(back) == _key(mou_pair)
    _assert_documents_exact(back)
    assert "Secretaría de Relaciones Exteriores" in back.es.text and back["s3.iii.bullet.2"].es.text.startswith("Combatir la trata")
    assert back.to_frame().attrs["signature"]["format"] == "tmx"


def test_tmx_sentence_units(mou_pair, tmp_path):
    path = to_tmx(mou_pair, tmp_path / "mou_sent.tmx", unit="sentence")
    root = validate_tmx(path)
    assert root.find("header").get("segtype") == "sentence"
    tus = root.findall("body/tu")
    multi = [p for p in mou_pair if len(p.en.sentences) == len(p.es.sentences) > 1]
    assert multi and len(tus) == len(mou_pair) + sum(len(p.en.sentences) - 1 for p in multi) == export_units(mou_pair, "sentence", "tmx")
    # the sentence units of one clause: 1-1 by position, numbered k/n, each a complete sentence
    p = multi[0]
    units = [tu for tu in tus if tu.findtext("prop[@type='x-mou-id']") == p.id]
    assert [tu.findtext("prop[@type='x-mou-sentence']") for tu in units] == [f"{k}/{len(units)}" for k in range(1, len(units) + 1)]
    assert [tu.findtext("tuv[@{http://www.w3.org/XML/1998/namespace}lang='es']/seg") for tu in units] == [s.text for s in p.es.sentences]
    # a clause whose sides split differently stays one unit
    uneven = [q for q in mou_pair if len(q.en.sentences) != len(q.es.sentences)]
    for q in uneven:
        assert len([tu for tu in tus if tu.findtext("prop[@type='x-mou-id']") == q.id]) == 1
    # read back: the sentences are merged into their clause again
    assert _key(pair_from_tmx(path)) == _key(mou_pair)


def test_tmx_one_sided_clauses(one_sided_pair, tmp_path):
    path = to_tmx(one_sided_pair, tmp_path / "one_sided.tmx")
    root = validate_tmx(path)
    tu = {t.findtext("prop[@type='x-mou-id']"): t for t in root.findall("body/tu")}
    assert [v.get(XML_LANG) for v in tu["s4.p2"].findall("tuv")] == ["en"]
    assert [v.get(XML_LANG) for v in tu["s1.p2"].findall("tuv")] == ["es"] and tu["s1.p2"].get("srclang") == "es"
    assert tu["s4.p2"].findtext("prop[@type='x-mou-status']") == "en_only"
    assert tu["s1.p2"].findtext("prop[@type='x-mou-status']") == "es_only"
    assert tu["s1.p1"].find("prop[@type='x-mou-status']") is None
    back = pair_from_tmx(path)
    assert _key(back) == _key(one_sided_pair)
    assert {p.id: p.status for p in back.unpaired} == {"s4.p2": "en_only", "s1.p2": "es_only"}


# -- export and round trip: XLIFF -------------------------------------------------------------------


def test_xliff12_round_trip(mou_pair, tmp_path):
    path = to_xliff(mou_pair, tmp_path / "mou.xlf")
    root = validate_xliff12(path)
    f = root.find(f"{{{XLIFF12_NS}}}file")
    assert (f.get("source-language"), f.get("target-language")) == ("en", "es")
    assert len(root.findall(f".//{{{XLIFF12_NS}}}trans-unit")) == len(mou_pair) == export_units(mou_pair, "clause", "xliff")
    assert _key(pair_from_xliff(path)) == _key(mou_pair)


def test_xliff12_sentence_segmentation(mou_pair, tmp_path):
    path = to_xliff(mou_pair, tmp_path / "mou_sent.xlf", unit="sentence")
    root = validate_xliff12(path)
    ns = {"x": XLIFF12_NS}
    p = next(q for q in mou_pair if len(q.en.sentences) == len(q.es.sentences) > 1)
    tu = root.find(f".//x:trans-unit[@resname='{p.id}']", ns)
    assert [m.text for m in tu.findall("x:seg-source/x:mrk", ns)] == [s.text for s in p.en.sentences]
    assert [m.text for m in tu.findall("x:target/x:mrk", ns)] == [s.text for s in p.es.sentences]
    assert "".join(tu.find("x:target", ns).itertext()) == p.es.text  # the gaps between segments survive
    assert "".join(tu.find("x:seg-source", ns).itertext()) == tu.findtext("x:source", namespaces=ns) == p.en.text
    assert _key(pair_from_xliff(path)) == _key(mou_pair)


@pytest.mark.parametrize("unit", ["clause", "sentence"])
def test_xliff20_round_trip(mou_pair, tmp_path, unit):
    path = to_xliff(mou_pair, tmp_path / f"mou_{unit}.xlf", version="2.0", unit=unit)
    root = validate_xliff20(path)
    ns = {"x": XLIFF20_NS}
    units = root.findall(".//x:unit", ns)
    assert len(units) == len(mou_pair)
    segments = len(root.findall(".//x:segment", ns))
    assert (segments == len(mou_pair)) == (unit == "clause")
    assert _key(pair_from_xliff(path)) == _key(mou_pair)


def test_xliff_one_sided_clauses(one_sided_pair, tmp_path):
    for version in ("1.2", "2.0"):
        path = to_xliff(one_sided_pair, tmp_path / f"one_sided_{version}.xlf", version=version)
        (validate_xliff12 if version == "1.2" else validate_xliff20)(path)
        root = etree.parse(str(path)).getroot()
        ns = "{%s}" % (XLIFF12_NS if version == "1.2" else XLIFF20_NS)
        attr, tag = ("resname", "trans-unit") if version == "1.2" else ("name", "unit")
        units = {u.get(attr): u for u in root.iter(f"{ns}{tag}")}
        assert units["s4.p2"].find(f".//{ns}target") is None
        assert units["s1.p2"].findtext(f".//{ns}source") in ("", None)
        assert units["s1.p2"].findtext(f".//{ns}target").startswith("Los Participantes informarán")
        back = pair_from_xliff(path)
        assert _key(back) == _key(one_sided_pair)


def test_ids_with_forbidden_characters_survive(odd_ids_pair, tmp_path):
    ids = [p.id for p in odd_ids_pair]
    assert len({xml_id(i) for i in ids}) == len(ids) and all(NMTOKEN.match(xml_id(i)) for i in ids)
    outputs = {
        "tmx": (to_tmx(odd_ids_pair, tmp_path / "odd.tmx"), pair_from_tmx),
        "tmx-sentence": (to_tmx(odd_ids_pair, tmp_path / "odd_s.tmx", unit="sentence"), pair_from_tmx),
        "xliff12": (to_xliff(odd_ids_pair, tmp_path / "odd12.xlf"), pair_from_xliff),
        "xliff12-sentence": (to_xliff(odd_ids_pair, tmp_path / "odd12s.xlf", unit="sentence"), pair_from_xliff),
        "xliff20": (to_xliff(odd_ids_pair, tmp_path / "odd20.xlf", version="2.0"), pair_from_xliff),
        "xliff20-sentence": (to_xliff(odd_ids_pair, tmp_path / "odd20s.xlf", version="2.0", unit="sentence"), pair_from_xliff),
    }
    for name, (path, reader) in outputs.items():
        back = reader(path)
        assert _key(back) == _key(odd_ids_pair), name
        assert back["s2.item+iv"].en.text == "Heading line\nsecond line", name
        assert back["s2.item~iv"].es.text == "Acceso a la justicia y <seguridad> para «todas» las mujeres.", name
    validate_xliff20(outputs["xliff20"][0])
    units = etree.parse(str(outputs["xliff20"][0])).getroot().iter(f"{{{XLIFF20_NS}}}unit")
    assert {u.get("name"): u.get("id") for u in units}["s2.item~iv"] == "s2.item_x007E_iv"


def test_export_options_are_checked(mou_pair, tmp_path):
    with pytest.raises(ConfigError, match="unit"):
        to_tmx(mou_pair, tmp_path / "x.tmx", unit="word")
    with pytest.raises(ConfigError, match="1.1"):
        to_xliff(mou_pair, tmp_path / "x.xlf", version="1.1")
    existing = tmp_path / "keep.tmx"
    existing.write_text("previous", encoding="utf-8")
    empty = pair(_doc("en", []), _doc("es", []))
    with pytest.raises(EmptyDocumentError):
        to_tmx(empty, existing)
    assert existing.read_text(encoding="utf-8") == "previous"  # nothing half-written
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("unit", ["clause", "sentence"])
def test_exports_match_the_reference_files(tmp_path, unit):
    """TMX and XLIFF 1.2 come out byte for byte as in ``expected_*`` (written by the earlier
    translate-toolkit writers; only the XML declaration's quotes are lxml's): same header, props,
    context groups, ``<seg-source>``/``<mrk>``, one-sided units, ids and layout."""
    par = _reference_pair()
    version = f'version="{mou_text.__version__}"'.encode()
    for path, expected in (
        (to_tmx(par, tmp_path / f"{unit}.tmx", unit=unit), IC / f"expected_{unit}.tmx"),
        (to_xliff(par, tmp_path / f"{unit}.xlf", unit=unit), IC / f"expected_{unit}_1.2.xlf"),
    ):
        got = path.read_bytes()
        assert got.count(version) == 1
        assert got.replace(version, b'version="@VERSION@"').decode("utf-8") == expected.read_text(encoding="utf-8")
        (validate_tmx if path.suffix == ".tmx" else validate_xliff12)(path)
        back = (pair_from_tmx if path.suffix == ".tmx" else pair_from_xliff)(path)
        assert _key(back) == _key(par)
        assert back["s2.item~iv"].en.label == "iv."
    assert etree.parse(str(tmp_path / f"{unit}.tmx")).docinfo.system_url == "tmx14.dtd"


def test_export_needs_no_translate_toolkit(tmp_path):
    """translate-toolkit is GPL-3.0-or-later, so no writer may need it: a fresh interpreter where it
    cannot be imported (any attempt is recorded) writes all six variants, and ``translate`` never
    appears in ``sys.modules``. The files are read back here (the readers load spaCy, slow to start)."""
    script = textwrap.dedent(
        """
        import sys
        from importlib.abc import MetaPathFinder

        attempts = []

        class Absent(MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] == "translate":
                    attempts.append(name)
                    raise ModuleNotFoundError(f"No module named {name!r}", name=name)
                return None

        sys.meta_path.insert(0, Absent())

        from pathlib import Path

        import mou_text
        from mou_text import Document, Node
        from mou_text.document import Sentence
        from mou_text.interchange import to_tmx, to_xliff

        def doc(lang, first, second):
            text = first + " " + second
            sents = (Sentence(first, 0, len(first)), Sentence(second, len(first) + 1, len(text)))
            return Document(lang, text, (Node("s1.p1", "paragraph", 1, None, text, 0, len(text), sents),), source=lang + ".md")

        par = mou_text.pair(doc("en", "It costs 5 % more.", "It applies in 2013."), doc("es", "Cuesta un 5 % más.", "Se aplica en 2013."))
        out = Path(sys.argv[1])
        for unit in ("clause", "sentence"):
            for path in (
                to_tmx(par, out / (unit + ".tmx"), unit=unit),
                to_xliff(par, out / (unit + ".xlf"), unit=unit),
                to_xliff(par, out / (unit + "_2.0.xlf"), version="2.0", unit=unit),
            ):
                assert path.stat().st_size > 0, path
        loaded = sorted(m for m in sys.modules if m.split(".")[0] == "translate")
        assert not attempts and not loaded, (attempts, loaded)
        print("exported without translate-toolkit")
        """
    )
    cmd = [sys.executable, "-c", script, str(tmp_path)]
    result = subprocess.run(cmd, check=False, capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("exported without translate-toolkit")
    paths = sorted(tmp_path.glob("*.tmx")) + sorted(tmp_path.glob("*.xlf"))
    assert len(paths) == 6
    for path in paths:
        back = pair_from_file(path)
        assert (back["s1.p1"].en.text, back["s1.p1"].es.text) == ("It costs 5 % more. It applies in 2013.", "Cuesta un 5 % más. Se aplica en 2013."), path.name


# -- an independent reader: translate-toolkit (GPL-3.0-or-later, a test-only extra) -----------------


def _sentence_units(par, unit: str) -> list[tuple[str, str | None, str | None]]:
    """(tuid, English, Spanish) of each ``<tu>`` a TMX export should hold."""
    out = []
    for p in par:
        if unit == "sentence" and p.en and p.es and len(p.en.sentences) == len(p.es.sentences) > 1:
            out += [(f"{p.id}/{k}", a.text, b.text) for k, (a, b) in enumerate(zip(p.en.sentences, p.es.sentences), start=1)]
        else:
            out.append((p.id, p.en.text if p.en else None, p.es.text if p.es else None))
    return out


@pytest.mark.parametrize("unit", ["clause", "sentence"])
@pytest.mark.parametrize("fixture", ["mou_pair", "one_sided_pair", "odd_ids_pair"])
def test_translate_toolkit_reads_our_tmx(request, tmp_path, fixture, unit):
    tmx = pytest.importorskip("translate.storage.tmx")
    par = request.getfixturevalue(fixture)
    path = to_tmx(par, tmp_path / "x.tmx", unit=unit)
    with path.open("rb") as fh:
        store = tmx.tmxfile(fh)
    got = [(u.getid(), u.source, u.gettarget("es")) for u in store.units]
    # the source of a Spanish-only unit is its only <tuv>, the Spanish one
    assert got == [(i, en if en is not None else es, es) for i, en, es in _sentence_units(par, unit)]


@pytest.mark.parametrize("unit", ["clause", "sentence"])
@pytest.mark.parametrize("fixture", ["mou_pair", "one_sided_pair", "odd_ids_pair"])
def test_translate_toolkit_reads_our_xliff12(request, tmp_path, fixture, unit):
    xliff = pytest.importorskip("translate.storage.xliff")
    par = request.getfixturevalue(fixture)
    path = to_xliff(par, tmp_path / "x.xlf", unit=unit)
    with path.open("rb") as fh:
        store = xliff.xlifffile(fh)
    assert (store.getsourcelanguage(), store.gettargetlanguage()) == ("en", "es")
    got = {u.xmlelement.get("resname"): (u.source, u.target) for u in store.units}
    assert got == {p.id: (p.en.text if p.en else "", p.es.text if p.es else None) for p in par}
    assert not any(u.isapproved() for u in store.units)
    # one context group per unit, named after it: XLIFF 1.2 wants context-group names unique in a <file>
    contexts = {u.xmlelement.get("resname"): dict(u.getcontextgroups(f"mou-text.{u.xmlelement.get('id')}")[0]) for u in store.units}
    assert all(c["x-mou-id"] == i for i, c in contexts.items())
    assert {i: c.get("x-mou-status") for i, c in contexts.items() if "x-mou-status" in c} == {p.id: p.status for p in par.unpaired}


@pytest.mark.parametrize("unit", ["clause", "sentence"])
def test_translate_toolkit_reads_our_xliff20(mou_pair, tmp_path, unit):
    xliff2 = pytest.importorskip("translate.storage.xliff2")
    path = to_xliff(mou_pair, tmp_path / "x.xlf", version="2.0", unit=unit)
    with path.open("rb") as fh:
        store = xliff2.Xliff2File(fh)
    joined: dict[str, list[str]] = {}
    for u in store.units:  # translate-toolkit exposes each segment as 'unit::segment'
        joined.setdefault(u.getid().split("::")[0], []).append(u.target)
    assert {k: " ".join(v) for k, v in joined.items()} == {xml_id(p.id): p.es.text for p in mou_pair}


# -- import of what CAT tools write ------------------------------------------------------------------


def test_tmx_from_omegat_regional_tags_and_inline_codes():
    par = pair_from_tmx(IC / "omegat_project_save.tmx")
    assert [p.id for p in par] == ["tu.1", "tu.2", "tu.3", "tu.4"]  # no ids in the file: positions
    assert par["tu.2"].en.text == "Each Participant shall bear the costs of its own participation."
    assert par["tu.2"].es.text == "Cada Participante sufragará los gastos de su propia participación."
    assert par["tu.3"].es.text.endswith("su firma y permanecerá vigente durante cinco años.")  # <ph> line break
    assert par["tu.4"].status == "en_only"
    assert par.en.metadata["declared_lang"] == "EN-US" and par.es.metadata["declared_lang"] == "ES-MX"
    assert par.en.metadata["ignored_langs"] == ["fr"]
    assert all(n.kind == "paragraph" for n in par.en)
    _assert_documents_exact(par)


def test_tmx_trados_style_and_utf16(tmp_path):
    par = pair_from_tmx(IC / "trados_style.tmx")
    assert [p.id for p in par] == ["1", "2", "3"]  # tuid
    assert par["1"].en.text == "Promoting women's economic empowerment;"  # <hi> content is text
    assert par["2"].es.text == "Combatir la trata de mujeres y niñas;"  # Spanish tuv first
    assert par["3"].en.text == "Strengthening access to justice."  # upper-case EN/ES
    utf16 = tmp_path / "utf16.tmx"
    text = (IC / "trados_style.tmx").read_text(encoding="utf-8").replace('encoding="utf-8"', 'encoding="utf-16"')
    utf16.write_bytes(text.encode("utf-16"))
    assert _key(pair_from_tmx(utf16)) == _key(par)


def test_xliff12_from_cat_tool():
    par = pair_from_xliff(IC / "cat_tool_1.2.xlf")
    assert [p.id for p in par] == ["1", "2", "5", "6"]  # translate="no" units and groups skipped
    assert par["2"].en.text == "The Participants intend to cooperate in three areas. Each area is described below."
    assert par["2"].es.text == "Los Participantes tienen la intención de cooperar en tres áreas. Cada área se describe a continuación."
    assert [s.text for s in par["2"].es.sentences] == ["Los Participantes tienen la intención de cooperar en tres áreas.", "Cada área se describe a continuación."]
    assert par["1"].es.text == "SECCIÓN 1" and par["5"].es.text == "Página 2"
    assert par["6"].status == "en_only"  # not translated yet
    _assert_documents_exact(par)


def test_sdlxliff_by_extension():
    par = pair_from_file(IC / "trados_studio.sdlxliff")
    assert [p.id for p in par] == ["a1b2c3d4-0002", "a1b2c3d4-0003"]  # the structure unit (translate="no") is skipped
    assert par["a1b2c3d4-0002"].es.text == "Sección 4"
    assert par["a1b2c3d4-0003"].es.text == (
        "El presente Memorándum podrá modificarse por consentimiento mutuo por escrito. "
        "Cualquiera de los Participantes podrá darlo por terminado."
    )
    with pytest.raises(UnsupportedFormatError, match=".mo"):  # .po is read since issue 14; a compiled .mo is not
        pair_from_file(IC / "messages.mo")


def test_xliff20_spanish_source_is_read_the_right_way_round():
    par = pair_from_xliff(IC / "es_to_en_2.0.xlf")
    assert [p.id for p in par] == ["u1", "s4.p1"]  # 'name' where given, else the unit id
    assert par["u1"].en.text == "The Participants will foster the exchange of best practices. No provision shall be binding."
    assert par["u1"].es.text == "Los Participantes fomentarán el intercambio de buenas prácticas. Ninguna disposición será vinculante."
    assert par["s4.p1"].es.text == "El presente Memorándum podrá modificarse por consentimiento mutuo."
    assert par.en.lang == "en" and par.en.metadata["declared_lang"] == "en-US"


def test_imported_pair_feeds_the_aligner_with_unit_ids():
    from mou_text.align import align

    par = pair_from_xliff(IC / "cat_tool_1.2.xlf")
    aligned = align(par.en, par.es, encoder="fake")
    ids = {p.en_id for p in aligned} | {p.es_id for p in aligned}
    assert ids - {None} <= {"1", "2", "5", "6"} and "6" in ids


@pytest.mark.slow
def test_checker_findings_carry_unit_ids(mou_pair, tmp_path):
    from mou_text.check import check

    path = to_tmx(mou_pair, tmp_path / "mou.tmx")
    text = path.read_text(encoding="utf-8")
    assert "en la Sección 1," in text
    path.write_text(text.replace("en la Sección 1,", "en la Sección 4,"), encoding="utf-8")
    par = pair_from_tmx(path)
    report = check(par.en, par.es, checks=["numbers"])
    assert any(f.en_id == "s2.p1" and f.es_id == "s2.p1" for f in report.findings)


# -- tables -----------------------------------------------------------------------------------------


def _xlsx(path: Path, rows: list[list], sheet: str | None = None) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    if sheet:
        ws.title = "Notas"
        ws = wb.create_sheet(sheet)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_xlsx_with_header_and_ids(mou_pair, tmp_path):
    rows = [["ID", "Inglés", "Español"]] + [[p.id + ("~x" if k == 3 else ""), p.en.text, p.es.text] for k, p in enumerate(mou_pair)]
    par = pair_from_table(_xlsx(tmp_path / "mou.xlsx", rows))
    assert len(par) == len(mou_pair) and par.unpaired == []
    assert [p.id for p in par][:4] == ["title", "preamble", "recital.1", "recital.2~x"]
    assert [(p.en.text, p.es.text) for p in par] == [(p.en.text, p.es.text) for p in mou_pair]
    assert "SECRETARÍA" in par["title"].es.text and par.en.metadata["format"] == "table"
    _assert_documents_exact(par)


def test_xlsx_without_header_uses_row_numbers_and_swaps_reversed_columns(mou_pair, tmp_path):
    rows = [[p.es.text, p.en.text] for p in mou_pair]  # Spanish first, no header
    par = pair_from_table(_xlsx(tmp_path / "rev.xlsx", rows, sheet="Traducción"), sheet="Traducción")
    assert [p.id for p in par][:2] == ["row.1", "row.2"]  # the spreadsheet row a translator sees
    assert par["row.1"].en.text.startswith("MEMORANDUM OF UNDERSTANDING")
    assert par["row.1"].es.text.startswith("MEMORÁNDUM DE ENTENDIMIENTO")
    assert par.en.metadata["columns_swapped"] is True
    with pytest.raises(ConfigError, match="Hoja"):
        pair_from_table(tmp_path / "rev.xlsx", sheet="Hoja")


def test_table_header_naming_languages_the_wrong_way_is_refused(mou_pair, tmp_path):
    rows = [["English", "Spanish"]] + [[p.es.text, p.en.text] for p in mou_pair]
    with pytest.raises(LanguageMismatchError, match="swap"):
        pair_from_table(_xlsx(tmp_path / "wrong.xlsx", rows))


def test_csv_semicolon_windows_1252_source_target(mou_pair, tmp_path):
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")
    writer.writerow(["Source", "Target"])
    for p in list(mou_pair)[:12]:
        writer.writerow([p.en.text, p.es.text])
    writer.writerow(["", ""])  # blank rows are skipped
    writer.writerow(["Only in English.", ""])
    path = tmp_path / "excel_es.csv"
    path.write_bytes(buf.getvalue().encode("cp1252"))  # what a Spanish-locale Excel saves
    par = pair_from_table(path)
    assert len(par) == 13 and par["row.2"].es.text.startswith("MEMORÁNDUM")
    assert par["row.15"].status == "en_only"


def test_csv_from_pair_command_round_trips(mou_pair, tmp_path, capsys):
    assert main(["pair", "--format", "csv"]) == 0
    path = tmp_path / "pairs.csv"
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    par = pair_from_table(path)  # id, kind, section, area, en_text, es_text, en_start, …
    assert _key(par) == _key(mou_pair)
    assert pair_from_file(path).pairs[0].id == "title"


def test_tsv_and_first_two_columns(tmp_path):
    path = tmp_path / "two.tsv"
    path.write_text("Section 1\tSección 1\nThe Participants shall meet.\tLos Participantes se reunirán.\n", encoding="utf-8")
    par = pair_from_table(path)
    assert [(p.id, p.en.text, p.es.text) for p in par] == [
        ("row.1", "Section 1", "Sección 1"),
        ("row.2", "The Participants shall meet.", "Los Participantes se reunirán."),
    ]


# -- errors -----------------------------------------------------------------------------------------


def _message(exc) -> str:
    text = str(exc.value)
    assert "Fix:" in text
    return text


def test_malformed_and_foreign_files_raise_clear_errors(tmp_path):
    with pytest.raises(CorruptFileError) as exc:
        pair_from_tmx(IC / "truncated.tmx")
    assert "truncated.tmx" in _message(exc) and "well-formed" in str(exc.value)
    with pytest.raises(UnsupportedLanguageError) as exc:
        pair_from_tmx(IC / "english_french.tmx")
    assert "fr-FR" in _message(exc) and "Spanish" in str(exc.value)
    with pytest.raises(UnsupportedLanguageError, match="fr-CA"):
        pair_from_xliff(IC / "english_french.xlf")
    with pytest.raises(UnsupportedFormatError, match="pair_from_xliff"):
        pair_from_tmx(IC / "cat_tool_1.2.xlf")
    with pytest.raises(UnsupportedFormatError, match="pair_from_tmx"):
        pair_from_xliff(IC / "trados_style.tmx")
    with pytest.raises(UnsupportedFormatError, match="<glossary>"):
        pair_from_xliff(IC / "not_an_interchange_file.xml")
    with pytest.raises(InputError, match="does not exist"):
        pair_from_tmx(tmp_path / "missing.tmx")
    empty = tmp_path / "empty.xlf"
    empty.write_bytes(b"")
    with pytest.raises(EmptyDocumentError):
        pair_from_xliff(empty)


def test_entities_are_never_expanded():
    par = pair_from_tmx(IC / "entity_expansion.tmx")
    text = par.en.text + par.es.text
    assert par["tu.1"].es.text.startswith("Anfitrión:")
    assert "aaaa" not in text  # internal entities (billion laughs) stay unexpanded
    hostname = Path("/etc/hostname")
    if hostname.exists() and hostname.read_text().strip():
        assert hostname.read_text().strip() not in text  # external entities are never loaded


def test_malformed_tables(tmp_path, mou_pair):
    xlsx = _xlsx(tmp_path / "ok.xlsx", [["en", "es"], ["Hello world.", "Hola mundo."]])
    with pytest.raises(UnsupportedFormatError, match="pair_from_table"):
        pair_from_tmx(xlsx.rename(tmp_path / "ok.tmx"))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(CorruptFileError, match="broken.xlsx"):
        pair_from_table(broken)
    one = tmp_path / "one.csv"
    one.write_text("just one column\nsolo una columna\n", encoding="utf-8")
    with pytest.raises(InputError, match="single column"):
        pair_from_table(one)
    with pytest.raises(UnsupportedFormatError, match="xls"):
        pair_from_table(tmp_path / "ok.tmx")
    french = tmp_path / "fr.csv"
    with french.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["en", "es"])
        for p in list(mou_pair)[:8]:
            writer.writerow([p.en.text, "Les Participants conviennent de coopérer dans le respect de leurs lois nationales."])
    with pytest.raises(UnsupportedLanguageError, match="'fr'"):
        pair_from_table(french)


# -- command line -----------------------------------------------------------------------------------


def test_cli_export_tm(tmp_path, capsys):
    assert main(["export-tm", "--tmx", str(tmp_path / "mou.tmx")]) == 0
    assert "53 units" in capsys.readouterr().out
    assert len(pair_from_tmx(tmp_path / "mou.tmx")) == 53
    folder = DATA / "agreements" / "heritage"
    args = ["export-tm", str(folder / "en.md"), str(folder / "es.md"), "--xliff", str(tmp_path / "h.xlf"), "--xliff-version", "2.0", "--unit", "sentence"]
    assert main(args) == 0
    assert "XLIFF 2.0" in capsys.readouterr().out
    validate_xliff20(tmp_path / "h.xlf")
    assert _key(pair_from_xliff(tmp_path / "h.xlf")) == _key(pair(parse(folder / "en.md", lang="en"), parse(folder / "es.md", lang="es")))


def test_cli_export_tm_errors(tmp_path, capsys):
    assert main(["export-tm", "--tmx", str(tmp_path / "a.tmx"), "--xliff-version", "2.0"]) == 2
    err = capsys.readouterr().err
    assert "--xliff-version" in err and "Fix:" in err and "Traceback" not in err
    assert main(["export-tm", str(MOU / "en.md"), "--tmx", str(tmp_path / "a.tmx")]) == 2
    assert not (tmp_path / "a.tmx").exists()


def test_title_rows_above_the_header_are_skipped(tmp_path):
    rows = [
        ["Memorándum de Entendimiento — tabla de revisión"],
        [],
        ["No.", "Texto en inglés", "Texto en español", "Notas"],
        [1, "The Participants shall meet once a year.", "Los Participantes se reunirán una vez al año.", "ok"],
        [2, "English", "Inglés", "glossary row, not a header"],
    ]
    par = pair_from_table(_xlsx(tmp_path / "titled.xlsx", rows))
    assert [(p.id, p.en.text, p.es.text) for p in par] == [
        ("1", "The Participants shall meet once a year.", "Los Participantes se reunirán una vez al año."),
        ("2", "English", "Inglés"),
    ]
