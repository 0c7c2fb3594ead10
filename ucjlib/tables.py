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

import numpy as np
import pandas as pd

from . import metrics
from .formatting import format_number, format_percent, format_points, format_rupiah
from .indicators import indicators
from .parse import period_end, printed_decimals
from .schemas import QUALIFIERS
from .summary import latest

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
_KINDS = ("national", "regional", "+20-point rule")


def _require(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} needs the column(s) {', '.join(missing)}; the frame has: {', '.join(map(str, frame.columns))}")


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
        decimals = printed_decimals(printed) if printed else 2
        return (format_percent if unit == "percent" else format_points)(value, language, decimals)
    if unit == "rupiah":
        return format_rupiah(value, language)
    return format_number(value, language, 0 if float(value).is_integer() else 1)


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
    >>> format_table(frame, percent=["coverage"], number=["workers"], rupiah=["cost"],
    ...              decimals={"cost": 2}).to_dict("records")
    [{'region': 'A', 'coverage': '36,48%', 'workers': '181.567', 'cost': 'Rp2,02 miliar'}, {'region': 'B', 'coverage': '–', 'workers': '132.826', 'cost': 'Rp766,08 juta'}]
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
    table = table.reindex(index=_indicator_order(processed["indicator"]), columns=list(regions["region_code"]), fill_value=0)
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
    _require(figures, ["region_name", "indicator", "unit", "value", "value_as_printed", "approximate", "bound",
                       "as_of", *QUALIFIERS, "outlet", "published"], "describe_figures")
    rows = []
    for row in figures.itertuples(index=False):
        detail = "; ".join(str(getattr(row, q)) for q in QUALIFIERS if getattr(row, q))
        rows.append({
            "region": row.region_name,
            "indicator": row.indicator,
            "detail": detail,
            "as printed": row.value_as_printed,
            "value": format_value(row.value, row.unit, row.value_as_printed, language),
            "approximate": BOUND_WORDS.get(row.bound, row.bound or "approximate") if row.approximate else "",
            "as of": row.as_of,
            "outlet": row.outlet,
            "published": row.published or "not printed",
        })
    return pd.DataFrame(rows, columns=["region", "indicator", "detail", "as printed", "value", "approximate",
                                       "as of", "outlet", "published"])


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
        if _is_missing(value):
            return "–"
        if unit == "percent":
            return format_number(value, language, 2)
        if unit == "rupiah":
            return format_rupiah(value, language)
        return format_number(value, language, 1 if unit == "months" else 0)

    rows = []
    for row in checks.itertuples(index=False):
        rows.append({"status": row.status, "region": row.region_name, "check": row.check, "as of": row.as_of,
                     "inputs": row.inputs, "unit": row.unit,
                     "recomputed": rounded(row.recomputed, row.unit), "printed": rounded(row.printed, row.unit),
                     **{column: "–" if _is_missing(getattr(row, column)) else _shortest(getattr(row, column), language)
                        for column in ("difference", "tolerance")}})
    return pd.DataFrame(rows, columns=["status", "region", "check", "as of", "inputs", "unit", *_CHECK_NUMBERS])


def assess_quality(processed: pd.DataFrame, checks: pd.DataFrame, *, exclude_levels: Iterable[str] = ("national",)) -> pd.DataFrame:
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
    _require(processed, ["region_code", "region_name", "level", "indicator", "approximate", "published"], "assess_quality")
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
        rows.append({
            "region_code": code, "region_name": figures["region_name"].iloc[0], "figures": len(figures),
            "approximate": int(figures["approximate"].astype(bool).sum()),
            "checks passed": int((status == "pass").sum()), "flags": int((status == "flag").sum()),
            "derived (info)": int((status == "info").sum()), "undated figures": undated,
            "missing": "; ".join(missing) or "–",
        })
    return pd.DataFrame(rows, columns=["region_code", "region_name", "figures", "approximate", "checks passed", "flags",
                                       "derived (info)", "undated figures", "missing"])


# -- coverage against targets ----------------------------------------------------------------

