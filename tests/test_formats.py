"""Format-independent verdicts: the same agreement as .md, .txt, .html, .docx and text-layer .pdf (one
page, and many pages with a running header and page numbers) gives the same clause ids and the same
check findings (issue 15). Renderings are made by tests/_render.py, as a word processor would print
the text: no markdown marks, wrapped lines, paragraph spacing, page furniture."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from _render import to_docx, to_html, to_pdf, to_text
from conftest import DATA, MOU, ROOT

from mou_text import check, parse

ALTERED = ROOT / "corpora" / "altered"
OWN = DATA / "formats" / "fisheries"
FURNITURE = {
    "en": {"header": "Memorandum of Understanding", "page_numbers": "Page {n} of {total}"},
    "es": {"header": "Memorándum de Entendimiento", "page_numbers": "Página {n} de {total}"},
}
FORMATS = ["txt", "html", "docx", "pdf", "pdf-pages", "pdf-short-pages"]


def render(md: Path, fmt: str, folder: Path, lang: str) -> Path:
    text = md.read_text(encoding="utf-8")
    stem = folder / f"{md.stem}-{fmt}"
    if fmt == "txt":
        out = stem.with_suffix(".txt")
        out.write_text(to_text(text), encoding="utf-8")
    elif fmt == "html":
        out = stem.with_suffix(".html")
        out.write_text(to_html(text), encoding="utf-8")
    elif fmt == "docx":
        out = stem.with_suffix(".docx")
        out.write_bytes(to_docx(text))
    elif fmt == "pdf":
        out = stem.with_suffix(".pdf")
        out.write_bytes(to_pdf(text))
    else:
        per = 30 if fmt == "pdf-pages" else 17  # short pages: more breaks inside paragraphs and lists
        out = stem.with_suffix(".pdf")
        out.write_bytes(to_pdf(text, lines_per_page=per, **FURNITURE[lang]))
    return out


def _texts(doc) -> list[tuple[str, str]]:
    """Node texts up to spacing, marks and a hyphen inside a word: a compound wrapped at its hyphen
    ("cross-⏎cutting") cannot be told from a word hyphenated by the line break, and the parser joins both."""
    return [(n.id, re.sub(r"(?<=\w)-(?=\w)", "", " ".join(n.text.replace("**", "").split()))) for n in doc.nodes]


CORE = [(MOU / "en.md", "en"), (MOU / "es.md", "es"), (OWN / "en.md", "en"), (OWN / "es.md", "es")]
ALTERED_DOCS = [(p, "es") for p in sorted(ALTERED.glob("*.md")) if p.name != "README.md"]


def _same_clauses(md: Path, lang: str, fmt: str, folder: Path) -> None:
    reference = parse(md, lang=lang)
    doc = parse(render(md, fmt, folder, lang), lang=lang)
    assert doc.ids == reference.ids, (md.name, fmt)
    assert doc.sections == reference.sections
    if fmt != "txt":  # text equal up to spacing and marks (a .txt keeps its '•')
        assert _texts(doc) == _texts(reference), (md.name, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("md", "lang"), CORE, ids=[f"{p.parent.name}/{p.name}" for p, _ in CORE])
def test_same_clauses_in_every_format(md, lang, fmt, tmp_path):
    _same_clauses(md, lang, fmt, tmp_path)


@pytest.mark.parametrize("fmt", ["docx", "pdf-short-pages"])
def test_altered_corpus_same_clauses(fmt, tmp_path):
    for md, lang in ALTERED_DOCS:
        reference = parse(md, lang=lang)
        assert parse(render(md, fmt, tmp_path, lang), lang=lang).ids == reference.ids, md.name


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["txt", "html", "pdf", "pdf-pages"])
def test_altered_corpus_same_clauses_every_format(fmt, tmp_path):
    for md, lang in ALTERED_DOCS:
        reference = parse(md, lang=lang)
        assert parse(render(md, fmt, tmp_path, lang), lang=lang).ids == reference.ids, md.name


def _verdict(report) -> list[tuple[str, str, str, str]]:
    return sorted((f.kind, f.severity, f.en_id or "", f.es_id or "") for f in report.findings)


PAIRS = [(MOU / "en.md", MOU / "es.md"), (OWN / "en.md", OWN / "es.md"), (MOU / "en.md", ALTERED / "altered_07.md")]
MORE_PAIRS = [(MOU / "en.md", ALTERED / name) for name in ("altered_01.md", "altered_12.md", "style_03.md")]


def _same_findings(en: Path, es: Path, folder: Path) -> None:
    reference = _verdict(check(en, es, encoder="fake"))
    for fmt in FORMATS:
        rendered = render(es, fmt, folder, "es")
        assert _verdict(check(en, rendered, encoder="fake")) == reference, fmt
    en_pdf = render(en, "pdf-pages", folder, "en")
    assert _verdict(check(en_pdf, render(es, "pdf-short-pages", folder, "es"), encoder="fake")) == reference


@pytest.mark.parametrize(("en", "es"), PAIRS, ids=[f"{es.parent.name}/{es.name}" for _, es in PAIRS])
def test_same_findings_in_every_format(en, es, tmp_path):
    _same_findings(en, es, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize(("en", "es"), MORE_PAIRS, ids=[es.name for _, es in MORE_PAIRS])
def test_same_findings_in_every_format_more(en, es, tmp_path):
    _same_findings(en, es, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["md", *FORMATS])
def test_bundled_pair_conforms_in_every_format(fmt, tmp_path):
    """With the real encoder: the faithful Spanish MOU has no substantive finding in any format."""
    es = MOU / "es.md" if fmt == "md" else render(MOU / "es.md", fmt, tmp_path, "es")
    report = check(MOU / "en.md", es)
    assert not [f for f in report.findings if f.severity in ("major", "critical")]


@pytest.mark.slow
def test_altered_corpus_verdicts_do_not_depend_on_the_format(tmp_path):
    manifest = json.loads((ALTERED / "manifest.json").read_text(encoding="utf-8"))
    for name in sorted(manifest):
        reference = _verdict(check(MOU / "en.md", ALTERED / name))
        for fmt in ("docx", "pdf-pages"):
            assert _verdict(check(MOU / "en.md", render(ALTERED / name, fmt, tmp_path, "es"))) == reference, (name, fmt)
