"""Writes docs/errors.md from the coded catalogue in ``mou_text/errors.py``.

    python docs/make_errors.py          # rewrite docs/errors.md
    python docs/make_errors.py --check  # exit 1 if docs/errors.md is out of date (the test suite runs this)
"""

from __future__ import annotations

import sys
from pathlib import Path

from mou_text.errors import errors_markdown

OUT = Path(__file__).resolve().parent / "errors.md"

if __name__ == "__main__":
    text = errors_markdown()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.exists() and OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
