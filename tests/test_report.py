"""CheckReport: frame columns, Spanish messages, summary wording, HTML escaping, JSON round trip."""

from __future__ import annotations

import json
import re

import pytest
from _aligndocs import CLAUSES, bullets, make_doc
from conftest import DATA

from mou_text.check import check
from mou_text.embed import FakeEncoder
from mou_text.check import FRAME_COLUMNS, CheckReport

FAKE = FakeEncoder()
EVIL = "Promoting <script>alert('x')</script> & “quoted” safety for women."


def _doc(lang, texts):
    rows = [("s3.heading", "heading", "Section 3 Forms of cooperation"), ("s3.p1", "paragraph", "The Participants may carry out the following activities:")]
    return make_doc(lang, rows + bullets("s3", texts))


@pytest.fixture(scope="module")
def major_report() -> CheckReport:
    en = _doc("en", [EVIL] + CLAUSES[:4])
    es = _doc("es", [EVIL] + CLAUSES[:1] + CLAUSES[2:4])  # one bullet omitted
    return check(en, es, encoder=FAKE, checks=["structure"])


@pytest.fixture(scope="module")
def minor_report() -> CheckReport:
    en = _doc("en", CLAUSES[:4])
    es = _doc("es", [CLAUSES[1], CLAUSES[0], CLAUSES[2], CLAUSES[3]])  # swapped: a minor finding only
    return check(en, es, encoder=FAKE, checks=["structure"])


def test_frame_columns_signature_and_spanish_messages(major_report):
    df = major_report.to_frame()
    assert list(df.columns) == FRAME_COLUMNS
    assert set(df["kind"]) == {"omission", "list_count"}
    sig = df.attrs["signature"]
    assert sig["library"].startswith("mou-text ") and sig["encoder"] == FAKE.name
    assert sig["checks"] == ["structure"] and "thresholds" in sig and "tau" in sig["thresholds"]["align"]
    es = major_report.to_frame("es")
    assert list(es["message"]) == [f.message_es for f in major_report.findings]
    assert any("no tiene equivalente" in m for m in es["message"])


def test_verdict_properties(major_report, minor_report):
    assert major_report.max_severity == "major" and not major_report.is_conformant
    assert minor_report.max_severity == "minor" and minor_report.is_conformant
    assert [f.kind for f in minor_report.findings] == ["reorder"]


def test_summary_says_no_divergence_only_when_true(major_report, minor_report):
    assert "no substantive divergence found" not in major_report.summary()
    assert "no se encontró ninguna divergencia sustantiva" not in major_report.summary("es")
    assert "1 substantive divergence(s)" in major_report.summary()
    assert "no substantive divergence found" in minor_report.summary()
    assert "no se encontró ninguna divergencia sustantiva" in minor_report.summary("es")
    assert "minor: moved clause 1" in minor_report.summary()
    assert "menor: cláusula reubicada 1" in minor_report.summary("es")


def test_html_is_escaped_self_contained_and_marked(major_report, tmp_path):
    path = tmp_path / "report.html"
    page = major_report.to_html(path)
    assert path.read_text(encoding="utf-8") == page
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # the page's own inline script, nothing else
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)  # no network
    assert '<html lang="en">' in page and '<td lang="es">' in page and '<td lang="en">' in page
    # the omitted bullet is highlighted, tied to its finding, and a severity filter exists
    omission = next(k for k, f in enumerate(major_report.findings, 1) if f.kind == "omission")
    assert re.search(rf'<mark data-f="f{omission}" data-sev="major"[^>]*>{re.escape(CLAUSES[1])}</mark>', page)
    for sev in ("critical", "major", "minor", "info"):
        assert f'<input type="checkbox" data-sev="{sev}" checked>' in page
    assert "scrollIntoView" in page and "Findings · Hallazgos" in page


def test_html_in_spanish(minor_report):
    page = minor_report.to_html(lang="es")
    assert '<html lang="es">' in page and "ocupa otra posición" in page


