"""The portfolio: counts per area that respect multi-label documents, breakdowns by metadata, the
uncertain documents, a self-contained escaped page in English and Spanish, and ``classify --html``
on a table of documents with metadata columns."""

from __future__ import annotations

import csv
import json
import random
import re

import pandas as pd
import pytest
from _areadocs import make_doc

import mou_text
from mou_text.classify import Portfolio, review_reasons
from mou_text.cli import main

AREAS = ("economic", "social", "security", "justice")
SIG = {"areas": list(AREAS), "thresholds": dict.fromkeys(AREAS, 0.5), "encoder": "fake-hash-256"}


def rec(path, labels, scores, **meta):
    ev = [{"area": a, "start": 0, "end": 5, "passage": f"passage <b>{a}</b>", "clause": "s3.i.bullet.1", "clause_lang": "en",
           "clause_text": "Promoting access to financing", "similarity": 0.5, "score": scores[a]} for a in labels]
    return {"path": path, "lang": "es" if "es" in path else "en", **scores, "labels": labels, "primary": labels[0] if labels else None,
            "evidence": ev, "error": "", "meta": meta}


@pytest.fixture()
def portfolio():
    records = [
        rec("a_en.txt", ["economic", "security"], {"economic": 0.9, "social": 0.1, "security": 0.8, "justice": 0.05}, year="2023", state="Oaxaca"),
        rec("b_es.txt", ["security"], {"economic": 0.1, "social": 0.1, "security": 0.55, "justice": 0.1}, year="2024", state="Puebla"),
        rec("c_en.txt", [], {"economic": 0.1, "social": 0.2, "security": 0.1, "justice": 0.1}, year="2024", state="Oaxaca"),
        rec("<script>alert(1)</script>_es.txt", ["justice"], {"economic": 0.0, "social": 0.0, "security": 0.0, "justice": 0.97}, year="2024", state="<img src=x onerror=alert(2)>"),
        {"path": "broken.docx", "lang": None, **dict.fromkeys(AREAS), "labels": [], "primary": None, "evidence": [], "error": "not a valid .docx"},
    ]
    return Portfolio.from_predictions(records, signature=SIG)


def test_review_reasons():
    t = dict.fromkeys(AREAS, 0.5)
    assert review_reasons({"economic": 0.9, "social": 0.1, "security": 0.1, "justice": 0.1}, ["economic"], t) == ()
    assert review_reasons({"economic": 0.55, "social": 0.1, "security": 0.1, "justice": 0.1}, ["economic"], t) == ("low_confidence", "near_threshold")
    assert review_reasons(dict.fromkeys(AREAS, 0.1), [], t) == ("abstained",)
    # security is over its threshold but was held back by the second-label margin: a person decides
    held = {"economic": 0.95, "social": 0.1, "security": 0.75, "justice": 0.1}
    assert review_reasons(held, ["economic"], t) == ("near_threshold",)
    assert review_reasons(held, ["economic", "security"], t) == ()
    assert review_reasons(dict.fromkeys(AREAS, 0.1), [], t, previous=["social"]) == ("abstained", "disagreement")
    assert review_reasons(dict.fromkeys(AREAS), [], t) == ()  # a failed document: nothing to confirm


def test_counts_are_multi_label(portfolio):
    total = portfolio.counts()
    assert total.loc["total"].to_dict() == {"economic": 1, "social": 0, "security": 2, "justice": 1, "none": 1, "uncertain": 1, "documents": 4}
    by_year = portfolio.counts("year")
    assert list(by_year.index) == ["2023", "2024"] and by_year.loc["2024", "documents"] == 3
    assert by_year.loc["2023", "economic"] == 1 and by_year.loc["2023", "security"] == 1  # one document, two areas
    assert portfolio.dimensions == ("year", "state")
    assert list(portfolio.counts("lang").index) == ["en", "es"]
    assert [d.key for d in portfolio.uncertain] == ["b_es.txt"]
    frame = portfolio.to_frame()
    assert list(frame.columns[:6]) == ["document", "lang", *AREAS] and frame.attrs["signature"]["encoder"] == "fake-hash-256"
    assert "Portfolio" in portfolio._repr_html_()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_page_is_escaped_self_contained_and_translated(portfolio, tmp_path, lang):
    path = portfolio.to_html(tmp_path / "p.html", lang=lang)
    page = path.read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page and "&lt;script&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing fetched from anywhere
    assert page.count("<svg") == 1 + 5 * 3  # the area chart, then 4 areas + none per breakdown (lang, year, state)
    assert f'<html lang="{lang}">' in page
    words = {"en": ["Documents per area", "Uncertain documents", "none of the areas", "by year"],
             "es": ["Documentos por área", "Documentos inciertos", "ninguna de las áreas", "según year", "económica"]}[lang]
    assert all(w in page for w in words)
    assert page.count('<details class="doc"') == 5
    with pytest.raises(mou_text.ConfigError):
        portfolio.to_html(lang="fr")


