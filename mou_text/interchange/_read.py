"""What every importer shares: reading a file safely, and turning units into a ParallelDocument.

A unit read from any format becomes one node in an English and one in a Spanish :class:`Document`
with the unit's id, so every finding of the checker names a unit the translator can find. The
texts are normalised as the parser normalises a document (NFC, LF, plain spaces) and joined by
blank lines, so offsets are exact (``doc.text[n.start:n.end] == n.text``) and sentences come from the
same splitter as parsed documents. XML is read with a parser that loads no DTD, expands no entity
and opens no URL: these files come from outside.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..align import ClausePair, ParallelDocument
from ..document import KINDS, Document, Node
from ..errors import (
    CorruptFileError,
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    UnsupportedFormatError,
    UnsupportedLanguageError,
)
from ..signature import Signature
from ._codes import read_segment, shift_codes
from ._spec import INTERCHANGE_VERSION, unique

if TYPE_CHECKING:
    from lxml import etree


@dataclass
class ReadUnit:
    """One unit read from a file: its id (final once deduplicated), properties and the two texts."""

    id: str
    meta: dict[str, str] = field(default_factory=dict)
    en: str | None = None
    es: str | None = None
    #: What the CAT tool says about the unit: state, state_qualifier, approved, locked, notes,
    #: source (which language is the file's source), name (resname/name), and ``codes`` per language.
    cat: dict[str, Any] = field(default_factory=dict)


def clean(text: str | None) -> str | None:
    """Unit text as the parser would normalise it (NFC, LF, plain spaces), or None when empty."""
    if text is None:
        return None
    from ..readers import normalise

    text = normalise(text).strip()
    return text or None


def parallel(units: list[ReadUnit], path: Path, fmt: str, info: dict[str, Any]) -> ParallelDocument:
    """Documents whose nodes are the units, joined by blank lines, with exact offsets and sentences."""
    kept = []
    seen: set[str] = set()
    for u in units:
        codes = u.cat.get("codes", {})
        raw = {"en": u.en, "es": u.es}
        u.en, u.es = clean(u.en), clean(u.es)
        if codes:
            u.cat["codes"] = {lang: shift_codes(codes.get(lang, []), raw[lang] or "", getattr(u, lang)) for lang in ("en", "es")}
        if u.en is None and u.es is None:
            continue
        u.id = unique(u.id.strip() or f"unit.{len(kept) + 1}", seen)
        kept.append(u)
    name = f"file '{path}'"
    if not kept:
        raise EmptyDocumentError(name, "it contains no translation unit with text", f"check that this is the right {fmt} file and that it was exported with its content", path=path, code="E001")
    for lang, label in (("en", "English"), ("es", "Spanish")):
        if all(getattr(u, lang) is None for u in kept):
            raise EmptyDocumentError(
                name,
                f"none of its {len(kept)} units has {label} text",
                "export the file with both languages (an untranslated file has nothing to check); mou-text pairs English with Spanish",
                path=path, code="E023",
            )
    docs = {lang: document(lang, [u for u in kept if getattr(u, lang) is not None], path, fmt, info) for lang in ("en", "es")}
    pairs = []
    for u in kept:
        a, b = docs["en"].get(u.id) if u.en is not None else None, docs["es"].get(u.id) if u.es is not None else None
        ref = a or b
        assert ref is not None
        pairs.append(ClausePair(u.id, ref.kind, ref.section, ref.area, a, b, method=fmt, meta=dict(u.cat)))
    return ParallelDocument(docs["en"], docs["es"], tuple(pairs))


def document(lang: str, units: list[ReadUnit], path: Path, fmt: str, info: dict[str, Any]) -> Document:
    """One side as a Document: kind, section, area and label come from the unit's ``x-mou-*``
    properties when a file carries them (ours do), else every unit is a paragraph."""
    from ..lang import split_sentences as split

    texts = [getattr(u, lang) for u in units]
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 2
    sentences = split(texts, lang, starts)
    nodes = []
    for u, text, start, sents in zip(units, texts, starts, sentences, strict=True):
        kind = u.meta.get("kind")
        section = u.meta.get("section", "")
        nodes.append(
            Node(
                id=u.id,
                kind=kind if kind in KINDS else "paragraph",
                section=int(section) if section.isdigit() else None,
                area=u.meta.get("area") or None,
                text=text,
                start=start,
                end=start + len(text),
                sentences=sents,
                label=u.meta.get("label") or None,
            )
        )
    metadata = {
        "format": fmt,
        "units": len(nodes),
        **{k: v for k, v in info.items() if not isinstance(v, dict)},
        **info.get(lang, {}),
        "signature": Signature.of("parse", parser=INTERCHANGE_VERSION, format=fmt, lang=lang),
    }
    return Document(lang=lang, text="\n\n".join(texts), nodes=tuple(nodes), source=str(path), metadata=metadata)


def checked_file(path: str | Path) -> Path:
    """The path, once it is known to be a non-empty file under the size limit the readers apply."""
    from ..readers import max_bytes_default

    p = Path(path)
    name = f"file '{p}'"
    if not p.exists():
        raise InputError(name, "the file does not exist", "check the path and the working directory", path=p, code="E024")
    if p.is_dir():
        raise InputError(name, "this is a directory, not a file", "pass one file", path=p, code="E025")
    size, limit = p.stat().st_size, max_bytes_default()
    if size > limit:
        raise FileTooLargeError(
            name,
            f"it is {size:,} bytes, over the limit of {limit:,}",
            "split it, or raise the limit with the MOU_TEXT_MAX_BYTES environment variable",
            path=p, code="E005",
        )
    if size == 0:
        raise EmptyDocumentError(name, "the file is empty", "check that the right file was passed and that it was saved with its content", path=p, code="E026")
    try:  # a file the user may not read is named here, not by a traceback from the XML or table parser
        with p.open("rb"):
            pass
    except PermissionError:
        raise InputError(name, "permission denied (a bilingual file)", "make it readable for this user (chmod u+r), or pass a copy you may read", path=p, code="E075") from None
    return p


def lang_code(tag: str | None) -> str | None:
    """``en-US``, ``EN``, ``es_MX``, ``spa`` → ``en``/``es``; any other tag → its primary subtag."""
    if not tag:
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return {"eng": "en", "spa": "es"}.get(primary, primary)


def local(el: Any) -> str:
    """An element's name without namespace: XLIFF 1.0/1.1/1.2 and namespace-less files are read alike."""
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def children(el: etree._Element, name: str) -> Iterator[etree._Element]:
    return (c for c in el if local(c) == name)


