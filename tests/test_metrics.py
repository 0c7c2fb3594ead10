"""Tests for ucjlib.metrics: every expected value is worked out by hand."""

import datetime as dt

import pytest

from ucjlib.metrics import (
    attainment,
    coverage_rate,
    gap_persons,
    gap_points,
    implied_months,
    implied_workers,
    is_close,
    participants_needed_per_year,
    printed_rounding,
    rule_target,
    uncovered_workers,
    years_to_target,
)

D = dt.date


# --- coverage and gaps ------------------------------------------------------------------


@pytest.mark.parametrize(
    "participants, workers, expected",
    [
        (66_234, 181_567, 36.48),  # Labuhanbatu Apr 2025: 181.567 × 0,3648 = 66.235,6 ≈ 66.234
        (7_500, 30_000, 25.0),  # 75 villages × 100 workers of 30.000
        (0, 1_000, 0.0),
        (1_200, 1_000, 120.0),  # above 100% is possible (outdated denominator), not clipped
    ],
)
def test_coverage_rate(participants, workers, expected):
    assert coverage_rate(participants, workers) == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize("workers", [0, -181_567])
def test_coverage_rate_needs_positive_workers(workers):
    with pytest.raises(ValueError, match="workers"):
        coverage_rate(66_234, workers)


@pytest.mark.parametrize(
    "workers, coverage, expected",
    [
        (132_826, 33, 88_993.42),  # Binjai Oct 2024: 132.826 × 0,67
        (181_567, 0, 181_567),
        (181_567, 100, 0),
    ],
)
def test_uncovered_workers(workers, coverage, expected):
    assert uncovered_workers(workers, coverage) == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize(
    "coverage, target, expected",
    [(36.48, 52.15, 15.67), (35.68, 52.15, 16.47), (60, 52.15, 0.0), (52.15, 52.15, 0.0)],
)
def test_gap_points(coverage, target, expected):
    assert gap_points(coverage, target) == pytest.approx(expected, abs=1e-9)


def test_gap_persons():
    # 15,67 points × 181.567 / 100 = 15,67 × 1.815,67 = 27.235,05 + 1.216,4989 = 28.451,5489
    assert gap_persons(36.48, 52.15, 181_567) == pytest.approx(28_451.5489, abs=1e-4)
    assert gap_persons(60, 52.15, 181_567) == 0.0


@pytest.mark.parametrize(
    "coverage, target, expected",
    [(49.2, 58, 84.83), (52.15, 52.15, 100.0), (37.01, 52.15, 70.97)],  # 37,01 ÷ 52,15 = 0,70968
)
def test_attainment(coverage, target, expected):
    assert attainment(coverage, target) == pytest.approx(expected, abs=0.005)


@pytest.mark.parametrize(
    "baseline, increase, expected",
    [
        (26.8, 20, 46.8),  # Muba start of 2025
        (32.15, 20, 52.15),  # Kemendagri 2025 target = RPJMN 2025 + 20 points
        (85, 20, 100.0),  # capped at 100
        (80, 20, 100.0),
        (10, 5, 15.0),
    ],
)
def test_rule_target(baseline, increase, expected):
    assert rule_target(baseline, increase) == expected


def test_rule_target_default_is_twenty_points():
    assert rule_target(26.8) == 46.8


# --- projections ------------------------------------------------------------------------


def test_participants_needed_per_year_flat():
    # 0,5215 × 181.567 = 94.687,1905; (94.687,1905 − 66.234) / 4 = 7.113,297625
    assert participants_needed_per_year(66_234, 181_567, 52.15, 2025, 2029) == pytest.approx(7_113.297625, abs=1e-6)


def test_participants_needed_per_year_with_growth():
    # 1,02⁴ = 1,08243216; 181.567 × 1,08243216 = 196.533,960; × 0,5215 = 102.492,460;
    # (102.492,460 − 66.234) / 4 = 9.064,615
    assert participants_needed_per_year(66_234, 181_567, 52.15, 2025, 2029, 0.02) == pytest.approx(9_064.615, abs=0.01)


