"""The one set-up call every research notebook starts with."""

from __future__ import annotations

import datetime as dt
import warnings

import pandas as pd

from ucjlib.data.processed import Processed, load_all
from ucjlib.model.region import Assumptions, RegionModel, model_from

# The four regions the project started from, as the notebooks name them.
SEED_REGIONS = ("Labuhanbatu", "Binjai", "Muba", "Lampung")
# The date the notebooks' advice (budget years, missed targets, ages of figures) is dated from:
# fixed, so that their committed outputs stay comparable (nbval); move it when refreshing them.
ANALYSIS_DATE = dt.date(2026, 12, 6)
ANALYSIS = Assumptions(as_of=ANALYSIS_DATE)


def setup() -> Processed:
    """Quiet library deprecation notices (they differ between machines, and nbval compares
    outputs), show whole tables, and return the processed data."""
    warnings.filterwarnings("ignore")
    pd.set_option("display.max_rows", 200)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.max_colwidth", None)
    return load_all()


def all_models(processed: Processed, assumptions: Assumptions = ANALYSIS) -> list[RegionModel]:
    """The model of every region with data, the nation first, then by Kemendagri code."""
    codes = sorted(set(processed.observations["region_code"]), key=lambda code: (code != "00", code))
    return [model_from(processed, code, assumptions) for code in codes]
