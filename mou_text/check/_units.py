"""``check(ParallelDocument)``: check a CAT file's units as the file pairs them, never re-aligned.

In a TMX or an XLIFF the unit *is* the alignment: the translator's tool paired each source with its
target, so the checker trusts every pair (``AlignedPair.of_clause_pair``), keeps the unit ids as
written, and runs the rules unit by unit. What a CAT file adds is read from ``ClausePair.meta``
(``mou_text.interchange`` fills it): the state and approval the tool records (``--skip-state``
filters on them; locked units are skipped), notes, and the inline codes, which the ``tags`` rule
compares while every other rule reads the text with its placeholders masked (same length, so every
span is exact). Three things are decided here, before any rule runs, because they are about the
unit rather than its words:

* an **empty target** and an **untranslated** unit (target = source, unless the text is the same in
  both languages by nature: a number, an acronym, a name, "No", "Español") are their own findings,
  not omissions of a clause;
* a file whose sources are **message keys** (``currency.caption``, as Symfony and many web apps
  export) has no English to compare: it is reported once, and its key units are not checked;
* the similarity of each pair (one encoder call for both sides of every unit) gives the file's own
  distribution, which the semantic rule and the sentence check read as the aligner's statistics.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from types import ModuleType
from typing import Any

import numpy as np

from ..align import AlignedPair, ClausePair, ParallelDocument, embed_text, encode_texts, robust_stats
from ..document import Document, Node, Sentence
from ..lang import LANG_NAMES, fold, is_word
from ._finding import CheckContext, Finding
from .rules.tags import mask, text_codes

#: Rules that compare the units of the whole file (run once); every other rule reads one unit at a time.
WHOLE_FILE_RULES = frozenset({"terms", "semantic", "consistency"})
#: Units checked per step of the per-unit rules (the progress bar moves by this much).
CHUNK = 200
#: A file is "keyed" when at least this share of its sources are message keys.
KEY_SHARE = 0.5
#: A message key: identifier-like pieces joined by dots, colons or slashes, no space (``a.b_c``).
KEY = re.compile(r"^[A-Za-z_][\w\-]*(?:[.:/][\w\-]*[A-Za-z_][\w\-]*)+$")
_WORD = re.compile(r"[^\W\d_]+")


#: gettext's credit keys: the target lists the translators, names, e-mails and years, not a translation
#: (GNOME 'translator-credits', older 'translator_credits', KDE's 'Your names' / 'Your emails').
CREDIT_KEYS = frozenset({"translator-credits", "translator_credits", "your names", "your emails"})


#: A key of one identifier: camelCase ``noInformation``, PascalCase ``ForgotPassword``, and lower-case
#: words joined by three or more hyphens or underscores ``email-password-reset-content``.
ONE_WORD_KEY = re.compile(r"^(?:[a-z]+(?:[A-Z][a-z0-9]+)+|(?:[A-Z][a-z0-9]+){2,}[A-Z]?[a-z0-9]*|[a-z0-9]+(?:[-_][a-z0-9]+){2,})$")
#: Symfony's extractor marks a message with no translation by repeating it after this prefix.
MISSING_PREFIX = "__"


def is_key(text: str) -> bool:
    """A message key rather than text: ``currency.iso_code.caption``, ``tfa.code.trusted_pc``,
    ``translator-credits``, ``noInformation``, ``email-password-reset-content`` (a unit's own key
    beside real sources, as Symfony extracts write them: never read as English)."""
    if text.strip().lower() in CREDIT_KEYS:
        return True
    if ONE_WORD_KEY.match(text.strip()):
        return True
    return bool(KEY.match(text)) and not re.search(r"\.(com|org|net|html?|pdf|png|jpe?g)$", text, re.IGNORECASE)


def identical_by_nature(text: str, source: str, target: str) -> bool:
    """Whether a text may stand unchanged in both languages: a number, a code, an acronym, a name or
    a title-case product name ("Stack Overflow", "Angular Signals"), or a single word ("No",
    "Español", "Total", "Blog"). Two or more common lower-case words of the source language left as
    they were ("avatar image", "The budget is reviewed…") are an untranslated phrase. A single
    word cannot be judged offline: the word-frequency tables list "cancel" and "total" in both
    languages, and a file's state does not help (Angular marks every unit ``new``)."""
    common = [w for w in _WORD.findall(mask(text)) if len(w) > 1 and w.islower() and is_word(w, source)]
    return len(common) < 2


