"""The region model (:func:`ucjlib.region_model.region_model`) for the four seed regions.

Every expected value was worked out by hand from the five seed articles (the Poskota and
WahanaNews pieces on Labuhanbatu, the Binjai FGD report, Disway on Muba, Metropolis on
Lampung) and the national yardsticks of the domain notes, following the definitions in the
module docstring of ``ucjlib/region_model.py``: the arithmetic is in the comment beside each
value, Indonesian style ("." thousands, "," decimals). None was pasted from a run.

Tolerances: a figure that is a sum, difference or exact product of printed decimals is
compared within 1e-9 (float representation only); a quotient is written to the digits
worked out by hand and compared within half a unit of the last one; rupiah are compared
relatively within 1e-9 (float rounding of a product of ~10^9).

Definitions used (module docstring): headline = the newest *total* coverage (no group,
programme or funding); +20-point rule = latest total coverage dated in 2024 plus 20 points,
target year 2025; cost = (target × workers in T − participants now) ÷ (T − Y) a year, at
least one year, budget year Y + k paying k years' new participants at the rate of each
month (PP 50/2025: April–December 2026 at Rp8.400 for non-transport workers, so a person in
2026 costs 3 × 16.800 + 9 × 8.400 = Rp126.000; any other year 12 × 16.800 = Rp201.600);
whole gap = every missing participant for twelve months at the full rate.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from ucjlib.processed import PROCESSED_COLUMNS, load_all
from ucjlib.region_model import Assumptions, ReportParameterError, check_assumptions, region_model
from ucjlib.region_view import View

RPJMN = "RPJMN 2025–2029"
KEMENDAGRI = "Kemendagri UCJ 2025"
RKP = "RKP 2026"
RPJPN = "RPJPN 2025–2045"
RULE = "Permendagri 15/2024"
LAMPUNG_RPJMD = "RPJMD Provinsi Lampung"
MUBA_ARTICLE = "'target nasional' per artikel Disway"

EXACT = 1e-9  # sums and differences of printed decimals: float representation only
# Derived worker bases (Muba's, Lampung's) come from checks.csv, which stores them to 4 decimals
# (261.363,6364; 2.994.131,2842; 3.155.741,2695): a count on such a base can be off by up to
# 0,00005 × the coverage fraction (< 0,00005 persons).
STORED_BASE = 1e-4
RUPIAH = 1e-9  # relative, for products of ~10^9–10^10 rupiah


# -- fixtures --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data():
    """``data/processed/`` (run ``python -m ucjlib build`` if it is missing)."""
    return load_all()


def build(data, code: str, **assumptions):
    return region_model(code, data.observations, data.checks, data.legal, Assumptions(**assumptions))


@pytest.fixture(scope="module")
def labuhanbatu(data):
    return build(data, "12.10")


@pytest.fixture(scope="module")
def binjai(data):
    return build(data, "12.75")


@pytest.fixture(scope="module")
def muba(data):
    return build(data, "16.06")


@pytest.fixture(scope="module")
def lampung(data):
    return build(data, "18")


def target(model, name: str, year: int):
    found = [t for t in model.targets if t.name == name and t.year == year]
    assert len(found) == 1, f"{name} {year}: {found}"
    return found[0]


def gap(model, name: str, year: int):
    found = [g for g in model.gaps if g.target.name == name and g.target.year == year]
    assert len(found) == 1, f"{name} {year}: {found}"
    return found[0]


def cost(model, name: str, year: int):
    found = model.cost_of(target(model, name, year))
    assert found is not None, f"{name} {year} is not costed"
    return found


def keyed(targets) -> list[tuple[str, str, int]]:
    return [(t.name, t.kind, t.year) for t in targets]


# -- headline coverage, participants, worker base --------------------------------------------

def test_headline_coverage(labuhanbatu, binjai, muba, lampung):
    # Poskota (22/04/2025): "cakupan UCJ di Labuhanbatu saat ini baru mencapai 36,48%".
    c = labuhanbatu.coverage
    assert (c.value, c.as_printed, c.as_of, c.source_id) == (pytest.approx(36.48, abs=EXACT), "36,48%", "2025-04-22",
                                                            "poskota-labuhanbatu-2025-04")
    assert (c.basis, c.decimals, c.year, c.approximate) == ("potensi pekerja", 2, 2025, False)
    assert [r.value for r in labuhanbatu.coverage_history] == [pytest.approx(36.48, abs=EXACT)]
    # Binjai FGD "Jumat (19/10/2024)": "UCJ di Binjai baru mencapai 33% dari total angkatan kerja".
    c = binjai.coverage
    assert (c.value, c.as_printed, c.as_of, c.source_id) == (33.0, "33%", "2024-10-19", "fgd-binjai-2024-10")
    assert (c.basis, c.decimals, c.year) == ("angkatan kerja", 0, 2024)
    # Muba: the article gives coverage rising over 2025 from 26,8% to 49,2%: the newest
    # (Rakor of 25/9/2025) is the headline; the December 2024 level stays in the history.
    c = muba.coverage
    assert (c.value, c.as_printed, c.as_of, c.source_id) == (pytest.approx(49.2, abs=EXACT), "49,2 persen", "2025-09-25",
                                                            "disway-muba-2025-09")
    assert c.decimals == 1
    assert [(r.value, r.as_of) for r in muba.coverage_history] == [(pytest.approx(49.2, abs=EXACT), "2025-09-25"),
                                                                   (pytest.approx(26.8, abs=EXACT), "2024-12")]
    # Lampung's article prints only targets: no observed coverage at all.
    assert lampung.coverage is None and lampung.coverage_history == ()


def test_participants_and_worker_base(labuhanbatu, binjai, muba, lampung):
    # Labuhanbatu: "36,48% atau 66.234 pekerja dari total 181.567" — both printed beside the headline.
    assert labuhanbatu.participants.value == 66_234 and labuhanbatu.participants.as_printed == "66.234"
    w = labuhanbatu.workers
    assert (w.value, w.derived, w.source_id) == (181_567, False, "poskota-labuhanbatu-2025-04")
    # Binjai: the labour force 132.826 is printed; the participant count is not.
    assert binjai.participants is None
    assert (binjai.workers.value, binjai.workers.derived, binjai.workers.source_id) == (132_826, False, "fgd-binjai-2024-10")
    # Muba prints no worker base: "tambahan 23 ribu peserta baru sehingga coverage ... mendekati 58 persen"
    # from 49,2%: 23.000 ÷ (58 − 49,2) points = 23.000 ÷ 0,088 = 261.363,64 workers.
    assert muba.participants is None
    w = muba.workers
    assert w.derived and w.source_id == "disway-muba-2025-09"
    assert w.value == pytest.approx(261_363.64, abs=0.005)
    assert w.inputs == "23 ribu ÷ (58 persen − 49,2 persen)"
    assert lampung.participants is None and lampung.workers is None


def test_starting_points(labuhanbatu, binjai, muba, lampung):
    # Observed starts: the printed count where there is one, else coverage × workers.
    s = labuhanbatu.start
    assert (s.year, s.participants, s.workers, s.hypothetical) == (2025, 66_234, 181_567, False)
    assert s.coverage == pytest.approx(36.4791, abs=5e-5)  # 66.234 ÷ 181.567 × 100 = 36,4791
    s = binjai.start
    assert (s.year, s.workers, s.hypothetical) == (2024, 132_826, False)
    assert s.participants == pytest.approx(43_832.58, abs=1e-6)  # 0,33 × 132.826 = 43.832,58
    s = muba.start
    assert (s.year, s.hypothetical) == (2025, False)
    assert s.participants == pytest.approx(128_590.91, abs=0.005)  # 0,492 × 261.363,64 = 128.590,91
    # Lampung: hypothetical, its 2025 target taken as met — 1.149.447 participants at 38,39%,
    # on 1.149.447 ÷ 0,3839 = 2.994.131,28 workers.
    s = lampung.start
    assert (s.year, s.participants, s.hypothetical) == (2025, 1_149_447, True)
    assert s.workers == pytest.approx(2_994_131.28, abs=0.005)
    assert s.coverage == pytest.approx(38.39, abs=1e-9)


# -- targets ---------------------------------------------------------------------------------

NATIONAL = [(RPJMN, 2025, 32.15), (KEMENDAGRI, 2025, 52.15), (RKP, 2026, 34.99), (RPJMN, 2029, 43.92), (RPJPN, 2045, 99.5)]


def test_every_region_has_the_national_yardsticks(labuhanbatu, binjai, muba, lampung):
    for model in (labuhanbatu, binjai, muba, lampung):
        for name, year, value in NATIONAL:
            t = target(model, name, year)
            assert (t.kind, t.value) == ("national", pytest.approx(value, abs=EXACT)), (model.code, name)


def test_targets_labuhanbatu(labuhanbatu):
    # No coverage_target of its own in the articles (the RPJMD aim of 10 ribu poor residents a
    # year is about residents, not coverage), no 2024 figure: national yardsticks only, sorted
    # by year, then value.
    assert keyed(labuhanbatu.targets) == [(RPJMN, "national", 2025), (KEMENDAGRI, "national", 2025),
                                          (RKP, "national", 2026), (RPJMN, "national", 2029), (RPJPN, "national", 2045)]
    assert [t.value for t in labuhanbatu.targets] == pytest.approx([32.15, 52.15, 34.99, 43.92, 99.5], abs=EXACT)


def test_targets_binjai_with_the_20_point_rule(binjai):
    # 33% on 19/10/2024 is the latest (and only) 2024 total: 33 + 20 = 53% for 2025.
    assert keyed(binjai.targets) == [(RPJMN, "national", 2025), (KEMENDAGRI, "national", 2025), (RULE, "rule", 2025),
                                     (RKP, "national", 2026), (RPJMN, "national", 2029), (RPJPN, "national", 2045)]
    assert [t.value for t in binjai.targets] == pytest.approx([32.15, 52.15, 53.0, 34.99, 43.92, 99.5], abs=EXACT)
    rule = target(binjai, RULE, 2025)
    assert rule.rule_base.value == 33 and rule.rule_base.as_of == "2024-10-19" and rule.source_id == "fgd-binjai-2024-10"


def test_targets_muba_with_the_20_point_rule_and_the_article_claim(muba):
    # Rule: 26,8% (Dec 2024) + 20 = 46,8%. Own: "mendekati 58 persen, sesuai target nasional",
    # kept under the article's name (no official yardstick has 58%); the data dates it by the
    # article (2025-09-25), so the model holds it as a 2025 target.
    assert keyed(muba.targets) == [(RPJMN, "national", 2025), (RULE, "rule", 2025), (KEMENDAGRI, "national", 2025),
                                   (MUBA_ARTICLE, "own", 2025), (RKP, "national", 2026), (RPJMN, "national", 2029),
                                   (RPJPN, "national", 2045)]
    assert [t.value for t in muba.targets] == pytest.approx([32.15, 46.8, 52.15, 58.0, 34.99, 43.92, 99.5], abs=EXACT)
    rule = target(muba, RULE, 2025)
    assert rule.rule_base.value == pytest.approx(26.8, abs=EXACT) and rule.rule_base.as_of == "2024-12"
    assert target(muba, MUBA_ARTICLE, 2025).as_printed == "58 persen"


def test_targets_lampung(lampung):
    # "Target UCJ Provinsi Lampung di tahun 2025 adalah 38,39% ... di tahun 2026 ... 45,53%";
    # no observed coverage, so no +20-point rule.
    assert keyed(lampung.targets) == [(RPJMN, "national", 2025), (LAMPUNG_RPJMD, "own", 2025), (KEMENDAGRI, "national", 2025),
                                      (RKP, "national", 2026), (LAMPUNG_RPJMD, "own", 2026), (RPJMN, "national", 2029),
                                      (RPJPN, "national", 2045)]
    assert [t.value for t in lampung.targets] == pytest.approx([32.15, 38.39, 52.15, 34.99, 45.53, 43.92, 99.5], abs=EXACT)
    assert not [t for t in lampung.targets if t.kind == "rule"]


def test_chosen_target_defaults_to_rpjmn_2029(labuhanbatu, lampung):
    for model in (labuhanbatu, lampung):
        assert (model.chosen_target.name, model.chosen_target.year, model.chosen_target.value) == (RPJMN, 2029, pytest.approx(43.92))
        assert model.compared_targets == [(f"{RPJMN} (2029)", pytest.approx(43.92)), (f"{RPJPN} (2045)", pytest.approx(99.5))]


# -- gaps, attainment, first unmet target ----------------------------------------------------

def test_gaps_labuhanbatu(labuhanbatu):
    # On the headline 36,48% and the printed 181.567 workers (1.815,67 per point); persons are
    # target × workers − the 66.234 participants printed beside the coverage.
    g = gap(labuhanbatu, RPJMN, 2025)  # 36,48 ≥ 32,15: reached
    assert (g.points, g.persons, g.reached) == (0, 0, True)
    assert g.attainment == pytest.approx(113.4681, abs=5e-5)  # 36,48 ÷ 32,15 × 100
    g = gap(labuhanbatu, KEMENDAGRI, 2025)
    assert g.points == pytest.approx(15.67, abs=EXACT)  # 52,15 − 36,48
    assert g.persons == pytest.approx(28_453.1905, abs=1e-6)  # 0,5215 × 181.567 − 66.234 = 94.687,1905 − 66.234
    assert g.persons_range == (g.persons, g.persons)  # both counts printed to the last person: exact
    assert g.attainment == pytest.approx(69.9521, abs=5e-5)  # 36,48 ÷ 52,15 × 100
    g = gap(labuhanbatu, RKP, 2026)  # 36,48 ≥ 34,99
    assert g.reached and g.attainment == pytest.approx(104.2584, abs=5e-5)  # 36,48 ÷ 34,99 × 100
    g = gap(labuhanbatu, RPJMN, 2029)
    assert g.points == pytest.approx(7.44, abs=EXACT)  # 43,92 − 36,48
    assert g.persons == pytest.approx(13_510.2264, abs=1e-6)  # 0,4392 × 181.567 − 66.234 = 79.744,2264 − 66.234
    assert g.attainment == pytest.approx(83.0601, abs=5e-5)  # 36,48 ÷ 43,92 × 100
    g = gap(labuhanbatu, RPJPN, 2045)
    assert g.points == pytest.approx(63.02, abs=EXACT)  # 99,5 − 36,48
    assert g.persons == pytest.approx(114_425.165, abs=1e-6)  # 0,995 × 181.567 − 66.234 = 180.659,165 − 66.234
    # The first target (by year, then value) not reached: 2025's RPJMN 32,15 is met, Kemendagri's 52,15 is not.
    assert (labuhanbatu.first_unmet.target.name, labuhanbatu.first_unmet.target.year) == (KEMENDAGRI, 2025)


def test_gaps_binjai(binjai):
    # On 33% of 132.826 (1.328,26 per point).
    g = gap(binjai, RPJMN, 2025)
    assert g.reached and g.attainment == pytest.approx(102.6439, abs=5e-5)  # 33 ÷ 32,15 × 100
    g = gap(binjai, KEMENDAGRI, 2025)
    assert g.points == pytest.approx(19.15, abs=EXACT)  # 52,15 − 33
    assert g.persons == pytest.approx(25_436.179, abs=1e-6)  # 19,15 × 1.328,26
    # "33%" stands for 32,5%–33,5% (half a unit of its last digit); the 132.826 workers are exact.
    assert g.persons_range == pytest.approx((24_772.049, 26_100.309), abs=1e-6)  # 18,65 and 19,65 × 1.328,26
    assert g.attainment == pytest.approx(63.2790, abs=5e-5)  # 33 ÷ 52,15 × 100
    g = gap(binjai, RULE, 2025)
    assert g.points == pytest.approx(20.0, abs=EXACT)  # 53 − 33: the rule's own 20 points
    assert g.persons == pytest.approx(26_565.2, abs=1e-6)  # 20 × 1.328,26
    assert g.attainment == pytest.approx(62.2642, abs=5e-5)  # 33 ÷ 53 × 100
    g = gap(binjai, RKP, 2026)
    assert g.points == pytest.approx(1.99, abs=EXACT)  # 34,99 − 33
    assert g.persons == pytest.approx(2_643.2374, abs=1e-6)  # 1,99 × 1.328,26
    assert g.attainment == pytest.approx(94.3127, abs=5e-5)  # 33 ÷ 34,99 × 100
    g = gap(binjai, RPJMN, 2029)
    assert g.points == pytest.approx(10.92, abs=EXACT)  # 43,92 − 33
    assert g.persons == pytest.approx(14_504.5992, abs=1e-6)  # 10,92 × 1.328,26
    assert (binjai.first_unmet.target.name, binjai.first_unmet.target.year) == (KEMENDAGRI, 2025)


def test_gaps_muba(muba):
    # On 49,2% of the derived 261.363,64 workers (2.613,6364 per point).
    for name, year in [(RPJMN, 2025), (RULE, 2025), (RKP, 2026), (RPJMN, 2029)]:  # 49,2 ≥ 32,15, 46,8, 34,99, 43,92
        assert gap(muba, name, year).reached, (name, year)
    assert gap(muba, RULE, 2025).attainment == pytest.approx(105.1282, abs=5e-5)  # 49,2 ÷ 46,8 × 100
    g = gap(muba, KEMENDAGRI, 2025)
    assert g.points == pytest.approx(2.95, abs=EXACT)  # 52,15 − 49,2
    assert g.persons == pytest.approx(7_710.2273, abs=5e-5)  # 2,95 × 2.613,6364
    assert g.attainment == pytest.approx(94.3432, abs=5e-5)  # 49,2 ÷ 52,15 × 100
    g = gap(muba, MUBA_ARTICLE, 2025)
    assert g.points == pytest.approx(8.8, abs=EXACT)  # 58 − 49,2
    # 8,8 × 2.613,6364 = 23.000: back to the plan's 23 ribu, as the derivation of the base requires.
    assert g.persons == pytest.approx(23_000, abs=STORED_BASE)
    assert g.attainment == pytest.approx(84.8276, abs=5e-5)  # 49,2 ÷ 58 × 100
    g = gap(muba, RPJPN, 2045)
    assert g.points == pytest.approx(50.3, abs=EXACT)  # 99,5 − 49,2
    assert g.persons == pytest.approx(131_465.9091, abs=5e-5)  # 50,3 × 2.613,6364
    assert (muba.first_unmet.target.name, muba.first_unmet.target.year) == (KEMENDAGRI, 2025)


def test_no_gaps_without_coverage_lampung(lampung):
    assert lampung.gaps == () and lampung.first_unmet is None


# -- costs -----------------------------------------------------------------------------------

def test_costs_labuhanbatu(labuhanbatu):
    # Costed: every target above 66.234 ÷ 181.567 = 36,4791% — Kemendagri 2025, RPJMN 2029, RPJPN 2045.
    assert keyed(c.target for c in labuhanbatu.costs) == [(KEMENDAGRI, "national", 2025), (RPJMN, "national", 2029),
                                                          (RPJPN, "national", 2045)]
    # Kemendagri 52,15% in 2025 from an April 2025 reading: the target's year is not after the
    # reading's, so it is late; at least one year → budget year 2026.
    c = cost(labuhanbatu, KEMENDAGRI, 2025)
    assert (c.start_year, c.years, c.late) == (2025, 1, True)
    # 0,5215 × 181.567 = 94.687,1905; − 66.234 = 28.453,1905 in one year.
    assert c.participants_per_year == pytest.approx(28_453.1905, abs=1e-6)
    b = c.first_budget
    assert (b.year, b.full_rate, b.full_months, b.discounted_rate, b.discount_months) == (2026, 16_800, 3, 8_400, 9)
    assert b.participants == pytest.approx(28_453.1905, abs=1e-6)
    assert b.rupiah == pytest.approx(3_585_102_003, rel=RUPIAH)  # 28.453,1905 × 126.000
    assert c.whole_gap_persons == pytest.approx(28_453.1905, abs=1e-6)
    assert c.whole_gap_rupiah == pytest.approx(5_736_163_204.8, rel=RUPIAH)  # 28.453,1905 × 201.600
    # RPJMN 43,92% in 2029: 0,4392 × 181.567 = 79.744,2264; − 66.234 = 13.510,2264 over 4 years.
    c = cost(labuhanbatu, RPJMN, 2029)
    assert (c.years, c.late) == (4, False)
    assert c.participants_per_year == pytest.approx(3_377.5566, abs=1e-6)  # 13.510,2264 ÷ 4
    assert [b.year for b in c.budget_years] == [2026, 2027, 2028, 2029]
    assert c.first_budget.rupiah == pytest.approx(425_572_131.6, rel=RUPIAH)  # 3.377,5566 × 126.000
    second = c.budget_years[1]  # 2027: two years' new participants, no discount month
    assert (second.full_months, second.discount_months) == (12, 0)
    assert second.participants == pytest.approx(6_755.1132, abs=1e-6)  # 2 × 3.377,5566
    assert second.rupiah == pytest.approx(1_361_830_821.12, rel=RUPIAH)  # 6.755,1132 × 201.600
    assert c.whole_gap_rupiah == pytest.approx(2_723_661_642.24, rel=RUPIAH)  # 13.510,2264 × 201.600
    # RPJPN 99,5% in 2045: 0,995 × 181.567 = 180.659,165; − 66.234 = 114.425,165 over 20 years.
    c = cost(labuhanbatu, RPJPN, 2045)
    assert c.years == 20 and c.participants_per_year == pytest.approx(5_721.25825, abs=1e-6)


def test_costs_binjai(binjai):
    # From 2024 (43.832,58 of 132.826): budget years begin in 2025, a full-rate year.
    assert keyed(c.target for c in binjai.costs) == [(KEMENDAGRI, "national", 2025), (RULE, "rule", 2025),
                                                     (RKP, "national", 2026), (RPJMN, "national", 2029),
                                                     (RPJPN, "national", 2045)]
    c = cost(binjai, RULE, 2025)  # 53%: 0,53 × 132.826 = 70.397,78; − 43.832,58 = 26.565,2
    assert (c.start_year, c.years, c.late) == (2024, 1, False)
    assert c.participants_per_year == pytest.approx(26_565.2, abs=1e-6)
    b = c.first_budget
    assert (b.year, b.full_rate, b.full_months, b.discount_months) == (2025, 16_800, 12, 0)
    assert b.rupiah == pytest.approx(5_355_544_320, rel=RUPIAH)  # 26.565,2 × 201.600
    assert c.whole_gap_rupiah == pytest.approx(5_355_544_320, rel=RUPIAH)  # the same: 2025 has no discount
    c = cost(binjai, KEMENDAGRI, 2025)  # 52,15%: 19,15 × 1.328,26 = 25.436,179
    assert c.late is False and c.participants_per_year == pytest.approx(25_436.179, abs=1e-6)
    assert c.first_budget.rupiah == pytest.approx(5_127_933_686.4, rel=RUPIAH)  # 25.436,179 × 201.600
    # RKP 34,99% in 2026: 1,99 × 1.328,26 = 2.643,2374 over 2 years = 1.321,6187 a year.
    c = cost(binjai, RKP, 2026)
    assert c.years == 2 and c.participants_per_year == pytest.approx(1_321.6187, abs=1e-6)
    first, second = c.budget_years
    assert first.year == 2025 and first.rupiah == pytest.approx(266_438_329.92, rel=RUPIAH)  # 1.321,6187 × 201.600
    assert (second.year, second.full_months, second.discount_months) == (2026, 3, 9)
    assert second.rupiah == pytest.approx(333_047_912.4, rel=RUPIAH)  # 2.643,2374 × 126.000
    assert c.whole_gap_rupiah == pytest.approx(532_876_659.84, rel=RUPIAH)  # 2.643,2374 × 201.600
    # RPJMN 43,92% in 2029: 10,92 × 1.328,26 = 14.504,5992 over 5 years = 2.900,91984.
    c = cost(binjai, RPJMN, 2029)
    assert c.years == 5 and c.participants_per_year == pytest.approx(2_900.91984, abs=1e-6)
    assert c.first_budget.rupiah == pytest.approx(584_825_439.744, rel=RUPIAH)  # 2.900,91984 × 201.600


def test_costs_muba(muba):
    # Above 49,2%: Kemendagri 52,15, the article's 58, RPJPN 99,5 (all others are reached).
    assert keyed(c.target for c in muba.costs) == [(KEMENDAGRI, "national", 2025), (MUBA_ARTICLE, "own", 2025),
                                                   (RPJPN, "national", 2045)]
    c = cost(muba, MUBA_ARTICLE, 2025)  # 0,58 × 261.363,64 − 128.590,91 = 8,8 × 2.613,6364 = 23.000
    assert (c.start_year, c.years, c.late) == (2025, 1, True)
    assert c.participants_per_year == pytest.approx(23_000, abs=STORED_BASE)
    b = c.first_budget
    assert (b.year, b.full_months, b.discount_months, b.discounted_rate) == (2026, 3, 9, 8_400)
    assert b.rupiah == pytest.approx(2_898_000_000, rel=RUPIAH)  # 23.000 × 126.000
    assert c.whole_gap_rupiah == pytest.approx(4_636_800_000, rel=RUPIAH)  # 23.000 × 201.600
    c = cost(muba, KEMENDAGRI, 2025)  # 2,95 × 2.613,6364 = 7.710,2273
    assert c.late and c.participants_per_year == pytest.approx(7_710.2273, abs=5e-5)
    # 7.710,22727 × 126.000 and × 201.600 (the base's stored 4 decimals move these by < Rp1: rel 1e-9 holds)
    assert c.first_budget.rupiah == pytest.approx(971_488_636.36, rel=RUPIAH)
    assert c.whole_gap_rupiah == pytest.approx(1_554_381_818.18, rel=RUPIAH)


def test_costs_lampung_from_a_hypothetical_start(lampung):
    # Start: the 2025 target (38,39%) taken as met, so no 2025 target is costed (Kemendagri's
    # 52,15 included: "only later targets can be costed from it"); RPJMN 2025, RKP 2026 are below.
    assert keyed(c.target for c in lampung.costs) == [(LAMPUNG_RPJMD, "own", 2026), (RPJMN, "national", 2029),
                                                      (RPJPN, "national", 2045)]
    # RPJMD 45,53% in 2026 on the 2026 target's own worker base 1.436.809 ÷ 0,4553 = 3.155.741,27
    # (the implied growth): 0,4553 × 3.155.741,27 − 1.149.447 = 1.436.809 − 1.149.447 = 287.362.
    c = cost(lampung, LAMPUNG_RPJMD, 2026)
    assert (c.start_year, c.years, c.late) == (2025, 1, False)
    assert c.participants_per_year == pytest.approx(287_362, abs=STORED_BASE)
    b = c.first_budget
    assert (b.year, b.full_months, b.discount_months) == (2026, 3, 9)
    assert b.rupiah == pytest.approx(36_207_612_000, rel=RUPIAH)  # 287.362 × 126.000
    assert c.whole_gap_rupiah == pytest.approx(57_932_179_200, rel=RUPIAH)  # 287.362 × 201.600
    # RPJMN 43,92% in 2029: the work force grows only within 2025–2026, then stays at 3.155.741,27:
    # 0,4392 × 3.155.741,27 = 1.386.001,57; − 1.149.447 = 236.554,57 over 4 years = 59.138,64.
    c = cost(lampung, RPJMN, 2029)
    assert c.years == 4 and c.whole_gap_persons == pytest.approx(236_554.57, abs=0.005)
    assert c.participants_per_year == pytest.approx(59_138.64, abs=0.005)
    assert c.first_budget.rupiah == pytest.approx(7_451_468_815.2, rel=RUPIAH)  # 59.138,64139 × 126.000


def test_costs_follow_the_readers_assumptions(data):
    # With JHT (Rp36.800): the discount halves only JKK+JKM, 36.800 − 8.400 = 28.400; 2026 costs
    # 3 × 36.800 + 9 × 28.400 = 110.400 + 255.600 = Rp366.000 a person.
    model = build(data, "12.10", premium_rate=36_800)
    b = cost(model, KEMENDAGRI, 2025).first_budget
    assert (b.full_rate, b.discounted_rate, b.discount_months) == (36_800, 28_400, 9)
    assert b.rupiah == pytest.approx(10_413_867_723, rel=RUPIAH)  # 28.453,1905 × 366.000
    # whole gap: 28.453,1905 × 12 × 36.800 = 28.453,1905 × 441.600
    assert cost(model, KEMENDAGRI, 2025).whole_gap_rupiah == pytest.approx(12_564_928_924.8, rel=RUPIAH)
    # A reader's growth (here 0) replaces the growth Lampung's targets imply: its 2026 target is
    # then costed on the flat 2.994.131,28 workers: 0,4553 × 2.994.131,28 = 1.363.227,97; − 1.149.447.
    flat = build(data, "18", workforce_growth=0.0)
    assert (flat.growth.rate, flat.growth.origin) == (0.0, "reader")
    assert cost(flat, LAMPUNG_RPJMD, 2026).participants_per_year == pytest.approx(213_780.97, abs=0.005)


# -- growth, scenarios, trend ----------------------------------------------------------------

def test_implied_growth(labuhanbatu, binjai, muba, lampung):
    for model in (labuhanbatu, binjai, muba):
        assert (model.growth.rate, model.growth.origin) == (0.0, "none")
    # Worker bases behind the targets: 1.149.447 ÷ 0,3839 = 2.994.131,28 (2025) and
    # 1.436.809 ÷ 0,4553 = 3.155.741,27 (2026); 3.155.741,27 ÷ 2.994.131,28 − 1 = 5,3976%.
    g = lampung.growth
    assert (g.origin, g.first_year, g.last_year) == ("targets", 2025, 2026)
    assert g.rate == pytest.approx(0.053976, abs=5e-7)
    # Applied within 2025–2026 only: 2025 → 2029 grows by the one year 2026.
    assert g.factor(2025, 2029) == pytest.approx(1.053976, abs=5e-7)
    assert g.factor(2026, 2045) == 1.0


def test_scenarios_present_and_in_their_units(labuhanbatu, binjai, muba, lampung):
    assert [s.key for s in labuhanbatu.scenarios] == ["one-off-plan", "to-target", "national-pace"]
    assert [s.key for s in binjai.scenarios] == ["to-target", "national-pace"]
    # Muba already exceeds RPJMN 2029 (49,2 ≥ 43,92): no to-target scenario.
    assert [s.key for s in muba.scenarios] == ["one-off-plan", "national-pace"]
    assert [s.key for s in lampung.scenarios] == ["target-pair-pace", "to-target", "national-pace"]
    by_key = lambda model: {s.key: s for s in model.scenarios}  # noqa: E731

    # Labuhanbatu: "10.000 pekerja rentan menggunakan APBD dan 3.800 lainnya dengan dana DBH Sawit SILPA".
    plan = by_key(labuhanbatu)["one-off-plan"]
    assert (plan.one_off, plan.people, plan.points) == (13_800, 0, 0)  # 10.000 + 3.800, once
    assert plan.params == ((10_000, "APBD"), (3_800, "DBH sawit (SILPA)"))
    assert by_key(muba)["one-off-plan"].one_off == 23_000  # "tambahan 23 ribu peserta baru"
    # To RPJMN 43,92% by 2029, participants a year: Labuhanbatu (79.744,2264 − 66.234) ÷ 4 = 3.377,5566;
    # Binjai 14.504,5992 ÷ 5 = 2.900,91984; Lampung 236.554,57 ÷ 4 = 59.138,64.
    assert by_key(labuhanbatu)["to-target"].people == pytest.approx(3_377.5566, abs=1e-6)
    assert by_key(binjai)["to-target"].people == pytest.approx(2_900.91984, abs=1e-6)
    assert by_key(lampung)["to-target"].people == pytest.approx(59_138.64, abs=0.005)
    # Lampung's own target pair, in persons: (1.436.809 − 1.149.447) ÷ (2026 − 2025) = 287.362 a year.
    pair = by_key(lampung)["target-pair-pace"]
    assert (pair.people, pair.points, pair.one_off) == (287_362, 0, 0)
    # The national pace, in points: (43,92 − 32,15) ÷ 4 = 2,9425 a year, for every region.
    for model in (labuhanbatu, binjai, muba, lampung):
        national = by_key(model)["national-pace"]
        assert national.points == pytest.approx(2.9425, abs=EXACT) and national.people == 0
        assert national.params == (RPJMN, pytest.approx(2.9425, abs=EXACT))


def test_scenario_paths(labuhanbatu, lampung):
    rows = labuhanbatu.scenario_rows.set_index("key")
    # The one-off plan: 13.800 added in 2026, paid at Rp126.000 each: 13.800 × 126.000 = Rp1.738.800.000.
    assert rows.loc["one-off-plan", "first_year"] == 2026
    assert rows.loc["one-off-plan", "first_year_added"] == 13_800
    assert rows.loc["one-off-plan", "budget_first_year"] == pytest.approx(1_738_800_000, rel=RUPIAH)
    # The national pace stays 2,9425 points a year: 36,4791 + 2,9425 = 39,4216% in 2026, i.e.
    # 2,9425 × 1.815,67 = 5.342,609 participants added.
    path = rows.loc["national-pace", "path"]
    assert path["coverage"].diff().dropna().tolist() == pytest.approx([2.9425] * (len(path) - 1), abs=1e-9)
    assert path["added"].iloc[0] == pytest.approx(5_342.609, abs=1e-3)
    # …and still 2,9425 points a year in Lampung while its work force grows 5,4% in 2026:
    # 38,39 + 2,9425 = 41,3325% (2026), 44,275% (2027), workers 3.155.741,27 from 2026 on.
    path = lampung.scenario_rows.set_index("key").loc["national-pace", "path"]
    assert path["coverage"].iloc[:2].tolist() == pytest.approx([41.3325, 44.275], abs=1e-9)
    assert path["coverage"].diff().dropna().iloc[:10].tolist() == pytest.approx([2.9425] * 10, abs=1e-9)
    assert path["workers"].iloc[:3].tolist() == pytest.approx([3_155_741.27] * 3, abs=0.005)
    # The target-pair pace reaches the 2026 target exactly: 1.149.447 + 287.362 = 1.436.809 = 45,53% of 3.155.741,27.
    pair = lampung.scenario_rows.set_index("key").loc["target-pair-pace", "path"]
    assert pair["participants"].iloc[0] == 1_436_809
    assert pair["coverage"].iloc[0] == pytest.approx(45.53, abs=1e-9)


def test_trend_problem(labuhanbatu, binjai, muba, lampung):
    # Too few coverage readings on one basis for a trend (at least 3).
    assert labuhanbatu.trend is None and labuhanbatu.trend_problem == ("few", 1, 3)
    assert binjai.trend is None and binjai.trend_problem == ("few", 1, 3)
    assert muba.trend is None and muba.trend_problem == ("few", 2, 3)  # 26,8 (2024-12) and 49,2 (2025-09-25)
    assert lampung.trend is None and lampung.trend_problem == ("few", 0, 3)


def test_poverty_plan_labuhanbatu(labuhanbatu, muba):
    # RPJMD: 10 ribu of "sekitar ... 42 ribu jiwa" poor residents a year to 2029. From 2025: 5 × 10.000
    # ≥ 42.000, all protected; from 2026: 4 × 10.000 = 40.000 = 95,2381%.
    plan = labuhanbatu.poverty
    assert (plan.poor.value, plan.per_year.value, plan.last_year) == (42_000, 10_000, 2029)
    (first, all_, share), (later, protected, late_share) = plan.outcomes
    assert (first, all_, share) == (2025, 42_000, pytest.approx(100.0))
    assert (later, protected) == (2026, 40_000) and late_share == pytest.approx(95.2381, abs=5e-5)
    assert muba.poverty is None  # rates, but no count of poor residents or a pace


# -- totals only (SYNTHETIC data) --------------------------------------------------------------

def synthetic_frame(rows: list[dict]) -> pd.DataFrame:
    """SYNTHETIC processed rows for a made-up region 99.01 (not a real region, not from any source)."""
    base = {column: "" for column in PROCESSED_COLUMNS}
    base |= {"region_code": "99.01", "region_name": "Kabupaten Sintetis", "level": "regency", "province_code": "99",
             "province_name": "Provinsi Sintetis", "source_id": "sintetis", "approximate": False}
    frame = pd.DataFrame([base | row | {"raw_line": line} for line, row in enumerate(rows, start=2)])
    return frame.astype({"value": float, "approximate": bool, "raw_line": int})


SYNTHETIC_GROUP_ROWS = [  # listed before the totals, and newer than them where a date could win
    {"indicator": "ucj_coverage", "value": 95, "value_as_printed": "95%", "as_of": "2025-06-30", "group": "ASN"},
    {"indicator": "ucj_coverage", "value": 70, "value_as_printed": "70%", "as_of": "2025-05-31", "programme": "JKK"},
    {"indicator": "ucj_coverage", "value": 90, "value_as_printed": "90%", "as_of": "2024-12-31", "group": "ASN"},
    {"indicator": "ucj_coverage", "value": 80, "value_as_printed": "80%", "as_of": "2024-11-30", "funding": "APBD"},
    {"indicator": "workers", "value": 2_000, "value_as_printed": "2.000", "as_of": "2025-03-31", "group": "ASN"},
    {"indicator": "active_participants", "value": 1_900, "value_as_printed": "1.900", "as_of": "2025-03-31", "group": "ASN"},
]
SYNTHETIC_TOTAL = {"indicator": "ucj_coverage", "value": 40, "value_as_printed": "40%", "as_of": "2025-03-31"}
SYNTHETIC_NATIONAL = {"region_code": "00", "region_name": "Indonesia", "level": "national", "province_code": "",
                      "province_name": "", "indicator": "coverage_target", "value": 50, "value_as_printed": "50%",
                      "as_of": "2029", "yardstick": RPJMN}
NO_CHECKS = pd.DataFrame(columns=["check", "region_code", "region_name", "source_id", "as_of", "inputs", "recomputed",
                                  "printed", "difference", "tolerance", "unit", "status", "explanation"], dtype=str)


def test_group_rows_never_become_the_headline_or_the_worker_base():
    # SYNTHETIC: a total coverage of 40% (31/3/2025) beside an ASN group at 95% (newer), a JKK
    # programme figure and an APBD-funded one, and a workers count for the ASN group only.
    frame = synthetic_frame(SYNTHETIC_GROUP_ROWS + [SYNTHETIC_TOTAL, SYNTHETIC_NATIONAL])
    model = region_model("99.01", frame, NO_CHECKS, pd.DataFrame())
    assert (model.coverage.value, model.coverage.as_of) == (40, "2025-03-31")
    assert [r.value for r in model.coverage_history] == [40]  # the group figures are not history either
    assert model.participants is None  # the ASN group's 1.900 is not the region's count
    assert model.workers is None  # nor its 2.000 the region's worker base
    assert model.start is None and model.costs == ()
    # The ASN group's 90% at the end of 2024 is not the region's end-2024 level: no +20-point rule.
    assert [t.kind for t in model.targets] == ["national"]
    g = model.first_unmet
    assert (g.points, g.persons) == (10, None)  # 50 − 40, no persons without a worker base
    assert model.trend_problem == ("few", 1, 3)

    # SYNTHETIC, with the region's totals added after the group rows: 4.000 of 10.000 workers.
    totals = [{"indicator": "workers", "value": 10_000, "value_as_printed": "10.000", "as_of": "2025-03-31"},
              {"indicator": "active_participants", "value": 4_000, "value_as_printed": "4.000", "as_of": "2025-03-31"}]
    model = region_model("99.01", synthetic_frame(SYNTHETIC_GROUP_ROWS + [SYNTHETIC_TOTAL, *totals, SYNTHETIC_NATIONAL]),
                         NO_CHECKS, pd.DataFrame())
    assert (model.workers.value, model.workers.derived) == (10_000, False)
    assert model.participants.value == 4_000
    assert model.first_unmet.persons == pytest.approx(1_000, abs=EXACT)  # 10 points × 10.000 / 100
    # (0,50 × 10.000 − 4.000) ÷ (2029 − 2025) = 250 a year; 2026: 250 × 126.000 = Rp31.500.000.
    c = model.costs[0]
    assert c.participants_per_year == pytest.approx(250, abs=EXACT)
    assert c.first_budget.rupiah == pytest.approx(31_500_000, rel=RUPIAH)


def synthetic_model(rows: list[dict]):
    """A SYNTHETIC region run through the real pipeline's checks (as the build does), then the model."""
    from ucjlib.checks import run_checks

    frame = synthetic_frame(rows + [SYNTHETIC_NATIONAL])
    return region_model("99.01", frame, run_checks(frame), pd.DataFrame())


