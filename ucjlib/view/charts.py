"""The report's charts as SVG, written by ``templates/chart.svg``: coverage against targets
(bars), coverage over time, and the scenarios' fan chart.

Not matplotlib, as the notebooks' charts: drawn with it, the charts alone would take a national
render past its time budget (benchmarks/README.md), while these few lines, bars and words written
directly cost milliseconds. Text stays text (readable, searchable,
sharp at any zoom), in the same palette and grayscale-safe styles as :mod:`ucjlib.analysis.plots`.
Every length is in CSS pixels; text widths for layout are measured with DejaVu Sans, the
font the chart names first.
"""

from __future__ import annotations

import base64
import functools
import math
from dataclasses import dataclass, field

import jinja2

from ucjlib.config import LONG_TERM_HORIZON, RULE_BASE_YEAR
from ucjlib.formatting import format_date, format_percent
from ucjlib.palette import PALETTE

TITLE_PX, LABEL_PX, SMALL_PX = 15, 12, 11  # no text is smaller than SMALL_PX (8,25 pt)
MARGIN = 8
GREY_BAND, GREY_TARGET = "#d9d9d9", "#4d4d4d"
# matplotlib's line styles as SVG dash patterns, paired with a marker so paths read in grayscale.
DASHES = {"-": None, "--": "6 3", "-.": "6 3 1.5 3", ":": "1.5 3"}
LINE_STYLES = [("-", "o"), ("--", "s"), ("-.", "^"), (":", "D"), ("-", "v"), ("--", "P"), ("-.", "X")]


@dataclass(frozen=True)
class Plot:
    """The plotting area within the chart."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height


@dataclass
class Chart:
    """A chart being drawn: its size, plotting area and shapes, as ``(tag, attributes, text)``
    in drawing order (``text`` None for an empty element)."""

    width: float
    plot: Plot
    height: float = 0
    shapes: list = field(default_factory=list)
    hatches: tuple = ()  # (pattern id, colour) of hatched fills

    def add(self, tag: str, text: str | None = None, **attributes) -> None:
        self.shapes.append(
            (
                tag,
                {key.replace("_", "-"): _number(value) for key, value in attributes.items() if value is not None},
                text,
            )
        )

    def text(self, x: float, y: float, text: str, size: float = LABEL_PX, anchor: str = "start", **attributes) -> None:
        """``text`` with its baseline at ``y`` (anchored at ``x`` by its start, middle or end)."""
        self.add(
            "text", text, x=x, y=y, font_size=size, text_anchor=None if anchor == "start" else anchor, **attributes
        )

    @property
    def smallest_text_px(self) -> float:
        return min(attributes["font-size"] for tag, attributes, _ in self.shapes if tag == "text")

    def svg(self) -> str:
        return _template().render(chart=self)

    def data_uri(self) -> str:
        """The chart as an SVG data URI (no file, no network; inside ``<img>`` it can run nothing)."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg().encode("utf-8")).decode("ascii")


def _number(value):
    """Coordinates with at most one decimal (``12.5``, ``40``): shorter pages, same picture."""
    if isinstance(value, float):
        return f"{value:.1f}".removesuffix(".0")
    return value


