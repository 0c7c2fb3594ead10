"""Tests for ucjlib.analysis.affordability: the next step against the APBD, benefits against
premiums. Expected values are worked out by hand from the printed figures (the arithmetic is in
the comments); the data is the project's own (data/processed/, built from data/raw/)."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from conftest import REPORT_DATE

from ucjlib.analysis.affordability import (
    benefits_against_premiums,
    budgets_without_step,
    expected_benefit,
    months_in,
    national_loss_ratio,
    nearest_spending,
    next_step_affordability,
    share_chart,
)
from ucjlib.data.processed import load_regional_budgets
from ucjlib.model.region import Assumptions, region_model


@pytest.fixture(scope="module")
def budgets():
    return load_regional_budgets()


@pytest.fixture(scope="module")
def benefits(data):
    return benefits_against_premiums(data.observations).set_index(["region_code", "programme", "period"])


# -- benefits against premiums -------------------------------------------------------------


def test_labuhanbatu_jkm_expected_benefit_against_the_premium(benefits):
    """Poskota, 22 April 2025: 255 JKM claims from January 2024 to March 2025 (15 months = 1,25 years)
    among 66.234 active participants.
    Claims a participant-year: 255 ÷ 66.234 ÷ 1,25 = 255 ÷ 82.792,5 = 0,0030800 (0,308% a year).
    Expected benefit: 255 × Rp42.000.000 = Rp10.710.000.000; ÷ 82.792,5 = Rp129.359,54
    (82.792,5 × 129.359 = 10.709.955.007,5; the remaining 44.992,5 ÷ 82.792,5 = 0,54).
    Premium: Rp6.800 × 12 = Rp81.600; 129.359,54 ÷ 81.600 = 1,5853."""
    row = benefits.loc[("12.10", "JKM", "2024-01/2025-03")]
    assert (row["claims"], row["participants"], row["years"]) == (255, 66_234, 1.25)
    assert row["claims_per_year"] == pytest.approx(0.30800, abs=5e-6)
    assert row["expected_per_participant_year"] == pytest.approx(129_359.54, abs=0.01)
    assert row["premium_per_year"] == 81_600
    assert row["expected_ratio"] == pytest.approx(1.5853, abs=1e-4)
    assert np.isnan(row["paid_ratio"])  # the page prints claims paid for all programmes together only


def test_labuhanbatu_jkk_has_a_claims_rate_but_no_fixed_benefit(benefits):
    """149 JKK claims over the same 15 months: 149 ÷ 82.792,5 = 0,0017997 (0,180% a year); JKK pays
    care and cash with no fixed amount, so no expected benefit. Premium Rp10.000 × 12 = Rp120.000."""
    row = benefits.loc[("12.10", "JKK", "2024-01/2025-03")]
    assert row["claims_per_year"] == pytest.approx(0.17997, abs=5e-6)
    assert np.isnan(row["expected_per_participant_year"]) and np.isnan(row["expected_ratio"])
    assert row["premium_per_year"] == 120_000


def test_national_jkm_2023_expected_and_paid_per_participant_year(benefits):
    """Kontan (hearing of 2 July 2024): 69.029 JKM claims and Rp3,21 triliun paid over 2023; iNews
    Samarinda: 41,56 juta active JKK and JKM participants in 2023 (preferred over Bisnis's 41,55 juta
    total of the same year, since it counts the programme's participants).
    Expected: 69.029 × Rp42 juta = Rp2.899.218.000.000; ÷ 41.560.000 = Rp69.759,8 (ratio 0,8549).
    Paid: Rp3.210.000.000.000 ÷ 41.560.000 = Rp77.237,7 (ratio 77.237,7 ÷ 81.600 = 0,9465)."""
    row = benefits.loc[("00", "JKM", "2023")]
    assert (row["participants"], row["participants_as_of"], row["years"]) == (41_560_000, "2023", 1.0)
    assert row["expected_per_participant_year"] == pytest.approx(69_759.8, abs=0.1)
    assert row["paid_per_participant_year"] == pytest.approx(77_237.7, abs=0.1)
    assert row["expected_ratio"] == pytest.approx(0.8549, abs=1e-4)
    assert row["paid_ratio"] == pytest.approx(0.9465, abs=1e-4)


def test_national_loss_ratio_is_missing_without_printed_contributions(data):
    """Claims paid 2023: JKK Rp3,03 triliun, JKM Rp3,21 triliun; no source prints contributions received."""
    ratios = national_loss_ratio(data.observations).set_index(["programme", "period"])
    assert ratios.loc[("JKK", "2023"), "claims_paid"] == 3_030_000_000_000
    assert ratios.loc[("JKM", "2023"), "claims_paid"] == 3_210_000_000_000
    assert ratios["loss_ratio"].isna().all() and ratios["contributions"].isna().all()
    assert ratios.loc[("JKM", "2023"), "missing"] == "no source in data/raw/ prints JKM contributions received for 2023"


def test_loss_ratio_is_computed_where_contributions_are_printed():
    """Made-up: Rp3 T paid against Rp4 T received = 75%."""
    frame = pd.DataFrame(
        {
            "region_code": ["00", "00"],
            "indicator": ["claims_paid", "contributions_received"],
            "programme": ["JKM", "JKM"],
            "as_of": ["2023", "2023"],
            "value": [3e12, 4e12],
            "source_id": ["a", "b"],
        }
    )
    row = national_loss_ratio(frame).iloc[0]
    assert row["loss_ratio"] == pytest.approx(75.0) and row["missing"] == ""


@pytest.mark.parametrize(
    "period, months", [("2024-01/2025-03", 15), ("2023", 12), ("2024-01/2024-06", 6), ("2025-04", 1)]
)
def test_months_in(period, months):
    assert months_in(period) == months


def test_expected_benefit_is_claims_over_participant_years_times_the_benefit():
    # 300 deaths over two years among 50.000: 0,3% a year; × Rp42 juta = Rp126.000
    assert expected_benefit(300, 50_000, 2, 42_000_000) == pytest.approx(126_000)


# -- the next step against the APBD -------------------------------------------------------


def _budgets(*rows):
    return pd.DataFrame(rows, columns=["region_code", "indicator", "year", "value"])


def test_nearest_spending_prefers_the_nearest_year_then_the_earlier_then_realised():
    budgets = _budgets(
        ("01", "apbd_spending_planned", 2025, 10.0),
        ("01", "apbd_spending_realised", 2025, 9.0),
        ("01", "apbd_spending_planned", 2027, 12.0),
        ("01", "apbd_revenue_planned", 2026, 11.0),
        ("02", "apbd_revenue_planned", 2026, 5.0),
    )
    assert nearest_spending(budgets, "01", 2026)["value"].tolist() == [9.0]  # 2025 and 2027 equally near
    assert nearest_spending(budgets, "01", 2028)["value"].tolist() == [12.0]
    assert nearest_spending(budgets, "02", 2028).empty  # revenue is not spending


@pytest.fixture(scope="module")
def affordability(data, budgets):
    codes = ["12.10", "12.75", "18", "19"]
    models = [
        region_model(code, data.observations, data.checks, data.legal, Assumptions(as_of=REPORT_DATE)) for code in codes
    ]
    return next_step_affordability(models, budgets).set_index("region_code")


def test_binjai_next_step_against_its_2025_budgets(affordability):
    """Binjai: 33% of 132.826 workers (October 2024) → 43.832,58 participants; RPJMN 2029's 43,92% of
    132.826 = 58.337,18; the gap 14.504,60 over the budget years 2028–2029 = 7.252,30 a year, at
    Rp16.800 × 12 = Rp201.600 each: Rp1.462.063.599,36 in 2028 (Rp11.007,36 per worker: ÷ 132.826).
    The nearest APBD is 2025's (no 2026 figure): Rp1,008 triliun (original) and
    Rp1.073.945.428.948,65 (amended): 1.462.063.599,36 ÷ 1.073.945.428.948,65 = 0,13614%,
    ÷ 1.008.000.000.000 = 0,14505%."""
    row = affordability.loc["12.75"]
    assert row["budget_year"] == 2028 and row["target"] == "RPJMN 2025–2029 (2029)"
    assert row["participants_per_year"] == pytest.approx(7_252.2996, abs=1e-4)
    assert row["rupiah"] == pytest.approx(1_462_063_599.36, abs=0.01)
    assert row["rupiah_per_worker"] == pytest.approx(11_007.36, abs=0.01)
    assert row["rupiah_per_participant"] == pytest.approx(201_600)
    assert row["base"] == "printed"  # the 132.826 is printed beside the 33%
    assert (row["apbd_year"], row["apbd_kind"], row["apbd_figures"]) == (2025, "planned", 2)
    assert (row["apbd_low"], row["apbd_high"]) == (1_008_000_000_000, pytest.approx(1_073_945_428_948.65))
    assert row["share_low"] == pytest.approx(0.13614, abs=5e-6)
    assert row["share_high"] == pytest.approx(0.14505, abs=5e-6)


def test_lampung_falls_back_to_2025_spending_since_2026_prints_revenue_only(affordability):
    """Lampung's 2026 page gives revenue only; 2025 has the original Rp7,642 T and amended Rp7,780 T."""
    row = affordability.loc["18"]
    assert (row["apbd_year"], row["apbd_figures"]) == (2025, 2)
    assert (row["apbd_low"], row["apbd_high"]) == (7_642_000_000_000, 7_780_000_000_000)
    assert row["share_low"] == pytest.approx(row["rupiah"] / 7.78e12 * 100)


def test_regions_without_spending_say_why(affordability):
    assert affordability.loc["19", "apbd_missing"] == "revenue only"  # Bangka Belitung 2026: revenue printed
    assert affordability.loc["12.10", "apbd_missing"] == "no APBD figure"  # Labuhanbatu: no page prints totals
    assert np.isnan(affordability.loc["12.10", "share_low"]) and affordability.loc["12.10", "apbd_figures"] == 0


def test_budgets_without_step_names_each_region_once_with_a_reason(data, budgets):
    models = [
        region_model(code, data.observations, data.checks, data.legal, Assumptions(as_of=REPORT_DATE))
        for code in ("12.75", "61", "64.08")
    ]
    frame = budgets_without_step(models, budgets).set_index("region_code")
    assert "12.75" not in frame.index  # Binjai has a costed step
    # Kalimantan Barat prints 27 persen with no base and no participant count (no labour-force table is passed).
    assert frame.loc["61", "reason"] == "no worker base to cost the gap on"
    assert frame.loc["64.08", "reason"] == "no coverage figure"  # Kutai Timur: segment figures, no total coverage
    assert frame.loc["33", "reason"] == "no UCJ figure in the data"  # Jawa Tengah's model was not passed
    assert frame.index.is_unique


def test_share_chart_draws_one_bar_per_region_with_a_budget_largest_on_top():
    frame = pd.DataFrame(
        {
            "region_name": ["A", "B", "C"],
            "apbd_year": [2026, 2025, np.nan],
            "apbd_figures": [1, 2, 0],
            "share_low": [0.5, 0.1, np.nan],
            "share_high": [0.5, 0.2, np.nan],
        }
    )
    fig = share_chart(frame, "title")
    ax = fig.axes[0]
    assert [bar.get_width() for bar in ax.patches] == [0.2, 0.5]  # C has no APBD figure: no bar
    assert [t.get_text() for t in ax.get_yticklabels()] == ["B (APBD 2025)", "A (APBD 2026)"]
    (tick,) = ax.lines  # B's larger budget: a tick at 0,1%
    assert list(tick.get_xdata()) == [0.1] and list(tick.get_ydata()) == [0]
    plt.close(fig)


def test_an_estimated_base_is_named_beside_its_step(data, budgets):
    # Lampung Tengah's base is Lampung's employed persons shared out by population (tests/model/test_bases.py).
    model = region_model(
        "18.02", data.observations, data.checks, data.legal, Assumptions(as_of=REPORT_DATE), data.labour_force
    )
    assert next_step_affordability([model], budgets).iloc[0]["base"] == "shared"
