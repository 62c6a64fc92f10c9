"""The area classifier: inputs, outputs, evidence, training, persistence (FakeEncoder), plus one
guard on the shipped head with the real encoder."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest
from _areadocs import make_corpus, make_doc

from mou_text import AreaClassifier, ConfigError, InputError, ModelError, MouTextError, find_thresholds, load_mou
from mou_text.classify import AGGREGATIONS, strip_markdown
from mou_text.embed import FakeEncoder

AREAS = ["economic", "social", "security", "justice"]
ENC = FakeEncoder()


@pytest.fixture(scope="module")
def toy():
    return make_corpus(n_per_area=10, n_negative=12, n_multi=8, seed=1)


@pytest.fixture(scope="module")
def trained(toy):
    return AreaClassifier(ENC).fit([d["text"] for d in toy], [d["labels"] for d in toy])


def heldout(labels: list[str], lang: str, seed: int = 99) -> str:
    return make_doc(labels, lang, random.Random(seed))


# -- output shape -------------------------------------------------------------------------------
def test_zero_shot_default_frame_shape_and_signature():
    clf = AreaClassifier.default(encoder=ENC)
    assert clf.head.kind == "zero-shot"  # the shipped head is for USE, not for this encoder
    df = clf.predict(["Women entrepreneurs obtained microcredit loans to grow their small businesses in Sonora.",
                      "La fiscalía especializada brindó asesoría jurídica gratuita y órdenes de protección a mujeres."])
    assert list(df.columns) == [*AREAS, "labels", "primary", "confidence", "evidence", "lang"]
    assert len(df) == 2
    assert ((df[AREAS] >= 0) & (df[AREAS] <= 1)).all().all()
    assert list(df["lang"]) == ["en", "es"]
    sig = df.attrs["signature"]
    for key in ("library", "encoder", "label_set_version", "thresholds", "aggregation", "training_data_sha256", "prototypes"):
        assert key in sig
    assert sig["encoder"] == ENC.name and sig["label_set_version"] == "mou-areas-1"
    for labels, primary in zip(df["labels"], df["primary"]):
        assert isinstance(labels, list) and set(labels) <= set(AREAS)
        assert primary is None if not labels else primary == labels[0]


def test_fit_predict_round_trip_en_and_es(trained):
    for area in AREAS:
        for lang in ("en", "es"):
            row = trained.predict([heldout([area], lang, seed=10 * AREAS.index(area) + (lang == "es"))]).iloc[0]
            assert row["primary"] == area, (area, lang, row[AREAS].to_dict())
            assert row["lang"] == lang


def test_multi_label_output(trained):
    text = heldout(["security", "justice"], "en", seed=5) + " " + heldout(["justice", "security"], "es", seed=6)
    row = trained.predict([text]).iloc[0]
    assert {"security", "justice"} <= set(row["labels"])
    assert row["primary"] in ("security", "justice")
    assert {e["area"] for e in row["evidence"]} == set(row["labels"])


def test_unrelated_text_gets_no_area(trained):
    for lang in ("en", "es"):
        row = trained.predict([heldout([], lang, seed=7)]).iloc[0]
        assert row["labels"] == [] and row["primary"] is None and row["evidence"] == []


def test_thresholds_override(trained):
    text = heldout(["economic"], "en")
    assert trained.predict([text], threshold=0.0).iloc[0]["labels"] != []
    assert sorted(trained.predict([text], threshold=0.0).iloc[0]["labels"]) == sorted(AREAS)
    only = trained.predict([text], threshold={"economic": 1.0})
    assert "economic" not in only.iloc[0]["labels"]
    assert only.attrs["signature"]["thresholds"]["economic"] == 1.0


# -- evidence -----------------------------------------------------------------------------------
def test_evidence_offsets_point_into_the_input(trained):
    mou_ids = {n.id for n in load_mou("en")} | {n.id for n in load_mou("es")}
    text = "Informe anual.\n\n" + heldout(["justice"], "es", seed=11) + "\n\n" + heldout([], "es", seed=12)
    row = trained.predict([text]).iloc[0]
    assert row["evidence"]
    for ev in row["evidence"]:
        assert " ".join(text[ev["start"] : ev["end"]].split()) == ev["passage"]
        assert ev["clause"] in mou_ids and ev["clause"].startswith(("s2.item.", "s3."))
        assert -1 <= ev["similarity"] <= 1


def test_long_document_streams_and_keeps_offsets(trained):
    rng = random.Random(3)
    parts = [make_doc([], "en", rng) for _ in range(150)]
    parts.insert(120, make_doc(["security"], "en", rng))
    text = "\n\n".join(parts)
    plain = "\n\n".join(parts[:120] + parts[121:])
    trained.batch_size = 16  # force many cross-document batches
    try:
        df = trained.predict([text, heldout(["economic"], "en"), plain], threshold=0.0)
    finally:
        trained.batch_size = 128
    # one paragraph in 150 raises the area's score, and the evidence finds that paragraph
    assert df.iloc[0]["security"] > df.iloc[2]["security"]
    ev = {e["area"]: e for e in df.iloc[0]["evidence"]}
    at = text.index(parts[120])
    assert at - 300 <= ev["security"]["start"] <= at + len(parts[120])
    assert " ".join(text[ev["security"]["start"] : ev["security"]["end"]].split()) == ev["security"]["passage"]
    assert df.iloc[1]["primary"] == "economic"


def test_predict_one_rich_result(trained):
    pred = trained.predict_one(heldout(["social"], "es"))
    assert pred.primary == "social" and pred.labels[0] == "social"
    frame = pred.to_frame()
    assert list(frame["area"]) == AREAS and frame.attrs["signature"]["encoder"] == ENC.name
    html = pred._repr_html_()
    assert "<mark" in html and "social" in html


def test_streaming_path_matches_the_embedding_path(trained):
    texts = [heldout([a], "en", seed=i) for i, a in enumerate(AREAS)]
    df = trained.predict(texts)
    scores = trained.scores_from_embeddings(trained.embed_documents(texts), texts)  # the head reads text too (lexical channel)
    np.testing.assert_allclose(df[AREAS].to_numpy(), scores, atol=1e-5)


# -- inputs -------------------------------------------------------------------------------------
def test_input_types(trained, tmp_path):
    import docx

    texts = [heldout(["economic"], "en"), heldout(["justice"], "es")]
    s = pd.Series(texts, index=["x", "y"])
    by_series = trained.predict(s)
    assert list(by_series.index) == ["x", "y"]
    by_frame = trained.predict(pd.DataFrame({"text": texts, "other": [1, 2]}, index=[10, 20]))
    assert list(by_frame.index) == [10, 20]
    np.testing.assert_allclose(by_series[AREAS].to_numpy(), by_frame[AREAS].to_numpy())

    md = tmp_path / "report.md"
    md.write_text("# Informe\n\n- **" + texts[1] + "**\n", encoding="utf-8")
    document = docx.Document()
    document.add_heading("Report", level=1)
    document.add_paragraph(texts[0])
    dx = tmp_path / "report.docx"
    document.save(dx)
    by_paths = trained.predict([dx, str(md)])
    assert list(by_paths["primary"]) == ["economic", "justice"]
    assert list(by_paths["path"]) == [str(dx), str(md)]
    ev = by_paths.iloc[1]["evidence"][0]
    plain = strip_markdown(md.read_text(encoding="utf-8"))
    assert "**" not in plain and "#" not in plain
    assert " ".join(plain[ev["start"] : ev["end"]].split()) == ev["passage"]
    by_path_frame = trained.predict(pd.DataFrame({"path": [str(dx)]}))
    assert by_path_frame.iloc[0]["primary"] == "economic"


def test_bad_inputs_raise_or_coerce(trained, tmp_path):
    with pytest.raises(InputError):
        trained.predict(["  "])
    missing = tmp_path / "missing.txt"
    df = trained.predict([heldout(["economic"], "en"), "", missing], errors="coerce")
    assert list(df["error"].astype(bool)) == [False, True, True]
    assert np.isnan(df.iloc[1]["economic"]) and df.iloc[1]["labels"] == []
    assert "does not exist" in df.iloc[2]["error"]
    with pytest.raises(MouTextError, match="text"):
        trained.predict(pd.DataFrame({"body": ["x"]}))


def test_labels_are_validated():
    clf = AreaClassifier(ENC)
    with pytest.raises(ConfigError, match="unknown area"):
        clf.binarise([["economy"]])
    assert clf.binarise(["economic;justice", []]).tolist() == [[1, 0, 0, 1], [0, 0, 0, 0]]


# -- training details ---------------------------------------------------------------------------
@pytest.mark.parametrize("aggregation", AGGREGATIONS)
def test_every_aggregation_trains_and_predicts(toy, aggregation):
    clf = AreaClassifier(ENC)
    embs = clf.embed_documents([d["text"] for d in toy])
    clf.fit(None, [d["labels"] for d in toy], embeddings=embs, aggregation=aggregation)
    assert clf.head.aggregation == aggregation
    assert clf.predict([heldout(["security"], "es")]).iloc[0]["primary"] == "security"


def test_fit_calibrates_and_records_provenance(trained, toy):
    assert trained.head.kind == "trained"
    assert all(0.3 <= t <= 0.9 for t in trained.thresholds.values())
    assert len(trained.training["sha256"]) == 64
    again = AreaClassifier(ENC).fit([d["text"] for d in toy], [d["labels"] for d in toy])
    assert again.training["sha256"] == trained.training["sha256"]
    np.testing.assert_allclose(again.head.weights, trained.head.weights)  # deterministic


def test_find_thresholds_maximises_f1_with_a_floor():
    scores = np.array([[0.9, 0.1], [0.8, 0.2], [0.35, 0.25], [0.2, 0.05], [0.1, 0.15]])
    y = np.array([[1, 0], [1, 0], [0, 0], [0, 0], [0, 0]])
    for method in ("half-f1", "best-f1"):
        t = find_thresholds(scores, y, floor=0.3, method=method)
        assert 0.35 < t[0] <= 0.8  # separates 0.8 from 0.35
        assert t[1] == 0.5  # no positives: the neutral default
    assert find_thresholds(np.array([[0.05], [0.01]]), np.array([[1], [0]]), floor=0.3, method="best-f1")[0] == 0.3


# -- persistence --------------------------------------------------------------------------------
def test_save_load_round_trip_without_pickle(trained, tmp_path):
    out = trained.save(tmp_path / "head")
    files = sorted(p.name for p in out.iterdir())
    assert all(f.endswith((".npy", ".json")) for f in files) and "signature.json" in files
    for f in out.glob("*.npy"):
        np.load(f, allow_pickle=False)  # plain arrays only
    sig = json.loads((out / "signature.json").read_text())
    for key in ("encoder", "label_set_version", "thresholds", "training_data_sha256", "library", "created"):
        assert sig[key]
    loaded = AreaClassifier.load(out, encoder=ENC)
    texts = [heldout([a], "es", seed=i) for i, a in enumerate(AREAS)]
    a, b = trained.predict(texts), loaded.predict(texts)
    np.testing.assert_allclose(a[AREAS].to_numpy(), b[AREAS].to_numpy(), atol=1e-5)
    assert list(a["labels"]) == list(b["labels"])
    assert b.attrs["signature"]["training_data_sha256"] == trained.training["sha256"]
    assert b.attrs["signature"]["model"] == "trained"


def test_load_refuses_another_encoder(trained, tmp_path):
    out = trained.save(tmp_path / "head")
    with pytest.raises(ModelError, match="trained with encoder") as info:
        AreaClassifier.load(out, encoder=FakeEncoder(dim=64))
    assert "Fix:" in str(info.value)
    with pytest.raises(ModelError):
        AreaClassifier.load(tmp_path / "nothing-here")


# -- the shipped head with the real encoder -----------------------------------------------------
@pytest.mark.slow
def test_shipped_head_on_test_split_documents():
    from mou_text.classify import load_labelled

    clf = AreaClassifier.default()
    assert clf.head.kind == "trained", "models/area-head is missing or does not fit the USE encoder"
    docs = load_labelled("test")
    sample = pd.concat([docs[docs["lang"] == "en"].head(6), docs[docs["lang"] == "es"].head(6)])
    df = clf.predict(sample["text"].tolist())
    right = sum(set(p) == set(g) or (bool(g) and pr in g) for p, pr, g in zip(df["labels"], df["primary"], sample["labels"]))
    assert right >= 9, list(zip(df["labels"], sample["labels"]))
    assert list(df["lang"]) == sample["lang"].tolist()


@pytest.mark.slow
def test_zero_shot_real_encoder_en_and_es():
    clf = AreaClassifier.default(model=None)
    df = clf.predict(
        [
            "The women's shelter opened twenty new beds for survivors of domestic violence and trafficking.",
            "La defensoría pública brinda asesoría jurídica gratuita a mujeres en juicios de pensión alimenticia y custodia.",
            "The city council approved the budget for road repairs and a new water treatment plant.",
        ]
    )
    assert df.iloc[0]["primary"] == "security"
    assert df.iloc[1]["primary"] == "justice"
    assert df.iloc[2]["labels"] == []


def test_predict_iter_consumes_a_generator_lazily(trained):
    seen: list[int] = []

    def texts():
        for i, area in enumerate(AREAS):
            seen.append(i)
            yield heldout([area], "es", seed=40 + i)

    trained.batch_size = 1  # results leave as soon as their passages are encoded
    try:
        stream = trained.predict_iter(texts())
        first = next(stream)
        assert first.primary == "economic" and len(seen) < len(AREAS)  # not all read before the first result
        assert [p.primary for p in stream] == AREAS[1:]
    finally:
        trained.batch_size = 128


def test_a_saved_head_with_an_unknown_aggregation_is_refused_on_load(trained, tmp_path):
    folder = trained.save(tmp_path / "head")
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config["aggregation"] = "median"
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ModelError, match="aggregation"):
        AreaClassifier.load(folder, encoder=ENC)


def test_fit_says_when_there_are_too_few_examples_to_calibrate():
    texts = [heldout([a], "en", seed=i) for i, a in enumerate(AREAS)]
    with pytest.warns(UserWarning, match="too few positives"):
        clf = AreaClassifier(ENC).fit(texts, [[a] for a in AREAS])
    assert clf.head.thresholds.tolist() == [0.5] * len(AREAS)
    # the women cue is a calibration input: with nothing calibrated, the head neither uses nor claims it
    assert clf.head.share is None and clf.head.params["share"] is None and clf.signature()["share"] is None


def test_evidence_cites_the_mou_clause_in_the_documents_language():
    """An English report's evidence quotes the signed English clause, a Spanish one the Spanish (issue 17)."""
    clf = AreaClassifier.default("fake")
    rng = random.Random(11)
    for lang in ("en", "es"):
        pred = clf.predict_one(make_doc(["security", "justice"], lang, rng), threshold=0.0)
        assert pred.evidence and {e.clause_lang for e in pred.evidence} == {lang}


