"""Tests for ucjlib.tables: tiny hand-written frames, expected values worked out by hand."""

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from ucjlib import tables

D = dt.date

_DEFAULTS = {
    "region_code": "12.10", "region_name": "Kabupaten Labuhanbatu", "level": "regency", "indicator": "workers",
    "value": 0.0, "unit": "persons", "value_as_printed": "0", "approximate": False, "bound": "", "as_of": "2025",
    "programme": "", "group": "", "basis": "", "funding": "", "yardstick": "", "source_id": "src",
    "outlet": "Outlet", "published": "", "raw_line": 2,
}


def figures(*rows: dict) -> pd.DataFrame:
    """A processed-like frame: every row starts from the defaults above."""
    return pd.DataFrame([{**_DEFAULTS, "raw_line": line, **row} for line, row in enumerate(rows, start=2)])


NATIONAL = {"region_code": "00", "region_name": "Indonesia", "level": "national", "indicator": "coverage_target",
            "unit": "percent"}
BINJAI = {"region_code": "12.75", "region_name": "Kota Binjai", "level": "city"}
MUBA = {"region_code": "16.06", "region_name": "Kabupaten Musi Banyuasin", "level": "regency"}
LAMPUNG = {"region_code": "18", "region_name": "Lampung", "level": "province"}

NO_CHECKS = pd.DataFrame(columns=["check", "region_code", "source_id", "status", "recomputed", "inputs"])


# --- format_value / format_table -----------------------------------------------------------

@pytest.mark.parametrize(
    "value, unit, printed, expected",
    [
        (36.48, "percent", "36,48%", "36,48%"),
        (33.0, "percent", "33%", "33%"),  # printed without decimals, shown without
        (26.8, "percent", "26,8 persen", "26,8%"),
        (20.0, "points", "20 persen", "20 poin persentase"),
        (105_200_000_000.0, "rupiah", None, "Rp105,2 miliar"),
        (42_000_000.0, "rupiah", None, "Rp42 juta"),
        (16_800.0, "rupiah", None, "Rp16.800"),
        (1_149_447.0, "persons", None, "1.149.447"),
        (5.0, "rank", None, "5"),
        (float("nan"), "percent", None, "–"),
    ],
)
def test_format_value(value, unit, printed, expected):
    assert tables.format_value(value, unit, printed) == expected


def test_format_table_writes_named_columns_and_leaves_the_rest():
    frame = pd.DataFrame({"name": ["a", "b"], "pct": [52.15, np.nan], "pts": [15.67, 0.0],
                          "n": [28_451.55, 7_500.0], "rp": [1_260_000_000.0, 504_000_000.0]})
    out = tables.format_table(frame, percent=["pct"], points=["pts"], number=["n"], rupiah=["rp"])
    assert out.to_dict("records") == [
        {"name": "a", "pct": "52,15%", "pts": "15,67", "n": "28.452", "rp": "Rp1,3 miliar"},
        {"name": "b", "pct": "–", "pts": "0,00", "n": "7.500", "rp": "Rp504 juta"},
    ]
    assert frame["pct"].iloc[0] == 52.15  # input untouched


def test_format_table_decimals_per_column_and_english():
    frame = pd.DataFrame({"months": [5.952], "cost": [766_080_000.0]})
    out = tables.format_table(frame, number=["months"], rupiah=["cost"], decimals={"months": 1, "cost": 2}, language="en")
    assert out.to_dict("records") == [{"months": "6.0", "cost": "Rp766.08 million"}]


def test_format_table_unknown_column_is_named():
    with pytest.raises(ValueError, match="coverage"):
        tables.format_table(pd.DataFrame({"a": [1]}), percent=["coverage"])


# --- count_figures / select_figures / describe_figures -------------------------------------

def test_count_figures_orders_by_vocabulary_and_code_with_totals():
    processed = figures(
        {**LAMPUNG, "indicator": "coverage_target"},
        {"indicator": "claims_count"}, {"indicator": "claims_count"}, {"indicator": "ucj_coverage"},
        {**LAMPUNG, "indicator": "coverage_target"},
    )
    table = tables.count_figures(processed)
    # ucj_coverage comes before coverage_target, which comes before claims_count, in indicators.csv
    assert table.index.tolist() == ["ucj_coverage", "coverage_target", "claims_count", "total"]
    assert table.columns.tolist() == ["Kabupaten Labuhanbatu", "Lampung", "total"]
    assert table.loc["claims_count"].tolist() == [2, 0, 2]
    assert table.loc["coverage_target"].tolist() == [0, 2, 2]
    assert table.loc["total"].tolist() == [3, 2, 5]


