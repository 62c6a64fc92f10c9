"""Structural findings: omitted/added clauses and sentences, merges, splits, moves, list counts."""

from __future__ import annotations

import pytest
from _aligndocs import CLAUSES, bullets, make_doc

from mou_text.align import align
from mou_text.check import CheckContext
from mou_text.check.rules import structure
from mou_text.embed import FakeEncoder

FAKE = FakeEncoder()


def run(en, es):
    pairs = align(en, es, FAKE)
    return structure.check(pairs, CheckContext(en, es, encoder=FAKE))


def _doc(lang, texts, heading="Section 3 Forms of cooperation"):
    rows = [("s3.heading", "heading", heading)] if heading else []
    rows.append(("s3.p1", "paragraph", "The Participants may carry out the following activities:"))
    return make_doc(lang, rows + bullets("s3", texts))


def by_kind(findings, kind):
    return [f for f in findings if f.kind == kind]


def test_identical_versions_have_no_structural_finding():
    assert run(_doc("en", CLAUSES), _doc("es", CLAUSES)) == []


def test_omitted_bullet_is_major_with_exact_words_and_list_count():
    en, es = _doc("en", CLAUSES[:5]), _doc("es", CLAUSES[:2] + CLAUSES[3:5])
    findings = run(en, es)
    (om,) = by_kind(findings, "omission")
    assert om.severity == "major" and om.check == "structure"
    assert om.en_id == "s3.bullet.3" and om.es_id is None and om.es_span is None
    assert en.text[om.en_span[0] : om.en_span[1]] == CLAUSES[2] == om.en_text
    assert "no counterpart in the Spanish version" in om.message and "no tiene equivalente" in om.message_es
    (lc,) = by_kind(findings, "list_count")
    assert lc.severity == "minor"
    assert "5 bullets in English and 4 in Spanish" in lc.message
    assert "5 viñetas en inglés y 4 en español" in lc.message_es


def test_added_spanish_bullet_is_major_addition():
    extra = "Un programa nuevo de becas deportivas para atletas jóvenes de zonas rurales."
    en, es = _doc("en", CLAUSES[:4]), _doc("es", CLAUSES[:2] + [extra] + CLAUSES[2:4])
    (add,) = by_kind(run(en, es), "addition")
    assert add.severity == "major" and add.en_id is None and add.es_id == "s3.bullet.3"
    assert es.text[add.es_span[0] : add.es_span[1]] == extra


def test_omitted_heading_is_minor():
    en = _doc("en", CLAUSES[:4])
    es = _doc("es", CLAUSES[:4], heading=None)
    (om,) = by_kind(run(en, es), "omission")
    assert om.en_id == "s3.heading" and om.severity == "minor"
    assert "Encabezado" in om.message_es or "encabezado" in om.message_es


def test_merge_and_split_are_minor():
    en = _doc("en", CLAUSES[:5])
    merged = _doc("es", CLAUSES[:2] + [CLAUSES[2] + " " + CLAUSES[3]] + CLAUSES[4:5])
    findings = run(en, merged)
    (m,) = by_kind(findings, "merge")
    assert m.severity == "minor" and m.en_id == "s3.bullet.3+s3.bullet.4" and m.es_id == "s3.bullet.3"
    assert "merged" in m.message and "fusionan" in m.message_es
    assert not by_kind(findings, "omission")

    (s,) = by_kind(run(merged, en), "split")
    assert s.severity == "minor" and s.es_id == "s3.bullet.3+s3.bullet.4"
    assert "se divide" in s.message_es


def test_swapped_bullets_give_one_minor_reorder_and_no_count():
    en = _doc("en", CLAUSES[:5])
    es = _doc("es", [CLAUSES[0], CLAUSES[2], CLAUSES[1], CLAUSES[3], CLAUSES[4]])
    findings = run(en, es)
    assert [f.kind for f in findings] == ["reorder"]
    assert findings[0].severity == "minor" and findings[0].en_span and findings[0].es_span


def test_sentence_omitted_inside_a_paragraph():
    para = " ".join(CLAUSES[:4])
    en = make_doc("en", [("s1.p1", "paragraph", para)])
    es = make_doc("es", [("s1.p1", "paragraph", " ".join([CLAUSES[0], CLAUSES[1], CLAUSES[3]]))])
    (om,) = run(en, es)
    assert om.kind == "omission" and om.severity == "major"
    assert om.en_id == om.es_id == "s1.p1"
    assert om.en_text == CLAUSES[2] and en.text[om.en_span[0] : om.en_span[1]] == CLAUSES[2]
    assert "Una oración del párrafo s1.p1" in om.message_es


def test_sentence_added_inside_a_paragraph():
    en = make_doc("en", [("s1.p1", "paragraph", " ".join(CLAUSES[:3]))])
    extra = "Los Participantes financiarán un fondo común permanente."
    es = make_doc("es", [("s1.p1", "paragraph", " ".join([CLAUSES[0], extra, CLAUSES[1], CLAUSES[2]]))])
    (add,) = run(en, es)
    assert add.kind == "addition" and add.es_text == extra and add.en_span is None


