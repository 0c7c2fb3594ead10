"""Headline figures per region, straight from the processed observations."""

from __future__ import annotations

import pandas as pd

from .parse import period_end


def latest(processed: pd.DataFrame, region_code: str, indicator: str, **qualifiers: str) -> pd.Series | None:
    """The most recent observation of an indicator for a region (``None`` if there is none).

    Ties on the date go to the row that comes first in the raw file.
    """
    rows = processed[(processed["region_code"] == region_code) & (processed["indicator"] == indicator)]
    for column, value in qualifiers.items():
        rows = rows[rows[column] == value]
    if rows.empty:
        return None
    ends = rows["as_of"].map(period_end)
    return rows.assign(_end=ends).sort_values(["_end", "raw_line"], ascending=[False, True]).iloc[0].drop("_end")


def region_summary(processed: pd.DataFrame) -> pd.DataFrame:
    """One row per sub-national region: its latest coverage with date and source, and how
    many figures the data holds for it.

    Examples
    --------
    >>> from ucjlib.processed import load_processed
    >>> table = region_summary(load_processed())
    >>> float(table.set_index("region_name").loc["Kabupaten Labuhanbatu", "coverage"])
    36.48
    """
    rows = []
    regions = processed[processed["level"] != "national"].drop_duplicates("region_code")
    for region in regions.sort_values("region_code").itertuples(index=False):
        coverage = latest(processed, region.region_code, "ucj_coverage")
        rows.append({
            "region_code": region.region_code,
            "region_name": region.region_name,
            "level": region.level,
            "coverage": None if coverage is None else coverage["value"],
            "coverage_as_printed": None if coverage is None else coverage["value_as_printed"],
            "as_of": None if coverage is None else coverage["as_of"],
            "source": None if coverage is None else coverage["outlet"],
            "figures": int((processed["region_code"] == region.region_code).sum()),
        })
    return pd.DataFrame(rows)
