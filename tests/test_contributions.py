"""Tests for ucjlib.contributions: every expected value is worked out by hand from the rules
(PP 44/2015, PP 46/2015, PP 50/2025 and its Art. 3 exception for APBN/APBD-paid workers)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ucjlib.contributions import (
    READER_RATE,
    Piece,
    budget_cost,
    cost,
    payer_of,
    pieces,
    programme_premium,
    rule_for,
    segment_for_rate,
    wage_contribution,
    workers_for_budget,
)
from ucjlib.errors import ContributionError

D = dt.date
BPU, JHT = "BPU JKK+JKM", "BPU JKK+JKM+JHT"


@pytest.mark.parametrize(
    "on, sector, expected",
    [
        (D(2025, 6, 1), "other", 16_800),
        (D(2026, 3, 31), "other", 16_800),
        (D(2026, 4, 1), "other", 8_400),  # other sectors: Apr–Dec 2026
        (D(2026, 12, 31), "other", 8_400),
        (D(2027, 1, 1), "other", 16_800),
        (D(2025, 12, 31), "transport", 16_800),
        (D(2026, 1, 1), "transport", 8_400),  # transport: Jan 2026 – Mar 2027
        (D(2026, 2, 15), "transport", 8_400),
        (D(2026, 2, 15), "other", 16_800),
        (D(2027, 3, 31), "transport", 8_400),
        (D(2027, 4, 1), "transport", 16_800),
    ],
)
def test_a_self_paying_worker_gets_the_discount_inside_the_sectors_window(on, sector, expected):
    assert rule_for(BPU, "self", on, sector).monthly == expected


@pytest.mark.parametrize("payer", ["apbd", "apbn"])
@pytest.mark.parametrize("on", [D(2026, 1, 1), D(2026, 4, 1), D(2026, 12, 1), D(2027, 2, 1)])
@pytest.mark.parametrize("sector", ["other", "transport"])
def test_a_state_budget_pays_the_full_rate_in_every_month(payer, on, sector):
    rule = rule_for(BPU, payer, on, sector)
    assert (rule.monthly, rule.instrument) == (16_800, "PP 44/2015")


def test_a_sponsor_outside_the_state_budgets_gets_the_discount():
    assert rule_for(BPU, "other", D(2026, 6, 1)).monthly == 8_400


def test_with_jht_only_the_jkk_jkm_part_is_discounted():
    # 36.800 = 16.800 + 20.000 (JHT 2% of Rp1.000.000); discounted: 8.400 + 20.000.
    assert rule_for(JHT, "self", D(2026, 5, 1)).monthly == 28_400
    assert rule_for(JHT, "apbd", D(2026, 5, 1)).monthly == 36_800


def test_labuhanbatus_next_step_costs_the_apbd_a_whole_year_at_the_full_rate():
    # Issue 25: 28.453 workers × 12 × Rp16.800 = Rp5.736.124.800 (≈ Rp5,74 miliar), not Rp3,6 miliar.
    assert cost(28_453, BPU, "apbd", D(2026, 1, 1)) == 5_736_124_800
    assert budget_cost(28_453, D(2026, 1, 1)) == 5_736_124_800


@pytest.mark.parametrize(
    "persons, months, start, sector, expected",
    [
        (10_000, 12, D(2025, 1, 1), "other", 2_016_000_000),  # 10.000 × 16.800 × 12
        # Jan–Mar 2026 3 × 16.800 + Apr–Dec 9 × 8.400 = 50.400 + 75.600 = 126.000 a worker
        (10_000, 12, D(2026, 1, 1), "other", 1_260_000_000),
        (
            100,
            4,
            D(2026, 2, 20),
            "other",
            5_040_000,
        ),  # Feb, Mar at 16.800 + Apr, May at 8.400; a mid-month start counts its month
        (100, 4, D(2025, 11, 1), "transport", 5_040_000),  # Nov, Dec 2025 at 16.800 + Jan, Feb 2026 at 8.400
        (100, 4, D(2026, 11, 1), "other", 5_040_000),  # Nov, Dec 2026 at 8.400 + Jan, Feb 2027 at 16.800
        (1, 15, D(2026, 1, 1), "transport", 126_000),  # 15 months × 8.400
    ],
)
def test_what_a_self_paying_worker_pays(persons, months, start, sector, expected):
    assert cost(persons, BPU, "self", start, months, sector) == expected


def test_pieces_name_the_instrument_of_each_run_of_months():
    assert pieces(BPU, "self", D(2026, 1, 1)) == (Piece(16_800, 3, "PP 44/2015"), Piece(8_400, 9, "PP 50/2025"))
    assert pieces(BPU, "apbd", D(2026, 1, 1)) == (Piece(16_800, 12, "PP 44/2015"),)
    assert pieces(JHT, "apbd", D(2026, 1, 1)) == (Piece(36_800, 12, "PP 44/2015, PP 46/2015"),)


def test_a_rate_that_is_no_package_is_the_readers():
    assert segment_for_rate(36_800) == JHT and segment_for_rate(16_800) == BPU
    assert segment_for_rate(20_000) == READER_RATE
    assert pieces(READER_RATE, "apbd", D(2026, 1, 1), 12, reader_rate=20_000) == (Piece(20_000, 12, READER_RATE),)
    assert budget_cost(10, D(2026, 1, 1), 12, 20_000) == 10 * 12 * 20_000


def test_wage_workers_pay_a_share_of_the_wage():
    # JKK 0,24 + JKM 0,30 + JHT 5,7 + JP 3 = 9,24% of Rp4.000.000 = Rp369.600.
    assert wage_contribution(4_000_000, D(2026, 1, 1)) == pytest.approx(369_600)
    with pytest.raises(ContributionError, match="share of the wage"):
        pieces("PU", "employer", D(2026, 1, 1))


@pytest.mark.parametrize(
    "segment, payer, sector, wrong",
    [("BPU", "apbd", "other", "segment"), (BPU, "APBD", "other", "payer"), (BPU, "apbd", "transportasi", "sector")],
)
def test_unknown_keys_are_refused_by_name(segment, payer, sector, wrong):
    with pytest.raises(ContributionError, match=wrong):
        rule_for(segment, payer, D(2026, 1, 1), sector)


def test_no_rule_before_the_programme_or_for_a_payer_it_does_not_name():
    with pytest.raises(ContributionError, match="no contribution rule"):
        rule_for(BPU, "apbd", D(2014, 1, 1))
    with pytest.raises(ContributionError, match="no contribution rule"):
        rule_for(BPU, "employer", D(2026, 1, 1))


@pytest.mark.parametrize(
    "funding, payer",
    [
        ("APBD", "apbd"),
        ("APBD-P Provinsi 2025", "apbd"),
        ("DBH sawit (SILPA)", "apbd"),
        ("anggaran desa (APBDes)", "apbd"),
        ("APBN", "apbn"),
        ("SERTAKAN", "other"),
        ("CSR perusahaan", "other"),
    ],
)
def test_the_payer_a_funding_text_names(funding, payer):
    assert payer_of(funding) == payer


@pytest.mark.parametrize(
    "budget, start, months, expected",
    [
        (2_016_000_000, D(2025, 1, 1), 12, 10_000),
        (2_016_000_000, D(2026, 1, 1), 12, 10_000),  # the discount window changes nothing for an APBD
        (504_000_000, D(2026, 4, 1), 3, 10_000),
        (1_000_000_000, D(2025, 1, 1), 12, 4_960.3175),  # 1.000.000.000 ÷ 201.600
    ],
)
def test_workers_for_budget(budget, start, months, expected):
    assert workers_for_budget(budget, start, months) == pytest.approx(expected, abs=1e-4)


@given(st.integers(1, 100_000), st.integers(1, 36), st.dates(min_value=D(2025, 1, 1), max_value=D(2027, 12, 31)))
def test_workers_for_budget_inverts_budget_cost(workers, months, start):
    assert workers_for_budget(budget_cost(workers, start, months), start, months) == pytest.approx(workers, rel=1e-12)


# --- the programmes inside the BPU package (issue 28 §3: benefits against premiums) --------


def test_programme_parts_add_up_to_the_package():
    from ucjlib import config

    assert sum(config.BPU_PROGRAMME_MONTHLY.values()) == config.BPU_JKK_JKM_MONTHLY  # 10.000 + 6.800 = 16.800


@pytest.mark.parametrize(
    "programme, start, months, payer, expected",
    [
        ("JKM", D(2024, 1, 1), 12, "apbd", 81_600),  # 12 × 6.800
        ("JKM", D(2024, 1, 1), 15, "self", 102_000),  # Jan 2024 – Mar 2025, before PP 50/2025: 15 × 6.800
        ("JKK", D(2023, 1, 1), 12, "self", 120_000),  # 12 × 10.000
        ("JKM", D(2026, 1, 1), 12, "apbd", 81_600),  # an APBD pays the full rate in every month
        # A self-paying worker in 2026: 3 × 6.800 + 9 × 3.400 (Rp8.400 × 6.800 / 16.800) = 20.400 + 30.600
        ("JKM", D(2026, 1, 1), 12, "self", 51_000),
    ],
)
def test_programme_premium(programme, start, months, payer, expected):
    assert programme_premium(programme, start, months, payer) == pytest.approx(expected, abs=1e-6)


def test_programme_premium_refuses_a_programme_outside_the_package():
    with pytest.raises(ContributionError, match="programme must be one of JKK, JKM, not 'JHT'"):
        programme_premium("JHT", D(2024, 1, 1))
