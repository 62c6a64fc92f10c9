"""Offline language identification: is this English, Spanish, or something we must refuse?

lingua-language-detector is used because it is maintained, fully offline (its n-gram models ship in
the wheel), deterministic, and is the most accurate open detector on short legal-register text. It is
restricted to English, Spanish and their nearest confusables (Portuguese, French, Italian, German):
that keeps it fast and lets a Portuguese or French file be refused instead of forced into EN/ES. Low
accuracy mode (trigrams only) loads in milliseconds instead of seconds and is still exact on the
document-length samples it is given here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: Below this many letters a verdict is a guess, and callers must say the language.
MIN_LETTERS = 20
#: Above this confidence an explicit ``lang`` that disagrees is a mistake, not a mixed text.
CONFIDENT = 0.9
_SAMPLE_CHARS = 4000


@dataclass(frozen=True, slots=True)
class Detection:
    lang: str | None  # 'en', 'es', another ISO 639-1 code, or None when the text is too short
    confidence: float
    letters: int

    @property
    def confident(self) -> bool:
        """Sure enough to contradict a caller: a clear winner on a sample long enough to trust."""
        return self.lang is not None and self.confidence >= CONFIDENT and self.letters >= 200


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(
            Language.ENGLISH, Language.SPANISH, Language.PORTUGUESE, Language.FRENCH, Language.ITALIAN, Language.GERMAN
        )
        .with_low_accuracy_mode()
        .build()
    )


def detect(text: str) -> Detection:
    """The most likely language of ``text`` with lingua's confidence in it."""
    sample = _sample(text)
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTERS:
        return Detection(None, 0.0, letters)
    values = _detector().compute_language_confidence_values(sample)
    if not values:
        return Detection(None, 0.0, letters)
    best = values[0]
    return Detection(best.language.iso_code_639_1.name.lower(), float(best.value), letters)


def _sample(text: str) -> str:
    """Up to ~4,000 characters spread over the text: start, middle and end, so a long English preface
    does not decide the language of a Spanish body."""
    if len(text) <= _SAMPLE_CHARS:
        return text
    third = _SAMPLE_CHARS // 3
    mid = len(text) // 2
    return " ".join((text[:third], text[mid - third // 2 : mid + third // 2], text[-third:]))
