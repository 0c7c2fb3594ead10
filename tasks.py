"""Set-up and entry points for a fresh machine with only Python 3.11 and pip.

    python3 tasks.py main   # build data/processed/ and render every regional report
    python3 tasks.py test   # the whole test suite (pytest, doctests, nbval, a real browser)
    python3 tasks.py test -m exhaustive   # the sweeps over every report it leaves out (.ci/run runs both)

Each command creates the virtual environment `.venv/` when missing and re-installs the
project into it whenever `pyproject.toml` changed, then runs inside it.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".pyproject.sha256"


def ensure_environment() -> None:
    """Create .venv and install the project with its test extras if pyproject changed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("creating .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    print("installing ucjlib and its dependencies into .venv ...", flush=True)
    subprocess.run([PYTHON, "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    subprocess.run([PYTHON, "-m", "pip", "install", "-q", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def run(*args: str) -> int:
    return subprocess.run([str(PYTHON), *args], cwd=ROOT, env={**os.environ, "MPLBACKEND": "Agg"}).returncode


def main_job() -> int:
    return run("-m", "ucjlib", "build") or run("-m", "ucjlib", "reports")


def test_suite(extra: list[str]) -> int:
    # The notebooks read data/processed/, so the suite starts from a fresh build. ``extra`` goes to
    # pytest: ``-m exhaustive`` selects the tests pyproject's addopts leaves out (a later -m wins).
    # Tests run on every core (pytest-xdist), a file at a time: a notebook's cells share one kernel, so they
    # must stay on one worker (nbval's advice; work stealing could split them). The suite fits five minutes
    # on two cores.
    parallel = ("-n", "auto", "--maxprocesses", "4", "--dist", "loadfile")
    tests = run("-m", "ucjlib", "build") or run(
        "-m", "pytest", *parallel, "--nbval", "notebooks", "tests", "ucjlib", *extra
    )
    # Lint and format as configured in pyproject.toml; after the tests, so a stray space fails CI without hiding them.
    lint = run("-m", "ruff", "check", ".") or run("-m", "ruff", "format", "--check", ".")
    return tests or lint


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in {"main", "test"}:
        sys.exit(__doc__)
    ensure_environment()
    sys.exit(main_job() if sys.argv[1] == "main" else test_suite(sys.argv[2:]))
