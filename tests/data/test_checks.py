"""Tests for ucjlib.data.checks.run_checks, on the real processed data and on tiny frames.

Every expected number is worked out by hand from the seed articles.
"""

import pandas as pd
import pytest

from ucjlib import paths
from ucjlib.data.build import build
from ucjlib.data.checks import CHECK_COLUMNS, run_checks
from ucjlib.data.processed import load_processed

COVERAGE = "printed percent vs participants ÷ workers"
GAP = "printed gap vs 100 − coverage"
UNCOVERED = "printed uncovered workers vs workers × (100 − coverage)"
VILLAGES = "per-village programme total"
TARGET_PAIR = "worker base implied by a target pair"
RULE = "+20-point rule"
JKM = "JKM death benefit vs statutory amount"

# 66.234 ÷ 181.567: 181.567 × 0,3648 = 66.235,6, i.e. 1,6 participants more than printed;
# 1,6 ÷ 181.567 × 100 = 0,0009 points, so the ratio is 36,4791…% — 36,48 after rounding.
LABUHANBATU_RATE = 36.4791
# Binjai: 33% covered leaves 67% of 132.826 = 132.826 × 0,67 = 88.993,42 uncovered
# (132.826 × 0,6 = 79.695,6; × 0,07 = 9.297,82; sum 88.993,42). Printed "sekitar 89.300":
# 89.300 − 88.993,42 = 306,58 workers, more than 0,1 point of the base (132,8) plus rounding.
BINJAI_UNCOVERED, BINJAI_DIFFERENCE = 88_993.42, 306.58
# Lampung: 1.149.447 ÷ 0,3839 ≈ 2.994.131 (check: 2.994.131 × 0,3839 = 1.137.769,78 + 11.677,11
# = 1.149.446,89); 1.436.809 ÷ 0,4553 ≈ 3.155.741 (3.155.741 × 0,4553 = 1.420.083,45 + 16.725,43
# = 1.436.808,88).
LAMPUNG_WORKERS = {"2025": 2_994_131, "2026": 3_155_741}


@pytest.fixture(scope="module")
def real_checks(tmp_path_factory):
    out = tmp_path_factory.mktemp("processed")
    build(raw_dir=paths.raw_dir(), out_dir=out)
    return run_checks(load_processed(out / "observations.csv"))


def one(checks, check, region_code, **where):
    rows = checks[(checks["check"] == check) & (checks["region_code"] == region_code)]
    for column, value in where.items():
        rows = rows[rows[column] == value]
    assert len(rows) == 1, (check, region_code, where, rows)
    return rows.iloc[0]


def frame(*rows, region_code="12.10", level="regency", source_id="s", as_of="2025-04-22"):
    """A processed-like frame: (indicator, value, value_as_printed, {qualifiers and overrides})."""
    records = []
    for indicator, value, printed, *extra in rows:
        record = {
            "region_code": region_code,
            "region_name": "R",
            "level": level,
            "source_id": source_id,
            "as_of": as_of,
            "indicator": indicator,
            "value": float(value),
            "value_as_printed": printed,
            "programme": "",
            "group": "",
            "basis": "",
            "funding": "",
            "yardstick": "",
            "raw_line": len(records) + 2,
        }
        records.append(record | (extra[0] if extra else {}))
    return pd.DataFrame(records)


# --- the real processed data ----------------------------------------------------------


def test_real_checks_have_the_documented_columns(real_checks):
    assert list(real_checks.columns) == CHECK_COLUMNS
    assert set(real_checks["status"]) <= {"pass", "flag", "info"}


