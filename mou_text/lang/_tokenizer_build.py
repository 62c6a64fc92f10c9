"""Write ``_data/tokenizer-<lang>.json``: the rules of spaCy's blank English and Spanish tokenizers.

Run ``python -m mou_text.lang._tokenizer_build`` after upgrading spaCy (tests compare the plain-Python
tokenizer of ``_tokenizer`` with spaCy's and fail when the table is stale). The table holds the
prefix, suffix and infix expressions, the URL matcher, every special case (as its token strings) and,
for the special cases the affix rules cut through, the tokens they are cut into (what spaCy's
special-case matcher looks for). It is plain JSON, about 60 KB per language; spaCy's rules are MIT
licensed and copied verbatim.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ._tokenizer import FORMAT, rules_path


def _regex(fn: Any) -> dict[str, Any] | None:
    if fn is None:
        return None
    compiled = fn.__self__
    return {"pattern": compiled.pattern, "flags": int(compiled.flags)}


def build(lang: str) -> dict[str, Any]:
    """The rule table of ``spacy.blank(lang)``'s tokenizer (imports spaCy: seconds)."""
    import spacy
    from spacy.attrs import ORTH
    from spacy.tokenizer import Tokenizer

    nlp = spacy.blank(lang)
    tok = nlp.tokenizer
    bare = Tokenizer(
        nlp.vocab, rules={}, prefix_search=tok.prefix_search, suffix_search=tok.suffix_search,
        infix_finditer=tok.infix_finditer, token_match=tok.token_match, url_match=tok.url_match,
    )
    specials: dict[str, list[str]] = {}
    patterns: dict[str, list[list[str]]] = {}
    for string, pieces in sorted(tok.rules.items()):
        specials[string] = [p[ORTH] if ORTH in p else p["ORTH"] for p in pieces]
        if (
            not tok.faster_heuristics or tok.find_prefix(string) or tok.find_infix(string)
            or tok.find_suffix(string) or " " in string
        ):
            seq = [t.text for t in bare(string)]
            bucket = patterns.setdefault(seq[0], [])
            if seq not in bucket:
                bucket.append(seq)
    return {
        "format": FORMAT,
        "lang": lang,
        "spacy_version": spacy.__version__,
        "licence": "rules from spaCy (MIT licence, (c) ExplosionAI GmbH), copied verbatim",
        "faster_heuristics": bool(tok.faster_heuristics),
        "prefix": _regex(tok.prefix_search),
        "suffix": _regex(tok.suffix_search),
        "infix": _regex(tok.infix_finditer),
        "token_match": _regex(tok.token_match),
        "url_match": _regex(tok.url_match),
        "specials": specials,
        "patterns": patterns,
    }


def write(lang: str, path: Path | None = None) -> Path:
    from .._io import atomic_write_text

    target = path or rules_path(lang)
    return atomic_write_text(target, json.dumps(build(lang), ensure_ascii=False, sort_keys=True, indent=0) + "\n")


def main(argv: list[str] | None = None) -> int:
    for lang in argv or ["en", "es"]:
        print(write(lang))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
