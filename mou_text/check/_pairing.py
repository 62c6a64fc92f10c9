"""Which English file goes with which Spanish one: by name, or by a mapping table someone wrote.

A translation team's folders rarely follow one convention: ``MOU_2012_EN.docx`` / ``MOU_2012_ES.docx``,
``acuerdo-en.md`` / ``acuerdo-es.md``, ``en/acuerdo.pdf`` / ``es/acuerdo.pdf``, ``Agreement.EN.txt`` /
``Agreement.Spanish.txt``. So a file's *key* is its name with language markers removed: the name
is cut at ``_ - . space``, the pieces that name a language (``en``, ``eng``, ``english``, ``inglés``,
``es``, ``spa``, ``esp``, ``spanish``, ``español``, ``castellano``) are dropped, the rest is folded
(case and accents) and joined. Files whose keys match are a pair; anything else is reported, never
guessed. Where names say nothing, a CSV with columns ``en,es`` (and optionally ``name``) says it.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..lang import fold
from ..readers import SUPPORTED

EN_MARKERS = frozenset({"en", "eng", "english", "ingles"})
ES_MARKERS = frozenset({"es", "esp", "spa", "spanish", "espanol", "castellano"})
_CUT = re.compile(r"[\s._\-]+")


def pair_key(path: str | os.PathLike[str]) -> str:
    """``'MOU_2012-EN.docx'`` → ``'mou_2012'``: the name without extension and language markers."""
    pieces = [fold(p) for p in _CUT.split(Path(path).name[: -len(Path(path).suffix) or None]) if p]
    kept = [p for p in pieces if p not in EN_MARKERS and p not in ES_MARKERS]
    return "_".join(kept or pieces)


def _marker(path: Path) -> str | None:
    pieces = {fold(p) for p in _CUT.split(path.stem) if p}
    en, es = bool(pieces & EN_MARKERS), bool(pieces & ES_MARKERS)
    return "en" if en and not es else "es" if es and not en else None


def safe_name(key: str) -> str:
    """A file-name-safe form of a pair's key (report files are named after it)."""
    return re.sub(r"[^\w.-]+", "_", key).strip("._") or "pair"


@dataclass(frozen=True, slots=True)
class PairJob:
    """One agreement to check: its name (the key its files share) and the two files."""

    name: str
    en: Path
    es: Path


@dataclass(frozen=True)
class Pairing:
    """The pairs found, and the files left without a partner (reported, never checked)."""

    jobs: tuple[PairJob, ...]
    unpaired_en: tuple[Path, ...] = field(default=())
    unpaired_es: tuple[Path, ...] = field(default=())

    def __iter__(self) -> Iterator[PairJob]:
        return iter(self.jobs)

    def __len__(self) -> int:
        return len(self.jobs)

    def to_frame(self) -> Any:
        import pandas as pd

        return pd.DataFrame([{"pair": j.name, "en": str(j.en), "es": str(j.es)} for j in self.jobs], columns=["pair", "en", "es"])

    def _repr_html_(self) -> str:
        return self.to_frame()._repr_html_() + (
            f"<p>unpaired: {len(self.unpaired_en)} English, {len(self.unpaired_es)} Spanish</p>"
            if self.unpaired_en or self.unpaired_es else ""
        )


def _documents(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise ConfigError(f"folder '{folder}'", "it is not a folder", "pass the folder that holds the agreements", code="E271")
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED and not p.name.startswith("."))


def pair_files(
    en_dir: str | os.PathLike[str],
    es_dir: str | os.PathLike[str] | None = None,
    *,
    mapping: str | os.PathLike[str] | None = None,
) -> Pairing:
    """Pair the agreements of ``en_dir`` with those of ``es_dir`` by name (see the module docstring).

    ``es_dir=None`` (or the same folder) pairs within one folder by the language markers in the names.
    ``mapping``: a CSV with columns ``en,es`` (optional ``name``); relative paths are read against
    ``en_dir`` and ``es_dir``.
    """
    en_root = Path(en_dir)
    es_root = Path(es_dir) if es_dir is not None else en_root
    if mapping is not None:
        return _from_mapping(Path(mapping), en_root, es_root)
    if es_root.resolve() == en_root.resolve():
        files = _documents(en_root)
        en_files = [p for p in files if _marker(p) == "en"]
        es_files = [p for p in files if _marker(p) == "es"]
    else:
        en_files, es_files = _documents(en_root), _documents(es_root)
    en_by, es_by = _by_key(en_files, "English"), _by_key(es_files, "Spanish")
    jobs = [PairJob(safe_name(k), en_by[k], es_by[k]) for k in sorted(en_by) if k in es_by]
    _unique_names(jobs)
    return Pairing(
        tuple(jobs),
        tuple(p for k, p in sorted(en_by.items()) if k not in es_by),
        tuple(p for k, p in sorted(es_by.items()) if k not in en_by),
    )


def _by_key(files: list[Path], language: str) -> dict[str, Path]:
    out: dict[str, Path] = {}
    for p in files:
        k = pair_key(p)
        if k in out:
            raise ConfigError(
                f"{language} files '{out[k].name}' and '{p.name}'",
                f"both name the same agreement ('{k}' once language markers are removed)",
                "rename one of them, or pair the files with a mapping CSV (columns en,es)", code="E270",
            )
        out[k] = p
    return out


def _unique_names(jobs: list[PairJob]) -> None:
    seen: dict[str, PairJob] = {}
    for j in jobs:
        if j.name in seen:
            raise ConfigError(
                f"pairs '{seen[j.name].en.name}' and '{j.en.name}'", f"both would write reports named '{j.name}'",
                "give them distinct names (the mapping CSV's name column)", code="E269",
            )
        seen[j.name] = j


def _from_mapping(path: Path, en_root: Path, es_root: Path) -> Pairing:
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise ConfigError(f"mapping file '{path}'", f"it cannot be read ({exc.strerror})", "check the path", code="E268") from None
    if not rows or not {"en", "es"} <= {(c or "").strip().lower() for c in rows[0]}:
        raise ConfigError(f"mapping file '{path}'", "it has no 'en' and 'es' columns", "write a CSV whose header is en,es (optionally name)", code="E267")
    jobs = []
    for row in rows:
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
        if not row.get("en") and not row.get("es"):
            continue
        en, es = Path(row["en"]), Path(row["es"])
        en = en if en.is_absolute() else en_root / en
        es = es if es.is_absolute() else es_root / es
        for p in (en, es):
            if not p.is_file():
                raise ConfigError(f"mapping file '{path}'", f"it names '{p}', which does not exist", "fix the row or the folder arguments", code="E266")
        jobs.append(PairJob(safe_name(row.get("name") or pair_key(en)), en, es))
    _unique_names(jobs)
    return Pairing(tuple(jobs))
