"""HTML pages from Jinja2 templates (``ucjlib/templates``, autoescaping on): the report body a
notebook displays, the page shell around an exported notebook, and the index.

Everything shown comes from a :class:`~ucjlib.view.region.View` of the region model; words
from the catalogs; markup only from the templates.
"""

from __future__ import annotations

import datetime as dt
import functools
import math

import jinja2
import pandas as pd
from markupsafe import Markup

from ucjlib import __version__, config
from ucjlib.contributions import READER_RATE, rule_for, segment_for_rate
from ucjlib.data.boundaries import checked
from ucjlib.data.processed import load_all, spreadsheet_safe
from ucjlib.errors import ReportParameterError
from ucjlib.formatting import format_date, format_percent
from ucjlib.i18n import LANGUAGES, gettext_for, translations
from ucjlib.model.region import (
    OVERVIEW_STATUSES,
    Assumptions,
    Overview,
    RegionModel,
    processed_model,
)
from ucjlib.periods import period_end
from ucjlib.view.maps import CLASS_EDGES, DPI, boundaries, choropleth, figure_to_png_uri, locator_png, smallest_font_pt
from ucjlib.view.region import OVERVIEW_KEYS, STATUS, STATUS_MEANING, View, figures_table, overview_row


@functools.cache
def environment(language: str) -> jinja2.Environment:
    """One template environment per language (autoescape on, the language's catalog installed)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ucjlib", "templates"),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.install_gettext_translations(translations(language), newstyle=True)
    return env


INDEX_FILE = "index.html"


def page_path(name: str, language: str, relative_to: str | None = None) -> str:
    """Where a page of ``language`` lives among the reports: Indonesian pages at the top, English
    ones in ``en/``; ``relative_to``: as a link from a page of that language.

    Examples
    --------
    >>> page_path("index.html", "id"), page_path("index.html", "en")
    ('index.html', 'en/index.html')
    >>> page_path("index.html", "en", relative_to="id"), page_path("index.html", "id", relative_to="en")
    ('en/index.html', '../index.html')
    """
    if relative_to == language:
        return name
    path = f"{language}/{name}" if language == "en" else name
    return f"../{path}" if relative_to == "en" else path


def other_language(language: str) -> str:
    """The language a page links to as its translation."""
    return "en" if language == "id" else "id"


def report_filename(region_code: str, region_name: str, language: str, relative_to: str | None = None) -> str:
    """File name of a region's report (see :func:`page_path`).

    Examples
    --------
    >>> report_filename("12.10", "Kabupaten Labuhanbatu", "id")
    '12.10-kabupaten-labuhanbatu.html'
    >>> report_filename("12.10", "Kabupaten Labuhanbatu", "en")
    'en/12.10-kabupaten-labuhanbatu.html'
    >>> report_filename("12.10", "Kabupaten Labuhanbatu", "id", relative_to="en")
    '../12.10-kabupaten-labuhanbatu.html'
    """
    slug = "".join(ch if ch.isalnum() else "-" for ch in region_name.lower()).strip("-")
    slug = "-".join(part for part in slug.split("-") if part)
    return page_path(f"{region_code}-{slug}.html", language, relative_to)


def report_title(region_name: str, language: str) -> str:
    return f"{region_name} — {gettext_for(language)('UCJ coverage report')}"


def page(body: str, title: str, language: str, made: dt.date, wide: bool = False) -> str:
    """The page shell (styles, language, print margins naming the page and the day it was made)
    around a body of trusted markup; ``wide`` for a page whose table needs a laptop's width."""
    printed = f"{title} · {format_date(made.isoformat(), language)}"
    return (
        environment(language)
        .get_template("page.html")
        .render(body=Markup(body), title=title, language=language, print_label=css_string(printed), wide=wide)
    )


def css_string(text: str) -> Markup:
    r"""Text as a quoted CSS string that cannot end the string or the style element.

    Examples
    --------
    >>> print(css_string('Kota "X" </style>'))
    "Kota \22 X\22  \3c \2f style\3e "
    """
    escaped = "".join(ch if ch.isalnum() or ch in " .,·—–-()'" else f"\\{ord(ch):x} " for ch in text)
    return Markup(f'"{escaped}"')


# -- the report ------------------------------------------------------------------------------