@pytest.mark.parametrize(
    "check, region_code, where, status, recomputed, printed",
    [
        (COVERAGE, "12.10", {}, "pass", LABUHANBATU_RATE, 36.48),
        (UNCOVERED, "12.75", {}, "flag", BINJAI_UNCOVERED, 89_300),
        (GAP, "12.75", {}, "pass", 67, 67),  # 100 − 33 = 67
        (VILLAGES, "12.10", {}, "pass", 7_500, 7_500),  # 75 desa × 100 pekerja
        (TARGET_PAIR, "18", {"as_of": "2025"}, "info", LAMPUNG_WORKERS["2025"], None),
        (TARGET_PAIR, "18", {"as_of": "2026"}, "info", LAMPUNG_WORKERS["2026"], None),
        # Issue 27 §5: Disway's 26,8% is undated (dated to the start of 2025), so the rule is checked on
        # JPNN's December 2024 level, 41,65%: 41,65 + 20 = 61,65 > 48,26 (July 2025).
        (RULE, "16.06", {}, "flag", 61.65, 48.26),
        (JKM, "18", {}, "pass", 42_000_000, 42_000_000),  # Rp 42.000.000,00 = Rp42 juta
    ],
)
def test_real_data_checks(real_checks, check, region_code, where, status, recomputed, printed):
    row = one(real_checks, check, region_code, **where)
    assert row["status"] == status
    assert row["recomputed"] == pytest.approx(recomputed, abs=0.5 if recomputed > 1000 else 1e-4)
    if printed is None:
        assert pd.isna(row["printed"])
    else:
        assert row["printed"] == pytest.approx(printed)


def test_real_binjai_flag_difference(real_checks):
    row = one(real_checks, UNCOVERED, "12.75")
    assert row["difference"] == pytest.approx(BINJAI_DIFFERENCE, abs=0.01)
    assert row["tolerance"] < BINJAI_DIFFERENCE


# --- tiny hand-written frames ---------------------------------------------------------

LABUHANBATU = [("active_participants", 66_234, "66.234"), ("workers", 181_567, "181.567")]


@pytest.mark.parametrize(
    "printed, text, status",
    [
        (36.48, "36,48%", "pass"),
        (40, "40%", "flag"),  # made up: 3,52 points above; a whole percent is rounded to ± 0,5
        (38, "38%", "flag"),  # made up: 1,52 points above; tolerance 0,1 + 0,5 for a whole percent
        (36.3, "36,3%", "flag"),  # 0,18 points below: more than 0,1 + rounding 0,05
    ],
)
def test_printed_percent_vs_counts(printed, text, status):
    checks = run_checks(frame(("ucj_coverage", printed, text), *LABUHANBATU))
    row = one(checks, COVERAGE, "12.10")
    assert row["status"] == status
    assert row["recomputed"] == pytest.approx(LABUHANBATU_RATE, abs=1e-4)
    assert row["difference"] == pytest.approx(printed - LABUHANBATU_RATE, abs=1e-4)


def binjai(uncovered=89_300, uncovered_text="sekitar 89.300", gap=67, gap_text="67%"):
    return frame(
        ("ucj_coverage", 33, "33%"),
        ("workers", 132_826, "132.826"),
        ("uncovered_workers", uncovered, uncovered_text),
        ("coverage_gap", gap, gap_text),
        region_code="12.75",
        level="city",
        as_of="2024-10-19",
    )


def test_binjai_uncovered_workers_flag():
    row = one(run_checks(binjai()), UNCOVERED, "12.75")
    assert row["status"] == "flag"
    assert row["recomputed"] == pytest.approx(BINJAI_UNCOVERED, abs=0.01)
    assert row["difference"] == pytest.approx(BINJAI_DIFFERENCE, abs=0.01)


def test_binjai_uncovered_workers_pass_when_consistent():
    # 88.993 printed: 0,42 from the recomputed count, well inside the tolerance.
    assert one(run_checks(binjai(88_993, "88.993")), UNCOVERED, "12.75")["status"] == "pass"


@pytest.mark.parametrize("gap, text, status", [(67, "67%", "pass"), (62, "62%", "flag")])
def test_binjai_gap_is_distance_to_100(gap, text, status):
    row = one(run_checks(binjai(gap=gap, gap_text=text)), GAP, "12.75")
    assert row["status"] == status
    assert row["recomputed"] == 67  # 100 − 33


