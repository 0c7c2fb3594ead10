"""Shared fixtures: a temporary copy of the project data with a fictional region added,
built and rendered by the real commands (papermill, nbconvert) in subprocesses."""

from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from ucjlib import paths
from ucjlib.analysis.notebook import ANALYSIS_DATE

# The day issue 25 was filed: tests of the model are dated from it (its first budget year is 2028).
REPORT_DATE = dt.date(2026, 12, 6)

# Made-up figures for a fictional region (code 99.01, province 99): 12.375 ÷ 30.000 = 41,25%.
FICTIONAL_REGIONS = [
    {
        "code": "99",
        "name": "Provinsi Uji Fiktif",
        "level": "province",
        "province_code": "99",
        "province_name": "Provinsi Uji Fiktif",
    },
    {
        "code": "99.01",
        "name": "Kabupaten Fiktif Contoh",
        "level": "regency",
        "province_code": "99",
        "province_name": "Provinsi Uji Fiktif",
    },
    # Rendered only to be removed from the master list after the build: its report must fail.
    {
        "code": "99.02",
        "name": "Kota Fiktif Hilang",
        "level": "city",
        "province_code": "99",
        "province_name": "Provinsi Uji Fiktif",
    },
]
FICTIONAL_SOURCE = {
    "source_id": "uji-fiktif",
    "outlet": "Data uji fiktif (synthetic)",
    "title_id": "Angka karangan untuk uji ujung ke ujung",
    "title_en": "Made-up figures for the end-to-end test",
    "published": "2025-06-30",
    "url": "",
    "note_id": "Data uji sintetis: bukan daerah nyata.",
    "note_en": "Synthetic test data: not a real region.",
}
FICTIONAL_OBSERVATIONS = [
    ("Kabupaten Fiktif Contoh", "ucj_coverage", "32,5%", "2023-06-30"),
    ("Kabupaten Fiktif Contoh", "ucj_coverage", "36,8%", "2024-06-30"),
    ("Kabupaten Fiktif Contoh", "ucj_coverage", "41,25%", "2025-06-30"),
    ("Kabupaten Fiktif Contoh", "active_participants", "12.375", "2025-06-30"),
    ("Kabupaten Fiktif Contoh", "workers", "30.000", "2025-06-30"),
    ("Kota Fiktif Hilang", "ucj_coverage", "20%", "2025-06-30"),
]


def _append(path: Path, rows: list[dict]) -> None:
    with path.open(encoding="utf-8") as f:
        fields = next(csv.reader(f))
    with path.open("a", newline="", encoding="utf-8") as f:
        csv.DictWriter(f, fieldnames=fields, lineterminator="\n").writerows(rows)


def add_fictional_region(raw: Path) -> None:
    """Add the fictional regions, their source and figures to a copy of data/raw/."""
    _append(raw / "regions.csv", FICTIONAL_REGIONS)
    _append(raw / "sources.csv", [FICTIONAL_SOURCE])
    # 99.01's coverage figures name their denominator, so that a trend can be fitted on them.
    named = {"basis": "angkatan kerja", "basis_en": "labour force"}
    _append(
        raw / "observations.csv",
        [
            {
                "region": region,
                "indicator": indicator,
                "value": value,
                "as_of": as_of,
                "source_id": "uji-fiktif",
                "note_id": "sintetis",
                "note_en": "synthetic",
                **(named if (region, indicator) == ("Kabupaten Fiktif Contoh", "ucj_coverage") else {}),
            }
            for region, indicator, value, as_of in FICTIONAL_OBSERVATIONS
        ],
    )


def drop_missing_fictional_region(raw: Path) -> None:
    """Take Kota Fiktif Hilang out of the master list after a build: its report fails."""
    regions = (raw / "regions.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (raw / "regions.csv").write_text(
        "".join(line for line in regions if not line.startswith("99.02,")), encoding="utf-8"
    )


# The five seed articles and the national yardsticks: the data most tests build and render
# (a minute less per render); the browser tests render every region with data. The national
# yardsticks and readings are the news pages that print them (Kabaran, Ayonusa, JPNN, Bisnis),
# since the copies of them once taken from the domain notes were removed (issue 27 §5); only the
# 20-point rule is still a domain-notes row (kemendagri-ucj-2025).
SEED_SOURCES = {
    "wahana-labuhanbatu-2025-09",
    "poskota-labuhanbatu-2025-04",
    "fgd-binjai-2024-10",
    "disway-muba-2025-09",
    "metropolis-lampung-2025-12",
    "kemendagri-ucj-2025",
    "kabaran-nasional-2025-05",
    "ayonusa-nasional-2025-05",
    "jpnn-nasional-2025-10",
    "bisnis-nasional-2025-07",
}


def _keep_rows(path: Path, source_ids: set[str]) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    column = rows[0].index("source_id")
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows([rows[0], *(row for row in rows[1:] if row[column] in source_ids)])


def keep_seed_rows(raw: Path) -> Path:
    """Drop every observation and source but the seed sources' from a copy of data/raw/."""
    for name in ("observations.csv", "sources.csv"):
        _keep_rows(raw / name, SEED_SOURCES)
    return raw


def copy_raw(root: Path, everything: bool = False) -> Path:
    """A copy of data/raw/ under ``root``: the seed sources' rows only, unless ``everything``."""
    raw = root / "data" / "raw"
    shutil.copytree(paths.raw_dir(), raw)
    return raw if everything else keep_seed_rows(raw)


