"""Uncertainty over every input at once: a seeded, vectorised Monte Carlo (issue 28 §1).

Every printed input a region's answer rests on is drawn together, ``config.UNCERTAINTY_DRAWS``
times from ``np.random.default_rng(config.UNCERTAINTY_SEED)``:

- **a printed figure** uniformly over the values it stands for (``Reading.band``): within half a
  unit of its last digit (``data.parse.printed_step``: "49,2 persen" is 49,15–49,25, "23 ribu"
  22.500–23.500); a printed range between its ends; an approximation word on the side it allows
  ("lebih dari" is a lower bound, "hampir" and "mendekati" an upper one, "sekitar" both), within
  ``config.APPROXIMATE_SHARE``;
- **a derived worker base** recomputed in every draw from its drawn parts (``WorkerBase.formula``
  and ``parts``): participants ÷ coverage, or an enrolment plan ÷ (its target − the coverage).
  One printed figure is one draw wherever it enters: Musi Banyuasin's 49,2% is the same draw in
  its base "23 ribu ÷ (58 − 49,2)" and in its participants;
- **any other base with a band** (an official base × the potensi pekerja ÷ employed ratio's
  interval; a province's base shared out by population, at the share factor's interval, with
  the ratio's combined in quadrature) uniformly over that band; a base of another date than the
  headline's (a BPS round, a near date) is then carried to the headline's date by the drawn growth;
- **the work force's yearly growth** over the range the model's :class:`Growth` carries (an
  attribute ``band``), else within ``config.GROWTH_SPREAD`` of its rate; a rate the reader set is kept;
- **the contribution** by the one rule (:func:`ucjlib.contributions.budget_cost`, applied to the
  array of draws): the APBD pays the full rate every month, or the reader's rate. It is a rule, not
  a printed figure, so it moves nothing: every spread of a budget comes from its participants.

Outputs, per target: the gap in persons, participants a year and the first budget year's rupiah
to close it, and the year the target is reached when that many participants a year are enrolled
from the first budget year; each as its 5th, 50th and 95th percentile. A **variance
decomposition** says which input matters most: each input's first-order share of the output's
variance, Var(E[output | input]) ÷ Var(output) (the correlation ratio η²), estimated by sorting
the draws into ``BINS`` equal-count bins of the input. The shares of independent inputs add up to
at most 1 (less where inputs act together, as coverage and base do in a product).

This module imports nothing from :mod:`ucjlib.model.region` (which builds a :class:`Recipe` for
each model and takes its report ranges from here); it reads the model's objects by their fields.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ucjlib import config, contributions
from ucjlib.model.projections import Growth

# How a worker base was obtained (WorkerBase.formula), and its parts in this order:
PRINTED = "printed"  # (the printed workers,)
RATIO = "participants ÷ coverage"  # (participants, coverage)
PLAN = "plan ÷ (target − coverage)"  # (planned enrolment, its target, coverage)
BINS = 20  # equal-count bins per input in the variance decomposition
LEAST_POINTS = 1e-3  # a plan's target drawn at or below the coverage is taken this many points above it
GROWTH = "work-force growth"
BAND_COLUMNS = ["p5", "p50", "p95"]


@dataclass(frozen=True)
class Draws:
    """The starting point in every draw (arrays of one length), and the drawn inputs by name."""

    start_year: int
    participants: np.ndarray
    workers: np.ndarray
    growth: Growth  # its ``rate`` is the array of drawn rates
    inputs: dict[str, np.ndarray]

    @property
    def size(self) -> int:
        return len(self.workers)

    def factor(self, to_year: int) -> np.ndarray | float:
        """The work force's growth from the start to the end of ``to_year``, draw by draw."""
        return self.growth.factor(self.start_year, to_year)


