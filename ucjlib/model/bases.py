"""The official worker bases (BPS's employed persons, ``data/processed/labour_force.csv``) beside
the bases the sources print, and what they let a report say (issue 27 §2).

- **Official base** of a region: its own BPS employed persons (*penduduk bekerja*) of the period
  nearest a given date. A kabupaten/kota without its own figure has none: a province's figure is
  never used for one of its kabupaten/kota.
- **The potensi ratio**: a source's *potensi pekerja* (the workers BPJS counts as could-be
  participants; any printed total worker base whose basis names *potensi*) ÷ the region's BPS
  employed persons of a near period (at most ``NEAR_MONTHS`` apart), over every region where both
  are known, one pair per region (its latest potensi base), the nation left out (it is the sum of
  the regions, not one more of them). Its interval is a ``RATIO_LEVEL`` *prediction* interval for
  one more region's ratio (Student's t with n − 1 degrees of freedom: mean ± t · s · √(1 + 1/n)),
  not the narrower confidence interval of the mean: an estimated base is one region's, and regions
  differ. It needs at least ``MINIMUM_RATIO_REGIONS`` regions.
- **Estimated base**: where the sources print no worker base for the headline, the official base
  × the potensi ratio, with the ratio's interval as its range; but where the headline names an
  official base (*angkatan kerja*, *penduduk bekerja*), that BPS figure itself (:func:`named_official`).
- **Shared base** of a region without its own BPS figure (:func:`shared_base`): its parent's
  BPS base (a kabupaten/kota's province, a province's nation) × the region's share of the
  parent's population (mid-year figures of dates close together, the nearest the parent's round)
  × the **share factor** of its level, how employed persons per inhabitant compare with the
  parent's, (E ÷ P) ÷ (E_parent ÷ P_parent), over every region of that level where both are
  known for one round (its mean and ``RATIO_LEVEL`` prediction interval, as the potensi
  ratio's). An estimate, never an official base: a report says how it was made and its range.
  Where it is then put on the potensi ratio too, the two intervals are combined in quadrature of
  their relative half-widths (two independent errors of a product), not corner to corner.
- **Official growth**: the compound yearly change of the region's BPS employed persons between its
  earliest and latest August rounds (Sakernas's kabupaten/kota figures are August only, so rounds
  of one month are compared), else its province's; none with fewer than two rounds.
- **Coverage on the employed base**: the latest printed count of active participants ÷ the BPS
  employed persons of the period nearest its date, so regions can be compared on one base.
"""

from __future__ import annotations

import functools
import math
import weakref
from dataclasses import dataclass

import pandas as pd

from ucjlib import config
from ucjlib.data.processed import by_priority
from ucjlib.model.projections import Growth
from ucjlib.periods import months_between, period_end

EMPLOYED = "employed_persons"
LABOUR_FORCE = "labour_force"
POPULATION = "population"  # BPS's mid-year population: only to share out a province's base
NATION = "00"
# A printed basis naming one of BPS's bases (in Indonesian or English), and that base's indicator.
OFFICIAL_BASIS_WORDS = (
    (("angkatan kerja", "labour force"), LABOUR_FORCE),
    (("penduduk bekerja", "penduduk yang bekerja", "employed persons"), EMPLOYED),
)
POTENSI_WORD = "potensi"  # a printed basis naming it (potensi pekerja, potensi tenaga kerja …) is a potensi base
NEAR_MONTHS = config.OLD_FIGURE_MONTHS  # a potensi base and an employed figure this close are paired
RATIO_LEVEL = 0.9  # as the trend projections' prediction intervals
MINIMUM_RATIO_REGIONS = 3  # as a trend's minimum points: fewer give no estimate
GROWTH_MONTH = "08"  # the August rounds of Sakernas


@dataclass(frozen=True)
class OfficialBase:
    """One row of the labour-force table: a region's own BPS figure of one survey round (employed
    persons, labour force) or its mid-year population."""

    region_code: str
    region_name: str
    value: float
    as_of: str  # the survey month, 2024-08
    as_printed: str
    outlet: str
    url: str
    indicator: str = EMPLOYED

    @classmethod
    def of(cls, row) -> OfficialBase:
        return cls(
            row["region_code"],
            row["region_name"],
            float(row["value"]),
            row["as_of"],
            row["value_as_printed"],
            row["outlet"],
            row["url"],
            row["indicator"],
        )


@dataclass(frozen=True)
class RatioPair:
    """One region's printed potensi base and its BPS employed persons of a near period."""

    region_code: str
    region_name: str
    potensi: float
    potensi_as_of: str
    basis: str
    source_id: str
    employed: OfficialBase

    @property
    def ratio(self) -> float:
        return self.potensi / self.employed.value


