"""Roman numerals, read two ways.

A list or heading label (``iv.``, ``(xii)``) may be any numeral in either case: :func:`roman_to_int`
reads it. In running text, a capitalised word is a numeral only if it is a well-formed upper-case
numeral of modest size, so that words such as "Mix" or "Civic" never count as numbers:
:func:`strict_roman_value` applies that guard first.
"""

from __future__ import annotations

import re

_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_STRICT = re.compile(r"^(?=[IVXLC])(X{0,3}|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def roman_to_int(s: str) -> int | None:
    """The value of a Roman numeral in either case (``'iv'`` → 4), or None if ``s`` is not one."""
    s = s.lower()
    if not s or any(ch not in _VALUES for ch in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = _VALUES[a]
        total += -v if b != " " and _VALUES[b] > v else v
    return total if total > 0 else None


def strict_roman_value(s: str) -> int | None:
    """An upper-case, well-formed Roman numeral up to 89, else None (text words are not numerals)."""
    return roman_to_int(s) if s and _STRICT.match(s) else None
