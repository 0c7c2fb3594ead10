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
  an earlier coverage figure at most ``config.OLD_FIGURE_MONTHS`` older (said so in the report).
- **Gap in persons**: target × workers − participants, on the headline's worker base; the
  participants are the count printed beside the coverage figure, else coverage × workers.
- **Cost of closing a gap**: from the year of the latest coverage figure ``Y`` to the
  target year ``T`` (at least one year), ``(target × workers in T − participants now) ÷
  (T − Y)`` new participants a year; in budget year ``Y + k`` the budget pays the BPU
  contribution for the ``k`` years' new participants, at the rate in force each month
  (the PP 50/2025 discount months included). The whole gap is a separate figure: every
  missing participant paid for twelve months at the full rate.
- **Ranges**: a printed figure stands for any value within half a unit of its last digit,
  and an approximate one ("sekitar", "lebih dari" …) for any within
  ``config.APPROXIMATE_SHARE`` of it on the side its word allows. Gaps in persons and the
  participants and budgets to close them are also given at the two ends of those inputs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from dataclasses import dataclass, field

import pandas as pd

from . import config, metrics
from .checks import PLAN_IMPLIES_WORKERS
from .errors import RegionError, UCJError
from .indicators import indicators
from .parse import period_end, printed_decimals, printed_step
from .projections import Growth, ProjectionError, Scenario, TrendFit, fit_trend, protected_share
from .region_scenarios import StartingPoint, implied_growth, region_scenarios, scenario_table, starting_point, yardstick_pace

MINIMUM_TREND_POINTS = 3  # coverage observations on one basis before a trend is fitted
TOTAL_QUALIFIERS = ("group", "programme", "funding")


class ReportParameterError(UCJError, ValueError):
    """A report parameter that cannot be used."""


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
    def of(cls, row) -> "Reading":
        return cls(float(row["value"]), row["value_as_printed"], row["as_of"], row["source_id"], bool(row["approximate"]),
                   row["basis"], row["basis_en"], row["bound"], row["unit"])


@dataclass(frozen=True)
class WorkerBase:
    """The denominator of the headline coverage: printed beside it, or derived (participants ÷
    coverage, an enrolment plan, an earlier figure's base)."""

    value: float
    derived: bool
    inputs: str = ""  # how it was derived, or the printed figure
    source_id: str = ""
    band: tuple[float, float] | None = None  # the printed figure's range; None: the value itself

    @property
    def bounds(self) -> tuple[float, float]:
        return self.band or (self.value, self.value)


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


@dataclass(frozen=True)
class Gap:
    """Distance from the headline coverage to one target."""

    target: Target
    points: float
    persons: float | None  # on the headline's worker base; None without one
    attainment: float  # coverage as a percent of the target
    persons_range: tuple[float, float] | None = None  # at the ends of the inputs' ranges

    @property
    def reached(self) -> bool:
        return self.points == 0


@dataclass(frozen=True)
class BudgetYear:
    """What one budget year pays to close a gap: the participants paid for, the monthly rates
    in force and how many months of the year each applies."""

    year: int
    participants: float
    full_rate: float
    full_months: int
    discounted_rate: float
    discount_months: int
    rupiah: float


@dataclass(frozen=True)
class Cost:
    """What closing the gap to one target takes (see the module's definition)."""

    target: Target
    start_year: int
    years: int
    participants_per_year: float
    budget_years: tuple[BudgetYear, ...]
    whole_gap_persons: float
    whole_gap_rupiah: float  # twelve months at the full rate
    late: bool  # the target's year is not after the latest coverage figure's
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
class Assumptions:
    """What a reader may change; everything else follows from the data."""

    premium_rate: float = config.BPU_JKK_JKM_MONTHLY
    yardstick: str = config.DEFAULT_YARDSTICK
    target_year: int = config.DEFAULT_TARGET_YEAR
    workforce_growth: float | None = None  # None: what the region's targets imply, else 0


