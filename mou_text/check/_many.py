"""Check a folder of agreements at once: parallel processes, one model load each, resumable.

A translation team checks dozens of agreements, and one process per pair pays the interpreter, the
imports and the sentence encoder (~2 s, ~150 MB) every time. :func:`check_many` starts ``jobs``
worker processes (``concurrent.futures.ProcessPoolExecutor``), each of which loads the encoder, the
glossary and the check modules once, in its initializer, then checks pair after pair. Each pair's
reports (``reports/<name>.html`` and ``.json``) are written atomically by the worker, followed by a
small ``<name>.row.json`` with its verdict, counts and the hashes of its inputs and settings; a run
that is interrupted and started again skips every pair whose row is there and still matches its
files and settings, so a resumed batch redoes only what is missing or changed. The findings are
those of :func:`mou_text.check.check` on the same pair — the same function runs in the worker.

:func:`check_dask` runs the same per-pair function on a Dask cluster (one encoder per worker
process); the output folder must then be one the workers can write (a shared file system).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import ConfigError
from ..signature import Signature
from ._batch import BatchReport, PairOutcome, read_row
from ._pairing import PairJob, Pairing, pair_files, pair_key, safe_name

__all__ = ["PairJob", "check_dask", "check_many", "pair_files"]

_STATE: dict[tuple[Any, ...], dict[str, Any]] = {}
_STATE_LOCK = threading.Lock()


def _worker_state(encoder: Any, glossary: Any, checks: tuple[str, ...] | None, threads: int | None) -> dict[str, Any]:
    """This process's encoder, glossary and check list, built on first use and reused."""
    key = (encoder if isinstance(encoder, (str, type(None))) else id(encoder), str(glossary), checks, threads)
    with _STATE_LOCK:
        state = _STATE.get(key)
        if state is None:
            from ..embed import get_encoder
            from ..glossary import glossary_of
            from ._runner import load_checks

            kwargs = {"threads": threads} if threads and _is_use(encoder) else {}
            enc = get_encoder(encoder, **kwargs)
            gloss = glossary if glossary is not None and not isinstance(glossary, (str, os.PathLike)) else glossary_of(
                None if glossary is None else Path(glossary)
            )
            load_checks(checks)  # import the modules now, in the initializer, not inside the first pair
            state = {"encoder": enc, "glossary": gloss, "checks": list(checks) if checks else None, "pid": os.getpid()}
            _STATE[key] = state
        return state


def _is_use(spec: Any) -> bool:
    return isinstance(spec, str) and spec == "use" or (spec is None and os.environ.get("MOU_TEXT_ENCODER", "use") == "use")


def _init_worker(encoder: Any, glossary: Any, checks: tuple[str, ...] | None, threads: int | None) -> None:
    _worker_state(encoder, glossary, checks, threads)
    global _DEFAULT_KEY
    _DEFAULT_KEY = (encoder, glossary, checks, threads)


_DEFAULT_KEY: tuple[Any, ...] | None = None


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _paths(out_dir: Path, name: str) -> tuple[Path, Path, Path]:
    reports = out_dir / "reports"
    return reports / f"{name}.html", reports / f"{name}.json", reports / f"{name}.row.json"


def check_pair(
    job: PairJob, out_dir: str | os.PathLike[str], *, lang: str = "en", settings: str = "",
    encoder: Any = None, glossary: Any = None, checks: tuple[str, ...] | None = None, threads: int | None = None,
) -> PairOutcome:
    """Check one pair with this process's shared state and write its reports; never raises for a bad
    input (the outcome says ``error``), so one broken file does not stop a batch."""
    from ..errors import MouTextError
    from ._runner import check

    out = Path(out_dir)
    html_path, json_path, row_path = _paths(out, job.name)
    t0 = time.perf_counter()
    inputs: dict[str, str] = {}
    try:
        inputs = {"en": _sha256(job.en), "es": _sha256(job.es)}
        state = _worker_state(encoder, glossary, checks, threads)
        report = check(job.en, job.es, state["glossary"], encoder=state["encoder"], checks=state["checks"])
        report.to_json(json_path)
        report.to_html(html_path, lang=lang)
    except Exception as exc:  # noqa: BLE001 - one pair's failure is its row, not the batch's end
        if not isinstance(exc, (MouTextError, OSError)):  # a bug, not a bad input: say where
            import traceback

            where = traceback.extract_tb(exc.__traceback__)[-1]
            exc = RuntimeError(f"{type(exc).__name__}: {exc} (at {Path(where.filename).name}:{where.lineno})")
        return PairOutcome(job.name, "error", str(job.en), str(job.es), seconds=time.perf_counter() - t0,
                           error=f"{type(exc).__name__}: {exc}", inputs=inputs, settings=settings)
    sev = {s: 0 for s in ("critical", "major", "minor", "info")}
    for f in report.findings:
        sev[f.severity] = sev.get(f.severity, 0) + 1
    outcome = PairOutcome(
        job.name, "conformant" if report.is_conformant else "divergent", str(job.en), str(job.es),
        findings=len(report.findings), report=html_path.relative_to(out).as_posix(),
        json=json_path.relative_to(out).as_posix(), seconds=time.perf_counter() - t0, inputs=inputs,
        settings=settings, **sev,
    )
    from .._io import atomic_write_text

    atomic_write_text(row_path, json.dumps(outcome.to_dict(), ensure_ascii=False, indent=1) + "\n")  # last: marks it done
    return outcome


