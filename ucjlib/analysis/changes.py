"""Change over time: each region's consecutive coverage figures, how fast coverage moved
between them and whether its denominator moved too.

A rise in coverage is growth in enrolment only if the worker base stayed put: the
basis-change check (:data:`ucjlib.data.checks.BASIS_CHANGED`) compares the two bases where both
are known, and its verdict is carried here, never recomputed. Where the check cannot compare
(one base unknown) but one figure states BPS's worker count as its base and the other prints
its own base, the two are compared with BPS's employed persons for the region
(``data/processed/labour_force.csv``): Papua's 10% (2023, "tenaga kerja menurut BPS") and its
59,16% (2024, on 240.009 workers, half of BPS's 475.110) are on two different bases.

A change over less than ``ANNUALISE_FROM_MONTHS`` months is shown as the change over its months,
never scaled to a year: a move over two or six months says nothing about a year's pace (a
January turnover of budget-sponsored members, or one campaign, can make it).
"""

from __future__ import annotations

import pandas as pd

from ucjlib import config
from ucjlib.data.checks import BASIS_CHANGED
from ucjlib.data.processed import totals
from ucjlib.model.projections import TrendFit, fit_trend
from ucjlib.model.region import MINIMUM_TREND_POINTS, RegionModel
from ucjlib.periods import period_end

ANNUALISE_FROM_MONTHS = 12  # changes over fewer months keep points_per_year empty (issue 28 §2)
BPS_STATED = "bps"  # a stated basis naming BPS ("tenaga kerja menurut BPS") means BPS's worker count
# How the denominator verdict was reached.
BY_CHECK, BY_BPS = "worker bases compared (check)", "stated BPS count vs printed base"

CHANGE_COLUMNS = [
    "region_code",
    "region_name",
    "level",
    "from_as_of",
    "from_value",
    "to_as_of",
    "to_value",
    "months",
    "points",
    "points_per_year",
    "base_change",
    "denominator",
    "denominator_evidence",
    "from_basis",
    "to_basis",
    "from_source",
    "to_source",
]


def months_between(earlier: str, later: str) -> int:
    """Whole months from the end of one period to the end of another.

    Examples
    --------
    >>> months_between("2024-12", "2025-09-25"), months_between("2023", "2025-06")
    (9, 18)
    """
    start, end = period_end(earlier), period_end(later)
    return (end.year - start.year) * 12 + end.month - start.month


def _denominator(model: RegionModel, later) -> tuple[float | None, str]:
    """The basis-change check's verdict for the figure ``later``: the change of the worker
    base in percent, and ``same``, ``changed`` or ``unknown`` (a base is missing)."""
    checks = model.checks
    found = checks[
        (checks["check"] == BASIS_CHANGED) & (checks["as_of"] == later.as_of) & (checks["source_id"] == later.source_id)
    ]
    if found.empty:
        return None, "unknown"
    verdict = found.iloc[0]
    return float(verdict["recomputed"]), "changed" if verdict["status"] == "flag" else "same"


def printed_base(model: RegionModel, reading) -> float | None:
    """The worker base printed beside a coverage figure (same source and date), else the
    participants printed beside it ÷ the figure × 100; None when neither is printed."""
    rows = totals(model.figures)
    rows = rows[(rows["source_id"] == reading.source_id) & (rows["as_of"] == reading.as_of)]
    for indicator, scale in (("workers", None), ("active_participants", reading.value)):
        found = rows[rows["indicator"] == indicator]
        if not found.empty:
            value = float(found["value"].iloc[0])
            return value if scale is None else value / scale * 100
    return None


def bps_employed(labour_force: pd.DataFrame, region_code: str, as_of: str) -> tuple[float, str] | None:
    """BPS's employed persons for a region at the date nearest ``as_of`` (value, date), or None.

    Examples
    --------
    >>> lf = pd.DataFrame({"region_code": ["91", "91"], "indicator": ["employed_persons"] * 2,
    ...                    "value": [475_110.0, 434_020.0], "as_of": ["2025-02", "2025-08"]})
    >>> bps_employed(lf, "91", "2023-09")
    (475110.0, '2025-02')
    """
    rows = labour_force[
        (labour_force["region_code"] == region_code) & (labour_force["indicator"] == "employed_persons")
    ]
    if rows.empty:
        return None
    target = period_end(as_of)
    distance = rows["as_of"].map(lambda when: abs((period_end(when) - target).days))
    nearest = rows.loc[distance.idxmin()]
    return float(nearest["value"]), str(nearest["as_of"])


