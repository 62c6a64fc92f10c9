"""Wrong senses: a term rendered with a real word of the other language that means something else.

"Clearing rights" rendered "derechos de compensación", "compromisos" rendered "compromises",
"relevant authority" rendered "autoridad relevante": the sentence reads well, every word exists and
no number, name or negation moved, yet the clause now says something else. The traps are the table
of ``mou_text.lang`` (:func:`~mou_text.lang.wrong_senses`), in both directions; this rule reads each
aligned sentence pair and reports a trap when its term is on one side, a wrong rendering on the other
and no right rendering there, major, naming the words on both sides.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...align import AlignedPair
from ...lang import wrong_senses
from .._finding import CheckContext, Finding
from ._side import Hit, Side, each_pair, make_finding, sentence_units

CHECK = "senses"


def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    """Terms rendered with a word of the wrong sense in each aligned clause."""
    return each_pair(pairs, compare)


def compare(pair: AlignedPair, en: Side, es: Side) -> list[Finding]:
    """The traps of both languages sprung in one aligned pair, read sentence by sentence."""
    out: list[Finding] = []
    seen: list[tuple[Hit, Hit]] = []
    for (a0, a1), (b0, b1) in sentence_units(pair, en, es):
        for lang, src, tgt, s0, t0 in (("en", en.text[a0:a1], es.text[b0:b1], a0, b0),
                                      ("es", es.text[b0:b1], en.text[a0:a1], b0, a0)):
            for hit in wrong_senses(src, lang, tgt):
                term = Hit(s0 + hit.term[0], s0 + hit.term[1], hit.term[2])
                wrong = Hit(t0 + hit.wrong[0], t0 + hit.wrong[1], hit.wrong[2])
                en_hit, es_hit = (term, wrong) if lang == "en" else (wrong, term)
                # one finding per pair of words: 'actual' ↔ 'actuales' springs the trap of each language
                if any(_overlap(en_hit, a) and _overlap(es_hit, b) for a, b in seen):
                    continue
                seen.append((en_hit, es_hit))
                if lang == "en":
                    msg = f"'{term.text}' is rendered '{wrong.text}' in Spanish, which means something else here: {hit.trap.note}"
                    msg_es = (f"'{term.text}' se traduce '{wrong.text}' en español, una palabra que en un texto jurídico "
                              "significa otra cosa (sentido erróneo, falso amigo)")
                else:
                    msg = f"Spanish '{term.text}' is rendered '{wrong.text}' in English, which means something else here: {hit.trap.note}"
                    msg_es = (f"'{term.text}' del español se traduce '{wrong.text}' en inglés, una palabra que en un texto "
                              "jurídico significa otra cosa (sentido erróneo, falso amigo)")
                out.append(make_finding(CHECK, "wrong_sense", "major", pair, en, es, en_hit, es_hit, msg, msg_es))
    return out


def _overlap(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end
