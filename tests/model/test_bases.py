"""The official bases (:mod:`ucjlib.model.bases`) on the real data files.

Every expected value is worked out by hand from the rows of ``data/raw/labour_force.csv`` and
``data/raw/observations.csv`` named in the comment (Indonesian style: "." thousands, "," decimals).
Other helpers add kabupaten/kota bases to labour_force.csv, so the tests name the rows they use
rather than count every pair in the file.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from ucjlib.data.processed import load_all
from ucjlib.formatting import format_number
from ucjlib.model.bases import (
    named_official,
    official_base,
    official_growth,
    ratio_of,
    ratio_pairs,
    share_factor,
    share_pairs,
)
from ucjlib.model.region import ESTIMATED_BASE, NEAR_BASE, OFFICIAL_BASE, Assumptions, region_model
from ucjlib.view.region import View

REPORT_DATE = dt.date(2026, 12, 6)

# The seven pairs of potensi base and BPS employed persons (at most 12 months apart) in the data of
# December 2026, each potensi ÷ employed:
PAIRS = {
    "16.06": 213_582 / 322_580,  # Muba, potensi tenaga kerja July 2025 ÷ August 2024 = 0,66211
    "18": 3_058_943 / 4_787_590,  # Lampung, September 2024 ÷ August 2024 = 0,63893
    "52": 1_808_432 / 3_110_000,  # NTB, June 2025 ÷ August 2024 = 0,58149
    "73": 2_800_000 / 4_760_000,  # Sulawesi Selatan, June 2025 ÷ August 2025 = 0,58824
    "75": 582_000 / 633_263,  # Gorontalo, 16 December 2025 ÷ August 2025 = 0,91905
    "82": 424_131 / 673_460,  # Maluku Utara, May 2025 ÷ August 2025 (3 months, not August 2024's 9) = 0,62978
    "92": 155_222 / 304_467,  # Papua Barat, August 2023 ÷ February 2024 = 0,50982
}


@pytest.fixture(scope="module")
def data():
    return load_all()


@pytest.fixture(scope="module")
def pairs(data):
    return tuple(pair for pair in ratio_pairs(data.observations, data.labour_force) if pair.region_code in PAIRS)


def model(data, code: str):
    return region_model(
        code, data.observations, data.checks, data.legal, Assumptions(as_of=REPORT_DATE), data.labour_force
    )


def test_each_pair_is_the_printed_potensi_base_over_the_nearest_employed_figure(pairs):
    assert {pair.region_code: pair.ratio for pair in pairs} == pytest.approx(PAIRS, abs=1e-12)


def test_the_ratio_is_the_mean_with_a_90_percent_prediction_interval(pairs):
    ratio = ratio_of(pairs)
    # Sum 0,66211 + 0,63893 + 0,58149 + 0,58824 + 0,91905 + 0,62978 + 0,50982 = 4,52942; mean 0,647058.
    assert ratio.estimate == pytest.approx(0.647058, abs=5e-6)
    # Squared deviations 0,000226 + 0,000066 + 0,004299 + 0,003460 + 0,073979 + 0,000299 + 0,018835
    # = 0,101165; s = √(0,101165 ÷ 6) = 0,129849; t(0,95; 6) = 1,9432; √(1 + 1/7) = 1,069045;
    # half-width 1,9432 × 0,129849 × 1,069045 = 0,269742.
    assert ratio.low == pytest.approx(0.647058 - 0.269742, abs=5e-5)
    assert ratio.high == pytest.approx(0.647058 + 0.269742, abs=5e-5)
    assert ratio.regions == 7


def test_a_kabupaten_without_its_own_figure_has_no_official_base(data):
    # Only Sumatera Utara's own rows: its 7,98 juta is never Labuhanbatu's base.
    province = data.labour_force[data.labour_force["region_code"] == "12"]
    assert official_base("12.10", province, "2025-04-22") is None
    # The province's nearest round to April 2025 is February 2024 (14 months) or August 2025 (4): 7,98 juta.
    assert official_base("12", province, "2025-04-22").value == 7_980_000


def test_growth_comes_from_the_official_august_series(data):
    lf = data.labour_force
    # The nation: 114,8 juta (August 2015) → 146,54 juta (August 2025):
    # 1,2764808^(1/10) = exp(0,2441068 ÷ 10) = 1,0247110, so 2,4711%.
    nation = official_growth("00", "", lf)
    assert (nation.origin, nation.first_year, nation.last_year) == ("official", 2015, 2025)
    assert nation.rate == pytest.approx(0.024711, abs=5e-7)
    # Bali: 2,62 juta (August 2023) → 2,70 juta (August 2025): √(2,70 ÷ 2,62) − 1 = √1,030534 − 1 = 1,5152%.
    bali = official_growth("51", "51", lf)
    assert bali.rate == pytest.approx(0.015152, abs=5e-7)
    # A kabupaten without a series of its own takes its province's: Sumatera Utara, 7,55 juta (August 2023)
    # → 7,98 juta (August 2025): √(1,056954) − 1 = 2,8083%.
    province = official_growth("12.10", "12", lf[lf["region_code"] == "12"])
    assert (province.series, province.first_year, province.last_year) == ("Sumatera Utara", 2023, 2025)
    assert province.rate == pytest.approx(0.028083, abs=5e-7)


def test_coverage_on_the_employed_base_beside_the_printed_figure(data):
    bali = model(data, "51")
    # 935.079 participants (31 March 2025) ÷ 2,70 juta employed (August 2025, five months on; August 2024 is
    # seven months back) = 34,6326%.
    assert bali.on_employed.percent == pytest.approx(34.6326, abs=5e-5)
    assert (bali.on_employed.participants_as_of, bali.on_employed.employed.as_of) == ("2025-03-31", "2025-08")
    assert bali.coverage.as_printed == "50,88 persen"  # the printed figure stays the headline
    assert bali.overview.employed_percent == pytest.approx(34.6326, abs=5e-5)


def test_the_national_report_has_a_printed_base_and_a_costed_next_step(data):
    nation = model(data, "00")
    # 101,81 juta potensi pekerja (Bisnis.com, by 31 July 2025), 3 months before the 37,01% of October 2025.
    assert (nation.workers.origin, nation.workers.value, nation.workers.as_of) == (
        NEAR_BASE,
        101_810_000,
        "../2025-07-31",
    )
    assert nation.next_step is not None
    # 39,35 juta participants (June 2025) ÷ 146,54 juta employed (August 2025) = 26,8527%.
    assert nation.on_employed.percent == pytest.approx(26.8527, abs=5e-5)


def test_an_estimated_base_is_the_official_base_times_the_ratio_with_its_range(data):
    kalbar = model(data, "61")
    workers, ratio = kalbar.workers, kalbar.workers.ratio
    # Kalimantan Barat prints 27 persen for 2025, no base and no participant count: BPS's 2,93 juta employed
    # (August 2025, the nearest of its rounds) × the ratio.
    assert (workers.origin, workers.official.as_of, workers.official.value) == (ESTIMATED_BASE, "2025-08", 2_930_000)
    assert workers.value == pytest.approx(2_930_000 * ratio.estimate)
    assert workers.band == pytest.approx((2_930_000 * ratio.low, 2_930_000 * ratio.high))
    assert kalbar.next_step is not None
    step = View(kalbar, "id").summary()["next_step"]
    assert step["estimated"]["employed"] == "2.930.000"
    assert step["estimated"]["ratio"]["regions"] == ratio.regions


def test_a_base_of_a_later_round_is_carried_back_to_the_headlines_date(data):
    # Yogyakarta's base is shared out from DIY's August 2023 round, its headline of April 2022: the start takes
    # the base back 16 months at DIY's growth, √(2,20 ÷ 2,14) − 1 = √1,0280374 − 1 = 1,392178% a year (August
    # 2023 to August 2025): × 1,01392178^(−16/12) = exp(−0,0184344) = × 0,981734, so that the growth the model
    # adds from the start is not counted twice.
    yogyakarta = model(data, "34.71")
    assert (yogyakarta.start.year, yogyakarta.growth.rate) == (2022, pytest.approx(0.01392178, abs=5e-9))
    assert yogyakarta.start.workers == pytest.approx(yogyakarta.workers.value * 0.981734, rel=1e-6)
    assert yogyakarta.start.coverage == pytest.approx(yogyakarta.coverage.value)  # participants follow the base
    # Every Monte Carlo draw is carried back by its own drawn growth: undone, it lies within the estimate's range.
    draws = yogyakarta.recipe.draw()
    low, high = yogyakarta.workers.band
    undone = draws.workers * (1 + draws.growth.rate) ** (16 / 12)
    assert low - 1e-6 <= undone.min() and undone.max() <= high + 1e-6
    assert draws.growth.rate.min() < draws.growth.rate.max()
    sentence = View(yogyakarta, "id").carried_base()
    # The base: 2.140.000 × 375.699 ÷ 3.736.489 (= 0,1005487) × the share factor × the potensi ratio.
    shared = yogyakarta.workers.shared
    base = 2_140_000 * 375_699 / 3_736_489 * shared.factor.estimate * yogyakarta.workers.ratio.estimate
    assert yogyakarta.workers.value == pytest.approx(base)
    assert f"keadaan Agustus 2023, {format_number(base)}" in sentence and "ke April 2022" in sentence
    assert "1,39%" in sentence


def test_a_base_printed_for_a_year_after_the_headline_is_the_nearest_and_carried_back(data):
    # Mojokerto prints 38,52% for 2023 with no base; a source prints 486 ribu workers for 2024, 12 months on:
    # the source's own base comes before BPS's employed persons × the potensi ratio, carried back a year at
    # Jawa Timur's growth, 23,80 ÷ 23,36 − 1 = 1,88356%: 486.000 ÷ 1,0188356 = 477.015,1.
    mojokerto = model(data, "35.16")
    assert (mojokerto.workers.kind, mojokerto.workers.value, mojokerto.workers.as_of) == ("near", 486_000, "2024")
    assert mojokerto.start.workers == pytest.approx(477_015.1, abs=0.05)


def test_a_base_of_an_earlier_round_is_carried_forward_and_one_without_any_growth_is_said_unchanged(data):
    # Kota Pontianak's base rests on BPS's August 2023 round, its headline on 2025 (December): 28 months forward.
    pontianak = model(data, "61.71")
    assert pontianak.workers.as_of == "2023-08" and pontianak.coverage.as_of == "2025"
    assert pontianak.start.workers == pytest.approx(pontianak.workers.value * (1 + pontianak.growth.rate) ** (28 / 12))
    # Lampung Tengah's (August 2025, headline May 2025) moves 3 months back at Lampung's growth,
    # 4.853 ÷ 4.787,59 − 1 = 1,3662% a year (August 2024 to August 2025).
    lampung_tengah = model(data, "18.02")
    assert lampung_tengah.growth.series == "Lampung"
    assert lampung_tengah.growth.rate == pytest.approx(4_853_000 / 4_787_590 - 1)
    assert lampung_tengah.start.workers == pytest.approx(lampung_tengah.workers.value / (4_853_000 / 4_787_590) ** 0.25)
    # Without any second August round (Lampung's and the nation's kept to August 2024 only), the base is taken as
    # it is, and the page says so.
    lf = data.labour_force
    later = lf["region_code"].isin(["18", "00"]) & lf["as_of"].str.endswith("-08") & (lf["as_of"] != "2024-08")
    flat = region_model("18.02", data.observations, data.checks, data.legal, Assumptions(as_of=REPORT_DATE), lf[~later])
    assert flat.growth.origin == "none" and flat.start.workers == flat.workers.value
    assert "tanpa diubah sebagai jumlah pekerja Mei 2025" in View(flat, "id").carried_base()
    # DIY's base (August 2024) is a round before its headline (9 October 2024) at DIY's 1,87% a year: 2 months.
    diy = model(data, "34")
    assert diy.start.workers == pytest.approx(2_260_000 * (1 + diy.growth.rate) ** (2 / 12))
    # A base printed beside the headline is its own: no sentence.
    assert View(model(data, "12.75"), "en").carried_base() is None


def test_a_count_of_participants_near_the_headline_gives_the_base_before_any_estimate(data):
    # Sumatera Utara prints 49,35% for 2024 and no base; a source prints 1,98 juta active participants for
    # February 2025, two months from the headline's end of 2024: 1.980.000 ÷ 0,4935 = 4.012.158, its range
    # 1.975.000 ÷ 0,49355 = 4.001.621 to 1.985.000 ÷ 0,49345 = 4.022.697. BPS's employed persons × the
    # potensi ratio (4,8 juta) is not needed.
    sumut = model(data, "12")
    workers = sumut.workers
    assert (workers.kind, workers.as_of, workers.inputs) == (
        "participants",
        "2025-02",
        "1,98 juta ÷ 49,35 persen × 100",
    )
    assert workers.value == pytest.approx(4_012_158, abs=0.5)
    assert workers.band == pytest.approx((4_001_621, 4_022_697), abs=0.5)
    assert sumut.start.workers == workers.value and sumut.start.participants == pytest.approx(1_980_000)
    words = View(sumut, "id").participants_base()
    assert (words["participants"], words["date"]) == ("1.980.000", "Februari 2025")
    assert View(sumut, "id").carried_base() is None  # the base is the headline's: nothing is carried


def test_a_coverage_on_the_labour_force_is_put_on_bpss_labour_force_itself(data):
    # DIY prints 34% (9 October 2024) of its labour force (angkatan kerja) and no count: the base is
    # BPS's labour force of the nearest round, 2,26 juta (August 2024), as printed, with no ratio.
    diy = model(data, "34")
    workers = diy.workers
    assert (workers.origin, workers.official.as_of, workers.value, workers.ratio) == (
        OFFICIAL_BASE,
        "2024-08",
        2_260_000,
        None,
    )
    assert workers.band is None and diy.next_step is not None
    step = View(diy, "id").summary()["next_step"]
    assert step["estimated"] is None
    assert step["official"]["base"] == "angkatan kerja" and step["official"]["workers"] == "2.260.000"
    assert View(diy, "en").summary()["next_step"]["official"]["base"] == "labour force"


def test_only_a_basis_naming_bps_base_is_read_as_one():
    assert named_official("angkatan kerja") == "labour_force"
    assert named_official("penduduk bekerja") == named_official("employed persons") == "employed_persons"
    assert named_official("potensi pekerja") is None and named_official("") is None


# -- a kabupaten/kota's base shared out from its province's (issue 27 §2) ---------------------


def test_a_share_pair_compares_employed_persons_per_inhabitant_with_the_province(data):
    pairs = {pair.region_code: pair for pair in share_pairs(data.labour_force)}
    # Kota Metro: 90.116 employed (2024, BPS Kota Metro) of 182.293 inhabitants (mid-2024) = 0,494347;
    # Lampung: 4.787,59 ribu employed (August 2024) of 9.419.580 (mid-2024) = 0,508259; 0,494347 ÷ 0,508259 = 0,972627.
    metro = pairs["18.72"]
    assert (metro.employed.as_of, metro.population.as_of, metro.parent_population.as_of) == (
        "2024-08",
        "2024-06",
        "2024-06",
    )
    assert metro.ratio == pytest.approx(0.972627, abs=5e-6)
    # A kabupaten/kota whose province has no employed figure of the same round does not pair (Mimika:
    # Papua Tengah has none), nor one without populations (Kabupaten Tanjung Jabung Timur's rounds are 2019–2021).
    assert "94.04" not in pairs and "15.07" not in pairs
    factor = share_factor(data.labour_force)
    ratios = [pair.ratio for pair in pairs.values()]
    assert factor.regions == len(ratios) >= 10
    assert factor.estimate == pytest.approx(sum(ratios) / len(ratios))
    assert factor.low < 1 < factor.high  # a kabupaten/kota is not known to differ from its province either way


def test_a_kabupaten_without_any_base_is_estimated_from_its_provinces_share(data):
    # Lampung Tengah prints 26% (May 2025) with no base, and BPS has no figure of its own in our data:
    # Lampung's 4.853 ribu employed (August 2025, 3 months from the headline; August 2024 is 9) × its share of
    # Lampung's people in 2022 (BPS via Radar Lampung, one page): 1.500.022 ÷ 9.176.546 = 0,1634626;
    # 4.853.000 × 0,1634626 = 793.284,0; × the share factor × the potensi ratio (the basis is not stated).
    lampung_tengah = model(data, "18.02")
    workers, shared, ratio = lampung_tengah.workers, lampung_tengah.workers.shared, lampung_tengah.workers.ratio
    assert (workers.origin, shared.parent.value, shared.population.as_of) == (ESTIMATED_BASE, 4_853_000, "2022-06")
    assert shared.share == pytest.approx(0.1634626, abs=5e-8)
    assert workers.value == pytest.approx(793_284.0 * shared.factor.estimate * ratio.estimate, rel=1e-7)
    # The range: the two relative half-widths in quadrature.
    half = math.hypot(shared.factor.relative_half, ratio.relative_half)
    assert workers.band == pytest.approx((workers.value * (1 - half), workers.value * (1 + half)))
    assert lampung_tengah.next_step is not None
    words = View(lampung_tengah, "id").summary()["next_step"]["estimated"]["shared"]
    assert (words["share"], words["population"], words["parent_population"], words["base"]) == (
        "16,35%",
        "1.500.022",
        "9.176.546",
        "penduduk bekerja",
    )


def test_the_step_says_the_work_force_it_counts_in_its_target_year(data):
    # Binjai: 132.826 workers printed beside its October 2024 figure, grown at Sumatera Utara's 2,80825% a year
    # (√(7,98 ÷ 7,55) − 1) for 2024 to 2029: 132.826 × 1,0280825^5 = 132.826 × 1,1485234 = 152.553,8.
    binjai = model(data, "12.75")
    assert binjai.next_step.target.year == 2029
    assert binjai.workers_in(2029) == pytest.approx(152_553.8, abs=0.05)
    assert not binjai.outgrows_population
    sentence = View(binjai, "id").step_growth()
    assert "menjadi 152.554 pekerja pada 2029" in sentence and View(binjai, "id").outgrown() is None


def test_a_step_whose_work_force_outgrows_the_population_says_so(data):
    # Balikpapan grows at Kalimantan Timur's 1.847.295 (August 2023) → 1.969.739 (August 2025):
    # √1,066283 − 1 = 3,2610% a year, and its 2045 work force stays below the city's 725.440 inhabitants
    # (mid-2025). At a reader's 7% a year it does not (more than 725.440 by 2045): the page says so, with the
    # population row it compares with.
    balikpapan = model(data, "64.71")
    assert balikpapan.growth.rate == pytest.approx(0.032610, abs=5e-7)
    assert balikpapan.workers_in(2045) < 725_440 and not balikpapan.outgrows_population
    assumed = region_model(
        "64.71",
        data.observations,
        data.checks,
        data.legal,
        Assumptions(as_of=REPORT_DATE, workforce_growth=0.07),
        data.labour_force,
    )
    assert assumed.workers_in(2045) > 725_440 == assumed.population.value
    assert assumed.outgrows_population and assumed.population in assumed.labour_force_rows
    caution = View(assumed, "en").outgrown()
    assert "is more than the region's whole population (725,440, June 2025)" in caution
    assert "the assumed growth of 7.00% a year" in caution and "None" not in caution
    assert "pertumbuhan yang diasumsikan, 7,00% per tahun" in View(assumed, "id").outgrown()


def test_the_labour_force_rows_behind_a_page_are_listed_with_their_pages(data):
    # Lampung Tengah's base: Lampung's 4.853 ribu employed (August 2025, Suara Lampung) and the two populations
    # of 2022 (Radar Lampung's one page); its growth, Lampung's, adds the August 2024 round (IDN News Publish).
    lampung_tengah = model(data, "18.02")
    rows = View(lampung_tengah, "id").labour_force_rows()
    assert [(row["region"], row["what"], row["date"], row["value"], row["outlet"]) for row in rows] == [
        ("Lampung", "penduduk bekerja", "Agustus 2025", "4.853.000", "Suara Lampung"),
        ("Kabupaten Lampung Tengah", "jumlah penduduk", "Juni 2022", "1.500.022", "Radar Lampung"),
        ("Lampung", "jumlah penduduk", "Juni 2022", "9.176.546", "Radar Lampung"),
        ("Lampung", "penduduk bekerja", "Agustus 2024", "4.787.590", "IDN News Publish"),
    ]
    assert all(row["url"].startswith("https://") for row in rows)
    # Sumatera Utara's: the two rounds of its growth series; the later is also the round its coverage on one
    # base divides by, listed once.
    sumut = model(data, "12")
    assert [(row.indicator, row.as_of) for row in sumut.labour_force_rows] == [
        ("employed_persons", "2023-08"),
        ("employed_persons", "2025-08"),
    ]


def test_a_labour_force_basis_is_shared_out_from_the_provinces_labour_force_without_the_ratio(data):
    # Bone Bolango prints ≈61% (2019) of its labour force: Gorontalo's labour force of the nearest round,
    # 651.425 (August 2023), × 174.788 ÷ 1.250.960 (civil registry, second half of 2024, one page)
    # = 0,1397231; 651.425 × 0,1397231 = 91.019,12; × the share factor, and no potensi ratio.
    bone_bolango = model(data, "75.03")
    workers, shared = bone_bolango.workers, bone_bolango.workers.shared
    assert (workers.ratio, shared.indicator, shared.parent.as_of) == (None, "labour_force", "2023-08")
    assert workers.value == pytest.approx(91_019.12 * shared.factor.estimate, rel=1e-7)
    assert workers.band == pytest.approx(
        (workers.value * (1 - shared.factor.relative_half), workers.value * (1 + shared.factor.relative_half))
    )
    assert View(bone_bolango, "en").summary()["next_step"]["estimated"]["shared"]["base"] == "labour force"


def test_a_province_without_a_bps_figure_is_shared_out_from_the_nation(data):
    # Papua Selatan prints 24,24% (November 2025) and no base, and has no BPS figure of its own: the
    # nation's 146,54 juta employed (August 2025, the nearest round) × 545.861 ÷ 282.477.584 (civil
    # registry, 30 June 2024, one page) = 0,00193240; 146.540.000 × 0,00193240 = 283.174,58; × the factor
    # of the provinces (not the kabupaten/kota's) × the potensi ratio.
    papua_selatan = model(data, "93")
    workers, shared = papua_selatan.workers, papua_selatan.workers.shared
    assert (shared.parent.region_code, shared.parent.as_of, shared.population.value) == ("00", "2025-08", 545_861)
    assert shared.share == pytest.approx(545_861 / 282_477_584)
    assert shared.factor == share_factor(data.labour_force, provinces=True) != share_factor(data.labour_force)
    assert shared.factor.regions >= 30  # every province with its own employed persons and population
    assert workers.value == pytest.approx(283_174.58 * shared.factor.estimate * workers.ratio.estimate, rel=1e-7)
    words = View(papua_selatan, "id").summary()["next_step"]["estimated"]["shared"]
    assert (words["parent"], words["of_provinces"]) == ("Indonesia", True)


def test_mesujis_base_is_shared_out_on_a_civil_registry_count_paired_with_lampungs_bps_population(data):
    # Mesuji prints 23,3% (24 September 2024) and no base. Its population: 231.656, the civil registry's
    # count for the second half of 2021 (Gentamerah.com), paired with Lampung's BPS figure for mid-2022,
    # 9.176.546 (Radar Lampung), six months later; Lampung's 4.787,59 ribu employed (August 2024).
    # 231.656 ÷ 9.176.546 = 0,0252444; 4.787.590 × 0,0252444 = 120.859,6; × the factor × the potensi ratio.
    mesuji = model(data, "18.11")
    workers, shared = mesuji.workers, mesuji.workers.shared
    assert (shared.population.as_of, shared.parent_population.as_of, shared.parent.as_of) == (
        "2021-12",
        "2022-06",
        "2024-08",
    )
    assert shared.share == pytest.approx(231_656 / 9_176_546)
    assert workers.value == pytest.approx(120_859.6 * shared.factor.estimate * workers.ratio.estimate, rel=1e-6)
    assert mesuji.next_step is not None


def test_every_region_with_a_coverage_figure_and_an_open_target_has_a_costed_next_step(data):
    # Issue 27 §2: the nation's report and every region's, Mesuji's last (above).
    codes = sorted(set(data.observations["region_code"]))
    models = [model(data, code) for code in codes]
    uncosted = {m.name for m in models if m.coverage is not None and m.first_open is not None and m.next_step is None}
    assert uncosted == set()
    assert sum(m.next_step is not None for m in models) >= 120
