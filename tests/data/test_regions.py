"""Tests for ucjlib.data.regions against the committed master list and alias table."""

from collections import Counter

import pandas as pd
import pytest

from ucjlib import paths
from ucjlib.data.regions import RegionTable
from ucjlib.errors import RegionError

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
        ("Labuhan Batu", "12.10"),  # was an alias row; now the compound-name rule
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
        "Kota Binjai",
        "city",
        "12",
        "Sumatera Utara",
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


# --- names as reporting prints them (issue 10) ----------------------------------------------

PROVINCE_SHORT_FORMS = {
    "Sumut": "12",
    "Sumbar": "13",
    "Sumsel": "16",
    "Babel": "19",
    "Kepri": "21",
    "Jabar": "32",
    "Jateng": "33",
    "Jatim": "35",
    "NTB": "52",
    "NTT": "53",
    "Kalbar": "61",
    "Kalteng": "62",
    "Kalsel": "63",
    "Kaltim": "64",
    "Kaltara": "65",
    "Sulut": "71",
    "Sulteng": "72",
    "Sulsel": "73",
    "Sultra": "74",
    "Sulbar": "76",
    "Malut": "82",
    "Pabar": "92",
    "PBD": "96",
    "NAD": "11",
    "Nanggroe Aceh Darussalam": "11",
    "Bangka Belitung": "19",
    "Sumatra Utara": "12",
    "DKI": "31",
    "DKJ": "31",
    "Jakarta": "31",
    "Daerah Khusus Jakarta": "31",
}


@pytest.mark.parametrize("name, code", PROVINCE_SHORT_FORMS.items())
def test_province_short_forms(regions, name, code):
    assert regions.resolve(name).code == code
    assert regions.resolve(f"Pemprov {name}").code == code  # with a prefix, too
    assert regions.resolve(name, level="province").code == code


def test_every_province_of_several_words_has_another_name(regions):
    aliases = pd.read_csv(paths.raw_dir() / "region_aliases.csv", dtype=str, keep_default_na=False)
    targets = {regions.resolve(name).code for name in aliases["name"]}
    provinces = {code for code, region in regions.by_code.items() if region.level == "province"}
    one_word = {code for code in provinces if " " not in regions.by_code[code].name}  # Aceh, Riau, Bali …
    assert provinces - targets - one_word == set()


@pytest.mark.parametrize(
    "name, code",
    [
        ("West Java", "32"),
        ("North Sumatra", "12"),
        ("Southeast Sulawesi", "74"),
        ("Highland Papua", "95"),
        ("Special Region of Yogyakarta", "34"),
        ("Riau Islands", "21"),
        ("Jambi Province", "15"),
    ],
)
def test_english_province_names(regions, name, code):
    assert regions.resolve(name).code == code


@pytest.mark.parametrize(
    "name, code",
    [
        ("DKI Jakarta", "31"),  # DKI = Daerah Khusus Ibukota
        ("D.K.I. Jakarta", "31"),
        ("Pemprov DKI Jakarta", "31"),
        ("Daerah Khusus Ibu Kota Jakarta", "31"),  # "Ibu Kota" in two words
        ("DIY", "34"),  # Daerah Istimewa Yogyakarta
        ("D.I. Yogyakarta", "34"),
        ("Provinsi DI Yogyakarta", "34"),
        ("Provinsi Yogyakarta", "34"),
        ("Kota Yogyakarta", "34.71"),
        ("Kota Jogja", "34.71"),
        ("Jakarta Selatan", "31.74"),  # the master list says "Kota Administrasi Jakarta Selatan"
        ("Kota Jakarta Selatan", "31.74"),
        ("Jaksel", "31.74"),
        ("Kepulauan Seribu", "31.01"),  # "Kabupaten Administrasi Kepulauan Seribu"
        ("Kab. Kep. Seribu", "31.01"),
    ],
)
def test_special_regions(regions, name, code):
    assert regions.resolve(name).code == code


@pytest.mark.parametrize(
    "name, code",
    [
        ("Labuhan Batu", "12.10"),  # no alias row: spaces are compared away
        ("Labuhan-Batu", "12.10"),
        ("Kab. Labuhan Batu", "12.10"),
        ("Tanjungjabung Timur", "15.07"),  # "Tanjung Jabung Timur"
        ("Kab. Tanjung-Jabung Timur", "15.07"),
        ("Deliserdang", "12.07"),  # "Deli Serdang"
        ("Muaraenim", "16.03"),  # "Muara Enim"
        ("Kota Baubau", "74.72"),  # "Kota Bau Bau"
        ("Bau-Bau", "74.72"),
        ("Palangka Raya", "62.71"),  # "Kota Palangkaraya"
        ("Tanjungpinang", "21.72"),  # "Kota Tanjung Pinang"
        ("Pangkalpinang", "19.71"),
        ("Tolitoli", "72.04"),  # "Kabupaten Toli-Toli"
        ("Toli Toli", "72.04"),
        ("Pare-Pare", "73.72"),  # "Kota Parepare"
        ("Kepulauan Siau Tagulandang Biaro", "71.09"),  # the master list writes "Kep."
    ],
)
def test_compound_names_with_or_without_spaces(regions, name, code):
    assert regions.resolve(name).code == code


def test_compound_rule_never_merges_two_master_names(regions):
    """Removing spaces and hyphens keeps every master name apart, so the rule adds no ambiguity today."""
    from ucjlib.data.regions import _bare, _key

    keys = {}
    for region in regions.by_code.values():
        keys.setdefault(_key(_bare(region.name)[0]), set()).add(_bare(region.name)[0])
    assert {key: names for key, names in keys.items() if len(names) > 1} == {}


