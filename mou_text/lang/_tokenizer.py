"""spaCy's rule-based tokenizer in plain Python, from a compact table of its rules: no spaCy import.

Sentence splitting needs only a blank spaCy tokenizer, but ``import spacy`` costs seconds (it pulls
thinc, and torch when torch is installed), several times what parsing a whole agreement costs. The
tokenizer itself is a small algorithm over four regular expressions and a table of special cases, so
this module runs the same algorithm (a line-for-line port of ``Tokenizer._tokenize_affixes``,
``_split_affixes``, ``_attach_tokens`` and the special-case matcher pass of spaCy 3.8's
``tokenizer.pyx``) over the same rules, read from ``_data/tokenizer-<lang>.json``. That file is
written by ``python -m mou_text.lang._tokenizer_build`` from the installed spaCy (MIT licence, rules
copied verbatim) and records the spaCy version it came from; tests compare the tokens with spaCy's
on real agreements. Because the table travels with mou-text, sentence boundaries no longer move when
spaCy is upgraded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

#: Version of the rule-table format (bump when ``_tokenizer_build`` writes a different shape).
FORMAT = 1
_DATA = Path(__file__).resolve().parent / "_data"

Token = tuple[str, int]  # (text, character offset)


def rules_path(lang: str) -> Path:
    return _DATA / f"tokenizer-{lang}.json"


@dataclass
class Tokenizer:
    """Tokens of a text as spaCy's blank ``lang`` tokenizer would give them, as ``(text, offset)``."""

    prefix_search: Callable[[str], re.Match[str] | None]
    suffix_search: Callable[[str], re.Match[str] | None]
    infix_finditer: Callable[[str], Iterable[re.Match[str]]]
    token_match: Callable[[str], re.Match[str] | None] | None
    url_match: Callable[[str], re.Match[str] | None] | None
    specials: dict[str, tuple[str, ...]] = field(default_factory=dict)
    faster_heuristics: bool = True
    spacy_version: str = ""
    # token sequences (without special cases) that the matcher pass rewrites: first token -> patterns
    _patterns: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    _cache: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def add_special_case(self, string: str, pieces: Iterable[str] | None = None) -> None:
        """``Tokenizer.add_special_case``: ``string`` is always cut into ``pieces`` (default: one token)."""
        pieces = tuple(pieces) if pieces is not None else (string,)
        assert "".join(pieces) == string, (string, pieces)
        self.specials[string] = pieces
        self._cache.clear()
        if (
            not self.faster_heuristics
            or self._find_prefix(string)
            or self.infix_finditer(string)
            or self._find_suffix(string)
            or " " in string
        ):
            seq = tuple(t for t, _ in self._tokenize_affixes(string, with_special_cases=False))
            bucket = self._patterns.setdefault(seq[0], [])
            if seq not in bucket:
                bucket.append(seq)

    def __call__(self, text: str) -> list[Token]:
        return self._apply_special_cases(text, self._tokenize_affixes(text, with_special_cases=True))

    # -- spaCy's Tokenizer._tokenize_affixes: runs of whitespace and of non-space, a single ' ' dropped
    def _tokenize_affixes(self, text: str, with_special_cases: bool) -> list[Token]:
        tokens: list[Token] = []
        if not text:
            return tokens
        start = 0
        in_ws = text[0].isspace()
        for i, ch in enumerate(text):
            if ch.isspace() != in_ws:
                if start < i:
                    self._chunk(text[start:i], start, tokens, with_special_cases)
                start = i + 1 if ch == " " else i
                in_ws = not in_ws
        if start < len(text):
            self._chunk(text[start:], start, tokens, with_special_cases)
        return tokens

    def _chunk(self, span: str, offset: int, out: list[Token], with_special_cases: bool) -> None:
        if with_special_cases and span in self.specials:
            pieces: tuple[str, ...] = self.specials[span]
        elif with_special_cases and span in self._cache:
            pieces = self._cache[span]
        else:
            pieces = self._tokenize(span, with_special_cases)
            if with_special_cases and len(self._cache) < 100_000:
                self._cache[span] = pieces
        for p in pieces:
            out.append((p, offset))
            offset += len(p)

    def _find_prefix(self, s: str) -> int:
        m = self.prefix_search(s)
        return m.end() - m.start() if m is not None else 0

    def _find_suffix(self, s: str) -> int:
        m = self.suffix_search(s)
        return m.end() - m.start() if m is not None else 0

    def _tokenize(self, string: str, with_special_cases: bool) -> tuple[str, ...]:
        """``_split_affixes`` then ``_attach_tokens``, for one whitespace-free (or all-space) chunk."""
        specials = self.specials if with_special_cases else {}
        prefixes: list[str] = []
        suffixes: list[str] = []
        last_size = 0
        while string and len(string) != last_size:
            if self.token_match and self.token_match(string):
                break
            if string in specials:
                break
            last_size = len(string)
            pre_len = self._find_prefix(string)
            if pre_len:
                prefix, minus_pre = string[:pre_len], string[pre_len:]
                if minus_pre and minus_pre in specials:
                    string = minus_pre
                    prefixes.append(prefix)
                    break
            suf_len = self._find_suffix(string[pre_len:])
            if suf_len:
                suffix, minus_suf = string[-suf_len:], string[:-suf_len]
                if minus_suf and minus_suf in specials:
                    string = minus_suf
                    suffixes.append(suffix)
                    break
            if pre_len and suf_len and (pre_len + suf_len) <= len(string):
                string = string[pre_len:-suf_len]
                prefixes.append(prefix)
                suffixes.append(suffix)
            elif pre_len:
                string = minus_pre
                prefixes.append(prefix)
            elif suf_len:
                string = minus_suf
                suffixes.append(suffix)
        out = list(prefixes)
        if string:
            if string in specials:
                out.extend(specials[string])
            elif (self.token_match and self.token_match(string)) or (self.url_match and self.url_match(string)):
                out.append(string)
            else:
                start = 0
                for m in self.infix_finditer(string):
                    a, b = m.start(), m.end()
                    if a == 0:
                        continue
                    if a != start:
                        out.append(string[start:a])
                    if a != b:
                        out.append(string[a:b])
                    start = b
                if string[start:]:
                    out.append(string[start:])
        out.extend(reversed(suffixes))
        return tuple(out)

    # -- spaCy's Tokenizer._apply_special_cases: special cases the affix rules cut through
    def _apply_special_cases(self, text: str, tokens: list[Token]) -> list[Token]:
        if not self._patterns:
            return tokens
        matches: list[tuple[int, int]] = []
        words = [t for t, _ in tokens]
        for i, w in enumerate(words):
            for seq in self._patterns.get(w, ()):
                if tuple(words[i : i + len(seq)]) == seq:
                    matches.append((i, i + len(seq)))
        if not matches:
            return tokens
        # longest first, then leftmost; a span is kept when neither of its ends is already taken
        matches.sort(key=lambda m: (m[1] - m[0], -m[0]))
        seen: set[int] = set()
        kept: dict[int, int] = {}
        for a, b in reversed(matches):
            if a not in seen and b - 1 not in seen:
                kept[a] = b
            seen.update(range(a, b))
        out: list[Token] = []
        i = 0
        while i < len(tokens):
            b = kept.get(i)
            if b is None:
                out.append(tokens[i])
                i += 1
                continue
            start = tokens[i][1]
            last_text, last_idx = tokens[b - 1]
            span_text = text[start : last_idx + len(last_text)]
            pieces = self.specials.get(span_text)
            if pieces is None:
                out.extend(tokens[i:b])
            else:
                offset = start
                for p in pieces:
                    out.append((p, offset))
                    offset += len(p)
            i = b
        return out


