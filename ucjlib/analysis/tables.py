"""Tables for the exploration notebooks: pure ``DataFrame -> DataFrame`` functions.

Each function takes the processed observations (``build.load_processed()``) or the
consistency checks (``build.load_checks()``)
and returns a new frame; no input is changed. Numbers stay numbers until
:func:`format_table` or :func:`describe_figures` write them for readers, the Indonesian
way by default.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping

import numpy as np  # noqa: F401 (the doctests use it)
import pandas as pd

from ucjlib import config, contributions, metrics
from ucjlib.data.indicators import indicators
from ucjlib.data.parse import printed_decimals
from ucjlib.data.processed import QUALIFIERS
from ucjlib.formatting import (
    UNIT_DECIMALS,
    format_in_unit,
    format_number,
    format_percent,
    format_rounded,
    format_rupiah,
)
from ucjlib.periods import period_end

#: Key figures a region's data should hold, by the label tables show for them.
KEY_FIGURES = {
    "coverage": "ucj_coverage",
    "workers": "workers",
    "active participants": "active_participants",
    "own coverage target": "coverage_target",
}

#: How an approximate figure relates to its value, in words.
BOUND_WORDS = {"about": "about", "at_least": "at least", "at_most": "at most", "range": "range (midpoint)"}

_CHECK_NUMBERS = ("recomputed", "printed", "difference", "tolerance")


def _require(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(
            f"{what} needs the column(s) {', '.join(missing)}; the frame has: {', '.join(map(str, frame.columns))}"
        )


def _is_missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


# -- checks ---------------------------------------------------------------------------------


def format_value(value: float, unit: str, printed: str | None = None, language: str = "id") -> str:
    """One figure written for readers in its unit; percentages keep the decimals printed.

    Examples
    --------
    >>> format_value(36.48, "percent", "36,48%"), format_value(99.5, "percent", "99,5%")
    ('36,48%', '99,5%')
    >>> format_value(212_500_000, "rupiah"), format_value(181_567, "persons")
    ('Rp212,5 juta', '181.567')
    >>> format_value(20, "points", "20 persen")
    '20 poin persentase'
    >>> format_value(float("nan"), "persons")
    '–'
    """
    if _is_missing(value):
        return "–"
    if unit in ("percent", "points"):
        decimals = printed_decimals(printed) if printed else UNIT_DECIMALS[unit]
    else:
        decimals = 0 if float(value).is_integer() else 1
    return format_in_unit(value, unit, language, decimals)


def format_table(
    frame: pd.DataFrame,
    *,
    percent: Iterable[str] = (),
    points: Iterable[str] = (),
    number: Iterable[str] = (),
    rupiah: Iterable[str] = (),
    decimals: Mapping[str, int] | None = None,
    language: str = "id",
) -> pd.DataFrame:
    """Write the named numeric columns as text for readers; other columns are kept.

    Percent columns get a ``%`` sign, ``points`` columns are bare numbers of percentage
    points, ``rupiah`` columns use scale words from a million up. Default decimals: 2 for
    percent and points, 0 for numbers, 1 for rupiah; ``decimals`` overrides per column.
    Missing values show as ``–``.

    Examples
    --------
    >>> frame = pd.DataFrame({"region": ["A", "B"], "coverage": [36.4791, np.nan],
    ...                       "workers": [181_567, 132_826.4], "cost": [2_016_000_000, 766_080_000]})
    >>> for row in format_table(frame, percent=["coverage"], number=["workers"], rupiah=["cost"],
    ...                         decimals={"cost": 2}).to_dict("records"):
    ...     print(row)
    {'region': 'A', 'coverage': '36,48%', 'workers': '181.567', 'cost': 'Rp2,02 miliar'}
    {'region': 'B', 'coverage': '–', 'workers': '132.826', 'cost': 'Rp766,08 juta'}
    """
    decimals = dict(decimals or {})
    writers = {}
    for columns, default, write in (
        (percent, 2, lambda v, d: format_percent(v, language, d)),
        (points, 2, lambda v, d: format_number(v, language, d)),
        (number, 0, lambda v, d: format_number(v, language, d)),
        (rupiah, 1, lambda v, d: format_rupiah(v, language, d)),
    ):
        for column in columns:
            writers[column] = (write, decimals.get(column, default))
    _require(frame, writers, "format_table")
    out = frame.copy()
    for column, (write, places) in writers.items():
        out[column] = [("–" if _is_missing(v) else write(float(v), places)) for v in frame[column].astype(object)]
    return out


# -- what the data holds -------------------------------------------------------------------


def _indicator_order(present: Iterable[str]) -> list[str]:
    present = list(dict.fromkeys(present))
    vocabulary = [i for i in indicators().index if i in present]
    return vocabulary + sorted(set(present) - set(vocabulary))


def count_figures(processed: pd.DataFrame) -> pd.DataFrame:
    """How many figures the data holds per indicator (rows) and region (columns), with totals.

    Indicators follow the vocabulary's order (``indicators.csv``), regions their code.

    Examples
    --------
    >>> processed = pd.DataFrame({
    ...     "region_code": ["12.75", "12.10", "12.10", "12.10"],
    ...     "region_name": ["Kota Binjai", "Kabupaten Labuhanbatu", "Kabupaten Labuhanbatu", "Kabupaten Labuhanbatu"],
    ...     "indicator": ["workers", "workers", "claims_count", "ucj_coverage"]})
    >>> count_figures(processed).to_dict("index")  # doctest: +NORMALIZE_WHITESPACE
    {'ucj_coverage': {'Kabupaten Labuhanbatu': 1, 'Kota Binjai': 0, 'total': 1},
     'workers': {'Kabupaten Labuhanbatu': 1, 'Kota Binjai': 1, 'total': 2},
     'claims_count': {'Kabupaten Labuhanbatu': 1, 'Kota Binjai': 0, 'total': 1},
     'total': {'Kabupaten Labuhanbatu': 3, 'Kota Binjai': 1, 'total': 4}}
    """
    _require(processed, ["region_code", "region_name", "indicator"], "count_figures")
    regions = processed.drop_duplicates("region_code").sort_values("region_code")
    table = pd.crosstab(processed["indicator"], processed["region_code"])
    table = table.reindex(
        index=_indicator_order(processed["indicator"]), columns=list(regions["region_code"]), fill_value=0
    )
    table.columns = list(regions["region_name"])
    table["total"] = table.sum(axis=1)
    table.loc["total"] = table.sum(axis=0)
    table.index.name = "indicator"
    return table.astype(int)


def select_figures(
    processed: pd.DataFrame,
    indicator: str | Iterable[str] | None = None,
    *,
    region_codes: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The observations of some indicators (all when ``None``) and regions, in a stable
    order: by region code, then by line of the raw file.

    Examples
    --------
    >>> processed = pd.DataFrame({"region_code": ["18", "12.10", "12.10"], "raw_line": [40, 9, 3],
    ...                           "indicator": ["claims_count", "claims_count", "workers"]})
    >>> select_figures(processed, "claims_count")["raw_line"].tolist()
    [9, 40]
    >>> select_figures(processed, region_codes=["12.10"])["raw_line"].tolist()
    [3, 9]
    """
    _require(processed, ["region_code", "raw_line", "indicator"], "select_figures")
    rows = processed
    if indicator is not None:
        wanted = [indicator] if isinstance(indicator, str) else list(indicator)
        unknown = sorted(set(wanted) - set(indicators().index))
        if unknown:
            raise ValueError(f"unknown indicator(s) {', '.join(unknown)}: see ucjlib/indicators.csv for the vocabulary")
        rows = rows[rows["indicator"].isin(wanted)]
    if region_codes is not None:
        rows = rows[rows["region_code"].isin(list(region_codes))]
    return rows.sort_values(["region_code", "raw_line"], kind="stable").reset_index(drop=True)