def test_json_round_trip(major_report, tmp_path):
    path = tmp_path / "report.json"
    text = major_report.to_json(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["conformant"] is False and data["max_severity"] == "major" and json.loads(text) == data
    back = CheckReport.from_json(path)
    assert back.findings == major_report.findings
    assert [(p.en_id, p.es_id, p.shape, p.method, p.reordered) for p in back.pairs] == [
        (p.en_id, p.es_id, p.shape, p.method, p.reordered) for p in major_report.pairs
    ]
    assert back.en.text == major_report.en.text and back.es.ids == major_report.es.ids
    assert back.es.nodes == major_report.es.nodes
    assert back.signature == major_report.signature and back.summary() == major_report.summary()


def test_markdown_and_notebook_views(major_report, minor_report):
    md = major_report.to_markdown()
    assert md.startswith("## Conformity check") and "| 1 |" in md and "omission" in md
    assert "Verificación de conformidad" in minor_report.to_markdown("es")
    view = major_report._repr_html_()
    assert "<table>" in view and "substantive divergence" in view and "Bullet s3.bullet.3" in view
    evil = make_doc("en", [("s1.p1", "paragraph", CLAUSES[0])], source="<script>x</script>.md")
    view = check(evil, evil, encoder=FAKE, checks=["structure"])._repr_html_()
    assert "<script>" not in view and "&lt;script&gt;x&lt;/script&gt;.md" in view


def test_file_outputs_are_atomic(major_report, tmp_path, monkeypatch):
    path = tmp_path / "r.json"
    path.write_text("previous", encoding="utf-8")
    import mou_text._io as common

    def broken(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr(common.os, "replace", broken)  # the crash happens after the temp file is written
    with pytest.raises(OSError):
        major_report.to_json(path)
    with pytest.raises(OSError):
        major_report.to_html(path)
    assert path.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_an_unknown_report_language_is_refused(major_report):
    from mou_text import ConfigError

    for call in (major_report.summary, major_report.to_markdown, major_report.to_frame, major_report.to_html):
        with pytest.raises(ConfigError, match="lang='es'"):
            call(lang='fr"><script>')


def test_a_truncated_report_json_names_the_problem(major_report, tmp_path):
    from mou_text import InputError

    data = json.loads(major_report.to_json())
    del data["pairs"]
    with pytest.raises(InputError, match="not a complete report"):
        CheckReport.from_json(json.dumps(data))
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="format"):
        CheckReport.from_json(listed)


def test_a_spanish_report_renders_spanish_headings(major_report, minor_report, tmp_path):
    from openpyxl import load_workbook

    from mou_text.lang import REPORT_TEXT, check_label, kind_label, severity_label

    es, en = REPORT_TEXT["es"], REPORT_TEXT["en"]
    page = major_report.to_html(lang="es")
    # the page speaks both languages, the report's own first
    for key in ("title", "findings", "side_by_side", "severity", "kind", "message", "signature"):
        assert f"{es[key]} · {en[key]}" in page, key
    assert "<h1>Verificación de conformidad · Conformity check</h1>" in page
    assert "— sin equivalente · no counterpart —" in page and 'title="#1 mayor: omisión"' in page
    assert "1 divergencia sustantiva (mayor o crítica) · substantive divergence(s)" in page
    english = major_report.to_html()
    assert "<h1>Conformity check · Verificación de conformidad</h1>" in english and 'title="#1 major: omission"' in english
    # the summary: no English left but the ids and file names
    summary = major_report.summary("es")
    assert f"Verificaciones: {check_label('structure', 'es')} · codificador:" in summary
    assert "Checks run" not in summary and "encoder" not in summary and "(s)" not in summary
    assert summary.splitlines()[-1] == "Resultado: 1 divergencia sustantiva (mayor o crítica): revísela antes de certificar."
    assert "\n| # | Gravedad | Tipo | EN | ES | Mensaje |\n" in major_report.to_markdown("es")
    notebook = major_report.view("es")._repr_html_()
    assert major_report.view()._repr_html_() == major_report._repr_html_() != notebook
    assert "<th>gravedad</th><th>tipo</th>" in notebook and kind_label("omission", "es") in notebook
    assert major_report.findings[0].message_es in notebook and "Result:" not in notebook
    book = load_workbook(major_report.to_xlsx(tmp_path / "informe.xlsx", lang="es"))
    assert book["Hallazgos"].cell(row=2, column=11).value == check_label("structure", "es")
    assert book["Hallazgos"].cell(row=2, column=2).value == severity_label("major", "es")
    assert not minor_report.summary("es").count("Result:")


def test_a_cat_report_in_spanish_names_its_units_and_checks():
    from mou_text.interchange import pair_from_file

    report = check(pair_from_file(DATA / "cat" / "tags_1.2.xlf"), encoder=FAKE, checks=["tags"])
    es, en = report.summary("es"), report.summary()
    assert "Archivo bilingüe:" in es and "Unidades:" in es and "verificadas" in es and "etiquetas" in es
    assert "Bilingual file:" in en and "Units:" in en and "checked" in en and "Checks run: tags" in en


@pytest.mark.parametrize("lang", ["en", "es"])
def test_notes_written_back_read_in_the_reports_language(lang, tmp_path):
    from mou_text.interchange import annotate, pair_from_file
    from mou_text.lang import kind_label, severity_label

    src = DATA / "cat" / "tags_1.2.xlf"
    report = check(pair_from_file(src), encoder=FAKE, checks=["tags"])
    f = report.findings[0]
    text = annotate(src, report.findings, tmp_path / "annotated.xlf", lang=lang).read_text(encoding="utf-8")
    if lang == "es":
        assert f"[{severity_label(f.severity, 'es')}] {kind_label(f.kind, 'es')}: " in text and f"[{f.severity}] {f.kind}:" not in text
    else:
        assert f"[{f.severity}] {f.kind}: " in text