def test_select_figures_filters_and_orders_by_region_then_line():
    processed = figures(
        {**LAMPUNG, "indicator": "benefits_paid"},
        {"indicator": "claims_count", "programme": "JHT"},
        {"indicator": "benefits_paid"},
        {"indicator": "claims_count", "programme": "JKK"},
    )
    assert tables.select_figures(processed, "claims_count")["programme"].tolist() == ["JHT", "JKK"]
    chosen = tables.select_figures(processed, ["benefits_paid"])
    assert chosen["region_code"].tolist() == ["12.10", "18"] and chosen["raw_line"].tolist() == [4, 2]
    assert len(tables.select_figures(processed, region_codes=["18"])) == 1


def test_select_figures_rejects_an_unknown_indicator():
    with pytest.raises(ValueError, match="coverage_rate"):
        tables.select_figures(figures({}), "coverage_rate")


def test_describe_figures_shows_provenance():
    processed = figures(
        {"indicator": "benefits_paid", "unit": "rupiah", "value": 837_000_000.0, "value_as_printed": "Rp837 juta lebih",
         "approximate": True, "bound": "at_least", "as_of": "2025-04-22", "programme": "santunan dan beasiswa",
         "published": "2025-04-23"},
        {**NATIONAL, "value": 99.5, "value_as_printed": "99,5%", "yardstick": "RPJPN 2025–2045", "as_of": "2045"},
    )
    out = tables.describe_figures(processed)
    assert out.iloc[0].to_dict() == {
        "region": "Kabupaten Labuhanbatu", "indicator": "benefits_paid", "detail": "santunan dan beasiswa",
        "as printed": "Rp837 juta lebih", "value": "Rp837 juta", "approximate": "at least", "as of": "2025-04-22",
        "outlet": "Outlet", "published": "2025-04-23"}
    assert out.iloc[1][["detail", "value", "approximate", "published"]].tolist() == [
        "RPJPN 2025–2045", "99,5%", "", "not printed"]


def test_describe_figures_joins_several_qualifiers():
    processed = figures({"indicator": "planned_enrolment", "value": 3_800.0, "value_as_printed": "3.800",
                         "group": "pekerja rentan", "funding": "DBH sawit (SILPA)"})
    assert tables.describe_figures(processed)["detail"].tolist() == ["pekerja rentan; DBH sawit (SILPA)"]


# --- describe_checks / assess_quality --------------------------------------------------------

def test_describe_checks_rounds_by_unit_and_keeps_small_differences():
    checks = pd.DataFrame({
        "check": ["gap", "months", "population"], "region_name": ["Kota Binjai", "X", "Kabupaten Labuhanbatu"],
        "as_of": ["2024-10-19", "2025", "2025-09-16"], "inputs": ["100 − 33%", "budget", "42 ribu ÷ 7,98"],
        "recomputed": [67.0, 3.0, 526_315.7895], "printed": [67.0, np.nan, np.nan],
        "difference": [0.0, np.nan, np.nan], "tolerance": [0.6, np.nan, np.nan],
        "unit": ["percent", "months", "persons"], "status": ["pass", "info", "info"]})
    out = tables.describe_checks(checks)
    assert out[["recomputed", "printed", "difference", "tolerance"]].values.tolist() == [
        ["67,00", "67,00", "0", "0,6"],
        ["3,0", "–", "–", "–"],
        ["526.316", "–", "–", "–"],
    ]


def test_assess_quality_counts_and_names_what_is_missing():
    processed = figures(
        {"indicator": "ucj_coverage", "published": "2025-04-23"},
        {"indicator": "workers", "published": "2025-04-23"},
        {"indicator": "active_participants", "published": "2025-04-23"},
        {"indicator": "poverty_rate", "approximate": True},
        {**MUBA, "indicator": "ucj_coverage"},
        {**MUBA, "indicator": "coverage_target", "approximate": False},
        {**MUBA, "indicator": "active_participants", "approximate": True},
        {**NATIONAL},
    )
    checks = pd.DataFrame({"region_code": ["12.10", "12.10", "16.06", "00"], "status": ["pass", "info", "flag", "flag"]})
    out = tables.assess_quality(processed, checks)
    assert out["region_code"].tolist() == ["12.10", "16.06"]  # national level left out
    labuhanbatu, muba = out.to_dict("records")
    assert labuhanbatu == {
        "region_code": "12.10", "region_name": "Kabupaten Labuhanbatu", "figures": 4, "approximate": 1,
        "checks passed": 1, "flags": 0, "derived (info)": 1, "undated figures": 1,
        "missing": "own coverage target; publication date (1 of 4 figures)"}
    assert muba["figures"] == 3 and muba["approximate"] == 1 and muba["flags"] == 1
    assert muba["missing"] == "workers; publication date"


