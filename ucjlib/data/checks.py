"""Consistency checks on the processed figures: recompute what one source prints from its
other figures, compare with a tolerance, and *flag* disagreements without fixing them.

Status: ``pass`` / ``flag`` for comparisons; ``info`` for figures only derived (such as
the worker base a pair of targets implies), where nothing printed can be compared.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd

from ucjlib import config, contributions, metrics
from ucjlib.data.parse import printed_decimals
from ucjlib.data.processed import by_priority, is_total, membership_segments, totals
from ucjlib.formatting import format_number
from ucjlib.i18n import N_
from ucjlib.periods import period_end, period_start

CHECK_COLUMNS = [
    "check",
    "region_code",
    "region_name",
    "source_id",
    "as_of",
    "inputs",
    "recomputed",
    "printed",
    "difference",
    "tolerance",
    "unit",
    "status",
    "explanation",
]


DATE_KEY = ["region_code", "source_id", "as_of"]
CHECKED_COLUMNS = [
    "region_code",
    "region_name",
    "level",
    "source_id",
    "as_of",
    "indicator",
    "value",
    "value_as_printed",
    "programme",
    "group",
    "basis",
    "funding",
    "yardstick",
    "raw_line",
    "source_url",
]


def _percent_rounding(printed: str) -> float:
    """Rounding of a printed percent: "33%" is 33 ± 0,5, "36,48%" is 36,48 ± 0,005."""
    return 0.5 * 10 ** -printed_decimals(printed)


# Names of the checks whose derived figures the region model uses.
PLAN_IMPLIES_WORKERS = N_("worker base implied by an enrolment plan")
TARGETS_IMPLY_WORKERS = N_("worker base implied by a target pair")
BASIS_CHANGED = N_("worker base changed between two coverage figures")
COVERAGE_FELL = N_("coverage fell between two figures")
SAME_MONTH = N_("two coverage figures for the same month")
# Flags that put a coverage figure's comparability with the one before in doubt.
NOT_COMPARABLE = (BASIS_CHANGED, COVERAGE_FELL, SAME_MONTH)

# Figures that describe the whole region: only their totals (ucjlib.data.processed.totals) count.
TOTAL_INDICATORS = {"ucj_coverage", "active_participants", "workers", "uncovered_workers", "coverage_gap"}


def _figure(group: pd.DataFrame, indicator: str, **qualifiers: str) -> pd.Series | None:
    # numpy masks, not pandas filters: this runs for every check of every small group.
    mask = group["indicator"].to_numpy() == indicator
    if not mask.any():
        return None
    if indicator in TOTAL_INDICATORS:
        mask &= is_total(group)
    for column, value in qualifiers.items():
        mask &= group[column].to_numpy() == value
    return group.iloc[int(mask.argmax())] if mask.sum() == 1 else None


def _result(check, figure, inputs, recomputed, printed, tolerance, unit, explanation) -> dict:
    """One result row about ``figure`` (a row of the processed data: its region, source and date)."""
    difference = None if printed is None else printed - recomputed
    if printed is None:
        status = "info"
    else:
        status = "pass" if metrics.is_close(recomputed, printed, tolerance) else "flag"
    return {
        "check": check,
        "region_code": figure["region_code"],
        "region_name": figure["region_name"],
        "source_id": figure["source_id"],
        "as_of": figure["as_of"],
        "inputs": inputs,
        "recomputed": round(recomputed, 4),
        "printed": printed,
        "difference": None if difference is None else round(difference, 4),
        "tolerance": None if printed is None else round(tolerance, 4),
        "unit": unit,
        "status": status,
        "explanation": explanation,
    }


def _single_totals(rows: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The total figures of ``indicator`` that are the only one of their region, source and
    date (what :func:`_figure` finds), indexed by those three."""
    figures = totals(rows[rows["indicator"] == indicator])
    return figures[~figures.duplicated(DATE_KEY, keep=False)].set_index(DATE_KEY, drop=False)


