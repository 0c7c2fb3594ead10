"""Reading ``data/processed/``: the build's outputs, typed, for notebooks and reports.

Kept apart from the build so that reading the data does not import the validation stack.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

from ucjlib import config, paths
from ucjlib.errors import UCJError
from ucjlib.files import file_stamp

# Optional columns that tell figures of one indicator apart.
# "reading" is empty for an ordinary figure; otherwise it says how the printed text was
# read (see ucjlib.data.parse.Figure.reading), for the data-quality section of a report.
QUALIFIERS = ["programme", "group", "basis", "funding", "yardstick"]
# Every processed table's figure: its region, indicator and value as read (ucjlib.data.build).
FIGURE_COLUMNS = [
    "region_code",
    "region_name",
    "level",
    "province_code",
    "province_name",
    "indicator",
    "value",
    "unit",
    "value_as_printed",
    "approximate",
    "bound",
    "reading",
]
PROCESSED_COLUMNS = [
    *FIGURE_COLUMNS,
    "as_of",
    *QUALIFIERS,
    "group_en",
    "basis_en",
    "yardstick_en",
    "source_id",
    "outlet",
    "published",
    "source_title_id",
    "source_title_en",
    "source_url",
    "source_note_id",
    "source_note_en",
    "checked",
    "note_id",
    "note_en",
    "raw_line",
]

# The official labour-force bases (data/raw/labour_force.csv), parsed and resolved.
# The page each figure of a one-figure-a-page table was read in.
PAGE_COLUMNS = ["outlet", "published", "url", "checked", "note_id", "note_en", "raw_line"]
LABOUR_FORCE_PROCESSED_COLUMNS = [*FIGURE_COLUMNS, "as_of", *PAGE_COLUMNS]

# Regional budgets (data/raw/regional_budgets.csv), parsed and resolved: one printed APBD total a row.
REGIONAL_BUDGET_PROCESSED_COLUMNS = [*FIGURE_COLUMNS, "year", *PAGE_COLUMNS]


def source_rank(url: str) -> int:
    """The rank of a source (lower first) when two figures for one month disagree: an official
    release, a page on a government domain (``.go.id``), before news (config.SOURCE_RANKS).
    The one rule both the headline (ucjlib.model.region) and the same-month check use.

    >>> source_rank("https://binjaikota.go.id/rilis"), source_rank("https://www.antaranews.com/x"), source_rank("")
    (0, 1, 1)
    """
    host = (urlsplit(str(url)).hostname or "") if url else ""
    return config.SOURCE_RANKS["official" if host.endswith(config.OFFICIAL_DOMAIN) else "news"]


def by_priority(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with the source's rank first, then the row's place in the raw file: the order in
    which figures for the same period are preferred."""
    urls = rows["source_url"] if "source_url" in rows.columns else pd.Series("", index=rows.index)
    return (
        rows.assign(_rank=urls.map(source_rank)).sort_values(["_rank", "raw_line"], kind="stable").drop(columns="_rank")
    )


# A region's total is a figure with no group, programme or funding qualifier: a coverage of civil
# servants only is not the region's coverage.
TOTAL_QUALIFIERS = ("group", "programme", "funding")


def is_total(rows: pd.DataFrame) -> np.ndarray:
    """Which of ``rows`` are region totals, as a numpy mask (the checks call it for every small group)."""
    mask = np.ones(len(rows), dtype=bool)
    for column in TOTAL_QUALIFIERS:
        mask &= rows[column].to_numpy() == ""
    return mask


def totals(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows that are region totals: no group, programme or funding qualifier."""
    return rows[is_total(rows)]


# A spreadsheet runs a cell that starts with one of these as a formula. The build writes such
# a text with a leading apostrophe (which spreadsheets hide); reading takes it off again.
FORMULA_STARTS = ("=", "+", "-", "@")


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula, prefixed with an apostrophe.

    Examples
    --------
    >>> spreadsheet_safe(pd.DataFrame({"note": ["=HYPERLINK(1)", "fine"], "value": [-1.5, 2.0]})).to_dict("list")
    {'note': ["'=HYPERLINK(1)", 'fine'], 'value': [-1.5, 2.0]}
    """
    text = [column for column in frame.columns if not pd.api.types.is_numeric_dtype(frame[column])]
    return frame.assign(
        **{
            column: frame[column].map(
                lambda cell: f"'{cell}" if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell
            )
            for column in text
        }
    )


def _read(path: Path, **options) -> pd.DataFrame:
    """Read a processed CSV, taking off the apostrophe :func:`spreadsheet_safe` added."""
    frame = pd.read_csv(path, keep_default_na=False, **options)
    text = [column for column in frame.columns if not pd.api.types.is_numeric_dtype(frame[column])]
    return frame.assign(
        **{
            column: frame[column].map(
                lambda cell: (
                    cell[1:]
                    if isinstance(cell, str) and cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS)
                    else cell
                )
            )
            for column in text
        }
    )


