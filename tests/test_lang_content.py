"""lang._content: content words with offsets, and the bilingual key-noun table (both languages)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mou_text.lang import ANSWER_ONLY, KEY_NOUNS, answered, content_words, key_nouns


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The Participants may designate representatives to the Board.", "en", ["Participants", "designate", "representatives", "Board"]),
    ("Los Participantes podrán designar representantes ante el Consejo.", "es",
     ["Participantes", "designar", "representantes", "Consejo"]),  # modal verbs are function words, as "may"
])
def test_content_words_drop_function_words_and_keep_offsets(text, lang, expected):
    words = content_words(text, lang)
    assert [w for _, _, w in words] == expected
    assert all(text[a:b] == w for a, b, w in words)


def test_key_nouns_are_found_with_offsets_in_both_languages():
    en = "the human rights of girls and women"
    es = "los derechos humanos de las niñas y las mujeres"
    assert [(h.key, en[h.start:h.end]) for h in key_nouns(en, "en")] == [("rights", "rights"), ("girls", "girls"),
                                                                        ("women", "women")]
    assert [(h.key, es[h.start:h.end]) for h in key_nouns(es, "es")] == [("rights", "derechos"), ("girls", "niñas"),
                                                                        ("women", "mujeres")]


def test_a_word_two_concepts_read_is_kept_for_both():
    assert {h.key for h in key_nouns("los niños", "es")} == {"boys", "children"}
    assert {h.key for h in key_nouns("women", "en")} == {"women"}  # 'men' is not read inside 'women'


def test_answer_only_concepts_answer_but_are_not_reported():
    assert ANSWER_ONLY <= set(KEY_NOUNS)
    assert key_nouns("the law", "en") == [] and [h.key for h in key_nouns("the law", "en", answers_too=True)] == ["law"]
    assert answered("rights", {"law"}) and answered("rights", {"copyright"})  # 'derecho' is also 'law'


def test_families_answer_within_and_never_across():
    assert answered("girls", {"children"}) and answered("children", {"girls"})
    assert not answered("girls", {"women"}) and not answered("women", {"girls"})
    assert not answered("boys", {"girls", "women"}) and not answered("men", {"gender"})
    assert answered("women", {"gender"})  # "violence against women" ↔ "violencia de género"
    assert all(k in KEY_NOUNS for n in KEY_NOUNS.values() for k in n.answered_by)


def test_every_concept_has_a_spanish_label():
    assert all(n.label("es") and n.label("en") for n in KEY_NOUNS.values())
    assert KEY_NOUNS["girls"].label("es") == "niñas"


def test_content_words_read_spacy_stop_words_without_importing_spacy():
    # spaCy's package import (thinc, registries) cost a cold check ~2.5 s and 250 MB for two word lists
    code = ("import sys; from mou_text.lang import content_words; "
            "assert content_words('The Board met.', 'en') and content_words('El Consejo se reunió.', 'es'); "
            "print(sorted(m for m in ('spacy', 'thinc') if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         cwd=Path(__file__).resolve().parents[1])
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["[]"]
