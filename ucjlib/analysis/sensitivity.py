"""How much a region's answer moves with the assumptions behind it.

The answer is what closing the gap to the focus target takes: participants a year and the
first budget year's rupiah (see :class:`ucjlib.model.region.Cost`). Each assumption is moved
on its own, the others held at the model's: the premium rate (BPU JKK+JKM, or with JHT), the
work force's yearly growth (none, or the highest of any region's official BPS series), the year the
target is reached, and the denominator (the lowest and highest worker base the data gives
the region, participants held, each brought to the headline's date by the model's growth, in
months as the model carries its own base, so that a later base does not count that growth twice). A region with one
worker base has no denominator range, and its row says so. One more range moves every input
at once: the printed figures' rounding and approximation words, a derived base recomputed from
them, and the work force's growth (:data:`DRAWN`: the 5th and 95th percentiles of the Monte Carlo
of :mod:`ucjlib.model.uncertainty`, the model's ``per_year_range``, the range the reports print).
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from ucjlib import config
from ucjlib.data.checks import PLAN_IMPLIES_WORKERS, TARGETS_IMPLY_WORKERS
from ucjlib.data.processed import totals
from ucjlib.model.projections import Growth
from ucjlib.model.region import Cost, RegionModel, Target, cost_to_reach
from ucjlib.periods import months_between

SENSITIVITY_COLUMNS = ["parameter", "setting", "participants_per_year", "first_year_rupiah", "change"]


def focus_target(model: RegionModel) -> Target | None:
    """The chosen target when it is still to be reached, else the first unmet one."""
    chosen = model.chosen_target
    if chosen is not None and model.cost_of(chosen) is not None:
        return chosen
    return model.next_step.target if model.next_step is not None else None


def highest_official_growth(models: list[RegionModel]) -> Growth:
    """The fastest yearly growth of employed persons in any region's official BPS series, with the
    series it comes from (``Growth()``, none, without one)."""
    return max(
        (model.growth for model in models if model.growth.origin == "official"), key=lambda g: g.rate, default=Growth()
    )


ONE_BASE = "the only worker base: no range"
DRAWN = "all inputs drawn together (5–95%)"


def worker_bases(model: RegionModel) -> list[float]:
    """Every worker base the data gives the region, printed totals and derived ones, each
    brought to the headline's date by the model's growth (whole persons, duplicates once)."""
    printed = totals(model.figures)
    printed = printed.loc[printed["indicator"] == "workers", ["value", "as_of"]]
    derived = model.checks.loc[
        model.checks["check"].isin([PLAN_IMPLIES_WORKERS, TARGETS_IMPLY_WORKERS]), ["recomputed", "as_of"]
    ]
    dated = [
        (float(value), str(as_of))
        for value, as_of in [*printed.itertuples(index=False), *derived.itertuples(index=False)]
    ]
    if model.start is None:
        return sorted({value for value, _ in dated})
    bases = [model.start.workers]
    start_period = model.coverage.as_of if model.coverage is not None else str(model.start.year)
    for value, as_of in dated:
        based = model.growth.carry(value, months_between(as_of, start_period) / 12)
        if all(round(based) != round(known) for known in bases):
            bases.append(based)
    return sorted(bases)


def _cost(
    model: RegionModel,
    target: Target,
    premium_rate: float | None = None,
    growth: Growth | None = None,
    workers: float | None = None,
) -> Cost:
    start = model.start if workers is None else dataclasses.replace(model.start, workers=workers)
    return cost_to_reach(
        target,
        start,
        None,
        growth or model.growth,
        premium_rate or model.assumptions.premium_rate,
        model.assumptions.first_budget_year,
    )


def sensitivity(model: RegionModel, highest_growth: float) -> pd.DataFrame:
    """One row per setting: the answer under it and its change from the model's, in percent
    of the model's budget. Empty when the region has no gap to cost."""
    target = focus_target(model)
    if target is None or model.start is None:
        return pd.DataFrame(columns=SENSITIVITY_COLUMNS)
    base = model.cost_of(target)
    settings = [("model", "as in the report", base)]
    for name, rate in (("JKK+JKM", config.BPU_JKK_JKM_MONTHLY), ("JKK+JKM+JHT", config.BPU_WITH_JHT_MONTHLY)):
        settings.append(
            ("premium rate", f"{name} Rp{rate:,}/month".replace(",", "."), _cost(model, target, premium_rate=rate))
        )
    for rate in (0.0, highest_growth):
        settings.append(
            (
                "work-force growth",
                f"{rate * 100:.2f}% a year".replace(".", ","),
                _cost(model, target, growth=Growth(rate, "reader")),
            )
        )
    for year in (target.year - 2, target.year + 2):
        if year >= model.assumptions.first_budget_year:
            settings.append(
                (
                    "target year",
                    f"{target.value:g}% by {year}".replace(".", ","),
                    _cost(model, dataclasses.replace(target, year=year)),
                )
            )
    bases = worker_bases(model)
    for workers in sorted({bases[0], bases[-1]}):
        label = f"{workers:,.0f} workers".replace(",", ".") + (f", {ONE_BASE}" if len(bases) == 1 else "")
        settings.append(("denominator", label, _cost(model, target, workers=workers)))
    rows = [
        {
            "parameter": parameter,
            "setting": setting,
            "participants_per_year": cost.participants_per_year,
            "first_year_rupiah": cost.first_budget.rupiah,
        }
        for parameter, setting, cost in settings
    ]
    for end, label in zip(base.per_year_range, ("5th percentile", "95th percentile"), strict=False):
        rows.append(
            {
                "parameter": DRAWN,
                "setting": label,
                "participants_per_year": end,
                "first_year_rupiah": base.first_budget.rupiah * end / base.participants_per_year
                if base.participants_per_year
                else 0.0,
            }
        )
    frame = pd.DataFrame(rows)
    budget = base.first_budget.rupiah
    frame["change"] = (frame["first_year_rupiah"] / budget - 1) * 100 if budget else 0.0
    return frame[SENSITIVITY_COLUMNS]


def tornado_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The lowest and highest budget change of each parameter, widest swing first. A
    denominator with one worker base is named so (its bar is empty for that reason)."""
    one_base = frame["setting"].str.endswith(ONE_BASE) & (frame["parameter"] == "denominator")
    frame = frame.assign(parameter=frame["parameter"].mask(one_base, f"denominator ({ONE_BASE})"))
    varied = frame[frame["parameter"] != "model"].groupby("parameter", sort=False)["change"].agg(["min", "max"])
    varied = varied.assign(low=varied["min"].clip(upper=0), high=varied["max"].clip(lower=0))
    return (
        varied.assign(swing=varied["high"] - varied["low"])
        .sort_values("swing", ascending=False)[["low", "high"]]
        .reset_index()
    )
