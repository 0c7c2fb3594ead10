"""The one build: ``data/raw/`` → ``data/processed/observations.csv``, ``checks.csv``,
``legal_references.csv``, ``labour_force.csv`` and ``regional_budgets.csv``.

Every problem in the raw data is collected and reported at once, naming file, line,
column and text. Nothing is written unless the whole build succeeds, and each output is
replaced atomically, so a failed build leaves the previous outputs intact.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from ucjlib import config, paths
from ucjlib.data.checks import run_checks
from ucjlib.data.indicators import indicators
from ucjlib.data.numerals import CONVENTIONS, ascii_digits
from ucjlib.data.parse import Figure, parse_figure, parse_period
from ucjlib.data.processed import (
    GENERATION,
    LABOUR_FORCE_PROCESSED_COLUMNS,
    PROCESSED_COLUMNS,
    REGIONAL_BUDGET_PROCESSED_COLUMNS,
    generation,
    spreadsheet_safe,
)
from ucjlib.data.regions import RegionTable
from ucjlib.data.schemas import (
    LABOUR_FORCE_INDICATORS,
    OPTIONAL_COLUMNS,
    QUALIFIERS,
    REGIONAL_BUDGET_INDICATORS,
    processed_schema,
    raw_aliases_schema,
    raw_labour_force_schema,
    raw_legal_schema,
    raw_observations_schema,
    raw_regional_budgets_schema,
    raw_regions_schema,
    raw_sources_schema,
    unknown_columns,
    validate,
)
from ucjlib.errors import InputError, ParseError, RegionError
from ucjlib.files import read_table, remove_stale_temporaries, write_texts_together
from ucjlib.periods import period_start

# Which printed form each unit expects: a percent sign, "Rp", or a plain number.
_KIND_OF_UNIT = {"percent": "percent", "points": "percent", "rupiah": "rupiah"}


def _add_optional_columns(frame: pd.DataFrame) -> pd.DataFrame:
    missing = {column: "" for column in OPTIONAL_COLUMNS if column not in frame.columns}
    return frame.assign(**missing)


def clean_observations(
    observations: pd.DataFrame,
    sources: pd.DataFrame,
    regions: RegionTable,
    file: str = "data/raw/observations.csv",
    today: dt.date | None = None,
    sources_file: str = "data/raw/sources.csv",
) -> tuple[pd.DataFrame, list[tuple]]:
    """Parse, harmonise and annotate the raw observations.

    Returns the processed frame and the list of problems (empty when all is well).
    """
    today = today or dt.date.today()
    # Plain dicts, not .loc per row: a pandas lookup costs more than parsing the figure.
    vocabulary = indicators().to_dict("index")
    known_sources = (
        sources.drop_duplicates("source_id").set_index("source_id").to_dict("index")
    )  # a duplicate id is reported elsewhere
    conventions = {
        source_id: _number_convention(source.get("number_convention", ""))
        for source_id, source in known_sources.items()
    }
    rows, problems = [], []
    # Object columns: iterating pandas' string arrays reads them one element at a time.
    for line, raw in zip(observations.index + 2, observations.astype(object).itertuples(index=False), strict=False):
        row_problems = []

        def problem(column: str, text: str, message: str, found=row_problems, line=line) -> None:
            found.append((file, line, column, text, message))

        if raw.indicator not in vocabulary or not raw.value:
            continue  # already reported by the schema
        definition = vocabulary[raw.indicator]
        unit = definition["unit"]
        maximum = definition["max_value"] if pd.notna(definition["max_value"]) else None
        figure = _read_value(
            raw.value,
            unit,
            maximum,
            conventions.get(raw.source_id, "id"),
            raw.indicator in config.POSITIVE_INDICATORS,
            raw.indicator,
            problem,
        )
        as_of = _read_as_of(raw.as_of, definition["kind"] == "observed", today, problem)
        region = _resolve(regions, raw.region, raw.level, raw.province, problem)
        _within_population(figure, unit, raw.indicator, region, raw.value, problem)
        if raw.source_id not in known_sources:
            problem("source_id", raw.source_id, f"is not listed in {sources_file}")
        if row_problems:
            problems.extend(row_problems)
            continue
        source = known_sources[raw.source_id]
        rows.append(
            {
                **_figure_fields(region, raw, figure, unit),
                "as_of": as_of,
                **{q: getattr(raw, q) for q in QUALIFIERS},
                "yardstick": config.canonical_yardstick(raw.yardstick),
                "group_en": raw.group_en,
                "basis_en": raw.basis_en,
                "yardstick_en": raw.yardstick_en,
                "source_id": raw.source_id,
                "outlet": source["outlet"],
                "published": source["published"],
                **{
                    f"source_{column}_{language}": source[f"{column}_{language}"]
                    for column in ("title", "note")
                    for language in ("id", "en")
                },
                "source_url": source["url"],
                "checked": raw.checked,
                "note_id": raw.note_id,
                "note_en": raw.note_en,
                "raw_line": line,
            }
        )
    processed = pd.DataFrame(rows, columns=PROCESSED_COLUMNS)
    problems.extend(_duplicates(processed, file))
    return processed, problems


def _read_value(
    text: str, unit: str, maximum: float | None, number_convention: str, positive: bool, indicator: str, problem
) -> Figure | None:
    """The printed figure read with the project's parser and checked against its unit and
    limits; ``problem(column, text, message)`` is called for each fault (None then)."""
    try:
        figure = parse_figure(text, number_convention, maximum)
    except ParseError as err:
        problem("value", text, str(err))
        return None
    expected = _KIND_OF_UNIT.get(unit, "number")
    top = figure.ends[1] if figure.ends else figure.value  # a range is checked at both ends, not its midpoint
    which = " (the upper end of the range)" if figure.ends else ""
    if figure.kind != expected:
        problem("value", text, f"{indicator} is measured in {unit}: expected a {expected}, got a {figure.kind}")
    elif maximum is not None and top > maximum:
        problem("value", text, f"{indicator} cannot exceed {maximum:g}{which}")
    elif figure.value <= 0 and positive:
        problem("value", text, f"{indicator} must be more than 0 (reports divide by it): check the figure")
    else:
        return figure
    return None


def _within_population(figure: Figure | None, unit: str, indicator: str, region, text: str, problem) -> None:
    """A count of persons no larger than the most a region of its level holds (config.MAX_PERSONS_BY_LEVEL:
    no population per region is in the data), a range at its upper end."""
    if figure is None or region is None or unit != "persons":
        return
    ceiling = config.MAX_PERSONS_BY_LEVEL[region.level]
    if (figure.ends[1] if figure.ends else figure.value) > ceiling:
        whose = (
            "Indonesia's population" if region.level == "national" else f"the population of the largest {region.level}"
        )
        problem(
            "value",
            text,
            f"{indicator} of {region.name} cannot exceed {whose} (under {ceiling:,} persons): "
            "check the scale word (ribu, juta)",
        )


def _read_as_of(text: str, observed: bool, today: dt.date, problem) -> str | None:
    """The period as ISO text; an observed figure may not lie in the future, nothing may lie
    before 1990, and a target or plan needs a start (it is judged by its year)."""
    try:
        as_of = parse_period(text)
    except ParseError as err:
        problem("as_of", text, str(err))
        return None
    start = as_of.split("/")[0]
    if start == ".." and not observed:
        problem(
            "as_of",
            text,
            "is open at its start, which a target or plan cannot be (reports judge it by its "
            "year): write the year, e.g. 2030, or the whole period, e.g. 2025/2030",
        )
    elif any(period_start(part) < config.EARLIEST_DATE for part in as_of.split("/") if part != ".."):
        problem("as_of", text, _BEFORE_EARLIEST)
    elif observed and start != ".." and period_start(start) > today:
        problem(
            "as_of",
            text,
            f"lies in the future (today is {today.isoformat()}); only targets and plans may refer to later dates",
        )
    return as_of


_BEFORE_EARLIEST = (
    f"is before {config.EARLIEST_DATE.year}: no figure or page of this project is that old "
    "(a typing error in the year?)"
)


def _publication_dates(table: pd.DataFrame, file: str, today: dt.date) -> list[tuple]:
    """A publication date before 1990 or after today cannot be true (a well-formed date only:
    the schema reports the others)."""
    problems = []
    if "published" not in table.columns:
        return problems
    for line, text in zip(table.index + 2, table["published"], strict=False):
        try:
            date = dt.date.fromisoformat(text)
        except ValueError:
            continue
        if date < config.EARLIEST_DATE:
            problems.append((file, int(line), "published", text, _BEFORE_EARLIEST))
        elif date > today:
            problems.append(
                (
                    file,
                    int(line),
                    "published",
                    text,
                    f"lies in the future (today is {today.isoformat()}): a page cannot be published after it was read",
                )
            )
    return problems


def _resolve(regions: RegionTable, name: str, level: str, province: str, problem):
    """The region a row names, through the master list and the alias table."""
    try:
        return regions.resolve(name, level or None, province or None)
    except RegionError as err:
        problem("region", name, str(err))
        return None


def _figure_fields(region, raw, figure: Figure, unit: str) -> dict:
    """The fields every processed table gives a figure (its region, indicator and value as read)."""
    return {
        "region_code": region.code,
        "region_name": region.name,
        "level": region.level,
        "province_code": region.province_code,
        "province_name": region.province_name,
        "indicator": raw.indicator,
        "value": figure.value,
        "unit": unit,
        "value_as_printed": raw.value,
        "approximate": figure.approximate,
        "bound": figure.bound or "",
        "reading": figure.reading,
    }


def _clean_pages(
    frame: pd.DataFrame,
    regions: RegionTable,
    file: str,
    definitions: dict,
    read_period,
    duplicate,
    columns: list[str],
) -> tuple[pd.DataFrame, list[tuple]]:
    """The shared reader of the one-figure-a-page tables (labour-force bases, regional budgets): each
    row's value in its unit (Indonesian print unless the row says ``en``), its period
    (``read_period(raw, definition, problem)`` → ``{column: value}``), its region through the alias
    table; ``duplicate(region, raw, period, figure)`` is the key a second row may not repeat, with the
    words of its refusal. Rows with a problem are left out and their problems returned."""
    rows, problems, seen = [], [], {}
    for line, raw in zip(frame.index + 2, frame.astype(object).itertuples(index=False), strict=True):
        row_problems = []

        def problem(column: str, text: str, message: str, found=row_problems, line=int(line)) -> None:
            found.append((file, line, column, text, message))

        definition = definitions.get(raw.indicator)
        if definition is None or not raw.value:
            continue  # already reported by the schema
        figure = _read_value(
            raw.value,
            definition["unit"],
            definition.get("max_value"),
            _number_convention(raw.number_convention),
            True,
            raw.indicator,
            problem,
        )
        period = read_period(raw, definition, problem)
        region = _resolve(regions, raw.region, raw.level, raw.province, problem)
        _within_population(figure, definition["unit"], raw.indicator, region, raw.value, problem)
        if row_problems:
            problems.extend(row_problems)
            continue
        key, refusal = duplicate(region, raw, period, figure)
        if key in seen:
            problems.append((file, int(line), "value", raw.value, f"line {seen[key]} already gives {refusal}"))
            continue
        seen[key] = int(line)
        rows.append(
            {
                **_figure_fields(region, raw, figure, definition["unit"]),
                **period,
                "outlet": raw.outlet,
                "published": raw.published,
                "url": raw.url,
                "checked": raw.checked,
                "note_id": raw.note_id,
                "note_en": raw.note_en,
                "raw_line": int(line),
            }
        )
    return pd.DataFrame(rows, columns=columns), problems


def clean_labour_force(
    labour: pd.DataFrame, regions: RegionTable, file: str = "data/raw/labour_force.csv", today: dt.date | None = None
) -> tuple[pd.DataFrame, list[tuple]]:
    """Parse and resolve the official labour-force bases (one printed figure a row).

    The same readers as the observations: Indonesian print, the alias table, observed
    periods only. One figure per region, indicator and month: a second is refused, so a
    base has one value wherever it is used. Returns the processed frame and the problems.
    """
    today = today or dt.date.today()

    def month(raw, definition, problem) -> dict:
        return {"as_of": _read_as_of(raw.as_of, True, today, problem)}

    def one_a_month(region, raw, period, figure) -> tuple:
        return (region.code, raw.indicator, period["as_of"]), (
            f"{raw.indicator} of {region.name} for {period['as_of']}: keep one "
            "(the official release first) and name the other page in its note"
        )

    return _clean_pages(
        labour, regions, file, LABOUR_FORCE_INDICATORS, month, one_a_month, LABOUR_FORCE_PROCESSED_COLUMNS
    )


def clean_regional_budgets(
    budgets: pd.DataFrame,
    regions: RegionTable,
    file: str = "data/raw/regional_budgets.csv",
    today: dt.date | None = None,
) -> tuple[pd.DataFrame, list[tuple]]:
    """Parse and resolve the regional budget totals (one printed APBD figure a row).

    The same readers as the labour-force bases: Indonesian print (rupiah only), the alias table.
    A budget year is checked against the build's date: a whole year's realisation only once the
    year is over, a plan at most for next year (an APBD is passed in the year before its own).
    A region may have several figures for one indicator and year (the original and the amended
    budget), but the same figure twice is refused. Returns the processed frame and the problems.
    """
    today = today or dt.date.today()
    readable = budgets[budgets["year"].astype(str).str.isdigit()]  # a year that is not one: the schema said so

    def year(raw, definition, problem) -> dict:
        return {"year": _budget_year(raw.year, definition["realised"], today, problem)}

    def same_figure(region, raw, period, figure) -> tuple:
        return (region.code, raw.indicator, period["year"], figure.value), (
            f"this {raw.indicator} of {region.name} for {period['year']}: keep one and name the other page in its note"
        )

    return _clean_pages(
        readable, regions, file, REGIONAL_BUDGET_INDICATORS, year, same_figure, REGIONAL_BUDGET_PROCESSED_COLUMNS
    )


def _budget_year(text: str, realised: bool, today: dt.date, problem) -> int | None:
    """A budget year that can hold the figure on ``today``: a realisation over a year that is over,
    a plan for next year at the latest, and nothing before config.EARLIEST_DATE."""
    year = int(text)
    if year < config.EARLIEST_DATE.year:
        problem("year", text, _BEFORE_EARLIEST)
    elif realised and year >= today.year:
        problem(
            "year",
            text,
            f"has not ended (today is {today.isoformat()}): a whole year's realised spending exists only after "
            "the year; a part-year realisation is not entered",
        )
    elif year > today.year + 1:
        problem(
            "year",
            text,
            f"lies more than a year ahead (today is {today.isoformat()}): an APBD is passed in the year before its "
            "own, so no budget for that year exists yet",
        )
    else:
        return year
    return None


def _number_convention(code: str) -> str:
    """A source's number convention ("id" unless sources.csv says "en"); an unknown source
    or value reads as "id", since the schema check reports both."""
    code = str(code).strip().lower()
    return code if code in CONVENTIONS else "id"


def _duplicates(processed: pd.DataFrame, file: str) -> list[tuple]:
    """The same figure twice from one source: identical (a copy) or different (a conflict)."""
    key = ["region_code", "indicator", "as_of", "source_id", *QUALIFIERS]
    problems = []
    for _, group in processed[processed.duplicated(key, keep=False)].groupby(key, sort=False):
        first, *others = group.itertuples(index=False)
        for other in others:
            if other.value == first.value:
                message = (
                    f"repeats line {first.raw_line} (same region, indicator, date, source and qualifiers): delete one"
                )
            else:
                message = (
                    f"conflicts with line {first.raw_line}, which gives {first.value_as_printed!r} for the same "
                    "figure from the same source: keep the one the source prints, or tell them apart by a qualifier"
                )
            problems.append((file, other.raw_line, "value", other.value_as_printed, message))
    return problems + _ledger_conflicts(processed, file)


# Figures a ledger holds once, whoever prints them: claims of one programme over one period.
LEDGER_INDICATORS = ("claims_count",)


def _ledger_conflicts(processed: pd.DataFrame, file: str) -> list[tuple]:
    """Two sources that give one ledger figure (one region, programme and period) different
    values: a conflict (one source's own repeat or conflict is reported by :func:`_duplicates`)."""
    key = ["region_code", "indicator", "as_of", *QUALIFIERS]
    ledger = processed[processed["indicator"].isin(LEDGER_INDICATORS)]
    problems = []
    for _, group in ledger[ledger.duplicated(key, keep=False)].groupby(key, sort=False):
        first, *others = group.itertuples(index=False)
        for other in others:
            if other.source_id != first.source_id and other.value != first.value:
                problems.append(
                    (
                        file,
                        other.raw_line,
                        "value",
                        other.value_as_printed,
                        f"conflicts with line {first.raw_line}, which gives {first.value_as_printed!r} "
                        f"{other.indicator} of {other.programme or 'the same programme'} for the same period "
                        f"({first.source_id}): claims are counted once, in one ledger: keep the official figure",
                    )
                )
    return problems


# Texts a report shows, as (Indonesian column, English column): a report in either language
# needs its own, so one without the other is refused (both empty is fine, but for the last).
TRANSLATED_PAIRS = {
    "observations": [("group", "group_en"), ("basis", "basis_en"), ("yardstick", "yardstick_en")],
    "sources": [("title_id", "title_en"), ("note_id", "note_en")],
    "legal": [("note_id", "note_en")],
    "labour_force": [("note_id", "note_en")],
    "regional_budgets": [("note_id", "note_en")],
}
REQUIRED_PAIRS = {"legal": [("subject_id", "subject_en")]}


def untranslated(frame: pd.DataFrame, file: str, table: str) -> list[tuple]:
    """Problems for every text that exists in one report language only (file, line, column).

    Examples
    --------
    >>> frame = pd.DataFrame({"group": ["guru", ""], "group_en": ["", ""], "basis": ["", "labour force"],
    ...                       "basis_en": ["", ""]}, index=[0, 1])
    >>> [(line, column) for _, line, column, _, _ in untranslated(frame, "observations.csv", "observations")]
    [(2, 'group_en'), (3, 'basis_en')]
    """
    problems = []
    for first, second in TRANSLATED_PAIRS.get(table, []) + REQUIRED_PAIRS.get(table, []):
        required = (first, second) in REQUIRED_PAIRS.get(table, [])
        if first not in frame.columns or second not in frame.columns:
            continue  # a missing column is the schema's problem
        for line, (one, other) in zip(frame.index + 2, zip(frame[first], frame[second], strict=False), strict=False):
            for text, column, given in ((one, second, other), (other, first, one)):
                if (text or required) and not given:
                    shown = f"{text!r} has no translation" if text else "is empty"
                    problems.append(
                        (
                            file,
                            int(line),
                            column,
                            given,
                            f"{shown}: a report in this language shows it; "
                            f"write it in {'English' if column.endswith('_en') else 'Indonesian'}",
                        )
                    )
    return sorted(set(problems), key=lambda p: (p[1], p[2]))


def _published_digits(sources: pd.DataFrame, file: str) -> tuple[pd.DataFrame, list[tuple]]:
    """Publication dates with full-width digits made ASCII; any other non-ASCII digit refused."""
    if "published" not in sources.columns:
        return sources, []
    problems, published = [], []
    for line, text in zip(sources.index + 2, sources["published"], strict=False):
        try:
            published.append(ascii_digits(text)[0])
        except ParseError as err:
            problems.append((file, int(line), "published", text, str(err)))
            published.append(text)
    return sources.assign(published=published), problems


def _orphan_regions(regions: pd.DataFrame, file: str) -> list[tuple]:
    """A kabupaten/kota must name a province of the list (reports group regions by it)."""
    provinces = set(regions.loc[regions["level"] == "province", "code"])
    local = regions[regions["level"].isin(["regency", "city"])]
    return [
        (file, int(line) + 2, "province_code", code, "is not the code of a province in this list")
        for line, code in local["province_code"].items()
        if code not in provinces
    ]


# The tables a build cannot do without a row of (aliases, legal references, labour-force
# bases and regional budgets may be empty).
NEEDS_ROWS = ("observations", "sources", "regions")


def load_and_clean(
    raw_dir: Path | None = None, today: dt.date | None = None
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Read and validate every raw table; return the processed observations, legal
    references, labour-force bases and regional budgets. Raises :class:`InputError` listing
    every problem found."""
    raw_dir = raw_dir or paths.raw_dir()
    files = {name: raw_dir / filename for name, filename in paths.RAW_FILES.items()}
    shown = {name: paths.shown_path(path) for name, path in files.items()}
    tables = {name: read_table(path) for name, path in files.items()}
    today = today or dt.date.today()
    # A table without rows is one problem, not one per column its schema expects.
    empty = [
        (shown[name], None, None, None, "has a header but no rows: add the rows, or restore the file")
        for name in NEEDS_ROWS
        if tables[name].empty
    ]
    if empty:
        raise InputError(empty)
    observations = _add_optional_columns(tables["observations"])
    sources, problems = _published_digits(tables["sources"], shown["sources"])
    if "number_convention" not in sources.columns:  # optional: Indonesian print throughout
        sources = sources.assign(number_convention="")
    for name, table in tables.items():
        problems += unknown_columns(table, name, shown[name])
    problems += validate(observations, raw_observations_schema(), shown["observations"])
    problems += validate(sources, raw_sources_schema(), shown["sources"])
    problems += validate(tables["legal"], raw_legal_schema(), shown["legal"])
    labour = tables["labour_force"].assign(
        **{
            column: ""
            for column in ("province", "note_id", "note_en", "number_convention")
            if column not in tables["labour_force"].columns
        }
    )
    problems += validate(labour, raw_labour_force_schema(), shown["labour_force"])
    budgets = tables["regional_budgets"].assign(
        **{
            column: ""
            for column in ("province", "note_id", "note_en", "number_convention")
            if column not in tables["regional_budgets"].columns
        }
    )
    problems += validate(budgets, raw_regional_budgets_schema(), shown["regional_budgets"])
    problems += (
        _publication_dates(sources, shown["sources"], today)
        + _publication_dates(labour, shown["labour_force"], today)
        + _publication_dates(budgets, shown["regional_budgets"], today)
    )
    problems += untranslated(labour, shown["labour_force"], "labour_force")
    problems += untranslated(budgets, shown["regional_budgets"], "regional_budgets")
    problems += untranslated(observations, shown["observations"], "observations")
    problems += untranslated(sources, shown["sources"], "sources")
    master_lists = validate(tables["regions"], raw_regions_schema(), shown["regions"]) + validate(
        tables["aliases"], raw_aliases_schema(), shown["aliases"]
    )
    if not master_lists:
        master_lists = _orphan_regions(tables["regions"], shown["regions"])
    if master_lists or any(text is None and column for _, _, column, text, _ in problems):
        # Names cannot be resolved against unsound master lists, nor rows read without their columns.
        raise InputError(problems + master_lists)
    try:
        regions = RegionTable.load(files["regions"], files["aliases"])
    except RegionError as err:
        raise InputError([(shown["aliases"], err.line, err.column or "name", err.text, str(err))]) from None
    processed, row_problems = clean_observations(
        observations, sources, regions, shown["observations"], today, shown["sources"]
    )
    labour_force, labour_problems = clean_labour_force(labour, regions, shown["labour_force"], today)
    regional_budgets, budget_problems = clean_regional_budgets(budgets, regions, shown["regional_budgets"], today)
    row_problems += labour_problems + budget_problems
    problems = sorted(problems + row_problems, key=lambda p: (p[0], p[1] or 0, p[2] or ""))
    legal = tables["legal"]
    problems += untranslated(legal, shown["legal"], "legal")
    unknown = legal[~legal["source_id"].isin(sources["source_id"])]
    problems += [
        (shown["legal"], line + 2, "source_id", source_id, f"is not listed in {shown['sources']}")
        for line, source_id in unknown["source_id"].items()
    ]
    if problems:
        raise InputError(problems)
    problems = validate(processed, processed_schema(), "processed observations (before writing)")
    if problems:
        raise InputError(problems)
    return processed, legal, labour_force, regional_budgets


def build(raw_dir: Path | None = None, out_dir: Path | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """Run the whole build and write the processed files; return the observations."""
    out_dir = out_dir or paths.processed_dir()
    processed, legal, labour_force, regional_budgets = load_and_clean(raw_dir, today)
    if out_dir.exists():
        remove_stale_temporaries(out_dir)
    checks = run_checks(processed)
    # Everything is computed before the first write, so a bad input never leaves a mix; the
    # generation stamp, written last, lets readers refuse files of an interrupted build.
    texts = {
        name: spreadsheet_safe(frame).to_csv(index=False, lineterminator="\n")
        for frame, name in (
            (processed, "observations.csv"),
            (checks, "checks.csv"),
            (legal, "legal_references.csv"),
            (labour_force, "labour_force.csv"),
            (regional_budgets, "regional_budgets.csv"),
        )
    }
    stamp = generation({name: text.encode("utf-8") for name, text in texts.items()})
    # All files or none: every output is on disk under a temporary name before the first rename.
    write_texts_together({**{out_dir / name: text for name, text in texts.items()}, out_dir / GENERATION: stamp})
    return processed
