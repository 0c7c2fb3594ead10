"""The provincial panel (:mod:`ucjlib.analysis.panel`) on the project's data, and its fit on a
SYNTHETIC panel where the answer is known.

Hand-worked from the raw rows: Jawa Barat 2023, 5,5 juta participants (Pikiran Rakyat, August
2023) ÷ 23,50 juta employed (Bisnis.com, August 2023) = 23,40%; Lampung 2024, 760.468 (Lampung
Post, September 2024) ÷ 4.787.590 employed (August 2024) = 15,88%.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ucjlib.analysis.panel import (
    OUTCOME,
    PANEL_COLUMNS,
    PanelError,
    assemble_panel,
    fit_panel,
    panel_fill,
    read_regional_budgets,
)
from ucjlib.data.processed import load_labour_force


@pytest.fixture(scope="module")
def panel(data):
    return assemble_panel(data.observations, load_labour_force())


def test_the_panel_has_every_province_and_year(panel):
    assert len(panel) == 190 and panel["province_code"].nunique() == 38
    assert sorted(panel["year"].unique()) == [2021, 2022, 2023, 2024, 2025]


def test_coverage_on_bps_employed_by_hand(panel):
    cell = panel.set_index(["province_code", "year"])
    assert cell.loc[("32", 2023), OUTCOME] == pytest.approx(23.40, abs=0.005)
    assert cell.loc[("18", 2024), OUTCOME] == pytest.approx(15.88, abs=0.005)


def test_fill_is_reported_and_the_fit_refused_with_the_reason(panel):
    fill = panel_fill(panel).set_index("variable")
    assert (fill["of"] == 190).all()
    assert fill.loc["poverty_rate", "filled"] == 0  # poverty rates in the data are regencies'
    assert fill.loc[OUTCOME, "filled"] < 30
    with pytest.raises(PanelError, match="cannot fit: .* poverty_rate 0"):
        fit_panel(panel)


def test_budgets_are_read_from_the_raw_table():
    budgets = read_regional_budgets()
    jabar = budgets[(budgets["region_code"] == "32") & (budgets["indicator"] == "apbd_spending_planned")]
    assert jabar["value"].tolist() == [29_829_000_000_000.0]  # "Rp29,829 triliun", 2026


def test_fixed_effects_recover_a_known_slope_on_a_synthetic_panel():
    # SYNTHETIC: 12 provinces × 3 years, coverage = province level + 0,5 × informal share + a
    # small fixed wiggle; the within-province slope is 0,5 by construction.
    rows = []
    wiggle = [0.1, -0.2, 0.1]
    for p in range(12):
        for t, year in enumerate((2023, 2024, 2025)):
            informal = 40 + 2 * p + 3 * t + (p % 3)
            rows.append(
                {
                    "province_code": f"{p:02d}",
                    "year": year,
                    "informal_share": informal,
                    OUTCOME: 10 + p + 0.5 * informal + wiggle[(t + p) % 3],
                }
            )
    panel = pd.DataFrame(rows).reindex(columns=PANEL_COLUMNS)
    fit = fit_panel(panel, ("informal_share",))
    assert (fit.n, fit.provinces) == (36, 12)
    assert fit.result.params["informal_share"] == pytest.approx(0.5, abs=0.05)
    assert fit.result.cov_type == "cluster" and np.isfinite(fit.result.bse["informal_share"])
