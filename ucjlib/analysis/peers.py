"""Cost-effectiveness and peers: what a point of coverage costs a region's budget, what
budgets the sources print pay per worker, and where each region stands among all regions
of its level."""

from __future__ import annotations

import pandas as pd

from ucjlib import config
from ucjlib.analysis.sensitivity import focus_target
from ucjlib.model.region import RegionModel

PEER_LEVELS = {"province": "province", "regency": "kabupaten/kota", "city": "kabupaten/kota"}


def cost_effectiveness(models: list[RegionModel]) -> pd.DataFrame:
    """For each region with a costed gap (its focus target, see :mod:`ucjlib.analysis.sensitivity`):
    the first budget year's rupiah per point of coverage it adds and per worker it protects."""
    rows = []
    for model in models:
        target = focus_target(model)
        cost = target and model.cost_of(target)
        if not cost or not cost.participants_per_year or model.start is None:
            continue
        budget = cost.first_budget
        points = cost.participants_per_year / model.start.workers * 100
        rows.append(
            {
                "region_code": model.code,
                "region_name": model.name,
                "level": model.level,
                "workers": model.start.workers,
                "target": f"{target.name} ({target.year})",
                "participants_per_year": cost.participants_per_year,
                "budget_year": budget.year,
                "rupiah": budget.rupiah,
                "points_per_year": points,
                "rupiah_per_point": budget.rupiah / points,
                "rupiah_per_worker": budget.rupiah / cost.participants_per_year,
            }
        )
    return pd.DataFrame(rows)


def printed_budgets(observations: pd.DataFrame) -> pd.DataFrame:
    """Budgets a source prints beside the participants of the same group and year: rupiah
    per worker and the months of JKK+JKM at the full rate that this pays."""
    budgets = observations[observations["indicator"] == "budget_allocated"]
    groups = observations[observations["indicator"] == "participants_by_group"]
    rows = []
    for _, budget in budgets.iterrows():
        paid = groups[
            (groups["source_id"] == budget["source_id"])
            & (groups["region_code"] == budget["region_code"])
            & (groups["group"] == budget["group"])
            & (groups["as_of"].str[:4] == budget["as_of"][:4])
        ]
        if len(paid) != 1:
            continue
        persons = float(paid["value"].iloc[0])
        per_worker = float(budget["value"]) / persons
        rows.append(
            {
                "region_name": budget["region_name"],
                "source_id": budget["source_id"],
                "year": budget["as_of"][:4],
                "group": budget["group"],
                "budget": float(budget["value"]),
                "participants": persons,
                "rupiah_per_worker": per_worker,
                "months_at_full_rate": per_worker / config.BPU_JKK_JKM_MONTHLY,
            }
        )
    return pd.DataFrame(rows)


def peer_table(models: list[RegionModel]) -> pd.DataFrame:
    """Each region's latest coverage against all regions of its level with a coverage figure
    (provinces; kabupaten and kota together): its rank (1 = highest) and percentile (share
    of peers below it). ``basis`` is the figure's denominator in English, empty when the
    source names none: the peers' figures are not all shares of one kind of base."""
    rows = [
        {
            "region_code": m.code,
            "region_name": m.name,
            "level": m.level,
            "peers": PEER_LEVELS[m.level],
            "coverage": m.coverage.value,
            "basis": m.coverage.basis_en,
            "as_of": m.coverage.as_of,
        }
        for m in models
        if m.coverage is not None and m.level in PEER_LEVELS
    ]
    frame = pd.DataFrame(rows)
    grouped = frame.groupby("peers")["coverage"]
    frame["rank"] = grouped.rank(ascending=False, method="min").astype(int)
    frame["of"] = grouped.transform("size")
    frame["percentile"] = (grouped.rank(method="min") - 1) / (frame["of"] - 1).clip(lower=1) * 100
    return frame.sort_values(["peers", "rank"]).reset_index(drop=True)
