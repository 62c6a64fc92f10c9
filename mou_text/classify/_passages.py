"""Long documents as a stream of short, overlapping passages with exact character offsets.

A sentence encoder sees a 300-word report as one blurred vector, and a 40-page report is worse: the
one paragraph about a shelter is drowned by the budget tables. Windows of a few sentences keep each
topic visible, let the classifier point at the passage that earned a label, and keep cost linear in
the length of the document. Windows are generated lazily, so a long document never has all its
passages (or their embeddings) in memory at once.

Offsets always index the text the caller passed in: ``text[p.start:p.end]`` is the passage as
written; :attr:`Passage.text` is the same span with whitespace collapsed, which is what is encoded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..document import Sentence
from ..lang import blank_boilerplate

#: Sentences per window and the step between windows: each sentence is seen twice except at edges.
WINDOW = 3
STRIDE = 2
#: Longest passage sent to the encoder; a longer sentence (a table row, a run-on list) is cut at a
#: word boundary so one pathological line cannot dominate the cost.
MAX_CHARS = 1200
#: Paragraphs are split in groups of this many before the (spaCy) sentence splitter sees them, so a
#: 10 MB report is tokenised a slice at a time.
_PARA_CHUNK = 200

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True, slots=True)
class Passage:
    """A window of consecutive sentences; ``start``/``end`` are offsets into the input text."""

    start: int
    end: int
    text: str


def sentences(text: str, lang: str) -> Iterator[Sentence]:
    """Sentences of ``text`` in order, paragraph-aware (a heading line never joins the next sentence)."""
    from ..lang import split_sentences as split

    code = lang if lang in ("en", "es") else "en"
    batch: list[tuple[str, int]] = []
    for start, end in _paragraph_spans(text):
        batch.append((text[start:end], start))
        if len(batch) >= _PARA_CHUNK:
            yield from _split_batch(batch, code, split)
            batch = []
    if batch:
        yield from _split_batch(batch, code, split)


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the non-blank paragraphs (separated by blank lines), without surrounding whitespace."""
    pos = 0
    for m in _BLANK_LINE.finditer(text):
        yield from _trimmed(text, pos, m.start())
        pos = m.end()
    yield from _trimmed(text, pos, len(text))


def _trimmed(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        yield a, b


def _split_batch(batch: list[tuple[str, int]], lang: str, split) -> Iterator[Sentence]:  # type: ignore[no-untyped-def]
    for sents in split([t for t, _ in batch], lang, [o for _, o in batch]):
        yield from sents


def passages(
    text: str,
    lang: str = "en",
    *,
    window: int = WINDOW,
    stride: int = STRIDE,
    max_chars: int = MAX_CHARS,
) -> Iterator[Passage]:
    """Overlapping windows of ``window`` sentences every ``stride`` sentences, each at most ``max_chars``,
    over the text without its web-page furniture (:func:`~mou_text.lang.blank_boilerplate`).

    A window that would exceed ``max_chars`` keeps as many whole sentences as fit (at least one,
    itself cut at a word boundary). A text too short for one window is one passage.
    """
    if window < 1 or stride < 1:
        raise ValueError("window and stride must be >= 1")
    # Page furniture (share buttons, menus, "related stories" headlines) is blanked, not cut, so
    # passages skip it and their offsets still index the text the caller passed in.
    text = blank_boilerplate(text)
    buf: list[Sentence] = []
    emitted_to = -1  # index (in the running sentence count) of the last sentence already covered
    count = 0
    for sent in sentences(text, lang):
        buf.append(sent)
        count += 1
        if len(buf) == window:
            yield from _cover(text, buf, max_chars)
            emitted_to = count - 1
            buf = buf[stride:] if stride < window else []
    # The tail: sentences not yet covered by any window.
    if buf and (count - 1) > emitted_to:
        yield from _cover(text, buf, max_chars)
    elif count == 0 and text.strip():
        start = len(text) - len(text.lstrip())
        yield _make(text, [Sentence(text.strip(), start, start + len(text.strip()))], max_chars)


def _cover(text: str, sents: list[Sentence], max_chars: int) -> Iterator[Passage]:
    """Passages that together reach every sentence of a window: when the first sentences fill
    ``max_chars``, the ones that did not fit start a passage of their own (a long budget line must not
    hide the justice sentence after it from the encoder)."""
    while sents:
        passage = _make(text, sents, max_chars)
        yield passage
        sents = [s for s in sents if s.start >= passage.end]


def _make(text: str, sents: list[Sentence], max_chars: int) -> Passage:
    start = sents[0].start
    end = sents[0].end
    for s in sents[1:]:
        if s.end - start > max_chars:
            break
        end = s.end
    if end - start > max_chars:
        cut = text.rfind(" ", start, start + max_chars)
        end = cut if cut > start + max_chars // 2 else start + max_chars
        while end > start and text[end - 1].isspace():
            end -= 1
    return Passage(start, end, " ".join(text[start:end].split()))
