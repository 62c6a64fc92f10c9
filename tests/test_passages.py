"""Sentence windows over long documents: exact offsets, overlap, length cap, EN and ES."""

from __future__ import annotations

from mou_text.classify import passages, sentences

EN = "Annual report\n\nThe shelter opened in May. It has 40 beds. Staff grew to 12. Legal aid started in June. Funding is secured."
ES = "Informe anual\n\nEl refugio abrió en mayo. Tiene 40 camas. El personal creció a 12. La asesoría jurídica empezó en junio."


def test_windows_overlap_and_offsets_are_exact():
    for text, lang in ((EN, "en"), (ES, "es")):
        ps = list(passages(text, lang))
        assert len(ps) >= 2
        for p in ps:
            assert " ".join(text[p.start : p.end].split()) == p.text
        assert ps[0].start == 0 and ps[-1].end == len(text)
        assert ps[1].start < ps[0].end  # stride 2 of 3: consecutive windows share a sentence


def test_heading_is_its_own_sentence():
    first = next(sentences(EN, "en"))
    assert first.text == "Annual report"


def test_short_and_degenerate_texts():
    assert [p.text for p in passages("Sin puntuación alguna", "es")] == ["Sin puntuación alguna"]
    assert list(passages("   \n\n  ", "en")) == []
    one = list(passages("One sentence only.", "en", window=3, stride=2))
    assert len(one) == 1


def test_long_sentence_is_cut_at_a_word():
    text = "word " * 2000
    p = next(passages(text, "en", max_chars=100))
    assert p.end - p.start <= 100 and not text[p.start : p.end].endswith(" ")


def test_every_sentence_is_covered():
    text = " ".join(f"Sentence number {i} is here." for i in range(11))
    ps = list(passages(text, "en", window=3, stride=2))
    covered = set()
    for p in ps:
        covered.update(range(p.start, p.end))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_passages_skip_page_furniture_and_keep_offsets_into_the_page():
    # tests/data/pages: an article inside a copied web page (written for the tests)
    import re
    from pathlib import Path

    from mou_text.lang import blank_boilerplate

    for lang in ("en", "es"):
        page = (Path(__file__).resolve().parent / "data" / "pages" / f"page_{lang}.txt").read_text(encoding="utf-8")
        body = re.sub(r"(?:[ \t]*\n){2,}", "\n\n", blank_boilerplate(page)).strip()
        got = list(passages(page, lang))
        assert [p.text for p in got] == [p.text for p in passages(body, lang)]
        blanked = blank_boilerplate(page)  # same length: a passage's offsets index the page
        for p in got:
            assert " ".join(blanked[p.start : p.end].split()) == p.text and page[p.start : p.end].startswith(p.text.split()[0])
        assert not any("Compartir" in p.text or "Share on" in p.text or "©" in p.text for p in got)