# A month inside the PP 50/2025 window for non-transport workers, to name its discounted rate.
DISCOUNT_EXAMPLE_MONTH = dt.date(2026, 6, 1)
# Text smaller than this (CSS px) is hard to read on a phone.
SMALLEST_LEGIBLE_PX = 9


def _legibility(natural_width_px: float, smallest_text_px: float) -> dict:
    """The smallest width (CSS px) at which a picture ``natural_width_px`` wide keeps its smallest
    text (``smallest_text_px`` high at natural size) at least SMALLEST_LEGIBLE_PX, and that text's size."""
    return {
        "min_width": math.ceil(natural_width_px * SMALLEST_LEGIBLE_PX / smallest_text_px),
        "smallest_text_px": round(smallest_text_px, 2),
    }


def _picture(chart, alt: str) -> dict:
    """An embedded chart (:class:`ucjlib.view.charts.Chart`), its alt text and its legibility."""
    return {"uri": chart.data_uri(), "alt": alt, **_legibility(chart.width, chart.smallest_text_px)}


def _locator(view: View) -> dict | None:
    """Where the region lies: its uri, alt text and caption (None for the nation or without a boundary)."""
    model, _ = view.model, view._
    uri = None if model.level == "national" else locator_png(model.code)
    if uri is None:
        return None
    within = model.province_name if model.level in ("regency", "city") else "Indonesia"
    return {
        "uri": uri,
        "alt": _("Map: %(region)s, in blue, within %(within)s.") % {"region": model.name, "within": within},
        "caption": _(
            "Where %(region)s lies (blue) within %(within)s. Boundaries: Kemendagri codes, "
            "cahyadsn/wilayah_boundaries (MIT licence)."
        )
        % {"region": model.name, "within": within},
    }


def _unmapped(view: View) -> list[str]:
    """The locator map, in the report's list of what the data lacks, when the region's boundary is
    missing or failed the checks of :mod:`ucjlib.data.boundaries` (the run's warning says why)."""
    if view.model.level == "national" or view.model.code not in checked().problems:
        return []
    return [view._("a map of where the region lies: its boundary is missing or unusable")]


def _province_map(model: RegionModel, children: list[RegionModel], language: str) -> dict | None:
    """A province's kabupaten/kota coloured by coverage (None without boundaries)."""
    _ = gettext_for(language)
    codes = [code for code in boundaries() if code.startswith(model.code + ".")]
    if not codes:
        return None
    with_data = sum(child.coverage is not None for child in children)
    return {
        **_coverage_map(language, codes, children),
        "alt": _(
            "Map of %(province)s's kabupaten and kota by latest UCJ coverage: %(count)s of %(total)s have a coverage "
            "figure; the others are hatched."
        )
        % {"province": model.name, "count": with_data, "total": len(codes)},
    }


def _start_text(view: View) -> str:
    start, _ = view.model.start, view._
    values = {
        "year": start.year,
        "participants": view.num(start.participants),
        "workers": view.num(start.workers),
        "coverage": view.pct(start.coverage),
    }
    if start.hypothetical:
        return (
            _(
                "Hypothetical start: the %(year)s target taken as met, %(participants)s participants of an implied "
                "%(workers)s workers (%(coverage)s)."
            )
            % values
        )
    return (
        _("Start (%(year)s, latest figure): %(participants)s participants of %(workers)s workers (%(coverage)s).")
        % values
    )


def _growth_text(view: View) -> str:
    growth, _ = view.model.growth, view._
    rate = format_percent(growth.rate * 100, view.language, 2)
    if growth.origin == "reader":
        return _("Growth of the work force: %(rate)s a year (set by the reader).") % {"rate": rate}
    if growth.origin == "official":
        return _(
            "Growth of the work force: %(rate)s a year, the compound change of BPS's employed persons in %(series)s "
            "from August %(first)s to August %(last)s, applied to every year."
        ) % {"rate": rate, "series": growth.series, "first": growth.first_year, "last": growth.last_year}
    return _(
        "Growth of the work force: none assumed (the work force is held flat): neither the region, its province nor "
        "the nation has two August rounds of BPS employed persons in the data."
    )


