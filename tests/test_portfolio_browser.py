"""The portfolio page in a real browser (headless Chromium): offline, no console errors, the charts
drawn with labels, and a document's evidence opening on click."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from test_report_browser import _browser


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from mou_text.cli import main

    root = tmp_path_factory.mktemp("portfolio")
    path = root / "portfolio.html"
    assert main(["classify", str(ROOT / "corpora/samples/reports"), "--out", str(root / "r.jsonl"), "--html", str(path), "--encoder", "fake", "--no-progress"]) == 0
    driver = _browser()
    driver.get(path.as_uri())
    yield driver
    driver.quit()


def test_opens_offline_without_errors(page):
    assert page.find_elements("css selector", "#documents details")
    assert [e for e in page.get_log("browser") if e["level"] == "SEVERE"] == []
    urls = [json.loads(e["message"])["message"]["params"]["request"]["url"] for e in page.get_log("performance")
            if json.loads(e["message"])["message"]["method"] == "Network.requestWillBeSent"]
    assert urls and all(u.startswith(("file:", "data:", "about:")) for u in urls), urls


def test_charts_have_bars_labels_and_an_axis(page):
    svg = page.find_element("css selector", "#areas svg")
    assert svg.size["width"] > 300 and svg.size["height"] > 100
    texts = [t.text for t in svg.find_elements("css selector", "text")]
    assert {"economic", "social", "security", "justice", "none of the areas", "number of documents"} <= set(texts)
    bars = svg.find_elements("css selector", "rect")
    assert len(bars) == 5 and max(b.size["width"] for b in bars) > 100
    assert page.find_elements("css selector", 'section[data-dim="lang"] svg')


def test_evidence_opens_on_click(page):
    doc = page.find_elements("css selector", "#documents details")[0]
    evidence = doc.find_elements("css selector", ".ev")
    assert evidence and not evidence[0].is_displayed()
    doc.find_element("css selector", "summary").click()
    assert evidence[0].is_displayed() and "MOU clause" in evidence[0].text
    assert evidence[0].find_element("css selector", "blockquote").text.strip()
