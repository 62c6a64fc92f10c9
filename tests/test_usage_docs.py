"""docs/usage.md is executable: every ``python`` block runs as a doctest and every ``console`` command runs.

A walk-through that is not run rots. Python blocks are doctests (the shown output is compared); console
blocks are ``$ command`` lines followed by lines that must appear in the command's output, with
``# exit N`` after a command that is expected to exit N. Everything runs in a scratch folder in which
``corpora/`` is the repository's, so the docs can use the same relative paths a newcomer would.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

USAGE = ROOT / "docs" / "usage.md"
BLOCK = re.compile(r"^```(python|console)\n(.*?)^```", re.S | re.M)


def sections() -> list[tuple[str, list[tuple[str, str]]]]:
    text = USAGE.read_text(encoding="utf-8")
    out = []
    for part in re.split(r"^## ", text, flags=re.M)[1:]:
        title = part.splitlines()[0].strip()
        out.append((title, [(m.group(1), m.group(2)) for m in BLOCK.finditer(part)]))
    return out


@pytest.fixture()
def scratch(tmp_path, monkeypatch):
    (tmp_path / "corpora").symlink_to(ROOT / "corpora")
    (tmp_path / "tests").symlink_to(ROOT / "tests")  # the CAT fixtures the translator section reads
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_console(block: str, cwd: Path) -> None:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}", COLUMNS="200")
    commands: list[tuple[str, int, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            cmd, _, comment = line[2:].partition("  # exit ")
            commands.append((cmd.strip(), int(comment) if comment else 0, []))
        elif line.strip() and commands:
            commands[-1][2].append(line.strip())
    for cmd, code, expected in commands:
        argv = shlex.split(cmd)
        if argv[0] == "mou-text":
            argv = [sys.executable, "-m", "mou_text", *argv[1:]]
        proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
        assert proc.returncode == code, f"{cmd}: exit {proc.returncode}\n{proc.stderr[-2000:]}"
        shown = " ".join((proc.stdout + proc.stderr).split())
        for line in expected:
            fragment = " ".join(line.split()).rstrip("…").strip()
            assert fragment in shown, f"{cmd}: expected {line!r} in its output:\n{proc.stdout[-3000:]}"


@pytest.mark.slow
@pytest.mark.parametrize("title,blocks", sections(), ids=[t for t, _ in sections()])
def test_walkthrough(title, blocks, scratch):
    assert blocks, f"section {title!r} has no runnable example"
    globs: dict = {}
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for k, (kind, body) in enumerate(blocks):
        if kind == "console":
            run_console(body, scratch)
            continue
        test = parser.get_doctest(body, globs, f"{title}[{k}]", str(USAGE), 0)
        runner.run(test, clear_globs=False)
        globs = test.globs  # later blocks build on earlier ones
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} doctest example(s) failed in {title!r} (see output above)"
