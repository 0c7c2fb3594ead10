"""Change over time (:mod:`ucjlib.analysis.changes`) on the project's processed data.

Expected values worked out by hand from the raw figures: Muba 41,65% (December 2024, JPNN) →
26,8% (January 2025, the start of the rise its September 2025 article describes): one month,
−14,85 points, not annualised; then 26,8% → 48,26% (July 2025): six months, +21,46 points, not
annualised either. Pati 39% (2024) on 511.111 → 29% (March 2025) on 599.061: 599.061 ÷ 511.111 −
1 = +17,21%, beyond the 5% tolerance. Bangka Belitung 40,27% with 226.750 participants (226.750 ÷
0,4027 = 563.074) → 33,10% with 189.742 (189.742 ÷ 0,3310 = 573.239): +1,81%, within it, over 12
months (December 2024 → 14 December 2025): −7,17 points a year. Papua 10% (September 2023, on
"tenaga kerja menurut BPS") → 59,16% (August 2024, on 240.009 printed beside it): 11 months;
BPS's employed persons for Papua nearest September 2023 is 475.110 (February 2025), and 240.009
÷ 475.110 − 1 = −49,48%: a new denominator, not a 49-point rise in enrolment.
"""

from __future__ import annotations

import numpy as np
import pytest

from ucjlib.analysis.changes import (
    BY_BPS,
    BY_CHECK,
    change_summary,
    count_series,
    count_trend,
    coverage_changes,
    months_between,
)
from ucjlib.data.processed import load_labour_force
from ucjlib.model.projections import decimal_year
from ucjlib.model.region import one_per_date


@pytest.fixture(scope="module")
def changes(model_of):
    codes = ("00", "16.06", "33.18", "19", "12.10", "91", "71")
    return coverage_changes([model_of(code) for code in codes], load_labour_force()).set_index("region_code")


def test_months_between_period_ends():
    assert months_between("2024-12", "2025-09-25") == 9
    assert months_between("2023", "2025-06") == 18
    assert months_between("2025-10", "2025") == 2


def test_changes_under_a_year_are_not_annualised(changes):
    muba = changes.loc["16.06"].set_index("from_as_of")
    fall, rise = muba.loc["2024-12"], muba.loc["2025-01"]
    assert (fall["from_value"], fall["to_value"], fall["months"]) == (41.65, 26.8, 1)
    assert fall["points"] == pytest.approx(-14.85) and np.isnan(fall["points_per_year"])
    assert (rise["to_value"], rise["months"]) == (48.26, 6)
    assert rise["points"] == pytest.approx(21.46) and np.isnan(rise["points_per_year"])
    assert set(muba["denominator"]) == {"unknown"} and set(muba["denominator_evidence"]) == {""}


def test_papua_rise_is_a_change_of_denominator(changes):
    papua = changes.loc["91"]
    assert (papua["from_value"], papua["to_value"], papua["months"]) == (10.0, 59.16, 11)
    assert papua["from_basis"] == "tenaga kerja menurut BPS" and papua["to_basis"] == ""
    assert papua["denominator"] == "changed" and papua["denominator_evidence"] == BY_BPS
    assert papua["base_change"] == pytest.approx(-49.48, abs=0.005)
    assert np.isnan(papua["points_per_year"])


def test_a_year_long_change_is_annualised(changes):
    # Sulawesi Utara: 76,11% (2024) → 67,95% (16 December 2025): 12 months, −8,16 points a year.
    sulut = changes.loc["71"]
    assert sulut["months"] == 12 and sulut["points_per_year"] == pytest.approx(-8.16)
    assert sulut["denominator"] == "unknown"  # 843.000 printed for 2025, nothing for 2024


def test_pati_fall_comes_with_a_new_denominator_and_babel_with_the_same(changes):
    pati, babel = changes.loc["33.18"], changes.loc["19"]
    assert pati["points"] == pytest.approx(-10) and pati["denominator"] == "changed"
    assert pati["base_change"] == pytest.approx(17.21, abs=0.005)
    assert babel["points"] == pytest.approx(-7.17) and babel["denominator"] == "same"
    assert babel["base_change"] == pytest.approx(1.81, abs=0.005)
    assert pati["denominator_evidence"] == babel["denominator_evidence"] == BY_CHECK
    assert babel["points_per_year"] == pytest.approx(-7.17) and np.isnan(pati["points_per_year"])


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
    # 39,35 juta (June 2025); Databoks' 41,38 juta counts by registration and Katadata's and
    # Kontan's single figures are other series.
    series = count_series(model_of("00"))
    assert series["value"].tolist() == [29_980_000, 30_660_000, 35_860_000, 41_550_000, 45_230_000, 39_350_000]
    assert set(series["basis"]) == {"bisnis-nasional-2025-07"}
    fit = count_trend(series)
    # Least-squares slope by hand: x = 2020,9993; 2021,9966; 2022,9966; 2023,9966; 2024,9993;
    # 2025,4928 (period ends), x̄ = 2023,4135, ȳ = 37.105.000; Σ(x − x̄)(y − ȳ) = 46.996.669,
    # Σ(x − x̄)² = 15,18803, slope = 3.094.323 a year.
    x = np.array([decimal_year(a) for a in ("2020", "2021", "2022", "2023", "2024", "2025-06")])
    y = series["value"].to_numpy()
    slope = ((x - x.mean()) * (y - y.mean())).sum() / ((x - x.mean()) ** 2).sum()
    assert fit.slope == pytest.approx(slope) and fit.n == 6
    assert round(slope) == 3_094_323
    # Six points, four degrees of freedom: intervals are given to any year.
    assert fit.df == 4 and fit.interval_years is None
    interval = fit.predict([2026])
    assert interval["lower"].iloc[0] < interval["value"].iloc[0] < interval["upper"].iloc[0]


def test_summary_counts(changes):
    summary = change_summary(changes.reset_index())
    assert summary["pairs"] == len(changes) and summary["changed"] == 2 and summary["same"] == 1  # Pati, Papua; Babel
    # Under a year: Muba's three, Pati's 3 months, the nation's 6 and Papua's 11.
    assert summary["under_a_year"] == 6
    assert summary["median_points_per_year_same_base"] == pytest.approx(-7.17)
