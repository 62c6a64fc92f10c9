"""Every label a user sees exists in both languages: every check and finding kind has a Spanish name,
and every wording table has the same keys (and the same ``{}`` fields) in English and Spanish.

The checks and kinds are read from the code itself (the rule registry and the ``Finding`` constructions
of the check package), so a new rule or a new kind without its Spanish name fails here, not in a
Spanish report that shows an English code.
"""

from __future__ import annotations

import ast
import importlib
import string
from pathlib import Path
from typing import Any

import pytest

from mou_text.check import SEVERITIES
from mou_text.check.rules import CAT_RULES, RULES
from mou_text.lang import (
    BATCH_TEXT,
    CHECK_LABELS,
    CLASSIFY_TEXT,
    EDITIONS_TEXT,
    KIND_LABELS,
    NO_DIVERGENCE,
    REPORT_TEXT,
    REVIEW_REASONS,
    SEVERITY_LABELS,
    UNIT_STATUS_LABELS,
    WORKBOOK_TEXT,
    check_label,
    kind_label,
    result_line,
)

CHECK_PACKAGE = "mou_text.check"  # a module path: ``mou_text.check`` the attribute is the function
CHECK_DIR = Path(importlib.import_module(CHECK_PACKAGE).__file__).parent


def _rule_files() -> set[Path]:
    """The check package's modules plus every module the live rule registry names."""
    files = set(CHECK_DIR.rglob("*.py"))
    for name in dict.fromkeys((*RULES, *CAT_RULES)):
        files.add(Path(importlib.import_module(f"{CHECK_PACKAGE}.rules.{name}").__file__))
    return files


def _literals(node: ast.AST) -> set[str]:
    """String constants a value can be: a literal, or either branch of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _literals(node.body) | _literals(node.orelse)
    return set()


def _scan(sources: list[str]) -> tuple[set[str], set[str]]:
    """(finding kinds, check names) written in ``sources``: ``kind=``/``check=`` keywords,
    ``make_finding(CHECK, kind, …)`` and module-level ``CHECK = "…"``."""
    kinds: set[str] = set()
    checks: set[str] = set()
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.keyword) and node.arg in ("kind", "check"):
                (kinds if node.arg == "kind" else checks).update(_literals(node.value))
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "make_finding" and len(node.args) > 1:
                kinds |= _literals(node.args[1])
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "CHECK" for t in node.targets):
                checks |= _literals(node.value)
    return kinds, checks


KINDS, CHECKS = _scan([path.read_text(encoding="utf-8") for path in _rule_files()])


def test_the_scan_sees_the_rules():
    # the scan itself must find something, or the two tests below would pass on nothing
    assert {"omission", "number", "modality", "inconsistent_source", "untranslated"} <= KINDS
    assert {"structure", "tags", "units"} <= CHECKS


def test_the_scan_would_see_a_new_rule():
    new_rule = (
        'CHECK = "senses"\n'
        'def check(pairs, ctx):\n'
        '    return [make_finding(CHECK, "wrong_sense", "major"), Finding(kind="a" if x else "b", check=CHECK)]\n'
    )
    assert _scan([new_rule]) == ({"wrong_sense", "a", "b"}, {"senses"})


@pytest.mark.parametrize("name", sorted({*RULES, *CAT_RULES, *CHECKS}))
def test_every_check_has_a_spanish_name(name):
    assert name in CHECK_LABELS, f"check {name!r} has no entry in lang._labels.CHECK_LABELS"
    en, es = CHECK_LABELS[name]
    assert en == name, "the English name is the module name, the one --checks takes"
    assert es.strip() and check_label(name, "es") == es


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_finding_kind_has_a_label_in_both_languages(kind):
    assert kind in KIND_LABELS, f"finding kind {kind!r} has no entry in lang._labels.KIND_LABELS"
    en, es = KIND_LABELS[kind]
    assert en.strip() and es.strip() and kind_label(kind, "es") == es and kind_label(kind, "en") == en


def test_pair_tables_have_both_words():
    for table in (KIND_LABELS, CHECK_LABELS, UNIT_STATUS_LABELS):
        for key, words in table.items():
            assert len(words) == 2 and all(w.strip() for w in words), key
    assert set(SEVERITY_LABELS) == set(SEVERITIES)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}


def _same_shape(en: Any, es: Any, where: str) -> None:
    """Same keys at every level, lists of one length, and the same ``{}`` fields in every string."""
    assert type(en) is type(es), where
    if isinstance(en, dict):
        assert set(en) == set(es), f"{where}: keys only in one language: {set(en) ^ set(es)}"
        for key in en:
            _same_shape(en[key], es[key], f"{where}.{key}")
    elif isinstance(en, list):
        assert len(en) == len(es), where
        for k, (a, b) in enumerate(zip(en, es)):
            _same_shape(a, b, f"{where}[{k}]")
    elif isinstance(en, str):
        assert es.strip() or not en.strip(), f"{where}: empty in Spanish"
        assert _fields(en) == _fields(es), f"{where}: fields {_fields(en)} vs {_fields(es)}"


@pytest.mark.parametrize(
    "name,table",
    [("REPORT_TEXT", REPORT_TEXT), ("WORKBOOK_TEXT", WORKBOOK_TEXT), ("BATCH_TEXT", BATCH_TEXT),
     ("EDITIONS_TEXT", EDITIONS_TEXT), ("NO_DIVERGENCE", NO_DIVERGENCE), ("CLASSIFY_TEXT", CLASSIFY_TEXT),
     ("REVIEW_REASONS", REVIEW_REASONS)],
)
def test_every_key_in_both_languages(name, table):
    assert set(table) == {"en", "es"}
    _same_shape(table["en"], table["es"], name)


def test_the_shape_check_catches_a_missing_key_and_a_lost_field():
    with pytest.raises(AssertionError):
        _same_shape({"a": "x", "b": "y"}, {"a": "x"}, "t")
    with pytest.raises(AssertionError):
        _same_shape({"a": "{n} found"}, {"a": "encontrados"}, "t")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_result_line_names_the_verdict(lang):
    ok = result_line(0, lang)
    assert ok.startswith(REPORT_TEXT[lang]["result"]) and NO_DIVERGENCE[lang] in ok
    assert result_line(1, lang).startswith(REPORT_TEXT[lang]["result"] + " 1 ")
    assert result_line(7, lang).startswith(REPORT_TEXT[lang]["result"] + " 7 ")


def test_spanish_counts_agree_in_number():
    assert "1 divergencia sustantiva (mayor o crítica): revísela" in result_line(1, "es")
    assert "3 divergencias sustantivas (mayores o críticas): revíselas" in result_line(3, "es")
    assert "(s)" not in result_line(1, "es") + result_line(3, "es")


def test_an_unknown_check_keeps_its_name():
    assert check_label("spelling", "es") == "spelling" == check_label("spelling", "en")
    assert check_label("numbers", "en") == "numbers" and check_label("numbers", "es") != "numbers"
