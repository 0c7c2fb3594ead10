"""Change over time: each region's consecutive coverage figures, how fast coverage moved
between them and whether its denominator moved too.

A rise in coverage is growth in enrolment only if the worker base stayed put: the
basis-change check (:data:`ucjlib.data.checks.BASIS_CHANGED`) compares the two bases where both
are known, and its verdict is carried here, never recomputed.
"""

from __future__ import annotations

import pandas as pd

from ucjlib.data.checks import BASIS_CHANGED
from ucjlib.data.processed import totals
from ucjlib.model.projections import TrendFit, fit_trend
from ucjlib.model.region import MINIMUM_TREND_POINTS, RegionModel
from ucjlib.periods import period_end

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


def coverage_changes(models: list[RegionModel]) -> pd.DataFrame:
    """One row per pair of consecutive total coverage figures of a region (oldest first), for
    every region with two or more; figures of the same date are not a change and are skipped."""
    rows = []
    for model in models:
        history = sorted(model.coverage_history, key=lambda reading: period_end(reading.as_of))
        for earlier, later in zip(history, history[1:], strict=False):
            months = months_between(earlier.as_of, later.as_of)
            if months <= 0:
                continue
            points = later.value - earlier.value
            base_change, denominator = _denominator(model, later)
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
                    "points_per_year": points / months * 12,
                    "base_change": base_change,
                    "denominator": denominator,
                    "from_source": earlier.source_id,
                    "to_source": later.source_id,
                }
            )
    return pd.DataFrame(rows, columns=CHANGE_COLUMNS)


def change_summary(changes: pd.DataFrame) -> dict:
    """Counts a findings cell prints: pairs, regions, pairs by denominator verdict, and the
    median yearly change of the pairs on an unchanged base."""
    same = changes[changes["denominator"] == "same"]
    return {
        "pairs": len(changes),
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
