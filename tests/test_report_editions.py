"""The report on two editions of a text: the summary says so first and counts findings per article."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou_text import check, load_mou
from mou_text.check import Finding
from mou_text.check._editions import EditionVerdict, by_section, verdict
from mou_text.embed import FakeEncoder

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "content"
SHARED = ROOT.parent / "shared" / "real"
FAKE = FakeEncoder()


@pytest.fixture(scope="module")
def charter():
    return check(DATA / "charter_en.md", DATA / "charter_es.md", encoder=FAKE)


def test_own_two_editions_are_named_as_such_in_both_languages(charter):
    ed = charter.edition_verdict()
    assert ed.editions and ed.differing >= 8 and ed.total >= 20
    en, es = charter.summary(), charter.summary("es")
    assert f"different editions of the text, not a translation: {ed.differing} of {ed.total}" in en
    assert f"ediciones distintas del texto, no como una traducción: {ed.differing} de {ed.total}" in es
    # the statement comes before the counts, and the findings are grouped by article
    assert en.index("different editions") < en.index("Findings:")
    assert "by article or section" in en and "por artículo o sección" in es
    assert "  Article 3 Members:" in en and "  Artículo 4 Miembros:" in es


def test_section_counts_add_up_to_the_substantive_findings(charter):
    rows = charter.by_section()
    assert sum(n for _, n, _ in rows) == len(charter.at_least("major"))
    assert sum(c for _, _, c in rows) == sum(f.severity == "critical" for f in charter.findings)
    assert [label for label, _, _ in rows] == list(dict.fromkeys(label for label, _, _ in rows))  # one row each


def test_a_faithful_translation_is_not_called_an_edition():
    report = check(load_mou("en"), load_mou("es"), encoder=FAKE, checks=["structure", "numbers"])
    assert not report.edition_verdict().editions
    assert "edition" not in report.summary() and "edici" not in report.summary("es")


def test_verdict_counts_one_sided_pairs_and_major_edition_kinds_only(charter):
    pairs = charter.pairs
    two_sided = [p for p in pairs if p.en and p.es]
    p = two_sided[0]
    modality = Finding("modality", "critical", p.en_id, p.es_id, None, None, None, None, "", "", "modality")
    number = Finding("number", "critical", p.en_id, p.es_id, None, None, None, None, "", "", "numbers")
    minor = Finding("omission", "minor", p.en_id, p.es_id, None, None, None, None, "", "", "structure")
    one_sided = sum(1 for q in pairs if not (q.en and q.es))
    assert verdict(pairs, [modality, minor]).differing == one_sided  # conventions and minor findings do not count
    assert verdict(pairs, [number]).differing == one_sided + 1
    assert not EditionVerdict(7, 10).editions and EditionVerdict(8, 32).editions and not EditionVerdict(8, 33).editions
    assert by_section([modality], charter.en, charter.es, lang="es")[0][1:] == (1, 1)


@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared real texts (../shared/real) are not on this machine")
def test_the_upaep_editions_are_named_and_grouped_by_article():
    """Real text: the UPAEP Constitution and Regulations, EN and ES from different editions (README)."""
    report = check(SHARED / "upaep_constitution_en.txt", SHARED / "upaep_constitution_es.txt", encoder=FAKE,
                   checks=["structure", "numbers"])
    ed = report.edition_verdict()
    assert ed.editions, ed
    summary = report.summary()
    assert "different editions of the text, not a translation" in summary
    labels = [label for label, _, _ in report.by_section()]
    assert any(label.startswith("Article ") for label in labels)
    assert any(label.startswith("Artículo ") for label, _, _ in report.by_section(lang="es"))
