"""Known events that move coverage, and what the series that span them show.

Two events are tagged (issue 28 §2), each with the sources that name it:

- **2024 election workers leave the rolls**: the ad-hoc staff of the February 2024 election and
  the November 2024 regional elections (petugas Pemilu: KPPS, PPS, PPK) were enrolled for their
  contracts (Inpres 2/2021 names election workers) and left when the contracts ended, by the end
  of 2024. Barometer (December 2025) puts Sulawesi Utara's fall from 76,11% to 67,95% down to
  "berakhirnya kontrak petugas Pemilu"; the research notes link the national fall (45,23 → 39,35
  juta, Bisnis.com) to it.
- **January budget turnover**: a regional budget pays sponsored (APBD) participants' contributions
  for its budget year, often for only part of it (3 to 12 months, DOMAIN.md §4); when the year
  ends they lapse unless the new budget renews them, so counts drop across a January.

The test of an event is arithmetic on pairs of consecutive figures of one series (one region's
coverage, or one source's count) that span it: nothing here says the event *caused* a change.
Both events fall on the turn of 2024–2025, so across that January the two cannot be told apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ucjlib.analysis.changes import count_series, coverage_changes, months_between
from ucjlib.model.region import RegionModel
from ucjlib.periods import period_end


@dataclass(frozen=True)
class Event:
    """A known event: its boundary (the date by which it has happened; ``yearly`` repeats it
    every year on that month and day), how far either side of it a figure may lie for a pair to
    span it, where it applies, and what names it."""

    key: str
    name: str
    boundary: str  # ISO date
    months_before: int
    months_after: int
    regions: str  # "all" or the Kemendagri codes it was reported for
    sources: tuple[str, ...]  # source_id rows of data/raw/sources.csv, or a note
    note: str
    yearly: bool = False


KNOWN_EVENTS = (
    Event(
        "election-workers-2024",
        "2024 election ad-hoc workers (petugas Pemilu) leave the rolls as their contracts end",
        "2024-12-31",
        12,
        12,
        "all",
        ("barometer-sulut-2025-12", "bisnis-nasional-2025-07"),
        "Election 14 Feb 2024, regional elections 27 Nov 2024; contracts over by the end of 2024.",
    ),
    Event(
        "january-budget-turnover",
        "January budget turnover: APBD-sponsored participants lapse when the budget year ends",
        "2024-12-31",
        3,
        3,
        "all",
        ("DOMAIN.md §4 (budgets pay 3–12 months)",),
        "Yearly; a pair spans it when its figures lie in the last and first quarter of two years.",
        yearly=True,
    ),
)

EVENT_COLUMNS = ["key", "name", "boundary", "window", "regions", "sources", "note"]
PAIR_COLUMNS = [
    "region_code",
    "region_name",
    "indicator",
    "from_as_of",
    "from_value",
    "to_as_of",
    "to_value",
    "months",
    "points",
    "relative",
    "denominator",
    "from_source",
    "to_source",
]


def events_table(events: tuple[Event, ...] = KNOWN_EVENTS) -> pd.DataFrame:
    """The known events as a table a notebook shows."""
    return pd.DataFrame(
        [
            {
                "key": e.key,
                "name": e.name,
                "boundary": ("every " + e.boundary[5:]) if e.yearly else e.boundary,
                "window": f"{e.months_before} months before, {e.months_after} after",
                "regions": e.regions,
                "sources": "; ".join(e.sources),
                "note": e.note,
            }
            for e in events
        ],
        columns=EVENT_COLUMNS,
    )


def series_pairs(models: list[RegionModel], labour_force: pd.DataFrame | None = None) -> pd.DataFrame:
    """Consecutive figures of one series: each region's total coverage (points, with the
    denominator verdict of :func:`ucjlib.analysis.changes.coverage_changes`) and each region's
    longest one-source count of active participants (:func:`ucjlib.analysis.changes.count_series`).
    ``relative`` is the later figure ÷ the earlier − 1, in percent."""
    coverage = coverage_changes(models, labour_force).assign(indicator="ucj_coverage")
    counts = []
    for model in models:
        series = count_series(model)
        for (_, earlier), (_, later) in zip(series.iterrows(), series.iloc[1:].iterrows(), strict=False):
            counts.append(
                {
                    "region_code": model.code,
                    "region_name": model.name,
                    "indicator": "active_participants",
                    "from_as_of": earlier["as_of"],
                    "from_value": earlier["value"],
                    "to_as_of": later["as_of"],
                    "to_value": later["value"],
                    "months": months_between(earlier["as_of"], later["as_of"]),
                    "points": None,
                    "denominator": "one source",
                    "from_source": earlier["basis"],
                    "to_source": later["basis"],
                }
            )
    pairs = pd.concat([coverage, pd.DataFrame(counts)], ignore_index=True) if counts else coverage
    pairs = pairs.assign(relative=(pairs["to_value"] / pairs["from_value"] - 1) * 100)
    return pairs[PAIR_COLUMNS].astype({"points": float, "relative": float}).reset_index(drop=True)


def _spans(earlier: str, later: str, event: Event) -> bool:
    """Whether a pair (period ends ``earlier`` < ``later``) spans the event's boundary with
    each figure within the event's window of it (for a yearly event, any year's boundary)."""
    start, end = period_end(earlier), period_end(later)
    boundary = dt.date.fromisoformat(event.boundary)
    years = range(start.year - 1, end.year + 1) if event.yearly else [boundary.year]
    for year in years:
        at = boundary.replace(year=year)
        if start <= at < end:
            before = (at.year - start.year) * 12 + at.month - start.month
            after = (end.year - at.year) * 12 + end.month - at.month
            if before < event.months_before and after <= event.months_after:
                return True
    return False


def across_event(pairs: pd.DataFrame, event: Event) -> pd.DataFrame:
    """The pairs of :func:`series_pairs` that span ``event`` (each figure within its window of
    the boundary), oldest first.

    Examples
    --------
    A count at the end of 2024 and one in June 2025 span the end of 2024 within 12 months; a
    2023 figure is too far before it:

    >>> pairs = pd.DataFrame({"from_as_of": ["2024", "2023"], "to_as_of": ["2025-06", "2024"]})
    >>> across_event(pairs, KNOWN_EVENTS[0])["from_as_of"].tolist()
    ['2024']
    """
    mask = [_spans(a, b, event) for a, b in zip(pairs["from_as_of"], pairs["to_as_of"], strict=False)]
    return pairs[mask].reset_index(drop=True)


def event_test(pairs: pd.DataFrame, event: Event) -> dict:
    """What the series spanning ``event`` show: how many, how many fell, and the median change
    (relative for counts; points for coverage on a base not known to have changed)."""
    spanning = across_event(pairs, event)
    counts = spanning[spanning["indicator"] == "active_participants"]
    coverage = spanning[(spanning["indicator"] == "ucj_coverage") & (spanning["denominator"] != "changed")]
    return {
        "event": event.key,
        "series": len(spanning),
        "regions": spanning["region_code"].nunique(),
        "fell": int((spanning["to_value"] < spanning["from_value"]).sum()),
        "denominator_changed": int((spanning["denominator"] == "changed").sum()),
        "count_pairs": len(counts),
        "median_count_change_percent": float(counts["relative"].median()) if len(counts) else None,
        "coverage_pairs_base_not_changed": len(coverage),
        "median_coverage_points": float(coverage["points"].median()) if len(coverage) else None,
    }


def lapse_estimates(pairs: pd.DataFrame, event: Event = KNOWN_EVENTS[1]) -> pd.DataFrame:
    """The share of participants lost across a January, from each pair that spans the budget
    turnover: ``1 − later ÷ earlier`` in percent (for coverage, the share of covered workers
    lost only if the base did not change: ``denominator`` says what is known of it)."""
    spanning = across_event(pairs, event)
    return spanning.assign(lapse_percent=-spanning["relative"])
