"""The converted boundary file (data/boundaries/, from scripts/convert_boundaries.py), and what
the maps do with a damaged one (ucjlib.data.boundaries)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from ucjlib import paths
from ucjlib.data.boundaries import checked
from ucjlib.errors import UCJError
from ucjlib.view import maps

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
    assert {feature["geometry"]["type"] for feature in features} == {"MultiPolygon"}  # as converted
    shipped = checked()  # closed rings of finite points inside INDONESIA_BOX (a swapped pair is not), one per region
    assert shipped.problems == {} and len(shipped.shapes) == 552


def test_the_file_stays_within_its_size_budget_and_keeps_its_licence():
    assert (BOUNDARIES / "regions.geojson").stat().st_size <= SIZE_BUDGET_BYTES
    licence = (BOUNDARIES / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and "Cahya" in licence
    assert "3c5a7960" in (BOUNDARIES / "README.md").read_text(encoding="utf-8")


# -- a damaged boundary file (issue 29 §2): a real copy, edited, where the maps read it ----------------------

REAL = BOUNDARIES / "regions.geojson"
BINJAI, MEDAN = "12.75", "12.71"  # two kota of Sumatera Utara: each is in the other's locator map


@pytest.fixture
def boundary_file(tmp_path, monkeypatch):
    """``write(edit)``: a copy of the real file, ``edit``ed (a function of the collection) or
    replaced by ``text`` (str or bytes), made the file the maps read; returns its path."""

    def write(edit=None, text=None):
        path = tmp_path / "regions.geojson"
        if text is None:
            collection = json.loads(REAL.read_text(encoding="utf-8"))
            edit(collection)
            text = json.dumps(collection)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        monkeypatch.setattr(paths, "boundaries_file", lambda: path)
        return path

    return write


def feature(collection: dict, code: str) -> dict:
    return next(f for f in collection["features"] if f["properties"]["code"] == code)


def outer_ring(collection: dict, code: str) -> list:
    return feature(collection, code)["geometry"]["coordinates"][0][0]


BAD_FEATURES = {
    "null geometry": (lambda c: feature(c, BINJAI).update(geometry=None), "has no geometry"),
    "a point": (
        lambda c: feature(c, BINJAI).update(geometry={"type": "Point", "coordinates": [98.49, 3.6]}),
        "is a 'Point', not a Polygon or MultiPolygon",
    ),
    "NaN": (lambda c: outer_ring(c, BINJAI)[0].__setitem__(0, float("nan")), "not a finite number"),
    "1e308": (lambda c: outer_ring(c, BINJAI)[0].__setitem__(1, 1e308), "outside Indonesia"),
    "text for a number": (lambda c: outer_ring(c, BINJAI)[0].__setitem__(0, "98.49"), "[longitude, latitude] numbers"),
    "a ring of two points": (lambda c: outer_ring(c, BINJAI).__delitem__(slice(2, None)), "at least 4 points"),
}


@pytest.mark.parametrize("case", BAD_FEATURES)
def test_a_bad_feature_costs_its_own_region_the_map_with_one_named_line_and_no_other(boundary_file, case):
    edit, words = BAD_FEATURES[case]
    path = boundary_file(edit)
    assert maps.locator_map(BINJAI) is None
    medan = maps.locator_map(MEDAN)  # Binjai is left out of Medan's map, which is drawn all the same
    maps.figure_to_png_uri(medan)
    [(code, line)] = checked().problems.items()
    assert code == BINJAI and line.startswith(f"{path}, feature {BINJAI} (Kota Binjai): ") and words in line, line
    assert "\n" not in line


def test_a_polygon_is_drawn_as_a_multipolygon_of_one(boundary_file):
    original = json.loads(REAL.read_text(encoding="utf-8"))
    [outline] = feature(original, BINJAI)["geometry"]["coordinates"]  # Binjai is one polygon

    def as_polygon(collection):
        feature(collection, BINJAI)["geometry"] = {"type": "Polygon", "coordinates": outline}

    boundary_file(as_polygon)
    [ring] = maps.boundaries()[BINJAI]
    assert ring.tolist() == outline[0]
    maps.figure_to_png_uri(maps.locator_map(BINJAI))
    assert checked().problems == {}


def test_a_duplicated_code_gets_no_map_rather_than_another_regions_outline(boundary_file):
    def medan_as_binjai(collection):
        collection["features"].append({**feature(collection, MEDAN), "properties": {"code": BINJAI, "name": "Binjai"}})

    boundary_file(medan_as_binjai)
    assert maps.locator_map(BINJAI) is None
    assert "2 features" in checked().problems[BINJAI] and set(checked().problems) == {BINJAI}
    maps.figure_to_png_uri(maps.locator_map(MEDAN))


def test_a_region_without_a_feature_and_a_feature_without_a_region_are_named(boundary_file):
    def binjai_renamed(collection):
        feature(collection, BINJAI)["properties"]["code"] = "12.99"

    boundary_file(binjai_renamed)
    problems = checked().problems
    assert set(problems) == {BINJAI, "12.99"}
    assert "has no feature" in problems[BINJAI]
    assert "feature '12.99': is not a province or kabupaten/kota of data/raw/regions.csv" in problems["12.99"]


DAMAGED_FILES = {
    "cut short": (REAL.read_text(encoding="utf-8")[:400_000], "is cut short"),
    "not JSON": ("<html>404 Not Found</html>", "is not JSON"),
    "not UTF-8": (REAL.read_text(encoding="utf-8").encode("utf-16"), "is not UTF-8 text"),
    "a feature alone": (
        json.dumps({"type": "Feature", "properties": {"code": BINJAI}, "geometry": None}),
        "is not a GeoJSON FeatureCollection",
    ),
    "features not a list": (
        json.dumps({"type": "FeatureCollection", "features": None}),
        "is not a GeoJSON FeatureCollection",
    ),
}


@pytest.mark.parametrize("case", DAMAGED_FILES)
def test_a_damaged_file_is_one_error_line_naming_it(boundary_file, case):
    text, words = DAMAGED_FILES[case]
    path = boundary_file(text=text)
    with pytest.raises(UCJError) as failure:
        maps.boundaries()
    message = str(failure.value)
    assert message.startswith(f"{path} ") and words in message and "\n" not in message, message


def test_a_missing_file_is_one_error_line_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "boundaries_file", lambda: tmp_path / "gone.geojson")
    with pytest.raises(UCJError, match="gone.geojson cannot be read"):
        maps.boundaries()


def test_a_region_with_a_bad_boundary_gets_its_report_without_the_map_and_says_so(boundary_file, model_of):
    from ucjlib.publish.pages import report_body

    boundary_file(BAD_FEATURES["null geometry"][0])
    page = report_body(model_of(BINJAI), "id")
    assert '<figure class="map">' not in page
    missing = page[page.index("Belum ada dalam data") :].split("</ul>")[0]
    # In the reader's words: the file's path is for the run's warning line, not for the page.
    assert "peta letak daerah: batas wilayahnya tidak ada atau tidak dapat dipakai" in missing
    assert "data/boundaries" not in missing
