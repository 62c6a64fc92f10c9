"""Language resources shared by every capability: English and Spanish, offline.

Folding (case and accents, length-preserving), numbers written in digits or words, Roman numerals,
the name lexicon, language detection, sentence splitting, the table of wrong senses (false friends),
how much of a text names women (the classifier's relevance cue) and every bilingual label a user sees. The
parser, the checker and the classifier read language through this package only, so a new language
resource (a term list, a second lexicon) goes here, in a private module exported below.
"""

from ._boilerplate import BOILERPLATE_VERSION, blank_boilerplate, boilerplate_spans
from ._content import ANSWER_ONLY, KEY_NOUNS, KEY_NOUNS_VERSION, KeyNoun, KeyNounHit, answered, content_words, key_nouns
from ._detect import CONFIDENT, Detection, detect
from ._case import title_case
from ._fold import fold, written_in
from ._labels import (
    EDITIONS_TEXT,
    BATCH_TEXT,
    CHECK_LABELS,
    KIND_LABELS,
    LANG_NAMES,
    NO_DIVERGENCE,
    REPORT_TEXT,
    SEVERITY_LABELS,
    SUBSTANTIVE_KINDS,
    UNIT_STATUS_LABELS,
    WORKBOOK_TEXT,
    check_label,
    check_lang,
    es_plural_article,
    finding_terms,
    kind_label,
    kind_name,
    named,
    of_the,
    result_line,
    severity_for,
    severity_label,
    upper_first,
)
from ._labels_classify import CLASSIFY_TEXT, REVIEW_REASONS, area_name, none_label
from ._lexicon import INITIAL_MARGIN, LEXICON_VERSION, NAME_MARGIN, is_name_like, is_word
from ._mentions import MONTH_NAMES, MONTHS, DateMention, NumMention, Reading, RefMention, read_mentions
from ._numbers import HEADING_NUMBER_WORDS, Mention, digits_value, read_numbers, tokenize
from ._roman import roman_to_int, strict_roman_value
from ._senses import SENSES_PATH, SenseHit, SenseTrap, load_senses, sense_traps, wrong_senses
from ._sentences import split as split_sentences
from ._share import SHARE_CAP, SHARE_VERSION, women_cue, women_share

__all__ = [
    "BOILERPLATE_VERSION", "blank_boilerplate", "boilerplate_spans",
    "ANSWER_ONLY", "KEY_NOUNS", "KEY_NOUNS_VERSION", "KeyNoun", "KeyNounHit", "answered", "content_words", "key_nouns",
    "EDITIONS_TEXT", "BATCH_TEXT", "CHECK_LABELS", "REPORT_TEXT", "UNIT_STATUS_LABELS", "check_label", "finding_terms", "result_line",
    "CONFIDENT", "Detection", "detect", "fold", "written_in", "title_case", "KIND_LABELS", "LANG_NAMES", "NO_DIVERGENCE", "SEVERITY_LABELS",
    "SUBSTANTIVE_KINDS", "WORKBOOK_TEXT", "check_lang", "es_plural_article", "kind_label", "kind_name", "named",
    "of_the", "severity_for", "severity_label", "upper_first", "INITIAL_MARGIN", "LEXICON_VERSION", "NAME_MARGIN", "is_name_like",
    "is_word", "HEADING_NUMBER_WORDS", "Mention", "digits_value", "read_numbers", "tokenize", "roman_to_int",
    "strict_roman_value", "split_sentences", "MONTH_NAMES", "MONTHS", "DateMention", "NumMention", "Reading",
    "RefMention", "read_mentions", "CLASSIFY_TEXT", "REVIEW_REASONS", "area_name", "none_label",
    "SENSES_PATH", "SenseHit", "SenseTrap", "load_senses", "sense_traps", "wrong_senses", "SHARE_CAP", "SHARE_VERSION", "women_cue", "women_share",
]
