"""A provincial panel (issue 28 §4): 38 provinces × 2021–2025, and whether it can bear a regression.

The 62-region cross-section is chosen by the news and on mixed bases, so it cannot bear a
regression. A panel of provinces can, if it is filled: the outcome is coverage on one common
denominator, **active participants (as reported for the province) ÷ BPS employed persons × 100**,
against the informal share of employment (BPS), planned APBD spending per employed person, and
the poverty rate, with province fixed effects and standard errors clustered by province
(statsmodels OLS, ``C(province)``, ``cov_type="cluster"``).

One figure per province and year for each variable: BPS figures of August (Sakernas' annual
reference) before February; participant counts the latest of the year (then source priority);
budgets the last listed for the year (an amended budget is listed after the original).

The fit is refused, saying why, unless the complete province-years reach ``MINIMUM_OBSERVATIONS``
in at least ``MINIMUM_PROVINCES`` provinces that each have two or more years (fixed effects use
only the change within a province), with ``MINIMUM_DF`` residual degrees of freedom left.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ucjlib import paths
from ucjlib.data.parse import parse_figure
from ucjlib.data.processed import by_priority
from ucjlib.data.regions import RegionTable
from ucjlib.errors import UCJError
from ucjlib.periods import period_end

PANEL_YEARS = tuple(range(2021, 2026))
COVARIATES = ("informal_share", "apbd_per_worker", "poverty_rate")
OUTCOME = "coverage_on_employed"
MINIMUM_OBSERVATIONS = 30  # complete province-years
MINIMUM_PROVINCES = 10  # provinces with two or more complete years (clusters)
MINIMUM_DF = 10  # residual degrees of freedom after the province effects and slopes
PANEL_COLUMNS = [
    "province_code",
    "province_name",
    "year",
    "participants",
    "participants_as_of",
    "participants_source",
    "registration_based",
    "employed",
    "employed_as_of",
    OUTCOME,
    "informal_share",
    "apbd_spending",
    "apbd_per_worker",
    "poverty_rate",
]
# Sources whose provincial counts are by registration location, not by the holder's KTP address
# (their rows' notes say so; DOMAIN.md §1: a different quantity). Kept, and flagged in the panel.
REGISTRATION_BASED = ("databoks-nasional-2025-04",)
SOURCES = {
    "participants": "data/raw/observations.csv: active_participants, province totals (news and BPJS pages)",
    "employed": "data/raw/labour_force.csv: employed_persons (BPS, Sakernas, as quoted by news pages)",
    "informal_share": "data/raw/labour_force.csv: informal_share (BPS, Sakernas)",
    "apbd_spending": "data/raw/regional_budgets.csv: apbd_spending_planned (council plenaries, DJPK)",
    "poverty_rate": "data/raw/observations.csv: poverty_rate, province figures",
}


class PanelError(UCJError, ValueError):
    """A panel too thin to fit."""


def read_regional_budgets(path: Path | None = None, regions: RegionTable | None = None) -> pd.DataFrame:
    """``data/raw/regional_budgets.csv`` parsed: region code, indicator, year, value (rupiah), in
    file order. Read here until the build processes the file; swap this function for the
    processed table then.

    Examples
    --------
    >>> budgets = read_regional_budgets()
    >>> jabar = budgets[(budgets["region_code"] == "32") & (budgets["indicator"] == "apbd_spending_planned")]
    >>> jabar[["year", "value"]].values.tolist()  # "Rp29,829 triliun"
    [[2026.0, 29829000000000.0]]
    """
    path = path or paths.raw_dir() / "regional_budgets.csv"
    if not path.exists():
        return pd.DataFrame(columns=["region_code", "indicator", "year", "value"])
    regions = regions or RegionTable.current()
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return pd.DataFrame(
        {
            "region_code": [
                regions.resolve(name, level, province).code
                for name, level, province in zip(raw["region"], raw["level"], raw["province"], strict=False)
            ],
            "indicator": raw["indicator"],
            "year": raw["year"].astype(int),
            "value": [parse_figure(text).value for text in raw["value"]],
        }
    )


def _year(as_of: pd.Series) -> pd.Series:
    return as_of.map(lambda when: period_end(when).year)


def _bps_per_year(labour_force: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """One BPS figure per province and year: August's, else the latest of the year."""
    rows = labour_force[(labour_force["level"] == "province") & (labour_force["indicator"] == indicator)]
    rows = rows.assign(
        year=_year(rows["as_of"]), _august=rows["as_of"].str[5:7] == "08", _end=rows["as_of"].map(period_end)
    )
    rows = rows.sort_values(["_august", "_end", "raw_line"], ascending=[False, False, True], kind="stable")
    return rows.drop_duplicates(["region_code", "year"])[["region_code", "year", "value", "as_of"]]


