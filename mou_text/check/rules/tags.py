"""Inline codes and placeholders: missing, extra, duplicated, reordered or malformed in the translation.

A CAT file carries the formatting and variables of the original as inline codes (XLIFF ``<x/>``,
``<ph>``, ``<g>``, ``<bpt>``/``<ept>``, ``<pc>``, ``<sc>``/``<ec>``, TMX ``<hi>``…, read by
``mou_text.interchange`` into ``ClausePair.meta["codes"]``) or as text: printf and ICU placeholders
(``%s``, ``%1$s``, ``{0}``, ``{{name}}``), markup escaped into the text (``<b>``) and OmegaT short
tags (``<t0/>``, ``<f1>…</f1>``). A translation that loses one breaks the software or the layout, so
the codes of both sides are compared as a multiset (missing, extra, duplicated) and in order (a
closing code before its opening code; standalone placeholders that swapped places). Paired codes
that move together with the words they format follow Spanish word order and are not reported.

:func:`text_codes` and :func:`mask` are what the unit runner uses so that no other rule reads a
code as text: every placeholder is replaced by spaces of the same length, so offsets stay exact and
``<f2>`` or ``%1$s`` never become the number 2 or 1.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ...align import AlignedPair
from ...lang import LANG_NAMES
from .._finding import CheckContext, Finding

CHECK = "tags"

#: Placeholders and markup written as text, most specific first.
TEXT_CODE = re.compile(
    r"\{\{\s*[\w.\-]+\s*\}\}"  # {{name}} (Angular, Handlebars, Jinja)
    r"|\$\{[\w.\-]+\}"  # ${name}
    r"|\{\d+\}|\{[A-Za-z_][\w.\-]*\}"  # {0}, {name} (ICU, .NET, Python)
    r"|(?<![\w%])%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[sdifuxXeEgGcp@]"  # %s %1$s %d %@ %ld
    r"|</?[A-Za-z][A-Za-z0-9]*(?:\s+[^<>]*?)?\s*/?>"  # <b>, </b>, <br/>, <t0/>, <f1>, <a href="…">
)
#: Severity of each kind: a lost or added code breaks the software or the layout (major); a code
#: repeated keeps everything and adds a copy (minor). Reordering is graded in :func:`_severity`.
_SEVERITY = {"missing_tag": "major", "extra_tag": "major", "duplicated_tag": "minor", "malformed_tag": "major"}
_OPENERS = {"bpt": "ept", "bx": "ex", "sc": "ec", "sm": "em", "g": "g", "pc": "pc", "hi": "hi", "mrk": "mrk"}

THRESHOLDS: dict[str, Any] = {}


#: An ICU select or plural: ``{VAR, select, key {sub-message} …}``; its sub-messages are text to translate.
_ICU_CHOICE = re.compile(r"\{\s*[\w.]+\s*,\s*(?:select|plural|selectordinal)\s*,")
_ICU_KEY_BEFORE = re.compile(r"(?:^|[\s,{}])=?[\w\-]+\s*$")


def _icu_bodies(text: str) -> list[tuple[int, int]]:
    """The spans of ICU select/plural constructs in ``text`` (to their matching brace)."""
    spans = []
    for m in _ICU_CHOICE.finditer(text):
        depth, i = 0, m.start()
        while i < len(text):
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            if depth == 0:
                break
            i += 1
        spans.append((m.end(), i))
    return spans


def text_codes(text: str) -> list[dict[str, Any]]:
    """Placeholders and markup written in the text, as codes (``tag`` ``text``) with their offsets.

    Inside an ICU select or plural, ``key {Language}`` is a case and its translated text ('Language
    {Idioma}'), not a placeholder: a braced word right after a case key is left out."""
    out = []
    icu = _icu_bodies(text) if "{" in text else []
    for m in TEXT_CODE.finditer(text):
        token = m.group()
        if token.startswith("{") and any(a <= m.start() < b for a, b in icu) and _ICU_KEY_BEFORE.search(text, 0, m.start()):
            continue
        role = "close" if token.startswith("</") else "open" if token.startswith("<") and not token.endswith("/>") and _is_paired_html(token) else "standalone"
        out.append({"tag": "text", "id": _canonical(token), "role": role, "pos": m.start(), "end": m.end(), "label": token,
                    "malformed": None})
    return out


_MARKUP = re.compile(r"<(/?)([A-Za-z][\w:.-]*)(.*?)(/?)>", re.S)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")


def _canonical(token: str) -> str:
    """One spelling per markup code: attributes sorted and quoted alike, so a translator's tool that writes
    ``<ulink url="…" type="http">`` for ``<ulink type="http" url="…">`` changes nothing."""
    m = _MARKUP.fullmatch(token.strip())
    if m is None or not m.group(3).strip():
        return token
    attrs = sorted((k, v.strip("\"'")) for k, v in _ATTR.findall(m.group(3)))
    body = "".join(f' {k}="{v}"' for k, v in attrs)
    return f"<{m.group(1)}{m.group(2)}{body}{m.group(4)}>"


_VOID_HTML = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "embed", "source", "track"})


