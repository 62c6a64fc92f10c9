"""``lang.title_case`` (one test of Title Case for the parser and the checker) and ``lang.written_in``."""

from __future__ import annotations

import pytest

from mou_text.lang import fold, title_case, written_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Attribution 4.0 International", True),
        ("This Connection is Untrusted", True),
        ("New York 25 November 2017", True),
        ("Ginebra (12 de marzo de 2024)", True),  # a year and a Spanish month have no case
        ("The council met today to review the plan.", False),
        ("El consejo se reunió hoy.", False),
        ("2024", False),  # nothing with a case at all
        ("February 23, 2017", True),  # a date alone is a dateline in either language
        ("23 de febrero de 2017", True),
        ("Se reunieron el 23 de febrero.", False),
    ],
)
def test_title_case_in_both_languages(text, expected):
    assert title_case(text) is expected


def test_title_case_can_ask_for_more_than_one_word():
    assert title_case("Untrusted") and not title_case("Untrusted", min_words=2)
    assert not title_case("23 de febrero de 2017", min_words=2)  # a date is no label of two words


def test_written_in_finds_whole_words_case_and_accents_aside():
    other = fold("Licencia Creative Commons Atribución 3.0 Unported")
    assert written_in("Unported", other) and written_in("atribucion", other)
    assert not written_in("Port", other)  # inside a word is not written
