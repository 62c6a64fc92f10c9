"""Web-page furniture in text (``mou_text.lang._boilerplate``): menus, share rows, notices, credits and a
"related stories" block are blanked in both languages; the document's own sentences, headings and
tables stay, even when they say "compartir" or "cookies"; offsets never move. The pages in
``tests/data/pages`` are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from mou_text.lang import blank_boilerplate, boilerplate_spans

PAGES = Path(__file__).resolve().parent / "data" / "pages"
#: What each page's article is: its title and body lines (everything else on the page is furniture).
BODY = {
    "es": [
        "Abren en Tlacolula un centro de atención para mujeres que viven violencia",
        "TLACOLULA, Oax.— La presidencia municipal",
        "La titular de la instancia municipal",
        "Durante la inauguración, las autoridades invitaron a las vecinas a compartir",  # says "compartir"
        "| Servicio | Personas atendidas |",
        "| Psicología | 120 |",
    ],
    "en": [
        "Mexican state opens a justice centre for women survivors of violence",
        "PACHUCA, Mexico — The state government",
        "Officials said the centre will also train police officers",
        "Staff asked visitors to share the hotline number",  # says "share" and "cookies"
        "| Service | People served |",
        "| Legal aid | 85 |",
    ],
}


def page(lang: str) -> str:
    return (PAGES / f"page_{lang}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_furniture_is_blanked_and_the_article_kept(lang):
    text = page(lang)
    blanked = blank_boilerplate(text)
    assert len(blanked) == len(text)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [i for i, c in enumerate(text) if c == "\n"]
    kept = [line.strip() for line in blanked.split("\n") if line.strip()]
    assert len(kept) == len(BODY[lang]) + 1  # the table's |---| rule too
    for start in BODY[lang]:
        assert any(line.startswith(start) for line in kept), start
    for gone in ("Compartir en", "Share on", "©", "cookies para", "uses cookies", "Cae banda", "Police arrest", "» Oaxaca", "> Latin"):
        assert gone not in blanked
    for a, b in boilerplate_spans(text):
        assert "\n" not in text[a:b] and blanked[a:b] == " " * (b - a)


def test_a_related_block_ends_at_the_first_sentence_of_body_text():
    text = "Te puede interesar\nEl instituto estatal de las mujeres abrió ayer la convocatoria del programa de créditos para productoras rurales.\nMás datos"
    assert [text[a:b] for a, b in boilerplate_spans(text)] == ["Te puede interesar"]


@pytest.mark.parametrize(
    "line",
    [
        "Crédito PyME para mujeres emprendedoras: programas y beneficios especiales",  # 'crédito' is not a photo credit
        "Product | Women | Men | Gap (pp)",  # a table header, not a menu
        "- How: entrants accepted the terms of use and agreed to have their solutions published on the platform",
        "Acceso a la justicia para mujeres indígenas",  # a heading with words of its own
        "Women's economic empowerment",
    ],
)
def test_content_lines_that_look_like_furniture_stay(line):
    assert boilerplate_spans(line + "\n\nThe programme trained 300 women in Oaxaca.") == []


def test_a_text_that_is_all_furniture_comes_back_as_it_was():
    text = "Inicio | Nacional | Estados | Deportes\nCompartir\n© 2024 Todos los derechos reservados"
    assert len(boilerplate_spans(text)) == 3
    assert blank_boilerplate(text) == text