def growth_band(growth: Growth) -> tuple[float, float] | None:
    """The range a growth rate is drawn from: none for a rate the reader set, else
    ``config.GROWTH_SPREAD`` either side (an official series of two August rounds has no spread of
    its own to draw from).

    Examples
    --------
    >>> growth_band(Growth(0.02, "official", 2023, 2024)), growth_band(Growth(0.02, "reader"))
    ((0.01, 0.03), None)
    """
    if growth.origin == "reader":
        return None
    return round(growth.rate - config.GROWTH_SPREAD, 12), round(growth.rate + config.GROWTH_SPREAD, 12)


@dataclass(frozen=True)
class Recipe:
    """What a region's answer is drawn from: the headline coverage, its worker base, the
    participants printed beside a printed base (else coverage × workers) and the growth."""

    start_year: int
    coverage: object  # a region.Reading
    workers: object  # a region.WorkerBase
    participants: object | None  # a region.Reading, or None
    growth: Growth

    def draw(self, size: int = config.UNCERTAINTY_DRAWS, seed: int = config.UNCERTAINTY_SEED) -> Draws:
        """``size`` seeded draws of every input together (see the module's list)."""
        rng = np.random.default_rng(seed)
        drawn: dict[object, np.ndarray] = {}
        named: dict[str, np.ndarray] = {}

        def of(role: str, reading) -> np.ndarray:
            if reading not in drawn:
                low, high = reading.band
                if high > low:
                    drawn[reading] = rng.uniform(low, high, size)
                    named[f"{role} ({reading.as_printed})"] = drawn[reading]
                else:
                    drawn[reading] = np.full(size, float(reading.value))
            return drawn[reading]

        coverage = of("coverage", self.coverage)
        base = self.workers
        formula, parts = getattr(base, "formula", ""), getattr(base, "parts", ())
        if formula == PRINTED:
            workers = of("workers", parts[0])
        elif formula == RATIO:
            workers = of("participants", parts[0]) / of("coverage", parts[1]) * 100
        elif formula == PLAN:
            plan, target, at = of("plan", parts[0]), of("plan's target", parts[1]), of("coverage", parts[2])
            workers = plan / np.maximum(target - at, LEAST_POINTS) * 100
        else:
            low, high = base.bounds
            workers = rng.uniform(low, high, size) if high > low else np.full(size, float(base.value))
            if high > low:
                named[f"worker base ({base.inputs})"] = workers
        counted = None if self.participants is None else of("participants", self.participants)
        band = growth_band(self.growth)
        if band is None or band[1] <= band[0]:
            rates = np.full(size, float(self.growth.rate))
        else:
            rates = rng.uniform(band[0], band[1], size)
            named[GROWTH] = rates
        growth = dataclasses.replace(self.growth, rate=rates)
        workers = growth.carry(workers, base.years_to(self.coverage.as_of))  # a base of another date, at the headline's
        participants = coverage / 100 * workers if counted is None else counted
        return Draws(self.start_year, participants, workers, growth, named)


def gap_persons(draws: Draws, target: float, year: int) -> np.ndarray:
    """Participants missing for ``target`` percent of the work force at the end of ``year``, draw by draw.

    Examples
    --------
    >>> draws = Draws(2025, np.array([40.0, 45.0]), np.array([100.0, 100.0]), Growth(np.array([0.0, 0.1])), {})
    >>> gap_persons(draws, 50, 2026).round(6).tolist()  # 50 − 40; 55 − 45
    [10.0, 10.0]
    """
    return np.maximum(0.0, target / 100 * draws.workers * draws.factor(year) - draws.participants)


def per_year(draws: Draws, target: float, target_year: int, first_year: int) -> np.ndarray:
    """Participants a year from ``first_year`` to ``target_year`` (the model's cost of a gap)."""
    years = target_year - first_year + 1
    return gap_persons(draws, target, max(target_year, draws.start_year + 1)) / years


