"""Classifying outside documents by the MOU's cooperation areas, with calibrated scores and evidence.

Text is cut into passages (``_passages``), embedded by the shared encoder (``mou_text.embed``),
compared with what each area means (``_prototypes``), scored by a linear head per area (``_head``,
statistics in ``_logreg``), aggregated per document, calibrated and thresholded, so "none of the
areas" is an honest answer. ``_classifier`` streams documents through it into ``_results``, reading
them via ``_inputs``; ``_train`` fits a head and ``_store`` saves and loads one. ``_evaluate``
measures it the same way every time, ``_evaldata`` on any labelled file a user brings, and
``_dask`` runs it on a cluster.
"""

from ._classifier import DEFAULT_MODEL, AreaClassifier
from ._corrections import FitComparison, fit_corrections
from ._dask import classify_dask, worker_classifier
from ._evaldata import LABEL_ALIASES, DataReport, evaluate_data, read_labelled
from ._evaluate import (
    SHIPPED_RECIPE,
    SPLITS,
    SYSTEMS,
    EvalReport,
    corpus_dir,
    evaluate,
    f1_per_label,
    load_labelled,
    macro_f1,
    make_splits,
    micro_f1,
    negatives_empty,
    primary_accuracy,
    score_table,
    tfidf_system,
    trained_head,
    write_splits,
)
from ._head import AGGREGATIONS, NEAR, SECOND, SHARE_FLOOR, ZERO_SHOT, confidence, label_matrix, order_labels
from ._inputs import strip_markdown
from ._logreg import THRESHOLD_METHODS, find_thresholds, fit_logistic, fit_platt, sigmoid
from ._passages import MAX_CHARS, Passage, passages, sentences
from ._portfolio import Portfolio, PortfolioDoc
from ._prototypes import DESCRIPTIONS, DESCRIPTIONS_VERSION, Prototype, area_keys, prototypes, prototypes_hash
from ._results import AreaPrediction, Evidence
from ._review import CONFIDENT as REVIEW_CONFIDENT
from ._review import MARGIN as REVIEW_MARGIN
from ._review import REASONS, review_reasons
from ._train import training_hash

__all__ = [
    "AGGREGATIONS", "DEFAULT_MODEL", "SHARE_FLOOR", "LABEL_ALIASES", "DataReport", "evaluate_data", "read_labelled", "NEAR", "SECOND", "confidence", "label_matrix", "order_labels", "DESCRIPTIONS", "DESCRIPTIONS_VERSION", "MAX_CHARS", "SHIPPED_RECIPE", "SPLITS", "SYSTEMS",
    "THRESHOLD_METHODS", "ZERO_SHOT", "AreaClassifier", "AreaPrediction", "EvalReport", "Evidence", "Passage",
    "Prototype", "area_keys", "classify_dask", "evaluate", "f1_per_label", "find_thresholds", "fit_logistic",
    "fit_platt", "corpus_dir", "load_labelled", "make_splits", "tfidf_system", "write_splits", "macro_f1", "micro_f1", "negatives_empty", "passages", "primary_accuracy",
    "prototypes", "prototypes_hash", "score_table", "sentences", "sigmoid", "strip_markdown", "trained_head",
    "training_hash", "worker_classifier", "Portfolio", "PortfolioDoc", "REASONS", "REVIEW_CONFIDENT", "REVIEW_MARGIN", "review_reasons",
    "FitComparison", "fit_corrections",
]