def test_assess_quality_nothing_missing_shows_a_dash():
    processed = figures(*({"indicator": i, "published": "2025-01-02"}
                          for i in ("ucj_coverage", "workers", "active_participants", "coverage_target")))
    out = tables.assess_quality(processed, pd.DataFrame({"region_code": [], "status": []}))
    assert out["missing"].tolist() == ["–"]


# --- yardsticks, headline, targets and gaps --------------------------------------------------

def test_list_yardsticks_keeps_only_national_targets_named():
    processed = figures(
        {**NATIONAL, "yardstick": "RPJPN 2025–2045", "as_of": "2045", "value": 99.5, "value_as_printed": "99,5%"},
        {**NATIONAL, "yardstick": "RKP 2026", "as_of": "2026", "value": 34.99, "value_as_printed": "34,99%"},
        {**NATIONAL, "yardstick": "RPJMN 2025–2029", "as_of": "2025", "value": 32.15, "value_as_printed": "32,15%"},
        {**NATIONAL, "indicator": "ucj_coverage", "as_of": "2025-04", "value": 35.68},
        {**MUBA, "indicator": "coverage_target", "yardstick": "'target nasional' per artikel", "value": 58.0},
    )
    out = tables.list_yardsticks(processed)
    assert out[["yardstick", "year", "target", "as printed"]].values.tolist() == [
        ["RPJMN 2025–2029", 2025, 32.15, "32,15%"], ["RKP 2026", 2026, 34.99, "34,99%"],
        ["RPJPN 2025–2045", 2045, 99.5, "99,5%"]]


def _headline_data():
    processed = figures(
        {"indicator": "ucj_coverage", "value": 36.48, "value_as_printed": "36,48%", "as_of": "2025-04-22",
         "basis": "potensi pekerja", "source_id": "poskota"},
        {"indicator": "workers", "value": 181_567.0, "as_of": "2025-04-22", "source_id": "poskota"},
        {"indicator": "workers", "value": 999.0, "as_of": "2025-04-22", "source_id": "other"},  # another source
        {**MUBA, "indicator": "ucj_coverage", "value": 26.8, "value_as_printed": "26,8 persen", "as_of": "2024-12",
         "source_id": "disway"},
        {**MUBA, "indicator": "ucj_coverage", "value": 49.2, "value_as_printed": "49,2 persen", "as_of": "2025-09-25",
         "source_id": "disway"},
        {**LAMPUNG, "indicator": "coverage_target", "value": 38.39, "yardstick": "RPJMD Provinsi Lampung"},
        {**NATIONAL, "value": 52.15, "yardstick": "Kemendagri UCJ 2025", "as_of": "2025"},
        {**NATIONAL, "value": 43.92, "yardstick": "RPJMN 2025–2029", "as_of": "2029"},
    )
    checks = pd.DataFrame({
        "check": ["worker base implied by an enrolment plan", "population implied by the poverty figures"],
        "region_code": ["16.06", "12.10"], "source_id": ["disway", "poskota"], "status": ["info", "info"],
        "recomputed": [261_363.6364, 526_315.79], "inputs": ["23 ribu ÷ (58 − 49,2)", "42 ribu ÷ 7,98"]})
    return processed, checks


def test_headline_coverage_prefers_printed_workers_then_a_derived_base():
    processed, checks = _headline_data()
    out = tables.headline_coverage(processed, checks)
    assert out["region_code"].tolist() == ["12.10", "16.06", "18"]
    labuhanbatu, muba, lampung = out.to_dict("records")
    assert (labuhanbatu["coverage"], labuhanbatu["workers"], labuhanbatu["workers_from"], labuhanbatu["basis"]) == (
        36.48, 181_567.0, "printed", "potensi pekerja")
    # Muba: the latest of two readings; no printed base, so the one derived from the enrolment plan
    assert (muba["coverage"], muba["as_of"], muba["workers"]) == (49.2, "2025-09-25", 261_363.6364)
    assert muba["workers_from"] == "derived: 23 ribu ÷ (58 − 49,2)"
    # Lampung: targets only
    assert math.isnan(lampung["coverage"]) and math.isnan(lampung["workers"]) and lampung["workers_from"] == ""


