"""The exception tree: one base class, unique codes, messages with what, cause and fix."""

from __future__ import annotations

import mou_text
from mou_text import errors


def test_every_error_is_a_moutexterror_with_a_unique_code():
    codes = [cls.code for cls in errors.CATALOGUE.values()]
    assert len(codes) == len(set(codes))
    for code, cls in errors.CATALOGUE.items():
        assert issubclass(cls, mou_text.MouTextError)
        assert code.startswith("E") and len(code) == 4


def test_message_format():
    exc = mou_text.EmptyDocumentError("file 'x.md'", "it contains no text", "pass the right file", path="x.md")
    assert str(exc) == "[E001] file 'x.md': it contains no text. Fix: pass the right file"
    assert exc.path == "x.md" and exc.fix == "pass the right file"


def test_public_api_lists_the_tree():
    for name in ("MouTextError", "InputError", "EmptyDocumentError", "NoTextLayerError", "LanguageMismatchError"):
        assert name in mou_text.__all__