def test_a_group_coverage_never_derives_the_worker_base():
    # SYNTHETIC, shaped like Muba's article: a plan of 4.000 new participants "bringing coverage
    # to 50%", printed with the total 40% and (listed after it) a 10% for one group. Totals only:
    # 4.000 ÷ (50 − 40) points = 4.000 ÷ 0,10 = 40.000 workers.
    model = synthetic_model([
        {"indicator": "ucj_coverage", "value": 40, "value_as_printed": "40%", "as_of": "2025-06-30"},
        {"indicator": "ucj_coverage", "value": 10, "value_as_printed": "10%", "as_of": "2025-06-30", "group": "pekerja rentan"},
        {"indicator": "planned_enrolment", "value": 4_000, "value_as_printed": "4.000", "as_of": "2025-06-30",
         "group": "pekerja rentan"},
        {"indicator": "coverage_target", "value": 50, "value_as_printed": "50%", "as_of": "2025-06-30", "yardstick": "artikel"},
    ])
    assert model.coverage.value == 40
    assert model.workers.value == pytest.approx(40_000, abs=EXACT)


def test_a_target_pairs_worker_base_is_not_the_headlines_denominator():
    # SYNTHETIC: one source prints an observed 40% (30/6/2025) with no count, and a 2026 target
    # of 50% = 6.000 participants. The 40% has no denominator printed beside it and none derived
    # from it; 6.000 ÷ 0,50 = 12.000 is the base the 2026 target assumes, not the 2025 reading's.
    model = synthetic_model([
        {"indicator": "ucj_coverage", "value": 40, "value_as_printed": "40%", "as_of": "2025-06-30"},
        {"indicator": "coverage_target", "value": 50, "value_as_printed": "50%", "as_of": "2026", "yardstick": "RPJMD"},
        {"indicator": "participants_target", "value": 6_000, "value_as_printed": "6.000", "as_of": "2026", "yardstick": "RPJMD"},
    ])
    assert model.coverage.value == 40
    assert model.workers is None


