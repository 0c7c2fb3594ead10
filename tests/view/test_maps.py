"""Locator maps (ucjlib.view.maps) from the converted boundaries."""

from __future__ import annotations

import base64

import pandas as pd

from ucjlib import paths
from ucjlib.view import maps


def test_a_kabupaten_is_shown_among_its_provinces_kabupaten_kota_and_a_province_among_all():
    regions = pd.read_csv(paths.raw_dir() / "regions.csv", dtype=str, keep_default_na=False)
    of_sumut = set(regions.loc[regions["level"].isin(["regency", "city"]) & (regions["province_code"] == "12"), "code"])
    assert set(maps.neighbours("12.10")) == of_sumut and "12.10" in of_sumut
    assert set(maps.neighbours("18")) == set(regions.loc[regions["level"] == "province", "code"])


def test_a_locator_map_is_a_small_png_and_a_region_without_boundary_gets_none():
    uri = maps.figure_to_png_uri(maps.locator_map("12.10"))
    png = base64.b64decode(uri.split(",", 1)[1])
    assert uri.startswith("data:image/png;base64,") and png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(uri) < 60_000  # a report stays under 150 KB with its map
    assert maps.locator_map("99.01") is None  # the fictional test region has no boundary


def test_coverage_classes_and_colours_that_read_in_grayscale():
    assert [maps.coverage_class(v) for v in (0, 19.99, 20, 35.05, 59.99, 60, 100)] == [0, 0, 1, 2, 4, 5, 5]

    # Each class darker than the one before (relative luminance), so the order survives grayscale.
    def luminance(colour):
        r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    shades = [luminance(c) for c in maps.CLASS_COLOURS]
    assert all(a > b + 0.05 for a, b in zip(shades, shades[1:], strict=False))


def test_a_choropleth_has_a_legend_with_every_class_and_no_data():
    labels = ["< 20%", "20–30%", "30–40%", "40–50%", "50–60%", "≥ 60%"]
    fig = maps.choropleth({"33.18": 29.0}, maps.neighbours("33.01"), "Cakupan UCJ terakhir", "tidak ada data", labels)
    legend = fig.axes[0].get_legend()
    assert [t.get_text() for t in legend.get_texts()] == labels + ["tidak ada data"]
    assert legend.get_title().get_text() == "Cakupan UCJ terakhir"
    maps.figure_to_png_uri(fig)


def test_a_province_report_maps_its_kabupaten_kota_by_coverage():
    from ucjlib.data.processed import load_all
    from ucjlib.model.region import model_from
    from ucjlib.publish.pages import report_body

    page = report_body(model_from(load_all(), "33"), "id")
    # Jawa Tengah has 35 kabupaten/kota; Pati, Wonogiri, Pekalongan, Banyumas and Kudus have a coverage
    # figure (Kota Semarang's is the informal sector's alone, not the region's).
    assert (
        'alt="Peta kabupaten dan kota di Jawa Tengah menurut cakupan UCJ terakhir: 5 dari 35 memiliki angka cakupan; '
        'sisanya diarsir."'
    ) in page