def _shared_base_text(view: View) -> str | None:
    """How the next step's worker base was estimated from its parent's (a kabupaten/kota's province,
    a province's nation), with every figure and its source (None: the base is not such an estimate)."""
    estimated, _ = view.estimated_base(), view._
    if estimated is None or estimated["shared"] is None:
        return None
    shared, ratio = estimated["shared"], estimated["ratio"]
    parts = {**shared, "workers": estimated["workers"]}
    if shared["of_provinces"]:
        text = _(
            "Worker base of the next step: an estimated %(workers)s workers: %(parent)s's %(base)s of %(date)s, "
            "%(value)s (%(outlet)s), × the region's share of %(parent)s's population, %(share)s (%(population)s of "
            "%(parent_population)s, %(population_date)s, %(population_outlet)s), × %(factor)s, how employed persons "
            "per inhabitant in a province compare with the nation's in the %(regions)s provinces where both are known "
            "(%(level)s prediction interval %(low)s–%(high)s)."
        )
    else:
        text = _(
            "Worker base of the next step: an estimated %(workers)s workers: %(parent)s's %(base)s of %(date)s, "
            "%(value)s (%(outlet)s), × the region's share of %(parent)s's population, %(share)s (%(population)s of "
            "%(parent_population)s, %(population_date)s, %(population_outlet)s), × %(factor)s, how employed persons "
            "per inhabitant in a kabupaten/kota compare with its province's in the %(regions)s kabupaten/kota where "
            "both are known (%(level)s prediction interval %(low)s–%(high)s)."
        )
    text %= parts
    if ratio is not None:
        text += (
            " "
            + _(
                "It is then put on the potensi pekerja the way the sources count them: × %(ratio)s, their ratio to "
                "employed persons in the %(regions)s regions where both are known (%(level)s prediction interval "
                "%(low)s–%(high)s). The range combines both intervals."
            )
            % ratio
        )
    return text


def _assumptions(view: View) -> list[str]:
    model, _ = view.model, view._
    shared, carried = _shared_base_text(view), view.carried_base()
    return [
        *([shared] if shared else []),
        *view.factor_regions(),
        *([carried] if carried else []),
        _contribution_text(view),
        _budget_year_text(view),
        _("Target chosen for the scenarios: %(yardstick)s, year %(year)s.")
        % {"yardstick": model.assumptions.yardstick, "year": model.assumptions.target_year},
        _growth_text(view),
        _(
            "+20-point rule (%(instrument)s): the %(target_year)s target is the coverage at the end of "
            "%(base_year)s plus %(points)s points (at most 100%%), taken from the latest coverage figure dated in "
            "%(base_year)s."
        )
        % {
            "instrument": config.RULE_INSTRUMENT,
            "target_year": config.RULE_TARGET_YEAR,
            "base_year": config.RULE_BASE_YEAR,
            "points": view.num(config.RULE_INCREASE_POINTS),
        },
        _("Check tolerance: %(tolerance)s points plus the rounding of the printed figure.")
        % {"tolerance": view.num(config.CHECK_TOLERANCE_POINTS, 1)},
        _(
            "Gaps in persons use the same denominator as the coverage figure; coverage, participants and workers are "
            "region totals, never one group's figures."
        ),
        _(
            "Ranges: a printed figure stands for any value within half a unit of its last digit "
            '(%(example)s: %(low)s–%(high)s); an approximate one ("sekitar", "lebih dari" …) for any value '
            "within %(share)s of it, on the side its word allows. Gaps, participants and budgets are computed "
            "over %(draws)s draws of every input together (a derived worker base recomputed in each, the work "
            "force's growth drawn too); a range in brackets holds the middle 90%% of them."
        )
        % {
            "draws": view.num(config.UNCERTAINTY_DRAWS),
            "share": format_percent(config.APPROXIMATE_SHARE * 100, view.language, 0),
            "example": view.pct(36.48),
            "low": view.pct(36.475, 3),
            "high": view.pct(36.485, 3),
        },
    ]


