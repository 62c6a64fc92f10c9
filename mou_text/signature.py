"""One signature type for every result: what produced it, with which settings.

Like sacrebleu's signatures, a result carries the library version and every setting that changes
it (parser, encoder, thresholds, glossary hash, checks run, training-data hash), so two results can
be compared and a figure in a paper can say exactly how it was made. Every result of the package
(``Document``, ``ParallelDocument``, ``CheckReport``, ``AreaPrediction`` and the classifier's frames,
``TermList``, ``Glossary``, a saved head's ``signature.json``) carries a :class:`Signature`.

A signature *is* a read-only mapping of its fields (it subclasses ``dict`` so that JSON, pandas
``attrs`` and equality with a plain dict keep working), plus the name of what produced it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from ._version import __version__

#: The library field every signature starts with.
LIBRARY = f"mou-text {__version__}"


def _readonly(self: Any, *args: Any, **kwargs: Any) -> None:
    raise TypeError("a Signature is read-only: build a new one with Signature.of(...) or .replace(...)")


class Signature(dict):
    """The settings a result was produced with, read-only; ``producer`` names what made it."""

    __slots__ = ("producer",)

    def __init__(self, producer: str, fields: Mapping[str, Any] | None = None) -> None:
        super().__init__(fields or {})
        object.__setattr__(self, "producer", producer)

    @classmethod
    def of(cls, producer: str, **fields: Any) -> Signature:
        """A new signature whose first field is the library version (``library='mou-text X'``)."""
        return cls(producer, {"library": LIBRARY, **fields})

    def replace(self, **changes: Any) -> Signature:
        """A copy with fields changed, added, or (with value ``None`` for a key in ``drop``) kept apart."""
        return Signature(self.producer, {**self, **changes})

    def without(self, *keys: str) -> Signature:
        """A copy without ``keys``."""
        return Signature(self.producer, {k: v for k, v in self.items() if k not in keys})

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _readonly  # type: ignore[assignment]

    def __setattr__(self, name: str, value: Any) -> None:
        _readonly(self)

    def __reduce__(self) -> tuple[Any, ...]:  # copy.deepcopy and pandas attrs copy through this
        return (Signature, (self.producer, dict(self)))

    def __hash__(self) -> int:  # type: ignore[override]
        return hash((self.producer, self.to_json()))

    def __repr__(self) -> str:
        return f"Signature({self.producer!r}, {self.format()!r})"

    def format(self, short: bool = False) -> str:
        """``'library:mou-text 0.1.0|parser:structural-v1|lang:en'``; ``short`` abbreviates keys and
        replaces long or nested values by an 8-character content hash, for a table cell or a log line."""
        parts = []
        for key, value in self.items():
            text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
            if short:
                key = "".join(w[0] for w in key.split("_")) if "_" in key else key[:3]
                if len(text) > 24 or isinstance(value, (dict, list)):
                    text = hashlib.sha256(text.encode()).hexdigest()[:8]
            parts.append(f"{key}:{text}")
        return "|".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The fields as a plain dict (what result files and ``DataFrame.attrs`` store)."""
        return json.loads(self.to_json())

    def to_json(self) -> str:
        return json.dumps(dict(self), sort_keys=False, ensure_ascii=False, default=str)

    @classmethod
    def from_json(cls, text: str | Mapping[str, Any], producer: str) -> Signature:
        """Read a signature back from its JSON (or the dict a result file holds)."""
        data = json.loads(text) if isinstance(text, str) else dict(text)
        if not isinstance(data, dict):
            raise TypeError(f"a signature is a JSON object, not {type(data).__name__}")
        return cls(producer, data)
