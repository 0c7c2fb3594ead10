"""A real headless Chromium (Debian's package) opens the reports from file://."""

from __future__ import annotations

import os
import shutil

import pytest


CHROMIUM = shutil.which("chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs Debian's chromium package")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_page(browser, path, width=1100):
    page = browser.new_page(viewport={"width": width, "height": 900})
    failed = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    page.goto(path.as_uri(), wait_until="load")
    return page, failed


def test_index_and_a_report_open_offline_with_headline_on_screen(browser, rendered, tmp_path):
    page, failed = open_page(browser, rendered.reports_dir / "index.html")
    assert page.get_by_role("link", name="Kabupaten Labuhanbatu").is_visible()
    assert page.get_by_text("36,48%").first.is_visible()
    page.get_by_role("link", name="Kabupaten Labuhanbatu").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("12.10-kabupaten-labuhanbatu.html")
    headline = page.locator(".headline-figure")
    assert headline.is_visible() and headline.inner_text() == "36,48%"
    # The embedded chart decoded and laid out (a broken image has zero natural width).
    assert page.locator("figure img").first.evaluate("img => img.complete && img.naturalWidth > 0")
    # Test artefacts go to pytest's temporary folder: reports/ stays as the main job left it.
    page.screenshot(path=str(tmp_path / "screenshot-labuhanbatu.png"), full_page=True)
    assert failed == []


def test_english_report_switches_language(browser, rendered):
    page, failed = open_page(browser, rendered.reports_dir / "12.75-kota-binjai.html")
    page.get_by_role("link", name="English version").click()
    page.wait_for_load_state("load")
    assert page.locator(".headline-figure").inner_text() == "33%"
    assert page.get_by_role("heading", name="Comparison with yardsticks").is_visible()
    assert failed == []


@pytest.mark.parametrize("name", ["index.html", "00-indonesia.html", "12.10-kabupaten-labuhanbatu.html",
                                  "en/16.06-kabupaten-musi-banyuasin.html", "18-lampung.html"])
def test_no_page_scrolls_sideways_on_a_390_px_phone(browser, rendered, name):
    page, failed = open_page(browser, rendered.reports_dir / name, width=390)
    # Wide tables scroll inside their own box; the document is no wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert failed == []


def test_contents_and_the_way_back_to_the_index(browser, rendered):
    page, failed = open_page(browser, rendered.reports_dir / "12.75-kota-binjai.html")
    page.get_by_role("link", name="Kualitas data").click()  # the table of contents jumps to its section
    assert page.url.endswith("#quality") and page.get_by_role("heading", name="Kualitas data").is_visible()
    page.get_by_role("link", name="Semua daerah").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/index.html")
    assert failed == []
