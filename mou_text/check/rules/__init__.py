"""The divergence rules: one module per kind of divergence, each ``check(pairs, ctx) -> list[Finding]``.

A rule reads the aligned pairs, never re-aligns, and names the exact words on each side (``_side``
maps offsets back to ``Document.text``). The runner imports the modules listed in :data:`RULES`
by name, in this order; a new kind of divergence is a new module here plus its name below.

* ``structure``: clauses or sentences omitted, added, merged, split or moved; list counts.
* ``numbers``: numbers, units, dates and cross-references.
* ``names``: institutions, places and people (glossary first, then name-like words).
* ``terms``: defined terms and acronyms, and their consistency across the text.
* ``modality``: obligation and permission (shall / deberá / podrá …).
* ``negation``: negation and scope limiters.
* ``senses``: a term rendered with a word of the wrong sense (false friends: clearing rights →
  derechos de compensación, compromisos → compromises).
* ``content``: phrases, clauses and key nouns added or dropped inside aligned sentences; entities swapped
  inside a sentence.
* ``semantic``: what embeddings and a language detector see (low similarity, length, wrong language).
* ``tags`` (CAT files): inline codes and placeholders missing, extra, duplicated, reordered, malformed.
* ``consistency`` (CAT files): one source translated two ways, one translation given to two sources.

The last two read what a CAT file says about its units (``ctx.options["units"]``), so they run when
a :class:`~mou_text.align.ParallelDocument` read from such a file is checked (:data:`CAT_RULES`).
"""

#: Rule modules run by default, in this order (``mou_text.check.rules.<name>``).
RULES = ("structure", "numbers", "names", "terms", "modality", "negation", "senses", "content", "semantic")
#: Rule modules run on the units of a CAT file: the same, plus the two that read unit metadata.
CAT_RULES = (*RULES, "tags", "consistency")

__all__ = ["CAT_RULES", "RULES"]
