"""Sentence splitting tuned for legal text, on spaCy's blank English/Spanish tokenizers.

No trained spaCy pipeline installs for current spaCy, and a statistical parser would be overkill for
clause-sized inputs anyway. A blank tokenizer plus a rule set is fast and predictable: a sentence
ends at ``. ! ? …`` followed by a capital, a digit or opening punctuation; abbreviations common in
agreements (``D.C.``, ``U.S.``, ``No.``, ``Art.``, ``Sra.``, ``EE.UU.``) are tokenizer exceptions and
so never end one; ``;`` never ends one, so a list entry stays one clause.

The tokenizer is spaCy's, run by ``_tokenizer`` (the same algorithm and rules in plain Python), so
parsing never imports spaCy: that import alone took 3-5 s, several times a whole parse.
``nlp_for`` still builds the spaCy pipeline, for tests that hold the two to the same boundaries.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..document import Sentence
from ._tokenizer import Tokenizer, tokenizer_for

if TYPE_CHECKING:
    from spacy.language import Language

#: Abbreviations that end in a period but not a sentence, for both languages (texts mix them).
ABBREVIATIONS = (
    "D.C. U.S. U.S.A. U.K. U.N. E.U. No. Nos. Art. Arts. art. arts. Sec. Secs. sec. para. paras. "
    "p. pp. e.g. i.e. etc. et al. cf. viz. vs. v. Mr. Mrs. Ms. Dr. Prof. Hon. Amb. Gen. Gov. Sen. Rep. "
    "Inc. Ltd. Co. Corp. Jr. Sr. St. Ave. Dept. approx. min. max. Jan. Feb. Mar. Apr. Jun. Jul. Aug. "
    "Sept. Sep. Oct. Nov. Dec. a.m. p.m. "
    "Sra. Sras. Srta. Sres. Lic. Licda. Ing. Dra. Mtro. Mtra. Arq. Núm. núm. Nro. nro. fracc. Fracc. "
    "pág. págs. Av. Avda. Col. C.P. Edo. Méx. EE.UU. EE. UU. S.A. C.V. S.C. A.C. Cía. Depto. aprox. "
    "Admón. Gob. Sec. Secr. Ud. Uds. Vd. Dña. Dn. Pdte. Pres. Cap. inc. Inc. ej. p.ej. Mich. Gto. "
    "Qro. Jal. Chih. Oax. Chis. Gro. Pue. Ver. Yuc. Tamps. Coah. Son. Sin. Dgo. Zac. Hgo. Tlax. Mor."
).split()

_ENDERS = {".", "!", "?", "…", "...", "?!", "!?"}
#: A spaCy-style tokenizer peels prefixes and suffixes off a whitespace-free chunk one at a time, copying
#: the rest each time: quadratic in the chunk's length (20 KB of '>' took 53 s). No word of an
#: agreement comes near this length (URLs included), so longer runs are tokenized with a space every
#: ``_CHUNK`` characters, in a same-length copy: offsets and sentence text still come from the text.
_LONG_RUN = re.compile(r"\S{128,}")
_CHUNK = 64
_CLOSERS = {'"', "'", "”", "’", "»", ")", "]"}


@lru_cache(maxsize=4)
def tokenizer(lang: str) -> Tokenizer:
    """The blank tokenizer of ``lang`` with the legal abbreviations as special cases (no spaCy import)."""
    tok = tokenizer_for(lang)
    for abbr in ABBREVIATIONS:
        tok.add_special_case(abbr)
    return tok


@lru_cache(maxsize=4)
def nlp_for(lang: str) -> Language:
    """The same tokenizer as a spaCy pipeline (imports spaCy; the reference ``tokenizer`` is held to)."""
    import spacy
    from spacy.attrs import ORTH

    nlp = spacy.blank(lang)
    for abbr in ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    return nlp


def split(texts: list[str], lang: str, offsets: list[int] | None = None) -> list[tuple[Sentence, ...]]:
    """Sentences of each text; ``offsets`` shift each text's spans into the enclosing document."""
    tok = tokenizer(lang)
    out: list[tuple[Sentence, ...]] = []
    for i, text in enumerate(texts):
        base = offsets[i] if offsets is not None else 0
        spans: list[tuple[int, int]] = []
        start = 0
        tokens = tok(_breakable(text))  # the same-length copy: offsets still index text
        j = 0
        while j < len(tokens):
            if tokens[j][0] in _ENDERS:
                k = j + 1
                while k < len(tokens) and tokens[k][0] in _CLOSERS:
                    k += 1
                if k < len(tokens) and _starts_sentence(tokens[k][0]):
                    last, last_idx = tokens[k - 1]
                    spans.append((start, last_idx + len(last)))
                    start = tokens[k][1]
                j = k
                continue
            j += 1
        spans.append((start, len(text.rstrip())))
        out.append(
            tuple(
                Sentence(text[a:b], base + a, base + b)
                for a, b in (_strip(text, a, b) for a, b in spans)
                if b > a
            )
        )
    return out


def _breakable(text: str) -> str:
    """``text`` with every overlong whitespace-free run cut by spaces, at the same length."""
    if len(text) < 128:
        return text
    return _LONG_RUN.sub(lambda m: "".join(" " if k % _CHUNK == _CHUNK - 1 else ch for k, ch in enumerate(m.group())), text)


def _starts_sentence(token: str) -> bool:
    first = token[0]
    return first.isupper() or first.isdigit() or first in "¿¡\"“«('‘["


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
