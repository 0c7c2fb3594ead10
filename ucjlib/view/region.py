"""A region model written for readers: rows of formatted text in one language.

The report templates and the notebooks both show these rows, so a figure reads the same
in both (``tests/test_consistency.py`` holds them to it). Words come from the catalogs
(:mod:`ucjlib.i18n`), numbers from :mod:`ucjlib.formatting`; no markup is made here.
"""

from __future__ import annotations

import functools

import pandas as pd

from ucjlib import config
from ucjlib.contributions import READER_RATE
from ucjlib.data.checks import BASIS_CHANGED
from ucjlib.data.indicators import indicators
from ucjlib.data.parse import parse_figure, printed_decimals, printed_range
from ucjlib.data.processed import is_total, totals
from ucjlib.formatting import (
    UNIT_DECIMALS,
    format_date,
    format_in_unit,
    format_number,
    format_percent,
    format_rounded,
    format_rupiah,
)
from ucjlib.i18n import N_, gettext_for
from ucjlib.model.bases import EMPLOYED, LABOUR_FORCE, NATION, POPULATION, named_official
from ucjlib.model.projections import decimal_year
from ucjlib.model.region import (
    DUE,
    NEAR_BASE,
    OFFICIAL_BASE,
    PARTICIPANTS_BASE,
    PASSED,
    BudgetYear,
    Gap,
    Overview,
    RegionModel,
    Target,
)
from ucjlib.view.charts import coverage_over_time, coverage_vs_targets, fan_chart

GAP_DECIMALS = 2
ATTAINMENT_DECIMALS = 1
NONE = "–"

KIND_LABELS = {"national": N_("national yardstick"), "own": N_("regional target"), "rule": N_("+20-point rule")}
# The nation's own targets are not a region's (in the data: BPJS Ketenagakerjaan's participant targets).
NATIONAL_OWN_LABELS = {
    "kind": N_("own target (the nation's)"),
    "target-pair-pace": N_("Pace of the nation's own participant targets: %(pace)s participants a year"),
}
SCENARIO_LABELS = {
    "one-off-plan": N_("One-off enrolment plan: %(plans)s"),
    "target-pair-pace": N_("Pace of the regional targets: %(pace)s participants a year"),
    "to-target": N_("Path to %(target)s (%(name)s) by %(year)s: %(pace)s participants a year"),
    "national-pace": N_("%(name)s pace: +%(points)s points a year"),
}
# How the parser read a figure whose separators allowed two readings (processed column ``reading``).
READINGS = {
    "dot-decimal (unit range)": N_(
        "'.' read as the decimal mark: as a thousands separator the value would exceed the indicator's range"
    ),
    "comma-decimal (unit range)": N_(
        "',' read as the decimal mark: as a thousands separator the value would exceed the indicator's range"
    ),
    "dot-decimal (scale word)": N_("'.' read as the decimal mark before a scale word"),
    "comma-decimal (scale word)": N_("',' read as the decimal mark before a scale word (juta, miliar …)"),
    "en convention": N_("read with English separators: the source is an English-language outlet"),
    "full-width digits": N_("full-width digits read as 0–9"),
}
MISSING = {
    "ucj_coverage": N_("a UCJ coverage figure"),
    "workers": N_("the number of workers (denominator)"),
    "active_participants": N_("the number of active participants"),
    "coverage_target": N_("a target of the region's own"),
}


# BPS's bases as a report names them (the labour_force.csv indicators).
OFFICIAL_BASE_WORDS = {LABOUR_FORCE: N_("labour force"), EMPLOYED: N_("employed persons")}
LABOUR_FORCE_ROW_WORDS = {**OFFICIAL_BASE_WORDS, POPULATION: N_("population")}


