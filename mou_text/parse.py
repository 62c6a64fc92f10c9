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
import re
from dataclasses import dataclass, field
from typing import Literal

from . import langid
from ._version import __version__
from .document import Document, Node
from .errors import ConfigError, LanguageMismatchError, UnsupportedLanguageError, warn_mismatch
from .readers import RawText, read
from .sentences import split as split_sentences
from .structure import (
    BULLET_RE,
    CAPS_LEAD,
    ENACTING,
    SIGNATORY,
    enumerator,
    is_capitalised_title,
    is_closing,
    is_mostly_upper,
    is_recital,
    is_title_like,
    section_label,
)

LANGS = ("en", "es")
LANG_NAMES = {"en": "English", "es": "Spanish", "pt": "Portuguese", "fr": "French", "it": "Italian", "de": "German"}

_MD_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+")
_HR = re.compile(r"^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_EMPHASIS = [
    re.compile(r"\*\*(.+?)\*\*", re.S),
    re.compile(r"__(.+?)__", re.S),
    re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", re.S),
    re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", re.S),
]
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


# -- pass 1: blocks -----------------------------------------------------------------------------------
@dataclass
class Block:
    lines: list[str]  # clean lines: markup, emphasis and list markers removed
    heading_level: int = 0
    bullet: str | None = None
    enum: str | None = None  # normalised label: 'iv', 'a', '2'
    enum_kind: str | None = None
    enum_text: str | None = None  # the enumerator as printed, for the clean text ('iv.', '(a)')
    emphasised: bool = False  # the whole block is bold or italic
    role: str = ""
    section: int | None = None
    title: str = ""  # a heading's title
    extra: list[Block] = field(default_factory=list)  # blocks merged into this one

    @property
    def text(self) -> str:
        return join_lines(self.lines)


