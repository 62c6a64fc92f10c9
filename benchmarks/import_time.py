"""Whole-process cost of `import mou_text` (median of N fresh interpreters), beside `import pandas`.

    python benchmarks/import_time.py [--runs 5]

Run it at two commits to compare a layout change (`git stash` / `git checkout REV`).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def wall(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    n = ap.parse_args().runs
    print(f"python -c pass          {wall('pass', n):.3f} s")
    print(f"python -c 'import mou_text'  {wall('import mou_text', n):.3f} s")
    print(f"python -c 'import pandas'    {wall('import pandas', n):.3f} s")