def test_primary_is_the_area_furthest_over_its_own_threshold(trained):
    """Calibrated scores saturate near 1, so the raw order would follow the commoner area; the label
    order (and ``primary``) follows score ÷ threshold, as the 'near' rule does."""
    text = heldout(["security"], "en", 5)
    scores = trained.predict([text]).iloc[0]
    ranked = sorted(AREAS, key=lambda a: -scores[a])
    high, low = ranked[0], ranked[1]
    assert scores[high] > scores[low] > 0
    # both over their thresholds; the lower score is twice its threshold, the higher 1.25 × its own
    thr = {a: 1.0 for a in AREAS} | {high: scores[high] * 0.8, low: scores[low] * 0.5}
    row = trained.predict([text], threshold=thr).iloc[0]
    assert list(row["labels"]) == [low, high] and row["primary"] == low
    # the higher barely over its own: a second area must clear SECOND × its threshold, so it is dropped
    thr[high] = scores[high] * 0.99
    row = trained.predict([text], threshold=thr).iloc[0]
    assert list(row["labels"]) == [low] and row["primary"] == low


def test_order_labels_is_the_one_rule_predict_and_the_benchmarks_apply():
    from mou_text.classify import order_labels

    thr = np.array([0.5, 0.4, 0.5, 0.5])
    assert order_labels(np.array([0.9, 0.8, 0.1, 0.0]), thr) == [1, 0]  # 0.8/0.4 = 2.0 beats 0.9/0.5 = 1.8
    assert order_labels(np.array([0.1, 0.38, 0.1, 0.0]), thr, near=0.9) == [1]  # near its threshold: low confidence
    assert order_labels(np.array([0.1, 0.38, 0.1, 0.0]), thr, near=None) == []
    assert order_labels(np.array([0.1, 0.2, 0.95, 0.0]), np.array([0.5, 0.4, 1.0, 0.5]), near=0.1) == []  # threshold 1: off, never near
    # a further area needs SECOND × its threshold: 0.55/0.5 = 1.1 is over the threshold but not enough
    assert order_labels(np.array([0.55, 0.8, 0.1, 0.0]), thr) == [1]
    assert order_labels(np.array([0.55, 0.8, 0.1, 0.0]), thr, second=1.0) == [1, 0]
    assert order_labels(np.array([0.55, 0.1, 0.1, 0.0]), thr) == [0]  # a primary needs only its threshold


