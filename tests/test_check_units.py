"""check(ParallelDocument): a CAT file's units checked as the file pairs them (tests/data/cat, README there).

The fixtures were written for the project; their README lists, unit by unit, what a correct checker
must report and which units must stay silent. The default encoder is used (the rules under test do
not depend on it, but the semantic and sentence checks do, and they must stay quiet too).
"""

from __future__ import annotations

import pytest
from conftest import DATA

import mou_text
from mou_text.check import identical_by_nature, is_key
from mou_text.interchange import pair_from_file

CAT = DATA / "cat"
MINOR_UP = ("minor", "major", "critical")


@pytest.fixture(scope="module")
def reports():
    out = {}
    for name in ("tags_1.2.xlf", "tags_2.0.xlf", "tags.tmx", "omegat_prose.tmx", "malformed_x_1.2.xlf", "short_segments_1.2.xlf"):
        out[name] = mou_text.check(pair_from_file(CAT / name), progress=False)
    return out


def kinds_by_unit(report, floor=MINOR_UP):
    out: dict[str, set[str]] = {}
    for f in report.findings:
        if f.severity in floor:
            out.setdefault(f.en_id or f.es_id or "", set()).add(f.kind)
    return out


EXPECTED = {
    "tags_1.2.xlf": {
        "workplan.attached": "missing_tag", "committee.meets": "extra_tag", "secretariat.contact": "duplicated_tag",
        "pager": "reordered_tag", "funding.subject": "reordered_tag", "budget.review": "untranslated",
        "visits.exchange": "empty_target", "application.received": "missing_tag", "template.only": "missing_tag",
        "contribution.amount": "number",
    },
    "tags_2.0.xlf": {
        "workplan.attached": "missing_tag", "committee.meets": "extra_tag", "secretariat.contact": "duplicated_tag",
        "pager": "reordered_tag", "funding.subject": "reordered_tag", "deadline.bold": "missing_tag",
        "budget.review": "untranslated", "visits.exchange": "empty_target", "application.received": "missing_tag",
        "report.deadline": "number",
    },
    "tags.tmx": {
        "tm06": "missing_tag", "tm07": "extra_tag", "tm08": "duplicated_tag", "tm09": "reordered_tag",
        "tm10": "reordered_tag", "tm11": "missing_tag", "tm13": "untranslated", "tm14": "empty_target",
        "tm16": "missing_tag", "tm17": "number",
    },
    "malformed_x_1.2.xlf": {"m1": "malformed_tag", "m2": "malformed_tag"},
    "omegat_prose.tmx": {"tu.11": "modality", "tu.14": "number", "tu.16": "negation", "tu.24": "missing_tag"},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_deliberate_problem_is_reported_with_its_kind(reports, name):
    found = kinds_by_unit(reports[name])
    for unit, kind in EXPECTED[name].items():
        assert kind in found.get(unit, set()), f"{name} {unit}: expected {kind}, found {found.get(unit)}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_units_without_a_problem_stay_silent_on_tags_and_structure(reports, name):
    found = kinds_by_unit(reports[name])
    for unit, kinds in found.items():
        if unit not in EXPECTED[name]:
            assert not kinds & {"missing_tag", "extra_tag", "duplicated_tag", "reordered_tag", "malformed_tag", "number", "omission", "addition", "reorder", "split", "merge", "untranslated", "empty_target"}, (unit, kinds)


#: Traps the rules still fall into (kept as strict xfails so a fix shows up); none left.
STILL_FALSE: dict[str, str] = {}


@pytest.mark.parametrize("unit", [f"s{k:02d}" for k in range(1, 29)])
def test_short_segments_raise_no_finding(reports, unit, request):
    """Every unit of short_segments_1.2.xlf is a faithful UI string and a trap for one rule."""
    if unit in STILL_FALSE:
        request.applymarker(pytest.mark.xfail(reason=STILL_FALSE[unit], strict=True))
    report = reports["short_segments_1.2.xlf"]
    assert [(f.kind, f.message) for f in report.findings if f.en_id == unit and f.severity in MINOR_UP] == []


def test_short_segments_stay_paired_as_the_file_pairs_them(reports):
    report = reports["short_segments_1.2.xlf"]
    assert len(report.pairs) == 28 and all(p.en_id == p.es_id and p.shape == "1-1" for p in report.pairs)
    assert not [f for f in report.findings if f.kind in ("omission", "addition", "reorder", "split", "merge")]


def test_angular_style_two_sentence_units_are_not_omission_plus_addition():
    """'Do you have an account? Log in' / '¿Tienes cuenta? Inicia sesión': a reworded short unit."""
    from mou_text.interchange import pair_from_xliff

    report = mou_text.check(pair_from_xliff(CAT / "short_segments_1.2.xlf"), progress=False, checks=["structure"])
    assert not report.findings


def test_dropped_not_is_named_not_the_kept_without(reports):
    """tu.16: 'shall not disclose … without consent' → 'divulgarán … sin consentimiento'."""
    neg = [f for f in reports["omegat_prose.tmx"].findings if f.kind == "negation" and f.en_id == "tu.16"]
    assert [f.en_text for f in neg] == ["not"]


def test_are_due_is_an_obligation_deben_answers(reports):
    for name, units in (("tags_2.0.xlf", ("deadline.bold", "report.deadline")), ("tags.tmx", ("tm11", "tm17"))):
        assert not [f for f in reports[name].findings if f.kind == "modality" and f.en_id in units]


def test_code_ids_and_code_content_never_become_numbers(reports):
    for name in ("tags_1.2.xlf", "tags_2.0.xlf", "tags.tmx", "omegat_prose.tmx"):
        for f in reports[name].findings:
            if f.kind == "number":
                assert f.en_id in ("contribution.amount", "report.deadline", "tm17", "tu.14"), (name, f.en_id, f.message)


def test_translate_no_units_are_skipped_and_ids_kept_verbatim(reports):
    report = reports["tags_1.2.xlf"]
    assert "programme.code" not in report.units
    # ids are the file's, with their case: never lower-cased by a message
    par = pair_from_file(CAT / "tags_1.2.xlf")
    assert [p.id for p in par.pairs] == list(report.units)
    msg = next(f for f in report.findings if f.kind == "empty_target").message
    assert "visits.exchange" in msg and msg[0].isupper()


def test_state_metadata_is_in_the_table_and_the_json(reports, tmp_path):
    report = reports["tags_1.2.xlf"]
    df = report.to_frame()
    assert {"state", "state_qualifier", "approved", "notes"} <= set(df.columns)
    row = df[df.en_id == "secretariat.contact"].iloc[0]
    assert row["state"] == "needs-review-translation"
    back = mou_text.CheckReport.from_json(report.to_json())
    assert back.units["pager"]["state"] == report.units["pager"]["state"]
    assert "Units: 19 paired by the file" in report.summary()
    assert "Unidades: 19 emparejadas por el archivo" in report.summary("es")
    page = report.to_html()
    assert "needs-review-translation" in page and "Deliberate problem: g 9 is used twice" in page


@pytest.mark.parametrize("name, skipped", [("tags_1.2.xlf", {"budget.review", "visits.exchange"}), ("tags_2.0.xlf", {"budget.review", "visits.exchange", "secretariat.contact"})])
def test_skip_state_leaves_those_units_out(name, skipped):
    report = mou_text.check(pair_from_file(CAT / name), skip_states=["new", "initial"], encoder="fake", progress=False)
    assert {u for u, info in report.units.items() if info["status"] == "skipped"} == skipped
    assert not {f.en_id for f in report.findings} & skipped


def test_a_parallel_document_takes_no_second_document(en_doc):
    par = pair_from_file(CAT / "tags.tmx")
    with pytest.raises(mou_text.ConfigError) as err:
        mou_text.check(par, en_doc)
    assert err.value.code == "E248"
    with pytest.raises(mou_text.ConfigError):
        mou_text.check(en_doc)


def test_message_keys_as_sources_are_one_note(tmp_path):
    units = "".join(
        f'<trans-unit id="k{i}" resname="menu.item_{i}.caption"><source>menu.item_{i}.caption</source>'
        f"<target>Elemento {i} del menú</target></trans-unit>"
        for i in range(30)
    )
    path = tmp_path / "keys.xlf"
    path.write_text(
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="m" datatype="plaintext" '
        f'source-language="en" target-language="es"><body>{units}</body></file></xliff>',
        encoding="utf-8",
    )
    report = mou_text.check(pair_from_file(path), encoder="fake", progress=False)
    assert [f.kind for f in report.findings] == ["source_keys"]
    assert "30 of 30 units" in report.findings[0].message and "30 de 30 unidades" in report.findings[0].message_es


def test_untranslated_needs_a_phrase_of_common_words():
    assert not identical_by_nature("The budget is reviewed every year.", "en", "es")
    assert identical_by_nature("PDF", "en", "es") and identical_by_nature("Español", "en", "es") and identical_by_nature("No", "en", "es")
    assert identical_by_nature("24/7", "en", "es")
    assert identical_by_nature("Stack Overflow", "en", "es") and identical_by_nature("Angular Signals", "en", "es")
    assert not identical_by_nature("avatar image", "en", "es")
    assert is_key("currency.iso_code.caption") and is_key("tfa.code.trusted_pc")
    assert not is_key("Log in") and not is_key("example.com") and not is_key("v2.0")
    assert is_key("translator-credits") and is_key("Your names")


def test_translator_credits_are_a_key_and_markup_attributes_may_change_order(tmp_path):
    po = tmp_path / "help.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
        'msgid "translator-credits"\nmsgstr "Ana Pérez <ana@example.org>, 2019-2021"\n\n'
        'msgid "Read the <link type=\\"http\\" href=\\"https://example.org/help\\">online guide</link> first."\n'
        'msgstr "Lea primero la <link href=\\"https://example.org/help\\" type=\\"http\\">guía en línea</link>."\n\n'
        'msgid "Open the <link href=\\"https://example.org/a\\">report</link>."\n'
        'msgstr "Abra el <link href=\\"https://example.org/b\\">informe</link>."\n',
        encoding="utf-8",
    )
    report = mou_text.check(pair_from_file(po), encoder="fake", progress=False)
    assert report.units["translator-credits"]["status"] == "key"
    # the credits' names and years are no finding; the link that points elsewhere is both missing and extra
    major_kinds = sorted((f.kind, f.en_id[:4]) for f in report.findings if f.severity in ("major", "critical"))
    assert major_kinds == [("extra_tag", "Open"), ("missing_tag", "Open")]


