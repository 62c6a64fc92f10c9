"""Time of ``mou_text.check`` on real CAT files vs the raw encoder embedding both sides once.

The baseline is the least any embedding-based checker must spend: the sentence encoder (USE, no
cache) encoding every source and every target text of the file once, in one call per side. The
check is the whole ``mou_text.check(ParallelDocument)`` (reading the file excluded) with a fresh
embedding cache, after one warm-up check of a small fixture that loads the model and the rules'
tables, so both columns time warm code. The target (issue 14) is a check within 3× the baseline.
Part-DB's sources are message keys, which the check reports once and does not embed, so its row
is shown twice: as checked, and with ``--as-text`` forcing every unit through the rules (the keys
read as text) to time the per-unit path on 1,434 units.

Files are read in place from ``../shared/cat`` (third-party data, never copied into the project).

    python benchmarks/check_cat.py [--files NAME,...] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from unittest import mock

import mou_text
from mou_text.embed import CachedEncoder, get_encoder
from mou_text.interchange import pair_from_file

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "cat"


def baseline(par, raw) -> float:
    src = [p.en.text for p in par.pairs if p.en is not None]
    tgt = [p.es.text for p in par.pairs if p.es is not None]
    t = time.perf_counter()
    raw.encode(src)
    raw.encode(tgt)
    return time.perf_counter() - t


def timed_check(par, raw, *, as_text: bool = False) -> tuple[float, int]:
    enc = CachedEncoder(raw)  # a cold cache: every text is embedded by this run
    t = time.perf_counter()
    if as_text:
        with mock.patch.object(sys.modules["mou_text.check._units"], "is_key", lambda text: False):
            report = mou_text.check(par, encoder=enc, progress=False)
    else:
        report = mou_text.check(par, encoder=enc, progress=False)
    return time.perf_counter() - t, len(report.findings)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", default="", help="comma-separated file names in ../shared/cat (default: all)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-text", action="store_true", help="skip the Part-DB row with its keys read as text")
    args = ap.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"real CAT files not found at {SHARED}")
    names = [n for n in args.files.split(",") if n] or sorted(p.name for p in SHARED.glob("*.xl*"))
    raw = getattr(get_encoder("use"), "inner", get_encoder("use"))
    warm = pair_from_file(ROOT / "tests" / "data" / "cat" / "omegat_prose.tmx")
    mou_text.check(warm, encoder=CachedEncoder(raw), progress=False)
    print("| file | units | embed both sides (s) | check (s) | ratio | findings |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in names:
        par = pair_from_file(SHARED / name)
        rows = [("", False)] + ([(" (keys read as text)", True)] if name.startswith("partdb") and not args.no_text else [])
        for label, as_text in rows:
            base = statistics.median(baseline(par, raw) for _ in range(args.repeat))
            runs = [timed_check(par, raw, as_text=as_text) for _ in range(args.repeat)]
            t = statistics.median(r[0] for r in runs)
            print(f"| {name}{label} | {len(par.pairs):,} | {base:.2f} | {t:.2f} | {t / base:.2f}× | {runs[0][1]} |")


if __name__ == "__main__":
    main()