def _coverage_vs_counts(rows: pd.DataFrame) -> list[dict]:
    """Printed coverage against participants ÷ workers printed beside it. Many dates have
    all three figures, so this one check runs over all rows at once, not group by group."""
    figures = [_single_totals(rows, i) for i in ("ucj_coverage", "active_participants", "workers")]
    dates = figures[0].index.intersection(figures[1].index).intersection(figures[2].index)
    results = []
    for coverage, participants, workers in zip(
        *(figure.loc[dates].to_dict("records") for figure in figures), strict=False
    ):
        recomputed = metrics.coverage_rate(participants["value"], workers["value"])
        # Rounded counts ("4,5 juta") carry their rounding into the quotient.
        relative = (
            metrics.printed_rounding(participants["value"], 0) / participants["value"]
            + metrics.printed_rounding(workers["value"], 0) / workers["value"]
        )
        tolerance = (
            config.CHECK_TOLERANCE_POINTS + _percent_rounding(coverage["value_as_printed"]) + recomputed * relative
        )
        inputs = f"{participants['value_as_printed']} ÷ {workers['value_as_printed']} × 100"
        results.append(
            _result(
                N_("printed percent vs participants ÷ workers"),
                coverage,
                inputs,
                recomputed,
                coverage["value"],
                tolerance,
                "percent",
                N_("Coverage recomputed from the printed counts."),
            )
        )
    return results


def _gap_vs_coverage(group):
    coverage, gap = _figure(group, "ucj_coverage"), _figure(group, "coverage_gap")
    if coverage is None or gap is None:
        return []
    tolerance = config.CHECK_TOLERANCE_POINTS + _percent_rounding(gap["value_as_printed"])
    return [
        _result(
            N_("printed gap vs 100 − coverage"),
            group.iloc[0],
            f"100 − {coverage['value_as_printed']}",
            100 - coverage["value"],
            gap["value"],
            tolerance,
            "percent",
            N_("The printed gap is the distance to 100%, not to a target."),
        )
    ]


def _uncovered_vs_coverage(group):
    coverage, workers, uncovered = (_figure(group, i) for i in ("ucj_coverage", "workers", "uncovered_workers"))
    if coverage is None or workers is None or uncovered is None:
        return []
    recomputed = metrics.uncovered_workers(workers["value"], coverage["value"])
    tolerance = config.CHECK_TOLERANCE_POINTS / 100 * workers["value"] + metrics.printed_rounding(uncovered["value"], 0)
    inputs = f"{workers['value_as_printed']} × (100 − {coverage['value_as_printed']}) / 100"
    return [
        _result(
            N_("printed uncovered workers vs workers × (100 − coverage)"),
            group.iloc[0],
            inputs,
            recomputed,
            uncovered["value"],
            tolerance,
            "persons",
            N_("Tolerance: 0.1 point of the worker base plus the rounding of the printed count."),
        )
    ]


def _village_programme(group):
    villages, per_village = _figure(group, "villages_covered"), _figure(group, "workers_per_village")
    if villages is None or per_village is None:
        return []
    total = _figure(group, "participants_by_group", funding=villages["funding"])
    recomputed = villages["value"] * per_village["value"]
    inputs = f"{villages['value_as_printed']} × {per_village['value_as_printed']}"
    printed = None if total is None else total["value"]
    return [
        _result(
            N_("per-village programme total"),
            group.iloc[0],
            inputs,
            recomputed,
            printed,
            0.5,
            "persons",
            N_("Workers covered by a per-village programme: villages × workers per village."),
        )
    ]


def _targets_imply_workers(group):
    results = []
    for target in group[group["indicator"] == "coverage_target"].itertuples():
        participants = _figure(group, "participants_target", yardstick=target.yardstick)
        if participants is None:
            continue
        recomputed = metrics.implied_workers(participants["value"], target.value)
        inputs = f"{participants['value_as_printed']} ÷ {target.value_as_printed} ({target.yardstick}, {target.as_of})"
        results.append(
            _result(
                TARGETS_IMPLY_WORKERS,
                group.iloc[0],
                inputs,
                recomputed,
                None,
                0,
                "persons",
                N_("Workers the target assumes: target participants ÷ target coverage."),
            )
        )
    return results


