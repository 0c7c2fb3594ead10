"""The scenarios a region's own figures support, built from the data (no region is named
in code): its plans, its paces, its target pairs, the national paths and rules.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import config
from .formatting import format_number
from .projections import Scenario, pace_to_reach, run_scenario, year_reached, yearly_budget


@dataclass(frozen=True)
class StartingPoint:
    """Where scenarios start: participants and workers at the end of ``year``."""

    year: int
    participants: float
    workers: float
    hypothetical: bool  # True when the start is a target assumed met, not an observation
    growth: float  # yearly work-force growth used by default


def starting_point(figures: pd.DataFrame, checks: pd.DataFrame, latest_coverage, workers: float | None,
                   participants: float | None = None) -> StartingPoint | None:
    """The observed start (latest coverage × its worker base), or — for a region with only a
    pair of participant targets — the first target taken as met, on the worker base the
    targets imply. The work-force growth between the two implied bases becomes the default."""
    implied = checks[checks["check"] == "worker base implied by a target pair"].sort_values("as_of")
    growth = 0.0
    if len(implied) >= 2:
        years = int(implied["as_of"].iloc[-1][:4]) - int(implied["as_of"].iloc[0][:4])
        growth = (implied["recomputed"].iloc[-1] / implied["recomputed"].iloc[0]) ** (1 / years) - 1 if years > 0 else 0.0
    if latest_coverage is not None and workers is not None:
        count = participants if participants is not None else latest_coverage["value"] / 100 * workers
        return StartingPoint(int(latest_coverage["as_of"][:4]), count, workers, False, growth)
    targets = figures[figures["indicator"] == "participants_target"].sort_values("as_of")
    if len(targets) and len(implied):
        return StartingPoint(int(targets["as_of"].iloc[0][:4]), targets["value"].iloc[0], implied["recomputed"].iloc[0], True, growth)
    return None


def yardstick_pace(national: pd.DataFrame, yardstick: str = "RPJMN 2025–2029") -> float | None:
    """Points a year along a national yardstick's path between its first and last target.

    Examples
    --------
    >>> national = pd.DataFrame({"indicator": ["coverage_target"] * 2, "yardstick": ["RPJMN 2025–2029"] * 2,
    ...                          "as_of": ["2025", "2029"], "value": [32.15, 43.92]})
    >>> round(yardstick_pace(national), 4)  # (43,92 − 32,15) / 4
    2.9425
    """
    path = national[(national["indicator"] == "coverage_target") & (national["yardstick"] == yardstick)].sort_values("as_of")
    if len(path) < 2:
        return None
    years = int(path["as_of"].iloc[-1][:4]) - int(path["as_of"].iloc[0][:4])
    return float((path["value"].iloc[-1] - path["value"].iloc[0]) / years)


def region_scenarios(figures: pd.DataFrame, start: StartingPoint, yardstick_target: float, target_year: int,
                     growth: float, national_pace: float | None, language: str = "id") -> list[Scenario]:
    """Named scenarios for one region, in a stable order. ``national_pace`` is the RPJMN
    path in points a year (see :func:`yardstick_pace`)."""
    n = lambda value: format_number(value, language)  # noqa: E731
    scenarios = []
    for row in figures[figures["indicator"] == "poor_protected_per_year"].itertuples():
        scenarios.append(Scenario("pace-plan", f"Laju {row.yardstick}: {n(row.value)} per tahun",
                                  f"{row.yardstick} pace: {n(row.value)} a year", pace=row.value, growth=growth,
                                  source_id=row.source_id))
    plans = figures[figures["indicator"] == "planned_enrolment"]
    if len(plans):
        funding = " + ".join(f"{n(r.value)}{' ' + r.funding if r.funding else ''}" for r in plans.itertuples())
        scenarios.append(Scenario("one-off-plan", f"Rencana pendaftaran sekali: {funding}", f"One-off enrolment plan: {funding}",
                                  one_off=float(plans["value"].sum()), growth=growth, source_id=plans["source_id"].iloc[0]))
    targets = figures[figures["indicator"] == "participants_target"].sort_values("as_of")
    if len(targets) >= 2:
        years = int(targets["as_of"].iloc[-1][:4]) - int(targets["as_of"].iloc[0][:4])
        pace = (targets["value"].iloc[-1] - targets["value"].iloc[0]) / years
        scenarios.append(Scenario("target-pair-pace", f"Laju target daerah: {n(pace)} per tahun",
                                  f"Pace of the regional targets: {n(pace)} a year", pace=pace, growth=growth,
                                  source_id=targets["source_id"].iloc[0]))
    pace = pace_to_reach(start.participants, start.workers, start.year, yardstick_target, target_year, growth) \
        if target_year > start.year else 0.0
    if pace > 0:
        scenarios.append(Scenario("to-yardstick", f"Jalur ke {format_number(yardstick_target, language, 2)}% pada {target_year}: {n(pace)} per tahun",
                                  f"Path to {format_number(yardstick_target, 'en', 2)}% by {target_year}: {n(pace)} a year",
                                  pace=pace, growth=growth))
    if national_pace:
        scenarios.append(Scenario("rpjmn-pace", f"Laju RPJMN: +{format_number(national_pace, language, 2)} poin per tahun",
                                  f"RPJMN pace: +{format_number(national_pace, 'en', 2)} points a year",
                                  pace=national_pace / 100 * start.workers, growth=growth))
    scenarios.append(Scenario("rule-20", "Aturan +20 poin, sekali (tanpa tambahan sesudahnya)",
                              "+20-point rule, once (nothing added afterwards)",
                              one_off=config.RULE_INCREASE_POINTS / 100 * start.workers, growth=growth))
    return scenarios


def scenario_table(start: StartingPoint, scenarios: list[Scenario], targets: list[tuple[str, float]],
                   premium_rate: float | None = None) -> pd.DataFrame:
    """One row per scenario: participants added in the first year, coverage in 2029, the
    year each target is reached (None: not by 2045) and the budget in the first year and
    in 2029."""
    rows = []
    for scenario in scenarios:
        path = run_scenario(scenario, start.participants, start.workers, start.year)
        budget = yearly_budget(path, premium_rate)
        at_2029 = path[path["year"] == 2029]
        row = {"key": scenario.key, "scenario": scenario, "first_year_added": path["added"].iloc[0],
               "coverage_2029": None if at_2029.empty else float(at_2029["coverage"].iloc[0]),
               "budget_first_year": float(budget.iloc[0]),
               "budget_2029": None if at_2029.empty else float(budget[at_2029.index[0]]), "path": path}
        for name, value in targets:
            row[f"reached:{name}"] = year_reached(path, value)
        rows.append(row)
    return pd.DataFrame(rows)

