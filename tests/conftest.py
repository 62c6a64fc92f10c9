from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
MOU = ROOT / "corpora" / "mou"


@pytest.fixture(scope="session")
def en_doc():
    from mou_text import load_mou

    return load_mou("en")


@pytest.fixture(scope="session")
def es_doc():
    from mou_text import load_mou

    return load_mou("es")