def test_headline_coverage_unknown_region_code_fails_with_the_codes_present():
    processed, checks = _headline_data()
    with pytest.raises(ValueError, match="'12.75'.*12.10"):
        tables.headline_coverage(processed, checks, ["12.75"])


def test_collect_targets_names_every_kind_and_adds_the_rule_over_end_2024():
    processed, _ = _headline_data()
    out = tables.collect_targets(processed, ["16.06", "18"])
    assert out[["region_code", "kind", "target_name", "year", "target"]].values.tolist() == [
        ["16.06", "national", "Kemendagri UCJ 2025", 2025, 52.15],
        ["16.06", "national", "RPJMN 2025–2029", 2029, 43.92],
        # 26,8 + 20 = 46,8
        ["16.06", "+20-point rule", "+20-point rule over end-2024 (26,8% + 20)", 2025, 46.8],
        ["18", "national", "Kemendagri UCJ 2025", 2025, 52.15],
        ["18", "national", "RPJMN 2025–2029", 2029, 43.92],
        ["18", "regional", "RPJMD Provinsi Lampung", 2025, 38.39],
    ]


def test_measure_gaps_in_points_persons_and_attainment():
    processed, checks = _headline_data()
    headline = tables.headline_coverage(processed, checks)
    gaps = tables.measure_gaps(headline, tables.collect_targets(processed, ["12.10", "16.06", "18"]))
    by = gaps.set_index(["region_code", "target_name"])
    # Labuhanbatu vs Kemendagri 52,15%: 15,67 points; 15,67 × 181.567 / 100 = 28.451,5 persons;
    # 36,48 / 52,15 = 69,95%
    row = by.loc[("12.10", "Kemendagri UCJ 2025")]
    assert row["gap_points"] == pytest.approx(15.67)
    assert row["gap_persons"] == pytest.approx(28_451.5489)
    assert row["attainment"] == pytest.approx(69.952, abs=1e-3)
    assert row["status"] == "open"
    # Muba at 49,2% has passed the rule's 46,8%: no gap, 105,13% of it
    row = by.loc[("16.06", "+20-point rule over end-2024 (26,8% + 20)")]
    assert (row["gap_points"], row["gap_persons"], row["status"]) == (0.0, 0.0, "reached")
    assert row["attainment"] == pytest.approx(105.128, abs=1e-3)
    # Muba vs RPJMN 2029 43,92%: reached; vs Kemendagri 52,15%: 2,95 points × 261.363,6 / 100 = 7.710,2
    assert by.loc[("16.06", "Kemendagri UCJ 2025"), "gap_persons"] == pytest.approx(7_710.227, abs=1e-3)
    # Lampung has no coverage figure: nothing to measure
    row = by.loc[("18", "RPJMD Provinsi Lampung")]
    assert math.isnan(row["gap_points"]) and math.isnan(row["gap_persons"]) and row["status"] == "no coverage figure"


def test_measure_gaps_without_a_worker_base_gives_points_only():
    headline = pd.DataFrame({"region_code": ["12.75"], "coverage": [33.0], "workers": [np.nan], "workers_from": [""]})
    targets = pd.DataFrame({"region_code": ["12.75"], "region_name": ["Kota Binjai"], "kind": ["+20-point rule"],
                            "target_name": ["rule"], "year": [2025], "target": [53.0]})
    row = tables.measure_gaps(headline, targets).iloc[0]
    assert row["gap_points"] == 20.0 and math.isnan(row["gap_persons"])


# --- totals, shares, changes ------------------------------------------------------------------

def test_append_total_and_add_share_on_labuhanbatu_claims():
    claims = pd.DataFrame({"programme": ["JHT", "JKK", "JKM", "JP", "beasiswa"],
                           "value": [5_002.0, 149.0, 255.0, 3_520.0, 303.0]})
    shared = tables.add_share(claims)
    # 5.002 + 149 + 255 + 3.520 + 303 = 9.229; JHT 5.002 / 9.229 = 54,2%
    assert shared["share"].iloc[0] == pytest.approx(54.1987, abs=1e-4)
    assert shared["share"].sum() == pytest.approx(100.0)
    total = tables.append_total(shared, ["value", "share"], label_column="programme")
    assert total["programme"].tolist()[-1] == "total"
    assert total["value"].tolist()[-1] == 9_229.0
    assert total["share"].iloc[-1] == pytest.approx(100.0)
    assert len(claims) == 5  # input untouched


