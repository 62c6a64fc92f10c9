"""Paths are paths: a short one-line string written as a file name that does not exist is a missing
file in every entry point (parse, check, classify), never a document of one clause (issue 15)."""

from __future__ import annotations

import pytest
from conftest import MOU

from mou_text import InputError, check, parse
from mou_text.cli import main
from mou_text.readers import looks_like_path


@pytest.mark.parametrize(
    "name", ["es_final.doc", "typo.txt", "informe.PDF", "data/en", "./draft", "../x", "/no/such/file", "~/nada.md", "C:\\docs\\mou"]
)
def test_path_like_strings(name):
    assert looks_like_path(name)
    with pytest.raises(InputError) as err:
        parse(name)
    assert err.value.code == "E047" and "does not exist" in str(err.value)


@pytest.mark.parametrize(
    "text",
    [
        "U.S./Mexico cooperation in justice and security.",
        "Los Participantes cooperarán en materia de justicia.",
        "The Participants intend to cooperate on economic empowerment",
        "Sección 2: 50/50 financiamiento",
    ],
)
def test_sentences_stay_text(text):
    assert not looks_like_path(text)


def test_check_api_names_the_missing_file():
    with pytest.raises(InputError, match="es_final.doc"):
        check(MOU / "en.md", "es_final.doc", encoder="fake")


def test_classify_predict_refuses_a_typo():
    from mou_text.classify import AreaClassifier

    clf = AreaClassifier("fake")
    with pytest.raises(InputError, match="typo.txt"):
        clf.predict(["typo.txt"])
    df = clf.predict(["typo.txt", "Programas de justicia y seguridad para las mujeres en ambos países."], errors="coerce")
    assert "E047" in df["error"].iloc[0] and df["error"].iloc[1] is None
    with pytest.raises(InputError, match="informe.md"):
        clf.predict_one("informe.md")


def test_glossary_directory_is_named_as_one(tmp_path, capsys):
    from mou_text.glossary import load_glossary

    with pytest.raises(InputError) as err:
        load_glossary(tmp_path)
    assert err.value.code == "E090" and "directory" in str(err.value)
    assert main(["check", "--glossary", str(tmp_path), "--encoder", "fake"]) == 2
    out = capsys.readouterr().err
    assert "[E090]" in out and "directory" in out
