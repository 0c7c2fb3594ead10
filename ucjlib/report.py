"""One region's report: its figures gathered from the processed data, and the report's
sections as HTML fragments (every text from the data is escaped, never markup).

The template notebook ``notebooks/report-region.ipynb`` only calls :func:`prepare` and
displays the sections.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
from dataclasses import dataclass, field

import pandas as pd

from . import __version__, config, metrics
from .errors import RegionError, UCJError
from .formatting import LANGUAGES, format_date, format_number, format_percent, format_points, format_rupiah
from .indicators import indicators
from .parse import printed_decimals
from .paths import processed_legal
from .processed import load_checks, load_processed
from .projections import ProjectionError, fit_trend, protected_share
from .region_scenarios import region_scenarios, scenario_table, starting_point, yardstick_pace
from .regions import RegionTable
from .report_text import TEXT
from .summary import latest

MINIMUM_POINTS = 3  # coverage observations on one basis before a trend is fitted
END_OF_YEAR = 364 / 365.25  # where a year's end falls on a decimal time axis


class ReportParameterError(UCJError, ValueError):
    """A report parameter that cannot be used."""


def _memo(method):
    """Compute a figure once per report object (the sections ask for it many times)."""
    key = "_memo_" + method.__name__

    @functools.wraps(method)
    def wrapper(self):
        if key not in self.__dict__:
            self.__dict__[key] = method(self)
        return self.__dict__[key]

    return wrapper


def _e(value) -> str:
    return html.escape(str(value), quote=True)


@dataclass
class RegionReport:
    """Everything one regional report shows, for one language."""

    region_code: str
    region_name: str
    level: str
    language: str
    premium_rate: float
    yardstick: str
    target_year: int
    workforce_growth: float | None
    figures: pd.DataFrame
    national: pd.DataFrame
    checks: pd.DataFrame
    legal: pd.DataFrame
    footnotes: dict[str, int] = field(default_factory=dict)

    # -- helpers -------------------------------------------------------------------------
    @property
    def t(self) -> dict:
        return TEXT[self.language]

    def _pct(self, points: float) -> str:
        return format_percent(points, self.language)

    def _num(self, value: float) -> str:
        return format_number(value, self.language)

    def _cite(self, row) -> str:
        """A footnote mark for the row's source, numbered in order of first use."""
        number = self.footnotes.setdefault(row["source_id"], len(self.footnotes) + 1)
        return f'<sup><a href="#src-{number}">[{number}]</a></sup>'

    def _value(self, row) -> str:
        unit = row["unit"]
        if unit == "rank":  # "lima besar" (among the top five) is not the same as fifth
            return row["value_as_printed"]
        if unit in ("percent", "points"):
            decimals = printed_decimals(row["value_as_printed"])
            text = (format_percent if unit == "percent" else format_points)(row["value"], self.language, decimals)
        elif unit == "rupiah":
            text = format_rupiah(row["value"], self.language)
        else:
            text = self._num(row["value"])
        return ("≈" if row["approximate"] else "") + text

    def _table(self, header: list[str], rows: list[list[str]], css: str = "") -> str:
        head = "".join(f"<th>{_e(h)}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
        return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'

    # -- figures -------------------------------------------------------------------------
    @_memo
    def start(self):
        """Where scenarios start (see :func:`ucjlib.region_scenarios.starting_point`)."""
        workers, how = self.denominator()
        participants = self._beside_coverage("active_participants") if how is None else None
        printed = None if participants is None else float(participants["value"])
        return starting_point(self.figures, self.checks, self.coverage(), workers, printed)

    @property
    def growth(self) -> float:
        """The work-force growth in use: the reader's, else what the region's targets imply, else 0."""
        if self.workforce_growth is not None:
            return self.workforce_growth
        start = self.start()
        return start.growth if start is not None else 0.0

    @_memo
    def coverage(self):
        return latest(self.figures, self.region_code, "ucj_coverage")

    def _beside_coverage(self, indicator: str):
        """The row of ``indicator`` printed by the same source for the same date as the
        headline coverage, or None."""
        coverage = self.coverage()
        if coverage is None:
            return None
        rows = self.figures[(self.figures["indicator"] == indicator) & (self.figures["source_id"] == coverage["source_id"])
                            & (self.figures["as_of"] == coverage["as_of"])]
        return rows.iloc[0] if len(rows) else None

    @_memo
    def denominator(self):
        """(workers, how) for the headline coverage: printed by the same source and date,
        else derived from a source's figures (a check of status ``info``), else None."""
        coverage = self.coverage()
        if coverage is not None:
            printed = self._beside_coverage("workers")
            if printed is not None:
                return printed["value"], None
            derived = self.checks[(self.checks["status"] == "info") & (self.checks["source_id"] == coverage["source_id"])
                                  & self.checks["check"].str.startswith("worker base")]
            if len(derived):
                return float(derived.iloc[0]["recomputed"]), derived.iloc[0]["inputs"]
        return None, None

    @_memo
    def targets(self) -> pd.DataFrame:
        """Coverage targets to compare with: the national yardsticks, the region's own, and
        the +20-point rule over an end-2024 level."""
        national = self.national[(self.national["indicator"] == "coverage_target")
                                 & self.national["yardstick"].isin(config.NATIONAL_YARDSTICKS)]
        own = self.figures[self.figures["indicator"] == "coverage_target"]
        rows = [(r, False) for _, r in national.iterrows()] + [(r, True) for _, r in own.iterrows()]
        table = [{"yardstick": r["yardstick"], "year": int(r["as_of"][:4]), "target": r["value"], "row": r, "own": own_flag}
                 for r, own_flag in rows]
        end_2024 = self.figures[(self.figures["indicator"] == "ucj_coverage") & self.figures["as_of"].str.startswith("2024")]
        if len(end_2024):
            base = end_2024.sort_values("as_of").iloc[-1]
            table.append({"yardstick": f"{self.t['rule_name']} ({self._pct(base['value'])} + 20)", "year": 2025,
                          "target": metrics.rule_target(base["value"]), "row": base, "own": True})
        return pd.DataFrame(table).sort_values(["year", "target"]) if table else pd.DataFrame(table)

    # -- sections ------------------------------------------------------------------------
    SECTIONS = ("header", "headline", "yardsticks", "chart", "closing", "scenarios", "figures", "quality",
                "assumptions", "sources")  # sources last: it lists the footnotes the others cite

    def sections_html(self) -> list[str]:
        """Every section of the report, in reading order."""
        return [getattr(self, f"{name}_html")() for name in self.SECTIONS]

    def chart_html(self) -> str:
        """Coverage against every target, as an embedded chart with a text alternative."""
        from .plots import coverage_vs_targets, figure_to_img

        coverage = self.coverage()
        targets = [(f"{r.yardstick} ({r.year})", r.target, r.own) for r in self.targets().itertuples()]
        label = self.t["chart_observed"].format(region=self.region_name)
        fig = coverage_vs_targets(None if coverage is None else coverage["value"], label, targets, self.t["chart_title"],
                                  self.language, 2 if coverage is None else printed_decimals(coverage["value_as_printed"]))
        described = ([f"{label}: {self._value(coverage)}"] if coverage is not None else []) + [
            f"{name}: {self._pct(value)}" for name, value, _ in targets]
        return f"<figure>{figure_to_img(fig, '; '.join(described))}</figure>"

    def header_html(self) -> str:
        other = "en" if self.language == "id" else "id"
        link = f'<p class="lang"><a href="{_e(report_filename(self.region_code, self.region_name, other, relative_to=self.language))}">{_e(self.t["other_language"])}</a></p>'
        return f'<header>{link}<h1>{_e(self.region_name)}</h1><p class="subtitle">{_e(self.t["title"])}</p></header>'

    def headline_html(self) -> str:
        coverage = self.coverage()
        parts = [f"<h2>{_e(self.t['headline'])}</h2>"]
        if coverage is None:
            parts.append(f"<p>{_e(self.t['no_coverage'].format(region=self.region_name))}</p>")
            return "".join(parts)
        sentence = self.t["coverage_is"].format(region=_e(self.region_name), coverage=_e(self._value(coverage)),
                                                date=_e(format_date(coverage["as_of"], self.language)))
        participants = self._beside_coverage("active_participants")
        workers, how = self.denominator()
        if participants is not None and workers is not None and how is None:
            sentence += self.t["of_workers"].format(participants=_e(self._value(participants)), workers=_e(self._num(workers)))
        parts.append(f'<p class="headline">{sentence} {self._cite(coverage)}.</p>')
        if coverage["basis"]:
            parts.append(f"<p>{_e(self.t['basis'].format(basis=coverage['basis']))}</p>")
        return "".join(parts)

    def yardsticks_html(self) -> str:
        t, coverage = self.t, self.coverage()
        targets = self.targets()
        workers, _ = self.denominator()
        rows = []
        for target in targets.itertuples():
            label = _e(target.yardstick) + (f" <em>({_e(t['own_target'])})</em>" if target.own else "")
            cells = [label + " " + self._cite(target.row), str(target.year), _e(self._pct(target.target))]
            if coverage is not None:
                gap = metrics.gap_points(coverage["value"], target.target)
                persons = "–" if workers is None else self._num(metrics.gap_persons(coverage["value"], target.target, workers))
                cells += [_e(format_number(gap, self.language, 2)) if gap else _e(t["reached"]), _e(persons),
                          _e(self._pct(metrics.attainment(coverage["value"], target.target)))]
            rows.append(cells)
        header = [t["yardstick"], t["year"], t["target"]] + ([t["gap_points"], t["gap_persons"], t["attainment"]] if coverage is not None else [])
        return f"<h2>{_e(t['yardsticks'])}</h2>" + self._table(header, rows, "yardsticks")

    def closing_html(self) -> str:
        t, coverage = self.t, self.coverage()
        workers, how = self.denominator()
        targets = self.targets()
        chosen = targets[(targets["yardstick"] == self.yardstick) & (targets["year"] == self.target_year)] if len(targets) else targets
        missing = []
        if coverage is None:
            missing.append(t["missing_coverage"])
        if workers is None:
            missing.append(t["missing_workers"])
        if chosen.empty:
            missing.append(t["missing_target"].format(yardstick=self.yardstick, year=self.target_year))
        out = f"<h2>{_e(t['closing'])}</h2>" + self._own_plan_html()
        if missing:
            return out + f"<p>{_e(t['no_closing'].format(missing='; '.join(missing)))}</p>"
        target = chosen.iloc[0]
        if coverage["value"] >= target["target"]:
            reached = t["closing_reached"].format(coverage=self._pct(coverage["value"]), target=self._pct(target["target"]),
                                                  yardstick=target["yardstick"], year=self.target_year)
            return out + f"<p>{_e(reached)}</p>"
        start_year = int(coverage["as_of"][:4])
        years = max(1, self.target_year - start_year)
        participants = self.start().participants
        per_year = metrics.participants_needed_per_year(participants, workers, target["target"], self.target_year - years,
                                                        self.target_year, self.growth)
        total = per_year * years
        yearly_cost = per_year * 12 * self.premium_rate
        full_cost = total * 12 * self.premium_rate
        discounted = metrics.enrolment_cost(total, 12, dt.date(2026, 1, 1))
        intro = t["closing_intro"].format(target=self._pct(target["target"]), yardstick=target["yardstick"],
                                          year=self.target_year, coverage=self._pct(coverage["value"]),
                                          date=format_date(coverage["as_of"], self.language))
        rate = format_rupiah(self.premium_rate, self.language)
        items = [
            f"<li><strong>{_e(self._num(per_year))}</strong> {_e(t['per_year'])}</li>",
            f"<li><strong>{_e(format_rupiah(yearly_cost, self.language))}</strong> {_e(t['cost_per_year'].format(rate=rate))}</li>",
            f"<li><strong>{_e(format_rupiah(full_cost, self.language))}</strong> {_e(t['cost_full'])}</li>",
        ]
        notes = [t["cost_discount"].format(cost=format_rupiah(discounted, self.language))]
        if how:
            notes.append(t["derived_workers"].format(workers=self._num(workers), how=how))
        return out + f"<p>{_e(intro)}</p><ul class='closing'>{''.join(items)}</ul>" + "".join(f"<p class='note'>{_e(n)}</p>" for n in notes)

    def _own_plan_html(self) -> str:
        """What a region's own pair of participant targets implies: new participants a year,
        their cost, and the work-force growth behind the two coverage targets."""
        plans = self.figures[self.figures["indicator"] == "participants_target"].sort_values("as_of")
        if len(plans) < 2:
            return ""
        first, second = plans.iloc[0], plans.iloc[-1]
        years = int(second["as_of"][:4]) - int(first["as_of"][:4])
        derived = self.checks[self.checks["check"] == "worker base implied by a target pair"].sort_values("as_of")
        if years <= 0 or len(derived) < 2:
            return ""
        per_year = (second["value"] - first["value"]) / years
        workers_first, workers_second = derived["recomputed"].iloc[0], derived["recomputed"].iloc[-1]
        growth = (workers_second / workers_first) ** (1 / years) - 1
        text = self.t["plan_text"].format(
            yardstick=first["yardstick"], first=self._num(first["value"]), first_year=first["as_of"],
            second=self._num(second["value"]), second_year=second["as_of"], per_year=self._num(per_year),
            cost=format_rupiah(per_year * 12 * self.premium_rate, self.language),
            workers_first=self._num(workers_first), workers_second=self._num(workers_second),
            growth=format_percent(growth * 100, self.language, 2))
        return f"<h3>{_e(self.t['plan'])}</h3><p>{_e(text)} {self._cite(first)}</p>"

    def _chosen_target(self) -> float | None:
        targets = self.targets()
        chosen = targets[(targets["yardstick"] == self.yardstick) & (targets["year"] == self.target_year)] if len(targets) else targets
        return None if chosen.empty else float(chosen["target"].iloc[0])

    @_memo
    def scenario_table(self):
        """(start, scenario table, targets compared) or None when no start can be set."""
        start = self.start()
        chosen = self._chosen_target()
        if start is None or chosen is None:
            return None
        pace = yardstick_pace(self.national)
        scenarios = region_scenarios(self.figures, start, chosen, self.target_year, self.growth, pace, self.language)
        rpjpn = self.national[(self.national["indicator"] == "coverage_target") & (self.national["yardstick"] == "RPJPN 2025–2045")]
        compared = [(f"{self.yardstick} ({self.target_year})", chosen)] + [("RPJPN 2025–2045 (2045)", float(v)) for v in rpjpn["value"]]
        return start, scenario_table(start, scenarios, compared, None), compared

    @_memo
    def trend(self):
        """The statistical projection, or the reason (in the report language) there is none."""
        observed = self.figures[self.figures["indicator"] == "ucj_coverage"]
        bases = sorted(set(observed["basis"]))
        if len(bases) > 1:
            return None, self.t["projection_mixed"].format(bases=", ".join(b or "–" for b in bases))
        if len(observed) < MINIMUM_POINTS:
            return None, self.t["projection_few"].format(n=len(observed), minimum=MINIMUM_POINTS)
        try:
            return fit_trend(observed, MINIMUM_POINTS), None
        except ProjectionError as err:
            return None, str(err)

    def scenarios_html(self) -> str:
        t = self.t
        out = f"<h2>{_e(t['scenarios'])}</h2><p>{_e(t['scenarios_intro'])}</p>"
        fit, reason = self.trend()
        if fit is None:
            out += f"<p class='note'>{_e(t['projection_none'].format(reason=reason))}</p>"
        else:
            predicted = fit.predict([2029, 2045])
            items = "".join(f"<li>{r.year}: {_e(self._pct(r.coverage))} ({_e(self._pct(r.lower))} – {_e(self._pct(r.upper))})</li>"
                            for r in predicted.itertuples())
            out += f"<p>{_e(t['projection'].format(n=fit.n, basis=fit.basis or '–'))}</p><ul>{items}</ul>"
        table = self.scenario_table()
        if table is None:
            return out + f"<p>{_e(t['no_scenarios'])}</p>"
        start, rows, compared = table
        intro = t["start_hypothetical" if start.hypothetical else "start_observed"].format(
            year=start.year, participants=self._num(start.participants), workers=self._num(start.workers),
            coverage=self._pct(start.participants / start.workers * 100), growth=format_percent(self.growth * 100, self.language, 2))
        frame = self.scenario_frame(start, rows, compared)
        body = []
        for (_, row), (_, cells) in zip(rows.iterrows(), frame.iterrows()):
            source = row["scenario"].source_id
            cited = " " + self._cite(self.figures[self.figures["source_id"] == source].iloc[0]) if source else ""
            body.append([_e(cells.iloc[0]) + cited] + [_e(cell) for cell in cells.iloc[1:]])
        _, how = self.denominator()
        if how and not start.hypothetical:
            intro += " " + t["derived_workers"].format(workers=self._num(start.workers), how=how)
        return out + f"<p>{_e(intro)}</p>" + self._table(list(frame.columns), body, "scenarios") + \
            f"<p class='note'>{_e(t['budget_note'])}</p>" + self._poverty_html() + self.fan_chart_html(rows, fit, compared)

    def scenario_frame(self, start, rows, compared) -> pd.DataFrame:
        """The scenario table as text for readers, with headers in the report language."""
        t = self.t
        reached_columns = [t["reached_column"].format(name=name, target=self._pct(value)) for name, value in compared]
        records = []
        for _, row in rows.iterrows():
            record = {t["scenario"]: row["scenario"].label(self.language), t["first_year_added"]: self._num(row["first_year_added"]),
                      t["coverage_2029"]: self._pct(row["coverage_2029"])}
            for column, (name, value) in zip(reached_columns, compared):
                record[column] = self._reached(row[f"reached:{name}"], start, value)
            record[t["budget_first_year"]] = format_rupiah(row["budget_first_year"], self.language)
            record[t["budget_2029"]] = format_rupiah(row["budget_2029"], self.language)
            records.append(record)
        return pd.DataFrame(records)

    def _reached(self, year, start, target: float) -> str:
        if start.participants / start.workers * 100 >= target:
            return self.t["already"]
        return self.t["not_by"] if pd.isna(year) else str(int(year))

    def _poverty_html(self) -> str:
        poor = self.figures[self.figures["indicator"] == "poor_residents"]
        paces = self.figures[self.figures["indicator"] == "poor_protected_per_year"]
        if poor.empty or paces.empty:
            return ""
        poor_row, pace = poor.iloc[0], paces.iloc[0]
        first, last = (int(part[:4]) for part in pace["as_of"].split("/")) if "/" in pace["as_of"] else (int(pace["as_of"][:4]),) * 2
        lines = []
        for start in (first, first + 1):
            share = protected_share(poor_row["value"], pace["value"], start, last)
            lines.append(self.t["poverty_line"].format(start=start, end=last, share=self._pct(share["share"].iloc[-1]),
                                                        protected=self._num(share["protected"].iloc[-1])))
        text = self.t["poverty_intro"].format(poor=self._value(poor_row), pace=self._num(pace["value"]), end=last)
        return (f"<h3>{_e(self.t['poverty'])}</h3><p>{_e(text)} {self._cite(pace)}</p><ul>"
                + "".join(f"<li>{_e(line)}</li>" for line in lines) + f"</ul><p class='note'>{_e(self.t['poverty_note'])}</p>")

    def fan_chart_html(self, rows, fit, compared) -> str:
        from .plots import figure_to_img

        described = "; ".join(f"{row.scenario.label(self.language)}: 2029 {self._pct(row.coverage_2029)}"
                              for row in rows.itertuples() if row.coverage_2029 is not None)
        return f"<figure>{figure_to_img(self.fan_chart(rows, fit, compared), described)}</figure>"

    def fan_chart(self, rows, fit, compared):
        """Observations, trend band (if any), targets and scenario paths, as a matplotlib figure."""
        from .parse import period_end
        from .plots import fan_chart

        observed = self.figures[self.figures["indicator"] == "ucj_coverage"]
        points = pd.DataFrame({"year": [period_end(a).year + period_end(a).timetuple().tm_yday / 365.25 for a in observed["as_of"]],
                               "coverage": observed["value"].tolist()})
        points.attrs["label"] = self.t["observed"]
        fitted = None
        if fit is not None:
            fitted = fit.predict(range(int(points["year"].min()), 2046))
            fitted.attrs.update(line=self.t["trend_line"], band=self.t["trend_band"])
        # Scenario paths hold end-of-year values; they start from the starting point's date.
        start = self.start()
        start_x = points["year"].max() if not start.hypothetical and len(points) else start.year + END_OF_YEAR
        first = pd.DataFrame({"year": [start_x], "coverage": [start.participants / start.workers * 100]})
        paths = [(row.scenario.label(self.language),
                  pd.concat([first, row.path[["year", "coverage"]].assign(year=row.path["year"] + END_OF_YEAR)]))
                 for row in rows.itertuples()]
        return fan_chart(points, fitted, compared, paths, self.t["fan_title"].format(region=self.region_name), self.language)

    def figures_html(self) -> str:
        """Every other figure the sources give for the region: programmes, groups, claims,
        budgets, poverty. Built from the data, so a new indicator shows with no code change."""
        t = self.t
        shown = {"ucj_coverage", "coverage_target"}
        rows = []
        for _, row in self.figures[~self.figures["indicator"].isin(shown)].iterrows():
            detail = ", ".join(str(row[q]) for q in ("programme", "group", "funding", "basis", "yardstick") if row[q])
            rows.append([_e(indicators().loc[row["indicator"], f"title_{self.language}"]), _e(detail), _e(self._value(row)),
                         _e(format_date(row["as_of"], self.language)), self._cite(row)])
        if not rows:
            return ""
        return f"<h2>{_e(t['figures'])}</h2>" + self._table([t["indicator"], t["detail"], t["value"], t["as_of"], t["source"]], rows, "figures")

    def quality_html(self) -> str:
        t = self.t
        flags = self.checks[self.checks["status"] == "flag"]
        derived = self.checks[self.checks["status"] == "info"]
        parts = [f'<section class="quality"><h2>{_e(t["quality"])}</h2><h3>{_e(t["quality_flags"])}</h3>']
        if flags.empty:
            parts.append(f"<p>{_e(t['quality_none'])}</p>")
        else:
            rows = [[_e(self._check_name(c.check)), _e(c.inputs), _e(self._num_any(c.recomputed, c.unit)), _e(self._num_any(c.printed, c.unit)),
                     _e(self._num_any(c.difference, c.unit)), _e(self.t.get("check_explanations", {}).get(c.check, c.explanation))]
                    for c in flags.itertuples()]
            parts.append(self._table([t["check"], t["detail"], t["recomputed"], t["printed"], t["difference"], ""], rows, "flags"))
        if len(derived):
            parts.append(f"<h3>{_e(t['quality_derived'])}</h3>")
            rows = [[_e(self._check_name(c.check)), _e(c.inputs), _e(self._num_any(c.recomputed, c.unit))] for c in derived.itertuples()]
            parts.append(self._table([t["check"], t["detail"], t["recomputed"]], rows, "derived"))
        approximate = int(self.figures["approximate"].sum())
        if approximate:
            parts.append(f"<p>{_e(t['quality_approx'].format(n=approximate))}</p>")
        missing = self.missing()
        if missing:
            parts.append(f"<h3>{_e(t['quality_missing'])}</h3><ul>" + "".join(f"<li>{_e(m)}</li>" for m in missing) + "</ul>")
        return "".join(parts) + "</section>"

    def _check_name(self, check: str) -> str:
        return self.t.get("check_names", {}).get(check, check)

    def _num_any(self, value, unit: str) -> str:
        if value is None or pd.isna(value):
            return "–"
        if unit == "percent":
            return format_number(value, self.language, 2)
        if unit == "rupiah":
            return format_rupiah(value, self.language)
        return format_number(value, self.language, 1 if unit == "months" else 0)

    def missing(self) -> list[str]:
        """What a reader would expect in this report that the data does not hold yet."""
        labels = self.t["missing"]
        have = set(self.figures["indicator"])
        missing = [labels[key] for key, indicator in (("coverage", "ucj_coverage"), ("workers", "workers"),
                                                       ("participants", "active_participants"), ("own_target", "coverage_target"))
                   if indicator not in have]
        if (self.figures["published"] == "").any():
            missing.append(labels["published"])
        return missing

    def assumptions_html(self) -> str:
        t = self.t
        items = [
            t["assumption_rate"].format(rate=format_rupiah(self.premium_rate, self.language)),
            t["assumption_yardstick"].format(yardstick=self.yardstick, year=self.target_year),
            t["assumption_growth"].format(growth=format_percent(self.growth * 100, self.language, 2))
            + ("" if self.workforce_growth is not None or not self.growth else " " + t["growth_from_data"]),
            t["assumption_tolerance"].format(tolerance=format_number(config.CHECK_TOLERANCE_POINTS, self.language, 1)),
            t["assumption_gap"],
        ]
        return f"<h2>{_e(t['assumptions'])}</h2><ul>" + "".join(f"<li>{_e(i)}</li>" for i in items) + "</ul>"

    def sources_html(self) -> str:
        t = self.t
        sources = pd.concat([self.figures, self.national]).drop_duplicates("source_id").set_index("source_id")
        items = []
        for source_id, number in sorted(self.footnotes.items(), key=lambda item: item[1]):
            row = sources.loc[source_id]
            date = t["published"].format(date=format_date(row["published"], self.language)) if row["published"] else t["unpublished"]
            url = row["source_url"]
            link = f' <a href="{_e(url)}">{_e(url)}</a>' if url.startswith(("http://", "https://")) else ""
            items.append(f'<li id="src-{number}">[{number}] {_e(row["outlet"])}, <em>{_e(row["source_title_" + self.language])}</em>, {_e(date)}.{link} '
                         f'<span class="note">{_e(row["source_note_" + self.language])}</span></li>')
        cited = self.legal[self.legal["source_id"].isin(self.footnotes)]
        legal = "".join(f"<li>{_e(r.instrument)}: {_e(getattr(r, "subject_" + self.language))} [{self.footnotes[r.source_id]}]</li>"
                        for r in cited.drop_duplicates(["instrument", "source_id"]).itertuples())
        legal = f"<h3>{_e(t['legal'])}</h3><ul class='legal'>{legal}</ul>" if legal else ""
        footer = _e(t["footer"].format(version=__version__))
        return f"<h2>{_e(t['sources'])}</h2><ol class='sources'>{''.join(items)}</ol>{legal}<p class='footer'>{footer}</p>"


def report_filename(region_code: str, region_name: str, language: str, relative_to: str | None = None) -> str:
    """File name of a region's report; English reports live in ``en/``.

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
    name = f"{region_code}-{slug}.html"
    path = f"en/{name}" if language == "en" else name
    if relative_to == "en":
        return path[3:] if language == "en" else f"../{path}"
    return name if relative_to == language else path


def prepare(region: str, language: str = "id", premium_rate: float = config.BPU_JKK_JKM_MONTHLY,
            yardstick: str = "RPJMN 2025–2029", target_year: int = 2029, workforce_growth: float | None = None) -> RegionReport:
    """Validate the report parameters and gather the region's figures.

    Raises :class:`ReportParameterError` or :class:`~ucjlib.errors.RegionError` with a
    message naming the parameter and what would be accepted.
    """
    if language not in LANGUAGES:
        raise ReportParameterError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    if not isinstance(premium_rate, (int, float)) or premium_rate <= 0:
        raise ReportParameterError(f"premium_rate must be a positive number of rupiah per month, not {premium_rate!r}")
    if not isinstance(target_year, int) or not 2024 <= target_year <= 2100:
        raise ReportParameterError(f"target_year must be a year such as 2029, not {target_year!r}")
    if workforce_growth is not None and (not isinstance(workforce_growth, (int, float)) or not -0.5 < workforce_growth < 0.5):
        raise ReportParameterError(f"workforce_growth must be a yearly fraction such as 0.02 (or None: from the data), not {workforce_growth!r}")
    processed = load_processed()
    yardsticks = sorted(set(processed.loc[processed["indicator"] == "coverage_target", "yardstick"]))
    if yardstick not in yardsticks:
        raise ReportParameterError(f"yardstick {yardstick!r} is not in the data; choose one of: {'; '.join(yardsticks)}")
    resolved = RegionTable.load().resolve(region)
    figures = processed[processed["region_code"] == resolved.code]
    if figures.empty:
        present = sorted(set(processed.loc[processed["level"] != "national", "region_name"]))
        raise RegionError(f"region {region!r} ({resolved.name}, {resolved.code}) has no figures in the processed data; "
                          f"regions with data: {', '.join(present)}")
    checks = load_checks()
    return RegionReport(
        region_code=resolved.code, region_name=resolved.name, level=resolved.level, language=language,
        premium_rate=float(premium_rate), yardstick=yardstick, target_year=target_year,
        workforce_growth=None if workforce_growth is None else float(workforce_growth), figures=figures.reset_index(drop=True),
        national=processed[processed["level"] == "national"].reset_index(drop=True),
        checks=checks[checks["region_code"] == resolved.code].reset_index(drop=True),
        legal=pd.read_csv(processed_legal(), dtype=str, keep_default_na=False),
    )