def test_consistency_across_units(tmp_path):
    rows = [
        "id,en,es",
        "a,Save the file,Guarde el archivo",
        "b,Save the file,Guarde el archivo",
        "c,Save the file,Guardar fichero",
        "d,Open the file,Abrir archivo",
        "e,Load the file,Abrir archivo",
    ]
    path = tmp_path / "t.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = mou_text.check(pair_from_file(path), encoder="fake", checks=["consistency"], progress=False)
    got = sorted((f.kind, f.en_id) for f in report.findings)
    assert got == [("inconsistent_source", "e"), ("inconsistent_translation", "c")]
    assert all(f.severity == "minor" for f in report.findings)
    assert "Guarde el archivo" in report.findings[0].message + report.findings[1].message


def test_po_catalogue(tmp_path):
    po = tmp_path / "m.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
        '#. shown on the login page\nmsgid "Welcome, %s!"\nmsgstr "¡Bienvenida!"\n\n'
        '#, fuzzy\nmsgid "Delete %d files?"\nmsgstr "¿Eliminar %d archivos?"\n\n'
        'msgid "Open the annual report"\nmsgstr "Open the annual report"\n',
        encoding="utf-8",
    )
    par = pair_from_file(po)
    assert [p.meta["state"] for p in par.pairs] == ["translated", "needs-review-translation", "translated"]
    report = mou_text.check(par, encoder="fake", progress=False)
    kinds = {(f.en_id, f.kind) for f in report.findings}
    assert ("Welcome, %s!", "missing_tag") in kinds and ("Open the annual report", "untranslated") in kinds
    assert report.units["Welcome, %s!"]["notes"] == ["shown on the login page"]


