"""Pathological input: long punctuation runs, deep nesting, long lines give a correct result or a
coded error (issue 15). Time is measured in benchmarks/pathological_scaling.py, not here; these
tests hold the mechanisms that keep it linear and fuzz the outcomes with hypothesis."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mou_text import MouTextError, parse
from mou_text.lang import split_sentences
from mou_text.readers import html_blocks, html_to_markup

PUNCT = string.punctuation + "¿¡«»“”…–—"
FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans_are_exact(text: str, lang: str) -> None:
    (sentences,) = split_sentences([text], lang)
    last = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text and s.start >= last
        last = s.end


@FUZZ
@given(ch=st.sampled_from(PUNCT), n=st.integers(1, 6000), lang=st.sampled_from(["en", "es"]))
def test_repeated_punctuation(ch, n, lang):
    _spans_are_exact(f"Los Participantes cooperarán. {ch * n} The end.", lang)


@FUZZ
@given(pattern=st.text(alphabet=PUNCT + "ab ", min_size=1, max_size=6), n=st.integers(1, 3000))
def test_repeated_patterns(pattern, n):
    _spans_are_exact(pattern * n, "en")


def test_twenty_kilobytes_of_gt():
    text = ">" * 20_000
    (sentences,) = split_sentences([text], "en")
    assert "".join(s.text for s in sentences) == text


def test_a_sentence_after_a_long_run_still_splits():
    (sentences,) = split_sentences(["=" * 5000 + " First sentence. Second sentence."], "en")
    assert [s.text for s in sentences][-1] == "Second sentence."


def test_long_runs_are_tokenized_in_pieces():
    from mou_text.lang._sentences import _breakable

    text = "word " + "»" * 1000 + " https://example.org/a/b"
    broken = _breakable(text)
    assert len(broken) == len(text)
    assert max(len(run) for run in broken.split()) < 128


@FUZZ
@given(depth=st.integers(1, 3000), tag=st.sampled_from(["ul><li", "ol><li", "div><p", "blockquote"]))
def test_deep_nesting(depth, tag):
    opens = "".join(f"<{t}>" for t in tag.split("><"))
    closes = "".join(f"</{t}>" for t in reversed(tag.split("><")))
    html = "<body>" + (opens + "punto ") * depth + closes * depth + "</body>"
    blocks = html_blocks(__import__("bs4").BeautifulSoup(html, "html.parser").body)
    assert [text for _, text in blocks] == ["punto"] * depth


def test_twenty_thousand_nested_list_entries():
    n = 20_000
    markup = html_to_markup("<body>" + "<ul><li>item " * n + "</li></ul>" * n + "</body>")
    assert markup.count("- item") == n


def test_a_nested_entry_keeps_its_own_words():
    markup = html_to_markup("<ul><li>Promover <b>la igualdad</b><ul><li>en el empleo</li></ul></li></ul><p>Fin.</p>")
    assert markup.split("\n\n") == ["- Promover la igualdad", "- en el empleo", "Fin."]


@FUZZ
@given(word=st.sampled_from(["cooperation", "cooperación", "x", "—", "1.", "(a)"]), n=st.integers(1, 20_000), lang=st.sampled_from(["en", "es"]))
def test_long_lines_parse_or_refuse_clearly(word, n, lang):
    text = ("The Participants intend to cooperate. " if lang == "en" else "Los Participantes cooperarán. ") + f"{word} " * n
    try:
        doc = parse(text, lang=lang)
    except MouTextError:
        return
    assert all(doc.text[node.start : node.end] == node.text for node in doc.nodes)