def describe_figures(figures: pd.DataFrame, language: str = "id") -> pd.DataFrame:
    """Provenance of each figure, written for readers: region, indicator, the qualifiers
    (programme, group, basis, funding, yardstick), the value as printed and as parsed,
    whether it is approximate, the date it refers to, outlet and publication date.

    Examples
    --------
    >>> figures = pd.DataFrame({
    ...     "region_name": ["Kota Binjai"], "indicator": ["uncovered_workers"], "unit": ["persons"],
    ...     "value": [89_300.0], "value_as_printed": ["sekitar 89.300"], "approximate": [True], "bound": ["about"],
    ...     "as_of": ["2024-10-19"], "programme": [""], "group": [""], "basis": ["angkatan kerja"], "funding": [""],
    ...     "yardstick": [""], "outlet": ["Unnamed outlet"], "published": [""]})
    >>> describe_figures(figures).iloc[0].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'region': 'Kota Binjai', 'indicator': 'uncovered_workers', 'detail': 'angkatan kerja',
     'as printed': 'sekitar 89.300', 'value': '89.300', 'approximate': 'about', 'as of': '2024-10-19',
     'outlet': 'Unnamed outlet', 'published': 'not printed'}
    """
    _require(
        figures,
        [
            "region_name",
            "indicator",
            "unit",
            "value",
            "value_as_printed",
            "approximate",
            "bound",
            "as_of",
            *QUALIFIERS,
            "outlet",
            "published",
        ],
        "describe_figures",
    )
    rows = []
    for row in figures.itertuples(index=False):
        detail = "; ".join(str(getattr(row, q)) for q in QUALIFIERS if getattr(row, q))
        rows.append(
            {
                "region": row.region_name,
                "indicator": row.indicator,
                "detail": detail,
                "as printed": row.value_as_printed,
                "value": format_value(row.value, row.unit, row.value_as_printed, language),
                "approximate": BOUND_WORDS.get(row.bound, row.bound or "approximate") if row.approximate else "",
                "as of": row.as_of,
                "outlet": row.outlet,
                "published": row.published or "not printed",
            }
        )
    return pd.DataFrame(
        rows,
        columns=["region", "indicator", "detail", "as printed", "value", "approximate", "as of", "outlet", "published"],
    )


