"""The tutorial notebooks execute from top to bottom as a researcher would run them: copied to a folder
outside the repository and run there against the installed package (CI installs it as README says; a
developer's PYTHONPATH is kept), so outputs are stripped in git and cannot rot. Bundled data must come through ``mou_text.resources.data_path``, never a guessed
checkout path."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_notebooks_exist_and_are_generated():
    assert [p.name for p in NOTEBOOKS] == [
        "01_parse_and_explore.ipynb",
        "02_tag_reports.ipynb",
        "03_verify_translation.ipynb",
        "04_translation_memories.ipynb",
    ]
    nbformat = pytest.importorskip("nbformat")
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        source = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
        # no repository guessing: nothing reaches for the checkout's folders
        for guess in ("ROOT", "tests/data", "Path.cwd().parent", "__file__", "corpora/"):
            assert guess not in source, f"{path.name} guesses the repository: {guess!r}"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_outside_the_repository(path, tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    work = tmp_path / "researcher"
    work.mkdir()
    assert ROOT not in work.parents
    copy = work / path.name
    shutil.copy(path, copy)
    nb = nbformat.read(copy, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "outputs must be stripped in git"
    client = nbclient.NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(work)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    errors = [o for o in outputs if o.output_type == "error"]
    assert not errors, errors[0].get("evalue") if errors else ""
    # the rich displays rendered: tables and labelled figures came out
    assert any("text/html" in o.get("data", {}) for o in outputs)
    assert any("image/png" in o.get("data", {}) for o in outputs)
    first = next(c for c in nb.cells if c.cell_type == "code" and c.outputs)
    if path.name.startswith("02"):
        assert "text/html" in first.outputs[0].get("data", {}), "notebook 2's first output is a table"
    if path.name.startswith("03"):
        text = "".join(o.get("text", "") + o.get("data", {}).get("text/plain", "") + o.get("data", {}).get("text/html", "") for o in outputs)
        assert text.count("Checks run:") == 2, "the summary once for the altered version, once for the faithful one"
    assert (work / "outputs").is_dir() and not (ROOT / "notebooks" / "outputs").exists()
