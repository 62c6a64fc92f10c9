"""Case: is a line set in Title Case, as titles, headings and UI labels are?

The parser asks it of a first line (a title above running text) and the checker of a clause (a title
kept as published, a label such as 'Mark as Unread', whose capitals say nothing of names or defined
terms). One test for both, so a line is a title to the one exactly when it is to the other.
"""

from __future__ import annotations

import re

from ._mentions import MONTHS

_CAP_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def title_case(text: str, min_words: int = 1) -> bool:
    """Most words of four letters or more start with a capital (Title Case or ALL CAPS). A year has no
    case and Spanish writes its months in lower case, so neither counts, in either language: 'New York
    25 November 2017' and 'Ginebra (12 de marzo de 2024)' are both datelines, and so is a date alone
    ('February 23, 2017' as '23 de febrero de 2017'), where a test of capitals has nothing to read."""
    found = [w for w in _CAP_WORD.findall(text) if len(w) > 3]
    words = [w for w in found if w.lower() not in MONTHS]
    if not words:
        return min_words <= 1 and len(found) > 0
    return len(words) >= min_words and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