def _plan_implies_workers(group):
    plan, target = _figure(group, "planned_enrolment"), _figure(group, "coverage_target")
    coverage = totals(group[group["indicator"] == "ucj_coverage"]).sort_values("as_of").tail(1)
    if plan is None or target is None or coverage.empty:
        return []
    coverage = coverage.iloc[0]
    points = target["value"] - coverage["value"]
    if points <= 0:
        return []
    recomputed = plan["value"] / points * 100
    inputs = f"{plan['value_as_printed']} ÷ ({target['value_as_printed']} − {coverage['value_as_printed']})"
    return [
        _result(
            PLAN_IMPLIES_WORKERS,
            group.iloc[0],
            inputs,
            recomputed,
            None,
            0,
            "persons",
            N_("Workers for which the plan's new participants would lift coverage to its target."),
        )
    ]


def _rule_increase(group):
    dates = group["as_of"].to_numpy()[group["indicator"].to_numpy() == "ucj_coverage"]
    if len(dates) < 2 or group["level"].iloc[0] == "national":
        return []
    # The rule is about the target year over the end of the base year (config): the earliest
    # and latest dates decide whether it applies, before any sorting.
    if not (min(dates).startswith(str(config.RULE_BASE_YEAR)) and max(dates).startswith(str(config.RULE_TARGET_YEAR))):
        return []
    coverage = group[group["indicator"] == "ucj_coverage"].sort_values("as_of")
    start, end = coverage.iloc[0], coverage.iloc[-1]
    target = metrics.rule_target(start["value"])
    met = end["value"] >= target
    return [
        {
            **_result(
                N_("+20-point rule"),
                group.iloc[0],
                f"{start['value_as_printed']} ({start['as_of']}) + {config.RULE_INCREASE_POINTS:g}",
                target,
                end["value"],
                0,
                "percent",
                N_("The later coverage (printed) against the earlier one plus 20 points (recomputed)."),
            ),
            "status": "pass" if met else "flag",
            "difference": round(end["value"] - target, 4),
        }
    ]


def _benefit_vs_statutory(group):
    benefit = _figure(group, "benefits_paid", programme="JKM")
    if benefit is None:
        return []
    return [
        _result(
            N_("JKM death benefit vs statutory amount"),
            group.iloc[0],
            "Rp42.000.000",
            config.JKM_DEATH_BENEFIT,
            benefit["value"],
            0.5,
            "rupiah",
            N_("A JKM-only death benefit should equal the statutory Rp42 juta."),
        )
    ]


def _poverty_implies_population(group):
    rate, count = _figure(group, "poverty_rate"), _figure(group, "poor_residents")
    if rate is None or count is None:
        return []
    return [
        _result(
            N_("population implied by the poverty figures"),
            group.iloc[0],
            f"{count['value_as_printed']} ÷ {rate['value_as_printed']}",
            metrics.implied_workers(count["value"], rate["value"]),
            None,
            0,
            "persons",
            N_("Residents implied by the poor count and the poverty rate."),
        )
    ]


def _budget_implies_months(group):
    results = []
    for budget in group[group["indicator"] == "budget_allocated"].itertuples():
        persons = _figure(group, "planned_enrolment", funding=budget.funding)
        if persons is None:
            continue
        # The rate the budget's payer pays in the budget's first month (a public budget: the full rate).
        rate = contributions.rule_for(
            config.BPU_JKK_JKM, contributions.payer_of(budget.funding), period_start(budget.as_of.split("/")[0])
        ).monthly
        months = metrics.implied_months(budget.value, persons["value"], rate)
        results.append(
            _result(
                N_("months of cover implied by a budget"),
                group.iloc[0],
                f"{budget.value_as_printed} ÷ ({persons['value_as_printed']} × Rp{rate:,.0f})".replace(",", "."),
                months,
                None,
                0,
                "months",
                N_("Local budgets often pay part of a year; never assume 12."),
            )
        )
    return results


