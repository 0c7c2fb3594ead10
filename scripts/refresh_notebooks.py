"""Re-execute every exploration notebook (``notebooks/[0-9]*.ipynb``) in place.

This is how the committed outputs are refreshed after the data changed:

    .venv/bin/python -m ucjlib build              # data/raw/ -> data/processed/
    .venv/bin/python scripts/refresh_notebooks.py  # re-run notebooks/01-…, 02-…, 03-…

Each notebook runs in a fresh ``python3`` kernel started in the notebooks folder (as
Jupyter would), with a 600-second timeout per cell. No timing metadata is recorded, so
that a refresh changes only what the data changed. The report template
(``notebooks/report-region.ipynb``) is not an exploration notebook and is left alone.

Pass notebook names to refresh only those: ``scripts/refresh_notebooks.py 02-cross-region.ipynb``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

from ucjlib import paths

TIMEOUT_SECONDS = 600
KERNEL = "python3"


def notebooks_to_refresh(names: list[str]) -> list[Path]:
    folder = paths.notebooks_dir()
    if not names:
        return sorted(folder.glob("[0-9]*.ipynb"))
    chosen = [folder / Path(name).name for name in names]
    missing = [path.name for path in chosen if not path.exists()]
    if missing:
        raise SystemExit(f"no such notebook in {folder}: {', '.join(missing)}")
    return chosen


def refresh(path: Path) -> None:
    """Execute one notebook with its folder as working directory and save it in place."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=TIMEOUT_SECONDS,
        kernel_name=KERNEL,
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    # Record the name the installed kernelspec really has, as JupyterLab does on save,
    # so that saving a notebook in JupyterLab does not rewrite the committed metadata.
    notebook.metadata.setdefault("kernelspec", {})["display_name"] = (
        KernelSpecManager().get_kernel_spec(KERNEL).display_name
    )
    nbformat.write(notebook, path)


def main(argv: list[str]) -> int:
    for path in notebooks_to_refresh(argv):
        print(f"running {paths.shown_path(path)} ...", flush=True)
        refresh(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