def _budget_year_text(view: View) -> str:
    """The report's date and why its first budget year is the one it is (PP 12/2019's approval deadline)."""
    _, assumptions = view._, view.model.assumptions
    first = assumptions.first_budget_year

    def deadline(budget_year: int) -> str:
        return format_date(dt.date(budget_year - 1, *config.BUDGET_APPROVAL_DEADLINE).isoformat(), view.language)

    values = {
        "date": format_date(assumptions.as_of.isoformat(), view.language),
        "year": first,
        "previous": first - 1,
        "deadline": deadline(first),
        "passed": deadline(first - 1),
        "instrument": config.BUDGET_APPROVAL_INSTRUMENT,
    }
    if first == assumptions.as_of.year + 1:
        return (
            _(
                "Report date: %(date)s. The first budget year it can still shape is %(year)s: a region's head "
                "and its DPRD approve the APBD for %(year)s by %(deadline)s at the latest (%(instrument)s)."
            )
            % values
        )
    return (
        _(
            "Report date: %(date)s. The first budget year it can still shape is %(year)s: the APBD for "
            "%(previous)s was due for approval by %(passed)s (%(instrument)s), so a new line reaches "
            "%(previous)s only through its amendment (APBD-Perubahan), for part of the year; the APBD for "
            "%(year)s is approved by %(deadline)s at the latest."
        )
        % values
    )


def _contribution_text(view: View) -> str:
    """What the regional budget pays a month, for which package, and why the discount is not the budget's."""
    _, rate = view._, view.model.assumptions.premium_rate
    segment = segment_for_rate(rate)
    discount = {
        "discounted": view.rp(rule_for(config.BPU_JKK_JKM, "self", DISCOUNT_EXAMPLE_MONTH).monthly),
        "instrument": config.DISCOUNT_INSTRUMENT,
        "full": view.rp(config.BPU_JKK_JKM_MONTHLY),
    }
    if segment == READER_RATE:
        paid = _(
            "Contribution paid by the regional budget: %(rate)s per person per month, a rate set by the reader."
        ) % {"rate": view.rp(rate)}
    else:
        paid = _(
            "Contribution paid by the regional budget: %(rate)s per person per month (%(package)s, %(instrument)s), "
            "in every month."
        ) % {
            "rate": view.rp(rate),
            "package": segment,
            "instrument": rule_for(segment, config.BUDGET_PAYER, DISCOUNT_EXAMPLE_MONTH).instrument,
        }
    return (
        paid
        + " "
        + _(
            "%(instrument)s lowers BPU JKK+JKM from %(full)s to %(discounted)s a month for a time (April–December "
            "2026 outside transport), but not for contributions paid through an APBD or the APBN (its Art. 3): "
            "it lowers what a self-paying informal worker pays, never the regional budget."
        )
        % discount
    )


def csv_download(table: pd.DataFrame, language: str, file: str) -> dict:
    """A table as a CSV file inside the page (a data: link works offline and from an e-mailed
    file): Indonesian spreadsheets expect ';' and a decimal comma, English ',' and '.'."""
    from urllib.parse import quote

    separator, decimal = (";", ",") if language == "id" else (",", ".")
    text = spreadsheet_safe(table).to_csv(index=False, sep=separator, decimal=decimal, lineterminator="\r\n")
    return {"href": "data:text/csv;charset=utf-8," + quote("\ufeff" + text), "file": file}


def _download(view: View) -> dict:
    name = report_filename(view.model.code, view.model.name, "id").replace(".html", f"-{view.language}.csv")
    return csv_download(figures_table(view), view.language, name)


