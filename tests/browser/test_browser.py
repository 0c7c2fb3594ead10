"""A real headless Chromium (Debian's package) opens the reports from file://."""

from __future__ import annotations

import os
import re
import shutil

import pytest

CHROMIUM = shutil.which("chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


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
    page.get_by_role("link", name="Versi bahasa Inggris").click()
    page.wait_for_load_state("load")
    assert page.locator(".headline-figure").inner_text() == "33%"
    assert page.get_by_role("heading", name="Comparison with yardsticks").is_visible()
    assert failed == []


def test_neither_index_scrolls_sideways_on_a_390_px_phone(browser, rendered):
    # The reports are held to it by the sweep below (in each language, the nation and a province among them).
    for name in ("index.html", "en/index.html"):
        page, failed = open_page(browser, rendered.reports_dir / name, width=390)
        # Wide tables scroll inside their own box; the document is no wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
        assert failed == [], name
        page.close()


def test_contents_and_the_way_back_to_the_index(browser, rendered):
    page, failed = open_page(browser, rendered.reports_dir / "12.75-kota-binjai.html")
    page.get_by_role("link", name="Kualitas data").click()  # the table of contents jumps to its section
    assert page.url.endswith("#quality") and page.get_by_role("heading", name="Kualitas data").is_visible()
    page.get_by_role("link", name="Semua daerah").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/index.html")
    assert failed == []


def report_files(rendered) -> list[str]:
    """Every published report (both languages), from the manifest."""
    import json

    manifest = json.loads((rendered.reports_dir / "manifest.json").read_text(encoding="utf-8"))
    return sorted(entry["file"] for entry in manifest["reports"].values())


def test_the_summary_comes_first_with_coverage_target_participants_and_rupiah(browser, rendered):
    page, failed = open_page(browser, rendered.reports_dir / "12.10-kabupaten-labuhanbatu.html", width=390)
    first = page.locator("main section").first
    assert first.get_attribute("id") == "summary"
    text = first.inner_text()
    # 36,48% (22 April 2025) missed Kemendagri UCJ 2025's 52,15%: 0,5215 × 181.567 − 66.234 = 28.453
    # workers short. Dated 6 December 2026, the next step aims at RPJMN 2029 (43,92%) from 2028, the work
    # force growing as Sumatera Utara's BPS employed persons, (7,98 ÷ 7,55)^(1/2) − 1 = 2,808% a year:
    # (0,4392 × 181.567 × 1,028083^4 − 66.234) ÷ 2 = (89.086 − 66.234) ÷ 2 = 11.426 a year, the APBD paying
    # 12 × 16.800 each: Rp2,30 miliar.
    for expected in (
        "36,48%",
        "Kemendagri UCJ 2025",
        "52,15%",
        "28.453",
        "tidak tercapai",
        "11.426",
        "2028",
        "Rp2,3 miliar",
    ):
        assert expected in text, expected
    # On a phone the answer is on the first screens, before any other section.
    assert first.bounding_box()["y"] < page.locator("#yardsticks").bounding_box()["y"]
    assert failed == []


@pytest.mark.parametrize("project", ["rendered", pytest.param("rendered_all", marks=pytest.mark.exhaustive)])
def test_every_report_states_its_coverage_first_prints_on_four_a4_pages_and_reads_on_a_phone(
    browser, request, project, tmp_path
):
    """Each report (both languages) is opened once, at 1100 px, printed once, then narrowed to a
    390 px phone: the seed regions, the nation and the fictional region here; with
    ``-m exhaustive`` every region of the data (what the main job publishes)."""
    project = request.getfixturevalue(project)
    names = report_files(project)
    assert len(names) >= 12, names  # the nation and five regions with data in two languages, at least
    for name in names:
        page, failed = open_page(browser, project.reports_dir / name)
        # The summary comes first and states the coverage, or that the sources give none.
        first = page.locator("main section").first
        assert first.get_attribute("id") == "summary", name
        text = first.inner_text()
        no_figure = "belum memuat angka cakupan UCJ" in text or "no UCJ coverage figure" in text
        assert re.search(r"\d+([,.]\d+)?%", text) or no_figure, name
        # Printed: one to four A4 pages; a province's report, which adds the table of its kabupaten/kota
        # (Lampung lists 15 of them), one more.
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        (tmp_path / name.replace("/", "-")).with_suffix(".pdf").write_bytes(pdf)  # outside reports/
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        province = page.locator("section#regions").count() == 1
        assert 1 <= pages <= (5 if province else 4), (name, pages)
        # Every chart and map is on paper too (none is screen-only).
        page.emulate_media(media="print")
        hidden = page.evaluate(
            "[...document.querySelectorAll('figure img')].filter(img => !img.getBoundingClientRect().height).length"
        )
        assert hidden == 0, name
        # On a 390 px phone (the same page, narrowed: the pages have no media query but print's), chart text
        # stays at least 9 px and the document is no wider than the screen (wide tables scroll in their own box).
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 390, "height": 900})
        sizes = page.evaluate("""[...document.querySelectorAll('figure img[data-smallest-text-px]')].map(img =>
            img.getBoundingClientRect().width / img.naturalWidth * Number(img.dataset.smallestTextPx))""")
        assert sizes and min(sizes) >= 9 - 0.01, (name, sizes)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
        assert failed == [], name
        page.close()
