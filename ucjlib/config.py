"""Assumptions and the policy calendar, each with its source. Change them here, never inline.

Sources: the team's domain notes (contribution rules of PP 44/2015 as amended by
PP 49/2023, the PP 50/2025 discount, Permendagri 15/2024, the national plans) and the
DOMAIN checks policy. Every label, column and computation that names a plan, a plan year
or the discount window derives from the names below.
"""

import datetime as dt
from dataclasses import dataclass

# -- contributions: the one table every rupiah goes through (ucjlib.contributions) ----------
# Segments (contribution packages) and who pays.
BPU_JKK_JKM = "BPU JKK+JKM"  # informal worker: JKK 1% of the lowest income band (Rp1.000.000) + JKM Rp6.800 flat
BPU_WITH_JHT = "BPU JKK+JKM+JHT"  # the same with JHT, 2% of Rp1.000.000
PU = "PU"  # wage worker: a share of the monthly wage
SEGMENTS = (BPU_JKK_JKM, BPU_WITH_JHT, PU)
# DBH sawit and other transfers are spent through the regional budget, so they pay as ``apbd``;
# ``other`` is a payer outside the state budgets (a company's CSR, SERTAKAN sponsors).
PAYERS = ("self", "apbd", "apbn", "employer", "other")
SECTORS = ("transport", "other")
STATE_PAYERS = ("apbd", "apbn")
BPU_PAYERS = ("self", "apbd", "apbn", "other")


@dataclass(frozen=True)
class ContributionRule:
    """What one segment costs a payer a month, from ``start`` to ``end`` (None: open), in the
    listed sectors (empty: every sector), under ``instrument``. The first rule that matches wins."""

    segment: str
    payers: tuple[str, ...]
    start: dt.date
    end: dt.date | None
    instrument: str
    monthly: float = 0.0  # rupiah per person
    wage_share: float = 0.0  # percent of the monthly wage (PU)
    sectors: tuple[str, ...] = ()


DISCOUNT_INSTRUMENT = "PP 50/2025"
BASE_INSTRUMENT = "PP 44/2015"
JHT_INSTRUMENT = "PP 46/2015"
# PP 50/2025 halves BPU JKK+JKM (Rp16.800 -> Rp8.400) inside a window that depends on the sector,
# but not for BPU whose JKK+JKM the APBN or an APBD pays (its Art. 3, CNBC Indonesia, 4 Feb 2026):
# a regional budget pays the full rate in every month; the discount is what a self-paying worker saves.
_NOT_STATE = tuple(p for p in BPU_PAYERS if p not in STATE_PAYERS)
_WINDOWS = {
    "transport": (dt.date(2026, 1, 1), dt.date(2027, 3, 31)),
    "other": (dt.date(2026, 4, 1), dt.date(2026, 12, 31)),
}
_SINCE = dt.date(2015, 7, 1)  # PP 44/2015 and PP 46/2015 in force
CONTRIBUTION_RULES = (
    *(
        ContributionRule(BPU_JKK_JKM, _NOT_STATE, start, end, DISCOUNT_INSTRUMENT, monthly=8_400, sectors=(sector,))
        for sector, (start, end) in _WINDOWS.items()
    ),
    ContributionRule(BPU_JKK_JKM, BPU_PAYERS, _SINCE, None, BASE_INSTRUMENT, monthly=16_800),
    # With JHT only the JKK+JKM part is discounted: 8.400 + 20.000.
    *(
        ContributionRule(
            BPU_WITH_JHT,
            _NOT_STATE,
            start,
            end,
            f"{DISCOUNT_INSTRUMENT}, {JHT_INSTRUMENT}",
            monthly=28_400,
            sectors=(sector,),
        )
        for sector, (start, end) in _WINDOWS.items()
    ),
    ContributionRule(BPU_WITH_JHT, BPU_PAYERS, _SINCE, None, f"{BASE_INSTRUMENT}, {JHT_INSTRUMENT}", monthly=36_800),
    # Wage workers at the lowest JKK risk class: JKK 0,24 + JKM 0,30 + JHT 5,7 + JP 3 percent of the wage,
    # collected by the employer (the worker's 2 + 1 points included).
    ContributionRule(
        PU, ("employer",), _SINCE, None, f"{BASE_INSTRUMENT}, {JHT_INSTRUMENT}, PP 45/2015", wage_share=9.24
    ),
)
# Who pays in the reports' budgets: the regional budget, for non-transport informal workers.
BUDGET_PAYER = "apbd"
BUDGET_SECTOR = "other"
BPU_JKK_JKM_MONTHLY = 16_800  # the standard rate of the default package (what --premium-rate defaults to)
BPU_WITH_JHT_MONTHLY = 36_800
# The parts of the standard BPU JKK+JKM package (DOMAIN.md §4, PP 44/2015 as amended): JKK 1% of the
# lowest declared income band (Rp1.000.000) = Rp10.000, JKM Rp6.800 flat. They add up to the package's rate.
BPU_PROGRAMME_MONTHLY = {"JKK": 10_000, "JKM": 6_800}