def load_checks(path: Path | None = None) -> pd.DataFrame:
    """Read ``data/processed/checks.csv``: numbers as floats (empty where not applicable)."""
    path = path or paths.processed_checks()
    if not path.exists():
        raise FileNotFoundError(f"{paths.shown_path(path)} does not exist yet: run `python -m ucjlib build` first")
    numbers = ["recomputed", "printed", "difference", "tolerance"]
    frame = _read(path, dtype=str)
    return frame.assign(**{column: pd.to_numeric(frame[column].replace("", None)) for column in numbers})


def load_processed(path: Path | None = None) -> pd.DataFrame:
    """Read ``data/processed/observations.csv`` with the right types."""
    return _read_figures(path or paths.processed_observations(), PROCESSED_COLUMNS)


def load_labour_force(path: Path | None = None) -> pd.DataFrame:
    """Read ``data/processed/labour_force.csv`` with the right types."""
    return _read_figures(path or paths.processed_labour_force(), LABOUR_FORCE_PROCESSED_COLUMNS)


def load_regional_budgets(path: Path | None = None) -> pd.DataFrame:
    """Read ``data/processed/regional_budgets.csv`` with the right types (the budget year an integer)."""
    return _read_figures(path or paths.processed_regional_budgets(), REGIONAL_BUDGET_PROCESSED_COLUMNS, {"year": int})


def _read_figures(path: Path, columns, numbers: dict | None = None) -> pd.DataFrame:
    """A processed table of figures: text columns, and the number, approximation flag and raw line
    typed (and any other ``numbers``: column → type)."""
    if not path.exists():
        raise FileNotFoundError(f"{paths.shown_path(path)} does not exist yet: run `python -m ucjlib build` first")
    typed = {"value": float, "approximate": bool, "raw_line": int, **(numbers or {})}
    frame = _read(path, dtype={c: str for c in columns if c not in typed})
    return frame.astype(typed)


@dataclass(frozen=True)
class Processed:
    """The processed tables every model reads."""

    observations: pd.DataFrame
    checks: pd.DataFrame
    legal: pd.DataFrame
    version: str = ""  # the first 12 hex digits of the SHA-256 of the files: the data version reports cite
    labour_force: pd.DataFrame = field(default_factory=pd.DataFrame)  # the official bases (BPS)


# The build writes this last: the SHA-256 of each file it wrote. Readers refuse files that do
# not match it, so an interrupted build never lets reports mix files of two builds.
GENERATION = "generation.json"


def generation(files: dict[str, bytes]) -> str:
    """The generation stamp's text for the files a build wrote (name → content)."""
    return json.dumps({name: hashlib.sha256(data).hexdigest() for name, data in sorted(files.items())}, indent=1) + "\n"


def _check_generation(contents: dict[Path, bytes]) -> None:
    folder = next(iter(contents)).parent
    stamp = folder / GENERATION
    try:
        recorded = json.loads(stamp.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        recorded = {}
    for path, data in contents.items():
        if recorded.get(path.name) != hashlib.sha256(data).hexdigest():
            raise UCJError(
                f"{paths.shown_path(path)} is not the file the last build wrote ({paths.shown_path(stamp)} "
                "records another or is missing): an interrupted build? Run `python -m ucjlib build` again"
            )


@functools.lru_cache(maxsize=2)
def _load_all(*stamps: tuple) -> Processed:
    observations, checks, legal, labour_force = (Path(stamp[0]) for stamp in stamps[:4])
    contents = {path: path.read_bytes() for path in (observations, checks, legal, labour_force)}
    _check_generation(contents)
    digest = hashlib.sha256()
    for data in contents.values():
        digest.update(data)
    return Processed(
        load_processed(observations),
        load_checks(checks),
        _read(legal, dtype=str),
        digest.hexdigest()[:12],
        load_labour_force(labour_force),
    )


def load_all() -> Processed:
    """All processed tables, read once per process for as long as the files are unchanged
    (a warm kernel renders many regions from one read)."""
    files = (
        paths.processed_observations(),
        paths.processed_checks(),
        paths.processed_legal(),
        paths.processed_labour_force(),
    )
    for path in files + (paths.processed_dir() / GENERATION,):
        if not path.exists():
            raise FileNotFoundError(f"{paths.shown_path(path)} does not exist yet: run `python -m ucjlib build` first")
    return _load_all(*(file_stamp(path) for path in files + (paths.processed_dir() / GENERATION,)))


def membership_segments(figures: pd.DataFrame) -> pd.DataFrame:
    """The participants by membership segment among ``figures`` (PU, BPU, Jakon, PMI); a
    source that names its non-wage earners "the informal sector" gives them as that sector."""
    rows = figures[figures["indicator"] == "participants_by_group"]
    segments = rows[rows["group"].isin(config.SEGMENT_GROUPS)]
    if not (segments["group"] == config.NON_WAGE_SEGMENT).any():
        segments = pd.concat([segments, rows[rows["group"] == config.INFORMAL_SECTOR]])
    return segments