def _shortest(value: float, language: str, most: int = 4) -> str:
    """A number with the fewest decimals (up to ``most``) that still show it exactly."""
    return format_number(round(float(value), most), language, _decimals_needed(value, most))


def describe_checks(checks: pd.DataFrame, language: str = "id") -> pd.DataFrame:
    """The consistency checks written for readers.

    Recomputed and printed figures are rounded as their unit is usually shown
    (percentages to two decimals, persons whole, months to one decimal, rupiah with a
    scale word); differences and tolerances keep every decimal up to four, so that a
    small difference never reads as zero. ``–`` marks what a derived (``info``) check
    cannot compare.

    Examples
    --------
    >>> checks = pd.DataFrame({
    ...     "check": ["uncovered", "percent"], "region_name": ["Kota Binjai", "Kabupaten Labuhanbatu"],
    ...     "as_of": ["2024-10-19", "2025-04-22"], "inputs": ["132.826 × 67%", "66.234 ÷ 181.567"],
    ...     "recomputed": [88_993.42, 36.4791], "printed": [89_300.0, 36.48], "difference": [306.58, 0.0009],
    ...     "tolerance": [182.826, 0.105], "unit": ["persons", "percent"], "status": ["flag", "pass"]})
    >>> describe_checks(checks).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'status': 'flag', 'region': 'Kota Binjai', 'check': 'uncovered', 'as of': '2024-10-19',
      'inputs': '132.826 × 67%', 'unit': 'persons', 'recomputed': '88.993', 'printed': '89.300',
      'difference': '306,58', 'tolerance': '182,826'},
     {'status': 'pass', 'region': 'Kabupaten Labuhanbatu', 'check': 'percent', 'as of': '2025-04-22',
      'inputs': '66.234 ÷ 181.567', 'unit': 'percent', 'recomputed': '36,48', 'printed': '36,48',
      'difference': '0,0009', 'tolerance': '0,105'}]
    """
    _require(checks, ["check", "region_name", "as_of", "inputs", *_CHECK_NUMBERS, "unit", "status"], "describe_checks")

    def rounded(value, unit):
        return "–" if _is_missing(value) else format_rounded(value, unit, language)

    rows = []
    for row in checks.itertuples(index=False):
        rows.append(
            {
                "status": row.status,
                "region": row.region_name,
                "check": row.check,
                "as of": row.as_of,
                "inputs": row.inputs,
                "unit": row.unit,
                "recomputed": rounded(row.recomputed, row.unit),
                "printed": rounded(row.printed, row.unit),
                **{
                    column: "–" if _is_missing(getattr(row, column)) else _shortest(getattr(row, column), language)
                    for column in ("difference", "tolerance")
                },
            }
        )
    return pd.DataFrame(rows, columns=["status", "region", "check", "as of", "inputs", "unit", *_CHECK_NUMBERS])