def _stated_bps(model: RegionModel, earlier, later, labour_force: pd.DataFrame) -> float | None:
    """When one figure states BPS's count as its base and the other prints its own base, the
    change from BPS's employed persons to that base (or back), in percent; else None."""
    for stated, other, sign in ((earlier, later, 1), (later, earlier, -1)):
        if BPS_STATED not in stated.basis.lower() or printed_base(model, stated) is not None:
            continue
        base, bps = printed_base(model, other), bps_employed(labour_force, model.code, stated.as_of)
        if base is not None and bps is not None:
            ratio = base / bps[0] if sign == 1 else bps[0] / base
            return (ratio - 1) * 100
    return None


def coverage_changes(models: list[RegionModel], labour_force: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per pair of consecutive total coverage figures of a region (oldest first), for
    every region with two or more; figures of the same date are not a change and are skipped.

    ``points_per_year`` is empty for a change over less than ``ANNUALISE_FROM_MONTHS`` months.
    ``denominator`` is the basis-change check's verdict, or, where it cannot compare and
    ``labour_force`` is given, a stated BPS count set against the other figure's printed base
    (``denominator_evidence`` says which); ``from_basis`` and ``to_basis`` are the bases as stated."""
    rows = []
    for model in models:
        history = sorted(model.coverage_history, key=lambda reading: period_end(reading.as_of))
        for earlier, later in zip(history, history[1:], strict=False):
            months = months_between(earlier.as_of, later.as_of)
            if months <= 0:
                continue
            points = later.value - earlier.value
            base_change, denominator = _denominator(model, later)
            evidence = BY_CHECK if denominator != "unknown" else ""
            if denominator == "unknown" and labour_force is not None:
                stated = _stated_bps(model, earlier, later, labour_force)
                if stated is not None:
                    base_change, evidence = stated, BY_BPS
                    denominator = "changed" if abs(stated) > config.BASIS_CHANGE_TOLERANCE * 100 else "same"
            rows.append(
                {
                    "region_code": model.code,
                    "region_name": model.name,
                    "level": model.level,
                    "from_as_of": earlier.as_of,
                    "from_value": earlier.value,
                    "to_as_of": later.as_of,
                    "to_value": later.value,
                    "months": months,
                    "points": points,
                    "points_per_year": points / months * 12 if months >= ANNUALISE_FROM_MONTHS else None,
                    "base_change": base_change,
                    "denominator": denominator,
                    "denominator_evidence": evidence,
                    "from_basis": earlier.basis,
                    "to_basis": later.basis,
                    "from_source": earlier.source_id,
                    "to_source": later.source_id,
                }
            )
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS).astype({"points_per_year": float, "base_change": float})


def change_summary(changes: pd.DataFrame) -> dict:
    """Counts a findings cell prints: pairs, regions, pairs by denominator verdict, pairs over less
    than a year (not annualised), and the median yearly change of the pairs on an unchanged base
    over a year or more."""
    same = changes[(changes["denominator"] == "same") & changes["points_per_year"].notna()]
    return {
        "pairs": len(changes),
        "under_a_year": int((changes["months"] < ANNUALISE_FROM_MONTHS).sum()),
        "regions": changes["region_code"].nunique(),
        **{verdict: int((changes["denominator"] == verdict).sum()) for verdict in ("same", "changed", "unknown")},
        "median_points_per_year_same_base": float(same["points_per_year"].median()) if len(same) else None,
    }


def count_series(model: RegionModel, indicator: str = "active_participants") -> pd.DataFrame:
    """The longest series of one source's total ``indicator`` figures (one source counts one
    way: the national registration-based count is not the address-based one), oldest first,
    with ``basis`` set to the source so that :func:`ucjlib.model.projections.fit_trend` keeps it whole."""
    rows = totals(model.figures)
    rows = rows[rows["indicator"] == indicator].drop_duplicates(["source_id", "as_of"])
    if rows.empty:
        return pd.DataFrame(columns=["as_of", "value", "basis"])
    longest = rows["source_id"].value_counts(sort=False).idxmax()
    series = rows[rows["source_id"] == longest]
    series = series.assign(_end=series["as_of"].map(period_end)).sort_values("_end")
    return pd.DataFrame(
        {"as_of": series["as_of"], "value": series["value"].astype(float), "basis": longest}
    ).reset_index(drop=True)


def count_trend(series: pd.DataFrame, minimum: int = MINIMUM_TREND_POINTS) -> TrendFit | None:
    """A linear trend of a count series (see :func:`count_series`), or None with too few points."""
    return fit_trend(series, minimum, scale="linear") if len(series) >= minimum else None