class View:
    """Formatted pieces of one region model in one language."""

    def __init__(self, model: RegionModel, language: str):
        self.model, self.language = model, language
        self._ = gettext_for(language)

    @functools.cached_property
    def source_numbers(self) -> dict[str, int]:
        return {source: n for n, source in enumerate(self.model.sources.index, start=1)}

    # -- numbers -------------------------------------------------------------------------
    def pct(self, value: float | None, decimals: int = 2) -> str:
        return format_percent(value, self.language, decimals)

    def num(self, value: float | None, decimals: int = 0) -> str:
        return format_number(value, self.language, decimals)

    def rp(self, value: float | None) -> str:
        return format_rupiah(value, self.language)

    def num_range(self, value: float | None, bounds: tuple[float, float] | None) -> str:
        """A count with its range when its inputs were rounded or approximate: ``28.453 (28.444–28.462)``."""
        return self._with_range(self.num(value), [self.num(end) for end in bounds or ()])

    def rp_range(self, value: float, bounds: tuple[float, float]) -> str:
        return self._with_range(self.rp(value), [self.rp(end) for end in bounds])

    @staticmethod
    def _with_range(text: str, ends: list[str]) -> str:
        return text if len(set(ends)) < 2 else f"{text} ({ends[0]}–{ends[1]})"

    def date(self, iso: str) -> str:
        return format_date(iso, self.language) if iso else NONE

    def printed(self, value: float, as_printed: str, unit: str, approximate: bool = False) -> str:
        """A printed figure shown again: percentages keep their printed decimals; a printed range
        stays a range (``40–45%``); ≈ marks an approximation."""
        if unit == "rank":  # a number; "lima besar" (among the top five) is not the same as fifth
            if parse_figure(as_printed).bound == "at_most":
                return self._("top %(n)s") % {"n": self.num(value)}
            return self.num(value)
        percentage = unit in ("percent", "points")
        decimals = printed_decimals(as_printed) if percentage else 0
        if percentage and (ends := printed_range(as_printed)):
            return f"{self.num(ends[0], decimals)}–{format_in_unit(ends[1], unit, self.language, decimals)}"
        return ("≈" if approximate else "") + format_in_unit(value, unit, self.language, decimals)

    def source(self, source_id: str) -> int:
        return self.source_numbers[source_id]

    # -- labels --------------------------------------------------------------------------
    def target_name(self, target: Target) -> str:
        if target.kind == "rule":
            base = target.rule_base
            # The rule's base is the latest figure of its year, which need not be of the year's end (Binjai's is
            # of 18 October 2024): its date is named.
            return self._("+20-point rule, %(instrument)s (%(base)s of %(date)s + %(points)s)") % {
                "instrument": target.name,
                "base": self.pct(base.value, base.decimals),
                "date": self.date(base.as_of.split("/")[-1]),
                "points": self.num(config.RULE_INCREASE_POINTS),
            }
        return target.name_en if self.language == "en" and target.name_en else target.name

    def target_value(self, target: Target) -> str:
        decimals = target.rule_base.decimals if target.rule_base else printed_decimals(target.as_printed)
        return self.pct(target.value, decimals)

    def target_value_of(self, reading) -> str:
        return self.pct(reading.value, reading.decimals)

    def kind(self, target: Target) -> str:
        if target.kind == "own" and self.model.level == "national":
            return self._(NATIONAL_OWN_LABELS["kind"])
        return self._(KIND_LABELS[target.kind])

    def scenario_label(self, scenario) -> str:
        params = scenario.params
        if scenario.key == "one-off-plan":
            values = {
                "plans": " + ".join(self.num(value) + (f" {funding}" if funding else "") for value, funding in params)
            }
        elif scenario.key == "target-pair-pace":
            values = {"pace": self.num(params[0])}
        elif scenario.key == "to-target":
            values = {"name": params[0], "year": params[1], "target": self.pct(params[2]), "pace": self.num(params[3])}
        else:
            values = {"name": params[0], "points": self.num(params[1], 2)}
        national = self.model.level == "national" and scenario.key in NATIONAL_OWN_LABELS
        return self._((NATIONAL_OWN_LABELS if national else SCENARIO_LABELS)[scenario.key]) % values

    def indicator_title(self, indicator: str) -> str:
        return self._(indicators().loc[indicator, "title"])

    def text(self, row, column: str) -> str:
        """A data text in the page's language (``note_id`` / ``note_en`` …)."""
        return row[f"{column}_{self.language}"]

    # -- charts (ucjlib.view.charts, with their text alternative) ---------------------------
    def coverage_chart(self):
        """Coverage against every target, and its alt text."""
        model, _ = self.model, self._
        label = _("Coverage of %(region)s") % {"region": model.name}
        # The rule's long name (with its base) is in the table; the chart's label stays short.
        targets = [
            (f"{self.kind(t) if t.kind == 'rule' else self.target_name(t)} ({t.year})", t.value, t.kind != "national")
            for t in model.targets
        ]
        coverage = model.coverage
        chart = coverage_vs_targets(
            None if coverage is None else coverage.value,
            label,
            targets,
            _("UCJ coverage and yardsticks"),
            self.language,
            2 if coverage is None else coverage.decimals,
        )
        described = ([f"{label}: {self.pct(coverage.value, coverage.decimals)}"] if coverage else []) + [
            f"{name}: {self.pct(value)}" for name, value, _own in targets
        ]
        return chart, "; ".join(described)

    def over_time_chart(self):
        """Every dated coverage figure of the region with the nation's as a reference, and its alt
        text; None with fewer than two figures."""
        model, _ = self.model, self._
        if not model.has_history:
            return None
        history = _distinct(sorted(model.coverage_history, key=lambda r: decimal_year(r.as_of)))
        changed = self.basis_changes()
        region = pd.DataFrame(
            {
                "year": [decimal_year(r.as_of) for r in history],
                "coverage": [r.value for r in history],
                "text": [self.target_value_of(r) for r in history],
                "new_basis": [(r.as_of, r.source_id) in changed for r in history],
            }
        )
        national = model.national if model.level != "national" else model.national.iloc[0:0]
        national = totals(national[national["indicator"] == "ucj_coverage"])
        reference = pd.DataFrame(
            {"year": national["as_of"].map(decimal_year), "coverage": national["value"]}
        ).sort_values("year")
        labels = {"region": model.name, "national": _("Indonesia (national)"), "new_basis": _("new denominator")}
        chart = coverage_over_time(
            region, reference, _("%(region)s: UCJ coverage over time") % {"region": model.name}, labels, self.language
        )
        described = "; ".join(
            f"{self.date(r.as_of)}: {self.target_value_of(r)}" + (f" ({labels['new_basis']})" if new else "")
            for r, new in zip(history, region["new_basis"], strict=False)
        )
        return chart, described

    def basis_changes(self) -> set[tuple[str, str]]:
        """(date, source) of the coverage figures whose worker base changed from the one before (ringed)."""
        checks = self.model.checks
        flagged = checks[(checks["check"] == BASIS_CHANGED) & (checks["status"] == "flag")]
        return set(zip(flagged["as_of"], flagged["source_id"], strict=False))

    def national_series_sources(self) -> list[int]:
        """The numbers of the sources of the nation's coverage series (the over-time chart's reference)."""
        national = self.model.national
        ids = national.loc[national["indicator"] == "ucj_coverage", "source_id"]
        return sorted({self.source(source) for source in ids if source in self.source_numbers})

    def fan_chart(self):
        """Observed coverage, the trend (if any), the compared targets and every scenario's path, and its alt text."""
        model, _ = self.model, self._
        rows = model.scenario_rows
        points = pd.DataFrame(
            {
                "year": [decimal_year(r.as_of) for r in model.coverage_history],
                "coverage": [r.value for r in model.coverage_history],
            }
        )
        points.attrs["label"] = _("Observed coverage")
        fitted = None
        if model.trend is not None:
            fitted = model.trend.predict(range(int(points["year"].min()), config.LONG_TERM_HORIZON + 1))
            fitted.attrs.update(line=_("Trend (logit)"), band=_("90% prediction interval"))
        start = model.start
        # Scenario paths hold end-of-year values and start from the starting point's date.
        start_x = points["year"].max() if not start.hypothetical and len(points) else decimal_year(str(start.year))
        first = pd.DataFrame({"year": [start_x], "coverage": [start.coverage]})
        paths = [
            (
                self.scenario_label(row.scenario),
                pd.concat(
                    [
                        first,
                        row.path[["year", "coverage"]].assign(year=[decimal_year(str(y)) for y in row.path["year"]]),
                    ]
                ),
            )
            for row in rows.itertuples()
        ]
        chart = fan_chart(
            points,
            fitted,
            model.compared_targets,
            paths,
            _("%(region)s: UCJ coverage, scenarios and targets") % {"region": model.name},
            self.language,
        )
        described = "; ".join(
            f"{self.scenario_label(row.scenario)}: {config.PLAN_END_YEAR} {self.pct(row.coverage_plan_end)}"
            for row in rows.itertuples()
            if row.coverage_plan_end is not None
        )
        return chart, described

    # -- rows ----------------------------------------------------------------------------
    def headline(self) -> dict | None:
        model = self.model
        coverage = model.coverage
        if coverage is None:
            return None
        workers = model.workers
        return {
            "coverage": self.printed(coverage.value, coverage.as_printed, "percent", coverage.approximate),
            "date": self.date(coverage.as_of),
            "source": self.source(coverage.source_id),
            "age": self.age(coverage.as_of),
            "up_to": self.date(coverage.as_of.split("/")[1]) if coverage.as_of.startswith("../") else None,
            "old": model.is_old(coverage.as_of),
            "midpoint": self.pct(coverage.value, coverage.decimals + 1) if coverage.bound == "range" else None,
            "participants": None
            if model.participants is None or workers is None or workers.derived
            else self.printed(
                model.participants.value, model.participants.as_printed, "persons", model.participants.approximate
            ),
            "workers": None if workers is None else self.num(workers.value),
            "workers_derived": workers is not None and workers.derived and not workers.origin,
            "workers_of": self.date(workers.as_of) if workers and workers.as_of and not workers.origin else None,
            "carried": self.num(model.start.workers) if model.start and workers else None,
            "basis": coverage.basis if self.language == "id" else coverage.basis_en,
            "near_base": self.near_base(),
            "participants_base": self.participants_base(),
            "estimated_base": self.estimated_base(),
            "on_employed": self.on_employed(),
        }

    def near_base(self) -> dict | None:
        """A worker base printed by a source for a date near the headline's, not beside it."""
        workers = self.model.workers
        if workers is None or workers.origin != NEAR_BASE:
            return None
        basis = workers.basis if self.language == "id" else workers.basis_en
        return {
            "workers": self.printed(workers.value, workers.inputs, "persons"),
            "date": self.date(workers.as_of.split("/")[-1]),
            "basis": basis or self._("basis not stated"),
            "source": self.source(workers.source_id),
        }

    def participants_base(self) -> dict | None:
        """A worker base implied by the active participants a source prints for a near date."""
        workers = self.model.workers
        if workers is None or workers.origin != PARTICIPANTS_BASE:
            return None
        counted = workers.parts[0]
        return {
            "workers": self.num_range(workers.value, workers.band),
            "participants": self.printed(counted.value, counted.as_printed, "persons", counted.approximate),
            "date": self.date(workers.as_of.split("/")[-1]),
            "source": self.source(workers.source_id),
        }

    def estimated_base(self) -> dict | None:
        """An estimated worker base in words: the estimate with its range, and how it was made."""
        workers = self.model.workers
        if workers is None or not workers.estimated:
            return None
        ratio, official, shared = workers.ratio, workers.official, workers.shared
        found = {"workers": self.num_range(workers.value, workers.band), "ratio": None, "shared": None}
        if ratio is not None:
            found["ratio"] = {
                "ratio": self.num(ratio.estimate, 3),
                "low": self.num(ratio.low, 3),
                "high": self.num(ratio.high, 3),
                "regions": ratio.regions,
                "level": format_percent(ratio.level * 100, self.language, 0),
            }
        if shared is None:
            found |= {
                "employed": self.num(official.value),
                "date": self.date(official.as_of),
                "outlet": official.outlet,
            }
        else:
            factor = shared.factor
            found["shared"] = {
                "parent": official.region_name,
                "of_provinces": official.region_code == NATION,
                "base": self._(OFFICIAL_BASE_WORDS[shared.indicator]),
                "value": self.num(official.value),
                "date": self.date(official.as_of),
                "outlet": official.outlet,
                "share": self.pct(shared.share * 100, 2 if shared.share >= 0.01 else 3),  # a province's can be 0,193%
                "population": self.num(shared.population.value),
                "parent_population": self.num(shared.parent_population.value),
                "population_date": " / ".join(
                    dict.fromkeys(self.date(base.as_of) for base in (shared.population, shared.parent_population))
                ),
                "population_outlet": "; ".join(
                    dict.fromkeys(base.outlet for base in (shared.population, shared.parent_population))
                ),
                "factor": self.num(factor.estimate, 3),
                "low": self.num(factor.low, 3),
                "high": self.num(factor.high, 3),
                "regions": factor.regions,
                "level": format_percent(factor.level * 100, self.language, 0),
            }
        return found

    def factor_regions(self) -> list[str]:
        """The regions behind each factor an estimated base carries (the potensi ratio, the share
        factor), in sentences, so that the page names every region its estimate rests on."""
        workers, _ = self.model.workers, self._
        if workers is None or not workers.estimated:
            return []
        sentences = []
        if workers.ratio is not None:
            sentences.append(
                _("The ratio %(value)s (potensi pekerja to employed persons) is the mean over %(names)s.")
                % {"value": self.num(workers.ratio.estimate, 3), "names": _names(workers.ratio)}
            )
        if workers.shared is not None:
            factor = workers.shared.factor
            sentences.append(
                _(
                    "The factor %(value)s (employed persons per inhabitant against the parent region's) is the mean "
                    "over %(names)s."
                )
                % {"value": self.num(factor.estimate, 3), "names": _names(factor)}
            )
        return sentences

    def carried_base(self) -> str | None:
        """A worker base of another date than the headline's, carried to the headline's date by the
        work force's growth (or taken unchanged without a growth series), in a sentence that names
        both dates and both counts (None: the headline's own base)."""
        model = self.model
        workers, start, coverage = model.workers, model.start, model.coverage
        if workers is None or start is None or start.hypothetical or coverage is None:
            return None
        years = workers.years_to(coverage.as_of)
        if years == 0:
            return None
        words = {
            "date": self.date(workers.as_of.split("/")[-1]),
            "base": self.num_range(workers.value, workers.band),
            "to": self.date(coverage.as_of.split("/")[-1]),
        }
        if model.growth.origin == "none":
            return (
                self._(
                    "The worker base of %(date)s, %(base)s, is taken unchanged as the base of %(to)s, the coverage "
                    "figure's date: there is no growth series to carry it by."
                )
                % words
            )
        return self._(
            "The worker base of %(date)s, %(base)s, carried to %(to)s, the coverage figure's date, at the work "
            "force's growth of %(rate)s a year, is %(workers)s workers: the base the step starts from."
        ) % {
            **words,
            "rate": format_percent(model.growth.rate * 100, self.language, 2),
            "workers": self.num_range(start.workers, [model.growth.carry(end, years) for end in workers.bounds]),
        }

    def step_growth(self) -> str | None:
        """Why the next step asks for more than the gap at today's work force: the work force it counts
        in the target's year, grown by the growth (None: no growth, or a hypothetical start)."""
        model = self.model
        step = model.next_step
        if step is None or model.start.hypothetical or model.growth.rate == 0:
            return None
        year = step.target.year
        return self._(
            "In all %(total)s new participants by %(year)s: the work force is counted growing %(rate)s a year, "
            "to %(workers)s workers in %(year)s; the gap in the table (%(today)s) is on the work force of the "
            "coverage figure's date."
        ) % {
            "total": self.num(step.whole_gap_persons),
            "year": year,
            "rate": format_percent(model.growth.rate * 100, self.language, 2),
            "workers": self.num(model.workers_in(year)),
            "today": self.num(next((gap.persons for gap in model.gaps if gap.target == step.target), None)),
        }

    def outgrown(self) -> str | None:
        """A caution where the work force the step counts in its target's year exceeds the region's whole
        population (None: it does not, or the population is unknown)."""
        model = self.model
        if not model.outgrows_population:
            return None
        measured = model.growth.first_year is not None  # else the reader's own rate (--workforce-growth)
        message = (
            N_(
                "Caution: the work force this step counts in %(year)s, %(workers)s, is more than the region's whole "
                "population (%(population)s, %(date)s): growth measured over %(first)s–%(last)s overstates the "
                "step when carried so far."
            )
            if measured
            else N_(
                "Caution: the work force this step counts in %(year)s, %(workers)s, is more than the region's "
                "whole population (%(population)s, %(date)s): the assumed growth of %(rate)s a year overstates "
                "the step when carried so far."
            )
        )
        return self._(message) % {
            "year": model.next_step.target.year,
            "workers": self.num(model.workers_in(model.next_step.target.year)),
            "population": self.num(model.population.value),
            "date": self.date(model.population.as_of),
            "first": model.growth.first_year,
            "last": model.growth.last_year,
            "rate": format_percent(model.growth.rate * 100, self.language, 2),
        }

    def official_base(self) -> dict | None:
        """The BPS base the headline's printed basis names, in words, where the source prints no count."""
        workers = self.model.workers
        if workers is None or workers.origin != OFFICIAL_BASE:
            return None
        official = workers.official
        return {
            "workers": self.num(workers.value),
            "base": self._(OFFICIAL_BASE_WORDS[named_official(self.model.coverage.basis)]),
            "date": self.date(official.as_of),
            "outlet": official.outlet,
        }

    def on_employed(self) -> dict | None:
        """Coverage on BPS's employed base, beside the printed figure."""
        employed = self.model.on_employed
        if employed is None:
            return None
        return {
            "percent": self.pct(employed.percent),
            "participants": self.printed(employed.participants, employed.participants_as_printed, "persons"),
            "participants_date": self.date(employed.participants_as_of.split("/")[-1]),
            "employed": self.num(employed.employed.value),
            "employed_date": self.date(employed.employed.as_of),
            "outlet": employed.employed.outlet,
            "source": self.source(employed.source_id),
        }

    def basis_text(self, reading) -> str:
        """A coverage figure's denominator in words, for charts that put regions side by
        side: ``denominator: labour force``, or ``denominator not stated`` when the source
        names none."""
        basis = reading.basis if self.language == "id" else reading.basis_en
        return self._("denominator: %(basis)s") % {"basis": basis} if basis else self._("denominator not stated")

    def age(self, as_of: str) -> str:
        """How old a figure is on the report's date: ``this figure is 19 months old``."""
        return self._("this figure is %(months)s months old on the report's date") % {
            "months": self.model.age_months(as_of)
        }

    def dated(self, as_of: str, indicator: str) -> str:
        """An observed figure's date, with its age when it is old: ``Januari 2023 (31 months old)``;
        a target's year as it is."""
        if indicators().loc[indicator, "kind"] != "observed" or not self.model.is_old(as_of):
            return self.date(as_of)
        return self._("%(date)s (%(months)s months old)") % {
            "date": self.date(as_of),
            "months": self.model.age_months(as_of),
        }

    def verdict(self, gap: Gap) -> str:
        """``reached``, ``missed: …`` for a passed target, or ``behind by 15,67 points (28.452 workers)``."""
        _ = self._
        judged = self.date(gap.judged_by.as_of) if gap.judged_by else NONE
        if gap.timing == PASSED:
            if gap.reached:
                return _("reached (coverage of %(date)s)") % {"date": judged}
            values = {"year": gap.target.year, "points": self.num(gap.points, GAP_DECIMALS), "date": judged}
            # Judged early, the year passed with no figure of it: the target is not known to be missed.
            if gap.persons is None:
                return (
                    _(
                        N_("no figure for %(year)s; %(points)s points short at the figure of %(date)s")
                        if gap.judged_early
                        else N_("missed: %(points)s points short (coverage of %(date)s)")
                    )
                    % values
                )
            return _(
                N_("no figure for %(year)s; %(points)s points short, %(persons)s workers, at the figure of %(date)s")
                if gap.judged_early
                else N_("missed: %(points)s points short, %(persons)s workers (coverage of %(date)s)")
            ) % {**values, "persons": self.num_range(gap.persons, gap.persons_range)}
        if gap.reached:  # by the latest figure: the target's year is still ahead, and the work force grows
            return _("above it at the latest figure (%(date)s)") % {"date": judged}
        if gap.timing == DUE:
            return _("due in %(year)s, too soon for a new budget line; behind by %(points)s points") % {
                "year": gap.target.year,
                "points": self.num(gap.points, GAP_DECIMALS),
            }
        if gap.persons is None:
            return _("behind by %(points)s points") % {"points": self.num(gap.points, GAP_DECIMALS)}
        return _("behind by %(points)s points; workers to enrol: %(persons)s") % {
            "points": self.num(gap.points, GAP_DECIMALS),
            "persons": self.num_range(gap.persons, gap.persons_range),
        }

    def status_word(self, gap: Gap) -> str:
        """A target's status in a word or two, for a table column: ``missed (April 2025)``."""
        _ = self._
        if gap.timing == PASSED:
            if not gap.reached and gap.judged_early:
                return _("not reached by %(date)s") % {"date": self.date(gap.judged_by.as_of)}
            word = _("reached") if gap.reached else _("missed")
            return f"{word} ({self.date(gap.judged_by.as_of)})"
        if gap.reached:
            return _("above it at the latest figure")
        return _("due this year") if gap.timing == DUE else _("open")

    def summary(self) -> dict | None:
        """The answer first: where the region stands against the targets due around the report's
        date and the one the next step aims at, the next step with its budget, what keeping the
        participants a budget already pays for costs, and the uncovered groups the sources name."""
        model, _ = self.model, self._
        if model.coverage is None:
            return None
        step = model.next_step
        next_step = (
            None
            if step is None
            else {
                "target": f"{self.target_name(step.target)}: {self.target_value(step.target)} ({step.target.year})",
                "participants": self.num_range(step.participants_per_year, step.per_year_range),
                "year": step.first_budget.year,
                "budget": self.rp_range(step.first_budget.rupiah, step.budget_range(step.first_budget)),
                "rate": self.rate_text(step.first_budget),
                "source": self.source(step.target.source_id),
                "hypothetical": model.start.hypothetical,
                "estimated": self.estimated_base(),
                "official": self.official_base(),
                "carried": self.carried_base(),
                "grown": self.step_growth(),
                "outgrown": self.outgrown(),
                "doubts": "; ".join(_(check) for check in model.headline_doubts),
            }
        )
        year = model.assumptions.as_of.year
        return {
            "years": (year - 1, year),
            "verdicts": [
                {
                    "target": f"{self.target_name(gap.target)} ({gap.target.year})",
                    "value": self.target_value(gap.target),
                    "verdict": self.verdict(gap),
                    "source": self.source(gap.target.source_id),
                }
                for gap in model.binding_gaps
            ],
            "next_step": next_step,
            "open_not_costed": step is None and model.first_open is not None,
            "only_due": step is None and model.first_open is None and model.first_unmet is not None,
            "first_budget_year": model.assumptions.first_budget_year,
            "actions": [
                {
                    "group": action.group if self.language == "id" else action.group_en,
                    "persons": self.printed(
                        action.persons.value, action.persons.as_printed, "persons", action.persons.approximate
                    ),
                    "year": action.budget.year,
                    "budget": self.rp(action.budget.rupiah),
                    "source": self.source(action.persons.source_id),
                }
                for action in model.group_actions
            ],
            "sponsored": [
                {
                    "group": item.group if self.language == "id" else item.group_en,
                    "funding": item.funding,
                    "persons": self.printed(
                        item.persons.value, item.persons.as_printed, "persons", item.persons.approximate
                    ),
                    "date": self.date(item.persons.as_of),
                    "year": item.budget.year,
                    "budget": self.rp(item.budget.rupiah),
                    "source": self.source(item.persons.source_id),
                }
                for item in model.sponsored
            ],
            "ranged": any(
                gap.persons_range and len({round(end) for end in gap.persons_range}) > 1 for gap in model.binding_gaps
            )
            or (step is not None and len({round(end) for end in step.per_year_range}) > 1),
        }

    def target_rows(self) -> list[dict]:
        """Every target with the gap to it (when the region has a coverage figure)."""
        model, _ = self.model, self._
        gaps = {gap.target: gap for gap in model.gaps}
        rows = []
        for target in model.targets:
            gap = gaps.get(target)
            rows.append(
                {
                    _("Yardstick"): self.target_name(target),
                    _("Kind"): self.kind(target),
                    _("Year"): str(target.year),
                    _("Target"): self.target_value(target),
                    _("Status"): NONE if gap is None else self.status_word(gap),
                    _("Gap (points)"): NONE
                    if gap is None
                    else (_("reached") if gap.reached else self.num(gap.points, GAP_DECIMALS)),
                    _("Gap (persons)"): NONE
                    if gap is None or gap.persons is None
                    else self.num_range(gap.persons, gap.persons_range),
                    _("Attainment"): NONE if gap is None else self.pct(gap.attainment, ATTAINMENT_DECIMALS),
                    "source": self.source(target.source_id),
                }
            )
        return rows

    def rate_text(self, budget: BudgetYear) -> str:
        """The months at each rate a budget year pays, with the instrument that sets it."""
        return " + ".join(
            self._("%(months)s × %(rate)s (%(instrument)s)")
            % {
                "months": piece.months,
                "rate": self.rp(piece.rate),
                "instrument": self._("rate set by the reader") if piece.instrument == READER_RATE else piece.instrument,
            }
            for piece in budget.pieces
        )

    def cost_rows(self) -> list[dict]:
        """One row per target a budget can still pay toward: participants a year and the budget of the
        first budget year."""
        _ = self._
        rows = []
        for cost in self.model.costs:
            target = cost.target
            last = cost.first_year + cost.years - 1
            rows.append(
                {
                    _("Target"): f"{self.target_name(target)}: {self.target_value(target)} ({target.year})",
                    _("New participants a year"): self.num_range(cost.participants_per_year, cost.per_year_range),
                    _("Years"): f"{cost.first_year}–{last}" if cost.years > 1 else str(cost.first_year),
                    _("Budget in the first year"): self.rp_range(
                        cost.first_budget.rupiah, cost.budget_range(cost.first_budget)
                    ),
                    _("Monthly rate"): self.rate_text(cost.first_budget),
                    _("Budget in the target year"): self.rp_range(
                        cost.budget_years[-1].rupiah, cost.budget_range(cost.budget_years[-1])
                    ),
                    _("To enrol by the target year (persons)"): self.num_range(
                        cost.whole_gap_persons, tuple(end * cost.years for end in cost.per_year_range)
                    ),
                }
            )
        return rows

    def trend_reason(self) -> str | None:
        """Why no statistical projection is fitted, in words (``model.trend_problem`` is its
        code, such as ``("few", 1, 3)``); None when a trend is fitted. Reports and notebooks
        show these words."""
        problem, _ = self.model.trend_problem, self._
        if self.model.trend is not None:
            return None
        if problem[0] == "few" and problem[1] == 0:
            return _("No statistical projection: the data holds no coverage figure to fit a trend to.")
        if problem[0] == "few":
            return _(
                "No statistical projection: only %(n)s coverage figure(s), while a trend needs at least "
                "%(minimum)s on one denominator; only scenarios are shown."
            ) % {"n": problem[1], "minimum": problem[2]}
        if problem[0] == "unknown":
            return _(
                "No statistical projection: %(unknown)s of the %(n)s coverage figures do not name their denominator, "
                "and a trend needs figures on one known denominator."
            ) % {"unknown": problem[1], "n": problem[2]}
        if problem[0] == "mixed":
            return _(
                "No statistical projection: the coverage figures use different denominators (%(bases)s); no trend is "
                "fitted across a change of denominator."
            ) % {"bases": ", ".join(b or "–" for b in problem[1])}
        return _("No statistical projection: the coverage figures cannot be fitted.")

    def scenario_rows(self) -> list[dict]:
        model, _ = self.model, self._
        table = model.scenario_rows
        if table is None:
            return []
        rows = []
        for row in table.to_dict("records"):
            record = {
                _("Scenario"): self.scenario_label(row["scenario"]),
                _("New participants, first year (%(year)s)") % {"year": row["first_year"]}: self.num(
                    row["first_year_added"]
                ),
                _("Coverage %(year)s") % {"year": config.PLAN_END_YEAR}: self.pct(row["coverage_plan_end"]),
            }
            for name, value in model.compared_targets:
                year = row[f"reached:{name}"]
                key = _("Year reached: %(name)s, %(target)s") % {"name": name, "target": self.pct(value)}
                record[key] = (
                    _("already reached")
                    if model.start.coverage >= value
                    else _("not by %(year)s") % {"year": config.LONG_TERM_HORIZON}
                    if pd.isna(year)
                    else str(int(year))
                )
            record[_("Budget, first year")] = self.rp(row["budget_first_year"])
            record[_("Budget %(year)s") % {"year": config.PLAN_END_YEAR}] = self.rp(row["budget_plan_end"])
            record["source"] = self.source(row["scenario"].source_id) if row["scenario"].source_id else None
            rows.append(record)
        return rows

    def figure_rows(self) -> list[dict]:
        """Every other figure the sources give for the region (built from the data)."""
        _ = self._
        rows = []
        figures = self.model.figures
        # A region's total coverage and targets are shown above; one group's (the informal sector's …) only here.
        shown = figures["indicator"].isin(["ucj_coverage", "coverage_target"]) & is_total(figures)
        for _index, row in figures[~shown].iterrows():
            qualifiers = [
                row["programme"],
                row["group"] if self.language == "id" else row["group_en"],
                row["funding"],
                row["basis"] if self.language == "id" else row["basis_en"],
                row["yardstick"] if self.language == "id" else row["yardstick_en"],
            ]
            rows.append(
                {
                    _("Indicator"): self.indicator_title(row["indicator"]),
                    _("Detail"): ", ".join(q for q in qualifiers if q),
                    _("Value"): self.printed(row["value"], row["value_as_printed"], row["unit"], row["approximate"]),
                    _("As of"): self.dated(row["as_of"], row["indicator"]),
                    "source": self.source(row["source_id"]),
                }
            )
        return rows

    def check_rows(self, status: str) -> list[dict]:
        _ = self._
        rows = []
        for check in self.model.checks[self.model.checks["status"] == status].itertuples():
            rows.append(
                {
                    _("Check"): _(check.check),
                    _("Inputs"): self._numbered(check.inputs),
                    _("Recomputed"): format_rounded(check.recomputed, check.unit, self.language),
                    _("Printed"): format_rounded(check.printed, check.unit, self.language),
                    _("Difference"): format_rounded(check.difference, check.unit, self.language),
                    _("Explanation"): _(check.explanation),
                    "source": self.source(check.source_id),
                }
            )
        return rows

    def _numbered(self, inputs: str) -> str:
        """A check's inputs with each "(source id)" written as the source's number, "[3]", as
        the page cites it (an id is a file name, not words for a reader)."""
        for source_id, number in self.source_numbers.items():
            inputs = inputs.replace(f"({source_id})", f"[{number}]")
        return inputs

    def reading_rows(self) -> list[dict]:
        """Figures whose printed text a rule had to settle, with the rule in words."""
        _ = self._
        figures = self.model.figures
        rows = []
        for _index, row in figures[figures["reading"] != ""].iterrows():
            rules = "; ".join(_(READINGS[code]) if code in READINGS else code for code in row["reading"].split("; "))
            rows.append(
                {
                    _("Indicator"): self.indicator_title(row["indicator"]),
                    _("Printed"): row["value_as_printed"],
                    _("Read as"): self.printed(row["value"], row["value_as_printed"], row["unit"], row["approximate"]),
                    _("Rule"): rules,
                    "source": self.source(row["source_id"]),
                }
            )
        return rows

    def missing(self) -> list[str]:
        """What a reader would expect in the report that the data does not hold yet."""
        held = set(self.model.figures["indicator"])
        missing = [self._(label) for indicator, label in MISSING.items() if indicator not in held]
        if (self.model.figures["published"] == "").any():
            missing.append(self._("a source's publication date"))
        return missing

    def sources(self) -> list[dict]:
        sources = self.model.sources
        return [
            {
                "number": number,
                "outlet": row["outlet"],
                "title": row[f"source_title_{self.language}"],
                "published": self.date(row["published"]) if row["published"] else None,
                "url": row["source_url"],
                "note": row[f"source_note_{self.language}"],
            }
            for number, (source_id, row) in enumerate(sources.iterrows(), start=1)
        ]

    def labour_force_rows(self) -> list[dict]:
        """The labour-force table's rows behind the page's worker base, growth and coverage on one
        base (BPS figures and populations), each with the page it was read on."""
        return [
            {
                "region": row.region_name,
                "what": self._(LABOUR_FORCE_ROW_WORDS[row.indicator]),
                "date": self.date(row.as_of),
                "value": self.num(row.value),
                "outlet": row.outlet,
                "url": row.url,
            }
            for row in self.model.labour_force_rows
        ]

    def legal(self) -> list[dict]:
        legal = self.model.legal[self.model.legal["source_id"].isin(self.source_numbers)]
        return [
            {
                "instrument": row.instrument,
                "subject": getattr(row, f"subject_{self.language}"),
                "source": self.source(row.source_id),
            }
            for row in legal.drop_duplicates(["instrument", "source_id"]).itertuples()
        ]


