"""Benchmark: what a kernel that stops answering costs a one-region report run.

    python benchmarks/hung_kernel.py
    python benchmarks/hung_kernel.py --timeout 5 --repeat 3

A copy of data/raw/ is built in a temporary folder (the project's own data/ is never touched),
Kota Binjai's Indonesian report is rendered once, then again (forced) from the real template
with one cell added that stops Binjai's kernel (SIGSTOP): both attempts run into ``--timeout``,
each kernel is killed and replaced, and the last good page stays, marked stale. Prints the
wall-clock time of that run and its excess over the two time limits (kernel starts and
kills). The test suite checks what the run does (tests/publish/test_runner.py); how long it
takes is measured here, since wall-clock time on a shared machine also counts other work.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STOP = "import os, signal\nif region == '12.75':\n    os.kill(os.getpid(), signal.SIGSTOP)\n"


def stopping_template(folder: Path) -> Path:
    """The real template with the stopping cell right after its parameters."""
    import nbformat

    notebook = nbformat.read(ROOT / "notebooks" / "report-region.ipynb", as_version=4)
    position = next(i for i, cell in enumerate(notebook.cells) if "parameters" in cell.metadata.get("tags", [])) + 1
    notebook.cells.insert(position, nbformat.v4.new_code_cell(STOP))
    path = folder / "report-region.ipynb"
    nbformat.write(notebook, path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=int, default=5, help="the report's time limit in seconds (default 5)")
    parser.add_argument("--repeat", type=int, default=1, help="hung runs to time (default 1)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ucj-hung-") as folder:
        root = Path(folder)
        shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
        os.environ.update(UCJ_ROOT=str(root), MPLBACKEND="Agg")
        subprocess.run([sys.executable, "-m", "ucjlib", "build"], check=True, capture_output=True)
        from ucjlib.publish.site import render

        out = root / "reports"
        render(out, languages=("id",), regions={"12.75"}, progress=False)
        template = stopping_template(root)
        for run in range(1, args.repeat + 1):
            started = time.monotonic()
            [result] = render(
                out,
                languages=("id",),
                regions={"12.75"},
                template=template,
                timeout=args.timeout,
                force=True,
                progress=False,
            )
            seconds = time.monotonic() - started
            assert result.stale and result.attempts == 2, result
            print(
                f"run {run}: {seconds:.1f} s wall-clock for 2 attempts of {args.timeout} s "
                f"(kernel starts and kills: {seconds - 2 * args.timeout:.1f} s); {result.error}"
            )


if __name__ == "__main__":
    main()
