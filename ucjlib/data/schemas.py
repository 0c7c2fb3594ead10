"""pandera schemas for the boundaries: the raw tables after loading, the processed table
before writing. Failures come back as ``(file, line, column, text, message)`` problems,
all at once."""

from __future__ import annotations

import datetime as dt
import difflib

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from ucjlib.data.indicators import UNITS, indicators
from ucjlib.data.processed import QUALIFIERS
from ucjlib.data.regions import LEVELS

OBSERVATION_COLUMNS = ["region", "level", "province", "indicator", "value", "as_of", "source_id"]
# Text a reader sees exists once per report language: ``note_id`` and ``note_en`` and so on.
TRANSLATIONS = ["group_en", "basis_en", "yardstick_en", "note_id", "note_en"]
OPTIONAL_COLUMNS = QUALIFIERS + TRANSLATIONS + ["checked"]
SOURCE_COLUMNS = ["source_id", "outlet", "title_id", "title_en", "published", "url", "note_id", "note_en"]

_not_blank = pa.Check.str_matches(r"\S", error="must not be blank")
REGION_COLUMNS = ["code", "name", "level", "province_code", "province_name"]
ALIAS_COLUMNS = ["alias", "name", "note", "source"]
LEGAL_COLUMNS = ["source_id", "reference_as_printed", "instrument", "subject_id", "subject_en", "note_id", "note_en"]
# Official labour-force bases (BPS Sakernas), one printed figure a row with its page.
PAGE_TABLE_HEAD = ["region", "level", "province", "indicator", "value"]
PAGE_TABLE_TAIL = ["outlet", "published", "url", "checked", "note_id", "note_en", "number_convention"]
LABOUR_FORCE_COLUMNS = [*PAGE_TABLE_HEAD, "as_of", *PAGE_TABLE_TAIL]
# Their vocabulary, kept apart from indicators.csv (the bases are denominators, not report
# figures): unit and upper limit of each.
LABOUR_FORCE_INDICATORS = {
    "employed_persons": {"unit": "persons", "max_value": None},  # penduduk bekerja
    "labour_force": {"unit": "persons", "max_value": None},  # angkatan kerja
    "informal_share": {"unit": "percent", "max_value": 100.0},  # persentase penduduk bekerja pada kegiatan informal
    "population": {"unit": "persons", "max_value": None},  # jumlah penduduk, BPS mid-year: shares out a province's base
}
# Regional budgets (APBD totals), one printed figure a row with its page: the budget year, not a month.
REGIONAL_BUDGET_COLUMNS = [*PAGE_TABLE_HEAD, "year", *PAGE_TABLE_TAIL]
# Their vocabulary (budget totals, not UCJ figures): all in rupiah. ``realised`` says whether the
# figure is what was spent over a whole year (it cannot be for a year not yet over) or a plan.
REGIONAL_BUDGET_INDICATORS = {
    "apbd_spending_planned": {"unit": "rupiah", "realised": False},  # belanja daerah, APBD murni or perubahan
    "apbd_spending_realised": {"unit": "rupiah", "realised": True},  # realisasi belanja daerah, whole year
    "apbd_revenue_planned": {"unit": "rupiah", "realised": False},  # pendapatan daerah, APBD murni or perubahan
}
# Every column a raw table may have: any other is a typing error in the header.
KNOWN_COLUMNS = {
    "observations": OBSERVATION_COLUMNS + OPTIONAL_COLUMNS,
    "sources": SOURCE_COLUMNS + ["number_convention"],
    "regions": REGION_COLUMNS,
    "aliases": ALIAS_COLUMNS,
    "legal": LEGAL_COLUMNS,
    "labour_force": LABOUR_FORCE_COLUMNS,
    "regional_budgets": REGIONAL_BUDGET_COLUMNS,
}


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return text.isascii()


def unknown_columns(frame: pd.DataFrame, table: str, file: str) -> list[tuple]:
    """A header cell that is no column of ``table``: a problem naming the closest known one."""
    known = KNOWN_COLUMNS[table]
    problems = []
    for column in frame.columns:
        if column not in known:
            close = difflib.get_close_matches(column, known, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f"; the columns are {', '.join(known)}"
            problems.append((file, 1, column, column, f"is not a column of this table{hint}"))
    return problems


def _text(*checks: pa.Check, required: bool = True) -> pa.Column:
    return pa.Column(str, checks=list(checks), required=required)


def raw_observations_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "region": _text(_not_blank),
            "level": _text(pa.Check.isin(("",) + LEVELS, error=f"must be empty or one of {', '.join(LEVELS)}")),
            "province": _text(),
            "indicator": _text(
                pa.Check.isin(
                    list(indicators().index), error="is not in the indicator vocabulary (ucjlib/indicators.csv)"
                )
            ),
            "value": _text(_not_blank),
            "as_of": _text(_not_blank),
            "source_id": _text(_not_blank),
            **{column: _text(required=False) for column in QUALIFIERS + TRANSLATIONS},
            "checked": _text(
                pa.Check.isin(
                    ("", "yes", "no", "domain-notes"),
                    error="must be yes (read in a copy of the source), no (not re-checked), "
                    "domain-notes (taken from the team's domain notes, no page to re-read) or empty",
                ),
                required=False,
            ),
        },
        strict=False,
    )


def _published() -> pa.Column:
    return _text(
        pa.Check(
            lambda text: text == "" or _is_date(text),
            element_wise=True,
            error="must be empty or a date that exists, written as 2025-04-23",
        )
    )