def _distinct(history: list) -> list:
    """Each figure once: two outlets printing the same figure for the same date are one point
    (a different figure for that date stays, as the conflict it is)."""
    seen, distinct = set(), []
    for reading in history:
        if (reading.as_of, reading.value) not in seen:
            seen.add((reading.as_of, reading.value))
            distinct.append(reading)
    return distinct


# Every unit of ucjlib/indicators.csv, as a spreadsheet's reader reads it.
UNIT_WORDS = {
    "percent": N_("percent"),
    "points": N_("points"),
    "persons": N_("persons"),
    "rupiah": N_("rupiah"),
    "claims": N_("claims"),
    "programmes": N_("programmes"),
    "rank": N_("rank"),
    "villages": N_("villages"),
    "months": N_("months"),
}


def figures_table(view: View) -> pd.DataFrame:
    """The figures a report shows as one table for a spreadsheet: every figure of the region and
    the national yardsticks it is compared with, as printed and as numbers, then the gaps and
    what closing them takes (with their ranges). Numbers are left unformatted."""
    model, _ = view.model, view._
    unit_words = {unit: _(word) for unit, word in UNIT_WORDS.items()}
    # Every figure's own source (the download holds figures the page does not show, such as a
    # yardstick's second source).
    sources = pd.concat([model.figures, model.national]).drop_duplicates("source_id").set_index("source_id")
    rows = []

    def add(section, item, detail, as_of, value, unit, low=None, high=None, printed="", source_id=""):
        source = sources.loc[source_id] if source_id else None
        value, low, high = (_as_shown(number, unit) for number in (value, low, high))
        rows.append(
            {
                _("Section"): section,
                _("Item"): item,
                _("Detail"): detail,
                _("As of"): as_of,
                _("Value"): value,
                _("Low"): low,
                _("High"): high,
                _("Unit"): unit_words.get(unit, unit),
                _("As printed"): printed,
                _("Source"): "" if source is None else source["outlet"],
                "URL": "" if source is None else source["source_url"],
            }
        )

    national = [t for t in model.targets if t.kind == "national"]
    for target in national:
        add(
            _("National yardstick"),
            target.name,
            "",
            str(target.year),
            target.value,
            "percent",
            printed=target.as_printed,
            source_id=target.source_id,
        )
    for _index, row in model.figures.iterrows():
        qualifiers = [
            row["programme"],
            row["group"] if view.language == "id" else row["group_en"],
            row["funding"],
            row["basis"] if view.language == "id" else row["basis_en"],
            row["yardstick"] if view.language == "id" else row["yardstick_en"],
        ]
        add(
            _("Figure from a source"),
            view.indicator_title(row["indicator"]),
            ", ".join(q for q in qualifiers if q),
            row["as_of"],
            row["value"],
            row["unit"],
            printed=row["value_as_printed"],
            source_id=row["source_id"],
        )
    for gap in model.gaps:
        name = f"{view.target_name(gap.target)} ({gap.target.year})"
        add(_("Gap (points)"), name, "", model.coverage.as_of, gap.points, "points")
        if gap.persons is not None:
            add(
                _("Gap (persons)"),
                name,
                "",
                model.coverage.as_of,
                gap.persons,
                "persons",
                *(gap.persons_range or (None, None)),
            )
    for cost in model.costs:
        name = f"{view.target_name(cost.target)} ({cost.target.year})"
        add(
            _("New participants a year"),
            name,
            "",
            str(cost.first_budget.year),
            cost.participants_per_year,
            "persons",
            *cost.per_year_range,
        )
        for budget in cost.budget_years:
            add(
                _("Budget"),
                name,
                view.rate_text(budget),
                str(budget.year),
                budget.rupiah,
                "rupiah",
                *cost.budget_range(budget),
            )
    scenarios = model.scenario_rows
    for row in [] if scenarios is None else scenarios.itertuples():
        label = view.scenario_label(row.scenario)
        add(
            _("Scenario"),
            label,
            _("New participants, first year (%(year)s)") % {"year": row.first_year},
            str(row.first_year),
            row.first_year_added,
            "persons",
        )
        add(_("Scenario"), label, _("Budget, first year"), str(row.first_year), row.budget_first_year, "rupiah")
        if row.coverage_plan_end is not None:
            add(
                _("Scenario"),
                label,
                _("Coverage %(year)s") % {"year": config.PLAN_END_YEAR},
                str(config.PLAN_END_YEAR),
                row.coverage_plan_end,
                "percent",
            )
    return pd.DataFrame(rows)