def _pool_check(job: PairJob, out_dir: str, lang: str, settings: str) -> PairOutcome:
    assert _DEFAULT_KEY is not None
    encoder, glossary, checks, threads = _DEFAULT_KEY
    return check_pair(job, out_dir, lang=lang, settings=settings, encoder=encoder, glossary=glossary, checks=checks, threads=threads)


def _jobs_of(pairs: Any) -> list[PairJob]:
    if isinstance(pairs, Pairing):
        return list(pairs.jobs)
    out: list[PairJob] = []
    for p in pairs:
        if isinstance(p, PairJob):
            out.append(p)
        elif isinstance(p, (tuple, list)) and len(p) == 2:
            out.append(PairJob(safe_name(pair_key(p[0])), Path(p[0]), Path(p[1])))
        elif isinstance(p, (tuple, list)) and len(p) == 3:
            out.append(PairJob(safe_name(str(p[0])), Path(p[1]), Path(p[2])))
        else:
            raise ConfigError("pairs", f"{p!r} is not a pair", "pass PairJob items, (en, es) or (name, en, es) tuples, or pair_files(...)", code="E291")
    names = [j.name for j in out]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise ConfigError("pairs", f"several pairs are named {dup}", "give each pair its own name: (name, en, es)", code="E290")
    return out


def _settings(encoder: Any, glossary: Any, checks: Sequence[str] | None, lang: str) -> str:
    """A hash of everything that changes a pair's reports: a resumed run reuses only matching rows."""
    from ..resources import data_path

    if isinstance(glossary, (str, os.PathLike)):
        gloss = _sha256(Path(glossary))
    elif glossary is None:
        gloss = "bundled:" + _sha256(data_path("corpora", "glossary.tsv"))
    else:
        gloss = repr(getattr(glossary, "signature", lambda: glossary)())
    enc = encoder if isinstance(encoder, str) else (os.environ.get("MOU_TEXT_ENCODER") or "use") if encoder is None else getattr(encoder, "name", type(encoder).__name__)
    key = {"version": __version__, "encoder": enc, "glossary": gloss, "checks": list(checks) if checks else None, "lang": lang}
    return hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:16]


def _start(
    todo: list[PairJob], out_dir: str | os.PathLike[str], encoder: Any, glossary: Any, checks: Sequence[str] | None, lang: str, resume: bool
) -> tuple[Path, str, dict[str, PairOutcome], list[PairJob]]:
    """What every batch run does first, on any scheduler: the output folder, the settings hash, the
    pairs a resumed run already has (same files, same settings), and the pairs left to check."""
    out = Path(out_dir)
    (out / "reports").mkdir(parents=True, exist_ok=True)
    settings = _settings(encoder, glossary, checks, lang)
    results: dict[str, PairOutcome] = {}
    if resume:
        for job in todo:
            done = _resumable(job, out, settings)
            if done is not None:
                results[job.name] = done
    return out, settings, results, [j for j in todo if j.name not in results]


def _resumable(job: PairJob, out: Path, settings: str) -> PairOutcome | None:
    html_path, json_path, row_path = _paths(out, job.name)
    row = read_row(row_path)
    if row is None or row.verdict == "error" or row.settings != settings or not (html_path.exists() and json_path.exists()):
        return None
    try:
        if row.inputs != {"en": _sha256(job.en), "es": _sha256(job.es)}:
            return None
    except OSError:
        return None
    return PairOutcome(**{**{k: getattr(row, k) for k in row.__dataclass_fields__}, "resumed": True})


def _validate(encoder: Any, glossary: Any, jobs: int) -> None:
    if jobs > 1 and encoder is not None and not isinstance(encoder, str):
        raise ConfigError("encoder", "an encoder object cannot be shared with worker processes",
                          "pass its spec string ('use', 'st', 'st:<model>', 'fake'), or jobs=1", code="E289")
    if jobs > 1 and glossary is not None and not isinstance(glossary, (str, os.PathLike)):
        raise ConfigError("glossary", "a loaded glossary cannot be shared with worker processes",
                          "pass the path of its TSV file, or jobs=1", code="E288")


