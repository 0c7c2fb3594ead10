"""Every path the project uses, derived from the package's own location.

Set the environment variable ``UCJ_ROOT`` to point the whole project at another tree
(tests and the end-to-end render use this to work on a temporary copy of the data).
Notebooks and tests import paths from here instead of spelling them, because papermill
and nbval start kernels in different working directories.
"""

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT_VARIABLE = "UCJ_ROOT"


def root() -> Path:
    """The project root: ``$UCJ_ROOT`` if set, else the folder holding ``ucjlib/``."""
    return Path(os.environ.get(ROOT_VARIABLE) or PACKAGE_DIR.parent).resolve()


def raw_dir() -> Path:
    return root() / "data" / "raw"


def processed_dir() -> Path:
    return root() / "data" / "processed"


def reports_dir(output: str | os.PathLike | None = None) -> Path:
    """Where reports go: ``output`` (relative to the working directory, as a command line reads
    it) when given, else ``reports/`` of the project root."""
    return Path(output).resolve() if output else root() / "reports"


def boundaries_file() -> Path:
    """The region boundaries shipped with the project (converted once; see its README)."""
    return PACKAGE_DIR.parent / "data" / "boundaries" / "regions.geojson"


def notebooks_dir() -> Path:
    return PACKAGE_DIR.parent / "notebooks"


RAW_FILES = {
    "observations": "observations.csv",
    "sources": "sources.csv",
    "regions": "regions.csv",
    "aliases": "region_aliases.csv",
    "legal": "legal_references.csv",
    "labour_force": "labour_force.csv",
    "regional_budgets": "regional_budgets.csv",
}


def raw_file(name: str) -> Path:
    """Path of one raw input, by its short name (see ``RAW_FILES``)."""
    return raw_dir() / RAW_FILES[name]


def processed_observations() -> Path:
    return processed_dir() / "observations.csv"


def processed_checks() -> Path:
    return processed_dir() / "checks.csv"


def processed_legal() -> Path:
    return processed_dir() / "legal_references.csv"


def processed_labour_force() -> Path:
    return processed_dir() / "labour_force.csv"


def processed_regional_budgets() -> Path:
    return processed_dir() / "regional_budgets.csv"


def shown_path(path: Path) -> str:
    """A path as messages show it: relative to the project root when inside it."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(root()))
    except ValueError:
        return str(path)
