"""The HTML report in a real browser (headless Chromium): offline, no console errors, filter and click work."""

from __future__ import annotations

import json
import os
import shutil
import time

import pytest
from conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = ROOT / "test-artifacts"


def _browser():
    if not (os.path.exists(CHROMIUM) and os.path.exists(DRIVER)):
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium and chromium-driver (see .ci/run)")
        pytest.skip("headless Chromium is not installed here (apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    for arg in (
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-quic", "--window-size=1280,900",
    ):
        opts.add_argument(arg)
    opts.binary_location = CHROMIUM
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    import mou_text

    manifest = json.loads((ROOT / "corpora/altered/manifest.json").read_text(encoding="utf-8"))
    name = max(manifest, key=lambda f: len(manifest[f]))  # the version with the most injected divergences
    report = mou_text.check(mou_text.load_mou("en"), ROOT / "corpora/altered" / name)
    assert report.findings
    path = tmp_path_factory.mktemp("report") / "report.html"
    report.to_html(path)
    driver = _browser()
    driver.get(path.as_uri())
    yield driver, report
    driver.quit()


def test_opens_offline_without_errors(page):
    driver, report = page
    assert driver.find_elements("css selector", "#findings tbody tr")
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    requests = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            requests.append(msg["params"]["request"]["url"])
    assert requests and all(u.startswith(("file:", "data:", "about:")) for u in requests), requests


def test_severity_filter_hides_and_shows(page):
    driver, report = page
    rows = driver.find_elements("css selector", "#findings tbody tr")
    severities = {r.get_attribute("data-sev") for r in rows}
    sev = sorted(severities)[0]
    box = driver.find_element("css selector", f'.filters input[data-sev="{sev}"]')
    targeted = [r for r in rows if r.get_attribute("data-sev") == sev]
    assert all(r.is_displayed() for r in targeted)
    box.click()
    assert not any(r.is_displayed() for r in targeted)
    assert all(r.is_displayed() for r in rows if r.get_attribute("data-sev") != sev)
    box.click()
    assert all(r.is_displayed() for r in targeted)


def test_click_scrolls_and_highlights_both_columns(page):
    driver, report = page
    rows = driver.find_elements("css selector", "#findings tbody tr")
    both = [k for k, f in enumerate(report.findings) if f.en_span and f.es_span]
    assert both, "the altered version should have a finding with spans on both sides"
    row = rows[both[-1]]
    driver.execute_script("window.scrollTo(0, 0)")
    row.click()
    time.sleep(1.0)  # smooth scrolling
    active = driver.find_elements("css selector", "mark.active")
    langs = {m.find_element("xpath", "./ancestor::td[1]").get_attribute("lang") for m in active}
    assert {"en", "es"} <= langs
    in_view = driver.execute_script(
        "var r=arguments[0].getBoundingClientRect();return r.top>=0&&r.bottom<=window.innerHeight;", active[0]
    )
    assert in_view
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / "report_browser.png"))


def test_document_text_is_escaped(tmp_path):
    import mou_text

    en = mou_text.parse("The Participants may exchange <script>alert(1)</script> information on shelters.", lang="en")
    es = mou_text.parse("Los Participantes deberán intercambiar <script>alert(1)</script> información sobre albergues.", lang="es")
    html = mou_text.check(en, es).to_html(tmp_path / "r.html")
    assert "<script>alert(1)</script>" not in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert html is not None
