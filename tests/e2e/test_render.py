"""End to end: papermill executes the template per region, nbconvert exports HTML that
opens offline; a region added only in data renders; a failing region is not published."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys

import nbformat
import papermill
import pytest
from conftest import REPORT_DATE

from ucjlib import paths
from ucjlib.analysis.notebook import ANALYSIS_DATE
from ucjlib.data.processed import load_all
from ucjlib.errors import RegionError, RenderError, ReportParameterError
from ucjlib.publish.site import notebook_to_html


def read(project, name: str) -> str:
    return (project.reports_dir / name).read_text(encoding="utf-8")


REPORTS = [
    "00-indonesia.html",
    "12.10-kabupaten-labuhanbatu.html",
    "12.75-kota-binjai.html",
    "16.06-kabupaten-musi-banyuasin.html",
    "18-lampung.html",
    "99.01-kabupaten-fiktif-contoh.html",
]


@pytest.mark.parametrize("name", REPORTS + [f"en/{n}" for n in REPORTS] + ["index.html", "en/index.html"])
def test_every_page_is_self_contained_without_code_or_errors(rendered, name):
    page = read(rendered, name)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page.lower()
    # Nothing is fetched: every src is a data URI; a link is an anchor, a relative file, a
    # download held in the page, or a source article the reader may open.
    for target in re.findall(r'src="([^"]*)"', page):
        assert target.startswith("data:"), target
    for tag, target in re.findall(r'<(\w+)[^>]*\shref="([^"]*)"', page):
        external = re.match(r"^[a-z]+:", target) and not target.startswith("data:")
        assert not external or (tag == "a" and target.startswith(("https://", "http://"))), (tag, target)
    assert "ucj_report.prepare" not in page and "Traceback" not in page and "Error" not in page
    # No missing value leaks through as a word or a float where a year or a number belongs.
    assert not re.search(r">\s*(nan|None|NaN)\s*<", page) and not re.search(r"<td>\d{4}\.0</td>", page)


def test_region_added_only_in_data_renders_with_its_figures(rendered):
    page = read(rendered, "99.01-kabupaten-fiktif-contoh.html")
    # 12.375 ÷ 30.000 = 41,25% (30 June 2025). RPJMN 2029 yardstick 43,92%: gap 2,67 points = 801 persons
    # on that work force. The region and its fictional province have no BPS series, so the work force grows
    # as the nation's employed persons, (146,54 ÷ 114,8)^(1/10) − 1 = 2,4711% a year (August 2015 to 2025):
    # 30.000 × 1,024711^4 = 33.077,1 workers in 2029, 43,92% of them 14.527,4, so 2.152,4 to enrol; the
    # report is dated 6 December 2026, so over 2028–2029: 1.076,2 a year; the APBD pays 12 × Rp16.800
    # = Rp201.600 a person: 1.076,2 × 201.600 = Rp216,97 juta in 2028 (written Rp217 juta); all 2.152,4 in
    # 2029: Rp433,93 juta.
    # Each is followed by its Monte Carlo 5–95% range in brackets (growth drawn within ±1 point a year).
    costs = page[page.index('class="costs"') :].split("</table>")[0]
    row = costs[costs.index("RPJMN 2025–2029: 43,92% (2029)") :].split("</tr>")[0]
    for expected in [
        "<td>1.076 (",
        "<td>2028–2029</td>",
        "<td>Rp217 juta (",
        "12 × Rp16.800 (PP 44/2015)",
        "<td>Rp433,9 juta (",
        "<td>2.152 (",
    ]:
        assert expected in row, expected
    for expected in ["41,25%", "12.375", "30.000", "2,67", "801", "Data uji fiktif (synthetic)", "30 Juni 2025"]:
        assert expected in page, expected
    english = read(rendered, "en/99.01-kabupaten-fiktif-contoh.html")
    for expected in ["41.25%", "12,375", "30,000", "Rp217 million", "30 June 2025"]:
        assert expected in english, expected
    assert 'lang="id"' in page and 'lang="en"' in english


def test_index_lists_every_region_with_headline_and_link(rendered):
    index = read(rendered, "index.html")
    for name, coverage in [
        ("12.10-kabupaten-labuhanbatu.html", "36,48%"),
        ("12.75-kota-binjai.html", "33%"),
        ("16.06-kabupaten-musi-banyuasin.html", "49,2%"),
        ("99.01-kabupaten-fiktif-contoh.html", "41,25%"),
    ]:
        assert f'href="{name}"' in index
        row = index[index.index(f'href="{name}"') :].split("</tr>")[0]
        assert coverage in row, (name, row)
    assert 'href="18-lampung.html"' in index  # sparse: no coverage, still listed and linked
    lampung = index[index.index('<td><a href="18-lampung.html">') :].split("</tr>")[0]
    assert ">nan<" not in lampung.lower() and lampung.count("<td>–</td>") == 6 and "tidak ada angka cakupan" in lampung
    # A national overview, dated: one table, province by province; how many, and how old the figures are.
    # Six regions with data (four seed regions, two fictional) in four provinces (12, 16, 18, 99);
    # the oldest latest figure is Binjai's (18 October 2024, the FGD's date), the newest Muba's (25 September 2025).
    assert "Dibuat pada 6 Desember 2026" in index
    assert "6 daerah di 4 provinsi memiliki data" in index
    assert "18 Oktober 2024 sampai 25 September 2025" in index
    assert (
        index.index("<td>Sumatera Utara</td>") < index.index("Kota Binjai") < index.index("<td>Sumatera Selatan</td>")
    )
    # Statuses as of the page's date: Labuhanbatu's 36,48% missed Kemendagri UCJ 2025 (52,15%) by 15,67 points.
    row = index[index.index('href="12.10-kabupaten-labuhanbatu.html"') :].split("</tr>")[0]
    assert "Kemendagri UCJ 2025: 52,15% (2025)" in row and "<td>15,67</td>" in row and "<td>tidak tercapai</td>" in row
    labuhanbatu = index[: index.index('href="12.10-kabupaten-labuhanbatu.html"')].rsplit("<tr", 1)[1]
    assert 'class="status-missed"' in labuhanbatu
    # The legend says what each status means, with how many regions have it: Lampung alone has no figure.
    assert "<strong>tidak ada angka cakupan</strong> (sumber belum memuat angka cakupan): 1" in index


def test_failed_region_is_named_not_published_and_the_others_render(rendered):
    assert rendered.reports.returncode == 1
    assert "99.02" in rendered.reports.stderr and "Kota Fiktif Hilang" in rendered.reports.stderr
    assert not (rendered.reports_dir / "99.02-kota-fiktif-hilang.html").exists()
    assert 'href="99.02-kota-fiktif-hilang.html"' not in read(rendered, "index.html")
    manifest = json.loads(read(rendered, "manifest.json"))
    assert set(manifest["failed"]) == {"99.02/id", "99.02/en"}
    assert "RegionError" in manifest["failed"]["99.02/id"]["error"]
    assert {r["region_code"] for r in manifest["reports"].values()} == {"00", "12.10", "12.75", "16.06", "18", "99.01"}


def test_manifest_records_inputs_and_parameters(rendered):
    manifest = json.loads(read(rendered, "manifest.json"))
    assert set(manifest["inputs"]) == {"template", "observations", "checks", "legal_references"}
    assert all(len(entry["sha256"]) == 64 for entry in manifest["inputs"].values())
    labuhanbatu = manifest["reports"]["12.10/id"]
    assert labuhanbatu["parameters"] == {"region": "12.10", "language": "id", "as_of": "2026-12-06"}
    assert labuhanbatu["file"] == "12.10-kabupaten-labuhanbatu.html"
    page = (rendered.reports_dir / labuhanbatu["file"]).read_bytes()
    assert labuhanbatu["html_sha256"] == hashlib.sha256(page).hexdigest()
    assert len(labuhanbatu["inputs_sha256"]) == 64
    assert manifest["reports"]["12.10/en"]["inputs_sha256"] != labuhanbatu["inputs_sha256"]  # parameters differ


def test_report_holds_every_section_with_footnoted_sources(rendered):
    page = read(rendered, "12.75-kota-binjai.html")
    for heading in [
        "Ringkasan",
        "Perbandingan dengan tolok ukur",
        "Yang dibutuhkan untuk menutup setiap kesenjangan",
        "Program dan angka dari sumber",
        "Kualitas data",
        "Asumsi",
        "Sumber",
    ]:
        assert f"<h2>{heading}</h2>" in page, heading
    # Binjai: 33% of 132.826 leaves 88.993 uncovered; the article prints 89.300 → flagged in the box.
    quality = page[page.index('class="quality"') :]
    assert "88.993" in quality and "89.300" in quality and "307" in quality
    # Named yardsticks, never a bare "target".
    for yardstick in ["RPJMN 2025–2029", "Kemendagri UCJ 2025", "RKP 2026", "RPJPN 2025–2045"]:
        assert yardstick in page
    assert "data:image/svg+xml;base64," in page and 'alt="Cakupan Kota Binjai: 33%' in page
    footnotes = set(re.findall(r'href="#(src-\d+)"', page))
    assert footnotes and all(f'id="{note}"' in page for note in footnotes)


def test_scenarios_section_in_every_report(rendered):
    for name in REPORTS:
        page = read(rendered, name)
        assert "<h2>Skenario dan proyeksi</h2>" in page, name
    labuhanbatu = read(rendered, "12.10-kabupaten-labuhanbatu.html")
    scenarios = labuhanbatu[
        labuhanbatu.index("<h2>Skenario dan proyeksi</h2>") : labuhanbatu.index("<h2>Program dan angka")
    ]
    # Three seed points are too few for a trend: scenarios only, said so.
    assert "Proyeksi statistik tidak dibuat" in scenarios and "bukan ramalan" in scenarios
    # The RPJMN pace, (43,92 − 32,15) ÷ 4 = 2,9425 points a year from 36,4791% (66.234 ÷ 181.567), starts in
    # 2028 (a report dated 6 December 2026): 39,42% in 2028, 42,36% in 2029, 45,31% in 2030 passes 43,92%;
    # 36,48 + 18 × 2,9425 = 89,44% in 2045 is short of 99,5%.
    row = scenarios[scenarios.index("Laju RPJMN 2025–2029: +2,94 poin per tahun") :].split("</tr>")[0]
    assert "<td>2030</td>" in row and "<td>42,36%</td>" in row and "belum pada 2045" in row
    # The RPJMD's 10.000 poor residents a year is a poverty plan, not a pace of enrolling workers.
    assert "Laju RPJMD" not in scenarios and "bukan laju pendaftaran pekerja" in scenarios
    # One-off plan 10.000 APBD + 3.800 DBH sawit in 2028: 13.800 × 201.600 = Rp2,78 miliar (no discount for an
    # APBD). Coverage in 2029: (66.234 + 13.800) ÷ (181.567 × 1,0280825^4) = 80.034 ÷ 202.840 = 39,46%, the work
    # force growing as Sumatera Utara's BPS employed persons (7,55 → 7,98 juta, August 2023 → 2025).
    row = scenarios[scenarios.index("Rencana pendaftaran sekali") :].split("</tr>")[0]
    assert "13.800" in row and "Rp2,8 miliar" in row and "39,46%" in row
    # The RPJMD claim, checked: from 2025 all 42.000 by 2029; from 2026 only 40.000 (95,24%).
    assert "42.000 terlindungi pada 2029 (100,0%)" in scenarios and "40.000 terlindungi pada 2029 (95,2%)" in scenarios
    lampung = read(rendered, "18-lampung.html")
    # Lampung (its seed article: targets only) grows with its own BPS employed persons, August 2024 to 2025.
    assert "Titik awal hipotetis" in lampung and "penduduk bekerja BPS di Lampung dari Agustus 2024 hingga" in lampung


def test_projection_where_data_allows_it(rendered):
    # The fictional region has three coverage figures on one basis: a fitted trend with 90% intervals.
    page = read(rendered, "99.01-kabupaten-fiktif-contoh.html")
    assert "Proyeksi tren (regresi pada logit cakupan, 3 pengamatan" in page
    projection = page[page.index("Proyeksi tren") :].split("</ul>")[0]
    years = re.findall(r"<li>(\d{4}): ([\d,]+)% \(([\d,]+)% – ([\d,]+)%\)</li>", projection)
    # One degree of freedom: an interval up to four years after the last figure (2025), so for 2029 and not 2045.
    assert [y[0] for y in years] == ["2029"]
    assert re.search(r"<li>2045: [\d,]+% \(tanpa interval", projection)
    for _, mean, lower, upper in years:
        mean, lower, upper = (float(v.replace(",", ".")) for v in (mean, lower, upper))
        assert 0 < lower < mean < upper <= 100


def test_sparse_region_says_what_is_missing(rendered):
    page = read(rendered, "18-lampung.html")
    assert "belum memuat angka cakupan UCJ" in page
    missing = page[page.index("Belum ada dalam data") :]
    assert "angka cakupan UCJ" in missing and "jumlah pekerja (penyebut)" in missing
    # Lampung's own targets: 1.436.809 − 1.149.447 = 287.362 participants in a year.
    assert "287.362" in page
    # Its costs start from its 2025 target taken as met: the cost section says so itself.
    closing = page[page.index('<section id="closing">') : page.index('<section id="scenarios">')]
    assert (
        "Biaya ini tidak berangkat dari titik yang terukur. Titik awal hipotetis: target 2025 dianggap tercapai"
        in closing
    )


def run_template_here(parameters: dict) -> None:
    """The template's code cells, with ``parameters`` injected as papermill injects them, executed in
    this process instead of a kernel (up to the first error): what validates them is the template's
    own code, and a kernel start for each case would cost seconds."""
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    template = load_notebook_node(str(paths.notebooks_dir() / "report-region.ipynb"))
    notebook = parameterize_notebook(template, parameters, kernel_name="python3", language="python")
    namespace: dict = {}
    for cell in notebook.cells:
        if cell.cell_type == "code":
            exec(compile(cell.source, "report-region.ipynb", "exec"), namespace)


def test_template_refuses_an_ambiguous_region_before_any_work_and_its_failed_notebook_is_never_exported(
    rendered, tmp_path, monkeypatch
):
    # Through papermill and a kernel, as the runner executes it; the other refusals below run the same cells here.
    monkeypatch.setenv("UCJ_ROOT", str(rendered.root))
    with pytest.raises(papermill.PapermillExecutionError) as failure:
        papermill.execute_notebook(
            str(paths.notebooks_dir() / "report-region.ipynb"),
            str(tmp_path / "out.ipynb"),
            parameters={"region": "Jambi"},
            progress_bar=False,
            cwd=str(tmp_path),
        )
    assert failure.value.ename == "RegionError" and "ambiguous" in failure.value.evalue
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    with pytest.raises(RenderError):
        notebook_to_html(executed, "x", "id", REPORT_DATE)


@pytest.mark.parametrize("region, expected", [("Binjay", "Kota Binjai"), ("Jambi", "ambiguous")])
def test_template_refuses_an_unknown_or_ambiguous_region_before_any_work(rendered, monkeypatch, region, expected):
    monkeypatch.setenv("UCJ_ROOT", str(rendered.root))
    with pytest.raises(RegionError) as failure:
        run_template_here({"region": region})
    assert type(failure.value).__name__ == "RegionError" and expected in str(failure.value)


@pytest.mark.parametrize(
    "parameters, message",
    [
        ({"languages": "fr"}, "languages must be one of id, en"),
        ({"languages": ["id", "id"]}, "each once"),
        ({"premium_rate": -1}, "premium_rate must be a number of rupiah"),
        ({"premium_rate": 1e308}, "at most 10,000,000"),
        ({"as_of": "6/12/2026"}, "as_of must be a date written YYYY-MM-DD"),
        ({"yardstick": "Target"}, "choose one of"),
    ],
)
def test_template_validates_its_parameters(rendered, monkeypatch, parameters, message):
    monkeypatch.setenv("UCJ_ROOT", str(rendered.root))
    with pytest.raises(ReportParameterError) as failure:
        run_template_here({"region": "Binjai", **parameters})
    assert type(failure.value).__name__ == "ReportParameterError" and message in str(failure.value)


def test_a_region_code_that_papermill_reads_as_a_number_still_renders(rendered, tmp_path, monkeypatch):
    # `papermill … -p region 12.10` passes the float 12.1; the template must still mean Kemendagri 12.10.
    monkeypatch.setenv("UCJ_ROOT", str(rendered.root))
    papermill.execute_notebook(
        str(paths.notebooks_dir() / "report-region.ipynb"),
        str(tmp_path / "out.ipynb"),
        parameters={"region": 12.1},
        progress_bar=False,
        cwd=str(tmp_path),
    )
    page = notebook_to_html(nbformat.read(tmp_path / "out.ipynb", as_version=4), "x", "id", REPORT_DATE)
    assert "<h1>Kabupaten Labuhanbatu</h1>" in page and "36,48%" in page


def test_one_execution_makes_each_languages_page_from_its_own_output(rendered, tmp_path, monkeypatch):
    monkeypatch.setenv("UCJ_ROOT", str(rendered.root))
    papermill.execute_notebook(
        str(paths.notebooks_dir() / "report-region.ipynb"),
        str(tmp_path / "out.ipynb"),
        parameters={"region": "Binjai", "languages": ["id", "en"], "as_of": ANALYSIS_DATE.isoformat()},
        progress_bar=False,
        cwd=str(tmp_path),
    )
    executed = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    labels = [output.metadata.get("language") for cell in executed.cells for output in cell.get("outputs", [])]
    assert labels == ["id", "en"]
    indonesian, english = (notebook_to_html(executed, "x", language, REPORT_DATE) for language in ("id", "en"))
    # Each page holds its own language's report only (the catalogs' words for the headline).
    assert (
        indonesian.count("<h1>Kota Binjai</h1>") == 1
        and "Laporan Cakupan Jaminan Sosial" in indonesian
        and "UCJ coverage report" not in indonesian
    )
    assert (
        english.count("<h1>Kota Binjai</h1>") == 1
        and "UCJ coverage report" in english
        and "Laporan Cakupan" not in english
    )
    # The published pages are these exports (the page shell's title aside).
    body = lambda page: page[page.index("<main>") :]  # noqa: E731
    assert body(indonesian) == body(read(rendered, "12.75-kota-binjai.html"))
    assert body(english) == body(read(rendered, "en/12.75-kota-binjai.html"))
    only_english = nbformat.from_dict(
        {
            **executed,
            "cells": [
                {**cell, "outputs": [o for o in cell.get("outputs", []) if o.metadata.get("language") == "en"]}
                if "outputs" in cell
                else cell
                for cell in executed.cells
            ],
        }
    )
    with pytest.raises(RenderError, match="no report in 'id'"):
        notebook_to_html(only_english, "x", "id", REPORT_DATE)


def test_the_nation_has_a_report_linked_from_the_index(rendered):
    page = read(rendered, "00-indonesia.html")
    # Its latest figure (37,01%, October 2025) against the yardsticks; only two national figures, so no trend.
    assert "<h1>Indonesia</h1>" in page and "37,01%" in page and "Oktober 2025" in page
    assert "Proyeksi statistik tidak dibuat: baru ada 2 angka cakupan" in page
    index = read(rendered, "index.html")
    assert 'href="00-indonesia.html"' in index and "Cakupan nasional: 37,01% per Oktober 2025" in index


def test_every_table_of_figures_says_what_it_holds(rendered):
    page = read(rendered, "12.10-kabupaten-labuhanbatu.html")
    for css, caption in (
        ("yardsticks", "Cakupan terakhir dibanding setiap target"),
        ("costs", "Satu baris per target yang belum tercapai"),
        ("scenarios", "Cakupan yang dicapai setiap skenario"),
        ("figures", "Angka yang dimuat sumber"),
    ):
        table = re.search(rf'<table class="{css}"><caption>([^<]*)</caption>', page)
        assert table and table.group(1).startswith(caption), css


def test_every_page_stays_under_its_weight_budget_and_a_report_shows_where_the_region_lies(rendered):
    for page in [*rendered.reports_dir.glob("*.html"), *rendered.reports_dir.glob("en/*.html")]:
        budget = 400_000 if page.name == "index.html" else 150_000
        assert page.stat().st_size <= budget, page.name
    labuhanbatu = read(rendered, "12.10-kabupaten-labuhanbatu.html")
    image = re.search(r'<figure class="map"><img ([^>]*)>', labuhanbatu).group(1)
    assert 'alt="Peta: Kabupaten Labuhanbatu, berwarna biru, di dalam Sumatera Utara."' in image
    assert 'src="data:image/png;base64,' in image
    assert 'alt="Map: Lampung, in blue, within Indonesia."' in read(rendered, "en/18-lampung.html")
    assert '<figure class="map">' not in read(rendered, "00-indonesia.html")
    # The index maps every region with a coverage figure: no province (Lampung has none) and five
    # kabupaten/kota (Labuhanbatu, Binjai, Muba and the two fictional ones, built before 99.02 was dropped).
    index = read(rendered, "index.html")
    assert re.search(
        r'<figure class="choropleth"><div class="chart-scroll"><img [^>]*'
        r'alt="Peta Indonesia menurut cakupan UCJ terakhir: 0 provinsi '
        r'dan 5 kabupaten/kota memiliki angka cakupan; provinsi tanpa angka diarsir\."',
        index,
    )


def test_the_index_overviews_computed_by_a_pool_are_those_computed_here(monkeypatch):
    from ucjlib.model.region import Assumptions, processed_model
    from ucjlib.publish import site as publish

    codes = sorted(set(load_all().observations.query("level != 'national'")["region_code"]))
    monkeypatch.setattr(publish, "MODELS_PER_PROCESS", 10)  # the real regions are few: split them anyway
    monkeypatch.setattr(publish, "worker_cap", lambda: 2)  # two processes, even on a one-core machine
    assert publish.index_overviews(codes, REPORT_DATE) == [
        processed_model(code, Assumptions(as_of=REPORT_DATE)).overview for code in codes
    ]


def test_the_index_from_the_kernels_overviews_is_the_index_computed_from_the_models(rendered, tmp_path, monkeypatch):
    # The run's kernels handed the index every rendered region's overview; computed here instead, from
    # each region's model, the pages come out byte for byte the same.
    from ucjlib.model.summary import region_summary
    from ucjlib.publish import site as publish
    from ucjlib.publish.manifest import Inputs, read_manifest

    monkeypatch.setenv("UCJ_ROOT", str(rendered.root))
    inputs = Inputs.load()
    publish.write_index(
        tmp_path, inputs, region_summary(inputs.processed), read_manifest(rendered.reports_dir), {}, ANALYSIS_DATE
    )
    for name in ("index.html", "en/index.html"):
        assert (tmp_path / name).read_text(encoding="utf-8") == read(rendered, name), name


def test_a_run_with_nothing_to_render_does_not_build_the_iri_grammars(rendered):
    """The command line keeps jsonschema (nbformat's) from importing rfc3987_syntax, 1,6 core-s of grammars."""
    env = {**os.environ, "UCJ_ROOT": str(rendered.root), "MPLBACKEND": "Agg"}
    command = [
        sys.executable,
        "-X",
        "importtime",
        "-m",
        "ucjlib",
        "reports",
        "--region",
        "Binjai",
        "--as-of",
        ANALYSIS_DATE.isoformat(),
    ]
    run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "rendered 0 reports" in run.stdout, run.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in run.stderr.splitlines() if line.startswith("import time:")}
    # rfc3987_syntax builds its grammars with lark as it is imported (its import is attempted, and refused)
    assert {"jsonschema", "nbformat"} <= imported and not {"lark", "rfc3987_syntax.syntax_helpers"} & imported