def report_context(model: RegionModel, language: str) -> dict:
    """Everything the report template shows, written for readers in ``language``."""
    view, _ = View(model, language), gettext_for(language)
    trend_rows = []
    if model.trend is not None:
        predicted = model.trend.predict([config.PLAN_END_YEAR, config.LONG_TERM_HORIZON])
        trend_rows = [
            {
                "year": r.year,
                "coverage": view.pct(r.coverage),
                # no interval beyond the observed years + 4 when the trend has few degrees of freedom
                "interval": None if pd.isna(r.lower) else (view.pct(r.lower), view.pct(r.upper)),
            }
            for r in predicted.itertuples()
        ]
    poverty = None
    if model.poverty is not None:
        plan = model.poverty
        poverty = {
            "poor": view.printed(plan.poor.value, plan.poor.as_printed, "persons", plan.poor.approximate),
            "pace": view.num(plan.per_year.value),
            "end": plan.last_year,
            "source": view.source(plan.per_year.source_id),
            "lines": [
                {"start": start, "protected": view.num(protected), "share": view.pct(share, 1)}
                for start, protected, share in plan.outcomes
            ],
        }
    missing = [
        text
        for present, text in (
            (model.coverage, _("no coverage figure")),
            (model.start, _("no number of workers (denominator)")),
        )
        if present is None
    ]
    cost_rows = view.cost_rows()
    children = _children(model)
    return {
        "region_rows": [
            overview_row(
                child.overview, language, report_filename(child.code, child.name, language, relative_to=language)
            )
            for child in children
        ],
        "province_map": _province_map(model, children, language) if children else None,
        "horizon": config.LONG_TERM_HORIZON,
        "sources_line": _("Sources: the figures of this report, numbered in the list of sources."),
        "language": language,
        "model": model,
        "version": __version__,
        "other_language_file": report_filename(model.code, model.name, other_language(language), language),
        "headline": view.headline(),
        "summary": view.summary(),
        "target_rows": view.target_rows(),
        "coverage_chart": _picture(*view.coverage_chart()),
        "cost_rows": cost_rows,
        "cost_year": model.assumptions.first_budget_year,
        "premium_rate": view.rp(model.assumptions.premium_rate),
        "package": segment_for_rate(model.assumptions.premium_rate),
        "closing_missing": "; ".join(missing),
        "trend_rows": trend_rows,
        "trend_reason": view.trend_reason(),
        "start_text": _start_text(view) if model.start else "",
        "scenario_rows": view.scenario_rows(),
        "poverty": poverty,
        "basis_tolerance": format_percent(config.BASIS_CHANGE_TOLERANCE * 100, language, 0),
        "fan_chart": _picture(*view.fan_chart()) if model.scenario_rows is not None else None,
        "over_time_chart": _picture(*over_time) if (over_time := view.over_time_chart()) else None,
        "rings": any((r.as_of, r.source_id) in view.basis_changes() for r in model.coverage_history),
        "national_sources": view.national_series_sources() if model.level != "national" else [],
        "region_sources": sorted({view.source(r.source_id) for r in model.coverage_history}),
        "own_targets": any(t.kind != "national" for t in model.targets),
        "figure_rows": view.figure_rows(),
        "flag_rows": view.check_rows("flag"),
        "derived_rows": view.check_rows("info"),
        "reading_rows": view.reading_rows(),
        "approximate": int(model.figures["approximate"].sum()),
        "missing": view.missing() + _unmapped(view),
        "assumptions": _assumptions(view),
        "sources": view.sources(),
        "legal": view.legal(),
        "labour_force_rows": view.labour_force_rows(),
        "download": _download(view),
        "generated": format_date(model.assumptions.as_of.isoformat(), language),
        "data_version": model.data_version,
        "locator": _locator(view),
    }


def _children(model: RegionModel) -> list[RegionModel]:
    """For a province: the models of its kabupaten/kota that have data."""
    if model.level != "province":
        return []
    observations = load_all().observations
    codes = sorted(
        set(
            observations.loc[
                (observations["province_code"] == model.code) & (observations["level"] != "province"), "region_code"
            ]
        )
    )
    return [processed_model(code, Assumptions(as_of=model.assumptions.as_of)) for code in codes]


def _coverage_map(
    language: str,
    codes: list[str],
    models: list[RegionModel | Overview],
    overlay: list[RegionModel | Overview] | None = None,
) -> dict:
    """A choropleth of the models' (or overviews') latest coverage over ``codes`` (and the overlay's on top):
    its uri and legibility (see :func:`_legibility`)."""
    _ = gettext_for(language)
    edges = [f"{edge:g}" for edge in CLASS_EDGES[1:-1]]
    labels = [
        f"< {edges[0]}%",
        *(f"{low}–{high}%" for low, high in zip(edges, edges[1:], strict=False)),
        f"≥ {edges[-1]}%",
    ]
    values = {m.code: m.coverage.value for m in models if m.coverage is not None}
    layer = None if overlay is None else {m.code: m.coverage.value for m in overlay if m.coverage is not None}
    fig = choropleth(values, codes, _("Latest UCJ coverage"), _("no data"), labels, layer)
    legibility = _legibility(fig.get_figwidth() * DPI, smallest_font_pt(fig) * DPI / 72)
    return {"uri": figure_to_png_uri(fig), **legibility}


