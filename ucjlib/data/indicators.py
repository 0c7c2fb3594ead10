"""The indicator vocabulary: one definition per indicator, read from ``indicators.csv``.

Reports and notebooks render these titles and definitions rather than retyping them. The
``title`` column is English and is the message id of the title in the catalogs
(:mod:`ucjlib.i18n`), which translate it.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from ucjlib.i18n import gettext_for
from ucjlib.paths import PACKAGE_DIR

UNITS = {"percent", "persons", "rupiah", "points", "claims", "villages", "rank", "programmes"}


@lru_cache(maxsize=1)
def indicators() -> pd.DataFrame:
    """The vocabulary as a frame indexed by indicator id.

    Examples
    --------
    >>> indicators().loc["ucj_coverage", "unit"]
    'percent'
    """
    table = pd.read_csv(PACKAGE_DIR / "indicators.csv", dtype=str, keep_default_na=False)
    table["max_value"] = pd.to_numeric(table["max_value"].replace("", None))
    return table.set_index("indicator")


def title(indicator: str, language: str = "id") -> str:
    """The indicator's title in the report language.

    Examples
    --------
    >>> title("ucj_coverage", "en"), title("ucj_coverage", "id")
    ('UCJ coverage', 'Cakupan UCJ')
    """
    return gettext_for(language)(indicators().loc[indicator, "title"])