def test_participants_needed_per_year_one_year():
    # 50% of 1.000 = 500; 500 − 400 = 100 in one year
    assert participants_needed_per_year(400, 1_000, 50, 2025, 2026) == pytest.approx(100.0)


def test_participants_needed_per_year_already_there():
    assert participants_needed_per_year(600, 1_000, 50, 2025, 2029) == 0.0


@pytest.mark.parametrize("target_year", [2025, 2024])
def test_participants_needed_per_year_needs_a_later_year(target_year):
    with pytest.raises(ValueError, match="target_year"):
        participants_needed_per_year(66_234, 181_567, 52.15, 2025, target_year)


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        # needs 94.687,19 − 66.234 = 28.453,19 more: 2 × 10.000 too few, 3 × 10.000 enough
        (dict(target=52.15, pace=10_000), 3),
        (dict(target=36, pace=0), 0),  # 36,48% already ≥ 36%
        # 0,995 × 181.567 = 180.659,165; 114.425,165 more at 10.000 a year → 12 years
        (dict(target=99.5, pace=10_000), 12),
        (dict(target=99.5, pace=10_000, horizon=11), None),
        # 2% growth adds ≥ 3.600 to the 99,5% target each year, more than 1.000 joining
        (dict(target=99.5, pace=1_000, workforce_growth=0.02), None),
    ],
)
def test_years_to_target(kwargs, expected):
    assert years_to_target(66_234, 181_567, **kwargs) == expected


def test_years_to_target_exact_hit():
    # 400 + 2 × 50 = 500 = 50% of 1.000 exactly in year 2
    assert years_to_target(400, 1_000, 50, 50) == 2


# --- budgets ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "budget, persons, kwargs, expected",
    [
        (504_000_000, 10_000, {}, 3.0),  # 504.000.000 ÷ (10.000 × 16.800)
        (2_016_000_000, 10_000, {}, 12.0),
        (504_000_000, 10_000, dict(monthly_rate=8_400), 6.0),
        (1_512_000_000, 7_500, {}, 12.0),
    ],
)
def test_implied_months(budget, persons, kwargs, expected):
    assert implied_months(budget, persons, **kwargs) == pytest.approx(expected)


# --- consistency checks -----------------------------------------------------------------


def test_implied_workers_lampung():
    # 1.149.447 ÷ 0,3839: 2.994.131 × 0,3839 = 1.149.446,89, remainder 0,11 ÷ 0,3839 ≈ 0,29
    assert implied_workers(1_149_447, 38.39) == pytest.approx(2_994_131.29, abs=0.01)


def test_implied_workers_round_numbers():
    assert implied_workers(7_500, 25) == pytest.approx(30_000)


@pytest.mark.parametrize("coverage", [0, -5])
def test_implied_workers_needs_positive_coverage(coverage):
    with pytest.raises(ValueError, match="coverage"):
        implied_workers(1_149_447, coverage)


@pytest.mark.parametrize(
    "value, decimals, expected",
    [
        (36.48, 2, 0.005),
        (36.5, 1, 0.05),
        (89_300, 0, 50.0),  # printed to the hundred
        (7_500, 0, 50.0),
        (45_000, 0, 500.0),  # "45 ribu": to the thousand
        (66_234, 0, 0.5),
        (0, 0, 0.5),
    ],
)
def test_printed_rounding(value, decimals, expected):
    assert printed_rounding(value, decimals) == pytest.approx(expected)


@pytest.mark.parametrize(
    "recomputed, printed, tolerance, expected",
    [
        (36.4791, 36.48, 0.1, True),
        (36.48, 36.70, 0.1, False),
        (36.48, 36.58, 0.105, True),
    ],
)
def test_is_close(recomputed, printed, tolerance, expected):
    assert is_close(recomputed, printed, tolerance) is expected