def _segments_vs_total(group):
    segments = membership_segments(group)
    total = _figure(group, "active_participants")
    if len(segments) < 2 or total is None:
        return []
    rounding = sum(metrics.printed_rounding(v, 0) for v in [*segments["value"], total["value"]])
    return [
        _result(
            N_("membership segments vs active participants"),
            group.iloc[0],
            " + ".join(segments["value_as_printed"]),
            float(segments["value"].sum()),
            total["value"],
            rounding,
            "persons",
            N_(
                "Segments do not overlap, so they add up to the active participants; a sum near the "
                "worker base means the segments count potential workers, not participants."
            ),
        )
    ]


# The checks of the figures one source gives for one region and date, in the order their
# results are listed (after _coverage_vs_counts), each with the indicators it needs: a group
# without one is skipped.
_DATE_CHECKS = {
    _gap_vs_coverage: {"ucj_coverage", "coverage_gap"},
    _uncovered_vs_coverage: {"ucj_coverage", "workers", "uncovered_workers"},
    _village_programme: {"villages_covered", "workers_per_village"},
    _targets_imply_workers: {"coverage_target", "participants_target"},
    _plan_implies_workers: {"planned_enrolment", "coverage_target", "ucj_coverage"},
    _benefit_vs_statutory: {"benefits_paid"},
    _poverty_implies_population: {"poverty_rate", "poor_residents"},
    _budget_implies_months: {"budget_allocated", "planned_enrolment"},
    _segments_vs_total: {"participants_by_group", "active_participants"},
}


def _relative_flag(result: dict, change: float) -> dict:
    """Mark a comparison of two worker bases: flagged beyond the basis-change tolerance."""
    result.update(
        status="flag" if abs(change) > config.BASIS_CHANGE_TOLERANCE else "pass",
        tolerance=config.BASIS_CHANGE_TOLERANCE * 100,
    )
    return result


def _target_bases_vs_coverage_base(source: pd.DataFrame) -> list[dict]:
    """Within one source, the worker base a target pair implies against the base behind the
    coverage it starts from: the same region cannot have two work forces a year apart."""
    coverage = totals(source[source["indicator"] == "ucj_coverage"]).sort_values("_end")
    coverage = coverage[coverage["_base"].fillna(0).to_numpy() != 0]
    if coverage.empty:
        return []
    start = coverage.iloc[-1]
    base = start["_base"]
    results = []
    for _, target in source[source["indicator"] == "coverage_target"].iterrows():
        participants = _figure(
            source[source["as_of"] == target["as_of"]], "participants_target", yardstick=target["yardstick"]
        )
        if participants is None or target["value"] <= 0:
            continue
        implied = metrics.implied_workers(participants["value"], target["value"])
        inputs = (
            f"{participants['value_as_printed']} ÷ {target['value_as_printed']} ({target['as_of']}) ; "
            f"{start['value_as_printed']} ({start['as_of']}): {format_number(base)}"
        )
        change = implied / base - 1
        results.append(
            _relative_flag(
                _result(
                    N_("worker base of a target vs of the coverage it starts from"),
                    target,
                    inputs,
                    change * 100,
                    None,
                    0,
                    "percent",
                    N_(
                        "Percent difference between the two worker bases; a target on "
                        "another base cannot be compared with the coverage."
                    ),
                ),
                change,
            )
        )
    return results


def _targets_below_coverage(source: pd.DataFrame) -> list[dict]:
    """A target a source quotes that is below the coverage the same source reports for an
    earlier date: either the target is out of date or the two figures use other bases."""
    coverage = totals(source[source["indicator"] == "ucj_coverage"])
    results = []
    for _, target in source[source["indicator"] == "coverage_target"].iterrows():
        earlier = coverage[coverage["_end"] <= target["_end"]]
        if earlier.empty:
            continue
        reached = earlier.loc[earlier["value"].idxmax()]
        tolerance = _percent_rounding(reached["value_as_printed"]) + _percent_rounding(target["value_as_printed"])
        if target["value"] + tolerance >= reached["value"]:
            continue
        inputs = (
            f"{target['value_as_printed']} ({target['yardstick']}, {target['as_of']}) < "
            f"{reached['value_as_printed']} ({reached['as_of']})"
        )
        results.append(
            {
                **_result(
                    N_("target below the coverage already reached"),
                    target,
                    inputs,
                    target["value"],
                    reached["value"],
                    tolerance,
                    "percent",
                    N_("The source quotes a target under the coverage it reports as reached."),
                ),
                "status": "flag",
            }
        )
    return results


