"""Regions on one base (:mod:`ucjlib.analysis.one_base`), on the project's data, worked out by hand
from the rows of ``data/processed/observations.csv`` and ``labour_force.csv`` named in each comment."""

from __future__ import annotations

import math

import pytest

from ucjlib.analysis.one_base import (
    NO_PRINTED,
    NOT_STATED,
    base_kinds,
    carried_bases,
    coverage_on_one_base,
    one_base_findings,
    share_pair_table,
)


@pytest.fixture(scope="module")
def table(model_of):
    # Labuhanbatu (12.10) has no BPS employed figure of its own: it has no row.
    return coverage_on_one_base([model_of(code) for code in ("00", "12.10", "16.06", "76")])


def test_the_nation_and_musi_banyuasin_on_the_employed_base(table):
    rows = table.set_index("region_code")
    nation, muba = rows.loc["00"], rows.loc["16.06"]
    # The nation: 39,35 juta active participants (June 2025, Bisnis.com) ÷ 146,54 juta employed (August 2025,
    # the nearest round) = 26,8527%; the printed headline is 37,01% (October 2025, JPNN, no denominator named):
    # 37,01 − 26,8527 = 10,1573 points above; June to August is 2 months.
    assert nation["on_employed"] == pytest.approx(26.8527, abs=5e-5)
    employed = (nation["participants"], nation["employed"], nation["employed_as_of"])
    assert employed == (39_350_000, 146_540_000, "2025-08")
    assert (nation["printed"], nation["printed_basis"], nation["printed_as_of"]) == (37.01, NOT_STATED, "2025-10")
    assert nation["difference"] == pytest.approx(10.1573, abs=5e-5)
    assert (nation["months_apart"], nation["same_date"]) == (2, False)
    # Musi Banyuasin: 103.079 (July 2025, JPNN) ÷ 322.580 (August 2024) = 31,9546%; printed 49,2% (Disway,
    # 25 September 2025, no denominator named): 49,2 − 31,9546 = 17,2454 points; July 2025 − August 2024 = 11 months.
    assert muba["on_employed"] == pytest.approx(31.9546, abs=5e-5)
    assert (muba["participants"], muba["employed"], muba["employed_as_of"]) == (103_079, 322_580, "2024-08")
    assert (muba["printed"], muba["printed_basis"], muba["printed_as_of"]) == (49.2, NOT_STATED, "2025-09-25")
    assert muba["difference"] == pytest.approx(17.2454, abs=5e-5)
    assert (muba["months_apart"], muba["same_date"]) == (11, False)


def test_a_region_without_a_printed_figure_keeps_its_row_and_rows_run_highest_first(table):
    # Sulawesi Barat prints no coverage: 65.330 participants (February 2025) ÷ 800.430 employed (August 2025;
    # August 2024 is as far, six months, and the later round is taken) = 8,1619%, with no printed figure to compare.
    assert table["region_code"].tolist() == ["16.06", "00", "76"]  # 31,95% > 26,85% > 8,16%
    sulbar = table.iloc[2]
    assert sulbar["on_employed"] == pytest.approx(8.1619, abs=5e-5)
    assert sulbar["printed_basis"] == NO_PRINTED and math.isnan(sulbar["printed"]) and math.isnan(sulbar["difference"])


def test_findings_count_the_regions_and_the_distance_of_the_printed_figures(table):
    found = one_base_findings(table)
    # Three on one base, two with a printed figure, both above it: median (10,1573 + 17,2454) ÷ 2 = 13,7014.
    assert (found["regions"], found["printed"], found["above"]) == (3, 2, 2)
    assert found["levels"] == {"regency": 1, "national": 1, "province": 1}
    assert found["median_difference"] == pytest.approx(13.7014, abs=5e-4)
    assert found["widest"][0] == "Kabupaten Musi Banyuasin" and found["lowest"][0] == "Indonesia"
    # Neither count is of its printed figure's date; both orders put Muba first: correlation 1.
    assert found["same_date"] == 0 and math.isnan(found["median_same_date"])
    assert found["rank_correlation"] == pytest.approx(1.0)


def test_the_share_pairs_name_each_region_its_parent_and_its_ratio(data):
    table = share_pair_table(data.labour_force).set_index(["level", "region_code"])
    # Kota Metro: 90.116 employed (2024) of 182.293 inhabitants (mid-2024) beside Lampung's 4.787.590 of
    # 9.419.580: (90.116 ÷ 182.293) ÷ (4.787.590 ÷ 9.419.580) = 0,494347 ÷ 0,508259 = 0,972627.
    metro = table.loc[("kabupaten/kota", "18.72")]
    assert (metro["parent"], metro["employed"], metro["population"]) == ("Lampung", 90_116, 182_293)
    assert metro["ratio"] == pytest.approx(0.972627, abs=5e-6)
    # A province's parent is the nation: Bengkulu, 1.115.334 employed (August 2025, its latest round) of
    # 2.112,2 ribu (mid-2024) beside 146,54 juta of 282.477.584: 0,528044 ÷ 0,518767 = 1,017883.
    bengkulu = table.loc[("province", "17")]
    assert (bengkulu["parent"], bengkulu["parent_employed"]) == ("Indonesia", 146_540_000)
    assert bengkulu["ratio"] == pytest.approx(1.017883, abs=5e-6)
    assert set(table.index.get_level_values("level")) == {"kabupaten/kota", "province"}


def test_base_kinds_count_the_costed_steps_by_their_base(model_of):
    # Binjai's base is printed beside its coverage; Lampung Tengah's is shared out from Lampung's; Musi
    # Banyuasin's is derived from participants ÷ coverage.
    kinds = base_kinds([model_of(code) for code in ("12.75", "18.02", "16.06")])
    assert kinds.to_dict() == {"printed": 1, "shared": 1, "derived": 1}


def test_carried_bases_list_the_bases_of_another_date_that_growth_moves(model_of):
    # Sarolangun's 110 ribu (15 October 2024) is carried 5 months to its headline (16 March 2025) at Jambi's
    # √(1,85 ÷ 1,80) − 1 = 1,3794% a year: 110.000 × 1,013794^(5/12) = 110.629,7. Lampung Tengah's base (Lampung's
    # August 2025 round, shared out) goes 3 months back to its May 2025 headline. Binjai's base is printed beside
    # its figure: not listed.
    table = carried_bases([model_of(code) for code in ("15.03", "12.75", "18.02")]).set_index("region_code")
    assert table.index.tolist() == ["15.03", "18.02"]
    sarolangun = table.loc["15.03"]
    assert (sarolangun["kind"], sarolangun["base"], sarolangun["base_as_of"], sarolangun["start_year"]) == (
        "derived",
        110_000,
        "2024-10-15",
        2025,
    )
    assert sarolangun["growth"] == pytest.approx(1.3794, abs=5e-5)
    assert sarolangun["carried"] == pytest.approx(110_629.7, abs=0.05)
    lampung_tengah = table.loc["18.02"]
    assert (lampung_tengah["kind"], lampung_tengah["base_as_of"]) == ("shared", "2025-08")
    assert lampung_tengah["carried"] < lampung_tengah["base"]
