"""Tests for ucjlib.analysis.tables: tiny hand-written frames, expected values worked out by hand."""

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from ucjlib.analysis import tables

D = dt.date

_DEFAULTS = {
    "region_code": "12.10",
    "region_name": "Kabupaten Labuhanbatu",
    "level": "regency",
    "indicator": "workers",
    "value": 0.0,
    "unit": "persons",
    "value_as_printed": "0",
    "approximate": False,
    "bound": "",
    "as_of": "2025",
    "programme": "",
    "group": "",
    "basis": "",
    "funding": "",
    "yardstick": "",
    "source_id": "src",
    "outlet": "Outlet",
    "published": "",
    "raw_line": 2,
}


def figures(*rows: dict) -> pd.DataFrame:
    """A processed-like frame: every row starts from the defaults above."""
    return pd.DataFrame([{**_DEFAULTS, "raw_line": line, **row} for line, row in enumerate(rows, start=2)])


NATIONAL = {
    "region_code": "00",
    "region_name": "Indonesia",
    "level": "national",
    "indicator": "coverage_target",
    "unit": "percent",
}
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
    frame = pd.DataFrame(
        {
            "name": ["a", "b"],
            "pct": [52.15, np.nan],
            "pts": [15.67, 0.0],
            "n": [28_451.55, 7_500.0],
            "rp": [1_260_000_000.0, 504_000_000.0],
        }
    )
    out = tables.format_table(frame, percent=["pct"], points=["pts"], number=["n"], rupiah=["rp"])
    assert out.to_dict("records") == [
        {"name": "a", "pct": "52,15%", "pts": "15,67", "n": "28.452", "rp": "Rp1,3 miliar"},
        {"name": "b", "pct": "–", "pts": "0,00", "n": "7.500", "rp": "Rp504 juta"},
    ]
    assert frame["pct"].iloc[0] == 52.15  # input untouched


def test_format_table_decimals_per_column_and_english():
    frame = pd.DataFrame({"months": [5.952], "cost": [766_080_000.0]})
    out = tables.format_table(
        frame, number=["months"], rupiah=["cost"], decimals={"months": 1, "cost": 2}, language="en"
    )
    assert out.to_dict("records") == [{"months": "6.0", "cost": "Rp766.08 million"}]


def test_format_table_unknown_column_is_named():
    with pytest.raises(ValueError, match="coverage"):
        tables.format_table(pd.DataFrame({"a": [1]}), percent=["coverage"])


# --- count_figures / select_figures / describe_figures -------------------------------------


def test_count_figures_orders_by_vocabulary_and_code_with_totals():
    processed = figures(
        {**LAMPUNG, "indicator": "coverage_target"},
        {"indicator": "claims_count"},
        {"indicator": "claims_count"},
        {"indicator": "ucj_coverage"},
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
        {
            "indicator": "benefits_paid",
            "unit": "rupiah",
            "value": 837_000_000.0,
            "value_as_printed": "Rp837 juta lebih",
            "approximate": True,
            "bound": "at_least",
            "as_of": "2025-04-22",
            "programme": "santunan dan beasiswa",
            "published": "2025-04-23",
        },
        {**NATIONAL, "value": 99.5, "value_as_printed": "99,5%", "yardstick": "RPJPN 2025–2045", "as_of": "2045"},
    )
    out = tables.describe_figures(processed)
    assert out.iloc[0].to_dict() == {
        "region": "Kabupaten Labuhanbatu",
        "indicator": "benefits_paid",
        "detail": "santunan dan beasiswa",
        "as printed": "Rp837 juta lebih",
        "value": "Rp837 juta",
        "approximate": "at least",
        "as of": "2025-04-22",
        "outlet": "Outlet",
        "published": "2025-04-23",
    }
    assert out.iloc[1][["detail", "value", "approximate", "published"]].tolist() == [
        "RPJPN 2025–2045",
        "99,5%",
        "",
        "not printed",
    ]


def test_describe_figures_joins_several_qualifiers():
    processed = figures(
        {
            "indicator": "planned_enrolment",
            "value": 3_800.0,
            "value_as_printed": "3.800",
            "group": "pekerja rentan",
            "funding": "DBH sawit (SILPA)",
        }
    )
    assert tables.describe_figures(processed)["detail"].tolist() == ["pekerja rentan; DBH sawit (SILPA)"]