def test_tmx_state_props_filter_and_lock(tmp_path):
    """TMX has no state attribute: the x-state / x-locked props tools write are read and filtered on."""
    tus = "".join(
        f'<tu tuid="t{k}"><prop type="x-state">{state}</prop>{lock}<tuv xml:lang="en"><seg>Send the {{{{name}}}} report</seg></tuv>'
        f'<tuv xml:lang="es"><seg>Envíe el informe</seg></tuv></tu>'
        for k, (state, lock) in enumerate([("new", ""), ("translated", ""), ("translated", '<prop type="x-locked">true</prop>')])
    )
    path = tmp_path / "s.tmx"
    path.write_text(f'<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>{tus}</body></tmx>', encoding="utf-8")
    report = mou_text.check(pair_from_file(path), encoder="fake", checks=["tags"], skip_states=["new"], progress=False)
    assert {k: v["status"] for k, v in report.units.items()} == {"t0": "skipped", "t1": "checked", "t2": "locked"}
    assert [(f.en_id, f.kind) for f in report.findings] == [("t1", "missing_tag")]


def test_icu_select_cases_are_text_and_a_dropped_placeholder_inside_one_is_still_found(tmp_path):
    # 'Language {Idioma}': inside an ICU select a braced word after a case key is that case's translated text
    po = tmp_path / "icu.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: es\\n"\n\n'
        'msgid "{field, select, Language {Language} Subject {Subject} other {Other}}"\n'
        'msgstr "{field, select, Language {Idioma} Subject {Tema} other {Otro}}"\n\n'
        'msgid "{n, plural, one {# report} other {{count} reports}}"\n'
        'msgstr "{n, plural, one {# informe} other {informes}}"\n',
        encoding="utf-8",
    )
    report = mou_text.check(pair_from_file(po), encoder="fake", progress=False)
    tags = [(f.en_id, f.kind, f.en_text) for f in report.findings if f.check == "tags"]
    assert tags == [("{n, plural, one {# report} other {{count} reports}}", "missing_tag", "{count}")]