def _is_paired_html(token: str) -> bool:
    name = re.match(r"<\s*([A-Za-z][A-Za-z0-9]*)", token)
    return bool(name) and name.group(1).lower() not in _VOID_HTML


def mask(text: str) -> str:
    """``text`` with every text placeholder replaced by spaces of the same length (offsets kept)."""
    return TEXT_CODE.sub(lambda m: " " * len(m.group()), text)


def _key(c: Mapping[str, Any]) -> tuple[str, str | None, str]:
    return (c["tag"], c["id"], c["role"])


def check(pairs: Sequence[AlignedPair], ctx: CheckContext) -> list[Finding]:
    units: Mapping[str, Mapping[str, Any]] = ctx.options.get("units", {})
    out: list[Finding] = []
    for p in pairs:
        if len(p.en) != 1 or len(p.es) != 1:
            continue
        info = units.get(p.en[0].id)
        if info is None:
            continue
        en_codes, es_codes = info["codes"]["en"], info["codes"]["es"]
        if not en_codes and not es_codes:
            continue
        src = info.get("source", "en")
        tgt = "es" if src == "en" else "en"
        codes = {"en": en_codes, "es": es_codes}
        out.extend(compare(p, codes[src], codes[tgt], src, tgt))
    return out


def compare(p: AlignedPair, source: list[dict[str, Any]], target: list[dict[str, Any]], src: str, tgt: str) -> list[Finding]:
    """Every code problem of one unit: one finding per kind, naming all the codes concerned."""
    nodes = {"en": p.en[0], "es": p.es[0]}
    found: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for side, codes in ((src, source), (tgt, target)):
        for c in codes:
            if c.get("malformed"):
                found.setdefault("malformed_tag", []).append((side, c))
    s_count, t_count = Counter(map(_key, source)), Counter(map(_key, target))
    first = {**{_key(c): (tgt, c) for c in reversed(target)}, **{_key(c): (src, c) for c in reversed(source)}}
    for key in s_count.keys() | t_count.keys():
        a, b = s_count[key], t_count[key]
        if b < a:
            found.setdefault("missing_tag", []).append(first[key])
        elif b > a:
            found.setdefault("duplicated_tag" if a else "extra_tag", []).append((tgt, next(c for c in target if _key(c) == key)))
    reordered = _reordered(source, target)
    if reordered:
        found["reordered_tag"] = [(tgt, c) for c in reordered]
    out = []
    for kind, items in found.items():
        items.sort(key=lambda x: x[1]["pos"])
        out.append(_finding(p, kind, items, nodes, src, tgt))
    return out


