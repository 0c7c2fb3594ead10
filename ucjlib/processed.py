"""Reading ``data/processed/``: the build's outputs, typed, for notebooks and reports.

Kept apart from the build so that reading the data does not import the validation stack.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import paths

# Optional columns that tell figures of one indicator apart.
# "reading" is empty for an ordinary figure; otherwise it says how the printed text was
# read (see ucjlib.parse.Figure.reading), for the data-quality section of a report.
QUALIFIERS = ["programme", "group", "basis", "funding", "yardstick"]
PROCESSED_COLUMNS = [
    "region_code", "region_name", "level", "province_code", "province_name",
    "indicator", "value", "unit", "value_as_printed", "approximate", "bound", "reading", "as_of",
    *QUALIFIERS, "source_id", "outlet", "published", "source_title", "source_url", "source_note",
    "note", "raw_line",
]


def load_checks(path: Path | None = None) -> pd.DataFrame:
    """Read ``data/processed/checks.csv``: numbers as floats (empty where not applicable)."""
    path = path or paths.processed_checks()
    if not path.exists():
        raise FileNotFoundError(f"{paths.shown_path(path)} does not exist yet: run `python -m ucjlib build` first")
    numbers = ["recomputed", "printed", "difference", "tolerance"]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return frame.assign(**{column: pd.to_numeric(frame[column].replace("", None)) for column in numbers})


def load_processed(path: Path | None = None) -> pd.DataFrame:
    """Read ``data/processed/observations.csv`` with the right types."""
    path = path or paths.processed_observations()
    if not path.exists():
        raise FileNotFoundError(f"{paths.shown_path(path)} does not exist yet: run `python -m ucjlib build` first")
    text_columns = {c: str for c in PROCESSED_COLUMNS if c not in ("value", "approximate", "raw_line")}
    frame = pd.read_csv(path, dtype=text_columns, keep_default_na=False)
    return frame.astype({"value": float, "approximate": bool, "raw_line": int})
