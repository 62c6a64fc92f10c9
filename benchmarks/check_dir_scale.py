"""A folder of agreements: `mou-text check-dir` on 2 cores against one `mou-text check` process per pair.

    python benchmarks/check_dir_scale.py [--n 100] [--jobs 2] [--parallel 1] [--encoder use]

Generates N MOU-sized pairs (``benchmarks/make_pairs.py``: variants of the bundled MOU, a quarter of
them with the altered Spanish versions), then, whole-process under ``/usr/bin/time -v``:

1. ``mou-text check-dir EN ES --jobs J`` (one model load per worker);
2. ``mou-text check EN_i ES_i --json ...`` once per pair, ``--parallel`` at a time (1: one after the
   other, as a script looping over the files would).

Reports wall time, throughput, peak resident memory (``/usr/bin/time``'s maximum, which for
check-dir is its largest process: a worker) and whether each pair's findings are the same in both.
The lexicon cache is warmed first (one untimed check), so both sides start from the same state.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_pairs import make_pairs  # noqa: E402

PY = sys.executable


def timed(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS MB, exit code) of a whole process under /usr/bin/time -v."""
    t = time.perf_counter()
    run = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    wall = time.perf_counter() - t
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    if run.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed:\n{run.stderr[-3000:]}")
    return wall, int(m.group(1)) / 1024 if m else float("nan"), run.returncode


def findings(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["findings"]


def key(f: dict) -> tuple:
    return (f["kind"], f["severity"], f.get("en_id"), f.get("es_id"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--parallel", type=int, default=1, help="separate processes run at a time")
    ap.add_argument("--encoder", default="use")
    ap.add_argument("--keep", help="work in this folder instead of a temporary one")
    args = ap.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="mou-check-dir-"))
    en_dir, es_dir = make_pairs(work / "pairs", args.n)
    pairs = sorted(zip(sorted(en_dir.glob("*.md")), sorted(es_dir.glob("*.md"))))
    enc = ["--encoder", args.encoder]
    subprocess.run([PY, "-m", "mou_text", "check", *map(str, pairs[0]), *enc], capture_output=True)  # warm caches

    out = work / "check-dir"
    cd_wall, cd_rss, _ = timed([PY, "-m", "mou_text", "check-dir", str(en_dir), str(es_dir), "--out", str(out),
                                "--jobs", str(args.jobs), "--no-progress", "--no-resume", "--summary", "csv", *enc])

    sep = work / "separate"
    sep.mkdir(exist_ok=True)

    def one(pair: tuple[Path, Path]) -> tuple[float, float]:
        name = pair[0].stem[: -len("_EN")]
        wall, rss, _ = timed([PY, "-m", "mou_text", "check", str(pair[0]), str(pair[1]), "--json", str(sep / f"{name}.json"), *enc])
        return wall, rss

    t = time.perf_counter()
    with ThreadPoolExecutor(args.parallel) as pool:
        per = list(pool.map(one, pairs))
    sep_wall = time.perf_counter() - t
    sep_rss = max(r for _, r in per)

    same = same_keys = 0
    diffs = []
    for en, _ in pairs:
        name = en.stem[: -len("_EN")]
        a, b = findings(out / "reports" / f"{name}.json"), findings(sep / f"{name}.json")
        same += a == b
        same_keys += [key(f) for f in a] == [key(f) for f in b]
        if a != b:
            diffs.append(name)
    n = len(pairs)
    print(f"{n} pairs, encoder {args.encoder}, work folder {work}")
    print("| run | wall (s) | pairs/s | peak RSS per process (MB) |")
    print("|---|---:|---:|---:|")
    print(f"| `mou-text check-dir --jobs {args.jobs}` | {cd_wall:.1f} | {n / cd_wall:.2f} | {cd_rss:.0f} |")
    print(f"| `mou-text check` × {n} ({args.parallel} at a time) | {sep_wall:.1f} | {n / sep_wall:.2f} | {sep_rss:.0f} |")
    print(f"speed-up: {sep_wall / cd_wall:.1f}×; pairs with identical findings: {same}/{n} "
          f"(same kind, severity and ids: {same_keys}/{n})" + (f"; differing: {', '.join(diffs[:10])}" if diffs else ""))


if __name__ == "__main__":
    main()
