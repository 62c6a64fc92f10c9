"""The content rule: phrases, clauses and key nouns added or dropped inside an aligned sentence, and
places or institutions swapped inside one sentence of a paragraph that names both."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from _checkpairs import by_id, faithful_pairs, major, run, words

from mou_text import parse
from mou_text.check import CheckContext
from mou_text.check.rules import content
from mou_text.lang import fold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "content"
SHARED = ROOT.parent / "shared" / "real"

OBJECTIVE_EN = ("The objective of this Memorandum is to provide a framework for the Participants to advance equality, "
                "empowerment and the promotion of the human rights of girls and women as part of their bilateral relationship.")
OBJECTIVE_ES = ("El objetivo del presente Memorándum es proporcionar un marco para que los Participantes impulsen la igualdad, "
                "el empoderamiento y la promoción de los derechos humanos de las niñas y las mujeres como parte de su "
                "relación bilateral.")


def kinds(findings):
    return sorted(f.kind for f in findings)


# --- key nouns (no encoder needed) -------------------------------------------------------------------


def test_a_dropped_key_noun_is_named_with_its_exact_words():
    es = OBJECTIVE_ES.replace("de las niñas y las mujeres", "de las mujeres")
    found, en_doc, _ = run(content, OBJECTIVE_EN, es)
    assert kinds(found) == ["phrase_omission"]
    f = found[0]
    assert f.severity == "major" and words(en_doc, f.en_span) == "girls" and f.es_span is None
    assert "niñas" in f.message and "niñas" in f.message_es and "omite" in f.message_es


def test_an_added_key_noun_phrase_is_one_finding_on_the_spanish_side():
    en = "Promoting awareness about the elimination of discrimination in schools, the workplace and other public spaces;"
    es = ("Promover la sensibilización sobre la eliminación de la discriminación en las escuelas, los lugares de trabajo y "
          "otros espacios públicos de las comunidades indígenas y rurales;")
    found, _, es_doc = run(content, en, es, kind="bullet")
    assert kinds(found) == ["phrase_addition"]
    assert words(es_doc, found[0].es_span) == "comunidades indígenas y rurales"
    assert found[0].severity == "major" and "añade" in found[0].message_es


@pytest.mark.parametrize(("en", "es"), [
    ("programs for children", "programas para las niñas y los niños"),           # children ↔ niñas y niños
    ("programs for women and girls", "programas para mujeres y niñas"),
    ("programs for girls", "programas para los niños"),                         # Spanish generic masculine
    ("to combat gender based violence", "para combatir la violencia contra las mujeres"),
    ("judicial and law enforcement actors", "los operadores judiciales y los encargados de hacer cumplir la ley"),
    ("families and communities", "sus familias y comunidades"),
    ("Any country may withdraw from the Union.", "Todo país tendrá derecho a retirarse de la Unión."),  # modality
    ("a copyright notice", "un aviso sobre derecho de autor"),
    ("laws that protect the rights of women", "leyes que protejan los derechos de las mujeres"),
])
def test_a_key_noun_answered_by_its_family_is_not_reported(en, es):
    assert run(content, en, es)[0] == []


@pytest.mark.parametrize(("en", "es", "side", "word"), [
    ("programs that engage women, men, girls, and boys", "programas que involucren a mujeres y niñas", "en", "men"),
    ("assistance to women", "asistencia a las mujeres y las niñas", "es", "niñas"),
    ("support for rural women", "apoyo a las mujeres", "en", "rural"),
    ("support for women", "apoyo a las mujeres indígenas", "es", "indígenas"),
    ("The Secretariat has no duty or obligation to act.", "La Secretaría no tiene ningún derecho u obligación de actuar.",
     "es", "derecho"),
])
def test_a_key_noun_without_counterpart_is_reported_in_both_directions(en, es, side, word):
    found, en_doc, es_doc = run(content, en, es)
    assert found, (en, es)
    f = found[0]
    doc, span = (en_doc, f.en_span) if side == "en" else (es_doc, f.es_span)
    assert word in words(doc, span)
    assert f.kind == ("phrase_omission" if side == "en" else "phrase_addition")


def test_headings_are_minor():
    found, _, _ = run(content, "Women and Girls", "Mujeres", kind="heading")
    assert [f.severity for f in found] == ["minor"]


# --- occlusion -------------------------------------------------------------------------------------


class LexiconEncoder:
    """A test encoder with a little bilingual lexicon: Spanish words are mapped to English ones, function
    words dropped, the rest hashed as bags of words. Sentences that say the same thing get close vectors,
    words with no counterpart pull them apart: what occlusion needs, without a model."""

    name = "test-lexicon"
    dim = 256
    LEX = {"participantes": "participants", "podran": "may", "designar": "designate", "representantes": "representatives",
           "coordinar": "coordinate", "actividades": "activities", "memorandum": "memorandum", "marco": "under",
           "promover": "promoting", "acceso": "access", "capacitacion": "training", "mercados": "markets",
           "mecanismos": "mechanisms", "financiamiento": "financing", "mujeres": "women", "emprendedoras": "entrepreneurs",
           "pequenas": "small", "medianas": "medium", "empresas": "enterprises", "particularmente": "particularly"}
    STOP = set("the this to of and for a an in on under los las el la de del para que en su sus a y presente".split())

    def encode(self, texts):
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"\w+", fold(t)):
                if w in self.STOP:
                    continue
                w = self.LEX.get(w, w)
                out[i, sum(map(ord, w)) * 2654435761 % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


def _occlusion_run(en_text, es_text, kind="paragraph"):
    from _checkpairs import clause

    en, es = clause(en_text, es_text, kind)
    return [f for f in content.check(by_id(en, es), CheckContext(en, es, encoder=LexiconEncoder())) if f.en_id != "s1.heading"], en, es


def test_occlusion_names_the_appended_clause():
    en = "The Participants may designate representatives to coordinate activities under this Memorandum."
    es = ("Los Participantes podrán designar representantes para coordinar actividades en el marco del presente "
          "Memorándum, quienes deberán informar trimestralmente a sus cancillerías.")
    found, _, es_doc = _occlusion_run(en, es)
    assert kinds(found) == ["phrase_addition"]
    assert words(es_doc, found[0].es_span) == "quienes deberán informar trimestralmente a sus cancillerías"
    assert found[0].severity == "major" and "similarity" in found[0].message and "similitud" in found[0].message_es


def test_occlusion_names_the_dropped_phrase():
    en = ("Promoting access to training, markets and financing mechanisms for women entrepreneurs, particularly for small "
          "and medium enterprises, through a bilateral fund established by both foreign ministries for that specific purpose;")
    es = ("Promover el acceso a la capacitación, los mercados y los mecanismos de financiamiento para las mujeres "
          "emprendedoras, particularmente para las pequeñas y medianas empresas;")
    found, en_doc, _ = _occlusion_run(en, es, "bullet")
    assert kinds(found) == ["phrase_omission"]
    assert words(en_doc, found[0].en_span) == "through a bilateral fund established by both foreign ministries for that specific purpose"


def test_occlusion_is_quiet_on_a_faithful_sentence_and_without_an_encoder():
    en = "The Participants may designate representatives to coordinate activities under this Memorandum."
    es = "Los Participantes podrán designar representantes para coordinar actividades en el marco del presente Memorándum."
    assert _occlusion_run(en, es)[0] == []
    appended = es[:-1] + ", quienes deberán informar trimestralmente a sus cancillerías."
    assert run(content, en, appended)[0] == []  # no encoder in the context: no similarity to restore


def test_chunks_are_bounded_and_cut_at_phrase_boundaries():
    text = "Los Participantes podrán designar representantes, quienes deberán informar a sus cancillerías y a sus embajadas."
    cands = content._chunks(text, "es", 3)
    assert 0 < len(cands) <= content.MAX_CHUNKS
    assert all(text[a:b].strip(" ,;") for a, b, _ in cands)
    assert any(text[a:b].strip(" ,") == "quienes deberán informar a sus cancillerías" for a, b, _ in cands)
    assert content._remove("Uno, dos y tres, cuatro.", 3, 15) == "Uno, cuatro."


# --- entities per sentence -------------------------------------------------------------------------


def test_a_country_swapped_inside_a_paragraph_naming_both_is_found():
    en = parse(DATA / "notes_en.md", lang="en")
    es = parse(DATA / "notes_es.md", lang="es")
    found = content.check(by_id(en, es), CheckContext(en, es))
    names = [f for f in found if f.kind == "name"]
    assert len(names) == 2 and {f.severity for f in names} == {"major"}
    through = next(f for f in names if f.en_text == "United Kingdom")
    assert en.text[through.en_span[0] - 30:through.en_span[1]].endswith("through the Government of the United Kingdom")
    assert es.text[through.es_span[0] - 30:through.es_span[1]].endswith("a través del Gobierno de los Países Bajos")
    costs = next(f for f in names if f.en_text == "Netherlands")
    assert es.text[costs.es_span[0]:costs.es_span[1] + 10] == "Reino Unido sufragará"
    assert "Reino Unido" in costs.message_es and "Netherlands" in costs.message


def test_a_swap_the_names_rule_sees_is_left_to_it():
    en = "The archives shall be returned through the Government of the United Kingdom."
    es = "Los archivos se devolverán a través del Gobierno de los Países Bajos."
    assert run(content, en, es)[0] == []  # United Kingdom is nowhere in the Spanish clause: names.py reports it


# --- faithful texts --------------------------------------------------------------------------------


@pytest.mark.parametrize("name,en,es", list(faithful_pairs()), ids=lambda x: x if isinstance(x, str) else "")
def test_faithful_pairs_raise_nothing_major(name, en, es):
    assert major(content.check(by_id(en, es), CheckContext(en, es))) == []


# --- the real encoder ------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_issue_examples_with_the_real_encoder(en_doc):
    from mou_text import check

    md = (ROOT / "corpora" / "mou" / "es.md").read_text(encoding="utf-8")
    changed = (md.replace("como parte de su relación bilateral.", "como parte de su relación bilateral, y de conformidad con "
                          "la Convención sobre la Eliminación de Todas las Formas de Discriminación contra la Mujer.")
                 .replace("particularmente para las pequeñas y medianas empresas;", "particularmente para las pequeñas y "
                          "medianas empresas, con cargo a un fondo bilateral creado para tal efecto;")
                 .replace("con especial atención en las mujeres y las niñas;", "con especial atención en las mujeres;"))
    report = check(en_doc, parse(changed, lang="es"), checks=["content"])
    got = {(f.kind, f.en_id, f.es_text or f.en_text) for f in report.findings if f.severity == "major"}
    assert ("phrase_addition", "s1.p1", "y de conformidad con la Convención sobre la Eliminación de Todas las Formas de "
            "Discriminación contra la Mujer") in got
    assert any(k == "phrase_addition" and i == "s3.i.bullet.2" and w.startswith("con cargo a un fondo bilateral")
               for k, i, w in got)
    assert ("phrase_omission", "s2.item.iii", "girls") in got
    assert len(got) == 3


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared real texts (../shared/real) are not on this machine")
def test_cc0_duty_rendered_as_right_is_found():
    """CC0 4(d), a known real difference: "has no duty or obligation" → "no tiene ningún derecho u obligación"."""
    from mou_text import check

    report = check(SHARED / "cc0_en.txt", SHARED / "cc0_es.txt", checks=["content"])
    hits = [f for f in report.at_least("major") if f.es_text == "derecho"]
    assert len(hits) == 1 and "no duty or obligation" in report.en[hits[0].en_id].text


#: Known real differences of the shared CC texts (README), as words of their clauses: a finding on a clause
#: holding one of them is not a false alarm.
KNOWN = {
    "ccby4": ["voluntary or waivable", "non-sublicensable", "makes no representations", "without permission",
              "disclaimer of warranties", "fullest extent possible", "Your use"],
    "ccbynd4": ["voluntary or waivable", "non-sublicensable", "makes no representations", "without permission",
                "disclaimer of warranties", "fullest extent possible", "Your use", "NoDerivatives 4.0 International Public",
                "reproduce and Share the Licensed Material, in whole or in part"],
    "cc0": ["clearing rights", "no duty or obligation", "exclusive", "legal or equitable", "royalty-free"],
}


@pytest.mark.slow
@pytest.mark.skipif(not SHARED.is_dir(), reason="the shared real texts (../shared/real) are not on this machine")
@pytest.mark.parametrize("name", sorted(KNOWN))
def test_official_translations_stay_quiet(name):
    """Floor on real official translations: the content rule adds at most 0.5 major findings per 100
    aligned clauses outside the known real differences."""
    from mou_text import check

    report = check(SHARED / f"{name}_en.txt", SHARED / f"{name}_es.txt", checks=["content"])
    en = report.en
    false = [f for f in report.at_least("major")
             if not any(k in en[i].text for i in (f.en_id or "").split("+") if i in en for k in KNOWN[name])]
    clauses = sum(1 for p in report.pairs if p.en and p.es)
    assert 100 * len(false) / clauses <= 0.5, false
