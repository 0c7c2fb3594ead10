"""Locator maps (ucjlib.maps) from the converted boundaries."""

from __future__ import annotations

import base64

import pandas as pd

from ucjlib import maps, paths


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
