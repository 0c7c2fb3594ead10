"""The Monte Carlo over every input at once (:mod:`ucjlib.model.uncertainty`), worked out by hand.

Musi Banyuasin (as of 6 December 2026): 49,2% in September 2025 on a base derived from the
enrolment plan, 23 ribu ÷ (58% − 49,2%) = 261.363,6 workers; its gap to Kemendagri's 52,15% is
(52,15 − 49,2)% × 261.363,6 = 7.710,2, i.e. 23.000 × 2,95 ÷ 8,8. Each printed figure is drawn within
half a unit of its last digit: P = "23 ribu" on 22.500–23.500, t = "58 persen" on 57,5–58,5,
c = "49,2 persen" on 49,15–49,25, and the gap is P × (52,15 − c) ÷ (t − c) in every draw.

Its relative spread, input by input (a uniform of half-width h has sd h ÷ √3):
- P: 500 ÷ 23.000 ÷ √3 = 1,255%;
- t: 0,5 ÷ 8,8 ÷ √3 = 3,280%;
- c: 0,05 ÷ √3 × (1 ÷ 2,95 − 1 ÷ 8,8) = 0,02887 × 0,22535 = 0,651%;
- together √(1,255² + 3,280² + 0,651²) = 3,572%; the shares of the variance are 0,1234, 0,8434
  and 0,0332. Mostly uniform, the 5–95% band is about ±1,6 sd = ±5,7%: 7.270 to 8.150 (the ratio
  is convex in t, so the upper end sits a little further out).
Every input at an end at once gives 22.500 × 2,90 ÷ 9,30 = 7.016 and 23.500 × 3,00 ÷ 8,30 = 8.494:
the issue's "7,0–8,5 ribu" are these corners, which no band of draws reaches. Held fixed (the
one-at-a-time ranges before issue 28), the base gave 7.580–7.841.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
import pandas as pd
import pytest

from ucjlib.data.processed import PROCESSED_COLUMNS
from ucjlib.model.projections import Growth
from ucjlib.model.region import Assumptions, region_model
from ucjlib.model.uncertainty import (
    GROWTH,
    PLAN,
    Draws,
    Recipe,
    band,
    first_budget,
    first_order_shares,
    growth_band,
    region_bands,
    year_reached,
)

REPORT_DATE = Assumptions(as_of=dt.date(2026, 12, 6))  # first budget year 2028

KEMENDAGRI = "Kemendagri UCJ 2025"


@pytest.fixture(scope="module")
def muba(model_of):
    return model_of("16.06")


def _row(bands: pd.DataFrame, target: str, year: int, output: str) -> pd.Series:
    return bands[(bands["target"] == target) & (bands["year"] == year) & (bands["output"] == output)].iloc[0]


def test_mubas_derived_base_is_recomputed_in_every_draw(muba):
    assert muba.workers.formula == PLAN
    assert [part.as_printed for part in muba.workers.parts] == ["23 ribu", "58 persen", "49,2 persen"]
    draws = muba.recipe.draw(1_000)
    plan, target, coverage = (
        draws.inputs[name] for name in ("plan (23 ribu)", "plan's target (58 persen)", "coverage (49,2 persen)")
    )
    assert draws.workers == pytest.approx(plan / (target - coverage) * 100)
    # One printed figure is one draw wherever it enters: participants = the same 49,2% × the base.
    assert draws.participants == pytest.approx(coverage / 100 * draws.workers)
    assert 22_500 <= plan.min() < 22_510 and 23_490 < plan.max() <= 23_500  # "23 ribu": 22.500–23.500


def test_mubas_gap_to_kemendagri_is_wider_than_with_its_base_held(muba):
    gap = next(g for g in muba.gaps if g.target.name == KEMENDAGRI)
    assert gap.persons == pytest.approx(7_710.2, abs=0.05)  # 23.000 × 2,95 ÷ 8,8
    low, high = gap.persons_range
    assert 7_200 < low < 7_350 and 8_100 < high < 8_250  # about 7.270 to 8.150 (module docstring)
    assert low < 7_580 and high > 7_841  # wider than the base held fixed
    assert low > 7_016 and high < 8_494  # inside the corners


def test_the_plans_target_matters_most_for_mubas_gap(muba):
    bands, shares = region_bands(muba)
    row = _row(bands, KEMENDAGRI, 2025, "gap")
    assert row["top_input"] == "plan's target (58 persen)"
    found = shares[(shares["target"] == KEMENDAGRI) & (shares["output"] == "gap")].set_index("input")["share"]
    assert found["plan's target (58 persen)"] == pytest.approx(0.8434, abs=0.02)
    assert found["plan (23 ribu)"] == pytest.approx(0.1234, abs=0.02)
    assert found["coverage (49,2 persen)"] == pytest.approx(0.0332, abs=0.015)
    assert found[GROWTH] < 0.01  # a 2025 gap is measured on the 2025 base: growth does not enter


def test_the_reports_range_is_the_engines_band(muba):
    bands, _ = region_bands(muba)
    for gap in muba.gaps:
        if gap.persons is not None:
            row = _row(bands, gap.target.name, gap.target.year, "gap")
            assert (row["p5"], row["p95"]) == pytest.approx(gap.persons_range)
    for cost in muba.costs:
        row = _row(bands, cost.target.name, cost.target.year, "per_year")
        assert (row["p5"], row["p95"]) == pytest.approx(cost.per_year_range)
        budget = _row(bands, cost.target.name, cost.target.year, "budget")
        assert (budget["p5"], budget["p95"]) == pytest.approx(cost.budget_range(cost.first_budget))


def test_seeded_draws_repeat_and_another_seed_differs_little(muba):
    first, again = muba.recipe.draw(2_000, seed=7), muba.recipe.draw(2_000, seed=7)
    assert np.array_equal(first.workers, again.workers) and np.array_equal(first.growth.rate, again.growth.rate)
    other = muba.recipe.draw(2_000, seed=8)
    assert not np.array_equal(first.workers, other.workers)
    assert band(first.workers)[1] == pytest.approx(band(other.workers)[1], rel=0.01)
    a, _ = region_bands(muba, 2_000, 7)
    b, _ = region_bands(muba, 2_000, 7)
    pd.testing.assert_frame_equal(a, b)


def _one_sided(workers_text: str, bound: str):
    # SYNTHETIC (a made-up region 99.01, no source): 40,00% of a worker count printed with an
    # approximation word, against a made-up national target of 50% in 2029.
    region = {"region_code": "99.01", "region_name": "Kabupaten Sintetis", "level": "regency"}
    rows = [
        region | {"indicator": "ucj_coverage", "value": 40, "value_as_printed": "40,00%", "unit": "percent"},
        region
        | {
            "indicator": "workers",
            "value": 100_000,
            "value_as_printed": workers_text,
            "approximate": True,
            "bound": bound,
            "unit": "persons",
        },
        {
            "region_code": "00",
            "region_name": "Indonesia",
            "level": "national",
            "indicator": "coverage_target",
            "value": 50,
            "value_as_printed": "50%",
            "as_of": "2029",
            "yardstick": "RPJMN 2025–2029",
        },
    ]
    base = {column: "" for column in PROCESSED_COLUMNS} | {
        "province_code": "99",
        "province_name": "Provinsi Sintetis",
        "source_id": "sintetis",
        "as_of": "2025-03-31",
        "approximate": False,
    }
    frame = pd.DataFrame([base | row | {"raw_line": line} for line, row in enumerate(rows, start=2)])
    frame = frame.astype({"value": float, "approximate": bool, "raw_line": int})
    checks = pd.DataFrame(columns=["check", "region_code", "source_id", "as_of", "recomputed", "status", "inputs"])
    return region_model("99.01", frame, checks, pd.DataFrame(), REPORT_DATE)


def test_a_lower_bound_word_draws_only_above_the_figure():
    # "lebih dari 100.000": 100.000 to 105.000 (5% on the side the word allows; a count printed to
    # the person has no rounding). The gap is W × (50 − c)%, c on 39,995–40,005: 10.000 at 100.000;
    # the 5th and 95th percentiles of W are 100.250 and 104.750, a gap of about 10.025 and 10.475.
    model = _one_sided("lebih dari 100.000", "at_least")
    gap = model.first_unmet
    assert gap.persons == pytest.approx(10_000, abs=1e-6)
    low, high = gap.persons_range
    assert 10_015 < low < 10_035 and 10_465 < high < 10_485
    assert model.recipe.draw().workers.min() >= 100_000


def test_an_upper_bound_word_draws_only_below_the_figure():
    # "mendekati 100.000" (close to): 95.000 to 100.000, a gap of about 9.525 to 9.975.
    model = _one_sided("mendekati 100.000", "at_most")
    low, high = model.first_unmet.persons_range
    assert 9_515 < low < 9_535 and 9_965 < high < 9_985
    assert model.recipe.draw().workers.max() <= 100_000


@dataclasses.dataclass(frozen=True)
class OfficialGrowth(Growth):
    """A growth that carries its own range, as an official (BPS) series will."""

    band: tuple[float, float] = (0.01, 0.03)


def test_growth_is_drawn_from_its_own_range_else_the_default_spread_and_a_readers_rate_is_kept():
    assert growth_band(OfficialGrowth(0.02, "official")) == (0.01, 0.03)
    assert growth_band(Growth()) == (-0.01, 0.01)  # config.GROWTH_SPREAD around no growth
    assert growth_band(Growth(0.02, "reader")) is None


def test_year_reached_at_the_planned_pace():
    # 100 workers, 10 covered at the end of 2025; 10 a year join from 2026. Flat: 40% in 2028 (40 of
    # 100). Growing 10% a year: 40 of 133,1 (30,1%) in 2028, 50 of 146,41 (34,2%), 60 of 161,05 (37,3%),
    # 70 of 177,16 (39,5%), then 80 of 194,87 (41,1%) in 2032. Growing, 100% is never reached by 2045
    # (210 of 100 × 1,1²⁰ = 672,7).
    draws = Draws(2025, np.array([10.0, 10.0]), np.array([100.0, 100.0]), Growth(np.array([0.0, 0.1])), {})
    assert year_reached(draws, 40, 10, 2026).tolist() == [2028.0, 2032.0]
    assert np.isinf(year_reached(draws, 100, 10, 2026)[1])
    assert band(np.array([2029.0] * 90 + [np.inf] * 10))[2] == np.inf


def test_budget_follows_the_contribution_rule():
    # The APBD pays the full Rp16.800 every month (PP 50/2025's discount is for self-payers): 12 × 16.800.
    assert first_budget(np.array([1.0, 10.0]), 2026, 16_800).tolist() == [201_600.0, 2_016_000.0]
    assert first_budget(np.array([1.0]), 2026, 20_000).tolist() == [240_000.0]  # a reader's rate, 12 months


def test_shares_of_an_input_that_does_nothing_are_nought():
    rng = np.random.default_rng(3)
    a, b = rng.uniform(size=20_000), rng.uniform(size=20_000)
    shares = first_order_shares({"a": a, "b": b}, np.vstack([a**2, np.full(20_000, 5.0)]))
    assert shares.loc[0, "a"] == pytest.approx(1.0, abs=0.01) and shares.loc[0, "b"] < 0.005
    assert shares.loc[1].tolist() == [0.0, 0.0]  # a constant output has no variance to share


def test_a_region_without_an_observed_start_has_no_bands(model_of):
    recipe_less = dataclasses.replace(model_of("16.06"), recipe=None)
    bands, shares = region_bands(recipe_less)
    assert bands.empty and shares.empty
    assert isinstance(model_of("16.06").recipe, Recipe)