def _number_convention(english: str) -> pa.Column:
    """Empty or id (Indonesian print), or en (``english``: what prints numbers the English way)."""
    return _text(
        pa.Check.str_matches(r"(?i)^(id|en)?$", error=f"must be empty (Indonesian print), 'id' or 'en' ({english})"),
        required=False,
    )


def _page_table_schema(indicators: dict, period: dict) -> pa.DataFrameSchema:
    """A one-figure-a-page table (labour-force bases, regional budgets): region, indicator, the value as
    printed, its ``period`` column, and the page it was read in."""
    names = ", ".join(indicators)
    return pa.DataFrameSchema(
        {
            "region": _text(_not_blank),
            "level": _text(pa.Check.isin(("",) + LEVELS, error=f"must be empty or one of {', '.join(LEVELS)}")),
            "province": _text(required=False),
            "indicator": _text(pa.Check.isin(list(indicators), error=f"must be one of {names}")),
            "value": _text(_not_blank),
            **period,
            "outlet": _text(_not_blank),
            "published": _published(),
            "url": _text(
                pa.Check.str_matches(
                    r"^https?://\S+$", error="must be the http(s) address of the page the figure was read in"
                )
            ),
            "checked": _text(
                pa.Check.isin(("yes", "no"), error="must be yes (re-read in the page) or no (not re-checked)")
            ),
            "note_id": _text(required=False),
            "note_en": _text(required=False),
            "number_convention": _number_convention("a page in English"),
        },
        strict=False,
    )


def raw_labour_force_schema() -> pa.DataFrameSchema:
    month = pa.Check.str_matches(r"^\d{4}-\d{2}$", error="must be the survey month, written as 2024-08")
    return _page_table_schema(LABOUR_FORCE_INDICATORS, {"as_of": _text(month)})


def raw_regional_budgets_schema() -> pa.DataFrameSchema:
    year = pa.Check.str_matches(r"^\d{4}$", error="must be the budget year, written as 2026")
    return _page_table_schema(REGIONAL_BUDGET_INDICATORS, {"year": _text(year)})


def raw_sources_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "source_id": _text(
                _not_blank, pa.Check(lambda s: ~s.duplicated(keep=False), element_wise=False, error="is listed twice")
            ),
            "outlet": _text(_not_blank),
            "title_id": _text(),
            "title_en": _text(),
            "published": _published(),
            "url": _text(pa.Check.str_matches(r"^(https?://\S+)?$", error="must be empty or an http(s) address")),
            "note_id": _text(),
            "note_en": _text(),
            "number_convention": _number_convention("English-language outlet"),
        },
        strict=False,
    )


def raw_regions_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "code": _text(
                pa.Check.str_matches(r"^\d{2}(\.\d{2})?$", error="must be a Kemendagri code: 12 or 12.10"),
                pa.Check(lambda s: ~s.duplicated(keep=False), element_wise=False, error="is listed twice"),
            ),
            "name": _text(_not_blank),
            "level": _text(pa.Check.isin(LEVELS, error=f"must be one of {', '.join(LEVELS)}")),
            "province_code": _text(),
            "province_name": _text(),
        },
        strict=False,
    )


def raw_aliases_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {"alias": _text(_not_blank), "name": _text(_not_blank), "note": _text(), "source": _text()}, strict=False
    )


def raw_legal_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {column: _text(_not_blank) if column in ("source_id", "instrument") else _text() for column in LEGAL_COLUMNS},
        strict=False,
    )


def processed_schema() -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "region_code": pa.Column(str, pa.Check.str_matches(r"^\d{2}(\.\d{2})?$")),
            "region_name": pa.Column(str, _not_blank),
            "level": pa.Column(str, pa.Check.isin(LEVELS)),
            "province_code": pa.Column(str),
            "indicator": pa.Column(str, pa.Check.isin(list(indicators().index))),
            "value": pa.Column(float, pa.Check.ge(0)),
            "unit": pa.Column(str, pa.Check.isin(sorted(UNITS))),
            "value_as_printed": pa.Column(str, _not_blank),
            "approximate": pa.Column(bool),
            "reading": pa.Column(str),
            "as_of": pa.Column(str, pa.Check.str_matches(r"^(\.\.|\d{4}(-\d{2}){0,2})(/\d{4}(-\d{2}){0,2})?$")),
            "source_id": pa.Column(str, _not_blank),
            "outlet": pa.Column(str, _not_blank),
            "raw_line": pa.Column(int, pa.Check.ge(2)),
        },
        strict=False,
    )


def validate(frame: pd.DataFrame, schema: pa.DataFrameSchema, file: str, first_line: int = 2) -> list[tuple]:
    """Validate lazily; return every failure as a problem tuple (empty when valid).

    ``first_line`` is the file line of the frame's row 0 (2 below a header line).
    """
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        problems = []
        for case in errors.failure_cases.itertuples(index=False):
            if case.check == "column_in_dataframe":
                problems.append(
                    (file, 1, str(case.failure_case), None, "required column is missing from the header line")
                )
                continue
            line = None if pd.isna(case.index) else int(case.index) + first_line
            # With error= set, pandera reports our own sentence in the 'check' column.
            problems.append((file, line, case.column, str(case.failure_case), str(case.check)))
        return sorted(problems, key=lambda p: (p[1] or 0, p[2] or ""))
    return []
