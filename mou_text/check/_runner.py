"""``check(en, es)``: align two versions of an agreement, run every divergence check, return a report.

One entry point a translator (or CI) calls; the checks themselves are plain modules of
``mou_text.check.rules`` named in :data:`CHECK_MODULES`, each with ``check(pairs, ctx) -> list[Finding]``.
The aligner runs once and every check reads the same aligned pairs, so no two checks can disagree
about which clause renders which. A module named in the registry that cannot be imported is an
error, never a silent skip: a conformity report that quietly ran fewer checks would claim more
than it verified.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from ..align import MERGE_GAIN, SUSPICIOUS_Z, AlignedPair, ParallelDocument, align_with_stats
from ..document import Document
from ..embed import CachedEncoder, Encoder, get_encoder
from ..errors import ConfigError
from ..glossary import Glossary, glossary_of
from ..signature import Signature
from ._finding import SEVERITY_RANK, CheckContext, Finding
from ._report import CheckReport
from .rules import CAT_RULES, RULES

#: Check modules run by default, in this order (``mou_text.check.rules.<name>``).
CHECK_MODULES = list(RULES)
#: Check modules run by default on the units of a CAT file (a ParallelDocument).
CAT_CHECK_MODULES = list(CAT_RULES)


def check(
    en: Document | ParallelDocument | str | os.PathLike[str],
    es: Document | str | os.PathLike[str] | None = None,
    glossary: Any = None,
    *,
    encoder: Encoder | str | None = None,
    checks: Sequence[str] | None = None,
    skip_states: Sequence[str] = (),
    progress: bool | None = None,
) -> CheckReport:
    """Check that the Spanish version says what the English says, clause by clause (or unit by unit).

    ``en``/``es`` are Documents, paths or strings (parsed as English and Spanish). Or ``en`` is a
    :class:`~mou_text.align.ParallelDocument` read from a CAT file (``pair_from_file``) and ``es``
    is left out: its units are trusted as the file pairs them (never re-aligned), untranslated and
    empty units are reported as such, inline codes are compared (``tags``), renderings across units
    (``consistency``), and ``skip_states`` leaves out units in those states or state qualifiers
    (``new``, ``needs-translation``, ``exact-match``…; ``approved`` for approved units).
    ``progress`` shows a progress bar on stderr (default: when stderr is a terminal).
    ``glossary`` is a path, a loaded glossary, or ``None`` for the bundled one. ``encoder`` defaults
    to USE. ``checks`` restricts the modules run (names from :data:`CHECK_MODULES`, and for a CAT
    file :data:`CAT_CHECK_MODULES`).
    """
    from ..parse import parse

    if isinstance(en, ParallelDocument):
        if es is not None:
            raise ConfigError("check()", "a ParallelDocument is checked on its own, but a second document was passed", "call check(par) with the pairs alone, or check(en, es) with two documents", code="E248")
        return _check_units(en, glossary, encoder=encoder, checks=checks, skip_states=skip_states, progress=progress)
    if es is None:
        raise ConfigError("check()", "only one document was passed", "pass the English and the Spanish version, or a ParallelDocument read from a CAT file", code="E249")
    en_doc = en if isinstance(en, Document) else parse(en, lang="en")
    es_doc = es if isinstance(es, Document) else parse(es, lang="es")
    modules = load_checks(checks)
    gloss = _glossary(glossary, needed=any(name in ("names", "terms") for name, _ in modules))
    enc = get_encoder(encoder)
    if not isinstance(enc, CachedEncoder):  # a user's own encoder: cache for this run at least
        enc = CachedEncoder(enc)
    pairs, stats = align_with_stats(en_doc, es_doc, enc)
    ctx = CheckContext(
        en_doc=en_doc,
        es_doc=es_doc,
        glossary=gloss,
        encoder=enc,
        align_stats=stats,
    )
    findings: list[Finding] = []
    for _, mod in modules:
        findings.extend(mod.check(pairs, ctx))
    return _report(findings, pairs, en_doc, es_doc, enc, gloss, modules, stats, "id-anchors + banded DP (1-0, 0-1, 1-1, 2-1, 1-2) + moved-clause matching")


def _check_units(
    par: ParallelDocument, glossary: Any, *, encoder: Any, checks: Sequence[str] | None, skip_states: Sequence[str], progress: bool | None
) -> CheckReport:
    """The CAT-file path of :func:`check` (see ``_units``)."""
    from ._units import run_units

    modules = load_checks(checks, default=CAT_CHECK_MODULES)
    gloss = _glossary(glossary, needed=any(name in ("names", "terms") for name, _ in modules))
    enc = get_encoder(encoder)
    if not isinstance(enc, CachedEncoder):
        enc = CachedEncoder(enc)
    findings, pairs, units, stats = run_units(par, modules, glossary=gloss, encoder=enc, skip_states=skip_states, progress=progress)
    return _report(
        findings, pairs, par.en, par.es, enc, gloss, modules, stats, "trusted: the file's own units (no re-alignment)",
        units=units, skip_states=sorted({s.strip().lower() for s in skip_states if s.strip()}),
    )


def _report(
    findings: list[Finding], pairs: Sequence[AlignedPair], en: Document, es: Document, enc: Any, gloss: Any,
    modules: list[tuple[str, ModuleType]], stats: Any, aligner: str, *, units: Any = None, skip_states: list[str] | None = None,
) -> CheckReport:
    """The report of a run, whichever way its pairs were made: echoes dropped, findings in document
    order, and the signature of everything that produced them."""
    extra = {} if skip_states is None else {"skip_states": skip_states}
    signature = Signature.of(
        "check",
        encoder=getattr(enc, "name", type(enc).__name__),
        aligner=aligner,
        thresholds=_thresholds(stats, modules),
        glossary=_glossary_signature(gloss),
        checks=[name for name, _ in modules],
        **extra,
        en_source=en.source,
        es_source=es.source,
    )
    kept = _drop_echoes(findings)
    report = dict(findings=tuple(sort_findings(kept, pairs)), pairs=tuple(pairs), en=en, es=es, signature=signature)
    return CheckReport(**report, units=units) if units is not None else CheckReport(**report)


def load_checks(checks: Sequence[str] | None = None, *, default: Sequence[str] | None = None) -> list[tuple[str, ModuleType]]:
    """The check modules to run, imported by name; an unknown or missing one is a ConfigError."""
    names = list((default or CHECK_MODULES) if checks is None else checks)
    if isinstance(checks, str):
        names = [checks]
    if not names:  # a report that ran nothing would still read as conforming
        raise ConfigError("checks", "it names no check, so nothing would be checked", f"leave it out to run every check, or name some of {', '.join(CHECK_MODULES)}", code="E262")
    out = []
    for name in names:
        if name not in CAT_CHECK_MODULES:
            raise ConfigError("checks", f"{name!r} is not a check module", f"choose from {', '.join(CAT_CHECK_MODULES)}", code="E201")
        try:
            mod = importlib.import_module(f"{__package__}.rules.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.rules.{name}":
                raise
            raise ConfigError(
                f"check module '{name}'",
                f"mou_text/check/rules/{name}.py is not available in this installation",
                "reinstall mou-text, or pass checks=[...] naming only the modules you want to run", code="E202",
            ) from None
        if not callable(getattr(mod, "check", None)):
            raise ConfigError(f"check module '{name}'", "it has no check(pairs, ctx) function", "fix the module or leave it out of checks=[...]", code="E203")
        out.append((name, mod))
    return out


def _glossary(glossary: Any, *, needed: bool) -> Any:
    """A loaded glossary: passed through, loaded from a path, or the bundled one when a check needs it."""
    if glossary is not None and not isinstance(glossary, (str, os.PathLike)):
        return glossary
    if glossary is None and not needed:
        return None
    return glossary_of(None if glossary is None else Path(glossary))


def _glossary_signature(gloss: Any) -> dict[str, Any] | None:
    """Version and content hash of the glossary; a caller's own glossary-like object is described by
    whatever version attributes it has, or by a hash of its repr."""
    if gloss is None:
        return None
    if isinstance(gloss, Glossary):
        return gloss.signature().to_dict()
    out: dict[str, Any] = {}
    for attr in ("version", "sha256", "hash", "path", "source", "sources"):
        value = getattr(gloss, attr, None)
        if value is None and isinstance(gloss, dict):
            value = gloss.get(attr)
        if value is not None:
            out[attr] = list(value) if isinstance(value, (tuple, list)) else str(value)
    if not out:
        out["repr_sha256"] = hashlib.sha256(repr(gloss).encode()).hexdigest()[:16]
    return out


def _thresholds(stats: Any, modules: list[tuple[str, ModuleType]]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "align": {
            "suspicious_z": SUSPICIOUS_Z,
            "tau": round(stats.tau, 4),
            "median_similarity": round(stats.median, 4),
            "scale": round(stats.scale, 4),
            "merge_gain": MERGE_GAIN,
        }
    }
    for name, mod in modules:
        th = getattr(mod, "THRESHOLDS", None)
        if isinstance(th, dict):
            out[name] = dict(th)
    return out


def _drop_echoes(findings: list[Finding]) -> list[Finding]:
    """Drop a length or similarity outlier on a pair where a sentence was found omitted or added:
    the structural finding names the missing words, the outlier only echoes it."""
    explained = {(f.en_id, f.es_id) for f in findings if f.kind in ("omission", "addition") and f.en_id and f.es_id}
    return [f for f in findings if not (f.kind in ("length", "similarity") and (f.en_id, f.es_id) in explained)]


def sort_findings(findings: list[Finding], pairs: Sequence[AlignedPair]) -> list[Finding]:
    """Document order (the aligned pair a finding belongs to), then most severe first, then offset."""
    where: dict[tuple[str, str], int] = {}
    for k, p in enumerate(pairs):
        for n in p.en:
            where.setdefault(("en", n.id), k)
        for n in p.es:
            where.setdefault(("es", n.id), k)

    def key(f: Finding) -> tuple[int, int, int]:  # (pair, -severity, offset)
        k = len(pairs)
        for lang, ids in (("en", f.en_id), ("es", f.es_id)):
            if ids:
                k = min(k, min((where.get((lang, i), len(pairs)) for i in ids.split("+")), default=len(pairs)))
        offset = (f.en_span or f.es_span or (0, 0))[0]
        return (k, -SEVERITY_RANK.get(f.severity, 0), offset)

    return sorted(findings, key=key)
