"""Coverage metrics: pure functions on numbers (percentages in points, 36.48 = 36,48%).

Every example below was worked out by hand from the seed articles.
"""

from __future__ import annotations

import datetime as dt
import math

from . import config


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


def bpu_monthly_rate(on: dt.date, sector: str = "other", premium_rate: float = config.BPU_JKK_JKM_MONTHLY) -> float:
    """Contribution per person for the month containing ``on``: ``premium_rate`` (BPU JKK+JKM
    by default), less the PP 50/2025 discount on JKK+JKM inside the sector's window.

    Examples
    --------
    >>> bpu_monthly_rate(dt.date(2025, 6, 1))
    16800
    >>> bpu_monthly_rate(dt.date(2026, 5, 1))
    8400
    >>> bpu_monthly_rate(dt.date(2026, 2, 1)), bpu_monthly_rate(dt.date(2026, 2, 1), "transport")
    (16800, 8400)

    With JHT (Rp36.800) only the JKK+JKM part is halved: 36.800 − 8.400.

    >>> bpu_monthly_rate(dt.date(2026, 5, 1), premium_rate=36_800)
    28400
    """
    if sector not in config.BPU_DISCOUNT_WINDOWS:
        raise ValueError(f"sector must be one of {sorted(config.BPU_DISCOUNT_WINDOWS)}, not {sector!r}")
    start, end = config.BPU_DISCOUNT_WINDOWS[sector]
    month = on.replace(day=1)
    return discounted_rate(premium_rate) if start.replace(day=1) <= month <= end else premium_rate


def discounted_rate(premium_rate: float = config.BPU_JKK_JKM_MONTHLY) -> float:
    """The monthly rate inside the PP 50/2025 window: the JKK+JKM part halved.

    Examples
    --------
    >>> discounted_rate(), discounted_rate(36_800)
    (8400, 28400)
    """
    return premium_rate - (config.BPU_JKK_JKM_MONTHLY - config.BPU_DISCOUNTED_MONTHLY)


def _months_from(start: dt.date, months: int):
    year, month = start.year, start.month
    for _ in range(months):
        yield dt.date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def discount_months(year: int, sector: str = "other") -> int:
    """Months of ``year`` inside the sector's PP 50/2025 discount window.

    Examples
    --------
    >>> discount_months(2025), discount_months(2026), discount_months(2027, "transport")
    (0, 9, 3)
    """
    start, end = config.BPU_DISCOUNT_WINDOWS[sector]
    return sum(start.replace(day=1) <= month <= end for month in _months_from(dt.date(year, 1, 1), 12))


def enrolment_cost(workers: float, months: int, start: dt.date, sector: str = "other",
                   premium_rate: float = config.BPU_JKK_JKM_MONTHLY) -> float:
    """Rupiah to pay the contribution for ``workers`` over ``months`` months from ``start``,
    at the rate in force each month.

    Examples
    --------
    Labuhanbatu's 10.000 APBD-funded workers for a year from January 2025:
    10.000 × 16.800 × 12 = Rp2,016 miliar.

    >>> enrolment_cost(10_000, 12, dt.date(2025, 1, 1))
    2016000000
    >>> enrolment_cost(10_000, 12, dt.date(2026, 1, 1))  # April–December 2026 at Rp8.400
    1260000000
    """
    return workers * sum(bpu_monthly_rate(month, sector, premium_rate) for month in _months_from(start, months))


def workers_for_budget(budget: float, months: int, start: dt.date, sector: str = "other") -> float:
    """How many workers a budget covers for ``months`` months from ``start``: the inverse
    of :func:`enrolment_cost`. Multiply by ``months`` for person-months.

    Examples
    --------
    >>> workers_for_budget(2_016_000_000, 12, dt.date(2025, 1, 1))
    10000.0
    >>> workers_for_budget(1_260_000_000, 12, dt.date(2026, 1, 1))
    10000.0
    """
    if months <= 0:
        raise ValueError(f"months must be positive, not {months}")
    return budget / enrolment_cost(1, months, start, sector)


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
        return 0.5 * 10 ** -decimals
    value = int(round(text_value))
    zeros = 0
    while value and value % 10 == 0:
        value //= 10
        zeros += 1
    return 0.5 * 10**zeros if zeros else 0.5


def is_close(recomputed: float, printed: float, tolerance: float) -> bool:
    """Whether a printed figure agrees with its recomputation within a tolerance."""
    return math.isclose(recomputed, printed, abs_tol=tolerance)
