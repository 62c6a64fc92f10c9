"""The structural parser: markup text in, a :class:`Document` with stable clause ids out.

Three passes, each simple on its own:

1. **Blocks.** Lines are grouped into blocks (paragraphs, list entries, headings) and each block is
   described by its markup: heading level, bullet, enumerator, whole-block emphasis, clean lines.
   Styling is read but never trusted alone, because converted texts mix styles freely (the signed
   MOU has ``**SECTION 1  \\nObjective**``, ``## **SECTION 2**`` + ``### **Scope…**`` and
   ``**SECTION 4**  \\n**General Provisions**``): a heading is recognised by what it says.
2. **Roles.** Each block gets a role (title, preamble, recital, section heading, sub-heading, item,
   bullet, paragraph, closing, signature) from its content and its neighbours.
3. **Ids and text.** A state machine walks the roles, keeps the current section and area, and names
   each node by structure only (``recital.3``, ``s2.item.iv``, ``s3.iii.bullet.2``, ``s4.p1``), so
   two faithful translations get the same ids. The clean text is assembled as it goes, so offsets are
   exact by construction.
"""

from __future__ import annotations

import os
from typing import Literal

from ..document import Document, Node, Sentence
from ..errors import ConfigError, LanguageMismatchError, UnsupportedLanguageError, warn_mismatch
from ..lang import LANG_NAMES, Detection, detect, split_sentences
from ..readers import RawText, read
from ..signature import Signature
from ._blocks import blocks_of
from ._build import build
from ._roles import assign_roles

LANGS = ("en", "es")


# -- the public entry point -------------------------------------------------------------------------------
def parse(
    source: str | os.PathLike[str] | bytes,
    lang: str | None = None,
    *,
    on_mismatch: Literal["raise", "warn"] = "raise",
    max_bytes: int | None = None,
    max_pages: int | None = None,
) -> Document:
    """Parse an agreement (a path, a string of text or markdown, or bytes) into a :class:`Document`.

    ``lang`` is ``'en'``, ``'es'`` or ``None`` (detect offline). An explicit ``lang`` that the text
    clearly contradicts raises :class:`LanguageMismatchError` (or warns, with ``on_mismatch='warn'``),
    because a Spanish file parsed as English silently breaks every later comparison.
    """
    if lang is not None:
        lang = check_lang(lang)
    if on_mismatch not in ("raise", "warn"):
        raise ConfigError("on_mismatch", f"{on_mismatch!r} is not a choice", "use 'raise' or 'warn'", code="E245")
    raw = read(source, max_bytes=max_bytes, **({"max_pages": max_pages} if max_pages is not None else {}))
    return parse_raw(raw, lang, on_mismatch=on_mismatch)


def parse_raw(raw: RawText, lang: str | None, *, on_mismatch: str = "raise") -> Document:
    blocks = assign_roles(blocks_of(raw.text))
    text, nodes = build(blocks)
    name = f"file '{raw.source}'" if raw.source else "the input text"
    detection = detect(text or raw.text)
    lang = _resolve_lang(lang, detection, name, raw.source, on_mismatch)
    skips = [_run_in_length(n) for n in nodes]
    sentences = split_sentences([n.text[k:] for n, k in zip(nodes, skips)], lang, [n.start + k for n, k in zip(nodes, skips)])
    final = tuple(
        Node(n.id, n.kind, n.section, n.area, n.text, n.start, n.end, sents if n.kind not in _ONE_SENTENCE else _whole(n), n.label, n.title)
        for n, sents in zip(nodes, sentences)
    )
    metadata = {
        "format": raw.format,
        "encoding": raw.encoding,
        "detected_lang": detection.lang,
        "lang_confidence": round(detection.confidence, 4),
        "signature": Signature.of("parse", parser="structural-v1", lang=lang),
    }
    return Document(lang=lang, text=text, nodes=final, source=raw.source, metadata=metadata)


_ONE_SENTENCE = {"title", "heading", "signature"}


def _run_in_length(n: Node) -> int:
    """Characters of a run-in title ("No endorsement. ") that open the node: a title, not a sentence,
    so it is left out of the node's sentences (0 when the node has none, or is nothing but its title)."""
    if n.kind in _ONE_SENTENCE or not n.title or not n.text.startswith(n.title):
        return 0
    k = len(n.title)
    if n.text[k : k + 1] != ".":
        return 0
    rest = n.text[k + 1 :]
    return k + 1 + (len(rest) - len(rest.lstrip())) if rest.strip() else 0


def _whole(n: Node) -> tuple:
    return (Sentence(n.text, n.start, n.end),)


def check_lang(lang: str) -> str:
    code = lang.strip().lower()
    code = {"english": "en", "spanish": "es", "español": "es", "espanol": "es", "eng": "en", "spa": "es"}.get(code, code)
    if code not in LANGS:
        raise ConfigError("lang", f"{lang!r} is not a supported language", "pass lang='en' or lang='es' (or None to detect)", code="E246")
    return code


def _resolve_lang(lang: str | None, det: Detection, name: str, path: str | None, on_mismatch: str) -> str:
    if lang is None:
        if det.lang is None:
            raise UnsupportedLanguageError(
                name,
                f"it has only {det.letters} letters, too few to tell English from Spanish",
                "pass lang='en' or lang='es' (CLI: --lang en|es)",
                path=path, code="E044",
            )
        if det.lang not in LANGS:
            raise UnsupportedLanguageError(
                name,
                f"it reads as {LANG_NAMES.get(det.lang, det.lang)} (confidence {det.confidence:.2f}), not English or Spanish",
                "pass the English or Spanish version of the agreement; if it really is one of them, pass lang='en' or lang='es'",
                path=path, code="E045",
            )
        return det.lang
    if det.confident and det.lang != lang:
        message = (
            f"{name}: it was passed as {LANG_NAMES[lang]} but reads as {LANG_NAMES.get(det.lang, det.lang)} "
            f"(confidence {det.confidence:.2f})"
        )
        fix = f"pass lang='{det.lang}' if that is right, or the {LANG_NAMES[lang]} file; use on_mismatch='warn' (CLI: --on-mismatch warn) to go on anyway"
        if on_mismatch == "warn":
            warn_mismatch(f"{message}. Fix: {fix}")
        else:
            raise LanguageMismatchError(name, message.split(": ", 1)[1], fix, path=path, code="E006")
    return lang