def assess_quality(
    processed: pd.DataFrame, checks: pd.DataFrame, *, exclude_levels: Iterable[str] = ("national",)
) -> pd.DataFrame:
    """Data quality per region: how many figures and how many approximate, the checks'
    outcomes, figures whose source has no publication date, and which key figures
    (coverage, workers, active participants, an own coverage target, a publication date)
    are missing.

    Examples
    --------
    >>> processed = pd.DataFrame({
    ...     "region_code": ["12.75", "12.75", "12.75", "18"], "region_name": ["Kota Binjai"] * 3 + ["Lampung"],
    ...     "level": ["city", "city", "city", "province"],
    ...     "indicator": ["ucj_coverage", "workers", "uncovered_workers", "coverage_target"],
    ...     "approximate": [False, False, True, False], "published": ["", "", "", "2025-12-09"]})
    >>> checks = pd.DataFrame({"region_code": ["12.75", "12.75"], "status": ["pass", "flag"]})
    >>> assess_quality(processed, checks).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'region_code': '12.75', 'region_name': 'Kota Binjai', 'figures': 3, 'approximate': 1, 'checks passed': 1,
      'flags': 1, 'derived (info)': 0, 'undated figures': 3,
      'missing': 'active participants; own coverage target; publication date'},
     {'region_code': '18', 'region_name': 'Lampung', 'figures': 1, 'approximate': 0, 'checks passed': 0,
      'flags': 0, 'derived (info)': 0, 'undated figures': 0, 'missing': 'coverage; workers; active participants'}]
    """
    _require(
        processed, ["region_code", "region_name", "level", "indicator", "approximate", "published"], "assess_quality"
    )
    _require(checks, ["region_code", "status"], "assess_quality")
    rows = []
    regions = processed[~processed["level"].isin(list(exclude_levels))]
    for code, figures in regions.groupby("region_code", sort=True):
        held = set(figures["indicator"])
        missing = [label for label, indicator in KEY_FIGURES.items() if indicator not in held]
        undated = int((figures["published"] == "").sum())
        if undated == len(figures):
            missing.append("publication date")
        elif undated:
            missing.append(f"publication date ({undated} of {len(figures)} figures)")
        status = checks.loc[checks["region_code"] == code, "status"]
        rows.append(
            {
                "region_code": code,
                "region_name": figures["region_name"].iloc[0],
                "figures": len(figures),
                "approximate": int(figures["approximate"].astype(bool).sum()),
                "checks passed": int((status == "pass").sum()),
                "flags": int((status == "flag").sum()),
                "derived (info)": int((status == "info").sum()),
                "undated figures": undated,
                "missing": "; ".join(missing) or "–",
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "region_code",
            "region_name",
            "figures",
            "approximate",
            "checks passed",
            "flags",
            "derived (info)",
            "undated figures",
            "missing",
        ],
    )


# -- programmes and money ------------------------------------------------------------------


def append_total(
    frame: pd.DataFrame, columns: Iterable[str], *, label_column: str, label: str = "total"
) -> pd.DataFrame:
    """Add a last row holding the sums of ``columns``; ``label_column`` says ``label``.
    Other columns of that row stay empty.

    Examples
    --------
    >>> frame = pd.DataFrame({"programme": ["JHT", "JKK"], "claims": [5_002, 149], "note": ["x", "y"]})
    >>> append_total(frame, ["claims"], label_column="programme").to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'programme': 'JHT', 'claims': 5002, 'note': 'x'}, {'programme': 'JKK', 'claims': 149, 'note': 'y'},
     {'programme': 'total', 'claims': 5151, 'note': ''}]
    """
    columns = list(columns)
    _require(frame, [*columns, label_column], "append_total")
    total = {column: "" for column in frame.columns}
    total.update({column: frame[column].sum() for column in columns})
    total[label_column] = label
    out = pd.concat([frame, pd.DataFrame([total])], ignore_index=True)
    return out.astype({column: frame[column].dtype for column in columns})


