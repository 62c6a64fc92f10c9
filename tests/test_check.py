"""check(): registry, inputs, ordering of findings; the bundled texts are conformant."""

from __future__ import annotations

import pytest
from _aligndocs import CLAUSES, bullets, make_doc
from conftest import DATA, MOU

from mou_text.check import CHECK_MODULES, check, load_checks, sort_findings
from mou_text.check import SEVERITY_RANK, Finding
from mou_text.embed import FakeEncoder
from mou_text.errors import ConfigError

FAKE = FakeEncoder()


def test_registry_is_the_final_list_and_refuses_unknown_names():
    assert CHECK_MODULES == ["structure", "numbers", "names", "terms", "modality", "negation", "senses", "content", "semantic"]
    with pytest.raises(ConfigError, match="not a check module"):
        load_checks(["spelling"])
    assert [name for name, _ in load_checks(["semantic", "structure"])] == ["semantic", "structure"]


def test_findings_in_document_order_then_severity():
    en = make_doc("en", [("s1.p1", "paragraph", CLAUSES[0]), ("s1.heading", "heading", "Objective of the cooperation")] + bullets("s1", CLAUSES[1:5]))
    es = make_doc("es", [("s1.p1", "paragraph", CLAUSES[0])] + bullets("s1", [CLAUSES[1], CLAUSES[3], CLAUSES[4]]))
    report = check(en, es, encoder=FAKE, checks=["structure"])
    assert [(f.kind, f.en_id) for f in report.findings] == [
        ("omission", "s1.heading"),
        ("omission", "s1.bullet.2"),  # same clause: the major finding before the minor one
        ("list_count", "s1.bullet.2"),  # points at the entry that explains the count
    ]
    f = report.findings[0]
    same_place = [Finding("x", sev, f.en_id, None, None, None, f.en_span, None, "", "", "t") for sev in ("minor", "critical", "major")]
    ordered = sort_findings(same_place, report.pairs)
    assert [x.severity for x in ordered] == sorted(("minor", "critical", "major"), key=lambda s: -SEVERITY_RANK[s])


def test_strings_and_paths_are_parsed_with_their_language(tmp_path):
    en_md = "# Title of the agreement\n\nThe Parties have agreed as follows on the exchange of students and teachers.\n"
    es_md = "# Título del acuerdo\n\nLas Partes han convenido lo siguiente sobre el intercambio de estudiantes y docentes.\n"
    (tmp_path / "es.md").write_text(es_md, encoding="utf-8")
    report = check(en_md, tmp_path / "es.md", encoder=FAKE, checks=["structure"])
    assert report.en.lang == "en" and report.es.lang == "es" and report.es.source.endswith("es.md")


def test_glossary_object_is_passed_through():
    from mou_text.check._runner import _glossary

    marker = object()
    assert _glossary(marker, needed=True) is marker
    assert _glossary(None, needed=False) is None


@pytest.mark.slow
def test_bundled_spanish_and_alternative_rendering_have_no_major_finding(en_doc, es_doc):
    import mou_text
    from mou_text.parse import parse

    report = mou_text.check(en_doc, es_doc)
    assert report.signature["checks"] == CHECK_MODULES
    assert report.is_conformant, report.to_frame()[["kind", "severity", "en_id", "message"]].to_string()
    assert "no substantive divergence found" in report.summary()
    alt = mou_text.check(en_doc, parse(DATA / "mou_es_alt.md", lang="es"))
    assert alt.is_conformant, alt.to_frame()[["kind", "severity", "en_id", "message"]].to_string()


@pytest.mark.slow
def test_omitted_bullet_in_the_bundled_spanish_is_found(en_doc):
    md = (MOU / "es.md").read_text(encoding="utf-8")
    bullet = "- Combatir la trata de mujeres y niñas, incluso con fines de trabajo forzoso o de explotación sexual;\n"
    report = check(en_doc, md.replace(bullet, ""), checks=["structure", "semantic"])
    majors = [(f.kind, f.en_id) for f in report.at_least("major")]
    assert majors == [("omission", "s3.iii.bullet.2")]
    (om,) = report.at_least("major")
    assert om.en_text.startswith("Combating trafficking") and report.en.text[om.en_span[0] : om.en_span[1]] == om.en_text