@dataclass(frozen=True)
class SharePair:
    """One region's employed persons per inhabitant ÷ its parent's (a kabupaten/kota's province, a
    province's nation), of one round."""

    region_code: str
    region_name: str
    employed: OfficialBase
    population: OfficialBase
    parent_employed: OfficialBase
    parent_population: OfficialBase

    @property
    def ratio(self) -> float:
        own = self.employed.value / self.population.value
        return own / (self.parent_employed.value / self.parent_population.value)


@dataclass(frozen=True)
class Ratio:
    """Potensi pekerja ÷ BPS employed persons over ``pairs``: the mean and a ``level`` prediction
    interval for one more region's ratio."""

    estimate: float
    low: float
    high: float
    pairs: tuple[RatioPair, ...] | tuple[SharePair, ...]
    level: float = RATIO_LEVEL

    @property
    def regions(self) -> int:
        return len(self.pairs)

    @property
    def relative_half(self) -> float:
        """The interval's upper half-width as a share of the estimate (the interval is symmetric
        unless its lower end was cut at zero)."""
        return (self.high - self.estimate) / self.estimate


@dataclass(frozen=True)
class SharedBase:
    """A region's base estimated from its parent's (a kabupaten/kota's province, a province's
    nation; see the module): ``parent`` × the population share × ``factor``, its range at the
    factor's interval."""

    parent: OfficialBase  # the parent's BPS base (employed persons or labour force) of one round
    population: OfficialBase  # the region's mid-year population
    parent_population: OfficialBase  # the parent's, of a date near it
    factor: Ratio
    indicator: str = EMPLOYED  # the province's base: EMPLOYED or LABOUR_FORCE

    @property
    def share(self) -> float:
        return self.population.value / self.parent_population.value

    @property
    def value(self) -> float:
        return self.parent.value * self.share * self.factor.estimate


@dataclass(frozen=True)
class EmployedCoverage:
    """Active participants ÷ BPS employed persons of the period nearest the participants' date."""

    participants: float
    participants_as_printed: str
    participants_as_of: str
    source_id: str
    employed: OfficialBase

    @property
    def percent(self) -> float:
        return self.participants / self.employed.value * 100


def months_apart(first: str, second: str) -> int:
    """Whole months between the ends of two periods, either way round.

    >>> months_apart("2025-06", "2024-08"), months_apart("2024-09-24", "2024-08")
    (10, 1)
    """
    return abs(months_between(first, second))


def is_potensi(basis: str) -> bool:
    """Whether a printed basis is a *potensi* base (the workers who could become participants).

    >>> is_potensi("potensi tenaga kerja (BPS 2025)"), is_potensi("penduduk bekerja"), is_potensi("")
    (True, False, False)
    """
    return POTENSI_WORD in str(basis).lower()


def _employed(labour_force: pd.DataFrame, code: str, indicator: str = EMPLOYED) -> pd.DataFrame:
    return labour_force[(labour_force["region_code"] == code) & (labour_force["indicator"] == indicator)]


def latest_population(code: str, labour_force: pd.DataFrame) -> OfficialBase | None:
    """The region's own newest mid-year population (None without one)."""
    rows = _employed(labour_force, code, POPULATION).sort_values("as_of")
    return OfficialBase.of(rows.iloc[-1]) if len(rows) else None


def named_official(basis: str) -> str | None:
    """The BPS base a printed basis names (its labour_force.csv indicator), None for any other
    (a *potensi* base, one not stated).

    >>> named_official("angkatan kerja"), named_official("Penduduk bekerja (BPS)"), named_official("potensi pekerja")
    ('labour_force', 'employed_persons', None)
    """
    lowered = basis.lower()
    return next((indicator for words, indicator in OFFICIAL_BASIS_WORDS if any(w in lowered for w in words)), None)


def official_base(
    code: str, labour_force: pd.DataFrame, near: str, within: int | None = None, indicator: str = EMPLOYED
) -> OfficialBase | None:
    """The region's own BPS base (employed persons unless ``indicator`` says otherwise) of the round
    nearest the period ``near`` (a tie goes to the later round); None without one, or none ``within``
    months when that is given.

    Examples
    --------
    >>> lf = pd.DataFrame({"region_code": ["16.06"] * 2, "region_name": ["Kabupaten Musi Banyuasin"] * 2,
    ...     "indicator": [EMPLOYED] * 2, "value": [328_480.0, 322_580.0], "as_of": ["2023-08", "2024-08"],
    ...     "value_as_printed": ["328,48 ribu", "322,58 ribu"], "outlet": ["BPS"] * 2, "url": ["u"] * 2})
    >>> official_base("16.06", lf, "2025-07").value, official_base("12.10", lf, "2025-07")
    (322580.0, None)
    >>> official_base("16.06", lf, "2026-12", within=12) is None
    True
    """
    rows = _employed(labour_force, code, indicator)
    if rows.empty:
        return None
    distance = rows["as_of"].map(lambda as_of: months_apart(as_of, near))
    ends = rows["as_of"].map(period_end)
    rows = rows.assign(_distance=distance, _end=ends).sort_values(["_distance", "_end"], ascending=[True, False])
    best = rows.iloc[0]
    if within is not None and best["_distance"] > within:
        return None
    return OfficialBase.of(best)