@pytest.mark.parametrize("total, status", [(7_500, "pass"), (7_000, "flag")])
def test_village_programme_total(total, status):
    apbd = {"funding": "APBD"}
    checks = run_checks(
        frame(
            ("villages_covered", 75, "75", apbd),
            ("workers_per_village", 100, "100", apbd),
            ("participants_by_group", total, f"{total:,}".replace(",", "."), apbd),
        )
    )
    row = one(checks, VILLAGES, "12.10")
    assert (row["recomputed"], row["status"]) == (7_500, status)  # 75 × 100


@pytest.mark.parametrize(
    "year, coverage, coverage_text, participants, participants_text",
    [
        ("2025", 38.39, "38,39%", 1_149_447, "1.149.447"),
        ("2026", 45.53, "45,53%", 1_436_809, "1.436.809"),
    ],
)
def test_lampung_targets_imply_worker_base(year, coverage, coverage_text, participants, participants_text):
    rpjmd = {"yardstick": "RPJMD Provinsi Lampung"}
    checks = run_checks(
        frame(
            ("coverage_target", coverage, coverage_text, rpjmd),
            ("participants_target", participants, participants_text, rpjmd),
            region_code="18",
            level="province",
            as_of=year,
        )
    )
    row = one(checks, TARGET_PAIR, "18")
    assert row["status"] == "info"
    assert row["recomputed"] == pytest.approx(LAMPUNG_WORKERS[year], abs=1)


@pytest.mark.parametrize(
    "reached, text, status",
    [
        (49.2, "49,2 persen", "pass"),  # 26,8 + 20 = 46,8 ≤ 49,2: 2,4 points to spare
        (46.8, "46,8 persen", "pass"),  # exactly the rule
        (45.0, "45 persen", "flag"),  # 1,8 points short
    ],
)
def test_muba_plus_20_point_rule(reached, text, status):
    processed = pd.concat(
        [
            frame(("ucj_coverage", 26.8, "26,8 persen"), region_code="16.06", as_of="2024-12"),
            frame(("ucj_coverage", reached, text), region_code="16.06", as_of="2025-09-25"),
        ],
        ignore_index=True,
    )
    row = one(run_checks(processed), RULE, "16.06")
    assert row["recomputed"] == pytest.approx(46.8)
    assert row["difference"] == pytest.approx(reached - 46.8)
    assert row["status"] == status


@pytest.mark.parametrize(
    "first, second",
    [
        ("2023-12", "2025-09-25"),  # not from the base year
        ("2024-06", "2024-12"),  # not to the target year
        ("2025-01", "2025-09"),
    ],
)
def test_the_20_point_rule_needs_coverage_from_the_base_year_to_the_target_year(first, second):
    # SYNTHETIC figures. A worker count of the base year does not stand in for its coverage.
    processed = pd.concat(
        [
            frame(("ucj_coverage", 26.8, "26,8 persen"), region_code="16.06", as_of=first),
            frame(("ucj_coverage", 49.2, "49,2 persen"), region_code="16.06", as_of=second),
            frame(("workers", 300_000, "300.000"), region_code="16.06", as_of="2024-12"),
            frame(("ucj_coverage", 40.0, "40 persen"), region_code="16.06", as_of="2025-09", source_id="other"),
        ],
        ignore_index=True,
    )
    assert RULE not in set(run_checks(processed)["check"])


@pytest.mark.parametrize("amount, status", [(42_000_000, "pass"), (41_000_000, "flag")])
def test_jkm_benefit_vs_statutory(amount, status):
    text = "Rp " + f"{amount:,}".replace(",", ".") + ",00"
    checks = run_checks(
        frame(
            ("benefits_paid", amount, text, {"programme": "JKM"}),
            region_code="18",
            level="province",
            as_of="2025-12-08",
        )
    )
    row = one(checks, JKM, "18")
    assert (row["recomputed"], row["status"]) == (42_000_000, status)


# --- figures across sources: conflicts, changes of basis, group figures -------------------

CONFLICT = "two coverage figures for the same month"
BASIS_CHANGE = "worker base changed between two coverage figures"


