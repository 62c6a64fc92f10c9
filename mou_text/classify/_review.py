"""Which results need a person: one rule shared by the portfolio page and ``mou-text review``.

A calibrated score is a probability, so what deserves a second look can be said in its terms: a
score close to its area's threshold (the decision could go either way) or over it but held back by the
second-label margin, an area given with a score
under even-odds-plus-a-margin (a yes, but a weak one), no area at all (an abstention may be an honest
negative or a miss), and a label set that changed since a previous run (a new model or threshold
moved it). The margins are settings, recorded with the review, not constants hidden in a report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

__all__ = ["CONFIDENT", "MARGIN", "REASONS", "review_reasons"]

#: A score this close to its area's threshold (either side) is "near a threshold".
MARGIN = 0.1
#: An area given with a score under this is "low confidence".
CONFIDENT = 0.6
#: Every reason, in the order they are reported.
REASONS = ("low_confidence", "near_threshold", "abstained", "disagreement")


def review_reasons(
    scores: Mapping[str, float | None],
    labels: Iterable[str],
    thresholds: Mapping[str, float],
    *,
    previous: Iterable[str] | None = None,
    margin: float = MARGIN,
    confident: float = CONFIDENT,
) -> tuple[str, ...]:
    """The reasons (a subset of :data:`REASONS`, in that order) a person should look at one result.

    ``previous``: the labels an earlier run gave the same document, if any. A failed document (no
    scores) has no reasons: there is nothing to confirm until it can be read.
    """
    labels = list(labels)
    if any(s is None for s in scores.values()):
        return ()
    out = []
    if any(float(scores[a]) < confident for a in labels if a in scores):
        out.append("low_confidence")
    # An area over its threshold but not given was held back by the second-label margin
    # (``SECOND`` × its threshold): a second subject or a passing mention, which a person should decide.
    # ``margin=0`` turns the reason off altogether.
    if any(abs(float(s) - float(thresholds[a])) < margin or (margin > 0 and a not in labels and float(s) >= float(thresholds[a]))
           for a, s in scores.items() if a in thresholds):
        out.append("near_threshold")
    if not labels:
        out.append("abstained")
    if previous is not None and set(previous) != set(labels):
        out.append("disagreement")
    return tuple(out)