def first_budget(participants: np.ndarray, first_year: int, premium_rate: float) -> np.ndarray:
    """The first budget year's rupiah for ``participants`` (an array), by the contribution rule."""
    return np.asarray(contributions.budget_cost(participants, dt.date(first_year, 1, 1), 12, premium_rate))


def year_reached(
    draws: Draws, target: float, pace: float, first_year: int, horizon: int = config.LONG_TERM_HORIZON
) -> np.ndarray:
    """The first year whose coverage reaches ``target`` when ``pace`` participants a year join from
    ``first_year`` (as :func:`ucjlib.model.projections.run_scenario`), draw by draw; ``inf``: not by
    ``horizon``.

    Examples
    --------
    10 of 100 covered, 10 more a year from 2026: 30% in 2027; with 10% growth a year, 30 of 121
    (24,8%) in 2027, 40 of 133,1 (30,1%) in 2028.

    >>> draws = Draws(2025, np.array([10.0, 10.0]), np.array([100.0, 100.0]), Growth(np.array([0.0, 0.1])), {})
    >>> year_reached(draws, 30, 10, 2026).tolist()
    [2027.0, 2028.0]
    """
    reached = np.full(draws.size, np.inf)
    first = max(first_year, draws.start_year + 1)
    for year in range(draws.start_year + 1, horizon + 1):
        total = draws.participants + pace * max(0, year - first + 1)
        hit = (total >= target / 100 * draws.workers * draws.factor(year) - 1e-9) & np.isinf(reached)
        reached[hit] = year
    return reached


def band(values: np.ndarray) -> tuple[float, float, float]:
    """The 5th, 50th and 95th percentiles (``config.UNCERTAINTY_PERCENTILES``) of the draws; a year
    never reached (``inf``) stays ``inf``.

    >>> band(np.arange(101.0))
    (5.0, 50.0, 95.0)
    """
    return tuple(float(value) for value in bands(values[np.newaxis, :])[0])


def bands(values: np.ndarray) -> np.ndarray:
    """:func:`band` of each row of a 2-D array of draws, in one pass: shape (rows, 3)."""
    if np.isinf(values).any():
        found = np.percentile(values, config.UNCERTAINTY_PERCENTILES, axis=1, method="inverted_cdf")
    else:
        found = np.percentile(values, config.UNCERTAINTY_PERCENTILES, axis=1)
    return np.asarray(found).T


def _bins(values: np.ndarray, bins: int) -> np.ndarray:
    """Equal-probability bins of a uniformly drawn input: equal widths over the range drawn."""
    low, high = float(values.min()), float(values.max())
    return np.minimum(((values - low) * (bins / (high - low))).astype(np.intp), bins - 1)


def first_order_shares(inputs: dict[str, np.ndarray], output: np.ndarray, bins: int = BINS) -> pd.DataFrame:
    """Each input's first-order share of each output row's variance (see the module): one row per
    row of ``output`` (a 1-D output is one row), one column per input. Every input is drawn
    uniformly, so its ``bins`` equal widths hold equal shares of the draws. A constant output
    (within 1e-12 of its mean) has no variance to share: its shares are 0. A year never reached
    (``inf``) counts as the year after ``config.LONG_TERM_HORIZON``.

    Examples
    --------
    y = 3a + b with a and b uniform on [0, 1]: Var = 9/12 + 1/12, shares 0,9 and 0,1.

    >>> rng = np.random.default_rng(1)
    >>> a, b = rng.uniform(size=100_000), rng.uniform(size=100_000)
    >>> first_order_shares({"a": a, "b": b}, 3 * a + b).round(2).to_dict("records")
    [{'a': 0.9, 'b': 0.1}]
    """
    output = np.atleast_2d(np.where(np.isinf(output), config.LONG_TERM_HORIZON + 1, output))
    rows, size = output.shape
    mean = output.mean(axis=1, keepdims=True)
    variance = output.var(axis=1)
    varies = variance > 1e-24 + 1e-24 * mean[:, 0] ** 2
    offsets = (np.arange(rows) * bins)[:, np.newaxis]
    shares = {}
    for name, values in inputs.items():
        binned = (_bins(values, bins)[np.newaxis, :] + offsets).ravel()
        counts = np.bincount(binned, minlength=rows * bins).reshape(rows, bins)
        sums = np.bincount(binned, weights=output.ravel(), minlength=rows * bins).reshape(rows, bins)
        means = sums / np.maximum(counts, 1)
        between = np.sum(counts * (means - mean) ** 2, axis=1) / size
        shares[name] = np.where(varies, between / np.where(varies, variance, 1.0), 0.0)
    return pd.DataFrame(shares, index=range(rows), dtype=float)