# -- check_assumptions -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def yardsticks(data):
    observations = data.observations
    return sorted(set(observations.loc[observations["indicator"] == "coverage_target", "yardstick"]) - {""})


@pytest.mark.parametrize("written", ["RPJMN 2025-2029", "rpjmn 2025-2029", "RPJMN 2025–2029", "Rpjmn 2025—2029",
                                     "  RPJMN   2025-2029 "])
def test_yardstick_matches_whatever_its_dash_or_case(yardsticks, written):
    checked = check_assumptions(Assumptions(yardstick=written), yardsticks)
    assert checked.yardstick == RPJMN
    assert (checked.premium_rate, checked.target_year, checked.workforce_growth) == (16_800, 2029, None)


def test_valid_assumptions_pass_through(yardsticks):
    checked = check_assumptions(Assumptions(36_800, "rpjpn 2025-2045", 2045, 0.02), yardsticks)
    assert checked == Assumptions(36_800.0, RPJPN, 2045, 0.02)
    assert isinstance(checked.premium_rate, float)


@pytest.mark.parametrize("parameter, bad", [
    ("premium_rate", 0), ("premium_rate", -16_800), ("premium_rate", "16800"), ("premium_rate", True),
    ("premium_rate", None),
    ("target_year", 2023), ("target_year", 2101), ("target_year", 2029.0), ("target_year", "2029"), ("target_year", True),
    ("workforce_growth", 0.5), ("workforce_growth", -0.5), ("workforce_growth", 2), ("workforce_growth", "0.02"),
    ("workforce_growth", True), ("workforce_growth", math.nan),
    ("yardstick", "RPJMN 2030"), ("yardstick", "RPJMN"), ("yardstick", ""),
])
def test_bad_assumptions_name_the_parameter(yardsticks, parameter, bad):
    with pytest.raises(ReportParameterError, match=parameter) as raised:
        check_assumptions(Assumptions(**{parameter: bad}), yardsticks)
    assert repr(bad) in str(raised.value)
    if parameter == "yardstick":
        assert RPJMN in str(raised.value)  # the choices are listed