def test_restructured_sentences_are_not_reported():
    en = make_doc("en", [("s1.p1", "paragraph", " ".join(CLAUSES[:3]))])
    es = make_doc("es", [("s1.p1", "paragraph", CLAUSES[0] + " " + CLAUSES[1][:-1] + ", and " + CLAUSES[2])])
    assert run(en, es) == []


def test_heading_title_missing_on_one_side():
    from mou_text.document import Document, Node, Sentence

    def heading_doc(lang, text, title):
        node = Node("s4.heading", "heading", 4, None, text, 0, len(text), (Sentence(text, 0, len(text)),), "4", title)
        return Document(lang, text, (node,))

    en = heading_doc("en", "SECTION 4\nGeneral Provisions", "General Provisions")
    es = heading_doc("es", "SECCIÓN 4", None)
    (f,) = structure.check(align(en, es, FAKE), CheckContext(en, es, encoder=FAKE))
    assert f.kind == "omission" and f.severity == "minor"
    assert en.text[f.en_span[0] : f.en_span[1]] == "General Provisions"


@pytest.mark.parametrize("kind,severity", [("recital", "major"), ("paragraph", "major"), ("item", "major"), ("title", "minor"), ("signature", "minor")])
def test_severity_follows_what_was_lost(kind, severity):
    rows = [("s1.p1", "paragraph", CLAUSES[0]), ("x.1", kind, CLAUSES[1]), ("s1.p3", "paragraph", CLAUSES[2])]
    en = make_doc("en", rows)
    es = make_doc("es", [rows[0], rows[2]])
    (f,) = by_kind(run(en, es), "omission")
    assert f.severity == severity


def test_sentences_left_alone_at_the_same_place_are_a_rendering_not_an_omission():
    """'No endorsement.' / 'Sin endoso.': a run-in title the embeddings cannot pair holds the same place."""
    en = make_doc("en", [("s1.p1", "paragraph", " ".join([CLAUSES[0], "Zqxv wplk.", CLAUSES[1], CLAUSES[2]]))])
    es = make_doc("es", [("s1.p1", "paragraph", " ".join([CLAUSES[0], "Hjrt bnmy.", CLAUSES[1], CLAUSES[2]]))])
    found = run(en, es)
    assert found and all(f.severity == "minor" for f in found)
    assert {f.kind for f in found} <= {"omission", "addition"}


class _SaturatingEncoder:
    """Two topics: the ministers' declaration (A) and the list of instruments in force (B). As USE does on
    real text, a long sentence's vector hardly moves when a short sentence is joined to it (the join
    gains less than the aligner's merge gain), so the sentence DP leaves the short one alone."""

    name, dim = "saturating-test", 4

    def encode(self, texts):
        import numpy as np

        out = []
        for t in texts:
            a, b = "declar" in t, ("which were" in t or "eran:" in t)
            c = "presupuesto" in t
            vec = np.array([1.0 if a else 0.0, (0.3 if "which were" in t else 0.0) if a and b else (1.0 if b else 0.0),
                            1.0 if c else 0.0, 0.0])
            if not vec.any():
                vec[3] = 1.0  # a fragment of neither topic
            out.append(vec / np.linalg.norm(vec))
        return np.array(out, dtype=np.float32)


_SPLIT_EN = "In their declaration the ministers asked for a plan to reinforce the instruments in force, which were: the Labour Code (1970); the Equality Law (1995)."
_SPLIT_ES = "En su declaración los ministros pidieron un plan para reforzar los instrumentos vigentes. Los instrumentos eran: el Código del Trabajo (1970); la Ley de Igualdad (1995)."


def test_a_sentence_cut_off_the_end_of_the_other_sides_sentence_is_no_addition():
    # the Spanish cuts the English sentence in two at 'which were': the second half renders its tail
    enc = _SaturatingEncoder()
    en, es = make_doc("en", [("s1.p1", "paragraph", _SPLIT_EN)]), make_doc("es", [("s1.p1", "paragraph", _SPLIT_ES)])
    assert structure.check(align(en, es, enc), CheckContext(en, es, encoder=enc)) == []
    # the same words on the other side: an English sentence cut off the end of a Spanish one
    en2, es2 = make_doc("en", [("s1.p1", "paragraph", _SPLIT_ES)]), make_doc("es", [("s1.p1", "paragraph", _SPLIT_EN)])
    assert structure.check(align(en2, es2, enc), CheckContext(en2, es2, encoder=enc)) == []


def test_a_sentence_added_after_a_long_one_is_still_found():
    enc = _SaturatingEncoder()
    es_text = _SPLIT_ES.replace(" Los instrumentos eran", ", que eran").replace("vigentes.", "vigentes") + " El plan tendrá presupuesto propio."
    en, es = make_doc("en", [("s1.p1", "paragraph", _SPLIT_EN)]), make_doc("es", [("s1.p1", "paragraph", es_text)])
    (add,) = structure.check(align(en, es, enc), CheckContext(en, es, encoder=enc))
    assert add.kind == "addition" and add.es_text == "El plan tendrá presupuesto propio."