def ratio_pairs(observations: pd.DataFrame, labour_force: pd.DataFrame) -> tuple[RatioPair, ...]:
    """Every region (the nation left out) with a printed total potensi base and its own BPS
    employed persons within ``NEAR_MONTHS``: one pair per region, its latest potensi base that pairs."""
    rows = observations[
        (observations["indicator"] == "workers")
        & (observations["level"] != "national")
        & (observations["group"] == "")
        & (observations["programme"] == "")
        & (observations["funding"] == "")
        & observations["basis"].map(is_potensi)
    ]
    rows = by_priority(rows).assign(_end=lambda r: r["as_of"].map(period_end))
    rows = rows.sort_values("_end", ascending=False, kind="stable")
    pairs = {}
    for _, row in rows.iterrows():
        if row["region_code"] in pairs:
            continue
        employed = official_base(row["region_code"], labour_force, row["as_of"], within=NEAR_MONTHS)
        if employed is not None:
            pairs[row["region_code"]] = RatioPair(
                row["region_code"],
                row["region_name"],
                float(row["value"]),
                row["as_of"],
                row["basis"],
                row["source_id"],
                employed,
            )
    return tuple(sorted(pairs.values(), key=lambda pair: pair.region_code))


def ratio_of(pairs: tuple[RatioPair, ...], level: float = RATIO_LEVEL) -> Ratio | None:
    """The mean ratio of ``pairs`` and its prediction interval (see the module); None with fewer
    than ``MINIMUM_RATIO_REGIONS`` pairs.

    Examples
    --------
    Three ratios 0,6, 0,7 and 0,8: mean 0,7, s = 0,1; t(0,95; 2) = 2,92; √(1 + 1/3) = 1,1547;
    0,7 ± 2,92 × 0,1 × 1,1547 = 0,7 ± 0,3372.

    >>> base = OfficialBase("x", "X", 100.0, "2024-08", "100", "BPS", "u")
    >>> pairs = tuple(RatioPair(c, c, v, "2024-09", "potensi pekerja", "s", base) for c, v in
    ...               (("a", 60.0), ("b", 70.0), ("c", 80.0)))
    >>> ratio = ratio_of(pairs)
    >>> round(ratio.estimate, 4), round(ratio.low, 4), round(ratio.high, 4), ratio.regions
    (0.7, 0.3628, 1.0372, 3)
    >>> ratio_of(pairs[:2]) is None
    True
    """
    if len(pairs) < MINIMUM_RATIO_REGIONS:
        return None
    from scipy.stats import t  # imported here: only a region without a printed base needs it

    ratios = [pair.ratio for pair in pairs]
    n = len(ratios)
    mean = sum(ratios) / n
    spread = math.sqrt(sum((r - mean) ** 2 for r in ratios) / (n - 1))
    half = float(t.ppf((1 + level) / 2, n - 1)) * spread * math.sqrt(1 + 1 / n)
    return Ratio(mean, max(mean - half, 0.0), mean + half, tuple(pairs), level)


def _once_per_table(compute):
    """``compute(*tables)`` once for the same table objects: every region's model asks for the same
    ratio of the same processed tables, which are shared and never changed (ucjlib.data.processed).

    >>> calls = []
    >>> rows = _once_per_table(lambda table: calls.append(1) or len(table))
    >>> table = pd.DataFrame({"a": [1, 2]})
    >>> rows(table), rows(table), rows(pd.DataFrame({"a": [1]})), len(calls)
    (2, 2, 1, 2)
    """
    found: dict[tuple, tuple[tuple, object]] = {}

    @functools.wraps(compute)
    def once(*tables: pd.DataFrame, **options):
        key = (*map(id, tables), *sorted(options.items()))
        held = found.get(key)
        if held is None or any(ref() is not table for ref, table in zip(held[0], tables, strict=True)):
            held = tuple(weakref.ref(table) for table in tables), compute(*tables, **options)
            found[key] = held
        return held[1]

    return once


