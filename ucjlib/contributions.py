"""The contribution rule: what a segment costs a payer in a month, and under which instrument.

Every rupiah the library computes goes through :func:`pieces` (budgets of the model, scenarios,
notebooks, the command line), so a rule changes in one place: ``config.CONTRIBUTION_RULES``.
A rate a reader sets that is no package's is used as it is, named as the reader's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ucjlib import config
from ucjlib.errors import ContributionError

READER_RATE = "reader"  # the segment of a rate the reader set that matches no package


@dataclass(frozen=True)
class Piece:
    """Consecutive months paid at one rate under one instrument."""

    rate: float
    months: int
    instrument: str

    @property
    def rupiah(self) -> float:
        return self.rate * self.months


def segment_for_rate(premium_rate: float) -> str:
    """The package whose standard monthly rate is ``premium_rate``; :data:`READER_RATE` for any other.

    Examples
    --------
    >>> segment_for_rate(16_800), segment_for_rate(36_800), segment_for_rate(20_000)
    ('BPU JKK+JKM', 'BPU JKK+JKM+JHT', 'reader')
    """
    standard = {config.BPU_JKK_JKM_MONTHLY: config.BPU_JKK_JKM, config.BPU_WITH_JHT_MONTHLY: config.BPU_WITH_JHT}
    return standard.get(premium_rate, READER_RATE)


def rule_for(segment: str, payer: str, month: dt.date, sector: str = config.BUDGET_SECTOR) -> config.ContributionRule:
    """The rule in force for ``segment`` paid by ``payer`` in the month containing ``month``.

    Examples
    --------
    PP 50/2025 halves BPU JKK+JKM from April 2026 for a self-paying worker, never for an APBD:

    >>> may = dt.date(2026, 5, 1)
    >>> rule_for("BPU JKK+JKM", "self", may).monthly, rule_for("BPU JKK+JKM", "apbd", may).monthly
    (8400, 16800)
    """
    for name, value, known in (
        ("segment", segment, config.SEGMENTS),
        ("payer", payer, config.PAYERS),
        ("sector", sector, config.SECTORS),
    ):
        if value not in known:
            raise ContributionError(f"{name} must be one of {', '.join(known)}, not {value!r}")
    month = month.replace(day=1)
    for rule in config.CONTRIBUTION_RULES:
        if (
            rule.segment == segment
            and payer in rule.payers
            and (not rule.sectors or sector in rule.sectors)
            and rule.start.replace(day=1) <= month
            and (rule.end is None or month <= rule.end)
        ):
            return rule
    raise ContributionError(f"no contribution rule covers {segment} paid by {payer} ({sector}) in {month:%Y-%m}")


def _months_from(start: dt.date, months: int):
    year, month = start.year, start.month
    for _ in range(months):
        yield dt.date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def pieces(
    segment: str,
    payer: str,
    start: dt.date,
    months: int = 12,
    sector: str = config.BUDGET_SECTOR,
    reader_rate: float | None = None,
) -> tuple[Piece, ...]:
    """The months from ``start`` grouped by the rate and instrument in force: what one person costs.

    ``segment`` :data:`READER_RATE` pays ``reader_rate`` every month. A wage share (PU) is no rupiah
    rate: cost it with :func:`wage_contribution`.

    Examples
    --------
    A year of BPU JKK+JKM from January 2026: the APBD pays the full rate every month; a
    self-paying worker pays it three months, then nine discounted months.

    >>> pieces("BPU JKK+JKM", "apbd", dt.date(2026, 1, 1))
    (Piece(rate=16800, months=12, instrument='PP 44/2015'),)
    >>> [(p.rate, p.months, p.instrument) for p in pieces("BPU JKK+JKM", "self", dt.date(2026, 1, 1))]
    [(16800, 3, 'PP 44/2015'), (8400, 9, 'PP 50/2025')]
    """
    if months <= 0:
        raise ContributionError(f"months must be positive, not {months}")
    if segment == READER_RATE:
        if reader_rate is None or not reader_rate > 0:
            raise ContributionError(
                f"a rate set by the reader must be a positive number of rupiah, not {reader_rate!r}"
            )
        return (Piece(reader_rate, months, READER_RATE),)
    runs: list[Piece] = []
    for month in _months_from(start, months):
        rule = rule_for(segment, payer, month, sector)
        if not rule.monthly:
            raise ContributionError(f"{segment} is a share of the wage, not a rupiah rate: use wage_contribution")
        if runs and (runs[-1].rate, runs[-1].instrument) == (rule.monthly, rule.instrument):
            runs[-1] = Piece(rule.monthly, runs[-1].months + 1, rule.instrument)
        else:
            runs.append(Piece(rule.monthly, 1, rule.instrument))
    return tuple(runs)


def cost(
    persons: float,
    segment: str,
    payer: str,
    start: dt.date,
    months: int = 12,
    sector: str = config.BUDGET_SECTOR,
    reader_rate: float | None = None,
) -> float:
    """Rupiah to pay ``segment`` for ``persons`` over ``months`` months from ``start``.

    Examples
    --------
    Labuhanbatu's next step of 28.453 workers for 2026 out of the APBD: 28.453 × 12 × Rp16.800.

    >>> cost(28_453, "BPU JKK+JKM", "apbd", dt.date(2026, 1, 1))
    5736124800
    >>> cost(10_000, "BPU JKK+JKM", "self", dt.date(2026, 1, 1))  # 3 × 16.800 + 9 × 8.400 a person
    1260000000
    """
    return persons * sum(piece.rupiah for piece in pieces(segment, payer, start, months, sector, reader_rate))


def budget_cost(
    persons: float, start: dt.date, months: int = 12, premium_rate: float = config.BPU_JKK_JKM_MONTHLY
) -> float:
    """What the regional budget pays for ``persons`` at the package whose rate is ``premium_rate``.

    >>> budget_cost(10_000, dt.date(2026, 4, 1), 9)  # the discount window does not apply to an APBD
    1512000000
    """
    return cost(
        persons, segment_for_rate(premium_rate), config.BUDGET_PAYER, start, months, config.BUDGET_SECTOR, premium_rate
    )


def programme_premium(
    programme: str,
    start: dt.date,
    months: int = 12,
    payer: str = config.BUDGET_PAYER,
    sector: str = config.BUDGET_SECTOR,
) -> float:
    """What one BPU participant's ``programme`` (JKK or JKM) costs over ``months`` months from ``start``:
    the BPU JKK+JKM package in force each month, times the programme's part of the standard package
    (``config.BPU_PROGRAMME_MONTHLY``: JKM Rp6.800 of Rp16.800). A discounted month is taken to halve
    both parts alike.

    Examples
    --------
    A year of JKM in 2024: 12 × Rp6.800; a year of JKK: 12 × Rp10.000.

    >>> programme_premium("JKM", dt.date(2024, 1, 1)), programme_premium("JKK", dt.date(2024, 1, 1))
    (81600.0, 120000.0)
    """
    parts = config.BPU_PROGRAMME_MONTHLY
    if programme not in parts:
        raise ContributionError(f"programme must be one of {', '.join(parts)}, not {programme!r}")
    package = sum(piece.rupiah for piece in pieces(config.BPU_JKK_JKM, payer, start, months, sector))
    return package * parts[programme] / config.BPU_JKK_JKM_MONTHLY


def wage_contribution(wage: float, on: dt.date, payer: str = "employer") -> float:
    """Monthly PU contribution for a wage (lowest JKK risk class), under the rule in force on ``on``.

    >>> round(wage_contribution(3_000_000, dt.date(2026, 1, 1)))  # 9,24% of Rp3 juta
    277200
    """
    return wage * rule_for(config.PU, payer, on).wage_share / 100


def payer_of(funding: str) -> str:
    """The payer a source's funding text names: a state budget (``apbn``; ``apbd`` for a regional or
    village budget, or a transfer such as DBH spent through one), else ``other``.

    >>> payer_of("APBD Provinsi"), payer_of("DBH sawit (SILPA)"), payer_of("APBN"), payer_of("CSR perusahaan")
    ('apbd', 'apbd', 'apbn', 'other')
    """
    text = funding.upper()
    if "APBN" in text:
        return "apbn"
    return "apbd" if any(word in text for word in ("APBD", "DBH", "ANGGARAN DESA", "ANGGARAN DAERAH")) else "other"


def workers_for_budget(
    budget: float, start: dt.date, months: int = 12, premium_rate: float = config.BPU_JKK_JKM_MONTHLY
) -> float:
    """How many workers a regional budget covers for ``months`` months from ``start``: the inverse of
    :func:`budget_cost`.

    >>> workers_for_budget(2_016_000_000, dt.date(2026, 1, 1))  # Rp16.800 × 12 each, discount or not
    10000.0
    """
    return budget / budget_cost(1, start, months, premium_rate)
