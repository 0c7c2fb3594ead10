"""ucjlib: cleaning, metrics and reports for Universal Coverage Jamsostek (UCJ) research.

The public API is re-exported here; notebooks import from ``ucjlib`` only.
"""

from importlib.metadata import version as _version

from ucjlib.contributions import budget_cost, workers_for_budget
from ucjlib.data.indicators import indicators, title
from ucjlib.data.parse import Figure, parse_date, parse_figure, parse_number, parse_period
from ucjlib.data.regions import RegionTable
from ucjlib.errors import InputError, ParseError, RegionError, UCJError
from ucjlib.formatting import format_date, format_number, format_percent, format_points, format_rupiah
from ucjlib.metrics import (
    attainment,
    coverage_rate,
    gap_persons,
    gap_points,
    implied_months,
    implied_workers,
    participants_needed_per_year,
    rule_target,
    uncovered_workers,
    years_to_target,
)

__all__ = [
    "budget_cost",
    "workers_for_budget",
    "indicators",
    "title",
    "Figure",
    "parse_date",
    "parse_figure",
    "parse_number",
    "parse_period",
    "RegionTable",
    "InputError",
    "ParseError",
    "RegionError",
    "UCJError",
    "format_date",
    "format_number",
    "format_percent",
    "format_points",
    "format_rupiah",
    "attainment",
    "coverage_rate",
    "gap_persons",
    "gap_points",
    "implied_months",
    "implied_workers",
    "participants_needed_per_year",
    "rule_target",
    "uncovered_workers",
    "years_to_target",
    "__version__",
]

__version__ = _version("ucjlib")  # the one version is in pyproject.toml