@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_non_finite_premium_rate_is_refused(yardsticks, bad):
    with pytest.raises(ReportParameterError, match="premium_rate"):
        check_assumptions(Assumptions(premium_rate=bad), yardsticks)


def test_an_old_coverage_figure_is_marked_with_its_age():
    # SYNTHETIC: the total coverage is from 31/3/2023, the region's newest figure (a worker count) from 30/6/2025.
    rows = [{"indicator": "ucj_coverage", "value": 40, "value_as_printed": "40%", "as_of": "2023-03-31"},
            {"indicator": "workers", "value": 10_000, "value_as_printed": "10.000", "as_of": "2025-06-30"}, SYNTHETIC_NATIONAL]
    model = region_model("99.01", synthetic_frame(rows), NO_CHECKS, pd.DataFrame())
    assert model.newest_as_of == dt.date(2025, 6, 30)  # the 2029 target is not an observed figure
    assert model.age_months("2023-03-31") == 27  # March 2023 → June 2025
    assert model.is_old("2023-03-31") and not model.is_old("2024-06-30")  # 12 months is not more than 12
    assert View(model, "id").headline()["age"] == "27 bulan lebih lama daripada angka terbaru laporan ini"


def test_an_approximate_worker_count_gives_the_gap_and_budget_as_ranges():
    # SYNTHETIC: 40% of "sekitar 10 ribu" workers (read as 10.000, within 5%: 9.500–10.500) against 50% in 2029.
    rows = [{"indicator": "ucj_coverage", "value": 40, "value_as_printed": "40,0%", "as_of": "2025-03-31"},
            {"indicator": "workers", "value": 10_000, "value_as_printed": "sekitar 10 ribu", "as_of": "2025-03-31",
             "approximate": True, "bound": "about", "unit": "persons"}, SYNTHETIC_NATIONAL]
    model = region_model("99.01", synthetic_frame(rows), NO_CHECKS, pd.DataFrame())
    assert model.workers.bounds == (9_500, 10_500)  # ±5%; half a unit of "10 ribu" is ±500 too
    gap = model.first_unmet
    # 40,0% stands for 39,95–40,05: fewest missing 9.500 × (50 − 40,05)%, most 10.500 × (50 − 39,95)%.
    assert gap.persons == pytest.approx(1_000, abs=EXACT)
    assert gap.persons_range == pytest.approx((945.25, 1_055.25), abs=1e-9)
    cost = model.costs[0]  # four years, 2026–2029
    assert cost.per_year_range == pytest.approx((236.3125, 263.8125), abs=1e-9)
    low, high = cost.budget_range(cost.first_budget)  # 2026: 126.000 a participant (3 × 16.800 + 9 × 8.400)
    assert (low, high) == (pytest.approx(236.3125 * 126_000), pytest.approx(263.8125 * 126_000))
    assert View(model, "id").num_range(gap.persons, gap.persons_range) == "1.000 (945–1.055)"