def check_many(
    pairs: Iterable[Any] | Pairing,
    out_dir: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    encoder: Any = None,
    glossary: Any = None,
    checks: Sequence[str] | None = None,
    lang: str = "en",
    resume: bool = True,
    progress: bool = True,
    summary: Sequence[str] = ("csv", "xlsx", "html"),
) -> BatchReport:
    """Check every pair into ``out_dir`` and return the summary (also written as ``summary.<fmt>``).

    ``pairs``: :func:`pair_files` output, :class:`PairJob` items, ``(en, es)`` or ``(name, en, es)``.
    ``jobs``: worker processes (default: the cores this process may use; 1 runs in this process).
    ``encoder``/``glossary``: spec string and TSV path (objects only with ``jobs=1``). ``lang``: the
    language of the HTML reports and the summary. ``resume``: skip pairs already done with the same
    files and settings.
    """
    from concurrent.futures import ProcessPoolExecutor, as_completed

    from tqdm.auto import tqdm

    from ..embed import cpu_threads
    from ..lang import check_lang

    check_lang(lang)
    todo = _jobs_of(pairs)
    n_jobs = max(1, min(jobs or cpu_threads(), len(todo) or 1))
    _validate(encoder, glossary, n_jobs)
    checks_t = tuple(checks) if checks else None
    glossary_arg = str(glossary) if isinstance(glossary, os.PathLike) else glossary
    out, settings, results, remaining = _start(todo, out_dir, encoder, glossary, checks_t, lang, resume)
    threads = max(1, cpu_threads() // n_jobs)
    bar = tqdm(total=len(todo), initial=len(results), disable=not progress, unit="pair", desc="check")
    try:
        if n_jobs == 1 or len(remaining) <= 1:
            for job in remaining:
                results[job.name] = check_pair(job, out, lang=lang, settings=settings, encoder=encoder,
                                               glossary=glossary_arg, checks=checks_t, threads=None)
                bar.update(1)
        elif remaining:
            import multiprocessing as mp

            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            with ProcessPoolExecutor(n_jobs, mp_context=mp.get_context(method), initializer=_init_worker,
                                     initargs=(encoder, glossary_arg, checks_t, threads)) as pool:
                futures = {pool.submit(_pool_check, job, str(out), lang, settings): job for job in remaining}
                for fut in as_completed(futures):
                    results[futures[fut].name] = fut.result()
                    bar.update(1)
    finally:
        bar.close()
    report = BatchReport(tuple(results[j.name] for j in todo), out, _signature(encoder, glossary, checks_t, lang, n_jobs, settings, "processes"))
    report.write_summaries(tuple(summary), lang)
    return report


def _signature(encoder: Any, glossary: Any, checks: Any, lang: str, jobs: int, settings: str, runner: str) -> Signature:
    return Signature.of(
        "check_many",
        encoder=encoder if isinstance(encoder, str) or encoder is None else getattr(encoder, "name", type(encoder).__name__),
        glossary=None if glossary is None else str(glossary),
        checks=list(checks) if checks else "all",
        lang=lang,
        jobs=jobs,
        runner=runner,
        settings=settings,
    )


def _dask_check(job: PairJob, out_dir: str, lang: str, settings: str, encoder: Any, glossary: Any, checks: Any) -> dict[str, Any]:
    return check_pair(job, out_dir, lang=lang, settings=settings, encoder=encoder, glossary=glossary, checks=checks, threads=1).to_dict()


def check_dask(
    pairs: Iterable[Any] | Pairing,
    out_dir: str | os.PathLike[str],
    *,
    encoder: str | None = None,
    glossary: str | os.PathLike[str] | None = None,
    checks: Sequence[str] | None = None,
    lang: str = "en",
    resume: bool = True,
    npartitions: int | None = None,
    summary: Sequence[str] = ("csv", "xlsx", "html"),
) -> BatchReport:
    """:func:`check_many` on the current Dask scheduler (a ``distributed.Client`` if one is active).

    Each worker process loads the encoder once (the first pair it checks builds it) and writes each
    pair's reports into ``out_dir``, which must be reachable from every worker. Only strings (file
    paths, the encoder spec) travel to the workers.
    """
    import dask.bag as db

    from ..lang import check_lang

    check_lang(lang)
    _validate(encoder, glossary, 2)
    todo = _jobs_of(pairs)
    checks_t = tuple(checks) if checks else None
    glossary_arg = str(glossary) if glossary is not None else None
    out, settings, results, remaining = _start(todo, out_dir, encoder, glossary_arg, checks_t, lang, resume)
    if remaining:
        bag = db.from_sequence(remaining, npartitions=npartitions or min(len(remaining), 64))
        rows = bag.map(_dask_check, str(out), lang, settings, encoder, glossary_arg, checks_t).compute()
        for row in rows:
            o = PairOutcome.from_dict(row)
            results[o.pair] = o
    report = BatchReport(tuple(results[j.name] for j in todo), out, _signature(encoder, glossary_arg, checks_t, lang, 0, settings, "dask"))
    report.write_summaries(tuple(summary), lang)
    return report