@functools.lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("ucjlib", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("chart.svg")


@functools.lru_cache(maxsize=1)
def _font():
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    return FT2Font(font_manager.findfont("DejaVu Sans"))


@functools.lru_cache(maxsize=4096)
def text_width(text: str, size_px: float) -> float:
    """Width of ``text`` in DejaVu Sans at ``size_px`` (at 72 dpi a point is a pixel)."""
    font = _font()
    font.set_size(size_px, 72)
    font.set_text(text, 0.0)
    return font.get_width_height()[0] / 64


def _scale(low: float, high: float, start: float, end: float):
    return lambda value: start + (value - low) * (end - start) / (high - low)


def _marker(chart: Chart, shape: str, x: float, y: float, radius: float, colour: str) -> None:
    """A filled marker (matplotlib's letters: o s ^ v D P X) centred on (x, y)."""
    if shape == "o":
        chart.add("circle", cx=x, cy=y, r=radius, fill=colour)
        return
    plus = [
        (-0.35, -1),
        (0.35, -1),
        (0.35, -0.35),
        (1, -0.35),
        (1, 0.35),
        (0.35, 0.35),
        (0.35, 1),
        (-0.35, 1),
        (-0.35, 0.35),
        (-1, 0.35),
        (-1, -0.35),
        (-0.35, -0.35),
    ]
    outline = {
        "s": [(-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9)],
        "^": [(0, -1.2), (1.1, 0.8), (-1.1, 0.8)],
        "v": [(0, 1.2), (1.1, -0.8), (-1.1, -0.8)],
        "D": [(0, -1.3), (1, 0), (0, 1.3), (-1, 0)],
        "P": plus,
        "X": [((dx - dy) * 0.8, (dx + dy) * 0.8) for dx, dy in plus],
    }[shape]
    chart.add(
        "polygon",
        points=" ".join(f"{_number(x + dx * radius)},{_number(y + dy * radius)}" for dx, dy in outline),
        fill=colour,
    )


def _polyline(chart: Chart, points, colour: str, width: float, dash: str | None = None) -> None:
    chart.add(
        "polyline",
        points=" ".join(f"{_number(x)},{_number(y)}" for x, y in points),
        fill="none",
        stroke=colour,
        stroke_width=width,
        stroke_dasharray=dash,
        stroke_linejoin="round",
        clip_path="url(#plot)",
    )


def _axes(chart: Chart, x_ticks: list[tuple[float, str]], y_ticks: list[tuple[float, str]]) -> None:
    """Left and bottom spines with their ticks (positions in pixels) and labels."""
    plot = chart.plot
    chart.add(
        "path",
        d=f"M{_number(plot.left)},{_number(plot.top)}V{_number(plot.bottom)}H{_number(plot.right)}",
        fill="none",
        stroke="#000",
        stroke_width=1,
    )
    for x, label in x_ticks:
        chart.add("line", x1=x, y1=plot.bottom, x2=x, y2=plot.bottom + 4, stroke="#000")
        chart.text(x, plot.bottom + 6 + SMALL_PX, label, SMALL_PX, "middle")
    for y, label in y_ticks:
        chart.add("line", x1=plot.left - 4, y1=y, x2=plot.left, y2=y, stroke="#000")
        chart.text(plot.left - 7, y + SMALL_PX * 0.35, label, SMALL_PX, "end")


def _title(chart: Chart, title: str) -> None:
    chart.text(MARGIN, MARGIN + TITLE_PX, title, TITLE_PX)


def _wrapped(text: str, size_px: float, width: float) -> list[str]:
    """``text`` in lines no wider than ``width`` (broken between words; a longer word keeps its line)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and text_width(f"{lines[-1]} {word}", size_px) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


def _legend(chart: Chart, entries: list[tuple[dict, str]], top: float, columns: int) -> float:
    """Legend entries (a key: ``line`` colour/dash/marker, ``fill`` colour, or ``ring`` colour;
    and a label) in up to ``columns`` columns from ``top``, as many as the width holds (a label
    too long for the chart is wrapped); returns the legend's bottom."""
    key_width, line_height, gap = 30, SMALL_PX + 4, 18
    longest = chart.width - 2 * MARGIN - key_width - 6 - gap
    labels = [_wrapped(label, SMALL_PX, longest) for _, label in entries]
    column_width = key_width + 6 + max(text_width(line, SMALL_PX) for lines in labels for line in lines) + gap
    columns = max(1, min(columns, len(entries), int((chart.width - 2 * MARGIN) // column_width)))
    left = max(MARGIN, (chart.width - columns * column_width) / 2)
    for row in range(0, len(entries), columns):
        height = max(len(lines) for lines in labels[row : row + columns]) * line_height + 4
        row_entries, row_labels = entries[row : row + columns], labels[row : row + columns]
        for position, ((key, _), lines) in enumerate(zip(row_entries, row_labels, strict=True)):
            x, y = left + position * column_width, top + line_height / 2 + 2
            if "fill" in key:
                chart.add(
                    "rect", x=x + 4, y=y - 6, width=key_width - 8, height=12, fill=key["fill"], stroke=key.get("edge")
                )
            if "line" in key:
                chart.add(
                    "line",
                    x1=x,
                    y1=y,
                    x2=x + key_width,
                    y2=y,
                    stroke=key["line"],
                    stroke_width=key.get("width", 1.8),
                    stroke_dasharray=DASHES.get(key.get("dash", "-")),
                )
            if "marker" in key:
                _marker(
                    chart, key["marker"], x + key_width / 2, y, 4, key.get("marker_colour", key.get("line", "#000"))
                )
            if "ring" in key:
                chart.add("circle", cx=x + key_width / 2, cy=y, r=7, fill="none", stroke=key["ring"], stroke_width=2)
            for number, line in enumerate(lines):
                chart.text(x + key_width + 6, y + SMALL_PX * 0.35 + number * line_height, line, SMALL_PX)
        top += height
    return top


def coverage_vs_targets(
    coverage: float | None,
    coverage_label: str,
    targets: list[tuple[str, float, bool]],
    title: str,
    language: str = "id",
    coverage_decimals: int = 2,
) -> Chart:
    """Horizontal bars: the region's coverage, then each target (own targets hatched).

    ``targets`` holds ``(label, value, is_own)``. Values are written at the bar ends, the
    coverage with the decimals it was printed with.
    """
    bars = ([(coverage_label, coverage, PALETTE[0], coverage_decimals)] if coverage is not None else []) + [
        (label, value, "url(#hatch-own)" if own else PALETTE[7], 2) for label, value, own in targets
    ]
    pitch, thickness = 34, 24
    left = round(MARGIN + max((text_width(label, LABEL_PX) for label, *_ in bars), default=0) + 10, 1)
    plot = Plot(left, MARGIN + TITLE_PX + 16, 720 - MARGIN - left, pitch * max(len(bars), 1))
    chart = Chart(720, plot, math.ceil(plot.bottom + 8 + SMALL_PX + MARGIN), hatches=(("hatch-own", PALETTE[1]),))
    x = _scale(0, 120, plot.left, plot.right)  # room for the label of a bar at 100%
    _title(chart, title)
    for row, (label, value, fill, decimals) in enumerate(bars):
        middle = plot.top + pitch * (row + 0.5)
        chart.add(
            "rect",
            x=plot.left,
            y=middle - thickness / 2,
            width=x(value) - plot.left,
            height=thickness,
            fill=fill,
            stroke="#000",
            stroke_width=0.8,
        )
        chart.text(x(value) + 5, middle + LABEL_PX * 0.35, format_percent(value, language, decimals))
        chart.text(plot.left - 8, middle + LABEL_PX * 0.35, label, anchor="end")
    _axes(chart, [(x(v), format_percent(v, language, 0)) for v in range(0, 101, 20)], [])
    return chart


def fan_chart(
    observed,
    fitted,
    targets: list[tuple[str, float]],
    paths: list[tuple[str, object]],
    title: str,
    language: str = "id",
) -> Chart:
    """Coverage over time: observations (points), a fitted trend with its interval band
    (when there is one), target lines and scenario paths (each with its own line style and
    marker, so they read in grayscale).

    ``observed``: frame with ``year`` (decimal) and ``coverage``; ``fitted``: frame with
    ``year``, ``coverage``, ``lower``, ``upper`` or None; ``paths``: ``(label, frame)`` with
    ``year`` and ``coverage``.
    """
    left = round(MARGIN + text_width("100%", SMALL_PX) + 12, 1)
    plot = Plot(left, MARGIN + TITLE_PX + 16, 768 - MARGIN - left, 250)
    chart = Chart(768, plot)
    start = min([RULE_BASE_YEAR] + list(observed["year"])) - 0.5
    x, y = _scale(start, LONG_TERM_HORIZON + 0.5, plot.left, plot.right), _scale(0, 105, plot.bottom, plot.top)
    _title(chart, title)
    legend = []
    if fitted is not None:
        # With few degrees of freedom a trend has no interval beyond its span + 4 years: the band stops there.
        banded = fitted.dropna(subset=["lower", "upper"])
        band = [(x(a), y(b)) for a, b in zip(banded["year"], banded["upper"], strict=True)] + [
            (x(a), y(b)) for a, b in zip(banded["year"][::-1], banded["lower"][::-1], strict=True)
        ]
        chart.add(
            "polygon",
            points=" ".join(f"{_number(a)},{_number(b)}" for a, b in band),
            fill=GREY_BAND,
            clip_path="url(#plot)",
        )
        _polyline(chart, [(x(a), y(b)) for a, b in zip(fitted["year"], fitted["coverage"], strict=False)], "#000", 2.2)
        legend += [
            ({"fill": GREY_BAND}, fitted.attrs.get("band", "")),
            ({"line": "#000", "width": 2.2}, fitted.attrs.get("line", "")),
        ]
    for value_label, value in targets:
        chart.add(
            "line",
            x1=plot.left,
            y1=y(value),
            x2=plot.right,
            y2=y(value),
            stroke=GREY_TARGET,
            stroke_width=1.2,
            stroke_dasharray="1.5 4",
        )
        chart.text(
            x(start + 0.2), y(value) - 3, f"{value_label}: {format_percent(value, language)}", SMALL_PX, fill="#333"
        )
    for index, (label, path) in enumerate(paths):
        style, marker = LINE_STYLES[index % len(LINE_STYLES)]
        colour = PALETTE[index % len(PALETTE)]
        points = [(x(a), y(b)) for a, b in zip(path["year"], path["coverage"], strict=False)]
        _polyline(chart, points, colour, 1.8, DASHES[style])
        for a, b in points[::4]:  # a marker every fourth point, as matplotlib's markevery=4
            _marker(chart, marker, a, b, 3.5, colour)
        legend.append(({"line": colour, "dash": style, "marker": marker}, label))
    for a, b in zip(observed["year"], observed["coverage"], strict=False):
        chart.add("circle", cx=x(a), cy=y(b), r=4.5, fill="#000")
    if len(observed):
        legend.append(({"marker": "o", "marker_colour": "#000"}, observed.attrs.get("label", "")))
    first_tick = math.ceil(start / 5) * 5
    _axes(
        chart,
        [(x(year), str(year)) for year in range(first_tick, LONG_TERM_HORIZON + 1, 5)],
        [(y(v), format_percent(v, language, 0)) for v in range(0, 101, 20)],
    )
    chart.height = math.ceil(_legend(chart, legend, plot.bottom + 12 + 2 * SMALL_PX, 2) + MARGIN)
    return chart


def coverage_over_time(region, national, title: str, labels: dict, language: str = "id") -> Chart:
    """Every dated coverage figure of a region (``region``: ``year`` as a decimal, ``coverage``,
    ``text`` as printed, ``new_basis``), the nation's as a reference line (``national``: ``year``,
    ``coverage``; may be empty), and a ring around a figure whose denominator changed.
    ``labels`` holds the words (``region``, ``national``, ``new_basis``)."""
    left = round(MARGIN + text_width("100%", SMALL_PX) + 12, 1)
    plot = Plot(left, MARGIN + TITLE_PX + 22, 720 - MARGIN - left - 10, 210)
    chart = Chart(720, plot)
    years = list(region["year"]) + list(national["year"])
    top = min(105, max(list(region["coverage"]) + list(national["coverage"])) + 15)
    x, y = _scale(min(years) - 0.3, max(years) + 0.3, plot.left, plot.right), _scale(0, top, plot.bottom, plot.top)
    _title(chart, title)
    legend = []
    if len(national):
        points = [(x(a), y(b)) for a, b in zip(national["year"], national["coverage"], strict=False)]
        _polyline(chart, points, PALETTE[7], 1.6, DASHES["--"])
        for a, b in points:
            _marker(chart, "s", a, b, 3, PALETTE[7])
        legend.append(({"line": PALETTE[7], "dash": "--", "marker": "s"}, labels["national"]))
    points = [(x(a), y(b)) for a, b in zip(region["year"], region["coverage"], strict=False)]
    _polyline(chart, points, PALETTE[0], 2)
    for a, b in points:
        _marker(chart, "o", a, b, 4.5, PALETTE[0])
    legend.append(({"line": PALETTE[0], "marker": "o"}, labels["region"]))
    for index, ((a, b), text) in enumerate(zip(points, region["text"], strict=False)):
        # Two figures for one date (a conflict the quality box names): the lower one's label goes below it.
        below = any(abs(a - other_a) < 8 and other_b < b for other_a, other_b in points[:index] + points[index + 1 :])
        chart.text(a, b + 10 + LABEL_PX if below else b - 10, text, LABEL_PX, "middle")
    for row in region[region["new_basis"]].itertuples(index=False):
        chart.add("circle", cx=x(row.year), cy=y(row.coverage), r=10, fill="none", stroke=PALETTE[3], stroke_width=2.2)
    if region["new_basis"].any():
        legend.append(({"ring": PALETTE[3]}, labels["new_basis"]))
    step = 1 if max(years) - min(years) > 1.5 else 0.25
    ticks = [k * step for k in range(math.ceil((min(years) - 0.3) / step), math.floor((max(years) + 0.3) / step) + 1)]
    y_step = next(s for s in (5, 10, 20, 25, 50) if top / s <= 7)
    _axes(
        chart,
        [(x(t), _year_label(t, language)) for t in ticks],
        [(y(v), format_percent(v, language, 0)) for v in range(0, int(top) + 1, y_step)],
    )
    chart.height = math.ceil(_legend(chart, legend, plot.bottom + 12 + 2 * SMALL_PX, 3) + MARGIN)
    return chart


def _year_label(value: float, language: str = "id") -> str:
    """A decimal year as ``2025`` or, between years, as a short month: ``Jul 2025``.

    Examples
    --------
    >>> _year_label(2025.0), _year_label(2025.5), _year_label(2025.75, "en")
    ('2025', 'Jul 2025', 'Oct 2025')
    """
    year = int(value + 1e-9)
    month = round((value - year) * 12) + 1
    return str(year) if month == 1 else format_date(f"{year}-{month:02d}", language, short=True)