def test_compound_rule_stays_loud_when_two_names_meet():
    """Were two regions named 'Tanah Datar' and 'Tanahdatar', neither spelling would pick one."""
    master = pd.DataFrame(
        [
            ("90", "Provinsi Uji", "province", "90", "Provinsi Uji"),
            ("90.01", "Kabupaten Tanah Datar", "regency", "90", "Provinsi Uji"),
            ("90.02", "Kabupaten Tanahdatar", "regency", "90", "Provinsi Uji"),
        ],
        columns=["code", "name", "level", "province_code", "province_name"],
    )
    table = RegionTable(master, pd.DataFrame(columns=["alias", "name", "note", "source"]))
    for spelling in ("Tanah Datar", "Tanahdatar", "Tanah-Datar"):
        with pytest.raises(RegionError, match="ambiguous") as err:
            table.resolve(spelling)
        assert "90.01" in str(err.value) and "90.02" in str(err.value)


@pytest.mark.parametrize(
    "name, code",
    [
        ("Kab. Kep. Meranti", "14.10"),  # Kep. = Kepulauan
        ("Kep. Riau", "21"),
        ("Prov. Kep. Riau", "21"),
        ("Kab.Labuhanbatu", "12.10"),  # no space after the dot
        ("KAB. LABUHANBATU", "12.10"),
        ("Prov Sumut", "12"),
        ("Propinsi Jawa Barat", "32"),  # older spelling
        ("Pemerintah Kota Binjai", "12.75"),
        ("Pemerintah Kabupaten Musi Banyuasin", "16.06"),
        ("Pemerintah Provinsi Lampung", "18"),
        ("(Kota Binjai)", "12.75"),
        ("Kota Binjai,", "12.75"),
        ("Kota Baru", "63.02"),  # Kabupaten Kotabaru: here "Kota" belongs to the name
        ("Kota Mobagu", "71.74"),  # Kota Kotamobagu
    ],
)
def test_prefixes_case_and_punctuation(regions, name, code):
    assert regions.resolve(name).code == code


@pytest.mark.parametrize(
    "name, listed",
    [
        ("Yogyakarta", ["Daerah Istimewa Yogyakarta (34, province)", "Kota Yogyakarta (34.71, city"]),
        ("Jogja", ["Daerah Istimewa Yogyakarta (34, province)", "Kota Yogyakarta (34.71, city"]),
        ("Tangerang", ["Kabupaten Tangerang (36.03, regency", "Kota Tangerang (36.71, city"]),
        ("Banjar", ["Kota Banjar (32.79, city, Jawa Barat)", "Kabupaten Banjar (63.03, regency, Kalimantan Selatan)"]),
        ("Kab. Jambi", None),  # no regency of that name: unknown, not ambiguous
    ],
)
def test_shared_names_stay_ambiguous(regions, name, listed):
    with pytest.raises(RegionError) as err:
        regions.resolve(name)
    message = str(err.value)
    assert ALIAS_FILE in message and repr(name) in message
    if listed is None:
        assert "unknown" in message
    else:
        assert "ambiguous" in message and all(candidate in message for candidate in listed)


@pytest.mark.parametrize(
    "name, close",
    [
        ("Labuhanbatoo", "Kabupaten Labuhanbatu (12.10"),
        ("Kab. Tanjung Jabong Timur", "Kabupaten Tanjung Jabung Timur (15.07"),
        ("Sumsell", "Sumatera Selatan (16, province)"),  # close to an alias: the alias's region is shown
    ],
)
def test_unknown_names_list_close_matches(regions, name, close):
    with pytest.raises(RegionError, match="unknown") as err:
        regions.resolve(name)
    assert close in str(err.value) and ALIAS_FILE in str(err.value)


def test_kabupaten_short_forms(regions):
    expected = {
        "Kukar": "64.02",
        "Kutim": "64.08",
        "Kotim": "62.02",
        "PPU": "64.09",
        "Tanjabtim": "15.07",
        "Bolmong": "71.01",
        "Pangkep": "73.10",
        "KBB": "32.17",
        "Tangsel": "36.74",
        "OKU Timur": "16.08",
        "Labura": "12.23",
        "Sitaro": "71.09",
        "Mansel": "92.11",
    }
    assert {name: regions.resolve(name).code for name in expected} == expected


# --- the alias table itself -----------------------------------------------------------------


def alias_rows():
    return pd.read_csv(paths.raw_dir() / "region_aliases.csv", dtype=str, keep_default_na=False)


def test_alias_table_columns_and_sources():
    aliases = alias_rows()
    assert list(aliases.columns) == ["alias", "name", "note", "source"]
    assert (aliases["note"].str.strip() != "").all()
    assert (aliases["source"].str.strip() != "").all(), aliases[aliases["source"].str.strip() == ""]
    assert not aliases.duplicated(["alias", "name"]).any()


def test_every_alias_resolves_or_is_ambiguous_on_purpose(regions):
    """An alias leads to its region, unless a region of the same name exists (listed here on purpose)."""
    on_purpose = {"Yogyakarta", "Jogja", "Yogya"}
    for row in alias_rows().itertuples(index=False):
        if row.alias in on_purpose:
            with pytest.raises(RegionError, match="ambiguous"):
                regions.resolve(row.alias)
        else:
            assert regions.resolve(row.alias) == regions.resolve(row.name), row.alias


def test_aliases_are_not_needed_for_spacing(regions):
    """No alias merely re-spaces an official name: the compound rule does that."""
    from ucjlib.data.regions import _bare, _key

    for row in alias_rows().itertuples(index=False):
        target = regions.resolve(row.name)
        assert _key(_bare(row.alias)[0]) != _key(_bare(target.name)[0]), row.alias
