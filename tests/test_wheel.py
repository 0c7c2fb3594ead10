"""The wheel pip builds from this project carries every module, template, catalog and CSV of
``ucjlib``, and setuptools builds it without warning about the data folders (issue 26 §3).

The wheel is built from a copy of the sources, so a stale ``build/`` folder in the work tree
can neither hide a missing file nor be left behind. The build takes several seconds and needs
the package index for setuptools (as every install does)."""

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

import ucjlib
from ucjlib import paths

ROOT = Path(paths.PACKAGE_DIR).parent
DATA_FOLDERS = ("templates", "locale")


def package_files():
    """Paths (as in the wheel) of every file the package must carry: its modules, every file
    under its data folders and its CSV files."""
    package = ROOT / "ucjlib"
    files = set(package.rglob("*.py")) | set(package.glob("*.csv"))
    for folder in DATA_FOLDERS:
        files |= {f for f in (package / folder).rglob("*") if f.is_file()}
    return sorted(f.relative_to(ROOT).as_posix() for f in files if "__pycache__" not in f.parts)


@pytest.fixture(scope="module")
def built_wheel(tmp_path_factory):
    """(path of the wheel, pip's verbose output) for a wheel built from a copy of the sources."""
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("wheel")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "ucjlib", source / "ucjlib", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-v",
            "--no-deps",
            "--disable-pip-version-check",
            "-w",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    wheels = list(out.glob("ucjlib-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0], run.stdout + run.stderr


def test_the_wheel_carries_every_module_template_catalog_and_csv(built_wheel):
    names = set(zipfile.ZipFile(built_wheel[0]).namelist())
    expected = package_files()
    assert {
        "ucjlib/templates/chart.svg",
        "ucjlib/templates/report.html",
        "ucjlib/indicators.csv",
        "ucjlib/locale/id/LC_MESSAGES/ucjlib.po",
        "ucjlib/locale/en/LC_MESSAGES/ucjlib.po",
    } <= set(expected)
    assert [name for name in expected if name not in names] == []


def test_setuptools_builds_the_wheel_without_warning_about_the_data_folders(built_wheel):
    output = built_wheel[1]
    assert "absent from the `packages` configuration" not in output
    assert "SetuptoolsDeprecationWarning" not in output


def test_the_version_is_written_once_in_pyproject():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert ucjlib.__version__ == version
    assert '__version__ = "' not in (ROOT / "ucjlib" / "__init__.py").read_text(encoding="utf-8")


def test_the_wheel_is_named_with_that_version(built_wheel):
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert built_wheel[0].name.startswith(f"ucjlib-{version}-")
