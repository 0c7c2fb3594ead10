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
    at_start_year,
    focus_target,
    highest_implied_growth,
    sensitivity,
    tornado_rows,
    worker_bases,
)
from ucjlib.model.region import Assumptions, region_model


@pytest.fixture(scope="module")
def binjai(model_of):
    return sensitivity(model_of("12.75"), 0.0).set_index(["parameter", "setting"])


def test_the_model_row_is_the_report_answer(binjai):
    row = binjai.loc[("model", "as in the report")]
    assert row["participants_per_year"] == pytest.approx(7_252.2996, abs=5e-5)
    assert row["first_year_rupiah"] == pytest.approx(1_462_063_599.36, abs=0.01)
    assert row["change"] == 0


def test_premium_rate_with_jht(model_of, binjai):
    assert binjai.loc[("premium rate", "JKK+JKM+JHT Rp36.800/month"), "change"] == pytest.approx(119.048, abs=5e-4)
    labuhanbatu = sensitivity(model_of("12.10"), 0.0).set_index(["parameter", "setting"])
    assert labuhanbatu.loc[("premium rate", "JKK+JKM+JHT Rp36.800/month"), "change"] == pytest.approx(119.048, abs=5e-4)


def test_target_year_moves_the_pace(binjai):
    assert binjai.loc[("target year", "43,92% by 2031"), "participants_per_year"] == pytest.approx(3_626.1498, abs=5e-5)
    assert ("target year", "43,92% by 2027") not in binjai.index  # before the first budget year


def test_printed_rounding_gives_a_range(binjai):
    # All inputs drawn together (ucjlib.model.uncertainty): 132.826 × (43,92% × f − c) ÷ 2 a year, with
    # c uniform on 32,5–33,5% (sd 0,29 point) and f = (1 + g)⁵ from the end of 2024 to 2029, g uniform
    # within ±1 point a year (config.GROWTH_SPREAD: Binjai's growth has no range of its own): sd of
    # 43,92 × f about 43,92 × 5 × 0,577% = 1,27 points. Together about 10,92 ± 2,1 points at the 5th and
    # 95th percentiles: 66.413 × 8,8% = 5.850 to 66.413 × 13,0% = 8.640 a year, about ±19%.
    ranges = binjai.loc[DRAWN]
    assert ranges.index.tolist() == ["5th percentile", "95th percentile"]
    low, high = ranges["participants_per_year"].tolist()
    assert 5_750 < low < 6_000 and 8_500 < high < 8_750
    assert ranges["change"].tolist() == pytest.approx([(low / 7_252.2996 - 1) * 100, (high / 7_252.2996 - 1) * 100])


def test_one_worker_base_gives_one_denominator_row(model_of, binjai):
    assert worker_bases(model_of("12.75")) == [132_826]
    assert binjai.loc["denominator"].index.tolist() == [f"132.826 workers, {ONE_BASE}"]


def test_a_later_base_is_brought_to_the_start_year():
    assert at_start_year(110_250, 2027, 2025, 0.05) == pytest.approx(100_000, abs=1e-6)
    assert at_start_year(132_826, 2024, 2024, 0.0539756) == 132_826


def test_lampungs_growth_is_not_counted_again_in_its_denominator(seed_data):
    # Lampung as its seed article prints it: two targets and the worker bases they imply.
    lampung = region_model(
        "18", seed_data.observations, seed_data.checks, seed_data.legal, Assumptions(as_of=REPORT_DATE)
    )
    assert lampung.growth.rate == pytest.approx(0.0539756, abs=5e-8)
    assert worker_bases(lampung) == pytest.approx([2_994_131.2842], abs=1e-3)
    frame = sensitivity(lampung, 0.0).set_index(["parameter", "setting"])
    denominator = frame.loc["denominator"]
    assert denominator.index.tolist() == [f"2.994.131 workers, {ONE_BASE}"]
    assert denominator["change"].tolist() == pytest.approx([0.0], abs=1e-9)


def test_highest_implied_growth_is_lampungs(model_of):
    # Lampung's targets imply 2.994.131,2842 workers (2025) and 3.155.741,2695 (2026).
    models = [model_of(code) for code in ("12.75", "18")]
    assert highest_implied_growth(models) == pytest.approx(3_155_741.2695 / 2_994_131.2842 - 1, abs=1e-8)
    assert highest_implied_growth(models[:1]) == 0


def test_tornado_orders_by_swing(model_of):
    frame = sensitivity(model_of("12.75"), highest_implied_growth([model_of("18")]))
    tornado = tornado_rows(frame)
    assert tornado["parameter"].iloc[-1] == f"denominator ({ONE_BASE})"  # an empty bar, named so
    assert tornado.loc[tornado["parameter"] == "target year", ["low", "high"]].iloc[0].tolist() == pytest.approx(
        [-50.0, 0.0], abs=5e-4
    )
    swings = (tornado["high"] - tornado["low"]).tolist()
    assert swings == sorted(swings, reverse=True)


def test_a_reached_target_is_not_the_focus(model_of):
    # Muba's 49,2% is past RPJMN 2029 (43,92%); its 2025 targets have passed: the focus is the first open one.
    muba = model_of("16.06")
    assert (focus_target(muba).name, focus_target(muba).year) == ("RPJPN 2025–2045", 2045)