def _worker_bases(rows: pd.DataFrame) -> np.ndarray:
    """For each row read as a coverage figure, the worker base behind it (NaN if unknown):
    the first total worker count of its region, source and date, else the first total
    participants ÷ the figure × 100."""
    region_totals = totals(rows)

    def beside(indicator: str) -> np.ndarray:
        first = region_totals[region_totals["indicator"] == indicator].drop_duplicates(DATE_KEY)[[*DATE_KEY, "value"]]
        return rows[DATE_KEY].merge(first, how="left", on=DATE_KEY)["value"].to_numpy(dtype=float)

    workers, participants, value = beside("workers"), beside("active_participants"), rows["value"].to_numpy(dtype=float)
    implied = np.divide(participants, value, out=np.full(len(rows), np.nan), where=value > 0) * 100
    return np.where(np.isnan(workers), implied, workers)


def _coverage_sequences(rows: pd.DataFrame) -> tuple[pd.DataFrame, np.ndarray]:
    """Each region's total coverage figures in date order (file order within a date), and
    for each figure but the last whether the next one is of the same region."""
    coverage = totals(rows[rows["indicator"] == "ucj_coverage"]).sort_values(
        ["region_code", "_end", "raw_line"], kind="stable"
    )
    region = coverage["region_code"].to_numpy()
    return coverage, region[:-1] == region[1:]


def _records(rows: pd.DataFrame, positions: np.ndarray) -> list[dict]:
    """The rows at ``positions`` as dicts: far cheaper to read than one ``.iloc`` row each."""
    return rows.iloc[positions].to_dict("records")


def _month(as_of: str) -> str:
    return as_of.split("/")[-1][:7]


# The checks across a region's sources below run over all regions at once and return their
# results region by region (run_checks lists them by region, each check's in turn).


def _same_month_conflicts(rows: pd.DataFrame) -> list[dict]:
    """Two total coverage figures for one region and month (one source or two) that differ
    by more than the tolerance plus the rounding of both printed figures."""
    coverage = totals(rows[rows["indicator"] == "ucj_coverage"])
    coverage = coverage.assign(_month=coverage["as_of"].map(_month))
    results = []
    for _, month in coverage[coverage.duplicated(["region_code", "_month"], keep=False)].groupby(
        ["region_code", "_month"], sort=True
    ):
        month = by_priority(month)  # the first is the one the headline uses
        first = month.iloc[0]
        for _, other in month.iloc[1:].iterrows():
            tolerance = (
                config.CHECK_TOLERANCE_POINTS
                + _percent_rounding(first["value_as_printed"])
                + _percent_rounding(other["value_as_printed"])
            )
            inputs = (
                f"{first['value_as_printed']} ({first['source_id']}) ; "
                f"{other['value_as_printed']} ({other['source_id']})"
            )
            results.append(
                _result(
                    SAME_MONTH,
                    first,
                    inputs,
                    first["value"],
                    other["value"],
                    tolerance,
                    "percent",
                    N_(
                        "Both are kept; the headline uses the first by source priority: an official "
                        "release (a .go.id page) before news, then the one listed first in the data."
                    ),
                )
            )
    return results


def _basis_changes(rows: pd.DataFrame) -> list[dict]:
    """Consecutive total coverage figures whose worker bases differ by more than the stated
    tolerance: a change in coverage between them may come from the new base, not from enrolment."""
    coverage, consecutive = _coverage_sequences(rows)
    base, as_of = coverage["_base"].to_numpy(), coverage["as_of"].to_numpy()
    compared = consecutive & ~np.isnan(base[:-1]) & ~np.isnan(base[1:]) & (as_of[:-1] != as_of[1:])
    results = []
    pairs = np.flatnonzero(compared)
    for earlier, later, before, after in zip(
        _records(coverage, pairs), _records(coverage, pairs + 1), base[pairs], base[pairs + 1], strict=False
    ):
        change = after / before - 1
        inputs = (
            f"{earlier['value_as_printed']} ({earlier['as_of']}) → {later['value_as_printed']} ({later['as_of']}); "
            f"{format_number(before)} → {format_number(after)}"
        )
        results.append(
            _result(
                BASIS_CHANGED,
                later,
                inputs,
                change * 100,
                None,
                0,
                "percent",
                N_("The change in coverage between these figures partly reflects a new denominator."),
            )
        )
        results[-1]["status"] = "flag" if abs(change) > config.BASIS_CHANGE_TOLERANCE else "pass"
        results[-1]["tolerance"] = config.BASIS_CHANGE_TOLERANCE * 100
    return results