def with_lines(frame_):
    return frame_.reset_index(drop=True).assign(raw_line=range(2, 2 + len(frame_)))


def test_two_sources_disagreeing_on_one_month_are_flagged_and_agreeing_ones_pass():
    # SYNTHETIC figures. 31,5% and 33% for April 2025: 1,5 points apart, more than 0,1 + 0,05 + 0,5 = 0,65.
    both = with_lines(
        pd.concat(
            [
                frame(("ucj_coverage", 31.5, "31,5%"), source_id="a", as_of="2025-04-10"),
                frame(("ucj_coverage", 33, "33%"), source_id="b", as_of="2025-04-30"),
            ]
        )
    )
    row = one(run_checks(both), CONFLICT, "12.10")
    assert row["status"] == "flag" and row["difference"] == pytest.approx(1.5)
    assert "31,5% (a)" in row["inputs"] and "33% (b)" in row["inputs"]
    # 33% and 32,6%: 0,4 apart, within 0,1 + 0,5 + 0,05 = 0,65 (both may round the same figure).
    close = both.assign(value=[33.0, 32.6], value_as_printed=["33%", "32,6%"])
    assert one(run_checks(close), CONFLICT, "12.10")["status"] == "pass"
    # Different months: no comparison.
    apart = both.assign(as_of=["2025-04-10", "2025-06-30"])
    assert run_checks(apart).query("check == @CONFLICT").empty


def test_a_fall_in_coverage_that_comes_with_a_larger_worker_base_is_flagged_as_a_new_basis():
    # SYNTHETIC: 40% of 100.000 (40.000) in 2024, then 36% of 125.000 (45.000) in 2025: coverage falls
    # although participants rose, because the base grew 25%, more than the 5% tolerance.
    series = with_lines(
        pd.concat(
            [
                frame(("ucj_coverage", 40, "40%"), ("workers", 100_000, "100.000"), as_of="2024-12"),
                frame(("ucj_coverage", 36, "36%"), ("active_participants", 45_000, "45.000"), as_of="2025-12"),
            ]
        )
    )
    # The 2025 base is not printed: 45.000 ÷ 36% = 125.000.
    row = one(run_checks(series), BASIS_CHANGE, "12.10")
    assert row["status"] == "flag" and row["recomputed"] == pytest.approx(25.0)
    assert "100.000 → 125.000" in row["inputs"]
    # A 2% larger base is growth, not a new basis.
    steady = series.assign(value=[40, 100_000, 36, 36_720])  # 36.720 ÷ 36% = 102.000
    assert one(run_checks(steady), BASIS_CHANGE, "12.10")["status"] == "pass"


def test_a_group_figure_never_stands_in_for_the_regions_total():
    # SYNTHETIC: the only coverage row is for civil servants (95%); with the region's totals it
    # must not be compared, and a second total row makes no check silently skip.
    rows = with_lines(
        frame(
            ("ucj_coverage", 95, "95%", {"group": "ASN"}),
            ("active_participants", 66_234, "66.234"),
            ("workers", 181_567, "181.567"),
            ("ucj_coverage", 36.48, "36,48%"),
        )
    )
    row = one(run_checks(rows), COVERAGE, "12.10")
    assert row["printed"] == 36.48 and row["status"] == "pass"


SEGMENTS = "membership segments vs active participants"
TARGET_BASE = "worker base of a target vs of the coverage it starts from"
BELOW = "target below the coverage already reached"
FALL = "coverage fell between two figures"
IMPLIED_BASE = "worker base implied by a coverage figure vs a printed worker count"


