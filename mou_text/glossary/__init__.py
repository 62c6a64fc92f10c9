"""Terminology: the bilingual glossary every name and term rule reads, and term lists drawn from a pair.

``_glossary``: a plain TSV (``en, es, type, note``) a translator edits in a spreadsheet, bundled and
extendable, matched accent-, case- and hyphen-insensitively. ``_terms``: defined terms, acronyms and
institution names extracted from a translated pair, exportable as a glossary the checker enforces.
"""

from ._glossary import COLUMNS, TYPES, Concept, Entry, Glossary, Match, first_of_each, glossary_of, load_glossary, parse_glossary
from ._terms import FRAME_COLUMNS, Term, TermList, Variant, acronyms, defined_terms, expansion, institutions, terms

__all__ = [
    "COLUMNS", "FRAME_COLUMNS", "TYPES", "Concept", "Entry", "Glossary", "Match", "Term", "TermList", "Variant",
    "acronyms", "defined_terms", "expansion", "first_of_each", "glossary_of", "institutions", "load_glossary",
    "parse_glossary", "terms",
]