def test_a_text_that_never_names_women_gets_no_area_whatever_its_scores():
    from mou_text.classify import SHARE_FLOOR, label_matrix, order_labels

    probs, thr = np.array([0.9, 0.8, 0.1, 0.0]), np.array([0.5, 0.4, 0.5, 0.5])
    assert SHARE_FLOOR == 0.0
    assert order_labels(probs, thr, share=0.0) == []  # never names women, girls or gender
    assert order_labels(probs, thr, share=0.4) == [1, 0]  # names them once in a long text: scored as ever
    assert order_labels(probs, thr, share=None) == [1, 0]  # a share not known gates nothing
    assert order_labels(probs, thr, share=0.0, share_floor=None) == [1, 0]  # no floor, no gate
    assert order_labels(probs, thr, share=0.3, share_floor=0.5) == []
    assert label_matrix(np.vstack([probs, probs]), thr, shares=np.array([0.0, 1.2])).tolist() == [[False] * 4, [True, True, False, False]]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_predict_leaves_a_near_topic_text_that_never_names_women_empty(trained, lang):
    text = {"en": "The youth employment project placed three hundred graduates in internships with local firms "
                  "and trained them in business planning, bookkeeping and access to credit.",
            "es": "El proyecto de empleo juvenil colocó a trescientos egresados en prácticas con empresas locales "
                  "y los capacitó en planes de negocio, contabilidad y acceso al crédito."}[lang]
    row = trained.predict([text], threshold=0.0).iloc[0]  # every area over a threshold of 0
    assert row["labels"] == [] and row["primary"] is None and row["evidence"] == []
    assert trained.predict([text], threshold=0.0).attrs["signature"]["share_floor"] == 0.0
    ungated = AreaClassifier(ENC, head=replace(trained.head, params={**trained.head.params, "share_floor": None}))
    assert ungated.predict([text], threshold=0.0).iloc[0]["labels"] != []


def test_label_matrix_is_order_labels_row_by_row():
    from mou_text.classify import label_matrix, order_labels

    probs = np.array([[0.55, 0.8, 0.1, 0.0], [0.9, 0.8, 0.1, 0.0], [0.1, 0.38, 0.1, 0.0], [0.1, 0.1, 0.1, 0.0]])
    thr = np.array([0.5, 0.4, 0.5, 0.5])
    m = label_matrix(probs, thr)
    for row, p in zip(m, probs):
        assert sorted(np.flatnonzero(row).tolist()) == sorted(order_labels(p, thr))
    assert m.tolist() == [[False, True, False, False], [True, True, False, False], [False, True, False, False], [False] * 4]