def add_share(frame: pd.DataFrame, *, value: str = "value", name: str = "share") -> pd.DataFrame:
    """Add each row's share of the column's total, in percent.

    Examples
    --------
    >>> frame = pd.DataFrame({"programme": ["JHT", "JKK", "JKM"], "value": [50.0, 30.0, 20.0]})
    >>> add_share(frame)["share"].tolist()
    [50.0, 30.0, 20.0]
    """
    _require(frame, [value], "add_share")
    total = frame[value].sum()
    if total <= 0:
        raise ValueError(f"column {value!r} sums to {total}: a share needs a positive total")
    return frame.assign(**{name: frame[value] / total * 100})


def add_change(
    frame: pd.DataFrame, *, value: str = "value", by: str = "region_code", name: str = "change"
) -> pd.DataFrame:
    """Add the change of ``value`` since the previous figure of the same ``by`` group,
    figures ordered by the end of their ``as_of`` period (the first of a group has none).
    The frame's own row order is kept.

    Examples
    --------
    Muba's poverty rate, dated "up to 2024" and "up to September 2025":

    >>> frame = pd.DataFrame({"region_code": ["16.06", "16.06"], "as_of": ["../2025-09-25", "../2024"],
    ...                       "value": [9.97, 12.88]})
    >>> add_change(frame)["change"].round(2).tolist()
    [-2.91, nan]
    """
    _require(frame, [value, by, "as_of"], "add_change")
    ends = frame["as_of"].map(period_end)
    ordered = frame.assign(_end=ends).sort_values([by, "_end"], kind="stable")
    change = ordered.groupby(by, sort=False)[value].diff()
    return frame.assign(**{name: change.reindex(frame.index)})


def cost_enrolment(
    frame: pd.DataFrame,
    scenarios: Mapping[str, tuple[int, dt.date, str]],
    *,
    persons: str = "value",
    segment: str = config.BPU_JKK_JKM,
    sector: str = config.BUDGET_SECTOR,
) -> pd.DataFrame:
    """Add, for each scenario ``name: (months, start, payer)``, the rupiah it costs ``payer`` to
    pay ``segment`` for the row's ``persons`` under the rule in force each month
    (:func:`ucjlib.contributions.cost`).

    Examples
    --------
    10.000 workers for 2026: a regional budget pays Rp16.800 every month; a self-paying worker
    pays it for January–March, then Rp8.400 for nine months (PP 50/2025): Rp126.000 a person.

    >>> frame = pd.DataFrame({"group": ["APBD"], "value": [10_000.0]})
    >>> scenarios = {"APBD": (12, dt.date(2026, 1, 1), "apbd"), "self-paid": (12, dt.date(2026, 1, 1), "self")}
    >>> cost_enrolment(frame, scenarios)[["APBD", "self-paid"]].to_dict("records")
    [{'APBD': 2016000000.0, 'self-paid': 1260000000.0}]
    """
    _require(frame, [persons], "cost_enrolment")
    costs = {
        name: [float(contributions.cost(n, segment, payer, start, months, sector)) for n in frame[persons]]
        for name, (months, start, payer) in scenarios.items()
    }
    return frame.assign(**costs)


def estimate_months(
    frame: pd.DataFrame, budget: float, rates: Mapping[str, float], *, persons: str = "value"
) -> pd.DataFrame:
    """Add, for each monthly rate ``name: rupiah``, how many months of cover ``budget``
    buys for the row's ``persons`` (:func:`ucjlib.metrics.implied_months`).

    Examples
    --------
    Rp1 miliar for 10.000 workers: 1.000.000.000 ÷ 168.000.000 = 5,95 months at Rp16.800,
    twice that (11,90) at Rp8.400.

    >>> frame = pd.DataFrame({"value": [10_000.0]})
    >>> estimate_months(frame, 1_000_000_000, {"full": 16_800, "discounted": 8_400}).round(2).to_dict("records")
    [{'value': 10000.0, 'full': 5.95, 'discounted': 11.9}]
    """
    _require(frame, [persons], "estimate_months")
    if budget <= 0:
        raise ValueError(f"budget must be a positive number of rupiah, not {budget!r}")
    months = {name: [metrics.implied_months(budget, n, rate) for n in frame[persons]] for name, rate in rates.items()}
    return frame.assign(**months)


def _decimals_needed(value: float, most: int = 2) -> int:
    """The fewest decimals (up to ``most``) that show a number exactly: 46.8 -> 1, 53.0 -> 0."""
    exact = round(float(value), most)
    return next(d for d in range(most + 1) if round(exact, d) == exact)
