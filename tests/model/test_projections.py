"""Projections and scenarios: the fit recovers known trends with honest intervals, refuses
mixed denominators, and the seed scenarios match hand arithmetic."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ucjlib.errors import ProjectionError
from ucjlib.model.projections import (
    Growth,
    Scenario,
    fit_trend,
    pace_to_reach,
    protected_share,
    run_scenario,
    year_reached,
    yearly_budget,
)
from ucjlib.model.scenarios import region_scenarios, scenario_table, starting_point, yardstick_pace


def synthetic_series(rng, intercept=-1.0, slope=0.15, sigma=0.05, years=range(2018, 2026)):
    """SYNTHETIC coverage: logit-linear in the year (measured from 2018) plus normal noise."""
    years = np.array(list(years))
    logit = intercept + slope * (years - 2018) + rng.normal(0, sigma, len(years))
    coverage = 100 / (1 + np.exp(-logit))
    return pd.DataFrame({"as_of": [str(y) for y in years], "value": coverage, "basis": "penduduk bekerja"})


def test_fit_recovers_a_known_trend():
    rng = np.random.default_rng(20251208)
    fit = fit_trend(synthetic_series(rng, slope=0.15, sigma=0.02))
    assert fit.slope == pytest.approx(0.15, abs=0.02)
    # Noise-free truth for 2030: logit = −1 + 0,15 × 12 = 0,8 → 100 / (1 + e^−0,8) = 68,99%.
    projected = fit.predict([2030])
    assert projected["coverage"].iloc[0] == pytest.approx(68.99, abs=2.0)
    assert projected["lower"].iloc[0] < projected["coverage"].iloc[0] < projected["upper"].iloc[0]
    assert 0 < projected["lower"].iloc[0] and projected["upper"].iloc[0] < 100


def test_prediction_intervals_cover_the_truth_at_about_their_nominal_rate():
    # 400 SYNTHETIC series; the 90% interval for a new observation at 2027 should hold it ~90% of the time.
    rng = np.random.default_rng(7)
    hits = 0
    draws = 400
    for _ in range(draws):
        series = synthetic_series(rng, sigma=0.1)
        band = fit_trend(series).predict([2027], level=0.9)
        new = 100 / (1 + np.exp(-(-1.0 + 0.15 * 9 + rng.normal(0, 0.1))))  # a fresh 2027 observation
        hits += band["lower"].iloc[0] <= new <= band["upper"].iloc[0]
    # Binomial(400, 0,9): standard deviation 6; allow about three of them.
    assert 0.855 <= hits / draws <= 0.945


def test_fit_refuses_mixed_denominator_bases_and_too_few_points():
    mixed = pd.DataFrame(
        {
            "as_of": ["2022", "2023", "2024"],
            "value": [30.0, 33.0, 20.0],
            "basis": ["penduduk bekerja", "penduduk bekerja", "angkatan kerja"],
        }
    )
    with pytest.raises(ProjectionError, match="more than one denominator basis .*'angkatan kerja', 'penduduk bekerja'"):
        fit_trend(mixed)
    with pytest.raises(ProjectionError, match="2 coverage observation"):
        fit_trend(mixed.iloc[:2])
    with pytest.raises(ProjectionError, match="strictly between 0 and 100"):
        fit_trend(mixed.assign(value=[30.0, 33.0, 100.0], basis="x"))


# Labuhanbatu, April 2025: 66.234 participants of 181.567 workers.
P, W = 66_234, 181_567


def test_one_off_plan_labuhanbatu():
    # 10.000 APBD + 3.800 DBH sawit = 13.800 once: 80.034 ÷ 181.567 = 44,08% from 2026 on.
    path = run_scenario(Scenario("plan", one_off=13_800), P, W, 2025, horizon=2029)
    assert path["participants"].tolist() == [80_034.0] * 4
    assert path["coverage"].round(2).tolist() == [44.08] * 4
    assert year_reached(path, 43.92) == 2026 and year_reached(path, 52.15) is None
    # The regional budget pays the full rate every month (PP 50/2025's discount excludes APBD-paid
    # workers): 2026 and 2027 both 13.800 × 12 × 16.800 = 13.800 × 201.600.
    assert yearly_budget(path).tolist()[:2] == [2_782_080_000.0, 2_782_080_000.0]
    # With JHT (Rp36.800), also in full: 13.800 × 12 × 36.800.
    assert yearly_budget(path, premium_rate=36_800).tolist()[0] == 13_800 * 441_600


def test_enrolment_starts_in_the_first_budget_year_that_can_still_pay():
    # From the 2025 figure, with 2028 the first budget year: nobody is added in 2026 or 2027.
    path = run_scenario(Scenario("plan", one_off=13_800), P, W, 2025, horizon=2029, first_year=2028)
    assert path["added"].tolist() == [0.0, 0.0, 13_800.0, 13_800.0]
    assert yearly_budget(path).tolist() == [0.0, 0.0, 2_782_080_000.0, 2_782_080_000.0]


def test_a_pace_of_10000_people_reaches_the_rpjpn_goal_in_2037():
    # 99,5% of 181.567 = 180.659,2; needs 114.425,2 more: twelve years of 10.000 → 2025 + 12.
    path = run_scenario(Scenario("pace", people=10_000), P, W, 2025)
    assert year_reached(path, 99.5) == 2037
    assert path["coverage"].max() == 100.0  # never above the work force


def test_growing_work_force_lampung():
    # A work force of 2.994.131,2842 (Lampung's 2025 target base) growing 5,4% every year, with 287.362 joining a
    # year from 1.149.447: 2026 → 1.436.809 of 3.155.814,37 = 45,5289%; 2027 → 1.724.171 of 3.326.228,35 =
    # 51,8356%; 2028 → 2.011.533 of 3.505.844,68 = 57,3766% (each base × 1,054 again).
    growth = Growth(0.054, "official", 2023, 2024)
    path = run_scenario(Scenario("pace", people=287_362), 1_149_447, 2_994_131.2842, 2025, growth, horizon=2028)
    assert path["workers"].tolist() == pytest.approx([3_155_814.37, 3_326_228.35, 3_505_844.68], abs=0.01)
    assert path["coverage"].tolist() == pytest.approx([45.5289, 51.8356, 57.3766], abs=5e-5)


def test_a_pace_in_points_stays_that_many_points():
    # The RPJMN pace, (43,92 − 32,15) ÷ 4 = 2,9425 points a year, even with a work force growing 5%.
    path = run_scenario(Scenario("points", points=2.9425), P, W, 2025, Growth(0.05, "reader"), horizon=2028)
    start = P / W * 100
    assert path["coverage"].tolist() == pytest.approx([start + 2.9425 * k for k in (1, 2, 3)])


def test_pace_to_reach_and_protected_share():
    # (0,4392 × 181.567 − 66.234) / 4 = (79.744,2 − 66.234) / 4 = 3.377,55.
    assert pace_to_reach(P, W, 2025, 43.92, 2029) == pytest.approx(3_377.55, abs=0.01)
    # RPJMD Labuhanbatu: 10 ribu a year of 42 ribu poor; from 2026 only 40.000 by 2029.
    late = protected_share(42_000, 10_000, 2026, 2029)
    assert late["protected"].tolist() == [10_000, 20_000, 30_000, 40_000]
    assert late["share"].iloc[-1] == pytest.approx(95.238, abs=0.001)


def test_yardstick_pace_and_region_scenarios_on_seed_data(processed_seed):
    processed, checks = processed_seed
    national = processed[processed["level"] == "national"]
    assert yardstick_pace(national) == pytest.approx((43.92 - 32.15) / 4)
    labuhanbatu = processed[processed["region_code"] == "12.10"]
    start = starting_point(labuhanbatu, checks[checks["region_code"] == "12.10"], 2025, 36.48, 181_567, 66_234)
    assert (start.year, start.participants, start.hypothetical) == (2025, 66_234, False)
    scenarios = region_scenarios(
        labuhanbatu, start, ("RPJMN 2025–2029", 2029, 43.92), Growth(), yardstick_pace(national), 2026
    )
    # The poverty plan (10.000 poor residents a year) is not a pace of enrolling workers: no scenario.
    assert [s.key for s in scenarios] == ["one-off-plan", "to-target", "national-pace"]
    table = scenario_table(start, scenarios, Growth(), [("RPJMN 2029", 43.92)], 16_800, 2026).set_index("key")
    assert table.loc["one-off-plan", "first_year_added"] == 13_800
    # (79.744,2 − 66.234) ÷ 4 = 3.377,55 a year reaches 43,92% in 2029 exactly.
    assert table.loc["to-target", "first_year_added"] == pytest.approx(3_377.55, abs=0.01)
    assert table.loc["to-target", "reached:RPJMN 2029"] == 2029
    # Made in December 2026 the first budget year is 2028: two years (2028, 2029) for the same
    # 0,4392 × 181.567 − 66.234 = 13.510,2264, i.e. 6.755,1132 a year, each at 12 × Rp16.800.
    late = region_scenarios(
        labuhanbatu, start, ("RPJMN 2025–2029", 2029, 43.92), Growth(), yardstick_pace(national), 2028
    )
    table = scenario_table(start, late, Growth(), [("RPJMN 2029", 43.92)], 16_800, 2028).set_index("key")
    assert table.loc["to-target", "first_year"] == 2028
    assert table.loc["to-target", "first_year_added"] == pytest.approx(6_755.1132)
    assert table.loc["to-target", "budget_first_year"] == pytest.approx(6_755.1132 * 201_600)
    assert table.loc["to-target", "reached:RPJMN 2029"] == 2029


def test_lampung_starts_from_its_first_target(processed_seed):
    processed, checks = processed_seed
    lampung = processed[processed["region_code"] == "18"]
    lampung_checks = checks[checks["region_code"] == "18"]
    start = starting_point(lampung, lampung_checks, None, None, None, None)
    assert start.hypothetical and start.year == 2025 and start.participants == 1_149_447


def test_no_prediction_interval_beyond_four_years_past_the_data_below_three_degrees_of_freedom():
    # Issue 28 §2. Three counts 2023–2025 (the "2025" point at its period end): df = 3 − 2 = 1,
    # so intervals are given for 2019–2029 (2023 − 4 … 2025 + 4) and not for 2030 or 2045;
    # the central line is still drawn.
    three = pd.DataFrame({"as_of": ["2023", "2024", "2025"], "value": [10.0, 12.0, 15.0], "basis": "one count"})
    fit = fit_trend(three, scale="linear")
    assert fit.df == 1 and fit.span == (2023, 2025) and fit.interval_years == (2019, 2029)
    projected = fit.predict([2029, 2030, 2045]).set_index("year")
    assert projected.loc[2029, "lower"] < projected.loc[2029, "value"] < projected.loc[2029, "upper"]
    assert projected.loc[[2030, 2045], ["lower", "upper"]].isna().all().all()
    # Least squares by hand on x = 2023,9966; 2024,9993; 2025,9966 (≈ one apart): slope 2,5 a
    # year, through (2024,9975; 12,333), so 2045 ≈ 12,333 + 2,5 × 20,999 = 64,83.
    assert projected.loc[2045, "value"] == pytest.approx(64.83, abs=0.01)
    # Four points (df = 2): still limited; five (df = 3): intervals to any year.
    four = pd.DataFrame({"as_of": ["2022", "2023", "2024", "2025"], "value": [9.0, 10.0, 12.0, 15.0], "basis": "c"})
    assert fit_trend(four, scale="linear").interval_years == (2018, 2029)
    five = pd.concat([pd.DataFrame({"as_of": ["2021"], "value": [8.0], "basis": "c"}), four])
    wide = fit_trend(five, scale="linear")
    assert wide.df == 3 and wide.interval_years is None
    assert wide.predict([2045])[["lower", "upper"]].notna().all().all()


def test_a_work_force_is_carried_whole_years_either_way():
    # 100.000 workers at 5% a year: 110.250 two years on; a base of two years later, 110.250, is 100.000 at the start.
    growth = Growth(0.05, "official", 2023, 2025)
    assert growth.carry(100_000, 2) == pytest.approx(110_250)
    assert growth.carry(110_250, -2) == pytest.approx(100_000)
    assert growth.carry(132_826, 0) == 132_826
