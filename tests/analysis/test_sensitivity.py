"""How the answer moves with its assumptions (:mod:`ucjlib.analysis.sensitivity`), on Binjai and
Labuhanbatu, worked out by hand, as of 6 December 2026 (first budget year 2028).

Binjai: 33% of 132.826 (angkatan kerja, October 2024); RPJMN 2029 43,92%: missing
(0,4392 − 0,33) × 132.826 = 14.504,5992 over 2028–2029, 7.252,2996 a year; the APBD pays
12 × Rp16.800 = Rp201.600 a person: Rp1.462.063.599,36. With JHT (Rp36.800) the budget is
36.800 ÷ 16.800 − 1 = +119,05%, in Labuhanbatu too (no discount month for an APBD). Reaching
43,92% by 2031: 14.504,5992 ÷ 4 = 3.626,1498 (−50%); by 2027 is before the first budget year:
no row.

Lampung's targets imply 2.994.131,2842 workers for 2025 (1.149.447 ÷ 38,39%) and
3.155.741,2695 for 2026 (1.436.809 ÷ 45,53%); their ratio is the model's growth,
1 + g = 3.155.741,2695 ÷ 2.994.131,2842 = 1,0539756. Brought back to the 2025 start,
the 2026 base is 3.155.741,2695 ÷ 1,0539756 = 2.994.131,2842: the same base, so Lampung
has one worker base and no denominator range (before, the 2026 base gave +31,6%, the
growth counted a second time). A base of 110.250 dated 2027 at 5% growth is
110.250 ÷ 1,05² = 100.000 at a 2025 start.
"""

from __future__ import annotations

import pytest
from conftest import REPORT_DATE

from ucjlib.analysis.sensitivity import (
    DRAWN,
    ONE_BASE,
    focus_target,
    highest_official_growth,
    sensitivity,
    tornado_rows,
    worker_bases,
)
from ucjlib.model.region import Assumptions, region_model


@pytest.fixture(scope="module")
def binjai(model_of):
    return sensitivity(model_of("12.75"), 0.0).set_index(["parameter", "setting"])


# Binjai's work force grows as Sumatera Utara's BPS employed persons do (the city has no series of
# its own): 7,55 juta (August 2023) → 7,98 juta (August 2025), g = (7,98 ÷ 7,55)^(1/2) − 1 = 2,80825%
# a year. From 33% of 132.826 = 43.832,58 participants at the end of 2024, RPJMN's 43,92% of 2029 needs
# 0,4392 × 132.826 × (1 + g)^5 = 58.337,18 × 1,148523 = 67.001,62 participants: 23.169,04 more,
# 11.584,5178 a year over the two budget years 2028 and 2029 (the first budget year is 2028).
G = (7.98 / 7.55) ** 0.5 - 1


def test_the_model_row_is_the_report_answer(binjai):
    row = binjai.loc[("model", "as in the report")]
    assert row["participants_per_year"] == pytest.approx(11_584.5178, abs=5e-5)
    assert row["participants_per_year"] == pytest.approx((0.4392 * 132_826 * (1 + G) ** 5 - 43_832.58) / 2)
    assert row["first_year_rupiah"] == pytest.approx(11_584.517806 * 12 * 16_800, abs=1)
    assert row["change"] == 0


def test_premium_rate_with_jht(model_of, binjai):
    assert binjai.loc[("premium rate", "JKK+JKM+JHT Rp36.800/month"), "change"] == pytest.approx(119.048, abs=5e-4)
    labuhanbatu = sensitivity(model_of("12.10"), 0.0).set_index(["parameter", "setting"])
    assert labuhanbatu.loc[("premium rate", "JKK+JKM+JHT Rp36.800/month"), "change"] == pytest.approx(119.048, abs=5e-4)


def test_target_year_moves_the_pace(binjai):
    # (0,4392 × 132.826 × (1 + g)^7 − 43.832,58) ÷ 4 budget years (2028–2031) = 6.746,2554.
    by_2031 = binjai.loc[("target year", "43,92% by 2031"), "participants_per_year"]
    assert by_2031 == pytest.approx(6_746.2554, abs=5e-5)
    assert by_2031 == pytest.approx((0.4392 * 132_826 * (1 + G) ** 7 - 43_832.58) / 4)
    assert ("target year", "43,92% by 2027") not in binjai.index  # before the first budget year