def test_membership_segments_add_up_to_the_active_participants():
    # SYNTHETIC: 30.000 PU + 15.000 BPU + 5.000 Jakon = 50.000 = the active participants: pass.
    rows = [
        ("participants_by_group", 30_000, "30.000", {"group": "penerima upah (PU)"}),
        ("participants_by_group", 15_000, "15.000", {"group": "bukan penerima upah (BPU)"}),
        ("participants_by_group", 5_000, "5.000", {"group": "jasa konstruksi (Jakon)"}),
        ("active_participants", 50_000, "50.000"),
    ]
    assert one(run_checks(frame(*rows)), SEGMENTS, "12.10")["status"] == "pass"
    # Segments summing to 50.000 beside 20.000 participants count something else: flagged.
    rows[-1] = ("active_participants", 20_000, "20.000")
    row = one(run_checks(frame(*rows)), SEGMENTS, "12.10")
    assert row["status"] == "flag" and row["recomputed"] == 50_000 and row["printed"] == 20_000
    # Other groups (vulnerable workers, teachers) overlap the segments and are not summed.
    other = frame(
        ("participants_by_group", 9_000, "9.000", {"group": "pekerja rentan"}),
        ("participants_by_group", 1_000, "1.000", {"group": "guru"}),
        ("active_participants", 50_000, "50.000"),
    )
    assert run_checks(other).query("check == @SEGMENTS").empty


def test_a_target_on_another_worker_base_than_the_coverage_is_flagged():
    # SYNTHETIC: 40% of 100.000 (40.000) in 2024; a 2025 target of 60% = 66.000 participants
    # implies 66.000 ÷ 0,60 = 110.000 workers, 10% more than 100.000 (beyond the 5% tolerance).
    rows = with_lines(
        pd.concat(
            [
                frame(("ucj_coverage", 40, "40%"), ("active_participants", 40_000, "40.000"), as_of="2024-12"),
                frame(
                    ("coverage_target", 60, "60%", {"yardstick": "target Pemda"}),
                    ("participants_target", 66_000, "66.000", {"yardstick": "target Pemda"}),
                    as_of="2025",
                ),
            ]
        )
    )
    row = one(run_checks(rows), TARGET_BASE, "12.10")
    assert row["status"] == "flag" and row["recomputed"] == pytest.approx(10.0)
    # 61.800 ÷ 0,60 = 103.000: 3% more, the growth of a year: pass.
    steady = rows.assign(value=[40, 40_000, 60, 61_800])
    assert one(run_checks(steady), TARGET_BASE, "12.10")["status"] == "pass"


def test_a_target_below_the_coverage_the_same_source_reports_is_flagged():
    # SYNTHETIC: 44% reached in November 2024, targets of 33% (2024) and 38,5% (2025): both below.
    rows = with_lines(
        pd.concat(
            [
                frame(("ucj_coverage", 44, "44%"), as_of="2024-11"),
                frame(("coverage_target", 33, "33%", {"yardstick": "target Pemkot"}), as_of="2024"),
                frame(("coverage_target", 38.5, "38,5%", {"yardstick": "target Pemkot"}), as_of="2025"),
                frame(("coverage_target", 50, "50%", {"yardstick": "RPJMD"}), as_of="2026"),
            ]
        )
    )
    flagged = run_checks(rows).query("check == @BELOW")
    assert sorted(flagged["as_of"]) == ["2024", "2025"] and set(flagged["status"]) == {"flag"}
    # A target for a year that ends before the coverage figure is not compared with it.
    early = rows.assign(as_of=["2024-11", "2023", "2023", "2026"])
    assert run_checks(early).query("check == @BELOW").empty


def test_a_fall_in_coverage_without_known_denominators_is_flagged():
    # SYNTHETIC: 37% (2024) → 27,5% (July 2025) → 35% (December 2025): the first step falls 9,5
    # points, beyond 0,1 + 0,5 + 0,05; the rise after it is not flagged.
    rows = with_lines(
        pd.concat(
            [
                frame(("ucj_coverage", 37, "37%"), source_id="a", as_of="2024"),
                frame(("ucj_coverage", 27.5, "27,5%"), source_id="b", as_of="2025-07"),
                frame(("ucj_coverage", 35, "35%"), source_id="c", as_of="2025-12"),
            ]
        )
    )
    row = one(run_checks(rows), FALL, "12.10")
    assert row["status"] == "flag" and row["recomputed"] == 37 and row["printed"] == 27.5
    # A fall within rounding (37% → 36,6%) is not a fall.
    small = rows.assign(value=[37, 36.6, 38], value_as_printed=["37%", "36,6%", "38%"])
    assert run_checks(small).query("check == @FALL").empty