def _coverage_falls(rows: pd.DataFrame) -> list[dict]:
    """Consecutive total coverage figures where the later is lower beyond rounding and the
    denominators are not both known (when they are, the basis-change check speaks)."""
    coverage, consecutive = _coverage_sequences(rows)
    month, known = coverage["as_of"].map(_month).to_numpy(), ~np.isnan(coverage["_base"].to_numpy())
    value, rounding = coverage["value"].to_numpy(), coverage["value_as_printed"].map(_percent_rounding).to_numpy()
    tolerances = config.CHECK_TOLERANCE_POINTS + rounding[:-1] + rounding[1:]
    fell = consecutive & (month[:-1] != month[1:]) & ~(known[:-1] & known[1:]) & ~(value[1:] >= value[:-1] - tolerances)
    results = []
    pairs = np.flatnonzero(fell)
    for earlier, later, tolerance in zip(
        _records(coverage, pairs), _records(coverage, pairs + 1), tolerances[pairs].tolist(), strict=False
    ):
        inputs = (
            f"{earlier['value_as_printed']} ({earlier['as_of']}, {earlier['source_id']}) → "
            f"{later['value_as_printed']} ({later['as_of']}, {later['source_id']})"
        )
        results.append(
            {
                **_result(
                    COVERAGE_FELL,
                    later,
                    inputs,
                    earlier["value"],
                    later["value"],
                    tolerance,
                    "percent",
                    N_(
                        "Coverage seldom falls: a fall usually comes from a new denominator or another "
                        "count, so the two figures may not be comparable."
                    ),
                ),
                "status": "flag",
            }
        )
    return results


def _implied_vs_printed_bases(rows: pd.DataFrame) -> list[dict]:
    """The worker base a coverage figure implies (participants ÷ coverage, no base printed
    beside it) against a worker count another source prints for the same year."""
    printed = set(zip(*(rows.loc[rows["indicator"] == "workers", column] for column in DATE_KEY), strict=False))
    coverage = totals(rows[rows["indicator"] == "ucj_coverage"])
    implied_only = (
        ~np.isnan(coverage["_base"].to_numpy())
        & (coverage["value"].to_numpy() > 0)
        & np.array(
            [figure not in printed for figure in zip(*(coverage[column] for column in DATE_KEY), strict=False)],
            dtype=bool,
        )
    )
    candidates = coverage[implied_only].sort_values("region_code", kind="stable")
    workers = totals(rows[rows["indicator"] == "workers"])
    workers = dict(tuple(workers.groupby("region_code"))) if len(candidates) else {}
    results = []
    for _, coverage in candidates.iterrows():
        implied, year = coverage["_base"], coverage["_end"].year
        region = workers.get(coverage["region_code"], rows.iloc[:0])
        others = region[
            (region["source_id"] != coverage["source_id"]) & (region["_end"].map(lambda end: end.year) == year)
        ]
        if others.empty:
            continue
        printed = others.iloc[0]
        change = implied / printed["value"] - 1
        inputs = (
            f"{coverage['value_as_printed']} ({coverage['source_id']}): {format_number(implied)} ; "
            f"{printed['value_as_printed']} ({printed['source_id']}, {printed['as_of']})"
        )
        results.append(
            _relative_flag(
                _result(
                    N_("worker base implied by a coverage figure vs a printed worker count"),
                    coverage,
                    inputs,
                    change * 100,
                    None,
                    0,
                    "percent",
                    N_(
                        "Percent difference between the base the coverage implies and the "
                        "region's printed worker count."
                    ),
                ),
                change,
            )
        )
    return results