def list_yardsticks(processed: pd.DataFrame) -> pd.DataFrame:
    """The national coverage yardsticks, each named: the ``coverage_target`` rows of the
    national level, by year then value.

    Examples
    --------
    >>> processed = pd.DataFrame({
    ...     "level": ["national", "national", "national", "regency"],
    ...     "indicator": ["coverage_target", "coverage_target", "ucj_coverage", "coverage_target"],
    ...     "yardstick": ["RPJMN 2025–2029", "Kemendagri UCJ 2025", "", "RPJMD"],
    ...     "as_of": ["2029", "2025", "2025-04", "2025"], "value": [43.92, 52.15, 35.68, 40.0],
    ...     "value_as_printed": ["43,92%", "52,15%", "35,68%", "40%"], "outlet": ["RPJMN", "Kemendagri", "BPJS", "Pemkab"]})
    >>> list_yardsticks(processed)[["yardstick", "year", "target"]].to_dict("records")
    [{'yardstick': 'Kemendagri UCJ 2025', 'year': 2025, 'target': 52.15}, {'yardstick': 'RPJMN 2025–2029', 'year': 2029, 'target': 43.92}]
    """
    _require(processed, ["level", "indicator", "yardstick", "as_of", "value", "value_as_printed", "outlet"], "list_yardsticks")
    rows = processed[(processed["level"] == "national") & (processed["indicator"] == "coverage_target")]
    table = pd.DataFrame({
        "yardstick": rows["yardstick"].to_numpy(), "year": rows["as_of"].str[:4].astype(int).to_numpy(),
        "target": rows["value"].astype(float).to_numpy(), "as printed": rows["value_as_printed"].to_numpy(),
        "source": rows["outlet"].to_numpy()})
    return table.sort_values(["year", "target", "yardstick"], kind="stable").reset_index(drop=True)


def headline_coverage(processed: pd.DataFrame, checks: pd.DataFrame, region_codes: Iterable[str] | None = None) -> pd.DataFrame:
    """Each region's latest coverage with its worker base.

    The worker base is the ``workers`` figure the same source gives for the same date
    (``workers_from`` = ``"printed"``); failing that, a worker base a consistency check
    derived from that source's figures (``"derived: <inputs>"``); else missing. Regions
    default to every sub-national region, by code.

    Examples
    --------
    >>> processed = pd.DataFrame({
    ...     "region_code": ["12.75", "12.75", "16.06", "16.06"],
    ...     "region_name": ["Kota Binjai", "Kota Binjai", "Kabupaten Musi Banyuasin", "Kabupaten Musi Banyuasin"],
    ...     "level": ["city", "city", "regency", "regency"],
    ...     "indicator": ["ucj_coverage", "workers", "ucj_coverage", "ucj_coverage"],
    ...     "value": [33.0, 132_826.0, 26.8, 49.2], "value_as_printed": ["33%", "132.826", "26,8 persen", "49,2 persen"],
    ...     "as_of": ["2024-10-19", "2024-10-19", "2024-12", "2025-09-25"], "basis": ["angkatan kerja", "angkatan kerja", "", ""],
    ...     "source_id": ["fgd", "fgd", "disway", "disway"], "raw_line": [2, 3, 4, 5]})
    >>> checks = pd.DataFrame({"check": ["worker base implied by an enrolment plan"], "region_code": ["16.06"],
    ...                        "source_id": ["disway"], "status": ["info"], "recomputed": [261_363.6364],
    ...                        "inputs": ["23 ribu ÷ (58 − 49,2)"]})
    >>> table = headline_coverage(processed, checks)
    >>> table[["region_code", "coverage", "as_of", "workers", "workers_from"]].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'region_code': '12.75', 'coverage': 33.0, 'as_of': '2024-10-19', 'workers': 132826.0, 'workers_from': 'printed'},
     {'region_code': '16.06', 'coverage': 49.2, 'as_of': '2025-09-25', 'workers': 261363.6364,
      'workers_from': 'derived: 23 ribu ÷ (58 − 49,2)'}]
    """
    _require(processed, ["region_code", "region_name", "level", "indicator", "value", "value_as_printed", "as_of",
                         "basis", "source_id", "raw_line"], "headline_coverage")
    _require(checks, ["check", "region_code", "source_id", "status", "recomputed", "inputs"], "headline_coverage")
    if region_codes is None:
        region_codes = sorted(set(processed.loc[processed["level"] != "national", "region_code"]))
    rows = []
    for code in region_codes:
        figures = processed[processed["region_code"] == code]
        if figures.empty:
            raise ValueError(f"region code {code!r} has no figures in the processed data; codes present: "
                             f"{', '.join(sorted(set(processed['region_code'])))}")
        row = {"region_code": code, "region_name": figures["region_name"].iloc[0], "coverage": np.nan,
               "coverage_as_printed": "", "as_of": "", "basis": "", "source_id": "", "workers": np.nan, "workers_from": ""}
        coverage = latest(processed, code, "ucj_coverage")
        if coverage is not None:
            row.update(coverage=float(coverage["value"]), coverage_as_printed=coverage["value_as_printed"],
                       as_of=coverage["as_of"], basis=coverage["basis"], source_id=coverage["source_id"])
            same = figures[(figures["indicator"] == "workers") & (figures["source_id"] == coverage["source_id"])
                           & (figures["as_of"] == coverage["as_of"])]
            derived = checks[(checks["region_code"] == code) & (checks["source_id"] == coverage["source_id"])
                             & (checks["status"] == "info") & checks["check"].str.startswith("worker base")]
            if len(same):
                row.update(workers=float(same["value"].iloc[0]), workers_from="printed")
            elif len(derived):
                row.update(workers=float(derived["recomputed"].iloc[0]), workers_from=f"derived: {derived['inputs'].iloc[0]}")
        rows.append(row)
    return pd.DataFrame(rows, columns=["region_code", "region_name", "coverage", "coverage_as_printed", "as_of", "basis",
                                       "source_id", "workers", "workers_from"])