def test_the_base_a_coverage_figure_implies_is_compared_with_a_printed_worker_count():
    # SYNTHETIC: 35% with 5,5 juta participants implies 5.500.000 ÷ 0,35 = 15.714.286 workers;
    # another source prints 23,5 juta employed persons that year: 15.714.286 ÷ 23.500.000 − 1 = −33,13%.
    rows = with_lines(
        pd.concat(
            [
                frame(
                    ("ucj_coverage", 35, "35 persen"),
                    ("active_participants", 5_500_000, "5,5 juta"),
                    source_id="a",
                    as_of="2023-08",
                ),
                frame(("workers", 23_500_000, "23,5 juta"), source_id="b", as_of="2023-08"),
            ]
        )
    )
    row = one(run_checks(rows), IMPLIED_BASE, "12.10")
    assert row["status"] == "flag" and row["recomputed"] == pytest.approx(-33.1307, abs=1e-4)
    assert "15.714.286" in row["inputs"]
    # 8.000.000 participants imply 22.857.143: 2,7% below 23,5 juta: pass.
    close = rows.assign(value=[35, 8_000_000, 23_500_000])
    assert one(run_checks(close), IMPLIED_BASE, "12.10")["status"] == "pass"


def test_a_rounded_count_carries_its_rounding_into_the_recomputed_percent():
    # SYNTHETIC: 4,5 juta ÷ 12,8 juta = 35,16%, printed 35,41%. 4,5 juta may be 4.450.000 to
    # 4.550.000: ± 1,1% of 35,16 is ± 0,39 points, so 0,25 points apart is within rounding.
    rows = frame(
        ("ucj_coverage", 35.41, "35,41 persen"),
        ("active_participants", 4_500_000, "4,5 juta"),
        ("workers", 12_800_000, "12,8 juta"),
    )
    assert one(run_checks(rows), COVERAGE, "12.10")["status"] == "pass"
    exact = rows.assign(
        value_as_printed=["35,41 persen", "4.500.123", "12.800.123"], value=[35.41, 4_500_123, 12_800_123]
    )
    assert one(run_checks(exact), COVERAGE, "12.10")["status"] == "flag"


# --- every disagreement the research notes name is found by a check -------------------

RESEARCH = paths.PACKAGE_DIR.parent.parent / "shared" / "research" / "ucj-news-figures.csv"

# Region (code) of each figure the research notes mark FLAG or INCONSISTENT, and the check
# that must find it in the real data.
RESEARCH_FLAGS = {
    "Indonesia": ("00", "two coverage figures for the same month"),
    "Jawa Barat": ("32", IMPLIED_BASE),
    "Kabupaten Pati": ("33.18", "worker base changed between two coverage figures"),
    "Kota Kendari": ("74.71", SEGMENTS),
    "Maluku": ("81", TARGET_BASE),
    "Kota Padang": ("13.71", BELOW),
    "Bengkulu": ("17", FALL),
    "Kepulauan Bangka Belitung": ("19", TARGET_BASE),
}


@pytest.mark.skipif(not RESEARCH.exists(), reason="../shared/research is not present")
def test_every_disagreement_in_the_research_notes_is_flagged_by_a_check(real_checks):
    flagged_in_notes = pd.read_csv(RESEARCH, dtype=str, keep_default_na=False)
    flagged_in_notes = flagged_in_notes[flagged_in_notes["note"].str.contains("FLAG|INCONSISTENT")]
    assert set(flagged_in_notes["region"]) == set(RESEARCH_FLAGS)
    for region, (code, check) in RESEARCH_FLAGS.items():
        rows = real_checks[(real_checks["region_code"] == code) & (real_checks["check"] == check)]
        assert (rows["status"] == "flag").any(), (region, check)
