"""Tests for ucjlib.regions against the committed master list and alias table."""

from collections import Counter

import pytest

from ucjlib.errors import RegionError
from ucjlib.regions import RegionTable

ALIAS_FILE = "data/raw/region_aliases.csv"


@pytest.fixture(scope="module")
def regions():
    return RegionTable.load()


@pytest.mark.parametrize(
    "name, code",
    [
        ("Labuhanbatu", "12.10"),
        ("Kabupaten Labuhanbatu", "12.10"),
        ("Kab. Labuhanbatu", "12.10"),
        ("Kab Labuhanbatu", "12.10"),
        ("Pemkab Labuhanbatu", "12.10"),
        ("Labuhan Batu", "12.10"),  # alias
        ("Kab. Labuhan Batu", "12.10"),
        ("Binjai", "12.75"),
        ("Kota Binjai", "12.75"),
        ("Pemko Binjai", "12.75"),
        ("Pemkot Binjai", "12.75"),
        ("  kota   BINJAI ", "12.75"),
        ("Musi Banyuasin", "16.06"),
        ("Muba", "16.06"),
        ("Kab. Muba", "16.06"),
        ("Lampung", "18"),
        ("Provinsi Lampung", "18"),
        ("Pemprov Lampung", "18"),
        ("Sumut", "12"),
        ("Prov. Sumut", "12"),
        ("Sumatera Utara", "12"),
        ("Sumsel", "16"),
        ("Nasional", "00"),
        ("Indonesia", "00"),
        ("12.10", "12.10"),  # a code resolves to itself
        ("18", "18"),
    ],
)
def test_resolve(regions, name, code):
    assert regions.resolve(name).code == code


def test_resolved_region_fields(regions):
    binjai = regions.resolve("Pemko Binjai")
    assert (binjai.name, binjai.level, binjai.province_code, binjai.province_name) == (
        "Kota Binjai", "city", "12", "Sumatera Utara"
    )
    muba = regions.resolve("Muba")
    assert (muba.name, muba.level, muba.province_code) == ("Kabupaten Musi Banyuasin", "regency", "16")


@pytest.mark.parametrize(
    "name, listed",
    [
        ("Jambi", ["Jambi (15, province)", "Kota Jambi (15.71, city, Jambi)"]),
        ("Bengkulu", ["Bengkulu (17, province)", "Kota Bengkulu (17.71, city, Bengkulu)"]),
        (
            "Gorontalo",
            [
                "Gorontalo (75, province)",
                "Kabupaten Gorontalo (75.01, regency, Gorontalo)",
                "Kota Gorontalo (75.71, city, Gorontalo)",
            ],
        ),
    ],
)
def test_ambiguous_name_lists_candidates_and_alias_file(regions, name, listed):
    with pytest.raises(RegionError, match="ambiguous") as err:
        regions.resolve(name)
    message = str(err.value)
    assert repr(name) in message
    assert all(candidate in message for candidate in listed)
    assert ALIAS_FILE in message


@pytest.mark.parametrize(
    "name, level, code",
    [
        ("Jambi", "province", "15"),
        ("Jambi", "city", "15.71"),
        ("Bengkulu", "province", "17"),
        ("Bengkulu", "city", "17.71"),
        ("Gorontalo", "province", "75"),
        ("Gorontalo", "city", "75.71"),
        ("Gorontalo", "regency", "75.01"),
        ("Binjai", "city", "12.75"),
        ("12.75", "city", "12.75"),
    ],
)
def test_level_resolves(regions, name, level, code):
    assert regions.resolve(name, level=level).code == code


@pytest.mark.parametrize(
    "name, code",
    [("Kota Jambi", "15.71"), ("Provinsi Jambi", "15"), ("Pemprov Bengkulu", "17"), ("Kab. Gorontalo", "75.01")],
)
def test_prefix_gives_the_level(regions, name, code):
    assert regions.resolve(name).code == code


@pytest.mark.parametrize(
    "name, province, code",
    [("Binjai", "Sumut", "12.75"), ("Labuhanbatu", "Sumatera Utara", "12.10"), ("Muba", "Sumsel", "16.06")],
)
def test_province_filter(regions, name, province, code):
    assert regions.resolve(name, province=province).code == code


def test_province_filter_excludes(regions):
    with pytest.raises(RegionError, match="unknown") as err:
        regions.resolve("Binjai", province="Lampung")
    assert "'Lampung'" in str(err.value)


def test_unknown_name_lists_close_match(regions):
    with pytest.raises(RegionError, match="unknown") as err:
        regions.resolve("Binjay")
    message = str(err.value)
    assert "'Binjay'" in message
    assert "Kota Binjai (12.75, city, Sumatera Utara)" in message
    assert ALIAS_FILE in message


def test_unknown_name_without_close_match(regions):
    with pytest.raises(RegionError, match="unknown") as err:
        regions.resolve("Atlantis")
    assert "Close matches" not in str(err.value)
    assert ALIAS_FILE in str(err.value)


@pytest.mark.parametrize(
    "name, level",
    [
        ("Binjai", "kabupaten"),  # not a level name
        ("Kota Binjai", "regency"),  # prefix and level disagree
        ("12.10", "city"),  # code of a regency
        ("Lampung", "city"),
    ],
)
def test_bad_level_raises(regions, name, level):
    with pytest.raises(RegionError):
        regions.resolve(name, level=level)


def test_master_list_counts(regions):
    levels = Counter(region.level for region in regions.by_code.values())
    assert levels == {"province": 38, "regency": 416, "city": 98, "national": 1}  # 416 + 98 = 514 kab/kota
    assert regions.by_code["00"].level == "national"


@pytest.mark.parametrize(
    "code, name",
    [
        ("12.10", "Kabupaten Labuhanbatu"),  # BPS 1210 is Dairi: never join on BPS codes
        ("12.75", "Kota Binjai"),
        ("16.06", "Kabupaten Musi Banyuasin"),
        ("18", "Lampung"),
    ],
)
def test_kemendagri_codes(regions, code, name):
    assert regions.by_code[code].name == name
