"""One region's figures, computed once, as numbers and plain objects.

Notebooks and reports both read a :class:`RegionModel`; neither re-derives what it holds.
Built by :func:`region_model` from the processed data; no text for readers is made here
(words come from the message catalogs, markup from the templates).

Definitions used throughout:

- **Totals only.** The headline coverage, the participant count and the worker base are
  region totals: rows with no ``group``, ``programme`` or ``funding``. A figure for one
  group is that group's, never the region's.
- **The +20-point rule** (Permendagri 15/2024): a region's target for 2025 is its coverage
  at the end of 2024 plus 20 points, at most 100%. The end-2024 level is the latest total
  coverage figure whose date falls in 2024; without one the rule gives no target.
- **Worker base** of the headline: the worker count printed beside it; else its participants
  ÷ the coverage; else the base an enrolment plan printed with it implies; else the base of
  an earlier coverage figure at most ``config.OLD_FIGURE_MONTHS`` older; else a total worker
  base a source prints for the nearest date at most that far either side (its basis named); else the total of
  active participants a source prints for the date nearest the headline's (at most that far
  either side) ÷ the headline; else, an
  *estimate*: the region's own BPS employed persons of the round nearest the headline × the
  potensi ratio, with the ratio's interval as its range (:mod:`ucjlib.model.bases`). Each but
  the first two is said so in the report. A base of another date than the headline (a
  BPS round, a near date) is carried to the headline's date by the work force's growth
  (:meth:`Growth.carry`, months as fractions of a year), so that the growth the model adds from
  the start is not counted twice.
- **Workforce growth** in the gaps, costs and scenarios: the reader's, else the official
  August series of BPS employed persons of the region, else of its province, else of the nation
  (:func:`ucjlib.model.bases.official_growth`), else none.
- **Coverage on the employed base**: the latest printed participants ÷ the region's own BPS
  employed persons of the nearest round, beside the printed figure, so that regions can be
  compared on one base (:func:`ucjlib.model.bases.coverage_on_employed`).
- **Gap in persons**: target × workers − participants, on the headline's worker base; the
  participants are the count printed beside the coverage figure, else coverage × workers.
- **The report's date** (``Assumptions.as_of``, today by default) dates the advice, never the
  data: a target whose year is before it has *passed* and is judged by the latest coverage
  figure by the end of its year (reached or missed, never carried forward); one of the
  report's year, or of a year before the first budget year that can still pay
  (``config.first_budget_year``), is *due*; later ones are *open*.
- **Cost of closing a gap** (open targets only): from the first budget year ``F`` to the
  target year ``T``, ``(target × workers in T − participants now) ÷ (T − F + 1)`` new
  participants a year; budget year ``F + k`` pays the contributions of the ``k + 1`` years'
  new participants, as the regional budget pays them (:mod:`ucjlib.contributions`: the full
  rate every month; the PP 50/2025 discount is for self-paying workers only). The whole gap
  (``Cost.whole_gap_persons``) is every participant to enrol by ``T`` on the work force of ``T``,
  and a year of their contributions.
- **A trend** is fitted only on ``MINIMUM_TREND_POINTS`` or more coverage figures whose
  denominator is known and the same.
- **Ranges**: a printed figure stands for any value within half a unit of its last digit, a
  printed range ("40–45 persen") for its two ends (the model uses its midpoint), and an
  approximate one ("sekitar", "lebih dari" …) for any within ``config.APPROXIMATE_SHARE`` of it
  on the side its word allows. Gaps in persons and the
  participants and budgets to close them are also given as ranges: the 5th and 95th percentiles
  of a seeded Monte Carlo that draws every input together, a derived worker base recomputed from
  its drawn parts and the work force's growth drawn too (:mod:`ucjlib.model.uncertainty`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from dataclasses import dataclass, field

import pandas as pd

from ucjlib import config, contributions, metrics
from ucjlib.contributions import Piece
from ucjlib.data.checks import NOT_COMPARABLE, PLAN_IMPLIES_WORKERS
from ucjlib.data.parse import printed_decimals, printed_range, printed_step
from ucjlib.data.processed import Processed, by_priority, load_all, totals
from ucjlib.data.regions import RegionTable
from ucjlib.errors import ProjectionError, RegionError, ReportParameterError
from ucjlib.model import uncertainty
from ucjlib.model.bases import (
    EMPLOYED,
    EmployedCoverage,
    OfficialBase,
    Ratio,
    SharedBase,
    coverage_on_employed,
    latest_population,
    months_apart,
    named_official,
    official_base,
    official_growth,
    potensi_ratio,
    share_factor,
    shared_base,
)
from ucjlib.model.projections import Growth, Scenario, TrendFit, fit_trend, protected_share
from ucjlib.model.scenarios import (
    StartingPoint,
    region_scenarios,
    scenario_table,
    starting_point,
    yardstick_pace,
)
from ucjlib.periods import months_between, period_end

MINIMUM_TREND_POINTS = 3  # coverage observations on one basis before a trend is fitted
MOST_MONTHLY_RATE = 10_000_000  # rupiah per person per month: far above any package, below absurd inputs such as 1e308
EARLIEST_REPORT_DATE = dt.date(2015, 7, 1)  # the contribution rules start then


@dataclass(frozen=True)
class Reading:
    """One printed figure: its value, how it was printed and where it comes from."""

    value: float
    as_printed: str
    as_of: str
    source_id: str
    approximate: bool = False
    basis: str = ""
    basis_en: str = ""
    bound: str = ""  # about, at_least, at_most or range, for an approximation
    unit: str = "percent"

    @property
    def band(self) -> tuple[float, float]:
        """The lowest and highest value the printed figure stands for (see the module's ranges)."""
        if self.bound == "range" and (ends := printed_range(self.as_printed)):
            return ends
        step = printed_step(self.as_printed)
        # A count printed to the last person (or rupiah) is exact; "23 ribu" or "36,5%" is rounded.
        half = 0.0 if self.unit in ("persons", "rupiah") and step <= 1 else step / 2
        low, high = self.value - half, self.value + half
        if self.approximate:
            spread = abs(self.value) * config.APPROXIMATE_SHARE
            low = low if self.bound == "at_least" else min(low, self.value - spread)
            high = high if self.bound == "at_most" else max(high, self.value + spread)
        return low, high

    @property
    def decimals(self) -> int:
        """Decimals the source printed (a percentage keeps them when shown again)."""
        return printed_decimals(self.as_printed)

    @property
    def year(self) -> int:
        return period_end(self.as_of).year

    @classmethod
    def of(cls, row) -> Reading:
        return cls(
            float(row["value"]),
            row["value_as_printed"],
            row["as_of"],
            row["source_id"],
            bool(row["approximate"]),
            row["basis"],
            row["basis_en"],
            row["bound"],
            row["unit"],
        )


@dataclass(frozen=True)
class WorkerBase:
    """The denominator of the headline coverage: printed beside it, or derived (participants ÷
    coverage, an enrolment plan, an earlier figure's base, a base printed for a near date), or
    estimated (an official base × the potensi ratio; ``band``: at the ratio's interval)."""

    value: float
    derived: bool
    inputs: str = ""  # how it was derived, or the printed figure
    source_id: str = ""
    band: tuple[float, float] | None = None  # the printed figure's range; None: the value itself
    origin: str = ""  # "": beside the headline or derived from it; NEAR_BASE, OFFICIAL_BASE or ESTIMATED_BASE
    official: OfficialBase | None = None  # an estimate's official base
    ratio: Ratio | None = None  # an estimate's potensi ratio
    as_of: str = ""  # the date of a base not of the headline's: a near or earlier figure's, a BPS round
    basis: str = ""  # a near base's printed basis
    basis_en: str = ""
    formula: str = ""  # how the value follows from ``parts`` (uncertainty.PRINTED, RATIO or PLAN); "": no parts
    parts: tuple[Reading, ...] = ()  # the printed figures it is computed from, redrawn in every Monte Carlo draw
    shared: SharedBase | None = None  # an estimate from the parent's base shared out by population

    @property
    def estimated(self) -> bool:
        return self.origin == ESTIMATED_BASE

    @property
    def kind(self) -> str:
        """How it was obtained, in a word: ``printed``, ``derived``, NEAR_BASE, OFFICIAL_BASE,
        ESTIMATED_BASE, or ``shared`` (an estimate from the parent region's base)."""
        if self.shared is not None:
            return "shared"
        return self.origin or ("derived" if self.derived else "printed")

    @property
    def bounds(self) -> tuple[float, float]:
        return self.band or (self.value, self.value)

    def years_to(self, as_of: str) -> float:
        """Years, in whole months, from the end of the base's own date to the end of ``as_of`` (the
        headline's): a BPS round or a near date lies on either side of it (0: the headline's own base).

        >>> WorkerBase(1.0, True, as_of="2023-08").years_to("2022-04")  # 16 months before
        -1.3333333333333333
        """
        if not self.as_of or self.origin == PARTICIPANTS_BASE:  # participants ÷ the headline: the headline's base
            return 0.0
        return months_between(self.as_of, as_of) / 12


# Where a worker base not printed beside the headline comes from (WorkerBase.origin): a base printed
# for a near date, the participants a source prints for a near date ÷ the headline, BPS's base the
# headline's basis names, or BPS's employed persons × the potensi ratio.
NEAR_BASE, PARTICIPANTS_BASE, OFFICIAL_BASE, ESTIMATED_BASE = "near", "participants", "official", "estimated"


@dataclass(frozen=True)
class Target:
    """A coverage target the region is held to. ``kind``: ``national``, ``own`` (the
    region's own, named as the data stores it) or ``rule`` (the +20-point rule)."""

    name: str
    kind: str
    year: int
    value: float
    source_id: str
    as_printed: str
    rule_base: Reading | None = None
    name_en: str = ""  # the name in English where the data gives one


# A target's place in time, seen from the report's date (see the module's definitions).
PASSED, DUE, OPEN = "passed", "due", "open"


@dataclass(frozen=True)
class Gap:
    """Distance to one target from the coverage it is judged by: for a target whose year has
    passed, the latest figure by the end of that year (else the headline); otherwise the headline."""

    target: Target
    points: float
    persons: float | None  # on the headline's worker base; None without one, or for a passed target
    attainment: float  # coverage as a percent of the target
    persons_range: tuple[float, float] | None = None  # at the ends of the inputs' ranges
    timing: str = OPEN  # PASSED, DUE (this year's, or too soon to budget for) or OPEN
    judged_by: Reading | None = None  # the coverage figure the gap is measured from

    @property
    def reached(self) -> bool:
        return self.points == 0

    @property
    def missed(self) -> bool:
        """A target whose year has passed without the coverage reaching it."""
        return self.timing == PASSED and not self.reached

    @property
    def judged_early(self) -> bool:
        """Whether the figure it is judged by is from before the target's own year (none of that year
        is known): a +20-point rule on a 2024 figure is then exactly 20 points short by construction."""
        return self.judged_by is not None and self.judged_by.year < self.target.year


@dataclass(frozen=True)
class BudgetYear:
    """What the regional budget pays in one year for ``participants``: the months at each rate
    with the instrument that sets it (:mod:`ucjlib.contributions`)."""

    year: int
    participants: float
    pieces: tuple[Piece, ...]
    rupiah: float


@dataclass(frozen=True)
class Cost:
    """What closing the gap to one target takes (see the module's definition)."""

    target: Target
    first_year: int  # the first budget year that can still pay
    years: int  # budget years from the first to the target's
    participants_per_year: float
    budget_years: tuple[BudgetYear, ...]
    whole_gap_persons: float
    whole_gap_rupiah: float  # a year of the regional budget's contribution for every missing participant
    per_year_range: tuple[float, float] = (0.0, 0.0)  # participants a year at the ends of the inputs' ranges

    def budget_range(self, budget: BudgetYear) -> tuple[float, float]:
        """A budget year's rupiah at the ends of the inputs' ranges (budgets are proportional to participants)."""
        if not self.participants_per_year:
            return budget.rupiah, budget.rupiah
        return tuple(budget.rupiah * end / self.participants_per_year for end in self.per_year_range)

    @property
    def first_budget(self) -> BudgetYear:
        return self.budget_years[0]


@dataclass(frozen=True)
class GroupAction:
    """A group of workers the sources name as not yet protected, and a year of its BPU
    contributions if the budget pays them (``budget``: the next budget year)."""

    group: str
    group_en: str
    persons: Reading
    budget: BudgetYear


@dataclass(frozen=True)
class SponsoredCost:
    """Participants a public budget already pays for, and what keeping them costs a year."""

    persons: Reading
    group: str
    group_en: str
    funding: str
    budget: BudgetYear


@dataclass(frozen=True)
class Assumptions:
    """What a reader may change; everything else follows from the data. ``as_of`` is the
    report's date: the advice is dated from it, never from the age of the data."""

    premium_rate: float = config.BPU_JKK_JKM_MONTHLY
    yardstick: str = config.DEFAULT_YARDSTICK
    target_year: int = config.DEFAULT_TARGET_YEAR
    workforce_growth: float | None = None  # None: BPS's series of the region, its province or the nation, else 0
    as_of: dt.date = field(default_factory=dt.date.today)

    @property
    def first_budget_year(self) -> int:
        return config.first_budget_year(self.as_of)


@dataclass(frozen=True)
class PovertyPlan:
    """A plan to protect poor residents (not workers): how far it gets by its last year."""

    poor: Reading
    per_year: Reading
    last_year: int
    outcomes: tuple[tuple[int, float, float], ...]  # (start year, protected by the end, share in percent)


# Where a region stands on the report's date, most urgent first: it missed a target whose year has
# passed; a target of this year (or too soon to budget for) is not reached yet; only later
# targets remain; every target is reached; no coverage figure.
OVERVIEW_STATUSES = ("missed", "due", "ahead", "met", "none")


@dataclass(frozen=True)
class Overview:
    """What the national overview lists of a region: where it is, its latest coverage figure
    (with the outlet that printed it) and its first unmet target. None of it depends on a
    reader's assumptions, and it is plain data: a kernel that computed the model hands it to
    the index as JSON (:meth:`as_json`), so the index need not compute the model again."""

    code: str
    name: str
    level: str
    province_code: str
    province_name: str
    coverage: Reading | None
    outlet: str  # of the coverage figure's source; "" without one
    status: str  # one of OVERVIEW_STATUSES
    unmet_target: Target | None  # the target the status speaks of (None: "met" or "none")
    unmet_points: float | None
    employed_percent: float | None = None  # coverage on the BPS employed base (RegionModel.on_employed)
    employed_participants_as_of: str = ""
    employed_as_of: str = ""

    def as_json(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Overview:
        def reading(fields: dict | None) -> Reading | None:
            return None if fields is None else Reading(**fields)

        target = data["unmet_target"]
        return cls(
            **{
                **data,
                "coverage": reading(data["coverage"]),
                "unmet_target": None
                if target is None
                else Target(**{**target, "rule_base": reading(target["rule_base"])}),
            }
        )


@dataclass
class RegionModel:
    """Everything known and computed about one region. Numbers and plain objects only."""

    code: str
    name: str
    level: str
    province_code: str
    province_name: str
    assumptions: Assumptions
    figures: pd.DataFrame  # the region's processed rows
    national: pd.DataFrame  # the nation's processed rows
    checks: pd.DataFrame  # the region's consistency checks
    legal: pd.DataFrame  # legal references of every source
    coverage: Reading | None = None
    coverage_history: tuple[Reading, ...] = ()
    participants: Reading | None = None
    workers: WorkerBase | None = None
    targets: tuple[Target, ...] = ()
    gaps: tuple[Gap, ...] = ()
    costs: tuple[Cost, ...] = ()
    growth: Growth = field(default_factory=Growth)
    start: StartingPoint | None = None
    scenarios: tuple[Scenario, ...] = ()
    trend: TrendFit | None = None
    trend_problem: tuple = ()  # ("few", n, minimum) or ("mixed", bases) when no trend is fitted
    poverty: PovertyPlan | None = None
    group_actions: tuple[GroupAction, ...] = ()
    sponsored: tuple[SponsoredCost, ...] = ()
    on_employed: EmployedCoverage | None = None  # participants ÷ BPS employed persons (see ucjlib.model.bases)
    population: OfficialBase | None = None  # the region's own newest mid-year population
    data_version: str = ""  # of data/processed/ (see ucjlib.data.processed.Processed.version)
    recipe: uncertainty.Recipe | None = None  # what its ranges are drawn from (None: no observed start)

    @property
    def first_unmet(self) -> Gap | None:
        """The earliest target (by year, then value) not reached whose year has not passed."""
        return next((gap for gap in self.gaps if not gap.reached and gap.timing != PASSED), None)

    @property
    def first_open(self) -> Gap | None:
        """The earliest unreached target a budget can still pay toward (the next step's)."""
        return next((gap for gap in self.gaps if not gap.reached and gap.timing == OPEN), None)

    @property
    def missed(self) -> tuple[Gap, ...]:
        return tuple(gap for gap in self.gaps if gap.missed)

    @property
    def status(self) -> tuple[str, Gap | None]:
        """One of OVERVIEW_STATUSES and the gap it speaks of: the latest missed target (then the
        widest shortfall), else the first unreached one."""
        if self.coverage is None:
            return "none", None
        if self.missed:
            return "missed", max(self.missed, key=lambda gap: (gap.target.year, gap.points))
        unmet = self.first_unmet
        if unmet is None:
            return "met", None
        return ("due" if unmet.timing == DUE else "ahead"), unmet

    @property
    def overview(self) -> Overview:
        coverage, (status, gap) = self.coverage, self.status
        employed = self.on_employed
        return Overview(
            self.code,
            self.name,
            self.level,
            self.province_code,
            self.province_name,
            coverage,
            "" if coverage is None else self.sources.loc[coverage.source_id, "outlet"],
            status,
            None if gap is None else gap.target,
            None if gap is None else gap.points,
            None if employed is None else employed.percent,
            "" if employed is None else employed.participants_as_of,
            "" if employed is None else employed.employed.as_of,
        )

    @property
    def binding_gaps(self) -> tuple[Gap, ...]:
        """The verdict the summary opens with: the targets of the report's year and the year
        before, and the target the next step aims at (or the first unreached one)."""
        if self.coverage is None:
            return ()
        year = self.assumptions.as_of.year
        aim = self.first_open or self.first_unmet
        return tuple(gap for gap in self.gaps if gap.target.year in (year - 1, year) or gap is aim)

    @property
    def headline_doubts(self) -> tuple[str, ...]:
        """The flags of the data-quality section that doubt the headline coverage figure's comparability
        with the one before (on its date and source)."""
        if self.coverage is None:
            return ()
        flags = self.checks[
            (self.checks["status"] == "flag")
            & self.checks["check"].isin(NOT_COMPARABLE)
            & (self.checks["as_of"] == self.coverage.as_of)
            & (self.checks["source_id"] == self.coverage.source_id)
        ]
        return tuple(dict.fromkeys(flags["check"]))

    @property
    def next_step(self) -> Cost | None:
        """What closing the gap to the first target a budget can still pay toward takes (None:
        none left, or not costable)."""
        aim = self.first_open
        return None if aim is None else self.cost_of(aim.target)

    def age_months(self, as_of: str) -> int:
        """Whole months from the end of a figure's period to the report's date (0 for a later one)."""
        today, end = self.assumptions.as_of, period_end(as_of)
        return max(0, (today.year - end.year) * 12 + today.month - end.month)

    def is_old(self, as_of: str) -> bool:
        return self.age_months(as_of) > config.OLD_FIGURE_MONTHS

    @property
    def chosen_target(self) -> Target | None:
        """The target the reader chose (``yardstick`` and ``target_year``), if the data has it."""
        return next(
            (
                t
                for t in self.targets
                if t.name == self.assumptions.yardstick and t.year == self.assumptions.target_year
            ),
            None,
        )

    def cost_of(self, target: Target) -> Cost | None:
        return next((cost for cost in self.costs if cost.target == target), None)

    @functools.cached_property
    def scenario_rows(self) -> pd.DataFrame | None:
        """The scenario table (see :func:`ucjlib.model.scenarios.scenario_table`), compared with
        the chosen target and the long-term goal."""
        if self.start is None or not self.scenarios:
            return None
        return scenario_table(
            self.start,
            list(self.scenarios),
            self.growth,
            self.compared_targets,
            self.assumptions.premium_rate,
            self.assumptions.first_budget_year,
        )

    @property
    def compared_targets(self) -> list[tuple[str, float]]:
        """The targets scenarios are compared with: the chosen one and the long-term goal."""
        chosen = self.chosen_target
        long_term = [t for t in self.targets if t.name == config.RPJPN.name]
        return [(f"{t.name} ({t.year})", t.value) for t in ([chosen] if chosen else []) + long_term[:1]]

    @property
    def has_history(self) -> bool:
        """Two or more distinct dated coverage figures: enough for a chart of coverage over time."""
        return len({(r.as_of, r.value) for r in self.coverage_history}) >= 2

    def workers_in(self, year: int) -> float | None:
        """The work force the costs count at the end of ``year``: the start's, grown by the growth."""
        return None if self.start is None else self.start.workers * self.growth.factor(self.start.year, year)

    @property
    def outgrows_population(self) -> bool:
        """Whether the work force the next step counts in its target's year exceeds the region's whole
        population: a short growth series carried too far (a quality doubt the page must state)."""
        step = self.next_step
        if step is None or self.population is None or self.start.hypothetical:
            return False
        return self.workers_in(step.target.year) > self.population.value

    @property
    def labour_force_rows(self) -> tuple[OfficialBase, ...]:
        """The rows of the labour-force table the page's numbers rest on, each once: the worker
        base's BPS figure (or its parent's, with both populations), the growth series' two rounds,
        and the employed persons the coverage on one base divides by."""
        workers, shared = self.workers, self.workers.shared if self.workers else None
        used = (
            workers.official if workers else None,
            *((shared.population, shared.parent_population) if shared else ()),
            *self.growth.rounds,
            self.on_employed.employed if self.on_employed else None,
            self.population if self.outgrows_population else None,
        )
        return tuple(dict.fromkeys(row for row in used if row is not None))

    @functools.cached_property
    def sources(self) -> pd.DataFrame:
        """One row per source the model's figures come from: the region's, and for the nation
        the sources of the national yardsticks a regional report compares it with and, when it
        charts coverage over time, of the national series (computed once: every view of the
        model numbers its citations from it)."""
        # Only what the page cites: the yardsticks kept as targets (a second source of one yardstick is not shown) …
        yardsticks = {t.source_id for t in self.targets if t.kind == "national"}
        national = self.national
        cited = national["source_id"].isin(yardsticks)
        if self.has_history or self.level == "national":  # … and the nation's series, the over-time chart's reference
            cited |= national["indicator"].eq("ucj_coverage")
        if self.level == "national":
            # The nation's other figures are its own (its figure table), and its quality checks cite
            # theirs (a second source of a yardstick among them).
            cited |= ~national["indicator"].isin(["ucj_coverage", "coverage_target"])
            cited |= national["source_id"].isin(self.checks["source_id"])
            figures = national[cited]
        else:
            figures = pd.concat([self.figures, national[cited]])
        return figures.drop_duplicates("source_id").set_index("source_id")


# -- building the model ----------------------------------------------------------------------


def _newest_first(rows: pd.DataFrame) -> pd.DataFrame:
    """Newest period end first; ties go by source priority (an official release before news),
    then to the row that comes first in the raw file (ucjlib.data.processed.by_priority)."""
    return (
        by_priority(rows)
        .assign(_end=lambda r: r["as_of"].map(period_end))
        .sort_values("_end", ascending=False, kind="stable")
        .drop(columns="_end")
    )


def coverage_history(figures: pd.DataFrame) -> pd.DataFrame:
    """The total coverage figures among ``figures``, newest first: the first of a region's is its
    headline coverage."""
    rows = totals(figures)
    return _newest_first(rows[rows["indicator"] == "ucj_coverage"])


def _beside(figures: pd.DataFrame, indicator: str, reading: Reading):
    """The total of ``indicator`` the same source prints for the same date as ``reading``."""
    rows = totals(figures)
    rows = rows[
        (rows["indicator"] == indicator) & (rows["source_id"] == reading.source_id) & (rows["as_of"] == reading.as_of)
    ]
    return rows.iloc[0] if len(rows) else None


def _base_beside(figures: pd.DataFrame, coverage: Reading) -> WorkerBase | None:
    """The base printed beside a coverage figure, or its participants ÷ the coverage."""
    printed = _beside(figures, "workers", coverage)
    if printed is not None:
        reading = Reading.of(printed)
        return WorkerBase(
            float(printed["value"]),
            False,
            printed["value_as_printed"],
            printed["source_id"],
            reading.band,
            formula=uncertainty.PRINTED,
            parts=(reading,),
        )
    participants = _beside(figures, "active_participants", coverage)
    if participants is None or coverage.value <= 0:
        return None
    return _participants_over(participants, coverage, coverage.source_id)


def _participants_over(participants, coverage: Reading, source_id: str, origin: str = "") -> WorkerBase:
    """The worker base a count of active participants (a processed row) and a coverage figure imply."""
    counted = Reading.of(participants)
    (fewest, most), (lowest, highest) = counted.band, coverage.band
    return WorkerBase(
        float(participants["value"]) / coverage.value * 100,
        True,
        f"{participants['value_as_printed']} ÷ {coverage.as_printed} × 100",
        source_id,
        (fewest / highest * 100, most / max(lowest, 1e-9) * 100),
        origin,
        as_of=participants["as_of"] if origin else "",
        formula=uncertainty.RATIO,
        parts=(counted, coverage),
    )


def _participants_base(figures: pd.DataFrame, coverage: Reading) -> WorkerBase | None:
    """The total of active participants a source prints for the date nearest the headline's (at most
    config.OLD_FIGURE_MONTHS either side) ÷ the headline: the sources' own count puts the figure on the
    base it was computed on, before any estimate from BPS's bases. Its ``as_of`` is the count's date,
    for the page; the base is the headline's (participants move little in a year), so it is not carried."""
    row = _nearest_total(figures, "active_participants", coverage)
    if row is None or coverage.value <= 0:
        return None
    return _participants_over(row, coverage, row["source_id"], PARTICIPANTS_BASE)


def _nearest_total(figures: pd.DataFrame, indicator: str, coverage: Reading):
    """The region-total row of ``indicator`` dated nearest the headline, at most config.OLD_FIGURE_MONTHS
    either side, the earlier on a tie, then by source priority (None without one)."""
    rows = totals(figures)
    rows = _newest_first(rows[rows["indicator"] == indicator]).reset_index(drop=True)
    near = [(months_apart(as_of, coverage.as_of), period_end(as_of), i) for i, as_of in enumerate(rows["as_of"])]
    near = [item for item in near if item[0] <= config.OLD_FIGURE_MONTHS]
    return rows.iloc[min(near)[2]] if near else None


def _plan_parts(figures: pd.DataFrame, coverage: Reading) -> tuple[Reading, ...]:
    """The enrolment plan and its target printed with ``coverage`` (the figures an enrolment plan's
    base is computed from: ucjlib.data.checks), with the coverage; () unless each is printed once."""
    rows = figures[(figures["source_id"] == coverage.source_id) & (figures["as_of"] == coverage.as_of)]
    plan, target = (rows[rows["indicator"] == name] for name in ("planned_enrolment", "coverage_target"))
    if len(plan) != 1 or len(totals(target)) != 1:
        return ()
    return Reading.of(plan.iloc[0]), Reading.of(totals(target).iloc[0]), coverage


def _worker_base(figures: pd.DataFrame, checks: pd.DataFrame, history: tuple[Reading, ...]) -> WorkerBase | None:
    """The headline coverage's denominator: printed or implied beside it; else implied by an
    enrolment plan printed with it (never the base a later target assumes); else the base of
    an earlier coverage figure at most config.OLD_FIGURE_MONTHS older, named as such."""
    if not history:
        return None
    coverage = history[0]
    beside = _base_beside(figures, coverage)
    if beside is not None:
        return beside
    derived = checks[
        (checks["status"] == "info")
        & (checks["source_id"] == coverage.source_id)
        & (checks["as_of"] == coverage.as_of)
        & (checks["check"] == PLAN_IMPLIES_WORKERS)
    ]
    if len(derived):
        parts = _plan_parts(figures, coverage)
        return WorkerBase(
            float(derived.iloc[0]["recomputed"]),
            True,
            derived.iloc[0]["inputs"],
            coverage.source_id,
            formula=uncertainty.PLAN if parts else "",
            parts=parts,
        )
    newest = period_end(coverage.as_of)
    for earlier in history[1:]:
        end = period_end(earlier.as_of)
        if (newest.year - end.year) * 12 + newest.month - end.month > config.OLD_FIGURE_MONTHS:
            break
        base = _base_beside(figures, earlier)
        if base is not None:
            return dataclasses.replace(base, derived=True, as_of=earlier.as_of)
    return _near_base(figures, coverage) or _participants_base(figures, coverage)


def _near_base(figures: pd.DataFrame, coverage: Reading) -> WorkerBase | None:
    """The total worker base a source prints for the date nearest the headline's, at most
    config.OLD_FIGURE_MONTHS either side (the earlier on a tie), with its basis: the denominator of the
    headline is not printed, so the gap in persons is put on the nearest one that is (carried to the
    headline's date by the model)."""
    row = _nearest_total(figures, "workers", coverage)
    if row is None:
        return None
    reading = Reading.of(row)
    return WorkerBase(
        reading.value,
        True,
        row["value_as_printed"],
        row["source_id"],
        reading.band,
        NEAR_BASE,
        as_of=row["as_of"],
        basis=row["basis"],
        basis_en=row["basis_en"],
    )


def _estimated_base(
    code: str, province_code: str, coverage: Reading, processed: pd.DataFrame, labour_force: pd.DataFrame
) -> WorkerBase | None:
    """The region's own BPS base of the round nearest the headline: the one its printed basis names
    (labour force, employed persons) as it is; else its employed persons × the potensi ratio. A
    region without its own takes its parent's (a kabupaten/kota's province, a province's nation)
    shared out by population instead (:func:`ucjlib.model.bases.shared_base`), an estimate even
    where the basis names the base.
    The range: the potensi ratio's and the share factor's intervals, combined in quadrature of their
    relative half-widths (independent errors of a product). None without any base."""
    named = named_official(coverage.basis)
    indicator = named or EMPLOYED
    official = official_base(code, labour_force, coverage.as_of, indicator=indicator)
    if official is not None and named:
        return WorkerBase(
            official.value, True, official.as_printed, "", None, OFFICIAL_BASE, official, None, official.as_of
        )
    shared = None
    if official is None:
        factor = share_factor(labour_force, provinces=code == province_code)
        shared = (
            None
            if factor is None
            else shared_base(code, province_code, labour_force, coverage.as_of, factor, indicator)
        )
        if shared is None:
            return None
    ratio = None if named else potensi_ratio(processed, labour_force)
    if not named and ratio is None:
        return None
    used = official or shared.parent
    factors = [r for r in (shared.factor if shared else None, ratio) if r is not None]  # the intervals it carries
    multiplier = (1.0 if shared is None else shared.share) * math.prod(f.estimate for f in factors)
    value = used.value * multiplier
    half = math.hypot(*(f.relative_half for f in factors))
    return WorkerBase(
        value,
        True,
        f"{used.as_printed} × {multiplier:.4f}",
        "",
        (value * max(1 - half, 0.0), value * (1 + half)),
        ESTIMATED_BASE,
        used,
        ratio,
        used.as_of,
        shared=shared,
    )


def _printed_target(row, kind: str) -> Target:
    """A coverage target as a source prints it (a row of the processed observations)."""
    return Target(
        row.yardstick,
        kind,
        int(row.as_of[:4]),
        float(row.value),
        row.source_id,
        row.value_as_printed,
        name_en=row.yardstick_en,
    )


def _targets(figures: pd.DataFrame, national: pd.DataFrame, history: tuple[Reading, ...]) -> list[Target]:
    """National yardsticks (one per name and year), the region's own targets, the +20-point rule
    (for the nation itself: the yardsticks only)."""
    order = {name: position for position, name in enumerate(config.NATIONAL_YARDSTICK_NAMES)}
    wanted = national[(national["indicator"] == "coverage_target") & national["yardstick"].isin(order)]
    wanted = wanted.sort_values("raw_line").drop_duplicates(["yardstick", "as_of"])
    targets = [_printed_target(r, "national") for r in wanted.itertuples()]
    if (figures["level"] == "national").all():
        return sorted(targets, key=lambda t: (t.year, t.value))
    own = totals(figures)
    own = own[own["indicator"] == "coverage_target"].sort_values("raw_line")
    targets += [_printed_target(r, "own") for r in own.itertuples()]
    end_of_base_year = [r for r in history if r.year == config.RULE_BASE_YEAR]
    if end_of_base_year:
        base = end_of_base_year[0]  # history is newest first
        targets.append(
            Target(
                config.RULE_INSTRUMENT,
                "rule",
                config.RULE_TARGET_YEAR,
                metrics.rule_target(base.value),
                base.source_id,
                "",
                rule_base=base,
            )
        )
    kinds = {"national": 0, "own": 1, "rule": 2}
    return sorted(targets, key=lambda t: (t.year, t.value, kinds[t.kind]))


def budget_year(year: int, participants: float, premium_rate: float) -> BudgetYear:
    """A year of the regional budget's contributions for ``participants`` (the package whose rate
    is ``premium_rate``), under the rules in force each month of ``year``."""
    segment = contributions.segment_for_rate(premium_rate)
    pieces = contributions.pieces(
        segment, config.BUDGET_PAYER, dt.date(year, 1, 1), 12, config.BUDGET_SECTOR, premium_rate
    )
    return BudgetYear(year, participants, pieces, float(participants * sum(piece.rupiah for piece in pieces)))


def _ends(draws) -> tuple[float, float]:
    """The 5th and 95th percentiles of a drawn output: the range a report prints."""
    low, _, high = uncertainty.band(draws)
    return low, high


def _costable(target: Target, start: StartingPoint, headline: Reading | None, first_year: int) -> bool:
    """Whether a target is costed: a budget can still pay toward it (its year is not before
    ``first_year``) and it is not met at the start. Not met means above the start's coverage or
    above the printed headline: rounded prints can disagree (Banten prints 42,9% beside 2,7 juta
    participants of 6 juta workers, 45%), and a target the headline misses is still to be paid for.
    A hypothetical start is a target taken as met, so only later targets are costed from it."""
    if target.year < first_year or (start.hypothetical and target.year <= start.year):
        return False
    reached = start.coverage if start.hypothetical or headline is None else min(start.coverage, headline.value)
    return target.value > reached + 1e-9


def _missing(target: Target, start: StartingPoint, growth: Growth, end_year: int) -> float:
    return max(0.0, target.value / 100 * start.workers * growth.factor(start.year, end_year) - start.participants)


def cost_to_reach(
    target: Target,
    start: StartingPoint,
    draws: uncertainty.Draws | None,
    growth: Growth,
    premium_rate: float,
    first_year: int,
) -> Cost:
    """The participants a year, from ``first_year`` (the first budget year that can still pay) to
    the target's year, and each year's budget; the target's year must not be before ``first_year``.
    Its range is the 5–95% band of ``draws`` (:mod:`ucjlib.model.uncertainty`; None: no range)."""
    if target.year < first_year:
        raise ValueError(f"the {target.name} target of {target.year} is before the first budget year {first_year}")
    end_year = max(target.year, start.year + 1)
    years = target.year - first_year + 1
    missing = _missing(target, start, growth, end_year)
    per_year = missing / years
    budget_years = tuple(budget_year(first_year + step, per_year * (step + 1), premium_rate) for step in range(years))
    per_year_range = (
        (per_year, per_year)
        if draws is None
        else _ends(uncertainty.per_year(draws, target.value, target.year, first_year))
    )
    whole = budget_year(first_year, missing, premium_rate).rupiah
    return Cost(target, first_year, years, per_year, budget_years, missing, whole, per_year_range)


def one_per_date(history: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """The first figure listed for each date: two outlets printing one figure are one
    observation, and a conflicting second figure is the same-month check's concern."""
    seen = {}
    for reading in history:
        seen.setdefault(reading.as_of, reading)
    return tuple(seen.values())


def _trend(history: tuple[Reading, ...]) -> tuple[TrendFit | None, tuple]:
    """A trend only on figures whose denominator is known and the same: an unstated base is no base."""
    history = one_per_date(history)
    bases = sorted({r.basis for r in history})
    if "" in bases and len(history) >= MINIMUM_TREND_POINTS:
        return None, ("unknown", sum(not r.basis for r in history), len(history))
    if len(bases) > 1:
        return None, ("mixed", tuple(bases))
    if len(history) < MINIMUM_TREND_POINTS:
        return None, ("few", len(history), MINIMUM_TREND_POINTS)
    frame = pd.DataFrame(
        {"as_of": [r.as_of for r in history], "value": [r.value for r in history], "basis": [r.basis for r in history]}
    )
    try:
        return fit_trend(frame, MINIMUM_TREND_POINTS), ()
    except ProjectionError as err:
        return None, ("unfit", str(err))


def _group_actions(figures: pd.DataFrame, year: int, premium_rate: float) -> tuple[GroupAction, ...]:
    """Every group the sources name as uncovered, with a year of its contributions in ``year``."""
    rows = figures[figures["indicator"] == "uncovered_by_group"].sort_values("raw_line")
    return tuple(
        GroupAction(
            row["group"], row["group_en"], Reading.of(row), budget_year(year, float(row["value"]), premium_rate)
        )
        for _, row in rows.iterrows()
    )


def _sponsored(figures: pd.DataFrame, year: int, premium_rate: float) -> tuple[SponsoredCost, ...]:
    """Participants a public budget already pays for (the latest count of each group and funding),
    with what keeping them costs in ``year``."""
    rows = figures[(figures["indicator"] == "participants_by_group") & (figures["funding"] != "")]
    rows = rows[rows["funding"].map(contributions.payer_of).isin(config.STATE_PAYERS)]
    rows = _newest_first(rows).drop_duplicates(["group", "funding"]).sort_values("raw_line")
    return tuple(
        SponsoredCost(
            Reading.of(row),
            row["group"],
            row["group_en"],
            row["funding"],
            budget_year(year, float(row["value"]), premium_rate),
        )
        for _, row in rows.iterrows()
    )


def _timing(target: Target, report_date: dt.date, first_budget_year: int) -> str:
    if target.year < report_date.year:
        return PASSED
    return DUE if target.year < first_budget_year else OPEN


def _judged_by(target: Target, history: tuple[Reading, ...], timing: str) -> Reading:
    """The coverage a target is judged by: for a passed target the latest figure by the end of
    its year (the headline when there is none that early); otherwise the headline."""
    if timing == PASSED:
        by_then = [r for r in history if r.year <= target.year]
        if by_then:
            return by_then[0]  # history is newest first
    return history[0]


def _poverty(figures: pd.DataFrame) -> PovertyPlan | None:
    poor, paces = (figures[figures["indicator"] == i] for i in ("poor_residents", "poor_protected_per_year"))
    if poor.empty or paces.empty:
        return None
    poor_row, pace = poor.iloc[0], paces.iloc[0]
    years = [int(part[:4]) for part in pace["as_of"].split("/") if part != ".."]
    first, last = years[0], years[-1]
    outcomes = []
    for start in (first, first + 1):
        share = protected_share(poor_row["value"], pace["value"], start, last)
        outcomes.append((start, float(share["protected"].iloc[-1]), float(share["share"].iloc[-1])))
    return PovertyPlan(Reading.of(poor_row), Reading.of(pace), last, tuple(outcomes))


def region_model(
    code: str,
    processed: pd.DataFrame,
    checks: pd.DataFrame,
    legal: pd.DataFrame,
    assumptions: Assumptions = Assumptions(),
    labour_force: pd.DataFrame | None = None,
) -> RegionModel:
    """Compute one region's model from the processed tables (see the module's definitions);
    ``labour_force`` is the official bases' table (None: no official base, growth or estimate)."""
    if labour_force is None or labour_force.empty:
        labour_force = pd.DataFrame(columns=["region_code", "level", "province_code", "indicator", "as_of", "value"])
    figures = processed[processed["region_code"] == code].reset_index(drop=True)
    if figures.empty:
        raise RegionError(f"region {code!r} has no figures in the processed data")
    head = figures.iloc[0]
    national = processed[processed["level"] == "national"].reset_index(drop=True)
    checks = checks[checks["region_code"] == code].reset_index(drop=True)
    history = tuple(Reading.of(r) for _, r in coverage_history(figures).iterrows())
    coverage = history[0] if history else None
    participants_row = _beside(figures, "active_participants", coverage) if coverage else None
    participants = None if participants_row is None else Reading.of(participants_row)
    workers = _worker_base(figures, checks, history)
    if workers is None and coverage is not None:
        workers = _estimated_base(code, head["province_code"], coverage, processed, labour_force)
    growth = (
        Growth(assumptions.workforce_growth, "reader")
        if assumptions.workforce_growth is not None
        else official_growth(code, head["province_code"], labour_force)
    )
    counted = participants if participants is not None and workers and not workers.derived else None
    start = starting_point(
        figures,
        checks,
        coverage.year if coverage else None,
        coverage.value if coverage else None,
        growth.carry(workers.value, workers.years_to(coverage.as_of)) if workers and coverage else None,
        None if counted is None else counted.value,
    )
    targets = _targets(figures, national, history)
    recipe = (
        None
        if start is None or start.hypothetical or coverage is None or workers is None
        else uncertainty.Recipe(start.year, coverage, workers, counted, growth)
    )
    draws = None if recipe is None else recipe.draw()
    gaps, costs = [], []
    first_year = assumptions.first_budget_year
    if coverage is not None:
        for target in targets:
            timing = _timing(target, assumptions.as_of, first_year)
            judged = _judged_by(target, history, timing)
            points = metrics.gap_points(judged.value, target.value)
            persons = persons_range = None
            if (
                start is not None and not start.hypothetical and judged is coverage
            ):  # the costs' participants and workers
                persons = _missing(target, start, growth, start.year)
                persons_range = (
                    (persons, persons)
                    if draws is None
                    else _ends(uncertainty.gap_persons(draws, target.value, start.year))
                )
            gaps.append(
                Gap(
                    target,
                    points,
                    persons,
                    metrics.attainment(judged.value, target.value),
                    persons_range,
                    timing,
                    judged,
                )
            )
    if start is not None:
        costs = [
            cost_to_reach(t, start, draws, growth, assumptions.premium_rate, first_year)
            for t in targets
            if _costable(t, start, coverage, first_year)
        ]
    model = RegionModel(
        code,
        head["region_name"],
        head["level"],
        head["province_code"],
        head["province_name"],
        assumptions,
        figures,
        national,
        checks,
        legal,
        coverage,
        history,
        participants,
        workers,
        tuple(targets),
        tuple(gaps),
        tuple(costs),
        growth,
        start,
        recipe=recipe,
    )
    if start is not None:
        chosen = model.chosen_target
        model.scenarios = tuple(
            region_scenarios(
                figures,
                start,
                chosen and (chosen.name, chosen.year, chosen.value),
                growth,
                yardstick_pace(national),
                first_year,
            )
        )
    model.trend, model.trend_problem = _trend(history)
    model.poverty = _poverty(figures)
    model.group_actions = _group_actions(figures, first_year, assumptions.premium_rate) if coverage else ()
    model.sponsored = _sponsored(figures, first_year, assumptions.premium_rate)
    model.on_employed = coverage_on_employed(figures, labour_force, code)
    model.population = latest_population(code, labour_force)
    return model


def check_assumptions(assumptions: Assumptions, yardsticks: list[str]) -> Assumptions:
    """Validate what a reader passed, before anything is computed; the yardstick is matched
    whatever its dash or case (``RPJMN 2025-2029`` is ``RPJMN 2025–2029``).

    Examples
    --------
    >>> check_assumptions(Assumptions(yardstick="rpjmn 2025-2029"), ["RPJMN 2025–2029"]).yardstick
    'RPJMN 2025–2029'
    """
    premium, year, growth = assumptions.premium_rate, assumptions.target_year, assumptions.workforce_growth
    if (
        isinstance(premium, bool)
        or not isinstance(premium, (int, float))
        or not math.isfinite(premium)
        or not 0 < premium <= MOST_MONTHLY_RATE
    ):
        raise ReportParameterError(
            f"premium_rate must be a number of rupiah per person per month above 0 and at most "
            f"{MOST_MONTHLY_RATE:,}, not {premium!r}"
        )
    as_of = assumptions.as_of
    if not isinstance(as_of, dt.date) or not EARLIEST_REPORT_DATE <= as_of <= dt.date(2100, 12, 31):
        raise ReportParameterError(
            f"as_of must be a date from {EARLIEST_REPORT_DATE} to 2100-12-31 (YYYY-MM-DD), not {as_of!r}"
        )
    if isinstance(year, bool) or not isinstance(year, int) or not 2024 <= year <= 2100:
        raise ReportParameterError(f"target_year must be a year such as {config.DEFAULT_TARGET_YEAR}, not {year!r}")
    if growth is not None and (
        isinstance(growth, bool) or not isinstance(growth, (int, float)) or not -0.5 < growth < 0.5
    ):
        raise ReportParameterError(
            f"workforce_growth must be a yearly fraction such as 0.02 (or None: from the data), not {growth!r}"
        )

    matches = [
        name
        for name in yardsticks
        if config.folded_yardstick(name) == config.folded_yardstick(str(assumptions.yardstick))
    ]
    if not matches:
        raise ReportParameterError(
            f"yardstick {assumptions.yardstick!r} is not in the data; choose one of: {'; '.join(sorted(yardsticks))}"
        )
    return Assumptions(float(premium), matches[0], year, None if growth is None else float(growth), as_of)


def assumptions_for(assumptions: Assumptions, observations: pd.DataFrame) -> Assumptions:
    """A reader's assumptions checked against the data: the yardstick must be one the data
    has (whatever its dash or case), with a target for the chosen year."""
    yardsticks = sorted(set(observations.loc[observations["indicator"] == "coverage_target", "yardstick"]) - {""})
    checked = check_assumptions(assumptions, yardsticks)
    targets = observations[
        (observations["indicator"] == "coverage_target") & (observations["yardstick"] == checked.yardstick)
    ]
    years = sorted({int(as_of[:4]) for as_of in targets["as_of"]})
    if checked.target_year not in years:
        raise ReportParameterError(
            f"target_year {assumptions.target_year!r}: the data has no {checked.yardstick} target for it; "
            f"choose one of: {', '.join(map(str, years))}"
        )
    return checked


def region_text(region) -> str:
    """A region parameter as text, whatever papermill guessed: ``-p region 12.10`` arrives as the
    number 12.1, which can only be the code ``12.10`` (a kabupaten/kota code has two digits after
    the dot); ``-p region 18`` arrives as 18.

    Examples
    --------
    >>> region_text(12.1), region_text(16.06), region_text(18), region_text("Muba")
    ('12.10', '16.06', '18', 'Muba')
    """
    if isinstance(region, bool):
        raise ReportParameterError(f'region must be a name, alias or code such as "12.10", not {region!r}')
    if isinstance(region, float):
        return f"{region:.2f}"
    return str(region)


def report_date(as_of) -> dt.date:
    """The ``as_of`` parameter as a date: None is today; text must be ``YYYY-MM-DD``.

    >>> report_date("2026-12-06")
    datetime.date(2026, 12, 6)
    """
    if as_of is None:
        return dt.date.today()
    if isinstance(as_of, dt.date):
        return as_of
    try:
        return dt.date.fromisoformat(str(as_of))
    except ValueError:
        raise ReportParameterError(
            f"as_of must be a date written YYYY-MM-DD, such as 2026-12-06, not {as_of!r}"
        ) from None


def for_region(
    region: str,
    premium_rate: float = config.BPU_JKK_JKM_MONTHLY,
    yardstick: str = config.DEFAULT_YARDSTICK,
    target_year: int = config.DEFAULT_TARGET_YEAR,
    workforce_growth: float | None = None,
    as_of: str | dt.date | None = None,
) -> RegionModel:
    """The model of a region given by code, name or alias, from ``data/processed/``, as of the
    report's date (``as_of``; None: today); the assumptions are validated first, with a message
    naming the parameter."""
    processed = load_all()
    observations = processed.observations
    assumptions = assumptions_for(
        Assumptions(premium_rate, yardstick, target_year, workforce_growth, report_date(as_of)), observations
    )
    resolved = RegionTable.current().resolve(region_text(region))
    if not (observations["region_code"] == resolved.code).any():
        present = sorted(set(observations.loc[observations["level"] != "national", "region_name"]))
        raise RegionError(
            f"region {region!r} ({resolved.name}, {resolved.code}) has no figures in the processed data; "
            f"regions with data: {', '.join(present)}"
        )
    return processed_model(resolved.code, assumptions)


def processed_model(code: str, assumptions: Assumptions = Assumptions()) -> RegionModel:
    """The model of a region with figures in ``data/processed/``, computed once per process for
    as long as the data is unchanged: a report's two languages share it, and so do a province's
    reports and the kabupaten/kota models they list. Shared, so callers must not change it."""
    return _model_of(code, assumptions, load_all().version)


@functools.lru_cache(maxsize=64)  # a province's kabupaten/kota (at most 38) and the report being rendered
def _model_of(code: str, assumptions: Assumptions, version: str) -> RegionModel:
    return model_from(load_all(), code, assumptions)


def model_from(processed: Processed, code: str, assumptions: Assumptions = Assumptions()) -> RegionModel:
    """The model of a region computed afresh from ``processed`` tables, stamped with their version."""
    model = region_model(
        code, processed.observations, processed.checks, processed.legal, assumptions, processed.labour_force
    )
    model.data_version = processed.version
    return model
