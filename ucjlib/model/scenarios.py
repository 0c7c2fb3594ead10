"""The scenarios a region's own figures support, built from the data (no region is named
in code): its enrolment plans, its target pairs, the national path and the chosen target.

Scenarios hold numbers and a key; their labels are words and come from the message
catalogs (:mod:`ucjlib.i18n`). A plan about poor residents is not a pace of enrolling
workers and is not a scenario here (see :class:`ucjlib.model.region.PovertyPlan`).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ucjlib import config
from ucjlib.data.checks import TARGETS_IMPLY_WORKERS as IMPLIED_BY_TARGETS
from ucjlib.model.projections import Growth, Scenario, pace_to_reach, run_scenario, year_reached, yearly_budget


@dataclass(frozen=True)
class StartingPoint:
    """Where scenarios start: participants and workers at the end of ``year``."""

    year: int
    participants: float
    workers: float
    hypothetical: bool  # True when the start is a target assumed met, not an observation

    @property
    def coverage(self) -> float:
        return self.participants / self.workers * 100


def starting_point(
    figures: pd.DataFrame,
    checks: pd.DataFrame,
    coverage_year: int | None,
    coverage: float | None,
    workers: float | None,
    participants: float | None,
) -> StartingPoint | None:
    """The observed start (latest coverage on its worker base; the printed participant count
    when there is one), or — for a region with only a pair of participant targets — the first
    target taken as met, on the worker base it implies."""
    if coverage is not None and workers is not None:
        count = participants if participants is not None else coverage / 100 * workers
        return StartingPoint(coverage_year, count, workers, False)
    implied = checks[checks["check"] == IMPLIED_BY_TARGETS].sort_values("as_of")
    targets = figures[figures["indicator"] == "participants_target"].sort_values("as_of")
    if len(targets) and len(implied):
        return StartingPoint(
            int(targets["as_of"].iloc[0][:4]),
            float(targets["value"].iloc[0]),
            float(implied["recomputed"].iloc[0]),
            True,
        )
    return None


def yardstick_pace(national: pd.DataFrame, yardstick: str = config.DEFAULT_YARDSTICK) -> float | None:
    """Points a year along a national yardstick's path between its first and last target.

    Examples
    --------
    >>> national = pd.DataFrame({"indicator": ["coverage_target"] * 2, "yardstick": ["RPJMN 2025–2029"] * 2,
    ...                          "as_of": ["2025", "2029"], "value": [32.15, 43.92]})
    >>> round(yardstick_pace(national), 4)  # (43,92 − 32,15) / 4
    2.9425
    """
    path = national[(national["indicator"] == "coverage_target") & (national["yardstick"] == yardstick)]
    path = path.drop_duplicates(["as_of", "value"]).sort_values("as_of")
    if len(path) < 2:
        return None
    years = int(path["as_of"].iloc[-1][:4]) - int(path["as_of"].iloc[0][:4])
    return float((path["value"].iloc[-1] - path["value"].iloc[0]) / years) if years > 0 else None


def region_scenarios(
    figures: pd.DataFrame,
    start: StartingPoint,
    target: tuple[str, int, float] | None,
    growth: Growth,
    national_pace: float | None,
    first_year: int,
) -> list[Scenario]:
    """Named scenarios for one region, in a stable order: its one-off enrolment plans, the pace
    of its own participant targets, the path to the chosen target ``(name, year, percent)`` from
    ``first_year`` (the first budget year that can still pay) and the national plan's pace in points."""
    scenarios = []
    plans = figures[(figures["indicator"] == "planned_enrolment")]
    if len(plans):
        scenarios.append(
            Scenario(
                "one-off-plan",
                one_off=float(plans["value"].sum()),
                source_id=plans["source_id"].iloc[0],
                params=tuple((float(r.value), r.funding) for r in plans.itertuples()),
            )
        )
    targets = figures[figures["indicator"] == "participants_target"].sort_values("as_of")
    if len(targets) >= 2:
        years = int(targets["as_of"].iloc[-1][:4]) - int(targets["as_of"].iloc[0][:4])
        if years > 0:
            pace = (targets["value"].iloc[-1] - targets["value"].iloc[0]) / years
            scenarios.append(
                Scenario(
                    "target-pair-pace",
                    people=float(pace),
                    source_id=targets["source_id"].iloc[0],
                    params=(float(pace),),
                )
            )
    if target is not None and target[1] >= first_year:
        name, year, value = target
        pace = pace_to_reach(start.participants, start.workers, start.year, value, year, growth, first_year)
        if pace > 0:
            scenarios.append(Scenario("to-target", people=pace, params=(name, year, value, pace)))
    if national_pace:
        scenarios.append(
            Scenario("national-pace", points=national_pace, params=(config.DEFAULT_YARDSTICK, national_pace))
        )
    return scenarios


def scenario_table(
    start: StartingPoint,
    scenarios: list[Scenario],
    growth: Growth,
    targets: list[tuple[str, float]],
    premium_rate: float,
    first_year: int,
) -> pd.DataFrame:
    """One row per scenario, enrolling from ``first_year`` (the first budget year that can still
    pay): participants added in that year, coverage in the plan's last year, the year each target
    ``(name, percent)`` is reached (None: not by the horizon), and the budget in the first year
    and in the plan's last year."""
    rows = []
    for scenario in scenarios:
        path = run_scenario(scenario, start.participants, start.workers, start.year, growth, first_year=first_year)
        budget = yearly_budget(path, premium_rate)
        at_end = path[path["year"] == config.PLAN_END_YEAR]
        first = path.index[path["year"] == max(first_year, start.year + 1)][0]
        row = {
            "key": scenario.key,
            "scenario": scenario,
            "first_year": int(path["year"][first]),
            "first_year_added": float(path["added"][first]),
            "coverage_plan_end": None if at_end.empty else float(at_end["coverage"].iloc[0]),
            "budget_first_year": float(budget[first]),
            "budget_plan_end": None if at_end.empty else float(budget[at_end.index[0]]),
            "path": path,
        }
        for name, value in targets:
            row[f"reached:{name}"] = year_reached(path, value)
        rows.append(row)
    return pd.DataFrame(rows)