def test_every_source_a_page_lists_is_cited_on_it_and_captions_say_only_what_the_chart_draws(rendered):
    for path in [*rendered.reports_dir.glob("*.html"), *rendered.reports_dir.glob("en/*.html")]:
        if path.name == "index.html":
            continue
        page = path.read_text(encoding="utf-8")
        listed, cited = set(re.findall(r'id="src-(\d+)"', page)), set(re.findall(r'href="#src-(\d+)"', page))
        assert listed == cited, (path.name, sorted(listed - cited), sorted(cited - listed))
    # Labuhanbatu is held to national yardsticks only: no hatched bar, so its caption names none;
    # Binjai's +20-point rule is drawn hatched and its caption says so.
    assert "berarsir" not in read(rendered, "12.10-kabupaten-labuhanbatu.html")
    assert "batang berarsir adalah target daerah sendiri" in read(rendered, "12.75-kota-binjai.html")
    # The fictional region's three figures share one denominator: no ring is drawn and none is described;
    # its caption cites the region's source and the nation's.
    fictional = read(rendered, "99.01-kabupaten-fiktif-contoh.html")
    caption = fictional[fictional.index('<section id="over-time">') :].split("</figcaption>")[0]
    assert "Lingkaran" not in caption and "Angka daerah:" in caption and "Angka nasional:" in caption


@pytest.mark.exhaustive
def test_every_region_of_the_data_renders_and_cites_every_source_it_lists(rendered_all):
    # The main job's data: every region but the fictional one dropped from the master list is published
    # (the nation too, whose yardsticks have second sources the page does not show).
    manifest = json.loads(read(rendered_all, "manifest.json"))
    assert set(manifest["failed"]) == {"99.02/id", "99.02/en"}, manifest["failed"]
    assert {"00/id", "00/en"} <= set(manifest["reports"])
    for entry in manifest["reports"].values():
        page = (rendered_all.reports_dir / entry["file"]).read_text(encoding="utf-8")
        listed, cited = set(re.findall(r'id="src-(\d+)"', page)), set(re.findall(r'href="#src-(\d+)"', page))
        assert listed == cited, (entry["file"], sorted(listed - cited), sorted(cited - listed))