def _totals_per_year(observations: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """One province total of ``indicator`` per year: the latest of the year, then by source priority."""
    rows = observations[(observations["level"] == "province") & (observations["indicator"] == indicator)]
    for column in ("group", "programme", "funding"):
        rows = rows[rows[column] == ""]
    rows = by_priority(rows)
    rows = rows.assign(year=_year(rows["as_of"]), _end=rows["as_of"].map(period_end))
    rows = rows.sort_values("_end", ascending=False, kind="stable")
    return rows.drop_duplicates(["region_code", "year"])[["region_code", "year", "value", "as_of", "source_id"]]


def assemble_panel(
    observations: pd.DataFrame,
    labour_force: pd.DataFrame,
    budgets: pd.DataFrame | None = None,
    provinces: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The province × year panel: one row for each of the 38 provinces and each year 2021–2025
    (190 rows), empty where the public data has no figure. ``provinces``: code and name of each
    province (default: the Kemendagri master list)."""
    if provinces is None:
        master = pd.read_csv(paths.raw_dir() / "regions.csv", dtype=str, keep_default_na=False)
        provinces = master[master["level"] == "province"][["code", "name"]]
    grid = pd.MultiIndex.from_product([provinces["code"], PANEL_YEARS], names=["province_code", "year"]).to_frame(
        index=False
    )
    grid = grid.merge(provinces.rename(columns={"code": "province_code", "name": "province_name"}), on="province_code")

    def join(frame: pd.DataFrame, columns: dict) -> None:
        nonlocal grid
        frame = frame.rename(columns={"region_code": "province_code", **columns})
        grid = grid.merge(frame[["province_code", "year", *columns.values()]], on=["province_code", "year"], how="left")

    participants = _totals_per_year(observations, "active_participants")
    join(participants, {"value": "participants", "as_of": "participants_as_of", "source_id": "participants_source"})
    join(_bps_per_year(labour_force, "employed_persons"), {"value": "employed", "as_of": "employed_as_of"})
    join(_bps_per_year(labour_force, "informal_share"), {"value": "informal_share"})
    budgets = read_regional_budgets() if budgets is None else budgets
    spending = budgets[budgets["indicator"] == "apbd_spending_planned"].drop_duplicates(
        ["region_code", "year"], keep="last"
    )
    join(spending, {"value": "apbd_spending"})
    join(_totals_per_year(observations, "poverty_rate"), {"value": "poverty_rate"})
    grid["registration_based"] = grid["participants_source"].isin(REGISTRATION_BASED)
    grid[OUTCOME] = grid["participants"] / grid["employed"] * 100
    grid["apbd_per_worker"] = grid["apbd_spending"] / grid["employed"]
    return grid[PANEL_COLUMNS].sort_values(["province_code", "year"], kind="stable").reset_index(drop=True)


def panel_fill(panel: pd.DataFrame) -> pd.DataFrame:
    """How many province-years of the panel have each variable, of how many, and in how many provinces."""
    variables = [
        "participants",
        "employed",
        OUTCOME,
        "informal_share",
        "apbd_spending",
        "apbd_per_worker",
        "poverty_rate",
    ]
    return pd.DataFrame(
        [
            {
                "variable": name,
                "filled": int(panel[name].notna().sum()),
                "of": len(panel),
                "provinces": int(panel.loc[panel[name].notna(), "province_code"].nunique()),
                "years": ", ".join(str(y) for y in sorted(panel.loc[panel[name].notna(), "year"].unique())),
            }
            for name in variables
        ]
    )


@dataclass(frozen=True)
class PanelFit:
    """A fitted fixed-effects regression: the statsmodels result and the sample it used."""

    result: object
    n: int
    provinces: int
    covariates: tuple[str, ...]


def usable_sample(panel: pd.DataFrame, covariates: tuple[str, ...] = COVARIATES) -> pd.DataFrame:
    """Complete province-years of the outcome and ``covariates``, kept only in provinces with two
    or more of them (a province seen once adds nothing to a fixed-effects estimate)."""
    complete = panel.dropna(subset=[OUTCOME, *covariates])
    seen = complete["province_code"].map(complete["province_code"].value_counts())
    return complete[seen >= 2]


def fit_panel(panel: pd.DataFrame, covariates: tuple[str, ...] = COVARIATES) -> PanelFit:
    """Coverage on BPS employed against ``covariates``, with province fixed effects and standard
    errors clustered by province; refuses a sample below the minimums, saying which variable is short.

    Examples
    --------
    >>> empty = pd.DataFrame(columns=PANEL_COLUMNS)
    >>> fit_panel(empty)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ucjlib.analysis.panel.PanelError: cannot fit: 0 complete province-years in 0 provinces ...
    """
    sample = usable_sample(panel, covariates)
    n, groups = len(sample), sample["province_code"].nunique()
    df = n - groups - len(covariates)
    if n < MINIMUM_OBSERVATIONS or groups < MINIMUM_PROVINCES or df < MINIMUM_DF:
        short = ", ".join(f"{name} {int(panel[name].notna().sum())}" for name in (OUTCOME, *covariates))
        raise PanelError(
            f"cannot fit: {n} complete province-years in {groups} provinces with two or more years "
            f"({df} residual degrees of freedom); the minimum is {MINIMUM_OBSERVATIONS} in {MINIMUM_PROVINCES} "
            f"provinces with {MINIMUM_DF} degrees of freedom. Filled of {len(panel)}: {short}."
        )
    import statsmodels.formula.api as smf

    formula = f"{OUTCOME} ~ {' + '.join(covariates)} + C(province_code)"
    result = smf.ols(formula, data=sample).fit(cov_type="cluster", cov_kwds={"groups": sample["province_code"]})
    return PanelFit(result, n, groups, tuple(covariates))