# -- the report's date and the budget calendar ------------------------------------------
# PP 12/2019 Art. 106(1): a region's head and its DPRD approve next year's APBD at the latest one
# month before the budget year starts (as Tribun Babel reported on 28 Nov 2024). After this day a
# new line can reach next year only through that year's amendment (APBD-Perubahan), for part of it.
BUDGET_APPROVAL_DEADLINE = (11, 30)  # (month, day) of the year before the budget year
BUDGET_APPROVAL_INSTRUMENT = "PP 12/2019"


def first_budget_year(report_date: dt.date) -> int:
    """The first budget year whose APBD a report dated ``report_date`` can still shape.

    >>> first_budget_year(dt.date(2026, 11, 30)), first_budget_year(dt.date(2026, 12, 6))
    (2027, 2028)
    """
    month, day = BUDGET_APPROVAL_DEADLINE
    return report_date.year + (1 if report_date <= dt.date(report_date.year, month, day) else 2)


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
SEGMENT_GROUPS = (
    "penerima upah (PU)",
    "bukan penerima upah (BPU)",
    "jasa konstruksi (Jakon)",
    "pekerja migran Indonesia (PMI)",
)
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
POSITIVE_INDICATORS = (
    "workers",
    "coverage_target",
    "participants_target",
    "poverty_rate",
    "poor_residents",
    "planned_enrolment",
)

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

# -- uncertainty over every input at once (issue 28 §1; ucjlib.model.uncertainty) --------------
# Draws of the Monte Carlo behind every range the reports print, and its seed (fixed, so a
# report and a notebook print the same range on every run). Ranges are its 5th and 95th percentiles.
UNCERTAINTY_DRAWS = 10_000
UNCERTAINTY_SEED = 28
UNCERTAINTY_PERCENTILES = (5.0, 50.0, 95.0)
# A yearly work-force growth that comes with no range of its own (none found in the data, or a
# pair of the region's targets) is drawn uniformly within this many points of its rate a year.
# A stated assumption, not a measured spread: it stands until the model's growth carries the
# range of an official (BPS) series, which then replaces it. A growth the reader sets is the
# reader's scenario and is not drawn.
GROWTH_SPREAD = 0.01

# A figure whose period ended more than this many months before the report's date is marked old;
# an earlier coverage figure lends the headline its worker base only within this many months of it.
OLD_FIGURE_MONTHS = 12

# -- what the build refuses as impossible (issue 29 §4) ----------------------------------------
# No figure or publication is older than this: BPJS Ketenagakerjaan's predecessor Jamsostek
# began in 1992 (UU 3/1992), and the oldest page in data/raw/ is from 2015. An earlier date is
# a typing error ("1925" for "2025").
EARLIEST_DATE = dt.date(1990, 1, 1)
# No count of persons in one region exceeds Indonesia's population: about 284 million in 2025
# (BPS projection), rounded up with room for growth to 300 million. There is no population table
# per region in data/raw/, so this national ceiling bounds every region's counts; it catches a
# wrong scale word ("900 juta" for "900 ribu") without judging a plausible figure.
MAX_PERSONS = 300_000_000
# The same by the level of the region a count is about (a region's own population is not in
# the data): a province holds at most the most populous one, Jawa Barat, about 50 million in
# 2024, with room to 60 million; a kabupaten/kota the most populous one, Kabupaten Bogor, about
# 5,6 million in 2024, with room to 10 million. The largest counts in data/raw/ are 23,5 million
# workers in Jawa Barat and 1,3 million in Kota Surabaya.
MAX_PERSONS_BY_LEVEL = {"national": MAX_PERSONS, "province": 60_000_000, "regency": 10_000_000, "city": 10_000_000}
# The longest text a raw cell may hold: the longest note in data/raw/ has about 330 characters; a
# cell of thousands is a paste gone wrong, which a report would print whole.
MAX_TEXT_LENGTH = 2000

# -- which of two figures for one month is the headline (issue 29 §4) ----------------------------
# Sources rank by kind, lower first: an official release (a page on a government domain, ".go.id",
# which includes BPJS Ketenagakerjaan's) before news or a speech reported by news. Within a kind
# the row listed first in data/raw/observations.csv wins. See ucjlib.data.processed.source_rank.
OFFICIAL_DOMAIN = ".go.id"
SOURCE_RANKS = {"official": 0, "news": 1}
