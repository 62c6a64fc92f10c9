"""Content added or dropped inside an aligned sentence: a phrase, a clause, a key noun, another country.

The structure rule sees whole clauses and sentences; the semantic rule sees a clause that reads
unlike its counterpart. Neither sees a faithful sentence with a clause appended ("… y de conformidad
con la Convención …"), a condition added to a bullet ("… con cargo a un fondo bilateral"), a key noun
dropped ("de las niñas y las mujeres" → "de las mujeres") or one country put for another inside a
paragraph that names both. Three rules, each naming the exact words:

* **Key nouns** (``lang.KEY_NOUNS``): who or what an obligation is about (girls, women, indigenous
  peoples, rural communities, funds …), compared per aligned sentence; a concept on one side with
  none of its forms, nor a broader concept of its family, on the other is a dropped or added key noun.
* **Occlusion**: for a sentence pair whose content-word balance is off the document's own faithful
  distribution (robust z of the log ratio of content words, as ``semantic`` does for lengths), each
  phrase-sized chunk of the longer side is removed in turn and the remainders are encoded in one
  batch; a chunk whose removal brings the sentence clearly closer to its counterpart (similarity up
  by at least ``OCC_GAIN``) *and* leaves a content-word balance the document finds normal is content
  the other side does not have. The cost is bounded: only suspicious pairs, at most ``MAX_CHUNKS``
  candidates each.
* **Entities per sentence**: places and institutions (the glossary) compared as sets per aligned
  sentence. A concept missing from a whole clause is the names rule's finding; this rule reports
  only what the clause-level sets hide: a paragraph naming both countries on both sides, where one
  sentence names the other one ("through the Government of the United Kingdom" ↔ "a través del
  Gobierno de los Países Bajos").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ...align import AlignedPair, align_sentences, embed_text, encode_texts
from ...document import Sentence
from ...glossary import Glossary, Match, glossary_of
from ...lang import (
    ANSWER_ONLY,
    KEY_NOUNS,
    KEY_NOUNS_VERSION,
    answered,
    content_words,
    fold,
    key_nouns,
    named,
    severity_for,
    written_in,
)
from .._finding import CheckContext, Finding

CHECK = "content"
#: Content-word balance: robust z of log((es+2)/(en+2)) at or beyond this makes a pair suspicious...
BALANCE_Z = 2.5
#: ...and so does a sentence similarity this far (robust z) below the document's median.
SIM_Z = -3.0
#: The difference must be at least this many content words.
MIN_EXTRA_WORDS = 3
#: Removing the chunk must raise the similarity by at least this much...
OCC_GAIN = 0.05
#: ...and leave the balance within this robust z of the document's median.
REST_Z = 1.5
#: At most this many candidate chunks per sentence (the longest sentences are cut coarser).
MAX_CHUNKS = 48
#: A smaller chunk inside the best one is reported instead when it keeps this share of its gain.
INNER_SHARE = 0.9
#: The chunk is there after all, reworded, when a phrase of the other sentence is at least this similar to it
#: ('will not terminate the licences of any person' ↔ 'no supondrá, sin embargo, la de las licencias': 0.60;
#: the injected additions of corpora/altered reach 0.40 at most).
OCC_ECHO = 0.5
#: A chunk of at least this many content words changes what is agreed (major); fewer is minor.
MAJOR_WORDS = 3
MIN_PAIRS = 8
FLOOR_SCALE = 0.1
SIM_FLOOR = 0.03

THRESHOLDS = {"balance_z": BALANCE_Z, "sim_z": SIM_Z, "min_extra_words": MIN_EXTRA_WORDS, "occ_gain": OCC_GAIN,
              "occ_echo": OCC_ECHO,
              "rest_z": REST_Z, "max_chunks": MAX_CHUNKS, "key_nouns": KEY_NOUNS_VERSION}

#: Where a phrase may begin: punctuation, and the words that open a phrase or clause (folded).
_OPENERS = {
    "en": r"and|or|but|in accordance with|pursuant to|according to|through|including|includes|with|for|by|which|"
          r"who|whose|that|as well as|in particular|particularly|especially|provided that|subject to|under|within|"
          r"in|on|from|to|at|without|between|among|against|via|where|when|if|unless|only|solely|of the|of",
    "es": r"y|e|o|u|pero|de conformidad con|conforme a|con arreglo a|a traves de|mediante|incluid[oa]s?|incluyendo|"
          r"con|para|por|que|el cual|la cual|los cuales|las cuales|cuy[oa]s?|asi como|en particular|particularmente|"
          r"especialmente|siempre que|con cargo a|sujet[oa]s? a|bajo|dentro de|en|desde|hasta|sin|sobre|entre|contra|"
          r"donde|cuando|si|salvo|solamente|solo|unicamente|exclusivamente|del|de la|de las|de los|de el",
}
_OPENER_RE = {k: re.compile(rf"(?<![\w-])(?:{v})(?![\w-])") for k, v in _OPENERS.items()}
_PUNCT = re.compile(r"[,;:()\[\]—–]")
_EDGE = " ,;:—–"


@dataclass(frozen=True)
class _Unit:
    """One aligned sentence pair (several sentences on a side when the DP grouped them) of a clause pair."""

    pair: AlignedPair
    en: tuple[Sentence, ...]
    es: tuple[Sentence, ...]
    score: float | None

    @property
    def one_to_one(self) -> bool:
        return len(self.en) == len(self.es) == 1


@dataclass(frozen=True)
class _Balance:
    """The document's own content-word balance (log ratio es/en) and sentence similarity."""

    median: float
    scale: float
    sim_median: float | None
    sim_scale: float

    def z(self, n_en: int, n_es: int) -> float:
        return (_ratio(n_en, n_es) - self.median) / self.scale

    def expected(self, n_other: int, side: str) -> float:
        """Content words the ``side`` sentence should have, given the other side's count."""
        return (n_other + 2) * math.exp(self.median) - 2 if side == "es" else (n_other + 2) / math.exp(self.median) - 2