def test_summary_costs_the_groups_the_sources_name_as_uncovered(labuhanbatu):
    # Labuhanbatu's article names three groups not yet protected; a year of BPU JKK+JKM in 2026 is
    # 3 months × 16.800 + 9 × 8.400 (PP 50/2025) = 126.000 a person.
    actions = {action.group: (action.persons.value, action.budget.rupiah) for action in labuhanbatu.group_actions}
    assert actions == {"guru": (3_000, 378_000_000), "kepala lingkungan": (215, 27_090_000), "kader desa": (1_200, 151_200_000)}
    # The next step is the first unmet target, Kemendagri UCJ 2025 (52,15%), costed for 2026.
    step = labuhanbatu.next_step
    assert (step.target.name, step.first_budget.year) == (KEMENDAGRI, 2026)
    assert step.first_budget.rupiah == pytest.approx(28_453.1905 * 126_000, rel=RUPIAH)  # Rp3,585 miliar
    assert [(g.target.name, g.target.year) for g in labuhanbatu.binding_gaps] == [(RPJMN, 2025), (KEMENDAGRI, 2025), (RKP, 2026)]


def test_a_worker_base_is_derived_from_participants_or_from_a_recent_earlier_figure(data):
    # Padang prints 44% with 118.788 participants and no worker count: 118.788 ÷ 0,44 = 269.972,7.
    padang = build(data, "13.71")
    assert padang.workers.derived and padang.workers.value == pytest.approx(269_972.7, abs=0.05)
    assert padang.workers.inputs == "118.788 ÷ 44 persen × 100"
    # "44 persen" is 43,5–44,5: 118.788 ÷ 0,445 = 266.939,3 to 118.788 ÷ 0,435 = 273.075,9.
    assert padang.workers.bounds == pytest.approx((266_939.3, 273_075.9), abs=0.05)
    # Maluku's newest figure (36%, October 2025) has no counts beside it; 39,45% at the end of
    # 2024 (ten months earlier) has 191.618 participants: 191.618 ÷ 0,3945 = 485.723,7.
    maluku = build(data, "81")
    assert maluku.coverage.value == 36 and maluku.workers.derived
    assert maluku.workers.value == pytest.approx(485_723.7, abs=0.05)
    assert maluku.workers.inputs == "191.618 ÷ 39,45 persen × 100, 2024-12-31"
    # Bengkulu's 35% (December 2025) prints its worker count: it is used as printed.
    bengkulu = build(data, "17")
    assert not bengkulu.workers.derived and bengkulu.workers.value == 708_000


