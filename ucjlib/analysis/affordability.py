"""Affordability and value (issue 28 §3): what each region's next step costs against its own
budget (APBD) and per worker, and what a participant's family can expect back in benefits
against the premium a budget pays for it.

Definitions:

- **Next step**: the region model's (:attr:`ucjlib.model.region.RegionModel.next_step`) cost of
  closing the gap to the first target a budget can still pay toward, in its first budget year.
- **Nearest budget**: the region's total APBD spending (*belanja daerah*) of the budget year
  nearest to the step's first budget year (the earlier of two equally near), from
  ``data/processed/regional_budgets.csv``; a year's whole realised spending where there is one,
  else the spending planned in the budget as passed. A year with an original and an amended
  budget has two figures: the share is given against both (low and high).
- **Expected benefit per participant-year** = claims ÷ participants ÷ years × benefit amount:
  the chance of a claim in a year times what a claim pays. For JKM the amount is the statutory
  death benefit (``config.JKM_DEATH_BENEFIT``); JKK pays care and cash with no fixed amount, so
  only its claims rate is given (and what was paid, where a source prints it).
- **Premium**: what a year of the programme costs for one BPU participant paid from a regional
  budget (:func:`ucjlib.contributions.programme_premium`: JKM Rp6.800 a month).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter

from ucjlib import config, contributions
from ucjlib.analysis.plots import PALETTE, _despine, _plain_text
from ucjlib.formatting import format_percent
from ucjlib.model.region import RegionModel
from ucjlib.periods import period_end, period_start

SPENDING_REALISED, SPENDING_PLANNED = "apbd_spending_realised", "apbd_spending_planned"
REVENUE_PLANNED = "apbd_revenue_planned"
# The indicator a source's contributions received (iuran) would be stored as: none is in the
# vocabulary yet, since no source in data/raw/ prints them, so no loss ratio can be computed.
CONTRIBUTIONS_INDICATOR = "contributions_received"
BENEFIT_PROGRAMMES = ("JKM", "JKK")
# What a claim pays, where the law fixes one amount.
FIXED_BENEFIT = {"JKM": config.JKM_DEATH_BENEFIT}


# -- the next step against the APBD ----------------------------------------------------------


def nearest_spending(budgets: pd.DataFrame, code: str, year: int) -> pd.DataFrame:
    """The APBD spending figures of region ``code`` for the budget year nearest to ``year``
    (the earlier of two equally near): realised ones where that year has any, else planned.
    Empty when the region has no spending figure.

    Examples
    --------
    >>> budgets = pd.DataFrame({"region_code": ["18", "18", "18"], "year": [2025, 2025, 2026],
    ...     "indicator": ["apbd_spending_planned", "apbd_spending_planned", "apbd_revenue_planned"],
    ...     "value": [7.642e12, 7.780e12, 7.6e12]})
    >>> nearest_spending(budgets, "18", 2028)["value"].tolist()  # 2026 gives revenue only
    [7642000000000.0, 7780000000000.0]
    """
    spending = budgets[
        (budgets["region_code"] == code) & budgets["indicator"].isin([SPENDING_REALISED, SPENDING_PLANNED])
    ]
    if spending.empty:
        return spending
    nearest = min(set(spending["year"]), key=lambda y: (abs(y - year), y))
    rows = spending[spending["year"] == nearest]
    realised = rows[rows["indicator"] == SPENDING_REALISED]
    return realised if not realised.empty else rows


def _without_spending(budgets: pd.DataFrame, code: str) -> str:
    """Why a region has no spending figure: revenue only, or no budget figure at all."""
    if (budgets["region_code"] == code).any():
        return "revenue only"
    return "no APBD figure"


def next_step_affordability(models: list[RegionModel], budgets: pd.DataFrame) -> pd.DataFrame:
    """For each region with a costed next step: its first budget year's rupiah, per worker of the
    region's worker base and per participant it adds, and as a share of the nearest APBD's spending.

    Columns: ``base`` says how the worker base was obtained (:attr:`ucjlib.model.region.WorkerBase.kind`:
    printed by a source, or estimated …); ``rupiah_per_worker`` spreads the step over every worker
    of the region's base (what it costs per worker there); ``rupiah_per_participant`` is the year's
    contribution for each new participant. ``apbd_year``, ``apbd_kind`` (planned or realised),
    ``apbd_figures`` (how many figures that year has), ``apbd_low``/``apbd_high`` (the smallest and largest) and
    ``share_low``/``share_high`` (percent of the APBD: the step against the largest and the smallest
    figure); ``apbd_missing`` says why a region has none.
    """
    rows = []
    for model in models:
        step = model.next_step
        if step is None or not step.participants_per_year or model.start is None:
            continue
        budget = step.first_budget
        spending = nearest_spending(budgets, model.code, budget.year)
        low, high = (spending["value"].min(), spending["value"].max()) if len(spending) else (np.nan, np.nan)
        rows.append(
            {
                "region_code": model.code,
                "region_name": model.name,
                "level": model.level,
                "target": f"{step.target.name} ({step.target.year})",
                "budget_year": budget.year,
                "participants_per_year": step.participants_per_year,
                "rupiah": budget.rupiah,
                "workers": model.start.workers,
                "base": model.workers.kind if model.workers else "hypothetical",
                "rupiah_per_worker": budget.rupiah / model.start.workers,
                "rupiah_per_participant": budget.rupiah / budget.participants,
                "apbd_year": int(spending["year"].iloc[0]) if len(spending) else None,
                "apbd_kind": spending["indicator"].iloc[0].rsplit("_", 1)[1] if len(spending) else "",
                "apbd_figures": len(spending),
                "apbd_low": low,
                "apbd_high": high,
                "share_low": budget.rupiah / high * 100,
                "share_high": budget.rupiah / low * 100,
                "apbd_missing": "" if len(spending) else _without_spending(budgets, model.code),
            }
        )
    return pd.DataFrame(rows).astype({"apbd_year": "Int64"})


@_plain_text
def share_chart(affordability: pd.DataFrame, title: str, language: str = "en"):
    """One bar per region with an APBD figure: its next step's first budget year as a percent of
    that APBD's spending, largest on top; where a year has two figures (original and amended), the
    bar reaches the share of the smaller and a tick marks the share of the larger."""
    frame = affordability.dropna(subset=["share_high"]).sort_values("share_high").reset_index(drop=True)
    labels = [f"{row.region_name} (APBD {int(row.apbd_year)})" for row in frame.itertuples()]
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(frame) + 1.2), dpi=96)
    ax.barh(range(len(frame)), frame["share_high"], color=PALETTE[0], edgecolor="black", linewidth=0.5)
    two = frame[frame["apbd_figures"] > 1]
    ax.plot(two["share_low"], two.index, marker="|", markersize=12, color="black", linestyle="")
    ax.set_yticks(range(len(frame)), labels, fontsize=8)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _: format_percent(value, language, 2)))
    ax.set_title(title, fontsize=11, loc="left")
    _despine(ax)
    fig.tight_layout()
    return fig


def budgets_without_step(models: list[RegionModel], budgets: pd.DataFrame) -> pd.DataFrame:
    """Regions with an APBD spending figure but no costed next step, and why the model has none."""
    by_code = {model.code: model for model in models}
    spending = budgets[budgets["indicator"].isin([SPENDING_REALISED, SPENDING_PLANNED])]
    rows = []
    for code, name in dict(zip(spending["region_code"], spending["region_name"], strict=True)).items():
        model = by_code.get(code)
        step = model and model.next_step
        if step and step.participants_per_year and model.start is not None:
            continue
        if model is None:
            reason = "no UCJ figure in the data"
        elif model.coverage is None:
            reason = "no coverage figure"
        elif model.first_open is None:
            reason = "no open target"
        elif model.start is None:
            reason = "no worker base to cost the gap on"
        else:
            reason = "no participants to add on the model's worker base"
        rows.append({"region_code": code, "region_name": name, "reason": reason})
    return pd.DataFrame(rows, columns=["region_code", "region_name", "reason"])


# -- benefits against premiums ---------------------------------------------------------------


def months_in(period: str) -> int:
    """Calendar months a normalised period covers, both ends included.

    Examples
    --------
    >>> months_in("2024-01/2025-03"), months_in("2023"), months_in("2024-01/2024-06")
    (15, 12, 6)
    """
    start, end = period_start(period.split("/")[0]), period_end(period)
    return (end.year - start.year) * 12 + end.month - start.month + 1


def expected_benefit(claims: float, participants: float, years: float, benefit: float) -> float:
    """Expected benefit per participant-year: claims ÷ participants ÷ years × benefit.

    Examples
    --------
    1.000 deaths a year among 1 million participants, Rp42 juta each: 0,1% × 42 juta.

    >>> expected_benefit(1_000, 1_000_000, 1, 42_000_000)
    42000.0
    """
    return claims / participants / years * benefit


def _totals(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[(rows["group"] == "") & (rows["funding"] == "")]


def _participants_for(observations: pd.DataFrame, code: str, programme: str, period: str) -> pd.Series | None:
    """The region's active participants (a total) dated nearest to the middle of ``period``; between
    two equally near, one counted for the programme (e.g. "JKK dan JKM"), then the earlier."""
    rows = _totals(
        observations[(observations["region_code"] == code) & (observations["indicator"] == "active_participants")]
    )
    rows = rows[(rows["programme"] == "") | rows["programme"].str.contains(programme, regex=False)]
    if rows.empty:
        return None
    start, end = period_start(period.split("/")[0]), period_end(period)
    middle = start + (end - start) / 2
    distance = rows["as_of"].map(lambda as_of: abs((period_end(as_of) - middle).days))
    order = pd.DataFrame(
        {"distance": distance, "general": rows["programme"] == "", "end": rows["as_of"].map(period_end)}
    ).sort_values(["distance", "general", "end"], kind="stable")
    return rows.loc[order.index[0]]


def benefits_against_premiums(observations: pd.DataFrame) -> pd.DataFrame:
    """For each region and period with a JKM or JKK claims count and a participant count: claims per
    participant-year, the expected benefit (JKM: × the death benefit) and what was paid per
    participant-year where the same period's claims paid are printed, against a year's premium of
    that programme for a BPU participant paid from a regional budget.

    The participants are one printed count (not an average over the period): see
    :func:`_participants_for`. ``expected_ratio`` and ``paid_ratio`` are the expected and the paid
    benefit per participant-year ÷ the premium (above 1: more comes back than the budget pays in).
    The nation's participants are mostly wage earners, whose premium is a share of the wage, so
    its ratios only say what the BPU premium would buy at the nation's claims rate.
    """
    claims = _totals(observations[observations["indicator"] == "claims_count"])
    claims = claims[claims["programme"].isin(BENEFIT_PROGRAMMES)]
    paid_rows = observations[observations["indicator"] == "claims_paid"]
    rows = []
    for claim in claims.itertuples(index=False):
        participants = _participants_for(observations, claim.region_code, claim.programme, claim.as_of)
        if participants is None:
            continue
        years = months_in(claim.as_of) / 12
        persons = float(participants["value"])
        rate = claim.value / persons / years
        benefit = FIXED_BENEFIT.get(claim.programme)
        paid = paid_rows[
            (paid_rows["region_code"] == claim.region_code)
            & (paid_rows["programme"] == claim.programme)
            & (paid_rows["as_of"] == claim.as_of)
        ]
        premium = contributions.programme_premium(claim.programme, period_start(claim.as_of.split("/")[0]))
        expected = expected_benefit(claim.value, persons, years, benefit) if benefit else np.nan
        paid_per_year = float(paid["value"].iloc[0]) / persons / years if len(paid) == 1 else np.nan
        rows.append(
            {
                "region_code": claim.region_code,
                "region_name": claim.region_name,
                "programme": claim.programme,
                "period": claim.as_of,
                "years": years,
                "claims": claim.value,
                "participants": persons,
                "participants_as_of": participants["as_of"],
                "claims_per_year": rate * 100,
                "benefit": benefit if benefit else np.nan,
                "expected_per_participant_year": expected,
                "paid_per_participant_year": paid_per_year,
                "premium_per_year": premium,
                "expected_ratio": expected / premium,
                "paid_ratio": paid_per_year / premium,
                "source_id": claim.source_id,
            }
        )
    return pd.DataFrame(rows)


def national_loss_ratio(observations: pd.DataFrame) -> pd.DataFrame:
    """The nation's claims paid per programme (JKK, JKM) and period against the contributions
    received for it, where a source prints both; ``contributions`` is empty and ``missing`` says
    so where none does (no source in data/raw/ prints contributions received yet)."""
    national = observations[observations["region_code"] == "00"]
    paid = national[(national["indicator"] == "claims_paid") & national["programme"].isin(BENEFIT_PROGRAMMES)]
    received = national[national["indicator"] == CONTRIBUTIONS_INDICATOR]
    rows = []
    for claim in paid.itertuples(index=False):
        match = received[(received["programme"] == claim.programme) & (received["as_of"] == claim.as_of)]
        contributions_received = float(match["value"].iloc[0]) if len(match) == 1 else np.nan
        rows.append(
            {
                "programme": claim.programme,
                "period": claim.as_of,
                "claims_paid": claim.value,
                "contributions": contributions_received,
                "loss_ratio": claim.value / contributions_received * 100 if len(match) == 1 else np.nan,
                "missing": ""
                if len(match) == 1
                else f"no source in data/raw/ prints {claim.programme} contributions received for {claim.as_of}",
                "source_id": claim.source_id,
            }
        )
    return pd.DataFrame(rows)
