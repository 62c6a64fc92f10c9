"""The plain-Python tokenizer is spaCy's blank tokenizer, token for token, and parsing never imports spaCy."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from mou_text.lang import _sentences
from mou_text.lang._tokenizer import rules_path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _texts(*roots: Path) -> list[str]:
    out = []
    for root in roots:
        for p in sorted(root.rglob("*")):
            if p.is_file() and p.suffix in (".md", ".txt", ".tsv", ".xlf", ".xliff", ".tmx"):
                out.append(p.read_text(encoding="utf-8", errors="replace"))
    return out


def _same_tokens(lang: str, texts: list[str]) -> list[tuple[str, list, list]]:
    nlp = _sentences.nlp_for(lang)
    ours = _sentences.tokenizer(lang)
    bad = []
    for text in texts:
        for unit in [text, *text.split("\n")]:
            theirs = [(t.text, t.idx) for t in nlp.tokenizer(unit)]
            mine = ours(unit)
            if theirs != mine:
                bad.append((unit[:80], theirs[:8], mine[:8]))
    return bad


@pytest.mark.parametrize("lang", ["en", "es"])
def test_tokens_equal_spacy_on_the_project_corpora(lang):
    texts = _texts(ROOT / "corpora" / "mou", ROOT / "corpora" / "altered", ROOT / "tests" / "data")
    assert len(texts) > 20
    assert _same_tokens(lang, texts) == []


@pytest.mark.parametrize("lang", ["en", "es"])
def test_tokens_equal_spacy_on_tricky_strings(lang):
    """Abbreviations, URLs, emoticons, quotes, ellipses and odd whitespace, glued at random."""
    pool = list(_sentences.ABBREVIATIONS) + [
        "a.m.", ":)", ":-)", "(", ")", '"', "'", "“", "”", "«", "»", "...", "…", ".", ",", ";", "?", "!", "¿", "¡",
        "http://x.org/a.b", "www.ex.com.", "U.S.-Mexico", "1.5", "$10", "10km.", "don't", "Can't", "'s", "A.", "iv.",
        "II.", "°C.", "end.Next", "a.b.c", "Mr.Smith", "—", "-", "/", "Sección", "Ley", "ARTÍCULO", "3.º",
    ]
    seps = [" ", "", "  ", "\n", " \n", "\t", "\xa0"]
    rng = random.Random(16)
    texts = []
    for _ in range(1500):
        s = "".join(rng.choice(pool) + rng.choice(seps) for _ in range(rng.randint(1, 10)))
        texts.append(rng.choice(seps) + s if rng.random() < 0.3 else s)
    assert _same_tokens(lang, texts) == []


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "real").is_dir(), reason="the shared real-text corpus (../shared/real) is not present")
@pytest.mark.parametrize("lang", ["en", "es"])
def test_tokens_equal_spacy_on_real_text(lang):
    assert _same_tokens(lang, _texts(SHARED / "real", SHARED / "cat")) == []


def test_the_rule_tables_are_those_of_the_installed_spacy():
    """After a spaCy upgrade: python -m mou_text.lang._tokenizer_build (and check the tests above)."""
    from mou_text.lang._tokenizer_build import build

    for lang in ("en", "es"):
        assert json.loads(rules_path(lang).read_text(encoding="utf-8")) == json.loads(json.dumps(build(lang)))


def test_parsing_imports_neither_spacy_nor_numpy():
    code = (
        "import sys, mou_text; d = mou_text.load_mou('es'); "
        "assert len(d.nodes[0].sentences) >= 1; "
        "print(sorted(m for m in ('spacy', 'thinc', 'torch', 'numpy', 'pandas') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["[]"]


def test_lazy_package_keeps_functions_over_subpackages():
    code = (
        "import mou_text.check.rules, mou_text.parse._parser, mou_text; "
        "from mou_text import check, parse, align; "
        "assert callable(check) and callable(parse) and callable(align), (check, parse, align); "
        "assert callable(mou_text.check) and mou_text.check_many.__name__ == 'check_many'; "
        "assert set(mou_text.__all__) <= set(dir(mou_text))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
