"""Parsing: an agreement in English or Spanish, in any supported format, into a :class:`Document`.

``parse`` reads the file (``readers``), groups lines into blocks and gives each a role
(``_blocks``), names every node by structure (``_build``), and detects or checks the language
(``_parser``). The bilingual recognisers for headings, lists, recitals and closing formulas live in
``_recognisers`` (a new heading style or list marker goes there); ``load_mou`` parses the bundled MOU.
"""

from ._bundled import load_mou
from ._parser import LANGS, check_lang, parse, parse_raw
from ._recognisers import enumerator, heading_number, section_label

__all__ = ["LANGS", "check_lang", "enumerator", "heading_number", "load_mou", "parse", "parse_raw", "section_label"]