@_once_per_table
def potensi_ratio(observations: pd.DataFrame, labour_force: pd.DataFrame) -> Ratio | None:
    """The potensi ratio from every region where both bases are known (see the module)."""
    return ratio_of(ratio_pairs(observations, labour_force))


def official_growth(code: str, province_code: str, labour_force: pd.DataFrame) -> Growth:
    """Yearly growth of the region's BPS employed persons (compound, between its earliest and
    latest August rounds), else of its province's, else of the nation's; ``Growth()`` (none) where
    none of them has two August rounds.

    Examples
    --------
    Musi Banyuasin: 318.100 employed in August 2021, 322.580 in August 2024:
    (322.580 ÷ 318.100)^(1/3) − 1 = 1,014084^(1/3) − 1 = 0,4673% a year.

    >>> lf = pd.DataFrame({"region_code": ["16.06", "16.06", "16"], "region_name": ["Muba", "Muba", "Sumsel"],
    ...     "indicator": [EMPLOYED] * 3, "value": [318_100.0, 322_580.0, 4_380_000.0],
    ...     "as_of": ["2021-08", "2024-08", "2023-08"], "value_as_printed": ["318.100", "322,58 ribu", "4,38 juta"],
    ...     "outlet": ["BPS", "Databoks", "Antara"], "url": ["u1", "u2", "u3"]})
    >>> growth = official_growth("16.06", "16", lf)
    >>> round(growth.rate * 100, 4), growth.origin, growth.first_year, growth.last_year, growth.series
    (0.4673, 'official', 2021, 2024, 'Muba')
    >>> [(base.as_printed, base.outlet) for base in growth.rounds]  # the rounds it rests on, each with its page
    [('318.100', 'BPS'), ('322,58 ribu', 'Databoks')]
    >>> official_growth("16.01", "16", lf).origin  # Sumatera Selatan has one August round only
    'none'
    """
    for candidate in dict.fromkeys(c for c in (code, province_code, NATION) if c):
        rows = _employed(labour_force, candidate)
        rows = rows[rows["as_of"].str.endswith("-" + GROWTH_MONTH)].sort_values("as_of")
        if len(rows) < 2:
            continue
        first, last = rows.iloc[0], rows.iloc[-1]
        years = int(last["as_of"][:4]) - int(first["as_of"][:4])
        rate = (float(last["value"]) / float(first["value"])) ** (1 / years) - 1
        return Growth(
            float(rate),
            "official",
            int(first["as_of"][:4]),
            int(last["as_of"][:4]),
            last["region_name"],
            (OfficialBase.of(first), OfficialBase.of(last)),
        )
    return Growth()


def coverage_on_employed(figures: pd.DataFrame, labour_force: pd.DataFrame, code: str) -> EmployedCoverage | None:
    """The region's latest printed total of active participants ÷ its own BPS employed persons of the
    round nearest that count's date (None without both)."""
    rows = figures[
        (figures["indicator"] == "active_participants")
        & (figures["group"] == "")
        & (figures["programme"] == "")
        & (figures["funding"] == "")
    ]
    if rows.empty:
        return None
    rows = by_priority(rows).assign(_end=lambda r: r["as_of"].map(period_end))
    latest = rows.sort_values("_end", ascending=False, kind="stable").iloc[0]
    employed = official_base(code, labour_force, latest["as_of"])
    if employed is None:
        return None
    return EmployedCoverage(
        float(latest["value"]), latest["value_as_printed"], latest["as_of"], latest["source_id"], employed
    )


def _populations(labour_force: pd.DataFrame, code: str, province_code: str, near: str) -> tuple | None:
    """The region's and its province's mid-year populations: the pair of dates closest together (at
    most ``NEAR_MONTHS`` apart), then the nearest ``near`` (a tie goes to the later); None without
    such a pair. A share of a province's people moves little from year to year (about a point of
    itself over a year), so the pair need not be of the same date.

    >>> lf = pd.DataFrame({"region_code": ["81.04", "81", "81"], "indicator": [POPULATION] * 3,
    ...     "value": [139_410.0, 1_908_753.0, 1_945_648.0], "as_of": ["2023-12", "2023-06", "2024-06"],
    ...     "region_name": "", "value_as_printed": "", "outlet": "", "url": ""})
    >>> [base.as_of for base in _populations(lf, "81.04", "81", "2024-08")]  # six months apart either way: the later
    ['2023-12', '2024-06']
    """
    own, province = (_employed(labour_force, c, POPULATION) for c in (code, province_code))
    pairs = [
        (months_apart(a, b), months_apart(a, near), -period_end(a).toordinal(), -period_end(b).toordinal(), i, j)
        for i, a in enumerate(own["as_of"])
        for j, b in enumerate(province["as_of"])
        if months_apart(a, b) <= NEAR_MONTHS
    ]
    if not pairs:
        return None
    *_, i, j = min(pairs)
    return OfficialBase.of(own.iloc[i]), OfficialBase.of(province.iloc[j])