def outputs(model, draws: Draws) -> dict[str, tuple[list, np.ndarray]]:
    """Every target's drawn outputs, one 2-D array (target, draw) per output: ``gap`` (persons, on
    the start year's base) for each gap the model measures in persons; ``per_year``, ``budget``
    (first budget year, rupiah) and ``reached`` (at the model's participants a year) for each
    costed target. Each with its targets, in the model's order."""
    gaps = [gap.target for gap in model.gaps if gap.persons is not None]
    found = {}
    if gaps:
        values = np.array([target.value for target in gaps])[:, np.newaxis]
        found["gap"] = (gaps, gap_persons(draws, values, draws.start_year))
    costs = list(model.costs)
    if costs:
        yearly = np.stack([per_year(draws, c.target.value, c.target.year, c.first_year) for c in costs])
        rate = model.assumptions.premium_rate
        rupiah = np.stack([first_budget(yearly[i], c.first_year, rate) for i, c in enumerate(costs)])
        reached = np.stack([year_reached(draws, c.target.value, c.participants_per_year, c.first_year) for c in costs])
        targets = [c.target for c in costs]
        found.update(per_year=(targets, yearly), budget=(targets, rupiah), reached=(targets, reached))
    return found


OUTPUTS = ("gap", "per_year", "budget", "reached")
TABLE_COLUMNS = ["region", "target", "year", "value", "output", *BAND_COLUMNS, "top_input", "top_share"]
SHARE_COLUMNS = ["region", "target", "year", "value", "output", "input", "share"]


def region_bands(
    model, size: int = config.UNCERTAINTY_DRAWS, seed: int = config.UNCERTAINTY_SEED
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A region's 5–50–95% bands and their variance decomposition.

    Returns ``(bands, shares)``: one row per target and output (``gap`` persons, ``per_year``
    participants, ``budget`` rupiah of the first budget year, ``reached`` year; ``inf``: not by
    ``config.LONG_TERM_HORIZON``) with the input that matters most (``top_input``, "" when nothing
    varies) and its share; and one row per target, output and drawn input with its first-order
    share. Both empty for a region with no observed start (no coverage figure and base, or a
    hypothetical start)."""
    recipe = getattr(model, "recipe", None)
    if recipe is None:
        return pd.DataFrame(columns=TABLE_COLUMNS), pd.DataFrame(columns=SHARE_COLUMNS)
    draws = recipe.draw(size, seed)
    rows, share_rows = [], []
    for output, (targets, values) in outputs(model, draws).items():
        found = bands(values)
        shares = first_order_shares(draws.inputs, values)
        for i, target in enumerate(targets):
            ranked = shares.iloc[i].sort_values(ascending=False, kind="stable")
            top = ranked.index[0] if len(ranked) and ranked.iloc[0] > 0 else ""
            key = [model.name, target.name, target.year, target.value, output]
            rows.append([*key, *found[i], top, float(ranked.iloc[0]) if top else 0.0])
            share_rows += [[*key, name, float(share)] for name, share in ranked.items()]
    return pd.DataFrame(rows, columns=TABLE_COLUMNS), pd.DataFrame(share_rows, columns=SHARE_COLUMNS)