def _reordered(source: list[dict[str, Any]], target: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Codes out of order in the target: a closing code before its opening code, or standalone
    placeholders (each once on both sides) in another order than in the source."""
    out = []
    opened: set[tuple[str, str | None]] = set()
    closers = {v: k for k, v in _OPENERS.items()}
    for c in target:
        if c["role"] == "open" and c["tag"] in _OPENERS:
            opened.add((c["tag"], c["id"]))
        elif c["role"] == "close" and c["tag"] in closers:
            opener = (closers[c["tag"]], c["id"])
            if opener not in opened and any(_key(t) == (opener[0], opener[1], "open") for t in target):
                out.append(c)
    s_once = [k for k, n in Counter(map(_key, source)).items() if n == 1 and k[2] == "standalone"]
    t_count = Counter(map(_key, target))
    common = {k for k in s_once if t_count[k] == 1}
    s_order = [_key(c) for c in source if _key(c) in common]
    t_order = [_key(c) for c in target if _key(c) in common]
    if s_order != t_order:
        out.extend(c for c in target if _key(c) in common and s_order.index(_key(c)) != t_order.index(_key(c)))
    return out


_WORDS = {
    "missing_tag": (
        "Inline code(s) of the {src} text missing from the {tgt} text: {codes}.",
        "Código(s) en línea del texto en {src_es} que faltan en el texto en {tgt_es}: {codes}.",
    ),
    "extra_tag": (
        "Inline code(s) in the {tgt} text that the {src} text does not have: {codes}.",
        "Código(s) en línea del texto en {tgt_es} que el texto en {src_es} no tiene: {codes}.",
    ),
    "duplicated_tag": (
        "Inline code(s) used more often in the {tgt} text than in the {src} text: {codes}.",
        "Código(s) en línea que aparecen más veces en el texto en {tgt_es} que en el texto en {src_es}: {codes}.",
    ),
    "reordered_tag": (
        "Inline code(s) out of order in the {tgt} text (a closing code before its opening code, or placeholders that changed places): {codes}.",
        "Código(s) en línea desordenados en el texto en {tgt_es} (un código de cierre antes del de apertura, o marcadores que cambiaron de lugar): {codes}.",
    ),
    "malformed_tag": (
        "Malformed inline code(s): {codes}.",
        "Código(s) en línea mal formados: {codes}.",
    ),
}
_ES_NAMES = {"en": "inglés", "es": "español"}


def _severity(kind: str, items: list[tuple[str, dict[str, Any]]]) -> str:
    if kind == "reordered_tag":
        return "major" if any(c["role"] == "close" for _, c in items) else "minor"
    if kind in ("missing_tag", "extra_tag") and all(c["tag"] == "mrk" for _, c in items):
        return "minor"  # an annotation (term mark) lost: the text is still right
    return _SEVERITY[kind]


def _finding(p: AlignedPair, kind: str, items: list[tuple[str, dict[str, Any]]], nodes: Mapping[str, Any], src: str, tgt: str) -> Finding:
    labels = ", ".join(dict.fromkeys(c["label"] + (f" ({c['malformed']})" if kind == "malformed_tag" and c.get("malformed") else "") for _, c in items))
    en_msg, es_msg = _WORDS[kind]
    names = {"src": LANG_NAMES[src], "tgt": LANG_NAMES[tgt], "src_es": _ES_NAMES[src], "tgt_es": _ES_NAMES[tgt], "codes": labels}
    spans: dict[str, tuple[int, int] | None] = {"en": None, "es": None}
    texts: dict[str, str | None] = {"en": None, "es": None}
    for side, c in items:
        if spans[side] is None:
            node = nodes[side]
            start = node.start + min(c["pos"], len(node.text))
            end = node.start + min(c.get("end", c["pos"]), len(node.text))
            spans[side] = (start, end)
            texts[side] = c["label"]
    return Finding(
        kind=kind,
        severity=_severity(kind, items),
        en_id=p.en_id,
        es_id=p.es_id,
        en_text=texts["en"],
        es_text=texts["es"],
        en_span=spans["en"],
        es_span=spans["es"],
        message=en_msg.format(**names),
        message_es=es_msg.format(**names),
        check=CHECK,
    )
