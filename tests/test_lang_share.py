"""How much of a text names women (``mou_text.lang._share``): whole words on folded text, both
languages, and the ambiguous words counted only in their women's-rights sense. Texts written for these tests."""

from __future__ import annotations

import math

import pytest

from mou_text.lang import women_share


@pytest.mark.parametrize(
    "text",
    [
        "Women entrepreneurs in Oaxaca received credit lines for their cooperatives.",
        "Las MUJERES emprendedoras de Oaxaca recibieron créditos para sus cooperativas.",
        "Las mujeres emprendedoras de Oaxaca recibieron creditos para sus cooperativas.",  # no accents
    ],
)
def test_a_text_about_women_scores_in_either_language_and_spelling(text):
    assert women_share(text) > 2.0


@pytest.mark.parametrize(
    "text",
    [
        "Se trata de una reforma de pensiones que cambia las aportaciones patronales.",  # 'se trata de' = 'it is about'
        "Drug trafficking routes shifted after the arrests, the prosecutor said.",
        "The Senate approved the judicial reform and the election of judges by popular vote.",
        "",
    ],
)
def test_near_topic_texts_that_never_name_women_score_zero(text):
    assert women_share(text) == 0.0


def test_trafficking_in_persons_counts_in_both_languages():
    assert women_share("Víctimas de trata de personas fueron rescatadas en Cancún.") > 0
    assert women_share("Human trafficking networks were dismantled in Tlaxcala.") > 0


def test_the_share_is_per_hundred_words_and_grows_slowly():
    one = women_share("women " + "budget " * 99)  # 1 term in 100 words
    assert math.isclose(one, math.log1p(1.0))
    assert women_share("women " * 100) < 5  # log, not a count: a list of terms cannot dominate
    assert women_share("girl") == women_share("girls") == women_share("niña") == women_share("niñas")


def test_the_calibration_cue_saturates_at_an_ordinary_rate_of_naming_women():
    from mou_text.lang import SHARE_CAP, women_cue

    dense = "Las mujeres emprendedoras de Oaxaca recibieron créditos para sus cooperativas."
    assert women_share(dense) > SHARE_CAP and women_cue(dense) == SHARE_CAP  # dense and ordinary weigh alike
    sparse = "women " + "budget " * 99  # 1 term in 100 words: below the cap, kept as measured
    assert women_cue(sparse) == women_share(sparse) < SHARE_CAP
    assert women_cue("Drug trafficking routes shifted after the arrests.") == 0.0