def test_add_share_refuses_a_zero_total():
    with pytest.raises(ValueError, match="positive total"):
        tables.add_share(pd.DataFrame({"value": [0.0, 0.0]}))


def test_add_change_orders_by_period_end_within_each_region():
    frame = pd.DataFrame({"region_code": ["16.06", "12.10", "16.06"], "as_of": ["../2025-09-25", "2025-09-16", "../2024"],
                          "value": [9.97, 7.98, 12.88]})
    change = tables.add_change(frame)["change"]
    assert change.iloc[0] == pytest.approx(-2.91)  # 9,97 − 12,88
    assert math.isnan(change.iloc[1]) and math.isnan(change.iloc[2])


# --- enrolment costs and months ------------------------------------------------------------

def test_cost_enrolment_full_rate_and_discount_window():
    plans = pd.DataFrame({"funding": ["APBD", "DBH sawit"], "value": [10_000.0, 3_800.0]})
    scenarios = {
        "2025": (12, D(2025, 1, 1), "other"),  # 12 × 16.800 = 201.600 a person
        "2026": (12, D(2026, 1, 1), "other"),  # 3 × 16.800 + 9 × 8.400 = 126.000 a person
        "2026 transport": (12, D(2026, 1, 1), "transport"),  # 12 × 8.400 = 100.800 a person
    }
    out = tables.cost_enrolment(plans, scenarios)
    assert out["2025"].tolist() == [2_016_000_000.0, 766_080_000.0]
    assert out["2026"].tolist() == [1_260_000_000.0, 478_800_000.0]
    assert out["2026 transport"].tolist() == [1_008_000_000.0, 383_040_000.0]


def test_estimate_months_a_budget_buys():
    plans = pd.DataFrame({"value": [7_500.0, 23_000.0]})
    out = tables.estimate_months(plans, 504_000_000, {"full": 16_800, "discounted": 8_400})
    # 504.000.000 ÷ (7.500 × 16.800 = 126.000.000) = 4 months; ÷ 63.000.000 = 8
    assert out["full"].iloc[0] == pytest.approx(4.0)
    assert out["discounted"].iloc[0] == pytest.approx(8.0)
    # 504.000.000 ÷ (23.000 × 16.800 = 386.400.000) = 1,304 months
    assert out["full"].iloc[1] == pytest.approx(1.3043, abs=1e-4)


def test_estimate_months_refuses_a_non_positive_budget():
    with pytest.raises(ValueError, match="budget"):
        tables.estimate_months(pd.DataFrame({"value": [1.0]}), 0, {"full": 16_800})


# --- chart rows -------------------------------------------------------------------------------

def test_arrange_for_chart_lists_coverage_then_own_targets_without_national_ones():
    processed, checks = _headline_data()
    headline = tables.headline_coverage(processed, checks)
    rows = tables.arrange_for_chart(headline, tables.collect_targets(processed, headline["region_code"].tolist()))
    assert rows[["label", "kind", "value_text"]].values.tolist() == [
        ["Kabupaten Labuhanbatu: coverage, 22 April 2025", "coverage", "36,48%"],
        ["Kabupaten Musi Banyuasin: coverage, 25 September 2025", "coverage", "49,2%"],
        # 26,8 + 20 = 46,8, written with the one decimal it needs
        ["Kabupaten Musi Banyuasin: +20-point rule over end-2024 (26,8% + 20), 2025", "+20-point rule", "46,8%"],
        ["Lampung: no coverage figure", "no coverage", "no coverage figure"],
        ["Lampung: RPJMD Provinsi Lampung, 2025", "regional", "38,39%"],
    ]
    assert math.isnan(rows["value"].iloc[3])


def test_arrange_for_chart_two_line_labels():
    headline = pd.DataFrame({"region_code": ["12.75"], "region_name": ["Kota Binjai"], "coverage": [33.0],
                             "coverage_as_printed": ["33%"], "as_of": ["2024-10-19"]})
    targets = pd.DataFrame(columns=["region_code", "kind", "target_name", "year", "target"])
    rows = tables.arrange_for_chart(headline, targets, separator="\n")
    assert rows["label"].tolist() == ["Kota Binjai\ncoverage, 19 Oktober 2024"]
