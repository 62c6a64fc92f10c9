"""How much of a text names women, girls or gender: the classifier's "is this about women at all?" cue.

Every cooperation area of the MOU is about women; a near-topic document — a pension reform, cartel
violence, a judicial election, a general scholarship call — talks about the same economy, security or
courts without naming them. Topic models (the embedding head, the lexical channel) see the topic and
label it; this share sees that its subject is not women. It is one number per text, so the classifier
learns per area how much it counts (measured: negatives kept empty 0.81–0.84 → 0.87 on grounded
cross-validation, docs/benchmarks.md), instead of a hard gate, which would drop the real positives
that name women once or twice (trafficking reports, fellowships, legal aid).

The terms are the project's own short list, English and Spanish, matched on folded text (case and
accents removed), as whole words. Ambiguous words are matched only in their women's-rights sense:
Spanish "trata" only as trafficking in persons ("se trata de" is "it is about"), "trafficking" only of
people (not drugs or arms).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ._fold import fold

#: Bumped whenever the term list or the cue's saturation changes: a head trained with one is scored with the same one.
SHARE_VERSION = "women-share-2"
#: Where the calibration cue saturates: ``log(1 + 100 × 1.7%)`` — about one term in sixty words.
SHARE_CAP = 1.0

#: Spanish feminine nouns of roles that name women by their ending alone (folded); the key-noun table
#: reads them too, as an answer to 'women' ('Women Entrepreneurs and Workers' ↔ 'empresarias y trabajadoras').
FEMININE_ROLES = r"juezas|abogadas|empresarias|emprendedoras|lideresas|trabajadoras|productoras|candidatas|legisladoras|diputadas"

_TERMS = (
    # English
    r"wom[ae]n|girls?|gender|females?|feminis[mt]s?|femicides?|feminicides?|mothers?|daughters?|wi(?:fe|ves)|widows?",
    r"sisters?|maternity|pregnan(?:t|cy|cies)|equality|parity|sexual(?:ly)?|harassment|survivors?",
    r"(?:human|sex|child|labou?r) trafficking|trafficking (?:in|of) (?:persons|people|women|girls)|trafficked",
    # Spanish (folded: no accents)
    r"mujer(?:es)?|ninas?|genero|femenin[oa]s?|feministas?|feminicid(?:io|ios|a|as)|madres?|hijas?|esposas?|viudas?",
    r"hermanas?|maternidad|embaraz(?:o|os|ada|adas)|igualdad|paridad|sexual(?:es|mente)?|acoso|sobrevivientes?",
    r"trata (?:de personas|de mujeres|de ninas|sexual|laboral)|victimas de trata",
    FEMININE_ROLES,
)
_PATTERN = re.compile(r"\b(?:" + "|".join(_TERMS) + r")\b")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=16)
def women_share(text: str) -> float:
    """``log(1 + 100 × terms ÷ words)``: 0 for a text that never names women or gender, about 1.4 at
    three terms per hundred words (the median real positive), growing slowly after that.

    Cached for the last few texts: classifying a document reads it twice, once for the calibration cue
    and once for the share floor, and folding a long report costs about a millisecond."""
    folded = fold(text)
    words = len(_WORD.findall(folded))
    if not words:
        return 0.0
    return math.log1p(100.0 * len(_PATTERN.findall(folded)) / words)


def women_cue(text: str) -> float:
    """:func:`women_share` saturated at :data:`SHARE_CAP`: the input calibration weighs.

    Calibration is linear in its cue. Unsaturated, the cue's weight is spent telling a dense positive
    (five terms in a hundred words) from an ordinary one (two), which says nothing about the area, and
    it stays small, so a near-topic document that never names women loses little. Saturated, the
    weight separates "names women at an ordinary rate" from "hardly or never", the question the cue is
    for (measured on grounded cross-validation, classify_dev and verbatim real excerpts:
    docs/benchmarks.md, round 4; negatives kept empty 0.77 → 0.85 on the verbatim excerpts).
    """
    return min(women_share(text), SHARE_CAP)
