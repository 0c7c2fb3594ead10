"""Who is uncovered: participants by membership segment, and the gap split by sector into
what enforcement closes and what a subsidy closes.

Method: where a source gives a sector's workers and participants (or its coverage) for the
formal and the informal sector, each sector's uncovered workers are its workers minus its
participants; the *enforcement share* is the formal sector's part of the uncovered. Where a
source prints only the two sectors' coverage beside the region's total coverage and workers,
the formal share of workers f solves total = f·formal + (1 − f)·informal. Limits: the
sectors are the sources' own (formal is mostly wage earners, PU, plus construction, Jakon;
informal mostly non-wage earners, BPU), their bases may not add up to the region's, and the
figures are one source's, at one date.
"""

from __future__ import annotations

import pandas as pd

from ucjlib import config
from ucjlib.data.processed import membership_segments, totals

SHARE_COLUMNS = ["region_code", "region_name", "source_id", "as_of", "group", "group_en", "participants", "share"]
SECTOR_COLUMNS = [
    "region_code",
    "region_name",
    "source_id",
    "as_of",
    "method",
    "formal_workers",
    "informal_workers",
    "formal_coverage",
    "informal_coverage",
    "formal_uncovered",
    "informal_uncovered",
    "enforcement_share",
]
SECTORS = (config.FORMAL_SECTOR, config.INFORMAL_SECTOR)


def segment_shares(observations: pd.DataFrame) -> pd.DataFrame:
    """Each membership segment's participants as a share of the segments a source prints for
    one region and date (two segments or more)."""
    frames = []
    for _, figures in observations.groupby(["region_code", "source_id", "as_of"], sort=True):
        printed = membership_segments(figures)
        if len(printed) < 2:
            continue
        frames.append(
            printed.assign(participants=printed["value"], share=printed["value"] / printed["value"].sum() * 100)
        )
    if not frames:
        return pd.DataFrame(columns=SHARE_COLUMNS)
    return pd.concat(frames)[SHARE_COLUMNS].reset_index(drop=True)


def _sector_figure(printed: pd.DataFrame, indicator: str, sector: str) -> float | None:
    found = printed[(printed["indicator"] == indicator) & (printed["group"] == sector)]
    return float(found["value"].iloc[0]) if len(found) else None


def _total(printed: pd.DataFrame, indicator: str) -> float | None:
    found = totals(printed[printed["indicator"] == indicator])
    return float(found["value"].iloc[0]) if len(found) else None


def _sector(printed: pd.DataFrame, sector: str) -> tuple[float | None, float | None]:
    """A sector's workers and coverage in percent, as printed or from its participants."""
    workers = _sector_figure(printed, "workers", sector)
    coverage = _sector_figure(printed, "ucj_coverage", sector)
    participants = _sector_figure(printed, "participants_by_group", sector)
    if coverage is None and workers and participants is not None:
        coverage = participants / workers * 100
    return workers, coverage


def sector_split(printed: pd.DataFrame) -> dict | None:
    """The gap of one source, region and date split by sector (see the module's method), or
    None when the figures do not allow it."""
    (formal_workers, formal), (informal_workers, informal) = (_sector(printed, sector) for sector in SECTORS)
    if formal is None or informal is None:
        return None
    method = "sector bases"
    if formal_workers is None or informal_workers is None:
        total, workers = _total(printed, "ucj_coverage"), _total(printed, "workers")
        if total is None or workers is None or formal == informal:
            return None
        formal_share = (total - informal) / (formal - informal)
        if not 0 < formal_share < 1:
            return None
        formal_workers, informal_workers, method = workers * formal_share, workers * (1 - formal_share), "sector rates"
    formal_uncovered = formal_workers * (1 - formal / 100)
    informal_uncovered = informal_workers * (1 - informal / 100)
    return {
        "method": method,
        "formal_workers": formal_workers,
        "informal_workers": informal_workers,
        "formal_coverage": formal,
        "informal_coverage": informal,
        "formal_uncovered": formal_uncovered,
        "informal_uncovered": informal_uncovered,
        "enforcement_share": formal_uncovered / (formal_uncovered + informal_uncovered) * 100,
    }


def sector_gaps(observations: pd.DataFrame) -> pd.DataFrame:
    """:func:`sector_split` for every region, source and date whose figures allow it."""
    rows = []
    sectors = observations[observations["group"].isin(SECTORS)]
    for (code, source, as_of), _ in sectors.groupby(["region_code", "source_id", "as_of"], sort=True):
        printed = observations[
            (observations["region_code"] == code)
            & (observations["source_id"] == source)
            & (observations["as_of"] == as_of)
        ]
        split = sector_split(printed)
        if split is not None:
            rows.append(
                {
                    "region_code": code,
                    "region_name": printed["region_name"].iloc[0],
                    "source_id": source,
                    "as_of": as_of,
                    **split,
                }
            )
    return pd.DataFrame(rows, columns=SECTOR_COLUMNS)


def with_budgets(gaps: pd.DataFrame, monthly_rate: float = config.BPU_JKK_JKM_MONTHLY) -> pd.DataFrame:
    """:func:`sector_gaps` with a year of BPU contributions at ``monthly_rate`` for every
    uncovered worker (the whole gap costed as a subsidy, as a budget line would) and for the
    informal sector's alone (what a subsidy has to pay once employers register wage earners)."""
    year = 12 * monthly_rate
    return gaps.assign(
        whole_gap_rupiah=(gaps["formal_uncovered"] + gaps["informal_uncovered"]) * year,
        subsidy_rupiah=gaps["informal_uncovered"] * year,
    )