# -- the overview the index lists --------------------------------------------------------------

def test_overview_holds_the_index_line_and_survives_json(data, labuhanbatu, binjai):
    import dataclasses
    import json

    from ucjlib.region_model import Overview

    overview = labuhanbatu.overview
    # The headline 36,48% printed by Poskota; the first unmet target Kemendagri's 52,15% (2025): 52,15 − 36,48 = 15,67 points.
    assert (overview.code, overview.name, overview.level, overview.province_code) == ("12.10", "Kabupaten Labuhanbatu", "regency", "12")
    assert (overview.coverage.as_printed, overview.outlet) == ("36,48%", "Poskota Sumatera (poskotasumatera.com)")
    assert (overview.unmet_target.name, overview.unmet_target.year) == (KEMENDAGRI, 2025)
    assert overview.unmet_points == pytest.approx(15.67, abs=EXACT)
    # A kernel hands it to the index as JSON: it comes back equal, a rule target's base included.
    rule = next(t for t in binjai.targets if t.kind == "rule")
    codes = sorted(set(data.observations["region_code"]))
    for sent in [build(data, code).overview for code in codes] + [dataclasses.replace(binjai.overview, unmet_target=rule)]:
        assert Overview.from_json(json.loads(json.dumps(sent.as_json()))) == sent, sent.code
    # It does not depend on what a reader may change (the index lists every region under the defaults).
    assert build(data, "12.10", premium_rate=20_000, workforce_growth=0.05).overview == overview