@dataclass(frozen=True)
class PovertyPlan:
    """A plan to protect poor residents (not workers): how far it gets by its last year."""

    poor: Reading
    per_year: Reading
    last_year: int
    outcomes: tuple[tuple[int, float, float], ...]  # (start year, protected by the end, share in percent)


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
    unmet_target: Target | None  # the first target the coverage has not reached
    unmet_points: float | None

    def as_json(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Overview":
        def reading(fields: dict | None) -> Reading | None:
            return None if fields is None else Reading(**fields)

        target = data["unmet_target"]
        return cls(**{**data, "coverage": reading(data["coverage"]),
                      "unmet_target": None if target is None else Target(**{**target, "rule_base": reading(target["rule_base"])})})


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
    data_version: str = ""  # of data/processed/ (see ucjlib.processed.Processed.version)

    @property
    def first_unmet(self) -> Gap | None:
        """The earliest target (by year, then value) the headline coverage has not reached."""
        return next((gap for gap in self.gaps if not gap.reached), None)

    @property
    def overview(self) -> Overview:
        coverage, unmet = self.coverage, self.first_unmet
        return Overview(self.code, self.name, self.level, self.province_code, self.province_name, coverage,
                        "" if coverage is None else self.sources.loc[coverage.source_id, "outlet"],
                        None if unmet is None else unmet.target, None if unmet is None else unmet.points)

    @property
    def binding_gaps(self) -> tuple[Gap, ...]:
        """The gaps to the targets of the latest coverage figure's year and of the next (the
        budget year being planned); without such a target, the first unmet one."""
        if self.coverage is None:
            return ()
        year = self.coverage.year
        binding = tuple(gap for gap in self.gaps if gap.target.year in (year, year + 1))
        return binding or tuple(gap for gap in (self.first_unmet,) if gap is not None)

    @property
    def next_step(self) -> Cost | None:
        """What closing the gap to the first unmet target takes (None: reached, or not costable)."""
        unmet = self.first_unmet
        return None if unmet is None else self.cost_of(unmet.target)

    @functools.cached_property
    def newest_as_of(self) -> dt.date | None:
        """The end of the newest period any observed figure of the report (the region's or the
        nation's) refers to."""
        rows = pd.concat([self.figures, self.national])
        observed = rows[rows["indicator"].map(indicators()["kind"]) == "observed"]
        return max(map(period_end, observed["as_of"]), default=None)

    def age_months(self, as_of: str) -> int:
        """Whole months between the end of a figure's period and the report's newest figure."""
        newest, end = self.newest_as_of, period_end(as_of)
        if newest is None:
            return 0
        return (newest.year - end.year) * 12 + newest.month - end.month

    def is_old(self, as_of: str) -> bool:
        return self.age_months(as_of) > config.OLD_FIGURE_MONTHS

    @property
    def chosen_target(self) -> Target | None:
        """The target the reader chose (``yardstick`` and ``target_year``), if the data has it."""
        return next((t for t in self.targets if t.name == self.assumptions.yardstick and t.year == self.assumptions.target_year), None)

    def cost_of(self, target: Target) -> Cost | None:
        return next((cost for cost in self.costs if cost.target == target), None)

    @functools.cached_property
    def scenario_rows(self) -> pd.DataFrame | None:
        """The scenario table (see :func:`ucjlib.region_scenarios.scenario_table`), compared with
        the chosen target and the long-term goal."""
        if self.start is None or not self.scenarios:
            return None
        return scenario_table(self.start, list(self.scenarios), self.growth, self.compared_targets,
                              self.assumptions.premium_rate)

    @property
    def compared_targets(self) -> list[tuple[str, float]]:
        """The targets scenarios are compared with: the chosen one and the long-term goal."""
        chosen = self.chosen_target
        long_term = [t for t in self.targets if t.name == config.RPJPN.name]
        return [(f"{t.name} ({t.year})", t.value) for t in ([chosen] if chosen else []) + long_term[:1]]

    @functools.cached_property
    def sources(self) -> pd.DataFrame:
        """One row per source the model's figures come from: the region's, and for the nation
        the sources of the national yardsticks and coverage series a regional report shows
        (computed once: every view of the model numbers its citations from it)."""
        national = self.national
        if self.level != "national":
            cited = (((national["indicator"] == "coverage_target") & national["yardstick"].isin(config.NATIONAL_YARDSTICK_NAMES))
                     | (national["indicator"] == "ucj_coverage"))
            national = national[cited]
        return pd.concat([self.figures, national]).drop_duplicates("source_id").set_index("source_id")


# -- building the model ----------------------------------------------------------------------

def totals(figures: pd.DataFrame) -> pd.DataFrame:
    """Rows that are region totals: no group, programme or funding qualifier."""
    mask = pd.Series(True, index=figures.index)
    for column in TOTAL_QUALIFIERS:
        mask &= figures[column] == ""
    return figures[mask]


def _newest_first(rows: pd.DataFrame) -> pd.DataFrame:
    """Newest period end first; ties go to the row that comes first in the raw file."""
    return rows.assign(_end=rows["as_of"].map(period_end)).sort_values(["_end", "raw_line"], ascending=[False, True]).drop(columns="_end")


def _beside(figures: pd.DataFrame, indicator: str, reading: Reading):
    """The total of ``indicator`` the same source prints for the same date as ``reading``."""
    rows = totals(figures)
    rows = rows[(rows["indicator"] == indicator) & (rows["source_id"] == reading.source_id) & (rows["as_of"] == reading.as_of)]
    return rows.iloc[0] if len(rows) else None


def _base_beside(figures: pd.DataFrame, coverage: Reading) -> WorkerBase | None:
    """The base printed beside a coverage figure, or its participants ÷ the coverage."""
    printed = _beside(figures, "workers", coverage)
    if printed is not None:
        return WorkerBase(float(printed["value"]), False, printed["value_as_printed"], printed["source_id"],
                          Reading.of(printed).band)
    participants = _beside(figures, "active_participants", coverage)
    if participants is None or coverage.value <= 0:
        return None
    (fewest, most), (lowest, highest) = Reading.of(participants).band, coverage.band
    return WorkerBase(float(participants["value"]) / coverage.value * 100, True,
                      f"{participants['value_as_printed']} ÷ {coverage.as_printed} × 100", coverage.source_id,
                      (fewest / highest * 100, most / max(lowest, 1e-9) * 100))


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
    derived = checks[(checks["status"] == "info") & (checks["source_id"] == coverage.source_id)
                     & (checks["as_of"] == coverage.as_of) & (checks["check"] == PLAN_IMPLIES_WORKERS)]
    if len(derived):
        return WorkerBase(float(derived.iloc[0]["recomputed"]), True, derived.iloc[0]["inputs"], coverage.source_id)
    newest = period_end(coverage.as_of)
    for earlier in history[1:]:
        end = period_end(earlier.as_of)
        if (newest.year - end.year) * 12 + newest.month - end.month > config.OLD_FIGURE_MONTHS:
            break
        base = _base_beside(figures, earlier)
        if base is not None:
            return WorkerBase(base.value, True, f"{base.inputs}, {earlier.as_of}", base.source_id, base.band)
    return None


def _targets(figures: pd.DataFrame, national: pd.DataFrame, history: tuple[Reading, ...]) -> list[Target]:
    """National yardsticks (one per name and year), the region's own targets, the +20-point rule
    (for the nation itself: the yardsticks only)."""
    order = {name: position for position, name in enumerate(config.NATIONAL_YARDSTICK_NAMES)}
    wanted = national[(national["indicator"] == "coverage_target") & national["yardstick"].isin(order)]
    wanted = wanted.sort_values("raw_line").drop_duplicates(["yardstick", "as_of"])
    targets = [Target(r.yardstick, "national", int(r.as_of[:4]), float(r.value), r.source_id, r.value_as_printed)
               for r in wanted.itertuples()]
    if (figures["level"] == "national").all():
        return sorted(targets, key=lambda t: (t.year, t.value))
    own = totals(figures)
    own = own[own["indicator"] == "coverage_target"].sort_values("raw_line")
    targets += [Target(r.yardstick, "own", int(r.as_of[:4]), float(r.value), r.source_id, r.value_as_printed)
                for r in own.itertuples()]
    end_of_base_year = [r for r in history if r.year == config.RULE_BASE_YEAR]
    if end_of_base_year:
        base = end_of_base_year[0]  # history is newest first
        targets.append(Target(config.RULE_INSTRUMENT, "rule", config.RULE_TARGET_YEAR, metrics.rule_target(base.value),
                              base.source_id, "", rule_base=base))
    kinds = {"national": 0, "own": 1, "rule": 2}
    return sorted(targets, key=lambda t: (t.year, t.value, kinds[t.kind]))


def budget_year(year: int, participants: float, premium_rate: float) -> BudgetYear:
    """A year of BPU contributions for ``participants``, at the rates in force each month of ``year``."""
    discounted = metrics.discount_months(year, config.BUDGET_SECTOR)
    rupiah = metrics.enrolment_cost(participants, 12, dt.date(year, 1, 1), config.BUDGET_SECTOR, premium_rate)
    return BudgetYear(year, participants, premium_rate, 12 - discounted, metrics.discounted_rate(premium_rate), discounted,
                      float(rupiah))


def _start_bounds(start: StartingPoint, coverage: Reading | None, workers: WorkerBase | None,
                  participants: Reading | None) -> tuple[StartingPoint, StartingPoint]:
    """The starting points at the ends of the inputs' ranges: fewest missing participants
    (most covered, fewest workers) and most missing."""
    if start.hypothetical or coverage is None or workers is None:
        return start, start
    fewest_workers, most_workers = workers.bounds
    if participants is not None:
        fewest_participants, most_participants = participants.band
    else:
        lowest, highest = coverage.band
        fewest_participants, most_participants = lowest / 100 * most_workers, highest / 100 * fewest_workers
    return (StartingPoint(start.year, most_participants, fewest_workers, False),
            StartingPoint(start.year, fewest_participants, most_workers, False))


def _missing(target: Target, start: StartingPoint, growth: Growth, end_year: int) -> float:
    return max(0.0, target.value / 100 * start.workers * growth.factor(start.year, end_year) - start.participants)


def cost_to_reach(target: Target, start: StartingPoint, bounds: tuple[StartingPoint, StartingPoint], growth: Growth,
          premium_rate: float) -> Cost:
    years = max(1, target.year - start.year)
    missing = _missing(target, start, growth, start.year + years)
    per_year = missing / years
    budget_years = tuple(budget_year(start.year + step, per_year * step, premium_rate) for step in range(1, years + 1))
    per_year_range = tuple(_missing(target, end, growth, start.year + years) / years for end in bounds)
    return Cost(target, start.year, years, per_year, budget_years, missing, missing * 12 * premium_rate,
                target.year <= start.year, per_year_range)


def one_per_date(history: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """The first figure listed for each date: two outlets printing one figure are one
    observation, and a conflicting second figure is the same-month check's concern."""
    seen = {}
    for reading in history:
        seen.setdefault(reading.as_of, reading)
    return tuple(seen.values())


def _trend(history: tuple[Reading, ...]) -> tuple[TrendFit | None, tuple]:
    history = one_per_date(history)
    bases = sorted({r.basis for r in history})
    if len(bases) > 1:
        return None, ("mixed", tuple(bases))
    if len(history) < MINIMUM_TREND_POINTS:
        return None, ("few", len(history), MINIMUM_TREND_POINTS)
    frame = pd.DataFrame({"as_of": [r.as_of for r in history], "value": [r.value for r in history],
                          "basis": [r.basis for r in history]})
    try:
        return fit_trend(frame, MINIMUM_TREND_POINTS), ()
    except ProjectionError as err:
        return None, ("unfit", str(err))


def _group_actions(figures: pd.DataFrame, next_year: int | None, premium_rate: float) -> tuple[GroupAction, ...]:
    """Every group the sources name as uncovered, with a year of its contributions in ``next_year``."""
    if next_year is None:
        return ()
    rows = figures[figures["indicator"] == "uncovered_by_group"].sort_values("raw_line")
    return tuple(GroupAction(row["group"], row["group_en"], Reading.of(row), budget_year(next_year, float(row["value"]), premium_rate))
                 for _, row in rows.iterrows())


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


def region_model(code: str, processed: pd.DataFrame, checks: pd.DataFrame, legal: pd.DataFrame,
                 assumptions: Assumptions = Assumptions()) -> RegionModel:
    """Compute one region's model from the processed tables (see the module's definitions)."""
    figures = processed[processed["region_code"] == code].reset_index(drop=True)
    if figures.empty:
        raise RegionError(f"region {code!r} has no figures in the processed data")
    head = figures.iloc[0]
    national = processed[processed["level"] == "national"].reset_index(drop=True)
    checks = checks[checks["region_code"] == code].reset_index(drop=True)
    coverage_rows = totals(figures)
    history = tuple(Reading.of(r) for _, r in _newest_first(coverage_rows[coverage_rows["indicator"] == "ucj_coverage"]).iterrows())
    coverage = history[0] if history else None
    participants_row = _beside(figures, "active_participants", coverage) if coverage else None
    participants = None if participants_row is None else Reading.of(participants_row)
    workers = _worker_base(figures, checks, history)
    growth = (Growth(assumptions.workforce_growth, "reader") if assumptions.workforce_growth is not None
              else implied_growth(checks))
    counted = participants if participants is not None and workers and not workers.derived else None
    start = starting_point(figures, checks, coverage.year if coverage else None, coverage.value if coverage else None,
                           workers.value if workers else None, None if counted is None else counted.value)
    targets = _targets(figures, national, history)
    bounds = None if start is None else _start_bounds(start, coverage, workers, counted)
    gaps, costs = [], []
    if coverage is not None:
        for target in targets:
            points = metrics.gap_points(coverage.value, target.value)
            persons = persons_range = None
            if start is not None and not start.hypothetical:  # on the same participants and workers as the costs
                persons = _missing(target, start, growth, start.year)
                persons_range = tuple(_missing(target, end, growth, start.year) for end in bounds)
            gaps.append(Gap(target, points, persons, metrics.attainment(coverage.value, target.value), persons_range))
    if start is not None:
        # A hypothetical start is a target taken as met: only later targets can be costed from it.
        costs = [cost_to_reach(t, start, bounds, growth, assumptions.premium_rate) for t in targets
                 if t.value > start.coverage + 1e-9 and not (start.hypothetical and t.year <= start.year)]
    model = RegionModel(code, head["region_name"], head["level"], head["province_code"], head["province_name"], assumptions,
                        figures, national, checks, legal, coverage, history, participants, workers, tuple(targets),
                        tuple(gaps), tuple(costs), growth, start)
    if start is not None:
        chosen = model.chosen_target
        model.scenarios = tuple(region_scenarios(figures, start, chosen and (chosen.name, chosen.year, chosen.value), growth,
                                                 yardstick_pace(national)))
    model.trend, model.trend_problem = _trend(history)
    model.poverty = _poverty(figures)
    model.group_actions = _group_actions(figures, coverage.year + 1 if coverage else None, assumptions.premium_rate)
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
    if isinstance(premium, bool) or not isinstance(premium, (int, float)) or not math.isfinite(premium) or premium <= 0:
        raise ReportParameterError(f"premium_rate must be a positive number of rupiah per month, not {premium!r}")
    if isinstance(year, bool) or not isinstance(year, int) or not 2024 <= year <= 2100:
        raise ReportParameterError(f"target_year must be a year such as {config.DEFAULT_TARGET_YEAR}, not {year!r}")
    if growth is not None and (isinstance(growth, bool) or not isinstance(growth, (int, float)) or not -0.5 < growth < 0.5):
        raise ReportParameterError(f"workforce_growth must be a yearly fraction such as 0.02 (or None: from the data), not {growth!r}")

    matches = [name for name in yardsticks if config.folded_yardstick(name) == config.folded_yardstick(str(assumptions.yardstick))]
    if not matches:
        raise ReportParameterError(f"yardstick {assumptions.yardstick!r} is not in the data; choose one of: {'; '.join(sorted(yardsticks))}")
    return Assumptions(float(premium), matches[0], year, None if growth is None else float(growth))


def assumptions_for(assumptions: Assumptions, observations: pd.DataFrame) -> Assumptions:
    """A reader's assumptions checked against the data: the yardstick must be one the data
    has (whatever its dash or case), with a target for the chosen year."""
    yardsticks = sorted(set(observations.loc[observations["indicator"] == "coverage_target", "yardstick"]) - {""})
    checked = check_assumptions(assumptions, yardsticks)
    targets = observations[(observations["indicator"] == "coverage_target") & (observations["yardstick"] == checked.yardstick)]
    years = sorted({int(as_of[:4]) for as_of in targets["as_of"]})
    if checked.target_year not in years:
        raise ReportParameterError(f"target_year {assumptions.target_year!r}: the data has no {checked.yardstick} target for it; "
                                   f"choose one of: {', '.join(map(str, years))}")
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
        raise ReportParameterError(f"region must be a name, alias or code such as \"12.10\", not {region!r}")
    if isinstance(region, float):
        return f"{region:.2f}"
    return str(region)


def for_region(region: str, premium_rate: float = config.BPU_JKK_JKM_MONTHLY, yardstick: str = config.DEFAULT_YARDSTICK,
               target_year: int = config.DEFAULT_TARGET_YEAR, workforce_growth: float | None = None) -> RegionModel:
    """The model of a region given by code, name or alias, from ``data/processed/``; the
    assumptions are validated first, with a message naming the parameter."""
    from .processed import load_all
    from .regions import RegionTable

    processed = load_all()
    observations = processed.observations
    assumptions = assumptions_for(Assumptions(premium_rate, yardstick, target_year, workforce_growth), observations)
    resolved = RegionTable.current().resolve(region_text(region))
    if not (observations["region_code"] == resolved.code).any():
        present = sorted(set(observations.loc[observations["level"] != "national", "region_name"]))
        raise RegionError(f"region {region!r} ({resolved.name}, {resolved.code}) has no figures in the processed data; "
                          f"regions with data: {', '.join(present)}")
    return processed_model(resolved.code, assumptions)


def processed_model(code: str, assumptions: Assumptions = Assumptions()) -> RegionModel:
    """The model of a region with figures in ``data/processed/``, computed once per process for
    as long as the data is unchanged: a report's two languages share it, and so do a province's
    reports and the kabupaten/kota models they list. Shared, so callers must not change it."""
    from .processed import load_all

    return _model_of(code, assumptions, load_all().version)


@functools.lru_cache(maxsize=64)  # a province's kabupaten/kota (at most 38) and the report being rendered
def _model_of(code: str, assumptions: Assumptions, version: str) -> RegionModel:
    from .processed import load_all

    processed = load_all()
    model = region_model(code, processed.observations, processed.checks, processed.legal, assumptions)
    model.data_version = processed.version
    return model
