"""When does a region reach its target, and what does it cost? Statistical projections
where the data allows them, named scenarios everywhere else.

A *projection* fits a trend (statsmodels OLS on the logit of coverage, so it stays within
0–100%) to three or more coverage observations on one denominator basis, and gives
prediction intervals. A *scenario* is arithmetic on stated assumptions (a pace of
enrolment, a plan, a rule): it says what would happen if, never what will.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ucjlib import config
from ucjlib.contributions import budget_cost
from ucjlib.errors import ProjectionError
from ucjlib.periods import period_end

HORIZON = config.LONG_TERM_HORIZON  # scenarios run no further
# Issue 28 §2: with fewer residual degrees of freedom than this, a trend's prediction interval
# is given only within the observed years and INTERVAL_REACH_YEARS either side of them; beyond
# that a t-interval on one or two degrees of freedom says nothing a reader could use.
INTERVAL_MIN_DF = 3
INTERVAL_REACH_YEARS = 4


def decimal_year(as_of: str) -> float:
    """Where a date or period's end falls on a decimal time axis (one definition for fits and charts).

    Examples
    --------
    31 December 2025 is day 365 of the year; 22 April is day 112 (111 ÷ 365,25 = 0,3039):

    >>> decimal_year("2025"), decimal_year("2025-04-22")
    (2025.9966, 2025.3039)
    """
    end = period_end(as_of)
    return round(end.year + (end.timetuple().tm_yday - 1) / 365.25, 4)


@dataclass(frozen=True)
class TrendFit:
    """A logit-linear trend of coverage on time."""

    result: object  # statsmodels RegressionResults
    basis: str
    n: int
    scale: str = "logit"  # "logit" for a percentage, "linear" for a count
    span: tuple[int, int] = ()  # the first and last calendar year observed

    @property
    def slope(self) -> float:
        """Change per year of logit(coverage), or of the count on the linear scale."""
        return float(self.result.params[1])

    @property
    def df(self) -> int:
        """Residual degrees of freedom: observations less the two fitted parameters."""
        return int(round(self.result.df_resid))

    @property
    def interval_years(self) -> tuple[int, int] | None:
        """The years a prediction interval is given for: all (None) with ``INTERVAL_MIN_DF`` or
        more degrees of freedom, else the observed years and ``INTERVAL_REACH_YEARS`` either side.

        Examples
        --------
        Three figures (one degree of freedom) observed 2023–2025: intervals for 2019–2029 only.

        >>> frame = pd.DataFrame({"as_of": ["2023", "2024", "2025-06"], "value": [20.0, 25.0, 29.0], "basis": "x"})
        >>> fit_trend(frame).interval_years
        (2019, 2029)
        """
        if self.df >= INTERVAL_MIN_DF or not self.span:
            return None
        return self.span[0] - INTERVAL_REACH_YEARS, self.span[1] + INTERVAL_REACH_YEARS

    def predict(self, years, level: float = 0.9) -> pd.DataFrame:
        """Projected coverage (percent) at the end of each year (as targets are set), with
        the prediction interval at ``level``; the interval is missing (NaN) for a year outside
        :attr:`interval_years` (fewer than ``INTERVAL_MIN_DF`` degrees of freedom)."""
        import statsmodels.api as sm

        years = np.asarray(list(years), dtype=float)
        at = np.array([decimal_year(str(int(year))) for year in years])
        frame = self.result.get_prediction(sm.add_constant(at, has_constant="add")).summary_frame(alpha=1 - level)
        back = (lambda x: 100 / (1 + np.exp(-np.asarray(x)))) if self.scale == "logit" else np.asarray  # noqa: E731
        name = "coverage" if self.scale == "logit" else "value"
        lower, upper = back(frame["obs_ci_lower"]).astype(float), back(frame["obs_ci_upper"]).astype(float)
        if (reach := self.interval_years) is not None:
            outside = (years < reach[0]) | (years > reach[1])
            lower, upper = np.where(outside, np.nan, lower), np.where(outside, np.nan, upper)
        return pd.DataFrame({"year": years.astype(int), name: back(frame["mean"]), "lower": lower, "upper": upper})


def fit_trend(observations: pd.DataFrame, minimum: int = 3, scale: str = "logit") -> TrendFit:
    """Fit logit(coverage) = a + b·year to coverage observations (columns ``as_of``,
    ``value`` in percent, ``basis``); with ``scale="linear"``, count = a + b·year to counts
    (participants), whose ``basis`` is the way they were counted.

    Refuses fewer than ``minimum`` points and any mix of denominator bases: a change of
    basis moves coverage by itself, so a trend across it would be fiction. With fewer than
    ``INTERVAL_MIN_DF`` residual degrees of freedom the fit predicts no interval beyond the
    observed years plus ``INTERVAL_REACH_YEARS`` (:attr:`TrendFit.interval_years`).

    Examples
    --------
    >>> frame = pd.DataFrame({"as_of": ["2021", "2022", "2023", "2024"], "value": [20.0, 25.0, 31.0, 36.0],
    ...                       "basis": ["angkatan kerja"] * 4})
    >>> fit = fit_trend(frame)
    >>> round(fit.slope, 2)
    0.27
    >>> try:
    ...     fit_trend(frame.assign(basis=["angkatan kerja", "angkatan kerja", "penduduk bekerja", "penduduk bekerja"]))
    ... except ProjectionError as err:
    ...     print(*str(err).split(": "), sep="|")
    ... # doctest: +NORMALIZE_WHITESPACE
    coverage is observed on more than one denominator basis ('angkatan kerja', 'penduduk bekerja')|a trend
    across a change of basis is not fitted. Fit each basis on its own.
    """
    bases = sorted(set(observations["basis"].fillna("")))
    if len(bases) > 1:
        shown = ", ".join(repr(b or "not stated") for b in bases)
        raise ProjectionError(
            f"coverage is observed on more than one denominator basis ({shown}): a trend across a "
            "change of basis is not fitted. Fit each basis on its own."
        )
    if len(observations) < minimum:
        raise ProjectionError(
            f"{len(observations)} coverage observation(s): a trend needs at least {minimum} on one basis; "
            "show scenarios instead"
        )
    values = observations["value"].to_numpy(dtype=float)
    if scale == "logit":
        if ((values <= 0) | (values >= 100)).any():
            raise ProjectionError(
                "coverage must lie strictly between 0 and 100 percent to be fitted on the logit scale"
            )
        values = np.log(values / (100 - values))
    import statsmodels.api as sm  # imported here: most reports have too few points to fit

    years = observations["as_of"].map(decimal_year).to_numpy()
    result = sm.OLS(values, sm.add_constant(years)).fit()
    ends = [period_end(as_of).year for as_of in observations["as_of"]]
    return TrendFit(result, bases[0], len(values), scale, (min(ends), max(ends)))


# -- scenarios ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Growth:
    """Yearly growth of the work force and where it comes from: the reader (``reader``, every
    year), the official BPS series of the region, its province or the nation (``official``: the compound
    rate between the August rounds ``first_year`` and ``last_year`` of ``series``, applied to every
    year, see :func:`ucjlib.model.bases.official_growth`), or none. A rate two of the region's own
    targets imply is never used (issue 27 §2)."""

    rate: float = 0.0
    origin: str = "none"
    first_year: int | None = None
    last_year: int | None = None
    series: str = ""  # for ``official``: the region whose series it is
    rounds: tuple = ()  # for ``official``: its first and last rounds (ucjlib.model.bases.OfficialBase)

    def factor(self, from_year: int, to_year: int) -> float:
        """How much the work force grows from the end of ``from_year`` to the end of ``to_year``.

        Examples
        --------
        >>> round(Growth(0.02, "reader").factor(2025, 2027), 4)
        1.0404
        """
        return (1 + self.rate) ** max(0, to_year - from_year)

    def carry(self, workers, years: float):
        """A work force carried ``years`` forward at the rate (back, for negative ``years``; a fraction
        for months); ``workers`` and the rate may be arrays of draws.

        Examples
        --------
        >>> round(Growth(0.05, "official").carry(110_250, -2))  # a base two years after the start
        100000
        """
        return workers * (1 + self.rate) ** years


@dataclass(frozen=True)
class Scenario:
    """A named assumption about enrolment, in the unit it was stated in.

    ``people``: participants added each year; ``points``: percentage points of coverage added
    each year (the participants follow the work force); ``one_off``: participants added once,
    in the first year (a plan). ``params`` feed the scenario's label in the reader's language.
    """

    key: str
    people: float = 0.0
    points: float = 0.0
    one_off: float = 0.0
    source_id: str = ""
    params: tuple = ()


def run_scenario(
    scenario: Scenario,
    participants: float,
    workers: float,
    start_year: int,
    growth: Growth = Growth(),
    horizon: int = HORIZON,
    first_year: int | None = None,
) -> pd.DataFrame:
    """Year-by-year path from a starting point (participants and workers at the end of
    ``start_year``): participants, workers, coverage and the participants added since the start.
    Enrolment begins in ``first_year`` (by default the year after the start): a budget year that
    has passed, or can no longer be budgeted, adds nobody.

    Examples
    --------
    Labuhanbatu's 10.000 new participants a year from 66.234 of 181.567 workers (2025):

    >>> path = run_scenario(Scenario("pace", people=10_000), 66_234, 181_567, 2025, horizon=2028)
    >>> path["year"].tolist(), path["participants"].tolist()
    ([2026, 2027, 2028], [76234.0, 86234.0, 96234.0])
    >>> round(float(path["coverage"].iloc[-1]), 2)  # 96.234 ÷ 181.567
    53.0

    A pace in points stays that many points a year, whatever the work force does:

    >>> path = run_scenario(Scenario("points", points=3), 500, 1_000, 2025, Growth(0.1, "reader"), horizon=2027)
    >>> path["coverage"].round(6).tolist(), path["workers"].round(6).tolist()
    ([53.0, 56.0], [1100.0, 1210.0])

    From a 2025 figure, with 2028 the first year a budget can still pay for:

    >>> path = run_scenario(Scenario("pace", people=10_000), 66_234, 181_567, 2025, horizon=2029, first_year=2028)
    >>> path["added"].tolist()
    [0.0, 0.0, 10000.0, 20000.0]
    """
    rows = []
    start_coverage = participants / workers * 100
    first = start_year + 1 if first_year is None else max(first_year, start_year + 1)
    for year in range(start_year + 1, horizon + 1):
        step = max(0, year - first + 1)
        year_workers = workers * growth.factor(start_year, year)
        if scenario.points:
            total = min(100.0, start_coverage + scenario.points * step) / 100 * year_workers
        else:
            total = min(participants + (scenario.one_off if step else 0.0) + scenario.people * step, year_workers)
        rows.append(
            {
                "year": year,
                "participants": float(total),
                "workers": year_workers,
                "coverage": total / year_workers * 100,
                "added": float(total - participants),
            }
        )
    return pd.DataFrame(rows, columns=["year", "participants", "workers", "coverage", "added"])


def year_reached(path: pd.DataFrame, target: float) -> int | None:
    """First year of a path whose coverage reaches ``target`` percent (None: not by the horizon).

    Examples
    --------
    >>> path = run_scenario(Scenario("pace", people=10_000), 66_234, 181_567, 2025)
    >>> year_reached(path, 43.92)  # needs 79.744,2: 13.510,2 more, two years of 10.000
    2027
    """
    reached = path[path["coverage"] >= target - 1e-9]
    return None if reached.empty else int(reached["year"].iloc[0])


def yearly_budget(path: pd.DataFrame, premium_rate: float = config.BPU_JKK_JKM_MONTHLY) -> pd.Series:
    """Rupiah a year if the regional budget pays the contribution for every participant added so
    far (:func:`ucjlib.contributions.budget_cost`: an APBD pays the full rate every month).

    Examples
    --------
    >>> path = run_scenario(Scenario("pace", people=10_000), 66_234, 181_567, 2025, horizon=2027)
    >>> yearly_budget(path).tolist()  # 2026: 10.000 × 12 × 16.800; 2027: 20.000 × 12 × 16.800
    [2016000000.0, 4032000000.0]
    """
    return pd.Series(
        [
            float(budget_cost(max(added, 0.0), dt.date(int(year), 1, 1), 12, premium_rate))
            for year, added in zip(path["year"], path["added"], strict=False)
        ],
        index=path.index,
        dtype=float,
    )


def pace_to_reach(
    participants: float,
    workers: float,
    start_year: int,
    target: float,
    target_year: int,
    growth: Growth = Growth(),
    first_year: int | None = None,
) -> float:
    """Participants a year to reach ``target`` percent by ``target_year``, enrolling from
    ``first_year`` (by default the year after the start) to the target's year (at least one
    year), the work force growing as ``growth`` says.

    Examples
    --------
    >>> round(pace_to_reach(66_234, 181_567, 2025, 43.92, 2029), 1)  # (79.744,2 − 66.234) / 4
    3377.6
    >>> round(pace_to_reach(66_234, 181_567, 2025, 43.92, 2029, first_year=2028), 1)  # the same over 2028–2029
    6755.1
    """
    first = start_year + 1 if first_year is None else first_year
    years = max(1, target_year - first + 1)
    future_workers = workers * growth.factor(start_year, max(target_year, start_year + 1))
    return max(0.0, target / 100 * future_workers - participants) / years


def protected_share(poor: float, per_year: float, start_year: int, end_year: int) -> pd.DataFrame:
    """Share of poor residents protected when ``per_year`` of them join each year from
    ``start_year`` (the poor count held fixed).

    Examples
    --------
    Labuhanbatu's RPJMD: 10 ribu a year of 42 ribu poor residents, from 2025.

    >>> protected_share(42_000, 10_000, 2025, 2029)["share"].round(1).tolist()
    [23.8, 47.6, 71.4, 95.2, 100.0]
    """
    years = list(range(start_year, end_year + 1))
    protected = [min(poor, per_year * (i + 1)) for i in range(len(years))]
    return pd.DataFrame({"year": years, "protected": protected, "share": [p / poor * 100 for p in protected]})
