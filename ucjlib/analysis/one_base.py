"""Regions on one base (issue 27 §2): each region's printed coverage beside its coverage on BPS's
employed persons (:attr:`ucjlib.model.region.RegionModel.on_employed`), so that regions whose
sources print coverage on different denominators can be compared.

The printed figure rests on whatever base its source chose (potensi pekerja, angkatan kerja, a
base it does not name …); the one-base figure is the region's latest printed count of active
participants ÷ its own BPS employed persons (Sakernas) of the round nearest that count
(:func:`ucjlib.model.bases.coverage_on_employed`). The two need not share a date: the table
gives each date, and how many months lie between the count and the survey round.
"""

from __future__ import annotations

import math

import pandas as pd

from ucjlib.model.bases import months_apart, share_pairs
from ucjlib.model.region import RegionModel

NOT_STATED = "not stated"  # the printed figure's source names no denominator
NO_PRINTED = "no printed coverage"  # participants and an official base, but no coverage figure

COLUMNS = [
    "region_code",
    "region_name",
    "level",
    "printed",
    "printed_as_printed",
    "printed_basis",
    "printed_as_of",
    "participants",
    "participants_as_of",
    "employed",
    "employed_as_of",
    "months_apart",
    "same_date",
    "on_employed",
    "difference",
]


