"""Coverage metrics: pure functions on numbers (percentages in points, 36.48 = 36,48%).

Every example below was worked out by hand from the seed articles.
"""

from __future__ import annotations

import math

from ucjlib import config


def coverage_rate(participants: float, workers: float) -> float:
    """Coverage in percent: active participants ÷ workers × 100.

    Examples
    --------
    Labuhanbatu, April 2025: 66.234 of 181.567 workers.

    >>> round(coverage_rate(66_234, 181_567), 2)
    36.48
    """
    if workers <= 0:
        raise ValueError(f"workers must be positive, not {workers}")
    return participants / workers * 100


def uncovered_workers(workers: float, coverage: float) -> float:
    """Workers not covered at a coverage rate.

    Examples
    --------
    Binjai, October 2024: 33% of 132.826 leaves 88.993,42 uncovered.

    >>> round(uncovered_workers(132_826, 33), 2)
    88993.42
    """
    return workers * (100 - coverage) / 100


def gap_points(coverage: float, target: float) -> float:
    """Percentage points still missing to a target (0 once it is reached).

    Examples
    --------
    >>> round(gap_points(36.48, 52.15), 2)
    15.67
    >>> gap_points(60, 52.15)
    0.0
    """
    return max(0.0, float(target - coverage))


def gap_persons(coverage: float, target: float, workers: float) -> float:
    """Participants still missing to a target, on the same worker base.

    Examples
    --------
    Labuhanbatu at 36,48% of 181.567 workers against 52,15%: 15,67 points × 181.567 / 100.

    >>> round(gap_persons(36.48, 52.15, 181_567))
    28452
    """
    return gap_points(coverage, target) * workers / 100


def attainment(coverage: float, target: float) -> float:
    """Coverage as a percent of the target (how far along the way).

    Examples
    --------
    >>> round(attainment(49.2, 58), 2)
    84.83
    """
    if target <= 0:
        raise ValueError(f"target must be positive, not {target}")
    return coverage / target * 100


def rule_target(baseline: float, increase: float = config.RULE_INCREASE_POINTS) -> float:
    """The target under the +20-point rule: last year's level plus the increase, at most 100.

    Examples
    --------
    Muba started 2025 at 26,8%:

    >>> rule_target(26.8)
    46.8
    """
    return min(100.0, round(baseline + increase, 10))


def participants_needed_per_year(
    participants: float,
    workers: float,
    target: float,
    from_year: int,
    target_year: int,
    workforce_growth: float = 0.0,
) -> float:
    """New participants needed each year to reach ``target`` percent by ``target_year``.

    The worker base grows by ``workforce_growth`` (0.02 = 2% a year) until the target year.

    Examples
    --------
    Labuhanbatu from 66.234 of 181.567 workers in 2025 to 52,15% in 2029, flat work force:
    0,5215 × 181.567 = 94.687,2 participants needed; (94.687,2 − 66.234) / 4 = 7.113,3.

    >>> round(participants_needed_per_year(66_234, 181_567, 52.15, 2025, 2029), 1)
    7113.3

    Growing 2% a year: 181.567 × 1,02⁴ = 196.534 workers in 2029; 0,5215 × 196.534 = 102.492,5;
    (102.492,5 − 66.234) / 4 = 9.064,6.

    >>> round(participants_needed_per_year(66_234, 181_567, 52.15, 2025, 2029, 0.02))
    9065
    """
    years = target_year - from_year
    if years <= 0:
        raise ValueError(f"target_year {target_year} must come after {from_year}")
    future_workers = workers * (1 + workforce_growth) ** years
    return max(0.0, target / 100 * future_workers - participants) / years


def years_to_target(
    participants: float,
    workers: float,
    target: float,
    pace: float,
    workforce_growth: float = 0.0,
    horizon: int = 100,
) -> float | None:
    """Whole years until coverage reaches ``target`` when ``pace`` participants join each
    year (and the work force grows by ``workforce_growth``). ``None`` if not within
    ``horizon`` years; 0 if already there.

    Examples
    --------
    Labuhanbatu at 10.000 new participants a year: 52,15% needs 94.687,2, i.e. 28.453,2 more:
    three years.

    >>> years_to_target(66_234, 181_567, 52.15, 10_000)
    3
    >>> years_to_target(66_234, 181_567, 99.5, 1_000, workforce_growth=0.02) is None
    True
    """
    for year in range(horizon + 1):
        if participants + pace * year >= target / 100 * workers * (1 + workforce_growth) ** year - 1e-9:
            return year
    return None


def implied_months(budget: float, persons: float, monthly_rate: float = config.BPU_JKK_JKM_MONTHLY) -> float:
    """Months of cover a budget pays for a head count: budget ÷ (persons × rate).

    Examples
    --------
    Rp504 juta for 10.000 workers at Rp16.800 pays three months.

    >>> implied_months(504_000_000, 10_000)
    3.0
    """
    return budget / (persons * monthly_rate)


def implied_workers(participants: float, coverage: float) -> float:
    """The worker base implied by a participant count and a coverage rate.

    Examples
    --------
    Lampung's 2025 target: 1.149.447 participants at 38,39%.

    >>> round(implied_workers(1_149_447, 38.39))
    2994131
    """
    if coverage <= 0:
        raise ValueError(f"coverage must be positive, not {coverage}")
    return participants / coverage * 100


def printed_rounding(text_value: float, decimals: int) -> float:
    """Half a unit of the last printed digit: the rounding a printed count carries
    (trailing zeros of a whole number count as rounding, as in "sekitar 89.300").

    Examples
    --------
    >>> printed_rounding(36.48, 2)
    0.005
    >>> printed_rounding(89_300, 0)  # printed to the hundred
    50.0
    """
    if decimals > 0:
        return 0.5 * 10**-decimals
    value = int(round(text_value))
    zeros = 0
    while value and value % 10 == 0:
        value //= 10
        zeros += 1
    return 0.5 * 10**zeros if zeros else 0.5


def is_close(recomputed: float, printed: float, tolerance: float) -> bool:
    """Whether a printed figure agrees with its recomputation within a tolerance."""
    return math.isclose(recomputed, printed, abs_tol=tolerance)