def test_from_a_predict_frame_with_metadata():
    clf = mou_text.AreaClassifier.default("fake")
    rng = random.Random(4)
    docs = pd.DataFrame({"text": [make_doc(a, lg, rng) for a, lg in ((["justice"], "en"), (["economic"], "es"), ([], "es"))],
                         "grantee": ["Red A", "Red B", "Red A"], "year": [2023, 2024, 2024], "file": ["a", "b", "c"]})
    pred = clf.predict(docs)
    p = Portfolio.from_predictions(pred, metadata=docs)
    assert p.dimensions == ("year", "grantee")  # 'file' is an identifier (every value once), not a grouping
    assert p.docs[0].meta["year"] == "2023" and p.thresholds == pytest.approx(pred.attrs["signature"]["thresholds"])
    assert "text" not in p.meta_columns


def test_classify_table_of_documents_with_html(tmp_path, capsys):
    """A CSV with text, path and metadata columns in; rows keyed table#id; a page grouped by its columns."""
    rng = random.Random(7)
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "r1.txt").write_text(make_doc(["security"], "es", rng), encoding="utf-8")
    table = tmp_path / "docs.csv"
    with open(table, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "text", "year", "grantee", "state"])
        w.writerow(["g1", make_doc(["economic"], "en", rng), "2023", "Fundación Uno", "Sonora"])
        w.writerow(["g2", make_doc(["justice"], "es", rng), "2024", "Red Dos", "Jalisco"])
        w.writerow(["g3", make_doc(["social"], "en", rng), "2024", "Fundación Uno", "Sonora"])
    paths = tmp_path / "paths.csv"
    paths.write_text("path,year\nfiles/r1.txt,2022\n", encoding="utf-8")
    out, page = tmp_path / "r.jsonl", tmp_path / "p.html"
    assert main(["classify", str(table), str(paths), "--out", str(out), "--html", str(page), "--report-lang", "es", "--encoder", "fake", "--no-progress"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["path"] for r in rows] == [f"{table}#g1", f"{table}#g2", f"{table}#g3", str(tmp_path / "files" / "r1.txt")]
    assert [r["lang"] for r in rows] == ["en", "es", "en", "es"] and not any(r["error"] for r in rows)
    html = page.read_text(encoding="utf-8")
    assert 'data-dim="year"' in html and 'data-dim="grantee"' in html and 'data-dim="state"' in html
    assert "Fundación Uno" in html and "Cartera por área de cooperación" in html
    # review and fit find the rows' text again from the key
    from mou_text.cli._sources import source_text

    assert source_text(rows[1]["path"]) == pd.read_csv(table)["text"][1]
    assert source_text(rows[3]["path"]).split() == (tmp_path / "files" / "r1.txt").read_text(encoding="utf-8").split()


def test_table_without_text_column_is_refused(tmp_path, capsys):
    bad = tmp_path / "t.csv"
    bad.write_text("name,year\nx,2023\n", encoding="utf-8")
    assert main(["classify", str(bad), "--encoder", "fake", "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "[E260]" in err and "'text'" in err


def test_terminal_table_in_spanish_spells_none(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    (tmp_path / "a.txt").write_text(make_doc([], "es", random.Random(1)), encoding="utf-8")
    assert main(["classify", str(tmp_path / "a.txt"), "--threshold", "1", "--report-lang", "es", "--encoder", "fake", "--no-progress"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[2:6] == ["económica", "social", "seguridad", "justicia"]
    assert out[2].split()[-2:] == ["ninguna", "ninguna"] and "%" in out[2]
