"""Alignment: which English clause (or sentence) each Spanish one renders.

One pair family (``_pairs``): :class:`ClausePair` rows of a :class:`ParallelDocument` (by id, or
the units of a CAT file), :class:`AlignedPair` (clause(s) to clause(s), what the checker reads) and
:class:`SentencePair` (sentence(s) inside one aligned pair). ``pair`` matches by structural id
(``_by_id``); ``align`` refines suspicious runs with embeddings and a banded dynamic programme
(``_aligner`` over ``_dp``), with merges, splits, moves and one-sided clauses.
"""

from ._aligner import DISTANCE_CAP, NEIGHBOUR_FLOOR, SUSPICIOUS_Z, align, align_sentences, align_with_stats
from ._by_id import merge_order, pair, pair_by_id
from ._dp import LENGTH_SMOOTH, MERGE_GAIN, MIN_SCALE, AlignStats, embed_text, encode_texts, robust_stats
from ._pairs import AlignedPair, ClausePair, ParallelDocument, SentencePair

__all__ = [
    "AlignStats", "AlignedPair", "ClausePair", "DISTANCE_CAP", "LENGTH_SMOOTH", "MERGE_GAIN", "MIN_SCALE",
    "NEIGHBOUR_FLOOR", "ParallelDocument", "SUSPICIOUS_Z", "SentencePair", "align", "align_sentences",
    "align_with_stats", "embed_text", "encode_texts", "merge_order", "pair", "pair_by_id", "robust_stats",
]
