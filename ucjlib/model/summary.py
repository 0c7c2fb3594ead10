"""Headline figures per region, straight from the processed observations."""

from __future__ import annotations

import pandas as pd

from ucjlib.model.region import coverage_history


def region_summary(processed: pd.DataFrame) -> pd.DataFrame:
    """One row per sub-national region: its headline coverage (the region model's) with date and
    source, and how many figures the data holds for it.

    Examples
    --------
    >>> from ucjlib.data.processed import load_processed
    >>> table = region_summary(load_processed())
    >>> float(table.set_index("region_name").loc["Kabupaten Labuhanbatu", "coverage"])
    36.48
    """
    regional = processed[processed["level"] != "national"]
    coverage = coverage_history(regional).drop_duplicates("region_code").set_index("region_code")
    counts = regional["region_code"].value_counts()
    rows = []
    for region in regional.drop_duplicates("region_code").sort_values("region_code").itertuples(index=False):
        found = region.region_code in coverage.index
        row = coverage.loc[region.region_code] if found else None
        rows.append(
            {
                "region_code": region.region_code,
                "region_name": region.region_name,
                "level": region.level,
                "coverage": row["value"] if found else None,
                "coverage_as_printed": row["value_as_printed"] if found else None,
                "as_of": row["as_of"] if found else None,
                "source": row["outlet"] if found else None,
                "figures": int(counts[region.region_code]),
            }
        )
    return pd.DataFrame(rows)


def report_regions(processed: pd.DataFrame, summary: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every region with a report: the nation first (its yardsticks and national series), then
    each region present in the data (code and name); ``summary``: the data's region_summary,
    if the caller has it."""
    national = processed.loc[processed["level"] == "national", ["region_code", "region_name"]].drop_duplicates()
    summary = region_summary(processed) if summary is None else summary
    return pd.concat([national, summary[["region_code", "region_name"]]], ignore_index=True)