def parent_of(code: str, province_code: str) -> str | None:
    """The region a region's base is shared out from: a kabupaten/kota's province, a province's
    nation; None for the nation.

    >>> parent_of("18.02", "18"), parent_of("93", "93"), parent_of(NATION, "")
    ('18', '00', None)
    """
    if code == NATION or not province_code:
        return None
    return NATION if code == province_code else province_code


def share_pairs(labour_force: pd.DataFrame, provinces: bool = False) -> tuple[SharePair, ...]:
    """Every kabupaten/kota (every province when ``provinces``) with its own BPS employed persons,
    its parent's (:func:`parent_of`) of the same round, and both populations (as
    :func:`_populations` pairs them, near that round): one pair per region, its latest round that pairs."""
    wanted = labour_force[labour_force["indicator"].isin((EMPLOYED, POPULATION))]
    levels = ("province",) if provinces else ("regency", "city")
    employed = wanted[(wanted["indicator"] == EMPLOYED) & wanted["level"].isin(levels)]
    employed = employed.assign(_end=employed["as_of"].map(period_end)).sort_values("_end", ascending=False)
    pairs = {}
    for _, row in employed.iterrows():
        code, parent = row["region_code"], parent_of(row["region_code"], row["province_code"])
        if code in pairs or parent is None:
            continue
        above = wanted[
            (wanted["region_code"] == parent) & (wanted["indicator"] == EMPLOYED) & (wanted["as_of"] == row["as_of"])
        ]
        if above.empty:
            continue
        populations = _populations(wanted, code, parent, row["as_of"])
        if populations is not None:
            own = OfficialBase.of(row)
            pairs[code] = SharePair(
                code, row["region_name"], own, populations[0], OfficialBase.of(above.iloc[0]), populations[1]
            )
    return tuple(sorted(pairs.values(), key=lambda pair: pair.region_code))


@_once_per_table
def share_factor(labour_force: pd.DataFrame, provinces: bool = False) -> Ratio | None:
    """The share factor over every kabupaten/kota (every province when ``provinces``) where it is
    known (see the module), with its prediction interval; None with fewer than ``MINIMUM_RATIO_REGIONS``."""
    return ratio_of(share_pairs(labour_force, provinces=provinces))


def shared_base(
    code: str, province_code: str, labour_force: pd.DataFrame, near: str, factor: Ratio, indicator: str = EMPLOYED
) -> SharedBase | None:
    """A region's base (employed persons unless ``indicator`` says otherwise) estimated from its
    parent's (:func:`parent_of`: a kabupaten/kota's province, a province's nation) of the round
    nearest ``near`` with the share ``factor`` of its level (see the module); None for the nation, or
    without the parent's base or the two populations.

    Examples
    --------
    A province of 1.000.000 employed persons (August 2024) and 2.000.000 inhabitants (mid-2024); its
    kabupaten of 300.000 inhabitants; a factor of 0,9: 1.000.000 × 0,15 × 0,9 = 135.000.

    >>> rows = [("61", "61", EMPLOYED, 1_000_000.0, "2024-08"), ("61", "61", POPULATION, 2_000_000.0, "2024-06"),
    ...         ("61.01", "61", POPULATION, 300_000.0, "2024-06")]
    >>> lf = pd.DataFrame(rows, columns=["region_code", "province_code", "indicator", "value", "as_of"])
    >>> lf = lf.assign(region_name=lf["region_code"], value_as_printed="", outlet="BPS", url="u")
    >>> base = shared_base("61.01", "61", lf, "2025-08", Ratio(0.9, 0.8, 1.0, ()))
    >>> round(base.share, 4), round(base.value), base.parent.as_of, base.population.as_of
    (0.15, 135000, '2024-08', '2024-06')
    >>> shared_base("61", "61", lf, "2025-08", Ratio(0.9, 0.8, 1.0, ())) is None  # the nation has no rows here
    True
    """
    parent = parent_of(code, province_code)
    if parent is None:
        return None
    above = official_base(parent, labour_force, near, indicator=indicator)
    if above is None:
        return None
    populations = _populations(labour_force, code, parent, above.as_of)
    if populations is None:
        return None
    return SharedBase(above, populations[0], populations[1], factor, indicator)
