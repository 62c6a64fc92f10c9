"""Quality floors of the shipped head on real-world text: ``../shared/eval/classify_dev.jsonl`` (100
summaries of real public pages), read in place, never copied or trained on. Floors are what the
shipped head reaches (docs/benchmarks.md); they guard against a slip, they are not the targets."""

from __future__ import annotations

from pathlib import Path

import pytest

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "classify_dev.jsonl"


@pytest.fixture(scope="module")
def report():
    if not DEV.exists():
        pytest.skip(f"{DEV} is absent (the shared evaluation data sits beside the repository)")
    from mou_text.classify import AreaClassifier, evaluate_data

    clf = AreaClassifier.default("use")
    assert clf.head.kind == "trained", "models/area-head is missing or does not fit the USE encoder"
    return evaluate_data(DEV, clf)


@pytest.mark.slow
def test_real_world_floors(report):
    s = report.scores
    assert s["n"] == 100
    # reached in round 4 (conventions 2-3, the saturated women cue, SECOND 1.2; docs/benchmarks.md):
    # primary 0.988, positives empty 0.012, macro-F1 0.945 (EN 0.934, ES 0.956), every area >= 0.898
    assert s["primary_acc"] >= 0.95  # target (0.90) met
    assert s["pos_empty"] <= 0.03  # target (0.05) met
    assert s["macro_f1"] >= 0.93 and s["macro_f1_en"] >= 0.92 and s["macro_f1_es"] >= 0.93
    for area, row in report.per_area.items():
        assert row["f1"] >= 0.88, area


@pytest.mark.slow
def test_real_world_negatives_stay_empty(report):
    assert report.scores["neg_empty"] >= NEG_FLOOR


NEG_FLOOR = 0.94  # reached 1.000 (17 of 17 real negatives kept empty); one slip is allowed


GROUNDED = Path(__file__).resolve().parents[1] / "corpora" / "grounded"


@pytest.mark.slow
def test_grounded_test_split_floors():
    """The real-grounded corpus's test split: read to guard what the shipped head reaches there, never to
    choose (every choice is made on train+dev folds and classify_dev; docs/benchmarks.md, round 11).
    Reached: macro-F1 0.913 (EN 0.918, ES 0.909), every area >= 0.860, primary 0.942, positives left
    empty 0.043, negatives kept empty 0.948 — every target of issue 13 met."""
    from mou_text.classify import AreaClassifier, evaluate_data, load_labelled

    test = load_labelled("test", path=GROUNDED)
    report = evaluate_data(test[["id", "lang", "labels", "text"]], AreaClassifier.default("use"))
    s = report.scores
    assert s["macro_f1_en"] >= 0.90 and s["macro_f1_es"] >= 0.90  # target met
    assert s["primary_acc"] >= 0.92 and s["pos_empty"] <= 0.05 and s["neg_empty"] >= 0.92
    for area, row in report.per_area.items():
        assert row["f1"] >= 0.85, area