def run_ucjlib(root: Path, *args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = {**os.environ, "UCJ_ROOT": str(root), "MPLBACKEND": "Agg"}
    return subprocess.run(
        [sys.executable, "-m", "ucjlib", *args], env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture
def refused(monkeypatch, capsys):
    """The command line's answer to arguments it must refuse, run in this process (a refusal stops
    before any kernel starts or file is written, so a subprocess would add only its start-up):
    ``refused(root, *args)`` gives the exit code and what it printed to stderr."""

    def run(root: Path, *args: str) -> tuple[int, str]:
        from ucjlib.cli import main

        monkeypatch.setenv(paths.ROOT_VARIABLE, str(root))
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exit:  # argparse refuses a malformed option with code 2
            code = exit.code
        return code, capsys.readouterr().err

    return run


@pytest.fixture(scope="session")
def seed_built(tmp_path_factory) -> Path:
    """A project of the seed data (no fictional region) built by the real command, once: tests that
    change or break a built project start from a copy of it (``copy_project``)."""
    root = tmp_path_factory.mktemp("seed-built")
    copy_raw(root)
    build = run_ucjlib(root, "build")
    assert build.returncode == 0, build.stderr
    return root


@pytest.fixture(scope="session")
def seed_published(seed_built, tmp_path_factory) -> Path:
    """The same with every report rendered by the real command (``reports``, dated today), once:
    tests that corrupt, kill or change a published set start from a copy of it."""
    root = tmp_path_factory.mktemp("seed-published")
    copy_project(seed_built, root)
    reports = run_ucjlib(root, "reports")
    assert reports.returncode == 0, reports.stderr
    return root


def copy_project(project: Path, root: Path) -> Path:
    """A copy of ``project`` (its raw and processed data, its reports if any) in ``root``; returns
    its data/raw/. Pages, manifest and build stamp are compared by content, never by place or time."""
    shutil.copytree(project, root, symlinks=True, dirs_exist_ok=True)
    return root / "data" / "raw"


@dataclass
class RenderedProject:
    root: Path
    build: subprocess.CompletedProcess
    reports: subprocess.CompletedProcess

    @property
    def reports_dir(self) -> Path:
        return self.root / "reports"


def _render_project(root: Path, everything: bool) -> RenderedProject:
    raw = copy_raw(root, everything)
    add_fictional_region(raw)
    build = run_ucjlib(root, "build")
    assert build.returncode == 0, build.stderr
    drop_missing_fictional_region(raw)
    # Dated as the notebooks' analysis, so that reports and notebooks can be compared figure by figure.
    reports = run_ucjlib(root, "reports", "--as-of", ANALYSIS_DATE.isoformat())
    return RenderedProject(root, build, reports)


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> RenderedProject:
    """Seed data + fictional regions → build → (99.02 dropped from the master list) → reports."""
    return _render_project(tmp_path_factory.mktemp("project"), everything=False)


@pytest.fixture(scope="session")
def rendered_all(tmp_path_factory) -> RenderedProject:
    """The same with every region of data/raw/: what the main job publishes."""
    return _render_project(tmp_path_factory.mktemp("project-all"), everything=True)


@pytest.fixture(scope="session")
def rendered_seed_regions(tmp_path_factory) -> RenderedProject:
    """The four seed regions' English reports, rendered from every region's data (as the notebooks
    read it), dated as the notebooks' analysis."""
    root = tmp_path_factory.mktemp("project-seed-regions")
    copy_raw(root, everything=True)
    build = run_ucjlib(root, "build")
    assert build.returncode == 0, build.stderr
    regions = [argument for code in ("12.10", "12.75", "16.06", "18") for argument in ("--region", code)]
    reports = run_ucjlib(root, "reports", *regions, "--language", "en", "--as-of", ANALYSIS_DATE.isoformat())
    assert reports.returncode == 0, reports.stderr
    return RenderedProject(root, build, reports)


@pytest.fixture(scope="session")
def processed_seed(tmp_path_factory):
    """The seed data built by the real build into a temporary folder: (observations, checks)."""
    from ucjlib.data.build import build
    from ucjlib.data.processed import load_checks, load_processed

    out = tmp_path_factory.mktemp("processed")
    build(out_dir=out)
    return load_processed(out / "observations.csv"), load_checks(out / "checks.csv")


@pytest.fixture(scope="session")
def seed_data(tmp_path_factory):
    """The seed articles' figures alone (with the national yardsticks), built by the real build:
    the data the hand-worked tests of a region with targets but no coverage (Lampung as its
    December 2025 article prints it) were computed from."""
    from ucjlib.data.build import build
    from ucjlib.data.processed import load_all

    root = tmp_path_factory.mktemp("seed")
    copy_raw(root)
    build(raw_dir=root / "data" / "raw", out_dir=root / "data" / "processed")
    before = os.environ.get("UCJ_ROOT")
    os.environ["UCJ_ROOT"] = str(root)
    try:
        return load_all()
    finally:
        if before is None:
            del os.environ["UCJ_ROOT"]
        else:
            os.environ["UCJ_ROOT"] = before


@pytest.fixture(scope="session")
def data():
    """The project's ``data/processed/`` (the test command builds it before pytest starts)."""
    from ucjlib.data.processed import load_all

    return load_all()


@pytest.fixture(scope="session")
def model_of(data):
    """The region model of a Kemendagri code, on the project's data, default assumptions, as of
    REPORT_DATE (first budget year 2028)."""
    from ucjlib.model.region import Assumptions, model_from

    return lambda code: model_from(data, code, Assumptions(as_of=REPORT_DATE))
