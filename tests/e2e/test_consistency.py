"""Notebooks and reports tell one story: every figure notebooks 02 and 04 show for a region
appears, formatted the same way, in that region's English report (both read the region
model; the notebooks are in English)."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import nbformat
import pytest

from ucjlib import paths

REPORTS = {
    "Kabupaten Labuhanbatu": "12.10-kabupaten-labuhanbatu.html",
    "Kota Binjai": "12.75-kota-binjai.html",
    "Kabupaten Musi Banyuasin": "16.06-kabupaten-musi-banyuasin.html",
    "Lampung": "18-lampung.html",
}


class _Tables(HTMLParser):
    """The rows of every HTML table in a notebook output, as lists of cell texts."""

    def __init__(self):
        super().__init__()
        self.rows, self._row, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def table_rows(notebook: str) -> list[list[str]]:
    """Rows of the tables a committed notebook shows (its stored outputs, as nbval compares them)."""
    parser = _Tables()
    for cell in nbformat.read(paths.notebooks_dir() / notebook, as_version=4).cells:
        for output in cell.get("outputs", []):
            parser.feed(output.get("data", {}).get("text/html", ""))
    return parser.rows


def page_text(rendered, name: str) -> str:
    return html.unescape((rendered.reports_dir / "en" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("region", REPORTS)
def test_every_figure_notebook_02_shows_for_a_region_is_in_its_report(rendered_seed_regions, region):
    page = page_text(rendered_seed_regions, REPORTS[region])
    rows = [row for row in table_rows("02-cross-region.ipynb") if region in row[1:2]]
    assert len(rows) >= 3, rows  # its headline row, target rows (and cost rows where a gap is open)
    for row in rows:
        for cell in row[2:]:
            if cell not in ("", "None", "False", "True", "NaN"):
                assert cell in page, (region, cell, row)


@pytest.mark.parametrize("region", REPORTS)
def test_every_scenario_figure_notebook_04_shows_is_in_the_report(rendered_seed_regions, region):
    notebook = nbformat.read(paths.notebooks_dir() / "04-projections.ipynb", as_version=4)
    page = page_text(rendered_seed_regions, REPORTS[region])
    outputs = [output for cell in notebook.cells for output in cell.get("outputs", [])]
    heading = next(i for i, o in enumerate(outputs) if o.get("text") == f"{region}\n")
    parser = _Tables()
    parser.feed(outputs[heading + 1]["data"]["text/html"])
    header, *rows = parser.rows
    assert rows, region
    for cell in header[1:] + [cell for row in rows for cell in row[1:]]:
        assert cell in page, (region, cell)