@pytest.mark.parametrize(("text", "key"), [
    ("noInformation", True), ("ForgotPassword", True), ("email-password-reset-content", True), ("not_valid_password", True),
    ("e-mail", False), ("follow-up", False), ("Save changes", False), ("Hello", False), ("COVID-19", False),
])
def test_a_one_word_message_key_is_a_key(text, key):
    assert is_key(text) is key


def test_symfonys_missing_translation_prefix_is_untranslated_and_a_key_source_is_not_read(tmp_path):
    xlf = tmp_path / "messages.es.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
        '<file source-language="en" target-language="es" datatype="plaintext" original="file.ext"><body>'
        '<trans-unit id="a" resname="Add report"><source>Add report</source><target>__Add report</target></trans-unit>'
        '<trans-unit id="b" resname="noInformation"><source>noInformation</source><target>Sin información</target></trans-unit>'
        '<trans-unit id="c" resname="Save the report"><source>Save the report</source><target>Guardar el informe</target></trans-unit>'
        '</body></file></xliff>',
        encoding="utf-8",
    )
    report = mou_text.check(pair_from_file(xlf), encoder="fake", progress=False)
    assert [report.units[u]["status"] for u in ("Add report", "noInformation", "Save the report")] == ["untranslated", "key", "checked"]
    assert [(f.en_id, f.kind) for f in report.findings if f.severity in ("major", "critical")] == [("Add report", "untranslated")]
