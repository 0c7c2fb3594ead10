"""Who is uncovered (:mod:`ucjlib.analysis.segments`): segment shares and the gap by sector.

Expected values worked out by hand from the raw figures. Papua Barat (Merdeka): formal
104.508 workers at 70,45% → 104.508 × 0,2955 = 30.882,1 uncovered; informal 170.616 at
45,57% → 170.616 × 0,5443 = 92.866,3; enforcement share 30.882,1 ÷ 123.748,4 = 24,96%.
Sumatera Barat (Minangkabaunews): total 24,62% of 2.844.925, formal 48,18%, informal 11,48%;
formal share of workers (24,62 − 11,48) ÷ (48,18 − 11,48) = 13,14 ÷ 36,70 = 0,358038.
"""

from __future__ import annotations

import pandas as pd
import pytest

from ucjlib import config
from ucjlib.analysis.segments import membership_segments, sector_gaps, sector_split, segment_shares, with_budgets


@pytest.fixture(scope="module")
def observations(data):
    return data.observations


def test_kepri_segments_add_up_and_papua_barat_counts_its_informal_sector_as_bpu(observations):
    shares = segment_shares(observations).set_index(["region_code", "group"])
    # Kepri: 419.834 + 109.657 + 51.873 + 1.730 = 583.094; PU 419.834 ÷ 583.094 = 72,00%.
    assert shares.loc[("21", "penerima upah (PU)"), "share"] == pytest.approx(72.001, abs=5e-4)
    assert shares.loc["21", "participants"].sum() == 583_094
    # Papua Barat: 55.974 PU + 17.647 Jakon + 77.750 informal = 151.371; informal 51,36%.
    assert shares.loc[("92", config.INFORMAL_SECTOR), "share"] == pytest.approx(51.364, abs=5e-4)


def test_membership_segments_keep_bpu_when_printed():
    figures = pd.DataFrame(
        {
            "indicator": ["participants_by_group"] * 3,
            "group": [config.SEGMENT_GROUPS[0], config.NON_WAGE_SEGMENT, config.INFORMAL_SECTOR],
            "value": [10.0, 5.0, 5.0],
        }
    )
    assert membership_segments(figures)["group"].tolist() == [config.SEGMENT_GROUPS[0], config.NON_WAGE_SEGMENT]


def test_papua_barat_gap_split_from_its_sector_bases(observations):
    gaps = sector_gaps(observations).set_index("region_code")
    papua_barat = gaps.loc["92"]
    assert papua_barat["method"] == "sector bases"
    assert papua_barat["formal_uncovered"] == pytest.approx(30_882.1, abs=0.05)
    assert papua_barat["informal_uncovered"] == pytest.approx(92_866.3, abs=0.05)
    assert papua_barat["enforcement_share"] == pytest.approx(24.96, abs=0.005)


def test_sumatera_barat_gap_split_from_its_sector_rates(observations):
    sumbar = sector_gaps(observations).set_index("region_code").loc["13"]
    assert sumbar["method"] == "sector rates"
    assert sumbar["formal_workers"] == pytest.approx(2_844_925 * 0.358038, rel=1e-6)
    # 1.018.592 × 0,5182 = 527.834 ; 1.826.333 × 0,8852 = 1.616.670 ; 527.834 ÷ 2.144.504 = 24,61%
    assert sumbar["enforcement_share"] == pytest.approx(24.61, abs=0.005)


def test_no_split_without_both_sectors_or_a_consistent_total():
    def figures(*rows):
        frame = pd.DataFrame(rows, columns=["indicator", "group", "value"])
        return frame.assign(programme="", funding="")

    only_formal = figures(("ucj_coverage", config.FORMAL_SECTOR, 50.0), ("workers", config.FORMAL_SECTOR, 100.0))
    assert sector_split(only_formal) is None
    # A total outside the two sectors' rates cannot be a mix of them.
    outside = figures(
        ("ucj_coverage", config.FORMAL_SECTOR, 50.0),
        ("ucj_coverage", config.INFORMAL_SECTOR, 10.0),
        ("ucj_coverage", "", 60.0),
        ("workers", "", 1000.0),
    )
    assert sector_split(outside) is None
    mixed = figures(
        ("ucj_coverage", config.FORMAL_SECTOR, 50.0),
        ("ucj_coverage", config.INFORMAL_SECTOR, 10.0),
        ("ucj_coverage", "", 20.0),
        ("workers", "", 1000.0),
    )
    # formal share (20 − 10) ÷ (50 − 10) = 0,25: 250 formal (125 uncovered), 750 informal (675 uncovered)
    assert sector_split(mixed)["enforcement_share"] == pytest.approx(125 / 800 * 100)


def test_budgets_of_the_whole_gap_and_of_the_subsidy_alone(observations):
    papua_barat = with_budgets(sector_gaps(observations)).set_index("region_code").loc["92"]
    # 123.748,4 uncovered × Rp201.600 = Rp24,95 miliar; the informal 92.866,3 alone Rp18,72 miliar.
    assert papua_barat["whole_gap_rupiah"] == pytest.approx(123_748.4 * 201_600, rel=1e-6)
    assert papua_barat["subsidy_rupiah"] == pytest.approx(92_866.3 * 201_600, rel=1e-6)