# --- describe_checks / assess_quality --------------------------------------------------------


def test_describe_checks_rounds_by_unit_and_keeps_small_differences():
    checks = pd.DataFrame(
        {
            "check": ["gap", "months", "population"],
            "region_name": ["Kota Binjai", "X", "Kabupaten Labuhanbatu"],
            "as_of": ["2024-10-19", "2025", "2025-09-16"],
            "inputs": ["100 − 33%", "budget", "42 ribu ÷ 7,98"],
            "recomputed": [67.0, 3.0, 526_315.7895],
            "printed": [67.0, np.nan, np.nan],
            "difference": [0.0, np.nan, np.nan],
            "tolerance": [0.6, np.nan, np.nan],
            "unit": ["percent", "months", "persons"],
            "status": ["pass", "info", "info"],
        }
    )
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
    checks = pd.DataFrame(
        {"region_code": ["12.10", "12.10", "16.06", "00"], "status": ["pass", "info", "flag", "flag"]}
    )
    out = tables.assess_quality(processed, checks)
    assert out["region_code"].tolist() == ["12.10", "16.06"]  # national level left out
    labuhanbatu, muba = out.to_dict("records")
    assert labuhanbatu == {
        "region_code": "12.10",
        "region_name": "Kabupaten Labuhanbatu",
        "figures": 4,
        "approximate": 1,
        "checks passed": 1,
        "flags": 0,
        "derived (info)": 1,
        "undated figures": 1,
        "missing": "own coverage target; publication date (1 of 4 figures)",
    }
    assert muba["figures"] == 3 and muba["approximate"] == 1 and muba["flags"] == 1
    assert muba["missing"] == "workers; publication date"


def test_assess_quality_nothing_missing_shows_a_dash():
    processed = figures(
        *(
            {"indicator": i, "published": "2025-01-02"}
            for i in ("ucj_coverage", "workers", "active_participants", "coverage_target")
        )
    )
    out = tables.assess_quality(processed, pd.DataFrame({"region_code": [], "status": []}))
    assert out["missing"].tolist() == ["–"]


# --- yardsticks, headline, targets and gaps --------------------------------------------------


def test_append_total_and_add_share_on_labuhanbatu_claims():
    claims = pd.DataFrame(
        {"programme": ["JHT", "JKK", "JKM", "JP", "beasiswa"], "value": [5_002.0, 149.0, 255.0, 3_520.0, 303.0]}
    )
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
    frame = pd.DataFrame(
        {
            "region_code": ["16.06", "12.10", "16.06"],
            "as_of": ["../2025-09-25", "2025-09-16", "../2024"],
            "value": [9.97, 7.98, 12.88],
        }
    )
    change = tables.add_change(frame)["change"]
    assert change.iloc[0] == pytest.approx(-2.91)  # 9,97 − 12,88
    assert math.isnan(change.iloc[1]) and math.isnan(change.iloc[2])


# --- enrolment costs and months ------------------------------------------------------------


def test_cost_enrolment_by_payer():
    plans = pd.DataFrame({"funding": ["APBD", "DBH sawit"], "value": [10_000.0, 3_800.0]})
    scenarios = {
        "2025": (12, D(2025, 1, 1), "apbd"),  # 12 × 16.800 = 201.600 a person
        "2026 APBD": (12, D(2026, 1, 1), "apbd"),  # an APBD gets no PP 50/2025 discount: 201.600
        "2026 self-paid": (12, D(2026, 1, 1), "self"),  # 3 × 16.800 + 9 × 8.400 = 126.000 a person
    }
    out = tables.cost_enrolment(plans, scenarios)
    assert out["2025"].tolist() == [2_016_000_000.0, 766_080_000.0]
    assert out["2026 APBD"].tolist() == [2_016_000_000.0, 766_080_000.0]
    assert out["2026 self-paid"].tolist() == [1_260_000_000.0, 478_800_000.0]
    # Transport workers paying themselves: 12 × 8.400 = 100.800 a person.
    assert tables.cost_enrolment(plans, {"t": (12, D(2026, 1, 1), "self")}, sector="transport")["t"].tolist() == [
        1_008_000_000.0,
        383_040_000.0,
    ]


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