# The checks of all figures one source gives for one region, in the order their results are listed.
_SOURCE_CHECKS = {
    _rule_increase: {"ucj_coverage"},
    _target_bases_vs_coverage_base: {"ucj_coverage", "coverage_target"},
    _targets_below_coverage: {"ucj_coverage", "coverage_target"},
}
_REGION_CHECKS = [_same_month_conflicts, _basis_changes, _coverage_falls, _implied_vs_printed_bases]


def _has_rule_years(rows: pd.DataFrame, codes: np.ndarray, count: int) -> np.ndarray:
    """For each group: whether it has coverage figures of both the rule's base year and its
    target year, without which :func:`_rule_increase` finds nothing."""
    coverage = rows["indicator"].to_numpy() == "ucj_coverage"
    year = rows["as_of"].str.slice(0, 4).to_numpy()
    return np.logical_and.reduce(
        [
            np.bincount(codes[coverage & (year == str(wanted))], minlength=count) > 0
            for wanted in (config.RULE_BASE_YEAR, config.RULE_TARGET_YEAR)
        ]
    )


# What decides, for all groups at once, that a check would find nothing in most of them: a
# group is sliced only for the checks that may find something. Slicing every region's group
# for the +20-point rule was most of what a build's cost does not owe to its rows.
_GATES = {_rule_increase: _has_rule_years}


def _groups_to_check(rows: pd.DataFrame, keys: list[str], checks: dict) -> Iterator[tuple[pd.DataFrame, list]]:
    """Each group of ``rows`` by ``keys`` (in the order and row order of a sorted groupby)
    that has every indicator some check needs (and passes the check's gate, if it has one),
    with those checks.

    The rows are sorted once and each group is a slice of them: filtering the whole frame
    for every group would make the checks quadratic in the number of rows.
    """
    codes = rows.groupby(keys, sort=True).ngroup().to_numpy()
    order = np.argsort(codes, kind="stable")
    rows, codes, count = rows.iloc[order], codes[order], codes.max() + 1 if len(codes) else 0
    starts = np.searchsorted(codes, np.arange(count + 1))  # group g is rows starts[g] to starts[g + 1]
    indicator = rows["indicator"].to_numpy()
    present = {
        name: np.bincount(codes[indicator == name], minlength=count) > 0 for name in set().union(*checks.values())
    }
    runs = {
        check: np.logical_and.reduce(
            [present[name] for name in needs] + ([_GATES[check](rows, codes, count)] if check in _GATES else [])
        )
        for check, needs in checks.items()
    }
    for group in np.flatnonzero(np.logical_or.reduce(list(runs.values()))):
        yield rows.iloc[starts[group] : starts[group + 1]], [check for check, run in runs.items() if run[group]]


def run_checks(processed: pd.DataFrame) -> pd.DataFrame:
    """Every consistency check over the figures each source gives for one region and date,
    then over all figures of a source for a region, then over all figures for a region.

    The +20-point rule compares a source's earliest and latest coverage for a region.
    """
    # Copying only the columns the checks read keeps slicing cheap; the period ends and the
    # worker bases behind coverage figures are computed once for all rows.
    rows = processed[[column for column in CHECKED_COLUMNS if column in processed.columns]]
    rows = rows.assign(_end=rows["as_of"].map(period_end))
    rows = rows.assign(_base=_worker_bases(rows))
    # Checks over all rows at once list their results by group: stable sorts put them in
    # place, each group's results in the order of the checks.
    dated = [
        result
        for group, to_run in _groups_to_check(rows, DATE_KEY, _DATE_CHECKS)
        for check in to_run
        for result in check(group)
    ]
    results = sorted(_coverage_vs_counts(rows) + dated, key=lambda result: tuple(result[column] for column in DATE_KEY))
    for group, to_run in _groups_to_check(rows, ["region_code", "source_id"], _SOURCE_CHECKS):
        for check in to_run:
            results.extend(check(group))
    results += sorted(
        (result for check in _REGION_CHECKS for result in check(rows)), key=lambda result: result["region_code"]
    )
    return pd.DataFrame(results, columns=CHECK_COLUMNS)
