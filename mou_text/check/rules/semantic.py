"""Divergences an embedding or a language detector can see: a clause that reads unlike its
counterpart, a clause far shorter or longer than its counterpart, text left in the wrong language.

Every judgement is relative to the document itself: a pair is compared with the distribution of the
document's own 1-1 pairs (median and MAD, a robust z-score), because absolute similarity levels
depend on the encoder, the language pair and the translator's style. Only far outliers are reported.
Measured on the bundled pairs, a faithful clause and one whose modality or number changed score
about the same (0.83 vs 0.79 with USE), so this check deliberately stays quiet on such changes and
leaves them to the rule checks; it catches what those cannot name (a clause replaced or gutted).
Short texts (headings, one-line items) vary more, so their thresholds are wider.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ...align import LENGTH_SMOOTH, MIN_SCALE, AlignedPair
from ...document import Document, Node, Sentence
from ...lang import detect, fold, is_word, named, title_case, upper_first
from .._finding import CheckContext, Finding

CHECK = "semantic"
#: Robust z-score of similarity at or below which a pair is reported (minor), and major.
SIM_Z_MINOR = -6.0
SIM_Z_MAJOR = -10.0
#: ...and it must also sit this far below the document's median similarity.
SIM_MIN_DROP = 0.2
#: Texts with fewer letters than this get thresholds this many times wider.
SHORT_LETTERS = 60
SHORT_FACTOR = 1.25
#: Length ratio: |z| at or above LEN_Z and a change of at least LEN_MIN_DELTA (log), or both signals
#: moderately out (z of length and of similarity at or below JOINT_Z, change at least JOINT_DELTA).
LEN_Z = 5.0
LEN_MIN_DELTA = math.log(1.4)
JOINT_Z = -3.0
JOINT_DELTA = math.log(1.2)
LEN_MIN_CHARS = 60
MIN_LEN_SCALE = 0.06
#: Wrong language: sentences of at least this many letters, detected with at least this confidence.
LANG_MIN_LETTERS = 40
LANG_CONFIDENCE = 0.6
#: Fewer 1-1 pairs than this and no distribution is estimated: only the language test runs.
MIN_PAIRS = 8

THRESHOLDS = {
    "sim_z_minor": SIM_Z_MINOR,
    "sim_z_major": SIM_Z_MAJOR,
    "sim_min_drop": SIM_MIN_DROP,
    "len_z": LEN_Z,
    "len_min_delta": round(LEN_MIN_DELTA, 4),
    "joint_z": JOINT_Z,
    "lang_min_letters": LANG_MIN_LETTERS,
    "lang_confidence": LANG_CONFIDENCE,
}


def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    out = _outliers(pairs)
    out.extend(wrong_language(ctx.es_doc, "es", pairs))
    out.extend(wrong_language(ctx.en_doc, "en", pairs))
    return out


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _robust(values: list[float], floor: float) -> tuple[float, float]:
    arr = np.asarray(values, dtype=np.float64)
    med = float(np.median(arr))
    return med, max(float(1.4826 * np.median(np.abs(arr - med))), floor)


def _outliers(pairs: Sequence[AlignedPair]) -> list[Finding]:
    ones = [p for p in pairs if p.shape == "1-1" and p.score is not None]
    if len(ones) < MIN_PAIRS:
        return []
    sims = [float(p.score) for p in ones]  # type: ignore[arg-type]
    ratios = [math.log((len(p.es_text) + LENGTH_SMOOTH) / (len(p.en_text) + LENGTH_SMOOTH)) for p in ones]
    s_med, s_scale = _robust(sims, MIN_SCALE)
    r_med, r_scale = _robust(ratios, MIN_LEN_SCALE)
    out = []
    for p, s, r in zip(ones, sims, ratios):
        short = min(_letters(p.en_text), _letters(p.es_text)) < SHORT_LETTERS
        widen = SHORT_FACTOR if short else 1.0
        z = (s - s_med) / s_scale
        long_enough = max(len(p.en_text), len(p.es_text)) >= LEN_MIN_CHARS
        delta = r - r_med
        zl = delta / r_scale
        if z <= SIM_Z_MINOR * widen and s <= s_med - SIM_MIN_DROP * widen:
            if z <= SIM_Z_MAJOR * widen:
                out.append(_similarity_finding(p, s, s_med, "major"))
            elif long_enough and abs(zl) >= -JOINT_Z and abs(delta) >= JOINT_DELTA:
                # two independent signals agree: words are missing (or were added), not reworded
                out.append(_length_finding(p, delta, s, "major"))
            else:
                out.append(_similarity_finding(p, s, s_med, "minor"))
            continue
        if not long_enough:
            continue
        if (abs(zl) >= LEN_Z and abs(delta) >= LEN_MIN_DELTA) or (zl <= JOINT_Z and z <= JOINT_Z and -delta >= JOINT_DELTA):
            out.append(_length_finding(p, delta, s, "minor"))
    return out


def _spans(p: AlignedPair) -> dict[str, object]:
    return {
        "en_id": p.en_id,
        "es_id": p.es_id,
        "en_text": p.en_text,
        "es_text": p.es_text,
        "en_span": (p.en[0].start, p.en[-1].end),
        "es_span": (p.es[0].start, p.es[-1].end),
    }


def _ref(node_id: str | None, kind: str) -> str:
    return "" if not node_id or node_id == kind else f" ({node_id})"


def _similarity_finding(p: AlignedPair, s: float, med: float, severity: str) -> Finding:
    k = p.kind
    return Finding(
        kind="similarity",
        severity=severity,
        message=(
            f"The Spanish {named(k, p.es_id)} reads unlike the English{_ref(p.en_id, k)} (similarity {s:.2f}, "
            f"document median {med:.2f}): check that it renders the same content."
        ),
        message_es=(
            f"{upper_first(named(k, p.es_id, 'es', article=True))} en español se aparta del texto inglés{_ref(p.en_id, k)} "
            f"(similitud {s:.2f}; mediana del documento {med:.2f}): verifique que exprese el mismo contenido."
        ),
        check=CHECK,
        **_spans(p),  # type: ignore[arg-type]
    )


def _length_finding(p: AlignedPair, delta: float, s: float, severity: str) -> Finding:
    k = p.kind
    pct = round(abs(math.exp(delta) - 1) * 100)
    unlike = f" and reads unlike the English (similarity {s:.2f})" if severity == "major" else ""
    unlike_es = f" y se aparta del inglés (similitud {s:.2f})" if severity == "major" else ""
    if delta < 0:
        en = (
            f"The Spanish {named(k, p.es_id)} is {pct}% shorter than the document's usual length ratio predicts"
            f"{unlike}: check for omitted words."
        )
        es = (
            f"{upper_first(named(k, p.es_id, 'es', article=True))} en español es {pct}% más corto de lo que predice "
            f"la proporción de longitud habitual del documento{unlike_es}: verifique si se omitieron palabras."
        )
    else:
        en = (
            f"The Spanish {named(k, p.es_id)} is {pct}% longer than the document's usual length ratio predicts"
            f"{unlike}: check for added words."
        )
        es = (
            f"{upper_first(named(k, p.es_id, 'es', article=True))} en español es {pct}% más largo de lo que predice "
            f"la proporción de longitud habitual del documento{unlike_es}: verifique si se añadieron palabras."
        )
    return Finding(kind="length", severity=severity, message=en, message_es=es, check=CHECK, **_spans(p))  # type: ignore[arg-type]


#: Function words that are common in one language and (almost) never words of the other. A sentence
#: with at least two of its own language's and none of the other's is plainly in its own language and
#: the (slower) detector is not asked: on a 10,000-clause pair that skips most detector calls, and
#: any sentence in doubt (a bare list of nouns, a mixed sentence) still goes to the detector.
_MARKERS = {
    "en": frozenset("the of and to in for with that which this is are be by shall will from its their on or as an at may should".split()),
    "es": frozenset("de la el los las y que para con por del se una su sus al en es un lo le como sobre entre".split()),
}
_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=65536)
def _reads_as(other: str, own: str, text: str) -> bool:
    """Whether ``text``, found in the ``own``-language version, is written in ``other``."""
    words = _WORDS.findall(text.lower())
    if sum(w in _MARKERS[own] for w in words) >= 2 and not any(w in _MARKERS[other] for w in words):
        return False
    det = detect(text)
    return det.lang == other and det.confidence >= LANG_CONFIDENCE


def _kept_name(text: str, partner: str) -> bool:
    """A title written the same in both versions ('Québec Free and Open-Source Licence — Reciprocity'): the
    name of a work or licence is left as published, not an untranslated sentence. Mostly capitalised
    words, found as written in the other version."""
    return bool(partner) and _as_written(text) in _as_written(partner) and title_case(text)


def _as_written(text: str) -> str:
    """Folded, spaces collapsed, trailing punctuation dropped: to find one text inside another."""
    return " ".join(fold(text).split()).rstrip(".;, ")


_GLOSS_SPLIT = re.compile(r"\s+[–—-]\s+|[():;/]")


def _glossed(text: str, partner: str, other: str, own: str) -> bool:
    """A term given in both languages ('Electronic invoices by internet – Comprobantes fiscales digitales
    por internet', 'Tax return (Declaración anual)'): the other-language part is the official name,
    written the same in the other version, and the rest is in this version's language."""
    if not partner:
        return False
    where = _as_written(partner)
    parts = [p.strip() for p in _GLOSS_SPLIT.split(text) if p.strip()]
    kept = [p for p in parts if len(p.split()) >= 2 and _as_written(p) in where]
    if not kept or len(kept) == len(parts):
        return False
    rest = " ".join(p for p in parts if p not in kept)
    return _letters(rest) < LANG_MIN_LETTERS or not _reads_as(other, own, rest)


#: A run of proper names: capitalised words and abbreviations ('Cía. Naviera "San Cristóbal", S.A.',
#: 'P. J. Jonker, S. en C.') with the short words and punctuation that join them.
_NAME_RUN = re.compile(
    r"[\"“”„«»']?[A-ZÁÉÍÓÚÑÜ][\w'’.-]*[\"“”»]?(?:[\s,;]+(?:(?:de|del|la|las|los|el|y|e|en|of|the|and|et|du)\s+)*"
    r"[\"“”„«»']?[A-ZÁÉÍÓÚÑÜ][\w'’.-]*[\"“”»]?)+")


def _without_names(text: str) -> str:
    """The sentence without its runs of two or more proper names, nor words of neither language: a list of
    companies kept in their own language ('The Cía. Mexicana de Petróleo …, S.A. shall appoint') is English
    if the rest is, and a product's name ('Actualiza powermail tan pronto como sea posible') says nothing
    of the sentence's language."""
    rest = _NAME_RUN.sub(" ", text)
    return _WORDS.sub(lambda m: m.group(0) if len(m.group(0)) < 4 or is_word(m.group(0), "en") or is_word(m.group(0), "es") else " ", rest)


def _units(node: Node) -> list[Sentence]:
    return list(node.sentences) or [Sentence(node.text, node.start, node.end)]


def wrong_language(doc: Document, lang: str, pairs: Sequence[AlignedPair] = ()) -> list[Finding]:
    """Sentences of ``doc`` that read as the other language (an untranslated sentence is major)."""
    other = "en" if lang == "es" else "es"
    partner: dict[str, str | None] = {}
    partner_text: dict[str, str] = {}
    for p in pairs:
        for n in p.es if lang == "es" else p.en:
            partner[n.id] = p.en_id if lang == "es" else p.es_id
            partner_text[n.id] = " ".join(x.text for x in (p.en if lang == "es" else p.es))
    out = []
    for node in doc.nodes:
        if node.kind == "signature":  # signatories' names and posts are often printed in their own language
            continue
        for sent in _units(node):
            if _letters(sent.text) < LANG_MIN_LETTERS:
                continue
            there = partner_text.get(node.id, "")
            if not _reads_as(other, lang, sent.text) or _kept_name(sent.text, there) or _glossed(sent.text, there, other, lang):
                continue
            rest = _without_names(sent.text)
            if rest != sent.text and (_letters(rest) < LANG_MIN_LETTERS or not _reads_as(other, lang, rest)):
                continue  # the other language is in the names only
            quote = sent.text if len(sent.text) <= 90 else sent.text[:87] + "…"
            if lang == "es":
                msg = f"English text inside the Spanish version ({node.id}): “{quote}”"
                msg_es = f"Texto en inglés dentro de la versión en español ({node.id}): “{quote}”"
            else:
                msg = f"Spanish text inside the English version ({node.id}): “{quote}”"
                msg_es = f"Texto en español dentro de la versión en inglés ({node.id}): “{quote}”"
            there_id = partner.get(node.id)
            out.append(
                Finding(
                    kind="language",
                    severity="major",
                    en_id=node.id if lang == "en" else there_id,
                    es_id=node.id if lang == "es" else there_id,
                    en_text=sent.text if lang == "en" else None,
                    es_text=sent.text if lang == "es" else None,
                    en_span=(sent.start, sent.end) if lang == "en" else None,
                    es_span=(sent.start, sent.end) if lang == "es" else None,
                    message=msg,
                    message_es=msg_es,
                    check=CHECK,
                )
            )
    return out