def collect_targets(processed: pd.DataFrame, region_codes: Iterable[str]) -> pd.DataFrame:
    """Every coverage target each region is compared with, each named.

    Three kinds: the ``national`` yardsticks (the same for every region), the region's
    own ``regional`` targets under the name the data stores (an article's claim stays
    labelled as such), and the ``+20-point rule`` over the region's end-2024 coverage
    where the data has one. Ordered by region as given, then kind, year and value.

    Examples
    --------
    >>> processed = pd.DataFrame({
    ...     "region_code": ["00", "12.75", "18"], "region_name": ["Indonesia", "Kota Binjai", "Lampung"],
    ...     "level": ["national", "city", "province"], "indicator": ["coverage_target", "ucj_coverage", "coverage_target"],
    ...     "yardstick": ["RPJMN 2025–2029", "", "RPJMD Provinsi Lampung"], "as_of": ["2025", "2024-10-19", "2026"],
    ...     "value": [32.15, 33.0, 45.53], "value_as_printed": ["32,15%", "33%", "45,53%"]})
    >>> collect_targets(processed, ["12.75", "18"]).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'region_code': '12.75', 'region_name': 'Kota Binjai', 'kind': 'national', 'target_name': 'RPJMN 2025–2029',
      'year': 2025, 'target': 32.15},
     {'region_code': '12.75', 'region_name': 'Kota Binjai', 'kind': '+20-point rule',
      'target_name': '+20-point rule over end-2024 (33% + 20)', 'year': 2025, 'target': 53.0},
     {'region_code': '18', 'region_name': 'Lampung', 'kind': 'national', 'target_name': 'RPJMN 2025–2029',
      'year': 2025, 'target': 32.15},
     {'region_code': '18', 'region_name': 'Lampung', 'kind': 'regional', 'target_name': 'RPJMD Provinsi Lampung',
      'year': 2026, 'target': 45.53}]
    """
    _require(processed, ["region_code", "region_name", "level", "indicator", "yardstick", "as_of", "value",
                         "value_as_printed"], "collect_targets")
    targets = processed[processed["indicator"] == "coverage_target"]
    national = targets[targets["level"] == "national"]
    rows = []
    for code in region_codes:
        figures = processed[processed["region_code"] == code]
        if figures.empty:
            raise ValueError(f"region code {code!r} has no figures in the processed data")
        name = figures["region_name"].iloc[0]
        own = targets[(targets["region_code"] == code) & (targets["level"] != "national")]
        for kind, group in (("national", national), ("regional", own)):
            for target in group.itertuples(index=False):
                rows.append({"region_code": code, "region_name": name, "kind": kind, "target_name": target.yardstick,
                             "year": int(target.as_of[:4]), "target": float(target.value)})
        end_2024 = figures[(figures["indicator"] == "ucj_coverage") & figures["as_of"].str.startswith("2024")]
        if len(end_2024):
            base = end_2024.assign(_end=end_2024["as_of"].map(period_end)).sort_values("_end", kind="stable").iloc[-1]
            rows.append({"region_code": code, "region_name": name, "kind": "+20-point rule",
                         "target_name": f"+20-point rule over end-2024 ({format_value(base['value'], 'percent', base['value_as_printed'])} + 20)",
                         "year": 2025, "target": metrics.rule_target(float(base["value"]))})
    table = pd.DataFrame(rows, columns=["region_code", "region_name", "kind", "target_name", "year", "target"])
    order = {code: position for position, code in enumerate(region_codes)}
    return (table.assign(_region=table["region_code"].map(order), _kind=table["kind"].map(_KINDS.index))
            .sort_values(["_region", "_kind", "year", "target"], kind="stable")
            .drop(columns=["_region", "_kind"]).reset_index(drop=True))


