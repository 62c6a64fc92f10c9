"""What the benchmark scripts share (not a test, not part of the package)."""

from __future__ import annotations

from pathlib import Path


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident set size in MB from /proc (Linux); zeros elsewhere."""
    cur = peak = 0.0
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                cur = int(line.split()[1]) / 1024
            elif line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
    except OSError:
        pass
    return cur, peak