def test_printed_rounding_gives_a_range(binjai):
    # All inputs drawn together (ucjlib.model.uncertainty): (58.337,18 × f − 132.826 × c) ÷ 2 a year,
    # c uniform on 32,5–33,5% (the printed 33%) and f = (1 + g)⁵, g uniform within ±1 point of 2,808%
    # (config.GROWTH_SPREAD: a series of two August rounds has no spread of its own). Growth dominates:
    # at its 5th and 95th percentiles, g = 1,908% and 3,708%, f = 1,0993 and 1,1997, the pace is
    # (64.131 − 43.833) ÷ 2 = 10.149 and (69.986 − 43.833) ÷ 2 = 13.077; the coverage's ±0,5 point
    # (±332 a year) widens that a little: about 10.090 to 13.100.
    ranges = binjai.loc[DRAWN]
    assert ranges.index.tolist() == ["5th percentile", "95th percentile"]
    low, high = ranges["participants_per_year"].tolist()
    assert 9_950 < low < 10_250 and 12_950 < high < 13_250
    middle = 11_584.517806
    assert ranges["change"].tolist() == pytest.approx([(low / middle - 1) * 100, (high / middle - 1) * 100])


def test_one_worker_base_gives_one_denominator_row(model_of, binjai):
    assert worker_bases(model_of("12.75")) == [132_826]
    assert binjai.loc["denominator"].index.tolist() == [f"132.826 workers, {ONE_BASE}"]


def test_lampungs_target_bases_are_not_moved_without_a_growth_series(seed_data):
    # Lampung as its seed article prints it: two targets, 1.149.447 participants for 38,39% (2025)
    # and 1.436.862 for 45,53% (2026), implying 2.994.131,2842 and 3.155.741,2695 workers. The province
    # has one August round of BPS employed persons, so the model assumes no growth, and the 2026 base
    # is not brought back to the start year: two bases, a range.
    lampung = region_model(
        "18", seed_data.observations, seed_data.checks, seed_data.legal, Assumptions(as_of=REPORT_DATE)
    )
    assert (lampung.growth.rate, lampung.growth.origin) == (0.0, "none")
    assert worker_bases(lampung) == pytest.approx([2_994_131.2842, 3_155_741.2695], abs=1e-3)


def test_highest_official_growth_is_sumatera_utaras(model_of, seed_data):
    # Binjai grows with Sumatera Utara (2,808% a year), Musi Banyuasin with its own series:
    # (322.580 ÷ 318.100)^(1/3) − 1 = 0,467% a year (August 2021 → August 2024).
    models = [model_of(code) for code in ("12.75", "16.06")]
    assert models[1].growth.rate == pytest.approx((322_580 / 318_100) ** (1 / 3) - 1)
    fastest = highest_official_growth(models)
    assert (fastest.rate, fastest.series, fastest.first_year, fastest.last_year) == (
        pytest.approx(G),
        "Sumatera Utara",
        2023,
        2025,
    )
    lampung = region_model(
        "18", seed_data.observations, seed_data.checks, seed_data.legal, Assumptions(as_of=REPORT_DATE)
    )
    assert highest_official_growth([lampung]).rate == 0


def test_tornado_orders_by_swing(model_of):
    frame = sensitivity(model_of("12.75"), highest_official_growth([model_of("12.75")]).rate)
    tornado = tornado_rows(frame)
    assert tornado["parameter"].iloc[-1] == f"denominator ({ONE_BASE})"  # an empty bar, named so
    assert tornado.loc[tornado["parameter"] == "target year", ["low", "high"]].iloc[0].tolist() == pytest.approx(
        [6_746.2554 / 11_584.5178 * 100 - 100, 0.0], abs=5e-4
    )
    swings = (tornado["high"] - tornado["low"]).tolist()
    assert swings == sorted(swings, reverse=True)


def test_a_reached_target_is_not_the_focus(model_of):
    # Muba's 49,2% is past RPJMN 2029 (43,92%); its 2025 targets have passed: the focus is the first open one.
    muba = model_of("16.06")
    assert (focus_target(muba).name, focus_target(muba).year) == ("RPJPN 2025–2045", 2045)