def measure_gaps(headline: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Distance from each region's coverage to each of its targets: in percentage points,
    in persons on the region's worker base (when known), and as attainment (coverage as a
    percent of the target). ``status`` says ``reached``, ``open`` or ``no coverage figure``.

    The worker base is held flat: a gap in persons to a later year's target ignores growth
    of the work force.

    Examples
    --------
    >>> headline = pd.DataFrame({"region_code": ["12.10", "18"], "coverage": [36.48, np.nan],
    ...                          "workers": [181_567.0, np.nan], "workers_from": ["printed", ""]})
    >>> targets = pd.DataFrame({"region_code": ["12.10", "12.10", "18"], "region_name": ["Labuhanbatu"] * 2 + ["Lampung"],
    ...                         "kind": ["national"] * 3, "target_name": ["Kemendagri UCJ 2025", "RPJMN 2025–2029", "RPJMN 2025–2029"],
    ...                         "year": [2025, 2025, 2025], "target": [52.15, 32.15, 32.15]})
    >>> gaps = measure_gaps(headline, targets)
    >>> gaps[["gap_points", "gap_persons", "status"]].round(2).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'gap_points': 15.67, 'gap_persons': 28451.55, 'status': 'open'},
     {'gap_points': 0.0, 'gap_persons': 0.0, 'status': 'reached'},
     {'gap_points': nan, 'gap_persons': nan, 'status': 'no coverage figure'}]
    """
    _require(headline, ["region_code", "coverage", "workers", "workers_from"], "measure_gaps")
    _require(targets, ["region_code", "region_name", "kind", "target_name", "year", "target"], "measure_gaps")
    table = targets.merge(headline[["region_code", "coverage", "workers", "workers_from"]], on="region_code",
                          how="left", validate="many_to_one")
    rows = []
    for row in table.itertuples(index=False):
        if _is_missing(row.coverage):
            rows.append((np.nan, np.nan, np.nan, "no coverage figure"))
            continue
        points = metrics.gap_points(row.coverage, row.target)
        persons = np.nan if _is_missing(row.workers) else metrics.gap_persons(row.coverage, row.target, row.workers)
        rows.append((points, persons, metrics.attainment(row.coverage, row.target), "reached" if points == 0 else "open"))
    measured = pd.DataFrame(rows, columns=["gap_points", "gap_persons", "attainment", "status"], index=table.index)
    return pd.concat([table, measured], axis=1)


# -- programmes and money ------------------------------------------------------------------

def append_total(frame: pd.DataFrame, columns: Iterable[str], *, label_column: str, label: str = "total") -> pd.DataFrame:
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


def add_change(frame: pd.DataFrame, *, value: str = "value", by: str = "region_code", name: str = "change") -> pd.DataFrame:
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
) -> pd.DataFrame:
    """Add, for each scenario ``name: (months, start, sector)``, the rupiah it costs to pay
    BPU JKK+JKM for the row's ``persons`` at the rate in force each month
    (:func:`ucjlib.metrics.enrolment_cost`: Rp16.800, or Rp8.400 inside the PP 50/2025 window).

    Examples
    --------
    10.000 workers for 2025 (12 × Rp16.800) and for 2026 (January–March at Rp16.800, then
    nine months at Rp8.400: Rp126.000 a person):

    >>> frame = pd.DataFrame({"group": ["APBD"], "value": [10_000.0]})
    >>> scenarios = {"2025": (12, dt.date(2025, 1, 1), "other"), "2026": (12, dt.date(2026, 1, 1), "other")}
    >>> cost_enrolment(frame, scenarios)[["2025", "2026"]].to_dict("records")
    [{'2025': 2016000000.0, '2026': 1260000000.0}]
    """
    _require(frame, [persons], "cost_enrolment")
    costs = {name: [float(metrics.enrolment_cost(n, months, start, sector)) for n in frame[persons]]
             for name, (months, start, sector) in scenarios.items()}
    return frame.assign(**costs)


def estimate_months(frame: pd.DataFrame, budget: float, rates: Mapping[str, float], *, persons: str = "value") -> pd.DataFrame:
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


def arrange_for_chart(headline: pd.DataFrame, targets: pd.DataFrame, language: str = "id", *,
                      separator: str = ": ") -> pd.DataFrame:
    """Rows of a coverage-versus-targets chart, top to bottom: for each region its latest
    coverage (or a ``no coverage figure`` row with a missing value), then its own and
    +20-point-rule targets, each labelled with its name and year. National yardsticks are
    left out: a chart draws them once, as named reference lines. ``separator`` goes between
    the region's name and the rest of a label (``"\\n"`` for two-line labels).

    Examples
    --------
    >>> headline = pd.DataFrame({"region_code": ["12.75", "18"], "region_name": ["Kota Binjai", "Lampung"],
    ...                          "coverage": [33.0, np.nan], "coverage_as_printed": ["33%", ""],
    ...                          "as_of": ["2024-10-19", ""]})
    >>> targets = pd.DataFrame({"region_code": ["12.75", "12.75", "18"], "kind": ["national", "+20-point rule", "regional"],
    ...                         "target_name": ["RPJMN 2025–2029", "+20-point rule over end-2024 (33% + 20)", "RPJMD Provinsi Lampung"],
    ...                         "year": [2025, 2025, 2026], "target": [32.15, 53.0, 45.53]})
    >>> arrange_for_chart(headline, targets).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'region_name': 'Kota Binjai', 'label': 'Kota Binjai: coverage, 19 Oktober 2024', 'kind': 'coverage',
      'value': 33.0, 'value_text': '33%'},
     {'region_name': 'Kota Binjai', 'label': 'Kota Binjai: +20-point rule over end-2024 (33% + 20), 2025',
      'kind': '+20-point rule', 'value': 53.0, 'value_text': '53%'},
     {'region_name': 'Lampung', 'label': 'Lampung: no coverage figure', 'kind': 'no coverage',
      'value': nan, 'value_text': 'no coverage figure'},
     {'region_name': 'Lampung', 'label': 'Lampung: RPJMD Provinsi Lampung, 2026', 'kind': 'regional',
      'value': 45.53, 'value_text': '45,53%'}]
    """
    from .formatting import format_date

    _require(headline, ["region_code", "region_name", "coverage", "coverage_as_printed", "as_of"], "arrange_for_chart")
    _require(targets, ["region_code", "kind", "target_name", "year", "target"], "arrange_for_chart")
    rows = []
    for region in headline.itertuples(index=False):
        name = region.region_name
        if _is_missing(region.coverage):
            rows.append({"region_name": name, "label": f"{name}{separator}no coverage figure", "kind": "no coverage",
                         "value": np.nan, "value_text": "no coverage figure"})
        else:
            rows.append({"region_name": name, "label": f"{name}{separator}coverage, {format_date(region.as_of, language)}",
                         "kind": "coverage", "value": float(region.coverage),
                         "value_text": format_value(region.coverage, "percent", region.coverage_as_printed, language)})
        own = targets[(targets["region_code"] == region.region_code) & (targets["kind"] != "national")]
        for target in own.itertuples(index=False):
            rows.append({"region_name": name, "label": f"{name}{separator}{target.target_name}, {target.year}", "kind": target.kind,
                         "value": float(target.target),
                         "value_text": format_percent(target.target, language, _decimals_needed(target.target))})
    return pd.DataFrame(rows, columns=["region_name", "label", "kind", "value", "value_text"])


def _decimals_needed(value: float, most: int = 2) -> int:
    """The fewest decimals (up to ``most``) that show a number exactly: 46.8 -> 1, 53.0 -> 0."""
    exact = round(float(value), most)
    return next(d for d in range(most + 1) if round(exact, d) == exact)
