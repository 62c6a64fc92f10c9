"""Terminology: the bilingual glossary every name and term rule reads, and term lists drawn from a pair.

``_glossary``: a plain TSV (``en, es, type, note``) a translator edits in a spreadsheet, bundled and
extendable, matched accent-, case- and hyphen-insensitively. ``_extract`` reads term candidates (defined
terms, acronyms with expansions, institution names) from a clause; ``_terms`` matches them across the
two languages inside the clause pairs they share into a ``TermList`` (``_termlist``), exportable as a
glossary the checker enforces.
"""

from ._extract import acronyms, defined_terms, expansion, institutions
from ._glossary import (
    COLUMNS,
    TYPES,
    Concept,
    Entry,
    Glossary,
    Match,
    first_of_each,
    glossary_of,
    load_glossary,
    parse_glossary,
)
from ._termlist import FRAME_COLUMNS, Term, TermList, Variant
from ._terms import terms

__all__ = [
    "COLUMNS", "FRAME_COLUMNS", "TYPES", "Concept", "Entry", "Glossary", "Match", "Term", "TermList", "Variant",
    "acronyms", "defined_terms", "expansion", "first_of_each", "glossary_of", "institutions", "load_glossary",
    "parse_glossary", "terms",
]