def child(el: etree._Element, name: str) -> etree._Element | None:
    return next(children(el, name), None)


def descendants(el: etree._Element, name: str) -> Iterator[etree._Element]:
    return (c for c in el.iter() if local(c) == name)


def plain(el: etree._Element | None) -> str | None:
    """The text of a segment without its inline codes (``<bpt>``, ``<ph>``, ``<x/>``…); marked-up
    text (``<hi>``, ``<g>``, ``<mrk>``, ``<pc>``) is kept. :func:`read_segment` also returns the codes."""
    return read_segment(el)[0]


def read_xml(path: Path, expected: str) -> etree._Element:
    """Parse an XML file with a parser that loads no DTD, expands no entity and opens no URL."""
    from lxml import etree

    data = path.read_bytes()
    name = f"file '{path}'"
    if data.startswith(b"PK\x03\x04"):
        raise UnsupportedFormatError(
            name,
            f"it is a zip container (an office file such as .xlsx or .docx), not a {expected} file",
            "read a spreadsheet with pair_from_table, or export the translation memory as " + expected,
            path=path, code="E027",
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise CorruptFileError(
            name,
            f"it is not well-formed XML, so not a valid {expected} file ({exc})",
            f"re-export it from the CAT tool as {expected}; a truncated or hand-edited file shows this",
            path=path, code="E008",
        ) from None
    if root is None:
        raise CorruptFileError(name, f"it has no XML root element, so it is not a {expected} file", f"re-export it as {expected}", path=path, code="E028")
    return root


#: What each XML reader expects at the root: its label in messages, what the file should be, the fix.
_XML_KINDS = {
    "tmx": ("TMX", "a TMX translation memory", "pass a TMX translation memory (.tmx)"),
    "xliff": ("XLIFF", "an XLIFF file", "pass an XLIFF file (.xlf, .xliff)"),
}
_XML_READERS = {"tmx": "pair_from_tmx", "xliff": "pair_from_xliff"}


def open_xml(path: str | Path, kind: str) -> tuple[Path, etree._Element]:
    """The checked path and the root of a ``kind`` (``tmx``/``xliff``) file, parsed safely.

    A file whose root is another format's is refused with a message naming the reader to use.
    """
    label, what, fix = _XML_KINDS[kind]
    p = checked_file(path)
    root = read_xml(p, label)
    found = local(root)
    if found != kind:
        if found in _XML_READERS:
            fix = f"read it with {_XML_READERS[found]}"
        raise UnsupportedFormatError(f"file '{p}'", f"it is {kind_of(root)}, not {what}", fix, path=p, code="E029")
    return p, root


def kind_of(root: etree._Element) -> str:
    """What a wrong file is, for the message that sends the user to the right reader."""
    name = local(root)
    if name == "tmx":
        return "a TMX file"
    if name == "xliff":
        return "an XLIFF file"
    if name.lower() == "html":
        return "an HTML page"
    return f"an XML file whose root element is <{name}>"


def meta_from(pairs: Iterable[tuple[str | None, str | None]], prefix: str) -> dict[str, str]:
    """The ``x-mou-*`` properties among (type, value) pairs, without their prefix; the first one wins."""
    out = {}
    for key, value in pairs:
        if key and key.startswith(prefix) and value is not None:
            out.setdefault(key[len(prefix) :], value.strip())
    return out


def most_common(counter: Counter[str] | None) -> str | None:
    return counter.most_common(1)[0][0] if counter else None


def require_en_es(tags: dict[str, Counter[str]], path: Path, fmt: str) -> None:
    """Refuse a file without English or without Spanish, naming the language tags it does have."""
    missing = [label for code, label in (("en", "English"), ("es", "Spanish")) if code not in tags]
    if missing:
        found = sorted({t for c in tags.values() for t in c}) or ["none"]
        raise UnsupportedLanguageError(
            f"file '{path}'",
            f"its languages are {', '.join(found)}; there is no {' and no '.join(missing)} (mou-text pairs English with Spanish)",
            f"export the {fmt} with English and Spanish (any regional variant: en-US, es-MX…)",
            path=path, code="E007",
        )