def coverage_on_one_base(models: list[RegionModel]) -> pd.DataFrame:
    """One row per region whose model has coverage on the BPS employed base: its printed coverage
    (``printed``, as printed, its denominator in English or ``not stated``, its date), the active
    participants and BPS employed persons behind the one-base figure (with the count's date and the
    survey month), the months between those two dates, whether the count is of the printed
    figure's own date (``same_date``: then the difference is the bases' alone), the coverage on
    the employed base in percent (``on_employed``) and ``difference`` = printed − on_employed in
    percentage points (positive: the printed figure sits above the one base). Regions with no
    printed coverage keep their row (printed and difference missing). Sorted by ``on_employed``,
    highest first (then by code).
    """
    rows = []
    for model in models:
        employed = model.on_employed
        if employed is None:
            continue
        printed = model.coverage
        rows.append(
            {
                "region_code": model.code,
                "region_name": model.name,
                "level": model.level,
                "printed": math.nan if printed is None else printed.value,
                "printed_as_printed": "" if printed is None else printed.as_printed,
                "printed_basis": NO_PRINTED if printed is None else (printed.basis_en or NOT_STATED),
                "printed_as_of": "" if printed is None else printed.as_of,
                "participants": employed.participants,
                "participants_as_of": employed.participants_as_of,
                "employed": employed.employed.value,
                "employed_as_of": employed.employed.as_of,
                "months_apart": months_apart(employed.participants_as_of, employed.employed.as_of),
                "same_date": printed is not None and printed.as_of == employed.participants_as_of,
                "on_employed": employed.percent,
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS[:-1])
    frame["difference"] = frame["printed"] - frame["on_employed"]
    frame = frame.sort_values(["on_employed", "region_code"], ascending=[False, True], kind="stable")
    return frame.reset_index(drop=True)


def one_base_findings(table: pd.DataFrame) -> dict:
    """What :func:`coverage_on_one_base` shows, in numbers: how many regions it puts on one base (and
    of which level), how many of them print a coverage figure and how many of those sit above the
    one base, the median, widest and lowest difference (region and points), the same for the
    regions whose count is of the printed figure's own date (``same_date``: the bases alone differ),
    and Spearman's rank correlation between the printed and the one-base figures (1: the same order
    on both).

    Examples
    --------
    Three regions; C prints no coverage. Differences 50 − 30 = 20 and 40 − 45 = −5: median
    (20 + (−5)) ÷ 2 = 7,5; only A's count is of its printed figure's date. Ranks: printed A 1st,
    B 2nd; on one base B 1st, A 2nd: correlation −1.

    >>> table = pd.DataFrame({"region_name": ["A", "B", "C"], "level": ["province", "regency", "city"],
    ...     "printed": [50.0, 40.0, float("nan")], "on_employed": [30.0, 45.0, 20.0],
    ...     "same_date": [True, False, False]})
    >>> table["difference"] = table["printed"] - table["on_employed"]
    >>> found = one_base_findings(table)
    >>> found["regions"], found["levels"], found["printed"], found["above"], found["median_difference"]
    (3, {'province': 1, 'regency': 1, 'city': 1}, 2, 1, 7.5)
    >>> found["same_date"], found["median_same_date"]
    (1, 20.0)
    >>> found["widest"], found["lowest"], round(found["rank_correlation"], 12)
    (('A', 20.0), ('B', -5.0), -1.0)
    """
    both = table.dropna(subset=["printed"])
    same = both[both["same_date"].astype(bool)]
    widest = both.loc[both["difference"].idxmax()] if len(both) else None
    lowest = both.loc[both["difference"].idxmin()] if len(both) else None
    correlation = both["printed"].corr(both["on_employed"], method="spearman") if len(both) > 1 else math.nan
    return {
        "regions": len(table),
        "levels": {level: int(n) for level, n in table["level"].value_counts(sort=False).items()},
        "printed": len(both),
        "above": int((both["difference"] > 0).sum()),
        "median_difference": float(both["difference"].median()) if len(both) else math.nan,
        "same_date": len(same),
        "median_same_date": float(same["difference"].median()) if len(same) else math.nan,
        "widest": None if widest is None else (widest["region_name"], float(widest["difference"])),
        "lowest": None if lowest is None else (lowest["region_name"], float(lowest["difference"])),
        "rank_correlation": float(correlation),
    }


SHARE_COLUMNS = [
    "level",
    "region_code",
    "region_name",
    "employed",
    "employed_as_of",
    "population",
    "population_as_of",
    "parent",
    "parent_employed",
    "parent_population",
    "ratio",
]


def share_pair_table(labour_force: pd.DataFrame) -> pd.DataFrame:
    """The pairs behind the share factors (:func:`ucjlib.model.bases.share_pairs`): one row per
    kabupaten/kota and per province with its own BPS employed persons and population beside its
    parent's (a kabupaten/kota's province, a province's nation), and ``ratio``, its employed persons
    per inhabitant ÷ the parent's. ``level`` is ``kabupaten/kota`` or ``province``."""
    rows = [
        {
            "level": level,
            "region_code": pair.region_code,
            "region_name": pair.region_name,
            "employed": pair.employed.value,
            "employed_as_of": pair.employed.as_of,
            "population": pair.population.value,
            "population_as_of": pair.population.as_of,
            "parent": pair.parent_employed.region_name,
            "parent_employed": pair.parent_employed.value,
            "parent_population": pair.parent_population.value,
            "ratio": pair.ratio,
        }
        for level, provinces in (("kabupaten/kota", False), ("province", True))
        for pair in share_pairs(labour_force, provinces=provinces)
    ]
    return pd.DataFrame(rows, columns=SHARE_COLUMNS)


def base_kinds(models: list[RegionModel]) -> pd.Series:
    """How many regions with a costed next step rest on each kind of worker base
    (:attr:`ucjlib.model.region.WorkerBase.kind`), most first."""
    kinds = [model.workers.kind for model in models if model.next_step is not None and model.workers is not None]
    return pd.Series(kinds, dtype=str).value_counts().rename("regions")


CARRIED_COLUMNS = ["region_code", "region_name", "kind", "base", "base_as_of", "start_year", "growth", "carried"]


def carried_bases(models: list[RegionModel]) -> pd.DataFrame:
    """The worker bases of another date than their coverage figure's, carried to its date by the work
    force's growth (:meth:`ucjlib.model.projections.Growth.carry`): the base as found, its date, the
    start year, the growth and the base the next step starts from. A region without growth keeps its base
    as it is and is not listed."""
    rows = [
        {
            "region_code": model.code,
            "region_name": model.name,
            "kind": model.workers.kind,
            "base": model.workers.value,
            "base_as_of": model.workers.as_of,
            "start_year": model.start.year,
            "growth": model.growth.rate * 100,
            "carried": model.start.workers,
        }
        for model in models
        if model.workers is not None
        and model.start is not None
        and not model.start.hypothetical
        and model.workers.years_to(model.coverage.as_of) != 0
        and model.growth.rate != 0
    ]
    return pd.DataFrame(rows, columns=CARRIED_COLUMNS)
