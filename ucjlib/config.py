"""Assumptions and the policy calendar, each with its source. Change them here, never inline.

Sources: the team's domain notes (contribution rules of PP 44/2015 as amended by
PP 49/2023, the PP 50/2025 discount, Permendagri 15/2024, the national plans) and the
DOMAIN checks policy. Every label, column and computation that names a plan, a plan year
or the discount window derives from the names below.
"""

import datetime as dt
from dataclasses import dataclass

# BPU (informal worker) package JKK + JKM per person per month: JKK 1% of the lowest
# declared income band (Rp1.000.000 -> Rp10.000) + JKM Rp6.800 flat (PP 44/2015 as amended).
BPU_JKK_JKM_MONTHLY = 16_800
# The same package with JHT (2% of Rp1.000.000) for readers who cost old-age savings too.
BPU_WITH_JHT_MONTHLY = 36_800

# PP 50/2025 halves BPU JKK+JKM to Rp8.400 inside a window that depends on the sector.
BPU_DISCOUNTED_MONTHLY = 8_400
DISCOUNT_INSTRUMENT = "PP 50/2025"
BPU_DISCOUNT_WINDOWS = {
    "transport": (dt.date(2026, 1, 1), dt.date(2027, 3, 31)),
    "other": (dt.date(2026, 4, 1), dt.date(2026, 12, 31)),
}
# Budgets in the reports are for non-transport workers (the programmes in the sources are).
BUDGET_SECTOR = "other"

# Statutory JKM death benefit.
JKM_DEATH_BENEFIT = 42_000_000

# Consistency checks: printed and recomputed figures may differ by this many percentage
# points, plus the rounding of the printed figure itself.
CHECK_TOLERANCE_POINTS = 0.1

# Two consecutive coverage figures whose worker bases differ by more than this fraction are
# flagged as a change of denominator: a region's work force grows by a few percent a year
# at most, so a larger jump is a new basis (or a new estimate), not growth.
BASIS_CHANGE_TOLERANCE = 0.05

# Membership segments as the data names them (``group``): they do not overlap, so their
# sum is the region's active participants.
SEGMENT_GROUPS = ("penerima upah (PU)", "bukan penerima upah (BPU)", "jasa konstruksi (Jakon)", "pekerja migran Indonesia (PMI)")
NON_WAGE_SEGMENT = SEGMENT_GROUPS[1]

# Sectors as the data names them (``group``). Employers must register their wage earners, so
# the formal sector's gap is closed by enforcement; the informal sector's non-wage and
# vulnerable workers are the ones a regional budget may subsidise.
FORMAL_SECTOR = "sektor formal"
INFORMAL_SECTOR = "sektor informal"


@dataclass(frozen=True)
class Yardstick:
    """A national target as the data names it (``yardstick`` column), with the instrument
    that sets it where the team's sources name one (empty: not yet checked)."""

    name: str
    instrument: str = ""


RPJMN = Yardstick("RPJMN 2025–2029")
KEMENDAGRI_UCJ = Yardstick("Kemendagri UCJ 2025", "Permendagri 15/2024")
RKP = Yardstick("RKP 2026")
RPJPN = Yardstick("RPJPN 2025–2045", "UU 59/2024")

# Every region is compared with these, in this order.
NATIONAL_YARDSTICKS = (RPJMN, KEMENDAGRI_UCJ, RKP, RPJPN)
NATIONAL_YARDSTICK_NAMES = tuple(y.name for y in NATIONAL_YARDSTICKS)


def folded_yardstick(name: str) -> str:
    """A yardstick name compared whatever its dash or case: ``rpjmn 2025-2029`` is ``RPJMN 2025–2029``."""
    return " ".join(name.replace("–", "-").replace("—", "-").casefold().split())


def canonical_yardstick(name: str) -> str:
    """The national yardstick's own spelling for a name that differs only in dash or case."""
    return _FOLDED_YARDSTICKS.get(folded_yardstick(name), name)


_FOLDED_YARDSTICKS = {folded_yardstick(known): known for known in reversed(NATIONAL_YARDSTICK_NAMES)}  # the first wins


# Figures the model and the checks divide by: zero is a typing error, not a finding.
POSITIVE_INDICATORS = ("workers", "coverage_target", "participants_target", "poverty_rate", "poor_residents", "planned_enrolment")

# The medium-term plan's last year: the default target year, and the year scenario tables report.
PLAN_END_YEAR = 2029
DEFAULT_YARDSTICK = RPJMN.name
DEFAULT_TARGET_YEAR = PLAN_END_YEAR
# The long-term plan's goal year: scenarios and trends run no further.
LONG_TERM_HORIZON = 2045

# Permendagri 15/2024: a region's 2025 target is its end-2024 coverage plus this many points.
RULE_INSTRUMENT = "Permendagri 15/2024"
RULE_INCREASE_POINTS = 20.0
RULE_BASE_YEAR = 2024
RULE_TARGET_YEAR = 2025

# A figure printed with an approximation word (sekitar, lebih dari, hampir, -an …) is taken to
# lie within this share of its printed value, on the side the word allows; a rounded figure
# within half a unit of its last printed digit. Gaps and budgets derived from them are ranges.
APPROXIMATE_SHARE = 0.05

# A figure this many months older than the newest figure of a report is marked with its age.
OLD_FIGURE_MONTHS = 12
