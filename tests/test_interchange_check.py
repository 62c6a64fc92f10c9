"""check on a TMX or XLIFF built from an altered translation finds what it finds on the plain texts."""

from __future__ import annotations

import pytest
from conftest import ROOT

import mou_text
from mou_text.interchange import to_tmx, to_xliff

ALTERED = ["altered_01.md", "altered_03.md", "altered_06.md", "altered_11.md"]


def substantive(report: mou_text.CheckReport) -> list[tuple[str, str | None]]:
    return sorted((f.kind, f.en_id) for f in report.findings if f.severity in ("major", "critical"))


@pytest.mark.slow
@pytest.mark.parametrize("name", ALTERED)
@pytest.mark.parametrize("fmt", ["tmx", "xliff"])
def test_interchange_round_trip_keeps_the_findings(name, fmt, en_doc, tmp_path):
    altered = mou_text.parse(ROOT / "corpora" / "altered" / name, lang="es")
    plain = mou_text.check(en_doc, altered)
    assert substantive(plain)
    par = mou_text.pair(en_doc, altered)
    path = tmp_path / f"memory.{fmt}"
    if fmt == "tmx":
        to_tmx(par, path)
        memory = mou_text.pair_from_tmx(path)
    else:
        to_xliff(par, path)
        memory = mou_text.pair_from_xliff(path)
    from_memory = mou_text.check(memory.en, memory.es)
    assert substantive(from_memory) == substantive(plain)
