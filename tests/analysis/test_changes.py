"""Change over time (:mod:`ucjlib.analysis.changes`) on the project's processed data.

Expected values worked out by hand from the raw figures: Muba 26,8% (December 2024, BPJS
Sumbagsel) → 49,2% (25 September 2025, Disway): 9 months, 22,4 points, 22,4 ÷ 9 × 12 = 29,87
points a year, no worker base printed for either. Pati 39% (2024) on 511.111 → 29% (March
2025) on 599.061: 599.061 ÷ 511.111 − 1 = +17,21%, beyond the 5% tolerance. Bangka Belitung
40,27% with 226.750 participants (226.750 ÷ 0,4027 = 563.074) → 33,10% with 189.742
(189.742 ÷ 0,3310 = 573.239): +1,81%, within it.
"""

from __future__ import annotations

import numpy as np
import pytest

from ucjlib.analysis.changes import change_summary, count_series, count_trend, coverage_changes, months_between
from ucjlib.model.projections import decimal_year
from ucjlib.model.region import one_per_date


@pytest.fixture(scope="module")
def changes(model_of):
    return coverage_changes([model_of(code) for code in ("00", "16.06", "33.18", "19", "12.10")]).set_index(
        "region_code"
    )


def test_months_between_period_ends():
    assert months_between("2024-12", "2025-09-25") == 9
    assert months_between("2023", "2025-06") == 18
    assert months_between("2025-10", "2025") == 2


def test_muba_readings_change_on_unknown_bases(changes):
    # JPNN: 41,65% (December 2024) and 48,26% (July 2025); Disway: 26,8% (the level 2025 started
    # from, dated January 2025) and 49,2% (25 September 2025). No denominator is named for three of
    # them, so no change between them is on a known base: 48,26 − 26,8 = 21,46 points in 6 months.
    muba = changes.loc["16.06"].set_index("from_as_of")
    assert muba["to_as_of"].tolist() == ["2025-01", "2025-07", "2025-09-25"]
    rise = muba.loc["2025-01"]
    assert (rise["from_value"], rise["to_value"], rise["months"]) == (26.8, 48.26, 6)
    assert rise["points"] == pytest.approx(21.46)
    assert set(muba["denominator"]) == {"unknown"} and muba["base_change"].isna().all()


def test_pati_fall_comes_with_a_new_denominator_and_babel_with_the_same(changes):
    pati, babel = changes.loc["33.18"], changes.loc["19"]
    assert pati["points"] == pytest.approx(-10) and pati["denominator"] == "changed"
    assert pati["base_change"] == pytest.approx(17.21, abs=0.005)
    assert babel["points"] == pytest.approx(-7.17) and babel["denominator"] == "same"
    assert babel["base_change"] == pytest.approx(1.81, abs=0.005)


def test_a_region_with_one_coverage_figure_has_no_change(changes):
    assert "12.10" not in changes.index


def test_the_nation_counts_each_date_once(model_of, changes):
    # 35,68% (April 2025) printed by two outlets, 37,01% (October 2025) by two, and a
    # conflicting 42% for October: two observations, one change of 1,33 points.
    nation = model_of("00")
    assert [r.value for r in one_per_date(nation.coverage_history)] == [37.01, 35.68]
    assert nation.trend is None and nation.trend_problem == ("few", 2, 3)
    assert changes.loc["00"]["points"] == pytest.approx(1.33)


def test_national_participants_trend_on_one_source(model_of):
    # Bisnis.com: 29,98 (2020), 30,66 (2021), 35,86 (2022), 41,55 (2023), 45,23 (2024) and
    # 39,35 juta (June 2025); Databoks' 41,38 juta counts by registration and is a second series.
    series = count_series(model_of("00"))
    assert series["value"].tolist() == [29_980_000, 30_660_000, 35_860_000, 41_550_000, 45_230_000, 39_350_000]
    assert set(series["basis"]) == {"bisnis-nasional-2025-07"}
    fit = count_trend(series)
    # Least squares on the period ends (decimal years), computed here from its definition.
    x = np.array([decimal_year(p) for p in ("2020", "2021", "2022", "2023", "2024", "2025-06")])
    y = series["value"].to_numpy()
    slope = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
    assert fit.slope == pytest.approx(slope) and fit.n == 6
    # x = 2020,9993 … 2025,4928: Σ(x − x̄)(y − ȳ) = 46.996.669, Σ(x − x̄)² = 15,18803, slope ≈ 3.094.323 a year.
    assert round(slope) == 3_094_323
    interval = fit.predict([2026])
    assert interval["lower"].iloc[0] < interval["value"].iloc[0] < interval["upper"].iloc[0]


def test_summary_counts(changes):
    summary = change_summary(changes.reset_index())
    assert summary["pairs"] == len(changes) and summary["changed"] == 1 and summary["same"] == 1
    assert summary["median_points_per_year_same_base"] == pytest.approx(-7.17)