def _as_shown(number, unit: str):
    """A number of the spreadsheet to the precision the page shows it: persons and rupiah whole,
    percentages and points to two decimals (no float noise such as 28453,190499999997)."""
    if number is None or pd.isna(number):
        return number
    return round(float(number), UNIT_DECIMALS.get(unit, 0))


def frame(rows: list[dict], **identity: str) -> pd.DataFrame:
    """Rows as a notebook table, without the footnote column, led by ``identity`` columns."""
    table = pd.DataFrame(rows).drop(columns=["source"], errors="ignore")
    for position, (column, value) in enumerate(identity.items()):
        table.insert(position, column, value)
    return table


# Statuses in a few words for a table cell, and in full for the legend above it.
STATUS = {
    "missed": N_("missed"),
    "due": N_("behind, due this year"),
    "ahead": N_("met so far"),
    "met": N_("all reached"),
    "none": N_("no coverage figure"),
}
STATUS_MEANING = {
    "missed": N_("missed a target whose year has passed"),
    "due": N_("behind a target due this year"),
    "ahead": N_("met every target due; a later one is open"),
    "met": N_("every target reached"),
    "none": N_("the sources give no coverage figure yet"),
}


# Keys of an overview row the templates use but do not show as columns.
OVERVIEW_KEYS = ("code", "name", "file", "level", "status", "link")


