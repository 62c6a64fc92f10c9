"""benchmarks/classify_aggregation.py says which labelled documents its sweep leaves out, and why."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("classify_aggregation", ROOT / "benchmarks" / "classify_aggregation.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_left_out_documents_are_counted_by_reason(bench):
    docs = pd.DataFrame({"text": list("abcdefg"), "split": ["train", "dev", "test", "test", None, "extra", "train"]})
    used, dropped = bench.used_documents(docs)
    assert used["text"].tolist() == ["a", "b", "g"]
    assert dropped == {"test (held out)": 2, "no split": 1, "other split": 1}
    assert bench.dropped_line(len(docs), dropped) == "7 labelled documents; left out: test (held out) 2, no split 1, other split 1"


def test_nothing_left_out_says_so(bench):
    docs = pd.DataFrame({"text": ["a", "b"], "split": ["train", "dev"]})
    used, dropped = bench.used_documents(docs)
    assert len(used) == 2 and sum(dropped.values()) == 0
    assert bench.dropped_line(2, dropped) == "2 labelled documents; left out: none"


def test_a_corpus_without_splits_leaves_everything_out_and_counts_it(bench):
    used, dropped = bench.used_documents(pd.DataFrame({"text": ["a", "b", "c"]}))
    assert used.empty and dropped["no split"] == 3
