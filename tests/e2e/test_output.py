"""`python -m ucjlib reports --output DIR` writes the pages, their index and manifest into DIR and
leaves reports/ as it was; `--help` says how UCJ_ROOT points the project at another tree."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import copy_raw, run_ucjlib

from ucjlib import paths

PAGE = "12.10-kabupaten-labuhanbatu.html"


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_reports_go_to_the_output_folder_and_reports_stays_untouched(tmp_path):
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    copy_raw(project)
    assert run_ucjlib(project, "build").returncode == 0
    kept = project / "reports" / "kept.html"
    kept.parent.mkdir()
    kept.write_text("a page of an earlier run", encoding="utf-8")
    before = _files(project / "reports")
    elsewhere.mkdir()
    # A relative DIR is read from the current folder, as every command line reads a path.
    result = subprocess.run(
        [sys.executable, "-m", "ucjlib", "reports", "--output", "out", "--region", "Labuhanbatu", "--language", "id"],
        env={**os.environ, paths.ROOT_VARIABLE: str(project), "MPLBACKEND": "Agg"},
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    out = elsewhere / "out"
    assert "Labuhanbatu" in (out / PAGE).read_text(encoding="utf-8")
    assert {"index.html", "manifest.json", PAGE} <= set(_files(out))
    assert f"into {out}/" in result.stdout
    assert _files(project / "reports") == before
    # verify reads that folder's manifest: the page rendered matches, the others are not rendered.
    checked = run_ucjlib(project, "verify", "--output", str(out)).stdout
    assert "12.10/id" not in checked and "12.75/id: not rendered" in checked
    assert "12.10/id: not rendered" in run_ucjlib(project, "verify").stdout


def test_help_names_ucj_root_and_the_output_option(tmp_path):
    for args in (["--help"], ["reports", "--help"]):
        shown = run_ucjlib(tmp_path, *args).stdout
        assert "UCJ_ROOT" in shown and "--output DIR" in shown, args
