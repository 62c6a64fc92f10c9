"""The docs stay true: the API reference matches the code, the README opens with its two commands."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_api_reference_is_current():
    run = subprocess.run([sys.executable, str(ROOT / "docs" / "make_api.py"), "--check"], cwd=ROOT)
    assert run.returncode == 0, "docs/api.md is out of date: run python docs/make_api.py"


def test_readme_opens_with_two_commands_and_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```bash\n", 1)[1].split("```", 1)[0].strip().splitlines()
    assert len(block) == 2
    setup, tests = block
    assert "pip install" in setup and "mou-text" in setup
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert tests in ci
    assert "set -e" in ci  # a failing test fails CI


def test_architecture_names_every_module():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = [p for p in (ROOT / "mou_text").rglob("*.py") if p.name != "__init__.py" and not p.name.startswith("_")]
    missing = [str(p.relative_to(ROOT)) for p in modules if p.stem not in text]
    assert not missing, f"docs/architecture.md does not mention: {missing}"