def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    units = _units(pairs, ctx)
    balance = _balance(units)
    out: list[Finding] = []
    for u in units:
        found = _occlusion(u, balance, ctx) if ctx.encoder is not None and u.one_to_one else []
        out.extend(found)
        out.extend(_key_nouns(u, found))
    out.extend(_entities(units, glossary_of(ctx.glossary)))
    return out


# --- units ---------------------------------------------------------------------------------------------


def _sentences_of(nodes: Sequence) -> list[Sentence]:
    return [s for n in nodes for s in (n.sentences or (Sentence(n.text, n.start, n.end),))]


def _units(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[_Unit]:
    """Aligned sentence pairs of every two-sided clause pair (the encoder's DP; by position without one)."""
    out: list[_Unit] = []
    for p in pairs:
        if not (p.en and p.es):
            continue
        en_s, es_s = _sentences_of(p.en), _sentences_of(p.es)
        if len(en_s) == len(es_s) == 1:
            out.append(_Unit(p, (en_s[0],), (es_s[0],), p.score))
        elif ctx.encoder is not None:
            for sp in align_sentences(p, ctx.encoder, stats=ctx.align_stats):
                if sp.en and sp.es:
                    out.append(_Unit(p, sp.en, sp.es, sp.score))
        elif len(en_s) == len(es_s):
            out.extend(_Unit(p, (a,), (b,), None) for a, b in zip(en_s, es_s))
        else:
            out.append(_Unit(p, tuple(en_s), tuple(es_s), None))
    return out


def _ratio(n_en: int, n_es: int) -> float:
    return math.log((n_es + 2) / (n_en + 2))


def _robust(values: list[float], floor: float) -> tuple[float, float]:
    arr = np.asarray(values, dtype=np.float64)
    med = float(np.median(arr))
    return med, max(float(1.4826 * np.median(np.abs(arr - med))), floor)


def _balance(units: list[_Unit]) -> _Balance:
    """Median and spread of the content-word balance over the document's own 1-1 sentence pairs; a prior
    (balanced, slightly wider) for a text too short to have a distribution."""
    ones = [u for u in units if u.one_to_one]
    if len(ones) < MIN_PAIRS:
        return _Balance(0.0, FLOOR_SCALE * 1.2, None, SIM_FLOOR)
    ratios = [_ratio(len(content_words(u.en[0].text, "en")), len(content_words(u.es[0].text, "es"))) for u in ones]
    med, scale = _robust(ratios, FLOOR_SCALE)
    sims = [u.score for u in ones if u.score is not None]
    s_med, s_scale = _robust(sims, SIM_FLOOR) if len(sims) >= MIN_PAIRS else (None, SIM_FLOOR)
    return _Balance(med, scale, s_med, s_scale)


# --- occlusion -----------------------------------------------------------------------------------------


def _occlusion(u: _Unit, balance: _Balance, ctx: CheckContext) -> list[Finding]:
    """The chunk of the longer side whose removal restores the similarity, when the balance is off."""
    en, es = u.en[0], u.es[0]
    n_en, n_es = len(content_words(en.text, "en")), len(content_words(es.text, "es"))
    z = balance.z(n_en, n_es)
    low_sim = (u.score is not None and balance.sim_median is not None
               and (u.score - balance.sim_median) / balance.sim_scale <= SIM_Z)
    if abs(n_es - n_en) < MIN_EXTRA_WORDS or not (abs(z) >= BALANCE_Z or (low_sim and abs(z) >= REST_Z)):
        return []
    side = "es" if z > 0 else "en"
    long, short = (es, en) if side == "es" else (en, es)
    n_long, n_short = (n_es, n_en) if side == "es" else (n_en, n_es)
    extra = max(1, round(n_long - balance.expected(n_short, side)))
    cands = _chunks(long.text, side, extra)
    if not cands:
        return []
    texts = [embed_text(short.text), embed_text(long.text)] + [embed_text(_remove(long.text, a, b)) for a, b, _ in cands]
    vecs = encode_texts(ctx.encoder, texts)  # type: ignore[arg-type]
    gains = vecs[2:] @ vecs[0] - float(vecs[1] @ vecs[0])
    best = int(np.argmax(gains))
    if gains[best] < OCC_GAIN:
        return []
    a, b, _ = cands[best]
    # the smallest chunk inside the best one that keeps most of its gain names the words exactly
    inner = [k for k, (x, y, _) in enumerate(cands) if a <= x and y <= b and gains[k] >= max(OCC_GAIN, INNER_SHARE * gains[best])]
    k = min(inner, key=lambda k: (cands[k][2], -gains[k]))
    a, b, n = cands[k]
    rest_n = n_long - n
    rest_z = balance.z(n_short, rest_n) if side == "es" else balance.z(rest_n, n_short)
    if abs(rest_z) > max(REST_Z, abs(z) - 1.0) and abs(rest_z) > REST_Z:
        return []
    while a < b and long.text[a] in _EDGE:
        a += 1
    while b > a and long.text[b - 1] in _EDGE:
        b -= 1
    if _echo(long.text[a:b], short.text, "en" if side == "es" else "es", n, ctx) >= OCC_ECHO:
        return []
    severity = severity_for(u.pair.kind) if n >= MAJOR_WORDS else "minor"
    return [_phrase_finding(u, side, long.start + a, long.start + b, long.text[a:b], severity,
                            f"similarity {float(vecs[1] @ vecs[0]):.2f} → {float(vecs[1] @ vecs[0] + gains[k]):.2f} without it")]


def _echo(chunk: str, other: str, other_lang: str, n: int, ctx: CheckContext) -> float:
    """How well the other sentence renders the chunk after all: its best phrase of about the chunk's size
    (or the whole sentence, for a short one), by similarity to the chunk alone."""
    phrases = [other[a:b] for a, b, _ in _chunks(other, other_lang, n)] or [other]
    vecs = encode_texts(ctx.encoder, [embed_text(chunk)] + [embed_text(p) for p in phrases])  # type: ignore[arg-type]
    return float(np.max(vecs[1:] @ vecs[0]))


def _chunks(text: str, lang: str, extra: int) -> list[tuple[int, int, int]]:
    """Candidate chunks ``(start, end, content words)``: runs between phrase boundaries of about the size
    the balance predicts (half to twice ``extra``, never most of the sentence), closest size first."""
    folded = fold(text)
    end = len(text.rstrip().rstrip(".;:"))
    cuts = {0, end}
    for m in _PUNCT.finditer(text):
        cuts.update((m.start(), m.end()))
    cuts.update(m.start() for m in _OPENER_RE[lang].finditer(folded))
    bounds = sorted(c for c in cuts if c <= end)
    words = content_words(text, lang)
    starts = [w[0] for w in words]
    out = []
    for i, a in enumerate(bounds):
        for b in bounds[i + 1:]:
            n = sum(1 for s in starts if a <= s < b)
            if n < max(1, extra / 2) or n > 2 * extra + 1 or n > 0.6 * len(words):
                continue
            if text[a:b].strip(_EDGE):
                out.append((a, b, n))
    out.sort(key=lambda c: (abs(c[2] - extra), c[0]))
    return out[:MAX_CHUNKS]


def _remove(text: str, a: int, b: int) -> str:
    """``text`` without ``[a, b)``, punctuation tidied (no doubled commas, no space before a comma)."""
    rest = re.sub(r"\s+", " ", text[:a] + " " + text[b:])
    rest = re.sub(r"\s+([,;:.)])", r"\1", rest)
    return re.sub(r"([,;:])\s*([,;:.])", r"\2", rest).strip()


# --- key nouns -----------------------------------------------------------------------------------------


def _key_nouns(u: _Unit, found: list[Finding]) -> list[Finding]:
    """Key nouns of one side that the other side's sentence renders with no form of their family."""
    both = {side: [(s, h) for s in sents for h in key_nouns(s.text, side, answers_too=True)]
            for side, sents in (("en", u.en), ("es", u.es))}
    keys = {side: {h.key for _, h in hs} for side, hs in both.items()}
    hits = {side: [(s, h) for s, h in hs if h.key not in ANSWER_ONLY] for side, hs in both.items()}
    covered = [(f.en_span or f.es_span) for f in found]
    texts = {side: fold(" ".join(s.text for s in sents)) for side, sents in (("en", u.en), ("es", u.es))}
    out = []
    for side, other in (("en", "es"), ("es", "en")):
        runs: list[tuple[Sentence, int, int, list[str]]] = []  # sentence, start, end (in it), concepts
        seen: set[str] = set()
        spans: dict[tuple[int, int, int], list[str]] = {}  # a word several concepts read ('niños': boys, children)
        for s, h in hits[side]:
            spans.setdefault((id(s), h.start, h.end), []).append(h.key)
        for s, h in hits[side]:
            start = s.start + h.start
            group = spans.get((id(s), h.start, h.end))
            if group is None:
                continue  # already handled with the first concept of its span
            del spans[(id(s), h.start, h.end)]
            if any(answered(k, keys[other]) for k in group) or h.key in seen or any(c and c[0] <= start < c[1] for c in covered):
                continue
            if _kept_name(s.text, h.start, h.end, texts[other]):
                continue  # 'World Cancer Research Fund' left in English: the name is there, untranslated
            seen.update(group)
            if runs and runs[-1][0] is s and _adjacent(s.text[runs[-1][2]:h.start]):
                runs[-1] = (s, runs[-1][1], max(runs[-1][2], h.end), runs[-1][3] + [h.key])
            elif not (runs and runs[-1][0] is s and h.start < runs[-1][2]):
                runs.append((s, h.start, h.end, [h.key]))
        clause = None
        for s, a, b, concepts in runs:
            expected = ", ".join(KEY_NOUNS[k].label(other) for k in concepts)
            if clause is None:
                nodes = u.pair.es if other == "es" else u.pair.en
                clause = {h.key for h in key_nouns(" ".join(n.text for n in nodes), other, answers_too=True)}
            # named elsewhere in the other side's clause: most often a pronoun there ('the work of women' ↔
            # 'está en sus manos' after 'La mujer es protagonista…'), so a note, not a loss
            sev = "minor" if any(answered(k, clause) for k in concepts) else severity_for(u.pair.kind)
            out.append(_phrase_finding(u, side, s.start + a, s.start + b, s.text[a:b], sev, None, expected=expected))
    return out


_NAME_RUN = re.compile(r"(?:[A-ZÁÉÍÓÚÑ][\w’'-]*(?:\s+(?:of|for|on|the|de|del|la|las|los|para)(?=\s+[A-ZÁÉÍÓÚÑ]))?\s*)+")


def _kept_name(text: str, a: int, b: int, other_folded: str) -> bool:
    """Is the key noun at ``[a, b)`` a word of a name of two or more capitalised words that the other side
    writes as it is (a foreign body's name kept untranslated)?"""
    for m in _NAME_RUN.finditer(text):
        if m.start() <= a and b <= m.end():
            run = m.group(0).strip()
            return sum(w[:1].isupper() for w in run.split()) >= 2 and written_in(run, other_folded)
    return False


def _adjacent(gap: str) -> bool:
    """Key nouns one phrase apart ('comunidades indígenas y rurales'): report them as one."""
    return len(gap) <= 12 and not re.search(r"[.;:()]", gap) and len(gap.split()) <= 2


# --- entities per sentence -----------------------------------------------------------------------------

_ENTITY_TYPES = ("place", "institution")


def _entities(units: list[_Unit], gloss: Glossary) -> list[Finding]:
    """A place or institution swapped for another inside one aligned sentence, where both are named
    elsewhere in the clause on both sides (so the clause-level sets, all the names rule sees, agree)."""
    memo: dict[tuple[str, str], list[Match]] = {}

    def names(text: str, side: str) -> list[Match]:
        if (text, side) not in memo:
            memo[(text, side)] = [m for m in gloss.find(text, side) if m.concept.type in _ENTITY_TYPES]
        return memo[(text, side)]

    clause_sets: dict[int, dict[str, set[int]]] = {}
    out = []
    for u in units:
        key = id(u.pair)
        if key not in clause_sets:
            clause_sets[key] = {side: {m.concept.id for s in _sentences_of(nodes) for m in names(s.text, side)}
                                for side, nodes in (("en", u.pair.en), ("es", u.pair.es))}
        clause = clause_sets[key]
        found = {side: [(s, m) for s in sents for m in names(s.text, side)] for side, sents in (("en", u.en), ("es", u.es))}
        count = {side: Counter(m.concept.id for _, m in ms) for side, ms in found.items()}
        # mentions one side has more often than the other, in this sentence ('the Netherlands … through the
        # Government of the United Kingdom' ↔ 'Países Bajos … a través del Gobierno de los Países Bajos')
        surplus = {side: count[side] - count[other] for side, other in (("en", "es"), ("es", "en"))}
        extra = [(t, x) for t, x in found["es"] if surplus["es"][x.concept.id] > 0 and x.concept.id in clause["en"]]
        extra = extra[::-1]  # a repeated name: the later mention is the one put in place of the other
        for s, m in found["en"]:
            c = m.concept
            if surplus["en"][c.id] <= 0 or c.id not in clause["es"]:
                continue
            twins = [(t, x) for t, x in extra if x.concept.type == c.type]
            if not twins:
                continue
            t, x = min(twins, key=lambda tx: abs(_where(tx[0], tx[1], u.es) - _where(s, m, u.en)))
            extra.remove((t, x))
            surplus["en"][c.id] -= 1
            surplus["es"][x.concept.id] -= 1
            extra = [(a, b) for a, b in extra if surplus["es"][b.concept.id] > 0]
            out.append(_entity_finding(u, s, m, t, x))
    return out


def _where(s: Sentence, m: Match, sents: tuple[Sentence, ...]) -> float:
    """Relative position of a mention in the unit's text (0 = start, 1 = end)."""
    first, last = sents[0].start, sents[-1].end
    return (s.start + m.start - first) / max(1, last - first)


def _entity_finding(u: _Unit, s: Sentence, m: Match, t: Sentence, x: Match) -> Finding:
    institution = m.concept.type == "institution"
    what, what_es = ("Institution", "La institución") if institution else ("Place", "El lugar")
    expected = " / ".join(m.concept.es[:3])
    return Finding(
        kind="name",
        severity="critical" if institution else "major",
        en_id=u.pair.en_id,
        es_id=u.pair.es_id,
        en_text=m.text,
        es_text=x.text,
        en_span=(s.start + m.start, s.start + m.end),
        es_span=(t.start + x.start, t.start + x.end),
        message=(f"{what} '{m.text}' is rendered as '{x.text}' in this sentence ({x.concept.label}); both are named "
                 f"elsewhere in the clause, but here the Spanish names the other one (expected '{expected}')"),
        message_es=(f"{what_es} '{x.text}' ({x.concept.label}) no corresponde a '{m.text}' del inglés en esta oración; "
                    f"ambos se mencionan en la cláusula, pero aquí el español nombra el otro (se esperaba '{expected}')"),
        check=CHECK,
    )


# --- findings ------------------------------------------------------------------------------------------


def _phrase_finding(u: _Unit, side: str, start: int, end: int, words: str, severity: str, why: str | None,
                    *, expected: str | None = None) -> Finding:
    """An added (Spanish side) or omitted (English side) phrase, with its exact words."""
    k = u.pair.kind
    quote = words if len(words) <= 120 else words[:117] + "…"
    other_id = u.pair.en_id if side == "es" else u.pair.es_id
    ref = "" if not other_id or other_id == k else f" ({other_id})"
    how = f" ({why})" if why else ""
    how_es = f" ({why.replace('similarity', 'similitud').replace('without it', 'sin ella')})" if why else ""
    if side == "es":
        kind = "phrase_addition"
        exp_en = f"; the English would need '{expected}'" if expected else ""
        exp_es = f"; el inglés tendría que decir '{expected}'" if expected else ""
        msg = f"The Spanish {named(k, u.pair.es_id)} adds words with no counterpart in the English{ref}: “{quote}”{how}{exp_en}"
        msg_es = (f"{named(k, u.pair.es_id, 'es', article=True).capitalize()} en español añade palabras sin equivalente en "
                  f"el inglés{ref}: “{quote}”{how_es}{exp_es}")
    else:
        kind = "phrase_omission"
        exp_en = f"; expected '{expected}'" if expected else ""
        exp_es = f"; se esperaba '{expected}'" if expected else ""
        msg = f"The Spanish {named(k, u.pair.es_id)} leaves out words of the English{ref}: “{quote}”{how}{exp_en}"
        msg_es = (f"{named(k, u.pair.es_id, 'es', article=True).capitalize()} en español omite palabras del inglés{ref}: "
                  f"“{quote}”{how_es}{exp_es}")
    return Finding(
        kind=kind,
        severity=severity,
        en_id=u.pair.en_id,
        es_id=u.pair.es_id,
        en_text=words if side == "en" else None,
        es_text=words if side == "es" else None,
        en_span=(start, end) if side == "en" else None,
        es_span=(start, end) if side == "es" else None,
        message=msg,
        message_es=msg_es,
        check=CHECK,
    )