def units_table(par: ParallelDocument, skip_states: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
    """Per unit: its CAT metadata, all its codes (XML codes and placeholders in the text) and what
    the checker does with it (``status``: checked, skipped, locked, key, empty, untranslated)."""
    skip = {s.strip().lower() for s in skip_states if s.strip()}
    out: dict[str, dict[str, Any]] = {}
    keys = [p for p in par.pairs if _source_text(p) and is_key(_source_text(p) or "")]
    keyed = len(keys) >= KEY_SHARE * len(par.pairs)
    for p in par.pairs:
        meta = dict(p.meta or {})
        src = meta.get("source") or ("en" if p.en is not None else "es")
        tgt = "es" if src == "en" else "en"
        s_node, t_node = (p.en, p.es) if src == "en" else (p.es, p.en)
        codes = {lang: list((meta.get("codes") or {}).get(lang, [])) for lang in ("en", "es")}
        for lang, node in (("en", p.en), ("es", p.es)):
            if node is not None:
                codes[lang] = sorted(codes[lang] + text_codes(node.text), key=lambda c: c["pos"])
        state = (meta.get("state") or "").lower()
        qualifier = (meta.get("state_qualifier") or "").lower()
        if meta.get("locked"):
            status = "locked"
        elif skip and (state in skip or qualifier in skip or ("approved" in skip and meta.get("approved"))):
            status = "skipped"
        # a key is never read as English ('user.not_valid_password' beside real strings in a Symfony
        # extract); in a keyed file, a unit whose source repeats its name is a key too
        elif s_node is not None and (is_key(s_node.text) or (keyed and s_node.text == meta.get("name"))):
            status = "key"
        elif t_node is None:
            status = "empty"
        elif s_node is not None and fold(" ".join(s_node.text.split())) == fold(" ".join(t_node.text.removeprefix(MISSING_PREFIX).split())) \
                and (t_node.text.startswith(MISSING_PREFIX) or not identical_by_nature(s_node.text, src, tgt)):
            status = "untranslated"  # the source left as it was, or behind Symfony's '__' (no translation yet)
        else:
            status = "checked"
        out[p.id] = {
            "state": meta.get("state"),
            "state_qualifier": meta.get("state_qualifier"),
            "approved": meta.get("approved"),
            "locked": bool(meta.get("locked")),
            "notes": list(meta.get("notes") or []),
            "source": src,
            "codes": codes,
            "status": status,
        }
    return out


def _source_text(p: ClausePair) -> str | None:
    src = (p.meta or {}).get("source", "en")
    node = p.en if src == "en" else p.es
    return node.text if node is not None else None


def masked(doc: Document, keep: set[str]) -> Document:
    """The document with placeholders masked (same length) and only the units in ``keep``."""
    chars = list(doc.text)
    nodes = []
    for n in doc.nodes:
        text = mask(n.text)
        if text != n.text:
            chars[n.start : n.end] = text
        if n.id in keep:
            sents = tuple(Sentence(text[s.start - n.start : s.end - n.start], s.start, s.end) for s in n.sentences)
            nodes.append(replace(n, text=text, sentences=sents))
    return Document(doc.lang, "".join(chars), tuple(nodes), doc.source, dict(doc.metadata))


def similarities(pairs: Sequence[tuple[Node, Node]], encoder: Any) -> list[float]:
    """Cosine similarity of each (English, Spanish) pair: both sides of every unit in one call."""
    if not pairs:
        return []
    texts = sorted({embed_text(n.text) for pair in pairs for n in pair})
    vecs = encode_texts(encoder, texts)
    at = {t: k for k, t in enumerate(texts)}
    return [float(np.dot(vecs[at[embed_text(a.text)]], vecs[at[embed_text(b.text)]])) for a, b in pairs]


def run_units(
    par: ParallelDocument,
    modules: Sequence[tuple[str, ModuleType]],
    *,
    glossary: Any,
    encoder: Any,
    skip_states: Iterable[str] = (),
    progress: bool | None = None,
) -> tuple[list[Finding], list[AlignedPair], dict[str, dict[str, Any]], Any]:
    """Findings, the trusted pairs (original text), the unit table and the file's similarity stats."""
    units = units_table(par, skip_states)
    checked = [p for p in par.pairs if units[p.id]["status"] == "checked" and p.en is not None and p.es is not None]
    keep = {p.id for p in checked}
    en_doc, es_doc = masked(par.en, keep), masked(par.es, keep)
    m_pairs = [(en_doc[p.id], es_doc[p.id]) for p in checked]
    show = sys.stderr.isatty() if progress is None else progress
    bar = _bar(len(checked) + 1, show)
    sims = similarities(m_pairs, encoder)
    bar.update(1)
    stats = robust_stats(sims)
    pairs = [AlignedPair((a,), (b,), "1-1", p.method, s) for p, (a, b), s in zip(checked, m_pairs, sims)]
    ctx = CheckContext(en_doc=en_doc, es_doc=es_doc, glossary=glossary, encoder=encoder, align_stats=stats, options={"units": units, "unit_mode": True})
    findings: list[Finding] = []
    per_unit = [(n, m) for n, m in modules if n not in WHOLE_FILE_RULES]
    for k in range(0, len(pairs), CHUNK):
        chunk = pairs[k : k + CHUNK]
        for _, mod in per_unit:
            findings.extend(mod.check(chunk, ctx))
        bar.update(len(chunk))
    for name, mod in modules:
        if name in WHOLE_FILE_RULES:
            findings.extend(mod.check(pairs, ctx))
    bar.close()
    findings.extend(unit_findings(par, units))
    originals = [AlignedPair.of_clause_pair(p) for p in par.pairs]
    sim_of = {p.en[0].id: p.score for p in pairs}
    originals = [replace(p, score=sim_of.get(p.en_id or "", p.score)) for p in originals]
    return findings, originals, units, stats


def _bar(total: int, show: bool) -> Any:
    if not show:
        return _NoBar()
    from tqdm.auto import tqdm

    return tqdm(total=total, desc="check", unit="unit", file=sys.stderr, leave=False)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def close(self) -> None:
        pass


def unit_findings(par: ParallelDocument, units: Mapping[str, Mapping[str, Any]]) -> list[Finding]:
    """Untranslated and empty units, and one note for a file whose sources are message keys."""
    out = []
    n_key = 0
    example = None
    for p in par.pairs:
        status = units[p.id]["status"]
        if status == "key":
            n_key += 1
            example = example or p
            continue
        if status not in ("empty", "untranslated"):
            continue
        src = units[p.id]["source"]
        tgt = "es" if src == "en" else "en"
        node = p.en if src == "en" else p.es
        assert node is not None
        if status == "empty":
            msg = f"Unit {p.id} has no {LANG_NAMES[tgt]} text: the target is empty."
            msg_es = f"La unidad {p.id} no tiene texto en {_ES[tgt]}: la traducción está vacía."
        else:
            msg = f"Unit {p.id} is not translated: the {LANG_NAMES[tgt]} text repeats the {LANG_NAMES[src]} source."
            msg_es = f"La unidad {p.id} no está traducida: el texto en {_ES[tgt]} repite el original en {_ES[src]}."
        spans = {"en": (p.en.start, p.en.end) if p.en else None, "es": (p.es.start, p.es.end) if p.es else None}
        out.append(
            Finding(
                kind="empty_target" if status == "empty" else "untranslated",
                severity="major",
                en_id=p.id if p.en else None,
                es_id=p.id if p.es else None,
                en_text=p.en.text if p.en else None,
                es_text=p.es.text if p.es else None,
                en_span=spans["en"],
                es_span=spans["es"],
                message=msg,
                message_es=msg_es,
                check="units",
            )
        )
    if n_key and example is not None:
        key = _source_text(example)
        out.insert(
            0,
            Finding(
                kind="source_keys",
                # most of the file unchecked is major; a few key units beside English strings are minor
                severity="major" if n_key >= KEY_SHARE * len(par.pairs) else "minor",
                en_id=None,
                es_id=None,
                en_text=key,
                es_text=None,
                en_span=None,
                es_span=None,
                message=(
                    f"{n_key} of {len(par.pairs)} units have a message key as their source (e.g. “{key}”), not English text, "
                    "so they were not checked: export the file with the English strings as source."
                ),
                message_es=(
                    f"{n_key} de {len(par.pairs)} unidades tienen como original una clave de mensaje (p. ej., «{key}»), no texto en inglés, "
                    "por lo que no se verificaron: exporte el archivo con las cadenas en inglés como original."
                ),
                check="units",
            ),
        )
    return out


_ES = {"en": "inglés", "es": "español"}
