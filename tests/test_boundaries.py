"""The converted boundary file (data/boundaries/, from scripts/convert_boundaries.py)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from ucjlib import paths

BOUNDARIES = paths.PACKAGE_DIR.parent / "data" / "boundaries"
SIZE_BUDGET_BYTES = 1_000_000


@pytest.fixture(scope="module")
def features():
    return json.loads((BOUNDARIES / "regions.geojson").read_text(encoding="utf-8"))["features"]


def test_codes_match_the_region_master_list_exactly(features):
    regions = pd.read_csv(paths.raw_dir() / "regions.csv", dtype=str, keep_default_na=False)
    regions = regions[regions["level"] != "national"]
    codes = [feature["properties"]["code"] for feature in features]
    assert len(codes) == len(set(codes)) == 552
    assert set(codes) == set(regions["code"])
    assert (regions["level"] == "province").sum() == 38 and regions["level"].isin(["regency", "city"]).sum() == 514


def test_every_region_has_a_shape_inside_indonesia_in_longitude_latitude_order(features):
    for feature in features:
        polygons = feature["geometry"]["coordinates"]
        assert feature["geometry"]["type"] == "MultiPolygon" and polygons, feature["properties"]["code"]
        for ring in (ring for polygon in polygons for ring in polygon):
            assert len(ring) >= 4 and ring[0] == ring[-1]
            for longitude, latitude in ring:  # Indonesia lies within 94–142° E and 11° S–6,5° N
                assert 94 <= longitude <= 142 and -11.5 <= latitude <= 6.5, feature["properties"]["code"]


def test_the_file_stays_within_its_size_budget_and_keeps_its_licence():
    assert (BOUNDARIES / "regions.geojson").stat().st_size <= SIZE_BUDGET_BYTES
    licence = (BOUNDARIES / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Cahya" in licence
    assert "3c5a7960" in (BOUNDARIES / "README.md").read_text(encoding="utf-8")