def report_languages(languages) -> list[str]:
    """The template's ``languages`` parameter as a list: one language (``"en"``, as
    ``papermill -p languages en`` passes it) or several (``["id", "en"]``), each one once.

    Examples
    --------
    >>> report_languages("en"), report_languages(["id", "en"])
    (['en'], ['id', 'en'])
    """
    chosen = (
        [languages] if isinstance(languages, str) else list(languages) if isinstance(languages, (list, tuple)) else []
    )
    if not chosen or any(language not in LANGUAGES for language in chosen) or len(set(chosen)) < len(chosen):
        raise ReportParameterError(
            f"languages must be one of {', '.join(LANGUAGES)} or a list of them, each once, not {languages!r}"
        )
    return chosen


LABELS = ("language", "overview")  # what report_metadata labels an output with


def report_metadata(model: RegionModel, language: str) -> dict:
    """What the template notebook labels a report output with: its language (each language's
    page is exported from its own output) and the region's overview, which the index lists
    without computing the model again."""
    return {"language": language, "overview": model.overview.as_json()}


def report_body(model: RegionModel, language: str) -> str:
    """The report's sections as HTML (what the template notebook displays)."""
    if language not in LANGUAGES:
        raise ReportParameterError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    return environment(language).get_template("report.html").render(report_context(model, language))


def index_page(
    overviews: list[Overview], national: RegionModel | None, language: str, published: set[str], made: dt.date
) -> str:
    """The national overview: one table of every region (province by province) with its latest
    coverage, its status on the day the page is made and the target and gap it speaks of, also as
    a CSV download; a region links to its report only where one is published."""
    _ = gettext_for(language)

    def file(region):
        return (
            report_filename(region.code, region.name, language, relative_to=language)
            if region.code in published
            else None
        )

    rows = [
        {_("Province"): region.province_name, **overview_row(region, language, file(region))}
        for region in sorted(overviews, key=lambda o: (o.province_code, o.level != "province", o.code))
    ]
    dated = [o.coverage.as_of for o in overviews if o.coverage is not None]
    ends = sorted(dated, key=period_end)
    provinces_only = [o for o in overviews if o.level == "province"]
    local = [o for o in overviews if o.level in ("regency", "city")]
    oldest, newest = (format_date(ends[0], language), format_date(ends[-1], language)) if ends else ("–", "–")
    coverage_map = {
        **_coverage_map(language, [code for code in boundaries() if "." not in code], provinces_only, local),
        "alt": _(
            "Map of Indonesia by latest UCJ coverage: %(provinces)s provinces and %(local)s kabupaten/kota have a "
            "coverage figure; provinces without one are hatched."
        )
        % {
            "provinces": sum(m.coverage is not None for m in provinces_only),
            "local": sum(m.coverage is not None for m in local),
        },
        "caption": _(
            "Latest UCJ coverage of every region with a coverage figure (provinces, and kabupaten/kota drawn over "
            "them); figures dated %(oldest)s to %(newest)s, from different sources and denominators."
        )
        % {"oldest": oldest, "newest": newest},
    }
    table = pd.DataFrame(rows).drop(columns=list(OVERVIEW_KEYS))
    counts = {status: sum(o.status == status for o in overviews) for status in OVERVIEW_STATUSES}
    body = (
        environment(language)
        .get_template("index.html")
        .render(
            rows=rows,
            region_count=len(overviews),
            province_count=len({o.province_code for o in overviews}),
            oldest=oldest,
            newest=newest,
            coverage_map=coverage_map,
            made=format_date(made.isoformat(), language),
            statuses=[
                {"key": key, "label": _(STATUS[key]), "meaning": _(STATUS_MEANING[key]), "count": counts[key]}
                for key in OVERVIEW_STATUSES
            ],
            download=csv_download(table, language, f"ucj-{language}.csv"),
            national=View(national, language).headline() if national is not None and national.coverage else None,
            national_file=file(national) if national is not None else None,
            version=__version__,
            other_language_file=page_path(INDEX_FILE, other_language(language), language),
        )
    )
    return page(body, _("UCJ coverage reports by region"), language, made, wide=True)