def join_lines(lines: list[str]) -> str:
    """Join soft-wrapped lines with spaces, undoing end-of-line hyphenation (``empodera-/miento``)."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        elif out:
            out += " " + line
        else:
            out = line
    return re.sub(r"[ ]{2,}", " ", out)


def _strip_emphasis(text: str) -> str:
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = text.replace("`", "")
    return _ESCAPE.sub(r"\1", text)


def _is_emphasised(raw: str) -> bool:
    s = raw.strip()
    for mark in ("**", "__", "*", "_"):
        if s.startswith(mark) and (s.endswith(mark) or s.endswith(mark + ":")) and len(s) > 2 * len(mark):
            inner = s[len(mark) : len(s) - len(mark)]
            if mark in ("*", "_") and (mark * 2) in s:
                continue
            # every line is emphasised, or one span covers the block
            return inner.count(mark) % 2 == 0
    return False


def _starts_block(line: str) -> bool:
    stripped = _strip_emphasis(line).strip()
    if BULLET_RE.match(line) or enumerator(stripped):
        return True
    return section_label(stripped) is not None and (stripped[:1].isupper())


def _may_break(current: list[str]) -> bool:
    """Whether a marker-like line may open a new block here, or is a wrapped continuation.

    Text exported from PDF wraps anywhere, so a line can start with "1.850 metros" or "(b) of Article
    3" mid-sentence. A new list entry follows a line that ends a clause, or another list entry.
    """
    last = _strip_emphasis(current[-1]).rstrip()
    if not last or last[-1] in ".;:!?)»\"”’" or last.endswith(("*", "_")):
        return True
    first = current[0]
    if BULLET_RE.match(first) or enumerator(_strip_emphasis(first).strip()) or _MD_HEADING.match(first):
        return True
    return len(current) == 1 and len(last.split()) <= 10


def blocks_of(markup: str) -> list[Block]:
    groups: list[list[str]] = []
    current: list[str] = []

    def flush() -> None:
        nonlocal current
        if current:
            groups.append(current)
        current = []

    for line in markup.split("\n"):
        if not line.strip() or _HR.match(line):
            flush()
        elif _MD_HEADING.match(line):
            flush()
            groups.append([line])
        elif current and _starts_block(line) and _may_break(current):
            flush()
            current = [line]
        else:
            current.append(line)
    flush()
    return [b for b in (_describe(g) for g in groups) if b.lines]


def _describe(raw_lines: list[str]) -> Block:
    first = raw_lines[0]
    block = Block(lines=[])
    m = _MD_HEADING.match(first)
    if m:
        block.heading_level = len(m.group(1))
        first = first[m.end() :].rstrip().rstrip("#").rstrip()
    b = BULLET_RE.match(first)
    if b:
        block.bullet = b.group("b")
        first = first[b.end() :]
    raw = "\n".join([first, *raw_lines[1:]])
    block.emphasised = _is_emphasised(raw)
    text = _strip_emphasis(raw)
    lines = [ln.rstrip().rstrip("\\").strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    if lines:
        e = enumerator(lines[0])
        if e and not (block.heading_level and section_label(lines[0])):
            label, kind, length = e
            block.enum, block.enum_kind = label, kind
            block.enum_text = lines[0][:length].strip()
            lines[0] = lines[0][length:].strip()
    block.lines = [ln for ln in lines if ln]
    return block


# -- pass 2: roles ---------------------------------------------------------------------------------
def assign_roles(blocks: list[Block]) -> list[Block]:
    """Give each block a role; merge a heading's separate title block into it."""
    out: list[Block] = []
    i = 0
    seen_section = False
    ended = False
    while i < len(blocks):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        label = section_label(b.lines[0]) if not b.bullet and not b.enum else None
        if ended:
            b.role = "signature"
        elif label is not None and (b.heading_level or b.emphasised or len(b.lines) <= 3 or label[1]):
            b.role, b.section = "section", label[0]
            b.title = label[1]
            rest = b.lines[1:]
            b.lines = [b.lines[0]]
            if not b.title and rest and is_title_like(rest[0], allow_colon=True):
                b.title = rest.pop(0)
            if rest:  # running text that followed the label inside the same block
                blocks.insert(i + 1, Block(lines=rest))
                nxt = blocks[i + 1]
            elif not b.title and nxt is not None and _is_title_block(nxt):
                b.title = nxt.text
                b.extra.append(nxt)
                i += 1
            seen_section = True
        elif is_closing(b.text) and (seen_section or i > len(blocks) // 2):
            b.role = "closing"
            ended = True
        elif not seen_section:
            b.role = "front"
        elif b.enum and not b.bullet and _is_subheading(b, nxt, out[-1] if out else None):
            b.role = "subheading"
        elif b.bullet or b.enum:
            b.role = "list"
        elif (b.heading_level or (b.emphasised and is_title_like(b.text, allow_colon=True))) and not _is_signatory(b):
            b.role = "heading"
        elif _is_signatory(b) and _rest_is_signatures(blocks, i):
            b.role = "signature"
            ended = True
        else:
            b.role = "paragraph"
        out.append(b)
        i += 1
    return _group_signatures(out)


def _group_signatures(blocks: list[Block]) -> list[Block]:
    """A signature block is a "FOR THE …" / "POR LA …" line with the name and post under it."""
    out: list[Block] = []
    for b in blocks:
        if b.role == "signature" and out and out[-1].role == "signature" and not _is_signatory(b):
            out[-1].extra.append(b)
        else:
            out.append(b)
    return out


def _is_title_block(b: Block) -> bool:
    if b.bullet or b.enum or section_label(b.lines[0]):
        return False
    text = b.text
    if b.heading_level or b.emphasised:
        return is_title_like(text, allow_colon=True, max_words=20)
    return is_title_like(text, max_words=10) and (is_capitalised_title(text) or is_mostly_upper(text))


def _is_subheading(b: Block, nxt: Block | None, prev: Block | None) -> bool:
    """An enumerated block that heads a group (an area of cooperation) rather than being a list entry.

    Styled (bold or ``#``) it is a heading outright. Unstyled, it must read as a title (short, no
    closing punctuation), be followed by running text, and not continue a list of the same kind
    (``b) Oranges`` after ``a) Apples`` is the last item of a list, not a heading).
    """
    text = b.text
    if not is_title_like(text, allow_colon=True, max_words=25):
        return False
    if b.emphasised or b.heading_level:
        return True
    followed_by_paragraph = nxt is not None and not nxt.bullet and not nxt.enum and not section_label(nxt.lines[0])
    continues_list = prev is not None and prev.role == "list" and prev.enum_kind == b.enum_kind
    return followed_by_paragraph and not continues_list


def _is_signatory(b: Block) -> bool:
    """"FOR THE DEPARTMENT OF STATE…" / "POR LA SECRETARÍA…": a short unpunctuated signatory line."""
    head = b.text if len(b.lines) > 1 and all(is_mostly_upper(ln) for ln in b.lines) else b.lines[0]
    return bool(SIGNATORY.match(head)) and len(head.split()) <= 20 and not head.rstrip().endswith((".", ";"))


def _rest_is_signatures(blocks: list[Block], i: int) -> bool:
    """Signature blocks without a 'Signed at' paragraph: everything left is short and unpunctuated."""
    return all(len(x.text.split()) <= 20 and not section_label(x.lines[0]) for x in blocks[i:])


# -- pass 3: ids, clean text, nodes ---------------------------------------------------------------------
class _Builder:
    """Assembles the clean text and the node list together, so offsets cannot drift."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.nodes: list[Node] = []
        self.ids: set[str] = set()

    def add(
        self,
        node_id: str,
        kind: str,
        text: str,
        *,
        prefix: str = "",
        section: int | None = None,
        area: str | None = None,
        label: str | None = None,
        title: str | None = None,
    ) -> None:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        if prefix:
            self.parts.append(prefix)
            self.length += len(prefix)
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        node_id = self._unique(node_id)
        self.nodes.append(Node(node_id, kind, section, area, text, start, self.length, label=label, title=title))

    def _unique(self, node_id: str) -> str:
        if node_id not in self.ids:
            self.ids.add(node_id)
            return node_id
        n = 2
        while f"{node_id}~{n}" in self.ids:
            n += 1
        self.ids.add(f"{node_id}~{n}")
        return f"{node_id}~{n}"

    @property
    def text(self) -> str:
        return "".join(self.parts)


def build(blocks: list[Block]) -> tuple[str, list[Node]]:
    out = _Builder()
    front = [b for b in blocks if b.role == "front"]
    _build_front(out, front)

    section: int | None = None
    container = ""
    area: str | None = None
    counters: dict[str, int] = {}
    list_parent: str | None = None  # a numbered paragraph that introduces the list that follows
    prev_text = ""
    list_kind: str | None = None  # the enumerator kind of the list being read, or 'bullet'
    signatures = 0
    closings = 0

    def count(key: str) -> int:
        counters[key] = counters.get(key, 0) + 1
        return counters[key]

    for i, b in enumerate(blocks):
        if b.role == "front":
            continue
        text = b.text
        if b.role == "section":
            section, area, list_parent, list_kind = b.section, None, None, None
            container = f"s{section}"
            inline = bool(b.title) and b.lines[0].rstrip().endswith(b.title)
            heading = b.lines[0] + (f"\n{b.title}" if b.title and not inline else "")
            out.add(f"{container}.heading", "heading", heading, section=section, label=str(section), title=b.title or None)
        elif b.role == "subheading":
            area = b.enum
            container = f"s{section}.{area}" if section is not None else f"{area}"
            list_parent, list_kind = None, None
            out.add(f"{container}.heading", "heading", text, prefix=f"{b.enum_text} ", section=section, area=area, label=b.enum, title=text)
        elif b.role == "heading":
            out.add(f"{container or 'body'}.h{count(container + '.h')}", "heading", text, section=section, area=area, title=text)
        elif b.role == "list":
            numbered_paragraph = (
                b.enum_kind == "number" and not b.bullet and list_kind != "number" and not prev_text.endswith(":")
            )
            if numbered_paragraph:
                node_id = f"{container}.p{count(container + '.p')}"
                out.add(node_id, "paragraph", text, prefix=f"{b.enum_text} ", section=section, area=area, label=b.enum)
                list_parent, list_kind = node_id, None
            else:
                parent = list_parent or container
                if b.enum:
                    out.add(f"{parent}.item.{b.enum}", "item", text, prefix=f"{b.enum_text} ", section=section, area=area, label=b.enum)
                else:
                    out.add(f"{parent}.bullet.{count(parent + '.bullet')}", "bullet", text, prefix="- ", section=section, area=area)
                list_kind = b.enum_kind or "bullet"
        elif b.role == "paragraph":
            if area is not None and list_kind and not _subheading_ahead(blocks, i):
                area, container = None, f"s{section}"  # text after the last area's list is section-level
            node_id = f"{container}.p{count(container + '.p')}"
            out.add(node_id, "paragraph", text, section=section, area=area)
            list_parent, list_kind = None, None  # an unnumbered lead-in does not qualify its list's ids
        elif b.role == "closing":
            closings += 1
            out.add("closing" if closings == 1 else f"closing.{closings}", "closing", text)
        elif b.role == "signature":
            signatures += 1
            text = "\n".join(_signature_text(x) for x in [b, *b.extra])
            out.add(f"signature.{signatures}", "signature", text)
        prev_text = text
    return out.text, out.nodes


def _signature_text(b: Block) -> str:
    """A signatory name wrapped over capitals lines reads as one line; a name or post under it keeps its own."""
    out: list[str] = []
    for line in b.lines:
        if out and is_mostly_upper(out[-1]) and is_mostly_upper(line):
            out[-1] = join_lines([out[-1], line])
        else:
            out.append(line.strip())
    return "\n".join(out)


def _subheading_ahead(blocks: list[Block], i: int) -> bool:
    for b in blocks[i + 1 :]:
        if b.role == "subheading":
            return True
        if b.role in ("section", "closing", "signature"):
            return False
    return False


def _build_front(out: _Builder, front: list[Block]) -> None:
    """Title, preamble, recitals and the enacting formula: everything before the first section."""
    i = 0
    title_blocks: list[Block] = []
    while i < len(front) and _is_title_candidate(front[i]):
        title_blocks.append(front[i])
        i += 1
    if title_blocks:
        out.add("title", "title", " ".join(b.text for b in title_blocks))
    recitals = 0
    paragraphs = 0
    headings = 0
    rest = front[i:]
    last_paragraph = max((k for k, b in enumerate(rest) if not b.bullet and not b.enum), default=-1)
    for k, b in enumerate(rest):
        text = b.text
        if (b.heading_level or b.emphasised) and is_title_like(text, allow_colon=True) and not CAPS_LEAD.match(text + " x"):
            headings += 1
            out.add(f"preamble.h{headings}", "heading", text)
        elif is_recital(text, after_preamble=paragraphs > 0 or recitals > 0):
            recitals += 1
            out.add(f"recital.{recitals}", "recital", text, prefix=f"{b.enum_text} " if b.enum_text else "")
        elif ENACTING.search(text) or (k == last_paragraph and text.endswith(":") and recitals):
            out.add("enacting", "paragraph", text)
        else:
            paragraphs += 1
            if paragraphs == 1:
                out.add("preamble", "preamble", text)
            else:
                out.add(f"preamble.p{paragraphs}", "paragraph", text)


def _is_title_candidate(b: Block) -> bool:
    text = b.text
    if RECITAL_OR_PREAMBLE.search(text[:200]):
        return False
    return bool(b.heading_level or b.emphasised or is_mostly_upper(text)) and not is_recital(text, after_preamble=True)


RECITAL_OR_PREAMBLE = re.compile(r"hereinafter|en lo sucesivo|referred to as|denominad[oa]s", re.IGNORECASE)


# -- the public entry point -------------------------------------------------------------------------------
def parse(
    source: str | os.PathLike[str] | bytes,
    lang: str | None = None,
    *,
    on_mismatch: Literal["raise", "warn"] = "raise",
    max_bytes: int | None = None,
) -> Document:
    """Parse an agreement (a path, a string of text or markdown, or bytes) into a :class:`Document`.

    ``lang`` is ``'en'``, ``'es'`` or ``None`` (detect offline). An explicit ``lang`` that the text
    clearly contradicts raises :class:`LanguageMismatchError` (or warns, with ``on_mismatch='warn'``),
    because a Spanish file parsed as English silently breaks every later comparison.
    """
    if lang is not None:
        lang = _check_lang(lang)
    if on_mismatch not in ("raise", "warn"):
        raise ConfigError("on_mismatch", f"{on_mismatch!r} is not a choice", "use 'raise' or 'warn'")
    raw = read(source, max_bytes=max_bytes)
    return parse_raw(raw, lang, on_mismatch=on_mismatch)


def parse_raw(raw: RawText, lang: str | None, *, on_mismatch: str = "raise") -> Document:
    blocks = assign_roles(blocks_of(raw.text))
    text, nodes = build(blocks)
    name = f"file '{raw.source}'" if raw.source else "the input text"
    detection = langid.detect(text or raw.text)
    lang = _resolve_lang(lang, detection, name, raw.source, on_mismatch)
    sentences = split_sentences([n.text for n in nodes], lang, [n.start for n in nodes])
    final = tuple(
        Node(n.id, n.kind, n.section, n.area, n.text, n.start, n.end, sents if n.kind not in _ONE_SENTENCE else _whole(n), n.label, n.title)
        for n, sents in zip(nodes, sentences)
    )
    metadata = {
        "format": raw.format,
        "encoding": raw.encoding,
        "detected_lang": detection.lang,
        "lang_confidence": round(detection.confidence, 4),
        "signature": {"library": f"mou-text {__version__}", "parser": "structural-v1", "lang": lang},
    }
    return Document(lang=lang, text=text, nodes=final, source=raw.source, metadata=metadata)


_ONE_SENTENCE = {"title", "heading", "signature"}


def _whole(n: Node) -> tuple:
    from .document import Sentence

    return (Sentence(n.text, n.start, n.end),)


def _check_lang(lang: str) -> str:
    code = lang.strip().lower()
    code = {"english": "en", "spanish": "es", "español": "es", "espanol": "es", "eng": "en", "spa": "es"}.get(code, code)
    if code not in LANGS:
        raise ConfigError("lang", f"{lang!r} is not a supported language", "pass lang='en' or lang='es' (or None to detect)")
    return code


def _resolve_lang(lang: str | None, det: langid.Detection, name: str, path: str | None, on_mismatch: str) -> str:
    if lang is None:
        if det.lang is None:
            raise UnsupportedLanguageError(
                name,
                f"it has only {det.letters} letters, too few to tell English from Spanish",
                "pass lang='en' or lang='es' (CLI: --lang en|es)",
                path=path,
            )
        if det.lang not in LANGS:
            raise UnsupportedLanguageError(
                name,
                f"it reads as {LANG_NAMES.get(det.lang, det.lang)} (confidence {det.confidence:.2f}), not English or Spanish",
                "pass the English or Spanish version of the agreement; if it really is one of them, pass lang='en' or lang='es'",
                path=path,
            )
        return det.lang
    if det.lang is not None and det.lang != lang and det.confidence >= langid.CONFIDENT and det.letters >= 200:
        message = (
            f"{name}: it was passed as {LANG_NAMES[lang]} but reads as {LANG_NAMES.get(det.lang, det.lang)} "
            f"(confidence {det.confidence:.2f})"
        )
        fix = f"pass lang='{det.lang}' if that is right, or the {LANG_NAMES[lang]} file; use on_mismatch='warn' to go on anyway"
        if on_mismatch == "warn":
            warn_mismatch(f"{message}. Fix: {fix}")
        else:
            raise LanguageMismatchError(name, message.split(": ", 1)[1], fix, path=path)
    return lang