def overview_row(overview: Overview, language: str, file: str | None) -> dict:
    """One line of the national overview (and of a province's list of its regions)."""
    view, _ = View(overview, language), gettext_for(language)  # formatting only: an overview has no sources to number
    coverage, unmet = overview.coverage, overview.unmet_target
    return {
        "code": overview.code,
        "name": overview.name,
        "file": file,
        "level": overview.level,
        "status": overview.status,
        "link": _("Region"),  # the column whose cell links to the report
        _("Region"): overview.name,
        _("UCJ coverage"): NONE
        if coverage is None
        else view.printed(coverage.value, coverage.as_printed, "percent", coverage.approximate),
        _("As of"): NONE if coverage is None else view.date(coverage.as_of),
        _("Source"): NONE if coverage is None else overview.outlet,
        _("Status"): _(STATUS[overview.status]),
        _("Target the status speaks of"): NONE
        if unmet is None
        else f"{view.target_name(unmet)}: {view.target_value(unmet)} ({unmet.year})",
        _("Gap (points)"): NONE if unmet is None else view.num(overview.unmet_points, GAP_DECIMALS),
        _("Coverage on BPS employed persons"): NONE
        if overview.employed_percent is None
        else _("%(percent)s (participants %(participants)s ÷ employed %(employed)s)")
        % {
            "percent": view.pct(overview.employed_percent),
            "participants": view.date(overview.employed_participants_as_of.split("/")[-1]),
            "employed": view.date(overview.employed_as_of),
        },
    }


def _names(ratio) -> str:
    """The regions a ratio is estimated over, in the data's order."""
    return ", ".join(pair.region_name for pair in ratio.pairs)
