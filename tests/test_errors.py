"""The exception tree: one base class, unique codes, messages with what, cause and fix."""

from __future__ import annotations

from pathlib import Path

import mou_text
from mou_text import errors

ROOT = Path(__file__).resolve().parent.parent


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


def _raise_sites():
    """Every ``raise XError(...)`` of the package, with the code it passes."""
    import ast

    classes = {c.__name__ for c in (errors.MouTextError, errors.InputError, *errors.CATALOGUE.values())}
    for path in sorted((ROOT / "mou_text").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and getattr(node.exc.func, "id", None) in classes:
                code = next((k.value.value for k in node.exc.keywords if k.arg == "code" and isinstance(k.value, ast.Constant)), None)
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node.exc.func.id, code


def test_every_raise_has_its_own_catalogued_code():
    seen: dict[str, str] = {}
    for where, cls, code in _raise_sites():
        assert code is not None, f"{where}: raise {cls}(...) passes no code=; add one to errors.MESSAGES"
        assert code in errors.MESSAGES, f"{where}: {code} is not in errors.MESSAGES"
        assert errors.MESSAGES[code][0] == cls, f"{where}: {code} is catalogued as {errors.MESSAGES[code][0]}, raised as {cls}"
        assert code not in seen, f"{where}: {code} is already used at {seen[code]}"
        seen[code] = where
    assert set(seen) == set(errors.MESSAGES), f"catalogued but never raised: {sorted(set(errors.MESSAGES) - set(seen))}"


def test_a_message_carries_its_own_code():
    exc = mou_text.ConfigError("x", "y", "z", code="E202")
    assert exc.code == "E202" and str(exc).startswith("[E202] x: y. Fix: z")
    assert mou_text.ConfigError("x", "y", "z").code == "E201"


def test_error_docs_are_current():
    import subprocess
    import sys

    run = subprocess.run([sys.executable, str(ROOT / "docs" / "make_errors.py"), "--check"], cwd=ROOT)
    assert run.returncode == 0, "docs/errors.md is out of date: run python docs/make_errors.py"
    text = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    for cls in errors.CATALOGUE.values():
        assert cls.__doc__, f"{cls.__name__} has no docstring"
        assert f"`{cls.__name__}`" in text
