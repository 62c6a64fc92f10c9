"""Semantic outliers (similarity, length ratio) judged against the document's own pairs, and text in the wrong language."""

from __future__ import annotations

import pytest
from conftest import MOU

from mou_text.check.rules import semantic
from mou_text.align import AlignedPair
from mou_text.check import CheckContext
from mou_text.document import Document, Node, Sentence

BASE_EN = "The Participants intend to exchange information on programmes that promote the economic participation of women, number {k}."
BASE_ES = "Los Participantes tienen la intención de intercambiar información sobre programas que promuevan la participación económica de las mujeres, número {k}."


def _node(node_id: str, kind: str, text: str) -> Node:
    return Node(node_id, kind, 1, None, text, 0, len(text), (Sentence(text, 0, len(text)),))


def _pairs(extra: list[tuple[str, str, float, str]]) -> list[AlignedPair]:
    """Twenty faithful-looking pairs (similarity 0.86–0.92), then the pairs under test."""
    pairs = []
    for k in range(20):
        score = 0.86 + 0.003 * k
        pairs.append(AlignedPair((_node(f"s1.p{k}", "paragraph", BASE_EN.format(k=k)),), (_node(f"s1.p{k}", "paragraph", BASE_ES.format(k=k)),), "1-1", "id", score))
    for k, (en, es, score, kind) in enumerate(extra):
        pairs.append(AlignedPair((_node(f"x.{k}", kind, en),), (_node(f"x.{k}", kind, es),), "1-1", "id", score))
    return pairs


def outliers(extra):
    return [(f.en_id, f.kind, f.severity) for f in semantic._outliers(_pairs(extra))]


EN = BASE_EN.format(k=99)
ES = BASE_ES.format(k=99)


def test_faithful_distribution_gives_nothing():
    assert outliers([]) == []


def test_far_outlier_is_minor_and_extreme_outlier_major():
    assert outliers([(EN, ES, 0.62, "paragraph")]) == [("x.0", "similarity", "minor")]
    assert outliers([(EN, ES, 0.30, "paragraph")]) == [("x.0", "similarity", "major")]


def test_modality_sized_drop_stays_quiet():
    # measured: faithful 0.83 vs a modality change 0.79; the rule checks own that difference
    assert outliers([(EN, ES, 0.79, "paragraph"), (EN, ES, 0.74, "paragraph")]) == []


def test_short_texts_get_wider_thresholds():
    assert outliers([("Access to justice", "Acceso a la justicia", 0.62, "heading")]) == []
    assert outliers([("Access to justice", "Acceso a la justicia", 0.2, "heading")]) == [("x.0", "similarity", "major")]


def test_length_ratio_outlier_alone_is_minor_and_with_low_similarity_major():
    half = ES[: len(ES) // 2]
    assert outliers([(EN, half, 0.88, "paragraph")]) == [("x.0", "length", "minor")]
    findings = semantic._outliers(_pairs([(EN, half, 0.6, "paragraph")]))
    assert [(f.kind, f.severity) for f in findings] == [("length", "major")]
    assert "shorter" in findings[0].message and "más corto" in findings[0].message_es
    assert findings[0].es_text == half and findings[0].en_span == (0, len(EN))


def test_too_few_pairs_for_a_distribution():
    pairs = _pairs([(EN, ES, 0.1, "paragraph")])[-3:]
    assert semantic._outliers(pairs) == []


def _doc(lang: str, sentences: list[str], node_id: str = "s1.p1") -> Document:
    text = " ".join(sentences)
    sents, pos = [], 0
    for s in sentences:
        sents.append(Sentence(s, pos, pos + len(s)))
        pos += len(s) + 1
    return Document(lang, text, (Node(node_id, "paragraph", 1, None, text, 0, len(text), tuple(sents)),))


ES_SENTS = [
    "Los Participantes reconocen que las mujeres son agentes importantes del crecimiento y el desarrollo.",
    "La participación económica de las mujeres promueve la innovación y la productividad agrícola.",
]
EN_SENT = "It also strengthens business management and improves return on investment."


def test_english_sentence_left_in_the_spanish_text_is_major():
    es = _doc("es", [ES_SENTS[0], EN_SENT, ES_SENTS[1]])
    (f,) = semantic.wrong_language(es, "es")
    assert f.kind == "language" and f.severity == "major"
    assert f.es_id == "s1.p1" and f.es_text == EN_SENT and es.text[f.es_span[0] : f.es_span[1]] == EN_SENT
    assert "English text inside the Spanish version" in f.message and "Texto en inglés" in f.message_es


def test_spanish_sentence_in_the_english_text_and_short_snippets():
    en = _doc("en", [EN_SENT, ES_SENTS[0]])
    (f,) = semantic.wrong_language(en, "en")
    assert f.en_text == ES_SENTS[0] and f.es_span is None
    # fewer than 40 letters: an acronym or a name is no evidence of language
    assert semantic.wrong_language(_doc("es", [ES_SENTS[0], "STEM (science, technology)."]), "es") == []
    assert semantic.wrong_language(_doc("es", ES_SENTS), "es") == []


@pytest.mark.slow
def test_real_encoder_quiet_on_faithful_text_and_on_modality_or_number_changes(en_doc, es_doc):
    from mou_text.align import align
    from mou_text.embed import get_encoder
    from mou_text.parse import parse

    use = get_encoder("use")
    assert semantic.check(align(en_doc, es_doc, use), CheckContext(en_doc, es_doc, encoder=use)) == []
    md = (MOU / "es.md").read_text(encoding="utf-8")
    changed = md.replace("Los Participantes podrán designar", "Los Participantes deberán designar").replace("dos mil doce", "dos mil trece")
    es = parse(changed, lang="es")
    assert semantic.check(align(en_doc, es, use), CheckContext(en_doc, es, encoder=use)) == []