def _compiled(spec: dict[str, object] | None, method: str) -> Callable | None:
    if spec is None:
        return None
    return getattr(re.compile(str(spec["pattern"]), int(spec["flags"])), method)  # type: ignore[arg-type]


@lru_cache(maxsize=4)
def tokenizer_for(lang: str) -> Tokenizer:
    """The blank tokenizer of ``lang`` ('en' or 'es'), from its rule table (read once per process)."""
    from ..errors import ModelError

    path = rules_path(lang)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise ModelError(
            f"tokenizer rules '{path.name}'",
            "the file is missing or unreadable",
            "reinstall mou-text, or rebuild it with: python -m mou_text.lang._tokenizer_build", code="E121",
        ) from None
    tok = Tokenizer(
        prefix_search=_compiled(data["prefix"], "search"),  # type: ignore[arg-type]
        suffix_search=_compiled(data["suffix"], "search"),  # type: ignore[arg-type]
        infix_finditer=_compiled(data["infix"], "finditer"),  # type: ignore[arg-type]
        token_match=_compiled(data["token_match"], "match"),
        url_match=_compiled(data["url_match"], "match"),
        specials={k: tuple(v) for k, v in data["specials"].items()},
        faster_heuristics=bool(data["faster_heuristics"]),
        spacy_version=str(data["spacy_version"]),
        _patterns={k: [tuple(s) for s in v] for k, v in data["patterns"].items()},
    )
    return tok
